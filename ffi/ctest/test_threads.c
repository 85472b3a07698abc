/*
 * Several threads use the merzim C API at once: the built-in calendar (whose
 * first use races between the threads: nothing touches the library before
 * they start), a shared loaded calendar, eval_json with the default and other
 * schedules (the evaluator's caches), and the bulk function. Every result is
 * checked against known answers.
 *
 * Built with gcc -std=c99 -Wall -Wextra -Werror -pthread.
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "merzim.h"
#include "thread_check.h"

enum { THREADS = 8, ROUNDS = 200 };

static const char OVERLAY[] =
    "[[act]]\n"
    "id = \"example-order\"\n"
    "source = \"an example\"\n"
    "[[act.transfer]]\n"
    "day_off = \"2027-01-08\"\n"
    "working_day = \"2027-01-16\"\n";

static const char *TERM_REQ =
    "{\"id\": \"a1\", \"submitted\": \"2026-03-20T16:30:00\", \"term\": \"22 working days\"}";
static const char *TERM_OUT =
    "{\"id\":\"a1\",\"registered\":\"2026-03-20\",\"day_one\":\"2026-03-20\",\"last_day\":\"2026-04-23\",\"due\":\"2026-04-23T18:30:00+05:00\",\"provisional\":false,\"data_as_of\":\"";
static const char *REG_REQ =
    "{\"id\": \"r1\", \"regulation\": \"akmola-2014-cadastral-value\", \"submitted\": \"2014-07-01T10:00:00\"}";
static const char *REG_END = "\"end\":\"2014-07-03T10:50:00+06:00\",\"provisional\":false,\"data_as_of\":\"";

typedef struct {
    int index;
    merzim_calendar *loaded; /* shared by all threads */
    int failures;
} job;

static int starts_with(const char *s, const char *prefix) {
    return s != NULL && strncmp(s, prefix, strlen(prefix)) == 0;
}

static void *work(void *arg) {
    job *j = (job *)arg;
    const merzim_calendar *kz = merzim_calendar_kazakhstan();
    T_CHECK(j, kz != NULL);
    if (!kz)
        return NULL;
    for (int r = 0; r < ROUNDS; r++) {
        int32_t w = -1, d = 0, k = 0;
        T_CHECK(j, merzim_is_working_day(kz, 20260320, &w) == MERZIM_OK && w == 1);
        T_CHECK(j, merzim_is_working_day(kz, 20260323, &w) == MERZIM_OK && w == 0);
        T_CHECK(j, merzim_add_working_days(kz, 20260320, 1, &d) == MERZIM_OK && d == 20260326);
        T_CHECK(j, merzim_working_days_between(kz, 20260320, 20260423, &k) == MERZIM_OK && k == 21);
        T_CHECK(j, merzim_add_working_days(kz, 20260231, 1, &d) == MERZIM_ERR_INVALID_ARGUMENT);
        T_CHECK(j, merzim_add_working_days(kz, 20271231, 5, &d) == MERZIM_ERR_OUT_OF_COVERAGE);

        /* The shared loaded calendar. */
        T_CHECK(j, merzim_is_working_day(j->loaded, 20270108, &w) == MERZIM_OK && w == 0);
        T_CHECK(j, merzim_is_working_day(kz, 20270108, &w) == MERZIM_OK && w == 1);

        /* Bulk. */
        int32_t dates[3] = {20260320, 20260326, 20260321};
        int32_t n[3] = {1, -1, 0};
        int32_t out[3] = {0, 0, 0};
        size_t failed = 0;
        T_CHECK(j, merzim_add_working_days_bulk(kz, dates, n, 3, out, &failed) == MERZIM_OK);
        T_CHECK(j, failed == 3 && out[0] == 20260326 && out[1] == 20260320 && out[2] == 20260326);

        /* The batch contract. */
        char *json = NULL;
        T_CHECK(j, merzim_eval_json(TERM_REQ, &json) == MERZIM_OK);
        T_CHECK(j, json && strncmp(json, TERM_OUT, strlen(TERM_OUT)) == 0);
        merzim_string_free(json);

        json = NULL;
        T_CHECK(j, merzim_eval_json(REG_REQ, &json) == MERZIM_OK);
        T_CHECK(j, json && strstr(json, REG_END) != NULL);
        merzim_string_free(json);

        /* Other schedules fill the evaluator's cache concurrently. */
        char req[256];
        snprintf(req, sizeof req,
                 "{\"id\": %d, \"submitted\": \"2026-03-20T10:00:00\", \"term\": \"2 working days\", "
                 "\"schedule\": \"%02d:00-17:00\"}",
                 r, 8 + (r + j->index) % 3);
        json = NULL;
        T_CHECK(j, merzim_eval_json_with(j->loaded, req, &json) == MERZIM_OK);
        T_CHECK(j, json && strstr(json, "\"due\":\"2026-03-26T17:00:00+05:00\"") != NULL);
        if (json && strstr(json, "\"due\":\"2026-03-26T17:00:00+05:00\"") == NULL)
            fprintf(stderr, "thread %d: %s -> %s\n", j->index, req, json);
        merzim_string_free(json);

        json = NULL;
        T_CHECK(j, merzim_eval_json("{\"id\": \"x\"", &json) == MERZIM_ERR_INVALID_ARGUMENT);
        T_CHECK(j, starts_with(json, "{\"id\":\"x\",\"error\":{\"kind\":\"invalid_input\""));
        merzim_string_free(json);
    }
    return NULL;
}

int main(void) {
    pthread_t th[THREADS];
    job jobs[THREADS];
    merzim_calendar *loaded = NULL;
    merzim_error *err = NULL;
    int failures = 0;

    /* The built-in calendar (and its handle) is first touched by the threads,
     * a racing first use. The shared loaded calendar is built here first; it
     * uses the embedded data, not the built-in calendar's handle. */
    for (int i = 0; i < THREADS; i++) {
        jobs[i].index = i;
        jobs[i].loaded = NULL;
        jobs[i].failures = 0;
    }
    if (merzim_calendar_load(OVERLAY, strlen(OVERLAY), &loaded, &err) != MERZIM_OK) {
        fprintf(stderr, "load failed: %s\n", merzim_error_message(err));
        merzim_error_free(err);
        return 1;
    }
    for (int i = 0; i < THREADS; i++) {
        jobs[i].loaded = loaded;
        if (pthread_create(&th[i], NULL, work, &jobs[i]) != 0) {
            fprintf(stderr, "pthread_create failed\n");
            return 1;
        }
    }
    for (int i = 0; i < THREADS; i++) {
        pthread_join(th[i], NULL);
        failures += jobs[i].failures;
    }
    merzim_calendar_free(loaded);
    if (failures) {
        fprintf(stderr, "test_threads: %d failures\n", failures);
        return 1;
    }
    printf("test_threads: %d threads x %d rounds passed\n", THREADS, ROUNDS);
    return 0;
}

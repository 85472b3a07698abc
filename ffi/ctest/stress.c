/*
 * Stress: 8 threads make mixed calls into the merzim C API at once, 1,000,000
 * calls in all by default (`stress [TOTAL_CALLS]`), and check every answer
 * against the one the main thread computed alone before the threads started.
 *
 * The mix: working-day queries on the built-in calendar and on a loaded one
 * (scalar and bulk, dates across 2000-2027, errors out of coverage and for
 * impossible dates), legal terms as typed calls (merzim_legal_due, every
 * unit and channel), the batch contract (merzim_eval_json, and
 * merzim_eval_json_with with other schedules, so the evaluator's caches grow
 * under contention), error objects, and calendars loaded and freed inside the
 * threads. The shared loaded calendar is reference-counted: each thread holds
 * a reference of its own (merzim_calendar_retain) and the main thread gives
 * its reference back while the threads still run, so the calendar is freed by
 * whichever thread finishes last.
 *
 * Run by .ci/ffi.sh natively, under AddressSanitizer (a library built with
 * -Zsanitizer=address) and, with fewer calls, under Valgrind.
 * Built with gcc -std=c99 -Wall -Wextra -Werror -pthread.
 */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "merzim.h"
#include "thread_check.h"

enum { THREADS = 8, DATES = 512, REQUESTS = 6 };

static const char OVERLAY[] =
    "[[act]]\n"
    "id = \"stress-order\"\n"
    "source = \"an example order\"\n"
    "[[act.transfer]]\n"
    "day_off = \"2027-01-08\"\n"
    "working_day = \"2027-01-16\"\n"
    "[[act.day_off]]\n"
    "date = \"2026-06-10\"\n";

static const char *REQUEST[REQUESTS] = {
    "{\"id\": 1, \"submitted\": \"2026-03-20T16:30:00\", \"term\": \"22 working days\"}",
    "{\"id\": 2, \"submitted\": \"2024-02-29T23:59:00\", \"term\": \"3 hours\", \"schedule\": \"09:00-18:00\"}",
    "{\"id\": 3, \"regulation\": \"akmola-2014-cadastral-value\", \"submitted\": \"2014-07-01T10:00:00\"}",
    "{\"id\": 4, \"submitted\": \"2027-12-30T10:00:00\", \"term\": \"30 working days\"}",
    "{\"id\": 5, \"submitted\": \"2026-06-09T10:00:00\", \"term\": \"2 working days\", \"schedule\": \"mon-fri 08:00-17:00; sat 09:00-13:00\", \"week\": \"six\"}",
    "{\"id\": \"bad\", \"submitted\": \"not a date\", \"term\": \"1 day\"}",
};

/* Reference answers, computed by the main thread before the threads start. */
typedef struct {
    int32_t status;
    int32_t value;
} answer;

static int32_t dates[DATES];
static int32_t steps[DATES];
static answer working[2][DATES];   /* [builtin, loaded] */
static answer added[2][DATES];
static answer between[2][DATES];
static int32_t legal_status[2][DATES];
static merzim_due legal[2][DATES];
static int32_t bulk_out[DATES];
static size_t bulk_failed;
static int32_t bulk_status;
static int32_t eval_status[2][REQUESTS]; /* [eval_json, eval_json_with(loaded)] */
static char *eval_out[2][REQUESTS];

typedef struct {
    int index;
    long calls;
    const merzim_calendar *loaded; /* this thread's own reference */
    long failures;
} job;

/* A small deterministic generator per thread. */
static uint32_t next(uint32_t *s) {
    *s ^= *s << 13;
    *s ^= *s >> 17;
    *s ^= *s << 5;
    return *s;
}

static int32_t yyyymmdd(int y, int m, int d) { return y * 10000 + m * 100 + d; }

/* merzim_legal_due for dates[i] at a time of day, a term and a channel of its own. */
static int32_t legal_due_of(const merzim_calendar *cal, int i, merzim_due *out) {
    int64_t submitted = (int64_t)dates[i] * 10000 + (i % 24) * 100 + (i * 7) % 60;
    uint32_t amount = (uint32_t)(steps[i] < 0 ? -steps[i] : steps[i]); /* 0: an error */
    return merzim_legal_due(cal, submitted, amount, 1 + i % 5, i % 3, (i / 3) % 2, (i / 6) % 2, out,
                            NULL);
}

static void fill_dates(void) {
    uint32_t s = 2463534242u;
    for (int i = 0; i < DATES; i++) {
        int y = 1999 + (int)(next(&s) % 30); /* 1999..2028: some out of coverage */
        int m = 1 + (int)(next(&s) % 12);
        int d = 1 + (int)(next(&s) % 31); /* some impossible (31 April) */
        dates[i] = yyyymmdd(y, m, d);
        steps[i] = (int32_t)(next(&s) % 61) - 30;
    }
}

static void reference(const merzim_calendar *cal[2]) {
    for (int c = 0; c < 2; c++) {
        for (int i = 0; i < DATES; i++) {
            working[c][i].status = merzim_is_working_day(cal[c], dates[i], &working[c][i].value);
            added[c][i].status = merzim_add_working_days(cal[c], dates[i], steps[i], &added[c][i].value);
            between[c][i].status =
                merzim_working_days_between(cal[c], dates[i], dates[(i + 1) % DATES], &between[c][i].value);
            memset(&legal[c][i], 0, sizeof legal[c][i]);
            legal_status[c][i] = legal_due_of(cal[c], i, &legal[c][i]);
        }
        for (int r = 0; r < REQUESTS; r++) {
            eval_status[c][r] = c == 0 ? merzim_eval_json(REQUEST[r], &eval_out[c][r])
                                       : merzim_eval_json_with(cal[c], REQUEST[r], &eval_out[c][r]);
        }
    }
    bulk_status = merzim_add_working_days_bulk(cal[0], dates, steps, DATES, bulk_out, &bulk_failed);
}

static void *work(void *arg) {
    job *j = (job *)arg;
    const merzim_calendar *cal[2] = {merzim_calendar_kazakhstan(), j->loaded};
    uint32_t s = 0x9e3779b9u ^ (uint32_t)(j->index + 1) * 2654435761u;
    int32_t out[DATES];
    long calls = 0;
    while (calls < j->calls) {
        uint32_t pick = next(&s) % 100;
        int c = (int)(next(&s) & 1);
        int i = (int)(next(&s) % DATES);
        int32_t v = 0;
        if (pick < 30) {
            int32_t st = merzim_is_working_day(cal[c], dates[i], &v);
            T_CHECK(j, st == working[c][i].status && (st != MERZIM_OK || v == working[c][i].value));
            calls += 1;
        } else if (pick < 60) {
            int32_t st = merzim_add_working_days(cal[c], dates[i], steps[i], &v);
            T_CHECK(j, st == added[c][i].status && (st != MERZIM_OK || v == added[c][i].value));
            calls += 1;
        } else if (pick < 74) {
            merzim_due d;
            memset(&d, 0, sizeof d);
            int32_t st = legal_due_of(cal[c], i, &d);
            T_CHECK(j, st == legal_status[c][i] && memcmp(&d, &legal[c][i], sizeof d) == 0);
            calls += 1;
        } else if (pick < 80) {
            int32_t st = merzim_working_days_between(cal[c], dates[i], dates[(i + 1) % DATES], &v);
            T_CHECK(j, st == between[c][i].status && (st != MERZIM_OK || v == between[c][i].value));
            calls += 1;
        } else if (pick < 82) {
            size_t failed = 0;
            int32_t st = merzim_add_working_days_bulk(cal[0], dates, steps, DATES, out, &failed);
            T_CHECK(j, st == bulk_status && failed == bulk_failed);
            T_CHECK(j, memcmp(out, bulk_out, failed * sizeof out[0]) == 0);
            calls += 1;
        } else if (pick < 97) {
            int r = (int)(next(&s) % REQUESTS);
            char *json = NULL;
            int32_t st = c == 0 ? merzim_eval_json(REQUEST[r], &json)
                                : merzim_eval_json_with(cal[c], REQUEST[r], &json);
            T_CHECK(j, st == eval_status[c][r]);
            T_CHECK(j, json != NULL && strcmp(json, eval_out[c][r]) == 0);
            merzim_string_free(json);
            calls += 2;
        } else if (pick < 99) {
            /* Errors: a bad overlay gives an error object to read and free. */
            merzim_calendar *bad = NULL;
            merzim_error *err = NULL;
            int32_t st = merzim_calendar_load("[[act]]\nid = 5\n", 15, &bad, &err);
            T_CHECK(j, st == MERZIM_ERR_INVALID_DATA && bad == NULL);
            T_CHECK(j, merzim_error_kind(err) == MERZIM_ERR_INVALID_DATA);
            T_CHECK(j, strstr(merzim_error_message(err), "line") != NULL);
            merzim_error_free(err);
            calls += 4;
        } else {
            /* A calendar of the thread's own: load, use, retain, free twice. */
            merzim_calendar *own = NULL;
            int32_t st = merzim_calendar_load(OVERLAY, sizeof OVERLAY - 1, &own, NULL);
            T_CHECK(j, st == MERZIM_OK && own != NULL);
            if (own) {
                st = merzim_is_working_day(own, dates[i], &v);
                T_CHECK(j, st == working[1][i].status && (st != MERZIM_OK || v == working[1][i].value));
                T_CHECK(j, merzim_calendar_retain(own) == own);
                merzim_calendar_free(own);
                st = merzim_add_working_days(own, dates[i], steps[i], &v);
                T_CHECK(j, st == added[1][i].status && (st != MERZIM_OK || v == added[1][i].value));
                merzim_calendar_free(own);
            }
            calls += 6;
        }
    }
    j->calls = calls;
    /* Give back this thread's reference: the last thread frees the calendar. */
    merzim_calendar_free((merzim_calendar *)j->loaded);
    j->loaded = NULL;
    return NULL;
}

int main(int argc, char **argv) {
    long total = 1000000;
    if (argc > 1) {
        total = strtol(argv[1], NULL, 10);
        if (total <= 0) {
            fprintf(stderr, "usage: stress [TOTAL_CALLS > 0]\n");
            return 2;
        }
    }
    fill_dates();
    merzim_calendar *loaded = NULL;
    merzim_error *err = NULL;
    if (merzim_calendar_load(OVERLAY, sizeof OVERLAY - 1, &loaded, &err) != MERZIM_OK) {
        fprintf(stderr, "load failed: %s\n", merzim_error_message(err));
        merzim_error_free(err);
        return 1;
    }
    const merzim_calendar *cal[2] = {merzim_calendar_kazakhstan(), loaded};
    reference(cal);
    int legal_ok = 0;
    for (int i = 0; i < DATES; i++) legal_ok += legal_status[0][i] == MERZIM_OK;
    if (legal_ok < DATES / 4) { /* the mix must exercise answers, not only errors */
        fprintf(stderr, "stress: only %d of %d legal terms answered\n", legal_ok, DATES);
        return 1;
    }
    /* The mix must hold answers, out-of-coverage errors and impossible dates,
     * and the two calendars must differ where the overlay says. */
    int ok = 0, outside = 0, impossible = 0;
    for (int i = 0; i < DATES; i++) {
        ok += added[0][i].status == MERZIM_OK;
        outside += added[0][i].status == MERZIM_ERR_OUT_OF_COVERAGE;
        impossible += added[0][i].status == MERZIM_ERR_INVALID_ARGUMENT;
    }
    int32_t w0 = -1, w1 = -1;
    merzim_is_working_day(cal[0], 20270108, &w0);
    merzim_is_working_day(cal[1], 20270108, &w1);
    if (ok == 0 || outside == 0 || impossible == 0 || w0 != 1 || w1 != 0) {
        fprintf(stderr, "stress: the reference answers are not the mix intended "
                        "(%d ok, %d outside, %d impossible; 8 Jan 2027: %d, %d)\n",
                ok, outside, impossible, w0, w1);
        return 1;
    }

    pthread_t th[THREADS];
    job jobs[THREADS];
    for (int t = 0; t < THREADS; t++) {
        jobs[t].index = t;
        jobs[t].calls = total / THREADS + (t < total % THREADS ? 1 : 0);
        jobs[t].loaded = merzim_calendar_retain(loaded);
        jobs[t].failures = 0;
    }
    for (int t = 0; t < THREADS; t++) {
        if (pthread_create(&th[t], NULL, work, &jobs[t]) != 0) {
            fprintf(stderr, "pthread_create failed\n");
            return 1;
        }
    }
    /* The main thread's reference goes while the threads work. */
    merzim_calendar_free(loaded);
    loaded = NULL;

    long calls = 0, failures = 0;
    for (int t = 0; t < THREADS; t++) {
        pthread_join(th[t], NULL);
        calls += jobs[t].calls;
        failures += jobs[t].failures;
    }
    for (int c = 0; c < 2; c++) {
        for (int r = 0; r < REQUESTS; r++) {
            merzim_string_free(eval_out[c][r]);
        }
    }
    if (failures) {
        fprintf(stderr, "stress: %ld failed checks in %ld calls\n", failures, calls);
        return 1;
    }
    printf("stress: %d threads, %ld calls, every answer as computed alone\n", THREADS, calls);
    return 0;
}

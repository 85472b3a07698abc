/*
 * Tests of the merzim C API: success paths, every reachable error status and
 * NULL arguments. Built with gcc -std=c99 -Wall -Wextra -Werror against the
 * shared and the static library by .ci/ffi.sh, and run under valgrind.
 *
 * Unreachable by design: MERZIM_ERR_PANIC (a library bug) and
 * MERZIM_ERR_OTHER (a future error kind); only their names are checked.
 *
 * Usage: test_merzim   (an argument, as .ci/ffi.sh passes, is ignored)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "merzim.h"

static int failures = 0;
static int checks = 0;

#define CHECK(cond)                                                            \
    do {                                                                       \
        checks++;                                                              \
        if (!(cond)) {                                                         \
            failures++;                                                        \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__,  \
                    #cond);                                                    \
        }                                                                      \
    } while (0)

#define CHECK_STATUS(got, want)                                                \
    do {                                                                       \
        int32_t got_ = (got);                                                  \
        checks++;                                                              \
        if (got_ != (want)) {                                                  \
            failures++;                                                        \
            fprintf(stderr, "%s:%d: %s returned %d (%s), want %s (%d)\n",     \
                    __FILE__, __LINE__, #got, (int)got_,                       \
                    merzim_status_name(got_), #want, (int)(want));             \
        }                                                                      \
    } while (0)

#define CHECK_STR(got, want)                                                   \
    do {                                                                       \
        const char *got_ = (got);                                              \
        checks++;                                                              \
        if (got_ == NULL || strcmp(got_, (want)) != 0) {                       \
            failures++;                                                        \
            fprintf(stderr, "%s:%d: got  %s\n%*swant %s\n", __FILE__,          \
                    __LINE__, got_ ? got_ : "(NULL)",                          \
                    (int)strlen(__FILE__) + 7, "", (want));                    \
        }                                                                      \
    } while (0)

#define CHECK_CONTAINS(got, needle)                                            \
    do {                                                                       \
        const char *got_ = (got);                                              \
        checks++;                                                              \
        if (got_ == NULL || strstr(got_, (needle)) == NULL) {                  \
            failures++;                                                        \
            fprintf(stderr, "%s:%d: %s does not contain %s\n", __FILE__,       \
                    __LINE__, got_ ? got_ : "(NULL)", (needle));               \
        }                                                                      \
    } while (0)

/* Every answer names the date the data was last checked ("data_as_of":
 * "YYYY-MM-DD", after "provisional"): checked here for its form, then cut
 * out, so that the exact answers below do not pin the data's date. */
static char *no_data_as_of(char *json) {
    static const char KEY[] = ",\"data_as_of\":\"";
    if (json == NULL) return json;
    char *at = strstr(json, KEY);
    checks++;
    if (at == NULL) {
        if (strstr(json, "\"error\"") == NULL) {
            failures++;
            fprintf(stderr, "%s:%d: no data_as_of in %s\n", __FILE__, __LINE__, json);
        }
        return json;
    }
    char *date = at + sizeof KEY - 1;
    int ok = strlen(date) > 11 && date[4] == '-' && date[7] == '-' && date[10] == '"';
    for (int i = 0; ok && i < 10; i++) {
        if (i != 4 && i != 7 && (date[i] < '0' || date[i] > '9')) ok = 0;
    }
    if (!ok) {
        failures++;
        fprintf(stderr, "%s:%d: bad data_as_of in %s\n", __FILE__, __LINE__, json);
        return json;
    }
    memmove(at, date + 11, strlen(date + 11) + 1);
    return json;
}

static void test_versions(void) {
    const char *v = merzim_version();
    CHECK(v != NULL && strlen(v) > 0);
    CHECK(strchr(v, '.') != NULL);
    const char *dv = merzim_data_version();
    CHECK(dv != NULL && strlen(dv) > 0);
    CHECK_CONTAINS(dv, "2000-2027");
    CHECK(merzim_data_version() == dv); /* static, same pointer */

    CHECK_STR(merzim_status_name(MERZIM_OK), "ok");
    CHECK_STR(merzim_status_name(MERZIM_ERR_OUT_OF_COVERAGE), "out_of_coverage");
    CHECK_STR(merzim_status_name(MERZIM_ERR_INVALID_ARGUMENT), "invalid_argument");
    CHECK_STR(merzim_status_name(MERZIM_ERR_INVALID_DATA), "invalid_data");
    CHECK_STR(merzim_status_name(MERZIM_ERR_INVALID_REGULATION), "invalid_regulation");
    CHECK_STR(merzim_status_name(MERZIM_ERR_IO), "io");
    CHECK_STR(merzim_status_name(MERZIM_ERR_NULL_POINTER), "null_pointer");
    CHECK_STR(merzim_status_name(MERZIM_ERR_PANIC), "panic");
    CHECK_STR(merzim_status_name(MERZIM_ERR_OTHER), "other");
    CHECK_STR(merzim_status_name(12345), "other");
    /* The codes are distinct. */
    CHECK(MERZIM_OK == 0);
    CHECK(MERZIM_ERR_OUT_OF_COVERAGE != MERZIM_ERR_INVALID_ARGUMENT);
    CHECK(MERZIM_ERR_NULL_POINTER != MERZIM_ERR_PANIC);
}

static void test_builtin(void) {
    const merzim_calendar *kz = merzim_calendar_kazakhstan();
    CHECK(kz != NULL);
    CHECK(merzim_calendar_kazakhstan() == kz);
    /* Freeing the built-in calendar is a no-op; it stays usable. */
    merzim_calendar_free((merzim_calendar *)kz);
    merzim_calendar_free(NULL);
    int32_t w = -1;
    CHECK_STATUS(merzim_is_working_day(kz, 20260320, &w), MERZIM_OK);
    CHECK(w == 1);
}

static void test_is_working_day(void) {
    const merzim_calendar *kz = merzim_calendar_kazakhstan();
    int32_t w = -1;
    CHECK_STATUS(merzim_is_working_day(kz, 20260320, &w), MERZIM_OK); /* Friday */
    CHECK(w == 1);
    CHECK_STATUS(merzim_is_working_day(kz, 20260321, &w), MERZIM_OK); /* Saturday, Nauryz */
    CHECK(w == 0);
    CHECK_STATUS(merzim_is_working_day(kz, 20260323, &w), MERZIM_OK); /* Monday, Nauryz */
    CHECK(w == 0);
    CHECK_STATUS(merzim_is_working_day(kz, 20240504, &w), MERZIM_OK); /* working Saturday */
    CHECK(w == 1);
    CHECK_STATUS(merzim_is_working_day(kz, 20000101, &w), MERZIM_OK); /* first day covered */
    CHECK(w == 0);
    CHECK_STATUS(merzim_is_working_day(kz, 20271231, &w), MERZIM_OK); /* last day covered */

    /* Impossible dates: invalid argument, *out untouched. */
    w = 42;
    CHECK_STATUS(merzim_is_working_day(kz, 20260231, &w), MERZIM_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(merzim_is_working_day(kz, 20261301, &w), MERZIM_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(merzim_is_working_day(kz, 20260000, &w), MERZIM_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(merzim_is_working_day(kz, 0, &w), MERZIM_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(merzim_is_working_day(kz, -20260320, &w), MERZIM_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(merzim_is_working_day(kz, INT32_MAX, &w), MERZIM_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(merzim_is_working_day(kz, INT32_MIN, &w), MERZIM_ERR_INVALID_ARGUMENT);
    CHECK(w == 42);

    /* Out of coverage. */
    CHECK_STATUS(merzim_is_working_day(kz, 19991231, &w), MERZIM_ERR_OUT_OF_COVERAGE);
    CHECK_STATUS(merzim_is_working_day(kz, 20280101, &w), MERZIM_ERR_OUT_OF_COVERAGE);
    CHECK(w == 42);

    /* NULL pointers. */
    CHECK_STATUS(merzim_is_working_day(NULL, 20260320, &w), MERZIM_ERR_NULL_POINTER);
    CHECK_STATUS(merzim_is_working_day(kz, 20260320, NULL), MERZIM_ERR_NULL_POINTER);
}

static void test_add_working_days(void) {
    const merzim_calendar *kz = merzim_calendar_kazakhstan();
    int32_t d = 0;
    CHECK_STATUS(merzim_add_working_days(kz, 20260320, 1, &d), MERZIM_OK);
    CHECK(d == 20260326); /* Nauryz 21..25 skipped */
    CHECK_STATUS(merzim_add_working_days(kz, 20260326, -1, &d), MERZIM_OK);
    CHECK(d == 20260320);
    CHECK_STATUS(merzim_add_working_days(kz, 20260321, 0, &d), MERZIM_OK); /* n = 0 rolls forward */
    CHECK(d == 20260326);
    CHECK_STATUS(merzim_add_working_days(kz, 20260320, 0, &d), MERZIM_OK);
    CHECK(d == 20260320);
    CHECK_STATUS(merzim_add_working_days(kz, 20260328, 1, &d), MERZIM_OK); /* Saturday + 1 = Monday */
    CHECK(d == 20260330);
    CHECK_STATUS(merzim_add_working_days(kz, 20260320, 21, &d), MERZIM_OK);
    CHECK(d == 20260423);

    d = 7;
    CHECK_STATUS(merzim_add_working_days(kz, 20260231, 1, &d), MERZIM_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(merzim_add_working_days(kz, 20271231, 5, &d), MERZIM_ERR_OUT_OF_COVERAGE);
    CHECK_STATUS(merzim_add_working_days(kz, 20000103, -10, &d), MERZIM_ERR_OUT_OF_COVERAGE);
    CHECK_STATUS(merzim_add_working_days(kz, 20260320, INT32_MAX, &d), MERZIM_ERR_OUT_OF_COVERAGE);
    CHECK_STATUS(merzim_add_working_days(kz, 20260320, INT32_MIN, &d), MERZIM_ERR_OUT_OF_COVERAGE);
    CHECK_STATUS(merzim_add_working_days(kz, 20300101, 1, &d), MERZIM_ERR_OUT_OF_COVERAGE);
    CHECK(d == 7);
    CHECK_STATUS(merzim_add_working_days(NULL, 20260320, 1, &d), MERZIM_ERR_NULL_POINTER);
    CHECK_STATUS(merzim_add_working_days(kz, 20260320, 1, NULL), MERZIM_ERR_NULL_POINTER);
}

static void test_working_days_between(void) {
    const merzim_calendar *kz = merzim_calendar_kazakhstan();
    int32_t k = 0;
    CHECK_STATUS(merzim_working_days_between(kz, 20260320, 20260326, &k), MERZIM_OK);
    CHECK(k == 1);
    CHECK_STATUS(merzim_working_days_between(kz, 20260326, 20260320, &k), MERZIM_OK);
    CHECK(k == -1);
    CHECK_STATUS(merzim_working_days_between(kz, 20260320, 20260423, &k), MERZIM_OK);
    CHECK(k == 21);
    CHECK_STATUS(merzim_working_days_between(kz, 20260320, 20260320, &k), MERZIM_OK);
    CHECK(k == 0);

    k = 9;
    CHECK_STATUS(merzim_working_days_between(kz, 20260231, 20260320, &k), MERZIM_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(merzim_working_days_between(kz, 20260320, 20260431, &k), MERZIM_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(merzim_working_days_between(kz, 20260320, 20300101, &k), MERZIM_ERR_OUT_OF_COVERAGE);
    CHECK(k == 9);
    CHECK_STATUS(merzim_working_days_between(NULL, 20260320, 20260326, &k), MERZIM_ERR_NULL_POINTER);
    CHECK_STATUS(merzim_working_days_between(kz, 20260320, 20260326, NULL), MERZIM_ERR_NULL_POINTER);
}

static void test_bulk(void) {
    const merzim_calendar *kz = merzim_calendar_kazakhstan();
    int32_t dates[4] = {20260320, 20260326, 20260321, 20260320};
    int32_t n[4] = {1, -1, 0, 21};
    int32_t out[4] = {0, 0, 0, 0};
    size_t failed = 99;

    CHECK_STATUS(merzim_add_working_days_bulk(kz, dates, n, 4, out, &failed), MERZIM_OK);
    CHECK(failed == 4);
    CHECK(out[0] == 20260326 && out[1] == 20260320 && out[2] == 20260326 && out[3] == 20260423);

    /* Each element agrees with the scalar function. */
    for (size_t i = 0; i < 4; i++) {
        int32_t one = 0;
        CHECK_STATUS(merzim_add_working_days(kz, dates[i], n[i], &one), MERZIM_OK);
        CHECK(one == out[i]);
    }

    /* In place: out is the dates array. */
    int32_t inplace[4] = {20260320, 20260326, 20260321, 20260320};
    CHECK_STATUS(merzim_add_working_days_bulk(kz, inplace, n, 4, inplace, NULL), MERZIM_OK);
    CHECK(memcmp(inplace, out, sizeof out) == 0);
    /* In place: out is the n array. */
    int32_t counts[4] = {1, -1, 0, 21};
    CHECK_STATUS(merzim_add_working_days_bulk(kz, dates, counts, 4, counts, NULL), MERZIM_OK);
    CHECK(memcmp(counts, out, sizeof out) == 0);

    /* An impossible date at index 1: status, failed index, out[0] filled. */
    int32_t bad[3] = {20260320, 20260231, 20260320};
    int32_t ones[3] = {1, 1, 1};
    int32_t res[3] = {0, 0, 0};
    failed = 99;
    CHECK_STATUS(merzim_add_working_days_bulk(kz, bad, ones, 3, res, &failed),
                 MERZIM_ERR_INVALID_ARGUMENT);
    CHECK(failed == 1);
    CHECK(res[0] == 20260326);

    /* Out of coverage at index 2. */
    int32_t far[3] = {20260320, 20260320, 20271231};
    int32_t fives[3] = {5, 5, 5};
    failed = 99;
    CHECK_STATUS(merzim_add_working_days_bulk(kz, far, fives, 3, res, &failed),
                 MERZIM_ERR_OUT_OF_COVERAGE);
    CHECK(failed == 2);
    CHECK(res[0] == 20260401 && res[1] == 20260401);

    /* failed_index is optional. */
    CHECK_STATUS(merzim_add_working_days_bulk(kz, far, fives, 3, res, NULL),
                 MERZIM_ERR_OUT_OF_COVERAGE);

    /* NULL arrays with len 0 are fine. */
    failed = 99;
    CHECK_STATUS(merzim_add_working_days_bulk(kz, NULL, NULL, 0, NULL, &failed), MERZIM_OK);
    CHECK(failed == 0);

    /* NULL arrays with len > 0, NULL calendar. */
    CHECK_STATUS(merzim_add_working_days_bulk(kz, NULL, n, 4, out, &failed), MERZIM_ERR_NULL_POINTER);
    CHECK_STATUS(merzim_add_working_days_bulk(kz, dates, NULL, 4, out, &failed), MERZIM_ERR_NULL_POINTER);
    CHECK_STATUS(merzim_add_working_days_bulk(kz, dates, n, 4, NULL, &failed), MERZIM_ERR_NULL_POINTER);
    CHECK(failed == 0);
    CHECK_STATUS(merzim_add_working_days_bulk(NULL, dates, n, 4, out, &failed), MERZIM_ERR_NULL_POINTER);
    CHECK_STATUS(merzim_add_working_days_bulk(NULL, NULL, NULL, 0, NULL, NULL), MERZIM_ERR_NULL_POINTER);

    /* A larger batch agrees with the scalar path. */
    enum { BIG = 2000 };
    static int32_t bd[BIG], bn[BIG], bo[BIG];
    int32_t day = 20200101;
    for (int i = 0; i < BIG; i++) {
        CHECK_STATUS(merzim_add_working_days(kz, 20200101, i / 2, &day), MERZIM_OK);
        bd[i] = day;
        bn[i] = (i % 41) - 20;
    }
    CHECK_STATUS(merzim_add_working_days_bulk(kz, bd, bn, BIG, bo, &failed), MERZIM_OK);
    CHECK(failed == BIG);
    int mismatches = 0;
    for (int i = 0; i < BIG; i++) {
        int32_t one = 0;
        if (merzim_add_working_days(kz, bd[i], bn[i], &one) != MERZIM_OK || one != bo[i])
            mismatches++;
    }
    CHECK(mismatches == 0);
}

/* An overlay: 2027-01-08 becomes a day off, 2027-01-16 (Saturday) a working day. */
static const char OVERLAY[] =
    "[[act]]\n"
    "id = \"example-order\"\n"
    "source = \"an example\"\n"
    "[[act.transfer]]\n"
    "day_off = \"2027-01-08\"\n"
    "working_day = \"2027-01-16\"\n";

/* A regulation of the host's own (the format of regulations/). */
static const char REGULATION[] =
    "id = \"example-permit\"\n"
    "title = { en = \"An example permit\" }\n"
    "channels = [\"provider\", \"portal\"]\n"
    "[act]\n"
    "body = { en = \"An example akimat\" }\n"
    "kind = \"resolution\"\n"
    "number = \"1\"\n"
    "date = \"2025-01-15\"\n"
    "source = \"an example\"\n"
    "[[step]]\n"
    "number = 1\n"
    "actor = { en = \"office\" }\n"
    "action = { en = \"registers the application\" }\n"
    "duration = \"15 minutes\"\n"
    "[[step]]\n"
    "number = 2\n"
    "actor = { en = \"officer\" }\n"
    "action = { en = \"issues the permit\" }\n"
    "duration = \"3 working days\"\n";
static const char PERMIT_REQ[] =
    "{\"id\": \"p\", \"regulation\": \"example-permit\", \"submitted\": \"2026-03-20T16:30:00\", \"channel\": \"portal\"}";
static const char PERMIT_OUT[] =
    "{\"id\":\"p\",\"steps\":[{\"number\":1,\"duration\":\"15 minutes\",\"start\":\"2026-03-20T16:30:00+05:00\",\"end\":\"2026-03-20T16:45:00+05:00\"},"
    "{\"number\":2,\"duration\":\"3 working days\",\"start\":\"2026-03-20T16:45:00+05:00\",\"end\":\"2026-03-30T16:45:00+05:00\"}],"
    "\"end\":\"2026-03-30T16:45:00+05:00\",\"provisional\":false}";

static void test_calendar_load(void) {
    const merzim_calendar *kz = merzim_calendar_kazakhstan();
    merzim_calendar *cal = NULL;
    merzim_error *err = (merzim_error *)&cal; /* garbage to be overwritten */
    int32_t w = -1;

    CHECK_STATUS(merzim_calendar_load(OVERLAY, strlen(OVERLAY), &cal, &err), MERZIM_OK);
    CHECK(cal != NULL);
    CHECK(err == NULL);
    CHECK(cal != (merzim_calendar *)kz);
    CHECK_STATUS(merzim_is_working_day(cal, 20270108, &w), MERZIM_OK);
    CHECK(w == 0);
    CHECK_STATUS(merzim_is_working_day(cal, 20270116, &w), MERZIM_OK);
    CHECK(w == 1);
    CHECK_STATUS(merzim_is_working_day(kz, 20270108, &w), MERZIM_OK);
    CHECK(w == 1); /* the built-in calendar is unchanged */
    int32_t d = 0;
    CHECK_STATUS(merzim_add_working_days(cal, 20270107, 1, &d), MERZIM_OK);
    CHECK(d == 20270111);
    CHECK_STATUS(merzim_add_working_days(kz, 20270107, 1, &d), MERZIM_OK);
    CHECK(d == 20270108);

    /* eval_json_with on the loaded calendar. */
    char *json = NULL;
    CHECK_STATUS(merzim_eval_json_with(cal,
                                       "{\"id\": \"o1\", \"submitted\": \"2027-01-06T10:00:00\", "
                                       "\"term\": \"2 working days\"}",
                                       &json),
                 MERZIM_OK);
    CHECK_STR(no_data_as_of(json), "{\"id\":\"o1\",\"registered\":\"2027-01-06\",\"day_one\":\"2027-01-06\",\"last_day\":\"2027-01-11\",\"due\":\"2027-01-11T18:30:00+05:00\",\"provisional\":true}");
    merzim_string_free(json);
    json = NULL;
    CHECK_STATUS(merzim_eval_json_with(kz,
                                       "{\"id\": \"o1\", \"submitted\": \"2027-01-06T10:00:00\", "
                                       "\"term\": \"2 working days\"}",
                                       &json),
                 MERZIM_OK);
    CHECK_STR(no_data_as_of(json), "{\"id\":\"o1\",\"registered\":\"2027-01-06\",\"day_one\":\"2027-01-06\",\"last_day\":\"2027-01-08\",\"due\":\"2027-01-08T18:30:00+05:00\",\"provisional\":true}");
    merzim_string_free(json);
    merzim_calendar_free(cal);

    /* Not NUL-terminated: only `len` bytes are read (the rest is garbage). */
    char buf[sizeof OVERLAY + 8];
    memcpy(buf, OVERLAY, strlen(OVERLAY));
    memcpy(buf + strlen(OVERLAY), "\x01garbage", 8);
    cal = NULL;
    CHECK_STATUS(merzim_calendar_load(buf, strlen(OVERLAY), &cal, &err), MERZIM_OK);
    CHECK(cal != NULL && err == NULL);
    merzim_calendar_free(cal);

    /* Empty overlay (NULL with len 0): the embedded data. */
    cal = NULL;
    CHECK_STATUS(merzim_calendar_load(NULL, 0, &cal, NULL), MERZIM_OK);
    CHECK(cal != NULL);
    CHECK_STATUS(merzim_is_working_day(cal, 20270108, &w), MERZIM_OK);
    CHECK(w == 1);
    merzim_calendar_free(cal);

    /* Bad TOML syntax: invalid data, the message names the line. */
    static const char BAD_SYNTAX[] = "[[act]]\nid = \"x\"\nsource = \n";
    cal = (merzim_calendar *)&w;
    err = NULL;
    CHECK_STATUS(merzim_calendar_load(BAD_SYNTAX, strlen(BAD_SYNTAX), &cal, &err),
                 MERZIM_ERR_INVALID_DATA);
    CHECK(cal == NULL);
    CHECK(err != NULL);
    CHECK_STATUS(merzim_error_kind(err), MERZIM_ERR_INVALID_DATA);
    CHECK_CONTAINS(merzim_error_message(err), "line 3");
    CHECK_CONTAINS(merzim_error_message(err), "overlay");
    merzim_error_free(err);

    /* A well-formed file with an impossible date: invalid data naming the line. */
    static const char BAD_DATE[] =
        "[[act]]\n"
        "id = \"bad-order\"\n"
        "source = \"an example\"\n"
        "[[act.transfer]]\n"
        "day_off = \"2027-02-30\"\n"
        "working_day = \"2027-01-16\"\n";
    err = NULL;
    CHECK_STATUS(merzim_calendar_load(BAD_DATE, strlen(BAD_DATE), &cal, &err),
                 MERZIM_ERR_INVALID_DATA);
    CHECK(cal == NULL);
    CHECK_CONTAINS(merzim_error_message(err), "line 5");
    merzim_error_free(err);

    /* The error is optional: no leak when err is NULL. */
    CHECK_STATUS(merzim_calendar_load(BAD_SYNTAX, strlen(BAD_SYNTAX), &cal, NULL),
                 MERZIM_ERR_INVALID_DATA);
    CHECK(cal == NULL);

    /* Invalid UTF-8: invalid argument. */
    static const char BAD_UTF8[] = "# \xff\xfe\n";
    err = NULL;
    CHECK_STATUS(merzim_calendar_load(BAD_UTF8, strlen(BAD_UTF8), &cal, &err),
                 MERZIM_ERR_INVALID_ARGUMENT);
    CHECK(cal == NULL);
    CHECK_STATUS(merzim_error_kind(err), MERZIM_ERR_INVALID_ARGUMENT);
    CHECK_CONTAINS(merzim_error_message(err), "UTF-8");
    merzim_error_free(err);

    /* NULL pointers. */
    err = NULL;
    CHECK_STATUS(merzim_calendar_load(NULL, 5, &cal, &err), MERZIM_ERR_NULL_POINTER);
    CHECK(cal == NULL);
    CHECK_STATUS(merzim_error_kind(err), MERZIM_ERR_NULL_POINTER);
    merzim_error_free(err);
    err = NULL;
    CHECK_STATUS(merzim_calendar_load(OVERLAY, strlen(OVERLAY), NULL, &err), MERZIM_ERR_NULL_POINTER);
    CHECK(err != NULL);
    merzim_error_free(err);
    CHECK_STATUS(merzim_calendar_load(OVERLAY, strlen(OVERLAY), NULL, NULL), MERZIM_ERR_NULL_POINTER);

    /* Registering a regulation of the host's own. */
    CHECK_STATUS(merzim_calendar_load(NULL, 0, &cal, NULL), MERZIM_OK);
    err = (merzim_error *)&w; /* garbage to be overwritten */
    CHECK_STATUS(merzim_calendar_add_regulation(cal, REGULATION, strlen(REGULATION), &err), MERZIM_OK);
    CHECK(err == NULL);
    char *json2 = NULL;
    CHECK_STATUS(merzim_eval_json_with(cal, PERMIT_REQ, &json2), MERZIM_OK);
    CHECK_STR(no_data_as_of(json2), PERMIT_OUT);
    merzim_string_free(json2);
    /* Only on that calendar. */
    json2 = NULL;
    CHECK_STATUS(merzim_eval_json(PERMIT_REQ, &json2), MERZIM_ERR_INVALID_ARGUMENT);
    CHECK_CONTAINS(json2, "unknown regulation");
    merzim_string_free(json2);
    /* The same id again, or a bundled id: invalid argument, cal unchanged. */
    CHECK_STATUS(merzim_calendar_add_regulation(cal, REGULATION, strlen(REGULATION), &err),
                 MERZIM_ERR_INVALID_ARGUMENT);
    CHECK_CONTAINS(merzim_error_message(err), "already known");
    merzim_error_free(err);
    json2 = NULL;
    CHECK_STATUS(merzim_eval_json_with(cal, PERMIT_REQ, &json2), MERZIM_OK);
    CHECK_STR(no_data_as_of(json2), PERMIT_OUT);
    merzim_string_free(json2);
    /* A bad regulation: invalid regulation, naming the line. */
    static const char BAD_REG[] = "id = \"x\"\nchannels = [\"fax\"]\n";
    err = NULL;
    CHECK_STATUS(merzim_calendar_add_regulation(cal, BAD_REG, strlen(BAD_REG), &err),
                 MERZIM_ERR_INVALID_REGULATION);
    CHECK_STATUS(merzim_error_kind(err), MERZIM_ERR_INVALID_REGULATION);
    CHECK_CONTAINS(merzim_error_message(err), "line ");
    merzim_error_free(err);
    CHECK_STATUS(merzim_calendar_add_regulation(cal, BAD_REG, strlen(BAD_REG), NULL),
                 MERZIM_ERR_INVALID_REGULATION);
    CHECK_STATUS(merzim_calendar_add_regulation(cal, BAD_UTF8, strlen(BAD_UTF8), NULL),
                 MERZIM_ERR_INVALID_ARGUMENT);
    CHECK_STATUS(merzim_calendar_add_regulation(cal, NULL, 3, NULL), MERZIM_ERR_NULL_POINTER);
    CHECK_STATUS(merzim_calendar_add_regulation(NULL, REGULATION, strlen(REGULATION), NULL),
                 MERZIM_ERR_NULL_POINTER);
    /* The built-in calendar never changes. */
    err = NULL;
    CHECK_STATUS(merzim_calendar_add_regulation((merzim_calendar *)kz, REGULATION, strlen(REGULATION), &err),
                 MERZIM_ERR_INVALID_ARGUMENT);
    CHECK_CONTAINS(merzim_error_message(err), "built-in");
    merzim_error_free(err);
    merzim_calendar_free(cal);
    cal = NULL;
    merzim_calendar_free(cal); /* freeing NULL (the pointer after freeing) is a no-op */

    /* References: retain returns the same calendar; it lives until the last
     * reference is given back; a retained calendar refuses new regulations. */
    CHECK_STATUS(merzim_calendar_load(OVERLAY, strlen(OVERLAY), &cal, NULL), MERZIM_OK);
    merzim_calendar *second = (merzim_calendar *)merzim_calendar_retain(cal);
    CHECK(second == cal);
    err = NULL;
    CHECK_STATUS(merzim_calendar_add_regulation(cal, REGULATION, strlen(REGULATION), &err),
                 MERZIM_ERR_INVALID_ARGUMENT);
    CHECK_CONTAINS(merzim_error_message(err), "retain");
    merzim_error_free(err);
    merzim_calendar_free(cal); /* the first reference */
    cal = NULL;
    w = -1;
    CHECK_STATUS(merzim_is_working_day(second, 20270108, &w), MERZIM_OK); /* still alive */
    CHECK(w == 0);
    /* Back to one reference: registering works again. */
    CHECK_STATUS(merzim_calendar_add_regulation(second, REGULATION, strlen(REGULATION), NULL), MERZIM_OK);
    merzim_calendar_free(second); /* the last: freed */
    second = NULL;
    CHECK(merzim_calendar_retain(NULL) == NULL);
    CHECK(merzim_calendar_retain(kz) == kz);
    merzim_calendar_free((merzim_calendar *)kz);

    /* The date the data was last checked: the same for a loaded calendar. */
    int32_t as_of = 0, loaded_as_of = -1;
    CHECK_STATUS(merzim_calendar_data_as_of(kz, &as_of), MERZIM_OK);
    CHECK(as_of >= 20260101 && as_of <= 29991231);
    CHECK_STATUS(merzim_calendar_load(NULL, 0, &cal, NULL), MERZIM_OK);
    CHECK_STATUS(merzim_calendar_data_as_of(cal, &loaded_as_of), MERZIM_OK);
    CHECK(loaded_as_of == as_of);
    merzim_calendar_free(cal);
    cal = NULL;
    /* An overlay that was checked later says so. */
    static const char CHECKED[] = "data_as_of = \"2027-01-15\"\n";
    CHECK_STATUS(merzim_calendar_load(CHECKED, strlen(CHECKED), &cal, NULL), MERZIM_OK);
    CHECK_STATUS(merzim_calendar_data_as_of(cal, &loaded_as_of), MERZIM_OK);
    CHECK(loaded_as_of == 20270115);
    merzim_calendar_free(cal);
    cal = NULL;
    /* The coverage, read from the library: a year after it is out of coverage. */
    int32_t first = 0, last = 0, day = 0;
    CHECK_STATUS(merzim_calendar_coverage(kz, &first, &last), MERZIM_OK);
    CHECK(first == 20000101 && last % 10000 == 1231 && last >= 20271231);
    CHECK_STATUS(merzim_add_working_days(kz, last, 0, &day), MERZIM_OK);
    CHECK_STATUS(merzim_is_working_day(kz, last + 10000, &day), MERZIM_ERR_OUT_OF_COVERAGE);
    CHECK_STATUS(merzim_calendar_coverage(kz, NULL, &last), MERZIM_ERR_NULL_POINTER);
    CHECK_STATUS(merzim_calendar_coverage(NULL, &first, &last), MERZIM_ERR_NULL_POINTER);
    CHECK_STATUS(merzim_calendar_data_as_of(NULL, &as_of), MERZIM_ERR_NULL_POINTER);
    CHECK_STATUS(merzim_calendar_data_as_of(kz, NULL), MERZIM_ERR_NULL_POINTER);

    /* Error accessors are NULL-safe. */
    CHECK_STR(merzim_error_message(NULL), "no error");
    CHECK_STATUS(merzim_error_kind(NULL), MERZIM_OK);
    merzim_error_free(NULL);
    merzim_string_free(NULL);
}

/* Evaluates `request`, checks the status and the exact output line. */
static void eval_exact(int line, const char *request, int32_t want_status, const char *want) {
    char *json = (char *)"garbage";
    int32_t s = merzim_eval_json(request, &json);
    no_data_as_of(json);
    checks++;
    if (s != want_status || json == NULL || strcmp(json, want) != 0) {
        failures++;
        fprintf(stderr, "%s:%d: merzim_eval_json(%s)\n  got  %d %s\n  want %d %s\n", __FILE__,
                line, request, (int)s, json ? json : "(NULL)", (int)want_status, want);
    }
    merzim_string_free(json);
}

static void test_eval_json(void) {
    /* Term cases. */
    eval_exact(__LINE__,
               "{\"id\": \"a1\", \"submitted\": \"2026-03-20T16:30:00\", \"term\": \"22 working days\"}",
               MERZIM_OK,
               "{\"id\":\"a1\",\"registered\":\"2026-03-20\",\"day_one\":\"2026-03-20\",\"last_day\":\"2026-04-23\",\"due\":\"2026-04-23T18:30:00+05:00\",\"provisional\":false}");
    eval_exact(__LINE__,
               "{\"id\": 7, \"submitted\": \"2026-03-20T10:00:00\", \"term\": \"2 working days\"}",
               MERZIM_OK,
               "{\"id\":7,\"registered\":\"2026-03-20\",\"day_one\":\"2026-03-20\",\"last_day\":\"2026-03-26\",\"due\":\"2026-03-26T18:30:00+05:00\",\"provisional\":false}");

    /* A regulation case (steps of 15 min, 15 min, 2 working days, 15 min, 5 min;
     * 2014 is UTC+06:00 in Astana). Resolution А-5/192 was put into effect ten
     * days after its first publication, which cannot precede its registration
     * on 2014-06-24: not before 2014-07-05, so this submission is warned about. */
    eval_exact(__LINE__,
               "{\"id\": \"r1\", \"regulation\": \"akmola-2014-cadastral-value\", "
               "\"submitted\": \"2014-07-01T10:00:00\"}",
               MERZIM_OK,
               "{\"id\":\"r1\",\"steps\":["
               "{\"number\":1,\"duration\":\"15 minutes\",\"start\":\"2014-07-01T10:00:00+06:00\",\"end\":\"2014-07-01T10:15:00+06:00\"},"
               "{\"number\":2,\"duration\":\"15 minutes\",\"start\":\"2014-07-01T10:15:00+06:00\",\"end\":\"2014-07-01T10:30:00+06:00\"},"
               "{\"number\":3,\"duration\":\"2 working days\",\"start\":\"2014-07-01T10:30:00+06:00\",\"end\":\"2014-07-03T10:30:00+06:00\"},"
               "{\"number\":4,\"duration\":\"15 minutes\",\"start\":\"2014-07-03T10:30:00+06:00\",\"end\":\"2014-07-03T10:45:00+06:00\"},"
               "{\"number\":5,\"duration\":\"5 minutes\",\"start\":\"2014-07-03T10:45:00+06:00\",\"end\":\"2014-07-03T10:50:00+06:00\"}],"
               "\"end\":\"2014-07-03T10:50:00+06:00\",\"provisional\":false,"
               "\"warnings\":[\"the encoded text of regulation akmola-2014-cadastral-value is in force from 2014-07-05 (resolution No. А-5/192 of 2014-05-15, as encoded), after this submission date 2014-07-01\"],"
               "\"warning_codes\":[\"not_yet_in_force\"]}");

    /* Error objects: the status follows the kind, the line is still returned. */
    eval_exact(__LINE__, "nope", MERZIM_ERR_INVALID_ARGUMENT,
               "{\"id\":null,\"error\":{\"kind\":\"invalid_input\",\"message\":\"malformed JSON: expected ident at line 1 column 2\"}}");
    eval_exact(__LINE__,
               "{\"id\": \"c\", \"submitted\": \"2026-03-20T10:00:00\", \"term\": \"1 working day\", \"channel\": \"fax\"}",
               MERZIM_ERR_INVALID_ARGUMENT,
               "{\"id\":\"c\",\"error\":{\"kind\":\"invalid_input\",\"message\":\"field `channel`: unknown channel \\\"fax\\\": expected provider, portal, state_corporation\"}}");
    eval_exact(__LINE__,
               "{\"id\": \"o\", \"submitted\": \"2027-12-30T10:00:00\", \"term\": \"22 working days\"}",
               MERZIM_ERR_OUT_OF_COVERAGE,
               "{\"id\":\"o\",\"error\":{\"kind\":\"out_of_coverage\",\"message\":\"a term of 22 working days from 2027-12-30 10:00:00 goes beyond the calendar's coverage 2000-01-01..=2027-12-31 (for a provisional answer, choose the provisional horizon: --horizon provisional on the command line, \\\"horizon\\\": \\\"provisional\\\" in a batch request, Calendar::with_horizon(Horizon::Provisional) in Rust; the statutory rules are then extended up to 2100 and the result is flagged provisional)\"}}");

    char *json = NULL;
    /* An impossible date in the request. */
    CHECK_STATUS(merzim_eval_json("{\"id\": \"d\", \"submitted\": \"2026-02-31T10:00:00\", \"term\": \"1 working day\"}", &json),
                 MERZIM_ERR_INVALID_ARGUMENT);
    CHECK_CONTAINS(json, "{\"id\":\"d\",\"error\":{\"kind\":\"invalid_input\"");
    merzim_string_free(json);

    /* A path as regulation: invalid input, and nothing is read. */
    CHECK_STATUS(merzim_eval_json("{\"id\": \"io\", \"regulation\": \"/nonexistent/merzim/x.toml\", \"submitted\": \"2026-03-20T10:00:00\"}", &json),
                 MERZIM_ERR_INVALID_ARGUMENT);
    CHECK_CONTAINS(json, "{\"id\":\"io\",\"error\":{\"kind\":\"invalid_input\",\"message\":\"field `regulation`");
    CHECK_CONTAINS(json, "never by a path");
    merzim_string_free(json);
    CHECK_STATUS(merzim_eval_json("{\"id\": \"rel\", \"regulation\": \"../x.toml\", \"submitted\": \"2026-03-20T10:00:00\"}", &json),
                 MERZIM_ERR_INVALID_ARGUMENT);
    merzim_string_free(json);

    /* A trailing CRLF and a BOM are accepted, as in the CLI's batch. */
    CHECK_STATUS(merzim_eval_json("\xef\xbb\xbf{\"id\": 1, \"submitted\": \"2026-03-20T10:00:00\", \"term\": \"2 working days\"}\r\n", &json),
                 MERZIM_OK);
    CHECK_STR(no_data_as_of(json), "{\"id\":1,\"registered\":\"2026-03-20\",\"day_one\":\"2026-03-20\",\"last_day\":\"2026-03-26\",\"due\":\"2026-03-26T18:30:00+05:00\",\"provisional\":false}");
    merzim_string_free(json);

    /* Invalid UTF-8 in the request. */
    CHECK_STATUS(merzim_eval_json("{\"id\": \"\xff\"}", &json), MERZIM_ERR_INVALID_ARGUMENT);
    CHECK_CONTAINS(json, "\"error\":{\"kind\":\"invalid_input\",\"message\":\"the line is not valid UTF-8");
    merzim_string_free(json);

    /* NULL pointers: no line. */
    json = (char *)"garbage";
    CHECK_STATUS(merzim_eval_json(NULL, &json), MERZIM_ERR_NULL_POINTER);
    CHECK(json == NULL);
    CHECK_STATUS(merzim_eval_json("{}", NULL), MERZIM_ERR_NULL_POINTER);
    json = (char *)"garbage";
    CHECK_STATUS(merzim_eval_json_with(NULL, "{}", &json), MERZIM_ERR_NULL_POINTER);
    CHECK(json == NULL);
    CHECK_STATUS(merzim_eval_json_with(merzim_calendar_kazakhstan(), NULL, &json), MERZIM_ERR_NULL_POINTER);
    CHECK(json == NULL);

    /* merzim_eval_json == merzim_eval_json_with(built-in). */
    char *a = NULL, *b = NULL;
    const char *req = "{\"id\": \"a1\", \"submitted\": \"2026-03-20T16:30:00\", \"term\": \"22 working days\"}";
    CHECK_STATUS(merzim_eval_json(req, &a), MERZIM_OK);
    CHECK_STATUS(merzim_eval_json_with(merzim_calendar_kazakhstan(), req, &b), MERZIM_OK);
    CHECK(a && b && strcmp(a, b) == 0);
    merzim_string_free(a);
    merzim_string_free(b);
}

/* ---- merzim_legal_due: checked against the JSON path --------------------- */

/* The text after "key":" in `json`, up to the closing quote, into buf; 0 when absent. */
static int json_text(const char *json, const char *key, char *buf, size_t cap) {
    char pat[64];
    snprintf(pat, sizeof pat, "\"%s\":\"", key);
    const char *p = strstr(json, pat);
    if (p == NULL) return 0;
    p += strlen(pat);
    /* The string's text, its \" and \\ escapes read back. */
    size_t n = 0;
    while (*p && *p != '"' && n + 1 < cap) {
        if (*p == '\\' && (p[1] == '"' || p[1] == '\\')) p++;
        buf[n++] = *p++;
    }
    buf[n] = '\0';
    return 1;
}

/* "2026-04-23" -> 20260423; 0 when absent. */
static int32_t json_date(const char *json, const char *key) {
    char b[64];
    int y, m, d;
    if (!json_text(json, key, b, sizeof b) || sscanf(b, "%d-%d-%d", &y, &m, &d) != 3) return 0;
    return (int32_t)(y * 10000 + m * 100 + d);
}

/* "2026-04-23T18:30:00+05:00" -> 202604231830 and the offset in seconds; 0 when absent. */
static int64_t json_time(const char *json, const char *key, int32_t *offset) {
    char b[64];
    int y, mo, d, h, mi, sec, oh, om;
    char sign;
    *offset = 0;
    if (!json_text(json, key, b, sizeof b)) return 0;
    if (sscanf(b, "%d-%d-%dT%d:%d:%d%c%d:%d", &y, &mo, &d, &h, &mi, &sec, &sign, &oh, &om) != 9)
        return -1;
    *offset = (int32_t)((sign == '-' ? -1 : 1) * (oh * 3600 + om * 60));
    return (int64_t)y * 100000000 + (int64_t)mo * 1000000 + (int64_t)d * 10000 + h * 100 + mi;
}

static const char *const UNIT_TEXT[] = {"", "minutes", "hours", "working days", "calendar days", "months"};
static const char *const CHANNEL_TEXT[] = {"provider", "portal", "state_corporation"};
static const char *const START_TEXT[] = {"submission_day", "next_day"};
static const char *const END_TEXT[] = {"close_of_business", "midnight"};

/* merzim_legal_due for one case == merzim_eval_json_with for the same term request. */
static void legal_vs_json(const merzim_calendar *cal, int64_t submitted, uint32_t amount,
                          int32_t unit, int32_t channel, int32_t start, int32_t end) {
    char req[512];
    snprintf(req, sizeof req,
             "{\"id\": 1, \"submitted\": \"%04d-%02d-%02dT%02d:%02d:00\", \"term\": \"%u %s\", "
             "\"channel\": \"%s\", \"start\": \"%s\", \"end\": \"%s\"}",
             (int)(submitted / 100000000), (int)(submitted / 1000000 % 100),
             (int)(submitted / 10000 % 100), (int)(submitted / 100 % 100), (int)(submitted % 100),
             (unsigned)amount, UNIT_TEXT[unit], CHANNEL_TEXT[channel], START_TEXT[start],
             END_TEXT[end]);
    char *json = NULL;
    int32_t want = merzim_eval_json_with(cal, req, &json);
    merzim_due d;
    memset(&d, 0xab, sizeof d);
    merzim_error *err = NULL;
    int32_t got = merzim_legal_due(cal, submitted, amount, unit, channel, start, end, &d, &err);
    checks++;
    if (got != want) {
        failures++;
        fprintf(stderr, "legal_due %s: status %d (%s), JSON %d: %s\n", req, (int)got,
                merzim_error_message(err), (int)want, json ? json : "(NULL)");
    } else if (got == MERZIM_OK) {
        int32_t off = 0, hoff = 0;
        int64_t due = json_time(json, "due", &off);
        int64_t handoff = json_time(json, "handoff", &hoff);
        int32_t prov = strstr(json, "\"provisional\":true") != NULL;
        if (d.registered != json_date(json, "registered") || d.day_one != json_date(json, "day_one") ||
            d.last_day != json_date(json, "last_day") || d.due != due || d.due_utc_offset != off ||
            d.handoff != handoff || d.handoff_utc_offset != hoff || d.provisional != prov || err != NULL) {
            failures++;
            fprintf(stderr,
                    "legal_due %s:\n  got  registered %d day_one %d last_day %d due %lld (%d) "
                    "handoff %lld (%d) provisional %d\n  JSON %s\n",
                    req, (int)d.registered, (int)d.day_one, (int)d.last_day, (long long)d.due,
                    (int)d.due_utc_offset, (long long)d.handoff, (int)d.handoff_utc_offset,
                    (int)d.provisional, json);
        }
    } else {
        /* The same error: the typed call's message is the contract's, after the function name. */
        char msg[512];
        checks++;
        if (err == NULL || !json_text(json, "message", msg, sizeof msg) ||
            strstr(merzim_error_message(err), msg) == NULL) {
            failures++;
            fprintf(stderr, "legal_due %s: message %s, JSON %s\n", req, merzim_error_message(err), json);
        }
    }
    merzim_error_free(err);
    merzim_string_free(json);
}

static void test_legal_due(void) {
    const merzim_calendar *kz = merzim_calendar_kazakhstan();
    int32_t first = 0, last = 0;
    CHECK_STATUS(merzim_calendar_coverage(kz, &first, &last), MERZIM_OK);
    /* Submissions: before and after close of business, on a day off, at
     * night, across the 2024 change of offset, and near the end of coverage. */
    int64_t last_morning = (int64_t)last * 10000 + 1000;
    const int64_t subs[] = {INT64_C(202603201630), INT64_C(202603201845), INT64_C(202603221000),
                            INT64_C(202402281200), INT64_C(202404300300), INT64_C(201412310900),
                            last_morning};
    const uint32_t amounts[] = {1, 2, 22};
    size_t nsubs = sizeof subs / sizeof subs[0];
    for (size_t i = 0; i < nsubs; i++)
        for (int32_t unit = MERZIM_UNIT_MINUTES; unit <= MERZIM_UNIT_MONTHS; unit++)
            for (size_t a = 0; a < 3; a++)
                for (int32_t ch = 0; ch <= 2; ch++)
                    for (int32_t st = 0; st <= 1; st++)
                        for (int32_t en = 0; en <= 1; en++)
                            legal_vs_json(kz, subs[i], amounts[a], unit, ch, st, en);

    /* A loaded calendar: its overlay counts (2027-01-08 a day off,
     * 2027-01-16 a working Saturday), and the typed call still equals the JSON path. */
    merzim_calendar *loaded = NULL;
    CHECK_STATUS(merzim_calendar_load(OVERLAY, sizeof OVERLAY - 1, &loaded, NULL), MERZIM_OK);
    for (int32_t ch = 0; ch <= 2; ch++)
        for (int32_t unit = MERZIM_UNIT_WORKING_DAYS; unit <= MERZIM_UNIT_CALENDAR_DAYS; unit++)
            for (uint32_t amount = 1; amount <= 8; amount++)
                legal_vs_json(loaded, INT64_C(202701061000), amount, unit, ch, 0, 0);
    merzim_due on_kz, on_loaded;
    CHECK_STATUS(merzim_legal_due(kz, INT64_C(202701061000), 2, MERZIM_UNIT_WORKING_DAYS, 0, 0, 0,
                                  &on_kz, NULL), MERZIM_OK);
    CHECK_STATUS(merzim_legal_due(loaded, INT64_C(202701061000), 2, MERZIM_UNIT_WORKING_DAYS, 0, 0, 0,
                                  &on_loaded, NULL), MERZIM_OK);
    CHECK(on_loaded.due > on_kz.due); /* the overlay's day off is skipped */
    merzim_calendar_free(loaded);

    /* The case of the header: merzim_add_working_days is NOT a legal term. On
     * the provider channel day 1 is the registration date, so the last day is
     * the 21st working day after it, not the 22nd. */
    merzim_due d;
    int32_t wd22 = 0, wd21 = 0;
    CHECK_STATUS(merzim_legal_due(kz, INT64_C(202603201630), 22, MERZIM_UNIT_WORKING_DAYS,
                                  MERZIM_CHANNEL_PROVIDER, MERZIM_START_SUBMISSION_DAY,
                                  MERZIM_END_CLOSE_OF_BUSINESS, &d, NULL),
                 MERZIM_OK);
    CHECK_STATUS(merzim_add_working_days(kz, d.registered, 22, &wd22), MERZIM_OK);
    CHECK_STATUS(merzim_add_working_days(kz, d.registered, 21, &wd21), MERZIM_OK);
    CHECK(d.last_day == wd21);
    CHECK(d.last_day != wd22);
    CHECK(d.due / 10000 == d.last_day && d.handoff == 0);
    /* At a State Corporation centre the intake day is not counted: day 1 is
     * the next working day, and the handoff is due the working day before the last. */
    merzim_due sc;
    CHECK_STATUS(merzim_legal_due(kz, INT64_C(202603201630), 22, MERZIM_UNIT_WORKING_DAYS,
                                  MERZIM_CHANNEL_STATE_CORPORATION, MERZIM_START_SUBMISSION_DAY,
                                  MERZIM_END_CLOSE_OF_BUSINESS, &sc, NULL),
                 MERZIM_OK);
    CHECK_STATUS(merzim_add_working_days(kz, d.last_day, 1, &wd22), MERZIM_OK);
    CHECK(sc.last_day == wd22);
    CHECK(sc.handoff / 10000 == d.last_day && sc.handoff_utc_offset == sc.due_utc_offset);

    /* Enum values outside their enums, bad times, bad amounts: invalid
     * arguments whose message names the value; *out untouched. */
    struct { int32_t unit, ch, st, en; int64_t sub; uint32_t amount; const char *needle; } bad[] = {
        {0, 0, 0, 0, INT64_C(202603201630), 1, "0 is not a merzim_unit"},
        {6, 0, 0, 0, INT64_C(202603201630), 1, "6 is not a merzim_unit"},
        {3, 3, 0, 0, INT64_C(202603201630), 1, "3 is not a merzim_channel"},
        {3, -1, 0, 0, INT64_C(202603201630), 1, "-1 is not a merzim_channel"},
        {3, 0, 2, 0, INT64_C(202603201630), 1, "2 is not a merzim_start_rule"},
        {3, 0, 0, INT32_MAX, INT64_C(202603201630), 1, "2147483647 is not a merzim_term_end"},
        {3, 0, 0, 0, INT64_C(202603201660), 1, "202603201660 is not a time"},
        {3, 0, 0, 0, INT64_C(20260320), 1, "20260320 is not a time"},
        {3, 0, 0, 0, -1, 1, "-1 is not a time"},
        {3, 0, 0, 0, INT64_MAX, 1, "9223372036854775807 is not a time"},
        {3, 0, 0, 0, INT64_C(202603201630), 1000001, "1000001"},
        {3, 0, 0, 0, INT64_C(202603201630), 0, "0"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        merzim_due keep;
        memset(&keep, 0x5a, sizeof keep);
        merzim_due o = keep;
        merzim_error *err = NULL;
        CHECK_STATUS(merzim_legal_due(kz, bad[i].sub, bad[i].amount, bad[i].unit, bad[i].ch,
                                      bad[i].st, bad[i].en, &o, &err),
                     MERZIM_ERR_INVALID_ARGUMENT);
        CHECK_CONTAINS(merzim_error_message(err), bad[i].needle);
        CHECK_STATUS(merzim_error_kind(err), MERZIM_ERR_INVALID_ARGUMENT);
        CHECK(memcmp(&o, &keep, sizeof o) == 0);
        merzim_error_free(err);
    }
    /* Outside coverage. */
    CHECK_STATUS(merzim_legal_due(kz, last_morning, 22, MERZIM_UNIT_WORKING_DAYS, 0, 0, 0, &d, NULL),
                 MERZIM_ERR_OUT_OF_COVERAGE);
    /* NULLs. */
    CHECK_STATUS(merzim_legal_due(NULL, INT64_C(202603201630), 1, 3, 0, 0, 0, &d, NULL),
                 MERZIM_ERR_NULL_POINTER);
    CHECK_STATUS(merzim_legal_due(kz, INT64_C(202603201630), 1, 3, 0, 0, 0, NULL, NULL),
                 MERZIM_ERR_NULL_POINTER);

    /* Bulk == scalar, item by item, with failing items among them. */
    enum { N = 9 };
    const int64_t bs[N] = {INT64_C(202603201630), INT64_C(202602311000), INT64_C(202603221000),
                           last_morning, INT64_C(202402281200), -5, INT64_C(201412310900),
                           INT64_C(202603201845), INT64_C(202404300300)};
    for (int32_t unit = MERZIM_UNIT_MINUTES; unit <= MERZIM_UNIT_MONTHS; unit++) {
        for (int32_t ch = 0; ch <= 2; ch++) {
            merzim_due out[N];
            int32_t status[N];
            size_t failed = 12345;
            merzim_error *err = NULL;
            int32_t s = merzim_legal_due_bulk(kz, bs, N, 22, unit, ch, MERZIM_START_NEXT_DAY,
                                              MERZIM_END_MIDNIGHT, out, status, &failed, &err);
            size_t want_failed = 0, first_index = N;
            int32_t want_first = MERZIM_OK;
            for (size_t k = 0; k < N; k++) {
                merzim_due one;
                memset(&one, 0, sizeof one);
                int32_t st = merzim_legal_due(kz, bs[k], 22, unit, ch, MERZIM_START_NEXT_DAY,
                                              MERZIM_END_MIDNIGHT, &one, NULL);
                CHECK_STATUS(status[k], st);
                if (st != MERZIM_OK) {
                    if (want_failed++ == 0) {
                        want_first = st;
                        first_index = k;
                    }
                    memset(&one, 0, sizeof one);
                }
                CHECK(memcmp(&out[k], &one, sizeof one) == 0);
            }
            CHECK_STATUS(s, want_first);
            CHECK(failed == want_failed);
            CHECK(want_failed >= 2 && first_index <= 1); /* at least the impossible date and -5 */
            char item[32];
            snprintf(item, sizeof item, "item %zu: ", first_index);
            CHECK_CONTAINS(merzim_error_message(err), item);
            merzim_error_free(err);
        }
    }
    /* Common arguments wrong: nothing computed, status untouched. */
    {
        merzim_due out[2];
        int32_t status[2] = {-7, -7};
        size_t failed = 0;
        merzim_error *err = NULL;
        CHECK_STATUS(merzim_legal_due_bulk(kz, bs, 2, 22, 9, 0, 0, 0, out, status, &failed, &err),
                     MERZIM_ERR_INVALID_ARGUMENT);
        CHECK(status[0] == -7 && status[1] == -7 && failed == 2);
        CHECK_CONTAINS(merzim_error_message(err), "9 is not a merzim_unit");
        merzim_error_free(err);
        CHECK_STATUS(merzim_legal_due_bulk(kz, bs, 2, 22, 3, 0, 0, 0, out, NULL, NULL, NULL),
                     MERZIM_ERR_NULL_POINTER);
        CHECK_STATUS(merzim_legal_due_bulk(kz, NULL, 2, 22, 3, 0, 0, 0, out, status, NULL, NULL),
                     MERZIM_ERR_NULL_POINTER);
        CHECK_STATUS(merzim_legal_due_bulk(NULL, bs, 2, 22, 3, 0, 0, 0, out, status, NULL, NULL),
                     MERZIM_ERR_NULL_POINTER);
        failed = 99;
        CHECK_STATUS(merzim_legal_due_bulk(kz, NULL, 0, 22, 3, 0, 0, 0, NULL, NULL, &failed, NULL),
                     MERZIM_OK);
        CHECK(failed == 0);
    }
}

int main(int argc, char **argv) {
    (void)argc; /* the directory argument of older versions is ignored */
    (void)argv;
    printf("merzim %s, data %s\n", merzim_version(), merzim_data_version());
    test_versions();
    test_builtin();
    test_is_working_day();
    test_add_working_days();
    test_working_days_between();
    test_bulk();
    test_calendar_load();
    test_eval_json();
    test_legal_due();
    if (failures) {
        fprintf(stderr, "test_merzim: %d of %d checks FAILED\n", failures, checks);
        return 1;
    }
    printf("test_merzim: all %d checks passed\n", checks);
    return 0;
}

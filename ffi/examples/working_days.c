/*
 * Working days on yyyymmdd dates with the built-in calendar: the examples of
 * merzim.h, compiled and run by the tests (ffi/tests/c_api.rs, .ci/ffi.sh).
 */
#include <stdio.h>

#include "merzim.h"

#define EXPECT(cond)                                                           \
    do {                                                                       \
        if (!(cond)) {                                                         \
            fprintf(stderr, "%s:%d: failed: %s\n", __FILE__, __LINE__, #cond); \
            return 1;                                                          \
        }                                                                      \
    } while (0)

int main(void) {
    const merzim_calendar *kz = merzim_calendar_kazakhstan();

    int32_t working = -1;
    EXPECT(merzim_is_working_day(kz, 20260323, &working) == MERZIM_OK); /* Nauryz */
    EXPECT(working == 0);

    /* 20260320, 1 -> 20260326 (Nauryz 21..25 March 2026 is skipped). */
    int32_t due = 0;
    EXPECT(merzim_add_working_days(kz, 20260320, 1, &due) == MERZIM_OK);
    EXPECT(due == 20260326);

    /* 20260320 .. 20260326 -> 1. */
    int32_t k = 0;
    EXPECT(merzim_working_days_between(kz, 20260320, 20260326, &k) == MERZIM_OK);
    EXPECT(k == 1);

    /* An impossible date is an invalid argument; *out is left alone. */
    EXPECT(merzim_add_working_days(kz, 20260231, 1, &due) == MERZIM_ERR_INVALID_ARGUMENT);
    EXPECT(due == 20260326);

    /* Bulk: the first failing element stops the call. */
    int32_t dates[3] = {20260320, 20260326, 20271231};
    int32_t n[3] = {1, -1, 5};
    int32_t out[3];
    size_t failed = 0;
    int32_t s = merzim_add_working_days_bulk(kz, dates, n, 3, out, &failed);
    EXPECT(s == MERZIM_ERR_OUT_OF_COVERAGE);
    EXPECT(failed == 2);
    EXPECT(out[0] == 20260326 && out[1] == 20260320);
    printf("working_days: %s at index %zu; out[0] = %d, out[1] = %d\n", merzim_status_name(s),
           failed, (int)out[0], (int)out[1]);
    return 0;
}

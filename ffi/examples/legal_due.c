/*
 * A legal term as a typed call (no JSON): merzim_legal_due and its bulk
 * form, the examples of merzim.h, compiled and run by the tests
 * (ffi/tests/c_api.rs, .ci/ffi.sh).
 */
#include <inttypes.h>
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
    merzim_error *err = NULL;

    /* 2026-03-20 16:30, "22 working days", to the provider:
     * registered 20260320, due 202604231830 (+05:00), no handoff. */
    merzim_due d;
    EXPECT(merzim_legal_due(kz, INT64_C(202603201630), 22, MERZIM_UNIT_WORKING_DAYS,
                            MERZIM_CHANNEL_PROVIDER, MERZIM_START_SUBMISSION_DAY,
                            MERZIM_END_CLOSE_OF_BUSINESS, &d, &err) == MERZIM_OK);
    EXPECT(err == NULL);
    EXPECT(d.registered == 20260320 && d.due == INT64_C(202604231830));
    EXPECT(d.due_utc_offset == 5 * 3600 && d.handoff == 0 && d.provisional == 0);
    printf("provider: registered %d, due %" PRId64 " (UTC%+d s)\n", (int)d.registered, d.due,
           (int)d.due_utc_offset);

    /* The same at a State Corporation centre: the intake day does not count,
     * and the provider hands the result to the centre a working day earlier. */
    EXPECT(merzim_legal_due(kz, INT64_C(202603201630), 22, MERZIM_UNIT_WORKING_DAYS,
                            MERZIM_CHANNEL_STATE_CORPORATION, MERZIM_START_SUBMISSION_DAY,
                            MERZIM_END_CLOSE_OF_BUSINESS, &d, NULL) == MERZIM_OK);
    EXPECT(d.due == INT64_C(202604241830) && d.handoff == INT64_C(202604231830));
    printf("state_corporation: due %" PRId64 ", handoff %" PRId64 "\n", d.due, d.handoff);

    /* An enum value outside its enum is an invalid argument with a message. */
    EXPECT(merzim_legal_due(kz, INT64_C(202603201630), 22, MERZIM_UNIT_WORKING_DAYS, 7,
                            MERZIM_START_SUBMISSION_DAY, MERZIM_END_CLOSE_OF_BUSINESS, &d,
                            &err) == MERZIM_ERR_INVALID_ARGUMENT);
    printf("channel 7: %s\n", merzim_error_message(err));
    merzim_error_free(err);
    err = NULL;

    /* Bulk: every item computed, each with its status. */
    int64_t submitted[3] = {INT64_C(202603201630), INT64_C(202602311000), INT64_C(202403011000)};
    merzim_due out[3];
    int32_t status[3];
    size_t failed = 0;
    int32_t s = merzim_legal_due_bulk(kz, submitted, 3, 30, MERZIM_UNIT_CALENDAR_DAYS,
                                      MERZIM_CHANNEL_PORTAL, MERZIM_START_SUBMISSION_DAY,
                                      MERZIM_END_CLOSE_OF_BUSINESS, out, status, &failed, &err);
    EXPECT(s == MERZIM_ERR_INVALID_ARGUMENT && failed == 1);
    EXPECT(status[0] == MERZIM_OK && status[1] == MERZIM_ERR_INVALID_ARGUMENT && status[2] == MERZIM_OK);
    EXPECT(out[1].due == 0);
    printf("bulk: %zu failed (%s); item 0 due %" PRId64 ", item 2 due %" PRId64 "\n", failed,
           merzim_error_message(err), out[0].due, out[2].due);
    merzim_error_free(err);
    return 0;
}

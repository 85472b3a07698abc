/*
 * The batch contract through merzim_eval_json: the examples of merzim.h,
 * compiled and run by the tests (ffi/tests/c_api.rs, .ci/ffi.sh).
 */
#include <stdio.h>
#include <string.h>

#include "merzim.h"

#define EXPECT(cond)                                                           \
    do {                                                                       \
        if (!(cond)) {                                                         \
            fprintf(stderr, "%s:%d: failed: %s\n", __FILE__, __LINE__, #cond); \
            return 1;                                                          \
        }                                                                      \
    } while (0)

int main(void) {
    /* A term case. */
    char *json = NULL;
    int32_t s = merzim_eval_json(
        "{\"id\": \"a1\", \"submitted\": \"2026-03-20T16:30:00\", \"term\": \"22 working days\"}",
        &json);
    EXPECT(s == MERZIM_OK);
    /* … then the date the data was last checked: ,"data_as_of":"YYYY-MM-DD"} */
    static const char A1[] = "{\"id\":\"a1\",\"registered\":\"2026-03-20\","
                             "\"day_one\":\"2026-03-20\",\"last_day\":\"2026-04-23\","
                             "\"due\":\"2026-04-23T18:30:00+05:00\",\"provisional\":false,"
                             "\"data_as_of\":\"";
    EXPECT(json != NULL && strncmp(json, A1, sizeof A1 - 1) == 0);
    printf("%s\n", json);
    merzim_string_free(json);

    /* A regulation case, by the regulation's id, on a channel it offers
     * (akmola-2014-cadastral-value offers provider and state_corporation). */
    json = NULL;
    s = merzim_eval_json("{\"id\": \"r1\", \"regulation\": \"akmola-2014-cadastral-value\", "
                         "\"submitted\": \"2014-07-01T10:00:00\", \"channel\": \"state_corporation\"}",
                         &json);
    EXPECT(s == MERZIM_OK);
    EXPECT(json != NULL && strstr(json, "\"end\":\"2014-07-04T09:50:00+06:00\"") != NULL);
    printf("%s\n", json);
    merzim_string_free(json);

    /* A failing request: the status follows the error kind and *out_json is
     * still the contract's error line. */
    json = NULL;
    s = merzim_eval_json("{\"id\": \"r2\", \"regulation\": \"akmola-2014-cadastral-value\", "
                         "\"submitted\": \"2014-07-01T10:00:00\", \"channel\": \"portal\"}",
                         &json);
    EXPECT(s == MERZIM_ERR_INVALID_ARGUMENT);
    EXPECT(json != NULL &&
           strstr(json, "{\"id\":\"r2\",\"error\":{\"kind\":\"invalid_input\"") == json);
    printf("%s -> %s\n", merzim_status_name(s), json);
    merzim_string_free(json);
    return 0;
}

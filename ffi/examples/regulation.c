/*
 * A calendar with an overlay and a regulation of the host's own, then a
 * request naming that regulation: the example of merzim.h for
 * merzim_calendar_load and merzim_calendar_add_regulation, compiled and run by
 * the tests (ffi/tests/c_api.rs, .ci/ffi.sh).
 */
#include <stdio.h>
#include <string.h>

#include "merzim.h"

/* 2027-01-08 becomes a day off, 2027-01-16 (a Saturday) a working day. */
static const char OVERLAY[] =
    "[[act]]\n"
    "id = \"example-order\"\n"
    "source = \"an example\"\n"
    "[[act.transfer]]\n"
    "day_off = \"2027-01-08\"\n"
    "working_day = \"2027-01-16\"\n";

/* A regulation in the format of regulations/ (the host reads its
 * files itself; merzim never opens a file because a request names it). */
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

int main(void) {
    merzim_calendar *cal = NULL;
    merzim_error *err = NULL;
    int rc = 1;

    if (merzim_calendar_load(OVERLAY, strlen(OVERLAY), &cal, &err) != MERZIM_OK) {
        fprintf(stderr, "load: %s\n", merzim_error_message(err));
        merzim_error_free(err);
        return 1;
    }
    /* Register before sharing the calendar between threads. */
    if (merzim_calendar_add_regulation(cal, REGULATION, strlen(REGULATION), &err) != MERZIM_OK) {
        fprintf(stderr, "add_regulation: %s\n", merzim_error_message(err));
        merzim_error_free(err);
        merzim_calendar_free(cal);
        return 1;
    }

    int32_t due = 0;
    char *json = NULL;
    int32_t s = merzim_add_working_days(cal, 20270107, 1, &due); /* 2027-01-08 is off */
    if (s == MERZIM_OK && due == 20270111)
        s = merzim_eval_json_with(cal,
                                  "{\"id\": \"p1\", \"regulation\": \"example-permit\", "
                                  "\"submitted\": \"2026-03-20T16:30:00\", \"channel\": \"portal\"}",
                                  &json);
    if (s == MERZIM_OK && json != NULL &&
        strstr(json, "\"end\":\"2026-03-30T16:45:00+05:00\"") != NULL) {
        printf("%s\n", json);
        rc = 0;
    } else {
        fprintf(stderr, "unexpected: status %s, due %d, json %s\n", merzim_status_name(s), (int)due,
                json ? json : "(NULL)");
    }
    merzim_string_free(json);
    merzim_calendar_free(cal); /* once: cal must not be used or freed again */
    cal = NULL;
    return rc;
}

/*
 * A deliberately leaking program: .ci/ffi.sh runs it under Valgrind with the
 * same options and suppressions as the real tests and requires Valgrind to
 * FAIL, proving that ffi/ctest/valgrind.supp hides only merzim's process-wide
 * caches and not leaks of what the API hands to the caller.
 *
 *   leak_canary lost       loses a calendar and a JSON string (definitely lost)
 *   leak_canary reachable  keeps a JSON string in a global, unfreed (reachable)
 *   leak_canary released   uses a calendar after its last reference is given
 *                          back (use after free): AddressSanitizer must catch
 *                          it, proving that the ASan run watches the memory
 *                          the library allocates
 * Exits 0 itself; only Valgrind or AddressSanitizer should complain.
 */
#include <stdio.h>
#include <string.h>

#include "merzim.h"

static char *kept = NULL;

int main(int argc, char **argv) {
    const char *mode = argc > 1 ? argv[1] : "lost";
    char *json = NULL;
    if (merzim_eval_json("{\"id\": 1, \"submitted\": \"2026-03-20T10:00:00\", \"term\": \"1 working day\"}",
                         &json) != MERZIM_OK)
        return 2;
    if (strcmp(mode, "reachable") == 0) {
        kept = json;
        printf("kept %s\n", kept);
        return 0;
    }
    merzim_calendar *cal = NULL;
    if (merzim_calendar_load(NULL, 0, &cal, NULL) != MERZIM_OK)
        return 2;
    if (strcmp(mode, "released") == 0) {
        merzim_string_free(json);
        merzim_calendar_free(cal);
        int32_t w = -1;
        merzim_is_working_day(cal, 20260320, &w); /* the bug, on purpose */
        printf("used a freed calendar: %d\n", (int)w);
        return 0;
    }
    printf("lost %p and %s\n", (void *)cal, json);
    cal = NULL;
    json = NULL;
    return 0;
}

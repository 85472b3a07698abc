/*
 * A deliberately leaking program: .ci/ffi.sh runs it under Valgrind with the
 * same options and suppressions as the real tests and requires Valgrind to
 * FAIL, proving that ffi/ctest/valgrind.supp hides only merzim's process-wide
 * caches and not leaks of what the API hands to the caller.
 *
 *   leak_canary lost       loses a calendar and a JSON string (definitely lost)
 *   leak_canary reachable  keeps a JSON string in a global, unfreed (reachable)
 * Exits 0 itself; only Valgrind should complain.
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
    printf("lost %p and %s\n", (void *)cal, json);
    cal = NULL;
    json = NULL;
    return 0;
}

/*
 * merzim.h: the C API of merzim, deadlines of Kazakh public services.
 *
 * This header is the C documentation. It is hand-written; the Rust side is
 * ffi/src/ (one file per concern).
 *
 * EXAMPLES
 *   Complete programs, compiled with -std=c99 -Wall -Wextra -Werror and run
 *   by the tests (ffi/tests/c_api.rs and .ci/ffi.sh, also under valgrind):
 *     ffi/examples/working_days.c  working days and the bulk function
 *     ffi/examples/eval_json.c     the batch contract (JSON in, JSON out)
 *     ffi/examples/regulation.c    an overlay and a regulation of your own
 *     ffi/examples/legal_due.c     a legal term as a typed call, scalar and bulk
 *   The "Example:" lines below are checked by these programs.
 *
 * LINKING
 *   pkg-config: cc app.c $(pkg-config --cflags --libs merzim)
 *              (shared; merzim.pc carries an rpath to its lib/), or
 *              cc app.c $(pkg-config --cflags --libs merzim-static)
 *              (static: `pkg-config --static merzim` would still pick
 *              libmerzim.so when both are installed; ffi/README.md, "Install")
 *   shared: cc app.c -I ffi/include -L target/release -lmerzim \
 *              -Wl,-rpath,/dir/of/libmerzim.so       (libmerzim.so)
 *           The library's SONAME is libmerzim.so.0: the loader looks for
 *           that name at run time, so install it as libmerzim.so.0 (with the
 *           link libmerzim.so for the linker), or, in a build tree,
 *           ln -s libmerzim.so target/release/libmerzim.so.0.
 *   static: cc app.c -I ffi/include target/release/libmerzim.a \
 *              -lgcc_s -lutil -lrt -lpthread -lm -ldl -lc
 *   (the static list is what `cargo rustc -p merzim-ffi --release --
 *    --print native-static-libs` prints on Linux/glibc; see ffi/README.md).
 *
 * CONVENTIONS
 *   - Dates cross as int32_t yyyymmdd (20260320 = 2026-03-20). An impossible
 *     date (20260231, 0, a negative number, month 13, ...) gives
 *     MERZIM_ERR_INVALID_ARGUMENT.
 *   - Fallible functions return an int32_t status: MERZIM_OK (0) or one of the
 *     MERZIM_ERR_* codes below. Results are written through out-pointers, and
 *     only on MERZIM_OK (except where a function says otherwise).
 *   - A NULL where a pointer is required gives MERZIM_ERR_NULL_POINTER, never
 *     a crash. An array may be NULL only when its length is 0.
 *   - No panic (Rust's exception) ever crosses the boundary: a bug inside the
 *     library is caught and reported as MERZIM_ERR_PANIC. Nothing is printed
 *     to your stderr for it: on first use, the library installs (once,
 *     thread-safely) a Rust panic hook that is silent for a panic caught by
 *     one of these functions and defers to the previously installed hook for
 *     any other panic. (With libmerzim.so the hook belongs to the library's
 *     own copy of the Rust runtime; a Rust host linking libmerzim.a shares
 *     its hook, and its own panics still reach its previous hook.)
 *   - The calendar covers the years of its data (merzim_calendar_coverage);
 *     dates or results outside give MERZIM_ERR_OUT_OF_COVERAGE.
 *
 * OWNERSHIP
 *   - Strings returned as `const char *` (merzim_version, merzim_data_version,
 *     merzim_status_name, "no error") are static: never free them.
 *   - Strings returned through `char **` (merzim_eval_json*) are owned by the
 *     caller: free each with merzim_string_free (not free()).
 *   - A calendar from merzim_calendar_load is reference-counted: the load
 *     gives you one reference, merzim_calendar_retain one more, and
 *     merzim_calendar_free gives one back; the last one frees it. Give back
 *     each reference you hold exactly once. A reference given back must not be
 *     used or given back again (like free(): set your pointer to NULL; freeing
 *     NULL is a no-op). To hand a calendar to a thread, retain it for that
 *     thread and let the thread free it when done: then no thread can free
 *     it while another uses it. The built-in calendar
 *     (merzim_calendar_kazakhstan) is never freed; merzim_calendar_retain and
 *     merzim_calendar_free on it are no-ops, however often.
 *   - The same rule holds for strings (merzim_string_free) and errors
 *     (merzim_error_free): free each once, then never use it again.
 *   - An error from merzim_calendar_load is owned by the caller: free it with
 *     merzim_error_free. Its message lives until then.
 *   - merzim never keeps a pointer you pass in beyond the call.
 *
 * THREAD SAFETY
 *   - Every function may be called from any thread, concurrently.
 *   - A calendar (the built-in one or a loaded one) may be used by several
 *     threads at once without locking; once set up it is immutable (its
 *     internal caches are synchronised). Only merzim_calendar_add_regulation
 *     (set-up: call it before sharing or retaining the calendar) must not
 *     race with other uses of the same calendar; merzim_calendar_free may run
 *     while other threads use the calendar through references of their own.
 *   - Strings and errors returned to you are yours: no thread-affinity.
 *   - The built-in calendar is built on first use (thread-safely, once per
 *     process); call merzim_calendar_kazakhstan() at start-up to pay that
 *     cost (a few milliseconds) early.
 */
#ifndef MERZIM_H
#define MERZIM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Status codes (int32_t). New codes may be added: treat any non-zero
 * value as a failure and an unknown one like MERZIM_ERR_OTHER. ----------- */

/* Success. */
#define MERZIM_OK 0
/* A date, or a computation reaching a date, outside the calendar's coverage
 * (Rust ErrorKind::OutOfCoverage). */
#define MERZIM_ERR_OUT_OF_COVERAGE 1
/* A bad argument or request: an impossible date, malformed JSON, an unknown
 * field, invalid UTF-8, ... (Rust ErrorKind::InvalidInput). */
#define MERZIM_ERR_INVALID_ARGUMENT 2
/* Bad calendar data: the overlay TOML; the message names the line
 * (Rust ErrorKind::InvalidData). */
#define MERZIM_ERR_INVALID_DATA 3
/* A bad regulation given to merzim_calendar_add_regulation; the message names
 * the line and the field (Rust ErrorKind::InvalidRegulation). */
#define MERZIM_ERR_INVALID_REGULATION 4
/* A file could not be read (Rust ErrorKind::Io). No function of this API
 * reads files today; the code is kept so that every error kind has one. */
#define MERZIM_ERR_IO 5
/* A required pointer was NULL, or an array was NULL with a non-zero length. */
#define MERZIM_ERR_NULL_POINTER 6
/* A bug in merzim: it panicked; the panic was caught at the boundary (Rust
 * ErrorKind::Internal, "internal" in the batch contract's error lines).
 * Please report it. The library stays usable. */
#define MERZIM_ERR_PANIC 7
/* An error kind newer than this header (catch-all). */
#define MERZIM_ERR_OTHER 99

/* ---- Opaque types -------------------------------------------------------- */

/* A working-day calendar (with the office tables and caches of the batch
 * contract). Immutable and shareable between threads. */
typedef struct merzim_calendar merzim_calendar;

/* An error: a status code and a message. */
typedef struct merzim_error merzim_error;

/* ---- Versions ------------------------------------------------------------ */

/* The library version, e.g. "0.1.0". Static; never NULL; never free it. */
const char *merzim_version(void);

/* The version of the built-in calendar data (coverage and a hash of the
 * embedded holiday files). Static; never free it. Never NULL (NULL only if
 * the library were broken, see merzim_calendar_kazakhstan). */
const char *merzim_data_version(void);

/* A static name of a status code ("ok", "out_of_coverage", "invalid_argument",
 * "invalid_data", "invalid_regulation", "io", "null_pointer", "panic", or
 * "other" for anything else), for logs. Never NULL; never free it. */
const char *merzim_status_name(int32_t status);

/* ---- Calendars ----------------------------------------------------------- */

/* The built-in Kazakhstan calendar (five-day week, embedded data). Built once
 * per process on first use; never NULL; merzim_calendar_free on it is a no-op.
 * The library frees it itself when the process exits (so that leak checkers
 * such as Valgrind see no leak): do not use it from atexit handlers or the
 * destructors of static objects. It would be NULL only if the embedded data were broken, a
 * build defect the test suite catches; every function given a NULL calendar
 * returns MERZIM_ERR_NULL_POINTER. */
const merzim_calendar *merzim_calendar_kazakhstan(void);

/* Builds a calendar: the embedded data plus an overlay, `len` bytes of UTF-8
 * TOML at `toml` (need not be NUL-terminated; NULL is allowed when len is 0,
 * giving the plain embedded data). The overlay uses the schema of
 * holidays/transfers/YYYY.toml ([[act]] with [[act.transfer]] /
 * [[act.day_off]]), plus [[kurban_ait]] and [[holiday]] entries as in
 * holidays/; an act with the id of an existing one replaces it.
 *
 * On MERZIM_OK: *out is a new calendar (free it with merzim_calendar_free) and
 * *err is NULL.
 * On failure: *out is NULL and, when err is not NULL, *err is a new error
 * (free it with merzim_error_free) whose message says what is wrong; for a bad
 * overlay (MERZIM_ERR_INVALID_DATA) it names the line, e.g.
 * "overlay: line 3: ...". Invalid UTF-8 gives MERZIM_ERR_INVALID_ARGUMENT.
 * `out` is required (NULL gives MERZIM_ERR_NULL_POINTER); `err` is optional. */
int32_t merzim_calendar_load(const char *toml, size_t len, merzim_calendar **out,
                             merzim_error **err);

/* Registers a regulation of your own on `cal`, a calendar from
 * merzim_calendar_load, so that requests to merzim_eval_json_with(cal, ...)
 * can name it by its id: `len` bytes of UTF-8 TOML at `toml` in the format of
 * regulations/ (need not be NUL-terminated). Requests never
 * name files: read your regulation files yourself and register their text.
 *
 * Set-up only: no other thread may use `cal` during the call (register
 * before sharing the calendar). Returns MERZIM_OK, or, with *err set when err
 * is not NULL (free it with merzim_error_free):
 * - MERZIM_ERR_INVALID_REGULATION: the TOML is not a valid regulation (the
 *   message names the line and the field);
 * - MERZIM_ERR_INVALID_ARGUMENT: invalid UTF-8, an id already known (bundled
 *   or registered), `cal` is the built-in calendar, which never changes, or
 *   `cal` has been retained (merzim_calendar_retain): it may be in use;
 * - MERZIM_ERR_NULL_POINTER: `cal` NULL, or `toml` NULL with len > 0.
 * On failure `cal` is unchanged.
 * Example: ffi/examples/regulation.c. */
int32_t merzim_calendar_add_regulation(merzim_calendar *cal, const char *toml, size_t len,
                                       merzim_error **err);

/* Takes one more reference to `cal` and returns `cal` itself. Each reference
 * is given back with merzim_calendar_free; the calendar is freed with the
 * last one. Use it to share a loaded calendar with a thread whose lifetime
 * you do not control: retain before handing it over, and let that thread
 * free its reference when it is done; your own merzim_calendar_free is then
 * safe while the thread still works. NULL gives NULL; the built-in calendar
 * is returned unchanged (it is never freed). Thread-safe (the count is
 * atomic), but you must hold a reference to `cal` while you call it.
 * Example: ffi/ctest/stress.c. */
const merzim_calendar *merzim_calendar_retain(const merzim_calendar *cal);

/* Gives back one reference to a calendar from merzim_calendar_load or
 * merzim_calendar_retain; the last reference frees the calendar. NULL-safe; a
 * no-op for the built-in calendar (so it is safe to free whatever calendar
 * you hold: cast away const for the built-in one).
 * Give back each reference exactly once. A reference given back must not be
 * used or given back again: a double free is undefined behaviour, as with
 * free(), and the library cannot detect it (set your pointer to NULL after
 * freeing it; freeing NULL is a no-op). Other threads may go on using the
 * calendar through references of their own. */
void merzim_calendar_free(merzim_calendar *cal);

/* *out_yyyymmdd = the date the calendar's embedded data was last checked
 * against the official sources (data_as_of in holidays/statutory.toml), or 0
 * when it is unknown. A calendar from merzim_calendar_load has the date of
 * the embedded data under its overlay, unless the overlay sets its own
 * (data_as_of = "YYYY-MM-DD"). */
int32_t merzim_calendar_data_as_of(const merzim_calendar *cal, int32_t *out_yyyymmdd);

/* *out_first and *out_last = the first and last date the calendar answers
 * (yyyymmdd): the years its data covers. A date or a result outside them gives
 * MERZIM_ERR_OUT_OF_COVERAGE. Read the coverage here rather than writing the
 * years into your program: a new release adds years. */
int32_t merzim_calendar_coverage(const merzim_calendar *cal, int32_t *out_first, int32_t *out_last);

/* ---- Working days (yyyymmdd) -------------------------------------------- */

/* *out = 1 if `yyyymmdd` is a working day in `cal`, else 0. */
int32_t merzim_is_working_day(const merzim_calendar *cal, int32_t yyyymmdd, int32_t *out);

/* *out_yyyymmdd = the n-th working day after `yyyymmdd` (n > 0), the |n|-th
 * before it (n < 0), or, for n = 0, `yyyymmdd` itself if it is a working day,
 * else the next working day (n = 0 rolls forward). The start date need not be
 * a working day: from a Saturday, n = 1 gives the Monday.
 * Example: 20260320, 1 -> 20260326 (Nauryz 21..25 March 2026 is skipped;
 * ffi/examples/working_days.c). */
int32_t merzim_add_working_days(const merzim_calendar *cal, int32_t yyyymmdd, int32_t n,
                                int32_t *out_yyyymmdd);

/* *out = working days in (from, to], negative when to < from, so that
 * merzim_add_working_days(from, *out) == to for a working day `to` that is
 * after `from`, or for working days `from` and `to` in either order.
 * Example: 20260320 .. 20260326 -> 1 (ffi/examples/working_days.c). */
int32_t merzim_working_days_between(const merzim_calendar *cal, int32_t from, int32_t to,
                                    int32_t *out);

/* out[i] = merzim_add_working_days(cal, dates[i], n[i]) for i = 0 .. len-1,
 * in order.
 * - On MERZIM_OK: all of out[0 .. len) are set and *failed_index = len.
 * - On failure at the first failing index i (an impossible date, out of
 *   coverage): returns that element's status and sets *failed_index = i;
 *   out[0 .. i) hold their results, out[i .. len) are unspecified (do not
 *   read them).
 * - dates, n and out may be NULL only when len is 0; otherwise NULL gives
 *   MERZIM_ERR_NULL_POINTER (with *failed_index = 0). failed_index itself is
 *   optional (may be NULL).
 * - out may be the very same array as dates or n (in-place); other partial
 *   overlaps are not allowed. */
int32_t merzim_add_working_days_bulk(const merzim_calendar *cal, const int32_t *dates,
                                     const int32_t *n, size_t len, int32_t *out,
                                     size_t *failed_index);

/* ---- Legal terms (typed) ------------------------------------------------ */

/* A legal term's answer without JSON: the submission, the term and its
 * options as numbers and enums, the answer in a struct. It is the answer
 * merzim_eval_json_with(cal, ...) gives for the same term request without
 * "tz", "schedule", "week", "horizon" or "as_known_on" (the state-body
 * schedule 09:00-13:00, 14:30-18:30 in the default zone Asia/Almaty), field
 * for field; the tests check it against that path.
 *
 * Do not compute a legal term with merzim_add_working_days: registration
 * after close of business or on a day off, the State Corporation's intake
 * day, the start rule and the end of the last day are the rules this call
 * applies (docs/RULES.md section 5). E.g. "22 working days" from
 * 2026-03-20 16:30 to the provider ends on 20260423: day 1 is the
 * registration date itself, so the last day is the 21st working day after
 * it, where merzim_add_working_days(20260320, 22) gives 20260424, a day too
 * late (ffi/ctest/test_merzim.c checks it).
 *
 * The enums' values are fixed (they are part of the ABI); a value outside
 * them gives MERZIM_ERR_INVALID_ARGUMENT with a message naming it and the
 * valid values. Pass them as int32_t from other languages. */

/* How the documents reached the provider. */
typedef enum merzim_channel {
    MERZIM_CHANNEL_PROVIDER = 0,         /* to the service provider itself (the default) */
    MERZIM_CHANNEL_PORTAL = 1,           /* through the e-government portal */
    MERZIM_CHANNEL_STATE_CORPORATION = 2 /* at a State Corporation centre: the intake
                                            day is not counted; the answer has a handoff */
} merzim_channel;

/* Which day is day 1 of a term in days. */
typedef enum merzim_start_rule {
    MERZIM_START_SUBMISSION_DAY = 0, /* the registration date (the default) */
    MERZIM_START_NEXT_DAY = 1        /* the day after it (Civil Code art. 173) */
} merzim_start_rule;

/* When the last day of a term in days ends. */
typedef enum merzim_term_end {
    MERZIM_END_CLOSE_OF_BUSINESS = 0, /* at close of business (the default) */
    MERZIM_END_MIDNIGHT = 1           /* at 24:00, reported as 00:00 of the next date */
} merzim_term_end;

/* The unit of a term. 0 is not a unit (a zeroed variable is refused). */
typedef enum merzim_unit {
    MERZIM_UNIT_MINUTES = 1,       /* office minutes */
    MERZIM_UNIT_HOURS = 2,         /* office hours (60 office minutes each) */
    MERZIM_UNIT_WORKING_DAYS = 3,  /* working days of the calendar */
    MERZIM_UNIT_CALENDAR_DAYS = 4, /* calendar days; a last day off moves forward */
    MERZIM_UNIT_MONTHS = 5         /* months (same day number, or the month's last day) */
} merzim_unit;

/* The answer of merzim_legal_due. Dates are yyyymmdd, times yyyymmddhhmm
 * (int64_t, local wall-clock time of the office: 202604231830 is
 * 2026-04-23 18:30); the *_utc_offset fields give the zone's offset at that
 * time in seconds east of UTC (18000 for +05:00), so that due and handoff
 * are instants. */
typedef struct merzim_due {
    int32_t registered;         /* registration date (state_corporation: acceptance date) */
    int32_t day_one;            /* day 1 of the term; 0 for terms in minutes or hours */
    int32_t last_day;           /* the last day of the term */
    int32_t provisional;        /* 1 if the answer rests on a provisional day, else 0 */
    int64_t due;                /* the instant the term expires */
    int64_t handoff;            /* state_corporation: the provider hands the result to
                                   the centre by then; 0 when there is none (other
                                   channels, a term of 1 working day, office-time terms) */
    int32_t due_utc_offset;     /* seconds east of UTC at `due` */
    int32_t handoff_utc_offset; /* seconds east of UTC at `handoff`; 0 without one */
} merzim_due;

/* *out = the legal term `amount` `unit` for a submission at `submitted`
 * (yyyymmddhhmm, local wall-clock time of the office; seconds are not
 * passed), with the options `channel`, `start` and `end` (see the enums;
 * pass them as int32_t values of those enums).
 * Returns MERZIM_OK, or, with *err set when err is not NULL (free it with
 * merzim_error_free) and *out untouched:
 * - MERZIM_ERR_INVALID_ARGUMENT: `submitted` is not a yyyymmddhhmm time, an
 *   enum value outside its enum, an amount of 0 or above 1000000;
 * - MERZIM_ERR_OUT_OF_COVERAGE: the submission or a day the term needs lies
 *   outside the calendar's coverage;
 * - MERZIM_ERR_NULL_POINTER: `cal` or `out` NULL. `err` is optional.
 * Example: 202603201630, 22 MERZIM_UNIT_WORKING_DAYS, provider ->
 * registered 20260320, due 202604231830, offset 18000, no handoff
 * (ffi/examples/legal_due.c). */
int32_t merzim_legal_due(const merzim_calendar *cal, int64_t submitted, uint32_t amount,
                         int32_t unit, int32_t channel, int32_t start, int32_t end,
                         merzim_due *out, merzim_error **err);

/* merzim_legal_due for submitted[0 .. len), one term and options for all.
 * Every item is computed, a failing one does not stop the others:
 * status[i] = that item's status, out[i] = its answer when status[i] is
 * MERZIM_OK and all zeros otherwise.
 * - Returns MERZIM_OK when every item succeeded; otherwise the status of the
 *   first failing item, *err (when err is not NULL) names it
 *   ("item 3: ..."), and *failed_count (when not NULL) is the number of
 *   failing items.
 * - When the arguments common to all items are wrong (`cal` NULL, an enum
 *   value outside its enum, an amount above 1000000, `submitted`, `out` or
 *   `status` NULL while len > 0): no item is computed, out and status are
 *   untouched, *failed_count = len, and the status and *err say why.
 * - len 0 is allowed with NULL arrays. failed_count and err are optional.
 * - out and status must not overlap submitted or each other.
 * Example: ffi/examples/legal_due.c. */
int32_t merzim_legal_due_bulk(const merzim_calendar *cal, const int64_t *submitted, size_t len,
                              uint32_t amount, int32_t unit, int32_t channel, int32_t start,
                              int32_t end, merzim_due *out, int32_t *status,
                              size_t *failed_count, merzim_error **err);

/* ---- The batch contract (JSON) ------------------------------------------ */

/* Evaluates one request of the CLI's batch contract with the built-in calendar:
 * `request` is one NUL-terminated UTF-8 JSON object, e.g.
 *   {"id": "a1", "submitted": "2026-03-20T16:30:00", "term": "22 working days"}
 * or a regulation case, naming the regulation by its id, on a channel it
 * offers (this one offers provider and state_corporation)
 *   {"id": "r1", "regulation": "akmola-2014-cadastral-value",
 *    "submitted": "2014-07-01T10:00:00", "channel": "state_corporation"}
 * (its answer carries a "not_yet_in_force" warning: the resolution was in
 * force from 2014-07-05 at the earliest),
 * and *out_json becomes exactly the batch contract's output object, one line
 * without a trailing newline, e.g.
 *   {"id":"a1","registered":"2026-03-20","day_one":"2026-03-20","last_day":"2026-04-23","due":"2026-04-23T18:30:00+05:00","provisional":false,"data_as_of":"2026-11-30"}
 * (Example: ffi/examples/eval_json.c.)
 * The request is handled as the CLI's batch handles a line: a UTF-8 BOM and a
 * trailing "\r\n" are allowed; invalid UTF-8 or a line over the contract's
 * length limit gives an invalid_input error line.
 *
 * Status and output:
 * - MERZIM_OK: *out_json is a result object.
 * - An error status mapped from the error kind (MERZIM_ERR_INVALID_ARGUMENT,
 *   MERZIM_ERR_OUT_OF_COVERAGE, MERZIM_ERR_INVALID_REGULATION, MERZIM_ERR_IO,
 *   ...): *out_json is STILL set, to the contract's error object
 *   {"id":...,"error":{"kind":"...","message":"..."}}, so you can branch on
 *   the status and log or pass on the line. The "kind" field and the status
 *   always agree (see the table in ffi/README.md); a bug caught while
 *   evaluating the request is kind "internal", status MERZIM_ERR_PANIC.
 * - MERZIM_ERR_NULL_POINTER (request or out_json NULL), or MERZIM_ERR_PANIC
 *   from a bug outside the evaluation: no line; *out_json is NULL (when
 *   out_json is not NULL).
 * Either way, free a non-NULL *out_json with merzim_string_free.
 * A request names a regulation by its id only (a bundled one, or one
 * registered with merzim_calendar_add_regulation); merzim never reads a file
 * because a request asks it to: a path in "regulation" is an invalid_input
 * error, and nothing is read. */
int32_t merzim_eval_json(const char *request, char **out_json);

/* merzim_eval_json with the calendar `cal` (the built-in one or a loaded one,
 * with the regulations registered on it). */
int32_t merzim_eval_json_with(const merzim_calendar *cal, const char *request, char **out_json);

/* Frees a string returned through a `char **` of this API. NULL-safe. */
void merzim_string_free(char *s);

/* ---- Errors --------------------------------------------------------------- */

/* The message of `err`, valid until merzim_error_free(err). For NULL returns
 * the static string "no error". Never NULL; do not free it. */
const char *merzim_error_message(const merzim_error *err);

/* The status code of `err` (the same value the failing call returned);
 * MERZIM_OK for NULL. */
int32_t merzim_error_kind(const merzim_error *err);

/* Frees an error. NULL-safe. */
void merzim_error_free(merzim_error *err);

#ifdef __cplusplus
}
#endif

#endif /* MERZIM_H */

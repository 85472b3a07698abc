//! C API of merzim.
//!
//! A thin face over the `merzim` crate: it converts C types, catches panics and
//! maps error kinds to status codes. It holds no domain logic. The C
//! documentation is the hand-written header `ffi/include/merzim.h`; keep the two
//! in step (`.ci/ffi.sh` checks that the header declares exactly the exported
//! functions and the same status values as the constants below).
//!
//! Every exported function wraps its body in [`std::panic::catch_unwind`], so no
//! panic crosses the boundary (the release profile keeps `panic = "unwind"`,
//! which this relies on).

#![allow(non_camel_case_types)]

use std::ffi::{c_char, CStr, CString};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use merzim::{Calendar, ErrorBody, ErrorKind, ErrorResponse, Evaluator, Request, Response};

/// Success.
pub const MERZIM_OK: i32 = 0;
/// A date, or a computation reaching a date, outside the calendar's coverage.
pub const MERZIM_ERR_OUT_OF_COVERAGE: i32 = 1;
/// A bad argument: an impossible date, malformed JSON, a bad field, invalid UTF-8, …
pub const MERZIM_ERR_INVALID_ARGUMENT: i32 = 2;
/// Bad calendar data (an overlay); the message names the line.
pub const MERZIM_ERR_INVALID_DATA: i32 = 3;
/// A bad regulation file.
pub const MERZIM_ERR_INVALID_REGULATION: i32 = 4;
/// A file could not be read.
pub const MERZIM_ERR_IO: i32 = 5;
/// A required pointer was NULL (or an array was NULL with a non-zero length).
pub const MERZIM_ERR_NULL_POINTER: i32 = 6;
/// A bug: the library panicked; the panic was caught at the boundary.
pub const MERZIM_ERR_PANIC: i32 = 7;
/// An error kind newer than this header.
pub const MERZIM_ERR_OTHER: i32 = 99;

/// The status code of an error kind, one to one.
fn status_of(kind: ErrorKind) -> i32 {
    match kind {
        ErrorKind::OutOfCoverage => MERZIM_ERR_OUT_OF_COVERAGE,
        ErrorKind::InvalidInput => MERZIM_ERR_INVALID_ARGUMENT,
        ErrorKind::InvalidData => MERZIM_ERR_INVALID_DATA,
        ErrorKind::InvalidRegulation => MERZIM_ERR_INVALID_REGULATION,
        ErrorKind::Io => MERZIM_ERR_IO,
        _ => MERZIM_ERR_OTHER,
    }
}

/// Runs `f`, turning a panic into [`MERZIM_ERR_PANIC`].
fn guard(f: impl FnOnce() -> i32) -> i32 {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or(MERZIM_ERR_PANIC)
}

/// An opaque calendar handle: an [`Evaluator`], which holds its [`Calendar`]
/// and the caches of the batch contract, so nothing is rebuilt per call.
pub struct merzim_calendar {
    evaluator: Evaluator,
}

impl merzim_calendar {
    fn calendar(&self) -> &Calendar {
        self.evaluator.calendar()
    }
}

/// An opaque error: a status code and a NUL-terminated message.
pub struct merzim_error {
    status: i32,
    message: CString,
}

impl merzim_error {
    fn new(status: i32, message: &str) -> merzim_error {
        merzim_error {
            status,
            message: to_cstring(message),
        }
    }
}

/// A C string of `s`; interior NULs (never produced by merzim) become U+FFFD.
fn to_cstring(s: &str) -> CString {
    CString::new(s.replace('\0', "\u{FFFD}")).unwrap_or_default()
}

static BUILTIN: OnceLock<merzim_calendar> = OnceLock::new();
static DATA_VERSION: OnceLock<CString> = OnceLock::new();

fn builtin() -> &'static merzim_calendar {
    BUILTIN.get_or_init(|| merzim_calendar {
        evaluator: Evaluator::new(Calendar::kazakhstan()),
    })
}

/// `yyyymmdd` → date; `None` for an impossible date (20260231, 0, negatives).
fn date_of(v: i32) -> Option<NaiveDate> {
    if v <= 0 {
        return None;
    }
    let (y, m, d) = (v / 10_000, (v / 100) % 100, v % 100);
    NaiveDate::from_ymd_opt(y, m as u32, d as u32)
}

/// Date → `yyyymmdd`.
fn yyyymmdd(d: NaiveDate) -> i32 {
    d.year() * 10_000 + d.month() as i32 * 100 + d.day() as i32
}

/// The version of libmerzim (this package), e.g. `"0.1.0"`: a static
/// NUL-terminated string.
#[no_mangle]
pub extern "C" fn merzim_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

/// The version of the built-in calendar data: a static NUL-terminated string
/// (NULL only if the library is broken and panicked).
#[no_mangle]
pub extern "C" fn merzim_data_version() -> *const c_char {
    catch_unwind(|| {
        DATA_VERSION
            .get_or_init(|| to_cstring(builtin().calendar().data_version()))
            .as_ptr()
    })
    .unwrap_or(std::ptr::null())
}

/// The built-in Kazakhstan calendar (five-day week). Never freed; never NULL
/// (NULL only if the embedded data were broken, a build defect the tests catch).
#[no_mangle]
pub extern "C" fn merzim_calendar_kazakhstan() -> *const merzim_calendar {
    catch_unwind(|| builtin() as *const merzim_calendar).unwrap_or(std::ptr::null())
}

/// Builds a calendar from the embedded data plus the overlay `toml[0..len)`.
///
/// # Safety
/// `toml` must point to `len` readable bytes (or be NULL with `len == 0`);
/// `out` must be NULL or point to a writable `merzim_calendar *`; `err` must be
/// NULL or point to a writable `merzim_error *`.
#[no_mangle]
pub unsafe extern "C" fn merzim_calendar_load(
    toml: *const c_char,
    len: usize,
    out: *mut *mut merzim_calendar,
    err: *mut *mut merzim_error,
) -> i32 {
    let set_err = |status: i32, message: &str| {
        if !err.is_null() {
            // SAFETY: `err` is non-NULL and writable by the caller's contract.
            unsafe { *err = Box::into_raw(Box::new(merzim_error::new(status, message))) };
        }
        status
    };
    let status = guard(|| {
        if !err.is_null() {
            // SAFETY: as above.
            unsafe { *err = std::ptr::null_mut() };
        }
        if out.is_null() {
            return set_err(
                MERZIM_ERR_NULL_POINTER,
                "merzim_calendar_load: `out` is NULL",
            );
        }
        // SAFETY: `out` is non-NULL and writable by the caller's contract.
        unsafe { *out = std::ptr::null_mut() };
        let bytes: &[u8] = if len == 0 {
            &[]
        } else if toml.is_null() {
            return set_err(
                MERZIM_ERR_NULL_POINTER,
                "merzim_calendar_load: `toml` is NULL with a non-zero length",
            );
        } else {
            // SAFETY: `toml` points to `len` readable bytes by the caller's contract.
            unsafe { std::slice::from_raw_parts(toml.cast::<u8>(), len) }
        };
        let text = match std::str::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                return set_err(
                    MERZIM_ERR_INVALID_ARGUMENT,
                    &format!("merzim_calendar_load: the overlay is not valid UTF-8: {e}"),
                )
            }
        };
        match Calendar::kazakhstan().with_overlay_toml("overlay", text) {
            Ok(cal) => {
                let handle = Box::new(merzim_calendar {
                    evaluator: Evaluator::new(cal),
                });
                // SAFETY: as above.
                unsafe { *out = Box::into_raw(handle) };
                MERZIM_OK
            }
            Err(e) => set_err(status_of(e.kind()), e.message()),
        }
    });
    if status == MERZIM_ERR_PANIC {
        set_err(
            MERZIM_ERR_PANIC,
            "merzim_calendar_load: internal error (panic)",
        );
    }
    status
}

/// Frees a calendar from [`merzim_calendar_load`]. NULL-safe; a no-op for the
/// built-in calendar.
///
/// # Safety
/// `cal` must be NULL, the built-in calendar, or a pointer returned by
/// `merzim_calendar_load` not yet freed, and no other thread may be using it.
#[no_mangle]
pub unsafe extern "C" fn merzim_calendar_free(cal: *mut merzim_calendar) {
    if cal.is_null() {
        return;
    }
    if let Some(b) = BUILTIN.get() {
        if std::ptr::eq(cal.cast_const(), b) {
            return;
        }
    }
    let _ = catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: `cal` came from `Box::into_raw` in `merzim_calendar_load`.
        drop(unsafe { Box::from_raw(cal) });
    }));
}

/// Whether `yyyymmdd` is a working day: `*out` = 1 or 0.
///
/// # Safety
/// `cal` must be NULL or a live calendar; `out` must be NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn merzim_is_working_day(
    cal: *const merzim_calendar,
    yyyymmdd_in: i32,
    out: *mut i32,
) -> i32 {
    guard(|| {
        // SAFETY: `cal` is NULL or live by the caller's contract.
        let Some(cal) = (unsafe { cal.as_ref() }) else {
            return MERZIM_ERR_NULL_POINTER;
        };
        if out.is_null() {
            return MERZIM_ERR_NULL_POINTER;
        }
        let Some(d) = date_of(yyyymmdd_in) else {
            return MERZIM_ERR_INVALID_ARGUMENT;
        };
        match cal.calendar().is_working_day(d) {
            Ok(w) => {
                // SAFETY: `out` is non-NULL and writable.
                unsafe { *out = i32::from(w) };
                MERZIM_OK
            }
            Err(e) => status_of(e.kind()),
        }
    })
}

/// `Calendar::add_working_days` on `yyyymmdd` dates.
///
/// # Safety
/// `cal` must be NULL or a live calendar; `out` must be NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn merzim_add_working_days(
    cal: *const merzim_calendar,
    date: i32,
    n: i32,
    out: *mut i32,
) -> i32 {
    guard(|| {
        // SAFETY: `cal` is NULL or live by the caller's contract.
        let Some(cal) = (unsafe { cal.as_ref() }) else {
            return MERZIM_ERR_NULL_POINTER;
        };
        if out.is_null() {
            return MERZIM_ERR_NULL_POINTER;
        }
        let Some(d) = date_of(date) else {
            return MERZIM_ERR_INVALID_ARGUMENT;
        };
        match cal.calendar().add_working_days(d, n) {
            Ok(r) => {
                // SAFETY: `out` is non-NULL and writable.
                unsafe { *out = yyyymmdd(r) };
                MERZIM_OK
            }
            Err(e) => status_of(e.kind()),
        }
    })
}

/// `Calendar::working_days_between` on `yyyymmdd` dates.
///
/// # Safety
/// `cal` must be NULL or a live calendar; `out` must be NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn merzim_working_days_between(
    cal: *const merzim_calendar,
    from: i32,
    to: i32,
    out: *mut i32,
) -> i32 {
    guard(|| {
        // SAFETY: `cal` is NULL or live by the caller's contract.
        let Some(cal) = (unsafe { cal.as_ref() }) else {
            return MERZIM_ERR_NULL_POINTER;
        };
        if out.is_null() {
            return MERZIM_ERR_NULL_POINTER;
        }
        let (Some(a), Some(b)) = (date_of(from), date_of(to)) else {
            return MERZIM_ERR_INVALID_ARGUMENT;
        };
        match cal.calendar().working_days_between(a, b) {
            Ok(r) => {
                // SAFETY: `out` is non-NULL and writable.
                unsafe { *out = r };
                MERZIM_OK
            }
            Err(e) => status_of(e.kind()),
        }
    })
}

/// `out[i] = add_working_days(dates[i], n[i])` for `i < len`, in order.
///
/// On the first failing index `i`: `*failed_index = i`, return its status;
/// `out[0..i)` hold results and `out[i..len)` are unspecified (today they are
/// left untouched). On success `*failed_index = len`.
/// `out` may be the very same array as `dates` or `n` (in place).
///
/// # Safety
/// `cal` must be NULL or a live calendar; `dates`, `n` must be NULL or point to
/// `len` readable `int32_t`; `out` NULL or `len` writable `int32_t`;
/// `failed_index` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn merzim_add_working_days_bulk(
    cal: *const merzim_calendar,
    dates: *const i32,
    n: *const i32,
    len: usize,
    out: *mut i32,
    failed_index: *mut usize,
) -> i32 {
    guard(|| {
        let fail = |i: usize, status: i32| {
            if !failed_index.is_null() {
                // SAFETY: `failed_index` is non-NULL and writable.
                unsafe { *failed_index = i };
            }
            status
        };
        // SAFETY: `cal` is NULL or live by the caller's contract.
        let Some(cal) = (unsafe { cal.as_ref() }) else {
            return fail(0, MERZIM_ERR_NULL_POINTER);
        };
        if len > 0 && (dates.is_null() || n.is_null() || out.is_null()) {
            return fail(0, MERZIM_ERR_NULL_POINTER);
        }
        if len == 0 {
            return fail(0, MERZIM_OK);
        }
        if len > isize::MAX as usize / std::mem::size_of::<i32>() {
            return fail(0, MERZIM_ERR_INVALID_ARGUMENT);
        }
        // The library's yyyymmdd fast path (`Calendar::add_working_days_yyyymmdd`,
        // item by item the scalar `add_working_days`; it stops at the first
        // failing item, having written the items before it). Rust slices may not
        // alias, so an input that is the output array (in place) is copied first.
        let copied = |p: *const i32| -> Option<Vec<i32>> {
            // SAFETY: `p` points to `len` readable `int32_t` by the contract.
            std::ptr::eq(p, out.cast_const())
                .then(|| unsafe { std::slice::from_raw_parts(p, len) }.to_vec())
        };
        let (dates_copy, n_copy) = (copied(dates), copied(n));
        // SAFETY: `out` points to `len` writable `int32_t`; no slice below aliases
        // it (aliased inputs were copied; partial overlaps are excluded by the
        // contract).
        let out = unsafe { std::slice::from_raw_parts_mut(out, len) };
        // SAFETY: `dates` and `n` point to `len` readable `int32_t`.
        let dates = dates_copy
            .as_deref()
            .unwrap_or_else(|| unsafe { std::slice::from_raw_parts(dates, len) });
        // SAFETY: as above.
        let n = n_copy
            .as_deref()
            .unwrap_or_else(|| unsafe { std::slice::from_raw_parts(n, len) });
        match cal.calendar().add_working_days_yyyymmdd(dates, n, out) {
            Ok(()) => fail(len, MERZIM_OK),
            Err(e) => fail(e.index, status_of(e.error.kind())),
        }
    })
}

/// One batch line against `cal`: the status and the output line.
fn eval(cal: &merzim_calendar, request: &CStr) -> (i32, String) {
    let response = match request.to_str() {
        Ok(line) => match Request::from_json(line) {
            Ok(r) => cal.evaluator.evaluate(&r),
            Err((id, e)) => Response::Error(ErrorResponse {
                id,
                error: ErrorBody {
                    kind: e.kind(),
                    message: e.message().to_string(),
                },
            }),
        },
        Err(e) => Response::Error(ErrorResponse {
            id: serde_json::Value::Null,
            error: ErrorBody {
                kind: ErrorKind::InvalidInput,
                message: format!("the request is not valid UTF-8: {e}"),
            },
        }),
    };
    let status = match &response {
        Response::Error(e) => status_of(e.error.kind),
        _ => MERZIM_OK,
    };
    (status, response.to_json())
}

/// Shared body of the two `eval_json` functions.
///
/// # Safety
/// As [`merzim_eval_json_with`].
unsafe fn eval_json(
    cal: *const merzim_calendar,
    request: *const c_char,
    out_json: *mut *mut c_char,
) -> i32 {
    if out_json.is_null() {
        return MERZIM_ERR_NULL_POINTER;
    }
    // SAFETY: `out_json` is non-NULL and writable.
    unsafe { *out_json = std::ptr::null_mut() };
    guard(|| {
        // SAFETY: `cal` is NULL or live by the caller's contract.
        let Some(cal) = (unsafe { cal.as_ref() }) else {
            return MERZIM_ERR_NULL_POINTER;
        };
        if request.is_null() {
            return MERZIM_ERR_NULL_POINTER;
        }
        // SAFETY: `request` is a NUL-terminated string by the caller's contract.
        let request = unsafe { CStr::from_ptr(request) };
        let (status, line) = eval(cal, request);
        // SAFETY: as above.
        unsafe { *out_json = to_cstring(&line).into_raw() };
        status
    })
}

/// One line of the batch contract with the built-in calendar.
///
/// # Safety
/// `request` must be NULL or a NUL-terminated string; `out_json` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn merzim_eval_json(
    request: *const c_char,
    out_json: *mut *mut c_char,
) -> i32 {
    // SAFETY: forwarded contract; the built-in calendar is live (or NULL).
    unsafe { eval_json(merzim_calendar_kazakhstan(), request, out_json) }
}

/// One line of the batch contract with `cal`.
///
/// # Safety
/// `cal` must be NULL or a live calendar; `request` NULL or a NUL-terminated
/// string; `out_json` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn merzim_eval_json_with(
    cal: *const merzim_calendar,
    request: *const c_char,
    out_json: *mut *mut c_char,
) -> i32 {
    // SAFETY: forwarded contract.
    unsafe { eval_json(cal, request, out_json) }
}

/// Frees a string returned by merzim. NULL-safe.
///
/// # Safety
/// `s` must be NULL or a string returned by merzim not yet freed.
#[no_mangle]
pub unsafe extern "C" fn merzim_string_free(s: *mut c_char) {
    if !s.is_null() {
        let _ = catch_unwind(AssertUnwindSafe(|| {
            // SAFETY: `s` came from `CString::into_raw`.
            drop(unsafe { CString::from_raw(s) });
        }));
    }
}

/// The message of an error (valid until `merzim_error_free`); `"no error"` for NULL.
///
/// # Safety
/// `err` must be NULL or a live error.
#[no_mangle]
pub unsafe extern "C" fn merzim_error_message(err: *const merzim_error) -> *const c_char {
    // SAFETY: `err` is NULL or live by the caller's contract.
    match unsafe { err.as_ref() } {
        Some(e) => e.message.as_ptr(),
        None => c"no error".as_ptr(),
    }
}

/// The status code of an error; `MERZIM_OK` for NULL.
///
/// # Safety
/// `err` must be NULL or a live error.
#[no_mangle]
pub unsafe extern "C" fn merzim_error_kind(err: *const merzim_error) -> i32 {
    // SAFETY: `err` is NULL or live by the caller's contract.
    unsafe { err.as_ref() }.map_or(MERZIM_OK, |e| e.status)
}

/// Frees an error. NULL-safe.
///
/// # Safety
/// `err` must be NULL or an error returned by merzim not yet freed.
#[no_mangle]
pub unsafe extern "C" fn merzim_error_free(err: *mut merzim_error) {
    if !err.is_null() {
        let _ = catch_unwind(AssertUnwindSafe(|| {
            // SAFETY: `err` came from `Box::into_raw`.
            drop(unsafe { Box::from_raw(err) });
        }));
    }
}

/// A short static name of a status code (`"out_of_coverage"`, …), for logs.
#[no_mangle]
pub extern "C" fn merzim_status_name(status: i32) -> *const c_char {
    let s: &CStr = match status {
        MERZIM_OK => c"ok",
        MERZIM_ERR_OUT_OF_COVERAGE => c"out_of_coverage",
        MERZIM_ERR_INVALID_ARGUMENT => c"invalid_argument",
        MERZIM_ERR_INVALID_DATA => c"invalid_data",
        MERZIM_ERR_INVALID_REGULATION => c"invalid_regulation",
        MERZIM_ERR_IO => c"io",
        MERZIM_ERR_NULL_POINTER => c"null_pointer",
        MERZIM_ERR_PANIC => c"panic",
        _ => c"other",
    };
    s.as_ptr()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eval_matches_the_batch_contract() {
        let ev = Evaluator::new(Calendar::kazakhstan());
        for line in [
            r#"{"id": "a1", "submitted": "2026-03-20T16:30:00", "term": "22 working days"}"#,
            r#"{"id": 7, "submitted": "2026-03-20T16:30:00", "term": "0 working days"}"#,
            r#"{"id": "x", "submitted": "2090-01-01T10:00:00", "term": "1 working day"}"#,
            r#"{"id": "r", "regulation": "akmola-2014-cadastral-value", "submitted": "2026-03-20T10:00:00"}"#,
            r#"not json"#,
            r#"[1]"#,
            r#"{"id": "u", "bogus": 1}"#,
        ] {
            let c = CString::new(line).unwrap();
            let (status, out) = eval(builtin(), &c);
            assert_eq!(out, ev.evaluate_json(line), "{line}");
            assert_eq!(status == MERZIM_OK, !out.contains(r#""error":"#), "{line}");
        }
    }

    #[test]
    fn dates() {
        assert_eq!(date_of(20260320), NaiveDate::from_ymd_opt(2026, 3, 20));
        assert_eq!(date_of(20260231), None);
        assert_eq!(date_of(0), None);
        assert_eq!(date_of(-20260320), None);
        assert_eq!(date_of(20261301), None);
        assert_eq!(
            yyyymmdd(NaiveDate::from_ymd_opt(2026, 3, 20).unwrap()),
            20260320
        );
    }

    #[test]
    fn every_kind_has_its_own_status() {
        let kinds = [
            ErrorKind::OutOfCoverage,
            ErrorKind::InvalidInput,
            ErrorKind::InvalidData,
            ErrorKind::InvalidRegulation,
            ErrorKind::Io,
        ];
        let mut codes: Vec<i32> = kinds.iter().map(|k| status_of(*k)).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), kinds.len());
        assert!(!codes.contains(&MERZIM_ERR_OTHER));
    }
}

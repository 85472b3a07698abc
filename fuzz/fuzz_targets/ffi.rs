//! The C API through its `extern "C"` signatures: a sequence of calls on the
//! built-in calendar and loaded ones. No call ever reports a panic
//! (`MERZIM_ERR_PANIC`), statuses and JSON error kinds agree, everything
//! handed out is freed (LeakSanitizer checks), and the scalar and bulk
//! functions agree.
#![no_main]

use std::ffi::{c_char, CStr, CString};

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

extern crate merzim_ffi_shim; // links the exported functions

#[repr(C)]
struct merzim_calendar {
    _p: [u8; 0],
}
#[repr(C)]
struct merzim_error {
    _p: [u8; 0],
}

#[allow(non_camel_case_types, dead_code)]
extern "C" {
    fn merzim_version() -> *const c_char;
    fn merzim_data_version() -> *const c_char;
    fn merzim_status_name(status: i32) -> *const c_char;
    fn merzim_calendar_kazakhstan() -> *const merzim_calendar;
    fn merzim_calendar_load(
        toml: *const c_char,
        len: usize,
        out: *mut *mut merzim_calendar,
        err: *mut *mut merzim_error,
    ) -> i32;
    fn merzim_calendar_add_regulation(
        cal: *mut merzim_calendar,
        toml: *const c_char,
        len: usize,
        err: *mut *mut merzim_error,
    ) -> i32;
    fn merzim_calendar_free(cal: *mut merzim_calendar);
    fn merzim_calendar_retain(cal: *const merzim_calendar) -> *const merzim_calendar;
    fn merzim_calendar_data_as_of(cal: *const merzim_calendar, out: *mut i32) -> i32;
    fn merzim_is_working_day(cal: *const merzim_calendar, yyyymmdd: i32, out: *mut i32) -> i32;
    fn merzim_add_working_days(
        cal: *const merzim_calendar,
        yyyymmdd: i32,
        n: i32,
        out: *mut i32,
    ) -> i32;
    fn merzim_working_days_between(
        cal: *const merzim_calendar,
        from: i32,
        to: i32,
        out: *mut i32,
    ) -> i32;
    fn merzim_add_working_days_bulk(
        cal: *const merzim_calendar,
        dates: *const i32,
        n: *const i32,
        len: usize,
        out: *mut i32,
        failed: *mut usize,
    ) -> i32;
    fn merzim_legal_due(
        cal: *const merzim_calendar,
        submitted: i64,
        amount: u32,
        unit: i32,
        channel: i32,
        start: i32,
        end: i32,
        out: *mut Due,
        err: *mut *mut merzim_error,
    ) -> i32;
    fn merzim_legal_due_bulk(
        cal: *const merzim_calendar,
        submitted: *const i64,
        len: usize,
        amount: u32,
        unit: i32,
        channel: i32,
        start: i32,
        end: i32,
        out: *mut Due,
        status: *mut i32,
        failed_count: *mut usize,
        err: *mut *mut merzim_error,
    ) -> i32;
    fn merzim_eval_json(request: *const c_char, out: *mut *mut c_char) -> i32;
    fn merzim_eval_json_with(
        cal: *const merzim_calendar,
        request: *const c_char,
        out: *mut *mut c_char,
    ) -> i32;
    fn merzim_string_free(s: *mut c_char);
    fn merzim_error_message(err: *const merzim_error) -> *const c_char;
    fn merzim_error_kind(err: *const merzim_error) -> i32;
    fn merzim_error_free(err: *mut merzim_error);
}

const OK: i32 = 0;
const PANIC: i32 = 7;

/// `merzim_due` of the header.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Due {
    registered: i32,
    day_one: i32,
    last_day: i32,
    provisional: i32,
    due: i64,
    handoff: i64,
    due_utc_offset: i32,
    handoff_utc_offset: i32,
}

#[derive(Arbitrary, Debug)]
enum Op {
    Eval(Vec<u8>),
    EvalWith(u8, Vec<u8>),
    Load(Vec<u8>),
    AddRegulation(u8, Vec<u8>),
    IsWorking(u8, i32),
    Add(u8, i32, i32),
    Between(u8, i32, i32),
    Bulk(u8, Vec<(i32, i32)>),
    Free(u8),
    /// Another reference to a calendar: kept in `loaded` and freed once like the others.
    Retain(u8),
    DataAsOf(u8),
    /// A typed legal term: calendar, submissions (yyyymmddhhmm), amount,
    /// unit, channel, start, end (any integers: out of range is an error).
    LegalDue(u8, Vec<i64>, u32, i32, i32, i32, i32),
    Names(i32),
    Nulls(u8),
}

/// A NUL-terminated request: the bytes up to the first NUL.
fn c_string(b: &[u8]) -> CString {
    let end = b.iter().position(|&c| c == 0).unwrap_or(b.len());
    CString::new(&b[..end]).unwrap()
}

/// Frees an error after checking it.
unsafe fn take_error(err: *mut merzim_error, status: i32) {
    if status == OK {
        assert!(err.is_null(), "no error on success");
        return;
    }
    if !err.is_null() {
        assert_eq!(merzim_error_kind(err), status);
        let m = CStr::from_ptr(merzim_error_message(err));
        assert!(!m.to_bytes().is_empty());
        merzim_error_free(err);
    }
}

/// Checks an answer of the batch contract and frees it.
unsafe fn take_json(status: i32, out: *mut c_char) {
    assert_ne!(status, PANIC, "a panic reached the C API");
    assert!(!out.is_null(), "eval always gives a line (status {status})");
    let text = CStr::from_ptr(out).to_str().expect("UTF-8").to_owned();
    merzim_string_free(out);
    let v: std::collections::BTreeMap<String, Box<serde_json::value::RawValue>> =
        serde_json::from_str(&text).expect("a JSON object");
    assert_eq!(v.get("error").is_some(), status != OK, "{status}: {text}");
}

fuzz_target!(|ops: Vec<Op>| unsafe {
    let builtin = merzim_calendar_kazakhstan();
    assert!(!builtin.is_null());
    let mut loaded: Vec<*mut merzim_calendar> = Vec::new();
    let pick = |loaded: &Vec<*mut merzim_calendar>, i: u8| -> *const merzim_calendar {
        if i == 0 || loaded.is_empty() {
            builtin
        } else {
            loaded[i as usize % loaded.len()]
        }
    };
    for op in ops.iter().take(32) {
        match op {
            Op::Eval(b) => {
                let r = c_string(b);
                let mut out = std::ptr::null_mut();
                let s = merzim_eval_json(r.as_ptr(), &mut out);
                take_json(s, out);
            }
            Op::EvalWith(i, b) => {
                let r = c_string(b);
                let mut out = std::ptr::null_mut();
                let s = merzim_eval_json_with(pick(&loaded, *i), r.as_ptr(), &mut out);
                take_json(s, out);
            }
            Op::Load(b) => {
                if loaded.len() >= 2 {
                    continue;
                }
                let (mut cal, mut err) = (std::ptr::null_mut(), std::ptr::null_mut());
                let s = merzim_calendar_load(b.as_ptr().cast(), b.len(), &mut cal, &mut err);
                assert_ne!(s, PANIC);
                take_error(err, s);
                if s == OK {
                    assert!(!cal.is_null());
                    loaded.push(cal);
                } else {
                    assert!(cal.is_null());
                }
            }
            Op::AddRegulation(i, b) => {
                if loaded.is_empty() {
                    continue;
                }
                let cal = loaded[*i as usize % loaded.len()];
                let mut err = std::ptr::null_mut();
                let s = merzim_calendar_add_regulation(cal, b.as_ptr().cast(), b.len(), &mut err);
                assert_ne!(s, PANIC);
                take_error(err, s);
            }
            Op::IsWorking(i, d) => {
                let mut out = -1;
                let s = merzim_is_working_day(pick(&loaded, *i), *d, &mut out);
                assert_ne!(s, PANIC);
                if s == OK {
                    assert!(out == 0 || out == 1);
                }
            }
            Op::Add(i, d, n) => {
                let cal = pick(&loaded, *i);
                let mut out = 0;
                let s = merzim_add_working_days(cal, *d, *n, &mut out);
                assert_ne!(s, PANIC);
                let (mut bulk, mut failed) = (0, usize::MAX);
                let sb = merzim_add_working_days_bulk(cal, d, n, 1, &mut bulk, &mut failed);
                assert_eq!(s, sb, "scalar and bulk status for {d} + {n}");
                if s == OK {
                    assert_eq!(out, bulk);
                    assert_eq!(failed, 1);
                    // add(from, between(from, to)) == to for working days from and to.
                    let mut working = 0;
                    if merzim_is_working_day(cal, *d, &mut working) == OK && working == 1 {
                        let (mut back, mut again) = (0, 0);
                        assert_eq!(merzim_working_days_between(cal, *d, out, &mut back), OK);
                        assert_eq!(merzim_add_working_days(cal, *d, back, &mut again), OK);
                        assert_eq!(again, out, "{d} + {n} = {out}; between = {back}");
                    }
                } else {
                    assert_eq!(failed, 0);
                }
            }
            Op::LegalDue(i, times, amount, unit, channel, start, end) => {
                let cal = pick(&loaded, *i);
                let times = &times[..times.len().min(64)];
                let mut out = vec![Due::default(); times.len()];
                // -1: not written (a bad option refuses the whole call).
                let mut status = vec![-1i32; times.len()];
                let (mut failed, mut err) = (usize::MAX, std::ptr::null_mut());
                let sb = merzim_legal_due_bulk(
                    cal,
                    times.as_ptr(),
                    times.len(),
                    *amount,
                    *unit,
                    *channel,
                    *start,
                    *end,
                    out.as_mut_ptr(),
                    status.as_mut_ptr(),
                    &mut failed,
                    &mut err,
                );
                assert_ne!(sb, PANIC);
                merzim_error_free(err);
                for (k, &t) in times.iter().enumerate() {
                    let (mut one, mut e) = (Due::default(), std::ptr::null_mut());
                    let s = merzim_legal_due(
                        cal, t, *amount, *unit, *channel, *start, *end, &mut one, &mut e,
                    );
                    assert_ne!(s, PANIC);
                    merzim_error_free(e);
                    // Every item the bulk form answered is the scalar answer.
                    if status[k] != -1 {
                        assert_eq!(status[k], s, "item {k}");
                    }
                    if s == OK && status[k] == OK {
                        assert_eq!(one, out[k], "item {k}");
                    }
                }
            }
            Op::Between(i, a, b) => {
                let mut out = 0;
                assert_ne!(
                    merzim_working_days_between(pick(&loaded, *i), *a, *b, &mut out),
                    PANIC
                );
            }
            Op::Bulk(i, items) => {
                let dates: Vec<i32> = items.iter().map(|p| p.0).collect();
                let ns: Vec<i32> = items.iter().map(|p| p.1).collect();
                let mut out = vec![0; items.len()];
                let mut failed = usize::MAX;
                let cal = pick(&loaded, *i);
                let s = merzim_add_working_days_bulk(
                    cal,
                    dates.as_ptr(),
                    ns.as_ptr(),
                    items.len(),
                    out.as_mut_ptr(),
                    &mut failed,
                );
                assert_ne!(s, PANIC);
                assert!(failed <= items.len());
                for k in 0..failed.min(items.len()) {
                    let mut one = 0;
                    assert_eq!(merzim_add_working_days(cal, dates[k], ns[k], &mut one), OK);
                    assert_eq!(one, out[k], "item {k}");
                }
                // In place.
                let mut inplace = dates.clone();
                let s2 = merzim_add_working_days_bulk(
                    cal,
                    inplace.as_ptr(),
                    ns.as_ptr(),
                    items.len(),
                    inplace.as_mut_ptr(),
                    std::ptr::null_mut(),
                );
                assert_eq!(s, s2);
                if s == OK {
                    assert_eq!(inplace, out);
                }
            }
            Op::Free(i) => {
                if !loaded.is_empty() {
                    let cal = loaded.remove(*i as usize % loaded.len());
                    merzim_calendar_free(cal);
                }
                merzim_calendar_free(builtin as *mut _); // a no-op
                merzim_calendar_free(std::ptr::null_mut());
            }
            Op::Retain(i) => {
                let cal = pick(&loaded, *i);
                let again = merzim_calendar_retain(cal);
                assert_eq!(again, cal);
                if cal != builtin {
                    loaded.push(again as *mut _);
                }
            }
            Op::DataAsOf(i) => {
                let mut out = -1;
                let s = merzim_calendar_data_as_of(pick(&loaded, *i), &mut out);
                assert_eq!(s, OK);
                // 0 (unknown) or a date (an overlay may set its own data_as_of).
                assert!(out == 0 || (out > 10_000_000 && out < 100_000_000), "{out}");
            }
            Op::Names(s) => {
                let n = merzim_status_name(*s);
                assert!(!n.is_null());
                assert!(!merzim_version().is_null() && !merzim_data_version().is_null());
            }
            Op::Nulls(i) => {
                let cal = pick(&loaded, *i);
                assert_eq!(merzim_is_working_day(std::ptr::null(), 20260101, &mut 0), 6);
                assert_eq!(
                    merzim_is_working_day(cal, 20260101, std::ptr::null_mut()),
                    6
                );
                assert_eq!(
                    merzim_eval_json(std::ptr::null(), &mut std::ptr::null_mut()),
                    6
                );
                assert_eq!(
                    merzim_add_working_days_bulk(
                        cal,
                        std::ptr::null(),
                        std::ptr::null(),
                        0,
                        std::ptr::null_mut(),
                        std::ptr::null_mut()
                    ),
                    OK
                );
                let (mut fresh, mut err) = (std::ptr::null_mut(), std::ptr::null_mut());
                let s = merzim_calendar_load(std::ptr::null(), 0, &mut fresh, &mut err);
                assert_eq!(s, OK);
                take_error(err, s);
                merzim_calendar_free(fresh);
            }
        }
    }
    for cal in loaded {
        merzim_calendar_free(cal);
    }
});

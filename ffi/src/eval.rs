//! The batch contract: one JSON request in, one JSON line out, computed by
//! [`merzim::batch::Evaluator::evaluate_bytes`] (which also answers invalid
//! UTF-8, over-long lines and a panic on the line as error lines).

use std::ffi::{c_char, CStr};

use crate::calendar::{builtin, merzim_calendar};
use crate::macros::{arg, Out};
use crate::status::{status_of, Failure};
use crate::string::to_cstring;

/// One request against `cal`: `*out_json` = the output line; the status of
/// its error kind, if any.
///
/// # Safety
/// As [`merzim_eval_json_with`].
unsafe fn eval(
    cal: *const merzim_calendar,
    request: *const c_char,
    out_json: *mut *mut c_char,
) -> Result<(), Failure> {
    // SAFETY: `out_json` is NULL or writable, by the caller's contract.
    let out = unsafe { Out::new(out_json, "out_json") }?;
    out.set(std::ptr::null_mut());
    // SAFETY: `cal` is NULL or live, by the caller's contract.
    let cal = unsafe { arg(cal, "cal") }?;
    if request.is_null() {
        return Err(Failure::null("request"));
    }
    // SAFETY: `request` is a NUL-terminated string, by the caller's contract.
    let request = unsafe { CStr::from_ptr(request) };
    let response = cal.evaluator().evaluate_bytes(request.to_bytes());
    out.set(to_cstring(&response.to_json()).into_raw());
    match response.error_kind() {
        None => Ok(()),
        Some(kind) => Err(Failure::status(status_of(kind))),
    }
}

ffi_fn! {
    /// One line of the batch contract with the built-in calendar.
    ///
    /// # Safety
    /// `request` must be NULL or a NUL-terminated string; `out_json` NULL or
    /// writable.
    unsafe fn merzim_eval_json(request: *const c_char, out_json: *mut *mut c_char) -> status {
        // SAFETY: forwarded contract; the built-in calendar is live.
        unsafe { eval(builtin(), request, out_json) }
    }
}

ffi_fn! {
    /// One line of the batch contract with `cal`.
    ///
    /// # Safety
    /// `cal` must be NULL or a live calendar; `request` NULL or a
    /// NUL-terminated string; `out_json` NULL or writable.
    unsafe fn merzim_eval_json_with(
        cal: *const merzim_calendar,
        request: *const c_char,
        out_json: *mut *mut c_char,
    ) -> status {
        // SAFETY: forwarded contract.
        unsafe { eval(cal, request, out_json) }
    }
}

#[cfg(test)]
mod tests {
    use std::ffi::CString;

    use merzim::batch::Evaluator;
    use merzim::Calendar;

    use super::*;
    use crate::status::MERZIM_OK;

    #[test]
    fn eval_json_is_the_batch_contract() {
        let ev = Evaluator::new(Calendar::kazakhstan());
        for line in [
            r#"{"id": "a1", "submitted": "2026-03-20T16:30:00", "term": "22 working days"}"#,
            r#"{"id": 7, "submitted": "2026-03-20T16:30:00", "term": "0 working days"}"#,
            r#"{"id": "x", "submitted": "2090-01-01T10:00:00", "term": "1 working day"}"#,
            r#"{"id": "r", "regulation": "akmola-2014-cadastral-value", "submitted": "2026-03-20T10:00:00"}"#,
            r#"{"id": "p", "regulation": "/etc/passwd", "submitted": "2026-03-20T10:00:00"}"#,
            "not json",
            "[1]",
            r#"{"id": "u", "bogus": 1}"#,
        ] {
            let c = CString::new(line).unwrap();
            let mut out: *mut c_char = std::ptr::null_mut();
            // SAFETY: valid arguments.
            let status = unsafe { merzim_eval_json(c.as_ptr(), &mut out) };
            assert!(!out.is_null(), "{line}");
            // SAFETY: `out` is a string from merzim.
            let json = unsafe { CStr::from_ptr(out) }.to_str().unwrap().to_string();
            // SAFETY: as above, freed once.
            unsafe { crate::string::merzim_string_free(out) };
            assert_eq!(json, ev.evaluate_json(line), "{line}");
            assert_eq!(status == MERZIM_OK, !json.contains(r#""error":"#), "{line}");
        }
    }
}

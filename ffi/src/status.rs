//! The status codes, the mapping of merzim's error kinds onto them, and
//! [`Failure`], the error of an exported function's body.
//!
//! `.ci/ffi.sh` checks that the `pub const MERZIM_*` lines below and the
//! `#define`s of `merzim.h` agree.

use std::ffi::{c_char, CStr};

use merzim::ErrorKind;

/// Success.
pub const MERZIM_OK: i32 = 0;
/// A date, or a computation reaching a date, outside the calendar's coverage.
pub const MERZIM_ERR_OUT_OF_COVERAGE: i32 = 1;
/// A bad argument: an impossible date, malformed JSON, a bad field, invalid UTF-8, …
pub const MERZIM_ERR_INVALID_ARGUMENT: i32 = 2;
/// Bad calendar data (an overlay); the message names the line.
pub const MERZIM_ERR_INVALID_DATA: i32 = 3;
/// A bad regulation (`merzim_calendar_add_regulation`).
pub const MERZIM_ERR_INVALID_REGULATION: i32 = 4;
/// A file could not be read (`ErrorKind::Io`; no function of the C API reads files today).
pub const MERZIM_ERR_IO: i32 = 5;
/// A required pointer was NULL (or an array was NULL with a non-zero length).
pub const MERZIM_ERR_NULL_POINTER: i32 = 6;
/// A bug: merzim panicked and the panic was caught (`ErrorKind::Internal`).
pub const MERZIM_ERR_PANIC: i32 = 7;
/// An error kind newer than this header.
pub const MERZIM_ERR_OTHER: i32 = 99;

/// The status code of an error kind, one to one.
pub(crate) fn status_of(kind: ErrorKind) -> i32 {
    match kind {
        ErrorKind::OutOfCoverage => MERZIM_ERR_OUT_OF_COVERAGE,
        ErrorKind::InvalidInput => MERZIM_ERR_INVALID_ARGUMENT,
        ErrorKind::InvalidData => MERZIM_ERR_INVALID_DATA,
        ErrorKind::InvalidRegulation => MERZIM_ERR_INVALID_REGULATION,
        ErrorKind::Io => MERZIM_ERR_IO,
        ErrorKind::Internal => MERZIM_ERR_PANIC,
        _ => MERZIM_ERR_OTHER,
    }
}

/// Why an exported function failed: a status and, for the functions that
/// hand out a `merzim_error`, a message.
#[derive(Debug)]
pub(crate) struct Failure {
    pub(crate) status: i32,
    pub(crate) message: String,
}

impl Failure {
    pub(crate) fn new(status: i32, message: impl Into<String>) -> Failure {
        Failure {
            status,
            message: message.into(),
        }
    }

    /// A failure with a status only (its message is not shown to anyone).
    pub(crate) fn status(status: i32) -> Failure {
        Failure::new(status, String::new())
    }

    /// The required argument `what` was NULL.
    pub(crate) fn null(what: &str) -> Failure {
        Failure::new(MERZIM_ERR_NULL_POINTER, format!("`{what}` is NULL"))
    }

    /// The body panicked with `message`.
    pub(crate) fn panic(message: String) -> Failure {
        Failure::new(
            MERZIM_ERR_PANIC,
            format!("internal error: merzim panicked ({message}); a bug: please report it"),
        )
    }
}

impl From<merzim::Error> for Failure {
    fn from(e: merzim::Error) -> Failure {
        Failure::new(status_of(e.kind()), e.message())
    }
}

/// `MERZIM_OK` or the failure's status.
pub(crate) fn status_of_result(r: Result<(), Failure>) -> i32 {
    r.err().map_or(MERZIM_OK, |f| f.status)
}

ffi_fn! {
    /// A short static name of a status code (`"out_of_coverage"`, …), for logs.
    fn merzim_status_name(status: i32) -> *const c_char {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    const KINDS: [ErrorKind; 6] = [
        ErrorKind::OutOfCoverage,
        ErrorKind::InvalidInput,
        ErrorKind::InvalidData,
        ErrorKind::InvalidRegulation,
        ErrorKind::Io,
        ErrorKind::Internal,
    ];

    #[test]
    fn every_kind_has_its_own_status() {
        let mut codes: Vec<i32> = KINDS.iter().map(|k| status_of(*k)).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), KINDS.len());
        assert!(!codes.contains(&MERZIM_ERR_OTHER));
        assert!(!codes.contains(&MERZIM_OK));
        assert!(!codes.contains(&MERZIM_ERR_NULL_POINTER));
    }

    #[test]
    fn every_status_has_its_own_name() {
        let name = |s| {
            // SAFETY: merzim_status_name returns a static NUL-terminated string.
            unsafe { CStr::from_ptr(merzim_status_name(s)) }
                .to_str()
                .unwrap()
        };
        let mut codes: Vec<i32> = KINDS.iter().map(|k| status_of(*k)).collect();
        codes.extend([MERZIM_OK, MERZIM_ERR_NULL_POINTER]);
        let mut names: Vec<&str> = codes.iter().map(|&c| name(c)).collect();
        assert!(!names.contains(&"other"), "{names:?}");
        names.sort();
        names.dedup();
        assert_eq!(names.len(), codes.len());
        assert_eq!(name(MERZIM_ERR_OTHER), "other");
        assert_eq!(name(12345), "other");
        // The batch contract's kind and the status name agree where they can.
        assert_eq!(
            name(status_of(ErrorKind::OutOfCoverage)),
            ErrorKind::OutOfCoverage.to_string()
        );
    }
}

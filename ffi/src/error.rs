//! `merzim_error`: the detailed error of the functions that take a
//! `merzim_error **err` (a status and a message).

use std::ffi::{c_char, CString};

use crate::status::{Failure, MERZIM_OK};
use crate::string::to_cstring;

/// An opaque error: a status code and a NUL-terminated message.
pub struct merzim_error {
    status: i32,
    message: CString,
}

/// Hands the outcome of the exported function `function` to the caller:
/// `*err = NULL` on success, a new `merzim_error` on failure (when `err` is
/// not NULL). Returns the status.
///
/// # Safety
/// `err` must be NULL or point to a writable `merzim_error *`.
pub(crate) unsafe fn report(
    err: *mut *mut merzim_error,
    function: &str,
    result: Result<(), Failure>,
) -> i32 {
    let (status, error) = match result {
        Ok(()) => (MERZIM_OK, std::ptr::null_mut()),
        Err(f) if err.is_null() => (f.status, std::ptr::null_mut()),
        Err(f) => {
            let e = merzim_error {
                status: f.status,
                message: to_cstring(&format!("{function}: {}", f.message)),
            };
            (f.status, Box::into_raw(Box::new(e)))
        }
    };
    if !err.is_null() {
        // SAFETY: `err` is non-NULL and writable, by the function's contract.
        unsafe { err.write(error) };
    }
    status
}

ffi_fn! {
    /// The message of an error (valid until `merzim_error_free`); `"no error"` for NULL.
    ///
    /// # Safety
    /// `err` must be NULL or a live error.
    unsafe fn merzim_error_message(err: *const merzim_error) -> *const c_char {
        // SAFETY: `err` is NULL or live, by the caller's contract.
        match unsafe { err.as_ref() } {
            Some(e) => e.message.as_ptr(),
            None => c"no error".as_ptr(),
        }
    }
}

ffi_fn! {
    /// The status code of an error; `MERZIM_OK` for NULL.
    ///
    /// # Safety
    /// `err` must be NULL or a live error.
    unsafe fn merzim_error_kind(err: *const merzim_error) -> i32 {
        // SAFETY: `err` is NULL or live, by the caller's contract.
        unsafe { err.as_ref() }.map_or(MERZIM_OK, |e| e.status)
    }
}

ffi_fn! {
    /// Frees an error. NULL-safe.
    ///
    /// # Safety
    /// `err` must be NULL or an error returned by merzim, not yet freed.
    unsafe fn merzim_error_free(err: *mut merzim_error) {
        if !err.is_null() {
            // SAFETY: `err` came from `Box::into_raw` in `report` and is not
            // freed yet, by the caller's contract.
            drop(unsafe { Box::from_raw(err) });
        }
    }
}

//! Strings: the owned strings merzim hands out (`merzim_string_free`) and the
//! library's version string.

use std::ffi::{c_char, CString};

/// A C string of `s`; interior NULs (never produced by merzim) become U+FFFD.
pub(crate) fn to_cstring(s: &str) -> CString {
    CString::new(s.replace('\0', "\u{FFFD}")).unwrap_or_default()
}

ffi_fn! {
    /// Frees a string returned by merzim. NULL-safe.
    ///
    /// # Safety
    /// `s` must be NULL or a string returned by merzim, not yet freed.
    unsafe fn merzim_string_free(s: *mut c_char) {
        if !s.is_null() {
            // SAFETY: `s` came from `CString::into_raw` and is not freed yet,
            // by the caller's contract.
            drop(unsafe { CString::from_raw(s) });
        }
    }
}

ffi_fn! {
    /// The version of libmerzim (this package), e.g. `"0.1.0"`: a static
    /// NUL-terminated string.
    fn merzim_version() -> *const c_char {
        concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
    }
}

//! The boundary between C and Rust.
//!
//! Every exported function is written with [`ffi_fn!`]: it runs the body
//! under [`guard`] (`catch_unwind`), so a panic (a bug in merzim) becomes a
//! status (`MERZIM_ERR_PANIC`), a NULL pointer or nothing, never an unwind into
//! C. A panic caught there is not printed: [`guard`] installs, once per
//! process, a panic hook that is silent while a guarded call runs on the
//! panicking thread and defers to the previous hook otherwise (so panics of
//! the host's own Rust code, if any, print as before).
//!
//! The arguments side: [`arg`], [`Out`] and [`bytes`] turn raw pointers into
//! references, a NULL giving `MERZIM_ERR_NULL_POINTER`.

use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe, PanicHookInfo};
use std::ptr::NonNull;
use std::sync::OnceLock;

use crate::status::{Failure, MERZIM_ERR_INVALID_ARGUMENT, MERZIM_ERR_PANIC};

/// Defines an exported C function whose body runs under [`guard`].
///
/// - `fn name(args) -> status { body }`: the body evaluates to
///   `Result<(), Failure>`; the function returns `MERZIM_OK`, the failure's
///   status, or `MERZIM_ERR_PANIC` on a panic.
/// - `fn name(args) -> status, reports(err) { body }`: the same, and the
///   failure (or the panic) is also handed to the caller as a `merzim_error`
///   through the out-pointer `err` (optional); `*err = NULL` on success.
/// - `fn name(args) -> T { body }` or `fn name(args) { body }`: the body
///   gives the value; a panic gives [`OnPanic::on_panic`] (NULL, `()`, …).
///
/// Write `unsafe fn` for functions that take pointers (with a `# Safety`
/// section in their docs).
macro_rules! ffi_fn {
    (@fn [$($attr:tt)*] [$($q:tt)*]
     $name:ident($($a:ident: $t:ty),* $(,)?) -> status, reports($err:ident) $body:block) => {
        $($attr)*
        #[no_mangle]
        pub $($q)* extern "C" fn $name($($a: $t),*) -> i32 {
            let result = $crate::macros::guard(
                || -> ::std::result::Result<(), $crate::status::Failure> { $body },
                |m| Err($crate::status::Failure::panic(m)),
            );
            // SAFETY: `$err` is NULL or points to a writable `merzim_error *`,
            // by the function's contract.
            unsafe { $crate::error::report($err, stringify!($name), result) }
        }
    };
    (@fn [$($attr:tt)*] [$($q:tt)*]
     $name:ident($($a:ident: $t:ty),* $(,)?) -> status $body:block) => {
        $($attr)*
        #[no_mangle]
        pub $($q)* extern "C" fn $name($($a: $t),*) -> i32 {
            $crate::status::status_of_result($crate::macros::guard(
                || -> ::std::result::Result<(), $crate::status::Failure> { $body },
                |m| Err($crate::status::Failure::panic(m)),
            ))
        }
    };
    (@fn [$($attr:tt)*] [$($q:tt)*]
     $name:ident($($a:ident: $t:ty),* $(,)?) $(-> $ret:ty)? $body:block) => {
        $($attr)*
        #[no_mangle]
        pub $($q)* extern "C" fn $name($($a: $t),*) $(-> $ret)? {
            $crate::macros::guard(|| $body, |_| $crate::macros::OnPanic::on_panic())
        }
    };
    ($(#[$m:meta])* unsafe fn $($rest:tt)*) => {
        ffi_fn!(@fn [$(#[$m])*] [unsafe] $($rest)*);
    };
    ($(#[$m:meta])* fn $($rest:tt)*) => {
        ffi_fn!(@fn [$(#[$m])*] [] $($rest)*);
    };
}

/// What a function returns when its body panicked (other than a status).
pub(crate) trait OnPanic {
    fn on_panic() -> Self;
}

impl OnPanic for () {
    fn on_panic() {}
}

impl OnPanic for i32 {
    fn on_panic() -> i32 {
        MERZIM_ERR_PANIC
    }
}

impl<T> OnPanic for *const T {
    fn on_panic() -> *const T {
        std::ptr::null()
    }
}

thread_local! {
    /// How many guarded calls run on this thread (nested calls are possible).
    static GUARDED: Cell<u32> = const { Cell::new(0) };
}

type Hook = Box<dyn Fn(&PanicHookInfo<'_>) + Sync + Send + 'static>;

/// The hook that was installed before merzim's (the default one, unless the
/// process set its own).
static PREVIOUS_HOOK: OnceLock<Hook> = OnceLock::new();

/// Installs the quiet hook, once per process (thread-safe).
fn install_quiet_hook() {
    PREVIOUS_HOOK.get_or_init(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(quiet_hook));
        previous
    });
}

/// Silent for a panic inside a guarded call (it is caught and reported as a
/// status); the previous hook for any other panic.
fn quiet_hook(info: &PanicHookInfo<'_>) {
    if GUARDED.with(Cell::get) == 0 {
        if let Some(previous) = PREVIOUS_HOOK.get() {
            previous(info);
        }
    }
}

/// Runs `f`; a panic gives `on_panic(its message)` instead, silently.
pub(crate) fn guard<R>(f: impl FnOnce() -> R, on_panic: impl FnOnce(String) -> R) -> R {
    struct Depth;
    impl Drop for Depth {
        fn drop(&mut self) {
            GUARDED.with(|g| g.set(g.get().saturating_sub(1)));
        }
    }
    install_quiet_hook();
    GUARDED.with(|g| g.set(g.get().saturating_add(1)));
    let depth = Depth;
    let result = catch_unwind(AssertUnwindSafe(f));
    drop(depth);
    result.unwrap_or_else(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        on_panic(message)
    })
}

/// `&*p`, or a NULL-pointer failure naming the argument `what`.
///
/// # Safety
/// `p` must be NULL or point to a live `T` for `'a`.
pub(crate) unsafe fn arg<'a, T>(p: *const T, what: &str) -> Result<&'a T, Failure> {
    // SAFETY: by this function's contract.
    unsafe { p.as_ref() }.ok_or_else(|| Failure::null(what))
}

/// A required out-pointer, written with [`Out::set`] (never read, so it may
/// point to uninitialised memory).
pub(crate) struct Out<T>(NonNull<T>);

impl<T> Out<T> {
    /// The out-pointer `p`, or a NULL-pointer failure naming `what`.
    ///
    /// # Safety
    /// `p` must be NULL or valid for writes of a `T` while the `Out` lives.
    pub(crate) unsafe fn new(p: *mut T, what: &str) -> Result<Out<T>, Failure> {
        NonNull::new(p).map(Out).ok_or_else(|| Failure::null(what))
    }

    /// Writes `v` (without dropping what was there).
    pub(crate) fn set(&self, v: T) {
        // SAFETY: valid for writes, by the contract of `Out::new`.
        unsafe { self.0.as_ptr().write(v) }
    }
}

/// The `len` bytes at `p` (`p` may be NULL when `len` is 0).
///
/// # Safety
/// `p` must be NULL or point to `len` readable bytes that live for `'a`.
pub(crate) unsafe fn bytes<'a>(p: *const u8, len: usize, what: &str) -> Result<&'a [u8], Failure> {
    if len == 0 {
        return Ok(&[]);
    }
    if p.is_null() {
        return Err(Failure::new(
            crate::status::MERZIM_ERR_NULL_POINTER,
            format!("`{what}` is NULL with a non-zero length"),
        ));
    }
    if len > isize::MAX as usize {
        return Err(Failure::new(
            MERZIM_ERR_INVALID_ARGUMENT,
            format!("`{what}`: length {len} is too large"),
        ));
    }
    // SAFETY: `p` is non-NULL and points to `len` readable bytes, by the
    // function's contract; `len` fits an `isize`.
    Ok(unsafe { std::slice::from_raw_parts(p, len) })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A panic in a guarded call is caught, reported and NOT printed; one
    /// outside still goes to the previous (default) hook. Checked in a child
    /// process, since the hook and stderr are process-wide.
    #[test]
    fn caught_panics_are_silent() {
        const CHILD: &str = "MERZIM_FFI_PANIC_CHILD";
        if std::env::var_os(CHILD).is_some() {
            let status = guard(
                || -> i32 { panic!("boom-inside-guard") },
                |m| {
                    assert_eq!(m, "boom-inside-guard");
                    MERZIM_ERR_PANIC
                },
            );
            assert_eq!(status, MERZIM_ERR_PANIC);
            let f = Failure::panic("x".to_string());
            assert_eq!(f.status, MERZIM_ERR_PANIC);
            let outside = catch_unwind(|| panic!("boom-outside-guard"));
            assert!(outside.is_err());
            return;
        }
        let out = std::process::Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "macros::tests::caught_panics_are_silent",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD, "1")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{stdout}\n{stderr}");
        assert!(!stderr.contains("boom-inside-guard"), "{stderr}");
        assert!(stderr.contains("boom-outside-guard"), "{stderr}");
    }
}

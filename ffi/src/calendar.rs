//! Calendar handles (the built-in one, loaded ones, registered regulations)
//! and the working-day functions on `yyyymmdd` dates, scalar and bulk.

use std::ffi::c_char;
use std::mem::ManuallyDrop;
use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use merzim::batch::Evaluator;
use merzim::{Calendar, Regulation, Yyyymmdd};

use crate::error::merzim_error;
use crate::macros::{arg, bytes, Out};
use crate::status::{Failure, MERZIM_ERR_INVALID_ARGUMENT, MERZIM_ERR_NULL_POINTER};

/// An opaque calendar handle: an [`Evaluator`], which holds its [`Calendar`],
/// the registered regulations and the caches of the batch contract, so
/// nothing is rebuilt per call.
///
/// A loaded calendar is an `Arc` handed to C with [`Arc::into_raw`]: the
/// pointer C holds is the `Arc`'s data pointer, each reference
/// (`merzim_calendar_load`, each `merzim_calendar_retain`) is one strong
/// count, and `merzim_calendar_free` gives one back. The built-in calendar is
/// not counted (see [`BUILTIN`]).
pub struct merzim_calendar {
    evaluator: Evaluator,
}

impl merzim_calendar {
    fn new(calendar: Calendar) -> merzim_calendar {
        merzim_calendar {
            evaluator: Evaluator::new(calendar),
        }
    }

    pub(crate) fn evaluator(&self) -> &Evaluator {
        &self.evaluator
    }

    pub(crate) fn calendar(&self) -> &Calendar {
        self.evaluator.calendar()
    }

    /// Registers `regulation` (see `merzim_calendar_add_regulation`).
    fn add_regulation(&mut self, regulation: Regulation) -> Result<(), Failure> {
        if self.evaluator.regulation(&regulation.id).is_ok() {
            return Err(Failure::new(
                MERZIM_ERR_INVALID_ARGUMENT,
                format!(
                    "a regulation with the id {:?} is already known (bundled or registered): \
                     give it another id",
                    regulation.id
                ),
            ));
        }
        self.evaluator.register(regulation)?;
        Ok(())
    }

    /// A new loaded handle (one reference) for C.
    fn into_c(self) -> *mut merzim_calendar {
        Arc::into_raw(Arc::new(self)).cast_mut()
    }
}

/// The built-in calendar's handle: built on first use and never freed, so
/// that a thread still calling merzim while the process exits (a host whose
/// `main` returns under running workers) never meets freed memory.
///
/// What its evaluator caches later (the office tables of the schedules,
/// weeks and knowledge dates requests ask for) is dropped at exit
/// ([`clear_builtin_caches`]): the caches sit behind a lock, so a thread
/// still evaluating is not disturbed, and Valgrind sees only the handle
/// itself, allocated in a `OnceLock` initialiser (ffi/ctest/valgrind.supp).
static BUILTIN: OnceLock<merzim_calendar> = OnceLock::new();

/// The built-in calendar's handle, built on first use.
pub(crate) fn builtin() -> &'static merzim_calendar {
    BUILTIN.get_or_init(|| merzim_calendar::new(Calendar::kazakhstan()))
}

fn is_builtin(cal: *const merzim_calendar) -> bool {
    BUILTIN.get().is_some_and(|b| std::ptr::eq(cal, b))
}

/// Drops the built-in calendar's caches when the process exits (or the
/// shared library is unloaded). The handle itself lives on.
extern "C" fn clear_builtin_caches() {
    if let Some(b) = BUILTIN.get() {
        b.evaluator.clear_caches();
    }
}

#[cfg(any(target_os = "linux", target_os = "android", target_os = "freebsd"))]
#[used]
#[link_section = ".fini_array"]
static CLEAR_BUILTIN_CACHES_AT_EXIT: extern "C" fn() = clear_builtin_caches;

/// `yyyymmdd` → date; `MERZIM_ERR_INVALID_ARGUMENT` for an impossible date
/// (20260231, 0, negatives).
fn date_of(v: i32) -> Result<NaiveDate, Failure> {
    Yyyymmdd(v).to_date().ok_or_else(|| {
        Failure::new(
            MERZIM_ERR_INVALID_ARGUMENT,
            format!("{v} is not a date in yyyymmdd form"),
        )
    })
}

/// The UTF-8 text of `len` bytes at `p`.
///
/// # Safety
/// As [`bytes`].
unsafe fn text<'a>(p: *const c_char, len: usize, what: &str) -> Result<&'a str, Failure> {
    // SAFETY: forwarded contract.
    let b = unsafe { bytes(p.cast::<u8>(), len, what) }?;
    std::str::from_utf8(b).map_err(|e| {
        Failure::new(
            MERZIM_ERR_INVALID_ARGUMENT,
            format!("the {what} is not valid UTF-8: {e}"),
        )
    })
}

ffi_fn! {
    /// The built-in Kazakhstan calendar (five-day week). Never freed; never NULL
    /// (NULL only if the embedded data were broken, a build defect the tests catch).
    fn merzim_calendar_kazakhstan() -> *const merzim_calendar {
        builtin() as *const merzim_calendar
    }
}

ffi_fn! {
    /// Builds a calendar from the embedded data plus the overlay `toml[0..len)`.
    ///
    /// # Safety
    /// `toml` must point to `len` readable bytes (or be NULL with `len == 0`);
    /// `out` must be NULL or point to a writable `merzim_calendar *`; `err` must be
    /// NULL or point to a writable `merzim_error *`.
    unsafe fn merzim_calendar_load(
        toml: *const c_char,
        len: usize,
        out: *mut *mut merzim_calendar,
        err: *mut *mut merzim_error,
    ) -> status, reports(err) {
        // SAFETY: `out` is NULL or writable, by the caller's contract.
        let out = unsafe { Out::new(out, "out") }?;
        out.set(std::ptr::null_mut());
        // SAFETY: `toml` points to `len` readable bytes, by the caller's contract.
        let overlay = unsafe { text(toml, len, "overlay") }?;
        let calendar = Calendar::kazakhstan().with_overlay_toml("overlay", overlay)?;
        out.set(merzim_calendar::new(calendar).into_c());
        Ok(())
    }
}

ffi_fn! {
    /// Registers the regulation `toml[0..len)` on a loaded calendar, so that
    /// requests to `merzim_eval_json_with(cal, …)` can name it by its id.
    ///
    /// # Safety
    /// `cal` must be NULL or a live calendar that no other thread uses during
    /// the call; `toml` must point to `len` readable bytes (or be NULL with
    /// `len == 0`); `err` must be NULL or point to a writable `merzim_error *`.
    unsafe fn merzim_calendar_add_regulation(
        cal: *mut merzim_calendar,
        toml: *const c_char,
        len: usize,
        err: *mut *mut merzim_error,
    ) -> status, reports(err) {
        if cal.is_null() {
            return Err(Failure::null("cal"));
        }
        if is_builtin(cal) {
            return Err(Failure::new(
                MERZIM_ERR_INVALID_ARGUMENT,
                "the built-in calendar is shared by the whole process and never changes: \
                 register regulations on a calendar from merzim_calendar_load",
            ));
        }
        // SAFETY: `cal` is a live loaded calendar (not the built-in one), so it
        // came from `Arc::into_raw` and holds a strong count; `ManuallyDrop`
        // keeps this borrowed reference from giving it back.
        let mut cal = ManuallyDrop::new(unsafe { Arc::from_raw(cal.cast_const()) });
        // No other reference (retained elsewhere): only then may it change.
        let cal = Arc::get_mut(&mut cal).ok_or_else(|| {
            Failure::new(
                MERZIM_ERR_INVALID_ARGUMENT,
                "the calendar is shared (merzim_calendar_retain was called on it): \
                 register regulations before retaining it",
            )
        })?;
        // SAFETY: `toml` points to `len` readable bytes, by the caller's contract.
        let text = unsafe { text(toml, len, "regulation") }?;
        cal.add_regulation(Regulation::from_toml("regulation", text)?)
    }
}

ffi_fn! {
    /// Takes another reference to a calendar and returns it (the same
    /// pointer): each reference is given back with `merzim_calendar_free`, and
    /// the calendar is freed with the last one. NULL gives NULL; the built-in
    /// calendar is returned as it is (it is never freed).
    ///
    /// # Safety
    /// `cal` must be NULL, the built-in calendar, or a loaded calendar on
    /// which the caller holds a reference.
    unsafe fn merzim_calendar_retain(cal: *const merzim_calendar) -> *const merzim_calendar {
        if !cal.is_null() && !is_builtin(cal) {
            // SAFETY: `cal` came from `Arc::into_raw` (`into_c`) and the caller
            // holds a reference, so the count is at least one.
            unsafe { Arc::increment_strong_count(cal) };
        }
        cal
    }
}

ffi_fn! {
    /// Gives back one reference to a calendar from [`merzim_calendar_load`]
    /// (or [`merzim_calendar_retain`]): the last one frees it. NULL-safe; a
    /// no-op for the built-in calendar.
    ///
    /// # Safety
    /// `cal` must be NULL, the built-in calendar, or a loaded calendar on
    /// which the caller holds a reference that it gives up here.
    unsafe fn merzim_calendar_free(cal: *mut merzim_calendar) {
        if !cal.is_null() && !is_builtin(cal) {
            // SAFETY: `cal` came from `Arc::into_raw` (`into_c`) and the
            // caller gives up one of its strong counts, by its contract.
            unsafe { Arc::decrement_strong_count(cal.cast_const()) };
        }
    }
}

ffi_fn! {
    /// The date the calendar's embedded data was last checked against the
    /// official sources, as `yyyymmdd` in `*out` (0 when unknown).
    ///
    /// # Safety
    /// `cal` must be NULL or a live calendar; `out` must be NULL or writable.
    unsafe fn merzim_calendar_data_as_of(cal: *const merzim_calendar, out: *mut i32) -> status {
        // SAFETY: `cal` is NULL or live, `out` NULL or writable, by the caller's contract.
        let (cal, out) = unsafe { (arg(cal, "cal")?, Out::new(out, "out")?) };
        out.set(cal.calendar().data_as_of().map_or(0, |d| Yyyymmdd::from(d).0));
        Ok(())
    }
}

ffi_fn! {
    /// The first and last date the calendar answers, as `yyyymmdd`.
    ///
    /// # Safety
    /// `cal` must be NULL or a live calendar; `first` and `last` must be NULL
    /// or writable.
    unsafe fn merzim_calendar_coverage(
        cal: *const merzim_calendar,
        first: *mut i32,
        last: *mut i32,
    ) -> status {
        // SAFETY: `cal` is NULL or live, the outputs NULL or writable, by the caller's contract.
        let (cal, first, last) =
            unsafe { (arg(cal, "cal")?, Out::new(first, "first")?, Out::new(last, "last")?) };
        let (a, b) = cal.calendar().valid_range();
        first.set(Yyyymmdd::from(a).0);
        last.set(Yyyymmdd::from(b).0);
        Ok(())
    }
}

ffi_fn! {
    /// Whether `yyyymmdd` is a working day: `*out` = 1 or 0.
    ///
    /// # Safety
    /// `cal` must be NULL or a live calendar; `out` must be NULL or writable.
    unsafe fn merzim_is_working_day(cal: *const merzim_calendar, yyyymmdd: i32, out: *mut i32) -> status {
        // SAFETY: `cal` is NULL or live, `out` NULL or writable, by the caller's contract.
        let (cal, out) = unsafe { (arg(cal, "cal")?, Out::new(out, "out")?) };
        out.set(i32::from(cal.calendar().is_working_day(date_of(yyyymmdd)?)?));
        Ok(())
    }
}

ffi_fn! {
    /// `Calendar::add_working_days` on `yyyymmdd` dates.
    ///
    /// # Safety
    /// `cal` must be NULL or a live calendar; `out` must be NULL or writable.
    unsafe fn merzim_add_working_days(cal: *const merzim_calendar, date: i32, n: i32, out: *mut i32) -> status {
        // SAFETY: `cal` is NULL or live, `out` NULL or writable, by the caller's contract.
        let (cal, out) = unsafe { (arg(cal, "cal")?, Out::new(out, "out")?) };
        let due = cal.calendar().add_working_days(date_of(date)?, n)?;
        out.set(Yyyymmdd::from(due).0);
        Ok(())
    }
}

ffi_fn! {
    /// `Calendar::working_days_between` on `yyyymmdd` dates.
    ///
    /// # Safety
    /// `cal` must be NULL or a live calendar; `out` must be NULL or writable.
    unsafe fn merzim_working_days_between(cal: *const merzim_calendar, from: i32, to: i32, out: *mut i32) -> status {
        // SAFETY: `cal` is NULL or live, `out` NULL or writable, by the caller's contract.
        let (cal, out) = unsafe { (arg(cal, "cal")?, Out::new(out, "out")?) };
        out.set(cal.calendar().working_days_between(date_of(from)?, date_of(to)?)?);
        Ok(())
    }
}

/// The body of [`merzim_add_working_days_bulk`]: the index to report as
/// `*failed_index` and the outcome.
///
/// # Safety
/// As [`merzim_add_working_days_bulk`].
unsafe fn add_bulk(
    cal: *const merzim_calendar,
    dates: *const i32,
    n: *const i32,
    len: usize,
    out: *mut i32,
) -> (usize, Result<(), Failure>) {
    // SAFETY: `cal` is NULL or live, by the caller's contract.
    let cal = match unsafe { arg(cal, "cal") } {
        Ok(c) => c,
        Err(f) => return (0, Err(f)),
    };
    if len == 0 {
        return (0, Ok(()));
    }
    if dates.is_null() || n.is_null() || out.is_null() {
        return (0, Err(Failure::status(MERZIM_ERR_NULL_POINTER)));
    }
    if len > isize::MAX as usize / std::mem::size_of::<i32>() {
        return (0, Err(Failure::status(MERZIM_ERR_INVALID_ARGUMENT)));
    }
    // Rust slices may not alias a `&mut` slice, so an input that is the output
    // array itself (in place) is copied first; partial overlaps are excluded
    // by the contract.
    let copied = |p: *const i32| -> Option<Vec<Yyyymmdd>> {
        // SAFETY: `p` points to `len` readable `int32_t`, by the caller's
        // contract; `Yyyymmdd` is `#[repr(transparent)]` over `i32`.
        std::ptr::eq(p, out.cast_const())
            .then(|| unsafe { std::slice::from_raw_parts(p.cast::<Yyyymmdd>(), len) }.to_vec())
    };
    let dates_copy = copied(dates);
    let n_copy = copied(n).map(|v| v.into_iter().map(|d| d.0).collect::<Vec<i32>>());
    // SAFETY: `out` points to `len` writable `int32_t`, by the caller's
    // contract, and no slice below aliases it (see above). `Yyyymmdd` is
    // `#[repr(transparent)]` over `i32`: same size, alignment and validity, so
    // the C array is a `[Yyyymmdd]`.
    let out = unsafe { std::slice::from_raw_parts_mut(out.cast::<Yyyymmdd>(), len) };
    // SAFETY: `dates` points to `len` readable `int32_t`, by the caller's
    // contract; the cast as above.
    let dates = match &dates_copy {
        Some(v) => v.as_slice(),
        None => unsafe { std::slice::from_raw_parts(dates.cast::<Yyyymmdd>(), len) },
    };
    // SAFETY: `n` points to `len` readable `int32_t`, by the caller's contract.
    let n = match &n_copy {
        Some(v) => v.as_slice(),
        None => unsafe { std::slice::from_raw_parts(n, len) },
    };
    match cal.calendar().add_working_days_bulk(dates, n, out) {
        Ok(()) => (len, Ok(())),
        Err(e) => (e.index, Err(e.error.into())),
    }
}

ffi_fn! {
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
    unsafe fn merzim_add_working_days_bulk(
        cal: *const merzim_calendar,
        dates: *const i32,
        n: *const i32,
        len: usize,
        out: *mut i32,
        failed_index: *mut usize,
    ) -> status {
        // SAFETY: forwarded contract.
        let (index, result) = unsafe { add_bulk(cal, dates, n, len, out) };
        if !failed_index.is_null() {
            // SAFETY: `failed_index` is non-NULL and writable, by the caller's contract.
            unsafe { failed_index.write(index) };
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(date_of(20260320).ok(), NaiveDate::from_ymd_opt(2026, 3, 20));
        for bad in [20260231, 0, -20260320, 20261301, i32::MIN, i32::MAX] {
            assert_eq!(
                date_of(bad).unwrap_err().status,
                MERZIM_ERR_INVALID_ARGUMENT
            );
        }
    }
}

ffi_fn! {
    /// The version of the built-in calendar data: a static NUL-terminated
    /// string (NULL only if the library is broken and panicked).
    fn merzim_data_version() -> *const c_char {
        static DATA_VERSION: std::sync::OnceLock<std::ffi::CString> = std::sync::OnceLock::new();
        DATA_VERSION
            .get_or_init(|| crate::string::to_cstring(builtin().calendar().data_version()))
            .as_ptr()
    }
}

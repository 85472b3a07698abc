//! Bulk paths (issue 6): the scalar O(1) computations in loops over
//! caller-provided columns, their parallel versions, recomputation against a
//! changed calendar with a change report, and SLA status at an instant.
//!
//! Every bulk function is the scalar function in a loop over the same tables:
//! it gives, item by item, exactly what the scalar API gives (the tests in
//! `tests/bulk.rs` check this with proptest). Nothing is allocated per item;
//! on the first failing item the function stops and returns that item's
//! error, with the item's index: [`BulkError::index`] for the raw forms, an
//! `"item {index}: …"` message for the [`Error`] forms. The error itself is the
//! one the scalar API gives for that item (it is produced by calling it). Outputs
//! before the failing index are written; the rest are unspecified.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Timelike};

use crate::calendar::Calendar;
use crate::legal::LegalOptions;
use crate::office::{Local, OfficeTime};
use crate::term::{Term, Unit};
use crate::timeline::CompiledChain;
use crate::{Error, Result};

/// `num_days_from_ce` of 2000-01-01, day index 0 of every table.
const BASE_CE: i32 = 730_120;
/// Days from 1970-01-01 to 2000-01-01.
const EPOCH_TO_BASE: i32 = 10_957;
/// Items per parallel task.
#[cfg(feature = "rayon")]
const GRAIN: usize = 16 * 1024;

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

/// The error of a raw bulk call: the index of the first failing item and that
/// item's error (the one the scalar API gives for it).
///
/// Converts into [`Error`] (message `"item {index}: {error}"`), so `?` works in
/// functions returning [`merzim::Result`](crate::Result).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("item {index}: {error}")]
pub struct BulkError {
    /// The index of the first failing item (for a length mismatch: the length of
    /// the shortest column, the first index some column lacks).
    pub index: usize,
    /// Why it failed.
    pub error: Error,
}

impl From<BulkError> for Error {
    fn from(e: BulkError) -> Error {
        Error::new(
            e.error.kind(),
            format!("item {}: {}", e.index, e.error.message()),
        )
    }
}

impl BulkError {
    fn shifted(mut self, by: usize) -> BulkError {
        self.index += by;
        self
    }
}

fn check_lengths(names: &[&str], lens: &[usize]) -> std::result::Result<(), BulkError> {
    let first = lens[0];
    if lens.iter().all(|&l| l == first) {
        return Ok(());
    }
    let min = *lens.iter().min().expect("non-empty");
    let parts: Vec<String> = names
        .iter()
        .zip(lens)
        .map(|(n, l)| format!("{n} has {l}"))
        .collect();
    Err(BulkError {
        index: min,
        error: Error::invalid_input(format!(
            "the columns must have the same length: {}",
            parts.join(", ")
        )),
    })
}

/// The error for item `index`, taken from the scalar API (`scalar` must fail;
/// if it unexpectedly does not, a generic out-of-coverage error is reported).
#[cold]
#[inline(never)]
fn item_error<T>(
    index: usize,
    scalar: impl FnOnce() -> Result<T>,
    what: impl FnOnce() -> String,
) -> BulkError {
    let error = match scalar() {
        Err(e) => e,
        Ok(_) => Error::out_of_coverage(what()),
    };
    BulkError { index, error }
}

// ---------------------------------------------------------------------------
// Date conversions
// ---------------------------------------------------------------------------

fn yyyymmdd_date(v: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(v / 10_000, (v / 100 % 100) as u32, (v % 100) as u32).filter(|_| v > 0)
}

#[inline(always)]
fn date_of_index(i: u32) -> NaiveDate {
    crate::days::date_of(i)
}

// ---------------------------------------------------------------------------
// Calendar: the day kernels
// ---------------------------------------------------------------------------

/// The raw tables of a calendar, borrowed once per bulk call.
#[derive(Clone, Copy)]
struct Tables<'a> {
    cum: &'a [u16],
    working: &'a [u16],
    last: u32,
}

impl<'a> Tables<'a> {
    #[inline]
    fn of(cal: &'a Calendar) -> Tables<'a> {
        let (cum, working, last) = cal.raw_tables();
        debug_assert_eq!(cal.base_day_number(), BASE_CE, "day index 0 is 2000-01-01");
        Tables { cum, working, last }
    }

    /// [`Calendar::add_working_days`] on a day index that may be out of range.
    #[inline(always)]
    fn add(self, i: i64, n: i32) -> Option<u32> {
        if i < 0 || i > self.last as i64 {
            return None;
        }
        let i = i as usize;
        let ord = if n > 0 {
            self.cum[i + 1] as i64 + n as i64 - 1
        } else {
            self.cum[i] as i64 + n as i64
        };
        let w = *self.working.get(usize::try_from(ord).ok()?)? as u32;
        (w <= self.last).then_some(w)
    }

    /// [`Calendar::working_days_between`] on day indices that may be out of range.
    #[inline(always)]
    fn between(self, i: i64, j: i64) -> Option<i32> {
        let last = self.last as i64;
        if i < 0 || i > last || j < 0 || j > last {
            return None;
        }
        Some(self.cum[j as usize + 1] as i32 - self.cum[i as usize + 1] as i32)
    }
}

type BulkResult = std::result::Result<(), BulkError>;

impl Calendar {
    /// [`add_working_days`](Calendar::add_working_days) for every pair
    /// `(dates[k], n[k])`, written to `out[k]`.
    ///
    /// Same semantics as the scalar function (n = 0 rolls forward; a non-working
    /// date is not rolled first, unlike numpy's `busday_offset`). No allocation.
    /// Errors: columns of different lengths ([`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput)), or the
    /// first item whose scalar call fails, named by its index (`"item 17: …"`).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let cal = merzim::Calendar::kazakhstan();
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let mut out = [NaiveDate::MIN; 2];
    /// cal.add_working_days_bulk(&[d(2026, 3, 20), d(2026, 3, 21)], &[1, 0], &mut out)?;
    /// assert_eq!(out, [d(2026, 3, 26), d(2026, 3, 26)]);
    /// # Ok::<(), merzim::Error>(())
    /// ```
    pub fn add_working_days_bulk(
        &self,
        dates: &[NaiveDate],
        n: &[i32],
        out: &mut [NaiveDate],
    ) -> Result<()> {
        Ok(self.add_dates_kernel(dates, n, out)?)
    }

    fn add_dates_kernel(
        &self,
        dates: &[NaiveDate],
        n: &[i32],
        out: &mut [NaiveDate],
    ) -> BulkResult {
        let table = crate::days::dates();
        self.add_kernel(
            dates,
            n,
            out,
            |d| Some(crate::days::index_of(d)),
            |w| table.get(w as usize).copied(),
            |k, d, n| self.add_error(k, d, n),
        )
    }

    /// The loop of every `add_working_days` bulk form: `index` reads an input
    /// (`None`: not a date of the table), `value` writes a result index, `error`
    /// explains the first failing item (on the cold path).
    #[inline(always)]
    fn add_kernel<D: Copy>(
        &self,
        dates: &[D],
        n: &[i32],
        out: &mut [D],
        index: impl Fn(D) -> Option<i64>,
        value: impl Fn(u32) -> Option<D>,
        error: impl Fn(usize, D, i32) -> BulkError,
    ) -> BulkResult {
        check_lengths(&["dates", "n", "out"], &[dates.len(), n.len(), out.len()])?;
        let t = Tables::of(self);
        for (k, ((&d, &n), o)) in dates.iter().zip(n).zip(out.iter_mut()).enumerate() {
            match index(d).and_then(|i| t.add(i, n)).and_then(&value) {
                Some(w) => *o = w,
                None => return Err(error(k, d, n)),
            }
        }
        Ok(())
    }

    /// The loop of every `working_days_between` bulk form, as [`Calendar::add_kernel`].
    #[inline(always)]
    fn between_kernel<D: Copy>(
        &self,
        a: &[D],
        b: &[D],
        out: &mut [i32],
        index: impl Fn(D) -> Option<i64>,
        error: impl Fn(usize, D, D) -> BulkError,
    ) -> BulkResult {
        check_lengths(&["a", "b", "out"], &[a.len(), b.len(), out.len()])?;
        let t = Tables::of(self);
        for (k, ((&x, &y), o)) in a.iter().zip(b).zip(out.iter_mut()).enumerate() {
            match index(x).zip(index(y)).and_then(|(i, j)| t.between(i, j)) {
                Some(v) => *o = v,
                None => return Err(error(k, x, y)),
            }
        }
        Ok(())
    }

    #[cold]
    fn add_error(&self, k: usize, d: NaiveDate, n: i32) -> BulkError {
        item_error(
            k,
            || self.add_working_days(d, n),
            || format!("adding {n} working days to {d}"),
        )
    }

    /// [`working_days_between`](Calendar::working_days_between) for every pair
    /// `(a[k], b[k])`, written to `out[k]`. Errors as in
    /// [`add_working_days_bulk`](Calendar::add_working_days_bulk).
    pub fn working_days_between_bulk(
        &self,
        a: &[NaiveDate],
        b: &[NaiveDate],
        out: &mut [i32],
    ) -> Result<()> {
        Ok(self.between_dates_kernel(a, b, out)?)
    }

    fn between_dates_kernel(
        &self,
        a: &[NaiveDate],
        b: &[NaiveDate],
        out: &mut [i32],
    ) -> BulkResult {
        self.between_kernel(
            a,
            b,
            out,
            |d| Some(crate::days::index_of(d)),
            |k, x, y| self.between_error(k, x, y),
        )
    }

    #[cold]
    fn between_error(&self, k: usize, x: NaiveDate, y: NaiveDate) -> BulkError {
        item_error(
            k,
            || self.working_days_between(x, y),
            || format!("counting working days from {x} to {y}"),
        )
    }

    /// The raw fast path of [`add_working_days_bulk`](Calendar::add_working_days_bulk)
    /// on day numbers: `days[k]` and `out[k]` count days since 1970-01-01, the
    /// representation of numpy's `datetime64[D]`, Arrow's `date32` and Polars'
    /// `Date` (2026-03-20 is 20532).
    ///
    /// Same semantics as the scalar [`add_working_days`](Calendar::add_working_days)
    /// item by item; no allocation; the error names the first failing index.
    ///
    /// ```
    /// let cal = merzim::Calendar::kazakhstan();
    /// let mut out = [0; 1];
    /// cal.add_working_days_days(&[20532], &[1], &mut out)?; // 2026-03-20 + 1
    /// assert_eq!(out, [20538]);                            // 2026-03-26
    /// # Ok::<(), merzim::BulkError>(())
    /// ```
    pub fn add_working_days_days(
        &self,
        days: &[i32],
        n: &[i32],
        out: &mut [i32],
    ) -> std::result::Result<(), BulkError> {
        self.add_kernel(
            days,
            n,
            out,
            |d| Some(d as i64 - EPOCH_TO_BASE as i64),
            |w| Some(w as i32 + EPOCH_TO_BASE),
            |k, d, n| self.add_error_days(k, d, n),
        )
    }

    #[cold]
    fn add_error_days(&self, k: usize, d: i32, n: i32) -> BulkError {
        match epoch_date(d) {
            Some(date) => self.add_error(k, date, n),
            None => BulkError {
                index: k,
                error: Error::out_of_coverage(format!(
                    "day number {d} (days since 1970-01-01) is outside the calendar's coverage {}..={}",
                    self.valid_range().0,
                    self.valid_range().1
                )),
            },
        }
    }

    /// [`working_days_between_bulk`](Calendar::working_days_between_bulk) on day
    /// numbers since 1970-01-01 (see [`add_working_days_days`](Calendar::add_working_days_days)).
    pub fn working_days_between_days(
        &self,
        a: &[i32],
        b: &[i32],
        out: &mut [i32],
    ) -> std::result::Result<(), BulkError> {
        self.between_kernel(
            a,
            b,
            out,
            |d| Some(d as i64 - EPOCH_TO_BASE as i64),
            |k, x, y| match (epoch_date(x), epoch_date(y)) {
                (Some(dx), Some(dy)) => self.between_error(k, dx, dy),
                _ => BulkError {
                    index: k,
                    error: Error::out_of_coverage(format!(
                        "day numbers {x}..{y} (days since 1970-01-01): outside the calendar's coverage {}..={}",
                        self.valid_range().0,
                        self.valid_range().1
                    )),
                },
            },
        )
    }

    /// [`add_working_days_bulk`](Calendar::add_working_days_bulk) on `yyyymmdd`
    /// integers (20260320 is 2026-03-20), the form of the C API's
    /// `merzim_add_working_days_bulk`.
    ///
    /// Item by item exactly the scalar [`add_working_days`](Calendar::add_working_days):
    /// for n > 0 the n-th working day strictly after the date, for n < 0 the
    /// |n|-th strictly before, for n = 0 the date itself if it is a working day,
    /// else the next working day. An integer that is not a date is an
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) error; a date or result outside coverage is
    /// [`ErrorKind::OutOfCoverage`](crate::ErrorKind::OutOfCoverage). The first failing item is named by
    /// [`BulkError::index`]; outputs before it are written. No allocation.
    ///
    /// ```
    /// let cal = merzim::Calendar::kazakhstan();
    /// let mut out = [0; 3];
    /// cal.add_working_days_yyyymmdd(&[20260320, 20260321, 20240503], &[1, 0, 1], &mut out)?;
    /// assert_eq!(out, [20260326, 20260326, 20240504]); // 2024-05-04 was a working Saturday
    /// let err = cal.add_working_days_yyyymmdd(&[20260320, 20260230], &[1, 1], &mut out[..2]).unwrap_err();
    /// assert_eq!(err.index, 1);
    /// # Ok::<(), merzim::BulkError>(())
    /// ```
    pub fn add_working_days_yyyymmdd(
        &self,
        dates: &[i32],
        n: &[i32],
        out: &mut [i32],
    ) -> std::result::Result<(), BulkError> {
        let ymd = crate::days::yyyymmdd_table();
        let ms = crate::days::month_starts();
        self.add_kernel(
            dates,
            n,
            out,
            |d| crate::days::index_of_yyyymmdd_in(ms, d),
            |w| ymd.get(w as usize).copied(),
            |k, d, n| self.yyyymmdd_error(k, d, n),
        )
    }

    #[cold]
    fn yyyymmdd_error(&self, k: usize, d: i32, n: i32) -> BulkError {
        match yyyymmdd_date(d) {
            Some(date) => self.add_error(k, date, n),
            None => BulkError {
                index: k,
                error: Error::invalid_input(format!("{d} is not a date in yyyymmdd form")),
            },
        }
    }

    /// [`working_days_between_bulk`](Calendar::working_days_between_bulk) on
    /// `yyyymmdd` integers.
    pub fn working_days_between_yyyymmdd(
        &self,
        a: &[i32],
        b: &[i32],
        out: &mut [i32],
    ) -> std::result::Result<(), BulkError> {
        let ms = crate::days::month_starts();
        self.between_kernel(
            a,
            b,
            out,
            |d| crate::days::index_of_yyyymmdd_in(ms, d),
            |k, x, y| match (yyyymmdd_date(x), yyyymmdd_date(y)) {
                (Some(dx), Some(dy)) => self.between_error(k, dx, dy),
                (None, _) => BulkError {
                    index: k,
                    error: Error::invalid_input(format!("{x} is not a date in yyyymmdd form")),
                },
                (_, None) => BulkError {
                    index: k,
                    error: Error::invalid_input(format!("{y} is not a date in yyyymmdd form")),
                },
            },
        )
    }
}

fn epoch_date(d: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(d.checked_add(BASE_CE - EPOCH_TO_BASE)?)
}

// ---------------------------------------------------------------------------
// Parallel drivers
// ---------------------------------------------------------------------------

/// Columns that can be cut in two at the same index.
#[cfg(feature = "rayon")]
trait Split: Sized + Send {
    fn len(&self) -> usize;
    fn split_at(self, mid: usize) -> (Self, Self);
}

#[cfg(feature = "rayon")]
impl<T: Sync> Split for &[T] {
    fn len(&self) -> usize {
        <[T]>::len(self)
    }
    fn split_at(self, mid: usize) -> (Self, Self) {
        <[T]>::split_at(self, mid)
    }
}

#[cfg(feature = "rayon")]
impl<T: Send> Split for &mut [T] {
    fn len(&self) -> usize {
        <[T]>::len(self)
    }
    fn split_at(self, mid: usize) -> (Self, Self) {
        self.split_at_mut(mid)
    }
}

#[cfg(feature = "rayon")]
impl<A: Split, B: Split> Split for (A, B) {
    fn len(&self) -> usize {
        self.0.len()
    }
    fn split_at(self, mid: usize) -> (Self, Self) {
        let (a0, a1) = self.0.split_at(mid);
        let (b0, b1) = self.1.split_at(mid);
        ((a0, b0), (a1, b1))
    }
}

/// Runs `f` on pieces of at most [`GRAIN`] items with `rayon::join`; the error
/// with the lowest index wins, so the result is the sequential one.
#[cfg(feature = "rayon")]
fn par_drive<S, F>(s: S, offset: usize, f: &F) -> BulkResult
where
    S: Split,
    F: Fn(S) -> BulkResult + Sync,
{
    let len = s.len();
    if len <= GRAIN {
        return f(s).map_err(|e| e.shifted(offset));
    }
    let mid = len / 2;
    let (a, b) = s.split_at(mid);
    let (ra, rb) = rayon::join(|| par_drive(a, offset, f), || par_drive(b, offset + mid, f));
    ra.and(rb)
}

#[cfg(feature = "rayon")]
impl Calendar {
    /// [`add_working_days_bulk`](Calendar::add_working_days_bulk) on rayon's
    /// thread pool. Same results and the same error (the lowest failing index).
    pub fn par_add_working_days_bulk(
        &self,
        dates: &[NaiveDate],
        n: &[i32],
        out: &mut [NaiveDate],
    ) -> Result<()> {
        check_lengths(&["dates", "n", "out"], &[dates.len(), n.len(), out.len()])?;
        Ok(par_drive(((dates, n), out), 0, &|((d, n), o)| {
            self.add_dates_kernel(d, n, o)
        })?)
    }

    /// [`working_days_between_bulk`](Calendar::working_days_between_bulk) on
    /// rayon's thread pool.
    pub fn par_working_days_between_bulk(
        &self,
        a: &[NaiveDate],
        b: &[NaiveDate],
        out: &mut [i32],
    ) -> Result<()> {
        check_lengths(&["a", "b", "out"], &[a.len(), b.len(), out.len()])?;
        Ok(par_drive(((a, b), out), 0, &|((a, b), o)| {
            self.between_dates_kernel(a, b, o)
        })?)
    }

    /// [`add_working_days_days`](Calendar::add_working_days_days) on rayon's thread pool.
    pub fn par_add_working_days_days(
        &self,
        days: &[i32],
        n: &[i32],
        out: &mut [i32],
    ) -> std::result::Result<(), BulkError> {
        check_lengths(&["days", "n", "out"], &[days.len(), n.len(), out.len()])?;
        par_drive(((days, n), out), 0, &|((d, n), o)| {
            self.add_working_days_days(d, n, o)
        })
    }

    /// [`add_working_days_yyyymmdd`](Calendar::add_working_days_yyyymmdd) on
    /// rayon's thread pool.
    pub fn par_add_working_days_yyyymmdd(
        &self,
        dates: &[i32],
        n: &[i32],
        out: &mut [i32],
    ) -> std::result::Result<(), BulkError> {
        check_lengths(&["dates", "n", "out"], &[dates.len(), n.len(), out.len()])?;
        par_drive(((dates, n), out), 0, &|((d, n), o)| {
            self.add_working_days_yyyymmdd(d, n, o)
        })
    }
}

// ---------------------------------------------------------------------------
// Instants
// ---------------------------------------------------------------------------

mod sealed {
    /// The conversions of a [`BulkTime`](super::BulkTime).
    pub trait Sealed: Copy + Send + Sync {
        /// (day index relative to 2000-01-01, minute of day); no range check.
        fn to_parts(self) -> (i64, u16);
        /// From a day index (valid) and a minute of day 0..=1440.
        fn from_parts(day: u32, minute: u16) -> Self;
        /// For error messages: the instant as a `NaiveDateTime`, if it is one.
        fn to_naive(self) -> Option<chrono::NaiveDateTime>;
    }
}

/// A representation of local wall-clock instants accepted by the bulk paths:
///
/// - [`NaiveDateTime`]: as everywhere in merzim (seconds are ignored, as in the
///   scalar API; 24:00 of a day is reported as 00:00 of the next date);
/// - `i64`: the raw form, **minutes since 2000-01-01 00:00 local wall-clock
///   time** (2026-03-20 16:30 is `13_587 * 1440 + 990`); it skips the calendar
///   conversions of `NaiveDateTime`.
///
/// Sealed: implemented only by these two types.
pub trait BulkTime: sealed::Sealed {}

impl BulkTime for NaiveDateTime {}
impl BulkTime for i64 {}

impl sealed::Sealed for NaiveDateTime {
    #[inline(always)]
    fn to_parts(self) -> (i64, u16) {
        let day = crate::days::index_of(self.date());
        (day, (self.time().num_seconds_from_midnight() / 60) as u16)
    }
    #[inline(always)]
    fn from_parts(day: u32, minute: u16) -> Self {
        let (day, minute) = if minute >= 1440 {
            (day + 1, minute - 1440)
        } else {
            (day, minute)
        };
        let date = match crate::days::dates().get(day as usize) {
            Some(&d) => d,
            // 24:00 of 2100-12-31 is 00:00 of 2101-01-01, past the date table.
            None => NaiveDate::from_num_days_from_ce_opt(BASE_CE + day as i32)
                .expect("within chrono's range"),
        };
        date.and_time(crate::days::times()[minute as usize])
    }
    fn to_naive(self) -> Option<NaiveDateTime> {
        Some(self)
    }
}

impl sealed::Sealed for i64 {
    #[inline(always)]
    fn to_parts(self) -> (i64, u16) {
        (self.div_euclid(1440), self.rem_euclid(1440) as u16)
    }
    #[inline(always)]
    fn from_parts(day: u32, minute: u16) -> Self {
        day as i64 * 1440 + minute as i64
    }
    fn to_naive(self) -> Option<NaiveDateTime> {
        let base = NaiveDate::from_num_days_from_ce_opt(BASE_CE)?.and_time(NaiveTime::MIN);
        base.checked_add_signed(chrono::TimeDelta::try_minutes(self)?)
    }
}

#[inline(always)]
fn to_local<T: BulkTime>(t: T, last: u32) -> Option<Local> {
    let (day, minute) = t.to_parts();
    if day < 0 || day > last as i64 {
        return None;
    }
    Some(Local {
        day: day as u32,
        minute,
    })
}

#[inline(always)]
fn from_local<T: BulkTime>(l: Local) -> T {
    T::from_parts(l.day, l.minute)
}

/// Minutes of the local time line, for comparing instants as the scalar API
/// compares `NaiveDateTime`s (24:00 equals 00:00 of the next day).
#[inline(always)]
fn line(l: Local) -> i64 {
    l.day as i64 * 1440 + l.minute as i64
}

#[cold]
fn instant_error<T: BulkTime, R>(
    office: &OfficeTime,
    k: usize,
    t: T,
    scalar: impl FnOnce(NaiveDateTime) -> Result<R>,
) -> BulkError {
    match t.to_naive() {
        Some(n) => item_error(k, || scalar(n), || format!("computing from {n}")),
        None => {
            let (a, b) = office.calendar().valid_range();
            BulkError {
                index: k,
                error: Error::out_of_coverage(format!(
                    "the instant {} is outside the calendar's coverage {a}..={b}",
                    t.to_parts().0
                )),
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Legal dues
// ---------------------------------------------------------------------------

impl OfficeTime {
    /// The due instant of [`legal_due`](OfficeTime::legal_due) for every
    /// submission, one term and options for all, written to `out[k]`.
    ///
    /// `T` is [`NaiveDateTime`] or the raw form `i64` (minutes since 2000-01-01
    /// 00:00 local); see [`BulkTime`]. Item by item the scalar result's `due`; no
    /// allocation; the error names the first failing index.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use merzim::{Calendar, LegalOptions, OfficeTime, Schedule};
    /// let office = OfficeTime::new(&Calendar::kazakhstan(), Schedule::state_body())?;
    /// let s = NaiveDate::from_ymd_opt(2026, 3, 20).unwrap().and_hms_opt(16, 30, 0).unwrap();
    /// let mut out = [s; 1];
    /// office.legal_due_bulk(&[s], "22 working days".parse()?, LegalOptions::default(), &mut out)?;
    /// assert_eq!(out[0].to_string(), "2026-04-23 18:30:00");
    /// # Ok::<(), merzim::Error>(())
    /// ```
    pub fn legal_due_bulk<T: BulkTime>(
        &self,
        submitted: &[T],
        term: Term,
        options: LegalOptions,
        out: &mut [T],
    ) -> Result<()> {
        Ok(self.due_kernel(submitted, term, options, out)?)
    }

    fn due_kernel<T: BulkTime>(
        &self,
        submitted: &[T],
        term: Term,
        options: LegalOptions,
        out: &mut [T],
    ) -> BulkResult {
        check_lengths(&["submitted", "out"], &[submitted.len(), out.len()])?;
        let last = self.calendar().valid_last();
        for (k, (&s, o)) in submitted.iter().zip(out.iter_mut()).enumerate() {
            match to_local(s, last).and_then(|l| self.legal_due_local(l, term, options).ok()) {
                Some(d) => *o = from_local(d.due),
                None => {
                    return Err(instant_error(self, k, s, |n| {
                        self.legal_due(n, term, options)
                    }))
                }
            }
        }
        Ok(())
    }

    /// [`legal_due_bulk`](OfficeTime::legal_due_bulk) with a term and options
    /// (channel, start rule, end) per item.
    pub fn legal_due_bulk_each<T: BulkTime>(
        &self,
        submitted: &[T],
        terms: &[Term],
        options: &[LegalOptions],
        out: &mut [T],
    ) -> Result<()> {
        Ok(self.due_each_kernel(submitted, terms, options, out)?)
    }

    fn due_each_kernel<T: BulkTime>(
        &self,
        submitted: &[T],
        terms: &[Term],
        options: &[LegalOptions],
        out: &mut [T],
    ) -> BulkResult {
        check_lengths(
            &["submitted", "terms", "options", "out"],
            &[submitted.len(), terms.len(), options.len(), out.len()],
        )?;
        let last = self.calendar().valid_last();
        for (k, (((&s, &term), &o), out)) in submitted
            .iter()
            .zip(terms)
            .zip(options)
            .zip(out.iter_mut())
            .enumerate()
        {
            match to_local(s, last).and_then(|l| self.legal_due_local(l, term, o).ok()) {
                Some(d) => *out = from_local(d.due),
                None => return Err(instant_error(self, k, s, |n| self.legal_due(n, term, o))),
            }
        }
        Ok(())
    }
}

impl OfficeTime {
    /// [`step`](OfficeTime::step) for every instant: a regulation step of `term`
    /// from `from[k]`, written to `out[k]` (a 15-minute office step, a 2-working-day
    /// step, …). `T` as in [`legal_due_bulk`](OfficeTime::legal_due_bulk). No
    /// allocation; the error names the first failing index.
    pub fn step_bulk<T: BulkTime>(&self, from: &[T], term: Term, out: &mut [T]) -> Result<()> {
        Ok(self.step_kernel(from, term, out)?)
    }

    fn step_kernel<T: BulkTime>(&self, from: &[T], term: Term, out: &mut [T]) -> BulkResult {
        check_lengths(&["from", "out"], &[from.len(), out.len()])?;
        let last = self.calendar().valid_last();
        for (k, (&t, o)) in from.iter().zip(out.iter_mut()).enumerate() {
            match to_local(t, last).and_then(|l| self.step_local(l, term).ok()) {
                Some(r) => *o = from_local(r),
                None => return Err(instant_error(self, k, t, |n| self.step(n, term))),
            }
        }
        Ok(())
    }

    /// [`step_bulk`](OfficeTime::step_bulk) on rayon's thread pool.
    #[cfg(feature = "rayon")]
    pub fn par_step_bulk<T: BulkTime>(&self, from: &[T], term: Term, out: &mut [T]) -> Result<()> {
        check_lengths(&["from", "out"], &[from.len(), out.len()])?;
        Ok(par_drive((from, out), 0, &|(f, o)| {
            self.step_kernel(f, term, o)
        })?)
    }
}

#[cfg(feature = "rayon")]
impl OfficeTime {
    /// [`legal_due_bulk`](OfficeTime::legal_due_bulk) on rayon's thread pool.
    /// Same results and the same error (the lowest failing index).
    pub fn par_legal_due_bulk<T: BulkTime>(
        &self,
        submitted: &[T],
        term: Term,
        options: LegalOptions,
        out: &mut [T],
    ) -> Result<()> {
        check_lengths(&["submitted", "out"], &[submitted.len(), out.len()])?;
        Ok(par_drive((submitted, out), 0, &|(s, o)| {
            self.due_kernel(s, term, options, o)
        })?)
    }

    /// [`legal_due_bulk_each`](OfficeTime::legal_due_bulk_each) on rayon's thread pool.
    pub fn par_legal_due_bulk_each<T: BulkTime>(
        &self,
        submitted: &[T],
        terms: &[Term],
        options: &[LegalOptions],
        out: &mut [T],
    ) -> Result<()> {
        check_lengths(
            &["submitted", "terms", "options", "out"],
            &[submitted.len(), terms.len(), options.len(), out.len()],
        )?;
        Ok(par_drive(
            ((submitted, terms), (options, out)),
            0,
            &|((s, t), (o, out))| self.due_each_kernel(s, t, o, out),
        )?)
    }
}

// ---------------------------------------------------------------------------
// Regulation timelines
// ---------------------------------------------------------------------------

/// The results of one timeline without its steps: what monitoring needs, in a
/// `Copy` value ([`CompiledChain::timeline_row`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TimelineRow<T> {
    /// When the last step ends ([`Timeline::end`](crate::Timeline::end)).
    pub end: T,
    /// The earliest alternative of the overall term.
    pub term_due: Option<T>,
    /// Whether `end <= term_due`.
    pub within_term: Option<bool>,
    /// When a reasoned refusal for incomplete documents is due.
    pub refusal_due: Option<T>,
    /// `state_corporation`: when the provider must hand the result to the centre.
    pub handoff: Option<T>,
    /// `state_corporation` with a storage rule: until when the centre keeps an
    /// uncollected result ([`Timeline::storage_until`](crate::Timeline::storage_until)).
    pub storage_until: Option<T>,
}

/// Output columns of [`CompiledChain::timeline_bulk`]: each present column gets
/// one value per submission; leave out (`None`) what you do not need, which
/// also skips its conversion.
#[derive(Debug, Default)]
pub struct TimelineColumns<'a, T> {
    /// [`TimelineRow::end`] per submission.
    pub end: Option<&'a mut [T]>,
    /// [`TimelineRow::term_due`] per submission.
    pub term_due: Option<&'a mut [Option<T>]>,
    /// [`TimelineRow::within_term`] per submission.
    pub within_term: Option<&'a mut [Option<bool>]>,
    /// [`TimelineRow::refusal_due`] per submission.
    pub refusal_due: Option<&'a mut [Option<T>]>,
    /// [`TimelineRow::handoff`] per submission.
    pub handoff: Option<&'a mut [Option<T>]>,
    /// [`TimelineRow::storage_until`] per submission.
    pub storage_until: Option<&'a mut [Option<T>]>,
}

impl<T> TimelineColumns<'_, T> {
    fn lengths(&self) -> [Option<usize>; 6] {
        [
            self.end.as_ref().map(|c| c.len()),
            self.term_due.as_ref().map(|c| c.len()),
            self.within_term.as_ref().map(|c| c.len()),
            self.refusal_due.as_ref().map(|c| c.len()),
            self.handoff.as_ref().map(|c| c.len()),
            self.storage_until.as_ref().map(|c| c.len()),
        ]
    }

    fn check(&self, n: usize) -> BulkResult {
        let names = [
            "end",
            "term_due",
            "within_term",
            "refusal_due",
            "handoff",
            "storage_until",
        ];
        for (name, len) in names.iter().zip(self.lengths()) {
            if let Some(len) = len {
                check_lengths(&["submitted", name], &[n, len])?;
            }
        }
        Ok(())
    }
}

#[cfg(feature = "rayon")]
impl<T: Send> Split for TimelineColumns<'_, T> {
    fn len(&self) -> usize {
        self.lengths().into_iter().flatten().max().unwrap_or(0)
    }
    fn split_at(self, mid: usize) -> (Self, Self) {
        fn cut<X>(c: Option<&mut [X]>, mid: usize) -> (Option<&mut [X]>, Option<&mut [X]>) {
            match c {
                Some(c) => {
                    let (a, b) = c.split_at_mut(mid);
                    (Some(a), Some(b))
                }
                None => (None, None),
            }
        }
        let (e0, e1) = cut(self.end, mid);
        let (t0, t1) = cut(self.term_due, mid);
        let (w0, w1) = cut(self.within_term, mid);
        let (r0, r1) = cut(self.refusal_due, mid);
        let (h0, h1) = cut(self.handoff, mid);
        let (s0, s1) = cut(self.storage_until, mid);
        (
            TimelineColumns {
                end: e0,
                term_due: t0,
                within_term: w0,
                refusal_due: r0,
                handoff: h0,
                storage_until: s0,
            },
            TimelineColumns {
                end: e1,
                term_due: t1,
                within_term: w1,
                refusal_due: r1,
                handoff: h1,
                storage_until: s1,
            },
        )
    }
}

/// A timeline row in the internal form, with the day range its computation read.
#[derive(Clone, Copy, PartialEq, Eq)]
struct RowLocal {
    end: Local,
    term_due: Option<Local>,
    refusal_due: Option<Local>,
    handoff: Option<Local>,
    storage_until: Option<Local>,
    /// Every day index the computation depended on lies in `lo..=hi`.
    lo: u32,
    hi: u32,
}

impl RowLocal {
    fn same_results(&self, other: &RowLocal) -> bool {
        (
            self.end,
            self.term_due,
            self.refusal_due,
            self.handoff,
            self.storage_until,
        ) == (
            other.end,
            other.term_due,
            other.refusal_due,
            other.handoff,
            other.storage_until,
        )
    }

    #[inline(always)]
    fn to_row<T: BulkTime>(self) -> TimelineRow<T> {
        TimelineRow {
            end: from_local(self.end),
            term_due: self.term_due.map(from_local),
            within_term: self.term_due.map(|d| line(self.end) <= line(d)),
            refusal_due: self.refusal_due.map(from_local),
            handoff: self.handoff.map(from_local),
            storage_until: self.storage_until.map(from_local),
        }
    }
}

impl CompiledChain {
    #[inline(always)]
    fn row_local(&self, office: &OfficeTime, s: Local) -> Result<RowLocal> {
        let core = self.run(office, s, None)?;
        let end = core.end.unwrap_or(s);
        let storage_until = match self.storage_keep {
            Some(keep) => Some(office.calendar_step_local(core.term_due.unwrap_or(end), keep)?),
            None => None,
        };
        // Each operation depends only on the days between its input and its
        // result; only the handoff (a working day before the last day) goes back.
        let lo = core.handoff.map_or(s.day, |h| h.day.min(s.day));
        let hi = [Some(end), core.term_due, core.refusal_due, storage_until]
            .into_iter()
            .flatten()
            .map(|l| l.day)
            .fold(core.last_day.max(s.day), u32::max);
        Ok(RowLocal {
            end,
            term_due: core.term_due,
            refusal_due: core.refusal_due,
            handoff: core.handoff,
            storage_until,
            lo,
            hi,
        })
    }

    /// The results of [`Regulation::timeline`](crate::Regulation::timeline)
    /// without steps and warnings, allocation-free: the scalar form of
    /// [`timeline_bulk`](CompiledChain::timeline_bulk).
    pub fn timeline_row<T: BulkTime>(
        &self,
        office: &OfficeTime,
        submitted: T,
    ) -> Result<TimelineRow<T>> {
        let s = match to_local(submitted, office.calendar().valid_last()) {
            Some(s) => s,
            None => {
                return Err(
                    instant_error(office, 0, submitted, |n| office.first_office_instant(n)).error,
                )
            }
        };
        Ok(self.row_local(office, s)?.to_row())
    }

    /// The timeline of every submission (TERMS.md §6), written into the present
    /// columns of `out`. Item by item the same as
    /// [`Regulation::timeline`](crate::Regulation::timeline) for this chain's
    /// channel and outcome (`end`, `term_due`, `within_term`, `refusal_due`,
    /// `handoff`, `storage_until`). `T` is [`NaiveDateTime`] or the raw `i64` minutes since
    /// 2000-01-01 00:00 local ([`BulkTime`]). No allocation; the error names the
    /// first failing index.
    ///
    /// ```
    /// use chrono::{NaiveDate, NaiveDateTime};
    /// use merzim::{Calendar, Channel, OfficeTime, Outcome, Regulation, Schedule, TimelineColumns};
    /// let office = OfficeTime::new(&Calendar::kazakhstan(), Schedule::state_body())?;
    /// let chain = Regulation::bundled("east-kazakhstan-2016-land-purpose-change")?
    ///     .compile(Channel::Provider, Outcome::Approve)?;
    /// let s = [NaiveDate::from_ymd_opt(2026, 3, 18).unwrap().and_hms_opt(16, 30, 0).unwrap()];
    /// let (mut end, mut within) = ([NaiveDateTime::MIN; 1], [None; 1]);
    /// chain.timeline_bulk(&office, &s, TimelineColumns {
    ///     end: Some(&mut end), within_term: Some(&mut within), ..Default::default()
    /// })?;
    /// assert_eq!(end[0].to_string(), "2026-04-22 09:15:00");
    /// assert_eq!(within[0], Some(false));
    /// # Ok::<(), merzim::Error>(())
    /// ```
    pub fn timeline_bulk<T: BulkTime>(
        &self,
        office: &OfficeTime,
        submitted: &[T],
        out: TimelineColumns<'_, T>,
    ) -> Result<()> {
        Ok(self.timeline_kernel(office, submitted, out)?)
    }

    fn timeline_kernel<T: BulkTime>(
        &self,
        office: &OfficeTime,
        submitted: &[T],
        mut c: TimelineColumns<'_, T>,
    ) -> BulkResult {
        c.check(submitted.len())?;
        let last = office.calendar().valid_last();
        for (k, &s) in submitted.iter().enumerate() {
            let Some(l) = to_local(s, last) else {
                return Err(instant_error(office, k, s, |n| {
                    office.first_office_instant(n)
                }));
            };
            let r = match self.row_local(office, l) {
                Ok(r) => r,
                Err(error) => return Err(BulkError { index: k, error }),
            };
            if let Some(col) = c.end.as_deref_mut() {
                col[k] = from_local(r.end);
            }
            if let Some(col) = c.term_due.as_deref_mut() {
                col[k] = r.term_due.map(from_local);
            }
            if let Some(col) = c.within_term.as_deref_mut() {
                col[k] = r.term_due.map(|d| line(r.end) <= line(d));
            }
            if let Some(col) = c.refusal_due.as_deref_mut() {
                col[k] = r.refusal_due.map(from_local);
            }
            if let Some(col) = c.handoff.as_deref_mut() {
                col[k] = r.handoff.map(from_local);
            }
            if let Some(col) = c.storage_until.as_deref_mut() {
                col[k] = r.storage_until.map(from_local);
            }
        }
        Ok(())
    }

    /// [`timeline_bulk`](CompiledChain::timeline_bulk) on rayon's thread pool.
    /// Same results and the same error (the lowest failing index).
    #[cfg(feature = "rayon")]
    pub fn par_timeline_bulk<T: BulkTime>(
        &self,
        office: &OfficeTime,
        submitted: &[T],
        out: TimelineColumns<'_, T>,
    ) -> Result<()> {
        out.check(submitted.len())?;
        Ok(par_drive((submitted, out), 0, &|(s, c)| {
            self.timeline_kernel(office, s, c)
        })?)
    }
}

// ---------------------------------------------------------------------------
// Recompute with a change report
// ---------------------------------------------------------------------------

/// One case whose result differs between the old and the new calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Change<T> {
    /// The case's index in the input columns.
    pub index: usize,
    /// The result with the old calendar.
    pub old: T,
    /// The result with the new calendar.
    pub new: T,
}

/// Recomputation of many cases against a changed calendar (a new transfer
/// order, a corrected holiday), reporting only the cases whose results changed.
///
/// [`Recompute::new`] compares the two calendars once and keeps a prefix count
/// of the days whose working status differs (4 bytes per day: 40 KiB for the
/// embedded coverage). Every result depends only on the days between a case's
/// submission and its last computed day (the handoff day, a working day before
/// the last day, may lie before the submission and is included), so a case
/// whose day range holds no differing day has the same result under both
/// calendars: it is computed once, with the new calendar, and skipped. Only
/// the cases that touch a differing day are computed a second time and
/// compared. The cost is one pass plus the touched cases.
///
/// When the two office times differ in schedule, week or range, the shortcut
/// is off and every case is computed twice.
///
/// A case that fails (outside coverage) fails the whole call, naming its index
/// (as the bulk functions do).
#[derive(Debug, Clone)]
pub struct Recompute {
    old: OfficeTime,
    new: OfficeTime,
    /// diff_before[i] = differing days among 0..i; `None`: compare every case.
    diff_before: Option<Vec<u32>>,
    changed: Vec<u32>,
}

impl Recompute {
    /// Compares the calendars of `old` and `new`.
    pub fn new(old: &OfficeTime, new: &OfficeTime) -> Recompute {
        let (co, cn) = (old.calendar(), new.calendar());
        let last = co.valid_last().min(cn.valid_last());
        let mut diff_before = Vec::with_capacity(last as usize + 2);
        let mut changed = Vec::new();
        let mut n = 0u32;
        for i in 0..=last {
            diff_before.push(n);
            if co.working_at(i) != cn.working_at(i) {
                changed.push(i);
                n += 1;
            }
        }
        diff_before.push(n);
        let comparable = old.schedule() == new.schedule()
            && co.week() == cn.week()
            && co.valid_last() == cn.valid_last();
        Recompute {
            old: old.clone(),
            new: new.clone(),
            diff_before: comparable.then_some(diff_before),
            changed,
        }
    }

    /// The dates whose working status differs between the two calendars.
    pub fn changed_days(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.changed.iter().map(|&i| date_of_index(i))
    }

    /// Whether no day in `lo..=hi` differs (so a computation reading only
    /// those days gives the same result under both calendars).
    #[inline(always)]
    fn clean(&self, lo: u32, hi: u32) -> bool {
        match &self.diff_before {
            Some(p) => {
                let hi = (hi as usize + 1).min(p.len() - 1);
                p[hi] == p[(lo as usize).min(hi)]
            }
            None => false,
        }
    }

    /// Working-day additions ([`Calendar::add_working_days`]) whose result changed.
    pub fn add_working_days(
        &self,
        dates: &[NaiveDate],
        n: &[i32],
    ) -> Result<Vec<Change<NaiveDate>>> {
        check_lengths(&["dates", "n"], &[dates.len(), n.len()])?;
        let (tn, to) = (
            Tables::of(self.new.calendar()),
            Tables::of(self.old.calendar()),
        );
        let mut out = Vec::new();
        for (k, (&d, &n)) in dates.iter().zip(n).enumerate() {
            let i = crate::days::index_of(d);
            let Some(w) = tn.add(i, n) else {
                return Err(self.new.calendar().add_error(k, d, n).into());
            };
            let (lo, hi) = if (w as i64) < i {
                (w, i as u32)
            } else {
                (i as u32, w)
            };
            if self.clean(lo, hi) {
                continue;
            }
            let Some(v) = to.add(i, n) else {
                return Err(old_error(self.old.calendar().add_error(k, d, n)));
            };
            if v != w {
                out.push(Change {
                    index: k,
                    old: date_of_index(v),
                    new: date_of_index(w),
                });
            }
        }
        Ok(out)
    }

    /// Legal dues ([`OfficeTime::legal_due`]'s `due`) whose instant changed;
    /// columns as in [`OfficeTime::legal_due_bulk_each`].
    pub fn legal_dues<T: BulkTime>(
        &self,
        submitted: &[T],
        terms: &[Term],
        options: &[LegalOptions],
    ) -> Result<Vec<Change<T>>> {
        check_lengths(
            &["submitted", "terms", "options"],
            &[submitted.len(), terms.len(), options.len()],
        )?;
        let last = self.new.calendar().valid_last();
        let mut out = Vec::new();
        for (k, ((&s, &term), &o)) in submitted.iter().zip(terms).zip(options).enumerate() {
            let item = |office: &OfficeTime| {
                to_local(s, last)
                    .and_then(|l| office.legal_due_local(l, term, o).ok().map(|d| (l, d)))
            };
            let Some((l, d)) = item(&self.new) else {
                return Err(
                    instant_error(&self.new, k, s, |n| self.new.legal_due(n, term, o)).into(),
                );
            };
            let lo = d.handoff.map_or(l.day, |h| h.day.min(l.day));
            let hi = d.last_day.max(d.due.day).max(d.registered).max(l.day);
            if self.clean(lo, hi) {
                continue;
            }
            let Some((_, old)) = item(&self.old) else {
                return Err(old_error(instant_error(&self.old, k, s, |n| {
                    self.old.legal_due(n, term, o)
                })));
            };
            if line(old.due) != line(d.due) {
                out.push(Change {
                    index: k,
                    old: from_local(old.due),
                    new: from_local(d.due),
                });
            }
        }
        Ok(out)
    }

    /// Regulation timelines of `chain` whose results ([`TimelineRow`]) changed.
    pub fn timelines<T: BulkTime>(
        &self,
        chain: &CompiledChain,
        submitted: &[T],
    ) -> Result<Vec<Change<TimelineRow<T>>>> {
        let last = self.new.calendar().valid_last();
        let mut out = Vec::new();
        for (k, &s) in submitted.iter().enumerate() {
            let Some(l) = to_local(s, last) else {
                return Err(
                    instant_error(&self.new, k, s, |n| self.new.first_office_instant(n)).into(),
                );
            };
            let r = chain
                .row_local(&self.new, l)
                .map_err(|error| BulkError { index: k, error })?;
            if self.clean(r.lo, r.hi) {
                continue;
            }
            let old = chain
                .row_local(&self.old, l)
                .map_err(|error| old_error(BulkError { index: k, error }))?;
            if !old.same_results(&r) {
                out.push(Change {
                    index: k,
                    old: old.to_row(),
                    new: r.to_row(),
                });
            }
        }
        Ok(out)
    }
}

#[cold]
fn old_error(e: BulkError) -> Error {
    Error::new(
        e.error.kind(),
        format!("item {} (old calendar): {}", e.index, e.error.message()),
    )
}

// ---------------------------------------------------------------------------
// SLA status
// ---------------------------------------------------------------------------

/// Where a case stands at an instant `now` ([`OfficeTime::sla_status`]).
///
/// Definitions. The term is counted from its **start**: for a term in days, the
/// first office instant of day 1 (the registration date, or the next working
/// day with [`StartRule::NextDay`](crate::StartRule) and for the State
/// Corporation channel); for a term in minutes or hours, the first office
/// instant at or after the submission (State Corporation: the opening of the
/// first working day after acceptance). The term's **days** are the working
/// days from the start's date to the due date, both inclusive.
///
/// - `total_office_minutes`: office minutes from the start to `due`.
/// - `elapsed_office_minutes`: office minutes from the start to `now`, clamped
///   to `0..=total_office_minutes`; `remaining_office_minutes` is the rest.
/// - `elapsed_working_days`: the term's days whose office hours have ended by
///   `now` (`now` at or after their close of business), all of them once the
///   term is overdue; `remaining_working_days` is the rest (the current day
///   counts as remaining until it closes).
/// - `overdue`: `now` is after `due`; `overdue_office_minutes`: office minutes
///   from `due` to `now` (0 when not overdue, and also after hours on the due day).
/// - `share_used`: `elapsed_office_minutes / total_office_minutes`, in `0.0..=1.0`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SlaStatus {
    /// When the term expires ([`LegalDue::due`](crate::LegalDue::due)).
    pub due: NaiveDateTime,
    /// Where counting starts.
    pub start: NaiveDateTime,
    /// Office minutes from `start` to `due`.
    pub total_office_minutes: i64,
    /// Office minutes used, clamped to `0..=total_office_minutes`.
    pub elapsed_office_minutes: i64,
    /// Office minutes left (`total - elapsed`).
    pub remaining_office_minutes: i64,
    /// Working days of the term: from `start`'s date to `due`'s, inclusive.
    pub total_working_days: u32,
    /// Working days of the term already closed at `now`.
    pub elapsed_working_days: u32,
    /// Working days of the term not yet closed (including the current one).
    pub remaining_working_days: u32,
    /// Whether `now` is after `due`.
    pub overdue: bool,
    /// Office minutes from `due` to `now` when overdue, else 0.
    pub overdue_office_minutes: i64,
    /// Share of the term's office minutes used, `0.0..=1.0`.
    pub share_used: f64,
}

impl OfficeTime {
    /// The SLA status at `now` of a case submitted at `submitted` with a legal
    /// term (see [`SlaStatus`] for the definitions). `now` may be before the
    /// submission (nothing used) or after the due instant (overdue).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use merzim::{Calendar, LegalOptions, OfficeTime, Schedule};
    /// let office = OfficeTime::new(&Calendar::kazakhstan(), Schedule::state_body())?;
    /// let at = |d, h, m| NaiveDate::from_ymd_opt(2026, 4, d).unwrap().and_hms_opt(h, m, 0).unwrap();
    /// let st = office.sla_status(at(1, 10, 0), "2 working days".parse()?, LegalOptions::default(), at(2, 10, 0))?;
    /// assert_eq!(st.due, at(2, 18, 30));
    /// assert_eq!((st.elapsed_working_days, st.remaining_working_days), (1, 1));
    /// assert_eq!(st.elapsed_office_minutes, 480 + 60);
    /// assert!(!st.overdue);
    /// # Ok::<(), merzim::Error>(())
    /// ```
    pub fn sla_status(
        &self,
        submitted: NaiveDateTime,
        term: Term,
        options: LegalOptions,
        now: NaiveDateTime,
    ) -> Result<SlaStatus> {
        let s = self.local(submitted)?;
        let now_l = self.local(now)?;
        self.sla_local(s, term, options, now_l)
    }

    fn sla_local(&self, s: Local, term: Term, o: LegalOptions, now: Local) -> Result<SlaStatus> {
        let cal = self.calendar();
        let d = self.legal_due_local(s, term, o)?;
        let start = match (term.unit(), d.day_one) {
            (Unit::Minutes | Unit::Hours, _) | (_, None) => {
                self.counting_start_local(s, o.channel)?
            }
            (_, Some(day_one)) => self.first_office_local(Local {
                day: day_one,
                minute: 0,
            })?,
        };
        let total = (self.ordinal(d.due) as i64 - self.ordinal(start) as i64).max(0);
        let used = self.ordinal(now) as i64 - self.ordinal(start) as i64;
        let elapsed = used.clamp(0, total);
        let overdue = line(now) > line(d.due);
        let overdue_minutes = if overdue {
            (self.ordinal(now) as i64 - self.ordinal(d.due) as i64).max(0)
        } else {
            0
        };
        let (first, last) = (start.day.min(d.due.day), d.due.day.min(cal.valid_last()));
        let total_days = cal.cum_at(last + 1) - cal.cum_at(first);
        // The last day whose office hours have ended by `now`.
        let closed_through = if cal.working_at(now.day) && now.minute >= self.cob(now.day).minute {
            Some(now.day)
        } else {
            now.day.checked_sub(1)
        };
        let elapsed_days = match closed_through {
            _ if overdue => total_days,
            Some(c) if c >= first => cal.cum_at(c.min(last) + 1) - cal.cum_at(first),
            _ => 0,
        };
        Ok(SlaStatus {
            due: self.naive(d.due),
            start: self.naive(start),
            total_office_minutes: total,
            elapsed_office_minutes: elapsed,
            remaining_office_minutes: total - elapsed,
            total_working_days: total_days,
            elapsed_working_days: elapsed_days,
            remaining_working_days: total_days - elapsed_days,
            overdue,
            overdue_office_minutes: overdue_minutes,
            share_used: if total > 0 {
                elapsed as f64 / total as f64
            } else if overdue {
                1.0
            } else {
                0.0
            },
        })
    }

    /// [`sla_status`](OfficeTime::sla_status) for every case at one `now`,
    /// written to `out[k]`; columns as in
    /// [`legal_due_bulk_each`](OfficeTime::legal_due_bulk_each). No allocation;
    /// the error names the first failing index.
    pub fn sla_status_bulk(
        &self,
        submitted: &[NaiveDateTime],
        terms: &[Term],
        options: &[LegalOptions],
        now: NaiveDateTime,
        out: &mut [SlaStatus],
    ) -> Result<()> {
        check_lengths(
            &["submitted", "terms", "options", "out"],
            &[submitted.len(), terms.len(), options.len(), out.len()],
        )?;
        let now_l = self.local(now)?;
        let last = self.calendar().valid_last();
        for (k, (((&s, &term), &o), out)) in submitted
            .iter()
            .zip(terms)
            .zip(options)
            .zip(out.iter_mut())
            .enumerate()
        {
            let r = match to_local(s, last) {
                Some(l) => self.sla_local(l, term, o, now_l),
                None => Err(self.local(s).err().unwrap_or_else(|| {
                    Error::out_of_coverage(format!("{s} is outside the calendar's coverage"))
                })),
            };
            match r {
                Ok(v) => *out = v,
                Err(error) => return Err(BulkError { index: k, error }.into()),
            }
        }
        Ok(())
    }
}

#[allow(dead_code)]
fn _assert_traits() {
    fn is<T: Send + Sync>() {}
    is::<Recompute>();
    is::<BulkError>();
}

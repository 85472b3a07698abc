//! What every bulk path shares: the one error convention ([`BulkError`]), the
//! input forms ([`BulkDate`], [`BulkTime`]), column checks and the parallel
//! driver. The bulk methods themselves live with their types
//! (`calendar/bulk.rs`, `office/bulk.rs`, `regulation/bulk.rs`).
//!
//! Every bulk function is the scalar function in a loop over the same tables:
//! it gives, item by item, exactly what the scalar API gives (the tests in
//! `tests/bulk.rs` check this with proptest). Nothing is allocated per item.
//! On the first failing item the function stops and returns a [`BulkError`]
//! with that item's index and the error the scalar API gives for it. Outputs
//! before the failing index are written; the rest are unspecified.

use chrono::{NaiveDate, NaiveDateTime};

use crate::dates::{self, EpochDays, EpochDays64, EpochMinutes, Local, LocalMinutes, Yyyymmdd};
use crate::{Error, Result};

/// Items per parallel task.
#[cfg(feature = "rayon")]
const GRAIN: usize = 16 * 1024;

/// The error of a bulk call: the index of the first failing item and that
/// item's error (the one the scalar API gives for it).
///
/// Converts into [`Error`] (message `"item {index}: {error}"`), so `?` works in
/// functions returning [`merzim::Result`](crate::Result).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("item {index}: {error}")]
#[non_exhaustive]
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
    pub(crate) fn new(index: usize, error: Error) -> BulkError {
        BulkError { index, error }
    }

    #[cfg(feature = "rayon")]
    fn shifted(mut self, by: usize) -> BulkError {
        self.index += by;
        self
    }
}

/// The result of a bulk call.
pub type BulkResult<T = ()> = std::result::Result<T, BulkError>;

pub(crate) fn check_lengths(names: &[&str], lens: &[usize]) -> BulkResult {
    let first = lens.first().copied().unwrap_or(0);
    if lens.iter().all(|&l| l == first) {
        return Ok(());
    }
    let min = lens.iter().copied().min().unwrap_or(0);
    let parts: Vec<String> = names
        .iter()
        .zip(lens)
        .map(|(n, l)| format!("{n} has {l}"))
        .collect();
    Err(BulkError::new(
        min,
        Error::invalid_input(format!(
            "the columns must have the same length: {}",
            parts.join(", ")
        )),
    ))
}

/// The error for item `index`, taken from the scalar API (`scalar` must fail;
/// if it unexpectedly does not, a generic out-of-coverage error is reported).
#[cold]
#[inline(never)]
pub(crate) fn item_error<T>(
    index: usize,
    scalar: impl FnOnce() -> Result<T>,
    what: impl FnOnce() -> String,
) -> BulkError {
    let error = match scalar() {
        Err(e) => e,
        Ok(_) => Error::out_of_coverage(what()),
    };
    BulkError::new(index, error)
}

mod sealed {
    /// The conversions of a [`BulkDate`](super::BulkDate).
    pub trait Date: Copy + Send + Sync {
        /// Day index (0 = 2000-01-01), `None` when the value is not a date of
        /// the table.
        fn index(self, t: &super::DateTables) -> Option<i64>;
        /// The value of day index `i` (< the table's length).
        fn of_index(i: u32, t: &super::DateTables) -> Self;
        /// The date for the scalar API on the error path; `Err` explains why
        /// there is none.
        fn date(self) -> Result<chrono::NaiveDate, crate::Error>;
        /// The values as `yyyymmdd` integers, when this form is one (the
        /// calendar has a faster path of its own for them).
        #[inline(always)]
        fn as_yyyymmdd(_: &[Self]) -> Option<&[crate::dates::Yyyymmdd]> {
            None
        }
        /// [`as_yyyymmdd`](Date::as_yyyymmdd) for an output column.
        #[inline(always)]
        fn as_yyyymmdd_mut(_: &mut [Self]) -> Option<&mut [crate::dates::Yyyymmdd]> {
            None
        }
    }

    /// The conversions of a [`BulkTime`](super::BulkTime).
    pub trait Time: Copy + Send + Sync {
        /// (day index relative to 2000-01-01, minute of day); no range check.
        fn to_parts(self) -> (i64, u16);
        /// From a day index (valid) and a minute of day 0..=1440, with the
        /// conversion tables the loop borrowed once.
        fn from_parts(day: u32, minute: u16, t: &super::TimeTables) -> Self;
        /// The instant at `minute` (0..=1440) of the working day with
        /// ordinal `w`, from the calendar's working days' indices (`days`)
        /// and dates (`dates`, which end at its last valid day); `None` past
        /// that day.
        #[inline(always)]
        fn from_working(
            w: usize,
            minute: u16,
            days: &[u16],
            dates: &[chrono::NaiveDate],
            t: &super::TimeTables,
        ) -> Option<Self> {
            // Past the last valid day when past its dates.
            dates.get(w)?;
            Some(Self::from_parts(*days.get(w)? as u32, minute, t))
        }
        /// For the scalar API on the error path.
        fn datetime(self) -> Option<chrono::NaiveDateTime>;
    }
}

/// The conversion tables a date loop borrows once per call.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub struct DateTables {
    dates: &'static [NaiveDate],
    ymd: &'static [i32],
    month: &'static [u32],
}

impl DateTables {
    #[inline(always)]
    pub(crate) fn get() -> DateTables {
        DateTables {
            dates: dates::dates(),
            ymd: dates::yyyymmdd_table(),
            month: dates::month_table(),
        }
    }
}

/// A form of dates the bulk calendar paths accept: [`NaiveDate`],
/// [`EpochDays`] (Arrow `date32`, Polars `Date`), [`EpochDays64`] (numpy
/// `datetime64[D]` as stored, read in place by the Python package) or
/// [`Yyyymmdd`] (the C API). Sealed: implemented only by these types.
pub trait BulkDate: sealed::Date {}

impl BulkDate for NaiveDate {}
impl BulkDate for EpochDays {}
impl BulkDate for EpochDays64 {}
impl BulkDate for Yyyymmdd {}

impl sealed::Date for NaiveDate {
    #[inline(always)]
    fn index(self, _: &DateTables) -> Option<i64> {
        Some(dates::index_of(self))
    }
    #[inline(always)]
    fn of_index(i: u32, t: &DateTables) -> Self {
        t.dates[i as usize]
    }
    fn date(self) -> Result<NaiveDate> {
        Ok(self)
    }
}

impl sealed::Date for EpochDays {
    #[inline(always)]
    fn index(self, _: &DateTables) -> Option<i64> {
        Some(EpochDays::index(self))
    }
    #[inline(always)]
    fn of_index(i: u32, _: &DateTables) -> Self {
        EpochDays::of_index(i)
    }
    fn date(self) -> Result<NaiveDate> {
        self.to_date().ok_or_else(|| {
            Error::out_of_coverage(format!(
                "day number {} (days since 1970-01-01) is not a date merzim can represent",
                self.0
            ))
        })
    }
}

impl sealed::Date for EpochDays64 {
    #[inline(always)]
    fn index(self, _: &DateTables) -> Option<i64> {
        Some(EpochDays64::index(self))
    }
    #[inline(always)]
    fn of_index(i: u32, _: &DateTables) -> Self {
        EpochDays64::of_index(i)
    }
    fn date(self) -> Result<NaiveDate> {
        if self == EpochDays64::NAT {
            return Err(Error::invalid_input(
                "NaT (not a time) is not a date: drop or fill missing dates first",
            ));
        }
        self.to_date().ok_or_else(|| {
            Error::out_of_coverage(format!(
                "day number {} (days since 1970-01-01) is not a date merzim can represent",
                self.0
            ))
        })
    }
}

impl sealed::Date for Yyyymmdd {
    #[inline(always)]
    fn as_yyyymmdd(s: &[Self]) -> Option<&[Yyyymmdd]> {
        Some(s)
    }
    #[inline(always)]
    fn as_yyyymmdd_mut(s: &mut [Self]) -> Option<&mut [Yyyymmdd]> {
        Some(s)
    }
    #[inline(always)]
    fn index(self, t: &DateTables) -> Option<i64> {
        dates::index_of_yyyymmdd_in(t.month, self.0)
    }
    #[inline(always)]
    fn of_index(i: u32, t: &DateTables) -> Self {
        Yyyymmdd(t.ymd[i as usize])
    }
    fn date(self) -> Result<NaiveDate> {
        self.to_date().ok_or_else(|| {
            Error::invalid_input(format!("{} is not a date in yyyymmdd form", self.0))
        })
    }
}

/// A form of local wall-clock instants the bulk office paths accept:
///
/// - [`NaiveDateTime`]: as everywhere in merzim (seconds are ignored, as in the
///   scalar API; 24:00 of a day is reported as 00:00 of the next date);
/// - [`LocalMinutes`]: minutes since 2000-01-01 00:00 local time, free of
///   calendar conversions;
/// - [`EpochMinutes`]: minutes since 1970-01-01 00:00 local time, numpy's
///   `datetime64[m]` as stored (read in place by the Python package).
///
/// Sealed: implemented only by these types.
pub trait BulkTime: sealed::Time {}

impl BulkTime for NaiveDateTime {}
impl BulkTime for LocalMinutes {}
impl BulkTime for EpochMinutes {}

impl sealed::Time for NaiveDateTime {
    #[inline(always)]
    fn to_parts(self) -> (i64, u16) {
        dates::parts_of(self)
    }
    #[inline(always)]
    fn from_parts(day: u32, minute: u16, t: &TimeTables) -> Self {
        dates::datetime_in(day, minute, t.dates, t.times)
    }
    #[inline(always)]
    fn from_working(
        w: usize,
        minute: u16,
        days: &[u16],
        working_dates: &[NaiveDate],
        t: &TimeTables,
    ) -> Option<Self> {
        let date = *working_dates.get(w)?;
        match t.times.get(minute as usize) {
            Some(&time) => Some(date.and_time(time)),
            // 24:00: 00:00 of the next date.
            None => Some(Self::from_parts(*days.get(w)? as u32, minute, t)),
        }
    }
    fn datetime(self) -> Option<NaiveDateTime> {
        Some(self)
    }
}

impl sealed::Time for LocalMinutes {
    #[inline(always)]
    fn to_parts(self) -> (i64, u16) {
        // Unsigned division for the instants that can be valid (a negative
        // one is before 2000-01-01, outside every calendar).
        match u64::try_from(self.0) {
            Ok(m) => ((m / 1440) as i64, (m % 1440) as u16),
            Err(_) => (self.0.div_euclid(1440), self.0.rem_euclid(1440) as u16),
        }
    }
    #[inline(always)]
    fn from_parts(day: u32, minute: u16, _: &TimeTables) -> Self {
        LocalMinutes(day as i64 * 1440 + minute as i64)
    }
    fn datetime(self) -> Option<NaiveDateTime> {
        self.to_datetime()
    }
}

impl sealed::Time for EpochMinutes {
    #[inline(always)]
    fn to_parts(self) -> (i64, u16) {
        sealed::Time::to_parts(self.to_local_minutes())
    }
    #[inline(always)]
    fn from_parts(day: u32, minute: u16, t: &TimeTables) -> Self {
        EpochMinutes::from_local_minutes(sealed::Time::from_parts(day, minute, t))
    }
    fn datetime(self) -> Option<NaiveDateTime> {
        self.to_datetime()
    }
}

/// Minutes of the local time line, for comparing instants as the scalar API
/// compares `NaiveDateTime`s (24:00 equals 00:00 of the next day).
#[inline(always)]
pub(crate) fn line(l: Local) -> i64 {
    l.day as i64 * 1440 + l.minute as i64
}

#[inline(always)]
pub(crate) fn to_local<T: BulkTime>(t: T, last: u32) -> Option<Local> {
    let (day, minute) = t.to_parts();
    if day < 0 || day > last as i64 {
        return None;
    }
    Some(Local {
        day: day as u32,
        minute,
    })
}

/// The instant of local time `l`, with the conversion tables the loop
/// borrowed once ([`TimeTables::get`]).
#[inline(always)]
pub(crate) fn from_local<T: BulkTime>(l: Local, t: &TimeTables) -> T {
    T::from_parts(l.day, l.minute, t)
}

/// The conversion tables an instant loop borrows once per call.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub struct TimeTables {
    dates: &'static [NaiveDate],
    times: &'static [chrono::NaiveTime],
}

impl TimeTables {
    #[inline(always)]
    pub(crate) fn get() -> TimeTables {
        TimeTables {
            dates: dates::dates(),
            times: dates::times(),
        }
    }
}

/// The error of item `k` at instant `t`, from the scalar API.
#[cold]
pub(crate) fn instant_error<T: BulkTime, R>(
    office: &crate::OfficeTime,
    k: usize,
    t: T,
    scalar: impl FnOnce(NaiveDateTime) -> Result<R>,
) -> BulkError {
    match t.datetime() {
        Some(n) => item_error(k, || scalar(n), || format!("computing from {n}")),
        None => {
            let (a, b) = office.calendar().valid_range();
            BulkError::new(
                k,
                Error::out_of_coverage(format!(
                    "the instant on day {} after 2000-01-01 is outside the calendar's coverage {a}..={b}",
                    t.to_parts().0
                )),
            )
        }
    }
}

// ---------------------------------------------------------------------------
// Parallel driver
// ---------------------------------------------------------------------------

/// Columns that can be cut in two at the same index.
#[cfg(feature = "rayon")]
pub(crate) trait Split: Sized + Send {
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
pub(crate) fn par_drive<S, F>(s: S, f: &F) -> BulkResult
where
    S: Split,
    F: Fn(S) -> BulkResult + Sync,
{
    fn go<S: Split, F: Fn(S) -> BulkResult + Sync>(s: S, offset: usize, f: &F) -> BulkResult {
        let len = s.len();
        if len <= GRAIN {
            return f(s).map_err(|e| e.shifted(offset));
        }
        let mid = len / 2;
        let (a, b) = s.split_at(mid);
        let (ra, rb) = rayon::join(|| go(a, offset, f), || go(b, offset + mid, f));
        ra.and(rb)
    }
    go(s, 0, f)
}

//! Every conversion between dates and the forms merzim reads and writes: day
//! indices (0 = 2000-01-01, up to 2100-12-31), `NaiveDate`, days since
//! 1970-01-01 ([`EpochDays`], [`EpochDays64`]), `yyyymmdd` integers
//! ([`Yyyymmdd`]) and local minutes since 2000-01-01 00:00 ([`LocalMinutes`])
//! or 1970-01-01 00:00 ([`EpochMinutes`]).
//!
//! Conversions go through tables built once per process: the hot paths of the
//! calendar and of the bulk APIs spend more time converting dates than counting.

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

/// Earliest and latest year the rules may be asked about (the provisional horizon).
pub(crate) const FIRST_YEAR: i32 = 2000;
pub(crate) const LAST_YEAR: i32 = 2100;

/// A local wall-clock instant as (day index, minute of day 0..=1440).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Local {
    pub day: u32,
    pub minute: u16,
}

const YEARS: usize = (LAST_YEAR - FIRST_YEAR + 1) as usize;

/// Leap years among 1..=y (proleptic Gregorian).
const fn leaps_through(y: i64) -> i64 {
    y.div_euclid(4) - y.div_euclid(100) + y.div_euclid(400)
}

/// Day index of 1 January of year `y` (any year).
const fn year_start(y: i64) -> i64 {
    (y - FIRST_YEAR as i64) * 365 + leaps_through(y - 1) - leaps_through(FIRST_YEAR as i64 - 1)
}

/// Days in the table: 2000-01-01 ..= 2100-12-31.
pub(crate) const DAYS: usize = year_start(LAST_YEAR as i64 + 1) as usize;

/// `num_days_from_ce` of 2000-01-01, day index 0.
const BASE_CE: i32 = 730_120;
/// Days from 1970-01-01 to 2000-01-01.
const EPOCH_TO_BASE: i64 = 10_957;

/// YEAR_START[y - 2000] = day index of 1 January of year y.
const YEAR_START: [i32; YEARS] = {
    let mut t = [0i32; YEARS];
    let mut k = 0;
    while k < YEARS {
        t[k] = year_start(FIRST_YEAR as i64 + k as i64) as i32;
        k += 1;
    }
    t
};

/// `date` as `YYYY-MM-DD`, what its `Display` writes, digit by digit for
/// years 0..=9999 (chrono's formatter is a large part of a batch line's time).
pub(crate) fn iso_date(date: NaiveDate) -> String {
    let mut out = String::with_capacity(10);
    push_iso_date(&mut out, date);
    out
}

/// [`iso_date`] appended to `out`.
pub(crate) fn push_iso_date(out: &mut String, date: NaiveDate) {
    let y = date.year();
    if !(0..=9999).contains(&y) {
        use std::fmt::Write;
        let _ = write!(out, "{date}");
        return;
    }
    let (y, m, d) = (y as u32, date.month(), date.day());
    let digit = |v: u32| b'0' + v as u8;
    let text = [
        digit(y / 1000),
        digit(y / 100 % 10),
        digit(y / 10 % 10),
        digit(y % 10),
        b'-',
        digit(m / 10),
        digit(m % 10),
        b'-',
        digit(d / 10),
        digit(d % 10),
    ];
    out.extend(text.iter().map(|&b| b as char));
}

/// Day index of `date` (negative or past the table for dates outside 2000–2100).
#[inline(always)]
pub(crate) fn index_of(date: NaiveDate) -> i64 {
    // year() and ordinal0() read chrono's packed representation.
    let y = date.year();
    match YEAR_START.get(y.wrapping_sub(FIRST_YEAR) as u32 as usize) {
        Some(&start) => start as i64 + date.ordinal0() as i64,
        None => year_start(y as i64) + date.ordinal0() as i64,
    }
}

/// Day index of `date` when it lies in the table.
#[inline(always)]
pub(crate) fn index_in_table(date: NaiveDate) -> Option<usize> {
    let i = index_of(date);
    (0..DAYS as i64).contains(&i).then_some(i as usize)
}

/// The first and last date of the table.
pub(crate) fn table_range() -> (NaiveDate, NaiveDate) {
    (date_of(0), date_of(DAYS as u32 - 1))
}

/// The weekday of day index `i` (2000-01-01 was a Saturday).
#[inline(always)]
pub(crate) fn weekday_of(i: u32) -> Weekday {
    match (i + 5) % 7 {
        0 => Weekday::Mon,
        1 => Weekday::Tue,
        2 => Weekday::Wed,
        3 => Weekday::Thu,
        4 => Weekday::Fri,
        5 => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

struct Tables {
    /// month[(y - 2000) * 100 + m] = (day index of the month's first day) << 8
    /// | days in the month; 0 for a month that does not exist (m = 0, m > 12).
    month: Vec<u32>,
    /// The date of every index (one past the end: 2101-01-01, for 24:00 of the last day).
    dates: Vec<NaiveDate>,
    /// The `yyyymmdd` of every index.
    ymd: Vec<i32>,
    /// The time of every minute of a day.
    times: Vec<NaiveTime>,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut dates = Vec::with_capacity(DAYS + 1);
        let mut ymd = Vec::with_capacity(DAYS);
        let mut month = vec![0u32; YEARS * 100];
        let mut d = NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1).unwrap_or_default();
        for i in 0..=DAYS {
            dates.push(d);
            if i < DAYS {
                ymd.push(d.year() * 10_000 + (d.month() * 100 + d.day()) as i32);
                let slot = (d.year() - FIRST_YEAR) as usize * 100 + d.month() as usize;
                if d.day() == 1 {
                    month[slot] = (i as u32) << 8;
                }
                month[slot] += 1;
            }
            d = d.succ_opt().unwrap_or(d);
        }
        let times = (0..1440)
            .map(|m| NaiveTime::from_hms_opt(m / 60, m % 60, 0).unwrap_or_default())
            .collect();
        Tables {
            month,
            dates,
            ymd,
            times,
        }
    })
}

/// The date of every index (and one past the last), for loops that convert many.
#[inline(always)]
pub(crate) fn dates() -> &'static [NaiveDate] {
    &tables().dates
}

/// The time of every minute of a day (0..1440), for loops that convert many.
#[inline(always)]
pub(crate) fn times() -> &'static [NaiveTime] {
    &tables().times
}

/// The `yyyymmdd` of every index, for loops that convert many.
#[inline(always)]
pub(crate) fn yyyymmdd_table() -> &'static [i32] {
    &tables().ymd
}

/// The month table of [`index_of_yyyymmdd_in`], for loops that convert many.
#[inline(always)]
pub(crate) fn month_table() -> &'static [u32] {
    &tables().month
}

/// The date of index `i` (`i <= DAYS`; later indices give 2101-01-01).
#[inline(always)]
pub(crate) fn date_of(i: u32) -> NaiveDate {
    let d = dates();
    d[(i as usize).min(d.len() - 1)]
}

/// The day index of a `yyyymmdd` integer, `None` unless it is a real date in
/// 2000–2100; `month` is [`month_table`].
#[inline(always)]
pub(crate) fn index_of_yyyymmdd_in(month: &[u32], v: i32) -> Option<i64> {
    let ym = (v / 100).wrapping_sub(FIRST_YEAR * 100);
    let d = v % 100;
    let m = *month.get(usize::try_from(ym).ok()?)?;
    let len = (m & 0xff) as i32;
    (d >= 1 && d <= len).then(|| (m >> 8) as i64 + d as i64 - 1)
}

/// The date of a `yyyymmdd` integer, any year chrono knows.
fn date_of_yyyymmdd(v: i32) -> Option<NaiveDate> {
    if v <= 0 {
        return None;
    }
    NaiveDate::from_ymd_opt(v / 10_000, (v / 100 % 100) as u32, (v % 100) as u32)
}

/// The `yyyymmdd` integer of a date (years 1..=9999 fit an `i32` this way).
fn yyyymmdd_of(d: NaiveDate) -> i32 {
    d.year() * 10_000 + d.month() as i32 * 100 + d.day() as i32
}

/// The date of a day count since 1970-01-01, any day chrono knows.
fn date_of_epoch_days(d: i32) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(d.checked_add(BASE_CE - EPOCH_TO_BASE as i32)?)
}

/// A date as a count of days since 1970-01-01: the representation of numpy's
/// `datetime64[D]`, Arrow's `date32` and Polars' `Date` (2026-03-20 is 20532).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[repr(transparent)]
pub struct EpochDays(pub i32);

/// A date as a 64-bit count of days since 1970-01-01: numpy's `datetime64[D]`
/// as stored (2026-03-20 is 20532; `NaT` is `i64::MIN`), for bindings that
/// read such columns in place. The same dates as [`EpochDays`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[repr(transparent)]
pub struct EpochDays64(pub i64);

/// A local wall-clock instant as minutes since 1970-01-01 00:00 in the
/// office's zone: numpy's `datetime64[m]` of a naive local time as stored
/// (`NaT` is `i64::MIN`). [`LocalMinutes`] shifted by 10,957 days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[repr(transparent)]
pub struct EpochMinutes(pub i64);

/// A date as the integer `yyyymmdd` (20260320 is 2026-03-20): the form of the
/// C API and of many legacy databases.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[repr(transparent)]
pub struct Yyyymmdd(pub i32);

/// A local wall-clock instant as minutes since 2000-01-01 00:00 in the
/// office's zone (2026-03-20 16:30 is `9_575 * 1440 + 990`): the raw form of
/// the bulk paths, free of calendar conversions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[repr(transparent)]
pub struct LocalMinutes(pub i64);

impl From<NaiveDate> for EpochDays {
    fn from(d: NaiveDate) -> EpochDays {
        EpochDays(d.num_days_from_ce() - BASE_CE + EPOCH_TO_BASE as i32)
    }
}

impl EpochDays {
    /// The date, when it is one chrono can represent.
    pub fn to_date(self) -> Option<NaiveDate> {
        date_of_epoch_days(self.0)
    }

    /// Day index, unchecked.
    #[inline(always)]
    pub(crate) fn index(self) -> i64 {
        self.0 as i64 - EPOCH_TO_BASE
    }

    #[inline(always)]
    pub(crate) fn of_index(i: u32) -> EpochDays {
        EpochDays((i as i64 + EPOCH_TO_BASE) as i32)
    }
}

impl From<NaiveDate> for EpochDays64 {
    fn from(d: NaiveDate) -> EpochDays64 {
        EpochDays64(EpochDays::from(d).0 as i64)
    }
}

impl EpochDays64 {
    /// numpy's `NaT` (not a time) as stored in a `datetime64` column.
    pub const NAT: EpochDays64 = EpochDays64(i64::MIN);

    /// The date, when it is one chrono can represent.
    pub fn to_date(self) -> Option<NaiveDate> {
        date_of_epoch_days(i32::try_from(self.0).ok()?)
    }

    /// Day index, unchecked (saturating, so `NaT` stays far out of range).
    #[inline(always)]
    pub(crate) fn index(self) -> i64 {
        self.0.saturating_sub(EPOCH_TO_BASE)
    }

    #[inline(always)]
    pub(crate) fn of_index(i: u32) -> EpochDays64 {
        EpochDays64(i as i64 + EPOCH_TO_BASE)
    }
}

impl From<NaiveDateTime> for EpochMinutes {
    fn from(t: NaiveDateTime) -> EpochMinutes {
        EpochMinutes(LocalMinutes::from(t).0 + EPOCH_TO_BASE * 1440)
    }
}

impl EpochMinutes {
    /// numpy's `NaT` (not a time) as stored in a `datetime64` column.
    pub const NAT: EpochMinutes = EpochMinutes(i64::MIN);

    /// The same instant as minutes since 2000-01-01 00:00 (saturating).
    #[inline(always)]
    pub fn to_local_minutes(self) -> LocalMinutes {
        LocalMinutes(self.0.saturating_sub(EPOCH_TO_BASE * 1440))
    }

    /// The same instant as minutes since 1970-01-01 00:00 (saturating).
    #[inline(always)]
    pub fn from_local_minutes(m: LocalMinutes) -> EpochMinutes {
        EpochMinutes(m.0.saturating_add(EPOCH_TO_BASE * 1440))
    }

    /// The local date and time, when chrono can represent it.
    pub fn to_datetime(self) -> Option<NaiveDateTime> {
        if self == EpochMinutes::NAT {
            return None;
        }
        self.to_local_minutes().to_datetime()
    }
}

impl From<NaiveDate> for Yyyymmdd {
    fn from(d: NaiveDate) -> Yyyymmdd {
        Yyyymmdd(yyyymmdd_of(d))
    }
}

impl Yyyymmdd {
    /// The date, when the integer is a real date.
    pub fn to_date(self) -> Option<NaiveDate> {
        date_of_yyyymmdd(self.0)
    }
}

impl From<NaiveDateTime> for LocalMinutes {
    fn from(t: NaiveDateTime) -> LocalMinutes {
        let (day, minute) = parts_of(t);
        LocalMinutes(day * 1440 + minute as i64)
    }
}

impl LocalMinutes {
    /// The local date and time, when chrono can represent it.
    pub fn to_datetime(self) -> Option<NaiveDateTime> {
        let base = date_of(0).and_time(NaiveTime::MIN);
        base.checked_add_signed(chrono::TimeDelta::try_minutes(self.0)?)
    }
}

/// (day index, minute of day) of a local time; seconds are dropped.
#[inline(always)]
pub(crate) fn parts_of(t: NaiveDateTime) -> (i64, u16) {
    use chrono::Timelike;
    // One division by a constant (hour() and minute() make two).
    (
        index_of(t.date()),
        (t.time().num_seconds_from_midnight() / 60) as u16,
    )
}

/// The local time at day index `day` (`day < DAYS`) and minute `minute`
/// (0..=1440; 1440 is reported as 00:00 of the next date), with the tables
/// ([`dates`], [`times`]) borrowed by the caller once per loop.
#[inline(always)]
pub(crate) fn datetime_in(
    day: u32,
    minute: u16,
    dates: &[NaiveDate],
    times: &[NaiveTime],
) -> NaiveDateTime {
    let (day, minute) = if minute >= 1440 {
        (day + 1, minute - 1440)
    } else {
        (day, minute)
    };
    let date = dates
        .get(day as usize)
        .or(dates.last())
        .copied()
        .unwrap_or_default();
    date.and_time(times.get(minute as usize).copied().unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_date_is_display() {
        let mut d = NaiveDate::from_ymd_opt(1999, 12, 1).unwrap();
        while d < NaiveDate::from_ymd_opt(2102, 1, 1).unwrap() {
            assert_eq!(iso_date(d), d.to_string());
            d = d.succ_opt().unwrap();
        }
        for d in [
            NaiveDate::MIN,
            NaiveDate::MAX,
            NaiveDate::from_ymd_opt(0, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(9999, 12, 31).unwrap(),
            NaiveDate::from_ymd_opt(10000, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(-1, 12, 31).unwrap(),
        ] {
            assert_eq!(iso_date(d), d.to_string());
        }
    }

    #[test]
    fn conversions_agree_with_chrono() {
        let base = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
        assert_eq!(DAYS, dates().len() - 1);
        for i in 0..DAYS as u32 {
            let d = base + chrono::Days::new(i as u64);
            assert_eq!(date_of(i), d);
            assert_eq!(index_of(d), i as i64);
            assert_eq!(weekday_of(i), d.weekday());
            let v = yyyymmdd_table()[i as usize];
            assert_eq!(v, d.year() * 10_000 + (d.month() * 100 + d.day()) as i32);
            assert_eq!(v, yyyymmdd_of(d));
            assert_eq!(date_of_yyyymmdd(v), Some(d));
            assert_eq!(index_of_yyyymmdd_in(month_table(), v), Some(i as i64));
            let e = EpochDays::from(d);
            assert_eq!(e.to_date(), Some(d));
            assert_eq!(e.index(), i as i64);
            assert_eq!(EpochDays::of_index(i), e);
        }
        assert_eq!(
            date_of(DAYS as u32),
            NaiveDate::from_ymd_opt(2101, 1, 1).unwrap()
        );
        assert_eq!(index_of(NaiveDate::from_ymd_opt(1999, 12, 31).unwrap()), -1);
        assert_eq!(
            EpochDays::from(NaiveDate::from_ymd_opt(2026, 3, 20).unwrap()),
            EpochDays(20532)
        );
        for bad in [
            20260230,
            20250229,
            20261301,
            20260001,
            20260100,
            19991231,
            21010101,
            0,
            -20260101,
            2026031,
            i32::MIN,
            i32::MAX,
        ] {
            assert_eq!(index_of_yyyymmdd_in(month_table(), bad), None, "{bad}");
        }
        let t = NaiveDate::from_ymd_opt(2026, 3, 20)
            .unwrap()
            .and_hms_opt(16, 30, 0)
            .unwrap();
        assert_eq!(LocalMinutes::from(t), LocalMinutes(9_575 * 1440 + 990));
        assert_eq!(EpochMinutes::from(t), EpochMinutes((20_532) * 1440 + 990));
        assert_eq!(EpochMinutes::from(t).to_datetime(), Some(t));
        assert_eq!(EpochMinutes::NAT.to_datetime(), None);
        assert_eq!(EpochDays64::from(t.date()), EpochDays64(20532));
        assert_eq!(EpochDays64(20532).to_date(), Some(t.date()));
        assert_eq!(EpochDays64::NAT.to_date(), None);
        assert_eq!(EpochDays64::NAT.index(), i64::MIN);
        assert_eq!(LocalMinutes::from(t).to_datetime(), Some(t));
        assert_eq!(datetime_in(9_575, 990, dates(), times()), t);
        assert_eq!(
            datetime_in(9_575, 1440, dates(), times()),
            t.date().succ_opt().unwrap().and_time(NaiveTime::MIN)
        );
    }
}

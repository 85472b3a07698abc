//! Day indices (0 = 2000-01-01, up to 2100-12-31) and their conversions to and
//! from `NaiveDate` and `yyyymmdd` integers, by table: the hot paths of the
//! calendar and the bulk APIs spend more time converting dates than counting.

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, NaiveTime};

use crate::data::{FIRST_YEAR, LAST_YEAR};

const YEARS: usize = (LAST_YEAR - FIRST_YEAR + 1) as usize;

/// Leap years among 1..=y (proleptic Gregorian).
const fn leaps_through(y: i64) -> i64 {
    y.div_euclid(4) - y.div_euclid(100) + y.div_euclid(400)
}

/// YEAR_START[y - 2000] = day index of 1 January of year y.
const YEAR_START: [i32; YEARS] = {
    let mut t = [0i32; YEARS];
    let mut k = 0;
    while k < YEARS {
        let y = FIRST_YEAR as i64 + k as i64;
        t[k] = ((y - FIRST_YEAR as i64) * 365 + leaps_through(y - 1)
            - leaps_through(FIRST_YEAR as i64 - 1)) as i32;
        k += 1;
    }
    t
};

/// Day index of `date` (negative or past the table for dates outside 2000–2100).
#[inline(always)]
pub(crate) fn index_of(date: NaiveDate) -> i64 {
    // year() and ordinal0() read chrono's packed representation.
    let y = date.year();
    match YEAR_START.get(y.wrapping_sub(FIRST_YEAR) as u32 as usize) {
        Some(&start) => start as i64 + date.ordinal0() as i64,
        None => {
            let y = y as i64;
            (y - FIRST_YEAR as i64) * 365 + leaps_through(y - 1)
                - leaps_through(FIRST_YEAR as i64 - 1)
                + date.ordinal0() as i64
        }
    }
}

struct Tables {
    /// month_start[(y - 2000) * 12 + (m - 1)] = day index of the month's first day;
    /// one extra entry closes the last month.
    month_start: Vec<u16>,
    /// The date of every index.
    dates: Vec<NaiveDate>,
    /// The `yyyymmdd` of every index.
    ymd: Vec<i32>,
    /// The time of every minute of a day.
    times: Vec<NaiveTime>,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let first = NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1).expect("valid");
        let mut dates = Vec::with_capacity(YEARS * 366);
        let mut ymd = Vec::with_capacity(YEARS * 366);
        let mut month_start = Vec::with_capacity(YEARS * 12 + 1);
        let mut d = first;
        while d.year() <= LAST_YEAR {
            if d.day() == 1 {
                month_start.push(dates.len() as u16);
            }
            dates.push(d);
            ymd.push(d.year() * 10_000 + (d.month() * 100 + d.day()) as i32);
            d = d.succ_opt().expect("within chrono's range");
        }
        month_start.push(dates.len() as u16);
        let times = (0..1440)
            .map(|m| NaiveTime::from_hms_opt(m / 60, m % 60, 0).expect("minute < 1440"))
            .collect();
        Tables {
            month_start,
            dates,
            ymd,
            times,
        }
    })
}

/// The date of every index, for loops that convert many.
pub(crate) fn dates() -> &'static [NaiveDate] {
    &tables().dates
}

/// The time of every minute of a day (0..1440), for loops that convert many.
pub(crate) fn times() -> &'static [NaiveTime] {
    &tables().times
}

/// The `yyyymmdd` of every index, for loops that convert many.
pub(crate) fn yyyymmdd_table() -> &'static [i32] {
    &tables().ymd
}

/// The date of index `i` (`i < len()`).
#[inline(always)]
pub(crate) fn date_of(i: u32) -> NaiveDate {
    tables().dates[i as usize]
}

/// The month-start table, for loops that convert many `yyyymmdd` values.
pub(crate) fn month_starts() -> &'static [u16] {
    &tables().month_start
}

/// The day index of a `yyyymmdd` integer, `None` unless it is a real date in
/// 2000–2100 (callers tell the two apart with chrono on their error path); `ms`
/// is [`month_starts`].
#[inline(always)]
pub(crate) fn index_of_yyyymmdd_in(ms: &[u16], v: i32) -> Option<i64> {
    let (y, md) = (v / 10_000, v % 10_000);
    let (m, d) = (md / 100, md % 100);
    let ym = (y - FIRST_YEAR) as i64 * 12 + (m - 1) as i64;
    if !(0..(YEARS * 12) as i64).contains(&ym) || !(1..=12).contains(&m) || d < 1 {
        return None;
    }
    let (start, next) = (
        *ms.get(ym as usize)? as i64,
        *ms.get(ym as usize + 1)? as i64,
    );
    let i = start + d as i64 - 1;
    (i < next).then_some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions_agree_with_chrono() {
        let base = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
        for i in 0..dates().len() as u32 {
            let d = base + chrono::Days::new(i as u64);
            assert_eq!(date_of(i), d);
            assert_eq!(index_of(d), i as i64);
            let v = yyyymmdd_table()[i as usize];
            assert_eq!(v, yyyymmdd_table()[i as usize]);
            assert_eq!(v, d.year() * 10_000 + (d.month() * 100 + d.day()) as i32);
            assert_eq!(index_of_yyyymmdd_in(month_starts(), v), Some(i as i64));
        }
        assert_eq!(index_of(NaiveDate::from_ymd_opt(1999, 12, 31).unwrap()), -1);
        for bad in [
            20260230, 20250229, 20261301, 20260001, 20260100, 19991231, 21010101, 0, -20260101,
            2026031,
        ] {
            assert_eq!(index_of_yyyymmdd_in(month_starts(), bad), None, "{bad}");
        }
        assert_eq!(
            index_of_yyyymmdd_in(month_starts(), 20240229),
            Some(index_of(NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()))
        );
    }
}

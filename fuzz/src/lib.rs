//! Helpers shared by the fuzz targets: the calendars and office tables built
//! once per process, and the checks every target makes.

use std::sync::OnceLock;

use chrono::{NaiveDate, NaiveDateTime};
use merzim::{Calendar, Horizon, OfficeTime, Schedule, Week};

/// The embedded calendar, five-day week.
pub fn calendar() -> &'static Calendar {
    static C: OnceLock<Calendar> = OnceLock::new();
    C.get_or_init(Calendar::kazakhstan)
}

/// Every embedded calendar: both weeks, every horizon.
pub fn calendars() -> &'static [Calendar] {
    static C: OnceLock<Vec<Calendar>> = OnceLock::new();
    C.get_or_init(|| {
        let mut v = Vec::new();
        for w in Week::ALL {
            let c = calendar().with_week(*w).expect("embedded data, both weeks");
            for h in Horizon::ALL {
                v.push(c.with_horizon(*h));
            }
        }
        v
    })
}

/// Office tables of the state body and the State Corporation on `calendars()`.
pub fn offices() -> &'static [OfficeTime] {
    static O: OnceLock<Vec<OfficeTime>> = OnceLock::new();
    O.get_or_init(|| {
        let mut v = Vec::new();
        for c in calendars() {
            for s in [Schedule::state_body(), Schedule::state_corporation()] {
                v.push(OfficeTime::new(c, s).expect("standard schedules"));
            }
        }
        v
    })
}

/// A date from a number: the calendar's years and a little beyond them
/// (1990..2110), so that the edges of coverage are hit often.
pub fn date_near_coverage(x: u32) -> NaiveDate {
    let base = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap();
    base + chrono::Days::new((x % 43_830) as u64)
}

/// An instant from a number: a date as [`date_near_coverage`], any minute.
pub fn instant_near_coverage(x: u32, minute: u16) -> NaiveDateTime {
    date_near_coverage(x).and_time(chrono::NaiveTime::MIN)
        + chrono::Duration::minutes((minute % 1440) as i64)
}

/// A cheap hash of the input, to pick dates and options from it.
pub fn seed(data: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in data {
        h = (h ^ b as u32).wrapping_mul(0x0100_0193);
    }
    h
}

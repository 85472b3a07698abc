//! The one form of the calendar the library does not write yet: a year's
//! JSON envelope (CSV and iCalendar come from [`merzim::export`], 1C XML from
//! [`merzim::onec`]).
//!
//! ADAPTER, to move into the library: the CLI's `calendar --json`
//! (examples/merzim/calendar.rs, `CalendarJson`) writes the same envelope
//! with its own struct; once the library offers it, both faces should call it.

use chrono::NaiveDate;
use merzim::{Calendar, Day, Week};
use serde::Serialize;

/// A year's calendar: the days as the library serialises them (the CLI's
/// `calendar --json` form).
#[derive(Serialize)]
pub struct CalendarYear<'a> {
    /// The year.
    pub year: i32,
    /// The working week.
    pub week: Week,
    /// The date of the newest act the data knows.
    pub data_as_of: Option<NaiveDate>,
    /// The date the calendar is known on (`None`: now).
    pub as_known_on: Option<NaiveDate>,
    /// The days.
    pub days: &'a [Day],
}

impl<'a> CalendarYear<'a> {
    /// The year `year` of `cal`.
    pub fn new(cal: &Calendar, year: i32, days: &'a [Day]) -> CalendarYear<'a> {
        CalendarYear {
            year,
            week: cal.week(),
            data_as_of: cal.data_as_of(),
            as_known_on: cal.known_on(),
            days,
        }
    }
}

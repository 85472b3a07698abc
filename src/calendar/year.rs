//! A year at once: every day, the days off with their names and kinds (what
//! users of python-holidays reach for), and the special days.

use chrono::{Datelike, NaiveDate};

use super::{Calendar, Day, DayKind};
use crate::Result;

impl Calendar {
    /// Every day of `year`, in date order.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::OutOfCoverage`](crate::ErrorKind::OutOfCoverage) when a
    /// day of the year is outside [`valid_range`](Calendar::valid_range).
    pub fn year_days(&self, year: i32) -> Result<Vec<Day>> {
        let first = NaiveDate::from_ymd_opt(year, 1, 1).ok_or_else(|| super::no_year(year))?;
        first
            .iter_days()
            .take_while(|d| d.year() == year)
            .map(|d| self.day(d))
            .collect()
    }

    /// The days off of `year` that have a name: public holidays (also on a
    /// weekend), religious days off, substitute days, days off moved or
    /// declared by an act. Ordinary weekends are left out.
    ///
    /// ```
    /// use merzim::{Calendar, DayKind, Lang};
    /// let off = Calendar::kazakhstan().days_off(2026)?;
    /// let nauryz = off.iter().find(|d| d.date.to_string() == "2026-03-23").unwrap();
    /// assert_eq!(nauryz.kind, DayKind::Holiday);
    /// assert_eq!(nauryz.names.as_ref().unwrap().get(Lang::En), "Nauryz");
    /// assert!(off.iter().all(|d| !d.working));
    /// # Ok::<(), merzim::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`year_days`](Calendar::year_days).
    pub fn days_off(&self, year: i32) -> Result<Vec<Day>> {
        Ok(self
            .special_days(year)?
            .into_iter()
            .filter(|d| !d.working)
            .collect())
    }

    /// The days of `year` that are neither ordinary working days nor ordinary
    /// weekends: the [`days_off`](Calendar::days_off) and the weekend days
    /// made working by an act.
    ///
    /// # Errors
    ///
    /// As [`year_days`](Calendar::year_days).
    pub fn special_days(&self, year: i32) -> Result<Vec<Day>> {
        Ok(self
            .year_days(year)?
            .into_iter()
            .filter(|d| !matches!(d.kind, DayKind::Working | DayKind::Weekend))
            .collect())
    }
}

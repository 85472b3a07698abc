//! The other date of a swap: the date a moved day off, a worked day or a
//! substitute day off stands for. Exchange formats that pair the two dates of
//! a transfer (1C's business calendar classifier, `SwapDate`) need it.

use chrono::NaiveDate;

use super::day::{DayKind, Detail};
use super::Calendar;
use crate::Result;

impl Calendar {
    /// The date `date` was swapped with: for a transferred day off, the day
    /// worked instead; for a working weekend (or transferred working day), the
    /// day off it stands for; for a substitute day off, the holiday it
    /// replaces. `None` for every other day.
    ///
    /// ```
    /// use merzim::DayKind;
    /// let cal = merzim::Calendar::kazakhstan();
    /// let days = cal.year_days(2024)?;
    /// let worked = days.iter().find(|d| d.kind == DayKind::WorkingWeekend).unwrap();
    /// let off = cal.swap_date(worked.date)?.unwrap();
    /// assert_eq!(cal.day_kind(off)?, DayKind::TransferredDayOff);
    /// assert_eq!(cal.swap_date(off)?, Some(worked.date));
    /// assert_eq!(cal.swap_date(days[1].date)?, None);
    /// # Ok::<(), merzim::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::OutOfCoverage`](crate::ErrorKind::OutOfCoverage) for a
    /// date outside [`valid_range`](Calendar::valid_range).
    pub fn swap_date(&self, date: NaiveDate) -> Result<Option<NaiveDate>> {
        let i = self.index(date)?;
        if matches!(self.kind_at(i), DayKind::Working | DayKind::Weekend) {
            return Ok(None);
        }
        Ok(match self.detail_at(i) {
            Some(Detail::Substitute(_, d))
            | Some(Detail::MovedOff(_, d))
            | Some(Detail::Worked(_, d)) => Some(crate::dates::date_of(d)),
            _ => None,
        })
    }
}

//! [`OfficeTime::sla_status`]: where a case stands at an instant.

use chrono::NaiveDateTime;

use super::{Local, OfficeTime};
use crate::bulk::line;
use crate::legal::LegalOptions;
use crate::sla::SlaStatus;
use crate::term::{Term, Unit};
use crate::Result;

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
    ///
    /// # Errors
    ///
    /// As [`legal_due`](OfficeTime::legal_due); also when `now` lies outside the
    /// calendar's range.
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

    pub(crate) fn sla_local(
        &self,
        s: Local,
        term: Term,
        o: LegalOptions,
        now: Local,
    ) -> Result<SlaStatus> {
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
}

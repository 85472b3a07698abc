//! Where a case stands at an instant: the [`SlaStatus`] type,
//! [`OfficeTime::sla_status`] and its bulk forms.

use chrono::NaiveDateTime;

use crate::bulk::{check_lengths, instant_error, line, to_local, BulkError, BulkResult, BulkTime};
use crate::dates::Local;
use crate::legal::LegalOptions;
use crate::office::OfficeTime;
use crate::term::{Term, Unit};
use crate::Result;

/// Where a case stands at an instant `now` ([`OfficeTime::sla_status`](crate::OfficeTime::sla_status)).
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
#[non_exhaustive]
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
}

impl OfficeTime {
    /// [`sla_status`](OfficeTime::sla_status) for every case at one `now`,
    /// written to `out[k]`; columns as in
    /// [`legal_due_bulk_each`](OfficeTime::legal_due_bulk_each). `T` as in
    /// [`legal_due_bulk`](OfficeTime::legal_due_bulk). No allocation.
    ///
    /// # Errors
    ///
    /// A [`BulkError`](crate::BulkError): columns of different lengths, `now` outside coverage
    /// (index 0), or the first failing item with its index.
    pub fn sla_status_bulk<T: BulkTime>(
        &self,
        submitted: &[T],
        terms: &[Term],
        options: &[LegalOptions],
        now: NaiveDateTime,
        out: &mut [SlaStatus],
    ) -> BulkResult {
        check_lengths(
            &["submitted", "terms", "options", "out"],
            &[submitted.len(), terms.len(), options.len(), out.len()],
        )?;
        let now_l = self.local(now).map_err(|e| BulkError::new(0, e))?;
        let last = self.calendar().valid_last();
        for (k, (((&s, &term), &o), out)) in submitted
            .iter()
            .zip(terms)
            .zip(options)
            .zip(out.iter_mut())
            .enumerate()
        {
            match to_local(s, last).map(|l| self.sla_local(l, term, o, now_l)) {
                Some(Ok(v)) => *out = v,
                Some(Err(error)) => return Err(BulkError::new(k, error)),
                None => {
                    return Err(instant_error(self, k, s, |n| {
                        self.sla_status(n, term, o, now)
                    }))
                }
            }
        }
        Ok(())
    }

    /// [`sla_status_bulk`](OfficeTime::sla_status_bulk) on rayon's thread pool.
    ///
    /// # Errors
    ///
    /// As [`sla_status_bulk`](OfficeTime::sla_status_bulk).
    #[cfg(feature = "rayon")]
    pub fn par_sla_status_bulk<T: BulkTime>(
        &self,
        submitted: &[T],
        terms: &[Term],
        options: &[LegalOptions],
        now: NaiveDateTime,
        out: &mut [SlaStatus],
    ) -> BulkResult {
        check_lengths(
            &["submitted", "terms", "options", "out"],
            &[submitted.len(), terms.len(), options.len(), out.len()],
        )?;
        crate::bulk::par_drive(((submitted, terms), (options, out)), &|(
            (s, t),
            (o, out),
        )| {
            self.sla_status_bulk(s, t, o, now, out)
        })
    }
}

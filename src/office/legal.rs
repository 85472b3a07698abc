//! The legal rules of RULES.md §5 on office time: registration, start rules,
//! channels, last day, close of business or 24:00, result handoff, storage at
//! the centre.

use chrono::{Months, NaiveDate, NaiveDateTime};

use super::{Local, OfficeTime};
use crate::legal::{Channel, LegalDue, LegalOptions, StartRule, Storage, StoredRequest, TermEnd};
use crate::term::{Term, Unit};
use crate::{Error, Result};

/// Internal form of a legal due.
#[derive(Clone, Copy, Debug)]
pub(crate) struct DueLocal {
    pub registered: u32,
    pub day_one: Option<u32>,
    pub last_day: u32,
    pub due: Local,
    pub handoff: Option<Local>,
}

impl OfficeTime {
    /// RULES.md §5 registration: the date of `s` if it is a working day and `s`
    /// is before its close of business, else the next working day.
    #[inline]
    pub(crate) fn registration_local(&self, s: Local) -> Result<u32> {
        let cal = self.calendar();
        if cal.working_at(s.day) && s.minute < self.cob(s.day).minute {
            return Ok(s.day);
        }
        cal.add_working_days_index(s.day, 1)
            .ok_or_else(|| self.beyond(s, "registering a submission"))
    }

    /// Where office-time counting starts for a submission at `s` on `channel`
    /// (RULES.md §5, §6, §7.4): the first office instant at or after `s`; for
    /// `state_corporation`, the opening of the first working day after the
    /// acceptance date.
    #[inline]
    pub(crate) fn counting_start_local(&self, s: Local, channel: Channel) -> Result<Local> {
        if channel == Channel::StateCorporation {
            let d1 = self
                .calendar()
                .add_working_days_index(s.day, 1)
                .ok_or_else(|| self.beyond(s, "finding day 1"))?;
            Ok(self.opening(d1))
        } else {
            self.first_office_local(s)
        }
    }

    /// The registration date of a submission at `s` (RULES.md §5).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::OutOfCoverage`](crate::ErrorKind::OutOfCoverage) when `s` or the registration date lies outside the calendar's range.
    pub fn registration_date(&self, s: NaiveDateTime) -> Result<NaiveDate> {
        let l = self.local(s)?;
        Ok(self.calendar().date_of(self.registration_local(l)?))
    }

    /// The legal term `term` for a submission at local instant `submitted`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use merzim::{Calendar, Channel, LegalOptions, OfficeTime, Schedule, Term};
    /// let office = OfficeTime::new(&Calendar::kazakhstan(), Schedule::state_body())?;
    /// let s = NaiveDate::from_ymd_opt(2026, 3, 20).unwrap().and_hms_opt(16, 30, 0).unwrap();
    /// let due = office.legal_due(s, "22 working days".parse()?, LegalOptions::default())?;
    /// assert_eq!(due.due.to_string(), "2026-04-23 18:30:00");
    /// let sc = LegalOptions { channel: Channel::StateCorporation, ..Default::default() };
    /// assert_eq!(office.legal_due(s, "22 working days".parse()?, sc)?.due.to_string(), "2026-04-24 18:30:00");
    /// # Ok::<(), merzim::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) for a term of 0 days or months; [`ErrorKind::OutOfCoverage`](crate::ErrorKind::OutOfCoverage)
    /// when the submission or any day the term needs lies outside the calendar's
    /// range (the message names the date and the range).
    pub fn legal_due(
        &self,
        submitted: NaiveDateTime,
        term: Term,
        options: LegalOptions,
    ) -> Result<LegalDue> {
        let s = self.local(submitted)?;
        let d = self.legal_due_local(s, term, options)?;
        let cal = self.calendar();
        let due = self.naive(d.due);
        let first = cal.date_of(d.registered.min(s.day));
        // A due at 24:00 (00:00 of the next date) rests on the day it ends,
        // not on the next date.
        let last = cal.date_of(d.due.day.max(d.last_day));
        Ok(LegalDue {
            registered: cal.date_of(d.registered),
            day_one: d.day_one.map(|i| cal.date_of(i)),
            last_day: cal.date_of(d.last_day),
            due,
            handoff: d.handoff.map(|h| self.naive(h)),
            provisional: cal.provisional_between(first, last),
            zone: self.zone(),
        })
    }

    #[inline]
    pub(crate) fn legal_due_local(
        &self,
        s: Local,
        term: Term,
        o: LegalOptions,
    ) -> Result<DueLocal> {
        let cal = self.calendar();
        let n = term.amount();
        let beyond = || self.beyond(s, &format!("a term of {term}"));
        let sc = o.channel == Channel::StateCorporation;
        // A legal term is at least 1 in every unit: "0 minutes" would give a
        // due before registration (a regulation STEP of 0 stays valid: that is
        // `advance`/`step`, not this function).
        if n == 0 {
            return Err(Error::invalid_input(format!(
                "a legal term of {term} is invalid: a term must be at least 1"
            )));
        }
        if let Some(m) = term.office_minutes() {
            // §7.4: office time from the submitted instant; state_corporation: from
            // the opening of the first working day after the acceptance date.
            let (registered, from) = if sc {
                (s.day, self.counting_start_local(s, o.channel)?)
            } else {
                (self.registration_local(s)?, s)
            };
            let due = self.advance_local(from, m)?;
            return Ok(DueLocal {
                registered,
                day_one: None,
                last_day: due.day,
                due,
                handoff: None,
            });
        }
        let registered = if sc {
            s.day
        } else {
            self.registration_local(s)?
        };
        // Day 1.
        let calendar_like = matches!(term.unit(), Unit::CalendarDays | Unit::Months);
        let shift = sc || o.start == StartRule::NextDay;
        let day_one = if !shift {
            registered
        } else if calendar_like {
            registered + 1
        } else {
            cal.add_working_days_index(registered, 1)
                .ok_or_else(beyond)?
        };
        if day_one > cal.valid_last() {
            return Err(beyond());
        }
        // Last day.
        let last_day = match term.unit() {
            Unit::WorkingDays => cal
                .add_working_days_index(day_one, n as i32 - 1)
                .ok_or_else(beyond)?,
            Unit::CalendarDays => {
                let nominal = day_one as u64 + n as u64 - 1;
                if nominal > cal.valid_last() as u64 {
                    return Err(beyond());
                }
                cal.add_working_days_index(nominal as u32, 0)
                    .ok_or_else(beyond)?
            }
            Unit::Months => {
                // Civil Code art. 174: the same day number of the month (or the
                // month's last day), counted from the day before day 1.
                let from = cal.date_of(day_one) - chrono::Days::new(1);
                let nominal = from.checked_add_months(Months::new(n)).ok_or_else(beyond)?;
                let i = cal.index(nominal).map_err(|_| beyond())?;
                cal.add_working_days_index(i, 0).ok_or_else(beyond)?
            }
            Unit::Minutes | Unit::Hours => unreachable!("handled above"),
        };
        let due = match o.end {
            TermEnd::CloseOfBusiness => self.cob(last_day),
            TermEnd::Midnight => Local {
                day: last_day,
                minute: 1440,
            },
        };
        let handoff = if sc && !(term.unit() == Unit::WorkingDays && n == 1) {
            let h = cal
                .add_working_days_index(last_day, -1)
                .ok_or_else(beyond)?;
            Some(self.cob(h))
        } else {
            None
        };
        Ok(DueLocal {
            registered,
            day_one: Some(day_one),
            last_day,
            due,
            handoff,
        })
    }
}

impl OfficeTime {
    /// How long the centre keeps a result whose term expired at `due`:
    /// `keep` after the due date (the regulations say one month).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) for a period that is not in months or calendar
    /// days; [`ErrorKind::OutOfCoverage`](crate::ErrorKind::OutOfCoverage) as for [`legal_due`](OfficeTime::legal_due).
    pub fn storage(&self, due: NaiveDateTime, keep: Term) -> Result<Storage> {
        let t = self.local(due)?;
        let step = match keep.unit() {
            Unit::Months | Unit::CalendarDays => self.calendar_step_local(t, keep)?,
            _ => {
                return Err(Error::invalid_input(format!(
                    "a storage period of {keep} is not supported: use months or calendar days"
                )))
            }
        };
        Ok(Storage {
            kept_until: self.naive(step),
        })
    }

    /// The dues of a request for a stored result made at `requested`
    /// (`request` and `delivery` are the regulation's working-day terms, 1 + 1).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) for terms that are not at least 1 working day;
    /// [`ErrorKind::OutOfCoverage`](crate::ErrorKind::OutOfCoverage) as for [`legal_due`](OfficeTime::legal_due).
    pub fn stored_request(
        &self,
        requested: NaiveDateTime,
        request: Term,
        delivery: Term,
    ) -> Result<StoredRequest> {
        for t in [request, delivery] {
            if t.unit() != Unit::WorkingDays || t.amount() == 0 {
                return Err(Error::invalid_input(format!(
                    "a storage request term of {t} is not supported: use at least 1 working day"
                )));
            }
        }
        let cal = self.calendar();
        let r = self.local(requested)?;
        let reg = self.registration_local(r)?;
        let beyond = || self.beyond(r, "a request for a stored result");
        let c = cal
            .add_working_days_index(reg, request.amount() as i32)
            .ok_or_else(beyond)?;
        let p = cal
            .add_working_days_index(c, delivery.amount() as i32)
            .ok_or_else(beyond)?;
        Ok(StoredRequest {
            registered: cal.date_of(reg),
            centre_request_due: self.naive(self.cob(c)),
            provider_delivery_due: self.naive(self.cob(p)),
        })
    }
}

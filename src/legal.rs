//! The legal rules of TERMS.md §5: registration, start rules, channels, last day,
//! close of business or 24:00, result handoff, storage at the centre.

use chrono::{Months, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::office::{Local, OfficeTime};
use crate::term::{Term, Unit};
use crate::{Error, Result};

/// How the documents reached the provider (TERMS.md §5).
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// Submitted to the service provider itself. The default.
    #[default]
    Provider,
    /// Submitted through the e-government portal.
    Portal,
    /// Accepted at a State Corporation centre and sent on paper: the day of
    /// acceptance is not counted (Law on public services art. 20 p. 1).
    StateCorporation,
}

impl Channel {
    /// All channels.
    pub const ALL: [Channel; 3] = [
        Channel::Provider,
        Channel::Portal,
        Channel::StateCorporation,
    ];

    /// The snake_case name (`"state_corporation"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Provider => "provider",
            Channel::Portal => "portal",
            Channel::StateCorporation => "state_corporation",
        }
    }
}

impl std::str::FromStr for Channel {
    type Err = Error;
    fn from_str(s: &str) -> Result<Channel> {
        Channel::ALL
            .into_iter()
            .find(|c| c.as_str() == s.trim())
            .ok_or_else(|| {
                Error::invalid_input(format!(
                    "unknown channel {s:?}: expected provider, portal or state_corporation"
                ))
            })
    }
}

/// Which day is day 1 of a term in days (TERMS.md §5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StartRule {
    /// Day 1 is the registration date ("со дня сдачи пакета документов"). The default.
    #[default]
    SubmissionDay,
    /// Day 1 is the day after the registration date (Civil Code art. 173,
    /// Administrative Procedural Code art. 76): the first working day after it for
    /// working-day terms.
    NextDay,
}

impl StartRule {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            StartRule::SubmissionDay => "submission_day",
            StartRule::NextDay => "next_day",
        }
    }
}

impl std::str::FromStr for StartRule {
    type Err = Error;
    fn from_str(s: &str) -> Result<StartRule> {
        match s.trim() {
            "submission_day" => Ok(StartRule::SubmissionDay),
            "next_day" => Ok(StartRule::NextDay),
            other => Err(Error::invalid_input(format!(
                "unknown start rule {other:?}: expected submission_day or next_day"
            ))),
        }
    }
}

/// When the last day of a term in days ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TermEnd {
    /// At close of business of the last day (Civil Code art. 176 p. 1, second
    /// sentence: the act is done at the organisation). The default.
    #[default]
    CloseOfBusiness,
    /// At 24:00 of the last day, reported as 00:00 of the next date.
    Midnight,
}

impl TermEnd {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            TermEnd::CloseOfBusiness => "close_of_business",
            TermEnd::Midnight => "midnight",
        }
    }
}

impl std::str::FromStr for TermEnd {
    type Err = Error;
    fn from_str(s: &str) -> Result<TermEnd> {
        match s.trim() {
            "close_of_business" => Ok(TermEnd::CloseOfBusiness),
            "midnight" => Ok(TermEnd::Midnight),
            other => Err(Error::invalid_input(format!(
                "unknown term end {other:?}: expected close_of_business or midnight"
            ))),
        }
    }
}

/// The options of a legal term, each with the spec's default.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct LegalOptions {
    /// The channel (default: provider).
    pub channel: Channel,
    /// The start rule (default: submission_day).
    pub start: StartRule,
    /// The end of the last day (default: close of business).
    pub end: TermEnd,
}

/// A computed legal term, in local wall-clock time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LegalDue {
    /// The registration date (for `state_corporation`: the acceptance date).
    pub registered: NaiveDate,
    /// Day 1 of the term (`None` for terms in minutes or hours).
    pub day_one: Option<NaiveDate>,
    /// The last day of the term.
    pub last_day: NaiveDate,
    /// The instant the term expires.
    pub due: NaiveDateTime,
    /// `state_corporation` only: the provider delivers the result to the centre by
    /// this instant (close of business of the working day before the last day);
    /// `None` for other channels, for a term of 1 working day and for office-time terms.
    pub handoff: Option<NaiveDateTime>,
    /// Whether the result depends on a provisional day.
    pub provisional: bool,
}

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
    /// TERMS.md §5 registration: the date of `s` if it is a working day and `s`
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
    /// (TERMS.md §5, §6, §7.4): the first office instant at or after `s`; for
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

    /// The registration date of a submission at `s` (TERMS.md §5).
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
        let last = due.date().max(cal.date_of(d.last_day));
        Ok(LegalDue {
            registered: cal.date_of(d.registered),
            day_one: d.day_one.map(|i| cal.date_of(i)),
            last_day: cal.date_of(d.last_day),
            due,
            handoff: d.handoff.map(|h| self.naive(h)),
            provisional: cal.provisional_between(first, last),
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
        if n == 0 {
            return Err(Error::invalid_input(format!(
                "a legal term of {term} is invalid: a term in days or months must be at least 1"
            )));
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

/// The State Corporation's storage of an uncollected result (TERMS.md §5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Storage {
    /// The result is kept until this instant: close of business of the date one
    /// month after the due date (same day number or the month's last day), moved
    /// forward to a working day.
    pub kept_until: NaiveDateTime,
}

/// A request for a result after storage ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct StoredRequest {
    /// Registration date of the request.
    pub registered: NaiveDate,
    /// The centre's request to the provider is due (close of business of the first
    /// working day after registration).
    pub centre_request_due: NaiveDateTime,
    /// The provider's delivery to the centre is due (close of business of the
    /// working day after that).
    pub provider_delivery_due: NaiveDateTime,
}

impl OfficeTime {
    /// How long the centre keeps a result whose term expired at `due`:
    /// `keep` after the due date (the regulations say one month).
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

//! Legal terms (RULES.md §5): the vocabulary (channels, start rules, the end
//! of the last day, the results) and the rules on office time: registration,
//! start rules, channels, last day, close of business or 24:00, the result's
//! handoff, storage at the centre, and their bulk forms.

use chrono::{DateTime, FixedOffset, Months, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::bulk::{
    check_lengths, from_local, instant_error, to_local, BulkResult, BulkTime, TimeTables,
};
use crate::citation::{Warning, WarningCode};
use crate::dates::Local;
use crate::office::OfficeTime;
use crate::term::{Term, Unit};
use crate::zone::Zone;
use crate::{Error, Lang, Names, Result};

named_enum! {
    /// How the documents reached the provider (RULES.md §5).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
    #[non_exhaustive]
    pub enum Channel ("channel") {
        /// Submitted to the service provider itself. The default.
        #[default]
        Provider = "provider",
        /// Submitted through the e-government portal.
        Portal = "portal",
        /// Accepted at a State Corporation centre and sent on paper: the day of
        /// acceptance is not counted (Law on public services art. 20 p. 1).
        StateCorporation = "state_corporation",
    }
}

named_enum! {
    /// Which day is day 1 of a term in days (RULES.md §5).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
    #[non_exhaustive]
    pub enum StartRule ("start rule") {
        /// Day 1 is the registration date ("со дня сдачи пакета документов"). The default.
        #[default]
        SubmissionDay = "submission_day",
        /// Day 1 is the day after the registration date (Civil Code art. 173,
        /// Administrative Procedural Code art. 76): the first working day after it for
        /// working-day terms.
        NextDay = "next_day",
    }
}

named_enum! {
    /// When the last day of a term in days ends.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
    #[non_exhaustive]
    pub enum TermEnd ("term end") {
        /// At close of business of the last day (Civil Code art. 176 p. 1, second
        /// sentence: the act is done at the organisation). The default.
        #[default]
        CloseOfBusiness = "close_of_business",
        /// At 24:00 of the last day, reported as 00:00 of the next date.
        Midnight = "midnight",
    }
}

impl Channel {
    /// What a person reads for this channel, in `lang` (how the documents
    /// were submitted: "через Государственную корпорацию").
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Channel::Provider => lang.pick(
                "көрсетілетін қызметті берушіге тікелей",
                "непосредственно услугодателю",
                "directly to the service provider",
            ),
            Channel::Portal => lang.pick(
                "«электрондық үкімет» веб-порталы арқылы",
                "через веб-портал «электронного правительства»",
                "through the e-government portal",
            ),
            Channel::StateCorporation => lang.pick(
                "Мемлекеттік корпорация арқылы",
                "через Государственную корпорацию",
                "through the State Corporation",
            ),
        }
    }
}

impl Channel {
    /// The channel's name as a noun, for tables ("Госкорпорация"); see
    /// [`label`](Channel::label) for prose.
    pub fn short_label(self, lang: Lang) -> &'static str {
        match self {
            Channel::Provider => lang.pick("қызмет беруші", "услугодатель", "provider"),
            Channel::Portal => lang.pick("портал", "портал", "portal"),
            Channel::StateCorporation => lang.pick(
                "Мемлекеттік корпорация",
                "Госкорпорация",
                "State Corporation",
            ),
        }
    }
}

impl StartRule {
    /// What a person reads for this rule, in `lang` ("со дня сдачи документов").
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            StartRule::SubmissionDay => lang.pick(
                "құжаттар тапсырылған күннен бастап",
                "со дня сдачи документов",
                "from the day of submission",
            ),
            StartRule::NextDay => lang.pick(
                "тіркелген күннің келесі күнінен бастап",
                "со дня, следующего за днём регистрации",
                "from the day after registration",
            ),
        }
    }
}

impl TermEnd {
    /// What a person reads for this end, in `lang` ("по окончании рабочего дня").
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            TermEnd::CloseOfBusiness => lang.pick(
                "жұмыс күні аяқталғанда",
                "по окончании рабочего дня",
                "at close of business",
            ),
            TermEnd::Midnight => lang.pick("сағат 24:00-де", "в 24:00", "at 24:00"),
        }
    }
}

/// Day 1 that is the submission day with less office time than this left
/// after the submission is flagged (RULES.md §5, edge cases).
pub(crate) const SHORT_FIRST_DAY_MINUTES: u32 = 60;

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

/// A computed legal term: local wall-clock times, and zoned instants through
/// the `*_zoned` methods (the office's [`Zone`] gives the offset of each date).
///
/// Its one JSON form is [`TermResponse`](crate::batch::TermResponse).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct LegalDue {
    /// The registration date (for `state_corporation`: the acceptance date).
    pub registered: NaiveDate,
    /// Day 1 of the term (`None` for terms in minutes or hours).
    pub day_one: Option<NaiveDate>,
    /// The last day of the term.
    pub last_day: NaiveDate,
    /// The instant the term expires (local wall-clock time).
    pub due: NaiveDateTime,
    /// `state_corporation` only: the provider delivers the result to the centre by
    /// this instant (close of business of the working day before the last day);
    /// `None` for other channels, for a term of 1 working day and for office-time terms.
    pub handoff: Option<NaiveDateTime>,
    /// Whether the result depends on a provisional day.
    pub provisional: bool,
    /// The date the calendar's data was last checked against official
    /// sources ([`Calendar::data_as_of`](crate::Calendar::data_as_of)).
    pub data_as_of: Option<NaiveDate>,
    /// Cases a person should look at (RULES.md §5, edge cases): an
    /// acceptance on a holiday, a handoff on the acceptance day, a first day
    /// with less than an hour of office time left.
    pub warnings: Vec<Warning>,
    /// The office's zone.
    pub zone: Zone,
}

impl LegalDue {
    /// [`due`](LegalDue::due) as an instant with the zone's offset for that date.
    pub fn due_zoned(&self) -> DateTime<FixedOffset> {
        self.zone.resolve(self.due).0
    }

    /// [`handoff`](LegalDue::handoff) as an instant with the zone's offset.
    pub fn handoff_zoned(&self) -> Option<DateTime<FixedOffset>> {
        self.handoff.map(|h| self.zone.resolve(h).0)
    }
}

/// The State Corporation's storage of an uncollected result (RULES.md §5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Storage {
    /// The result is kept until this instant: close of business of the date one
    /// month after the due date (same day number or the month's last day), moved
    /// forward to a working day.
    pub kept_until: NaiveDateTime,
}

/// A request for a result after storage ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
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
    fn registration_local(&self, s: Local) -> Result<u32> {
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
            data_as_of: cal.data_as_of(),
            warnings: self.edge_warnings(s, &d, term, options),
            zone: self.zone(),
        })
    }

    /// The edge cases of a term counted from `s` (RULES.md §5): each a
    /// warning, none changing the answer.
    pub(crate) fn edge_warnings(
        &self,
        s: Local,
        d: &DueLocal,
        term: Term,
        options: LegalOptions,
    ) -> Vec<Warning> {
        let cal = self.calendar();
        let mut out = Vec::new();
        let date = |i: u32| cal.date_of(i);
        let both = |i: u32| (Lang::Ru.format_date(date(i)), date(i));
        if options.channel == Channel::StateCorporation {
            let kind = cal.day_kind(date(s.day)).ok();
            if let Some(k) = kind.filter(|k| !k.is_working() && *k != crate::DayKind::Weekend) {
                let (r, e) = both(s.day);
                out.push(Warning::new(
                    WarningCode::AcceptedOnHoliday,
                    Names::new(
                        format!(
                            "құжаттар Мемлекеттік корпорацияда {r} қабылданған деп көрсетілген, бұл — {}, халыққа қызмет көрсету орталықтары әдетте жұмыс істемейтін күн: қабылдау күнін тексеріңіз (мерзім келесі жұмыс күнінен басталады)",
                            k.label(Lang::Kk)
                        ),
                        format!(
                            "документы указаны как принятые Государственной корпорацией {r} — это {}, когда центры обслуживания населения обычно закрыты: проверьте дату приёма (срок отсчитывается со следующего рабочего дня)",
                            k.label(Lang::Ru)
                        ),
                        format!(
                            "the State Corporation is said to have accepted the documents on {e}, {}, when its centres are normally closed: check the acceptance date (the term counts from the next working day)",
                            k.label(Lang::En)
                        ),
                    ),
                ));
            }
            if d.handoff.is_some_and(|h| h.day == s.day) {
                let (r, e) = both(s.day);
                out.push(Warning::new(
                    WarningCode::HandoffOnAcceptanceDay,
                    Names::new(
                        format!(
                            "көрсетілетін қызметті беруші нәтижені Мемлекеттік корпорацияға қабылдау күнінің өзінде ({r}) жұмыс күні аяқталғанға дейін беруі тиіс (мерзімнің соңғы күнінің алдындағы жұмыс күні): {term} мерзімі беруге уақыт қалдырмайды"
                        ),
                        format!(
                            "услугодатель должен передать результат в Государственную корпорацию до конца рабочего дня в сам день приёма ({r}) — рабочий день перед последним днём срока: срок «{}» не оставляет времени на передачу",
                            term.display_in(Lang::Ru)
                        ),
                        format!(
                            "the provider must hand the result to the State Corporation by close of business of the acceptance day itself ({e}), the working day before the term's last day: a term of {term} leaves no time for the handoff"
                        ),
                    ),
                ));
            }
        }
        let day_term = matches!(term.unit(), Unit::WorkingDays | Unit::CalendarDays);
        if day_term && d.day_one == Some(s.day) && cal.working_at(s.day) {
            let left = self.day_minutes(s.day).saturating_sub(self.elapsed(s));
            if left < SHORT_FIRST_DAY_MINUTES {
                let (r, e) = both(s.day);
                let at = format!("{:02}:{:02}", s.minute / 60, s.minute % 60);
                out.push(Warning::new(
                    WarningCode::ShortFirstDay,
                    Names::new(
                        format!(
                            "мерзімнің 1-күні — тапсыру күні ({r}), бірақ сағат {at}-де тапсырылғаннан кейін оның жұмыс уақытынан {left} минут қана қалды: ол толық күн болып саналады; next_day басталуы келесі күннен есептейді"
                        ),
                        format!(
                            "день 1 срока — день подачи ({r}), но после подачи в {at} от его рабочего времени осталось лишь {left} мин: он засчитывается как полный день; начало next_day считает со следующего дня"
                        ),
                        format!(
                            "day 1 of the term is the submission day ({e}), but only {left} minutes of its office time are left after the submission at {at}: it counts as a whole day; a next_day start counts from the next day"
                        ),
                    ),
                ));
            }
        }
        out
    }

    /// [`legal_due`](OfficeTime::legal_due) for a submission on `date`
    /// whose time of day is not known, where the time cannot change the
    /// answer: on the State Corporation's channel (the intake day is never
    /// counted), or on a day that is not a working day (every time of it is
    /// registered on the next working day). The rule is checked, not
    /// assumed: the answers for the start, the middle and the end of the day
    /// must be equal. Elsewhere (a working day at a provider's office, where
    /// a submission after the close of business is registered on the next
    /// working day) the time decides the answer and the call says that a
    /// time is needed.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use merzim::{Calendar, Channel, LegalOptions, OfficeTime, Schedule};
    /// let office = OfficeTime::new(&Calendar::kazakhstan(), Schedule::state_body())?;
    /// let friday = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
    /// let sc = LegalOptions { channel: Channel::StateCorporation, ..Default::default() };
    /// let due = office.legal_due_on_date(friday, "15 working days".parse()?, sc)?;
    /// assert_eq!(due.registered, friday);
    /// // At a provider's office the time decides the registration date.
    /// let err = office
    ///     .legal_due_on_date(friday, "15 working days".parse()?, LegalOptions::default())
    ///     .unwrap_err();
    /// assert!(err.message().contains("a time is needed"));
    /// # Ok::<(), merzim::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) when the
    /// time of day changes the answer, and as for
    /// [`legal_due`](OfficeTime::legal_due).
    pub fn legal_due_on_date(
        &self,
        date: NaiveDate,
        term: Term,
        options: LegalOptions,
    ) -> Result<LegalDue> {
        let at = |h: u32, m: u32| date.and_hms_opt(h, m, 0).unwrap_or_default();
        let first = self.legal_due(at(0, 0), term, options)?;
        // Registration changes at most once in a day (at the close of
        // business); an office-time term also starts with the office hours:
        // the day's ends and its middle decide.
        for t in [at(12, 0), at(23, 59)] {
            let other = self.legal_due(t, term, options)?;
            if other != first {
                return Err(Error::invalid_input(format!(
                    "a submission on {date} without a time of day: the time changes the answer \
                     here (submitted at 00:00 it is due {}, at {} it is due {}), so a time is needed, e.g. {}T10:00 \
                     or {} 10:00; a date alone is enough on the state_corporation channel or on \
                     a day that is not a working day",
                    first.due,
                    t.format("%H:%M"),
                    other.due,
                    date.format("%Y-%m-%d"),
                    date.format("%d.%m.%Y")
                )));
            }
        }
        Ok(first)
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
            ))
            .in_kk_ru(
                format!(
                    "{} мерзімі жарамсыз: мерзім кемінде 1 болуы керек",
                    term.display_in(crate::Lang::Kk)
                ),
                format!(
                    "срок {} недопустим: срок должен быть не меньше 1",
                    term.display_in(crate::Lang::Ru)
                ),
            ));
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

impl OfficeTime {
    /// The due instant of [`legal_due`](OfficeTime::legal_due) for every
    /// submission, one term and options for all, written to `out[k]`.
    ///
    /// `T` is [`NaiveDateTime`] or the raw form `i64` (minutes since 2000-01-01
    /// 00:00 local); see [`BulkTime`]. Item by item the scalar result's `due`; no
    /// allocation; the error names the first failing index.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use merzim::{Calendar, LegalOptions, OfficeTime, Schedule};
    /// let office = OfficeTime::new(&Calendar::kazakhstan(), Schedule::state_body())?;
    /// let s = NaiveDate::from_ymd_opt(2026, 3, 20).unwrap().and_hms_opt(16, 30, 0).unwrap();
    /// let mut out = [s; 1];
    /// office.legal_due_bulk(&[s], "22 working days".parse()?, LegalOptions::default(), &mut out)?;
    /// assert_eq!(out[0].to_string(), "2026-04-23 18:30:00");
    /// # Ok::<(), merzim::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// A [`BulkError`](crate::BulkError): columns of different lengths, or the first item whose
    /// scalar [`legal_due`](OfficeTime::legal_due) fails, with its index and that error.
    pub fn legal_due_bulk<T: BulkTime>(
        &self,
        submitted: &[T],
        term: Term,
        options: LegalOptions,
        out: &mut [T],
    ) -> BulkResult {
        check_lengths(&["submitted", "out"], &[submitted.len(), out.len()])?;
        let (last, tables) = (self.calendar().valid_last(), TimeTables::get());
        for (k, (&s, o)) in submitted.iter().zip(out.iter_mut()).enumerate() {
            match to_local(s, last).and_then(|l| self.legal_due_local(l, term, options).ok()) {
                Some(d) => *o = from_local(d.due, &tables),
                None => {
                    return Err(instant_error(self, k, s, |n| {
                        self.legal_due(n, term, options)
                    }))
                }
            }
        }
        Ok(())
    }

    /// [`legal_due_bulk`](OfficeTime::legal_due_bulk) with a term and options
    /// (channel, start rule, end) per item.
    ///
    /// # Errors
    ///
    /// As [`legal_due_bulk`](OfficeTime::legal_due_bulk).
    pub fn legal_due_bulk_each<T: BulkTime>(
        &self,
        submitted: &[T],
        terms: &[Term],
        options: &[LegalOptions],
        out: &mut [T],
    ) -> BulkResult {
        check_lengths(
            &["submitted", "terms", "options", "out"],
            &[submitted.len(), terms.len(), options.len(), out.len()],
        )?;
        let (last, tables) = (self.calendar().valid_last(), TimeTables::get());
        for (k, (((&s, &term), &o), out)) in submitted
            .iter()
            .zip(terms)
            .zip(options)
            .zip(out.iter_mut())
            .enumerate()
        {
            match to_local(s, last).and_then(|l| self.legal_due_local(l, term, o).ok()) {
                Some(d) => *out = from_local(d.due, &tables),
                None => return Err(instant_error(self, k, s, |n| self.legal_due(n, term, o))),
            }
        }
        Ok(())
    }
}

#[cfg(feature = "rayon")]
impl OfficeTime {
    /// [`legal_due_bulk`](OfficeTime::legal_due_bulk) on rayon's thread pool.
    /// Same results and the same error (the lowest failing index).
    ///
    /// # Errors
    ///
    /// As [`legal_due_bulk`](OfficeTime::legal_due_bulk).
    pub fn par_legal_due_bulk<T: BulkTime>(
        &self,
        submitted: &[T],
        term: Term,
        options: LegalOptions,
        out: &mut [T],
    ) -> BulkResult {
        check_lengths(&["submitted", "out"], &[submitted.len(), out.len()])?;
        crate::bulk::par_drive((submitted, out), &|(s, o)| {
            self.legal_due_bulk(s, term, options, o)
        })
    }

    /// [`legal_due_bulk_each`](OfficeTime::legal_due_bulk_each) on rayon's thread pool.
    ///
    /// # Errors
    ///
    /// As [`legal_due_bulk`](OfficeTime::legal_due_bulk).
    pub fn par_legal_due_bulk_each<T: BulkTime>(
        &self,
        submitted: &[T],
        terms: &[Term],
        options: &[LegalOptions],
        out: &mut [T],
    ) -> BulkResult {
        check_lengths(
            &["submitted", "terms", "options", "out"],
            &[submitted.len(), terms.len(), options.len(), out.len()],
        )?;
        crate::bulk::par_drive(((submitted, terms), (options, out)), &|(
            (s, t),
            (o, out),
        )| {
            self.legal_due_bulk_each(s, t, o, out)
        })
    }
}

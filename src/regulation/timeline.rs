//! A regulation's timeline (RULES.md §6).

use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDateTime};

use super::{Outcome, Regulation};
use crate::bulk::line;
use crate::legal::{Channel, LegalOptions, StartRule, TermEnd};
use crate::names::Names;
use crate::office::{Local, OfficeTime, Ordinals};
use crate::term::{Term, Unit};
use crate::zone::Zone;
use crate::{ErrorKind, Result};

/// When one step starts and ends.

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct StepTiming {
    /// The step's number in the document.
    pub number: u32,
    /// Who acts (shared with the regulation: a timeline copies no text).
    pub actor: Arc<Names>,
    /// What is done (shared with the regulation).
    pub action: Arc<Names>,
    /// Its duration on this channel.
    pub duration: Term,
    /// Start (local wall-clock time).
    pub start: NaiveDateTime,
    /// End (local wall-clock time).
    pub end: NaiveDateTime,
    /// The office's zone.
    pub zone: Zone,
}

impl StepTiming {
    /// [`start`](StepTiming::start) with the zone's offset.
    pub fn start_zoned(&self) -> DateTime<FixedOffset> {
        self.zone.resolve(self.start).0
    }

    /// [`end`](StepTiming::end) with the zone's offset.
    pub fn end_zoned(&self) -> DateTime<FixedOffset> {
        self.zone.resolve(self.end).0
    }
}

/// One alternative of the overall term, computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct TermDue {
    /// The alternative ("30 calendar days").
    pub term: Term,
    /// When it expires (local wall-clock time).
    pub due: NaiveDateTime,
    /// The office's zone.
    pub zone: Zone,
}

impl TermDue {
    /// [`due`](TermDue::due) with the zone's offset.
    pub fn due_zoned(&self) -> DateTime<FixedOffset> {
        self.zone.resolve(self.due).0
    }
}

/// The start rules of a timeline's overall term and of its refusal for
/// incomplete documents, each with the rules' default (RULES.md §7.7).
///
/// The steps always run from the submission; these say which day is day 1
/// of the two terms that a person counts in days. The State Corporation's
/// intake day is never counted, whatever the rule (Law on public services
/// art. 20 p. 1).
///
/// ```
/// use chrono::NaiveDate;
/// use merzim::{Calendar, Channel, OfficeTime, Outcome, Regulation, Schedule, StartRule, TimelineOptions};
/// let office = OfficeTime::new(&Calendar::kazakhstan(), Schedule::state_body())?;
/// let reg = Regulation::bundled("east-kazakhstan-2016-land-purpose-change")?;
/// let s = NaiveDate::from_ymd_opt(2026, 3, 18).unwrap().and_hms_opt(10, 0, 0).unwrap();
/// let civil = TimelineOptions { refusal_start: StartRule::NextDay, ..TimelineOptions::default() };
/// let t = reg.timeline_with(&office, s, Channel::Provider, Outcome::Approve, civil)?;
/// // Wednesday 18 March 2026: day 1 of the refusal is Thursday, day 2 Friday.
/// assert_eq!(t.refusal_due.unwrap().to_string(), "2026-03-20 18:30:00");
/// let t = reg.timeline(&office, s, Channel::Provider, Outcome::Approve)?;
/// assert_eq!(t.refusal_due.unwrap().to_string(), "2026-03-19 18:30:00");
/// # Ok::<(), merzim::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct TimelineOptions {
    /// Day 1 of the overall term (default: the submission day).
    pub term_start: StartRule,
    /// Day 1 of the refusal for incomplete documents (default: the
    /// submission day).
    pub refusal_start: StartRule,
}

/// A regulation's steps chained for one submission, channel and outcome:
/// local wall-clock times, and zoned instants through the `*_zoned` methods.
///
/// Its one JSON form is [`RegulationResponse`](crate::batch::RegulationResponse).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Timeline {
    /// The regulation's id.
    pub regulation: String,
    /// The channel.
    pub channel: Channel,
    /// The outcome.
    pub outcome: Outcome,
    /// The submission (local wall-clock time).
    pub submitted: NaiveDateTime,
    /// Each step of the outcome, in order.
    pub steps: Vec<StepTiming>,
    /// When the last step ends.
    pub end: NaiveDateTime,
    /// Each alternative of the overall term (empty if the regulation states none).
    pub alternatives: Vec<TermDue>,
    /// The earliest alternative.
    pub term_due: Option<NaiveDateTime>,
    /// Whether the last step ends no later than `term_due`.
    pub within_term: Option<bool>,
    /// When a reasoned refusal for incomplete documents is due.
    pub refusal_due: Option<NaiveDateTime>,
    /// `state_corporation`: when the provider must hand the result to the centre.
    pub handoff: Option<NaiveDateTime>,
    /// `state_corporation`, when the regulation has a storage rule: the centre keeps
    /// an uncollected result until this instant (one month after `term_due`, or
    /// after the last step's end when the regulation states no overall term);
    /// `None` also when that date lies past the data (with a warning).
    pub storage_until: Option<NaiveDateTime>,
    /// Whether anything computed depended on a provisional day.
    pub provisional: bool,
    /// The start rules of the overall term and the refusal.
    pub options: TimelineOptions,
    /// The date the calendar's data was last checked against official
    /// sources ([`Calendar::data_as_of`](crate::Calendar::data_as_of)).
    pub data_as_of: Option<chrono::NaiveDate>,
    /// Remarks: the regulation not in force at that date, a partial result,
    /// and the like.
    pub warnings: Vec<crate::citation::Warning>,
    /// The office's zone.
    pub zone: Zone,
}

impl Timeline {
    /// `t` with the zone's offset for its date.
    pub fn zoned(&self, t: NaiveDateTime) -> DateTime<FixedOffset> {
        self.zone.resolve(t).0
    }

    /// [`end`](Timeline::end) with the zone's offset.
    pub fn end_zoned(&self) -> DateTime<FixedOffset> {
        self.zoned(self.end)
    }

    /// [`term_due`](Timeline::term_due) with the zone's offset.
    pub fn term_due_zoned(&self) -> Option<DateTime<FixedOffset>> {
        self.term_due.map(|t| self.zoned(t))
    }

    /// Where an explanation of this timeline ends: the later of the chain's
    /// end and the term's due.
    pub fn span_end(&self) -> NaiveDateTime {
        self.term_due.map_or(self.end, |d| d.max(self.end))
    }

    /// [`refusal_due`](Timeline::refusal_due) with the zone's offset.
    pub fn refusal_due_zoned(&self) -> Option<DateTime<FixedOffset>> {
        self.refusal_due.map(|t| self.zoned(t))
    }
}

/// The one core of a timeline: every result in the internal time form, with
/// the days it read. [`Timeline`], [`TimelineRow`](super::TimelineRow), the
/// bulk columns and the batch response are all made from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TimelineCore {
    pub end: Local,
    pub term_due: Option<Local>,
    pub refusal_due: Option<Local>,
    pub handoff: Option<Local>,
    pub storage_until: Option<Local>,
    /// The storage date lies past the calendar's range: `storage_until` is
    /// `None` although the regulation has a storage rule (a partial result).
    pub storage_beyond: bool,
    /// The days of the submission and of the last result (for `provisional`).
    pub first_day: u32,
    pub last_day: u32,
    /// Every day index the computation depended on lies in `lo..=hi`.
    pub lo: u32,
    pub hi: u32,
}

impl TimelineCore {
    /// Whether the chain ends no later than the term due.
    #[inline(always)]
    pub(crate) fn within_term(&self) -> Option<bool> {
        self.term_due.map(|d| line(self.end) <= line(d))
    }

    /// Whether two cores give the same results (the day ranges aside).
    pub(crate) fn same_results(&self, other: &TimelineCore) -> bool {
        (
            self.end,
            self.term_due,
            self.refusal_due,
            self.handoff,
            self.storage_until,
        ) == (
            other.end,
            other.term_due,
            other.refusal_due,
            other.handoff,
            other.storage_until,
        )
    }
}

/// What [`Regulation::timeline`] wants besides the core: each step's end and
/// each alternative's due.
#[derive(Debug, Default)]
pub(crate) struct Detail {
    pub ends: Vec<Local>,
    pub alternatives: Vec<Local>,
}

/// A regulation's chain for one channel and outcome, ready for fast repeated use.
#[derive(Clone, Debug)]
pub struct CompiledChain {
    pub(crate) numbers: Vec<u32>,
    pub(crate) steps: Vec<Term>,
    pub(crate) alternatives: Vec<Term>,
    pub(crate) refusal: Option<Term>,
    pub(crate) channel: Channel,
    /// `state_corporation` with a storage rule: how long the centre keeps a result.
    pub(crate) storage_keep: Option<Term>,
    pub(crate) options: TimelineOptions,
}

impl Regulation {
    /// The chain for `channel` and `outcome`; an error if the regulation does not offer them.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) when the regulation does not offer `channel` or
    /// has no `outcome` path.
    pub fn compile(&self, channel: Channel, outcome: Outcome) -> Result<CompiledChain> {
        self.compile_with(channel, outcome, TimelineOptions::default())
    }

    /// [`compile`](Regulation::compile) with the start rules of the overall
    /// term and the refusal.
    ///
    /// # Errors
    ///
    /// As [`compile`](Regulation::compile).
    pub fn compile_with(
        &self,
        channel: Channel,
        outcome: Outcome,
        options: TimelineOptions,
    ) -> Result<CompiledChain> {
        self.ensure_offers(channel, outcome)?;
        let chosen = || self.steps.iter().filter(|s| s.belongs_to(outcome));
        // Sized once: a filtered iterator would grow the vectors step by step.
        let n = chosen().count();
        let (mut numbers, mut steps) = (Vec::with_capacity(n), Vec::with_capacity(n));
        for s in chosen() {
            numbers.push(s.number);
            steps.push(s.duration_for(channel));
        }
        Ok(CompiledChain {
            numbers,
            steps,
            alternatives: self
                .term
                .as_ref()
                .map(|t| t.alternatives.clone())
                .unwrap_or_default(),
            refusal: self.refusal,
            channel,
            storage_keep: match (&self.storage, channel) {
                (Some(rule), Channel::StateCorporation) => Some(rule.keep),
                _ => None,
            },
            options,
        })
    }

    /// The timeline of a submission at local time `submitted` (RULES.md §6).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use merzim::{Calendar, Channel, OfficeTime, Outcome, Regulation, Schedule};
    /// let office = OfficeTime::new(&Calendar::kazakhstan(), Schedule::state_body())?;
    /// let reg = Regulation::bundled("east-kazakhstan-2016-land-purpose-change")?;
    /// let s = NaiveDate::from_ymd_opt(2026, 3, 18).unwrap().and_hms_opt(16, 30, 0).unwrap();
    /// let t = reg.timeline(&office, s, Channel::Provider, Outcome::Approve)?;
    /// assert_eq!(t.end.to_string(), "2026-04-22 09:15:00");
    /// assert_eq!(t.term_due.unwrap().to_string(), "2026-04-16 18:30:00");
    /// assert_eq!(t.within_term, Some(false));
    /// # Ok::<(), merzim::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`compile`](Regulation::compile); [`ErrorKind::OutOfCoverage`](crate::ErrorKind::OutOfCoverage) when
    /// the submission or a step, term or refusal date lies outside the calendar's
    /// range (a storage date past it is a partial result with a warning instead).
    pub fn timeline(
        &self,
        office: &OfficeTime,
        submitted: NaiveDateTime,
        channel: Channel,
        outcome: Outcome,
    ) -> Result<Timeline> {
        self.timeline_with(
            office,
            submitted,
            channel,
            outcome,
            TimelineOptions::default(),
        )
    }

    /// [`timeline`](Regulation::timeline) with the start rules of the overall
    /// term and the refusal (see [`TimelineOptions`]).
    ///
    /// # Errors
    ///
    /// As [`timeline`](Regulation::timeline).
    pub fn timeline_with(
        &self,
        office: &OfficeTime,
        submitted: NaiveDateTime,
        channel: Channel,
        outcome: Outcome,
        options: TimelineOptions,
    ) -> Result<Timeline> {
        let chain = self.compile_with(channel, outcome, options)?;
        let s = office.local(submitted)?;
        let mut detail = Detail {
            ends: Vec::with_capacity(chain.steps.len()),
            alternatives: Vec::with_capacity(chain.alternatives.len()),
        };
        let core = chain.core(office, s, Some(&mut detail))?;
        let cal = office.calendar();
        let zone = office.zone();
        let chosen = self.steps.iter().filter(|st| st.belongs_to(outcome));
        let mut steps = Vec::with_capacity(detail.ends.len());
        let mut start = chain.first_start(office, s)?;
        for ((k, &end), step) in detail.ends.iter().enumerate().zip(chosen) {
            steps.push(StepTiming {
                number: chain.numbers[k],
                actor: step.actor.clone(),
                action: step.action.clone(),
                duration: chain.steps[k],
                start: office.naive(start),
                end: office.naive(end),
                zone,
            });
            start = end;
        }
        let alternatives = chain
            .alternatives
            .iter()
            .zip(&detail.alternatives)
            .map(|(&term, &due)| TermDue {
                term,
                due: office.naive(due),
                zone,
            })
            .collect();
        let mut warnings = Vec::new();
        if let Some(w) = self.force_warning(submitted.date()) {
            warnings.push(w);
        }
        if core.storage_beyond {
            let (_, last) = cal.valid_range();
            warnings.push(crate::citation::Warning::new(
                crate::citation::WarningCode::StorageBeyondData,
                crate::names::Names::new(
                    format!("storage_until белгісіз: орталықтың сақтау мерзімі күнтізбе деректерінің соңғы күні {last} кейін аяқталады"),
                    format!("storage_until неизвестен: срок хранения в центре заканчивается после {last}, последнего дня данных календаря"),
                    format!("storage_until is unknown: the centre's storage period ends after {last}, the end of the calendar's data"),
                ),
            ));
        }
        // The edge cases of the overall term (its earliest alternative), as a
        // legal term of the same length gives them (RULES.md §5).
        let earliest = chain
            .alternatives
            .iter()
            .zip(&detail.alternatives)
            .find(|(_, &due)| Some(due) == core.term_due)
            .map(|(&term, _)| term);
        if let Some(term) = earliest {
            let o = chain.options(options.term_start);
            let d = office.legal_due_local(s, term, o)?;
            warnings.extend(office.edge_warnings(s, &d, term, o));
        }
        if channel == Channel::StateCorporation && core.refusal_due.is_some() {
            warnings.push(crate::citation::Warning::new(
                crate::citation::WarningCode::RefusalAtIntake,
                crate::names::Names::new(
                    "Мемлекеттік корпорация толық емес құжаттар топтамасын қабылдау кезінде қолхатпен \
                     қабылдаудан бас тартады («Мемлекеттік көрсетілетін қызметтер туралы» Заңның \
                     20-бабының 2-тармағы): құжаттар толық болмаған кездегі бас тарту мерзімі — \
                     көрсетілетін қызметті берушінің өз тексеруінің мерзімі"
                        .to_string(),
                    "Государственная корпорация отказывает в приёме неполного пакета документов при \
                     приёме, с распиской (пункт 2 статьи 20 Закона «О государственных услугах»): \
                     срок отказа при неполноте документов — срок собственной проверки \
                     услугодателя"
                        .to_string(),
                    "the State Corporation refuses an incomplete package at intake, with a receipt \
                     (Law on public services, art. 20 p. 2): refusal_due is the term of the \
                     provider's own check"
                        .to_string(),
                ),
            ));
        }
        Ok(Timeline {
            regulation: self.id.clone(),
            channel,
            outcome,
            submitted,
            within_term: core.within_term(),
            steps,
            end: office.naive(core.end),
            alternatives,
            term_due: core.term_due.map(|t| office.naive(t)),
            refusal_due: core.refusal_due.map(|t| office.naive(t)),
            handoff: core.handoff.map(|t| office.naive(t)),
            storage_until: core.storage_until.map(|t| office.naive(t)),
            provisional: cal
                .provisional_between(cal.date_of(core.first_day), cal.date_of(core.last_day)),
            options,
            data_as_of: cal.data_as_of(),
            warnings,
            zone,
        })
    }
}

impl CompiledChain {
    /// The legal options of a term of this chain starting per `start`
    /// (§7.7: each day-counted term ends at close of business).
    pub(crate) fn options(&self, start: StartRule) -> LegalOptions {
        LegalOptions {
            channel: self.channel,
            start,
            end: TermEnd::CloseOfBusiness,
        }
    }

    /// The start rules of the overall term and the refusal.
    pub fn timeline_options(&self) -> TimelineOptions {
        self.options
    }

    /// The step numbers, in order.
    pub fn step_numbers(&self) -> &[u32] {
        &self.numbers
    }

    /// Where the first step starts: the submission moved to the first office
    /// instant at or after it; `state_corporation`: the opening of day 1.
    #[inline]
    fn first_start(&self, office: &OfficeTime, s: Local) -> Result<Local> {
        office.counting_start_local(s, self.channel)
    }

    /// The steps from `first` as additions of office-minute ordinals (see
    /// [`Ordinals`]), with each step's end into `detail` when given; `None`
    /// when a step is counted in calendar days or months, or a result is
    /// past the calendar (the caller then runs the steps one by one, which
    /// names the failing step). A step of zero leaves the instant as it is.
    #[inline(always)]
    fn steps_in_ordinals(
        &self,
        o: Ordinals<'_>,
        first: Local,
        mut detail: Option<&mut Detail>,
    ) -> Option<Local> {
        let mut p = o.position(first)?;
        let mut moved = false;
        for &term in &self.steps {
            let add = match term.unit() {
                Unit::Minutes | Unit::Hours => term.office_minutes()?,
                Unit::WorkingDays => u64::from(term.amount()).checked_mul(o.per_day())?,
                Unit::CalendarDays | Unit::Months => return None,
            };
            if add > 0 {
                p = p.checked_add(add)?;
                moved = true;
            }
            if let Some(d) = detail.as_deref_mut() {
                d.ends.push(if moved { o.local(p)? } else { first });
            }
        }
        if moved {
            o.local(p)
        } else {
            Some(first)
        }
    }

    /// Runs the chain: every result of a timeline (the step ends and each
    /// alternative's due into `detail` when given).
    #[inline]
    pub(crate) fn core(
        &self,
        office: &OfficeTime,
        s: Local,
        mut detail: Option<&mut Detail>,
    ) -> Result<TimelineCore> {
        let first = self.first_start(office, s)?;
        let in_ordinals = office
            .ordinals()
            .and_then(|o| self.steps_in_ordinals(o, first, detail.as_deref_mut()));
        let (end, mut last_day) = match in_ordinals {
            // Steps never go back: the last day of the steps is the end's.
            Some(end) => (end, first.day.max(end.day)),
            None => {
                let mut t = first;
                let mut last_day = t.day;
                if let Some(d) = detail.as_deref_mut() {
                    d.ends.clear();
                }
                for &term in &self.steps {
                    t = office.step_local(t, term)?;
                    last_day = last_day.max(t.day);
                    if let Some(d) = detail.as_deref_mut() {
                        d.ends.push(t);
                    }
                }
                (t, last_day)
            }
        };
        let o = self.options(self.options.term_start);
        let mut term_due: Option<Local> = None;
        let mut handoff = None;
        for &alt in &self.alternatives {
            let d = office.legal_due_local(s, alt, o)?;
            last_day = last_day.max(d.last_day);
            if let Some(x) = detail.as_deref_mut() {
                x.alternatives.push(d.due);
            }
            if term_due.is_none_or(|x| d.due < x) {
                term_due = Some(d.due);
                handoff = d.handoff;
            }
        }
        let refusal_due = match self.refusal {
            Some(r) => {
                let d = office.legal_due_local(s, r, self.options(self.options.refusal_start))?;
                last_day = last_day.max(d.last_day);
                Some(d.due)
            }
            None => None,
        };
        // RULES.md §11: a storage date past the data is a partial result, not
        // a failure of the whole timeline.
        let (storage_until, storage_beyond) = match self.storage_keep {
            Some(keep) => match office.calendar_step_local(term_due.unwrap_or(end), keep) {
                Ok(l) => (Some(l), false),
                Err(e) if e.kind() == ErrorKind::OutOfCoverage => (None, true),
                Err(e) => return Err(e),
            },
            None => (None, false),
        };
        // Each operation depends only on the days between its input and its
        // result; only the handoff (a working day before the last day) goes
        // back. A storage date past the data depends on every day after it.
        let lo = handoff.map_or(s.day, |h: Local| h.day.min(s.day));
        let hi = if storage_beyond {
            u32::MAX
        } else {
            [Some(end), term_due, refusal_due, storage_until]
                .into_iter()
                .flatten()
                .map(|l| l.day)
                .fold(last_day.max(s.day), u32::max)
        };
        Ok(TimelineCore {
            end,
            term_due,
            refusal_due,
            handoff,
            storage_until,
            storage_beyond,
            first_day: s.day,
            last_day,
            lo,
            hi,
        })
    }
}

//! Why a deadline lies where it does: the days and intervals a computation
//! skipped ([`OfficeTime::explain`]).

use chrono::{Datelike, NaiveDateTime};
use serde::Serialize;

use crate::calendar::{ActRef, DayKind};
use crate::dates::Local;
use crate::names::{Lang, Names};
use crate::office::OfficeTime;
use crate::Result;

/// Why time was skipped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SkipReason {
    /// A non-working day (see `kind`).
    DayOff(DayKind),
    /// The lunch break (a gap between office intervals).
    Lunch,
    /// Outside office hours (after close of business, before opening).
    AfterHours,
}

/// A stretch of time that did not count.
/// Its one JSON form is [`SkippedResponse`](crate::batch::SkippedResponse).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// Start (local).
    pub from: NaiveDateTime,
    /// End (local).
    pub to: NaiveDateTime,
    /// Why.
    pub reason: SkipReason,
    /// The holiday's name, for days off.
    pub names: Option<Names>,
    /// The act, for transfers.
    pub act: Option<ActRef>,
    /// The legal source (the data's English remark).
    pub source: Option<String>,
    /// The acts the day rests on (render with [`Citation::render`](crate::Citation::render)).
    pub citations: Vec<crate::Citation>,
    /// The day's status may still change.
    pub provisional: bool,
    /// The day rests on an estimated date.
    pub estimated: bool,
}

impl SkipReason {
    /// The stable name: `lunch`, `after_hours`, or the day's kind
    /// (`weekend`, `holiday`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            SkipReason::DayOff(k) => k.as_str(),
            SkipReason::Lunch => "lunch",
            SkipReason::AfterHours => "after_hours",
        }
    }

    /// What a person reads for this reason, in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            SkipReason::DayOff(k) => k.label(lang),
            SkipReason::Lunch => lang.pick("түскі үзіліс", "обеденный перерыв", "lunch break"),
            SkipReason::AfterHours => lang.pick(
                "жұмыс уақытынан тыс",
                "нерабочее время",
                "outside office hours",
            ),
        }
    }
}

impl Serialize for SkipReason {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl Skipped {
    /// One line in `lang`: "2026-03-23: Nauryz (holiday)".
    pub fn describe(&self, lang: Lang) -> String {
        let what = match self.reason {
            SkipReason::DayOff(k) => k.label_on(lang, self.from.weekday()),
            r => r.label(lang),
        };
        let day = lang.format_date(self.from.date());
        let mut s = match self.reason {
            SkipReason::DayOff(_) => format!("{day}: {what}"),
            _ => format!(
                "{day} {}–{}: {what}",
                self.from.format("%H:%M"),
                if self.to.date() == self.from.date() {
                    self.to.format("%H:%M").to_string()
                } else {
                    format!(
                        "{} {}",
                        lang.format_date(self.to.date()),
                        self.to.format("%H:%M")
                    )
                }
            ),
        };
        if let Some(n) = &self.names {
            s.push_str(&format!(" — {}", n.get(lang)));
        }
        if let Some(a) = &self.act {
            let mut r = a.title.get(lang).to_string();
            if let Some(n) = &a.number {
                r.push_str(&format!(" {} {n}", lang.pick("№", "№", "No.")));
            }
            if let Some(d) = a.date {
                r.push_str(&format!(" ({})", lang.format_date(d)));
            }
            s.push_str(&format!(" [{r}]"));
        }
        if self.estimated {
            s.push_str(match lang {
                Lang::Kk => " (болжамды күн)",
                Lang::Ru => " (предварительная дата)",
                Lang::En => " (estimated date)",
            });
        }
        if self.provisional {
            s.push_str(match lang {
                Lang::Kk => " (алдын ала)",
                Lang::Ru => " (предварительно)",
                Lang::En => " (provisional)",
            });
        }
        s
    }
}

impl OfficeTime {
    /// Everything that did not count between `from` and `to`: days off with
    /// their names and acts, lunch breaks, time outside office hours. It walks the
    /// days, so it costs O(days); the deadline computations themselves do not.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::OutOfCoverage`](crate::ErrorKind::OutOfCoverage) when `from` or `to` lies outside the calendar's range
    /// (`to` at 00:00 just after the last day, the end of that day, is inside).
    pub fn explain(&self, from: NaiveDateTime, to: NaiveDateTime) -> Result<Vec<Skipped>> {
        let (a, b) = (self.local(from)?, self.local_end(to)?);
        let cal = self.calendar();
        let mut out = Vec::new();
        let clip = |x: Local, y: Local| -> Option<(Local, Local)> {
            let (x, y) = (x.max(a), y.min(b));
            (x < y).then_some((x, y))
        };
        let push = |x: Local, y: Local, reason: SkipReason, out: &mut Vec<Skipped>| -> Result<()> {
            if let Some((x, y)) = clip(x, y) {
                let (names, act, source, citations, estimated, provisional) = match reason {
                    SkipReason::DayOff(_) => {
                        let d = cal.day(cal.date_of(x.day))?;
                        (
                            d.names,
                            d.act,
                            d.source,
                            d.citations,
                            d.estimated,
                            d.provisional,
                        )
                    }
                    _ => (None, None, None, Vec::new(), false, false),
                };
                out.push(Skipped {
                    from: self.naive(x),
                    to: self.naive(y),
                    reason,
                    names,
                    act,
                    source,
                    citations,
                    provisional,
                    estimated,
                });
            }
            Ok(())
        };
        for day in a.day..=b.day {
            let start = Local { day, minute: 0 };
            let end = Local { day, minute: 1440 };
            if !cal.working_at(day) {
                let kind = cal.day_kind(cal.date_of(day))?;
                push(start, end, SkipReason::DayOff(kind), &mut out)?;
                continue;
            }
            let ivs = self.intervals_at(day);
            let mut prev = start;
            for (k, &(s, e)) in ivs.iter().enumerate() {
                let reason = if k == 0 {
                    SkipReason::AfterHours
                } else {
                    SkipReason::Lunch
                };
                push(prev, Local { day, minute: s }, reason, &mut out)?;
                prev = Local { day, minute: e };
            }
            push(prev, end, SkipReason::AfterHours, &mut out)?;
        }
        // Merge adjacent after-hours stretches across midnight.
        let mut merged: Vec<Skipped> = Vec::with_capacity(out.len());
        for s in out {
            if let Some(last) = merged.last_mut() {
                if last.reason == SkipReason::AfterHours
                    && s.reason == SkipReason::AfterHours
                    && last.to == s.from
                {
                    last.to = s.to;
                    continue;
                }
            }
            merged.push(s);
        }
        Ok(merged)
    }
}

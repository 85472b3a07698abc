//! Why a deadline lies where it does: the days and intervals a computation skipped.

use chrono::NaiveDateTime;
use serde::Serialize;

use crate::calendar::{ActRef, DayKind};
use crate::names::{Lang, Names};

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
    /// The legal source.
    pub source: Option<String>,
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
        let what = self.reason.label(lang);
        let mut s = match self.reason {
            SkipReason::DayOff(_) => format!("{}: {what}", self.from.date()),
            _ => format!(
                "{} {}–{}: {what}",
                self.from.date(),
                self.from.format("%H:%M"),
                if self.to.date() == self.from.date() {
                    self.to.format("%H:%M").to_string()
                } else {
                    self.to.format("%Y-%m-%d %H:%M").to_string()
                }
            ),
        };
        if let Some(n) = &self.names {
            s.push_str(&format!(" — {}", n.get(lang)));
        }
        if let Some(a) = &self.act {
            let mut r = a.title.get(lang).to_string();
            if let Some(n) = &a.number {
                r.push_str(&format!(" No. {n}"));
            }
            if let Some(d) = a.date {
                r.push_str(&format!(" ({d})"));
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

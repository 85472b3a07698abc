//! Why a deadline lies where it does: the days and intervals a computation skipped.

use chrono::NaiveDateTime;
use serde::Serialize;

use crate::calendar::{ActRef, DayKind};
use crate::names::{Lang, Names};

/// Why time was skipped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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

impl Skipped {
    /// One line in `lang`: "2026-03-23: Nauryz (holiday)".
    pub fn describe(&self, lang: Lang) -> String {
        let (kk, ru, en) = match self.reason {
            SkipReason::Lunch => ("түскі үзіліс", "обеденный перерыв", "lunch break"),
            SkipReason::AfterHours => (
                "жұмыс уақытынан тыс",
                "нерабочее время",
                "outside office hours",
            ),
            SkipReason::DayOff(k) => match k {
                DayKind::Weekend => ("демалыс күні", "выходной день", "weekend"),
                DayKind::Holiday => ("мереке күні", "праздничный день", "public holiday"),
                DayKind::ReligiousDayOff => (
                    "діни мереке, демалыс күні",
                    "религиозный праздник, выходной день",
                    "religious day off",
                ),
                DayKind::SubstituteDayOff => (
                    "ауыстырылған демалыс күні",
                    "перенесённый выходной (праздник в выходной)",
                    "substitute day off",
                ),
                DayKind::TransferredDayOff => (
                    "актімен ауыстырылған демалыс күні",
                    "выходной, перенесённый актом",
                    "day off moved by an act",
                ),
                DayKind::DeclaredDayOff => (
                    "актімен жарияланған демалыс күні",
                    "нерабочий день, объявленный актом",
                    "day off declared by an act",
                ),
                _ => ("жұмыс күні емес", "нерабочий день", "non-working day"),
            },
        };
        let what = match lang {
            Lang::Kk => kk,
            Lang::Ru => ru,
            Lang::En => en,
        };
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

//! What the calendar says about one date: its kind, names, source and flags.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::Calendar;
use crate::citation::Citation;
use crate::data::cites_for;
use crate::names::{Lang, Names};
use crate::Result;

named_enum! {
    /// What kind of day a date is.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    #[non_exhaustive]
    pub enum DayKind ("day kind") {
        /// An ordinary working day.
        Working = "working",
        /// A weekly day off (Saturday/Sunday; Sunday only for the six-day week).
        Weekend = "weekend",
        /// A public (national or state) holiday.
        Holiday = "holiday",
        /// A religious day off: 7 January, the first day of Kurban Ait.
        ReligiousDayOff = "religious_day_off",
        /// The working day after a holiday that fell on a weekend (Law on holidays art. 5).
        SubstituteDayOff = "substitute_day_off",
        /// A working day made a day off by a transfer act.
        TransferredDayOff = "transferred_day_off",
        /// A working day declared off by an act, with no day worked in return.
        DeclaredDayOff = "declared_day_off",
        /// A Saturday or Sunday made a working day by a transfer act.
        WorkingWeekend = "working_weekend",
        /// A weekday day off (a substitute day) made a working day by a transfer act
        /// (2020-05-11).
        TransferredWorkingDay = "transferred_working_day",
    }
}

impl DayKind {
    /// Whether days of this kind are working days.
    pub fn is_working(self) -> bool {
        matches!(
            self,
            DayKind::Working | DayKind::WorkingWeekend | DayKind::TransferredWorkingDay
        )
    }

    /// What a person reads for this kind, in `lang` (the one wording of the
    /// kinds: every face prints these).
    pub fn label(self, lang: Lang) -> &'static str {
        let (kk, ru, en) = match self {
            DayKind::Working => ("жұмыс күні", "рабочий день", "working day"),
            DayKind::Weekend => ("демалыс күні", "выходной день", "weekend"),
            DayKind::Holiday => ("мереке күні", "праздничный день", "public holiday"),
            DayKind::ReligiousDayOff => (
                "діни мереке, демалыс күні",
                "религиозный праздник, выходной день",
                "religious day off",
            ),
            DayKind::SubstituteDayOff => (
                "ауыстырылған демалыс күні",
                "перенесённый выходной день (праздник в выходной)",
                "substitute day off",
            ),
            DayKind::TransferredDayOff => (
                "актімен ауыстырылған демалыс күні",
                "выходной день, перенесённый актом",
                "day off moved by an act",
            ),
            DayKind::DeclaredDayOff => (
                "актімен жарияланған демалыс күні",
                "нерабочий день, объявленный актом",
                "day off declared by an act",
            ),
            DayKind::WorkingWeekend => (
                "актімен жұмыс күні болған демалыс күні",
                "выходной день, ставший рабочим по акту",
                "weekend day worked by an act",
            ),
            DayKind::TransferredWorkingDay => (
                "актімен жұмыс күні болған күн",
                "рабочий день, перенесённый актом",
                "working day moved by an act",
            ),
        };
        lang.pick(kk, ru, en)
    }

    /// What a person reads for this kind on a day that falls on `weekday`:
    /// a working weekend day is «рабочая суббота» («жұмыс сенбісі», "working
    /// Saturday") or «рабочее воскресенье»; every other kind is its
    /// [`label`](DayKind::label).
    pub fn label_on(self, lang: Lang, weekday: chrono::Weekday) -> &'static str {
        match (self, weekday) {
            (DayKind::WorkingWeekend, chrono::Weekday::Sat) => {
                lang.pick("жұмыс сенбісі", "рабочая суббота", "working Saturday")
            }
            (DayKind::WorkingWeekend, chrono::Weekday::Sun) => {
                lang.pick("жұмыс жексенбісі", "рабочее воскресенье", "working Sunday")
            }
            _ => self.label(lang),
        }
    }

    pub(super) fn code(self) -> u8 {
        self as u8
    }

    pub(super) fn from_code(code: u8) -> DayKind {
        DayKind::ALL[(code & KIND_MASK) as usize]
    }
}

pub(super) const KIND_MASK: u8 = 0x0f;
pub(super) const WORKING_BIT: u8 = 0x80;

/// A transfer or declaration act, as cited by a [`Day`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct ActRef {
    /// The act's id in the data (`"mtszn-order-2024-04-17"`).
    pub id: String,
    /// Its title.
    pub title: Names,
    /// The body that issued it.
    pub body: String,
    /// Its number, when known.
    pub number: Option<String>,
    /// Its date, when known.
    #[schemars(with = "Option<String>")]
    pub date: Option<NaiveDate>,
    /// A link to its official text.
    pub url: Option<String>,
    /// The fields of this act that were inferred (a number from an adilet
    /// code, a translated title, …) rather than read from the act itself.
    pub inferred: Vec<String>,
}

/// Everything the calendar knows about one date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Day {
    /// The date.
    pub date: NaiveDate,
    /// Its kind.
    pub kind: DayKind,
    /// Whether it is a working day.
    pub working: bool,
    /// The holiday's name (for a substitute day: the holiday it stands for; for a
    /// transfer: what happened); `None` for ordinary working days and weekends.
    pub names: Option<Names>,
    /// The data's remark on the legal source of this day's status (English,
    /// written for maintainers; kept for compatibility). What a reader is
    /// shown is [`citations`](Day::citations), in their language:
    /// [`Day::sources_in`].
    pub source: Option<String>,
    /// A link to the official text of that source, when it has one.
    pub source_url: Option<String>,
    /// What about this day's source was inferred rather than read from the
    /// act (e.g. `"number"`, `"title.kk"`); empty when nothing was.
    pub inferred: Vec<String>,
    /// The act that moved this day, for transfers.
    pub act: Option<ActRef>,
    /// The acts this day's status rests on, each rendered per language by
    /// [`Citation::render`] (the reader's form of `source`, which is the
    /// data's English remark). In JSON each is an object with the act's
    /// fields, the `confidence` code and `text`, the citation as a person
    /// reads it in kk, ru and en; research remarks are left out.
    #[serde(serialize_with = "crate::citation::serialize_for_readers")]
    pub citations: Vec<Citation>,
    /// Whether this day's status may still change (year not final, or past coverage).
    pub provisional: bool,
    /// Whether this day's status rests on an estimated date (Kurban Ait not yet announced).
    pub estimated: bool,
}

impl Day {
    /// The day's sources as a person reads them in `lang`: its citations in
    /// the formal style of the language, each with its confidence
    /// ([`Citation::render_full`]), joined by "; ". A day without citations
    /// (an overlay's entry that cites no act) gives the data's `source`
    /// remark as written; an ordinary day gives "". What the exports print.
    pub fn sources_in(&self, lang: Lang) -> String {
        if self.citations.is_empty() {
            return self.source.clone().unwrap_or_default();
        }
        crate::citation::render_all(&self.citations, lang)
    }

    /// The links of the day's citations, in order, each once (the data's
    /// `source_url` for a day without citations).
    pub fn source_links(&self) -> Vec<&str> {
        if self.citations.is_empty() {
            return self.source_url.as_deref().into_iter().collect();
        }
        let mut links: Vec<&str> = Vec::new();
        for u in self.citations.iter().filter_map(|c| c.url.as_deref()) {
            if !links.contains(&u) {
                links.push(u);
            }
        }
        links
    }
}

/// What makes a special day special: a compact reference into the dataset,
/// resolved to names and sources only when [`Calendar::day`] is asked.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Detail {
    /// A statutory holiday or religious day (index into `holidays`).
    Holiday(u32),
    /// Kurban Ait (index into `kurban`).
    Kurban(u32),
    /// The substitute for the holiday rule `.0` that fell on day `.1`.
    Substitute(u32, u32),
    /// A day off moved by act `.0`; day `.1` is worked instead.
    MovedOff(u32, u32),
    /// A day worked by act `.0` instead of day off `.1`.
    Worked(u32, u32),
    /// A day off declared by act `.0`.
    Declared(u32),
}

impl Calendar {
    /// The kind of `date`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::OutOfCoverage`](crate::ErrorKind::OutOfCoverage) for a
    /// date outside [`valid_range`](Calendar::valid_range).
    pub fn day_kind(&self, date: NaiveDate) -> Result<DayKind> {
        Ok(self.kind_at(self.index(date)?))
    }

    /// Everything known about `date`: kind, names, source, act, provisional flags.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::OutOfCoverage`](crate::ErrorKind::OutOfCoverage) for a
    /// date outside [`valid_range`](Calendar::valid_range).
    pub fn day(&self, date: NaiveDate) -> Result<Day> {
        let i = self.index(date)?;
        let kind = self.kind_at(i);
        let detail = match kind {
            DayKind::Working | DayKind::Weekend => None,
            _ => self.detail_at(i),
        };
        let data = self.data();
        let act_ref = |a: u32| {
            let act = &data.acts[a as usize];
            ActRef {
                id: act.id.clone(),
                title: act.title.clone(),
                body: act.body.clone(),
                number: act.number.clone(),
                date: act.date,
                url: act.url.clone(),
                inferred: act.inferred.clone(),
            }
        };
        // A day set by act `a`: its names, the act's source, the act.
        let year = date.year();
        let mut citations: Vec<Citation> = Vec::new();
        let mut by_act = |a: u32, names: Names| {
            let act = &data.acts[a as usize];
            citations.push(act.citation.clone());
            let link = (act.url.clone(), act.inferred.clone());
            (
                Some(names),
                Some(act.source.clone()),
                Some(act_ref(a)),
                false,
                link,
            )
        };
        let none = (None, Vec::new());
        let (names, source, act, estimated, (source_url, inferred)) = match detail {
            None => (None, None, None, false, none),
            Some(Detail::Holiday(r)) => {
                let rule = &data.holidays[r as usize];
                citations = cites_for(&rule.cites, year);
                (
                    Some(rule.names.clone()),
                    Some(rule.source.clone()),
                    None,
                    false,
                    (rule.url.clone(), rule.inferred.clone()),
                )
            }
            Some(Detail::Kurban(k)) => {
                let k = &data.kurban[k as usize];
                citations = cites_for(&k.cites, year);
                let names = data.kurban_names.clone();
                let link = (k.url.clone(), Vec::new());
                (
                    Some(names),
                    Some(k.source.clone()),
                    None,
                    data.kurban_estimated(k),
                    link,
                )
            }
            Some(Detail::Substitute(r, h)) => {
                let n = &data.holidays[r as usize].names;
                let h = crate::dates::date_of(h);
                citations = cites_for(&data.substitution_cites, year);
                let d = Lang::Ru.format_date(h);
                let names = Names::new(
                    format!("{} (ауыстырылған демалыс күні, {d})", n.kk),
                    format!("{} (перенос выходного дня с {d})", n.ru),
                    format!("{} (substitute day off for {h})", n.en),
                );
                (
                    Some(names),
                    Some(data.substitution_source.clone()),
                    None,
                    false,
                    (data.substitution_url.clone(), Vec::new()),
                )
            }
            Some(Detail::MovedOff(a, w)) => {
                let w = crate::dates::date_of(w);
                let d = Lang::Ru.format_date(w);
                let names = Names::new(
                    format!("Демалыс күні ауыстырылды ({d} жұмыс күні)"),
                    format!("Перенесённый выходной день (рабочий день {d})"),
                    format!("Day off moved by an act (worked on {w} instead)"),
                );
                by_act(a, names)
            }
            Some(Detail::Worked(a, o)) => {
                let o = crate::dates::date_of(o);
                let d = Lang::Ru.format_date(o);
                let names = Names::new(
                    format!("Жұмыс күні ({d} демалыс күнінің орнына)"),
                    format!("Рабочий день (вместо выходного {d})"),
                    format!("Working day by an act (instead of {o})"),
                );
                by_act(a, names)
            }
            Some(Detail::Declared(a)) => {
                let names = Names::new(
                    "Актімен жарияланған демалыс күні",
                    "Нерабочий день, объявленный актом",
                    "Day off declared by an act",
                );
                by_act(a, names)
            }
        };
        Ok(Day {
            date,
            kind,
            working: kind.is_working(),
            names,
            source,
            source_url,
            inferred,
            act,
            citations,
            provisional: self.is_provisional(date),
            estimated,
        })
    }
}

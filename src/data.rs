//! The holiday data: the TOML schema of `holidays/`, its parser and the embedded files.
//!
//! Code here reads facts; it holds none. Every date lives in `holidays/*.toml`.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;
use toml::Spanned;

use crate::names::Names;
use crate::{Error, Result};

/// The embedded data files, in the order they are applied.
pub(crate) const EMBEDDED: &[(&str, &str)] = &[
    (
        "holidays/statutory.toml",
        include_str!("../holidays/statutory.toml"),
    ),
    (
        "holidays/kurban-ait.toml",
        include_str!("../holidays/kurban-ait.toml"),
    ),
    (
        "holidays/transfers/2000.toml",
        include_str!("../holidays/transfers/2000.toml"),
    ),
    (
        "holidays/transfers/2001.toml",
        include_str!("../holidays/transfers/2001.toml"),
    ),
    (
        "holidays/transfers/2002.toml",
        include_str!("../holidays/transfers/2002.toml"),
    ),
    (
        "holidays/transfers/2003.toml",
        include_str!("../holidays/transfers/2003.toml"),
    ),
    (
        "holidays/transfers/2004.toml",
        include_str!("../holidays/transfers/2004.toml"),
    ),
    (
        "holidays/transfers/2005.toml",
        include_str!("../holidays/transfers/2005.toml"),
    ),
    (
        "holidays/transfers/2006.toml",
        include_str!("../holidays/transfers/2006.toml"),
    ),
    (
        "holidays/transfers/2007.toml",
        include_str!("../holidays/transfers/2007.toml"),
    ),
    (
        "holidays/transfers/2008.toml",
        include_str!("../holidays/transfers/2008.toml"),
    ),
    (
        "holidays/transfers/2009.toml",
        include_str!("../holidays/transfers/2009.toml"),
    ),
    (
        "holidays/transfers/2010.toml",
        include_str!("../holidays/transfers/2010.toml"),
    ),
    (
        "holidays/transfers/2011.toml",
        include_str!("../holidays/transfers/2011.toml"),
    ),
    (
        "holidays/transfers/2012.toml",
        include_str!("../holidays/transfers/2012.toml"),
    ),
    (
        "holidays/transfers/2013.toml",
        include_str!("../holidays/transfers/2013.toml"),
    ),
    (
        "holidays/transfers/2014.toml",
        include_str!("../holidays/transfers/2014.toml"),
    ),
    (
        "holidays/transfers/2015.toml",
        include_str!("../holidays/transfers/2015.toml"),
    ),
    (
        "holidays/transfers/2016.toml",
        include_str!("../holidays/transfers/2016.toml"),
    ),
    (
        "holidays/transfers/2017.toml",
        include_str!("../holidays/transfers/2017.toml"),
    ),
    (
        "holidays/transfers/2018.toml",
        include_str!("../holidays/transfers/2018.toml"),
    ),
    (
        "holidays/transfers/2019.toml",
        include_str!("../holidays/transfers/2019.toml"),
    ),
    (
        "holidays/transfers/2020.toml",
        include_str!("../holidays/transfers/2020.toml"),
    ),
    (
        "holidays/transfers/2021.toml",
        include_str!("../holidays/transfers/2021.toml"),
    ),
    (
        "holidays/transfers/2022.toml",
        include_str!("../holidays/transfers/2022.toml"),
    ),
    (
        "holidays/transfers/2023.toml",
        include_str!("../holidays/transfers/2023.toml"),
    ),
    (
        "holidays/transfers/2024.toml",
        include_str!("../holidays/transfers/2024.toml"),
    ),
    (
        "holidays/transfers/2025.toml",
        include_str!("../holidays/transfers/2025.toml"),
    ),
    (
        "holidays/transfers/2026.toml",
        include_str!("../holidays/transfers/2026.toml"),
    ),
    (
        "holidays/transfers/2027.toml",
        include_str!("../holidays/transfers/2027.toml"),
    ),
];

/// Whether a holiday gets a substitute day when it falls on a weekend.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum HolidayKind {
    /// A national or state holiday (Law on holidays): substituted.
    Public,
    /// A religious day off (Labour Code art. 84 p. 5): never substituted.
    Religious,
}

/// A statutory holiday rule: fixed dates in force over a range of years.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct HolidayRule {
    pub id: String,
    pub kind: HolidayKind,
    pub dates: Vec<(u32, u32)>,
    pub from: i32,
    pub until: i32,
    pub names: Names,
    pub source: String,
}

/// The first day of Kurban Ait in one year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct KurbanDate {
    pub year: i32,
    pub date: NaiveDate,
    pub estimated: bool,
    pub source: String,
}

/// An act that moves days off (government decree, ministry order) or declares one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Act {
    pub id: String,
    pub title: Names,
    pub body: String,
    pub number: Option<String>,
    pub date: Option<NaiveDate>,
    pub source: String,
    /// (day off, working day) pairs.
    pub transfers: Vec<(NaiveDate, NaiveDate)>,
    /// Days declared off with nothing worked in return.
    pub days_off: Vec<NaiveDate>,
    /// Where the act is written: `file: line N`.
    pub origin: String,
}

/// Whether a year's transfer acts are all published.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct YearStatus {
    pub provisional: bool,
}

/// Everything the calendar is built from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Dataset {
    pub substitution_since: i32,
    pub substitution_source: String,
    pub holidays: Vec<HolidayRule>,
    pub kurban: Vec<KurbanDate>,
    pub years: BTreeMap<i32, YearStatus>,
    pub acts: Vec<Act>,
    /// Which files (or overlays) went in, for `data_version`.
    pub origins: Vec<String>,
}

// ---------- raw TOML shapes ----------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    // statutory.toml
    substitution: Option<RawSubstitution>,
    holiday: Option<Vec<RawHoliday>>,
    // kurban-ait.toml
    date: Option<Vec<RawKurban>>,
    // overlays
    kurban_ait: Option<Vec<RawKurban>>,
    // transfers/YYYY.toml
    year: Option<Spanned<i64>>,
    status: Option<Spanned<String>>,
    note: Option<String>,
    act: Option<Vec<RawAct>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSubstitution {
    since: i32,
    source: String,
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHoliday {
    id: String,
    kind: HolidayKind,
    dates: Spanned<Vec<String>>,
    from: Option<i32>,
    until: Option<i32>,
    names: Names,
    source: String,
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKurban {
    year: i32,
    date: Spanned<String>,
    status: Spanned<String>,
    source: String,
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAct {
    id: Spanned<String>,
    #[allow(dead_code)]
    kind: Option<String>,
    body: Option<String>,
    number: Option<String>,
    date: Option<Spanned<String>>,
    title: Option<Names>,
    source: String,
    #[allow(dead_code)]
    note: Option<String>,
    transfer: Option<Vec<RawTransfer>>,
    day_off: Option<Vec<RawDayOff>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTransfer {
    day_off: Spanned<String>,
    working_day: Spanned<String>,
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDayOff {
    date: Spanned<String>,
    #[allow(dead_code)]
    note: Option<String>,
}

/// 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

struct Ctx<'a> {
    origin: &'a str,
    text: &'a str,
}

impl Ctx<'_> {
    fn err(&self, span: std::ops::Range<usize>, problem: impl std::fmt::Display) -> Error {
        Error::invalid_data(format!(
            "{}: line {}: {}",
            self.origin,
            line_of(self.text, span.start),
            problem
        ))
    }

    fn date(&self, s: &Spanned<String>) -> Result<NaiveDate> {
        NaiveDate::parse_from_str(s.get_ref(), "%Y-%m-%d").map_err(|_| {
            self.err(
                s.span(),
                format!(
                    "{:?} is not a valid date: expected YYYY-MM-DD, e.g. \"2024-05-04\"",
                    s.get_ref()
                ),
            )
        })
    }
}

/// Earliest and latest year the rules may be asked about (the provisional horizon).
pub(crate) const FIRST_YEAR: i32 = 2000;
pub(crate) const LAST_YEAR: i32 = 2100;

impl Dataset {
    /// The embedded data, as the build script parsed and checked it
    /// (`build.rs` turns `holidays/*.toml` into Rust, so start-up parses nothing).
    pub fn embedded() -> Result<Dataset> {
        Ok(crate::embedded::embedded_dataset())
    }

    /// The embedded files parsed now (what `build.rs` runs; tests compare both).
    #[cfg_attr(not(test), allow(dead_code))]
    pub fn parse_embedded() -> Result<Dataset> {
        let mut data = Dataset::default();
        for (origin, text) in EMBEDDED {
            data.apply(origin, text)?;
        }
        Ok(data)
    }

    /// Parses `text` and layers it over this dataset. On error nothing changes.
    pub fn apply(&mut self, origin: &str, text: &str) -> Result<()> {
        let mut next = self.clone();
        next.apply_in_place(origin, text)?;
        *self = next;
        Ok(())
    }

    fn apply_in_place(&mut self, origin: &str, text: &str) -> Result<()> {
        let cx = Ctx { origin, text };
        let raw: RawFile = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of(text, s.start));
            let msg = e.message().trim().to_string();
            match line {
                Some(l) => Error::invalid_data(format!("{origin}: line {l}: {msg}")),
                None => Error::invalid_data(format!("{origin}: {msg}")),
            }
        })?;
        if let Some(sub) = raw.substitution {
            self.substitution_since = sub.since;
            self.substitution_source = sub.source;
        }
        for h in raw.holiday.unwrap_or_default() {
            let mut dates = Vec::new();
            for d in h.dates.get_ref() {
                let md =
                    NaiveDate::parse_from_str(&format!("2000-{d}"), "%Y-%m-%d").map_err(|_| {
                        cx.err(
                            h.dates.span(),
                            format!(
                                "holiday {:?}: {d:?} is not a valid MM-DD date, e.g. \"03-22\"",
                                h.id
                            ),
                        )
                    })?;
                dates.push((md.month(), md.day()));
            }
            // A later entry with the id of an earlier one replaces it (overlays correct rules).
            self.holidays.retain(|x| x.id != h.id);
            let from = h.from.unwrap_or(i32::MIN);
            let until = h.until.unwrap_or(i32::MAX);
            if from > until {
                return Err(cx.err(
                    h.dates.span(),
                    format!("holiday {:?}: from {from} is after until {until}", h.id),
                ));
            }
            self.holidays.push(HolidayRule {
                id: h.id,
                kind: h.kind,
                dates,
                from,
                until,
                names: h.names,
                source: h.source,
            });
        }
        for k in raw.date.into_iter().chain(raw.kurban_ait).flatten() {
            let date = cx.date(&k.date)?;
            if date.year() != k.year {
                return Err(cx.err(
                    k.date.span(),
                    format!("Kurban Ait date {date} is not in year {}", k.year),
                ));
            }
            let estimated = match k.status.get_ref().as_str() {
                "confirmed" => false,
                "estimated" => true,
                other => {
                    return Err(cx.err(
                        k.status.span(),
                        format!("status {other:?}: expected \"confirmed\" or \"estimated\""),
                    ))
                }
            };
            // An overlay's date for a year replaces the dates known for that year
            // (estimated or not); the embedded file may list two dates in one year.
            if origin != "holidays/kurban-ait.toml" {
                self.kurban.retain(|x| x.year != k.year);
            }
            self.kurban.push(KurbanDate {
                year: k.year,
                date,
                estimated,
                source: k.source,
            });
        }
        self.kurban.sort_by_key(|k| k.date);
        self.kurban.dedup_by_key(|k| k.date);
        if let Some(year) = &raw.year {
            let y = *year.get_ref();
            if !(FIRST_YEAR as i64..=LAST_YEAR as i64).contains(&y) {
                return Err(cx.err(
                    year.span(),
                    format!("year {y} is outside {FIRST_YEAR}..={LAST_YEAR}"),
                ));
            }
            let provisional = match &raw.status {
                None => false,
                Some(s) => match s.get_ref().as_str() {
                    "final" => false,
                    "provisional" => true,
                    other => {
                        return Err(cx.err(
                            s.span(),
                            format!("status {other:?}: expected \"final\" or \"provisional\""),
                        ))
                    }
                },
            };
            self.years.insert(y as i32, YearStatus { provisional });
        } else if let Some(s) = &raw.status {
            return Err(cx.err(s.span(), "`status` needs a `year` beside it"));
        }
        let _ = raw.note;
        for a in raw.act.unwrap_or_default() {
            let date = a.date.as_ref().map(|d| cx.date(d)).transpose()?;
            let mut transfers = Vec::new();
            for t in a.transfer.unwrap_or_default() {
                let off = cx.date(&t.day_off)?;
                let work = cx.date(&t.working_day)?;
                if off == work {
                    return Err(cx.err(
                        t.day_off.span(),
                        format!(
                            "act {:?}: day_off and working_day are both {off}",
                            a.id.get_ref()
                        ),
                    ));
                }
                transfers.push((off, work));
            }
            let days_off = a
                .day_off
                .unwrap_or_default()
                .iter()
                .map(|d| cx.date(&d.date))
                .collect::<Result<Vec<_>>>()?;
            let id = a.id.get_ref().clone();
            let act_origin = format!("{origin}: line {}", line_of(text, a.id.span().start));
            // An overlay may correct an act: the same id replaces it.
            self.acts.retain(|x| x.id != id);
            self.acts.push(Act {
                id,
                title: a.title.unwrap_or_default(),
                body: a.body.unwrap_or_default(),
                number: a.number,
                date,
                source: a.source,
                transfers,
                days_off,
                origin: act_origin,
            });
        }
        self.origins.push(origin.to_string());
        Ok(())
    }
}

/// FNV-1a over the embedded files: the content part of `data_version`
/// (computed by `build.rs`).
#[cfg_attr(not(test), allow(dead_code))] // used by build.rs and the tests
pub(crate) fn content_hash(parts: &[&str]) -> u32 {
    let mut h: u64 = 0xcbf29ce484222325;
    for p in parts {
        for b in p.bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
    }
    h as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_data_equals_the_parsed_files() {
        assert_eq!(
            Dataset::embedded().unwrap(),
            Dataset::parse_embedded().unwrap()
        );
        let texts: Vec<&str> = EMBEDDED.iter().map(|(_, t)| *t).collect();
        assert_eq!(crate::embedded::EMBEDDED_HASH, content_hash(&texts));
    }
}

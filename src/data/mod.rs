//! The holiday data: the TOML schema of `holidays/` and its parser (used for
//! overlays at run time and, in the tests, to regenerate the embedded data:
//! see `embedded.rs`).
//!
//! Code here reads facts; it holds none. Every date lives in `holidays/*.toml`.

pub(crate) mod embedded;

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use serde::Deserialize;
use toml::Spanned;

use crate::citation::{ActKind, Citation, Confidence};
use crate::dates::{FIRST_YEAR, LAST_YEAR};
use crate::names::Names;
use crate::safe_text::{printable, printable_names};
use crate::week::Week;
use crate::{Error, Result};

/// Whether a holiday gets a substitute day when it falls on a weekend.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum HolidayKind {
    /// A national or state holiday (Law on holidays): substituted.
    Public,
    /// A religious day off (Labour Code art. 84 p. 5): never substituted.
    Religious,
}

/// A citation of an entry: the act (with the article relied on), for the
/// years `from..=until` of the entry's days.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Cite {
    pub citation: Citation,
    pub from: i32,
    pub until: i32,
}

/// The citations of `cites` that apply to a day in `year`.
pub(crate) fn cites_for(cites: &[Cite], year: i32) -> Vec<Citation> {
    cites
        .iter()
        .filter(|c| (c.from..=c.until).contains(&year))
        .map(|c| c.citation.clone())
        .collect()
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
    pub url: Option<String>,
    pub inferred: Vec<String>,
    /// The acts it rests on.
    pub cites: Vec<Cite>,
    /// The entry is part of the law as known from this date (`None`: always).
    pub known_from: Option<NaiveDate>,
    /// The entry was superseded on this date (`None`: still current).
    pub known_until: Option<NaiveDate>,
}

/// The first day of Kurban Ait in one year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct KurbanDate {
    pub year: i32,
    pub date: NaiveDate,
    pub estimated: bool,
    pub source: String,
    pub url: Option<String>,
    /// The acts and announcement it rests on.
    pub cites: Vec<Cite>,
    pub known_from: Option<NaiveDate>,
    pub known_until: Option<NaiveDate>,
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
    pub url: Option<String>,
    pub inferred: Vec<String>,
    /// The act as cited.
    pub citation: Citation,
    /// Known from this date (its adoption date unless the data says otherwise).
    pub known_from: Option<NaiveDate>,
    /// The weeks it applies to (five-day only unless the act says otherwise).
    pub weeks: Vec<Week>,
    /// (day off, working day) pairs.
    pub transfers: Vec<(NaiveDate, NaiveDate)>,
    /// Days declared off with nothing worked in return.
    pub days_off: Vec<NaiveDate>,
    /// Where the act is written: `file: line N`.
    pub origin: String,
}

/// Whether a year's transfer acts are all published, and the Ministry's
/// table of the year as it published it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct YearStatus {
    pub provisional: bool,
    pub published_table: Option<PublishedTable>,
}

/// The Ministry's production calendar and balance of working time of a year
/// as published (`[published_table]` of `transfers/YYYY.toml`): the data as
/// known on `as_known_on` is that table, so any day today's data count
/// otherwise was changed by an act adopted after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct PublishedTable {
    pub as_known_on: NaiveDate,
    pub source: String,
}

/// Everything the calendar is built from: the data ([`Facts`], shared by
/// every view of it, read through `Deref`) and the date it is as known on.
/// A view as known on another date copies a pointer, not the data; a change
/// (an overlay) copies the data once (`DerefMut`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Dataset {
    facts: Arc<Facts>,
    /// The calendar as known on this date (`None`: as known now).
    pub known_on: Option<NaiveDate>,
}

impl Dataset {
    /// The data as known now.
    pub fn new(facts: Facts) -> Dataset {
        Dataset {
            facts: Arc::new(facts),
            known_on: None,
        }
    }
}

impl std::ops::Deref for Dataset {
    type Target = Facts;
    fn deref(&self) -> &Facts {
        &self.facts
    }
}

impl std::ops::DerefMut for Dataset {
    fn deref_mut(&mut self) -> &mut Facts {
        Arc::make_mut(&mut self.facts)
    }
}

/// The holiday data itself (see [`Dataset`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Facts {
    pub substitution_since: i32,
    pub substitution_source: String,
    pub substitution_url: Option<String>,
    /// The acts the substitution rule rests on.
    pub substitution_cites: Vec<Cite>,
    /// The substitution rule is part of the law as known from this date.
    pub substitution_known_from: Option<NaiveDate>,
    /// The acts cited by id (`[[cited]]`), for `cite` references.
    pub cited: BTreeMap<String, Citation>,
    /// The date the data was last checked against official sources.
    pub data_as_of: Option<NaiveDate>,
    pub holidays: Vec<HolidayRule>,
    pub kurban: Vec<KurbanDate>,
    /// The name of the first day of Kurban Ait (`names` in kurban-ait.toml).
    pub kurban_names: Names,
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
    names: Option<Names>,
    // overlays
    kurban_ait: Option<Vec<RawKurban>>,
    // statutory.toml: when the data was last checked
    data_as_of: Option<Spanned<String>>,
    // transfers/YYYY.toml
    year: Option<Spanned<i64>>,
    status: Option<Spanned<String>>,
    note: Option<String>,
    published_table: Option<RawPublishedTable>,
    act: Option<Vec<RawAct>>,
    // any file: acts cited by id
    cited: Option<Vec<RawCited>>,
    // kurban-ait.toml: the citations of a date without its own `cite`
    kurban_cite: Option<Vec<RawCiteRef>>,
}

/// An act cited by id from `cite` references.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCited {
    id: Spanned<String>,
    kind: ActKind,
    issuer: Option<Names>,
    date: Option<Spanned<String>>,
    year: Option<i32>,
    number: Option<String>,
    title: Option<Names>,
    url: Option<Spanned<String>>,
    no_url: Option<String>,
    confidence: Confidence,
    note: Option<String>,
}

/// A reference to a cited act: its id, the article relied on, the years of
/// the entry it is cited for, and a confidence that overrides the act's.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCiteRef {
    act: Spanned<String>,
    article: Option<String>,
    paragraph: Option<String>,
    from: Option<i32>,
    until: Option<i32>,
    confidence: Option<Confidence>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPublishedTable {
    as_known_on: Spanned<String>,
    source: String,
    #[serde(rename = "secondary")]
    _secondary: Option<Vec<String>>,
    #[serde(rename = "note")]
    _note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSubstitution {
    since: i32,
    source: String,
    url: Option<Spanned<String>>,
    #[serde(rename = "secondary", default)]
    _secondary: Vec<String>,
    known_from: Option<Spanned<String>>,
    #[serde(default)]
    cite: Vec<RawCiteRef>,
    #[serde(rename = "note")]
    _note: Option<String>,
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
    url: Option<Spanned<String>>,
    #[serde(rename = "secondary", default)]
    _secondary: Vec<String>,
    #[serde(default)]
    inferred: Vec<String>,
    #[serde(default)]
    cite: Vec<RawCiteRef>,
    known_from: Option<Spanned<String>>,
    known_until: Option<Spanned<String>>,
    #[serde(rename = "note")]
    _note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKurban {
    year: i32,
    date: Spanned<String>,
    status: Spanned<String>,
    source: String,
    url: Option<Spanned<String>>,
    #[serde(rename = "secondary", default)]
    _secondary: Vec<String>,
    cite: Option<Vec<RawCiteRef>>,
    known_from: Option<Spanned<String>>,
    known_until: Option<Spanned<String>>,
    #[serde(rename = "note")]
    _note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAct {
    id: Spanned<String>,
    kind: Option<Spanned<String>>,
    body: Option<String>,
    issuer: Option<Names>,
    year: Option<i32>,
    no_url: Option<String>,
    confidence: Option<Confidence>,
    number: Option<String>,
    date: Option<Spanned<String>>,
    published: Option<Spanned<String>>,
    known_from: Option<Spanned<String>>,
    title: Option<Names>,
    source: String,
    url: Option<Spanned<String>>,
    #[serde(rename = "secondary", default)]
    _secondary: Vec<String>,
    #[serde(default)]
    inferred: Vec<String>,
    weeks: Option<Spanned<Vec<String>>>,
    #[serde(rename = "note")]
    _note: Option<String>,
    transfer: Option<Vec<RawTransfer>>,
    day_off: Option<Vec<RawDayOff>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTransfer {
    day_off: Spanned<String>,
    working_day: Spanned<String>,
    #[serde(rename = "note")]
    _note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDayOff {
    date: Spanned<String>,
    #[serde(rename = "note")]
    _note: Option<String>,
}

/// 1-based line of a byte offset (one scan: for a single error).
fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

struct Ctx<'a> {
    origin: &'a str,
    /// Byte offsets of the newlines, for lines in O(log n) (a file may hold
    /// tens of thousands of acts, each with its line).
    newlines: Vec<usize>,
}

impl Ctx<'_> {
    fn new<'a>(origin: &'a str, text: &str) -> Ctx<'a> {
        Ctx {
            origin,
            newlines: memchr_all(text.as_bytes()),
        }
    }

    /// 1-based line of a byte offset.
    fn line(&self, offset: usize) -> usize {
        self.newlines.partition_point(|&n| n < offset) + 1
    }

    fn err(&self, span: std::ops::Range<usize>, problem: impl std::fmt::Display) -> Error {
        Error::invalid_data(format!(
            "{}: line {}: {}",
            self.origin,
            self.line(span.start),
            problem
        ))
    }

    /// An entry known from `from` until `until` must be known for at least a
    /// day: `known_until` after `known_from`.
    fn check_known(
        &self,
        span: Option<&Spanned<String>>,
        from: Option<NaiveDate>,
        until: Option<NaiveDate>,
    ) -> Result<()> {
        match (span, from, until) {
            (Some(s), Some(f), Some(u)) if u <= f => Err(self.err(
                s.span(),
                format!(
                    "known_until {u} is not after known_from {f}: the entry would never be known"
                ),
            )),
            _ => Ok(()),
        }
    }

    /// A link, checked ([`check_url`](crate::safe_text::check_url)).
    fn url(&self, u: Option<Spanned<String>>) -> Result<Option<String>> {
        match u {
            None => Ok(None),
            Some(u) => match crate::safe_text::check_url(u.get_ref()) {
                Ok(()) => Ok(Some(u.into_inner())),
                Err(problem) => Err(self.err(u.span(), format!("field `url`: {problem}"))),
            },
        }
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

/// The 32-bit FNV-1a hash of `text`.
fn fnv32(text: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in text.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

fn memchr_all(b: &[u8]) -> Vec<usize> {
    b.iter()
        .enumerate()
        .filter(|(_, &c)| c == b'\n')
        .map(|(i, _)| i)
        .collect()
}

impl Dataset {
    /// Whether an entry known from `from` and superseded on `until` is part
    /// of the data as known on [`known_on`](Dataset::known_on) (as known now:
    /// every entry not superseded).
    pub fn knows(&self, from: Option<NaiveDate>, until: Option<NaiveDate>) -> bool {
        match self.known_on {
            None => until.is_none(),
            Some(d) => from.is_none_or(|f| f <= d) && until.is_none_or(|u| d < u),
        }
    }

    /// Whether the Kurban Ait date `k` is an estimate in this view: estimated
    /// in the data, or, as known on an earlier date, not yet announced then
    /// (announced on its announcement's date when the data cites one with a
    /// date, else at the latest on the day itself).
    pub fn kurban_estimated(&self, k: &KurbanDate) -> bool {
        if k.estimated {
            return true;
        }
        let Some(on) = self.known_on else {
            return false;
        };
        let announced = k
            .cites
            .iter()
            .filter(|c| c.citation.kind == ActKind::Announcement)
            .filter_map(|c| c.citation.date)
            .min()
            .unwrap_or(k.date);
        on < announced
    }

    /// Whether year `y` is provisional in this view beyond its status now: as
    /// known on an earlier date, an act that changes a day of `y` was not yet
    /// adopted (or, for an act whose adoption date is unknown, not yet known
    /// by its bound), or `y` was a later year with none of its acts known yet.
    pub fn provisional_in_view(&self, y: i32) -> bool {
        let Some(on) = self.known_on else {
            return false;
        };
        let touches = |a: &Act| {
            a.transfers
                .iter()
                .any(|(o, w)| o.year() == y || w.year() == y)
                || a.days_off.iter().any(|d| d.year() == y)
        };
        let mut known_any = false;
        for a in self.acts.iter().filter(|a| touches(a)) {
            if self.knows(a.known_from, None) {
                known_any = true;
            } else {
                return true;
            }
        }
        y > on.year() && !known_any
    }

    /// The version string of this data: coverage, a hash of the embedded
    /// files, and the overlays applied.
    pub fn version(&self, last_year: i32) -> String {
        let mut v = format!(
            "kz-{FIRST_YEAR}-{last_year}+{:08x}",
            embedded::EMBEDDED_HASH
        );
        let overlays = self.origins.get(embedded::FILES.len()..).unwrap_or(&[]);
        if !overlays.is_empty() {
            v.push_str(&format!("+overlay:{}", overlays.join(",")));
        }
        if let Some(d) = self.known_on {
            v.push_str(&format!("+known-on:{d}"));
        }
        v
    }

    /// Parses `text` and layers it over this dataset. On error nothing changes.
    pub fn apply(&mut self, origin: &str, text: &str) -> Result<()> {
        let mut next = self.clone();
        next.apply_in_place(origin, text)?;
        *self = next;
        Ok(())
    }

    fn apply_in_place(&mut self, origin: &str, text: &str) -> Result<()> {
        let cx = Ctx::new(origin, text);
        let raw: RawFile = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of(text, s.start));
            let msg = e.message().trim().to_string();
            match line {
                Some(l) => Error::invalid_data(format!("{origin}: line {l}: {msg}")),
                None => Error::invalid_data(format!("{origin}: {msg}")),
            }
        })?;
        for c in raw.cited.unwrap_or_default() {
            let url = cx.url(c.url)?;
            if url.is_none() && c.no_url.as_deref().is_none_or(|r| r.trim().is_empty()) {
                return Err(cx.err(
                    c.id.span(),
                    format!(
                        "cited act {:?}: no `url` and no `no_url` saying why there is none",
                        c.id.get_ref()
                    ),
                ));
            }
            let citation = Citation {
                kind: c.kind,
                issuer: c.issuer.map(printable_names),
                date: c.date.as_ref().map(|d| cx.date(d)).transpose()?,
                year: c.year,
                number: c.number.map(printable),
                title: c.title.map(printable_names),
                article: None,
                paragraph: None,
                url,
                no_url: c.no_url.map(printable),
                confidence: c.confidence,
                note: c.note.map(printable),
            };
            self.cited.insert(c.id.into_inner(), citation);
        }
        if let Some(sub) = raw.substitution {
            self.substitution_since = sub.since;
            self.substitution_source = printable(sub.source);
            self.substitution_url = cx.url(sub.url)?;
            self.substitution_cites = self.resolve_cites(&cx, sub.cite)?;
            self.substitution_known_from =
                sub.known_from.as_ref().map(|k| cx.date(k)).transpose()?;
        }
        if let Some(d) = &raw.data_as_of {
            self.data_as_of = Some(cx.date(d)?);
        }
        // Where the last entry that replaces an id (or, for Kurban Ait, an
        // overlay's year) stands: earlier entries are dropped in one pass
        // after the loop, so loading stays linear in the number of entries.
        let mut replaced_from: std::collections::HashMap<String, usize> =
            std::collections::HashMap::new();
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
            // A later entry with the id of an earlier one replaces it (overlays
            // correct rules), unless both say from when they were known (two
            // versions of one rule, for calendars as known on a date).
            if h.known_from.is_none() && h.known_until.is_none() {
                replaced_from.insert(h.id.clone(), self.holidays.len());
            }
            let from = h.from.unwrap_or(i32::MIN);
            let until = h.until.unwrap_or(i32::MAX);
            if from > until {
                return Err(cx.err(
                    h.dates.span(),
                    format!("holiday {:?}: from {from} is after until {until}", h.id),
                ));
            }
            let known_from = h.known_from.as_ref().map(|d| cx.date(d)).transpose()?;
            let known_until = h.known_until.as_ref().map(|d| cx.date(d)).transpose()?;
            cx.check_known(h.known_until.as_ref(), known_from, known_until)?;
            let cites = self.resolve_cites(&cx, h.cite)?;
            self.holidays.push(HolidayRule {
                id: h.id,
                kind: h.kind,
                dates,
                from,
                until,
                names: printable_names(h.names),
                source: printable(h.source),
                url: cx.url(h.url)?,
                inferred: h.inferred,
                cites,
                known_from,
                known_until,
            });
        }
        if !replaced_from.is_empty() {
            let all = std::mem::take(&mut self.holidays);
            self.holidays = all
                .into_iter()
                .enumerate()
                .filter(|(p, x)| replaced_from.get(&x.id).is_none_or(|l| p >= l))
                .map(|(_, x)| x)
                .collect();
        }
        let mut year_replaced_from: std::collections::HashMap<i32, usize> =
            std::collections::HashMap::new();
        if let Some(n) = raw.names {
            if n.kk.trim().is_empty() || n.ru.trim().is_empty() || n.en.trim().is_empty() {
                return Err(Error::invalid_data(format!(
                    "{origin}: `names` of Kurban Ait needs kk, ru and en"
                )));
            }
            self.kurban_names = printable_names(n);
        }
        let kurban_default = raw.kurban_cite.unwrap_or_default();
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
                year_replaced_from.insert(k.year, self.kurban.len());
            }
            let known_from = k.known_from.as_ref().map(|d| cx.date(d)).transpose()?;
            let known_until = k.known_until.as_ref().map(|d| cx.date(d)).transpose()?;
            cx.check_known(k.known_until.as_ref(), known_from, known_until)?;
            let refs = match k.cite {
                Some(c) => c,
                None => kurban_default
                    .iter()
                    .map(|r| RawCiteRef {
                        act: r.act.clone(),
                        article: r.article.clone(),
                        paragraph: r.paragraph.clone(),
                        from: r.from,
                        until: r.until,
                        confidence: r.confidence,
                    })
                    .collect(),
            };
            let mut cites = self.resolve_cites(&cx, refs)?;
            for c in &mut cites {
                // An announcement cited without its own year is the one for
                // this year; an estimated date was not announced.
                if c.citation.kind == ActKind::Announcement {
                    if c.citation.date.is_none() && c.citation.year.is_none() {
                        c.citation.year = Some(k.year);
                    }
                    if estimated {
                        c.citation.confidence = Confidence::Estimated;
                    }
                }
            }
            self.kurban.push(KurbanDate {
                year: k.year,
                date,
                estimated,
                source: printable(k.source),
                url: cx.url(k.url)?,
                cites,
                known_from,
                known_until,
            });
        }
        if !year_replaced_from.is_empty() {
            let all = std::mem::take(&mut self.kurban);
            self.kurban = all
                .into_iter()
                .enumerate()
                .filter(|(p, x)| year_replaced_from.get(&x.year).is_none_or(|l| p >= l))
                .map(|(_, x)| x)
                .collect();
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
            // Coverage is continuous from FIRST_YEAR: a year may only follow
            // the last one known (or restate a known one).
            let next = self
                .years
                .keys()
                .next_back()
                .map_or(FIRST_YEAR as i64, |&l| l as i64 + 1);
            if y > next {
                return Err(cx.err(
                    year.span(),
                    format!(
                        "year {y} leaves a gap: the data has no year {next}{}; coverage must be \
                         continuous from {FIRST_YEAR}, so add the years in order",
                        if next > FIRST_YEAR as i64 {
                            format!(" (it ends at {})", next - 1)
                        } else {
                            String::new()
                        }
                    ),
                ));
            }
            let published_table = match &raw.published_table {
                None => None,
                Some(t) => Some(PublishedTable {
                    as_known_on: cx.date(&t.as_known_on)?,
                    source: printable(t.source.clone()),
                }),
            };
            // An overlay restating a year keeps the table it does not restate.
            let published_table = published_table.or_else(|| {
                self.years
                    .get(&(y as i32))
                    .and_then(|s| s.published_table.clone())
            });
            self.years.insert(
                y as i32,
                YearStatus {
                    provisional,
                    published_table,
                },
            );
        } else if let Some(s) = &raw.status {
            return Err(cx.err(s.span(), "`status` needs a `year` beside it"));
        } else if let Some(t) = &raw.published_table {
            return Err(cx.err(
                t.as_known_on.span(),
                "`published_table` needs a `year` beside it",
            ));
        }
        let _ = raw.note;
        let mut act_at: std::collections::HashMap<String, usize> = self
            .acts
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        for a in raw.act.unwrap_or_default() {
            let date = a.date.as_ref().map(|d| cx.date(d)).transpose()?;
            let published = a.published.as_ref().map(|d| cx.date(d)).transpose()?;
            let known_from = match &a.known_from {
                Some(d) => Some(cx.date(d)?),
                None => date.or(published),
            };
            let weeks = match &a.weeks {
                None => vec![Week::FiveDay],
                Some(w) => {
                    let mut weeks = Vec::new();
                    for name in w.get_ref() {
                        weeks.push(
                            name.parse::<Week>()
                                .map_err(|e| cx.err(w.span(), e.message()))?,
                        );
                    }
                    weeks
                }
            };
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
            let act_origin = format!("{origin}: line {}", cx.line(a.id.span().start));
            let title = printable_names(a.title.unwrap_or_default());
            let number = a.number.map(printable);
            let url = cx.url(a.url)?;
            let kind = match a.kind.as_ref().map(|k| k.get_ref().as_str()) {
                None | Some("government_decree") => ActKind::GovernmentDecree,
                Some("ministry_order") => ActKind::MinistryOrder,
                Some(other) => other
                    .parse::<ActKind>()
                    .map_err(|e| cx.err(a.kind.as_ref().map_or(0..0, |k| k.span()), e.message()))?,
            };
            let confidence = a.confidence.unwrap_or(
                if a.inferred
                    .iter()
                    .any(|f| f == "number" || f == "date" || f == "url")
                {
                    Confidence::Inferred
                } else {
                    Confidence::Reported
                },
            );
            let citation = Citation {
                kind,
                issuer: a.issuer.map(printable_names),
                date,
                year: if date.is_none() { a.year } else { None },
                number: number.clone(),
                title: (!title.ru.is_empty() || !title.kk.is_empty()).then(|| title.clone()),
                article: None,
                paragraph: None,
                url: url.clone(),
                no_url: a.no_url.map(printable),
                confidence,
                note: None,
            };
            let act = Act {
                id: id.clone(),
                title,
                body: printable(a.body.unwrap_or_default()),
                number,
                date,
                source: printable(a.source),
                url,
                inferred: a.inferred,
                citation,
                known_from,
                weeks,
                transfers,
                days_off,
                origin: act_origin,
            };
            // An overlay may correct an act: the same id replaces it, in place.
            match act_at.get(&id) {
                Some(&i) => self.acts[i] = act,
                None => {
                    act_at.insert(id, self.acts.len());
                    self.acts.push(act);
                }
            }
        }
        // An overlay is named with a hash of its text: two different files
        // read under one name (`/dev/stdin`) give two data versions.
        if embedded::FILES.contains(&origin) {
            self.origins.push(origin.to_string());
        } else {
            self.origins.push(format!("{origin}#{:08x}", fnv32(text)));
        }
        Ok(())
    }
}

impl Dataset {
    /// The citations of `refs`, resolved against the acts cited by id.
    fn resolve_cites(&self, cx: &Ctx<'_>, refs: Vec<RawCiteRef>) -> Result<Vec<Cite>> {
        refs.into_iter()
            .map(|r| {
                let mut citation = self.cited.get(r.act.get_ref()).cloned().ok_or_else(|| {
                    cx.err(
                        r.act.span(),
                        format!(
                            "cite: no act {:?} among the acts cited by id ([[cited]])",
                            r.act.get_ref()
                        ),
                    )
                })?;
                citation.article = r.article.map(printable);
                citation.paragraph = r.paragraph.map(printable);
                if let Some(c) = r.confidence {
                    citation.confidence = c;
                }
                Ok(Cite {
                    citation,
                    from: r.from.unwrap_or(i32::MIN),
                    until: r.until.unwrap_or(i32::MAX),
                })
            })
            .collect()
    }
}

/// Reads a text file of at most [`MAX_FILE_BYTES`]; `what` names it in errors.
pub(crate) fn read_text_file(path: &std::path::Path, what: &str) -> Result<String> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| Error::io(what, path, e))?;
    let mut text = String::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(|e| Error::io(what, path, e))?;
    if text.len() as u64 > MAX_FILE_BYTES {
        let p = path.display();
        return Err(Error::invalid_input(format!(
            "{what} {p} is larger than {MAX_FILE_BYTES} bytes"
        ))
        .in_kk_ru(
            format!(
                "{} {p} тым үлкен: {MAX_FILE_BYTES} байттан асады",
                crate::error::what_in(what, crate::Lang::Kk)
            ),
            format!(
                "{} {p} слишком велик: больше {MAX_FILE_BYTES} байт",
                crate::error::what_in(what, crate::Lang::Ru)
            ),
        ));
    }
    Ok(text)
}

/// The largest data or regulation file read (16 MiB).
pub const MAX_FILE_BYTES: u64 = 16 << 20;

impl Act {
    /// Whether the act moves days of `week`.
    pub fn applies_to(&self, week: Week) -> bool {
        self.weeks.contains(&week)
    }
}

//! The embedded holiday data: the only owner of what is compiled in.
//!
//! `generated.rs` is Rust written from `holidays/*.toml` by [`tests::codegen`]
//! with the parser of `data/mod.rs`, so the library starts without parsing
//! TOML. The test `generated_data_is_current` regenerates it from the files
//! and fails (rewriting it) when it is stale: run `cargo test` once more
//! after editing `holidays/`, and commit both.

use chrono::NaiveDate;

use super::{
    Act, Cite, Dataset, Facts, HolidayKind, HolidayRule, KurbanDate, PublishedTable, YearStatus,
};
use crate::citation::{ActKind, Citation, Confidence};
use crate::names::Names;
use crate::week::Week;

#[rustfmt::skip]
mod generated;

pub(crate) use generated::{EMBEDDED_HASH, FILES};

/// A date of the generated data (all of them are real dates).
fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
}

fn names(kk: &str, ru: &str, en: &str) -> Names {
    Names::new(kk, ru, en)
}

fn strings(s: &[&str]) -> Vec<String> {
    s.iter().map(|x| x.to_string()).collect()
}

fn text(s: Option<&str>) -> Option<String> {
    s.map(str::to_string)
}

/// A citation of the generated data: kind, issuer, date, year, number,
/// title, article, paragraph, url, no_url, confidence, note.
#[allow(clippy::too_many_arguments)]
fn citation(
    kind: ActKind,
    issuer: Option<Names>,
    date: Option<NaiveDate>,
    year: Option<i32>,
    number: Option<&str>,
    title: Option<Names>,
    article: Option<&str>,
    paragraph: Option<&str>,
    url: Option<&str>,
    no_url: Option<&str>,
    confidence: Confidence,
    note: Option<&str>,
) -> Citation {
    Citation {
        kind,
        issuer,
        date,
        year,
        number: text(number),
        title,
        article: text(article),
        paragraph: text(paragraph),
        url: text(url),
        no_url: text(no_url),
        confidence,
        note: text(note),
    }
}

fn cite(citation: Citation, from: i32, until: i32) -> Cite {
    Cite {
        citation,
        from,
        until,
    }
}

impl Dataset {
    /// The embedded data (parsed and checked when it was generated).
    pub fn embedded() -> Dataset {
        generated::dataset()
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;
    use std::path::{Path, PathBuf};

    use chrono::Datelike;

    use super::*;

    /// FNV-1a over the files' texts: the content part of `data_version`.
    fn content_hash(parts: &[String]) -> u32 {
        let mut h: u64 = 0xcbf29ce484222325;
        for p in parts {
            for b in p.bytes() {
                h ^= b as u64;
                h = h.wrapping_mul(0x100000001b3);
            }
        }
        h as u32
    }

    /// The data files in the order they are applied.
    fn files(root: &Path) -> Vec<String> {
        let mut years: Vec<String> = std::fs::read_dir(root.join("holidays/transfers"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".toml"))
            .map(|n| format!("holidays/transfers/{n}"))
            .collect();
        years.sort();
        let mut all = vec![
            "holidays/statutory.toml".to_string(),
            "holidays/kurban-ait.toml".to_string(),
        ];
        all.extend(years);
        all
    }

    fn date(d: NaiveDate) -> String {
        format!("d({}, {}, {})", d.year(), d.month(), d.day())
    }

    fn opt_date(d: Option<NaiveDate>) -> String {
        d.map_or("None".into(), |d| format!("Some({})", date(d)))
    }

    fn opt_str(s: &Option<String>) -> String {
        s.as_ref()
            .map_or("None".into(), |s| format!("Some({s:?}.into())"))
    }

    fn names(n: &Names) -> String {
        format!("names({:?}, {:?}, {:?})", n.kk, n.ru, n.en)
    }

    fn strings(v: &[String]) -> String {
        format!("strings(&{v:?})")
    }

    fn opt_text(s: &Option<String>) -> String {
        s.as_ref().map_or("None".into(), |s| format!("Some({s:?})"))
    }

    fn opt_names(n: &Option<Names>) -> String {
        n.as_ref()
            .map_or("None".into(), |n| format!("Some({})", names(n)))
    }

    fn variant<T: std::fmt::Debug>(t: T) -> String {
        format!("{t:?}")
    }

    fn citation(c: &Citation) -> String {
        format!(
            "citation(ActKind::{}, {}, {}, {}, {}, {}, {}, {}, {}, {}, Confidence::{}, {})",
            variant(c.kind),
            opt_names(&c.issuer),
            opt_date(c.date),
            c.year.map_or("None".into(), |y| format!("Some({y})")),
            opt_text(&c.number),
            opt_names(&c.title),
            opt_text(&c.article),
            opt_text(&c.paragraph),
            opt_text(&c.url),
            opt_text(&c.no_url),
            variant(c.confidence),
            opt_text(&c.note),
        )
    }

    fn cites(v: &[Cite]) -> String {
        let items: Vec<String> = v
            .iter()
            .map(|c| format!("cite({}, {}, {})", citation(&c.citation), c.from, c.until))
            .collect();
        format!("vec![{}]", items.join(", "))
    }

    /// The Rust source of `generated.rs` for `data`.
    pub(super) fn codegen(data: &Dataset, hash: u32, files: &[String]) -> String {
        let mut o = String::new();
        o.push_str("//! GENERATED from holidays/*.toml by the test `data::embedded::tests::generated_data_is_current`: do not edit.\n\n");
        o.push_str("use super::*;\n\n");
        writeln!(o, "pub(crate) const EMBEDDED_HASH: u32 = {hash:#010x};").unwrap();
        writeln!(o, "pub(crate) const FILES: &[&str] = &{files:?};").unwrap();
        o.push_str("\npub(super) fn dataset() -> Dataset {\n    Dataset::new(Facts {\n");
        writeln!(
            o,
            "        substitution_since: {},",
            data.substitution_since
        )
        .unwrap();
        writeln!(
            o,
            "        substitution_source: {:?}.into(),",
            data.substitution_source
        )
        .unwrap();
        writeln!(
            o,
            "        substitution_url: {},",
            opt_str(&data.substitution_url)
        )
        .unwrap();
        writeln!(
            o,
            "        substitution_cites: {},",
            cites(&data.substitution_cites)
        )
        .unwrap();
        writeln!(
            o,
            "        substitution_known_from: {},",
            opt_date(data.substitution_known_from)
        )
        .unwrap();
        o.push_str("        cited: [\n");
        for (id, c) in &data.cited {
            writeln!(o, "            ({id:?}.to_string(), {}),", citation(c)).unwrap();
        }
        o.push_str("        ].into_iter().collect(),\n");
        writeln!(o, "        data_as_of: {},", opt_date(data.data_as_of)).unwrap();
        writeln!(o, "        kurban_names: {},", names(&data.kurban_names)).unwrap();
        o.push_str("        holidays: vec![\n");
        for h in &data.holidays {
            let kind = match h.kind {
                HolidayKind::Public => "Public",
                HolidayKind::Religious => "Religious",
            };
            writeln!(
                o,
                "            HolidayRule {{ id: {:?}.into(), kind: HolidayKind::{kind}, dates: vec!{:?}, from: {}, until: {}, names: {}, source: {:?}.into(), url: {}, inferred: {}, cites: {}, known_from: {}, known_until: {} }},",
                h.id, h.dates, h.from, h.until, names(&h.names), h.source, opt_str(&h.url), strings(&h.inferred), cites(&h.cites), opt_date(h.known_from), opt_date(h.known_until)
            )
            .unwrap();
        }
        o.push_str("        ],\n        kurban: vec![\n");
        for k in &data.kurban {
            writeln!(
                o,
                "            KurbanDate {{ year: {}, date: {}, estimated: {}, source: {:?}.into(), url: {}, cites: {}, known_from: {}, known_until: {} }},",
                k.year, date(k.date), k.estimated, k.source, opt_str(&k.url), cites(&k.cites), opt_date(k.known_from), opt_date(k.known_until)
            )
            .unwrap();
        }
        o.push_str("        ],\n        years: [\n");
        for (y, s) in &data.years {
            let table = match &s.published_table {
                None => "None".to_string(),
                Some(t) => format!(
                    "Some(PublishedTable {{ as_known_on: {}, source: {:?}.into() }})",
                    date(t.as_known_on),
                    t.source
                ),
            };
            writeln!(
                o,
                "            ({y}, YearStatus {{ provisional: {}, published_table: {table} }}),",
                s.provisional
            )
            .unwrap();
        }
        o.push_str("        ].into_iter().collect(),\n        acts: vec![\n");
        for a in &data.acts {
            let transfers: Vec<String> = a
                .transfers
                .iter()
                .map(|(x, w)| format!("({}, {})", date(*x), date(*w)))
                .collect();
            let days_off: Vec<String> = a.days_off.iter().map(|x| date(*x)).collect();
            let weeks: Vec<String> = a.weeks.iter().map(|w| format!("Week::{w:?}")).collect();
            writeln!(
                o,
                "            Act {{ id: {:?}.into(), title: {}, body: {:?}.into(), number: {}, date: {}, source: {:?}.into(), url: {}, inferred: {}, citation: {}, known_from: {}, weeks: vec![{}], transfers: vec![{}], days_off: vec![{}], origin: {:?}.into() }},",
                a.id, names(&a.title), a.body, opt_str(&a.number), opt_date(a.date), a.source, opt_str(&a.url), strings(&a.inferred), citation(&a.citation), opt_date(a.known_from), weeks.join(", "), transfers.join(", "), days_off.join(", "), a.origin
            )
            .unwrap();
        }
        o.push_str("        ],\n        origins: vec![\n");
        for f in &data.origins {
            writeln!(o, "            {f:?}.into(),").unwrap();
        }
        o.push_str("        ],\n    })\n}\n");
        o
    }

    #[test]
    fn generated_data_is_current() {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let files = files(&root);
        let texts: Vec<String> = files
            .iter()
            .map(|f| std::fs::read_to_string(root.join(f)).unwrap())
            .collect();
        let mut data = Dataset::default();
        for (f, t) in files.iter().zip(&texts) {
            data.apply(f, t).unwrap_or_else(|e| panic!("{e}"));
        }
        // (That the embedded data lays out for both weeks is the calendar's test.)
        let source = codegen(&data, content_hash(&texts), &files);
        let path = root.join("src/data/embedded/generated.rs");
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        if current != source {
            std::fs::write(&path, &source).unwrap();
            panic!(
                "src/data/embedded/generated.rs was stale and has been regenerated from holidays/: \
                 rebuild, run the tests again and commit it"
            );
        }
        assert_eq!(Dataset::embedded(), data);
    }
}

//! Invariants of the holiday data in `holidays/`, read as files.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use merzim::Calendar;
use toml::Value;

fn read(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn date(v: &Value) -> NaiveDate {
    NaiveDate::parse_from_str(v.as_str().unwrap(), "%Y-%m-%d").unwrap()
}

fn non_empty(v: Option<&Value>, what: &str) {
    let s = v
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("{what}: missing"));
    assert!(!s.trim().is_empty(), "{what}: empty");
}

#[test]
fn every_transfer_file_is_embedded_one_per_year_and_sorted() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let data_rs = std::fs::read_to_string(root.join("src/data/embedded/generated.rs")).unwrap();
    let mut years = BTreeSet::new();
    let mut seen_off = BTreeSet::new();
    let mut seen_work = BTreeSet::new();
    let mut ids = BTreeSet::new();
    for entry in std::fs::read_dir(root.join("holidays/transfers")).unwrap() {
        let path = entry.unwrap().path();
        let stem: i32 = path.file_stem().unwrap().to_str().unwrap().parse().unwrap();
        let rel = format!("holidays/transfers/{stem}.toml");
        assert!(
            data_rs.contains(&format!("\"{rel}\"")),
            "{rel} is not embedded"
        );
        let v = read(&path);
        assert_eq!(v["year"].as_integer(), Some(stem as i64), "{rel}: year");
        let status = v["status"].as_str().unwrap();
        // Years whose transfer acts are not published yet are provisional (2027 today).
        assert_eq!(
            status == "provisional",
            stem >= 2027,
            "{rel}: status {status}"
        );
        years.insert(stem);
        let mut last_off: Option<NaiveDate> = None;
        for act in v.get("act").and_then(Value::as_array).into_iter().flatten() {
            let id = act["id"].as_str().unwrap().to_string();
            assert!(ids.insert(id.clone()), "duplicate act id {id}");
            non_empty(act.get("source"), &format!("{rel} act {id} source"));
            let url = act.get("url").and_then(Value::as_str).unwrap_or_default();
            assert!(
                url.starts_with("https://adilet.zan.kz/"),
                "{rel} act {id}: url {url:?}"
            );
            non_empty(act.get("body"), &format!("{rel} act {id} body"));
            for t in act
                .get("transfer")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let (off, work) = (date(&t["day_off"]), date(&t["working_day"]));
                assert_eq!(
                    off.year(),
                    stem,
                    "{rel}: day_off {off} belongs in its own year's file"
                );
                assert!(
                    last_off.is_none_or(|l| l < off),
                    "{rel}: transfers not sorted at {off}"
                );
                last_off = Some(off);
                assert!(seen_off.insert(off), "{off} is a day off twice");
                assert!(seen_work.insert(work), "{work} is worked twice");
            }
        }
    }
    // No date is both a day off and a working day.
    assert!(seen_off.is_disjoint(&seen_work));
    assert_eq!(years, (2000..=2027).collect());
    assert_eq!(
        Calendar::kazakhstan().coverage().1,
        NaiveDate::from_ymd_opt(2027, 12, 31).unwrap()
    );
}

#[test]
fn statutory_holidays_have_names_sources_and_do_not_overlap() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let v = read(&root.join("holidays/statutory.toml"));
    // Entries valid on one as-known-on date (known_from <= D < known_until)
    // never overlap in years for the same MM-DD.
    let known = |h: &Value, k: &str, default: &str| {
        NaiveDate::parse_from_str(
            h.get(k).and_then(Value::as_str).unwrap_or(default),
            "%Y-%m-%d",
        )
        .unwrap()
    };
    let mut by_date: BTreeMap<String, Vec<(i64, i64, NaiveDate, NaiveDate)>> = BTreeMap::new();
    for h in v["holiday"].as_array().unwrap() {
        let id = h["id"].as_str().unwrap();
        let url = h.get("url").and_then(Value::as_str).unwrap_or_default();
        assert!(
            url.starts_with("https://adilet.zan.kz/"),
            "{id}: url {url:?}"
        );
        let (kf, ku) = (
            known(h, "known_from", "1900-01-01"),
            known(h, "known_until", "9999-12-31"),
        );
        assert!(kf < ku, "{id}: known_from is not before known_until");
        for lang in ["kk", "ru", "en"] {
            non_empty(h["names"].get(lang), &format!("{id} names.{lang}"));
        }
        non_empty(h.get("source"), &format!("{id} source"));
        let kind = h["kind"].as_str().unwrap();
        assert!(kind == "public" || kind == "religious", "{id}: kind {kind}");
        let from = h
            .get("from")
            .and_then(Value::as_integer)
            .unwrap_or(i64::MIN);
        let until = h
            .get("until")
            .and_then(Value::as_integer)
            .unwrap_or(i64::MAX);
        assert!(from <= until, "{id}");
        for d in h["dates"].as_array().unwrap() {
            let spans = by_date.entry(d.as_str().unwrap().to_string()).or_default();
            for &(a, b, f, u) in spans.iter() {
                assert!(
                    until < a || b < from || ku <= f || u <= kf,
                    "{id}: {d:?} overlaps another entry in years"
                );
            }
            spans.push((from, until, kf, ku));
        }
    }
}

#[test]
fn kurban_ait_dates_are_sorted_flagged_and_sourced() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let v = read(&root.join("holidays/kurban-ait.toml"));
    let mut last: Option<NaiveDate> = None;
    let mut years = BTreeSet::new();
    for k in v["date"].as_array().unwrap() {
        let d = date(&k["date"]);
        let year = k["year"].as_integer().unwrap() as i32;
        assert_eq!(d.year(), year);
        // Sorted by date, except that a superseded date stands before the one
        // that replaced it (2024: 17 June, then 16 June).
        let superseded_before =
            k.get("known_from").is_some() && last.is_some_and(|l| l.year() == d.year());
        assert!(
            last.is_none_or(|l| l < d) || superseded_before,
            "not sorted at {d}"
        );
        // Every date has a source a user can follow (announcements are not
        // normative acts, so their links are secondary).
        let linked = k.get("url").is_some()
            || k.get("secondary")
                .and_then(Value::as_array)
                .is_some_and(|a| !a.is_empty());
        assert!(linked, "Kurban Ait {d}: no link");
        last = Some(d);
        years.insert(year);
        non_empty(k.get("source"), &format!("Kurban Ait {d} source"));
        let status = k["status"].as_str().unwrap();
        // Announced through 2026; later years are estimates. (2006-12-31, a
        // Sunday, is a lunar-table date no Kazakh source confirms.)
        if year >= 2027 {
            assert_eq!(status, "estimated", "{d}");
        } else if d != NaiveDate::from_ymd_opt(2006, 12, 31).unwrap() {
            assert_eq!(status, "confirmed", "{d}");
        }
    }
    assert_eq!(years, (2006..=2100).collect());
}

#[test]
fn provisional_flags_follow_the_data() {
    let cal = Calendar::kazakhstan();
    for y in 2000..=2026 {
        assert!(
            !cal.is_provisional(NaiveDate::from_ymd_opt(y, 6, 1).unwrap()),
            "{y}"
        );
    }
    assert!(cal.is_provisional(NaiveDate::from_ymd_opt(2027, 6, 1).unwrap()));
}

/// The words of `text` that are not numbers, links or identifiers: what must
/// be in the reader's language (tokens with a digit, "267-II", "No. 5" style
/// numbers and links are the same in every language).
fn words_outside_numbers(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || ",;:()«»\"".contains(c))
        .filter(|t| !t.is_empty())
        .filter(|t| !t.starts_with("http://") && !t.starts_with("https://"))
        .filter(|t| !t.chars().any(|c| c.is_ascii_digit()))
        .map(str::to_string)
        .collect()
}

/// Every act a day rests on can be followed: it has a link, or the data says
/// why there is none; every cited act in `holidays/` (`[[cited]]`, transfer
/// acts) and every act of a bundled regulation likewise.
#[test]
fn every_act_has_a_link_or_a_stated_reason() {
    let cal = Calendar::kazakhstan();
    let (first, last) = cal.valid_range();
    let mut d = first;
    let mut special = 0;
    while d <= last {
        let day = cal.day(d).unwrap();
        if !matches!(
            day.kind,
            merzim::DayKind::Working | merzim::DayKind::Weekend
        ) {
            special += 1;
            assert!(
                !day.citations.is_empty(),
                "{d}: a {} without citations",
                day.kind
            );
            for c in &day.citations {
                assert!(
                    c.url.is_some() || c.no_url.as_deref().is_some_and(|r| !r.trim().is_empty()),
                    "{d}: {} has no link and no reason",
                    c.render(merzim::Lang::En)
                );
            }
        }
        d = d.succ_opt().unwrap();
    }
    assert!(special > 300, "{special}");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![
        root.join("holidays/statutory.toml"),
        root.join("holidays/kurban-ait.toml"),
    ];
    for e in std::fs::read_dir(root.join("holidays/transfers")).unwrap() {
        files.push(e.unwrap().path());
    }
    for f in &files {
        let v = read(f);
        for key in ["cited", "act"] {
            for a in v.get(key).and_then(Value::as_array).into_iter().flatten() {
                let linked = a.get("url").and_then(Value::as_str).is_some();
                let reason = a
                    .get("no_url")
                    .and_then(Value::as_str)
                    .is_some_and(|r| !r.trim().is_empty());
                assert!(
                    linked || reason,
                    "{}: {:?} has no url and no no_url",
                    f.display(),
                    a.get("id")
                );
            }
        }
    }
    for id in merzim::Regulation::bundled_ids() {
        let r = merzim::Regulation::bundled(id).unwrap();
        let mut cites = vec![r
            .act
            .cite
            .as_ref()
            .unwrap_or_else(|| panic!("{id}: [act] has no cite"))];
        for m in &r.act.amendments {
            cites.push(
                m.cite
                    .as_ref()
                    .unwrap_or_else(|| panic!("{id}: amendment {:?} has no cite", m.number)),
            );
        }
        if let Some(l) = &r.act.lapse {
            cites.push(
                l.cite
                    .as_ref()
                    .unwrap_or_else(|| panic!("{id}: lapse has no cite")),
            );
        }
        for c in cites {
            assert!(
                c.url.is_some() || c.no_url.as_deref().is_some_and(|r| !r.trim().is_empty()),
                "{id}: {} has no link and no reason",
                c.render(merzim::Lang::En)
            );
        }
    }
}

/// Every citation of a day renders in Kazakh and Russian in the formal style
/// of the language: no Latin word in it (numbers and links aside), and the
/// confidence is said in that language too.
#[test]
fn citations_render_in_kazakh_and_russian() {
    let cal = Calendar::kazakhstan();
    let (first, last) = cal.valid_range();
    let mut seen = BTreeSet::new();
    let mut d = first;
    while d <= last {
        for c in cal.day(d).unwrap().citations {
            for lang in [merzim::Lang::Kk, merzim::Lang::Ru] {
                let text = c.render_full(lang);
                if !seen.insert(text.clone()) {
                    continue;
                }
                let latin: Vec<String> = words_outside_numbers(&text)
                    .into_iter()
                    .filter(|w| w.chars().any(|ch| ch.is_ascii_alphabetic()))
                    .collect();
                assert!(latin.is_empty(), "{d} {lang}: {text}: {latin:?}");
            }
        }
        d = d.succ_opt().unwrap();
    }
    // The formal styles of the brief's example.
    let new_year = cal
        .day(NaiveDate::from_ymd_opt(2024, 1, 1).unwrap())
        .unwrap();
    let law = &new_year.citations[0];
    assert_eq!(
        law.render(merzim::Lang::Ru),
        "Закон Республики Казахстан от 13 декабря 2001 года № 267-II «О праздниках в Республике Казахстан», ст. 3"
    );
    assert_eq!(
        law.render(merzim::Lang::Kk),
        "Қазақстан Республикасының 2001 жылғы 13 желтоқсандағы № 267-II «Қазақстан Республикасындағы мерекелер туралы» Заңы, 3-бап"
    );
    // 2000-2001: the Decree of 1995 governed, not Law 267-II.
    let y2000 = cal
        .day(NaiveDate::from_ymd_opt(2000, 1, 1).unwrap())
        .unwrap();
    assert_eq!(y2000.citations.len(), 1);
    assert_eq!(y2000.citations[0].number.as_deref(), Some("2534"));
    assert!(y2000.citations[0].url.is_none());
}

/// Research notes stay out of what a reader is shown: a citation's rendered
/// text has no "reported by", "per kt.kz", "INFERRED", "python-holidays".
#[test]
fn citations_carry_no_research_notes() {
    let cal = Calendar::kazakhstan();
    let (first, last) = cal.valid_range();
    let mut d = first;
    while d <= last {
        for c in cal.day(d).unwrap().citations {
            for lang in [merzim::Lang::Kk, merzim::Lang::Ru, merzim::Lang::En] {
                let text = c.render_full(lang);
                for note in [
                    "reported by",
                    "per kt.kz",
                    "INFERRED",
                    "python-holidays",
                    "UNCONFIRMED",
                ] {
                    assert!(!text.contains(note), "{d}: {text}");
                }
            }
        }
        d = d.succ_opt().unwrap();
    }
}

/// Kurban Ait: every date cites the Labour Code and the announcement of its
/// year; announced dates link to a report of the announcement where one was
/// found; estimated dates are cited as estimates.
#[test]
fn kurban_ait_cites_its_announcement() {
    let cal = Calendar::kazakhstan();
    let at = |y, m, d| cal.day(NaiveDate::from_ymd_opt(y, m, d).unwrap()).unwrap();
    let k2024 = at(2024, 6, 16);
    let dumk = k2024
        .citations
        .iter()
        .find(|c| c.kind == merzim::ActKind::Announcement)
        .unwrap();
    assert_eq!(dumk.date, NaiveDate::from_ymd_opt(2024, 6, 7));
    assert!(dumk.url.is_some());
    let k2027 = at(2027, 5, 16);
    assert!(k2027.estimated);
    let dumk = k2027
        .citations
        .iter()
        .find(|c| c.kind == merzim::ActKind::Announcement)
        .unwrap();
    assert_eq!(dumk.confidence, merzim::Confidence::Estimated);
    assert_eq!(dumk.year, Some(2027));
}

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

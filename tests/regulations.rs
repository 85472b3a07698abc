//! The six bundled regulations: every channel and outcome around holiday
//! clusters, checked against a naive minute-by-minute chain.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use merzim::{
    batch::Evaluator, Calendar, Channel, ErrorKind, OfficeTime, Outcome, Regulation, Schedule,
    Term, Unit,
};

fn t(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

fn office() -> OfficeTime {
    OfficeTime::new(&Calendar::kazakhstan(), Schedule::state_body()).unwrap()
}

fn inside(o: &OfficeTime, t: NaiveDateTime) -> bool {
    o.is_office_time(t).unwrap()
}

fn first_office(o: &OfficeTime, mut t: NaiveDateTime) -> NaiveDateTime {
    while !inside(o, t) {
        t += Duration::minutes(1);
    }
    t
}

fn cob(o: &OfficeTime, d: NaiveDate) -> NaiveDateTime {
    let mut t = d.and_time(NaiveTime::MIN) + Duration::minutes(1439);
    while !inside(o, t) {
        t -= Duration::minutes(1);
    }
    t + Duration::minutes(1)
}

fn office_minutes_before(o: &OfficeTime, t: NaiveDateTime) -> u32 {
    let mut x = t.date().and_time(NaiveTime::MIN);
    let mut k = 0;
    while x < t {
        if inside(o, x) {
            k += 1;
        }
        x += Duration::minutes(1);
    }
    k
}

fn working(d: NaiveDate) -> bool {
    Calendar::kazakhstan().is_working_day(d).unwrap()
}

/// RULES.md §3–§4 spelled out minute by minute and day by day.
fn naive_step(o: &OfficeTime, t: NaiveDateTime, term: Term) -> NaiveDateTime {
    let n = term.amount();
    if n == 0 {
        return t;
    }
    match term.unit() {
        Unit::Minutes | Unit::Hours => {
            let mut x = first_office(o, t);
            let mut left = term.office_minutes().unwrap();
            loop {
                if inside(o, x) {
                    left -= 1;
                    if left == 0 {
                        return x + Duration::minutes(1);
                    }
                }
                x += Duration::minutes(1);
            }
        }
        Unit::WorkingDays => {
            let s = first_office(o, t);
            let k = office_minutes_before(o, s);
            let mut d = s.date();
            let mut count = if k == 0 { 1 } else { 0 };
            while count < n {
                d = d.succ_opt().unwrap();
                if working(d) {
                    count += 1;
                }
            }
            if k == 0 {
                return cob(o, d);
            }
            let close = cob(o, d);
            let mut x = d.and_time(NaiveTime::MIN);
            let mut left = k;
            while x < close {
                if inside(o, x) {
                    left -= 1;
                    if left == 0 {
                        return x + Duration::minutes(1);
                    }
                }
                x += Duration::minutes(1);
            }
            close
        }
        Unit::CalendarDays | Unit::Months => {
            let mut d = match term.unit() {
                Unit::Months => t.date().checked_add_months(chrono::Months::new(n)).unwrap(),
                _ => t.date() + Duration::days(n as i64),
            };
            while !working(d) {
                d = d.succ_opt().unwrap();
            }
            cob(o, d)
        }
        _ => unreachable!(),
    }
}

/// Submissions around New Year, Nauryz, the May holidays, the working Saturday
/// 2024-05-04 and the 2024-03-01 time-zone change.
const SUBMISSIONS: &[&str] = &[
    "2014-12-30 16:00",
    "2015-12-31 10:00",
    "2015-03-20 18:45",
    "2016-03-18 09:00",
    "2024-02-29 17:00",
    "2024-03-01 00:30",
    "2024-03-20 12:59",
    "2024-05-03 18:20",
    "2024-05-04 11:00",
    "2024-05-06 13:00",
    "2025-12-31 12:00",
    "2026-03-18 16:30",
    "2026-03-21 10:00",
    "2026-04-30 09:00",
    "2026-05-06 14:30",
];

#[test]
fn every_regulation_channel_and_outcome_matches_the_naive_chain() {
    let o = office();
    let mut checked = 0;
    for id in Regulation::bundled_ids() {
        let reg = Regulation::bundled(id).unwrap();
        for &channel in Channel::ALL {
            for outcome in [Outcome::Approve, Outcome::Refuse] {
                for s in SUBMISSIONS {
                    let s = t(s);
                    let result = reg.timeline(&o, s, channel, outcome);
                    if !reg.channels.contains(&channel) || !reg.has_outcome(outcome) {
                        assert_eq!(result.unwrap_err().kind(), ErrorKind::InvalidInput);
                        continue;
                    }
                    let tl = result.unwrap();
                    // The first step starts at the first office instant (state_corporation:
                    // opening of the first working day after acceptance).
                    let mut start = if channel == Channel::StateCorporation {
                        let mut d = s.date().succ_opt().unwrap();
                        while !working(d) {
                            d = d.succ_opt().unwrap();
                        }
                        first_office(&o, d.and_time(NaiveTime::MIN))
                    } else {
                        first_office(&o, s)
                    };
                    let expected: Vec<_> = reg
                        .steps
                        .iter()
                        .filter(|st| st.belongs_to(outcome))
                        .collect();
                    assert_eq!(tl.steps.len(), expected.len());
                    for (got, step) in tl.steps.iter().zip(expected) {
                        assert_eq!(got.number, step.number);
                        assert_eq!(
                            got.start, start,
                            "{id} {channel:?} {outcome:?} {s} step {}",
                            step.number
                        );
                        let end = naive_step(&o, start, step.duration_for(channel));
                        assert_eq!(
                            got.end, end,
                            "{id} {channel:?} {outcome:?} {s} step {}",
                            step.number
                        );
                        start = end;
                    }
                    assert_eq!(tl.end, start);
                    match tl.term_due {
                        Some(due) => {
                            assert_eq!(tl.within_term, Some(tl.end <= due));
                            assert_eq!(Some(due), tl.alternatives.iter().map(|a| a.due).min());
                        }
                        None => assert!(tl.within_term.is_none() && reg.term.is_none()),
                    }
                    assert_eq!(tl.refusal_due.is_some(), reg.refusal.is_some());
                    checked += 1;
                }
            }
        }
    }
    // 6 regulations: 3+3+3+2+3+1 channel pairs… just make sure a lot ran.
    assert!(checked > 300, "{checked}");
}

#[test]
fn the_time_zone_change_shows_in_offsets() {
    let ev = Evaluator::new(Calendar::kazakhstan());
    let out = ev.evaluate_json(
        r#"{"id": "z", "regulation": "east-kazakhstan-2016-land-purpose-change", "submitted": "2024-02-29T17:00", "channel": "portal"}"#,
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let steps = v["steps"].as_array().unwrap();
    assert_eq!(steps[0]["start"], "2024-02-29T17:00:00+06:00");
    assert_eq!(steps[0]["end"], "2024-02-29T17:15:00+06:00");
    assert!(steps[1]["end"].as_str().unwrap().ends_with("+05:00"));
    // Instants with an offset are read in the office's zone: 11:00Z is 17:00 +06:00.
    let out2 = ev.evaluate_json(
        r#"{"id": "z", "regulation": "east-kazakhstan-2016-land-purpose-change", "submitted": "2024-02-29T11:00:00Z", "channel": "portal"}"#,
    );
    assert_eq!(out, out2);
}

#[test]
fn lint_finds_the_east_kazakhstan_overshoot_across_nauryz() {
    let o = office();
    let reg = Regulation::bundled("east-kazakhstan-2016-land-purpose-change").unwrap();
    let findings = reg.lint(&o, 2026, 2026).unwrap();
    assert_eq!(findings.len(), 6); // 3 channels × 2 outcomes
    for f in &findings {
        assert!(!f.fits(), "{f:?}");
        assert!(f.worst_overshoot_minutes > 0);
        let worst = f.worst_submitted.unwrap();
        // The worst start lies where Nauryz or May holidays fall inside the 30 days.
        assert!(worst.date() >= NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        let tl = reg.timeline(&o, worst, f.channel, f.outcome).unwrap();
        assert_eq!(Some(tl.end), f.worst_end);
        assert_eq!(tl.term_due, f.worst_term_due);
    }
    // Regulations without an overall term have nothing to lint.
    let cad = Regulation::bundled("akmola-2014-cadastral-value").unwrap();
    assert!(cad.lint(&o, 2015, 2015).unwrap().is_empty());
}

#[test]
fn invalid_regulation_files_name_file_field_and_problem() {
    let good = include_str!("../regulations/east-kazakhstan-2016-land-purpose-change.toml");
    let cases = [
        (
            good.replace("duration = \"2 hours\"", "duration = \"2 fortnights\""),
            "line",
        ),
        (
            good.replace(
                "channels = [\"provider\", \"portal\", \"state_corporation\"]",
                "channels = [\"provider\", \"fax\"]",
            ),
            "fax",
        ),
        (good.replace("number = 3\n", "number = 1\n"), "step.number"),
        (
            good.replace(
                "alternatives = [\"30 calendar days\", \"22 working days\"]",
                "alternatives = []",
            ),
            "term.alternatives",
        ),
        (
            good.replace(
                "refusal = \"2 working days\"",
                "refusal = \"2 working days\"\nrefusl = 1",
            ),
            "refusl",
        ),
    ];
    for (text, needle) in cases {
        let e = Regulation::from_toml("bad.toml", &text).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidRegulation);
        assert!(
            e.to_string().contains("bad.toml") && e.to_string().contains(needle),
            "{e}"
        );
    }
    let dir = std::env::temp_dir().join(format!("merzim-reg-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("other-name.toml");
    std::fs::write(&path, good).unwrap();
    let e = Regulation::from_file(&path).unwrap_err();
    assert!(e.to_string().contains("file stem"), "{e}");
    assert_eq!(
        Regulation::from_file(dir.join("missing.toml"))
            .unwrap_err()
            .kind(),
        ErrorKind::Io
    );
    let _ = std::fs::remove_dir_all(dir);
    assert_eq!(
        Regulation::resolve("no-such-regulation")
            .unwrap_err()
            .kind(),
        ErrorKind::InvalidInput
    );
}

#[test]
fn bundled_files_are_their_own_ids_and_resolve_by_path() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("regulations");
    let mut n = 0;
    for entry in std::fs::read_dir(&root).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue; // README.md
        }
        let r = Regulation::from_file(&path).unwrap();
        assert_eq!(&r, Regulation::bundled(&r.id).unwrap());
        n += 1;
    }
    assert_eq!(n, Regulation::bundled_ids().count());
    assert!(n >= 6);
}

/// RULES.md §11, example E11.1: the centre's storage date past the data is a
/// partial result (null with a warning), not an error for the whole timeline,
/// in the library, the bulk path and the batch contract.
#[test]
fn storage_past_coverage_is_a_partial_result() {
    let o = office();
    let reg = Regulation::bundled("akmola-2014-cadastral-value").unwrap();
    let s = chrono::NaiveDate::from_ymd_opt(2027, 12, 27)
        .unwrap()
        .and_hms_opt(10, 0, 0)
        .unwrap();
    let tl = reg
        .timeline(&o, s, Channel::StateCorporation, Outcome::Approve)
        .unwrap();
    assert_eq!(tl.end.to_string(), "2027-12-30 09:50:00");
    assert_eq!(tl.storage_until, None);
    assert!(
        tl.warnings.iter().any(|w| w.contains("storage_until")),
        "{:?}",
        tl.warnings
    );
    let chain = reg
        .compile(Channel::StateCorporation, Outcome::Approve)
        .unwrap();
    let row = chain.timeline_row(&o, s).unwrap();
    assert_eq!((row.end, row.storage_until), (tl.end, None));
    let ev = Evaluator::new(Calendar::kazakhstan());
    let out: serde_json::Value = serde_json::from_str(&ev.evaluate_json(
        r#"{"id": 1, "regulation": "akmola-2014-cadastral-value", "submitted": "2027-12-27T10:00", "channel": "state_corporation"}"#,
    ))
    .unwrap();
    assert_eq!(out["end"], "2027-12-30T09:50:00+05:00");
    assert!(out.get("storage_until").is_none());
    assert!(out["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w.as_str().unwrap().contains("storage_until")));
    // Inside the data, storage_until is there.
    let s = s - chrono::Duration::days(90);
    let tl = reg
        .timeline(&o, s, Channel::StateCorporation, Outcome::Approve)
        .unwrap();
    assert!(tl.storage_until.is_some());
}

/// The scalar timeline and the bulk row agree on the storage date also when
/// the schedule closes at 24:00 (close of business is 24:00 of the last day,
/// not 00:00 of the next date).
#[test]
fn storage_agrees_between_scalar_and_bulk_for_a_schedule_ending_at_midnight() {
    let o = OfficeTime::new(
        &Calendar::kazakhstan(),
        "09:00-24:00".parse::<Schedule>().unwrap(),
    )
    .unwrap();
    let reg = Regulation::bundled("akmola-2014-cadastral-value").unwrap();
    let chain = reg
        .compile(Channel::StateCorporation, Outcome::Approve)
        .unwrap();
    let mut t = chrono::NaiveDate::from_ymd_opt(2020, 1, 1)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    for _ in 0..400 {
        let tl = reg
            .timeline(&o, t, Channel::StateCorporation, Outcome::Approve)
            .unwrap();
        let row = chain.timeline_row(&o, t).unwrap();
        assert_eq!(tl.storage_until, row.storage_until, "{t}");
        assert_eq!(tl.end, row.end, "{t}");
        t += chrono::Duration::hours(17);
    }
}

/// A storage period must be months or calendar days; the bulk path once read
/// a period in hours as calendar days.
#[test]
fn storage_period_in_hours_or_working_days_is_refused() {
    let text = include_str!("../regulations/akmola-2014-cadastral-value.toml");
    for keep in ["2 hours", "3 working days", "0 months"] {
        let bad = text.replace("keep = \"1 month\"", &format!("keep = \"{keep}\""));
        let e = Regulation::from_toml("bad.toml", &bad).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidRegulation, "{keep}");
        assert!(e.message().contains("storage.keep"), "{e}");
    }
}

/// A timeline's step ends are the scalar steps chained, whatever the
/// durations: the steps of the East Kazakhstan regulation replaced by random
/// ones (minutes, hours, working days, calendar days, months, zero), on a
/// uniform schedule, one with a short Friday and one round the clock, from
/// submissions across 2000-2029 (past the data too).
mod chains {
    use super::*;
    use chrono::Weekday;
    use merzim::Interval;
    use proptest::prelude::*;

    /// In office time only (the usual chain), or mixed with calendar time.
    fn durations() -> impl Strategy<Value = Vec<String>> {
        let office = || {
            prop_oneof![
                (0u32..600).prop_map(|n| format!("{n} minutes")),
                (0u32..30).prop_map(|n| format!("{n} hours")),
                (0u32..40).prop_map(|n| format!("{n} working days")),
            ]
        };
        let any = prop_oneof![
            3 => office(),
            1 => (1u32..40).prop_map(|n| format!("{n} calendar days")),
            1 => (1u32..3).prop_map(|n| format!("{n} months")),
        ];
        prop_oneof![
            prop::collection::vec(office(), 10),
            prop::collection::vec(any, 10),
        ]
    }

    fn offices() -> [OfficeTime; 3] {
        let cal = Calendar::kazakhstan();
        let friday = Schedule::state_body()
            .with_weekday(Weekday::Fri, vec![Interval::new(9 * 60, 16 * 60).unwrap()])
            .unwrap();
        [
            OfficeTime::new(&cal, Schedule::state_body()).unwrap(),
            OfficeTime::new(&cal, friday).unwrap(),
            OfficeTime::new(&cal, "00:00-24:00".parse().unwrap()).unwrap(),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn step_ends_are_the_scalar_steps_chained(
            durations in durations(),
            day in 0i64..10_960,
            minute in 0u32..1440,
            schedule in 0usize..3,
            channel in 0usize..3,
        ) {
            let text = include_str!("../regulations/east-kazakhstan-2016-land-purpose-change.toml");
            let mut parts = text.split("duration = \"");
            let mut toml = parts.next().unwrap().to_string();
            for (part, d) in parts.zip(&durations) {
                let rest = &part[part.find('"').unwrap()..];
                toml.push_str("duration = \"");
                toml.push_str(d);
                toml.push_str(rest);
            }
            let reg = Regulation::from_toml("east-kazakhstan-2016-land-purpose-change.toml", &toml).unwrap();
            let office = &offices()[schedule];
            let channel = Channel::ALL[channel];
            let s = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap().and_time(NaiveTime::MIN)
                + Duration::days(day) + Duration::minutes(minute as i64);
            let scalar = reg.timeline(office, s, channel, Outcome::Approve);
            let chain = reg.compile(channel, Outcome::Approve).unwrap();
            match scalar {
                Ok(tl) => {
                    let mut at = tl.steps[0].start;
                    let terms = reg.steps.iter().filter(|st| st.belongs_to(Outcome::Approve)).map(|st| st.duration_for(channel));
                    for (step, term) in tl.steps.iter().zip(terms) {
                        prop_assert_eq!(step.start, at);
                        if at.time() == NaiveTime::MIN
                            && matches!(term.unit(), Unit::CalendarDays | Unit::Months)
                        {
                            // A step that ended at 24:00 reads back as 00:00
                            // of the next date, a day later for calendar
                            // days: the chain counts from the day it ended.
                            at = step.end;
                            continue;
                        }
                        at = office.step(at, term).unwrap();
                        prop_assert_eq!(step.end, at, "{} {:?}", s, term);
                    }
                    prop_assert_eq!(tl.end, at);
                    let row = chain.timeline_row(office, s).unwrap();
                    prop_assert_eq!(row.end, tl.end);
                }
                Err(e) => {
                    // Some step (or term) leaves the calendar: chaining the
                    // scalar steps fails too, or the terms do.
                    prop_assert_eq!(e.kind(), ErrorKind::OutOfCoverage, "{}", e);
                    let row = chain.timeline_row(office, s);
                    prop_assert_eq!(row.unwrap_err().to_string(), e.to_string());
                }
            }
        }
    }
}

/// The start rules of the overall term and the refusal (`TimelineOptions`):
/// each due is the legal term of the same length with that start rule, for
/// every bundled regulation, channel and a run of submissions around the
/// New Year and Nauryz; the default is the submission day.
#[test]
fn timeline_start_rules_are_the_legal_terms_start_rules() {
    use merzim::{LegalOptions, StartRule, TermEnd, TimelineOptions};
    let o = office();
    let rules = [StartRule::SubmissionDay, StartRule::NextDay];
    for id in Regulation::bundled_ids() {
        let reg = Regulation::bundled(id).unwrap();
        for &channel in &reg.channels {
            for start in ["2025-12-29 17:00", "2026-03-19 10:00", "2026-03-20 18:29"] {
                let s = t(start);
                for term_start in rules {
                    for refusal_start in rules {
                        let options = TimelineOptions {
                            term_start,
                            refusal_start,
                        };
                        let tl = reg
                            .timeline_with(&o, s, channel, Outcome::Approve, options)
                            .unwrap();
                        assert_eq!(tl.options, options);
                        assert_eq!(tl.data_as_of, o.calendar().data_as_of());
                        let legal = |term: Term, start: StartRule| {
                            let lo = LegalOptions {
                                channel,
                                start,
                                end: TermEnd::CloseOfBusiness,
                            };
                            o.legal_due(s, term, lo).unwrap().due
                        };
                        assert_eq!(
                            tl.refusal_due,
                            reg.refusal.map(|r| legal(r, refusal_start)),
                            "{id} {channel} {start} {options:?}"
                        );
                        let due: Vec<_> = tl.alternatives.iter().map(|a| a.due).collect();
                        let want: Vec<_> = reg
                            .term
                            .iter()
                            .flat_map(|t| &t.alternatives)
                            .map(|&a| legal(a, term_start))
                            .collect();
                        assert_eq!(due, want, "{id} {channel} {start} {options:?}");
                        if options == TimelineOptions::default() {
                            let plain = reg.timeline(&o, s, channel, Outcome::Approve).unwrap();
                            assert_eq!(plain, tl);
                        }
                    }
                }
            }
        }
    }
}

/// A batch line names the start rules of a regulation case; a term case
/// refuses them (it has `start`).
#[test]
fn batch_lines_name_the_start_rules() {
    let ev = Evaluator::new(Calendar::kazakhstan());
    let line = |extra: &str| {
        let a = ev.evaluate_json(&format!(
            r#"{{"id": 1, "regulation": "east-kazakhstan-2016-land-purpose-change", "submitted": "2026-03-18T10:00"{extra}}}"#
        ));
        serde_json::from_str::<serde_json::Value>(&a).unwrap()
    };
    let plain = line("");
    let next = line(r#", "refusal_start": "next_day", "term_start": "next_day""#);
    assert_eq!(plain["refusal_due"], "2026-03-19T18:30:00+05:00");
    assert_eq!(next["refusal_due"], "2026-03-20T18:30:00+05:00");
    assert_ne!(plain["term_due"], next["term_due"]);
    assert_eq!(plain["data_as_of"], next["data_as_of"]);
    assert!(plain["data_as_of"].is_string());
    let bad = line(r#", "refusal_start": "monday""#);
    assert_eq!(bad["error"]["kind"], "invalid_input", "{bad}");
    assert!(
        bad["error"]["message"]
            .as_str()
            .unwrap()
            .contains("refusal_start"),
        "{bad}"
    );
    let term = ev.evaluate_json(
        r#"{"id": 2, "submitted": "2026-03-18T10:00", "term": "2 working days", "refusal_start": "next_day"}"#,
    );
    assert!(term.contains("unknown field `refusal_start`"), "{term}");
}

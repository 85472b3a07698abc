//! The batch contract at the library level (the CLI and the C API wrap it).

use merzim::batch::Evaluator;
use merzim::Calendar;
use serde_json::Value;

fn ev() -> Evaluator {
    Evaluator::new(Calendar::kazakhstan())
}

fn eval(line: &str) -> Value {
    serde_json::from_str(&ev().evaluate_json(line)).unwrap()
}

#[test]
fn term_cases() {
    let out = ev().evaluate_json(
        r#"{"id": "a1", "submitted": "2026-03-20T16:30:00", "term": "22 working days", "channel": "provider", "start": "submission_day", "tz": "Asia/Almaty"}"#,
    );
    let data_as_of = Calendar::kazakhstan().data_as_of().unwrap();
    assert_eq!(
        out,
        format!(
            r#"{{"id":"a1","registered":"2026-03-20","day_one":"2026-03-20","last_day":"2026-04-23","due":"2026-04-23T18:30:00+05:00","provisional":false,"data_as_of":"{data_as_of}"}}"#
        )
    );
    let v = eval(
        r#"{"id": 7, "submitted": "2026-03-20T16:30:00+05:00", "term": "22 working days", "channel": "state_corporation"}"#,
    );
    assert_eq!(v["id"], 7);
    assert_eq!(v["due"], "2026-04-24T18:30:00+05:00");
    let v = eval(
        r#"{"id": "m", "submitted": "2026-03-20T16:30", "term": "22 working days", "end": "midnight"}"#,
    );
    assert_eq!(v["due"], "2026-04-24T00:00:00+05:00");
    let v = eval(
        r#"{"id": "s", "submitted": "2026-03-20T16:30", "term": "1 working day", "schedule": "09:00-18:00"}"#,
    );
    assert_eq!(v["due"], "2026-03-20T18:00:00+05:00");
    let v = eval(r#"{"id": "p", "submitted": "2027-03-01T10:00", "term": "5 working days"}"#);
    assert_eq!(v["provisional"], true);
}

#[test]
fn regulation_cases() {
    let v = eval(
        r#"{"id": "b7", "regulation": "east-kazakhstan-2016-land-purpose-change", "submitted": "2026-03-18T16:30:00", "channel": "provider", "outcome": "approve"}"#,
    );
    let steps = v["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 10);
    assert_eq!(
        steps[0],
        serde_json::json!({"number": 1, "duration": "15 minutes", "start": "2026-03-18T16:30:00+05:00", "end": "2026-03-18T16:45:00+05:00"})
    );
    assert_eq!(v["end"], "2026-04-22T09:15:00+05:00");
    assert_eq!(v["term_due"], "2026-04-16T18:30:00+05:00");
    assert_eq!(v["within_term"], false);
    assert_eq!(v["refusal_due"], "2026-03-19T18:30:00+05:00");
    assert_eq!(v["provisional"], false);
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    // The seven results, the two alternatives of the overall term, the date
    // of the data and the warning that the 2019 law took away the
    // regulation's basis (RULES.md §10) with its code; no other field.
    assert_eq!(keys.len(), 11, "{keys:?}");
    assert_eq!(
        v["data_as_of"],
        Calendar::kazakhstan().data_as_of().unwrap().to_string()
    );
    assert_eq!(v["warning_codes"], serde_json::json!(["may_have_lapsed"]));
    assert_eq!(v["alternatives"][1]["due"], "2026-04-21T18:30:00+05:00");
    let warnings = v["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1);
    assert!(
        warnings[0].as_str().unwrap().contains("272-VI"),
        "{warnings:?}"
    );
    // No overall term, no refusal: those fields are absent.
    let v = eval(
        r#"{"id": "c", "regulation": "akmola-2014-cadastral-value", "submitted": "2014-07-01T10:00"}"#,
    );
    assert!(
        v.get("term_due").is_none()
            && v.get("within_term").is_none()
            && v.get("refusal_due").is_none()
    );
    assert_eq!(v["steps"].as_array().unwrap().len(), 5);
}

#[test]
fn failures_keep_the_id_and_name_the_problem() {
    for (line, kind, needle) in [
        (
            r#"{"id": "e1", "submitted": "2031-01-05T10:00", "term": "1 working day"}"#,
            "out_of_coverage",
            "2031",
        ),
        (
            r#"{"id": "e2", "submitted": "2026-03-20T10:00", "term": "1 fortnight"}"#,
            "invalid_input",
            "term",
        ),
        (
            r#"{"id": "e3", "submitted": "2026-03-20T10:00", "term": "1 working day", "channel": "fax"}"#,
            "invalid_input",
            "fax",
        ),
        (
            r#"{"id": "e4", "term": "1 working day"}"#,
            "invalid_input",
            "submitted",
        ),
        (
            r#"{"id": "e5", "submitted": "2026-03-20T10:00", "term": "1 working day", "colour": "red"}"#,
            "invalid_input",
            "colour",
        ),
        (
            r#"{"id": "e6", "regulation": "no-such", "submitted": "2026-03-20T10:00"}"#,
            "invalid_input",
            "no-such",
        ),
        (
            r#"{"id": "e7", "regulation": "akmola-2014-irrigated-land-conversion", "submitted": "2014-07-01T10:00", "outcome": "refuse"}"#,
            "invalid_input",
            "refuse",
        ),
        (
            r#"{"id": "e8", "submitted": "2026-02-30T10:00", "term": "1 working day"}"#,
            "invalid_input",
            "2026-02-30",
        ),
        (
            r#"{"id": "e9", "submitted": "2026-03-20T10:00", "term": "0 working days"}"#,
            "invalid_input",
            "at least 1",
        ),
        (
            r#"{"id": "e10", "regulation": "/nonexistent/x.toml", "submitted": "2026-03-20T10:00"}"#,
            "invalid_input",
            "never by a path",
        ),
    ] {
        let v = eval(line);
        let id = line.split('"').nth(3).unwrap();
        assert_eq!(v["id"], id, "{line}");
        assert_eq!(v["error"]["kind"], kind, "{line}");
        let msg = v["error"]["message"].as_str().unwrap();
        assert!(msg.contains(needle), "{line}: {msg}");
    }
    // Broken JSON: the id is read when it comes before the break.
    let v = eval(r#"{"id": "d1", "submitted": "#);
    assert_eq!(
        (v["id"].as_str(), v["error"]["kind"].as_str()),
        (Some("d1"), Some("invalid_input"))
    );
    let v = eval("not json");
    assert!(v["id"].is_null());
    let v = eval("[1, 2]");
    assert!(v["id"].is_null() && v["error"]["kind"] == "invalid_input");
}

/// A regulation's period of force reaches every answer: a submission before
/// the encoded text was in force, or after the act that took away its basis,
/// gets a warning; inside the period, none.
#[test]
fn force_warnings() {
    let east = |submitted: &str| {
        eval(&format!(
            r#"{{"id": 1, "regulation": "east-kazakhstan-2016-land-purpose-change", "submitted": "{submitted}"}}"#
        ))
    };
    let inside = east("2018-03-19T10:00");
    assert!(inside.get("warnings").is_none(), "{inside}");
    let before = east("2016-01-19T10:00");
    assert!(
        before["warnings"][0]
            .as_str()
            .unwrap()
            .contains("2016-04-29"),
        "{before}"
    );
    let after = east("2020-03-19T10:00");
    assert!(
        after["warnings"][0].as_str().unwrap().contains("272-VI"),
        "{after}"
    );
    // The Akmola resolution was put into effect ten days after its first
    // publication, which cannot precede its registration on 2014-06-24: a
    // submission before 2014-07-05 is warned about, one after it is not.
    let akmola_at = |submitted: &str, lang: &str| {
        eval(&format!(
            r#"{{"id": 3, "regulation": "akmola-2014-cadastral-value", "submitted": "{submitted}", "lang": "{lang}"}}"#
        ))
    };
    let early = akmola_at("2014-07-01T10:00", "en");
    assert_eq!(
        early["warning_codes"],
        serde_json::json!(["not_yet_in_force"]),
        "{early}"
    );
    assert!(
        early["warnings"][0]
            .as_str()
            .unwrap()
            .contains("2014-07-05"),
        "{early}"
    );
    let in_force = akmola_at("2014-07-07T10:00", "en");
    assert!(in_force.get("warnings").is_none(), "{in_force}");
    // The warning is in the request's language, its code is the same.
    for lang in ["ru", "kk"] {
        let v = akmola_at("2014-07-01T10:00", lang);
        assert_eq!(
            v["warning_codes"],
            serde_json::json!(["not_yet_in_force"]),
            "{v}"
        );
        let text = v["warnings"][0].as_str().unwrap();
        assert!(
            !text.contains("in force") && !text.contains("resolution"),
            "{text}"
        );
        assert!(
            // Dates in prose as people there write them.
            text.contains("05.07.2014") && text.contains("А-5/192"),
            "{text}"
        );
    }
    let lapsed_ru = eval(
        r#"{"id": 4, "regulation": "east-kazakhstan-2016-land-purpose-change", "submitted": "2020-03-19T10:00", "lang": "ru"}"#,
    );
    let text = lapsed_ru["warnings"][0].as_str().unwrap();
    assert!(
        text.contains("Закон Республики Казахстан от 25 ноября 2019 года № 272-VI"),
        "{text}"
    );
    assert_eq!(
        lapsed_ru["warning_codes"],
        serde_json::json!(["may_have_lapsed"])
    );
    // The Akmola decree was repealed in 2015.
    let akmola = eval(
        r#"{"id": 2, "regulation": "akmola-2014-cadastral-value", "submitted": "2016-03-01T10:00"}"#,
    );
    assert!(
        akmola["warnings"][0].as_str().unwrap().contains("repealed"),
        "{akmola}"
    );
}

/// `as_known_on` replays a deadline as it was computed on a past date
/// (RULES.md §9): before the order of 17.04.2024, 8 May 2024 was a working
/// day and 4 May a Saturday off.
#[test]
fn as_known_on_replays_an_earlier_calendar() {
    let line = |known: &str| {
        eval(&format!(
            r#"{{"id": 1, "submitted": "2024-05-03T10:00", "term": "3 working days"{known}}}"#
        ))
    };
    // Today: Fri 3 May, Sat 4 May (worked), then Mon 6 May.
    assert_eq!(line("")["due"], "2024-05-06T18:30:00+05:00");
    // As known on 2024-04-01: Fri 3, Mon 6, Tue 7 is Defender's Day, Wed 8.
    assert_eq!(
        line(r#", "as_known_on": "2024-04-01""#)["due"],
        "2024-05-08T18:30:00+05:00"
    );
    let bad = line(r#", "as_known_on": "April 2024""#);
    assert_eq!(bad["error"]["kind"], "invalid_input");
}

/// The batch answer's JSON text, written field by field for speed, is the
/// text of serde's serialisation of the same answer, for every kind of line.
#[test]
fn the_fast_writer_is_serde_to_the_byte() {
    use merzim::batch::{Evaluator, Request};
    let ev = Evaluator::new(merzim::Calendar::kazakhstan());
    let mut lines = Vec::new();
    for (k, term) in [
        "1 working day",
        "22 working days",
        "30 calendar days",
        "15 minutes",
        "2 hours",
        "1 month",
    ]
    .iter()
    .enumerate()
    {
        for channel in ["provider", "portal", "state_corporation"] {
            for (day, time) in [
                ("2026-03-20", "16:30"),
                ("2024-02-29", "18:45"),
                ("2027-12-20", "10:00"),
            ] {
                lines.push(format!(
                    r#"{{"id": "t{k}", "submitted": "{day}T{time}", "term": "{term}", "channel": "{channel}", "explain": {}, "lang": "ru"}}"#,
                    k % 2 == 0
                ));
            }
        }
    }
    for id in merzim::Regulation::bundled_ids() {
        let reg = merzim::Regulation::bundled(id).unwrap();
        for channel in &reg.channels {
            for outcome in ["approve", "refuse"] {
                for day in ["2014-07-01", "2020-01-03", "2026-03-18", "2027-12-27"] {
                    lines.push(format!(
                        r#"{{"id": 7, "regulation": "{id}", "submitted": "{day}T16:30", "channel": "{channel}", "outcome": "{outcome}", "explain": {}}}"#,
                        day == "2026-03-18"
                    ));
                }
            }
        }
    }
    lines.push(r#"{"id": "e", "submitted": "2031-01-01T10:00", "term": "1 working day"}"#.into());
    let mut checked = 0;
    for line in &lines {
        let r = match Request::from_json(line) {
            Ok(r) => ev.evaluate(&r),
            Err(_) => continue,
        };
        let serde = merzim::safe_text::for_json_lines(serde_json::to_string(&r).unwrap());
        assert_eq!(r.to_json(), serde, "{line}");
        checked += 1;
    }
    assert!(checked > 100, "{checked}");
}

/// A batch line as known on a date after today says so (in its language);
/// the brief's replay (before decree No. 820 was known) is provisional.
#[test]
fn as_known_on_after_today_is_warned_about() {
    let v = eval(
        r#"{"id": 1, "submitted": "2026-03-20T10:00", "term": "2 working days", "as_known_on": "2099-01-01", "lang": "ru"}"#,
    );
    let w = v["warnings"].as_array().expect("a warning");
    assert!(w[0].as_str().unwrap().contains("после сегодняшней"), "{v}");
    let r = eval(
        r#"{"id": 2, "regulation": "east-kazakhstan-2016-land-purpose-change", "submitted": "2018-03-19T10:00", "as_known_on": "2099-01-01"}"#,
    );
    assert_eq!(
        r["warning_codes"],
        serde_json::json!(["known_on_after_today"]),
        "{r}"
    );
    let replay = eval(
        r#"{"id": 3, "submitted": "2019-12-30T10:00", "term": "3 working days", "as_known_on": "2019-06-01"}"#,
    );
    assert_eq!(replay["provisional"], true, "{replay}");
    let now = eval(r#"{"id": 4, "submitted": "2019-12-30T10:00", "term": "3 working days"}"#);
    assert_eq!(now["provisional"], false, "{now}");
}

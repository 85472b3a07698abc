//! The worked examples of `docs/RULES.md`, one test per row id (E0.1 …
//! E11.1): what the rules document promises a lawyer is what the library
//! computes.

use chrono::{NaiveDate, NaiveDateTime};
use merzim::batch::Evaluator;
use merzim::{Calendar, DayKind, Horizon, OfficeTime, Schedule, Term, Zone};
use serde_json::Value;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn t(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

fn office() -> OfficeTime {
    OfficeTime::state_body(&Calendar::kazakhstan())
}

fn eval(line: &str) -> Value {
    let ev = Evaluator::new(Calendar::kazakhstan());
    serde_json::from_str(&ev.evaluate_json(line)).unwrap()
}

/// A term case through the batch contract: (due, whole answer).
fn due(submitted: &str, term: &str, extra: &str) -> Value {
    eval(&format!(
        r#"{{"id": "e", "submitted": "{submitted}", "term": "{term}"{extra}}}"#
    ))
}

#[test]
fn e0_offsets_of_asia_almaty() {
    let z = Zone::default();
    for (local, expected) in [
        ("2003-07-01 12:00", "2003-07-01T12:00:00+07:00"), // E0.1
        ("2020-07-01 12:00", "2020-07-01T12:00:00+06:00"), // E0.2
        ("2024-07-01 12:00", "2024-07-01T12:00:00+05:00"), // E0.3
        ("2024-02-29 17:00", "2024-02-29T17:00:00+06:00"), // E0.4
        ("2024-03-01 09:00", "2024-03-01T09:00:00+05:00"), // E0.5
        ("2024-02-29 23:30", "2024-02-29T23:30:00+06:00"), // E0.6: the earlier instant
    ] {
        assert_eq!(z.to_rfc3339(t(local)), expected, "{local}");
    }
}

#[test]
fn e1_day_kinds() {
    let c = Calendar::kazakhstan();
    let working = |s: &str| c.is_working_day(d(s)).unwrap();
    assert_eq!(
        c.day_kind(d("2026-03-24")).unwrap(),
        DayKind::SubstituteDayOff
    ); // E1.1
    assert!(working("2026-08-31")); // E1.2
    assert_eq!(
        c.day_kind(d("2024-05-04")).unwrap(),
        DayKind::WorkingWeekend
    ); // E1.3
    assert_eq!(
        c.day_kind(d("2024-05-08")).unwrap(),
        DayKind::TransferredDayOff
    ); // E1.4
    assert_eq!(
        c.day_kind(d("2020-05-11")).unwrap(),
        DayKind::TransferredWorkingDay
    ); // E1.5
    assert!(working("2014-10-06")); // E1.6
    assert_eq!(
        c.day_kind(d("2026-10-26")).unwrap(),
        DayKind::SubstituteDayOff
    ); // E1.7
    assert!(!working("2027-03-15")); // E1.8
    assert!(c.is_provisional(d("2027-03-15")));
    for (year, n) in [(2024, 249), (2025, 246), (2026, 247), (2027, 247)] {
        assert_eq!(c.working_days_in_year(year).unwrap(), n, "E1.9 {year}");
    }
    let six = Calendar::kazakhstan_six_day();
    assert!(!six.is_working_day(d("2026-03-09")).unwrap()); // E1.10
    assert!(!six.is_working_day(d("2026-03-24")).unwrap());
    assert!(six.is_working_day(d("2026-03-25")).unwrap()); // Sat 21 March: no substitute
    assert!(six.is_working_day(d("2024-05-08")).unwrap()); // E1.11
}

#[test]
fn e3_office_minutes() {
    let o = office();
    for (start, minutes, end) in [
        ("2026-03-20 12:50", 30, "2026-03-20 14:50"),  // E3.1
        ("2026-03-20 12:45", 15, "2026-03-20 13:00"),  // E3.2
        ("2026-03-20 18:20", 15, "2026-03-26 09:05"),  // E3.3
        ("2024-05-03 18:20", 15, "2024-05-04 09:05"),  // E3.4
        ("2025-12-31 12:00", 120, "2025-12-31 15:30"), // E3.5
        ("2026-03-20 13:00", 30, "2026-03-20 15:00"),  // E3.6
        ("2026-03-21 10:00", 0, "2026-03-21 10:00"),   // E3.7
    ] {
        assert_eq!(
            o.advance(t(start), minutes).unwrap(),
            t(end),
            "{start} + {minutes}"
        );
    }
}

#[test]
fn e4_working_day_and_calendar_day_steps() {
    let o = office();
    for (start, step, end) in [
        ("2026-03-20 09:00", "1 working day", "2026-03-20 18:30"), // E4.1
        ("2026-03-20 09:15", "1 working day", "2026-03-26 09:15"), // E4.2
        ("2026-03-20 18:10", "2 working days", "2026-03-27 18:10"), // E4.3
        ("2026-05-06 13:00", "1 working day", "2026-05-08 13:00"), // E4.4
        ("2026-03-20 09:15", "4 calendar days", "2026-03-26 18:30"), // E4.5
    ] {
        let term: Term = step.parse().unwrap();
        assert_eq!(o.step(t(start), term).unwrap(), t(end), "{start} + {step}");
    }
}

#[test]
fn e5_legal_terms() {
    for (id, submitted, term, extra, expected) in [
        (
            "E5.1",
            "2026-03-20T16:30",
            "22 working days",
            "",
            "2026-04-23T18:30:00+05:00",
        ),
        (
            "E5.2",
            "2026-03-20T16:30",
            "22 working days",
            r#", "channel": "state_corporation""#,
            "2026-04-24T18:30:00+05:00",
        ),
        (
            "E5.2",
            "2026-03-20T16:30",
            "22 working days",
            r#", "channel": "state_corporation", "start": "next_day""#,
            "2026-04-24T18:30:00+05:00",
        ),
        (
            "E5.3",
            "2026-03-20T16:30",
            "22 working days",
            r#", "start": "next_day""#,
            "2026-04-24T18:30:00+05:00",
        ),
        (
            "E5.4",
            "2026-03-20T16:30",
            "30 calendar days",
            "",
            "2026-04-20T18:30:00+05:00",
        ),
        (
            "E5.5",
            "2026-03-21T10:00",
            "2 working days",
            r#", "channel": "portal""#,
            "2026-03-27T18:30:00+05:00",
        ),
        (
            "E5.6",
            "2026-03-19T18:45",
            "2 working days",
            r#", "channel": "portal""#,
            "2026-03-26T18:30:00+05:00",
        ),
        (
            "E5.7",
            "2024-05-04T11:00",
            "1 working day",
            "",
            "2024-05-04T18:30:00+05:00",
        ),
        (
            "E5.8",
            "2026-04-24T10:00",
            "9 calendar days",
            "",
            "2026-05-04T18:30:00+05:00",
        ),
        (
            "E5.9",
            "2024-02-29T17:00",
            "5 working days",
            "",
            "2024-03-06T18:30:00+05:00",
        ),
        (
            "E5.10",
            "2026-03-20T16:30",
            "22 working days",
            r#", "end": "midnight""#,
            "2026-04-24T00:00:00+05:00",
        ),
        (
            "E5.11",
            "2026-03-20T16:30",
            "4 calendar days",
            "",
            "2026-03-26T18:30:00+05:00",
        ),
        (
            "E5.12",
            "2026-03-20T16:30",
            "2 working days",
            r#", "channel": "state_corporation""#,
            "2026-03-27T18:30:00+05:00",
        ),
    ] {
        let v = due(submitted, term, extra);
        assert_eq!(v["due"], expected, "{id}: {v}");
    }
    // Handoffs (E5.13–E5.15).
    let sc = r#", "channel": "state_corporation""#;
    assert_eq!(
        due("2026-03-20T16:30", "22 working days", sc)["handoff"],
        "2026-04-23T18:30:00+05:00"
    );
    let one = due("2026-03-20T16:30", "1 working day", sc);
    assert_eq!(
        (one["due"].as_str(), one.get("handoff")),
        (Some("2026-03-26T18:30:00+05:00"), None)
    );
    let two = due("2026-03-20T16:30", "2 working days", sc);
    assert_eq!(two["due"], "2026-03-27T18:30:00+05:00");
    assert_eq!(two["handoff"], "2026-03-26T18:30:00+05:00");
    // Storage and a later request (E5.16–E5.18).
    let o = office();
    let month: Term = "1 month".parse().unwrap();
    assert_eq!(
        o.storage(t("2026-04-24 18:30"), month).unwrap().kept_until,
        t("2026-05-25 18:30")
    );
    assert_eq!(
        o.storage(t("2025-01-31 18:30"), month).unwrap().kept_until,
        t("2025-02-28 18:30")
    );
    let day: Term = "1 working day".parse().unwrap();
    let r = o.stored_request(t("2026-06-10 11:00"), day, day).unwrap();
    assert_eq!(r.registered, d("2026-06-10"));
    assert_eq!(r.centre_request_due, t("2026-06-11 18:30"));
    assert_eq!(r.provider_delivery_due, t("2026-06-12 18:30"));
}

fn east(submitted: &str, extra: &str) -> Value {
    eval(&format!(
        r#"{{"id": "r", "regulation": "east-kazakhstan-2016-land-purpose-change", "submitted": "{submitted}"{extra}}}"#
    ))
}

#[test]
fn e6_east_kazakhstan_timeline() {
    let v = east("2026-03-18T16:30", "");
    let ends: Vec<&str> = v["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["end"].as_str().unwrap())
        .collect();
    assert_eq!(
        ends,
        [
            "2026-03-18T16:45:00+05:00", // E6.1.1
            "2026-03-19T16:45:00+05:00",
            "2026-03-20T09:15:00+05:00",
            "2026-03-27T09:15:00+05:00",
            "2026-04-03T09:15:00+05:00",
            "2026-04-06T09:15:00+05:00",
            "2026-04-10T09:15:00+05:00",
            "2026-04-14T09:15:00+05:00",
            "2026-04-21T09:15:00+05:00",
            "2026-04-22T09:15:00+05:00", // E6.1.10
        ]
    );
    assert_eq!(v["term_due"], "2026-04-16T18:30:00+05:00"); // E6.2
    assert_eq!(v["refusal_due"], "2026-03-19T18:30:00+05:00"); // E6.4
    assert_eq!(v["within_term"], false); // E6.5
                                         // E6.3: the 22-working-day alternative.
    let reg = merzim::Regulation::bundled("east-kazakhstan-2016-land-purpose-change").unwrap();
    let tl = reg
        .timeline(
            &office(),
            t("2026-03-18 16:30"),
            merzim::Channel::Provider,
            merzim::Outcome::Approve,
        )
        .unwrap();
    assert_eq!(tl.alternatives[1].due, t("2026-04-21 18:30"));
    // E6.6–E6.9: the State Corporation channel.
    let v = east("2026-03-18T16:30", r#", "channel": "state_corporation""#);
    let ends: Vec<&str> = v["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["end"].as_str().unwrap())
        .collect();
    assert_eq!(ends[0], "2026-03-19T09:15:00+05:00");
    assert_eq!(ends[2], "2026-03-20T11:15:00+05:00");
    assert_eq!(ends[9], "2026-04-22T11:15:00+05:00");
    assert_eq!(v["term_due"], "2026-04-17T18:30:00+05:00");
    assert_eq!(v["refusal_due"], "2026-03-20T18:30:00+05:00");
    assert_eq!(v["within_term"], false);
}

#[test]
fn e7_precise_readings() {
    let o = office();
    // E7.1: half-open intervals.
    assert_eq!(
        o.first_office_instant(t("2026-03-20 13:00")).unwrap(),
        t("2026-03-20 14:30")
    );
    assert_eq!(
        o.first_office_instant(t("2026-03-20 18:30")).unwrap(),
        t("2026-03-26 09:00")
    );
    // E7.1b: a chained step starts where the previous ended, even at 13:00.
    let fifteen: Term = "15 minutes".parse().unwrap();
    let first = o.step(t("2026-03-20 12:45"), fifteen).unwrap();
    assert_eq!(first, t("2026-03-20 13:00"));
    assert_eq!(o.step(first, fifteen).unwrap(), t("2026-03-20 14:45"));
    // E7.2, E7.3.
    assert_eq!(
        due(
            "2026-02-14T21:31",
            "1 working day",
            r#", "channel": "state_corporation""#
        )["due"],
        "2026-02-16T18:30:00+05:00"
    );
    assert_eq!(
        due(
            "2016-08-27T08:59",
            "36 working days",
            r#", "channel": "portal", "start": "next_day""#
        )["due"],
        "2016-10-20T18:30:00+06:00"
    );
    // E7.4–E7.4c: hour terms are office time and ignore the start rule.
    assert_eq!(
        due("2026-03-20T16:30", "24 hours", "")["due"],
        "2026-03-30T16:30:00+05:00"
    );
    assert_eq!(
        due("2026-03-20T16:30", "2 hours", r#", "start": "next_day""#)["due"],
        "2026-03-20T18:30:00+05:00"
    );
    assert_eq!(
        due(
            "2026-03-20T16:30",
            "2 hours",
            r#", "channel": "state_corporation""#
        )["due"],
        "2026-03-26T11:00:00+05:00"
    );
    // E7.5, E7.5b.
    assert_eq!(
        due("2007-12-26T18:30", "30 calendar days", "")["due"],
        "2008-01-25T18:30:00+06:00"
    );
    assert_eq!(
        due("2007-12-26T18:29", "30 calendar days", "")["due"],
        "2008-01-24T18:30:00+06:00"
    );
    // E7.8: refuse chains all ten steps; E7.8b, E7.9: invalid input.
    let refuse = east("2026-03-18T16:30", r#", "outcome": "refuse""#);
    assert_eq!(refuse["end"], "2026-04-22T09:15:00+05:00");
    assert_eq!(refuse["steps"].as_array().unwrap().len(), 10);
    for extra in [r#", "outcome": "refuse""#, r#", "channel": "portal""#] {
        let v = eval(&format!(
            r#"{{"id": 1, "regulation": "akmola-2014-irrigated-land-conversion", "submitted": "2014-07-01T10:00"{extra}}}"#
        ));
        assert_eq!(v["error"]["kind"], "invalid_input", "{extra}: {v}");
    }
    // E7.13: coverage is needed only for what is computed.
    let v = due("2027-12-31T18:15", "15 minutes", "");
    assert_eq!(v["due"], "2027-12-31T18:30:00+05:00");
    assert_eq!(v["provisional"], true);
}

#[test]
fn e8_provisional_and_coverage() {
    let v = due("2026-12-21T10:00", "22 working days", "");
    assert_eq!(
        (v["due"].as_str(), v["provisional"].as_bool()),
        (Some("2027-01-22T18:30:00+05:00"), Some(true))
    );
    assert_eq!(
        due("2031-01-05T10:00", "1 working day", "")["error"]["kind"],
        "out_of_coverage"
    );
    let v = due(
        "2031-01-05T10:00",
        "1 working day",
        r#", "horizon": "provisional""#,
    );
    assert_eq!(
        (v["due"].as_str(), v["provisional"].as_bool()),
        (Some("2031-01-06T18:30:00+05:00"), Some(true))
    );
    let far = Calendar::kazakhstan().with_horizon(Horizon::Provisional);
    assert!(far.is_provisional(d("2031-01-06")));
}

#[test]
fn e9_calendars_as_known_on_a_date() {
    let c = Calendar::kazakhstan();
    let april = c.as_known_on(d("2024-04-01")).unwrap();
    assert!(!april.is_working_day(d("2024-05-04")).unwrap()); // E9.1
    assert!(april.is_working_day(d("2024-05-08")).unwrap());
    let new_year = c.as_known_on(d("2026-01-01")).unwrap();
    assert!(!new_year.is_working_day(d("2026-08-31")).unwrap()); // E9.2
    assert_eq!(new_year.working_days_in_year(2026).unwrap(), 246);
    let signed = c.as_known_on(d("2024-04-17")).unwrap();
    assert!(signed.is_working_day(d("2024-05-04")).unwrap()); // E9.3
    assert!(!signed.is_working_day(d("2024-05-08")).unwrap());
    let o = OfficeTime::new(&april, Schedule::state_body()).unwrap();
    assert_eq!(
        o.advance(t("2024-05-03 18:20"), 15).unwrap(),
        t("2024-05-06 09:05")
    ); // E9.4
    let known = r#", "as_known_on": "2026-01-01""#;
    assert_eq!(
        due("2026-08-28T10:00", "2 working days", known)["due"],
        "2026-09-01T18:30:00+05:00"
    ); // E9.5
    assert_eq!(
        due("2026-08-28T10:00", "2 working days", "")["due"],
        "2026-08-31T18:30:00+05:00"
    );
    assert_eq!(c.working_days_in_year(2026).unwrap(), 247); // E9.6
}

#[test]
fn e10_periods_of_force() {
    let warning = |v: &Value| v["warnings"][0].as_str().unwrap_or_default().to_string();
    let akmola = eval(
        r#"{"id": 1, "regulation": "akmola-2014-cadastral-value", "submitted": "2026-03-18T16:30"}"#,
    );
    assert!(
        warning(&akmola).contains("repealed on 2015-09-15"),
        "E10.1: {akmola}"
    ); // E10.1
    let before = east("2015-10-01T10:00", "");
    assert!(
        before.get("steps").is_some() && warning(&before).contains("2016-04-29"),
        "E10.2: {before}"
    );
    let after = east("2026-03-18T16:30", "");
    assert!(warning(&after).contains("272-VI"), "E10.3: {after}");
    assert!(east("2018-03-19T10:00", "").get("warnings").is_none()); // E10.4
    let akmola_at = |submitted: &str| {
        eval(&format!(
            r#"{{"id": 1, "regulation": "akmola-2014-cadastral-value", "submitted": "{submitted}"}}"#
        ))
    };
    let early = akmola_at("2014-07-01T10:00");
    assert!(
        early.get("steps").is_some() && early["warning_codes"][0] == "not_yet_in_force",
        "E10.5: {early}"
    ); // E10.5
    assert!(akmola_at("2014-07-07T10:00").get("warnings").is_none()); // E10.6
}

#[test]
fn e11_partial_results() {
    let v = eval(
        r#"{"id": 1, "regulation": "akmola-2014-cadastral-value", "submitted": "2027-12-27T10:00", "channel": "state_corporation"}"#,
    );
    let ends: Vec<&str> = v["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["end"].as_str().unwrap())
        .collect();
    assert_eq!(
        ends,
        [
            "2027-12-28T09:15:00+05:00",
            "2027-12-28T09:30:00+05:00",
            "2027-12-30T09:30:00+05:00",
            "2027-12-30T09:45:00+05:00",
            "2027-12-30T09:50:00+05:00",
        ]
    );
    assert!(v.get("storage_until").is_none());
    assert_eq!(v["provisional"], true);
    let warnings = v["warnings"].as_array().unwrap();
    assert!(
        warnings
            .iter()
            .any(|w| w.as_str().unwrap().contains("storage_until")),
        "{v}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.as_str().unwrap().contains("repealed")),
        "{v}"
    );
}

// ------------------------------------------------ edge cases (RULES.md §5)

/// The codes of a term answer's warnings.
fn codes(v: &Value) -> Vec<String> {
    v["warning_codes"]
        .as_array()
        .map(|a| a.iter().map(|c| c.as_str().unwrap().to_string()).collect())
        .unwrap_or_default()
}

/// A handoff on the acceptance day, an acceptance on a public holiday and a
/// first day with less than an hour of office time left are flagged, each
/// with a code, and change no date.
#[test]
fn edge_cases_are_flagged_not_hidden() {
    let cal = Calendar::kazakhstan();
    let sc = r#", "channel": "state_corporation""#;
    // A term of one calendar day at the centre: the handoff (the working day
    // before the last day) is the acceptance day itself.
    let one = due("2026-03-18T10:00", "1 calendar day", sc);
    assert_eq!(one["handoff"].as_str().unwrap()[..10], one["registered"]);
    assert_eq!(codes(&one), ["handoff_on_acceptance_day"]);
    let five = due("2026-03-18T10:00", "5 working days", sc);
    assert_ne!(five["handoff"].as_str().unwrap()[..10], five["registered"]);
    assert!(codes(&five).is_empty(), "{five}");
    // An acceptance on a public holiday (a weekday off by law), found in
    // the calendar, not named here; a Saturday or Sunday is not flagged.
    let mut holiday = d("2026-01-01");
    while cal.day_kind(holiday).unwrap() != DayKind::Holiday
        || cal.week().is_rest_day(chrono::Datelike::weekday(&holiday))
    {
        holiday = holiday.succ_opt().unwrap();
    }
    let at = format!("{holiday}T10:00");
    let on_holiday = due(&at, "5 working days", sc);
    assert!(
        codes(&on_holiday).contains(&"accepted_on_holiday".to_string()),
        "{on_holiday}"
    );
    let provider = due(&at, "5 working days", "");
    assert!(!codes(&provider).contains(&"accepted_on_holiday".to_string()));
    let mut saturday = d("2026-03-07");
    while cal.day_kind(saturday).unwrap() != DayKind::Weekend {
        saturday = saturday.succ_opt().unwrap();
    }
    let weekend = due(&format!("{saturday}T10:00"), "5 working days", sc);
    assert!(codes(&weekend).is_empty(), "{weekend}");
    // A first day with less than an hour of office time left (the state
    // body's day closes at 18:30): flagged at 59 minutes, not at 60.
    let late = due("2026-03-20T18:29", "1 working day", "");
    assert_eq!(codes(&late), ["short_first_day"]);
    assert_eq!(late["due"], "2026-03-20T18:30:00+05:00");
    assert_eq!(
        codes(&due("2026-03-20T17:31", "3 working days", "")),
        ["short_first_day"]
    );
    assert!(codes(&due("2026-03-20T17:30", "3 working days", "")).is_empty());
    // Counted from the next day, or at the centre, day 1 is not the
    // submission day: nothing to flag. Terms in hours are office time.
    let next = r#", "start": "next_day""#;
    assert!(codes(&due("2026-03-20T18:29", "1 working day", next)).is_empty());
    assert!(codes(&due("2026-03-20T18:29", "1 working day", sc)).is_empty());
    assert!(codes(&due("2026-03-20T18:29", "2 hours", "")).is_empty());
    // The texts are in the request's language.
    let ru = due("2026-03-20T18:29", "1 working day", r#", "lang": "ru""#);
    assert!(
        ru["warnings"][0].as_str().unwrap().contains("20.03.2026"),
        "{ru}"
    );
}

/// A regulation case at the State Corporation says that the refusal's two
/// days are the provider's own check (the centre refuses an incomplete
/// package at intake), and carries the overall term's edge cases.
#[test]
fn a_regulation_at_the_centre_says_who_refuses_when() {
    let line = |submitted: &str, channel: &str| {
        eval(&format!(
            r#"{{"id": 1, "regulation": "east-kazakhstan-2016-land-purpose-change", "submitted": "{submitted}", "channel": "{channel}"}}"#
        ))
    };
    let sc = line("2026-03-18T10:00", "state_corporation");
    assert!(
        codes(&sc).contains(&"refusal_at_intake".to_string()),
        "{sc}"
    );
    let provider = line("2026-03-18T10:00", "provider");
    assert!(!codes(&provider).contains(&"refusal_at_intake".to_string()));
    // The overall term counted from the submission day at 18:29.
    let late = line("2026-03-18T18:29", "provider");
    assert!(
        codes(&late).contains(&"short_first_day".to_string()),
        "{late}"
    );
}

//! Every worked example of docs/RULES.md, as written there.

use chrono::{NaiveDate, NaiveDateTime};
use merzim::batch::{Id, RegulationResponse, TermResponse};
use merzim::{
    Calendar, Channel, ErrorKind, LegalOptions, OfficeTime, Outcome, Regulation, Schedule,
    StartRule, Term, TermEnd, Zone,
};

fn t(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
}

fn office() -> OfficeTime {
    OfficeTime::new(&Calendar::kazakhstan(), Schedule::state_body()).unwrap()
}

fn term(s: &str) -> Term {
    s.parse().unwrap()
}

#[test]
fn section_0_offsets_from_the_iana_database() {
    let z = Zone::default();
    assert_eq!(
        z.to_rfc3339(t("2003-07-01 12:00")),
        "2003-07-01T12:00:00+07:00"
    );
    assert_eq!(
        z.to_rfc3339(t("2020-07-01 12:00")),
        "2020-07-01T12:00:00+06:00"
    );
    assert_eq!(
        z.to_rfc3339(t("2024-07-01 12:00")),
        "2024-07-01T12:00:00+05:00"
    );
    // Both sides of 2024-03-01 00:00.
    assert_eq!(
        z.to_rfc3339(t("2024-02-29 18:30")),
        "2024-02-29T18:30:00+06:00"
    );
    assert_eq!(
        z.to_rfc3339(t("2024-03-01 09:00")),
        "2024-03-01T09:00:00+05:00"
    );
}

#[test]
fn section_3_office_time() {
    let o = office();
    for (start, minutes, end) in [
        ("2026-03-20 12:50", 30, "2026-03-20 14:50"),
        ("2026-03-20 12:45", 15, "2026-03-20 13:00"),
        ("2026-03-20 18:20", 15, "2026-03-26 09:05"),
        ("2024-05-03 18:20", 15, "2024-05-04 09:05"),
        ("2025-12-31 12:00", 120, "2025-12-31 15:30"),
    ] {
        assert_eq!(
            o.advance(t(start), minutes).unwrap(),
            t(end),
            "{start} + {minutes}"
        );
    }
    // The same through Term: "2 hours".
    assert_eq!(
        o.step(t("2025-12-31 12:00"), term("2 hours")).unwrap(),
        t("2025-12-31 15:30")
    );
}

#[test]
fn section_4_working_day_steps() {
    let o = office();
    for (start, n, end) in [
        ("2026-03-20 09:00", 1, "2026-03-20 18:30"),
        ("2026-03-20 09:15", 1, "2026-03-26 09:15"),
        ("2026-03-20 18:10", 2, "2026-03-27 18:10"),
        ("2026-05-06 13:00", 1, "2026-05-08 13:00"),
    ] {
        let step = Term::working_days(n).unwrap();
        assert_eq!(o.step(t(start), step).unwrap(), t(end), "{start} + {n} wd");
    }
}

#[test]
fn section_5_legal_terms() {
    let o = office();
    let z = Zone::default();
    use Channel::*;
    use StartRule::*;
    for (submitted, tm, channel, start, due) in [
        (
            "2026-03-20 16:30",
            "22 working days",
            Provider,
            SubmissionDay,
            "2026-04-23T18:30:00+05:00",
        ),
        (
            "2026-03-20 16:30",
            "22 working days",
            StateCorporation,
            SubmissionDay,
            "2026-04-24T18:30:00+05:00",
        ),
        (
            "2026-03-20 16:30",
            "22 working days",
            StateCorporation,
            NextDay,
            "2026-04-24T18:30:00+05:00",
        ),
        (
            "2026-03-20 16:30",
            "22 working days",
            Provider,
            NextDay,
            "2026-04-24T18:30:00+05:00",
        ),
        (
            "2026-03-20 16:30",
            "30 calendar days",
            Provider,
            SubmissionDay,
            "2026-04-20T18:30:00+05:00",
        ),
        (
            "2026-03-21 10:00",
            "2 working days",
            Portal,
            SubmissionDay,
            "2026-03-27T18:30:00+05:00",
        ),
        (
            "2026-03-19 18:45",
            "2 working days",
            Portal,
            SubmissionDay,
            "2026-03-26T18:30:00+05:00",
        ),
        (
            "2024-05-04 11:00",
            "1 working day",
            Provider,
            SubmissionDay,
            "2024-05-04T18:30:00+05:00",
        ),
        (
            "2026-04-24 10:00",
            "9 calendar days",
            Provider,
            SubmissionDay,
            "2026-05-04T18:30:00+05:00",
        ),
        (
            "2024-02-29 17:00",
            "5 working days",
            Provider,
            SubmissionDay,
            "2024-03-06T18:30:00+05:00",
        ),
        // §7.2: acceptance on a Saturday night.
        (
            "2026-02-14 21:31",
            "1 working day",
            StateCorporation,
            SubmissionDay,
            "2026-02-16T18:30:00+05:00",
        ),
        // §7.3: next_day counts from the registration date.
        (
            "2016-08-27 08:59",
            "36 working days",
            Portal,
            NextDay,
            "2016-10-20T18:30:00+06:00",
        ),
        // §7.5: calendar days start on the registration date.
        (
            "2007-12-26 18:30",
            "30 calendar days",
            Provider,
            SubmissionDay,
            "2008-01-25T18:30:00+06:00",
        ),
    ] {
        let opts = LegalOptions {
            channel,
            start,
            end: TermEnd::CloseOfBusiness,
        };
        let d = o.legal_due(t(submitted), term(tm), opts).unwrap();
        assert_eq!(
            z.to_rfc3339(d.due),
            due,
            "{submitted} {tm} {channel:?} {start:?}"
        );
    }
}

#[test]
fn section_5_midnight_option() {
    let o = office();
    let opts = LegalOptions {
        end: TermEnd::Midnight,
        ..Default::default()
    };
    let d = o
        .legal_due(t("2026-03-20 16:30"), term("22 working days"), opts)
        .unwrap();
    assert_eq!(d.due, t("2026-04-24 00:00"));
    assert_eq!(d.last_day, NaiveDate::from_ymd_opt(2026, 4, 23).unwrap());
}

#[test]
fn section_5_handoff_and_storage() {
    let o = office();
    let sc = LegalOptions {
        channel: Channel::StateCorporation,
        ..Default::default()
    };
    let d = o
        .legal_due(t("2026-03-20 16:30"), term("22 working days"), sc)
        .unwrap();
    assert_eq!(d.handoff, Some(t("2026-04-23 18:30")));
    // §7.14: none for a term of 1 working day.
    let d1 = o
        .legal_due(t("2026-03-20 16:30"), term("1 working day"), sc)
        .unwrap();
    assert_eq!(d1.handoff, None);
    // Storage: one month after the due date (2026-04-24 → 2026-05-24, a Sunday → Monday 25th).
    let s = o.storage(d.due, term("1 month")).unwrap();
    assert_eq!(s.kept_until, t("2026-05-25 18:30"));
    // A later request on Friday 2026-06-05 after hours: registered Monday 8th;
    // request due Tuesday 9th, delivery Wednesday 10th.
    let r = o
        .stored_request(
            t("2026-06-05 19:00"),
            term("1 working day"),
            term("1 working day"),
        )
        .unwrap();
    assert_eq!(r.registered, NaiveDate::from_ymd_opt(2026, 6, 8).unwrap());
    assert_eq!(r.centre_request_due, t("2026-06-09 18:30"));
    assert_eq!(r.provider_delivery_due, t("2026-06-10 18:30"));
}

#[test]
fn section_5_refusal_is_a_two_working_day_term() {
    let o = office();
    let d = o
        .legal_due(
            t("2026-03-18 16:30"),
            term("2 working days"),
            LegalOptions::default(),
        )
        .unwrap();
    assert_eq!(d.due, t("2026-03-19 18:30"));
}

#[test]
fn section_6_east_kazakhstan_timeline() {
    let o = office();
    let reg = Regulation::bundled("east-kazakhstan-2016-land-purpose-change").unwrap();
    let tl = reg
        .timeline(
            &o,
            t("2026-03-18 16:30"),
            Channel::Provider,
            Outcome::Approve,
        )
        .unwrap();
    let ends: Vec<String> = tl
        .steps
        .iter()
        .map(|s| s.end.format("%m-%d %H:%M").to_string())
        .collect();
    assert_eq!(
        ends,
        [
            "03-18 16:45",
            "03-19 16:45",
            "03-20 09:15",
            "03-27 09:15",
            "04-03 09:15",
            "04-06 09:15",
            "04-10 09:15",
            "04-14 09:15",
            "04-21 09:15",
            "04-22 09:15"
        ]
    );
    assert_eq!(
        tl.steps.iter().map(|s| s.number).collect::<Vec<_>>(),
        (1..=10).collect::<Vec<_>>()
    );
    assert_eq!(tl.term_due, Some(t("2026-04-16 18:30")));
    let alts: Vec<_> = tl
        .alternatives
        .iter()
        .map(|a| (a.term.to_string(), a.due))
        .collect();
    assert_eq!(
        alts,
        [
            ("30 calendar days".to_string(), t("2026-04-16 18:30")),
            ("22 working days".to_string(), t("2026-04-21 18:30"))
        ]
    );
    assert_eq!(tl.refusal_due, Some(t("2026-03-19 18:30")));
    assert_eq!(tl.within_term, Some(false));
    // §7.8: refuse chains all ten steps.
    let refuse = reg
        .timeline(
            &o,
            t("2026-03-18 16:30"),
            Channel::Provider,
            Outcome::Refuse,
        )
        .unwrap();
    assert_eq!(refuse.steps.len(), 10);
}

#[test]
fn section_7_first_step_only_is_moved() {
    let o = office();
    // §7.1: at or after 13:00 is 14:30.
    assert_eq!(
        o.first_office_instant(t("2026-03-20 13:00")).unwrap(),
        t("2026-03-20 14:30")
    );
    assert_eq!(
        o.first_office_instant(t("2026-03-20 18:30")).unwrap(),
        t("2026-03-26 09:00")
    );
}

#[test]
fn section_7_irrigated_land_has_no_refusal_path_and_channels_are_checked() {
    let o = office();
    let reg = Regulation::bundled("akmola-2014-irrigated-land-conversion").unwrap();
    let e = reg
        .timeline(
            &o,
            t("2014-07-01 10:00"),
            Channel::Provider,
            Outcome::Refuse,
        )
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    let e = reg
        .timeline(&o, t("2014-07-01 10:00"), Channel::Portal, Outcome::Approve)
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    let cad = Regulation::bundled("akmola-2014-cadastral-value").unwrap();
    // The centre keeps an uncollected result one month after the result is ready.
    let tl = cad
        .timeline(
            &o,
            t("2014-07-01 10:00"),
            Channel::StateCorporation,
            Outcome::Approve,
        )
        .unwrap();
    let kept = o
        .storage(tl.end, "1 month".parse().unwrap())
        .unwrap()
        .kept_until;
    assert_eq!(tl.storage_until, Some(kept));
    assert!(kept.date() > tl.end.date());
    assert!(cad
        .timeline(&o, t("2014-07-01 10:00"), Channel::Portal, Outcome::Approve)
        .is_err());
    assert!(cad
        .timeline(
            &o,
            t("2014-07-01 10:00"),
            Channel::StateCorporation,
            Outcome::Approve
        )
        .is_ok());
}

#[test]
fn section_7_portal_duration_applies_to_both_outcomes() {
    let reg = Regulation::bundled("akmola-2014-land-purpose-change").unwrap();
    for outcome in [Outcome::Approve, Outcome::Refuse] {
        let portal = reg.compile(Channel::Portal, outcome).unwrap();
        let provider = reg.compile(Channel::Provider, outcome).unwrap();
        assert_eq!(portal.step_numbers(), provider.step_numbers());
    }
    let o = office();
    let s = t("2014-07-01 10:00");
    let a = reg
        .timeline(&o, s, Channel::Portal, Outcome::Refuse)
        .unwrap();
    let b = reg
        .timeline(&o, s, Channel::Provider, Outcome::Refuse)
        .unwrap();
    let step5 = |tl: &merzim::Timeline| tl.steps.iter().find(|x| x.number == 5).unwrap().duration;
    assert_eq!(step5(&a), term("32 working days"));
    assert_eq!(step5(&b), term("36 working days"));
}

#[test]
fn section_7_period_of_force_warns() {
    let o = office();
    let reg = Regulation::bundled("akmola-2014-land-purpose-change").unwrap();
    let tl = reg
        .timeline(
            &o,
            t("2026-03-18 10:00"),
            Channel::Provider,
            Outcome::Approve,
        )
        .unwrap();
    assert!(!tl.warnings.is_empty());
    let tl = reg
        .timeline(
            &o,
            t("2014-09-01 10:00"),
            Channel::Provider,
            Outcome::Approve,
        )
        .unwrap();
    assert!(tl.warnings.is_empty(), "{:?}", tl.warnings);
}

#[test]
fn section_7_zero_amounts() {
    let o = office();
    assert_eq!(
        o.advance(t("2026-03-21 03:00"), 0).unwrap(),
        t("2026-03-21 03:00")
    );
    assert_eq!(
        o.step(t("2026-03-21 03:00"), term("0 working days"))
            .unwrap(),
        t("2026-03-21 03:00")
    );
    let e = o
        .legal_due(
            t("2026-03-20 10:00"),
            term("0 working days"),
            LegalOptions::default(),
        )
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
}

#[test]
fn section_7_coverage_only_for_what_is_computed() {
    let o = office();
    let d = o
        .legal_due(
            t("2027-12-31 18:15"),
            term("15 minutes"),
            LegalOptions::default(),
        )
        .unwrap();
    assert_eq!(d.due, t("2027-12-31 18:30"));
    let e = o
        .legal_due(
            t("2027-12-31 18:15"),
            term("30 minutes"),
            LegalOptions::default(),
        )
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::OutOfCoverage);
}

#[test]
fn section_7_hours_are_office_hours() {
    let o = office();
    // "24 hours" is three 8-hour office days.
    let d = o
        .legal_due(
            t("2026-03-02 09:00"),
            term("24 hours"),
            LegalOptions::default(),
        )
        .unwrap();
    assert_eq!(d.due, t("2026-03-04 18:30"));
    // state_corporation: from the opening of the first working day after acceptance.
    let sc = LegalOptions {
        channel: Channel::StateCorporation,
        ..Default::default()
    };
    let d = o
        .legal_due(t("2026-03-02 10:00"), term("2 hours"), sc)
        .unwrap();
    assert_eq!(d.due, t("2026-03-03 11:00"));
}

/// Results carry zoned instants (the office's zone gives each date's
/// offset) and serialise in the dialect of the batch contract.
#[test]
fn results_are_zoned_and_serialise_with_offsets() {
    use merzim::{Channel, Outcome, Regulation, Zone};
    let office = merzim::OfficeTime::state_body(&merzim::Calendar::kazakhstan());
    let t = |s: &str| chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    // Almaty was UTC+6 until 2024-03-01 and UTC+5 since.
    let d = office
        .legal_due(
            t("2024-02-27 10:00"),
            "5 working days".parse().unwrap(),
            Default::default(),
        )
        .unwrap();
    assert_eq!(d.due_zoned().to_rfc3339(), "2024-03-04T18:30:00+05:00");
    let d = office
        .legal_due(
            t("2020-07-01 10:00"),
            "1 working day".parse().unwrap(),
            Default::default(),
        )
        .unwrap();
    assert_eq!(d.due_zoned().to_rfc3339(), "2020-07-01T18:30:00+06:00");
    let aqtobe = office.with_zone("Asia/Aqtobe".parse::<Zone>().unwrap());
    let d = aqtobe
        .legal_due(
            t("2020-07-01 10:00"),
            "1 working day".parse().unwrap(),
            Default::default(),
        )
        .unwrap();
    assert_eq!(d.due_zoned().to_rfc3339(), "2020-07-01T18:30:00+05:00");
    // The one JSON form of a legal due.
    let json = serde_json::to_value(TermResponse::new(Id::null(), &d)).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"id": null, "registered": "2020-07-01", "day_one": "2020-07-01", "last_day": "2020-07-01",
            "due": "2020-07-01T18:30:00+05:00", "provisional": false,
            "data_as_of": office.calendar().data_as_of().unwrap().to_string()})
    );
    let reg = Regulation::bundled("east-kazakhstan-2016-land-purpose-change").unwrap();
    let tl = reg
        .timeline(
            &office,
            t("2026-03-18 16:30"),
            Channel::Provider,
            Outcome::Approve,
        )
        .unwrap();
    assert_eq!(tl.end_zoned().to_rfc3339(), "2026-04-22T09:15:00+05:00");
    assert_eq!(
        tl.steps[0].end_zoned().to_rfc3339(),
        "2026-03-18T16:45:00+05:00"
    );
    let json = serde_json::to_value(RegulationResponse::new(Id::null(), &tl)).unwrap();
    assert_eq!(json["term_due"], "2026-04-16T18:30:00+05:00");
    assert_eq!(json["steps"][0]["end"], "2026-03-18T16:45:00+05:00");
    assert_eq!(json["within_term"], false);
    assert_eq!(json["alternatives"][1]["due"], "2026-04-21T18:30:00+05:00");
}

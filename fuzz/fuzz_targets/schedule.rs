//! Schedules: a schedule that parses prints back to itself; office time on it
//! never goes backwards, and bulk == scalar.
#![no_main]

use libfuzzer_sys::fuzz_target;
use merzim::{LegalOptions, LocalMinutes, OfficeTime, Schedule, Term};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(schedule) = s.parse::<Schedule>() else {
        return;
    };
    let shown = schedule.to_string();
    assert_eq!(
        shown.parse::<Schedule>().ok().as_ref(),
        Some(&schedule),
        "{s:?} -> {shown:?}"
    );
    let json = serde_json::to_string(&schedule).unwrap();
    assert_eq!(
        serde_json::from_str::<Schedule>(&json).ok().as_ref(),
        Some(&schedule)
    );

    let h = merzim_fuzz::seed(data);
    let cals = merzim_fuzz::calendars();
    let cal = &cals[(h % cals.len() as u32) as usize];
    let Ok(office) = OfficeTime::new(cal, schedule) else {
        return;
    };
    let t = merzim_fuzz::instant_near_coverage(h, (h >> 16) as u16);
    for m in [
        0u64,
        1,
        59,
        60,
        479,
        480,
        481,
        10_000,
        (h >> 8) as u64,
        u64::MAX / 2,
        u64::MAX,
    ] {
        if let Ok(a) = office.advance(t, m) {
            assert!(a >= t, "advance({t}, {m}) = {a} is before the start");
            if m > 0 && m < 1_000_000 {
                assert_eq!(
                    office
                        .office_minutes_between(
                            t.max(office.first_office_instant(t).unwrap_or(t)),
                            a
                        )
                        .ok(),
                    Some(m as i64),
                    "advance({t}, {m}) = {a}"
                );
            }
        }
    }
    for term in [
        "15 minutes",
        "2 hours",
        "1 working day",
        "5 working days",
        "30 calendar days",
        "1 month",
    ] {
        let term: Term = term.parse().unwrap();
        let o = LegalOptions::default();
        let r = office.legal_due(t, term, o);
        let mut out = [LocalMinutes(0)];
        let b = office.legal_due_bulk(&[LocalMinutes::from(t)], term, o, &mut out);
        match (&r, b) {
            (Ok(d), Ok(())) => {
                assert!(d.due > t);
                assert_eq!(out[0], LocalMinutes::from(d.due), "{term} from {t}");
            }
            (Err(e), Err(be)) => assert_eq!(e.kind(), be.error.kind(), "{term} from {t}"),
            (r, b) => panic!("scalar {r:?} != bulk {b:?} for {term} from {t}"),
        }
        let s1 = office.step(t, term);
        let mut out = [LocalMinutes(0)];
        let b = office.step_bulk(&[LocalMinutes::from(t)], term, &mut out);
        match (&s1, b) {
            (Ok(d), Ok(())) => assert_eq!(out[0], LocalMinutes::from(*d), "step {term} from {t}"),
            (Err(e), Err(be)) => assert_eq!(e.kind(), be.error.kind(), "step {term} from {t}"),
            (r, b) => panic!("step: scalar {r:?} != bulk {b:?} for {term} from {t}"),
        }
    }
});

//! Structured date and time arithmetic (`arbitrary`) at the edges of coverage
//! and of the integer types: never a panic, bulk == scalar, office time never
//! goes backwards, a huge year is an error.
#![no_main]

use arbitrary::Arbitrary;
use chrono::{NaiveDate, NaiveDateTime};
use libfuzzer_sys::fuzz_target;
use merzim::{EpochDays, LegalOptions, LocalMinutes, Term, Unit, Yyyymmdd, Zone};

#[derive(Arbitrary, Debug)]
struct Input {
    cal: u8,
    date: u32,
    other: u32,
    raw_days: i32,
    yyyymmdd: i32,
    n: i32,
    year: i32,
    month: u32,
    minute: u16,
    minutes: u64,
    amount: u32,
    unit: u8,
    options: u8,
    seconds: i64,
    zone: u8,
}

const ZONES: [&str; 6] = [
    "Asia/Almaty",
    "Asia/Aqtobe",
    "Asia/Qostanay",
    "UTC",
    "America/New_York",
    "Pacific/Kiritimati",
];

fuzz_target!(|x: Input| {
    let cals = merzim_fuzz::calendars();
    let cal = &cals[x.cal as usize % cals.len()];
    let offices = merzim_fuzz::offices();
    let office = &offices[x.cal as usize % offices.len()];
    let d = merzim_fuzz::date_near_coverage(x.date);
    let e = merzim_fuzz::date_near_coverage(x.other);

    // Working days: scalar and bulk (three date forms), raw inputs included.
    let a = cal.add_working_days(d, x.n);
    let mut out = [EpochDays(0)];
    let b = cal.add_working_days_bulk(&[EpochDays::from(d)], &[x.n], &mut out);
    match (&a, b) {
        (Ok(r), Ok(())) => assert_eq!(EpochDays::from(*r), out[0]),
        (Err(e1), Err(e2)) => assert_eq!(e1.kind(), e2.error.kind()),
        (a, b) => panic!("scalar {a:?} != bulk {b:?}: {d} + {}", x.n),
    }
    let mut out = [EpochDays(0)];
    let _ = cal.add_working_days_bulk(&[EpochDays(x.raw_days)], &[x.n], &mut out);
    let mut out = [Yyyymmdd(0)];
    let _ = cal.add_working_days_bulk(&[Yyyymmdd(x.yyyymmdd)], &[x.n], &mut out);
    let w = cal.working_days_between(d, e);
    let mut out = [0i32];
    let b = cal.working_days_between_bulk(&[EpochDays::from(d)], &[EpochDays::from(e)], &mut out);
    match (&w, b) {
        (Ok(r), Ok(())) => assert_eq!(*r, out[0]),
        (Err(e1), Err(e2)) => assert_eq!(e1.kind(), e2.error.kind()),
        (a, b) => panic!("between: scalar {a:?} != bulk {b:?}: {d} {e}"),
    }
    let _ = cal.working_days_in_month(x.year, x.month);
    let _ = cal.working_days_in_year(x.year);
    let _ = cal.working_days_in_range(d, e);
    let _ = (
        cal.next_working_day(d),
        cal.previous_working_day(d),
        cal.roll_forward(d),
        cal.roll_backward(d),
    );
    if !(1990..=2200).contains(&x.year) {
        assert!(cal.working_days_in_year(x.year).is_err());
    }

    // Office time.
    let t = merzim_fuzz::instant_near_coverage(x.date, x.minute);
    if let Ok(r) = office.advance(t, x.minutes) {
        assert!(r >= t, "advance({t}, {}) = {r}", x.minutes);
    }
    let unit = [
        Unit::Minutes,
        Unit::Hours,
        Unit::WorkingDays,
        Unit::CalendarDays,
        Unit::Months,
    ][x.unit as usize % 5];
    if let Ok(term) = Term::new(x.amount, unit) {
        let channels = merzim::Channel::ALL;
        let o = LegalOptions {
            channel: channels[x.options as usize % channels.len()],
            start: merzim::StartRule::ALL[(x.options as usize / 4) % merzim::StartRule::ALL.len()],
            end: merzim::TermEnd::ALL[(x.options as usize / 8) % merzim::TermEnd::ALL.len()],
        };
        let r = office.legal_due(t, term, o);
        let mut out = [LocalMinutes(0)];
        let b = office.legal_due_bulk(&[LocalMinutes::from(t)], term, o, &mut out);
        match (&r, b) {
            (Ok(dd), Ok(())) => {
                assert!(dd.due > t, "{term} from {t}: {}", dd.due);
                assert_eq!(out[0], LocalMinutes::from(dd.due));
            }
            (Err(e1), Err(e2)) => assert_eq!(e1.kind(), e2.error.kind()),
            (r, b) => panic!("legal_due: scalar {r:?} != bulk {b:?}: {term} {o:?} {t}"),
        }
        let _ = office.step(t, term);
        let _ = office.storage(t, term);
    }

    // Zones at any instant chrono can hold, and at its limits.
    let zone: Zone = ZONES[x.zone as usize % ZONES.len()].parse().unwrap();
    let any = chrono::DateTime::from_timestamp(x.seconds % 8_200_000_000_000, 0)
        .map(|t| t.naive_utc())
        .unwrap_or(NaiveDateTime::MIN);
    for t in [any, NaiveDateTime::MIN, NaiveDateTime::MAX] {
        let (at, _) = zone.resolve(t);
        let _ = merzim::format_rfc3339(at);
        let _ = zone.to_rfc3339(t);
        let _ = zone.local_of(merzim::Submitted::Instant(at));
    }
    let _ = NaiveDate::from_ymd_opt(x.year, x.month, 1).map(|f| cal.is_working_day(f));
});

//! Properties against naive day-by-day and minute-by-minute oracles.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Timelike};
use merzim::{
    Calendar, Channel, ErrorKind, LegalOptions, OfficeTime, Schedule, StartRule, Term, TermEnd,
    Unit,
};
use proptest::prelude::*;

fn cal() -> Calendar {
    Calendar::kazakhstan()
}

fn office() -> OfficeTime {
    OfficeTime::new(&cal(), Schedule::state_body()).unwrap()
}

fn date_in(lo: i64, hi: i64) -> impl Strategy<Value = NaiveDate> {
    (lo..=hi).prop_map(|n| NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + Duration::days(n))
}

/// The day number (0 = 2000-01-01) of the last day the data covers.
fn last() -> i64 {
    let (first, last) = cal().coverage();
    (last - first).num_days()
}

/// The value of a computation, or, when it ran past the data's coverage (the
/// one error allowed here), a discarded case: proptest counts and limits
/// discards, so a property cannot pass by discarding everything.
macro_rules! covered {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(e) => {
                prop_assert_eq!(e.kind(), ErrorKind::OutOfCoverage, "{}", e);
                return Err(TestCaseError::reject(format!("past coverage: {e}")));
            }
        }
    };
}

/// The naive oracle: step one day at a time.
fn naive_add(c: &Calendar, date: NaiveDate, n: i32) -> Option<NaiveDate> {
    let (first, last) = c.valid_range();
    let w = |d: NaiveDate| c.is_working_day(d).unwrap();
    let mut d = date;
    if n == 0 {
        while !w(d) {
            d = d.succ_opt()?;
            if d > last {
                return None;
            }
        }
        return Some(d);
    }
    let step = if n > 0 { 1 } else { -1 };
    let mut left = n.abs();
    while left > 0 {
        d += Duration::days(step);
        if d > last || d < first {
            return None;
        }
        if w(d) {
            left -= 1;
        }
    }
    Some(d)
}

fn naive_between(c: &Calendar, a: NaiveDate, b: NaiveDate) -> i32 {
    let (lo, hi, sign) = if a <= b { (a, b, 1) } else { (b, a, -1) };
    let mut n = 0;
    let mut d = lo;
    while d < hi {
        d = d.succ_opt().unwrap();
        if c.is_working_day(d).unwrap() {
            n += 1;
        }
    }
    sign * n
}

/// Minute-by-minute office time: the §3 rule spelled out.
fn naive_advance(o: &OfficeTime, t: NaiveDateTime, m: u64) -> Option<NaiveDateTime> {
    if m == 0 {
        return Some(t);
    }
    let inside = |t: NaiveDateTime| o.is_office_time(t).ok();
    let mut t = t;
    while !inside(t)? {
        t += Duration::minutes(1);
    }
    let mut left = m;
    loop {
        if inside(t)? {
            left -= 1;
            if left == 0 {
                return Some(t + Duration::minutes(1));
            }
        }
        t += Duration::minutes(1);
    }
}

fn minute_time() -> impl Strategy<Value = NaiveDateTime> {
    (date_in(0, last()), 0u32..1440).prop_map(|(d, m)| d.and_hms_opt(m / 60, m % 60, 0).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn add_working_days_matches_the_oracle(date in date_in(-30, last() + 30), n in -400i32..400) {
        let c = cal();
        let fast = c.add_working_days(date, n);
        let in_range = c.is_working_day(date).is_ok();
        let slow = if in_range { naive_add(&c, date, n) } else { None };
        match (fast, slow) {
            (Ok(f), Some(s)) => prop_assert_eq!(f, s),
            (Err(e), None) => prop_assert_eq!(e.kind(), ErrorKind::OutOfCoverage),
            (f, s) => prop_assert!(false, "fast {:?} vs naive {:?}", f, s),
        }
    }

    #[test]
    fn working_days_between_matches_the_oracle(a in date_in(0, last()), span in -500i64..500) {
        let c = cal();
        let b = a + Duration::days(span);
        match c.working_days_between(a, b) {
            Ok(n) => prop_assert_eq!(n, naive_between(&c, a, b)),
            Err(e) => prop_assert_eq!(e.kind(), ErrorKind::OutOfCoverage),
        }
    }

    #[test]
    fn add_then_count_and_count_then_add(a in date_in(0, last() - 800), n in -300i32..300, span in 0i64..700) {
        let c = cal();
        let b = covered!(c.add_working_days(a, n));
        // Counting gives n back: always for n > 0; for n < 0 when `a` itself
        // is a working day, since (b, a] then holds exactly |n| working days.
        if n > 0 || (n < 0 && c.is_working_day(a).unwrap()) {
            let back = c.working_days_between(a, b).unwrap();
            prop_assert_eq!(back, n);
        }
        let b = a + Duration::days(span);
        if c.is_working_day(b).unwrap() {
            let k = c.working_days_between(a, b).unwrap();
            prop_assert_eq!(c.add_working_days(a, k).unwrap(), b);
        }
    }

    #[test]
    fn six_day_week_matches_its_oracle(date in date_in(0, last() - 400), n in -100i32..100) {
        let c = Calendar::kazakhstan_six_day();
        match (c.add_working_days(date, n), naive_add(&c, date, n)) {
            (Ok(f), Some(s)) => prop_assert_eq!(f, s),
            (Err(e), None) => prop_assert_eq!(e.kind(), ErrorKind::OutOfCoverage),
            (f, s) => prop_assert!(false, "fast {:?} vs naive {:?}", f, s),
        }
        // Sunday is the weekly day off of the six-day week, unless an act that
        // applies to the six-day week made it a working day (Sunday 5 January
        // 2025, by the order moving its day off to Friday 3 January).
        if date.weekday() == chrono::Weekday::Sun {
            let kind = c.day_kind(date).unwrap();
            prop_assert_eq!(c.is_working_day(date).unwrap(), kind == merzim::DayKind::WorkingWeekend);
            if kind == merzim::DayKind::WorkingWeekend {
                prop_assert!(c.day(date).unwrap().act.is_some());
            }
        }
    }

    #[test]
    fn advance_matches_minute_by_minute(t in minute_time(), m in 0u64..1500) {
        let o = office();
        match o.advance(t, m) {
            Ok(f) => prop_assert_eq!(Some(f), naive_advance(&o, t, m)),
            Err(e) => prop_assert_eq!(e.kind(), ErrorKind::OutOfCoverage),
        }
    }

    #[test]
    fn advance_composes(t in minute_time(), a in 1u64..5000, b in 1u64..5000) {
        let o = office();
        let y = covered!(o.advance(t, a + b));
        // If a + b fits, a then b fits too.
        let x = o.advance(t, a).and_then(|x| o.advance(x, b)).unwrap();
        prop_assert_eq!(x, y);
    }

    #[test]
    fn results_lie_in_office_hours_on_working_days(t in minute_time(), m in 1u64..20000, n in 1u32..60) {
        let o = office();
        let c = cal();
        for r in [covered!(o.advance(t, m)), covered!(o.step(t, Term::working_days(n).unwrap()))] {
            let end_of_interval = matches!((r.hour(), r.minute()), (13, 0) | (18, 30));
            prop_assert!(c.is_working_day(r.date()).unwrap());
            prop_assert!(o.is_office_time(r).unwrap() || end_of_interval, "{}", r);
        }
    }

    #[test]
    fn longer_terms_are_never_earlier(
        t in minute_time(),
        n in 1u32..80,
        unit in prop_oneof![Just(Unit::Minutes), Just(Unit::Hours), Just(Unit::WorkingDays), Just(Unit::CalendarDays), Just(Unit::Months)],
        channel in prop_oneof![Just(Channel::Provider), Just(Channel::Portal), Just(Channel::StateCorporation)],
        start in prop_oneof![Just(StartRule::SubmissionDay), Just(StartRule::NextDay)],
        end in prop_oneof![Just(TermEnd::CloseOfBusiness), Just(TermEnd::Midnight)],
    ) {
        let o = office();
        let opts = LegalOptions { channel, start, end };
        let l = covered!(o.legal_due(t, Term::new(n + 1, unit).unwrap(), opts));
        // If the longer term fits in the data, the shorter one does too.
        let s = o.legal_due(t, Term::new(n, unit).unwrap(), opts).unwrap();
        prop_assert!(s.due <= l.due);
        prop_assert!(s.due > t || unit == Unit::Minutes || unit == Unit::Hours);
        if end == TermEnd::CloseOfBusiness {
            prop_assert!(cal().is_working_day(s.due.date()).unwrap());
        }
        let step_long = covered!(o.step(t, Term::new(n + 1, unit).unwrap()));
        let step_short = o.step(t, Term::new(n, unit).unwrap()).unwrap();
        prop_assert!(step_short <= step_long);
    }

    #[test]
    fn no_panic_for_any_input(
        days in -200_000i64..200_000, minute in 0u32..1440, n in any::<i32>(), amount in any::<u32>(),
        unit in prop_oneof![Just(Unit::Minutes), Just(Unit::Hours), Just(Unit::WorkingDays), Just(Unit::CalendarDays), Just(Unit::Months)],
    ) {
        let c = cal();
        let date = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + Duration::days(days);
        let _ = c.is_working_day(date);
        let _ = c.day(date);
        let _ = c.add_working_days(date, n);
        let _ = c.working_days_between(date, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap());
        let o = office();
        let t = date.and_hms_opt(minute / 60, minute % 60, 0).unwrap();
        if let Ok(term) = Term::new(amount, unit) {
            for &channel in Channel::ALL {
                let _ = o.legal_due(t, term, LegalOptions { channel, ..Default::default() });
            }
            let _ = o.step(t, term);
        }
        let _ = o.advance(t, amount as u64);
        let _ = Calendar::kazakhstan().with_horizon(merzim::Horizon::Provisional).add_working_days(date, n);
    }

    #[test]
    fn term_strings_never_panic(s in "\\PC{0,40}") {
        let _ = s.parse::<Term>();
        let _ = s.parse::<Schedule>();
        let _ = s.parse::<merzim::Submitted>();
        let _ = Calendar::kazakhstan().with_overlay_toml("fuzz.toml", &s);
    }
}

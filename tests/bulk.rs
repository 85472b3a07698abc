//! The bulk paths against the scalar API.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use chrono::{Datelike, NaiveDate, NaiveDateTime, Weekday};
use merzim::{
    Calendar, Channel, EpochDays, ErrorKind, Interval, LegalOptions, LocalMinutes, OfficeTime,
    Outcome, Recompute, Regulation, Schedule, StartRule, Term, TermEnd, TimelineColumns,
    TimelineRow, Unit, Yyyymmdd,
};
use proptest::prelude::*;

// ----- allocation counting (per thread, so parallel tests do not interfere) -----

struct Counting;
thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        ALLOCATIONS.with(|c| c.set(c.get() + 1));
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, n: usize) -> *mut u8 {
        ALLOCATIONS.with(|c| c.set(c.get() + 1));
        unsafe { System.realloc(p, l, n) }
    }
}
#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations_during(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(|c| c.get());
    f();
    ALLOCATIONS.with(|c| c.get()) - before
}

// ----- helpers -----

const ORDER: &str = r#"
[[act]]
id = "test-order"
source = "a synthetic transfer order"
[[act.transfer]]
day_off = "2026-11-02"
working_day = "2026-11-07"
[[act.transfer]]
day_off = "2027-01-08"
working_day = "2027-01-16"
[[act]]
id = "test-declared"
source = "a synthetic declared day off"
[[act.day_off]]
date = "2026-12-31"
"#;

fn day(k: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + chrono::TimeDelta::days(k)
}

fn at(k: i64, minute: u32) -> NaiveDateTime {
    day(k).and_hms_opt(minute / 60, minute % 60, 0).unwrap()
}

fn epoch(d: NaiveDate) -> EpochDays {
    EpochDays((d - NaiveDate::from_ymd_opt(1970, 1, 1).unwrap()).num_days() as i32)
}

fn ymd(d: NaiveDate) -> Yyyymmdd {
    Yyyymmdd(d.year() * 10_000 + d.month() as i32 * 100 + d.day() as i32)
}

fn minutes(t: NaiveDateTime) -> LocalMinutes {
    LocalMinutes((t - at(0, 0)).num_minutes())
}

fn state_body() -> OfficeTime {
    OfficeTime::new(&Calendar::kazakhstan(), Schedule::state_body()).unwrap()
}

/// A schedule with a short Friday: exercises the non-uniform paths.
fn short_friday() -> OfficeTime {
    let s = Schedule::state_body()
        .with_weekday(Weekday::Fri, vec![Interval::new(9 * 60, 16 * 60).unwrap()])
        .unwrap();
    OfficeTime::new(&Calendar::kazakhstan(), s).unwrap()
}

/// Office time round the clock: results at 24:00 (00:00 of the next date).
fn all_day() -> OfficeTime {
    OfficeTime::new(&Calendar::kazakhstan(), "00:00-24:00".parse().unwrap()).unwrap()
}

/// Days from 1998 to 2029: in and out of coverage (2000-2027).
fn any_day() -> impl Strategy<Value = i64> {
    -730i64..10_960
}

fn term() -> impl Strategy<Value = Term> {
    prop_oneof![
        (1u32..60).prop_map(|n| Term::working_days(n).unwrap()),
        (1u32..60).prop_map(|n| Term::calendar_days(n).unwrap()),
        (1u32..4).prop_map(|n| Term::months(n).unwrap()),
        (1u32..600).prop_map(|n| Term::minutes(n).unwrap()),
        (1u32..30).prop_map(|n| Term::hours(n).unwrap()),
    ]
}

fn options() -> impl Strategy<Value = LegalOptions> {
    (0usize..3, any::<bool>(), any::<bool>()).prop_map(|(c, next, midnight)| LegalOptions {
        channel: Channel::ALL[c],
        start: if next {
            StartRule::NextDay
        } else {
            StartRule::SubmissionDay
        },
        end: if midnight {
            TermEnd::Midnight
        } else {
            TermEnd::CloseOfBusiness
        },
    })
}

/// Checks a bulk result against scalar results: all equal when every scalar
/// call succeeds, else an error at the first failing index carrying its message.
fn check<T: PartialEq + std::fmt::Debug>(
    bulk: Result<(), (usize, merzim::Error)>,
    out: &[T],
    scalar: &[merzim::Result<T>],
) -> Result<(), TestCaseError> {
    match scalar.iter().position(|r| r.is_err()) {
        None => {
            prop_assert!(bulk.is_ok(), "bulk failed: {:?}", bulk);
            for (k, r) in scalar.iter().enumerate() {
                prop_assert_eq!(&out[k], r.as_ref().unwrap(), "item {}", k);
            }
        }
        Some(first) => {
            let (index, err) = bulk.expect_err("the bulk call must fail");
            prop_assert_eq!(index, first);
            let expected = scalar[first].as_ref().unwrap_err();
            prop_assert_eq!(err.kind(), expected.kind());
            prop_assert!(
                err.message().contains(expected.message()),
                "{} vs {}",
                err,
                expected
            );
            for k in 0..first {
                prop_assert_eq!(&out[k], scalar[k].as_ref().unwrap());
            }
        }
    }
    Ok(())
}

fn raw(e: merzim::BulkError) -> (usize, merzim::Error) {
    (e.index, e.error)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn add_working_days_bulk_is_the_scalar(items in prop::collection::vec((any_day(), -400i32..400), 0..40)) {
        let cal = Calendar::kazakhstan();
        let dates: Vec<NaiveDate> = items.iter().map(|&(k, _)| day(k)).collect();
        let n: Vec<i32> = items.iter().map(|&(_, n)| n).collect();
        let scalar: Vec<_> = dates.iter().zip(&n).map(|(&d, &n)| cal.add_working_days(d, n)).collect();

        let mut out = vec![NaiveDate::MIN; dates.len()];
        check(cal.add_working_days_bulk(&dates, &n, &mut out).map_err(raw), &out, &scalar)?;
        let mut out = vec![NaiveDate::MIN; dates.len()];
        check(cal.par_add_working_days_bulk(&dates, &n, &mut out).map_err(raw), &out, &scalar)?;

        let as_epoch: Vec<_> = scalar.iter().map(|r| r.clone().map(epoch)).collect();
        let days: Vec<EpochDays> = dates.iter().map(|&d| epoch(d)).collect();
        let mut out = vec![EpochDays(0); dates.len()];
        check(cal.add_working_days_bulk(&days, &n, &mut out).map_err(raw), &out, &as_epoch)?;
        let mut out = vec![EpochDays(0); dates.len()];
        check(cal.par_add_working_days_bulk(&days, &n, &mut out).map_err(raw), &out, &as_epoch)?;

        let as_ymd: Vec<_> = scalar.iter().map(|r| r.clone().map(ymd)).collect();
        let ints: Vec<Yyyymmdd> = dates.iter().map(|&d| ymd(d)).collect();
        let mut out = vec![Yyyymmdd(0); dates.len()];
        check(cal.add_working_days_bulk(&ints, &n, &mut out).map_err(raw), &out, &as_ymd)?;
        let mut out = vec![Yyyymmdd(0); dates.len()];
        check(cal.par_add_working_days_bulk(&ints, &n, &mut out).map_err(raw), &out, &as_ymd)?;
    }

    #[test]
    fn working_days_between_bulk_is_the_scalar(items in prop::collection::vec((any_day(), any_day()), 0..40)) {
        let cal = Calendar::kazakhstan();
        let a: Vec<NaiveDate> = items.iter().map(|&(k, _)| day(k)).collect();
        let b: Vec<NaiveDate> = items.iter().map(|&(_, k)| day(k)).collect();
        let scalar: Vec<_> = a.iter().zip(&b).map(|(&x, &y)| cal.working_days_between(x, y)).collect();
        let mut out = vec![0; a.len()];
        check(cal.working_days_between_bulk(&a, &b, &mut out).map_err(raw), &out, &scalar)?;
        let mut out = vec![0; a.len()];
        check(cal.par_working_days_between_bulk(&a, &b, &mut out).map_err(raw), &out, &scalar)?;
        let (ea, eb): (Vec<EpochDays>, Vec<EpochDays>) = (a.iter().map(|&d| epoch(d)).collect(), b.iter().map(|&d| epoch(d)).collect());
        let mut out = vec![0; a.len()];
        check(cal.working_days_between_bulk(&ea, &eb, &mut out).map_err(raw), &out, &scalar)?;
        let (ya, yb): (Vec<Yyyymmdd>, Vec<Yyyymmdd>) = (a.iter().map(|&d| ymd(d)).collect(), b.iter().map(|&d| ymd(d)).collect());
        let mut out = vec![0; a.len()];
        check(cal.working_days_between_bulk(&ya, &yb, &mut out).map_err(raw), &out, &scalar)?;
    }

    #[test]
    fn legal_dues_and_steps_bulk_are_the_scalar(
        items in prop::collection::vec((any_day(), 0u32..1440, term(), options()), 0..30),
        schedule in 0usize..3,
    ) {
        let office = [state_body, short_friday, all_day][schedule]();
        let subs: Vec<NaiveDateTime> = items.iter().map(|&(k, m, _, _)| at(k, m)).collect();
        let terms: Vec<Term> = items.iter().map(|i| i.2).collect();
        let opts: Vec<LegalOptions> = items.iter().map(|i| i.3).collect();
        let scalar: Vec<_> = (0..subs.len()).map(|k| office.legal_due(subs[k], terms[k], opts[k]).map(|d| d.due)).collect();
        let mut out = vec![NaiveDateTime::MIN; subs.len()];
        check(office.legal_due_bulk_each(&subs, &terms, &opts, &mut out).map_err(raw), &out, &scalar)?;
        let mut out = vec![NaiveDateTime::MIN; subs.len()];
        check(office.par_legal_due_bulk_each(&subs, &terms, &opts, &mut out).map_err(raw), &out, &scalar)?;
        let mins: Vec<LocalMinutes> = subs.iter().map(|&t| minutes(t)).collect();
        let scalar_m: Vec<_> = scalar.iter().map(|r| r.clone().map(minutes)).collect();
        let mut out = vec![LocalMinutes(0); subs.len()];
        check(office.legal_due_bulk_each(&mins, &terms, &opts, &mut out).map_err(raw), &out, &scalar_m)?;

        if let (Some(&t0), Some(&o0)) = (terms.first(), opts.first()) {
            let scalar: Vec<_> = subs.iter().map(|&s| office.legal_due(s, t0, o0).map(|d| d.due)).collect();
            let mut out = vec![NaiveDateTime::MIN; subs.len()];
            check(office.legal_due_bulk(&subs, t0, o0, &mut out).map_err(raw), &out, &scalar)?;
            let scalar: Vec<_> = subs.iter().map(|&s| office.step(s, t0)).collect();
            let mut out = vec![NaiveDateTime::MIN; subs.len()];
            check(office.step_bulk(&subs, t0, &mut out).map_err(raw), &out, &scalar)?;
            let scalar_m: Vec<_> = scalar.iter().map(|r| r.clone().map(minutes)).collect();
            let mut out = vec![LocalMinutes(0); subs.len()];
            check(office.par_step_bulk(&mins, t0, &mut out).map_err(raw), &out, &scalar_m)?;
        }
    }

    #[test]
    fn timeline_bulk_is_the_scalar(
        items in prop::collection::vec((any_day(), 0u32..1440), 0..20),
        reg in 0usize..6,
        channel in 0usize..3,
        refuse in any::<bool>(),
        friday in any::<bool>(),
    ) {
        let office = if friday { short_friday() } else { state_body() };
        let ids: Vec<&str> = Regulation::bundled_ids().collect();
        let reg = Regulation::bundled(ids[reg % ids.len()]).unwrap();
        let channel = Channel::ALL[channel];
        let outcome = if refuse { Outcome::Refuse } else { Outcome::Approve };
        let Ok(chain) = reg.compile(channel, outcome) else { return Ok(()) };
        let subs: Vec<NaiveDateTime> = items.iter().map(|&(k, m)| at(k, m)).collect();
        let scalar: Vec<_> = subs
            .iter()
            .map(|&s| {
                reg.timeline(&office, s, channel, outcome).map(|t| TimelineRow {
                    end: t.end,
                    term_due: t.term_due,
                    within_term: t.within_term,
                    refusal_due: t.refusal_due,
                    handoff: t.handoff,
                    storage_until: t.storage_until,
                })
            })
            .collect();
        let n = subs.len();
        for par in [false, true] {
            let (mut end, mut due, mut within, mut refusal, mut handoff, mut storage) =
                (vec![NaiveDateTime::MIN; n], vec![None; n], vec![None; n], vec![None; n], vec![None; n], vec![None; n]);
            let cols = TimelineColumns {
                end: Some(&mut end[..]),
                term_due: Some(&mut due[..]),
                within_term: Some(&mut within[..]),
                refusal_due: Some(&mut refusal[..]),
                handoff: Some(&mut handoff[..]),
                storage_until: Some(&mut storage[..]),
            };
            let r = if par { chain.par_timeline_bulk(&office, &subs, cols) } else { chain.timeline_bulk(&office, &subs, cols) };
            let rows: Vec<TimelineRow<NaiveDateTime>> = (0..n)
                .map(|k| TimelineRow {
                    end: end[k],
                    term_due: due[k],
                    within_term: within[k],
                    refusal_due: refusal[k],
                    handoff: handoff[k],
                    storage_until: storage[k],
                })
                .collect();
            check(r.map_err(raw), &rows, &scalar)?;
        }
        // The row form and the raw minutes agree with it too.
        for (k, &s) in subs.iter().enumerate() {
            match &scalar[k] {
                Ok(row) => {
                    prop_assert_eq!(&chain.timeline_row(&office, s).unwrap(), row);
                    let m = chain.timeline_row(&office, minutes(s)).unwrap();
                    prop_assert_eq!(m.end, minutes(row.end));
                    prop_assert_eq!(m.term_due, row.term_due.map(minutes));
                    prop_assert_eq!(m.refusal_due, row.refusal_due.map(minutes));
                }
                Err(e) => prop_assert_eq!(chain.timeline_row(&office, s).unwrap_err().kind(), e.kind()),
            }
        }
    }

    #[test]
    fn recompute_reports_exactly_the_changes(
        items in prop::collection::vec((9_700i64..10_050, 0u32..1440, term(), options(), 0i32..80), 1..40),
        reg in 0usize..6,
        channel in 0usize..3,
    ) {
        // Submissions from 2026-07 to 2027-12, around the synthetic order's days.
        let old = state_body();
        let new_cal = Calendar::kazakhstan().with_overlay_toml("order.toml", ORDER).unwrap();
        let new = OfficeTime::new(&new_cal, Schedule::state_body()).unwrap();
        let rc = Recompute::new(&old, &new);
        let subs: Vec<NaiveDateTime> = items.iter().map(|&(k, m, ..)| at(k, m)).collect();
        let terms: Vec<Term> = items.iter().map(|i| i.2).collect();
        let opts: Vec<LegalOptions> = items.iter().map(|i| i.3).collect();

        // Term cases.
        let naive: merzim::Result<Vec<_>> = (0..subs.len())
            .map(|k| Ok((old.legal_due(subs[k], terms[k], opts[k])?.due, new.legal_due(subs[k], terms[k], opts[k])?.due)))
            .collect();
        match (naive, rc.legal_dues(&subs, &terms, &opts)) {
            (Ok(pairs), Ok(report)) => {
                let expect: Vec<_> = pairs.iter().enumerate().filter(|(_, (o, n))| o != n).map(|(k, &(o, n))| (k, o, n)).collect();
                let got: Vec<_> = report.iter().map(|c| (c.index, c.old, c.new)).collect();
                prop_assert_eq!(got, expect);
            }
            (Err(_), Err(_)) => {}
            (a, b) => prop_assert!(false, "naive {:?} vs report {:?}", a.map(|_| ()), b.map(|_| ())),
        }

        // Working-day additions.
        let dates: Vec<NaiveDate> = subs.iter().map(|t| t.date()).collect();
        let n: Vec<i32> = items.iter().map(|i| i.4 - 20).collect();
        let report = rc.add_working_days(&dates, &n).unwrap();
        let expect: Vec<_> = (0..dates.len())
            .filter_map(|k| {
                let (o, w) = (old.calendar().add_working_days(dates[k], n[k]).unwrap(), new_cal.add_working_days(dates[k], n[k]).unwrap());
                (o != w).then_some((k, o, w))
            })
            .collect();
        prop_assert_eq!(report.iter().map(|c| (c.index, c.old, c.new)).collect::<Vec<_>>(), expect);

        // Regulation cases.
        let ids: Vec<&str> = Regulation::bundled_ids().collect();
        let reg = Regulation::bundled(ids[reg % ids.len()]).unwrap();
        let channel = Channel::ALL[channel];
        let Ok(chain) = reg.compile(channel, Outcome::Approve) else { return Ok(()) };
        let row = |office: &OfficeTime, s| chain.timeline_row(office, s);
        let naive: merzim::Result<Vec<_>> = subs.iter().map(|&s| Ok((row(&old, s)?, row(&new, s)?))).collect();
        match (naive, rc.timelines(&chain, &subs)) {
            (Ok(pairs), Ok(report)) => {
                let expect: Vec<_> = pairs.iter().enumerate().filter(|(_, (o, n))| o != n).map(|(k, &(o, n))| (k, o, n)).collect();
                let got: Vec<_> = report.iter().map(|c| (c.index, c.old, c.new)).collect();
                prop_assert_eq!(got, expect);
            }
            (Err(_), Err(_)) => {}
            (a, b) => prop_assert!(false, "naive {:?} vs report {:?}", a.map(|_| ()), b.map(|_| ())),
        }
    }

    #[test]
    fn sla_status_properties(
        k in 5_500i64..10_000,
        m in 0u32..1440,
        term in term(),
        o in options(),
        later in 0i64..(90 * 1440),
    ) {
        let office = state_body();
        let s = at(k, m);
        let now = s + chrono::TimeDelta::minutes(later - 5 * 1440);
        let st = office.sla_status(s, term, o, now).unwrap();
        let due = office.legal_due(s, term, o).unwrap().due;
        prop_assert_eq!(st.due, due);
        prop_assert_eq!(st.overdue, now > due);
        prop_assert!(st.total_office_minutes > 0);
        prop_assert_eq!(st.elapsed_office_minutes + st.remaining_office_minutes, st.total_office_minutes);
        prop_assert!((0..=st.total_office_minutes).contains(&st.elapsed_office_minutes));
        prop_assert_eq!(st.elapsed_working_days + st.remaining_working_days, st.total_working_days);
        prop_assert!((0.0..=1.0).contains(&st.share_used));
        prop_assert_eq!(st.total_office_minutes, office.office_minutes_between(st.start, due).unwrap());
        if st.overdue {
            prop_assert_eq!(st.remaining_office_minutes, 0);
            prop_assert_eq!(st.remaining_working_days, 0);
            prop_assert_eq!(st.overdue_office_minutes, office.office_minutes_between(due, now).unwrap().max(0));
        } else {
            prop_assert_eq!(st.overdue_office_minutes, 0);
        }
        if now <= st.start {
            prop_assert_eq!(st.elapsed_office_minutes, 0);
            prop_assert_eq!(st.elapsed_working_days, 0);
        }
        // At the due instant everything is used and nothing is overdue.
        let at_due = office.sla_status(s, term, o, due).unwrap();
        prop_assert!(!at_due.overdue);
        prop_assert_eq!(at_due.remaining_office_minutes, 0);
        prop_assert_eq!(at_due.share_used, 1.0);
        // Monotone in `now`.
        let more = office.sla_status(s, term, o, now + chrono::TimeDelta::minutes(97)).unwrap();
        prop_assert!(more.elapsed_office_minutes >= st.elapsed_office_minutes);
        prop_assert!(more.elapsed_working_days >= st.elapsed_working_days);
        // The bulk form is the scalar one.
        let mut out = [st; 1];
        office.sla_status_bulk(&[s], &[term], &[o], now + chrono::TimeDelta::minutes(97), &mut out).unwrap();
        prop_assert_eq!(out[0], more);
    }
}

#[test]
fn length_mismatch_is_invalid_input_naming_the_index() {
    let cal = Calendar::kazakhstan();
    let d = NaiveDate::from_ymd_opt(2026, 3, 20).unwrap();
    let mut out = [d; 3];
    let e: merzim::Error = cal
        .add_working_days_bulk(&[d, d, d], &[1, 2], &mut out)
        .unwrap_err()
        .into();
    assert_eq!(e.kind(), ErrorKind::InvalidInput);
    assert!(e.message().starts_with("item 2: "), "{e}");
    assert!(e.message().contains("n has 2"), "{e}");
    let mut out = [Yyyymmdd(0); 2];
    let e = cal
        .add_working_days_bulk(
            &[Yyyymmdd(20260320), Yyyymmdd(20260320), Yyyymmdd(20260320)],
            &[1, 1, 1],
            &mut out,
        )
        .unwrap_err();
    assert_eq!((e.index, e.error.kind()), (2, ErrorKind::InvalidInput));
}

#[test]
fn errors_name_the_first_failing_item_and_why() {
    let cal = Calendar::kazakhstan();
    let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
    let mut out = [d(2000, 1, 1); 4];
    let e = cal
        .add_working_days_bulk(
            &[d(2026, 1, 5), d(2027, 12, 20), d(1999, 1, 1), d(2030, 1, 1)],
            &[1, 30, 1, 1],
            &mut out,
        )
        .unwrap_err();
    let e: merzim::Error = e.into();
    assert_eq!(e.kind(), ErrorKind::OutOfCoverage);
    assert!(e.message().starts_with("item 1: "), "{e}");
    assert!(e.message().contains("2027-12-20"), "{e}");
    let mut out = [Yyyymmdd(0); 2];
    let e = cal
        .add_working_days_bulk(&[Yyyymmdd(20260320), Yyyymmdd(20260230)], &[1, 1], &mut out)
        .unwrap_err();
    assert_eq!((e.index, e.error.kind()), (1, ErrorKind::InvalidInput));
    assert!(e.to_string().contains("20260230"), "{e}");
    assert_eq!(out[0], Yyyymmdd(20260326));
}

#[test]
fn recompute_skips_nothing_it_should_report() {
    // The order moves 2026-11-02 off and 2026-11-07 on: a 5-working-day term
    // from 2026-10-29 now ends on 5 November (was 4 November); one from March
    // 2026 does not change, nor does one spanning both days.
    let old = state_body();
    let new_cal = Calendar::kazakhstan()
        .with_overlay_toml("order.toml", ORDER)
        .unwrap();
    let new = OfficeTime::new(&new_cal, Schedule::state_body()).unwrap();
    let rc = Recompute::new(&old, &new);
    assert_eq!(rc.changed_days().count(), 5);
    let subs = [at(9_573, 600), at(9_798, 600), at(9_779, 600)]; // 2026-03-18, 2026-10-29, 2026-10-10
    let terms = [
        Term::working_days(5).unwrap(),
        Term::working_days(5).unwrap(),
        Term::working_days(22).unwrap(),
    ];
    let opts = [LegalOptions::default(); 3];
    let report = rc.legal_dues(&subs, &terms, &opts).unwrap();
    assert_eq!(report.len(), 1);
    assert_eq!(report[0].index, 1);
    assert_eq!(report[0].old.to_string(), "2026-11-04 18:30:00");
    assert_eq!(report[0].new.to_string(), "2026-11-05 18:30:00");
    assert_eq!(terms[0].unit(), Unit::WorkingDays);
}

#[test]
fn bulk_calls_do_not_allocate() {
    let cal = Calendar::kazakhstan();
    let office = state_body();
    let chain = Regulation::bundled("east-kazakhstan-2016-land-purpose-change")
        .unwrap()
        .compile(Channel::Provider, Outcome::Approve)
        .unwrap();
    const N: usize = 100_000;
    let dates: Vec<NaiveDate> = (0..N)
        .map(|k| day(5_500 + (k * 37 % 4_000) as i64))
        .collect();
    let n: Vec<i32> = (0..N).map(|k| (k % 60) as i32).collect();
    let days: Vec<EpochDays> = dates.iter().map(|&d| epoch(d)).collect();
    let ints: Vec<Yyyymmdd> = dates.iter().map(|&d| ymd(d)).collect();
    let subs: Vec<NaiveDateTime> = (0..N)
        .map(|k| at(5_500 + (k * 37 % 4_000) as i64, (k * 97 % 1440) as u32))
        .collect();
    let mins: Vec<LocalMinutes> = subs.iter().map(|&t| minutes(t)).collect();
    let terms: Vec<Term> = (0..N)
        .map(|k| Term::working_days(1 + (k % 30) as u32).unwrap())
        .collect();
    let opts = vec![LegalOptions::default(); N];
    let mut out_d = vec![NaiveDate::MIN; N];
    let mut out_i = vec![0i32; N];
    let mut out_t = vec![NaiveDateTime::MIN; N];
    let mut out_m = vec![LocalMinutes(0); N];
    let mut out_e = vec![EpochDays(0); N];
    let mut out_y = vec![Yyyymmdd(0); N];
    let (mut due, mut within, mut refusal) = (vec![None; N], vec![None; N], vec![None; N]);
    let st = office
        .sla_status(subs[0], terms[0], opts[0], subs[1])
        .unwrap();
    let mut out_s = vec![st; N];
    let now = at(9_000, 600);

    let count = allocations_during(|| {
        cal.add_working_days_bulk(&dates, &n, &mut out_d).unwrap();
        cal.working_days_between_bulk(&dates, &out_d, &mut out_i)
            .unwrap();
        cal.add_working_days_bulk(&days, &n, &mut out_e).unwrap();
        cal.add_working_days_bulk(&ints, &n, &mut out_y).unwrap();
        office
            .legal_due_bulk(&subs, terms[21], opts[0], &mut out_t)
            .unwrap();
        office
            .legal_due_bulk_each(&mins, &terms, &opts, &mut out_m)
            .unwrap();
        office
            .step_bulk(&mins, Term::minutes(15).unwrap(), &mut out_m)
            .unwrap();
        office
            .sla_status_bulk(&subs, &terms, &opts, now, &mut out_s)
            .unwrap();
        chain
            .timeline_bulk(
                &office,
                &subs,
                TimelineColumns {
                    end: Some(&mut out_t),
                    term_due: Some(&mut due),
                    within_term: Some(&mut within),
                    refusal_due: Some(&mut refusal),
                    handoff: None,
                    storage_until: None,
                },
            )
            .unwrap();
    });
    assert_eq!(count, 0, "the bulk paths allocated {count} times");
    // Peak memory is therefore inputs + outputs (no per-call buffers either).
}

/// The `yyyymmdd` path has tables of its own: it agrees with the scalar API on
/// every day of 1999–2101, for every horizon, week and knowledge date, also
/// for integers that are not dates.
#[test]
fn yyyymmdd_path_is_the_scalar_on_every_calendar() {
    let base = Calendar::kazakhstan();
    let cals = [
        base.clone(),
        base.with_horizon(merzim::Horizon::Provisional),
        Calendar::kazakhstan_six_day(),
        Calendar::kazakhstan_six_day().with_horizon(merzim::Horizon::Provisional),
        base.as_known_on(NaiveDate::from_ymd_opt(2024, 4, 1).unwrap())
            .unwrap(),
    ];
    let mut dates = Vec::new();
    let mut d = NaiveDate::from_ymd_opt(1999, 12, 1).unwrap();
    while d < NaiveDate::from_ymd_opt(2101, 2, 1).unwrap() {
        dates.push(d);
        d = d.succ_opt().unwrap();
    }
    let ints: Vec<Yyyymmdd> = dates.iter().map(|&d| ymd(d)).collect();
    for cal in &cals {
        for n in [-300, -1, 0, 1, 22, 400] {
            for (k, &v) in ints.iter().enumerate() {
                let mut out = [Yyyymmdd(0)];
                let bulk = cal.add_working_days_bulk(&[v], &[n], &mut out);
                match cal.add_working_days(dates[k], n) {
                    Ok(r) => assert_eq!((bulk, out[0]), (Ok(()), ymd(r)), "{v:?} {n}"),
                    Err(e) => assert_eq!(bulk.unwrap_err().error, e, "{v:?} {n}"),
                }
            }
        }
        for bad in [
            0,
            -1,
            20260230,
            20261301,
            20260100,
            20260132,
            21010101,
            19991231,
            i32::MAX,
            i32::MIN,
        ] {
            let mut out = [Yyyymmdd(0)];
            let e = cal
                .add_working_days_bulk(&[Yyyymmdd(bad)], &[1], &mut out)
                .unwrap_err();
            assert_eq!(e.index, 0, "{bad}");
        }
    }
}

/// Steps that end at 24:00 of a working day (a round-the-clock office): the
/// bulk forms report 00:00 of the next date, as the scalar step does, up to
/// the calendar's last valid day; past it, the same error as the scalar step.
#[test]
fn steps_ending_at_midnight_are_the_scalar() {
    let office = all_day();
    let (_, last) = office.calendar().valid_range();
    let last_day = (last - day(0)).num_days();
    let mut subs = Vec::new();
    for k in [
        9_000,
        9_001,
        9_004,
        9_005,
        last_day - 3,
        last_day - 1,
        last_day,
    ] {
        for minute in [0, 1, 720, 1425, 1439] {
            subs.push(at(k, minute));
        }
    }
    for amount in [1u32, 15, 60, 1440, 1441, 2880] {
        let term = Term::minutes(amount).unwrap();
        for s in &subs {
            let scalar = office.step(*s, term);
            let mut out = [NaiveDateTime::MIN];
            let bulk = office.step_bulk(&[*s], term, &mut out);
            let mut out_m = [LocalMinutes(0)];
            let bulk_m = office.step_bulk(&[minutes(*s)], term, &mut out_m);
            match &scalar {
                Ok(t) => {
                    assert!(bulk.is_ok() && bulk_m.is_ok(), "{s} + {amount} min");
                    assert_eq!(out[0], *t, "{s} + {amount} min");
                    assert_eq!(out_m[0], minutes(*t), "{s} + {amount} min");
                }
                Err(e) => {
                    assert_eq!(bulk.unwrap_err().error.to_string(), e.to_string());
                    assert_eq!(bulk_m.unwrap_err().error.to_string(), e.to_string());
                }
            }
        }
    }
    // The case that matters: a step that ends exactly at 24:00.
    let monday = at(9_004, 1425);
    assert_eq!(monday.to_string(), "2024-08-26 23:45:00");
    let mut out = [NaiveDateTime::MIN];
    office
        .step_bulk(&[monday], Term::minutes(15).unwrap(), &mut out)
        .unwrap();
    assert_eq!(out[0], at(9_005, 0));
}

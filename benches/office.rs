//! Office time, legal terms and the East Kazakhstan timeline, one call at a
//! time. Short run:
//! `cargo bench --bench office -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;

use chrono::{NaiveDate, NaiveDateTime};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use merzim::{Calendar, Channel, LegalOptions, OfficeTime, Outcome, Regulation, Schedule, Term};

/// 1024 submissions over 2015-2026 at random minutes (xorshift, deterministic).
fn submissions() -> Vec<NaiveDateTime> {
    let first = NaiveDate::from_ymd_opt(2015, 1, 1)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap();
    let mut x: u64 = 0xD1B5_4A32_D192_ED03;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    (0..1024)
        .map(|_| first + chrono::TimeDelta::minutes((next() % (4383 * 1440)) as i64))
        .collect()
}

fn stamp(t: NaiveDateTime) -> i64 {
    t.and_utc().timestamp()
}

fn office(c: &mut Criterion) {
    let office = OfficeTime::new(&Calendar::kazakhstan(), Schedule::state_body()).unwrap();
    let subs = submissions();
    let term22 = Term::working_days(22).unwrap();
    let fifteen = Term::minutes(15).unwrap();
    let reg = Regulation::bundled("east-kazakhstan-2016-land-purpose-change").unwrap();
    let chain = reg.compile(Channel::Provider, Outcome::Approve).unwrap();

    let mut g = c.benchmark_group("office_scalar");
    g.throughput(Throughput::Elements(subs.len() as u64));
    g.bench_function("legal_due_22_working_days", |b| {
        b.iter(|| {
            let mut k = 0i64;
            for &s in &subs {
                k += stamp(
                    office
                        .legal_due(black_box(s), term22, LegalOptions::default())
                        .unwrap()
                        .due,
                );
            }
            black_box(k)
        })
    });
    g.bench_function("step_15_minutes", |b| {
        b.iter(|| {
            let mut k = 0i64;
            for &s in &subs {
                k += stamp(office.step(black_box(s), fifteen).unwrap());
            }
            black_box(k)
        })
    });
    g.bench_function("east_kazakhstan_timeline_full", |b| {
        b.iter(|| {
            let mut k = 0i64;
            for &s in &subs {
                let t = reg
                    .timeline(&office, black_box(s), Channel::Provider, Outcome::Approve)
                    .unwrap();
                k += stamp(t.end) + t.steps.len() as i64;
            }
            black_box(k)
        })
    });
    g.bench_function("east_kazakhstan_timeline_row", |b| {
        b.iter(|| {
            let mut k = 0i64;
            for &s in &subs {
                let r = chain.timeline_row(&office, black_box(s)).unwrap();
                k += stamp(r.end) + r.within_term.unwrap_or(false) as i64;
            }
            black_box(k)
        })
    });
    g.finish();
}

criterion_group!(benches, office);
criterion_main!(benches);

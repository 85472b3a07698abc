//! Scalar calendar operations. Short run:
//! `cargo bench --bench calendar -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use merzim::Calendar;

/// 4096 dates spread over 2015-2026 and counts 0..60 (xorshift, deterministic).
fn inputs() -> (Vec<NaiveDate>, Vec<i32>) {
    let first = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let dates = (0..4096)
        .map(|_| first + chrono::Days::new(next() % 4383))
        .collect();
    let n = (0..4096).map(|_| (next() % 60) as i32).collect();
    (dates, n)
}

fn calendar(c: &mut Criterion) {
    let cal = Calendar::kazakhstan();
    let (dates, n) = inputs();
    let mut g = c.benchmark_group("calendar_scalar");
    g.throughput(Throughput::Elements(dates.len() as u64));
    g.bench_function("is_working_day", |b| {
        b.iter(|| {
            let mut k = 0u32;
            for &d in &dates {
                k += cal.is_working_day(black_box(d)).unwrap() as u32;
            }
            black_box(k)
        })
    });
    g.bench_function("add_working_days", |b| {
        b.iter(|| {
            let mut k = 0i64;
            for (&d, &n) in dates.iter().zip(&n) {
                k += cal
                    .add_working_days(black_box(d), black_box(n))
                    .unwrap()
                    .to_epoch_days() as i64;
            }
            black_box(k)
        })
    });
    g.bench_function("working_days_between", |b| {
        b.iter(|| {
            let mut k = 0i64;
            for w in dates.windows(2) {
                k += cal
                    .working_days_between(black_box(w[0]), black_box(w[1]))
                    .unwrap() as i64;
            }
            black_box(k)
        })
    });
    g.finish();
}

criterion_group!(benches, calendar);
criterion_main!(benches);

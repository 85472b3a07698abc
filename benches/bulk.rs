//! Bulk paths. Short run:
//! `cargo bench --bench bulk -- --warm-up-time 1 --measurement-time 3`
//!
//! Every output is folded into a checksum passed to `black_box`, so the work
//! cannot be dropped.

use std::hint::black_box;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use merzim::{
    Calendar, Channel, EpochDays, LegalOptions, LocalMinutes, OfficeTime, Outcome, Recompute,
    Regulation, Schedule, Term, TimelineColumns, Yyyymmdd,
};

const PAIRS: usize = 10_000_000;
const CASES: usize = 1_000_000;
/// Days from 1970-01-01 to 2000-01-01.
const EPOCH_TO_2000: i32 = 10_957;

#[path = "../examples/synthetic/mod.rs"]
mod synthetic;
use synthetic::Rng;

fn epoch_days(d: NaiveDate) -> i32 {
    d.num_days_from_ce()
        - NaiveDate::from_ymd_opt(1970, 1, 1)
            .unwrap()
            .num_days_from_ce()
}

/// 10M (date in 2015-2026, n in 0..60) pairs as day numbers since 1970-01-01.
fn pairs() -> (Vec<i32>, Vec<i32>) {
    let lo = epoch_days(NaiveDate::from_ymd_opt(2015, 1, 1).unwrap());
    let hi = epoch_days(NaiveDate::from_ymd_opt(2026, 12, 31).unwrap());
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    let days = (0..PAIRS)
        .map(|_| lo + r.below((hi - lo + 1) as u64) as i32)
        .collect();
    let n = (0..PAIRS).map(|_| r.below(60) as i32).collect();
    (days, n)
}

/// The floor: a prefix table over raw day numbers built here from the scalar
/// API, and the shortest loop over it (no range checks, no error path).
struct Floor {
    cum: Vec<u32>,
    working: Vec<i32>,
}

impl Floor {
    fn new(cal: &Calendar) -> Floor {
        let (first, last) = cal.coverage();
        let mut cum = Vec::new();
        let mut working = Vec::new();
        let mut d = first;
        let mut c = 0u32;
        while d <= last {
            cum.push(c);
            if cal.is_working_day(d).unwrap() {
                working.push(epoch_days(d));
                c += 1;
            }
            d = d.succ_opt().unwrap();
        }
        cum.push(c);
        Floor { cum, working }
    }

    #[inline(never)]
    fn run(&self, days: &[i32], n: &[i32], out: &mut [i32]) {
        let (cum, working) = (&self.cum[..], &self.working[..]);
        for ((&d, &n), o) in days.iter().zip(n).zip(out.iter_mut()) {
            let i = (d - EPOCH_TO_2000) as usize;
            let ord = if n > 0 {
                cum[i + 1] as i32 + n - 1
            } else {
                cum[i] as i32 + n
            };
            *o = working[ord as usize];
        }
    }
}

fn checksum(v: &[i32]) -> i64 {
    v.iter().map(|&x| x as i64).sum()
}

fn pool(threads: usize) -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap()
}

fn add_working_days(c: &mut Criterion) {
    let cal = Calendar::kazakhstan();
    let (days, n) = pairs();
    let dates: Vec<NaiveDate> = days
        .iter()
        .map(|&d| NaiveDate::from_num_days_from_ce_opt(d + 719_163).unwrap())
        .collect();
    let ymd: Vec<Yyyymmdd> = dates
        .iter()
        .map(|d| Yyyymmdd(d.year() * 10_000 + d.month() as i32 * 100 + d.day() as i32))
        .collect();
    let epochs: Vec<EpochDays> = days.iter().map(|&d| EpochDays(d)).collect();
    let mut out_e = vec![EpochDays(0); PAIRS];
    let mut out_y = vec![Yyyymmdd(0); PAIRS];
    let sum_e = |v: &[EpochDays]| v.iter().map(|x| x.0 as i64).sum::<i64>();
    let sum_y = |v: &[Yyyymmdd]| v.iter().map(|x| x.0 as i64).sum::<i64>();
    let floor = Floor::new(&cal);
    let mut out = vec![0i32; PAIRS];
    let mut out_dates = vec![NaiveDate::MIN; PAIRS];
    let two = pool(2);

    // The bulk path agrees with the floor before anything is timed.
    floor.run(&days, &n, &mut out);
    let expect = checksum(&out);
    cal.add_working_days_bulk(&epochs, &n, &mut out_e).unwrap();
    assert_eq!(sum_e(&out_e), expect);

    let mut g = c.benchmark_group("add_working_days_10M");
    g.sample_size(10);
    g.throughput(Throughput::Elements(PAIRS as u64));
    g.bench_function("floor_prefix_table_raw_days", |b| {
        b.iter(|| {
            floor.run(black_box(&days), black_box(&n), &mut out);
            black_box(checksum(&out))
        })
    });
    g.bench_function("add_working_days_bulk_epoch_days", |b| {
        b.iter(|| {
            cal.add_working_days_bulk(black_box(&epochs), black_box(&n), &mut out_e)
                .unwrap();
            black_box(sum_e(&out_e))
        })
    });
    g.bench_function("add_working_days_bulk_yyyymmdd", |b| {
        b.iter(|| {
            cal.add_working_days_bulk(black_box(&ymd), black_box(&n), &mut out_y)
                .unwrap();
            black_box(sum_y(&out_y))
        })
    });
    g.bench_function("add_working_days_bulk_naive_date", |b| {
        b.iter(|| {
            cal.add_working_days_bulk(black_box(&dates), black_box(&n), &mut out_dates)
                .unwrap();
            black_box(out_dates.iter().map(|d| d.ordinal() as i64).sum::<i64>())
        })
    });
    g.bench_function("scalar_add_working_days_loop", |b| {
        b.iter(|| {
            for ((&d, &k), o) in dates.iter().zip(&n).zip(out_dates.iter_mut()) {
                *o = cal.add_working_days(black_box(d), k).unwrap();
            }
            black_box(out_dates.iter().map(|d| d.ordinal() as i64).sum::<i64>())
        })
    });
    g.bench_function("par2_add_working_days_bulk_epoch_days", |b| {
        b.iter(|| {
            two.install(|| {
                cal.par_add_working_days_bulk(black_box(&epochs), black_box(&n), &mut out_e)
            })
            .unwrap();
            black_box(sum_e(&out_e))
        })
    });
    g.bench_function("par2_add_working_days_bulk_yyyymmdd", |b| {
        b.iter(|| {
            two.install(|| {
                cal.par_add_working_days_bulk(black_box(&ymd), black_box(&n), &mut out_y)
            })
            .unwrap();
            black_box(sum_y(&out_y))
        })
    });
    g.bench_function("par2_add_working_days_bulk_naive_date", |b| {
        b.iter(|| {
            two.install(|| {
                cal.par_add_working_days_bulk(black_box(&dates), black_box(&n), &mut out_dates)
            })
            .unwrap();
            black_box(out_dates.iter().map(|d| d.ordinal() as i64).sum::<i64>())
        })
    });
    g.finish();
}

fn office() -> OfficeTime {
    OfficeTime::new(&Calendar::kazakhstan(), Schedule::state_body()).unwrap()
}

/// `CASES` submissions: random minute of a random day in 2015-2026.
fn submissions() -> (Vec<NaiveDateTime>, Vec<LocalMinutes>) {
    let first = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap();
    let base = NaiveDate::from_ymd_opt(2000, 1, 1)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap();
    let mut r = Rng(0xD1B5_4A32_D192_ED03);
    let naive: Vec<NaiveDateTime> = (0..CASES)
        .map(|_| {
            let d = first + chrono::Days::new(r.below(4383));
            d.and_hms_opt(0, 0, 0).unwrap() + chrono::TimeDelta::minutes(r.below(1440) as i64)
        })
        .collect();
    let minutes = naive
        .iter()
        .map(|t| LocalMinutes((*t - base).num_minutes()))
        .collect();
    (naive, minutes)
}

fn office_bulk(c: &mut Criterion) {
    let office = office();
    let (naive, minutes) = submissions();
    let mut out_n = vec![NaiveDateTime::MIN; CASES];
    let mut out_m = vec![LocalMinutes(0); CASES];
    let fifteen = Term::minutes(15).unwrap();

    let mut g = c.benchmark_group("office_bulk_1M");
    g.sample_size(10);
    g.throughput(Throughput::Elements(CASES as u64));
    g.bench_function("step_15_minutes_raw_minutes", |b| {
        b.iter(|| {
            office
                .step_bulk(black_box(&minutes), fifteen, &mut out_m)
                .unwrap();
            black_box(out_m.iter().map(|m| m.0).sum::<i64>())
        })
    });
    g.bench_function("step_15_minutes_naive", |b| {
        b.iter(|| {
            office
                .step_bulk(black_box(&naive), fifteen, &mut out_n)
                .unwrap();
            black_box(out_n.iter().map(|t| t.and_utc().timestamp()).sum::<i64>())
        })
    });
    // The step alone: the output column is handed to `black_box` instead of
    // being summed (converting 1M `NaiveDateTime`s to timestamps costs about
    // as much as the step itself).
    g.bench_function("step_15_minutes_naive_no_checksum", |b| {
        b.iter(|| {
            office
                .step_bulk(black_box(&naive), fifteen, &mut out_n)
                .unwrap();
            black_box(&mut out_n);
        })
    });
    g.bench_function("step_15_minutes_raw_minutes_no_checksum", |b| {
        b.iter(|| {
            office
                .step_bulk(black_box(&minutes), fifteen, &mut out_m)
                .unwrap();
            black_box(&mut out_m);
        })
    });
    let term22 = Term::working_days(22).unwrap();
    g.bench_function("legal_due_22_working_days_raw_minutes", |b| {
        b.iter(|| {
            office
                .legal_due_bulk(
                    black_box(&minutes),
                    term22,
                    LegalOptions::default(),
                    &mut out_m,
                )
                .unwrap();
            black_box(out_m.iter().map(|m| m.0).sum::<i64>())
        })
    });
    g.bench_function("legal_due_22_working_days_naive", |b| {
        b.iter(|| {
            office
                .legal_due_bulk(
                    black_box(&naive),
                    term22,
                    LegalOptions::default(),
                    &mut out_n,
                )
                .unwrap();
            black_box(out_n.iter().map(|t| t.and_utc().timestamp()).sum::<i64>())
        })
    });
    g.finish();

    // The same step on the first 10k cases, whose columns stay in cache: the
    // cost of the arithmetic without the memory traffic of 1M-item columns.
    const CACHED: usize = 10_000;
    let mut g = c.benchmark_group("office_bulk_10k_in_cache");
    g.throughput(Throughput::Elements(CACHED as u64));
    g.bench_function("step_15_minutes_raw_minutes", |b| {
        b.iter(|| {
            office
                .step_bulk(black_box(&minutes[..CACHED]), fifteen, &mut out_m[..CACHED])
                .unwrap();
            black_box(&mut out_m);
        })
    });
    g.bench_function("step_15_minutes_naive", |b| {
        b.iter(|| {
            office
                .step_bulk(black_box(&naive[..CACHED]), fifteen, &mut out_n[..CACHED])
                .unwrap();
            black_box(&mut out_n);
        })
    });
    g.finish();
}

fn timeline_bulk(c: &mut Criterion) {
    let office = office();
    let chain = Regulation::bundled("east-kazakhstan-2016-land-purpose-change")
        .unwrap()
        .compile(Channel::Provider, Outcome::Approve)
        .unwrap();
    let (naive, minutes) = submissions();
    let mut end_n = vec![NaiveDateTime::MIN; CASES];
    let mut due_n = vec![None; CASES];
    let mut refusal_n = vec![None; CASES];
    let mut end_m = vec![LocalMinutes(0); CASES];
    let mut due_m = vec![None; CASES];
    let mut refusal_m = vec![None; CASES];
    let mut within = vec![None; CASES];
    let two = pool(2);
    let sum_n = |end: &[NaiveDateTime], within: &[Option<bool>]| {
        end.iter().map(|t| t.and_utc().timestamp()).sum::<i64>()
            + within.iter().filter(|w| **w == Some(true)).count() as i64
    };
    let sum_m = |end: &[LocalMinutes], within: &[Option<bool>]| {
        end.iter().map(|m| m.0).sum::<i64>()
            + within.iter().filter(|w| **w == Some(true)).count() as i64
    };

    let mut g = c.benchmark_group("east_kazakhstan_timeline_1M");
    g.sample_size(10);
    g.throughput(Throughput::Elements(CASES as u64));
    for threads in [1usize, 2] {
        let p = pool(threads);
        g.bench_function(
            BenchmarkId::new("naive", format!("{threads}_thread")),
            |b| {
                b.iter(|| {
                    let cols = TimelineColumns {
                        end: Some(&mut end_n[..]),
                        term_due: Some(&mut due_n[..]),
                        within_term: Some(&mut within[..]),
                        refusal_due: Some(&mut refusal_n[..]),
                        handoff: None,
                        storage_until: None,
                    };
                    if threads == 1 {
                        chain
                            .timeline_bulk(&office, black_box(&naive), cols)
                            .unwrap();
                    } else {
                        p.install(|| chain.par_timeline_bulk(&office, black_box(&naive), cols))
                            .unwrap();
                    }
                    black_box(sum_n(&end_n, &within))
                })
            },
        );
        g.bench_function(
            BenchmarkId::new("raw_minutes", format!("{threads}_thread")),
            |b| {
                b.iter(|| {
                    let cols = TimelineColumns {
                        end: Some(&mut end_m[..]),
                        term_due: Some(&mut due_m[..]),
                        within_term: Some(&mut within[..]),
                        refusal_due: Some(&mut refusal_m[..]),
                        handoff: None,
                        storage_until: None,
                    };
                    if threads == 1 {
                        chain
                            .timeline_bulk(&office, black_box(&minutes), cols)
                            .unwrap();
                    } else {
                        p.install(|| chain.par_timeline_bulk(&office, black_box(&minutes), cols))
                            .unwrap();
                    }
                    black_box(sum_m(&end_m, &within))
                })
            },
        );
    }
    drop(two);
    g.finish();
}

/// An overlay moving two days of 2026 and one of 2027, like a new transfer order.
pub const ORDER: &str = r#"
[[act]]
id = "bench-order-2026"
source = "a synthetic transfer order for the bench"
[[act.transfer]]
day_off = "2026-11-02"
working_day = "2026-11-07"
[[act.transfer]]
day_off = "2027-01-08"
working_day = "2027-01-16"
"#;

fn recompute(c: &mut Criterion) {
    let old = office();
    let new_cal = Calendar::kazakhstan()
        .with_overlay_toml("order.toml", ORDER)
        .unwrap();
    let new = OfficeTime::new(&new_cal, Schedule::state_body()).unwrap();
    let rc = Recompute::new(&old, &new);
    let chain = Regulation::bundled("east-kazakhstan-2016-land-purpose-change")
        .unwrap()
        .compile(Channel::Provider, Outcome::Approve)
        .unwrap();
    let (naive, minutes) = submissions();
    let mut r = Rng(7);
    let units = [
        Term::working_days(22).unwrap(),
        Term::calendar_days(30).unwrap(),
        Term::working_days(5).unwrap(),
        Term::hours(2).unwrap(),
    ];
    let terms: Vec<Term> = (0..CASES).map(|_| units[r.below(4) as usize]).collect();
    let options: Vec<LegalOptions> = (0..CASES)
        .map(|_| LegalOptions {
            channel: Channel::ALL[r.below(3) as usize],
            ..Default::default()
        })
        .collect();

    let mut g = c.benchmark_group("recompute_1M");
    g.sample_size(10);
    g.throughput(Throughput::Elements(CASES as u64));
    g.bench_function("term_cases_change_report", |b| {
        b.iter(|| {
            black_box(
                rc.legal_dues(black_box(&naive), &terms, &options)
                    .unwrap()
                    .len(),
            )
        })
    });
    g.bench_function("term_cases_change_report_raw_minutes", |b| {
        b.iter(|| {
            black_box(
                rc.legal_dues(black_box(&minutes), &terms, &options)
                    .unwrap()
                    .len(),
            )
        })
    });
    g.bench_function("east_kazakhstan_timelines_change_report", |b| {
        b.iter(|| black_box(rc.timelines(&chain, black_box(&naive)).unwrap().len()))
    });
    g.finish();
}

fn build(c: &mut Criterion) {
    let cal = Calendar::kazakhstan();
    let mut g = c.benchmark_group("build");
    g.bench_function("embedded_calendar", |b| {
        b.iter(|| black_box(Calendar::kazakhstan_uncached()))
    });
    g.bench_function("calendar_tables_from_parsed_data", |b| {
        b.iter(|| black_box(cal.with_overlay_toml("empty", black_box("")).unwrap()))
    });
    g.bench_function("recompute_new_diff_tables", |b| {
        let old = office();
        let new_cal = cal.with_overlay_toml("order.toml", ORDER).unwrap();
        let new = OfficeTime::new(&new_cal, Schedule::state_body()).unwrap();
        b.iter(|| black_box(Recompute::new(&old, &new)))
    });
    g.finish();
}

criterion_group!(
    benches,
    add_working_days,
    office_bulk,
    timeline_bulk,
    recompute,
    build
);
criterion_main!(benches);

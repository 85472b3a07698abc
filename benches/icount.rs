//! Instructions per operation, for a host too noisy for wall time: runs one
//! operation `n` times, to be counted with Valgrind's cachegrind at two
//! values of `n` (the difference divided by the difference of `n` is the
//! cost of one operation, set-up excluded). Uses only calls every version
//! since the restructuring has, so two versions can be compared.
//!
//! ```text
//! cargo bench --bench icount --no-run
//! valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
//!     target/release/deps/icount-* add_working_days 100000
//! ```

use std::hint::black_box;

use chrono::{NaiveDate, NaiveDateTime};
use merzim::batch::Evaluator;
use merzim::{
    Calendar, Channel, LegalOptions, OfficeTime, Outcome, Regulation, Schedule, Yyyymmdd,
};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (op, n) = match (
        args.get(1),
        args.get(2).and_then(|n| n.parse::<usize>().ok()),
    ) {
        (Some(op), Some(n)) => (op.as_str(), n),
        _ => {
            eprintln!("usage: icount OPERATION N");
            std::process::exit(2);
        }
    };
    let cal = Calendar::kazakhstan();
    let office = OfficeTime::new(&cal, Schedule::state_body()).unwrap();
    let day = |k: usize| {
        NaiveDate::from_ymd_opt(2015, 1, 1).unwrap() + chrono::Days::new((k * 7919 % 4000) as u64)
    };
    let at = |k: usize| -> NaiveDateTime { day(k).and_hms_opt(9 + (k % 9) as u32, 0, 0).unwrap() };
    let reg = Regulation::bundled("east-kazakhstan-2016-land-purpose-change").unwrap();
    let ev = Evaluator::new(cal.clone());
    let term_line =
        r#"{"id": "a1", "submitted": "2026-03-20T16:30:00", "term": "22 working days"}"#;
    let reg_line = r#"{"id": "b7", "regulation": "east-kazakhstan-2016-land-purpose-change", "submitted": "2026-03-18T16:30:00", "channel": "state_corporation"}"#;
    let term = "22 working days".parse().unwrap();
    let step = "15 minutes".parse().unwrap();
    let mut acc = 0u64;
    match op {
        "is_working_day" => {
            for k in 0..n {
                acc += u64::from(cal.is_working_day(black_box(day(k))).unwrap());
            }
        }
        "add_working_days" => {
            for k in 0..n {
                let d = cal
                    .add_working_days(black_box(day(k)), (k % 60) as i32)
                    .unwrap();
                acc += u64::from(chrono::Datelike::day(&d));
            }
        }
        "working_days_between" => {
            for k in 0..n {
                acc += cal
                    .working_days_between(black_box(day(k)), day(k + 17))
                    .unwrap() as u64;
            }
        }
        "legal_due" => {
            for k in 0..n {
                let d = office
                    .legal_due(black_box(at(k)), term, LegalOptions::default())
                    .unwrap();
                acc += u64::from(d.provisional);
            }
        }
        "step" => {
            for k in 0..n {
                acc += office
                    .step(black_box(at(k)), step)
                    .unwrap()
                    .and_utc()
                    .timestamp() as u64;
            }
        }
        "timeline" => {
            for k in 0..n {
                let t = reg
                    .timeline(
                        &office,
                        black_box(at(k + 3000)),
                        Channel::Provider,
                        Outcome::Approve,
                    )
                    .unwrap();
                acc += t.steps.len() as u64;
            }
        }
        "bulk_yyyymmdd" => {
            let dates: Vec<Yyyymmdd> = (0..n).map(|k| Yyyymmdd::from(day(k))).collect();
            let ns: Vec<i32> = (0..n).map(|k| (k % 60) as i32).collect();
            let mut out = vec![Yyyymmdd(0); n];
            cal.add_working_days_bulk(&dates, &ns, &mut out).unwrap();
            acc += out.iter().map(|d| d.0 as u64).sum::<u64>();
        }
        "bulk_step" => {
            let from: Vec<NaiveDateTime> = (0..n).map(at).collect();
            let mut out = from.clone();
            office.step_bulk(&from, step, &mut out).unwrap();
            acc += out.len() as u64;
        }
        "batch_term_line" => {
            for _ in 0..n {
                acc += ev.evaluate_json(black_box(term_line)).len() as u64;
            }
        }
        "batch_regulation_line" => {
            for _ in 0..n {
                acc += ev.evaluate_json(black_box(reg_line)).len() as u64;
            }
        }
        other => {
            eprintln!("unknown operation {other}");
            std::process::exit(2);
        }
    }
    black_box(acc);
}

//! Recompute many open applications against a changed calendar and report the
//! changed deadlines.
//!
//! ```text
//! cargo run --release --example recompute -- --cases 1000000
//! ```
//!
//! Generates N synthetic applications with a deterministic PRNG (half term
//! cases, half East Kazakhstan regulation cases, submitted 2025-01..2027-06 at
//! any minute, all three channels), loads the embedded calendar and a changed
//! one (an overlay with a new transfer order for 2026 and 2027), recomputes
//! everything and prints throughputs and the number of changed deadlines.

use std::time::Instant;

use chrono::{NaiveDate, NaiveDateTime};
use merzim::{
    Calendar, Channel, LegalOptions, OfficeTime, Outcome, Recompute, Regulation, Schedule, Term,
};

/// A new transfer order: two days off moved to Saturdays, one day declared off.
const ORDER: &str = r#"
[[act]]
id = "synthetic-order-2026"
source = "a synthetic transfer order for this example"
[[act.transfer]]
day_off = "2026-11-02"
working_day = "2026-11-07"
[[act.transfer]]
day_off = "2026-12-31"
working_day = "2026-12-26"
[[act]]
id = "synthetic-order-2027"
source = "a synthetic transfer order for this example"
[[act.transfer]]
day_off = "2027-01-08"
working_day = "2027-01-16"
[[act.day_off]]
date = "2027-03-19"
"#;

#[path = "synthetic/mod.rs"]
mod synthetic;
use synthetic::Rng;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut cases: usize = 1_000_000;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--cases" => cases = args.next().ok_or("--cases needs a number")?.parse()?,
            "-h" | "--help" => {
                println!("usage: recompute [--cases N]   (default 1000000)");
                return Ok(());
            }
            other => return Err(format!("unknown argument {other:?}; try --help").into()),
        }
    }

    let t = Instant::now();
    let old_cal = Calendar::kazakhstan();
    let build = t.elapsed();
    let t = Instant::now();
    let new_cal = old_cal.with_overlay_toml("synthetic-order.toml", ORDER)?;
    let overlay = t.elapsed();
    let old = OfficeTime::new(&old_cal, Schedule::state_body())?;
    let new = OfficeTime::new(&new_cal, Schedule::state_body())?;
    let t = Instant::now();
    let rc = Recompute::new(&old, &new);
    let diff = t.elapsed();
    let changed: Vec<String> = rc.changed_days().map(|d| d.to_string()).collect();
    println!(
        "embedded calendar built in {:.0} µs (parse + tables, first use)",
        build.as_secs_f64() * 1e6
    );
    println!(
        "overlay applied in {:.0} µs; calendars compared in {:.0} µs",
        overlay.as_secs_f64() * 1e6,
        diff.as_secs_f64() * 1e6
    );
    println!(
        "days whose status changed: {} ({})",
        changed.len(),
        changed.join(", ")
    );

    // Synthetic applications.
    let first = NaiveDate::from_ymd_opt(2025, 1, 1)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap();
    let span_minutes =
        (NaiveDate::from_ymd_opt(2027, 6, 30).unwrap() - first.date()).num_days() as u64 * 1440;
    let mut r = Rng(0x5EED_2026);
    let n_terms = cases / 2;
    let n_regs = cases - n_terms;
    let pick = |r: &mut Rng| first + chrono::TimeDelta::minutes(r.below(span_minutes) as i64);
    let term_kinds = [
        Term::working_days(22)?,
        Term::calendar_days(30)?,
        Term::working_days(5)?,
        Term::working_days(2)?,
        Term::hours(2)?,
    ];
    let term_subs: Vec<NaiveDateTime> = (0..n_terms).map(|_| pick(&mut r)).collect();
    let terms: Vec<Term> = (0..n_terms)
        .map(|_| term_kinds[r.below(5) as usize])
        .collect();
    let options: Vec<LegalOptions> = (0..n_terms)
        .map(|_| LegalOptions {
            channel: Channel::ALL[r.below(3) as usize],
            ..Default::default()
        })
        .collect();
    let reg = Regulation::bundled("east-kazakhstan-2016-land-purpose-change")?;
    let mut reg_subs: [Vec<NaiveDateTime>; 3] = Default::default();
    for _ in 0..n_regs {
        reg_subs[r.below(3) as usize].push(pick(&mut r));
    }

    // Term cases: the new results alone, then the change report.
    let mut out = vec![NaiveDateTime::MIN; n_terms];
    let t = Instant::now();
    new.legal_due_bulk_each(&term_subs, &terms, &options, &mut out)?;
    let bulk = t.elapsed();
    let t = Instant::now();
    let term_changes = rc.legal_dues(&term_subs, &terms, &options)?;
    let report = t.elapsed();
    println!(
        "term cases:       {n_terms:>9}  new dues in {:>7.1} ms ({:>6.1} M/s); change report in {:>7.1} ms ({:>6.1} M/s): {} changed",
        ms(bulk),
        rate(n_terms, bulk),
        ms(report),
        rate(n_terms, report),
        term_changes.len()
    );

    // Regulation cases, per channel.
    let mut reg_changes = 0;
    let mut report_time = std::time::Duration::ZERO;
    let mut bulk_time = std::time::Duration::ZERO;
    for (c, subs) in Channel::ALL.iter().zip(&reg_subs) {
        let chain = reg.compile(*c, Outcome::Approve)?;
        let mut end = vec![NaiveDateTime::MIN; subs.len()];
        let mut due = vec![None; subs.len()];
        let t = Instant::now();
        chain.timeline_bulk(
            &new,
            subs,
            merzim::TimelineColumns {
                end: Some(&mut end),
                term_due: Some(&mut due),
                ..Default::default()
            },
        )?;
        bulk_time += t.elapsed();
        let t = Instant::now();
        reg_changes += rc.timelines(&chain, subs)?.len();
        report_time += t.elapsed();
    }
    println!(
        "regulation cases: {n_regs:>9}  new timelines in {:>7.1} ms ({:>6.1} M/s); change report in {:>7.1} ms ({:>6.1} M/s): {} changed",
        ms(bulk_time),
        rate(n_regs, bulk_time),
        ms(report_time),
        rate(n_regs, report_time),
        reg_changes
    );
    if let Some(c) = term_changes.first() {
        println!(
            "e.g. term case {}: {} submitted {}, due {} -> {}",
            c.index, terms[c.index], term_subs[c.index], c.old, c.new
        );
    }
    println!(
        "total: {cases} cases, {} changed deadlines",
        term_changes.len() + reg_changes
    );
    Ok(())
}

fn ms(d: std::time::Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn rate(n: usize, d: std::time::Duration) -> f64 {
    n as f64 / d.as_secs_f64() / 1e6
}

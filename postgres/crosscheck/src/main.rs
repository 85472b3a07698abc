//! Writes random inputs of the extension's functions with the answers the
//! library gives, as CSV files for `compare.sql`:
//!
//! - `cal.csv`: is_working_day, add_working_days, working_days_between;
//! - `due.csv`: due() on a local submission time;
//! - `eval.csv`: batch lines and the batch contract's answer line.
//!
//! An error is written as `ERR:<SQLSTATE>`, the SQLSTATE the extension gives
//! the error's kind. Usage: `crosscheck N DIR` (N cases per file; the batch
//! file gets N / 10).

use std::fmt::Write as _;
use std::io::Write as _;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use merzim::batch::Evaluator;
use merzim::{
    Calendar, Channel, ErrorKind, LegalOptions, OfficeTime, Schedule, StartRule, Term, Week, Zone,
};

/// A small deterministic generator (SplitMix64), so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len() as u64) as usize]
    }
}

fn sqlstate(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::OutOfCoverage => "22008",
        ErrorKind::InvalidInput | ErrorKind::InvalidData | ErrorKind::InvalidRegulation => "22023",
        ErrorKind::Io => "58030",
        _ => "XX000",
    }
}

fn err(e: &merzim::Error) -> String {
    format!("ERR:{}", sqlstate(e.kind()))
}

fn csv_field(out: &mut String, s: &str) {
    if s.contains([',', '"', '\n']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

fn row(out: &mut String, fields: &[&str]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        csv_field(out, f);
    }
    out.push('\n');
}

const TERMS: &[&str] = &[
    "1 working day",
    "2 working days",
    "5 working days",
    "15 working days",
    "22 working days",
    "30 calendar days",
    "10 calendar days",
    "3 hours",
    "2 hours",
    "15 minutes",
    "1 month",
    "22 рабочих дня",
];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let dir = std::path::PathBuf::from(args.get(2).map(String::as_str).unwrap_or("."));
    let mut rng = Rng(0x6d65_727a_696d);

    let base = Calendar::kazakhstan();
    let six = base.with_week(Week::SixDay).expect("six-day week");
    let (first, last) = base.valid_range();
    // A little beyond the coverage on both sides, to cross-check the errors.
    let lo = first - Duration::days(40);
    let span = (last - lo).num_days() + 80;
    let date = |rng: &mut Rng| lo + Duration::days(rng.range(0, span));
    let known_dates: Vec<NaiveDate> = (2015..=2026)
        .flat_map(|y| [1, 4, 7, 10].map(|m| NaiveDate::from_ymd_opt(y, m, 1).unwrap()))
        .collect();

    // Calendars as known on a date, built once each.
    let mut known_cache: std::collections::HashMap<(bool, NaiveDate), merzim::Result<Calendar>> =
        Default::default();

    let mut cal = String::new();
    for id in 0..n {
        let d = date(&mut rng);
        let b = date(&mut rng);
        let k = rng.range(-400, 400) as i32;
        let week = *rng.pick(&["", "", "five", "six"]);
        let known = if rng.below(10) == 0 {
            Some(*rng.pick(&known_dates))
        } else {
            None
        };
        let c = if week == "six" { &six } else { &base };
        let c = match known {
            None => Ok(c.clone()),
            Some(kd) => known_cache
                .entry((week == "six", kd))
                .or_insert_with(|| c.as_known_on(kd))
                .clone(),
        };
        let (iwd, awd, wdb) = match &c {
            Err(e) => (err(e), err(e), err(e)),
            Ok(c) => (
                c.is_working_day(d)
                    .map_or_else(|e| err(&e), |v| v.to_string()),
                c.add_working_days(d, k)
                    .map_or_else(|e| err(&e), |v| v.to_string()),
                c.working_days_between(d, b)
                    .map_or_else(|e| err(&e), |v| v.to_string()),
            ),
        };
        let known = known.map(|k| k.to_string()).unwrap_or_default();
        row(
            &mut cal,
            &[
                &id.to_string(),
                &d.to_string(),
                &k.to_string(),
                &b.to_string(),
                week,
                &known,
                &iwd,
                &awd,
                &wdb,
            ],
        );
    }
    write(&dir, "cal.csv", &cal);

    // due(): local submission times, a minute apart, across the coverage.
    let offices = [
        OfficeTime::new(&base, Schedule::state_body()).expect("office"),
        OfficeTime::new(&six, Schedule::state_body()).expect("office"),
    ];
    let zone = Zone::default();
    let ev = Evaluator::new(base.clone());
    let mut due = String::new();
    let mut eval = String::new();
    for id in 0..n {
        let day = date(&mut rng);
        let s: NaiveDateTime =
            day.and_hms_opt(0, 0, 0).unwrap() + Duration::minutes(rng.range(0, 1439));
        let term_text = *rng.pick(TERMS);
        let channel = *rng.pick(Channel::ALL);
        let start = *rng.pick(StartRule::ALL);
        let six_week = rng.below(4) == 0;
        let office = &offices[six_week as usize];
        let week = if six_week { "six" } else { "" };
        // LegalOptions is non-exhaustive: no struct literal outside the library.
        #[allow(clippy::field_reassign_with_default)]
        let options = {
            let mut o = LegalOptions::default();
            o.channel = channel;
            o.start = start;
            o
        };
        let term: Term = term_text.parse().expect("a listed term reads");
        let fields: [String; 4] = match office.with_zone(zone).legal_due(s, term, options) {
            Ok(d) => [
                d.registered.to_string(),
                d.due_zoned().timestamp().to_string(),
                d.handoff_zoned()
                    .map(|h| h.timestamp().to_string())
                    .unwrap_or_default(),
                d.provisional.to_string(),
            ],
            Err(e) => [err(&e), String::new(), String::new(), String::new()],
        };
        let submitted = s.format("%Y-%m-%d %H:%M").to_string();
        row(
            &mut due,
            &[
                &id.to_string(),
                &submitted,
                term_text,
                channel.as_str(),
                start.as_str(),
                week,
                &fields[0],
                &fields[1],
                &fields[2],
                &fields[3],
            ],
        );
        if id % 10 == 0 {
            let mut line = String::new();
            if rng.below(5) == 0 {
                let reg = *rng.pick(&merzim::Regulation::bundled_ids().collect::<Vec<_>>());
                write!(
                    line,
                    r#"{{"id": {id}, "regulation": "{reg}", "submitted": "{}", "channel": "{channel}"}}"#,
                    s.format("%Y-%m-%dT%H:%M")
                )
                .unwrap();
            } else {
                write!(
                    line,
                    r#"{{"id": "c{id}", "submitted": "{}", "term": "{term_text}", "channel": "{channel}", "start": "{start}"{}}}"#,
                    s.format("%Y-%m-%dT%H:%M"),
                    if six_week { r#", "week": "six""# } else { "" }
                )
                .unwrap();
            }
            let answer = ev.evaluate_json(&line);
            row(&mut eval, &[&id.to_string(), &line, &answer]);
        }
    }
    write(&dir, "due.csv", &due);
    write(&dir, "eval.csv", &eval);
    eprintln!(
        "crosscheck: data {}, {n} calendar cases, {n} due cases, {} batch lines in {}",
        base.data_version(),
        n.div_ceil(10),
        dir.display()
    );
}

fn write(dir: &std::path::Path, name: &str, text: &str) {
    let path = dir.join(name);
    let mut f = std::fs::File::create(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    f.write_all(text.as_bytes()).expect("write");
}

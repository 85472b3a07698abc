//! Hostile input and faults: one test per class the fuzzing
//! campaign found, through the library, the batch contract and the CLI. Every
//! input that ever failed a fuzz target is here too (`fuzz_findings`).
//!
//! The promises: no input panics; every bad batch line gets an error line and
//! none is lost; requests never reach the filesystem; ids come back exactly as
//! sent; a bad overlay is rejected whole with its file and line; limits are
//! documented and each is exceeded with a clear error.

use std::io::Write;

use std::process::Stdio;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use chrono::{NaiveDate, NaiveDateTime};
use merzim::batch::{Evaluator, MAX_LINE_BYTES};
use merzim::{Calendar, ErrorKind, LegalOptions, OfficeTime, Schedule, Submitted, Term, Zone};
use serde_json::Value;

// ------------------------------------------------------------------ helpers

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn t(y: i32, m: u32, day: u32, h: u32, min: u32) -> NaiveDateTime {
    d(y, m, day).and_hms_opt(h, min, 0).unwrap()
}

fn evaluator() -> &'static Evaluator {
    static E: OnceLock<Evaluator> = OnceLock::new();
    E.get_or_init(|| Evaluator::new(Calendar::kazakhstan()))
}

/// One line through the contract, parsed.
fn eval(line: &str) -> Value {
    let out = evaluator().evaluate_json(line);
    assert!(!out.contains('\n'), "{out}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

fn kind(v: &Value) -> Option<&str> {
    v["error"]["kind"].as_str()
}

mod support;
use support::bin;

fn merzim() -> Command {
    let mut c = Command::new(bin());
    c.current_dir(std::env::temp_dir());
    c
}

/// Runs `batch` on `input`; (exit code, stdout lines as JSON).
fn batch(args: &[&str], input: impl Into<Vec<u8>>) -> (Option<i32>, Vec<Value>) {
    let out = merzim()
        .arg("batch")
        .args(args)
        .write_stdin(input.into())
        .output()
        .unwrap();
    let lines = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    (out.status.code(), lines)
}

const GOOD: &str = r#"{"id": "ok", "submitted": "2026-03-20T16:30:00", "term": "22 working days"}"#;

// ------------------------------------------------- 1. panics and isolation

/// Instants chrono can parse but not move into a zone: years near ±262,142.
const EXTREME_INSTANTS: &[&str] = &[
    "+262142-12-31T23:59+00:00",
    "+262142-12-31T23:59:59+00:00",
    "-262143-01-01T00:00+00:00",
    "-262143-01-01T00:00-23:59",
    "+262142-12-31T23:59:59+23:59",
    "+262142-12-31T23:59:00",
    "-262143-01-01T00:00:00",
];

#[test]
fn extreme_instants_are_errors_not_panics() {
    for s in EXTREME_INSTANTS {
        for tz in ["Asia/Almaty", "Pacific/Kiritimati", "Etc/GMT+12", "UTC"] {
            let line =
                format!(r#"{{"id": 1, "submitted": "{s}", "term": "1 month", "tz": "{tz}"}}"#);
            let v = eval(&line);
            let k = kind(&v).unwrap_or_else(|| panic!("{line}: {v}"));
            assert!(
                k == "invalid_input" || k == "out_of_coverage",
                "{line}: {v}"
            );
            let line = format!(
                r#"{{"id": 2, "regulation": "akmola-2014-cadastral-value", "submitted": "{s}", "channel": "provider", "tz": "{tz}"}}"#
            );
            let v = eval(&line);
            assert!(kind(&v).is_some_and(|k| k != "internal"), "{line}: {v}");
        }
        if let Ok(sub) = s.parse::<Submitted>() {
            for z in ["Asia/Almaty", "America/New_York"] {
                let _ = z.parse::<Zone>().unwrap().local_of(sub);
            }
        }
    }
}

#[test]
fn batch_keeps_every_line_around_an_extreme_instant() {
    let input = format!(
        "{GOOD}\n{{\"id\": \"x\", \"submitted\": \"+262142-12-31T23:59+00:00\", \"term\": \"1 month\"}}\n{GOOD}\n"
    );
    let (code, lines) = batch(&[], input);
    assert_eq!(code, Some(0));
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], "ok");
    assert_eq!(lines[1]["id"], "x");
    assert_eq!(kind(&lines[1]), Some("invalid_input"));
    assert!(lines[2]["due"].is_string());
}

#[test]
fn cli_due_and_timeline_refuse_an_extreme_instant() {
    for s in EXTREME_INSTANTS {
        // 2: the instant has no local time; 1: it has one, outside coverage.
        let code = |out: std::process::Output| out.status.code();
        let out = merzim()
            .args(["due", "--submitted", s, "--term", "1 month"])
            .output()
            .unwrap();
        assert!(matches!(code(out.clone()), Some(1 | 2)), "due {s}: {out:?}");
        let out = merzim()
            .args([
                "timeline",
                "--regulation",
                "akmola-2014-cadastral-value",
                "--submitted",
                s,
                "--channel",
                "provider",
            ])
            .output()
            .unwrap();
        assert!(
            matches!(code(out.clone()), Some(1 | 2)),
            "timeline {s}: {out:?}"
        );
    }
}

#[test]
fn working_days_in_month_and_year_with_any_year() {
    let cal = Calendar::kazakhstan();
    for year in [i32::MIN, -262_144, -1, 0, 1999, 2101, 262_143, i32::MAX] {
        for month in [0, 1, 12, 13, u32::MAX] {
            assert!(
                cal.working_days_in_month(year, month).is_err(),
                "{year}-{month}"
            );
        }
        assert!(cal.working_days_in_year(year).is_err(), "{year}");
    }
    assert_eq!(cal.working_days_in_year(2026).unwrap(), 247);
}

#[test]
fn zones_at_chrono_limits() {
    for tz in chrono_tz::TZ_VARIANTS.iter().step_by(7) {
        let z: Zone = tz.name().parse().unwrap();
        for at in [NaiveDateTime::MIN, NaiveDateTime::MAX] {
            let (i, _) = z.resolve(at);
            let _ = merzim::format_rfc3339(i);
            let _ = z.to_rfc3339(at);
            let _ = z.local_of(Submitted::Instant(i));
        }
    }
}

#[test]
fn advance_near_u64_max_never_goes_back() {
    let cal = Calendar::kazakhstan();
    let schedules = [
        Schedule::state_body(),
        Schedule::state_corporation(),
        "mon-fri 09:00-18:00; sat 10:00-13:00".parse().unwrap(),
    ];
    let start = t(2026, 3, 20, 16, 30);
    for s in schedules {
        let office = OfficeTime::new(&cal, s).unwrap();
        for m in [
            u64::MAX,
            u64::MAX - 1,
            u64::MAX - 1_000,
            u64::MAX / 2,
            i64::MAX as u64,
            i64::MAX as u64 + 1,
            1 << 40,
        ] {
            match office.advance(start, m) {
                Ok(r) => panic!("advance({start}, {m}) = {r}: far beyond coverage"),
                Err(e) => assert_eq!(e.kind(), ErrorKind::OutOfCoverage, "{m}: {e}"),
            }
        }
    }
}

// ------------------------------------------ 2. requests and the filesystem

#[test]
fn requests_never_read_files() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("secret.toml");
    std::fs::write(&secret, "id = \"TOP-SECRET-CONTENT\"\n").unwrap();
    let missing = dir.path().join("missing.toml");
    let mut messages = Vec::new();
    for path in [
        "/dev/stdin".to_string(),
        "/dev/zero".to_string(),
        "/dev/urandom".to_string(),
        secret.display().to_string(),
        missing.display().to_string(),
        "../../etc/passwd".to_string(),
    ] {
        let start = Instant::now();
        let line = format!(
            r#"{{"id": 1, "regulation": {}, "submitted": "2026-03-20T16:30", "channel": "provider"}}"#,
            serde_json::to_string(&path).unwrap()
        );
        let v = eval(&line);
        assert_eq!(kind(&v), Some("invalid_input"), "{path}: {v}");
        assert!(start.elapsed() < Duration::from_secs(2), "{path}: slow");
        let m = v["error"]["message"]
            .as_str()
            .unwrap()
            .replace(&path, "PATH");
        assert!(!m.contains("TOP-SECRET"), "{m}");
        messages.push(m);
    }
    // An existing file and a missing one are told apart by nothing.
    assert_eq!(messages[3], messages[4]);
}

#[cfg(unix)]
#[test]
fn a_fifo_named_by_a_request_does_not_hang() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo.toml");
    let ok = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        return;
    }
    let line = format!(
        r#"{{"id": 1, "regulation": "{}", "submitted": "2026-03-20T16:30", "channel": "provider"}}"#,
        fifo.display()
    );
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || tx.send(eval(&line)).unwrap());
    let v = rx
        .recv_timeout(Duration::from_secs(10))
        .expect("the request hangs on a FIFO");
    assert_eq!(kind(&v), Some("invalid_input"));
}

#[test]
fn a_request_naming_dev_stdin_does_not_swallow_the_batch() {
    let input = format!(
        "{{\"id\": 1, \"regulation\": \"/dev/stdin\", \"submitted\": \"2026-03-20T16:30\"}}\n{GOOD}\n{GOOD}\n"
    );
    let (code, lines) = batch(&[], input);
    assert_eq!(code, Some(0));
    assert_eq!(lines.len(), 3);
    assert_eq!(kind(&lines[0]), Some("invalid_input"));
    assert!(lines[1]["due"].is_string() && lines[2]["due"].is_string());
}

#[test]
fn files_are_limited_to_16_mib() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.toml");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len((16 << 20) + 1).unwrap(); // sparse, just over the 16 MiB limit
    let e = Calendar::kazakhstan().with_overlay_file(&big).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidInput, "{e}");
    assert!(e.message().contains("16777216"), "{e}");
    let e = merzim::Regulation::from_file(&big).unwrap_err();
    assert!(e.message().contains("16777216"), "{e}");
    #[cfg(unix)]
    {
        let start = Instant::now();
        let e = Calendar::kazakhstan()
            .with_overlay_file("/dev/zero")
            .unwrap_err();
        assert!(start.elapsed() < Duration::from_secs(10), "{e}");
    }
}

// ------------------------------------------------------- 3. ids and keys

#[test]
fn ids_come_back_exactly_as_sent() {
    for id in [
        "123456789012345678901234567890",
        "123456789012345678901234567891",
        "1e2",
        "-0",
        "1.50",
        "18446744073709551616",
        "\"a\\u0041\"",
        "null",
    ] {
        let line = format!(r#"{{"id": {id}, "submitted": "2026-03-20T16:30", "term": "1 month"}}"#);
        let out = evaluator().evaluate_json(&line);
        assert!(out.starts_with(&format!("{{\"id\":{id},")), "{id}: {out}");
    }
}

#[test]
fn duplicate_keys_are_refused() {
    for line in [
        r#"{"id": 1, "submitted": "2026-03-20T16:30", "term": "1 month", "term": "2 months"}"#,
        r#"{"id": 1, "id": 2, "submitted": "2026-03-20T16:30", "term": "1 month"}"#,
        r#"{"id": 1, "submitted": "2026-03-20T16:30", "submitted": "2026-03-21T16:30", "term": "1 month"}"#,
    ] {
        let v = eval(line);
        assert_eq!(kind(&v), Some("invalid_input"), "{line}: {v}");
        assert!(
            v["error"]["message"]
                .as_str()
                .unwrap()
                .contains("duplicate"),
            "{v}"
        );
    }
}

#[test]
fn bom_crlf_and_invalid_utf8() {
    let ev = evaluator();
    let bom = format!("\u{feff}{GOOD}\r\n");
    let v: Value = serde_json::from_str(&ev.evaluate_bytes(bom.as_bytes()).to_json()).unwrap();
    assert!(v["due"].is_string(), "{v}");
    let bad = b"{\"id\": \"u8\", \"submitted\": \"2026-03-20T16:30\", \"term\": \"1 \xff month\"}";
    let v: Value = serde_json::from_str(&ev.evaluate_bytes(bad).to_json()).unwrap();
    assert_eq!(v["id"], "u8");
    assert_eq!(kind(&v), Some("invalid_input"));
    // The CLI: a BOM before the first line.
    let (code, lines) = batch(&[], format!("\u{feff}{GOOD}\n{GOOD}\n"));
    assert_eq!(code, Some(0));
    assert!(lines.iter().all(|l| l["due"].is_string()), "{lines:?}");
}

#[test]
fn a_nested_id_is_never_taken_for_the_lines() {
    for line in [
        r#"{"x": {"id": "inner"}, "submitted": 5"#,
        r#"{"schedule": {"id": 7}, "submitted": "2026-03-20T16:30", "term": "1 month"}"#,
        "{\"x\": {\"id\": \"inner\"}, \"s\": \"\u{0}\u{fffd}",
    ] {
        let v = eval(line);
        assert!(v["id"].is_null(), "{line}: {v}");
        assert!(kind(&v).is_some());
    }
    let v: Value = serde_json::from_str(
        &evaluator()
            .evaluate_bytes(b"{\"x\": {\"id\": \"inner\"}, \"y\": \"\xff\"}")
            .to_json(),
    )
    .unwrap();
    assert!(v["id"].is_null(), "{v}");
}

// ------------------------------------------------------------- 4. terms

#[test]
fn number_words_must_agree_with_the_digits() {
    for bad in [
        "5 (десять) рабочих дней",
        "10 (пять) рабочих дней",
        "2 (бес) жұмыс күні",
        "3 (one) working days",
        "15 (пять) календарных дней",
        "5 (qwerty) рабочих дней",
    ] {
        let e = bad.parse::<Term>().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{bad}");
    }
    for good in [
        "5 (пять) рабочих дней",
        "15 (пятнадцать) календарных дней",
        "5 (бес) жұмыс күні",
        "1 (один) месяц",
        "22 (двадцать два) рабочих дня",
    ] {
        good.parse::<Term>()
            .unwrap_or_else(|e| panic!("{good}: {e}"));
    }
    let v =
        eval(r#"{"id": 1, "submitted": "2026-03-20T16:30", "term": "5 (десять) рабочих дней"}"#);
    assert_eq!(kind(&v), Some("invalid_input"), "{v}");
}

#[test]
fn a_legal_term_of_zero_is_refused_in_every_unit() {
    let office = OfficeTime::state_body(&Calendar::kazakhstan());
    let s = t(2026, 5, 26, 19, 0); // after close of business
    for term in [
        "0 minutes",
        "0 hours",
        "0 working days",
        "0 calendar days",
        "0 months",
        "0 минут",
        "0 сағат",
    ] {
        let term: Term = term.parse().unwrap();
        let r = office.legal_due(s, term, LegalOptions::default());
        assert!(r.is_err(), "{term}: {r:?}");
        assert_eq!(r.unwrap_err().kind(), ErrorKind::InvalidInput);
        let v = eval(&format!(
            r#"{{"id": 1, "submitted": "2026-05-26T19:00", "term": "{term}"}}"#
        ));
        assert_eq!(kind(&v), Some("invalid_input"), "{term}: {v}");
    }
    // A step of 0 stays valid (RULES.md §7.12): advance and step return t.
    assert_eq!(office.advance(s, 0).unwrap(), s);
    assert_eq!(office.step(s, "0 minutes".parse().unwrap()).unwrap(), s);
}

#[test]
fn errors_never_echo_a_huge_input() {
    let huge = "x".repeat(500_000);
    for text in [format!("5 {huge}"), format!("{huge} days")] {
        let e = text.parse::<Term>().unwrap_err();
        assert!(e.message().len() < 1000, "{} bytes", e.message().len());
    }
    let e = huge.parse::<Schedule>().unwrap_err();
    assert!(e.message().len() < 1000);
    let e = huge.parse::<Submitted>().unwrap_err();
    assert!(e.message().len() < 1000);
    let e = huge.parse::<Zone>().unwrap_err();
    assert!(e.message().len() < 1000);
    let line = format!(r#"{{"id": 1, "submitted": "2026-03-20T16:30", "term": "{huge}"}}"#);
    assert!(evaluator().evaluate_json(&line).len() < 2000);
}

// ---------------------------------------------------- 5. overlays and data

fn overlay_err(toml: &str) -> merzim::Error {
    Calendar::kazakhstan()
        .with_overlay_toml("my-overlay.toml", toml)
        .expect_err("the overlay must be refused")
}

#[test]
fn contradictory_acts_are_refused_with_file_and_line() {
    // A day made a working day by one act and declared off by another.
    let e = overlay_err(
        r#"
[[act]]
id = "a"
source = "x"
[[act.transfer]]
day_off = "2027-01-08"
working_day = "2027-01-16"

[[act]]
id = "b"
source = "x"
[[act.day_off]]
date = "2027-01-16"
"#,
    );
    assert_eq!(e.kind(), ErrorKind::InvalidData);
    assert!(e.message().starts_with("my-overlay.toml: line 10"), "{e}");
    assert!(e.message().contains("\"a\""), "names the other act: {e}");
    // A self-cancelling swap inside one act.
    let e = overlay_err(
        r#"[[act]]
id = "swap"
source = "x"
[[act.transfer]]
day_off = "2027-01-08"
working_day = "2027-01-16"
[[act.transfer]]
day_off = "2027-01-16"
working_day = "2027-01-08"
"#,
    );
    assert!(e.message().starts_with("my-overlay.toml: line 2"), "{e}");
    // The same day declared off twice by two acts.
    let e = overlay_err(
        "[[act]]\nid = \"a\"\nsource = \"x\"\n[[act.day_off]]\ndate = \"2027-06-15\"\n\
         [[act]]\nid = \"b\"\nsource = \"x\"\n[[act.day_off]]\ndate = \"2027-06-15\"\n",
    );
    assert!(e.message().starts_with("my-overlay.toml: line 7"), "{e}");
    // Against an embedded act: the order of 17.04.2024 made Saturday 4 May 2024 a working day.
    let e = overlay_err(
        "[[act]]\nid = \"b\"\nsource = \"x\"\n[[act.day_off]]\ndate = \"2024-05-04\"\n",
    );
    assert!(e.message().starts_with("my-overlay.toml: line 2"), "{e}");
    assert!(e.message().contains("holidays/transfers/2024.toml"), "{e}");
}

#[test]
fn a_gap_in_years_names_the_file_and_line() {
    let e = overlay_err("# a comment\nyear = 2030\nstatus = \"provisional\"\n");
    assert_eq!(e.kind(), ErrorKind::InvalidData);
    assert!(e.message().starts_with("my-overlay.toml: line 2"), "{e}");
    assert!(e.message().contains("2028"), "names the missing year: {e}");
    // The next year is fine, and then the one after it.
    let c = Calendar::kazakhstan()
        .with_overlay_toml("y2028.toml", "year = 2028\nstatus = \"provisional\"\n")
        .unwrap();
    c.with_overlay_toml("y2029.toml", "year = 2029\n").unwrap();
}

#[test]
fn a_conflict_caused_by_the_overlay_names_the_overlay() {
    // A new public holiday on 8 January 2027, a day an embedded act moves?
    // Use 2024: the embedded order moves the day off of 8 May 2024 to 4 May.
    // A holiday on 8 May 2024 makes that act contradict the data: the
    // overlay is to blame, not holidays/transfers/2024.toml.
    let e = overlay_err(
        r#"
[[holiday]]
id = "new-may-day"
kind = "public"
dates = ["05-08"]
from = 2024
until = 2024
names = { kk = "x", ru = "x", en = "x" }
source = "a law"
"#,
    );
    assert_eq!(e.kind(), ErrorKind::InvalidData);
    assert!(e.message().starts_with("my-overlay.toml: line 5"), "{e}");
}

#[test]
fn many_acts_load_fast_and_cite_the_right_act() {
    // 70,000 acts (more than 16 bits) that move nothing, then one that does:
    // the day must cite the last act, and loading must not be quadratic.
    let mut toml = String::with_capacity(8 << 20);
    for i in 0..70_000 {
        toml.push_str(&format!(
            "[[act]]\nid = \"noop-{i}\"\nsource = \"x\"\nweeks = []\n"
        ));
    }
    toml.push_str(
        "[[act]]\nid = \"the-real-one\"\nsource = \"x\"\n[[act.day_off]]\ndate = \"2027-06-15\"\n",
    );
    let start = Instant::now();
    let cal = Calendar::kazakhstan()
        .with_overlay_toml("many.toml", &toml)
        .unwrap();
    let took = start.elapsed();
    let day = cal.day(d(2027, 6, 15)).unwrap();
    assert!(!day.working);
    assert_eq!(
        day.act.as_ref().map(|a| a.id.as_str()),
        Some("the-real-one")
    );
    assert!(took < Duration::from_secs(30), "{took:?}");
}

// ------------------------------------------------------------ 6. limits

#[test]
fn a_line_over_the_limit_is_answered_and_the_next_line_too() {
    let long = format!(
        "{{\"id\": \"long\", \"term\": \"{}\"}}",
        "x".repeat(MAX_LINE_BYTES + 10)
    );
    let v = eval(&long);
    assert_eq!(v["id"], "long");
    assert_eq!(kind(&v), Some("invalid_input"));
    // The CLI, with a stream of 3 MiB without newlines in the middle.
    let mut input = format!("{GOOD}\n{long}\n");
    input.push_str(&"y".repeat(3 << 20));
    input.push('\n');
    input.push_str(GOOD);
    input.push('\n');
    let (code, lines) = batch(&[], input);
    assert_eq!(code, Some(0));
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[1]["id"], "long");
    assert_eq!(kind(&lines[1]), Some("invalid_input"));
    assert_eq!(kind(&lines[2]), Some("invalid_input"));
    assert!(lines[3]["due"].is_string());
}

// -------------------------------------------------------------- 7. CLI

#[cfg(target_os = "linux")]
#[test]
fn batch_with_a_closed_stdout_exits_3() {
    for cmd in ["batch", "diff --old /dev/null --new /dev/null"] {
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("exec \"$0\" {cmd} >&-"))
            .arg(bin())
            .stdin(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .and_then(|mut c| {
                c.stdin.take().unwrap().write_all(GOOD.as_bytes())?;
                c.wait_with_output()
            })
            .unwrap();
        assert_eq!(out.status.code(), Some(3), "{cmd}: {out:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("stdout"));
    }
}

#[test]
fn huge_thread_counts_are_refused() {
    for n in [
        "257",
        "100000",
        "18446744073709551615",
        "18446744073709551616",
        "-1",
    ] {
        merzim()
            .args(["batch", "--threads", n])
            .write_stdin(GOOD)
            .assert()
            .code(2);
    }
    let (code, lines) = batch(&["--threads", "256"], format!("{GOOD}\n{GOOD}\n"));
    assert_eq!((code, lines.len()), (Some(0), 2));
}

#[test]
fn batch_summary_counts_errors_by_kind() {
    let input = format!(
        "{GOOD}\nnot json\n{{\"id\": 3, \"submitted\": \"2036-03-20T16:30\", \"term\": \"1 month\"}}\n"
    );
    let out = merzim()
        .args(["batch", "--summary"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("3 lines"), "{err}");
    assert!(err.contains("2 errors"), "{err}");
    assert!(
        err.contains("invalid_input 1") && err.contains("out_of_coverage 1"),
        "{err}"
    );
}

/// `--explain` where the due computes at the edge of coverage (24:00 of the
/// last covered day is 00:00 of the first uncovered one).
#[test]
fn explain_at_the_edge_of_coverage() {
    let out = merzim()
        .args([
            "due",
            "--submitted",
            "2027-12-31T10:00",
            "--term",
            "1 working day",
            "--end",
            "midnight",
            "--explain",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("2028-01-01 00:00 +05:00"), "{text}");
}

/// The class behind it, in the library: wherever a due computes, its
/// explanation does too (every end rule, the last days of the data and the
/// first of it, terms in minutes, hours and days).
#[test]
fn explain_works_wherever_the_due_computes() {
    let cal = Calendar::kazakhstan();
    let office = OfficeTime::new(&cal, Schedule::state_body()).unwrap();
    let all_day = OfficeTime::new(&cal, "00:00-24:00".parse().unwrap()).unwrap();
    let last = NaiveDate::from_ymd_opt(2027, 12, 31).unwrap();
    let first = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
    let mut checked = 0;
    for office in [&office, &all_day] {
        for day in (0..6)
            .map(|k| last - chrono::Days::new(k))
            .chain((0..3).map(|k| first + chrono::Days::new(k)))
        {
            for minute in [0u32, 1, 9 * 60, 18 * 60 + 29, 23 * 60 + 59] {
                let at = day.and_hms_opt(minute / 60, minute % 60, 0).unwrap();
                for term in [
                    "1 working day",
                    "3 working days",
                    "2 calendar days",
                    "90 minutes",
                    "5 hours",
                ] {
                    for end in merzim::TermEnd::ALL {
                        let options = LegalOptions {
                            end: *end,
                            ..LegalOptions::default()
                        };
                        let Ok(due) = office.legal_due(at, term.parse::<Term>().unwrap(), options)
                        else {
                            continue;
                        };
                        let explained = office.explain(at, due.due);
                        assert!(
                            explained.is_ok(),
                            "{at} {term} {end:?}: due {}: {explained:?}",
                            due.due
                        );
                        checked += 1;
                    }
                }
            }
        }
    }
    assert!(checked > 100, "{checked}");
}

/// Text output of a due inside a DST gap must print the instant JSON prints.
/// Cairo skips 00:00–01:00 on Friday 24 April 2026.
#[test]
fn text_output_in_a_dst_gap_is_the_due() {
    let args = [
        "due",
        "--submitted",
        "2026-04-23T23:30",
        "--term",
        "45 minutes",
        "--tz",
        "Africa/Cairo",
        "--schedule",
        "00:00-24:00",
    ];
    let json = merzim().args(args).arg("--json").output().unwrap();
    let v: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["due"], "2026-04-24T01:15:00+03:00");
    let text = String::from_utf8(merzim().args(args).output().unwrap().stdout).unwrap();
    let due = text.lines().find(|l| l.starts_with("Due")).unwrap();
    assert!(due.contains("2026-04-24 01:15 +03:00"), "{due}");
}

// ----------------------------------------------------- 9. display and parse

#[test]
fn schedule_display_parses_back() {
    let s = Schedule::state_body()
        .with_weekday(chrono::Weekday::Sat, Vec::new())
        .unwrap()
        .with_weekday(
            chrono::Weekday::Mon,
            vec![merzim::Interval::new(600, 1440).unwrap()],
        )
        .unwrap();
    let shown = s.to_string();
    assert!(shown.contains("sat -"), "{shown}");
    assert_eq!(shown.parse::<Schedule>().unwrap(), s);
    for text in [
        "mon-fri 09:00-18:00; sat -; sun -",
        "sat 09:00-13:00",
        "mon-sun 00:00-24:00",
    ] {
        let s: Schedule = text.parse().unwrap();
        assert_eq!(s.to_string().parse::<Schedule>().unwrap(), s, "{text}");
    }
}

#[test]
fn rfc3339_keeps_the_seconds_of_local_mean_time() {
    let z = Zone::default();
    let (at, _) = z.resolve(t(1910, 6, 1, 12, 0));
    assert_eq!(at.offset().local_minus_utc() % 60, 48);
    let text = z.to_rfc3339(t(1910, 6, 1, 12, 0));
    assert_eq!(text, "1910-06-01T12:00:00+05:07:48");
    assert_eq!(text.parse::<Submitted>().unwrap(), Submitted::Instant(at));
    // A year beyond 9999 prints and parses back too.
    let far: Submitted = "+262142-12-31T23:59:00+00:00".parse().unwrap();
    assert_eq!(far.to_string().parse::<Submitted>().unwrap(), far);
}

// ------------------------------------------------------ fuzz findings

/// Every input that ever failed a fuzz target (fuzz/, .ci/fuzz.sh), replayed
/// through the same checks.
#[test]
fn fuzz_findings() {
    // submitted: a year beyond 9999 did not parse back from its Display.
    let s: Submitted = "+262142-12-31T23:59+00:00".parse().unwrap();
    assert_eq!(s.to_string().parse::<Submitted>().unwrap(), s);
    // term: "0 minutes" gave a due before registration.
    let office = OfficeTime::state_body(&Calendar::kazakhstan());
    assert!(office
        .legal_due(
            t(2024, 5, 26, 0, 0),
            "0 minutes".parse().unwrap(),
            LegalOptions::default()
        )
        .is_err());
    // schedule / arith: advance with a count near u64::MAX overflowed.
    assert!(office.advance(t(2026, 3, 20, 16, 30), u64::MAX).is_err());
}

// ---------------------------------------------------------------- no cliffs

/// A batch cycling through one more schedule than the evaluator keeps drops
/// one office table per new schedule, not all of them: the schedules used
/// since stay built.
#[test]
fn the_evaluator_cache_drops_one_entry_at_a_time() {
    let ev = merzim::batch::Evaluator::new(merzim::Calendar::kazakhstan());
    let line = |k: u32| {
        format!(
            r#"{{"id": {k}, "submitted": "2026-03-20T10:00", "term": "1 working day", "schedule": "09:00-{:02}:{:02}"}}"#,
            12 + k / 60,
            k % 60
        )
    };
    for k in 0..65 {
        assert!(!ev.evaluate_json(&line(k)).contains("error"), "{}", line(k));
    }
    let built = ev.views_built();
    assert_eq!(built, 65);
    // The 64 most recent schedules are still there: no rebuild.
    for k in 1..65 {
        ev.evaluate_json(&line(k));
    }
    assert_eq!(ev.views_built(), built, "a full cache was dropped whole");
    // The one dropped (the least recently used) is rebuilt alone.
    ev.evaluate_json(&line(0));
    assert_eq!(ev.views_built(), built + 1);
}

/// A calendar view (as known on a date, another week) lays out the years it
/// answers for, not 2000–2100: its tables are a fraction of the provisional
/// horizon's, and it answers every day of coverage as the full layout does.
#[test]
fn a_new_calendar_view_costs_what_its_years_need() {
    use merzim::{Horizon, Week};
    let cal = merzim::Calendar::kazakhstan();
    let full = cal.with_horizon(Horizon::Provisional);
    for view in [
        cal.clone(),
        cal.as_known_on(NaiveDate::from_ymd_opt(2019, 6, 1).unwrap())
            .unwrap(),
        cal.with_week(Week::SixDay).unwrap(),
    ] {
        assert!(
            view.table_bytes() * 3 < full.table_bytes(),
            "a coverage view holds {} bytes, the full layout {}",
            view.table_bytes(),
            full.table_bytes()
        );
        let wide = view.with_horizon(Horizon::Provisional);
        assert_eq!(wide.valid_range().1, full.valid_range().1);
        let (first, last) = view.valid_range();
        let mut d = first;
        while d <= last {
            assert_eq!(view.day(d).unwrap(), wide.day(d).unwrap(), "{d}");
            d = d.succ_opt().unwrap();
        }
        // Back to coverage: the same answers and the same range.
        let back = wide.with_horizon(Horizon::Coverage);
        assert_eq!(back.valid_range(), view.valid_range());
        assert_eq!(
            back.working_days_in_year(2026).unwrap(),
            view.working_days_in_year(2026).unwrap()
        );
    }
}

/// An overlay's act in the year after coverage is laid out in a coverage
/// view (the table reaches the acts' years) and answered with the horizon.
#[test]
fn an_act_past_coverage_is_laid_out_in_a_short_view() {
    use merzim::Horizon;
    let cal = merzim::Calendar::kazakhstan()
        .with_overlay_toml(
            "later.toml",
            r#"
[[act]]
id = "a-later-order"
source = "an example"
[[act.transfer]]
day_off = "2029-01-08"
working_day = "2029-01-13"
"#,
        )
        .unwrap();
    assert!(cal.is_working_day(d(2029, 1, 8)).is_err(), "past coverage");
    let wide = cal.with_horizon(Horizon::Provisional);
    assert!(!wide.is_working_day(d(2029, 1, 8)).unwrap());
    assert!(wide.is_working_day(d(2029, 1, 13)).unwrap());
    // A contradicting act past coverage is refused when loaded, as before.
    let e = cal
        .with_overlay_toml(
            "worse.toml",
            r#"
[[act]]
id = "another"
source = "an example"
[[act.day_off]]
date = "2029-01-08"
"#,
        )
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidData, "{e}");
}

// ------------------------------------------- injection through data files

/// An overlay whose act has a hostile URL, title and source.
fn hostile_overlay(url: &str) -> String {
    format!(
        r#"
[[act]]
id = "evil"
title = {{ kk = "Бұйрық", ru = "Приказ", en = "=HYPERLINK(\"http://x\",\"click\")\u001b[2J\rSUMMARY:forged" }}
body = "Ministry\u001b]0;owned\u0007"
source = "@SUM(A1)\r\nBEGIN:VEVENT"
url = "{url}"
[[act.transfer]]
day_off = "2027-01-08"
working_day = "2027-01-16"
"#
    )
}

#[test]
fn links_in_data_files_must_be_http_urls_without_control_characters() {
    for bad in [
        "javascript:alert(1)",
        "https://adilet.zan.kz/\\r\\nBEGIN:VEVENT\\r\\nSUMMARY:forged",
        "https://a b",
        "adilet.zan.kz/rus/docs/x",
    ] {
        let e = overlay_err(&hostile_overlay(bad));
        assert_eq!(e.kind(), ErrorKind::InvalidData, "{bad}");
        assert!(e.message().contains("url"), "{e}");
    }
    // A regulation's link too.
    let text = include_str!("../regulations/east-kazakhstan-2016-land-purpose-change.toml");
    let evil = text.replacen("url = \"https://", "url = \"javascript://", 1);
    assert_ne!(evil, text, "the regulation has a link to replace");
    let e = merzim::Regulation::from_toml("evil.toml", &evil).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::InvalidRegulation);
}

#[test]
fn text_from_data_files_cannot_forge_exports_or_repaint_terminals() {
    let cal = Calendar::kazakhstan()
        .with_overlay_toml("evil.toml", &hostile_overlay("https://example.kz/a"))
        .unwrap();
    for lang in [merzim::Lang::Kk, merzim::Lang::Ru, merzim::Lang::En] {
        let ics = merzim::export::calendar_ics(&cal, 2027, lang).unwrap();
        // One calendar, no forged event or property: every line is a
        // property line or a folded continuation, with no bare CR.
        assert_eq!(ics.matches("BEGIN:VCALENDAR").count(), 1);
        assert_eq!(
            ics.matches("\r\nBEGIN:VEVENT\r\n").count(),
            ics.matches("\r\nEND:VEVENT\r\n").count()
        );
        assert!(!ics.contains("\r\nSUMMARY:forged"), "{ics}");
        assert!(!ics.replace("\r\n", "").contains('\r'), "a bare CR");
        assert!(!ics.contains('\u{1b}'));
        let csv = merzim::export::calendar_csv(
            &cal.year_days(2027).unwrap(),
            lang,
            merzim::CsvDialect::Machine,
        );
        for cell in csv.split([',', '\n']) {
            let cell = cell.trim_start_matches('"');
            assert!(
                !cell.starts_with(['=', '+', '@']),
                "a formula cell: {cell:?}"
            );
        }
        assert!(!csv.contains('\u{1b}') && !csv.contains('\r'));
        // The Excel dialect too: `;` cells, CRLF, no formula, no bare CR.
        let excel = merzim::export::calendar_csv(
            &cal.year_days(2027).unwrap(),
            lang,
            merzim::CsvDialect::Excel,
        );
        let body = excel.strip_prefix('\u{feff}').unwrap();
        let mut r = csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(body.as_bytes());
        let width = r.headers().unwrap().len();
        for row in r.records() {
            let row = row.unwrap();
            assert_eq!(row.len(), width, "{row:?}");
            for cell in row.iter() {
                assert!(
                    !cell.starts_with(['=', '+', '@', '-']),
                    "a formula cell: {cell:?}"
                );
            }
        }
        assert!(!excel.contains('\u{1b}'));
        assert!(!excel.replace("\r\n", "").contains('\r'), "a bare CR");
    }
    let day = cal
        .day(NaiveDate::from_ymd_opt(2027, 1, 8).unwrap())
        .unwrap();
    let act = day.act.unwrap();
    assert!(!act.title.en.contains(['\u{1b}', '\r']) && !act.body.contains(['\u{1b}', '\u{7}']));
}

/// 64,000 holiday entries with one id, each replacing the one before:
/// loading is linear, and only the last stands.
#[test]
fn many_holiday_entries_load_linearly_and_the_last_one_stands() {
    let mut toml = String::with_capacity(12 << 20);
    for i in 0..64_000u32 {
        let (m, day) = (1 + (i / 28) % 12, 1 + i % 28);
        toml.push_str(&format!(
            "[[holiday]]\nid = \"h\"\nkind = \"public\"\ndates = [\"{m:02}-{day:02}\"]\nfrom = 2027\n\
             names = {{ kk = \"x{i}\", ru = \"x{i}\", en = \"x{i}\" }}\nsource = \"s\"\n"
        ));
    }
    // The last entry: 30 December.
    toml.push_str(
        "[[holiday]]\nid = \"h\"\nkind = \"public\"\ndates = [\"12-30\"]\nfrom = 2027\n\
         names = { kk = \"last\", ru = \"last\", en = \"last\" }\nsource = \"s\"\n",
    );
    let start = Instant::now();
    let cal = Calendar::kazakhstan()
        .with_overlay_toml("many-holidays.toml", &toml)
        .unwrap();
    let took = start.elapsed();
    let last = cal.day(d(2027, 12, 30)).unwrap();
    assert!(!last.working);
    assert_eq!(last.names.unwrap().en, "last");
    // An earlier entry's date (Tuesday 2027-02-02) stays a working day.
    assert!(cal.is_working_day(d(2027, 2, 2)).unwrap());
    // Quadratic loading took 15 s for this input; linear, well under one
    // (a benchmark's figure, printed, not asserted).
    eprintln!("64,001 holiday entries loaded in {took:?}");
}

// ------------------------------------------------ pipes and odd streams

/// `batch` and `diff` with stdin and stdout on non-blocking pipes (a parent
/// that set O_NONBLOCK on them): reads and writes that would block are
/// waited for, every line is answered, exit 0. Run from Python, which sets
/// the flags the way such a parent does; python3 is required.
#[test]
fn batch_and_diff_wait_on_non_blocking_pipes() {
    let script = r#"
import os, subprocess, sys, time
exe, command = sys.argv[1], sys.argv[2:]
line = b'{"id": %d, "submitted": "2024-05-02T10:00", "term": "4 working days"}\n'
r, w = os.pipe()
out_r, out_w = os.pipe()
os.set_blocking(r, False)
os.set_blocking(out_w, False)
import threading
p = subprocess.Popen([exe] + command, stdin=r, stdout=out_w)
os.close(r); os.close(out_w)
data = []
def reader():
    # A slow reader: the output (far more than a pipe holds) meets EAGAIN.
    time.sleep(0.5)
    while True:
        chunk = os.read(out_r, 1 << 12)
        if not chunk:
            break
        data.append(chunk)
        time.sleep(0.001)
t = threading.Thread(target=reader)
t.start()
# A slow writer: the reader meets EAGAIN between the parts.
n = 0
for part in range(3):
    os.write(w, b''.join(line % (n + i) for i in range(2000)))
    n += 2000
    time.sleep(0.3)
os.close(w)
t.join()
data = b''.join(data)
code = p.wait()
print(code, data.count(b'\n'))
"#;
    let have = std::process::Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(have, "python3 is required for this test");
    for (args, want) in [
        (vec!["batch"], 6000),
        (
            vec![
                "diff",
                "--old-as-known-on",
                "2024-04-01",
                "--new-as-known-on",
                "2024-05-01",
            ],
            6000,
        ),
    ] {
        let out = std::process::Command::new("python3")
            .arg("-c")
            .arg(script)
            .arg(bin())
            .args(&args)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(
            text.trim(),
            format!("0 {want}"),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// U+2028, U+2029 and U+0085 in an answer are escaped: no JSON Lines reader
/// splits the line.
#[test]
fn json_output_escapes_unicode_line_separators() {
    let line = "{\"id\": \"a\u{2028}b\u{2029}c\u{85}d\", \"submitted\": \"2026-03-20T10:00\", \"term\": \"1 working day\"}";
    let out = Evaluator::new(Calendar::kazakhstan()).evaluate_json(line);
    assert!(!out.contains(['\u{2028}', '\u{2029}', '\u{85}']), "{out}");
    assert!(
        out.starts_with(r#"{"id":"a\u2028b\u2029c\u0085d","#),
        "{out}"
    );
    let (code, lines) = batch(&[], line);
    assert_eq!(code, Some(0));
    assert_eq!(lines.len(), 1);
}

// ---------------------------------------------------- impossible knowledge

/// A calendar as known before the data's coverage never existed: refused in
/// the library, a batch line and the CLI.
#[test]
fn as_known_on_before_the_data_is_refused_everywhere() {
    let cal = Calendar::kazakhstan();
    for d in [d(1, 1, 1), d(1999, 12, 31)] {
        let e = cal.as_known_on(d).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput, "{e}");
        assert!(e.message().contains("2000-01-01"), "{e}");
    }
    assert!(cal.as_known_on(d(2000, 1, 1)).is_ok());
    let v = eval(
        r#"{"id": 1, "submitted": "2026-03-20T10:00", "term": "5 working days", "as_known_on": "0001-01-01"}"#,
    );
    assert_eq!(kind(&v), Some("invalid_input"), "{v}");
    merzim()
        .args([
            "due",
            "--submitted",
            "2026-03-20T10:00",
            "--term",
            "5 working days",
            "--as-known-on",
            "0001-01-01",
        ])
        .assert()
        .code(2);
}

/// An overlay entry known until a date that is not after its known_from
/// would never be known: refused with the file and line.
#[test]
fn known_until_must_be_after_known_from() {
    let e = overlay_err(
        r#"
[[holiday]]
id = "x"
kind = "public"
dates = ["06-01"]
names = { kk = "x", ru = "x", en = "x" }
source = "s"
known_from = "2025-01-01"
known_until = "2024-01-01"
"#,
    );
    assert_eq!(e.kind(), ErrorKind::InvalidData);
    assert!(
        e.message().contains("line 9") && e.message().contains("known_until"),
        "{e}"
    );
    let e = overlay_err(
        "[[kurban_ait]]\nyear = 2027\ndate = \"2027-05-16\"\nstatus = \"estimated\"\nsource = \"s\"\n\
         known_from = \"2027-01-01\"\nknown_until = \"2027-01-01\"\n",
    );
    assert!(e.message().contains("known_until"), "{e}");
}

// ----------------------------------------------------- small inconsistencies

#[test]
fn z_is_an_offset_in_every_form() {
    for s in [
        "2026-03-20T16:30Z",
        "2026-03-20T16:30:00Z",
        "2026-03-20 16:30Z",
    ] {
        let t: Submitted = s.parse().unwrap_or_else(|e| panic!("{s}: {e}"));
        assert_eq!(
            t,
            "2026-03-20T16:30:00+00:00".parse::<Submitted>().unwrap(),
            "{s}"
        );
    }
}

#[test]
fn a_weekday_named_twice_in_a_schedule_is_refused() {
    for s in [
        "mon-fri 09:00-18:00; fri 09:00-13:00",
        "mon 09:00-18:00; mon 10:00-11:00",
    ] {
        let e = s.parse::<Schedule>().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidInput);
        assert!(e.message().contains("twice"), "{e}");
    }
    assert!("mon-thu 09:00-18:00; fri 09:00-13:00"
        .parse::<Schedule>()
        .is_ok());
}

#[test]
fn lint_defaults_to_the_last_covered_year() {
    let out = merzim()
        .args(["lint", "--regulation", "all", "--from", "2028"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    let (_, last) = Calendar::kazakhstan().valid_range();
    assert!(
        err.contains(&format!("after {}", last.format("%Y"))) && !err.contains("--to 2026"),
        "{err}"
    );
}

/// Two different overlays read under one name (`/dev/stdin`) give two data
/// versions: a cached or pickled calendar is never taken for the other.
#[test]
fn the_data_version_names_what_was_loaded() {
    let a = "[[act]]\nid = \"a\"\nsource = \"x\"\n[[act.day_off]]\ndate = \"2027-06-15\"\n";
    let b = "[[act]]\nid = \"a\"\nsource = \"x\"\n[[act.day_off]]\ndate = \"2027-06-16\"\n";
    let cal = Calendar::kazakhstan();
    let version = |text: &str| {
        cal.with_overlay_toml("/dev/stdin", text)
            .unwrap()
            .data_version()
            .to_string()
    };
    let (va, vb) = (version(a), version(b));
    assert_ne!(va, vb);
    assert!(va.contains("/dev/stdin#"), "{va}");
    assert_eq!(va, version(a));
}

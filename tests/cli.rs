//! Runs the example CLI (`examples/merzim/main.rs`) as a program: every command, the
//! batch contract with malformed lines, bad arguments, and a 1M-line batch in
//! constant memory.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::OnceLock;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

/// The example binary, built once (with the profile of this test binary, into its target dir).
fn bin() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let exe = std::env::current_exe().expect("test binary path");
        // target/<profile>/deps/cli-<hash>
        let profile_dir = exe
            .parent()
            .and_then(Path::parent)
            .expect("target/<profile>");
        let target_dir = profile_dir.parent().expect("target dir");
        let profile = match profile_dir.file_name().and_then(|s| s.to_str()) {
            Some("debug") | None => "dev".to_string(),
            Some(p) => p.to_string(),
        };
        let status = std::process::Command::new(env!("CARGO"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args([
                "build",
                "--quiet",
                "--example",
                "merzim",
                "--profile",
                &profile,
                "--target-dir",
            ])
            .arg(target_dir)
            .status()
            .expect("run cargo build");
        assert!(status.success(), "cargo build --example merzim failed");
        let path = profile_dir
            .join("examples")
            .join(format!("merzim{}", std::env::consts::EXE_SUFFIX));
        assert!(path.exists(), "{} missing", path.display());
        path
    })
}

fn merzim() -> Command {
    let mut c = Command::new(bin());
    // Run from elsewhere: bundled regulations must resolve from any directory.
    c.current_dir(std::env::temp_dir());
    c
}

fn stdout_of(args: &[&str]) -> String {
    let out = merzim()
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("UTF-8 output")
}

fn json_of(args: &[&str]) -> Value {
    serde_json::from_str(&stdout_of(args)).expect("JSON output")
}

const EAST: &str = "east-kazakhstan-2016-land-purpose-change";

// ------------------------------------------------------------------ timeline

#[test]
fn timeline_readme_command() {
    let out = stdout_of(&[
        "timeline",
        "--regulation",
        EAST,
        "--submitted",
        "2026-03-18T16:30",
    ]);
    let ends = [
        "2026-03-18 16:45",
        "2026-03-19 16:45",
        "2026-03-20 09:15",
        "2026-03-27 09:15",
        "2026-04-03 09:15",
        "2026-04-06 09:15",
        "2026-04-10 09:15",
        "2026-04-14 09:15",
        "2026-04-21 09:15",
        "2026-04-22 09:15",
    ];
    let rows: Vec<&str> = out
        .lines()
        .filter(|l| {
            l.split_whitespace()
                .next()
                .is_some_and(|w| w.parse::<u32>().is_ok())
        })
        .collect();
    assert_eq!(rows.len(), 10, "{out}");
    for (k, (row, end)) in rows.iter().zip(ends).enumerate() {
        assert!(row.trim_start().starts_with(&(k + 1).to_string()), "{row}");
        assert!(row.trim_end().ends_with(end), "step {}: {row}", k + 1);
    }
    // Columns line up: every row has its end time at the same column.
    let col: Vec<usize> = rows.iter().map(|r| r.chars().count()).collect();
    assert!(col.windows(2).all(|w| w[0] == w[1]), "{out}");
    let line = |key: &str| {
        out.lines()
            .find(|l| l.starts_with(key))
            .unwrap_or_else(|| panic!("{key}: {out}"))
    };
    assert!(line("Term due").contains("2026-04-16 18:30 +05:00"));
    assert!(line("Term due").contains("30 calendar days"));
    assert!(
        out.contains("2026-04-21 18:30 +05:00 (Tue)  22 working days"),
        "{out}"
    );
    assert!(line("Refusal due").contains("2026-03-19 18:30 +05:00"));
    assert!(line("Within term").contains("no"));
    assert!(line("Chain ends").contains("2026-04-22 09:15"));
}

#[test]
fn timeline_json_and_explain() {
    let j = json_of(&[
        "timeline",
        "--regulation",
        EAST,
        "--submitted",
        "2026-03-18T16:30",
        "--json",
        "--explain",
    ]);
    let steps = j["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 10);
    assert_eq!(steps[0]["number"], 1);
    assert_eq!(steps[0]["end"], "2026-03-18T16:45:00+05:00");
    assert_eq!(steps[9]["end"], "2026-04-22T09:15:00+05:00");
    assert_eq!(j["end"], "2026-04-22T09:15:00+05:00");
    assert_eq!(j["term_due"], "2026-04-16T18:30:00+05:00");
    assert_eq!(j["alternatives"][1]["due"], "2026-04-21T18:30:00+05:00");
    assert_eq!(j["refusal_due"], "2026-03-19T18:30:00+05:00");
    assert_eq!(j["within_term"], false);
    assert_eq!(j["provisional"], false);
    let explain = j["explain"].as_array().unwrap();
    assert!(explain
        .iter()
        .any(|s| s["from"] == "2026-03-23T00:00:00+05:00" && s["reason"] == "holiday"));

    let out = stdout_of(&[
        "timeline",
        "--regulation",
        EAST,
        "--submitted",
        "2026-03-18T16:30",
        "--explain",
    ]);
    assert!(out.contains("2026-03-23: public holiday — Nauryz"), "{out}");
}

#[test]
fn timeline_channels_outcomes_and_paths() {
    // A regulation file by path; the State Corporation channel has a handoff.
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("examples/regulations/{EAST}.toml"));
    let j = json_of(&[
        "timeline",
        "--regulation",
        path.to_str().unwrap(),
        "--submitted",
        "2026-03-18T16:30:00+05:00",
        "--channel",
        "state_corporation",
        "--outcome",
        "refuse",
        "--json",
    ]);
    assert_eq!(j["channel"], "state_corporation");
    assert_eq!(j["outcome"], "refuse");
    assert!(j["handoff"].is_string());
    // No refusal path: invalid input, exit 2.
    merzim()
        .args([
            "timeline",
            "--regulation",
            "akmola-2014-irrigated-land-conversion",
            "--submitted",
            "2026-03-18T16:30",
            "--outcome",
            "refuse",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("refuse"));
}

// ------------------------------------------------------------------ due

#[test]
fn due_examples_of_the_spec() {
    let cases: &[(&str, &str, &[&str], &str)] = &[
        (
            "2026-03-20T16:30",
            "22 working days",
            &[],
            "2026-04-23T18:30:00+05:00",
        ),
        (
            "2026-03-20T16:30",
            "22 working days",
            &["--channel", "state_corporation"],
            "2026-04-24T18:30:00+05:00",
        ),
        (
            "2026-03-20T16:30",
            "22 working days",
            &["--start", "next_day"],
            "2026-04-24T18:30:00+05:00",
        ),
        (
            "2026-03-20T16:30",
            "30 calendar days",
            &[],
            "2026-04-20T18:30:00+05:00",
        ),
        (
            "2026-03-21T10:00",
            "2 working days",
            &["--channel", "portal"],
            "2026-03-27T18:30:00+05:00",
        ),
        (
            "2024-05-04T11:00",
            "1 working day",
            &[],
            "2024-05-04T18:30:00+05:00",
        ),
        (
            "2016-08-27T08:59",
            "36 working days",
            &["--channel", "portal", "--start", "next_day"],
            "2016-10-20T18:30:00+06:00",
        ),
        (
            "2026-03-20T12:50",
            "30 minutes",
            &[],
            "2026-03-20T14:50:00+05:00",
        ),
        (
            "2026-03-20T11:30:00Z",
            "22 working days",
            &[],
            "2026-04-23T18:30:00+05:00",
        ),
    ];
    for (submitted, term, extra, due) in cases {
        let mut args = vec!["due", "--submitted", submitted, "--term", term, "--json"];
        args.extend_from_slice(extra);
        let j = json_of(&args);
        assert_eq!(j["due"], *due, "{args:?}");
    }
}

#[test]
fn due_human_output() {
    let out = stdout_of(&[
        "due",
        "--submitted",
        "2026-03-20T16:30",
        "--term",
        "22 working days",
        "--explain",
    ]);
    assert!(out.contains("Registered    2026-03-20 (Fri)"), "{out}");
    assert!(
        out.contains("Due           2026-04-23 18:30 +05:00 (Thu)"),
        "{out}"
    );
    assert!(out.contains("Provisional   no"), "{out}");
    assert!(out.contains("2026-03-23: public holiday — Nauryz"), "{out}");
    // Other options: midnight end, Russian explanations, another zone and schedule.
    let out = stdout_of(&[
        "due",
        "--submitted",
        "2026-03-20T12:50",
        "--term",
        "30 minutes",
        "--explain",
        "--lang",
        "ru",
    ]);
    assert!(out.contains("обеденный перерыв"), "{out}");
    let j = json_of(&[
        "due",
        "--submitted",
        "2026-03-20T16:30",
        "--term",
        "2 working days",
        "--end",
        "midnight",
        "--tz",
        "Asia/Aqtobe",
        "--schedule",
        "09:00-18:00",
        "--json",
    ]);
    assert_eq!(j["due"], "2026-03-27T00:00:00+05:00");
    assert_eq!(j["tz"], "Asia/Aqtobe");
}

#[test]
fn due_out_of_coverage_and_horizon() {
    merzim()
        .args([
            "due",
            "--submitted",
            "2030-01-10T10:00",
            "--term",
            "5 working days",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("coverage"));
    let j = json_of(&[
        "due",
        "--submitted",
        "2030-01-10T10:00",
        "--term",
        "5 working days",
        "--horizon",
        "provisional",
        "--json",
    ]);
    assert_eq!(j["provisional"], true);
}

// ------------------------------------------------------------------ calendar

#[test]
fn calendar_human() {
    let out = stdout_of(&["calendar", "--year", "2024"]);
    assert!(out.contains("May 2024"), "{out}");
    assert!(out.contains("Mo Tu We Th Fr Sa Su"));
    assert!(out.contains("Legend:"));
    for mark in [
        "5* public holiday",
        "5w working weekend",
        "5~ substitute day off",
        "5> day off moved by an act",
    ] {
        assert!(out.contains(mark), "{mark}");
    }
    // 2024-05-04 (a working Saturday) and 2024-05-08 (moved day off) in the grid.
    assert!(out.contains(" 4w"), "{out}");
    assert!(out.contains(" 8>"), "{out}");
    assert!(out.contains("2024-05-04  Sat  working weekend"), "{out}");
    assert!(out.contains("2024-03-25  Mon  substitute day off"), "{out}");
    assert!(out.contains("Working days:"));
    assert!(out.contains("Year"));
    let ru = stdout_of(&["calendar", "--year", "2026", "--lang", "ru"]);
    assert!(ru.contains("Наурыз"), "{ru}");
}

#[test]
fn calendar_json() {
    let j = json_of(&["calendar", "--year", "2024", "--json"]);
    assert_eq!(j["year"], 2024);
    assert_eq!(j["week"], "five_day");
    let days = j["days"].as_array().unwrap();
    assert_eq!(days.len(), 366);
    let keys: Vec<&str> = days[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected = vec!["date", "working", "kind", "names", "source", "provisional"];
    expected.sort();
    let mut keys = keys;
    keys.sort();
    assert_eq!(keys, expected);
    let may4 = days.iter().find(|d| d["date"] == "2024-05-04").unwrap();
    assert_eq!(may4["working"], true);
    assert_eq!(may4["kind"], "working_weekend");
    let jan1 = &days[0];
    assert_eq!(jan1["names"]["en"], "New Year");
    assert!(jan1["source"].is_string());
    let six = json_of(&["calendar", "--year", "2024", "--week", "six", "--json"]);
    assert_eq!(six["week"], "six_day");
    let sat = six["days"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["date"] == "2024-01-13")
        .unwrap()
        .clone();
    assert_eq!(sat["working"], true);
}

#[test]
fn calendar_out_of_coverage_and_overlay() {
    merzim()
        .args(["calendar", "--year", "2031"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("coverage"));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("order.toml");
    std::fs::write(&file, OVERLAY).unwrap();
    let j = json_of(&[
        "calendar",
        "--year",
        "2026",
        "--calendar",
        file.to_str().unwrap(),
        "--json",
    ]);
    let d = j["days"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["date"] == "2026-04-20")
        .unwrap()
        .clone();
    assert_eq!(d["working"], false);
    merzim()
        .args([
            "calendar",
            "--year",
            "2026",
            "--calendar",
            "/no/such/file.toml",
        ])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("/no/such/file.toml"));
}

// ------------------------------------------------------------------ lint

#[test]
fn lint_commands() {
    let out = stdout_of(&[
        "lint",
        "--regulation",
        EAST,
        "--from",
        "2020",
        "--to",
        "2021",
    ]);
    assert!(out.contains("Does NOT fit"), "{out}");
    assert!(out.contains("state_corporation"), "{out}");
    let j = json_of(&[
        "lint",
        "--regulation",
        "all",
        "--from",
        "2024",
        "--to",
        "2024",
        "--json",
    ]);
    let regs = j["regulations"].as_array().unwrap();
    assert_eq!(regs.len(), 6);
    let east = regs.iter().find(|r| r["regulation"] == EAST).unwrap();
    assert_eq!(east["fits"], false);
    assert!(east["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["cases"].as_u64().unwrap() > 0));
    merzim()
        .args([
            "lint",
            "--regulation",
            EAST,
            "--from",
            "2026",
            "--to",
            "2020",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--from 2015 --to 2026"));
}

// ------------------------------------------------------------------ batch

const BATCH: &str = r#"{"id": "a1", "submitted": "2026-03-20T16:30:00", "term": "22 working days", "channel": "provider", "start": "submission_day", "tz": "Asia/Almaty"}
{"id": "b7", "regulation": "east-kazakhstan-2016-land-purpose-change", "submitted": "2026-03-18T16:30:00", "channel": "provider", "outcome": "approve"}
{"id": "c1", "submitted": "2026-03-20T11:30:00Z", "term": "22 working days"}
{"id": "d1", "submitted":
{"id": "e1", "term": "22 working days"}
{"id": "f1", "submitted": "2026-03-20T16:30", "term": "22 working days", "channel": "fax"}
{"id": "g1", "submitted": "2027-12-20T16:30", "term": "22 working days"}

[1, 2]
{"id": 8, "submitted": "2026-03-21T10:00", "term": "2 working days", "channel": "portal"}
"#;

#[test]
fn batch_contract() {
    let out = merzim()
        .arg("batch")
        .write_stdin(BATCH)
        .assert()
        .success()
        .stderr("")
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect(l))
        .collect();
    assert_eq!(lines.len(), BATCH.lines().count());
    assert_eq!(
        out.lines().next().unwrap(),
        r#"{"id":"a1","registered":"2026-03-20","due":"2026-04-23T18:30:00+05:00","provisional":false}"#
    );
    let b7 = &lines[1];
    assert_eq!(b7["id"], "b7");
    assert_eq!(b7["steps"].as_array().unwrap().len(), 10);
    assert_eq!(b7["steps"][9]["end"], "2026-04-22T09:15:00+05:00");
    assert_eq!(b7["end"], "2026-04-22T09:15:00+05:00");
    assert_eq!(b7["term_due"], "2026-04-16T18:30:00+05:00");
    assert_eq!(b7["within_term"], false);
    assert_eq!(b7["refusal_due"], "2026-03-19T18:30:00+05:00");
    // An RFC 3339 instant: 11:30Z is 16:30 in Almaty.
    assert_eq!(lines[2]["due"], "2026-04-23T18:30:00+05:00");
    // Malformed JSON, missing field, unknown channel, out of coverage, blank line, not an object.
    assert_eq!(lines[3]["error"]["kind"], "invalid_input");
    assert_eq!(lines[4]["id"], "e1");
    assert!(lines[4]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("submitted"));
    assert_eq!(lines[5]["id"], "f1");
    assert!(lines[5]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("fax"));
    assert_eq!(lines[6]["id"], "g1");
    assert_eq!(lines[6]["error"]["kind"], "out_of_coverage");
    assert_eq!(lines[7]["error"]["kind"], "invalid_input");
    assert_eq!(lines[8]["error"]["kind"], "invalid_input");
    // Processing went on after the errors.
    assert_eq!(lines[9]["id"], 8);
    assert_eq!(lines[9]["due"], "2026-03-27T18:30:00+05:00");
}

#[test]
fn batch_edges() {
    // Empty input, no trailing newline, CRLF, invalid UTF-8, a single thread.
    merzim()
        .arg("batch")
        .write_stdin("")
        .assert()
        .success()
        .stdout("");
    let one = r#"{"id":1,"submitted":"2026-03-20T16:30","term":"1 working day"}"#;
    merzim()
        .arg("batch")
        .write_stdin(one)
        .assert()
        .success()
        .stdout("{\"id\":1,\"registered\":\"2026-03-20\",\"due\":\"2026-03-20T18:30:00+05:00\",\"provisional\":false}\n");
    let out = merzim()
        .args(["batch", "--threads", "1"])
        .write_stdin(
            format!("{one}\r\n\u{0}\n")
                .into_bytes()
                .into_iter()
                .chain(*b"\xff\xfe\n")
                .collect::<Vec<u8>>(),
        )
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(lines[0].contains("\"due\""));
    assert!(lines[1].contains("\"error\""));
    assert!(lines[2].contains("UTF-8"));
}

#[test]
fn batch_many_threads_keep_order() {
    let input: String = (0..20_000)
        .map(|i| {
            if i % 7 == 0 {
                format!("{{\"id\":{i},\"regulation\":\"{EAST}\",\"submitted\":\"2025-0{}-1{}T1{}:00\"}}\n", 1 + i % 9, i % 10, i % 9)
            } else {
                format!("{{\"id\":{i},\"submitted\":\"2025-0{}-1{}T1{}:30\",\"term\":\"{} working days\"}}\n", 1 + i % 9, i % 10, i % 9, 1 + i % 30)
            }
        })
        .collect();
    let run = |threads: &str| {
        merzim()
            .args(["batch", "--threads", threads])
            .write_stdin(input.clone())
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    let one = run("1");
    assert_eq!(one, run("4"));
    let text = String::from_utf8(one).unwrap();
    for (i, l) in text.lines().enumerate() {
        assert!(l.starts_with(&format!("{{\"id\":{i},")), "line {i}: {l}");
        assert!(!l.contains("error"), "{l}");
    }
}

/// The bundled regulation file `akmola-2014-cadastral-value.toml`, copied
/// under the id `my-cadastral` into `dir`.
fn my_cadastral(dir: &Path) -> PathBuf {
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/regulations/akmola-2014-cadastral-value.toml");
    let text = std::fs::read_to_string(bundled).unwrap();
    let mut replaced = 0;
    let text: String = text
        .lines()
        .map(|l| {
            if l.starts_with("id = ") {
                replaced += 1;
                "id = \"my-cadastral\"".to_string()
            } else {
                l.to_string()
            }
        })
        .map(|l| l + "\n")
        .collect();
    assert_eq!(replaced, 1, "one id line");
    let path = dir.join("my-cadastral.toml");
    std::fs::write(&path, text).unwrap();
    path
}

fn batch_lines(args: &[&str], input: &str) -> Vec<Value> {
    let out = merzim()
        .args(args)
        .write_stdin(input.to_string())
        .assert()
        .success()
        .stderr("")
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect(l))
        .collect()
}

#[test]
fn batch_line_cannot_name_a_regulation_file() {
    // A valid regulation file, named by path (absolute, relative, Windows-style):
    // the line is refused as invalid input and the file is never read.
    let dir = tempfile::tempdir().unwrap();
    let file = my_cadastral(dir.path());
    let bundled =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("examples/regulations/{EAST}.toml"));
    let paths = [
        file.to_str().unwrap().to_string(),
        bundled.to_str().unwrap().to_string(),
        "my-cadastral.toml".to_string(),
        "./my-cadastral".to_string(),
        "..\\my-cadastral.toml".to_string(),
    ];
    let input: String = paths
        .iter()
        .enumerate()
        .map(|(i, p)| {
            format!(
                "{}\n",
                serde_json::json!({"id": i, "regulation": p, "submitted": "2026-03-18T16:30:00"})
            )
        })
        .collect();
    // From the directory that holds the file, so that relative paths would resolve.
    let out = merzim()
        .current_dir(dir.path())
        .arg("batch")
        .write_stdin(input)
        .assert()
        .success()
        .stderr("")
        .get_output()
        .stdout
        .clone();
    let lines: Vec<Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect(l))
        .collect();
    assert_eq!(lines.len(), paths.len());
    for (i, l) in lines.iter().enumerate() {
        assert_eq!(l["id"], i, "{l}");
        assert_eq!(l["error"]["kind"], "invalid_input", "{l}");
        assert!(l.get("steps").is_none(), "{l}");
        assert!(
            l["error"]["message"]
                .as_str()
                .unwrap()
                .contains("--regulations"),
            "{l}"
        );
    }
}

#[test]
fn batch_regulations_option_registers_files() {
    let dir = tempfile::tempdir().unwrap();
    let file = my_cadastral(dir.path());
    let input = "{\"id\":\"mine\",\"regulation\":\"my-cadastral\",\"submitted\":\"2026-03-18T16:30:00\",\"channel\":\"state_corporation\"}\n\
                 {\"id\":\"mine\",\"regulation\":\"akmola-2014-cadastral-value\",\"submitted\":\"2026-03-18T16:30:00\",\"channel\":\"state_corporation\"}\n";
    // Without the option the id is unknown.
    let lines = batch_lines(&["batch"], input);
    assert_eq!(lines[0]["id"], "mine");
    assert_eq!(lines[0]["error"]["kind"], "invalid_input");
    assert!(lines[0]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("my-cadastral"));
    // With it, the copy answers exactly as the bundled original (but for the
    // id in the warnings).
    let lines = batch_lines(&["batch", "--regulations", file.to_str().unwrap()], input);
    assert_eq!(lines.len(), 2);
    assert!(lines[0].get("error").is_none(), "{}", lines[0]);
    assert_eq!(lines[0]["steps"].as_array().unwrap().len(), 5);
    for key in [
        "steps",
        "end",
        "term_due",
        "refusal_due",
        "handoff",
        "provisional",
    ] {
        assert_eq!(lines[0][key], lines[1][key], "{key}");
    }
    // Several files, and the option repeated.
    let other = dir.path().join("other-regulation.toml");
    std::fs::write(
        &other,
        std::fs::read_to_string(&file)
            .unwrap()
            .replace("id = \"my-cadastral\"", "id = \"other-regulation\""),
    )
    .unwrap();
    let both =
        "{\"id\":1,\"regulation\":\"other-regulation\",\"submitted\":\"2026-03-18T16:30:00\"}\n\
                {\"id\":2,\"regulation\":\"my-cadastral\",\"submitted\":\"2026-03-18T16:30:00\"}\n";
    for args in [
        vec![
            "batch",
            "--regulations",
            file.to_str().unwrap(),
            other.to_str().unwrap(),
        ],
        vec![
            "batch",
            "--regulations",
            file.to_str().unwrap(),
            "--regulations",
            other.to_str().unwrap(),
        ],
    ] {
        let lines = batch_lines(&args, both);
        assert_eq!(lines.len(), 2);
        assert!(lines.iter().all(|l| l.get("steps").is_some()), "{lines:?}");
    }
    // diff takes the option too: same calendar on both sides, nothing printed.
    let empty = dir.path().join("empty.toml");
    std::fs::write(&empty, "").unwrap();
    merzim()
        .args([
            "diff",
            "--old",
            empty.to_str().unwrap(),
            "--new",
            empty.to_str().unwrap(),
            "--regulations",
            file.to_str().unwrap(),
        ])
        .write_stdin(input)
        .assert()
        .success()
        .stdout("");
    // A new calendar that moves a day inside the chain: the registered regulation's case is printed.
    let order = dir.path().join("order.toml");
    std::fs::write(&order, OVERLAY_MARCH).unwrap();
    let out = merzim()
        .args([
            "diff",
            "--old",
            empty.to_str().unwrap(),
            "--new",
            order.to_str().unwrap(),
            "--regulations",
            file.to_str().unwrap(),
        ])
        .write_stdin(input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let changed: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(changed.len(), 2, "{out}");
    assert!(changed[0]["old"].get("steps").is_some(), "{out}");
    assert_ne!(changed[0]["old"]["end"], changed[0]["new"]["end"], "{out}");
    // A file that cannot be read: I/O, exit 3; an id that is already bundled: exit 2.
    merzim()
        .args(["batch", "--regulations", "/no/such/regulation.toml"])
        .write_stdin(input)
        .assert()
        .code(3)
        .stdout("")
        .stderr(predicate::str::contains("/no/such/regulation.toml"));
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples/regulations/akmola-2014-cadastral-value.toml");
    merzim()
        .args(["batch", "--regulations", bundled.to_str().unwrap()])
        .write_stdin(input)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("akmola-2014-cadastral-value"));
}

/// A day off on 2026-03-19, inside the chain of a submission on 2026-03-18.
const OVERLAY_MARCH: &str = r#"
[[act]]
id = "example-march-order"
source = "an example order"
[[act.day_off]]
date = "2026-03-19"
"#;

// ------------------------------------------------------------------ diff

const OVERLAY: &str = r#"
[[act]]
id = "example-order"
source = "an example order"
[[act.day_off]]
date = "2026-04-20"
"#;

#[test]
fn diff_prints_changed_cases_only() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.toml");
    let new = dir.path().join("new.toml");
    std::fs::write(&old, "").unwrap();
    std::fs::write(&new, OVERLAY).unwrap();
    let out = merzim()
        .args([
            "diff",
            "--old",
            old.to_str().unwrap(),
            "--new",
            new.to_str().unwrap(),
        ])
        .write_stdin(BATCH)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let ids: Vec<&Value> = lines.iter().map(|l| &l["id"]).collect();
    assert_eq!(ids, ["a1", "b7", "c1"], "{out}");
    assert_eq!(lines[0]["old"]["due"], "2026-04-23T18:30:00+05:00");
    assert_eq!(lines[0]["new"]["due"], "2026-04-24T18:30:00+05:00");
    assert_eq!(lines[1]["new"]["end"], "2026-04-23T09:15:00+05:00");
    // Same file on both sides: nothing changes.
    merzim()
        .args([
            "diff",
            "--old",
            new.to_str().unwrap(),
            "--new",
            new.to_str().unwrap(),
        ])
        .write_stdin(BATCH)
        .assert()
        .success()
        .stdout("");
    // A bad data file: exit 1, the message names the file.
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[[act]]\nid = 5\n").unwrap();
    merzim()
        .args([
            "diff",
            "--old",
            old.to_str().unwrap(),
            "--new",
            bad.to_str().unwrap(),
        ])
        .write_stdin(BATCH)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("bad.toml"));
}

// ------------------------------------------------------------------ arguments

#[test]
fn bad_arguments_exit_2_with_an_example() {
    let cases: &[(&[&str], &str)] = &[
        (
            &[
                "due",
                "--submitted",
                "2026-03-20T16:30",
                "--term",
                "22 weeks",
            ],
            "22 working days",
        ),
        (
            &[
                "due",
                "--submitted",
                "yesterday",
                "--term",
                "2 working days",
            ],
            "2026-03-20T16:30",
        ),
        (
            &[
                "due",
                "--submitted",
                "2026-03-20T16:30",
                "--term",
                "2 working days",
                "--channel",
                "fax",
            ],
            "state_corporation",
        ),
        (
            &[
                "due",
                "--submitted",
                "2026-03-20T16:30",
                "--term",
                "2 working days",
                "--tz",
                "Mars/Base",
            ],
            "Asia/Almaty",
        ),
        (
            &[
                "due",
                "--submitted",
                "2026-03-20T16:30",
                "--term",
                "2 working days",
                "--schedule",
                "9-18",
            ],
            "09:00-13:00",
        ),
        (
            &[
                "due",
                "--submitted",
                "2026-03-20T16:30",
                "--term",
                "0 working days",
            ],
            "at least 1",
        ),
        (&["due", "--term", "2 working days"], "--submitted"),
        (
            &[
                "timeline",
                "--regulation",
                "nope",
                "--submitted",
                "2026-03-20T16:30",
            ],
            EAST,
        ),
        (&["calendar", "--year", "twenty"], "--year"),
        (&["calendar", "--year", "2026", "--week", "four"], "five"),
        (&["frobnicate"], "frobnicate"),
    ];
    for (args, hint) in cases {
        merzim()
            .args(*args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains("error").and(predicate::str::contains(*hint)));
    }
}

#[test]
fn help_documents_exit_codes() {
    merzim().arg("--help").assert().success().stdout(
        predicate::str::contains("Exit codes:")
            .and(predicate::str::contains("2  bad arguments"))
            .and(predicate::str::contains("3  I/O error")),
    );
    merzim()
        .args(["batch", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Exit codes:"));
    merzim().assert().code(2);
}

#[test]
fn closed_stdout_is_not_an_error() {
    let mut child = std::process::Command::new(bin())
        .args(["calendar", "--year", "2026", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 1];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{:?}", out.status);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

// ------------------------------------------------------------------ large batch

/// The peak resident set of a live process, in KiB (Linux).
fn peak_rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn batch_one_million_lines_in_constant_memory() {
    const N: usize = 1_000_000;
    let mut child = std::process::Command::new(bin())
        .arg("batch")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let pid = child.id();
    let mut stdin = child.stdin.take().unwrap();
    // Generate the input while the output is read: nothing is held in memory.
    let writer = std::thread::spawn(move || {
        let mut w = std::io::BufWriter::new(&mut stdin);
        for i in 0..N {
            let (m, d, h) = (1 + i % 12, 1 + i % 28, 8 + i % 11);
            if i % 1000 == 999 {
                writeln!(
                    w,
                    "{{\"id\":{i},\"submitted\":\"not a time\",\"term\":\"1 working day\"}}"
                )
                .unwrap();
            } else if i % 100 == 0 {
                writeln!(w, "{{\"id\":{i},\"regulation\":\"{EAST}\",\"submitted\":\"2025-{m:02}-{d:02}T{h:02}:10\"}}").unwrap();
            } else {
                writeln!(
                    w,
                    "{{\"id\":{i},\"submitted\":\"20{:02}-{m:02}-{d:02}T{h:02}:{:02}\",\"term\":\"{} working days\"}}",
                    5 + i % 20,
                    i % 60,
                    1 + i % 40
                )
                .unwrap();
            }
        }
        w.flush().unwrap();
        drop(w);
        stdin // kept open until the output is read, so the child is alive to be measured
    });
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    let mut count = 0usize;
    let mut errors = 0usize;
    while count < N {
        line.clear();
        if reader.read_line(&mut line).unwrap() == 0 {
            break;
        }
        let prefix = format!("{{\"id\":{count},");
        assert!(line.starts_with(&prefix), "line {count}: {line}");
        if line.contains("\"error\"") {
            errors += 1;
        }
        count += 1;
    }
    assert_eq!(count, N);
    assert_eq!(errors, N / 1000);
    let stdin = writer.join().unwrap();
    let peak = peak_rss_kib(pid);
    drop(stdin);
    let mut rest = String::new();
    reader.read_to_string(&mut rest).unwrap();
    assert_eq!(rest, "", "no output beyond one line per input line");
    assert!(child.wait().unwrap().success());
    if cfg!(target_os = "linux") {
        let peak = peak.expect("VmHWM of the running batch");
        eprintln!("batch of {N} lines: peak RSS {peak} KiB");
        assert!(peak < 64 * 1024, "peak RSS {peak} KiB");
    }
}

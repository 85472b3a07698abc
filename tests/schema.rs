//! The JSON Schema of the batch contract: shipped in `docs/`, current with the
//! types, and true of real requests and responses.

use std::path::Path;

use merzim::batch::{request_schema, response_schema, schema_fields, Evaluator};
use merzim::Calendar;
use serde_json::Value;

/// Regenerates `docs/<name>` and fails (rewriting it) when it was stale.
fn current(name: &str, text: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs")
        .join(name);
    let shipped = std::fs::read_to_string(&path).unwrap_or_default();
    if shipped != text {
        std::fs::write(&path, text).unwrap();
        panic!("docs/{name} was stale and has been regenerated: run the tests again and commit it");
    }
}

#[test]
fn shipped_schemas_are_current() {
    current("batch-request.schema.json", &request_schema());
    current("batch-response.schema.json", &response_schema());
}

fn validator(schema: &str) -> jsonschema::Validator {
    jsonschema::validator_for(&serde_json::from_str(schema).unwrap()).unwrap()
}

const LINES: &[&str] = &[
    r#"{"id": "a1", "submitted": "2026-03-20T16:30:00", "term": "22 working days"}"#,
    r#"{"id": 7, "submitted": "2026-03-20T16:30:00+05:00", "term": "22 рабочих дня", "channel": "state_corporation", "start": "next_day", "end": "midnight", "tz": "Asia/Aqtobe", "schedule": "09:00-18:00", "week": "six", "horizon": "provisional"}"#,
    r#"{"id": "b7", "regulation": "east-kazakhstan-2016-land-purpose-change", "submitted": "2026-03-18T16:30:00", "channel": "portal", "outcome": "refuse"}"#,
    r#"{"id": "x1", "submitted": "2026-03-20T16:30", "term": "5 working days", "explain": true, "lang": "ru"}"#,
    r#"{"id": "x2", "regulation": "east-kazakhstan-2016-land-purpose-change", "submitted": "2026-03-18T16:30", "explain": true}"#,
    r#"{"id": "x3", "regulation": "east-kazakhstan-2016-land-purpose-change", "submitted": "2026-03-18T16:30", "term_start": "next_day", "refusal_start": "next_day"}"#,
    r#"{"id": "c", "regulation": "akmola-2014-cadastral-value", "submitted": "2027-12-27T10:00", "channel": "state_corporation"}"#,
    r#"{"id": "e1", "submitted": "2031-01-05T10:00", "term": "1 working day"}"#,
    r#"{"id": "e2", "regulation": "/etc/passwd", "submitted": "2026-03-20T10:00"}"#,
    r#"{"id": 12345678901234567890123, "submitted": "2026-03-20T10:00", "term": "0 working days"}"#,
    r#"{"id": "d1", "submitted": "#,
    "not json",
];

#[test]
fn real_requests_and_responses_follow_the_schemas() {
    let requests = validator(&request_schema());
    let responses = validator(&response_schema());
    let ev = Evaluator::new(Calendar::kazakhstan());
    for line in LINES {
        let out: Value = serde_json::from_str(&ev.evaluate_json(line)).unwrap();
        assert!(responses.is_valid(&out), "{line} -> {out}");
        if let Ok(request) = serde_json::from_str::<Value>(line) {
            let accepted = out.get("error").is_none() || out["error"]["kind"] == "out_of_coverage";
            // A request the engine accepts is valid for the schema.
            if accepted {
                assert!(requests.is_valid(&request), "{line}");
            }
        }
    }
    // A field the schema does not know is refused by both.
    let bad: Value = serde_json::from_str(
        r#"{"id": 1, "submitted": "2026-03-20T10:00", "term": "1 working day", "colour": "red"}"#,
    )
    .unwrap();
    assert!(!requests.is_valid(&bad));
}

#[test]
fn the_parser_accepts_exactly_the_schema_fields() {
    let ev = Evaluator::new(Calendar::kazakhstan());
    let (term, regulation) = schema_fields();
    let value = |field: &str| match field {
        "id" => "1",
        "submitted" => "\"2026-03-20T10:00\"",
        "term" => "\"1 working day\"",
        "regulation" => "\"east-kazakhstan-2016-land-purpose-change\"",
        "channel" => "\"provider\"",
        "start" => "\"next_day\"",
        "end" => "\"midnight\"",
        "outcome" => "\"approve\"",
        "term_start" | "refusal_start" => "\"next_day\"",
        "tz" => "\"Asia/Almaty\"",
        "schedule" => "\"09:00-18:00\"",
        "week" => "\"five\"",
        "horizon" => "\"coverage\"",
        "as_known_on" => "\"2024-04-01\"",
        "explain" => "true",
        "lang" => "\"kk\"",
        other => panic!("the test has no value for the schema field {other}"),
    };
    for fields in [&term, &regulation] {
        let body: Vec<String> = fields
            .iter()
            .map(|f| format!("\"{f}\": {}", value(f)))
            .collect();
        let line = format!("{{{}}}", body.join(", "));
        let out = ev.evaluate_json(&line);
        assert!(!out.contains("\"error\""), "{line} -> {out}");
    }
    assert!(term.contains(&"term".to_string()) && regulation.contains(&"outcome".to_string()));
}

//! One batch line as bytes (`Evaluator::evaluate_bytes`): never a panic, never
//! an `internal` error, always one line of JSON with an id; and for a term
//! request, the answer the library gives for the same question.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use merzim::batch::{Evaluator, Request, Response};
use merzim::{format_rfc3339, ErrorKind, OfficeTime};

fn evaluator() -> &'static Evaluator {
    static E: OnceLock<Evaluator> = OnceLock::new();
    E.get_or_init(|| Evaluator::new(merzim_fuzz::calendar().clone()))
}

fuzz_target!(|data: &[u8]| {
    let ev = evaluator();
    let r = ev.evaluate_bytes(data);
    let json = r.to_json();
    assert!(!json.contains('\n'), "one line: {json}");
    // Raw values: an id comes back exactly as sent, however big a number.
    let v: std::collections::BTreeMap<String, Box<serde_json::value::RawValue>> =
        serde_json::from_str(&json).expect("the answer is a JSON object");
    assert!(v.get("id").is_some(), "an id: {json}");
    assert_eq!(
        v.get("error").is_some(),
        r.error_kind().is_some(),
        "error line iff error kind: {json}"
    );
    assert_ne!(r.error_kind(), Some(ErrorKind::Internal), "{json}");
    // The same line again gives the same answer (the caches change nothing).
    assert_eq!(ev.evaluate_bytes(data).to_json(), json);

    // Differential: the batch answer == the library's answer.
    let Ok(line) = std::str::from_utf8(data) else {
        return;
    };
    // `Request::from_json` skips a BOM itself (as `evaluate_bytes` does).
    let line = line.strip_suffix('\n').unwrap_or(line);
    let line = line.strip_suffix('\r').unwrap_or(line);
    let Ok(Request::Term(t)) = Request::from_json(line) else {
        return;
    };
    if t.schedule.is_some() || t.week.is_some() || t.horizon.is_some() || t.as_known_on.is_some() {
        return;
    }
    let office = OfficeTime::state_body(ev.calendar()).with_zone(t.tz);
    let lib =
        t.tz.local_of(t.submitted)
            .and_then(|s| office.legal_due(s, t.term, t.options));
    match (lib, &r) {
        (Ok(d), Response::Term(b)) => {
            assert_eq!(b.due, format_rfc3339(d.due_zoned()), "{line}");
            assert_eq!(b.registered, d.registered.to_string(), "{line}");
            assert_eq!(b.provisional, d.provisional, "{line}");
        }
        (Ok(d), _) => panic!("library: {d:?}; batch: {json}"),
        (Err(e), _) => assert_eq!(
            r.error_kind(),
            Some(e.kind()),
            "library: {e}; batch: {json}"
        ),
    }
});

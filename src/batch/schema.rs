//! The JSON Schema of the contract, generated from the types: the request
//! lines (documented here, field by field, as the parser in `request.rs`
//! reads them) and the response lines (the types of `response.rs`).
//! `docs/batch-request.schema.json` and `docs/batch-response.schema.json` are
//! these schemas; a test regenerates them and fails when they are stale.

use schemars::JsonSchema;

use super::{Id, Response};
use crate::calendar::Horizon;
use crate::legal::{Channel, StartRule, TermEnd};
use crate::names::Lang;
use crate::regulation::Outcome;
use crate::week::Week;

/// A term case: the legal term of one submission.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)] // read by the schema generator only
struct TermLine {
    /// The caller's id (a string or a number), echoed back exactly.
    id: Id,
    /// When the documents were submitted: local time of the office
    /// (`2026-03-20T16:30` or `20.03.2026 16:30`, seconds allowed) or an
    /// RFC 3339 instant (`2026-03-20T16:30:00+05:00`). Always with a time of
    /// day, so that the answer is the same whenever the line is evaluated: no
    /// `now`, no `today`, no date alone.
    submitted: String,
    /// The term, in English, Russian or Kazakh: `22 working days`,
    /// `30 calendar days`, `15 minutes`, `2 hours`, `1 month`, `2 рабочих дня`,
    /// `5 жұмыс күні`.
    term: String,
    /// How the documents reached the provider (default `provider`).
    channel: Option<Channel>,
    /// Day 1 of a term in days (default `submission_day`).
    start: Option<StartRule>,
    /// When the last day ends (default `close_of_business`).
    end: Option<TermEnd>,
    /// The office's IANA time zone (default `Asia/Almaty`).
    tz: Option<String>,
    /// Office hours: `09:00-13:00,14:30-18:30` (the default) or per weekday
    /// `mon-fri 09:00-18:00; sat 09:00-13:00`.
    schedule: Option<String>,
    /// The working week (default: the evaluator's, five-day).
    week: Option<Week>,
    /// `coverage` (the default) or `provisional` (statutory rules past the data).
    horizon: Option<Horizon>,
    /// Count on the calendar as it was known on this date (`YYYY-MM-DD`):
    /// only the acts adopted by then (default: as known now).
    #[schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    as_known_on: Option<String>,
    /// List what did not count between the submission and the due instant
    /// (default `false`).
    explain: Option<bool>,
    /// The language of texts a person reads in the answer: `kk`, `ru` or
    /// `en` (the default).
    lang: Option<Lang>,
}

/// A regulation case: a regulation's timeline for one submission.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)] // read by the schema generator only
struct RegulationLine {
    /// The caller's id (a string or a number), echoed back exactly.
    id: Id,
    /// A regulation id (lowercase letters, digits and `-`): a bundled one or
    /// one the host registered. Never a path.
    #[schemars(regex(pattern = r"^[a-z0-9-]{1,200}$"))]
    regulation: String,
    /// When the documents were submitted (as in a term case).
    submitted: String,
    /// How the documents reached the provider (default `provider`); it must
    /// be one the regulation offers.
    channel: Option<Channel>,
    /// Which result the chain leads to (default `approve`).
    outcome: Option<Outcome>,
    /// Day 1 of the overall term: `submission_day` (the default) or
    /// `next_day` (Civil Code art. 173).
    term_start: Option<StartRule>,
    /// Day 1 of the refusal for incomplete documents: `submission_day` (the
    /// default) or `next_day`.
    refusal_start: Option<StartRule>,
    /// The office's IANA time zone (default `Asia/Almaty`).
    tz: Option<String>,
    /// Office hours (as in a term case).
    schedule: Option<String>,
    /// The working week (default: the evaluator's, five-day).
    week: Option<Week>,
    /// `coverage` (the default) or `provisional`.
    horizon: Option<Horizon>,
    /// Count on the calendar as it was known on this date (`YYYY-MM-DD`).
    #[schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    as_known_on: Option<String>,
    /// List what did not count up to the later of the chain's end and the
    /// term's due (default `false`).
    explain: Option<bool>,
    /// The language of texts a person reads: `kk`, `ru` or `en` (the default).
    lang: Option<Lang>,
}

/// One line of the batch contract: a term case or a regulation case.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)] // read by the schema generator only
enum RequestLine {
    /// A regulation case (it has `regulation`).
    Regulation(RegulationLine),
    /// A term case.
    Term(TermLine),
}

/// The JSON Schema of a request line, as pretty JSON.
pub fn request_schema() -> String {
    pretty(schemars::schema_for!(RequestLine))
}

/// The JSON Schema of a response line, as pretty JSON.
pub fn response_schema() -> String {
    // Responses are written, never read: fields the contract leaves out when
    // empty (`handoff`, `warnings`, …) are optional.
    pretty(
        schemars::generate::SchemaSettings::draft2020_12()
            .for_serialize()
            .into_generator()
            .into_root_schema_for::<Response>(),
    )
}

fn pretty(schema: schemars::Schema) -> String {
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
}

/// The field names of each case, as the schema lists them (the parser's
/// lists are checked against these by the tests).
#[doc(hidden)]
pub fn schema_fields() -> (Vec<String>, Vec<String>) {
    let keys = |schema: schemars::Schema| -> Vec<String> {
        schema
            .get("properties")
            .and_then(|p| p.as_object())
            .map(|p| p.keys().cloned().collect())
            .unwrap_or_default()
    };
    (
        keys(schemars::schema_for!(TermLine)),
        keys(schemars::schema_for!(RegulationLine)),
    )
}

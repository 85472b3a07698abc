//! Reading one line of the batch contract into a [`Request`].

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::value::RawValue;

use super::Id;
use crate::calendar::Horizon;
use crate::error::{excerpt, quoted};
use crate::legal::{Channel, LegalOptions, StartRule, TermEnd};
use crate::names::Lang;
use crate::regulation::{Outcome, TimelineOptions};
use crate::schedule::Schedule;
use crate::term::Term;
use crate::week::Week;
use crate::zone::{Submitted, Zone};
use crate::{Error, Result};

/// The longest batch line accepted, in bytes (1 MiB). A longer line is an
/// `invalid_input` error; the next line is still answered.
pub const MAX_LINE_BYTES: usize = 1 << 20;

/// A term case: a legal term for one submission.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct TermRequest {
    /// The caller's id, echoed back.
    pub id: Id,
    /// The submission.
    pub submitted: Submitted,
    /// The term.
    pub term: Term,
    /// Channel, start rule and end of the last day.
    pub options: LegalOptions,
    /// The office's zone.
    pub tz: Zone,
    /// The office schedule; `None` for the state-body default.
    pub schedule: Option<Schedule>,
    /// The working week; `None` for the evaluator's calendar as it is.
    pub week: Option<Week>,
    /// The horizon; `None` for the evaluator's calendar as it is.
    pub horizon: Option<Horizon>,
    /// The calendar as known on this date (RULES.md §9); `None`: as known now.
    pub as_known_on: Option<NaiveDate>,
    /// Whether the answer lists what did not count (`explain`).
    pub explain: bool,
    /// The language of the texts a person reads in the answer.
    pub lang: Lang,
}

impl TermRequest {
    /// A term case with every option at its default.
    pub fn new(id: Id, submitted: Submitted, term: Term) -> TermRequest {
        TermRequest {
            id,
            submitted,
            term,
            options: LegalOptions::default(),
            tz: Zone::default(),
            schedule: None,
            week: None,
            horizon: None,
            as_known_on: None,
            explain: false,
            lang: Lang::default(),
        }
    }
}

/// A regulation case: a regulation's timeline for one submission.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RegulationRequest {
    /// The caller's id, echoed back.
    pub id: Id,
    /// The regulation's id: a bundled one, or one registered on the
    /// [`Evaluator`](super::Evaluator). Never a path.
    pub regulation: String,
    /// The submission.
    pub submitted: Submitted,
    /// The channel.
    pub channel: Channel,
    /// The outcome.
    pub outcome: Outcome,
    /// The start rules of the overall term and the refusal (`term_start`,
    /// `refusal_start`).
    pub options: TimelineOptions,
    /// The office's zone.
    pub tz: Zone,
    /// The office schedule; `None` for the state-body default.
    pub schedule: Option<Schedule>,
    /// The working week; `None` for the evaluator's calendar as it is.
    pub week: Option<Week>,
    /// The horizon; `None` for the evaluator's calendar as it is.
    pub horizon: Option<Horizon>,
    /// The calendar as known on this date (RULES.md §9); `None`: as known now.
    pub as_known_on: Option<NaiveDate>,
    /// Whether the answer lists what did not count (`explain`).
    pub explain: bool,
    /// The language of the texts a person reads in the answer.
    pub lang: Lang,
}

impl RegulationRequest {
    /// A regulation case with every option at its default.
    pub fn new(id: Id, regulation: impl Into<String>, submitted: Submitted) -> RegulationRequest {
        RegulationRequest {
            id,
            regulation: regulation.into(),
            submitted,
            channel: Channel::default(),
            outcome: Outcome::default(),
            options: TimelineOptions::default(),
            tz: Zone::default(),
            schedule: None,
            week: None,
            horizon: None,
            as_known_on: None,
            explain: false,
            lang: Lang::default(),
        }
    }
}

/// One line of the batch contract.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Request {
    /// `{"id", "submitted", "term", …}`.
    Term(TermRequest),
    /// `{"id", "regulation", "submitted", …}`.
    Regulation(RegulationRequest),
}

impl Request {
    /// The caller's id.
    pub fn id(&self) -> &Id {
        match self {
            Request::Term(t) => &t.id,
            Request::Regulation(r) => &r.id,
        }
    }

    /// Reads one JSON line. On failure returns the id (when it could be read)
    /// and the error.
    ///
    /// # Errors
    ///
    /// An [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) error
    /// for malformed JSON, a value that is not an object, a duplicate, unknown
    /// or missing field, or a field whose value cannot be read; the message
    /// names the field.
    pub fn from_json(line: &str) -> std::result::Result<Request, (Id, Error)> {
        let line = line.strip_prefix('\u{feff}').unwrap_or(line);
        if !line.trim_start().starts_with('{') {
            let what = if serde_json::from_str::<&RawValue>(line).is_ok() {
                "expected a JSON object such as {\"id\": \"a1\", \"submitted\": \"2026-03-20T16:30:00\", \"term\": \"22 working days\"}".to_string()
            } else {
                malformed(line)
            };
            return Err((Id::null(), Error::invalid_input(what)));
        }
        let fields: Fields = serde_json::from_str(line).map_err(|e| {
            let message = if e.is_data() {
                format!("{e}")
            } else {
                malformed(line)
            };
            (salvage_id(line), Error::invalid_input(message))
        })?;
        let id = match fields.id {
            None => return Err((Id::null(), Error::invalid_input("missing field `id`"))),
            Some(raw) => Id::from_raw(raw).ok_or_else(|| {
                (
                    Id::null(),
                    Error::invalid_input(format!(
                        "field `id` must be a string or a number, not {}",
                        excerpt(raw.get())
                    )),
                )
            })?,
        };
        fields.into_request(id.clone()).map_err(|e| (id, e))
    }
}

fn malformed(line: &str) -> String {
    match serde_json::from_str::<serde::de::IgnoredAny>(line) {
        Err(e) => format!("malformed JSON: {e}"),
        Ok(_) => "malformed JSON".to_string(),
    }
}

/// Every field of a line, as raw JSON text: serde rejects unknown and
/// duplicate fields, and each value is read with the library's own parser.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Fields<'a> {
    #[serde(borrow)]
    id: Option<&'a RawValue>,
    #[serde(borrow)]
    regulation: Option<&'a RawValue>,
    #[serde(borrow)]
    submitted: Option<&'a RawValue>,
    #[serde(borrow)]
    term: Option<&'a RawValue>,
    #[serde(borrow)]
    channel: Option<&'a RawValue>,
    #[serde(borrow)]
    start: Option<&'a RawValue>,
    #[serde(borrow)]
    end: Option<&'a RawValue>,
    #[serde(borrow)]
    outcome: Option<&'a RawValue>,
    #[serde(borrow)]
    term_start: Option<&'a RawValue>,
    #[serde(borrow)]
    refusal_start: Option<&'a RawValue>,
    #[serde(borrow)]
    tz: Option<&'a RawValue>,
    #[serde(borrow)]
    schedule: Option<&'a RawValue>,
    #[serde(borrow)]
    week: Option<&'a RawValue>,
    #[serde(borrow)]
    horizon: Option<&'a RawValue>,
    #[serde(borrow)]
    as_known_on: Option<&'a RawValue>,
    #[serde(borrow)]
    explain: Option<&'a RawValue>,
    #[serde(borrow)]
    lang: Option<&'a RawValue>,
}

const TERM_FIELDS: &str = "id, submitted, term, channel, start, end, tz, schedule, week, horizon, as_known_on, explain, lang";
const REGULATION_FIELDS: &str = "id, regulation, submitted, channel, outcome, term_start, refusal_start, tz, schedule, week, horizon, as_known_on, explain, lang";

impl Fields<'_> {
    fn into_request(self, id: Id) -> Result<Request> {
        let is_regulation = self.regulation.is_some();
        let misplaced = if is_regulation {
            [
                ("term", self.term),
                ("start", self.start),
                ("end", self.end),
            ]
            .into_iter()
            .find(|(_, v)| v.is_some())
            .map(|(k, _)| (k, "regulation", REGULATION_FIELDS))
        } else {
            [
                ("outcome", self.outcome),
                ("term_start", self.term_start),
                ("refusal_start", self.refusal_start),
            ]
            .into_iter()
            .find(|(_, v)| v.is_some())
            .map(|(k, _)| (k, "term", TERM_FIELDS))
        };
        if let Some((k, case, allowed)) = misplaced {
            return Err(Error::invalid_input(format!(
                "unknown field `{k}`: a {case} case takes {allowed}"
            )));
        }
        let submitted: Submitted = required("submitted", self.submitted)?;
        let channel: Channel = optional("channel", self.channel)?.unwrap_or_default();
        let tz: Zone = optional("tz", self.tz)?.unwrap_or_default();
        let schedule: Option<Schedule> = optional("schedule", self.schedule)?;
        let week: Option<Week> = optional("week", self.week)?;
        let horizon: Option<Horizon> = optional("horizon", self.horizon)?;
        let as_known_on: Option<KnownOn> = optional("as_known_on", self.as_known_on)?;
        let as_known_on = as_known_on.map(|k| k.0);
        let explain = flag("explain", self.explain)?;
        let lang: Lang = optional("lang", self.lang)?.unwrap_or_default();
        if is_regulation {
            let regulation: String = required("regulation", self.regulation)?;
            check_regulation_id(&regulation)?;
            Ok(Request::Regulation(RegulationRequest {
                id,
                regulation,
                submitted,
                channel,
                outcome: optional("outcome", self.outcome)?.unwrap_or_default(),
                options: TimelineOptions {
                    term_start: optional("term_start", self.term_start)?.unwrap_or_default(),
                    refusal_start: optional("refusal_start", self.refusal_start)?
                        .unwrap_or_default(),
                },
                tz,
                schedule,
                week,
                horizon,
                as_known_on,
                explain,
                lang,
            }))
        } else {
            let term: Term = required("term", self.term)?;
            let options = LegalOptions {
                channel,
                start: optional::<StartRule>("start", self.start)?.unwrap_or_default(),
                end: optional::<TermEnd>("end", self.end)?.unwrap_or_default(),
            };
            Ok(Request::Term(TermRequest {
                id,
                submitted,
                term,
                options,
                tz,
                schedule,
                week,
                horizon,
                as_known_on,
                explain,
                lang,
            }))
        }
    }
}

/// A date `YYYY-MM-DD` for `as_known_on`.
struct KnownOn(NaiveDate);

impl std::str::FromStr for KnownOn {
    type Err = Error;
    fn from_str(s: &str) -> Result<KnownOn> {
        NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
            .map(KnownOn)
            .map_err(|_| {
                Error::invalid_input(format!(
                    "{} is not a date: expected YYYY-MM-DD, e.g. \"2024-04-01\"",
                    quoted(s)
                ))
            })
    }
}

/// A regulation is named by id only: a request never makes the engine read a file.
fn check_regulation_id(id: &str) -> Result<()> {
    let ok = !id.is_empty()
        && id.len() <= 200
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if ok {
        return Ok(());
    }
    Err(Error::invalid_input(format!(
        "field `regulation`: {} is not a regulation id: a request names a regulation by its id \
         (lowercase letters, digits and '-'), never by a path; the host registers regulation files \
         on the evaluator (the CLI: --regulations FILE)",
        quoted(id)
    )))
}

/// Field `k` read with `T`'s parser; `None` when absent or null. Errors name the field.
fn optional<T>(k: &str, raw: Option<&RawValue>) -> Result<Option<T>>
where
    T: std::str::FromStr,
    T::Err: std::fmt::Display,
{
    let Some(raw) = raw else { return Ok(None) };
    if raw.get() == "null" {
        return Ok(None);
    }
    let s: String = serde_json::from_str(raw.get()).map_err(|_| {
        Error::invalid_input(format!(
            "field `{k}` must be a string, not {}",
            excerpt(raw.get())
        ))
    })?;
    s.parse().map(Some).map_err(|e: T::Err| {
        Error::invalid_input(format!("field `{k}`: {}", excerpt(&e.to_string())))
    })
}

/// Field `k`, `true` or `false`; `false` when absent or null.
fn flag(k: &str, raw: Option<&RawValue>) -> Result<bool> {
    match raw.map(|r| r.get().trim()) {
        None | Some("null") | Some("false") => Ok(false),
        Some("true") => Ok(true),
        Some(other) => Err(Error::invalid_input(format!(
            "field `{k}` must be true or false, not {}",
            excerpt(other)
        ))),
    }
}

/// Field `k`, which must be present.
fn required<T>(k: &str, raw: Option<&RawValue>) -> Result<T>
where
    T: std::str::FromStr,
    T::Err: std::fmt::Display,
{
    optional(k, raw)?.ok_or_else(|| Error::invalid_input(format!("missing field `{k}`")))
}

/// The id of a line that is not valid JSON, when it can still be read: the
/// value of the top-level key `"id"` (not one nested in another value) if it is
/// a JSON string or number and the line is readable up to it.
pub(super) fn salvage_id(line: &str) -> Id {
    let bytes = line.as_bytes();
    let (mut depth, mut i) = (0usize, 0usize);
    while i < bytes.len() {
        match bytes[i] {
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth = depth.saturating_sub(1),
            b'"' => {
                // A string: find its end, honouring escapes.
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if i >= bytes.len() {
                    return Id::null();
                }
                let key = &line[start..=i];
                let rest = line[i + 1..].trim_start();
                if depth == 1 && key == "\"id\"" {
                    if let Some(value) = rest.strip_prefix(':') {
                        let mut it = serde_json::Deserializer::from_str(value.trim_start())
                            .into_iter::<&RawValue>();
                        return match it.next() {
                            Some(Ok(raw)) => Id::from_raw(raw).unwrap_or_default(),
                            _ => Id::null(),
                        };
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    Id::null()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn salvage_reads_only_the_top_level_id() {
        assert_eq!(
            salvage_id(r#"{"id": "d1", "submitted": "#).as_json(),
            "\"d1\""
        );
        assert!(salvage_id(r#"{"x": {"id": "inner"}, "submitted": "#).is_null());
        assert_eq!(salvage_id(r#"{"x": {"id": 1}, "id": 2, "#).as_json(), "2");
        assert!(salvage_id(r#"{"id": {"a": 1}, "#).is_null());
        assert!(salvage_id("not json").is_null());
    }
}

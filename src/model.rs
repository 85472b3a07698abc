//! The request/response model of the batch contract, shared by the CLI's `batch`
//! and the C API's `merzim_eval_json`: one JSON object in, one out.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use serde::Serialize;
use serde_json::{Map, Value};

use crate::calendar::Calendar;
use crate::legal::{Channel, LegalOptions, StartRule, TermEnd};
use crate::office::OfficeTime;
use crate::regulation::{Outcome, Regulation};
use crate::schedule::Schedule;
use crate::term::Term;
use crate::zone::{Submitted, Zone};
use crate::{Error, ErrorKind, Result};

/// A term case: a legal term for one submission.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TermRequest {
    /// The caller's id, echoed back.
    pub id: Value,
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
}

/// A regulation case: a regulation's timeline for one submission.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegulationRequest {
    /// The caller's id, echoed back.
    pub id: Value,
    /// A bundled regulation's id or a path to a regulation file.
    pub regulation: String,
    /// The submission.
    pub submitted: Submitted,
    /// The channel.
    pub channel: Channel,
    /// The outcome.
    pub outcome: Outcome,
    /// The office's zone.
    pub tz: Zone,
    /// The office schedule; `None` for the state-body default.
    pub schedule: Option<Schedule>,
}

/// One line of the batch contract.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    /// `{"id", "submitted", "term", …}`.
    Term(TermRequest),
    /// `{"id", "regulation", "submitted", …}`.
    Regulation(RegulationRequest),
}

/// The result of a term case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TermResponse {
    /// The caller's id.
    pub id: Value,
    /// The registration (for `state_corporation`: acceptance) date.
    pub registered: String,
    /// The due instant, RFC 3339 with the zone's offset for that date.
    pub due: String,
    /// Whether it depended on a provisional day.
    pub provisional: bool,
}

/// One step of a regulation response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StepResponse {
    /// The step's number in the document.
    pub number: u32,
    /// Start, RFC 3339.
    pub start: String,
    /// End, RFC 3339.
    pub end: String,
}

/// The result of a regulation case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RegulationResponse {
    /// The caller's id.
    pub id: Value,
    /// The steps.
    pub steps: Vec<StepResponse>,
    /// End of the last step.
    pub end: String,
    /// The earliest alternative of the overall term.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term_due: Option<String>,
    /// Whether the chain ends by `term_due`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub within_term: Option<bool>,
    /// When the incompleteness refusal is due.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refusal_due: Option<String>,
    /// Whether it depended on a provisional day.
    pub provisional: bool,
}

/// The error object of a failed line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ErrorBody {
    /// `out_of_coverage`, `invalid_input`, …
    pub kind: ErrorKind,
    /// What was wrong.
    pub message: String,
}

/// A failed line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ErrorResponse {
    /// The caller's id, when it could be read (`null` otherwise).
    pub id: Value,
    /// The error.
    pub error: ErrorBody,
}

/// One output line of the batch contract.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Response {
    /// A term result.
    Term(TermResponse),
    /// A regulation result.
    Regulation(RegulationResponse),
    /// An error.
    Error(ErrorResponse),
}

impl Response {
    /// The response as one line of JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|e| {
            format!(r#"{{"id":null,"error":{{"kind":"invalid_input","message":"cannot serialise the response: {e}"}}}}"#)
        })
    }

    fn error(id: Value, e: Error) -> Response {
        Response::Error(ErrorResponse {
            id,
            error: ErrorBody {
                kind: e.kind(),
                message: e.message().to_string(),
            },
        })
    }
}

const TERM_FIELDS: &[&str] = &[
    "id",
    "submitted",
    "term",
    "channel",
    "start",
    "end",
    "tz",
    "schedule",
];
const REGULATION_FIELDS: &[&str] = &[
    "id",
    "regulation",
    "submitted",
    "channel",
    "outcome",
    "tz",
    "schedule",
];

impl Request {
    /// Reads one JSON line. On failure returns the id (when it could be read) and the error.
    pub fn from_json(line: &str) -> std::result::Result<Request, (Value, Error)> {
        let value: Value = serde_json::from_str(line).map_err(|e| {
            (
                salvage_id(line),
                Error::invalid_input(format!("malformed JSON: {e}")),
            )
        })?;
        let Value::Object(obj) = value else {
            return Err((
                Value::Null,
                Error::invalid_input("expected a JSON object such as {\"id\": \"a1\", \"submitted\": \"2026-03-20T16:30:00\", \"term\": \"22 working days\"}"),
            ));
        };
        let id = obj.get("id").cloned().unwrap_or(Value::Null);
        Request::from_object(&obj).map_err(|e| (id, e))
    }

    fn from_object(obj: &Map<String, Value>) -> Result<Request> {
        let is_regulation = obj.contains_key("regulation");
        let allowed = if is_regulation {
            REGULATION_FIELDS
        } else {
            TERM_FIELDS
        };
        for k in obj.keys() {
            if !allowed.contains(&k.as_str()) {
                return Err(Error::invalid_input(format!(
                    "unknown field `{k}`: a {} case takes {}",
                    if is_regulation { "regulation" } else { "term" },
                    allowed.join(", ")
                )));
            }
        }
        let id = obj
            .get("id")
            .cloned()
            .ok_or_else(|| Error::invalid_input("missing field `id`"))?;
        if !(id.is_string() || id.is_number()) {
            return Err(Error::invalid_input(
                "field `id` must be a string or a number",
            ));
        }
        let submitted: Submitted = required(obj, "submitted")?;
        let channel: Channel = optional(obj, "channel")?.unwrap_or_default();
        let tz: Zone = optional(obj, "tz")?.unwrap_or_default();
        let schedule: Option<Schedule> = optional(obj, "schedule")?;
        if is_regulation {
            let regulation: String = required(obj, "regulation")?;
            let outcome = optional(obj, "outcome")?.unwrap_or_default();
            Ok(Request::Regulation(RegulationRequest {
                id,
                regulation,
                submitted,
                channel,
                outcome,
                tz,
                schedule,
            }))
        } else {
            let term: Term = required(obj, "term")?;
            let start: StartRule = optional(obj, "start")?.unwrap_or_default();
            let end: TermEnd = optional(obj, "end")?.unwrap_or_default();
            Ok(Request::Term(TermRequest {
                id,
                submitted,
                term,
                options: LegalOptions {
                    channel,
                    start,
                    end,
                },
                tz,
                schedule,
            }))
        }
    }
}

/// Field `k` of a request read with `T`'s parser; `None` when absent or null.
/// Errors name the field.
fn optional<T>(obj: &Map<String, Value>, k: &str) -> Result<Option<T>>
where
    T: std::str::FromStr,
    T::Err: std::fmt::Display,
{
    match obj.get(k) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => s
            .parse()
            .map(Some)
            .map_err(|e| Error::invalid_input(format!("field `{k}`: {e}"))),
        Some(other) => Err(Error::invalid_input(format!(
            "field `{k}` must be a string, not {other}"
        ))),
    }
}

/// Field `k` of a request, which must be present.
fn required<T>(obj: &Map<String, Value>, k: &str) -> Result<T>
where
    T: std::str::FromStr,
    T::Err: std::fmt::Display,
{
    optional(obj, k)?.ok_or_else(|| Error::invalid_input(format!("missing field `{k}`")))
}

/// The id of a line that is not valid JSON, when it can still be read: the
/// value after the first `"id":` if that value itself is a JSON string or number.
fn salvage_id(line: &str) -> Value {
    let Some(at) = line.find("\"id\"") else {
        return Value::Null;
    };
    let rest = line[at + 4..].trim_start();
    let Some(rest) = rest.strip_prefix(':') else {
        return Value::Null;
    };
    let mut values = serde_json::Deserializer::from_str(rest.trim_start()).into_iter::<Value>();
    match values.next() {
        Some(Ok(v)) if v.is_string() || v.is_number() => v,
        _ => Value::Null,
    }
}

/// Evaluates requests against one calendar; keeps the office tables of the
/// schedules and the regulation files it has seen. `Send + Sync`: share it
/// between threads.
///
/// ```
/// use merzim::{Calendar, Evaluator};
/// let ev = Evaluator::new(Calendar::kazakhstan());
/// let out = ev.evaluate_json(r#"{"id": "a1", "submitted": "2026-03-20T16:30:00", "term": "22 working days"}"#);
/// assert_eq!(out, r#"{"id":"a1","registered":"2026-03-20","due":"2026-04-23T18:30:00+05:00","provisional":false}"#);
/// ```
pub struct Evaluator {
    calendar: Calendar,
    default_office: OfficeTime,
    offices: Mutex<HashMap<Schedule, OfficeTime>>,
    regulations: Mutex<HashMap<String, Arc<Regulation>>>,
}

impl std::fmt::Debug for Evaluator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Evaluator")
            .field("calendar", &self.calendar)
            .finish()
    }
}

/// At most this many schedules (and regulation files) are kept.
const CACHE_LIMIT: usize = 64;

impl Evaluator {
    /// An evaluator over `calendar` with the state-body schedule ready.
    pub fn new(calendar: Calendar) -> Evaluator {
        let default_office = OfficeTime::new(&calendar, Schedule::state_body())
            .expect("the state-body schedule covers every working day");
        Evaluator {
            calendar,
            default_office,
            offices: Mutex::new(HashMap::new()),
            regulations: Mutex::new(HashMap::new()),
        }
    }

    /// The calendar.
    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// The office tables for `schedule` (`None`: the state-body default).
    pub fn office(&self, schedule: Option<&Schedule>) -> Result<OfficeTime> {
        let Some(schedule) = schedule else {
            return Ok(self.default_office.clone());
        };
        if schedule == self.default_office.schedule() {
            return Ok(self.default_office.clone());
        }
        let mut cache = self.offices.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(o) = cache.get(schedule) {
            return Ok(o.clone());
        }
        let o = OfficeTime::new(&self.calendar, schedule.clone())?;
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(schedule.clone(), o.clone());
        Ok(o)
    }

    /// A regulation file (bundled ids are looked up before this).
    fn regulation_file(&self, id_or_path: &str) -> Result<Arc<Regulation>> {
        let mut cache = self.regulations.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(r) = cache.get(id_or_path) {
            return Ok(r.clone());
        }
        let r = Arc::new(Regulation::resolve(id_or_path)?);
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(id_or_path.to_string(), r.clone());
        Ok(r)
    }

    /// Evaluates one request.
    pub fn evaluate(&self, request: &Request) -> Response {
        let id = match request {
            Request::Term(t) => t.id.clone(),
            Request::Regulation(r) => r.id.clone(),
        };
        match self.try_evaluate(request) {
            Ok(r) => r,
            Err(e) => Response::error(id, e),
        }
    }

    fn try_evaluate(&self, request: &Request) -> Result<Response> {
        match request {
            Request::Term(t) => {
                let office = self.office(t.schedule.as_ref())?;
                let s = t.tz.local_of(t.submitted);
                let d = office.legal_due(s, t.term, t.options)?;
                Ok(Response::Term(TermResponse {
                    id: t.id.clone(),
                    registered: d.registered.to_string(),
                    due: t.tz.to_rfc3339(d.due),
                    provisional: d.provisional,
                }))
            }
            Request::Regulation(r) => {
                let office = self.office(r.schedule.as_ref())?;
                let reg = if let Ok(b) = Regulation::bundled(&r.regulation) {
                    b
                } else {
                    &*self.regulation_file(&r.regulation)?
                };
                let s = r.tz.local_of(r.submitted);
                let tl = reg.timeline(&office, s, r.channel, r.outcome)?;
                let z = r.tz;
                Ok(Response::Regulation(RegulationResponse {
                    id: r.id.clone(),
                    steps: tl
                        .steps
                        .iter()
                        .map(|st| StepResponse {
                            number: st.number,
                            start: z.to_rfc3339(st.start),
                            end: z.to_rfc3339(st.end),
                        })
                        .collect(),
                    end: z.to_rfc3339(tl.end),
                    term_due: tl.term_due.map(|t| z.to_rfc3339(t)),
                    within_term: tl.within_term,
                    refusal_due: tl.refusal_due.map(|t| z.to_rfc3339(t)),
                    provisional: tl.provisional,
                }))
            }
        }
    }

    /// One JSON line in, one JSON line out (the batch contract). Never fails:
    /// a bad line gives an error object with the id when it could be read.
    pub fn evaluate_json(&self, line: &str) -> String {
        match Request::from_json(line) {
            Ok(r) => self.evaluate(&r).to_json(),
            Err((id, e)) => Response::error(id, e).to_json(),
        }
    }
}

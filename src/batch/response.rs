//! The output lines of the batch contract.

use serde::Serialize;

use super::Id;
use crate::{Error, ErrorKind};

/// The result of a term case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct TermResponse {
    /// The caller's id.
    pub id: Id,
    /// The registration (for `state_corporation`: acceptance) date.
    pub registered: String,
    /// The due instant, RFC 3339 with the zone's offset for that date.
    pub due: String,
    /// `state_corporation`: when the provider must deliver the result to the
    /// centre (absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub handoff: Option<String>,
    /// Whether it depended on a provisional day.
    pub provisional: bool,
    /// Remarks on the result (absent when there are none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// One step of a regulation response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct StepResponse {
    /// The step's number in the document.
    pub number: u32,
    /// Start, RFC 3339.
    pub start: String,
    /// End, RFC 3339.
    pub end: String,
}

/// The result of a regulation case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct RegulationResponse {
    /// The caller's id.
    pub id: Id,
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
    /// `state_corporation`: when the provider must deliver the result to the centre.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub handoff: Option<String>,
    /// `state_corporation` with a storage rule: until when the centre keeps an
    /// uncollected result.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub storage_until: Option<String>,
    /// Whether it depended on a provisional day.
    pub provisional: bool,
    /// Remarks: the regulation not in force on the submission date, and the
    /// like (absent when there are none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// The error object of a failed line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct ErrorBody {
    /// `out_of_coverage`, `invalid_input`, …
    pub kind: ErrorKind,
    /// What was wrong.
    pub message: String,
}

/// A failed line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct ErrorResponse {
    /// The caller's id, when it could be read (`null` otherwise).
    pub id: Id,
    /// The error.
    pub error: ErrorBody,
}

/// One output line of the batch contract.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(untagged)]
#[non_exhaustive]
pub enum Response {
    /// A term result.
    Term(TermResponse),
    /// A regulation result.
    Regulation(RegulationResponse),
    /// An error.
    Error(ErrorResponse),
}

impl Response {
    /// The error line for `error` on the line with `id`.
    pub fn from_error(id: Id, error: &Error) -> Response {
        Response::Error(ErrorResponse {
            id,
            error: ErrorBody {
                kind: error.kind(),
                message: error.message().to_string(),
            },
        })
    }

    /// The caller's id.
    pub fn id(&self) -> &Id {
        match self {
            Response::Term(r) => &r.id,
            Response::Regulation(r) => &r.id,
            Response::Error(r) => &r.id,
        }
    }

    /// The error kind of an error line; `None` for a result.
    pub fn error_kind(&self) -> Option<ErrorKind> {
        match self {
            Response::Error(e) => Some(e.error.kind),
            _ => None,
        }
    }

    /// The response as one line of JSON (no newline).
    pub fn to_json(&self) -> String {
        match serde_json::to_string(self) {
            Ok(s) => s,
            // Every field serialises; this keeps the line well-formed regardless.
            Err(e) => format!(
                r#"{{"id":{},"error":{{"kind":"internal","message":{}}}}}"#,
                self.id().as_json(),
                serde_json::Value::String(format!("cannot serialise the response: {e}"))
            ),
        }
    }
}

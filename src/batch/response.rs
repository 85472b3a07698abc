//! The output lines of the batch contract.

use serde::Serialize;

use chrono::NaiveDateTime;

use super::Id;
use crate::calendar::ActRef;
use crate::dates::iso_date;
use crate::explain::Skipped;
use crate::legal::LegalDue;
use crate::names::{Lang, Names};
use crate::regulation::Timeline;
use crate::zone::Zone;
use crate::{Error, ErrorKind};

/// The result of a term case: the one JSON form of a [`LegalDue`], which
/// every face prints (`merzim due --json`, a batch line, the C API, the
/// Python package, the HTTP service).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct TermResponse {
    /// The caller's id.
    pub id: Id,
    /// The registration (for `state_corporation`: acceptance) date.
    pub registered: String,
    /// Day 1 of the term (absent for terms in minutes or hours).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day_one: Option<String>,
    /// The last day of the term.
    pub last_day: String,
    /// The due instant, RFC 3339 with the zone's offset for that date.
    pub due: String,
    /// `state_corporation`: when the provider must deliver the result to the
    /// centre (absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub handoff: Option<String>,
    /// Whether it depended on a provisional day.
    pub provisional: bool,
    /// The date the calendar's data was last checked against official
    /// sources, `YYYY-MM-DD` (absent for data without that date).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_as_of: Option<String>,
    /// Remarks on the result, in the request's `lang` (absent when there
    /// are none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// The stable code of each remark in `warnings`, in the same order
    /// (`accepted_on_holiday`, `handoff_on_acceptance_day`, `short_first_day`,
    /// `known_on_after_today`; absent when there are none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warning_codes: Vec<String>,
    /// What did not count between the submission and the due instant (only
    /// when the request asks for it with `"explain": true`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explain: Option<Vec<SkippedResponse>>,
}

impl TermResponse {
    /// The form of `due` for the line `id`, its warnings in English.
    pub fn new(id: Id, due: &LegalDue) -> TermResponse {
        TermResponse::new_in(id, due, Lang::En)
    }

    /// The form of `due` for the line `id`, its warnings in `lang`.
    pub fn new_in(id: Id, due: &LegalDue, lang: Lang) -> TermResponse {
        let z = due.zone;
        TermResponse {
            id,
            registered: iso_date(due.registered),
            day_one: due.day_one.map(iso_date),
            last_day: iso_date(due.last_day),
            due: z.to_rfc3339(due.due),
            handoff: due.handoff.map(|h| z.to_rfc3339(h)),
            provisional: due.provisional,
            data_as_of: due.data_as_of.map(iso_date),
            warnings: due
                .warnings
                .iter()
                .map(|w| w.text(lang).to_string())
                .collect(),
            warning_codes: due
                .warnings
                .iter()
                .map(|w| w.code.as_str().to_string())
                .collect(),
            explain: None,
        }
    }
}

/// One step of a regulation response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct StepResponse {
    /// The step's number in the document.
    pub number: u32,
    /// Its duration on the channel (`15 minutes`, `2 working days`).
    pub duration: String,
    /// Start, RFC 3339.
    pub start: String,
    /// End, RFC 3339.
    pub end: String,
}

/// One alternative of a regulation's overall term.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct AlternativeResponse {
    /// The alternative (`30 calendar days`).
    pub term: String,
    /// When it expires, RFC 3339.
    pub due: String,
}

/// The result of a regulation case: the one JSON form of a [`Timeline`].
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
    /// Every alternative of the overall term, when there are several.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<AlternativeResponse>,
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
    /// The date the calendar's data was last checked against official
    /// sources, `YYYY-MM-DD` (absent for data without that date).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_as_of: Option<String>,
    /// Remarks: the regulation not in force on the submission date, and the
    /// like, in the request's `lang` (absent when there are none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// The stable code of each remark in `warnings`, in the same order
    /// (`not_yet_in_force`, `repealed`, `may_have_lapsed`,
    /// `storage_beyond_data`, `known_on_after_today`, `accepted_on_holiday`,
    /// `handoff_on_acceptance_day`, `short_first_day`, `refusal_at_intake`;
    /// absent when there are none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warning_codes: Vec<String>,
    /// What did not count between the submission and the later of the
    /// chain's end and the term's due (only with `"explain": true`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explain: Option<Vec<SkippedResponse>>,
}

impl RegulationResponse {
    /// The form of `timeline` for the line `id`, its warnings in English.
    pub fn new(id: Id, timeline: &Timeline) -> RegulationResponse {
        RegulationResponse::new_in(id, timeline, Lang::En)
    }

    /// The form of `timeline` for the line `id`, its warnings in `lang`.
    pub fn new_in(id: Id, timeline: &Timeline, lang: Lang) -> RegulationResponse {
        let z = timeline.zone;
        let at = |t: Option<NaiveDateTime>| t.map(|t| z.to_rfc3339(t));
        RegulationResponse {
            id,
            steps: timeline
                .steps
                .iter()
                .map(|st| StepResponse {
                    number: st.number,
                    duration: st.duration.display_in(Lang::En),
                    start: z.to_rfc3339(st.start),
                    end: z.to_rfc3339(st.end),
                })
                .collect(),
            end: z.to_rfc3339(timeline.end),
            term_due: at(timeline.term_due),
            alternatives: if timeline.alternatives.len() > 1 {
                timeline
                    .alternatives
                    .iter()
                    .map(|a| AlternativeResponse {
                        term: a.term.display_in(Lang::En),
                        due: z.to_rfc3339(a.due),
                    })
                    .collect()
            } else {
                Vec::new()
            },
            within_term: timeline.within_term,
            refusal_due: at(timeline.refusal_due),
            handoff: at(timeline.handoff),
            storage_until: at(timeline.storage_until),
            provisional: timeline.provisional,
            data_as_of: timeline.data_as_of.map(iso_date),
            warnings: timeline
                .warnings
                .iter()
                .map(|w| w.text(lang).to_string())
                .collect(),
            warning_codes: timeline
                .warnings
                .iter()
                .map(|w| w.code.as_str().to_string())
                .collect(),
            explain: None,
        }
    }
}

/// A stretch of time that did not count: the one JSON form of a
/// [`Skipped`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct SkippedResponse {
    /// Start, RFC 3339.
    pub from: String,
    /// End, RFC 3339.
    pub to: String,
    /// `lunch`, `after_hours`, or the kind of the day off (`weekend`,
    /// `holiday`, `religious_day_off`, `substitute_day_off`,
    /// `transferred_day_off`, `declared_day_off`).
    pub reason: String,
    /// The holiday's or the transfer's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub names: Option<Names>,
    /// The legal source of the day's status (the data's remark, English).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The acts the day's status rests on, each cited in the request's
    /// language with how sure the data is of it (absent when none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<String>,
    /// The act that moved the day, for transfers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub act: Option<ActRef>,
    /// The day's status may still change.
    pub provisional: bool,
    /// The day rests on an estimated date.
    pub estimated: bool,
    /// One line for a person, in the request's language.
    pub text: String,
}

impl SkippedResponse {
    /// The form of `skipped`, its times in `zone`, its text in `lang`.
    pub fn new(skipped: &Skipped, zone: Zone, lang: Lang) -> SkippedResponse {
        SkippedResponse {
            from: zone.to_rfc3339(skipped.from),
            to: zone.to_rfc3339(skipped.to),
            reason: skipped.reason.as_str().to_string(),
            names: skipped.names.clone(),
            source: skipped.source.clone(),
            citations: skipped
                .citations
                .iter()
                .map(|c| c.render_full(lang))
                .collect(),
            act: skipped.act.clone(),
            provisional: skipped.provisional,
            estimated: skipped.estimated,
            text: skipped.describe(lang),
        }
    }

    /// The forms of `skipped`.
    pub fn list(skipped: &[Skipped], zone: Zone, lang: Lang) -> Vec<SkippedResponse> {
        skipped
            .iter()
            .map(|s| SkippedResponse::new(s, zone, lang))
            .collect()
    }
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
        let text = match self {
            Response::Term(t) => super::write::term(t),
            Response::Regulation(r) => super::write::regulation(r),
            Response::Error(_) => serde_json::to_string(self),
        };
        match text {
            Ok(s) => crate::safe_text::for_json_lines(s),
            // Every field serialises; this keeps the line well-formed regardless.
            Err(e) => format!(
                r#"{{"id":{},"error":{{"kind":"internal","message":{}}}}}"#,
                self.id().as_json(),
                serde_json::Value::String(format!("cannot serialise the response: {e}"))
            ),
        }
    }
}

#![doc = include_str!("../README.md")]
#![warn(missing_docs, missing_debug_implementations)]
#![forbid(unsafe_code)]

mod bulk;
mod calendar;
mod data;
mod days;
mod embedded;
mod error;
mod explain;
mod legal;
mod model;
mod names;
mod office;
mod regulation;
mod schedule;
mod term;
mod timeline;
mod zone;

pub use bulk::{BulkError, BulkTime, Change, Recompute, SlaStatus, TimelineColumns, TimelineRow};
pub use calendar::{ActRef, Calendar, Day, DayKind, Horizon, Week};
pub use error::{Error, ErrorKind, Result};
pub use explain::{SkipReason, Skipped};
pub use legal::{Channel, LegalDue, LegalOptions, StartRule, Storage, StoredRequest, TermEnd};
pub use model::{
    ErrorBody, ErrorResponse, Evaluator, RegulationRequest, RegulationResponse, Request, Response,
    StepResponse, TermRequest, TermResponse,
};
pub use names::{Lang, Names};
pub use office::OfficeTime;
pub use regulation::{
    Amendment, ApprovingAct, Outcome, OverallTerm, Regulation, Step, StorageRule,
};
pub use schedule::{Interval, Schedule};
pub use term::{Term, Unit, MAX_TERM_AMOUNT};
pub use timeline::{CompiledChain, LintFinding, StepTiming, TermDue, Timeline};
pub use zone::{format_rfc3339, Submitted, Zone, ZoneNote};

#![doc = include_str!("../README.md")]
#![warn(
    missing_docs,
    missing_debug_implementations,
    clippy::missing_errors_doc
)]
#![forbid(unsafe_code)]

#[macro_use]
mod macros;

pub mod balance;
pub mod batch;
mod bulk;
mod calendar;
mod data;
mod dates;
mod error;
mod explain;
mod legal;
mod names;
mod office;
mod recompute;
mod regulation;
mod schedule;
mod sla;
mod term;
mod week;
mod zone;

pub use balance::{Balance, BalancePeriod, BalanceRow, WorkingTime};
pub use bulk::{BulkDate, BulkError, BulkResult, BulkTime};
pub use calendar::{ActRef, Calendar, Day, DayKind, Horizon};
pub use dates::{EpochDays, EpochDays64, EpochMinutes, LocalMinutes, Yyyymmdd};
pub use error::{Error, ErrorKind, Result};
pub use explain::{SkipReason, Skipped};
pub use legal::{Channel, LegalDue, LegalOptions, StartRule, Storage, StoredRequest, TermEnd};
pub use names::{Lang, Names};
pub use office::OfficeTime;
pub use recompute::{Change, Recompute};
pub use regulation::{
    Amendment, ApprovingAct, CompiledChain, Lapse, LintFinding, Outcome, OverallTerm, Regulation,
    Step, StepTiming, StorageRule, TermDue, Timeline, TimelineColumns, TimelineRow,
};
pub use schedule::{Interval, Schedule};
pub use sla::SlaStatus;
pub use term::{Term, Unit, MAX_TERM_AMOUNT};
pub use week::Week;
pub use zone::{format_rfc3339, Submitted, Zone, ZoneNote};

/// Longer documents of the project, rendered here so that their examples run
/// as doctests.
pub mod _documentation {
    #[doc = include_str!("../DESIGN.md")]
    pub mod design {}

    #[doc = include_str!("../docs/RULES.md")]
    pub mod rules {}
}

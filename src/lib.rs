//! Deadlines of Kazakh public services: the Kazakhstan working-day calendar,
//! office hours, legal terms and regulation timelines, each rule written out
//! with the act it rests on ([the rules](_documentation::rules)) and every
//! decision explained ([the design](_documentation::design)).
//!
//! # The five calls most people need
//!
//! ```
//! use chrono::NaiveDate;
//! use merzim::batch::Evaluator;
//! use merzim::{Calendar, Channel, LegalOptions, OfficeTime, Outcome, Regulation, Schedule};
//!
//! let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//!
//! // 1. The calendar: working days, with every holiday, substitute day and transfer act.
//! let cal = Calendar::kazakhstan();
//! assert!(!cal.is_working_day(date(2026, 3, 23))?); // Nauryz
//! assert_eq!(cal.add_working_days(date(2026, 3, 20), 1)?, date(2026, 3, 26));
//!
//! // 2. A legal term: registration, day 1, the last day, close of business.
//! let office = OfficeTime::new(&cal, Schedule::state_body())?;
//! let submitted = date(2026, 3, 20).and_hms_opt(16, 30, 0).unwrap();
//! let due = office.legal_due(submitted, "22 working days".parse()?, LegalOptions::default())?;
//! assert_eq!(due.due_zoned().to_rfc3339(), "2026-04-23T18:30:00+05:00");
//!
//! // 3. The State Corporation's channel: the intake day is not counted.
//! let sc = LegalOptions { channel: Channel::StateCorporation, ..Default::default() };
//! assert_eq!(office.legal_due(submitted, "22 working days".parse()?, sc)?.last_day, date(2026, 4, 24));
//!
//! // 4. A regulation's whole timeline.
//! let reg = Regulation::bundled("east-kazakhstan-2016-land-purpose-change")?;
//! let tl = reg.timeline(&office, date(2026, 3, 18).and_hms_opt(16, 30, 0).unwrap(), Channel::Provider, Outcome::Approve)?;
//! assert_eq!(tl.within_term, Some(false));
//!
//! // 5. The batch contract: one JSON line in, one out, as every other face answers.
//! let ev = Evaluator::new(cal);
//! let out = ev.evaluate_json(r#"{"id": 1, "submitted": "2026-03-20T16:30", "term": "22 working days"}"#);
//! assert!(out.contains(r#""due":"2026-04-23T18:30:00+05:00""#));
//! # Ok::<(), merzim::Error>(())
//! ```
//!
//! Columns of millions of dates or instants go through the bulk forms
//! ([`Calendar::add_working_days_bulk`], [`OfficeTime::legal_due_bulk`],
//! [`Recompute`]); streams of JSON lines through [`batch::Stream`]. Every
//! result has one JSON form, owned here and printed by every face (the
//! command-line tool, the C API, the Python package): [`batch::TermResponse`],
//! [`batch::RegulationResponse`], [`batch::SkippedResponse`], [`Day`].
//!
//! Every fallible call returns [`Error`], whose [`kind`](Error::kind) a
//! program can branch on and whose message names the bad value and the valid
//! range; no input makes merzim panic.
//!
//! The [README](_documentation::readme) shows the command-line tool and the
//! other faces; `COMPARE.md` in the repository compares merzim with the
//! calendars and working-day functions people use today.
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
mod citation;
mod data;
mod dates;
mod error;
mod explain;
pub mod export;
mod legal;
mod names;
mod office;
pub mod onec;
mod recompute;
mod regulation;
pub mod safe_text;
mod schedule;
mod sla;
mod term;
mod week;
mod zone;

pub use balance::{Balance, BalancePeriod, BalanceRow, PublishedTable, TableChange, WorkingTime};
pub use bulk::{BulkDate, BulkError, BulkResult, BulkTime};
pub use calendar::{ActRef, Calendar, Day, DayKind, Horizon};
pub use citation::{
    formal_date, known_on_warning, ActKind, Citation, Confidence, Warning, WarningCode,
};
pub use dates::{EpochDays, EpochDays64, EpochMinutes, LocalMinutes, Yyyymmdd};
pub use error::{Error, ErrorKind, Result};
pub use explain::{SkipReason, Skipped};
pub use export::CsvDialect;
pub use legal::{Channel, LegalDue, LegalOptions, StartRule, Storage, StoredRequest, TermEnd};
pub use names::{Lang, Names};
pub use office::OfficeTime;
pub use recompute::{Change, Recompute};
pub use regulation::{
    Amendment, ApprovingAct, CompiledChain, Lapse, LintFinding, Outcome, OverallTerm, Regulation,
    Step, StepTiming, StorageRule, TermDue, Timeline, TimelineColumns, TimelineOptions,
    TimelineRow,
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

    #[doc = include_str!("../README.md")]
    pub mod readme {}
}

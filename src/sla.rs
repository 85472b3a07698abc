//! Where a case stands at an instant: the [`SlaStatus`] type.

use chrono::NaiveDateTime;

/// Where a case stands at an instant `now` ([`OfficeTime::sla_status`](crate::OfficeTime::sla_status)).
///
/// Definitions. The term is counted from its **start**: for a term in days, the
/// first office instant of day 1 (the registration date, or the next working
/// day with [`StartRule::NextDay`](crate::StartRule) and for the State
/// Corporation channel); for a term in minutes or hours, the first office
/// instant at or after the submission (State Corporation: the opening of the
/// first working day after acceptance). The term's **days** are the working
/// days from the start's date to the due date, both inclusive.
///
/// - `total_office_minutes`: office minutes from the start to `due`.
/// - `elapsed_office_minutes`: office minutes from the start to `now`, clamped
///   to `0..=total_office_minutes`; `remaining_office_minutes` is the rest.
/// - `elapsed_working_days`: the term's days whose office hours have ended by
///   `now` (`now` at or after their close of business), all of them once the
///   term is overdue; `remaining_working_days` is the rest (the current day
///   counts as remaining until it closes).
/// - `overdue`: `now` is after `due`; `overdue_office_minutes`: office minutes
///   from `due` to `now` (0 when not overdue, and also after hours on the due day).
/// - `share_used`: `elapsed_office_minutes / total_office_minutes`, in `0.0..=1.0`.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct SlaStatus {
    /// When the term expires ([`LegalDue::due`](crate::LegalDue::due)).
    pub due: NaiveDateTime,
    /// Where counting starts.
    pub start: NaiveDateTime,
    /// Office minutes from `start` to `due`.
    pub total_office_minutes: i64,
    /// Office minutes used, clamped to `0..=total_office_minutes`.
    pub elapsed_office_minutes: i64,
    /// Office minutes left (`total - elapsed`).
    pub remaining_office_minutes: i64,
    /// Working days of the term: from `start`'s date to `due`'s, inclusive.
    pub total_working_days: u32,
    /// Working days of the term already closed at `now`.
    pub elapsed_working_days: u32,
    /// Working days of the term not yet closed (including the current one).
    pub remaining_working_days: u32,
    /// Whether `now` is after `due`.
    pub overdue: bool,
    /// Office minutes from `due` to `now` when overdue, else 0.
    pub overdue_office_minutes: i64,
    /// Share of the term's office minutes used, `0.0..=1.0`.
    pub share_used: f64,
}

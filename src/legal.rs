//! The vocabulary of legal terms (RULES.md §5): channels, start rules, the end
//! of the last day, and the results. The rules themselves are
//! `office/legal.rs`.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};

use crate::zone::Zone;
use serde::{Deserialize, Serialize};

named_enum! {
    /// How the documents reached the provider (RULES.md §5).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
    #[non_exhaustive]
    pub enum Channel ("channel") {
        /// Submitted to the service provider itself. The default.
        #[default]
        Provider = "provider",
        /// Submitted through the e-government portal.
        Portal = "portal",
        /// Accepted at a State Corporation centre and sent on paper: the day of
        /// acceptance is not counted (Law on public services art. 20 p. 1).
        StateCorporation = "state_corporation",
    }
}

named_enum! {
    /// Which day is day 1 of a term in days (RULES.md §5).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
    #[non_exhaustive]
    pub enum StartRule ("start rule") {
        /// Day 1 is the registration date ("со дня сдачи пакета документов"). The default.
        #[default]
        SubmissionDay = "submission_day",
        /// Day 1 is the day after the registration date (Civil Code art. 173,
        /// Administrative Procedural Code art. 76): the first working day after it for
        /// working-day terms.
        NextDay = "next_day",
    }
}

named_enum! {
    /// When the last day of a term in days ends.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
    #[non_exhaustive]
    pub enum TermEnd ("term end") {
        /// At close of business of the last day (Civil Code art. 176 p. 1, second
        /// sentence: the act is done at the organisation). The default.
        #[default]
        CloseOfBusiness = "close_of_business",
        /// At 24:00 of the last day, reported as 00:00 of the next date.
        Midnight = "midnight",
    }
}

/// The options of a legal term, each with the spec's default.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct LegalOptions {
    /// The channel (default: provider).
    pub channel: Channel,
    /// The start rule (default: submission_day).
    pub start: StartRule,
    /// The end of the last day (default: close of business).
    pub end: TermEnd,
}

/// A computed legal term: local wall-clock times, and zoned instants through
/// the `*_zoned` methods (the office's [`Zone`] gives the offset of each date).
///
/// Its one JSON form is [`TermResponse`](crate::batch::TermResponse).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct LegalDue {
    /// The registration date (for `state_corporation`: the acceptance date).
    pub registered: NaiveDate,
    /// Day 1 of the term (`None` for terms in minutes or hours).
    pub day_one: Option<NaiveDate>,
    /// The last day of the term.
    pub last_day: NaiveDate,
    /// The instant the term expires (local wall-clock time).
    pub due: NaiveDateTime,
    /// `state_corporation` only: the provider delivers the result to the centre by
    /// this instant (close of business of the working day before the last day);
    /// `None` for other channels, for a term of 1 working day and for office-time terms.
    pub handoff: Option<NaiveDateTime>,
    /// Whether the result depends on a provisional day.
    pub provisional: bool,
    /// The office's zone.
    pub zone: Zone,
}

impl LegalDue {
    /// [`due`](LegalDue::due) as an instant with the zone's offset for that date.
    pub fn due_zoned(&self) -> DateTime<FixedOffset> {
        self.zone.resolve(self.due).0
    }

    /// [`handoff`](LegalDue::handoff) as an instant with the zone's offset.
    pub fn handoff_zoned(&self) -> Option<DateTime<FixedOffset>> {
        self.handoff.map(|h| self.zone.resolve(h).0)
    }
}

/// The State Corporation's storage of an uncollected result (RULES.md §5).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Storage {
    /// The result is kept until this instant: close of business of the date one
    /// month after the due date (same day number or the month's last day), moved
    /// forward to a working day.
    pub kept_until: NaiveDateTime,
}

/// A request for a result after storage ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct StoredRequest {
    /// Registration date of the request.
    pub registered: NaiveDate,
    /// The centre's request to the provider is due (close of business of the first
    /// working day after registration).
    pub centre_request_due: NaiveDateTime,
    /// The provider's delivery to the centre is due (close of business of the
    /// working day after that).
    pub provider_delivery_due: NaiveDateTime,
}

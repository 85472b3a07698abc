//! The regulation lint: does a step chain fit its overall term for every
//! submission in a range of years?

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use super::{Outcome, Regulation};
use crate::legal::Channel;
use crate::office::OfficeTime;
use crate::{Error, Result};

/// The worst case of one channel and outcome in [`Regulation::lint`].
///
/// Serialises as `{"channel", "outcome", "cases", "overshooting", "fits",
/// "worst_submitted", "worst_end", "worst_term_due",
/// "worst_overshoot_office_minutes", "worst_overshoot_minutes"}`: local
/// times as `YYYY-MM-DDTHH:MM:SS`, the worst-case fields `null` when no
/// submission was tried.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct LintFinding {
    /// The channel.
    pub channel: Channel,
    /// The outcome.
    pub outcome: Outcome,
    /// Submissions tried.
    pub cases: u64,
    /// How many of them end after the term.
    pub overshooting: u64,
    /// The submission whose chain ends furthest after (or least before) its term due.
    pub worst_submitted: Option<NaiveDateTime>,
    /// That chain's end.
    pub worst_end: Option<NaiveDateTime>,
    /// That submission's term due.
    pub worst_term_due: Option<NaiveDateTime>,
    /// Office minutes from the term due to the chain's end (positive = overshoot).
    pub worst_overshoot_office_minutes: i64,
    /// Calendar minutes from the term due to the chain's end (positive = overshoot).
    pub worst_overshoot_minutes: i64,
}

impl serde::Serialize for LintFinding {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let local = |t: Option<NaiveDateTime>| t.map(|t| t.format("%Y-%m-%dT%H:%M:%S").to_string());
        let tried = self.worst_submitted.is_some();
        let mut st = s.serialize_struct("LintFinding", 10)?;
        st.serialize_field("channel", &self.channel)?;
        st.serialize_field("outcome", &self.outcome)?;
        st.serialize_field("cases", &self.cases)?;
        st.serialize_field("overshooting", &self.overshooting)?;
        st.serialize_field("fits", &self.fits())?;
        st.serialize_field("worst_submitted", &local(self.worst_submitted))?;
        st.serialize_field("worst_end", &local(self.worst_end))?;
        st.serialize_field("worst_term_due", &local(self.worst_term_due))?;
        st.serialize_field(
            "worst_overshoot_office_minutes",
            &tried.then_some(self.worst_overshoot_office_minutes),
        )?;
        st.serialize_field(
            "worst_overshoot_minutes",
            &tried.then_some(self.worst_overshoot_minutes),
        )?;
        st.end()
    }
}

impl LintFinding {
    /// Whether the chain fits the term for every submission tried.
    pub fn fits(&self) -> bool {
        self.overshooting == 0
    }
}

/// The times of day tried for every date by the lint.
const LINT_TIMES: [(u32, u32); 12] = [
    (0, 0),
    (9, 0),
    (10, 0),
    (11, 30),
    (12, 59),
    (14, 30),
    (15, 30),
    (16, 30),
    (17, 30),
    (18, 0),
    (18, 29),
    (18, 30),
];

impl Regulation {
    /// For each channel and outcome: does the step chain fit in the overall term
    /// for every submission from `from_year` to `to_year` (every date, at twelve
    /// times of day from 00:00 to 18:30)? Reports the worst start and its overshoot.
    /// Empty when the regulation states no overall term.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) when
    /// `from_year > to_year`; [`ErrorKind::OutOfCoverage`](crate::ErrorKind::OutOfCoverage)
    /// when a submission of those years, or a step of its chain, lies outside
    /// the calendar's range.
    pub fn lint(
        &self,
        office: &OfficeTime,
        from_year: i32,
        to_year: i32,
    ) -> Result<Vec<LintFinding>> {
        if from_year > to_year {
            return Err(Error::invalid_input(format!(
                "lint years {from_year}..{to_year}: the first year is after the last"
            ))
            .in_kk_ru(
                format!("тексеру жылдары {from_year}–{to_year}: бірінші жыл соңғысынан кейін"),
                format!("годы проверки {from_year}–{to_year}: первый год позже последнего"),
            ));
        }
        let cal = office.calendar();
        let first = NaiveDate::from_ymd_opt(from_year, 1, 1)
            .ok_or_else(|| crate::calendar::no_year(from_year))?;
        let last = NaiveDate::from_ymd_opt(to_year, 12, 31)
            .ok_or_else(|| crate::calendar::no_year(to_year))?;
        cal.index(first)?;
        cal.index(last)?;
        if self.term.is_none() {
            return Ok(Vec::new());
        }
        let mut out = Vec::new();
        for channel in self.channels.clone() {
            for outcome in [Outcome::Approve, Outcome::Refuse] {
                if !self.has_outcome(outcome) {
                    continue;
                }
                let chain = self.compile(channel, outcome)?;
                let mut f = LintFinding {
                    channel,
                    outcome,
                    cases: 0,
                    overshooting: 0,
                    worst_submitted: None,
                    worst_end: None,
                    worst_term_due: None,
                    worst_overshoot_office_minutes: i64::MIN,
                    worst_overshoot_minutes: i64::MIN,
                };
                let mut date = first;
                while date <= last {
                    for (h, m) in LINT_TIMES {
                        let t = date.and_time(NaiveTime::from_hms_opt(h, m, 0).expect("valid"));
                        let s = office.local(t)?;
                        let core = match chain.core(office, s, None) {
                            Ok(c) => c,
                            // Chains near the end of coverage run past it: not a finding.
                            Err(e) if e.kind() == crate::ErrorKind::OutOfCoverage => continue,
                            Err(e) => return Err(e),
                        };
                        let (end, Some(due)) = (core.end, core.term_due) else {
                            continue;
                        };
                        f.cases += 1;
                        let wall = (office.naive(end) - office.naive(due)).num_minutes();
                        if end > due {
                            f.overshooting += 1;
                        }
                        if wall > f.worst_overshoot_minutes {
                            f.worst_overshoot_minutes = wall;
                            f.worst_overshoot_office_minutes =
                                office.office_minutes_between_local(due, end);
                            f.worst_submitted = Some(t);
                            f.worst_end = Some(office.naive(end));
                            f.worst_term_due = Some(office.naive(due));
                        }
                    }
                    date = date.succ_opt().expect("within range");
                }
                if f.cases == 0 {
                    f.worst_overshoot_minutes = 0;
                    f.worst_overshoot_office_minutes = 0;
                }
                out.push(f);
            }
        }
        Ok(out)
    }
}

//! Regulation timelines in bulk: [`TimelineRow`], [`TimelineColumns`] and
//! [`CompiledChain::timeline_bulk`].

use super::timeline::{CompiledChain, TimelineCore};
use crate::bulk::{
    check_lengths, from_local, instant_error, to_local, BulkError, BulkResult, BulkTime, TimeTables,
};
use crate::office::OfficeTime;
use crate::Result;

/// The results of one timeline without its steps: what monitoring needs, in a
/// `Copy` value ([`CompiledChain::timeline_row`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TimelineRow<T> {
    /// When the last step ends ([`Timeline::end`](crate::Timeline::end)).
    pub end: T,
    /// The earliest alternative of the overall term.
    pub term_due: Option<T>,
    /// Whether `end <= term_due`.
    pub within_term: Option<bool>,
    /// When a reasoned refusal for incomplete documents is due.
    pub refusal_due: Option<T>,
    /// `state_corporation`: when the provider must hand the result to the centre.
    pub handoff: Option<T>,
    /// `state_corporation` with a storage rule: until when the centre keeps an
    /// uncollected result ([`Timeline::storage_until`](crate::Timeline::storage_until)).
    pub storage_until: Option<T>,
}

/// Output columns of [`CompiledChain::timeline_bulk`]: each present column gets
/// one value per submission; leave out (`None`) what you do not need, which
/// also skips its conversion.
#[derive(Debug, Default)]
pub struct TimelineColumns<'a, T> {
    /// [`TimelineRow::end`] per submission.
    pub end: Option<&'a mut [T]>,
    /// [`TimelineRow::term_due`] per submission.
    pub term_due: Option<&'a mut [Option<T>]>,
    /// [`TimelineRow::within_term`] per submission.
    pub within_term: Option<&'a mut [Option<bool>]>,
    /// [`TimelineRow::refusal_due`] per submission.
    pub refusal_due: Option<&'a mut [Option<T>]>,
    /// [`TimelineRow::handoff`] per submission.
    pub handoff: Option<&'a mut [Option<T>]>,
    /// [`TimelineRow::storage_until`] per submission.
    pub storage_until: Option<&'a mut [Option<T>]>,
}

impl<T> TimelineColumns<'_, T> {
    fn lengths(&self) -> [Option<usize>; 6] {
        [
            self.end.as_ref().map(|c| c.len()),
            self.term_due.as_ref().map(|c| c.len()),
            self.within_term.as_ref().map(|c| c.len()),
            self.refusal_due.as_ref().map(|c| c.len()),
            self.handoff.as_ref().map(|c| c.len()),
            self.storage_until.as_ref().map(|c| c.len()),
        ]
    }

    fn check(&self, n: usize) -> BulkResult {
        let names = [
            "end",
            "term_due",
            "within_term",
            "refusal_due",
            "handoff",
            "storage_until",
        ];
        for (name, len) in names.iter().zip(self.lengths()) {
            if let Some(len) = len {
                check_lengths(&["submitted", name], &[n, len])?;
            }
        }
        Ok(())
    }
}

#[cfg(feature = "rayon")]
impl<T: Send> crate::bulk::Split for TimelineColumns<'_, T> {
    fn len(&self) -> usize {
        self.lengths().into_iter().flatten().max().unwrap_or(0)
    }
    fn split_at(self, mid: usize) -> (Self, Self) {
        fn cut<X>(c: Option<&mut [X]>, mid: usize) -> (Option<&mut [X]>, Option<&mut [X]>) {
            match c {
                Some(c) => {
                    let (a, b) = c.split_at_mut(mid);
                    (Some(a), Some(b))
                }
                None => (None, None),
            }
        }
        let (e0, e1) = cut(self.end, mid);
        let (t0, t1) = cut(self.term_due, mid);
        let (w0, w1) = cut(self.within_term, mid);
        let (r0, r1) = cut(self.refusal_due, mid);
        let (h0, h1) = cut(self.handoff, mid);
        let (s0, s1) = cut(self.storage_until, mid);
        (
            TimelineColumns {
                end: e0,
                term_due: t0,
                within_term: w0,
                refusal_due: r0,
                handoff: h0,
                storage_until: s0,
            },
            TimelineColumns {
                end: e1,
                term_due: t1,
                within_term: w1,
                refusal_due: r1,
                handoff: h1,
                storage_until: s1,
            },
        )
    }
}

impl TimelineCore {
    #[inline(always)]
    pub(crate) fn to_row<T: BulkTime>(self, t: &TimeTables) -> TimelineRow<T> {
        let at = |l| from_local(l, t);
        TimelineRow {
            end: at(self.end),
            term_due: self.term_due.map(at),
            within_term: self.within_term(),
            refusal_due: self.refusal_due.map(at),
            handoff: self.handoff.map(at),
            storage_until: self.storage_until.map(at),
        }
    }
}

impl CompiledChain {
    /// The results of [`Regulation::timeline`](crate::Regulation::timeline)
    /// without steps and warnings, allocation-free: the scalar form of
    /// [`timeline_bulk`](CompiledChain::timeline_bulk).
    ///
    /// # Errors
    ///
    /// The error [`Regulation::timeline`](crate::Regulation::timeline) gives for this submission.
    pub fn timeline_row<T: BulkTime>(
        &self,
        office: &OfficeTime,
        submitted: T,
    ) -> Result<TimelineRow<T>> {
        let s = match to_local(submitted, office.calendar().valid_last()) {
            Some(s) => s,
            None => {
                return Err(
                    instant_error(office, 0, submitted, |n| office.first_office_instant(n)).error,
                )
            }
        };
        Ok(self.core(office, s, None)?.to_row(&TimeTables::get()))
    }

    /// The timeline of every submission (RULES.md §6), written into the present
    /// columns of `out`. Item by item the same as
    /// [`Regulation::timeline`](crate::Regulation::timeline) for this chain's
    /// channel and outcome (`end`, `term_due`, `within_term`, `refusal_due`,
    /// `handoff`, `storage_until`). `T` is [`NaiveDateTime`](chrono::NaiveDateTime) or [`LocalMinutes`](crate::LocalMinutes), minutes since
    /// 2000-01-01 00:00 local ([`BulkTime`]). No allocation; the error names the
    /// first failing index.
    ///
    /// ```
    /// use chrono::{NaiveDate, NaiveDateTime};
    /// use merzim::{Calendar, Channel, OfficeTime, Outcome, Regulation, Schedule, TimelineColumns};
    /// let office = OfficeTime::new(&Calendar::kazakhstan(), Schedule::state_body())?;
    /// let chain = Regulation::bundled("east-kazakhstan-2016-land-purpose-change")?
    ///     .compile(Channel::Provider, Outcome::Approve)?;
    /// let s = [NaiveDate::from_ymd_opt(2026, 3, 18).unwrap().and_hms_opt(16, 30, 0).unwrap()];
    /// let (mut end, mut within) = ([NaiveDateTime::MIN; 1], [None; 1]);
    /// chain.timeline_bulk(&office, &s, TimelineColumns {
    ///     end: Some(&mut end), within_term: Some(&mut within), ..Default::default()
    /// })?;
    /// assert_eq!(end[0].to_string(), "2026-04-22 09:15:00");
    /// assert_eq!(within[0], Some(false));
    /// # Ok::<(), merzim::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// A [`BulkError`]: a present column whose length differs from
    /// `submitted`, or the first submission whose timeline fails, with its index.
    pub fn timeline_bulk<T: BulkTime>(
        &self,
        office: &OfficeTime,
        submitted: &[T],
        mut c: TimelineColumns<'_, T>,
    ) -> BulkResult {
        c.check(submitted.len())?;
        let (last, tables) = (office.calendar().valid_last(), TimeTables::get());
        let at = |l| from_local(l, &tables);
        for (k, &s) in submitted.iter().enumerate() {
            let Some(l) = to_local(s, last) else {
                return Err(instant_error(office, k, s, |n| {
                    office.first_office_instant(n)
                }));
            };
            let r = match self.core(office, l, None) {
                Ok(r) => r,
                Err(error) => return Err(BulkError { index: k, error }),
            };
            if let Some(col) = c.end.as_deref_mut() {
                col[k] = at(r.end);
            }
            if let Some(col) = c.term_due.as_deref_mut() {
                col[k] = r.term_due.map(at);
            }
            if let Some(col) = c.within_term.as_deref_mut() {
                col[k] = r.within_term();
            }
            if let Some(col) = c.refusal_due.as_deref_mut() {
                col[k] = r.refusal_due.map(at);
            }
            if let Some(col) = c.handoff.as_deref_mut() {
                col[k] = r.handoff.map(at);
            }
            if let Some(col) = c.storage_until.as_deref_mut() {
                col[k] = r.storage_until.map(at);
            }
        }
        Ok(())
    }

    /// [`timeline_bulk`](CompiledChain::timeline_bulk) on rayon's thread pool.
    /// Same results and the same error (the lowest failing index).
    ///
    /// # Errors
    ///
    /// As [`timeline_bulk`](CompiledChain::timeline_bulk).
    #[cfg(feature = "rayon")]
    pub fn par_timeline_bulk<T: BulkTime>(
        &self,
        office: &OfficeTime,
        submitted: &[T],
        out: TimelineColumns<'_, T>,
    ) -> BulkResult {
        out.check(submitted.len())?;
        crate::bulk::par_drive((submitted, out), &|(s, c)| self.timeline_bulk(office, s, c))
    }
}

//! Recomputation of many cases against a changed calendar, with a change report.

use chrono::NaiveDate;

use crate::bulk::{
    check_lengths, from_local, instant_error, line, to_local, BulkError, BulkResult, BulkTime,
    TimeTables,
};
use crate::legal::LegalOptions;
use crate::office::OfficeTime;
use crate::regulation::{CompiledChain, TimelineRow};
use crate::term::Term;
use crate::Error;

/// One case whose result differs between the old and the new calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Change<T> {
    /// The case's index in the input columns.
    pub index: usize,
    /// The result with the old calendar.
    pub old: T,
    /// The result with the new calendar.
    pub new: T,
}

/// Recomputation of many cases against a changed calendar (a new transfer
/// order, a corrected holiday), reporting only the cases whose results changed.
///
/// [`Recompute::new`] compares the two calendars once and keeps a prefix count
/// of the days whose working status differs (4 bytes per day: 40 KiB for the
/// embedded coverage). Every result depends only on the days between a case's
/// submission and its last computed day (the handoff day, a working day before
/// the last day, may lie before the submission and is included), so a case
/// whose day range holds no differing day has the same result under both
/// calendars: it is computed once, with the new calendar, and skipped. Only
/// the cases that touch a differing day are computed a second time and
/// compared. The cost is one pass plus the touched cases.
///
/// When the two office times differ in schedule, week or range, the shortcut
/// is off and every case is computed twice.
///
/// A case that fails (outside coverage) fails the whole call, naming its index
/// (as the bulk functions do).
#[derive(Debug, Clone)]
pub struct Recompute {
    old: OfficeTime,
    new: OfficeTime,
    /// diff_before[i] = differing days among 0..i; `None`: compare every case.
    diff_before: Option<Vec<u32>>,
    changed: Vec<u32>,
}

impl Recompute {
    /// Compares the calendars of `old` and `new`.
    pub fn new(old: &OfficeTime, new: &OfficeTime) -> Recompute {
        let (co, cn) = (old.calendar(), new.calendar());
        let last = co.valid_last().min(cn.valid_last());
        let mut diff_before = Vec::with_capacity(last as usize + 2);
        let mut changed = Vec::new();
        let mut n = 0u32;
        for i in 0..=last {
            diff_before.push(n);
            if co.working_at(i) != cn.working_at(i) {
                changed.push(i);
                n += 1;
            }
        }
        diff_before.push(n);
        let comparable = old.schedule() == new.schedule()
            && co.week() == cn.week()
            && co.valid_last() == cn.valid_last();
        Recompute {
            old: old.clone(),
            new: new.clone(),
            diff_before: comparable.then_some(diff_before),
            changed,
        }
    }

    /// The dates whose working status differs between the two calendars.
    pub fn changed_days(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.changed.iter().map(|&i| crate::dates::date_of(i))
    }

    /// Whether no day in `lo..=hi` differs (so a computation reading only
    /// those days gives the same result under both calendars).
    #[inline(always)]
    fn clean(&self, lo: u32, hi: u32) -> bool {
        match &self.diff_before {
            Some(p) => {
                let hi = (hi as usize + 1).min(p.len() - 1);
                p[hi] == p[(lo as usize).min(hi)]
            }
            None => false,
        }
    }

    /// Working-day additions ([`Calendar::add_working_days`](crate::Calendar::add_working_days)) whose result changed.
    ///
    /// # Errors
    ///
    /// A [`BulkError`](crate::BulkError): columns of different lengths, or the first case that fails
    /// (outside coverage) under either calendar, with its index.
    pub fn add_working_days(
        &self,
        dates: &[NaiveDate],
        n: &[i32],
    ) -> BulkResult<Vec<Change<NaiveDate>>> {
        check_lengths(&["dates", "n"], &[dates.len(), n.len()])?;
        let (tn, to) = (
            self.new.calendar().day_tables(),
            self.old.calendar().day_tables(),
        );
        let mut out = Vec::new();
        for (k, (&d, &n)) in dates.iter().zip(n).enumerate() {
            let i = crate::dates::index_of(d);
            let Some(w) = tn.add(i, n) else {
                return Err(self.new.calendar().add_error(k, d, n));
            };
            let (lo, hi) = if (w as i64) < i {
                (w, i as u32)
            } else {
                (i as u32, w)
            };
            if self.clean(lo, hi) {
                continue;
            }
            let Some(v) = to.add(i, n) else {
                return Err(old_error(self.old.calendar().add_error(k, d, n)));
            };
            if v != w {
                out.push(Change {
                    index: k,
                    old: crate::dates::date_of(v),
                    new: crate::dates::date_of(w),
                });
            }
        }
        Ok(out)
    }

    /// Legal dues ([`OfficeTime::legal_due`]'s `due`) whose instant changed;
    /// columns as in [`OfficeTime::legal_due_bulk_each`].
    ///
    /// # Errors
    ///
    /// As [`add_working_days`](Recompute::add_working_days).
    pub fn legal_dues<T: BulkTime>(
        &self,
        submitted: &[T],
        terms: &[Term],
        options: &[LegalOptions],
    ) -> BulkResult<Vec<Change<T>>> {
        check_lengths(
            &["submitted", "terms", "options"],
            &[submitted.len(), terms.len(), options.len()],
        )?;
        let (last, tables) = (self.new.calendar().valid_last(), TimeTables::get());
        let mut out = Vec::new();
        for (k, ((&s, &term), &o)) in submitted.iter().zip(terms).zip(options).enumerate() {
            let item = |office: &OfficeTime| {
                to_local(s, last)
                    .and_then(|l| office.legal_due_local(l, term, o).ok().map(|d| (l, d)))
            };
            let Some((l, d)) = item(&self.new) else {
                return Err(instant_error(&self.new, k, s, |n| {
                    self.new.legal_due(n, term, o)
                }));
            };
            let lo = d.handoff.map_or(l.day, |h| h.day.min(l.day));
            let hi = d.last_day.max(d.due.day).max(d.registered).max(l.day);
            if self.clean(lo, hi) {
                continue;
            }
            let Some((_, old)) = item(&self.old) else {
                return Err(old_error(instant_error(&self.old, k, s, |n| {
                    self.old.legal_due(n, term, o)
                })));
            };
            if line(old.due) != line(d.due) {
                out.push(Change {
                    index: k,
                    old: from_local(old.due, &tables),
                    new: from_local(d.due, &tables),
                });
            }
        }
        Ok(out)
    }

    /// Regulation timelines of `chain` whose results ([`TimelineRow`]) changed.
    ///
    /// # Errors
    ///
    /// As [`add_working_days`](Recompute::add_working_days).
    pub fn timelines<T: BulkTime>(
        &self,
        chain: &CompiledChain,
        submitted: &[T],
    ) -> BulkResult<Vec<Change<TimelineRow<T>>>> {
        let (last, tables) = (self.new.calendar().valid_last(), TimeTables::get());
        let mut out = Vec::new();
        for (k, &s) in submitted.iter().enumerate() {
            let Some(l) = to_local(s, last) else {
                return Err(instant_error(&self.new, k, s, |n| {
                    self.new.first_office_instant(n)
                }));
            };
            let r = chain
                .core(&self.new, l, None)
                .map_err(|error| BulkError { index: k, error })?;
            if self.clean(r.lo, r.hi) {
                continue;
            }
            let old = chain
                .core(&self.old, l, None)
                .map_err(|error| old_error(BulkError { index: k, error }))?;
            if !old.same_results(&r) {
                out.push(Change {
                    index: k,
                    old: old.to_row(&tables),
                    new: r.to_row(&tables),
                });
            }
        }
        Ok(out)
    }
}

#[cold]
fn old_error(e: BulkError) -> BulkError {
    let error = Error::new(
        e.error.kind(),
        format!("old calendar: {}", e.error.message()),
    );
    BulkError::new(e.index, error)
}

#[allow(dead_code)]
fn _assert_traits() {
    fn is<T: Send + Sync>() {}
    is::<Recompute>();
    is::<crate::bulk::BulkError>();
}

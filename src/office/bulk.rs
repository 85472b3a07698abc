//! The office-time bulk paths: legal dues, steps and SLA status over columns,
//! in every instant form ([`BulkTime`]), sequential and on rayon's pool.

use chrono::NaiveDateTime;

use super::OfficeTime;
use crate::bulk::{
    check_lengths, from_local, instant_error, to_local, BulkError, BulkResult, BulkTime, TimeTables,
};
use crate::legal::LegalOptions;
use crate::sla::SlaStatus;
use crate::term::Term;

impl OfficeTime {
    /// The due instant of [`legal_due`](OfficeTime::legal_due) for every
    /// submission, one term and options for all, written to `out[k]`.
    ///
    /// `T` is [`NaiveDateTime`] or the raw form `i64` (minutes since 2000-01-01
    /// 00:00 local); see [`BulkTime`]. Item by item the scalar result's `due`; no
    /// allocation; the error names the first failing index.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use merzim::{Calendar, LegalOptions, OfficeTime, Schedule};
    /// let office = OfficeTime::new(&Calendar::kazakhstan(), Schedule::state_body())?;
    /// let s = NaiveDate::from_ymd_opt(2026, 3, 20).unwrap().and_hms_opt(16, 30, 0).unwrap();
    /// let mut out = [s; 1];
    /// office.legal_due_bulk(&[s], "22 working days".parse()?, LegalOptions::default(), &mut out)?;
    /// assert_eq!(out[0].to_string(), "2026-04-23 18:30:00");
    /// # Ok::<(), merzim::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// A [`BulkError`]: columns of different lengths, or the first item whose
    /// scalar [`legal_due`](OfficeTime::legal_due) fails, with its index and that error.
    pub fn legal_due_bulk<T: BulkTime>(
        &self,
        submitted: &[T],
        term: Term,
        options: LegalOptions,
        out: &mut [T],
    ) -> BulkResult {
        check_lengths(&["submitted", "out"], &[submitted.len(), out.len()])?;
        let (last, tables) = (self.calendar().valid_last(), TimeTables::get());
        for (k, (&s, o)) in submitted.iter().zip(out.iter_mut()).enumerate() {
            match to_local(s, last).and_then(|l| self.legal_due_local(l, term, options).ok()) {
                Some(d) => *o = from_local(d.due, &tables),
                None => {
                    return Err(instant_error(self, k, s, |n| {
                        self.legal_due(n, term, options)
                    }))
                }
            }
        }
        Ok(())
    }

    /// [`legal_due_bulk`](OfficeTime::legal_due_bulk) with a term and options
    /// (channel, start rule, end) per item.
    ///
    /// # Errors
    ///
    /// As [`legal_due_bulk`](OfficeTime::legal_due_bulk).
    pub fn legal_due_bulk_each<T: BulkTime>(
        &self,
        submitted: &[T],
        terms: &[Term],
        options: &[LegalOptions],
        out: &mut [T],
    ) -> BulkResult {
        check_lengths(
            &["submitted", "terms", "options", "out"],
            &[submitted.len(), terms.len(), options.len(), out.len()],
        )?;
        let (last, tables) = (self.calendar().valid_last(), TimeTables::get());
        for (k, (((&s, &term), &o), out)) in submitted
            .iter()
            .zip(terms)
            .zip(options)
            .zip(out.iter_mut())
            .enumerate()
        {
            match to_local(s, last).and_then(|l| self.legal_due_local(l, term, o).ok()) {
                Some(d) => *out = from_local(d.due, &tables),
                None => return Err(instant_error(self, k, s, |n| self.legal_due(n, term, o))),
            }
        }
        Ok(())
    }
}

impl OfficeTime {
    /// [`step`](OfficeTime::step) for every instant: a regulation step of `term`
    /// from `from[k]`, written to `out[k]` (a 15-minute office step, a 2-working-day
    /// step, …). `T` as in [`legal_due_bulk`](OfficeTime::legal_due_bulk). No
    /// allocation; the error names the first failing index.
    ///
    /// # Errors
    ///
    /// As [`legal_due_bulk`](OfficeTime::legal_due_bulk), for [`step`](OfficeTime::step).
    pub fn step_bulk<T: BulkTime>(&self, from: &[T], term: Term, out: &mut [T]) -> BulkResult {
        check_lengths(&["from", "out"], &[from.len(), out.len()])?;
        let (last, tables) = (self.calendar().valid_last(), TimeTables::get());
        // Minutes and hours on a uniform schedule: the advance kernel, its
        // tables borrowed once for the whole column.
        if let Some(kernel) = term.office_minutes().and_then(|m| self.advance_kernel(m)) {
            let working_dates = self.calendar().working_dates();
            for (k, (&t, o)) in from.iter().zip(out.iter_mut()).enumerate() {
                match to_local(t, last).and_then(|l| kernel.advance_to(l, working_dates, &tables)) {
                    Some(r) => *o = r,
                    None => return Err(instant_error(self, k, t, |n| self.step(n, term))),
                }
            }
            return Ok(());
        }
        for (k, (&t, o)) in from.iter().zip(out.iter_mut()).enumerate() {
            match to_local(t, last).and_then(|l| self.step_local(l, term).ok()) {
                Some(r) => *o = from_local(r, &tables),
                None => return Err(instant_error(self, k, t, |n| self.step(n, term))),
            }
        }
        Ok(())
    }

    /// [`step_bulk`](OfficeTime::step_bulk) on rayon's thread pool.
    ///
    /// # Errors
    ///
    /// As [`step_bulk`](OfficeTime::step_bulk).
    #[cfg(feature = "rayon")]
    pub fn par_step_bulk<T: BulkTime>(&self, from: &[T], term: Term, out: &mut [T]) -> BulkResult {
        check_lengths(&["from", "out"], &[from.len(), out.len()])?;
        crate::bulk::par_drive((from, out), &|(f, o)| self.step_bulk(f, term, o))
    }
}

#[cfg(feature = "rayon")]
impl OfficeTime {
    /// [`legal_due_bulk`](OfficeTime::legal_due_bulk) on rayon's thread pool.
    /// Same results and the same error (the lowest failing index).
    ///
    /// # Errors
    ///
    /// As [`legal_due_bulk`](OfficeTime::legal_due_bulk).
    pub fn par_legal_due_bulk<T: BulkTime>(
        &self,
        submitted: &[T],
        term: Term,
        options: LegalOptions,
        out: &mut [T],
    ) -> BulkResult {
        check_lengths(&["submitted", "out"], &[submitted.len(), out.len()])?;
        crate::bulk::par_drive((submitted, out), &|(s, o)| {
            self.legal_due_bulk(s, term, options, o)
        })
    }

    /// [`legal_due_bulk_each`](OfficeTime::legal_due_bulk_each) on rayon's thread pool.
    ///
    /// # Errors
    ///
    /// As [`legal_due_bulk`](OfficeTime::legal_due_bulk).
    pub fn par_legal_due_bulk_each<T: BulkTime>(
        &self,
        submitted: &[T],
        terms: &[Term],
        options: &[LegalOptions],
        out: &mut [T],
    ) -> BulkResult {
        check_lengths(
            &["submitted", "terms", "options", "out"],
            &[submitted.len(), terms.len(), options.len(), out.len()],
        )?;
        crate::bulk::par_drive(((submitted, terms), (options, out)), &|(
            (s, t),
            (o, out),
        )| {
            self.legal_due_bulk_each(s, t, o, out)
        })
    }
}

impl OfficeTime {
    /// [`sla_status`](OfficeTime::sla_status) for every case at one `now`,
    /// written to `out[k]`; columns as in
    /// [`legal_due_bulk_each`](OfficeTime::legal_due_bulk_each). `T` as in
    /// [`legal_due_bulk`](OfficeTime::legal_due_bulk). No allocation.
    ///
    /// # Errors
    ///
    /// A [`BulkError`]: columns of different lengths, `now` outside coverage
    /// (index 0), or the first failing item with its index.
    pub fn sla_status_bulk<T: BulkTime>(
        &self,
        submitted: &[T],
        terms: &[Term],
        options: &[LegalOptions],
        now: NaiveDateTime,
        out: &mut [SlaStatus],
    ) -> BulkResult {
        check_lengths(
            &["submitted", "terms", "options", "out"],
            &[submitted.len(), terms.len(), options.len(), out.len()],
        )?;
        let now_l = self.local(now).map_err(|e| BulkError::new(0, e))?;
        let last = self.calendar().valid_last();
        for (k, (((&s, &term), &o), out)) in submitted
            .iter()
            .zip(terms)
            .zip(options)
            .zip(out.iter_mut())
            .enumerate()
        {
            match to_local(s, last).map(|l| self.sla_local(l, term, o, now_l)) {
                Some(Ok(v)) => *out = v,
                Some(Err(error)) => return Err(BulkError::new(k, error)),
                None => {
                    return Err(instant_error(self, k, s, |n| {
                        self.sla_status(n, term, o, now)
                    }))
                }
            }
        }
        Ok(())
    }

    /// [`sla_status_bulk`](OfficeTime::sla_status_bulk) on rayon's thread pool.
    ///
    /// # Errors
    ///
    /// As [`sla_status_bulk`](OfficeTime::sla_status_bulk).
    #[cfg(feature = "rayon")]
    pub fn par_sla_status_bulk<T: BulkTime>(
        &self,
        submitted: &[T],
        terms: &[Term],
        options: &[LegalOptions],
        now: NaiveDateTime,
        out: &mut [SlaStatus],
    ) -> BulkResult {
        check_lengths(
            &["submitted", "terms", "options", "out"],
            &[submitted.len(), terms.len(), options.len(), out.len()],
        )?;
        crate::bulk::par_drive(((submitted, terms), (options, out)), &|(
            (s, t),
            (o, out),
        )| {
            self.sla_status_bulk(s, t, o, now, out)
        })
    }
}

//! The office-time bulk paths: regulation steps over columns, in every
//! instant form ([`BulkTime`]), sequential and on rayon's pool. (The legal
//! dues' and the SLA status's bulk forms live with their rules.)

use super::OfficeTime;
use crate::bulk::{
    check_lengths, from_local, instant_error, to_local, BulkResult, BulkTime, TimeTables,
};
use crate::term::Term;

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

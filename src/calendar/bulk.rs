//! The calendar's bulk paths: [`Calendar::add_working_days`] and
//! [`Calendar::working_days_between`] over columns, in every date form
//! ([`BulkDate`]), sequential and on rayon's pool.

use super::Calendar;
use crate::bulk::{check_lengths, item_error, BulkDate, BulkError, BulkResult, DateTables};

impl Calendar {
    /// [`add_working_days`](Calendar::add_working_days) for every pair
    /// `(dates[k], n[k])`, written to `out[k]`.
    ///
    /// `D` is [`NaiveDate`](chrono::NaiveDate), [`EpochDays`](crate::EpochDays)
    /// or [`Yyyymmdd`](crate::Yyyymmdd). Item by item exactly the scalar
    /// function (n = 0 rolls forward; a non-working date is not rolled first,
    /// unlike numpy's `busday_offset`). No allocation.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use merzim::{EpochDays, Yyyymmdd};
    /// let cal = merzim::Calendar::kazakhstan();
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let mut out = [NaiveDate::MIN; 2];
    /// cal.add_working_days_bulk(&[d(2026, 3, 20), d(2026, 3, 21)], &[1, 0], &mut out)?;
    /// assert_eq!(out, [d(2026, 3, 26), d(2026, 3, 26)]);
    /// let mut out = [Yyyymmdd(0); 1];
    /// cal.add_working_days_bulk(&[Yyyymmdd(20240503)], &[1], &mut out)?;
    /// assert_eq!(out, [Yyyymmdd(20240504)]); // a working Saturday
    /// let mut out = [EpochDays(0); 1];
    /// cal.add_working_days_bulk(&[EpochDays(20532)], &[1], &mut out)?; // 2026-03-20
    /// assert_eq!(out, [EpochDays(20538)]);                               // 2026-03-26
    /// # Ok::<(), merzim::BulkError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// A [`BulkError`]: columns of different lengths
    /// ([`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput), at the
    /// first index some column lacks), or the first item whose scalar call
    /// fails, with its index and the scalar error (a `yyyymmdd` that is not a
    /// date is `InvalidInput`; a date or result outside coverage is
    /// `OutOfCoverage`). Outputs before that index are written.
    pub fn add_working_days_bulk<D: BulkDate>(
        &self,
        dates: &[D],
        n: &[i32],
        out: &mut [D],
    ) -> BulkResult {
        check_lengths(&["dates", "n", "out"], &[dates.len(), n.len(), out.len()])?;
        let (t, days) = (DateTables::get(), self.day_tables());
        for (k, ((&d, &n), o)) in dates.iter().zip(n).zip(out.iter_mut()).enumerate() {
            match d.index(&t).and_then(|i| days.add(i, n)) {
                Some(w) => *o = D::of_index(w, &t),
                None => return Err(self.add_error(k, d, n)),
            }
        }
        Ok(())
    }

    #[cold]
    #[inline(never)]
    pub(crate) fn add_error<D: BulkDate>(&self, k: usize, d: D, n: i32) -> BulkError {
        match d.date() {
            Ok(date) => item_error(
                k,
                || self.add_working_days(date, n),
                || format!("adding {n} working days to {date}"),
            ),
            Err(e) => BulkError::new(k, e),
        }
    }

    /// [`working_days_between`](Calendar::working_days_between) for every pair
    /// `(a[k], b[k])`, written to `out[k]`; `D` as in
    /// [`add_working_days_bulk`](Calendar::add_working_days_bulk).
    ///
    /// # Errors
    ///
    /// As [`add_working_days_bulk`](Calendar::add_working_days_bulk).
    pub fn working_days_between_bulk<D: BulkDate>(
        &self,
        a: &[D],
        b: &[D],
        out: &mut [i32],
    ) -> BulkResult {
        check_lengths(&["a", "b", "out"], &[a.len(), b.len(), out.len()])?;
        let (t, days) = (DateTables::get(), self.day_tables());
        for (k, ((&x, &y), o)) in a.iter().zip(b).zip(out.iter_mut()).enumerate() {
            match x
                .index(&t)
                .zip(y.index(&t))
                .and_then(|(i, j)| days.between(i, j))
            {
                Some(v) => *o = v,
                None => return Err(self.between_error(k, x, y)),
            }
        }
        Ok(())
    }

    #[cold]
    #[inline(never)]
    fn between_error<D: BulkDate>(&self, k: usize, x: D, y: D) -> BulkError {
        match (x.date(), y.date()) {
            (Ok(dx), Ok(dy)) => item_error(
                k,
                || self.working_days_between(dx, dy),
                || format!("counting working days from {dx} to {dy}"),
            ),
            (Err(e), _) | (_, Err(e)) => BulkError::new(k, e),
        }
    }
}

#[cfg(feature = "rayon")]
impl Calendar {
    /// [`add_working_days_bulk`](Calendar::add_working_days_bulk) on rayon's
    /// thread pool. Same results and the same error (the lowest failing index).
    ///
    /// # Errors
    ///
    /// As [`add_working_days_bulk`](Calendar::add_working_days_bulk).
    pub fn par_add_working_days_bulk<D: BulkDate>(
        &self,
        dates: &[D],
        n: &[i32],
        out: &mut [D],
    ) -> BulkResult {
        check_lengths(&["dates", "n", "out"], &[dates.len(), n.len(), out.len()])?;
        crate::bulk::par_drive(((dates, n), out), &|((d, n), o)| {
            self.add_working_days_bulk(d, n, o)
        })
    }

    /// [`working_days_between_bulk`](Calendar::working_days_between_bulk) on
    /// rayon's thread pool.
    ///
    /// # Errors
    ///
    /// As [`add_working_days_bulk`](Calendar::add_working_days_bulk).
    pub fn par_working_days_between_bulk<D: BulkDate>(
        &self,
        a: &[D],
        b: &[D],
        out: &mut [i32],
    ) -> BulkResult {
        check_lengths(&["a", "b", "out"], &[a.len(), b.len(), out.len()])?;
        crate::bulk::par_drive(((a, b), out), &|((a, b), o)| {
            self.working_days_between_bulk(a, b, o)
        })
    }
}

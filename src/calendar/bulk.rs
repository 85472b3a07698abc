//! The calendar's bulk paths: [`Calendar::add_working_days`] and
//! [`Calendar::working_days_between`] over columns, in every date form
//! ([`BulkDate`]), sequential and on rayon's pool.

use std::sync::Arc;

use super::Calendar;
use crate::bulk::{check_lengths, item_error, BulkDate, BulkError, BulkResult, DateTables};
use crate::dates::FIRST_YEAR;
use crate::dates::{self, Yyyymmdd};

/// The tables of the `yyyymmdd` bulk path (see
/// [`Calendar::add_working_days_yyyymmdd`]), for the days the calendar covers.
#[derive(Debug, Default)]
pub(super) struct YmdTables {
    /// slot[yyyymmdd - 20000101] = the working days before that date, with
    /// bit 15 set when it is itself a working day; `u16::MAX` for an integer
    /// that is not a date (20000132, 20000231, …). Indexed by the integer
    /// itself, so no division: the table ends at the last covered date, and
    /// of its ~560 KiB valid input reads only the ~2 cache lines of each
    /// month it names.
    slot: Box<[u16]>,
    /// The `yyyymmdd` of the k-th working day, for the ordinals whose day is
    /// covered.
    working_ymd: Box<[i32]>,
}

/// The `yyyymmdd` of 2000-01-01, the first entry of [`YmdTables::slot`].
const FIRST_YMD: u32 = FIRST_YEAR as u32 * 10_000 + 101;

impl YmdTables {
    /// [`Calendar::add_working_days`] of the `yyyymmdd` integer `v`, when it
    /// and the result are covered dates. Two table reads, whose bounds are
    /// the range checks.
    #[inline(always)]
    fn add(&self, v: i32, n: i32) -> Option<i32> {
        // A negative `v` or one before 2000-01-01 wraps to a huge index.
        let at = (v as u32).wrapping_sub(FIRST_YMD) as usize;
        let e = *self.slot.get(at)?;
        if e == u16::MAX {
            return None;
        }
        let step = if n > 0 { (e >> 15) as i64 - 1 } else { 0 };
        let ord = (e & 0x7fff) as i64 + n as i64 + step;
        // A negative ordinal wraps to a huge index.
        self.working_ymd.get(ord as u64 as usize).copied()
    }
}

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
        // `yyyymmdd` integers have a faster path of their own.
        if let (Some(d), Some(o)) = (D::as_yyyymmdd(dates), D::as_yyyymmdd_mut(out)) {
            return self.add_working_days_yyyymmdd(d, n, o);
        }
        self.add_working_days_loop(dates, n, out)
    }

    /// The `add_working_days` loop of every date form.
    #[inline(always)]
    fn add_working_days_loop<D: BulkDate>(
        &self,
        dates: &[D],
        n: &[i32],
        out: &mut [D],
    ) -> BulkResult {
        let (t, days) = (DateTables::get(), self.day_tables());
        for (k, ((&d, &n), o)) in dates.iter().zip(n).zip(out.iter_mut()).enumerate() {
            match d.index(&t).and_then(|i| days.add(i, n)) {
                Some(w) => *o = D::of_index(w, &t),
                None => return Err(self.add_error(k, d, n)),
            }
        }
        Ok(())
    }

    /// The `add_working_days` loop of the `yyyymmdd` form (the C API's): the
    /// same kernel as [`DayTables::add`](super::DayTables), on tables that go
    /// from a `yyyymmdd` straight to its working-day count and from a working
    /// day's ordinal straight to its `yyyymmdd`.
    fn add_working_days_yyyymmdd(
        &self,
        dates: &[Yyyymmdd],
        n: &[i32],
        out: &mut [Yyyymmdd],
    ) -> BulkResult {
        let t = self.ymd_tables();
        for (k, ((&d, &n), o)) in dates.iter().zip(n).zip(out.iter_mut()).enumerate() {
            match t.add(d.0, n) {
                Some(r) => *o = Yyyymmdd(r),
                None => return Err(self.add_error(k, d, n)),
            }
        }
        Ok(())
    }

    /// The tables of the `yyyymmdd` path, built on first use.
    fn ymd_tables(&self) -> &YmdTables {
        self.inner.ymd.get_or_init(|| {
            let ymd = dates::yyyymmdd_table();
            let last = self.valid_last();
            let len = ymd[last as usize] as u32 - FIRST_YMD + 1;
            let mut slot = vec![u16::MAX; len as usize];
            for (i, &v) in ymd.iter().enumerate().take(last as usize + 1) {
                let working = u16::from(self.working_at(i as u32));
                slot[(v as u32 - FIRST_YMD) as usize] = self.inner.cum[i] | (working << 15);
            }
            let covered = self.cum_at(last + 1) as usize;
            let working_ymd = self.inner.working[..covered]
                .iter()
                .map(|&w| ymd[w as usize])
                .collect();
            Arc::new(YmdTables {
                slot: slot.into_boxed_slice(),
                working_ymd,
            })
        })
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

//! Legal terms as typed C calls: `merzim_legal_due` and its bulk form.
//!
//! The C side passes a submission as `int64_t` yyyymmddhhmm (local
//! wall-clock time of the office), the term as an amount and a
//! `merzim_unit`, and the options as `merzim_channel`, `merzim_start_rule`
//! and `merzim_term_end` (C enums with explicit values, received here as
//! `int32_t` and checked). The answer is [`OfficeTime::legal_due`] on the
//! calendar's default office (the state-body schedule in the default zone:
//! what a batch-contract term request with only `submitted` and `term`
//! uses), converted to [`merzim_due`]. Nothing is computed here.

use chrono::{Datelike, NaiveDateTime, Timelike};
use merzim::{
    Channel, LegalDue, LegalOptions, OfficeTime, StartRule, Term, TermEnd, Unit, Yyyymmdd,
};

use crate::calendar::merzim_calendar;
use crate::error::merzim_error;
use crate::macros::{arg, Out};
use crate::status::{Failure, MERZIM_ERR_INVALID_ARGUMENT, MERZIM_ERR_NULL_POINTER, MERZIM_OK};

/// The answer of `merzim_legal_due` (see `merzim.h`).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct merzim_due {
    /// The registration date (state_corporation: the acceptance date), yyyymmdd.
    pub registered: i32,
    /// Day 1 of the term, yyyymmdd; 0 for terms in minutes or hours.
    pub day_one: i32,
    /// The last day of the term, yyyymmdd.
    pub last_day: i32,
    /// 1 when the answer depends on a provisional day, else 0.
    pub provisional: i32,
    /// The due instant, yyyymmddhhmm local wall-clock time.
    pub due: i64,
    /// state_corporation: the provider's handoff to the centre,
    /// yyyymmddhhmm; 0 when there is none.
    pub handoff: i64,
    /// The zone's offset from UTC at `due`, in seconds (18000 for +05:00).
    pub due_utc_offset: i32,
    /// The zone's offset from UTC at `handoff`, in seconds; 0 when there is
    /// no handoff.
    pub handoff_utc_offset: i32,
}

/// The channel of a C `merzim_channel` value.
fn channel_of(v: i32) -> Result<Channel, Failure> {
    match v {
        0 => Ok(Channel::Provider),
        1 => Ok(Channel::Portal),
        2 => Ok(Channel::StateCorporation),
        _ => Err(bad_enum("channel", v, "0..=2 (MERZIM_CHANNEL_PROVIDER, MERZIM_CHANNEL_PORTAL, MERZIM_CHANNEL_STATE_CORPORATION)")),
    }
}

fn start_of(v: i32) -> Result<StartRule, Failure> {
    match v {
        0 => Ok(StartRule::SubmissionDay),
        1 => Ok(StartRule::NextDay),
        _ => Err(bad_enum(
            "start_rule",
            v,
            "0..=1 (MERZIM_START_SUBMISSION_DAY, MERZIM_START_NEXT_DAY)",
        )),
    }
}

fn end_of(v: i32) -> Result<TermEnd, Failure> {
    match v {
        0 => Ok(TermEnd::CloseOfBusiness),
        1 => Ok(TermEnd::Midnight),
        _ => Err(bad_enum(
            "term_end",
            v,
            "0..=1 (MERZIM_END_CLOSE_OF_BUSINESS, MERZIM_END_MIDNIGHT)",
        )),
    }
}

fn unit_of(v: i32) -> Result<Unit, Failure> {
    match v {
        1 => Ok(Unit::Minutes),
        2 => Ok(Unit::Hours),
        3 => Ok(Unit::WorkingDays),
        4 => Ok(Unit::CalendarDays),
        5 => Ok(Unit::Months),
        _ => Err(bad_enum(
            "unit",
            v,
            "1..=5 (MERZIM_UNIT_MINUTES, MERZIM_UNIT_HOURS, MERZIM_UNIT_WORKING_DAYS, \
             MERZIM_UNIT_CALENDAR_DAYS, MERZIM_UNIT_MONTHS)",
        )),
    }
}

fn bad_enum(what: &str, v: i32, valid: &str) -> Failure {
    Failure::new(
        MERZIM_ERR_INVALID_ARGUMENT,
        format!("{v} is not a merzim_{what} value: the valid values are {valid}"),
    )
}

/// The term and options of the C arguments.
fn term_and_options(
    amount: u32,
    unit: i32,
    channel: i32,
    start: i32,
    end: i32,
) -> Result<(Term, LegalOptions), Failure> {
    let term = Term::new(amount, unit_of(unit)?)?;
    let options = LegalOptions {
        channel: channel_of(channel)?,
        start: start_of(start)?,
        end: end_of(end)?,
    };
    Ok((term, options))
}

/// yyyymmddhhmm → local time; `MERZIM_ERR_INVALID_ARGUMENT` naming the value
/// for anything that is not one.
fn time_of(v: i64) -> Result<NaiveDateTime, Failure> {
    let bad = || {
        Failure::new(
            MERZIM_ERR_INVALID_ARGUMENT,
            format!(
                "submitted {v} is not a time in yyyymmddhhmm form \
                 (e.g. 202603201630 for 2026-03-20 16:30; hour 0..=23, minute 0..=59)"
            ),
        )
    };
    if v < 0 {
        return Err(bad());
    }
    let (day, hh, mm) = (v / 10_000, (v / 100) % 100, v % 100);
    let day = i32::try_from(day).map_err(|_| bad())?;
    let date = Yyyymmdd(day).to_date().ok_or_else(bad)?;
    let hh = u32::try_from(hh).map_err(|_| bad())?;
    let mm = u32::try_from(mm).map_err(|_| bad())?;
    date.and_hms_opt(hh, mm, 0).ok_or_else(bad)
}

/// Local time → yyyymmddhhmm.
fn yyyymmddhhmm(t: NaiveDateTime) -> i64 {
    i64::from(Yyyymmdd::from(t.date()).0) * 10_000
        + i64::from(t.hour()) * 100
        + i64::from(t.minute())
}

/// The C form of a library answer.
fn due_of(d: &LegalDue) -> merzim_due {
    let offset = |t: NaiveDateTime| d.zone.resolve(t).0.offset().local_minus_utc();
    merzim_due {
        registered: Yyyymmdd::from(d.registered).0,
        day_one: d.day_one.map_or(0, |x| Yyyymmdd::from(x).0),
        last_day: Yyyymmdd::from(d.last_day).0,
        provisional: i32::from(d.provisional),
        due: yyyymmddhhmm(d.due),
        handoff: d.handoff.map_or(0, yyyymmddhhmm),
        due_utc_offset: offset(d.due),
        handoff_utc_offset: d.handoff.map_or(0, offset),
    }
}

/// One item: the library's answer for `submitted`.
fn one(
    office: &OfficeTime,
    submitted: i64,
    term: Term,
    options: LegalOptions,
) -> Result<merzim_due, Failure> {
    let s = time_of(submitted)?;
    debug_assert!(s.year() > 0);
    Ok(due_of(&office.legal_due(s, term, options)?))
}

ffi_fn! {
    /// `OfficeTime::legal_due` on the calendar's default office.
    ///
    /// # Safety
    /// `cal` must be NULL or a live calendar; `out` NULL or writable; `err`
    /// NULL or a writable `merzim_error *`.
    #[allow(clippy::too_many_arguments)]
    unsafe fn merzim_legal_due(
        cal: *const merzim_calendar,
        submitted: i64,
        amount: u32,
        unit: i32,
        channel: i32,
        start: i32,
        end: i32,
        out: *mut merzim_due,
        err: *mut *mut merzim_error,
    ) -> status, reports(err) {
        // SAFETY: `cal` is NULL or live, `out` NULL or writable, by the caller's contract.
        let (cal, out) = unsafe { (arg(cal, "cal")?, Out::new(out, "out")?) };
        let (term, options) = term_and_options(amount, unit, channel, start, end)?;
        out.set(one(cal.evaluator().default_office(), submitted, term, options)?);
        Ok(())
    }
}

/// The body of [`merzim_legal_due_bulk`].
///
/// # Safety
/// As [`merzim_legal_due_bulk`].
#[allow(clippy::too_many_arguments)]
unsafe fn legal_bulk(
    cal: *const merzim_calendar,
    submitted: *const i64,
    len: usize,
    term: (u32, i32),
    options: (i32, i32, i32),
    out: *mut merzim_due,
    status: *mut i32,
    failed_count: &mut usize,
) -> Result<(), Failure> {
    // SAFETY: `cal` is NULL or live, by the caller's contract.
    let cal = unsafe { arg(cal, "cal") }?;
    let (term, options) = term_and_options(term.0, term.1, options.0, options.1, options.2)?;
    if len == 0 {
        *failed_count = 0;
        return Ok(());
    }
    for (p, what) in [
        (submitted.is_null(), "submitted"),
        (out.is_null(), "out"),
        (status.is_null(), "status"),
    ] {
        if p {
            return Err(Failure::new(
                MERZIM_ERR_NULL_POINTER,
                format!("`{what}` is NULL with a non-zero length"),
            ));
        }
    }
    if len > isize::MAX as usize / std::mem::size_of::<merzim_due>() {
        return Err(Failure::new(
            MERZIM_ERR_INVALID_ARGUMENT,
            format!("length {len} is too large"),
        ));
    }
    let office = cal.evaluator().default_office();
    let mut first: Option<(usize, Failure)> = None;
    let mut failed = 0usize;
    for k in 0..len {
        // SAFETY: `submitted` points to `len` readable `int64_t`, `out` to
        // `len` writable `merzim_due`, `status` to `len` writable `int32_t`,
        // by the caller's contract; read and written one element at a time,
        // so no Rust reference aliases another array.
        let s = unsafe { submitted.add(k).read() };
        let (d, st) = match one(office, s, term, options) {
            Ok(d) => (d, MERZIM_OK),
            Err(f) => {
                failed += 1;
                let st = f.status;
                if first.is_none() {
                    first = Some((k, f));
                }
                (merzim_due::default(), st)
            }
        };
        // SAFETY: as above.
        unsafe {
            out.add(k).write(d);
            status.add(k).write(st);
        }
    }
    *failed_count = failed;
    match first {
        None => Ok(()),
        Some((k, f)) => Err(Failure::new(f.status, format!("item {k}: {}", f.message))),
    }
}

ffi_fn! {
    /// `merzim_legal_due` for `len` submissions, one term and options for
    /// all; every item computed, each with its status.
    ///
    /// # Safety
    /// `cal` must be NULL or a live calendar; `submitted` NULL or `len`
    /// readable `int64_t`; `out` NULL or `len` writable `merzim_due`;
    /// `status` NULL or `len` writable `int32_t`; `failed_count` NULL or
    /// writable; `err` NULL or a writable `merzim_error *`.
    #[allow(clippy::too_many_arguments)]
    unsafe fn merzim_legal_due_bulk(
        cal: *const merzim_calendar,
        submitted: *const i64,
        len: usize,
        amount: u32,
        unit: i32,
        channel: i32,
        start: i32,
        end: i32,
        out: *mut merzim_due,
        status: *mut i32,
        failed_count: *mut usize,
        err: *mut *mut merzim_error,
    ) -> status, reports(err) {
        let mut failed = len;
        // SAFETY: forwarded contract.
        let result = unsafe {
            legal_bulk(cal, submitted, len, (amount, unit), (channel, start, end), out, status, &mut failed)
        };
        if !failed_count.is_null() {
            // SAFETY: `failed_count` is non-NULL and writable, by the caller's contract.
            unsafe { failed_count.write(failed) };
        }
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times() {
        assert_eq!(
            time_of(202603201630).unwrap().to_string(),
            "2026-03-20 16:30:00"
        );
        for bad in [
            -1,
            0,
            202603201660,
            202603202430,
            202602311000,
            i64::MAX,
            i64::MIN,
            20260320,
        ] {
            let f = time_of(bad).unwrap_err();
            assert_eq!(f.status, MERZIM_ERR_INVALID_ARGUMENT);
            assert!(f.message.contains(&bad.to_string()), "{}", f.message);
        }
        let t = time_of(202603201630).unwrap();
        assert_eq!(yyyymmddhhmm(t), 202603201630);
    }

    #[test]
    fn enums_are_checked() {
        for (v, ok) in [
            (-1, false),
            (0, true),
            (2, true),
            (3, false),
            (i32::MAX, false),
        ] {
            assert_eq!(channel_of(v).is_ok(), ok, "{v}");
        }
        assert!(unit_of(0).is_err());
        assert!(unit_of(6).is_err());
        assert!(start_of(2).is_err());
        assert!(end_of(-1).is_err());
        let m = unit_of(0).unwrap_err().message;
        assert!(
            m.contains("0 is not a merzim_unit") && m.contains("1..=5"),
            "{m}"
        );
    }
}

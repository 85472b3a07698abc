//! PostgreSQL's date and time values to the library's and back.
//!
//! PostgreSQL counts days and microseconds from 2000-01-01 (UTC for
//! timestamptz); chrono counts days from 0001-01-01 and seconds from 1970.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use merzim_lib::{ErrorKind, Submitted};
use pgrx::datum::{Date, Timestamp, TimestampWithTimeZone};

use crate::errors::raise;

/// `NaiveDate::num_days_from_ce` of 2000-01-01.
const PG_EPOCH_CE_DAYS: i32 = 730_120;
/// Seconds from 1970-01-01 to 2000-01-01.
const PG_EPOCH_UNIX_SECS: i64 = 946_684_800;

fn infinite(what: &str) -> ! {
    raise(
        ErrorKind::OutOfCoverage,
        &format!("an infinite {what} is outside the calendar's coverage"),
    )
}

#[inline]
pub(crate) fn date_in(d: Date) -> NaiveDate {
    if !d.is_finite() {
        infinite("date");
    }
    match NaiveDate::from_num_days_from_ce_opt(
        d.to_pg_epoch_days().saturating_add(PG_EPOCH_CE_DAYS),
    ) {
        Some(n) => n,
        None => infinite("date"),
    }
}

#[inline]
pub(crate) fn date_out(d: NaiveDate) -> Date {
    use chrono::Datelike;
    // SAFETY: every date the library returns is within PostgreSQL's range.
    unsafe { Date::from_pg_epoch_days(d.num_days_from_ce() - PG_EPOCH_CE_DAYS) }
}

fn from_micros(us: i64) -> NaiveDateTime {
    let secs = us.div_euclid(1_000_000) + PG_EPOCH_UNIX_SECS;
    let nanos = (us.rem_euclid(1_000_000) * 1000) as u32;
    DateTime::from_timestamp(secs, nanos)
        .expect("a finite PostgreSQL timestamp is within chrono's range")
        .naive_utc()
}

/// A timestamptz: an instant.
pub(crate) fn instant_in(t: TimestampWithTimeZone) -> Submitted {
    if !t.is_finite() {
        infinite("timestamp");
    }
    let utc = from_micros(t.into_inner());
    Submitted::from(utc.and_utc().fixed_offset())
}

/// A timestamp without time zone: a local time of the office.
pub(crate) fn local_in(t: Timestamp) -> Submitted {
    if !t.is_finite() {
        infinite("timestamp");
    }
    Submitted::from(from_micros(i64::from(t)))
}

pub(crate) fn instant_out(t: DateTime<FixedOffset>) -> TimestampWithTimeZone {
    let us = t.timestamp_micros() - PG_EPOCH_UNIX_SECS * 1_000_000;
    TimestampWithTimeZone::try_from(us)
        .expect("the library's instants are within PostgreSQL's range")
}

//! Arguments read straight from `fcinfo`, for the functions called once per
//! row: pgrx's generic decoding copies each argument through the stack and
//! cost a third of a call to add_working_days. The functions that use these
//! declare their SQL themselves (`#[pg_extern(sql = …)]`), so the types read
//! here are the declared ones.

use chrono::NaiveDate;
use pgrx::datum::Date;
use pgrx::pg_sys;

use crate::cache::CalendarKey;
use crate::convert::date_in;
use crate::errors::raise;

/// Argument `i`; `None` when NULL.
///
/// # Safety
///
/// `fcinfo` is the call's, with more than `i` arguments.
#[inline]
pub(crate) unsafe fn datum(fcinfo: pg_sys::FunctionCallInfo, i: usize) -> Option<pg_sys::Datum> {
    if pgrx::fcinfo::pg_arg_is_null(fcinfo, i) {
        None
    } else {
        Some(pgrx::fcinfo::pg_getarg_datum_raw(fcinfo, i))
    }
}

/// A `date` argument as PostgreSQL holds it.
///
/// # Safety
///
/// As [`datum`]; argument `i` is declared `date`.
#[inline]
pub(crate) unsafe fn raw_date(fcinfo: pg_sys::FunctionCallInfo, i: usize) -> Option<Date> {
    // SAFETY: a date datum is a DateADT (i32) by value.
    datum(fcinfo, i).map(|d| Date::saturating_from_raw(d.value() as pg_sys::DateADT))
}

/// A `date` argument, checked against the range of dates (infinity is out of
/// coverage).
///
/// # Safety
///
/// As [`raw_date`].
#[inline]
pub(crate) unsafe fn date(fcinfo: pg_sys::FunctionCallInfo, i: usize) -> Option<NaiveDate> {
    raw_date(fcinfo, i).map(date_in)
}

/// An `integer` argument.
///
/// # Safety
///
/// As [`datum`]; argument `i` is declared `integer`.
#[inline]
pub(crate) unsafe fn int4(fcinfo: pg_sys::FunctionCallInfo, i: usize) -> Option<i32> {
    datum(fcinfo, i).map(|d| d.value() as i32)
}

/// A `text` argument, detoasted in the call's memory context.
///
/// # Safety
///
/// As [`datum`]; argument `i` is declared `text`.
#[inline]
pub(crate) unsafe fn text<'a>(fcinfo: pg_sys::FunctionCallInfo, i: usize) -> Option<&'a str> {
    let d = datum(fcinfo, i)?;
    let v = pg_sys::pg_detoast_datum_packed(d.cast_mut_ptr());
    match pgrx::text_to_rust_str(v) {
        Ok(s) => Some(s),
        Err(e) => raise(
            merzim_lib::ErrorKind::InvalidInput,
            &format!("argument {} is not valid UTF-8: {e}", i + 1),
        ),
    }
}

/// The calendar options `week text, as_known_on date, overlay_toml text`,
/// arguments `i` to `i + 2`.
///
/// # Safety
///
/// As [`datum`]; the three arguments are declared so.
#[inline]
pub(crate) unsafe fn calendar_key<'a>(
    fcinfo: pg_sys::FunctionCallInfo,
    i: usize,
) -> CalendarKey<'a> {
    CalendarKey::new(
        text(fcinfo, i),
        raw_date(fcinfo, i + 1),
        text(fcinfo, i + 2),
    )
}

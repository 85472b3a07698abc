//! The library's errors as PostgreSQL errors: the library's message, and a
//! SQLSTATE for its kind.

use merzim_lib::ErrorKind;
use pgrx::prelude::*;
use pgrx::{PgLogLevel, PgSqlErrorCode};

/// The SQLSTATE of an error kind: 22008 (datetime_field_overflow) for a date
/// outside the data's coverage, 22023 (invalid_parameter_value) for a bad
/// term, option, overlay or regulation text, XX000 for a bug.
pub(crate) fn sqlstate(kind: ErrorKind) -> PgSqlErrorCode {
    match kind {
        ErrorKind::OutOfCoverage => PgSqlErrorCode::ERRCODE_DATETIME_FIELD_OVERFLOW,
        ErrorKind::InvalidInput | ErrorKind::InvalidData | ErrorKind::InvalidRegulation => {
            PgSqlErrorCode::ERRCODE_INVALID_PARAMETER_VALUE
        }
        ErrorKind::Io => PgSqlErrorCode::ERRCODE_IO_ERROR,
        _ => PgSqlErrorCode::ERRCODE_INTERNAL_ERROR,
    }
}

/// Raises an error of `kind` with `message` as an SQL error (never returns).
pub(crate) fn raise(kind: ErrorKind, message: &str) -> ! {
    ereport!(
        PgLogLevel::ERROR,
        sqlstate(kind),
        format!("merzim: {message}"),
        format!("error kind: {kind}")
    );
    unreachable!("ereport(ERROR) does not return")
}

/// The value, or the error raised as an SQL error.
pub(crate) fn or_raise<T>(r: merzim_lib::Result<T>) -> T {
    match r {
        Ok(v) => v,
        Err(e) => raise(e.kind(), e.message()),
    }
}

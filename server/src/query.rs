//! Reading query strings and path segments, with the library's own parsers
//! and error messages.

use std::str::FromStr;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use crate::error::ApiError;

/// A query string read into `T`; a bad one is a 400 with the error object.
pub struct Q<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Q<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Q<T>, ApiError> {
        let q = parts.uri.query().unwrap_or("");
        serde_urlencoded::from_str(q)
            .map(Q)
            .map_err(|e| ApiError::bad(format!("bad query string: {e}")))
    }
}

/// `value` read by the library's parser (its error message as the answer).
pub fn lib<T: FromStr<Err = merzim::Error>>(value: Option<&str>) -> Result<Option<T>, ApiError> {
    value
        .map(|v| v.parse::<T>().map_err(ApiError::from))
        .transpose()
}

/// A `YYYY-MM-DD` date.
pub fn date(field: &str, value: &str) -> Result<chrono::NaiveDate, ApiError> {
    chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|_| {
        ApiError::bad(format!(
            "{field}: {:?} is not a date: expected YYYY-MM-DD, e.g. 2026-03-20",
            excerpt(value)
        ))
    })
}

/// An optional `YYYY-MM-DD` date.
pub fn opt_date(field: &str, value: Option<&str>) -> Result<Option<chrono::NaiveDate>, ApiError> {
    value.map(|v| date(field, v)).transpose()
}

/// `true`/`false` (also `1`/`0`).
pub fn flag(field: &str, value: Option<&str>) -> Result<bool, ApiError> {
    match value {
        None | Some("false") | Some("0") => Ok(false),
        Some("true") | Some("1") | Some("") => Ok(true),
        Some(v) => Err(ApiError::bad(format!(
            "{field}: {:?} is not true or false",
            excerpt(v)
        ))),
    }
}

/// The first 80 characters of a bad value.
pub fn excerpt(s: &str) -> String {
    s.chars().take(80).collect()
}

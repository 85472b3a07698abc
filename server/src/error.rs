//! The error answer: the batch contract's error object (`{"kind", "message"}`)
//! under `"error"`, with an HTTP status that fits its kind.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use merzim::{Error, ErrorKind};
use serde::Serialize;

/// An error answer.
#[derive(Debug, Clone)]
pub struct ApiError {
    /// The status.
    pub status: StatusCode,
    /// The kind: a library [`ErrorKind`] name, or one of the service's own
    /// (`not_found`, `method_not_allowed`, `too_large`,
    /// `unsupported_media_type`, `not_acceptable`, `timeout`, `busy`).
    pub kind: &'static str,
    /// What was wrong.
    pub message: String,
}

#[derive(Serialize)]
struct Body<'a> {
    error: Inner<'a>,
}

#[derive(Serialize)]
struct Inner<'a> {
    kind: &'a str,
    message: &'a str,
}

/// The status of a library error: 422 out of coverage, 500 a bug in merzim,
/// 400 anything else a request can cause.
pub fn status_of(kind: ErrorKind) -> StatusCode {
    match kind {
        ErrorKind::OutOfCoverage => StatusCode::UNPROCESSABLE_ENTITY,
        ErrorKind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        _ => StatusCode::BAD_REQUEST,
    }
}

impl ApiError {
    /// An error of the service's own `kind`.
    pub fn new(status: StatusCode, kind: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            kind,
            message: message.into(),
        }
    }

    /// 400 `invalid_input`.
    pub fn bad(message: impl Into<String>) -> ApiError {
        ApiError::new(
            StatusCode::BAD_REQUEST,
            ErrorKind::InvalidInput.as_str(),
            message,
        )
    }

    /// 404 `not_found`.
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, "not_found", message)
    }

    /// 500 `internal`.
    pub fn from_internal(message: impl Into<String>) -> ApiError {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            ErrorKind::Internal.as_str(),
            message,
        )
    }

    /// The JSON text of the answer.
    pub fn json(&self) -> String {
        serde_json::to_string(&Body {
            error: Inner {
                kind: self.kind,
                message: &self.message,
            },
        })
        .unwrap_or_default()
    }
}

impl From<Error> for ApiError {
    fn from(e: Error) -> ApiError {
        ApiError {
            status: status_of(e.kind()),
            kind: e.kind().as_str(),
            message: e.message().to_string(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut r = (self.status, self.json()).into_response();
        r.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        r.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        r
    }
}

/// A handler's result.
pub type ApiResult<T> = Result<T, ApiError>;

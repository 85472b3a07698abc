//! The one public error type.

use std::fmt;

/// What went wrong, in a form a program can branch on.
///
/// New kinds may be added in minor releases, so match with a wildcard arm.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorKind {
    /// A date (or a computation reaching a date) outside the calendar's coverage.
    OutOfCoverage,
    /// A bad argument or request: an impossible date, an unknown channel, a zero term, …
    InvalidInput,
    /// Bad calendar data (a holiday file or an overlay): the message names the line.
    InvalidData,
    /// A bad regulation file: the message names the file, the field and the problem.
    InvalidRegulation,
    /// A file could not be read.
    Io,
}

impl ErrorKind {
    /// The stable snake_case name used in JSON output (`"out_of_coverage"`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::OutOfCoverage => "out_of_coverage",
            ErrorKind::InvalidInput => "invalid_input",
            ErrorKind::InvalidData => "invalid_data",
            ErrorKind::InvalidRegulation => "invalid_regulation",
            ErrorKind::Io => "io",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of every fallible operation in merzim.
///
/// Opaque: ask it for its [`kind`](Error::kind); its message names the bad
/// value and, where there is one, the valid range.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct Error {
    kind: ErrorKind,
    message: String,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
        }
    }

    pub(crate) fn invalid_input(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::InvalidInput, message)
    }

    pub(crate) fn invalid_data(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::InvalidData, message)
    }

    pub(crate) fn invalid_regulation(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::InvalidRegulation, message)
    }

    pub(crate) fn out_of_coverage(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::OutOfCoverage, message)
    }

    /// What kind of error this is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The human-readable message (the same text as `Display`).
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// `Result` with merzim's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

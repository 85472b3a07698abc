//! The one public error type.

use std::sync::Arc;

named_enum! {
    /// What went wrong, in a form a program can branch on.
    ///
    /// New kinds may be added in minor releases, so match with a wildcard arm.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    #[non_exhaustive]
    pub enum ErrorKind ("error kind") {
        /// A date (or a computation reaching a date) outside the calendar's coverage.
        OutOfCoverage = "out_of_coverage",
        /// A bad argument or request: an impossible date, an unknown channel, a zero term, …
        InvalidInput = "invalid_input",
        /// Bad calendar data (a holiday file or an overlay): the message names the file and line.
        InvalidData = "invalid_data",
        /// A bad regulation file: the message names the file, the field and the problem.
        InvalidRegulation = "invalid_regulation",
        /// A file could not be read.
        Io = "io",
        /// A bug in merzim (a panic caught at a boundary): please report it.
        Internal = "internal",
    }
}

/// The error of every fallible operation in merzim.
///
/// Opaque: ask it for its [`kind`](Error::kind); its message names the bad
/// value and, where there is one, the valid range. An I/O error keeps the
/// operating system's error as its [`source`](std::error::Error::source).
#[derive(Clone, Debug, thiserror::Error)]
#[error("{message}")]
pub struct Error {
    kind: ErrorKind,
    message: String,
    #[source]
    source: Option<Arc<std::io::Error>>,
}

impl PartialEq for Error {
    /// Errors are equal when their kinds and messages are.
    fn eq(&self, other: &Error) -> bool {
        self.kind == other.kind && self.message == other.message
    }
}

impl Eq for Error {}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
            source: None,
        }
    }

    /// An [`ErrorKind::Io`] error reading `what` at `path`.
    #[cold]
    pub(crate) fn io(what: &str, path: &std::path::Path, e: std::io::Error) -> Error {
        Error {
            kind: ErrorKind::Io,
            message: format!("cannot read {what} {}: {e}", path.display()),
            source: Some(Arc::new(e)),
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

/// How much of a bad value an error message quotes, in characters.
const QUOTE_CHARS: usize = 80;

/// `s` as a string literal of at most 80 characters, for messages that name a
/// bad value without echoing a huge one: the one way errors quote a value.
pub(crate) fn quoted(s: &str) -> String {
    match cut(s) {
        None => format!("{s:?}"),
        Some(head) => format!("{head:?}… ({} bytes)", s.len()),
    }
}

/// `s` as it is (a JSON value's text) when at most 80 characters, else its
/// first 80 characters marked as cut.
pub(crate) fn excerpt(s: &str) -> String {
    match cut(s) {
        None => s.to_string(),
        Some(head) => format!("{head}… ({} bytes)", s.len()),
    }
}

/// The first [`QUOTE_CHARS`] characters of `s` when it is longer.
fn cut(s: &str) -> Option<String> {
    (s.chars().count() > QUOTE_CHARS).then(|| s.chars().take(QUOTE_CHARS).collect())
}

/// `Result` with merzim's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

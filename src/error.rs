//! The one public error type.

use std::sync::Arc;

use crate::names::Lang;

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
    /// The message in Kazakh and Russian, when it has been written in them.
    localized: Option<Arc<[String; 2]>>,
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
            localized: None,
            source: None,
        }
    }

    /// This error with its message in Kazakh and Russian too (see
    /// [`message_in`](Error::message_in)).
    pub(crate) fn in_kk_ru(mut self, kk: impl Into<String>, ru: impl Into<String>) -> Error {
        self.localized = Some(Arc::new([kk.into(), ru.into()]));
        self
    }

    /// An [`ErrorKind::Io`] error reading `what` at `path`.
    #[cold]
    pub(crate) fn io(what: &str, path: &std::path::Path, e: std::io::Error) -> Error {
        let (kk, ru) = (what_in(what, Lang::Kk), what_in(what, Lang::Ru));
        let shown = path.display();
        let reason = io_reason(&e);
        Error {
            kind: ErrorKind::Io,
            message: format!("cannot read {what} {shown}: {e}"),
            localized: Some(Arc::new([
                format!("{kk} оқылмады: {shown} ({})", reason[0]),
                format!("не удалось прочитать {ru} {shown} ({})", reason[1]),
            ])),
            source: Some(Arc::new(e)),
        }
    }

    pub(crate) fn invalid_input(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::InvalidInput, message)
    }

    /// Bad calendar data: the headline is in the three languages, the
    /// details (file, line, field, the parser's words) stay as written.
    pub(crate) fn invalid_data(message: impl Into<String>) -> Error {
        let m = message.into();
        let (kk, ru) = (
            format!("күнтізбе деректері жарамсыз: {m}"),
            format!("неверные данные календаря: {m}"),
        );
        Error::new(ErrorKind::InvalidData, m).in_kk_ru(kk, ru)
    }

    /// A bad regulation file: headline in the three languages, as
    /// [`invalid_data`](Error::invalid_data).
    pub(crate) fn invalid_regulation(message: impl Into<String>) -> Error {
        let m = message.into();
        let (kk, ru) = (
            format!("регламент файлы жарамсыз: {m}"),
            format!("неверный файл регламента: {m}"),
        );
        Error::new(ErrorKind::InvalidRegulation, m).in_kk_ru(kk, ru)
    }

    pub(crate) fn out_of_coverage(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::OutOfCoverage, message)
    }

    /// What kind of error this is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The human-readable message (the same text as `Display`), in English:
    /// the text of the API (JSON `message` fields, the C API, Python).
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The message for a person reading `lang`: Kazakh or Russian where the
    /// error has been written in them (every error a caller can trigger with
    /// a bad argument or a common bad input: dates, times, terms, names of
    /// channels and other options, regulation ids, schedules, zones, the
    /// calendar's coverage, unreadable files, the headline of a bad data or
    /// regulation file), else the English [`message`](Error::message).
    ///
    /// ```
    /// use merzim::{Lang, Term};
    /// let e = "22 weeks".parse::<Term>().unwrap_err();
    /// assert!(e.message_in(Lang::Ru).starts_with("не удалось прочитать срок"));
    /// assert_eq!(e.message_in(Lang::En), e.message());
    /// ```
    pub fn message_in(&self, lang: Lang) -> &str {
        match (&self.localized, lang) {
            (Some(l), Lang::Kk) => &l[0],
            (Some(l), Lang::Ru) => &l[1],
            _ => &self.message,
        }
    }

    /// Whether [`message_in`](Error::message_in) has a Kazakh and Russian text.
    pub fn is_localized(&self) -> bool {
        self.localized.is_some()
    }
}

/// The Kazakh or Russian name of what a message names in English (the
/// `what` of named enums and files), or the English word itself.
pub(crate) fn what_in(what: &str, lang: Lang) -> &str {
    let (kk, ru) = match what {
        "channel" => ("арна", "канал"),
        "start rule" => ("мерзімнің басталу ережесі", "правило начала срока"),
        "term end" => ("мерзімнің аяқталуы", "окончание срока"),
        "outcome" => ("нәтиже", "результат"),
        "week" => ("жұмыс аптасы", "рабочая неделя"),
        "horizon" => ("есептеу көкжиегі", "горизонт расчёта"),
        "language" => ("тіл", "язык"),
        "day kind" => ("күн түрі", "вид дня"),
        "unit" => ("өлшем бірлігі", "единица измерения"),
        "error kind" => ("қате түрі", "вид ошибки"),
        "calendar file" => ("күнтізбе файлы", "файл календаря"),
        "regulation file" => ("регламент файлы", "файл регламента"),
        _ => return what,
    };
    lang.pick(kk, ru, what)
}

/// Why a file could not be read, in Kazakh and Russian (the operating
/// system's own text stays in the English message and the error's source).
fn io_reason(e: &std::io::Error) -> [&'static str; 2] {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => ["файл табылмады", "файл не найден"],
        K::PermissionDenied => ["рұқсат жоқ", "нет доступа"],
        K::InvalidData => ["UTF-8 мәтіні емес", "не текст в UTF-8"],
        K::IsADirectory => ["бұл файл емес, каталог", "это каталог, а не файл"],
        _ => ["енгізу-шығару қатесі", "ошибка ввода-вывода"],
    }
}

/// A date as people write it in `lang` (`20.03.2026` in Kazakh and Russian),
/// for localized messages.
pub(crate) fn date_in(d: chrono::NaiveDate, lang: Lang) -> String {
    lang.format_date(d)
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

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use crate::{
        Calendar, Channel, LegalOptions, OfficeTime, Outcome, Regulation, Schedule, StartRule,
        Submitted, Term, TermEnd, Zone,
    };

    use super::*;

    fn cyrillic(s: &str) -> bool {
        s.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
    }

    /// Every error a user of a face triggers with a bad argument or a common
    /// bad input reads in Kazakh and Russian; `Display` and `message` stay English.
    #[test]
    fn errors_a_user_can_trigger_read_in_kazakh_and_russian() {
        let cal = Calendar::kazakhstan();
        let office = OfficeTime::new(&cal, Schedule::default()).unwrap();
        let at = NaiveDate::from_ymd_opt(2026, 3, 20)
            .unwrap()
            .and_hms_opt(16, 30, 0)
            .unwrap();
        let far = NaiveDate::from_ymd_opt(2027, 12, 30)
            .unwrap()
            .and_hms_opt(10, 0, 0)
            .unwrap();
        let errors: Vec<Error> = vec![
            "22 weeks".parse::<Term>().unwrap_err(),
            "5 (десять) рабочих дней".parse::<Term>().unwrap_err(),
            "2000000 working days".parse::<Term>().unwrap_err(),
            "yesterday".parse::<Submitted>().unwrap_err(),
            "fax".parse::<Channel>().unwrap_err(),
            "later".parse::<StartRule>().unwrap_err(),
            "noon".parse::<TermEnd>().unwrap_err(),
            "maybe".parse::<Outcome>().unwrap_err(),
            "Mars/Base".parse::<Zone>().unwrap_err(),
            "9-18".parse::<Schedule>().unwrap_err(),
            "13:00-09:00".parse::<Schedule>().unwrap_err(),
            "mon-fri 09:00-13:00; fri 14:00-15:00"
                .parse::<Schedule>()
                .unwrap_err(),
            Regulation::bundled("nope").unwrap_err(),
            Regulation::from_file("/nonexistent/merzim.toml").unwrap_err(),
            cal.day(NaiveDate::from_ymd_opt(2030, 1, 1).unwrap())
                .unwrap_err(),
            cal.as_known_on(NaiveDate::from_ymd_opt(1999, 1, 1).unwrap())
                .unwrap_err(),
            cal.working_days_in_month(2026, 13).unwrap_err(),
            office
                .legal_due(at, Term::working_days(0).unwrap(), LegalOptions::default())
                .unwrap_err(),
            office
                .legal_due(
                    far,
                    Term::working_days(30).unwrap(),
                    LegalOptions::default(),
                )
                .unwrap_err(),
        ];
        for e in errors {
            let (en, kk, ru) = (
                e.message_in(Lang::En),
                e.message_in(Lang::Kk),
                e.message_in(Lang::Ru),
            );
            assert!(e.is_localized(), "{en}");
            assert_eq!(en, e.message());
            assert_eq!(e.to_string(), e.message());
            assert!(cyrillic(kk) && cyrillic(ru), "{en}\n{kk}\n{ru}");
            assert_ne!(kk, ru, "{en}");
            for english in [
                "cannot", "expected", "unknown", "outside", "invalid", "must",
            ] {
                assert!(
                    !kk.contains(english) && !ru.contains(english),
                    "{en}\n{kk}\n{ru}"
                );
            }
        }
    }

    /// A bad data or regulation file: the headline is in the language, the
    /// details (file, line, the TOML parser's words) as written.
    #[test]
    fn bad_files_have_a_headline_in_kazakh_and_russian() {
        let reg = Regulation::from_toml("x.toml", "x = 1").unwrap_err();
        let data = Calendar::kazakhstan()
            .with_overlay_toml("o.toml", "x = 1")
            .unwrap_err();
        for (e, kk, ru) in [
            (
                &reg,
                "регламент файлы жарамсыз: ",
                "неверный файл регламента: ",
            ),
            (
                &data,
                "күнтізбе деректері жарамсыз: ",
                "неверные данные календаря: ",
            ),
        ] {
            assert_eq!(e.message_in(Lang::Kk), format!("{kk}{}", e.message()));
            assert_eq!(e.message_in(Lang::Ru), format!("{ru}{}", e.message()));
            assert_eq!(e.message_in(Lang::En), e.message());
        }
    }

    #[test]
    fn dates_in_kazakh_and_russian_messages_are_written_dd_mm_yyyy() {
        let cal = Calendar::kazakhstan();
        let e = cal
            .day(NaiveDate::from_ymd_opt(2030, 1, 10).unwrap())
            .unwrap_err();
        assert!(e.message().contains("2030-01-10"));
        for lang in [Lang::Kk, Lang::Ru] {
            let m = e.message_in(lang);
            assert!(m.contains("10.01.2030") && m.contains("01.01.2000"), "{m}");
            assert!(!m.contains("2030-01-10"), "{m}");
        }
    }
}

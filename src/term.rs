//! A term: an amount and a unit ("22 working days", "15 minutes", "1 month").

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::names::Lang;
use crate::{Error, Result};

named_enum! {
    /// The unit of a [`Term`].
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    #[non_exhaustive]
    pub enum Unit ("unit") {
        /// Office minutes (RULES.md §3).
        Minutes = "minutes",
        /// Office hours: 60 office minutes each ("24 hours" is three 8-hour office days).
        Hours = "hours",
        /// Working days of the calendar.
        WorkingDays = "working_days",
        /// Calendar days; a last day that is not a working day moves forward.
        CalendarDays = "calendar_days",
        /// Months (Civil Code art. 174: the same day number, or the month's last day).
        Months = "months",
    }
}

/// An amount of time in one [`Unit`].
///
/// Parses and prints English ("22 working days"), Russian ("22 рабочих дня")
/// and Kazakh ("22 жұмыс күні"):
///
/// ```
/// use merzim::{Lang, Term, Unit};
/// let t: Term = "36 рабочих дней".parse()?;
/// assert_eq!((t.amount(), t.unit()), (36, Unit::WorkingDays));
/// assert_eq!(t.to_string(), "36 working days");
/// assert_eq!(t.display_in(Lang::Kk), "36 жұмыс күні");
/// assert_eq!("бір ай".parse::<Term>()?, Term::new(1, Unit::Months)?);
/// # Ok::<(), merzim::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Term {
    amount: u32,
    unit: Unit,
}

/// Largest amount accepted for any unit: far beyond any real term, small
/// enough that no arithmetic on it can overflow.
pub const MAX_TERM_AMOUNT: u32 = 1_000_000;

impl Term {
    /// A term of `amount` `unit`s; `amount` must be at most [`MAX_TERM_AMOUNT`].
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) when
    /// `amount` is above [`MAX_TERM_AMOUNT`] (the message gives the range). A
    /// term of 0 is a valid regulation step; legal terms refuse it when
    /// counted.
    pub fn new(amount: u32, unit: Unit) -> Result<Term> {
        if amount > MAX_TERM_AMOUNT {
            return Err(Error::invalid_input(format!(
                "term amount {amount} is too large: the valid range is 0..={MAX_TERM_AMOUNT}"
            ))
            .in_kk_ru(
                format!(
                    "мерзім шамасы {amount} тым үлкен: рұқсат етілген аралық 0–{MAX_TERM_AMOUNT}"
                ),
                format!(
                    "величина срока {amount} слишком велика: допустимо от 0 до {MAX_TERM_AMOUNT}"
                ),
            ));
        }
        Ok(Term { amount, unit })
    }

    /// `n` minutes.
    ///
    /// # Errors
    ///
    /// As [`Term::new`].
    pub fn minutes(n: u32) -> Result<Term> {
        Term::new(n, Unit::Minutes)
    }
    /// `n` hours.
    ///
    /// # Errors
    ///
    /// As [`Term::new`].
    pub fn hours(n: u32) -> Result<Term> {
        Term::new(n, Unit::Hours)
    }
    /// `n` working days.
    ///
    /// # Errors
    ///
    /// As [`Term::new`].
    pub fn working_days(n: u32) -> Result<Term> {
        Term::new(n, Unit::WorkingDays)
    }
    /// `n` calendar days.
    ///
    /// # Errors
    ///
    /// As [`Term::new`].
    pub fn calendar_days(n: u32) -> Result<Term> {
        Term::new(n, Unit::CalendarDays)
    }
    /// `n` months.
    ///
    /// # Errors
    ///
    /// As [`Term::new`].
    pub fn months(n: u32) -> Result<Term> {
        Term::new(n, Unit::Months)
    }

    /// The amount.
    pub fn amount(self) -> u32 {
        self.amount
    }

    /// The unit.
    pub fn unit(self) -> Unit {
        self.unit
    }

    /// Office minutes of a minutes/hours term; `None` for day and month terms.
    pub fn office_minutes(self) -> Option<u64> {
        match self.unit {
            Unit::Minutes => Some(self.amount as u64),
            Unit::Hours => Some(self.amount as u64 * 60),
            _ => None,
        }
    }

    /// The term written in `lang`.
    pub fn display_in(self, lang: Lang) -> String {
        let word = self.unit_word(lang);
        let mut out = String::with_capacity(11 + word.len());
        // The amount's digits, written without the formatting machinery
        // (every step of every batch answer writes its duration).
        let mut digits = [0u8; 10];
        let (mut n, mut i) = (self.amount, digits.len());
        loop {
            i -= 1;
            digits[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        for &d in &digits[i..] {
            out.push(char::from(d));
        }
        out.push(' ');
        out.push_str(word);
        out
    }

    /// The unit's word for this amount in `lang` ("working days", "рабочих дня").
    fn unit_word(self, lang: Lang) -> &'static str {
        let n = self.amount;
        match lang {
            Lang::En => {
                let one = n == 1;
                match (self.unit, one) {
                    (Unit::Minutes, true) => "minute",
                    (Unit::Minutes, false) => "minutes",
                    (Unit::Hours, true) => "hour",
                    (Unit::Hours, false) => "hours",
                    (Unit::WorkingDays, true) => "working day",
                    (Unit::WorkingDays, false) => "working days",
                    (Unit::CalendarDays, true) => "calendar day",
                    (Unit::CalendarDays, false) => "calendar days",
                    (Unit::Months, true) => "month",
                    (Unit::Months, false) => "months",
                }
            }
            Lang::Ru => {
                let form = russian_plural(n);
                let forms: [&str; 3] = match self.unit {
                    Unit::Minutes => ["минута", "минуты", "минут"],
                    Unit::Hours => ["час", "часа", "часов"],
                    Unit::WorkingDays => ["рабочий день", "рабочих дня", "рабочих дней"],
                    Unit::CalendarDays => {
                        ["календарный день", "календарных дня", "календарных дней"]
                    }
                    Unit::Months => ["месяц", "месяца", "месяцев"],
                };
                forms[form]
            }
            Lang::Kk => match self.unit {
                Unit::Minutes => "минут",
                Unit::Hours => "сағат",
                Unit::WorkingDays => "жұмыс күні",
                Unit::CalendarDays => "күнтізбелік күн",
                Unit::Months => "ай",
            },
        }
    }
}

/// [`quoted`](crate::error::quoted) as a `Display` value, formatted only
/// when an error is.
struct Quoted<'a>(&'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::error::quoted(self.0))
    }
}

/// 0 = one, 1 = few, 2 = many.
fn russian_plural(n: u32) -> usize {
    crate::names::russian_plural(n as u64)
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.amount, self.unit_word(Lang::En))
    }
}

/// Number words of the regulations' texts (Russian and Kazakh), 1–10 and tens.
const NUMBER_WORDS: &[(&str, u32)] = &[
    ("один", 1),
    ("одна", 1),
    ("одного", 1),
    ("два", 2),
    ("две", 2),
    ("двух", 2),
    ("три", 3),
    ("трех", 3),
    ("трёх", 3),
    ("четыре", 4),
    ("пять", 5),
    ("шесть", 6),
    ("семь", 7),
    ("восемь", 8),
    ("девять", 9),
    ("десять", 10),
    ("бір", 1),
    ("екі", 2),
    ("үш", 3),
    ("төрт", 4),
    ("бес", 5),
    ("алты", 6),
    ("жеті", 7),
    ("сегіз", 8),
    ("тоғыз", 9),
    ("он", 10),
    ("one", 1),
    ("two", 2),
    ("three", 3),
];

/// Units and teens in words (Russian, Kazakh, English), for the number in
/// brackets after the digits ("15 (пятнадцать) рабочих дней").
const MORE_NUMBER_WORDS: &[(&str, u32)] = &[
    ("ноль", 0),
    ("нуль", 0),
    ("одиннадцать", 11),
    ("двенадцать", 12),
    ("тринадцать", 13),
    ("четырнадцать", 14),
    ("пятнадцать", 15),
    ("шестнадцать", 16),
    ("семнадцать", 17),
    ("восемнадцать", 18),
    ("девятнадцать", 19),
    ("двадцать", 20),
    ("тридцать", 30),
    ("сорок", 40),
    ("пятьдесят", 50),
    ("шестьдесят", 60),
    ("семьдесят", 70),
    ("восемьдесят", 80),
    ("девяносто", 90),
    ("сто", 100),
    ("пяти", 5),
    ("шести", 6),
    ("семи", 7),
    ("восьми", 8),
    ("девяти", 9),
    ("десяти", 10),
    ("четырех", 4),
    ("четырёх", 4),
    ("нөл", 0),
    ("жиырма", 20),
    ("отыз", 30),
    ("қырық", 40),
    ("елу", 50),
    ("алпыс", 60),
    ("жетпіс", 70),
    ("сексен", 80),
    ("тоқсан", 90),
    ("жүз", 100),
    ("zero", 0),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("fifteen", 15),
    ("twenty", 20),
    ("thirty", 30),
];

/// The value of a number written in words: one word, or words whose values add
/// up ("двадцать два", "жиырма екі", "twenty two"); `None` when a word is unknown.
fn number_in_words(words: &str) -> Option<u64> {
    let mut total = 0u64;
    let mut any = false;
    for w in words.split(|c: char| c.is_whitespace() || c == '-') {
        if w.is_empty() {
            continue;
        }
        let n = NUMBER_WORDS
            .iter()
            .chain(MORE_NUMBER_WORDS)
            .find(|(x, _)| *x == w)
            .map(|(_, n)| *n as u64)?;
        total += n;
        any = true;
    }
    any.then_some(total)
}

/// Unit words, longest first so "working day" wins over "day".
const UNIT_WORDS: &[(&str, Unit)] = &[
    ("working days", Unit::WorkingDays),
    ("working day", Unit::WorkingDays),
    ("business days", Unit::WorkingDays),
    ("business day", Unit::WorkingDays),
    ("calendar days", Unit::CalendarDays),
    ("calendar day", Unit::CalendarDays),
    ("minutes", Unit::Minutes),
    ("minute", Unit::Minutes),
    ("hours", Unit::Hours),
    ("hour", Unit::Hours),
    ("months", Unit::Months),
    ("month", Unit::Months),
    ("рабочих дней", Unit::WorkingDays),
    ("рабочих дня", Unit::WorkingDays),
    ("рабочий день", Unit::WorkingDays),
    ("рабочего дня", Unit::WorkingDays),
    ("календарных дней", Unit::CalendarDays),
    ("календарных дня", Unit::CalendarDays),
    ("календарный день", Unit::CalendarDays),
    ("календарного дня", Unit::CalendarDays),
    ("минуты", Unit::Minutes),
    ("минута", Unit::Minutes),
    ("минут", Unit::Minutes),
    ("часов", Unit::Hours),
    ("часа", Unit::Hours),
    ("час", Unit::Hours),
    ("месяцев", Unit::Months),
    ("месяца", Unit::Months),
    ("месяц", Unit::Months),
    ("жұмыс күні", Unit::WorkingDays),
    ("жұмыс күн", Unit::WorkingDays),
    ("күнтізбелік күн", Unit::CalendarDays),
    ("күнтізбелік күні", Unit::CalendarDays),
    ("сағат", Unit::Hours),
    ("минут", Unit::Minutes),
    ("ай", Unit::Months),
];

impl FromStr for Term {
    type Err = Error;

    fn from_str(s: &str) -> Result<Term> {
        // The quoted input, for error messages only (not built on success).
        let q = Quoted(s);
        let bad = || {
            Error::invalid_input(format!(
                "cannot read the term {q}: expected an amount and a unit, e.g. \"22 working days\", \
                 \"15 minutes\", \"2 hours\", \"30 calendar days\", \"1 month\", \"2 рабочих дня\", \"5 жұмыс күні\""
            ))
            .in_kk_ru(
                format!(
                    "{q} мерзімі оқылмады: сан мен өлшем бірлігі күтіледі, мысалы, \
                     «22 жұмыс күні», «30 күнтізбелік күн», «15 минут», «2 сағат», «1 ай»"
                ),
                format!(
                    "не удалось прочитать срок {q}: ожидаются число и единица, например \
                     «22 рабочих дня», «30 календарных дней», «15 минут», «2 часа», «1 месяц»"
                ),
            )
        };
        // Lower case with single spaces; most terms already are ("22 working
        // days"), and then nothing is allocated.
        let trimmed = s.trim();
        let normal = !trimmed.contains("  ")
            && trimmed
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b' ');
        let owned;
        let text: &str = if normal {
            trimmed
        } else {
            let lower = trimmed.to_lowercase();
            owned = lower.split_whitespace().collect::<Vec<_>>().join(" ");
            &owned
        };
        // The amount: digits or a number word.
        let (amount, rest) = if let Some(end) = text.find(|c: char| !c.is_ascii_digit()) {
            if end > 0 {
                let amount: u64 = text[..end].parse().map_err(|_| bad())?;
                (amount, text[end..].trim_start())
            } else {
                let (word, rest) = text.split_once(' ').ok_or_else(bad)?;
                let amount = NUMBER_WORDS
                    .iter()
                    .find(|(w, _)| *w == word)
                    .map(|(_, n)| *n as u64)
                    .ok_or_else(bad)?;
                (amount, rest)
            }
        } else {
            return Err(bad());
        };
        // An optional number in words in brackets: "5 (пять) рабочих дней".
        // It must say the same number as the digits: "5 (десять)" is refused.
        let rest = match rest.strip_prefix('(') {
            Some(r) => {
                let (words, r) = r.split_once(')').ok_or_else(bad)?;
                let words = words.trim();
                match number_in_words(words) {
                    Some(n) if n == amount => {}
                    Some(n) => {
                        let w = crate::error::quoted(words);
                        return Err(Error::invalid_input(format!(
                            "the term {q} contradicts itself: {amount} in digits but {n} ({w}) in words"
                        ))
                        .in_kk_ru(
                            format!("{q} мерзімі өзіне қайшы: цифрмен {amount}, ал жазбаша {n} ({w})"),
                            format!("срок {q} противоречит сам себе: цифрами {amount}, прописью {n} ({w})"),
                        ));
                    }
                    None => {
                        let w = crate::error::quoted(words);
                        return Err(Error::invalid_input(format!(
                            "cannot read the number in words {w} in the term {q}: \
                             write the term in digits only, e.g. \"5 рабочих дней\""
                        ))
                        .in_kk_ru(
                            format!("{q} мерзіміндегі {w} жазбаша саны оқылмады: мерзімді тек цифрмен жазыңыз, мысалы, «5 жұмыс күні»"),
                            format!("не удалось прочитать число прописью {w} в сроке {q}: укажите срок только цифрами, например «5 рабочих дней»"),
                        ));
                    }
                }
                r.trim_start()
            }
            None => rest,
        };
        let unit = UNIT_WORDS
            .iter()
            .find(|(w, _)| *w == rest)
            .map(|(_, u)| *u)
            .ok_or_else(bad)?;
        if amount > MAX_TERM_AMOUNT as u64 {
            return Err(Error::invalid_input(format!(
                "term amount {amount} in {q} is too large: the valid range is 0..={MAX_TERM_AMOUNT}"
            ))
            .in_kk_ru(
                format!("{q} мерзіміндегі {amount} шамасы тым үлкен: рұқсат етілген аралық 0–{MAX_TERM_AMOUNT}"),
                format!("величина {amount} в сроке {q} слишком велика: допустимо от 0 до {MAX_TERM_AMOUNT}"),
            ));
        }
        Term::new(amount as u32, unit)
    }
}

impl Serialize for Term {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Term {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Term, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_wordings() {
        for (text, n, unit) in [
            ("15 минут", 15, Unit::Minutes),
            ("2 рабочих дня", 2, Unit::WorkingDays),
            ("36 рабочих дней", 36, Unit::WorkingDays),
            ("2 часа", 2, Unit::Hours),
            ("30 календарных дней", 30, Unit::CalendarDays),
            ("5 жұмыс күні", 5, Unit::WorkingDays),
            ("2 сағат", 2, Unit::Hours),
            ("30 күнтізбелік күн", 30, Unit::CalendarDays),
            ("бір ай", 1, Unit::Months),
            ("22 working days", 22, Unit::WorkingDays),
            ("1 month", 1, Unit::Months),
            ("5 (пять) рабочих дней", 5, Unit::WorkingDays),
            ("15 (пятнадцать) календарных дней", 15, Unit::CalendarDays),
            ("22 (двадцать два) рабочих дня", 22, Unit::WorkingDays),
            ("10 (он) жұмыс күні", 10, Unit::WorkingDays),
        ] {
            let t: Term = text.parse().unwrap();
            assert_eq!((t.amount(), t.unit()), (n, unit), "{text}");
        }
    }

    #[test]
    fn round_trips_in_every_language() {
        for unit in [
            Unit::Minutes,
            Unit::Hours,
            Unit::WorkingDays,
            Unit::CalendarDays,
            Unit::Months,
        ] {
            for n in [0, 1, 2, 5, 11, 21, 22, 25, 101] {
                let t = Term::new(n, unit).unwrap();
                for lang in [Lang::En, Lang::Ru, Lang::Kk] {
                    assert_eq!(
                        t.display_in(lang).parse::<Term>().unwrap(),
                        t,
                        "{lang:?} {t}"
                    );
                }
            }
        }
    }

    #[test]
    fn rejects_nonsense() {
        for text in [
            "",
            "22",
            "working days",
            "22 days",
            "-1 working days",
            "2 weeks",
            "99999999999 minutes",
            "5 (десять) рабочих дней",
            "10 (пять) рабочих дней",
            "2 (three) working days",
            "5 (абвгд) рабочих дней",
            "5 () рабочих дней",
        ] {
            let e = text.parse::<Term>().unwrap_err();
            assert_eq!(e.kind(), crate::ErrorKind::InvalidInput, "{text}");
        }
    }
}

//! Names and texts in the three languages of Kazakhstan's official documents.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

named_enum! {
    /// A language of output.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
    #[non_exhaustive]
    pub enum Lang ("language") {
        /// Kazakh (қазақ тілі).
        Kk = "kk" | "kz" | "KK" | "KZ" | "Kk" | "Kz",
        /// Russian (русский язык).
        Ru = "ru" | "RU" | "Ru",
        /// English.
        #[default]
        En = "en" | "EN" | "En",
    }
}

impl Lang {
    /// `kk`, `ru` or `en` of a text in three languages.
    pub fn pick<T>(self, kk: T, ru: T, en: T) -> T {
        match self {
            Lang::Kk => kk,
            Lang::Ru => ru,
            Lang::En => en,
        }
    }

    /// A date as people write it in prose: `20.03.2026` (ДД.ММ.ГГГГ) in Kazakh
    /// and Russian, `2026-03-20` in English. (JSON keeps ISO 8601.)
    pub fn format_date(self, d: NaiveDate) -> String {
        match self {
            Lang::En => d.format("%Y-%m-%d").to_string(),
            _ if (1..=9999).contains(&d.year()) => {
                format!("{:02}.{:02}.{:04}", d.day(), d.month(), d.year())
            }
            // Years chrono can hold but people do not write: ISO with its sign.
            _ => d.format("%Y-%m-%d").to_string(),
        }
    }

    /// The form of a noun after the number `n`: Russian has three (1, 2–4,
    /// 5+: `минута`, `минуты`, `минут`; 11–14 take the third), English two
    /// (`one` for 1, else `many`), and Kazakh puts no plural after a numeral
    /// (`one` always).
    pub fn plural<'a>(self, n: u64, one: &'a str, few: &'a str, many: &'a str) -> &'a str {
        match self {
            Lang::Kk => one,
            Lang::En if n == 1 => one,
            Lang::En => many,
            Lang::Ru => [one, few, many][russian_plural(n)],
        }
    }

    /// A span of `minutes` for reading: `5d 14h 45m` in English,
    /// `5 дн. 14 ч 45 мин` in Russian, `5 күн 14 сағ 45 мин` in Kazakh; with
    /// `days` false the hours are not folded into days (office time is
    /// counted in hours: `13 ч 45 мин`). Zero is `0m` / `0 мин`.
    pub fn format_minutes(self, minutes: u64, days: bool) -> String {
        let (d, h, m) = if days {
            (minutes / 1440, minutes % 1440 / 60, minutes % 60)
        } else {
            (0, minutes / 60, minutes % 60)
        };
        let (ud, uh, um) = self.pick(("күн", "сағ", "мин"), ("дн.", "ч", "мин"), ("d", "h", "m"));
        let sep = if self == Lang::En { "" } else { " " };
        let mut parts = Vec::with_capacity(3);
        if d > 0 {
            parts.push(format!("{d}{sep}{ud}"));
        }
        if h > 0 {
            parts.push(format!("{h}{sep}{uh}"));
        }
        if m > 0 || parts.is_empty() {
            parts.push(format!("{m}{sep}{um}"));
        }
        parts.join(" ")
    }

    /// `yes` or `no` in this language.
    pub fn yes_no(self, b: bool) -> &'static str {
        match b {
            true => self.pick("иә", "да", "yes"),
            false => self.pick("жоқ", "нет", "no"),
        }
    }
}

/// The Russian form of a noun after `n`: 0 for 1 (21, 101…), 1 for 2–4
/// (22…), 2 for 5+ and 11–14.
pub(crate) fn russian_plural(n: u64) -> usize {
    let (m10, m100) = (n % 10, n % 100);
    if m10 == 1 && m100 != 11 {
        0
    } else if (2..=4).contains(&m10) && !(12..=14).contains(&m100) {
        1
    } else {
        2
    }
}

/// A text in Kazakh, Russian and English.
#[derive(
    Clone, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct Names {
    /// Kazakh.
    #[serde(default)]
    pub kk: String,
    /// Russian.
    #[serde(default)]
    pub ru: String,
    /// English.
    #[serde(default)]
    pub en: String,
}

impl Names {
    /// Builds a text from its three language versions.
    pub fn new(kk: impl Into<String>, ru: impl Into<String>, en: impl Into<String>) -> Names {
        Names {
            kk: kk.into(),
            ru: ru.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`, falling back to Russian, then English, then Kazakh when empty.
    pub fn get(&self, lang: Lang) -> &str {
        let first = match lang {
            Lang::Kk => &self.kk,
            Lang::Ru => &self.ru,
            Lang::En => &self.en,
        };
        [first, &self.ru, &self.en, &self.kk]
            .into_iter()
            .find(|s| !s.is_empty())
            .map(String::as_str)
            .unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_plural_forms() {
        let f = |n| Lang::Ru.plural(n, "день", "дня", "дней");
        for (n, want) in [
            (0, "дней"),
            (1, "день"),
            (2, "дня"),
            (4, "дня"),
            (5, "дней"),
            (11, "дней"),
            (12, "дней"),
            (14, "дней"),
            (21, "день"),
            (22, "дня"),
            (25, "дней"),
            (101, "день"),
            (111, "дней"),
            (112, "дней"),
            (1_000_002, "дня"),
        ] {
            assert_eq!(f(n), want, "{n}");
        }
    }

    #[test]
    fn kazakh_has_no_plural_after_numerals_and_english_two_forms() {
        for n in [1, 2, 5, 21] {
            assert_eq!(Lang::Kk.plural(n, "күн", "-", "-"), "күн");
        }
        assert_eq!(Lang::En.plural(1, "day", "-", "days"), "day");
        assert_eq!(Lang::En.plural(0, "day", "-", "days"), "days");
        assert_eq!(Lang::En.plural(2, "day", "-", "days"), "days");
    }

    /// The words of the enums a person reads: Kazakh and Russian in their
    /// own letters, English words rather than codes.
    #[test]
    fn labels_of_enums_are_words_in_each_language() {
        use crate::{Channel, DayKind, Outcome, StartRule, TermEnd};
        let mut labels: Vec<(String, [&str; 3])> = Vec::new();
        let three = |f: &dyn Fn(Lang) -> &'static str| [f(Lang::Kk), f(Lang::Ru), f(Lang::En)];
        for &c in Channel::ALL {
            labels.push((c.to_string(), three(&|l| c.label(l))));
            labels.push((c.to_string(), three(&|l| c.short_label(l))));
        }
        for &r in StartRule::ALL {
            labels.push((r.to_string(), three(&|l| r.label(l))));
        }
        for &e in TermEnd::ALL {
            labels.push((e.to_string(), three(&|l| e.label(l))));
        }
        for &o in Outcome::ALL {
            labels.push((o.to_string(), three(&|l| o.label(l))));
        }
        for &k in DayKind::ALL {
            for w in [
                chrono::Weekday::Sat,
                chrono::Weekday::Sun,
                chrono::Weekday::Mon,
            ] {
                labels.push((k.to_string(), three(&|l| k.label_on(l, w))));
            }
        }
        for (code, [kk, ru, en]) in labels {
            for s in [kk, ru] {
                assert!(
                    s.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)),
                    "{code}: {s}"
                );
                assert!(!s.chars().any(|c| c.is_ascii_alphabetic()), "{code}: {s}");
            }
            assert!(!en.contains('_'), "{code}: {en}");
        }
    }

    #[test]
    fn dates_as_people_write_them() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
        assert_eq!(Lang::Ru.format_date(d), "05.03.2026");
        assert_eq!(Lang::Kk.format_date(d), "05.03.2026");
        assert_eq!(Lang::En.format_date(d), "2026-03-05");
        let far = NaiveDate::from_ymd_opt(12345, 1, 2).unwrap();
        assert_eq!(
            Lang::Ru.format_date(far),
            far.format("%Y-%m-%d").to_string()
        );
    }

    #[test]
    fn spans_of_minutes() {
        let m = 5 * 1440 + 14 * 60 + 45;
        assert_eq!(Lang::En.format_minutes(m, true), "5d 14h 45m");
        assert_eq!(Lang::Ru.format_minutes(m, true), "5 дн. 14 ч 45 мин");
        assert_eq!(Lang::Kk.format_minutes(m, true), "5 күн 14 сағ 45 мин");
        assert_eq!(Lang::Ru.format_minutes(825, false), "13 ч 45 мин");
        assert_eq!(Lang::Ru.format_minutes(m, false), "134 ч 45 мин");
        assert_eq!(Lang::En.format_minutes(0, true), "0m");
        assert_eq!(Lang::Kk.format_minutes(0, true), "0 мин");
        assert_eq!(Lang::En.format_minutes(120, true), "2h");
    }
}

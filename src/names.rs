//! Names and texts in the three languages of Kazakhstan's official documents.

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

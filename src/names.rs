//! Names and texts in the three languages of Kazakhstan's official documents.

use serde::{Deserialize, Serialize};

/// A language of output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// Kazakh (қазақ тілі).
    Kk,
    /// Russian (русский язык).
    Ru,
    /// English.
    #[default]
    En,
}

impl std::str::FromStr for Lang {
    type Err = crate::Error;
    fn from_str(s: &str) -> crate::Result<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "kk" | "kz" => Ok(Lang::Kk),
            "ru" => Ok(Lang::Ru),
            "en" => Ok(Lang::En),
            other => Err(crate::Error::invalid_input(format!(
                "unknown language {other:?}: expected one of kk, ru, en"
            ))),
        }
    }
}

/// A text in Kazakh, Russian and English.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
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

//! Citations of acts and warnings, each rendered in Kazakh, Russian and
//! English in the formal style of the language (RULES.md "Acts cited").
//!
//! A [`Citation`] is the act itself (kind, issuer, date, number, title, the
//! article relied on, a link); how sure the project is of it is the separate
//! [`Confidence`]; research remarks are a separate `note` that reader output
//! does not print. A [`Warning`] is a stable [`WarningCode`] for programs plus
//! a text rendered per [`Lang`] by [`Warning::text`].

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::names::{Lang, Names};

named_enum! {
    /// How sure the project is of a citation.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
    #[non_exhaustive]
    pub enum Confidence ("confidence") {
        /// The official text of the act was read.
        OfficialText = "official_text",
        /// The act and its content are stated by a secondary source (news,
        /// a legal database, an announcement's report); its official text
        /// was not read.
        #[default]
        Reported = "reported",
        /// A part of the citation (number, date, link) is the project's
        /// deduction, bounded or formed from other facts.
        Inferred = "inferred",
        /// The date it stands for is an estimate (a lunar date not yet
        /// announced).
        Estimated = "estimated",
    }
}

impl Confidence {
    /// What a person reads for this confidence, in `lang` (short).
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Confidence::OfficialText => lang.pick(
                "ресми мәтін бойынша",
                "по официальному тексту",
                "official text",
            ),
            Confidence::Reported => lang.pick(
                "басқа дереккөздердің хабарлауы бойынша",
                "по сообщениям других источников",
                "reported",
            ),
            Confidence::Inferred => lang.pick(
                "деректері ішінара шығарылған",
                "реквизиты частично выведены",
                "inferred",
            ),
            Confidence::Estimated => lang.pick("болжамды", "оценочно", "estimated"),
        }
    }
}

named_enum! {
    /// The kind of a cited act.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    #[non_exhaustive]
    pub enum ActKind ("act kind") {
        /// The Constitution, adopted at a republican referendum (`date`).
        Constitution = "constitution",
        /// A code (`title` is its name: "Трудовой кодекс Республики Казахстан").
        Code = "code",
        /// A Law of the Republic of Kazakhstan.
        Law = "law",
        /// A Decree of the President (incl. decrees having the force of law).
        PresidentialDecree = "presidential_decree",
        /// A decree (постановление / қаулы) of the Government.
        GovernmentDecree = "government_decree",
        /// An order (приказ / бұйрық) of a minister (`issuer`).
        MinistryOrder = "ministry_order",
        /// A resolution (постановление / қаулы) of an akimat (`issuer`).
        AkimatResolution = "akimat_resolution",
        /// An announcement of a body that is not a state body (`issuer`),
        /// e.g. the Spiritual Administration of Muslims of Kazakhstan.
        Announcement = "announcement",
    }
}

/// A cited act, rendered per language by [`Citation::render`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Citation {
    /// The kind of act.
    pub kind: ActKind,
    /// The issuing body, in the genitive as it stands in a citation ("акимата
    /// Акмолинской области", "Ақмола облысы әкімдігінің", "the Akimat of Akmola
    /// oblast"); only for the kinds whose issuer is not implied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<Names>,
    /// Its date (adoption, signature; for the Constitution, the referendum).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<String>")]
    pub date: Option<NaiveDate>,
    /// Its year, when the exact date is not known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Its number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Its title (without quotes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Names>,
    /// The article relied on ("3").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    /// The paragraph (пункт / тармақ) of that article ("5").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<String>,
    /// A link to its official text (or the best text found).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Why there is no link, when there is none (English: a remark).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_url: Option<String>,
    /// How sure the project is of it.
    #[serde(default)]
    pub confidence: Confidence,
    /// A research note (English; not printed for readers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

const MONTHS_RU: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
// Kazakh month names in the locative-attributive form of a dated act
// ("2001 жылғы 13 желтоқсандағы").
const MONTHS_KK: [&str; 12] = [
    "қаңтардағы",
    "ақпандағы",
    "наурыздағы",
    "сәуірдегі",
    "мамырдағы",
    "маусымдағы",
    "шілдедегі",
    "тамыздағы",
    "қыркүйектегі",
    "қазандағы",
    "қарашадағы",
    "желтоқсандағы",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `date` as written in a citation: "13 декабря 2001 года", "2001 жылғы 13
/// желтоқсандағы", "13 December 2001".
pub fn formal_date(date: NaiveDate, lang: Lang) -> String {
    let (d, m, y) = (date.day(), date.month0() as usize, date.year());
    match lang {
        Lang::Ru => format!("{d} {} {y} года", MONTHS_RU[m]),
        Lang::Kk => format!("{y} жылғы {d} {}", MONTHS_KK[m]),
        Lang::En => format!("{d} {} {y}", MONTHS_EN[m]),
    }
}

/// "2026 жылғы 15 наурызда": the date in the Kazakh locative.
fn kk_locative(date: NaiveDate) -> String {
    let attr = formal_date(date, Lang::Kk);
    for (from, to) in [
        ("дағы", "да"),
        ("дегі", "де"),
        ("тегі", "те"),
        ("тағы", "та"),
    ] {
        if let Some(stem) = attr.strip_suffix(from) {
            return format!("{stem}{to}");
        }
    }
    attr
}

impl Citation {
    /// A citation of `kind` with nothing else known yet.
    pub fn new(kind: ActKind) -> Citation {
        Citation {
            kind,
            issuer: None,
            date: None,
            year: None,
            number: None,
            title: None,
            article: None,
            paragraph: None,
            url: None,
            no_url: None,
            confidence: Confidence::default(),
            note: None,
        }
    }

    /// This citation with control characters in its texts replaced
    /// ([`for_terminal`](crate::safe_text::for_terminal)).
    pub(crate) fn printable(mut self) -> Citation {
        use crate::safe_text::{printable, printable_names};
        self.issuer = self.issuer.map(printable_names);
        self.number = self.number.map(printable);
        self.title = self.title.map(printable_names);
        self.article = self.article.map(printable);
        self.paragraph = self.paragraph.map(printable);
        self.no_url = self.no_url.map(printable);
        self.note = self.note.map(printable);
        self
    }

    fn issuer(&self, lang: Lang) -> &str {
        self.issuer.as_ref().map_or("", |n| n.get(lang))
    }

    fn title(&self, lang: Lang) -> Option<&str> {
        self.title
            .as_ref()
            .map(|t| t.get(lang))
            .filter(|t| !t.is_empty())
    }

    /// The act in `lang`, in the formal style of the language, with the
    /// article relied on: «Закон Республики Казахстан от 13 декабря 2001 года
    /// № 267-II «О праздниках в Республике Казахстан», ст. 3»; «Қазақстан
    /// Республикасының 2001 жылғы 13 желтоқсандағы № 267-II «Қазақстан
    /// Республикасындағы мерекелер туралы» Заңы, 3-бап». No link, no
    /// confidence, no note (see [`Citation::render_full`]).
    pub fn render(&self, lang: Lang) -> String {
        let mut s = match lang {
            Lang::Ru => self.render_ru(),
            Lang::Kk => self.render_kk(),
            Lang::En => self.render_en(),
        };
        if let Some(a) = &self.article {
            s.push_str(&match lang {
                Lang::Ru => format!(", ст. {a}"),
                Lang::Kk => format!(", {a}-бап"),
                Lang::En => format!(", art. {a}"),
            });
        }
        if let Some(p) = &self.paragraph {
            s.push_str(&match lang {
                Lang::Ru => format!(", п. {p}"),
                Lang::Kk => format!(", {p}-тармақ"),
                Lang::En => format!(" p. {p}"),
            });
        }
        s
    }

    /// [`render`](Citation::render) followed by the confidence (unless the
    /// official text was read) and, without a link, that none was found.
    pub fn render_full(&self, lang: Lang) -> String {
        let mut s = self.render(lang);
        let mut flags = Vec::new();
        if self.confidence != Confidence::OfficialText {
            flags.push(self.confidence.label(lang));
        }
        if self.url.is_none() {
            flags.push(lang.pick(
                "ресми мәтінге сілтеме табылмады",
                "ссылка на официальный текст не найдена",
                "no link to an official text found",
            ));
        }
        if !flags.is_empty() {
            s.push_str(" (");
            s.push_str(&flags.join("; "));
            s.push(')');
        }
        s
    }

    fn when_ru(&self) -> String {
        match (self.date, self.year) {
            (Some(d), _) => format!(" от {}", formal_date(d, Lang::Ru)),
            (None, Some(y)) => format!(" {y} года"),
            _ => String::new(),
        }
    }

    fn render_ru(&self) -> String {
        let head = match self.kind {
            ActKind::Constitution => {
                let mut s = "Конституция Республики Казахстан".to_string();
                if let Some(d) = self.date {
                    s.push_str(&format!(
                        ", принятая на республиканском референдуме {}",
                        formal_date(d, Lang::Ru)
                    ));
                }
                return s;
            }
            ActKind::Code => {
                let name = self
                    .title(Lang::Ru)
                    .unwrap_or("Кодекс Республики Казахстан");
                let mut s = format!("{name}{}", self.when_ru());
                if let Some(n) = &self.number {
                    s.push_str(&format!(" № {n}"));
                }
                return s;
            }
            ActKind::Law => "Закон Республики Казахстан".to_string(),
            ActKind::PresidentialDecree => "Указ Президента Республики Казахстан".to_string(),
            ActKind::GovernmentDecree => {
                "Постановление Правительства Республики Казахстан".to_string()
            }
            ActKind::MinistryOrder => format!("Приказ {}", self.issuer(Lang::Ru)),
            ActKind::AkimatResolution => format!("Постановление {}", self.issuer(Lang::Ru)),
            ActKind::Announcement => format!("Сообщение {}", self.issuer(Lang::Ru)),
        };
        let mut s = head.trim_end().to_string();
        s.push_str(&self.when_ru());
        if let Some(n) = &self.number {
            s.push_str(&format!(" № {n}"));
        }
        if let Some(t) = self.title(Lang::Ru) {
            s.push_str(&format!(" «{t}»"));
        }
        s
    }

    fn when_kk(&self) -> String {
        match (self.date, self.year) {
            (Some(d), _) => format!("{} ", formal_date(d, Lang::Kk)),
            (None, Some(y)) => format!("{y} жылғы "),
            _ => String::new(),
        }
    }

    fn render_kk(&self) -> String {
        let number = self
            .number
            .as_ref()
            .map(|n| format!("№ {n} "))
            .unwrap_or_default();
        let title = self
            .title(Lang::Kk)
            .map(|t| format!("«{t}» "))
            .unwrap_or_default();
        let (prefix, noun) = match self.kind {
            ActKind::Constitution => {
                return match self.date {
                    Some(d) => format!(
                        "{} республикалық референдумда қабылданған Қазақстан Республикасының Конституциясы",
                        kk_locative(d)
                    ),
                    None => "Қазақстан Республикасының Конституциясы".to_string(),
                };
            }
            ActKind::Code => {
                let name = self
                    .title(Lang::Kk)
                    .unwrap_or("Қазақстан Республикасының кодексі");
                // "Қазақстан Республикасының 2015 жылғы 23 қарашадағы № 414-V Еңбек кодексі":
                // the title is given as "Қазақстан Республикасының Еңбек кодексі".
                return match name.strip_prefix("Қазақстан Республикасының ")
                {
                    Some(rest) => {
                        format!("Қазақстан Республикасының {}{number}{rest}", self.when_kk())
                    }
                    None => format!("{}{number}{name}", self.when_kk()),
                };
            }
            ActKind::Law => ("Қазақстан Республикасының".to_string(), "Заңы"),
            ActKind::PresidentialDecree => (
                "Қазақстан Республикасы Президентінің".to_string(),
                "Жарлығы",
            ),
            ActKind::GovernmentDecree => {
                ("Қазақстан Республикасы Үкіметінің".to_string(), "қаулысы")
            }
            ActKind::MinistryOrder => (self.issuer(Lang::Kk).to_string(), "бұйрығы"),
            ActKind::AkimatResolution => (self.issuer(Lang::Kk).to_string(), "қаулысы"),
            ActKind::Announcement => (self.issuer(Lang::Kk).to_string(), "хабарламасы"),
        };
        let mut s = String::new();
        if !prefix.is_empty() {
            s.push_str(&prefix);
            s.push(' ');
        }
        s.push_str(&self.when_kk());
        s.push_str(&number);
        s.push_str(&title);
        s.push_str(noun);
        s
    }

    fn render_en(&self) -> String {
        let when = match (self.date, self.year) {
            (Some(d), _) => format!(" of {}", formal_date(d, Lang::En)),
            (None, Some(y)) => format!(" of {y}"),
            _ => String::new(),
        };
        let head = match self.kind {
            ActKind::Constitution => {
                let mut s = "Constitution of the Republic of Kazakhstan".to_string();
                if let Some(d) = self.date {
                    s.push_str(&format!(
                        " adopted at the republican referendum of {}",
                        formal_date(d, Lang::En)
                    ));
                }
                return s;
            }
            ActKind::Code => {
                let name = self
                    .title(Lang::En)
                    .unwrap_or("Code of the Republic of Kazakhstan");
                let mut s = format!("{name}{when}");
                if let Some(n) = &self.number {
                    s.push_str(&format!(" No. {n}"));
                }
                return s;
            }
            ActKind::Law => "Law of the Republic of Kazakhstan".to_string(),
            ActKind::PresidentialDecree => {
                "Decree of the President of the Republic of Kazakhstan".to_string()
            }
            ActKind::GovernmentDecree => {
                "Decree of the Government of the Republic of Kazakhstan".to_string()
            }
            ActKind::MinistryOrder => format!("Order of {}", self.issuer(Lang::En)),
            ActKind::AkimatResolution => format!("Resolution of {}", self.issuer(Lang::En)),
            ActKind::Announcement => format!("Announcement of {}", self.issuer(Lang::En)),
        };
        let mut s = head.trim_end().to_string();
        s.push_str(&when);
        if let Some(n) = &self.number {
            s.push_str(&format!(" No. {n}"));
        }
        if let Some(t) = self.title(Lang::En) {
            s.push_str(&format!(" \"{t}\""));
        }
        s
    }
}

/// A citation in the JSON form of a day (`Day::citations`): the act's
/// fields (issuer and title in kk/ru/en), the confidence's code, and `text`,
/// the citation as a person reads it in each language
/// ([`Citation::render_full`]: the formal style, the confidence in words, no
/// link found). The research remarks (`note`, `no_url`) are never in it.
#[derive(Serialize)]
struct CitationForm<'a> {
    kind: ActKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    issuer: Option<&'a Names>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    year: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    number: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a Names>,
    #[serde(skip_serializing_if = "Option::is_none")]
    article: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    paragraph: Option<&'a str>,
    url: Option<&'a str>,
    confidence: Confidence,
    text: Names,
}

impl<'a> From<&'a Citation> for CitationForm<'a> {
    fn from(c: &'a Citation) -> CitationForm<'a> {
        CitationForm {
            kind: c.kind,
            issuer: c.issuer.as_ref(),
            date: c.date,
            year: c.year,
            number: c.number.as_deref(),
            title: c.title.as_ref(),
            article: c.article.as_deref(),
            paragraph: c.paragraph.as_deref(),
            url: c.url.as_deref(),
            confidence: c.confidence,
            text: Names::new(
                c.render_full(Lang::Kk),
                c.render_full(Lang::Ru),
                c.render_full(Lang::En),
            ),
        }
    }
}

/// `citations` in their JSON form for readers and programs (see
/// `CitationForm`): the one serialization of the citations of a day.
pub(crate) fn serialize_for_readers<S: serde::Serializer>(
    citations: &[Citation],
    s: S,
) -> Result<S::Ok, S::Error> {
    s.collect_seq(citations.iter().map(CitationForm::from))
}

/// Citations as a person reads them in `lang`, each with its confidence
/// ([`Citation::render_full`]), joined by "; ".
pub(crate) fn render_all(citations: &[Citation], lang: Lang) -> String {
    citations
        .iter()
        .map(|c| c.render_full(lang))
        .collect::<Vec<_>>()
        .join("; ")
}

named_enum! {
    /// What a warning is about: stable, for programs (JSON `warning_codes`).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    #[non_exhaustive]
    pub enum WarningCode ("warning code") {
        /// The encoded text was not yet in force on the submission date.
        NotYetInForce = "not_yet_in_force",
        /// The approving act was repealed before the submission date.
        Repealed = "repealed",
        /// A later act may have taken away the encoded text's basis.
        MayHaveLapsed = "may_have_lapsed",
        /// The centre's storage period ends past the calendar's data.
        StorageBeyondData = "storage_beyond_data",
        /// The calendar is as known on a date after today: acts adopted
        /// after today are not in it.
        KnownOnAfterToday = "known_on_after_today",
        /// The State Corporation accepted the documents on a public holiday
        /// or another day off that is not a weekly rest day, when its centres
        /// are closed.
        AcceptedOnHoliday = "accepted_on_holiday",
        /// The provider's handoff to the State Corporation falls on the
        /// acceptance day itself (a term of one day).
        HandoffOnAcceptanceDay = "handoff_on_acceptance_day",
        /// Day 1 is the submission day, but less than an hour of its office
        /// time is left after the submission.
        ShortFirstDay = "short_first_day",
        /// At the State Corporation an incomplete package is refused at
        /// intake: the refusal's two working days are the provider's own
        /// check.
        RefusalAtIntake = "refusal_at_intake",
    }
}

/// A warning: a stable code and its text in each language.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Warning {
    /// What it is about.
    pub code: WarningCode,
    /// Its text in Kazakh, Russian and English.
    pub texts: Names,
}

impl Warning {
    /// A warning with `code` and its texts.
    pub fn new(code: WarningCode, texts: Names) -> Warning {
        Warning { code, texts }
    }

    /// Its text in `lang`.
    pub fn text(&self, lang: Lang) -> &str {
        self.texts.get(lang)
    }

    /// Whether the English text contains `needle` (a convenience for tests
    /// and filters).
    pub fn contains(&self, needle: &str) -> bool {
        self.texts.en.contains(needle)
    }
}

impl std::fmt::Display for Warning {
    /// The English text.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.texts.en)
    }
}

/// The warning for a calendar as known on `known_on` when that date is after
/// `today`; `None` otherwise.
pub fn known_on_warning(known_on: NaiveDate, today: NaiveDate) -> Option<Warning> {
    (known_on > today).then(|| {
        let (k, t) = (Lang::Ru.format_date(known_on), Lang::Ru.format_date(today));
        Warning::new(
            WarningCode::KnownOnAfterToday,
            Names::new(
                format!("{k} күнгі күнтізбе бүгінгі күннен ({t}) кейін: бүгіннен кейін қабылданатын актілер деректерде жоқ, жауап бүгін белгілі күнтізбе бойынша"),
                format!("календарь по состоянию на {k} — дата после сегодняшней ({t}): акты, принятые после сегодняшнего дня, в данных отсутствуют, ответ дан по календарю, известному сегодня"),
                format!("as known on {known_on}, a date after today ({today}): acts adopted after today are not in the data, so the answer is the calendar as known today"),
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn law_267() -> Citation {
        let mut c = Citation::new(ActKind::Law);
        c.date = NaiveDate::from_ymd_opt(2001, 12, 13);
        c.number = Some("267-II".into());
        c.title = Some(Names::new(
            "Қазақстан Республикасындағы мерекелер туралы",
            "О праздниках в Республике Казахстан",
            "On holidays in the Republic of Kazakhstan",
        ));
        c.article = Some("3".into());
        c
    }

    #[test]
    fn formal_styles() {
        let c = law_267();
        assert_eq!(
            c.render(Lang::Ru),
            "Закон Республики Казахстан от 13 декабря 2001 года № 267-II «О праздниках в Республике Казахстан», ст. 3"
        );
        assert_eq!(
            c.render(Lang::Kk),
            "Қазақстан Республикасының 2001 жылғы 13 желтоқсандағы № 267-II «Қазақстан Республикасындағы мерекелер туралы» Заңы, 3-бап"
        );
        assert_eq!(
            c.render(Lang::En),
            "Law of the Republic of Kazakhstan of 13 December 2001 No. 267-II \"On holidays in the Republic of Kazakhstan\", art. 3"
        );
    }

    #[test]
    fn constitution_in_kazakh() {
        let mut c = Citation::new(ActKind::Constitution);
        c.date = NaiveDate::from_ymd_opt(2026, 3, 15);
        assert_eq!(
            c.render(Lang::Kk),
            "2026 жылғы 15 наурызда республикалық референдумда қабылданған Қазақстан Республикасының Конституциясы"
        );
    }
}

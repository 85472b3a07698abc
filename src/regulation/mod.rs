//! Regulations: the TOML format of `regulations/*.toml`, parsed and
//! checked; their timelines (`timeline.rs`), lint (`lint.rs`) and bulk paths
//! (`bulk.rs`).

mod bulk;
mod lint;
mod timeline;

pub use bulk::{TimelineColumns, TimelineRow};
pub use lint::LintFinding;
pub use timeline::{CompiledChain, StepTiming, TermDue, Timeline, TimelineOptions};

use std::collections::BTreeMap;
use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::citation::{Warning, WarningCode};
use crate::legal::Channel;
use crate::names::{Lang, Names};
use crate::term::Term;
use crate::{Error, Result};

named_enum! {
    /// Which result a timeline is computed for (RULES.md §7.8).
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
    #[non_exhaustive]
    pub enum Outcome ("outcome") {
        /// The service is granted. The default.
        #[default]
        Approve = "approve",
        /// The service is refused.
        Refuse = "refuse",
    }
}

impl Outcome {
    /// What a person reads for this result, in `lang` ("положительное решение").
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Outcome::Approve => lang.pick("оң шешім", "положительное решение", "approval"),
            Outcome::Refuse => lang.pick("бас тарту", "отказ", "refusal"),
        }
    }
}

/// A later act that changed (or repealed) the approving act.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Amendment {
    /// The issuing body.
    pub body: String,
    /// Its number.
    #[serde(default)]
    pub number: Option<String>,
    /// Its date.
    pub date: NaiveDate,
    /// What it changed.
    #[serde(default)]
    pub note: Option<String>,
    /// The act as a structured citation (rendered per language; its `url`
    /// or `no_url` says where its text is or why there is no link).
    #[serde(default)]
    pub cite: Option<crate::citation::Citation>,
}

/// A later act of higher rank that took away the encoded text's basis (a
/// submission from its date gets a warning: the text may no longer apply).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Lapse {
    /// From when the warning applies.
    pub date: NaiveDate,
    /// The act, cited (issuer, date, number, title).
    pub act: String,
    /// A link to its official text.
    #[serde(default)]
    pub url: Option<String>,
    /// What it changed (a remark, English).
    pub note: String,
    /// The act as a structured citation, rendered per language in the
    /// warning (`act` is the English fallback).
    #[serde(default)]
    pub cite: Option<crate::citation::Citation>,
    /// What it changed, briefly, in the three languages: the warning's
    /// reader text (`note` is the English fallback).
    #[serde(default)]
    pub summary: Option<Names>,
}

/// The act that approved a regulation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApprovingAct {
    /// The issuing body.
    pub body: Names,
    /// Resolution, decree, order…
    pub kind: String,
    /// Its number.
    pub number: String,
    /// Its date.
    pub date: NaiveDate,
    /// When the encoded text came into force (when known; else the act's
    /// date is taken).
    #[serde(default)]
    pub in_force_from: Option<NaiveDate>,
    /// When it was repealed, when known.
    #[serde(default)]
    pub repealed: Option<NaiveDate>,
    /// An act after which the encoded text may no longer govern the service,
    /// although no repeal of it is known.
    #[serde(default)]
    pub lapse: Option<Lapse>,
    /// Where the text comes from.
    pub source: String,
    /// Remarks.
    #[serde(default)]
    pub note: Option<String>,
    /// Later amendments.
    #[serde(default, rename = "amendment")]
    pub amendments: Vec<Amendment>,
    /// The act as a structured citation (rendered per language; its `url`
    /// or `no_url` says where its text is or why there is no link).
    #[serde(default)]
    pub cite: Option<crate::citation::Citation>,
}

impl ApprovingAct {
    /// The act cited in `lang`: its structured citation when the file gives
    /// one, else "body, kind No. number of date" from its fields.
    pub fn render(&self, lang: Lang) -> String {
        match &self.cite {
            Some(c) => c.render(lang),
            None => {
                let (body, kind) = (self.body.get(lang), self.kind_label(lang));
                let (n, d) = (&self.number, lang.format_date(self.date));
                match lang {
                    Lang::Kk => format!("{body}, {d} № {n} {kind}"),
                    Lang::Ru => format!("{body}, {kind} от {d} № {n}"),
                    _ => format!("{body}, {kind} No. {n} of {d}"),
                }
            }
        }
    }
}

impl ApprovingAct {
    /// The act's kind as a person reads it in `lang` (`resolution` is
    /// «постановление», «қаулы»); a kind without a known wording is shown as written.
    pub fn kind_label(&self, lang: Lang) -> &str {
        let (kk, ru, en) = match self.kind.as_str() {
            "resolution" => ("қаулы", "постановление", "resolution"),
            "decision" => ("шешім", "решение", "decision"),
            "order" => ("бұйрық", "приказ", "order"),
            "decree" => ("жарлық", "указ", "decree"),
            "law" => ("заң", "закон", "law"),
            _ => return &self.kind,
        };
        lang.pick(kk, ru, en)
    }
}

/// The overall service term, possibly with alternatives.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverallTerm {
    /// The alternatives in the document's order ("30 calendar days", "22 working days").
    pub alternatives: Vec<Term>,
    /// The sentence stating it.
    #[serde(default)]
    pub quote: Option<Names>,
}

/// The State Corporation's storage rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StorageRule {
    /// How long an uncollected result is kept ("1 month").
    pub keep: Term,
    /// The centre's request to the provider after that ("1 working day").
    pub request: Term,
    /// The provider's delivery to the centre ("1 working day").
    pub delivery: Term,
    /// The sentence stating it.
    #[serde(default)]
    pub quote: Option<Names>,
}

/// A numbered step of a regulation's procedure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// The step's number in the document.
    pub number: u32,
    /// Who acts (shared with every timeline that names it).
    pub actor: std::sync::Arc<Names>,
    /// What is done (shared with every timeline that names it).
    pub action: std::sync::Arc<Names>,
    /// How long it takes.
    pub duration: Term,
    /// The outcome the step belongs to; `None` = both.
    #[serde(default)]
    pub outcome: Option<Outcome>,
    /// What it produces.
    #[serde(default)]
    pub result: Option<Names>,
    /// Per-channel durations that replace `duration`.
    #[serde(default)]
    pub channel_duration: BTreeMap<Channel, Term>,
}

impl Step {
    /// The duration on `channel`.
    pub fn duration_for(&self, channel: Channel) -> Term {
        self.channel_duration
            .get(&channel)
            .copied()
            .unwrap_or(self.duration)
    }

    /// Whether the step belongs to `outcome`.
    pub fn belongs_to(&self, outcome: Outcome) -> bool {
        self.outcome.is_none_or(|o| o == outcome)
    }
}

/// A public-service regulation: its act, channels, overall term and steps.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Regulation {
    /// The id (= the file stem).
    pub id: String,
    /// The service's name.
    pub title: Names,
    /// Who provides it.
    #[serde(default)]
    pub provider: Option<Names>,
    /// The channels the text offers.
    pub channels: Vec<Channel>,
    /// The incompleteness refusal term ("2 working days"), when the text has one.
    #[serde(default)]
    pub refusal: Option<Term>,
    /// The sentence stating it.
    #[serde(default)]
    pub refusal_quote: Option<Names>,
    /// Remarks: differences between the kk and ru texts, readings chosen.
    #[serde(default)]
    pub notes: Option<String>,
    /// The approving act.
    pub act: ApprovingAct,
    /// The overall term.
    #[serde(default)]
    pub term: Option<OverallTerm>,
    /// The centre's storage rule.
    #[serde(default)]
    pub storage: Option<StorageRule>,
    /// The numbered steps, in order.
    #[serde(rename = "step")]
    pub steps: Vec<Step>,
}

mod bundled;
use bundled::BUNDLED;

static PARSED: OnceLock<Vec<Regulation>> = OnceLock::new();

impl Regulation {
    /// Parses a regulation from TOML. `origin` (a file name) appears in errors,
    /// which name the line, the field and the problem.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidRegulation`](crate::ErrorKind::InvalidRegulation) naming `origin`, the line or
    /// field, and the problem.
    pub fn from_toml(origin: &str, text: &str) -> Result<Regulation> {
        let r: Regulation = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| {
                text.as_bytes()[..s.start.min(text.len())]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count()
                    + 1
            });
            let msg = e.message().trim().to_string();
            match line {
                Some(l) => Error::invalid_regulation(format!("{origin}: line {l}: {msg}")),
                None => Error::invalid_regulation(format!("{origin}: {msg}")),
            }
        })?;
        r.validate(origin)?;
        Ok(r.printable())
    }

    /// This regulation with control characters in its texts replaced
    /// ([`for_terminal`](crate::safe_text::for_terminal)).
    fn printable(mut self) -> Regulation {
        use crate::safe_text::{printable, printable_names};
        let arc = |n: std::sync::Arc<Names>| std::sync::Arc::new(printable_names((*n).clone()));
        self.title = printable_names(self.title);
        self.provider = self.provider.map(printable_names);
        self.refusal_quote = self.refusal_quote.map(printable_names);
        self.notes = self.notes.map(printable);
        let a = &mut self.act;
        a.body = printable_names(std::mem::take(&mut a.body));
        a.kind = printable(std::mem::take(&mut a.kind));
        a.number = printable(std::mem::take(&mut a.number));
        a.source = printable(std::mem::take(&mut a.source));
        a.note = a.note.take().map(printable);
        a.cite = a.cite.take().map(crate::citation::Citation::printable);
        for m in &mut a.amendments {
            m.cite = m.cite.take().map(crate::citation::Citation::printable);
        }
        if let Some(l) = a.lapse.as_mut() {
            l.cite = l.cite.take().map(crate::citation::Citation::printable);
            l.act = printable(std::mem::take(&mut l.act));
            l.note = printable(std::mem::take(&mut l.note));
            l.summary = l.summary.take().map(printable_names);
        }
        for s in &mut self.steps {
            s.actor = arc(s.actor.clone());
            s.action = arc(s.action.clone());
            s.result = s.result.take().map(printable_names);
        }
        self
    }

    /// Reads and parses a regulation file; its id must equal the file stem.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Io`](crate::ErrorKind::Io) when the file cannot be read; else as
    /// [`from_toml`](Regulation::from_toml), also when the id differs from the file stem.
    pub fn from_file(path: impl AsRef<std::path::Path>) -> Result<Regulation> {
        let path = path.as_ref();
        // At most MAX_FILE_BYTES (16 MiB): a regulation file is read whole.
        let text = crate::data::read_text_file(path, "regulation file")?;
        let origin = path.display().to_string();
        let r = Regulation::from_toml(&origin, &text)?;
        if let Some(stem) = path.file_stem().and_then(|s| s.to_str()) {
            if stem != r.id {
                return Err(Error::invalid_regulation(format!(
                    "{origin}: field `id`: {:?} differs from the file stem {stem:?}",
                    r.id
                )));
            }
        }
        Ok(r)
    }

    /// The ids of the bundled regulations.
    pub fn bundled_ids() -> impl Iterator<Item = &'static str> {
        BUNDLED.iter().map(|(id, _)| *id)
    }

    /// A bundled regulation by id.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) for an unknown id; the message lists the bundled ids.
    pub fn bundled(id: &str) -> Result<&'static Regulation> {
        let all = PARSED.get_or_init(|| {
            BUNDLED
                .iter()
                .map(|(id, text)| {
                    Regulation::from_toml(&format!("regulations/{id}.toml"), text)
                        .expect("bundled regulations are checked by the test suite")
                })
                .collect()
        });
        all.iter().find(|r| r.id == id).ok_or_else(|| {
            let q = crate::error::quoted(id);
            let ids = Regulation::bundled_ids().collect::<Vec<_>>().join(", ");
            Error::invalid_input(format!("unknown regulation {q}: bundled ones are {ids}"))
                .in_kk_ru(
                    format!("{q} регламенті белгісіз: кірістірілген регламенттер: {ids}"),
                    format!("неизвестный регламент {q}: встроенные регламенты: {ids}"),
                )
        })
    }

    /// A bundled regulation by id, or a regulation file when `id_or_path` ends
    /// in `.toml` or contains a path separator.
    ///
    /// # Errors
    ///
    /// As [`bundled`](Regulation::bundled) or [`from_file`](Regulation::from_file).
    pub fn resolve(id_or_path: &str) -> Result<Regulation> {
        if id_or_path.ends_with(".toml") || id_or_path.contains('/') || id_or_path.contains('\\') {
            Regulation::from_file(id_or_path)
        } else {
            Regulation::bundled(id_or_path).cloned()
        }
    }

    fn validate(&self, origin: &str) -> Result<()> {
        let bad = |field: &str, problem: String| {
            Err(Error::invalid_regulation(format!(
                "{origin}: field `{field}`: {problem}"
            )))
        };
        if self.id.is_empty()
            || !self
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return bad(
                "id",
                format!("{:?} must be lowercase letters, digits and '-'", self.id),
            );
        }
        if let Some(u) = self.act.lapse.as_ref().and_then(|l| l.url.as_deref()) {
            if let Err(problem) = crate::safe_text::check_url(u) {
                return bad("act.lapse.url", problem);
            }
        }
        let cites = std::iter::once(("act.cite", self.act.cite.as_ref()))
            .chain(
                self.act
                    .amendments
                    .iter()
                    .map(|a| ("act.amendment.cite", a.cite.as_ref())),
            )
            .chain(std::iter::once((
                "act.lapse.cite",
                self.act.lapse.as_ref().and_then(|l| l.cite.as_ref()),
            )));
        for (field, c) in cites {
            let Some(c) = c else { continue };
            match &c.url {
                Some(u) => {
                    if let Err(problem) = crate::safe_text::check_url(u) {
                        return bad(field, problem);
                    }
                }
                None if c.no_url.as_deref().is_none_or(|r| r.trim().is_empty()) => {
                    return bad(
                        field,
                        "no `url` and no `no_url` saying why there is none".into(),
                    );
                }
                None => {}
            }
        }
        if self.channels.is_empty() {
            return bad("channels", "at least one channel is needed".into());
        }
        for (i, c) in self.channels.iter().enumerate() {
            if self.channels[..i].contains(c) {
                return bad("channels", format!("{} is listed twice", c.as_str()));
            }
        }
        if self.steps.is_empty() {
            return bad("step", "at least one step is needed".into());
        }
        for (i, s) in self.steps.iter().enumerate() {
            if i > 0 && s.number <= self.steps[i - 1].number {
                return bad(
                    "step.number",
                    format!(
                        "step {} follows step {}: numbers must increase",
                        s.number,
                        self.steps[i - 1].number
                    ),
                );
            }
            for c in s.channel_duration.keys() {
                if !self.channels.contains(c) {
                    return bad(
                        "step.channel_duration",
                        format!(
                            "step {}: channel {} is not among the regulation's channels",
                            s.number,
                            c.as_str()
                        ),
                    );
                }
            }
        }
        if let Some(t) = &self.term {
            if t.alternatives.is_empty() {
                return bad(
                    "term.alternatives",
                    "at least one alternative is needed".into(),
                );
            }
            for a in &t.alternatives {
                if a.amount() == 0 {
                    return bad(
                        "term.alternatives",
                        format!("{a} is not a valid legal term (at least 1)"),
                    );
                }
            }
        }
        if let Some(r) = self.refusal {
            if r.amount() == 0 {
                return bad(
                    "refusal",
                    format!("{r} is not a valid legal term (at least 1)"),
                );
            }
        }
        if let Some(s) = &self.storage {
            if !matches!(
                s.keep.unit(),
                crate::Unit::Months | crate::Unit::CalendarDays
            ) || s.keep.amount() == 0
            {
                return bad(
                    "storage.keep",
                    format!("{}: expected at least 1 month or calendar day", s.keep),
                );
            }
            for (f, t) in [
                ("storage.request", s.request),
                ("storage.delivery", s.delivery),
            ] {
                if t.unit() != crate::Unit::WorkingDays || t.amount() == 0 {
                    return bad(f, format!("{t}: expected at least 1 working day"));
                }
            }
        }
        Ok(())
    }

    /// Whether the regulation has a refusal path: some step is marked `refuse`, or
    /// no step is marked at all (both outcomes run the same chain).
    pub fn has_outcome(&self, outcome: Outcome) -> bool {
        let marked = self.steps.iter().any(|s| s.outcome.is_some());
        !marked || self.steps.iter().any(|s| s.outcome == Some(outcome))
    }

    /// Ensures that the regulation offers `channel` and has an `outcome` path.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) naming what is not offered.
    pub fn ensure_offers(&self, channel: Channel, outcome: Outcome) -> Result<()> {
        if !self.channels.contains(&channel) {
            let offered = self
                .channels
                .iter()
                .map(|c| c.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            let (id, c) = (&self.id, channel.as_str());
            return Err(Error::invalid_input(format!(
                "regulation {id} does not offer the channel {c}: it offers {offered}"
            ))
            .in_kk_ru(
                format!("{id} регламентінде {c} арнасы жоқ: бар арналар: {offered}"),
                format!("регламент {id} не предусматривает канал {c}: предусмотрены {offered}"),
            ));
        }
        if !self.has_outcome(outcome) {
            let (id, o) = (&self.id, outcome.as_str());
            return Err(
                Error::invalid_input(format!("regulation {id} has no {o} path")).in_kk_ru(
                    format!(
                        "{id} регламентінде «{}» нәтижесіне апаратын жол жоқ ({o})",
                        outcome.label(Lang::Kk)
                    ),
                    format!(
                        "в регламенте {id} нет порядка для результата «{}» ({o})",
                        outcome.label(Lang::Ru)
                    ),
                ),
            );
        }
        Ok(())
    }

    /// The warnings for the submissions from `first` to `last` (inclusive):
    /// each period-of-force warning that some submission in that range gets,
    /// as for its first such submission (what `lint` reports).
    pub fn force_warnings_between(&self, first: NaiveDate, last: NaiveDate) -> Vec<Warning> {
        let a = &self.act;
        let mut probes = vec![first];
        for d in [
            a.in_force_from,
            a.repealed,
            a.lapse.as_ref().map(|l| l.date),
        ]
        .into_iter()
        .flatten()
        {
            if first < d && d <= last {
                probes.push(d);
            }
        }
        let mut out: Vec<Warning> = Vec::new();
        for d in probes {
            if let Some(w) = self.force_warning(d) {
                if !out.iter().any(|x| x.code == w.code) {
                    out.push(w);
                }
            }
        }
        out
    }

    /// The warning for a submission on `date` outside the period in which the
    /// encoded text was in force, as far as the file knows; `None` inside it.
    /// Not yet in force (before `in_force_from`, else the act's date), repealed
    /// (on or after `repealed`), or possibly lapsed (on or after `lapse.date`).
    pub fn force_warning(&self, date: NaiveDate) -> Option<Warning> {
        let a = &self.act;
        let from = a.in_force_from.unwrap_or(a.date);
        let (kk_kind, ru_kind, en_kind) = match a.kind.as_str() {
            "resolution" | "decree" => ("қаулысы", "постановление", a.kind.as_str()),
            "order" => ("бұйрығы", "приказ", "order"),
            other => (other, other, other),
        };
        let id = &self.id;
        // Dates in prose as people there write them: ДД.ММ.ГГГГ in kk and ru.
        let dd = |d: NaiveDate| Lang::Ru.format_date(d);
        let (from_, date_, act_date_) = (dd(from), dd(date), dd(a.date));
        let (act_kk, act_ru) = match &a.cite {
            Some(c) => (c.render(Lang::Kk), c.render(Lang::Ru)),
            None => (
                format!("{}, {act_date_} № {} {kk_kind}", a.body.kk, a.number),
                format!("{}, {ru_kind} от {act_date_} № {}", a.body.ru, a.number),
            ),
        };
        if date < from {
            return Some(Warning::new(
                WarningCode::NotYetInForce,
                Names::new(
                    format!("регламенттің мәтіні {from_} бастап күшіне енеді ({act_kk}), бұл өтініш берілген {date_} күнінен кейін"),
                    format!("текст регламента действует с {from_} ({act_ru}), то есть после даты подачи {date_}"),
                    format!(
                        "the encoded text of regulation {id} is in force from {from} ({en_kind} No. {} of {}, as encoded), after this submission date {date}",
                        a.number, a.date
                    ),
                ),
            ));
        }
        if let Some(r) = a.repealed {
            if date >= r {
                let r_ = dd(r);
                return Some(Warning::new(
                    WarningCode::Repealed,
                    Names::new(
                        format!("регламент {r_} күшін жойды, өтініш {date_} берілді ({act_kk})"),
                        format!("регламент утратил силу {r_}, не позднее даты подачи {date_} ({act_ru})"),
                        format!("regulation {id} was repealed on {r}, before this submission date {date}"),
                    ),
                ));
            }
        }
        if let Some(l) = a.lapse.as_ref().filter(|l| date >= l.date) {
            let act = |lang: Lang| match &l.cite {
                Some(c) => c.render(lang),
                None => l.act.clone(),
            };
            let url = l
                .url
                .as_deref()
                .map(|u| format!(" ({u})"))
                .unwrap_or_default();
            let summary = |lang: Lang| match &l.summary {
                Some(s) => s.get(lang).to_string(),
                None => l.note.clone(),
            };
            return Some(Warning::new(
                WarningCode::MayHaveLapsed,
                Names::new(
                    format!(
                        "регламент {date_} берілген өтінішке қолданылмауы мүмкін: {}{url}: {}",
                        act(Lang::Kk),
                        summary(Lang::Kk)
                    ),
                    format!(
                        "регламент может не применяться к заявлению, поданному {date_}: {}{url}: {}",
                        act(Lang::Ru),
                        summary(Lang::Ru)
                    ),
                    format!(
                        "regulation {id} may no longer apply to a submission on {date}: {}{url}: {}",
                        l.act, l.note
                    ),
                ),
            ));
        }
        None
    }
}

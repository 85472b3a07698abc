//! The options several commands share, declared once and flattened where
//! needed, and the value parsers that read them with the library's `FromStr`.

use std::borrow::Cow;
use std::path::PathBuf;
use std::str::FromStr;

use chrono::NaiveDate;
use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::Args;
use merzim::{
    Calendar, Channel, Horizon, Lang, Outcome, Regulation, Schedule, StartRule, Submitted, TermEnd,
    Week, Zone,
};

use crate::Fail;

/// The calendar a command counts on.
#[derive(Args, Clone)]
pub struct CalendarOpts {
    /// A calendar data file layered over the embedded data (new transfer orders,
    /// local days off, an announced Kurban Ait date; schema of holidays/transfers/YYYY.toml).
    #[arg(long, value_name = "FILE")]
    pub calendar: Option<PathBuf>,
    #[command(flatten)]
    pub week: WeekOpts,
}

impl CalendarOpts {
    /// The embedded calendar, with the data file layered over it, for the week and horizon.
    pub fn build(&self) -> Result<Calendar, Fail> {
        let mut base = Calendar::kazakhstan();
        if let Some(p) = &self.calendar {
            base = base.with_overlay_file(p)?;
        }
        self.week.apply(&base)
    }
}

/// The working week and the horizon of a calendar.
#[derive(Args, Clone)]
pub struct WeekOpts {
    /// The working week: five (Monday–Friday) or six (Monday–Saturday).
    #[arg(long, default_value = "five", value_parser = named::<Week>())]
    pub week: Week,
    #[arg(long, default_value = "coverage", value_parser = named::<Horizon>(), help = format!(
        "`coverage`: a date outside the data ({}) is an error; `provisional`: the statutory rules \
         are extended beyond it and such results are flagged provisional.",
        coverage_years()
    ))]
    pub horizon: Horizon,
}

impl WeekOpts {
    /// `base` with this week and horizon.
    pub fn apply(&self, base: &Calendar) -> Result<Calendar, Fail> {
        Ok(base.with_week(self.week)?.with_horizon(self.horizon))
    }
}

/// Replay the calendar as it was known on a date.
#[derive(Args, Clone)]
pub struct KnownOnOpts {
    /// Count with the calendar as it was known on DATE: only the acts adopted,
    /// holiday laws enacted and Kurban Ait dates announced by then (e.g.
    /// 2024-04-01, before the order moving 8 May 2024 to Saturday 4 May).
    #[arg(long, value_name = "DATE", value_parser = date)]
    pub as_known_on: Option<NaiveDate>,
}

impl KnownOnOpts {
    /// `cal` as known on the date, or `cal` itself; a date after today is
    /// warned about on stderr, in `lang` (before 2000 the library refuses).
    pub fn apply(&self, cal: Calendar, lang: merzim::Lang) -> Result<Calendar, Fail> {
        Ok(match self.as_known_on {
            Some(d) => {
                if let Some(w) = merzim::known_on_warning(d, merzim::Zone::default().today()) {
                    eprintln!("{}: {}", crate::texts::texts(lang).warning, w.text(lang));
                }
                cal.as_known_on(d)?
            }
            None => cal,
        })
    }
}

/// Whether to explain a computation.
#[derive(Args, Clone)]
pub struct ExplainOpts {
    /// Also list the days and hours that did not count (condensed: runs of days off with the
    /// holidays' names and acts; nights and lunch breaks counted).
    #[arg(long)]
    pub explain: bool,
}

/// A date `YYYY-MM-DD`.
pub fn date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| {
        let t = crate::texts::texts(crate::texts::ui_lang());
        t.fill(t.bad_date, &[&format!("{s:?}")])
    })
}

/// A whole number from `min` to `max`, with the message in the language of
/// the messages.
pub fn whole<T>(min: i64, max: i64) -> impl Fn(&str) -> Result<T, String> + Clone + Send + Sync
where
    T: TryFrom<i64>,
{
    move |s: &str| {
        s.trim()
            .parse::<i64>()
            .ok()
            .filter(|n| (min..=max).contains(n))
            .and_then(|n| T::try_from(n).ok())
            .ok_or_else(|| {
                let t = crate::texts::texts(crate::texts::ui_lang());
                t.fill(t.bad_whole, &[&min, &max, &format!("{s:?}")])
            })
    }
}

/// When the documents were submitted, as `--submitted` reads it: `now`,
/// `today`, a date alone, or a time (every form of the library's
/// [`Submitted`]: `2026-12-04T11:20`, `04.12.2026 11:20`, an RFC 3339
/// instant). `now` and `today` are conveniences of the command line, read in
/// the office's zone (`--tz`); a batch request gives the time itself, so that
/// its answer is the same whenever it runs.
#[derive(Clone, Copy, Debug)]
pub enum When {
    Now,
    Today,
    Date(NaiveDate),
    At(Submitted),
}

/// `--submitted`.
pub fn when(s: &str) -> Result<When, String> {
    match s.trim() {
        "now" => Ok(When::Now),
        "today" => Ok(When::Today),
        t => match Submitted::date_only(t) {
            Some(d) => Ok(When::Date(d)),
            None => lib::<Submitted>(t).map(When::At),
        },
    }
}

/// A submission resolved in the office's zone: a time, or a date without one.
#[derive(Clone, Copy, Debug)]
pub enum Resolved {
    At(Submitted),
    Date(NaiveDate),
}

impl When {
    /// `now` and `today` in the office's zone `z` (history-aware: Almaty
    /// was UTC+6 before 2024-03-01).
    pub fn in_zone(self, z: Zone) -> Resolved {
        match self {
            When::Now => Resolved::At(Submitted::Local(z.now())),
            When::Today => Resolved::Date(z.today()),
            When::Date(d) => Resolved::Date(d),
            When::At(s) => Resolved::At(s),
        }
    }
}

/// Office hours on working days.
#[derive(Args, Clone)]
pub struct ScheduleOpts {
    /// Office hours on working days: "09:00-13:00,14:30-18:30", or per weekday
    /// "mon-fri 09:00-18:00; sat 09:00-13:00".
    #[arg(long, default_value = "09:00-13:00,14:30-18:30", value_parser = lib::<Schedule>)]
    pub schedule: Schedule,
}

/// The office: its time zone and hours.
#[derive(Args, Clone)]
pub struct OfficeOpts {
    /// The office's IANA time zone.
    #[arg(long, value_name = "ZONE", default_value = "Asia/Almaty", value_parser = lib::<Zone>)]
    pub tz: Zone,
    #[command(flatten)]
    pub hours: ScheduleOpts,
}

/// How the answer is printed.
#[derive(Args, Clone)]
pub struct OutputOpts {
    /// Language of names, titles, explanations and messages (default: the
    /// environment variable MERZIM_LANG, else en).
    #[arg(long, value_parser = choice::<Lang>(&["kk", "ru", "en"]))]
    lang: Option<Lang>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

impl OutputOpts {
    /// The language asked for: `--lang`, else MERZIM_LANG, else English.
    pub fn lang(&self) -> Lang {
        self.lang.unwrap_or_else(crate::texts::ui_lang)
    }
}

/// How the documents reached the provider.
#[derive(Args, Clone)]
pub struct ChannelOpts {
    /// How the documents reached the provider.
    #[arg(long, default_value = "provider", value_parser = named::<Channel>())]
    pub channel: Channel,
}

/// A value parser from the library's `FromStr` (its message says what is expected).
pub fn lib<T: FromStr<Err = merzim::Error>>(s: &str) -> Result<T, String> {
    s.parse()
        .map_err(|e: merzim::Error| e.message_in(crate::texts::ui_lang()).to_string())
}

/// One of `values`, read with the library's `FromStr`.
pub fn choice<T>(values: &'static [&'static str]) -> impl TypedValueParser<Value = T>
where
    T: FromStr<Err = merzim::Error> + Clone + Send + Sync + 'static,
{
    PossibleValuesParser::new(values).try_map(|s| s.parse::<T>())
}

/// The library's named enums: their names come from the library (`ALL`, `as_str`).
pub trait Named: FromStr<Err = merzim::Error> + Copy + Send + Sync + 'static {
    fn all() -> &'static [Self];
    fn name(self) -> &'static str;
}

macro_rules! named {
    ($($t:ty),+) => {$(
        impl Named for $t {
            fn all() -> &'static [Self] {
                <$t>::ALL
            }
            fn name(self) -> &'static str {
                self.as_str()
            }
        }
    )+};
}

named!(Week, Horizon, Channel, StartRule, TermEnd, Outcome);

/// One of the names of `T`, read with the library's `FromStr`.
pub fn named<T: Named>() -> impl TypedValueParser<Value = T> {
    PossibleValuesParser::new(T::all().iter().map(|v| v.name())).try_map(|s| s.parse::<T>())
}

/// The ids of the bundled regulations, for help texts.
/// The years the embedded data covers, read from the library ("2000–2027").
pub fn coverage_years() -> String {
    let (a, b) = merzim::Calendar::kazakhstan().valid_range();
    format!("{}–{}", a.format("%Y"), b.format("%Y"))
}

pub fn bundled_list() -> String {
    Regulation::bundled_ids().collect::<Vec<_>>().join(", ")
}

/// A regulation named on the command line: a bundled id, or a path to a
/// regulation file (it ends in `.toml` or holds a path separator).
pub fn regulation(id_or_path: &str) -> Result<Cow<'static, Regulation>, Fail> {
    let is_path = id_or_path.ends_with(".toml") || id_or_path.contains(['/', '\\']);
    Ok(if is_path {
        Cow::Owned(Regulation::from_file(id_or_path)?)
    } else {
        Cow::Borrowed(Regulation::bundled(id_or_path)?)
    })
}

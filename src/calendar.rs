//! The Kazakhstan working-day calendar: per-day tables built from `holidays/`.

use std::sync::{Arc, OnceLock};

use chrono::{Datelike, Months, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::data::{Dataset, HolidayKind, FIRST_YEAR, LAST_YEAR};
use crate::names::Names;
use crate::{Error, Result};

/// Which working week the calendar counts (TERMS.md §1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Week {
    /// Monday–Friday; Saturday and Sunday off; transfer acts apply. The default.
    #[default]
    FiveDay,
    /// Monday–Saturday; only Sunday off; substitutes only for Sunday holidays;
    /// transfer acts do not apply.
    SixDay,
}

impl std::str::FromStr for Week {
    type Err = Error;
    fn from_str(s: &str) -> Result<Week> {
        match s.trim() {
            "five" | "five_day" | "5" => Ok(Week::FiveDay),
            "six" | "six_day" | "6" => Ok(Week::SixDay),
            other => Err(Error::invalid_input(format!(
                "unknown week {other:?}: expected \"five\" or \"six\""
            ))),
        }
    }
}

/// How far the calendar answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Horizon {
    /// Only the dates the data covers (2000-01-01 to 2027-12-31 for the embedded
    /// data); anything else is an [`ErrorKind::OutOfCoverage`](crate::ErrorKind) error. The default.
    #[default]
    Coverage,
    /// The statutory rules extended beyond coverage up to 2100-12-31; every
    /// result that depends on a day past coverage is marked provisional.
    Provisional,
}

/// What kind of day a date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DayKind {
    /// An ordinary working day.
    Working,
    /// A weekly day off (Saturday/Sunday; Sunday only for the six-day week).
    Weekend,
    /// A public (national or state) holiday.
    Holiday,
    /// A religious day off: 7 January, the first day of Kurban Ait.
    ReligiousDayOff,
    /// The working day after a holiday that fell on a weekend (Law on holidays art. 5).
    SubstituteDayOff,
    /// A working day made a day off by a transfer act.
    TransferredDayOff,
    /// A working day declared off by an act, with no day worked in return.
    DeclaredDayOff,
    /// A Saturday or Sunday made a working day by a transfer act.
    WorkingWeekend,
    /// A weekday day off (a substitute day) made a working day by a transfer act
    /// (2020-05-11).
    TransferredWorkingDay,
}

impl DayKind {
    /// Every kind, in the order of this enum (a legend's order).
    pub const ALL: [DayKind; 9] = [
        DayKind::Working,
        DayKind::Weekend,
        DayKind::Holiday,
        DayKind::ReligiousDayOff,
        DayKind::SubstituteDayOff,
        DayKind::TransferredDayOff,
        DayKind::DeclaredDayOff,
        DayKind::WorkingWeekend,
        DayKind::TransferredWorkingDay,
    ];

    /// Whether days of this kind are working days.
    pub fn is_working(self) -> bool {
        matches!(
            self,
            DayKind::Working | DayKind::WorkingWeekend | DayKind::TransferredWorkingDay
        )
    }

    /// The snake_case name used in JSON (`"substitute_day_off"`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            DayKind::Working => "working",
            DayKind::Weekend => "weekend",
            DayKind::Holiday => "holiday",
            DayKind::ReligiousDayOff => "religious_day_off",
            DayKind::SubstituteDayOff => "substitute_day_off",
            DayKind::TransferredDayOff => "transferred_day_off",
            DayKind::DeclaredDayOff => "declared_day_off",
            DayKind::WorkingWeekend => "working_weekend",
            DayKind::TransferredWorkingDay => "transferred_working_day",
        }
    }

    fn code(self) -> u8 {
        self as u8
    }

    fn from_code(code: u8) -> DayKind {
        DayKind::ALL[(code & KIND_MASK) as usize]
    }
}

const KIND_MASK: u8 = 0x0f;
const WORKING_BIT: u8 = 0x80;

/// A transfer or declaration act, as cited by a [`Day`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ActRef {
    /// The act's id in the data (`"mtszn-order-2024-04-17"`).
    pub id: String,
    /// Its title.
    pub title: Names,
    /// The body that issued it.
    pub body: String,
    /// Its number, when known.
    pub number: Option<String>,
    /// Its date, when known.
    pub date: Option<NaiveDate>,
}

/// Everything the calendar knows about one date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Day {
    /// The date.
    pub date: NaiveDate,
    /// Its kind.
    pub kind: DayKind,
    /// Whether it is a working day.
    pub working: bool,
    /// The holiday's name (for a substitute day: the holiday it stands for; for a
    /// transfer: what happened); `None` for ordinary working days and weekends.
    pub names: Option<Names>,
    /// The legal source of this day's status.
    pub source: Option<String>,
    /// The act that moved this day, for transfers.
    pub act: Option<ActRef>,
    /// Whether this day's status may still change (year not final, or past coverage).
    pub provisional: bool,
    /// Whether this day's status rests on an estimated date (Kurban Ait not yet announced).
    pub estimated: bool,
}

/// What makes a special day special: a compact reference into the dataset,
/// resolved to names and sources only when [`Calendar::day`] is asked.
#[derive(Clone, Copy, Debug)]
enum Detail {
    /// A statutory holiday or religious day (index into `holidays`).
    Holiday(u16),
    /// Kurban Ait (index into `kurban`).
    Kurban(u16),
    /// The substitute for the holiday rule `.0` that fell on day `.1`.
    Substitute(u16, u32),
    /// A day off moved by act `.0`; day `.1` is worked instead.
    MovedOff(u16, u32),
    /// A day worked by act `.0` instead of day off `.1`.
    Worked(u16, u32),
    /// A day off declared by act `.0`.
    Declared(u16),
}

/// The Kazakhstan working-day calendar.
///
/// Cheap to clone (shared tables), immutable, `Send + Sync`. Every day query is
/// O(1): a table lookup, no loop over days.
///
/// ```
/// use chrono::NaiveDate;
/// use merzim::Calendar;
///
/// let cal = Calendar::kazakhstan();
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert!(!cal.is_working_day(d(2026, 3, 23))?); // Nauryz
/// assert!(cal.is_working_day(d(2024, 5, 4))?);   // a working Saturday
/// assert_eq!(cal.add_working_days(d(2026, 3, 20), 1)?, d(2026, 3, 26));
/// assert_eq!(cal.working_days_between(d(2026, 3, 20), d(2026, 3, 26))?, 1);
/// # Ok::<(), merzim::Error>(())
/// ```
#[derive(Clone)]
pub struct Calendar {
    inner: Arc<Tables>,
}

impl std::fmt::Debug for Calendar {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Calendar")
            .field("week", &self.inner.week)
            .field("horizon", &self.inner.horizon)
            .field("coverage", &self.coverage())
            .field("data_version", &self.inner.data_version)
            .finish()
    }
}

struct Tables {
    week: Week,
    horizon: Horizon,
    data: Arc<Dataset>,
    data_version: String,
    /// `num_days_from_ce` of 2000-01-01.
    base: i32,
    /// Last index the calendar answers for (coverage end, or 2100-12-31 with the horizon).
    valid_last: u32,
    /// Last index of the data's coverage.
    coverage_last: u32,
    /// Per day: kind code | WORKING_BIT.
    kind: Vec<u8>,
    /// cum[i] = working days among indices 0..i (len = days + 1).
    cum: Vec<u16>,
    /// Indices of working days, ascending.
    working: Vec<u16>,
    /// Details of special days, sorted by index.
    details: Vec<(u32, Detail)>,
    /// provisional_years_before[y - FIRST_YEAR] = provisional years among FIRST_YEAR..y.
    provisional_years_before: Vec<u16>,
}

fn base_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1).expect("valid constant date")
}

fn last_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(LAST_YEAR, 12, 31).expect("valid constant date")
}

static EMBEDDED_DATA: OnceLock<std::result::Result<Arc<Dataset>, Error>> = OnceLock::new();
static FIVE_DAY: OnceLock<Calendar> = OnceLock::new();
static SIX_DAY: OnceLock<Calendar> = OnceLock::new();

fn embedded_data() -> Arc<Dataset> {
    let r = EMBEDDED_DATA.get_or_init(|| Dataset::embedded().map(Arc::new));
    match r {
        Ok(d) => d.clone(),
        // The embedded data is checked by the test suite; a broken build is a bug.
        Err(e) => panic!("merzim: the embedded holiday data is invalid: {e}"),
    }
}

impl Calendar {
    /// The embedded Kazakhstan calendar, five-day week, built once per process.
    pub fn kazakhstan() -> Calendar {
        FIVE_DAY
            .get_or_init(|| {
                Calendar::build(
                    embedded_data(),
                    Week::FiveDay,
                    Horizon::Coverage,
                    Vec::new(),
                )
                .expect("the embedded holiday data is checked by the test suite")
            })
            .clone()
    }

    /// A fresh copy of the embedded calendar, built now: what [`kazakhstan`](Calendar::kazakhstan)
    /// does once per process (the data was parsed and checked by the build script,
    /// so this only lays out the tables).
    pub fn kazakhstan_uncached() -> Calendar {
        let data = Dataset::embedded()
            .map(Arc::new)
            .expect("the generated data is valid");
        Calendar::build(data, Week::FiveDay, Horizon::Coverage, Vec::new())
            .expect("the embedded holiday data is checked by the build script")
    }

    /// The embedded Kazakhstan calendar for the six-day week (TERMS.md §1).
    pub fn kazakhstan_six_day() -> Calendar {
        SIX_DAY
            .get_or_init(|| Calendar::kazakhstan().with_week(Week::SixDay))
            .clone()
    }

    /// The embedded calendar built for `week`.
    pub fn kazakhstan_with(week: Week) -> Calendar {
        match week {
            Week::FiveDay => Calendar::kazakhstan(),
            Week::SixDay => Calendar::kazakhstan_six_day(),
        }
    }

    /// This calendar's data, counted for another week.
    pub fn with_week(&self, week: Week) -> Calendar {
        if week == self.inner.week {
            return self.clone();
        }
        self.rebuild(self.inner.data.clone(), week, self.inner.horizon)
            .expect("data that built once builds for another week")
    }

    /// This calendar with another horizon (see [`Horizon`]).
    pub fn with_horizon(&self, horizon: Horizon) -> Calendar {
        if horizon == self.inner.horizon {
            return self.clone();
        }
        self.rebuild(self.inner.data.clone(), self.inner.week, horizon)
            .expect("data that built once builds for another horizon")
    }

    /// This calendar with extra or corrected data layered over it: a new transfer
    /// order, a local non-working day, an announced Kurban Ait date.
    ///
    /// `toml` uses the schema of `holidays/transfers/YYYY.toml` (`[[act]]` with
    /// `[[act.transfer]]` / `[[act.day_off]]`, `year` + `status`), plus
    /// `[[kurban_ait]]` and `[[holiday]]` entries as in `holidays/`. An act with the
    /// id of an existing one replaces it. A bad overlay is an
    /// [`ErrorKind::InvalidData`](crate::ErrorKind) error naming the line; it never
    /// half-applies (`self` is unchanged either way).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let cal = merzim::Calendar::kazakhstan();
    /// let new = cal.with_overlay_toml("order.toml", r#"
    /// [[act]]
    /// id = "example-order"
    /// source = "an example"
    /// [[act.transfer]]
    /// day_off = "2027-01-08"
    /// working_day = "2027-01-16"
    /// "#)?;
    /// assert!(!new.is_working_day(NaiveDate::from_ymd_opt(2027, 1, 8).unwrap())?);
    /// assert!(cal.is_working_day(NaiveDate::from_ymd_opt(2027, 1, 8).unwrap())?);
    /// # Ok::<(), merzim::Error>(())
    /// ```
    pub fn with_overlay_toml(&self, origin: &str, toml: &str) -> Result<Calendar> {
        let mut data = (*self.inner.data).clone();
        data.apply(origin, toml)?;
        self.rebuild(Arc::new(data), self.inner.week, self.inner.horizon)
    }

    /// [`with_overlay_toml`](Calendar::with_overlay_toml) with the text of a file.
    pub fn with_overlay_file(&self, path: impl AsRef<std::path::Path>) -> Result<Calendar> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|e| {
            Error::new(
                crate::ErrorKind::Io,
                format!("cannot read calendar file {}: {e}", path.display()),
            )
        })?;
        self.with_overlay_toml(&path.display().to_string(), &text)
    }

    fn rebuild(&self, data: Arc<Dataset>, week: Week, horizon: Horizon) -> Result<Calendar> {
        Calendar::build(data, week, horizon, Vec::new())
    }

    fn build(data: Arc<Dataset>, week: Week, horizon: Horizon, _: Vec<()>) -> Result<Calendar> {
        let base = base_date();
        let base_n = base.num_days_from_ce();
        let len = (last_date().num_days_from_ce() - base_n + 1) as usize;
        let idx = |d: NaiveDate| -> Option<usize> {
            let i = d.num_days_from_ce() - base_n;
            (i >= 0 && (i as usize) < len).then_some(i as usize)
        };
        // Coverage: FIRST_YEAR through the last year with a transfers file, no gaps.
        let last_year = data.years.keys().next_back().copied().ok_or_else(|| {
            Error::invalid_data("the holiday data has no year files (holidays/transfers/YYYY.toml)")
        })?;
        for y in FIRST_YEAR..=last_year {
            if !data.years.contains_key(&y) {
                return Err(Error::invalid_data(format!(
                    "the holiday data has no file for year {y}: coverage must be continuous from {FIRST_YEAR}"
                )));
            }
        }
        let coverage_last = idx(NaiveDate::from_ymd_opt(last_year, 12, 31).expect("valid"))
            .expect("year within range") as u32;
        let valid_last = match horizon {
            Horizon::Coverage => coverage_last,
            Horizon::Provisional => (len - 1) as u32,
        };

        let is_weekend = |wd: Weekday| match week {
            Week::FiveDay => matches!(wd, Weekday::Sat | Weekday::Sun),
            Week::SixDay => wd == Weekday::Sun,
        };
        // 2000-01-01 (index 0) was a Saturday: weekday = (i + 5) % 7, Monday = 0.
        let weekday_of = |i: usize| Weekday::try_from(((i + 5) % 7) as u8).expect("0..7");
        let kind: Vec<u8> = (0..len)
            .map(|i| {
                if is_weekend(weekday_of(i)) {
                    DayKind::Weekend.code()
                } else {
                    DayKind::Working.code()
                }
            })
            .collect();
        let mut kind = kind;
        let mut details: Vec<(u32, Detail)> = Vec::new();
        let mut detail_at = std::collections::HashMap::<u32, usize>::new();
        let mut set_detail = |i: usize, d: Detail, details: &mut Vec<(u32, Detail)>| {
            if let Some(&at) = detail_at.get(&(i as u32)) {
                details[at].1 = d;
            } else {
                detail_at.insert(i as u32, details.len());
                details.push((i as u32, d));
            }
        };

        // 1. Statutory holidays and religious days, year by year.
        let mut public: Vec<(usize, usize)> = Vec::new(); // (index, rule)
        for year in FIRST_YEAR..=LAST_YEAR {
            for (r, rule) in data.holidays.iter().enumerate() {
                if year < rule.from || year > rule.until {
                    continue;
                }
                for &(m, d) in &rule.dates {
                    let Some(date) = NaiveDate::from_ymd_opt(year, m, d) else {
                        continue;
                    };
                    let Some(i) = idx(date) else { continue };
                    match rule.kind {
                        HolidayKind::Public => {
                            kind[i] = DayKind::Holiday.code();
                            public.push((i, r));
                        }
                        HolidayKind::Religious => {
                            if kind[i] != DayKind::Holiday.code() {
                                kind[i] = DayKind::ReligiousDayOff.code();
                            }
                        }
                    }
                    set_detail(i, Detail::Holiday(r as u16), &mut details);
                }
            }
        }
        for (ki, k) in data.kurban.iter().enumerate() {
            let Some(i) = idx(k.date) else { continue };
            if kind[i] != DayKind::Holiday.code() {
                kind[i] = DayKind::ReligiousDayOff.code();
            }
            set_detail(i, Detail::Kurban(ki as u16), &mut details);
        }
        // 2. Substitutes: a public holiday on a weekly day off gives the next
        //    ordinary working day off, in date order so runs chain.
        public.sort_unstable();
        for &(i, r) in &public {
            let date = base + chrono::Days::new(i as u64);
            if date.year() < data.substitution_since || !is_weekend(date.weekday()) {
                continue;
            }
            let mut j = i + 1;
            while j < len && kind[j] != DayKind::Working.code() {
                j += 1;
            }
            if j >= len {
                continue;
            }
            kind[j] = DayKind::SubstituteDayOff.code();
            set_detail(j, Detail::Substitute(r as u16, i as u32), &mut details);
        }
        // 3. Transfer acts (five-day week only).
        if week == Week::FiveDay {
            for (a, act) in data.acts.iter().enumerate() {
                let bad = |what: String| {
                    Error::invalid_data(format!("{}: act {:?}: {what}", act.origin, act.id))
                };
                let check = |d: NaiveDate| {
                    idx(d).ok_or_else(|| {
                        bad(format!(
                            "{d} is outside the calendar's range {}..={}",
                            base_date(),
                            last_date()
                        ))
                    })
                };
                for &(off, work) in &act.transfers {
                    let (io, iw) = (check(off)?, check(work)?);
                    if !DayKind::from_code(kind[io]).is_working() {
                        return Err(bad(format!(
                            "day_off {off} is already a non-working day ({})",
                            DayKind::from_code(kind[io]).as_str()
                        )));
                    }
                    let wk = DayKind::from_code(kind[iw]);
                    let new_work = match wk {
                        DayKind::Weekend => DayKind::WorkingWeekend,
                        DayKind::SubstituteDayOff
                        | DayKind::TransferredDayOff
                        | DayKind::DeclaredDayOff => DayKind::TransferredWorkingDay,
                        other => {
                            return Err(bad(format!(
                                "working_day {work} cannot be made a working day: it is {}",
                                other.as_str()
                            )))
                        }
                    };
                    kind[io] = DayKind::TransferredDayOff.code();
                    kind[iw] = new_work.code();
                    set_detail(io, Detail::MovedOff(a as u16, iw as u32), &mut details);
                    set_detail(iw, Detail::Worked(a as u16, io as u32), &mut details);
                }
                for &off in &act.days_off {
                    let io = check(off)?;
                    if !DayKind::from_code(kind[io]).is_working() {
                        return Err(bad(format!(
                            "day_off {off} is already a non-working day ({})",
                            DayKind::from_code(kind[io]).as_str()
                        )));
                    }
                    kind[io] = DayKind::DeclaredDayOff.code();
                    set_detail(io, Detail::Declared(a as u16), &mut details);
                }
            }
        }
        // 4. Tables.
        let mut cum = Vec::with_capacity(len + 1);
        let mut working = Vec::with_capacity(len);
        let mut n: u16 = 0;
        for (i, k) in kind.iter_mut().enumerate() {
            cum.push(n);
            if DayKind::from_code(*k).is_working() {
                *k |= WORKING_BIT;
                working.push(i as u16);
                n += 1;
            }
        }
        cum.push(n);
        details.sort_by_key(|d| d.0);
        let coverage_last_year = last_year;
        let mut provisional_years_before =
            Vec::with_capacity((LAST_YEAR - FIRST_YEAR + 2) as usize);
        let mut p = 0u16;
        for y in FIRST_YEAR..=LAST_YEAR {
            provisional_years_before.push(p);
            let prov = y > coverage_last_year
                || data.years.get(&y).is_some_and(|s| s.provisional)
                // An estimated Kurban Ait date matters only where it could fall on
                // a working day: one on a Sunday is off in either week anyway.
                || data
                    .kurban
                    .iter()
                    .any(|k| k.year == y && k.estimated && k.date.weekday() != Weekday::Sun);
            if prov {
                p += 1;
            }
        }
        provisional_years_before.push(p);
        let data_version = data_version_of(&data, coverage_last_year);
        Ok(Calendar {
            inner: Arc::new(Tables {
                week,
                horizon,
                data,
                data_version,
                base: base_n,
                valid_last,
                coverage_last,
                kind,
                cum,
                working,
                details,
                provisional_years_before,
            }),
        })
    }
}

fn data_version_of(data: &Dataset, last_year: i32) -> String {
    let hash = crate::embedded::EMBEDDED_HASH;
    let mut v = format!("kz-{FIRST_YEAR}-{last_year}+{hash:08x}");
    let embedded = crate::data::EMBEDDED.len();
    if data.origins.len() > embedded {
        let names: Vec<&str> = data.origins[embedded..]
            .iter()
            .map(String::as_str)
            .collect();
        v.push_str(&format!("+overlay:{}", names.join(",")));
    }
    v
}

// ---------- queries ----------

impl Calendar {
    /// The week this calendar counts.
    pub fn week(&self) -> Week {
        self.inner.week
    }

    /// The horizon this calendar answers to.
    pub fn horizon(&self) -> Horizon {
        self.inner.horizon
    }

    /// The first and last date the data covers (2000-01-01 and 2027-12-31 for the
    /// embedded data).
    pub fn coverage(&self) -> (NaiveDate, NaiveDate) {
        (base_date(), self.date_of(self.inner.coverage_last))
    }

    /// The first and last date this calendar answers for: the coverage, or up to
    /// 2100-12-31 with [`Horizon::Provisional`].
    pub fn valid_range(&self) -> (NaiveDate, NaiveDate) {
        (base_date(), self.date_of(self.inner.valid_last))
    }

    /// A version string of the data: coverage, a hash of the embedded files, and
    /// the overlays applied.
    pub fn data_version(&self) -> &str {
        &self.inner.data_version
    }

    /// Day index of `date` (0 = 2000-01-01), checked against the valid range.
    #[inline]
    pub(crate) fn index(&self, date: NaiveDate) -> Result<u32> {
        let i = crate::days::index_of(date);
        if i < 0 || i > self.inner.valid_last as i64 {
            return Err(self.out_of_range(date));
        }
        Ok(i as u32)
    }

    pub(crate) fn out_of_range(&self, date: NaiveDate) -> Error {
        let (a, b) = self.valid_range();
        let hint =
            if self.inner.horizon == Horizon::Coverage && date > b && date.year() <= LAST_YEAR {
                " (choose the provisional horizon to extend the statutory rules up to 2100)"
            } else {
                ""
            };
        Error::out_of_coverage(format!(
            "{date} is outside the calendar's coverage {a}..={b}{hint}"
        ))
    }

    fn beyond(&self, from: NaiveDate, what: &str) -> Error {
        let (a, b) = self.valid_range();
        Error::out_of_coverage(format!(
            "{what} from {from} goes beyond the calendar's coverage {a}..={b}"
        ))
    }

    /// The date of a day index.
    #[inline]
    pub(crate) fn date_of(&self, i: u32) -> NaiveDate {
        crate::days::date_of(i)
    }

    /// Last valid index.
    #[inline]
    pub(crate) fn valid_last(&self) -> u32 {
        self.inner.valid_last
    }

    /// Whether the day at index `i` is a working day (no range check beyond the table).
    #[inline]
    pub(crate) fn working_at(&self, i: u32) -> bool {
        self.inner.kind[i as usize] & WORKING_BIT != 0
    }

    /// Working days among indices `0..i`.
    #[inline]
    pub(crate) fn cum_at(&self, i: u32) -> u32 {
        self.inner.cum[i as usize] as u32
    }

    /// Index of the working day with 0-based ordinal `k`, if valid.
    #[inline]
    pub(crate) fn working_index(&self, k: i64) -> Option<u32> {
        if k < 0 {
            return None;
        }
        let i = *self.inner.working.get(k as usize)? as u32;
        (i <= self.inner.valid_last).then_some(i)
    }

    /// Raw tables for the bulk paths: (cum, working list, valid last index).
    pub(crate) fn raw_tables(&self) -> (&[u16], &[u16], u32) {
        (&self.inner.cum, &self.inner.working, self.inner.valid_last)
    }

    pub(crate) fn base_day_number(&self) -> i32 {
        self.inner.base
    }

    /// Bytes of the per-day tables (kinds, prefix counts, working-day list) and
    /// the special-day index; the holiday texts they point to are shared.
    pub fn table_bytes(&self) -> usize {
        let t = &self.inner;
        t.kind.len()
            + t.cum.len() * 2
            + t.working.len() * 2
            + t.details.len() * std::mem::size_of::<(u32, Detail)>()
            + t.provisional_years_before.len() * 2
    }

    /// Whether `date` is a working day.
    #[inline]
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool> {
        Ok(self.working_at(self.index(date)?))
    }

    /// The kind of `date`.
    pub fn day_kind(&self, date: NaiveDate) -> Result<DayKind> {
        Ok(DayKind::from_code(
            self.inner.kind[self.index(date)? as usize],
        ))
    }

    /// Everything known about `date`: kind, names, source, act, provisional flags.
    pub fn day(&self, date: NaiveDate) -> Result<Day> {
        let i = self.index(date)?;
        let kind = DayKind::from_code(self.inner.kind[i as usize]);
        let detail = match kind {
            DayKind::Working | DayKind::Weekend => None,
            _ => self
                .inner
                .details
                .binary_search_by_key(&i, |d| d.0)
                .ok()
                .map(|p| self.inner.details[p].1),
        };
        let data = &self.inner.data;
        let act_ref = |a: u16| {
            let act = &data.acts[a as usize];
            ActRef {
                id: act.id.clone(),
                title: act.title.clone(),
                body: act.body.clone(),
                number: act.number.clone(),
                date: act.date,
            }
        };
        // A day set by act `a`: its names, the act's source, the act.
        let by_act = |a: u16, names: Names| {
            let source = data.acts[a as usize].source.clone();
            (Some(names), Some(source), Some(act_ref(a)), false)
        };
        let (names, source, act, estimated) = match detail {
            None => (None, None, None, false),
            Some(Detail::Holiday(r)) => {
                let rule = &data.holidays[r as usize];
                (
                    Some(rule.names.clone()),
                    Some(rule.source.clone()),
                    None,
                    false,
                )
            }
            Some(Detail::Kurban(k)) => {
                let k = &data.kurban[k as usize];
                let names = Names::new(
                    "Құрбан айттың бірінші күні",
                    "Первый день Курбан айта",
                    "Kurban Ait (first day)",
                );
                (Some(names), Some(k.source.clone()), None, k.estimated)
            }
            Some(Detail::Substitute(r, h)) => {
                let n = &data.holidays[r as usize].names;
                let h = self.date_of(h);
                let names = Names::new(
                    format!("{} (ауыстырылған демалыс күні, {h})", n.kk),
                    format!("{} (перенос выходного дня с {h})", n.ru),
                    format!("{} (substitute day off for {h})", n.en),
                );
                (
                    Some(names),
                    Some(data.substitution_source.clone()),
                    None,
                    false,
                )
            }
            Some(Detail::MovedOff(a, w)) => {
                let w = self.date_of(w);
                let names = Names::new(
                    format!("Демалыс күні ауыстырылды ({w} жұмыс күні)"),
                    format!("Перенесённый выходной день (рабочий день {w})"),
                    format!("Day off moved by an act (worked on {w} instead)"),
                );
                by_act(a, names)
            }
            Some(Detail::Worked(a, o)) => {
                let o = self.date_of(o);
                let names = Names::new(
                    format!("Жұмыс күні ({o} демалыс күнінің орнына)"),
                    format!("Рабочий день (вместо выходного {o})"),
                    format!("Working day by an act (instead of {o})"),
                );
                by_act(a, names)
            }
            Some(Detail::Declared(a)) => {
                let names = Names::new(
                    "Актімен жарияланған демалыс күні",
                    "Нерабочий день, объявленный актом",
                    "Day off declared by an act",
                );
                by_act(a, names)
            }
        };
        Ok(Day {
            date,
            kind,
            working: kind.is_working(),
            names,
            source,
            act,
            provisional: self.is_provisional(date),
            estimated,
        })
    }

    /// Whether `date`'s status may still change: its year's transfer acts are not
    /// all published, its Kurban Ait date is an estimate, or it lies past coverage.
    pub fn is_provisional(&self, date: NaiveDate) -> bool {
        self.provisional_between(date, date)
    }

    /// Whether any day from `a` to `b` (either order, inclusive) is provisional.
    pub fn provisional_between(&self, a: NaiveDate, b: NaiveDate) -> bool {
        let (a, b) = if a <= b { (a, b) } else { (b, a) };
        let y = |d: NaiveDate| {
            (d.year().clamp(FIRST_YEAR - 1, LAST_YEAR + 1) - FIRST_YEAR + 1) as usize
        };
        // Years outside the table count as provisional (they are past coverage).
        let (ya, yb) = (y(a), y(b));
        if ya == 0 || yb > (LAST_YEAR - FIRST_YEAR + 1) as usize {
            return true;
        }
        let p = &self.inner.provisional_years_before;
        p[yb] - p[ya - 1] > 0
    }

    /// The `n`-th working day after `date` (n > 0), the |n|-th before it (n < 0),
    /// or, for n = 0, `date` itself if it is a working day, else the next one.
    ///
    /// `date` need not be a working day. This differs from numpy's
    /// `busday_offset(date, n, roll="forward")`, which first rolls a non-working
    /// `date` forward and then counts from there: for a Saturday and n = 1 numpy
    /// gives the Tuesday, merzim the Monday (the first working day strictly after).
    /// For n < 0 numpy rolls forward too and counts back from the rolled day.
    pub fn add_working_days(&self, date: NaiveDate, n: i32) -> Result<NaiveDate> {
        let i = self.index(date)?;
        let k = self
            .add_working_days_index(i, n)
            .ok_or_else(|| self.beyond(date, &format!("adding {n} working days")))?;
        Ok(self.date_of(k))
    }

    /// Index form of [`add_working_days`](Calendar::add_working_days).
    #[inline]
    pub(crate) fn add_working_days_index(&self, i: u32, n: i32) -> Option<u32> {
        let n = n as i64;
        let ord = if n > 0 {
            self.cum_at(i + 1) as i64 + n - 1
        } else {
            self.cum_at(i) as i64 + n
        };
        self.working_index(ord)
    }

    /// Working days in `(a, b]`, negative when `b < a`, so that
    /// `add_working_days(a, working_days_between(a, b)) == b` for a working day `b`.
    pub fn working_days_between(&self, a: NaiveDate, b: NaiveDate) -> Result<i32> {
        let (i, j) = (self.index(a)?, self.index(b)?);
        Ok(self.cum_at(j + 1) as i32 - self.cum_at(i + 1) as i32)
    }

    /// The first working day strictly after `date`.
    pub fn next_working_day(&self, date: NaiveDate) -> Result<NaiveDate> {
        self.add_working_days(date, 1)
    }

    /// The last working day strictly before `date`.
    pub fn previous_working_day(&self, date: NaiveDate) -> Result<NaiveDate> {
        self.add_working_days(date, -1)
    }

    /// `date` if it is a working day, else the next working day.
    pub fn roll_forward(&self, date: NaiveDate) -> Result<NaiveDate> {
        self.add_working_days(date, 0)
    }

    /// `date` if it is a working day, else the previous working day.
    pub fn roll_backward(&self, date: NaiveDate) -> Result<NaiveDate> {
        if self.is_working_day(date)? {
            Ok(date)
        } else {
            self.add_working_days(date, -1)
        }
    }

    /// Working days in a month.
    pub fn working_days_in_month(&self, year: i32, month: u32) -> Result<u32> {
        let first = NaiveDate::from_ymd_opt(year, month, 1).ok_or_else(|| {
            Error::invalid_input(format!("no month {year}-{month:02}: months are 1..=12"))
        })?;
        let last = first + Months::new(1) - chrono::Days::new(1);
        self.count_working(first, last)
    }

    /// Working days in a year.
    pub fn working_days_in_year(&self, year: i32) -> Result<u32> {
        let first = NaiveDate::from_ymd_opt(year, 1, 1)
            .ok_or_else(|| Error::invalid_input(format!("no year {year}")))?;
        let last = NaiveDate::from_ymd_opt(year, 12, 31).expect("Dec 31 exists");
        self.count_working(first, last)
    }

    /// Working days from `a` to `b`, both inclusive.
    pub fn count_working(&self, a: NaiveDate, b: NaiveDate) -> Result<u32> {
        let (i, j) = (self.index(a)?, self.index(b)?);
        if j < i {
            return Err(Error::invalid_input(format!(
                "count_working: {b} is before {a}"
            )));
        }
        Ok(self.cum_at(j + 1) - self.cum_at(i))
    }
}

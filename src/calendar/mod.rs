//! The Kazakhstan working-day calendar: per-day tables built from `holidays/`.

mod build;
mod bulk;
mod day;
mod options;
mod swap;
mod year;

use std::sync::{Arc, OnceLock};

use chrono::{Datelike, Months, NaiveDate};

use crate::week::Week;
pub(crate) use day::Detail;
use day::WORKING_BIT;
pub use day::{ActRef, Day, DayKind};
pub use options::Horizon;

use crate::data::Dataset;
use crate::dates;
use crate::dates::{FIRST_YEAR, LAST_YEAR};
use crate::error::date_in;
use crate::{Error, ErrorKind, Lang, Result};

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

/// The per-day tables of one calendar (see [`build`]).
#[derive(Clone)]
pub(crate) struct Tables {
    week: Week,
    horizon: Horizon,
    data: Arc<Dataset>,
    data_version: String,
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
    /// The dates of `working`, built on first use (100 KB for 2000–2100):
    /// a bulk `NaiveDateTime` result that lands on a working day reads its
    /// date here, one table lookup fewer than through its index.
    working_dates: OnceLock<Vec<NaiveDate>>,
    /// Details of special days, sorted by index.
    details: Vec<(u32, Detail)>,
    /// provisional_years_before[y - FIRST_YEAR] = provisional years among FIRST_YEAR..y.
    provisional_years_before: Vec<u16>,
    /// The tables of the `yyyymmdd` bulk path, built on its first use.
    ymd: OnceLock<Arc<bulk::YmdTables>>,
}

static FIVE_DAY: OnceLock<Result<Calendar>> = OnceLock::new();

impl Calendar {
    /// The embedded Kazakhstan calendar, five-day week, built once per process.
    ///
    /// # Panics
    ///
    /// Only if the embedded data cannot be laid out: a defect of the build
    /// (the data is compiled in and the test suite lays it out for both
    /// weeks), never of any input. [`try_kazakhstan`](Calendar::try_kazakhstan)
    /// returns that error instead.
    pub fn kazakhstan() -> Calendar {
        Calendar::try_kazakhstan().unwrap_or_else(|e| panic!("{e}"))
    }

    /// [`kazakhstan`](Calendar::kazakhstan), with the error of embedded data
    /// that does not lay out (a defect of the build) rather than a panic.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidData`] naming the file and the problem.
    pub fn try_kazakhstan() -> Result<Calendar> {
        FIVE_DAY
            .get_or_init(|| Calendar::from_data(Dataset::embedded(), Week::FiveDay))
            .clone()
    }

    /// A fresh copy of the embedded calendar, built now: what
    /// [`kazakhstan`](Calendar::kazakhstan) does once per process (the data is
    /// compiled in, so this only lays out the tables).
    ///
    /// # Errors
    ///
    /// As [`try_kazakhstan`](Calendar::try_kazakhstan).
    #[doc(hidden)]
    pub fn kazakhstan_uncached() -> Result<Calendar> {
        Calendar::from_data(Dataset::embedded(), Week::FiveDay)
    }

    /// The embedded Kazakhstan calendar for the six-day week (RULES.md §1).
    ///
    /// # Panics
    ///
    /// As [`kazakhstan`](Calendar::kazakhstan).
    pub fn kazakhstan_six_day() -> Calendar {
        static SIX_DAY: OnceLock<Result<Calendar>> = OnceLock::new();
        SIX_DAY
            .get_or_init(|| Calendar::try_kazakhstan()?.with_week(Week::SixDay))
            .clone()
            .unwrap_or_else(|e| panic!("{e}"))
    }

    fn from_data(data: Dataset, week: Week) -> Result<Calendar> {
        Ok(Calendar {
            inner: Arc::new(build::build(Arc::new(data), week, Horizon::Coverage)?),
        })
    }

    /// This calendar's data, counted for another week.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidData`] when the data (an overlay) does not lay out
    /// for that week, e.g. an act moving a day off that is already off in it.
    /// (Overlays are checked for both weeks when they are loaded, so this
    /// happens only for data built by other means.)
    pub fn with_week(&self, week: Week) -> Result<Calendar> {
        if week == self.inner.week {
            return Ok(self.clone());
        }
        let t = build::build(self.inner.data.clone(), week, self.inner.horizon)?;
        Ok(Calendar { inner: Arc::new(t) })
    }

    /// This calendar with another horizon (see [`Horizon`]). The horizon moves
    /// the last date answered; the tables of a calendar span the days it can
    /// answer for, so going provisional lays the years past coverage out once.
    pub fn with_horizon(&self, horizon: Horizon) -> Calendar {
        if horizon == self.inner.horizon {
            return self.clone();
        }
        let days = self.inner.kind.len();
        if horizon == Horizon::Provisional && days < dates::DAYS {
            // The same data laid out through 2100: it laid out through an
            // earlier year with every act in it, so it cannot fail now.
            if let Ok(t) = build::build(self.inner.data.clone(), self.inner.week, horizon) {
                return Calendar { inner: Arc::new(t) };
            }
        }
        let mut t = (*self.inner).clone();
        t.horizon = horizon;
        t.valid_last = match horizon {
            Horizon::Provisional => (days - 1) as u32,
            _ => t.coverage_last,
        };
        // The `yyyymmdd` tables end at `valid_last`: built again on first use.
        t.ymd = Default::default();
        Calendar { inner: Arc::new(t) }
    }

    /// This calendar with extra or corrected data layered over it: a new transfer
    /// order, a local non-working day, an announced Kurban Ait date.
    ///
    /// `toml` uses the schema of `holidays/transfers/YYYY.toml` (`[[act]]` with
    /// `[[act.transfer]]` / `[[act.day_off]]`, `year` + `status`), plus
    /// `[[kurban_ait]]` and `[[holiday]]` entries as in `holidays/`. An act with the
    /// id of an existing one replaces it. The result is checked for both weeks.
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
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidData`] naming the file (`origin`) and line: a TOML
    /// or schema error, an impossible date, an act that contradicts the data
    /// for either week. A bad overlay never half-applies (`self` is unchanged
    /// either way).
    pub fn with_overlay_toml(&self, origin: &str, toml: &str) -> Result<Calendar> {
        let mut data = (*self.inner.data).clone();
        data.apply(origin, toml)?;
        let data = Arc::new(data);
        let blame = |e: Error| blame_overlay(e, origin, toml);
        for week in Week::ALL {
            if *week != self.inner.week {
                build::build(data.clone(), *week, self.inner.horizon).map_err(blame)?;
            }
        }
        let t = build::build(data, self.inner.week, self.inner.horizon).map_err(blame)?;
        Ok(Calendar { inner: Arc::new(t) })
    }

    /// This calendar's data as it was known on `date`: only the acts adopted,
    /// the holiday-law changes enacted and the Kurban Ait dates announced on
    /// or before `date` (RULES.md §9). Replays a deadline as it was computed
    /// that day.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let cal = merzim::Calendar::kazakhstan();
    /// // The order of 17.04.2024 moved the day off of 8 May to Saturday 4 May.
    /// let before = cal.as_known_on(d(2024, 4, 1))?;
    /// assert!(!before.is_working_day(d(2024, 5, 4))?);
    /// assert!(cal.is_working_day(d(2024, 5, 4))?);
    /// // Before the 2026 Constitution, 30 August 2026 was still Constitution Day.
    /// assert_eq!(cal.as_known_on(d(2026, 1, 1))?.working_days_in_year(2026)?, 246);
    /// assert_eq!(cal.working_days_in_year(2026)?, 247);
    /// # Ok::<(), merzim::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`] for a date before the start of the data's
    /// coverage (2000-01-01): nothing was known then, and entries without a
    /// date of their own would make up a calendar that never existed.
    /// [`ErrorKind::InvalidData`] if the data as known then does not lay out
    /// (an overlay's act that needs a day the earlier law did not have).
    pub fn as_known_on(&self, date: NaiveDate) -> Result<Calendar> {
        let (first, _) = self.valid_range();
        if date < first {
            let (d, f) = (date_in(date, Lang::Ru), date_in(first, Lang::Ru));
            return Err(Error::invalid_input(format!(
                "as known on {date}: the data knows nothing before {first}, the start of its \
                 coverage (entries without a date of their own count as known from then); \
                 choose a date from {first} on"
            ))
            .in_kk_ru(
                format!("{d} күнгі жағдай бойынша: деректер {f} дейін ештеңе білмейді; {f} бастап күн таңдаңыз"),
                format!("по состоянию на {d}: данные ничего не знают до {f}, начала охвата; выберите дату не ранее {f}"),
            ));
        }
        let mut data = (*self.inner.data).clone();
        data.known_on = Some(date);
        let t = build::build(Arc::new(data), self.inner.week, self.inner.horizon)?;
        Ok(Calendar { inner: Arc::new(t) })
    }

    /// The date this calendar is as known on (`None`: as known now).
    pub fn known_on(&self) -> Option<NaiveDate> {
        self.inner.data.known_on
    }

    /// The date the embedded data was last checked against official sources
    /// (`data_as_of` in `holidays/statutory.toml`).
    pub fn data_as_of(&self) -> Option<NaiveDate> {
        self.inner.data.data_as_of
    }

    /// [`with_overlay_toml`](Calendar::with_overlay_toml) with the text of a file.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Io`] when the file cannot be read (the I/O error is the
    /// [`source`](std::error::Error::source)); else as
    /// [`with_overlay_toml`](Calendar::with_overlay_toml).
    pub fn with_overlay_file(&self, path: impl AsRef<std::path::Path>) -> Result<Calendar> {
        let path = path.as_ref();
        let text = crate::data::read_text_file(path, "calendar file")?;
        self.with_overlay_toml(&path.display().to_string(), &text)
    }

    pub(crate) fn data(&self) -> &Dataset {
        &self.inner.data
    }

    fn kind_at(&self, i: u32) -> DayKind {
        DayKind::from_code(self.inner.kind[i as usize])
    }

    fn detail_at(&self, i: u32) -> Option<Detail> {
        let d = &self.inner.details;
        d.binary_search_by_key(&i, |x| x.0).ok().map(|p| d[p].1)
    }
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
        (dates::date_of(0), dates::date_of(self.inner.coverage_last))
    }

    /// The first and last date this calendar answers for: the coverage, or up to
    /// 2100-12-31 with [`Horizon::Provisional`].
    pub fn valid_range(&self) -> (NaiveDate, NaiveDate) {
        (dates::date_of(0), dates::date_of(self.inner.valid_last))
    }

    /// A version string of the data: coverage, a hash of the embedded files, and
    /// the overlays applied.
    pub fn data_version(&self) -> &str {
        &self.inner.data_version
    }

    /// Day index of `date` (0 = 2000-01-01), checked against the valid range.
    #[inline]
    pub(crate) fn index(&self, date: NaiveDate) -> Result<u32> {
        let i = dates::index_of(date);
        if i < 0 || i > self.inner.valid_last as i64 {
            return Err(self.out_of_range(date));
        }
        Ok(i as u32)
    }

    fn out_of_range(&self, date: NaiveDate) -> Error {
        let (a, b) = self.valid_range();
        let [hk, hr, he] = self.horizon_hint(date > b && date.year() <= LAST_YEAR);
        let [d, a_, b_] = [date, a, b].map(|x| date_in(x, Lang::Ru));
        Error::out_of_coverage(format!(
            "{date} is outside the calendar's coverage {a}..={b}{he}"
        ))
        .in_kk_ru(
            format!("{d} күні күнтізбе қамтитын кезеңнен тыс: {a_}–{b_}{hk}"),
            format!("дата {d} вне периода, охватываемого календарём: {a_}–{b_}{hr}"),
        )
    }

    fn beyond(&self, from: NaiveDate, what: &str) -> Error {
        let (a, b) = self.valid_range();
        let hint = self.horizon_hint(true);
        coverage_beyond(what, from.to_string(), date_in(from, Lang::Ru), a, b, hint)
    }

    /// How to get a provisional answer past the end of the data, for an
    /// error about a date after it (`after_end`): the one text every such
    /// error ends with (kk, ru, en), empty when the provisional horizon is
    /// already chosen.
    pub(crate) fn horizon_hint(&self, after_end: bool) -> [&'static str; 3] {
        let (_, b) = self.valid_range();
        if self.inner.horizon == Horizon::Coverage && after_end && b.year() < LAST_YEAR {
            [
                " (алдын ала жауап алу үшін provisional көкжиегін таңдаңыз: командалық жолда \
                 --horizon provisional, пакеттік сұранымда \"horizon\": \"provisional\", Rust \
                 тілінде Calendar::with_horizon(Horizon::Provisional); сонда заңда белгіленген \
                 ережелер 2100 жылға дейін жалғастырылады, ал нәтиже алдын ала деп белгіленеді)",
                " (чтобы получить предварительный ответ, выберите горизонт provisional: \
                 --horizon provisional в командной строке, \"horizon\": \"provisional\" в \
                 пакетном запросе, Calendar::with_horizon(Horizon::Provisional) в Rust; тогда \
                 установленные законом правила продлеваются до 2100 года, а результат \
                 помечается как предварительный)",
                " (for a provisional answer, choose the provisional horizon: --horizon provisional \
                 on the command line, \"horizon\": \"provisional\" in a batch request, \
                 Calendar::with_horizon(Horizon::Provisional) in Rust; the statutory rules are then \
                 extended up to 2100 and the result is flagged provisional)",
            ]
        } else {
            [""; 3]
        }
    }

    /// The date of a day index.
    #[inline]
    pub(crate) fn date_of(&self, i: u32) -> NaiveDate {
        dates::date_of(i)
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

    /// The dates of the working days up to the last valid day, in order
    /// (their indices are [`DayTables::working`]); built on first use.
    pub(crate) fn working_dates(&self) -> &[NaiveDate] {
        let t = &self.inner;
        let all = t.working_dates.get_or_init(|| {
            let dates = dates::dates();
            t.working.iter().map(|&d| dates[d as usize]).collect()
        });
        let valid = t.cum.get(t.valid_last as usize + 1).copied().unwrap_or(0);
        all.get(..valid as usize).unwrap_or_default()
    }

    /// Bytes of the per-day tables (kinds, prefix counts, working-day list) and
    /// the special-day index; the holiday texts they point to are shared.
    #[doc(hidden)]
    pub fn table_bytes(&self) -> usize {
        let t = &self.inner;
        t.kind.len()
            + t.cum.len() * 2
            + t.working.len() * 2
            + t.details.len() * std::mem::size_of::<(u32, Detail)>()
            + t.provisional_years_before.len() * 2
    }

    /// Whether `date` is a working day.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::OutOfCoverage`](crate::ErrorKind::OutOfCoverage) for a date outside [`valid_range`](Calendar::valid_range).
    #[inline]
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool> {
        Ok(self.working_at(self.index(date)?))
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
    ///
    /// # Errors
    ///
    /// [`ErrorKind::OutOfCoverage`](crate::ErrorKind::OutOfCoverage) when `date` or the result lies outside
    /// [`valid_range`](Calendar::valid_range).
    pub fn add_working_days(&self, date: NaiveDate, n: i32) -> Result<NaiveDate> {
        let i = self.index(date)?;
        let k = self
            .day_tables()
            .add(i as i64, n)
            .ok_or_else(|| self.beyond(date, &format!("adding {n} working days")))?;
        Ok(self.date_of(k))
    }

    /// Index form of [`add_working_days`](Calendar::add_working_days).
    #[inline]
    pub(crate) fn add_working_days_index(&self, i: u32, n: i32) -> Option<u32> {
        self.day_tables().add(i as i64, n)
    }

    /// Working days in `(a, b]`, negative when `b < a`, so that
    /// `add_working_days(a, working_days_between(a, b)) == b` when `b` is a
    /// working day and either `b` is after `a` or `a` is a working day too
    /// (counting back from a day off skips it: Sunday 2027-11-14 minus 30).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::OutOfCoverage`] for a date outside
    /// [`valid_range`](Calendar::valid_range).
    pub fn working_days_between(&self, a: NaiveDate, b: NaiveDate) -> Result<i32> {
        let (i, j) = (self.index(a)?, self.index(b)?);
        self.day_tables()
            .between(i as i64, j as i64)
            .ok_or_else(|| self.out_of_range(a))
    }

    /// The tables of the day arithmetic, shared by the scalar and bulk paths.
    #[inline(always)]
    pub(crate) fn day_tables(&self) -> DayTables<'_> {
        DayTables {
            kind: &self.inner.kind,
            cum: &self.inner.cum,
            working: &self.inner.working,
            last: self.inner.valid_last,
        }
    }

    /// The first working day strictly after `date`.
    ///
    /// # Errors
    ///
    /// As [`add_working_days`](Calendar::add_working_days).
    pub fn next_working_day(&self, date: NaiveDate) -> Result<NaiveDate> {
        self.add_working_days(date, 1)
    }

    /// The last working day strictly before `date`.
    ///
    /// # Errors
    ///
    /// As [`add_working_days`](Calendar::add_working_days).
    pub fn previous_working_day(&self, date: NaiveDate) -> Result<NaiveDate> {
        self.add_working_days(date, -1)
    }

    /// `date` if it is a working day, else the next working day.
    ///
    /// # Errors
    ///
    /// As [`add_working_days`](Calendar::add_working_days).
    pub fn roll_forward(&self, date: NaiveDate) -> Result<NaiveDate> {
        self.add_working_days(date, 0)
    }

    /// `date` if it is a working day, else the previous working day.
    ///
    /// # Errors
    ///
    /// As [`add_working_days`](Calendar::add_working_days).
    pub fn roll_backward(&self, date: NaiveDate) -> Result<NaiveDate> {
        if self.is_working_day(date)? {
            Ok(date)
        } else {
            self.add_working_days(date, -1)
        }
    }

    /// Working days in a month.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`] for a month outside 1..=12 or a year
    /// outside the calendar's years; [`ErrorKind::OutOfCoverage`] for a month
    /// outside [`valid_range`](Calendar::valid_range).
    pub fn working_days_in_month(&self, year: i32, month: u32) -> Result<u32> {
        let first = self.first_of(year, month)?;
        let last = first
            .checked_add_months(Months::new(1))
            .and_then(|d| d.pred_opt())
            .ok_or_else(|| self.out_of_range(first))?;
        self.working_days_in_range(first, last)
    }

    /// Working days in a year.
    ///
    /// # Errors
    ///
    /// As [`working_days_in_month`](Calendar::working_days_in_month).
    pub fn working_days_in_year(&self, year: i32) -> Result<u32> {
        let first = self.first_of(year, 1)?;
        let last = NaiveDate::from_ymd_opt(year, 12, 31).ok_or_else(|| self.out_of_range(first))?;
        self.working_days_in_range(first, last)
    }

    fn first_of(&self, year: i32, month: u32) -> Result<NaiveDate> {
        if !(1..=12).contains(&month) {
            return Err(Error::invalid_input(format!(
                "no month {month} in {year}: months are 1..=12"
            ))
            .in_kk_ru(
                format!("{year} жылында {month}-ай жоқ: айлар 1–12"),
                format!("в {year} году нет месяца {month}: месяцы от 1 до 12"),
            ));
        }
        let (a, b) = self.valid_range();
        NaiveDate::from_ymd_opt(year, month, 1).ok_or_else(|| {
            let (a_, b_) = (date_in(a, Lang::Ru), date_in(b, Lang::Ru));
            Error::new(
                ErrorKind::OutOfCoverage,
                format!("year {year} is outside the calendar's coverage {a}..={b}"),
            )
            .in_kk_ru(
                format!("{year} жыл күнтізбе қамтитын кезеңнен тыс: {a_}–{b_}"),
                format!("{year} год вне периода, охватываемого календарём: {a_}–{b_}"),
            )
        })
    }

    /// Working days from `a` to `b`, both inclusive (unlike
    /// [`working_days_between`](Calendar::working_days_between), which counts
    /// `(a, b]` and is signed).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::OutOfCoverage`] for a date outside
    /// [`valid_range`](Calendar::valid_range); [`ErrorKind::InvalidInput`]
    /// when `b` is before `a`.
    pub fn working_days_in_range(&self, a: NaiveDate, b: NaiveDate) -> Result<u32> {
        let (i, j) = (self.index(a)?, self.index(b)?);
        if j < i {
            return Err(reversed_range(a, b));
        }
        Ok(self.cum_at(j + 1) - self.cum_at(i))
    }
}

/// An error found while laying out the data after the overlay `origin` was
/// applied. The data laid out before, so the overlay caused it: when the error
/// names another file (an embedded act that the overlay's holiday now
/// contradicts), it is restated as the overlay's, at the overlay's line that
/// names the date in question (or its first line).
fn blame_overlay(e: Error, origin: &str, text: &str) -> Error {
    let msg = e.message();
    if msg.starts_with(&format!("{origin}: ")) {
        return e;
    }
    // Dates named in the message (YYYY-MM-DD), looked up in the overlay as
    // written: the full date, or a holiday's "MM-DD".
    let bytes = msg.as_bytes();
    let mut line = None;
    for i in 0..bytes.len().saturating_sub(9) {
        let w = &bytes[i..i + 10];
        let shape = w.iter().enumerate().all(|(k, b)| match k {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
        if !shape {
            continue;
        }
        let date = &msg[i..i + 10];
        let md = format!("\"{}\"", &date[5..]);
        line = text
            .lines()
            .position(|l| l.contains(date) || l.contains(&md))
            .map(|n| n + 1);
        if line.is_some() {
            break;
        }
    }
    Error::invalid_data(format!(
        "{origin}: line {}: this overlay contradicts the data: {msg}",
        line.unwrap_or(1)
    ))
}

/// The one kernel of working-day arithmetic: what [`Calendar::add_working_days`]
/// and [`Calendar::working_days_between`] compute, on day indices that may be
/// out of range. The scalar and the bulk paths both call it.
#[derive(Clone, Copy)]
pub(crate) struct DayTables<'a> {
    kind: &'a [u8],
    cum: &'a [u16],
    working: &'a [u16],
    last: u32,
}

impl<'a> DayTables<'a> {
    /// Whether day `i` is a working day (`false` past the table).
    #[inline(always)]
    pub(crate) fn is_working(self, i: usize) -> bool {
        self.kind.get(i).is_some_and(|k| k & WORKING_BIT != 0)
    }

    /// The day of the working day with 0-based ordinal `k`, when it is
    /// inside the calendar's valid range.
    #[inline(always)]
    pub(crate) fn working_day(self, k: u64) -> Option<u32> {
        let w = *self.working.get(usize::try_from(k).ok()?)? as u32;
        (w <= self.last).then_some(w)
    }

    /// The working days' indices (all of the table's).
    #[inline(always)]
    pub(crate) fn working(self) -> &'a [u16] {
        self.working
    }

    /// The `n`-th working day after day `i` (see [`Calendar::add_working_days`]).
    #[inline(always)]
    pub(crate) fn add(self, i: i64, n: i32) -> Option<u32> {
        if i < 0 || i > self.last as i64 {
            return None;
        }
        let i = i as usize;
        let ord = if n > 0 {
            self.cum[i + 1] as i64 + n as i64 - 1
        } else {
            self.cum[i] as i64 + n as i64
        };
        let w = *self.working.get(usize::try_from(ord).ok()?)? as u32;
        (w <= self.last).then_some(w)
    }

    /// Working days in `(i, j]` (see [`Calendar::working_days_between`]).
    #[inline(always)]
    pub(crate) fn between(self, i: i64, j: i64) -> Option<i32> {
        let last = self.last as i64;
        if i < 0 || i > last || j < 0 || j > last {
            return None;
        }
        Some(self.cum[j as usize + 1] as i32 - self.cum[i as usize + 1] as i32)
    }
}

/// The error of a computation that runs past the calendar's coverage
/// `a..=b`: `what` (English) from `from` (`from_ru`, as read in Kazakh and
/// Russian).
pub(crate) fn coverage_beyond(
    what: &str,
    from: String,
    from_ru: String,
    a: NaiveDate,
    b: NaiveDate,
    [hk, hr, he]: [&str; 3],
) -> Error {
    let (a_, b_) = (date_in(a, Lang::Ru), date_in(b, Lang::Ru));
    Error::out_of_coverage(format!(
        "{what} from {from} goes beyond the calendar's coverage {a}..={b}{he}"
    ))
    .in_kk_ru(
        format!(
            "{from_ru} басталған есептеу күнтізбе қамтитын кезеңнен шығып кетеді: {a_}–{b_}{hk}"
        ),
        format!(
            "расчёт от {from_ru} выходит за пределы периода, охватываемого календарём: {a_}–{b_}{hr}"
        ),
    )
}

/// The error of a range `a..=b` whose end is before its start.
pub(crate) fn reversed_range(a: NaiveDate, b: NaiveDate) -> Error {
    let (a_, b_) = (date_in(a, Lang::Ru), date_in(b, Lang::Ru));
    Error::invalid_input(format!(
        "the range {a}..={b} is reversed: {b} is before {a}"
    ))
    .in_kk_ru(
        format!("{a_}–{b_} аралығы кері: {b_} күні {a_} күнінен бұрын"),
        format!("диапазон {a_}–{b_} перевёрнут: {b_} раньше {a_}"),
    )
}

/// The error of a year chrono cannot hold.
pub(crate) fn no_year(year: i32) -> Error {
    Error::invalid_input(format!("no year {year}")).in_kk_ru(
        format!("{year} жылы жоқ"),
        format!("года {year} не существует"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The embedded data lays out for both weeks.
    #[test]
    fn embedded_data_lays_out_for_every_week() {
        for week in Week::ALL {
            build::build(Arc::new(Dataset::embedded()), *week, Horizon::Coverage)
                .unwrap_or_else(|e| panic!("{e}"));
        }
    }

    /// The working days' dates are the dates of their indices, and end at the
    /// last valid day for either horizon and week.
    #[test]
    fn working_dates_are_the_dates_of_the_working_days() {
        let five = Calendar::kazakhstan();
        for cal in [
            five.clone(),
            five.with_horizon(Horizon::Provisional),
            Calendar::kazakhstan_six_day(),
        ] {
            let t = cal.day_tables();
            let (days, dates) = (t.working(), cal.working_dates());
            let valid = days.iter().take_while(|&&d| d as u32 <= t.last).count();
            assert_eq!(dates.len(), valid);
            for (&d, &date) in days.iter().zip(dates) {
                assert_eq!(date, cal.date_of(d as u32));
                assert!(cal.is_working_day(date).unwrap());
            }
        }
    }
}

//! The balance of working time ("баланс рабочего времени", "жұмыс уақытының
//! балансы"): calendar days, calendar days without public holidays, and the
//! working days and hours of the five-day and six-day weeks at 40, 36 and 24
//! hours a week, per month, quarter, half-year, nine months and year, as the
//! Ministry of Labour publishes it with the production calendar every year.
//!
//! A pure function of a [`Calendar`]: its data (with any overlay, or as known
//! on a date) is counted for both weeks. The length of a working day follows
//! the Labour Code (arts. 68–69) as the Ministry's balance applies it
//! (docs/BALANCE.md):
//!
//! | week | 40 h | 36 h | 24 h |
//! |---|---|---|---|
//! | five-day | 8 h | 7 h 12 min | 4 h 48 min |
//! | six-day, Monday–Friday | 7 h | 6 h | 4 h |
//! | six-day, Saturday | 5 h | 6 h | 4 h |
//!
//! Days before a holiday are not shortened, and "holidays" in "calendar days
//! without holidays" are the public holidays (national and state holidays of
//! the Law on holidays, also when they fall on a Saturday or Sunday), not the
//! religious days off, as in the Ministry's tables.
//!
//! ```
//! use chrono::NaiveDate;
//! let cal = merzim::Calendar::kazakhstan();
//! // The Ministry's 2024 balance, as known before Kurban Ait moved to Sunday 16 June.
//! let then = cal.as_known_on(NaiveDate::from_ymd_opt(2024, 6, 1).unwrap())?;
//! let b = then.balance(2024)?;
//! let year = b.row("2024").unwrap();
//! assert_eq!((year.calendar_days, year.calendar_days_without_holidays), (366, 353));
//! assert_eq!(year.five_day.working_days, 248);
//! assert_eq!(year.five_day.hours_40(), 1984.0);
//! assert_eq!(year.six_day.hours_40(), 2000.0);
//! // Today's data: Monday 17 June 2024 was a working day after all.
//! assert_eq!(cal.balance(2024)?.row("2024").unwrap().five_day.working_days, 249);
//! # Ok::<(), merzim::Error>(())
//! ```

use chrono::{Datelike, NaiveDate, Weekday};
use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::calendar::{Calendar, DayKind};
use crate::names::Lang;
use crate::week::Week;
use crate::{Error, Result};

/// Which period a [`BalanceRow`] covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BalancePeriod {
    /// A month, 1..=12.
    Month(u32),
    /// A quarter, 1..=4.
    Quarter(u32),
    /// A half-year, 1 or 2.
    Half(u32),
    /// January to September.
    NineMonths,
    /// The whole year.
    Year,
    /// Any other range of dates.
    Range,
}

/// The months in the nominative case, as the Ministry's table names its rows.
const MONTHS: [(&str, &str, &str); 12] = [
    ("Қаңтар", "Январь", "January"),
    ("Ақпан", "Февраль", "February"),
    ("Наурыз", "Март", "March"),
    ("Сәуір", "Апрель", "April"),
    ("Мамыр", "Май", "May"),
    ("Маусым", "Июнь", "June"),
    ("Шілде", "Июль", "July"),
    ("Тамыз", "Август", "August"),
    ("Қыркүйек", "Сентябрь", "September"),
    ("Қазан", "Октябрь", "October"),
    ("Қараша", "Ноябрь", "November"),
    ("Желтоқсан", "Декабрь", "December"),
];

impl BalancePeriod {
    /// The period of `year` as a person reads it in `lang`: «Январь 2026 г.»,
    /// «I квартал 2026 г.», «9 месяцев 2026 г.», «2026 год»; «2026 жылғы
    /// қаңтар», «2026 жылғы I тоқсан»; "January 2026", "Q1 2026" (`None` for
    /// [`BalancePeriod::Range`], whose label is its dates). A spreadsheet in
    /// a Russian locale keeps these as text: «Январь 2026» alone would
    /// become the date 01.01.2026.
    ///
    /// ```
    /// use merzim::{BalancePeriod, Lang};
    /// let label = |p: BalancePeriod, lang| p.label(2026, lang).unwrap();
    /// assert_eq!(label(BalancePeriod::Quarter(1), Lang::Ru), "I квартал 2026 г.");
    /// assert_eq!(label(BalancePeriod::NineMonths, Lang::Ru), "9 месяцев 2026 г.");
    /// assert_eq!(label(BalancePeriod::Half(2), Lang::Kk), "2026 жылғы II жартыжылдық");
    /// assert_eq!(label(BalancePeriod::Month(8), Lang::En), "August 2026");
    /// assert_eq!(label(BalancePeriod::Year, Lang::Ru), "2026 год");
    /// ```
    pub fn label(self, year: i32, lang: Lang) -> Option<String> {
        const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];
        let roman = |n: u32| ROMAN.get(n.wrapping_sub(1) as usize).copied();
        // The part of the year, then the label of that part of `year`.
        let (kk, ru, en) = match self {
            BalancePeriod::Month(m) => {
                let (kk, ru, en) = *MONTHS.get(m.wrapping_sub(1) as usize)?;
                (kk.to_lowercase(), ru.to_string(), en.to_string())
            }
            BalancePeriod::Quarter(q) => {
                let r = roman(q)?;
                (
                    format!("{r} тоқсан"),
                    format!("{r} квартал"),
                    format!("Q{q}"),
                )
            }
            BalancePeriod::Half(h) => {
                let r = roman(h)?;
                (
                    format!("{r} жартыжылдық"),
                    format!("{r} полугодие"),
                    format!("H{h}"),
                )
            }
            BalancePeriod::NineMonths => ("9 ай".into(), "9 месяцев".into(), "9 months".into()),
            BalancePeriod::Year => {
                return Some(match lang {
                    Lang::Kk => format!("{year} жыл"),
                    Lang::Ru => format!("{year} год"),
                    _ => format!("Year {year}"),
                })
            }
            BalancePeriod::Range => return None,
        };
        Some(match lang {
            Lang::Kk => format!("{year} жылғы {kk}"),
            Lang::Ru => format!("{ru} {year} г."),
            _ => format!("{en} {year}"),
        })
    }
}

/// The working time of one week in a period: working days and the hours of
/// the 40-, 36- and 24-hour weeks, kept in minutes so that sums are exact.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct WorkingTime {
    /// Working days.
    pub working_days: u32,
    /// Minutes of work at 40 hours a week.
    pub minutes_40: u32,
    /// Minutes of work at 36 hours a week.
    pub minutes_36: u32,
    /// Minutes of work at 24 hours a week (workers aged 14–16).
    pub minutes_24: u32,
}

impl WorkingTime {
    /// Hours at 40 hours a week.
    pub fn hours_40(&self) -> f64 {
        f64::from(self.minutes_40) / 60.0
    }
    /// Hours at 36 hours a week.
    pub fn hours_36(&self) -> f64 {
        f64::from(self.minutes_36) / 60.0
    }
    /// Hours at 24 hours a week.
    pub fn hours_24(&self) -> f64 {
        f64::from(self.minutes_24) / 60.0
    }

    fn add(&mut self, o: &WorkingTime) {
        self.working_days += o.working_days;
        self.minutes_40 += o.minutes_40;
        self.minutes_36 += o.minutes_36;
        self.minutes_24 += o.minutes_24;
    }

    /// One working day of `week` on weekday `wd`.
    fn day(week: Week, wd: Weekday) -> WorkingTime {
        let (m40, m36, m24) = match week {
            Week::SixDay if wd == Weekday::Sat => (300, 360, 240),
            Week::SixDay => (420, 360, 240),
            _ => (480, 432, 288),
        };
        WorkingTime {
            working_days: 1,
            minutes_40: m40,
            minutes_36: m36,
            minutes_24: m24,
        }
    }
}

/// `{"working_days", "hours_40", "hours_36", "hours_24"}` (hours as numbers).
impl Serialize for WorkingTime {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("WorkingTime", 4)?;
        st.serialize_field("working_days", &self.working_days)?;
        st.serialize_field("hours_40", &self.hours_40())?;
        st.serialize_field("hours_36", &self.hours_36())?;
        st.serialize_field("hours_24", &self.hours_24())?;
        st.end()
    }
}

/// One row of the balance.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct BalanceRow {
    /// `"2024-01"`, `"2024-Q1"`, `"2024-H1"`, `"2024-9M"`, `"2024"`, or
    /// `"2024-03-05..2024-04-10"` for a range.
    pub period: String,
    /// Which period this is.
    #[serde(skip)]
    pub kind: BalancePeriod,
    /// The first day of the period.
    #[serde(skip)]
    pub first: NaiveDate,
    /// The last day of the period.
    #[serde(skip)]
    pub last: NaiveDate,
    /// Calendar days.
    pub calendar_days: u32,
    /// Calendar days less the public holidays.
    pub calendar_days_without_holidays: u32,
    /// The five-day week.
    pub five_day: WorkingTime,
    /// The six-day week.
    pub six_day: WorkingTime,
    /// Whether any day of the period may still change (see
    /// [`Calendar::is_provisional`]). Not in the row's JSON, whose keys
    /// hosts read as columns: the balance's `provisional` says it for the
    /// year.
    #[serde(skip)]
    pub provisional: bool,
    /// The days of the period that the Ministry's table as published counts
    /// otherwise than today's data (see [`Balance::published_table`], whose
    /// `changes` list them in the JSON form).
    #[serde(skip)]
    pub differs_from_published: Vec<NaiveDate>,
}

/// The balance of working time of a year, in the order of the Ministry's
/// table: January, February, March, Q1, April, May, June, Q2, H1, July,
/// August, September, Q3, 9 months, October, November, December, Q4, H2, year.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct Balance {
    /// The year.
    pub year: i32,
    /// Whether any day of the year may still change: its transfer acts may
    /// not all be published yet, or a date is estimated (2027 in the
    /// embedded data).
    pub provisional: bool,
    /// The Ministry's table of the year as published, when the data records
    /// it, with the days today's data count otherwise.
    pub published_table: Option<PublishedTable>,
    /// The rows.
    pub balance: Vec<BalanceRow>,
}

/// The Ministry's production calendar and balance of working time of a year
/// as published (`[published_table]` in `holidays/transfers/YYYY.toml`), and
/// the days that acts adopted after it changed.
///
/// ```
/// use chrono::NaiveDate;
/// let b = merzim::Calendar::kazakhstan().balance(2026)?;
/// let table = b.published_table.as_ref().unwrap();
/// // Published in December 2025 with Monday 31 August off, the substitute
/// // for Constitution Day; the 2026 Constitution ended that holiday.
/// let aug31 = NaiveDate::from_ymd_opt(2026, 8, 31).unwrap();
/// let change = table.changes.iter().find(|c| c.date == aug31).unwrap();
/// assert_eq!(change.published_kind, merzim::DayKind::SubstituteDayOff);
/// assert_eq!(change.kind, merzim::DayKind::Working);
/// assert_eq!(b.row("2026-08").unwrap().differs_from_published.len(), 2); // 30 and 31 August
/// # Ok::<(), merzim::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct PublishedTable {
    /// The data as known on this date is the table as published.
    pub as_known_on: NaiveDate,
    /// The publication.
    pub source: String,
    /// The days counted otherwise today, in date order.
    pub changes: Vec<TableChange>,
}

/// A day that today's data count otherwise than the Ministry's table as
/// published.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct TableChange {
    /// The day.
    pub date: NaiveDate,
    /// Its kind today (five-day week).
    pub kind: DayKind,
    /// Its kind in the table as published (five-day week).
    pub published_kind: DayKind,
    /// Its kind today in the six-day week.
    pub six_day_kind: DayKind,
    /// Its kind in the six-day week of the table as published.
    pub published_six_day_kind: DayKind,
}

impl Balance {
    /// What a reader of the balance must know besides its numbers, in
    /// `lang`: that the year is provisional, and where today's data differ
    /// from the Ministry's table as published. Every face prints these with
    /// the table.
    pub fn notes(&self, lang: Lang) -> Vec<String> {
        let mut out = Vec::new();
        if self.provisional {
            out.push(match lang {
                Lang::Kk => format!(
                    "{} жыл алдын ала: ауыстыру актілері әлі жарияланбаған немесе күн болжамды, сандар өзгеруі мүмкін.",
                    self.year
                ),
                Lang::Ru => format!(
                    "{} год предварительный: акты о переносе ещё не опубликованы или дата предварительная, числа могут измениться.",
                    self.year
                ),
                _ => format!(
                    "{} is provisional: its transfer acts may not all be published yet, or a date is estimated; the figures may change.",
                    self.year
                ),
            });
        }
        if let Some(t) = &self.published_table {
            if !t.changes.is_empty() {
                let days: Vec<String> = t
                    .changes
                    .iter()
                    .map(|c| {
                        let date = match lang {
                            Lang::En => c.date.to_string(),
                            _ => c.date.format("%d.%m.%Y").to_string(),
                        };
                        format!(
                            "{date} {} ({}: {})",
                            c.kind.label(lang),
                            lang.pick(
                                "жарияланған кестеде",
                                "в опубликованной таблице",
                                "published",
                            ),
                            c.published_kind.label(lang)
                        )
                    })
                    .collect();
                out.push(match lang {
                    Lang::Kk => format!(
                        "Бүгінгі деректер министрліктің жарияланған кестесінен ({}) мына күндерде өзгеше: {}.",
                        t.source,
                        days.join("; ")
                    ),
                    Lang::Ru => format!(
                        "Сегодняшние данные отличаются от опубликованной таблицы министерства ({}) в эти дни: {}.",
                        t.source,
                        days.join("; ")
                    ),
                    _ => format!(
                        "Today's data differ from the Ministry's table as published ({}) on these days: {}.",
                        t.source,
                        days.join("; ")
                    ),
                });
            }
        }
        out
    }
}

impl Balance {
    /// The row of a period by its label (`"2024-06"`, `"2024-Q2"`, `"2024"`).
    pub fn row(&self, period: &str) -> Option<&BalanceRow> {
        self.balance.iter().find(|r| r.period == period)
    }
}

/// Per-day counts of one range, for both weeks.
fn count(five: &Calendar, six: &Calendar, a: NaiveDate, b: NaiveDate) -> Result<BalanceRow> {
    if b < a {
        return Err(Error::invalid_input(format!(
            "the range {a}..={b} is reversed: {b} is before {a}"
        )));
    }
    let mut row = BalanceRow {
        period: format!("{a}..{b}"),
        kind: BalancePeriod::Range,
        first: a,
        last: b,
        calendar_days: 0,
        calendar_days_without_holidays: 0,
        five_day: WorkingTime::default(),
        six_day: WorkingTime::default(),
        provisional: five.provisional_between(a, b),
        differs_from_published: Vec::new(),
    };
    for d in a.iter_days().take_while(|d| *d <= b) {
        let k5 = five.day_kind(d)?;
        row.calendar_days += 1;
        if k5 != DayKind::Holiday {
            row.calendar_days_without_holidays += 1;
        }
        if k5.is_working() {
            row.five_day
                .add(&WorkingTime::day(Week::FiveDay, d.weekday()));
        }
        if six.day_kind(d)?.is_working() {
            row.six_day
                .add(&WorkingTime::day(Week::SixDay, d.weekday()));
        }
    }
    Ok(row)
}

impl Calendar {
    /// The balance of working time of `year` (see the [module](crate::balance)).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::OutOfCoverage`](crate::ErrorKind::OutOfCoverage) when any
    /// day of the year is outside [`valid_range`](Calendar::valid_range).
    pub fn balance(&self, year: i32) -> Result<Balance> {
        let (five, six) = self.both_weeks()?;
        let first = NaiveDate::from_ymd_opt(year, 1, 1)
            .ok_or_else(|| Error::invalid_input(format!("no year {year}")))?;
        five.day_kind(first)?;
        let published_table = self.published_table(year, &five, &six)?;
        let mut months = Vec::with_capacity(12);
        for m in 1..=12 {
            let a = NaiveDate::from_ymd_opt(year, m, 1).expect("valid month");
            let b = if m == 12 {
                NaiveDate::from_ymd_opt(year, 12, 31).expect("valid")
            } else {
                NaiveDate::from_ymd_opt(year, m + 1, 1)
                    .expect("valid month")
                    .pred_opt()
                    .expect("valid")
            };
            let mut r = count(&five, &six, a, b)?;
            if let Some(t) = &published_table {
                r.differs_from_published = t
                    .changes
                    .iter()
                    .map(|c| c.date)
                    .filter(|d| (a..=b).contains(d))
                    .collect();
            }
            r.period = format!("{year}-{m:02}");
            r.kind = BalancePeriod::Month(m);
            months.push(r);
        }
        let sum = |from: usize, to: usize, period: String, kind: BalancePeriod| {
            let mut r = months[from].clone();
            r.period = period;
            r.kind = kind;
            for m in &months[from + 1..to] {
                r.last = m.last;
                r.calendar_days += m.calendar_days;
                r.calendar_days_without_holidays += m.calendar_days_without_holidays;
                r.five_day.add(&m.five_day);
                r.six_day.add(&m.six_day);
                r.provisional |= m.provisional;
                r.differs_from_published
                    .extend_from_slice(&m.differs_from_published);
            }
            r
        };
        let q = |n: usize| {
            sum(
                3 * n - 3,
                3 * n,
                format!("{year}-Q{n}"),
                BalancePeriod::Quarter(n as u32),
            )
        };
        let mut rows = Vec::with_capacity(20);
        for (i, m) in months.iter().enumerate() {
            rows.push(m.clone());
            match i {
                2 => rows.push(q(1)),
                5 => {
                    rows.push(q(2));
                    rows.push(sum(0, 6, format!("{year}-H1"), BalancePeriod::Half(1)));
                }
                8 => {
                    rows.push(q(3));
                    rows.push(sum(0, 9, format!("{year}-9M"), BalancePeriod::NineMonths));
                }
                11 => {
                    rows.push(q(4));
                    rows.push(sum(6, 12, format!("{year}-H2"), BalancePeriod::Half(2)));
                    rows.push(sum(0, 12, format!("{year}"), BalancePeriod::Year));
                }
                _ => {}
            }
        }
        Ok(Balance {
            year,
            provisional: rows.iter().any(|r| r.provisional),
            published_table,
            balance: rows,
        })
    }

    /// The Ministry's table of `year` as published, when the data records it
    /// and this calendar knows of it, with the days `five` and `six` (this
    /// calendar in each week) count otherwise.
    fn published_table(
        &self,
        year: i32,
        five: &Calendar,
        six: &Calendar,
    ) -> Result<Option<PublishedTable>> {
        let Some(t) = self
            .data()
            .years
            .get(&year)
            .and_then(|s| s.published_table.as_ref())
        else {
            return Ok(None);
        };
        if self.known_on().is_some_and(|k| k < t.as_known_on) {
            return Ok(None); // not yet published on the date asked for
        }
        let then = self.as_known_on(t.as_known_on)?;
        let (five_then, six_then) = then.both_weeks()?;
        let mut changes = Vec::new();
        let (Some(a), Some(b)) = (
            NaiveDate::from_ymd_opt(year, 1, 1),
            NaiveDate::from_ymd_opt(year, 12, 31),
        ) else {
            return Ok(None);
        };
        for d in a.iter_days().take_while(|d| *d <= b) {
            let c = TableChange {
                date: d,
                kind: five.day_kind(d)?,
                published_kind: five_then.day_kind(d)?,
                six_day_kind: six.day_kind(d)?,
                published_six_day_kind: six_then.day_kind(d)?,
            };
            if c.kind != c.published_kind || c.six_day_kind != c.published_six_day_kind {
                changes.push(c);
            }
        }
        Ok(Some(PublishedTable {
            as_known_on: t.as_known_on,
            source: t.source.clone(),
            changes,
        }))
    }

    /// The balance of working time of the days from `a` to `b`, both inclusive.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::OutOfCoverage`](crate::ErrorKind::OutOfCoverage) for a
    /// day outside [`valid_range`](Calendar::valid_range);
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) when `b`
    /// is before `a`.
    pub fn balance_range(&self, a: NaiveDate, b: NaiveDate) -> Result<BalanceRow> {
        let (five, six) = self.both_weeks()?;
        count(&five, &six, a, b)
    }

    fn both_weeks(&self) -> Result<(Calendar, Calendar)> {
        Ok((
            self.with_week(Week::FiveDay)?,
            self.with_week(Week::SixDay)?,
        ))
    }
}

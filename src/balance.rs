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
    /// [`Calendar::is_provisional`]).
    #[serde(skip)]
    pub provisional: bool,
}

/// The balance of working time of a year, in the order of the Ministry's
/// table: January, February, March, Q1, April, May, June, Q2, H1, July,
/// August, September, Q3, 9 months, October, November, December, Q4, H2, year.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct Balance {
    /// The year.
    pub year: i32,
    /// The rows.
    pub balance: Vec<BalanceRow>,
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
            balance: rows,
        })
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

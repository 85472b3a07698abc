//! Building a calendar's per-day tables from the holiday data, one phase per
//! function: statutory days, substitute days, acts, tables.
//!
//! The tables span the days a calendar can answer for, not the whole
//! 2000–2100 range: with the coverage horizon, 2000 through the year after the
//! last one its data names (a year file or an act's date); with the
//! provisional horizon, through 2100. A view of the data as known on a date,
//! or for another week, so costs what its years need (about 10,600 days
//! today instead of 36,890).

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate, Weekday};

use super::day::{DayKind, Detail, WORKING_BIT};
use super::{Horizon, Tables, Week};
use crate::data::{Dataset, HolidayKind};
use crate::dates::{self, DAYS};
use crate::dates::{FIRST_YEAR, LAST_YEAR};
use crate::{Error, Result};

/// No entry in `details` for this day.
const NO_DETAIL: u32 = u32::MAX;

/// The kinds of every day of the table and the details of the special ones,
/// while they are being laid out.
struct Layout<'a> {
    data: &'a Dataset,
    week: Week,
    /// Days in the table (2000-01-01 onwards).
    days: usize,
    /// The last year in the table.
    last_year: i32,
    kind: Vec<u8>,
    details: Vec<(u32, Detail)>,
    /// Per day: the position of its entry in `details`, or `NO_DETAIL`.
    detail_at: Vec<u32>,
    /// The act that last changed a day: a day is changed by one act at most.
    changed_by: HashMap<u32, u32>,
}

impl Layout<'_> {
    fn is_weekend(&self, wd: Weekday) -> bool {
        self.week.is_rest_day(wd)
    }

    fn kind(&self, i: usize) -> DayKind {
        DayKind::from_code(self.kind[i])
    }

    fn set(&mut self, i: usize, kind: DayKind, detail: Detail) {
        self.kind[i] = kind.code();
        match self.detail_at[i] {
            NO_DETAIL => {
                self.detail_at[i] = self.details.len() as u32;
                self.details.push((i as u32, detail));
            }
            at => self.details[at as usize].1 = detail,
        }
    }

    /// The index of `date` when it lies in the table.
    fn index(&self, date: NaiveDate) -> Option<usize> {
        dates::index_in_table(date).filter(|&i| i < self.days)
    }

    /// Phase 1: weekly days off, statutory holidays and religious days, year by
    /// year. Returns the public holidays (day index, rule) in date order.
    fn statutory_days(&mut self) -> Vec<(usize, usize)> {
        for i in 0..self.days {
            if self.is_weekend(dates::weekday_of(i as u32)) {
                self.kind[i] = DayKind::Weekend.code();
            }
        }
        let data = self.data;
        let mut public = Vec::new();
        for year in FIRST_YEAR..=self.last_year {
            for (r, rule) in data.holidays.iter().enumerate() {
                if year < rule.from
                    || year > rule.until
                    || !data.knows(rule.known_from, rule.known_until)
                {
                    continue;
                }
                for &(m, d) in &rule.dates {
                    let Some(i) = NaiveDate::from_ymd_opt(year, m, d).and_then(|d| self.index(d))
                    else {
                        continue;
                    };
                    let kind = match rule.kind {
                        HolidayKind::Public => {
                            public.push((i, r));
                            DayKind::Holiday
                        }
                        HolidayKind::Religious if self.kind(i) == DayKind::Holiday => {
                            DayKind::Holiday
                        }
                        HolidayKind::Religious => DayKind::ReligiousDayOff,
                    };
                    self.set(i, kind, Detail::Holiday(r as u32));
                }
            }
        }
        for (k, kurban) in data.kurban.iter().enumerate() {
            if !data.knows(kurban.known_from, kurban.known_until) {
                continue;
            }
            let Some(i) = self.index(kurban.date) else {
                continue;
            };
            let kind = if self.kind(i) == DayKind::Holiday {
                DayKind::Holiday
            } else {
                DayKind::ReligiousDayOff
            };
            self.set(i, kind, Detail::Kurban(k as u32));
        }
        public.sort_unstable();
        public
    }

    /// Phase 2: a public holiday on a weekly day off gives the next ordinary
    /// working day off, in date order so that runs chain.
    fn substitutes(&mut self, public: &[(usize, usize)]) {
        for &(i, r) in public {
            let date = dates::date_of(i as u32);
            if date.year() < self.data.substitution_since
                || !self.is_weekend(date.weekday())
                || !self.data.knows(self.data.substitution_known_from, None)
            {
                continue;
            }
            let mut j = i + 1;
            while j < self.days && self.kind(j) != DayKind::Working {
                j += 1;
            }
            if j < self.days {
                self.set(
                    j,
                    DayKind::SubstituteDayOff,
                    Detail::Substitute(r as u32, i as u32),
                );
            }
        }
    }

    /// Phase 3: transfer and declaration acts that apply to this week.
    fn acts(&mut self) -> Result<()> {
        let data = self.data;
        for (a, act) in data.acts.iter().enumerate() {
            if !act.applies_to(self.week) || !data.knows(act.known_from, None) {
                continue;
            }
            let bad = |what: String| {
                Error::invalid_data(format!("{}: act {:?}: {what}", act.origin, act.id))
            };
            // The table reaches every act's days (`table_last_year`).
            let days = self.days;
            let index = |d: NaiveDate| {
                dates::index_in_table(d)
                    .filter(|&i| i < days)
                    .ok_or_else(|| {
                        let (first, last) = dates::table_range();
                        bad(format!(
                            "{d} is outside the calendar's range {first}..={last}"
                        ))
                    })
            };
            // One act per day: a day made a working day by one act and off by
            // another (or a self-cancelling swap inside one act) contradicts.
            let changed = |layout: &Self, i: usize, d: NaiveDate, what: &str| -> Result<()> {
                match layout.changed_by.get(&(i as u32)) {
                    Some(&b) => {
                        let other = &data.acts[b as usize];
                        let by = if b as usize == a {
                            "earlier in this act".to_string()
                        } else {
                            format!("by act {:?} ({})", other.id, other.origin)
                        };
                        Err(bad(format!(
                            "{what} {d} was already made {} {by}: acts contradict each other for the {} week",
                            match layout.kind(i) {
                                k if k.is_working() => "a working day",
                                _ => "a day off",
                            },
                            layout.week
                        )))
                    }
                    None => Ok(()),
                }
            };
            for &(off, work) in &act.transfers {
                let (io, iw) = (index(off)?, index(work)?);
                changed(self, io, off, "day_off")?;
                changed(self, iw, work, "working_day")?;
                if !self.kind(io).is_working() {
                    return Err(bad(format!(
                        "day_off {off} is already a non-working day ({}) for the {} week",
                        self.kind(io),
                        self.week
                    )));
                }
                let new_work = match self.kind(iw) {
                    DayKind::Weekend => DayKind::WorkingWeekend,
                    DayKind::SubstituteDayOff | DayKind::TransferredDayOff | DayKind::DeclaredDayOff => {
                        DayKind::TransferredWorkingDay
                    }
                    other => {
                        return Err(bad(format!(
                            "working_day {work} cannot be made a working day: it is {other} for the {} week",
                            self.week
                        )))
                    }
                };
                self.set(
                    io,
                    DayKind::TransferredDayOff,
                    Detail::MovedOff(a as u32, iw as u32),
                );
                self.set(iw, new_work, Detail::Worked(a as u32, io as u32));
                self.changed_by.insert(io as u32, a as u32);
                self.changed_by.insert(iw as u32, a as u32);
            }
            for &off in &act.days_off {
                let io = index(off)?;
                changed(self, io, off, "day_off")?;
                if !self.kind(io).is_working() {
                    return Err(bad(format!(
                        "day_off {off} is already a non-working day ({}) for the {} week",
                        self.kind(io),
                        self.week
                    )));
                }
                self.set(io, DayKind::DeclaredDayOff, Detail::Declared(a as u32));
                self.changed_by.insert(io as u32, a as u32);
            }
        }
        Ok(())
    }

    /// Phase 4: the prefix counts and the working-day list.
    fn tables(self, data: Arc<Dataset>, horizon: Horizon) -> Result<Tables> {
        let coverage_last_year = coverage_last_year(&data)?;
        let coverage_last = dates::index_in_table(
            NaiveDate::from_ymd_opt(coverage_last_year, 12, 31)
                .ok_or_else(|| Error::invalid_data("the holiday data's last year is not a year"))?,
        )
        .ok_or_else(|| {
            Error::invalid_data(format!("year {coverage_last_year} is past {LAST_YEAR}"))
        })? as u32;
        let days = self.days;
        let mut kind = self.kind;
        let mut cum = Vec::with_capacity(days + 1);
        let mut working = Vec::with_capacity(days);
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
        let mut details = self.details;
        details.sort_by_key(|d| d.0);
        let mut provisional_years_before =
            Vec::with_capacity((LAST_YEAR - FIRST_YEAR + 2) as usize);
        let mut p = 0u16;
        for y in FIRST_YEAR..=LAST_YEAR {
            provisional_years_before.push(p);
            let provisional = y > coverage_last_year
                || data.years.get(&y).is_some_and(|s| s.provisional)
                // As known on an earlier date: an act of the year not yet
                // adopted then (RULES.md §9).
                || data.provisional_in_view(y)
                // A year whose Kurban Ait date is only estimated: the real one
                // may fall a day later, whatever weekday the estimate is.
                || {
                    let known = data.kurban.iter().filter(|k| k.year == y && data.knows(k.known_from, k.known_until));
                    let (mut estimated, mut confirmed) = (false, false);
                    for k in known {
                        let e = data.kurban_estimated(k);
                        estimated |= e;
                        confirmed |= !e;
                    }
                    estimated && !confirmed
                };
            if provisional {
                p += 1;
            }
        }
        provisional_years_before.push(p);
        let data_version = data.version(coverage_last_year);
        Ok(Tables {
            week: self.week,
            horizon,
            data_version,
            valid_last: match horizon {
                Horizon::Provisional => (days - 1) as u32,
                _ => coverage_last,
            },
            coverage_last,
            kind,
            cum,
            working,
            working_dates: Default::default(),
            details,
            provisional_years_before,
            ymd: Default::default(),
            data,
        })
    }
}

/// The last year of coverage: FIRST_YEAR through the last year with a
/// transfers file, which must have no gaps.
fn coverage_last_year(data: &Dataset) -> Result<i32> {
    let last_year = data.years.keys().next_back().copied().ok_or_else(|| {
        Error::invalid_data("the holiday data has no year files (holidays/transfers/YYYY.toml)")
    })?;
    for y in FIRST_YEAR..=last_year {
        if !data.years.contains_key(&y) {
            return Err(Error::invalid_data(format!(
                "the holiday data has no file for year {y}: coverage must be continuous from {FIRST_YEAR} \
                 (files: {})",
                data.origins.join(", ")
            )));
        }
    }
    Ok(last_year)
}

/// The last year of the table: 2100 for the provisional horizon; else the
/// year after the last one the data names (its coverage, an act's date), so
/// that a substitute day or an act's day in January after coverage is laid out
/// as in the full table.
fn table_last_year(data: &Dataset, horizon: Horizon) -> Result<i32> {
    if horizon == Horizon::Provisional {
        return Ok(LAST_YEAR);
    }
    let acts = data.acts.iter().flat_map(|a| {
        let moved = a.transfers.iter().flat_map(|&(off, work)| [off, work]);
        moved.chain(a.days_off.iter().copied()).map(|d| d.year())
    });
    let named = acts.fold(coverage_last_year(data)?, i32::max);
    Ok((named + 1).min(LAST_YEAR))
}

/// Days from 2000-01-01 through 31 December of `year` (at most the whole table).
fn days_through(year: i32) -> usize {
    NaiveDate::from_ymd_opt(year, 12, 31)
        .and_then(dates::index_in_table)
        .map_or(DAYS, |i| i + 1)
}

/// The tables of `data` counted for `week`, answering up to `horizon`.
pub(super) fn build(data: Arc<Dataset>, week: Week, horizon: Horizon) -> Result<Tables> {
    let last_year = table_last_year(&data, horizon)?;
    let days = days_through(last_year);
    let mut layout = Layout {
        data: &data,
        week,
        days,
        last_year,
        kind: vec![DayKind::Working.code(); days],
        details: Vec::new(),
        detail_at: vec![NO_DETAIL; days],
        changed_by: HashMap::new(),
    };
    let public = layout.statutory_days();
    layout.substitutes(&public);
    layout.acts()?;
    layout.tables(Arc::clone(&data), horizon)
}

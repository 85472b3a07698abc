//! Forms of the calendar the library does not write yet: the year's JSON
//! envelope, CSV and iCalendar.
//!
//! ADAPTER, to move into the library: the CLI's `calendar --json`,
//! `--format csv` and `--format ics` (examples/merzim/calendar.rs) write the
//! same forms with the same code; once the library offers them, both faces
//! should call it. Weekday names here restate the CLI's texts.

use chrono::{Datelike, NaiveDate, Weekday};
use merzim::{Balance, Calendar, Day, Lang, Week};
use serde::Serialize;

use crate::error::{ApiError, ApiResult};

/// A year's calendar: the days as the library serialises them (the CLI's
/// `calendar --json` form).
#[derive(Serialize)]
pub struct CalendarYear<'a> {
    /// The year.
    pub year: i32,
    /// The working week.
    pub week: Week,
    /// The date of the newest act the data knows.
    pub data_as_of: Option<NaiveDate>,
    /// The date the calendar is known on (`None`: now).
    pub as_known_on: Option<NaiveDate>,
    /// The days.
    pub days: &'a [Day],
}

impl<'a> CalendarYear<'a> {
    /// The year `year` of `cal`.
    pub fn new(cal: &Calendar, year: i32, days: &'a [Day]) -> CalendarYear<'a> {
        CalendarYear {
            year,
            week: cal.week(),
            data_as_of: cal.data_as_of(),
            as_known_on: cal.known_on(),
            days,
        }
    }
}

/// Short weekday names (the CLI's `wd3`).
fn weekday(lang: Lang, wd: Weekday) -> &'static str {
    let i = wd.num_days_from_monday() as usize;
    lang.pick(
        ["Дс", "Сс", "Ср", "Бс", "Жм", "Сб", "Жс"],
        ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"],
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    )[i]
}

fn csv_err(e: csv::Error) -> ApiError {
    ApiError::from_internal(format!("cannot write CSV: {e}"))
}

/// One row a day (the CLI's `calendar --format csv`).
///
/// # Errors
///
/// Never in practice (writing to memory).
pub fn days_csv(days: &[Day], lang: Lang) -> ApiResult<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "date",
        "weekday",
        "working",
        "kind",
        "name",
        "source",
        "source_url",
        "inferred",
        "provisional",
        "estimated",
    ])
    .map_err(csv_err)?;
    for d in days {
        w.write_record([
            d.date.to_string(),
            weekday(lang, d.date.weekday()).to_string(),
            d.working.to_string(),
            d.kind.as_str().to_string(),
            d.names
                .as_ref()
                .map(|n| n.get(lang).to_string())
                .unwrap_or_default(),
            d.source.clone().unwrap_or_default(),
            d.source_url.clone().unwrap_or_default(),
            d.inferred.join(" "),
            d.provisional.to_string(),
            d.estimated.to_string(),
        ])
        .map_err(csv_err)?;
    }
    w.into_inner()
        .map_err(|e| ApiError::from_internal(format!("cannot write CSV: {e}")))
}

/// One row a period (the CLI's `calendar --balance --format csv`).
///
/// # Errors
///
/// Never in practice (writing to memory).
pub fn balance_csv(b: &Balance) -> ApiResult<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "period",
        "calendar_days",
        "calendar_days_without_holidays",
        "five_day_working_days",
        "five_day_hours_40",
        "five_day_hours_36",
        "five_day_hours_24",
        "six_day_working_days",
        "six_day_hours_40",
        "six_day_hours_36",
        "six_day_hours_24",
    ])
    .map_err(csv_err)?;
    for r in &b.balance {
        w.write_record([
            r.period.clone(),
            r.calendar_days.to_string(),
            r.calendar_days_without_holidays.to_string(),
            r.five_day.working_days.to_string(),
            r.five_day.hours_40().to_string(),
            r.five_day.hours_36().to_string(),
            r.five_day.hours_24().to_string(),
            r.six_day.working_days.to_string(),
            r.six_day.hours_40().to_string(),
            r.six_day.hours_36().to_string(),
            r.six_day.hours_24().to_string(),
        ])
        .map_err(csv_err)?;
    }
    w.into_inner()
        .map_err(|e| ApiError::from_internal(format!("cannot write CSV: {e}")))
}

/// The iCalendar title (the CLI's `calendar_title`).
fn calendar_title(lang: Lang, year: i32, week: Week) -> String {
    let w = match week {
        Week::SixDay => lang.pick(
            "алты күндік жұмыс аптасы",
            "шестидневная рабочая неделя",
            "six-day week",
        ),
        _ => lang.pick(
            "бес күндік жұмыс аптасы",
            "пятидневная рабочая неделя",
            "five-day week",
        ),
    };
    let title = lang.pick(
        "Қазақстанның өндірістік күнтізбесі",
        "Производственный календарь Казахстана",
        "Kazakhstan working-day calendar",
    );
    format!("{title} {year}, {w}")
}

/// An all-day event for each day off on a weekday and each working weekend
/// day (the CLI's `calendar --format ics`).
pub fn ics(cal: &Calendar, days: &[Day], lang: Lang) -> String {
    use icalendar::{Component, EventLike};
    let week = cal.week();
    let mut ical = icalendar::Calendar::empty();
    ical.append_property(("VERSION", "2.0"))
        .append_property(("PRODID", "-//merzim//Kazakhstan working-day calendar//EN"))
        .append_property(("CALSCALE", "GREGORIAN"))
        .append_property(("METHOD", "PUBLISH"));
    let year = days.first().map_or(0, |d| d.date.year());
    ical.name(&calendar_title(lang, year, week));
    let estimated = lang.pick("болжамды күн", "предварительная дата", "estimated date");
    let provisional = lang.pick("алдын ала", "предварительно", "provisional");
    for d in days {
        let rest = week.is_rest_day(d.date.weekday());
        if d.working != rest {
            continue; // an ordinary working day or an ordinary day off
        }
        let label = d.kind.label(lang);
        let name = d
            .names
            .as_ref()
            .map(|n| n.get(lang).to_string())
            .unwrap_or_else(|| label.to_string());
        let summary = if d.working {
            format!("{label}: {name}")
        } else {
            name
        };
        let mut description = label.to_string();
        if let Some(s) = &d.source {
            description.push_str(&format!("\n{s}"));
        }
        if d.estimated {
            description.push_str(&format!("\n({estimated})"));
        }
        if d.provisional {
            description.push_str(&format!("\n({provisional})"));
        }
        let mut e = icalendar::Event::new();
        e.uid(&format!(
            "{}-{}-{}@merzim",
            d.date.format("%Y%m%d"),
            d.kind.as_str(),
            week.as_str()
        ))
        .starts(d.date)
        .ends(d.date.succ_opt().unwrap_or(d.date))
        .summary(&summary)
        .description(&description)
        .add_property("TRANSP", "TRANSPARENT")
        .add_property("CATEGORIES", d.kind.as_str());
        if let Some(u) = &d.source_url {
            e.url(u);
        }
        ical.push(e.done());
    }
    ical.to_string()
}

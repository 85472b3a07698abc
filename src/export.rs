/*!
A year of the calendar and its balance of working time in the file formats
people import elsewhere: CSV (for scripts and HR systems) and iCalendar
(RFC 5545, for calendar programs). Every face that offers a download (the
command-line tool, the HTTP service) writes it with these functions, so the
files are the same everywhere. Text from the data passes through
[`safe_text`](crate::safe_text): no cell is a formula, no calendar value
breaks out of its property.

```
use merzim::{export, Calendar, Lang};
let cal = Calendar::kazakhstan();
let csv = export::calendar_csv(&cal.year_days(2026)?, Lang::En);
assert!(csv.starts_with("date,weekday,working,kind,name,"));
assert!(csv.contains("2026-03-23,Mon,false,holiday,Nauryz,"));
let ics = export::calendar_ics(&cal, 2026, Lang::Ru)?;
assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
# Ok::<(), merzim::Error>(())
```
*/

use std::fmt::Write as _;

use chrono::{Datelike, Weekday};

use crate::balance::Balance;
use crate::calendar::{Calendar, Day};
use crate::names::Lang;
use crate::safe_text::{for_csv, for_ics};
use crate::week::Week;
use crate::Result;

/// A year of the calendar in its one JSON form: the year, the week, the
/// dates the data was checked and is known on, and every day in the form of
/// [`Day`] (what `merzim calendar --json` and the HTTP service print).
#[derive(Clone, Debug, serde::Serialize)]
#[non_exhaustive]
pub struct CalendarYear<'a> {
    /// The year.
    pub year: i32,
    /// The working week.
    pub week: Week,
    /// The date the data was last checked against the official sources.
    pub data_as_of: Option<chrono::NaiveDate>,
    /// The date the calendar is as known on (`None`: as known now).
    pub as_known_on: Option<chrono::NaiveDate>,
    /// The days.
    pub days: &'a [Day],
}

impl<'a> CalendarYear<'a> {
    /// The year `year` of `cal`, with its days (from
    /// [`Calendar::year_days`]).
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

/// The three-letter weekday of `wd` in `lang` (`Mon`, `Пн`, `Дс`).
pub fn weekday_abbr(wd: Weekday, lang: Lang) -> &'static str {
    const KK: [&str; 7] = ["Дс", "Сс", "Ср", "Бс", "Жм", "Сб", "Жс"];
    const RU: [&str; 7] = ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"];
    const EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    lang.pick(KK, RU, EN)[wd.num_days_from_monday() as usize]
}

/// One CSV field: quoted when it holds a comma, a quote or a line break.
fn field(out: &mut String, s: &str) {
    if s.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

/// One CSV record, `\n`-terminated.
fn record<S: AsRef<str>>(out: &mut String, fields: &[S]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        field(out, f.as_ref());
    }
    out.push('\n');
}

/// The days as CSV, one line per day: `date, weekday, working, kind, name,
/// source, source_url, inferred, provisional, estimated`, with the weekday
/// and the name in `lang` and the kind as its code.
pub fn calendar_csv(days: &[Day], lang: Lang) -> String {
    let mut out = String::with_capacity(64 + days.len() * 48);
    record(
        &mut out,
        &[
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
        ],
    );
    for d in days {
        let name = d.names.as_ref().map_or("", |n| n.get(lang));
        record(
            &mut out,
            &[
                d.date.to_string(),
                weekday_abbr(d.date.weekday(), lang).to_string(),
                d.working.to_string(),
                d.kind.as_str().to_string(),
                for_csv(name).into_owned(),
                for_csv(d.source.as_deref().unwrap_or("")).into_owned(),
                for_csv(d.source_url.as_deref().unwrap_or("")).into_owned(),
                for_csv(&d.inferred.join(" ")).into_owned(),
                d.provisional.to_string(),
                d.estimated.to_string(),
            ],
        );
    }
    out
}

/// The balance of working time as CSV, one line per period.
pub fn balance_csv(balance: &Balance) -> String {
    let mut out = String::with_capacity(256 + balance.balance.len() * 64);
    record(
        &mut out,
        &[
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
        ],
    );
    for r in &balance.balance {
        record(
            &mut out,
            &[
                for_csv(&r.period).into_owned(),
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
            ],
        );
    }
    out
}

/// The calendar's title for `year`, in `lang`.
pub fn calendar_title(year: i32, week: Week, lang: Lang) -> String {
    let w = match week {
        Week::SixDay => lang.pick(
            "алты күндік жұмыс аптасы",
            "шестидневная рабочая неделя",
            "six-day week",
        ),
        Week::FiveDay => lang.pick(
            "бес күндік жұмыс аптасы",
            "пятидневная рабочая неделя",
            "five-day week",
        ),
    };
    match lang {
        Lang::Kk => format!("Қазақстанның {year} жылғы өндірістік күнтізбесі, {w}"),
        Lang::Ru => format!("Производственный календарь Казахстана на {year} год, {w}"),
        Lang::En => format!("Kazakhstan working-day calendar {year}, {w}"),
    }
}

/// One content line, folded at 75 octets as RFC 5545 §3.1 says (a fold
/// never splits a UTF-8 character), ended by CRLF.
fn line(out: &mut String, name: &str, value: &str) {
    let full = format!("{name}:{value}");
    let mut width = 0;
    for c in full.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

/// `year` as an iCalendar file: one all-day event for every day that is not
/// what its weekday would make it (a holiday or a day off on a weekday, a
/// working weekend day), named in `lang`, with the day's kind, its source,
/// and whether it is estimated or provisional. Every TEXT value is escaped
/// as RFC 5545 says; lines are folded at 75 octets.
///
/// # Errors
///
/// [`ErrorKind::OutOfCoverage`](crate::ErrorKind::OutOfCoverage) for a year
/// outside the calendar's range.
pub fn calendar_ics(cal: &Calendar, year: i32, lang: Lang) -> Result<String> {
    let days = cal.year_days(year)?;
    let week = cal.week();
    let mut out = String::with_capacity(1024 + days.len() * 64);
    line(&mut out, "BEGIN", "VCALENDAR");
    line(&mut out, "VERSION", "2.0");
    line(
        &mut out,
        "PRODID",
        "-//merzim//Kazakhstan working-day calendar//EN",
    );
    line(&mut out, "CALSCALE", "GREGORIAN");
    line(&mut out, "METHOD", "PUBLISH");
    let title = for_ics(&calendar_title(year, week, lang));
    line(&mut out, "NAME", &title);
    line(&mut out, "X-WR-CALNAME", &title);
    let stamp = cal
        .data_as_of()
        .map_or_else(|| format!("{year}0101"), |d| d.format("%Y%m%d").to_string());
    for d in &days {
        if d.working != week.is_rest_day(d.date.weekday()) {
            continue; // an ordinary working day or an ordinary day off
        }
        let kind = d.kind.label(lang);
        let name = d.names.as_ref().map_or(kind, |n| n.get(lang));
        let summary = if d.working {
            format!("{kind}: {name}")
        } else {
            name.to_string()
        };
        let mut description = kind.to_string();
        if let Some(s) = &d.source {
            description.push('\n');
            description.push_str(s);
        }
        if d.estimated {
            let _ = write!(
                description,
                "\n({})",
                lang.pick("болжамды күн", "предварительная дата", "estimated date")
            );
        }
        if d.provisional {
            let _ = write!(
                description,
                "\n({})",
                lang.pick("алдын ала", "предварительно", "provisional")
            );
        }
        line(&mut out, "BEGIN", "VEVENT");
        line(
            &mut out,
            "UID",
            &format!(
                "{}-{}-{}@merzim",
                d.date.format("%Y%m%d"),
                d.kind.as_str(),
                week.as_str()
            ),
        );
        line(&mut out, "DTSTAMP", &format!("{stamp}T000000Z"));
        line(
            &mut out,
            "DTSTART;VALUE=DATE",
            &d.date.format("%Y%m%d").to_string(),
        );
        let next = d.date.succ_opt().unwrap_or(d.date);
        line(
            &mut out,
            "DTEND;VALUE=DATE",
            &next.format("%Y%m%d").to_string(),
        );
        line(&mut out, "SUMMARY", &for_ics(&summary));
        line(&mut out, "DESCRIPTION", &for_ics(&description));
        line(&mut out, "CATEGORIES", &for_ics(kind));
        line(&mut out, "TRANSP", "TRANSPARENT");
        if let Some(u) = &d.source_url {
            // Checked when the data was loaded (`safe_text::check_url`): no
            // control character, space or quote can be in it.
            line(&mut out, "URL", u);
        }
        line(&mut out, "END", "VEVENT");
    }
    line(&mut out, "END", "VCALENDAR");
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_characters_whole() {
        let mut out = String::new();
        line(&mut out, "SUMMARY", &"Құрбан айт ".repeat(20));
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{l:?}");
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(
            unfolded,
            format!("SUMMARY:{}\r\n", "Құрбан айт ".repeat(20))
        );
    }

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        let mut out = String::new();
        record(&mut out, &["a", "b,c", "d\"e", "f\ng"]);
        assert_eq!(out, "a,\"b,c\",\"d\"\"e\",\"f\ng\"\n");
    }
}

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
let csv = export::calendar_csv(&cal.year_days(2026)?, Lang::En, export::CsvDialect::Machine);
assert!(csv.starts_with("date,weekday,working,kind,name,"));
assert!(csv.contains("2026-03-23,Mon,false,holiday,Nauryz,"));
let ics = export::calendar_ics(&cal, 2026, Lang::Ru)?;
assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
# Ok::<(), merzim::Error>(())
```
*/

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate, Weekday};

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

named_enum! {
    /// The CSV a download is written in.
    ///
    /// - `machine` (the default): for programs. UTF-8 without a BOM, `,`
    ///   between fields, LF line ends, English column names, day kinds as
    ///   codes, ISO dates, `true`/`false`, periods as `2026-Q1`, decimal
    ///   point. Stable: columns are only ever added at the end.
    /// - `excel`: for a spreadsheet in a Russian or Kazakh locale (Excel,
    ///   LibreOffice Calc): UTF-8 with a BOM (so Cyrillic opens intact), `;`
    ///   between fields, CRLF line ends, column names and values in the
    ///   language asked for (day kinds as words, yes/no, «I квартал 2026»),
    ///   dates as `дд.мм.гггг`, a decimal comma. For people, not for parsing.
    ///
    /// ```
    /// use merzim::{export, Calendar, CsvDialect, Lang};
    /// let cal = Calendar::kazakhstan();
    /// let days = cal.year_days(2026)?;
    /// let csv = export::calendar_csv(&days, Lang::Ru, CsvDialect::Excel);
    /// assert!(csv.starts_with("\u{feff}Дата;День недели;Рабочий день;"));
    /// assert!(csv.contains("\r\n23.03.2026;Пн;нет;праздничный день;Наурыз мейрамы;"));
    /// # Ok::<(), merzim::Error>(())
    /// ```
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
    #[non_exhaustive]
    pub enum CsvDialect ("CSV dialect") {
        /// For programs: `,`, ISO dates, codes, `true`/`false`.
        #[default]
        Machine = "machine",
        /// For a spreadsheet in a Russian or Kazakh locale: BOM, `;`,
        /// `дд.мм.гггг`, words, decimal comma.
        Excel = "excel",
    }
}

impl CsvDialect {
    fn separator(self) -> char {
        match self {
            CsvDialect::Excel => ';',
            _ => ',',
        }
    }

    fn line_end(self) -> &'static str {
        match self {
            CsvDialect::Excel => "\r\n",
            _ => "\n",
        }
    }

    /// The file's start: a byte order mark for Excel, which otherwise reads
    /// UTF-8 as the locale's code page.
    fn start(self, out: &mut String) {
        if self == CsvDialect::Excel {
            out.push('\u{feff}');
        }
    }

    fn date(self, d: NaiveDate) -> String {
        match self {
            CsvDialect::Excel => d.format("%d.%m.%Y").to_string(),
            _ => d.to_string(),
        }
    }

    fn flag(self, b: bool, lang: Lang) -> &'static str {
        match (self, b) {
            (CsvDialect::Excel, true) => lang.pick("иә", "да", "yes"),
            (CsvDialect::Excel, false) => lang.pick("жоқ", "нет", "no"),
            (_, true) => "true",
            (_, false) => "false",
        }
    }

    /// Hours of `minutes` (a whole number of tenths of an hour, as every
    /// norm of the balance is): `1771.2`, or `1771,2` for Excel.
    fn hours(self, minutes: u32) -> String {
        let tenths = minutes / 6;
        if minutes % 6 != 0 {
            // Not a norm of the balance; written exactly all the same.
            let h = f64::from(minutes) / 60.0;
            let text = h.to_string();
            return match self {
                CsvDialect::Excel => text.replace('.', ","),
                _ => text,
            };
        }
        let sep = match self {
            CsvDialect::Excel => ',',
            _ => '.',
        };
        if tenths % 10 == 0 {
            (tenths / 10).to_string()
        } else {
            format!("{}{sep}{}", tenths / 10, tenths % 10)
        }
    }
}

/// One CSV field: quoted when it holds the separator, a quote or a line break.
fn field(out: &mut String, s: &str, sep: char) {
    if s.contains([sep, '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

/// One CSV record in `dialect`, ended by its line end.
fn record<S: AsRef<str>>(out: &mut String, fields: &[S], dialect: CsvDialect) {
    let sep = dialect.separator();
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(sep);
        }
        field(out, f.as_ref(), sep);
    }
    out.push_str(dialect.line_end());
}

/// The days as CSV in `dialect`, one line per day: date, weekday, working,
/// kind, name, source, source URL, inferred fields, provisional, estimated.
/// The weekday, the name and the source are in `lang`: the source is the
/// day's citations in the formal style of the language with their
/// confidence, joined by "; " ([`Day::sources_in`]), never the data's
/// English remark. In the machine dialect the column names are `date,
/// weekday, working, kind, name, source, source_url, inferred, provisional,
/// estimated`, the kind is its code and `source_url` the data's link of the
/// day; in the Excel dialect column names and kinds are words in `lang` and
/// the link column holds the link of every act cited, separated by spaces
/// (see [`CsvDialect`]).
pub fn calendar_csv(days: &[Day], lang: Lang, dialect: CsvDialect) -> String {
    let mut out = String::with_capacity(64 + days.len() * 48);
    dialect.start(&mut out);
    let excel = dialect == CsvDialect::Excel;
    let headers: [&str; 10] = if excel {
        [
            lang.pick("Күні", "Дата", "Date"),
            lang.pick("Апта күні", "День недели", "Weekday"),
            lang.pick("Жұмыс күні", "Рабочий день", "Working day"),
            lang.pick("Күн түрі", "Вид дня", "Kind of day"),
            lang.pick("Атауы", "Название", "Name"),
            lang.pick("Дереккөз", "Источник", "Source"),
            lang.pick("Сілтеме", "Ссылка", "Link"),
            lang.pick("Шығарылған өрістер", "Выведенные поля", "Inferred fields"),
            lang.pick("Алдын ала", "Предварительно", "Provisional"),
            lang.pick("Болжамды күн", "Предварительная дата", "Estimated date"),
        ]
    } else {
        [
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
        ]
    };
    record(&mut out, &headers, dialect);
    for d in days {
        let name = d.names.as_ref().map_or("", |n| n.get(lang));
        let kind = if excel {
            d.kind.label(lang)
        } else {
            d.kind.as_str()
        };
        // Programs keep the data's one link (`source_url`); a person gets
        // the link of every act cited.
        let link = if excel {
            d.source_links().join(" ")
        } else {
            d.source_url.clone().unwrap_or_default()
        };
        record(
            &mut out,
            &[
                dialect.date(d.date),
                weekday_abbr(d.date.weekday(), lang).to_string(),
                dialect.flag(d.working, lang).to_string(),
                kind.to_string(),
                for_csv(name).into_owned(),
                for_csv(&d.sources_in(lang)).into_owned(),
                for_csv(&link).into_owned(),
                for_csv(&inferred(&d.inferred, lang, dialect)).into_owned(),
                dialect.flag(d.provisional, lang).to_string(),
                dialect.flag(d.estimated, lang).to_string(),
            ],
            dialect,
        );
    }
    out
}

/// The fields of a day's source that were inferred rather than read in the
/// act: their codes for programs (`number title`), words for people.
fn inferred(codes: &[String], lang: Lang, dialect: CsvDialect) -> String {
    if dialect != CsvDialect::Excel {
        return codes.join(" ");
    }
    let word = |code: &str| -> Option<&'static str> {
        Some(match code {
            "number" => lang.pick("нөмірі", "номер", "number"),
            "date" => lang.pick("күні", "дата", "date"),
            "title" => lang.pick("атауы", "название", "title"),
            "title.kk" => lang.pick("қазақша атауы", "название на казахском", "Kazakh title"),
            "title.ru" => lang.pick("орысша атауы", "название на русском", "Russian title"),
            "title.en" => lang.pick("ағылшынша атауы", "название на английском", "English title"),
            "url" => lang.pick("сілтеме", "ссылка", "link"),
            "weeks" => lang.pick("жұмыс апталары", "рабочие недели", "working weeks"),
            "known_from" => lang.pick(
                "белгілі болған күні",
                "дата, с которой известно",
                "known from",
            ),
            _ => return None,
        })
    };
    codes
        .iter()
        .map(|c| word(c).map_or_else(|| c.clone(), str::to_string))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The balance of working time as CSV in `dialect`, one line per period.
/// The machine dialect names the columns `period, calendar_days,
/// calendar_days_without_holidays, five_day_working_days, five_day_hours_40,
/// five_day_hours_36, five_day_hours_24, six_day_working_days,
/// six_day_hours_40, six_day_hours_36, six_day_hours_24, provisional,
/// differs_from_published` and the periods `2026-01`, `2026-Q1`, `2026-H1`,
/// `2026-9M`, `2026`; the Excel dialect writes both in `lang` («I квартал
/// 2026 г.») with a decimal comma. `provisional` says whether the period may
/// still change; `differs_from_published` lists the days of the period that
/// the Ministry's table as published counts otherwise than today's data
/// ([`Balance::published_table`](crate::Balance::published_table)).
pub fn balance_csv(balance: &Balance, lang: Lang, dialect: CsvDialect) -> String {
    let mut out = String::with_capacity(256 + balance.balance.len() * 64);
    dialect.start(&mut out);
    let excel = dialect == CsvDialect::Excel;
    let headers: Vec<String> = if excel {
        let five = lang.pick("5 күндік апта", "5-дневная неделя", "five-day week");
        let six = lang.pick("6 күндік апта", "6-дневная неделя", "six-day week");
        let days = lang.pick("жұмыс күндері", "рабочие дни", "working days");
        let hours = |n: u32| format!("{n} {}", lang.pick("сағ/апта", "ч/нед", "h/week"));
        let mut h = vec![
            lang.pick("Кезең", "Период", "Period").to_string(),
            lang.pick("Күнтізбелік күндер", "Календарные дни", "Calendar days")
                .to_string(),
            lang.pick(
                "Мереке күндерінсіз күнтізбелік күндер",
                "Календарные дни без праздничных",
                "Calendar days without public holidays",
            )
            .to_string(),
        ];
        for week in [five, six] {
            h.push(format!("{week}: {days}"));
            for n in [40, 36, 24] {
                h.push(format!("{week}: {}", hours(n)));
            }
        }
        h.push(
            lang.pick("Алдын ала", "Предварительно", "Provisional")
                .to_string(),
        );
        h.push(
            lang.pick(
                "Министрліктің жарияланған кестесінен өзгеше күндер",
                "Дни, отличающиеся от опубликованной таблицы министерства",
                "Days that differ from the Ministry's table as published",
            )
            .to_string(),
        );
        h
    } else {
        [
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
            "provisional",
            "differs_from_published",
        ]
        .map(String::from)
        .to_vec()
    };
    record(&mut out, &headers, dialect);
    for r in &balance.balance {
        let period = match excel {
            true => r
                .kind
                .label(balance.year, lang)
                .unwrap_or_else(|| format!("{}–{}", dialect.date(r.first), dialect.date(r.last))),
            false => r.period.clone(),
        };
        record(
            &mut out,
            &[
                for_csv(&period).into_owned(),
                r.calendar_days.to_string(),
                r.calendar_days_without_holidays.to_string(),
                r.five_day.working_days.to_string(),
                dialect.hours(r.five_day.minutes_40),
                dialect.hours(r.five_day.minutes_36),
                dialect.hours(r.five_day.minutes_24),
                r.six_day.working_days.to_string(),
                dialect.hours(r.six_day.minutes_40),
                dialect.hours(r.six_day.minutes_36),
                dialect.hours(r.six_day.minutes_24),
                dialect.flag(r.provisional, lang).to_string(),
                r.differs_from_published
                    .iter()
                    .map(|d| dialect.date(*d))
                    .collect::<Vec<_>>()
                    .join(if excel { ", " } else { " " }),
            ],
            dialect,
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
/// working weekend day), named in `lang`, with the day's kind, the acts it
/// rests on cited in `lang` (formal style, confidence, link), and whether
/// it is estimated or provisional. Every TEXT value is escaped
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
        // The kind, then each act cited in `lang` with its link on the next
        // line (a day without citations: the data's remark).
        let mut description = kind.to_string();
        if d.citations.is_empty() {
            if let Some(s) = &d.source {
                description.push('\n');
                description.push_str(s);
            }
        }
        for c in &d.citations {
            description.push('\n');
            description.push_str(&c.render_full(lang));
            if let Some(u) = &c.url {
                description.push('\n');
                description.push_str(u);
            }
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
        record(&mut out, &["a", "b,c", "d\"e", "f\ng"], CsvDialect::Machine);
        assert_eq!(out, "a,\"b,c\",\"d\"\"e\",\"f\ng\"\n");
        let mut out = String::new();
        record(&mut out, &["a", "b,c", "d;e", "f\ng"], CsvDialect::Excel);
        assert_eq!(out, "a;b,c;\"d;e\";\"f\ng\"\r\n");
    }
}

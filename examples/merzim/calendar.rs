//! `merzim calendar`: a year's month grids, days off and working days per
//! month; the balance of working time; exports to JSON, CSV and iCalendar.

use std::io::{self, IsTerminal, Write};

use chrono::{Datelike, NaiveDate, Weekday};
use clap::{Args, ValueEnum};
use merzim::{Balance, Calendar, Day, DayKind, Lang};

use crate::options::{CalendarOpts, KnownOnOpts, OutputOpts};
use crate::render::write_json;
use crate::table::Table;
use crate::texts::{texts, wrap, Texts};
use crate::{Fail, Res};

/// Output lines are kept to this many columns.
const WIDTH: usize = 100;

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Month grids, the list of days off and their sources (or the balance table).
    Text,
    /// JSON (the same as --json).
    Json,
    /// CSV: one row per day (or per period of the balance).
    Csv,
    /// iCalendar (RFC 5545): an all-day event for each non-working weekday and working weekend day.
    Ics,
    /// 1C:Enterprise's business calendar classifier (`CalendarSuppliedData` XML): day types and
    /// swap dates, as the Standard Subsystems Library imports them.
    #[value(name = "1c")]
    OneC,
}

#[derive(Args)]
pub struct CalendarCmd {
    #[arg(long, value_parser = crate::options::whole::<i32>(1, 9999),
        help = format!("The year ({} with the embedded data).", crate::options::coverage_years()))]
    year: i32,
    /// The balance of working time instead of the calendar: calendar days, days without
    /// holidays, working days and hours at 40/36/24 h a week for the five- and six-day week,
    /// per month, quarter, half-year, 9 months and year.
    #[arg(long)]
    balance: bool,
    /// Output format (--json is short for --format json).
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// With --format csv: the CSV for a spreadsheet in a Russian or Kazakh locale (UTF-8 with a
    /// BOM, `;`, dd.mm.yyyy, words and column names in --lang, decimal comma) instead of the
    /// machine CSV (`,`, ISO dates, codes).
    #[arg(long)]
    excel: bool,
    #[command(flatten)]
    cal: CalendarOpts,
    #[command(flatten)]
    known: KnownOnOpts,
    #[command(flatten)]
    output: OutputOpts,
}

/// The one-character mark of a day kind in the month grid: signs, but for a
/// working weekend day a letter of its name in the language (`w`, `р`, `ж`).
fn mark(k: DayKind, lang: Lang) -> char {
    match k {
        DayKind::Working => ' ',
        DayKind::Weekend => '.',
        DayKind::Holiday => '*',
        DayKind::ReligiousDayOff => '+',
        DayKind::SubstituteDayOff => '~',
        DayKind::TransferredDayOff => '>',
        DayKind::DeclaredDayOff => '!',
        DayKind::WorkingWeekend => lang.pick('ж', 'р', 'w'),
        DayKind::TransferredWorkingDay => '^',
        _ => '?',
    }
}

/// Colour when stdout is a terminal, unless NO_COLOR is set (https://no-color.org).
fn use_color() -> bool {
    io::stdout().is_terminal()
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::env::var("TERM").map_or(true, |t| t != "dumb")
}

/// `cell` coloured for a day of `kind` (underlined when `provisional`).
fn paint(color: bool, kind: DayKind, provisional: bool, cell: String) -> String {
    if !color {
        return cell;
    }
    let code = match kind {
        DayKind::Working => return cell,
        DayKind::Weekend => "90",
        DayKind::WorkingWeekend | DayKind::TransferredWorkingDay => "1;32",
        _ => "1;31",
    };
    let code = if provisional {
        format!("{code};4")
    } else {
        code.to_string()
    };
    format!("\x1b[{code}m{cell}\x1b[0m")
}

fn visible_width(s: &str) -> usize {
    let mut n = 0;
    let mut esc = false;
    for ch in s.chars() {
        if esc {
            esc = ch != 'm';
        } else if ch == '\x1b' {
            esc = true;
        } else {
            n += 1;
        }
    }
    n
}

pub fn run(c: CalendarCmd, out: &mut impl Write) -> Res {
    let format = match (c.format, c.output.json) {
        (None, false) => Format::Text,
        (None, true) | (Some(Format::Json), _) => Format::Json,
        (Some(f), false) => f,
        (Some(_), true) => return Err(Fail::Arg(texts(c.output.lang()).json_and_format.into())),
    };
    let cal = c.known.apply(c.cal.build()?, c.output.lang())?;
    let y = c.year;
    let t = texts(c.output.lang());
    let dialect = if c.excel {
        merzim::CsvDialect::Excel
    } else {
        merzim::CsvDialect::Machine
    };
    if c.excel && format != Format::Csv {
        return Err(Fail::Arg(
            c.output
                .lang()
                .pick(
                    "--excel — CSV диалектісі: --format csv қосыңыз",
                    "--excel — диалект CSV: добавьте --format csv",
                    "--excel is a dialect of CSV: add --format csv",
                )
                .into(),
        ));
    }
    if NaiveDate::from_ymd_opt(y, 1, 1).is_none() {
        return Err(Fail::Arg(t.fill(t.no_year, &[&y])));
    }
    if c.balance {
        let b = cal.balance(y)?;
        return match format {
            Format::Json => Ok(write_json(out, &b)?),
            Format::Csv => {
                let csv = merzim::export::balance_csv(&b, t.lang, dialect);
                Ok(out.write_all(csv.as_bytes())?)
            }
            Format::Text => balance_text(&cal, &b, t, out),
            Format::Ics | Format::OneC => Err(Fail::Arg(t.balance_formats.into())),
        };
    }
    let days = cal.year_days(y)?;
    match format {
        Format::Json => {
            write_json(out, &merzim::export::CalendarYear::new(&cal, y, &days))?;
            Ok(())
        }
        Format::Csv => {
            let csv = merzim::export::calendar_csv(&days, t.lang, dialect);
            Ok(out.write_all(csv.as_bytes())?)
        }
        Format::Ics => {
            Ok(out.write_all(merzim::export::calendar_ics(&cal, y, t.lang)?.as_bytes())?)
        }
        Format::OneC => {
            let xml = merzim::onec::business_calendar_xml(&cal, y..=y, t.lang)?;
            Ok(out.write_all(xml.as_bytes())?)
        }
        Format::Text => text(&cal, y, &days, t, out),
    }
}

/// The header lines: title, data version, as-of dates.
fn header(cal: &Calendar, title: String, t: &Texts, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "{title}")?;
    let mut data = format!("{} {}", t.data, cal.data_version());
    if let Some(d) = cal.data_as_of() {
        data.push_str(&format!(", {} {}", t.data_as_of, t.day(d)));
    }
    if let Some(d) = cal.known_on() {
        data.push_str(&format!("; {} {}", t.as_known_on, t.day(d)));
    }
    for l in wrap(&data, WIDTH, 2) {
        writeln!(out, "{l}")?;
    }
    writeln!(out)
}

fn text(cal: &Calendar, y: i32, days: &[Day], t: &Texts, out: &mut impl Write) -> Res {
    let color = use_color();
    let title = t.fill(t.calendar_title, &[&y, &t.week(cal.week())]);
    header(cal, title, t, out)?;
    // Month grids, three months a row; a cell is the day, its mark and a space.
    const BLOCK: usize = 27;
    let block = |m: u32| -> Vec<String> {
        let mut lines = Vec::new();
        let title = format!("{} {y}", t.month(m));
        let w = title.chars().count();
        let pad = (BLOCK.saturating_sub(w)) / 2;
        lines.push(format!("{}{title}", " ".repeat(pad)));
        lines.push(t.wd2.join("  "));
        let month: Vec<&Day> = days.iter().filter(|d| d.date.month() == m).collect();
        let mut line = "    ".repeat(month[0].date.weekday().num_days_from_monday() as usize);
        for d in month {
            let cell = format!("{:>2}{}", d.date.day(), mark(d.kind, t.lang));
            line.push_str(&paint(color, d.kind, d.provisional, cell));
            if d.date.weekday() == Weekday::Sun {
                lines.push(std::mem::take(&mut line));
            } else {
                line.push(' ');
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    };
    for row in 0..4 {
        let blocks: Vec<Vec<String>> = (1..=3).map(|k| block(row * 3 + k)).collect();
        let height = blocks.iter().map(Vec::len).max().unwrap_or(0);
        for i in 0..height {
            let mut s = String::new();
            for (k, b) in blocks.iter().enumerate() {
                let cell = b.get(i).cloned().unwrap_or_default();
                let visible = visible_width(&cell);
                s.push_str(&cell);
                if k < 2 {
                    s.push_str(&" ".repeat(BLOCK.saturating_sub(visible) + 4));
                }
            }
            writeln!(out, "{}", s.trim_end())?;
        }
        writeln!(out)?;
    }
    // Legend, in as many columns as fit. A working weekend day is named by
    // its weekday when every one of the year falls on the same weekday.
    let worked: Vec<Weekday> = days
        .iter()
        .filter(|d| d.kind == DayKind::WorkingWeekend)
        .map(|d| d.date.weekday())
        .collect();
    let worked_on = match worked.first() {
        Some(&w) if worked.iter().all(|&x| x == w) => Some(w),
        None => Some(Weekday::Sat),
        _ => None,
    };
    let items: Vec<(String, usize)> = DayKind::ALL
        .iter()
        .map(|&k| {
            let label = match worked_on {
                Some(w) => t.kind_on(k, w),
                None => t.kind(k),
            };
            let s = format!(
                "{} {}",
                paint(color, k, false, format!("{:>2}{}", 5, mark(k, t.lang))),
                label
            );
            let w = visible_width(&s);
            (s, w)
        })
        .collect();
    let col = items.iter().map(|i| i.1).max().unwrap_or(0) + 3;
    let per_line = ((WIDTH - 1) / col).max(1);
    writeln!(out, "{}", t.legend)?;
    for chunk in items.chunks(per_line) {
        let mut s = String::from(" ");
        for (it, w) in chunk {
            s.push_str(it);
            s.push_str(&" ".repeat(col - w));
        }
        writeln!(out, "{}", s.trim_end())?;
    }
    if color {
        writeln!(out, " ({})", t.underlined_provisional)?;
    }
    writeln!(out)?;
    // Working days per month.
    let short: Vec<String> = t
        .months
        .iter()
        .map(|m| format!(">{}", m.chars().take(3).collect::<String>()))
        .chain(std::iter::once(format!(">{}", t.year)))
        .collect();
    let hs: Vec<&str> = short.iter().map(String::as_str).collect();
    let mut tab = Table::new(&hs);
    let mut row = Vec::new();
    for m in 1..=12 {
        row.push(cal.working_days_in_month(y, m)?.to_string());
    }
    row.push(cal.working_days_in_year(y)?.to_string());
    tab.row(row);
    writeln!(out, "{}", t.working_days)?;
    write!(out, "{}", tab.render(1))?;
    writeln!(out)?;
    // The days off and transfers, each with a numbered source listed below.
    let special: Vec<&Day> = days
        .iter()
        .filter(|d| !matches!(d.kind, DayKind::Working | DayKind::Weekend))
        .collect();
    writeln!(out, "{}", t.days_off_and_transfers)?;
    let mut sources: Vec<(String, Vec<String>, Vec<String>)> = Vec::new();
    if special.is_empty() {
        writeln!(out, " {}", t.none)?;
    } else {
        let kind_w = special
            .iter()
            .map(|d| t.kind_on(d.kind, d.date.weekday()).chars().count())
            .max()
            .unwrap_or(0);
        let wd_w = t.wd3.iter().map(|w| w.chars().count()).max().unwrap_or(3);
        for d in special {
            let mut note = Vec::new();
            if d.estimated {
                note.push(t.estimated_date);
            }
            if d.provisional {
                note.push(t.provisional);
            }
            let prefix = format!(
                "{}  {:<wd_w$}  {:<kind_w$}  ",
                t.day(d.date),
                t.wd(d.date.weekday()),
                t.kind_on(d.kind, d.date.weekday())
            );
            let mut s = d
                .names
                .as_ref()
                .map(|n| n.get(t.lang).to_string())
                .unwrap_or_default();
            if !note.is_empty() {
                s.push_str(&format!(" ({})", note.join(", ")));
            }
            // The day's citations in the reader's language, as the library
            // renders them (the data's `source` is an English remark: only a
            // day without citations falls back to it). Which fields were
            // inferred: data field names, so listed in English output only
            // (the citation's confidence says it in every language).
            let cited = d.sources_in(t.lang);
            let src_key = (!cited.is_empty()).then(|| {
                let inferred = if d.citations.is_empty() || t.lang == merzim::Lang::En {
                    d.inferred.clone()
                } else {
                    Vec::new()
                };
                let links = d.source_links().into_iter().map(String::from).collect();
                (cited, links, inferred)
            });
            if let Some(key) = src_key {
                let n = match sources.iter().position(|x| *x == key) {
                    Some(p) => p + 1,
                    None => {
                        sources.push(key);
                        sources.len()
                    }
                };
                s.push_str(&format!(" [{n}]"));
            }
            let indent = prefix.chars().count();
            let lines = wrap(&s, WIDTH - 1 - indent, 0);
            for (i, l) in lines.iter().enumerate() {
                let p = if i == 0 {
                    prefix.clone()
                } else {
                    " ".repeat(indent)
                };
                writeln!(out, " {}", format!("{p}{l}").trim_end())?;
            }
        }
    }
    if !sources.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", t.sources)?;
        for (i, (src, url, inferred)) in sources.iter().enumerate() {
            let mut s = format!("[{}] {src}", i + 1);
            if !inferred.is_empty() {
                s.push_str(&format!(" ({}: {})", t.inferred, inferred.join(", ")));
            }
            let tag = format!("[{}] ", i + 1).chars().count();
            for l in wrap(&s, WIDTH - 1, tag) {
                writeln!(out, " {l}")?;
            }
            let mut shown: Vec<&String> = Vec::new();
            for u in url {
                if !shown.contains(&u) {
                    writeln!(out, " {}{u}", " ".repeat(tag))?;
                    shown.push(u);
                }
            }
        }
    }
    let provisional = days.iter().filter(|d| d.provisional).count();
    if provisional > 0 {
        writeln!(out)?;
        let n = t.count(provisional, t.day_forms);
        for l in wrap(&t.fill(t.provisional_days, &[&n, &y]), WIDTH, 2) {
            writeln!(out, "{l}")?;
        }
    }
    Ok(())
}

/// Tenths of an hour as `151.2` (or `151,2` in Kazakh and Russian); every
/// norm is a whole number of tenths (6-minute steps).
fn hours(minutes: u32, t: &Texts) -> String {
    let tenths = minutes / 6;
    let sep = if t.lang == merzim::Lang::En { '.' } else { ',' };
    if tenths % 10 == 0 {
        format!("{}", tenths / 10)
    } else {
        format!("{}{sep}{}", tenths / 10, tenths % 10)
    }
}

fn balance_text(cal: &Calendar, b: &Balance, t: &Texts, out: &mut impl Write) -> Res {
    let title = t.fill(
        t.balance_title,
        &[
            &b.year,
            &format!("{} / {}", t.five_day_week, t.six_day_week),
        ],
    );
    header(cal, title, t, out)?;
    let h = |n: u32| format!(">{n} {}", t.hours);
    let d = format!(">{}", t.days);
    let headers = [
        t.period.to_string(),
        format!(">{}", t.cal_short),
        format!(">{}", t.without_short),
        d.clone(),
        h(40),
        h(36),
        h(24),
        d,
        h(40),
        h(36),
        h(24),
    ];
    let hs: Vec<&str> = headers.iter().map(String::as_str).collect();
    let mut tab = Table::new(&hs);
    for r in &b.balance {
        tab.row(vec![
            t.period(r.kind, &r.period),
            r.calendar_days.to_string(),
            r.calendar_days_without_holidays.to_string(),
            r.five_day.working_days.to_string(),
            hours(r.five_day.minutes_40, t),
            hours(r.five_day.minutes_36, t),
            hours(r.five_day.minutes_24, t),
            r.six_day.working_days.to_string(),
            hours(r.six_day.minutes_40, t),
            hours(r.six_day.minutes_36, t),
            hours(r.six_day.minutes_24, t),
        ]);
    }
    let rendered = tab.render(1);
    // Column groups over the table: five-day and six-day weeks, each centred
    // over its four columns and drawn out to their width.
    let spans = tab.spans(1);
    if spans.len() >= 11 {
        let mut groups = String::new();
        for (name, a, b) in [
            (t.five_day_group, spans[3].0, spans[6].1),
            (t.six_day_group, spans[7].0, spans[10].1),
        ] {
            groups.push_str(&" ".repeat(a.saturating_sub(groups.chars().count())));
            groups.push_str(&group_heading(name, b - a));
        }
        writeln!(out, "{}", groups.trim_end())?;
    }
    write!(out, "{rendered}")?;
    writeln!(out)?;
    let legend = format!(
        "{} = {}; {} = {}. {}",
        t.cal_short, t.calendar_days, t.without_short, t.without_holidays, t.balance_rules
    );
    for l in wrap(&legend, WIDTH, 0) {
        writeln!(out, "{l}")?;
    }
    // A provisional year; days that differ from the Ministry's table as published.
    for note in b.notes(t.lang) {
        writeln!(out)?;
        for l in wrap(&note, WIDTH, 0) {
            writeln!(out, "{l}")?;
        }
    }
    Ok(())
}

/// `name` centred in `width` columns between rules (`── name ──`), or cut
/// to the width when it does not fit.
fn group_heading(name: &str, width: usize) -> String {
    let n = name.chars().count();
    if n + 2 > width {
        return crate::table::truncate(name, width);
    }
    let left = (width - n - 2) / 2;
    let right = width - n - 2 - left;
    format!("{} {name} {}", "─".repeat(left), "─".repeat(right))
}

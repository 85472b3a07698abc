//! `merzim calendar`: a year's month grids, days off and working days per month.

use std::io::{self, IsTerminal, Write};

use chrono::{Datelike, NaiveDate};
use clap::Args;
use merzim::{Day, DayKind, Names, Week};
use serde::Serialize;

use crate::options::{CalendarOpts, OutputOpts};
use crate::render::write_json;
use crate::table::{weekday, Table};
use crate::{Fail, Res};

#[derive(Args)]
pub struct CalendarCmd {
    /// The year (2000–2027 with the embedded data).
    #[arg(long, value_parser = clap::value_parser!(i32).range(1..=9999))]
    year: i32,
    #[command(flatten)]
    cal: CalendarOpts,
    #[command(flatten)]
    output: OutputOpts,
}

/// The one-character mark of a day kind in the month grid.
fn mark(k: DayKind) -> char {
    match k {
        DayKind::Working => ' ',
        DayKind::Weekend => '.',
        DayKind::Holiday => '*',
        DayKind::ReligiousDayOff => '+',
        DayKind::SubstituteDayOff => '~',
        DayKind::TransferredDayOff => '>',
        DayKind::DeclaredDayOff => '!',
        DayKind::WorkingWeekend => 'w',
        DayKind::TransferredWorkingDay => '^',
        _ => '?',
    }
}

fn kind_label(k: DayKind) -> &'static str {
    match k {
        DayKind::Working => "working day",
        DayKind::Weekend => "weekend",
        DayKind::Holiday => "public holiday",
        DayKind::ReligiousDayOff => "religious day off",
        DayKind::SubstituteDayOff => "substitute day off",
        DayKind::TransferredDayOff => "day off moved by an act",
        DayKind::DeclaredDayOff => "day off declared by an act",
        DayKind::WorkingWeekend => "working weekend",
        DayKind::TransferredWorkingDay => "working day moved by an act",
        other => other.as_str(),
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

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

fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut esc = false;
    for ch in s.chars() {
        if esc {
            if ch == 'm' {
                esc = false;
            }
        } else if ch == '\x1b' {
            esc = true;
        } else {
            out.push(ch);
        }
    }
    out
}

#[derive(Serialize)]
struct CalendarJson<'a> {
    year: i32,
    week: &'static str,
    days: Vec<DayJson<'a>>,
}

#[derive(Serialize)]
struct DayJson<'a> {
    date: NaiveDate,
    working: bool,
    kind: DayKind,
    names: Option<&'a Names>,
    source: Option<&'a str>,
    provisional: bool,
}

/// The week as the calendar JSON has always named it (`Week::as_str` is now
/// `five`/`six`; the JSON keeps `five_day`/`six_day` until the library shapes it).
fn week_json(w: Week) -> &'static str {
    match w {
        Week::SixDay => "six_day",
        _ => "five_day",
    }
}

pub fn run(c: CalendarCmd, out: &mut impl Write) -> Res {
    let cal = c.cal.build()?;
    let y = c.year;
    let first = NaiveDate::from_ymd_opt(y, 1, 1)
        .ok_or_else(|| Fail::Arg(format!("no year {y}; e.g. --year 2026")))?;
    let days = first
        .iter_days()
        .take_while(|d| d.year() == y)
        .map(|d| cal.day(d))
        .collect::<Result<Vec<Day>, _>>()?;
    if c.output.json {
        let j = CalendarJson {
            year: y,
            week: week_json(cal.week()),
            days: days
                .iter()
                .map(|d| DayJson {
                    date: d.date,
                    working: d.working,
                    kind: d.kind,
                    names: d.names.as_ref(),
                    source: d.source.as_deref(),
                    provisional: d.provisional,
                })
                .collect(),
        };
        write_json(out, &j)?;
        return Ok(());
    }
    let color = use_color();
    let week = match cal.week() {
        Week::SixDay => "six-day week",
        _ => "five-day week",
    };
    writeln!(
        out,
        "Kazakhstan working-day calendar {y}, {week} (data {})",
        cal.data_version()
    )?;
    writeln!(out)?;
    // Month grids, three months a row.
    let block = |m: usize| -> Vec<String> {
        let mut lines = Vec::new();
        let title = format!("{} {y}", MONTHS[m]);
        let pad = (21 - title.len()) / 2;
        lines.push(format!(
            "{}{title}{}",
            " ".repeat(pad),
            " ".repeat(21 - pad - title.len())
        ));
        lines.push("Mo Tu We Th Fr Sa Su ".to_string());
        let month: Vec<&Day> = days
            .iter()
            .filter(|d| d.date.month0() as usize == m)
            .collect();
        let mut line = "   ".repeat(month[0].date.weekday().num_days_from_monday() as usize);
        for d in month {
            let cell = format!("{:>2}{}", d.date.day(), mark(d.kind));
            line.push_str(&paint(color, d.kind, d.provisional, cell));
            if d.date.weekday() == chrono::Weekday::Sun {
                lines.push(std::mem::take(&mut line));
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        lines
    };
    for row in 0..4 {
        let blocks: Vec<Vec<String>> = (0..3).map(|k| block(row * 3 + k)).collect();
        let height = blocks.iter().map(Vec::len).max().unwrap_or(0);
        for i in 0..height {
            let mut s = String::new();
            for (k, b) in blocks.iter().enumerate() {
                let cell = b.get(i).cloned().unwrap_or_default();
                // Pad by visible width (colour codes take no room).
                let visible = strip_ansi(&cell).chars().count();
                s.push_str(&cell);
                if k < 2 {
                    s.push_str(&" ".repeat(21 - visible + 3));
                }
            }
            writeln!(out, "{}", s.trim_end())?;
        }
        writeln!(out)?;
    }
    // Legend.
    let items: Vec<String> = DayKind::ALL
        .iter()
        .map(|&k| {
            format!(
                "{} {}",
                paint(color, k, false, format!("{:>2}{}", 5, mark(k))),
                kind_label(k)
            )
        })
        .collect();
    writeln!(out, "Legend:")?;
    for chunk in items.chunks(3) {
        let mut s = String::from(" ");
        for it in chunk {
            let visible = strip_ansi(it).chars().count();
            s.push_str(it);
            s.push_str(&" ".repeat(32usize.saturating_sub(visible)));
        }
        writeln!(out, "{}", s.trim_end())?;
    }
    if color {
        writeln!(out, " (underlined: provisional)")?;
    }
    writeln!(out)?;
    // Working days per month.
    let mut headers: Vec<String> = MONTHS.iter().map(|m| format!(">{}", &m[..3])).collect();
    headers.push(">Year".into());
    let hs: Vec<&str> = headers.iter().map(String::as_str).collect();
    let mut t = Table::new(&hs);
    let mut row = Vec::new();
    for m in 1..=12 {
        row.push(cal.working_days_in_month(y, m)?.to_string());
    }
    row.push(cal.working_days_in_year(y)?.to_string());
    t.row(row);
    writeln!(out, "Working days:")?;
    write!(out, "{}", t.render(1))?;
    writeln!(out)?;
    // The list of days off and transfers.
    let special: Vec<&Day> = days
        .iter()
        .filter(|d| !matches!(d.kind, DayKind::Working | DayKind::Weekend))
        .collect();
    writeln!(out, "Days off and transfers:")?;
    if special.is_empty() {
        writeln!(out, " (none)")?;
    } else {
        let mut t = Table::new(&["Date", "Day", "Kind", "Name", "Note", "Source"]);
        for d in special {
            let mut note = Vec::new();
            if d.estimated {
                note.push("estimated date");
            }
            if d.provisional {
                note.push("provisional");
            }
            t.row(vec![
                d.date.to_string(),
                weekday(d.date.weekday()).to_string(),
                kind_label(d.kind).to_string(),
                d.names
                    .as_ref()
                    .map(|n| n.get(c.output.lang).to_string())
                    .unwrap_or_default(),
                note.join(", "),
                d.source.clone().unwrap_or_default(),
            ]);
        }
        write!(out, "{}", t.render(1))?;
    }
    let provisional = days.iter().filter(|d| d.provisional).count();
    if provisional > 0 {
        writeln!(out)?;
        writeln!(
            out,
            "Provisional: {provisional} days of {y} may still change (transfer acts not yet published, or an estimated date)."
        )?;
    }
    Ok(())
}

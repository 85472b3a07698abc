//! `merzim`: the command-line face of the library.
//!
//! It parses arguments, calls the library and formats the answers; every date,
//! term and timeline is computed by `merzim` itself. Run
//! `cargo run --release --example merzim -- --help`.

use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::str::FromStr;
use std::time::Instant;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};
use merzim::{
    Calendar, Channel, Day, DayKind, ErrorBody, ErrorKind, ErrorResponse, Evaluator, Horizon, Lang,
    LegalOptions, Names, OfficeTime, Outcome, Regulation, Response, Schedule, SkipReason, Skipped,
    StartRule, Submitted, Term, TermEnd, Week, Zone,
};
use serde::Serialize;
use serde_json::{json, Value};

#[path = "merzim/table.rs"]
mod table;

use table::{time, time_long, weekday, yes_no, Table};

const EXIT_CODES: &str = "\
Exit codes:
  0  success (batch and diff: also when some lines hold errors)
  1  the computation failed: a date outside the calendar's coverage, a bad
     calendar data file or regulation file
  2  bad arguments: an unknown option, a value that cannot be read, a value
     the library rejects (an unknown regulation id, a channel or outcome the
     regulation does not offer, a term of 0 days)
  3  I/O error: a file cannot be read, stdin or stdout failed (a closed
     stdout pipe is not an error: the command stops quietly)";

const MAIN_HELP: &str = "\
Examples:
  merzim calendar --year 2026
  merzim due --submitted 2026-03-20T16:30 --term \"22 working days\" --explain
  merzim timeline --regulation east-kazakhstan-2016-land-purpose-change --submitted 2026-03-18T16:30
  merzim lint --regulation all
  echo '{\"id\":\"a1\",\"submitted\":\"2026-03-20T16:30\",\"term\":\"22 working days\"}' | merzim batch

Times are local wall-clock times of the office (--tz, default Asia/Almaty)
or RFC 3339 instants with an offset (2026-03-20T16:30:00+05:00).
";

#[derive(Parser)]
#[command(
    name = "merzim",
    version,
    about = "Deadlines of Kazakh public services: the working-day calendar, legal terms, regulation timelines",
    after_help = format!("{MAIN_HELP}\n{EXIT_CODES}"),
    arg_required_else_help = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// A year's calendar: month grids, days off with names and sources, working days per month.
    #[command(after_help = format!("Example:\n  merzim calendar --year 2026 --week five\n\n{EXIT_CODES}"))]
    Calendar(CalendarCmd),
    /// When a legal term expires: registration date, day 1, last day, due instant.
    #[command(after_help = format!(
        "Examples:\n  merzim due --submitted 2026-03-20T16:30 --term \"22 working days\"\n  \
         merzim due --submitted 2026-03-20T16:30:00+05:00 --term \"30 calendar days\" --channel state_corporation --explain\n\n{EXIT_CODES}"
    ))]
    Due(DueCmd),
    /// A regulation's steps chained for one submission, with its term and refusal due.
    #[command(after_help = format!(
        "Example:\n  merzim timeline --regulation east-kazakhstan-2016-land-purpose-change --submitted 2026-03-18T16:30\n\n\
         Bundled regulations: {}\n\n{EXIT_CODES}",
        bundled_list()
    ))]
    Timeline(TimelineCmd),
    /// Does a regulation's step chain fit its overall term for every submission in a range of years?
    #[command(after_help = format!(
        "Examples:\n  merzim lint --regulation akmola-2014-land-purpose-change\n  merzim lint --regulation all --from 2020 --to 2026 --json\n\n\
         Bundled regulations: {}\n\n{EXIT_CODES}",
        bundled_list()
    ))]
    Lint(LintCmd),
    /// JSON Lines in on stdin, JSON Lines out on stdout: one result line per input line, in order.
    #[command(after_help = format!(
        "Input lines:\n  \
         {{\"id\": \"a1\", \"submitted\": \"2026-03-20T16:30:00\", \"term\": \"22 working days\", \"channel\": \"provider\", \"start\": \"submission_day\", \"tz\": \"Asia/Almaty\"}}\n  \
         {{\"id\": \"b7\", \"regulation\": \"east-kazakhstan-2016-land-purpose-change\", \"submitted\": \"2026-03-18T16:30:00\", \"channel\": \"portal\", \"outcome\": \"approve\"}}\n\
         A line that fails gives {{\"id\": ..., \"error\": {{\"kind\": ..., \"message\": ...}}}} and processing goes on.\n\
         Progress is shown on stderr when it is a terminal.\n\n{EXIT_CODES}"
    ))]
    Batch(BatchCmd),
    /// Which batch cases change between two calendar data files (read on stdin, changed ones printed).
    #[command(after_help = format!(
        "Example:\n  merzim diff --old current.toml --new with-new-order.toml < cases.jsonl\n\n\
         Output lines: {{\"id\": ..., \"old\": {{...}}, \"new\": {{...}}}}, only for changed cases.\n\
         The files use the schema of holidays/transfers/YYYY.toml and are layered over the embedded data.\n\n{EXIT_CODES}"
    ))]
    Diff(DiffCmd),
}

#[derive(Args, Clone)]
struct WeekOpts {
    /// The working week.
    #[arg(long, value_enum, default_value = "five")]
    week: WeekArg,
    /// `coverage`: a date outside the data (2000–2027) is an error; `provisional`:
    /// the statutory rules are extended beyond it and such results are flagged provisional.
    #[arg(long, value_enum, default_value = "coverage")]
    horizon: HorizonArg,
}

#[derive(Args, Clone)]
struct CalendarOpts {
    /// A calendar data file layered over the embedded data (new transfer orders,
    /// local days off, an announced Kurban Ait date; schema of holidays/transfers/YYYY.toml).
    #[arg(long, value_name = "FILE")]
    calendar: Option<PathBuf>,
    #[command(flatten)]
    week: WeekOpts,
}

#[derive(Args, Clone)]
struct OfficeOpts {
    /// The office's IANA time zone.
    #[arg(long, value_name = "ZONE", default_value = "Asia/Almaty", value_parser = lib::<Zone>)]
    tz: Zone,
    /// Office hours on working days: "09:00-13:00,14:30-18:30", or per weekday
    /// "mon-fri 09:00-18:00; sat 09:00-13:00".
    #[arg(long, default_value = "09:00-13:00,14:30-18:30", value_parser = lib::<Schedule>)]
    schedule: Schedule,
}

#[derive(Args)]
struct CalendarCmd {
    /// The year (2000–2027 with the embedded data).
    #[arg(long, value_parser = clap::value_parser!(i32).range(1..=9999))]
    year: i32,
    #[command(flatten)]
    cal: CalendarOpts,
    /// Language of the holiday names.
    #[arg(long, default_value = "en", value_parser = choice::<Lang>(&["kk", "ru", "en"]))]
    lang: Lang,
    /// Print JSON: {"year", "week", "days": [{"date", "working", "kind", "names", "source", "provisional"}, …]}.
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
struct DueCmd {
    /// When the documents were submitted: local time 2026-03-20T16:30 or an instant 2026-03-20T16:30:00+05:00.
    #[arg(long, value_name = "TIME", value_parser = lib::<Submitted>)]
    submitted: Submitted,
    /// The term: "22 working days", "30 calendar days", "15 minutes", "2 hours", "1 month", "2 рабочих дня", …
    #[arg(long, value_parser = lib::<Term>)]
    term: Term,
    /// How the documents reached the provider.
    #[arg(long, default_value = "provider", value_parser = choice::<Channel>(&["provider", "portal", "state_corporation"]))]
    channel: Channel,
    /// Day 1 of a term in days: the registration date, or the day after it.
    #[arg(long, default_value = "submission_day", value_parser = choice::<StartRule>(&["submission_day", "next_day"]))]
    start: StartRule,
    /// When the last day ends: at close of business, or at 24:00 (reported as 00:00 of the next date).
    #[arg(long, default_value = "close_of_business", value_parser = choice::<TermEnd>(&["close_of_business", "midnight"]))]
    end: TermEnd,
    #[command(flatten)]
    office: OfficeOpts,
    #[command(flatten)]
    cal: CalendarOpts,
    /// Also list the days and hours that did not count, with the holidays' names and acts.
    #[arg(long)]
    explain: bool,
    /// Language of names and explanations.
    #[arg(long, default_value = "en", value_parser = choice::<Lang>(&["kk", "ru", "en"]))]
    lang: Lang,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
struct TimelineCmd {
    /// A bundled regulation's id or a path to a regulation file (.toml).
    #[arg(long, value_name = "ID|PATH")]
    regulation: String,
    /// When the documents were submitted: local time 2026-03-18T16:30 or an instant 2026-03-18T16:30:00+05:00.
    #[arg(long, value_name = "TIME", value_parser = lib::<Submitted>)]
    submitted: Submitted,
    /// How the documents reached the provider.
    #[arg(long, default_value = "provider", value_parser = choice::<Channel>(&["provider", "portal", "state_corporation"]))]
    channel: Channel,
    /// Which result the chain leads to.
    #[arg(long, default_value = "approve", value_parser = choice::<Outcome>(&["approve", "refuse"]))]
    outcome: Outcome,
    #[command(flatten)]
    office: OfficeOpts,
    #[command(flatten)]
    cal: CalendarOpts,
    /// Also list the days and hours that did not count, with the holidays' names and acts.
    #[arg(long)]
    explain: bool,
    /// Language of actors, names and explanations.
    #[arg(long, default_value = "en", value_parser = choice::<Lang>(&["kk", "ru", "en"]))]
    lang: Lang,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
struct LintCmd {
    /// A bundled regulation's id, a path to a regulation file, or `all` (every bundled regulation).
    #[arg(long, value_name = "ID|PATH|all")]
    regulation: String,
    /// First year of submissions tried.
    #[arg(long, default_value_t = 2015)]
    from: i32,
    /// Last year of submissions tried.
    #[arg(long, default_value_t = 2026)]
    to: i32,
    /// Office hours on working days.
    #[arg(long, default_value = "09:00-13:00,14:30-18:30", value_parser = lib::<Schedule>)]
    schedule: Schedule,
    #[command(flatten)]
    cal: CalendarOpts,
    /// Language of titles.
    #[arg(long, default_value = "en", value_parser = choice::<Lang>(&["kk", "ru", "en"]))]
    lang: Lang,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
struct BatchCmd {
    #[command(flatten)]
    cal: CalendarOpts,
    /// Worker threads (0: one per CPU). Output order is the input order whatever the count.
    #[arg(long, default_value_t = 0)]
    threads: usize,
}

#[derive(Args)]
struct DiffCmd {
    /// The old calendar data file.
    #[arg(long, value_name = "FILE")]
    old: PathBuf,
    /// The new calendar data file.
    #[arg(long, value_name = "FILE")]
    new: PathBuf,
    #[command(flatten)]
    week: WeekOpts,
    /// Worker threads (0: one per CPU).
    #[arg(long, default_value_t = 0)]
    threads: usize,
}

#[derive(Clone, Copy, ValueEnum)]
enum WeekArg {
    /// Monday–Friday.
    Five,
    /// Monday–Saturday.
    Six,
}

#[derive(Clone, Copy, ValueEnum)]
enum HorizonArg {
    Coverage,
    Provisional,
}

/// A value parser from the library's `FromStr` (its message says what is expected).
fn lib<T: FromStr<Err = merzim::Error>>(s: &str) -> Result<T, String> {
    s.parse()
        .map_err(|e: merzim::Error| e.message().to_string())
}

/// One of `values`, read with the library's `FromStr`.
fn choice<T>(values: &'static [&'static str]) -> impl TypedValueParser<Value = T>
where
    T: FromStr<Err = merzim::Error> + Clone + Send + Sync + 'static,
{
    PossibleValuesParser::new(values).try_map(|s| s.parse::<T>())
}

fn bundled_list() -> String {
    Regulation::bundled_ids().collect::<Vec<_>>().join(", ")
}

/// Why a command failed.
enum Fail {
    /// The library refused or failed.
    Lib(merzim::Error),
    /// A bad argument found after parsing.
    Arg(String),
    /// Writing stdout failed.
    Out(io::Error),
    /// Reading stdin failed.
    In(io::Error),
}

impl From<merzim::Error> for Fail {
    fn from(e: merzim::Error) -> Fail {
        Fail::Lib(e)
    }
}

impl From<io::Error> for Fail {
    fn from(e: io::Error) -> Fail {
        Fail::Out(e)
    }
}

type Res = Result<(), Fail>;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let r = match cli.command {
        Command::Calendar(c) => cmd_calendar(c, &mut out),
        Command::Due(c) => cmd_due(c, &mut out),
        Command::Timeline(c) => cmd_timeline(c, &mut out),
        Command::Lint(c) => cmd_lint(c, &mut out),
        Command::Batch(c) => cmd_batch(c, &mut out),
        Command::Diff(c) => cmd_diff(c, &mut out),
    };
    let r = r.and_then(|()| out.flush().map_err(Fail::Out));
    let mut err = io::stderr();
    match r {
        Ok(()) => ExitCode::SUCCESS,
        Err(Fail::Out(e)) if e.kind() == io::ErrorKind::BrokenPipe => {
            // The reader went away (`| head`): nothing more to say.
            std::mem::forget(out); // its buffer cannot be written either
            ExitCode::SUCCESS
        }
        Err(Fail::Out(e)) => {
            std::mem::forget(out);
            let _ = writeln!(err, "error: cannot write to stdout: {e}");
            ExitCode::from(3)
        }
        Err(Fail::In(e)) => {
            let _ = writeln!(err, "error: cannot read stdin: {e}");
            ExitCode::from(3)
        }
        Err(Fail::Arg(m)) => {
            let _ = writeln!(err, "error: {m}\n\nFor more information, try '--help'.");
            ExitCode::from(2)
        }
        Err(Fail::Lib(e)) => {
            let code = match e.kind() {
                ErrorKind::InvalidInput => 2,
                ErrorKind::Io => 3,
                _ => 1,
            };
            let _ = writeln!(err, "error: {}", e.message());
            if code == 2 {
                let _ = writeln!(err, "\nFor more information, try '--help'.");
            }
            ExitCode::from(code)
        }
    }
}

// ---------------------------------------------------------------- calendars

fn build_calendar(base: Calendar, w: &WeekOpts) -> Calendar {
    let week = match w.week {
        WeekArg::Five => Week::FiveDay,
        WeekArg::Six => Week::SixDay,
    };
    let horizon = match w.horizon {
        HorizonArg::Coverage => Horizon::Coverage,
        HorizonArg::Provisional => Horizon::Provisional,
    };
    base.with_week(week).with_horizon(horizon)
}

fn calendar(o: &CalendarOpts) -> Result<Calendar, Fail> {
    let mut base = Calendar::kazakhstan();
    if let Some(p) = &o.calendar {
        base = base.with_overlay_file(p)?;
    }
    Ok(build_calendar(base, &o.week))
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

fn paint(color: bool, d: &Day, cell: String) -> String {
    if !color {
        return cell;
    }
    let code = match d.kind {
        DayKind::Working => return cell,
        DayKind::Weekend => "90",
        DayKind::WorkingWeekend | DayKind::TransferredWorkingDay => "1;32",
        _ => "1;31",
    };
    let code = if d.provisional {
        format!("{code};4")
    } else {
        code.to_string()
    };
    format!("\x1b[{code}m{cell}\x1b[0m")
}

#[derive(Serialize)]
struct CalendarJson<'a> {
    year: i32,
    week: Week,
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

fn cmd_calendar(c: CalendarCmd, out: &mut impl Write) -> Res {
    let cal = calendar(&c.cal)?;
    let y = c.year;
    let first = NaiveDate::from_ymd_opt(y, 1, 1)
        .ok_or_else(|| Fail::Arg(format!("no year {y}; e.g. --year 2026")))?;
    let days = first
        .iter_days()
        .take_while(|d| d.year() == y)
        .map(|d| cal.day(d))
        .collect::<Result<Vec<Day>, _>>()?;
    if c.json {
        let j = CalendarJson {
            year: y,
            week: cal.week(),
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
        serde_json::to_writer_pretty(&mut *out, &j).map_err(io::Error::from)?;
        writeln!(out)?;
        return Ok(());
    }
    let color = use_color();
    let week = match cal.week() {
        Week::FiveDay => "five-day week",
        Week::SixDay => "six-day week",
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
            line.push_str(&paint(color, d, cell));
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
            let d = Day {
                date: first,
                kind: k,
                working: k.is_working(),
                names: None,
                source: None,
                act: None,
                provisional: false,
                estimated: false,
            };
            format!(
                "{} {}",
                paint(color, &d, format!("{:>2}{}", 5, mark(k))),
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
                    .map(|n| n.get(c.lang).to_string())
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

// ---------------------------------------------------------------- explanations

fn reason_str(r: SkipReason) -> &'static str {
    match r {
        SkipReason::Lunch => "lunch",
        SkipReason::AfterHours => "after_hours",
        SkipReason::DayOff(k) => k.as_str(),
        _ => "other",
    }
}

fn skipped_json(z: Zone, s: &Skipped, lang: Lang) -> Value {
    json!({
        "from": z.to_rfc3339(s.from),
        "to": z.to_rfc3339(s.to),
        "reason": reason_str(s.reason),
        "names": s.names,
        "source": s.source,
        "act": s.act,
        "provisional": s.provisional,
        "estimated": s.estimated,
        "text": s.describe(lang),
    })
}

/// Days off one by one; lunch breaks and nights counted, or listed when few.
fn write_explain(out: &mut impl Write, skipped: &[Skipped], lang: Lang) -> io::Result<()> {
    let is_day_off = |s: &Skipped| matches!(s.reason, SkipReason::DayOff(_));
    let hours: Vec<&Skipped> = skipped.iter().filter(|s| !is_day_off(s)).collect();
    let list_hours = hours.len() <= 6;
    if skipped.is_empty() {
        writeln!(out, "  nothing: the whole span was office time")?;
    }
    for s in skipped {
        if is_day_off(s) || list_hours {
            writeln!(out, "  {}", s.describe(lang))?;
        }
    }
    if !list_hours {
        let lunch = hours
            .iter()
            .filter(|s| s.reason == SkipReason::Lunch)
            .count();
        let after = hours.len() - lunch;
        writeln!(
            out,
            "  and {lunch} lunch break{}, {after} stretch{} outside office hours",
            if lunch == 1 { "" } else { "s" },
            if after == 1 { "" } else { "es" }
        )?;
    }
    Ok(())
}

fn kv(out: &mut impl Write, key: &str, value: impl std::fmt::Display) -> io::Result<()> {
    writeln!(out, "{key:<14}{value}")
}

fn zone_note(out: &mut impl Write, z: Zone, local: NaiveDateTime) -> io::Result<()> {
    if let Some(n) = z.resolve(local).1 {
        writeln!(out, "note: {n}")?;
    }
    Ok(())
}

// ---------------------------------------------------------------- due

fn cmd_due(c: DueCmd, out: &mut impl Write) -> Res {
    let cal = calendar(&c.cal)?;
    let office = OfficeTime::new(&cal, c.office.schedule.clone())?;
    let z = c.office.tz;
    let local = z.local_of(c.submitted);
    let options = LegalOptions {
        channel: c.channel,
        start: c.start,
        end: c.end,
    };
    let d = office.legal_due(local, c.term, options)?;
    let skipped = if c.explain {
        Some(office.explain(local, d.due)?)
    } else {
        None
    };
    if c.json {
        let mut j = json!({
            "submitted": z.to_rfc3339(local),
            "term": c.term.to_string(),
            "channel": c.channel.as_str(),
            "start": c.start.as_str(),
            "end": c.end.as_str(),
            "tz": z.name(),
            "schedule": c.office.schedule.to_string(),
            "registered": d.registered.to_string(),
            "day_one": d.day_one.map(|x| x.to_string()),
            "last_day": d.last_day.to_string(),
            "due": z.to_rfc3339(d.due),
            "handoff": d.handoff.map(|t| z.to_rfc3339(t)),
            "provisional": d.provisional,
        });
        if let Some(s) = &skipped {
            j["explain"] = s.iter().map(|s| skipped_json(z, s, c.lang)).collect();
        }
        serde_json::to_writer_pretty(&mut *out, &j).map_err(io::Error::from)?;
        writeln!(out)?;
        return Ok(());
    }
    let submitted = match c.submitted {
        Submitted::Local(_) => format!("{}, {}", time_long(z, local), z.name()),
        Submitted::Instant(i) => format!(
            "{} = {}, {}",
            merzim::format_rfc3339(i),
            time_long(z, local),
            z.name()
        ),
    };
    kv(out, "Submitted", submitted)?;
    kv(out, "Term", c.term.display_in(c.lang))?;
    kv(
        out,
        "Rules",
        format!(
            "channel {}, start {}, end {}, office hours {}",
            c.channel.as_str(),
            c.start.as_str(),
            c.end.as_str(),
            c.office.schedule
        ),
    )?;
    let registered_label = if c.channel == Channel::StateCorporation {
        "Accepted"
    } else {
        "Registered"
    };
    kv(
        out,
        registered_label,
        format!("{} ({})", d.registered, weekday(d.registered.weekday())),
    )?;
    if let Some(one) = d.day_one {
        kv(out, "Day 1", format!("{one} ({})", weekday(one.weekday())))?;
    }
    kv(
        out,
        "Last day",
        format!("{} ({})", d.last_day, weekday(d.last_day.weekday())),
    )?;
    kv(out, "Due", time_long(z, d.due))?;
    if let Some(h) = d.handoff {
        kv(
            out,
            "Handoff",
            format!(
                "{}  (result delivered to the State Corporation)",
                time_long(z, h)
            ),
        )?;
    }
    kv(out, "Provisional", yes_no(d.provisional))?;
    zone_note(out, z, local)?;
    if let Some(s) = skipped {
        writeln!(out)?;
        writeln!(
            out,
            "Not counted from {} to {}:",
            time(z, local, false),
            time(z, d.due, false)
        )?;
        write_explain(out, &s, c.lang)?;
    }
    Ok(())
}

// ---------------------------------------------------------------- timeline

fn cmd_timeline(c: TimelineCmd, out: &mut impl Write) -> Res {
    let cal = calendar(&c.cal)?;
    let office = OfficeTime::new(&cal, c.office.schedule.clone())?;
    let reg = Regulation::resolve(&c.regulation)?;
    let z = c.office.tz;
    let local = z.local_of(c.submitted);
    let tl = reg.timeline(&office, local, c.channel, c.outcome)?;
    let span_end = tl.term_due.map_or(tl.end, |d| d.max(tl.end));
    let skipped = if c.explain {
        Some(office.explain(local, span_end)?)
    } else {
        None
    };
    let lang = c.lang;
    let step = |n: u32| reg.steps.iter().find(|s| s.number == n);
    if c.json {
        let mut j = json!({
            "regulation": reg.id,
            "title": reg.title,
            "channel": c.channel.as_str(),
            "outcome": c.outcome.as_str(),
            "tz": z.name(),
            "submitted": z.to_rfc3339(local),
            "steps": tl.steps.iter().map(|s| json!({
                "number": s.number,
                "actor": step(s.number).map(|x| &x.actor),
                "action": step(s.number).map(|x| &x.action),
                "duration": s.duration.to_string(),
                "start": z.to_rfc3339(s.start),
                "end": z.to_rfc3339(s.end),
            })).collect::<Vec<_>>(),
            "end": z.to_rfc3339(tl.end),
            "term_due": tl.term_due.map(|t| z.to_rfc3339(t)),
            "alternatives": tl.alternatives.iter().map(|a| json!({
                "term": a.term.to_string(),
                "due": z.to_rfc3339(a.due),
            })).collect::<Vec<_>>(),
            "within_term": tl.within_term,
            "refusal_due": tl.refusal_due.map(|t| z.to_rfc3339(t)),
            "handoff": tl.handoff.map(|t| z.to_rfc3339(t)),
            "provisional": tl.provisional,
            "warnings": tl.warnings,
        });
        if let Some(s) = &skipped {
            j["explain"] = s.iter().map(|s| skipped_json(z, s, lang)).collect();
        }
        serde_json::to_writer_pretty(&mut *out, &j).map_err(io::Error::from)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(out, "{} — {}", reg.id, reg.title.get(lang))?;
    writeln!(
        out,
        "{}, {} No. {} of {}",
        reg.act.body.get(lang),
        reg.act.kind,
        reg.act.number,
        reg.act.date
    )?;
    writeln!(
        out,
        "Submitted {}, {}; channel {}, outcome {}",
        time_long(z, local),
        z.name(),
        c.channel.as_str(),
        c.outcome.as_str()
    )?;
    writeln!(out)?;
    let times = tl.steps.iter().flat_map(|s| [s.start, s.end]);
    let offset = table::offsets_differ(z, times);
    let mut t = Table::new(&[">No", "Actor", "Duration", "Start", "End"]);
    for s in &tl.steps {
        let actor = step(s.number)
            .map(|x| x.actor.get(lang).to_string())
            .unwrap_or_default();
        t.row(vec![
            s.number.to_string(),
            table::truncate(&actor, 40),
            s.duration.display_in(lang),
            time(z, s.start, offset),
            time(z, s.end, offset),
        ]);
    }
    write!(out, "{}", t.render(1))?;
    writeln!(out)?;
    kv(out, "Chain ends", time_long(z, tl.end))?;
    if tl.alternatives.is_empty() {
        kv(out, "Term due", "— (the regulation states no overall term)")?;
    } else {
        let earliest = tl.term_due;
        for (i, a) in tl.alternatives.iter().enumerate() {
            let tag = if Some(a.due) == earliest && tl.alternatives.len() > 1 {
                " (earliest)"
            } else {
                ""
            };
            kv(
                out,
                if i == 0 { "Term due" } else { "" },
                format!("{}  {}{tag}", time_long(z, a.due), a.term.display_in(lang)),
            )?;
        }
    }
    match (tl.refusal_due, reg.refusal) {
        (Some(r), Some(term)) => kv(
            out,
            "Refusal due",
            format!(
                "{}  {}, if the documents are incomplete",
                time_long(z, r),
                term.display_in(lang)
            ),
        )?,
        (Some(r), None) => kv(out, "Refusal due", time_long(z, r))?,
        _ => kv(
            out,
            "Refusal due",
            "— (the regulation states no refusal term)",
        )?,
    }
    if let Some(h) = tl.handoff {
        kv(
            out,
            "Handoff",
            format!(
                "{}  (result delivered to the State Corporation)",
                time_long(z, h)
            ),
        )?;
    }
    match (tl.within_term, tl.term_due) {
        (Some(true), Some(d)) => kv(
            out,
            "Within term",
            format!(
                "yes ({} before the term due)",
                table::minutes((d - tl.end).num_minutes()).trim_start_matches('+')
            ),
        )?,
        (Some(false), Some(d)) => kv(
            out,
            "Within term",
            format!(
                "no (the chain ends {} after the term due)",
                table::minutes((tl.end - d).num_minutes()).trim_start_matches('+')
            ),
        )?,
        _ => kv(out, "Within term", "— (no overall term)")?,
    }
    kv(out, "Provisional", yes_no(tl.provisional))?;
    for w in &tl.warnings {
        writeln!(out, "warning: {w}")?;
    }
    zone_note(out, z, local)?;
    if let Some(s) = skipped {
        writeln!(out)?;
        writeln!(
            out,
            "Not counted from {} to {}:",
            time(z, local, false),
            time(z, span_end, false)
        )?;
        write_explain(out, &s, lang)?;
    }
    Ok(())
}

// ---------------------------------------------------------------- lint

fn cmd_lint(c: LintCmd, out: &mut impl Write) -> Res {
    if c.from > c.to {
        return Err(Fail::Arg(format!(
            "--from {} is after --to {}; e.g. --from 2015 --to 2026",
            c.from, c.to
        )));
    }
    let cal = calendar(&c.cal)?;
    let office = OfficeTime::new(&cal, c.schedule.clone())?;
    let regs: Vec<Regulation> = if c.regulation == "all" {
        Regulation::bundled_ids()
            .map(Regulation::resolve)
            .collect::<Result<_, _>>()?
    } else {
        vec![Regulation::resolve(&c.regulation)?]
    };
    let z = Zone::default();
    let mut json_regs = Vec::new();
    for (i, reg) in regs.iter().enumerate() {
        let findings = reg.lint(&office, c.from, c.to)?;
        let terms: Option<Vec<String>> = reg
            .term
            .as_ref()
            .map(|t| t.alternatives.iter().map(|a| a.to_string()).collect());
        let fits = findings.iter().all(|f| f.fits());
        if c.json {
            json_regs.push(json!({
                "regulation": reg.id,
                "term": terms,
                "fits": if terms.is_some() { Some(fits) } else { None },
                "findings": findings.iter().map(|f| json!({
                    "channel": f.channel.as_str(),
                    "outcome": f.outcome.as_str(),
                    "cases": f.cases,
                    "overshooting": f.overshooting,
                    "fits": f.fits(),
                    "worst_submitted": f.worst_submitted.map(|t| t.format("%Y-%m-%dT%H:%M:%S").to_string()),
                    "worst_end": f.worst_end.map(|t| t.format("%Y-%m-%dT%H:%M:%S").to_string()),
                    "worst_term_due": f.worst_term_due.map(|t| t.format("%Y-%m-%dT%H:%M:%S").to_string()),
                    "worst_overshoot_office_minutes": f.worst_submitted.map(|_| f.worst_overshoot_office_minutes),
                    "worst_overshoot_minutes": f.worst_submitted.map(|_| f.worst_overshoot_minutes),
                })).collect::<Vec<_>>(),
            }));
            continue;
        }
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(out, "{} — {}", reg.id, reg.title.get(c.lang))?;
        let Some(terms) = terms else {
            writeln!(
                out,
                "The regulation states no overall term: nothing to check."
            )?;
            continue;
        };
        writeln!(
            out,
            "Overall term {}; submissions on every date {}–{} at 12 times of day (00:00–18:30)",
            terms.join(" or "),
            c.from,
            c.to
        )?;
        writeln!(out)?;
        let mut t = Table::new(&[
            "Channel",
            "Outcome",
            ">Cases",
            ">Over term",
            "Worst submission",
            "Chain ends",
            "Term due",
            ">Overshoot",
            ">Office time",
        ]);
        for f in &findings {
            let opt = |x: Option<NaiveDateTime>| {
                x.map(|t| time(z, t, false)).unwrap_or_else(|| "—".into())
            };
            let has = f.worst_submitted.is_some();
            t.row(vec![
                f.channel.as_str().into(),
                f.outcome.as_str().into(),
                f.cases.to_string(),
                f.overshooting.to_string(),
                opt(f.worst_submitted),
                opt(f.worst_end),
                opt(f.worst_term_due),
                if has {
                    table::minutes(f.worst_overshoot_minutes)
                } else {
                    "—".into()
                },
                if has {
                    table::office_minutes(f.worst_overshoot_office_minutes)
                } else {
                    "—".into()
                },
            ]);
        }
        write!(out, "{}", t.render(1))?;
        writeln!(out)?;
        if fits {
            writeln!(
                out,
                "Fits: every chain ends by the term due (overshoot < 0 is the smallest slack)."
            )?;
        } else {
            let bad: Vec<String> = findings
                .iter()
                .filter(|f| !f.fits())
                .map(|f| {
                    format!(
                        "{}/{}: {} of {}",
                        f.channel.as_str(),
                        f.outcome.as_str(),
                        f.overshooting,
                        f.cases
                    )
                })
                .collect();
            writeln!(
                out,
                "Does NOT fit: chains end after the term due ({}).",
                bad.join("; ")
            )?;
        }
    }
    if c.json {
        let j = json!({ "from": c.from, "to": c.to, "regulations": json_regs });
        serde_json::to_writer_pretty(&mut *out, &j).map_err(io::Error::from)?;
        writeln!(out)?;
    }
    Ok(())
}

// ---------------------------------------------------------------- batch and diff

/// Lines a chunk holds at most.
const CHUNK: usize = 4096;

/// Streams stdin line by line through `f` and writes its results in input order.
///
/// Lines are read in chunks (at most [`CHUNK`] lines, fewer when the next read
/// could block, so an interactive session gets its answers at once), each chunk
/// is mapped on `threads` threads, and the results are written before the next
/// chunk is read: memory stays bounded whatever the input size. Returns the
/// number of lines read and of results written.
fn stream_lines<F>(
    out: &mut impl Write,
    threads: usize,
    progress: &mut Progress,
    f: F,
) -> Result<(u64, u64), Fail>
where
    F: Fn(&[u8]) -> Option<String> + Sync,
{
    let mut input = BufReader::with_capacity(1 << 18, io::stdin().lock());
    let mut chunk: Vec<Vec<u8>> = Vec::new();
    let (mut read, mut written) = (0u64, 0u64);
    let mut eof = false;
    while !eof {
        let mut len = 0;
        loop {
            if len == chunk.len() {
                chunk.push(Vec::with_capacity(256));
            }
            let buf = &mut chunk[len];
            buf.clear();
            if input.read_until(b'\n', buf).map_err(Fail::In)? == 0 {
                eof = true;
                break;
            }
            if buf.last() == Some(&b'\n') {
                buf.pop();
                if buf.last() == Some(&b'\r') {
                    buf.pop();
                }
            }
            len += 1;
            if len == CHUNK || input.buffer().is_empty() {
                break;
            }
        }
        let lines = &chunk[..len];
        let results: Vec<Option<String>> = if threads <= 1 || len < 2 * threads {
            lines.iter().map(|l| f(l)).collect()
        } else {
            let f = &f;
            std::thread::scope(|s| {
                let handles: Vec<_> = lines
                    .chunks(len.div_ceil(threads))
                    .map(|part| s.spawn(move || part.iter().map(|l| f(l)).collect::<Vec<_>>()))
                    .collect();
                handles
                    .into_iter()
                    .flat_map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
                    .collect()
            })
        };
        for r in results.into_iter().flatten() {
            out.write_all(r.as_bytes())?;
            out.write_all(b"\n")?;
            written += 1;
        }
        read += len as u64;
        progress.tick(read, written);
        if input.buffer().is_empty() {
            out.flush()?;
        }
        // A very long line must not keep its buffer.
        for b in &mut chunk[..len] {
            if b.capacity() > 1 << 20 {
                *b = Vec::new();
            }
        }
    }
    Ok((read, written))
}

fn thread_count(requested: usize) -> usize {
    if requested > 0 {
        requested
    } else {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    }
}

/// One batch line through `ev` (the contract lives in the library).
fn eval_line(ev: &Evaluator, line: &[u8]) -> String {
    match std::str::from_utf8(line) {
        Ok(s) => ev.evaluate_json(s),
        Err(e) => Response::Error(ErrorResponse {
            id: Value::Null,
            error: ErrorBody {
                kind: ErrorKind::InvalidInput,
                message: format!("the line is not UTF-8: {e}"),
            },
        })
        .to_json(),
    }
}

struct Progress {
    on: bool,
    start: Instant,
    next: u64,
    what: &'static str,
}

impl Progress {
    const EVERY: u64 = 100_000;

    /// Progress on stderr when it is a terminal; `what` names the results written.
    fn new(what: &'static str) -> Progress {
        Progress {
            on: io::stderr().is_terminal(),
            start: Instant::now(),
            next: Self::EVERY,
            what,
        }
    }

    fn line(&self, read: u64, written: u64) -> String {
        let secs = self.start.elapsed().as_secs_f64();
        let rate = read as f64 / secs.max(1e-9);
        let what = if self.what.is_empty() {
            String::new()
        } else {
            format!(", {written} {}", self.what)
        };
        format!("\r{read} lines in {secs:.1} s, {rate:.0} lines/s{what}   ")
    }

    fn tick(&mut self, read: u64, written: u64) {
        if self.on && read >= self.next {
            let _ = write!(io::stderr(), "{}", self.line(read, written));
            self.next = (read / Self::EVERY + 1) * Self::EVERY;
        }
    }

    fn done(&self, read: u64, written: u64) {
        if self.on && (self.next > Self::EVERY || !self.what.is_empty()) {
            let _ = writeln!(io::stderr(), "{}", self.line(read, written));
        }
    }
}

fn cmd_batch(c: BatchCmd, out: &mut impl Write) -> Res {
    let ev = Evaluator::new(calendar(&c.cal)?);
    let mut progress = Progress::new("");
    let (read, written) = stream_lines(out, thread_count(c.threads), &mut progress, |line| {
        Some(eval_line(&ev, line))
    })?;
    progress.done(read, written);
    Ok(())
}

fn cmd_diff(c: DiffCmd, out: &mut impl Write) -> Res {
    let base = Calendar::kazakhstan();
    let old = Evaluator::new(build_calendar(base.with_overlay_file(&c.old)?, &c.week));
    let new = Evaluator::new(build_calendar(base.with_overlay_file(&c.new)?, &c.week));
    let mut progress = Progress::new("changed");
    let (read, written) = stream_lines(out, thread_count(c.threads), &mut progress, |line| {
        let (a, b) = (eval_line(&old, line), eval_line(&new, line));
        (a != b).then(|| {
            let id = serde_json::from_str::<Value>(&a)
                .ok()
                .and_then(|v| v.get("id").cloned())
                .unwrap_or(Value::Null);
            format!("{{\"id\":{id},\"old\":{a},\"new\":{b}}}")
        })
    })?;
    progress.done(read, written);
    Ok(())
}

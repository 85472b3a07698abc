//! `merzim`: the command-line face of the library.
//!
//! It parses arguments, calls the library and formats the answers; every date,
//! term, timeline and batch line is computed by `merzim` itself. Run
//! `cargo run --release --example merzim -- --help`.
//!
//! Install it as a program (into `~/.cargo/bin`) from a checkout:
//!
//! ```text
//! cargo install --path . --example merzim
//! ```
//!
//! One file per command (`calendar`, `due`, `timeline`, `lint`, `batch` with
//! `diff`); the options several commands share are declared once in
//! `options.rs`, the shared pieces of output in `render.rs` and `table.rs`.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use merzim::ErrorKind;

mod batch;
mod calendar;
mod due;
mod help;
mod lint;
mod options;
mod render;
mod table;
mod texts;
mod timeline;

use options::bundled_list;

pub const EXIT_CODES: &str = "\
Exit codes:
  0  success (batch and diff: also when some lines hold errors)
  1  the computation failed: a date outside the calendar's coverage, a bad
     calendar data file or regulation file
  2  bad arguments: an unknown option, a value that cannot be read, a value
     the library rejects (an unknown regulation id, a channel or outcome the
     regulation does not offer, a term of 0 days)
  3  I/O error: a file cannot be read, stdin or stdout failed (a closed
     stdout pipe is not an error: the command stops quietly)
  4  lint: a regulation's step chain does not fit its overall term for some
     submission (the report is printed as usual; 0 when there is nothing to report)";

// The examples of each command, shared by the help in every language.
pub const MAIN_EXAMPLES: &str = "  merzim calendar --year 2026
  merzim due --submitted 2026-03-20T16:30 --term \"22 working days\" --explain
  merzim timeline --regulation east-kazakhstan-2016-land-purpose-change --submitted 2026-03-18T16:30
  merzim lint --regulation all
  echo '{\"id\":\"a1\",\"submitted\":\"2026-03-20T16:30\",\"term\":\"22 working days\"}' | merzim batch";
pub const CALENDAR_EXAMPLES: &str = "  merzim calendar --year 2026 --week five --lang kk
  merzim calendar --year 2024 --balance --lang ru
  merzim calendar --year 2026 --format ics > kz-2026.ics
  merzim calendar --year 2026 --format csv --lang ru > kz-2026.csv
  merzim calendar --year 2026 --as-known-on 2026-01-01";
pub const DUE_EXAMPLES: &str = "  merzim due --submitted 2026-03-20T16:30 --term \"22 working days\"
  merzim due --submitted 2026-03-20T16:30:00+05:00 --term \"30 calendar days\" --channel state_corporation --explain";
pub const TIMELINE_EXAMPLES: &str = "  merzim timeline --regulation east-kazakhstan-2016-land-purpose-change --submitted 2026-03-18T16:30";
pub const LINT_EXAMPLES: &str = "  merzim lint --regulation akmola-2014-land-purpose-change
  merzim lint --regulation all --from 2020 --to 2026 --json";
pub const BATCH_LINES: &str = "  {\"id\": \"a1\", \"submitted\": \"2026-03-20T16:30:00\", \"term\": \"22 working days\", \"channel\": \"provider\", \"start\": \"submission_day\", \"tz\": \"Asia/Almaty\"}
  {\"id\": \"b7\", \"regulation\": \"east-kazakhstan-2016-land-purpose-change\", \"submitted\": \"2026-03-18T16:30:00\", \"channel\": \"portal\", \"outcome\": \"approve\"}";
pub const DIFF_EXAMPLES: &str =
    "  merzim diff --old current.toml --new with-new-order.toml < cases.jsonl
  merzim diff --old-as-known-on 2024-04-01 --new-as-known-on 2024-05-01 < cases.jsonl";
pub const COMPLETIONS_EXAMPLES: &str = "  merzim completions bash > /etc/bash_completion.d/merzim
  merzim completions zsh > \"${fpath[1]}/_merzim\"
  merzim completions fish > ~/.config/fish/completions/merzim.fish";

#[derive(Parser)]
#[command(
    name = "merzim",
    version,
    about = "Deadlines of Kazakh public services: the working-day calendar, legal terms, regulation timelines",
    after_help = format!(
        "Examples:\n{MAIN_EXAMPLES}\n\nTimes are local wall-clock times of the office (--tz, default Asia/Almaty)\n\
         or RFC 3339 instants with an offset (2026-03-20T16:30:00+05:00).\n\n{EXIT_CODES}"
    ),
    arg_required_else_help = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// A year's calendar: month grids, days off with names and sources, working days per month;
    /// the balance of working time; CSV and iCalendar exports.
    #[command(after_help = format!(
        "Examples:\n{CALENDAR_EXAMPLES}\n\n\
         --json prints each day in the library's one form of a day (merzim::Day).\n\n\
         {EXIT_CODES}"
    ))]
    Calendar(calendar::CalendarCmd),
    /// When a legal term expires: registration date, day 1, last day, due instant.
    #[command(after_help = format!("Examples:\n{DUE_EXAMPLES}\n\n{EXIT_CODES}"))]
    Due(due::DueCmd),
    /// A regulation's steps chained for one submission, with its term and refusal due.
    #[command(after_help = format!(
        "Example:\n{TIMELINE_EXAMPLES}\n\n\
         Bundled regulations: {}\n\n{EXIT_CODES}",
        bundled_list()
    ))]
    Timeline(timeline::TimelineCmd),
    /// Does a regulation's step chain fit its overall term for every submission in a range of years?
    /// Exits with 4 when it does not (for CI pipelines), 0 when there is nothing to report.
    #[command(after_help = format!(
        "Examples:\n{LINT_EXAMPLES}\n\n\
         Exit code 4 when a chain does not fit its term; 0 when every chain fits or no regulation states a term.\n\n\
         Bundled regulations: {}\n\n{EXIT_CODES}",
        bundled_list()
    ))]
    Lint(lint::LintCmd),
    /// JSON Lines in on stdin, JSON Lines out on stdout: one result line per input line, in order.
    #[command(after_help = format!(
        "Input lines:\n{BATCH_LINES}\n\
         A line names a regulation by id: a bundled one, or one registered with --regulations FILE.\n\
         A line that fails gives an error line and processing goes on. The lines follow\n\
         docs/batch-request.schema.json and docs/batch-response.schema.json.\n\
         Progress is shown on stderr when it is a terminal.\n\n{EXIT_CODES}"
    ))]
    Batch(batch::BatchCmd),
    /// Which batch cases change between two calendars: two data files, or the calendar as known
    /// on two dates (read on stdin, changed ones printed).
    #[command(after_help = format!(
        "Examples:\n{DIFF_EXAMPLES}\n\n\
         The second shows which deadlines the order of 17.04.2024 (8 May moved to Saturday 4 May) changed.\n\
         Output lines: {{\"id\": ..., \"old\": {{...}}, \"new\": {{...}}}}, only for changed cases.\n\
         The files use the schema of holidays/transfers/YYYY.toml and are layered over the embedded data;\n\
         a side without a file is the embedded data; a side without a date is as known now.\n\
         A line's own \"as_known_on\" field applies to both sides.\n\n{EXIT_CODES}"
    ))]
    Diff(batch::DiffCmd),
    /// Shell completions, generated from the command-line definitions.
    #[command(after_help = format!("Examples:\n{COMPLETIONS_EXAMPLES}"))]
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// The manual page (roff), generated from the command-line definitions.
    #[command(after_help = "Example:\n  merzim man > merzim.1 && man ./merzim.1")]
    Man,
}

/// Why a command failed.
pub enum Fail {
    /// The library refused or failed.
    Lib(merzim::Error),
    /// A bad argument found after parsing.
    Arg(String),
    /// Writing stdout failed.
    Out(io::Error),
    /// Reading stdin failed.
    In(io::Error),
    /// The command ran and its report says something is wrong (lint: exit 4).
    Findings(String),
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

pub type Res = Result<(), Fail>;

/// The exit code of a library error.
fn exit_code(kind: ErrorKind) -> u8 {
    match kind {
        ErrorKind::InvalidInput => 2,
        ErrorKind::Io => 3,
        // OutOfCoverage, InvalidData, InvalidRegulation, Internal and any later kind.
        _ => 1,
    }
}

fn main() -> ExitCode {
    // The language of help and messages is read before parsing, so that
    // clap's help and errors can speak it too.
    let lang = texts::ui_lang();
    let t = texts::texts(lang);
    let parsed = help::localized(Cli::command(), lang)
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let text = help::clap_error(&e, lang);
            let code = e.exit_code();
            if e.use_stderr() {
                let _ = write!(io::stderr(), "{text}");
            } else {
                let _ = write!(io::stdout(), "{text}");
            }
            return ExitCode::from(code.clamp(0, 255) as u8);
        }
    };
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let r = match cli.command {
        Command::Calendar(c) => calendar::run(c, &mut out),
        Command::Due(c) => due::run(c, &mut out),
        Command::Timeline(c) => timeline::run(c, &mut out),
        Command::Lint(c) => lint::run(c, &mut out),
        Command::Batch(c) => batch::run_batch(c, &mut out),
        Command::Diff(c) => batch::run_diff(c, &mut out),
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "merzim", &mut out);
            Ok(())
        }
        // The manual page is English: its sections are roff, written by clap_mangen.
        Command::Man => clap_mangen::Man::new(Cli::command())
            .render(&mut out)
            .map_err(Fail::Out),
    };
    // A report with findings is printed in full before its exit code.
    let r = match r {
        Ok(()) => out.flush().map_err(Fail::Out),
        Err(Fail::Findings(m)) => out.flush().map_err(Fail::Out).and(Err(Fail::Findings(m))),
        Err(e) => Err(e),
    };
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
            let _ = writeln!(err, "{}: {}: {e}", t.error, t.cannot_write_stdout);
            ExitCode::from(3)
        }
        Err(Fail::In(e)) => {
            let _ = writeln!(err, "{}: {}: {e}", t.error, t.cannot_read_stdin);
            ExitCode::from(3)
        }
        Err(Fail::Findings(m)) => {
            let _ = writeln!(err, "{m}");
            ExitCode::from(4)
        }
        Err(Fail::Arg(m)) => {
            let _ = writeln!(err, "{}: {m}\n\n{}", t.error, t.more_info);
            ExitCode::from(2)
        }
        Err(Fail::Lib(e)) => {
            let code = exit_code(e.kind());
            let _ = writeln!(err, "{}: {}", t.error, e.message_in(lang));
            if code == 2 {
                let _ = writeln!(err, "\n{}", t.more_info);
            }
            ExitCode::from(code)
        }
    }
}

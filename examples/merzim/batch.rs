//! `merzim batch` and `merzim diff`: JSON Lines through the library's batch
//! contract ([`merzim::batch::Evaluator`]), streamed in bounded memory.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use clap::{ArgGroup, Args};
use merzim::batch::{Evaluator, Stream, StreamSummary};
use merzim::Calendar;

use crate::options::{date, CalendarOpts, KnownOnOpts, WeekOpts};
use crate::texts::{texts, ui_lang};
use crate::{Fail, Res};

#[derive(Args)]
pub struct BatchCmd {
    #[command(flatten)]
    cal: CalendarOpts,
    /// (A line's own "as_known_on" field wins over this option.)
    #[command(flatten)]
    known: KnownOnOpts,
    #[command(flatten)]
    regulations: RegulationsOpts,
    #[command(flatten)]
    threads: ThreadsOpts,
}

#[derive(Args)]
#[command(group(
    ArgGroup::new("sides")
        .required(true)
        .multiple(true)
        .args(["old", "new", "old_as_known_on", "new_as_known_on"])
))]
pub struct DiffCmd {
    /// The old side's calendar data file, layered over the embedded data
    /// (default: the embedded data alone).
    #[arg(long, value_name = "FILE")]
    old: Option<PathBuf>,
    /// The new side's calendar data file, layered over the embedded data
    /// (default: the embedded data alone).
    #[arg(long, value_name = "FILE")]
    new: Option<PathBuf>,
    /// The old side as known on DATE: only the acts, holiday laws and Kurban Ait
    /// dates known by then (default: as known now).
    #[arg(long, value_name = "DATE", value_parser = date)]
    old_as_known_on: Option<NaiveDate>,
    /// The new side as known on DATE (default: as known now).
    #[arg(long, value_name = "DATE", value_parser = date)]
    new_as_known_on: Option<NaiveDate>,
    #[command(flatten)]
    week: WeekOpts,
    #[command(flatten)]
    regulations: RegulationsOpts,
    #[command(flatten)]
    threads: ThreadsOpts,
}

/// Regulation files the lines may name by id.
#[derive(Args, Clone)]
pub struct RegulationsOpts {
    /// Regulation files (.toml, id = file stem) that lines may name by id, besides
    /// the bundled ones. A line can only name an id: it never makes merzim read a file.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    regulations: Vec<PathBuf>,
}

impl RegulationsOpts {
    /// An evaluator over `calendar` with these regulation files registered.
    fn evaluator(&self, calendar: Calendar) -> Result<Evaluator, Fail> {
        let mut ev = Evaluator::new(calendar);
        for p in &self.regulations {
            ev = ev.with_regulation_file(p)?;
        }
        Ok(ev)
    }
}

/// The most worker threads `--threads` accepts.
const MAX_THREADS: i64 = 256;

#[derive(Args, Clone)]
pub struct ThreadsOpts {
    /// Worker threads, 0..=256 (0: one per CPU). Output order is the input order whatever the count.
    #[arg(long, default_value_t = 0, value_parser = crate::options::whole::<u16>(0, MAX_THREADS))]
    threads: u16,
    /// Print a summary on stderr at the end (lines, errors by kind, time); it is
    /// printed anyway when stderr is a terminal.
    #[arg(long)]
    summary: bool,
}

/// Whether file descriptor 1 was closed when the process started (`>&-`).
///
/// Rust's runtime then opens /dev/null on it before `main`, so every write
/// would "succeed" and a batch's answers would be lost with exit 0. A
/// constructor records the state before the runtime starts.
mod stdout_probe {
    use std::sync::atomic::{AtomicBool, Ordering};

    static CLOSED: AtomicBool = AtomicBool::new(false);

    pub fn closed() -> bool {
        CLOSED.load(Ordering::Relaxed)
    }

    #[cfg(target_os = "linux")]
    mod probe {
        use super::{Ordering, CLOSED};

        extern "C" {
            fn fcntl(fd: i32, cmd: i32, ...) -> i32;
        }

        /// F_GETFD on fd 1: -1 (EBADF) when it is closed.
        extern "C" fn probe() {
            const F_GETFD: i32 = 1;
            // SAFETY: fcntl(F_GETFD) only reads the descriptor's flags.
            if unsafe { fcntl(1, F_GETFD) } == -1 {
                CLOSED.store(true, Ordering::Relaxed);
            }
        }

        #[used]
        #[link_section = ".init_array"]
        static PROBE: extern "C" fn() = probe;
    }
}

/// Refuses to run with stdout closed: the answers could go nowhere.
fn check_stdout() -> Result<(), Fail> {
    if stdout_probe::closed() {
        return Err(Fail::Out(io::Error::other(texts(ui_lang()).stdout_closed)));
    }
    Ok(())
}

/// Progress on stderr while a batch runs (when stderr is a terminal) and
/// the summary at the end.
struct Progress {
    /// Draw the progress bar (stderr is a terminal).
    bar: bool,
    /// Print the summary at the end.
    summary: bool,
    start: Instant,
    last_draw: Option<Instant>,
    /// The input's size in bytes, when stdin is a file.
    total: Option<u64>,
    /// What the written lines are ("answers", "changed").
    what: &'static str,
}

impl Progress {
    /// Redraw at most this often.
    const EVERY: Duration = Duration::from_millis(200);

    fn new(what: &'static str, summary: bool) -> Progress {
        let tty = io::stderr().is_terminal();
        Progress {
            bar: tty,
            summary: summary || tty,
            start: Instant::now(),
            last_draw: None,
            total: stdin_size(),
            what,
        }
    }

    fn tick(&mut self, s: &StreamSummary) {
        let (read, written, bytes) = (s.lines, s.written, s.bytes);
        if !self.bar || self.last_draw.is_some_and(|t| t.elapsed() < Self::EVERY) {
            return;
        }
        self.last_draw = Some(Instant::now());
        let secs = self.start.elapsed().as_secs_f64();
        let rate = read as f64 / secs.max(1e-9);
        let bar = match self.total.filter(|&t| t > 0) {
            Some(total) => {
                let done = (bytes.min(total) as f64 / total as f64 * 30.0) as usize;
                format!(
                    "[{}{}] {:3.0}% ",
                    "#".repeat(done),
                    " ".repeat(30 - done),
                    bytes.min(total) as f64 / total as f64 * 100.0
                )
            }
            None => String::new(),
        };
        let errors = s.error_count();
        let t = texts(ui_lang());
        let counts = t.batch_counts(read, written, self.what, errors);
        let (sec, per_sec) = (t.seconds, t.lines_per_second);
        let _ = write!(
            io::stderr(),
            "\r{bar}{counts}, {secs:.1} {sec}, {rate:.0} {per_sec} "
        );
    }

    /// The summary line (`lines, errors by kind, time`).
    fn summary_line(&self, s: &StreamSummary) -> String {
        let (read, written) = (s.lines, s.written);
        let secs = self.start.elapsed().as_secs_f64();
        let errors = s.error_count();
        let kinds = if errors == 0 {
            String::new()
        } else {
            let parts: Vec<String> = s.errors.iter().map(|(k, n)| format!("{k} {n}")).collect();
            format!(" ({})", parts.join(", "))
        };
        let t = texts(ui_lang());
        let counts = t.batch_counts(read, written, self.what, errors);
        format!("{counts}{kinds}, {secs:.2} {}", t.seconds)
    }

    fn done(&self, s: &StreamSummary) {
        let mut err = io::stderr();
        if self.bar && self.last_draw.is_some() {
            let _ = write!(err, "\r\x1b[2K");
        }
        if self.summary {
            let summary = texts(ui_lang()).summary;
            let _ = writeln!(err, "{summary}: {}", self.summary_line(s));
        }
    }
}

/// The size of stdin when it is a file, for the progress bar.
fn stdin_size() -> Option<u64> {
    use std::os::fd::AsFd;
    io::stdin()
        .as_fd()
        .try_clone_to_owned()
        .ok()
        .map(std::fs::File::from)
        .and_then(|f| f.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
}

/// The output of a stream, remembering whether writing failed: the
/// library's stream returns read and write errors alike, and a failed write
/// (a closed pipe) ends the CLI otherwise than a failed read.
struct Output<'a, W: Write> {
    inner: &'a mut W,
    failed: bool,
}

impl<'a, W: Write> Output<'a, W> {
    fn new(inner: &'a mut W) -> Self {
        Output {
            inner,
            failed: false,
        }
    }

    /// The CLI's failure for a stream's I/O error.
    fn fail(&self, e: io::Error) -> Fail {
        if self.failed {
            Fail::Out(e)
        } else {
            Fail::In(e)
        }
    }
}

impl<W: Write> Write for Output<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let r = self.inner.write(buf);
        self.failed |= r.is_err();
        r
    }

    fn flush(&mut self) -> io::Result<()> {
        let r = self.inner.flush();
        self.failed |= r.is_err();
        r
    }
}

pub fn run_batch(c: BatchCmd, out: &mut impl Write) -> Res {
    check_stdout()?;
    let ev = c
        .regulations
        .evaluator(c.known.apply(c.cal.build()?, merzim::Lang::En)?)?;
    let mut progress = Progress::new("answers", c.threads.summary);
    let mut out = Output::new(out);
    let summary = Stream::new()
        .threads(usize::from(c.threads.threads))
        .run_with(&ev, io::stdin().lock(), &mut out, |s| progress.tick(s))
        .map_err(|e| out.fail(e))?;
    progress.done(&summary);
    Ok(())
}

/// One side of a diff: the embedded data, with `file` layered over it, as known on `known_on`.
fn diff_side(
    week: &WeekOpts,
    file: Option<&PathBuf>,
    known_on: Option<NaiveDate>,
) -> Result<Calendar, Fail> {
    let mut cal = Calendar::kazakhstan();
    if let Some(p) = file {
        cal = cal.with_overlay_file(p)?;
    }
    let known = KnownOnOpts {
        as_known_on: known_on,
    };
    known.apply(week.apply(&cal)?, merzim::Lang::En)
}

pub fn run_diff(c: DiffCmd, out: &mut impl Write) -> Res {
    check_stdout()?;
    let old = c
        .regulations
        .evaluator(diff_side(&c.week, c.old.as_ref(), c.old_as_known_on)?)?;
    let new = c
        .regulations
        .evaluator(diff_side(&c.week, c.new.as_ref(), c.new_as_known_on)?)?;
    let mut progress = Progress::new("changed", c.threads.summary);
    let mut out = Output::new(out);
    let summary = Stream::new()
        .threads(usize::from(c.threads.threads))
        .diff(&old, &new, io::stdin().lock(), &mut out, |s| {
            progress.tick(s)
        })
        .map_err(|e| out.fail(e))?;
    progress.done(&summary);
    Ok(())
}

//! `merzim batch` and `merzim diff`: JSON Lines through the library's batch
//! contract ([`merzim::batch::Evaluator`]), streamed in bounded memory.

use std::collections::BTreeMap;
use std::io::{self, BufRead, BufReader, IsTerminal, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use clap::{ArgGroup, Args};
use merzim::batch::Evaluator;
use merzim::{Calendar, ErrorKind};

use crate::options::{date, CalendarOpts, KnownOnOpts, WeekOpts};
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
    #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u16).range(0..=MAX_THREADS))]
    threads: u16,
    /// Print a summary on stderr at the end (lines, errors by kind, time); it is
    /// printed anyway when stderr is a terminal.
    #[arg(long)]
    summary: bool,
}

impl ThreadsOpts {
    fn count(&self) -> usize {
        if self.threads > 0 {
            self.threads as usize
        } else {
            std::thread::available_parallelism().map_or(1, |n| n.get())
        }
    }
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
        return Err(Fail::Out(io::Error::other(
            "stdout is closed: the answers would be lost",
        )));
    }
    Ok(())
}

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
    F: Fn(&[u8]) -> (Option<String>, Option<ErrorKind>) + Sync,
{
    let stdin = io::stdin();
    // The size of the input when it is a file, for the progress bar.
    progress.total = {
        use std::os::fd::AsFd;
        stdin
            .as_fd()
            .try_clone_to_owned()
            .ok()
            .map(std::fs::File::from)
            .and_then(|f| f.metadata().ok())
            .filter(|m| m.is_file())
            .map(|m| m.len())
    };
    let mut input = BufReader::with_capacity(1 << 18, stdin.lock());
    let mut bytes = 0u64;
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
            let n = read_line_bounded(&mut input, buf).map_err(Fail::In)?;
            if n == 0 {
                eof = true;
                break;
            }
            bytes += n as u64;
            // The line without its newline; a `\r` before it, a BOM, bad UTF-8
            // and over-long lines are the contract's business (`evaluate_bytes`).
            if buf.last() == Some(&b'\n') {
                buf.pop();
            }
            len += 1;
            if len == CHUNK || input.buffer().is_empty() {
                break;
            }
        }
        let lines = &chunk[..len];
        let results: Vec<(Option<String>, Option<ErrorKind>)> = if threads <= 1 || len < 2 * threads
        {
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
        for (r, kind) in results {
            if let Some(k) = kind {
                progress.error(k);
            }
            if let Some(r) = r {
                out.write_all(r.as_bytes())?;
                out.write_all(b"\n")?;
                written += 1;
            }
        }
        read += len as u64;
        progress.tick(read, written, bytes);
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

/// Bytes of a line kept: more than the contract's limit, so that an
/// over-long line is still answered (as too long, with its id when the
/// start shows it), while a stream without newlines never grows memory.
const KEEP: usize = merzim::batch::MAX_LINE_BYTES + 3;

/// `read_until(b'\n')` that keeps at most [`KEEP`] bytes of the line in `buf`
/// and skips the rest; returns the bytes consumed (0 at the end of input).
fn read_line_bounded(input: &mut impl BufRead, buf: &mut Vec<u8>) -> io::Result<u64> {
    let mut consumed = 0u64;
    loop {
        let (done, used) = {
            let avail = match input.fill_buf() {
                Ok(a) => a,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if avail.is_empty() {
                return Ok(consumed);
            }
            let (done, used) = match avail.iter().position(|&b| b == b'\n') {
                Some(i) => (true, i + 1),
                None => (false, avail.len()),
            };
            let room = KEEP.saturating_sub(buf.len());
            buf.extend_from_slice(&avail[..used.min(room)]);
            if done && used > room && buf.last() != Some(&b'\n') {
                // Cut: still end the kept part as a line.
                buf.push(b'\n');
            }
            (done, used)
        };
        input.consume(used);
        consumed += used as u64;
        if done {
            return Ok(consumed);
        }
    }
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
    errors: BTreeMap<&'static str, u64>,
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
            total: None,
            what,
            errors: BTreeMap::new(),
        }
    }

    fn error(&mut self, kind: ErrorKind) {
        *self.errors.entry(kind.as_str()).or_insert(0) += 1;
    }

    fn tick(&mut self, read: u64, written: u64, bytes: u64) {
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
        let errors: u64 = self.errors.values().sum();
        let _ = write!(
            io::stderr(),
            "\r{bar}{read} lines, {written} {}, {errors} errors, {secs:.1} s, {rate:.0} lines/s ",
            self.what
        );
    }

    /// The summary line (`lines, errors by kind, time`).
    fn summary_line(&self, read: u64, written: u64) -> String {
        let secs = self.start.elapsed().as_secs_f64();
        let errors: u64 = self.errors.values().sum();
        let kinds = if errors == 0 {
            String::new()
        } else {
            let parts: Vec<String> = self
                .errors
                .iter()
                .map(|(k, n)| format!("{k} {n}"))
                .collect();
            format!(" ({})", parts.join(", "))
        };
        format!(
            "{read} lines, {written} {}, {errors} errors{kinds}, {secs:.2} s",
            self.what
        )
    }

    fn done(&self, read: u64, written: u64) {
        let mut err = io::stderr();
        if self.bar && self.last_draw.is_some() {
            let _ = write!(err, "\r\x1b[2K");
        }
        if self.summary {
            let _ = writeln!(err, "summary: {}", self.summary_line(read, written));
        }
    }
}

pub fn run_batch(c: BatchCmd, out: &mut impl Write) -> Res {
    check_stdout()?;
    let ev = c.regulations.evaluator(c.known.apply(c.cal.build()?)?)?;
    let mut progress = Progress::new("answers", c.threads.summary);
    let (read, written) = stream_lines(out, c.threads.count(), &mut progress, |line| {
        let r = ev.evaluate_bytes(line);
        (Some(r.to_json()), r.error_kind())
    })?;
    progress.done(read, written);
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
    known.apply(week.apply(&cal)?)
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
    let (read, written) = stream_lines(out, c.threads.count(), &mut progress, |line| {
        let a = old.evaluate_bytes(line);
        let b = new.evaluate_bytes(line);
        let (ja, jb) = (a.to_json(), b.to_json());
        let changed =
            (ja != jb).then(|| format!("{{\"id\":{},\"old\":{ja},\"new\":{jb}}}", a.id()));
        (changed, b.error_kind())
    })?;
    progress.done(read, written);
    Ok(())
}

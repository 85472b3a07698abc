//! `merzim batch` and `merzim diff`: JSON Lines through the library's batch
//! contract ([`merzim::batch::Evaluator`]), streamed in bounded memory.

use std::io::{self, BufRead, BufReader, IsTerminal, Write};
use std::path::PathBuf;
use std::time::Instant;

use clap::Args;
use merzim::batch::Evaluator;
use merzim::Calendar;

use crate::options::{CalendarOpts, WeekOpts};
use crate::{Fail, Res};

#[derive(Args)]
pub struct BatchCmd {
    #[command(flatten)]
    cal: CalendarOpts,
    #[command(flatten)]
    regulations: RegulationsOpts,
    #[command(flatten)]
    threads: ThreadsOpts,
}

#[derive(Args)]
pub struct DiffCmd {
    /// The old calendar data file.
    #[arg(long, value_name = "FILE")]
    old: PathBuf,
    /// The new calendar data file.
    #[arg(long, value_name = "FILE")]
    new: PathBuf,
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

#[derive(Args, Clone)]
pub struct ThreadsOpts {
    /// Worker threads (0: one per CPU). Output order is the input order whatever the count.
    #[arg(long, default_value_t = 0)]
    threads: usize,
}

impl ThreadsOpts {
    fn count(&self) -> usize {
        if self.threads > 0 {
            self.threads
        } else {
            std::thread::available_parallelism().map_or(1, |n| n.get())
        }
    }
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

pub fn run_batch(c: BatchCmd, out: &mut impl Write) -> Res {
    let ev = c.regulations.evaluator(c.cal.build()?)?;
    let mut progress = Progress::new("");
    let (read, written) = stream_lines(out, c.threads.count(), &mut progress, |line| {
        Some(ev.evaluate_bytes(line).to_json())
    })?;
    progress.done(read, written);
    Ok(())
}

pub fn run_diff(c: DiffCmd, out: &mut impl Write) -> Res {
    let base = Calendar::kazakhstan();
    let old = c
        .regulations
        .evaluator(c.week.apply(&base.with_overlay_file(&c.old)?)?)?;
    let new = c
        .regulations
        .evaluator(c.week.apply(&base.with_overlay_file(&c.new)?)?)?;
    let mut progress = Progress::new("changed");
    let (read, written) = stream_lines(out, c.threads.count(), &mut progress, |line| {
        let a = old.evaluate_bytes(line);
        let (ja, jb) = (a.to_json(), new.evaluate_bytes(line).to_json());
        (ja != jb).then(|| format!("{{\"id\":{},\"old\":{ja},\"new\":{jb}}}", a.id()))
    })?;
    progress.done(read, written);
    Ok(())
}

//! [`Stream`]: JSON Lines through an [`Evaluator`], in order, in bounded
//! memory, on several threads. The CLI's `batch` and `diff`, the Python
//! package and the HTTP service all stream with this code.

use std::io::{self, BufRead, BufReader, Read, Write};

use super::{Evaluator, Id, Response};
use crate::ErrorKind;

/// Lines a chunk holds at most.
const CHUNK: usize = 4096;

/// Bytes of a line kept: more than the contract's limit, so that an
/// over-long line is still answered (as too long, with its id when its start
/// shows it), while a stream without newlines never grows memory.
const KEEP: usize = super::MAX_LINE_BYTES + 3;

/// How a stream went: counts for a progress bar and a summary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct StreamSummary {
    /// Lines read.
    pub lines: u64,
    /// Lines written (for a diff: the changed cases).
    pub written: u64,
    /// Bytes read.
    pub bytes: u64,
    /// Error lines by kind, in the order of [`ErrorKind::ALL`].
    pub errors: Vec<(ErrorKind, u64)>,
}

impl StreamSummary {
    /// The number of error lines.
    pub fn error_count(&self) -> u64 {
        self.errors.iter().map(|&(_, n)| n).sum()
    }

    fn count_error(&mut self, kind: ErrorKind) {
        match self.errors.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, n)) => *n += 1,
            None => {
                self.errors.push((kind, 1));
                let rank = |k: &ErrorKind| ErrorKind::ALL.iter().position(|x| x == k);
                self.errors.sort_by_key(|(k, _)| rank(k));
            }
        }
    }
}

/// Streams the lines of the batch contract: one answer per input line, in
/// input order, whatever the number of threads.
///
/// Lines are read in chunks (at most 4,096 lines, fewer when the next read
/// could block, so that an interactive session gets its answers at once),
/// each chunk is answered on the threads, and its answers are written before
/// the next chunk is read: memory stays bounded whatever the input's size. A
/// line longer than [`MAX_LINE_BYTES`](super::MAX_LINE_BYTES) is answered as
/// too long, and no more of it is kept.
///
/// ```
/// use merzim::batch::{Evaluator, Stream};
/// let ev = Evaluator::new(merzim::Calendar::kazakhstan());
/// let input = b"{\"id\": 1, \"submitted\": \"2026-03-20T16:30\", \"term\": \"1 working day\"}\nnot json\n";
/// let mut out = Vec::new();
/// let summary = Stream::new().threads(2).run(&ev, &input[..], &mut out)?;
/// let text = String::from_utf8(out).unwrap();
/// assert_eq!(text.lines().count(), 2);
/// assert!(text.starts_with(r#"{"id":1,"#));
/// assert_eq!((summary.lines, summary.error_count()), (2, 1));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Stream {
    threads: usize,
}

impl Default for Stream {
    fn default() -> Stream {
        Stream::new()
    }
}

impl Stream {
    /// A stream on one thread.
    pub fn new() -> Stream {
        Stream { threads: 1 }
    }

    /// This stream on `n` threads (0: one per CPU).
    pub fn threads(self, n: usize) -> Stream {
        let threads = if n == 0 {
            std::thread::available_parallelism().map_or(1, |n| n.get())
        } else {
            n
        };
        Stream { threads }
    }

    /// Answers every line of `input` with `evaluator`, writing one answer
    /// line per input line to `output`.
    ///
    /// # Errors
    ///
    /// An I/O error reading `input` or writing `output` (a bad line is an
    /// error line of the output, not an error of the stream).
    pub fn run(
        &self,
        evaluator: &Evaluator,
        input: impl Read,
        output: impl Write,
    ) -> io::Result<StreamSummary> {
        self.run_with(evaluator, input, output, |_| {})
    }

    /// [`run`](Stream::run), calling `progress` after each chunk.
    ///
    /// # Errors
    ///
    /// As [`run`](Stream::run).
    pub fn run_with(
        &self,
        evaluator: &Evaluator,
        input: impl Read,
        output: impl Write,
        progress: impl FnMut(&StreamSummary),
    ) -> io::Result<StreamSummary> {
        self.lines(input, output, progress, |line| {
            let r = evaluator.evaluate_bytes(line);
            (Some(r.to_json()), r.error_kind())
        })
    }

    /// Which cases change between two evaluators (two calendars, or one
    /// calendar as known on two dates): each line is answered by both, and
    /// only the cases whose answers differ are written, as
    /// `{"id": …, "old": {…}, "new": {…}}`. Error kinds counted are those of
    /// `new`.
    ///
    /// # Errors
    ///
    /// As [`run`](Stream::run).
    pub fn diff(
        &self,
        old: &Evaluator,
        new: &Evaluator,
        input: impl Read,
        output: impl Write,
        progress: impl FnMut(&StreamSummary),
    ) -> io::Result<StreamSummary> {
        self.lines(input, output, progress, |line| {
            let (a, b) = (old.evaluate_bytes(line), new.evaluate_bytes(line));
            let kind = b.error_kind();
            ((a != b).then(|| changed_line(a.id(), &a, &b)), kind)
        })
    }

    /// Streams `input` line by line through `f`, writing its answers in
    /// input order.
    fn lines<F>(
        &self,
        input: impl Read,
        output: impl Write,
        mut progress: impl FnMut(&StreamSummary),
        f: F,
    ) -> io::Result<StreamSummary>
    where
        F: Fn(&[u8]) -> (Option<String>, Option<ErrorKind>) + Sync,
    {
        let mut input = BufReader::with_capacity(1 << 18, input);
        let mut output = Patient(output);
        let mut summary = StreamSummary::default();
        let mut chunk: Vec<Vec<u8>> = Vec::new();
        let mut eof = false;
        while !eof {
            let mut len = 0;
            loop {
                if len == chunk.len() {
                    chunk.push(Vec::with_capacity(256));
                }
                let buf = &mut chunk[len];
                buf.clear();
                let n = read_line_bounded(&mut input, buf)?;
                if n == 0 {
                    eof = true;
                    break;
                }
                summary.bytes += n;
                // The line without its newline; a `\r` before it, a BOM, bad
                // UTF-8 and over-long lines are the contract's business.
                if buf.last() == Some(&b'\n') {
                    buf.pop();
                }
                len += 1;
                if len == CHUNK || input.buffer().is_empty() {
                    break;
                }
            }
            let answers = self.map(&chunk[..len], &f);
            for (line, kind) in answers {
                if let Some(k) = kind {
                    summary.count_error(k);
                }
                if let Some(line) = line {
                    output.write_all(line.as_bytes())?;
                    output.write_all(b"\n")?;
                    summary.written += 1;
                }
            }
            summary.lines += len as u64;
            output.flush()?;
            progress(&summary);
            // A very long line must not keep its buffer.
            for b in &mut chunk[..len] {
                if b.capacity() > 1 << 20 {
                    *b = Vec::new();
                }
            }
        }
        Ok(summary)
    }

    /// `f` over the lines, in order, on the stream's threads.
    fn map<F, T>(&self, lines: &[Vec<u8>], f: &F) -> Vec<T>
    where
        F: Fn(&[u8]) -> T + Sync,
        T: Send,
    {
        let threads = self.threads;
        if threads <= 1 || lines.len() < 2 * threads {
            return lines.iter().map(|l| f(l)).collect();
        }
        std::thread::scope(|s| {
            let handles: Vec<_> = lines
                .chunks(lines.len().div_ceil(threads))
                .map(|part| s.spawn(move || part.iter().map(|l| f(l)).collect::<Vec<_>>()))
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
                .collect()
        })
    }
}

/// A writer that waits when its output would block (a non-blocking pipe,
/// `EAGAIN`) instead of failing, as a blocking one would.
struct Patient<W>(W);

impl<W: Write> Patient<W> {
    fn again<T>(mut f: impl FnMut() -> io::Result<T>) -> io::Result<T> {
        loop {
            match f() {
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                    std::thread::sleep(std::time::Duration::from_millis(1));
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                r => return r,
            }
        }
    }
}

impl<W: Write> Write for Patient<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let w = &mut self.0;
        Self::again(|| w.write(buf))
    }

    fn flush(&mut self) -> io::Result<()> {
        let w = &mut self.0;
        Self::again(|| w.flush())
    }
}

/// The diff line of a changed case.
fn changed_line(id: &Id, old: &Response, new: &Response) -> String {
    format!(
        "{{\"id\":{},\"old\":{},\"new\":{}}}",
        id.as_json(),
        old.to_json(),
        new.to_json()
    )
}

/// `read_until(b'\n')` that keeps at most [`KEEP`] bytes of the line in
/// `buf` and skips the rest; returns the bytes consumed (0 at the end of
/// input). A read interrupted or that would block is retried.
fn read_line_bounded(input: &mut impl BufRead, buf: &mut Vec<u8>) -> io::Result<u64> {
    let mut consumed = 0u64;
    loop {
        let (done, used) = {
            let avail = match input.fill_buf() {
                Ok(a) => a,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                    std::thread::sleep(std::time::Duration::from_millis(1));
                    continue;
                }
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

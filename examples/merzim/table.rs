//! Text helpers of the CLI: aligned tables, times and durations for people.

use chrono::{Datelike, NaiveDateTime};
use merzim::{Lang, Zone};

/// Display width of a string (the scripts used here are all single-width).
pub fn width(s: &str) -> usize {
    s.chars().count()
}

/// `s` cut to at most `max` characters, with an ellipsis when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// A table with a header row; columns padded to their widest cell.
pub struct Table {
    headers: Vec<String>,
    right: Vec<bool>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// Columns named by `headers`; a header starting with '>' is right-aligned.
    pub fn new(headers: &[&str]) -> Table {
        Table {
            headers: headers
                .iter()
                .map(|h| h.trim_start_matches('>').to_string())
                .collect(),
            right: headers.iter().map(|h| h.starts_with('>')).collect(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    /// Each column's first and last-plus-one character position in the
    /// rendered lines (with `indent`).
    pub fn spans(&self, indent: usize) -> Vec<(usize, usize)> {
        let mut at = indent;
        self.widths()
            .into_iter()
            .map(|w| {
                let span = (at, at + w);
                at += w + 2;
                span
            })
            .collect()
    }

    fn widths(&self) -> Vec<usize> {
        let n = self.headers.len();
        let mut w: Vec<usize> = self.headers.iter().map(|h| width(h)).collect();
        for r in &self.rows {
            for (i, c) in r.iter().enumerate().take(n) {
                w[i] = w[i].max(width(c));
            }
        }
        w
    }

    /// The table as lines, each indented by `indent` spaces, trailing spaces trimmed.
    pub fn render(&self, indent: usize) -> String {
        let n = self.headers.len();
        let w = self.widths();
        let line = |cells: &[String]| {
            let mut s = " ".repeat(indent);
            for (i, c) in cells.iter().enumerate().take(n) {
                let pad = " ".repeat(w[i] - width(c));
                if i > 0 {
                    s.push_str("  ");
                }
                if self.right[i] {
                    s.push_str(&pad);
                    s.push_str(c);
                } else {
                    s.push_str(c);
                    s.push_str(&pad);
                }
            }
            s.trim_end().to_string() + "\n"
        };
        let mut out = line(&self.headers);
        for r in &self.rows {
            out.push_str(&line(r));
        }
        out
    }
}

/// `2026-03-18 16:45` (`18.03.2026 16:45` in Kazakh and Russian), with
/// ` +05:00` when `offset` is set.
pub fn time(z: Zone, t: NaiveDateTime, offset: bool, lang: Lang) -> String {
    // The instant the library reports (JSON: `to_rfc3339`): inside a gap of the
    // zone the wall time does not exist and the instant reads later.
    let at = z.resolve(t).0;
    let clock = if offset { "%H:%M %:z" } else { "%H:%M" };
    format!("{} {}", lang.format_date(at.date_naive()), at.format(clock))
}

/// `2026-04-16 18:30 +05:00 (Thu)` with the date and weekday in the language of `t`.
pub fn time_long_in(z: Zone, t: NaiveDateTime, texts: &crate::texts::Texts) -> String {
    format!(
        "{} ({})",
        time(z, t, true, texts.lang),
        texts.wd(z.resolve(t).0.weekday())
    )
}

/// Whether the zone's offset differs between any of `times`.
pub fn offsets_differ(z: Zone, times: impl IntoIterator<Item = NaiveDateTime>) -> bool {
    let mut first = None;
    for t in times {
        let o = z.resolve(t).0.offset().local_minus_utc();
        match first {
            None => first = Some(o),
            Some(f) if f != o => return true,
            _ => {}
        }
    }
    false
}

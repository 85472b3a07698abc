//! Shared pieces of the human and JSON answers: explanations, key–value
//! lines, zone notes, pretty JSON.

use std::io::{self, Write};

use chrono::NaiveDateTime;
use merzim::{DayKind, Lang, SkipReason, Skipped, Zone};
use serde::Serialize;

use crate::texts::texts;

/// `value` as pretty JSON and a newline.
pub fn write_json(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(io::Error::from)?;
    writeln!(out, "{}", merzim::safe_text::for_json_lines(text))
}

/// The skipped time, condensed: consecutive days off as one run (weekends
/// only counted, named days listed with their names and acts), and the
/// nights and lunch breaks summarised (listed only when there are one or two).
pub fn write_explain(out: &mut impl Write, skipped: &[Skipped], lang: Lang) -> io::Result<()> {
    let t = texts(lang);
    let is_day_off = |s: &Skipped| matches!(s.reason, SkipReason::DayOff(_));
    if skipped.is_empty() {
        writeln!(out, "  {}", t.nothing_skipped)?;
        return Ok(());
    }
    // Runs of consecutive days off.
    let days: Vec<&Skipped> = skipped.iter().filter(|s| is_day_off(s)).collect();
    let mut runs: Vec<Vec<&Skipped>> = Vec::new();
    for s in days {
        match runs.last_mut() {
            Some(r) if r.last().and_then(|l| l.from.date().succ_opt()) == Some(s.from.date()) => {
                r.push(s)
            }
            _ => runs.push(vec![s]),
        }
    }
    for run in &runs {
        let (a, b) = (run[0].from.date(), run[run.len() - 1].from.date());
        let weekend_only = run
            .iter()
            .all(|s| s.reason == SkipReason::DayOff(DayKind::Weekend));
        if run.len() == 1 && !weekend_only {
            writeln!(out, "  {}", run[0].describe(lang))?;
            continue;
        }
        let span = if a == b {
            t.day(a)
        } else {
            format!("{} – {}", t.day(a), t.day(b))
        };
        if weekend_only {
            let what = if run.len() == 1 {
                t.kind(DayKind::Weekend)
            } else {
                t.weekend_run
            };
            writeln!(out, "  {span}: {what}")?;
            continue;
        }
        writeln!(out, "  {span}: {}", t.fill(t.days_off_run, &[&run.len()]))?;
        for s in run {
            if s.reason != SkipReason::DayOff(DayKind::Weekend) {
                writeln!(out, "    {}", s.describe(lang))?;
            }
        }
    }
    // Hours outside the office: listed when few, else counted.
    let hours: Vec<&Skipped> = skipped.iter().filter(|s| !is_day_off(s)).collect();
    if hours.len() <= 2 {
        for s in &hours {
            writeln!(out, "  {}", s.describe(lang))?;
        }
    } else {
        let lunch: Vec<&&Skipped> = hours
            .iter()
            .filter(|s| s.reason == SkipReason::Lunch)
            .collect();
        let after = hours.len() - lunch.len();
        if after > 0 {
            let n = t.count(after, t.stretch_forms);
            writeln!(out, "  {}", t.fill(t.nights, &[&n]))?;
        }
        if !lunch.is_empty() {
            let mut line = t.fill(t.lunch_breaks, &[&lunch.len()]);
            let first = (lunch[0].from.time(), lunch[0].to.time());
            if lunch.iter().all(|s| (s.from.time(), s.to.time()) == first) {
                line.push_str(&format!(
                    " × {}–{}",
                    first.0.format("%H:%M"),
                    first.1.format("%H:%M")
                ));
            }
            writeln!(out, "  {line}")?;
        }
    }
    Ok(())
}

/// `key` padded to `width` columns, then `value`.
pub fn kv_w(
    out: &mut (impl Write + ?Sized),
    width: usize,
    key: &str,
    value: impl std::fmt::Display,
) -> io::Result<()> {
    let pad = width.saturating_sub(key.chars().count()).max(1);
    writeln!(out, "{key}{}{value}", " ".repeat(pad))
}

/// A note when `local` falls in a gap or an overlap of the zone.
pub fn zone_note(
    out: &mut impl Write,
    z: Zone,
    local: NaiveDateTime,
    lang: Lang,
) -> io::Result<()> {
    if let Some(n) = z.resolve(local).1 {
        writeln!(out, "{}: {}", texts(lang).note, n.describe(lang))?;
    }
    Ok(())
}

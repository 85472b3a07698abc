//! Shared pieces of the human and JSON answers: explanations, key–value
//! lines, zone notes, pretty JSON.

use std::io::{self, Write};

use chrono::NaiveDateTime;
use merzim::{Lang, SkipReason, Skipped, Zone};
use serde::Serialize;
use serde_json::{json, Value};

/// `value` as pretty JSON and a newline.
pub fn write_json(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::from)?;
    writeln!(out)
}

fn reason_str(r: SkipReason) -> &'static str {
    match r {
        SkipReason::Lunch => "lunch",
        SkipReason::AfterHours => "after_hours",
        SkipReason::DayOff(k) => k.as_str(),
        _ => "other",
    }
}

/// One skipped stretch in the `explain` array of `due` and `timeline`.
pub fn skipped_json(z: Zone, s: &Skipped, lang: Lang) -> Value {
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

/// The `explain` array.
pub fn explain_json(z: Zone, skipped: &[Skipped], lang: Lang) -> Value {
    skipped.iter().map(|s| skipped_json(z, s, lang)).collect()
}

/// Days off one by one; lunch breaks and nights counted, or listed when few.
pub fn write_explain(out: &mut impl Write, skipped: &[Skipped], lang: Lang) -> io::Result<()> {
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

/// `key` padded to a column, then `value`.
pub fn kv(out: &mut impl Write, key: &str, value: impl std::fmt::Display) -> io::Result<()> {
    writeln!(out, "{key:<14}{value}")
}

/// A note when `local` falls in a gap or an overlap of the zone.
pub fn zone_note(out: &mut impl Write, z: Zone, local: NaiveDateTime) -> io::Result<()> {
    if let Some(n) = z.resolve(local).1 {
        writeln!(out, "note: {n}")?;
    }
    Ok(())
}

//! `merzim timeline`: a regulation's steps chained for one submission.

use std::io::Write;

use clap::Args;
use merzim::{OfficeTime, Outcome, Submitted};
use serde_json::json;

use crate::options::{lib, named, regulation, CalendarOpts, ChannelOpts, OfficeOpts, OutputOpts};
use crate::render::{explain_json, kv, write_explain, write_json, zone_note};
use crate::table::{minutes, offsets_differ, time, time_long, truncate, yes_no, Table};
use crate::Res;

#[derive(Args)]
pub struct TimelineCmd {
    /// A bundled regulation's id or a path to a regulation file (.toml).
    #[arg(long, value_name = "ID|PATH")]
    regulation: String,
    /// When the documents were submitted: local time 2026-03-18T16:30 or an instant 2026-03-18T16:30:00+05:00.
    #[arg(long, value_name = "TIME", value_parser = lib::<Submitted>)]
    submitted: Submitted,
    #[command(flatten)]
    channel: ChannelOpts,
    /// Which result the chain leads to.
    #[arg(long, default_value = "approve", value_parser = named::<Outcome>())]
    outcome: Outcome,
    #[command(flatten)]
    office: OfficeOpts,
    #[command(flatten)]
    cal: CalendarOpts,
    /// Also list the days and hours that did not count, with the holidays' names and acts.
    #[arg(long)]
    explain: bool,
    #[command(flatten)]
    output: OutputOpts,
}

pub fn run(c: TimelineCmd, out: &mut impl Write) -> Res {
    let cal = c.cal.build()?;
    let office = OfficeTime::new(&cal, c.office.hours.schedule.clone())?;
    let reg = regulation(&c.regulation)?;
    let z = c.office.tz;
    let channel = c.channel.channel;
    let local = z.local_of(c.submitted)?;
    let tl = reg.timeline(&office, local, channel, c.outcome)?;
    let span_end = tl.term_due.map_or(tl.end, |d| d.max(tl.end));
    let skipped = if c.explain {
        Some(office.explain(local, span_end)?)
    } else {
        None
    };
    let lang = c.output.lang;
    let step = |n: u32| reg.steps.iter().find(|s| s.number == n);
    if c.output.json {
        let mut j = json!({
            "regulation": reg.id,
            "title": reg.title,
            "channel": channel.as_str(),
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
            j["explain"] = explain_json(z, s, lang);
        }
        write_json(out, &j)?;
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
        channel.as_str(),
        c.outcome.as_str()
    )?;
    writeln!(out)?;
    let times = tl.steps.iter().flat_map(|s| [s.start, s.end]);
    let offset = offsets_differ(z, times);
    let mut t = Table::new(&[">No", "Actor", "Duration", "Start", "End"]);
    for s in &tl.steps {
        let actor = step(s.number)
            .map(|x| x.actor.get(lang).to_string())
            .unwrap_or_default();
        t.row(vec![
            s.number.to_string(),
            truncate(&actor, 40),
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
                minutes((d - tl.end).num_minutes()).trim_start_matches('+')
            ),
        )?,
        (Some(false), Some(d)) => kv(
            out,
            "Within term",
            format!(
                "no (the chain ends {} after the term due)",
                minutes((tl.end - d).num_minutes()).trim_start_matches('+')
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

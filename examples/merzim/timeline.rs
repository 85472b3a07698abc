//! `merzim timeline`: a regulation's steps chained for one submission.

use std::io::Write;

use clap::Args;
use merzim::batch::{Id, RegulationResponse, SkippedResponse};
use merzim::{Channel, OfficeTime, Outcome, StartRule, TimelineOptions};

use crate::options::{
    named, regulation, when, CalendarOpts, ChannelOpts, ExplainOpts, KnownOnOpts, OfficeOpts,
    OutputOpts, Resolved, When,
};
use crate::render::{kv_w, write_explain, write_json, zone_note};
use crate::table::{offsets_differ, time, time_long_in, truncate, Table};
use crate::texts::{texts, wrap};
use crate::Res;

#[derive(Args)]
pub struct TimelineCmd {
    /// A bundled regulation's id or a path to a regulation file (.toml).
    #[arg(long, value_name = "ID|PATH")]
    regulation: String,
    /// When the documents were submitted, in the office's zone (--tz): local time 2026-03-18T16:30
    /// or 18.03.2026 16:30, an instant 2026-03-18T16:30:00+05:00, or `now`.
    #[arg(long, value_name = "TIME", value_parser = when)]
    submitted: When,
    #[command(flatten)]
    channel: ChannelOpts,
    /// Which result the chain leads to.
    #[arg(long, default_value = "approve", value_parser = named::<Outcome>())]
    outcome: Outcome,
    /// Day 1 of the overall term: the submission day (as the regulations say, "со дня сдачи") or the next day (Civil Code art. 173).
    #[arg(long, default_value = "submission_day", value_parser = named::<StartRule>())]
    term_start: StartRule,
    /// Day 1 of the two working days of a refusal for incomplete documents: the submission day or the next day.
    #[arg(long, default_value = "submission_day", value_parser = named::<StartRule>())]
    refusal_start: StartRule,
    #[command(flatten)]
    office: OfficeOpts,
    #[command(flatten)]
    cal: CalendarOpts,
    #[command(flatten)]
    known: KnownOnOpts,
    #[command(flatten)]
    explain: ExplainOpts,
    #[command(flatten)]
    output: OutputOpts,
}

pub fn run(c: TimelineCmd, out: &mut impl Write) -> Res {
    let cal = c.known.apply(c.cal.build()?, c.output.lang())?;
    let office = OfficeTime::new(&cal, c.office.hours.schedule.clone())?.with_zone(c.office.tz);
    let reg = regulation(&c.regulation)?;
    let z = c.office.tz;
    let channel = c.channel.channel;
    let local = match c.submitted.in_zone(z) {
        Resolved::At(s) => z.local_of(s)?,
        Resolved::Date(d) => {
            let dd = d.format("%d.%m.%Y");
            return Err(crate::Fail::Arg(c.output.lang().pick(
                format!(
                    "--submitted {dd}: регламенттің рәсімдеріне тәулік уақыты керек (олар одан \
                     бастап жұмыс сағаттарын санайды), мысалы, {dd} 10:00 немесе now"
                ),
                format!(
                    "--submitted {dd}: для процедур регламента нужно время суток (от него \
                     отсчитываются часы приёма), например {dd} 10:00 или now"
                ),
                format!(
                    "--submitted {d}: a regulation's timeline needs a time of day (its steps count \
                     office hours from it), e.g. {d}T10:00 or {dd} 10:00, or now"
                ),
            )));
        }
    };
    let options = TimelineOptions {
        term_start: c.term_start,
        refusal_start: c.refusal_start,
    };
    let tl = reg.timeline_with(&office, local, channel, c.outcome, options)?;
    let span_end = tl.span_end();
    let skipped = if c.explain.explain {
        Some(office.explain(local, span_end)?)
    } else {
        None
    };
    let lang = c.output.lang();
    if c.output.json {
        // The library's one form of the result (a batch line's answer).
        let mut r = RegulationResponse::new_in(Id::null(), &tl, lang);
        r.explain = skipped.map(|s| SkippedResponse::list(&s, z, lang));
        write_json(out, &r)?;
        return Ok(());
    }
    let t = texts(lang);
    let w = t.kv_width();
    let kv = |out: &mut dyn Write, k: &str, v: String| kv_w(out, w, k, v);
    writeln!(out, "{} — {}", reg.id, reg.title.get(lang))?;
    writeln!(out, "{}", reg.act.render(lang))?;
    writeln!(
        out,
        "{}",
        t.fill(
            t.channel_outcome,
            &[
                &time_long_in(z, local, t),
                &z.name(),
                &channel.label(lang),
                &c.outcome.label(lang)
            ]
        )
    )?;
    writeln!(out)?;
    let times = tl.steps.iter().flat_map(|s| [s.start, s.end]);
    let offset = offsets_differ(z, times);
    let h = &t.steps_header;
    let mut tab = Table::new(&[&format!(">{}", h[0]), h[1], h[2], h[3], h[4]]);
    for s in &tl.steps {
        let actor = s.actor.get(lang).to_string();
        tab.row(vec![
            s.number.to_string(),
            truncate(&actor, 40),
            s.duration.display_in(lang),
            time(z, s.start, offset, lang),
            time(z, s.end, offset, lang),
        ]);
    }
    write!(out, "{}", tab.render(1))?;
    writeln!(out)?;
    kv(out, t.chain_ends, time_long_in(z, tl.end, t))?;
    if tl.alternatives.is_empty() {
        kv(out, t.term_due, t.no_overall_term.to_string())?;
    } else {
        let earliest = tl.term_due;
        for (i, a) in tl.alternatives.iter().enumerate() {
            let tag = if Some(a.due) == earliest && tl.alternatives.len() > 1 {
                format!(" {}", t.earliest)
            } else {
                String::new()
            };
            kv(
                out,
                if i == 0 { t.term_due } else { "" },
                format!(
                    "{}  {}{tag}",
                    time_long_in(z, a.due, t),
                    a.term.display_in(lang)
                ),
            )?;
        }
    }
    match (tl.refusal_due, reg.refusal) {
        (Some(r), Some(term)) => kv(
            out,
            t.refusal_due,
            format!(
                "{}  {}, {}",
                time_long_in(z, r, t),
                term.display_in(lang),
                t.if_incomplete
            ),
        )?,
        (Some(r), None) => kv(out, t.refusal_due, time_long_in(z, r, t))?,
        _ => kv(out, t.refusal_due, t.no_refusal_term.to_string())?,
    }
    if let Some(h) = tl.handoff {
        kv(
            out,
            t.handoff,
            format!("{}  {}", time_long_in(z, h, t), t.handoff_note),
        )?;
    }
    match (tl.within_term, tl.term_due) {
        (Some(true), Some(d)) => kv(
            out,
            t.within_term,
            t.fill(
                t.before_term_due,
                &[&lang.format_minutes((d - tl.end).num_minutes().unsigned_abs(), true)],
            ),
        )?,
        (Some(false), Some(d)) => kv(
            out,
            t.within_term,
            t.fill(
                t.after_term_due,
                &[&lang.format_minutes((tl.end - d).num_minutes().unsigned_abs(), true)],
            ),
        )?,
        _ => kv(out, t.within_term, t.no_overall_term.to_string())?,
    }
    kv(
        out,
        t.provisional_label,
        t.yes_no(tl.provisional).to_string(),
    )?;
    for w in &tl.warnings {
        writeln!(out, "{}: {}", t.warning, w.text(lang))?;
    }
    zone_note(out, z, local, lang)?;
    if channel == Channel::StateCorporation {
        let note = t.fill(t.intake_not_counted, &[&t.day(local.date())]);
        for l in wrap(&note, 100, 0) {
            writeln!(out, "{l}")?;
        }
    }
    if let Some(s) = skipped {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            t.fill(
                t.not_counted,
                &[
                    &time(z, local, false, lang),
                    &time(z, span_end, false, lang)
                ]
            )
        )?;
        write_explain(out, &s, lang)?;
    }
    Ok(())
}

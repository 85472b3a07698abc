//! `merzim due`: when a legal term expires.

use std::io::Write;

use clap::Args;
use merzim::batch::{Id, SkippedResponse, TermResponse};
use merzim::{Channel, LegalOptions, OfficeTime, StartRule, Submitted, Term, TermEnd};

use crate::options::{
    lib, named, when, CalendarOpts, ChannelOpts, ExplainOpts, KnownOnOpts, OfficeOpts, OutputOpts,
    Resolved, When,
};
use crate::render::{kv_w, write_explain, write_json, zone_note};
use crate::table::{time, time_long_in};
use crate::texts::{texts, wrap};
use crate::Res;

#[derive(Args)]
pub struct DueCmd {
    /// When the documents were submitted, in the office's zone (--tz): local time 2026-03-20T16:30
    /// or 20.03.2026 16:30, an instant 2026-03-20T16:30:00+05:00, `now`; a date alone
    /// (2026-03-20, 20.03.2026, `today`) where the time cannot change the answer (the
    /// state_corporation channel, a day off).
    #[arg(long, value_name = "TIME", value_parser = when)]
    submitted: When,
    /// The term: "22 working days", "30 calendar days", "15 minutes", "2 hours", "1 month", "2 рабочих дня", …
    #[arg(long, value_parser = lib::<Term>)]
    term: Term,
    #[command(flatten)]
    channel: ChannelOpts,
    /// Day 1 of a term in days: the registration date, or the day after it.
    #[arg(long, default_value = "submission_day", value_parser = named::<StartRule>())]
    start: StartRule,
    /// When the last day ends: at close of business, or at 24:00 (reported as 00:00 of the next date).
    #[arg(long, default_value = "close_of_business", value_parser = named::<TermEnd>())]
    end: TermEnd,
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

pub fn run(c: DueCmd, out: &mut impl Write) -> Res {
    let cal = c.known.apply(c.cal.build()?, c.output.lang())?;
    let schedule = &c.office.hours.schedule;
    let z = c.office.tz;
    let office = OfficeTime::new(&cal, schedule.clone())?.with_zone(z);
    let channel = c.channel.channel;
    let lang = c.output.lang();
    let options = LegalOptions {
        channel,
        start: c.start,
        end: c.end,
    };
    // A time, or a date whose time the answer does not depend on.
    let (d, local, submitted) = match c.submitted.in_zone(z) {
        Resolved::At(s) => {
            let local = z.local_of(s)?;
            (office.legal_due(local, c.term, options)?, local, Some(s))
        }
        Resolved::Date(date) => {
            let d = office.legal_due_on_date(date, c.term, options)?;
            (d, date.and_time(chrono::NaiveTime::MIN), None)
        }
    };
    let skipped = if c.explain.explain {
        Some(office.explain(local, d.due)?)
    } else {
        None
    };
    if c.output.json {
        // The library's one form of the result (a batch line's answer).
        let mut r = TermResponse::new_in(Id::null(), &d, lang);
        r.explain = skipped.map(|s| SkippedResponse::list(&s, z, lang));
        write_json(out, &r)?;
        return Ok(());
    }
    let t = texts(lang);
    let w = t.kv_width();
    let kv = |out: &mut dyn Write, k: &str, v: String| kv_w(out, w, k, v);
    let submitted = match submitted {
        None => format!("{}, {}", t.date(local.date()), z.name()),
        Some(Submitted::Local(_)) => format!("{}, {}", time_long_in(z, local, t), z.name()),
        // The instant as given (its own offset), then the office's wall clock.
        Some(Submitted::Instant(i)) if lang == merzim::Lang::En => format!(
            "{} = {}, {}",
            merzim::format_rfc3339(i),
            time_long_in(z, local, t),
            z.name()
        ),
        Some(Submitted::Instant(i)) => format!(
            "{} {} = {}, {}",
            t.day(i.date_naive()),
            i.format("%H:%M %:z"),
            time_long_in(z, local, t),
            z.name()
        ),
    };
    kv(out, t.submitted, submitted)?;
    kv(out, t.term, c.term.display_in(lang))?;
    let rules = t.fill(
        t.rules_fmt,
        &[
            &channel.label(lang),
            &c.start.label(lang),
            &c.end.label(lang),
            schedule,
        ],
    );
    for (i, l) in wrap(&rules, 100 - w, 0).into_iter().enumerate() {
        kv(out, if i == 0 { t.rules } else { "" }, l)?;
    }
    let sc = channel == Channel::StateCorporation;
    let registered_label = if sc { t.accepted } else { t.registered };
    kv(out, registered_label, t.date(d.registered))?;
    if let Some(one) = d.day_one {
        kv(out, t.day_one, t.date(one))?;
    }
    kv(out, t.last_day, t.date(d.last_day))?;
    kv(out, t.due, time_long_in(z, d.due, t))?;
    if let Some(h) = d.handoff {
        kv(
            out,
            t.handoff,
            format!("{}  {}", time_long_in(z, h, t), t.handoff_note),
        )?;
    }
    kv(
        out,
        t.provisional_label,
        t.yes_no(d.provisional).to_string(),
    )?;
    for w in &d.warnings {
        writeln!(out, "{}: {}", t.warning, w.text(lang))?;
    }
    zone_note(out, z, local, lang)?;
    if sc {
        let note = t.fill(t.intake_not_counted, &[&t.day(d.registered)]);
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
                &[&time(z, local, false, lang), &time(z, d.due, false, lang)]
            )
        )?;
        write_explain(out, &s, lang)?;
    }
    Ok(())
}

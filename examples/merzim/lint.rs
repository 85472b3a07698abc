//! `merzim lint`: does a regulation's step chain fit its overall term?

use std::borrow::Cow;
use std::io::Write;

use chrono::{Datelike, NaiveDateTime};
use clap::Args;
use merzim::{OfficeTime, Regulation, Zone};
use serde_json::json;

use crate::options::{regulation, CalendarOpts, KnownOnOpts, OutputOpts, ScheduleOpts};
use crate::render::write_json;
use crate::table::{time, Table};
use crate::texts::texts;
use crate::{Fail, Res};

#[derive(Args)]
pub struct LintCmd {
    /// A bundled regulation's id, a path to a regulation file, or `all` (every bundled regulation).
    #[arg(long, value_name = "ID|PATH|all")]
    regulation: String,
    /// First year of submissions tried.
    #[arg(long, default_value_t = 2015, value_parser = crate::options::whole::<i32>(1, 9999))]
    from: i32,
    /// Last year of submissions tried (default: the last year the calendar covers).
    #[arg(long, value_parser = crate::options::whole::<i32>(1, 9999))]
    to: Option<i32>,
    #[command(flatten)]
    hours: ScheduleOpts,
    #[command(flatten)]
    cal: CalendarOpts,
    #[command(flatten)]
    known: KnownOnOpts,
    #[command(flatten)]
    output: OutputOpts,
}

pub fn run(c: LintCmd, out: &mut impl Write) -> Res {
    let cal = c.known.apply(c.cal.build()?, c.output.lang())?;
    let last = cal.valid_range().1.year();
    let to = c.to.unwrap_or(last);
    if c.from > to {
        let t = texts(c.output.lang());
        return Err(Fail::Arg(match c.to {
            Some(to) => t.fill(t.lint_from_after_to, &[&c.from, &to, &last]),
            None => t.fill(t.lint_from_after_last, &[&c.from, &last]),
        }));
    }
    let lang = c.output.lang();
    let t = texts(lang);
    let mut any_misfit = false;
    let office = OfficeTime::new(&cal, c.hours.schedule.clone())?;
    let regs: Vec<Cow<'static, Regulation>> = if c.regulation == "all" {
        Regulation::bundled_ids()
            .map(|id| Regulation::bundled(id).map(Cow::Borrowed))
            .collect::<Result<_, _>>()?
    } else {
        vec![regulation(&c.regulation)?]
    };
    let z = Zone::default();
    let mut json_regs = Vec::new();
    for (i, reg) in regs.iter().enumerate() {
        let findings = reg.lint(&office, c.from, to)?;
        let terms: Option<Vec<String>> = reg
            .term
            .as_ref()
            .map(|t| t.alternatives.iter().map(|a| a.to_string()).collect());
        let fits = findings.iter().all(|f| f.fits());
        // The period-of-force warnings of the submissions tried (as timelines give them).
        let warnings = match (
            chrono::NaiveDate::from_ymd_opt(c.from, 1, 1),
            chrono::NaiveDate::from_ymd_opt(to, 12, 31),
        ) {
            (Some(a), Some(b)) => reg.force_warnings_between(a, b),
            _ => Vec::new(),
        };
        any_misfit |= terms.is_some() && !fits;
        if c.output.json {
            json_regs.push(json!({
                "regulation": reg.id,
                "term": terms,
                "fits": if terms.is_some() { Some(fits) } else { None },
                "findings": findings,
                "warnings": warnings.iter().map(|w| w.text(lang)).collect::<Vec<_>>(),
                "warning_codes": warnings.iter().map(|w| w.code.as_str()).collect::<Vec<_>>(),
            }));
            continue;
        }
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(out, "{} — {}", reg.id, reg.title.get(lang))?;
        for w in &warnings {
            writeln!(out, "{}: {}", t.warning, w.text(lang))?;
        }
        let Some(terms) = &reg.term else {
            writeln!(out, "{}", t.lint_no_term)?;
            continue;
        };
        let localized_terms: Vec<String> = terms
            .alternatives
            .iter()
            .map(|a| a.display_in(lang))
            .collect();
        writeln!(
            out,
            "{}",
            t.fill(t.lint_tried, &[&localized_terms.join(" / "), &c.from, &to])
        )?;
        writeln!(out)?;
        let h = &t.lint_header;
        let mut tab = Table::new(&[
            h[0],
            h[1],
            &format!(">{}", h[2]),
            &format!(">{}", h[3]),
            h[4],
            h[5],
            h[6],
            &format!(">{}", h[7]),
            &format!(">{}", h[8]),
        ]);
        for f in &findings {
            let opt = |x: Option<NaiveDateTime>| {
                x.map(|x| time(z, x, false, lang))
                    .unwrap_or_else(|| "—".into())
            };
            let has = f.worst_submitted.is_some();
            tab.row(vec![
                f.channel.short_label(lang).into(),
                f.outcome.label(lang).into(),
                f.cases.to_string(),
                f.overshooting.to_string(),
                opt(f.worst_submitted),
                opt(f.worst_end),
                opt(f.worst_term_due),
                if has {
                    t.signed_minutes(f.worst_overshoot_minutes, true)
                } else {
                    "—".into()
                },
                if has {
                    t.signed_minutes(f.worst_overshoot_office_minutes, false)
                } else {
                    "—".into()
                },
            ]);
        }
        write!(out, "{}", tab.render(1))?;
        writeln!(out)?;
        if fits {
            writeln!(out, "{}", t.lint_fits)?;
        } else {
            let bad: Vec<String> = findings
                .iter()
                .filter(|f| !f.fits())
                .map(|f| {
                    format!(
                        "{}/{}: {}/{}",
                        f.channel.short_label(lang),
                        f.outcome.label(lang),
                        f.overshooting,
                        f.cases
                    )
                })
                .collect();
            writeln!(out, "{}", t.fill(t.lint_does_not_fit, &[&bad.join("; ")]))?;
        }
    }
    if c.output.json {
        let j = json!({ "from": c.from, "to": to, "regulations": json_regs });
        write_json(out, &j)?;
    }
    if any_misfit {
        return Err(Fail::Findings(texts(lang).lint_findings.into()));
    }
    Ok(())
}

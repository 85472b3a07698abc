//! [`OfficeTime::explain`]: the days and intervals a computation skipped.

use chrono::NaiveDateTime;

use super::{Local, OfficeTime};
use crate::explain::{SkipReason, Skipped};
use crate::Result;

impl OfficeTime {
    /// Everything that did not count between `from` and `to`: days off with
    /// their names and acts, lunch breaks, time outside office hours. It walks the
    /// days, so it costs O(days); the deadline computations themselves do not.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::OutOfCoverage`](crate::ErrorKind::OutOfCoverage) when `from` or `to` lies outside the calendar's range
    /// (`to` at 00:00 just after the last day, the end of that day, is inside).
    pub fn explain(&self, from: NaiveDateTime, to: NaiveDateTime) -> Result<Vec<Skipped>> {
        let (a, b) = (self.local(from)?, self.local_end(to)?);
        let cal = self.calendar();
        let mut out = Vec::new();
        let clip = |x: Local, y: Local| -> Option<(Local, Local)> {
            let (x, y) = (x.max(a), y.min(b));
            (x < y).then_some((x, y))
        };
        let push = |x: Local, y: Local, reason: SkipReason, out: &mut Vec<Skipped>| -> Result<()> {
            if let Some((x, y)) = clip(x, y) {
                let (names, act, source, estimated, provisional) = match reason {
                    SkipReason::DayOff(_) => {
                        let d = cal.day(cal.date_of(x.day))?;
                        (d.names, d.act, d.source, d.estimated, d.provisional)
                    }
                    _ => (None, None, None, false, false),
                };
                out.push(Skipped {
                    from: self.naive(x),
                    to: self.naive(y),
                    reason,
                    names,
                    act,
                    source,
                    provisional,
                    estimated,
                });
            }
            Ok(())
        };
        for day in a.day..=b.day {
            let start = Local { day, minute: 0 };
            let end = Local { day, minute: 1440 };
            if !cal.working_at(day) {
                let kind = cal.day_kind(cal.date_of(day))?;
                push(start, end, SkipReason::DayOff(kind), &mut out)?;
                continue;
            }
            let ivs = self.intervals_at(day);
            let mut prev = start;
            for (k, &(s, e)) in ivs.iter().enumerate() {
                let reason = if k == 0 {
                    SkipReason::AfterHours
                } else {
                    SkipReason::Lunch
                };
                push(prev, Local { day, minute: s }, reason, &mut out)?;
                prev = Local { day, minute: e };
            }
            push(prev, end, SkipReason::AfterHours, &mut out)?;
        }
        // Merge adjacent after-hours stretches across midnight.
        let mut merged: Vec<Skipped> = Vec::with_capacity(out.len());
        for s in out {
            if let Some(last) = merged.last_mut() {
                if last.reason == SkipReason::AfterHours
                    && s.reason == SkipReason::AfterHours
                    && last.to == s.from
                {
                    last.to = s.to;
                    continue;
                }
            }
            merged.push(s);
        }
        Ok(merged)
    }
}

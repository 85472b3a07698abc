//! Office time: the schedule laid over the calendar, with an office-minute index
//! so that minute and working-day steps cost O(1) (O(log n) for irregular
//! schedules). The legal rules (`legal.rs`), explanations (`explain.rs`), SLA
//! status (`sla.rs`) and bulk paths (`bulk.rs`) are methods of [`OfficeTime`]
//! in this module's files.

mod bulk;
mod kernel;

use kernel::Advance;
pub(crate) use kernel::Ordinals;
use kernel::{elapsed_in, minute_at, Boundary, Fast};

use std::sync::Arc;

use chrono::{Months, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Weekday};

use crate::calendar::Calendar;
pub(crate) use crate::dates::Local;
use crate::schedule::{Interval, Schedule};
use crate::term::{Term, Unit};
use crate::zone::Zone;
use crate::{Error, Lang, Result};

/// The office schedule laid over a calendar.
///
/// ```
/// use chrono::NaiveDate;
/// use merzim::{Calendar, OfficeTime, Schedule};
/// let office = OfficeTime::new(&Calendar::kazakhstan(), Schedule::state_body())?;
/// let t = NaiveDate::from_ymd_opt(2026, 3, 20).unwrap().and_hms_opt(18, 20, 0).unwrap();
/// // Friday before Nauryz: 10 minutes that day, 5 on Thursday 26 March.
/// assert_eq!(office.advance(t, 15)?.to_string(), "2026-03-26 09:05:00");
/// # Ok::<(), merzim::Error>(())
/// ```
#[derive(Clone)]
pub struct OfficeTime {
    inner: Arc<Inner>,
    /// The office's zone, for the zoned instants of results (counting is in
    /// local wall-clock time and does not depend on it).
    zone: Zone,
}

impl std::fmt::Debug for OfficeTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OfficeTime")
            .field("calendar", &self.inner.calendar)
            .field("schedule", &self.inner.schedule.to_string())
            .field("zone", &self.zone.name())
            .finish()
    }
}

struct Inner {
    calendar: Calendar,
    schedule: Schedule,
    /// Interval lists per weekday (Mon = 0), as (start, end) minutes.
    profiles: [Vec<(u16, u16)>; 7],
    /// Office minutes per working day when every working day has the same
    /// intervals; enables O(1) location of an office-minute ordinal.
    uniform: Option<(u8, u32)>,
    /// cum_min[i] = office minutes in days 0..i (len = days + 1).
    cum_min: Vec<u32>,
    /// Minute tables of the uniform profile, for branch-free office arithmetic.
    fast: Option<Fast>,
}

impl OfficeTime {
    /// The state-body schedule (09:00–13:00, 14:30–18:30 on every working
    /// day) laid over `calendar`: [`new`](OfficeTime::new) with
    /// [`Schedule::state_body`], which cannot fail.
    pub fn state_body(calendar: &Calendar) -> OfficeTime {
        OfficeTime::lay(calendar, Schedule::state_body())
    }

    /// Lays `schedule` over `calendar`. Every working day of the calendar must
    /// have office hours in the schedule.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) naming the
    /// first working day whose weekday has no hours in `schedule`.
    pub fn new(calendar: &Calendar, schedule: Schedule) -> Result<OfficeTime> {
        // Days are read only when some weekday has no hours.
        let no_hours: [bool; 7] =
            std::array::from_fn(|p| schedule.intervals(weekday_of_profile(p)).is_empty());
        if no_hours.iter().any(|&n| n) {
            let profile = profile_by_weekday(calendar);
            let days = calendar.day_tables();
            for (i, w) in (0..=calendar.valid_last()).zip(weekdays_from_base()) {
                if days.is_working(i as usize) && no_hours[profile[w]] {
                    let (w, d) = (profile_weekday(calendar, i), calendar.date_of(i));
                    let (kk, ru) = WEEKDAYS_KK_RU[w.num_days_from_monday() as usize];
                    let d_ = Lang::Ru.format_date(d);
                    return Err(Error::invalid_input(format!(
                        "the schedule has no office hours on {w:?}, but {d} is a working day"
                    ))
                    .in_kk_ru(
                        format!("жұмыс кестесінде {kk} күні жұмыс уақыты жоқ, ал {d_} жұмыс күні"),
                        format!("в графике нет часов приёма на {ru}, а {d_} — рабочий день"),
                    ));
                }
            }
        }
        Ok(OfficeTime::lay(calendar, schedule))
    }

    /// The tables of `schedule` over `calendar`; a working day whose weekday
    /// has no hours counts as a day without office time.
    fn lay(calendar: &Calendar, schedule: Schedule) -> OfficeTime {
        let profiles: [Vec<(u16, u16)>; 7] = std::array::from_fn(|p| {
            schedule
                .intervals(weekday_of_profile(p))
                .iter()
                .map(|iv: &Interval| (iv.start, iv.end))
                .collect()
        });
        let minutes: [u32; 7] =
            std::array::from_fn(|p| profiles[p].iter().map(|(s, e)| (e - s) as u32).sum());
        let profile = profile_by_weekday(calendar);
        let last = calendar.valid_last();
        let mut cum_min = Vec::with_capacity(last as usize + 2);
        let mut total = 0u32;
        let mut used = [false; 7];
        let days = calendar.day_tables();
        for (i, w) in (0..=last as usize).zip(weekdays_from_base()) {
            cum_min.push(total);
            if days.is_working(i) {
                let p = profile[w];
                used[p] = !profiles[p].is_empty();
                total += minutes[p];
            }
        }
        cum_min.push(total);
        let used_profiles: Vec<usize> = (0..7).filter(|&p| used[p]).collect();
        let uniform = match used_profiles.first() {
            Some(&p0) if used_profiles.iter().all(|&p| profiles[p] == profiles[p0]) => Some((
                p0 as u8,
                profiles[p0].iter().map(|(s, e)| (e - s) as u32).sum(),
            )),
            _ => None,
        };
        let fast = uniform.map(|(p, _)| Fast::new(&profiles[p as usize]));
        OfficeTime {
            zone: Zone::default(),
            inner: Arc::new(Inner {
                calendar: calendar.clone(),
                schedule,
                profiles,
                uniform,
                cum_min,
                fast,
            }),
        }
    }

    /// This office time in another zone (the default is `Asia/Almaty`): the
    /// results' zoned instants carry its offsets. Counting is in local
    /// wall-clock time, so no deadline moves.
    pub fn with_zone(&self, zone: Zone) -> OfficeTime {
        OfficeTime {
            inner: self.inner.clone(),
            zone,
        }
    }

    /// The office's zone.
    pub fn zone(&self) -> Zone {
        self.zone
    }

    /// The calendar.
    pub fn calendar(&self) -> &Calendar {
        &self.inner.calendar
    }

    /// The schedule.
    pub fn schedule(&self) -> &Schedule {
        &self.inner.schedule
    }

    // ----- conversions -----

    #[inline]
    pub(crate) fn local(&self, t: NaiveDateTime) -> Result<Local> {
        let day = self.inner.calendar.index(t.date())?;
        Ok(Local {
            day,
            minute: (t.hour() * 60 + t.minute()) as u16,
        })
    }

    /// [`local`](Self::local) for the end of a span: 00:00 is read as 24:00
    /// of the day before (the form every due at the end of a day has), so a
    /// span that ends at the close of the calendar's last day stays inside it.
    pub(crate) fn local_end(&self, t: NaiveDateTime) -> Result<Local> {
        if t.time() == NaiveTime::MIN {
            if let Some(previous) = t.date().pred_opt() {
                if let Ok(day) = self.inner.calendar.index(previous) {
                    return Ok(Local { day, minute: 1440 });
                }
            }
        }
        self.local(t)
    }

    pub(crate) fn naive(&self, l: Local) -> NaiveDateTime {
        let date = self.inner.calendar.date_of(l.day);
        if l.minute >= 1440 {
            // 24:00 is reported as 00:00 of the next date.
            (date + chrono::Days::new(1)).and_time(NaiveTime::MIN)
        } else {
            date.and_hms_opt(l.minute as u32 / 60, l.minute as u32 % 60, 0)
                .expect("minute < 1440")
        }
    }

    /// The intervals of day `i` (empty on a non-working day).
    #[inline(always)]
    pub(crate) fn intervals_at(&self, i: u32) -> &[(u16, u16)] {
        if !self.inner.calendar.working_at(i) {
            return &[];
        }
        if let Some((p, _)) = self.inner.uniform {
            // Every working day has the same intervals.
            return &self.inner.profiles[p as usize];
        }
        &self.inner.profiles[profile_of(&self.inner.calendar, i)]
    }

    /// Office minutes of day `i`.
    #[inline(always)]
    pub(crate) fn day_minutes(&self, i: u32) -> u32 {
        self.inner.cum_min[i as usize + 1] - self.inner.cum_min[i as usize]
    }

    /// Close of business of working day `i`.
    #[inline(always)]
    pub(crate) fn cob(&self, i: u32) -> Local {
        let end = self.intervals_at(i).last().map_or(0, |iv| iv.1);
        Local {
            day: i,
            minute: end,
        }
    }

    /// Opening of working day `i`.
    #[inline(always)]
    pub(crate) fn opening(&self, i: u32) -> Local {
        let start = self.intervals_at(i).first().map_or(0, |iv| iv.0);
        Local {
            day: i,
            minute: start,
        }
    }

    /// Office minutes of day `l.day` before `l.minute`.
    #[inline(always)]
    pub(crate) fn elapsed(&self, l: Local) -> u32 {
        if let Some(f) = &self.inner.fast {
            let e = f.elapsed[(l.minute as usize).min(1440)] as u32;
            return if self.inner.calendar.working_at(l.day) {
                e
            } else {
                0
            };
        }
        elapsed_in(self.intervals_at(l.day), l.minute)
    }

    /// The global office-minute ordinal of `l`: office minutes before it.
    #[inline]
    pub(crate) fn ordinal(&self, l: Local) -> u64 {
        self.inner.cum_min[l.day as usize] as u64 + self.elapsed(l) as u64
    }

    /// The instant where `k` office minutes of day `i` have elapsed, an exact
    /// interval end reported per `boundary`; `k` beyond the day gives close of business.
    #[inline(always)]
    fn at_elapsed(&self, i: u32, k: u32, boundary: Boundary) -> Local {
        let minute = match &self.inner.fast {
            Some(f) if self.inner.calendar.working_at(i) => {
                let table = match boundary {
                    Boundary::End => &f.end_minute,
                    Boundary::Start => &f.start_minute,
                };
                table[k.min(f.mpd).min(1440) as usize]
            }
            Some(_) => 0,
            None => minute_at(self.intervals_at(i), k, boundary),
        };
        Local { day: i, minute }
    }

    /// The day holding office-minute ordinal `t` (`cum_min[d] < t <= cum_min[d+1]`
    /// when `end`, else `cum_min[d] <= t < cum_min[d+1]`).
    #[inline(always)]
    fn day_of_ordinal(&self, t: u64, end: bool) -> Option<u32> {
        let cal = &self.inner.calendar;
        if let Some((_, mpd)) = self.inner.uniform {
            let mpd = mpd as u64;
            let w = if end {
                (t.checked_sub(1)?) / mpd
            } else {
                t / mpd
            };
            return cal.working_index(w as i64);
        }
        let cm = &self.inner.cum_min;
        let pos = if end {
            cm.partition_point(|&c| (c as u64) < t)
        } else {
            cm.partition_point(|&c| (c as u64) <= t)
        };
        let d = pos.checked_sub(1)? as u32;
        (d <= cal.valid_last() && (d as usize) < cm.len() - 1).then_some(d)
    }

    pub(crate) fn beyond(&self, t: Local, what: &str) -> Error {
        let (a, b) = self.inner.calendar.valid_range();
        let from = self.naive(t);
        let from_ru = format!(
            "{} {}",
            Lang::Ru.format_date(from.date()),
            from.format("%H:%M")
        );
        let hint = self.inner.calendar.horizon_hint(true);
        crate::calendar::coverage_beyond(what, from.to_string(), from_ru, a, b, hint)
    }

    /// The kernel of [`advance_local`](Self::advance_local) for a uniform
    /// schedule and `m >= 1` minutes, its tables borrowed once (the bulk
    /// loops build it once per call, the scalar path per call too).
    #[inline(always)]
    fn advance_kernel(&self, m: u64) -> Option<Advance<'_>> {
        // The multiplication stands for the division only below 2^32: the
        // positions stay there (office minutes of 2000-2100 < 2^26) when `m`
        // does; larger counts take the general path.
        if !(1..=u32::MAX as u64 / 2).contains(&m) {
            return None;
        }
        Some(Advance {
            ordinals: self.ordinals()?,
            minutes: m,
        })
    }

    /// The office-minute ordinals of a uniform schedule (`None` for other
    /// schedules, and for one of a single minute a day, whose division has
    /// no multiplicative inverse).
    #[inline(always)]
    pub(crate) fn ordinals(&self) -> Option<Ordinals<'_>> {
        let f = self.inner.fast.as_ref()?;
        Some(Ordinals {
            days: self.inner.calendar.day_tables(),
            cum_min: &self.inner.cum_min,
            elapsed: &f.elapsed,
            end_minute: &f.end_minute,
            mpd: f.mpd as u64,
            inverse: f.inverse?,
        })
    }

    /// RULES.md §3: move to the first office instant at or after `t`, then consume
    /// `m` office minutes; an exact interval end is that end. `m = 0` returns `t`.
    #[inline(always)]
    pub(crate) fn advance_local(&self, t: Local, m: u64) -> Result<Local> {
        if m == 0 {
            return Ok(t);
        }
        if let Some(kernel) = self.advance_kernel(m) {
            return kernel
                .advance(t)
                .ok_or_else(|| self.beyond(t, &format!("advancing {m} office minutes")));
        }
        // Fast path: the count ends the same day.
        let e = self.elapsed(t) as u64;
        let dm = self.day_minutes(t.day) as u64;
        if m <= dm.saturating_sub(e) {
            return Ok(self.at_elapsed(t.day, (e + m) as u32, Boundary::End));
        }
        let target = (self.inner.cum_min[t.day as usize] as u64 + e)
            .checked_add(m)
            .ok_or_else(|| self.beyond(t, &format!("advancing {m} office minutes")))?;
        let d = self
            .day_of_ordinal(target, true)
            .ok_or_else(|| self.beyond(t, &format!("advancing {m} office minutes")))?;
        Ok(self.at_elapsed(
            d,
            (target - self.inner.cum_min[d as usize] as u64) as u32,
            Boundary::End,
        ))
    }

    /// The first office instant at or after `t`.
    #[inline(always)]
    pub(crate) fn first_office_local(&self, t: Local) -> Result<Local> {
        let e = self.elapsed(t);
        if e < self.day_minutes(t.day) {
            return Ok(self.at_elapsed(t.day, e, Boundary::Start));
        }
        let target = self.inner.cum_min[t.day as usize + 1] as u64;
        let d = self
            .day_of_ordinal(target, false)
            .ok_or_else(|| self.beyond(t, "finding the next office hour"))?;
        Ok(self.opening(d))
    }

    /// RULES.md §4: a step of `n` working days keeping the position within the day.
    #[inline(always)]
    fn working_day_step_local(&self, t: Local, n: u32) -> Result<Local> {
        if n == 0 {
            return Ok(t);
        }
        let cal = &self.inner.calendar;
        let s = self.first_office_local(t)?;
        let k = self.elapsed(s);
        let w0 = cal.cum_at(s.day) as i64; // 0-based working ordinal of the start day
        let err = || self.beyond(t, &format!("a step of {n} working days"));
        if k == 0 {
            let d = cal.working_index(w0 + n as i64 - 1).ok_or_else(err)?;
            Ok(self.cob(d))
        } else {
            let d = cal.working_index(w0 + n as i64).ok_or_else(err)?;
            Ok(self.at_elapsed(d, k, Boundary::End))
        }
    }

    /// Close of business of the date `n` days (or months) after `t`'s date,
    /// moved forward to a working day.
    pub(crate) fn calendar_step_local(&self, t: Local, term: Term) -> Result<Local> {
        if term.amount() == 0 {
            return Ok(t);
        }
        let cal = &self.inner.calendar;
        let date = cal.date_of(t.day);
        let target = match term.unit() {
            Unit::Months => date.checked_add_months(Months::new(term.amount())),
            _ => date.checked_add_days(chrono::Days::new(term.amount() as u64)),
        }
        .ok_or_else(|| self.beyond(t, &format!("a step of {term}")))?;
        let i = cal
            .index(target)
            .map_err(|_| self.beyond(t, &format!("a step of {term}")))?;
        let d = cal
            .add_working_days_index(i, 0)
            .ok_or_else(|| self.beyond(t, &format!("a step of {term}")))?;
        Ok(self.cob(d))
    }

    /// A regulation step of `term` starting at `t` (RULES.md §3, §4).
    #[inline(always)]
    pub(crate) fn step_local(&self, t: Local, term: Term) -> Result<Local> {
        match term.unit() {
            Unit::Minutes | Unit::Hours => {
                self.advance_local(t, term.office_minutes().expect("minutes or hours"))
            }
            Unit::WorkingDays => self.working_day_step_local(t, term.amount()),
            Unit::CalendarDays | Unit::Months => self.calendar_step_local(t, term),
        }
    }

    /// Office minutes from `a` to `b` (negative when `b < a`).
    pub(crate) fn office_minutes_between_local(&self, a: Local, b: Local) -> i64 {
        self.ordinal(b) as i64 - self.ordinal(a) as i64
    }

    // ----- public API over NaiveDateTime -----

    /// RULES.md §3: `t` moved to the first office instant at or after it, plus `minutes`
    /// office minutes. When the count runs out exactly at the end of an interval the
    /// result is that end (13:00, 18:30). `minutes = 0` returns `t` unchanged.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::OutOfCoverage`](crate::ErrorKind::OutOfCoverage) when `t` or the result lies outside the calendar's range.
    pub fn advance(&self, t: NaiveDateTime, minutes: u64) -> Result<NaiveDateTime> {
        let l = self.local(t)?;
        Ok(self.naive(self.advance_local(l, minutes)?))
    }

    /// The first office instant at or after `t` (intervals are half-open: at or
    /// after 13:00 is 14:30).
    ///
    /// # Errors
    ///
    /// As [`advance`](OfficeTime::advance).
    pub fn first_office_instant(&self, t: NaiveDateTime) -> Result<NaiveDateTime> {
        let l = self.local(t)?;
        Ok(self.naive(self.first_office_local(l)?))
    }

    /// A regulation step of `term` from `t`: minutes and hours are office time (§3);
    /// working days keep the position within the office day (§4); calendar days and
    /// months end at close of business of the date that many days (months) after
    /// `t`'s date, moved forward to a working day. A term of 0 returns `t`.
    ///
    /// # Errors
    ///
    /// As [`advance`](OfficeTime::advance).
    pub fn step(&self, t: NaiveDateTime, term: Term) -> Result<NaiveDateTime> {
        let l = self.local(t)?;
        Ok(self.naive(self.step_local(l, term)?))
    }

    /// Close of business of `date` (the end of its last interval); an error if
    /// `date` is not a working day.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::OutOfCoverage`](crate::ErrorKind::OutOfCoverage) outside the calendar's range; [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput)
    /// when `date` is not a working day.
    pub fn close_of_business(&self, date: NaiveDate) -> Result<NaiveDateTime> {
        let i = self.inner.calendar.index(date)?;
        if !self.inner.calendar.working_at(i) {
            return Err(Error::invalid_input(format!(
                "{date} is not a working day: it has no close of business"
            )));
        }
        Ok(self.naive(self.cob(i)))
    }

    /// Office minutes from `a` to `b`, negative when `b` is before `a`.
    ///
    /// # Errors
    ///
    /// As [`advance`](OfficeTime::advance).
    pub fn office_minutes_between(&self, a: NaiveDateTime, b: NaiveDateTime) -> Result<i64> {
        Ok(self.office_minutes_between_local(self.local(a)?, self.local(b)?))
    }

    /// Whether `t` lies inside an office interval of a working day.
    ///
    /// # Errors
    ///
    /// As [`advance`](OfficeTime::advance).
    pub fn is_office_time(&self, t: NaiveDateTime) -> Result<bool> {
        let l = self.local(t)?;
        Ok(self
            .intervals_at(l.day)
            .iter()
            .any(|&(s, e)| s <= l.minute && l.minute < e))
    }
}

/// The weekday whose intervals day `i` uses: its own, or Monday's for a weekend
/// day made working by an act.
#[inline]
fn profile_of(cal: &Calendar, i: u32) -> usize {
    profile_weekday(cal, i).num_days_from_monday() as usize
}

/// The weekday of profile `p` (0 = Monday).
fn weekday_of_profile(p: usize) -> Weekday {
    crate::dates::weekday_of(p as u32 + 2) // index 2 is a Monday
}

/// The profile of a working day by its weekday (0 = Monday): its own, or
/// Monday's for a working weekend ([`profile_weekday`] without a date).
fn profile_by_weekday(cal: &Calendar) -> [usize; 7] {
    std::array::from_fn(|w| {
        if cal.week().is_rest_day(weekday_of_profile(w)) {
            0
        } else {
            w
        }
    })
}

/// The weekdays (0 = Monday) of day indices 0, 1, 2, …: 2000-01-01 was a Saturday.
fn weekdays_from_base() -> impl Iterator<Item = usize> {
    (0..7).cycle().skip(5)
}

fn profile_weekday(cal: &Calendar, i: u32) -> Weekday {
    let wd = crate::dates::weekday_of(i);
    // Only a working weekend gets here (non-working days have no profile).
    if cal.week().is_rest_day(wd) {
        Weekday::Mon
    } else {
        wd
    }
}

/// Weekdays, Monday first, as messages name them: Kazakh nominative, Russian
/// accusative ("на понедельник").
const WEEKDAYS_KK_RU: [(&str, &str); 7] = [
    ("дүйсенбі", "понедельник"),
    ("сейсенбі", "вторник"),
    ("сәрсенбі", "среду"),
    ("бейсенбі", "четверг"),
    ("жұма", "пятницу"),
    ("сенбі", "субботу"),
    ("жексенбі", "воскресенье"),
];

#[cfg(test)]
mod tests {
    #[test]
    fn base_is_saturday() {
        use chrono::Datelike;
        assert_eq!(
            chrono::NaiveDate::from_ymd_opt(2000, 1, 1)
                .unwrap()
                .weekday(),
            chrono::Weekday::Sat
        );
    }

    #[test]
    fn weekdays_from_base_follow_the_dates() {
        for (i, w) in (0..100u32).zip(super::weekdays_from_base()) {
            let wd = crate::dates::weekday_of(i).num_days_from_monday() as usize;
            assert_eq!(w, wd, "day {i}");
            assert_eq!(super::weekday_of_profile(w), crate::dates::weekday_of(i));
        }
    }
}

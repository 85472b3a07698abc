//! The office-minute kernel: positions as counts of office minutes on a
//! uniform schedule ([`Ordinals`]), the advance of a fixed number of office
//! minutes ([`Advance`]), and the minute tables behind them.

use crate::dates::Local;

/// Office time on a uniform schedule as office-minute ordinals, its tables
/// borrowed: an instant's position is the number of office minutes before it
/// since the first day of the tables, and a position `p >= 1` names the
/// instant where the `p`-th office minute ends (an exact interval end is that
/// end, RULES.md §3). On such a schedule every office-minute and working-day
/// step is an addition: `m` minutes add `m`, `n` working days add `n` times
/// the minutes per day (a working-day step keeps the position within the
/// day, RULES.md §4, and from a day's close it lands on the close of the
/// `n`-th next working day). No branch on the time of day, no division
/// instruction.
#[derive(Clone, Copy)]
pub(crate) struct Ordinals<'a> {
    pub(super) days: crate::calendar::DayTables<'a>,
    pub(super) cum_min: &'a [u32],
    pub(super) elapsed: &'a MinuteTable,
    pub(super) end_minute: &'a MinuteTable,
    /// Office minutes per working day, and ⌈2^64 / mpd⌉ (see [`Fast`]).
    pub(super) mpd: u64,
    pub(super) inverse: u64,
}

impl Ordinals<'_> {
    /// Office minutes per working day.
    #[inline(always)]
    pub(crate) fn per_day(&self) -> u64 {
        self.mpd
    }

    /// The position of `t`: the office minutes before it (`< 2^31` for
    /// 2000–2100); `None` past the tables.
    #[inline(always)]
    pub(crate) fn position(&self, t: Local) -> Option<u64> {
        let day = t.day as usize;
        // Office minutes of the day before `t`: none on a day off. Without a
        // branch: whether a random day is working is not predictable.
        let e =
            self.elapsed[(t.minute as usize).min(1440)] as u64 * self.days.is_working(day) as u64;
        Some(*self.cum_min.get(day)? as u64 + e)
    }

    /// The instant of position `p`; `None` for `p = 0`, past 2^32 or past
    /// the calendar's last valid day.
    #[inline(always)]
    pub(crate) fn local(&self, p: u64) -> Option<Local> {
        if !(1..=u32::MAX as u64).contains(&p) {
            return None;
        }
        let (w, minute) = self.split(p);
        Some(Local {
            day: self.days.working_day(w)?,
            minute,
        })
    }

    /// (working-day ordinal, minute of day) of position `p`, for
    /// `1 <= p < 2^32`, where the multiplication is the division.
    #[inline(always)]
    fn split(&self, p: u64) -> (u64, u16) {
        let w = divide(p - 1, self.inverse);
        let k = p - w * self.mpd;
        (w, self.end_minute[(k as usize).min(1440)])
    }
}

/// [`OfficeTime::advance_local`] of a fixed count on a uniform schedule: the
/// kernel of the office-minute steps, scalar and bulk.
pub(super) struct Advance<'a> {
    pub(super) ordinals: Ordinals<'a>,
    /// The office minutes to add (1..=2^31).
    pub(super) minutes: u64,
}

impl Advance<'_> {
    /// `t` moved to the first office instant at or after it, plus the
    /// minutes; `None` when `t` or the result is outside the calendar.
    #[inline(always)]
    pub(crate) fn advance(&self, t: Local) -> Option<Local> {
        self.ordinals
            .local(self.ordinals.position(t)? + self.minutes)
    }

    /// [`advance`](Self::advance) as a bulk instant: a form that can read the
    /// working day's value directly (a `NaiveDateTime` its date) skips the
    /// day index.
    #[inline(always)]
    pub(super) fn advance_to<T: crate::BulkTime>(
        &self,
        t: Local,
        working_dates: &[chrono::NaiveDate],
        tables: &crate::bulk::TimeTables,
    ) -> Option<T> {
        let (w, minute) = self.reach(t)?;
        let working = self.ordinals.days.working();
        T::from_working(
            usize::try_from(w).ok()?,
            minute,
            working,
            working_dates,
            tables,
        )
    }

    /// (working-day ordinal, minute of day) of the result of
    /// [`advance`](Self::advance), `None` when `t` is outside the tables.
    #[inline(always)]
    fn reach(&self, t: Local) -> Option<(u64, u16)> {
        // No overflow, and 1 <= p < 2^32: positions < 2^31 and
        // 1 <= minutes <= 2^31 (`advance_kernel`).
        let p = self.ordinals.position(t)? + self.minutes;
        Some(self.ordinals.split(p))
    }
}

/// A value for each minute of a day, 0..=1440.
type MinuteTable = [u16; 1441];

/// The uniform profile as tables (the bulk paths): what the interval loops
/// of `elapsed_in` and `minute_at` compute, precomputed.
pub(super) struct Fast {
    /// elapsed[minute] = office minutes of a working day before `minute` (0..=1440).
    pub(super) elapsed: Box<MinuteTable>,
    /// end_minute[k] = `minute_at(ivs, k, Boundary::End)` for k in 0..=mpd
    /// (and past mpd, the close of business).
    pub(super) end_minute: Box<MinuteTable>,
    /// start_minute[k] = `minute_at(ivs, k, Boundary::Start)` for k in 0..=mpd
    /// (and past mpd, the close of business).
    pub(super) start_minute: Box<MinuteTable>,
    /// Office minutes per working day.
    pub(super) mpd: u32,
    /// ⌈2^64 / mpd⌉, so that `x / mpd == (x * inverse) >> 64` for every
    /// `x < 2^32` without a division instruction (Lemire, Kaser and Kurz,
    /// "Faster Remainder by Direct Computation", 2019, theorem 1); `None` for
    /// `mpd <= 1`.
    pub(super) inverse: Option<u64>,
}

/// `x / d` for `x < 2^32`, from `inverse` = ⌈2^64 / d⌉ (`d >= 2`): a
/// multiplication instead of a division instruction.
#[inline(always)]
fn divide(x: u64, inverse: u64) -> u64 {
    ((inverse as u128 * x as u128) >> 64) as u64
}

impl Fast {
    pub(super) fn new(ivs: &[(u16, u16)]) -> Fast {
        let mpd: u32 = ivs.iter().map(|(s, e)| (e - s) as u32).sum();
        // One entry per minute of a day (mpd <= 1440), so that an index
        // clamped to 1440 needs no bounds check.
        let table = |f: &dyn Fn(u16) -> u16| -> Box<MinuteTable> {
            Box::new(std::array::from_fn(|m| f(m as u16)))
        };
        Fast {
            elapsed: table(&|m| elapsed_in(ivs, m) as u16),
            end_minute: table(&|k| minute_at(ivs, (k as u32).min(mpd), Boundary::End)),
            start_minute: table(&|k| minute_at(ivs, (k as u32).min(mpd), Boundary::Start)),
            mpd,
            inverse: (mpd > 1).then(|| u64::MAX / mpd as u64 + 1),
        }
    }
}

/// Which side of an interval boundary an office-minute count lands on.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Boundary {
    /// An exact interval end is that end (13:00): where a count runs out.
    End,
    /// An exact interval end is the next interval's start (14:30): where counting resumes.
    Start,
}

/// Office minutes of a day with intervals `ivs` before `minute`.
#[inline(always)]
pub(super) fn elapsed_in(ivs: &[(u16, u16)], minute: u16) -> u32 {
    let mut k = 0u32;
    for &(s, e) in ivs {
        if minute <= s {
            break;
        }
        k += (minute.min(e) - s) as u32;
    }
    k
}

/// The minute of a day with intervals `ivs` at which `k` office minutes have
/// elapsed; past the day's office time, its close of business.
#[inline(always)]
pub(super) fn minute_at(ivs: &[(u16, u16)], k: u32, boundary: Boundary) -> u16 {
    let mut k = k;
    for &(s, e) in ivs {
        let len = (e - s) as u32;
        if k < len || (boundary == Boundary::End && k == len) {
            return s + k as u16;
        }
        k -= len;
    }
    ivs.last().map_or(0, |iv| iv.1)
}

#[cfg(test)]
mod tests {
    /// The division by multiplication is exact for every schedule length
    /// and every count below 2^32.
    #[test]
    fn quotient_is_the_division() {
        assert_eq!(super::Fast::new(&[(0, 1)]).inverse, None);
        for mpd in 2..=1440u32 {
            let ivs = [(0u16, mpd as u16)];
            let f = super::Fast::new(&ivs);
            assert_eq!(f.mpd, mpd);
            let inverse = f.inverse.unwrap();
            let mut xs: Vec<u64> = (0..3000).collect();
            for k in [1u64, 2, 7, 1000, 123_457, 1 << 20] {
                for x in [k * mpd as u64, k * mpd as u64 + 1] {
                    xs.extend([x.saturating_sub(1), x, x + 1]);
                }
            }
            xs.extend([u32::MAX as u64 - 1, u32::MAX as u64]);
            let mut x: u64 = 0x9E37_79B9_7F4A_7C15 ^ mpd as u64;
            for _ in 0..2000 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                xs.push(x & 0xFFFF_FFFF);
            }
            for x in xs {
                assert_eq!(super::divide(x, inverse), x / mpd as u64, "{x} / {mpd}");
            }
        }
    }
}

//! Office schedules: the intervals of office time on a working day.

use std::fmt;
use std::str::FromStr;

use chrono::Weekday;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::quoted;
use crate::{Error, Result};

/// A half-open interval of office time within a day, in minutes after midnight:
/// `[start, end)` (RULES.md §7.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Interval {
    /// Opening, minutes after 00:00.
    pub start: u16,
    /// Closing, minutes after 00:00 (at most 1440 = 24:00).
    pub end: u16,
}

impl Interval {
    /// `[start, end)`, both in minutes after midnight; `start < end <= 1440`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) when `end`
    /// is past 24:00 or `start` is not before `end` (the message names both).
    pub fn new(start: u16, end: u16) -> Result<Interval> {
        if end > 1440 {
            let e = hhmm(end);
            return Err(
                Error::invalid_input(format!("interval end {e} is past 24:00")).in_kk_ru(
                    format!("аралықтың соңы {e} 24:00-ден кейін"),
                    format!("конец интервала {e} позже 24:00"),
                ),
            );
        }
        if start >= end {
            let (s, e) = (hhmm(start), hhmm(end));
            return Err(Error::invalid_input(format!(
                "interval {s}-{e} is empty or reversed: the start must be before the end, e.g. 09:00-13:00"
            ))
            .in_kk_ru(
                format!("{s}-{e} аралығы бос немесе кері: басы соңынан бұрын болуы керек, мысалы, 09:00-13:00"),
                format!("интервал {s}-{e} пуст или перевёрнут: начало должно быть раньше конца, например 09:00-13:00"),
            ));
        }
        Ok(Interval { start, end })
    }

    /// Length in minutes.
    pub fn minutes(self) -> u16 {
        self.end - self.start
    }
}

fn hhmm(m: u16) -> String {
    format!("{:02}:{:02}", m / 60, m % 60)
}

fn parse_hhmm(s: &str, whole: &str) -> Result<u16> {
    let bad = || {
        let (t, w) = (quoted(s), quoted(whole));
        Error::invalid_input(format!(
            "cannot read the time {t} in the schedule {w}: expected HH:MM, e.g. \"09:00-13:00,14:30-18:30\""
        ))
        .in_kk_ru(
            format!("{w} жұмыс кестесіндегі {t} уақыты оқылмады: СС:ММ күтіледі, мысалы, «09:00-13:00,14:30-18:30»"),
            format!("не удалось прочитать время {t} в графике {w}: ожидается ЧЧ:ММ, например «09:00-13:00,14:30-18:30»"),
        )
    };
    let (h, m) = s.trim().split_once(':').ok_or_else(bad)?;
    let (h, m): (u16, u16) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    if m > 59 || h > 24 || (h == 24 && m > 0) {
        return Err(bad());
    }
    Ok(h * 60 + m)
}

/// An office schedule: intervals per weekday, applied on working days only.
///
/// A Saturday or Sunday made a working day by an act uses Monday's intervals
/// (RULES.md §2: "a working Saturday gets the Monday–Friday intervals").
///
/// ```
/// use merzim::Schedule;
/// let s: Schedule = "09:00-13:00,14:30-18:30".parse()?;
/// assert_eq!(s, Schedule::state_body());
/// assert_eq!(s.to_string(), "09:00-13:00,14:30-18:30");
/// assert!("09:00-13:00,12:00-18:00".parse::<Schedule>().is_err()); // overlapping
/// # Ok::<(), merzim::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Schedule {
    days: [Vec<Interval>; 7],
}

impl Schedule {
    /// The same intervals on every working day. They must be ordered, non-empty
    /// and must not overlap.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) for no
    /// intervals, intervals out of order or overlapping (the message names them).
    pub fn uniform(intervals: Vec<Interval>) -> Result<Schedule> {
        validate(&intervals)?;
        Ok(Schedule {
            days: std::array::from_fn(|_| intervals.clone()),
        })
    }

    /// Replaces the intervals of one weekday (an empty list: no office hours that
    /// weekday, which is an error if such a day is a working day of the calendar).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) for
    /// intervals out of order or overlapping, or when no weekday would keep
    /// any office hours.
    pub fn with_weekday(mut self, weekday: Weekday, intervals: Vec<Interval>) -> Result<Schedule> {
        if !intervals.is_empty() {
            validate(&intervals)?;
        }
        let i = weekday.num_days_from_monday() as usize;
        if intervals.is_empty()
            && self
                .days
                .iter()
                .enumerate()
                .all(|(d, v)| d == i || v.is_empty())
        {
            return Err(Error::invalid_input(
                "a schedule needs office hours on at least one weekday",
            )
            .in_kk_ru(
                "жұмыс кестесінде кемінде бір күн жұмыс уақыты болуы керек",
                "в графике должны быть часы приёма хотя бы в один день недели",
            ));
        }
        self.days[i] = intervals;
        Ok(self)
    }

    /// A state body (service provider): 09:00–13:00 and 14:30–18:30.
    pub fn state_body() -> Schedule {
        Schedule::uniform(vec![
            Interval {
                start: 540,
                end: 780,
            },
            Interval {
                start: 870,
                end: 1110,
            },
        ])
        .expect("valid constant schedule")
    }

    /// A State Corporation service centre: 09:00–18:00 without a break.
    pub fn state_corporation() -> Schedule {
        Schedule::uniform(vec![Interval {
            start: 540,
            end: 1080,
        }])
        .expect("valid constant schedule")
    }

    /// The intervals of a weekday.
    pub fn intervals(&self, weekday: Weekday) -> &[Interval] {
        &self.days[weekday.num_days_from_monday() as usize]
    }
}

impl Default for Schedule {
    fn default() -> Schedule {
        Schedule::state_body()
    }
}

fn validate(intervals: &[Interval]) -> Result<()> {
    if intervals.is_empty() {
        return Err(Error::invalid_input(
            "a schedule needs at least one interval, e.g. \"09:00-13:00,14:30-18:30\"",
        )
        .in_kk_ru(
            "жұмыс кестесінде кемінде бір аралық болуы керек, мысалы, «09:00-13:00,14:30-18:30»",
            "в графике должен быть хотя бы один интервал, например «09:00-13:00,14:30-18:30»",
        ));
    }
    for iv in intervals {
        Interval::new(iv.start, iv.end)?;
    }
    for w in intervals.windows(2) {
        let (a, b) = (w[0], w[1]);
        if b.start < a.end {
            let what = if b.start < a.start {
                "unordered"
            } else {
                "overlapping"
            };
            let (x, y) = (
                format!("{}-{}", hhmm(a.start), hhmm(a.end)),
                format!("{}-{}", hhmm(b.start), hhmm(b.end)),
            );
            return Err(Error::invalid_input(format!(
                "schedule intervals {x} and {y} are {what}: list them in time order without overlap"
            ))
            .in_kk_ru(
                format!("жұмыс кестесінің {x} және {y} аралықтары ретсіз немесе бір-бірін жабады: оларды уақыт ретімен, қабаттастырмай жазыңыз"),
                format!("интервалы графика {x} и {y} не упорядочены или пересекаются: укажите их по порядку без наложений"),
            ));
        }
    }
    Ok(())
}

fn format_intervals(ivs: &[Interval]) -> String {
    ivs.iter()
        .map(|iv| format!("{}-{}", hhmm(iv.start), hhmm(iv.end)))
        .collect::<Vec<_>>()
        .join(",")
}

impl fmt::Display for Schedule {
    /// `09:00-13:00,14:30-18:30` when all weekdays agree, else
    /// `mon 09:00-18:00; tue …` for each weekday.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.days.iter().all(|d| d == &self.days[0]) {
            return f.write_str(&format_intervals(&self.days[0]));
        }
        const NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
        let parts: Vec<String> = self
            .days
            .iter()
            .zip(NAMES)
            .map(|(d, n)| {
                format!(
                    "{n} {}",
                    if d.is_empty() {
                        "-".into()
                    } else {
                        format_intervals(d)
                    }
                )
            })
            .collect();
        f.write_str(&parts.join("; "))
    }
}

impl FromStr for Schedule {
    type Err = Error;

    /// `"09:00-13:00,14:30-18:30"` (every day), or per weekday:
    /// `"mon-fri 09:00-18:00; sat 09:00-13:00"`; `"sun -"` gives a weekday no
    /// office hours, as [`Display`](fmt::Display) prints it. Weekdays not
    /// named have no office hours; a weekday named twice is an error.
    fn from_str(s: &str) -> Result<Schedule> {
        let q = quoted(s);
        let parse_list = |list: &str| -> Result<Vec<Interval>> {
            let mut out = Vec::new();
            for part in list.split(',') {
                let (a, b) = part.split_once('-').ok_or_else(|| {
                    let p = quoted(part);
                    Error::invalid_input(format!(
                        "cannot read the interval {p} in the schedule {q}: expected HH:MM-HH:MM, e.g. \"09:00-13:00\""
                    ))
                    .in_kk_ru(
                        format!("{q} жұмыс кестесіндегі {p} аралығы оқылмады: СС:ММ-СС:ММ күтіледі, мысалы, «09:00-13:00»"),
                        format!("не удалось прочитать интервал {p} в графике {q}: ожидается ЧЧ:ММ-ЧЧ:ММ, например «09:00-13:00»"),
                    )
                })?;
                out.push(Interval::new(parse_hhmm(a, s)?, parse_hhmm(b, s)?)?);
            }
            validate(&out)?;
            Ok(out)
        };
        let s_trim = s.trim();
        if !s_trim.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return Schedule::uniform(parse_list(s_trim)?);
        }
        const NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
        let day = |n: &str| {
            NAMES.iter().position(|x| *x == n).ok_or_else(|| {
                let w = quoted(n);
                Error::invalid_input(format!(
                    "unknown weekday {w} in the schedule {q}: use mon, tue, wed, thu, fri, sat, sun"
                ))
                .in_kk_ru(
                    format!("{q} жұмыс кестесіндегі {w} апта күні белгісіз: mon, tue, wed, thu, fri, sat, sun жазыңыз"),
                    format!("неизвестный день недели {w} в графике {q}: используйте mon, tue, wed, thu, fri, sat, sun"),
                )
            })
        };
        let mut days: [Vec<Interval>; 7] = Default::default();
        let mut named = [false; 7];
        for part in s_trim.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            let (which, list) = part.split_once(' ').ok_or_else(|| {
                let p = quoted(part);
                Error::invalid_input(format!(
                    "cannot read {p} in the schedule {q}: expected e.g. \"mon-fri 09:00-18:00\""
                ))
                .in_kk_ru(
                    format!("{q} жұмыс кестесіндегі {p} оқылмады: мысалы, «mon-fri 09:00-18:00» күтіледі"),
                    format!("не удалось прочитать {p} в графике {q}: ожидается, например, «mon-fri 09:00-18:00»"),
                )
            })?;
            let (a, b) = match which.split_once('-') {
                Some((a, b)) => (day(a)?, day(b)?),
                None => (day(which)?, day(which)?),
            };
            if a > b {
                return Err(
                    Error::invalid_input(format!("weekday range {which:?} is reversed")).in_kk_ru(
                        format!("{which:?} апта күндерінің аралығы кері"),
                        format!("диапазон дней недели {which:?} перевёрнут"),
                    ),
                );
            }
            // "-": no office hours that weekday (what Display prints for it).
            let list = list.trim();
            let ivs = if list == "-" {
                Vec::new()
            } else {
                parse_list(list)?
            };
            // A weekday named twice would silently take the later hours.
            if let Some(twice) = (a..=b).find(|&d| named[d]) {
                let n = NAMES[twice];
                return Err(Error::invalid_input(format!(
                    "{n} is named twice in the schedule {q}: give each weekday's hours once"
                ))
                .in_kk_ru(
                    format!("{q} жұмыс кестесінде {n} екі рет аталған: әр күннің уақытын бір рет беріңіз"),
                    format!("{n} указан в графике {q} дважды: укажите часы каждого дня один раз"),
                ));
            }
            for d in a..=b {
                named[d] = true;
                days[d] = ivs.clone();
            }
        }
        if days.iter().all(Vec::is_empty) {
            return Err(
                Error::invalid_input(format!("the schedule {q} has no intervals")).in_kk_ru(
                    format!("{q} жұмыс кестесінде бірде-бір аралық жоқ"),
                    format!("в графике {q} нет ни одного интервала"),
                ),
            );
        }
        Ok(Schedule { days })
    }
}

impl Serialize for Schedule {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Schedule {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Schedule, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_parses_back() {
        for text in [
            "09:00-13:00,14:30-18:30",
            "mon-fri 09:00-18:00; sat 09:00-13:00",
            "mon-fri 09:00-18:00; sat -",
            "sat 10:00-11:00",
            "mon 00:00-24:00; sun 23:59-24:00",
        ] {
            let s: Schedule = text.parse().unwrap();
            let shown = s.to_string();
            assert_eq!(shown.parse::<Schedule>().unwrap(), s, "{text} -> {shown}");
        }
        let s = Schedule::state_body()
            .with_weekday(Weekday::Sat, Vec::new())
            .unwrap();
        assert!(s.to_string().contains("sat -"));
        assert_eq!(s.to_string().parse::<Schedule>().unwrap(), s);
        assert!("mon -".parse::<Schedule>().is_err(), "no intervals at all");
    }
}

//! Time zones: local wall-clock input, instants with an offset, and output with
//! the zone's offset for that date from the IANA database (chrono-tz).

use std::fmt;
use std::str::FromStr;

use chrono::{
    DateTime, Datelike, FixedOffset, LocalResult, NaiveDateTime, Offset, TimeZone, Timelike,
};
use chrono_tz::Tz;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{Error, Result};

/// An IANA time zone; the default is `Asia/Almaty`.
///
/// ```
/// use merzim::Zone;
/// let z = Zone::default();
/// let t = |s: &str| chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
/// assert_eq!(z.to_rfc3339(t("2020-07-01 18:30")), "2020-07-01T18:30:00+06:00");
/// assert_eq!(z.to_rfc3339(t("2024-07-01 18:30")), "2024-07-01T18:30:00+05:00");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Zone(Tz);

impl Default for Zone {
    fn default() -> Zone {
        Zone(chrono_tz::Asia::Almaty)
    }
}

impl Zone {
    /// The zone's IANA name.
    pub fn name(self) -> &'static str {
        self.0.name()
    }

    /// The chrono-tz zone.
    pub fn tz(self) -> Tz {
        self.0
    }

    /// A local wall-clock time as an instant in this zone. Ambiguous times (a
    /// clock set back) take the earlier instant; skipped times (a clock set
    /// forward) move forward by the gap, as RFC 5545 does. The note says which.
    ///
    /// Never panics: within two years of chrono's limits (±262,142) the zone's
    /// offset there is applied as is (or +00:00 when the instant would leave
    /// chrono's range).
    pub fn resolve(self, local: NaiveDateTime) -> (DateTime<FixedOffset>, Option<ZoneNote>) {
        if !(FAR_PAST..=FAR_FUTURE).contains(&local.year()) {
            return (self.far(local), None);
        }
        match self.0.from_local_datetime(&local) {
            LocalResult::Single(t) => (t.fixed_offset(), None),
            LocalResult::Ambiguous(a, b) => {
                let early = if a.naive_utc() <= b.naive_utc() { a } else { b };
                (early.fixed_offset(), Some(ZoneNote::Ambiguous { local }))
            }
            LocalResult::None => {
                // The offset in force before the gap, applied to the wall time.
                let before = self
                    .0
                    .offset_from_utc_datetime(&(local - chrono::Duration::hours(26)))
                    .fix();
                let utc = local - chrono::Duration::seconds(before.local_minus_utc() as i64);
                let t = self.0.from_utc_datetime(&utc).fixed_offset();
                (
                    t,
                    Some(ZoneNote::Skipped {
                        local,
                        resolved: t.naive_local(),
                    }),
                )
            }
        }
    }

    /// `local` near chrono's limits: the zone's offset at the nearest safe
    /// year, or +00:00 when that would leave chrono's range.
    fn far(self, local: NaiveDateTime) -> DateTime<FixedOffset> {
        let year = if local.year() < FAR_PAST {
            FAR_PAST
        } else {
            FAR_FUTURE
        };
        let probe = chrono::NaiveDate::from_ymd_opt(year, 1, 1)
            .unwrap_or_default()
            .and_time(chrono::NaiveTime::MIN);
        let off = self.0.offset_from_utc_datetime(&probe).fix();
        match local.checked_sub_offset(off) {
            Some(utc) => DateTime::from_naive_utc_and_offset(utc, off),
            None => {
                DateTime::from_naive_utc_and_offset(local, FixedOffset::east_opt(0).unwrap_or(off))
            }
        }
    }

    /// `local` as RFC 3339 with this zone's offset for that date (`…T18:30:00+05:00`).
    pub fn to_rfc3339(self, local: NaiveDateTime) -> String {
        // The common case, a local time that occurred once, without making
        // a `DateTime`: its text is the local time and the offset.
        if (FAR_PAST..=FAR_FUTURE).contains(&local.year()) {
            if let LocalResult::Single(offset) = self.0.offset_from_local_datetime(&local) {
                if let Some(text) = format_local(local, offset.fix()) {
                    return text;
                }
            }
        }
        format_rfc3339(self.resolve(local).0)
    }

    /// The wall-clock time in this zone at the instant `at` (minute
    /// resolution: seconds are dropped), with the zone's offset for that
    /// date: Almaty was UTC+6 before 1 March 2024 and is UTC+5 since.
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use merzim::Zone;
    /// let z = Zone::default(); // Asia/Almaty
    /// let t = |y, m, d, h| Utc.with_ymd_and_hms(y, m, d, h, 20, 30).unwrap();
    /// assert_eq!(z.local_at(t(2026, 12, 4, 6)).to_string(), "2026-12-04 11:20:00");
    /// assert_eq!(z.local_at(t(2023, 12, 4, 6)).to_string(), "2023-12-04 12:20:00");
    /// ```
    pub fn local_at(self, at: DateTime<chrono::Utc>) -> NaiveDateTime {
        let utc = at.naive_utc();
        let t = utc
            .checked_add_offset(self.0.offset_from_utc_datetime(&utc).fix())
            .unwrap_or(utc);
        t.with_second(0)
            .and_then(|t| t.with_nanosecond(0))
            .unwrap_or(t)
    }

    /// The wall-clock time in this zone now, from the system clock: what to
    /// count from for a submission made now. `chrono::Local::now()` is the
    /// zone of the machine, not of the office (on a server in UTC it is five
    /// hours behind Almaty); this is the office's.
    ///
    /// ```
    /// let z: merzim::Zone = "Asia/Almaty".parse()?;
    /// let now = z.now();
    /// assert_eq!(now.date(), z.today());
    /// # Ok::<(), merzim::Error>(())
    /// ```
    pub fn now(self) -> NaiveDateTime {
        self.local_at(DateTime::<chrono::Utc>::from(std::time::SystemTime::now()))
    }

    /// Today's date in this zone (the date of [`now`](Zone::now)).
    pub fn today(self) -> chrono::NaiveDate {
        self.now().date()
    }

    /// A submitted time as local wall-clock time in this zone (minute resolution:
    /// seconds are dropped).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) for an
    /// instant whose local time chrono cannot represent (years near ±262,000).
    pub fn local_of(self, submitted: Submitted) -> Result<NaiveDateTime> {
        let t = match submitted {
            Submitted::Local(t) => t,
            Submitted::Instant(t) => {
                let utc = t.naive_utc();
                let offset = self.0.offset_from_utc_datetime(&utc).fix();
                utc.checked_add_offset(offset).ok_or_else(|| {
                    Error::invalid_input(format!(
                        "the instant {} has no local time in {}: it is outside the years chrono can represent",
                        format_rfc3339(t),
                        self.name()
                    ))
                })?
            }
        };
        Ok(t.with_second(0)
            .and_then(|t| t.with_nanosecond(0))
            .unwrap_or(t))
    }
}

/// Years within which chrono's zone arithmetic cannot overflow.
const FAR_PAST: i32 = -262_142 + 2;
const FAR_FUTURE: i32 = 262_142 - 2;

/// RFC 3339 at second precision (`2026-04-23T18:30:00+05:00`).
///
/// An offset with seconds (the local mean time of a zone before standard
/// time, e.g. Almaty's +05:07:48 before 1924) keeps them (`+05:07:48`), so the
/// text still names the exact instant; [`Submitted`] reads that form back.
pub fn format_rfc3339(t: DateTime<FixedOffset>) -> String {
    if let Some(text) = format_local(t.naive_local(), *t.offset()) {
        return text;
    }
    if t.offset().local_minus_utc() % 60 != 0 {
        return t.format("%Y-%m-%dT%H:%M:%S%::z").to_string();
    }
    t.format("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

/// [`format_rfc3339`] of the instant whose local time is `local` at
/// `offset`, written digit by digit from the local fields (chrono's general
/// formatter, and reading the fields of a `DateTime`, which adds the offset
/// to UTC again for each, dominated batch time); `None` for an offset with
/// seconds or a year outside 0..=9999.
fn format_local(local: NaiveDateTime, offset: FixedOffset) -> Option<String> {
    let year = local.year();
    let off = offset.local_minus_utc();
    if off % 60 != 0 || !(0..=9999).contains(&year) {
        return None;
    }
    let mut text = String::with_capacity(25);
    crate::dates::push_iso_date(&mut text, local.date());
    let two = |text: &mut String, v: u32| {
        text.push((b'0' + (v / 10) as u8) as char);
        text.push((b'0' + (v % 10) as u8) as char);
    };
    let seconds = local.num_seconds_from_midnight();
    text.push('T');
    two(&mut text, seconds / 3600);
    text.push(':');
    two(&mut text, seconds / 60 % 60);
    text.push(':');
    two(&mut text, seconds % 60);
    text.push(if off < 0 { '-' } else { '+' });
    let off = off.unsigned_abs() / 60;
    two(&mut text, off / 60);
    text.push(':');
    two(&mut text, off % 60);
    Some(text)
}

/// How a local time was resolved in its zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ZoneNote {
    /// The local time occurred twice; the earlier instant was taken.
    Ambiguous {
        /// The wall-clock time.
        local: NaiveDateTime,
    },
    /// The local time did not occur; it was moved forward by the gap.
    Skipped {
        /// The wall-clock time asked for.
        local: NaiveDateTime,
        /// The wall-clock time it resolved to.
        resolved: NaiveDateTime,
    },
}

impl ZoneNote {
    /// The note for a person reading `lang` (`Display` is the English one).
    pub fn describe(&self, lang: crate::Lang) -> String {
        let at =
            |t: &NaiveDateTime| format!("{} {}", lang.format_date(t.date()), t.format("%H:%M"));
        match (self, lang) {
            (_, crate::Lang::En) => self.to_string(),
            (ZoneNote::Ambiguous { local }, crate::Lang::Kk) => format!(
                "{} бұл белдеуде екі рет болды (сағат тілі кері жылжытылды); ертерек сәт алынды (RFC 5545)",
                at(local)
            ),
            (ZoneNote::Ambiguous { local }, _) => format!(
                "время {} в этом поясе было дважды (часы переведены назад); взят более ранний момент (RFC 5545)",
                at(local)
            ),
            (ZoneNote::Skipped { local, resolved }, crate::Lang::Kk) => format!(
                "{} бұл белдеуде болған жоқ (сағат тілі алға жылжытылды); {} уақытына ауыстырылды (RFC 5545)",
                at(local),
                at(resolved)
            ),
            (ZoneNote::Skipped { local, resolved }, _) => format!(
                "времени {} в этом поясе не было (часы переведены вперёд); перенесено на {} (RFC 5545)",
                at(local),
                at(resolved)
            ),
        }
    }
}

impl fmt::Display for ZoneNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ZoneNote::Ambiguous { local } => write!(
                f,
                "{local} occurred twice in this zone (clocks set back); the earlier instant is used (RFC 5545)"
            ),
            ZoneNote::Skipped { local, resolved } => write!(
                f,
                "{local} did not occur in this zone (clocks set forward); moved forward to {resolved} (RFC 5545)"
            ),
        }
    }
}

impl FromStr for Zone {
    type Err = Error;
    fn from_str(s: &str) -> Result<Zone> {
        s.trim().parse::<Tz>().map(Zone).map_err(|_| {
            let q = crate::error::quoted(s);
            Error::invalid_input(format!(
                "unknown time zone {q}: expected an IANA name such as Asia/Almaty, Asia/Aqtobe, Asia/Qostanay"
            ))
            .in_kk_ru(
                format!("{q} уақыт белдеуі белгісіз: IANA атауы күтіледі, мысалы, Asia/Almaty, Asia/Aqtobe, Asia/Qostanay"),
                format!("неизвестный часовой пояс {q}: ожидается имя IANA, например Asia/Almaty, Asia/Aqtobe, Asia/Qostanay"),
            )
        })
    }
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Zone {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Zone {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Zone, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

/// A submission time: local wall-clock time of the office, or an instant with an offset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Submitted {
    /// Wall-clock time in the office's zone (`2026-03-20T16:30:00`).
    Local(NaiveDateTime),
    /// An instant (`2026-03-20T16:30:00+05:00`, `…Z`).
    Instant(DateTime<FixedOffset>),
}

impl FromStr for Submitted {
    type Err = Error;

    /// RFC 3339 with an offset, local `YYYY-MM-DDTHH:MM[:SS]` (a space may
    /// replace the `T`), or local `DD.MM.YYYY HH:MM[:SS]` as people write it
    /// in Kazakhstan. A date alone is refused with a message saying that a
    /// time is needed (see [`Submitted::date_only`]).
    fn from_str(s: &str) -> Result<Submitted> {
        let t = s.trim();
        if let Some(l) = plain_local(t) {
            return Ok(Submitted::Local(l));
        }
        if dotted_date(t) {
            for f in ["%d.%m.%Y %H:%M", "%d.%m.%Y %H:%M:%S"] {
                if let Ok(l) = NaiveDateTime::parse_from_str(t, f) {
                    return Ok(Submitted::Local(l));
                }
            }
        }
        if let Some(d) = Submitted::date_only(t) {
            return Err(Error::invalid_input(format!(
                "the time {} has no time of day: a time is needed here, e.g. {}T10:00 or {} 10:00",
                crate::error::quoted(s),
                d.format("%Y-%m-%d"),
                d.format("%d.%m.%Y")
            )));
        }
        if let Ok(i) = DateTime::parse_from_rfc3339(t) {
            return Ok(Submitted::Instant(i));
        }
        for f in [
            "%Y-%m-%dT%H:%M:%S%.f",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M:%S%.f",
            "%Y-%m-%d %H:%M",
        ] {
            if let Ok(l) = NaiveDateTime::parse_from_str(t, f) {
                return Ok(Submitted::Local(l));
            }
        }
        if let Some(i) = with_second_offset(t) {
            return Ok(Submitted::Instant(i));
        }
        // `Z` is the offset +00:00 in every form that takes an offset
        // (`2026-03-20T16:30Z` as well as `2026-03-20T16:30:00Z`).
        let zulu = t
            .strip_suffix(['Z', 'z'])
            .filter(|b| b.len() >= 16)
            .map(|b| format!("{b}+00:00"));
        let t = zulu.as_deref().unwrap_or(t);
        for f in [
            // What format_rfc3339 writes for a year outside 0..=9999.
            "%Y-%m-%dT%H:%M:%S%.f%:z",
            "%Y-%m-%dT%H:%M%:z",
            "%Y-%m-%d %H:%M%:z",
            "%Y-%m-%d %H:%M:%S%:z",
        ] {
            if let Ok(i) = DateTime::parse_from_str(t, f) {
                return Ok(Submitted::Instant(i));
            }
        }
        let q = crate::error::quoted(s);
        Err(Error::invalid_input(format!(
            "cannot read the time {q}: expected local time YYYY-MM-DDTHH:MM[:SS] \
             (e.g. 2026-03-20T16:30), DD.MM.YYYY HH:MM (e.g. 20.03.2026 16:30) \
             or an RFC 3339 instant (e.g. 2026-03-20T16:30:00+05:00)"
        ))
        .in_kk_ru(
            format!(
                "{q} уақыты оқылмады: жергілікті уақыт ЖЖЖЖ-АА-ККTСС:ММ[:СС] (мысалы, \
                 2026-03-20T16:30), КК.АА.ЖЖЖЖ СС:ММ (мысалы, 20.03.2026 16:30) немесе \
                 RFC 3339 сәті (мысалы, 2026-03-20T16:30:00+05:00) күтіледі"
            ),
            format!(
                "не удалось прочитать время {q}: ожидается местное время ГГГГ-ММ-ДДTЧЧ:ММ[:СС] \
                 (например, 2026-03-20T16:30), ДД.ММ.ГГГГ ЧЧ:ММ (например, 20.03.2026 16:30) \
                 или момент RFC 3339 (например, 2026-03-20T16:30:00+05:00)"
            ),
        ))
    }
}

impl Submitted {
    /// A date without a time, `YYYY-MM-DD` or `DD.MM.YYYY`: what a person
    /// gives when the time of day does not matter (see
    /// [`OfficeTime::legal_due_on_date`](crate::OfficeTime::legal_due_on_date)).
    /// `None` for anything else.
    ///
    /// ```
    /// use merzim::Submitted;
    /// let d = chrono::NaiveDate::from_ymd_opt(2026, 12, 4);
    /// assert_eq!(Submitted::date_only("2026-12-04"), d);
    /// assert_eq!(Submitted::date_only(" 04.12.2026 "), d);
    /// assert_eq!(Submitted::date_only("04.12.2026 11:20"), None);
    /// assert!("2026-12-04".parse::<Submitted>().is_err()); // a time is needed
    /// assert_eq!(
    ///     "04.12.2026 11:20".parse::<Submitted>()?,
    ///     "2026-12-04T11:20".parse::<Submitted>()?
    /// );
    /// # Ok::<(), merzim::Error>(())
    /// ```
    pub fn date_only(s: &str) -> Option<chrono::NaiveDate> {
        let t = s.trim();
        let b = t.as_bytes();
        let format = match b {
            _ if b.len() != 10 => return None,
            _ if dotted_date(t) => "%d.%m.%Y",
            _ if b[4] == b'-' && b[7] == b'-' => "%Y-%m-%d",
            _ => return None,
        };
        chrono::NaiveDate::parse_from_str(t, format).ok()
    }
}

/// Whether `t` starts with a date `DD.MM.YYYY` (two, two and four digits).
fn dotted_date(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() >= 10
        && b[2] == b'.'
        && b[5] == b'.'
        && [0, 1, 3, 4, 6, 7, 8, 9]
            .iter()
            .all(|&i| b[i].is_ascii_digit())
        && b.get(10).is_none_or(|&c| c == b' ')
}

/// The common local forms `YYYY-MM-DDTHH:MM` and `YYYY-MM-DDTHH:MM:SS` (a
/// space may replace the `T`), read digit by digit: the general formats below
/// give the same value for them but cost most of a batch line's time. `None`
/// for anything else, including a leap second, which the general path reads.
fn plain_local(t: &str) -> Option<NaiveDateTime> {
    let b = t.as_bytes();
    if !(b.len() == 16 || b.len() == 19) {
        return None;
    }
    let digits = |at: usize, n: usize| -> Option<u32> {
        b[at..at + n].iter().try_fold(0u32, |v, &c| {
            c.is_ascii_digit().then(|| v * 10 + (c - b'0') as u32)
        })
    };
    if b[4] != b'-' || b[7] != b'-' || !(b[10] == b'T' || b[10] == b' ') || b[13] != b':' {
        return None;
    }
    let second = if b.len() == 19 {
        if b[16] != b':' {
            return None;
        }
        digits(17, 2).filter(|&s| s < 60)?
    } else {
        0
    };
    chrono::NaiveDate::from_ymd_opt(digits(0, 4)? as i32, digits(5, 2)?, digits(8, 2)?)?
        .and_hms_opt(digits(11, 2)?, digits(14, 2)?, second)
}

/// `YYYY-MM-DDTHH:MM:SS±HH:MM:SS`: an offset with seconds, as
/// [`format_rfc3339`] writes a local mean time.
fn with_second_offset(t: &str) -> Option<DateTime<FixedOffset>> {
    let split = t.len().checked_sub(9).filter(|&i| t.is_char_boundary(i))?;
    let (local, off) = t.split_at(split);
    let sign = match off.as_bytes()[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let parts: Vec<&str> = off[1..].split(':').collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.len() != 2 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let n = |i: usize| parts[i].parse::<i32>().ok();
    let (h, m, sec) = (n(0)?, n(1)?, n(2)?);
    if m > 59 || sec > 59 {
        return None;
    }
    let off = FixedOffset::east_opt(sign * (h * 3600 + m * 60 + sec))?;
    let local = NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M:%S%.f")
        .or_else(|_| NaiveDateTime::parse_from_str(local, "%Y-%m-%d %H:%M:%S%.f"))
        .ok()?;
    let utc = local.checked_sub_offset(off)?;
    Some(DateTime::from_naive_utc_and_offset(utc, off))
}

impl From<NaiveDateTime> for Submitted {
    fn from(t: NaiveDateTime) -> Submitted {
        Submitted::Local(t)
    }
}

impl From<DateTime<FixedOffset>> for Submitted {
    fn from(t: DateTime<FixedOffset>) -> Submitted {
        Submitted::Instant(t)
    }
}

impl fmt::Display for Submitted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Submitted::Local(t) => write!(f, "{}", t.format("%Y-%m-%dT%H:%M:%S")),
            Submitted::Instant(t) => f.write_str(&format_rfc3339(*t)),
        }
    }
}

impl Serialize for Submitted {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Submitted {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Submitted, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    /// The digit-by-digit reader gives what chrono's formats give, and
    /// declines what they read differently (a leap second).
    #[test]
    fn plain_local_agrees_with_the_general_formats() {
        let general = |t: &str| {
            [
                "%Y-%m-%dT%H:%M:%S%.f",
                "%Y-%m-%dT%H:%M",
                "%Y-%m-%d %H:%M:%S%.f",
                "%Y-%m-%d %H:%M",
            ]
            .iter()
            .find_map(|f| NaiveDateTime::parse_from_str(t, f).ok())
        };
        let mut cases = vec![
            "2026-03-20T16:30".to_string(),
            "2026-03-20 16:30".into(),
            "2026-03-20T16:30:59".into(),
            "2026-03-20T16:30:60".into(),
            "2024-02-29T00:00".into(),
            "2026-02-29T00:00".into(),
            "2026-13-01T00:00".into(),
            "2026-00-10T00:00".into(),
            "2026-03-20T24:00".into(),
            "2026-03-20T23:60".into(),
            "2026-03-20X16:30".into(),
            "2026/03/20T16:30".into(),
            "+026-03-20T16:30".into(),
            "2026-03-2OT16:30".into(),
            "0000-01-01T00:00".into(),
            "9999-12-31T23:59:59".into(),
        ];
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let v = x;
            cases.push(format!(
                "{:04}-{:02}-{:02}{}{:02}:{:02}{}",
                1990 + v % 50,
                (v >> 8) % 14,
                (v >> 16) % 33,
                if v & (1 << 30) == 0 { 'T' } else { ' ' },
                (v >> 24) % 26,
                (v >> 32) % 62,
                if v & (1 << 40) == 0 {
                    String::new()
                } else {
                    format!(":{:02}", (v >> 44) % 62)
                },
            ));
        }
        let mut read = 0;
        for t in &cases {
            // Declined input goes on to the general formats, so only what it
            // reads must agree.
            if let Some(l) = plain_local(t) {
                assert_eq!(Some(l), general(t), "{t}");
                read += 1;
            }
        }
        assert!(read > 5_000, "{read}");
        assert!(plain_local("2026-03-20T16:30").is_some());
        assert!(plain_local("2026-03-20 16:30:59").is_some());
        assert!(plain_local("2026-03-20T16:30:60").is_none());
    }

    use super::*;

    #[test]
    fn fast_rfc3339_equals_chrono() {
        let z = Zone::default();
        let mut t = chrono::NaiveDate::from_ymd_opt(2000, 1, 1)
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap();
        while t.date().year() < 2030 {
            let (at, _) = z.resolve(t);
            assert_eq!(
                format_rfc3339(at),
                at.format("%Y-%m-%dT%H:%M:%S%:z").to_string()
            );
            t += chrono::Duration::minutes(7919);
        }
        let neg = DateTime::parse_from_rfc3339("2026-03-20T16:30:05-03:30").unwrap();
        assert_eq!(format_rfc3339(neg), "2026-03-20T16:30:05-03:30");
    }

    #[test]
    fn lmt_offsets_keep_their_seconds() {
        let z = Zone::default();
        let t = chrono::NaiveDate::from_ymd_opt(1900, 1, 1)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap();
        let (at, _) = z.resolve(t);
        assert_eq!(at.offset().local_minus_utc(), 5 * 3600 + 7 * 60 + 48);
        let text = format_rfc3339(at);
        assert_eq!(text, "1900-01-01T12:00:00+05:07:48");
        match text.parse::<Submitted>().unwrap() {
            Submitted::Instant(back) => assert_eq!(back, at),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn local_forms_people_write() {
        let iso = |t: &str| t.parse::<Submitted>().unwrap();
        assert_eq!(iso("20.03.2026 16:30"), iso("2026-03-20T16:30"));
        assert_eq!(iso(" 20.03.2026 16:30:05 "), iso("2026-03-20T16:30:05"));
        for bad in [
            "31.02.2026 10:00",
            "20.03.2026 25:00",
            "20.03.26 10:00",
            "now",
            "",
        ] {
            let e = bad.parse::<Submitted>().unwrap_err();
            assert!(e.message().contains("DD.MM.YYYY HH:MM"), "{bad}: {e}");
        }
        for date in ["2026-03-20", "20.03.2026"] {
            let e = date.parse::<Submitted>().unwrap_err();
            assert!(e.message().contains("a time is needed"), "{date}: {e}");
            assert_eq!(
                Submitted::date_only(date),
                chrono::NaiveDate::from_ymd_opt(2026, 3, 20)
            );
        }
        assert_eq!(Submitted::date_only("31.02.2026"), None);
        assert_eq!(Submitted::date_only("20.03.26"), None);
        assert_eq!(Submitted::date_only("26-03-20"), None);
    }

    #[test]
    fn local_at_follows_the_zone_history() {
        use chrono::TimeZone;
        let z = Zone::default();
        // Almaty: UTC+6 until 2024-03-01 00:00, UTC+5 since.
        let utc = |y, m, d, h, min| chrono::Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap();
        let local = |y, m, d, h, min| {
            chrono::NaiveDate::from_ymd_opt(y, m, d)
                .unwrap()
                .and_hms_opt(h, min, 0)
                .unwrap()
        };
        assert_eq!(
            z.local_at(utc(2024, 2, 29, 17, 59)),
            local(2024, 2, 29, 23, 59)
        );
        assert_eq!(z.local_at(utc(2024, 2, 29, 19, 0)), local(2024, 3, 1, 0, 0));
        let utc_zone: Zone = "UTC".parse().unwrap();
        assert_eq!(
            utc_zone.local_at(utc(2026, 12, 4, 6, 20)),
            local(2026, 12, 4, 6, 20)
        );
    }

    #[test]
    fn limits_do_not_panic() {
        for tz in [
            "Asia/Almaty",
            "America/New_York",
            "Pacific/Kiritimati",
            "Etc/GMT+12",
            "UTC",
        ] {
            let z: Zone = tz.parse().unwrap();
            for t in [NaiveDateTime::MIN, NaiveDateTime::MAX] {
                let (at, _) = z.resolve(t);
                let _ = format_rfc3339(at);
                let _ = z.to_rfc3339(t);
            }
        }
    }
}

//! merzim in PostgreSQL: the functions of schema `merzim`.
//!
//! A thin face over the library: every answer comes from `merzim::Calendar`,
//! `merzim::OfficeTime`, `merzim::Regulation`, `merzim::balance` and
//! `merzim::batch::Evaluator`; this crate only converts PostgreSQL values to
//! the library's and back, keeps the calendars and office tables it built
//! for the life of the backend process ([`cache`]), and turns the library's
//! errors into PostgreSQL errors ([`errors`]).

// pgrx reads the columns of a function returning a table from its signature,
// so those types are written out there, not behind aliases.
#![allow(clippy::type_complexity)]

use pgrx::prelude::*;

mod args;
mod cache;
mod convert;
mod errors;

::pgrx::pg_module_magic!();

// The composite that merzim.due() returns.
extension_sql!(
    r#"
-- Created only when missing, so that a version's script can also serve as
-- the upgrade script to it (README.md, "Upgrades").
DO $$ BEGIN
CREATE TYPE merzim.due_result AS (
    registered date,
    due timestamptz,
    handoff timestamptz,
    provisional boolean,
    warnings text[]
);
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
COMMENT ON TYPE merzim.due_result IS 'The result of merzim.due(): registration date, due instant, hand-off to the State Corporation (NULL otherwise), whether a provisional day was involved, remarks';
"#,
    name = "due_result",
);

/// The functions. They are created in the extension's schema, `merzim`
/// (merzim.control), which CREATE EXTENSION creates.
pub mod merzim {
    use pgrx::prelude::*;
    use pgrx::JsonB;

    use crate::args;
    use crate::cache::{self, CalendarKey};
    use crate::convert::{date_in, date_out, instant_out};
    use crate::errors::{or_raise, raise};
    use merzim_lib::ErrorKind;

    /// The version of the embedded data (coverage and a hash of the data
    /// files): the extension's version names it.
    #[pg_extern(immutable, parallel_safe)]
    pub fn data_version() -> String {
        cache::base().data_version().to_string()
    }

    /// First and last date the calendar covers.
    #[pg_extern(immutable, parallel_safe)]
    pub fn coverage() -> TableIterator<'static, (name!(first, Date), name!(last, Date))> {
        let (a, b) = cache::base().valid_range();
        TableIterator::once((date_out(a), date_out(b)))
    }

    // The three functions called per row read their arguments from `fcinfo`
    // (crate::args) instead of through pgrx's generic decoding, which was a
    // third of a call; their SQL is written out with the same names, types
    // and defaults.

    /// Whether `day` is a working day.
    #[pg_extern(sql = r#"
CREATE FUNCTION merzim.is_working_day(
    day date,
    week text DEFAULT NULL,
    as_known_on date DEFAULT NULL,
    overlay_toml text DEFAULT NULL
) RETURNS boolean
IMMUTABLE PARALLEL SAFE
LANGUAGE c
AS '@MODULE_PATHNAME@', 'is_working_day_wrapper';
COMMENT ON FUNCTION merzim.is_working_day(date, text, date, text) IS 'Whether the date is a working day';
"#)]
    fn is_working_day(fcinfo: pg_sys::FunctionCallInfo) -> Option<bool> {
        let (day, key) = unsafe { (args::date(fcinfo, 0)?, args::calendar_key(fcinfo, 1)) };
        Some(cache::with_calendar(&key, |c| {
            or_raise(c.is_working_day(day))
        }))
    }

    /// The `n`-th working day strictly after `day` (n = 0 rolls a day off
    /// forward to the next working day; a negative n counts back).
    #[pg_extern(sql = r#"
CREATE FUNCTION merzim.add_working_days(
    day date,
    n integer,
    week text DEFAULT NULL,
    as_known_on date DEFAULT NULL,
    overlay_toml text DEFAULT NULL
) RETURNS date
IMMUTABLE PARALLEL SAFE
LANGUAGE c
AS '@MODULE_PATHNAME@', 'add_working_days_wrapper';
COMMENT ON FUNCTION merzim.add_working_days(date, integer, text, date, text) IS 'The n-th working day strictly after the date (n = 0 rolls a day off forward; a negative n counts back)';
"#)]
    fn add_working_days(fcinfo: pg_sys::FunctionCallInfo) -> Option<Date> {
        let (day, n, key) = unsafe {
            (
                args::date(fcinfo, 0)?,
                args::int4(fcinfo, 1)?,
                args::calendar_key(fcinfo, 2),
            )
        };
        Some(date_out(cache::with_calendar(&key, |c| {
            or_raise(c.add_working_days(day, n))
        })))
    }

    /// The working days in (a, b]: add_working_days(a, result) = b when b is
    /// a working day; negative when b < a.
    #[pg_extern(sql = r#"
CREATE FUNCTION merzim.working_days_between(
    a date,
    b date,
    week text DEFAULT NULL,
    as_known_on date DEFAULT NULL,
    overlay_toml text DEFAULT NULL
) RETURNS integer
IMMUTABLE PARALLEL SAFE
LANGUAGE c
AS '@MODULE_PATHNAME@', 'working_days_between_wrapper';
COMMENT ON FUNCTION merzim.working_days_between(date, date, text, date, text) IS 'The working days in (a, b]; negative when b < a';
"#)]
    fn working_days_between(fcinfo: pg_sys::FunctionCallInfo) -> Option<i32> {
        let (a, b, key) = unsafe {
            (
                args::date(fcinfo, 0)?,
                args::date(fcinfo, 1)?,
                args::calendar_key(fcinfo, 2),
            )
        };
        Some(cache::with_calendar(&key, |c| {
            or_raise(c.working_days_between(a, b))
        }))
    }

    type DayRow = (
        Date,
        String,
        bool,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        bool,
        bool,
    );

    fn day_row(d: merzim_lib::Day) -> DayRow {
        let (kk, ru, en) = match d.names {
            Some(n) => (Some(n.kk), Some(n.ru), Some(n.en)),
            None => (None, None, None),
        };
        (
            date_out(d.date),
            d.kind.to_string(),
            d.working,
            kk,
            ru,
            en,
            d.source,
            d.source_url,
            d.act.map(|a| a.id),
            d.provisional,
            d.estimated,
        )
    }

    /// Everything the calendar knows about one date: its kind, names in
    /// kk/ru/en, legal source, the act that moved it, and flags.
    #[pg_extern(immutable, parallel_safe)]
    pub fn day(
        day: Option<Date>,
        week: default!(Option<&str>, "NULL"),
        as_known_on: default!(Option<Date>, "NULL"),
        overlay_toml: default!(Option<&str>, "NULL"),
    ) -> TableIterator<
        'static,
        (
            name!(date, Date),
            name!(kind, String),
            name!(working, bool),
            name!(name_kk, Option<String>),
            name!(name_ru, Option<String>),
            name!(name_en, Option<String>),
            name!(source, Option<String>),
            name!(source_url, Option<String>),
            name!(act, Option<String>),
            name!(provisional, bool),
            name!(estimated, bool),
        ),
    > {
        let Some(day) = day else {
            return TableIterator::empty();
        };
        let day = date_in(day);
        let key = CalendarKey::new(week, as_known_on, overlay_toml);
        let d = cache::with_calendar(&key, |c| or_raise(c.day(day)));
        TableIterator::once(day_row(d))
    }

    /// The library's JSON form of a day (`merzim::Day`, as each day of
    /// `merzim calendar --json` is printed).
    #[pg_extern(immutable, parallel_safe)]
    pub fn day_json(
        day: Option<Date>,
        week: default!(Option<&str>, "NULL"),
        as_known_on: default!(Option<Date>, "NULL"),
        overlay_toml: default!(Option<&str>, "NULL"),
    ) -> Option<JsonB> {
        let day = date_in(day?);
        let key = CalendarKey::new(week, as_known_on, overlay_toml);
        let d = cache::with_calendar(&key, |c| or_raise(c.day(day)));
        match serde_json::to_value(&d) {
            Ok(v) => Some(JsonB(v)),
            Err(e) => raise(ErrorKind::Internal, &e.to_string()),
        }
    }

    /// Every day of `year`, one row each (as merzim.day()).
    #[pg_extern(immutable, parallel_safe)]
    pub fn calendar(
        year: Option<i32>,
        week: default!(Option<&str>, "NULL"),
        as_known_on: default!(Option<Date>, "NULL"),
        overlay_toml: default!(Option<&str>, "NULL"),
    ) -> TableIterator<
        'static,
        (
            name!(date, Date),
            name!(kind, String),
            name!(working, bool),
            name!(name_kk, Option<String>),
            name!(name_ru, Option<String>),
            name!(name_en, Option<String>),
            name!(source, Option<String>),
            name!(source_url, Option<String>),
            name!(act, Option<String>),
            name!(provisional, bool),
            name!(estimated, bool),
        ),
    > {
        let Some(year) = year else {
            return TableIterator::empty();
        };
        let key = CalendarKey::new(week, as_known_on, overlay_toml);
        let days = cache::with_calendar(&key, |c| {
            let Some(first) = chrono::NaiveDate::from_ymd_opt(year, 1, 1) else {
                raise(
                    ErrorKind::OutOfCoverage,
                    &format!("the year {year} is outside the calendar's coverage"),
                )
            };
            let mut v = Vec::with_capacity(366);
            let mut d = first;
            while chrono::Datelike::year(&d) == year {
                v.push(day_row(or_raise(c.day(d))));
                d = d
                    .succ_opt()
                    .expect("a date in a covered year has a successor");
            }
            v
        });
        TableIterator::new(days)
    }

    /// The balance of working time of `year` (Labour Code arts. 68-69), as
    /// the Ministry of Labour publishes it: per month, quarter, half-year,
    /// nine months and year, for the five-day and the six-day week.
    #[pg_extern(immutable, parallel_safe)]
    pub fn balance(
        year: Option<i32>,
        as_known_on: default!(Option<Date>, "NULL"),
        overlay_toml: default!(Option<&str>, "NULL"),
    ) -> TableIterator<
        'static,
        (
            name!(period, String),
            name!(calendar_days, i32),
            name!(calendar_days_without_holidays, i32),
            name!(five_day_working_days, i32),
            name!(five_day_hours_40, f64),
            name!(five_day_hours_36, f64),
            name!(five_day_hours_24, f64),
            name!(six_day_working_days, i32),
            name!(six_day_hours_40, f64),
            name!(six_day_hours_36, f64),
            name!(six_day_hours_24, f64),
        ),
    > {
        let Some(year) = year else {
            return TableIterator::empty();
        };
        let key = CalendarKey::new(None, as_known_on, overlay_toml);
        let b = cache::with_calendar(&key, |c| or_raise(c.balance(year)));
        let n = |v: u32| v as i32;
        TableIterator::new(
            b.balance
                .into_iter()
                .map(move |r| {
                    (
                        r.period,
                        n(r.calendar_days),
                        n(r.calendar_days_without_holidays),
                        n(r.five_day.working_days),
                        r.five_day.hours_40(),
                        r.five_day.hours_36(),
                        r.five_day.hours_24(),
                        n(r.six_day.working_days),
                        r.six_day.hours_40(),
                        r.six_day.hours_36(),
                        r.six_day.hours_24(),
                    )
                })
                .collect::<Vec<_>>(),
        )
    }

    type StepRow = (
        i32,
        String,
        String,
        String,
        TimestampWithTimeZone,
        TimestampWithTimeZone,
    );

    #[allow(clippy::too_many_arguments)]
    fn timeline_rows(
        regulation: &str,
        s: merzim_lib::Submitted,
        channel: Option<&str>,
        outcome: Option<&str>,
        tz: Option<&str>,
        schedule: Option<&str>,
        as_known_on: Option<Date>,
        overlay_toml: Option<&str>,
        definition: Option<&str>,
        lang: Option<&str>,
    ) -> Vec<StepRow> {
        let zone: merzim_lib::Zone = match tz {
            Some(t) => or_raise(t.parse()),
            None => merzim_lib::Zone::default(),
        };
        let channel: merzim_lib::Channel = match channel {
            Some(c) => or_raise(c.parse()),
            None => Default::default(),
        };
        let outcome: merzim_lib::Outcome = match outcome {
            Some(o) => or_raise(o.parse()),
            None => Default::default(),
        };
        let lang: merzim_lib::Lang = match lang {
            Some(l) => or_raise(l.parse()),
            None => merzim_lib::Lang::En,
        };
        let key = CalendarKey::new(None, as_known_on, overlay_toml);
        let office = cache::office(&key, schedule).with_zone(zone);
        let local = or_raise(zone.local_of(s));
        let tl = match definition {
            Some(text) => {
                let reg = cache::regulation(text);
                if reg.id != regulation {
                    raise(
                        ErrorKind::InvalidInput,
                        &format!(
                            "the regulation text defines {:?}, not {:?}",
                            reg.id, regulation
                        ),
                    );
                }
                or_raise(reg.timeline(&office, local, channel, outcome))
            }
            None => {
                let reg = or_raise(merzim_lib::Regulation::bundled(regulation));
                or_raise(reg.timeline(&office, local, channel, outcome))
            }
        };
        tl.steps
            .iter()
            .map(|st| {
                (
                    st.number as i32,
                    st.actor.get(lang).to_string(),
                    st.action.get(lang).to_string(),
                    st.duration.to_string(),
                    instant_out(st.start_zoned()),
                    instant_out(st.end_zoned()),
                )
            })
            .collect()
    }

    /// The steps of a regulation's timeline for a submission at an instant.
    /// `regulation` names a bundled regulation, or the one that
    /// `definition` (a regulation file's TOML text) defines.
    #[allow(clippy::too_many_arguments)]
    #[pg_extern(immutable, parallel_safe, name = "timeline")]
    pub fn timeline_tz(
        regulation: Option<&str>,
        submitted: Option<TimestampWithTimeZone>,
        channel: default!(Option<&str>, "NULL"),
        outcome: default!(Option<&str>, "NULL"),
        tz: default!(Option<&str>, "NULL"),
        schedule: default!(Option<&str>, "NULL"),
        as_known_on: default!(Option<Date>, "NULL"),
        overlay_toml: default!(Option<&str>, "NULL"),
        definition: default!(Option<&str>, "NULL"),
        lang: default!(Option<&str>, "NULL"),
    ) -> TableIterator<
        'static,
        (
            name!(number, i32),
            name!(actor, String),
            name!(action, String),
            name!(duration, String),
            name!(start, TimestampWithTimeZone),
            name!(end, TimestampWithTimeZone),
        ),
    > {
        let (Some(regulation), Some(submitted)) = (regulation, submitted) else {
            return TableIterator::empty();
        };
        let s = crate::convert::instant_in(submitted);
        TableIterator::new(timeline_rows(
            regulation,
            s,
            channel,
            outcome,
            tz,
            schedule,
            as_known_on,
            overlay_toml,
            definition,
            lang,
        ))
    }

    /// The steps of a regulation's timeline for a submission at a local time
    /// of the office (read in `tz`, default Asia/Almaty).
    #[allow(clippy::too_many_arguments)]
    #[pg_extern(immutable, parallel_safe, name = "timeline")]
    pub fn timeline_local(
        regulation: Option<&str>,
        submitted: Option<Timestamp>,
        channel: default!(Option<&str>, "NULL"),
        outcome: default!(Option<&str>, "NULL"),
        tz: default!(Option<&str>, "NULL"),
        schedule: default!(Option<&str>, "NULL"),
        as_known_on: default!(Option<Date>, "NULL"),
        overlay_toml: default!(Option<&str>, "NULL"),
        definition: default!(Option<&str>, "NULL"),
        lang: default!(Option<&str>, "NULL"),
    ) -> TableIterator<
        'static,
        (
            name!(number, i32),
            name!(actor, String),
            name!(action, String),
            name!(duration, String),
            name!(start, TimestampWithTimeZone),
            name!(end, TimestampWithTimeZone),
        ),
    > {
        let (Some(regulation), Some(submitted)) = (regulation, submitted) else {
            return TableIterator::empty();
        };
        let s = crate::convert::local_in(submitted);
        TableIterator::new(timeline_rows(
            regulation,
            s,
            channel,
            outcome,
            tz,
            schedule,
            as_known_on,
            overlay_toml,
            definition,
            lang,
        ))
    }

    /// The batch contract: one request object in, the one answer every face
    /// gives (`merzim::batch::Evaluator::evaluate_json`) out. A failed
    /// request is an answer too (`{"id", "error": {"kind", "message"}}`), not
    /// an SQL error. `regulations`: regulation files' TOML texts that requests
    /// may name by id; `overlay_toml`: a data overlay's TOML text.
    #[pg_extern(immutable, parallel_safe)]
    pub fn evaluate(
        request: Option<JsonB>,
        overlay_toml: default!(Option<&str>, "NULL"),
        regulations: default!(Option<Vec<Option<String>>>, "NULL"),
    ) -> Option<JsonB> {
        let request = request?;
        let line = serde_json::to_string(&request.0).expect("a JSON value serializes");
        let out = cache::with_evaluator(overlay_toml, regulations.as_deref(), |ev| {
            ev.evaluate_json(&line)
        });
        Some(JsonB(
            serde_json::from_str(&out).expect("the batch contract answers with JSON"),
        ))
    }

    /// [`evaluate`] on text: the answer line exactly as the CLI's `batch`
    /// writes it.
    #[pg_extern(immutable, parallel_safe)]
    pub fn evaluate_text(
        request: Option<&str>,
        overlay_toml: default!(Option<&str>, "NULL"),
        regulations: default!(Option<Vec<Option<String>>>, "NULL"),
    ) -> Option<String> {
        let line = request?;
        Some(cache::with_evaluator(
            overlay_toml,
            regulations.as_deref(),
            |ev| ev.evaluate_json(line),
        ))
    }

    /// Panics inside the extension on purpose, to show that a Rust panic is
    /// an SQL error (SQLSTATE XX000) and never takes the server down. For
    /// tests.
    #[pg_extern(volatile, parallel_safe)]
    pub fn test_panic(message: &str) -> bool {
        panic!("merzim.test_panic: {message}");
    }
}

mod due;

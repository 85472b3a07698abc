//! merzim.due(): `OfficeTime::legal_due`, as the batch contract computes a
//! term case (the office of the schedule and calendar, in the zone; the
//! submission read in that zone), returned as a `merzim.due_result`.

use std::cell::RefCell;

use merzim_lib::{Channel, LegalDue, LegalOptions, StartRule, Submitted, Term, Zone};
use pgrx::datum::{Date, IntoDatum, Timestamp, TimestampWithTimeZone};
use pgrx::heap_tuple::PgHeapTuple;
use pgrx::prelude::*;
use pgrx::{pg_sys, PgTupleDesc};

use crate::cache::{self, CalendarKey};
use crate::convert::{date_out, instant_out};
use crate::errors::or_raise;

thread_local! {
    /// The last term text read, and its reading: a column of cases mostly
    /// repeats one term.
    static LAST_TERM: RefCell<(String, Option<Term>)> = const { RefCell::new((String::new(), None)) };
}

fn term_of(text: &str) -> Term {
    let hit = LAST_TERM.with(|t| {
        let t = t.borrow();
        (t.0 == text).then_some(t.1).flatten()
    });
    if let Some(t) = hit {
        return t;
    }
    let t: Term = or_raise(text.parse());
    LAST_TERM.with(|c| *c.borrow_mut() = (text.to_string(), Some(t)));
    t
}

/// What a call site of merzim.due() keeps in `fn_extra` (in the function's
/// memory context): the result's tuple descriptor and an empty text array.
struct CallSite {
    desc: pg_sys::TupleDesc,
    empty: pg_sys::Datum,
}

unsafe fn call_site(fcinfo: pg_sys::FunctionCallInfo) -> *mut CallSite {
    let flinfo = (*fcinfo).flinfo;
    if (*flinfo).fn_extra.is_null() {
        let mut td: pg_sys::TupleDesc = std::ptr::null_mut();
        let class = pg_sys::get_call_result_type(fcinfo, std::ptr::null_mut(), &mut td);
        if class != pg_sys::TypeFuncClass::TYPEFUNC_COMPOSITE || td.is_null() {
            pgrx::error!("merzim.due: the result type is not a composite");
        }
        let old = pg_sys::MemoryContextSwitchTo((*flinfo).fn_mcxt);
        let site = pg_sys::palloc(std::mem::size_of::<CallSite>()).cast::<CallSite>();
        site.write(CallSite {
            desc: pg_sys::BlessTupleDesc(pg_sys::CreateTupleDescCopy(td)),
            empty: pg_sys::Datum::from(pg_sys::construct_empty_array(pg_sys::TEXTOID)),
        });
        pg_sys::MemoryContextSwitchTo(old);
        (*flinfo).fn_extra = site.cast();
    }
    (*flinfo).fn_extra.cast()
}

/// The tuple descriptor of the function's result type.
unsafe fn result_desc(fcinfo: pg_sys::FunctionCallInfo) -> pg_sys::TupleDesc {
    (*call_site(fcinfo)).desc
}

/// An empty `text[]`.
unsafe fn empty_array(fcinfo: pg_sys::FunctionCallInfo) -> pg_sys::Datum {
    (*call_site(fcinfo)).empty
}

/// The options of a call: what `merzim.due()` and `merzim.due_at()` take
/// besides the submission and the term.
pub(crate) struct Options<'a> {
    pub channel: Option<&'a str>,
    pub start: Option<&'a str>,
    pub tz: Option<&'a str>,
    pub schedule: Option<&'a str>,
    pub week: Option<&'a str>,
    pub as_known_on: Option<Date>,
    pub overlay: Option<&'a str>,
}

/// The legal term, as the batch contract computes a term case.
pub(crate) fn legal_due(submitted: Submitted, term: &str, o: &Options) -> LegalDue {
    let term = term_of(term);
    let mut options = LegalOptions::default();
    if let Some(c) = o.channel {
        options.channel = or_raise::<Channel>(c.parse());
    }
    if let Some(s) = o.start {
        options.start = or_raise::<StartRule>(s.parse());
    }
    let zone: Zone = match o.tz {
        Some(t) => or_raise(t.parse()),
        None => Zone::default(),
    };
    let key = CalendarKey::new(o.week, o.as_known_on, o.overlay);
    let local = or_raise(zone.local_of(submitted));
    cache::with_office(&key, o.schedule, zone, |office| {
        or_raise(office.legal_due(local, term, options))
    })
}

/// merzim.due(): the legal term as a `merzim.due_result`.
pub(crate) fn due(
    fcinfo: pg_sys::FunctionCallInfo,
    submitted: Submitted,
    term: &str,
    o: &Options,
) -> Option<PgHeapTuple<'static, pgrx::AllocatedByRust>> {
    let d = legal_due(submitted, term, o);
    // The library has no remarks on a term (the batch answer has none
    // either): an empty array, made once per call site (heap_form_tuple
    // copies it into each result).
    let warnings = unsafe { empty_array(fcinfo) };
    let datums = [
        date_out(d.registered).into_datum(),
        instant_out(d.due_zoned()).into_datum(),
        d.handoff_zoned()
            .map(instant_out)
            .and_then(IntoDatum::into_datum),
        d.provisional.into_datum(),
        Some(warnings),
    ];
    unsafe {
        let td = PgTupleDesc::from_pg_unchecked(result_desc(fcinfo));
        Some(PgHeapTuple::from_datums(td, datums).expect("five attributes"))
    }
}

// The SQL functions. Their arguments are read from `fcinfo` (crate::args)
// rather than by pgrx's wrapper: with nine arguments, seven of them NULL by
// default, the generic decoding was a fifth of the time of a call. The SQL
// declarations are written out (`sql = …`), with the same names, types and
// defaults.

/// The submission (argument 1, timestamptz or timestamp), the term
/// (argument 2) and the options (arguments 3 to 9); `None` when the
/// submission or the term is NULL.
unsafe fn args<'a>(
    fcinfo: pg_sys::FunctionCallInfo,
    instant: bool,
) -> Option<(Submitted, &'a str, Options<'a>)> {
    let s = crate::args::datum(fcinfo, 0)?;
    let s = if instant {
        crate::convert::instant_in(TimestampWithTimeZone::try_from(s).unwrap_or_else(|_| {
            crate::errors::raise(
                merzim_lib::ErrorKind::OutOfCoverage,
                "the submission is outside PostgreSQL's range",
            )
        }))
    } else {
        crate::convert::local_in(Timestamp::try_from(s).unwrap_or_else(|_| {
            crate::errors::raise(
                merzim_lib::ErrorKind::OutOfCoverage,
                "the submission is outside PostgreSQL's range",
            )
        }))
    };
    let term = crate::args::text(fcinfo, 1)?;
    let as_known_on = crate::args::raw_date(fcinfo, 7);
    let o = Options {
        channel: crate::args::text(fcinfo, 2),
        start: crate::args::text(fcinfo, 3),
        tz: crate::args::text(fcinfo, 4),
        schedule: crate::args::text(fcinfo, 5),
        week: crate::args::text(fcinfo, 6),
        as_known_on,
        overlay: crate::args::text(fcinfo, 8),
    };
    Some((s, term, o))
}

/// merzim.due(timestamptz, term, …): a legal term for a submission at an
/// instant.
#[pg_extern(
    requires = ["due_result"],
    sql = r#"
CREATE FUNCTION merzim.due(
    submitted timestamp with time zone,
    term text,
    channel text DEFAULT NULL,
    start text DEFAULT NULL,
    tz text DEFAULT NULL,
    schedule text DEFAULT NULL,
    week text DEFAULT NULL,
    as_known_on date DEFAULT NULL,
    overlay_toml text DEFAULT NULL
) RETURNS merzim.due_result
IMMUTABLE PARALLEL SAFE
LANGUAGE c
AS '@MODULE_PATHNAME@', 'due_tz_wrapper';
COMMENT ON FUNCTION merzim.due(timestamp with time zone, text, text, text, text, text, text, date, text) IS 'A legal term for a submission at an instant: registration date, due instant, hand-off to the State Corporation, provisional flag, remarks';
"#)]
fn due_tz(
    fcinfo: pg_sys::FunctionCallInfo,
) -> Option<pgrx::composite_type!('static, "merzim.due_result")> {
    let (s, term, o) = unsafe { args(fcinfo, true) }?;
    due(fcinfo, s, term, &o)
}

/// merzim.due(timestamp, term, …): a legal term for a submission at a local
/// time of the office (read in `tz`, default Asia/Almaty).
#[pg_extern(
    requires = ["due_result"],
    sql = r#"
CREATE FUNCTION merzim.due(
    submitted timestamp without time zone,
    term text,
    channel text DEFAULT NULL,
    start text DEFAULT NULL,
    tz text DEFAULT NULL,
    schedule text DEFAULT NULL,
    week text DEFAULT NULL,
    as_known_on date DEFAULT NULL,
    overlay_toml text DEFAULT NULL
) RETURNS merzim.due_result
IMMUTABLE PARALLEL SAFE
LANGUAGE c
AS '@MODULE_PATHNAME@', 'due_local_wrapper';
COMMENT ON FUNCTION merzim.due(timestamp without time zone, text, text, text, text, text, text, date, text) IS 'A legal term for a submission at a local time of the office (read in tz, default Asia/Almaty): registration date, due instant, hand-off to the State Corporation, provisional flag, remarks';
"#)]
fn due_local(
    fcinfo: pg_sys::FunctionCallInfo,
) -> Option<pgrx::composite_type!('static, "merzim.due_result")> {
    let (s, term, o) = unsafe { args(fcinfo, false) }?;
    due(fcinfo, s, term, &o)
}

/// merzim.due_at(timestamptz, term, …): the due instant alone.
#[pg_extern(sql = r#"
CREATE FUNCTION merzim.due_at(
    submitted timestamp with time zone,
    term text,
    channel text DEFAULT NULL,
    start text DEFAULT NULL,
    tz text DEFAULT NULL,
    schedule text DEFAULT NULL,
    week text DEFAULT NULL,
    as_known_on date DEFAULT NULL,
    overlay_toml text DEFAULT NULL
) RETURNS timestamp with time zone
IMMUTABLE PARALLEL SAFE
LANGUAGE c
AS '@MODULE_PATHNAME@', 'due_at_tz_wrapper';
COMMENT ON FUNCTION merzim.due_at(timestamp with time zone, text, text, text, text, text, text, date, text) IS 'The due instant of a legal term for a submission at an instant (merzim.due()''s due)';
"#)]
fn due_at_tz(fcinfo: pg_sys::FunctionCallInfo) -> Option<TimestampWithTimeZone> {
    let (s, term, o) = unsafe { args(fcinfo, true) }?;
    Some(instant_out(legal_due(s, term, &o).due_zoned()))
}

/// merzim.due_at(timestamp, term, …): the due instant alone, for a local
/// submission time.
#[pg_extern(sql = r#"
CREATE FUNCTION merzim.due_at(
    submitted timestamp without time zone,
    term text,
    channel text DEFAULT NULL,
    start text DEFAULT NULL,
    tz text DEFAULT NULL,
    schedule text DEFAULT NULL,
    week text DEFAULT NULL,
    as_known_on date DEFAULT NULL,
    overlay_toml text DEFAULT NULL
) RETURNS timestamp with time zone
IMMUTABLE PARALLEL SAFE
LANGUAGE c
AS '@MODULE_PATHNAME@', 'due_at_local_wrapper';
COMMENT ON FUNCTION merzim.due_at(timestamp without time zone, text, text, text, text, text, text, date, text) IS 'The due instant of a legal term for a submission at a local time of the office (merzim.due()''s due)';
"#)]
fn due_at_local(fcinfo: pg_sys::FunctionCallInfo) -> Option<TimestampWithTimeZone> {
    let (s, term, o) = unsafe { args(fcinfo, false) }?;
    Some(instant_out(legal_due(s, term, &o).due_zoned()))
}

//! merzim.due(): `OfficeTime::legal_due`, as the batch contract computes a
//! term case (the office of the schedule and calendar, in the zone; the
//! submission read in that zone), returned as a `merzim.due_result`.

use std::cell::RefCell;

use merzim_lib::{Channel, LegalDue, LegalOptions, StartRule, Submitted, Term, Zone};
use pgrx::datum::{Date, IntoDatum};
use pgrx::heap_tuple::PgHeapTuple;
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

/// The tuple descriptor of the function's result type, looked up once per
/// call site and kept in `fn_extra` (in the function's memory context).
unsafe fn result_desc(fcinfo: pg_sys::FunctionCallInfo) -> pg_sys::TupleDesc {
    let flinfo = (*fcinfo).flinfo;
    if (*flinfo).fn_extra.is_null() {
        let mut td: pg_sys::TupleDesc = std::ptr::null_mut();
        let class = pg_sys::get_call_result_type(fcinfo, std::ptr::null_mut(), &mut td);
        if class != pg_sys::TypeFuncClass::TYPEFUNC_COMPOSITE || td.is_null() {
            pgrx::error!("merzim.due: the result type is not a composite");
        }
        let old = pg_sys::MemoryContextSwitchTo((*flinfo).fn_mcxt);
        let copy = pg_sys::BlessTupleDesc(pg_sys::CreateTupleDescCopy(td));
        pg_sys::MemoryContextSwitchTo(old);
        (*flinfo).fn_extra = copy.cast();
    }
    (*flinfo).fn_extra.cast()
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
    // either): an empty array, made directly (pgrx's Vec path looks the
    // element type up for every row).
    // SAFETY: construct_empty_array returns a palloc'd array of TEXTOID.
    let warnings = unsafe { pg_sys::Datum::from(pg_sys::construct_empty_array(pg_sys::TEXTOID)) };
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

//! What the functions build once per backend process and keep: the embedded
//! calendar, the calendars of other weeks, knowledge dates and overlays, the
//! office tables of schedules, regulations read from text, and batch
//! evaluators.
//!
//! A PostgreSQL backend runs one query at a time on one thread, so the
//! caches are thread-local; parallel workers are processes of their own and
//! build their own (the embedded calendar takes well under a millisecond).
//! Each map keeps at most [`LIMIT`] entries and starts over when full.

use std::cell::RefCell;
use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::rc::Rc;
use std::sync::OnceLock;

use chrono::NaiveDate;
use merzim_lib::batch::Evaluator;
use merzim_lib::{Calendar, OfficeTime, Regulation, Schedule, Week, Zone};
use pgrx::datum::Date;

use crate::convert::date_in;
use crate::errors::or_raise;

/// At most this many entries per map.
const LIMIT: usize = 64;

static BASE: OnceLock<Calendar> = OnceLock::new();
static DEFAULT_OFFICE: OnceLock<OfficeTime> = OnceLock::new();

/// The embedded calendar (five-day week, as known now).
pub(crate) fn base() -> &'static Calendar {
    if let Some(c) = BASE.get() {
        return c;
    }
    let c = or_raise(Calendar::try_kazakhstan());
    BASE.get_or_init(|| c)
}

/// The state body's office tables (09:00-13:00, 14:30-18:30) on the embedded
/// calendar, in Asia/Almaty.
fn default_office() -> &'static OfficeTime {
    DEFAULT_OFFICE.get_or_init(|| OfficeTime::state_body(base()))
}

fn hash_of(text: &str) -> u64 {
    let mut h = DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

/// Which calendar a call counts on: the week, the knowledge date and the
/// overlay text of its arguments.
pub(crate) struct CalendarKey<'a> {
    week: Week,
    known_on: Option<NaiveDate>,
    overlay: Option<&'a str>,
}

type OwnedKey = (Week, Option<NaiveDate>, Option<u64>);

impl<'a> CalendarKey<'a> {
    #[inline]
    pub(crate) fn new(
        week: Option<&str>,
        known_on: Option<Date>,
        overlay: Option<&'a str>,
    ) -> Self {
        CalendarKey {
            week: match week {
                Some(w) => or_raise(w.parse()),
                None => Week::default(),
            },
            known_on: known_on.map(date_in),
            overlay,
        }
    }

    #[inline]
    fn is_base(&self) -> bool {
        self.week == Week::default() && self.known_on.is_none() && self.overlay.is_none()
    }

    fn owned(&self) -> OwnedKey {
        (self.week, self.known_on, self.overlay.map(hash_of))
    }

    fn build(&self) -> Calendar {
        let mut c = base().clone();
        if let Some(text) = self.overlay {
            c = or_raise(c.with_overlay_toml("overlay", text));
        }
        if self.week != c.week() {
            c = or_raise(c.with_week(self.week));
        }
        if let Some(d) = self.known_on {
            c = or_raise(c.as_known_on(d));
        }
        c
    }
}

thread_local! {
    static CALENDARS: RefCell<HashMap<OwnedKey, (Option<String>, Calendar)>> = RefCell::new(HashMap::new());
    static OFFICES: RefCell<HashMap<(OwnedKey, Option<String>), (Option<String>, OfficeTime)>> = RefCell::new(HashMap::new());
    static REGULATIONS: RefCell<HashMap<String, Rc<Regulation>>> = RefCell::new(HashMap::new());
    static EVALUATORS: RefCell<HashMap<u64, (Option<String>, Vec<Option<String>>, Rc<Evaluator>)>> = RefCell::new(HashMap::new());
    static DEFAULT_EVALUATOR: Evaluator = Evaluator::new(base().clone());
}

fn calendar(key: &CalendarKey) -> Calendar {
    let k = key.owned();
    let hit = CALENDARS.with(|m| {
        m.borrow()
            .get(&k)
            .filter(|(text, _)| text.as_deref() == key.overlay)
            .map(|(_, c)| c.clone())
    });
    if let Some(c) = hit {
        return c;
    }
    let c = key.build();
    CALENDARS.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= LIMIT {
            m.clear();
        }
        m.insert(k, (key.overlay.map(str::to_string), c.clone()));
    });
    c
}

/// Calls `f` with the calendar of `key`.
#[inline]
pub(crate) fn with_calendar<R>(key: &CalendarKey, f: impl FnOnce(&Calendar) -> R) -> R {
    if key.is_base() {
        f(base())
    } else {
        f(&calendar(key))
    }
}

/// The office tables of `schedule` (`None`: the state-body default,
/// 09:00-13:00, 14:30-18:30) on the calendar of `key`.
pub(crate) fn office(key: &CalendarKey, schedule: Option<&str>) -> OfficeTime {
    if key.is_base() && schedule.is_none() {
        return default_office().clone();
    }
    let k = (key.owned(), schedule.map(str::to_string));
    let hit = OFFICES.with(|m| {
        m.borrow()
            .get(&k)
            .filter(|(text, _)| text.as_deref() == key.overlay)
            .map(|(_, o)| o.clone())
    });
    if let Some(o) = hit {
        return o;
    }
    let calendar = if key.is_base() {
        base().clone()
    } else {
        calendar(key)
    };
    let o = match schedule {
        Some(s) => {
            let s: Schedule = or_raise(s.parse());
            or_raise(OfficeTime::new(&calendar, s))
        }
        None => OfficeTime::state_body(&calendar),
    };
    OFFICES.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= LIMIT {
            m.clear();
        }
        m.insert(k, (key.overlay.map(str::to_string), o.clone()));
    });
    o
}

/// Calls `f` with the office tables of `schedule` on the calendar of `key`,
/// in `zone`; the default (state-body hours, the embedded calendar, Almaty)
/// without touching a map.
#[inline]
pub(crate) fn with_office<R>(
    key: &CalendarKey,
    schedule: Option<&str>,
    zone: Zone,
    f: impl FnOnce(&OfficeTime) -> R,
) -> R {
    if key.is_base() && schedule.is_none() && zone == Zone::default() {
        return f(default_office());
    }
    f(&office(key, schedule).with_zone(zone))
}

/// The regulation a regulation file's TOML text defines.
pub(crate) fn regulation(text: &str) -> Rc<Regulation> {
    if let Some(r) = REGULATIONS.with(|m| m.borrow().get(text).cloned()) {
        return r;
    }
    let r = Rc::new(or_raise(Regulation::from_toml("regulation", text)));
    REGULATIONS.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= LIMIT {
            m.clear();
        }
        m.insert(text.to_string(), r.clone());
    });
    r
}

/// Calls `f` with the batch evaluator over the embedded calendar (with
/// `overlay`) and the regulations of `regulations` registered.
pub(crate) fn with_evaluator<R>(
    overlay: Option<&str>,
    regulations: Option<&[Option<String>]>,
    f: impl FnOnce(&Evaluator) -> R,
) -> R {
    let regulations = regulations.filter(|r| !r.is_empty());
    if overlay.is_none() && regulations.is_none() {
        return DEFAULT_EVALUATOR.with(|ev| f(ev));
    }
    let mut h = DefaultHasher::new();
    overlay.hash(&mut h);
    regulations.hash(&mut h);
    let k = h.finish();
    let hit = EVALUATORS.with(|m| {
        m.borrow()
            .get(&k)
            .filter(|(o, r, _)| {
                o.as_deref() == overlay && Some(r.as_slice()) == regulations.or(Some(&[]))
            })
            .map(|(_, _, ev)| ev.clone())
    });
    let ev = match hit {
        Some(ev) => ev,
        None => {
            let mut cal = base().clone();
            if let Some(text) = overlay {
                cal = or_raise(cal.with_overlay_toml("overlay", text));
            }
            let mut ev = Evaluator::new(cal);
            for text in regulations.unwrap_or(&[]).iter().flatten() {
                or_raise(ev.register(or_raise(Regulation::from_toml("regulation", text))));
            }
            let ev = Rc::new(ev);
            EVALUATORS.with(|m| {
                let mut m = m.borrow_mut();
                if m.len() >= LIMIT {
                    m.clear();
                }
                m.insert(
                    k,
                    (
                        overlay.map(str::to_string),
                        regulations.unwrap_or(&[]).to_vec(),
                        ev.clone(),
                    ),
                );
            });
            ev
        }
    };
    f(&ev)
}

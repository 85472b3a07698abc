//! The [`Evaluator`]: one request in, one response out.

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Mutex};

use chrono::NaiveDate;

use super::request::{salvage_id, MAX_LINE_BYTES};
use super::response::{RegulationResponse, Response, SkippedResponse, TermResponse};
use super::{Id, Request};
use crate::calendar::{Calendar, Horizon};
use crate::office::OfficeTime;
use crate::regulation::Regulation;
use crate::schedule::Schedule;
use crate::week::Week;
use crate::{Error, ErrorKind, Result};

/// Which calendar a request counts on.
type CalendarKey = (Week, Horizon, Option<NaiveDate>);

/// At most this many derived calendars, and this many office tables, are
/// kept; past it the least recently used one is dropped.
const CACHE_LIMIT: usize = 64;

/// A small map that keeps the [`CACHE_LIMIT`] most recently used entries: a
/// miss on a full map drops the least recently used one, so a batch cycling
/// through one more key than the limit costs one rebuild per new key, not a
/// rebuild of everything.
struct Lru<K, V> {
    map: HashMap<K, (V, u64)>,
    tick: u64,
}

impl<K: std::hash::Hash + Eq + Clone, V: Clone> Lru<K, V> {
    fn new() -> Self {
        Lru {
            map: HashMap::new(),
            tick: 0,
        }
    }

    fn get(&mut self, k: &K) -> Option<V> {
        self.tick += 1;
        let tick = self.tick;
        self.map.get_mut(k).map(|(v, t)| {
            *t = tick;
            v.clone()
        })
    }

    fn insert(&mut self, k: K, v: V) {
        if self.map.len() >= CACHE_LIMIT && !self.map.contains_key(&k) {
            let oldest = self
                .map
                .iter()
                .min_by_key(|(_, (_, t))| *t)
                .map(|(k, _)| k.clone());
            if let Some(o) = oldest {
                self.map.remove(&o);
            }
        }
        self.tick += 1;
        self.map.insert(k, (v, self.tick));
    }
}

/// Evaluates requests of the batch contract against one calendar.
///
/// It keeps the office tables of the schedules (and the calendars of the
/// weeks, horizons and knowledge dates) that requests ask for, up to 64 of
/// each, dropping the least recently used one past that, and the regulation
/// files the host registered. Requests name regulations by id only: the evaluator never
/// reads a file because a request asks it to. `Send + Sync`: share it between
/// threads.
///
/// ```
/// use merzim::batch::Evaluator;
/// use merzim::Calendar;
/// let ev = Evaluator::new(Calendar::kazakhstan());
/// let out = ev.evaluate_json(r#"{"id": "a1", "submitted": "2026-03-20T16:30:00", "term": "22 working days"}"#);
/// // … and the date the data was last checked, `"data_as_of":"YYYY-MM-DD"}`.
/// assert!(out.starts_with(r#"{"id":"a1","registered":"2026-03-20","day_one":"2026-03-20","last_day":"2026-04-23","due":"2026-04-23T18:30:00+05:00","provisional":false,"data_as_of":""#));
/// ```
pub struct Evaluator {
    calendar: Calendar,
    default_office: OfficeTime,
    calendars: Mutex<Lru<CalendarKey, Calendar>>,
    offices: Mutex<Lru<(Schedule, CalendarKey), OfficeTime>>,
    regulations: HashMap<String, Arc<Regulation>>,
    /// How many calendars and office tables were built for requests.
    builds: std::sync::atomic::AtomicU64,
}

impl std::fmt::Debug for Evaluator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut ids: Vec<&String> = self.regulations.keys().collect();
        ids.sort();
        f.debug_struct("Evaluator")
            .field("calendar", &self.calendar)
            .field("registered_regulations", &ids)
            .finish()
    }
}

impl Evaluator {
    /// An evaluator over `calendar`, with the state-body schedule ready and the
    /// bundled regulations.
    pub fn new(calendar: Calendar) -> Evaluator {
        let default_office = OfficeTime::state_body(&calendar);
        Evaluator {
            calendar,
            default_office,
            calendars: Mutex::new(Lru::new()),
            offices: Mutex::new(Lru::new()),
            regulations: HashMap::new(),
            builds: std::sync::atomic::AtomicU64::new(0),
        }
    }

    /// The office time of requests that name no schedule, week, horizon or
    /// knowledge date: the state-body schedule over this evaluator's calendar,
    /// in the default zone. What a term request with only `submitted` and
    /// `term` is computed with (the C API's `merzim_legal_due` uses it).
    pub fn default_office(&self) -> &OfficeTime {
        &self.default_office
    }

    /// This evaluator with `regulation` registered under its id, so that
    /// requests can name it.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`] when a bundled or already registered
    /// regulation has the same id.
    pub fn with_regulation(mut self, regulation: Regulation) -> Result<Evaluator> {
        self.register(regulation)?;
        Ok(self)
    }

    /// Registers `regulation` under its id, so that requests can name it
    /// (what [`with_regulation`](Evaluator::with_regulation) does, in place).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`] when a bundled or already registered
    /// regulation has the same id; the evaluator is unchanged.
    pub fn register(&mut self, regulation: Regulation) -> Result<()> {
        if Regulation::bundled(&regulation.id).is_ok()
            || self.regulations.contains_key(&regulation.id)
        {
            let id = &regulation.id;
            return Err(Error::invalid_input(format!(
                "a regulation with the id {id:?} is already known: give the file another id"
            ))
            .in_kk_ru(
                format!("{id:?} id-і бар регламент бұрыннан бар: файлға басқа id беріңіз"),
                format!("регламент с id {id:?} уже известен: дайте файлу другой id"),
            ));
        }
        self.regulations
            .insert(regulation.id.clone(), Arc::new(regulation));
        Ok(())
    }

    /// This evaluator with the regulation file at `path` registered (see
    /// [`with_regulation`](Evaluator::with_regulation)).
    ///
    /// # Errors
    ///
    /// The errors of [`Regulation::from_file`] and of
    /// [`with_regulation`](Evaluator::with_regulation).
    pub fn with_regulation_file(self, path: impl AsRef<std::path::Path>) -> Result<Evaluator> {
        let regulation = Regulation::from_file(path)?;
        self.with_regulation(regulation)
    }

    /// The calendar requests are counted on (unless they choose another week
    /// or horizon).
    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// A regulation requests may name: a registered one, else a bundled one.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`] for an unknown id; the message lists the ids.
    pub fn regulation(&self, id: &str) -> Result<&Regulation> {
        if let Some(r) = self.regulations.get(id) {
            return Ok(r);
        }
        Regulation::bundled(id).map_err(|e| {
            if self.regulations.is_empty() {
                e
            } else {
                let mut ids: Vec<&str> = self.regulations.keys().map(String::as_str).collect();
                ids.sort_unstable();
                Error::invalid_input(format!(
                    "{}; registered ones are {}",
                    e.message(),
                    ids.join(", ")
                ))
            }
        })
    }

    /// The key of the calendar a request asks for (`None`s: as this
    /// evaluator's).
    fn key(
        &self,
        week: Option<Week>,
        horizon: Option<Horizon>,
        known_on: Option<NaiveDate>,
    ) -> CalendarKey {
        (
            week.unwrap_or(self.calendar.week()),
            horizon.unwrap_or(self.calendar.horizon()),
            known_on.or(self.calendar.known_on()),
        )
    }

    fn own_key(&self) -> CalendarKey {
        self.key(None, None, None)
    }

    /// The calendar of `key`.
    fn calendar_for(&self, key: CalendarKey) -> Result<Calendar> {
        if key == self.own_key() {
            return Ok(self.calendar.clone());
        }
        let mut cache = self.calendars.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(c) = cache.get(&key) {
            return Ok(c);
        }
        let (week, horizon, known_on) = key;
        let mut c = self.calendar.with_week(week)?.with_horizon(horizon);
        if let Some(d) = known_on.filter(|d| Some(*d) != self.calendar.known_on()) {
            c = c.as_known_on(d)?;
        }
        cache.insert(key, c.clone());
        self.builds
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok(c)
    }

    /// The office tables for `schedule` (`None`: the state-body default) on
    /// the calendar of `key`.
    fn office(&self, schedule: Option<&Schedule>, key: CalendarKey) -> Result<OfficeTime> {
        let schedule = schedule.unwrap_or(self.default_office.schedule());
        if key == self.own_key() && schedule == self.default_office.schedule() {
            return Ok(self.default_office.clone());
        }
        let calendar = self.calendar_for(key)?;
        let mut cache = self.offices.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(o) = cache.get(&(schedule.clone(), key)) {
            return Ok(o);
        }
        let o = OfficeTime::new(&calendar, schedule.clone())?;
        cache.insert((schedule.clone(), key), o.clone());
        self.builds
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok(o)
    }

    /// How many calendars and office tables this evaluator has built for
    /// requests so far (a cache miss builds one): for tests and monitoring.
    #[doc(hidden)]
    pub fn views_built(&self) -> u64 {
        self.builds.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Drops the calendars and office tables kept for requests that chose
    /// another week, horizon, knowledge date or schedule (they are rebuilt on
    /// demand). Threads evaluating meanwhile are not disturbed.
    pub fn clear_caches(&self) {
        *self.calendars.lock().unwrap_or_else(|p| p.into_inner()) = Lru::new();
        *self.offices.lock().unwrap_or_else(|p| p.into_inner()) = Lru::new();
    }

    /// Evaluates one request. A failure is an error response; a bug inside
    /// merzim (a panic) is caught here and answered as an `internal` error, so
    /// one line can never take others down.
    pub fn evaluate(&self, request: &Request) -> Response {
        let id = request.id();
        match catch_unwind(AssertUnwindSafe(|| self.try_evaluate(request))) {
            Ok(Ok(r)) => r,
            Ok(Err(e)) => Response::from_error(id.clone(), &e),
            Err(_) => Response::from_error(
                id.clone(),
                &Error::new(
                    ErrorKind::Internal,
                    "internal error: merzim panicked on this request (a bug: please report it with the line)",
                ),
            ),
        }
    }

    fn try_evaluate(&self, request: &Request) -> Result<Response> {
        match request {
            Request::Term(t) => {
                let office = self
                    .office(
                        t.schedule.as_ref(),
                        self.key(t.week, t.horizon, t.as_known_on),
                    )?
                    .with_zone(t.tz);
                let s = t.tz.local_of(t.submitted)?;
                let d = office.legal_due(s, t.term, t.options)?;
                let mut r = TermResponse::new_in(t.id.clone(), &d, t.lang);
                if let Some(w) = t
                    .as_known_on
                    .and_then(|k| crate::known_on_warning(k, crate::Zone::default().today()))
                {
                    r.warnings.push(w.text(t.lang).to_string());
                    r.warning_codes.push(w.code.as_str().to_string());
                }
                if t.explain {
                    let skipped = office.explain(s, d.due)?;
                    r.explain = Some(SkippedResponse::list(&skipped, t.tz, t.lang));
                }
                Ok(Response::Term(r))
            }
            Request::Regulation(r) => {
                let office = self
                    .office(
                        r.schedule.as_ref(),
                        self.key(r.week, r.horizon, r.as_known_on),
                    )?
                    .with_zone(r.tz);
                let reg = self.regulation(&r.regulation)?;
                let s = r.tz.local_of(r.submitted)?;
                let tl = reg.timeline_with(&office, s, r.channel, r.outcome, r.options)?;
                let mut out = RegulationResponse::new_in(r.id.clone(), &tl, r.lang);
                if let Some(w) = r
                    .as_known_on
                    .and_then(|k| crate::known_on_warning(k, crate::Zone::default().today()))
                {
                    out.warnings.push(w.text(r.lang).to_string());
                    out.warning_codes.push(w.code.as_str().to_string());
                }
                if r.explain {
                    let skipped = office.explain(s, tl.span_end())?;
                    out.explain = Some(SkippedResponse::list(&skipped, r.tz, r.lang));
                }
                Ok(Response::Regulation(out))
            }
        }
    }

    /// One line as bytes (a UTF-8 BOM and a trailing `\r\n` are allowed) in,
    /// one response out: what the CLI's `batch` and the C API's
    /// `merzim_eval_json` do with each line. Never fails: a bad line gives an
    /// error response, with its id when it could be read.
    pub fn evaluate_bytes(&self, line: &[u8]) -> Response {
        let line = line.strip_suffix(b"\n").unwrap_or(line);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.len() > MAX_LINE_BYTES {
            let head = String::from_utf8_lossy(&line[..line.len().min(4096)]);
            return Response::from_error(
                salvage_id(&head),
                &Error::invalid_input(format!(
                    "the line has more than {MAX_LINE_BYTES} bytes (the limit)"
                )),
            );
        }
        match std::str::from_utf8(line) {
            Ok(s) => self.evaluate_str(s),
            Err(e) => Response::from_error(
                salvage_id(&String::from_utf8_lossy(line)),
                &Error::invalid_input(format!("the line is not valid UTF-8: {e}")),
            ),
        }
    }

    fn evaluate_str(&self, line: &str) -> Response {
        match Request::from_json(line) {
            Ok(r) => self.evaluate(&r),
            Err((id, e)) => Response::from_error(id, &e),
        }
    }

    /// One JSON line in, one JSON line out (the batch contract):
    /// [`evaluate_bytes`](Evaluator::evaluate_bytes) as JSON text.
    pub fn evaluate_json(&self, line: &str) -> String {
        self.evaluate_bytes(line.as_bytes()).to_json()
    }
}

#[allow(dead_code)]
fn _assert_traits() {
    fn is<T: Send + Sync>() {}
    is::<Evaluator>();
    is::<Id>();
}

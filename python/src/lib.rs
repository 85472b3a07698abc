//! `merzim._merzim`: the native half of the Python package.
//!
//! A thin face over the one engine (the `merzim` crate): every rule is the
//! library's. The Python half (`merzim/__init__.py`) turns dates, datetimes,
//! numpy arrays and pandas columns into what these functions take: scalars as
//! `datetime.date` / naive `datetime.datetime`, columns as contiguous `int64`
//! arrays holding numpy's `datetime64[D]` (days since 1970-01-01) or
//! `datetime64[m]` (minutes since 1970-01-01 00:00, local wall-clock time),
//! read in place through [`merzim::EpochDays64`] and [`merzim::EpochMinutes`].
//!
//! Every bulk call releases the GIL (`Python::detach`, formerly
//! `allow_threads`) while the engine runs.

use std::sync::{Arc, OnceLock};

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use merzim::batch::{
    Evaluator, Id, RegulationResponse, SkippedResponse, Stream, StreamSummary, TermResponse,
};
use merzim::{
    BulkError, Calendar, Channel, CompiledChain, Day, DayKind, EpochDays64, EpochMinutes,
    ErrorKind, Horizon, Interval, Lang, LegalOptions, OfficeTime, Outcome, Regulation, Schedule,
    StartRule, Submitted, Term, TermEnd, TimelineColumns, TimelineOptions, Week, Zone,
};
use numpy::{PyArray1, PyArrayMethods, PyReadonlyArray1};
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};

// ---------------------------------------------------------------------------
// Errors: one Python exception type per `merzim::ErrorKind`.
// ---------------------------------------------------------------------------

create_exception!(
    merzim,
    MerzimError,
    PyException,
    "Base of every merzim error: `kind` is the library's error kind, the message its message."
);
create_exception!(
    merzim,
    OutOfCoverageError,
    MerzimError,
    "A date (or a result) outside the calendar's coverage."
);
create_exception!(
    merzim,
    InvalidInputError,
    MerzimError,
    "A bad argument: an impossible date, an unknown channel, a zero term, NaT, ..."
);
create_exception!(
    merzim,
    InvalidDataError,
    MerzimError,
    "Bad calendar data (an overlay): the message names the file and line."
);
create_exception!(
    merzim,
    InvalidRegulationError,
    MerzimError,
    "A bad regulation file: the message names the file, the field and the problem."
);
create_exception!(
    merzim,
    MerzimIOError,
    MerzimError,
    "A file could not be read."
);
create_exception!(
    merzim,
    InternalError,
    MerzimError,
    "A bug in merzim: please report it."
);

fn py_err(kind: ErrorKind, message: String, index: Option<usize>) -> PyErr {
    let e = match kind {
        ErrorKind::OutOfCoverage => OutOfCoverageError::new_err(message),
        ErrorKind::InvalidInput => InvalidInputError::new_err(message),
        ErrorKind::InvalidData => InvalidDataError::new_err(message),
        ErrorKind::InvalidRegulation => InvalidRegulationError::new_err(message),
        ErrorKind::Io => MerzimIOError::new_err(message),
        ErrorKind::Internal => InternalError::new_err(message),
        _ => MerzimError::new_err(message),
    };
    Python::attach(|py| {
        let v = e.value(py);
        let _ = v.setattr("kind", kind.as_str());
        let _ = v.setattr("index", index);
    });
    e
}

fn err(e: merzim::Error) -> PyErr {
    py_err(e.kind(), e.message().to_string(), None)
}

fn bulk_err(e: BulkError) -> PyErr {
    py_err(
        e.error.kind(),
        format!("item {}: {}", e.index, e.error.message()),
        Some(e.index),
    )
}

fn invalid(message: String) -> PyErr {
    py_err(ErrorKind::InvalidInput, message, None)
}

trait OrPy<T> {
    fn py(self) -> PyResult<T>;
}

impl<T> OrPy<T> for merzim::Result<T> {
    fn py(self) -> PyResult<T> {
        self.map_err(err)
    }
}

// ---------------------------------------------------------------------------
// Columns: int64 numpy arrays read in place.
// ---------------------------------------------------------------------------

/// Items per chunk where a column must be converted (`n` as `i32`, optional
/// outputs): the buffers stay small, and no full-size copy is made.
const CHUNK: usize = 16 * 1024;

fn slice<'a, T: numpy::Element>(a: &'a PyReadonlyArray1<'_, T>, what: &str) -> PyResult<&'a [T]> {
    a.as_slice()
        .map_err(|_| invalid(format!("{what} must be a contiguous one-dimensional array")))
}

fn as_days(s: &[i64]) -> &[EpochDays64] {
    // SAFETY: EpochDays64 is #[repr(transparent)] over i64.
    unsafe { std::slice::from_raw_parts(s.as_ptr().cast::<EpochDays64>(), s.len()) }
}

fn as_days_mut(s: &mut [i64]) -> &mut [EpochDays64] {
    // SAFETY: EpochDays64 is #[repr(transparent)] over i64.
    unsafe { std::slice::from_raw_parts_mut(s.as_mut_ptr().cast::<EpochDays64>(), s.len()) }
}

fn as_minutes(s: &[i64]) -> &[EpochMinutes] {
    // SAFETY: EpochMinutes is #[repr(transparent)] over i64.
    unsafe { std::slice::from_raw_parts(s.as_ptr().cast::<EpochMinutes>(), s.len()) }
}

fn as_minutes_mut(s: &mut [i64]) -> &mut [EpochMinutes] {
    // SAFETY: EpochMinutes is #[repr(transparent)] over i64.
    unsafe { std::slice::from_raw_parts_mut(s.as_mut_ptr().cast::<EpochMinutes>(), s.len()) }
}

/// A new int64 array of `len` (numpy's zeros: calloc, so untouched pages cost nothing).
fn new_i64(py: Python<'_>, len: usize) -> Bound<'_, PyArray1<i64>> {
    PyArray1::<i64>::zeros(py, len, false)
}

fn same_length(names: &[&str], lens: &[usize]) -> PyResult<()> {
    if lens.iter().all(|&l| l == lens[0]) {
        return Ok(());
    }
    let parts: Vec<String> = names
        .iter()
        .zip(lens)
        .map(|(n, l)| format!("{n} has {l}"))
        .collect();
    Err(py_err(
        ErrorKind::InvalidInput,
        format!(
            "item {}: the columns must have the same length: {}",
            lens.iter().min().copied().unwrap_or(0),
            parts.join(", ")
        ),
        lens.iter().min().copied(),
    ))
}

/// The working-day counts of a bulk call: one for all, or one per item.
#[derive(FromPyObject)]
enum Counts<'py> {
    I32(PyReadonlyArray1<'py, i32>),
    I64(PyReadonlyArray1<'py, i64>),
    One(i64),
}

enum CountSlice<'a> {
    I32(&'a [i32]),
    I64(&'a [i64]),
    One(i32),
}

impl CountSlice<'_> {
    fn len(&self) -> Option<usize> {
        match self {
            CountSlice::I32(s) => Some(s.len()),
            CountSlice::I64(s) => Some(s.len()),
            CountSlice::One(_) => None,
        }
    }

    /// The counts of items `start..start + buf.len()` as `i32`, into `buf`;
    /// `Err((index, value))` for a count that is not an `i32`.
    fn fill(&self, start: usize, buf: &mut [i32]) -> Result<(), (usize, i64)> {
        match self {
            CountSlice::I32(s) => buf.copy_from_slice(&s[start..start + buf.len()]),
            CountSlice::One(v) => buf.fill(*v),
            CountSlice::I64(s) => {
                for (k, (b, &v)) in buf.iter_mut().zip(&s[start..]).enumerate() {
                    *b = i32::try_from(v).map_err(|_| (start + k, v))?;
                }
            }
        }
        Ok(())
    }
}

fn count_error(index: usize, v: i64) -> PyErr {
    py_err(
        ErrorKind::InvalidInput,
        format!("item {index}: {v} working days is out of range: counts are 32-bit integers"),
        Some(index),
    )
}

/// Why a chunked bulk call stopped.
enum Fail {
    Bulk(BulkError),
    Count(usize, i64),
}

impl From<BulkError> for Fail {
    fn from(e: BulkError) -> Fail {
        Fail::Bulk(e)
    }
}

impl From<Fail> for PyErr {
    fn from(f: Fail) -> PyErr {
        match f {
            Fail::Bulk(e) => bulk_err(e),
            Fail::Count(i, v) => count_error(i, v),
        }
    }
}

impl<'py> Counts<'py> {
    fn slice(&self) -> PyResult<CountSlice<'_>> {
        Ok(match self {
            Counts::I32(a) => CountSlice::I32(slice(a, "n")?),
            Counts::I64(a) => CountSlice::I64(slice(a, "n")?),
            Counts::One(v) => CountSlice::One(i32::try_from(*v).map_err(|_| {
                invalid(format!(
                    "{v} working days is out of range: counts are 32-bit integers"
                ))
            })?),
        })
    }
}

fn add_chunked(
    cal: &Calendar,
    dates: &[EpochDays64],
    n: &CountSlice<'_>,
    out: &mut [EpochDays64],
) -> Result<(), Fail> {
    if let CountSlice::I32(n) = n {
        // Read in place: no conversion needed.
        return Ok(cal.add_working_days_bulk(dates, n, out)?);
    }
    let mut buf = vec![0i32; CHUNK.min(dates.len())];
    for (c, (d, o)) in dates.chunks(CHUNK).zip(out.chunks_mut(CHUNK)).enumerate() {
        let start = c * CHUNK;
        let b = &mut buf[..d.len()];
        n.fill(start, b).map_err(|(i, v)| Fail::Count(i, v))?;
        cal.add_working_days_bulk(d, b, o).map_err(|mut e| {
            e.index += start;
            e
        })?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Options and conversions
// ---------------------------------------------------------------------------

fn parse<T: std::str::FromStr<Err = merzim::Error>>(s: &str) -> PyResult<T> {
    s.parse::<T>().py()
}

/// The start rules of a timeline's overall term and refusal, read as the
/// library reads them.
fn timeline_options(term_start: &str, refusal_start: &str) -> PyResult<TimelineOptions> {
    Ok(TimelineOptions {
        term_start: parse::<StartRule>(term_start)?,
        refusal_start: parse::<StartRule>(refusal_start)?,
    })
}


fn options(channel: &str, start: &str, end: &str) -> PyResult<LegalOptions> {
    Ok(LegalOptions {
        channel: parse::<Channel>(channel)?,
        start: parse::<StartRule>(start)?,
        end: parse::<TermEnd>(end)?,
    })
}

/// A submission from the Python half: a naive datetime, local wall-clock time
/// (`instant = False`) or UTC (`instant = True`, from an aware datetime).
fn local_of(zone: Zone, t: NaiveDateTime, instant: bool) -> PyResult<NaiveDateTime> {
    let s = if instant {
        Submitted::Instant(DateTime::from_naive_utc_and_offset(
            t,
            FixedOffset::east_opt(0).expect("zero offset"),
        ))
    } else {
        Submitted::Local(t)
    };
    zone.local_of(s).py()
}

/// A local time as an aware datetime with the zone's offset for that date.
fn zoned(zone: Zone, t: NaiveDateTime) -> DateTime<FixedOffset> {
    zone.resolve(t).0
}

fn hhmm(s: &str) -> PyResult<u16> {
    let bad = || invalid(format!("cannot read the time {s:?}: expected HH:MM"));
    let (h, m) = s.trim().split_once(':').ok_or_else(bad)?;
    let (h, m): (u16, u16) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    if h > 24 || m > 59 {
        return Err(bad());
    }
    Ok(h * 60 + m)
}

/// The one JSON form of a value of the library (`Serialize`): what every
/// face prints; the Python half converts it (dates, instants), never rebuilds it.
fn json<T: serde::Serialize>(value: &T) -> PyResult<String> {
    serde_json::to_string(value).map_err(|e| {
        py_err(
            ErrorKind::Internal,
            format!("cannot serialise the result: {e}"),
            None,
        )
    })
}

// ---------------------------------------------------------------------------
// Calendar
// ---------------------------------------------------------------------------

/// The Kazakhstan working-day calendar (native half; use `merzim.Calendar`).
#[pyclass(frozen, module = "merzim._merzim")]
struct NativeCalendar {
    cal: Calendar,
}

/// A `UserWarning` for a calendar as known on a date after today (the
/// calendar as known today is used; RULES.md §9).
fn warn_if_after_today(py: Python<'_>, date: NaiveDate) -> PyResult<()> {
    if let Some(w) = merzim::known_on_warning(date, merzim::Zone::default().today()) {
        let msg = std::ffi::CString::new(w.text(merzim::Lang::En)).unwrap_or_default();
        PyErr::warn(
            py,
            &py.get_type::<pyo3::exceptions::PyUserWarning>(),
            &msg,
            1,
        )?;
    }
    Ok(())
}

#[pymethods]
impl NativeCalendar {
    #[staticmethod]
    #[pyo3(signature = (week="five", horizon=None, as_known_on=None))]
    fn kazakhstan(
        py: Python<'_>,
        week: &str,
        horizon: Option<&str>,
        as_known_on: Option<NaiveDate>,
    ) -> PyResult<Self> {
        let mut cal = Calendar::kazakhstan()
            .with_week(parse::<Week>(week)?)
            .py()?;
        if let Some(h) = horizon {
            cal = cal.with_horizon(parse::<Horizon>(h)?);
        }
        if let Some(d) = as_known_on {
            warn_if_after_today(py, d)?;
            cal = cal.as_known_on(d).py()?;
        }
        Ok(NativeCalendar { cal })
    }

    fn with_overlay_toml(&self, py: Python<'_>, origin: &str, text: &str) -> PyResult<Self> {
        let cal = py
            .detach(|| self.cal.with_overlay_toml(origin, text))
            .py()?;
        Ok(NativeCalendar { cal })
    }

    fn with_overlay_file(&self, py: Python<'_>, path: std::path::PathBuf) -> PyResult<Self> {
        let cal = py.detach(|| self.cal.with_overlay_file(&path)).py()?;
        Ok(NativeCalendar { cal })
    }

    fn with_week(&self, week: &str) -> PyResult<Self> {
        Ok(NativeCalendar {
            cal: self.cal.with_week(parse::<Week>(week)?).py()?,
        })
    }

    fn with_horizon(&self, horizon: &str) -> PyResult<Self> {
        Ok(NativeCalendar {
            cal: self.cal.with_horizon(parse::<Horizon>(horizon)?),
        })
    }

    fn as_known_on(&self, py: Python<'_>, date: NaiveDate) -> PyResult<Self> {
        warn_if_after_today(py, date)?;
        Ok(NativeCalendar {
            cal: self.cal.as_known_on(date).py()?,
        })
    }

    fn week(&self) -> &'static str {
        self.cal.week().as_str()
    }

    fn horizon(&self) -> &'static str {
        self.cal.horizon().as_str()
    }

    fn coverage(&self) -> (NaiveDate, NaiveDate) {
        self.cal.coverage()
    }

    fn valid_range(&self) -> (NaiveDate, NaiveDate) {
        self.cal.valid_range()
    }

    fn data_version(&self) -> String {
        self.cal.data_version().to_string()
    }

    fn known_on(&self) -> Option<NaiveDate> {
        self.cal.known_on()
    }

    fn data_as_of(&self) -> Option<NaiveDate> {
        self.cal.data_as_of()
    }

    fn is_working_day(&self, d: NaiveDate) -> PyResult<bool> {
        self.cal.is_working_day(d).py()
    }

    fn add_working_days(&self, d: NaiveDate, n: i32) -> PyResult<NaiveDate> {
        self.cal.add_working_days(d, n).py()
    }

    fn working_days_between(&self, a: NaiveDate, b: NaiveDate) -> PyResult<i32> {
        self.cal.working_days_between(a, b).py()
    }

    fn working_days_in_range(&self, a: NaiveDate, b: NaiveDate) -> PyResult<u32> {
        self.cal.working_days_in_range(a, b).py()
    }

    fn working_days_in_month(&self, year: i32, month: u32) -> PyResult<u32> {
        self.cal.working_days_in_month(year, month).py()
    }

    fn working_days_in_year(&self, year: i32) -> PyResult<u32> {
        self.cal.working_days_in_year(year).py()
    }

    fn day_kind(&self, d: NaiveDate) -> PyResult<&'static str> {
        Ok(self.cal.day_kind(d).py()?.as_str())
    }

    fn is_provisional(&self, d: NaiveDate) -> bool {
        self.cal.is_provisional(d)
    }

    /// The JSON form of `Calendar::day` (`merzim::Day`'s `Serialize`).
    fn day(&self, d: NaiveDate) -> PyResult<String> {
        json(&self.cal.day(d).py()?)
    }

    /// The days off of `year` that have a name (`Calendar::days_off`: public
    /// holidays, religious, substitute, transferred and declared days off;
    /// ordinary weekends left out): a JSON array of the day form.
    fn days_off(&self, py: Python<'_>, year: i32) -> PyResult<String> {
        json(&py.detach(|| self.cal.days_off(year)).py()?)
    }

    /// Every day of `year` that is not a working day, weekends included
    /// (`Calendar::year_days` less the working days): a JSON array of the day form.
    fn non_working_days(&self, py: Python<'_>, year: i32) -> PyResult<String> {
        let days = py.detach(|| -> merzim::Result<Vec<Day>> {
            Ok(self
                .cal
                .year_days(year)?
                .into_iter()
                .filter(|d| !d.working)
                .collect())
        });
        json(&days.py()?)
    }

    /// The balance of working time of `year` (`Calendar::balance`): its JSON
    /// form, `{"year", "balance": [rows]}`.
    fn balance(&self, py: Python<'_>, year: i32) -> PyResult<String> {
        json(&py.detach(|| self.cal.balance(year)).py()?)
    }

    /// `add_working_days` on `datetime64[D]` as int64; `n` one count or an array.
    fn add_working_days_bulk<'py>(
        &self,
        py: Python<'py>,
        dates: PyReadonlyArray1<'py, i64>,
        n: Counts<'py>,
    ) -> PyResult<Bound<'py, PyArray1<i64>>> {
        let d = as_days(slice(&dates, "dates")?);
        let n = n.slice()?;
        if let Some(len) = n.len() {
            same_length(&["dates", "n"], &[d.len(), len])?;
        }
        let out = new_i64(py, d.len());
        {
            let mut w = out.readwrite();
            let o = as_days_mut(w.as_slice_mut().expect("a new array is contiguous"));
            py.detach(|| add_chunked(&self.cal, d, &n, o))?;
        }
        Ok(out)
    }

    /// `working_days_between` on two `datetime64[D]` columns as int64.
    fn working_days_between_bulk<'py>(
        &self,
        py: Python<'py>,
        a: PyReadonlyArray1<'py, i64>,
        b: PyReadonlyArray1<'py, i64>,
    ) -> PyResult<Bound<'py, PyArray1<i32>>> {
        let (a, b) = (as_days(slice(&a, "a")?), as_days(slice(&b, "b")?));
        same_length(&["a", "b"], &[a.len(), b.len()])?;
        let out = PyArray1::<i32>::zeros(py, a.len(), false);
        {
            let mut w = out.readwrite();
            let o = w.as_slice_mut().expect("a new array is contiguous");
            py.detach(|| self.cal.working_days_between_bulk(a, b, o))
                .map_err(bulk_err)?;
        }
        Ok(out)
    }

    /// `is_working_day` on a `datetime64[D]` column as int64: a date is a
    /// working day exactly when adding 0 working days (which rolls a day off
    /// forward) gives the date itself.
    fn is_working_day_bulk<'py>(
        &self,
        py: Python<'py>,
        dates: PyReadonlyArray1<'py, i64>,
    ) -> PyResult<Bound<'py, PyArray1<bool>>> {
        let d = as_days(slice(&dates, "dates")?);
        let out = PyArray1::<bool>::zeros(py, d.len(), false);
        {
            let mut w = out.readwrite();
            let o = w.as_slice_mut().expect("a new array is contiguous");
            let fast = py.detach(|| -> Result<(), BulkError> {
                let zeros = vec![0i32; CHUNK.min(d.len())];
                let mut rolled = vec![EpochDays64(0); CHUNK.min(d.len())];
                for (c, (dc, oc)) in d.chunks(CHUNK).zip(o.chunks_mut(CHUNK)).enumerate() {
                    let r = &mut rolled[..dc.len()];
                    self.cal
                        .add_working_days_bulk(dc, &zeros[..dc.len()], r)
                        .map_err(|mut e| {
                            e.index += c * CHUNK;
                            e
                        })?;
                    for ((o, x), y) in oc.iter_mut().zip(dc).zip(r.iter()) {
                        *o = x == y;
                    }
                }
                Ok(())
            });
            if let Err(e) = fast {
                // Rolling forward failed at item e.index: a date outside the
                // range, or (only at the very end of the range) a day off with
                // no working day after it. The scalar API decides, item by item.
                for (k, (x, o)) in d.iter().zip(o.iter_mut()).enumerate() {
                    let Some(date) = x.to_date() else {
                        return Err(bulk_err(e));
                    };
                    *o = self.cal.is_working_day(date).map_err(|e| {
                        py_err(e.kind(), format!("item {k}: {}", e.message()), Some(k))
                    })?;
                }
            }
        }
        Ok(out)
    }
}

// ---------------------------------------------------------------------------
// Office time and legal terms
// ---------------------------------------------------------------------------

/// Office hours over a calendar, in a time zone (native half; use `merzim.Office`).
#[pyclass(frozen, module = "merzim._merzim")]
struct NativeOffice {
    office: OfficeTime,
    zone: Zone,
}

#[pymethods]
impl NativeOffice {
    /// `schedule`: "state_body", "state_corporation", or a list of
    /// ("HH:MM", "HH:MM") intervals for every working day.
    #[new]
    #[pyo3(signature = (calendar, schedule, tz="Asia/Almaty"))]
    fn new(
        py: Python<'_>,
        calendar: &NativeCalendar,
        schedule: &Bound<'_, PyAny>,
        tz: &str,
    ) -> PyResult<Self> {
        let schedule = if let Ok(name) = schedule.extract::<String>() {
            match name.as_str() {
                "state_body" => Schedule::state_body(),
                "state_corporation" => Schedule::state_corporation(),
                other => {
                    return Err(invalid(format!(
                        "unknown schedule {other:?}: expected state_body, state_corporation or a list of (\"HH:MM\", \"HH:MM\") intervals"
                    )))
                }
            }
        } else {
            let pairs: Vec<(String, String)> = schedule.extract()?;
            let mut ivs = Vec::with_capacity(pairs.len());
            for (a, b) in &pairs {
                ivs.push(Interval::new(hhmm(a)?, hhmm(b)?).py()?);
            }
            Schedule::uniform(ivs).py()?
        };
        let zone = parse::<Zone>(tz)?;
        let cal = calendar.cal.clone();
        let office = py
            .detach(|| OfficeTime::new(&cal, schedule))
            .py()?
            .with_zone(zone);
        Ok(NativeOffice { office, zone })
    }

    fn zone(&self) -> &'static str {
        self.zone.name()
    }

    fn calendar(&self) -> NativeCalendar {
        NativeCalendar {
            cal: self.office.calendar().clone(),
        }
    }

    /// The local wall-clock time of a submission (see `local_of`).
    fn local(&self, submitted: NaiveDateTime, instant: bool) -> PyResult<NaiveDateTime> {
        local_of(self.zone, submitted, instant)
    }

    fn zoned(&self, local: NaiveDateTime) -> DateTime<FixedOffset> {
        zoned(self.zone, local)
    }

    /// The legal due of one submission as its one JSON form
    /// (`merzim::batch::TermResponse`, with a null id), with the explanation
    /// when `explain` (in `lang`): what a batch line answers.
    #[pyo3(signature = (submitted, instant, term, channel="provider", start="submission_day", end="close_of_business", explain=false, lang="en"))]
    #[allow(clippy::too_many_arguments)]
    fn legal_due(
        &self,
        submitted: NaiveDateTime,
        instant: bool,
        term: &str,
        channel: &str,
        start: &str,
        end: &str,
        explain: bool,
        lang: &str,
    ) -> PyResult<String> {
        let lang = parse::<Lang>(lang)?;
        let s = local_of(self.zone, submitted, instant)?;
        let d = self
            .office
            .legal_due(s, parse::<Term>(term)?, options(channel, start, end)?)
            .py()?;
        let mut r = TermResponse::new_in(Id::null(), &d, lang);
        if explain {
            let skipped = self.office.explain(s, d.due).py()?;
            r.explain = Some(SkippedResponse::list(&skipped, self.zone, lang));
        }
        json(&r)
    }

    /// `legal_due` for a `datetime64[m]` column (local wall-clock time) as
    /// int64; the due instants in the same form.
    #[pyo3(signature = (submitted, term, channel="provider", start="submission_day", end="close_of_business"))]
    fn legal_due_bulk<'py>(
        &self,
        py: Python<'py>,
        submitted: PyReadonlyArray1<'py, i64>,
        term: &str,
        channel: &str,
        start: &str,
        end: &str,
    ) -> PyResult<Bound<'py, PyArray1<i64>>> {
        let s = as_minutes(slice(&submitted, "submitted")?);
        let (term, o) = (parse::<Term>(term)?, options(channel, start, end)?);
        let out = new_i64(py, s.len());
        {
            let mut w = out.readwrite();
            let d = as_minutes_mut(w.as_slice_mut().expect("a new array is contiguous"));
            py.detach(|| self.office.legal_due_bulk(s, term, o, d))
                .map_err(bulk_err)?;
        }
        Ok(out)
    }
}

// ---------------------------------------------------------------------------
// Regulations
// ---------------------------------------------------------------------------

/// A regulation: a chain of steps with an overall term (native half).
#[pyclass(frozen, module = "merzim._merzim")]
struct NativeRegulation {
    reg: Arc<Regulation>,
}

#[pymethods]
impl NativeRegulation {
    #[staticmethod]
    fn bundled(id: &str) -> PyResult<Self> {
        Ok(NativeRegulation {
            reg: Arc::new(Regulation::bundled(id).py()?.clone()),
        })
    }

    #[staticmethod]
    fn bundled_ids() -> Vec<&'static str> {
        Regulation::bundled_ids().collect()
    }

    #[staticmethod]
    fn from_toml(origin: &str, text: &str) -> PyResult<Self> {
        Ok(NativeRegulation {
            reg: Arc::new(Regulation::from_toml(origin, text).py()?),
        })
    }

    #[staticmethod]
    fn from_file(path: std::path::PathBuf) -> PyResult<Self> {
        Ok(NativeRegulation {
            reg: Arc::new(Regulation::from_file(path).py()?),
        })
    }

    fn id(&self) -> String {
        self.reg.id.clone()
    }

    fn title(&self) -> (String, String, String) {
        let t = &self.reg.title;
        (t.kk.clone(), t.ru.clone(), t.en.clone())
    }

    fn channels(&self) -> Vec<&'static str> {
        self.reg.channels.iter().map(|c| c.as_str()).collect()
    }

    /// The timeline of one submission as its one JSON form
    /// (`merzim::batch::RegulationResponse`, with a null id), with the
    /// explanation when `explain` (in `lang`): what a batch line answers;
    /// then the request as read (channel, outcome, the submission as aware
    /// local time), which the form does not echo.
    #[pyo3(signature = (office, submitted, instant, channel="provider", outcome="approve", explain=false, lang="en", term_start="submission_day", refusal_start="submission_day"))]
    #[allow(clippy::too_many_arguments)]
    fn timeline(
        &self,
        office: &NativeOffice,
        submitted: NaiveDateTime,
        instant: bool,
        channel: &str,
        outcome: &str,
        explain: bool,
        lang: &str,
        term_start: &str,
        refusal_start: &str,
    ) -> PyResult<(String, &'static str, &'static str, DateTime<FixedOffset>)> {
        let lang = parse::<Lang>(lang)?;
        let z = office.zone;
        let s = local_of(z, submitted, instant)?;
        let tl = self
            .reg
            .timeline_with(
                &office.office,
                s,
                parse::<Channel>(channel)?,
                parse::<Outcome>(outcome)?,
                timeline_options(term_start, refusal_start)?,
            )
            .py()?;
        let mut r = RegulationResponse::new_in(Id::null(), &tl, lang);
        if explain {
            let skipped = office.office.explain(s, tl.span_end()).py()?;
            r.explain = Some(SkippedResponse::list(&skipped, z, lang));
        }
        Ok((
            json(&r)?,
            tl.channel.as_str(),
            tl.outcome.as_str(),
            zoned(z, tl.submitted),
        ))
    }

    /// The timeline of every submission of a `datetime64[m]` column (local
    /// wall-clock time, as int64): `end`, `term_due`, `refusal_due`, `handoff`,
    /// `storage_until` as int64 minutes (NaT where there is none) and
    /// `within_term` as int8 (1, 0, or -1 where there is no overall term).
    #[pyo3(signature = (office, submitted, channel="provider", outcome="approve", term_start="submission_day", refusal_start="submission_day"))]
    #[allow(clippy::too_many_arguments)]
    fn timeline_bulk<'py>(
        &self,
        py: Python<'py>,
        office: &NativeOffice,
        submitted: PyReadonlyArray1<'py, i64>,
        channel: &str,
        outcome: &str,
        term_start: &str,
        refusal_start: &str,
    ) -> PyResult<Bound<'py, PyDict>> {
        let s = as_minutes(slice(&submitted, "submitted")?);
        let chain: CompiledChain = self
            .reg
            .compile_with(
                parse::<Channel>(channel)?,
                parse::<Outcome>(outcome)?,
                timeline_options(term_start, refusal_start)?,
            )
            .py()?;
        let n = s.len();
        let (end, term_due, refusal_due, handoff, storage_until) = (
            new_i64(py, n),
            new_i64(py, n),
            new_i64(py, n),
            new_i64(py, n),
            new_i64(py, n),
        );
        let within = PyArray1::<i8>::zeros(py, n, false);
        {
            let (mut e, mut t, mut r, mut h, mut st, mut w) = (
                end.readwrite(),
                term_due.readwrite(),
                refusal_due.readwrite(),
                handoff.readwrite(),
                storage_until.readwrite(),
                within.readwrite(),
            );
            let e = as_minutes_mut(e.as_slice_mut().expect("contiguous"));
            let t = t.as_slice_mut().expect("contiguous");
            let r = r.as_slice_mut().expect("contiguous");
            let h = h.as_slice_mut().expect("contiguous");
            let st = st.as_slice_mut().expect("contiguous");
            let w = w.as_slice_mut().expect("contiguous");
            let office = &office.office;
            py.detach(|| -> Result<(), BulkError> {
                let m = CHUNK.min(n);
                let mut bt = vec![None; m];
                let mut br = vec![None; m];
                let mut bh = vec![None; m];
                let mut bs = vec![None; m];
                let mut bw = vec![None; m];
                for (c, sc) in s.chunks(CHUNK).enumerate() {
                    let (a, len) = (c * CHUNK, sc.len());
                    chain
                        .timeline_bulk(
                            office,
                            sc,
                            TimelineColumns {
                                end: Some(&mut e[a..a + len]),
                                term_due: Some(&mut bt[..len]),
                                within_term: Some(&mut bw[..len]),
                                refusal_due: Some(&mut br[..len]),
                                handoff: Some(&mut bh[..len]),
                                storage_until: Some(&mut bs[..len]),
                            },
                        )
                        .map_err(|mut x| {
                            x.index += a;
                            x
                        })?;
                    let nat = |v: &Option<EpochMinutes>| v.unwrap_or(EpochMinutes::NAT).0;
                    for k in 0..len {
                        t[a + k] = nat(&bt[k]);
                        r[a + k] = nat(&br[k]);
                        h[a + k] = nat(&bh[k]);
                        st[a + k] = nat(&bs[k]);
                        w[a + k] = match bw[k] {
                            Some(true) => 1,
                            Some(false) => 0,
                            None => -1,
                        };
                    }
                }
                Ok(())
            })
            .map_err(bulk_err)?;
        }
        let x = PyDict::new(py);
        x.set_item("end", end)?;
        x.set_item("term_due", term_due)?;
        x.set_item("within_term", within)?;
        x.set_item("refusal_due", refusal_due)?;
        x.set_item("handoff", handoff)?;
        x.set_item("storage_until", storage_until)?;
        Ok(x)
    }
}

// ---------------------------------------------------------------------------
// The batch contract
// ---------------------------------------------------------------------------

/// The batch contract's evaluator (native half; use `merzim.Evaluator`).
#[pyclass(frozen, module = "merzim._merzim")]
struct NativeEvaluator {
    ev: Arc<Evaluator>,
}

#[pymethods]
impl NativeEvaluator {
    #[new]
    #[pyo3(signature = (calendar, regulations))]
    fn new(
        calendar: &NativeCalendar,
        regulations: Vec<PyRef<'_, NativeRegulation>>,
    ) -> PyResult<Self> {
        let mut ev = Evaluator::new(calendar.cal.clone());
        for r in regulations {
            ev = ev.with_regulation((*r.reg).clone()).py()?;
        }
        Ok(NativeEvaluator { ev: Arc::new(ev) })
    }

    fn evaluate_json(&self, line: &str) -> String {
        self.ev.evaluate_json(line)
    }

    /// One line as bytes (`Evaluator::evaluate_bytes`): bad UTF-8 gets an
    /// error line, as the CLI's `batch` answers it.
    fn evaluate_bytes(&self, line: &[u8]) -> String {
        self.ev.evaluate_bytes(line).to_json()
    }

    /// Many lines, answered in order through the library's streamer
    /// (`merzim::batch::Stream`) on `threads` threads (0: one per CPU), the
    /// GIL released: one answer per item, a bad line an error line. An item
    /// is the bytes of one line, or None for an item that is not a line
    /// (answered with an `invalid_input` error line naming the item).
    #[pyo3(signature = (lines, threads=0))]
    fn evaluate_lines(
        &self,
        py: Python<'_>,
        lines: Vec<Option<Bound<'_, PyBytes>>>,
        threads: usize,
    ) -> PyResult<Vec<String>> {
        let lines: Vec<Option<&[u8]>> = lines
            .iter()
            .map(|l| l.as_ref().map(|b| b.as_bytes()))
            .collect();
        let ev = &self.ev;
        py.detach(|| -> std::io::Result<Vec<String>> {
            // A line holding a newline is not one line of a stream, and an
            // item that is not a line has no bytes: each is answered on its
            // own, and the stream gets an empty line in its place, whose
            // answer is replaced.
            let alone = |l: &Option<&[u8]>| l.is_none_or(|b| b.contains(&b'\n'));
            let mut input =
                Vec::with_capacity(lines.iter().map(|l| l.map_or(0, <[u8]>::len) + 1).sum());
            for l in &lines {
                if let (false, Some(b)) = (alone(l), l) {
                    input.extend_from_slice(b);
                }
                input.push(b'\n');
            }
            let mut output = Vec::with_capacity(lines.len() * 160);
            Stream::new()
                .threads(threads)
                .run(ev, &input[..], &mut output)?;
            drop(input);
            let text = String::from_utf8(output)
                .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
            let answers: Vec<String> = lines
                .iter()
                .zip(text.split_terminator('\n'))
                .enumerate()
                .map(|(k, (l, a))| match l {
                    None => invalid_line(format!("item {k}: not a line: expected str or bytes")),
                    Some(b) if b.contains(&b'\n') => ev.evaluate_bytes(b).to_json(),
                    Some(_) => a.to_string(),
                })
                .collect();
            if answers.len() != lines.len() {
                return Err(std::io::Error::other(format!(
                    "the stream answered {} of {} lines",
                    answers.len(),
                    lines.len()
                )));
            }
            Ok(answers)
        })
        .map_err(|e| py_err(ErrorKind::Internal, e.to_string(), None))
    }

    /// The bytes of a whole JSON Lines input (as the CLI's `batch` reads its
    /// stdin: a BOM, CR LF, bad UTF-8 answered by error lines), one answer per
    /// line, in order, the GIL released.
    #[pyo3(signature = (data, threads=0))]
    fn evaluate_stream(
        &self,
        py: Python<'_>,
        data: &[u8],
        threads: usize,
    ) -> PyResult<Vec<String>> {
        let ev = &self.ev;
        py.detach(|| -> std::io::Result<Vec<String>> {
            let mut output = Vec::with_capacity(data.len() / 2 + 160);
            Stream::new().threads(threads).run(ev, data, &mut output)?;
            let text = String::from_utf8(output)
                .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?;
            Ok(text.split_terminator('\n').map(str::to_string).collect())
        })
        .map_err(|e| py_err(ErrorKind::Internal, e.to_string(), None))
    }

    /// Streams the JSON Lines file `input` into the file `output` (one answer
    /// per line, in order, bounded memory), the GIL released: the CLI's
    /// `batch`. Returns (lines, errors).
    #[pyo3(signature = (input, output, threads=0))]
    fn evaluate_file(
        &self,
        py: Python<'_>,
        input: std::path::PathBuf,
        output: std::path::PathBuf,
        threads: usize,
    ) -> PyResult<(u64, u64)> {
        let ev = &self.ev;
        let summary = py
            .detach(|| -> std::io::Result<StreamSummary> {
                let i = std::fs::File::open(&input)?;
                let mut o = std::io::BufWriter::new(std::fs::File::create(&output)?);
                let summary = Stream::new().threads(threads).run(ev, i, &mut o)?;
                std::io::Write::flush(&mut o)?;
                Ok(summary)
            })
            .map_err(|e| py_err(ErrorKind::Io, e.to_string(), None))?;
        Ok((summary.lines, summary.error_count()))
    }
}

fn default_evaluator() -> &'static Evaluator {
    static EV: OnceLock<Evaluator> = OnceLock::new();
    EV.get_or_init(|| Evaluator::new(Calendar::kazakhstan()))
}

/// One JSON line in, one JSON line out: the batch contract, exactly the CLI's
/// `batch` and the C API's `merzim_eval_json` (one `Evaluator` over the
/// embedded calendar).
#[pyfunction]
fn evaluate_json(line: &str) -> String {
    default_evaluator().evaluate_json(line)
}

/// One line as bytes: `evaluate_json` for bytes, bad UTF-8 answered with an
/// error line (`Evaluator::evaluate_bytes`).
#[pyfunction]
fn evaluate_bytes(line: &[u8]) -> String {
    default_evaluator().evaluate_bytes(line).to_json()
}

/// The batch contract's error line (null id) for an `invalid_input` error
/// with `message`: what a line that cannot be read at all is answered with.
#[pyfunction]
fn error_line(message: &str) -> String {
    invalid_line(message.to_string())
}

fn invalid_line(message: String) -> String {
    // The form of `Response::from_error` with a null id (its types are
    // non-exhaustive); the message is this crate's own ASCII text.
    format!(
        r#"{{"id":null,"error":{{"kind":"{}","message":{}}}}}"#,
        ErrorKind::InvalidInput.as_str(),
        serde_json::Value::String(message)
    )
}

/// Parses a term ("22 working days", "22 рабочих дня", "15 minutes") and
/// returns its canonical English form and (amount, unit).
#[pyfunction]
fn parse_term(term: &str) -> PyResult<(String, u32, String)> {
    let t = parse::<Term>(term)?;
    Ok((t.to_string(), t.amount(), t.unit().as_str().to_string()))
}

/// What a person reads for a day kind ("holiday", "weekend", ...) in `lang`
/// ("kk", "ru", "en"): the library's one wording (`DayKind::label`).
#[pyfunction]
#[pyo3(signature = (kind, lang="en"))]
fn day_kind_label(kind: &str, lang: &str) -> PyResult<&'static str> {
    Ok(parse::<DayKind>(kind)?.label(parse::<Lang>(lang)?))
}

#[pymodule]
fn _merzim(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("MerzimError", py.get_type::<MerzimError>())?;
    m.add("OutOfCoverageError", py.get_type::<OutOfCoverageError>())?;
    m.add("InvalidInputError", py.get_type::<InvalidInputError>())?;
    m.add("InvalidDataError", py.get_type::<InvalidDataError>())?;
    m.add(
        "InvalidRegulationError",
        py.get_type::<InvalidRegulationError>(),
    )?;
    m.add("MerzimIOError", py.get_type::<MerzimIOError>())?;
    m.add("InternalError", py.get_type::<InternalError>())?;
    // Every instance has a `kind` and an `index`, also one raised by the
    // Python half: the class gives the default, `py_err` the instance's own.
    let base = py.get_type::<MerzimError>();
    base.setattr("kind", "internal")?;
    base.setattr("index", py.None())?;
    for (t, kind) in [
        (
            py.get_type::<OutOfCoverageError>(),
            ErrorKind::OutOfCoverage,
        ),
        (py.get_type::<InvalidInputError>(), ErrorKind::InvalidInput),
        (py.get_type::<InvalidDataError>(), ErrorKind::InvalidData),
        (
            py.get_type::<InvalidRegulationError>(),
            ErrorKind::InvalidRegulation,
        ),
        (py.get_type::<MerzimIOError>(), ErrorKind::Io),
        (py.get_type::<InternalError>(), ErrorKind::Internal),
    ] {
        t.setattr("kind", kind.as_str())?;
    }
    m.add_class::<NativeCalendar>()?;
    m.add_class::<NativeOffice>()?;
    m.add_class::<NativeRegulation>()?;
    m.add_class::<NativeEvaluator>()?;
    m.add_function(wrap_pyfunction!(evaluate_json, m)?)?;
    m.add_function(wrap_pyfunction!(evaluate_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(error_line, m)?)?;
    m.add_function(wrap_pyfunction!(parse_term, m)?)?;
    m.add_function(wrap_pyfunction!(day_kind_label, m)?)?;
    m.add("LIBRARY_VERSION", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}

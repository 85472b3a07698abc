"""merzim: deadlines of Kazakh public services, for Python, numpy and pandas.

The Kazakhstan working-day calendar (2000-2027: holidays, substitute days,
every transfer act, working Saturdays, the 2026 Constitution), office time,
legal terms and regulation timelines. This package is a thin face over the
Rust library ``merzim``: every rule is computed by the one engine, none is
re-implemented in Python. The rules, with the acts they rest on and worked
examples, are in ``docs/RULES.md`` of the repository.

Scalars use the standard library's types, columns use numpy; the same call
takes both::

    >>> import datetime as dt, numpy as np, merzim
    >>> cal = merzim.Calendar.kazakhstan()
    >>> cal.add_working_days(dt.date(2026, 3, 20), 1)
    datetime.date(2026, 3, 26)
    >>> cal.add_working_days(np.array(["2026-03-20", "2024-05-03"], "datetime64[D]"), 1)
    array(['2026-03-26', '2024-05-04'], dtype='datetime64[D]')

Column calls run in Rust over the arrays in place (no Python loop, no copy
beyond the output) with the GIL released, so Python threads, Dask and Spark
workers run them in parallel.

Errors raise subclasses of :class:`MerzimError` chosen by the library's error
kind (:class:`OutOfCoverageError`, :class:`InvalidInputError`, ...), with the
library's message; a column call's error names the first failing item
(``err.index``).
"""

from __future__ import annotations

import datetime as _dt
import json as _json
import os as _os
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, NamedTuple, Optional, Sequence, Tuple, Union

import numpy as np

from . import _merzim
from ._merzim import (
    InternalError,
    InvalidDataError,
    InvalidInputError,
    InvalidRegulationError,
    MerzimError,
    MerzimIOError,
    OutOfCoverageError,
)

__version__ = "0.1.0"

__all__ = [
    "Act",
    "Alternative",
    "Calendar",
    "Day",
    "Evaluator",
    "InternalError",
    "InvalidDataError",
    "InvalidInputError",
    "InvalidRegulationError",
    "LegalDue",
    "MerzimError",
    "MerzimIOError",
    "Names",
    "Office",
    "OutOfCoverageError",
    "Regulation",
    "Skipped",
    "Step",
    "Timeline",
    "day_kind_label",
    "evaluate_json",
]

# ---------------------------------------------------------------------------
# Result types
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Names:
    """A text in Kazakh, Russian and English."""

    kk: str
    ru: str
    en: str

    def get(self, lang: str = "en") -> str:
        """The text in ``lang`` ("kk", "ru" or "en"), falling back to Russian,
        then English, then Kazakh when empty."""
        first = {"kk": self.kk, "kz": self.kk, "ru": self.ru, "en": self.en}.get(lang.lower())
        if first is None:
            raise InvalidInputError(f"unknown language {lang!r}: expected one of kk, ru, en")
        for s in (first, self.ru, self.en, self.kk):
            if s:
                return s
        return ""


# Each result type is the library's one JSON form of that result (the batch
# contract, docs/batch.schema.json; ``merzim day --json`` for a day) converted
# to Python: the same field names, RFC 3339 instants as timezone-aware
# ``datetime`` objects (with the offset the library wrote), dates as
# ``datetime.date``. A field the form leaves out is None (an empty list for
# the lists). Nothing is recomputed here.


@dataclass(frozen=True)
class Act:
    """A transfer or declaration act, as cited by a :class:`Day`."""

    id: str
    title: Names
    body: str
    number: Optional[str]
    date: Optional[_dt.date]
    url: Optional[str]
    inferred: List[str]


@dataclass(frozen=True)
class Day:
    """Everything the calendar knows about one date (``Calendar.day``): the
    library's day form.

    ``kind`` is one of "working", "weekend", "holiday", "religious_day_off",
    "substitute_day_off", "transferred_day_off", "declared_day_off",
    "working_weekend", "transferred_working_day"; :meth:`label` words it.
    """

    date: _dt.date
    kind: str
    working: bool
    names: Optional[Names]
    source: Optional[str]
    source_url: Optional[str]
    inferred: List[str]
    act: Optional[Act]
    provisional: bool
    estimated: bool

    def label(self, lang: str = "en") -> str:
        """The day's kind as a person reads it in ``lang`` ("kk", "ru" or
        "en"): the library's wording (see :func:`day_kind_label`)."""
        return day_kind_label(self.kind, lang)


@dataclass(frozen=True)
class Skipped:
    """A stretch of time that did not count (an item of ``explain``).

    ``from_`` is the form's ``from`` (a Python keyword); ``from_`` and ``to``
    are timezone-aware. ``reason`` is "lunch", "after_hours" or the kind of
    the day off; ``text`` is one line for a person in the requested language.
    """

    from_: _dt.datetime
    to: _dt.datetime
    reason: str
    names: Optional[Names]
    source: Optional[str]
    act: Optional[Act]
    provisional: bool
    estimated: bool
    text: str


@dataclass(frozen=True)
class LegalDue:
    """A legal term computed for one submission (``Office.legal_due``): the
    batch contract's term response.

    ``due`` and ``handoff`` are timezone-aware, with the office zone's offset
    for that date (Almaty: +06:00 until 2024-02-29, +05:00 since 2024-03-01).
    ``day_one`` is None for terms in minutes or hours, ``handoff`` outside the
    state-corporation channel; ``explain`` is None unless asked for.
    """

    registered: _dt.date
    day_one: Optional[_dt.date]
    last_day: _dt.date
    due: _dt.datetime
    handoff: Optional[_dt.datetime]
    provisional: bool
    warnings: List[str] = field(default_factory=list)
    explain: Optional[List[Skipped]] = None


@dataclass(frozen=True)
class Step:
    """When one step of a regulation starts and ends (timezone-aware);
    ``duration`` is the step's duration on the channel ("2 working days")."""

    number: int
    duration: str
    start: _dt.datetime
    end: _dt.datetime


class Alternative(NamedTuple):
    """One alternative of a regulation's overall term and when it expires.
    A named tuple: ``dict(timeline.alternatives)`` maps term to due."""

    term: str
    due: _dt.datetime


@dataclass(frozen=True)
class Timeline:
    """A regulation's steps chained for one submission (``Regulation.timeline``):
    the batch contract's regulation response, after the request it answers.

    ``regulation``, ``channel``, ``outcome`` and ``submitted`` (the submission
    as the office's aware local time) echo the request; every other field is
    the response form. Every instant is timezone-aware, with the office zone's
    offset. ``alternatives`` lists the alternatives of the overall term when
    there are several (empty otherwise); ``explain`` is None unless asked for.
    """

    regulation: str
    channel: str
    outcome: str
    submitted: _dt.datetime
    steps: List[Step]
    end: _dt.datetime
    term_due: Optional[_dt.datetime]
    alternatives: List[Alternative]
    within_term: Optional[bool]
    refusal_due: Optional[_dt.datetime]
    handoff: Optional[_dt.datetime]
    storage_until: Optional[_dt.datetime]
    provisional: bool
    warnings: List[str] = field(default_factory=list)
    explain: Optional[List[Skipped]] = None


#: The fields of :class:`Timeline` that echo the request rather than the response.
TIMELINE_REQUEST_FIELDS = ("regulation", "channel", "outcome", "submitted")


def day_kind_label(kind: str, lang: str = "en") -> str:
    """What a person reads for a day kind ("holiday", "weekend", ...) in
    ``lang`` ("kk", "ru" or "en"): the library's one wording."""
    return _merzim.day_kind_label(kind, lang)


# -- conversions of the library's JSON forms (never a recomputation) --------


def _date(s: Optional[str]) -> Optional[_dt.date]:
    return None if s is None else _dt.date.fromisoformat(s)


def _instant(s: Optional[str]) -> Optional[_dt.datetime]:
    """An RFC 3339 instant as an aware datetime with the written offset."""
    if s is None:
        return None
    if s.endswith(("Z", "z")):
        s = s[:-1] + "+00:00"
    return _dt.datetime.fromisoformat(s)


def _names(d: Optional[Dict[str, str]]) -> Optional[Names]:
    return None if d is None else Names(kk=d.get("kk", ""), ru=d.get("ru", ""), en=d.get("en", ""))


def _act(a: Optional[Dict[str, Any]]) -> Optional[Act]:
    if a is None:
        return None
    return Act(
        id=a["id"],
        title=_names(a["title"]),  # type: ignore[arg-type]
        body=a["body"],
        number=a.get("number"),
        date=_date(a.get("date")),
        url=a.get("url"),
        inferred=list(a.get("inferred", [])),
    )


def _day(d: Dict[str, Any]) -> Day:
    return Day(
        date=_date(d["date"]),  # type: ignore[arg-type]
        kind=d["kind"],
        working=d["working"],
        names=_names(d.get("names")),
        source=d.get("source"),
        source_url=d.get("source_url"),
        inferred=list(d.get("inferred", [])),
        act=_act(d.get("act")),
        provisional=d["provisional"],
        estimated=d["estimated"],
    )


def _explain(x: Optional[List[Dict[str, Any]]]) -> Optional[List[Skipped]]:
    if x is None:
        return None
    return [
        Skipped(
            from_=_instant(s["from"]),  # type: ignore[arg-type]
            to=_instant(s["to"]),  # type: ignore[arg-type]
            reason=s["reason"],
            names=_names(s.get("names")),
            source=s.get("source"),
            act=_act(s.get("act")),
            provisional=s["provisional"],
            estimated=s["estimated"],
            text=s["text"],
        )
        for s in x
    ]


def _legal_due(r: Dict[str, Any]) -> LegalDue:
    return LegalDue(
        registered=_date(r["registered"]),  # type: ignore[arg-type]
        day_one=_date(r.get("day_one")),
        last_day=_date(r["last_day"]),  # type: ignore[arg-type]
        due=_instant(r["due"]),  # type: ignore[arg-type]
        handoff=_instant(r.get("handoff")),
        provisional=r["provisional"],
        warnings=list(r.get("warnings", [])),
        explain=_explain(r.get("explain")),
    )


def _timeline(r: Dict[str, Any], regulation: str, channel: str, outcome: str, submitted: _dt.datetime) -> Timeline:
    return Timeline(
        regulation=regulation,
        channel=channel,
        outcome=outcome,
        submitted=submitted,
        steps=[
            Step(number=s["number"], duration=s["duration"], start=_instant(s["start"]), end=_instant(s["end"]))  # type: ignore[arg-type]
            for s in r["steps"]
        ],
        end=_instant(r["end"]),  # type: ignore[arg-type]
        term_due=_instant(r.get("term_due")),
        alternatives=[Alternative(a["term"], _instant(a["due"])) for a in r.get("alternatives", [])],  # type: ignore[arg-type]
        within_term=r.get("within_term"),
        refusal_due=_instant(r.get("refusal_due")),
        handoff=_instant(r.get("handoff")),
        storage_until=_instant(r.get("storage_until")),
        provisional=r["provisional"],
        warnings=list(r.get("warnings", [])),
        explain=_explain(r.get("explain")),
    )


# ---------------------------------------------------------------------------
# Conversions between Python, numpy and pandas values and the native forms
# ---------------------------------------------------------------------------

_NAT = np.iinfo(np.int64).min


def _scalar_date(x: Any) -> Optional[_dt.date]:
    """``x`` as a ``datetime.date`` if it is one value, else None."""
    if isinstance(x, _dt.datetime):
        return x.date()
    if isinstance(x, _dt.date):
        return x
    if isinstance(x, np.datetime64):
        if np.isnat(x):
            raise InvalidInputError("NaT (not a time) is not a date: drop or fill missing dates first")
        return x.astype("datetime64[D]").astype(_dt.date)
    return None


def _wall_clock(x: Any, zone: Optional[str]) -> Any:
    """A timezone-aware pandas column as wall-clock time (in ``zone`` when given)."""
    tz = getattr(getattr(x, "dt", x), "tz", None)
    if tz is None:
        return x
    acc = x.dt if hasattr(x, "dt") else x
    if zone is not None:
        acc = acc.tz_convert(zone)
        acc = acc.dt if hasattr(acc, "dt") else acc
    return acc.tz_localize(None)


def _column(x: Any, unit: str, what: str, zone: Optional[str] = None) -> Tuple[np.ndarray, Tuple[int, ...]]:
    """``x`` (numpy array, pandas Series or DatetimeIndex, list of dates) as a
    contiguous 1-D int64 view of ``datetime64[unit]`` and the original shape.
    No copy when ``x`` already is a contiguous ``datetime64[unit]`` array."""
    x = _wall_clock(x, zone)
    a = np.asarray(x)
    if a.dtype.kind != "M":
        if a.dtype.kind in "OUS":
            try:
                a = a.astype(f"datetime64[{unit}]")
            except (TypeError, ValueError) as e:
                raise InvalidInputError(f"{what}: cannot read the values as dates or times: {e}") from None
        else:
            raise TypeError(f"{what}: expected datetime64 values (numpy, pandas) or dates, got dtype {a.dtype}")
    elif a.dtype != np.dtype(f"datetime64[{unit}]"):
        a = a.astype(f"datetime64[{unit}]")
    shape = a.shape
    a = np.ascontiguousarray(a).reshape(-1)
    return a.view(np.int64), shape


def _counts(n: Any, size: Optional[int]) -> Any:
    """Working-day counts: one Python int for all, or a contiguous int32/int64 array."""
    if isinstance(n, (int, np.integer)) and not isinstance(n, (bool, np.bool_)):
        return int(n)
    a = np.asarray(n)
    if a.dtype.kind not in "iu":
        raise TypeError(f"n: expected integers, got dtype {a.dtype}")
    if a.dtype != np.int32:
        a = a.astype(np.int64, copy=False)
    a = np.ascontiguousarray(a).reshape(-1)
    return a


def _submitted(x: Any) -> Tuple[_dt.datetime, bool]:
    """A submission time: (naive local wall-clock time, False), or for a
    timezone-aware datetime (its UTC time, True), which the office's zone
    turns into local time."""
    if isinstance(x, np.datetime64):
        if np.isnat(x):
            raise InvalidInputError("NaT (not a time) is not a time: drop or fill missing times first")
        x = x.astype("datetime64[us]").astype(_dt.datetime)
    if isinstance(x, str):
        try:
            x = _dt.datetime.fromisoformat(x.replace("Z", "+00:00"))
        except ValueError:
            raise InvalidInputError(
                f"cannot read the time {x!r}: expected YYYY-MM-DDTHH:MM[:SS] or an ISO instant with an offset"
            ) from None
    if not isinstance(x, _dt.datetime):
        raise TypeError(f"expected a datetime.datetime (naive: the office's local time; or timezone-aware), got {type(x).__name__}")
    if x.tzinfo is not None and x.utcoffset() is not None:
        utc = x.astimezone(_dt.timezone.utc).replace(tzinfo=None)
        return utc, True
    return x.replace(tzinfo=None), False


def _is_scalar_time(x: Any) -> bool:
    return isinstance(x, (_dt.date, str, np.datetime64))


# ---------------------------------------------------------------------------
# Calendar
# ---------------------------------------------------------------------------

DateLike = Union[_dt.date, np.datetime64]


class Calendar:
    """The Kazakhstan working-day calendar. Immutable; cheap to share between
    threads (the tables are built once per process)."""

    __slots__ = ("_c", "_recipe")

    def __init__(self, _native: Any, _recipe: Tuple[Tuple[Any, ...], ...] = ()) -> None:
        if not isinstance(_native, _merzim.NativeCalendar):
            raise TypeError("use Calendar.kazakhstan(...) to make a calendar")
        self._c = _native
        # How this calendar was made, step by step, for pickling: a calendar
        # travels to worker processes (Dask, Spark, multiprocessing) as its
        # recipe, overlays included as text, and is rebuilt there.
        self._recipe = _recipe

    def _then(self, native: Any, *step: Any) -> "Calendar":
        return Calendar(native, self._recipe + (step,))

    def __reduce__(self) -> Tuple[Any, Tuple[Any, ...]]:
        return (_calendar_from_recipe, (self._recipe,))

    @classmethod
    def kazakhstan(
        cls,
        week: str = "five",
        horizon: Optional[str] = None,
        as_known_on: Optional[_dt.date] = None,
    ) -> "Calendar":
        """The embedded Kazakhstan calendar.

        ``week``: "five" (Monday-Friday, the default) or "six" (Monday-Saturday).
        ``horizon``: None or "coverage" (answer only 2000-01-01..2027-12-31) or
        "provisional" (extend the statutory rules up to 2100; results past
        coverage are marked provisional). ``as_known_on``: the data as it was
        known on that date (only the acts adopted by then; RULES.md section 9).
        """
        return cls(
            _merzim.NativeCalendar.kazakhstan(week, horizon, as_known_on),
            (("kazakhstan", week, horizon, as_known_on),),
        )

    def with_overlay_toml(self, toml: str, origin: str = "overlay.toml") -> "Calendar":
        """This calendar with extra data layered over it (a new transfer order,
        a local day off, an announced Kurban Ait date), in the TOML schema of
        ``holidays/transfers/YYYY.toml``. A bad overlay raises
        :class:`InvalidDataError` naming ``origin`` and the line, and never
        half-applies."""
        return self._then(self._c.with_overlay_toml(origin, toml), "overlay", origin, toml)

    def with_overlay_file(self, path: Union[str, "_os.PathLike[str]"]) -> "Calendar":
        """:meth:`with_overlay_toml` with the text of a file. A pickled
        calendar carries the text, so workers need not see the file."""
        path = _os.fspath(path)
        native = self._c.with_overlay_file(path)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        return self._then(native, "overlay", path, text)

    def with_week(self, week: str) -> "Calendar":
        """This calendar's data counted for another week ("five" or "six")."""
        return self._then(self._c.with_week(week), "week", week)

    def with_horizon(self, horizon: str) -> "Calendar":
        """This calendar with another horizon ("coverage" or "provisional")."""
        return self._then(self._c.with_horizon(horizon), "horizon", horizon)

    def as_known_on(self, date: _dt.date) -> "Calendar":
        """This calendar's data as it was known on ``date``."""
        return self._then(self._c.as_known_on(date), "as_known_on", date)

    @property
    def week(self) -> str:
        """"five" or "six"."""
        return self._c.week()

    @property
    def horizon(self) -> str:
        """"coverage" or "provisional"."""
        return self._c.horizon()

    @property
    def coverage(self) -> Tuple[_dt.date, _dt.date]:
        """The first and last date the data covers."""
        return self._c.coverage()

    @property
    def valid_range(self) -> Tuple[_dt.date, _dt.date]:
        """The first and last date this calendar answers for."""
        return self._c.valid_range()

    @property
    def data_version(self) -> str:
        """A version string of the data (coverage, hash, overlays)."""
        return self._c.data_version()

    @property
    def known_on(self) -> Optional[_dt.date]:
        """The date this calendar is as known on (None: as known now)."""
        return self._c.known_on()

    @property
    def data_as_of(self) -> Optional[_dt.date]:
        """When the embedded data was last checked against official sources."""
        return self._c.data_as_of()

    def __repr__(self) -> str:
        a, b = self.valid_range
        known = f", as_known_on={self.known_on}" if self.known_on else ""
        return f"<merzim.Calendar week={self.week} horizon={self.horizon} {a}..{b}{known}>"

    # -- the three calls of every analyst, on a date or a column ------------

    def is_working_day(self, x: Any) -> Any:
        """Whether ``x`` is a working day.

        ``x``: a ``datetime.date`` (returns ``bool``), or dates as a numpy
        ``datetime64`` array, a pandas Series or DatetimeIndex, or a list of
        dates (returns a numpy ``bool`` array of the same shape).
        """
        d = _scalar_date(x)
        if d is not None:
            return self._c.is_working_day(d)
        a, shape = _column(x, "D", "x")
        return self._c.is_working_day_bulk(a).reshape(shape)

    def add_working_days(self, start: Any, n: Any) -> Any:
        """The ``n``-th working day after ``start`` (n > 0), the |n|-th before
        it (n < 0), or for n = 0 ``start`` itself if it is a working day, else
        the next one. ``start`` need not be a working day (unlike
        ``numpy.busday_offset``, which rolls it first).

        ``start`` a ``datetime.date`` and ``n`` an ``int``: returns a ``date``.
        ``start`` a column of dates (numpy ``datetime64``, pandas) and ``n`` an
        ``int`` or an integer array of the same length: returns a numpy
        ``datetime64[D]`` array.
        """
        d = _scalar_date(start)
        if d is not None:
            if isinstance(n, (int, np.integer)) and not isinstance(n, (bool, np.bool_)):
                return self._c.add_working_days(d, int(n))
            n_arr = np.asarray(n)
            start = np.full(n_arr.shape, np.datetime64(d, "D"))
        a, shape = _column(start, "D", "start")
        out = self._c.add_working_days_bulk(a, _counts(n, a.size))
        return out.view("datetime64[D]").reshape(shape)

    def working_days_between(self, a: Any, b: Any) -> Any:
        """Working days in ``(a, b]``, negative when ``b < a``: so that
        ``add_working_days(a, working_days_between(a, b)) == b`` for a working
        day ``b``. Two dates give an ``int``; a column (either side may be
        one date) gives a numpy ``int32`` array."""
        da, db = _scalar_date(a), _scalar_date(b)
        if da is not None and db is not None:
            return self._c.working_days_between(da, db)
        if da is not None:
            a = np.full(np.shape(np.asarray(b)), np.datetime64(da, "D"))
        if db is not None:
            b = np.full(np.shape(np.asarray(a)), np.datetime64(db, "D"))
        xa, shape = _column(a, "D", "a")
        xb, _ = _column(b, "D", "b")
        return self._c.working_days_between_bulk(xa, xb).reshape(shape)

    # -- what a day is -------------------------------------------------------

    def day(self, date: DateLike) -> Day:
        """Everything known about ``date``: kind, names (kk/ru/en), legal
        source and link, the act that moved it, provisional and estimated flags."""
        d = _scalar_date(date)
        if d is None:
            raise TypeError("day() takes one date")
        return _day(_json.loads(self._c.day(d)))

    def day_kind(self, date: DateLike) -> str:
        """The kind of ``date`` (see :class:`Day`)."""
        d = _scalar_date(date)
        if d is None:
            raise TypeError("day_kind() takes one date")
        return self._c.day_kind(d)

    def days_off(self, year: int) -> List[Day]:
        """Every day of ``year`` that is not a working day (weekends included),
        in date order, each as :meth:`day` gives it."""
        return [_day(d) for d in _json.loads(self._c.days_off(int(year)))]

    def holidays(self, year: int) -> List[Day]:
        """:meth:`days_off` without the ordinary weekends: holidays, religious
        days off, substitute, transferred and declared days off."""
        return [d for d in self.days_off(year) if d.kind != "weekend"]

    def is_provisional(self, date: DateLike) -> bool:
        """Whether ``date``'s status may still change."""
        d = _scalar_date(date)
        if d is None:
            raise TypeError("is_provisional() takes one date")
        return self._c.is_provisional(d)

    def working_days_in_month(self, year: int, month: int) -> int:
        """Working days in a month."""
        return self._c.working_days_in_month(int(year), int(month))

    def working_days_in_year(self, year: int) -> int:
        """Working days in a year."""
        return self._c.working_days_in_year(int(year))

    def working_days_in_range(self, a: DateLike, b: DateLike) -> int:
        """Working days from ``a`` to ``b``, both inclusive."""
        da, db = _scalar_date(a), _scalar_date(b)
        if da is None or db is None:
            raise TypeError("working_days_in_range() takes two dates")
        return self._c.working_days_in_range(da, db)


# ---------------------------------------------------------------------------
# Office time and legal terms
# ---------------------------------------------------------------------------


def _calendar_from_recipe(recipe: Tuple[Tuple[Any, ...], ...]) -> Calendar:
    """Rebuilds a pickled :class:`Calendar` from its recipe."""
    if not recipe or recipe[0][0] != "kazakhstan":
        raise ValueError(f"not a calendar recipe: {recipe!r:.200}")
    _, week, horizon, as_known_on = recipe[0]
    cal = Calendar.kazakhstan(week, horizon, as_known_on)
    for step in recipe[1:]:
        kind, args = step[0], step[1:]
        if kind == "overlay":
            cal = cal.with_overlay_toml(args[1], origin=args[0])
        elif kind == "week":
            cal = cal.with_week(*args)
        elif kind == "horizon":
            cal = cal.with_horizon(*args)
        elif kind == "as_known_on":
            cal = cal.as_known_on(*args)
        else:
            raise ValueError(f"unknown step {kind!r} in a calendar recipe")
    return cal


class Office:
    """Office hours laid over a calendar, in a time zone: what legal terms and
    regulation timelines are counted on.

    ``schedule``: "state_body" (09:00-13:00 and 14:30-18:30, the default),
    "state_corporation" (09:00-18:00), or a list of ("HH:MM", "HH:MM")
    intervals for every working day. ``tz``: an IANA zone (default
    "Asia/Almaty"); counting is in its local wall-clock time and results carry
    its offset for each date.
    """

    __slots__ = ("_o", "calendar", "tz", "_schedule")

    def __init__(
        self,
        calendar: Optional[Calendar] = None,
        schedule: Union[str, Sequence[Tuple[str, str]]] = "state_body",
        tz: str = "Asia/Almaty",
    ) -> None:
        calendar = calendar if calendar is not None else Calendar.kazakhstan()
        self.calendar = calendar
        self._o = _merzim.NativeOffice(calendar._c, schedule, tz)
        self.tz = self._o.zone()
        self._schedule = schedule if isinstance(schedule, str) else [tuple(i) for i in schedule]

    def __reduce__(self) -> Tuple[Any, Tuple[Any, ...]]:
        return (Office, (self.calendar, self._schedule, self.tz))

    def __repr__(self) -> str:
        return f"<merzim.Office tz={self.tz} {self.calendar!r}>"

    def local(self, submitted: Any) -> _dt.datetime:
        """A submission as local wall-clock time of the office (a naive
        datetime is taken as such; an aware one is converted; seconds are dropped)."""
        t, instant = _submitted(submitted)
        return self._o.local(t, instant)

    def legal_due(
        self,
        submitted: Any,
        term: str,
        channel: str = "provider",
        start: str = "submission_day",
        end: str = "close_of_business",
        *,
        explain: bool = False,
        lang: str = "en",
    ) -> Any:
        """The legal term ``term`` ("22 working days", "22 рабочих дня",
        "30 calendar days", "15 minutes", "1 month") for a submission
        (RULES.md section 5).

        ``submitted`` a ``datetime`` (naive: the office's local time; or
        timezone-aware): returns a :class:`LegalDue` with aware ``due`` and
        ``handoff``. ``submitted`` a column of ``datetime64`` (numpy: local
        wall-clock time; a timezone-aware pandas Series is converted to the
        office's zone): returns the due instants as a numpy ``datetime64[m]``
        array of local wall-clock time.

        ``channel``: "provider", "portal" or "state_corporation"; ``start``:
        "submission_day" or "next_day"; ``end``: "close_of_business" or "midnight".
        ``explain`` (one submission only): also list what did not count
        (:class:`Skipped`), its texts in ``lang`` ("kk", "ru" or "en").

        The result is the batch contract's term response for the same request
        (:func:`evaluate_json`), converted: the same fields, the same values.
        """
        if _is_scalar_time(submitted):
            t, instant = _submitted(submitted)
            r = self._o.legal_due(t, instant, term, channel, start, end, explain, lang)
            return _legal_due(_json.loads(r))
        if explain:
            raise InvalidInputError("explain is for one submission, not a column")
        a, shape = _column(submitted, "m", "submitted", zone=self.tz)
        out = self._o.legal_due_bulk(a, term, channel, start, end)
        return out.view("datetime64[m]").reshape(shape)

    def zoned(self, local: Any) -> Any:
        """Local wall-clock time as timezone-aware time: a ``datetime`` with the
        zone's offset for that date, or for a column a pandas Series in the
        office's zone (needs pandas)."""
        if isinstance(local, _dt.datetime):
            return self._o.zoned(local.replace(tzinfo=None))
        import pandas as pd  # only for columns

        return pd.Series(np.asarray(local, dtype="datetime64[ns]")).dt.tz_localize(self.tz)


# ---------------------------------------------------------------------------
# Regulations
# ---------------------------------------------------------------------------


class Regulation:
    """A regulation: numbered steps, an overall term, a refusal term, storage
    (RULES.md section 6). Six are bundled (:meth:`bundled_ids`)."""

    __slots__ = ("_r", "_source")

    def __init__(self, _native: Any, _source: Tuple[str, ...] = ()) -> None:
        if not isinstance(_native, _merzim.NativeRegulation):
            raise TypeError("use Regulation.bundled, from_toml or from_file")
        self._r = _native
        # ("bundled", id) or ("toml", origin, text): how a pickled regulation is rebuilt.
        self._source = _source

    def __reduce__(self) -> Tuple[Any, Tuple[Any, ...]]:
        return (_regulation_from_source, (self._source,))

    @staticmethod
    def bundled_ids() -> List[str]:
        """The ids of the bundled regulations."""
        return list(_merzim.NativeRegulation.bundled_ids())

    @classmethod
    def bundled(cls, id: str) -> "Regulation":
        """A bundled regulation by id (``InvalidInputError`` lists the ids)."""
        return cls(_merzim.NativeRegulation.bundled(id), ("bundled", id))

    @classmethod
    def from_toml(cls, text: str, origin: str = "regulation.toml") -> "Regulation":
        """A regulation from TOML text (errors name ``origin``, line and field)."""
        return cls(_merzim.NativeRegulation.from_toml(origin, text), ("toml", origin, text))

    @classmethod
    def from_file(cls, path: Union[str, "_os.PathLike[str]"]) -> "Regulation":
        """A regulation file; its id must equal the file stem."""
        path = _os.fspath(path)
        native = _merzim.NativeRegulation.from_file(path)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        return cls(native, ("toml", path, text))

    @property
    def id(self) -> str:
        return self._r.id()

    @property
    def title(self) -> Names:
        return Names(*self._r.title())

    @property
    def channels(self) -> List[str]:
        return list(self._r.channels())

    def __repr__(self) -> str:
        return f"<merzim.Regulation {self.id}>"

    def timeline(
        self,
        office: Office,
        submitted: Any,
        channel: str = "provider",
        outcome: str = "approve",
        *,
        explain: bool = False,
        lang: str = "en",
    ) -> Any:
        """The timeline of a submission (RULES.md section 6).

        ``submitted`` a ``datetime``: returns a :class:`Timeline` with aware
        instants. ``submitted`` a ``datetime64`` column (local wall-clock
        time): returns a dict of numpy arrays, ``end``, ``term_due``,
        ``refusal_due``, ``handoff``, ``storage_until`` as ``datetime64[m]``
        local wall-clock time (NaT where there is none) and ``within_term`` as
        ``bool`` (None when the regulation states no overall term).

        ``explain`` (one submission only): also list what did not count up to
        the later of the chain's end and the term's due (:class:`Skipped`),
        its texts in ``lang``. The :class:`Timeline` is the batch contract's
        regulation response for the same request, converted, after the
        request's own fields.
        """
        if _is_scalar_time(submitted):
            t, instant = _submitted(submitted)
            r, ch, out, sub = self._r.timeline(office._o, t, instant, channel, outcome, explain, lang)
            return _timeline(_json.loads(r), self.id, ch, out, sub)
        if explain:
            raise InvalidInputError("explain is for one submission, not a column")
        a, shape = _column(submitted, "m", "submitted", zone=office.tz)
        cols = self._r.timeline_bulk(office._o, a, channel, outcome)
        out: Dict[str, Any] = {}
        for k in ("end", "term_due", "refusal_due", "handoff", "storage_until"):
            out[k] = cols[k].view("datetime64[m]").reshape(shape)
        w = cols["within_term"].reshape(shape)
        out["within_term"] = None if (w.size and (w < 0).all()) else w == 1
        return out


# ---------------------------------------------------------------------------
# The batch contract
# ---------------------------------------------------------------------------


def evaluate_json(line: str) -> str:
    """One JSON request in, one JSON response out: the batch contract
    (``docs/batch.schema.json``), exactly what the CLI's ``merzim batch`` and
    the C API's ``merzim_eval_json`` answer for the same line. Never raises
    for a bad line: the response is an error object with its ``kind``."""
    return _merzim.evaluate_json(line)


def _regulation_from_source(source: Tuple[str, ...]) -> "Regulation":
    """Rebuilds a pickled :class:`Regulation`."""
    if source[:1] == ("bundled",):
        return Regulation.bundled(source[1])
    if source[:1] == ("toml",):
        return Regulation.from_toml(source[2], origin=source[1])
    raise ValueError(f"not a regulation source: {source!r:.200}")


class Evaluator:
    """The batch contract with options: a calendar (week, horizon, overlays,
    as known on a date) and regulation files that requests may name by id."""

    __slots__ = ("_e", "_calendar", "_regulations")

    def __init__(
        self,
        calendar: Optional[Calendar] = None,
        regulations: Iterable[Union[Regulation, str, "_os.PathLike[str]"]] = (),
    ) -> None:
        calendar = calendar if calendar is not None else Calendar.kazakhstan()
        regs = [r if isinstance(r, Regulation) else Regulation.from_file(r) for r in regulations]
        self._e = _merzim.NativeEvaluator(calendar._c, [r._r for r in regs])
        self._calendar = calendar
        self._regulations = regs

    def __reduce__(self) -> Tuple[Any, Tuple[Any, ...]]:
        return (Evaluator, (self._calendar, self._regulations))

    def evaluate_json(self, line: str) -> str:
        """One JSON line in, one out (see :func:`evaluate_json`)."""
        return self._e.evaluate_json(line)

    def evaluate_lines(self, lines: Iterable[str], threads: int = 0) -> List[str]:
        """Many lines, one answer each, in order: streamed through the
        library's streamer (the CLI's ``batch``) on ``threads`` threads (0: one
        per CPU) with the GIL released. A bad line gets an error line; the
        others are answered all the same."""
        return self._e.evaluate_lines(list(lines), int(threads))

    def evaluate_file(
        self,
        input: Union[str, "_os.PathLike[str]"],
        output: Union[str, "_os.PathLike[str]"],
        threads: int = 0,
    ) -> Tuple[int, int]:
        """Streams a JSON Lines file into another, one answer per line in
        order, in bounded memory, with the GIL released: what ``merzim batch``
        does. Returns (lines, error lines)."""
        return self._e.evaluate_file(_os.fspath(input), _os.fspath(output), int(threads))

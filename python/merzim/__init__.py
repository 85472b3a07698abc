"""merzim: deadlines of Kazakh public services, for Python, numpy and pandas.

The Kazakhstan working-day calendar (from 2000 to the last year of the data,
``Calendar.coverage``: holidays, substitute days,
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

Every error the package raises is a subclass of :class:`MerzimError` chosen
by the library's error kind (:class:`OutOfCoverageError`,
:class:`InvalidInputError`, ...), with the library's message and its
``err.kind`` ("out_of_coverage", "invalid_input", ...); a column call's error
names the first failing item (``err.index``, None otherwise). An argument of
the wrong type raises :class:`InvalidTypeError`, an ``InvalidInputError`` that
is also a ``TypeError``.
"""

from __future__ import annotations

import datetime as _dt
import functools as _functools
import json as _json
import operator as _operator
import os as _os
import warnings as _warnings
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


class InvalidTypeError(InvalidInputError, TypeError):
    """An argument of the wrong type (a float count, a date where a time is
    expected, a number where a text is): an :class:`InvalidInputError`
    (``kind`` "invalid_input") that is also a ``TypeError``."""


class InvalidValueError(InvalidInputError, ValueError):
    """An argument of the right type with a value that cannot be read (a
    recipe that is not one, text numpy cannot read): an
    :class:`InvalidInputError` that is also a ``ValueError``."""


def _error(cls: Any, message: str, index: Optional[int] = None) -> MerzimError:
    """A merzim exception raised by the Python half, with ``kind`` (the
    class's) and ``index`` like the native half's."""
    e = cls(message)
    e.index = index
    return e


def _invalid(message: str, index: Optional[int] = None) -> MerzimError:
    return _error(InvalidInputError, message, index)


def _guarded(fn: Any) -> Any:
    """``fn`` raising only merzim exceptions: a ``TypeError`` of an argument
    (the native half's or numpy's) becomes :class:`InvalidTypeError`, an
    ``ValueError`` (``UnicodeError``) :class:`InvalidValueError`, an
    ``OverflowError`` an :class:`InvalidInputError`, each with ``kind`` and ``index``."""

    @_functools.wraps(fn)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except MerzimError:
            raise
        except TypeError as e:
            raise _error(InvalidTypeError, str(e)) from e
        except ValueError as e:  # UnicodeError included
            raise _error(InvalidValueError, f"{type(e).__name__}: {e}") from e
        except OverflowError as e:
            raise _invalid(f"{type(e).__name__}: {e}") from e

    return guarded


def _guard_class(cls: Any) -> Any:
    """Every public method (and ``__init__``) of ``cls`` guarded (:func:`_guarded`)."""
    for name, v in list(vars(cls).items()):
        if name.startswith("_") and name != "__init__":
            continue
        if isinstance(v, staticmethod):
            setattr(cls, name, staticmethod(_guarded(v.__func__)))
        elif isinstance(v, classmethod):
            setattr(cls, name, classmethod(_guarded(v.__func__)))
        elif callable(v):
            setattr(cls, name, _guarded(v))
    return cls

__all__ = [
    "Act",
    "Citation",
    "Alternative",
    "Calendar",
    "Day",
    "Evaluator",
    "InternalError",
    "InvalidDataError",
    "InvalidInputError",
    "InvalidRegulationError",
    "InvalidTypeError",
    "InvalidValueError",
    "LegalDue",
    "MerzimError",
    "MerzimIOError",
    "Names",
    "Office",
    "OutOfCoverageError",
    "Regulation",
    "Skipped",
    "Step",
    "TIMELINE_REQUEST_FIELDS",
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
        first = {"kk": self.kk, "kz": self.kk, "ru": self.ru, "en": self.en}.get(str(lang).lower())
        if first is None:
            raise _invalid(f"unknown language {lang!r}: expected one of kk, ru, en")
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
class Citation:
    """An act a day rests on, as the library cites it (``Day.citations``).

    ``kind`` is "law", "constitution", "decree", "government_decree",
    "order", "resolution", "announcement" or the like; ``confidence`` is
    "official_text", "reported", "inferred" or "estimated"; ``text`` is the
    citation as a person reads it in kk, ru and en (the formal style of each,
    the confidence in words). Absent parts are None.
    """

    kind: str
    issuer: Optional[Names]
    date: Optional[_dt.date]
    year: Optional[int]
    number: Optional[str]
    title: Optional[Names]
    article: Optional[str]
    paragraph: Optional[str]
    url: Optional[str]
    confidence: str
    text: Names


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
    citations: List[Citation]
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
    #: The acts the day off rests on, each cited in the requested language.
    citations: List[str] = field(default_factory=list)


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
    data_as_of: Optional[_dt.date] = None
    warnings: List[str] = field(default_factory=list)
    warning_codes: List[str] = field(default_factory=list)
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
    data_as_of: Optional[_dt.date] = None
    warnings: List[str] = field(default_factory=list)
    #: The stable code of each warning, in the order of ``warnings``.
    warning_codes: List[str] = field(default_factory=list)
    explain: Optional[List[Skipped]] = None


#: The fields of :class:`Timeline` that echo the request rather than the response.
TIMELINE_REQUEST_FIELDS = ("regulation", "channel", "outcome", "submitted")


@_guarded
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


def _citation(c: Dict[str, Any]) -> Citation:
    return Citation(
        kind=c["kind"],
        issuer=_names(c.get("issuer")),
        date=_date(c.get("date")),
        year=c.get("year"),
        number=c.get("number"),
        title=_names(c.get("title")),
        article=c.get("article"),
        paragraph=c.get("paragraph"),
        url=c.get("url"),
        confidence=c["confidence"],
        text=_names(c["text"]),  # type: ignore[arg-type]
    )


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
        citations=[_citation(c) for c in d.get("citations", [])],
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
            citations=list(s.get("citations", [])),
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
        data_as_of=_date(r.get("data_as_of")),
        warnings=list(r.get("warnings", [])),
        warning_codes=list(r.get("warning_codes", [])),
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
        data_as_of=_date(r.get("data_as_of")),
        warnings=list(r.get("warnings", [])),
        warning_codes=list(r.get("warning_codes", [])),
        explain=_explain(r.get("explain")),
    )


# ---------------------------------------------------------------------------
# Conversions between Python, numpy and pandas values and the native forms
# ---------------------------------------------------------------------------

_NAT = np.iinfo(np.int64).min
_I32 = (-(2**31), 2**31 - 1)
_ERRORS = ("raise", "coerce")


def _is_missing(x: Any) -> bool:
    """Whether ``x`` is one missing value: None, ``pandas.NaT``, a NaT ``datetime64``."""
    if x is None or type(x).__name__ == "NaTType":
        return True
    return isinstance(x, np.datetime64) and bool(np.isnat(x))


def _check_errors(errors: str) -> bool:
    """``errors``: "raise" or "coerce"; True for "coerce"."""
    if errors not in _ERRORS:
        raise _invalid(f"unknown errors={errors!r}: expected \"raise\" or \"coerce\"")
    return errors == "coerce"


def _missing_error(what: str) -> MerzimError:
    return _invalid(
        f"{what} is missing (None or NaT, not a time): drop or fill missing values, "
        'or pass errors="coerce" to a column call'
    )


def _int(x: Any, what: str, lo: int, hi: int, message: str) -> int:
    """``x`` as an int in ``lo..=hi``; ``message`` (formatted with the value)
    for one outside."""
    if isinstance(x, (bool, np.bool_)):
        raise _error(InvalidTypeError, f"{what}: expected an integer, got a bool")
    try:
        v = _operator.index(x)
    except TypeError:
        raise _error(InvalidTypeError, f"{what}: expected an integer, got {type(x).__name__}") from None
    if not lo <= v <= hi:
        raise _invalid(message.format(v))
    return v


def _count(n: Any) -> int:
    return _int(n, "n", *_I32, "{} working days is out of range: counts are 32-bit integers")


def _year(y: Any) -> int:
    return _int(y, "year", *_I32, "no year {}")


def _scalar_date(x: Any, what: str = "the date") -> Optional[_dt.date]:
    """``x`` as a ``datetime.date`` if it is one value, else None (None and
    NaT raise :class:`InvalidInputError` naming ``what``)."""
    if _is_missing(x):
        raise _missing_error(what)
    if isinstance(x, _dt.datetime):
        return x.date()
    if isinstance(x, _dt.date):
        return x
    if isinstance(x, np.datetime64):
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
                raise _invalid(f"{what}: cannot read the values as dates or times: {e}") from None
        else:
            raise _error(InvalidTypeError, f"{what}: expected datetime64 values (numpy, pandas) or dates, got dtype {a.dtype}")
    elif a.dtype != np.dtype(f"datetime64[{unit}]"):
        a = a.astype(f"datetime64[{unit}]")
    shape = a.shape
    a = np.ascontiguousarray(a).reshape(-1)
    return a.view(np.int64), shape


def _missing_items(a: np.ndarray, what: str, coerce: bool) -> Tuple[Optional[np.ndarray], Optional[MerzimError]]:
    """The positions of the items of ``a`` (int64 view of datetime64) that are
    present (None when all are), and unless ``coerce`` the error naming the
    first NaT, to raise after the present items are computed: the error a
    column call raises names its first failing item, missing or not."""
    nat = a == _NAT
    if not nat.any():
        return None, None
    if coerce:
        return np.flatnonzero(~nat), None
    i = int(nat.argmax())
    e = _invalid(
        f"item {i}: NaT (not a time) in {what}: drop or fill missing values, "
        'or pass errors="coerce" to pass them through (NaT or <NA> out)',
        i,
    )
    return np.flatnonzero(~nat), e


def _first(*errors: Optional[MerzimError]) -> None:
    """Raises the error naming the earliest item, if any."""
    found = [e for e in errors if e is not None]
    if found:
        raise min(found, key=lambda e: e.index if e.index is not None else -1) from None


def _remapped(e: MerzimError, pos: np.ndarray) -> MerzimError:
    """An error of a call on the items ``pos`` of a column, naming the item
    of the whole column (an error without an item names the first of ``pos``)."""
    msg, sub = str(e), getattr(e, "index", None)
    if sub is not None and msg.startswith(f"item {sub}: "):
        msg = msg[len(f"item {sub}: "):]
    k = int(pos[sub if sub is not None else 0]) if len(pos) else 0
    out = _error(type(e), f"item {k}: {msg}", k)
    out.kind = e.kind
    return out


def _take(x: Any, pos: Optional[np.ndarray]) -> Any:
    """The items ``pos`` of a column (all when ``pos`` is None); a scalar as is."""
    if pos is None or not isinstance(x, np.ndarray):
        return x
    return np.ascontiguousarray(x[pos])


def _counts(n: Any, size: Optional[int]) -> Any:
    """Working-day counts: one Python int for all, or a contiguous int32/int64
    array of ``size``. Counts outside 32-bit integers are refused, naming the item."""
    if isinstance(n, (int, np.integer)) and not isinstance(n, (bool, np.bool_)):
        return _count(n)
    a = np.asarray(n)
    if a.dtype.kind not in "iu":
        raise _error(InvalidTypeError, f"n: expected integers, got dtype {a.dtype}")
    a = a.reshape(-1)
    if size is not None and a.size != size:
        raise _invalid(
            f"item {min(a.size, size)}: the columns must have the same length: dates has {size}, n has {a.size}",
            min(a.size, size),
        )
    if a.dtype.kind == "u" and a.size:
        # uint64 past 2^63 would wrap to a negative int64: refuse what is not an i32 here.
        big = a > _I32[1]
        if big.any():
            i = int(big.argmax())
            raise _invalid(f"item {i}: {int(a[i])} working days is out of range: counts are 32-bit integers", i)
    if a.dtype != np.int32:
        a = a.astype(np.int64, copy=False)
    a = np.ascontiguousarray(a).reshape(-1)
    return a


def _submitted(x: Any) -> Tuple[_dt.datetime, bool]:
    """A submission time: (naive local wall-clock time, False), or for a
    timezone-aware datetime (its UTC time, True), which the office's zone
    turns into local time."""
    if _is_missing(x):
        raise _missing_error("the submission time")
    if isinstance(x, np.datetime64):
        x = x.astype("datetime64[us]").astype(_dt.datetime)
    if isinstance(x, str):
        try:
            x = _dt.datetime.fromisoformat(x.replace("Z", "+00:00"))
        except ValueError:
            raise _invalid(
                f"cannot read the time {x!r}: expected YYYY-MM-DDTHH:MM[:SS] or an ISO instant with an offset"
            ) from None
    if not isinstance(x, _dt.datetime):
        raise _error(
            InvalidTypeError,
            f"expected a datetime.datetime (naive: the office's local time; or timezone-aware), got {type(x).__name__}",
        )
    if x.tzinfo is not None and x.utcoffset() is not None:
        utc = x.astimezone(_dt.timezone.utc).replace(tzinfo=None)
        return utc, True
    return x.replace(tzinfo=None), False


def _texts(x: Any, size: int, what: str, beside: Any) -> Any:
    """One text for every item, or a column of ``size`` texts (an object
    array), matched by position; a pandas Series must have the index of
    ``beside`` when that is one."""
    if isinstance(x, str):
        return x
    if type(x).__name__ == "Series" and type(beside).__name__ == "Series":
        if not x.index.equals(beside.index):
            raise _invalid(f"{what}: the column's index differs from the submissions' index")
    a = np.asarray(x, dtype=object).reshape(-1)
    if a.size != size:
        raise _invalid(
            f"item {min(a.size, size)}: the columns must have the same length: submitted has {size}, {what} has {a.size}",
            min(a.size, size),
        )
    for i, v in enumerate(a):
        if not isinstance(v, str):
            raise _error(InvalidTypeError, f"item {i}: {what}: expected a text, got {type(v).__name__}", i)
    return a


def _groups(size: int, pos: Optional[np.ndarray], *labels: Any) -> Iterable[Tuple[Tuple[str, ...], np.ndarray]]:
    """The items ``pos`` (all when None) grouped by their labels (each one
    text for all, or an object array of texts): (labels, positions) in order
    of first appearance."""
    if pos is None:
        pos = np.arange(size)
    if not len(pos):
        return []
    key = np.zeros(len(pos), dtype=np.int64)
    uniques = []
    for lab in labels:
        if isinstance(lab, str):
            uniques.append(np.array([lab], dtype=object))
            inv = np.zeros(len(pos), dtype=np.int64)
        else:
            u, inv = np.unique(lab[pos].astype(str), return_inverse=True)
            uniques.append(u)
        key = key * len(uniques[-1]) + inv.reshape(-1)
    order = np.argsort(key, kind="stable")
    k = key[order]
    cuts = np.flatnonzero(np.diff(k)) + 1
    out = []
    for grp in np.split(order, cuts):
        code, names = int(key[grp[0]]), []
        for u in reversed(uniques):
            code, r = divmod(code, len(u))
            names.append(str(u[r]))
        out.append((tuple(reversed(names)), pos[grp]))
    return out


def _is_series(x: Any) -> bool:
    return type(x).__name__ == "Series" and hasattr(x, "index")


def _index_of(*xs: Any) -> Any:
    """The index of the pandas Series among ``xs`` (None if there is none);
    two Series must have the same index."""
    found = [x for x in xs if _is_series(x)]
    for x in found[1:]:
        if not x.index.equals(found[0].index):
            raise _invalid("the Series have different indexes: align them first (a.align(b))")
    return found[0].index if found else None


def _shaped(values: np.ndarray, missing: Optional[np.ndarray], index: Any, name: Any, nullable: str) -> Any:
    """A column call's answer: for a pandas Series in, a Series with its
    ``index`` (and ``name``); else the numpy array. ``missing`` (positions
    coerced from NaT, None when there are none) is NaT already in a time
    column; in a bool or int column it becomes ``<NA>`` of the pandas dtype
    ``nullable`` ("boolean", "Int32"), or the mask of a numpy masked array."""
    if index is not None:
        import pandas as pd  # a Series came in: pandas is there

        out = pd.Series(values.reshape(-1), index=index, name=name)
        if missing is not None and values.dtype.kind != "M":
            out = out.astype(nullable)
            out.iloc[missing] = pd.NA
        return out
    if missing is not None and values.dtype.kind != "M":
        mask = np.zeros(values.size, dtype=bool)
        mask[missing] = True
        return np.ma.masked_array(values, mask=mask.reshape(values.shape))
    return values


def _is_scalar_time(x: Any) -> bool:
    return x is None or isinstance(x, (_dt.date, str, np.datetime64))


def _read_text(path: Any, what: str) -> Tuple[str, str]:
    """The text of a file, read once (so ``/dev/stdin``, a FIFO or a process
    substitution work, and the text kept for pickling is the text loaded),
    and its name as the library writes it. As the library's reader: UTF-8, at
    most 16 MiB."""
    path = _os.fspath(path)
    name = _os.fsdecode(path)
    limit = 16 << 20
    try:
        with open(path, "rb") as f:
            data = f.read(limit + 1)
    except OSError as e:
        raise _error(MerzimIOError, f"cannot read {what} {name}: {e.strerror or e}") from None
    if len(data) > limit:
        raise _invalid(f"{what} {name} is larger than {limit} bytes")
    try:
        return data.decode("utf-8"), name
    except UnicodeDecodeError as e:
        raise _error(MerzimIOError, f"cannot read {what} {name}: not UTF-8 text ({e.reason} at byte {e.start})") from None


# ---------------------------------------------------------------------------
# Calendar
# ---------------------------------------------------------------------------

DateLike = Union[_dt.date, np.datetime64]


@_guard_class
class Calendar:
    """The Kazakhstan working-day calendar. Immutable; cheap to share between
    threads (the tables are built once per process)."""

    __slots__ = ("_c", "_recipe")

    def __init__(self, _native: Any, _recipe: Tuple[Tuple[Any, ...], ...] = ()) -> None:
        if not isinstance(_native, _merzim.NativeCalendar):
            raise _error(InvalidTypeError, "use Calendar.kazakhstan(...) to make a calendar")
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
        ``horizon``: None or "coverage" (answer only the data's years, ``coverage``) or
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
        """:meth:`with_overlay_toml` with the text of a file, read once: the
        text loaded is the text a pickled calendar carries (so workers need
        not see the file, and ``/dev/stdin``, a FIFO or a process substitution
        work), and :attr:`data_version` names it by a hash of that text."""
        text, origin = _read_text(path, "calendar file")
        return self._then(self._c.with_overlay_toml(origin, text), "overlay", origin, text)

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

    def is_working_day(self, x: Any, *, errors: str = "raise") -> Any:
        """Whether ``x`` is a working day.

        ``x``: a ``datetime.date`` (returns ``bool``), or dates as a numpy
        ``datetime64`` array, a DatetimeIndex or a list of dates (returns a
        numpy ``bool`` array of the same shape), or a pandas Series (returns
        a ``bool`` Series with its index and name).

        ``errors``: "raise" (the default): a missing date (None, NaT) raises
        :class:`InvalidInputError` naming the item; "coerce": a missing date
        gives ``<NA>`` (a Series of pandas' nullable "boolean" dtype; for a
        numpy column a ``numpy.ma`` masked array, masked there; None for one
        date). Only missing values are passed through.
        """
        coerce = _check_errors(errors)
        if coerce and _is_missing(x):
            return None
        d = _scalar_date(x)
        if d is not None:
            return self._c.is_working_day(d)
        a, shape = _column(x, "D", "x")
        pos, nat = _missing_items(a, "the dates", coerce)
        if pos is None:
            out = self._c.is_working_day_bulk(a)
        else:
            out = np.zeros(a.size, dtype=bool)
            try:
                out[pos] = self._c.is_working_day_bulk(_take(a, pos))
            except MerzimError as e:
                _first(_remapped(e, pos), nat)
            _first(nat)
        missing = None if pos is None else np.flatnonzero(a == _NAT)
        return _shaped(out.reshape(shape), missing, _index_of(x), getattr(x, "name", None), "boolean")

    def add_working_days(self, start: Any, n: Any, *, errors: str = "raise") -> Any:
        """The ``n``-th working day after ``start`` (n > 0), the |n|-th before
        it (n < 0), or for n = 0 ``start`` itself if it is a working day, else
        the next one. ``start`` need not be a working day (unlike
        ``numpy.busday_offset``, which rolls it first).

        ``start`` a ``datetime.date`` and ``n`` an ``int``: returns a ``date``.
        ``start`` a column of dates (numpy ``datetime64``, pandas) and ``n`` an
        ``int`` or an integer array of the same length: returns a numpy
        ``datetime64[D]`` array. A count outside 32-bit integers is refused.

        ``errors``: "raise" (the default): a missing start (None, NaT) raises
        :class:`InvalidInputError` naming the item; "coerce": a missing start
        gives NaT (None for one date). Only missing values are passed
        through: any other failing item (a date outside coverage) raises
        all the same, so that a data problem is never turned into a gap.

        A pandas Series of starts (or of counts) gives a Series with its index
        (two Series must have the same index).
        """
        coerce = _check_errors(errors)
        index = _index_of(start, n)
        if _is_missing(start):
            if coerce:
                return None
            raise _missing_error("the start date")
        d = _scalar_date(start)
        if d is not None:
            if isinstance(n, (int, np.integer)) and not isinstance(n, (bool, np.bool_)):
                return self._c.add_working_days(d, _count(n))
            n_arr = np.asarray(n)
            start = np.full(n_arr.shape, np.datetime64(d, "D"))
        a, shape = _column(start, "D", "start")
        counts = _counts(n, a.size)
        pos, nat = _missing_items(a, "start", coerce)
        if pos is None:
            out = self._c.add_working_days_bulk(a, counts)
        else:
            out = np.full(a.size, _NAT, dtype=np.int64)
            try:
                out[pos] = self._c.add_working_days_bulk(_take(a, pos), _take(counts, pos))
            except MerzimError as e:
                _first(_remapped(e, pos), nat)
            _first(nat)
        due = out.view("datetime64[D]").reshape(shape)
        return _shaped(due, None, index, getattr(start, "name", None), "")

    def working_days_between(self, a: Any, b: Any, *, errors: str = "raise") -> Any:
        """Working days in ``(a, b]``, negative when ``b < a``: so that
        ``add_working_days(a, working_days_between(a, b)) == b`` for a working
        day ``b``. Two dates give an ``int``; a column (either side may be
        one date) gives a numpy ``int32`` array, or for a pandas Series an
        ``int32`` Series with its index (two Series must have the same index).

        ``errors``: "raise" (the default): a missing date (None, NaT) on
        either side raises :class:`InvalidInputError` naming the side and
        the item; "coerce": a missing date on either side gives ``<NA>`` (a
        Series of pandas' nullable "Int32" dtype; for a numpy column a
        ``numpy.ma`` masked array; None for two dates). Only missing values
        are passed through."""
        coerce = _check_errors(errors)
        if coerce and (_is_missing(a) or _is_missing(b)) and _is_scalar_time(a) and _is_scalar_time(b):
            return None
        index = _index_of(a, b)
        if coerce and (_is_missing(a) or _is_missing(b)):
            # One side one missing value, the other a column: every item is missing.
            other = b if _is_missing(a) else a
            out = np.zeros(np.shape(np.asarray(other)), dtype=np.int32)
            return _shaped(out, np.arange(out.size), index, None, "Int32")
        da, db = _scalar_date(a, "a (the first date)"), _scalar_date(b, "b (the second date)")
        if da is not None and db is not None:
            return self._c.working_days_between(da, db)
        if da is not None:
            a_col = np.full(np.shape(np.asarray(b)), np.datetime64(da, "D"))
        else:
            a_col = a
        if db is not None:
            b_col = np.full(np.shape(np.asarray(a)), np.datetime64(db, "D"))
        else:
            b_col = b
        xa, shape = _column(a_col, "D", "a")
        xb, _ = _column(b_col, "D", "b")
        if xa.size != xb.size:
            k = min(xa.size, xb.size)
            raise _invalid(f"item {k}: the columns must have the same length: a has {xa.size}, b has {xb.size}", k)
        pa, na = _missing_items(xa, "a", coerce)
        pb, nb = _missing_items(xb, "b", coerce)
        missing = None
        if pa is None and pb is None:
            out = self._c.working_days_between_bulk(xa, xb)
        else:
            present = (xa != _NAT) & (xb != _NAT)
            pos = np.flatnonzero(present)
            out = np.zeros(xa.size, dtype=np.int32)
            try:
                out[pos] = self._c.working_days_between_bulk(_take(xa, pos), _take(xb, pos))
            except MerzimError as e:
                _first(_remapped(e, pos), na, nb)
            _first(na, nb)
            missing = np.flatnonzero(~present)
        name = a.name if _is_series(a) and _is_series(b) and a.name == b.name else None
        return _shaped(out.reshape(shape), missing, index, name, "Int32")

    # -- what a day is -------------------------------------------------------

    def day(self, date: DateLike) -> Day:
        """Everything known about ``date``: kind, names (kk/ru/en), legal
        source and link, the act that moved it, provisional and estimated flags."""
        d = _scalar_date(date)
        if d is None:
            raise _error(InvalidTypeError, "day() takes one date")
        return _day(_json.loads(self._c.day(d)))

    def day_kind(self, date: DateLike) -> str:
        """The kind of ``date`` (see :class:`Day`)."""
        d = _scalar_date(date)
        if d is None:
            raise _error(InvalidTypeError, "day_kind() takes one date")
        return self._c.day_kind(d)

    def days_off(self, year: int) -> List[Day]:
        """The days off of ``year`` that have a name, in date order, each as
        :meth:`day` gives it: public holidays, religious days off, substitute,
        transferred and declared days off; ordinary weekends are left out.
        The library's ``Calendar::days_off``. Every non-working day, weekends
        included, is :meth:`non_working_days`."""
        return [_day(d) for d in _json.loads(self._c.days_off(_year(year)))]

    def non_working_days(self, year: int) -> List[Day]:
        """Every day of ``year`` that is not a working day, ordinary weekends
        included, in date order, each as :meth:`day` gives it."""
        return [_day(d) for d in _json.loads(self._c.non_working_days(_year(year)))]

    def holidays(self, year: int) -> List[Day]:
        """Deprecated: :meth:`days_off` (the same days)."""
        _warnings.warn("Calendar.holidays is deprecated: use Calendar.days_off (the same days)",
                       DeprecationWarning, stacklevel=3)
        return self.days_off(year)

    def balance(self, year: int) -> List[Dict[str, Any]]:
        """The balance of working time of ``year`` (the library's
        ``Calendar::balance``, what ``merzim balance`` prints): one dict per
        period (the months, quarters, halves, nine months and the year, in
        the library's order), with the columns of ``merzim balance --format
        csv``: ``period``, ``calendar_days``, ``calendar_days_without_holidays``,
        and for the five- and six-day weeks ``five_day_working_days``,
        ``five_day_hours_40``, ``five_day_hours_36``, ``five_day_hours_24``
        (and ``six_day_...``). ``pandas.DataFrame(cal.balance(2026))`` is the table."""
        rows = []
        for r in _json.loads(self._c.balance(_year(year)))["balance"]:
            row = {k: v for k, v in r.items() if not isinstance(v, dict)}
            for week in ("five_day", "six_day"):
                for k, v in r[week].items():
                    row[f"{week}_{k}"] = v
            rows.append(row)
        return rows

    def is_provisional(self, date: DateLike) -> bool:
        """Whether ``date``'s status may still change."""
        d = _scalar_date(date)
        if d is None:
            raise _error(InvalidTypeError, "is_provisional() takes one date")
        return self._c.is_provisional(d)

    def working_days_in_month(self, year: int, month: int) -> int:
        """Working days in a month."""
        m = _int(month, "month", 0, 2**32 - 1, "no month {}: months are 1..=12")
        return self._c.working_days_in_month(_year(year), m)

    def working_days_in_year(self, year: int) -> int:
        """Working days in a year."""
        return self._c.working_days_in_year(_year(year))

    def working_days_in_range(self, a: DateLike, b: DateLike) -> int:
        """Working days from ``a`` to ``b``, both inclusive."""
        da, db = _scalar_date(a, "a (the first date)"), _scalar_date(b, "b (the second date)")
        if da is None or db is None:
            raise _error(InvalidTypeError, "working_days_in_range() takes two dates")
        return self._c.working_days_in_range(da, db)


# ---------------------------------------------------------------------------
# Office time and legal terms
# ---------------------------------------------------------------------------


def _calendar_from_recipe(recipe: Tuple[Tuple[Any, ...], ...]) -> Calendar:
    """Rebuilds a pickled :class:`Calendar` from its recipe."""
    if not recipe or recipe[0][0] != "kazakhstan":
        raise _error(InvalidValueError, f"not a calendar recipe: {recipe!r:.200}")
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
            raise _error(InvalidValueError, f"unknown step {kind!r} in a calendar recipe")
    return cal


@_guard_class
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
        term: Any,
        channel: Any = "provider",
        start: str = "submission_day",
        end: str = "close_of_business",
        *,
        explain: bool = False,
        lang: str = "en",
        errors: str = "raise",
    ) -> Any:
        """The legal term ``term`` ("22 working days", "22 рабочих дня",
        "30 calendar days", "15 minutes", "1 month") for a submission
        (RULES.md section 5).

        ``submitted`` a ``datetime`` (naive: the office's local time; or
        timezone-aware): returns a :class:`LegalDue` with aware ``due`` and
        ``handoff``. ``submitted`` a column of ``datetime64`` (numpy: local
        wall-clock time; a timezone-aware pandas Series is converted to the
        office's zone): returns the due instants as a numpy ``datetime64[m]``
        array of local wall-clock time, or for a pandas Series a Series
        (named "due") with the same index.

        For a column, ``term`` and ``channel`` may each be one text for every
        row or a column of texts beside the times (per-row terms and channels:
        a list, numpy array or pandas Series of the same length, matched by
        position; a Series must have the submissions' index).

        ``errors``: "raise" (the default): a missing submission (None, NaT)
        raises :class:`InvalidInputError` naming the item; "coerce": a
        missing submission gives NaT (None for one submission). Only missing
        values are passed through: any other failing item (outside coverage,
        an unknown term) raises all the same, naming the first failing item,
        so that a data problem is never turned into a gap.

        ``channel``: "provider", "portal" or "state_corporation"; ``start``:
        "submission_day" or "next_day"; ``end``: "close_of_business" or "midnight".
        ``explain`` (one submission only): also list what did not count
        (:class:`Skipped`), its texts in ``lang`` ("kk", "ru" or "en").

        The result is the batch contract's term response for the same request
        (:func:`evaluate_json`), converted: the same fields, the same values.
        """
        coerce = _check_errors(errors)
        if _is_scalar_time(submitted):
            if coerce and _is_missing(submitted):
                return None
            t, instant = _submitted(submitted)
            r = self._o.legal_due(t, instant, term, channel, start, end, explain, lang)
            return _legal_due(_json.loads(r))
        if explain:
            raise _invalid("explain is for one submission, not a column")
        a, shape = _column(submitted, "m", "submitted", zone=self.tz)
        terms = _texts(term, a.size, "term", submitted)
        channels = _texts(channel, a.size, "channel", submitted)
        pos, nat = _missing_items(a, "submitted", coerce)
        if pos is None and isinstance(terms, str) and isinstance(channels, str):
            out = self._o.legal_due_bulk(a, terms, channels, start, end)
        else:
            out = np.full(a.size, _NAT, dtype=np.int64)
            first: Optional[MerzimError] = None
            for (t, c), p in _groups(a.size, pos, terms, channels):
                try:
                    out[p] = self._o.legal_due_bulk(_take(a, p), t, c, start, end)
                except MerzimError as e:
                    e = _remapped(e, p)
                    if first is None or e.index < first.index:
                        first = e
            _first(first, nat)
        due = out.view("datetime64[m]").reshape(shape)
        if type(submitted).__name__ == "Series" and hasattr(submitted, "index"):
            import pandas as pd  # a Series came in: pandas is there

            return pd.Series(due, index=submitted.index, name="due")
        return due

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


@_guard_class
class Regulation:
    """A regulation: numbered steps, an overall term, a refusal term, storage
    (RULES.md section 6). Six are bundled (:meth:`bundled_ids`)."""

    __slots__ = ("_r", "_source")

    def __init__(self, _native: Any, _source: Tuple[str, ...] = ()) -> None:
        if not isinstance(_native, _merzim.NativeRegulation):
            raise _error(InvalidTypeError, "use Regulation.bundled, from_toml or from_file")
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
        """A regulation file; its id must equal the file stem. The file is
        read once: the text loaded is the text a pickled regulation carries."""
        text, origin = _read_text(path, "regulation file")
        native = _merzim.NativeRegulation.from_toml(origin, text)
        stem = _os.path.splitext(_os.path.basename(origin))[0]
        if stem and native.id() != stem:
            raise _error(
                InvalidRegulationError,
                f"{origin}: field `id`: {native.id()!r} differs from the file stem {stem!r}".replace("'", '"'),
            )
        return cls(native, ("toml", origin, text))

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
        errors: str = "raise",
        term_start: str = "submission_day",
        refusal_start: str = "submission_day",
    ) -> Any:
        """The timeline of a submission (RULES.md section 6).

        ``submitted`` a ``datetime``: returns a :class:`Timeline` with aware
        instants. ``submitted`` a ``datetime64`` column (local wall-clock
        time): returns a dict of numpy arrays, ``end``, ``term_due``,
        ``refusal_due``, ``handoff``, ``storage_until`` as ``datetime64[m]``
        local wall-clock time (NaT where there is none) and ``within_term`` as
        ``bool`` (None when the regulation states no overall term); for a
        pandas Series, the same columns as Series with its index (a dict that
        ``pandas.DataFrame`` takes as it is).

        ``explain`` (one submission only): also list what did not count up to
        the later of the chain's end and the term's due (:class:`Skipped`),
        its texts in ``lang``. The :class:`Timeline` is the batch contract's
        regulation response for the same request, converted, after the
        request's own fields.

        ``errors``: "raise" (the default): a missing submission (None, NaT)
        raises :class:`InvalidInputError` naming the item; "coerce": a missing
        submission gives NaT in every time column and False in
        ``within_term`` (None for one submission). Other failing items raise
        all the same.

        ``term_start`` and ``refusal_start``: day 1 of the overall term and of
        the refusal for incomplete documents, "submission_day" (the default)
        or "next_day" (Civil Code art. 173), as a batch line's fields of the
        same names (RULES.md section 7.7).
        """
        coerce = _check_errors(errors)
        if _is_scalar_time(submitted):
            if coerce and _is_missing(submitted):
                return None
            t, instant = _submitted(submitted)
            r, ch, out, sub = self._r.timeline(
                office._o, t, instant, channel, outcome, explain, lang, term_start, refusal_start
            )
            return _timeline(_json.loads(r), self.id, ch, out, sub)
        if explain:
            raise _invalid("explain is for one submission, not a column")
        a, shape = _column(submitted, "m", "submitted", zone=office.tz)
        pos, nat = _missing_items(a, "submitted", coerce)
        if pos is None:
            cols = self._r.timeline_bulk(office._o, a, channel, outcome, term_start, refusal_start)
        else:
            try:
                part = self._r.timeline_bulk(office._o, _take(a, pos), channel, outcome, term_start, refusal_start)
            except MerzimError as e:
                _first(_remapped(e, pos), nat)
                raise  # not reached
            _first(nat)
            cols = {}
            for k, v in part.items():
                # NaT for the times; within_term (1, 0, -1: no overall term) 0, or -1 when no row has one.
                fill = _NAT if v.dtype == np.int64 else (-1 if v.size and (v < 0).all() else 0)
                full = np.full(a.size, fill, dtype=v.dtype)
                full[pos] = v
                cols[k] = full
        out: Dict[str, Any] = {}
        for k in ("end", "term_due", "refusal_due", "handoff", "storage_until"):
            out[k] = cols[k].view("datetime64[m]").reshape(shape)
        w = cols["within_term"].reshape(shape)
        out["within_term"] = None if (w.size and (w < 0).all()) else w == 1
        if _is_series(submitted):
            import pandas as pd  # a Series came in: pandas is there

            return {k: v if v is None else pd.Series(v, index=submitted.index, name=k) for k, v in out.items()}
        return out


# ---------------------------------------------------------------------------
# The batch contract
# ---------------------------------------------------------------------------


def _line(x: Any) -> Optional[bytes]:
    """A line as bytes: a ``str`` as UTF-8 (a lone surrogate kept as the
    bytes it would be, which the library answers as bad UTF-8), ``bytes`` as
    they are; None for anything else."""
    if isinstance(x, str):
        return x.encode("utf-8", "surrogatepass")
    if isinstance(x, (bytes, bytearray, memoryview)):
        return bytes(x)
    return None


def _not_a_line(x: Any) -> str:
    return _merzim.error_line(f"not a line: expected str or bytes, got {type(x).__name__}")


def evaluate_json(line: Union[str, bytes]) -> str:
    """One JSON request in, one JSON response out: the batch contract
    (``docs/batch.schema.json``), exactly what the CLI's ``merzim batch`` and
    the C API's ``merzim_eval_json`` answer for the same line. ``line``: a
    ``str`` or the line's ``bytes``. Never raises for a bad line (bad UTF-8,
    a lone surrogate, None): the response is an error object with its ``kind``."""
    b = _line(line)
    return _not_a_line(line) if b is None else _merzim.evaluate_bytes(b)


def _regulation_from_source(source: Tuple[str, ...]) -> "Regulation":
    """Rebuilds a pickled :class:`Regulation`."""
    if source[:1] == ("bundled",):
        return Regulation.bundled(source[1])
    if source[:1] == ("toml",):
        return Regulation.from_toml(source[2], origin=source[1])
    raise _error(InvalidValueError, f"not a regulation source: {source!r:.200}")


@_guard_class
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
        if isinstance(regulations, (str, bytes, _os.PathLike, Regulation)):
            regulations = [regulations]  # one path or regulation, not its characters
        regs = [r if isinstance(r, Regulation) else Regulation.from_file(r) for r in regulations]
        self._e = _merzim.NativeEvaluator(calendar._c, [r._r for r in regs])
        self._calendar = calendar
        self._regulations = regs

    def __reduce__(self) -> Tuple[Any, Tuple[Any, ...]]:
        return (Evaluator, (self._calendar, self._regulations))

    def evaluate_json(self, line: Union[str, bytes]) -> str:
        """One JSON line in, one out (see :func:`evaluate_json`); never raises
        for a bad line."""
        b = _line(line)
        return _not_a_line(line) if b is None else self._e.evaluate_bytes(b)

    def evaluate_lines(self, lines: Union[Iterable[Union[str, bytes]], str, bytes], threads: int = 0) -> List[str]:
        """Many lines, one answer each, in order: streamed through the
        library's streamer (the CLI's ``batch``) on ``threads`` threads (0: one
        per CPU) with the GIL released.

        ``lines``: an iterable of lines (``str`` or ``bytes`` items), or a
        whole JSON Lines input as one ``bytes`` (or ``str``), split as the CLI
        splits its input. A bad item (bad UTF-8, a lone surrogate, None, a
        number) gets an ``invalid_input`` error line in its place; the others
        are answered all the same."""
        threads = _int(threads, "threads", 0, 2**16, "threads must be 0..=65536, not {}")
        if isinstance(lines, (str, bytes, bytearray, memoryview)):
            data = _line(lines)
            return self._e.evaluate_stream(data, threads)
        items = list(lines)
        return self._e.evaluate_lines([_line(x) for x in items], threads)

    def evaluate_file(
        self,
        input: Union[str, "_os.PathLike[str]"],
        output: Union[str, "_os.PathLike[str]"],
        threads: int = 0,
    ) -> Tuple[int, int]:
        """Streams a JSON Lines file into another, one answer per line in
        order, in bounded memory, with the GIL released: what ``merzim batch``
        does. Returns (lines, error lines)."""
        threads = _int(threads, "threads", 0, 2**16, "threads must be 0..=65536, not {}")
        return self._e.evaluate_file(_os.fspath(input), _os.fspath(output), threads)

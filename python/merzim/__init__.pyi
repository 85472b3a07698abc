"""Type stubs of merzim: scalars with the standard library's types, columns with numpy."""

import datetime as _dt
import os
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Literal, NamedTuple, Optional, Sequence, Tuple, Union, overload

import numpy as np
import numpy.typing as npt

__version__: str

Week = Literal["five", "six", "five_day", "six_day", "5", "6"]
HorizonName = Literal["coverage", "provisional"]
Channel = Literal["provider", "portal", "state_corporation"]
StartRule = Literal["submission_day", "next_day"]
TermEnd = Literal["close_of_business", "midnight"]
Outcome = Literal["approve", "refuse"]
Lang = Literal["kk", "ru", "en", "kz"]
DayKind = Literal[
    "working",
    "weekend",
    "holiday",
    "religious_day_off",
    "substitute_day_off",
    "transferred_day_off",
    "declared_day_off",
    "working_weekend",
    "transferred_working_day",
]

DateScalar = Union[_dt.date, np.datetime64]
TimeScalar = Union[_dt.datetime, np.datetime64, str]
#: numpy datetime64 arrays, pandas Series / DatetimeIndex of datetimes, lists of dates.
DateColumn = Union[npt.NDArray[np.datetime64], Sequence[_dt.date], Any]
IntColumn = Union[npt.NDArray[np.integer[Any]], Sequence[int]]
PathLike = Union[str, "os.PathLike[str]"]

__all__: List[str]

Errors = Literal["raise", "coerce"]
TIMELINE_REQUEST_FIELDS: Tuple[str, ...]

class MerzimError(Exception):
    """Base of every error the package raises."""

    kind: str
    """The library's error kind: "out_of_coverage", "invalid_input", ..."""
    index: Optional[int]
    """For a column call: the index of the first failing item (None otherwise)."""

class OutOfCoverageError(MerzimError): ...
class InvalidInputError(MerzimError): ...
class InvalidDataError(MerzimError): ...
class InvalidRegulationError(MerzimError): ...
class MerzimIOError(MerzimError): ...
class InternalError(MerzimError): ...
class InvalidTypeError(InvalidInputError, TypeError): ...
class InvalidValueError(InvalidInputError, ValueError): ...

@dataclass(frozen=True)
class Names:
    kk: str
    ru: str
    en: str
    def get(self, lang: str = "en") -> str: ...

@dataclass(frozen=True)
class Act:
    id: str
    title: Names
    body: str
    number: Optional[str]
    date: Optional[_dt.date]
    url: Optional[str]
    inferred: List[str]

@dataclass(frozen=True)
class Day:
    """The library's day form."""

    date: _dt.date
    kind: DayKind
    working: bool
    names: Optional[Names]
    source: Optional[str]
    source_url: Optional[str]
    inferred: List[str]
    act: Optional[Act]
    provisional: bool
    estimated: bool
    def label(self, lang: Lang = "en") -> str: ...

@dataclass(frozen=True)
class Skipped:
    """An item of ``explain``: the form's ``from`` is ``from_``."""

    from_: _dt.datetime
    to: _dt.datetime
    reason: str
    names: Optional[Names]
    source: Optional[str]
    act: Optional[Act]
    provisional: bool
    estimated: bool
    text: str
    citations: List[str] = ...

@dataclass(frozen=True)
class LegalDue:
    """The batch contract's term response, converted."""

    registered: _dt.date
    day_one: Optional[_dt.date]
    last_day: _dt.date
    due: _dt.datetime
    handoff: Optional[_dt.datetime]
    provisional: bool
    warnings: List[str] = ...
    explain: Optional[List[Skipped]] = ...

@dataclass(frozen=True)
class Step:
    number: int
    duration: str
    start: _dt.datetime
    end: _dt.datetime

class Alternative(NamedTuple):
    term: str
    due: _dt.datetime

@dataclass(frozen=True)
class Timeline:
    """The request's regulation, channel, outcome and submission, then the
    batch contract's regulation response, converted."""

    regulation: str
    channel: Channel
    outcome: Outcome
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
    warnings: List[str] = ...
    warning_codes: List[str] = ...
    explain: Optional[List[Skipped]] = ...

TIMELINE_REQUEST_FIELDS: Tuple[str, ...]

def day_kind_label(kind: DayKind, lang: Lang = "en") -> str: ...

class Calendar:
    """The Kazakhstan working-day calendar."""

    @classmethod
    def kazakhstan(
        cls,
        week: Week = "five",
        horizon: Optional[HorizonName] = None,
        as_known_on: Optional[_dt.date] = None,
    ) -> Calendar: ...
    def with_overlay_toml(self, toml: str, origin: str = "overlay.toml") -> Calendar: ...
    def with_overlay_file(self, path: PathLike) -> Calendar: ...
    def with_week(self, week: Week) -> Calendar: ...
    def with_horizon(self, horizon: HorizonName) -> Calendar: ...
    def as_known_on(self, date: _dt.date) -> Calendar: ...
    @property
    def week(self) -> str: ...
    @property
    def horizon(self) -> str: ...
    @property
    def coverage(self) -> Tuple[_dt.date, _dt.date]: ...
    @property
    def valid_range(self) -> Tuple[_dt.date, _dt.date]: ...
    @property
    def data_version(self) -> str: ...
    @property
    def known_on(self) -> Optional[_dt.date]: ...
    @property
    def data_as_of(self) -> Optional[_dt.date]: ...
    @overload
    def is_working_day(self, x: DateScalar, *, errors: Errors = "raise") -> bool: ...
    @overload
    def is_working_day(self, x: None, *, errors: Literal["coerce"]) -> None: ...
    @overload
    def is_working_day(self, x: DateColumn, *, errors: Errors = "raise") -> Any:
        """A numpy bool array (a numpy.ma masked array where errors="coerce"
        met NaT), or for a pandas Series a Series with its index ("boolean"
        dtype with <NA> where errors="coerce" met NaT)."""
    @overload
    def add_working_days(self, start: DateScalar, n: int, *, errors: Errors = "raise") -> _dt.date: ...
    @overload
    def add_working_days(self, start: None, n: int, *, errors: Literal["coerce"]) -> None: ...
    @overload
    def add_working_days(self, start: DateScalar, n: IntColumn, *, errors: Errors = "raise") -> npt.NDArray[np.datetime64]: ...
    @overload
    def add_working_days(
        self, start: DateColumn, n: Union[int, IntColumn], *, errors: Errors = "raise"
    ) -> Any:
        """A numpy datetime64[D] array, or for a pandas Series a Series with its index."""
    @overload
    def working_days_between(self, a: DateScalar, b: DateScalar, *, errors: Errors = "raise") -> int: ...
    @overload
    def working_days_between(
        self, a: Optional[DateScalar], b: Optional[DateScalar], *, errors: Literal["coerce"]
    ) -> Optional[int]: ...
    @overload
    def working_days_between(
        self, a: Union[DateScalar, DateColumn], b: Union[DateScalar, DateColumn], *, errors: Errors = "raise"
    ) -> Any:
        """A numpy int32 array (numpy.ma masked where errors="coerce" met NaT),
        or for a pandas Series a Series with its index ("Int32" with <NA>)."""
    def day(self, date: DateScalar) -> Day: ...
    def day_kind(self, date: DateScalar) -> DayKind: ...
    def days_off(self, year: int) -> List[Day]:
        """The named days off (holidays, ...; ordinary weekends left out): the library's days_off."""
    def non_working_days(self, year: int) -> List[Day]:
        """Every non-working day, ordinary weekends included."""
    def holidays(self, year: int) -> List[Day]:
        """Deprecated: days_off."""
    def balance(self, year: int) -> List[Dict[str, Any]]: ...
    def is_provisional(self, date: DateScalar) -> bool: ...
    def working_days_in_month(self, year: int, month: int) -> int: ...
    def working_days_in_year(self, year: int) -> int: ...
    def working_days_in_range(self, a: DateScalar, b: DateScalar) -> int: ...

class Office:
    """Office hours over a calendar, in a time zone."""

    calendar: Calendar
    tz: str
    def __init__(
        self,
        calendar: Optional[Calendar] = None,
        schedule: Union[Literal["state_body", "state_corporation"], Sequence[Tuple[str, str]]] = "state_body",
        tz: str = "Asia/Almaty",
    ) -> None: ...
    def local(self, submitted: TimeScalar) -> _dt.datetime: ...
    @overload
    def legal_due(
        self,
        submitted: TimeScalar,
        term: str,
        channel: Channel = "provider",
        start: StartRule = "submission_day",
        end: TermEnd = "close_of_business",
        *,
        explain: bool = False,
        lang: Lang = "en",
        errors: Errors = "raise",
    ) -> LegalDue: ...
    @overload
    def legal_due(
        self,
        submitted: None,
        term: str,
        channel: Channel = "provider",
        start: StartRule = "submission_day",
        end: TermEnd = "close_of_business",
        *,
        explain: bool = False,
        lang: Lang = "en",
        errors: Literal["coerce"],
    ) -> None: ...
    @overload
    def legal_due(
        self,
        submitted: DateColumn,
        term: Union[str, Sequence[str], Any],
        channel: Union[Channel, Sequence[str], Any] = "provider",
        start: StartRule = "submission_day",
        end: TermEnd = "close_of_business",
        *,
        errors: Errors = "raise",
    ) -> Any:
        """A numpy datetime64[m] array, or a pandas Series (named "due") with the
        index of a Series of submissions."""
    @overload
    def zoned(self, local: _dt.datetime) -> _dt.datetime: ...
    @overload
    def zoned(self, local: DateColumn) -> Any: ...

class Regulation:
    """A regulation: numbered steps, overall term, refusal, storage."""

    @staticmethod
    def bundled_ids() -> List[str]: ...
    @classmethod
    def bundled(cls, id: str) -> Regulation: ...
    @classmethod
    def from_toml(cls, text: str, origin: str = "regulation.toml") -> Regulation: ...
    @classmethod
    def from_file(cls, path: PathLike) -> Regulation: ...
    @property
    def id(self) -> str: ...
    @property
    def title(self) -> Names: ...
    @property
    def channels(self) -> List[str]: ...
    @overload
    def timeline(
        self,
        office: Office,
        submitted: TimeScalar,
        channel: Channel = "provider",
        outcome: Outcome = "approve",
        *,
        explain: bool = False,
        lang: Lang = "en",
        errors: Errors = "raise",
    ) -> Timeline: ...
    @overload
    def timeline(
        self,
        office: Office,
        submitted: None,
        channel: Channel = "provider",
        outcome: Outcome = "approve",
        *,
        errors: Literal["coerce"],
    ) -> None: ...
    @overload
    def timeline(
        self,
        office: Office,
        submitted: DateColumn,
        channel: Channel = "provider",
        outcome: Outcome = "approve",
        *,
        errors: Errors = "raise",
    ) -> Dict[str, Any]:
        """numpy columns, or for a pandas Series, Series with its index."""

Line = Union[str, bytes, bytearray, memoryview]

def evaluate_json(line: Line) -> str: ...

class Evaluator:
    """The batch contract with options."""

    def __init__(
        self,
        calendar: Optional[Calendar] = None,
        regulations: Union[Regulation, PathLike, Iterable[Union[Regulation, PathLike]]] = (),
    ) -> None: ...
    def evaluate_json(self, line: Line) -> str: ...
    def evaluate_lines(self, lines: Union[Iterable[Line], str, bytes], threads: int = 0) -> List[str]: ...
    def evaluate_file(self, input: PathLike, output: PathLike, threads: int = 0) -> Tuple[int, int]: ...

"""Errors: Python exception types follow the library's error kinds."""
import datetime as dt

import numpy as np
import pytest

import merzim


def test_hierarchy():
    for e in (merzim.OutOfCoverageError, merzim.InvalidInputError, merzim.InvalidDataError,
              merzim.InvalidRegulationError, merzim.MerzimIOError, merzim.InternalError):
        assert issubclass(e, merzim.MerzimError)
    assert issubclass(merzim.MerzimError, Exception)


def test_scalar_errors(cal, office):
    with pytest.raises(merzim.OutOfCoverageError) as e:
        cal.is_working_day(dt.date(2031, 1, 6))
    assert e.value.kind == "out_of_coverage"
    assert "2031-01-06 is outside the calendar's coverage 2000-01-01..=2027-12-31" in str(e.value)
    with pytest.raises(merzim.OutOfCoverageError, match="goes beyond"):
        cal.add_working_days(dt.date(2027, 12, 30), 10)
    with pytest.raises(merzim.InvalidInputError, match="unknown week"):
        merzim.Calendar.kazakhstan(week="seven")
    with pytest.raises(merzim.InvalidInputError, match="unknown channel"):
        office.legal_due(dt.datetime(2026, 3, 20, 10), "1 working day", channel="fax")
    with pytest.raises(merzim.InvalidInputError):
        office.legal_due(dt.datetime(2026, 3, 20, 10), "twenty days")
    with pytest.raises(merzim.InvalidInputError, match="months are 1..=12"):
        cal.working_days_in_month(2026, 13)
    with pytest.raises(TypeError):
        office.legal_due(dt.date(2026, 3, 20), "1 working day")


def test_column_errors_name_the_item(cal, office):
    dates = np.array(["2026-03-20", "2026-03-21", "2031-01-06", "2040-01-01"], dtype="datetime64[D]")
    with pytest.raises(merzim.OutOfCoverageError) as e:
        cal.add_working_days(dates, 1)
    assert e.value.index == 2 and str(e.value).startswith("item 2: 2031-01-06 is outside")
    with pytest.raises(merzim.OutOfCoverageError) as e:
        cal.is_working_day(dates)
    assert e.value.index == 2
    with pytest.raises(merzim.OutOfCoverageError) as e:
        cal.working_days_between(dates, dates)
    assert e.value.index == 2
    nat = np.array(["2026-03-20", "NaT"], dtype="datetime64[D]")
    with pytest.raises(merzim.InvalidInputError, match="item 1: NaT") as e:
        cal.add_working_days(nat, 1)
    assert e.value.kind == "invalid_input"
    with pytest.raises(merzim.InvalidInputError, match="same length"):
        cal.add_working_days(dates, np.array([1, 2]))
    with pytest.raises(merzim.InvalidInputError, match="item 1: 3000000000 working days"):
        cal.add_working_days(dates[:2], np.array([1, 3_000_000_000]))
    with pytest.raises(TypeError):
        cal.add_working_days(dates, np.array([1.5, 2, 3, 4]))
    with pytest.raises(TypeError):
        cal.is_working_day(np.array([1, 2, 3]))
    times = np.array(["2026-03-20T16:30", "2031-01-06T10:00"], dtype="datetime64[m]")
    with pytest.raises(merzim.OutOfCoverageError) as e:
        office.legal_due(times, "1 working day")
    assert e.value.index == 1

"""Golden facts of the calendar: the same as the Rust tests (tests/calendar.rs)."""
import datetime as dt

import numpy as np
import pandas as pd
import pytest

import merzim

D = dt.date

# Five-day working days per month, as in tests/calendar.rs (officially published figures).
MONTHS = {
    2014: [19, 20, 17, 22, 19, 21, 22, 21, 21, 23, 20, 20],
    2015: [19, 20, 18, 22, 18, 22, 22, 20, 21, 22, 21, 20],
    2016: [18, 21, 19, 21, 19, 22, 20, 22, 21, 21, 22, 19],
    2017: [20, 20, 19, 20, 20, 22, 20, 22, 20, 22, 22, 18],
    2018: [21, 20, 18, 21, 20, 21, 21, 21, 20, 23, 22, 18],
    2019: [20, 20, 17, 22, 20, 20, 22, 21, 21, 23, 21, 19],
    2020: [20, 20, 18, 22, 18, 22, 21, 20, 22, 22, 21, 20],
    2021: [18, 20, 19, 22, 18, 22, 20, 21, 22, 21, 22, 20],
    2022: [18, 20, 19, 21, 19, 22, 20, 22, 22, 20, 22, 21],
    2023: [20, 20, 19, 20, 20, 21, 20, 22, 21, 21, 22, 20],
    2024: [21, 21, 17, 22, 20, 20, 22, 21, 21, 22, 21, 21],
    2025: [20, 20, 17, 22, 19, 20, 22, 21, 21, 22, 20, 22],
    2026: [19, 20, 18, 22, 17, 22, 22, 21, 22, 21, 21, 22],
    2027: [18, 20, 18, 22, 18, 22, 21, 22, 22, 20, 22, 22],
}


@pytest.mark.parametrize("year", sorted(MONTHS))
def test_monthly_counts(cal, year):
    months = MONTHS[year]
    assert [cal.working_days_in_month(year, m) for m in range(1, 13)] == months
    assert cal.working_days_in_year(year) == sum(months)


def test_yearly_counts(cal):
    assert cal.working_days_in_year(2024) == 249
    assert cal.working_days_in_year(2025) == 246
    assert cal.working_days_in_year(2026) == 247


def test_monthly_counts_from_columns(cal):
    # The same counts from the column API over every day of 2014-2027.
    days = np.arange(np.datetime64("2014-01-01"), np.datetime64("2028-01-01"))
    working = cal.is_working_day(days)
    months = days.astype("datetime64[M]")
    for year, counts in MONTHS.items():
        for m, n in enumerate(counts, 1):
            sel = months == np.datetime64(f"{year}-{m:02d}")
            assert int(working[sel].sum()) == n, (year, m)


def test_six_day_week():
    six = merzim.Calendar.kazakhstan(week="six")
    assert six.week == "six"
    assert six.working_days_in_year(2021) == 297
    assert six.working_days_in_month(2024, 1) == 25
    assert six.working_days_in_month(2021, 7) == 25
    assert six.is_working_day(D(2026, 3, 7))
    assert not six.is_working_day(D(2025, 1, 3))
    assert six.is_working_day(D(2025, 1, 5))


def test_readme_facts(cal):
    assert cal.is_working_day(D(2024, 5, 4))  # a working Saturday
    assert cal.day_kind(D(2026, 3, 24)) == "substitute_day_off"
    assert cal.is_working_day(D(2026, 8, 31))  # no Constitution Day substitute since 2026
    assert cal.add_working_days(D(2026, 3, 20), 1) == D(2026, 3, 26)
    assert cal.add_working_days(D(2026, 3, 21), 0) == D(2026, 3, 26)
    assert cal.working_days_between(D(2026, 3, 20), D(2026, 3, 26)) == 1
    assert cal.working_days_between(D(2026, 3, 26), D(2026, 3, 20)) == -1
    assert not cal.is_working_day(D(2026, 3, 23))  # Nauryz


def test_as_known_on(cal):
    before = merzim.Calendar.kazakhstan(as_known_on=D(2024, 4, 1))
    assert not before.is_working_day(D(2024, 5, 4))
    assert before.known_on == D(2024, 4, 1)
    assert cal.as_known_on(D(2026, 1, 1)).working_days_in_year(2026) == 246


def test_as_known_on_after_today_warns(cal):
    # A date after today: the calendar as known today, with a UserWarning.
    with pytest.warns(UserWarning, match="after today"):
        later = cal.as_known_on(D(2099, 1, 1))
    assert later.known_on == D(2099, 1, 1)
    with pytest.warns(UserWarning, match="after today"):
        merzim.Calendar.kazakhstan(as_known_on=D(2099, 1, 1))


def test_horizon(cal):
    with pytest.raises(merzim.OutOfCoverageError, match="provisional horizon"):
        cal.is_working_day(D(2028, 1, 3))
    prov = merzim.Calendar.kazakhstan(horizon="provisional")
    assert prov.is_working_day(D(2031, 1, 6))
    assert prov.is_provisional(D(2031, 1, 6))
    assert prov.valid_range == (D(2000, 1, 1), D(2100, 12, 31))
    assert cal.coverage == (D(2000, 1, 1), D(2027, 12, 31))


def test_day_details(cal):
    day = cal.day(D(2024, 5, 4))
    assert day.kind == "working_weekend" and day.working
    assert day.act is not None and day.act.id
    assert day.names is not None and day.names.ru and day.names.kk and day.names.en
    nauryz = cal.day(D(2026, 3, 23))
    assert nauryz.kind == "holiday" and not nauryz.working
    assert "Наурыз" in nauryz.names.get("ru")
    assert nauryz.source and nauryz.source_url.startswith("https://")
    assert cal.day(D(2026, 3, 20)).names is None
    assert cal.day(np.datetime64("2026-03-20")).kind == "working"


def test_days_off(cal):
    # Every non-working day is non_working_days; days_off the named days off,
    # as the library's Calendar::days_off (issue 24, point 6).
    every = cal.non_working_days(2026)
    assert len(every) == 365 - 247
    assert all(not d.working for d in every)
    assert [d.date for d in every] == sorted(d.date for d in every)
    off = cal.days_off(2026)
    assert D(2026, 3, 23) in {d.date for d in off}
    assert all(d.kind != "weekend" for d in off)
    assert [d for d in every if d.kind != "weekend"] == off
    with pytest.raises(merzim.OutOfCoverageError):
        cal.days_off(2031)
    with pytest.raises(merzim.OutOfCoverageError):
        cal.non_working_days(2031)


def test_overlay_toml_and_file(cal, tmp_path):
    toml = """
[[act]]
id = "example-order"
source = "an example"
[[act.transfer]]
day_off = "2027-01-08"
working_day = "2027-01-16"
"""
    new = cal.with_overlay_toml(toml, "order.toml")
    assert not new.is_working_day(D(2027, 1, 8))
    assert new.is_working_day(D(2027, 1, 16))
    assert cal.is_working_day(D(2027, 1, 8))
    p = tmp_path / "order.toml"
    p.write_text(toml, encoding="utf-8")
    assert not cal.with_overlay_file(p).is_working_day(D(2027, 1, 8))
    with pytest.raises(merzim.InvalidDataError, match="bad.toml"):
        cal.with_overlay_toml("[[act]]\nid = 3\n", "bad.toml")
    with pytest.raises(merzim.MerzimIOError):
        cal.with_overlay_file(tmp_path / "missing.toml")


def test_columns_shapes_and_pandas(cal):
    s = pd.Series(pd.to_datetime(["2026-03-20", "2024-05-03", "2026-03-21"]))
    # numpy in, numpy datetime64[D] out; a Series in, a Series out (issue 23, point 6)
    out = cal.add_working_days(s.to_numpy(), 1)
    assert out.dtype == np.dtype("datetime64[D]")
    assert list(out.astype(str)) == ["2026-03-26", "2024-05-04", "2026-03-26"]
    series_out = cal.add_working_days(s, 1)
    assert isinstance(series_out, pd.Series) and series_out.index.equals(s.index)
    assert list(series_out.dt.strftime("%Y-%m-%d")) == list(out.astype(str))
    idx = pd.DatetimeIndex(["2026-03-20", "2026-03-23"])
    assert list(cal.is_working_day(idx)) == [True, False]
    aware = pd.Series(pd.to_datetime(["2026-03-20 23:30"]).tz_localize("Asia/Almaty"))
    assert cal.is_working_day(aware).tolist() == [True]
    grid = np.array([["2026-03-20", "2026-03-23"]], dtype="datetime64[D]")
    assert cal.is_working_day(grid).shape == (1, 2)
    assert cal.add_working_days([D(2026, 3, 20)], [1]).tolist() == [D(2026, 3, 26)]
    n = np.array([1, 2, 3], dtype=np.int32)
    assert cal.add_working_days(D(2026, 3, 20), n).astype(str).tolist() == ["2026-03-26", "2026-03-27", "2026-03-30"]
    b = cal.working_days_between(D(2026, 3, 20), np.array(["2026-03-26", "2026-03-27"], "datetime64[D]"))
    assert b.tolist() == [1, 2] and b.dtype == np.int32
    # Other datetime64 units are converted (a copy); datetime64[D] is read in place.
    ns = np.array(["2026-03-20T15:00"], dtype="datetime64[ns]")
    assert cal.add_working_days(ns, 1).astype(str).tolist() == ["2026-03-26"]
    empty = cal.add_working_days(np.array([], dtype="datetime64[D]"), 1)
    assert empty.shape == (0,)

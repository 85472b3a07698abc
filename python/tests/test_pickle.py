"""Calendars, offices, regulations and evaluators pickle (what Dask, Spark and
multiprocessing do to send them to worker processes) and come back counting
exactly as before: overlays travel as their text, so workers need no files."""
import datetime as dt
import multiprocessing
import pickle

import pytest

import merzim

OVERLAY = """
[[act]]
id = "example-order"
source = "an example order"
[[act.day_off]]
date = "2026-04-20"
"""

REGULATION = """
id = "example-permit"
title = { en = "An example permit" }
channels = ["provider", "portal"]
[act]
body = { en = "An example akimat" }
kind = "resolution"
number = "1"
date = "2025-01-15"
source = "an example"
[[step]]
number = 1
actor = { en = "office" }
action = { en = "registers the application" }
duration = "15 minutes"
[[step]]
number = 2
actor = { en = "officer" }
action = { en = "issues the permit" }
duration = "3 working days"
"""

REQUEST = '{"id": 7, "submitted": "2026-04-17T16:30:00", "term": "3 working days"}'


def roundtrip(x):
    return pickle.loads(pickle.dumps(x))


def test_calendar_keeps_every_step(tmp_path):
    path = tmp_path / "order.toml"
    path.write_text(OVERLAY, encoding="utf-8")
    cals = [
        merzim.Calendar.kazakhstan(),
        merzim.Calendar.kazakhstan(week="six", horizon="provisional"),
        merzim.Calendar.kazakhstan(as_known_on=dt.date(2024, 4, 1)),
        merzim.Calendar.kazakhstan().with_overlay_toml(OVERLAY, origin="order.toml"),
        merzim.Calendar.kazakhstan().with_overlay_file(path),
        merzim.Calendar.kazakhstan().with_overlay_file(path).with_week("six"),
        merzim.Calendar.kazakhstan().with_horizon("provisional").as_known_on(dt.date(2026, 1, 1)),
    ]
    days = [dt.date(2024, 5, 4), dt.date(2024, 5, 8), dt.date(2026, 4, 20), dt.date(2026, 8, 31)]
    for cal in cals:
        back = roundtrip(cal)
        assert (back.week, back.horizon, back.known_on) == (cal.week, cal.horizon, cal.known_on)
        assert [back.is_working_day(d) for d in days] == [cal.is_working_day(d) for d in days]
        assert back.working_days_in_year(2026) == cal.working_days_in_year(2026)
    # The overlay file is not needed once the calendar is pickled.
    data = pickle.dumps(cals[4])
    path.unlink()
    assert pickle.loads(data).is_working_day(dt.date(2026, 4, 20)) is False


def test_office_regulation_and_evaluator(tmp_path):
    cal = merzim.Calendar.kazakhstan().with_overlay_toml(OVERLAY)
    for office in [
        merzim.Office(cal),
        merzim.Office(cal, schedule=[("08:00", "12:00"), ("13:00", "17:00")], tz="Asia/Aqtobe"),
        merzim.Office(schedule="state_corporation"),
    ]:
        back = roundtrip(office)
        assert back.tz == office.tz
        s = dt.datetime(2026, 4, 17, 16, 30)
        assert back.legal_due(s, "3 working days").due == office.legal_due(s, "3 working days").due

    path = tmp_path / "example-permit.toml"
    path.write_text(REGULATION, encoding="utf-8")
    for reg in [
        merzim.Regulation.bundled("east-kazakhstan-2016-land-purpose-change"),
        merzim.Regulation.from_toml(REGULATION),
        merzim.Regulation.from_file(path),
    ]:
        back = roundtrip(reg)
        assert (back.id, back.channels) == (reg.id, reg.channels)

    ev = merzim.Evaluator(cal, [merzim.Regulation.from_file(path)])
    back = roundtrip(ev)
    assert back.evaluate_json(REQUEST) == ev.evaluate_json(REQUEST)
    permit = '{"id": 1, "regulation": "example-permit", "submitted": "2026-04-17T10:00:00"}'
    assert back.evaluate_json(permit) == ev.evaluate_json(permit)
    assert "error" not in ev.evaluate_json(permit)


def test_a_recipe_that_is_not_one_is_refused():
    with pytest.raises(ValueError):
        merzim._calendar_from_recipe((("format_disk",),))
    with pytest.raises(ValueError):
        merzim._regulation_from_source(("shell", "rm"))


def _working_days(cal, year):
    return cal.working_days_in_year(year)


def test_worker_processes_get_the_same_calendar():
    cal = merzim.Calendar.kazakhstan().with_overlay_toml(OVERLAY)
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        got = pool.starmap(_working_days, [(cal, 2026), (cal, 2025)])
    assert got == [cal.working_days_in_year(2026), cal.working_days_in_year(2025)]
    assert got[0] == merzim.Calendar.kazakhstan().working_days_in_year(2026) - 1

"""Columns give, item by item, exactly what the scalar calls give (hypothesis)."""
import datetime as dt

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import merzim

CAL = merzim.Calendar.kazakhstan()
OFFICE = merzim.Office(CAL)
EAST = merzim.Regulation.bundled("east-kazakhstan-2016-land-purpose-change")

# Mostly inside coverage, sometimes just outside (errors must agree too).
dates = st.dates(dt.date(1999, 12, 1), dt.date(2028, 1, 31))
inside = st.dates(dt.date(2000, 1, 1), dt.date(2027, 12, 31))
times = st.datetimes(dt.datetime(2000, 1, 1), dt.datetime(2027, 11, 30)).map(lambda t: t.replace(second=0, microsecond=0))


def scalar_or_error(f, *args):
    try:
        return f(*args)
    except merzim.MerzimError as e:
        return type(e)


def column_or_error(f, *args):
    try:
        return f(*args), None
    except merzim.MerzimError as e:
        return None, (type(e), e.index)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(dates, st.integers(-400, 400)), min_size=1, max_size=40))
def test_add_working_days(pairs):
    ds = np.array([d for d, _ in pairs], dtype="datetime64[D]")
    ns = np.array([n for _, n in pairs], dtype=np.int64)
    expected = [scalar_or_error(CAL.add_working_days, d, n) for d, n in pairs]
    got, err = column_or_error(CAL.add_working_days, ds, ns)
    first_bad = next((k for k, e in enumerate(expected) if isinstance(e, type)), None)
    if first_bad is None:
        assert err is None and got.astype(dt.date).tolist() == expected
    else:
        assert err == (expected[first_bad], first_bad)


@settings(max_examples=150, deadline=None)
@given(st.lists(dates, min_size=1, max_size=40), st.integers(-30, 30))
def test_add_working_days_one_count(ds, n):
    expected = [scalar_or_error(CAL.add_working_days, d, n) for d in ds]
    got, err = column_or_error(CAL.add_working_days, np.array(ds, dtype="datetime64[D]"), n)
    if all(not isinstance(e, type) for e in expected):
        assert got.astype(dt.date).tolist() == expected
    else:
        assert err is not None


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(dates, dates), min_size=1, max_size=40))
def test_working_days_between_and_is_working_day(pairs):
    a = np.array([x for x, _ in pairs], dtype="datetime64[D]")
    b = np.array([y for _, y in pairs], dtype="datetime64[D]")
    expected = [scalar_or_error(CAL.working_days_between, x, y) for x, y in pairs]
    got, err = column_or_error(CAL.working_days_between, a, b)
    if all(not isinstance(e, type) for e in expected):
        assert got.tolist() == expected
    else:
        assert err is not None
    w_expected = [scalar_or_error(CAL.is_working_day, x) for x, _ in pairs]
    w_got, w_err = column_or_error(CAL.is_working_day, a)
    if all(not isinstance(e, type) for e in w_expected):
        assert w_got.tolist() == w_expected
    else:
        first = next(k for k, e in enumerate(w_expected) if isinstance(e, type))
        assert w_err == (w_expected[first], first)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(times, min_size=1, max_size=20),
    st.sampled_from(["22 working days", "2 working days", "30 calendar days", "15 minutes", "3 hours", "1 month"]),
    st.sampled_from(["provider", "portal", "state_corporation"]),
    st.sampled_from(["submission_day", "next_day"]),
    st.sampled_from(["close_of_business", "midnight"]),
)
def test_legal_due(ts, term, channel, start, end):
    expected = [OFFICE.legal_due(t, term, channel=channel, start=start, end=end).due.replace(tzinfo=None) for t in ts]
    col = OFFICE.legal_due(np.array(ts, dtype="datetime64[m]"), term, channel=channel, start=start, end=end)
    assert col.astype(dt.datetime).tolist() == expected


@settings(max_examples=60, deadline=None)
@given(
    st.lists(times, min_size=1, max_size=10),
    st.sampled_from(["provider", "portal", "state_corporation"]),
    st.sampled_from(["approve", "refuse"]),
)
def test_timeline(ts, channel, outcome):
    cols = EAST.timeline(OFFICE, np.array(ts, dtype="datetime64[m]"), channel=channel, outcome=outcome)
    for k, t in enumerate(ts):
        tl = EAST.timeline(OFFICE, t, channel=channel, outcome=outcome)
        local = lambda x: None if x is None else np.datetime64(x.replace(tzinfo=None), "m")
        assert cols["end"][k] == local(tl.end)
        for f in ("term_due", "refusal_due", "handoff", "storage_until"):
            v = getattr(tl, f)
            assert (np.isnat(cols[f][k]) if v is None else cols[f][k] == local(v)), f
        assert bool(cols["within_term"][k]) == tl.within_term


TERMS = ["1 working day", "22 working days", "3 hours", "30 calendar days", "1 month"]
CHANNELS = ["provider", "portal", "state_corporation"]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.one_of(st.none(), times), st.sampled_from(TERMS), st.sampled_from(CHANNELS)),
                min_size=1, max_size=30))
def test_legal_due_rows_with_missing_times(rows):
    """Per-row terms and channels with missing times, errors="coerce": each row
    is the scalar call's due (local time), NaT where the time is missing; and
    errors="raise" names the first missing or failing row (issue 24)."""
    sub = np.array([np.datetime64(t, "m") if t else np.datetime64("NaT", "m") for t, _, _ in rows])
    terms = [r[1] for r in rows]
    channels = [r[2] for r in rows]
    expected = []
    for t, term, ch in rows:
        if t is None:
            expected.append(None)
            continue
        r = scalar_or_error(OFFICE.legal_due, t, term, ch)
        expected.append(r if isinstance(r, type) else np.datetime64(r.due.replace(tzinfo=None), "m"))
    failing = [k for k, e in enumerate(expected) if isinstance(e, type)]
    got, err = column_or_error(lambda: OFFICE.legal_due(sub, terms, channels, errors="coerce"))
    if failing:
        assert err == (expected[failing[0]], failing[0])
    else:
        assert err is None
        assert [None if np.isnat(x) else x for x in got] == expected
    missing_or_failing = [k for k, e in enumerate(expected) if e is None or isinstance(e, type)]
    got, err = column_or_error(lambda: OFFICE.legal_due(sub, terms, channels))
    if missing_or_failing:
        assert err is not None and err[1] == missing_or_failing[0]
    else:
        assert err is None

"""Issue 24 (hostile input, second campaign): the Python points.

3: overlay and regulation files are read once (FIFOs, /dev/stdin, pickles).
6: the Python package at the edges (missing values, counts, lines, errors).
8: an as-known-on date before the data's first knowledge date is refused.
"""
import datetime as dt
import json
import os
import pickle
import subprocess
import sys
import tempfile
import textwrap
import threading
import warnings

import numpy as np
import pandas as pd
import pytest

import merzim
from test_pickle import OVERLAY, REGULATION

D = dt.date
S = dt.datetime(2026, 3, 20, 10, 0)
LINE = '{"id": "a1", "submitted": "2026-03-20T16:30:00", "term": "22 working days", "channel": "portal"}'


def kind(line):
    return json.loads(line)["error"]["kind"]


# -- 3: files are read once ---------------------------------------------------


def _run(code, **kw):
    # Run outside the source tree: `python -c` puts the working directory first
    # on sys.path, and python/ holds the package's sources without the
    # compiled extension (CI runs pytest from python/).
    kw.setdefault("cwd", tempfile.gettempdir())
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, timeout=120, **kw)


def test_overlay_from_stdin_survives_pickling():
    code = """
        import datetime as dt, pickle, merzim
        cal = merzim.Calendar.kazakhstan().with_overlay_file("/dev/stdin")
        back = pickle.loads(pickle.dumps(cal))
        d = dt.date(2026, 4, 20)
        assert cal.is_working_day(d) is False, "overlay not loaded"
        assert back.is_working_day(d) is False, "the pickled calendar lost the overlay"
        assert back.data_version == cal.data_version
        print("ok")
    """
    r = _run(code, input=OVERLAY)
    assert r.returncode == 0 and r.stdout.strip() == "ok", r.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_overlay_and_regulation_from_a_fifo_do_not_hang(tmp_path):
    # A FIFO can be read once: a second read would wait for a writer forever.
    code = f"""
        import os, pickle, threading, merzim
        def feed(path, text):
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        o = {str(tmp_path / "order.toml")!r}
        r = {str(tmp_path / "example-permit.toml")!r}
        os.mkfifo(o); os.mkfifo(r)
        threading.Thread(target=feed, args=(o, {OVERLAY!r}), daemon=True).start()
        cal = merzim.Calendar.kazakhstan().with_overlay_file(o)
        threading.Thread(target=feed, args=(r, {REGULATION!r}), daemon=True).start()
        reg = merzim.Regulation.from_file(r)
        assert pickle.loads(pickle.dumps(reg)).id == "example-permit"
        assert pickle.loads(pickle.dumps(cal)).data_version == cal.data_version
        print("ok")
    """
    r = _run(code)
    assert r.returncode == 0 and r.stdout.strip() == "ok", r.stderr


def test_the_pickled_overlay_is_the_loaded_text(tmp_path):
    path = tmp_path / "order.toml"
    path.write_text(OVERLAY, encoding="utf-8")
    cal = merzim.Calendar.kazakhstan().with_overlay_file(path)
    # The file changes after loading: the pickle carries what was loaded.
    path.write_text("", encoding="utf-8")
    back = pickle.loads(pickle.dumps(cal))
    assert back.data_version == cal.data_version
    assert back.is_working_day(D(2026, 4, 20)) is False
    # Two texts under one name: two versions.
    other = merzim.Calendar.kazakhstan().with_overlay_file(path)
    assert other.data_version != cal.data_version


def test_file_errors_are_merzim_errors(tmp_path):
    with pytest.raises(merzim.MerzimIOError) as e:
        merzim.Calendar.kazakhstan().with_overlay_file(tmp_path / "missing.toml")
    assert e.value.kind == "io" and "missing.toml" in str(e.value)
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b"[[act]]\nid = \"\xff\"\n")
    with pytest.raises(merzim.MerzimIOError, match="bad.toml"):
        merzim.Calendar.kazakhstan().with_overlay_file(bad)
    wrong = tmp_path / "other-name.toml"
    wrong.write_text(REGULATION, encoding="utf-8")
    with pytest.raises(merzim.InvalidRegulationError, match="differs from the file stem") as e:
        merzim.Regulation.from_file(wrong)
    assert e.value.kind == "invalid_regulation"


# -- 6: missing values -----------------------------------------------------------


def test_nat_in_a_time_column_names_the_item(office, east):
    times = np.array(["2026-03-20T10:00", "NaT", "2026-03-23T10:00"], dtype="datetime64[m]")
    with pytest.raises(merzim.InvalidInputError, match="item 1: NaT") as e:
        office.legal_due(times, "3 working days")
    assert e.value.index == 1 and e.value.kind == "invalid_input"
    series = pd.Series(pd.to_datetime(["2026-03-20 10:00", None]))
    with pytest.raises(merzim.InvalidInputError, match="item 1: NaT"):
        office.legal_due(series, "3 working days")
    with pytest.raises(merzim.InvalidInputError, match="item 1: NaT") as e:
        east.timeline(office, times)
    assert e.value.index == 1
    # The first failing item, missing or not, is the one named.
    early = np.array(["2031-01-06T10:00", "NaT"], dtype="datetime64[m]")
    for call in (lambda c: office.legal_due(c, "3 working days"),
                 lambda c: office.legal_due(c, ["3 working days", "1 hours"]),
                 lambda c: east.timeline(office, c),
                 lambda c: office.calendar.add_working_days(c.astype("datetime64[D]"), 1)):
        with pytest.raises(merzim.OutOfCoverageError) as e:
            call(early)
        assert e.value.index == 0
        with pytest.raises(merzim.InvalidInputError, match="item 0: NaT") as e:
            call(early[::-1].copy())
        assert e.value.index == 0


@pytest.mark.parametrize("missing", [None, pd.NaT, np.datetime64("NaT")])
def test_one_missing_value_is_invalid_input(cal, office, east, missing):
    for call in (
        lambda: office.legal_due(missing, "3 working days"),
        lambda: east.timeline(office, missing),
        lambda: cal.add_working_days(missing, 1),
        lambda: cal.is_working_day(missing),
        lambda: cal.day(missing),
        lambda: cal.working_days_between(missing, D(2026, 3, 20)),
    ):
        with pytest.raises(merzim.InvalidInputError) as e:
            call()
        assert e.value.kind == "invalid_input"
    assert office.legal_due(missing, "3 working days", errors="coerce") is None
    assert east.timeline(office, missing, errors="coerce") is None
    assert cal.add_working_days(missing, 1, errors="coerce") is None


def test_coerce_passes_missing_values_through(cal, office, east):
    times = np.array(["2026-03-20T10:00", "NaT", "2026-03-23T10:00"], dtype="datetime64[m]")
    full = office.legal_due(times[[0, 2]], "3 working days")
    got = office.legal_due(times, "3 working days", errors="coerce")
    assert np.isnat(got[1]) and list(got[[0, 2]]) == list(full)
    tl = east.timeline(office, times, errors="coerce")
    ref = east.timeline(office, times[[0, 2]])
    assert np.isnat(tl["end"][1]) and list(tl["end"][[0, 2]]) == list(ref["end"])
    assert list(tl["within_term"][[0, 2]]) == list(ref["within_term"])
    dates = np.array(["2026-03-20", "NaT", "2024-05-03"], dtype="datetime64[D]")
    out = cal.add_working_days(dates, np.array([1, 2, 1], dtype=np.uint8), errors="coerce")
    assert np.isnat(out[1]) and out[0] == np.datetime64("2026-03-26") and out[2] == np.datetime64("2024-05-04")
    # Only missing values: another failing item raises all the same, naming the whole column's item.
    bad = np.array(["NaT", "2026-03-20", "2031-01-06"], dtype="datetime64[D]")
    with pytest.raises(merzim.OutOfCoverageError) as e:
        cal.add_working_days(bad, 1, errors="coerce")
    assert e.value.index == 2 and str(e.value).startswith("item 2: 2031-01-06")
    with pytest.raises(merzim.InvalidInputError, match="errors="):
        cal.add_working_days(dates, 1, errors="ignore")


# -- 6: per-row terms and channels, Series in and out --------------------------


def test_term_and_channel_columns(office):
    times = pd.Series(
        pd.to_datetime(["2026-03-20 10:00", "2026-03-20 16:30", "2024-02-28 09:00", "2026-03-18 12:00"]),
        index=[10, 11, 12, 13],
    )
    terms = pd.Series(["22 working days", "3 hours", "22 working days", "30 calendar days"], index=times.index)
    channels = ["portal", "state_corporation", "provider", "portal"]
    due = office.legal_due(times, terms, channels)
    assert isinstance(due, pd.Series) and list(due.index) == [10, 11, 12, 13]
    for k, (t, term, ch) in enumerate(zip(times, terms, channels)):
        one = office.legal_due(t.to_pydatetime(), term, channel=ch)
        assert due.iloc[k] == pd.Timestamp(one.due.replace(tzinfo=None))
    # numpy in, numpy out
    arr = office.legal_due(times.to_numpy(), list(terms), "portal")
    assert isinstance(arr, np.ndarray) and arr.dtype == np.dtype("datetime64[m]")
    with pytest.raises(merzim.InvalidInputError, match="same length"):
        office.legal_due(times, ["1 working day"], "portal")
    with pytest.raises(merzim.InvalidInputError) as e:
        office.legal_due(times.to_numpy(), ["1 working day", "1 working day", "twenty days", "1 hours"])
    assert e.value.index == 2 and str(e.value).startswith("item 2: ")
    with pytest.raises(merzim.InvalidInputError, match="index"):
        office.legal_due(times, pd.Series(list(terms)), "portal")


# -- issue 23, point 6: Series in, Series out; missing values in every column call --


def _series():
    return pd.Series(pd.to_datetime(["2026-03-20", "2024-05-03", "2026-03-23", "2026-03-21"]),
                     index=["w", "x", "y", "z"], name="start")


def test_series_in_series_out_with_the_index(cal, office, east):
    s = _series()
    ref = s.to_numpy()
    iwd = cal.is_working_day(s)
    assert isinstance(iwd, pd.Series) and iwd.index.equals(s.index) and iwd.name == "start"
    assert iwd.dtype == bool and list(iwd) == list(cal.is_working_day(ref))
    awd = cal.add_working_days(s, 2)
    assert isinstance(awd, pd.Series) and awd.index.equals(s.index)
    assert list(awd.to_numpy().astype("datetime64[D]")) == list(cal.add_working_days(ref, 2))
    # counts as a Series with the same index; a different index is refused
    n = pd.Series([1, 2, 3, 4], index=s.index)
    assert list(cal.add_working_days(s, n).to_numpy().astype("datetime64[D]")) == list(
        cal.add_working_days(ref, n.to_numpy()))
    with pytest.raises(merzim.InvalidInputError, match="different indexes"):
        cal.add_working_days(s, n.reset_index(drop=True))
    later = s + pd.Timedelta(days=10)
    wdb = cal.working_days_between(s, later)
    assert isinstance(wdb, pd.Series) and wdb.index.equals(s.index) and wdb.dtype == np.int32
    assert list(wdb) == list(cal.working_days_between(ref, later.to_numpy()))
    one_side = cal.working_days_between(D(2026, 1, 5), later)
    assert one_side.index.equals(s.index)
    with pytest.raises(merzim.InvalidInputError, match="different indexes"):
        cal.working_days_between(s, later.reset_index(drop=True))
    # timeline: the columns as Series with the index, ready for a DataFrame
    times = pd.Series(pd.to_datetime(["2026-03-18 16:30", "2026-03-19 10:00"]), index=[7, 9])
    tl = east.timeline(office, times)
    ref_tl = east.timeline(office, times.to_numpy())
    frame = pd.DataFrame(tl)
    assert list(frame.index) == [7, 9]
    assert list(frame["end"].to_numpy().astype("datetime64[m]")) == list(ref_tl["end"])
    assert list(frame["within_term"]) == list(ref_tl["within_term"])
    # a DatetimeIndex or a list still gives numpy
    assert isinstance(cal.is_working_day(pd.DatetimeIndex(s)), np.ndarray)
    assert isinstance(cal.add_working_days(list(s.dt.date), 1), np.ndarray)


def test_coerce_in_every_column_call(cal):
    s = pd.Series(pd.to_datetime(["2026-03-20", None, "2026-03-23"]), index=[10, 11, 12])
    present = s.dropna()
    # is_working_day: <NA> where the date is missing, the library's answer elsewhere
    got = cal.is_working_day(s, errors="coerce")
    assert got.dtype == "boolean" and got.index.equals(s.index) and got.isna().tolist() == [False, True, False]
    assert got.dropna().astype(bool).tolist() == cal.is_working_day(present).tolist()
    arr = cal.is_working_day(s.to_numpy(), errors="coerce")
    assert isinstance(arr, np.ma.MaskedArray) and arr.mask.tolist() == [False, True, False]
    assert arr.compressed().tolist() == cal.is_working_day(present.to_numpy()).tolist()
    with pytest.raises(merzim.InvalidInputError, match="item 1: NaT") as e:
        cal.is_working_day(s)
    assert e.value.index == 1
    # working_days_between: a missing date on either side
    b = pd.Series(pd.to_datetime(["2026-04-01", "2026-04-01", None]), index=s.index)
    wdb = cal.working_days_between(s, b, errors="coerce")
    assert wdb.dtype == "Int32" and wdb.isna().tolist() == [False, True, True]
    assert int(wdb.iloc[0]) == cal.working_days_between(D(2026, 3, 20), D(2026, 4, 1))
    with pytest.raises(merzim.InvalidInputError, match="item 1: NaT") as e:
        cal.working_days_between(s, b)
    assert e.value.index == 1 and " in a:" in str(e.value)
    with pytest.raises(merzim.InvalidInputError, match="item 2: NaT") as e:
        cal.working_days_between(s.fillna(pd.Timestamp("2026-03-20")), b)
    assert e.value.index == 2 and " in b:" in str(e.value)
    masked = cal.working_days_between(s.to_numpy(), b.to_numpy(), errors="coerce")
    assert isinstance(masked, np.ma.MaskedArray) and masked.mask.tolist() == [False, True, True]
    assert cal.working_days_between(None, D(2026, 3, 20), errors="coerce") is None
    every = cal.working_days_between(pd.NaT, s, errors="coerce")
    assert every.isna().all() and every.index.equals(s.index)
    # only missing values are passed through: outside coverage raises all the same
    bad = pd.Series(pd.to_datetime([None, "2031-01-06"]))
    with pytest.raises(merzim.OutOfCoverageError) as e:
        cal.is_working_day(bad, errors="coerce")
    assert e.value.index == 1
    with pytest.raises(merzim.InvalidInputError, match="errors="):
        cal.is_working_day(s, errors="ignore")


@pytest.mark.parametrize("missing", [None, pd.NaT, np.datetime64("NaT")])
def test_one_missing_date_names_the_argument(cal, missing):
    with pytest.raises(merzim.InvalidInputError, match=r"^a \(the first date\) is missing") as e:
        cal.working_days_between(missing, D(2026, 3, 20))
    assert e.value.kind == "invalid_input"
    with pytest.raises(merzim.InvalidInputError, match=r"^b \(the second date\) is missing"):
        cal.working_days_between(D(2026, 3, 20), missing)
    with pytest.raises(merzim.InvalidInputError, match=r"^b \(the second date\) is missing"):
        cal.working_days_in_range(D(2026, 3, 20), missing)
    with pytest.raises(merzim.InvalidInputError, match="^the start date is missing"):
        cal.add_working_days(missing, 1)
    with pytest.raises(merzim.InvalidInputError, match="^the date is missing"):
        cal.is_working_day(missing)
    assert cal.is_working_day(missing, errors="coerce") is None


# -- 6: balance, __all__ -----------------------------------------------------------


def test_balance(cal):
    rows = cal.balance(2026)
    by = {r["period"]: r for r in rows}
    assert by["2026"]["five_day_working_days"] == cal.working_days_in_year(2026)
    assert by["2026-03"]["five_day_working_days"] == cal.working_days_in_month(2026, 3)
    assert by["2026-03"]["calendar_days"] == 31
    six = merzim.Calendar.kazakhstan(week="six")
    assert by["2026"]["six_day_working_days"] == six.working_days_in_year(2026)
    assert {"2026-Q1", "2026-H1", "2026-9M"} <= set(by)
    assert set(rows[0]) == {
        "period", "calendar_days", "calendar_days_without_holidays",
        *(f"{w}_{k}" for w in ("five_day", "six_day") for k in ("working_days", "hours_40", "hours_36", "hours_24")),
    }
    frame = pd.DataFrame(rows)
    assert len(frame) == len(rows)
    with pytest.raises(merzim.OutOfCoverageError):
        cal.balance(2031)
    with pytest.raises(merzim.InvalidInputError):
        cal.balance(2**40)


def test_all_names_the_public_api():
    ns = {}
    exec("from merzim import *", ns)
    assert set(merzim.__all__) <= set(ns)
    public = {
        n for n, v in vars(merzim).items()
        if not n.startswith("_")
        and (n.isupper() or getattr(v, "__module__", "").startswith("merzim"))
        and not isinstance(v, type(merzim))
    } - {"DateLike"}
    assert public - set(merzim.__all__) == set()


# -- 6: lines ---------------------------------------------------------------------


def test_evaluate_json_never_raises():
    ev = merzim.Evaluator()
    for f in (merzim.evaluate_json, ev.evaluate_json):
        assert f(LINE.encode()) == f(LINE)
        for bad in ("\ud800", '{"id": "\udfff"}', None, 5, b"\xff\xfe", b'{"id": 1, "term": "\xff"}'):
            assert kind(f(bad)) == "invalid_input", bad


def test_evaluate_lines_answers_every_item():
    ev = merzim.Evaluator()
    good = ev.evaluate_json(LINE)
    items = [LINE, "\ud800", None, b"\xff", LINE.encode(), 7, '{"id": "x"}\n{"id": "y"}', LINE]
    out = ev.evaluate_lines(items)
    assert len(out) == len(items)
    assert out[0] == out[4] == out[7] == good
    for k in (1, 2, 3, 5, 6):
        assert kind(out[k]) == "invalid_input", (k, out[k])
    assert "item 2" in json.loads(out[2])["error"]["message"]
    # A whole input as bytes, split as the CLI splits stdin (CR LF, bad UTF-8).
    data = (LINE + "\r\n").encode() + b"\xff\n" + LINE.encode() + b"\n"
    out = ev.evaluate_lines(data)
    assert out[0] == good and kind(out[1]) == "invalid_input" and out[2] == good and len(out) == 3
    assert ev.evaluate_lines(data.decode("utf-8", "surrogateescape").encode("utf-8", "surrogateescape")) == out
    assert ev.evaluate_lines(LINE + "\n" + LINE + "\n") == [good, good]


# -- 6: counts and integers ---------------------------------------------------------


def test_out_of_range_counts_are_refused(cal):
    dates = np.array(["2026-03-20", "2026-03-20"], dtype="datetime64[D]")
    with pytest.raises(merzim.InvalidInputError) as e:
        cal.add_working_days(dates, np.array([1, 2**64 - 1], dtype=np.uint64))
    assert e.value.index == 1 and "18446744073709551615" in str(e.value)
    with pytest.raises(merzim.InvalidInputError) as e:
        cal.add_working_days(dates, np.array([2**63, 1], dtype=np.uint64))
    assert e.value.index == 0
    for n in (2**70, -(2**70), 2**31, np.uint64(2**64 - 1)):
        with pytest.raises(merzim.InvalidInputError, match="out of range") as e:
            cal.add_working_days(D(2026, 3, 20), n)
        assert not isinstance(e.value, TypeError)
        with pytest.raises(merzim.InvalidInputError, match="out of range"):
            cal.add_working_days(dates, n)
    assert cal.add_working_days(dates, np.array([1, 1], dtype=np.uint64))[0] == np.datetime64("2026-03-26")
    with pytest.raises(merzim.InvalidInputError, match="months are 1..=12") as e:
        cal.working_days_in_month(2026, -1)
    assert e.value.kind == "invalid_input"
    for call in (lambda: cal.working_days_in_month(2**40, 1), lambda: cal.working_days_in_year(-(2**40)),
                 lambda: cal.days_off(2**33)):
        with pytest.raises(merzim.InvalidInputError):
            call()


def test_every_error_has_a_kind(cal, office):
    cases = [
        (lambda: office.legal_due(D(2026, 3, 20), "1 working day"), merzim.InvalidTypeError),
        (lambda: office.legal_due(S, 5), merzim.InvalidTypeError),
        (lambda: office.legal_due(np.array([S], "datetime64[m]"), "1 working day", explain=True), merzim.InvalidInputError),
        (lambda: merzim.Names("a", "b", "c").get("fr"), merzim.InvalidInputError),
        (lambda: cal.add_working_days(np.array(["2026-03-20"], "datetime64[D]"), np.array([1.5])), merzim.InvalidTypeError),
        (lambda: cal.is_working_day(np.array([1, 2])), merzim.InvalidTypeError),
        (lambda: cal.is_working_day(["not a date"]), merzim.InvalidInputError),
        (lambda: cal.working_days_in_month(2026, "3"), merzim.InvalidTypeError),
        (lambda: merzim.Office(schedule=[("09:00",)]), merzim.InvalidInputError),
        (lambda: merzim.Evaluator().evaluate_lines([LINE], threads=-1), merzim.InvalidInputError),
        (lambda: merzim.day_kind_label(3), merzim.InvalidTypeError),
        (lambda: merzim._calendar_from_recipe((("format_disk",),)), merzim.InvalidValueError),
    ]
    for call, cls in cases:
        with pytest.raises(cls) as e:
            call()
        assert isinstance(e.value, merzim.MerzimError)
        assert e.value.kind == "invalid_input", e.value
        assert e.value.index is None
    assert issubclass(merzim.InvalidTypeError, TypeError)
    assert issubclass(merzim.InvalidValueError, ValueError)


def test_evaluator_takes_one_regulation_path(tmp_path):
    path = tmp_path / "example-permit.toml"
    path.write_text(REGULATION, encoding="utf-8")
    permit = '{"id": 1, "regulation": "example-permit", "submitted": "2026-04-17T10:00:00"}'
    for regs in (str(path), path, merzim.Regulation.from_file(path), [str(path)]):
        assert "error" not in json.loads(merzim.Evaluator(regulations=regs).evaluate_json(permit))
    with pytest.raises(merzim.MerzimIOError, match="x.toml"):
        merzim.Evaluator(regulations="x.toml")


# -- 6: days off: one meaning with the library ------------------------------------


def test_days_off_means_the_named_days_off(cal):
    off = cal.days_off(2026)
    assert off and all(d.kind != "weekend" and not d.working for d in off)
    assert D(2026, 3, 23) in {d.date for d in off}
    every = cal.non_working_days(2026)
    assert len(every) == 365 - cal.working_days_in_year(2026)
    assert {d.date for d in off} <= {d.date for d in every}
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        assert cal.holidays(2026) == off
    assert w and issubclass(w[0].category, DeprecationWarning)


# -- 8: impossible knowledge ---------------------------------------------------------


def test_knowledge_before_the_data_is_refused(cal):
    for call in (
        lambda: merzim.Calendar.kazakhstan(as_known_on=D(1999, 12, 31)),
        lambda: cal.as_known_on(D(1, 1, 1)),
        lambda: pickle.loads(pickle.dumps(cal)).as_known_on(D(1990, 6, 1)),
    ):
        with pytest.raises(merzim.InvalidInputError) as e:
            call()
        assert e.value.kind == "invalid_input"
    assert cal.as_known_on(D(2000, 1, 1)).known_on == D(2000, 1, 1)
    line = '{"id": 1, "submitted": "2026-03-20T10:00", "term": "1 working day", "as_known_on": "0001-01-01"}'
    assert kind(merzim.evaluate_json(line)) == "invalid_input"


def test_threads_do_not_share_failures(office):
    # A bad item in one thread's column does not leak into another's answer.
    good = np.array(["2026-03-20T10:00"] * 1000, dtype="datetime64[m]")
    bad = good.copy()
    bad[500] = np.datetime64("NaT")
    res = {}

    def run(k, col):
        try:
            res[k] = office.legal_due(col, "3 working days")
        except merzim.MerzimError as e:
            res[k] = e

    ts = [threading.Thread(target=run, args=(k, bad if k % 2 else good)) for k in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert all(isinstance(res[k], np.ndarray) for k in (0, 2))
    assert all(res[k].index == 500 for k in (1, 3))

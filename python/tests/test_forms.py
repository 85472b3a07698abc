"""One form per result: the Python objects carry the batch contract's fields.

For each request, the Python call (``Office.legal_due``, ``Regulation.timeline``,
``Calendar.day``) and the batch line (``merzim.evaluate_json``) must give the
same fields with the same values, field by field after converting the JSON
(RFC 3339 instants to aware datetimes, dates to ``datetime.date``).
"""
import dataclasses
import datetime as dt
import json

import pytest

import merzim

EAST = "east-kazakhstan-2016-land-purpose-change"
S = "2026-03-20T16:30:00"


def instant(s):
    return dt.datetime.fromisoformat(s.replace("Z", "+00:00"))


def names(d):
    return None if d is None else merzim.Names(d.get("kk", ""), d.get("ru", ""), d.get("en", ""))


def act(a):
    if a is None:
        return None
    date = a.get("date")
    return merzim.Act(
        id=a["id"],
        title=names(a["title"]),
        body=a["body"],
        number=a.get("number"),
        date=None if date is None else dt.date.fromisoformat(date),
        url=a.get("url"),
        inferred=a.get("inferred", []),
    )


# How each JSON field converts to its Python value.
DATES = {"registered", "day_one", "last_day", "date", "data_as_of"}
INSTANTS = {"due", "handoff", "end", "term_due", "refusal_due", "storage_until", "start", "from", "to"}


def convert(key, value):
    if value is None:
        return None
    if key in DATES:
        return dt.date.fromisoformat(value)
    if key in INSTANTS:
        return instant(value)
    if key == "names" or key == "title":
        return names(value)
    if key == "act":
        return act(value)
    if key == "citations" and value and isinstance(value[0], dict):
        return [citation(c) for c in value]
    return value


def citation(c):
    date = c.get("date")
    return merzim.Citation(
        kind=c["kind"],
        issuer=names(c["issuer"]) if "issuer" in c else None,
        date=None if date is None else dt.date.fromisoformat(date),
        year=c.get("year"),
        number=c.get("number"),
        title=names(c["title"]) if "title" in c else None,
        article=c.get("article"),
        paragraph=c.get("paragraph"),
        url=c.get("url"),
        confidence=c["confidence"],
        text=names(c["text"]),
    )


def attr(key):
    """The Python attribute of a JSON field (``from`` is a keyword)."""
    return "from_" if key == "from" else key


def absent(value):
    return value is None or value == []


def check_item(obj, form, where):
    """``obj``'s fields equal ``form``'s, field by field; a field the form
    leaves out is None or empty on the object."""
    fields = {f.name for f in dataclasses.fields(obj)}
    for key, value in form.items():
        a = attr(key)
        assert a in fields, f"{where}: the form's field {key!r} is not on {type(obj).__name__}"
        got = getattr(obj, a)
        if key == "steps":
            assert len(got) == len(value), where
            for i, (s, v) in enumerate(zip(got, value)):
                check_item(s, v, f"{where}.steps[{i}]")
        elif key == "explain":
            assert got is not None and len(got) == len(value), where
            for i, (s, v) in enumerate(zip(got, value)):
                check_item(s, v, f"{where}.explain[{i}]")
        elif key == "alternatives":
            assert [(a.term, a.due) for a in got] == [(v["term"], instant(v["due"])) for v in value], where
            assert [a._asdict() for a in got] == [{"term": v["term"], "due": instant(v["due"])} for v in value]
        else:
            assert got == convert(key, value), f"{where}.{key}: {got!r} != {value!r}"
        if isinstance(got, dt.datetime):
            assert got.utcoffset() is not None, f"{where}.{key} must be aware"
            assert got.isoformat() == value, f"{where}.{key}: the offset is the library's"
    for f in fields - {attr(k) for k in form} - set(merzim.TIMELINE_REQUEST_FIELDS):
        assert absent(getattr(obj, f)), f"{where}: {f} is not in the form but is {getattr(obj, f)!r}"


def batch(**request):
    line = json.dumps({"id": "x", **request}, ensure_ascii=False)
    out = json.loads(merzim.evaluate_json(line))
    assert "error" not in out, out
    assert out.pop("id") == "x"
    return out


OPTIONS = ("week", "horizon", "as_known_on")


def office_for(request):
    kw = {k: request[k] for k in OPTIONS if k in request}
    if "as_known_on" in kw:
        kw["as_known_on"] = dt.date.fromisoformat(kw["as_known_on"])
    cal = merzim.Calendar.kazakhstan(**kw)
    return merzim.Office(cal, schedule=request.get("schedule", "state_body"), tz=request.get("tz", "Asia/Almaty"))


TERM_CASES = [
    dict(submitted=S, term="22 working days"),
    dict(submitted=S, term="22 working days", channel="portal", explain=True, lang="kk"),
    dict(submitted=S, term="22 рабочих дня", channel="state_corporation", explain=True, lang="ru"),
    dict(submitted=S, term="2 working days", channel="state_corporation", start="next_day"),
    dict(submitted="2026-03-21T10:00", term="2 working days", channel="portal", explain=True, lang="en"),
    dict(submitted=S, term="22 working days", end="midnight"),
    dict(submitted=S, term="30 calendar days", explain=True),
    dict(submitted=S, term="15 minutes", explain=True, lang="ru"),
    dict(submitted="2024-02-29T17:00:00+06:00", term="5 working days"),
    dict(submitted="2026-04-24T10:00", term="5 working days", week="six", explain=True),
    dict(submitted="2024-04-26T10:00", term="5 working days", as_known_on="2024-01-01", explain=True),
    dict(submitted="2024-04-26T10:00", term="5 working days", as_known_on="2024-12-31"),
    dict(submitted="2031-01-05T10:00", term="1 working day", horizon="provisional"),
]


@pytest.mark.parametrize("request_", TERM_CASES, ids=lambda r: ",".join(f"{k}={v}" for k, v in r.items()))
def test_legal_due_is_the_term_response(request_):
    form = batch(**request_)
    office = office_for(request_)
    d = office.legal_due(
        request_["submitted"],
        request_["term"],
        channel=request_.get("channel", "provider"),
        start=request_.get("start", "submission_day"),
        end=request_.get("end", "close_of_business"),
        explain=request_.get("explain", False),
        lang=request_.get("lang", "en"),
    )
    assert isinstance(d, merzim.LegalDue)
    check_item(d, form, "legal_due")
    if request_.get("explain"):
        assert d.explain is not None and "explain" in form
    else:
        assert d.explain is None and "explain" not in form


REGULATION_CASES = [
    dict(regulation=EAST, submitted="2026-03-18T16:30"),
    dict(regulation=EAST, submitted="2026-03-18T16:30", channel="state_corporation", explain=True, lang="ru"),
    dict(regulation=EAST, submitted="2026-03-18T16:30", outcome="refuse", explain=True, lang="kk"),
    dict(regulation=EAST, submitted="2026-03-18T16:30", week="six"),
    dict(regulation=EAST, submitted="2024-04-26T10:00", as_known_on="2024-01-01"),
] + [dict(regulation=r, submitted="2026-03-18T16:30", explain=True) for r in merzim.Regulation.bundled_ids()]


@pytest.mark.parametrize("request_", REGULATION_CASES, ids=lambda r: ",".join(f"{k}={v}" for k, v in r.items()))
def test_timeline_is_the_regulation_response(request_):
    reg = merzim.Regulation.bundled(request_["regulation"])
    channel = request_.get("channel", "provider")
    if channel not in reg.channels:
        pytest.skip(f"{reg.id} has no {channel} channel")
    form = batch(**request_)
    office = office_for(request_)
    t = reg.timeline(
        office,
        request_["submitted"],
        channel=channel,
        outcome=request_.get("outcome", "approve"),
        explain=request_.get("explain", False),
        lang=request_.get("lang", "en"),
    )
    assert isinstance(t, merzim.Timeline)
    check_item(t, form, "timeline")
    # The request's echo, kept on the Python object.
    assert (t.regulation, t.channel, t.outcome) == (reg.id, channel, request_.get("outcome", "approve"))
    assert t.submitted == office.zoned(dt.datetime.fromisoformat(request_["submitted"]))


def test_a_regulation_with_alternatives():
    form = batch(regulation=EAST, submitted="2026-03-18T16:30")
    assert len(form["alternatives"]) > 1
    t = merzim.Regulation.bundled(EAST).timeline(merzim.Office(), dt.datetime(2026, 3, 18, 16, 30))
    assert [a.term for a in t.alternatives] == [a["term"] for a in form["alternatives"]]
    assert dict(t.alternatives)["22 working days"] == instant(
        next(a["due"] for a in form["alternatives"] if a["term"] == "22 working days")
    )
    assert [s.duration for s in t.steps] == [s["duration"] for s in form["steps"]]


def test_explain_in_each_language():
    texts = {}
    for lang in ("kk", "ru", "en"):
        form = batch(submitted=S, term="3 working days", explain=True, lang=lang)
        d = merzim.Office().legal_due(S, "3 working days", explain=True, lang=lang)
        check_item(d, form, lang)
        texts[lang] = [s.text for s in d.explain]
        assert {s.reason for s in d.explain} >= {"lunch", "after_hours", "holiday"}
    assert texts["kk"] != texts["ru"] != texts["en"]
    with pytest.raises(merzim.InvalidInputError):
        merzim.Office().legal_due(S, "3 working days", explain=True, lang="fr")


def test_day_is_the_day_form():
    cal = merzim.Calendar.kazakhstan()
    for date in ("2026-03-23", "2024-05-07", "2026-03-20", "2026-03-21", "2027-06-01"):
        d = cal.day(dt.date.fromisoformat(date))
        # The library's day form, as `merzim day --json` prints it.
        form = json.loads(merzim._merzim.NativeCalendar.kazakhstan().day(dt.date.fromisoformat(date)))
        assert [f.name for f in dataclasses.fields(d)] == list(form)
        check_item(d, form, date)


def test_day_kind_labels_are_the_librarys():
    cal = merzim.Calendar.kazakhstan()
    nauryz = cal.day(dt.date(2026, 3, 23))
    assert nauryz.label() == merzim.day_kind_label("holiday") == "public holiday"
    assert nauryz.label("ru") == "праздничный день"
    assert cal.day(dt.date(2026, 3, 28)).label("kk") == "демалыс күні"
    # The explanation's text words a day off with the same label.
    d = merzim.Office().legal_due(S, "3 working days", explain=True, lang="ru")
    hol = next(s for s in d.explain if s.reason == "holiday")
    assert merzim.day_kind_label("holiday", "ru") in hol.text
    with pytest.raises(merzim.InvalidInputError):
        merzim.day_kind_label("holiday", "fr")
    with pytest.raises(merzim.InvalidInputError):
        merzim.day_kind_label("festival")

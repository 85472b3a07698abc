"""Legal terms and regulation timelines: the worked examples of docs/RULES.md."""
import datetime as dt

import numpy as np
import pytest

import merzim
from conftest import aware

S = dt.datetime(2026, 3, 20, 16, 30)


@pytest.mark.parametrize(
    "rid, submitted, term, channel, start, end, due",
    [
        ("E5.1", S, "22 working days", "provider", "submission_day", "close_of_business", "2026-04-23 18:30 +0500"),
        ("E5.2", S, "22 working days", "state_corporation", "submission_day", "close_of_business", "2026-04-24 18:30 +0500"),
        ("E5.2", S, "22 рабочих дня", "state_corporation", "next_day", "close_of_business", "2026-04-24 18:30 +0500"),
        ("E5.3", S, "22 working days", "provider", "next_day", "close_of_business", "2026-04-24 18:30 +0500"),
        ("E5.4", S, "30 calendar days", "provider", "submission_day", "close_of_business", "2026-04-20 18:30 +0500"),
        ("E5.5", dt.datetime(2026, 3, 21, 10, 0), "2 working days", "portal", "submission_day", "close_of_business", "2026-03-27 18:30 +0500"),
        ("E5.6", dt.datetime(2026, 3, 19, 18, 45), "2 working days", "portal", "submission_day", "close_of_business", "2026-03-26 18:30 +0500"),
        ("E5.7", dt.datetime(2024, 5, 4, 11, 0), "1 working day", "provider", "submission_day", "close_of_business", "2024-05-04 18:30 +0500"),
        ("E5.8", dt.datetime(2026, 4, 24, 10, 0), "9 calendar days", "provider", "submission_day", "close_of_business", "2026-05-04 18:30 +0500"),
        ("E5.10", S, "22 working days", "provider", "submission_day", "midnight", "2026-04-24 00:00 +0500"),
        ("E5.11", S, "4 calendar days", "provider", "submission_day", "close_of_business", "2026-03-26 18:30 +0500"),
    ],
)
def test_rules_examples(office, rid, submitted, term, channel, start, end, due):
    d = office.legal_due(submitted, term, channel=channel, start=start, end=end)
    assert d.due == aware(due), rid
    assert d.due.utcoffset() == dt.timedelta(hours=5)
    # The column form gives the same local wall-clock time.
    col = office.legal_due(np.array([np.datetime64(submitted, "m")]), term, channel=channel, start=start, end=end)
    assert col[0] == np.datetime64(d.due.replace(tzinfo=None), "m")


def test_e5_9_offset_change(office):
    # Submitted 2024-02-29 17:00 +06:00 (Almaty before 2024-03-01); due with +05:00.
    sub = dt.datetime(2024, 2, 29, 17, 0, tzinfo=dt.timezone(dt.timedelta(hours=6)))
    d = office.legal_due(sub, "5 working days")
    assert d.due == aware("2024-03-06 18:30 +0500")
    assert str(d.due.utcoffset()) == "5:00:00"
    # An aware instant in another zone is converted to the office's local time.
    utc = sub.astimezone(dt.timezone.utc)
    assert office.legal_due(utc, "5 working days").due == d.due
    from zoneinfo import ZoneInfo

    z = sub.astimezone(ZoneInfo("Asia/Almaty"))
    assert office.legal_due(z, "5 working days").due == d.due


def test_handoff_e5_13_to_e5_15(office):
    d = office.legal_due(S, "22 working days", channel="state_corporation")
    assert d.handoff == aware("2026-04-23 18:30 +0500")
    assert d.registered == dt.date(2026, 3, 20)
    one = office.legal_due(S, "1 working day", channel="state_corporation")
    assert one.due == aware("2026-03-26 18:30 +0500") and one.handoff is None
    two = office.legal_due(S, "2 working days", channel="state_corporation")
    assert two.due == aware("2026-03-27 18:30 +0500")
    assert two.handoff == aware("2026-03-26 18:30 +0500")


def test_other_zone_and_schedule(cal):
    aqtobe = merzim.Office(cal, tz="Asia/Aqtobe")
    assert aqtobe.tz == "Asia/Aqtobe"
    assert aqtobe.legal_due(S, "22 working days").due == aware("2026-04-23 18:30 +0500")
    custom = merzim.Office(cal, schedule=[("09:00", "18:00")])
    sc = merzim.Office(cal, schedule="state_corporation")
    assert custom.legal_due(S, "1 hours").due == sc.legal_due(S, "1 hours").due
    with pytest.raises(merzim.InvalidInputError):
        merzim.Office(cal, tz="Mars/Olympus")


def test_timeline_e6(office, east):
    t = office_timeline = east.timeline(office, dt.datetime(2026, 3, 18, 16, 30))
    ends = [
        "2026-03-18 16:45", "2026-03-19 16:45", "2026-03-20 09:15", "2026-03-27 09:15",
        "2026-04-03 09:15", "2026-04-06 09:15", "2026-04-10 09:15", "2026-04-14 09:15",
        "2026-04-21 09:15", "2026-04-22 09:15",
    ]
    assert [s.end for s in t.steps] == [aware(e + " +0500") for e in ends]
    assert [s.number for s in t.steps] == list(range(1, 11))
    assert t.end == aware("2026-04-22 09:15 +0500")
    assert t.term_due == aware("2026-04-16 18:30 +0500")  # E6.2
    assert dict(t.alternatives)["22 working days"] == aware("2026-04-21 18:30 +0500")  # E6.3
    assert t.refusal_due == aware("2026-03-19 18:30 +0500")  # E6.4
    assert t.within_term is False  # E6.5
    assert office_timeline.channel == "provider"


def test_timeline_state_corporation_e6_6(office, east):
    t = east.timeline(office, dt.datetime(2026, 3, 18, 16, 30), channel="state_corporation")
    assert t.steps[0].end == aware("2026-03-19 09:15 +0500")
    assert t.end == aware("2026-04-22 11:15 +0500")
    assert t.term_due == aware("2026-04-17 18:30 +0500")  # E6.7
    assert t.refusal_due == aware("2026-03-20 18:30 +0500")  # E6.8
    assert t.within_term is False


def test_timeline_columns(office, east):
    sub = np.array(["2026-03-18T16:30", "2026-03-18T16:30"], dtype="datetime64[m]")
    cols = east.timeline(office, sub)
    assert cols["end"].tolist()[0] == dt.datetime(2026, 4, 22, 9, 15)
    assert cols["term_due"][0] == np.datetime64("2026-04-16T18:30")
    assert cols["within_term"].tolist() == [False, False]
    assert np.isnat(cols["handoff"]).all()
    sc = east.timeline(office, sub, channel="state_corporation")
    assert sc["end"][0] == np.datetime64("2026-04-22T11:15")


def test_regulations(east, tmp_path):
    ids = merzim.Regulation.bundled_ids()
    assert "east-kazakhstan-2016-land-purpose-change" in ids and len(ids) == 6
    assert east.id == "east-kazakhstan-2016-land-purpose-change"
    assert "provider" in east.channels
    with pytest.raises(merzim.InvalidInputError, match="bundled ones are"):
        merzim.Regulation.bundled("nope")
    with pytest.raises(merzim.InvalidRegulationError, match="bad.toml"):
        merzim.Regulation.from_toml("id = 1\n", "bad.toml")


def test_timeline_start_rules_and_edge_warnings():
    """The start rules of the overall term and the refusal are the batch
    line's ``term_start``/``refusal_start``; the edge cases come with codes."""
    import datetime as dt
    import json

    import merzim

    office = merzim.Office()
    reg = merzim.Regulation.bundled("east-kazakhstan-2016-land-purpose-change")
    s = dt.datetime(2026, 3, 18, 10, 0)
    plain = reg.timeline(office, s)
    civil = reg.timeline(office, s, term_start="next_day", refusal_start="next_day")
    line = {"id": 1, "regulation": reg.id, "submitted": "2026-03-18T10:00",
            "term_start": "next_day", "refusal_start": "next_day"}
    form = json.loads(merzim.evaluate_json(json.dumps(line)))
    assert civil.refusal_due.isoformat() == form["refusal_due"]
    assert civil.term_due.isoformat() == form["term_due"]
    assert civil.refusal_due > plain.refusal_due
    assert civil.data_as_of == merzim.Calendar.kazakhstan().data_as_of
    cols = reg.timeline(office, __import__("numpy").array(["2026-03-18T10:00"], dtype="datetime64[m]"),
                        refusal_start="next_day")
    assert str(cols["refusal_due"][0]) == form["refusal_due"][:16]
    try:
        reg.timeline(office, s, refusal_start="monday")
    except merzim.InvalidInputError as e:
        assert "monday" in str(e)
    else:
        raise AssertionError("a bad start rule must be refused")
    late = office.legal_due(dt.datetime(2026, 3, 20, 18, 29), "1 working day")
    assert late.warning_codes == ["short_first_day"]
    assert late.data_as_of == merzim.Calendar.kazakhstan().data_as_of

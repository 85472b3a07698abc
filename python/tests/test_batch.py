"""The batch contract: the same JSON as the CLI's `batch` and the C API."""
import json

import pytest

import merzim

LINE = '{"id": "a1", "submitted": "2026-03-20T16:30:00", "term": "22 working days", "channel": "portal"}'
# The output of `merzim batch` and of merzim_eval_json for LINE (README.md, src/batch/mod.rs),
# ending with the date the built-in data was last checked.
EXPECTED = (
    '{"id":"a1","registered":"2026-03-20","day_one":"2026-03-20","last_day":"2026-04-23",'
    '"due":"2026-04-23T18:30:00+05:00","provisional":false,"data_as_of":"%s"}'
    % merzim.Calendar.kazakhstan().data_as_of.isoformat()
)


def test_evaluate_json_is_the_contract():
    assert merzim.evaluate_json(LINE) == EXPECTED
    bad = merzim.evaluate_json('{"id": "a2", "submitted": "2031-01-05T10:00", "term": "1 working day"}')
    assert json.loads(bad)["error"]["kind"] == "out_of_coverage"
    assert json.loads(merzim.evaluate_json("not json"))["error"]["kind"] == "invalid_input"


def test_evaluator_options(tmp_path):
    prov = merzim.Evaluator(merzim.Calendar.kazakhstan(horizon="provisional"))
    out = json.loads(prov.evaluate_json('{"id": "a2", "submitted": "2031-01-05T10:00", "term": "1 working day"}'))
    assert out["provisional"] is True and "due" in out
    ev = merzim.Evaluator()
    assert ev.evaluate_lines([LINE, LINE]) == [EXPECTED, EXPECTED]
    reg = merzim.Regulation.bundled("east-kazakhstan-2016-land-purpose-change")
    with pytest.raises(merzim.InvalidInputError, match="already known"):
        merzim.Evaluator(regulations=[reg])
    out = json.loads(ev.evaluate_json(
        '{"id": "r", "regulation": "east-kazakhstan-2016-land-purpose-change", "submitted": "2026-03-18T16:30"}'
    ))
    assert out["end"] == "2026-04-22T09:15:00+05:00" and out["within_term"] is False


def test_evaluate_lines_streams_in_order():
    ev = merzim.Evaluator()
    lines = [
        '{"id": %d, "submitted": "2026-03-%02dT10:00", "term": "%d working days"}' % (i, 1 + i % 28, 1 + i % 30)
        for i in range(3000)
    ]
    lines[7] = "not json"
    lines[8] = ""
    lines[9] = '{"id": 9,\n "submitted": "2026-03-20T16:30", "term": "1 working day"}'  # one request over two lines
    lines[10] = LINE + "\r\n"
    expected = [merzim.evaluate_json(l) for l in lines]
    for threads in (0, 1, 3):
        assert ev.evaluate_lines(lines, threads=threads) == expected
    assert json.loads(expected[7])["error"]["kind"] == "invalid_input"
    assert json.loads(expected[9])["id"] == 9 and "due" in json.loads(expected[9])
    assert ev.evaluate_lines([]) == []
    assert ev.evaluate_lines(iter([LINE])) == [EXPECTED]


def test_evaluate_file(tmp_path):
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(LINE + "\nnot json\n" + LINE + "\n", encoding="utf-8")
    assert merzim.Evaluator().evaluate_file(src, dst, threads=2) == (3, 1)
    out = dst.read_text(encoding="utf-8").splitlines()
    assert out[0] == out[2] == EXPECTED and json.loads(out[1])["error"]["kind"] == "invalid_input"
    with pytest.raises(merzim.MerzimIOError):
        merzim.Evaluator().evaluate_file(tmp_path / "missing.jsonl", dst)

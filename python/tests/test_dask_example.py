"""The cluster example: Dask LocalCluster with worker processes, checked equal
to the single-process result (examples/dask_recompute.py)."""
import pathlib
import sys

import dask.distributed  # noqa: F401  (fail, not skip, when missing)
import pandas as pd  # noqa: F401

EXAMPLES = pathlib.Path(__file__).resolve().parents[1] / "examples"
sys.path.insert(0, str(EXAMPLES))

import dask_recompute  # noqa: E402


def test_recompute_matches_scalar_calls():
    cases = dask_recompute.make_cases(300, seed=3)
    out = dask_recompute.recompute(cases)
    office = dask_recompute.office()
    for row in out.head(60).itertuples():
        due = office.legal_due(row.submitted.to_pydatetime(), row.term, channel=row.channel).due
        assert row.due.to_pydatetime() == due.replace(tzinfo=None)


def test_dask_local_cluster_equals_single_process(capsys):
    assert dask_recompute.main(["--cases", "20000", "--partitions", "6", "--workers", "2"]) == 0
    assert "equal" in capsys.readouterr().out

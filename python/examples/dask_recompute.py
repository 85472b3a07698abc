"""Recompute the due dates of a partitioned table of cases on a Dask cluster.

A monitoring analyst's job: millions of service cases (submitted when, which
term, which channel, delivered when), each checked against its legal due. One
function, `recompute`, does it for one pandas partition with merzim's column
calls (no Python loop over rows); Dask runs it on every partition in worker
processes (`dask.dataframe.map_partitions`), Spark the same through
`mapInPandas` (examples/spark_mapinpandas.py).

    python examples/dask_recompute.py --cases 1000000 --workers 2

checks the cluster's result equal to the single-process one and prints both times.
"""

from __future__ import annotations

import argparse
import time
from functools import lru_cache

import numpy as np
import pandas as pd

import merzim

TERMS = ["22 working days", "5 working days", "30 calendar days", "3 hours", "1 month"]
CHANNELS = ["provider", "portal", "state_corporation"]

# The columns `recompute` adds, for Dask's and Spark's schema.
OUT_COLUMNS = {"due": "datetime64[ns]", "on_time": "bool", "provisional_year": "bool"}


@lru_cache(maxsize=None)
def office() -> merzim.Office:
    """One office per worker process (merzim objects are built, not pickled)."""
    return merzim.Office(merzim.Calendar.kazakhstan(), tz="Asia/Almaty")


def recompute(cases: pd.DataFrame) -> pd.DataFrame:
    """Adds `due` (local wall-clock time), `on_time` (delivered by then) and
    `provisional_year` to a partition of cases with columns `submitted`,
    `term`, `channel` and `delivered` (local wall-clock datetimes)."""
    o = office()
    submitted = cases["submitted"].to_numpy(dtype="datetime64[m]")
    due = np.empty(len(cases), dtype="datetime64[m]")
    # One column call per (term, channel) group: a handful per partition.
    for (term, channel), idx in cases.groupby(["term", "channel"], sort=False).indices.items():
        due[idx] = o.legal_due(submitted[idx], term, channel=channel)
    out = cases.copy()
    out["due"] = due.astype("datetime64[ns]")
    out["on_time"] = out["delivered"].to_numpy() <= out["due"].to_numpy()
    out["provisional_year"] = out["due"].dt.year >= 2027
    return out


def make_cases(n: int, seed: int = 1) -> pd.DataFrame:
    """A synthetic table of `n` cases submitted in 2018-2026 during the day."""
    rng = np.random.default_rng(seed)
    days = np.datetime64("2018-01-01") + rng.integers(0, 9 * 365, n).astype("timedelta64[D]")
    submitted = days.astype("datetime64[m]") + rng.integers(8 * 60, 20 * 60, n).astype("timedelta64[m]")
    delivered = submitted + rng.integers(0, 50 * 24 * 60, n).astype("timedelta64[m]")
    return pd.DataFrame(
        {
            "case_id": np.arange(n),
            "submitted": submitted.astype("datetime64[ns]"),
            "term": rng.choice(TERMS, n),
            "channel": rng.choice(CHANNELS, n),
            "delivered": delivered.astype("datetime64[ns]"),
        }
    )


def on_cluster(cases: pd.DataFrame, partitions: int, workers: int) -> pd.DataFrame:
    """`recompute` on a Dask distributed LocalCluster with worker processes."""
    import dask.dataframe as dd
    from dask.distributed import Client, LocalCluster

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster):
        ddf = dd.from_pandas(cases, npartitions=partitions)
        meta = recompute(cases.head(0))
        return ddf.map_partitions(recompute, meta=meta).compute(scheduler=None)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=int, default=200_000)
    ap.add_argument("--partitions", type=int, default=8)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)

    cases = make_cases(args.cases)
    t0 = time.perf_counter()
    single = recompute(cases)
    t1 = time.perf_counter()
    clustered = on_cluster(cases, args.partitions, args.workers)
    t2 = time.perf_counter()
    clustered = clustered.sort_values("case_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(single.reset_index(drop=True), clustered, check_dtype=False)
    print(f"{args.cases:,} cases: single process {t1 - t0:.2f} s; "
          f"Dask LocalCluster, {args.workers} worker processes, {args.partitions} partitions "
          f"{t2 - t1:.2f} s (incl. cluster start); equal; on time: {single['on_time'].mean():.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

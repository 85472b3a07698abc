"""Recompute the due dates of a partitioned table of cases on a Dask cluster.

A monitoring analyst's job: millions of service cases (submitted when, which
term, which channel, delivered when), each checked against its legal due. One
function, `recompute`, does it for one pandas partition with merzim's column
calls (no Python loop over rows); Dask runs it on every partition in worker
processes (`dask.dataframe.map_partitions`), Spark the same through
`mapInPandas` (examples/spark_mapinpandas.py).

    python examples/dask_recompute.py --cases 1000000 --workers 2
    python examples/dask_recompute.py --cases 1000000 --workers 2 --data workers

checks the cluster's result equal to the single-process one and prints both
times: with the cases in this process's memory (sent to the workers and back),
or with `--data workers` made where they are computed (as workers reading
their own Parquet files), only a count coming back.

When a cluster pays. One process recomputes about 400,000 cases a second
(merzim's part is a small share of it: pandas copies and the synthetic data
take most). Measured on a 2-core machine shared with other jobs (load average
about 5), 8 partitions, 2 worker processes:

    cases      data lives in   one process   LocalCluster (+ start)
    1,000,000  this process     2.3 s         9.0 s incl. start
    1,000,000  the workers      2.5 s         3.8 s + 4.2 s
    4,000,000  this process    26.3 s        68.3 s incl. start
    4,000,000  the workers      9.8 s        19.9 s + 3.4 s

So at these sizes one process is faster, and a cluster on the same machine
never pays when the data lives in the driver: pickling the partitions to the
workers and the results back costs more than the computation. A cluster pays
when the data already lives with the workers (partitioned files each worker
reads, results aggregated there), on cores or machines that are otherwise
idle, and when the table no longer fits one process's memory; the size where
it starts to win depends on those cores and was not reached on this machine.
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
    # One call: per-row terms and channels beside the times (merzim groups
    # the rows by (term, channel) and runs each group in Rust).
    due = o.legal_due(cases["submitted"], cases["term"], cases["channel"])
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


def on_time_count(size: int, seed: int) -> int:
    """One partition made where it is computed (as a worker reads its own
    Parquet files) and recomputed there: only a count travels back."""
    return int(recompute(make_cases(size, seed))["on_time"].sum())


def data_on_workers(n: int, partitions: int, workers: int) -> None:
    """The same work with the data living on the workers: each partition is
    made, recomputed and counted in a worker process; compared with one
    process doing every partition in turn."""
    from dask.distributed import Client, LocalCluster

    sizes = [n // partitions + (k < n % partitions) for k in range(partitions)]
    t0 = time.perf_counter()
    single = sum(on_time_count(size, k) for k, size in enumerate(sizes))
    t1 = time.perf_counter()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        t2 = time.perf_counter()
        clustered = sum(client.gather(client.map(on_time_count, sizes, range(partitions))))
        t3 = time.perf_counter()
    assert clustered == single
    print(f"{n:,} cases made where they are computed: single process {t1 - t0:.2f} s; "
          f"Dask LocalCluster, {workers} worker processes, {partitions} partitions "
          f"{t3 - t2:.2f} s (+ {t2 - t1:.2f} s cluster start); equal")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=int, default=200_000)
    ap.add_argument("--partitions", type=int, default=8)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--data", choices=["driver", "workers"], default="driver",
                    help="where the cases live: in this process's memory (sent to the "
                         "workers and back), or made on the workers (only counts come back)")
    args = ap.parse_args(argv)
    if args.data == "workers":
        data_on_workers(args.cases, args.partitions, args.workers)
        return 0

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

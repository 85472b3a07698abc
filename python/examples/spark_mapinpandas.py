"""The same recomputation as examples/dask_recompute.py on Spark, with
`DataFrame.mapInPandas`: each executor's Python worker imports merzim and
runs `recompute` on its Arrow batches as pandas DataFrames.

Needs `pip install pyspark` (and Java); not installed or run by the
project's CI. Every executor needs merzim installed (`pip install ./python`,
or ship the wheel built by `maturin build --release`: it is abi3, one wheel
for CPython 3.9+).

    python examples/spark_mapinpandas.py --cases 1000000
"""

from __future__ import annotations

import argparse
from typing import Iterator

import pandas as pd

from dask_recompute import make_cases, recompute  # the one function, shared


def recompute_batches(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    for cases in batches:
        yield recompute(cases)


def main(argv=None) -> int:
    from pyspark.sql import SparkSession

    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=200_000)
    args = ap.parse_args(argv)

    spark = (
        SparkSession.builder.appName("merzim-recompute")
        .config("spark.sql.session.timeZone", "UTC")  # keep wall-clock times as they are
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    cases = make_cases(args.cases)
    sdf = spark.createDataFrame(cases)
    schema = (
        "case_id long, submitted timestamp_ntz, term string, channel string, "
        "delivered timestamp_ntz, due timestamp_ntz, on_time boolean, provisional_year boolean"
    )
    out = sdf.mapInPandas(recompute_batches, schema=schema)
    late = out.filter(~out.on_time).groupBy("term", "channel").count()
    late.show()
    spark.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

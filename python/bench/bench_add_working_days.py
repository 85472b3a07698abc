"""Vectorised add_working_days on 10M pairs: merzim vs numpy.busday_offset vs
a pure-Python loop over the `holidays` package, in the same run.

    python bench/bench_add_working_days.py [--pairs 10000000] [--sample 200000]

numpy cannot express a working Saturday (a transfer act's worked day): it gets
the same list of weekday days off as holidays (from merzim's own calendar) and
the Monday-Friday week, so it does the same amount of work, not the same
rules. The `holidays` loop counts Monday-Friday days that are not in
`holidays.country_holidays("KZ")`, one pair at a time; it runs on a sample
and is extrapolated to all pairs. The agreement of each with merzim is printed.

Note: where OPENBLAS_CORETYPE is set (see the project's environment notes),
run this with it unset; busday_offset does not use BLAS in any case.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import time

import numpy as np

import merzim


def best_of(k, f):
    best, out = float("inf"), None
    for _ in range(k):
        t0 = time.perf_counter()
        out = f()
        best = min(best, time.perf_counter() - t0)
    return best, out


def cpu_name() -> str:
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pairs", type=int, default=10_000_000)
    ap.add_argument("--sample", type=int, default=200_000, help="pairs for the pure-Python holidays loop")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)

    cal = merzim.Calendar.kazakhstan()
    rng = np.random.default_rng(2026)
    # Random pairs as in benches/bulk.rs: starts in 2015-2026, n in 0..60.
    first, last = np.datetime64("2015-01-01"), np.datetime64("2026-12-31")
    span = int((last - first).astype(int)) + 1
    start = first + rng.integers(0, span, args.pairs).astype("timedelta64[D]")
    n = rng.integers(0, 60, args.pairs).astype(np.int32)

    # numpy's holidays: every weekday that is not a working day in merzim (2015-2027).
    off = [d.date for y in range(2015, 2028) for d in cal.days_off(y) if d.date.weekday() < 5]
    np_holidays = np.array(off, dtype="datetime64[D]")
    bdc = np.busdaycalendar(weekmask="1111100", holidays=np_holidays)

    print(f"python {sys.version.split()[0]}, numpy {np.__version__}, merzim {merzim.__version__}")
    print(f"machine: {cpu_name()}, {os.cpu_count()} logical CPUs, {platform.system()} {platform.release()}")
    print(f"pairs: {args.pairs:,}; numpy holidays: {len(np_holidays)} weekdays off (2015-2027)")

    t_mz, out_mz = best_of(args.repeat, lambda: cal.add_working_days(start, n))
    t_np, out_np = best_of(args.repeat, lambda: np.busday_offset(start, n, roll="forward", busdaycal=bdc))
    # Same semantics as merzim where the start is a working day and no working
    # Saturday is involved: count how often they agree.
    agree_np = float(np.mean(out_mz == out_np))
    on_working = cal.is_working_day(start)
    agree_np_working = float(np.mean((out_mz == out_np)[on_working]))

    holidays_txt = "holidays: not installed"
    t_py = None
    try:
        import holidays as hol  # PyPI `holidays`

        kz = hol.country_holidays("KZ", years=range(2015, 2028))
        m = min(args.sample, args.pairs)
        s_list = start[:m].astype(dt.date).tolist()
        n_list = n[:m].tolist()

        def py_loop():
            out = []
            one = dt.timedelta(days=1)
            for d, k in zip(s_list, n_list):
                # merzim's rule: n-th working day strictly after; n = 0 rolls forward.
                if k == 0:
                    while d.weekday() >= 5 or d in kz:
                        d += one
                else:
                    while k > 0:
                        d += one
                        if d.weekday() < 5 and d not in kz:
                            k -= 1
                out.append(d)
            return out

        t_s, out_py = best_of(1, py_loop)
        t_py = t_s * args.pairs / m
        agree_py = float(np.mean(np.array(out_py, dtype="datetime64[D]") == out_mz[:m]))
        holidays_txt = (
            f"holidays {hol.__version__} pure-Python loop: {t_s:.2f} s on {m:,} pairs -> "
            f"{t_py:.1f} s for {args.pairs:,} (extrapolated), {t_py / args.pairs * 1e9:.0f} ns/pair; "
            f"agrees with merzim on {agree_py:.1%} of the sample"
        )
    except ImportError:
        pass

    ns = lambda t: t / args.pairs * 1e9
    print(f"merzim  add_working_days : {t_mz * 1e3:8.1f} ms  {ns(t_mz):6.2f} ns/pair")
    print(f"numpy   busday_offset    : {t_np * 1e3:8.1f} ms  {ns(t_np):6.2f} ns/pair  "
          f"(merzim is {t_np / t_mz:.1f}x faster)")
    print(f"  numpy agrees with merzim on {agree_np:.1%} of pairs, {agree_np_working:.1%} of those starting on a "
          "working day (numpy rolls a day off forward before counting and has no working Saturdays)")
    print(holidays_txt)
    if t_py is not None:
        print(f"merzim is {t_py / t_mz:,.0f}x faster than the holidays loop")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

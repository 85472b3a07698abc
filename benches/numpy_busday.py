#!/usr/bin/env python3
"""numpy's busday_offset on the same 10M (date in 2015-2026, n in 0..60) pairs
as `benches/bulk.rs` (same xorshift64* sequence), with the same holidays.

    cargo run --release --example export_holidays -- 2015 2027 > /tmp/kz.txt
    python3 benches/numpy_busday.py /tmp/kz.txt

numpy's busdaycalendar has a weekmask and a list of holidays only: it cannot
express a Saturday or Sunday made a working day by a transfer act (e.g.
2024-05-04), so those `work` lines are ignored and its results differ from
merzim's on a few dates; it also rolls a non-working date forward before
counting, unlike merzim (see `Calendar::add_working_days`). This measures the
cost of the same amount of work, not identical results.
"""
import sys
import time

import numpy as np

PAIRS = 10_000_000
MASK = (1 << 64) - 1


def pairs():
    """The bench's xorshift64* sequence: (days since 1970-01-01, n)."""
    lo = (np.datetime64("2015-01-01") - np.datetime64("1970-01-01")).astype(int)
    hi = (np.datetime64("2026-12-31") - np.datetime64("1970-01-01")).astype(int)
    span = int(hi - lo + 1)
    x = 0x9E3779B97F4A7C15
    out = np.empty(2 * PAIRS, dtype=np.uint64)
    for k in range(2 * PAIRS):
        x ^= x >> 12
        x ^= (x << 25) & MASK
        x ^= x >> 27
        v = (x * 0x2545F4914F6CDD1D) & MASK
        out[k] = v
    # Same as the bench: first PAIRS draws are dates, the next PAIRS are n.
    days = lo + (out[:PAIRS] % np.uint64(span)).astype(np.int64)
    n = (out[PAIRS:] % np.uint64(60)).astype(np.int64)
    return days.astype("datetime64[D]"), n


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else None
    lines = open(path).read().split() if path else sys.stdin.read().split()
    off = [lines[i + 1] for i in range(0, len(lines), 2) if lines[i] == "off"]
    work = [lines[i + 1] for i in range(0, len(lines), 2) if lines[i] == "work"]
    cal = np.busdaycalendar(weekmask="1111100", holidays=np.array(off, dtype="datetime64[D]"))
    t = time.perf_counter()
    dates, n = pairs()
    gen = time.perf_counter() - t
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        res = np.busday_offset(dates, n, roll="forward", busdaycal=cal)
        best = min(best, time.perf_counter() - t)
    checksum = int(res.astype(np.int64).sum())
    print(f"numpy {np.__version__}: {len(off)} weekday holidays, {len(work)} working weekend days ignored")
    print(f"pairs generated in {gen:.1f} s; checksum {checksum}")
    print(f"busday_offset on {PAIRS} pairs: best of 3 {best * 1e3:.1f} ms = {best / PAIRS * 1e9:.1f} ns/item")


if __name__ == "__main__":
    main()

"""Column calls release the GIL while the engine runs."""
import hashlib
import os
import threading
import time

import numpy as np
import pytest

import merzim

N = 10_000_000


@pytest.fixture(scope="module")
def pairs():
    rng = np.random.default_rng(7)
    start = np.datetime64("2015-01-01") + rng.integers(0, 12 * 365, N).astype("timedelta64[D]")
    n = rng.integers(0, 60, N).astype(np.int32)
    return start, n


def test_python_thread_runs_during_a_column_call(cal, pairs):
    """While one thread is inside a 10M-item call, another Python thread keeps
    running bytecode: it could not if the call held the GIL."""
    start, n = pairs
    done = threading.Event()
    span = {}

    def work():
        t0 = time.perf_counter()
        for _ in range(3):
            cal.add_working_days(start, n)
        span["call"] = time.perf_counter() - t0
        done.set()

    ticks, max_gap = 0, 0.0
    worker = threading.Thread(target=work)
    worker.start()
    last = time.perf_counter()
    while not done.is_set():
        now = time.perf_counter()
        max_gap = max(max_gap, now - last)
        last = now
        ticks += 1
    worker.join()
    # Holding the GIL, the calls would stop this loop for their whole length.
    assert ticks > 1000
    assert max_gap < 0.5 * span["call"], (max_gap, span)


def _ratio(one, tries=3):
    """Best (two threads at once) / (the same two calls one after the other)."""
    best = float("inf")
    for _ in range(tries):
        t0 = time.perf_counter()
        one()
        one()
        seq = time.perf_counter() - t0
        threads = [threading.Thread(target=one) for _ in range(2)]
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        best = min(best, (time.perf_counter() - t0) / seq)
        if best < 0.7:
            break
    return best


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="needs two cores")
def test_two_threads_beat_one_after_the_other(office, pairs):
    """Two threads each doing a 10M-item call (legal dues) take clearly less
    than twice one call: 1.0 would be no overlap, two free cores give about
    0.5. The machine may be shared, so the second core is first measured with
    hashlib (which releases the GIL on large data): where even hashlib gains
    nothing from a second thread there is no free core, and the test skips.
    The load of a shared machine changes from second to second, so the
    reference and the call are measured side by side, up to three rounds:
    one round with a free core and a clear gain passes."""
    data = os.urandom(64 << 20)
    start, _ = pairs
    submitted = start.astype("datetime64[m]") + np.timedelta64(10 * 60 + 30, "m")

    def one():
        office.legal_due(submitted, "22 working days")

    one()  # warm the tables
    rounds = []
    for _ in range(3):
        reference = _ratio(lambda: hashlib.sha256(data).digest())
        if reference > 0.8:
            rounds.append((None, reference))
            continue
        ratio = _ratio(one)
        rounds.append((ratio, reference))
        if ratio < max(0.9, reference + 0.15):
            return
    if all(r is None for r, _ in rounds):
        pytest.skip(f"no free second core now (hashlib's two-thread ratios {[round(x, 2) for _, x in rounds]})")
    raise AssertionError(f"two threads gained nothing in any round with a free core: {rounds}")

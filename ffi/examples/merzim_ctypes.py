#!/usr/bin/env python3
"""Calling merzim from Python with ctypes: a copyable example.

Loads libmerzim.so from $MERZIM_LIB, or else from target/release/ next to this
repository (build it with `cargo build -p merzim-ffi --release`). Declares
argtypes/restype for every function used, checks every status, frees every
string and error it is given. Run it: it asserts its results, so CI runs it as
a test.
"""

import ctypes
import json
import os
import sys
from ctypes import POINTER, Structure, byref, c_char_p, c_int32, c_int64, c_size_t, c_uint32, c_void_p

# Status codes, as in ffi/include/merzim.h.
MERZIM_OK = 0
MERZIM_ERR_OUT_OF_COVERAGE = 1
MERZIM_ERR_INVALID_ARGUMENT = 2
MERZIM_ERR_INVALID_DATA = 3
MERZIM_ERR_INVALID_REGULATION = 4
MERZIM_ERR_IO = 5
MERZIM_ERR_NULL_POINTER = 6
MERZIM_ERR_PANIC = 7
MERZIM_ERR_OTHER = 99

# The enums of merzim_legal_due, as in ffi/include/merzim.h (fixed values).
MERZIM_CHANNEL_PROVIDER, MERZIM_CHANNEL_PORTAL, MERZIM_CHANNEL_STATE_CORPORATION = 0, 1, 2
MERZIM_START_SUBMISSION_DAY, MERZIM_START_NEXT_DAY = 0, 1
MERZIM_END_CLOSE_OF_BUSINESS, MERZIM_END_MIDNIGHT = 0, 1
(MERZIM_UNIT_MINUTES, MERZIM_UNIT_HOURS, MERZIM_UNIT_WORKING_DAYS,
 MERZIM_UNIT_CALENDAR_DAYS, MERZIM_UNIT_MONTHS) = 1, 2, 3, 4, 5


class MerzimDue(Structure):
    """struct merzim_due: dates yyyymmdd, times yyyymmddhhmm (local), offsets in seconds."""
    _fields_ = [
        ("registered", c_int32),
        ("day_one", c_int32),         # 0 for terms in minutes or hours
        ("last_day", c_int32),
        ("provisional", c_int32),
        ("due", c_int64),
        ("handoff", c_int64),         # 0 when there is none
        ("due_utc_offset", c_int32),
        ("handoff_utc_offset", c_int32),
    ]


def load_library():
    path = os.environ.get("MERZIM_LIB")
    if not path:
        here = os.path.dirname(os.path.abspath(__file__))
        name = {"darwin": "libmerzim.dylib", "win32": "merzim.dll"}.get(sys.platform, "libmerzim.so")
        path = os.path.join(here, "..", "..", "target", "release", name)
    lib = ctypes.CDLL(path)

    # Opaque handles are plain void pointers on the Python side.
    lib.merzim_version.argtypes = []
    lib.merzim_version.restype = c_char_p  # static: never freed
    lib.merzim_data_version.argtypes = []
    lib.merzim_data_version.restype = c_char_p
    lib.merzim_status_name.argtypes = [c_int32]
    lib.merzim_status_name.restype = c_char_p

    lib.merzim_calendar_kazakhstan.argtypes = []
    lib.merzim_calendar_kazakhstan.restype = c_void_p
    lib.merzim_calendar_load.argtypes = [c_char_p, c_size_t, POINTER(c_void_p), POINTER(c_void_p)]
    lib.merzim_calendar_load.restype = c_int32
    lib.merzim_calendar_free.argtypes = [c_void_p]
    lib.merzim_calendar_free.restype = None

    lib.merzim_is_working_day.argtypes = [c_void_p, c_int32, POINTER(c_int32)]
    lib.merzim_is_working_day.restype = c_int32
    lib.merzim_add_working_days.argtypes = [c_void_p, c_int32, c_int32, POINTER(c_int32)]
    lib.merzim_add_working_days.restype = c_int32
    lib.merzim_working_days_between.argtypes = [c_void_p, c_int32, c_int32, POINTER(c_int32)]
    lib.merzim_working_days_between.restype = c_int32
    lib.merzim_add_working_days_bulk.argtypes = [
        c_void_p, POINTER(c_int32), POINTER(c_int32), c_size_t, POINTER(c_int32), POINTER(c_size_t)]
    lib.merzim_add_working_days_bulk.restype = c_int32

    # The output string is caller-owned: declare it as c_void_p (not c_char_p,
    # which would copy and lose the pointer) and free it with merzim_string_free.
    lib.merzim_eval_json.argtypes = [c_char_p, POINTER(c_void_p)]
    lib.merzim_eval_json.restype = c_int32
    lib.merzim_eval_json_with.argtypes = [c_void_p, c_char_p, POINTER(c_void_p)]
    lib.merzim_eval_json_with.restype = c_int32
    lib.merzim_string_free.argtypes = [c_void_p]
    lib.merzim_string_free.restype = None

    # Legal terms as typed calls: the enums cross as int32, the answer as a struct.
    lib.merzim_legal_due.argtypes = [
        c_void_p, c_int64, c_uint32, c_int32, c_int32, c_int32, c_int32, POINTER(MerzimDue), POINTER(c_void_p)]
    lib.merzim_legal_due.restype = c_int32
    lib.merzim_legal_due_bulk.argtypes = [
        c_void_p, POINTER(c_int64), c_size_t, c_uint32, c_int32, c_int32, c_int32, c_int32,
        POINTER(MerzimDue), POINTER(c_int32), POINTER(c_size_t), POINTER(c_void_p)]
    lib.merzim_legal_due_bulk.restype = c_int32

    lib.merzim_error_message.argtypes = [c_void_p]
    lib.merzim_error_message.restype = c_char_p
    lib.merzim_error_kind.argtypes = [c_void_p]
    lib.merzim_error_kind.restype = c_int32
    lib.merzim_error_free.argtypes = [c_void_p]
    lib.merzim_error_free.restype = None
    return lib


class MerzimError(Exception):
    def __init__(self, status, message):
        super().__init__(f"{message} (status {status})")
        self.status = status


lib = load_library()


def status_name(status):
    return lib.merzim_status_name(status).decode()


def check(status, what):
    if status != MERZIM_OK:
        raise MerzimError(status, f"{what}: {status_name(status)}")


def is_working_day(cal, yyyymmdd):
    out = c_int32()
    check(lib.merzim_is_working_day(cal, yyyymmdd, byref(out)), f"is_working_day({yyyymmdd})")
    return bool(out.value)


def add_working_days(cal, yyyymmdd, n):
    out = c_int32()
    check(lib.merzim_add_working_days(cal, yyyymmdd, n, byref(out)), f"add_working_days({yyyymmdd}, {n})")
    return out.value


def working_days_between(cal, a, b):
    out = c_int32()
    check(lib.merzim_working_days_between(cal, a, b, byref(out)), f"working_days_between({a}, {b})")
    return out.value


def add_working_days_bulk(cal, dates, ns):
    k = len(dates)
    arr = c_int32 * k
    out, failed = arr(), c_size_t()
    status = lib.merzim_add_working_days_bulk(cal, arr(*dates), arr(*ns), k, out, byref(failed))
    if status != MERZIM_OK:
        raise MerzimError(status, f"add_working_days_bulk: element {failed.value}: {status_name(status)}")
    return list(out)


def _raise_error(status, err):
    """Raises the error `err` (a merzim_error *, freed here)."""
    message = lib.merzim_error_message(err).decode() if err.value else status_name(status)
    lib.merzim_error_free(err)
    raise MerzimError(status, message)


def legal_due(cal, submitted, amount, unit, channel=MERZIM_CHANNEL_PROVIDER,
              start=MERZIM_START_SUBMISSION_DAY, end=MERZIM_END_CLOSE_OF_BUSINESS):
    """The legal term `amount` `unit` for a submission at `submitted`
    (yyyymmddhhmm, the office's local time): a MerzimDue."""
    out, err = MerzimDue(), c_void_p()
    status = lib.merzim_legal_due(cal, submitted, amount, unit, channel, start, end, byref(out), byref(err))
    if status != MERZIM_OK:
        _raise_error(status, err)
    return out


def legal_due_bulk(cal, submitted, amount, unit, channel=MERZIM_CHANNEL_PROVIDER,
                   start=MERZIM_START_SUBMISSION_DAY, end=MERZIM_END_CLOSE_OF_BUSINESS):
    """merzim_legal_due_bulk: (answers, statuses); every item is computed, a
    failing item has its status and an all-zero answer."""
    k = len(submitted)
    out, status = (MerzimDue * k)(), (c_int32 * k)(*([-1] * k))  # -1: not computed
    failed, err = c_size_t(), c_void_p()
    s = lib.merzim_legal_due_bulk(cal, (c_int64 * k)(*submitted), k, amount, unit, channel, start, end,
                                  out, status, byref(failed), byref(err))
    lib.merzim_error_free(err)  # the first failing item's message, unused here
    if s != MERZIM_OK and k and all(x == -1 for x in status):
        raise MerzimError(s, "legal_due_bulk: the arguments common to all items are wrong")
    return list(out), list(status)


def iso(t):
    """yyyymmddhhmm -> "YYYY-MM-DDTHH:MM:00"."""
    d, hm = divmod(t, 10000)
    return f"{d // 10000:04d}-{d // 100 % 100:02d}-{d % 100:02d}T{hm // 100:02d}:{hm % 100:02d}:00"


def rfc3339(t, offset):
    """yyyymmddhhmm and an offset in seconds -> the contract's RFC 3339 text."""
    sign, off = ("+", offset) if offset >= 0 else ("-", -offset)
    return f"{iso(t)}{sign}{off // 3600:02d}:{off % 3600 // 60:02d}"


def eval_json(request, cal=None):
    """One batch line in, (status, output dict) out. The output is set even
    when the status is an error: it is then the contract's error object."""
    out = c_void_p()
    line = json.dumps(request).encode()
    if cal is None:
        status = lib.merzim_eval_json(line, byref(out))
    else:
        status = lib.merzim_eval_json_with(cal, line, byref(out))
    if not out.value:
        raise MerzimError(status, f"eval_json: {status_name(status)}")
    try:
        text = ctypes.string_at(out.value).decode()
    finally:
        lib.merzim_string_free(out)
    return status, json.loads(text), text


def load_calendar(toml_text):
    """The built-in data plus an overlay; free the result with merzim_calendar_free."""
    data = toml_text.encode()
    cal, err = c_void_p(), c_void_p()
    status = lib.merzim_calendar_load(data, len(data), byref(cal), byref(err))
    if status != MERZIM_OK:
        message = lib.merzim_error_message(err).decode()
        lib.merzim_error_free(err)
        raise MerzimError(status, message)
    return cal


def main():
    print("merzim", lib.merzim_version().decode(), "data", lib.merzim_data_version().decode())
    kz = lib.merzim_calendar_kazakhstan()  # built-in: never freed
    assert kz

    # Working days; dates are yyyymmdd integers.
    assert is_working_day(kz, 20260320)          # Friday
    assert not is_working_day(kz, 20260323)      # Nauryz
    assert is_working_day(kz, 20240504)          # a working Saturday
    assert add_working_days(kz, 20260320, 1) == 20260326
    assert add_working_days(kz, 20260321, 0) == 20260326  # n = 0 rolls forward
    assert working_days_between(kz, 20260320, 20260326) == 1
    assert add_working_days_bulk(kz, [20260320, 20260326], [1, -1]) == [20260326, 20260320]

    # Errors are status codes.
    for call, want in [
        (lambda: is_working_day(kz, 20260231), MERZIM_ERR_INVALID_ARGUMENT),   # impossible date
        (lambda: add_working_days(kz, 20271231, 5), MERZIM_ERR_OUT_OF_COVERAGE),
        (lambda: is_working_day(None, 20260320), MERZIM_ERR_NULL_POINTER),
        (lambda: add_working_days_bulk(kz, [20260320, 20260231], [1, 1]), MERZIM_ERR_INVALID_ARGUMENT),
    ]:
        try:
            call()
        except MerzimError as e:
            assert e.status == want, (e, want)
            print("expected error:", e)
        else:
            raise AssertionError(f"expected status {want}")

    # The batch contract.
    status, out, text = eval_json({"id": "a1", "submitted": "2026-03-20T16:30:00", "term": "22 working days"})
    assert status == MERZIM_OK
    # ... then the date the data was last checked, "data_as_of":"YYYY-MM-DD".
    assert text.startswith('{"id":"a1","registered":"2026-03-20","day_one":"2026-03-20","last_day":"2026-04-23","due":"2026-04-23T18:30:00+05:00","provisional":false,"data_as_of":"'), text
    assert len(out["data_as_of"]) == 10, out
    print("a1 due", out["due"])

    status, out, _ = eval_json({"id": "r1", "regulation": "akmola-2014-cadastral-value",
                                "submitted": "2014-07-01T10:00:00"})
    assert status == MERZIM_OK
    assert out["end"] == "2014-07-03T10:50:00+06:00", out
    assert [s["number"] for s in out["steps"]] == [1, 2, 3, 4, 5]

    status, out, _ = eval_json({"id": "bad", "submitted": "2026-02-31T10:00:00", "term": "1 working day"})
    assert status == MERZIM_ERR_INVALID_ARGUMENT
    assert out["id"] == "bad" and out["error"]["kind"] == "invalid_input", out
    print("expected error object:", out["error"]["message"])

    # A legal term as a typed call, checked against the batch contract for the
    # same request (the two give the same answer, field for field).
    channels = {MERZIM_CHANNEL_PROVIDER: "provider", MERZIM_CHANNEL_PORTAL: "portal",
                MERZIM_CHANNEL_STATE_CORPORATION: "state_corporation"}
    for channel, name in channels.items():
        d = legal_due(kz, 202603201630, 22, MERZIM_UNIT_WORKING_DAYS, channel)
        status, want, _ = eval_json({"id": 1, "submitted": "2026-03-20T16:30:00", "term": "22 working days",
                                     "channel": name})
        assert status == MERZIM_OK
        assert rfc3339(d.due, d.due_utc_offset) == want["due"], (name, d.due, want)
        assert f"{d.registered}" == want["registered"].replace("-", ""), (name, want)
        assert f"{d.last_day}" == want["last_day"].replace("-", ""), (name, want)
        got_handoff = rfc3339(d.handoff, d.handoff_utc_offset) if d.handoff else None
        assert got_handoff == want.get("handoff"), (name, got_handoff, want)
        assert bool(d.provisional) == want["provisional"]
        print(f"legal_due {name}: due {rfc3339(d.due, d.due_utc_offset)}, handoff {got_handoff}")
    # Not add_working_days: on the provider channel day 1 is the registration date.
    d = legal_due(kz, 202603201630, 22, MERZIM_UNIT_WORKING_DAYS)
    assert d.last_day == add_working_days(kz, d.registered, 21) != add_working_days(kz, d.registered, 22)
    # An enum value outside its enum is an error with a message, not a crash.
    try:
        legal_due(kz, 202603201630, 22, 9)
    except MerzimError as e:
        assert e.status == MERZIM_ERR_INVALID_ARGUMENT and "9 is not a merzim_unit" in str(e), e
        print("expected error:", e)
    else:
        raise AssertionError("unit 9 must fail")
    # Bulk: every item computed, each with its status.
    subs = [202603201630, 202602311000, 202403011000]
    out, status = legal_due_bulk(kz, subs, 30, MERZIM_UNIT_CALENDAR_DAYS, MERZIM_CHANNEL_PORTAL)
    assert status == [MERZIM_OK, MERZIM_ERR_INVALID_ARGUMENT, MERZIM_OK], status
    for t, o, st in zip(subs, out, status):
        if st == MERZIM_OK:
            one = legal_due(kz, t, 30, MERZIM_UNIT_CALENDAR_DAYS, MERZIM_CHANNEL_PORTAL)
            assert (o.due, o.registered, o.last_day) == (one.due, one.registered, one.last_day)
        else:
            assert o.due == 0

    # A calendar with an overlay (a new transfer order).
    cal = load_calendar('[[act]]\nid = "example-order"\nsource = "an example"\n'
                        '[[act.transfer]]\nday_off = "2027-01-08"\nworking_day = "2027-01-16"\n')
    try:
        assert not is_working_day(cal, 20270108)
        assert is_working_day(kz, 20270108)
        status, out, _ = eval_json({"id": 1, "submitted": "2027-01-06T10:00:00", "term": "2 working days"}, cal)
        assert status == MERZIM_OK and out["due"] == "2027-01-11T18:30:00+05:00", out
    finally:
        lib.merzim_calendar_free(cal)

    try:
        load_calendar("[[act]]\nid = \"x\"\nsource = \n")
    except MerzimError as e:
        assert e.status == MERZIM_ERR_INVALID_DATA and "line 3" in str(e), e
        print("expected error:", e)
    else:
        raise AssertionError("a bad overlay must fail")

    print("merzim_ctypes.py: all checks passed")


if __name__ == "__main__":
    main()

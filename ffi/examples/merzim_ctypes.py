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
from ctypes import POINTER, byref, c_char_p, c_int32, c_size_t, c_void_p

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
    assert text == '{"id":"a1","registered":"2026-03-20","day_one":"2026-03-20","last_day":"2026-04-23","due":"2026-04-23T18:30:00+05:00","provisional":false}', text
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

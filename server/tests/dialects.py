#!/usr/bin/env python3
"""Reads every drop-in dialect of a running merzim-server back with parsers
that are not merzim's (Python's xml.etree and csv, the icalendar package) and
compares it with the service's own calendar, every day of the coverage.

    python3 server/tests/dialects.py http://127.0.0.1:8080
"""

import csv
import io
import json
import sys
import urllib.request
import xml.etree.ElementTree as ET
from datetime import date, timedelta

import icalendar

BASE = sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8080"
failures = []


def get(path, accept=None):
    req = urllib.request.Request(BASE + path)
    if accept:
        req.add_header("Accept", accept)
    with urllib.request.urlopen(req, timeout=60) as r:
        return r.status, r.read().decode("utf-8")


def check(cond, what):
    if not cond:
        failures.append(what)
        if len(failures) < 20:
            print("MISMATCH:", what, file=sys.stderr)


version = json.loads(get("/v1/version")[1])
first = int(version["coverage"]["from"][:4])
last = int(version["coverage"]["to"][:4])
years = range(first, last + 1)

HOLIDAYS = {"holiday", "religious_day_off"}
calendars = {}  # week -> {date: day}
for week in ("five", "six"):
    days = {}
    for y in years:
        j = json.loads(get(f"/v1/calendar/{y}.json?week={week}")[1])
        check(j["week"] == week, f"{y} week {j['week']}")
        for d in j["days"]:
            days[date.fromisoformat(d["date"])] = d
    calendars[week] = days
five, six = calendars["five"], calendars["six"]
n_days = len(five)
print(f"calendar: {n_days} days, {first}-{last}")

# isdayoff: one digit a day.
for week, sd in (("five", "0"), ("six", "1")):
    for y in years:
        digits = get(f"/api/getdata?year={y}&cc=kz&sd={sd}")[1]
        d = date(y, 1, 1)
        for c in digits:
            check(c in "01", f"isdayoff digit {c!r}")
            check((c == "0") == calendars[week][d]["working"], f"isdayoff {d} sd={sd}: {c}")
            d += timedelta(days=1)
        check(d == date(y + 1, 1, 1), f"isdayoff {y}: {len(digits)} digits")
print("isdayoff: ok" if not failures else "isdayoff: FAILED")

# Nager.Date v3: the public holidays.
for y in years:
    got = [h["date"] for h in json.loads(get(f"/api/v3/PublicHolidays/{y}/KZ")[1])]
    want = [str(d) for d, v in sorted(five.items()) if d.year == y and v["kind"] in HOLIDAYS]
    check(got == want, f"nager {y}: {set(got) ^ set(want)}")
print("Nager.Date: ok" if not failures else "Nager.Date: FAILED")

# CSV, read by the csv module.
for y in years:
    rows = list(csv.DictReader(io.StringIO(get(f"/v1/calendar/{y}.csv")[1])))
    check(len(rows) == sum(1 for d in five if d.year == y), f"csv {y}: {len(rows)} rows")
    for r in rows:
        d = five[date.fromisoformat(r["date"])]
        check(r["working"] == str(d["working"]).lower(), f"csv {r['date']}")
        check(r["kind"] == d["kind"], f"csv {r['date']} kind")
print("CSV: ok" if not failures else "CSV: FAILED")

# iCalendar, read by the icalendar package: an event for each day that is not
# what its weekday says (a day off on a weekday, a working weekend day).
for week, cal in (("five", five), ("six", six)):
    rest = {5, 6} if week == "five" else {6}
    for y in years:
        ics = icalendar.Calendar.from_ical(get(f"/v1/calendar/{y}.ics?week={week}")[1])
        events = {}
        for e in ics.walk("VEVENT"):
            start = e.decoded("DTSTART")
            events[start] = e
        for d, v in cal.items():
            if d.year != y:
                continue
            unusual = v["working"] == (d.weekday() in rest)
            check((d in events) == unusual, f"ics {d} week={week}: event {d in events}, day {v['kind']}")
print("iCalendar: ok" if not failures else "iCalendar: FAILED")

# 1C CalendarSuppliedData, read by xml.etree.
for week, cal in (("five", five), ("six", six)):
    root = ET.fromstring(get(f"/v1/1c/calendar?from={first}&to={last}&week={week}")[1])
    check(root.tag == "CalendarSuppliedData", "1c root")
    calendars_items = root.find("Calendars/Items")
    codes = [i.get("Code") for i in calendars_items.findall("Item")]
    check(codes == ["KZ"], f"1c calendars {codes}")
    items = root.find("CalendarData/Items")
    check(items.get("Columns") == "Calendar,Year,DayType,Date,SwapDate", "1c columns")
    rows = {}
    for i in items.findall("Item"):
        d = date(int(i.get("Date")[:4]), int(i.get("Date")[4:6]), int(i.get("Date")[6:]))
        rows[d] = i
    check(len(rows) == len(cal), f"1c {week}: {len(rows)} rows, {len(cal)} days")
    for d, v in cal.items():
        i = rows.get(d)
        if i is None:
            check(False, f"1c {d} missing")
            continue
        t = i.get("DayType")
        check(i.get("Year") == str(d.year), f"1c {d} year")
        check(t in {"Work", "Saturday", "Sunday", "Holiday", "Nonworking"}, f"1c {d} type {t}")
        check((t == "Work") == v["working"], f"1c {d} week={week}: {t} vs {v['kind']}")
        if v["kind"] in HOLIDAYS:
            check(t == "Holiday", f"1c {d}: {t} vs {v['kind']}")
        if v["kind"] == "weekend":
            check(t == ("Saturday" if d.weekday() == 5 else "Sunday"), f"1c {d}: {t}")
        swap = i.get("SwapDate")
        if v["kind"] in {"transferred_day_off", "working_weekend"}:
            s = date(int(swap[:4]), int(swap[4:6]), int(swap[6:]))
            other = rows.get(s)
            if other is not None:
                check(other.get("SwapDate") == d.strftime("%Y%m%d"), f"1c swap {d} <-> {s}")
print("1C: ok" if not failures else "1C: FAILED")

if failures:
    print(f"{len(failures)} mismatches", file=sys.stderr)
    sys.exit(1)
print(f"all dialects agree with the calendar on every day {first}-{last}")

import datetime as dt

import pytest

import merzim


@pytest.fixture(scope="session")
def cal():
    return merzim.Calendar.kazakhstan()


@pytest.fixture(scope="session")
def office(cal):
    return merzim.Office(cal)


@pytest.fixture(scope="session")
def east():
    return merzim.Regulation.bundled("east-kazakhstan-2016-land-purpose-change")


def aware(s: str) -> dt.datetime:
    """'2026-04-23 18:30 +05:00' as an aware datetime."""
    return dt.datetime.strptime(s, "%Y-%m-%d %H:%M %z")

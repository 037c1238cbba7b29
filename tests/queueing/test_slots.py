"""Pure queue arithmetic: sessions of a day, breaks, spoken numbers, the wait estimate."""

import datetime as dt
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from queueing import slots

WIB = ZoneInfo("Asia/Jakarta")


def test_day_slots_cover_office_hours_in_whole_sessions():
    window = (dt.datetime(2026, 11, 27, 8, 0, tzinfo=WIB), dt.datetime(2026, 11, 27, 11, 0, tzinfo=WIB))
    got = slots.day_slots(window, 45)
    assert got[0] == (dt.time(8, 0), dt.time(8, 45))
    assert got[-1] == (dt.time(10, 15), dt.time(11, 0))
    assert len(got) == 4
    assert slots.day_slots(None, 30) == []


@pytest.mark.parametrize(
    ("code", "spoken"),
    [("A012", "A nol satu dua"), ("B100", "B satu nol nol"), ("C7", "C tujuh")],
)
def test_spoken_code_reads_digits_in_indonesian(code, spoken):
    assert slots.spoken_code(code) == spoken


def test_break_applies_on_its_weekday_only():
    ishoma = SimpleNamespace(weekday=1, starts_at=dt.time(12), ends_at=dt.time(12, 30), label="ISHOMA")
    tuesday_noon = dt.datetime(2026, 11, 24, 12, 10, tzinfo=WIB)
    assert slots.in_break(tuesday_noon, [ishoma]) is ishoma
    assert slots.in_break(tuesday_noon.replace(minute=30), [ishoma]) is None
    assert slots.in_break(dt.datetime(2026, 11, 25, 12, 10, tzinfo=WIB), [ishoma]) is None


@pytest.mark.parametrize(
    ("ahead", "minutes", "counters", "expected"),
    [(0, 10, 1, 0), (3, 10, 1, 30), (3, 10, 2, 15), (5, 7, 3, 12), (4, 10, 0, 40)],
)
def test_wait_is_people_ahead_times_median_over_open_counters(ahead, minutes, counters, expected):
    assert (
        slots.estimated_wait_minutes(ahead=ahead, median_service_minutes=minutes, open_counters=counters)
        == expected
    )


def test_median():
    assert slots.median([]) is None
    assert slots.median([3, 1, 2]) == 2
    assert slots.median([4, 1, 2, 3]) == 2.5

"""The working-day calendar and SLA clock (DOMAIN.md, "Calendar and SLA clock").

Every expected value is worked out by hand in the case's comment. 2026 facts used throughout
(holidays 0.109, matching SKB 3 Menteri 1497/2/5 of 2025):
- 18-24 Mar 2026 are closed: 18 cuti bersama Nyepi, 19 Nyepi, 20 cuti bersama Idul Fitri,
  21-22 Idul Fitri (a weekend), 23-24 cuti bersama Idul Fitri.
- Fri 3 Apr 2026 is Wafat Yesus Kristus; Thu 24 Dec 2026 is cuti bersama, Fri 25 Dec is Natal.
- Fri 1 Jan 2027 is Tahun Baru Masehi, Tue 5 Jan 2027 is Isra Mikraj.
Probolinggo hours: Mon-Thu 08:00-14:00 (360 min), Fri 08:00-11:00 (180 min), weekend closed.
"""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from agencies.workcalendar import (
    PROBOLINGGO_HOURS,
    SOURCE_CUTI_BERSAMA,
    SOURCE_LIBUR_NASIONAL,
    WorkCalendar,
    indonesian_closed_days,
    indonesian_closed_days_by_source,
)

WIB = ZoneInfo("Asia/Jakarta")
WITA = ZoneInfo("Asia/Makassar")

PROBOLINGGO = WorkCalendar.build("Asia/Jakarta", PROBOLINGGO_HOURS, years=(2026, 2027))

SATURDAY_OPEN_HOURS = {
    **{weekday: (time(8, 0), time(15, 0)) for weekday in range(5)},
    5: (time(8, 0), time(12, 0)),
}


def wib(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=WIB)


def wita(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=WITA)


@pytest.fixture(autouse=True)
def _clear_cache():
    """Overrides tests/conftest.py's cache reset: this module is pure Python and runs without Django."""
    yield


CUTI_BERSAMA_2026 = {
    date(2026, 2, 16),
    date(2026, 3, 18),
    date(2026, 3, 20),
    date(2026, 3, 23),
    date(2026, 3, 24),
    date(2026, 5, 15),
    date(2026, 5, 28),
    date(2026, 12, 24),
}


# --- closed days from the holidays package ---------------------------------------------------


def test_2026_cuti_bersama_and_national_holidays_match_the_decree():
    by_source = indonesian_closed_days_by_source([2026])
    cuti_bersama = {day for day, (_, source) in by_source.items() if source == SOURCE_CUTI_BERSAMA}
    national = {day for day, (_, source) in by_source.items() if source == SOURCE_LIBUR_NASIONAL}

    assert cuti_bersama == CUTI_BERSAMA_2026
    assert len(national) == 17
    assert by_source[date(2026, 12, 24)] == ("Cuti Bersama Hari Raya Natal", SOURCE_CUTI_BERSAMA)
    assert by_source[date(2026, 8, 17)] == (
        "Hari Kemerdekaan Republik Indonesia",
        SOURCE_LIBUR_NASIONAL,
    )


def test_closed_days_are_the_union_of_both_categories_in_indonesian():
    closed = indonesian_closed_days(range(2026, 2027))
    by_source = indonesian_closed_days_by_source([2026])

    assert len(closed) == 17 + 8
    assert closed == {day: name for day, (name, _) in by_source.items()}
    assert closed[date(2026, 3, 19)] == "Hari Suci Nyepi"


def test_worked_example_premise_18_to_24_march_2026_are_closed():
    closed_days = [date(2026, 3, day) for day in range(18, 25)]

    assert not any(PROBOLINGGO.is_working_day(day) for day in closed_days)
    assert PROBOLINGGO.is_working_day(date(2026, 3, 17))
    assert PROBOLINGGO.next_working_day(date(2026, 3, 17)) == date(2026, 3, 25)


# --- deadline_after ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "working_days", "expected"),
    [
        pytest.param(
            # DOMAIN.md worked example: day 1 Tue 17 Mar; 18-24 closed; days 2-5 are 25, 26, 27,
            # 30 Mar -> end of office hours Mon 30 Mar.
            wib(2026, 3, 16, 10),
            5,
            wib(2026, 3, 30, 14),
            id="domain-worked-example",
        ),
        pytest.param(
            # Same instant given in UTC (03:00 UTC = 10:00 WIB).
            datetime(2026, 3, 16, 3, 0, tzinfo=UTC),
            5,
            wib(2026, 3, 30, 14),
            id="start-given-in-utc",
        ),
        pytest.param(
            # Fri 13:00 is after Friday's 11:00 close; still day 1 is the next working day, Mon.
            wib(2026, 4, 10, 13),
            1,
            wib(2026, 4, 13, 14),
            id="friday-afternoon-1-day",
        ),
        pytest.param(
            # Fri afternoon, 2 days: Mon 13 (1), Tue 14 (2).
            wib(2026, 4, 10, 13),
            2,
            wib(2026, 4, 14, 14),
            id="friday-afternoon-2-days",
        ),
        pytest.param(
            # Fri morning, 1 day: Sat and Sun closed, day 1 Mon 13 Apr.
            wib(2026, 4, 10, 9),
            1,
            wib(2026, 4, 13, 14),
            id="one-day-across-weekend",
        ),
        pytest.param(
            # Sat is closed: day 1 is the next working day after Sat, Mon 13 Apr.
            wib(2026, 4, 11, 9),
            1,
            wib(2026, 4, 13, 14),
            id="start-on-saturday",
        ),
        pytest.param(
            # 0 days from a closed day: end of the next working day, Mon 13 Apr.
            wib(2026, 4, 11, 9),
            0,
            wib(2026, 4, 13, 14),
            id="start-on-saturday-0-days",
        ),
        pytest.param(
            # Mon 06:30 is before opening; day 1 is still Tue 14 Apr.
            wib(2026, 4, 13, 6, 30),
            1,
            wib(2026, 4, 14, 14),
            id="start-before-opening",
        ),
        pytest.param(
            # 0 days on a working day: end of that day's office hours.
            wib(2026, 4, 13, 6, 30),
            0,
            wib(2026, 4, 13, 14),
            id="start-before-opening-0-days",
        ),
        pytest.param(
            # 0 days on a working day after closing: still that day's 14:00 (rule as specified),
            # i.e. a same-day service received after hours is already due.
            wib(2026, 4, 13, 15),
            0,
            wib(2026, 4, 13, 14),
            id="start-after-closing-0-days",
        ),
        pytest.param(
            # Thu 9 Apr, 1 day: day 1 is Fri 10 Apr, which closes at 11:00.
            wib(2026, 4, 9, 10),
            1,
            wib(2026, 4, 10, 11),
            id="due-on-friday-short-day",
        ),
        pytest.param(
            # Thu 2 Apr, 1 day: Fri 3 Apr is Wafat Yesus Kristus, weekend -> Mon 6 Apr.
            wib(2026, 4, 2, 10),
            1,
            wib(2026, 4, 6, 14),
            id="skips-good-friday",
        ),
        pytest.param(
            # Started on Nyepi (Thu 19 Mar, closed): 20-24 closed -> day 1 Wed 25 Mar.
            wib(2026, 3, 19, 9),
            1,
            wib(2026, 3, 25, 14),
            id="start-on-holiday",
        ),
        pytest.param(
            # Wed 23 Dec, 1 day: 24 cuti bersama, 25 Natal, weekend -> Mon 28 Dec.
            wib(2026, 12, 23, 10),
            1,
            wib(2026, 12, 28, 14),
            id="christmas-cuti-bersama",
        ),
        pytest.param(
            # Wed 30 Dec, 3 days: Thu 31 Dec (1), Fri 1 Jan closed, weekend, Mon 4 Jan (2),
            # Tue 5 Jan Isra Mikraj closed, Wed 6 Jan (3).
            wib(2026, 12, 30, 10),
            3,
            wib(2027, 1, 6, 14),
            id="across-new-year",
        ),
    ],
)
def test_deadline_after(start, working_days, expected):
    deadline = PROBOLINGGO.deadline_after(start, working_days)

    assert deadline == expected
    assert deadline.tzinfo == WIB


@pytest.mark.parametrize("working_days", [1, 5, 20, 60, 250])
def test_deadline_is_exactly_n_working_days_ahead(working_days):
    start = wib(2026, 1, 5, 9)

    deadline = PROBOLINGGO.deadline_after(start, working_days)

    assert PROBOLINGGO.working_days_left(start, deadline) == working_days
    assert deadline == PROBOLINGGO.office_window(deadline.date())[1]


# --- pause: office_minutes_between and shift_for_pause ---------------------------------------


@pytest.mark.parametrize(
    ("deadline", "paused_from", "paused_until", "minutes", "expected"),
    [
        pytest.param(
            # DOMAIN.md: Tue 17 Mar 10:00-14:00 (240) + 18-24 closed + Wed 25 Mar 08:00-10:00
            # (120) = 360; Mon 30 Mar 14:00 + 360 = all of Tue 31 Mar -> Tue 31 Mar 14:00.
            wib(2026, 3, 30, 14),
            wib(2026, 3, 17, 10),
            wib(2026, 3, 25, 10),
            360,
            wib(2026, 3, 31, 14),
            id="domain-worked-example",
        ),
        pytest.param(
            # Thu 2 Apr 12:00-14:00 (120) + Fri 3 Apr Good Friday (0) + weekend (0)
            # + Mon 6 Apr 08:00-09:00 (60) = 180; Wed 8 Apr 14:00 + 180 -> Thu 9 Apr 11:00.
            wib(2026, 4, 8, 14),
            wib(2026, 4, 2, 12),
            wib(2026, 4, 6, 9),
            180,
            wib(2026, 4, 9, 11),
            id="pause-across-holiday",
        ),
        pytest.param(
            # Mon 14:30 to Tue 07:45 lies between closing and opening: 0, deadline unchanged.
            wib(2026, 4, 15, 14),
            wib(2026, 4, 13, 14, 30),
            wib(2026, 4, 14, 7, 45),
            0,
            wib(2026, 4, 15, 14),
            id="pause-outside-office-hours",
        ),
        pytest.param(
            # Fri 11:00 (closing) to Mon 08:00 (opening): 0, deadline unchanged.
            wib(2026, 4, 15, 14),
            wib(2026, 4, 10, 11),
            wib(2026, 4, 13, 8),
            0,
            wib(2026, 4, 15, 14),
            id="pause-over-weekend-only",
        ),
        pytest.param(
            # Mon 6 Apr 09:00-14:00 = 300; Thu 9 Apr 14:00 + 300: Fri 08:00-11:00 takes 180,
            # the remaining 120 run Mon 13 Apr 08:00-10:00.
            wib(2026, 4, 9, 14),
            wib(2026, 4, 6, 9),
            wib(2026, 4, 6, 14),
            300,
            wib(2026, 4, 13, 10),
            id="shift-spills-over-short-friday",
        ),
    ],
)
def test_shift_for_pause(deadline, paused_from, paused_until, minutes, expected):
    assert PROBOLINGGO.office_minutes_between(paused_from, paused_until) == minutes
    assert PROBOLINGGO.shift_for_pause(deadline, paused_from, paused_until) == expected


@pytest.mark.parametrize(
    ("a", "b", "minutes"),
    [
        # b before a, and an empty range: nothing elapsed.
        pytest.param(wib(2026, 4, 14, 10), wib(2026, 4, 13, 10), 0, id="reversed"),
        pytest.param(wib(2026, 4, 13, 10), wib(2026, 4, 13, 10), 0, id="empty"),
        # Mon 13 - Sun 19 Apr: 4 x 360 + Fri 180 = 1620.
        pytest.param(wib(2026, 4, 13), wib(2026, 4, 20), 1620, id="whole-week"),
        # 30 seconds round down to 0 whole minutes.
        pytest.param(datetime(2026, 4, 13, 13, 59, 30, tzinfo=WIB), wib(2026, 4, 13, 14), 0, id="seconds"),
        # Wed 23 Dec 08:00 to Mon 28 Dec 08:00: Wed 360, Thu cuti bersama, Fri Natal, weekend.
        pytest.param(wib(2026, 12, 23, 8), wib(2026, 12, 28, 8), 360, id="christmas"),
    ],
)
def test_office_minutes_between(a, b, minutes):
    assert PROBOLINGGO.office_minutes_between(a, b) == minutes


# --- add_office_minutes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("at", "minutes", "expected"),
    [
        # From Mon's closing, 360 minutes fill Tue 08:00-14:00 and stop at its close, not Wed 08:00.
        pytest.param(wib(2026, 4, 13, 14), 360, wib(2026, 4, 14, 14), id="lands-on-window-end"),
        # One more minute spills into Wed.
        pytest.param(wib(2026, 4, 13, 14), 361, wib(2026, 4, 15, 8, 1), id="one-past-window-end"),
        # 0 minutes never moves, even outside office hours (Sat).
        pytest.param(wib(2026, 4, 11, 10), 0, wib(2026, 4, 11, 10), id="zero-on-closed-day"),
        # Before opening the count starts at 08:00.
        pytest.param(wib(2026, 4, 13, 7), 1, wib(2026, 4, 13, 8, 1), id="before-opening"),
        pytest.param(wib(2026, 4, 13, 13, 59), 1, wib(2026, 4, 13, 14), id="last-minute"),
        pytest.param(wib(2026, 4, 13, 13, 59), 2, wib(2026, 4, 14, 8, 1), id="over-closing"),
        # Thu 13:00-14:00 (60) + Fri 08:00-11:00 (180) = 240: ends at Friday's close.
        pytest.param(wib(2026, 4, 9, 13), 240, wib(2026, 4, 10, 11), id="ends-friday-close"),
        # Sat counts nothing: Mon 08:00 + 30.
        pytest.param(wib(2026, 4, 11, 10), 30, wib(2026, 4, 13, 8, 30), id="from-saturday"),
        # Thu 2 Apr 13:00-14:00 (60), Fri 3 Apr Good Friday, weekend, Mon 6 Apr 08:00 + 1.
        pytest.param(wib(2026, 4, 2, 13), 61, wib(2026, 4, 6, 8, 1), id="over-holiday"),
    ],
)
def test_add_office_minutes(at, minutes, expected):
    assert PROBOLINGGO.add_office_minutes(at, minutes) == expected


# --- reporting helpers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "working_days"),
    [
        # Mon 16 Mar 10:00-14:00 = 4/6; Tue 17, Wed 25, Thu 26, Fri 27, Mon 30 full = 5.
        pytest.param(wib(2026, 3, 16, 10), wib(2026, 3, 30, 14), 5 + 4 / 6, id="domain-example"),
        # Fri 09:30-11:00 = 90 of Friday's 180 minutes.
        pytest.param(wib(2026, 4, 10, 9, 30), wib(2026, 4, 10, 11), 0.5, id="half-friday"),
        # Mon 11:00-14:00 (180/360) + Tue 08:00-11:00 (180/360).
        pytest.param(wib(2026, 4, 13, 11), wib(2026, 4, 14, 11), 1.0, id="overnight"),
        # A whole week counts each open day as 1, the 3-hour Friday included.
        pytest.param(wib(2026, 4, 13), wib(2026, 4, 20), 5.0, id="whole-week"),
        # Fri close to Mon opening.
        pytest.param(wib(2026, 4, 10, 11), wib(2026, 4, 13, 8), 0.0, id="weekend"),
        pytest.param(wib(2026, 4, 14), wib(2026, 4, 13), 0.0, id="reversed"),
    ],
)
def test_working_days_between(a, b, working_days):
    assert PROBOLINGGO.working_days_between(a, b) == pytest.approx(working_days)


@pytest.mark.parametrize(
    ("now", "deadline", "left"),
    [
        # Working days after Mon 16 Mar through Mon 30 Mar: 17, 25, 26, 27, 30.
        pytest.param(wib(2026, 3, 16, 10), wib(2026, 3, 30, 14), 5, id="domain-example"),
        # Sat 21 Mar: 25, 26, 27, 30.
        pytest.param(wib(2026, 3, 21, 10), wib(2026, 3, 30, 14), 4, id="from-closed-day"),
        # Fri 27 Mar: the weekend does not count, Mon 30 is next.
        pytest.param(wib(2026, 3, 27, 12), wib(2026, 3, 30, 14), 1, id="over-weekend"),
        pytest.param(wib(2026, 3, 30, 9), wib(2026, 3, 30, 14), 0, id="due-today"),
        # Later the same day the time has passed but the day count is still 0.
        pytest.param(wib(2026, 3, 30, 15), wib(2026, 3, 30, 14), 0, id="due-today-passed"),
        pytest.param(wib(2026, 3, 31, 9), wib(2026, 3, 30, 14), -1, id="one-day-overdue"),
        # Overdue by 31 Mar, 1 Apr, 2 Apr, (Good Friday closed), 6 Apr.
        pytest.param(wib(2026, 4, 6, 9), wib(2026, 3, 30, 14), -4, id="overdue-over-holiday"),
        # Due Fri 10 Apr, seen Mon 13 Apr: only Mon counts.
        pytest.param(wib(2026, 4, 13, 9), wib(2026, 4, 10, 11), -1, id="overdue-over-weekend"),
    ],
)
def test_working_days_left(now, deadline, left):
    assert PROBOLINGGO.working_days_left(now, deadline) == left


# --- admin overrides ---------------------------------------------------------------------------


def test_removed_cuti_bersama_becomes_a_working_day():
    calendar = WorkCalendar.build(
        "Asia/Jakarta", PROBOLINGGO_HOURS, years=[2026], removed=[date(2026, 12, 24)]
    )

    assert calendar.is_working_day(date(2026, 12, 24))
    assert not calendar.is_working_day(date(2026, 12, 25))
    # Wed 23 Dec, 1 day: Thu 24 Dec is open again (otherwise Mon 28 Dec).
    assert calendar.deadline_after(wib(2026, 12, 23, 10), 1) == wib(2026, 12, 24, 14)


def test_added_local_closure_is_skipped():
    calendar = WorkCalendar.build("Asia/Jakarta", PROBOLINGGO_HOURS, years=[2026], added=[date(2026, 4, 8)])

    assert not calendar.is_working_day(date(2026, 4, 8))
    # Tue 7 Apr, 1 day: Wed 8 Apr is closed locally, so Thu 9 Apr (otherwise Wed 8 Apr).
    assert PROBOLINGGO.deadline_after(wib(2026, 4, 7, 10), 1) == wib(2026, 4, 8, 14)
    assert calendar.deadline_after(wib(2026, 4, 7, 10), 1) == wib(2026, 4, 9, 14)
    # Tue 7 Apr 13:00-14:00 (60), Wed closed, Thu 08:00-09:00 (60).
    assert calendar.office_minutes_between(wib(2026, 4, 7, 13), wib(2026, 4, 9, 9)) == 120


def test_day_both_added_and_removed_stays_open():
    day = date(2026, 4, 8)
    calendar = WorkCalendar.build("Asia/Jakarta", PROBOLINGGO_HOURS, years=[2026], added=[day], removed=[day])

    assert calendar.is_working_day(day)


# --- another time zone: WITA (Asia/Makassar, UTC+8) ------------------------------------------


def test_wita_calendar_converts_inputs_and_answers_in_wita():
    calendar = WorkCalendar.build("Asia/Makassar", PROBOLINGGO_HOURS, years=[2026])

    # Mon 16 Mar 10:00 WIB = 11:00 WITA; same day count as the worked example, due 14:00 WITA.
    deadline = calendar.deadline_after(wib(2026, 3, 16, 10), 5)

    assert deadline == wita(2026, 3, 30, 14)
    assert deadline == wib(2026, 3, 30, 13)
    assert deadline.tzinfo == WITA


def test_wita_start_day_is_taken_in_wita():
    calendar = WorkCalendar.build("Asia/Makassar", PROBOLINGGO_HOURS, years=[2026])
    start = wib(2026, 4, 9, 23, 30)

    # Thu 23:30 WIB is already Fri 00:30 WITA: day 1 is Mon 13 Apr there...
    assert calendar.deadline_after(start, 1) == wita(2026, 4, 13, 14)
    # ...while in WIB the start day is Thu and day 1 is Fri 10 Apr (closes 11:00).
    assert PROBOLINGGO.deadline_after(start, 1) == wib(2026, 4, 10, 11)


def test_wita_office_minutes_use_local_opening_time():
    calendar = WorkCalendar.build("Asia/Makassar", PROBOLINGGO_HOURS, years=[2026])

    # 07:30-08:30 WIB is 08:30-09:30 WITA: fully inside WITA hours, half inside WIB hours.
    assert calendar.office_minutes_between(wib(2026, 4, 13, 7, 30), wib(2026, 4, 13, 8, 30)) == 60
    assert PROBOLINGGO.office_minutes_between(wib(2026, 4, 13, 7, 30), wib(2026, 4, 13, 8, 30)) == 30


def test_saturday_opening_counts_as_working_day():
    calendar = WorkCalendar.build("Asia/Makassar", SATURDAY_OPEN_HOURS, years=[2026])

    # Fri 10 Apr, 1 day: Sat 11 Apr is open until 12:00.
    assert calendar.deadline_after(wita(2026, 4, 10, 10), 1) == wita(2026, 4, 11, 12)
    # Sat 11:00 + 120: Sat 11:00-12:00 (60), Sun closed, Mon 08:00 + 60.
    assert calendar.add_office_minutes(wita(2026, 4, 11, 11), 120) == wita(2026, 4, 13, 9)


# --- input checks ------------------------------------------------------------------------------


def test_naive_datetimes_are_rejected():
    with pytest.raises(ValueError, match="timezone-aware"):
        PROBOLINGGO.deadline_after(datetime(2026, 3, 16, 10), 5)


@pytest.mark.parametrize(
    "call",
    [
        pytest.param(lambda: PROBOLINGGO.deadline_after(wib(2026, 4, 13, 9), -1), id="days"),
        pytest.param(lambda: PROBOLINGGO.add_office_minutes(wib(2026, 4, 13, 9), -1), id="mins"),
    ],
)
def test_negative_amounts_are_rejected(call):
    with pytest.raises(ValueError, match="negative"):
        call()


@pytest.mark.parametrize(
    "hours",
    [
        pytest.param({}, id="no-open-day"),
        pytest.param({0: (time(14, 0), time(8, 0))}, id="closes-before-opening"),
        pytest.param({7: (time(8, 0), time(14, 0))}, id="bad-weekday"),
    ],
)
def test_invalid_hours_are_rejected(hours):
    with pytest.raises(ValueError):
        WorkCalendar(tz=WIB, hours=hours)


def test_calendar_keeps_its_own_copy_of_hours():
    hours = dict(PROBOLINGGO_HOURS)
    calendar = WorkCalendar.build("Asia/Jakarta", hours, years=[2026])

    hours[5] = (time(8, 0), time(12, 0))

    assert not calendar.is_working_day(date(2026, 4, 11))


def test_calendar_survives_pickling_for_the_cache():
    import pickle

    calendar = WorkCalendar.build("Asia/Jakarta", PROBOLINGGO_HOURS, [2026])
    copy = pickle.loads(pickle.dumps(calendar))
    assert copy == calendar
    assert copy.hours == calendar.hours
    start = datetime(2026, 3, 16, 10, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
    assert copy.deadline_after(start, 5) == calendar.deadline_after(start, 5)


# --- working_days_left without walking day by day ----------------------------------------------
# working_days_left counts with a working-day index (week arithmetic and a bisect over the closed
# dates). These tables compare it with the day-by-day count it replaced, over every pair of days
# in a range, for the Probolinggo calendar and for calendars whose closed days and open weekdays
# are awkward (closures on weekends, a reopened holiday, Saturday hours, a calendar open on
# Sunday only).


def _walked_working_days(calendar: WorkCalendar, after: date, through: date) -> int:
    """The old computation: walk (after, through] one day at a time."""
    count, day = 0, after + timedelta(days=1)
    while day <= through:
        count += calendar.is_working_day(day)
        day += timedelta(days=1)
    return count


def _walked_working_days_left(calendar: WorkCalendar, now: datetime, deadline: datetime) -> int:
    today, due_day = now.astimezone(calendar.tz).date(), deadline.astimezone(calendar.tz).date()
    if due_day >= today:
        return _walked_working_days(calendar, today, due_day)
    return -_walked_working_days(calendar, due_day, today)


AWKWARD_CALENDARS = {
    "probolinggo": PROBOLINGGO,
    "saturday-open, reopened and added closures": WorkCalendar.build(
        "Asia/Jakarta",
        SATURDAY_OPEN_HOURS,
        years=(2025, 2026, 2027),
        added=[date(2026, 3, 28), date(2026, 3, 29), date(2026, 12, 31)],  # a Saturday, a Sunday
        removed=[date(2026, 3, 23)],  # a cuti bersama reopened
    ),
    "sunday only, WITA": WorkCalendar.build("Asia/Makassar", {6: (time(9, 0), time(12, 0))}, years=(2026,)),
    "no holidays at all": WorkCalendar(tz=WIB, hours=PROBOLINGGO_HOURS),
}


@pytest.mark.parametrize("name", AWKWARD_CALENDARS)
def test_working_days_left_equals_the_day_by_day_count_for_every_pair_of_days(name):
    calendar = AWKWARD_CALENDARS[name]
    # 24 Feb - 14 May 2026 (Nyepi, Idul Fitri and its cuti bersama, Good Friday) against each other:
    # 80 x 80 pairs, before and after, same day, weekends and closed days on both ends.
    days = [date(2026, 2, 24) + timedelta(days=n) for n in range(80)]
    for a in days:
        now = datetime.combine(a, time(10, 30), tzinfo=calendar.tz)
        for b in days:
            deadline = datetime.combine(b, time(14, 0), tzinfo=calendar.tz)
            assert calendar.working_days_left(now, deadline) == _walked_working_days_left(
                calendar, now, deadline
            ), (a, b)


@pytest.mark.parametrize("name", AWKWARD_CALENDARS)
def test_working_days_left_equals_the_day_by_day_count_across_years(name):
    calendar = AWKWARD_CALENDARS[name]
    # Long spans (a worklist row can be months overdue), across year ends and beyond the years
    # the calendar was built for (no closed days known there: only weekdays count).
    starts = [date(2024, 12, 30), date(2025, 12, 31), date(2026, 1, 1), date(2026, 6, 15), date(2027, 12, 31)]
    spans = [0, 1, 6, 7, 8, 30, 200, 365, 366, 800]
    for start in starts:
        for span in spans:
            for a, b in ((start, start + timedelta(days=span)), (start + timedelta(days=span), start)):
                now = datetime.combine(a, time(23, 59), tzinfo=calendar.tz)
                deadline = datetime.combine(b, time(0, 1), tzinfo=calendar.tz)
                assert calendar.working_days_left(now, deadline) == _walked_working_days_left(
                    calendar, now, deadline
                ), (a, b)


def test_working_day_index_counts_working_days_between_two_dates():
    # Mon 16 - Fri 27 March 2026: 16, 17 open; 18-24 closed; 25, 26, 27 open.
    assert (
        PROBOLINGGO.working_day_index(date(2026, 3, 27)) - PROBOLINGGO.working_day_index(date(2026, 3, 15))
        == 5
    )
    # A UTC instant late on 26 March is already 27 March in WIB.
    late_utc = datetime(2026, 3, 26, 18, 0, tzinfo=UTC)
    assert PROBOLINGGO.working_day_index(late_utc) == PROBOLINGGO.working_day_index(date(2026, 3, 27))

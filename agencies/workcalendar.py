"""Working-day calendar and SLA clock of an MPP (pure Python, no database).

Rules come from ``/work/shared/DOMAIN.md``, section "Calendar and SLA clock":

- Each MPP has one time zone (Asia/Jakarta for WIB, Asia/Makassar for WITA in Badung) and
  configurable office hours per weekday. A weekday missing from the hours is closed.
- Closed days are the national holidays and the cuti bersama days of the ``holidays`` package
  (categories "public" and "government"), plus local closures an admin adds, minus days an admin
  removes (later years' Islamic dates are estimates until the SKB 3 Menteri appears).
- A service with N working days is due at the end of office hours on the Nth working day after the
  day the clock started (berkas lengkap); day 1 is the next working day.
- While an application is paused (waiting for the citizen's correction) the clock stops: the
  deadline moves later by the office minutes the pause covered.

All arithmetic walks day by day over office windows, never minute by minute, so a deadline a few
hundred working days away costs a few hundred cheap iterations. Build a :class:`WorkCalendar` once
per MPP (``WorkCalendar.build``) and cache it; building three years takes about a millisecond once
the ``holidays`` country module has been imported.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import cached_property
from types import MappingProxyType
from zoneinfo import ZoneInfo

import holidays

__all__ = [
    "PROBOLINGGO_HOURS",
    "SOURCE_CUTI_BERSAMA",
    "SOURCE_LIBUR_NASIONAL",
    "WorkCalendar",
    "indonesian_closed_days",
    "indonesian_closed_days_by_source",
]

SOURCE_LIBUR_NASIONAL = "libur_nasional"
SOURCE_CUTI_BERSAMA = "cuti_bersama"

_MONDAY, _TUESDAY, _WEDNESDAY, _THURSDAY, _FRIDAY = range(5)

PROBOLINGGO_HOURS: Mapping[int, tuple[time, time]] = MappingProxyType(
    {
        _MONDAY: (time(8, 0), time(14, 0)),
        _TUESDAY: (time(8, 0), time(14, 0)),
        _WEDNESDAY: (time(8, 0), time(14, 0)),
        _THURSDAY: (time(8, 0), time(14, 0)),
        _FRIDAY: (time(8, 0), time(11, 0)),
    }
)
"""Office hours of MPP Kota Probolinggo (DOMAIN.md): Mon-Thu 08:00-14:00, Fri 08:00-11:00."""

_ONE_DAY = timedelta(days=1)


def _country_holidays(years: Iterable[int], categories: tuple[str, ...]) -> holidays.HolidayBase:
    return holidays.country_holidays("ID", categories=categories, years=sorted(set(years)), language="id")


def indonesian_closed_days(years: Iterable[int]) -> dict[date, str]:
    """National holidays and cuti bersama for ``years``, as date -> Indonesian name.

    Source: the ``holidays`` package, ``country_holidays("ID", categories=("public",
    "government"), language="id")`` (DOMAIN.md). When two holidays fall on one date the package
    joins their names with "; ". Estimated dates carry the suffix "(perkiraan)".
    """
    return dict(sorted(_country_holidays(years, ("public", "government")).items()))


def indonesian_closed_days_by_source(years: Iterable[int]) -> dict[date, tuple[str, str]]:
    """Like :func:`indonesian_closed_days`, with the source of each date.

    Returns date -> (name, source), where source is ``"libur_nasional"`` for the package's
    "public" category and ``"cuti_bersama"`` for its "government" category. A date in both
    categories counts as ``"libur_nasional"`` (the stronger reason) with both names joined.
    """
    years = sorted(set(years))
    public = _country_holidays(years, ("public",))
    government = _country_holidays(years, ("government",))
    result: dict[date, tuple[str, str]] = {
        day: (name, SOURCE_CUTI_BERSAMA) for day, name in government.items()
    }
    for day, name in public.items():
        if day in result:
            name = f"{name}; {result[day][0]}"
        result[day] = (name, SOURCE_LIBUR_NASIONAL)
    return dict(sorted(result.items()))


@dataclass(frozen=True)
class WorkCalendar:
    """The working-day calendar of one MPP.

    ``hours`` maps a weekday (0 = Monday) to its (opens, closes) local times; a missing weekday is
    closed. ``closed`` is the final set of closed dates (package holidays + admin closures - admin
    removals); it must cover every year the SLA clocks run in, so build it for the current year
    and the next. Datetime arguments must be timezone-aware; they are converted to ``tz`` and
    results are returned in ``tz``.
    """

    tz: ZoneInfo
    hours: Mapping[int, tuple[time, time]] = field(hash=False)
    closed: frozenset[date] = frozenset()

    def __post_init__(self) -> None:
        hours = MappingProxyType(dict(self.hours))
        if not hours:
            raise ValueError("A calendar needs office hours on at least one weekday.")
        for weekday, (opens, closes) in hours.items():
            if weekday not in range(7):
                raise ValueError(f"Weekday must be 0 (Monday) to 6 (Sunday), got {weekday!r}.")
            if not opens < closes:
                raise ValueError(f"Office hours of weekday {weekday} must open before closing.")
        object.__setattr__(self, "hours", hours)
        object.__setattr__(self, "closed", frozenset(self.closed))

    def __reduce__(self):
        # Callers cache the calendar (pickled by every Django cache backend); a mappingproxy
        # cannot be pickled, so it is rebuilt from a plain dict.
        return (type(self), (self.tz, dict(self.hours), self.closed))

    @classmethod
    def build(
        cls,
        tz_name: str,
        hours: Mapping[int, tuple[time, time]],
        years: Iterable[int],
        added: Iterable[date] = (),
        removed: Iterable[date] = (),
    ) -> WorkCalendar:
        """Calendar for ``tz_name`` with the package's closed days of ``years`` and overrides.

        ``added`` are local closures an admin adds; ``removed`` are days an admin reopens (for
        example an estimated holiday the decree moved). A day both added and removed is open.
        """
        closed = (set(indonesian_closed_days(years)) | set(added)) - set(removed)
        return cls(tz=ZoneInfo(tz_name), hours=hours, closed=frozenset(closed))

    def _local(self, moment: datetime) -> datetime:
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise ValueError(f"Expected a timezone-aware datetime, got {moment!r}.")
        return moment.astimezone(self.tz)

    def _day(self, day: date) -> date:
        if isinstance(day, datetime):
            return self._local(day).date()
        return day

    def is_working_day(self, day: date) -> bool:
        """True when the MPP opens on ``day``: its weekday has office hours and it is not closed."""
        day = self._day(day)
        return day.weekday() in self.hours and day not in self.closed

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after ``day``."""
        day = self._day(day) + _ONE_DAY
        while not self.is_working_day(day):
            day += _ONE_DAY
        return day

    def office_window(self, day: date) -> tuple[datetime, datetime] | None:
        """The (opens, closes) aware datetimes of ``day`` in ``tz``, or None on a closed day."""
        day = self._day(day)
        if not self.is_working_day(day):
            return None
        opens, closes = self.hours[day.weekday()]
        return (
            datetime.combine(day, opens, tzinfo=self.tz),
            datetime.combine(day, closes, tzinfo=self.tz),
        )

    def deadline_after(self, start: datetime, working_days: int) -> datetime:
        """Deadline of a service of ``working_days`` working days whose clock started at ``start``.

        DOMAIN.md: the end of office hours on the Nth working day after the day the clock started;
        day 1 is the next working day, whatever the time of ``start`` and even when ``start`` is
        outside office hours or on a closed day. With 0 working days the deadline is the end of
        office hours of the start day if it is a working day (even when ``start`` is already past
        closing time), else of the next working day.
        """
        if working_days < 0:
            raise ValueError("working_days must not be negative.")
        day = self._local(start).date()
        if working_days == 0 and not self.is_working_day(day):
            day = self.next_working_day(day)
        for _ in range(working_days):
            day = self.next_working_day(day)
        return datetime.combine(day, self.hours[day.weekday()][1], tzinfo=self.tz)

    def _office_overlap(self, start: datetime, end: datetime) -> list[tuple[timedelta, timedelta]]:
        """For each working day in [start, end): (office time covered, length of its window)."""
        covered: list[tuple[timedelta, timedelta]] = []
        day = start.date()
        while day <= end.date():
            window = self.office_window(day)
            if window is not None:
                overlap = _elapsed(max(window[0], start), min(window[1], end))
                if overlap > timedelta(0):
                    covered.append((overlap, _elapsed(*window)))
            day += _ONE_DAY
        return covered

    def office_minutes_between(self, a: datetime, b: datetime) -> int:
        """Office minutes covered by [a, b): the overlap with working days' office windows.

        Returns 0 when ``b <= a``. Seconds are summed first and the total is rounded down to whole
        minutes. This is the business time a pause covers (DOMAIN.md).
        """
        start, end = self._local(a), self._local(b)
        if end <= start:
            return 0
        total = sum((overlap for overlap, _ in self._office_overlap(start, end)), timedelta(0))
        return int(total.total_seconds()) // 60

    def add_office_minutes(self, at: datetime, minutes: int) -> datetime:
        """The moment ``minutes`` office minutes after ``at``, counting only office windows.

        Time outside office hours and on closed days does not count. When the minutes run out
        exactly at the close of a window the result is that closing time, never the next day's
        opening: 14:00 on a Probolinggo Monday plus 360 minutes is 14:00 on the next working day.
        Adding 0 returns ``at`` (as the same instant in ``tz``) even outside office hours.
        """
        if minutes < 0:
            raise ValueError("minutes must not be negative.")
        moment = self._local(at)
        remaining = timedelta(minutes=minutes)
        if not remaining:
            return moment
        day = moment.date()
        while True:
            window = self.office_window(day)
            if window is not None:
                begin = max(window[0], moment)
                available = _elapsed(begin, window[1])
                if available > timedelta(0):
                    if remaining <= available:
                        return (begin.astimezone(UTC) + remaining).astimezone(self.tz)
                    remaining -= available
            day += _ONE_DAY

    def shift_for_pause(self, deadline: datetime, paused_from: datetime, paused_until: datetime) -> datetime:
        """The deadline moved later by the office minutes of the pause (DOMAIN.md).

        Equals ``add_office_minutes(deadline, office_minutes_between(paused_from, paused_until))``;
        a pause entirely outside office hours leaves the deadline unchanged.
        """
        return self.add_office_minutes(deadline, self.office_minutes_between(paused_from, paused_until))

    def working_days_between(self, a: datetime, b: datetime) -> float:
        """Elapsed business time from ``a`` to ``b``, in working days (for processing-time reports).

        Definition: for every working day, the office time covered by [a, b) divided by that day's
        office window length, summed. A full office day counts 1 whatever its length, so a whole
        Probolinggo Friday (3 h) and a whole Monday (6 h) both count 1; 10:00-14:00 on a Monday
        counts 4/6. Time outside office hours and on closed days counts 0; ``b <= a`` gives 0.0.
        """
        start, end = self._local(a), self._local(b)
        if end <= start:
            return 0.0
        return sum((overlap / length for overlap, length in self._office_overlap(start, end)), 0.0)

    def working_days_left(self, now: datetime, deadline: datetime) -> int:
        """Working days from the day of ``now`` (exclusive) to the deadline day (inclusive).

        0 means the deadline falls today (it may already have passed: breach is ``now >
        deadline``); 1 means it falls on the next working day. When the deadline day is in the
        past the result is negative: minus the working days from the deadline day (exclusive) to
        today (inclusive), so -1 is one working day overdue. Closed days never count, so a
        deadline on a Friday seen on the following Monday gives -1.
        """
        today = self._local(now).date()
        due_day = self._local(deadline).date()
        if due_day >= today:
            return self._count_working_days(today, due_day)
        return -self._count_working_days(due_day, today)

    def _count_working_days(self, after: date, through: date) -> int:
        """Working days in the half-open range (after, through]: O(log n), whatever the distance
        (a worklist computes this for every row, some of them months overdue)."""
        return self.working_day_index(through) - self.working_day_index(after)

    def working_day_index(self, day: date) -> int:
        """The working days from 1 January of year 1 through ``day``: ``working_day_index(b) -
        working_day_index(a)`` is the number of working days in (a, b].

        Week arithmetic gives the office weekdays, and a bisect over the sorted closed dates that
        fall on office weekdays takes the closed ones out; no walk day by day.
        """
        ordinal = self._day(day).toordinal()
        weeks, rest = divmod(ordinal, 7)
        weekdays_to_date = weeks * self._office_weekdays_prefix[7] + self._office_weekdays_prefix[rest]
        return weekdays_to_date - bisect_right(self._closed_office_ordinals, ordinal)

    @cached_property
    def _office_weekdays_prefix(self) -> tuple[int, ...]:
        # Ordinal 1 (1 January of year 1) is a Monday, so ordinals 7k+1 .. 7k+r are weekdays
        # 0 .. r-1: prefix[r] counts the office weekdays among them, prefix[7] those of a week.
        prefix = [0]
        for weekday in range(7):
            prefix.append(prefix[-1] + (weekday in self.hours))
        return tuple(prefix)

    @cached_property
    def _closed_office_ordinals(self) -> tuple[int, ...]:
        # Only closed dates on office weekdays remove a working day (a holiday on a Sunday does not).
        return tuple(sorted(day.toordinal() for day in self.closed if day.weekday() in self.hours))


def _elapsed(start: datetime, end: datetime) -> timedelta:
    """Real elapsed time, correct across UTC-offset changes (same-tzinfo subtraction is not)."""
    return end.astimezone(UTC) - start.astimezone(UTC)

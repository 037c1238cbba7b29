"""Pure time arithmetic of the queue (no database): the sessions of a day, the check-in window,
breaks, and spoken ticket numbers. Tested without a database."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

DIGITS_ID = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"]


def day_slots(window: tuple[datetime, datetime] | None, slot_minutes: int) -> list[tuple[time, time]]:
    """The sessions of an office window: whole ``slot_minutes`` blocks from opening; a last block
    that would run past closing is left out (nobody can be served in it)."""
    if window is None:
        return []
    opens, closes = window
    step = timedelta(minutes=slot_minutes)
    slots = []
    start = opens
    while start + step <= closes:
        slots.append((start.timetz().replace(tzinfo=None), (start + step).timetz().replace(tzinfo=None)))
        start += step
    return slots


def at(day: date, moment: time, tz) -> datetime:
    return datetime.combine(day, moment, tzinfo=tz)


def check_in_window(
    day: date, starts_at: time, tz, *, before_minutes: int, after_minutes: int
) -> tuple[datetime, datetime]:
    """From ``before_minutes`` before the session starts to ``after_minutes`` after."""
    start = at(day, starts_at, tz)
    return start - timedelta(minutes=before_minutes), start + timedelta(minutes=after_minutes)


def in_break(now_local: datetime, breaks) -> object | None:
    """The break (anything with weekday, starts_at, ends_at) that ``now_local`` falls in, or None."""
    moment = now_local.time().replace(tzinfo=None)
    for item in breaks:
        if item.weekday is not None and item.weekday != now_local.weekday():
            continue
        if item.starts_at <= moment < item.ends_at:
            return item
    return None


def spoken_code(code: str) -> str:
    """ "A012" -> "A nol satu dua": the letters as letters, each digit as an Indonesian word."""
    words = []
    for char in code:
        if char.isdigit():
            words.append(DIGITS_ID[int(char)])
        elif char.strip():
            words.append(char.upper())
    return " ".join(words)


def median(values: list[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def estimated_wait_minutes(*, ahead: int, median_service_minutes: float, open_counters: int) -> int:
    """People ahead x median service time / counters serving the queue (at least one), rounded up."""
    if ahead <= 0:
        return 0
    counters = max(open_counters, 1)
    minutes = ahead * median_service_minutes / counters
    return int(-(-minutes // 1))

"""Pure definitions of the dashboard figures (no database), tested with a table of cases.

- Processing time: the working days (WorkCalendar.working_days_between: office time covered, a full
  office day counts 1) from the clock start (berkas lengkap) to the decision, minus the working days
  of every pause (correction asked of the citizen) inside that span.
- On time: decided no later than the deadline (which the SLA clock already moved for pauses).
  An application decided before its clock started (rejected at the desk) has no deadline and is
  left out of the on-time rate.
- Officer score (recognition), in points out of 100, shown on the ranking page.
"""

from collections.abc import Iterable
from datetime import datetime


def processing_days(
    calendar, clock_started_at: datetime | None, decided_at: datetime | None, pauses: Iterable[tuple]
) -> float | None:
    if clock_started_at is None or decided_at is None or decided_at < clock_started_at:
        return None
    total = calendar.working_days_between(clock_started_at, decided_at)
    for paused_from, paused_until in pauses:
        start = max(paused_from, clock_started_at)
        end = min(paused_until or decided_at, decided_at)
        if end > start:
            total -= calendar.working_days_between(start, end)
    return round(max(total, 0.0), 4)


def on_time(due_at: datetime | None, decided_at: datetime | None) -> bool | None:
    if due_at is None or decided_at is None:
        return None
    return decided_at <= due_at


def percent(part: int, whole: int) -> float | None:
    return round(100.0 * part / whole, 1) if whole else None


# Recognition weights. Satisfaction counts once a survey provider gives officers' IKM.
WEIGHT_ON_TIME = 0.7
WEIGHT_VOLUME = 0.3
WEIGHT_ON_TIME_WITH_IKM = 0.5
WEIGHT_VOLUME_WITH_IKM = 0.2
WEIGHT_IKM = 0.3


def officer_score(*, on_time_rate: float, volume: int, top_volume: int, ikm: float | None = None) -> float:
    """on_time_rate in 0..100, volume relative to the agency's busiest qualifying officer,
    ikm 25..100 when known."""
    volume_share = volume / top_volume if top_volume else 0.0
    if ikm is None:
        score = WEIGHT_ON_TIME * on_time_rate + WEIGHT_VOLUME * 100 * volume_share
    else:
        score = WEIGHT_ON_TIME_WITH_IKM * on_time_rate + WEIGHT_VOLUME_WITH_IKM * 100 * volume_share
        score += WEIGHT_IKM * ikm
    return round(score, 2)

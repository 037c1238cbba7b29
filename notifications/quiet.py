"""Quiet hours (pure, no database): when a citizen's message may not be sent at night."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo


def quiet_hours_end(now: datetime, *, start: time, end: time, zone: ZoneInfo) -> datetime | None:
    """The end of the quiet period ``now`` falls in, or None when sending is allowed now.

    ``start``/``end`` are local times in ``zone``; start > end spans midnight (21:00-06:00).
    Equal start and end disable quiet hours.
    """
    if start == end:
        return None
    local = now.astimezone(zone)
    moment = local.time()
    if start < end:
        if not start <= moment < end:
            return None
        end_date = local.date()
    else:
        if end <= moment < start:
            return None
        end_date = local.date() + timedelta(days=1) if moment >= start else local.date()
    return datetime.combine(end_date, end, tzinfo=zone)

"""Office hours of the MPP for staff messages: held outside them, sent at the next opening.

Uses the MPP's working-day calendar (``agencies.selectors.work_calendar``), so holidays, cuti
bersama and the admins' closures hold staff alerts as well as nights and weekends.
"""

from __future__ import annotations

from datetime import datetime

from agencies.selectors import work_calendar


def office_hours_hold(now: datetime, calendar=None) -> datetime | None:
    """The next office opening when ``now`` is outside office hours, or None while the MPP is open."""
    calendar = calendar or work_calendar()
    local = now.astimezone(calendar.tz)
    window = calendar.office_window(local.date())
    if window is not None:
        opens, closes = window
        if opens <= local < closes:
            return None
        if local < opens:
            return opens
    day = calendar.next_working_day(local.date())
    return calendar.office_window(day)[0]

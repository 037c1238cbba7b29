"""Quiet hours as a table of cases (pure, no database)."""

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import pytest

from notifications.quiet import quiet_hours_end

WIB = ZoneInfo("Asia/Jakarta")


@pytest.mark.parametrize(
    ("local", "start", "end", "expected"),
    [
        (datetime(2026, 3, 2, 22, 0), time(21), time(6), datetime(2026, 3, 3, 6, 0)),
        (datetime(2026, 3, 2, 21, 0), time(21), time(6), datetime(2026, 3, 3, 6, 0)),
        (datetime(2026, 3, 3, 2, 30), time(21), time(6), datetime(2026, 3, 3, 6, 0)),
        (datetime(2026, 3, 3, 6, 0), time(21), time(6), None),
        (datetime(2026, 3, 3, 12, 0), time(21), time(6), None),
        (datetime(2026, 3, 3, 20, 59), time(21), time(6), None),
        (datetime(2026, 3, 3, 13, 0), time(12), time(14), datetime(2026, 3, 3, 14, 0)),
        (datetime(2026, 3, 3, 2, 0), time(0), time(0), None),
    ],
)
def test_quiet_hours_end(local, start, end, expected):
    now = local.replace(tzinfo=WIB).astimezone(UTC)
    result = quiet_hours_end(now, start=start, end=end, zone=WIB)
    assert result == (expected.replace(tzinfo=WIB) if expected else None)

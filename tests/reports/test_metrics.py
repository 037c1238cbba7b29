"""The figures' definitions, by a table of cases on DOMAIN.md's calendar (Probolinggo hours,
18-24 Mar 2026 closed)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from agencies.workcalendar import PROBOLINGGO_HOURS, WorkCalendar
from reports import metrics

WIB = ZoneInfo("Asia/Jakarta")
CAL = WorkCalendar.build("Asia/Jakarta", PROBOLINGGO_HOURS, range(2025, 2028))


def wib(month, day, hour, minute=0):
    return datetime(2026, month, day, hour, minute, tzinfo=WIB)


@pytest.mark.parametrize(
    ("start", "decided", "pauses", "expected"),
    [
        # Same day, 10:00-12:00 of a 6-hour Monday.
        (wib(3, 16, 10), wib(3, 16, 12), [], 2 / 6),
        # Across the Nyepi/Idul Fitri closure: 4/6 + 1 (17th) + 1 (25th) + 2/6.
        (wib(3, 16, 10), wib(3, 26, 10), [], 3.0),
        # A pause Tue 17 10:00 - Wed 25 10:00 (4/6 + 2/6 of office time) is taken off.
        (wib(3, 16, 10), wib(3, 31, 12), [(wib(3, 17, 10), wib(3, 25, 10))], 6 + 1 / 3 - 1),
        # A pause before the clock started counts only from the start.
        (wib(3, 16, 10), wib(3, 16, 12), [(wib(3, 13, 9), wib(3, 16, 11))], 1 / 6),
        # An unresolved pause runs to the decision.
        (wib(3, 16, 10), wib(3, 16, 12), [(wib(3, 16, 11), None)], 1 / 6),
        # The whole Friday (3 hours) counts one day.
        (wib(3, 27, 8), wib(3, 27, 11), [], 1.0),
        # Clock never started (rejected at the desk): no processing time.
        (None, wib(3, 16, 12), [], None),
    ],
)
def test_processing_days(start, decided, pauses, expected):
    result = metrics.processing_days(CAL, start, decided, pauses)
    if expected is None:
        assert result is None
    else:
        assert result == pytest.approx(expected, abs=1e-4)


@pytest.mark.parametrize(
    ("due", "decided", "expected"),
    [
        (wib(3, 30, 14), wib(3, 30, 14), True),
        (wib(3, 30, 14), wib(3, 30, 14, 1), False),
        (None, wib(3, 30, 14), None),
        (wib(3, 30, 14), None, None),
    ],
)
def test_on_time(due, decided, expected):
    assert metrics.on_time(due, decided) is expected


def test_officer_score_weights():
    assert metrics.officer_score(on_time_rate=100.0, volume=10, top_volume=10) == 100.0
    assert metrics.officer_score(on_time_rate=50.0, volume=5, top_volume=10) == 50.0
    assert metrics.officer_score(on_time_rate=100.0, volume=5, top_volume=10, ikm=80.0) == 84.0


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("histogram", "expected"),
    [
        ({10: 1}, 1.0),
        ({10: 1, 30: 1}, 2.0),  # interpolated, as percentile_cont
        ({10: 2, 30: 1}, 1.0),
        ({5: 1, 12: 2, 40: 1}, 1.2),
        ({5: 1, 12: 1, 40: 2}, 2.6),
    ],
)
def test_the_median_read_off_the_monthly_histograms(histogram, expected):
    """Spread over two months and two scopes: only scope 7's rows count, months add up."""
    import datetime as dt

    from reports.models import ReportMonthDuration
    from reports.selectors import _medians

    for i, (tenths, n) in enumerate(histogram.items()):
        month = dt.date(2026, 3 + i % 2, 1)
        ReportMonthDuration.objects.create(
            month=month, scope="service", scope_id=7, agency_id=1, tenths=tenths, count=n
        )
    ReportMonthDuration.objects.create(
        month=dt.date(2026, 3, 1), scope="service", scope_id=8, agency_id=1, tenths=900, count=50
    )
    medians = _medians(
        {"scope": "service", "month__gte": dt.date(2026, 3, 1), "month__lte": dt.date(2026, 4, 1)}
    )
    assert medians[7] == pytest.approx(expected)
    assert medians[8] == pytest.approx(90.0)

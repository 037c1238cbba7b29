"""Two requests or workers at once on PostgreSQL: numbers never repeat, a complaint is routed once,
and two sweeps close an unanswered complaint once and alert once."""

import threading
from unittest import mock

import pytest
from django.db import connection

from complaints import services
from complaints.models import Complaint
from mpp.errors import DomainError
from notifications.models import Notification
from tests.complaints.helpers import answered, file_complaint, wib

pytestmark = [pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("row locks (SELECT ... FOR UPDATE) need PostgreSQL")


@pytest.fixture(autouse=True)
def _no_broker():
    with mock.patch("notifications.services._enqueue_delivery"):
        yield


def run_together(actions):
    barrier = threading.Barrier(len(actions))
    results = [None] * len(actions)

    def worker(index, action):
        try:
            barrier.wait(timeout=10)
            results[index] = ("ok", action())
        except DomainError as exc:
            results[index] = ("refused", exc)
        except Exception as exc:
            results[index] = ("crashed", exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i, a)) for i, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def test_concurrent_filings_get_distinct_numbers(category):
    results = run_together([lambda: file_complaint(category).number for _ in range(4)])
    assert all(kind == "ok" for kind, _ in results), results
    numbers = sorted(value for _, value in results)
    assert numbers == [f"ADU-2026-{n:06d}" for n in range(1, 5)]


def test_two_officers_route_the_same_complaint_once(category, desk_officer, agency, other_agency):
    complaint = file_complaint(category)
    results = run_together(
        [
            lambda: services.complaint_route(complaint=complaint, actor=desk_officer, agency=agency),
            lambda: services.complaint_route(complaint=complaint, actor=desk_officer, agency=other_agency),
        ]
    )
    assert sorted(kind for kind, _ in results) == ["ok", "refused"], results
    assert Complaint.history.filter(id=complaint.pk, status="routed").count() == 1


def test_two_sweeps_close_once_and_alert_once(category, desk_officer, officer, citizen):
    complaint = answered(category, desk_officer, officer, reporter=citizen)
    late = file_complaint(category)
    after = complaint.due_at.replace(hour=15)
    results = run_together([lambda: services.complaints_sweep(now=after) for _ in range(2)])
    assert all(kind == "ok" for kind, _ in results), results
    assert sum(r["closed"] for _, r in results) == 1
    assert Notification.objects.filter(recipient=citizen, event="complaint.closed").count() == 1
    assert (
        Notification.objects.filter(recipient=desk_officer, event="complaint.deadline_breached").count() == 1
    )
    assert late.due_at < wib(12, 31, 0)

"""Many people at once on PostgreSQL: kiosks issuing, counters calling, citizens booking the last
places. Each thread has its own connection (closed at its end) and starts at a barrier."""

import datetime as dt
import threading
from collections import Counter as Tally
from unittest import mock

import pytest
from django.db import connection

from mpp.errors import DomainError
from queueing import services
from queueing.models import Booking, SlotLedger, Ticket, TicketStatus
from tests.factories import CounterFactory, UserFactory

pytestmark = [pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("row locks and SKIP LOCKED need PostgreSQL")


@pytest.fixture(autouse=True)
def _no_broker():
    with mock.patch("queueing.tasks.notify_near_turn.delay"):
        yield


def run_threads(count, work):
    barrier = threading.Barrier(count)
    results = [None] * count

    def worker(index):
        try:
            barrier.wait(timeout=10)
            results[index] = ("ok", work(index))
        except DomainError as exc:
            results[index] = ("refused", exc)
        except Exception as exc:  # a crash must fail the test, not vanish
            results[index] = ("crashed", exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_sixteen_kiosks_issue_160_tickets_without_a_duplicate_number(queue, clock):
    queue.slot_capacity = 100
    queue.save()
    results = run_threads(16, lambda i: [services.ticket_issue(queue=queue).number for _ in range(10)])
    assert all(kind == "ok" for kind, _ in results), results
    numbers = sorted(n for _, batch in results for n in batch)
    assert numbers == list(range(1, 161))
    assert Ticket.objects.filter(queue=queue).count() == 160


def test_eight_counters_calling_at_once_never_call_a_ticket_twice(queue, officer, clock):
    queue.slot_capacity = 100
    queue.save()
    counters = []
    for n in range(8):
        counter = CounterFactory(agency=queue.agency, label=f"Loket Adminduk {n + 1}")
        counter.queues.add(queue)
        counters.append(services.counter_set_status(counter=counter, actor=officer, status="open"))
    for _ in range(40):
        services.ticket_issue(queue=queue)

    def drain(index):
        counter = counters[index]
        called = []
        while True:
            ticket = services.ticket_call_next(counter=counter, actor=officer)
            if ticket is None:
                return called
            called.append(ticket.pk)
            services.ticket_no_show(ticket=ticket, counter=counter, actor=officer)

    results = run_threads(8, drain)
    assert all(kind == "ok" for kind, _ in results), results
    called = [pk for _, batch in results for pk in batch]
    assert len(called) == 40 and len(set(called)) == 40
    assert Tally(Ticket.objects.values_list("status", flat=True)) == {TicketStatus.NO_SHOW: 40}
    # Each ticket was called exactly once: one "called" history row per ticket.
    assert Ticket.history.filter(status=TicketStatus.CALLED).count() == 40


def test_ten_citizens_racing_for_three_places_three_get_one(queue, service, clock):
    queue.slot_capacity, queue.booking_share = 6, 50
    queue.save()
    people = [UserFactory(nik=f"3574011205{n:06d}") for n in range(1, 11)]
    results = run_threads(
        10,
        lambda i: (
            services.booking_create(
                citizen=people[i], service=service, day=dt.date(2026, 11, 25), starts_at=dt.time(9, 0)
            ).code
        ),
    )
    kinds = Tally(kind for kind, _ in results)
    assert kinds == {"ok": 3, "refused": 7}, results
    assert SlotLedger.objects.get(queue=queue, day=dt.date(2026, 11, 25), starts_at=dt.time(9)).booked == 3


def test_one_nik_booking_five_sessions_at_once_gets_one(queue, service, citizen, clock):
    sessions = [dt.time(9, 0), dt.time(9, 30), dt.time(10, 0), dt.time(10, 30), dt.time(11, 0)]
    results = run_threads(
        5,
        lambda i: (
            services.booking_create(
                citizen=citizen, service=service, day=dt.date(2026, 11, 25), starts_at=sessions[i]
            ).code
        ),
    )
    assert Tally(kind for kind, _ in results) == {"ok": 1, "refused": 4}, results
    assert Booking.objects.filter(citizen=citizen).count() == 1
    # The refused ones gave their session place back.
    assert sum(SlotLedger.objects.values_list("booked", flat=True)) == 1


def test_kiosks_and_counters_at_once_keep_the_waiting_count_exact(queue, officer, clock):
    """Issue 6: the day's waiting count on the QueueDay row, changed by kiosks and counters at
    the same moment, equals the real number of waiting tickets (all and priority)."""
    from queueing.models import QueueDay

    queue.slot_capacity = 100
    queue.save()
    counters = []
    for n in range(4):
        counter = CounterFactory(agency=queue.agency, label=f"Loket Adminduk {n + 1}")
        counter.queues.add(queue)
        counters.append(services.counter_set_status(counter=counter, actor=officer, status="open"))
    for _ in range(10):  # some waiting before the rush, so the counters have work at once
        services.ticket_issue(queue=queue)

    def work(index):
        if index < 8:  # a kiosk: ten tickets, every third one priority
            return [
                services.ticket_issue(queue=queue, priority_reason="elderly" if n % 3 == 0 else "").pk
                for n in range(10)
            ]
        counter = counters[index - 8]
        called = []
        for _ in range(12):
            ticket = services.ticket_call_next(counter=counter, actor=officer)
            if ticket is not None:
                called.append(ticket.pk)
                services.ticket_no_show(ticket=ticket, counter=counter, actor=officer)
        return called

    results = run_threads(12, work)
    assert all(kind == "ok" for kind, _ in results), results
    called = [pk for _, batch in results[8:] for pk in batch]
    assert called and len(called) == len(set(called))
    waiting = Ticket.objects.filter(queue=queue, status=TicketStatus.WAITING)
    assert waiting.count() == 90 - len(called)
    row = QueueDay.objects.get(queue=queue)
    assert row.waiting == waiting.count()
    assert row.waiting_priority == waiting.exclude(priority_reason="").count()

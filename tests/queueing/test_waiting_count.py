"""The day's waiting count kept on the QueueDay row (issue 6): the kiosk's "people ahead" comes from
it instead of a COUNT, so it must equal the real number of waiting tickets after every action,
and the place it gives a new ticket must be the one the phone page (which counts) shows."""

import datetime as dt

import pytest

from queueing import selectors, services
from queueing.api import ticket_payload
from queueing.models import PriorityPolicy, QueueDay, Ticket, TicketStatus
from tests.factories import CounterFactory

pytestmark = pytest.mark.django_db


def assert_row_matches(queue, day=dt.date(2026, 11, 24)):
    row = QueueDay.objects.get(queue=queue, day=day)
    waiting = Ticket.objects.filter(queue=queue, day=day, status=TicketStatus.WAITING)
    assert row.waiting == waiting.count()
    assert row.waiting_priority == waiting.exclude(priority_reason="").count()
    return row


def counted_ahead(ticket):
    """The phone page's figure: a fresh copy of the ticket, counted in the database."""
    return selectors.ticket_position(Ticket.objects.select_related("queue").get(pk=ticket.pk)).ahead


def test_a_new_ticket_is_told_the_same_place_the_phone_page_counts(queue, clock):
    reasons = ["", "", "elderly", "", "pregnant", "", ""]
    for reason in reasons:
        clock.advance(seconds=30)
        ticket = services.ticket_issue(queue=queue, priority_reason=reason)
        assert ticket_payload(ticket)["ahead"] == counted_ahead(ticket)
    # Served first: the last regular ticket waits for all six; the second priority one for one.
    assert ticket_payload(ticket)["ahead"] == 6
    assert counted_ahead(Ticket.objects.get(priority_reason="pregnant")) == 1
    assert_row_matches(queue)


def test_interleave_policy_counts_everyone_earlier(queue, clock):
    queue.priority_policy = PriorityPolicy.INTERLEAVE
    queue.save()
    services.ticket_issue(queue=queue)
    services.ticket_issue(queue=queue, priority_reason="elderly")
    ticket = services.ticket_issue(queue=queue, priority_reason="disability")
    assert ticket_payload(ticket)["ahead"] == counted_ahead(ticket) == 2


def test_the_answer_counts_open_counters_for_the_wait(queue, open_counter, clock):
    services.ticket_issue(queue=queue)
    ticket = services.ticket_issue(queue=queue)
    position = selectors.ticket_position(ticket)
    assert (position.ahead, position.open_counters) == (1, 1)
    assert position.wait_minutes == selectors.ticket_position(Ticket.objects.get(pk=ticket.pk)).wait_minutes


def test_call_cancel_transfer_and_no_show_keep_the_count(queue, open_counter, officer, clock):
    tickets = [
        services.ticket_issue(queue=queue, priority_reason="elderly" if n == 2 else "") for n in range(5)
    ]
    assert assert_row_matches(queue).waiting == 5
    called = services.ticket_call_next(counter=open_counter, actor=officer)  # the priority one
    assert called.priority_reason == "elderly"
    assert (assert_row_matches(queue).waiting, assert_row_matches(queue).waiting_priority) == (4, 0)
    services.ticket_no_show(ticket=called, counter=open_counter, actor=officer)
    assert assert_row_matches(queue).waiting == 4
    services.ticket_cancel(ticket=tickets[4])
    assert assert_row_matches(queue).waiting == 3
    # A transfer: the called ticket leaves the line, its new ticket joins it again.
    other = CounterFactory(agency=queue.agency, label="Loket Perekaman KTP-el")
    other.queues.add(queue)
    called = services.ticket_call_next(counter=open_counter, actor=officer)
    assert assert_row_matches(queue).waiting == 2
    services.ticket_transfer(ticket=called, counter=open_counter, actor=officer, to_counter=other)
    assert assert_row_matches(queue).waiting == 3
    # The next ticket issued is told about all three.
    assert ticket_payload(services.ticket_issue(queue=queue))["ahead"] == 3


def test_closing_time_empties_the_count(queue, open_counter, officer, clock):
    for _ in range(3):
        services.ticket_issue(queue=queue, priority_reason="infant")
    services.ticket_call_next(counter=open_counter, actor=officer)
    clock.advance(hours=6)
    services.day_close(queue=queue, day=dt.date(2026, 11, 24))
    row = assert_row_matches(queue)
    assert (row.waiting, row.waiting_priority) == (0, 0)


def test_a_refused_walk_in_leaves_the_count_alone(queue, clock):
    from queueing.services import QuotaFull

    queue.slot_capacity, queue.booking_share = 1, 0  # one walk-in per session
    queue.save()
    issued = 0
    with pytest.raises(QuotaFull):
        while True:
            services.ticket_issue(queue=queue)
            issued += 1
    assert assert_row_matches(queue).waiting == issued

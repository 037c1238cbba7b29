"""Position in line and the board snapshot."""

import pytest

from queueing import selectors, services
from queueing.models import PriorityPolicy

pytestmark = pytest.mark.django_db


def test_people_ahead_follow_the_priority_policy(queue, clock):
    r1 = services.ticket_issue(queue=queue)
    clock.advance(minutes=1)
    p1 = services.ticket_issue(queue=queue, priority_reason="elderly")
    clock.advance(minutes=1)
    r2 = services.ticket_issue(queue=queue)
    assert [selectors.people_ahead(t) for t in (r1, p1, r2)] == [1, 0, 2]
    queue.priority_policy = PriorityPolicy.INTERLEAVE
    queue.save()
    for t in (r1, p1, r2):
        t.queue.refresh_from_db()
    assert [selectors.people_ahead(t) for t in (r1, p1, r2)] == [0, 1, 2]


def test_wait_uses_median_of_recent_service_times(queue, open_counter, officer, clock):
    for minutes in (4, 6, 20):
        ticket = services.ticket_issue(queue=queue)
        services.ticket_call_next(counter=open_counter, actor=officer)
        services.ticket_start(ticket=ticket, counter=open_counter, actor=officer)
        clock.advance(minutes=minutes)
        services.ticket_finish(ticket=ticket, counter=open_counter, actor=officer)
    services.ticket_issue(queue=queue)
    mine = services.ticket_issue(queue=queue)
    position = selectors.ticket_position(mine)
    assert (position.ahead, position.open_counters, position.wait_minutes) == (1, 1, 6)


def test_board_snapshot_builds_in_few_queries(
    queue, open_counter, officer, clock, django_assert_max_num_queries
):
    for _ in range(5):
        services.ticket_issue(queue=queue)
    services.ticket_call_next(counter=open_counter, actor=officer)
    selectors.board_version_bump()
    with django_assert_max_num_queries(5):
        _version, body = selectors.board_snapshot_json()
    assert b'"waiting":{"B":4}' in body

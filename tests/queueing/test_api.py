"""/api/v1/queue/...: kiosk issue and check-in, ticket status, board snapshot, counter actions
(own agency only), availability."""

import datetime as dt
import json

import pytest
from django.urls import reverse

from queueing import services
from queueing.models import Ticket, TicketStatus
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_issue_ticket(api_client, queue, service, clock):
    response = api_client.post(
        reverse("api:queue-ticket-issue"),
        {"queue": "B", "service": service.code, "priority_reason": "infant"},
        format="json",
    )
    assert response.status_code == 201
    data = response.json()
    assert data["code"] == "B001" and data["service"] == "Perekaman KTP-el" and data["ahead"] == 0
    assert Ticket.objects.get().priority_reason == "infant"


def test_issue_refusals_are_clear(api_client, queue, clock, settings):
    assert (
        api_client.post(reverse("api:queue-ticket-issue"), {"queue": "Z"}, format="json").status_code == 400
    )
    clock.set(dt.datetime(2026, 11, 28, 9, 0, tzinfo=dt.UTC))
    response = api_client.post(reverse("api:queue-ticket-issue"), {"queue": "B"}, format="json")
    assert response.status_code == 400 and response.json()["code"] == "queue_closed"
    settings.MPP_QUEUE_ISSUE_RATE_LIMIT = 0
    assert (
        api_client.post(reverse("api:queue-ticket-issue"), {"queue": "B"}, format="json").status_code == 429
    )
    assert not Ticket.objects.exists()


def test_ticket_status_and_check_in(api_client, queue, service, citizen, clock):
    booking = services.booking_create(
        citizen=citizen, service=service, day=dt.date(2026, 11, 24), starts_at=dt.time(9, 30)
    )
    response = api_client.post(reverse("api:queue-check-in"), {"code": booking.code}, format="json")
    assert response.status_code == 201
    token = response.json()["token"]
    status = api_client.get(reverse("api:queue-ticket-status", args=[token])).json()
    assert status["source"] == "booking" and status["status"] == "waiting"
    again = api_client.post(reverse("api:queue-check-in"), {"code": booking.code}, format="json")
    assert again.status_code == 409
    assert api_client.get(reverse("api:queue-ticket-status", args=["nope"])).status_code == 404


def test_board_snapshot_follows_calls_and_answers_304(api_client, queue, open_counter, officer, clock):
    url = reverse("api:queue-board")
    first = api_client.get(url)
    etag = first["ETag"]
    assert api_client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    services.ticket_issue(queue=queue)
    ticket = services.ticket_call_next(counter=open_counter, actor=officer)
    # The test transaction never commits: bump the version as the on-commit hook would.
    from queueing.selectors import board_version_bump

    board_version_bump()
    fresh = api_client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert fresh.status_code == 200
    data = json.loads(fresh.content)
    assert data["calls"][0] == {
        "id": f"{ticket.pk}-1",
        "code": "B001",
        "counter": open_counter.number,
        "called_at": data["calls"][0]["called_at"],
        "spoken": "B nol nol satu",
    }
    row = next(c for c in data["counters"] if c["number"] == open_counter.number)
    assert row["ticket"] == "B001" and row["status"] == "open"


def test_board_snapshot_is_cached_between_versions(
    api_client, queue, open_counter, clock, django_assert_num_queries
):
    api_client.get(reverse("api:queue-board"))
    with django_assert_num_queries(0):
        api_client.get(reverse("api:queue-board"))


def test_counter_actions_for_own_agency_only(api_client, queue, counter, officer, clock):
    url = lambda action: reverse("api:queue-counter-action", args=[counter.pk, action])  # noqa: E731
    assert api_client.post(url("open")).status_code == 403  # anonymous
    api_client.force_authenticate(UserFactory(officer=True))
    assert api_client.post(url("open")).status_code == 403
    api_client.force_authenticate(UserFactory())
    assert api_client.post(url("open")).status_code == 403
    api_client.force_authenticate(officer)
    assert api_client.post(url("open")).status_code == 202
    assert api_client.post(url("call-next")).status_code == 204
    services.ticket_issue(queue=queue)
    called = api_client.post(url("call-next")).json()
    assert called["status"] == "called" and called["counter"] == counter.number
    ticket = Ticket.objects.get()
    assert api_client.post(url("start"), {"ticket": ticket.pk}, format="json").json()["status"] == "serving"
    assert api_client.post(url("recall"), {"ticket": ticket.pk}, format="json").status_code == 409
    assert api_client.post(url("finish"), {"ticket": ticket.pk}, format="json").json()["status"] == "done"
    assert api_client.post(url("finish"), {}, format="json").status_code == 400
    ticket.refresh_from_db()
    assert ticket.status == TicketStatus.DONE


def test_availability_api(api_client, queue, service, clock):
    response = api_client.get(
        reverse("api:queue-availability"), {"service": service.code, "from": "2026-11-25", "days": 4}
    )
    days = response.json()
    assert [d["is_open"] for d in days] == [True, True, True, False]  # Wed, Thu, Fri, Sat
    assert days[0]["slots"][0] == {"starts_at": "08:00:00", "ends_at": "08:30:00", "left": 6, "quota": 6}
    assert len(days[2]["slots"]) == 6  # Friday 08:00-11:00
    assert (
        api_client.get(reverse("api:queue-availability"), {"service": service.code, "days": 99}).status_code
        == 400
    )
    assert api_client.get(reverse("api:queue-availability"), {"service": "NOPE"}).status_code == 404

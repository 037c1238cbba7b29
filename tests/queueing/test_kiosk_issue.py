"""The kiosk's lean issue endpoint (POST /antrian/kios/terbitkan/), the per-process copies of the
queues and breaks, the one-round-trip cache counters, and the project-wide history manager fix."""

import datetime as dt
import json

import pytest
from django.core.cache import cache, caches
from django.db import connection, transaction
from django.urls import reverse

from mpp.cache import hit_and_get, incr
from mpp.history import CachedHistoryDescriptor
from queueing import selectors, services
from queueing.models import QueueBreak, Ticket

URL = "/antrian/kios/terbitkan/"


@pytest.fixture(autouse=True)
def _fresh_config():
    selectors._LOCAL_CONFIG.clear()
    selectors._LOCAL_SERVICE_TIME.clear()
    yield
    selectors._LOCAL_CONFIG.clear()
    selectors._LOCAL_SERVICE_TIME.clear()


def post_json(client, body):
    return client.post(URL, json.dumps(body), content_type="application/json")


@pytest.mark.django_db
def test_url_name():
    assert reverse("queueing:kiosk_issue") == URL


@pytest.mark.django_db
def test_kiosk_issues_a_ticket_with_its_history_row(client, queue, service, clock):
    response = post_json(client, {"queue": "b", "service": service.code, "priority_reason": "elderly"})
    assert response.status_code == 201
    data = response.json()
    assert data["code"] == "B001" and data["ahead"] == 0 and data["service"] == "Perekaman KTP-el"
    assert data["priority_reason"] == "elderly" and data["status"] == "waiting"
    ticket = Ticket.objects.get()
    assert ticket.token == data["token"]
    (row,) = ticket.history.all()
    assert row.history_type == "+" and row.history_change_reason == "issued" and row.history_user is None
    # The same answer as the API's, for the kiosk and the apps alike.
    api = client.post(reverse("api:queue-ticket-issue"), {"queue": "B"}, content_type="application/json")
    assert set(api.json()) == set(data) and api.json()["code"] == "B002" and api.json()["ahead"] == 1


@pytest.mark.django_db
def test_form_encoded_post_works_too(client, queue, clock):
    response = client.post(URL, {"queue": "B", "priority_reason": "pregnant"})
    assert response.status_code == 201 and response.json()["priority_reason"] == "pregnant"


@pytest.mark.django_db
def test_refusals_are_clear_and_change_nothing(client, queue, clock, settings):
    unknown = post_json(client, {"queue": "Z"})
    assert unknown.status_code == 400 and unknown.json() == {
        "detail": "Antrian tidak ditemukan.",
        "code": "queue_not_found",
    }
    bad_service = post_json(client, {"queue": "B", "service": "IMB-TIDAK-ADA"})
    assert bad_service.status_code == 400 and bad_service.json()["code"] == "bad_service"
    bad_priority = post_json(client, {"queue": "B", "priority_reason": "vip"})
    assert bad_priority.status_code == 400 and bad_priority.json()["code"] == "bad_priority"
    assert client.post(URL, b"{not json", content_type="application/json").status_code == 400
    clock.set(dt.datetime(2026, 11, 28, 9, 0, tzinfo=dt.UTC))  # Saturday: closed
    closed = post_json(client, {"queue": "B"})
    assert closed.status_code == 400 and closed.json()["code"] == "queue_closed"
    assert client.get(URL).status_code == 405
    assert not Ticket.objects.exists()


@pytest.mark.django_db
def test_english_message_for_an_english_kiosk(client, queue, clock):
    response = client.post(
        URL, json.dumps({"queue": "Z"}), content_type="application/json", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.json()["detail"] == "Queue not found."


@pytest.mark.django_db
def test_rate_limit_shared_with_the_api(client, queue, clock, settings):
    settings.MPP_QUEUE_ISSUE_RATE_LIMIT = 2
    assert (
        client.post(
            reverse("api:queue-ticket-issue"), {"queue": "B"}, content_type="application/json"
        ).status_code
        == 201
    )
    assert post_json(client, {"queue": "B"}).status_code == 201
    refused = post_json(client, {"queue": "B"})
    assert refused.status_code == 429 and refused.json()["code"] == "throttled"
    assert Ticket.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_kiosk_costs_two_statements_once_the_queue_is_held(client, queue, clock, django_assert_num_queries):
    assert post_json(client, {"queue": "B"}).status_code == 201  # loads this process's copy
    # The number with the waiting count and the open counters (INSERT ... ON CONFLICT ...
    # RETURNING), the ticket with its history row (one statement); plus the transaction's BEGIN
    # and COMMIT. No query for the queue row (this process's copy), no COUNT for the position.
    # Elsewhere (SQLite) the ticket and its history row are two statements.
    with django_assert_num_queries(4 if connection.vendor == "postgresql" else 5):
        answer = post_json(client, {"queue": "B"}).json()
    assert answer["code"] == "B002" and answer["ahead"] == 1


@pytest.mark.django_db(transaction=True)
def test_a_committed_queue_change_reaches_the_kiosk(client, queue, clock):
    assert post_json(client, {"queue": "B"}).status_code == 201
    assert selectors._LOCAL_CONFIG  # held
    version = selectors.config_version()
    queue.is_active = False
    queue.save()
    assert selectors.config_version() == version + 1
    refused = post_json(client, {"queue": "B"})
    assert refused.status_code == 400 and refused.json()["code"] == "queue_not_found"


@pytest.mark.django_db(transaction=True)
def test_another_process_sees_the_change_through_the_version(client, queue, clock):
    assert post_json(client, {"queue": "B"}).status_code == 201
    held = dict(selectors._LOCAL_CONFIG)
    queue.is_active = False
    queue.save()
    selectors._LOCAL_CONFIG.update(held)  # as if this process had not seen the signal
    assert post_json(client, {"queue": "B"}).status_code == 400


@pytest.mark.django_db(transaction=True)
def test_a_new_break_stops_calling_at_once(queue, open_counter, officer, clock):
    services.ticket_issue(queue=queue)
    assert selectors.call_breaks() == []  # held now
    QueueBreak.objects.create(label="Ishoma", starts_at=dt.time(8, 30), ends_at=dt.time(9, 30))
    with pytest.raises(services.QueueClosed):
        services.ticket_call_next(counter=open_counter, actor=officer)


@pytest.mark.django_db(transaction=True)
def test_nothing_is_held_from_inside_a_transaction(queue, clock):
    with transaction.atomic():
        assert selectors.active_queue_by_prefix("B") is not None
    assert not selectors._LOCAL_CONFIG


def test_history_descriptor_is_built_once_for_every_audited_model():
    from django.apps import apps

    audited = [m for m in apps.get_models() if hasattr(m._meta, "simple_history_manager_attribute")]
    assert len(audited) > 10
    for model in audited:
        descriptor = vars(model)[model._meta.simple_history_manager_attribute]
        assert isinstance(descriptor, CachedHistoryDescriptor), model
    assert type(Ticket.history) is type(Ticket.history)  # the same class, not a new one per access


@pytest.mark.django_db
def test_history_manager_is_still_bound_to_its_instance(queue, clock):
    first = services.ticket_issue(queue=queue)
    second = services.ticket_issue(queue=queue)
    assert [r.code for r in first.history.all()] == ["B001"]
    assert [r.code for r in second.history.all()] == ["B002"]
    assert Ticket.history.count() == 2


@pytest.mark.django_db
def test_cache_counters_in_one_round_trip():
    cache.set("queue:test:read", 7)
    assert hit_and_get("rl:test", 60, "queue:test:read", "queue:test:missing") == (1, [7, None])
    assert hit_and_get("rl:test", 60)[0] == 2
    assert cache.get("rl:test") == 2  # readable through the cache API
    backend = caches["default"]
    if hasattr(backend, "_cache") and hasattr(backend._cache, "get_client"):  # Redis: the window is set
        assert 0 < backend._cache.get_client().ttl(backend.make_key("rl:test")) <= 60
    assert incr("counter:test") == 1 and incr("counter:test") == 2 and cache.get("counter:test") == 2


@pytest.mark.django_db
def test_one_statement_history_row_is_the_one_simple_history_writes(queue, service, officer, clock):
    ticket = services.ticket_issue(queue=queue, service=service, priority_reason="infant", actor=officer)
    stored = Ticket.objects.get(pk=ticket.pk)
    row = stored.history.get()
    assert (row.history_type, row.history_change_reason, row.history_user) == ("+", "issued", officer)
    for field in Ticket._meta.concrete_fields:
        if field.name != "token":  # not tracked (excluded_fields)
            assert getattr(row, field.attname) == getattr(stored, field.attname), field.name
    assert ticket.issued_at == stored.issued_at and ticket.code == "B001"
    # A later change through the ORM adds the library's own row after it.
    stored.status = "cancelled"
    stored._history_user = officer
    stored._change_reason = "test"
    stored.save()
    assert [r.history_type for r in stored.history.order_by("history_id")] == ["+", "~"]


@pytest.mark.django_db(transaction=True)
def test_the_kiosk_keeps_the_calendar_per_process_and_sees_a_new_holiday(client, queue, clock):
    from agencies import selectors as agency_selectors
    from agencies.models import CalendarOverride

    assert post_json(client, {"queue": "B"}).status_code == 201
    assert agency_selectors._LOCAL_CALENDARS  # held by this process
    # An admin closes today (another process: only the cache's stamp moves, this copy stays).
    held = dict(agency_selectors._LOCAL_CALENDARS)
    CalendarOverride.objects.create(profile_id=1, date=dt.date(2026, 11, 24), kind="closed", reason="Pilkada")
    agency_selectors._LOCAL_CALENDARS.update(held)
    refused = post_json(client, {"queue": "B"})
    assert refused.status_code == 400 and refused.json()["code"] == "queue_closed"
    assert Ticket.objects.count() == 1


@pytest.mark.django_db
def test_a_flushed_cache_never_brings_back_an_old_calendar_stamp(queue, clock):
    from agencies.selectors import calendar_stamp

    first = calendar_stamp()
    cache.clear()
    assert calendar_stamp() != first


@pytest.mark.django_db
def test_a_flushed_cache_never_brings_back_an_old_queue_version(queue):
    config, board = selectors.config_version(), selectors.board_version()
    cache.clear()
    assert selectors.config_version() != config
    cache.clear()
    selectors._config_version_move()  # a queue saved after the flush
    selectors.board_version_bump()
    assert selectors.config_version() not in (config, 1, 2)
    assert selectors.board_version() not in (board, 1, 2)


@pytest.mark.django_db
def test_the_calendar_stamp_moves_at_the_change_and_again_when_it_commits(
    queue, django_capture_on_commit_callbacks
):
    from agencies.models import OfficeHours
    from agencies.selectors import calendar_stamp

    before = calendar_stamp()
    with django_capture_on_commit_callbacks(execute=True):
        OfficeHours.objects.filter(weekday=0).update(closes_at="15:00")
        OfficeHours.objects.get(weekday=0).save()
        during = calendar_stamp()  # this transaction reads the new rows
    assert before != during != calendar_stamp()  # moved again on commit


@pytest.mark.django_db
def test_a_body_that_is_not_a_json_object_gets_its_own_message(client, queue, clock):
    for body in ("{not json", "[1, 2]"):
        answer = client.post(URL, body, content_type="application/json")
        assert answer.status_code == 400
        assert answer.json() == {
            "detail": "Permintaan tidak dapat dibaca: kirim objek JSON atau isian formulir.",
            "code": "bad_request",
        }
    assert Ticket.objects.count() == 0

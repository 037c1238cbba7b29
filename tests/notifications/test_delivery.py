"""Sending deliveries: e-mail and text messages, retries with a failing gateway, quiet hours,
the beat sweep, idempotence, and the real HTTP gateway against a local server."""

import json
import threading
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone

from notifications import channels, selectors, services, tasks
from notifications.models import ChannelPreference, Delivery
from tests.factories import UserFactory

WIB = ZoneInfo("Asia/Jakarta")
CONTEXT = {"tracking_number": "PBG-1", "service_name": "PBG", "status": "Diverifikasi"}


def _notify(user, **kwargs):
    return services.notify(
        recipient=user, event="application.status_changed", context=CONTEXT, link="/permohonan/7/", **kwargs
    )


def _sms_user(**kwargs):
    user = UserFactory(phone="081234567890", **kwargs)
    ChannelPreference.objects.create(user=user, email=False, whatsapp=False, sms=True)
    return user


class FlakyGateway(channels.MessageGateway):
    def __init__(self, failures: int):
        self.failures = failures
        self.sent = []

    def send(self, *, channel, to, message):
        if self.failures:
            self.failures -= 1
            raise channels.DeliveryError("gateway down (HTTP 503)")
        self.sent.append((channel, to, message))


@pytest.mark.django_db
def test_email_delivery_is_sent_once_with_an_absolute_link(settings):
    settings.MPP_PUBLIC_BASE_URL = "https://mpp.example.id"
    notification = _notify(UserFactory(email="ani@contoh.id"))
    delivery = notification.deliveries.get()
    assert tasks.deliver.apply(args=[delivery.pk]).get() == "sent"
    assert tasks.deliver.apply(args=[delivery.pk]).get() == "skipped"  # a repeat sends nothing
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ani@contoh.id"]
    assert mail.outbox[0].subject == "Status permohonan PBG-1: Diverifikasi"
    assert "https://mpp.example.id/permohonan/7/" in mail.outbox[0].body
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.SENT
    assert delivery.sent_at is not None
    assert delivery.attempts == 1


@pytest.mark.django_db
def test_sms_goes_through_the_configured_gateway(text_messages):
    delivery = _notify(_sms_user()).deliveries.get()
    tasks.deliver.apply(args=[delivery.pk])
    assert [(m["channel"], m["to"]) for m in text_messages()] == [("sms", "081234567890")]
    assert "Diverifikasi" in text_messages()[0]["message"]


@pytest.mark.django_db
def test_failing_gateway_is_retried_and_the_eventual_success_recorded(monkeypatch):
    gateway = FlakyGateway(failures=2)
    monkeypatch.setattr(channels, "message_gateway", lambda: gateway)
    delivery = _notify(_sms_user()).deliveries.get()

    assert tasks.deliver.apply(args=[delivery.pk]).get() == "sent"  # eager: Celery's retries run inline

    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.SENT
    assert delivery.attempts == 3
    assert "gateway down (HTTP 503)" in delivery.last_error  # the failure stays on record
    assert delivery.sent_at is not None
    assert len(gateway.sent) == 1


@pytest.mark.django_db
def test_a_failure_is_recorded_with_the_next_attempt_before_the_retry(monkeypatch):
    monkeypatch.setattr(channels, "message_gateway", lambda: FlakyGateway(failures=1))
    delivery = _notify(_sms_user()).deliveries.get()
    now = timezone.now()
    assert services.delivery_attempt(delivery_id=delivery.pk, now=now) == services.Outcome.RETRY
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.PENDING
    assert delivery.attempts == 1
    assert delivery.next_attempt_at == now + timedelta(seconds=services.RETRY_BACKOFF)
    assert selectors.deliveries_due(now=now) == []
    assert selectors.deliveries_due(now=delivery.next_attempt_at) == [delivery.pk]


@pytest.mark.django_db
def test_a_gateway_that_keeps_failing_ends_failed_after_five_attempts(monkeypatch):
    monkeypatch.setattr(channels, "message_gateway", lambda: FlakyGateway(failures=99))
    delivery = _notify(_sms_user()).deliveries.get()
    assert tasks.deliver.apply(args=[delivery.pk]).get() == "failed"
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.FAILED
    assert delivery.attempts == services.MAX_ATTEMPTS
    assert "gateway down" in delivery.last_error
    assert delivery.next_attempt_at is None


@pytest.mark.django_db
def test_quiet_hours_hold_a_citizen_sms_until_morning(settings, text_messages):
    settings.MPP_QUIET_HOURS_START = "21:00"
    settings.MPP_QUIET_HOURS_END = "06:00"
    night = datetime(2026, 3, 2, 22, 30, tzinfo=WIB)
    morning = datetime(2026, 3, 3, 6, 0, tzinfo=WIB)
    delivery = _notify(_sms_user()).deliveries.get()

    assert services.delivery_attempt(delivery_id=delivery.pk, now=night) == services.Outcome.HELD
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.PENDING
    assert delivery.next_attempt_at == morning
    assert text_messages() == []
    assert selectors.deliveries_due(now=morning - timedelta(minutes=1)) == []
    assert selectors.deliveries_due(now=morning) == [delivery.pk]

    assert services.delivery_attempt(delivery_id=delivery.pk, now=morning) == services.Outcome.SENT
    assert len(text_messages()) == 1


@pytest.mark.django_db
def test_quiet_hours_do_not_hold_staff_messages(settings, text_messages):
    settings.MPP_QUIET_HOURS_START = "21:00"
    settings.MPP_QUIET_HOURS_END = "06:00"
    officer = _sms_user(officer=True)
    delivery = services.notify(
        recipient=officer, event="staff.deadline_breached", context={"tracking_number": "X"}
    ).deliveries.get()
    night = datetime(2026, 3, 2, 22, 30, tzinfo=WIB)
    assert services.delivery_attempt(delivery_id=delivery.pk, now=night) == services.Outcome.SENT


@pytest.mark.django_db
def test_send_due_queues_due_and_never_queued_deliveries(monkeypatch):
    queued = []
    monkeypatch.setattr(tasks.deliver, "delay", queued.append)
    past = timezone.now() - timedelta(minutes=5)
    due = _notify(UserFactory()).deliveries.get()
    Delivery.objects.filter(pk=due.pk).update(next_attempt_at=past)
    held = _notify(UserFactory()).deliveries.get()
    Delivery.objects.filter(pk=held.pk).update(next_attempt_at=timezone.now() + timedelta(hours=3))
    lost = _notify(UserFactory()).deliveries.get()
    Delivery.objects.filter(pk=lost.pk).update(created_at=past)
    fresh = _notify(UserFactory()).deliveries.get()  # its own task is on the way
    sent = _notify(UserFactory()).deliveries.get()
    Delivery.objects.filter(pk=sent.pk).update(status=Delivery.Status.SENT, next_attempt_at=past)

    assert tasks.send_due() == 2
    assert sorted(queued) == sorted([due.pk, lost.pk])
    assert fresh.pk not in queued


@pytest.mark.django_db
def test_reserved_no_email_address_is_never_mailed():
    user = UserFactory()
    delivery = _notify(user).deliveries.get()
    type(user).objects.filter(pk=user.pk).update(email="nik-1@tanpa-email.mpp.local")
    assert services.delivery_attempt(delivery_id=delivery.pk) == services.Outcome.FAILED
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.FAILED
    assert "no deliverable e-mail" in delivery.last_error
    assert mail.outbox == []


class _Recorder(BaseHTTPRequestHandler):
    status = 200
    received: list = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).received.append((self.headers["Authorization"], json.loads(body)))
        self.send_response(type(self).status)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def gateway_server():
    _Recorder.received = []
    _Recorder.status = 200
    server = HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_http_gateway_posts_json_with_the_bearer_token(gateway_server):
    url = f"http://127.0.0.1:{gateway_server.server_port}/send"
    channels.HttpGateway(url=url, token="rahasia").send(channel="sms", to="0812", message="Halo")
    assert _Recorder.received == [("Bearer rahasia", {"to": "0812", "message": "Halo", "channel": "sms"})]


def test_http_gateway_raises_on_non_2xx(gateway_server):
    _Recorder.status = 502
    url = f"http://127.0.0.1:{gateway_server.server_port}/send"
    with pytest.raises(channels.DeliveryError, match="HTTP 502"):
        channels.HttpGateway(url=url, token="t").send(channel="whatsapp", to="0812", message="Halo")


@pytest.mark.django_db
def test_a_batch_records_each_result_and_leaves_the_failed_one_to_the_sweep(monkeypatch):
    ids = [_notify(_sms_user()).deliveries.get().pk for _ in range(3)]
    sent = []

    def flaky_send(delivery):
        if delivery.pk == ids[1]:
            raise channels.DeliveryError("gateway down (HTTP 503)")
        sent.append(delivery.pk)

    monkeypatch.setattr(channels, "send", flaky_send)
    now = timezone.now()
    outcomes = services.deliveries_attempt(delivery_ids=[*ids, ids[0]], now=now)
    assert outcomes == {"sent": 2, "retry": 1, "skipped": 1}
    assert sent == [ids[0], ids[2]]
    failed = Delivery.objects.get(pk=ids[1])
    assert (failed.status, failed.attempts) == (Delivery.Status.PENDING, 1)
    assert "DeliveryError: gateway down (HTTP 503)" in failed.last_error
    assert selectors.deliveries_due(now=failed.next_attempt_at) == [ids[1]]
    monkeypatch.setattr(channels, "send", lambda delivery: sent.append(delivery.pk))
    assert services.deliveries_attempt(delivery_ids=ids, now=failed.next_attempt_at) == {
        "sent": 1,
        "skipped": 2,
    }
    assert Delivery.objects.filter(status=Delivery.Status.SENT).count() == 3

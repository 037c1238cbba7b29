"""notify(): the inbox row, one delivery per enabled channel, the recipient's language, dedup."""

import threading

import pytest
from django.db import connection

from notifications import services
from notifications.models import ChannelPreference, Delivery, MessageTemplate, Notification
from tests.factories import UserFactory

RECEIVED = {
    "tracking_number": "PBG-2026-000001",
    "service_name": "Persetujuan Bangunan Gedung",
    "secret": "ABCD-1234",
    "expected_date": "14 Desember 2026",
}


@pytest.mark.django_db
def test_notify_renders_in_indonesian_and_creates_email_delivery_by_default(
    django_capture_on_commit_callbacks,
):
    citizen = UserFactory(preferred_language="id")
    with django_capture_on_commit_callbacks() as callbacks:
        notification = services.notify(
            recipient=citizen, event="application.received", context=RECEIVED, link="/permohonan/1/"
        )
    assert notification.title == "Permohonan PBG-2026-000001 diterima"
    assert "Kode rahasia untuk melacak: ABCD-1234." in notification.body
    assert notification.read_at is None
    deliveries = list(notification.deliveries.all())
    assert [d.channel for d in deliveries] == ["email"]
    assert deliveries[0].status == Delivery.Status.PENDING
    assert len(callbacks) == 1  # one deliver task per delivery, queued after commit


@pytest.mark.django_db
def test_notify_uses_english_and_every_enabled_channel(django_capture_on_commit_callbacks):
    citizen = UserFactory(preferred_language="en", phone="081234567890")
    ChannelPreference.objects.create(user=citizen, email=True, whatsapp=True, sms=True)
    with django_capture_on_commit_callbacks() as callbacks:
        notification = services.notify(recipient=citizen, event="application.received", context=RECEIVED)
    assert notification.title == "Application PBG-2026-000001 received"
    assert "Secret code for tracking: ABCD-1234." in notification.body
    assert sorted(notification.deliveries.values_list("channel", flat=True)) == ["email", "sms", "whatsapp"]
    assert len(callbacks) == 3


@pytest.mark.django_db
def test_notify_skips_channels_without_an_address_and_respects_the_callers_limit():
    counter_citizen = UserFactory(email="nik-3574010101900001@tanpa-email.mpp.local", phone="")
    ChannelPreference.objects.create(user=counter_citizen, email=True, whatsapp=True, sms=False)
    notification = services.notify(recipient=counter_citizen, event="application.received", context=RECEIVED)
    assert notification.deliveries.count() == 0  # in-app only: no e-mail to the reserved domain, no phone

    officer = UserFactory(officer=True)
    notification = services.notify(
        recipient=officer, event="staff.deadline_soon", context={"tracking_number": "X"}, channels=[]
    )
    assert notification.deliveries.count() == 0


@pytest.mark.django_db
def test_admin_edited_template_wins_over_the_default():
    MessageTemplate.objects.create(
        event="application.status_changed",
        subject_id="Kabar baru {{ tracking_number }}",
        body_id="Status: {{ status }} & lanjut",
        subject_en="News {{ tracking_number }}",
        body_en="Status: {{ status }}",
    )
    notification = services.notify(
        recipient=UserFactory(),
        event="application.status_changed",
        context={"tracking_number": "A-1", "status": "Diverifikasi"},
    )
    assert notification.title == "Kabar baru A-1"
    assert notification.body == "Status: Diverifikasi & lanjut"  # plain text: not HTML-escaped


@pytest.mark.django_db
def test_unknown_event_is_refused():
    with pytest.raises(services.UnknownEvent):
        services.notify(recipient=UserFactory(), event="no.such.event", context={})


@pytest.mark.django_db
def test_dedup_key_prevents_a_second_notification(django_capture_on_commit_callbacks):
    citizen = UserFactory()
    first = services.notify(recipient=citizen, event="application.received", context=RECEIVED, dedup_key="k1")
    with django_capture_on_commit_callbacks() as callbacks:
        second = services.notify(
            recipient=citizen, event="application.received", context=RECEIVED, dedup_key="k1"
        )
    assert first is not None
    assert second is None
    assert callbacks == []
    assert Notification.objects.count() == 1
    assert Delivery.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_dedup_key_holds_between_two_concurrent_callers(monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers; the race needs PostgreSQL")
    monkeypatch.setattr(services, "_enqueue_delivery", lambda delivery_id: None)
    citizen = UserFactory()
    barrier = threading.Barrier(2)
    results, errors = [], []

    def worker():
        from django.db import connections

        try:
            barrier.wait()
            results.append(
                services.notify(
                    recipient=citizen, event="application.received", context=RECEIVED, dedup_key="race"
                )
            )
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(result is None for result in results) == [False, True]
    assert Notification.objects.filter(dedup_key="race").count() == 1
    assert Delivery.objects.count() == 1


@pytest.mark.django_db
def test_seed_message_templates_is_idempotent_and_keeps_edits():
    from django.core.management import call_command

    from notifications.defaults import DEFAULT_TEMPLATES

    call_command("seed_message_templates")
    assert MessageTemplate.objects.count() == len(DEFAULT_TEMPLATES) >= 10
    MessageTemplate.objects.filter(event="application.received").update(subject_id="Diubah admin")
    call_command("seed_message_templates")
    assert MessageTemplate.objects.count() == len(DEFAULT_TEMPLATES)
    assert MessageTemplate.objects.get(event="application.received").subject_id == "Diubah admin"
    for template in MessageTemplate.objects.all():  # every seeded template renders with its sample
        template.full_clean()

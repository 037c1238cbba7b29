"""The inbox, opening a notification, "tandai semua dibaca", preferences, the header count, and
the admin's failure list."""

import pytest
from django.urls import reverse

from notifications import services
from notifications.models import ChannelPreference, Delivery, Notification
from tests.factories import UserFactory

CONTEXT = {"tracking_number": "PBG-9", "service_name": "PBG", "status": "Diverifikasi"}


def _notify(user, link="/permohonan/9/", **context):
    return services.notify(
        recipient=user, event="application.status_changed", context={**CONTEXT, **context}, link=link
    )


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["notifications:inbox", "notifications:preferences"])
def test_pages_need_login(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


@pytest.mark.django_db
def test_inbox_lists_only_my_notifications_newest_first_with_unread_marked(
    client, django_assert_max_num_queries
):
    me, other = UserFactory(), UserFactory()
    older = _notify(me, status="Diterima")
    newer = _notify(me, status="Disetujui")
    services.notification_mark_read(notification=older)
    _notify(other, status="Rahasia orang lain")
    for _ in range(25):
        _notify(me, status="Lama")
    Notification.objects.filter(pk__in=[older.pk, newer.pk]).update(created_at="2030-01-01T00:00:00Z")
    Notification.objects.filter(pk=newer.pk).update(created_at="2030-01-02T00:00:00Z")
    client.force_login(me)

    with django_assert_max_num_queries(8):
        response = client.get(reverse("notifications:inbox"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Rahasia orang lain" not in html
    assert html.index("Disetujui") < html.index("Diterima")
    assert "Halaman 1 dari 2" in html
    assert html.count("notification-unread") == 19  # page 1: 20 rows, the older one read
    assert html.index("notification-unread") < html.index("Disetujui")
    assert "Tandai semua dibaca" in html


@pytest.mark.django_db
def test_opening_marks_read_and_follows_a_same_site_link(client):
    me = UserFactory()
    notification = _notify(me)
    client.force_login(me)
    response = client.get(reverse("notifications:open", args=[notification.pk]))
    assert response.status_code == 302
    assert response["Location"] == "/permohonan/9/"
    notification.refresh_from_db()
    assert notification.read_at is not None


@pytest.mark.django_db
def test_opening_never_follows_an_offsite_link(client):
    me = UserFactory()
    notification = _notify(me, link="https://jahat.example.com/login")
    client.force_login(me)
    response = client.get(reverse("notifications:open", args=[notification.pk]))
    assert response["Location"] == reverse("notifications:inbox")


@pytest.mark.django_db
def test_someone_elses_notification_is_not_found(client):
    owner, intruder = UserFactory(), UserFactory()
    notification = _notify(owner)
    client.force_login(intruder)
    assert client.get(reverse("notifications:open", args=[notification.pk])).status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


@pytest.mark.django_db
def test_header_shows_the_unread_count_and_mark_all_read_clears_it(client):
    me = UserFactory()
    _notify(me)
    _notify(me)
    _notify(UserFactory())
    client.force_login(me)
    html = client.get(reverse("services:home")).content.decode()
    assert 'data-unread-count="2"' in html

    response = client.post(reverse("notifications:mark_all_read"), follow=True)
    html = response.content.decode()
    assert "Semua notifikasi ditandai sudah dibaca." in html
    assert "data-unread-count" not in html
    assert Notification.objects.filter(recipient=me, read_at__isnull=True).count() == 0


@pytest.mark.django_db
def test_mark_all_read_needs_post(client):
    client.force_login(UserFactory())
    assert client.get(reverse("notifications:mark_all_read")).status_code == 405


@pytest.mark.django_db
def test_preferences_page_saves_the_channels(client):
    me = UserFactory(phone="081234567890")
    client.force_login(me)
    response = client.get(reverse("notifications:preferences"))
    assert 'name="email" id="id_email" checked' in response.content.decode()
    response = client.post(reverse("notifications:preferences"), {"whatsapp": "on"}, follow=True)
    assert "Preferensi notifikasi disimpan." in response.content.decode()
    preference = ChannelPreference.objects.get(user=me)
    assert (preference.email, preference.whatsapp, preference.sms) == (False, True, False)
    notification = _notify(me)
    assert list(notification.deliveries.values_list("channel", flat=True)) == ["whatsapp"]


@pytest.mark.django_db
def test_admin_lists_failed_deliveries_with_the_error_and_retries_them(
    client, django_capture_on_commit_callbacks
):
    admin_user = UserFactory(mpp_admin=True, is_superuser=True)
    failed = _notify(UserFactory()).deliveries.get()
    Delivery.objects.filter(pk=failed.pk).update(
        status=Delivery.Status.FAILED, attempts=5, last_error="SMTPServerDisconnected: gone"
    )
    ok = _notify(UserFactory()).deliveries.get()
    Delivery.objects.filter(pk=ok.pk).update(status=Delivery.Status.SENT)
    client.force_login(admin_user)

    url = reverse("admin:notifications_delivery_changelist")
    html = client.get(url, {"status__exact": "failed"}).content.decode()
    assert "SMTPServerDisconnected: gone" in html
    assert f'value="{ok.pk}"' not in html

    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(
            url, {"action": "retry_failed", "_selected_action": [failed.pk, ok.pk]}, follow=True
        )
    assert "1 pengiriman diantrekan ulang." in response.content.decode()
    failed.refresh_from_db()
    assert (failed.status, failed.attempts) == (Delivery.Status.PENDING, 0)
    assert len(callbacks) == 1


@pytest.mark.django_db
def test_admin_template_preview_renders_both_languages(client):
    from notifications.models import MessageTemplate

    services.message_templates_seed()
    template = MessageTemplate.objects.get(event="application.received")
    client.force_login(UserFactory(mpp_admin=True, is_superuser=True))
    html = client.get(
        reverse("admin:notifications_messagetemplate_change", args=[template.pk])
    ).content.decode()
    assert "Permohonan PBG-2026-000123 diterima" in html
    assert "Application PBG-2026-000123 received" in html
    assert "K7Q2-9XMA" in html


@pytest.mark.django_db
def test_admin_lists_sent_alerts_read_only(client):
    from datetime import UTC, datetime

    from notifications.models import AlertMarker

    AlertMarker.objects.create(
        subject_type="permits.application",
        subject_id=4821,
        stage="breach",
        deadline=datetime(2026, 3, 30, 7, tzinfo=UTC),
    )
    client.force_login(UserFactory(role="mpp_admin", is_staff=True, is_superuser=True))
    page = client.get(reverse("admin:notifications_alertmarker_changelist")).content.decode()
    assert "4821" in page and "breach" in page
    assert client.get(reverse("admin:notifications_alertmarker_add")).status_code == 403

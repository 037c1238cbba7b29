"""The queue's pages: kiosk issue and print, phone status, board, availability, bookings, and the
counter page with who may use it."""

import datetime as dt

import pytest
from django.urls import reverse

from queueing import services
from queueing.models import Booking, Ticket, TicketStatus
from tests.factories import CounterFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_kiosk_issues_a_ticket_and_shows_the_printable_ticket(client, queue, clock):
    services.ticket_issue(queue=queue)
    page = client.get(reverse("queueing:kiosk"))
    assert "Administrasi Kependudukan" in page.content.decode()
    response = client.post(
        reverse("queueing:kiosk"), {"step": "issue", "queue": queue.pk, "priority_reason": "elderly"}
    )
    ticket = Ticket.objects.get(code="B002")
    assert response.url == reverse("queueing:kiosk_ticket", args=[ticket.token])
    assert ticket.priority_reason == "elderly"
    printed = client.get(response.url).content.decode()
    assert "B002" in printed and "Lanjut usia" in printed
    assert "size: 80mm auto" in printed and "<svg" in printed
    assert "size: 58mm auto" in client.get(response.url + "?kertas=58").content.decode()


def test_kiosk_is_rate_limited_per_address(client, queue, clock, settings):
    settings.MPP_QUEUE_ISSUE_RATE_LIMIT = 2
    for _ in range(3):
        response = client.post(reverse("queueing:kiosk"), {"step": "issue", "queue": queue.pk}, follow=True)
    assert Ticket.objects.count() == 2
    assert "Terlalu banyak permintaan" in response.content.decode()


def test_kiosk_outside_hours_says_closed_and_issues_nothing(client, queue, clock):
    clock.set(dt.datetime(2026, 11, 24, 15, 0, tzinfo=dt.timezone(dt.timedelta(hours=7))))
    response = client.post(reverse("queueing:kiosk"), {"step": "issue", "queue": queue.pk})
    assert "di luar jam layanan" in response.content.decode()
    assert not Ticket.objects.exists()


def test_kiosk_check_in_by_code(client, queue, service, citizen, clock):
    booking = services.booking_create(
        citizen=citizen, service=service, day=dt.date(2026, 11, 24), starts_at=dt.time(9, 30)
    )
    response = client.post(reverse("queueing:kiosk"), {"step": "checkin", "code": booking.code})
    booking.refresh_from_db()
    assert response.url == reverse("queueing:kiosk_ticket", args=[booking.ticket.token])


def test_phone_status_shows_people_ahead_and_wait(client, queue, open_counter, clock):
    services.ticket_issue(queue=queue)
    mine = services.ticket_issue(queue=queue)
    body = client.get(reverse("queueing:ticket_status", args=[mine.token])).content.decode()
    assert "Orang di depan Anda" in body and ">1<" in body
    assert "10 menit" in body  # 1 ahead x 10 min default / 1 open counter
    assert 'aria-live="polite"' in body
    assert client.get(reverse("queueing:ticket_status", args=["0" * 32])).status_code == 404


def test_board_page_embeds_the_snapshot(client, queue, open_counter, officer, clock):
    services.ticket_issue(queue=queue)
    services.ticket_call_next(counter=open_counter, actor=officer)
    body = client.get(reverse("queueing:board")).content.decode()
    assert "B001" in body and "B nol nol satu" in body
    assert reverse("api:queue-board") in body


def test_availability_is_public_and_shows_places_left(
    client, queue, service, citizen, open_counter, clock, django_assert_max_num_queries
):
    services.booking_create(
        citizen=citizen, service=service, day=dt.date(2026, 11, 25), starts_at=dt.time(9, 0)
    )
    with django_assert_max_num_queries(12):
        body = client.get(reverse("queueing:availability"), {"layanan": service.code}).content.decode()
    assert "09:00 (5)" in body and "09:30 (6)" in body  # quota 6 per session, one booked
    assert "Tutup" in body  # the weekend
    assert "Kuota dibuka" in body  # beyond the 7-day horizon
    assert "Selesai di MPP" in body
    assert "Loket Adminduk 1 (" in body and "<strong>Buka</strong>" in body  # the counter's live status


def test_booking_pages_for_the_citizen_only(client, queue, service, citizen, clock):
    client.force_login(citizen)
    response = client.post(
        reverse("queueing:booking_new"),
        {"service": service.code, "day": "2026-11-25", "starts_at": "10:00", "priority_reason": ""},
    )
    booking = Booking.objects.get()
    assert response.url == reverse("queueing:booking_detail", args=[booking.code])
    detail = client.get(response.url).content.decode()
    assert booking.code in detail and "<svg" in detail
    again = client.post(
        reverse("queueing:booking_new"),
        {"service": service.code, "day": "2026-11-25", "starts_at": "10:30", "priority_reason": ""},
    )
    assert "sudah memiliki pemesanan aktif" in again.content.decode()
    other = UserFactory(nik="3574014101850002")
    client.force_login(other)
    assert client.get(reverse("queueing:booking_detail", args=[booking.code])).status_code == 404
    assert client.post(reverse("queueing:booking_cancel", args=[booking.code])).status_code == 404
    client.force_login(citizen)
    client.post(reverse("queueing:booking_cancel", args=[booking.code]))
    booking.refresh_from_db()
    assert booking.status == "cancelled"


def test_counter_page_for_own_agency_staff_only(client, counter, officer, clock):
    client.force_login(officer)
    assert client.get(reverse("queueing:counter", args=[counter.pk])).status_code == 200
    stranger = UserFactory(officer=True)
    client.force_login(stranger)
    assert client.get(reverse("queueing:counter", args=[counter.pk])).status_code == 403
    response = client.post(reverse("queueing:counter_action", args=[counter.pk]), {"action": "open"})
    assert response.status_code == 403
    counter.refresh_from_db()
    assert counter.status == "closed"
    client.force_login(UserFactory())
    assert client.get(reverse("queueing:counter", args=[counter.pk])).status_code == 403


def test_counter_page_runs_a_visit(client, queue, counter, officer, clock):
    client.force_login(officer)
    url = reverse("queueing:counter_action", args=[counter.pk])
    client.post(url, {"action": "open"})
    ticket = services.ticket_issue(queue=queue)
    client.post(url, {"action": "call_next"})
    page = client.get(reverse("queueing:counter", args=[counter.pk])).content.decode()
    assert "B001" in page and reverse("permits_staff:assist") in page
    client.post(url, {"action": "start", "ticket": ticket.pk})
    client.post(url, {"action": "finish", "ticket": ticket.pk})
    ticket.refresh_from_db()
    assert ticket.status == TicketStatus.DONE
    response = client.post(url, {"action": "call_next"}, follow=True)
    assert "Tidak ada antrian yang menunggu" in response.content.decode()


def test_counter_transfer_from_the_page(client, queue, counter, officer, clock):
    other = CounterFactory(agency=queue.agency, label="Loket Akta Capil")
    other.queues.add(queue)
    client.force_login(officer)
    url = reverse("queueing:counter_action", args=[counter.pk])
    client.post(url, {"action": "open"})
    ticket = services.ticket_issue(queue=queue)
    client.post(url, {"action": "call_next"})
    client.post(url, {"action": "transfer", "ticket": ticket.pk, "to_counter": other.pk})
    ticket.refresh_from_db()
    assert ticket.status == TicketStatus.TRANSFERRED
    assert ticket.transferred_to.for_counter == other

"""The queue's services: numbering, calling with priority, counter actions with their history,
bookings (quota, one per NIK, check-in window), closing time and closed days."""

import datetime as dt

import pytest

from agencies.models import CalendarOverride
from agencies.selectors import clear_calendar_cache
from mpp.errors import ConflictError, DomainError
from notifications.models import Notification
from queueing import services
from queueing.models import (
    Booking,
    BookingStatus,
    DailyFigures,
    PriorityPolicy,
    QueueBreak,
    SlotLedger,
    Ticket,
    TicketSource,
    TicketStatus,
)
from tests.factories import CounterFactory, UserFactory
from tests.queueing.conftest import WIB
from tests.queueing.factories import QueueFactory

pytestmark = pytest.mark.django_db


def issue(queue, n=1, **kwargs):
    return [services.ticket_issue(queue=queue, **kwargs) for _ in range(n)]


# --- numbering -----------------------------------------------------------------------------------


def test_numbers_run_per_queue_and_restart_the_next_day(queue, clock, agency):
    other = QueueFactory(agency=agency, prefix="C")
    a, b = issue(queue, 2)
    c = services.ticket_issue(queue=other)
    assert [a.code, b.code, c.code] == ["B001", "B002", "C001"]
    assert a.history.last().history_change_reason == "issued"
    clock.set(dt.datetime(2026, 11, 25, 8, 5, tzinfo=WIB))
    assert services.ticket_issue(queue=queue).code == "B001"


def test_no_ticket_outside_office_hours_or_on_a_closed_day(queue, clock):
    clock.set(dt.datetime(2026, 11, 24, 7, 59, tzinfo=WIB))
    with pytest.raises(DomainError, match="di luar jam layanan"):
        services.ticket_issue(queue=queue)
    clock.set(dt.datetime(2026, 11, 28, 9, 0, tzinfo=WIB))  # Saturday
    with pytest.raises(DomainError):
        services.ticket_issue(queue=queue)
    CalendarOverride.objects.create(profile_id=1, date=dt.date(2026, 11, 26), kind="closed", reason="Pilkada")
    clear_calendar_cache()
    clock.set(dt.datetime(2026, 11, 26, 9, 0, tzinfo=WIB))
    with pytest.raises(DomainError):
        services.ticket_issue(queue=queue)
    assert not Ticket.objects.exists()


def test_walk_ins_cannot_use_the_booking_share(queue, clock):
    queue.slot_capacity, queue.booking_share = 2, 50  # 12 sessions x 1 walk-in place
    queue.save()
    clock.set(dt.datetime(2026, 11, 24, 8, 5, tzinfo=WIB))
    issue(queue, 12)
    with pytest.raises(ConflictError, match="Kuota antrian langsung"):
        services.ticket_issue(queue=queue)
    assert Ticket.objects.count() == 12
    # Sessions whose check-in window closed give their unclaimed booked places to walk-ins.
    clock.set(dt.datetime(2026, 11, 24, 8, 16, tzinfo=WIB))
    assert services.ticket_issue(queue=queue).code == "B013"


# --- calling -------------------------------------------------------------------------------------


def test_call_next_in_line_order_and_history_names_the_officer(queue, open_counter, officer, clock):
    first, _second = issue(queue, 2)
    called = services.ticket_call_next(counter=open_counter, actor=officer)
    assert called == first
    assert called.status == TicketStatus.CALLED and called.counter == open_counter
    record = called.history.first()
    assert record.history_user == officer
    assert record.history_change_reason == f"called to counter {open_counter.number}"
    with pytest.raises(ConflictError, match="masih memanggil"):
        services.ticket_call_next(counter=open_counter, actor=officer)


def test_priority_first_policy(queue, open_counter, officer, clock):
    regular = services.ticket_issue(queue=queue)
    elderly = services.ticket_issue(queue=queue, priority_reason="elderly")
    assert services.ticket_call_next(counter=open_counter, actor=officer) == elderly
    services.ticket_no_show(ticket=elderly, counter=open_counter, actor=officer)
    assert services.ticket_call_next(counter=open_counter, actor=officer) == regular


def test_interleave_policy_one_priority_after_n_regular(queue, open_counter, officer, clock):
    queue.priority_policy, queue.priority_every = PriorityPolicy.INTERLEAVE, 2
    queue.save()
    regulars = issue(queue, 4)
    pregnant = services.ticket_issue(queue=queue, priority_reason="pregnant")
    order = []
    for _ in range(5):
        ticket = services.ticket_call_next(counter=open_counter, actor=officer)
        order.append(ticket.code)
        clock.advance(minutes=1)
        services.ticket_no_show(ticket=ticket, counter=open_counter, actor=officer)
    assert order == [regulars[0].code, regulars[1].code, pregnant.code, regulars[2].code, regulars[3].code]


def test_counter_serves_only_its_queues_and_only_its_staff(queue, open_counter, officer, clock, agency):
    other_queue = QueueFactory(agency=agency, prefix="C")
    services.ticket_issue(queue=other_queue)
    assert services.ticket_call_next(counter=open_counter, actor=officer) is None
    stranger = UserFactory(officer=True)
    services.ticket_issue(queue=queue)
    with pytest.raises(DomainError, match="Hanya petugas"):
        services.ticket_call_next(counter=open_counter, actor=stranger)


def test_closed_counter_and_break_stop_calling(queue, counter, officer, clock):
    services.ticket_issue(queue=queue)
    with pytest.raises(DomainError, match="Buka loket"):
        services.ticket_call_next(counter=counter, actor=officer)
    services.counter_set_status(counter=counter, actor=officer, status="open")
    QueueBreak.objects.create(label="ISHOMA", weekday=1, starts_at=dt.time(12), ends_at=dt.time(12, 30))
    clock.set(dt.datetime(2026, 11, 24, 12, 5, tzinfo=WIB))
    with pytest.raises(DomainError, match="ISHOMA"):
        services.ticket_call_next(counter=counter, actor=officer)
    clock.set(dt.datetime(2026, 11, 24, 12, 30, tzinfo=WIB))
    assert services.ticket_call_next(counter=counter, actor=officer) is not None


def test_recall_start_finish_with_history(queue, open_counter, officer, clock):
    ticket = services.ticket_issue(queue=queue)
    services.ticket_call_next(counter=open_counter, actor=officer)
    clock.advance(minutes=1)
    recalled = services.ticket_recall(ticket=ticket, counter=open_counter, actor=officer)
    assert recalled.call_count == 2
    services.ticket_start(ticket=ticket, counter=open_counter, actor=officer)
    clock.advance(minutes=7)
    done = services.ticket_finish(ticket=ticket, counter=open_counter, actor=officer)
    assert done.status == TicketStatus.DONE
    assert (done.finished_at - done.started_at) == dt.timedelta(minutes=7)
    reasons = list(
        ticket.history.order_by("history_date", "history_id").values_list("history_change_reason", "status")
    )
    assert reasons == [
        ("issued", "waiting"),
        (f"called to counter {open_counter.number}", "called"),
        ("recalled", "called"),
        ("started", "serving"),
        ("finished", "done"),
    ]
    with pytest.raises(ConflictError):
        services.ticket_no_show(ticket=done, counter=open_counter, actor=officer)


def test_transfer_to_another_counter_keeps_the_place(queue, open_counter, officer, clock):
    other = CounterFactory(agency=queue.agency, label="Loket Perekaman KTP-el")
    other.queues.add(queue)
    services.counter_set_status(counter=other, actor=officer, status="open")
    first = services.ticket_issue(queue=queue)
    clock.advance(minutes=1)
    later = services.ticket_issue(queue=queue)
    services.ticket_call_next(counter=open_counter, actor=officer)
    moved = services.ticket_transfer(ticket=first, counter=open_counter, actor=officer, to_counter=other)
    first.refresh_from_db()
    assert first.status == TicketStatus.TRANSFERRED
    assert moved.code == first.code and moved.for_counter == other and moved.source == TicketSource.TRANSFER
    # Only the target counter may call it, and it comes before the later ticket there.
    assert services.ticket_call_next(counter=other, actor=officer) == moved
    assert services.ticket_call_next(counter=open_counter, actor=officer) == later


def test_counter_status_is_shown_and_guarded(queue, open_counter, officer, clock):
    services.ticket_issue(queue=queue)
    services.ticket_call_next(counter=open_counter, actor=officer)
    with pytest.raises(ConflictError, match="Selesaikan tiket"):
        services.counter_set_status(counter=open_counter, actor=officer, status="closed")
    # The refused close wrote nothing: the newest row is still the officer's opening. (By id, not
    # by date: the counter was made at the real time, before the frozen clock's Tuesday.)
    newest = open_counter.history.order_by("-history_id").first()
    assert (newest.status, newest.history_user) == ("open", officer)
    open_counter.refresh_from_db()
    assert open_counter.status == "open"


# --- bookings ------------------------------------------------------------------------------------


def book(citizen, service, day=dt.date(2026, 11, 25), at=dt.time(9, 0), **kwargs):
    return services.booking_create(citizen=citizen, service=service, day=day, starts_at=at, **kwargs)


def test_booking_confirms_and_notifies_once(queue, service, citizen, clock):
    booking = book(citizen, service)
    assert booking.status == BookingStatus.ACTIVE and len(booking.code) == 8
    assert SlotLedger.objects.get(queue=queue, day=booking.day, starts_at=dt.time(9)).booked == 1
    note = Notification.objects.get(recipient=citizen, event="queue.booking_confirmed")
    assert booking.code in note.body
    assert booking.history.first().history_user == citizen


def test_one_active_booking_per_nik_service_day(queue, service, citizen, clock):
    first = book(citizen, service)
    with pytest.raises(ConflictError, match="sudah memiliki pemesanan aktif"):
        book(citizen, service, at=dt.time(10, 0))
    assert SlotLedger.objects.get(day=first.day, starts_at=dt.time(10)).booked == 0
    services.booking_cancel(booking=first, actor=citizen)
    assert book(citizen, service, at=dt.time(10, 0)).status == BookingStatus.ACTIVE


def test_quota_per_session_is_never_exceeded(queue, service, clock):
    queue.slot_capacity, queue.booking_share = 4, 50  # 2 booked places per session
    queue.save()
    people = [UserFactory(nik=f"357401120590{n:04d}") for n in range(2, 5)]
    book(people[0], service)
    book(people[1], service)
    with pytest.raises(ConflictError, match="Kuota sesi ini sudah habis"):
        book(people[2], service)
    assert Booking.objects.count() == 2


@pytest.mark.parametrize(
    ("day", "at", "message"),
    [
        (dt.date(2026, 11, 28), dt.time(9), "tutup"),  # Saturday
        (dt.date(2026, 12, 10), dt.time(9), "paling lama"),  # beyond 7 days
        (dt.date(2026, 11, 24), dt.time(8, 30), "sudah lewat"),
        (dt.date(2026, 11, 25), dt.time(9, 10), "tidak ada"),
    ],
)
def test_booking_refuses_bad_days_and_sessions(queue, service, citizen, clock, day, at, message):
    with pytest.raises(DomainError, match=message):
        book(citizen, service, day=day, at=at)
    assert not Booking.objects.exists()


def test_citizen_without_nik_cannot_book(queue, service, clock):
    with pytest.raises(DomainError, match="NIK"):
        book(UserFactory(nik=None), service)


def test_check_in_window(queue, service, citizen, clock):
    booking = book(citizen, service, day=dt.date(2026, 11, 24), at=dt.time(10, 0))
    clock.set(dt.datetime(2026, 11, 24, 9, 29, tzinfo=WIB))
    with pytest.raises(DomainError, match="09:30"):
        services.booking_check_in(code=booking.code)
    clock.set(dt.datetime(2026, 11, 24, 9, 30, tzinfo=WIB))
    ticket = services.booking_check_in(code=booking.code.lower())
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CHECKED_IN and booking.ticket == ticket
    assert ticket.source == TicketSource.BOOKING and ticket.citizen == citizen
    with pytest.raises(ConflictError):
        services.booking_check_in(code=booking.code)


def test_late_check_in_joins_walk_in_line_and_releases_the_slot(queue, service, citizen, clock):
    booking = book(citizen, service, day=dt.date(2026, 11, 24), at=dt.time(10, 0))
    clock.set(dt.datetime(2026, 11, 24, 10, 16, tzinfo=WIB))
    ticket = services.booking_check_in(code=booking.code)
    booking.refresh_from_db()
    assert booking.status == BookingStatus.EXPIRED
    assert ticket.source == TicketSource.WALK_IN
    assert SlotLedger.objects.get(pk=booking.slot_id).booked == 0


def test_priority_chosen_at_booking_carries_to_the_ticket(
    queue, service, citizen, open_counter, officer, clock
):
    services.ticket_issue(queue=queue)
    booking = book(
        citizen, service, day=dt.date(2026, 11, 24), at=dt.time(9, 30), priority_reason="disability"
    )
    ticket = services.booking_check_in(code=booking.code)
    assert services.ticket_call_next(counter=open_counter, actor=officer) == ticket


# --- sweeps --------------------------------------------------------------------------------------


def test_closing_time_makes_no_shows_and_keeps_figures(queue, open_counter, officer, clock):
    served, waiting, _late = issue(queue, 3)
    services.ticket_call_next(counter=open_counter, actor=officer)
    services.ticket_start(ticket=served, counter=open_counter, actor=officer)
    clock.advance(minutes=6)
    services.ticket_finish(ticket=served, counter=open_counter, actor=officer)
    clock.set(dt.datetime(2026, 11, 24, 13, 59, tzinfo=WIB))
    assert services.days_close_due() == 0
    clock.set(dt.datetime(2026, 11, 24, 14, 0, tzinfo=WIB))
    assert services.days_close_due() == 1
    waiting.refresh_from_db()
    assert waiting.status == TicketStatus.NO_SHOW
    assert waiting.history.first().history_change_reason == "closing time"
    figures = DailyFigures.objects.get(queue=queue, day=dt.date(2026, 11, 24))
    assert (figures.issued, figures.served, figures.no_show) == (3, 1, 2)
    assert figures.median_service_seconds == 360
    open_counter.refresh_from_db()
    assert open_counter.status == "closed"
    assert services.days_close_due() == 0  # idempotent


def test_booking_on_a_newly_closed_day_is_moved_and_the_citizen_told(queue, service, citizen, clock):
    booking = book(citizen, service, day=dt.date(2026, 11, 26), at=dt.time(9, 0))
    CalendarOverride.objects.create(
        profile_id=1, date=dt.date(2026, 11, 26), kind="closed", reason="Pemadaman listrik"
    )
    clear_calendar_cache()
    assert services.bookings_handle_closed_days() == {"moved": 1, "cancelled": 0}
    booking.refresh_from_db()
    assert booking.day == dt.date(2026, 11, 27) and booking.status == BookingStatus.ACTIVE
    assert Notification.objects.filter(recipient=citizen, event="queue.booking_moved").count() == 1
    assert services.bookings_handle_closed_days() == {"moved": 0, "cancelled": 0}


def test_booking_cancelled_when_next_day_is_full(queue, service, citizen, clock):
    queue.slot_capacity = 2  # one booked place per session
    queue.save()
    booking = book(citizen, service, day=dt.date(2026, 11, 26), at=dt.time(9, 0))
    book(UserFactory(nik="3574014101850002"), service, day=dt.date(2026, 11, 27), at=dt.time(9, 0))
    CalendarOverride.objects.create(profile_id=1, date=dt.date(2026, 11, 26), kind="closed", reason="Banjir")
    clear_calendar_cache()
    assert services.bookings_handle_closed_days() == {"moved": 0, "cancelled": 1}
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert Notification.objects.filter(recipient=citizen, event="queue.booking_cancelled_closure").exists()


def test_reminders_day_and_hour_before_are_sent_once(queue, service, citizen, clock):
    book(citizen, service, day=dt.date(2026, 11, 25), at=dt.time(10, 0))
    clock.set(dt.datetime(2026, 11, 24, 10, 0, tzinfo=WIB))
    assert services.booking_reminders_send() == 1
    assert services.booking_reminders_send() == 0
    clock.set(dt.datetime(2026, 11, 25, 9, 0, tzinfo=WIB))
    assert services.booking_reminders_send() == 1
    events = list(
        Notification.objects.filter(recipient=citizen).values_list("event", flat=True).order_by("id")
    )
    assert events == ["queue.booking_confirmed", "queue.booking_reminder_day", "queue.booking_reminder_hour"]


def test_turn_near_notification_once(queue, service, citizen, open_counter, officer, clock, settings):
    settings.MPP_QUEUE_NEAR_AHEAD = 1
    issue(queue, 2)
    booking = book(citizen, service, day=dt.date(2026, 11, 24), at=dt.time(9, 30))
    ticket = services.booking_check_in(code=booking.code)
    assert services.near_turn_notify(queue_id=queue.pk) == 0  # two ahead
    services.ticket_call_next(counter=open_counter, actor=officer)
    assert services.near_turn_notify(queue_id=queue.pk) == 1
    assert services.near_turn_notify(queue_id=queue.pk) == 0
    note = Notification.objects.get(event="queue.turn_near")
    assert ticket.code in note.body and "1 orang" in note.body


def test_closing_expires_bookings_of_a_day_without_tickets(queue, service, citizen, clock):
    booking = book(citizen, service, day=dt.date(2026, 11, 24), at=dt.time(10, 0))
    clock.set(dt.datetime(2026, 11, 24, 14, 0, tzinfo=WIB))
    assert services.days_close_due() == 1
    booking.refresh_from_db()
    assert booking.status == BookingStatus.EXPIRED
    assert booking.history.first().history_change_reason == "not checked in by closing time"
    assert DailyFigures.objects.get(queue=queue, day=booking.day).issued == 0


@pytest.mark.parametrize(
    ("trait", "allowed"),
    [("waiting", True), ("called", False), ("serving", False), ("done", False)],
)
def test_only_a_waiting_ticket_can_be_cancelled(queue, clock, trait, allowed):
    from tests.queueing.factories import TicketFactory

    ticket = TicketFactory(queue=queue, **({} if trait == "waiting" else {trait: True}))
    if allowed:
        assert services.ticket_cancel(ticket=ticket).status == TicketStatus.CANCELLED
        assert ticket.history.first().history_change_reason == "cancelled"
    else:
        with pytest.raises(ConflictError, match="tidak dapat diubah"):
            services.ticket_cancel(ticket=ticket)
        ticket.refresh_from_db()
        assert ticket.status != TicketStatus.CANCELLED


def test_a_served_ticket_invites_the_visitor_to_the_survey_once(
    queue, open_counter, officer, citizen, clock, client, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    from surveys.models import SurveyInvitation

    ticket = services.ticket_issue(queue=queue, citizen=citizen)
    services.ticket_call_next(counter=open_counter, actor=officer)
    services.ticket_start(ticket=ticket, counter=open_counter, actor=officer)
    status_url = reverse("queueing:ticket_status", args=[ticket.token])
    assert "Isi survei kepuasan" not in client.get(status_url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        services.ticket_finish(ticket=ticket, counter=open_counter, actor=officer)

    invitation = SurveyInvitation.objects.get(subject_kind="queue_ticket", subject_id=ticket.pk)
    assert invitation.citizen == citizen and invitation.agency == queue.agency
    assert Notification.objects.filter(recipient=citizen, event="survey.invitation").count() == 1
    page = client.get(status_url).content.decode()
    assert "Isi survei kepuasan" in page and reverse("surveys:survey", args=[invitation.token]) in page


def test_a_no_show_gets_no_survey(queue, open_counter, officer, clock, django_capture_on_commit_callbacks):
    from surveys.models import SurveyInvitation

    ticket = services.ticket_issue(queue=queue)
    services.ticket_call_next(counter=open_counter, actor=officer)
    with django_capture_on_commit_callbacks(execute=True):
        services.ticket_no_show(ticket=ticket, counter=open_counter, actor=officer)
    assert not SurveyInvitation.objects.filter(subject_kind="queue_ticket", subject_id=ticket.pk).exists()

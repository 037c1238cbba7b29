"""Every write of the queue: one function per business action, atomic, with a history row naming
the actor (``None`` for the public kiosk and the sweeps).

Concurrency
-----------
- Ticket numbers: one ``INSERT ... ON CONFLICT DO UPDATE ... RETURNING`` on the per-(queue, day)
  row takes its row lock and hands out the next number in one round trip; the lock is held until
  the ticket row is written, and ``UNIQUE (queue, day, number)`` is the last guard.
- Call next: ``SELECT ... FOR UPDATE SKIP LOCKED`` on the waiting line, so two counters never get
  the same ticket and never wait for each other; the counter's own row is locked so one counter
  cannot call twice at once.
- Bookings: the session's ledger row is locked while counting, and a CHECK keeps ``booked`` within
  the quota; a partial unique index allows one active booking per NIK, service and day.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from agencies.selectors import work_calendar
from mpp.errors import ConflictError, DomainError
from mpp.history import insert_with_history

from . import selectors, slots
from .models import (
    TICKET_TRANSITIONS,
    Booking,
    BookingStatus,
    Counter,
    CounterStatus,
    DailyFigures,
    PriorityPolicy,
    PriorityReason,
    Queue,
    QueueDay,
    SlotLedger,
    Ticket,
    TicketSource,
    TicketStatus,
)

BOOKING_CODE_ALPHABET = "ACDEFGHJKLMNPQRTUVWXY34679"  # no 0/O, 1/I, 2/Z, 5/S, 8/B look-alikes

logger = logging.getLogger(__name__)


class QueueClosed(DomainError):
    pass


class QuotaFull(ConflictError):
    pass


class TransitionNotAllowed(ConflictError):
    pass


def _now(now: datetime | None) -> datetime:
    return now or timezone.now()


def ensure_transition(current: str, target: str) -> None:
    if target not in TICKET_TRANSITIONS[current]:
        raise TransitionNotAllowed(
            _("Tiket berstatus %(status)s tidak dapat diubah menjadi %(target)s. Muat ulang halaman.")
            % {"status": TicketStatus(current).label, "target": TicketStatus(target).label}
        )


def _office_window_now(now: datetime, calendar=None):
    calendar = calendar or work_calendar()
    local = now.astimezone(calendar.tz)
    window = calendar.office_window(local.date())
    if window is None or not (window[0] <= local < window[1]):
        raise QueueClosed(_("Antrian sedang tutup: di luar jam layanan MPP."), code="queue_closed")
    return calendar, local, window


def _bump_board() -> None:
    transaction.on_commit(selectors.board_version_bump)


# --- tickets -------------------------------------------------------------------------------------


_NEXT_NUMBER_SQL = """
INSERT INTO queueing_queueday (queue_id, day, last_number, walk_ins, waiting, waiting_priority)
VALUES (%(queue)s, %(day)s, 1, %(walk_in)s, 1, %(priority)s)
ON CONFLICT (queue_id, day) DO UPDATE
   SET last_number = queueing_queueday.last_number + 1,
       walk_ins = queueing_queueday.walk_ins + EXCLUDED.walk_ins,
       waiting = queueing_queueday.waiting + 1,
       waiting_priority = queueing_queueday.waiting_priority + EXCLUDED.waiting_priority
RETURNING last_number, walk_ins, waiting, waiting_priority,
          (SELECT COUNT(*) FROM queueing_counter c
             JOIN queueing_counter_queues cq ON cq.counter_id = c.id
            WHERE cq.queue_id = %(queue)s AND c.is_active AND c.status = 'open')
"""


@dataclass
class _Numbered:
    number: int
    walk_ins: int
    waiting: int  # the day's waiting tickets, the new one included
    waiting_priority: int
    open_counters: int  # open counters serving the queue (for the kiosk's wait estimate)


def _next_number(*, queue: Queue, day: date, walk_in: bool, priority: bool) -> _Numbered:
    """Take the (queue, day) row lock and the next number, and count the new ticket as waiting;
    the lock lasts until commit. The open counters come in the same round trip."""
    params = {"queue": queue.pk, "day": day, "walk_in": int(walk_in), "priority": int(priority)}
    with connection.cursor() as cursor:
        cursor.execute(_NEXT_NUMBER_SQL, params)
        return _Numbered(*cursor.fetchone())


_LEFT_WAITING_SQL = """
UPDATE queueing_queueday
   SET waiting = CASE WHEN waiting > 0 THEN waiting - 1 ELSE 0 END,
       waiting_priority = CASE WHEN waiting_priority >= %(priority)s
                               THEN waiting_priority - %(priority)s ELSE 0 END
 WHERE queue_id = %(queue)s AND day = %(day)s
"""


def _left_waiting(ticket: Ticket) -> None:
    """``ticket`` (locked, in this transaction) leaves the waiting line: one fewer on its day's row.
    Called by every service that moves a ticket out of "waiting"."""
    params = {"queue": ticket.queue_id, "day": ticket.day, "priority": int(bool(ticket.priority_reason))}
    with connection.cursor() as cursor:
        cursor.execute(_LEFT_WAITING_SQL, params)


def walk_in_allowed(*, queue: Queue, day: date, window, now: datetime, walk_ins: int) -> bool:
    """Whether the day takes a ``walk_ins``-th walk-in: the walk-in share of every session, plus
    the booking share of sessions whose check-in window has closed (places nobody claimed)."""
    day_slots = slots.day_slots(window, queue.slot_minutes)
    quota = queue.booking_quota_per_slot
    limit = len(day_slots) * (queue.slot_capacity - quota)
    if walk_ins <= limit:
        return True  # within the walk-in share: no need to read the ledger
    claimed = dict(SlotLedger.objects.filter(queue=queue, day=day).values_list("starts_at", "checked_in"))
    after = timedelta(minutes=settings.MPP_QUEUE_CHECKIN_AFTER_MINUTES)
    tz = window[0].tzinfo
    for starts_at, _ends in day_slots:
        if slots.at(day, starts_at, tz) + after <= now:
            limit += max(quota - claimed.get(starts_at, 0), 0)
    return walk_ins <= limit


@transaction.atomic
def ticket_issue(
    *,
    queue: Queue,
    service=None,
    priority_reason: str = "",
    source: str = TicketSource.WALK_IN,
    citizen=None,
    actor=None,
    now: datetime | None = None,
    calendar=None,
) -> Ticket:
    """A new waiting ticket, numbered per queue per day (A001, A002, ...). Walk-ins count against
    the walk-in share of the day; booked visitors use the place their booking holds. ``calendar``:
    the working calendar if the caller already holds it (the kiosk)."""
    now = _now(now)
    if not queue.is_active:
        raise QueueClosed(_("Antrian ini tidak aktif."), code="queue_inactive")
    if priority_reason not in PriorityReason.values:
        raise DomainError(_("Alasan prioritas tidak dikenal."), code="bad_priority")
    if service is not None and not queue.services.filter(pk=service.pk).exists():
        raise DomainError(_("Layanan ini tidak dilayani di antrian %(queue)s.") % {"queue": queue.name})
    _calendar, local, window = _office_window_now(now, calendar)
    day = local.date()
    walk_in = source == TicketSource.WALK_IN
    numbered = _next_number(queue=queue, day=day, walk_in=walk_in, priority=bool(priority_reason))
    number = numbered.number
    if walk_in and not walk_in_allowed(
        queue=queue, day=day, window=window, now=now, walk_ins=numbered.walk_ins
    ):
        raise QuotaFull(
            _(
                "Kuota antrian langsung %(queue)s hari ini sudah habis. Silakan pesan antrian daring untuk hari lain."
            )
            % {"queue": queue.name},
            code="walk_in_full",
        )
    ticket = Ticket(
        queue=queue,
        day=day,
        number=number,
        code=f"{queue.prefix}{number:03d}",
        token=secrets.token_hex(16),
        source=source,
        priority_reason=priority_reason,
        service=service,
        citizen=citizen,
        queued_at=now,
    )
    # The ticket and its history row ("issued", by the actor) in one round trip.
    insert_with_history(ticket, actor=actor, reason="issued")
    # Its place as issued, from the day's row: the newest ticket waits for every waiting ticket,
    # or under "served first" a priority ticket for the waiting priority ones only.
    if queue.priority_policy == PriorityPolicy.FIRST and priority_reason:
        ahead = numbered.waiting_priority - 1
    else:
        ahead = numbered.waiting - 1
    ticket.issued_position = (ahead, numbered.open_counters)
    _bump_board()
    return ticket


def _priority_due_queues(queues: list[Queue], day: date) -> set[int]:
    """Queues whose waiting priority tickets go first now: "served first" always; "one per N" when
    the last N tickets called from the queue today were all regular."""
    due = set()
    for queue in queues:
        if queue.priority_policy == PriorityPolicy.FIRST:
            due.add(queue.pk)
            continue
        recent = list(
            Ticket.objects.filter(queue=queue, day=day, called_at__isnull=False)
            .exclude(source=TicketSource.TRANSFER)
            .order_by("-called_at", "-id")
            .values_list("priority_reason", flat=True)[: queue.priority_every]
        )
        if len(recent) >= queue.priority_every and not any(recent):
            due.add(queue.pk)
    return due


def _lock_counter(counter: Counter) -> Counter:
    return Counter.objects.select_for_update().get(pk=counter.pk)


def _ensure_counter_staff(counter: Counter, actor) -> None:
    if actor is None or not (actor.is_agency_staff and actor.agency_id == counter.agency_id):
        raise DomainError(
            _("Hanya petugas instansi loket ini yang dapat melayani di loket ini."), code="forbidden"
        )


def ticket_call_next(*, counter: Counter, actor, now: datetime | None = None) -> Ticket | None:
    """Call the next waiting ticket for ``counter``: priority by each queue's policy, then line
    order. Returns None when nobody waits. Locked rows are skipped, so counters never block.

    The office hours and the call breaks are configuration, checked before the transaction
    (where the breaks can come from this process's copy, see ``selectors.call_breaks``)."""
    now = _now(now)
    _ensure_counter_staff(counter, actor)
    _calendar, local, _window = _office_window_now(now)
    pause = slots.in_break(local, selectors.call_breaks())
    if pause is not None:
        raise QueueClosed(
            _("Pemanggilan dijeda (%(label)s) sampai %(until)s.")
            % {"label": pause.label, "until": pause.ends_at.strftime("%H:%M")},
            code="queue_break",
        )
    return _call_next_locked(counter=counter, actor=actor, now=now, day=local.date())


@transaction.atomic
def _call_next_locked(*, counter: Counter, actor, now: datetime, day: date) -> Ticket | None:
    counter = _lock_counter(counter)
    if counter.status != CounterStatus.OPEN:
        raise DomainError(_("Buka loket terlebih dahulu."), code="counter_not_open")
    if Ticket.objects.filter(
        counter=counter, status__in=[TicketStatus.CALLED, TicketStatus.SERVING]
    ).exists():
        raise ConflictError(
            _("Loket ini masih memanggil atau melayani tiket. Selesaikan atau tandai tidak hadir dahulu."),
            code="counter_busy",
        )
    queues = list(counter.queues.filter(is_active=True))
    if not queues:
        raise DomainError(_("Loket ini belum melayani antrian apa pun."), code="counter_no_queue")
    due = _priority_due_queues(queues, day)
    ticket = (
        Ticket.objects.filter(queue__in=queues, day=day, status=TicketStatus.WAITING)
        .filter(Q(for_counter__isnull=True) | Q(for_counter=counter))
        .annotate(
            rank=Case(
                When(Q(queue_id__in=due) & ~Q(priority_reason=""), then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("rank", "queued_at", "id")
        .select_for_update(skip_locked=True, of=("self",))
        .first()
    )
    if ticket is None:
        return None
    _left_waiting(ticket)
    ticket.status = TicketStatus.CALLED
    ticket.counter = counter
    ticket.called_at = now
    ticket.call_count = 1
    ticket._history_user = actor
    ticket._change_reason = f"called to counter {counter.number}"
    ticket.save(update_fields=["status", "counter", "called_at", "call_count"])
    _bump_board()
    queue_id = ticket.queue_id
    # Only visitors with an account (booked, or a ticket tied to one) can be told; most walk-ins
    # have none, and a broker round trip per call would be wasted.
    if Ticket.objects.filter(
        queue_id=queue_id,
        day=day,
        status=TicketStatus.WAITING,
        citizen__isnull=False,
        near_notified_at__isnull=True,
    ).exists():
        transaction.on_commit(lambda: _enqueue_near_turn(queue_id))
    return ticket


def _enqueue_near_turn(queue_id: int) -> None:
    from . import tasks

    tasks.notify_near_turn.delay(queue_id)


def _lock_ticket(ticket: Ticket, counter: Counter | None = None) -> Ticket:
    locked = Ticket.objects.select_for_update().select_related("queue").get(pk=ticket.pk)
    if counter is not None and locked.counter_id != counter.pk:
        raise ConflictError(_("Tiket ini tidak sedang di loket Anda."), code="not_your_ticket")
    return locked


def _counter_action(*, ticket: Ticket, counter: Counter, actor, target: str, now, reason: str, **fields):
    _ensure_counter_staff(counter, actor)
    ticket = _lock_ticket(ticket, counter)
    ensure_transition(ticket.status, target)
    if ticket.status == TicketStatus.WAITING and target != TicketStatus.WAITING:
        _left_waiting(ticket)
    ticket.status = target
    for name, value in fields.items():
        setattr(ticket, name, value)
    ticket._history_user = actor
    ticket._change_reason = reason
    ticket.save(update_fields=["status", *fields])
    _bump_board()
    return ticket


@transaction.atomic
def ticket_recall(*, ticket: Ticket, counter: Counter, actor, now: datetime | None = None) -> Ticket:
    """Call the same ticket again (the board announces it again)."""
    now = _now(now)
    _ensure_counter_staff(counter, actor)
    locked = _lock_ticket(ticket, counter)
    return _counter_action(
        ticket=locked,
        counter=counter,
        actor=actor,
        target=TicketStatus.CALLED,
        now=now,
        reason="recalled",
        called_at=now,
        call_count=locked.call_count + 1,
    )


@transaction.atomic
def ticket_start(*, ticket: Ticket, counter: Counter, actor, now: datetime | None = None) -> Ticket:
    """The visitor arrived at the counter: service starts."""
    return _counter_action(
        ticket=ticket,
        counter=counter,
        actor=actor,
        target=TicketStatus.SERVING,
        now=now,
        reason="started",
        started_at=_now(now),
    )


@transaction.atomic
def ticket_finish(*, ticket: Ticket, counter: Counter, actor, now: datetime | None = None) -> Ticket:
    """Service done; after commit the visitor is invited to the satisfaction survey (SKM)."""
    ticket = _counter_action(
        ticket=ticket,
        counter=counter,
        actor=actor,
        target=TicketStatus.DONE,
        now=now,
        reason="finished",
        finished_at=_now(now),
    )
    selectors.service_time_forget(ticket.queue_id)
    transaction.on_commit(lambda: _invite_to_survey(ticket.pk))
    return ticket


def _invite_to_survey(ticket_id: int) -> None:
    """One SKM invitation per served ticket: to the citizen's inbox when the visitor has an account,
    and always on the ticket's phone page (walk-ins follow the QR code of their ticket). A failure
    here is logged and never undoes the served ticket."""
    from surveys.services import survey_invite

    ticket = Ticket.objects.select_related("queue__agency", "service", "citizen").get(pk=ticket_id)
    try:
        with transaction.atomic():
            survey_invite(
                subject_kind="queue_ticket",
                subject_id=ticket.pk,
                citizen=ticket.citizen,
                agency=ticket.queue.agency,
                service=ticket.service,
                subject_label=ticket.code,
            )
    except Exception:
        logger.exception("survey invitation for queue ticket %s failed", ticket_id)


@transaction.atomic
def ticket_no_show(*, ticket: Ticket, counter: Counter, actor, now: datetime | None = None) -> Ticket:
    """Called, and nobody came."""
    return _counter_action(
        ticket=ticket,
        counter=counter,
        actor=actor,
        target=TicketStatus.NO_SHOW,
        now=now,
        reason="no-show",
        finished_at=_now(now),
    )


@transaction.atomic
def ticket_transfer(
    *,
    ticket: Ticket,
    counter: Counter,
    actor,
    to_queue: Queue | None = None,
    to_counter: Counter | None = None,
    now: datetime | None = None,
) -> Ticket:
    """Send the visitor on to another queue or to one counter: the ticket becomes "transferred"
    and a new waiting ticket with the same code keeps the visitor's place in line."""
    now = _now(now)
    if (to_queue is None) == (to_counter is None):
        raise DomainError(_("Pilih satu tujuan: antrian atau loket."), code="transfer_target")
    if to_counter is not None:
        if to_counter.pk == counter.pk:
            raise DomainError(_("Tidak dapat mengalihkan ke loket yang sama."), code="transfer_same")
        to_queue = (
            ticket.queue
            if to_counter.queues.filter(pk=ticket.queue_id).exists()
            else to_counter.queues.first()
        )
        if to_queue is None:
            raise DomainError(_("Loket tujuan belum melayani antrian apa pun."), code="transfer_target")
    if not to_queue.is_active:
        raise DomainError(_("Antrian tujuan tidak aktif."), code="transfer_target")
    old = _counter_action(
        ticket=ticket,
        counter=counter,
        actor=actor,
        target=TicketStatus.TRANSFERRED,
        now=now,
        reason=f"transferred to {to_counter or to_queue}",
        finished_at=now,
    )
    numbered = _next_number(queue=to_queue, day=old.day, walk_in=False, priority=bool(old.priority_reason))
    new = Ticket(
        queue=to_queue,
        day=old.day,
        number=numbered.number,
        code=old.code,
        token=secrets.token_hex(16),
        source=TicketSource.TRANSFER,
        priority_reason=old.priority_reason,
        service=old.service if old.service and to_queue.services.filter(pk=old.service_id).exists() else None,
        citizen=old.citizen,
        queued_at=old.queued_at,
        for_counter=to_counter,
        transferred_from=old,
    )
    new._history_user = actor
    new._change_reason = f"transferred from counter {counter.number}"
    new.save()
    return new


@transaction.atomic
def ticket_cancel(*, ticket: Ticket, actor=None) -> Ticket:
    """The visitor leaves the line before being called."""
    ticket = _lock_ticket(ticket)
    ensure_transition(ticket.status, TicketStatus.CANCELLED)
    _left_waiting(ticket)  # only a waiting ticket can be cancelled
    ticket.status = TicketStatus.CANCELLED
    ticket._history_user = actor
    ticket._change_reason = "cancelled"
    ticket.save(update_fields=["status"])
    _bump_board()
    return ticket


# --- counters ------------------------------------------------------------------------------------


@transaction.atomic
def counter_set_status(*, counter: Counter, actor, status: str, now: datetime | None = None) -> Counter:
    """Open, pause or close a counter. The officer who opens it is shown as its officer."""
    now = _now(now)
    _ensure_counter_staff(counter, actor)
    if status not in CounterStatus.values:
        raise DomainError(_("Status loket tidak dikenal."), code="bad_status")
    counter = _lock_counter(counter)
    if (
        status != CounterStatus.OPEN
        and Ticket.objects.filter(
            counter=counter, status__in=[TicketStatus.CALLED, TicketStatus.SERVING]
        ).exists()
    ):
        raise ConflictError(
            _("Selesaikan tiket yang sedang dipanggil atau dilayani sebelum menutup atau menjeda loket."),
            code="counter_busy",
        )
    counter.status = status
    counter.officer = (
        actor
        if status == CounterStatus.OPEN
        else (counter.officer if status == CounterStatus.BREAK else None)
    )
    counter.status_changed_at = now
    counter._history_user = actor
    counter._change_reason = f"status {status}"
    counter.save(update_fields=["status", "officer", "status_changed_at"])
    _bump_board()
    return counter


# --- bookings ------------------------------------------------------------------------------------


def ensure_slots(*, queue: Queue, day: date) -> None:
    """The ledger rows of a day's sessions (created once; concurrent callers are harmless)."""
    window = work_calendar().office_window(day)
    quota = queue.booking_quota_per_slot
    SlotLedger.objects.bulk_create(
        [
            SlotLedger(
                queue=queue,
                day=day,
                starts_at=s,
                ends_at=e,
                capacity=queue.slot_capacity,
                booking_quota=quota,
            )
            for s, e in slots.day_slots(window, queue.slot_minutes)
        ],
        ignore_conflicts=True,
    )


def _new_booking_code() -> str:
    return "".join(secrets.choice(BOOKING_CODE_ALPHABET) for _ in range(8))


def _booking_context(booking: Booking) -> dict:
    from django.utils import formats

    return {
        "code": booking.code,
        "service_name": booking.service.name,
        "queue_name": booking.queue.name,
        "date": formats.date_format(booking.day, "l, j F Y"),
        "time": booking.starts_at.strftime("%H:%M"),
    }


def _notify_booking(booking: Booking, event: str, key: str) -> None:
    from django.urls import reverse

    from notifications.services import notify

    notify(
        recipient=booking.citizen,
        event=event,
        context=_booking_context(booking),
        link=reverse("queueing:booking_detail", args=[booking.code]),
        dedup_key=f"queue:{key}:{booking.pk}",
    )


def _take_slot(*, queue: Queue, day: date, starts_at: time) -> SlotLedger:
    ensure_slots(queue=queue, day=day)
    slot = SlotLedger.objects.select_for_update().filter(queue=queue, day=day, starts_at=starts_at).first()
    if slot is None:
        raise DomainError(_("Sesi yang dipilih tidak ada pada hari itu."), code="bad_slot")
    if slot.booked >= slot.booking_quota:
        raise QuotaFull(_("Kuota sesi ini sudah habis. Pilih sesi atau hari lain."), code="slot_full")
    slot.booked += 1
    slot.save(update_fields=["booked"])
    return slot


@transaction.atomic
def booking_create(
    *,
    citizen,
    service,
    day: date,
    starts_at: time,
    priority_reason: str = "",
    now: datetime | None = None,
) -> Booking:
    """Book a session for a service: one active booking per NIK per service per day, never more
    than the session's booking quota. Confirmed to the citizen with the code and QR."""
    now = _now(now)
    if not getattr(citizen, "nik", None):
        raise DomainError(_("Lengkapi NIK pada akun Anda sebelum memesan antrian."), code="nik_missing")
    if priority_reason not in PriorityReason.values:
        raise DomainError(_("Alasan prioritas tidak dikenal."), code="bad_priority")
    queue = selectors.queue_for_service(service)
    if queue is None:
        raise DomainError(_("Layanan ini tidak dapat dipesan antriannya."), code="no_queue")
    calendar = work_calendar()
    today = now.astimezone(calendar.tz).date()
    horizon = today + timedelta(days=settings.MPP_QUEUE_BOOKING_DAYS_AHEAD)
    if not today <= day <= horizon:
        raise DomainError(
            _("Pemesanan dibuka paling lama %(days)s hari sebelumnya.")
            % {"days": settings.MPP_QUEUE_BOOKING_DAYS_AHEAD},
            code="outside_horizon",
        )
    if not calendar.is_working_day(day):
        raise DomainError(_("MPP tutup pada tanggal itu."), code="closed_day")
    if slots.at(day, starts_at, calendar.tz) <= now:
        raise DomainError(_("Sesi itu sudah lewat."), code="slot_past")
    slot = _take_slot(queue=queue, day=day, starts_at=starts_at)
    booking = Booking(
        code=_new_booking_code(),
        citizen=citizen,
        nik=citizen.nik,
        service=service,
        queue=queue,
        slot=slot,
        day=day,
        starts_at=starts_at,
        priority_reason=priority_reason,
    )
    booking._history_user = citizen
    booking._change_reason = "booked"
    try:
        with transaction.atomic():
            booking.save()
    except IntegrityError as exc:
        raise ConflictError(
            _("NIK ini sudah memiliki pemesanan aktif untuk layanan ini pada tanggal itu."),
            code="duplicate_booking",
        ) from exc
    _notify_booking(booking, "queue.booking_confirmed", "confirmed")
    return booking


def _release(booking: Booking, *, checked_in: bool = False) -> None:
    slot = SlotLedger.objects.select_for_update().get(pk=booking.slot_id)
    slot.booked -= 1
    if checked_in:
        slot.checked_in -= 1
    slot.save(update_fields=["booked", "checked_in"])


def _lock_booking(booking: Booking) -> Booking:
    return (
        Booking.objects.select_for_update().select_related("service", "queue", "citizen").get(pk=booking.pk)
    )


@transaction.atomic
def booking_cancel(*, booking: Booking, actor, reason: str = "cancelled") -> Booking:
    """The citizen (or staff) cancels; the place goes back to the quota."""
    booking = _lock_booking(booking)
    if booking.status != BookingStatus.ACTIVE:
        raise ConflictError(_("Pemesanan ini sudah tidak aktif."), code="booking_not_active")
    _release(booking)
    booking.status = BookingStatus.CANCELLED
    booking._history_user = actor
    booking._change_reason = reason
    booking.save(update_fields=["status"])
    return booking


@transaction.atomic
def booking_check_in(*, code: str, now: datetime | None = None) -> Ticket:
    """The kiosk check-in: inside the window the booked visitor gets a ticket in line now; a late
    one joins the walk-in line and the booked place is released; an early one is told when."""
    now = _now(now)
    code = (code or "").strip().upper()
    booking = (
        Booking.objects.select_for_update()
        .select_related("queue", "service", "citizen")
        .filter(code=code)
        .first()
    )
    if booking is None:
        raise DomainError(_("Kode pemesanan tidak ditemukan."), code="booking_not_found")
    if booking.status != BookingStatus.ACTIVE:
        raise ConflictError(_("Pemesanan ini sudah dipakai atau dibatalkan."), code="booking_not_active")
    calendar = work_calendar()
    today = now.astimezone(calendar.tz).date()
    if booking.day != today:
        raise DomainError(
            _("Pemesanan ini untuk tanggal %(day)s.") % {"day": booking.day.strftime("%d-%m-%Y")},
            code="wrong_day",
        )
    opens, closes = slots.check_in_window(
        booking.day,
        booking.starts_at,
        calendar.tz,
        before_minutes=settings.MPP_QUEUE_CHECKIN_BEFORE_MINUTES,
        after_minutes=settings.MPP_QUEUE_CHECKIN_AFTER_MINUTES,
    )
    if now < opens:
        raise DomainError(
            _("Check-in dibuka pukul %(time)s.") % {"time": opens.astimezone(calendar.tz).strftime("%H:%M")},
            code="too_early",
        )
    if now <= closes:
        ticket = ticket_issue(
            queue=booking.queue,
            service=booking.service,
            priority_reason=booking.priority_reason,
            source=TicketSource.BOOKING,
            citizen=booking.citizen,
            now=now,
        )
        booking.status = BookingStatus.CHECKED_IN
        slot = SlotLedger.objects.select_for_update().get(pk=booking.slot_id)
        slot.checked_in += 1
        slot.save(update_fields=["checked_in"])
        reason = "checked in"
    else:
        _release(booking)
        booking.status = BookingStatus.EXPIRED
        ticket = ticket_issue(
            queue=booking.queue,
            service=booking.service,
            priority_reason=booking.priority_reason,
            source=TicketSource.WALK_IN,
            citizen=booking.citizen,
            now=now,
        )
        reason = "late: joined the walk-in line"
    booking.ticket = ticket
    booking._history_user = None
    booking._change_reason = reason
    booking.save(update_fields=["status", "ticket"])
    return ticket


# --- sweeps --------------------------------------------------------------------------------------


@transaction.atomic
def day_close(*, queue: Queue, day: date, now: datetime | None = None) -> DailyFigures:
    """At closing: tickets still in line become no-shows, unused bookings expire, and the day's
    figures are kept. Safe to run twice (the figures row is written once per queue and day)."""
    now = _now(now)
    # The tickets are locked before the day's row, in the order call-next and cancel take them
    # (ticket, then the row's waiting count), so closing and a last call cannot deadlock.
    in_line = list(
        Ticket.objects.select_for_update().filter(
            queue=queue, day=day, status__in=[TicketStatus.WAITING, TicketStatus.CALLED]
        )
    )
    row, _created = QueueDay.objects.select_for_update().get_or_create(queue=queue, day=day)
    existing = DailyFigures.objects.filter(queue=queue, day=day).first()
    if row.closed_at is not None and existing is not None:
        return existing
    for ticket in in_line:
        ticket.status = TicketStatus.NO_SHOW
        ticket.finished_at = now
        ticket._history_user = None
        ticket._change_reason = "closing time"
        ticket.save(update_fields=["status", "finished_at"])
    for booking in Booking.objects.select_for_update().filter(
        queue=queue, day=day, status=BookingStatus.ACTIVE
    ):
        booking.status = BookingStatus.EXPIRED
        booking._history_user = None
        booking._change_reason = "not checked in by closing time"
        booking.save(update_fields=["status"])
    figures = selectors.day_figures(queue=queue, day=day)
    kept, _ = DailyFigures.objects.update_or_create(
        queue=queue, day=day, defaults={**figures, "closed_at": now}
    )
    row.closed_at = now
    # Counted under the row's lock (no ticket can join now): zero unless one was issued between
    # the ticket lock above and the row lock, which then still waits and is counted.
    still = Ticket.objects.filter(queue=queue, day=day, status=TicketStatus.WAITING)
    row.waiting = still.count()
    row.waiting_priority = still.exclude(priority_reason="").count()
    row.save(update_fields=["closed_at", "waiting", "waiting_priority"])
    _bump_board()
    return kept


def days_close_due(*, now: datetime | None = None) -> int:
    """The beat sweep at closing time: close every queue day whose office hours are over (a day
    with tickets, or with bookings nobody checked in), then close the counters left open."""
    now = _now(now)
    calendar = work_calendar()
    today = now.astimezone(calendar.tz).date()
    window = calendar.office_window(today)
    after_hours = window is None or now >= window[1]
    pending = set(
        QueueDay.objects.filter(closed_at__isnull=True, day__lte=today).values_list("queue_id", "day")
    )
    pending |= set(
        Booking.objects.filter(status=BookingStatus.ACTIVE, day__lte=today)
        .values_list("queue_id", "day")
        .distinct()
    )
    closed = 0
    for queue_id, day in sorted(pending, key=lambda pair: (pair[1], pair[0])):
        if day == today and not after_hours:
            continue
        day_close(queue=Queue.objects.get(pk=queue_id), day=day, now=now)
        closed += 1
    if after_hours:
        with transaction.atomic():
            for counter in Counter.objects.select_for_update().exclude(status=CounterStatus.CLOSED):
                counter.status = CounterStatus.CLOSED
                counter.officer = None
                counter.status_changed_at = now
                counter._history_user = None
                counter._change_reason = "closing time"
                counter.save(update_fields=["status", "officer", "status_changed_at"])
                _bump_board()
    return closed


def bookings_handle_closed_days(*, now: datetime | None = None) -> dict[str, int]:
    """A booked day that became closed (a new holiday, an outage): each booking moves to the same
    session on the next working day when there is room, else it is cancelled; the citizen is told."""
    now = _now(now)
    calendar = work_calendar()
    today = now.astimezone(calendar.tz).date()
    moved = cancelled = 0
    candidates = Booking.objects.filter(status=BookingStatus.ACTIVE, day__gte=today).values_list("pk", "day")
    for pk, day in list(candidates):
        if calendar.is_working_day(day):
            continue
        with transaction.atomic():
            booking = (
                Booking.objects.select_for_update().select_related("service", "queue", "citizen").get(pk=pk)
            )
            if booking.status != BookingStatus.ACTIVE or calendar.is_working_day(booking.day):
                continue
            old_day = booking.day
            target = calendar.next_working_day(old_day)
            _release(booking)
            try:
                with transaction.atomic():
                    slot = _take_slot(queue=booking.queue, day=target, starts_at=booking.starts_at)
                    booking.slot, booking.day = slot, target
                    booking._change_reason = f"moved from {old_day} (closed day)"
                    booking._history_user = None
                    booking.save(update_fields=["slot", "day"])
                _notify_booking(booking, "queue.booking_moved", f"moved:{old_day}")
                moved += 1
            except (DomainError, IntegrityError):
                booking.status = BookingStatus.CANCELLED
                booking._change_reason = f"cancelled: {old_day} closed"
                booking._history_user = None
                booking.save(update_fields=["status"])
                _notify_booking(booking, "queue.booking_cancelled_closure", "closure-cancelled")
                cancelled += 1
    return {"moved": moved, "cancelled": cancelled}


def booking_reminders_send(*, now: datetime | None = None) -> int:
    """The day-before and hour-before reminders. The guarded UPDATE claims each reminder once, and
    the notification's dedup key stops a second send whatever happens."""
    now = _now(now)
    calendar = work_calendar()
    sent = 0
    today = now.astimezone(calendar.tz).date()
    active = Booking.objects.filter(
        status=BookingStatus.ACTIVE, day__gte=today, day__lte=today + timedelta(days=1)
    )
    for booking in active.select_related("service", "queue", "citizen"):
        start = slots.at(booking.day, booking.starts_at, calendar.tz)
        for field, lead, event in (
            ("reminded_day_before_at", timedelta(days=1), "queue.booking_reminder_day"),
            ("reminded_hour_before_at", timedelta(hours=1), "queue.booking_reminder_hour"),
        ):
            if not (start - lead <= now < start):
                continue
            with transaction.atomic():
                claimed = Booking.objects.filter(pk=booking.pk, **{f"{field}__isnull": True}).update(
                    **{field: now}
                )
                if claimed:
                    _notify_booking(booking, event, field)
                    sent += 1
    return sent


def near_turn_notify(*, queue_id: int, now: datetime | None = None) -> int:
    """Tell visitors with an account that their turn is near (``MPP_QUEUE_NEAR_AHEAD`` or fewer
    ahead). Once per ticket: a guarded UPDATE, then the dedup key."""
    from notifications.services import notify

    now = _now(now)
    sent = 0
    day = now.astimezone(work_calendar().tz).date()
    line = list(
        Ticket.objects.filter(queue_id=queue_id, day=day, status=TicketStatus.WAITING)
        .order_by("queued_at", "id")
        .values_list("pk", "citizen_id", "near_notified_at")[: settings.MPP_QUEUE_NEAR_AHEAD + 1]
    )
    for ahead, (pk, citizen_id, notified) in enumerate(line):
        if citizen_id is None or notified is not None:
            continue
        with transaction.atomic():
            if not Ticket.objects.filter(pk=pk, near_notified_at__isnull=True).update(near_notified_at=now):
                continue
            ticket = Ticket.objects.select_related("citizen", "queue").get(pk=pk)
            from django.urls import reverse

            notify(
                recipient=ticket.citizen,
                event="queue.turn_near",
                context={"code": ticket.code, "queue_name": ticket.queue.name, "ahead": ahead},
                link=reverse("queueing:ticket_status", args=[ticket.token]),
                dedup_key=f"queue:near:{ticket.pk}",
            )
            sent += 1
    return sent

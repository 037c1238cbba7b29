"""Reads about the queue: counters, the board snapshot, a ticket's position and wait, the public
availability calendar and the day's figures."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from agencies.selectors import active_announcements, work_calendar
from mpp.cache import version as cached_version
from mpp.cache import version_bump

from . import slots
from .models import (
    Booking,
    Counter,
    CounterStatus,
    PriorityPolicy,
    Queue,
    QueueBreak,
    SlotLedger,
    Ticket,
    TicketSource,
    TicketStatus,
)

BOARD_VERSION_KEY = "queue:board:version"
SERVICE_TIME_KEY = "queue:service-minutes:{queue_id}"


def counters_for_agency(agency) -> QuerySet[Counter]:
    """The active counters of an agency, by number."""
    return Counter.objects.filter(agency=agency, is_active=True).order_by("number")


def counters_for_staff(user) -> QuerySet[Counter]:
    """The counters an officer or supervisor may work at: their agency's active ones."""
    if not (user.is_authenticated and user.is_agency_staff and user.agency_id):
        return Counter.objects.none()
    return counters_for_agency(user.agency_id).prefetch_related("queues")


def queue_for_service(service) -> Queue | None:
    return Queue.objects.filter(services=service, is_active=True).order_by("prefix").first()


def active_queues() -> QuerySet[Queue]:
    return Queue.objects.filter(is_active=True).select_related("agency").order_by("prefix")


# --- the floor's configuration, kept per process -------------------------------------------------
# The kiosk reads the queue row and call-next the breaks on every request. Both change a few times
# a year (in the admin), so each web process keeps a copy stamped with the configuration version
# in the cache. Every save or delete of a queue, its services or a break (signals connected in
# queueing/apps.py) drops this process's copy at once and moves the version when the change
# commits, so every other process reloads on its next request. A copy is only stored when read
# outside a transaction: rows read inside one may be uncommitted (and rolled back), so there the
# rows are simply queried. Reading the version costs one cache GET, which the kiosk pipelines
# with its rate-limit count.

CONFIG_VERSION_KEY = "queue:config:version"
_LOCAL_CONFIG: dict[str, tuple[int, object]] = {}


def config_version() -> int:
    return cached_version(CONFIG_VERSION_KEY)


def _config_version_move() -> None:
    _LOCAL_CONFIG.clear()
    version_bump(CONFIG_VERSION_KEY)


def config_version_bump(**_signal_kwargs) -> None:
    """A queue, its services or a break changed: this process's copy goes now, every process's
    when the change commits."""
    _LOCAL_CONFIG.clear()
    transaction.on_commit(_config_version_move)


def _local_config(name: str, version: int | None, load):
    if connection.in_atomic_block:
        return load()
    if version is None:
        version = config_version()
    held = _LOCAL_CONFIG.get(name)
    if held is not None and held[0] == version:
        return held[1]
    value = load()
    _LOCAL_CONFIG[name] = (version, value)
    return value


def active_queue_by_prefix(prefix: str, *, version: int | None = None) -> Queue | None:
    """The active queue with this letter prefix, from this process's copy (``version``: the
    configuration version if the caller has already read it)."""
    queues = _local_config(
        "queues", version, lambda: {q.prefix: q for q in Queue.objects.filter(is_active=True)}
    )
    return queues.get((prefix or "").upper())


def call_breaks(*, version: int | None = None) -> list[QueueBreak]:
    """Every configured call break, from this process's copy."""
    return _local_config("breaks", version, lambda: list(QueueBreak.objects.all()))


# --- board ---------------------------------------------------------------------------------------


def board_version() -> int:
    return cached_version(BOARD_VERSION_KEY)


def board_version_bump() -> None:
    """Called on commit of every change the board shows: the cached snapshot is retired."""
    _LOCAL_BOARD.clear()
    version_bump(BOARD_VERSION_KEY)


def _build_board(now: datetime) -> dict:
    calendar = work_calendar()
    day = now.astimezone(calendar.tz).date()
    counters = list(Counter.objects.filter(is_active=True).select_related("agency").order_by("number"))
    serving = {
        t.counter_id: t
        for t in Ticket.objects.filter(day=day, status__in=[TicketStatus.CALLED, TicketStatus.SERVING]).only(
            "id", "code", "counter_id", "status", "call_count", "called_at"
        )
    }
    calls = (
        Ticket.objects.filter(day=day, called_at__isnull=False)
        .select_related("counter")
        .order_by("-called_at", "-id")[: settings.MPP_QUEUE_BOARD_LAST_CALLS]
    )
    waiting = dict(
        Ticket.objects.filter(day=day, status=TicketStatus.WAITING)
        .values_list("queue__prefix")
        .annotate(n=Count("id"))
        .values_list("queue__prefix", "n")
    )
    return {
        "day": day.isoformat(),
        "generated_at": now.isoformat(),
        "counters": [
            {
                "number": c.number,
                "label": c.label,
                "agency": c.agency.short_name,
                "status": c.status,
                "status_label": str(CounterStatus(c.status).label),
                "ticket": serving[c.pk].code if c.pk in serving else None,
            }
            for c in counters
        ],
        "calls": [
            {
                "id": f"{t.pk}-{t.call_count}",
                "code": t.code,
                "counter": t.counter.number if t.counter else None,
                "called_at": t.called_at.isoformat(),
                "spoken": slots.spoken_code(t.code),
            }
            for t in calls
            if t.counter is not None
        ],
        "waiting": waiting,
        "announcements": [{"title": a.title, "body": a.body} for a in active_announcements(now=now)[:3]],
    }


# This process's copy of the snapshot for MPP_QUEUE_BOARD_LOCAL_TTL seconds: a board polling every
# second from many screens then costs no cache round trip; a change made in another process shows
# after at most that long (a change made in this process clears it at once).
_LOCAL_BOARD: dict[str, tuple[float, int, bytes]] = {}


def board_snapshot_json(*, now: datetime | None = None) -> tuple[int, bytes]:
    """The board as JSON bytes, cached per version for a short time (calls show within the TTL at
    worst, at once when the version moves); every web process shares it through the cache."""
    local = _LOCAL_BOARD.get("board")
    moment = time.monotonic()
    if local is not None and local[0] > moment:
        return local[1], local[2]
    version = board_version()
    key = f"queue:board:{version}"
    body = cache.get(key)
    if body is None:
        data = _build_board(now or timezone.now())
        data["version"] = version
        body = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
        cache.set(key, body, settings.MPP_QUEUE_BOARD_TTL)
    if settings.MPP_QUEUE_BOARD_LOCAL_TTL > 0:
        _LOCAL_BOARD["board"] = (moment + settings.MPP_QUEUE_BOARD_LOCAL_TTL, version, body)
    return version, body


# --- position and wait ---------------------------------------------------------------------------


# Each process keeps a queue's median for a few seconds: the kiosk and the status pages read it on
# every request, and an estimate a few seconds old is as good (a finish in this process clears it).
SERVICE_TIME_LOCAL_TTL = 5.0
_LOCAL_SERVICE_TIME: dict[int, tuple[float, float]] = {}


def service_time_forget(queue_id: int) -> None:
    _LOCAL_SERVICE_TIME.pop(queue_id, None)
    cache.delete(SERVICE_TIME_KEY.format(queue_id=queue_id))


def median_service_minutes(queue: Queue) -> float:
    """The median service time of the queue's last tickets served (the configured default until
    there are enough)."""
    moment = time.monotonic()
    held = _LOCAL_SERVICE_TIME.get(queue.pk)
    if held is not None and held[0] > moment:
        return held[1]
    key = SERVICE_TIME_KEY.format(queue_id=queue.pk)
    value = cache.get(key)
    if value is None:
        rows = (
            Ticket.objects.filter(queue=queue, status=TicketStatus.DONE, started_at__isnull=False)
            .order_by("-finished_at")
            .values_list("started_at", "finished_at")[: settings.MPP_QUEUE_SERVICE_TIME_SAMPLE]
        )
        minutes = [(end - start).total_seconds() / 60 for start, end in rows if end and end > start]
        value = slots.median(minutes) if len(minutes) >= 3 else float(queue.default_service_minutes)
        cache.set(key, value, 300)
    _LOCAL_SERVICE_TIME[queue.pk] = (moment + SERVICE_TIME_LOCAL_TTL, value)
    return value


def open_counters_for(queue: Queue) -> int:
    return queue.counters.filter(is_active=True, status=CounterStatus.OPEN).count()


@dataclass
class TicketPosition:
    ticket: Ticket
    ahead: int
    wait_minutes: int
    open_counters: int


_EARLIER = "(t.queued_at < %(at)s OR (t.queued_at = %(at)s AND t.id < %(id)s))"


def _ahead_condition(ticket: Ticket) -> str:
    """Who is called before ``ticket``: earlier tickets; under "served first" also every waiting
    priority ticket (and a priority ticket waits only for earlier priority ones)."""
    if ticket.queue.priority_policy == PriorityPolicy.FIRST:
        if ticket.priority_reason:
            return f"t.priority_reason <> '' AND {_EARLIER}"
        return f"({_EARLIER} OR t.priority_reason <> '')"
    return _EARLIER


def _position_counts(ticket: Ticket) -> tuple[int, int]:
    """People ahead and open counters serving the queue, in one round trip (the kiosk answers
    hundreds of these a second)."""
    if ticket.status != TicketStatus.WAITING:
        return 0, open_counters_for(ticket.queue)
    sql = f"""
        SELECT
          (SELECT COUNT(*) FROM {Ticket._meta.db_table} t
            WHERE t.queue_id = %(queue)s AND t.day = %(day)s AND t.status = 'waiting'
              AND {_ahead_condition(ticket)}),
          (SELECT COUNT(*) FROM {Counter._meta.db_table} c
             JOIN {Counter.queues.through._meta.db_table} cq ON cq.counter_id = c.id
            WHERE cq.queue_id = %(queue)s AND c.is_active AND c.status = 'open')
    """
    # Raw SQL: values go through the backend's own adapters, so SQLite (which stores datetimes as
    # text in its own format) compares like with like.
    ops = connection.ops
    params = {
        "queue": ticket.queue_id,
        "day": ops.adapt_datefield_value(ticket.day),
        "at": ops.adapt_datetimefield_value(ticket.queued_at),
        "id": ticket.pk,
    }
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        ahead, counters = cursor.fetchone()
    return ahead, counters


def people_ahead(ticket: Ticket) -> int:
    return _position_counts(ticket)[0]


def ticket_position(ticket: Ticket) -> TicketPosition:
    """Where ``ticket`` stands. A ticket just issued carries its place from the issuing statement
    (``services.ticket_issue`` reads the day's waiting count on the locked row), so the kiosk's
    answer needs no COUNT over the line; any other ticket (the phone page, the API's GET) is
    counted now, which also reflects the calls since."""
    issued = getattr(ticket, "issued_position", None)
    if issued is not None and ticket.status == TicketStatus.WAITING:
        ahead, counters = issued
    else:
        ahead, counters = _position_counts(ticket)
    wait = slots.estimated_wait_minutes(
        ahead=ahead, median_service_minutes=median_service_minutes(ticket.queue), open_counters=counters
    )
    return TicketPosition(ticket=ticket, ahead=ahead, wait_minutes=wait, open_counters=counters)


def ticket_by_token(token: str) -> Ticket | None:
    return Ticket.objects.select_related("queue", "service", "counter").filter(token=token).first()


def counter_current_ticket(counter: Counter) -> Ticket | None:
    return (
        Ticket.objects.filter(counter=counter, status__in=[TicketStatus.CALLED, TicketStatus.SERVING])
        .select_related("service", "queue", "citizen")
        .first()
    )


def waiting_counts(queues) -> dict[int, int]:
    day = timezone.now().astimezone(work_calendar().tz).date()
    return dict(
        Ticket.objects.filter(queue__in=queues, day=day, status=TicketStatus.WAITING)
        .values("queue_id")
        .annotate(n=Count("id"))
        .values_list("queue_id", "n")
    )


# --- availability --------------------------------------------------------------------------------


@dataclass
class SlotInfo:
    starts_at: object
    ends_at: object
    left: int
    quota: int


@dataclass
class DayInfo:
    day: date
    is_open: bool
    opens_on: date | None  # when booking for this day opens (beyond the horizon)
    slots: list[SlotInfo]

    @property
    def left(self) -> int:
        return sum(s.left for s in self.slots)


def availability(*, service, start: date, days: int, now: datetime | None = None) -> list[DayInfo]:
    """The service's sessions for ``days`` calendar days from ``start``: places left per session
    (booking share minus booked), closed days, and when booking opens for days beyond the horizon."""
    now = now or timezone.now()
    calendar = work_calendar()
    today = now.astimezone(calendar.tz).date()
    horizon = today + timedelta(days=settings.MPP_QUEUE_BOOKING_DAYS_AHEAD)
    queue = queue_for_service(service)
    result = []
    if queue is None:
        return result
    end = start + timedelta(days=days)
    booked = {
        (row.day, row.starts_at): row
        for row in SlotLedger.objects.filter(queue=queue, day__gte=start, day__lt=end)
    }
    quota = queue.booking_quota_per_slot
    for offset in range(days):
        day = start + timedelta(days=offset)
        window = calendar.office_window(day)
        if window is None:
            result.append(DayInfo(day=day, is_open=False, opens_on=None, slots=[]))
            continue
        opens_on = day - timedelta(days=settings.MPP_QUEUE_BOOKING_DAYS_AHEAD) if day > horizon else None
        infos = []
        for s, e in slots.day_slots(window, queue.slot_minutes):
            row = booked.get((day, s))
            row_quota = row.booking_quota if row else quota
            left = row_quota - (row.booked if row else 0)
            if slots.at(day, s, calendar.tz) <= now or opens_on is not None:
                left = 0
            infos.append(SlotInfo(starts_at=s, ends_at=e, left=max(left, 0), quota=row_quota))
        result.append(DayInfo(day=day, is_open=True, opens_on=opens_on, slots=infos))
    return result


def services_with_queue() -> QuerySet:
    from services.models import Service

    return (
        Service.objects.filter(queues__is_active=True, is_active=True)
        .select_related("agency")
        .annotate(queue_prefix=F("queues__prefix"))
        .order_by("agency__name", "name")
        .distinct()
    )


def other_services_with_room(*, service, day: date, now: datetime | None = None, limit: int = 5) -> list:
    """Other services of the same queue with places left on ``day``: sessions are per queue, so
    this is the nearest alternative with room."""
    queue = queue_for_service(service)
    if queue is None:
        return []
    info = availability(service=service, start=day, days=1, now=now)
    if not info or info[0].left == 0:
        return []
    return list(queue.services.filter(is_active=True).exclude(pk=service.pk).order_by("name")[:limit])


def bookings_for(user) -> QuerySet[Booking]:
    return (
        Booking.objects.filter(citizen=user)
        .select_related("service", "queue", "ticket")
        .order_by("-day", "starts_at")
    )


# --- figures -------------------------------------------------------------------------------------


def day_figures(*, queue: Queue, day: date) -> dict:
    tickets = Ticket.objects.filter(queue=queue, day=day)
    counts = tickets.aggregate(
        issued=Count("id", filter=~Q(source=TicketSource.TRANSFER)),
        served=Count("id", filter=Q(status=TicketStatus.DONE)),
        no_show=Count("id", filter=Q(status=TicketStatus.NO_SHOW)),
        cancelled=Count("id", filter=Q(status=TicketStatus.CANCELLED)),
        priority=Count("id", filter=~Q(priority_reason="") & ~Q(source=TicketSource.TRANSFER)),
        booked=Count("id", filter=Q(source=TicketSource.BOOKING)),
    )
    waits = [
        (c - q).total_seconds()
        for q, c in tickets.filter(called_at__isnull=False).values_list("queued_at", "called_at")
    ]
    services = [
        (f - s).total_seconds()
        for s, f in tickets.filter(status=TicketStatus.DONE, started_at__isnull=False).values_list(
            "started_at", "finished_at"
        )
    ]
    wait = slots.median(waits)
    service = slots.median(services)
    return {
        **counts,
        "median_wait_seconds": round(wait) if wait is not None else None,
        "median_service_seconds": round(service) if service is not None else None,
    }

"""Writes of the notification system. Every app tells people things through :func:`notify`.

``notify`` writes the inbox row and one :class:`~notifications.models.Delivery` per channel the
recipient enabled in one transaction, and enqueues ``notifications.tasks.deliver`` per delivery
only after commit. :func:`delivery_attempt` sends one delivery under a row lock, so two workers
(a Celery retry and the beat sweep) never send it twice at once.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from functools import partial
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.template import Context, Template
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.services import is_deliverable_email
from mpp.errors import DomainError

from . import channels as channel_senders
from .defaults import DEFAULT_TEMPLATES
from .models import AlertMarker, Channel, ChannelPreference, Delivery, MessageTemplate, Notification
from .officehours import office_hours_hold
from .quiet import quiet_hours_end

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
# Seconds before the first retry; doubled each time up to RETRY_BACKOFF_MAX (same as the task's).
RETRY_BACKOFF = 30
RETRY_BACKOFF_MAX = 600


class UnknownEvent(DomainError):
    def __init__(self, event: str):
        super().__init__(_("Tidak ada templat pesan untuk kejadian %(event)s.") % {"event": event})


# --- Rendering -----------------------------------------------------------------------------------


def render_text(text: str, context: dict[str, Any]) -> str:
    # Plain-text messages: no HTML escaping (the inbox escapes when it displays them).
    return Template("{% autoescape off %}" + text + "{% endautoescape %}").render(Context(context))


def render_message(*, event: str, language: str, context: dict[str, Any]) -> tuple[str, str]:
    """(title, body) of ``event`` in ``language`` ("id" or "en"); admins' edits win over defaults."""
    memo = _batch.get()
    if memo is not None and event in memo.templates:
        template = memo.templates[event]
    else:
        template = MessageTemplate.objects.filter(event=event).first()
        if memo is not None:
            memo.templates[event] = template
    if template is None:
        template = DEFAULT_TEMPLATES.get(event)
    if template is None:
        raise UnknownEvent(event)
    english = language == "en"
    subject = template.subject_en if english else template.subject_id
    body = template.body_en if english else template.body_id
    with translation.override("en" if english else "id"):
        title = " ".join(render_text(subject, context).split())[:200]
        return title, render_text(body, context).strip()


def message_templates_seed() -> int:
    """Create the built-in templates that have no row yet (admins' edits are kept). Returns created."""
    created = 0
    for event, default in DEFAULT_TEMPLATES.items():
        _row, was_created = MessageTemplate.objects.get_or_create(
            event=event,
            defaults={
                "description": default.description,
                "subject_id": default.subject_id,
                "body_id": default.body_id,
                "subject_en": default.subject_en,
                "body_en": default.body_en,
            },
        )
        created += was_created
    return created


# --- Notify --------------------------------------------------------------------------------------


def enabled_channels(*, recipient, allowed: Iterable[str] | None = None) -> list[str]:
    """Channels the recipient wants (and has an address for), limited to ``allowed`` if given."""
    memo = _batch.get()
    if memo is not None and recipient.pk in memo.preferences:
        preference = memo.preferences[recipient.pk]
    else:
        preference = ChannelPreference.objects.filter(user=recipient).first() or ChannelPreference()
        if memo is not None:
            memo.preferences[recipient.pk] = preference
    wanted = preference.enabled_channels()
    if allowed is not None:
        allowed = set(allowed)
        wanted = [channel for channel in wanted if channel in allowed]
    usable = []
    for channel in wanted:
        if channel == Channel.EMAIL and not is_deliverable_email(recipient.email):
            continue
        if channel in (Channel.WHATSAPP, Channel.SMS) and not recipient.phone:
            continue
        usable.append(channel)
    return usable


def _enqueue_delivery(delivery_id: int) -> None:
    memo = _batch.get()
    if memo is not None:
        memo.delivery_ids.append(delivery_id)
        return
    from .tasks import deliver

    deliver.delay(delivery_id)


@dataclass
class _Batch:
    templates: dict[str, Any] = field(default_factory=dict)
    preferences: dict[int, ChannelPreference] = field(default_factory=dict)
    delivery_ids: list[int] = field(default_factory=list)


_batch: ContextVar[_Batch | None] = ContextVar("notifications_batch", default=None)
BATCH_DELIVERY_SIZE = 50


@contextmanager
def batch():
    """Many notifications at once (a sweep's chunk): message templates and channel preferences are
    read once, and the deliveries committed inside are queued as ``deliver_batch`` tasks of
    ``BATCH_DELIVERY_SIZE`` when the block ends, instead of one task each. A delivery whose task is
    never queued (the process dies first) stays pending and the ``send_due`` sweep sends it."""
    if _batch.get() is not None:  # nested: the outer block queues
        yield
        return
    memo = _Batch()
    token = _batch.set(memo)
    try:
        yield
    finally:
        _batch.reset(token)
        if memo.delivery_ids:
            from .tasks import deliver_batch

            ids = memo.delivery_ids
            for start in range(0, len(ids), BATCH_DELIVERY_SIZE):
                deliver_batch.delay(ids[start : start + BATCH_DELIVERY_SIZE])


def notify(
    *,
    recipient,
    event: str,
    context: dict[str, Any],
    link: str = "",
    dedup_key: str | None = None,
    channels: Iterable[str] | None = None,
) -> Notification | None:
    """Tell ``recipient`` about ``event``: an inbox row plus one delivery per enabled channel.

    ``channels`` limits the external channels for this event (``[]``: inbox only); the recipient's
    preferences still apply. With ``dedup_key``, a second call with the same key (a re-run sweep, a
    retried task, a concurrent worker) returns None and sends nothing: the unique constraint
    decides, inside a savepoint, so it is safe under concurrency.
    """
    notification, wanted = _prepare(
        recipient=recipient, event=event, context=context, link=link, dedup_key=dedup_key, channels=channels
    )
    with transaction.atomic():
        try:
            with transaction.atomic():
                notification.save(force_insert=True)
        except IntegrityError:
            if dedup_key is not None and Notification.objects.filter(dedup_key=dedup_key).exists():
                return None
            raise
        deliveries = Delivery.objects.bulk_create(
            [Delivery(notification=notification, channel=channel) for channel in wanted]
        )
        for delivery in deliveries:
            transaction.on_commit(partial(_enqueue_delivery, delivery.pk))
    return notification


def _prepare(
    *, recipient, event: str, context: dict[str, Any], link: str, dedup_key: str | None, channels
) -> tuple[Notification, list[str]]:
    """The unsaved inbox row, rendered in the recipient's language, and the channels to send on."""
    title, body = render_message(event=event, language=recipient.preferred_language, context=context)
    notification = Notification(
        recipient=recipient, event=event, title=title, body=body, link=link, dedup_key=dedup_key
    )
    return notification, enabled_channels(recipient=recipient, allowed=channels)


# --- Alerts about deadlines ---------------------------------------------------------------------


def alert_key(*, subject_type: str, subject_id: int, stage: str, deadline: datetime) -> str:
    """The text form of an alert's identity, used in the notifications' ``dedup_key``."""
    stamp = deadline.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return f"{subject_type}:{subject_id}:{stage}:{stamp}"


def _marker_insert(*, subject_type: str, subject_id: int, stage: str, deadline: datetime) -> bool:
    """INSERT ... ON CONFLICT DO NOTHING: True if this call wrote the marker. Under concurrency the
    second inserter waits for the first one's transaction and then finds the conflict."""
    table = connection.ops.quote_name(AlertMarker._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (subject_type, subject_id, stage, deadline, created_at) "
            "VALUES (%s, %s, %s, %s, %s) "
            "ON CONFLICT (subject_type, subject_id, stage, deadline) DO NOTHING RETURNING id",
            [
                subject_type,
                subject_id,
                stage,
                connection.ops.adapt_datetimefield_value(deadline),
                connection.ops.adapt_datetimefield_value(timezone.now()),
            ],
        )
        return cursor.fetchone() is not None


def alert_send(
    *,
    subject_type: str,
    subject_id: int,
    stage: str,
    deadline: datetime,
    messages: Iterable[dict[str, Any]],
) -> bool:
    """Send one alert about one deadline exactly once; returns False if it was already sent.

    ``messages`` are keyword arguments of :func:`notify` (``recipient``, ``event``, ``context``,
    ``link``, ``channels``), evaluated only when the alert is new. The :class:`AlertMarker` row and
    every notification are written in one transaction and the deliveries are queued on commit: a
    concurrent or repeated call finds the marker and sends nothing, a failure rolls back all of it.
    """
    # Inside a caller's transaction (a sweep's chunk) no savepoint: a failure rolls back the chunk.
    with transaction.atomic(savepoint=False):
        if not _marker_insert(
            subject_type=subject_type, subject_id=subject_id, stage=stage, deadline=deadline
        ):
            return False
        key = alert_key(subject_type=subject_type, subject_id=subject_id, stage=stage, deadline=deadline)
        seen: set[int] = set()
        for message in messages:
            recipient = message["recipient"]
            if recipient.pk in seen:  # an officer who is also a supervisor gets one message
                continue
            seen.add(recipient.pk)
            notify(**message, dedup_key=f"{key}:{recipient.pk}")
    return True


def alerts_send_many(alerts: Iterable[dict[str, Any]]) -> int:
    """:func:`alert_send` for many alerts in one transaction with three INSERTs (markers with
    ``ON CONFLICT DO NOTHING``, then the new alerts' notifications and deliveries): a sweep's chunk.
    Alerts whose marker exists are skipped. Returns how many were sent."""
    alerts = list(alerts)
    if not alerts:
        return 0
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    table = connection.ops.quote_name(AlertMarker._meta.db_table)
    values, params = [], []
    for alert in alerts:
        values.append("(%s, %s, %s, %s, %s)")
        params += [
            alert["subject_type"],
            alert["subject_id"],
            alert["stage"],
            connection.ops.adapt_datetimefield_value(alert["deadline"]),
            now,
        ]
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (subject_type, subject_id, stage, deadline, created_at) "
                f"VALUES {', '.join(values)} "
                "ON CONFLICT (subject_type, subject_id, stage, deadline) DO NOTHING RETURNING id",
                params,
            )
            marker_ids = [row[0] for row in cursor.fetchall()]
        new = set(
            AlertMarker.objects.filter(pk__in=marker_ids).values_list(
                "subject_type", "subject_id", "stage", "deadline"
            )
        )
        notifications: list[Notification] = []
        channels: list[list[str]] = []
        sent = 0
        for alert in alerts:
            identity = (alert["subject_type"], alert["subject_id"], alert["stage"], alert["deadline"])
            if identity not in new:
                continue
            new.discard(identity)  # the same alert twice in one call is sent once
            sent += 1
            key = alert_key(
                subject_type=alert["subject_type"],
                subject_id=alert["subject_id"],
                stage=alert["stage"],
                deadline=alert["deadline"],
            )
            seen: set[int] = set()
            for message in alert["messages"]:
                recipient = message["recipient"]
                if recipient.pk in seen:
                    continue
                seen.add(recipient.pk)
                notification, wanted = _prepare(
                    recipient=recipient,
                    event=message["event"],
                    context=message["context"],
                    link=message.get("link", ""),
                    dedup_key=f"{key}:{recipient.pk}",
                    channels=message.get("channels"),
                )
                notifications.append(notification)
                channels.append(wanted)
        Notification.objects.bulk_create(notifications)
        deliveries = Delivery.objects.bulk_create(
            [
                Delivery(notification=notification, channel=channel)
                for notification, wanted in zip(notifications, channels, strict=True)
                for channel in wanted
            ]
        )
        for delivery in deliveries:
            transaction.on_commit(partial(_enqueue_delivery, delivery.pk))
    return sent


# --- Delivery ------------------------------------------------------------------------------------


class Outcome:
    SENT = "sent"
    HELD = "held"
    RETRY = "retry"
    FAILED = "failed"
    SKIPPED = "skipped"


def _mpp_zone() -> ZoneInfo:
    from agencies.selectors import mpp_profile

    profile = mpp_profile()
    return ZoneInfo(getattr(profile, "time_zone", "") or settings.TIME_ZONE)


def quiet_until(*, recipient, now: datetime) -> datetime | None:
    """When a message to ``recipient`` may go out, if it may not go out now: citizens' quiet
    hours, and for staff (every role but citizen) the MPP's office hours."""
    if not recipient.is_citizen:
        if not settings.MPP_STAFF_OFFICE_HOURS_ONLY:
            return None
        return office_hours_hold(now)
    return quiet_hours_end(
        now,
        start=time.fromisoformat(settings.MPP_QUIET_HOURS_START),
        end=time.fromisoformat(settings.MPP_QUIET_HOURS_END),
        zone=_mpp_zone(),
    )


def retry_delay(attempts: int) -> timedelta:
    return timedelta(seconds=min(RETRY_BACKOFF_MAX, RETRY_BACKOFF * 2 ** max(attempts - 1, 0)))


def _async_commit() -> None:
    if connection.vendor == "postgresql":
        # Don't wait for the disk at commit (https://www.postgresql.org/docs/current/wal-async-commit.html):
        # only a database crash in the next fraction of a second can lose a row's new state, and
        # then the message is sent again (at least once), never lost.
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")


def _locked_pending(ids: list[int]) -> list[Delivery]:
    return list(
        Delivery.objects.select_for_update(skip_locked=True, of=("self",))
        .select_related("notification__recipient")
        .filter(pk__in=ids, status=Delivery.Status.PENDING)
        .order_by("pk")
    )


def _attempt(delivery: Delivery, now: datetime) -> str:
    """Hold or send one locked pending delivery and record the result on it (not saved)."""
    held_until = quiet_until(recipient=delivery.notification.recipient, now=now)
    if held_until is not None:
        delivery.next_attempt_at = held_until
        return Outcome.HELD
    delivery.attempts += 1
    try:
        channel_senders.send(delivery)
    except channel_senders.NoAddress as exc:
        delivery.status = Delivery.Status.FAILED
        delivery.last_error = str(exc)
        return Outcome.FAILED
    except Exception as exc:  # recorded and retried: nothing fails silently
        logger.warning("delivery %s failed (attempt %s): %s", delivery.pk, delivery.attempts, exc)
        delivery.last_error = f"{now:%Y-%m-%d %H:%M:%S} {type(exc).__name__}: {exc}"[:2000]
        if delivery.attempts >= MAX_ATTEMPTS:
            delivery.status = Delivery.Status.FAILED
            delivery.next_attempt_at = None
            return Outcome.FAILED
        delivery.next_attempt_at = now + retry_delay(delivery.attempts)
        return Outcome.RETRY
    delivery.status = Delivery.Status.SENT
    delivery.sent_at = now
    delivery.next_attempt_at = None
    return Outcome.SENT


_RESULT_FIELDS = ["status", "attempts", "last_error", "next_attempt_at", "sent_at"]


def delivery_attempt(*, delivery_id: int, now: datetime | None = None) -> str:
    """Try to send one pending delivery; returns an :class:`Outcome`.

    The row is locked (``SKIP LOCKED``) for the send, so a concurrent attempt skips it, and only
    ``pending`` rows are sent, so a repeat finds nothing to do. A worker killed after the gateway
    accepted but before commit leaves the row pending: it is sent again (at least once, never lost).
    """
    now = now or timezone.now()
    with transaction.atomic():
        _async_commit()
        locked = _locked_pending([delivery_id])
        if not locked:
            return Outcome.SKIPPED
        delivery = locked[0]
        outcome = _attempt(delivery, now)
        delivery.save(update_fields=_RESULT_FIELDS)
        return outcome


def deliveries_attempt(*, delivery_ids: Iterable[int], now: datetime | None = None) -> dict[str, int]:
    """Send a batch of pending deliveries in one transaction (one lock query, one update): what
    ``deliver_batch`` does for a sweep's messages. Rows another worker holds are skipped; failed
    ones keep their next attempt time for the ``send_due`` sweep. A worker killed mid-batch leaves
    the whole batch pending, so its messages already handed to the gateway are sent again (at least
    once, never lost). Returns the count of each :class:`Outcome`."""
    now = now or timezone.now()
    ids = list(delivery_ids)
    outcomes: dict[str, int] = {}
    with transaction.atomic():
        _async_commit()
        locked = _locked_pending(ids)
        for delivery in locked:
            outcome = _attempt(delivery, now)
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
        # One UPDATE per distinct result (normally one: all sent, first attempt, same time);
        # bulk_update's CASE per row and field costs more than the sending itself.
        groups: dict[tuple, list[int]] = {}
        for delivery in locked:
            groups.setdefault(tuple(getattr(delivery, name) for name in _RESULT_FIELDS), []).append(
                delivery.pk
            )
        for values, pks in groups.items():
            Delivery.objects.filter(pk__in=pks).update(**dict(zip(_RESULT_FIELDS, values, strict=True)))
    if len(locked) < len(ids):
        outcomes[Outcome.SKIPPED] = len(ids) - len(locked)
    return outcomes


def deliveries_retry(*, delivery_ids: Iterable[int]) -> int:
    """Admin: send failed deliveries again (fresh attempts). Returns how many were re-queued."""
    with transaction.atomic():
        ids = list(
            Delivery.objects.select_for_update()
            .filter(pk__in=list(delivery_ids), status=Delivery.Status.FAILED)
            .values_list("pk", flat=True)
        )
        Delivery.objects.filter(pk__in=ids).update(
            status=Delivery.Status.PENDING, attempts=0, next_attempt_at=None
        )
        for delivery_id in ids:
            transaction.on_commit(partial(_enqueue_delivery, delivery_id))
    return len(ids)


# --- Inbox ---------------------------------------------------------------------------------------


def notification_mark_read(*, notification: Notification, now: datetime | None = None) -> Notification:
    if notification.read_at is None:
        notification.read_at = now or timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=notification.read_at
        )
    return notification


def notifications_mark_all_read(*, user, now: datetime | None = None) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=now or timezone.now()
    )


def channel_preference_update(*, user, email: bool, whatsapp: bool, sms: bool) -> ChannelPreference:
    preference, _created = ChannelPreference.objects.update_or_create(
        user=user, defaults={"email": email, "whatsapp": whatsapp, "sms": sms}
    )
    return preference

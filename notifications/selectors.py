"""Reads of notifications: the inbox, the unread count, deliveries due for the sweep."""

from datetime import datetime, timedelta

from django.db.models import Q, QuerySet

from .models import Delivery, Notification

# A pending delivery never enqueued (broker down at commit) is picked up by the sweep after this.
STALE_PENDING = timedelta(minutes=2)


def inbox(*, user) -> QuerySet[Notification]:
    """The user's own notifications, newest first (uses the (recipient, read_at, -created_at) index)."""
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-id")


def unread_count(*, user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def deliveries_due(*, now: datetime, limit: int = 1000) -> list[int]:
    """Pending deliveries whose hold or retry time has passed, or that were never enqueued."""
    return list(
        Delivery.objects.filter(status=Delivery.Status.PENDING)
        .filter(
            Q(next_attempt_at__lte=now) | Q(next_attempt_at__isnull=True, created_at__lte=now - STALE_PENDING)
        )
        .order_by("id")
        .values_list("id", flat=True)[:limit]
    )

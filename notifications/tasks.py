"""Celery tasks of notifications: load by id, call a service, own their retries.

``deliver`` is idempotent (only a pending row is sent, under a row lock). A failed send is
recorded first (attempts, error, next attempt) and then retried by Celery with exponential
backoff; if the worker dies, the beat sweep ``send_due`` finds the row by ``next_attempt_at``.
"""

from celery import shared_task
from django.utils import timezone

from . import selectors, services


class RetryLater(Exception):
    """The send failed and was recorded; Celery retries it."""


@shared_task(
    name="notifications.tasks.deliver",
    autoretry_for=(RetryLater,),
    retry_backoff=services.RETRY_BACKOFF,
    retry_backoff_max=services.RETRY_BACKOFF_MAX,
    retry_jitter=False,
    max_retries=services.MAX_ATTEMPTS - 1,
)
def deliver(delivery_id: int) -> str:
    outcome = services.delivery_attempt(delivery_id=delivery_id)
    if outcome == services.Outcome.RETRY:
        raise RetryLater(f"delivery {delivery_id} will be retried")
    return outcome


@shared_task(name="notifications.tasks.deliver_batch", acks_late=True)
def deliver_batch(delivery_ids: list[int]) -> dict[str, int]:
    """Send several deliveries (queued by ``services.batch``). A failed one is recorded with its
    next attempt time and left to the ``send_due`` sweep (no long countdown); a repeat skips what
    was sent."""
    return services.deliveries_attempt(delivery_ids=delivery_ids)


@shared_task(name="notifications.tasks.send_due")
def send_due() -> int:
    """Beat: queue deliveries held for quiet hours or waiting for a retry whose time has come."""
    ids = selectors.deliveries_due(now=timezone.now())
    for delivery_id in ids:
        deliver.delay(delivery_id)
    return len(ids)

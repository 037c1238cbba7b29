"""Celery tasks of the queue: load by id, call a service. All idempotent (guarded updates and the
notifications' dedup keys), so a re-run or a second worker sends nothing twice."""

from celery import shared_task

from . import services


@shared_task(name="queueing.tasks.notify_near_turn")
def notify_near_turn(queue_id: int) -> int:
    """After a call: tell visitors with an account that their turn is near."""
    return services.near_turn_notify(queue_id=queue_id)


@shared_task(name="queueing.tasks.sweep")
def sweep() -> dict:
    """The periodic sweep: booking reminders, bookings on days that became closed, and closing
    time (no-shows and the day's figures)."""
    return {
        "reminders": services.booking_reminders_send(),
        "closed_days": services.bookings_handle_closed_days(),
        "days_closed": services.days_close_due(),
    }


@shared_task(name="queueing.tasks.refresh_queue_months")
def refresh_queue_months() -> int:
    """The dashboards' queue summaries of this and last month, rebuilt from the tickets."""
    from .reporting import queue_months_recent

    return queue_months_recent()

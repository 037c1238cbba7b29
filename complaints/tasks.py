"""Celery tasks of complaints: the beat sweep of stage deadlines (warnings, alerts, auto-close)."""

from celery import shared_task

from . import services


@shared_task(name="complaints.tasks.sweep_deadlines")
def sweep_deadlines() -> dict:
    return services.complaints_sweep()

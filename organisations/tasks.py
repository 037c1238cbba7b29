from celery import shared_task

from . import services


@shared_task(name="organisations.tasks.send_report_reminders")
def send_report_reminders() -> int:
    """Beat: remind organisations of activity reports coming due or late (each message once)."""
    return services.reports_send_reminders()

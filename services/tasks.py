from celery import shared_task

from .services import standards_activate_due


@shared_task(name="services.tasks.activate_scheduled_standards")
def activate_scheduled_standards() -> int:
    """Beat: scheduled standards take effect on their date by themselves."""
    return standards_activate_due()

from celery import shared_task

from .services import facts_refresh


@shared_task(ignore_result=True)
def refresh_facts() -> int:
    """Beat's sweep: facts of the applications changed since the last run (idempotent upserts)."""
    return facts_refresh()

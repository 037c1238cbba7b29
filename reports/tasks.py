from celery import shared_task

from .services import facts_refresh, survey_months_refresh


@shared_task(ignore_result=True)
def refresh_facts() -> int:
    """Beat's sweep: facts of the applications changed since the last run (idempotent upserts)."""
    return facts_refresh()


@shared_task(ignore_result=True)
def refresh_survey_months() -> None:
    """Beat: the survey sums of this month and the last, rebuilt from the responses (idempotent)."""
    survey_months_refresh()

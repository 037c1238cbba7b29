"""Celery tasks of permit applications: load by id, call a service, own their retries.

Each e-mail is sent at most once: the service claims it with a guarded
``UPDATE ... WHERE <sent_at> IS NULL`` (a retry or a second worker finds nothing to claim).
The sweeps (lapse, fiktif positif) are safe to run on a schedule as often as wanted.
"""

import smtplib

from celery import shared_task

from . import services

_RETRY = {
    "autoretry_for": (smtplib.SMTPException, ConnectionError, TimeoutError),
    "retry_backoff": True,
    "retry_backoff_max": 600,
    "max_retries": 8,
}


@shared_task(name="permits.tasks.send_application_receipt", **_RETRY)
def send_application_receipt(application_id: int) -> bool:
    """The receipt after submission: tracking number, secret and estimated decision date."""
    return services.application_send_receipt(application_id=application_id)


@shared_task(name="permits.tasks.send_correction_notice", **_RETRY)
def send_correction_notice(correction_id: int) -> bool:
    """Tell the citizen what to fix."""
    return services.correction_send_notice(correction_id=correction_id)


@shared_task(name="permits.tasks.send_decision_notice", **_RETRY)
def send_decision_notice(application_id: int) -> bool:
    """Tell the citizen the decision (approved, deemed approved or rejected with the reason)."""
    return services.application_send_decision_notice(application_id=application_id)


@shared_task(name="permits.tasks.lapse_expired_corrections")
def lapse_expired_corrections() -> int:
    """Beat: returned applications whose correction deadline passed lapse."""
    return services.applications_lapse_expired()


@shared_task(name="permits.tasks.mark_deemed_approved")
def mark_deemed_approved() -> int:
    """Beat: overdue applications of fiktif-positif services are deemed approved (PP 28/2025)."""
    return services.applications_mark_deemed_approved_due()


@shared_task(name="permits.tasks.sla_sweep", acks_late=True)
def sla_sweep() -> dict[str, int]:
    """Beat: find the deadlines that need an alert now and queue them in chunks (permits/sla.py).

    Only ids travel; each chunk re-checks its rows, so a chunk queued twice (two sweeps at once, a
    redelivered task) sends nothing the second time.
    """
    from django.conf import settings
    from django.utils import timezone

    from . import sla

    found = sla.due_ids(now=timezone.now())
    size = max(1, settings.MPP_SLA_CHUNK_SIZE)
    for stage, ids in found.items():
        for start in range(0, len(ids), size):
            sla_alert_chunk.delay(stage, ids[start : start + size])
    return {stage: len(ids) for stage, ids in found.items()}


@shared_task(name="permits.tasks.sla_alert_chunk", acks_late=True)
def sla_alert_chunk(stage: str, ids: list[int]) -> int:
    """Send the alerts of one stage for these ids that still need one."""
    from . import sla

    return sla.alerts_send(stage=stage, ids=ids)


@shared_task(name="permits.tasks.daily_digest", acks_late=True)
def daily_digest() -> int:
    """Beat, each morning: the digest for each agency head (once per agency and day)."""
    from . import sla

    return sla.daily_digest_send()

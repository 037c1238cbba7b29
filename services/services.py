"""Writes to the service catalogue: each business action is one function, atomic and audited."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mpp.errors import DomainError

from .models import ServiceStandard


class StandardNotPublishable(DomainError):
    pass


@transaction.atomic
def standard_publish(
    *,
    standard: ServiceStandard,
    actor,
    decree_number: str,
    decree_date: date,
    effective_from: date,
    today: date | None = None,
) -> ServiceStandard:
    """Publish a draft under its decree. In force at once when effective today or earlier,
    otherwise scheduled (standards_activate_due makes it take effect on its date)."""
    standard = ServiceStandard.objects.select_for_update().get(pk=standard.pk)
    if standard.status != ServiceStandard.Status.DRAFT:
        raise StandardNotPublishable(_("Hanya draf yang dapat diterbitkan."))
    if not decree_number.strip() or decree_date is None or effective_from is None:
        raise StandardNotPublishable(_("Nomor dan tanggal keputusan serta tanggal berlaku wajib diisi."))
    if not standard.steps.exists():
        raise StandardNotPublishable(_("Standar belum memiliki langkah SOP."))
    today = today or timezone.localdate()
    standard.decree_number = decree_number.strip()
    standard.decree_date = decree_date
    standard.effective_from = effective_from
    standard.published_at = timezone.now()
    standard.published_by = actor
    standard.status = ServiceStandard.Status.SCHEDULED
    standard._change_reason = f"diterbitkan: {standard.decree_number}"
    standard._history_user = actor
    standard.save()
    if effective_from <= today:
        _put_in_force(standard, actor=actor)
    return standard


def _put_in_force(standard: ServiceStandard, *, actor) -> None:
    current = (
        ServiceStandard.objects.select_for_update()
        .filter(service_id=standard.service_id, status=ServiceStandard.Status.IN_FORCE)
        .exclude(pk=standard.pk)
        .first()
    )
    if current is not None:
        if current.effective_from and standard.effective_from < current.effective_from:
            # An older decree taking effect late must not replace a newer one already in force.
            standard.status = ServiceStandard.Status.SUPERSEDED
            standard._change_reason = "digantikan oleh versi yang lebih baru"
            standard._history_user = actor
            standard.save(update_fields=["status", "updated_at"])
            return
        current.status = ServiceStandard.Status.SUPERSEDED
        current._change_reason = f"digantikan oleh versi {standard.version}"
        current._history_user = actor
        current.save(update_fields=["status", "updated_at"])
    standard.status = ServiceStandard.Status.IN_FORCE
    standard._change_reason = "mulai berlaku"
    standard._history_user = actor
    standard.save(update_fields=["status", "updated_at"])


def standards_activate_due(*, today: date | None = None, actor=None) -> int:
    """Put in force every scheduled standard whose effective date has come. Returns how many."""
    today = today or timezone.localdate()
    activated = 0
    due = ServiceStandard.objects.filter(
        status=ServiceStandard.Status.SCHEDULED, effective_from__lte=today
    ).order_by("service_id", "effective_from", "version")
    for standard_id in due.values_list("pk", flat=True):
        with transaction.atomic():
            standard = (
                ServiceStandard.objects.select_for_update(skip_locked=True)
                .filter(pk=standard_id, status=ServiceStandard.Status.SCHEDULED)
                .first()
            )
            if standard is None:
                continue
            _put_in_force(standard, actor=actor)
            activated += 1
    return activated

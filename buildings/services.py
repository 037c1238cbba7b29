"""Writes of the building approval (PBG) side: attaching a standard design to a PBG application and
assessing the PBG levy from the formula. Steps, SKRD, payment and issuance stay in the one permit
flow (``permits.services``): the expert team completes its SOP step through ``step_complete`` and
the levy becomes an SKRD through ``assessment_issue``."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mpp.errors import DomainError
from mpp.formatting import rupiah
from permits import services as permit_services
from permits.models import Application
from services import fees
from services.estimator import number

from .models import DesignAttachment, HouseDesign

if TYPE_CHECKING:
    from accounts.models import User
    from permits.models import Assessment

PBG_SERVICE_CODES = ("PBG-HUNIAN", "PBG-NONHUNIAN")
DESIGN_SERVICE_CODES = ("PBG-HUNIAN",)  # standard designs are houses
MIN_REVIEW_NOTE = 10
EDITABLE = (Application.Status.DRAFT, Application.Status.RETURNED)


class DesignError(DomainError):
    pass


def _history(instance, *, actor, reason: str, now: datetime) -> None:
    instance._history_user = actor
    instance._change_reason = reason
    instance._history_date = now


@transaction.atomic
def design_attach(
    *, application: Application, design: HouseDesign, actor: User, now: datetime | None = None
) -> DesignAttachment:
    """The applicant picks a published standard design as the design of their house PBG
    application (draft or returned for correction). Picking another replaces it."""
    now = now or timezone.now()
    application = Application.objects.select_for_update().select_related("service").get(pk=application.pk)
    if actor.pk != application.applicant_id:
        raise permit_services.NotPermitted(_("Hanya pemohon yang dapat memilih desain untuk permohonannya."))
    if application.service.code not in DESIGN_SERVICE_CODES:
        raise DesignError(_("Desain rumah standar hanya untuk permohonan PBG rumah tinggal."), code="not_pbg")
    if application.status not in EDITABLE:
        raise DesignError(
            _("Desain hanya dapat dipilih saat permohonan berstatus Draf atau Dikembalikan."),
            code="not_editable",
        )
    if not design.is_published:
        raise DesignError(_("Desain ini tidak lagi tersedia."), code="design_unpublished")
    attachment = DesignAttachment.objects.select_for_update().filter(application=application).first()
    if attachment is not None and attachment.design_id == design.pk:
        return attachment
    attachment = attachment or DesignAttachment(application=application)
    attachment.design = design
    attachment.attached_by = actor
    attachment.attached_at = now
    _history(
        attachment, actor=actor, reason=_("desain standar %(code)s dipilih") % {"code": design.code}, now=now
    )
    attachment.save()
    return attachment


def drawing_checksum(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def levy_parameters() -> fees.LevyParameters:
    return fees.LevyParameters.from_overrides(getattr(settings, "MPP_LEVY_PARAMETERS", {}))


def levy_basis(result: fees.PbgLevy) -> str:
    """The SKRD's "dasar perhitungan": the formula with this application's values."""
    return _(
        "Retribusi PBG = LLt × (It × Ibg × Ilo × SHST); It = Ifs × Σ(bp × Ip) × Fm "
        "(PP 16/2021). LLt %(area)s m², %(floors)s lantai, fungsi %(function)s; It %(it)s, Ibg %(ibg)s, "
        "Ilo %(ilo)s, SHST %(shst)s/m²: %(amount)s."
    ) % {
        "area": number(result.floor_area),
        "floors": result.floors,
        "function": result.function,
        "it": number(result.integrated_index),
        "ibg": number(result.building_index),
        "ilo": number(result.locality_index),
        "shst": rupiah(result.shst),
        "amount": rupiah(result.amount),
    }


def levy_due_date(now: datetime, working_days: int = 10) -> date:
    from agencies.selectors import work_calendar

    today = timezone.localdate(now)
    calendar = work_calendar(years=range(today.year - 1, today.year + 2))
    day = today
    for _i in range(working_days):
        day = calendar.next_working_day(day)
    return day


@transaction.atomic
def pbg_levy_assess(
    *,
    application: Application,
    actor: User,
    inputs: dict[str, Any],
    due_date: date | None = None,
    now: datetime | None = None,
) -> Assessment:
    """Compute the PBG levy from the formula and issue it as the application's SKRD (officers of
    the agency, once the file is complete). A nil levy (a religious building, state property) has
    no SKRD: the message says so."""
    now = now or timezone.now()
    if application.service.code not in PBG_SERVICE_CODES:
        raise DesignError(_("Rumus retribusi PBG hanya untuk permohonan PBG."), code="not_pbg")
    try:
        result = fees.pbg_levy(params=levy_parameters(), **inputs)
    except fees.LevyInputError as exc:
        raise DesignError(exc.message, code=f"levy_{exc.field}") from exc
    if result.amount <= 0:
        raise DesignError(
            _("Menurut rumusnya, retribusi bangunan ini nol (dibebaskan): tidak ada SKRD yang diterbitkan."),
            code="levy_nil",
        )
    return permit_services.assessment_issue(
        application=application,
        actor=actor,
        amount=result.amount,
        due_date=due_date or levy_due_date(now),
        basis=levy_basis(result),
        now=now,
    )


def review_note_error(note: str) -> str:
    if len((note or "").strip()) < MIN_REVIEW_NOTE:
        return _("Tuliskan hasil pemeriksaan teknis (paling sedikit %(n)s karakter).") % {
            "n": MIN_REVIEW_NOTE
        }
    return ""


def expert_review_complete(*, application: Application, step_id: int, actor: User, note: str) -> None:
    """The expert team records its technical review: completes its SOP step with the note."""
    error = review_note_error(note)
    if error:
        raise DesignError(error, code="note_required")
    step = application.steps.filter(pk=step_id).first()
    if step is None:
        raise DesignError(_("Langkah ini bukan bagian dari permohonan ini."), code="unknown_step")
    permit_services.step_complete(application=application, step_progress=step, actor=actor, note=note)

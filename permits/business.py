"""OSS RBA on applications: the NIB (Nomor Induk Berusaha, 13 digits) and KBLI code an application
for a business service records, and what its risk level requires before it can be submitted.

Kept apart from ``permits.services`` (one module per concern); the write follows the same rules:
lock the row, editable statuses only, history with the actor and the reason.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mpp.errors import DomainError
from services.risk import obligation

from .models import Application
from .transitions import ApplicationStatus

if TYPE_CHECKING:
    from accounts.models import User

S = ApplicationStatus
EDITABLE = frozenset({S.DRAFT, S.RETURNED})
_NIB_RE = re.compile(r"^\d{13}$")
_KBLI_RE = re.compile(r"^\d{5}$")


class BusinessIdentityError(DomainError):
    """The NIB or KBLI code is not valid; ``errors`` maps "nib"/"kbli_code" to a message."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__(" ".join(errors.values()), code="invalid_business_identity")


def normalise_nib(value: str) -> str:
    """Digits only: "9120 1234 56789" and "9120-1234-56789" are the same NIB."""
    return re.sub(r"[\s.-]", "", value or "")


def nib_error(value: str) -> str:
    """The message for an invalid NIB ("" when it is valid or empty)."""
    if value and not _NIB_RE.match(value):
        return _("NIB terdiri atas 13 angka, seperti tertera pada dokumen NIB dari OSS.")
    return ""


def kbli_error(value: str) -> str:
    if value and not _KBLI_RE.match(value):
        return _("Kode KBLI terdiri atas 5 angka (KBLI 2020), misalnya 56102.")
    return ""


def needs_business_identity(application: Application) -> bool:
    return obligation(application.service.risk_level) is not None


def business_identity_problems(application: Application) -> list[str]:
    """What keeps a business application from being submitted: a missing or invalid NIB."""
    if not needs_business_identity(application):
        return []
    if not application.nib:
        return [_("NIB wajib diisi untuk layanan perizinan berusaha berbasis risiko.")]
    error = nib_error(application.nib)
    return [error] if error else []


@transaction.atomic
def application_set_business_identity(
    *, application: Application, actor: User, nib: str, kbli_code: str = "", now: datetime | None = None
) -> Application:
    """Record the NIB and KBLI code of a draft or returned application (its applicant's side).
    The KBLI code defaults to the service's own. Invalid values change nothing."""
    now = now or timezone.now()
    nib = normalise_nib(nib)
    kbli_code = (kbli_code or "").strip()
    errors = {k: v for k, v in {"nib": nib_error(nib), "kbli_code": kbli_error(kbli_code)}.items() if v}
    if errors:
        raise BusinessIdentityError(errors)
    application = Application.objects.select_for_update().select_related("service").get(pk=application.pk)
    from .services import _ensure_applicant_side  # the one rule of who acts for the applicant

    _ensure_applicant_side(application, actor)
    if application.status not in EDITABLE:
        raise DomainError(
            _("NIB dan KBLI hanya dapat diubah saat permohonan berstatus Draf atau Dikembalikan."),
            code="not_editable",
        )
    kbli_code = kbli_code or application.service.kbli_code
    if (application.nib, application.kbli_code) == (nib, kbli_code):
        return application
    application.nib = nib
    application.kbli_code = kbli_code
    application._history_user = actor
    application._change_reason = _("NIB dan KBLI dicatat")
    application._history_date = now
    application.save(update_fields=["nib", "kbli_code", "updated_at"])
    return application

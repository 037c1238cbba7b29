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
from services.models import Requirement
from services.risk import RiskLevel, obligation

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
    """What keeps a business application from being submitted, by its risk level (DOMAIN.md):
    every level needs a valid NIB; menengah rendah the applicant's pernyataan mandiri on the
    current standard text; menengah tinggi the standard fulfilment document (its requirement row).
    Tinggi needs nothing more: the izin is what the service produces."""
    if not needs_business_identity(application):
        return []
    problems = []
    if not application.nib:
        problems.append(_("NIB wajib diisi untuk layanan perizinan berusaha berbasis risiko."))
    elif error := nib_error(application.nib):
        problems.append(error)
    level = application.service.risk_level
    if level == RiskLevel.MEDIUM_LOW:
        if not application.standard_declared_at:
            problems.append(
                _(
                    "Buat pernyataan mandiri pemenuhan standar usaha (Sertifikat Standar risiko menengah rendah)."
                )
            )
        elif not standard_declaration_current(application):
            problems.append(
                _(
                    "Standar usaha atau KBLI berubah setelah pernyataan mandiri dibuat; buat ulang pernyataannya."
                )
            )
    elif level == RiskLevel.MEDIUM_HIGH:
        slots = standard_document_slots(application)
        if not slots:
            problems.append(
                _(
                    "Standar pelayanan ini belum memuat persyaratan dokumen pemenuhan Sertifikat Standar; "
                    "hubungi instansi penyelenggara."
                )
            )
        for requirement, uploaded in slots:
            # A mandatory row is already reported by the general check ("Berkas ... belum diunggah").
            if not uploaded and not requirement.mandatory:
                problems.append(
                    _("Berkas '%(name)s' wajib diunggah untuk verifikasi Sertifikat Standar.")
                    % {"name": requirement.name}
                )
    return problems


def standard_document_slots(application: Application) -> list[tuple[Requirement, bool]]:
    """The pinned standard's standard fulfilment document requirements, in order, each with
    whether a current document is uploaded for it (two queries)."""
    slots = list(
        Requirement.objects.filter(
            standard_id=application.standard_id, kind=Requirement.Kind.STANDARD_CERTIFICATE
        ).order_by("order", "id")
    )
    uploaded = set(
        application.documents.filter(is_current=True, requirement__in=slots).values_list(
            "requirement_id", flat=True
        )
    )
    return [(requirement, requirement.pk in uploaded) for requirement in slots]


def standard_documents_complete(slots: list[tuple[Requirement, bool]]) -> bool:
    return bool(slots) and all(uploaded for _requirement, uploaded in slots)


DECLARATION_STATEMENT = (
    "Saya, pelaku usaha pemohon, menyatakan bahwa kegiatan usaha saya dengan KBLI %(kbli)s untuk "
    "layanan %(service)s telah memenuhi standar usaha yang ditetapkan dan bersedia diawasi oleh "
    "instansi berwenang. Bila pernyataan ini tidak benar, Sertifikat Standar dapat dibatalkan "
    "sesuai peraturan perundang-undangan."
)


def declaration_text(application: Application) -> str:
    """The pernyataan mandiri the applicant ticks: the standard's business standard for the KBLI
    of the application (or of the service), in the words the record keeps."""
    service = application.service
    kbli = application.kbli_code or service.kbli_code
    # The statement is a legal record: always kept in Indonesian, whatever the page's language,
    # so switching languages does not make a made declaration look changed.
    statement = DECLARATION_STATEMENT % {"kbli": kbli or "-", "service": service.name}
    standard_text = (application.standard.business_standard or "").strip()
    return f"{standard_text}\n\n{statement}" if standard_text else statement


def standard_declaration_current(application: Application) -> bool:
    """The applicant's pernyataan mandiri is made, on the standard text and KBLI it now has."""
    return bool(application.standard_declared_at) and (
        application.standard_declaration == declaration_text(application)
    )


def standard_verification_current(application: Application) -> bool:
    """Verified, and no standard fulfilment document uploaded since the verification."""
    if application.standard_verified_at is None:
        return False
    return not application.documents.filter(
        is_current=True,
        requirement__kind=Requirement.Kind.STANDARD_CERTIFICATE,
        uploaded_at__gt=application.standard_verified_at,
    ).exists()


def business_panel(application: Application, *, may_act: bool) -> dict | None:
    """The OSS RBA panel of the staff application page (None for a service without a risk level):
    what the level asks and whether it is done, and whether ``may_act`` staff can verify now."""
    level = application.service.risk_level
    required = obligation(level)
    if required is None:
        return None
    medium_high = level == RiskLevel.MEDIUM_HIGH
    verified = medium_high and standard_verification_current(application)
    return {
        "risk_label": application.service.get_risk_level_display(),
        "obligation": required,
        "items": business_outstanding(application, verified=verified),
        "medium_high": medium_high,
        "verified": verified,
        "can_verify": medium_high and not verified and may_act and application.status == S.IN_PROCESS,
    }


def business_approval_problems(application: Application) -> list[str]:
    """What keeps a business application from being approved: at menengah tinggi, the agency's
    verification of the standard fulfilment document."""
    if application.service.risk_level != RiskLevel.MEDIUM_HIGH:
        return []
    if standard_verification_current(application):
        return []
    return [_("Dokumen pemenuhan Sertifikat Standar belum diverifikasi petugas instansi.")]


def business_outstanding(application: Application, *, verified: bool | None = None) -> list[dict]:
    """For the API and pages: what the risk level asks of this application and whether it is done
    (``verified``: ``standard_verification_current`` when the caller has it already)."""
    level = application.service.risk_level
    if not obligation(level):
        return []
    nib_done = bool(application.nib) and not nib_error(application.nib)
    items = [{"code": "nib", "label": _("NIB (Nomor Induk Berusaha)"), "done": nib_done}]
    if level == RiskLevel.MEDIUM_LOW:
        items.append(
            {
                "code": "standard_declaration",
                "label": _("Pernyataan mandiri pemenuhan standar usaha"),
                "done": standard_declaration_current(application),
            }
        )
    elif level == RiskLevel.MEDIUM_HIGH:
        items.append(
            {
                "code": "standard_document",
                "label": _("Dokumen pemenuhan Sertifikat Standar"),
                "done": standard_documents_complete(standard_document_slots(application)),
            }
        )
        items.append(
            {
                "code": "standard_verification",
                "label": _("Verifikasi Sertifikat Standar oleh instansi"),
                "done": verified if verified is not None else standard_verification_current(application),
            }
        )
    return items


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
    from .services import _ensure_applicant_side, _save  # services imports this module

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
    _save(application, actor=actor, reason=_("NIB dan KBLI dicatat"), now=now, fields=["nib", "kbli_code"])
    return application


@transaction.atomic
def application_declare_standard(
    *, application: Application, actor: User, accepted: bool, now: datetime | None = None
) -> Application:
    """The applicant's pernyataan mandiri (menengah rendah): records the statement as ticked, who
    and when; ``accepted=False`` withdraws it. Only on a draft or returned application."""
    now = now or timezone.now()
    application = (
        Application.objects.select_for_update().select_related("service", "standard").get(pk=application.pk)
    )
    from .services import _ensure_applicant_side, _save

    _ensure_applicant_side(application, actor)
    if application.service.risk_level != RiskLevel.MEDIUM_LOW:
        raise DomainError(
            _("Pernyataan mandiri hanya untuk layanan berusaha dengan tingkat risiko menengah rendah."),
            code="declaration_not_applicable",
        )
    if application.status not in EDITABLE:
        raise DomainError(
            _("Pernyataan mandiri hanya dapat diubah saat permohonan berstatus Draf atau Dikembalikan."),
            code="not_editable",
        )
    text = declaration_text(application) if accepted else ""
    if application.standard_declaration == text and bool(application.standard_declared_at) == accepted:
        return application
    application.standard_declaration = text
    application.standard_declared_at = now if accepted else None
    application.standard_declared_by = actor if accepted else None
    reason = (
        _("Pernyataan mandiri pemenuhan standar usaha dibuat")
        if accepted
        else _("Pernyataan mandiri pemenuhan standar usaha ditarik")
    )
    _save(
        application,
        actor=actor,
        reason=reason,
        now=now,
        fields=["standard_declaration", "standard_declared_at", "standard_declared_by"],
    )
    return application


@transaction.atomic
def application_verify_standard(
    *, application: Application, actor: User, note: str = "", now: datetime | None = None
) -> Application:
    """The agency's verification of the standard fulfilment document (menengah tinggi), after the
    file is declared complete and before approval; recorded with who, when and the note."""
    now = now or timezone.now()
    seen = application.status
    application = Application.objects.select_for_update().select_related("service").get(pk=application.pk)
    from .services import _ensure_not_stale, _ensure_staff, _save, _with_note

    _ensure_staff(application, actor)
    _ensure_not_stale(seen, application)
    if application.service.risk_level != RiskLevel.MEDIUM_HIGH:
        raise DomainError(
            _("Verifikasi Sertifikat Standar hanya untuk layanan dengan tingkat risiko menengah tinggi."),
            code="verification_not_applicable",
        )
    if application.status != S.IN_PROCESS:
        raise DomainError(
            _("Sertifikat Standar diverifikasi setelah berkas dinyatakan lengkap, saat permohonan Diproses."),
            code="not_in_process",
        )
    if not standard_documents_complete(standard_document_slots(application)):
        raise DomainError(
            _("Dokumen pemenuhan Sertifikat Standar belum diunggah pemohon."),
            code="standard_document_missing",
        )
    if standard_verification_current(application):
        return application
    application.standard_verified_at = now
    application.standard_verified_by = actor
    application.standard_verification_note = (note or "").strip()
    _save(
        application,
        actor=actor,
        reason=_with_note(_("Sertifikat Standar diverifikasi"), note),
        now=now,
        fields=["standard_verified_at", "standard_verified_by", "standard_verification_note"],
    )
    return application

"""Every write to permit applications: one function per business action.

Each action locks the application row (``SELECT ... FOR UPDATE``), checks the status change against
the one table in ``permits.transitions``, saves with ``update_fields`` and leaves a history row with
the actor (``_history_user``), the reason (``_change_reason``) and the time (``_history_date``).
Work for later (e-mails) is enqueued only after commit, by id.

Concurrency: every status-changing action compares the status the caller saw (the instance it
passes in) with the locked row. When someone else changed the application in between, the action
is refused with :class:`~mpp.errors.ConflictError` ("muat ulang halaman"), so two officers clicking
at once never both apply, and nobody acts on a page that is out of date.

Time: every action takes an optional ``now`` (tests freeze time this way; interfaces leave it out).

Who may act (a second line after the views):

- the applicant's side (edit, upload, submit, resubmit, withdraw): the applicant, or, for an
  officer-assisted application, staff (officer or supervisor) of the service's agency;
- processing (verify, correction, steps, approve, reject, issue, claim): staff of the
  application's agency; MPP admins read everything but do not process an agency's files;
- assigning to someone else: a supervisor of the agency;
- an SOP step: a user whose role may act for the step's responsible role (``STEP_ROLE_ACTORS``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.db.models import Q
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from accounts.models import Role
from agencies.selectors import work_calendar
from mpp.errors import ConflictError, DomainError, NotPermitted
from mpp.formatting import rupiah
from services.models import FormField, Requirement, Service, ServiceStandard, StepRole
from services.selectors import in_force_standard

from . import hooks, uploads
from .business import business_approval_problems, business_identity_problems
from .models import (
    Application,
    Assessment,
    CorrectionItem,
    CorrectionRequest,
    Document,
    FieldValue,
    IssuanceSequence,
    Permit,
    StepProgress,
)
from .tracking import allocate_number, new_secret
from .transitions import OPEN_STATUSES, ApplicationStatus, TransitionNotAllowed, can_transition
from .uploads import UploadRejected

if TYPE_CHECKING:
    from accounts.models import User
    from agencies.workcalendar import WorkCalendar

__all__ = [
    "STEP_ROLE_ACTORS",
    "ApplicationError",
    "ConflictError",
    "FieldErrors",
    "IncompleteApplication",
    "NotPermitted",
    "TransitionNotAllowed",
    "UploadRejected",
]

S = ApplicationStatus
DEFAULT_CORRECTION_DAYS = 14
TEXT_MAX_LENGTH = 2000
MIN_REJECTION_REASON = 10

# Which user roles may complete a step, by the step's responsible role (services.StepRole). The
# portal has two agency roles: officers do the front-office, technical and team work; supervisors
# can do that too and are the only ones who act for the supervisor and the head of the agency
# (a supervisor records the head's signature).
STEP_ROLE_ACTORS: dict[str, frozenset[str]] = {
    StepRole.FRONT_OFFICE: frozenset({Role.OFFICER, Role.SUPERVISOR}),
    StepRole.OFFICER: frozenset({Role.OFFICER, Role.SUPERVISOR}),
    StepRole.TECHNICAL_TEAM: frozenset({Role.OFFICER, Role.SUPERVISOR, Role.EXPERT}),
    StepRole.SUPERVISOR: frozenset({Role.SUPERVISOR}),
    StepRole.HEAD: frozenset({Role.SUPERVISOR}),
}


# --- Errors -----------------------------------------------------------------------------------


class ApplicationError(DomainError):
    """A business rule of applications refused the action (HTTP 400)."""


class FieldErrors(DomainError):
    """Some form values are invalid; ``errors`` maps each field key to its messages."""

    def __init__(self, errors: Mapping[str, list[str]]):
        self.errors = dict(errors)
        super().__init__(_("Periksa kembali isian yang ditandai."), code="invalid_fields")


class IncompleteApplication(DomainError):
    """The application cannot be (re)submitted yet; ``problems`` lists what is missing."""

    def __init__(self, problems: Sequence[str]):
        self.problems = list(problems)
        super().__init__(
            _("Permohonan belum lengkap: %(problems)s") % {"problems": " ".join(self.problems)},
            code="incomplete",
        )


# --- Helpers ----------------------------------------------------------------------------------


def _now(now: datetime | None) -> datetime:
    return now or timezone.now()


def _calendar(now: datetime) -> WorkCalendar:
    """The MPP's calendar covering ``now`` (same year range as work_calendar's default)."""
    year = timezone.localtime(now).year
    return work_calendar(years=range(year - 2, year + 3))


def correction_days(service=None) -> int:
    """Working days a citizen has to answer a correction request: the service's own setting, else
    the MPP's."""
    if service is not None and service.correction_days:
        return service.correction_days
    return getattr(settings, "MPP_CORRECTION_DAYS", DEFAULT_CORRECTION_DAYS)


def _save(instance, *, actor, reason: str, now: datetime, fields: Iterable[str] | None = None) -> None:
    instance._history_user = actor
    instance._change_reason = reason
    instance._history_date = now
    if fields is None:
        instance.save()
        return
    fields = list(fields)
    if any(f.name == "updated_at" for f in instance._meta.concrete_fields):
        fields.append("updated_at")
    instance.save(update_fields=fields)


def _with_note(reason: str, note: str) -> str:
    note = (note or "").strip()
    return f"{reason}: {note}" if note else reason


def _lock(application: Application) -> Application:
    return Application.objects.select_for_update().get(pk=application.pk)


def _check_transition(
    *, seen: str, application: Application, target: str, only_from: Iterable[str] | None = None
) -> None:
    """Refuse unless the table allows the change and the caller saw the current status."""
    _ensure_not_stale(seen, application)
    current = application.status
    if not can_transition(current, target) or (only_from is not None and current not in set(only_from)):
        raise TransitionNotAllowed(current, target)


def _ensure_not_stale(seen: str, application: Application) -> None:
    """Someone changed the status since the caller loaded the application: refuse (HTTP 409)."""
    if seen != application.status:
        raise ConflictError(
            _(
                "Permohonan ini baru saja diubah oleh orang lain (status sekarang: %(status)s). "
                "Muat ulang halaman lalu periksa kembali."
            )
            % {"status": S(application.status).label},
            code="concurrent_change",
        )


def _is_agency_staff(user, application: Application) -> bool:
    return (
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.role in (Role.OFFICER, Role.SUPERVISOR)
        and user.agency_id is not None
        and user.agency_id == application.agency_id
    )


def _is_agency_expert(user, application: Application) -> bool:
    return (
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.role == Role.EXPERT
        and user.agency_id == application.agency_id
    )


def _ensure_staff(application: Application, actor) -> None:
    if not _is_agency_staff(actor, application):
        raise NotPermitted(
            _("Hanya petugas instansi penyelenggara layanan ini yang dapat memproses permohonan.")
        )


def _ensure_applicant_side(application: Application, actor) -> None:
    if actor is not None and actor.pk == application.applicant_id:
        return
    if application.is_assisted and _is_agency_staff(actor, application):
        return
    raise NotPermitted(_("Hanya pemohon yang dapat mengubah permohonan ini."))


# --- Form values ------------------------------------------------------------------------------

_DECIMAL_RE = re.compile(r"^-?\d+([.,]\d+)?$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MAX_NUMBER = Decimal("1e12")


class _Invalid(Exception):
    pass


def choice_values(form_field: FormField) -> list[str]:
    """The allowed values of a choice field; ``choices`` may hold strings, [value, label] pairs or
    {"value": ..., "label": ...} objects."""
    values = []
    for choice in form_field.choices or []:
        if isinstance(choice, dict):
            values.append(str(choice.get("value", "")))
        elif isinstance(choice, list | tuple) and choice:
            values.append(str(choice[0]))
        else:
            values.append(str(choice))
    return values


def _format_decimal(value: Decimal) -> str:
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def clean_field_value(form_field: FormField, raw: Any) -> str:
    """The normalised text of ``raw`` for ``form_field``; "" for empty. Raises ``_Invalid``."""
    if raw is None:
        return ""
    if isinstance(raw, bool):
        raise _Invalid(_("Nilai tidak valid."))
    if isinstance(raw, date):
        raw = raw.isoformat()
    text = str(raw).strip()
    if not text:
        return ""
    kind = form_field.field_type
    if kind == FormField.FieldType.TEXT:
        if len(text) > TEXT_MAX_LENGTH:
            raise _Invalid(_("Paling banyak %(max)d karakter.") % {"max": TEXT_MAX_LENGTH})
        return text
    if kind in (FormField.FieldType.NUMBER, FormField.FieldType.AREA_M2):
        if not _DECIMAL_RE.match(text):
            raise _Invalid(_("Isi dengan angka tanpa pemisah ribuan, mis. 1250 atau 1250,5."))
        try:
            number = Decimal(text.replace(",", "."))
        except InvalidOperation as exc:
            raise _Invalid(_("Isi dengan angka.")) from exc
        if abs(number) >= _MAX_NUMBER:
            raise _Invalid(_("Angka terlalu besar."))
        if kind == FormField.FieldType.AREA_M2 and number <= 0:
            raise _Invalid(_("Luas harus lebih dari 0 m²."))
        if form_field.min_value is not None and number < form_field.min_value:
            raise _Invalid(_("Paling kecil %(min)s.") % {"min": _format_decimal(form_field.min_value)})
        if form_field.max_value is not None and number > form_field.max_value:
            raise _Invalid(_("Paling besar %(max)s.") % {"max": _format_decimal(form_field.max_value)})
        return _format_decimal(number)
    if kind == FormField.FieldType.DATE:
        try:
            if not _DATE_RE.match(text):
                raise ValueError(text)
            return date.fromisoformat(text).isoformat()
        except ValueError as exc:
            raise _Invalid(_("Tanggal tidak valid; gunakan format TTTT-BB-HH, mis. 2026-03-16.")) from exc
    if kind == FormField.FieldType.CHOICE:
        if text not in choice_values(form_field):
            raise _Invalid(_("Pilih salah satu pilihan yang tersedia."))
        return text
    raise _Invalid(_("Jenis isian tidak dikenal."))


@transaction.atomic
def application_save_fields(
    *, application: Application, values: Mapping[str, Any], actor: User, now: datetime | None = None
) -> Application:
    """Save the applicant's answers (a draft, or a returned application being corrected).

    ``values`` maps field keys to raw input. Every value is validated against its field's type first;
    on any error nothing is saved and :class:`FieldErrors` carries a message per key. Empty values
    are allowed here ("required" is checked at submission) and stored as "".
    """
    now = _now(now)
    application = _lock(application)
    _ensure_applicant_side(application, actor)
    _ensure_editable(application)
    fields = {f.key: f for f in FormField.objects.filter(standard_id=application.standard_id)}
    errors: dict[str, list[str]] = {}
    cleaned: dict[str, str] = {}
    for key, raw in values.items():
        form_field = fields.get(key)
        if form_field is None:
            errors[key] = [_("Isian ini tidak ada pada formulir layanan.")]
            continue
        try:
            cleaned[key] = clean_field_value(form_field, raw)
        except _Invalid as exc:
            errors[key] = [str(exc)]
    if errors:
        raise FieldErrors(errors)
    existing = {
        fv.form_field_id: fv
        for fv in FieldValue.objects.filter(
            application=application, form_field_id__in=[fields[k].pk for k in cleaned]
        )
    }
    for key, value in cleaned.items():
        form_field = fields[key]
        row = existing.get(form_field.pk)
        if row is None:
            if value == "":
                continue
            row = FieldValue(application=application, form_field=form_field, value=value, updated_at=now)
            _save(row, actor=actor, reason=_("isian diisi"), now=now)
        elif row.value != value:
            row.value = value
            row.updated_at = now
            _save(row, actor=actor, reason=_("isian diubah"), now=now, fields=["value", "updated_at"])
    return application


def _ensure_editable(application: Application) -> None:
    if application.status not in (S.DRAFT, S.RETURNED):
        raise ApplicationError(
            _("Isian dan berkas hanya dapat diubah saat permohonan berstatus Draf atau Dikembalikan."),
            code="not_editable",
        )


# --- Drafts and documents ---------------------------------------------------------------------


@transaction.atomic
def application_create_draft(
    *,
    service: Service,
    applicant: User,
    actor: User | None = None,
    assisted_by: User | None = None,
    consent_note: str = "",
    now: datetime | None = None,
) -> Application:
    """Start a draft for ``service``; it pins the standard in force now (re-pinned at submission
    when a newer version took effect meanwhile, see :func:`application_refresh_standard`).

    With ``assisted_by``, an officer of the service's agency files it at the counter on behalf of
    the citizen, whose consent is recorded in ``consent_note``; the application belongs to the
    citizen's account and is marked as assisted.
    """
    now = _now(now)
    if not service.is_active:
        raise ApplicationError(_("Layanan ini tidak aktif."), code="service_inactive")
    standard = in_force_standard(service)
    if standard is None:
        raise ApplicationError(
            _("Layanan ini belum memiliki standar pelayanan yang berlaku; permohonan belum dapat dibuat."),
            code="no_standard",
        )
    if applicant.role != Role.CITIZEN:
        raise ApplicationError(_("Permohonan dibuat atas nama akun warga."), code="applicant_not_citizen")
    application = Application(
        service=service,
        standard=standard,
        agency_id=service.agency_id,
        applicant=applicant,
        applicant_name=applicant.full_name,
    )
    if assisted_by is not None:
        if not _is_agency_staff(assisted_by, application):
            raise NotPermitted(
                _("Hanya petugas instansi penyelenggara layanan yang dapat membantu permohonan ini.")
            )
        if not consent_note.strip():
            raise ApplicationError(
                _("Catat persetujuan pemohon sebelum mengisi permohonan atas namanya."),
                code="consent_required",
            )
        application.is_assisted = True
        application.assisted_by = assisted_by
        application.consent_note = consent_note.strip()
        application.consent_at = now
        actor = actor or assisted_by
        reason = _("draf dibuat dengan bantuan petugas")
    else:
        actor = actor or applicant
        if actor.pk != applicant.pk:
            raise NotPermitted(
                _("Permohonan atas nama orang lain hanya dapat dibuat petugas dengan persetujuan pemohon.")
            )
        reason = _("draf dibuat")
    _save(application, actor=actor, reason=reason, now=now)
    return application


def applications_rename_applicant(*, user: User) -> int:
    """Copy ``user``'s (changed) full name onto their applications, for the worklist's name search;
    returns how many changed. On PostgreSQL a trigger has already done it (migration
    0007_applicant_name) and this changes nothing; the embedded SQLite run needs it. The copy is
    not audited (``Application.history`` excludes it; the user's own history has the change)."""
    return (
        Application.objects.filter(applicant_id=user.pk)
        .exclude(applicant_name=user.full_name)
        .update(applicant_name=user.full_name)
    )


@transaction.atomic
def application_refresh_standard(
    *, application: Application, actor: User, now: datetime | None = None
) -> Application:
    """Re-pin a draft to the standard in force if a newer version took effect since it was started.

    Values move to the new version's field with the same key and documents to the requirement with
    the same name; the rest is kept in history only (values deleted, documents no longer current).
    The citizen then sees the new form and what it still needs. Does nothing for a non-draft.
    """
    now = _now(now)
    application = _lock(application)
    _ensure_applicant_side(application, actor)
    if application.status != S.DRAFT:
        return application
    standard = in_force_standard(application.service)
    if standard is None or standard.pk == application.standard_id:
        return application
    reason = _("standar pelayanan diperbarui ke versi %(version)s") % {"version": standard.version}
    new_fields = {f.key: f for f in standard.form_fields.all()}
    for row in application.field_values.select_related("form_field"):
        target = new_fields.get(row.form_field.key)
        if target is None:
            row._history_user, row._change_reason, row._history_date = actor, reason, now
            row.delete()
        else:
            row.form_field = target
            _save(row, actor=actor, reason=reason, now=now, fields=["form_field"])
    new_requirements = {r.name.strip().casefold(): r for r in standard.requirements.all()}
    used: set[int] = set()
    for document in application.documents.filter(is_current=True).select_related("requirement"):
        target = new_requirements.get(document.requirement.name.strip().casefold())
        if target is None or target.pk in used:
            document.is_current = False
            _save(document, actor=actor, reason=reason, now=now, fields=["is_current"])
        else:
            used.add(target.pk)
            document.requirement = target
            _save(document, actor=actor, reason=reason, now=now, fields=["requirement"])
    application.standard = standard
    _save(application, actor=actor, reason=reason, now=now, fields=["standard"])
    return application


def document_upload(
    *,
    application: Application,
    requirement: Requirement,
    file: File,
    actor: User,
    now: datetime | None = None,
) -> Document:
    """Attach a file to a requirement. The type is checked from the content (see ``permits.uploads``);
    a new upload replaces the current one, which stays on record as not current."""
    now = _now(now)
    if requirement.standard_id != application.standard_id:
        raise ApplicationError(
            _("Persyaratan ini bukan bagian dari standar permohonan."), code="wrong_requirement"
        )
    checked = uploads.check_upload(file, requirement=requirement)
    with transaction.atomic():
        application = _lock(application)
        _ensure_applicant_side(application, actor)
        _ensure_editable(application)
        if requirement.standard_id != application.standard_id:
            raise ApplicationError(
                _("Standar pelayanan permohonan ini baru saja diperbarui. Muat ulang halaman."),
                code="wrong_requirement",
            )
        for previous in Document.objects.select_for_update().filter(
            application=application, requirement=requirement, is_current=True
        ):
            previous.is_current = False
            _save(previous, actor=actor, reason=_("berkas diganti"), now=now, fields=["is_current"])
        document = Document(
            application=application,
            requirement=requirement,
            original_name=uploads.clean_original_name(getattr(file, "name", "")),
            content_type=checked.kind.content_type,
            size=checked.size,
            sha256=checked.sha256,
            uploaded_by=actor,
            uploaded_at=now,
            is_current=True,
        )
        file.seek(0)
        # The stored name comes from upload_to; only the extension of this name is used.
        document.file.save(f"berkas.{checked.kind.extension}", file, save=False)
        _save(
            document, actor=actor, reason=_("berkas diunggah: %(name)s") % {"name": requirement.name}, now=now
        )
    return document


# --- Submission -------------------------------------------------------------------------------


def completeness_problems(application: Application) -> list[str]:
    """What still keeps the application from being submitted, in the citizen's words."""
    problems: list[str] = []
    values = {fv.form_field_id: fv.value for fv in application.field_values.all()}
    for form_field in FormField.objects.filter(standard_id=application.standard_id).order_by("order", "id"):
        value = values.get(form_field.pk, "")
        if not value:
            if form_field.required:
                problems.append(_("Isian '%(label)s' wajib diisi.") % {"label": form_field.label})
            continue
        try:
            clean_field_value(form_field, value)
        except _Invalid as exc:
            problems.append(_("Isian '%(label)s': %(error)s") % {"label": form_field.label, "error": exc})
    current = {
        doc.requirement_id: doc
        for doc in application.documents.filter(is_current=True).only("requirement_id", "content_type")
    }
    content_kinds = {kind.content_type: name for name, kind in uploads.KINDS.items()}
    for requirement in Requirement.objects.filter(standard_id=application.standard_id).order_by(
        "order", "id"
    ):
        document = current.get(requirement.pk)
        if document is None:
            if requirement.mandatory:
                problems.append(_("Berkas '%(name)s' belum diunggah.") % {"name": requirement.name})
            continue
        kinds = uploads.accepted_kinds(requirement)
        if content_kinds.get(document.content_type) not in kinds:
            problems.append(
                _("Berkas '%(name)s' harus berjenis %(kinds)s; unggah ulang.")
                % {"name": requirement.name, "kinds": uploads.kinds_label(kinds)}
            )
    problems += business_identity_problems(application)
    return problems


def _clean_delivery(method: str, address: str) -> tuple[str, str]:
    if method not in Application.Delivery.values:
        raise ApplicationError(_("Pilih cara pengambilan hasil layanan."), code="delivery_method")
    address = (address or "").strip()
    if method == Application.Delivery.COURIER:
        if len(address) < 10:
            raise ApplicationError(
                _(
                    "Tulis alamat pengantaran lengkap (jalan, nomor, RT/RW, kelurahan) untuk pengantaran kurir."
                ),
                code="delivery_address",
            )
        return method, address
    return method, ""


def application_submit(
    *,
    application: Application,
    actor: User,
    delivery_method: str,
    delivery_address: str = "",
    now: datetime | None = None,
) -> Application:
    """Submit a complete draft: allocate the tracking number and secret, estimate the decision date,
    and send the receipt after commit.

    The estimate is ``time_limit_days`` working days from now; the real SLA clock starts when an
    officer declares the file complete (:func:`application_verify_complete`). A draft whose standard
    was replaced is first re-pinned (in its own transaction, so the citizen sees the new form even
    when the submission is then refused as incomplete).
    """
    now = _now(now)
    seen = application.status
    if seen == S.DRAFT:
        application_refresh_standard(application=application, actor=actor, now=now)
    return _submit(
        application=application,
        seen=seen,
        actor=actor,
        delivery_method=delivery_method,
        delivery_address=delivery_address,
        now=now,
    )


@transaction.atomic
def _submit(
    *, application: Application, seen: str, actor, delivery_method: str, delivery_address: str, now: datetime
) -> Application:
    application = _lock(application)
    _ensure_applicant_side(application, actor)
    _check_transition(seen=seen, application=application, target=S.SUBMITTED, only_from={S.DRAFT})
    method, address = _clean_delivery(delivery_method, delivery_address)
    problems = completeness_problems(application)
    if problems:
        raise IncompleteApplication(problems)
    calendar = _calendar(now)
    service = application.service
    application.tracking_number = allocate_number(prefix=service.code, year=now.astimezone(calendar.tz).year)
    application.tracking_secret = new_secret()
    application.status = S.SUBMITTED
    application.submitted_at = now
    application.estimated_due_at = calendar.deadline_after(now, application.standard.time_limit_days)
    application.delivery_method = method
    application.delivery_address = address
    _save(
        application,
        actor=actor,
        reason=_("diajukan"),
        now=now,
        fields=[
            "tracking_number",
            "tracking_secret",
            "status",
            "submitted_at",
            "estimated_due_at",
            "delivery_method",
            "delivery_address",
        ],
    )
    application_send_receipt(application_id=application.pk, now=now)
    return application


# --- Processing -------------------------------------------------------------------------------


@transaction.atomic
def application_verify_complete(
    *, application: Application, actor: User, note: str = "", now: datetime | None = None
) -> Application:
    """Berkas lengkap: the file is complete and correct. Starts the SLA clock (deadline =
    ``time_limit_days`` working days, DOMAIN.md) and the SOP steps, each due at the cumulative
    duration of the steps up to it. The verifying officer takes the application if nobody has."""
    now = _now(now)
    seen = application.status
    application = _lock(application)
    _ensure_staff(application, actor)
    _check_transition(seen=seen, application=application, target=S.IN_PROCESS, only_from={S.SUBMITTED})
    calendar = _calendar(now)
    standard: ServiceStandard = application.standard
    application.status = S.IN_PROCESS
    application.clock_started_at = now
    application.due_at = calendar.deadline_after(now, standard.time_limit_days)
    application.paused_at = None
    fields = ["status", "clock_started_at", "due_at", "paused_at"]
    if application.assigned_to_id is None:
        application.assigned_to = actor
        fields.append("assigned_to")
    _save(application, actor=actor, reason=_with_note(_("berkas lengkap"), note), now=now, fields=fields)
    from . import sla

    _notify_status(application, due_date=sla.format_datetime(application.applicant, application.due_at))
    steps = []
    cumulative = 0
    for sop_step in standard.steps.order_by("order", "id"):
        cumulative += sop_step.duration_days
        steps.append(
            StepProgress(
                application=application,
                sop_step=sop_step,
                order=sop_step.order,
                name=sop_step.name,
                responsible_role=sop_step.responsible_role,
                due_at=calendar.deadline_after(now, cumulative),
            )
        )
    if steps:
        bulk_create_with_history(
            steps,
            StepProgress,
            default_user=actor,
            default_change_reason=_("langkah SOP dimulai"),
            default_date=now,
        )
    return application


def _clean_correction_items(application: Application, items) -> list[CorrectionItem]:
    cleaned = []
    for target, message in items:
        message = (message or "").strip()
        if not message:
            raise ApplicationError(
                _("Setiap butir perbaikan harus menyebut apa yang salah."), code="item_message"
            )
        item = CorrectionItem(message=message)
        if isinstance(target, Requirement):
            if target.standard_id != application.standard_id:
                raise ApplicationError(_("Persyaratan ini bukan bagian dari standar permohonan."))
            item.requirement = target
        elif isinstance(target, FormField):
            if target.standard_id != application.standard_id:
                raise ApplicationError(_("Isian ini bukan bagian dari formulir permohonan."))
            item.form_field = target
        elif target is not None:
            raise ApplicationError(
                _("Butir perbaikan harus menyebut persyaratan, isian, atau tidak keduanya.")
            )
        cleaned.append(item)
    if not cleaned:
        raise ApplicationError(_("Sebutkan paling sedikit satu hal yang perlu diperbaiki."), code="no_items")
    return cleaned


@transaction.atomic
def application_request_correction(
    *,
    application: Application,
    actor: User,
    items: Sequence[tuple[Requirement | FormField | None, str]],
    note: str = "",
    now: datetime | None = None,
) -> CorrectionRequest:
    """Return the application to the citizen with what to fix, item by item. Pauses the SLA clock
    when it had started; the citizen has ``MPP_CORRECTION_DAYS`` working days (default 14) to
    respond before the application lapses. The citizen is told by e-mail after commit."""
    now = _now(now)
    seen = application.status
    application = _lock(application)
    _ensure_staff(application, actor)
    _check_transition(seen=seen, application=application, target=S.RETURNED)
    cleaned = _clean_correction_items(application, items)
    application.status = S.RETURNED
    fields = ["status"]
    if application.clock_started_at is not None:
        application.paused_at = now
        fields.append("paused_at")
    _save(
        application,
        actor=actor,
        reason=_with_note(_("dikembalikan untuk perbaikan"), note),
        now=now,
        fields=fields,
    )
    correction = CorrectionRequest(
        application=application,
        requested_by=actor,
        requested_at=now,
        due_at=_calendar(now).deadline_after(now, correction_days(application.service)),
        note=note.strip(),
    )
    _save(correction, actor=actor, reason=_("perbaikan diminta"), now=now)
    for item in cleaned:
        item.request = correction
    CorrectionItem.objects.bulk_create(cleaned)
    correction_send_notice(correction_id=correction.pk, now=now)
    return correction


def open_correction(application: Application) -> CorrectionRequest | None:
    return (
        CorrectionRequest.objects.filter(application=application, resolved_at__isnull=True)
        .prefetch_related("items__requirement", "items__form_field")
        .first()
    )


def unaddressed_items(application: Application, correction: CorrectionRequest) -> list[str]:
    """The rule for resubmission: every item naming a requirement needs a document uploaded after
    the request, every item naming a form field a value changed after it; when all items are
    general (naming neither), at least one document or value must have changed since the request."""
    since = correction.requested_at
    new_documents = set(
        Document.objects.filter(application=application, is_current=True, uploaded_at__gt=since).values_list(
            "requirement_id", flat=True
        )
    )
    changed_fields = set(
        FieldValue.objects.filter(application=application, updated_at__gt=since).values_list(
            "form_field_id", flat=True
        )
    )
    problems = []
    items = list(correction.items.all())
    for item in items:
        if item.requirement_id and item.requirement_id not in new_documents:
            problems.append(
                _("Unggah berkas baru untuk '%(name)s' (%(message)s).")
                % {"name": item.requirement.name, "message": item.message}
            )
        if item.form_field_id and item.form_field_id not in changed_fields:
            problems.append(
                _("Perbaiki isian '%(label)s' (%(message)s).")
                % {"label": item.form_field.label, "message": item.message}
            )
    general_only = all(not item.requirement_id and not item.form_field_id for item in items)
    if general_only and not (new_documents or changed_fields):
        problems.append(_("Belum ada isian atau berkas yang diperbaiki sejak permintaan perbaikan."))
    return problems


@transaction.atomic
def application_resubmit(
    *, application: Application, actor: User, now: datetime | None = None
) -> Application:
    """The citizen sends the corrected application back. Before berkas lengkap it returns to
    "submitted"; after, it returns to "in_process" and the clock resumes: the deadline and the open
    steps' deadlines move later by the office minutes the pause covered (DOMAIN.md)."""
    now = _now(now)
    seen = application.status
    application = _lock(application)
    _ensure_applicant_side(application, actor)
    target = S.IN_PROCESS if application.clock_started_at is not None else S.SUBMITTED
    _check_transition(seen=seen, application=application, target=target, only_from={S.RETURNED})
    correction = (
        CorrectionRequest.objects.select_for_update()
        .filter(application=application, resolved_at__isnull=True)
        .first()
    )
    problems = []
    if correction is not None:
        problems += unaddressed_items(application, correction)
    problems += completeness_problems(application)
    if problems:
        raise IncompleteApplication(problems)
    calendar = _calendar(now)
    fields = ["status"]
    if target == S.IN_PROCESS:
        minutes = calendar.office_minutes_between(application.paused_at, now) if application.paused_at else 0
        if application.due_at is not None:
            application.due_at = calendar.add_office_minutes(application.due_at, minutes)
        application.paused_minutes += minutes
        application.paused_at = None
        fields += ["due_at", "paused_minutes", "paused_at"]
        if minutes:
            step_reason = _("batas waktu digeser %(minutes)d menit kerja karena jeda perbaikan") % {
                "minutes": minutes
            }
            for step in application.steps.filter(completed_at__isnull=True, due_at__isnull=False):
                step.due_at = calendar.add_office_minutes(step.due_at, minutes)
                _save(step, actor=actor, reason=step_reason, now=now, fields=["due_at"])
    else:
        application.estimated_due_at = calendar.deadline_after(now, application.standard.time_limit_days)
        fields.append("estimated_due_at")
    application.status = target
    _save(application, actor=actor, reason=_("diajukan ulang setelah perbaikan"), now=now, fields=fields)
    if correction is not None:
        correction.resolved_at = now
        _save(correction, actor=actor, reason=_("perbaikan diajukan"), now=now, fields=["resolved_at"])
    return application


@transaction.atomic
def step_complete(
    *,
    application: Application,
    step_progress: StepProgress,
    actor: User,
    note: str = "",
    now: datetime | None = None,
) -> StepProgress:
    """Complete one SOP step, in order, by a user whose role may act for the step's role."""
    now = _now(now)
    seen = application.status
    application = _lock(application)
    if not _is_agency_expert(actor, application):  # the expert team (TPA) reviews, nothing else
        _ensure_staff(application, actor)
    _ensure_not_stale(seen, application)
    if application.status != S.IN_PROCESS:
        raise ApplicationError(
            _(
                "Langkah SOP hanya dapat diselesaikan saat permohonan berstatus 'Diproses' (sekarang '%(status)s')."
            )
            % {"status": S(application.status).label},
            code="not_in_process",
        )
    try:
        step = StepProgress.objects.select_for_update().get(pk=step_progress.pk, application=application)
    except StepProgress.DoesNotExist as exc:
        raise ApplicationError(_("Langkah ini bukan bagian dari permohonan ini.")) from exc
    if step.completed_at is not None:
        raise ConflictError(
            _("Langkah '%(name)s' sudah diselesaikan pada %(when)s.")
            % {
                "name": step.name,
                "when": formats.date_format(timezone.localtime(step.completed_at), "DATETIME_FORMAT"),
            },
            code="step_done",
        )
    earlier = (
        application.steps.filter(completed_at__isnull=True)
        .filter(Q(order__lt=step.order) | Q(order=step.order, pk__lt=step.pk))
        .order_by("order", "id")
        .first()
    )
    if earlier is not None:
        raise ApplicationError(
            _("Selesaikan dulu langkah '%(name)s'; langkah SOP tidak boleh dilewati.")
            % {"name": earlier.name},
            code="step_out_of_order",
        )
    if actor.role not in STEP_ROLE_ACTORS.get(step.responsible_role, frozenset()):
        raise NotPermitted(
            _("Langkah '%(name)s' menjadi tanggung jawab %(role)s; peran Anda tidak dapat menyelesaikannya.")
            % {"name": step.name, "role": _role_label(step.responsible_role)}
        )
    step.completed_at = now
    step.completed_by = actor
    step.note = note.strip()
    _save(
        step,
        actor=actor,
        reason=_with_note(_("langkah selesai: %(name)s") % {"name": step.name}, note),
        now=now,
        fields=["completed_at", "completed_by", "note"],
    )
    return step


def _role_label(role: str) -> str:
    try:
        return str(StepRole(role).label)
    except ValueError:
        return role


@transaction.atomic
def application_approve(
    *, application: Application, actor: User, note: str = "", now: datetime | None = None
) -> Application:
    """Approve an application whose SOP steps are all complete; the applicant is told after commit."""
    now = _now(now)
    seen = application.status
    application = _lock(application)
    _ensure_staff(application, actor)
    _check_transition(seen=seen, application=application, target=S.APPROVED)
    open_steps = list(application.steps.filter(completed_at__isnull=True).order_by("order", "id"))
    if open_steps:
        raise ApplicationError(
            _("Belum semua langkah SOP selesai: %(steps)s.")
            % {"steps": ", ".join(s.name for s in open_steps)},
            code="steps_incomplete",
        )
    if problems := business_approval_problems(application):
        raise ApplicationError(" ".join(problems), code="standard_not_verified")
    application.status = S.APPROVED
    application.decided_at = now
    _save(
        application,
        actor=actor,
        reason=_with_note(_("disetujui"), note),
        now=now,
        fields=["status", "decided_at"],
    )
    application_send_decision_notice(application_id=application.pk, now=now)
    return application


@transaction.atomic
def application_reject(
    *, application: Application, actor: User, reason: str, now: datetime | None = None
) -> Application:
    """Reject with a reason that cites the requirement or rule not met; the citizen sees it."""
    now = _now(now)
    reason = (reason or "").strip()
    seen = application.status
    application = _lock(application)
    _ensure_staff(application, actor)
    _check_transition(seen=seen, application=application, target=S.REJECTED)
    if len(reason) < MIN_REJECTION_REASON:
        raise ApplicationError(
            _("Tuliskan alasan penolakan yang menyebut persyaratan atau aturan yang tidak dipenuhi."),
            code="reason_required",
        )
    application.status = S.REJECTED
    application.decided_at = now
    application.rejection_reason = reason
    _save(
        application,
        actor=actor,
        reason=_("ditolak: %(reason)s") % {"reason": reason},
        now=now,
        fields=["status", "decided_at", "rejection_reason"],
    )
    application_send_decision_notice(application_id=application.pk, now=now)
    return application


@transaction.atomic
def application_issue(
    *,
    application: Application,
    actor: User,
    now: datetime | None = None,
    valid_from: date | None = None,
    valid_until: date | None = None,
) -> Application:
    """Issue the approved permit: refused while a levy is unpaid; creates the Permit (number,
    verification code) and its PDF in this transaction, so a failure leaves the application
    approved and the citizen can download the permit as soon as it commits.

    ``valid_from`` defaults to the issue date; ``valid_until`` None means "valid as long as nothing
    changes" (a service standard has no validity component).
    """
    now = _now(now)
    seen = application.status
    application = _lock(application)
    _ensure_staff(application, actor)
    _check_transition(seen=seen, application=application, target=S.ISSUED)
    _ensure_levy_paid(application)
    application.status = S.ISSUED
    application.issued_at = now
    _save(application, actor=actor, reason=_("diterbitkan"), now=now, fields=["status", "issued_at"])
    permit = _permit_create(
        application=application, actor=actor, now=now, valid_from=valid_from, valid_until=valid_until
    )
    hooks.run_issued_handlers(application=application, permit=permit, actor=actor, now=now)
    _notify_applicant(application, "application.permit_issued", "permit_issued", permit_number=permit.number)
    return application


@transaction.atomic
def application_withdraw(
    *, application: Application, actor: User, reason: str = "", now: datetime | None = None
) -> Application:
    """The applicant withdraws before a decision (a draft, submitted, returned or in process)."""
    now = _now(now)
    seen = application.status
    application = _lock(application)
    _ensure_applicant_side(application, actor)
    _check_transition(seen=seen, application=application, target=S.WITHDRAWN)
    application.status = S.WITHDRAWN
    _save(
        application,
        actor=actor,
        reason=_with_note(_("dibatalkan oleh pemohon"), reason),
        now=now,
        fields=["status"],
    )
    return application


@transaction.atomic
def application_lapse(
    *, application: Application, actor: User | None = None, now: datetime | None = None
) -> Application:
    """A returned application whose correction deadline passed without a resubmission lapses."""
    now = _now(now)
    seen = application.status
    application = _lock(application)
    _check_transition(seen=seen, application=application, target=S.LAPSED)
    correction = CorrectionRequest.objects.filter(application=application, resolved_at__isnull=True).first()
    if correction is None or correction.due_at >= now:
        raise ApplicationError(_("Batas waktu perbaikan belum lewat."), code="correction_not_due")
    if not application.service.lapse_on_expired_correction:
        raise ApplicationError(
            _("Layanan ini tidak menutup permohonan secara otomatis; petugas yang memutuskan."),
            code="lapse_disabled",
        )
    application.status = S.LAPSED
    _save(
        application,
        actor=actor,
        reason=_("kedaluwarsa: perbaikan tidak diajukan sampai batas waktu"),
        now=now,
        fields=["status"],
    )
    from . import sla

    _notify_applicant(
        application,
        "application.lapsed",
        "lapsed",
        due_date=sla.format_datetime(application.applicant, correction.due_at),
    )
    return application


def applications_lapse_expired(*, now: datetime | None = None) -> int:
    """Sweep: lapse every returned application past its correction deadline. Returns how many."""
    now = _now(now)
    ids = CorrectionRequest.objects.filter(
        resolved_at__isnull=True,
        due_at__lt=now,
        application__status=S.RETURNED,
        application__service__lapse_on_expired_correction=True,
    ).values_list("application_id", flat=True)
    count = 0
    for application in Application.objects.filter(pk__in=list(ids)):
        try:
            application_lapse(application=application, now=now)
        except DomainError:
            continue  # changed meanwhile (resubmitted or withdrawn)
        count += 1
    return count


# --- Assignment -------------------------------------------------------------------------------


def _ensure_assignable(application: Application) -> None:
    if application.status not in OPEN_STATUSES:
        raise ApplicationError(
            _("Permohonan berstatus '%(status)s' tidak lagi perlu ditangani.")
            % {"status": S(application.status).label},
            code="not_open",
        )


@transaction.atomic
def application_claim(*, application: Application, actor: User, now: datetime | None = None) -> Application:
    """An officer takes an unassigned application of the agency."""
    now = _now(now)
    application = _lock(application)
    _ensure_staff(application, actor)
    _ensure_assignable(application)
    if application.assigned_to_id == actor.pk:
        return application
    if application.assigned_to_id is not None:
        raise ConflictError(
            _("Permohonan ini sudah ditangani oleh %(name)s.") % {"name": application.assigned_to},
            code="already_assigned",
        )
    application.assigned_to = actor
    _save(application, actor=actor, reason=_("diambil untuk ditangani"), now=now, fields=["assigned_to"])
    return application


@transaction.atomic
def application_assign(
    *, application: Application, actor: User, assignee: User, now: datetime | None = None
) -> Application:
    """A supervisor assigns the application to an officer or supervisor of the same agency."""
    now = _now(now)
    application = _lock(application)
    _ensure_staff(application, actor)
    if actor.role != Role.SUPERVISOR:
        raise NotPermitted(_("Hanya supervisor yang dapat menugaskan permohonan kepada petugas lain."))
    if not _is_agency_staff(assignee, application):
        raise ApplicationError(
            _("Permohonan hanya dapat ditugaskan kepada petugas instansi yang sama."), code="bad_assignee"
        )
    _ensure_assignable(application)
    if application.assigned_to_id == assignee.pk:
        return application
    application.assigned_to = assignee
    _save(
        application,
        actor=actor,
        reason=_("ditugaskan kepada %(name)s") % {"name": assignee},
        now=now,
        fields=["assigned_to"],
    )
    if assignee.pk != actor.pk:
        from . import sla

        _notify(
            recipient=assignee,
            event="staff.application_assigned",
            application=application,
            key=f"assigned:{assignee.pk}:{now:%Y%m%dT%H%M%S%f}",
            link=sla.staff_link(application.pk),
            due_date=sla.format_datetime(assignee, application.due_at or application.estimated_due_at),
        )
    return application


# --- Fiktif positif ---------------------------------------------------------------------------


def service_is_fiktif_positif(service: Service) -> bool:
    # Service.fiktif_positif (PP 28/2025) is added to the catalogue by its owners; until then no
    # service is flagged.
    return bool(getattr(service, "fiktif_positif", False))


@transaction.atomic
def application_mark_deemed_approved(
    *, application: Application, actor: User | None = None, now: datetime | None = None
) -> Application:
    """Fiktif positif (PP 28/2025): an application of a flagged service not decided by its
    deadline is deemed approved."""
    now = _now(now)
    seen = application.status
    application = _lock(application)
    if not service_is_fiktif_positif(application.service):
        raise ApplicationError(_("Layanan ini tidak menerapkan fiktif positif."), code="not_fiktif_positif")
    _check_transition(seen=seen, application=application, target=S.APPROVED, only_from={S.IN_PROCESS})
    if application.due_at is None or application.due_at >= now:
        raise ApplicationError(_("Batas waktu penyelesaian belum lewat."), code="not_overdue")
    application.status = S.APPROVED
    application.decided_at = now
    application.deemed_approved = True
    _save(
        application,
        actor=actor,
        reason=_("dianggap disetujui (fiktif positif): tidak diputuskan sampai batas waktu"),
        now=now,
        fields=["status", "decided_at", "deemed_approved"],
    )
    application_send_decision_notice(application_id=application.pk, now=now)
    from . import sla

    sla.deemed_approved_alert(application=application)
    return application


def applications_mark_deemed_approved_due(*, now: datetime | None = None) -> int:
    """Sweep: deem approved every overdue in-process application of a fiktif-positif service."""
    now = _now(now)
    if not any(f.name == "fiktif_positif" for f in Service._meta.get_fields()):
        return 0
    due = Application.objects.filter(status=S.IN_PROCESS, due_at__lt=now, service__fiktif_positif=True)
    count = 0
    for application in due.only("pk", "status"):
        try:
            application_mark_deemed_approved(application=application, now=now)
        except DomainError:
            continue
        count += 1
    return count


# --- Deadlines after a calendar change --------------------------------------------------------


def applications_recompute_deadlines(
    *, now: datetime | None = None, dry_run: bool = False
) -> tuple[int, int]:
    """Recompute the SLA deadline of every application whose clock runs (or is paused) from
    ``clock_started_at`` + time limit + paused office minutes, with the calendar as it is now, and
    move open steps likewise. Returns (checked, moved)."""
    now = _now(now)
    calendar = _calendar(now)
    checked = moved = 0
    candidates = Application.objects.filter(
        status__in=[S.IN_PROCESS, S.RETURNED], clock_started_at__isnull=False
    ).values_list("pk", flat=True)
    for pk in candidates.iterator():
        checked += 1
        with transaction.atomic():
            application = Application.objects.select_for_update().get(pk=pk)
            if application.status not in (S.IN_PROCESS, S.RETURNED) or application.clock_started_at is None:
                continue
            start, paused = application.clock_started_at, application.paused_minutes
            due = calendar.add_office_minutes(
                calendar.deadline_after(start, application.standard.time_limit_days), paused
            )
            changed = due != application.due_at
            reason = _("batas waktu dihitung ulang setelah perubahan kalender")
            cumulative = 0
            steps = list(application.steps.select_related("sop_step").order_by("order", "id"))
            step_changes = []
            for step in steps:
                cumulative += step.sop_step.duration_days
                if step.completed_at is not None:
                    continue
                step_due = calendar.add_office_minutes(calendar.deadline_after(start, cumulative), paused)
                if step_due != step.due_at:
                    step.due_at = step_due
                    step_changes.append(step)
            if not changed and not step_changes:
                continue
            moved += 1
            if dry_run:
                continue
            if changed:
                application.due_at = due
                _save(application, actor=None, reason=reason, now=now, fields=["due_at"])
            for step in step_changes:
                _save(step, actor=None, reason=reason, now=now, fields=["due_at"])
    return checked, moved


# --- Notifications (called by permits.tasks; each sends at most once) -------------------------


def _format_datetime(value: datetime | None) -> str:
    if value is None:
        return "-"
    return formats.date_format(timezone.localtime(value), "j F Y, H:i")


def _format_date(value: datetime | None) -> str:
    if value is None:
        return "-"
    return formats.date_format(timezone.localtime(value), "l, j F Y")


def _notify(*, recipient, event: str, application: Application, key: str, link: str, **extra: Any) -> bool:
    """Tell someone about this application through ``notifications.services.notify`` (inbox plus
    the channels they chose, delivered after commit), once per ``key``; True if it was new."""
    from notifications.services import notify

    from . import sla

    notification = notify(
        recipient=recipient,
        event=event,
        context=sla.application_context(recipient, application, **extra),
        link=link,
        dedup_key=f"{sla.APPLICATION}:{application.pk}:{key}",
    )
    return notification is not None


def _notify_applicant(application: Application, event: str, key: str, **extra: Any) -> bool:
    from . import sla

    return _notify(
        recipient=application.applicant,
        event=event,
        application=application,
        key=key,
        link=sla.citizen_link(application.pk),
        **extra,
    )


def application_send_receipt(*, application_id: int, now: datetime | None = None) -> bool:
    """The receipt (tracking number, secret, estimated decision date), once: called in the
    submitting transaction; the guarded UPDATE ... WHERE receipt_sent_at IS NULL and the
    notification's unique key make a repeat (an old queued task) send nothing."""
    from . import sla

    now = _now(now)
    with transaction.atomic():
        claimed = Application.objects.filter(
            pk=application_id, receipt_sent_at__isnull=True, tracking_number__isnull=False
        ).update(receipt_sent_at=now)
        if not claimed:
            return False
        application = Application.objects.select_related("applicant", "service").get(pk=application_id)
        applicant = application.applicant
        return _notify_applicant(
            application,
            "application.received",
            "received",
            secret=application.tracking_secret,
            expected_date=sla.format_datetime(applicant, application.estimated_due_at, "l, j F Y"),
        )


def correction_send_notice(*, correction_id: int, now: datetime | None = None) -> bool:
    """Tell the citizen what to fix and by when, once (guarded by ``notified_at``)."""
    from . import sla

    now = _now(now)
    with transaction.atomic():
        claimed = CorrectionRequest.objects.filter(pk=correction_id, notified_at__isnull=True).update(
            notified_at=now
        )
        if not claimed:
            return False
        correction = CorrectionRequest.objects.select_related(
            "application__applicant", "application__service"
        ).get(pk=correction_id)
        application = correction.application
        applicant = application.applicant
        lines = []
        with translation.override(sla.language_of(applicant)):
            for item in correction.items.select_related("requirement", "form_field"):
                target = item.requirement or item.form_field
                lines.append(f"{target}: {item.message}" if target else item.message)
        return _notify_applicant(
            application,
            "application.correction_requested",
            f"correction:{correction.pk}",
            items=lines,
            due_date=sla.format_datetime(applicant, correction.due_at),
        )


def application_send_decision_notice(*, application_id: int, now: datetime | None = None) -> bool:
    """Tell the citizen the decision (approved, deemed approved or rejected with its reason), once."""
    now = _now(now)
    with transaction.atomic():
        claimed = Application.objects.filter(
            pk=application_id,
            decision_notice_sent_at__isnull=True,
            status__in=[S.APPROVED, S.REJECTED, S.ISSUED],
        ).update(decision_notice_sent_at=now)
        if not claimed:
            return False
        application = Application.objects.select_related("applicant", "service").get(pk=application_id)
        return _notify_status(application, reason=application.rejection_reason)


def _notify_status(application: Application, **extra: Any) -> bool:
    """``application.status_changed`` to the applicant, once per status reached."""
    with translation.override(application.applicant.preferred_language or settings.LANGUAGE_CODE):
        status = str(S(application.status).label)
    return _notify_applicant(
        application,
        "application.status_changed",
        f"status:{application.status}",
        status=status,
        deemed_approved=application.deemed_approved,
        **extra,
    )


# --- The citizen's form (appended for the citizen pages) ---------------------------------------


@transaction.atomic
def application_save_form(
    *,
    application: Application,
    actor: User,
    values: Mapping[str, Any],
    delivery_method: str | None = None,
    delivery_address: str = "",
    now: datetime | None = None,
) -> Application:
    """Save the citizen's form in one go: the service-specific values (see
    :func:`application_save_fields`, which raises :class:`FieldErrors`) and, for a draft, the
    delivery choice, so a resumed draft keeps it. The courier address is required only at
    submission (:func:`application_submit` checks the choice again); ``delivery_method=None``
    leaves the choice as it is (a returned application keeps the choice it was submitted with)."""
    now = _now(now)
    application = application_save_fields(application=application, values=values, actor=actor, now=now)
    if delivery_method is None or application.status != S.DRAFT:
        return application
    if delivery_method not in Application.Delivery.values:
        raise ApplicationError(_("Pilih cara pengambilan hasil layanan."), code="delivery_method")
    address = (delivery_address or "").strip()[:TEXT_MAX_LENGTH]
    if (application.delivery_method, application.delivery_address) != (delivery_method, address):
        application.delivery_method = delivery_method
        application.delivery_address = address
        _save(
            application,
            actor=actor,
            reason=_("cara pengambilan dipilih"),
            now=now,
            fields=["delivery_method", "delivery_address"],
        )
    return application


# --- Levy assessments (SKRD), issuance and revocation -----------------------------------------
#
# An officer assesses the levy (SKRD) once the file is complete; the citizen pays against its
# payment reference; an officer confirms the payment or the gateway's callback does. A permit is
# not issued while a levy is unpaid (``_ensure_levy_paid``, called by ``application_issue``), and
# issuing creates the Permit row and its PDF in the same transaction (``_permit_create``).

ASSESSABLE_FEE_KINDS = frozenset({ServiceStandard.FeeKind.LEVY, ServiceStandard.FeeKind.FIXED})
ASSESSABLE_STATUSES = frozenset({S.IN_PROCESS, S.APPROVED})
MAX_ASSESSMENT_AMOUNT = Decimal("1e14") - 1
MIN_REVOKE_REASON = 10
_THOUSANDS_RE = re.compile(r"^\d{1,3}(\.\d{3})+$")


class PaymentError(DomainError):
    """A payment that cannot be accepted (wrong amount, SKRD cancelled...) (HTTP 400)."""


class UnknownBill(DomainError):
    """A gateway reported a payment for a reference the portal never issued (HTTP 404)."""

    status_code = 404


def _clean_amount(value: Any, *, label: str) -> Decimal:
    try:
        if isinstance(value, str):
            text = re.sub(r"^rp\.?\s*", "", value.strip(), flags=re.IGNORECASE).replace(" ", "")
            # Indonesian thousands separators ("1.250.000"); otherwise a plain number.
            text = text.replace(".", "") if _THOUSANDS_RE.match(text) else text.replace(",", ".")
            amount = Decimal(text)
        else:
            amount = Decimal(value)
    except (InvalidOperation, TypeError, ValueError) as exc:
        raise PaymentError(
            _("%(label)s harus berupa angka rupiah.") % {"label": label}, code="bad_amount"
        ) from exc
    if not amount.is_finite() or amount != amount.to_integral_value():
        raise PaymentError(
            _("%(label)s ditulis dalam rupiah penuh, tanpa sen.") % {"label": label}, code="bad_amount"
        )
    if amount <= 0 or amount > MAX_ASSESSMENT_AMOUNT:
        raise PaymentError(_("%(label)s harus lebih dari Rp0.") % {"label": label}, code="bad_amount")
    return amount.quantize(Decimal("1"))


def _lock_assessment(assessment: Assessment) -> Assessment:
    return Assessment.objects.select_for_update().get(pk=assessment.pk)


@transaction.atomic
def assessment_issue(
    *,
    application: Application,
    actor: User,
    amount: Decimal | int | str,
    due_date: date,
    basis: str,
    now: datetime | None = None,
) -> Assessment:
    """Assess the levy of an application (SKRD) with its amount, due date and how it was computed;
    the payment reference comes from the payment gateway. Staff of the application's agency only,
    once the file is complete (in process or approved) and before the permit is issued."""
    from .issuance import allocate_sequence, assessment_number
    from .payments import get_gateway

    now = _now(now)
    application = _lock(application)
    _ensure_staff(application, actor)
    if application.standard.fee_kind not in ASSESSABLE_FEE_KINDS:
        raise ApplicationError(
            _(
                "Menurut standar pelayanannya, layanan ini tidak dipungut biaya: "
                "SKRD tidak dapat diterbitkan."
            ),
            code="no_levy",
        )
    if application.status not in ASSESSABLE_STATUSES:
        raise ApplicationError(
            _(
                "SKRD diterbitkan setelah berkas dinyatakan lengkap dan sebelum izin terbit "
                "(status sekarang: %(status)s)."
            )
            % {"status": S(application.status).label},
            code="not_assessable",
        )
    amount = _clean_amount(amount, label=_("Jumlah retribusi"))
    basis = (basis or "").strip()
    if not basis:
        raise ApplicationError(_("Tuliskan dasar perhitungan retribusi."), code="basis_required")
    if due_date is None or due_date < timezone.localtime(now).date():
        raise ApplicationError(_("Jatuh tempo tidak boleh sebelum hari ini."), code="bad_due_date")
    unpaid = Assessment.objects.filter(application=application, status=Assessment.Status.ISSUED).first()
    if unpaid is not None:
        raise ConflictError(
            _(
                "Masih ada SKRD %(number)s yang belum dibayar. Batalkan SKRD itu lebih dulu bila "
                "jumlahnya perlu diubah."
            )
            % {"number": unpaid.number},
            code="unpaid_assessment_exists",
        )
    year = timezone.localtime(now).year
    sequence = allocate_sequence(
        kind=IssuanceSequence.Kind.ASSESSMENT, key=application.service.code, year=year
    )
    assessment = Assessment(
        application=application,
        number=assessment_number(service_code=application.service.code, year=year, sequence=sequence),
        amount=amount,
        basis=basis,
        due_date=due_date,
        status=Assessment.Status.ISSUED,
        issued_by=actor,
        issued_at=now,
    )
    gateway = get_gateway()
    for _attempt in range(5):
        reference = gateway.create_bill(assessment)
        if not Assessment.objects.filter(payment_reference=reference).exists():
            break
    else:  # pragma: no cover - 10^11 random references
        raise ConflictError(_("Kode bayar tidak dapat dibuat; coba lagi."), code="reference_collision")
    assessment.payment_reference = reference
    _save(
        assessment,
        actor=actor,
        reason=_("SKRD diterbitkan sebesar %(amount)s, jatuh tempo %(due)s")
        % {"amount": rupiah(amount), "due": due_date.isoformat()},
        now=now,
    )
    with translation.override(application.applicant.preferred_language or settings.LANGUAGE_CODE):
        due_text = formats.date_format(due_date, "j F Y")
    _notify_applicant(
        application,
        "application.assessment_issued",
        f"assessment:{assessment.pk}",
        amount=rupiah(amount),
        due_date=due_text,
    )
    return assessment


@transaction.atomic
def assessment_cancel(
    *, assessment: Assessment, actor: User, reason: str, now: datetime | None = None
) -> Assessment:
    """Cancel an unpaid SKRD (a wrong amount): staff of the agency, with a reason."""
    now = _now(now)
    assessment = _lock_assessment(assessment)
    _ensure_staff(assessment.application, actor)
    reason = (reason or "").strip()
    if assessment.status != Assessment.Status.ISSUED:
        raise ConflictError(
            _("SKRD %(number)s berstatus %(status)s dan tidak dapat dibatalkan.")
            % {"number": assessment.number, "status": assessment.get_status_display()},
            code="assessment_not_open",
        )
    if not reason:
        raise ApplicationError(_("Tuliskan alasan pembatalan SKRD."), code="reason_required")
    assessment.status = Assessment.Status.CANCELLED
    assessment.cancelled_at = now
    assessment.cancel_reason = reason
    _save(
        assessment,
        actor=actor,
        reason=_("SKRD dibatalkan: %(reason)s") % {"reason": reason},
        now=now,
        fields=["status", "cancelled_at", "cancel_reason"],
    )
    return assessment


def _ensure_payable(assessment: Assessment, paid_amount: Decimal) -> None:
    if assessment.status == Assessment.Status.PAID:
        raise ConflictError(
            _("SKRD %(number)s sudah lunas sejak %(paid_at)s.")
            % {"number": assessment.number, "paid_at": _format_datetime(assessment.paid_at)},
            code="already_paid",
        )
    if assessment.status == Assessment.Status.CANCELLED:
        raise PaymentError(
            _("SKRD %(number)s sudah dibatalkan; pembayaran tidak dapat dicatat.")
            % {"number": assessment.number},
            code="assessment_cancelled",
        )
    if paid_amount != assessment.amount:
        raise PaymentError(
            _(
                "Jumlah yang dibayar (%(paid)s) tidak sama dengan jumlah SKRD %(number)s (%(amount)s); "
                "pembayaran tidak dicatat."
            )
            % {
                "paid": rupiah(paid_amount),
                "number": assessment.number,
                "amount": rupiah(assessment.amount),
            },
            code="amount_mismatch",
        )


@transaction.atomic
def assessment_confirm_payment(
    *,
    assessment: Assessment,
    actor: User,
    paid_amount: Decimal | int | str,
    reference: str,
    paid_at: datetime | None = None,
    now: datetime | None = None,
) -> Assessment:
    """An officer records the payment of an SKRD after checking the receipt (bukti setor, NTB/NTPD):
    the exact amount, once."""
    now = _now(now)
    assessment = _lock_assessment(assessment)
    _ensure_staff(assessment.application, actor)
    paid_amount = _clean_amount(paid_amount, label=_("Jumlah dibayar"))
    reference = (reference or "").strip()
    if not reference:
        raise PaymentError(_("Tuliskan nomor bukti pembayaran (NTB/NTPD)."), code="reference_required")
    _ensure_payable(assessment, paid_amount)
    channel = "officer"
    if Assessment.objects.filter(payment_channel=channel, gateway_reference=reference).exists():
        raise PaymentError(
            _("Bukti pembayaran %(reference)s sudah dipakai untuk SKRD lain.") % {"reference": reference},
            code="reference_used",
        )
    if paid_at is not None and paid_at > now:
        raise PaymentError(_("Tanggal bayar tidak boleh di masa depan."), code="bad_paid_at")
    assessment.status = Assessment.Status.PAID
    assessment.paid_at = paid_at or now
    assessment.paid_amount = paid_amount
    assessment.payment_channel = channel
    assessment.gateway_reference = reference
    assessment.confirmed_by = actor
    _save(
        assessment,
        actor=actor,
        reason=_("pembayaran dikonfirmasi petugas, bukti %(reference)s") % {"reference": reference},
        now=now,
        fields=["status", "paid_at", "paid_amount", "payment_channel", "gateway_reference", "confirmed_by"],
    )
    return assessment


@transaction.atomic
def payment_gateway_callback(
    *, notice, gateway_name: str, now: datetime | None = None
) -> tuple[Assessment, bool]:
    """Record a payment a gateway reported (``notice`` is a ``permits.payments.PaymentNotice``,
    already signature-checked). Returns the SKRD and whether this call changed it.

    Idempotent: the gateway retries callbacks; a notice with a gateway reference already recorded
    for the same bill changes nothing. A wrong amount, a cancelled SKRD, a bill paid by another
    transaction or an unknown reference is refused.
    """
    now = _now(now)
    channel = f"gateway:{gateway_name}"
    assessment = Assessment.objects.select_for_update().filter(payment_reference=notice.reference).first()
    if assessment is None:
        raise UnknownBill(_("Tagihan dengan kode bayar ini tidak dikenal."), code="unknown_bill")
    if assessment.payment_channel == channel and assessment.gateway_reference == notice.gateway_ref:
        return assessment, False
    if Assessment.objects.filter(payment_channel=channel, gateway_reference=notice.gateway_ref).exists():
        raise ConflictError(
            _("Referensi transaksi gateway ini sudah dipakai untuk tagihan lain."), code="gateway_ref_used"
        )
    paid_amount = notice.amount
    if not paid_amount.is_finite() or paid_amount != paid_amount.to_integral_value():
        raise PaymentError(_("Jumlah pembayaran tidak valid."), code="bad_amount")
    _ensure_payable(assessment, paid_amount.quantize(Decimal("1")))
    assessment.status = Assessment.Status.PAID
    assessment.paid_at = min(notice.paid_at, now)
    assessment.paid_amount = paid_amount
    assessment.payment_channel = channel
    assessment.gateway_reference = notice.gateway_ref
    _save(
        assessment,
        actor=None,
        reason=_("dibayar melalui %(channel)s, transaksi %(reference)s")
        % {"channel": channel, "reference": notice.gateway_ref},
        now=now,
        fields=["status", "paid_at", "paid_amount", "payment_channel", "gateway_reference"],
    )
    return assessment, True


def _ensure_levy_paid(application: Application) -> None:
    """No permit while a levy is unpaid: an open SKRD blocks issuance, and a service whose standard
    assesses a levy per application needs a paid SKRD first."""
    assessments = list(
        Assessment.objects.filter(application=application).exclude(status=Assessment.Status.CANCELLED)
    )
    unpaid = [a for a in assessments if a.status == Assessment.Status.ISSUED]
    if unpaid:
        first = unpaid[0]
        raise ApplicationError(
            _(
                "Retribusi belum dibayar: SKRD %(number)s sebesar %(amount)s (kode bayar %(reference)s, "
                "jatuh tempo %(due)s). Izin diterbitkan setelah pembayaran dikonfirmasi."
            )
            % {
                "number": first.number,
                "amount": rupiah(first.amount),
                "reference": first.payment_reference,
                "due": formats.date_format(first.due_date, "j F Y"),
            },
            code="levy_unpaid",
        )
    if application.standard.fee_kind == ServiceStandard.FeeKind.LEVY and not assessments:
        raise ApplicationError(
            _(
                "Retribusi layanan ini belum ditetapkan: terbitkan SKRD dan tunggu pembayarannya "
                "sebelum izin diterbitkan."
            ),
            code="levy_not_assessed",
        )


def _permit_create(
    *,
    application: Application,
    actor: User,
    now: datetime,
    valid_from: date | None,
    valid_until: date | None,
) -> Permit:
    """The Permit row and its PDF, inside the issuing transaction (building the PDF takes tens of
    milliseconds, and the citizen can download it as soon as the transaction commits)."""
    import hashlib

    from django.core.files.base import ContentFile

    from accounts.selectors import masked_nik

    from .issuance import (
        allocate_sequence,
        build_permit_pdf,
        mpp_zone,
        new_verification_code,
        permit_number,
        permit_signer,
    )

    local_now = timezone.localtime(now, mpp_zone())
    valid_from = valid_from or local_now.date()
    if valid_until is not None and valid_until < valid_from:
        raise ApplicationError(
            _("Tanggal akhir berlaku tidak boleh sebelum tanggal mulai berlaku."), code="bad_validity"
        )
    service = application.service
    applicant = application.applicant
    year = local_now.year
    sequence = allocate_sequence(kind=IssuanceSequence.Kind.PERMIT, key=service.code, year=year)
    code = new_verification_code()
    while Permit.objects.filter(verification_code=code).exists():  # pragma: no cover - 31^12 codes
        code = new_verification_code()
    with translation.override(settings.LANGUAGE_CODE):
        signer = permit_signer(application.agency)
        title = _("Surat Izin") if service.is_permit else _("Surat Keterangan")
    permit = Permit(
        application=application,
        number=permit_number(service_code=service.code, year=year, sequence=sequence),
        verification_code=code,
        title=str(title),
        holder_name=applicant.full_name or applicant.email,
        holder_nik_masked=masked_nik(applicant.nik),
        service_name=service.name,
        product=application.standard.product,
        agency_name=application.agency.name,
        signer_name=signer.name,
        signer_position=signer.position,
        issued_by=actor,
        issued_at=now,
        valid_from=valid_from,
        valid_until=valid_until,
    )
    content = build_permit_pdf(permit)
    permit.sha256 = hashlib.sha256(content).hexdigest()
    permit.pdf.save("izin.pdf", ContentFile(content), save=False)
    _save(permit, actor=actor, reason=_("izin diterbitkan"), now=now)
    return permit


@transaction.atomic
def permit_revoke(*, permit: Permit, actor: User, reason: str, now: datetime | None = None) -> Permit:
    """Revoke an issued permit (staff of the issuing agency), with the reason; the public
    verification page then says "DICABUT" with the date and the reason."""
    now = _now(now)
    permit = Permit.objects.select_for_update().get(pk=permit.pk)
    application = Application.objects.get(pk=permit.application_id)
    _ensure_staff(application, actor)
    reason = (reason or "").strip()
    if permit.revoked_at is not None:
        raise ConflictError(
            _("Izin %(number)s sudah dicabut pada %(at)s.")
            % {"number": permit.number, "at": _format_datetime(permit.revoked_at)},
            code="already_revoked",
        )
    if len(reason) < MIN_REVOKE_REASON:
        raise ApplicationError(
            _(
                "Tuliskan alasan pencabutan yang jelas (dasar aturan atau temuan); "
                "alasan ini ditampilkan kepada publik."
            ),
            code="reason_required",
        )
    permit.revoked_at = now
    permit.revoked_by = actor
    permit.revoke_reason = reason
    _save(
        permit,
        actor=actor,
        reason=_("dicabut: %(reason)s") % {"reason": reason},
        now=now,
        fields=["revoked_at", "revoked_by", "revoke_reason"],
    )
    return permit

"""Writes to the service catalogue: each business action is one function, atomic and audited."""

from datetime import date, datetime

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from mpp.errors import ConflictError, DomainError

from .models import FeeItem, FormField, Requirement, Service, ServiceStandard, SopStep, StandardComment


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
    now = standard.published_at
    standard.consulted = standard.consultation_opens_at is not None and standard.consultation_opens_at <= now
    if standard.consulted and standard.consultation_closes_at > now:
        standard.consultation_closes_at = now  # publishing ends the consultation
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


# --- Drafts, their rows and public consultation -----------------------------------------------


class StandardNotEditable(DomainError):
    pass


class DraftAlreadyExists(ConflictError):
    pass


# The standard's own fields an editor may change; the rest (status, decree, version) belong to
# publication.
EDITABLE_STANDARD_FIELDS = (
    "procedure",
    "time_limit_days",
    "fee_kind",
    "levy_formula",
    "levy_description",
    "product",
    "complaint_handling",
    "legal_basis",
    "facilities",
    "competence",
    "internal_supervision",
    "staffing",
    "service_guarantee",
    "security_guarantee",
    "performance_evaluation",
    "business_standard",
)

ROW_MODELS = {
    "requirements": (Requirement, ("order", "name", "description", "mandatory", "accepted_kinds", "kind")),
    "steps": (SopStep, ("order", "name", "responsible_role", "duration_days")),
    "fee_items": (FeeItem, ("order", "label", "amount")),
    "form_fields": (
        FormField,
        ("order", "key", "label", "help_text", "field_type", "required", "choices", "min_value", "max_value"),
    ),
}


def _copy_rows(source: ServiceStandard, target: ServiceStandard) -> None:
    for related, (model, fields) in ROW_MODELS.items():
        for row in getattr(source, related).all():
            model.objects.create(standard=target, **{name: getattr(row, name) for name in fields})


@transaction.atomic
def standard_draft_create(*, service: Service, actor) -> ServiceStandard:
    """Start editing a service's standard: a new draft version copied (with its requirements, SOP
    steps, fees and form fields) from the version in force, or else from the latest version."""
    service = Service.objects.select_for_update().get(pk=service.pk)
    if service.standards.filter(status=ServiceStandard.Status.DRAFT).exists():
        raise DraftAlreadyExists(_("Layanan ini sudah memiliki draf standar; lanjutkan draf itu."))
    source = (
        service.standards.filter(status=ServiceStandard.Status.IN_FORCE).first()
        or service.standards.order_by("-version").first()
    )
    next_version = (service.standards.aggregate(last=Max("version"))["last"] or 0) + 1
    draft = ServiceStandard(service=service, version=next_version, status=ServiceStandard.Status.DRAFT)
    if source is not None:
        for name in EDITABLE_STANDARD_FIELDS:
            setattr(draft, name, getattr(source, name))
    else:
        draft.time_limit_days = 1
    draft._history_user = actor
    draft._change_reason = f"draf dibuat dari versi {source.version}" if source else "draf pertama"
    draft.save()
    if source is not None:
        _copy_rows(source, draft)
    return draft


def _lock_draft(standard: ServiceStandard) -> ServiceStandard:
    standard = ServiceStandard.objects.select_for_update().get(pk=standard.pk)
    if standard.status != ServiceStandard.Status.DRAFT:
        raise StandardNotEditable(_("Standar yang sudah diterbitkan tidak dapat diubah; buat draf baru."))
    return standard


@transaction.atomic
def standard_draft_update(
    *,
    standard: ServiceStandard,
    actor,
    fields: dict | None = None,
    rows: dict[str, list[dict]] | None = None,
    reason: str = "",
) -> ServiceStandard:
    """Change a draft: its own fields and/or whole lists of rows (``rows["requirements"]`` etc.
    replace the draft's rows of that kind, in the order given). Published versions never change."""
    standard = _lock_draft(standard)
    if fields:
        unknown = set(fields) - set(EDITABLE_STANDARD_FIELDS)
        if unknown:
            raise StandardNotEditable(
                _("Isian tidak dapat diubah: %(names)s") % {"names": ", ".join(unknown)}
            )
        for name, value in fields.items():
            setattr(standard, name, value)
        if standard.fee_kind == ServiceStandard.FeeKind.LEVY and not standard.levy_formula:
            raise StandardNotEditable(_("Retribusi memerlukan rumus retribusi."))
        standard._history_user = actor
        standard._change_reason = reason or "draf diubah"
        standard.save()
    for related, new_rows in (rows or {}).items():
        model, allowed = ROW_MODELS[related]
        if related == "form_fields":
            keys = [row["key"] for row in new_rows]
            if len(keys) != len(set(keys)):
                raise StandardNotEditable(_("Kunci isian formulir harus unik."))
        for old in getattr(standard, related).all():
            old._history_user = actor
            old._change_reason = reason or "draf diubah"
            old.delete()
        for position, row in enumerate(new_rows, start=1):
            values = {name: row[name] for name in allowed if name in row}
            values.setdefault("order", position)
            instance = model(standard=standard, **values)
            instance._history_user = actor
            instance._change_reason = reason or "draf diubah"
            instance.save()
    return standard


@transaction.atomic
def standard_consultation_open(
    *, standard: ServiceStandard, actor, closes_at: datetime, now: datetime | None = None
) -> ServiceStandard:
    """Open a draft for citizens' comments until ``closes_at`` (public consultation)."""
    standard = _lock_draft(standard)
    now = now or timezone.now()
    if closes_at <= now:
        raise StandardNotEditable(_("Konsultasi publik harus ditutup setelah hari ini."))
    standard.consultation_opens_at = now
    standard.consultation_closes_at = closes_at
    standard._history_user = actor
    standard._change_reason = f"konsultasi publik sampai {timezone.localtime(closes_at):%Y-%m-%d %H:%M}"
    standard.save(update_fields=["consultation_opens_at", "consultation_closes_at", "updated_at"])
    return standard


class ConsultationClosed(DomainError):
    pass


@transaction.atomic
def standard_comment_add(
    *, standard: ServiceStandard, author, body: str, now: datetime | None = None
) -> StandardComment:
    """A citizen comments on a draft open for consultation."""
    standard = ServiceStandard.objects.select_for_update().get(pk=standard.pk)
    now = now or timezone.now()
    if not standard.consultation_is_open(now):
        raise ConsultationClosed(_("Konsultasi publik untuk standar ini tidak sedang dibuka."))
    body = body.strip()
    if not body:
        raise DomainError(_("Tanggapan tidak boleh kosong."))
    comment = StandardComment(standard=standard, author=author, body=body, created_at=now)
    comment._history_user = author
    comment._change_reason = "tanggapan konsultasi publik"
    comment.save()
    return comment


@transaction.atomic
def standard_comment_answer(
    *, comment: StandardComment, actor, answer: str, now: datetime | None = None
) -> StandardComment:
    """An admin answers a consultation comment (answering again replaces the answer, in history)."""
    comment = StandardComment.objects.select_for_update().get(pk=comment.pk)
    answer = answer.strip()
    if not answer:
        raise DomainError(_("Jawaban tidak boleh kosong."))
    comment.answer = answer
    comment.answered_by = actor
    comment.answered_at = now or timezone.now()
    comment._history_user = actor
    comment._change_reason = "tanggapan dijawab"
    comment.save(update_fields=["answer", "answered_by", "answered_at"])
    return comment

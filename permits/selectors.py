"""Reads of permit applications, scoped by who is asking.

- Citizens see their own applications only.
- Agency staff (officer, supervisor) see their agency's submitted applications, and the drafts they
  are filing for a citizen at the counter.
- MPP admins see everything.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db.models import F, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role
from agencies.selectors import work_calendar

from .models import Application, CorrectionItem, CorrectionRequest, Document, FieldValue, StepProgress
from .tracking import looks_like_number, normalize_number, secrets_match
from .transitions import OPEN_STATUSES, ApplicationStatus

if TYPE_CHECKING:
    from accounts.models import User

S = ApplicationStatus


def _is_admin(user) -> bool:
    return bool(user.is_superuser or user.role == Role.MPP_ADMIN)


def _is_staff(user) -> bool:
    return user.role in (Role.OFFICER, Role.SUPERVISOR) and user.agency_id is not None


def applications_for_citizen(user: User) -> QuerySet[Application]:
    """ "Permohonan saya": the user's applications, newest first (one query)."""
    return (
        Application.objects.filter(applicant=user)
        .select_related("service", "agency")
        .order_by("-created_at", "-id")
    )


@dataclass(frozen=True)
class WorklistFilters:
    """Worklist filters. ``status`` is one status, "" for the open ones (submitted, returned, in
    process, approved) or "all" for every non-draft status."""

    status: str = ""
    service: str = ""  # service code
    overdue: bool = False
    due_within_days: int | None = None  # working days
    assigned_to_me: bool = False
    unassigned: bool = False
    q: str = ""


def _staff_scope(user) -> QuerySet[Application]:
    queryset = Application.objects.all()
    if _is_admin(user):
        return queryset
    if _is_staff(user):
        return queryset.filter(agency_id=user.agency_id)
    return queryset.none()


def worklist(
    user: User, filters: WorklistFilters = WorklistFilters(), *, now: datetime | None = None
) -> QuerySet[Application]:
    """The staff worklist: the agency's applications (all agencies for MPP admins), nearest deadline
    first (no deadline last), then oldest submission. Service, agency, applicant and assignee are
    joined, so a page costs one query whatever its size."""
    now = now or timezone.now()
    queryset = _staff_scope(user).exclude(status=S.DRAFT)
    if filters.status == "all":
        pass
    elif filters.status:
        queryset = queryset.filter(status=filters.status)
    else:
        queryset = queryset.filter(status__in=sorted(OPEN_STATUSES))
    if filters.service:
        queryset = queryset.filter(service__code=filters.service.strip().upper())
    if filters.overdue:
        queryset = queryset.filter(status=S.IN_PROCESS, due_at__lt=now)
    if filters.due_within_days is not None:
        year = timezone.localtime(now).year
        calendar = work_calendar(years=range(year - 2, year + 3))
        limit = calendar.deadline_after(now, max(filters.due_within_days, 0))
        queryset = queryset.filter(status=S.IN_PROCESS, due_at__gte=now, due_at__lte=limit)
    if filters.assigned_to_me:
        queryset = queryset.filter(assigned_to=user)
    if filters.unassigned:
        queryset = queryset.filter(assigned_to__isnull=True)
    q = filters.q.strip()
    if q:
        number = normalize_number(q)
        if looks_like_number(number):
            queryset = queryset.filter(tracking_number=number)
        elif any(ch.isdigit() for ch in q) and "-" in q:
            queryset = queryset.filter(tracking_number__startswith=number)
        else:
            queryset = queryset.filter(
                Q(applicant__full_name__icontains=q) | Q(tracking_number__startswith=number)
            )
    return queryset.select_related("service", "agency", "applicant", "assigned_to").order_by(
        F("due_at").asc(nulls_last=True), "submitted_at", "id"
    )


def _detail_queryset() -> QuerySet[Application]:
    return Application.objects.select_related(
        "service", "agency", "standard", "applicant", "assigned_to", "assisted_by"
    ).prefetch_related(
        Prefetch(
            "field_values",
            queryset=FieldValue.objects.select_related("form_field").order_by(
                "form_field__order", "form_field_id"
            ),
        ),
        Prefetch(
            "documents",
            queryset=Document.objects.filter(is_current=True)
            .select_related("requirement")
            .order_by("requirement__order", "requirement_id"),
            to_attr="current_documents",
        ),
        Prefetch(
            "steps", queryset=StepProgress.objects.select_related("completed_by").order_by("order", "id")
        ),
        Prefetch(
            "corrections",
            queryset=CorrectionRequest.objects.select_related("requested_by")
            .prefetch_related(
                Prefetch(
                    "items",
                    queryset=CorrectionItem.objects.select_related("requirement", "form_field").order_by(
                        "id"
                    ),
                )
            )
            .order_by("-requested_at"),
        ),
    )


def can_view(user: User, application: Application) -> bool:
    if not user.is_authenticated:
        return False
    if application.applicant_id == user.pk or _is_admin(user):
        return True
    if _is_staff(user) and user.agency_id == application.agency_id:
        return application.status != S.DRAFT or application.is_assisted
    return False


def application_for_user(pk: int, user: User) -> Application:
    """One application with its values, current documents, steps and corrections, for ``user``.

    Raises ``Application.DoesNotExist`` when there is no such application and ``PermissionDenied``
    when it is someone else's (interfaces show both as "not found" so ids cannot be probed).
    """
    application = _detail_queryset().get(pk=pk)
    if not can_view(user, application):
        raise PermissionDenied(_("Anda tidak berhak melihat permohonan ini."))
    return application


def open_correction(application: Application) -> CorrectionRequest | None:
    """The correction the citizen must still answer (from the prefetched rows when loaded)."""
    corrections = application.corrections.all()
    return next((c for c in corrections if c.resolved_at is None), None)


def track_lookup(tracking_number: str, secret: str) -> Application | None:
    """The public tracking lookup: the application only when number and secret both match.

    A wrong secret and an unknown number look the same (None) and take the same time: the secret
    is compared in constant time, against a dummy when the number is unknown.
    """
    number = normalize_number(tracking_number)
    application = None
    if number and len(number) <= 40:
        application = (
            Application.objects.select_related("service", "agency")
            .filter(tracking_number=number)
            .exclude(status=S.DRAFT)
            .first()
        )
    expected = application.tracking_secret if application is not None else None
    if not secrets_match(secret, expected):
        return None
    return application


# --- Timeline ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime
    status: str  # the application's status after the event
    title: str
    actor: str  # "" when hidden
    reason: str  # "" when hidden


def _status_title(status: str, previous: str | None = None) -> str:
    if previous == S.RETURNED and status == S.SUBMITTED:
        return _("Diajukan ulang setelah perbaikan")
    if previous == S.RETURNED and status == S.IN_PROCESS:
        return _("Diajukan ulang setelah perbaikan, proses dilanjutkan")
    titles = {
        S.DRAFT: _("Draf dibuat"),
        S.SUBMITTED: _("Permohonan diajukan"),
        S.RETURNED: _("Dikembalikan untuk perbaikan"),
        S.IN_PROCESS: _("Berkas lengkap, permohonan diproses"),
        S.APPROVED: _("Permohonan disetujui"),
        S.REJECTED: _("Permohonan ditolak"),
        S.ISSUED: _("Izin diterbitkan"),
        S.WITHDRAWN: _("Permohonan dibatalkan pemohon"),
        S.LAPSED: _("Permohonan kedaluwarsa"),
    }
    return titles[S(status)]


def _public_actor(application: Application, history_user_id: int | None) -> str:
    if history_user_id is None:
        return _("Sistem")
    if history_user_id == application.applicant_id:
        return _("Pemohon")
    return _("Petugas")


def application_timeline(application: Application, *, public: bool) -> list[TimelineEntry]:
    """What happened, oldest first, from the history rows (two queries).

    Staff see every status change, assignment and SOP step with the actor's name and the reason
    (internal notes included). The public wording says "Pemohon", "Petugas" or "Sistem" instead of
    names, shows no internal notes, and keeps only what the citizen needs: status changes (with the
    rejection reason, which is shown to the citizen) and completed steps.
    """
    rows = list(
        Application.history.filter(id=application.pk)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    entries: list[TimelineEntry] = []

    def add(row, title: str, reason: str) -> None:
        if public:
            actor = _public_actor(application, row.history_user_id)
        else:
            actor = str(row.history_user) if row.history_user_id else _("Sistem")
        entries.append(TimelineEntry(row.history_date, row.status, title, actor, reason))

    if rows:
        first = rows[0]
        title = _("Draf dibuat dengan bantuan petugas") if first.is_assisted else _status_title(first.status)
        add(first, title, "" if public else first.history_change_reason or "")
    for previous, row in pairwise(rows):
        if row.status != previous.status:
            if public:
                reason = row.rejection_reason if row.status == S.REJECTED else ""
                if row.status == S.APPROVED and row.deemed_approved:
                    reason = _(
                        "Dianggap disetujui karena tidak diputuskan sampai batas waktu (fiktif positif)."
                    )
            else:
                reason = row.history_change_reason or ""
            add(row, _status_title(row.status, previous.status), reason)
        elif public:
            continue
        elif row.assigned_to_id != previous.assigned_to_id:
            add(row, _("Penanganan dialihkan"), row.history_change_reason or "")
        elif row.due_at != previous.due_at:
            add(row, _("Batas waktu diperbarui"), row.history_change_reason or "")

    step_rows = (
        StepProgress.history.filter(
            application_id=application.pk, history_type="~", completed_at__isnull=False
        )
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    seen_steps: set[int] = set()
    for row in step_rows:
        if row.id in seen_steps:
            continue
        seen_steps.add(row.id)
        title = _("Langkah selesai: %(name)s") % {"name": row.name}
        if public:
            entries.append(TimelineEntry(row.completed_at, S.IN_PROCESS, title, _("Petugas"), ""))
        else:
            actor = str(row.history_user) if row.history_user_id else _("Sistem")
            entries.append(TimelineEntry(row.completed_at, S.IN_PROCESS, title, actor, row.note))
    entries.sort(key=lambda entry: entry.at)
    return entries

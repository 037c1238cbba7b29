"""Reads of permit applications, scoped by who is asking.

- Citizens see their own applications only.
- Agency staff (officer, supervisor) see their agency's submitted applications, and the drafts they
  are filing for a citizen at the counter.
- MPP admins see everything.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING

from django.core.cache import cache as django_cache
from django.core.exceptions import PermissionDenied
from django.db.models import F, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role
from agencies.selectors import work_calendar
from mpp.pagination import COUNT_CAP
from services.models import Service

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
    unassigned: bool = False  # open applications no one handles (a closed one is nobody's work)
    q: str = ""


# A name search needs three characters: the trigram index on UPPER(applicant_name) can only
# narrow a pattern of at least one trigram; a shorter one reads every user.
MIN_NAME_SEARCH = 3


def _is_number_search(q: str) -> bool:
    """A tracking number or the start of one ("PBG-2026-0001", "PBG-2026"): digits and a dash."""
    return any(ch.isdigit() for ch in q) and "-" in q


# A name search counts at most this many rows ("lebih dari 100"), in the list's order: a common
# name ("siti": 4,277 of 200,000 citizens) matches about 2 % of an agency's applications, so
# counting 1,001 of them reads about 50,000 rows (benchmarks/README.md).
NAME_SEARCH_COUNT_CAP = 100


def is_name_search(q: str) -> bool:
    q = q.strip()
    number = normalize_number(q)
    return len(q) >= MIN_NAME_SEARCH and not looks_like_number(number) and not _is_number_search(number)


def worklist_paging(user: User, filters: WorklistFilters) -> dict:
    """How the worklist's ``CappedPaginator`` counts and reads (its ``cap``, ``count_in_order`` and
    ``rows_by_key``), the same for the staff page and the API: a name search counts up to 101 in
    the list's order, anything else up to 1,001; the rows are read by key (``_worklist_rows_by_key``)."""
    name_search = is_name_search(filters.q)
    return {
        "cap": NAME_SEARCH_COUNT_CAP if name_search else COUNT_CAP,
        "count_in_order": name_search,
        "rows_by_key": _worklist_rows_by_key(user, filters),
    }


def _worklist_rows_by_key(
    user: User, filters: WorklistFilters
) -> Callable[[list[int]], QuerySet[Application]] | None:
    """How a worklist page reads its rows once it has their keys (``rows_by_key`` of
    mpp/pagination.py), or None to read them in one query with the count apart.

    Every list but one exact tracking number reads the keys of its first 1,001 rows (101 for a
    name search) in the list's order, which is also the count, then only the page's rows by key:

    - The keys come from an index alone (each filter has one that holds its columns and gives
      the order, ending with the id), so PostgreSQL has an exact, cheap plan to choose. Asked for
      the rows directly, it sometimes walked another index in the list's order and dropped
      rows it assumed were spread evenly, e.g. 200,000 assigned applications before the first
      unassigned one, whose clock has not started and sorts last (60-240 ms).
    - A name or number-prefix search among open applications walks a covering index
      (``permit_app_open_by_due_cover``, ``permit_app_all_open_by_due``,
      ``permit_app_open_number``) and reads only the page's rows from the table.
    - A page after the first does not join and skip every row before it (page 50 joined 1,000
      rows to show 20).

    One exact tracking number is one row either way."""
    if looks_like_number(normalize_number(filters.q.strip())):
        return None
    return lambda keys: _worklist_shape(_staff_scope(user).filter(pk__in=keys))


def worklist_search_problem(q: str) -> str:
    """Why the worklist search ``q`` cannot run ("" when it can): a name search is at least
    ``MIN_NAME_SEARCH`` characters. The page shows the message, the API answers 400 with it."""
    q = q.strip()
    if not q or _is_number_search(normalize_number(q)) or len(q) >= MIN_NAME_SEARCH:
        return ""
    return _("Ketik minimal %(n)d huruf untuk mencari nama pemohon, atau nomor permohonan lengkap.") % {
        "n": MIN_NAME_SEARCH
    }


# What a worklist row shows (the staff page and the API list): only these columns are read, which
# keeps the query small to plan, send and turn into objects (the five tables have about 100
# columns). Reading another field of a row costs a query per row: add it here instead.
WORKLIST_FIELDS = (
    "status",
    "tracking_number",
    "created_at",
    "submitted_at",
    "estimated_due_at",
    "due_at",
    "paused_at",
    "decided_at",
    "issued_at",
    "is_assisted",
    "assigned_to_id",
    "applicant_id",
    "service__code",
    "service__name",
    "service__name_en",
    "agency__slug",
    "agency__short_name",
    "agency__name",
    "applicant__full_name",
    "applicant__email",
    "assigned_to__full_name",
    "assigned_to__email",
)


# The staff page's rows need less: the applicant's name is on the application (``applicant_name``)
# and the agency is shown to MPP admins only, so an agency officer's page joins two tables, not
# five (planning and compiling the joins was about a third of the query's cost).
WORKLIST_PAGE_FIELDS = (
    *(f for f in WORKLIST_FIELDS if not f.startswith(("applicant__", "agency__"))),
    "applicant_name",
)
WORKLIST_PAGE_ADMIN_FIELDS = (*WORKLIST_PAGE_FIELDS, "agency__short_name", "agency__name")


def worklist_page_values(user: User) -> tuple[str, ...]:
    """The staff page's rows as ``values()`` dicts: what ``WORKLIST_PAGE_FIELDS`` reads, without
    building three model instances per row (about a tenth of the page's CPU)."""
    return ("id", *(WORKLIST_PAGE_ADMIN_FIELDS if _is_admin(user) else WORKLIST_PAGE_FIELDS))


def _staff_scope(user) -> QuerySet[Application]:
    queryset = Application.objects.all()
    if _is_admin(user):
        return queryset
    if _is_staff(user):
        return queryset.filter(agency_id=user.agency_id)
    return queryset.none()


def worklist_statuses(filters: WorklistFilters) -> set[str] | None:
    """The statuses a worklist may show (None: every status but draft). A deadline filter keeps
    the running clocks (in process) only; "not yet handled" the open applications only: work to
    claim, not a closed application without an assignee (looking for those among every issued
    application read 400,000 rows, 260 ms at 1,000,000 applications). Empty: no list at all."""
    if filters.status == "all":
        statuses = None
    elif filters.status:
        statuses = {filters.status}
    else:
        statuses = set(OPEN_STATUSES)
    if filters.overdue or filters.due_within_days is not None:
        statuses = {S.IN_PROCESS} if statuses is None else statuses & {S.IN_PROCESS}
    if filters.unassigned:
        statuses = set(OPEN_STATUSES) if statuses is None else statuses & set(OPEN_STATUSES)
    if statuses is not None:
        statuses.discard(S.DRAFT)
    return statuses


def worklist(
    user: User,
    filters: WorklistFilters = WorklistFilters(),
    *,
    now: datetime | None = None,
) -> QuerySet[Application]:
    """The staff worklist: the agency's applications (all agencies for MPP admins), nearest deadline
    first (no deadline last), then oldest submission. Service, agency, applicant and assignee are
    joined, so a page costs one query whatever its size. The staff page and the API read a page's
    rows as ``values()`` (``worklist_page_values``, ``STAFF_LIST_ROW_VALUES``), which join only
    what they name."""
    now = now or timezone.now()
    queryset = _staff_scope(user)
    # One condition on status, not "NOT draft AND IN (...) AND = 'in_process'": PostgreSQL multiplies
    # the selectivities of redundant conditions on one column, underestimates the rows and then
    # walks the wrong index (benchmarks/README.md, worklist at 1,000,000 applications).
    statuses = worklist_statuses(filters)
    if statuses is None:
        queryset = queryset.exclude(status=S.DRAFT)
    else:
        if len(statuses) == 1:
            queryset = queryset.filter(status=next(iter(statuses)))
        else:  # none left (e.g. "approved" and overdue) is an empty list: no rows, no query
            queryset = queryset.filter(status__in=sorted(statuses))
    if filters.service:
        # The service's id as a subquery, not a join on its code: with "service = (one id)" the
        # service's own index gives the list's order (10,000 open applications of one service were
        # read and sorted for the first 20 across agencies).
        service_id = Service.objects.filter(code=filters.service.strip().upper()).values("pk")[:1]
        queryset = queryset.filter(service_id=Subquery(service_id))
    if filters.overdue:
        queryset = queryset.filter(due_at__lt=now)
    if filters.due_within_days is not None:
        year = timezone.localtime(now).year
        calendar = work_calendar(years=range(year - 2, year + 3))
        limit = calendar.deadline_after(now, max(filters.due_within_days, 0))
        queryset = queryset.filter(due_at__gte=now, due_at__lte=limit)
    if filters.assigned_to_me:
        queryset = queryset.filter(assigned_to=user)
    if filters.unassigned:
        queryset = queryset.filter(assigned_to__isnull=True)
    q = filters.q.strip()
    if q:
        number = normalize_number(q)
        if looks_like_number(number):
            queryset = queryset.filter(tracking_number=number)
        elif _is_number_search(number) or len(q) < MIN_NAME_SEARCH:
            # A name needs MIN_NAME_SEARCH characters (interfaces refuse shorter ones first).
            queryset = queryset.filter(tracking_number__startswith=number)
        else:
            # The applicant's name as stored on the application (its own trigram index): one
            # condition on this table, no reading of the matching users first.
            queryset = queryset.filter(Q(applicant_name__icontains=q) | Q(tracking_number__startswith=number))
    return _worklist_shape(queryset)


def _worklist_shape(queryset: QuerySet[Application]) -> QuerySet[Application]:
    """The worklist's joins, columns and order."""
    queryset = queryset.select_related("service", "agency", "applicant", "assigned_to").only(*WORKLIST_FIELDS)
    return queryset.order_by(F("due_at").asc(nulls_last=True), "submitted_at", "id")


def _detail_queryset() -> QuerySet[Application]:
    return Application.objects.select_related(
        "service",
        "agency",
        "standard",
        "applicant",
        "assigned_to",
        "assisted_by",
        "standard_declared_by",
        "standard_verified_by",
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


# What the public tracking page and API show (and the timeline needs: applicant_id).
TRACK_FIELDS = (
    "status",
    "tracking_number",
    "tracking_secret",
    "submitted_at",
    "estimated_due_at",
    "due_at",
    "paused_at",
    "decided_at",
    "applicant_id",
    "service__code",
    "service__name",
    "service__name_en",
    "agency__slug",
    "agency__short_name",
    "agency__name",
)


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
            .only(*TRACK_FIELDS)
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


_TIMELINE_APPLICATION_FIELDS = (
    "history_date",
    "history_user_id",
    "history_change_reason",
    "status",
    "is_assisted",
    "rejection_reason",
    "deemed_approved",
    "assigned_to_id",
    "due_at",
)
_TIMELINE_STEP_FIELDS = ("id", "name", "note", "completed_at", "history_user_id")
# Staff see who acted: str(user) is the full name, else the e-mail (accounts.models.User).
_ACTOR_FIELDS = ("history_user__full_name", "history_user__email")


@cache
def _history_of(model):
    """The historical model (``HistoricalApplication``): ``Model.history`` builds a new manager
    class on every access (django-simple-history), which a lookup per request does not need."""
    return model.history.model


def _staff_actor(row: dict) -> str:
    if row["history_user_id"] is None:
        return _("Sistem")
    return row["history_user__full_name"] or row["history_user__email"] or ""


def application_timeline(application: Application, *, public: bool) -> list[TimelineEntry]:
    """What happened, oldest first, from the history rows (two queries).

    Staff see every status change, assignment and SOP step with the actor's name and the reason
    (internal notes included). The public wording says "Pemohon", "Petugas" or "Sistem" instead of
    names, shows no internal notes, and keeps only what the citizen needs: status changes (with the
    rejection reason, which is shown to the citizen) and completed steps.

    The history rows are read as plain values, only the columns used (the public tracking page
    reads this on every lookup; whole historical model instances cost more than the queries).
    """
    actor_fields = () if public else _ACTOR_FIELDS
    rows = list(
        _history_of(Application)
        .objects.filter(id=application.pk)
        .order_by("history_date", "history_id")
        .values(*_TIMELINE_APPLICATION_FIELDS, *actor_fields)
    )
    entries: list[TimelineEntry] = []

    def add(row: dict, title: str, reason: str) -> None:
        actor = _public_actor(application, row["history_user_id"]) if public else _staff_actor(row)
        entries.append(TimelineEntry(row["history_date"], row["status"], title, actor, reason))

    if rows:
        first = rows[0]
        title = (
            _("Draf dibuat dengan bantuan petugas")
            if first["is_assisted"]
            else _status_title(first["status"])
        )
        add(first, title, "" if public else first["history_change_reason"] or "")
    for previous, row in pairwise(rows):
        if row["status"] != previous["status"]:
            if public:
                reason = row["rejection_reason"] if row["status"] == S.REJECTED else ""
                if row["status"] == S.APPROVED and row["deemed_approved"]:
                    reason = _(
                        "Dianggap disetujui karena tidak diputuskan sampai batas waktu (fiktif positif)."
                    )
            else:
                reason = row["history_change_reason"] or ""
            add(row, _status_title(row["status"], previous["status"]), reason)
        elif public:
            continue
        elif row["assigned_to_id"] != previous["assigned_to_id"]:
            add(row, _("Penanganan dialihkan"), row["history_change_reason"] or "")
        elif row["due_at"] != previous["due_at"]:
            add(row, _("Batas waktu diperbarui"), row["history_change_reason"] or "")

    step_rows = (
        _history_of(StepProgress)
        .objects.filter(application_id=application.pk, history_type="~", completed_at__isnull=False)
        .order_by("history_date", "history_id")
        .values(*_TIMELINE_STEP_FIELDS, *actor_fields)
    )
    seen_steps: set[int] = set()
    for row in step_rows:
        if row["id"] in seen_steps:
            continue
        seen_steps.add(row["id"])
        title = _("Langkah selesai: %(name)s") % {"name": row["name"]}
        if public:
            entries.append(TimelineEntry(row["completed_at"], S.IN_PROCESS, title, _("Petugas"), ""))
        else:
            entries.append(
                TimelineEntry(row["completed_at"], S.IN_PROCESS, title, _staff_actor(row), row["note"])
            )
    entries.sort(key=lambda entry: entry.at)
    return entries


# --- The pinned form and one document (used by the API's detail and download) ----------------


def application_form(application: Application) -> tuple[list, list]:
    """The pinned standard's form fields and requirements, in order (two queries): what the
    applicant fills in and uploads, with or without a value or document yet."""
    from services.models import FormField, Requirement

    fields = list(FormField.objects.filter(standard_id=application.standard_id).order_by("order", "id"))
    requirements = list(
        Requirement.objects.filter(standard_id=application.standard_id).order_by("order", "id")
    )
    return fields, requirements


def application_document(application: Application, document_id: int) -> Document:
    """One document of ``application`` (current or replaced; raises ``Document.DoesNotExist``).
    Check first that the user may see the application (``application_for_user``)."""
    return Document.objects.select_related("requirement").get(pk=document_id, application=application)


# --- Staff pages ------------------------------------------------------------------------------


def worklist_services(user: User):
    """The services a worklist may be filtered by: the agency's own (every service for MPP admins)."""
    queryset = Service.objects.order_by("name", "code").only("pk", "code", "name", "agency_id")
    if _is_admin(user):
        return queryset
    if _is_staff(user):
        return queryset.filter(agency_id=user.agency_id)
    return queryset.none()


@dataclass(frozen=True)
class WorklistFilterChoices:
    """What the worklist's filter form lists: the agency's name ("" for MPP admins) and its services
    as (code, name), by name. Cached per agency (see ``worklist_filter_choices``)."""

    agency_name: str
    services: tuple[tuple[str, str], ...]


WORKLIST_FILTER_CACHE_KEY = "permits:worklist-filter:v1:{}"
# Bounds how long a choice list may stay stale if a clear races a reader (see permits/signals.py).
WORKLIST_FILTER_CACHE_SECONDS = 600


def worklist_filter_choices(user: User) -> WorklistFilterChoices:
    """The filter form's agency name and services for ``user``, from the cache (one cache read; two
    queries on a miss). A saved or deleted service or agency clears its agency's entry and the MPP
    admins' (permits/signals.py)."""
    from agencies.models import Agency

    if _is_admin(user):
        agency_id = None
    elif _is_staff(user):
        agency_id = user.agency_id
    else:
        return WorklistFilterChoices("", ())
    key = WORKLIST_FILTER_CACHE_KEY.format(agency_id or "all")
    choices = django_cache.get(key)
    if choices is None:
        services = tuple(worklist_services(user).values_list("code", "name"))
        name = (
            Agency.objects.filter(pk=agency_id).values_list("name", flat=True).first() or ""
            if agency_id
            else ""
        )
        choices = WorklistFilterChoices(name, services)
        django_cache.set(key, choices, WORKLIST_FILTER_CACHE_SECONDS)
    return choices


def clear_worklist_filter_choices(agency_id: int | None) -> None:
    """Forget the cached filter choices of ``agency_id`` and the MPP admins' (every agency)."""
    keys = [WORKLIST_FILTER_CACHE_KEY.format("all")]
    if agency_id is not None:
        keys.append(WORKLIST_FILTER_CACHE_KEY.format(agency_id))
    django_cache.delete_many(keys)


def assisted_drafts(user: User) -> QuerySet[Application]:
    """Drafts that staff of the user's agency are filling in for citizens at the counter, newest
    first (they are not on the worklist until submitted)."""
    if not _is_staff(user):
        return Application.objects.none()
    return (
        Application.objects.filter(agency_id=user.agency_id, status=S.DRAFT, is_assisted=True)
        .select_related("service", "applicant", "assisted_by")
        .order_by("-created_at", "-id")
    )


def assignable_staff(application: Application):
    """Who a supervisor may assign the application to: the agency's active officers and supervisors."""
    from accounts.models import User as UserModel

    return UserModel.objects.filter(
        agency_id=application.agency_id, role__in=[Role.OFFICER, Role.SUPERVISOR], is_active=True
    ).order_by("full_name", "pk")


# --- Fees (SKRD) and issued permits -----------------------------------------------------------


def application_assessments(application: Application) -> list:
    """The application's SKRDs, newest first (one query)."""
    from .models import Assessment

    return list(
        Assessment.objects.filter(application=application)
        .select_related("issued_by", "confirmed_by")
        .order_by("-issued_at", "-id")
    )


def _is_agency_staff_of(user, agency_id: int) -> bool:
    return bool(user.is_authenticated and user.is_active and _is_staff(user) and user.agency_id == agency_id)


def can_download_permit(user, permit) -> bool:
    """The holder, staff of the issuing agency and MPP admins."""
    if not user.is_authenticated or not user.is_active:
        return False
    application = permit.application
    return (
        application.applicant_id == user.pk
        or _is_admin(user)
        or _is_agency_staff_of(user, application.agency_id)
    )


def permit_for_user(pk: int, user: User):
    """One issued permit for download. Raises ``Permit.DoesNotExist`` when there is none and
    ``PermissionDenied`` when the user may not have it (interfaces show both as "not found")."""
    from .models import Permit

    permit = Permit.objects.select_related("application").get(pk=pk)
    if not can_download_permit(user, permit):
        raise PermissionDenied(_("Anda tidak berhak mengunduh izin ini."))
    return permit


def permit_for_staff(pk: int, user: User):
    """A permit of the user's agency, for staff actions (revocation)."""
    from .models import Permit

    permit = Permit.objects.select_related("application").get(pk=pk)
    if not _is_agency_staff_of(user, permit.application.agency_id):
        raise PermissionDenied(_("Izin ini bukan milik instansi Anda."))
    return permit


def assessment_for_staff(pk: int, user: User):
    """An SKRD of the user's agency, for staff actions (confirm payment, cancel)."""
    from .models import Assessment

    assessment = Assessment.objects.select_related("application").get(pk=pk)
    if not _is_agency_staff_of(user, assessment.application.agency_id):
        raise PermissionDenied(_("SKRD ini bukan milik instansi Anda."))
    return assessment


def permit_by_code(code: str):
    """The permit a public verification code names, or None. Always one query, whatever the input,
    so a malformed code and an unknown one take the same time."""
    from .issuance import CODE_LENGTH, normalize_code
    from .models import Permit

    value = normalize_code(code)[: CODE_LENGTH + 4]
    return Permit.objects.filter(verification_code=value).first()


@dataclass(frozen=True)
class IssuancePanel:
    """What the application pages show about fees and the permit, and which actions the user may
    take (used by templates/permits/_assessment.html and templates/permits/verify/_permit.html)."""

    application: Application
    assessments: list
    unpaid: object | None
    levy_applies: bool  # the pinned standard has a fee (levy or fixed tariff): an SKRD is possible
    levy_required: bool  # a levy per application: a paid SKRD is needed before the permit is issued
    can_manage: bool  # staff of the agency: confirm or cancel SKRDs
    can_assess: bool  # ... and an SKRD may be issued now
    permit: object | None
    can_download: bool
    can_revoke: bool

    @property
    def is_paid(self) -> bool:
        return any(a.status == "paid" for a in self.assessments) and self.unpaid is None


def issuance_panel(application: Application, user: User) -> IssuancePanel:
    """Fees and permit of ``application`` as ``user`` may see them (two queries). Check first that
    the user may see the application (``application_for_user``)."""
    from services.models import ServiceStandard

    from .models import Assessment, Permit

    fee_kind = application.standard.fee_kind
    assessments = application_assessments(application)
    unpaid = next((a for a in assessments if a.status == Assessment.Status.ISSUED), None)
    permit = Permit.objects.filter(application=application).first()
    if permit is not None:
        permit.application = application
    staff = _is_agency_staff_of(user, application.agency_id)
    levy_applies = fee_kind in (ServiceStandard.FeeKind.LEVY, ServiceStandard.FeeKind.FIXED)
    return IssuancePanel(
        application=application,
        assessments=assessments,
        unpaid=unpaid,
        levy_applies=levy_applies,
        levy_required=fee_kind == ServiceStandard.FeeKind.LEVY,
        can_manage=staff,
        can_assess=staff
        and levy_applies
        and unpaid is None
        and application.status in (S.IN_PROCESS, S.APPROVED),
        permit=permit,
        can_download=permit is not None and can_download_permit(user, permit),
        can_revoke=permit is not None and staff and permit.revoked_at is None,
    )


def permit_pdf_url(application: Application) -> str:
    """The download URL of the application's permit PDF, "" when none was issued (one query)."""
    from django.urls import reverse

    from .models import Permit

    pk = (
        Permit.objects.filter(application_id=application.pk)
        .exclude(pdf="")
        .values_list("pk", flat=True)
        .first()
    )
    return reverse("verify:permit_pdf", kwargs={"pk": pk}) if pk else ""

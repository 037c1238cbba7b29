"""The officer's and supervisor's pages: the worklist, one application with its actions, and
officer-assisted filing at the counter.

- Reading (worklist, application page, documents): officers and supervisors see their agency's
  applications; MPP admins see every agency's, read-only. Another agency's application is "not
  found" (404), never "forbidden", so ids cannot be probed.
- Acting: officers and supervisors of the application's agency; assigning: supervisors only.

Each action is one POST form that calls one service. The form carries the status the officer saw;
the view hands the application to the service with that status, so a change made by someone else
in between is refused with the service's "muat ulang" message (ConflictError) and nothing happens.
A refused action (DomainError) is shown as a message and changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from html import escape as html_escape
from types import SimpleNamespace
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.dates import MONTHS_3
from django.utils.html import escape
from django.utils.http import content_disposition_header, url_has_allowed_host_and_scheme
from django.utils.safestring import SafeData, SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from accounts.models import Role
from accounts.permissions import agency_staff_required, role_required, supervisor_required
from accounts.selectors import masked_nik
from accounts.services import (
    EmailAlreadyRegistered,
    InvalidRegistration,
    NikAlreadyRegistered,
    citizen_register_assisted,
    is_deliverable_email,
)
from agencies.selectors import work_calendar
from mpp.errors import DomainError
from mpp.pagination import CappedPaginator
from services.models import FormField, StepRole

from . import selectors, services
from .business import application_verify_standard, business_panel
from .forms import ApplicationForm, UploadForm, initial_values
from .models import Application, Document
from .staff_forms import (
    DUE_WITHIN_CHOICES,
    OVERDUE,
    ApproveForm,
    AssignForm,
    AssistStartForm,
    CitizenCreateForm,
    CitizenSearchForm,
    ClaimForm,
    CorrectionForm,
    CorrectionItemFormSet,
    IssueForm,
    RejectForm,
    StandardVerifyForm,
    StepForm,
    VerifyForm,
    chosen_citizen,
    correction_targets,
    parse_worklist_query,
    worklist_status_choices,
)
from .transitions import OPEN_STATUSES, ApplicationStatus, can_transition, status_labels

S = ApplicationStatus
PAGE_SIZE = 20
_SELECTED = mark_safe(" selected")  # a constant attribute, no input in it
REFRESH_SECONDS = 30

staff_or_admin_required = role_required(Role.OFFICER, Role.SUPERVISOR, Role.MPP_ADMIN)


def _is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true" and not request.headers.get(
        "HX-History-Restore-Request"
    )


def _calendar(now: datetime):
    year = timezone.localtime(now).year
    return work_calendar(years=range(year - 2, year + 3))


# --- Deadlines as the officer reads them ------------------------------------------------------


@dataclass(frozen=True)
class Deadline:
    """How an application stands against its deadline: ``state`` styles it (overdue, today, soon,
    running, paused, waiting, decided, closed), ``text`` says it, ``at`` is the date shown."""

    state: str
    text: str
    at: datetime | None = None
    at_label: str = ""


def deadline_of(application: Application, calendar, now: datetime) -> Deadline:
    status = application.status
    if status == S.IN_PROCESS and application.due_at is not None:
        left = calendar.working_days_left(now, application.due_at)
        if now > application.due_at:
            late = max(-left, 0)
            if late == 0:
                text = _("terlambat: batas waktu hari ini sudah lewat")
            else:
                text = ngettext("terlambat %(n)d hari kerja", "terlambat %(n)d hari kerja", late) % {
                    "n": late
                }
            return Deadline("overdue", text, application.due_at)
        if left == 0:
            return Deadline("today", _("jatuh tempo hari ini"), application.due_at)
        text = ngettext("sisa %(n)d hari kerja", "sisa %(n)d hari kerja", left) % {"n": left}
        return Deadline("soon" if left <= 1 else "running", text, application.due_at)
    if status == S.RETURNED:
        return Deadline(
            "paused", _("dijeda: menunggu perbaikan pemohon"), application.due_at, _("batas sebelum jeda")
        )
    if status == S.SUBMITTED:
        return Deadline(
            "waiting",
            _("belum berjalan: menunggu pemeriksaan kelengkapan"),
            application.estimated_due_at,
            _("perkiraan"),
        )
    if status == S.APPROVED:
        return Deadline(
            "decided", _("disetujui: menunggu penerbitan"), application.decided_at, _("disetujui")
        )
    if status == S.ISSUED:
        return Deadline("closed", _("selesai"), application.issued_at, _("diterbitkan"))
    return Deadline("closed", _("selesai"), application.decided_at)


# --- Worklist ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _RowTexts:
    """What every row of one page shares, worked out once per page."""

    user_pk: int
    can_act: bool
    is_admin: bool
    status_labels: dict[str, str]
    months: dict[int, str]  # "Jan" ... "Des": the date filter's "M"
    detail_url: tuple[str, str]  # the URL around the id
    claim_url: tuple[str, str]

    @classmethod
    def for_page(cls, user, *, can_act: bool, is_admin: bool) -> _RowTexts:
        return cls(
            user_pk=user.pk,
            can_act=can_act,
            is_admin=is_admin,
            status_labels=status_labels(),
            months={number: str(name).title() for number, name in MONTHS_3.items()},
            detail_url=_url_around_id("permits_staff:detail"),
            claim_url=_url_around_id("permits_staff:claim"),
        )


def _url_around_id(name: str) -> tuple[str, str]:
    head, _zero, tail = reverse(name, args=[0]).rpartition("/0/")
    return f"{head}/", f"/{tail}"


def _worklist_row(row: dict, deadline: Deadline, page: _RowTexts) -> dict:
    """One row of the worklist (a ``selectors.worklist_page_values`` dict) as plain strings
    (reverse and translations once per page)."""
    at = deadline.at
    local_at = timezone.localtime(at) if at is not None else None
    assigned_id = row["assigned_to_id"]
    agency_label = (row["agency__short_name"] or row["agency__name"]) if page.is_admin else ""
    pk = row["id"]
    status = row["status"]
    claimable = page.can_act and assigned_id is None and status in OPEN_STATUSES
    return {
        "pk": pk,
        "number": row["tracking_number"],
        "detail_url": f"{page.detail_url[0]}{pk}{page.detail_url[1]}",
        "is_assisted": row["is_assisted"],
        "applicant": row["applicant_name"],
        "service": row["service__name"],
        "agency": agency_label,
        "status": status,
        "status_label": page.status_labels[status],
        "deadline_state": deadline.state,
        "deadline_text": deadline.text,
        "deadline_at": local_at.isoformat() if local_at else "",
        # As the date filter's "j M Y, H.i" would show it.
        "deadline_at_text": f"{local_at.day} {page.months[local_at.month]} {local_at.year}, {local_at:%H.%M}"
        if local_at
        else "",
        "deadline_at_label": deadline.at_label,
        "handler": (row["assigned_to__full_name"] or row["assigned_to__email"])
        if assigned_id is not None
        else "",
        "handled_by_me": assigned_id is not None and assigned_id == page.user_pk,
        "claim_url": f"{page.claim_url[0]}{pk}{page.claim_url[1]}" if claimable else "",
    }


# The worklist's rows are rendered here with _html (every value escaped), not by a template
# loop: the template engine spent about 0.3 ms of CPU per row on its ~25 variable lookups, a third
# of the page (cProfile against 1,000,000 applications, benchmarks/README.md). The markup is the
# one the template had; the template prints the rows with {{ rows_html }}.
_ROW_HTML = (
    '<tr role="row" class="worklist-row deadline-row-{state}">'
    '<th scope="row" role="rowheader" data-label="{l_number}"><a href="{detail_url}">{number}</a>{assisted}</th>'
    '<td role="cell" data-label="{l_applicant}"><div class="cell">{applicant}</div></td>'
    '<td role="cell" data-label="{l_service}"><div class="cell">{service}{agency}</div></td>'
    '<td role="cell" data-label="{l_status}"><div class="cell">'
    '<span class="status-badge status-badge-{status}">{status_label}</span></div></td>'
    '<td role="cell" data-label="{l_deadline}"><div class="cell">'
    '<span class="deadline deadline-{state}">{deadline_text}</span>{deadline_at}</div></td>'
    '<td role="cell" data-label="{l_handler}"><div class="cell">{handler}</div></td>'
    "</tr>\n"
)
_CLAIM_HTML = (
    ' <span class="muted">{nobody}</span>'
    '<form method="post" action="{claim_url}" class="inline-form">'
    '<input type="hidden" name="csrfmiddlewaretoken" value="{csrf_token}">'
    '<input type="hidden" name="seen_status" value="{status}">'
    '<input type="hidden" name="next" value="{next}">'
    '<button type="submit" class="button-small">{claim}<span class="visually-hidden"> {number}</span></button>'
    "</form>"
)


def _html(template: str, /, **values) -> SafeString:
    """``format_html`` for the rows: each value escaped as ``conditional_escape`` would (safe
    strings as they are, anything else through ``html.escape``), without ``format_html``'s
    per-argument lazy-string checks, which were about 500 calls and a tenth of the page's CPU."""
    return SafeString(
        template.format(
            **{
                name: value if isinstance(value, SafeData) else html_escape(str(value))
                for name, value in values.items()
            }
        )
    )


def _options(choices, selected: str, *, upper: bool = False) -> SafeString:
    """``<option>`` elements for (value, label) pairs, ``selected`` marked (compared upper-cased
    when ``upper``), values and labels escaped."""
    html = []
    for value, label in choices:
        chosen = (value.upper() if upper else value) == selected
        html.append(
            f'<option value="{html_escape(str(value))}"{_SELECTED if chosen else ""}>'
            f"{html_escape(str(label))}</option>"
        )
    return SafeString("".join(html))


def _render_worklist_rows(rows: list[dict], *, csrf_token: str, next_url: str) -> str:
    labels = {
        "l_number": _("Nomor"),
        "l_applicant": _("Pemohon"),
        "l_service": _("Layanan"),
        "l_status": _("Status"),
        "l_deadline": _("Batas waktu"),
        "l_handler": _("Ditangani"),
    }
    # The column labels are the same on every row: put them in (escaped) once per page.
    row_html = _ROW_HTML
    for name, label in labels.items():
        row_html = row_html.replace(f"{{{name}}}", escape(label).replace("{", "{{").replace("}", "}}"))
    assisted = _html(' <span class="badge badge-info">{label}</span>', label=_("Dibantu"))
    you, nobody, claim = _("Anda"), _("Belum ada"), _("Ambil")
    nobody_html = _html('<span class="muted">{nobody}</span>', nobody=nobody)
    html = []
    for row in rows:
        if row["handler"]:
            handler = (
                _html('{handler} <span class="muted">({you})</span>', handler=row["handler"], you=you)
                if row["handled_by_me"]
                else row["handler"]
            )
        elif row["claim_url"]:
            handler = _html(
                _CLAIM_HTML,
                nobody=nobody,
                claim_url=row["claim_url"],
                csrf_token=csrf_token,
                status=row["status"],
                next=next_url,
                claim=claim,
                number=row["number"],
            )
        else:
            handler = nobody_html
        if row["deadline_at"]:
            deadline_at = _html(
                ' <span class="deadline-at small muted">{label}<time datetime="{at}">{text}</time></span>',
                label=f"{row['deadline_at_label']}: " if row["deadline_at_label"] else "",
                at=row["deadline_at"],
                text=row["deadline_at_text"],
            )
        else:
            deadline_at = ""
        html.append(
            _html(
                row_html,
                state=row["deadline_state"],
                detail_url=row["detail_url"],
                number=row["number"],
                assisted=assisted if row["is_assisted"] else "",
                applicant=row["applicant"],
                service=row["service"],
                agency=_html(' <span class="muted small">· {agency}</span>', agency=row["agency"])
                if row["agency"]
                else "",
                status=row["status"],
                status_label=row["status_label"],
                deadline_text=row["deadline_text"],
                deadline_at=deadline_at,
                handler=handler,
            )
        )
    return mark_safe("".join(html))  # every piece above is escaped by _html


def _page_number(raw: str, paginator: CappedPaginator, notices: list[str]) -> int:
    raw = raw.strip()
    if not raw:
        return 1
    if not raw.isdigit() or not 1 <= int(raw) <= paginator.num_pages:
        notices.append(
            _("Halaman '%(value)s' tidak ada; menampilkan halaman 1 dari %(pages)s.")
            % {"value": raw, "pages": paginator.num_pages}
        )
        if raw.isdigit() and paginator.is_capped:
            notices.append(paginator.beyond_cap_message())
        return 1
    return int(raw)


@staff_or_admin_required
@require_GET
def worklist(request: HttpRequest) -> HttpResponse:
    """The agency's applications, nearest deadline first; htmx swaps the results in place and
    refreshes them every 30 s (a counter screen stays current). 20 rows a page; the count stops at
    1,000 ("lebih dari 1.000"), and pages past it are refused with a message (mpp/pagination.py)."""
    now = timezone.now()
    user = request.user
    choices = selectors.worklist_filter_choices(user)
    query, notices = parse_worklist_query(request.GET, {code.upper() for code, _name in choices.services})
    search_problem = selectors.worklist_search_problem(query.q)
    filters = query.filters
    if search_problem:
        notices.append(search_problem)
        filters = replace(filters, q="")
    paginator = CappedPaginator(
        selectors.worklist(user, filters, now=now),
        PAGE_SIZE,
        **selectors.worklist_paging(user, filters),
        page_rows=lambda rows: rows.values(*selectors.worklist_page_values(user)),
    )
    page = paginator.page(_page_number(request.GET.get("page", ""), paginator, notices))
    calendar = _calendar(now)
    is_admin = user.is_mpp_admin
    can_act = user.role in (Role.OFFICER, Role.SUPERVISOR)
    row_texts = _RowTexts.for_page(user, can_act=can_act, is_admin=is_admin)
    rows = [
        _worklist_row(row, deadline_of(SimpleNamespace(**row), calendar, now), row_texts)
        for row in page.object_list
    ]
    filter_query = urlencode(query.params())
    page_query = filter_query + ("&" if filter_query else "") + f"page={page.number}"
    deadline_choices = [str(n) for n in DUE_WITHIN_CHOICES]
    if query.deadline and query.deadline not in (OVERDUE, *deadline_choices):
        deadline_choices.append(query.deadline)
    worklist_url = reverse("permits_staff:worklist")
    refresh_url = f"{worklist_url}?{page_query}"
    context = {
        "query": query,
        "notices": notices,
        "page": page,
        "count": paginator.count,
        "count_is_capped": paginator.is_capped,
        "rows": rows,
        "rows_html": _render_worklist_rows(rows, csrf_token=get_token(request), next_url=refresh_url),
        "page_range": paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1),
        "worklist_url": worklist_url,
        "page_link": f"{worklist_url}?{filter_query}&page=" if filter_query else f"{worklist_url}?page=",
        "refresh_url": refresh_url,
        "refresh_seconds": REFRESH_SECONDS,
        "now": now,
        # The filter's options are rendered here, not by template loops: an MPP admin's filter
        # lists every service (159), and the loops were about a tenth of the page's CPU.
        "service_options": _options(
            ((code, f"{name} ({code})") for code, name in choices.services), query.service, upper=True
        ),
        "status_options": _options(worklist_status_choices(), query.status),
        "deadline_options": _options(
            (
                (
                    days,
                    _("Jatuh tempo hari ini")
                    if days == "0"
                    else _("Jatuh tempo dalam %(days)s hari kerja") % {"days": days},
                )
                for days in deadline_choices
            ),
            query.deadline,
        ),
        "agency_name": choices.agency_name,
        "is_admin": is_admin,
        "can_act": can_act,
        "is_htmx": _is_htmx(request),
        # Announce the result count after a filter change, not on every 30-second refresh.
        "announce": request.headers.get("HX-Trigger") != "worklist-results",
    }
    template = "permits/staff/_worklist_results.html" if _is_htmx(request) else "permits/staff/worklist.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


# --- One application --------------------------------------------------------------------------


def _get_application(request: HttpRequest, pk: int) -> Application:
    """The application if the user may see it on the staff side; 404 otherwise (another agency's
    application, or a citizen's draft, looks the same as one that does not exist)."""
    try:
        return selectors.application_for_user(pk, request.user)
    except (Application.DoesNotExist, PermissionDenied):
        raise Http404(_("Permohonan tidak ditemukan.")) from None


def _may_act(user, application: Application) -> bool:
    return user.role in (Role.OFFICER, Role.SUPERVISOR) and user.agency_id == application.agency_id


def _step_actor_label(step) -> str:
    roles = services.STEP_ROLE_ACTORS.get(step.responsible_role, frozenset())
    labels = [str(Role(role).label) for role in (Role.OFFICER, Role.SUPERVISOR) if role in roles]
    return _(" atau ").join(labels)


def _role_label(role: str) -> str:
    try:
        return str(StepRole(role).label)
    except ValueError:
        return role


def _field_display(form_field, value: str) -> str:
    """A saved value as the officer reads it: a choice by its label, an area with m²."""
    if not value:
        return ""
    if form_field.field_type == FormField.FieldType.CHOICE:
        for choice in form_field.choices or []:
            if isinstance(choice, dict):
                pair = (str(choice.get("value", "")), str(choice.get("label") or choice.get("value", "")))
            elif isinstance(choice, list | tuple) and choice:
                pair = (str(choice[0]), str(choice[-1]))
            else:
                pair = (str(choice), str(choice))
            if pair[0] == value:
                return pair[1]
    if form_field.field_type == FormField.FieldType.AREA_M2:
        return f"{value} m²"
    return value


def _detail_context(request: HttpRequest, application: Application, bound: dict | None = None) -> dict:
    """Everything the application page shows, with unbound action forms unless ``bound`` gives
    the one being corrected."""
    bound = bound or {}
    user = request.user
    now = timezone.now()
    form_fields, requirements = selectors.application_form(application)
    values = {fv.form_field_id: fv for fv in application.field_values.all()}
    documents = {doc.requirement_id: doc for doc in application.current_documents}
    steps = list(application.steps.all())
    next_step = next((step for step in steps if step.completed_at is None), None)
    for step in steps:
        step.role_label = _role_label(step.responsible_role)
        step.is_late = step.completed_at is None and step.due_at is not None and step.due_at < now
    may_act = _may_act(user, application)
    status = application.status
    is_open = application.is_open
    can = {
        "verify": may_act and status == S.SUBMITTED,
        "correct": may_act and can_transition(status, S.RETURNED),
        "step": may_act and status == S.IN_PROCESS and next_step is not None,
        "approve": may_act and status == S.IN_PROCESS and next_step is None,
        "reject": may_act and can_transition(status, S.REJECTED),
        "issue": may_act and status == S.APPROVED,
        "claim": may_act and is_open and application.assigned_to_id is None,
        "assign": may_act and is_open and user.role == Role.SUPERVISOR,
        "edit": may_act and application.is_assisted and status in (S.DRAFT, S.RETURNED),
    }
    business = business_panel(application, may_act=may_act)
    step_may_complete = next_step is not None and user.role in services.STEP_ROLE_ACTORS.get(
        next_step.responsible_role, frozenset()
    )
    targets = correction_targets(requirements, form_fields) if can["correct"] else None
    forms = {
        "verify": VerifyForm(application=application),
        "correction": CorrectionForm(application=application),
        "items": CorrectionItemFormSet(prefix="items", form_kwargs={"targets": targets}),
        "step": StepForm(application=application, initial={"step": next_step.pk} if next_step else {}),
        "approve": ApproveForm(application=application),
        "reject": RejectForm(application=application, requirements=requirements),
        "issue": IssueForm(application=application),
        "standard_verify": StandardVerifyForm(application=application),
        "claim": ClaimForm(application=application),
        "assign": AssignForm(
            application=application,
            staff=selectors.assignable_staff(application) if can["assign"] else None,
        ),
    }
    forms.update(bound)
    return {
        "application": application,
        "standard": application.standard,
        "applicant": application.applicant,
        "applicant_nik": masked_nik(application.applicant.nik),
        "applicant_has_email": is_deliverable_email(application.applicant.email),
        "field_rows": [
            (
                form_field,
                _field_display(form_field, values[form_field.pk].value if form_field.pk in values else ""),
            )
            for form_field in form_fields
        ],
        "requirement_rows": [(requirement, documents.get(requirement.pk)) for requirement in requirements],
        "steps": steps,
        "next_step": next_step,
        "next_step_actors": _step_actor_label(next_step) if next_step else "",
        "step_may_complete": step_may_complete,
        "correction": selectors.open_correction(application),
        "timeline": selectors.application_timeline(application, public=False),
        "deadline": deadline_of(application, _calendar(now), now),
        # The levy (SKRD) and issued-permit panels, with their own staff forms (permits.verify_views).
        "issuance_panel": selectors.issuance_panel(application, user),
        "business": business,
        "can": can,
        "may_act": may_act,
        "forms": forms,
        "is_admin_view": user.is_mpp_admin and not may_act,
    }


@staff_or_admin_required
@require_GET
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = _get_application(request, pk)
    return render(request, "permits/staff/detail.html", _detail_context(request, application))


@staff_or_admin_required
@require_GET
def document_file(request: HttpRequest, pk: int, document_pk: int) -> HttpResponse:
    """A requirement document, served inline (PDF and images open in the browser). The type was
    checked from the content at upload; nosniff keeps the browser from guessing another one."""
    application = _get_application(request, pk)
    try:
        document = selectors.application_document(application, document_pk)
        handle = document.file.open("rb")
    except (Document.DoesNotExist, FileNotFoundError, ValueError):
        raise Http404(_("Berkas tidak ditemukan.")) from None
    response = FileResponse(handle, content_type=document.content_type)
    response["Content-Disposition"] = content_disposition_header(False, document.original_name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


# --- Actions ----------------------------------------------------------------------------------


def _back(application: Application) -> HttpResponse:
    return redirect("permits_staff:detail", pk=application.pk)


def _run(request: HttpRequest, application: Application, form, action, success: str) -> None:
    """Hand the application to one service with the status the officer saw; show the outcome."""
    application.status = form.cleaned_data["seen_status"]
    try:
        action()
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, success)


def _invalid(request: HttpRequest, application: Application, name: str, form, **extra) -> HttpResponse:
    """Show the page again with the action's form and its errors (nothing was changed)."""
    messages.error(request, _("Tindakan belum dijalankan: periksa isian yang ditandai."))
    context = _detail_context(request, application, bound={name: form, **extra})
    context["open_action"] = name
    return render(request, "permits/staff/detail.html", context)


def _act(request: HttpRequest, application: Application, name: str, form, action, success) -> HttpResponse:
    """One staff action: an invalid form shows the page again (nothing changed); a valid one runs
    ``action`` (one service) and goes back to the application with ``success()``'s message."""
    if not form.is_valid():
        return _invalid(request, application, name, form)
    _run(request, application, form, action, success())
    return _back(application)


@agency_staff_required
@require_POST
def verify(request: HttpRequest, pk: int) -> HttpResponse:
    application = _get_application(request, pk)
    form = VerifyForm(request.POST, application=application)
    return _act(
        request,
        application,
        "verify",
        form,
        lambda: services.application_verify_complete(
            application=application, actor=request.user, note=form.cleaned_data["note"]
        ),
        lambda: _("Berkas dinyatakan lengkap. Batas waktu penyelesaian mulai berjalan."),
    )


@agency_staff_required
@require_POST
def standard_verify(request: HttpRequest, pk: int) -> HttpResponse:
    application = _get_application(request, pk)
    form = StandardVerifyForm(request.POST, application=application)
    return _act(
        request,
        application,
        "standard_verify",
        form,
        lambda: application_verify_standard(
            application=application, actor=request.user, note=form.cleaned_data["note"]
        ),
        lambda: _("Verifikasi Sertifikat Standar dicatat."),
    )


@agency_staff_required
@require_POST
def request_correction(request: HttpRequest, pk: int) -> HttpResponse:
    application = _get_application(request, pk)
    form_fields, requirements = selectors.application_form(application)
    form = CorrectionForm(request.POST, application=application)
    items = CorrectionItemFormSet(
        request.POST, prefix="items", form_kwargs={"targets": correction_targets(requirements, form_fields)}
    )
    if not (form.is_valid() and items.is_valid()):
        return _invalid(request, application, "correction", form, items=items)
    _run(
        request,
        application,
        form,
        lambda: services.application_request_correction(
            application=application, actor=request.user, items=items.items(), note=form.cleaned_data["note"]
        ),
        _("Permohonan dikembalikan kepada pemohon untuk perbaikan. Batas waktu dijeda."),
    )
    return _back(application)


@agency_staff_required
@require_POST
def complete_step(request: HttpRequest, pk: int) -> HttpResponse:
    application = _get_application(request, pk)
    form = StepForm(request.POST, application=application)
    if not form.is_valid():
        return _invalid(request, application, "step", form)
    step = next((s for s in application.steps.all() if s.pk == form.cleaned_data["step"]), None)
    if step is None:
        messages.error(request, _("Langkah ini bukan bagian dari permohonan ini."))
        return _back(application)
    _run(
        request,
        application,
        form,
        lambda: services.step_complete(
            application=application, step_progress=step, actor=request.user, note=form.cleaned_data["note"]
        ),
        _("Langkah '%(name)s' selesai.") % {"name": step.name},
    )
    return _back(application)


@agency_staff_required
@require_POST
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    application = _get_application(request, pk)
    form = ApproveForm(request.POST, application=application)
    return _act(
        request,
        application,
        "approve",
        form,
        lambda: services.application_approve(
            application=application, actor=request.user, note=form.cleaned_data["note"]
        ),
        lambda: _("Permohonan disetujui. Pemohon diberi tahu."),
    )


@agency_staff_required
@require_POST
def reject(request: HttpRequest, pk: int) -> HttpResponse:
    application = _get_application(request, pk)
    _fields, requirements = selectors.application_form(application)
    form = RejectForm(request.POST, application=application, requirements=requirements)
    return _act(
        request,
        application,
        "reject",
        form,
        lambda: services.application_reject(application=application, actor=request.user, reason=form.reason),
        lambda: _("Permohonan ditolak. Pemohon diberi tahu beserta alasannya."),
    )


@agency_staff_required
@require_POST
def issue(request: HttpRequest, pk: int) -> HttpResponse:
    application = _get_application(request, pk)
    form = IssueForm(request.POST, application=application)
    return _act(
        request,
        application,
        "issue",
        form,
        lambda: services.application_issue(application=application, actor=request.user),
        lambda: _("Izin diterbitkan."),
    )


@agency_staff_required
@require_POST
def claim(request: HttpRequest, pk: int) -> HttpResponse:
    application = _get_application(request, pk)
    form = ClaimForm(request.POST, application=application)
    if not form.is_valid():
        return _invalid(request, application, "claim", form)
    _run(
        request,
        application,
        form,
        lambda: services.application_claim(application=application, actor=request.user),
        _("Permohonan %(number)s sekarang Anda tangani.") % {"number": application},
    )
    target = form.cleaned_data.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return _back(application)


@supervisor_required
@require_POST
def assign(request: HttpRequest, pk: int) -> HttpResponse:
    application = _get_application(request, pk)
    form = AssignForm(request.POST, application=application, staff=selectors.assignable_staff(application))
    return _act(
        request,
        application,
        "assign",
        form,
        lambda: services.application_assign(
            application=application, actor=request.user, assignee=form.cleaned_data["assignee"]
        ),
        lambda: _("Permohonan ditugaskan kepada %(name)s.") % {"name": form.cleaned_data["assignee"]},
    )


# --- Officer-assisted filing ------------------------------------------------------------------


def _site_url(request: HttpRequest) -> str:
    return f"{request.scheme}://{request.get_host()}"


def _assist_services(user):
    return selectors.worklist_services(user).filter(is_active=True)


@agency_staff_required
def assist_start(request: HttpRequest) -> HttpResponse:
    """Find the citizen (NIK or email) or register them on the spot, record their consent, and start
    a draft in their name; the officer then fills it in on the assisted edit page.

    Both steps are POSTs: a NIK never goes into a URL (browser history, server logs)."""
    services_ = _assist_services(request.user)
    search = CitizenSearchForm()
    citizen = other_account = None
    create_form = start_form = None
    searched = False
    step = request.POST.get("step") if request.method == "POST" else None
    if step == "search":
        search = CitizenSearchForm(request.POST)
        if search.is_valid():
            searched = True
            citizen, other_account = search.find()
            value = search.cleaned_data["q"]
            start_form = AssistStartForm(services=services_)
            if citizen is None and other_account is None:
                initial = {"email": value} if "@" in value else {"nik": value}
                create_form = CitizenCreateForm(prefix="warga", initial=initial)
            search = CitizenSearchForm()  # the found NIK is shown masked, not echoed back
    elif step == "start":
        searched = True
        start_form = AssistStartForm(request.POST, services=services_)
        citizen_pk = request.POST.get("citizen", "")
        if citizen_pk:
            citizen = chosen_citizen(citizen_pk)
            if citizen is None:
                messages.error(request, _("Akun warga tidak ditemukan. Cari ulang."))
                return redirect("permits_staff:assist")
        else:
            create_form = CitizenCreateForm(request.POST, prefix="warga")
        if start_form.is_valid() and (create_form is None or create_form.is_valid()):
            response = _assist_create(request, citizen, create_form, start_form)
            if response is not None:
                return response
    if searched:
        search.fields["q"].widget.attrs.pop("autofocus", None)
    context = {
        "search": search,
        "searched": searched,
        "focus_result": step == "search" and searched,
        "citizen": citizen,
        "citizen_nik": masked_nik(citizen.nik) if citizen else "",
        "other_account": other_account,
        "create_form": create_form,
        "start_form": start_form,
        "drafts": list(selectors.assisted_drafts(request.user)[:20]),
        "has_services": services_.exists(),
    }
    return render(request, "permits/staff/assist_start.html", context)


def _assist_create(request: HttpRequest, citizen, create_form, start_form) -> HttpResponse | None:
    """Create the account when needed and the assisted draft, together or not at all."""
    service = start_form.cleaned_data["service"]
    try:
        with transaction.atomic():
            if citizen is None:
                data = create_form.cleaned_data
                citizen = citizen_register_assisted(
                    full_name=data["full_name"],
                    nik=data["nik"],
                    phone=data["phone"],
                    email=data["email"],
                    actor=request.user,
                    site_url=_site_url(request),
                )
            application = services.application_create_draft(
                service=service,
                applicant=citizen,
                actor=request.user,
                assisted_by=request.user,
                consent_note=start_form.cleaned_data["consent_note"],
            )
    except (NikAlreadyRegistered, EmailAlreadyRegistered, InvalidRegistration) as exc:
        create_form.add_error(exc.field if exc.field in create_form.fields else None, exc.message)
        return None
    except DomainError as exc:
        start_form.add_error(None, exc.message)
        return None
    messages.success(
        request,
        _("Draf permohonan %(service)s atas nama %(name)s dibuat. Lengkapi isian dan berkasnya.")
        % {"service": service.name, "name": citizen.full_name},
    )
    return redirect("permits_staff:assisted_edit", pk=application.pk)


def _get_assisted(request: HttpRequest, pk: int) -> Application:
    application = _get_application(request, pk)
    if not application.is_assisted or not _may_act(request.user, application):
        raise Http404(_("Permohonan tidak ditemukan."))
    return application


def _assisted_context(request, application, form=None, upload_errors=None) -> dict:
    form_fields, requirements = selectors.application_form(application)
    is_draft = application.status == S.DRAFT
    if form is None:
        form = ApplicationForm(
            initial=initial_values(application, form_fields), form_fields=form_fields, with_delivery=is_draft
        )
    documents = {doc.requirement_id: doc for doc in application.current_documents}
    return {
        "application": application,
        "applicant": application.applicant,
        "applicant_nik": masked_nik(application.applicant.nik),
        "form": form,
        "requirement_rows": [
            (requirement, documents.get(requirement.pk), UploadForm(prefix=f"req{requirement.pk}"))
            for requirement in requirements
        ],
        "upload_errors": upload_errors or {},
        "correction": selectors.open_correction(application),
        "is_draft": is_draft,
        "editable": application.status in (S.DRAFT, S.RETURNED),
    }


@agency_staff_required
def assisted_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The officer fills in an assisted draft (or a returned assisted application) for the citizen:
    the same form as the citizen's, saved with ``application_save_fields`` and, with "Ajukan",
    submitted (``application_submit``) or resubmitted (``application_resubmit``)."""
    application = _get_assisted(request, pk)
    if application.status not in (S.DRAFT, S.RETURNED):
        messages.info(request, _("Permohonan ini sudah diajukan; isian tidak dapat diubah lagi."))
        return _back(application)
    if request.method != "POST":
        return render(request, "permits/staff/assisted_edit.html", _assisted_context(request, application))
    form_fields, _requirements = selectors.application_form(application)
    is_draft = application.status == S.DRAFT
    form = ApplicationForm(request.POST, form_fields=form_fields, with_delivery=is_draft)
    if not form.is_valid():
        return render(
            request, "permits/staff/assisted_edit.html", _assisted_context(request, application, form)
        )
    seen = form.seen_status() or application.status
    submit = request.POST.get("action") == "submit"
    try:
        application.status = seen
        services.application_save_fields(application=application, values=form.values(), actor=request.user)
        if submit and is_draft:
            application = services.application_submit(
                application=application,
                actor=request.user,
                delivery_method=form.cleaned_data.get("delivery_method") or "",
                delivery_address=form.cleaned_data.get("delivery_address") or "",
            )
        elif submit:
            application = services.application_resubmit(application=application, actor=request.user)
    except services.FieldErrors as exc:
        form.add_field_errors(exc.errors)
        application = _get_assisted(request, pk)
        return render(
            request, "permits/staff/assisted_edit.html", _assisted_context(request, application, form)
        )
    except services.IncompleteApplication as exc:
        messages.error(request, _("Isian tersimpan, tetapi permohonan belum dapat diajukan:"))
        for problem in exc.problems:
            messages.error(request, problem)
        return redirect("permits_staff:assisted_edit", pk=pk)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("permits_staff:assisted_edit", pk=pk)
    if not submit:
        messages.success(request, _("Isian tersimpan."))
        return redirect("permits_staff:assisted_edit", pk=pk)
    messages.success(
        request,
        _(
            "Permohonan %(number)s diajukan atas nama %(name)s. Cetak dan serahkan tanda terimanya kepada warga."
        )
        % {"number": application.tracking_number, "name": application.applicant.full_name},
    )
    return _back(application)


@agency_staff_required
@require_POST
def assisted_upload(request: HttpRequest, pk: int, requirement_pk: int) -> HttpResponse:
    """Upload one requirement's document for an assisted application (``document_upload``)."""
    application = _get_assisted(request, pk)
    _form_fields, requirements = selectors.application_form(application)
    requirement = next((r for r in requirements if r.pk == requirement_pk), None)
    if requirement is None:
        raise Http404(_("Persyaratan tidak ditemukan."))
    upload = UploadForm(request.POST, request.FILES, prefix=f"req{requirement.pk}")
    if not upload.is_valid():
        for errors in upload.errors.values():
            for error in errors:
                messages.error(request, f"{requirement.name}: {error}")
        return redirect("permits_staff:assisted_edit", pk=pk)
    try:
        services.document_upload(
            application=application,
            requirement=requirement,
            file=upload.cleaned_data["berkas"],
            actor=request.user,
        )
    except DomainError as exc:
        messages.error(request, f"{requirement.name}: {exc.message}")
    else:
        messages.success(request, _("Berkas '%(name)s' terunggah.") % {"name": requirement.name})
    return redirect(reverse("permits_staff:assisted_edit", kwargs={"pk": pk}) + f"#req-{requirement.pk}")

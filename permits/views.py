"""The citizen's side of permit applications: start a draft, fill it in, upload the documents,
submit, follow it, fix what an officer returned, withdraw, and read the receipt.

Views are thin: they parse input, call one service or selector (saving the form before a submit
is the one exception: what the citizen typed must be kept even when the submission is refused),
and render. Domain errors become messages or form errors; nothing here decides a business rule.

Access: the pages of one application are the applicant's own. Anyone else, staff included, gets
404 (not 403), so application ids cannot be probed; the receipt and the document files are also
open to staff of the application's agency (``selectors.application_for_user``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import PurePosixPath
from zoneinfo import ZoneInfo

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.permissions import citizen_required
from agencies.selectors import work_calendar
from mpp.errors import DomainError
from services.models import Service
from services.risk import RiskLevel
from services.risk import obligation as risk_obligation
from services.selectors import in_force_standard, service_detail

from . import selectors, services, uploads
from .business import (
    BusinessIdentityError,
    application_declare_standard,
    application_set_business_identity,
    declaration_text,
    needs_business_identity,
    standard_declaration_current,
)
from .forms import ApplicationForm, UploadForm, WithdrawForm, initial_values
from .models import Application, Document
from .transitions import ApplicationStatus, can_transition

S = ApplicationStatus
PAGE_SIZE = 20
EDITABLE = (S.DRAFT, S.RETURNED)

# What each status means, in the words shown to the citizen and on the public tracking page.
STATUS_EXPLANATIONS = {
    S.DRAFT: gettext_lazy("Permohonan belum diajukan. Lengkapi isian dan berkas, lalu kirim."),
    S.SUBMITTED: gettext_lazy(
        "Permohonan diterima dan menunggu pemeriksaan kelengkapan berkas oleh petugas."
    ),
    S.RETURNED: gettext_lazy(
        "Petugas meminta perbaikan. Pemohon perlu memperbaiki lalu mengajukan ulang; "
        "waktu penyelesaian dihentikan sementara sampai perbaikan diajukan."
    ),
    S.IN_PROCESS: gettext_lazy("Berkas lengkap. Permohonan sedang diproses sesuai SOP."),
    S.APPROVED: gettext_lazy("Permohonan disetujui. Izin sedang disiapkan untuk diterbitkan."),
    S.REJECTED: gettext_lazy("Permohonan ditolak. Alasannya tercantum pada riwayat permohonan."),
    S.ISSUED: gettext_lazy("Izin telah terbit."),
    S.WITHDRAWN: gettext_lazy("Permohonan dibatalkan oleh pemohon."),
    S.LAPSED: gettext_lazy("Permohonan kedaluwarsa karena perbaikan tidak diajukan sampai batas waktu."),
}

# Indonesia's three time zones by their usual abbreviations.
_ZONE_LABELS = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}


# --- Dates ----------------------------------------------------------------------------------------


def mpp_time_zone() -> ZoneInfo:
    """The MPP's time zone (the calendar's, so shown dates match the computed deadlines)."""
    return work_calendar().tz


def zone_label(tz: ZoneInfo) -> str:
    return _ZONE_LABELS.get(str(tz), "") or datetime.now(tz).strftime("%Z")


def long_datetime(value: datetime | None) -> str:
    """'Senin, 30 Maret 2026 pukul 14.00 WIB' in the MPP's time zone and the current language."""
    if value is None:
        return ""
    tz = mpp_time_zone()
    local = timezone.localtime(value, tz)
    return _("%(date)s pukul %(time)s %(zone)s") % {
        "date": formats.date_format(local, "l, j F Y"),
        "time": local.strftime("%H.%M"),
        "zone": zone_label(tz),
    }


@dataclass(frozen=True)
class ExpectedDate:
    label: str
    value: datetime
    text: str
    note: str = ""


def expected_date(application: Application) -> ExpectedDate | None:
    """The date the citizen waits for: the estimate after submission, the SLA deadline once the
    file is complete (paused while returned), nothing once decided."""
    status = application.status
    if status in (S.IN_PROCESS, S.RETURNED) and application.due_at is not None:
        note = ""
        if status == S.RETURNED:
            note = _("Dihentikan sementara selama menunggu perbaikan; bergeser sesuai lama perbaikan.")
        return ExpectedDate(
            _("Batas waktu penyelesaian"), application.due_at, long_datetime(application.due_at), note
        )
    if status in (S.SUBMITTED, S.RETURNED) and application.estimated_due_at is not None:
        return ExpectedDate(
            _("Perkiraan tanggal keputusan"),
            application.estimated_due_at,
            long_datetime(application.estimated_due_at),
            _("Dihitung dalam hari kerja; pasti setelah berkas dinyatakan lengkap oleh petugas."),
        )
    return None


def render_in_mpp_time(request: HttpRequest, template: str, context: dict, status: int = 200) -> HttpResponse:
    """Render with times (``|date``, ``<time>``) in the MPP's time zone."""
    with timezone.override(mpp_time_zone()):
        return render(request, template, context, status=status)


# --- Loading --------------------------------------------------------------------------------------


def _load(request: HttpRequest, pk: int, *, staff_may_view: bool = False) -> Application:
    """The application for this user, or 404. Only the applicant's own unless ``staff_may_view``."""
    try:
        application = selectors.application_for_user(pk, request.user)
    except (Application.DoesNotExist, PermissionDenied):
        raise Http404(_("Permohonan tidak ditemukan.")) from None
    if not staff_may_view and application.applicant_id != request.user.pk:
        raise Http404(_("Permohonan tidak ditemukan."))
    return application


def _seen(request: HttpRequest, application: Application) -> Application:
    """Pass the status the citizen saw (hidden field) to the service, which refuses with a clear
    message when the application changed since the page was loaded."""
    seen = request.POST.get("status", "")
    if seen in S.values:
        application.status = seen
    return application


# --- Start ----------------------------------------------------------------------------------------


@citizen_required
@require_http_methods(["GET", "POST"])
def start(request: HttpRequest, code: str) -> HttpResponse:
    """GET: what the service needs, and a button to start (after login, ``next`` lands here).
    POST: create the draft and go to its form."""
    try:
        service = service_detail(code=code)
    except Service.DoesNotExist:
        raise Http404(_("Layanan tidak ditemukan.")) from None
    verified = request.user.email_verified_at is not None
    if request.method == "POST":
        if not verified:
            messages.warning(request, _("Verifikasi email Anda dulu sebelum mengajukan permohonan."))
            return redirect("permits:start", code=service.code)
        try:
            application = services.application_create_draft(service=service, applicant=request.user)
        except DomainError as exc:
            messages.error(request, exc.message)
            return redirect("services:detail", code=service.code)
        messages.success(
            request,
            _(
                "Draf permohonan dibuat. Isian yang Anda simpan dan berkas yang Anda unggah tetap "
                "tersimpan; lanjutkan kapan saja dari Permohonan saya."
            ),
        )
        return redirect("permits:edit", pk=application.pk)
    drafts = selectors.applications_for_citizen(request.user).filter(service=service, status=S.DRAFT)
    context = {
        "service": service,
        "standard": in_force_standard(service),
        "verified": verified,
        "drafts": list(drafts),
    }
    return render_in_mpp_time(request, "permits/citizen/start.html", context)


# --- "Permohonan saya" ----------------------------------------------------------------------------


@dataclass
class ApplicationRow:
    application: Application
    due_label: str = ""
    due_text: str = ""
    due: datetime | None = None


@citizen_required
@require_GET
def my_applications(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.applications_for_citizen(request.user), PAGE_SIZE).get_page(
        request.GET.get("halaman")
    )
    rows = []
    for application in page:
        row = ApplicationRow(application)
        due = application.due_at or application.estimated_due_at
        if due is not None and application.status in (S.SUBMITTED, S.RETURNED, S.IN_PROCESS):
            row.due = due
            row.due_text = long_datetime(due)
            row.due_label = (
                _("Batas waktu penyelesaian") if application.due_at else _("Perkiraan tanggal keputusan")
            )
        rows.append(row)
    return render_in_mpp_time(request, "permits/citizen/list.html", {"page": page, "rows": rows})


# --- The form: fields, delivery, documents ---------------------------------------------------------


@dataclass
class FieldRow:
    form_field: object
    bound: object
    suffix: str = ""
    hint: str = ""
    corrections: list[str] = field(default_factory=list)


@dataclass
class RequirementRow:
    requirement: object
    document: Document | None
    kinds: str
    accept: str
    accepts_jpeg: bool
    corrections: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _number_hint(form_field) -> str:
    low, high = form_field.min_value, form_field.max_value

    def fmt(value):
        return formats.number_format(value.normalize(), use_l10n=True)

    if low is not None and high is not None:
        return _("Antara %(min)s dan %(max)s.") % {"min": fmt(low), "max": fmt(high)}
    if low is not None:
        return _("Paling kecil %(min)s.") % {"min": fmt(low)}
    if high is not None:
        return _("Paling besar %(max)s.") % {"max": fmt(high)}
    return ""


def _application_form(request: HttpRequest, application: Application, form_fields) -> ApplicationForm:
    with_delivery = application.status == S.DRAFT
    business = needs_business_identity(application)
    declaration = application.service.risk_level == RiskLevel.MEDIUM_LOW
    options = {"form_fields": form_fields, "with_delivery": with_delivery, "business": business}
    if request.method == "POST":
        form = ApplicationForm(request.POST, declaration=declaration, **options)
    else:
        initial = initial_values(application, form_fields)
        if business:
            initial.update(
                nib=application.nib,
                kbli_code=application.kbli_code or application.service.kbli_code,
                standard_declaration=standard_declaration_current(application),
            )
        form = ApplicationForm(initial=initial, declaration=declaration, **options)
    form.risk_obligation = risk_obligation(application.service.risk_level)
    form.risk_level = application.service.risk_level
    form.declaration_text = declaration_text(application) if declaration else ""
    form.risk_label = application.service.get_risk_level_display()
    return form


def _save_form(request: HttpRequest, application: Application, form: ApplicationForm) -> bool:
    """Save what the citizen typed; on error attach the messages to the form and return False."""
    if not form.is_valid():
        return False
    delivery_method = delivery_address = None
    if form.with_delivery:
        delivery_method = form.cleaned_data.get("delivery_method") or application.delivery_method
        delivery_address = form.cleaned_data.get("delivery_address", "")
    try:
        # One form, one save: an invalid NIB keeps the other values unsaved too (the page shows
        # them as typed), and nothing is half-recorded.
        with transaction.atomic():
            services.application_save_form(
                application=application,
                actor=request.user,
                values=form.values(),
                delivery_method=delivery_method,
                delivery_address=delivery_address or "",
            )
            if form.business:
                application_set_business_identity(
                    application=application,
                    actor=request.user,
                    nib=form.cleaned_data.get("nib", ""),
                    kbli_code=form.cleaned_data.get("kbli_code", ""),
                )
            if form.declaration:
                # After the KBLI is saved: the statement names the KBLI the application now records.
                application_declare_standard(
                    application=application,
                    actor=request.user,
                    accepted=bool(form.cleaned_data.get("standard_declaration")),
                )
    except services.FieldErrors as exc:
        form.add_field_errors(exc.errors)
        return False
    except BusinessIdentityError as exc:
        for name, message in exc.errors.items():
            form.add_error(name, message)
        return False
    except DomainError as exc:
        form.add_error(None, exc.message)
        return False
    return True


def _quoted(name: str, text: str) -> bool:
    return f"'{name}'" in text or f"“{name}”" in text or f'"{name}"' in text


@dataclass(frozen=True)
class Problem:
    text: str
    anchor: str = ""


def _link_problems(problems, form_fields, requirements, form: ApplicationForm | None) -> list[Problem]:
    """Each problem with a link to the field or requirement it names (the services word problems
    as "Isian 'Label' ..." / "Berkas 'Nama' ..."), and the field's own error beside it."""
    linked = []
    for text in problems:
        anchor = ""
        for form_field in form_fields:
            if _quoted(form_field.label, text):
                name = ApplicationForm.field_name(form_field.key)
                anchor = f"id_{name}"
                if form is not None and form.is_bound and name in form.fields and not form[name].errors:
                    form.add_error(name, text)
                break
        else:
            for requirement in requirements:
                if _quoted(requirement.name, text):
                    anchor = f"req-{requirement.pk}"
                    break
        linked.append(Problem(text, anchor))
    return linked


def _edit_context(request: HttpRequest, application: Application, form: ApplicationForm, problems=()) -> dict:
    form_fields = form.form_fields
    requirements = list(application.standard.requirements.all())
    documents = {doc.requirement_id: doc for doc in application.current_documents}
    correction = selectors.open_correction(application) if application.status == S.RETURNED else None
    items = list(correction.items.all()) if correction else []
    linked = _link_problems(problems, form_fields, requirements, form)

    field_rows = []
    for form_field, bound in form.bound_form_fields():
        row = FieldRow(form_field, bound)
        if form_field.field_type == form_field.FieldType.AREA_M2:
            row.suffix = "m²"
        if form_field.field_type in (form_field.FieldType.NUMBER, form_field.FieldType.AREA_M2):
            row.hint = _number_hint(form_field)
        row.corrections = [item.message for item in items if item.form_field_id == form_field.pk]
        described_by = [
            f"{bound.auto_id}_{part}"
            for part, shown in (
                ("correction", row.corrections),
                ("error", bound.errors),
                ("helptext", form_field.help_text or row.hint or row.suffix),
            )
            if shown
        ]
        if described_by:
            bound.field.widget.attrs["aria-describedby"] = " ".join(described_by)
        field_rows.append(row)

    requirement_rows = []
    for requirement in requirements:
        kinds = uploads.accepted_kinds(requirement)
        accept = []
        for kind in kinds:
            info = uploads.KINDS[kind]
            accept += [f".{info.extension}", info.content_type]
            if kind == "jpeg":
                accept.append(".jpeg")
        requirement_rows.append(
            RequirementRow(
                requirement=requirement,
                document=documents.get(requirement.pk),
                kinds=uploads.kinds_label(kinds),
                accept=",".join(accept),
                accepts_jpeg="jpeg" in kinds,
                corrections=[item.message for item in items if item.requirement_id == requirement.pk],
                problems=[p.text for p in linked if p.anchor == f"req-{requirement.pk}"],
            )
        )
    general_items = [item.message for item in items if not item.requirement_id and not item.form_field_id]
    return {
        "application": application,
        "form": form,
        "field_rows": field_rows,
        "requirement_rows": requirement_rows,
        "problems": linked,
        "correction": correction,
        "correction_due": long_datetime(correction.due_at) if correction else "",
        "general_items": general_items,
        "max_upload": uploads.max_upload_bytes(),
        "status_explanation": STATUS_EXPLANATIONS[S(application.status)],
    }


def _render_edit(request, application, form, problems=(), status=200) -> HttpResponse:
    context = _edit_context(request, application, form, problems)
    return render_in_mpp_time(request, "permits/citizen/edit.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The form of a draft (or of a returned application being fixed). POST saves it."""
    application = _load(request, pk)
    if application.status not in EDITABLE:
        messages.info(request, _("Permohonan ini tidak dapat diubah lagi."))
        return redirect("permits:detail", pk=application.pk)
    form = _application_form(request, application, list(application.standard.form_fields.all()))
    if request.method == "POST":
        if _save_form(request, application, form):
            messages.success(request, _("Isian tersimpan."))
            return redirect("permits:edit", pk=application.pk)
        return _render_edit(request, application, form, status=400)
    return _render_edit(request, application, form)


@login_required
@require_POST
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    """Save the form, then submit it; on success the receipt, else the problems at the top."""
    application = _load(request, pk)
    if application.status != S.DRAFT:
        messages.info(request, _("Permohonan ini sudah diajukan."))
        return redirect("permits:detail", pk=application.pk)
    form = _application_form(request, application, list(application.standard.form_fields.all()))
    if not _save_form(request, application, form):
        return _render_edit(request, application, form, status=400)
    try:
        services.application_submit(
            application=_seen(request, application),
            actor=request.user,
            delivery_method=form.cleaned_data.get("delivery_method") or "",
            delivery_address=form.cleaned_data.get("delivery_address") or "",
        )
    except services.IncompleteApplication as exc:
        # The standard may have been re-pinned: reload so the form matches it.
        application = _load(request, pk)
        form = _application_form(request, application, list(application.standard.form_fields.all()))
        form.is_valid()
        return _render_edit(request, application, form, problems=exc.problems, status=400)
    except DomainError as exc:
        form.add_error(None, exc.message)
        return _render_edit(request, _load(request, pk), form, status=400)
    messages.success(
        request, _("Permohonan Anda sudah diajukan. Simpan nomor dan kode rahasia di bawah ini.")
    )
    return redirect("permits:receipt", pk=application.pk)


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


@login_required
@require_POST
def upload(request: HttpRequest, pk: int, requirement_pk: int) -> HttpResponse:
    """One requirement's document, in its own request: a failed upload never loses the form.
    Answers JSON to the page's script and redirects back to the form without it."""
    application = _load(request, pk)
    requirement = next((r for r in application.standard.requirements.all() if r.pk == requirement_pk), None)
    if requirement is None:
        raise Http404(_("Persyaratan tidak ditemukan."))
    form = UploadForm(request.POST, request.FILES)
    error = ""
    document = None
    if not form.is_valid():
        error = " ".join(form.errors.get("berkas", [])) or _("Pilih berkas yang akan diunggah.")
    else:
        try:
            document = services.document_upload(
                application=application,
                requirement=requirement,
                file=form.cleaned_data["berkas"],
                actor=request.user,
            )
        except DomainError as exc:
            error = exc.message
    if _wants_json(request):
        if error:
            return JsonResponse({"ok": False, "error": error}, status=400)
        with timezone.override(mpp_time_zone()):
            html = render_to_string(
                "permits/citizen/_document.html",
                {"application": application, "document": document},
                request=request,
            )
        message = _("Berkas untuk '%(name)s' tersimpan.") % {"name": requirement.name}
        return JsonResponse({"ok": True, "message": message, "html": html})
    if error:
        messages.error(request, _("%(name)s: %(error)s") % {"name": requirement.name, "error": error})
    else:
        messages.success(request, _("Berkas untuk '%(name)s' tersimpan.") % {"name": requirement.name})
    return redirect(reverse("permits:edit", kwargs={"pk": application.pk}) + f"#req-{requirement.pk}")


_UNSAFE_NAME = re.compile(r"[^\w .()\-]+", re.UNICODE)


def safe_filename(document: Document) -> str:
    """The uploader's name for the download, reduced to harmless characters, with the extension of
    the detected content type."""
    stem = PurePosixPath(document.original_name or "").stem
    stem = _UNSAFE_NAME.sub("_", stem).strip(" ._") or "berkas"
    extension = next(
        (kind.extension for kind in uploads.KINDS.values() if kind.content_type == document.content_type),
        "bin",
    )
    return f"{stem[:80]}.{extension}"


@login_required
@require_GET
def document_file(request: HttpRequest, pk: int, doc_pk: int) -> FileResponse:
    """Serve an uploaded document inline to the applicant and the agency's staff (never through
    MEDIA_URL): the stored content type, nosniff, and a safe file name."""
    application = _load(request, pk, staff_may_view=True)
    try:
        document = Document.objects.get(pk=doc_pk, application_id=application.pk)
    except Document.DoesNotExist:
        raise Http404(_("Berkas tidak ditemukan.")) from None
    try:
        handle = document.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404(_("Berkas tidak ditemukan.")) from None
    response = FileResponse(
        handle, content_type=document.content_type, as_attachment=False, filename=safe_filename(document)
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


# --- Follow, fix, withdraw -------------------------------------------------------------------------


def _detail_context(request: HttpRequest, application: Application, problems=()) -> dict:
    correction = selectors.open_correction(application) if application.status == S.RETURNED else None
    edit_url = reverse("permits:edit", kwargs={"pk": application.pk})
    fix_items = []
    if correction is not None:
        for item in correction.items.all():
            if item.requirement_id:
                target, anchor = item.requirement.name, f"req-{item.requirement_id}"
            elif item.form_field_id:
                target = item.form_field.label
                anchor = f"id_{ApplicationForm.field_name(item.form_field.key)}"
            else:
                target, anchor = "", ""
            fix_items.append(
                {
                    "target": target,
                    "message": item.message,
                    "url": f"{edit_url}#{anchor}" if anchor else edit_url,
                }
            )
    linked = []
    if problems:
        linked = _link_problems(
            problems,
            list(application.standard.form_fields.all()),
            list(application.standard.requirements.all()),
            None,
        )
        linked = [Problem(p.text, f"{edit_url}#{p.anchor}" if p.anchor else "") for p in linked]
    return {
        "application": application,
        "status_explanation": STATUS_EXPLANATIONS[S(application.status)],
        "expected": expected_date(application),
        "timeline": selectors.application_timeline(application, public=True),
        "field_values": list(application.field_values.all()),
        "documents": application.current_documents,
        "correction": correction,
        "correction_due": long_datetime(correction.due_at) if correction else "",
        "fix_items": fix_items,
        "problems": linked,
        "can_withdraw": can_transition(application.status, S.WITHDRAWN),
        # The levy (SKRD, with the payment reference) and the issued permit with its download.
        "issuance_panel": selectors.issuance_panel(application, request.user),
        "submitted_text": long_datetime(application.submitted_at),
    }


@login_required
@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = _load(request, pk)
    return render_in_mpp_time(request, "permits/citizen/detail.html", _detail_context(request, application))


@login_required
@require_POST
def resubmit(request: HttpRequest, pk: int) -> HttpResponse:
    """Send the fixed application back. From the form page the typed values are saved first."""
    application = _load(request, pk)
    from_form = request.POST.get("from_form") == "1"
    form = None
    if from_form and application.status in EDITABLE:
        form = _application_form(request, application, list(application.standard.form_fields.all()))
        if not _save_form(request, application, form):
            return _render_edit(request, application, form, status=400)
    try:
        services.application_resubmit(application=_seen(request, application), actor=request.user)
    except services.IncompleteApplication as exc:
        application = _load(request, pk)
        if form is not None:
            return _render_edit(request, application, form, problems=exc.problems, status=400)
        context = _detail_context(request, application, problems=exc.problems)
        return render_in_mpp_time(request, "permits/citizen/detail.html", context, status=400)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("permits:detail", pk=pk)
    messages.success(request, _("Perbaikan terkirim. Petugas akan memeriksa kembali permohonan Anda."))
    return redirect("permits:detail", pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    """Withdraw before a decision, after a confirmation page."""
    application = _load(request, pk)
    if not can_transition(application.status, S.WITHDRAWN):
        messages.info(
            request,
            _("Permohonan berstatus '%(status)s' tidak dapat dibatalkan.")
            % {"status": application.get_status_display()},
        )
        return redirect("permits:detail", pk=pk)
    form = WithdrawForm(request.POST or None, initial={"status": application.status})
    if request.method == "POST" and form.is_valid():
        try:
            services.application_withdraw(
                application=_seen(request, application),
                actor=request.user,
                reason=form.cleaned_data["reason"],
            )
        except DomainError as exc:
            messages.error(request, exc.message)
            return redirect("permits:detail", pk=pk)
        messages.success(request, _("Permohonan dibatalkan."))
        return redirect("permits:detail", pk=pk)
    return render_in_mpp_time(
        request, "permits/citizen/withdraw.html", {"application": application, "form": form}
    )


# --- Receipt --------------------------------------------------------------------------------------


def tracking_url(request: HttpRequest, application: Application) -> str:
    query = urlencode({"nomor": application.tracking_number, "kode": application.tracking_secret})
    return request.build_absolute_uri(f"{reverse('track:lookup')}?{query}")


@login_required
@require_GET
@never_cache
def receipt(request: HttpRequest, pk: int) -> HttpResponse:
    """The printable receipt: tracking number, secret and estimated decision date. The applicant's
    and the agency staff's only (the secret opens the public tracking page)."""
    application = _load(request, pk, staff_may_view=True)
    if not application.tracking_number:
        return redirect("permits:edit" if application.status in EDITABLE else "permits:detail", pk=pk)
    url = tracking_url(request, application)
    context = {
        "application": application,
        "submitted_text": long_datetime(application.submitted_at),
        "estimated_text": long_datetime(application.estimated_due_at),
        "tracking_url": url,
        "tracking_qr": segno.make(url, error="m").svg_inline(scale=3, dark="#000", light="#fff"),
    }
    return render_in_mpp_time(request, "permits/citizen/receipt.html", context)

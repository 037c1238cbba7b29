"""HTML views of complaints: filing (web form, one-tap "Laporkan pungli"), tracking with number and
secret, the reporter's page (reply, accept, rate), the MPP complaint officer's desk (verify, route,
forward, archive, register on a citizen's behalf) and the agency's inbox (answer, CSV export).

Every view loads through complaints.selectors with the viewer's scope and shows the reporter's
identity only through ``selectors.reporter_identity``.
"""

from __future__ import annotations

import csv

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from accounts.permissions import (
    citizen_required,
    complaint_officer_required,
    is_agency_staff,
    is_citizen,
    is_complaint_officer,
    user_passes_role_test,
)
from agencies.selectors import work_calendar
from mpp import ratelimit
from mpp.errors import DomainError
from permits.models import Application
from permits.tracking import secrets_match
from services.models import Service

from . import selectors, services
from .forms import (
    AnswerForm,
    ComplaintForm,
    NoteForm,
    PungliForm,
    RateForm,
    ReplyForm,
    RouteForm,
    TrackForm,
)
from .models import Complaint, ComplaintAttachment, ComplaintCategory, ComplaintStatus

S = ComplaintStatus
SESSION_KEY = "complaint_access"
PUNGLI_CATEGORY = "pungli"

staff_required = user_passes_role_test(lambda u: is_complaint_officer(u) or is_agency_staff(u))
agency_staff_required = user_passes_role_test(is_agency_staff)


def _render(request: HttpRequest, template: str, context: dict, status: int = 200) -> HttpResponse:
    with timezone.override(work_calendar().tz):
        return render(request, template, context, status=status)


def _grant(request: HttpRequest, complaint: Complaint) -> None:
    """Remember, for this browser session, that the visitor proved they are the reporter."""
    granted = dict(request.session.get(SESSION_KEY, {}))
    granted[complaint.number] = complaint.secret
    request.session[SESSION_KEY] = granted


def _session_secret(request: HttpRequest, number: str) -> str:
    return request.session.get(SESSION_KEY, {}).get(number, "")


def _over_limit(request: HttpRequest, scope: str) -> bool:
    return ratelimit.over_limit(
        request,
        scope=scope,
        limit=settings.MPP_COMPLAINT_RATE_LIMIT,
        window=settings.MPP_COMPLAINT_RATE_WINDOW,
    )


def _files(request: HttpRequest) -> list:
    return request.FILES.getlist("attachments")[: services.MAX_ATTACHMENTS]


def _own_applications(user):
    if not is_citizen(user):
        return []
    return list(
        Application.objects.filter(applicant=user, tracking_number__gt="")
        .select_related("service")
        .order_by("-created_at")[:30]
    )


# --- Public and reporter ----------------------------------------------------------------------


def index(request: HttpRequest) -> HttpResponse:
    published = selectors.published_complaints()[:10]
    return _render(
        request, "complaints/index.html", {"published": published, "categories": selectors.categories()}
    )


@never_cache
@require_http_methods(["GET", "POST"])
def file_new(request: HttpRequest) -> HttpResponse:
    user = request.user
    if user.is_authenticated and not is_citizen(user):
        if is_complaint_officer(user) or is_agency_staff(user):
            return redirect("complaints:staff_new")
        raise PermissionDenied(_("Halaman ini untuk warga. Petugas mencatat laporan dari menu petugas."))
    applications = _own_applications(user)
    initial = {}
    if request.GET.get("layanan"):
        initial["service"] = Service.objects.filter(code=request.GET["layanan"]).first()
    form = ComplaintForm(
        request.POST or None, request.FILES or None, user=user, applications=applications, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        if _over_limit(request, "complaint"):
            return _render(request, "complaints/too_many.html", {}, status=429)
        data = form.cleaned_data
        application = next((a for a in applications if a.pk == data.get("application")), None)
        try:
            complaint = services.complaint_submit(
                kind=data["kind"],
                category=data["category"],
                subject=data["subject"],
                description=data["description"],
                address=data["address"],
                reporter=user if user.is_authenticated else None,
                reporter_name=data.get("reporter_name", ""),
                reporter_email=data.get("reporter_email", ""),
                reporter_phone=data.get("reporter_phone", ""),
                anonymous=data["anonymous"],
                confidential=data["confidential"],
                allow_publication=data["allow_publication"],
                service=data["service"],
                application=application,
                attachments=_files(request),
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            return _receipt_redirect(request, complaint)
    return _render(request, "complaints/new.html", {"form": form})


def _receipt_redirect(request: HttpRequest, complaint: Complaint) -> HttpResponse:
    _grant(request, complaint)
    request.session["complaint_receipt"] = complaint.number
    return redirect("complaints:receipt")


@never_cache
def receipt(request: HttpRequest) -> HttpResponse:
    number = request.session.get("complaint_receipt")
    complaint = selectors.complaint_by_number(number) if number else None
    if complaint is None or _session_secret(request, complaint.number) != complaint.secret:
        raise Http404
    return _render(request, "complaints/receipt.html", {"complaint": complaint})


@never_cache
@citizen_required
@require_http_methods(["GET", "POST"])
def pungli(request: HttpRequest) -> HttpResponse:
    """One tap from a service or application page: a confidential complaint of an illegal levy."""
    service = application = None
    if request.GET.get("permohonan"):
        application = get_object_or_404(
            Application.objects.select_related("service", "agency"),
            pk=request.GET["permohonan"],
            applicant=request.user,
        )
        service = application.service
    elif request.GET.get("layanan"):
        service = get_object_or_404(Service.objects.select_related("agency"), code=request.GET["layanan"])
    category = ComplaintCategory.objects.filter(code=PUNGLI_CATEGORY, is_active=True).first()
    if category is None:
        category = ComplaintCategory.objects.filter(is_active=True).first()
    if category is None:
        raise Http404
    form = PungliForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        target = application.tracking_number if application else (service.name if service else "")
        try:
            complaint = services.complaint_submit(
                kind=Complaint.Kind.COMPLAINT,
                category=category,
                subject=(_("Dugaan pungutan liar: %(target)s") % {"target": target})[:200]
                if target
                else _("Dugaan pungutan liar"),
                description=form.cleaned_data["description"],
                reporter=request.user,
                confidential=True,
                service=service,
                application=application,
                attachments=_files(request),
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            return _receipt_redirect(request, complaint)
    return _render(
        request, "complaints/pungli.html", {"form": form, "service": service, "application": application}
    )


@never_cache
@require_http_methods(["GET", "POST"])
def track(request: HttpRequest) -> HttpResponse:
    form = TrackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if _over_limit(request, "complaint-track"):
            return _render(request, "complaints/too_many.html", {}, status=429)
        complaint = selectors.complaint_by_number(form.cleaned_data["nomor"])
        if secrets_match(form.cleaned_data["kode"], complaint.secret if complaint else None):
            _grant(request, complaint)
            return redirect("complaints:detail", number=complaint.number)
        form.add_error(None, _("Nomor laporan atau kode rahasia tidak cocok."))
    return _render(request, "complaints/track.html", {"form": form})


@citizen_required
def my_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.complaints_of_reporter(request.user), 20).get_page(request.GET.get("page"))
    return _render(request, "complaints/my_list.html", {"page": page})


def _reporter_complaint(request: HttpRequest, number: str) -> tuple[Complaint, str]:
    complaint = selectors.complaint_by_number(number)
    if complaint is None:
        raise Http404
    secret = _session_secret(request, complaint.number)
    is_owner = request.user.is_authenticated and request.user.pk == complaint.reporter_id
    if not is_owner and secret != complaint.secret:
        raise Http404  # the same answer as an unknown number: no enumeration
    return complaint, secret


@never_cache
def detail(request: HttpRequest, number: str) -> HttpResponse:
    complaint, _secret = _reporter_complaint(request, number)
    context = {
        "complaint": complaint,
        "identity": selectors.reporter_identity(complaint, request.user),
        "attachments": complaint.attachments.all(),
        "timeline": complaint.messages.all(),
        "reply_form": ReplyForm(),
        "rate_form": RateForm(initial={"rating": str(complaint.rating) if complaint.rating else None}),
        "can_react": complaint.status == S.ANSWERED,
        "can_rate": complaint.status in (S.ANSWERED, S.CLOSED) and complaint.answered_at is not None,
    }
    return _render(request, "complaints/detail.html", context)


@require_POST
def reporter_action(request: HttpRequest, number: str, action: str) -> HttpResponse:
    complaint, secret = _reporter_complaint(request, number)
    actor = request.user if request.user.is_authenticated else None
    try:
        if action == "reply":
            services.complaint_reply(
                complaint=complaint, actor=actor, secret=secret, body=request.POST.get("body", "")
            )
            messages.success(request, _("Tanggapan Anda dikirim ke instansi."))
        elif action == "accept":
            services.complaint_accept(
                complaint=complaint,
                actor=actor,
                secret=secret,
                rating=request.POST.get("rating") or None,
                comment=request.POST.get("comment", ""),
            )
            messages.success(request, _("Terima kasih. Laporan ditutup."))
        elif action == "rate":
            services.complaint_rate(
                complaint=complaint,
                actor=actor,
                secret=secret,
                rating=request.POST.get("rating"),
                comment=request.POST.get("comment", ""),
            )
            messages.success(request, _("Terima kasih atas penilaian Anda."))
        else:
            raise Http404
    except DomainError as error:
        messages.error(request, error.message)
    return redirect("complaints:detail", number=complaint.number)


def published(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.published_complaints(), 20).get_page(request.GET.get("page"))
    return _render(request, "complaints/published.html", {"page": page})


def attachment(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(ComplaintAttachment.objects.select_related("complaint"), pk=pk)
    complaint = item.complaint
    user = request.user
    allowed = (
        (user.is_authenticated and user.pk == complaint.reporter_id)
        or _session_secret(request, complaint.number) == complaint.secret
        or is_complaint_officer(user)
        or (
            is_agency_staff(user)
            and user.agency_id == complaint.agency_id
            and complaint.routed_at is not None
            and not complaint.hides_identity
        )
    )
    if not allowed:
        raise Http404
    response = FileResponse(item.file.open("rb"), content_type=item.content_type)
    response["Content-Disposition"] = f'inline; filename="lampiran-{item.pk}.{item.extension}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- Complaint officer -------------------------------------------------------------------------


def _staff_list(request: HttpRequest, *, default_status: str, desk: bool) -> HttpResponse:
    """The complaints the user may handle in one status, 30 a page (an unknown status: the default)."""
    status = request.GET.get("status") or default_status
    if status not in S.values:
        status = default_status
    page = Paginator(selectors.complaints_for_staff(request.user, status=status), 30).get_page(
        request.GET.get("page")
    )
    return _render(
        request,
        "complaints/staff_list.html",
        {"page": page, "status": status, "statuses": S.choices, "desk": desk, "now": timezone.now()},
    )


@complaint_officer_required
def desk(request: HttpRequest) -> HttpResponse:
    return _staff_list(request, default_status=S.SUBMITTED, desk=True)


@complaint_officer_required
@require_http_methods(["GET", "POST"])
def desk_detail(request: HttpRequest, number: str) -> HttpResponse:
    complaint = selectors.complaint_for_staff(request.user, number)
    if complaint is None:
        raise Http404
    route_form = RouteForm(initial={"agency": complaint.agency})
    forward_form = NoteForm(prefix="forward")
    archive_form = NoteForm(prefix="archive")
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "route":
                route_form = RouteForm(request.POST)
                if route_form.is_valid():
                    services.complaint_route(
                        complaint=complaint,
                        actor=request.user,
                        agency=route_form.cleaned_data["agency"],
                        note=route_form.cleaned_data["note"],
                    )
                    messages.success(request, _("Laporan diteruskan ke instansi."))
                    return redirect("complaints:desk")
            elif action == "forward":
                forward_form = NoteForm(request.POST, prefix="forward")
                services.complaint_forward(
                    complaint=complaint, actor=request.user, note=request.POST.get("forward-note", "")
                )
                messages.success(request, _("Laporan diteruskan ke SP4N-LAPOR!."))
                return redirect("complaints:desk")
            elif action == "archive":
                archive_form = NoteForm(request.POST, prefix="archive")
                services.complaint_archive(
                    complaint=complaint, actor=request.user, reason=request.POST.get("archive-note", "")
                )
                messages.success(request, _("Laporan diarsipkan."))
                return redirect("complaints:desk")
        except DomainError as error:
            messages.error(request, error.message)
    context = {
        "complaint": complaint,
        "identity": selectors.reporter_identity(complaint, request.user),
        "attachments": complaint.attachments.all(),
        "timeline": complaint.messages.all(),
        "route_form": route_form,
        "forward_form": forward_form,
        "archive_form": archive_form,
        "desk": True,
    }
    return _render(request, "complaints/staff_detail.html", context)


@staff_required
@require_http_methods(["GET", "POST"])
def staff_new(request: HttpRequest) -> HttpResponse:
    """A complaint received by phone, WhatsApp, social media or at the counter, registered by staff."""
    form = ComplaintForm(request.POST or None, request.FILES or None, user=request.user, staff=True)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            complaint = services.complaint_submit(
                kind=data["kind"],
                category=data["category"],
                subject=data["subject"],
                description=data["description"],
                address=data["address"],
                reporter_name=data["reporter_name"],
                reporter_email=data["reporter_email"],
                reporter_phone=data["reporter_phone"],
                anonymous=data["anonymous"],
                confidential=data["confidential"],
                allow_publication=data["allow_publication"],
                channel=data["channel"],
                service=data["service"],
                attachments=_files(request),
                registered_by=request.user,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("Laporan %(number)s dicatat. Sampaikan kepada pelapor kode rahasianya: %(secret)s")
                % {"number": complaint.number, "secret": complaint.secret},
            )
            return redirect(
                "complaints:desk" if is_complaint_officer(request.user) else "complaints:agency_list"
            )
    return _render(request, "complaints/staff_new.html", {"form": form})


# --- Agency ----------------------------------------------------------------------------------


@agency_staff_required
def agency_list(request: HttpRequest) -> HttpResponse:
    return _staff_list(request, default_status=S.ROUTED, desk=False)


@agency_staff_required
@require_http_methods(["GET", "POST"])
def agency_detail(request: HttpRequest, number: str) -> HttpResponse:
    complaint = selectors.complaint_for_staff(request.user, number)
    if complaint is None:
        raise Http404
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.complaint_answer(
                complaint=complaint, actor=request.user, answer=form.cleaned_data["answer"]
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Jawaban terkirim ke pelapor."))
            return redirect("complaints:agency_list")
    context = {
        "complaint": complaint,
        "identity": selectors.reporter_identity(complaint, request.user),
        "attachments": [] if complaint.hides_identity else complaint.attachments.all(),
        "timeline": complaint.messages.all(),
        "answer_form": form,
        "desk": False,
    }
    return _render(request, "complaints/staff_detail.html", context)


@agency_staff_required
def agency_export(request: HttpRequest) -> HttpResponse:
    """CSV of the agency's complaints; identity only where the rules allow (never whistle-blowing)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="pengaduan.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
            _("Nomor"),
            _("Diterima"),
            _("Jenis"),
            _("Kategori"),
            _("Judul"),
            _("Status"),
            _("Batas waktu"),
            _("Pelapor"),
            _("Kontak"),
        ]
    )
    with timezone.override(work_calendar().tz):
        for complaint in selectors.complaints_for_staff(request.user):
            identity = selectors.reporter_identity(complaint, request.user)
            writer.writerow(
                [
                    complaint.number,
                    timezone.localtime(complaint.created_at).strftime("%Y-%m-%d %H:%M"),
                    complaint.get_kind_display(),
                    complaint.category.name,
                    complaint.subject,
                    complaint.get_status_display(),
                    timezone.localtime(complaint.due_at).strftime("%Y-%m-%d %H:%M")
                    if complaint.due_at
                    else "",
                    identity.name if identity else _("(dirahasiakan)"),
                    (identity.email or identity.phone) if identity else "",
                ]
            )
    return response

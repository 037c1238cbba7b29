"""Pages of the ormas register: the public register (/ormas/), the organisation account's reports
and the registering agency's overview of who is late."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.permissions import agency_staff_required, citizen_required
from mpp.errors import DomainError

from . import selectors, services
from .forms import ActivityReportForm, RegisterSearchForm, RevokeForm
from .models import ActivityReport, Organisation

PAGE_SIZE = 25


@require_GET
def register(request: HttpRequest) -> HttpResponse:
    form = RegisterSearchForm(request.GET or None)
    query = status = ""
    if form.is_valid():
        query, status = form.cleaned_data["q"], form.cleaned_data["status"]
    today = timezone.localdate()
    page = Paginator(selectors.public_register(query=query, status=status, today=today), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {"form": form, "page": page, "today": today, "query": query, "status": status}
    partial = request.headers.get("HX-Request") == "true" and not request.headers.get(
        "HX-History-Restore-Request"
    )
    template = "organisations/_register_results.html" if partial else "organisations/register.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        organisation = selectors.organisation_detail(pk)
    except Organisation.DoesNotExist as exc:
        raise Http404 from exc
    return render(request, "organisations/detail.html", {"organisation": organisation})


@citizen_required
@require_GET
def my_organisations(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    organisations = selectors.organisations_for_account(request.user)
    return render(request, "organisations/mine.html", {"organisations": organisations, "today": today})


@citizen_required
@require_http_methods(["GET", "POST"])
def report_submit(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        report = selectors.report_for_account(pk, request.user)
    except ActivityReport.DoesNotExist as exc:
        raise Http404 from exc
    if report.is_submitted:
        messages.info(request, _("Laporan periode ini sudah disampaikan."))
        return redirect("organisations:mine")
    form = ActivityReportForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.activity_report_submit(
                    report=report,
                    actor=request.user,
                    summary=form.cleaned_data["summary"],
                    activity_count=form.cleaned_data["activity_count"],
                    member_count=form.cleaned_data["member_count"],
                    funding_sources=form.cleaned_data["funding_sources"],
                    file=form.cleaned_data["document"],
                )
            except DomainError as exc:
                form.add_error("document" if exc.code.startswith("file_") else None, exc.message)
            else:
                messages.success(request, _("Laporan kegiatan terkirim. Terima kasih."))
                return redirect("organisations:mine")
        status = 400
    context = {"report": report, "form": form, "period": services.period_label(report)}
    return render(request, "organisations/report_form.html", context, status=status)


@require_GET
def report_document(request: HttpRequest, pk: int) -> FileResponse:
    if not request.user.is_authenticated:
        raise Http404
    try:
        report = selectors.report_for_viewer(pk, request.user)
    except ActivityReport.DoesNotExist as exc:
        raise Http404 from exc
    response = FileResponse(report.document.open("rb"), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="laporan-ormas-{report.pk}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@agency_staff_required
@require_GET
def staff_overview(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    agency_id = request.user.agency_id
    context = {
        "late": list(selectors.late_reports(agency_id=agency_id, today=today)[:200]),
        "organisations": list(selectors.agency_organisations(agency_id=agency_id, today=today)[:200]),
        "recent": list(selectors.recent_reports(agency_id=agency_id)),
        "today": today,
        "revoke_form": RevokeForm(),
    }
    return render(request, "organisations/staff.html", context)


@agency_staff_required
@require_POST
def staff_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        organisation = Organisation.objects.get(pk=pk, agency_id=request.user.agency_id)
    except Organisation.DoesNotExist as exc:
        raise Http404 from exc
    form = RevokeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tuliskan alasan pencabutan."))
        return redirect("organisations:staff")
    try:
        services.organisation_revoke(
            organisation=organisation, actor=request.user, reason=form.cleaned_data["reason"]
        )
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Pendaftaran %(name)s dicabut.") % {"name": organisation.name})
    return redirect("organisations:staff")

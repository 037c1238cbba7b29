"""PBG pages: the free standard design library (UNDAGI), the expert team's review queue, and the
officer's levy assessment from the formula (Estimator IMB) that becomes the SKRD."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.permissions import agency_staff_required, citizen_required, expert_required, is_citizen
from mpp.errors import DomainError
from permits.models import Application

from . import selectors, services
from .forms import AttachForm, DesignFilterForm, LevyForm, ReviewForm
from .models import HouseDesign


def _design_or_404(code: str) -> HouseDesign:
    try:
        return selectors.design_by_code(code)
    except HouseDesign.DoesNotExist as exc:
        raise Http404(_("Desain tidak ditemukan.")) from exc


@require_GET
def design_list(request: HttpRequest) -> HttpResponse:
    form = DesignFilterForm(request.GET or None)
    storeys = max_plot = None
    if form.is_valid():
        storeys, max_plot = form.cleaned_data["storeys"], form.cleaned_data["max_plot"]
    designs = list(selectors.published_designs(storeys=storeys, max_plot=max_plot))
    return render(request, "buildings/design_list.html", {"form": form, "designs": designs})


@require_GET
def design_detail(request: HttpRequest, code: str) -> HttpResponse:
    design = _design_or_404(code)
    drafts = selectors.citizen_design_drafts(request.user) if is_citizen(request.user) else []
    context = {
        "design": design,
        "drafts": drafts,
        "attach_form": AttachForm(applications=drafts) if drafts else None,
    }
    return render(request, "buildings/design_detail.html", context)


@require_GET
def design_download(request: HttpRequest, code: str) -> FileResponse:
    design = _design_or_404(code)
    response = FileResponse(design.drawing.open("rb"), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="desain-{design.code}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@citizen_required
@require_POST
def design_attach(request: HttpRequest, code: str) -> HttpResponse:
    design = _design_or_404(code)
    drafts = selectors.citizen_design_drafts(request.user)
    form = AttachForm(request.POST, applications=drafts)
    if not form.is_valid():
        messages.error(request, _("Pilih permohonan PBG Anda yang masih dapat diubah."))
        return redirect("buildings:design_detail", code=design.code)
    application = next(a for a in drafts if a.pk == form.cleaned_data["application"])
    try:
        services.design_attach(application=application, design=design, actor=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("buildings:design_detail", code=design.code)
    messages.success(request, _("Desain %(name)s dilampirkan pada permohonan Anda.") % {"name": design.name})
    return redirect("permits:edit", pk=application.pk)


@expert_required
@require_GET
def expert_queue(request: HttpRequest) -> HttpResponse:
    applications = list(selectors.expert_queue(request.user)[:200])
    return render(request, "buildings/expert_queue.html", {"applications": applications})


def _review_or_404(request: HttpRequest, pk: int) -> Application:
    try:
        return selectors.review_application(pk, request.user)
    except Application.DoesNotExist as exc:
        raise Http404 from exc


@expert_required
@require_http_methods(["GET", "POST"])
def expert_review(request: HttpRequest, pk: int) -> HttpResponse:
    application = _review_or_404(request, pk)
    steps = list(application.steps.all())
    step = next((s for s in steps if s.completed_at is None), None)
    if (
        step is None
        or step.responsible_role != "technical_team"
        or application.status != Application.Status.IN_PROCESS
    ):
        messages.info(request, _("Permohonan ini tidak sedang menunggu pemeriksaan tim ahli."))
        return redirect("buildings:expert_queue")
    form = ReviewForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.expert_review_complete(
                    application=application,
                    step_id=step.pk,
                    actor=request.user,
                    note=form.cleaned_data["note"],
                )
            except DomainError as exc:
                form.add_error("note" if exc.code == "note_required" else None, exc.message)
            else:
                messages.success(
                    request,
                    _("Hasil pemeriksaan teknis %(number)s tersimpan.")
                    % {"number": application.tracking_number},
                )
                return redirect("buildings:expert_queue")
        status = 400
    context = {
        "application": application,
        "step": step,
        "steps": steps,
        "form": form,
        "documents": list(selectors.current_documents(application)),
        "design": selectors.design_of(application),
    }
    return render(request, "buildings/expert_review.html", context, status=status)


@require_GET
def review_document(request: HttpRequest, pk: int, doc_pk: int) -> FileResponse:
    """A document of a PBG application, for the expert team of its agency."""
    user = request.user
    if not user.is_authenticated:
        raise Http404
    if user.role != "expert":
        raise PermissionDenied
    application = _review_or_404(request, pk)
    document = application.documents.filter(pk=doc_pk, is_current=True).first()
    if document is None:
        raise Http404
    response = FileResponse(document.file.open("rb"), content_type=document.content_type)
    response["Content-Disposition"] = f'attachment; filename="berkas-{document.pk}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@agency_staff_required
@require_http_methods(["GET", "POST"])
def levy_assess(request: HttpRequest, pk: int) -> HttpResponse:
    application = _review_or_404(request, pk)
    design = selectors.design_of(application)
    params = services.levy_parameters()
    if request.method == "POST":
        form = LevyForm(request.POST, params=params)
    else:
        initial = dict(LevyForm.initial_values)
        if design is not None:
            initial.update(floor_area=design.floor_area_m2, floors=design.storeys)
        form = LevyForm(initial=initial, params=params)
    status = 200
    if request.method == "POST":
        if form.is_valid() and form.result is not None:
            inputs = {name: form.cleaned_data[name] for name in form.fields}
            try:
                assessment = services.pbg_levy_assess(
                    application=application, actor=request.user, inputs=inputs
                )
            except DomainError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(
                    request,
                    _("SKRD %(number)s diterbitkan sebesar %(amount)s.")
                    % {"number": assessment.number, "amount": assessment.amount_rupiah},
                )
                return redirect("permits_staff:detail", pk=application.pk)
        status = 400
    context = {"application": application, "form": form, "design": design}
    return render(request, "buildings/levy_form.html", context, status=status)

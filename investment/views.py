"""BIGGOS pages: the investment information page and the permit finder; the NIB lookup for staff."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accounts.permissions import agency_staff_required
from services.views import fee_statement

from . import oss, selectors
from .forms import FinderForm, NibLookupForm
from .models import KbliActivity


@require_GET
def info(request: HttpRequest) -> HttpResponse:
    context = {"info": selectors.investment_info(), "sectors": list(selectors.published_sectors())}
    return render(request, "investment/info.html", context)


@require_GET
def finder(request: HttpRequest) -> HttpResponse:
    form = FinderForm(request.GET or None)
    activities: list[KbliActivity] = []
    result = None
    searched = False
    scale, zone = form.fields["scale"].initial, form.fields["zone"].initial
    if form.is_valid():
        data = dict(form.cleaned_data)
        scale, zone = data["scale"], data["zone"]
        if data["q"]:
            activities = list(selectors.search_activities(data["q"]))
            searched = True
        # The chosen activity's result, unless the visitor has since searched for something else.
        kbli = data["kbli"]
        if kbli and (not data["q"] or any(a.code == kbli for a in activities)):
            try:
                result = selectors.finder(code=kbli, scale=scale, zone=zone)
            except KbliActivity.DoesNotExist:
                form.add_error(
                    "q",
                    _("Kode KBLI %(code)s tidak ada di daftar; cari lagi dengan kata kunci.")
                    % {"code": kbli},
                )
    for step in result.steps if result else ():
        step.fee = fee_statement(step.standard)
    context = {
        "form": form,
        "activities": activities,
        "searched": searched,
        "result": result,
        "scale": scale,
        "zone": zone,
    }
    partial = request.headers.get("HX-Request") == "true" and not request.headers.get(
        "HX-History-Restore-Request"
    )
    template = "investment/_finder_results.html" if partial else "investment/finder.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@agency_staff_required
@require_GET
def nib_lookup(request: HttpRequest) -> HttpResponse:
    from permits.business import nib_error, normalise_nib

    form = NibLookupForm(request.GET or None)
    record = error = None
    looked_up = False
    if form.is_valid():
        nib = normalise_nib(form.cleaned_data["nib"])
        error = nib_error(nib)
        if not error:
            looked_up = True
            try:
                record = oss.get_nib_lookup().lookup(nib)
            except oss.NibLookupUnavailable:
                error = "unavailable"
    context = {"form": form, "record": record, "error": error, "looked_up": looked_up}
    return render(request, "investment/nib_lookup.html", context)

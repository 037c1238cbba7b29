"""Public catalogue pages: home, the searchable catalogue, a service's standard and its versions.

Views parse the query string, call selectors and render. Fee wording lives here because it is
presentation: the same standard reads "Gratis", "Rp350.000" or "Retribusi dihitung per permohonan".
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from agencies.models import Agency, Weekday
from agencies.selectors import active_announcements, agency_list, current_maklumat, office_hours
from mpp.formatting import rupiah

from .estimator import estimator_for
from .fees import LevyParameters
from .models import Service, ServiceStandard
from .selectors import (
    CatalogueFilters,
    catalogue_list,
    category_list,
    in_force_standard,
    service_detail,
    service_standard_versions,
)

PAGE_SIZE = 24


@dataclass
class FeeStatement:
    """The official fee of a standard in plain words, with its tariff lines when fixed."""

    summary: str
    kind: str
    items: list[tuple[str, str]] = field(default_factory=list)
    explanation: str = ""


def fee_statement(standard: ServiceStandard | None) -> FeeStatement | None:
    if standard is None:
        return None
    kinds = ServiceStandard.FeeKind
    if standard.fee_kind == kinds.FREE:
        return FeeStatement(summary=_("Gratis"), kind=standard.fee_kind)
    if standard.fee_kind == kinds.LEVY:
        formula = standard.get_levy_formula_display() if standard.levy_formula else ""
        return FeeStatement(
            summary=_("Retribusi dihitung per permohonan"),
            kind=standard.fee_kind,
            explanation=standard.levy_description or formula,
        )
    items = list(standard.fee_items.all())  # prefetched by the selectors
    lines = [(item.label, rupiah(item.amount)) for item in items]
    amounts = {item.amount for item in items}
    if not items:
        summary = _("Tarif tetap (rincian ditanyakan di loket)")
    elif len(amounts) == 1:
        summary = rupiah(items[0].amount) if items[0].amount else _("Gratis")
    else:
        summary = _("mulai %(amount)s") % {"amount": rupiah(min(amounts))}
    return FeeStatement(summary=summary, kind=standard.fee_kind, items=lines)


@dataclass
class ServiceRow:
    service: Service
    standard: ServiceStandard | None
    fee: FeeStatement | None


def _rows(services) -> list[ServiceRow]:
    rows = []
    for service in services:
        standard = in_force_standard(service)
        rows.append(ServiceRow(service=service, standard=standard, fee=fee_statement(standard)))
    return rows


def _agencies_by_kind(agencies) -> list[tuple[str, list[Agency]]]:
    """Local agencies first, then vertical offices, then state companies (the order of Kind)."""
    groups: dict[str, list[Agency]] = {kind: [] for kind in Agency.Kind.values}
    for agency in agencies:
        groups.setdefault(agency.kind, []).append(agency)
    return [(Agency.Kind(kind).label, members) for kind, members in groups.items() if members]


def home(request: HttpRequest) -> HttpResponse:
    hours = {row.weekday: row for row in office_hours()}
    context = {
        "categories": [c for c in category_list(with_counts=True) if c.service_count],
        "agency_groups": _agencies_by_kind(agency_list()),
        "announcements": active_announcements(),
        "maklumat": current_maklumat(agency=None),
        "office_hours": [(label, hours.get(day)) for day, label in Weekday.choices],
    }
    return render(request, "services/home.html", context)


def _parse_catalogue_query(request: HttpRequest, agencies, categories):
    """Read the catalogue's query string. Unknown values are ignored and reported, never an error."""
    notices: list[str] = []
    q = request.GET.get("q", "").strip()[:200]

    agency = request.GET.get("agency", "").strip()
    if agency and agency not in {a.slug for a in agencies}:
        notices.append(_("Filter instansi '%(value)s' tidak dikenal dan diabaikan.") % {"value": agency})
        agency = ""

    category = request.GET.get("category", "").strip()
    if category and category not in {c.slug for c in categories}:
        notices.append(_("Filter kategori '%(value)s' tidak dikenal dan diabaikan.") % {"value": category})
        category = ""

    permits = request.GET.get("izin", "").strip()
    if permits not in ("", "0", "1"):
        notices.append(_("Filter perizinan '%(value)s' tidak dikenal dan diabaikan.") % {"value": permits})
        permits = ""

    filters = CatalogueFilters(q=q, agency=agency, category=category, permits_only=permits == "1")
    return filters, notices


def _page_number(raw: str, num_pages: int, notices: list[str]) -> int:
    raw = raw.strip()
    if not raw:
        return 1
    try:
        number = int(raw)
    except ValueError:
        notices.append(_("Nomor halaman '%(value)s' tidak valid dan diabaikan.") % {"value": raw})
        return 1
    if number < 1 or number > num_pages:
        notices.append(
            _("Halaman %(value)s tidak ada; menampilkan halaman 1 dari %(pages)s.")
            % {"value": number, "pages": num_pages}
        )
        return 1
    return number


def _filter_query(filters: CatalogueFilters) -> str:
    """The valid filters as a query string, for page links (bad values are not carried over)."""
    params = {
        "q": filters.q,
        "agency": filters.agency,
        "category": filters.category,
        "izin": "1" if filters.permits_only else "",
    }
    return urlencode({key: value for key, value in params.items() if value})


def catalogue(request: HttpRequest) -> HttpResponse:
    agencies = list(agency_list())
    categories = list(category_list())
    filters, notices = _parse_catalogue_query(request, agencies, categories)
    paginator = Paginator(catalogue_list(filters=filters), PAGE_SIZE)
    page = paginator.page(_page_number(request.GET.get("page", ""), paginator.num_pages, notices))
    context = {
        "filters": filters,
        "notices": notices,
        "page": page,
        "rows": _rows(page.object_list),
        "page_range": paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1),
        "filter_query": _filter_query(filters),
        "agency_groups": _agencies_by_kind(agencies),
        "categories": categories,
        "is_filtered": bool(filters.q or filters.agency or filters.category or filters.permits_only),
    }
    # htmx asks for the results region only; a history restore (cache miss) needs the whole page.
    partial = (
        request.headers.get("HX-Request") == "true"
        and request.headers.get("HX-Target") == "results"
        and not request.headers.get("HX-History-Restore-Request")
    )
    template = "services/_catalogue_results.html" if partial else "services/catalogue.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request", "HX-Target"])
    return response


def _service_or_404(code: str) -> Service:
    try:
        return service_detail(code=code)
    except Service.DoesNotExist:
        raise Http404(_("Layanan tidak ditemukan.")) from None


def detail(request: HttpRequest, code: str) -> HttpResponse:
    service = _service_or_404(code)
    standard = in_force_standard(service)
    other_versions = [v for v in service_standard_versions(service=service) if v != standard]
    context = {
        "service": service,
        "standard": standard,
        "fee": fee_statement(standard),
        "other_versions": other_versions,
    }
    return render(request, "services/detail.html", context)


def standard_version(request: HttpRequest, code: str, version: int) -> HttpResponse:
    service = _service_or_404(code)
    try:
        standard = (
            service_standard_versions(service=service)
            .prefetch_related("requirements", "steps", "fee_items")
            .get(version=version)
        )
    except ServiceStandard.DoesNotExist:
        raise Http404(_("Versi standar pelayanan tidak ditemukan.")) from None
    context = {
        "service": service,
        "standard": standard,
        "fee": fee_statement(standard),
        "current": in_force_standard(service),
    }
    return render(request, "services/standard_version.html", context)


def fee_estimator(request: HttpRequest, code: str) -> HttpResponse:
    """Estimate a levy from the service's formula (PBG, reklame) before applying; GET, shareable.

    Only for a standard in force whose fee is a levy with a formula we can compute: any other
    service (free, fixed, "other" levies assessed by an officer) has no estimator and gets a 404.
    The city's index values come from the MPP_LEVY_PARAMETERS setting (see services/fees.py).
    """
    service = _service_or_404(code)
    standard = in_force_standard(service)
    estimator = estimator_for(standard)
    if estimator is None:
        raise Http404(_("Estimasi biaya tidak tersedia untuk layanan ini."))
    params = LevyParameters.from_overrides(getattr(settings, "MPP_LEVY_PARAMETERS", {}))
    form_class = estimator.form_class
    submitted = any(name in request.GET for name in form_class.base_fields)
    if submitted:
        form = form_class(request.GET, params=params)
    else:
        form = form_class(initial=form_class.initial_values, params=params)
    estimate = estimator.describe(form.result) if submitted and form.is_valid() else None
    context = {
        "service": service,
        "standard": standard,
        "estimator": estimator,
        "form": form,
        "submitted": submitted,
        "estimate": estimate,
    }
    return render(request, "services/fee_estimator.html", context)

"""Public pages about the agencies at the MPP: the directory and one agency's page."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from queueing.selectors import counters_for_agency

from .models import Agency
from .selectors import active_announcements, agency_detail, agency_list, current_maklumat


def _by_kind(agencies) -> list[tuple[str, list[Agency]]]:
    """Local agencies first, then vertical offices, then state companies (the order of Kind)."""
    groups: dict[str, list[Agency]] = {kind: [] for kind in Agency.Kind.values}
    for agency in agencies:
        groups.setdefault(agency.kind, []).append(agency)
    return [(Agency.Kind(kind).label, members) for kind, members in groups.items() if members]


def agency_list_view(request: HttpRequest) -> HttpResponse:
    return render(request, "agencies/list.html", {"agency_groups": _by_kind(agency_list())})


def agency_detail_view(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        agency = agency_detail(slug=slug)
    except Agency.DoesNotExist:
        raise Http404(_("Instansi tidak ditemukan.")) from None
    context = {
        "agency": agency,
        "services": agency.active_services,
        "counters": counters_for_agency(agency),
        "maklumat": current_maklumat(agency=agency),
        "announcements": active_announcements(agency=agency),
    }
    return render(request, "agencies/detail.html", context)

"""The survey form (opened by its one-time token, no login) and the public IKM page."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from agencies.models import Agency
from mpp.errors import DomainError

from . import selectors, services
from .questions import QUESTIONS


@never_cache
@require_http_methods(["GET", "POST"])
def survey(request: HttpRequest, token: str) -> HttpResponse:
    invitation = selectors.invitation_by_token(token)
    if invitation is None:
        return render(request, "surveys/invalid.html", {}, status=404)
    if invitation.used_at is not None:
        return render(request, "surveys/thanks.html", {"invitation": invitation, "already": True})
    error = ""
    chosen = {}
    if request.method == "POST":
        chosen = {q.element: request.POST.get(q.element, "") for q in QUESTIONS}
        try:
            services.survey_submit(token=token, scores=chosen, comment=request.POST.get("comment", ""))
        except DomainError as exc:
            error = exc.message
        else:
            return render(request, "surveys/thanks.html", {"invitation": invitation, "already": False})
    return render(
        request,
        "surveys/form.html",
        {
            "invitation": invitation,
            "questions": QUESTIONS,
            "error": error,
            "chosen": chosen,
            "comment": request.POST.get("comment", ""),
        },
        status=400 if error else 200,
    )


def ikm_public(request: HttpRequest) -> HttpResponse:
    period = selectors.parse_period(
        request.GET.get("periode"), request.GET.get("tahun"), request.GET.get("ke")
    )
    agencies = list(Agency.objects.filter(is_active=True).order_by("name"))
    by_agency = selectors.ikm_by(period, "agency")
    rows = [(agency, by_agency.get(agency.pk)) for agency in agencies]
    actions = list(selectors.followups())
    mpp = selectors.ikm_mpp(period)
    context = {
        "period": period,
        "period_kinds": selectors.PERIOD_KINDS,
        # Not "mpp": that is the mall's profile, which the header and footer show.
        "mpp_ikm": mpp,
        "elements": list(zip(QUESTIONS, mpp.nrr, strict=True)) if mpp else [],
        "rows": rows,
        "questions": QUESTIONS,
        "actions": actions,
        "done_count": sum(1 for a in actions if a.done_at),
        "title": _("Indeks Kepuasan Masyarakat"),
    }
    return render(request, "surveys/ikm.html", context)

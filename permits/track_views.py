"""Public tracking: anyone with the tracking number and the secret printed on the receipt sees the
status, the public timeline and the expected date. No login.

- No enumeration: an unknown number and a wrong secret give the same message (and the selector
  takes the same time for both).
- Rate-limited per client IP (``mpp.ratelimit.client_ip``) in the cache (``MPP_TRACK_RATE_LIMIT`` lookups per
  ``MPP_TRACK_RATE_WINDOW`` seconds, default 10 per 10 minutes): over the limit, HTTP 429.
- Never shows the applicant's name, NIK or documents.
- ``GET ?nomor=&kode=`` (the link and QR code on the receipt) looks up directly; the response is
  not cached and sends no referrer to other sites, since the URL carries the secret
  ("same-origin", not "no-referrer": with no referrer at all the browser sends ``Origin: null``
  on the form's POST and Django's CSRF check refuses it).
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from mpp import ratelimit

from . import selectors
from .forms import TrackForm
from .transitions import ApplicationStatus
from .views import STATUS_EXPLANATIONS, expected_date, long_datetime, render_in_mpp_time

DEFAULT_RATE_LIMIT = 10
DEFAULT_RATE_WINDOW = 600  # seconds


def rate_limit() -> tuple[int, int]:
    return (
        getattr(settings, "MPP_TRACK_RATE_LIMIT", DEFAULT_RATE_LIMIT),
        getattr(settings, "MPP_TRACK_RATE_WINDOW", DEFAULT_RATE_WINDOW),
    )


def over_limit(request: HttpRequest) -> bool:
    """Count this lookup for the client's IP (fixed window) and say whether it is over the limit."""
    limit, window = rate_limit()
    return ratelimit.over_limit(request, scope="track", limit=limit, window=window)


def _same_origin_referrer(response: HttpResponse) -> HttpResponse:
    response["Referrer-Policy"] = "same-origin"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def lookup(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = TrackForm(request.POST)
    elif request.GET.get("nomor") and request.GET.get("kode"):
        form = TrackForm(request.GET)
    else:
        form = TrackForm(initial={"nomor": request.GET.get("nomor", "")[:40]})
    application = None
    if form.is_bound and form.is_valid():
        if over_limit(request):
            window = rate_limit()[1]
            response = render_in_mpp_time(
                request, "permits/track/too_many.html", {"minutes": max(window // 60, 1)}, status=429
            )
            response["Retry-After"] = str(window)
            return _same_origin_referrer(response)
        application = selectors.track_lookup(form.cleaned_data["nomor"], form.cleaned_data["kode"])
        if application is None:
            form.add_error(None, _("Nomor permohonan atau kode rahasia tidak cocok."))
    context = {"form": form, "application": application}
    if application is not None:
        context.update(
            {
                "status_explanation": STATUS_EXPLANATIONS[ApplicationStatus(application.status)],
                "expected": expected_date(application),
                "timeline": selectors.application_timeline(application, public=True),
                "submitted_text": long_datetime(application.submitted_at),
            }
        )
    return _same_origin_referrer(render_in_mpp_time(request, "permits/track/lookup.html", context))

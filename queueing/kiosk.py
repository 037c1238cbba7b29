"""The kiosk's lean issue endpoint: POST /antrian/kios/terbitkan/ (JSON answer, 201).

The kiosk issues hundreds of tickets a second at peak (issue 6), so this path is a plain Django
view, not DRF: no content negotiation, serializer or authentication classes. It needs no session
or user (the kiosk is public and anonymous), so it touches neither; it is exempt from CSRF for the
same reason DRF exempts unauthenticated requests (no cookie carries any authority here). What it
keeps: the per-address rate limit, the same service (``services.ticket_issue``: numbered under a
row lock, unique by constraint, a history row), and the same answer as the API
(``api.ticket_payload``), with errors as ``{"detail", "code"}`` like the API's.

Per ticket it costs one cache round trip (the rate-limit count, the configuration version and the
working calendar's stamp, pipelined), the queue row and the calendar from this process's copies,
and the service's SQL.
``POST /api/v1/queue/tickets/`` stays for apps (documented in the OpenAPI schema), calling the
same service.
"""

from __future__ import annotations

import json

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from agencies.selectors import CALENDAR_STAMP_KEY, work_calendar
from mpp.cache import hit_and_get
from mpp.errors import DomainError
from mpp.ratelimit import limit_key

from . import selectors, services
from .api import ticket_payload


def _error(detail: str, code: str, status: int) -> JsonResponse:
    return JsonResponse({"detail": detail, "code": code}, status=status)


def _body(request: HttpRequest) -> dict | None:
    """The request's fields, or None when a JSON body is not a JSON object."""
    if request.content_type == "application/json":
        try:
            data = json.loads(request.body or b"{}")
        except ValueError:
            return None
        return data if isinstance(data, dict) else None
    return request.POST.dict()


@csrf_exempt
@require_POST
def kiosk_issue(request: HttpRequest) -> JsonResponse:
    """Issue a walk-in ticket: ``queue`` (prefix), optional ``priority_reason`` and ``service``
    (a service code the queue serves); JSON or form-encoded."""
    count, (version, calendar_stamp) = hit_and_get(
        limit_key(request, "queue-issue"),  # the same count as the page and the API
        settings.MPP_QUEUE_ISSUE_RATE_WINDOW,
        selectors.CONFIG_VERSION_KEY,
        CALENDAR_STAMP_KEY,
    )
    if count > settings.MPP_QUEUE_ISSUE_RATE_LIMIT:
        return _error(
            _("Terlalu banyak permintaan dari perangkat ini. Coba lagi sebentar lagi."), "throttled", 429
        )
    data = _body(request)
    if data is None:
        return _error(
            _("Permintaan tidak dapat dibaca: kirim objek JSON atau isian formulir."), "bad_request", 400
        )
    queue = selectors.active_queue_by_prefix(str(data.get("queue", ""))[:2], version=version)
    if queue is None:
        return _error(_("Antrian tidak ditemukan."), "queue_not_found", 400)
    service = None
    if data.get("service"):
        service = queue.services.filter(code=str(data["service"])[:50]).first()
        if service is None:
            return _error(
                _("Layanan ini tidak dilayani di antrian %(queue)s.") % {"queue": queue.name},
                "bad_service",
                400,
            )
    try:
        ticket = services.ticket_issue(
            queue=queue,
            service=service,
            priority_reason=str(data.get("priority_reason") or ""),
            calendar=work_calendar(stamp=calendar_stamp),  # this process's copy
        )
    except DomainError as exc:
        return _error(exc.message, exc.code, exc.status_code)
    return JsonResponse(ticket_payload(ticket), status=201)

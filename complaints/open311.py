"""Open311 GeoReport v2, JSON only, at /open311/v2/ (http://wiki.open311.org/GeoReport_v2/).

- ``GET services.json``: complaint categories as services (``type`` "realtime": the id is
  returned at once; ``metadata`` false: no extra attributes).
- ``POST requests.json``: file a complaint (form-encoded, per the spec; JSON accepted too). With
  ``MPP_OPEN311_API_KEYS`` set, ``api_key`` must be one of them.
- ``GET requests.json`` and ``GET requests/{id}.json``: status (``open``/``closed``),
  ``agency_responsible``, ``expected_datetime`` = the current stage deadline.

Field names, the W3C date-time format with offset, and the error body (a list of
``{"code", "description"}`` with the HTTP status) follow the specification. Nothing personal is
ever returned: confidential and whistle-blowing reports are not listed at all, and a description
appears only when the reporter allowed publication.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from mpp import ratelimit
from mpp.errors import DomainError

from . import selectors, services
from .models import Complaint, ComplaintStatus

S = ComplaintStatus
CLOSED = (S.CLOSED, S.FORWARDED, S.ARCHIVED)
MAX_LIST = 1000  # the spec's suggested default cap of a request list

ErrorSerializer = inline_serializer(
    "Open311Error", {"code": serializers.IntegerField(), "description": serializers.CharField()}, many=True
)
ServiceSerializer = inline_serializer(
    "Open311Service",
    {
        "service_code": serializers.CharField(),
        "service_name": serializers.CharField(),
        "description": serializers.CharField(),
        "metadata": serializers.BooleanField(),
        "type": serializers.CharField(),
        "keywords": serializers.CharField(),
        "group": serializers.CharField(),
    },
    many=True,
)
RequestSerializer = inline_serializer(
    "Open311ServiceRequest",
    {
        "service_request_id": serializers.CharField(),
        "status": serializers.ChoiceField(choices=["open", "closed"]),
        "status_notes": serializers.CharField(allow_null=True),
        "service_name": serializers.CharField(),
        "service_code": serializers.CharField(),
        "description": serializers.CharField(allow_null=True),
        "agency_responsible": serializers.CharField(allow_null=True),
        "service_notice": serializers.CharField(allow_null=True),
        "requested_datetime": serializers.DateTimeField(),
        "updated_datetime": serializers.DateTimeField(),
        "expected_datetime": serializers.DateTimeField(allow_null=True),
        "address": serializers.CharField(allow_null=True),
        "address_id": serializers.CharField(allow_null=True),
        "zipcode": serializers.CharField(allow_null=True),
        "lat": serializers.FloatField(allow_null=True),
        "long": serializers.FloatField(allow_null=True),
        "media_url": serializers.CharField(allow_null=True),
    },
    many=True,
)
PostRequestSerializer = inline_serializer(
    "Open311PostRequest",
    {
        "api_key": serializers.CharField(required=False),
        "service_code": serializers.CharField(),
        "lat": serializers.FloatField(required=False),
        "long": serializers.FloatField(required=False),
        "address_string": serializers.CharField(required=False),
        "email": serializers.EmailField(required=False),
        "first_name": serializers.CharField(required=False),
        "last_name": serializers.CharField(required=False),
        "phone": serializers.CharField(required=False),
        "description": serializers.CharField(),
    },
)
PostResponseSerializer = inline_serializer(
    "Open311PostResponse",
    {
        "service_request_id": serializers.CharField(),
        "service_notice": serializers.CharField(),
        "account_id": serializers.CharField(allow_null=True),
    },
    many=True,
)


def error(code: int, description: str) -> Response:
    return Response([{"code": code, "description": description}], status=code)


def w3c(value: datetime | None) -> str | None:
    """ISO 8601 with the MPP's offset, e.g. 2026-03-30T14:00:00+07:00."""
    if value is None:
        return None
    return timezone.localtime(value).isoformat(timespec="seconds")


def request_dict(complaint: Complaint) -> dict:
    closed = complaint.status in CLOSED
    notes = complaint.get_status_display()
    if complaint.status == S.FORWARDED and complaint.lapor_reference:
        notes = f"{notes} (SP4N-LAPOR! {complaint.lapor_reference})"
    public_text = complaint.allow_publication and not complaint.hides_identity
    return {
        "service_request_id": complaint.number,
        "status": "closed" if closed else "open",
        "status_notes": notes,
        "service_name": complaint.category.name,
        "service_code": complaint.category.code,
        "description": complaint.description if public_text else None,
        "agency_responsible": complaint.agency.name if complaint.agency_id else None,
        "service_notice": None,
        "requested_datetime": w3c(complaint.created_at),
        "updated_datetime": w3c(complaint.updated_at),
        "expected_datetime": None if closed else w3c(complaint.due_at),
        "address": complaint.address or None,
        "address_id": None,
        "zipcode": None,
        "lat": float(complaint.lat) if complaint.lat is not None else None,
        "long": float(complaint.long) if complaint.long is not None else None,
        "media_url": None,
    }


class _Open311View(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]

    def handle_exception(self, exc):
        if isinstance(exc, DomainError):
            return error(exc.status_code, exc.message)
        response = super().handle_exception(exc)
        detail = response.data.get("detail") if isinstance(response.data, dict) else None
        return error(response.status_code, str(detail or response.data))


class ServicesView(_Open311View):
    @extend_schema(operation_id="open311_services", responses={200: ServiceSerializer}, tags=["open311"])
    def get(self, request):
        english = getattr(request, "LANGUAGE_CODE", "id") == "en"
        return Response(
            [
                {
                    "service_code": c.code,
                    "service_name": c.name_en if english and c.name_en else c.name,
                    "description": c.description,
                    "metadata": False,
                    "type": "realtime",
                    "keywords": "",
                    "group": c.group,
                }
                for c in selectors.categories()
            ]
        )


def _coordinate(value, limit: int, name: str) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        number = None
    if number is None or not -limit <= number <= limit:
        raise DomainError(_("%(name)s tidak valid.") % {"name": name}, code="coordinate")
    return number.quantize(Decimal("0.000001"))


class RequestsView(_Open311View):
    @extend_schema(
        operation_id="open311_requests_list",
        parameters=[
            OpenApiParameter("service_request_id", str, description="Comma-separated ids"),
            OpenApiParameter("service_code", str),
            OpenApiParameter("start_date", str),
            OpenApiParameter("end_date", str),
            OpenApiParameter("status", str, enum=["open", "closed"]),
        ],
        responses={200: RequestSerializer, 400: ErrorSerializer},
        tags=["open311"],
    )
    def get(self, request):
        qs = selectors.open311_requests()
        params = request.query_params
        if params.get("service_request_id"):
            ids = [i.strip().upper() for i in params["service_request_id"].split(",") if i.strip()]
            qs = qs.filter(number__in=ids)
        else:
            if params.get("service_code"):
                qs = qs.filter(category__code__in=[c.strip() for c in params["service_code"].split(",")])
            for name, lookup in (("start_date", "created_at__gte"), ("end_date", "created_at__lte")):
                if params.get(name):
                    moment = parse_datetime(params[name])
                    if moment is None:
                        return error(
                            400,
                            _("%(name)s harus berformat W3C, mis. 2026-03-01T00:00:00+07:00.")
                            % {"name": name},
                        )
                    qs = qs.filter(**{lookup: moment})
            status_param = params.get("status")
            if status_param == "open":
                qs = qs.exclude(status__in=CLOSED)
            elif status_param == "closed":
                qs = qs.filter(status__in=CLOSED)
            elif status_param:
                return error(400, _("status harus open atau closed."))
        return Response([request_dict(c) for c in qs.order_by("-created_at")[:MAX_LIST]])

    @extend_schema(
        operation_id="open311_requests_create",
        request=PostRequestSerializer,
        responses={
            201: PostResponseSerializer,
            400: ErrorSerializer,
            403: ErrorSerializer,
            429: ErrorSerializer,
        },
        tags=["open311"],
    )
    def post(self, request):
        data = request.data
        keys = [k for k in settings.MPP_OPEN311_API_KEYS if k]
        if keys and data.get("api_key") not in keys:
            return error(403, _("api_key tidak valid."))
        if ratelimit.over_limit(
            request,
            scope="open311",
            limit=settings.MPP_COMPLAINT_RATE_LIMIT,
            window=settings.MPP_COMPLAINT_RATE_WINDOW,
        ):
            return error(429, _("Terlalu banyak laporan dari alamat ini. Coba lagi nanti."))
        code = (data.get("service_code") or "").strip()
        category = selectors.categories().filter(code=code).first() if code else None
        if category is None:
            return error(400, _("service_code tidak dikenal: %(code)s") % {"code": code or "-"})
        lat = _coordinate(data.get("lat"), 90, "lat")
        long = _coordinate(data.get("long"), 180, "long")
        address = (data.get("address_string") or "").strip()
        if (lat is None or long is None) and not address:
            return error(400, _("Lokasi wajib: lat dan long, atau address_string."))
        description = (data.get("description") or "").strip()
        name = " ".join(
            p for p in ((data.get("first_name") or "").strip(), (data.get("last_name") or "").strip()) if p
        )
        email, phone = (data.get("email") or "").strip(), (data.get("phone") or "").strip()
        anonymous = not (name and (email or phone))
        complaint = services.complaint_submit(
            kind=Complaint.Kind.COMPLAINT,
            category=category,
            subject=description[:80] or category.name,
            description=description,
            reporter_name=name if not anonymous else "",
            reporter_email=email if not anonymous else "",
            reporter_phone=phone if not anonymous else "",
            anonymous=anonymous,
            channel=Complaint.Channel.OPEN311,
            address=address,
            lat=lat,
            long=long,
        )
        notice = _(
            "Laporan diterima. Kode rahasia untuk melacak di situs: %(secret)s. Diverifikasi paling lambat %(due)s."
        ) % {"secret": complaint.secret, "due": w3c(complaint.due_at)}
        return Response(
            [{"service_request_id": complaint.number, "service_notice": notice, "account_id": None}],
            status=201,
        )


class RequestDetailView(_Open311View):
    @extend_schema(
        operation_id="open311_request_detail",
        responses={200: RequestSerializer, 404: ErrorSerializer},
        tags=["open311"],
    )
    def get(self, request, request_id: str):
        complaint = selectors.open311_requests().filter(number=request_id.upper()).first()
        if complaint is None:
            return error(404, _("service_request_id tidak ditemukan: %(id)s") % {"id": request_id})
        return Response([request_dict(complaint)])

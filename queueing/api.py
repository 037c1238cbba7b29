"""The queue API (/api/v1/queue/...) for kiosks, boards and apps. Each endpoint calls one service
or selector; domain errors become 400/409 through mpp.api.exception_handler.

- Kiosk (public, rate-limited per address): issue a ticket, check in a booking.
- Anyone holding a ticket's token: its status (position, estimated wait).
- Board (public): the snapshot, cached per version, with an ETag.
- Counter actions: officers and supervisors of the counter's agency only (403 otherwise).
- Availability (public): places left per session for a service.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound, PermissionDenied, Throttled, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import IsAgencyStaff
from agencies.selectors import work_calendar
from mpp.api import NOT_FOUND_RESPONSE
from mpp.errors import DomainError
from mpp.ratelimit import over_limit
from services.models import Service

from . import selectors, services
from .models import Counter, PriorityReason, Queue, Ticket, TicketSource, TicketStatus


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()
    code = serializers.CharField()


ERRORS = {
    400: OpenApiResponse(ErrorSerializer, description="Permintaan ditolak (aturan antrian)."),
    409: OpenApiResponse(ErrorSerializer, description="Bentrok: status berubah atau kuota habis."),
}


class TicketSerializer(serializers.Serializer):
    """The schema of a ticket answer; the answer itself is built by ``ticket_payload`` (a kiosk
    answers hundreds a second, and a ModelSerializer spends milliseconds building its fields)."""

    id = serializers.IntegerField()
    code = serializers.CharField()
    token = serializers.CharField(help_text="Opens the ticket's status (printed as the QR code).")
    status = serializers.ChoiceField(choices=TicketStatus.choices)
    day = serializers.DateField()
    queue = serializers.CharField(help_text="The queue's prefix.")
    queue_name = serializers.CharField()
    service = serializers.CharField(allow_null=True)
    priority_reason = serializers.ChoiceField(choices=PriorityReason.choices)
    source = serializers.ChoiceField(choices=TicketSource.choices)
    counter = serializers.IntegerField(allow_null=True)
    queued_at = serializers.DateTimeField()
    called_at = serializers.DateTimeField(allow_null=True)
    ahead = serializers.IntegerField()
    estimated_wait_minutes = serializers.IntegerField()


def ticket_payload(ticket: Ticket) -> dict:
    position = selectors.ticket_position(ticket)
    return {
        "id": ticket.pk,
        "code": ticket.code,
        "token": ticket.token,
        "status": ticket.status,
        "day": ticket.day.isoformat(),
        "queue": ticket.queue.prefix,
        "queue_name": ticket.queue.name,
        "service": ticket.service.name if ticket.service_id else None,
        "priority_reason": ticket.priority_reason,
        "source": ticket.source,
        "counter": ticket.counter.number if ticket.counter_id else None,
        "queued_at": ticket.queued_at.isoformat(),
        "called_at": ticket.called_at.isoformat() if ticket.called_at else None,
        "ahead": position.ahead,
        "estimated_wait_minutes": position.wait_minutes,
    }


class IssueSerializer(serializers.Serializer):
    queue = serializers.CharField(max_length=2, help_text="The queue's prefix, e.g. A.")
    service = serializers.CharField(required=False, help_text="A service code the queue serves.")
    priority_reason = serializers.ChoiceField(choices=PriorityReason.choices, required=False, default="")


class CheckInSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=10)


def _kiosk_limit(request) -> None:
    if over_limit(
        request,
        scope="queue-issue",
        limit=settings.MPP_QUEUE_ISSUE_RATE_LIMIT,
        window=settings.MPP_QUEUE_ISSUE_RATE_WINDOW,
    ):
        raise Throttled(detail=_("Terlalu banyak permintaan dari perangkat ini. Coba lagi sebentar lagi."))


class TicketIssueView(APIView):
    """Issue a walk-in ticket (the kiosk)."""

    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="queue_ticket_issue",
        request=IssueSerializer,
        responses={201: TicketSerializer, **ERRORS, 429: ErrorSerializer},
        tags=["queue"],
    )
    def post(self, request):
        _kiosk_limit(request)
        data = IssueSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        queue = selectors.active_queue_by_prefix(data.validated_data["queue"])
        if queue is None:
            raise ValidationError({"queue": [_("Antrian tidak ditemukan.")]})
        service = None
        if data.validated_data.get("service"):
            service = Service.objects.filter(code=data.validated_data["service"]).first()
            if service is None:
                raise ValidationError({"service": [_("Layanan tidak ditemukan.")]})
        ticket = services.ticket_issue(
            queue=queue, service=service, priority_reason=data.validated_data["priority_reason"]
        )
        return Response(ticket_payload(ticket), status=status.HTTP_201_CREATED)


class CheckInView(APIView):
    """Check in an online booking by its code (the kiosk's QR scanner or keyboard)."""

    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="queue_booking_check_in",
        request=CheckInSerializer,
        responses={201: TicketSerializer, **ERRORS, 429: ErrorSerializer},
        tags=["queue"],
    )
    def post(self, request):
        _kiosk_limit(request)
        data = CheckInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        ticket = services.booking_check_in(code=data.validated_data["code"])
        return Response(ticket_payload(ticket), status=status.HTTP_201_CREATED)


class TicketStatusView(APIView):
    """A ticket's status, position and estimated wait; the token is printed on the ticket's QR."""

    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="queue_ticket_status",
        responses={200: TicketSerializer, 404: NOT_FOUND_RESPONSE},
        tags=["queue"],
    )
    def get(self, request, token: str):
        ticket = selectors.ticket_by_token(token)
        if ticket is None:
            raise NotFound(_("Tiket tidak ditemukan."))
        return Response(ticket_payload(ticket))


BoardSerializer = inline_serializer(
    "QueueBoard",
    fields={
        "version": serializers.IntegerField(),
        "day": serializers.DateField(),
        "generated_at": serializers.DateTimeField(),
        "counters": inline_serializer(
            "QueueBoardCounter",
            fields={
                "number": serializers.IntegerField(),
                "label": serializers.CharField(),
                "agency": serializers.CharField(),
                "status": serializers.CharField(),
                "status_label": serializers.CharField(),
                "ticket": serializers.CharField(allow_null=True),
            },
            many=True,
        ),
        "calls": inline_serializer(
            "QueueBoardCall",
            fields={
                "id": serializers.CharField(),
                "code": serializers.CharField(),
                "counter": serializers.IntegerField(),
                "called_at": serializers.DateTimeField(),
                "spoken": serializers.CharField(),
            },
            many=True,
        ),
        "waiting": serializers.DictField(child=serializers.IntegerField()),
        "announcements": inline_serializer(
            "QueueBoardAnnouncement",
            fields={"title": serializers.CharField(), "body": serializers.CharField()},
            many=True,
        ),
    },
)


class BoardView(APIView):
    """The display board's snapshot: counters with their status and ticket, the last calls (each
    call and recall has its own id, for the voice), waiting counts per queue and announcements.
    Cached per version for ``MPP_QUEUE_BOARD_TTL`` seconds; ``If-None-Match`` gives a 304."""

    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(operation_id="queue_board", responses={200: BoardSerializer, 304: None}, tags=["queue"])
    def get(self, request):
        version, body = selectors.board_snapshot_json()
        etag = f'"board-{version}"'
        if request.headers.get("If-None-Match") == etag:
            response = HttpResponse(status=304)
        else:
            response = HttpResponse(body, content_type="application/json")
        response["ETag"] = etag
        response["Cache-Control"] = "no-cache"
        return response


class CounterActionSerializer(serializers.Serializer):
    ticket = serializers.IntegerField(
        required=False, help_text="The ticket at the counter (not for call-next)."
    )
    to_queue = serializers.SlugRelatedField(
        slug_field="prefix", queryset=Queue.objects.filter(is_active=True), required=False
    )
    to_counter = serializers.SlugRelatedField(
        slug_field="number", queryset=Counter.objects.filter(is_active=True), required=False
    )


CounterStatusSerializer = inline_serializer(
    "QueueCounterStatus",
    fields={"number": serializers.IntegerField(), "status": serializers.CharField()},
)

COUNTER_ACTIONS = {
    "call-next": services.ticket_call_next,
    "recall": services.ticket_recall,
    "start": services.ticket_start,
    "finish": services.ticket_finish,
    "no-show": services.ticket_no_show,
    "transfer": services.ticket_transfer,
}
COUNTER_STATUS_ACTIONS = {"open": "open", "break": "break", "close": "closed"}


class CounterActionView(APIView):
    """A counter action: call-next (204 when nobody waits), recall, start, finish, no-show,
    transfer (with ``to_queue`` or ``to_counter``), or open / break / close the counter."""

    permission_classes = [IsAgencyStaff]

    @extend_schema(
        operation_id="queue_counter_action",
        parameters=[
            OpenApiParameter(
                "action",
                str,
                OpenApiParameter.PATH,
                enum=[*COUNTER_ACTIONS, *COUNTER_STATUS_ACTIONS],
            )
        ],
        request=CounterActionSerializer,
        responses={
            200: TicketSerializer,
            202: CounterStatusSerializer,
            204: None,
            **ERRORS,
            403: ErrorSerializer,
            404: NOT_FOUND_RESPONSE,
        },
        tags=["queue"],
    )
    def post(self, request, pk: int, action: str):
        counter = get_object_or_404(Counter, pk=pk, is_active=True)
        if request.user.agency_id != counter.agency_id:
            raise PermissionDenied(_("Loket ini milik instansi lain."))
        if action in COUNTER_STATUS_ACTIONS:
            counter = services.counter_set_status(
                counter=counter, actor=request.user, status=COUNTER_STATUS_ACTIONS[action]
            )
            return Response(
                {"number": counter.number, "status": counter.status}, status=status.HTTP_202_ACCEPTED
            )
        if action not in COUNTER_ACTIONS:
            raise NotFound(_("Aksi tidak dikenal."))
        if action == "call-next":
            ticket = services.ticket_call_next(counter=counter, actor=request.user)
            if ticket is None:
                return Response(status=status.HTTP_204_NO_CONTENT)
            return Response(ticket_payload(ticket))
        data = CounterActionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        if "ticket" not in data.validated_data:
            raise ValidationError({"ticket": [_("Wajib diisi.")]})
        ticket = Ticket.objects.filter(pk=data.validated_data["ticket"], counter=counter).first()
        if ticket is None:
            raise NotFound(_("Tiket ini tidak sedang di loket ini."))
        kwargs = {}
        if action == "transfer":
            kwargs = {
                "to_queue": data.validated_data.get("to_queue"),
                "to_counter": data.validated_data.get("to_counter"),
            }
        ticket = COUNTER_ACTIONS[action](ticket=ticket, counter=counter, actor=request.user, **kwargs)
        return Response(ticket_payload(ticket))


AvailabilitySerializer = inline_serializer(
    "QueueAvailabilityDay",
    fields={
        "day": serializers.DateField(),
        "is_open": serializers.BooleanField(),
        "booking_opens_on": serializers.DateField(allow_null=True),
        "left": serializers.IntegerField(),
        "slots": inline_serializer(
            "QueueAvailabilitySlot",
            fields={
                "starts_at": serializers.TimeField(),
                "ends_at": serializers.TimeField(),
                "left": serializers.IntegerField(),
                "quota": serializers.IntegerField(),
            },
            many=True,
        ),
    },
    many=True,
)


class AvailabilityView(APIView):
    """Places left per session for a service, for up to 31 days from ``from`` (default today)."""

    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="queue_availability",
        parameters=[
            OpenApiParameter("service", str, required=True, description="Service code, e.g. KTP-EL."),
            OpenApiParameter("from", dt.date, required=False),
            OpenApiParameter("days", int, required=False, description="1-31, default 7."),
        ],
        responses={200: AvailabilitySerializer, 400: ErrorSerializer, 404: NOT_FOUND_RESPONSE},
        tags=["queue"],
    )
    def get(self, request):
        service = Service.objects.filter(code=request.query_params.get("service", ""), is_active=True).first()
        if service is None:
            raise NotFound(_("Layanan tidak ditemukan."))
        try:
            start = (
                dt.date.fromisoformat(request.query_params["from"])
                if "from" in request.query_params
                else None
            )
            days = int(request.query_params.get("days", 7))
        except ValueError as exc:
            raise DomainError(
                _("Tanggal (YYYY-MM-DD) atau jumlah hari tidak sah."), code="bad_query"
            ) from exc
        if not 1 <= days <= 31:
            raise DomainError(_("Jumlah hari harus 1 sampai 31."), code="bad_query")
        from django.utils import timezone

        start = start or timezone.now().astimezone(work_calendar().tz).date()
        result = selectors.availability(service=service, start=start, days=days)
        return Response(
            [
                {
                    "day": d.day,
                    "is_open": d.is_open,
                    "booking_opens_on": d.opens_on,
                    "left": d.left,
                    "slots": [
                        {"starts_at": s.starts_at, "ends_at": s.ends_at, "left": s.left, "quota": s.quota}
                        for s in d.slots
                    ],
                }
                for d in result
            ]
        )

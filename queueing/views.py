"""The queue's pages: the public kiosk, ticket status, TV board and availability calendar; the
citizen's bookings; the counter page for officers. Each action calls one service; a refused
action (DomainError) becomes a message and changes nothing."""

from __future__ import annotations

import segno
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.permissions import role_required
from agencies.selectors import work_calendar
from mpp.errors import DomainError
from mpp.ratelimit import over_limit
from surveys import selectors as survey_selectors

from . import selectors, services
from .forms import BookingForm, CheckInForm, IssueForm, TransferForm
from .models import Booking, BookingStatus, Counter, CounterStatus, PriorityReason, Ticket, TicketStatus


def _today():
    return timezone.now().astimezone(work_calendar().tz).date()


# --- kiosk ---------------------------------------------------------------------------------------


def kiosk(request: HttpRequest) -> HttpResponse:
    """Touch kiosk: pick a queue (and priority), get a ticket; or check in a booking."""
    queues = list(selectors.active_queues())
    issue_form = IssueForm(queues=queues)
    checkin_form = CheckInForm()
    if request.method == "POST":
        if over_limit(
            request,
            scope="queue-issue",
            limit=settings.MPP_QUEUE_ISSUE_RATE_LIMIT,
            window=settings.MPP_QUEUE_ISSUE_RATE_WINDOW,
        ):
            messages.error(
                request, _("Terlalu banyak permintaan dari perangkat ini. Coba lagi sebentar lagi.")
            )
            return redirect("queueing:kiosk")
        try:
            if request.POST.get("step") == "checkin":
                checkin_form = CheckInForm(request.POST)
                if checkin_form.is_valid():
                    ticket = services.booking_check_in(code=checkin_form.cleaned_data["code"])
                    return redirect("queueing:kiosk_ticket", ticket.token)
            else:
                issue_form = IssueForm(request.POST, queues=queues)
                if issue_form.is_valid():
                    ticket = services.ticket_issue(
                        queue=issue_form.cleaned_data["queue"],
                        priority_reason=issue_form.cleaned_data["priority_reason"],
                    )
                    return redirect("queueing:kiosk_ticket", ticket.token)
        except DomainError as exc:
            messages.error(request, exc.message)
    waiting = selectors.waiting_counts(queues)
    return render(
        request,
        "queueing/kiosk.html",
        {
            "queues": [(q, waiting.get(q.pk, 0)) for q in queues],
            "issue_form": issue_form,
            "checkin_form": checkin_form,
            "priority_reasons": [c for c in PriorityReason.choices if c[0]],
        },
    )


def _ticket_or_404(token: str) -> Ticket:
    ticket = selectors.ticket_by_token(token)
    if ticket is None:
        raise Http404(_("Tiket tidak ditemukan."))
    return ticket


def kiosk_ticket(request: HttpRequest, token: str) -> HttpResponse:
    """The issued ticket, laid out for a 58 mm or 80 mm thermal printer (browser printing)."""
    ticket = _ticket_or_404(token)
    position = selectors.ticket_position(ticket)
    status_url = request.build_absolute_uri(reverse("queueing:ticket_status", args=[ticket.token]))
    qr = segno.make(status_url, error="m").svg_inline(scale=3, border=2)
    paper = request.GET.get("kertas", "80")
    return render(
        request,
        "queueing/kiosk_ticket.html",
        {"ticket": ticket, "position": position, "qr": qr, "paper": "58" if paper == "58" else "80"},
    )


def ticket_status(request: HttpRequest, token: str) -> HttpResponse:
    """The visitor's phone: live position and estimated wait (refreshed by htmx)."""
    ticket = _ticket_or_404(token)
    context = {"ticket": ticket, "position": selectors.ticket_position(ticket)}
    if ticket.status == TicketStatus.DONE:
        context["survey"] = survey_selectors.open_invitation_for(
            subject_kind="queue_ticket", subject_id=ticket.pk
        )
    if request.headers.get("HX-Request"):
        return render(request, "queueing/_ticket_status.html", context)
    return render(request, "queueing/ticket_status.html", context)


# --- board ---------------------------------------------------------------------------------------


def board(request: HttpRequest) -> HttpResponse:
    """The TV display board; the page polls the snapshot API and speaks each new call."""
    _version, body = selectors.board_snapshot_json()
    return render(
        request,
        "queueing/board.html",
        {"snapshot": body.decode(), "snapshot_url": reverse("api:queue-board")},
    )


# --- availability and bookings -------------------------------------------------------------------


def availability(request: HttpRequest) -> HttpResponse:
    """Public calendar, no login: sessions left per day for a service, closed days, when quota
    opens, other services with room; and the counters' live status."""
    services_list = list(selectors.services_with_queue())
    service = None
    code = request.GET.get("layanan", "")
    if code:
        service = next((s for s in services_list if s.code == code), None)
    days = []
    alternatives = []
    nearest = None
    if service is not None:
        days = selectors.availability(service=service, start=_today(), days=14)
        nearest = next((d for d in days if d.left > 0), None)
        alternatives = selectors.other_services_with_room(service=service, day=nearest.day) if nearest else []
    counters = Counter.objects.filter(is_active=True).select_related("agency").order_by("number")
    return render(
        request,
        "queueing/availability.html",
        {
            "services": services_list,
            "service": service,
            "days": days,
            "nearest": nearest,
            "alternatives": alternatives,
            "counters": counters,
            "horizon": settings.MPP_QUEUE_BOOKING_DAYS_AHEAD,
        },
    )


@role_required("citizen")
def booking_new(request: HttpRequest) -> HttpResponse:
    services_list = list(selectors.services_with_queue())
    form = BookingForm(
        request.POST or None, services=services_list, initial={"service": request.GET.get("layanan")}
    )
    if request.method == "POST" and form.is_valid():
        if over_limit(
            request,
            scope=f"queue-booking:{request.user.pk}",
            limit=settings.MPP_QUEUE_BOOKING_RATE_LIMIT,
            window=settings.MPP_QUEUE_BOOKING_RATE_WINDOW,
        ):
            form.add_error(None, _("Terlalu banyak pemesanan. Coba lagi nanti."))
        else:
            try:
                booking = services.booking_create(
                    citizen=request.user,
                    service=form.cleaned_data["service"],
                    day=form.cleaned_data["day"],
                    starts_at=form.cleaned_data["starts_at"],
                    priority_reason=form.cleaned_data["priority_reason"],
                )
            except DomainError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("Antrian berhasil dipesan."))
                return redirect("queueing:booking_detail", booking.code)
    return render(request, "queueing/booking_new.html", {"form": form})


@role_required("citizen")
def booking_list(request: HttpRequest) -> HttpResponse:
    return render(request, "queueing/booking_list.html", {"bookings": selectors.bookings_for(request.user)})


def _own_booking(request: HttpRequest, code: str) -> Booking:
    # Another citizen's booking is "not found", so codes cannot be probed.
    return get_object_or_404(selectors.bookings_for(request.user), code=code)


@role_required("citizen")
def booking_detail(request: HttpRequest, code: str) -> HttpResponse:
    booking = _own_booking(request, code)
    qr = segno.make(booking.code, error="m").svg_inline(scale=6, border=4)
    return render(
        request,
        "queueing/booking_detail.html",
        {"booking": booking, "qr": qr, "can_cancel": booking.status == BookingStatus.ACTIVE},
    )


@role_required("citizen")
@require_POST
def booking_cancel(request: HttpRequest, code: str) -> HttpResponse:
    booking = _own_booking(request, code)
    try:
        services.booking_cancel(booking=booking, actor=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Pemesanan dibatalkan."))
    return redirect("queueing:booking_detail", booking.code)


# --- counter -------------------------------------------------------------------------------------


def _staff_counter(request: HttpRequest, pk: int) -> Counter:
    counter = get_object_or_404(Counter.objects.prefetch_related("queues"), pk=pk, is_active=True)
    user = request.user
    if not (user.is_agency_staff and user.agency_id == counter.agency_id):
        raise PermissionDenied(_("Loket ini milik instansi lain."))
    return counter


@role_required("officer", "supervisor")
def counter_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "queueing/counter_list.html", {"counters": selectors.counters_for_staff(request.user)}
    )


@role_required("officer", "supervisor")
def counter_page(request: HttpRequest, pk: int) -> HttpResponse:
    counter = _staff_counter(request, pk)
    queues = list(counter.queues.all())
    waiting = selectors.waiting_counts(queues)
    current = selectors.counter_current_ticket(counter)
    context = {
        "counter": counter,
        "current": current,
        "queues": [(q, waiting.get(q.pk, 0)) for q in queues],
        "transfer_form": TransferForm(counter=counter),
        "statuses": CounterStatus,
        "assist_url": reverse("permits_staff:assist"),
    }
    template = (
        "queueing/_counter_panel.html" if request.headers.get("HX-Request") else "queueing/counter.html"
    )
    return render(request, template, context)


ACTIONS = {
    "call_next": services.ticket_call_next,
    "recall": services.ticket_recall,
    "start": services.ticket_start,
    "finish": services.ticket_finish,
    "no_show": services.ticket_no_show,
}


@role_required("officer", "supervisor")
@require_POST
def counter_action(request: HttpRequest, pk: int) -> HttpResponse:
    counter = _staff_counter(request, pk)
    action = request.POST.get("action", "")
    try:
        if action in ("open", "break", "closed"):
            services.counter_set_status(counter=counter, actor=request.user, status=action)
        elif action == "call_next":
            ticket = services.ticket_call_next(counter=counter, actor=request.user)
            if ticket is None:
                messages.info(request, _("Tidak ada antrian yang menunggu."))
        elif action in ACTIONS or action == "transfer":
            ticket = get_object_or_404(Ticket, pk=request.POST.get("ticket"), counter=counter)
            if action == "transfer":
                form = TransferForm(request.POST, counter=counter)
                if not form.is_valid():
                    raise DomainError(" ".join(str(e) for errs in form.errors.values() for e in errs))
                services.ticket_transfer(
                    ticket=ticket,
                    counter=counter,
                    actor=request.user,
                    to_queue=form.cleaned_data.get("to_queue"),
                    to_counter=form.cleaned_data.get("to_counter"),
                )
            else:
                ACTIONS[action](ticket=ticket, counter=counter, actor=request.user)
        else:
            raise DomainError(_("Aksi tidak dikenal."))
    except DomainError as exc:
        messages.error(request, exc.message)
    return redirect("queueing:counter", counter.pk)

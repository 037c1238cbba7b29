"""/verifikasi/: public permit verification, the permit download, the payment gateway's callback,
and the staff actions on levies (SKRD) and permits.

- ``verify_form`` / ``verify_check``: public, no login. The result page says SAH (valid), TIDAK
  BERLAKU LAGI (past its validity), DICABUT (revoked, with date and reason) or TIDAK DIKENAL
  (unknown code, HTTP 404). Every lookup costs the same one query, and lookups are rate limited per
  IP address (``MPP_VERIFY_RATE_LIMIT`` per ``MPP_VERIFY_RATE_WINDOW`` seconds, in the cache).
- ``permit_pdf``: the holder, staff of the issuing agency and MPP admins; anyone else gets 404.
- ``payment_callback``: the payment gateway posts here (no session, no CSRF token: the signature is
  the authentication); idempotent.
- ``assessment_issue`` / ``assessment_confirm`` / ``assessment_cancel`` / ``permit_revoke``: POST
  from the staff application page; the outcome is a message, then back to that page.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from accounts.permissions import agency_staff_required
from mpp import ratelimit
from mpp.errors import DomainError

from . import selectors, services
from .issuance import format_code, looks_like_code, mask_name, mpp_zone, normalize_code
from .models import Application, Assessment, Permit
from .payments import InvalidCallback, get_gateway

DEFAULT_RATE_LIMIT = 30
DEFAULT_RATE_WINDOW = 60  # seconds


# --- Forms ------------------------------------------------------------------------------------


class VerifyForm(forms.Form):
    kode = forms.CharField(
        label=gettext_lazy("Kode verifikasi"),
        max_length=30,
        help_text=gettext_lazy("12 huruf dan angka yang tercetak di bawah kode QR, mis. ABCD-EFGH-JKMN."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )


class AssessmentIssueForm(forms.Form):
    amount = forms.CharField(
        label=gettext_lazy("Jumlah retribusi (Rp)"),
        max_length=30,
        help_text=gettext_lazy("Rupiah penuh, mis. 1250000 atau 1.250.000."),
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    due_date = forms.DateField(
        label=gettext_lazy("Jatuh tempo"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    basis = forms.CharField(
        label=gettext_lazy("Dasar perhitungan"),
        max_length=4000,
        help_text=gettext_lazy(
            "Rumus dan nilai yang dipakai, mis. luas x indeks x harga satuan, serta dasar hukumnya."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class AssessmentConfirmForm(forms.Form):
    paid_amount = forms.CharField(
        label=gettext_lazy("Jumlah dibayar (Rp)"),
        max_length=30,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    reference = forms.CharField(
        label=gettext_lazy("Nomor bukti bayar (NTB/NTPD)"),
        max_length=100,
    )
    paid_on = forms.DateField(
        label=gettext_lazy("Tanggal bayar"),
        required=False,
        help_text=gettext_lazy("Kosongkan bila hari ini."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Alasan"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


# --- Public verification ----------------------------------------------------------------------


def _rate_limited(request: HttpRequest) -> bool:
    """True when this client made more lookups than allowed in the current window."""
    limit = getattr(settings, "MPP_VERIFY_RATE_LIMIT", DEFAULT_RATE_LIMIT)
    window = getattr(settings, "MPP_VERIFY_RATE_WINDOW", DEFAULT_RATE_WINDOW)
    return ratelimit.over_limit(request, scope="verify", limit=limit, window=window)


def _too_many(request: HttpRequest) -> HttpResponse:
    response = render(request, "permits/verify/rate_limited.html", status=429)
    response["Retry-After"] = str(getattr(settings, "MPP_VERIFY_RATE_WINDOW", DEFAULT_RATE_WINDOW))
    return response


@require_GET
def verify_form(request: HttpRequest) -> HttpResponse:
    """A form to type the code printed on the permit; a valid-looking code goes to its page."""
    if "kode" in request.GET:
        form = VerifyForm(request.GET)
        if form.is_valid():
            code = normalize_code(form.cleaned_data["kode"])
            if looks_like_code(code):
                return redirect("verify:check", code=code)
            form.add_error("kode", _("Kode verifikasi terdiri atas 12 huruf dan angka."))
    else:
        form = VerifyForm()
    return render(request, "permits/verify/form.html", {"form": form})


@require_GET
@never_cache
def verify_check(request: HttpRequest, code: str) -> HttpResponse:
    """The public result for one code: valid, expired, revoked or unknown (404)."""
    if _rate_limited(request):
        return _too_many(request)
    permit = selectors.permit_by_code(code)
    zone = mpp_zone()
    today = timezone.localdate(timezone=zone)
    if permit is None:
        state = "unknown"
    elif permit.revoked_at is not None:
        state = "revoked"
    elif permit.valid_until is not None and permit.valid_until < today:
        state = "expired"
    else:
        state = "valid"
    context = {
        "state": state,
        "permit": permit,
        "code": format_code(normalize_code(code)[:16]),
        "holder": mask_name(permit.holder_name) if permit else "",
        "form": VerifyForm(),
    }
    with timezone.override(zone):
        response = render(
            request, "permits/verify/result.html", context, status=404 if permit is None else 200
        )
    response["X-Robots-Tag"] = "noindex"
    return response


# --- Download ---------------------------------------------------------------------------------


def permit_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The permit PDF, as an attachment named after its number. Anonymous visitors log in first;
    anyone but the holder, the issuing agency's staff and MPP admins gets 404."""
    if not request.user.is_authenticated:
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(request.get_full_path())
    try:
        permit = selectors.permit_for_user(pk, request.user)
    except (Permit.DoesNotExist, PermissionDenied) as exc:
        raise Http404(_("Izin tidak ditemukan.")) from exc
    if not permit.pdf:
        raise Http404(_("Berkas izin belum tersedia."))
    filename = permit.number.replace("/", "-") + ".pdf"
    response = FileResponse(
        permit.pdf.open("rb"), as_attachment=True, filename=filename, content_type="application/pdf"
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- Payment gateway callback -----------------------------------------------------------------


@csrf_exempt
@require_POST
def payment_callback(request: HttpRequest) -> HttpResponse:
    """The gateway reports a payment: signature checked, then recorded once (a retry of the same
    transaction answers 200 "duplicate" and changes nothing)."""
    gateway = get_gateway()
    body = request.body
    if not gateway.verify_signature(body, request.headers):
        return JsonResponse(
            {"status": "error", "code": "bad_signature", "detail": _("Tanda tangan tidak sah.")}, status=403
        )
    try:
        notice = gateway.parse_callback(body)
        assessment, changed = services.payment_gateway_callback(notice=notice, gateway_name=gateway.name)
    except InvalidCallback as exc:
        return JsonResponse({"status": "error", "code": exc.code, "detail": exc.message}, status=400)
    except DomainError as exc:
        return JsonResponse(
            {"status": "error", "code": exc.code, "detail": exc.message}, status=exc.status_code
        )
    return JsonResponse(
        {"status": "paid" if changed else "duplicate", "number": assessment.number},
        json_dumps_params={"ensure_ascii": False},
    )


# --- Staff actions ----------------------------------------------------------------------------


def _back(request: HttpRequest, application_pk: int) -> HttpResponse:
    """To the staff application page when it exists, else where the form was."""
    try:
        return redirect(reverse("permits_staff:detail", kwargs={"pk": application_pk}))
    except NoReverseMatch:
        pass
    referer = request.META.get("HTTP_REFERER", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(referer)
    return redirect("services:home")


def _form_errors(request: HttpRequest, form: forms.Form) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)


def _run(request: HttpRequest, action, success: str) -> None:
    try:
        action()
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, success)


@agency_staff_required
@require_POST
def assessment_issue(request: HttpRequest, application_pk: int) -> HttpResponse:
    try:
        application = selectors.application_for_user(application_pk, request.user)
    except (Application.DoesNotExist, PermissionDenied) as exc:
        raise Http404(_("Permohonan tidak ditemukan.")) from exc
    form = AssessmentIssueForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(request, application.pk)
    data = form.cleaned_data
    try:
        assessment = services.assessment_issue(
            application=application,
            actor=request.user,
            amount=data["amount"],
            due_date=data["due_date"],
            basis=data["basis"],
        )
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("SKRD %(number)s diterbitkan sebesar %(amount)s; kode bayar %(reference)s.")
            % {
                "number": assessment.number,
                "amount": assessment.amount_rupiah,
                "reference": assessment.payment_reference,
            },
        )
    return _back(request, application.pk)


def _staff_assessment(request: HttpRequest, pk: int) -> Assessment:
    try:
        return selectors.assessment_for_staff(pk, request.user)
    except (Assessment.DoesNotExist, PermissionDenied) as exc:
        raise Http404(_("SKRD tidak ditemukan.")) from exc


@agency_staff_required
@require_POST
def assessment_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _staff_assessment(request, pk)
    form = AssessmentConfirmForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(request, assessment.application_id)
    data = form.cleaned_data
    paid_at = None
    if data["paid_on"] and data["paid_on"] != timezone.localdate():
        # The receipt shows the day, not the time: noon of that day keeps the date right.
        paid_at = timezone.make_aware(dt.datetime.combine(data["paid_on"], dt.time(12, 0)))
    _run(
        request,
        lambda: services.assessment_confirm_payment(
            assessment=assessment,
            actor=request.user,
            paid_amount=data["paid_amount"],
            reference=data["reference"],
            paid_at=paid_at,
        ),
        _("Pembayaran SKRD %(number)s dicatat lunas.") % {"number": assessment.number},
    )
    return _back(request, assessment.application_id)


@agency_staff_required
@require_POST
def assessment_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = _staff_assessment(request, pk)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(request, assessment.application_id)
    _run(
        request,
        lambda: services.assessment_cancel(
            assessment=assessment, actor=request.user, reason=form.cleaned_data["reason"]
        ),
        _("SKRD %(number)s dibatalkan.") % {"number": assessment.number},
    )
    return _back(request, assessment.application_id)


@agency_staff_required
@require_POST
def permit_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        permit = selectors.permit_for_staff(pk, request.user)
    except (Permit.DoesNotExist, PermissionDenied) as exc:
        raise Http404(_("Izin tidak ditemukan.")) from exc
    form = ReasonForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(request, permit.application_id)
    _run(
        request,
        lambda: services.permit_revoke(permit=permit, actor=request.user, reason=form.cleaned_data["reason"]),
        _("Izin %(number)s dicabut.") % {"number": permit.number},
    )
    return _back(request, permit.application_id)

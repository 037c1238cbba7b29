"""Staff side of OSS RBA on applications: the agency records its verification of the standard
fulfilment document (menengah tinggi). Thin: parse, call ``permits.business``, redirect."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.permissions import agency_staff_required
from mpp.errors import DomainError

from . import selectors
from .business import application_verify_standard
from .models import Application

NOTE_MAX_LENGTH = 2000


@agency_staff_required
@require_POST
def standard_verify(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        application = selectors.application_for_user(pk, request.user)
    except (Application.DoesNotExist, PermissionDenied):
        raise Http404(_("Permohonan tidak ditemukan.")) from None
    note = (request.POST.get("note") or "").strip()[:NOTE_MAX_LENGTH]
    try:
        application_verify_standard(application=application, actor=request.user, note=note)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Verifikasi Sertifikat Standar dicatat."))
    return redirect(reverse("permits_staff:detail", args=[pk]) + "#business-title")

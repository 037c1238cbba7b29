"""The applications API (/api/v1/applications/) and the public tracking lookup (/api/v1/track/).

Thin, like the HTML views: parse the input, call one selector or service, render. Who sees what:

- the list: citizens their own applications, agency staff their agency's worklist (ordered by
  deadline, with the worklist filters), MPP admins every agency's;
- one application: whoever ``application_for_user`` allows; anyone else gets 404 (not 403), so ids
  cannot be probed;
- actions: the services decide (applicant side, agency staff, supervisor); staff actions are also
  refused up front (403) to anyone who is not agency staff.

Every action takes ``expected_status``, the status the client saw (required for staff actions):
when the application changed meanwhile the action is refused with 409, and the services repeat the
check under the row lock, so two officers acting at once never both succeed.

Errors have one shape: ``{"detail", "code"}``, plus ``fields`` (per field messages) for invalid
input and ``problems`` for an incomplete submission. Domain errors map as in ``mpp.api``:
DomainError 400, ConflictError / TransitionNotAllowed 409, NotPermitted 403.
"""

from __future__ import annotations

import math

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import FileResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException, NotFound, PermissionDenied, Throttled, ValidationError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from accounts.permissions import (
    IsAgencyStaff,
    IsCitizen,
    IsSupervisor,
    is_agency_staff,
    is_citizen,
    is_mpp_admin,
)
from mpp.api import exception_handler as mpp_exception_handler
from mpp.errors import ConflictError
from mpp.pagination import CappedPageNumberPagination
from services.models import Service
from services.selectors import service_detail

from . import services
from .business import (
    BusinessIdentityError,
    application_declare_standard,
    application_set_business_identity,
    application_verify_standard,
)
from .models import Application, Document
from .selectors import (
    WorklistFilters,
    application_document,
    application_for_user,
    application_form,
    application_timeline,
    applications_for_citizen,
    track_lookup,
    worklist,
    worklist_paging,
)
from .serializers import (
    LIST_ROW_VALUES,
    STAFF_LIST_ROW_VALUES,
    ApiErrorSerializer,
    ApplicationCreateSerializer,
    ApplicationDetailSerializer,
    ApplicationListItemSerializer,
    ApplicationListQuerySerializer,
    AssignSerializer,
    BusinessIdentitySerializer,
    DocumentSerializer,
    DocumentUploadSerializer,
    ExpectedStatusSerializer,
    FieldValuesSerializer,
    NoteActionSerializer,
    RejectSerializer,
    RequestCorrectionSerializer,
    StaffActionSerializer,
    StandardDeclarationSerializer,
    StandardVerificationSerializer,
    StepCompleteSerializer,
    SubmitSerializer,
    TrackQuerySerializer,
    TrackResultSerializer,
    WithdrawSerializer,
    can_download_documents,
)
from .transitions import ApplicationStatus

TAG = _("Permohonan")
MAX_ID_DIGITS = 18


# --- Errors -----------------------------------------------------------------------------------------


def exception_handler(exc, context):
    """``mpp.api``'s mapping, with one error shape for these endpoints: ``detail`` and ``code``
    always, ``fields`` for rejected input and ``problems`` for an incomplete submission."""
    response = mpp_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, services.FieldErrors):
        response.data["fields"] = exc.errors
    elif isinstance(exc, BusinessIdentityError):
        response.data["fields"] = {name: [message] for name, message in exc.errors.items()}
    elif isinstance(exc, services.IncompleteApplication):
        response.data["problems"] = exc.problems
    elif isinstance(exc, ValidationError):
        rejected = response.data if isinstance(response.data, dict) else {"non_field_errors": response.data}
        response.data = {
            "detail": gettext("Periksa kembali data yang dikirim."),
            "code": "invalid",
            "fields": rejected,
        }
    elif isinstance(response.data, dict) and "code" not in response.data:
        if isinstance(exc, APIException) and isinstance(codes := exc.get_codes(), str):
            response.data["code"] = codes
        elif isinstance(exc, DjangoPermissionDenied):
            response.data["code"] = "permission_denied"
    return response


def _error(description) -> OpenApiResponse:
    return OpenApiResponse(ApiErrorSerializer, description=description)


NOT_FOUND = _error(_("Tidak ada, atau bukan permohonan yang boleh Anda lihat."))
# Session authentication comes first, so DRF answers an anonymous request with 403 (code
# "not_authenticated"), not 401.
FORBIDDEN = _error(_("Belum masuk (kode `not_authenticated`), atau peran Anda tidak dapat melakukan ini."))
ACTION_ERRORS = {
    400: _error(_("Data tidak sah, atau aturan layanan menolak tindakan ini.")),
    403: FORBIDDEN,
    404: NOT_FOUND,
    409: _error(
        _("Status permohonan tidak memungkinkan tindakan ini, atau permohonan baru saja diubah orang lain.")
    ),
}
ID_PARAMETER = OpenApiParameter(
    "id", OpenApiTypes.INT, OpenApiParameter.PATH, description=_("ID permohonan.")
)


def _not_found() -> NotFound:
    # One message whether the application does not exist or is someone else's.
    return NotFound(gettext("Permohonan tidak ditemukan."))


def _ensure_seen(expected: str | None, application: Application) -> None:
    """The client acted on a page showing another status: refuse (the services check again under
    the row lock)."""
    if expected is not None and expected != application.status:
        raise ConflictError(
            gettext(
                "Permohonan ini baru saja diubah oleh orang lain (status sekarang: %(status)s). "
                "Muat ulang halaman lalu periksa kembali."
            )
            % {"status": ApplicationStatus(application.status).label},
            code="concurrent_change",
        )


def _action_schema(summary, description, request, *, status_code: int = 200):
    return extend_schema(
        summary=summary,
        description=description,
        parameters=[ID_PARAMETER],
        request=request,
        responses={status_code: ApplicationDetailSerializer, **ACTION_ERRORS},
    )


# --- Applications -----------------------------------------------------------------------------------


@extend_schema(tags=[TAG])
@extend_schema_view(
    list=extend_schema(
        summary=_("Daftar permohonan"),
        description=_(
            "Warga: permohonannya sendiri, terbaru dahulu (filter `status` dan `service`). Petugas "
            "instansi: permohonan instansinya, batas waktu terdekat dahulu, dengan semua filter. Admin "
            "MPP: permohonan semua instansi."
        ),
        parameters=[ApplicationListQuerySerializer],
        responses={
            200: ApplicationListItemSerializer(many=True),
            400: _error(_("Parameter tidak sah.")),
            403: FORBIDDEN,
            404: _error(
                _(
                    "Halaman melewati halaman terakhir (hasil dihitung sampai 1.000; halaman setelahnya "
                    "tidak dapat dibuka, persempit dengan filter)."
                )
            ),
        },
    ),
    retrieve=extend_schema(
        summary=_("Detail permohonan"),
        description=_(
            "Status, nomor permohonan (kode rahasia hanya untuk pemohon), layanan, versi standar, "
            "tanggal penting, cara pengambilan, isian, persyaratan dan berkas, langkah SOP, perbaikan "
            "yang diminta, dan riwayat (lengkap untuk petugas, kata-kata umum untuk pemohon)."
        ),
        parameters=[ID_PARAMETER],
        responses={200: ApplicationDetailSerializer, 403: FORBIDDEN, 404: NOT_FOUND},
    ),
    create=extend_schema(
        summary=_("Buat draf permohonan"),
        description=_(
            "Warga memulai permohonan untuk satu layanan; draf memakai versi standar pelayanan yang "
            "berlaku saat ini."
        ),
        request=ApplicationCreateSerializer,
        responses={
            201: ApplicationDetailSerializer,
            400: _error(_("Layanan tidak ada, tidak aktif, atau belum punya standar yang berlaku.")),
            403: FORBIDDEN,
        },
    ),
)
class ApplicationViewSet(viewsets.GenericViewSet):
    serializer_class = ApplicationListItemSerializer
    pagination_class = CappedPageNumberPagination
    permission_classes = [IsAuthenticated]
    parser_classes = [JSONParser, FormParser, MultiPartParser]
    lookup_url_kwarg = "id"
    # Any text reaches the view, so a bad id gets the API's JSON 404, not an HTML page.
    lookup_value_regex = "[^/]+"

    STAFF_ACTIONS = frozenset(
        {"verify", "request_correction", "complete_step", "approve", "reject", "issue", "claim"}
    )

    def get_queryset(self):
        # Only for the schema generator (the type of {id}); the endpoints read through selectors.
        return Application.objects.none()

    def get_permissions(self):
        if self.action == "create":
            return [IsCitizen()]
        if self.action == "assign":
            return [IsSupervisor()]
        if self.action in self.STAFF_ACTIONS:
            return [IsAgencyStaff()]
        return [IsAuthenticated()]

    def get_exception_handler(self):
        return exception_handler

    def perform_content_negotiation(self, request, force=False):
        # A download may be asked for with "Accept: application/pdf"; errors still answer in JSON.
        return super().perform_content_negotiation(request, force=force or self.action == "document_file")

    # --- Helpers ---

    def _application(self, raw_id) -> Application:
        raw_id = str(raw_id)
        if not raw_id.isascii() or not raw_id.isdigit() or len(raw_id) > MAX_ID_DIGITS:
            raise _not_found()
        try:
            return application_for_user(int(raw_id), self.request.user)
        except (Application.DoesNotExist, DjangoPermissionDenied):
            raise _not_found() from None

    def _staff_view(self) -> bool:
        user = self.request.user
        return is_agency_staff(user) or is_mpp_admin(user)

    def _input(self, serializer_class):
        serializer = serializer_class(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    def _detail(self, application: Application, *, status_code: int = status.HTTP_200_OK) -> Response:
        staff_view = self._staff_view()
        application.pinned_form_fields, application.pinned_requirements = application_form(application)
        application.timeline_entries = application_timeline(application, public=not staff_view)
        context = {
            "request": self.request,
            "viewer": self.request.user,
            "staff_view": staff_view,
            "can_download": can_download_documents(self.request.user, application),
            "now": timezone.now(),
        }
        return Response(ApplicationDetailSerializer(application, context=context).data, status=status_code)

    def _act(self, raw_id, serializer_class):
        """Load the application (404 when not visible), validate the input, check the status the
        client saw. Returns (application, validated data)."""
        application = self._application(raw_id)
        data = self._input(serializer_class)
        _ensure_seen(data.get("expected_status"), application)
        return application, data

    def _reloaded(self, application: Application) -> Response:
        return self._detail(self._application(application.pk))

    # --- Reads ---

    def list(self, request, *args, **kwargs):
        query = ApplicationListQuerySerializer(data=request.query_params.dict())
        query.is_valid(raise_exception=True)
        data = query.validated_data
        user = request.user
        if self._staff_view():
            filters = WorklistFilters(
                status=data.get("status", ""),
                service=data.get("service", ""),
                overdue=data["overdue"],
                due_within_days=data["due_within"],
                assigned_to_me=data.get("assigned") == "me",
                unassigned=data.get("assigned") == "none",
                q=data.get("q", ""),
            )
            applications = worklist(user, filters)
            paging = worklist_paging(user, filters)
            self.paginator.count_cap = min(paging["cap"], self.paginator.count_cap)
            self.paginator.count_in_order = paging["count_in_order"]
            self.paginator.rows_by_key = paging["rows_by_key"]
            values = STAFF_LIST_ROW_VALUES
        elif is_citizen(user):
            applications = applications_for_citizen(user)
            if data.get("status") not in (None, "", "all"):
                applications = applications.filter(status=data["status"])
            if data.get("service", "").strip():
                applications = applications.filter(service__code=data["service"].strip().upper())
            values = LIST_ROW_VALUES
        else:
            raise PermissionDenied(gettext("Akun Anda tidak dapat melihat daftar permohonan."))
        # The page's rows as dicts (the serializer's input), counted on the model queryset.
        self.paginator.page_rows = lambda rows: rows.values(*values)
        page = self.paginate_queryset(applications)
        context = {"request": request, "staff_view": self._staff_view(), "now": timezone.now()}
        return self.get_paginated_response(
            ApplicationListItemSerializer(page, many=True, context=context).data
        )

    def retrieve(self, request, *args, **kwargs):
        return self._detail(self._application(kwargs[self.lookup_url_kwarg]))

    # --- The applicant's side ---

    def create(self, request, *args, **kwargs):
        data = self._input(ApplicationCreateSerializer)
        code = data["service"].strip().upper()
        try:
            service = service_detail(code=code)
        except Service.DoesNotExist:
            raise ValidationError(
                {"service": [gettext("Layanan dengan kode '%(code)s' tidak ditemukan.") % {"code": code}]}
            ) from None
        application = services.application_create_draft(service=service, applicant=request.user)
        return self._detail(self._application(application.pk), status_code=status.HTTP_201_CREATED)

    @extend_schema(
        summary=_("Simpan isian formulir"),
        description=_(
            "Menyimpan isian draf atau permohonan yang dikembalikan. Setiap nilai diperiksa menurut jenis "
            "isiannya; bila ada yang salah tidak ada yang disimpan dan `fields` memuat pesan per isian."
        ),
        parameters=[ID_PARAMETER],
        request=FieldValuesSerializer,
        responses={200: ApplicationDetailSerializer, **ACTION_ERRORS},
    )
    @action(detail=True, methods=["post"], url_path="fields", url_name="fields")
    def save_fields(self, request, id=None):
        application = self._application(id)
        data = self._input(FieldValuesSerializer)
        services.application_save_fields(application=application, values=data["values"], actor=request.user)
        return self._reloaded(application)

    @extend_schema(
        summary=_("Simpan NIB dan KBLI"),
        description=_(
            "Untuk layanan perizinan berusaha berbasis risiko (OSS RBA): NIB 13 angka dan kode KBLI, "
            "pada draf atau permohonan yang dikembalikan. NIB wajib sebelum permohonan diajukan."
        ),
        parameters=[ID_PARAMETER],
        request=BusinessIdentitySerializer,
        responses={200: ApplicationDetailSerializer, **ACTION_ERRORS},
    )
    @action(detail=True, methods=["post"], url_path="business-identity", url_name="business-identity")
    def business_identity(self, request, id=None):
        application = self._application(id)
        data = self._input(BusinessIdentitySerializer)
        application_set_business_identity(
            application=application, actor=request.user, nib=data["nib"], kbli_code=data.get("kbli_code", "")
        )
        return self._reloaded(application)

    @extend_schema(
        summary=_("Pernyataan mandiri standar usaha"),
        description=_(
            "Untuk layanan OSS RBA risiko menengah rendah: pemohon membuat (atau menarik) pernyataan "
            "mandiri pemenuhan standar usaha pada draf atau permohonan yang dikembalikan; wajib "
            "sebelum diajukan. Teks pernyataan dicatat bersama waktu dan pembuatnya."
        ),
        parameters=[ID_PARAMETER],
        request=StandardDeclarationSerializer,
        responses={200: ApplicationDetailSerializer, **ACTION_ERRORS},
    )
    @action(detail=True, methods=["post"], url_path="standard-declaration", url_name="standard-declaration")
    def standard_declaration(self, request, id=None):
        application = self._application(id)
        data = self._input(StandardDeclarationSerializer)
        application_declare_standard(application=application, actor=request.user, accepted=data["accepted"])
        return self._reloaded(application)

    @extend_schema(
        summary=_("Unggah berkas persyaratan"),
        description=_(
            "Multipart: `requirement` (ID persyaratan) dan `file`. Jenis berkas diperiksa dari isinya "
            "(PDF, JPEG, PNG), bukan dari namanya; ukuran paling besar 5 MB (dapat diatur). Unggahan baru "
            "menggantikan berkas terkini untuk persyaratan yang sama."
        ),
        parameters=[ID_PARAMETER],
        request={"multipart/form-data": DocumentUploadSerializer},
        responses={201: DocumentSerializer, **ACTION_ERRORS},
    )
    @action(
        detail=True,
        methods=["post"],
        url_path="documents",
        url_name="documents",
        parser_classes=[MultiPartParser, FormParser],
    )
    def upload_document(self, request, id=None):
        application = self._application(id)
        data = self._input(DocumentUploadSerializer)
        _fields, requirements = application_form(application)
        requirement = next((r for r in requirements if r.pk == data["requirement"]), None)
        if requirement is None:
            raise ValidationError(
                {"requirement": [gettext("Persyaratan ini bukan bagian dari standar permohonan.")]}
            )
        document = services.document_upload(
            application=application, requirement=requirement, file=data["file"], actor=request.user
        )
        context = {"request": request, "can_download": can_download_documents(request.user, application)}
        return Response(DocumentSerializer(document, context=context).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary=_("Unduh berkas persyaratan"),
        description=_("Mengalirkan berkas kepada pemohon atau petugas instansi penyelenggara layanan saja."),
        parameters=[
            ID_PARAMETER,
            OpenApiParameter(
                "document_id", OpenApiTypes.INT, OpenApiParameter.PATH, description=_("ID berkas.")
            ),
        ],
        responses={
            (200, "application/pdf"): OpenApiTypes.BINARY,
            (200, "image/jpeg"): OpenApiTypes.BINARY,
            (200, "image/png"): OpenApiTypes.BINARY,
            403: _error(
                _(
                    "Belum masuk, atau Anda dapat melihat permohonan ini tetapi tidak berhak mengunduh "
                    "berkasnya (admin MPP)."
                )
            ),
            404: NOT_FOUND,
        },
    )
    @action(
        detail=True,
        methods=["get"],
        url_path=r"documents/(?P<document_id>[0-9]+)/file",
        url_name="document-file",
    )
    def document_file(self, request, id=None, document_id=None):
        application = self._application(id)
        if not can_download_documents(request.user, application):
            raise PermissionDenied(
                gettext("Berkas hanya dapat diunduh pemohon dan petugas instansi penyelenggara layanan.")
            )
        try:
            document = application_document(application, int(document_id))
            handle = document.file.open("rb")
        except (Document.DoesNotExist, ValueError, FileNotFoundError):
            raise NotFound(gettext("Berkas tidak ditemukan.")) from None
        response = FileResponse(handle, content_type=document.content_type, filename=document.original_name)
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response

    @_action_schema(
        _("Ajukan permohonan"),
        _(
            "Mengajukan draf yang lengkap: memberi nomor permohonan dan kode rahasia, serta perkiraan "
            "tanggal keputusan. Bila belum lengkap, `problems` menyebut yang kurang."
        ),
        SubmitSerializer,
    )
    @action(detail=True, methods=["post"])
    def submit(self, request, id=None):
        application, data = self._act(id, SubmitSerializer)
        services.application_submit(
            application=application,
            actor=request.user,
            delivery_method=data["delivery_method"],
            delivery_address=data["delivery_address"],
        )
        return self._reloaded(application)

    @_action_schema(
        _("Ajukan ulang setelah perbaikan"),
        _("Pemohon mengirim kembali permohonan yang sudah diperbaiki; jam layanan berjalan lagi."),
        ExpectedStatusSerializer,
    )
    @action(detail=True, methods=["post"])
    def resubmit(self, request, id=None):
        application, _data = self._act(id, ExpectedStatusSerializer)
        services.application_resubmit(application=application, actor=request.user)
        return self._reloaded(application)

    @_action_schema(
        _("Batalkan permohonan"),
        _("Pemohon membatalkan permohonan sebelum diputuskan."),
        WithdrawSerializer,
    )
    @action(detail=True, methods=["post"])
    def withdraw(self, request, id=None):
        application, data = self._act(id, WithdrawSerializer)
        services.application_withdraw(application=application, actor=request.user, reason=data["reason"])
        return self._reloaded(application)

    # --- Processing (agency staff) ---

    @_action_schema(
        _("Nyatakan berkas lengkap"),
        _("Berkas lengkap dan benar: jam layanan (SLA) mulai berjalan dan langkah SOP dimulai."),
        NoteActionSerializer,
    )
    @action(detail=True, methods=["post"])
    def verify(self, request, id=None):
        application, data = self._act(id, NoteActionSerializer)
        services.application_verify_complete(application=application, actor=request.user, note=data["note"])
        return self._reloaded(application)

    @_action_schema(
        _("Minta perbaikan"),
        _(
            "Mengembalikan permohonan kepada pemohon dengan butir yang harus diperbaiki; setiap butir "
            "dapat menyebut persyaratan (`requirement`) atau isian (`field`). Jam layanan berhenti."
        ),
        RequestCorrectionSerializer,
    )
    @action(detail=True, methods=["post"], url_path="request-correction", url_name="request-correction")
    def request_correction(self, request, id=None):
        application, data = self._act(id, RequestCorrectionSerializer)
        form_fields, requirements = application_form(application)
        fields_by_key = {f.key: f for f in form_fields}
        requirements_by_id = {r.pk: r for r in requirements}
        items, errors = [], []
        for item in data["items"]:
            error = {}
            target = None
            if item["requirement"] is not None:
                target = requirements_by_id.get(item["requirement"])
                if target is None:
                    error["requirement"] = [gettext("Persyaratan ini bukan bagian dari standar permohonan.")]
            elif item["field"]:
                target = fields_by_key.get(item["field"])
                if target is None:
                    error["field"] = [gettext("Isian ini tidak ada pada formulir layanan.")]
            errors.append(error)
            items.append((target, item["message"]))
        if any(errors):
            raise ValidationError({"items": errors})
        services.application_request_correction(
            application=application, actor=request.user, items=items, note=data["note"]
        )
        return self._reloaded(application)

    @_action_schema(
        _("Selesaikan langkah SOP"),
        _("Menyelesaikan satu langkah SOP, berurutan, oleh peran yang bertanggung jawab."),
        StepCompleteSerializer,
    )
    @action(detail=True, methods=["post"], url_path="complete-step", url_name="complete-step")
    def complete_step(self, request, id=None):
        application, data = self._act(id, StepCompleteSerializer)
        step = next((s for s in application.steps.all() if s.pk == data["step"]), None)
        if step is None:
            raise ValidationError({"step": [gettext("Langkah ini bukan bagian dari permohonan ini.")]})
        services.step_complete(
            application=application, step_progress=step, actor=request.user, note=data["note"]
        )
        return self._reloaded(application)

    @_action_schema(
        _("Setujui permohonan"),
        _("Menyetujui permohonan yang semua langkah SOP-nya selesai; pemohon diberi tahu."),
        NoteActionSerializer,
    )
    @action(detail=True, methods=["post"])
    def approve(self, request, id=None):
        application, data = self._act(id, NoteActionSerializer)
        services.application_approve(application=application, actor=request.user, note=data["note"])
        return self._reloaded(application)

    @_action_schema(
        _("Verifikasi Sertifikat Standar"),
        _(
            "Untuk layanan OSS RBA risiko menengah tinggi: petugas instansi mencatat verifikasi dokumen "
            "pemenuhan Sertifikat Standar saat permohonan Diproses; wajib sebelum disetujui."
        ),
        StandardVerificationSerializer,
    )
    @action(detail=True, methods=["post"], url_path="standard-verification", url_name="standard-verification")
    def standard_verification(self, request, id=None):
        application, data = self._act(id, StandardVerificationSerializer)
        application_verify_standard(application=application, actor=request.user, note=data["note"])
        return self._reloaded(application)

    @_action_schema(
        _("Tolak permohonan"),
        _("Menolak dengan alasan yang menyebut persyaratan atau aturan; alasan ditampilkan kepada pemohon."),
        RejectSerializer,
    )
    @action(detail=True, methods=["post"])
    def reject(self, request, id=None):
        application, data = self._act(id, RejectSerializer)
        services.application_reject(application=application, actor=request.user, reason=data["reason"])
        return self._reloaded(application)

    @_action_schema(
        _("Terbitkan izin"), _("Menerbitkan hasil layanan yang sudah disetujui."), StaffActionSerializer
    )
    @action(detail=True, methods=["post"])
    def issue(self, request, id=None):
        application, _data = self._act(id, StaffActionSerializer)
        services.application_issue(application=application, actor=request.user)
        return self._reloaded(application)

    @_action_schema(
        _("Ambil untuk ditangani"),
        _("Petugas mengambil permohonan instansinya yang belum ditangani siapa pun."),
        StaffActionSerializer,
    )
    @action(detail=True, methods=["post"])
    def claim(self, request, id=None):
        application, _data = self._act(id, StaffActionSerializer)
        services.application_claim(application=application, actor=request.user)
        return self._reloaded(application)

    @_action_schema(
        _("Tugaskan kepada petugas"),
        _("Supervisor menugaskan permohonan kepada petugas atau supervisor instansi yang sama."),
        AssignSerializer,
    )
    @action(detail=True, methods=["post"])
    def assign(self, request, id=None):
        application, data = self._act(id, AssignSerializer)
        assignee = get_user_model().objects.filter(pk=data["officer"], is_active=True).first()
        if assignee is None:
            raise ValidationError({"officer": [gettext("Petugas tidak ditemukan.")]})
        services.application_assign(application=application, actor=request.user, assignee=assignee)
        return self._reloaded(application)


# --- Public tracking --------------------------------------------------------------------------------


class TrackThrottle(ScopedRateThrottle):
    """Guesses at tracking secrets are limited per client: ``DEFAULT_THROTTLE_RATES["track"]`` in
    settings when set, otherwise ``default_rate``. Counts live in the default cache."""

    default_rate = "10/min"

    def get_rate(self):
        rates = api_settings.DEFAULT_THROTTLE_RATES or {}
        return rates.get(self.scope) or self.default_rate


_TRACK_DOC = dict(
    tags=[_("Pelacakan")],
    description=_(
        "Pelacakan publik dengan nomor permohonan dan kode rahasia pada tanda terima: status, riwayat "
        "dalam kata-kata umum, tanggal yang diharapkan, layanan dan instansi. Nomor atau kode yang "
        "salah dijawab 404 dengan satu pesan yang sama. Dibatasi beberapa percobaan per menit. Utamakan "
        "POST: kode rahasia di alamat (GET) dapat tercatat di log dan riwayat peramban."
    ),
)
_TRACK_RESPONSES = {
    200: TrackResultSerializer,
    400: _error(_("Nomor permohonan atau kode rahasia tidak diisi.")),
    404: _error(_("Nomor permohonan dan kode rahasia tidak cocok.")),
    429: _error(_("Terlalu banyak percobaan; coba lagi nanti.")),
}


@extend_schema_view(
    get=extend_schema(
        summary=_("Lacak permohonan (query)"),
        parameters=[TrackQuerySerializer],
        responses=_TRACK_RESPONSES,
        **_TRACK_DOC,
    ),
    post=extend_schema(
        summary=_("Lacak permohonan"),
        request=TrackQuerySerializer,
        responses=_TRACK_RESPONSES,
        **_TRACK_DOC,
    ),
)
class TrackView(APIView):
    # Public: no session, so no CSRF token is needed for the POST.
    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [TrackThrottle]
    throttle_scope = "track"

    def get_exception_handler(self):
        return exception_handler

    def get(self, request):
        return self._lookup(request.query_params.dict())

    def post(self, request):
        return self._lookup(request.data)

    def _lookup(self, data) -> Response:
        query = TrackQuerySerializer(data=data)
        query.is_valid(raise_exception=True)
        application = track_lookup(query.validated_data["tracking_number"], query.validated_data["secret"])
        if application is None:
            raise NotFound(
                gettext("Nomor permohonan dan kode rahasia tidak cocok. Periksa kembali tanda terima Anda.")
            )
        application.timeline_entries = application_timeline(application, public=True)
        return Response(TrackResultSerializer(application).data)

    def throttled(self, request, wait):
        exc = Throttled(
            detail=gettext("Terlalu banyak percobaan pelacakan. Coba lagi dalam %(seconds)d detik.")
            % {"seconds": math.ceil(wait or 60)},
            code="throttled",
        )
        exc.wait = math.ceil(wait) if wait else None  # the Retry-After header
        raise exc

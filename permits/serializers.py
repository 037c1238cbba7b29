"""Serializers of the applications API (/api/v1/applications/) and the public tracking lookup
(/api/v1/track/).

Who sees what is decided by the view and passed in the context:

- ``staff_view``: agency staff and MPP admins see the full record (applicant, assignee, step notes,
  the timeline with names and reasons); the applicant sees the public wording.
- ``viewer``: the requesting user; only the applicant gets the tracking secret, and only the
  applicant and the agency's staff get download links.

(No docstrings on the serializers themselves: drf-spectacular would publish them as descriptions.)
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse as drf_reverse

from accounts.permissions import is_agency_staff
from services.models import FormField, StepRole

from .business import business_outstanding
from .models import Application
from .selectors import worklist_search_problem
from .transitions import ApplicationStatus, status_labels

MAX_QUERY_LENGTH = 100
MAX_DUE_WITHIN_DAYS = 60
STATUS_CHOICES = ApplicationStatus.choices


# --- Errors (for the OpenAPI schema) ----------------------------------------------------------------


# Every error of these endpoints: a message for the user and a stable code; 400s add the rejected
# fields (request body or query parameters) or what keeps the application from being submitted.
class ApiErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text=_("Pesan untuk pengguna."))
    code = serializers.CharField(help_text=_("Kode kesalahan yang tetap, mis. `concurrent_change`."))
    fields = serializers.DictField(
        child=serializers.JSONField(),
        required=False,
        help_text=_("Per isian atau parameter yang ditolak: daftar pesannya."),
    )
    problems = serializers.ListField(
        child=serializers.CharField(),
        required=False,
        help_text=_("Yang masih kurang sebelum permohonan dapat diajukan."),
    )


# --- Query parameters -------------------------------------------------------------------------------


# The filters of GET /api/v1/applications/. Unknown values are refused (400), never ignored.
class ApplicationListQuerySerializer(serializers.Serializer):
    status = serializers.ChoiceField(
        choices=[*STATUS_CHOICES, ("all", _("Semua"))],
        required=False,
        allow_blank=True,
        help_text=_(
            "Satu status. Untuk petugas, kosong berarti permohonan yang masih berjalan (diajukan, "
            "dikembalikan, diproses, disetujui) dan `all` semua kecuali draf; untuk warga, kosong atau "
            "`all` berarti semua."
        ),
    )
    service = serializers.CharField(
        required=False, allow_blank=True, max_length=20, help_text=_("Kode layanan, mis. `PBG`.")
    )
    overdue = serializers.BooleanField(
        required=False,
        default=False,
        help_text=_("`true`: hanya yang diproses dan melewati batas waktu (petugas)."),
    )
    due_within = serializers.IntegerField(
        required=False,
        allow_null=True,
        default=None,
        min_value=0,
        max_value=MAX_DUE_WITHIN_DAYS,
        help_text=_("Hanya yang diproses dan jatuh tempo dalam N hari kerja (petugas)."),
    )
    assigned = serializers.ChoiceField(
        choices=[("me", _("Ditangani saya")), ("none", _("Belum ditangani"))],
        required=False,
        allow_blank=True,
        help_text=_(
            "`me`: yang saya tangani; `none`: permohonan terbuka yang belum ditangani siapa pun (petugas)."
        ),
    )
    q = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=MAX_QUERY_LENGTH,
        help_text=_(
            "Nomor permohonan (atau awalannya) atau nama pemohon, minimal 3 huruf untuk nama (petugas)."
        ),
    )

    def validate_q(self, value: str) -> str:
        problem = worklist_search_problem(value)
        if problem:
            raise serializers.ValidationError(problem)
        return value


# --- Small pieces -----------------------------------------------------------------------------------


class ApplicationServiceSerializer(serializers.Serializer):
    code = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)
    name_en = serializers.CharField(read_only=True)


class ApplicationAgencySerializer(serializers.Serializer):
    slug = serializers.SlugField(read_only=True)
    short_name = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)


class PersonSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(source="__str__", read_only=True)


class ApplicantSerializer(PersonSerializer):
    email = serializers.EmailField(read_only=True)
    phone = serializers.CharField(read_only=True)


class StandardRefSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    version = serializers.IntegerField(read_only=True)
    decree_number = serializers.CharField(read_only=True)
    decree_date = serializers.DateField(read_only=True, allow_null=True)
    effective_from = serializers.DateField(read_only=True, allow_null=True)
    time_limit_days = serializers.IntegerField(read_only=True, help_text=_("Jangka waktu (hari kerja)."))


class DeliverySerializer(serializers.Serializer):
    method = serializers.ChoiceField(choices=Application.Delivery.choices, source="delivery_method")
    method_label = serializers.CharField(source="get_delivery_method_display")
    address = serializers.CharField(source="delivery_address")


class ChoiceSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()


class FormFieldValueSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    help_text = serializers.CharField()
    field_type = serializers.ChoiceField(choices=FormField.FieldType.choices)
    required = serializers.BooleanField()
    choices = ChoiceSerializer(many=True)
    min_value = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    max_value = serializers.DecimalField(max_digits=14, decimal_places=2, allow_null=True)
    value = serializers.CharField(
        help_text=_(
            "Nilai tersimpan (angka dengan titik desimal, tanggal TTTT-BB-HH); kosong bila belum diisi."
        )
    )


class RequirementRefSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)


class FieldRefSerializer(serializers.Serializer):
    key = serializers.CharField(read_only=True)
    label = serializers.CharField(read_only=True)


class DocumentSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    requirement = RequirementRefSerializer(read_only=True)
    name = serializers.CharField(source="original_name", read_only=True)
    size = serializers.IntegerField(read_only=True, help_text=_("Ukuran dalam bita."))
    content_type = serializers.CharField(read_only=True)
    uploaded_at = serializers.DateTimeField(read_only=True)
    download_url = serializers.SerializerMethodField(
        help_text=_("Unduh lewat API (diperiksa haknya); null bila Anda tidak berhak mengunduh.")
    )

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_download_url(self, document) -> str | None:
        if not self.context.get("can_download"):
            return None
        path = reverse(
            "api:application-document-file",
            kwargs={"id": document.application_id, "document_id": document.pk},
        )
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class RequirementChecklistSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    description = serializers.CharField()
    mandatory = serializers.BooleanField()
    accepted_kinds = serializers.ListField(
        child=serializers.CharField(), help_text=_("Jenis berkas yang diterima: pdf, jpeg, png.")
    )
    document = DocumentSerializer(allow_null=True, help_text=_("Berkas terkini; null bila belum diunggah."))


class StepSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    order = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)
    responsible_role = serializers.ChoiceField(choices=StepRole.choices, read_only=True)
    responsible_role_label = serializers.SerializerMethodField()
    due_at = serializers.DateTimeField(read_only=True, allow_null=True)
    completed_at = serializers.DateTimeField(read_only=True, allow_null=True)
    completed_by = serializers.SerializerMethodField(help_text=_("Hanya untuk petugas; null untuk pemohon."))
    note = serializers.SerializerMethodField(help_text=_("Catatan internal: hanya untuk petugas."))

    def get_responsible_role_label(self, step) -> str:
        try:
            return str(StepRole(step.responsible_role).label)
        except ValueError:
            return step.responsible_role

    @extend_schema_field(PersonSerializer(allow_null=True))
    def get_completed_by(self, step) -> dict | None:
        if not self.context.get("staff_view") or step.completed_by_id is None:
            return None
        return PersonSerializer(step.completed_by).data

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_note(self, step) -> str | None:
        return step.note if self.context.get("staff_view") else None


class CorrectionItemSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    requirement = RequirementRefSerializer(read_only=True, allow_null=True)
    field = FieldRefSerializer(source="form_field", read_only=True, allow_null=True)
    message = serializers.CharField(read_only=True)


class CorrectionSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    requested_at = serializers.DateTimeField(read_only=True)
    due_at = serializers.DateTimeField(read_only=True, help_text=_("Batas waktu mengajukan perbaikan."))
    note = serializers.CharField(read_only=True)
    items = CorrectionItemSerializer(many=True, read_only=True)


class TimelineEntrySerializer(serializers.Serializer):
    at = serializers.DateTimeField(read_only=True)
    status = serializers.ChoiceField(choices=STATUS_CHOICES, read_only=True)
    status_label = serializers.SerializerMethodField()
    title = serializers.CharField(read_only=True)
    actor = serializers.CharField(read_only=True, help_text=_("Untuk pemohon: Pemohon, Petugas atau Sistem."))
    reason = serializers.CharField(read_only=True)

    def get_status_label(self, entry) -> str:
        return str(ApplicationStatus(entry.status).label)


# --- Applications -----------------------------------------------------------------------------------


class ApplicationSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    url = serializers.HyperlinkedIdentityField(view_name="api:application-detail", lookup_url_kwarg="id")
    tracking_number = serializers.CharField(read_only=True, allow_null=True)
    status = serializers.ChoiceField(choices=STATUS_CHOICES, read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    service = ApplicationServiceSerializer(read_only=True)
    agency = ApplicationAgencySerializer(read_only=True)
    created_at = serializers.DateTimeField(read_only=True)
    submitted_at = serializers.DateTimeField(read_only=True, allow_null=True)
    estimated_due_at = serializers.DateTimeField(
        read_only=True,
        allow_null=True,
        help_text=_("Perkiraan tanggal keputusan, dihitung saat diajukan."),
    )
    due_at = serializers.DateTimeField(
        read_only=True,
        allow_null=True,
        help_text=_("Batas waktu penyelesaian, sejak berkas dinyatakan lengkap."),
    )
    is_overdue = serializers.SerializerMethodField()
    is_paused = serializers.BooleanField(
        read_only=True, help_text=_("Jam layanan berhenti selama menunggu perbaikan.")
    )
    is_assisted = serializers.BooleanField(read_only=True, help_text=_("Diajukan dengan bantuan petugas."))
    applicant = serializers.SerializerMethodField(help_text=_("Hanya untuk petugas; null untuk warga."))
    assigned_to = serializers.SerializerMethodField(help_text=_("Hanya untuk petugas; null untuk warga."))

    def get_is_overdue(self, application, *, now=None) -> bool:
        now = now or self.context.get("now") or timezone.now()
        return bool(
            application.status == ApplicationStatus.IN_PROCESS
            and application.due_at is not None
            and application.due_at < now
        )

    @extend_schema_field(PersonSerializer(allow_null=True))
    def get_applicant(self, application) -> dict | None:
        if not self.context.get("staff_view"):
            return None
        return PersonSerializer(application.applicant).data

    @extend_schema_field(PersonSerializer(allow_null=True))
    def get_assigned_to(self, application) -> dict | None:
        if not self.context.get("staff_view") or application.assigned_to_id is None:
            return None
        return PersonSerializer(application.assigned_to).data


# The columns a list row reads (``QuerySet.values``): rows come as dicts, not model instances. With
# the service, agency, applicant and assignee joined, a row was five model instances, which cost
# about 40 % of the CPU of a 100-row page (benchmarks/README.md).
LIST_ROW_VALUES = (
    "id",
    "tracking_number",
    "status",
    "service__code",
    "service__name",
    "service__name_en",
    "agency__slug",
    "agency__short_name",
    "agency__name",
    "created_at",
    "submitted_at",
    "estimated_due_at",
    "due_at",
    "paused_at",
    "is_assisted",
)
# Staff rows also name the applicant and the assignee.
STAFF_LIST_ROW_VALUES = (
    *LIST_ROW_VALUES,
    "applicant_id",
    "applicant__full_name",
    "applicant__email",
    "assigned_to_id",
    "assigned_to__full_name",
    "assigned_to__email",
)


class ApplicationListItemSerializer(ApplicationSummarySerializer):
    """A list row. The declared fields are the schema; ``to_representation`` builds each row from
    a dict of ``LIST_ROW_VALUES`` (``STAFF_LIST_ROW_VALUES`` for staff) with the same keys and values
    (tests/permits/test_api.py compares both): DRF's field-by-field walk cost about 1 ms of CPU per
    row (nested serializers, and a callable source inspected with inspect.signature per row)."""

    def to_representation(self, row: dict) -> dict:
        context = self.context
        staff_view = bool(context.get("staff_view"))
        now = context.get("now") or timezone.now()
        as_datetime = self._as_datetime
        status = row["status"]
        submitted_at, estimated_due_at, due_at = row["submitted_at"], row["estimated_due_at"], row["due_at"]
        applicant = assigned = None
        if staff_view:
            applicant = {
                "id": row["applicant_id"],
                "name": row["applicant__full_name"] or row["applicant__email"],
            }
            if row["assigned_to_id"] is not None:
                assigned = {
                    "id": row["assigned_to_id"],
                    "name": row["assigned_to__full_name"] or row["assigned_to__email"],
                }
        return {
            "id": row["id"],
            "url": self._detail_url(row["id"]),
            "tracking_number": row["tracking_number"],
            "status": status,
            "status_label": self._status_labels[status],
            "service": {
                "code": row["service__code"],
                "name": row["service__name"],
                "name_en": row["service__name_en"],
            },
            "agency": {
                "slug": row["agency__slug"],
                "short_name": row["agency__short_name"],
                "name": row["agency__name"],
            },
            "created_at": as_datetime(row["created_at"]),
            "submitted_at": as_datetime(submitted_at) if submitted_at else None,
            "estimated_due_at": as_datetime(estimated_due_at) if estimated_due_at else None,
            "due_at": as_datetime(due_at) if due_at else None,
            "is_overdue": status == ApplicationStatus.IN_PROCESS and due_at is not None and due_at < now,
            "is_paused": row["paused_at"] is not None,
            "is_assisted": row["is_assisted"],
            "applicant": applicant,
            "assigned_to": assigned,
        }

    @cached_property
    def _time_zone(self):
        return timezone.get_current_timezone()

    def _as_datetime(self, value) -> str:
        return api_datetime(value, self._time_zone)  # four dates on every row

    @cached_property
    def _status_labels(self) -> dict[str, str]:
        return status_labels()

    @cached_property
    def _detail_url_parts(self) -> tuple[str, str]:
        # One reverse (and absolute URL) per list, not per row: the id is the URL's last segment.
        url = drf_reverse("api:application-detail", kwargs={"id": 0}, request=self.context.get("request"))
        head, _zero, tail = url.rpartition("/0/")
        return head + "/", "/" + tail

    def _detail_url(self, pk: int) -> str:
        head, tail = self._detail_url_parts
        return f"{head}{pk}{tail}"


def _choices(form_field: FormField) -> list[dict]:
    """``choices`` may hold strings, [value, label] pairs or {"value", "label"} objects."""
    result = []
    for choice in form_field.choices or []:
        if isinstance(choice, dict):
            value = str(choice.get("value", ""))
            result.append({"value": value, "label": str(choice.get("label", value))})
        elif isinstance(choice, list | tuple) and choice:
            result.append({"value": str(choice[0]), "label": str(choice[-1])})
        else:
            result.append({"value": str(choice), "label": str(choice)})
    return result


class BusinessRequirementSerializer(serializers.Serializer):
    code = serializers.ChoiceField(
        choices=["nib", "standard_declaration", "standard_document", "standard_verification"],
        help_text=_("Apa yang diminta."),
    )
    label = serializers.CharField()
    done = serializers.BooleanField(help_text=_("Sudah dipenuhi."))


class ApplicationDetailSerializer(ApplicationSummarySerializer):
    tracking_secret = serializers.SerializerMethodField(
        help_text=_("Kode rahasia pelacakan: hanya untuk pemohon.")
    )
    standard = StandardRefSerializer(
        read_only=True, help_text=_("Versi standar pelayanan yang berlaku saat permohonan diajukan.")
    )
    clock_started_at = serializers.DateTimeField(
        read_only=True, allow_null=True, help_text=_("Berkas lengkap: jam layanan mulai berjalan.")
    )
    paused_at = serializers.DateTimeField(read_only=True, allow_null=True)
    decided_at = serializers.DateTimeField(read_only=True, allow_null=True)
    issued_at = serializers.DateTimeField(read_only=True, allow_null=True)
    updated_at = serializers.DateTimeField(read_only=True)
    deemed_approved = serializers.BooleanField(
        read_only=True, help_text=_("Disetujui karena fiktif positif.")
    )
    rejection_reason = serializers.CharField(read_only=True)
    nib = serializers.CharField(
        read_only=True, help_text=_("NIB (OSS RBA) untuk layanan perizinan berusaha.")
    )
    kbli_code = serializers.CharField(read_only=True, help_text=_("Kode KBLI 2020 kegiatan usaha."))
    risk_level = serializers.CharField(
        source="service.risk_level",
        read_only=True,
        help_text=_("Tingkat risiko OSS RBA layanan; kosong bila bukan."),
    )
    business_requirements = serializers.SerializerMethodField(
        help_text=_(
            "Yang diminta tingkat risiko OSS RBA dari permohonan ini dan apakah sudah dipenuhi "
            "(NIB, pernyataan mandiri, dokumen dan verifikasi Sertifikat Standar)."
        )
    )
    standard_declared_at = serializers.DateTimeField(
        read_only=True, allow_null=True, help_text=_("Pernyataan mandiri standar usaha dibuat pada.")
    )
    standard_verified_at = serializers.DateTimeField(
        read_only=True, allow_null=True, help_text=_("Sertifikat Standar diverifikasi petugas pada.")
    )
    delivery = DeliverySerializer(source="*", read_only=True)
    applicant = ApplicantSerializer(read_only=True)
    field_values = serializers.SerializerMethodField(help_text=_("Isian formulir layanan dengan nilainya."))
    requirements = serializers.SerializerMethodField(
        help_text=_("Daftar persyaratan standar dengan berkas terkininya.")
    )
    documents = serializers.SerializerMethodField(help_text=_("Berkas terkini, satu per persyaratan."))
    steps = StepSerializer(many=True, read_only=True, help_text=_("Langkah SOP dengan batas waktunya."))
    open_correction = serializers.SerializerMethodField(
        help_text=_("Perbaikan yang masih harus dijawab pemohon; null bila tidak ada.")
    )
    timeline = TimelineEntrySerializer(
        many=True,
        read_only=True,
        source="timeline_entries",
        help_text=_("Riwayat: lengkap untuk petugas, kata-kata umum untuk pemohon."),
    )

    @extend_schema_field(BusinessRequirementSerializer(many=True))
    def get_business_requirements(self, application) -> list[dict]:
        return BusinessRequirementSerializer(business_outstanding(application), many=True).data

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_tracking_secret(self, application) -> str | None:
        viewer = self.context.get("viewer")
        if viewer is None or viewer.pk != application.applicant_id or not application.tracking_secret:
            return None
        return application.tracking_secret

    @extend_schema_field(FormFieldValueSerializer(many=True))
    def get_field_values(self, application) -> list[dict]:
        values = {fv.form_field_id: fv.value for fv in application.field_values.all()}
        rows = [
            {
                "key": f.key,
                "label": f.label,
                "help_text": f.help_text,
                "field_type": f.field_type,
                "required": f.required,
                "choices": _choices(f),
                "min_value": f.min_value,
                "max_value": f.max_value,
                "value": values.get(f.pk, ""),
            }
            for f in application.pinned_form_fields
        ]
        return FormFieldValueSerializer(rows, many=True).data

    def _documents(self, application) -> list:
        return list(application.current_documents)

    @extend_schema_field(RequirementChecklistSerializer(many=True))
    def get_requirements(self, application) -> list[dict]:
        current = {doc.requirement_id: doc for doc in self._documents(application)}
        rows = [
            {
                "id": r.pk,
                "name": r.name,
                "description": r.description,
                "mandatory": r.mandatory,
                "accepted_kinds": list(r.accepted_kinds or []),
                "document": current.get(r.pk),
            }
            for r in application.pinned_requirements
        ]
        return RequirementChecklistSerializer(rows, many=True, context=self.context).data

    @extend_schema_field(DocumentSerializer(many=True))
    def get_documents(self, application) -> list[dict]:
        return DocumentSerializer(self._documents(application), many=True, context=self.context).data

    @extend_schema_field(CorrectionSerializer(allow_null=True))
    def get_open_correction(self, application) -> dict | None:
        correction = next((c for c in application.corrections.all() if c.resolved_at is None), None)
        return CorrectionSerializer(correction).data if correction is not None else None


def can_download_documents(user, application: Application) -> bool:
    """The applicant and the agency's own staff; MPP admins oversee the record but do not open the
    citizen's identity papers."""
    return user.pk == application.applicant_id or (
        is_agency_staff(user) and user.agency_id == application.agency_id
    )


# --- Requests ---------------------------------------------------------------------------------------


class ApplicationCreateSerializer(serializers.Serializer):
    service = serializers.CharField(max_length=20, help_text=_("Kode layanan, mis. `PBG`."))


class FieldValuesSerializer(serializers.Serializer):
    values = serializers.DictField(
        child=serializers.JSONField(),
        allow_empty=False,
        help_text=_(
            'Kunci isian -> nilai, mis. `{"luas_bangunan": "120"}`. Nilai kosong menghapus isian. '
            "Wajib/tidaknya isian diperiksa saat diajukan."
        ),
    )

    def validate_values(self, values: dict) -> dict:
        nested = [key for key, value in values.items() if isinstance(value, dict | list)]
        if nested:
            raise serializers.ValidationError(
                _("Setiap nilai berupa teks, angka atau null: %(keys)s.")
                % {"keys": ", ".join(sorted(nested))}
            )
        return values


class BusinessIdentitySerializer(serializers.Serializer):
    nib = serializers.CharField(max_length=20, help_text=_("NIB 13 angka; spasi dan tanda hubung diabaikan."))
    kbli_code = serializers.CharField(
        max_length=5,
        required=False,
        allow_blank=True,
        help_text=_("Kode KBLI 2020 (5 angka); kosong: KBLI layanan."),
    )


class StandardDeclarationSerializer(serializers.Serializer):
    accepted = serializers.BooleanField(
        help_text=_("true: membuat pernyataan mandiri pemenuhan standar usaha; false: menariknya.")
    )


class DocumentUploadSerializer(serializers.Serializer):
    requirement = serializers.IntegerField(help_text=_("ID persyaratan (lihat `requirements`)."))
    file = serializers.FileField(
        help_text=_("PDF, JPEG atau PNG; jenisnya diperiksa dari isi berkas, bukan namanya.")
    )


class ExpectedStatusSerializer(serializers.Serializer):
    expected_status = serializers.ChoiceField(
        choices=STATUS_CHOICES,
        required=False,
        help_text=_(
            "Status yang Anda lihat. Bila permohonan sudah diubah orang lain, tindakan ditolak (409)."
        ),
    )


class StaffActionSerializer(ExpectedStatusSerializer):
    expected_status = serializers.ChoiceField(
        choices=STATUS_CHOICES,
        help_text=_(
            "Status yang Anda lihat (wajib). Bila permohonan sudah diubah orang lain, tindakan ditolak (409)."
        ),
    )


class SubmitSerializer(ExpectedStatusSerializer):
    delivery_method = serializers.ChoiceField(
        choices=Application.Delivery.choices, help_text=_("Cara pengambilan hasil layanan.")
    )
    delivery_address = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=500,
        help_text=_("Alamat lengkap, wajib untuk pengantaran kurir."),
    )


class WithdrawSerializer(ExpectedStatusSerializer):
    reason = serializers.CharField(required=False, allow_blank=True, default="", max_length=1000)


class NoteActionSerializer(StaffActionSerializer):
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)


class CorrectionItemInputSerializer(serializers.Serializer):
    requirement = serializers.IntegerField(
        required=False, allow_null=True, default=None, help_text=_("ID persyaratan yang salah.")
    )
    field = serializers.CharField(
        required=False, allow_blank=True, default="", help_text=_("Kunci isian yang salah.")
    )
    message = serializers.CharField(max_length=2000, help_text=_("Apa yang salah dan perlu diperbaiki."))

    def validate(self, attrs):
        if attrs.get("requirement") is not None and attrs.get("field"):
            raise serializers.ValidationError(
                _("Satu butir perbaikan menyebut persyaratan atau isian, tidak keduanya.")
            )
        return attrs


class RequestCorrectionSerializer(NoteActionSerializer):
    items = CorrectionItemInputSerializer(many=True, allow_empty=False)


class StandardVerificationSerializer(NoteActionSerializer):
    """The agency's verification of the standard fulfilment document (its own schema name)."""


class StepCompleteSerializer(NoteActionSerializer):
    step = serializers.IntegerField(help_text=_("ID langkah (lihat `steps`)."))


class RejectSerializer(StaffActionSerializer):
    reason = serializers.CharField(
        max_length=2000, help_text=_("Alasan yang menyebut persyaratan atau aturan yang tidak dipenuhi.")
    )


class AssignSerializer(StaffActionSerializer):
    officer = serializers.IntegerField(help_text=_("ID petugas instansi yang ditugaskan."))


# --- Public tracking --------------------------------------------------------------------------------


class TrackQuerySerializer(serializers.Serializer):
    tracking_number = serializers.CharField(
        max_length=40, help_text=_("Nomor permohonan pada tanda terima, mis. `PBG-2026-000123`.")
    )
    secret = serializers.CharField(max_length=20, help_text=_("Kode rahasia 8 karakter pada tanda terima."))


class PublicTimelineEntrySerializer(serializers.Serializer):
    at = serializers.DateTimeField(read_only=True)
    status = serializers.ChoiceField(choices=STATUS_CHOICES, read_only=True)
    status_label = serializers.SerializerMethodField()
    title = serializers.CharField(read_only=True)
    actor = serializers.CharField(read_only=True, help_text=_("Pemohon, Petugas atau Sistem."))
    reason = serializers.CharField(read_only=True)

    def get_status_label(self, entry) -> str:
        return str(ApplicationStatus(entry.status).label)


class TrackResultSerializer(serializers.Serializer):
    tracking_number = serializers.CharField(read_only=True)
    status = serializers.ChoiceField(choices=STATUS_CHOICES, read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    service = ApplicationServiceSerializer(read_only=True)
    agency = ApplicationAgencySerializer(read_only=True)
    submitted_at = serializers.DateTimeField(read_only=True)
    expected_at = serializers.SerializerMethodField(
        help_text=_(
            "Tanggal keputusan yang diharapkan: batas waktu sejak berkas lengkap, atau perkiraan saat "
            "diajukan; null setelah diputuskan."
        )
    )
    is_paused = serializers.BooleanField(
        read_only=True, help_text=_("Menunggu perbaikan dari pemohon; jam layanan berhenti.")
    )
    decided_at = serializers.DateTimeField(read_only=True, allow_null=True)
    timeline = PublicTimelineEntrySerializer(many=True, read_only=True, source="timeline_entries")

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_expected_at(self, application):
        if application.decided_at is not None or not application.is_open:
            return None
        value = application.due_at or application.estimated_due_at
        return serializers.DateTimeField().to_representation(value) if value else None

    def to_representation(self, application) -> dict:
        """The declared fields are the schema; the result is built directly with the same keys and
        values (tests/permits/test_api.py compares both): DRF's walk copied the nested field
        definitions of every timeline entry, about a third of the lookup's CPU."""
        tz = timezone.get_current_timezone()
        service, agency = application.service, application.agency
        labels = status_labels()
        return {
            "tracking_number": application.tracking_number,
            "status": application.status,
            "status_label": labels[application.status],
            "service": {"code": service.code, "name": service.name, "name_en": service.name_en},
            "agency": {"slug": agency.slug, "short_name": agency.short_name, "name": agency.name},
            "submitted_at": api_datetime(application.submitted_at, tz),
            "expected_at": self.get_expected_at(application),
            "is_paused": application.is_paused,
            "decided_at": api_datetime(application.decided_at, tz),
            "timeline": [
                {
                    "at": api_datetime(entry.at, tz),
                    "status": entry.status,
                    "status_label": labels[entry.status],
                    "title": str(entry.title),
                    "actor": str(entry.actor),
                    "reason": str(entry.reason),
                }
                for entry in application.timeline_entries
            ],
        }


def api_datetime(value, tz) -> str | None:
    """What DRF's DateTimeField gives (ISO 8601 in the current time zone, "Z" for UTC), without its
    per-value settings lookups."""
    if value is None:
        return None
    text = value.astimezone(tz).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text

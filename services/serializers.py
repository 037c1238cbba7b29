"""Serializers of the public catalogue API: services, their standards and categories (read-only).

Nothing private goes out: who published a standard, drafts and inactive services stay inside.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .models import ServiceStandard, StepRole
from .selectors import CatalogueFilters, in_force_standard

MAX_QUERY_LENGTH = 200


# --- Query parameters -----------------------------------------------------------------------------


# The filters of GET /api/v1/services/. Unknown values are refused (400), never ignored.
class ServiceListQuerySerializer(serializers.Serializer):
    agency = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text=_("Slug instansi, mis. `dispendukcapil`."),
    )
    category = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text=_("Slug kategori layanan."),
    )
    q = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=MAX_QUERY_LENGTH,
        # DRF fills {max_length} in when the message is raised, so the string stays lazy.
        error_messages={"max_length": _("Kata kunci pencarian paling panjang {max_length} karakter.")},
        help_text=_(
            "Kata kunci pencarian (nama, kode, kata kunci, deskripsi, instansi); paling panjang 200 karakter."
        ),
    )
    is_permit = serializers.BooleanField(
        required=False,
        allow_null=True,
        default=None,
        error_messages={"invalid": _("Nilai is_permit harus true atau false.")},
        help_text=_("`true`: hanya perizinan; `false`: hanya non-perizinan."),
    )

    def __init__(self, *args, agency_exists=None, category_exists=None, **kwargs):
        super().__init__(*args, **kwargs)
        self._agency_exists = agency_exists
        self._category_exists = category_exists

    def validate_agency(self, value: str) -> str:
        value = value.strip()
        if value and not self._agency_exists(value):
            raise serializers.ValidationError(_("Instansi '%(slug)s' tidak dikenal.") % {"slug": value})
        return value

    def validate_category(self, value: str) -> str:
        value = value.strip()
        if value and not self._category_exists(value):
            raise serializers.ValidationError(_("Kategori '%(slug)s' tidak dikenal.") % {"slug": value})
        return value

    def to_filters(self) -> tuple[CatalogueFilters, bool | None]:
        """The selector's filters, and is_permit (None: both kinds)."""
        data = self.validated_data
        is_permit = data.get("is_permit")
        filters = CatalogueFilters(
            q=data.get("q", ""),
            agency=data.get("agency", ""),
            category=data.get("category", ""),
            permits_only=is_permit is True,
        )
        return filters, is_permit


# --- Small pieces -----------------------------------------------------------------------------------


class ServiceAgencySerializer(serializers.Serializer):
    slug = serializers.SlugField(read_only=True)
    short_name = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)


class ServiceCategorySerializer(serializers.Serializer):
    slug = serializers.SlugField(read_only=True)
    name = serializers.CharField(read_only=True)
    name_en = serializers.CharField(read_only=True)


class FeeItemSerializer(serializers.Serializer):
    label = serializers.CharField(read_only=True)
    amount = serializers.IntegerField(read_only=True, help_text=_("Jumlah dalam rupiah."))


class RequirementSerializer(serializers.Serializer):
    name = serializers.CharField(read_only=True)
    description = serializers.CharField(read_only=True)
    mandatory = serializers.BooleanField(read_only=True)
    accepted_kinds = serializers.ListField(
        child=serializers.CharField(),
        read_only=True,
        help_text=_("Jenis berkas yang diterima: pdf, jpeg, png."),
    )


class SopStepSerializer(serializers.Serializer):
    order = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)
    responsible_role = serializers.ChoiceField(choices=StepRole.choices, read_only=True)
    responsible_role_label = serializers.CharField(source="get_responsible_role_display", read_only=True)
    duration_days = serializers.IntegerField(read_only=True, help_text=_("Durasi dalam hari kerja."))


# --- Services ---------------------------------------------------------------------------------------


# A service in the catalogue, with the time limit and fee of the standard in force.
# (No docstrings on these serializers: drf-spectacular would publish them as English descriptions.)
class ServiceListItemSerializer(serializers.Serializer):
    code = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)
    name_en = serializers.CharField(read_only=True)
    agency = ServiceAgencySerializer(read_only=True)
    category = ServiceCategorySerializer(read_only=True)
    is_permit = serializers.BooleanField(read_only=True)
    completed_at_mpp = serializers.BooleanField(read_only=True)
    time_limit_days = serializers.SerializerMethodField(
        help_text=_("Jangka waktu penyelesaian (hari kerja) menurut standar yang berlaku.")
    )
    fee_kind = serializers.SerializerMethodField()
    fee_items = serializers.SerializerMethodField()
    levy_formula = serializers.SerializerMethodField()
    url = serializers.HyperlinkedIdentityField(view_name="api:service-detail", lookup_field="code")

    def _standard(self, service) -> ServiceStandard | None:
        # in_force_standard reads the rows the selector prefetched: no query per service.
        return in_force_standard(service)

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_time_limit_days(self, service) -> int | None:
        standard = self._standard(service)
        return standard.time_limit_days if standard else None

    @extend_schema_field(serializers.ChoiceField(choices=ServiceStandard.FeeKind.choices, allow_null=True))
    def get_fee_kind(self, service) -> str | None:
        standard = self._standard(service)
        return standard.fee_kind if standard else None

    @extend_schema_field(FeeItemSerializer(many=True))
    def get_fee_items(self, service) -> list[dict]:
        standard = self._standard(service)
        if standard is None:
            return []
        return FeeItemSerializer(standard.fee_items.all(), many=True).data

    @extend_schema_field(
        serializers.ChoiceField(choices=ServiceStandard.LevyFormula.choices, allow_null=True)
    )
    def get_levy_formula(self, service) -> str | None:
        standard = self._standard(service)
        return standard.levy_formula if standard else None


# The standard in force: its decree and the 14 components of PermenPANRB 15/2014.
class ServiceStandardSerializer(serializers.Serializer):
    version = serializers.IntegerField(read_only=True)
    decree_number = serializers.CharField(read_only=True)
    decree_date = serializers.DateField(read_only=True)
    effective_from = serializers.DateField(read_only=True)
    # The six components that face the citizen.
    requirements = RequirementSerializer(many=True, read_only=True, help_text=_("1. Persyaratan"))
    procedure = serializers.CharField(read_only=True, help_text=_("2. Sistem, mekanisme dan prosedur"))
    steps = SopStepSerializer(many=True, read_only=True, help_text=_("2. Langkah SOP"))
    time_limit_days = serializers.IntegerField(read_only=True, help_text=_("3. Jangka waktu (hari kerja)"))
    fee_kind = serializers.ChoiceField(
        choices=ServiceStandard.FeeKind.choices, read_only=True, help_text=_("4. Biaya/tarif")
    )
    fee_items = FeeItemSerializer(many=True, read_only=True)
    levy_formula = serializers.ChoiceField(choices=ServiceStandard.LevyFormula.choices, read_only=True)
    levy_description = serializers.CharField(read_only=True)
    product = serializers.CharField(read_only=True, help_text=_("5. Produk pelayanan"))
    complaint_handling = serializers.CharField(
        read_only=True, help_text=_("6. Penanganan pengaduan, saran dan masukan")
    )
    # The eight internal components.
    legal_basis = serializers.CharField(read_only=True, help_text=_("7. Dasar hukum"))
    facilities = serializers.CharField(read_only=True, help_text=_("8. Sarana, prasarana dan fasilitas"))
    competence = serializers.CharField(read_only=True, help_text=_("9. Kompetensi pelaksana"))
    internal_supervision = serializers.CharField(read_only=True, help_text=_("10. Pengawasan internal"))
    staffing = serializers.CharField(read_only=True, help_text=_("11. Jumlah pelaksana"))
    service_guarantee = serializers.CharField(read_only=True, help_text=_("12. Jaminan pelayanan"))
    security_guarantee = serializers.CharField(
        read_only=True, help_text=_("13. Jaminan keamanan dan keselamatan pelayanan")
    )
    performance_evaluation = serializers.CharField(
        read_only=True, help_text=_("14. Evaluasi kinerja pelaksana")
    )


class ServiceVersionSerializer(serializers.Serializer):
    version = serializers.IntegerField(read_only=True)
    status = serializers.ChoiceField(choices=ServiceStandard.Status.choices, read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    decree_number = serializers.CharField(read_only=True)
    decree_date = serializers.DateField(read_only=True)
    effective_from = serializers.DateField(read_only=True)


# One service with its full standard in force (null when none is in force) and its versions.
class ServiceDetailSerializer(ServiceListItemSerializer):
    description = serializers.CharField(read_only=True)
    standard = serializers.SerializerMethodField()
    versions = ServiceVersionSerializer(many=True, read_only=True, source="published_versions")

    @extend_schema_field(ServiceStandardSerializer(allow_null=True))
    def get_standard(self, service) -> dict | None:
        standard = self._standard(service)
        return ServiceStandardSerializer(standard).data if standard else None


class CategorySerializer(serializers.Serializer):
    slug = serializers.SlugField(read_only=True)
    name = serializers.CharField(read_only=True)
    name_en = serializers.CharField(read_only=True)
    service_count = serializers.IntegerField(read_only=True, help_text=_("Jumlah layanan aktif."))


# --- Errors (for the OpenAPI schema) ----------------------------------------------------------------


# 400: each rejected parameter with its messages.
class ServiceListErrorSerializer(serializers.Serializer):
    agency = serializers.ListField(child=serializers.CharField(), required=False)
    category = serializers.ListField(child=serializers.CharField(), required=False)
    q = serializers.ListField(child=serializers.CharField(), required=False)
    is_permit = serializers.ListField(child=serializers.CharField(), required=False)
    page = serializers.ListField(child=serializers.CharField(), required=False)
    page_size = serializers.ListField(child=serializers.CharField(), required=False)


# 400: a rejected page or page size.

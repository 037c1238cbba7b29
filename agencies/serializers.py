"""Serializers of the public agency API (read-only): the agencies, their maklumat and counters."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .models import Agency


class AgencyListItemSerializer(serializers.Serializer):
    slug = serializers.SlugField(read_only=True)
    name = serializers.CharField(read_only=True)
    short_name = serializers.CharField(read_only=True)
    kind = serializers.ChoiceField(choices=Agency.Kind.choices, read_only=True)
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    description = serializers.CharField(read_only=True)
    address = serializers.CharField(read_only=True)
    phone = serializers.CharField(read_only=True)
    email = serializers.EmailField(read_only=True)
    service_count = serializers.IntegerField(read_only=True, help_text=_("Jumlah layanan aktif."))
    url = serializers.HyperlinkedIdentityField(view_name="api:agency-detail", lookup_field="slug")


class MaklumatSerializer(serializers.Serializer):
    text = serializers.CharField(read_only=True)
    signer_name = serializers.CharField(read_only=True)
    signer_position = serializers.CharField(read_only=True)
    signed_on = serializers.DateField(read_only=True)


class AgencyCounterSerializer(serializers.Serializer):
    number = serializers.IntegerField(read_only=True, help_text=_("Nomor loket."))
    label = serializers.CharField(read_only=True)


class AgencyServiceSerializer(serializers.Serializer):
    code = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)
    name_en = serializers.CharField(read_only=True)
    is_permit = serializers.BooleanField(read_only=True)
    url = serializers.HyperlinkedIdentityField(view_name="api:service-detail", lookup_field="code")


# An agency with its maklumat in force (null when none is signed), active counters and services.
# (No docstring: drf-spectacular would publish it as an English description.)
class AgencyDetailSerializer(AgencyListItemSerializer):
    opening_notes = serializers.CharField(read_only=True, help_text=_("Keterangan jam layanan."))
    service_count = serializers.SerializerMethodField(help_text=_("Jumlah layanan aktif."))
    maklumat = serializers.SerializerMethodField()
    counters = AgencyCounterSerializer(many=True, read_only=True, source="active_counters")
    services = AgencyServiceSerializer(many=True, read_only=True, source="active_services")

    def get_service_count(self, agency) -> int:
        return len(agency.active_services)

    @extend_schema_field(MaklumatSerializer(allow_null=True))
    def get_maklumat(self, agency) -> dict | None:
        maklumat = agency.current_maklumat
        return MaklumatSerializer(maklumat).data if maklumat else None

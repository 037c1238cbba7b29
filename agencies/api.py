"""Public, read-only REST API of the agencies: /api/v1/agencies/ (thin; reads are the selectors')."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from mpp.api import (
    NOT_FOUND_RESPONSE,
    CataloguePagination,
    NotFoundSerializer,
    PaginationErrorSerializer,
    PublicReadOnlyMixin,
)
from queueing.selectors import counters_for_agency

from .models import Agency
from .selectors import agency_detail, agency_list, current_maklumat
from .serializers import AgencyDetailSerializer, AgencyListItemSerializer


@extend_schema(tags=[_("Instansi")])
@extend_schema_view(
    list=extend_schema(
        summary=_("Daftar instansi"),
        description=_("Instansi aktif di MPP dengan jumlah layanan aktif masing-masing."),
        responses={
            200: AgencyListItemSerializer(many=True),
            400: OpenApiResponse(PaginationErrorSerializer, description=_("Parameter halaman tidak sah.")),
            404: OpenApiResponse(NotFoundSerializer, description=_("Halaman melewati halaman terakhir.")),
        },
    ),
    retrieve=extend_schema(
        summary=_("Detail instansi"),
        description=_("Satu instansi dengan maklumat pelayanan yang berlaku, loket aktif dan layanannya."),
        parameters=[
            OpenApiParameter(
                "slug",
                OpenApiTypes.STR,
                OpenApiParameter.PATH,
                description=_("Slug instansi, mis. `imigrasi`."),
            )
        ],
        responses={200: AgencyDetailSerializer, 404: NOT_FOUND_RESPONSE},
    ),
)
class AgencyViewSet(PublicReadOnlyMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    pagination_class = CataloguePagination
    serializer_class = AgencyListItemSerializer
    lookup_field = "slug"
    lookup_value_regex = "[^/]+"

    def get_queryset(self):
        return agency_list()

    def get_serializer_class(self):
        return AgencyDetailSerializer if self.action == "retrieve" else AgencyListItemSerializer

    def retrieve(self, request, *args, **kwargs):
        slug = kwargs[self.lookup_field]
        try:
            agency = agency_detail(slug=slug)
        except Agency.DoesNotExist:
            raise NotFound(gettext("Instansi '%(slug)s' tidak ditemukan.") % {"slug": slug}) from None
        agency.current_maklumat = current_maklumat(agency=agency)
        agency.active_counters = list(counters_for_agency(agency))
        return Response(self.get_serializer(agency).data)

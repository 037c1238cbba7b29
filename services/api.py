"""Public, read-only REST API of the service catalogue: /api/v1/services/ and /api/v1/categories/.

Thin: the query parameters are checked here (HTTP 400 naming the parameter), the reads are the
selectors' (`catalogue_list` searches, `service_detail` loads the standard in force).
"""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from agencies.selectors import agency_list
from mpp.api import NOT_FOUND_RESPONSE, CataloguePagination, NotFoundSerializer, PublicReadOnlyMixin

from .models import Service
from .selectors import catalogue_list, category_list, service_detail, service_standard_versions
from .serializers import (
    CategorySerializer,
    ServiceDetailSerializer,
    ServiceListErrorSerializer,
    ServiceListItemSerializer,
    ServiceListQuerySerializer,
)


def _agency_exists(slug: str) -> bool:
    return agency_list().filter(slug=slug).exists()


def _category_exists(slug: str) -> bool:
    return category_list().filter(slug=slug).exists()


@extend_schema(tags=[_("Layanan")])
@extend_schema_view(
    list=extend_schema(
        summary=_("Daftar layanan"),
        description=_(
            "Layanan aktif dengan instansi, kategori, jangka waktu dan biaya menurut standar pelayanan "
            "yang berlaku. Dapat disaring menurut instansi, kategori, jenis (perizinan) dan kata kunci."
        ),
        parameters=[ServiceListQuerySerializer],
        responses={
            200: ServiceListItemSerializer(many=True),
            400: OpenApiResponse(ServiceListErrorSerializer, description=_("Parameter tidak sah.")),
            404: OpenApiResponse(NotFoundSerializer, description=_("Halaman melewati halaman terakhir.")),
        },
    ),
    retrieve=extend_schema(
        summary=_("Detail layanan"),
        description=_(
            "Satu layanan dengan standar pelayanan yang berlaku (14 komponen, persyaratan, langkah SOP, "
            "rincian tarif; null bila belum ada yang berlaku) dan riwayat versi yang diterbitkan."
        ),
        parameters=[
            OpenApiParameter(
                "code",
                OpenApiTypes.STR,
                OpenApiParameter.PATH,
                description=_("Kode layanan, mis. `SKCK` (huruf besar/kecil sama saja)."),
            )
        ],
        responses={200: ServiceDetailSerializer, 404: NOT_FOUND_RESPONSE},
    ),
)
class ServiceViewSet(PublicReadOnlyMixin, viewsets.GenericViewSet):
    pagination_class = CataloguePagination
    serializer_class = ServiceListItemSerializer
    lookup_field = "code"
    # Any text reaches the view, so an unknown code gets the API's JSON 404, not an HTML page.
    lookup_value_regex = "[^/]+"

    def get_queryset(self):
        return catalogue_list()

    def get_serializer_class(self):
        return ServiceDetailSerializer if self.action == "retrieve" else ServiceListItemSerializer

    def list(self, request, *args, **kwargs):
        query = ServiceListQuerySerializer(
            data=request.query_params.dict(),
            agency_exists=_agency_exists,
            category_exists=_category_exists,
        )
        query.is_valid(raise_exception=True)
        filters, is_permit = query.to_filters()
        services = catalogue_list(filters=filters)
        if is_permit is False:
            services = services.filter(is_permit=False)
        page = self.paginate_queryset(services)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, *args, **kwargs):
        code = kwargs[self.lookup_field]
        try:
            # Codes are stored in capitals; "skck" finds SKCK.
            service = service_detail(code=code.upper())
        except Service.DoesNotExist:
            raise NotFound(
                gettext("Layanan dengan kode '%(code)s' tidak ditemukan.") % {"code": code}
            ) from None
        service.published_versions = list(service_standard_versions(service=service))
        return Response(self.get_serializer(service).data)


@extend_schema(tags=[_("Layanan")])
@extend_schema_view(
    list=extend_schema(
        summary=_("Daftar kategori layanan"),
        description=_("Semua kategori dengan jumlah layanan aktif di masing-masing kategori."),
        responses={200: CategorySerializer(many=True)},
    )
)
class CategoryViewSet(PublicReadOnlyMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    serializer_class = CategorySerializer
    pagination_class = None  # a handful of rows

    def get_queryset(self):
        return category_list(with_counts=True)

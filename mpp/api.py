"""What every API of the portal shares: the error mapping (domain errors become 400/403/409 with a
message, never a bare 500), strict page-number pagination, and the public read-only mixin."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from .errors import DomainError


def exception_handler(exc, context):
    if isinstance(exc, DomainError):
        return Response({"detail": exc.message, "code": exc.code}, status=exc.status_code)
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if response.status_code == status.HTTP_404_NOT_FOUND and isinstance(response.data, dict):
        response.data.setdefault("code", "not_found")
    return response


class PaginationErrorSerializer(serializers.Serializer):
    page = serializers.ListField(child=serializers.CharField(), required=False)
    page_size = serializers.ListField(child=serializers.CharField(), required=False)


class NotFoundSerializer(serializers.Serializer):
    detail = serializers.CharField()
    code = serializers.CharField()


NOT_FOUND_RESPONSE = OpenApiResponse(NotFoundSerializer, description=_("Tidak ditemukan."))


class CataloguePagination(PageNumberPagination):
    """Page numbers with a client page size of 1-100; a bad value is a 400, not silently replaced."""

    page_size = 20
    max_page_size = 100
    page_size_query_param = "page_size"
    page_query_description = _("Nomor halaman, mulai dari 1.")
    page_size_query_description = _("Jumlah item per halaman: 1 sampai 100 (bawaan 20).")

    def get_page_size(self, request) -> int:
        raw = request.query_params.get(self.page_size_query_param, "").strip()
        if not raw:
            return self.page_size
        try:
            size = int(raw)
        except ValueError:
            size = 0
        if not 1 <= size <= self.max_page_size:
            raise ValidationError(
                {
                    self.page_size_query_param: [
                        gettext("Ukuran halaman harus bilangan bulat dari 1 sampai %(max)s.")
                        % {"max": self.max_page_size}
                    ]
                }
            )
        return size

    def paginate_queryset(self, queryset, request, view=None):
        page_size = self.get_page_size(request)
        raw = request.query_params.get(self.page_query_param, "").strip() or "1"
        try:
            number = int(raw)
        except ValueError:
            number = 0
        if number < 1:
            raise ValidationError(
                {self.page_query_param: [gettext("Nomor halaman harus bilangan bulat mulai dari 1.")]}
            )
        paginator = self.make_paginator(queryset, page_size)
        if number > paginator.num_pages:
            raise NotFound(self.page_not_found_message(number, paginator))
        self.page = paginator.page(number)
        self.request = request
        self.display_page_controls = paginator.num_pages > 1 and self.template is not None
        return list(self.page)

    def make_paginator(self, queryset, page_size: int):
        return self.django_paginator_class(queryset, page_size)

    def page_not_found_message(self, number: int, paginator) -> str:
        return gettext("Halaman %(page)s tidak ada; halaman terakhir adalah %(last)s.") % {
            "page": number,
            "last": paginator.num_pages,
        }

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update(minimum=1, maximum=self.max_page_size, default=self.page_size)
        return parameters


class PublicReadOnlyMixin:
    """Anyone may read, nobody writes: no authentication, so no session or CSRF is involved."""

    authentication_classes: list = []
    permission_classes = [AllowAny]

"""Paginators for long lists whose exact size nobody needs: count at most ``cap`` + 1 rows.

An exact ``COUNT(*)`` reads every matching row on every request: 118,000-396,000 rows (11-57 ms)
for one agency's worklist at a million applications (benchmarks/README.md). A list that is worked
from the top (nearest deadline first, newest first) only needs to know "more than 1,000", so the
count runs as ``SELECT COUNT(*) FROM (... LIMIT cap + 1)`` and stops early.

Pages beyond the cap are refused with a message saying to narrow the list (filters, search), not
served through a keyset cursor: the lists are sorted by what needs attention first, so row 1,001
is never where the work is, and page numbers stay what the pages and the API already speak.

- ``CappedPaginator``: a Django ``Paginator``; ``count`` is at most ``cap`` and ``is_capped`` says
  when more rows exist. Use it in HTML views like ``Paginator``.
- ``CappedPageNumberPagination``: the API's page-number pagination (1-100 per page, strict
  parameters, see ``mpp.api.CataloguePagination``) on ``CappedPaginator``; the response carries
  ``count`` (at most ``cap``) and ``count_is_capped``, both in the OpenAPI schema.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.utils.formats import number_format
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from rest_framework.response import Response

from .api import CataloguePagination

COUNT_CAP = 1000


class CappedPaginator(Paginator):
    """A ``Paginator`` that counts at most ``cap`` + 1 rows: ``count`` is at most ``cap`` and
    ``is_capped`` is True when there are more; pages end at row ``cap``."""

    def __init__(
        self,
        object_list,
        per_page,
        orphans=0,
        allow_empty_first_page=True,
        *,
        cap=COUNT_CAP,
        count_in_order=False,
    ):
        super().__init__(object_list, per_page, orphans, allow_empty_first_page)
        if cap < 1:
            raise ValueError("cap must be at least 1.")
        self.cap = cap
        # Count along the list's own order (its index) instead of letting PostgreSQL choose: for a
        # filter whose selectivity it misjudges (a name search: "matches half the rows") an
        # unordered "LIMIT cap + 1" can become a sequential scan of the whole table.
        self.count_in_order = count_in_order

    @cached_property
    def _rows_counted(self) -> int:
        """Matching rows, counted up to cap + 1 (one query for a queryset)."""
        if hasattr(self.object_list, "query"):  # a QuerySet: LIMIT inside the count
            queryset = self.object_list if self.count_in_order else self.object_list.order_by()
            return queryset[: self.cap + 1].count()
        return len(self.object_list[: self.cap + 1])

    @cached_property
    def count(self) -> int:
        return min(self._rows_counted, self.cap)

    @property
    def is_capped(self) -> bool:
        return self._rows_counted > self.cap

    def beyond_cap_message(self) -> str:
        """What to say when a page past the cap is asked for ("" when the count is exact)."""
        if not self.is_capped:
            return ""
        return gettext(
            "Hanya %(cap)s hasil pertama yang dapat dibuka; persempit daftar dengan filter atau pencarian."
        ) % {"cap": number_format(self.cap, force_grouping=True)}


class CappedPageNumberPagination(CataloguePagination):
    """``CataloguePagination`` with a capped count: ``{"count": <= 1000, "count_is_capped": bool,
    "next", "previous", "results"}``. A page past the last one is a 404 with a message; past the
    cap, the message says to narrow the list."""

    django_paginator_class = CappedPaginator
    count_cap = COUNT_CAP

    count_in_order = False  # a view may set both on its paginator for one request

    def make_paginator(self, queryset, page_size: int):
        return self.django_paginator_class(
            queryset, page_size, cap=self.count_cap, count_in_order=self.count_in_order
        )

    def page_not_found_message(self, number: int, paginator) -> str:
        message = super().page_not_found_message(number, paginator)
        return f"{message} {paginator.beyond_cap_message()}" if paginator.is_capped else message

    def get_paginated_response(self, data):
        return Response(
            {
                "count": self.page.paginator.count,
                "count_is_capped": self.page.paginator.is_capped,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        response = super().get_paginated_response_schema(schema)
        properties = response["properties"]
        properties["count"].update(
            maximum=self.count_cap,
            description=str(
                _(
                    "Jumlah hasil, dihitung paling banyak sampai %(cap)d; bila lebih, nilainya %(cap)d "
                    "dan count_is_capped bernilai true."
                )
                % {"cap": self.count_cap}
            ),
        )
        capped = {
            "type": "boolean",
            "example": False,
            "description": str(
                _(
                    "true bila ada lebih dari %(cap)d hasil: count berhenti di %(cap)d dan halaman "
                    "setelah hasil ke-%(cap)d tidak dapat dibuka (persempit dengan filter)."
                )
                % {"cap": self.count_cap}
            ),
        }
        response["properties"] = {"count": properties.pop("count"), "count_is_capped": capped, **properties}
        response["required"] = ["count", "count_is_capped", "results"]
        return response

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
        rows_by_key=None,
        page_rows=None,
    ):
        super().__init__(object_list, per_page, orphans, allow_empty_first_page)
        if cap < 1:
            raise ValueError("cap must be at least 1.")
        self.cap = cap
        # Count along the list's own order (its index) instead of letting PostgreSQL choose: for a
        # filter whose selectivity it misjudges (a name search: "matches half the rows") an
        # unordered "LIMIT cap + 1" can become a sequential scan of the whole table.
        self.count_in_order = count_in_order
        # ``rows_by_key(keys)``: read the keys of the first cap + 1 rows in the list's order (the
        # count and the page's keys in one query), then the page's rows by key, in that order.
        # For a filter that a covering index answers (a search), the first query walks the index
        # alone and the second reads only the page's rows, where one query would read every row
        # the filter skips. The keys come from ``object_list``, so the function only shapes the
        # rows (joins, columns, order); it should still keep the caller's scope.
        self.rows_by_key = rows_by_key
        # ``page_rows(queryset)``: what a page's rows are read as (e.g. ``.values(...)`` dicts
        # instead of model instances), applied to the page's queryset only: the count and the keys
        # are read from ``object_list`` as it is, without the joins that the rows' values need.
        self.page_rows = page_rows

    @cached_property
    def _keys(self) -> list:
        """With ``rows_by_key``: the primary keys of the first cap + 1 rows, in the list's order,
        in one query that both counts and pages (a page past the cap is refused anyway)."""
        return list(self.object_list.values_list("pk", flat=True)[: self.cap + 1])

    @property
    def _by_key(self) -> bool:
        return self.rows_by_key is not None and hasattr(self.object_list, "query")

    @cached_property
    def _rows_counted(self) -> int:
        """Matching rows, counted up to cap + 1 (one query for a queryset)."""
        if self._by_key:
            return len(self._keys)
        if hasattr(self.object_list, "query"):  # a QuerySet: LIMIT inside the count
            queryset = self.object_list if self.count_in_order else self.object_list.order_by()
            return queryset[: self.cap + 1].count()
        return len(self.object_list[: self.cap + 1])

    def page(self, number):
        page = super().page(number)  # Django's slicing: object_list is the page's unread queryset
        if self._by_key:
            keys = self._keys[page.start_index() - 1 : page.end_index()] if self.count else []
            # A row changed between the two queries is shown as it now is.
            page.object_list = self.rows_by_key(keys) if keys else []
        if self.page_rows is not None and hasattr(page.object_list, "query"):
            page.object_list = self.page_rows(page.object_list)
        if hasattr(page.object_list, "query"):
            page.object_list = list(page.object_list)
        return page

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

    count_in_order = False  # a view may set these on its paginator for one request
    rows_by_key = None
    page_rows = None

    def make_paginator(self, queryset, page_size: int):
        return self.django_paginator_class(
            queryset,
            page_size,
            cap=self.count_cap,
            count_in_order=self.count_in_order,
            rows_by_key=self.rows_by_key,
            page_rows=self.page_rows,
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

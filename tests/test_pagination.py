"""mpp/pagination.py: the capped count the long lists use (worklist page and API)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from accounts.models import User
from mpp.pagination import CappedPaginator
from tests.factories import UserFactory


def test_below_the_cap_it_is_django_s_paginator():
    paginator = CappedPaginator(list(range(45)), 20, cap=1000)
    assert (paginator.count, paginator.is_capped, paginator.num_pages) == (45, False, 3)
    assert list(paginator.page(3)) == list(range(40, 45))
    assert paginator.beyond_cap_message() == ""


def test_exactly_at_the_cap_the_count_is_exact():
    paginator = CappedPaginator(list(range(60)), 20, cap=60)
    assert (paginator.count, paginator.is_capped, paginator.num_pages) == (60, False, 3)


def test_past_the_cap_the_count_stops_and_the_pages_end_at_the_cap():
    paginator = CappedPaginator(list(range(5000)), 20, cap=1000)
    assert (paginator.count, paginator.is_capped, paginator.num_pages) == (1000, True, 50)
    assert list(paginator.page(50)) == list(range(980, 1000))
    with translation.override("id"):
        assert paginator.beyond_cap_message() == (
            "Hanya 1.000 hasil pertama yang dapat dibuka; persempit daftar dengan filter atau pencarian."
        )
    with translation.override("en"):
        assert paginator.beyond_cap_message() == (
            "Only the first 1,000 results can be opened; narrow the list with filters or a search."
        )


@pytest.mark.django_db
def test_a_queryset_is_counted_with_a_limit_and_without_ordering():
    UserFactory.create_batch(4)
    paginator = CappedPaginator(User.objects.order_by("full_name"), 2, cap=3)
    with CaptureQueriesContext(connection) as captured:
        assert (paginator.count, paginator.is_capped) == (3, True)
    assert len(captured) == 1
    sql = captured[0]["sql"].upper()
    assert "COUNT(*)" in sql and "LIMIT 4" in sql and "ORDER BY" not in sql


def test_the_cap_must_be_positive():
    with pytest.raises(ValueError):
        CappedPaginator([], 20, cap=0)


@pytest.mark.django_db
def test_keys_first_counts_and_pages_from_one_ordered_query_of_keys():
    users = UserFactory.create_batch(5)
    ordered = User.objects.filter(pk__in=[u.pk for u in users]).order_by("-id")
    asked = []

    def rows_by_key(keys):
        asked.append(list(keys))
        return User.objects.filter(pk__in=keys).order_by("-id")

    paginator = CappedPaginator(ordered, 2, cap=4, rows_by_key=rows_by_key)
    with CaptureQueriesContext(connection) as captured:
        assert (paginator.count, paginator.is_capped, paginator.num_pages) == (4, True, 2)
        second = paginator.page(2)
    newest_first = sorted((u.pk for u in users), reverse=True)
    # Page 2 is the 3rd and 4th newest: the keys of the first cap + 1 rows in the list's order
    # (one query, no COUNT), then that page's rows by key (one query).
    assert [u.pk for u in second] == newest_first[2:4]
    assert asked == [newest_first[2:4]]
    assert len(captured) == 2
    keys_sql = captured[0]["sql"].upper()
    assert "COUNT(*)" not in keys_sql and "LIMIT 5" in keys_sql and "ORDER BY" in keys_sql


@pytest.mark.django_db
def test_keys_first_on_an_empty_list_reads_no_rows():
    def rows_by_key(keys):
        raise AssertionError("no keys, no rows to read")

    paginator = CappedPaginator(User.objects.none().order_by("id"), 20, rows_by_key=rows_by_key)
    assert (paginator.count, list(paginator.page(1))) == (0, [])

"""Reads about the queue: counters (loket) and, later, tickets."""

from django.db.models import QuerySet

from .models import Counter


def counters_for_agency(agency) -> QuerySet[Counter]:
    """The active counters of an agency, by number."""
    return Counter.objects.filter(agency=agency, is_active=True).order_by("number")

"""Writes of the reports app: keeping the application facts in step with the applications."""

from collections import defaultdict
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Max

from agencies.selectors import work_calendar
from permits.models import Application, CorrectionRequest

from . import metrics
from .models import ApplicationFact

REFRESH_OVERLAP = timedelta(minutes=10)

FACT_FIELDS = [
    "agency",
    "service",
    "officer",
    "status",
    "received_at",
    "decided_at",
    "due_at",
    "on_time",
    "processing_days",
    "source_updated_at",
]


def _calendar_for(moments: list[datetime]):
    years = [m.year for m in moments if m is not None]
    if not years:
        return work_calendar()
    return work_calendar(years=range(min(years) - 1, max(years) + 2))


def _facts_for(rows: list[dict]) -> list[ApplicationFact]:
    ids = [row["pk"] for row in rows]
    pauses: dict[int, list[tuple]] = defaultdict(list)
    for application_id, requested_at, resolved_at in CorrectionRequest.objects.filter(
        application_id__in=ids
    ).values_list("application_id", "requested_at", "resolved_at"):
        pauses[application_id].append((requested_at, resolved_at))
    # Built only when some row was decided after its clock started: an MPP without office hours yet
    # (a fresh install) can still count what it received.
    timed = [row for row in rows if row["clock_started_at"] and row["decided_at"]]
    calendar = (
        _calendar_for([r["clock_started_at"] for r in timed] + [r["decided_at"] for r in timed])
        if timed
        else None
    )
    return [
        ApplicationFact(
            application_id=row["pk"],
            agency_id=row["agency_id"],
            service_id=row["service_id"],
            officer_id=row["assigned_to_id"],
            status=row["status"],
            received_at=row["submitted_at"],
            decided_at=row["decided_at"],
            due_at=row["due_at"],
            on_time=metrics.on_time(row["due_at"], row["decided_at"]),
            processing_days=metrics.processing_days(
                calendar, row["clock_started_at"], row["decided_at"], pauses.get(row["pk"], ())
            ),
            source_updated_at=row["updated_at"],
        )
        for row in rows
    ]


def facts_refresh(*, full: bool = False, batch_size: int = 2000) -> int:
    """Bring the facts up to date with every application changed since the last refresh (all of
    them when ``full``). Idempotent: running twice, or in two workers at once, writes the same rows
    (an upsert per application). Returns how many facts were written."""
    since = None if full else ApplicationFact.objects.aggregate(last=Max("source_updated_at"))["last"]
    source = Application.objects.filter(submitted_at__isnull=False)
    if since is not None:
        # A transaction that commits after the last refresh may carry an earlier updated_at; look
        # back a margin (rows seen again are rewritten, harmlessly).
        source = source.filter(updated_at__gte=since - REFRESH_OVERLAP)
    columns = (
        "pk",
        "agency_id",
        "service_id",
        "assigned_to_id",
        "status",
        "submitted_at",
        "decided_at",
        "due_at",
        "clock_started_at",
        "updated_at",
    )
    written = 0
    last_pk = 0
    while True:
        rows = list(source.filter(pk__gt=last_pk).order_by("pk").values(*columns)[:batch_size])
        if not rows:
            break
        last_pk = rows[-1]["pk"]
        facts = _facts_for(rows)
        with transaction.atomic():
            ApplicationFact.objects.bulk_create(
                facts, update_conflicts=True, unique_fields=["application"], update_fields=FACT_FIELDS
            )
        written += len(facts)
    return written


def facts_refreshed_at() -> datetime | None:
    return ApplicationFact.objects.aggregate(last=Max("source_updated_at"))["last"]

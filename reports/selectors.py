"""Reads of the dashboards: SQL aggregates over the application facts.

Medians use PostgreSQL's ``percentile_cont``; on SQLite (development, tests without PostgreSQL)
the same median is computed in Python over the values of the same filter.
"""

import statistics
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import connection
from django.db.models import Aggregate, Count, FloatField, Min, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone

from accounts.models import User
from agencies.models import Agency
from permits.transitions import OPEN_STATUSES, ApplicationStatus
from services.models import Service

from .models import ApplicationFact


class Median(Aggregate):
    function = "percentile_cont"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    @property
    def start_at(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.start, time.min))

    @property
    def end_at(self) -> datetime:
        """Exclusive: midnight after the last day."""
        return timezone.make_aware(datetime.combine(self.end + timedelta(days=1), time.min))

    @classmethod
    def month_of(cls, day: date) -> "Period":
        first = day.replace(day=1)
        following = (first + timedelta(days=32)).replace(day=1)
        return cls(first, following - timedelta(days=1))


@dataclass(frozen=True)
class Scope:
    """Whose figures: the whole MPP, one agency, one service or one officer."""

    kind: str  # "mpp" | "agency" | "service" | "officer"
    agency: Agency | None = None
    service: Service | None = None
    officer: User | None = None

    def filters(self) -> dict:
        if self.kind == "agency":
            return {"agency_id": self.agency.pk}
        if self.kind == "service":
            return {"service_id": self.service.pk}
        if self.kind == "officer":
            return {"officer_id": self.officer.pk}
        return {}

    @property
    def agency_id(self) -> int | None:
        if self.kind == "agency":
            return self.agency.pk
        if self.kind == "service":
            return self.service.agency_id
        if self.kind == "officer":
            return self.officer.agency_id
        return None


def _median(queryset: QuerySet) -> float | None:
    if connection.vendor == "postgresql":
        return queryset.aggregate(m=Median("processing_days"))["m"]
    values = list(queryset.exclude(processing_days=None).values_list("processing_days", flat=True))
    return statistics.median(values) if values else None


def facts(scope: Scope) -> QuerySet[ApplicationFact]:
    return ApplicationFact.objects.filter(**scope.filters())


def application_figures(*, scope: Scope, period: Period, now: datetime | None = None) -> dict:
    """Received, decided, on time, median processing days in the period; overdue and oldest now."""
    now = now or timezone.now()
    base = facts(scope)
    received = base.filter(received_at__gte=period.start_at, received_at__lt=period.end_at).count()
    decided_qs = base.filter(decided_at__gte=period.start_at, decided_at__lt=period.end_at)
    decided = decided_qs.aggregate(
        decided=Count("pk"),
        measured=Count("pk", filter=Q(on_time__isnull=False)),
        on_time=Count("pk", filter=Q(on_time=True)),
    )
    median = _median(decided_qs.filter(processing_days__isnull=False))
    overdue = base.filter(status=ApplicationStatus.IN_PROCESS, due_at__lt=now).count()
    oldest = base.filter(status__in=sorted(OPEN_STATUSES)).aggregate(oldest=Min("received_at"))["oldest"]
    return {
        "received": received,
        "decided": decided["decided"],
        "measured": decided["measured"],
        "on_time": decided["on_time"],
        "median_days": median,
        "overdue": overdue,
        "oldest_open": oldest,
    }


def _months_back(end: date, count: int) -> list[date]:
    months = []
    month = end.replace(day=1)
    for _ in range(count):
        months.append(month)
        month = (month - timedelta(days=1)).replace(day=1)
    return list(reversed(months))


def monthly_trend(*, scope: Scope, end: date, months: int = 12) -> list[dict]:
    """Per month (MPP time) for ``months`` months ending with the month of ``end``: received,
    decided and decided on time."""
    first = _months_back(end, months)
    period = Period(first[0], Period.month_of(end).end)
    tz = timezone.get_current_timezone()
    base = facts(scope)
    received = dict(
        base.filter(received_at__gte=period.start_at, received_at__lt=period.end_at)
        .annotate(month=TruncMonth("received_at", tzinfo=tz))
        .values("month")
        .annotate(n=Count("pk"))
        .values_list("month", "n")
    )
    decided = {
        row["month"]: row
        for row in base.filter(decided_at__gte=period.start_at, decided_at__lt=period.end_at)
        .annotate(month=TruncMonth("decided_at", tzinfo=tz))
        .values("month")
        .annotate(
            decided=Count("pk"),
            measured=Count("pk", filter=Q(on_time__isnull=False)),
            on_time=Count("pk", filter=Q(on_time=True)),
        )
    }

    rows = []
    received_by_day = {_as_date(k): v for k, v in received.items()}
    decided_by_day = {_as_date(k): v for k, v in decided.items()}
    for month in first:
        d = decided_by_day.get(month, {})
        rows.append(
            {
                "month": month,
                "received": received_by_day.get(month, 0),
                "decided": d.get("decided", 0),
                "measured": d.get("measured", 0),
                "on_time": d.get("on_time", 0),
            }
        )
    return rows


def _as_date(value) -> date:
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def breakdown(*, scope: Scope, period: Period, by: str) -> list[dict]:
    """Decided in the period, grouped by ``by`` ("agency", "service" or "officer")."""
    field = {"agency": "agency_id", "service": "service_id", "officer": "officer_id"}[by]
    qs = (
        facts(scope)
        .filter(decided_at__gte=period.start_at, decided_at__lt=period.end_at)
        .values(field)
        .annotate(
            decided=Count("pk"),
            measured=Count("pk", filter=Q(on_time__isnull=False)),
            on_time=Count("pk", filter=Q(on_time=True)),
        )
    )
    if connection.vendor == "postgresql":
        qs = qs.annotate(median_days=Median("processing_days"))
    rows = list(qs.order_by("-decided"))
    if connection.vendor != "postgresql":
        for row in rows:
            row["median_days"] = _median(
                facts(scope).filter(
                    decided_at__gte=period.start_at, decided_at__lt=period.end_at, **{field: row[field]}
                )
            )
    ids = [row[field] for row in rows if row[field] is not None]
    model = {"agency": Agency, "service": Service, "officer": User}[by]
    names = {obj.pk: obj for obj in model.objects.filter(pk__in=ids)}
    for row in rows:
        row["object"] = names.get(row[field])
    return rows


def officer_month(*, period: Period, agency_id: int | None = None, now: datetime | None = None) -> list[dict]:
    """Per officer: decided in the period, on time, late; and their applications overdue now."""
    now = now or timezone.now()
    base = ApplicationFact.objects.filter(officer__isnull=False)
    if agency_id is not None:
        base = base.filter(agency_id=agency_id)
    rows = {
        row["officer_id"]: row
        for row in base.filter(decided_at__gte=period.start_at, decided_at__lt=period.end_at)
        .values("officer_id", "agency_id")
        .annotate(
            # "late" first: later filters on on_time would otherwise read the annotation of that name.
            late=Count("pk", filter=Q(on_time=False)),
            decided=Count("pk"),
            measured=Count("pk", filter=Q(on_time__isnull=False)),
            on_time=Count("pk", filter=Q(on_time=True)),
        )
    }
    for row in (
        base.filter(status=ApplicationStatus.IN_PROCESS, due_at__lt=now)
        .values("officer_id", "agency_id")
        .annotate(overdue=Count("pk"))
    ):
        entry = rows.setdefault(
            row["officer_id"],
            {
                "officer_id": row["officer_id"],
                "agency_id": row["agency_id"],
                "decided": 0,
                "measured": 0,
                "on_time": 0,
                "late": 0,
            },
        )
        entry["overdue"] = row["overdue"]
    officers = {u.pk: u for u in User.objects.filter(pk__in=rows).select_related("agency")}
    result = []
    for officer_id, row in rows.items():
        row.setdefault("overdue", 0)
        row["officer"] = officers.get(officer_id)
        result.append(row)
    return result


def transparency_figures(*, today: date | None = None) -> dict:
    today = today or timezone.localdate()
    month = Period.month_of(today)
    decided = ApplicationFact.objects.filter(
        decided_at__gte=month.start_at, decided_at__lt=month.end_at
    ).aggregate(
        decided=Count("pk"),
        measured=Count("pk", filter=Q(on_time__isnull=False)),
        on_time=Count("pk", filter=Q(on_time=True)),
    )
    return {
        "services": Service.objects.filter(is_active=True, agency__is_active=True).count(),
        "agencies": Agency.objects.filter(is_active=True).count(),
        "month": month,
        **decided,
    }

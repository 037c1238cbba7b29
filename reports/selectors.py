"""Reads of the dashboards. Period figures sum the monthly summaries (ReportMonth: a few rows per
scope and month) and read the median off the monthly duration histograms; "overdue now" and "the
oldest open" come from the facts' partial indexes. Periods are whole months (MPP time).
"""

import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import connection
from django.db.models import Count, Min, QuerySet, Sum
from django.utils import timezone

from accounts.models import User
from agencies.models import Agency
from permits.transitions import OPEN_STATUSES, ApplicationStatus
from services.models import Service

from .models import ApplicationFact, ReportMonth, ReportMonthDuration, SurveyMonth

COUNTS = ("received", "decided", "measured", "on_time", "late")


@dataclass(frozen=True)
class Period:
    """Whole months: from the first day of ``start``'s month to the last day of ``end``'s."""

    start: date
    end: date  # inclusive

    def __post_init__(self):
        object.__setattr__(self, "start", self.start.replace(day=1))
        object.__setattr__(
            self, "end", (self.end.replace(day=1) + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        )

    @property
    def start_at(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.start, time.min))

    @property
    def end_at(self) -> datetime:
        """Exclusive: midnight after the last day."""
        return timezone.make_aware(datetime.combine(self.end + timedelta(days=1), time.min))

    @property
    def first_months(self) -> tuple[date, date]:
        return self.start, self.end.replace(day=1)

    @classmethod
    def month_of(cls, day: date) -> "Period":
        return cls(day, day)


@dataclass(frozen=True)
class Scope:
    """Whose figures: the whole MPP, one agency, one service or one officer."""

    kind: str  # "mpp" | "agency" | "service" | "officer"
    agency: Agency | None = None
    service: Service | None = None
    officer: User | None = None

    @property
    def scope_id(self) -> int:
        return {
            "mpp": lambda: 0,
            "agency": lambda: self.agency.pk,
            "service": lambda: self.service.pk,
            "officer": lambda: self.officer.pk,
        }[self.kind]()

    def fact_filters(self) -> dict:
        if self.kind == "agency":
            return {"agency_id": self.agency.pk}
        if self.kind == "service":
            return {"service_id": self.service.pk}
        if self.kind == "officer":
            return {"officer_id": self.officer.pk}
        return {}


def _months(scope: str, period: Period) -> dict:
    first, last = period.first_months
    return {"scope": scope, "month__gte": first, "month__lte": last}


def _sum(queryset: QuerySet) -> dict:
    totals = queryset.aggregate(**{name: Sum(name) for name in COUNTS})
    return {name: totals[name] or 0 for name in COUNTS}


def _medians(where: dict) -> dict[int, float | None]:
    """The median (as percentile_cont) of each scope_id's summed histogram, found in SQL with
    running totals, so only one row per scope comes back."""
    histogram = (
        ReportMonthDuration.objects.filter(**where).values("scope_id", "tenths").annotate(n=Sum("count"))
    )
    inner, params = histogram.query.sql_with_params()
    sql = f"""
        WITH h AS ({inner}),
        c AS (
            SELECT scope_id, tenths,
                   SUM(n) OVER (PARTITION BY scope_id ORDER BY tenths) AS running,
                   SUM(n) OVER (PARTITION BY scope_id) AS total
            FROM h
        )
        SELECT scope_id, MAX(total),
               MIN(CASE WHEN running > FLOOR(0.5 * (total - 1)) THEN tenths END),
               MIN(CASE WHEN running > CEILING(0.5 * (total - 1)) THEN tenths END)
        FROM c GROUP BY scope_id
    """
    result = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for scope_id, total, low, high in cursor.fetchall():
            position = 0.5 * (int(total) - 1)
            fraction = position - math.floor(position)
            result[scope_id] = (low + (high - low) * fraction) / 10
    return result


def _median(scope: Scope, period: Period) -> float | None:
    return _medians({"scope_id": scope.scope_id, **_months(scope.kind, period)}).get(scope.scope_id)


def facts(scope: Scope) -> QuerySet[ApplicationFact]:
    return ApplicationFact.objects.filter(**scope.fact_filters())


def application_figures(*, scope: Scope, period: Period, now: datetime | None = None) -> dict:
    """Received, decided, on time, median processing days in the period; overdue and oldest now."""
    now = now or timezone.now()
    totals = _sum(ReportMonth.objects.filter(scope_id=scope.scope_id, **_months(scope.kind, period)))
    base = facts(scope)
    overdue = base.filter(status=ApplicationStatus.IN_PROCESS, due_at__lt=now).count()
    oldest = base.filter(status__in=sorted(OPEN_STATUSES)).aggregate(oldest=Min("received_at"))["oldest"]
    return {
        "received": totals["received"],
        "decided": totals["decided"],
        "measured": totals["measured"],
        "on_time": totals["on_time"],
        "median_days": _median(scope, period),
        "overdue": overdue,
        "oldest_open": oldest,
    }


def months_back(end: date, count: int) -> list[date]:
    """The first days of ``count`` months ending with the month of ``end``, oldest first."""
    months = []
    month = end.replace(day=1)
    for _ in range(count):
        months.append(month)
        month = (month - timedelta(days=1)).replace(day=1)
    return list(reversed(months))


def monthly_trend(*, scope: Scope, end: date, months: int = 12) -> list[dict]:
    """Per month for ``months`` months ending with the month of ``end``."""
    wanted = months_back(end, months)
    found = {
        row["month"]: row
        for row in ReportMonth.objects.filter(
            scope=scope.kind, scope_id=scope.scope_id, month__gte=wanted[0], month__lte=wanted[-1]
        )
        .values("month")
        .annotate(**{name: Sum(name) for name in COUNTS})
    }
    return [
        {"month": month, **{name: found.get(month, {}).get(name, 0) for name in COUNTS}} for month in wanted
    ]


def breakdown(*, scope: Scope, period: Period, by: str) -> list[dict]:
    """The period's figures per agency (of the MPP), or per service or officer (of an agency)."""
    where = _months(by, period)
    if scope.kind == "agency":
        where["agency_id"] = scope.agency.pk
    rows = list(
        ReportMonth.objects.filter(**where)
        .values("scope_id")
        .annotate(**{name: Sum(name) for name in COUNTS})
        .order_by("-decided", "scope_id")
    )
    medians = _medians(where)
    model = {"agency": Agency, "service": Service, "officer": User}[by]
    names = {obj.pk: obj for obj in model.objects.filter(pk__in=[row["scope_id"] for row in rows])}
    for row in rows:
        row["object"] = names.get(row["scope_id"])
        row["median_days"] = medians.get(row["scope_id"])
    return [row for row in rows if row["decided"] or row["received"]]


def officer_month(*, period: Period, agency_id: int | None = None, now: datetime | None = None) -> list[dict]:
    """Per officer: decided in the period, on time, late; and their applications overdue now."""
    now = now or timezone.now()
    where = _months("officer", period)
    if agency_id is not None:
        where["agency_id"] = agency_id
    rows = {
        (row["scope_id"], row["agency_id"]): {**row, "officer_id": row["scope_id"], "overdue": 0}
        for row in ReportMonth.objects.filter(**where)
        .values("scope_id", "agency_id")
        .annotate(**{name: Sum(name) for name in COUNTS})
        if row["decided"]
    }
    overdue = ApplicationFact.objects.filter(
        officer__isnull=False, status=ApplicationStatus.IN_PROCESS, due_at__lt=now
    )
    if agency_id is not None:
        overdue = overdue.filter(agency_id=agency_id)
    for row in overdue.values("officer_id", "agency_id").annotate(n=Count("pk")):
        entry = rows.setdefault(
            (row["officer_id"], row["agency_id"]),
            {"officer_id": row["officer_id"], "agency_id": row["agency_id"], **dict.fromkeys(COUNTS, 0)},
        )
        entry["overdue"] = row["n"]
    officers = {u.pk: u for u in User.objects.filter(pk__in={k[0] for k in rows}).select_related("agency")}
    result = []
    for row in rows.values():
        row["officer"] = officers.get(row["officer_id"])
        if row["officer"] is not None:
            result.append(row)
    return result


def transparency_figures(*, today: date | None = None) -> dict:
    today = today or timezone.localdate()
    month = Period.month_of(today)
    totals = _sum(ReportMonth.objects.filter(scope_id=0, **_months("mpp", month)))
    return {
        "services": Service.objects.filter(is_active=True, agency__is_active=True).count(),
        "agencies": Agency.objects.filter(is_active=True).count(),
        "month": month,
        **totals,
    }


SURVEY_SUMS = ("respondents", "u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9")


def survey_sums(*, scope: Scope, period: Period, by: str | None = None) -> list[dict]:
    """The survey's summed respondents and element sums over the period's months for the scope,
    in total (``by=None``) or per ``"month"``, ``"agency_id"``, ``"service_id"`` or ``"officer_id"``.
    One query over the monthly sums (SurveyMonth)."""
    first, last = period.first_months
    qs = SurveyMonth.objects.filter(month__gte=first, month__lte=last)
    if scope.kind != "mpp":
        qs = qs.filter(**{f"{scope.kind}_id": scope.scope_id})
    totals = {name: Sum(name) for name in SURVEY_SUMS}
    if by is None:
        row = qs.aggregate(**totals)
        return [row] if row["respondents"] else []
    if by != "month":
        qs = qs.exclude(**{by: None})
    return list(qs.values(by).order_by(by).annotate(**totals))

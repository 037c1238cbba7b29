"""Writes of the reports app: keeping the application facts in step with the applications, and the
satisfaction survey's monthly sums in step with the responses."""

from collections import defaultdict
from datetime import date, datetime, time, timedelta

from django.db import connection, transaction
from django.db.models import Count, F, IntegerField, Max, Min, Q, Sum
from django.db.models.functions import Cast, Round, TruncMonth
from django.utils import timezone

from agencies.selectors import work_calendar
from permits.models import Application, CorrectionRequest

from . import metrics
from .models import ApplicationFact, ReportMonth, ReportMonthDuration, ReportScope, SurveyMonth

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
    touched: set[date] = set()
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
        for fact in facts:
            touched.add(_month_of(fact.received_at))
            if fact.decided_at is not None:
                touched.add(_month_of(fact.decided_at))
    if full:
        touched |= set(all_months())
    months_rebuild(months=sorted(touched))
    return written


def _month_of(moment: datetime) -> date:
    return timezone.localtime(moment).date().replace(day=1)


def all_months() -> list[date]:
    tz = timezone.get_current_timezone()
    months = set()
    for field in ("received_at", "decided_at"):
        months |= {
            m.date() if isinstance(m, datetime) else m
            for m in ApplicationFact.objects.exclude(**{field: None})
            .annotate(m=TruncMonth(field, tzinfo=tz))
            .values_list("m", flat=True)
            .distinct()
        }
    return sorted(m.replace(day=1) for m in months)


def _next_month(month: date) -> date:
    return (month + timedelta(days=32)).replace(day=1)


def _scopes(agency_id: int, service_id: int, officer_id: int | None) -> list[tuple[str, int, int]]:
    keys = [
        (ReportScope.MPP, 0, 0),
        (ReportScope.AGENCY, agency_id, agency_id),
        (ReportScope.SERVICE, service_id, agency_id),
    ]
    if officer_id is not None:
        keys.append((ReportScope.OFFICER, officer_id, agency_id))
    return keys


def months_rebuild(*, months: list[date]) -> None:
    """Rebuild the monthly counts and duration histograms of ``months`` from the facts, each month
    in one transaction (deleted and written again), so a rerun gives the same rows."""
    tz = timezone.get_current_timezone()
    for month in months:
        start = timezone.make_aware(datetime.combine(month, time.min), tz)
        end = timezone.make_aware(datetime.combine(_next_month(month), time.min), tz)
        counts: dict[tuple, dict] = defaultdict(lambda: dict.fromkeys(COUNT_FIELDS, 0))
        for row in (
            ApplicationFact.objects.filter(received_at__gte=start, received_at__lt=end)
            .values("agency_id", "service_id", "officer_id")
            .annotate(n=Count("pk"))
        ):
            for key in _scopes(row["agency_id"], row["service_id"], row["officer_id"]):
                counts[key]["received"] += row["n"]
        for row in (
            ApplicationFact.objects.filter(decided_at__gte=start, decided_at__lt=end)
            .values("agency_id", "service_id", "officer_id")
            .annotate(
                n_late=Count("pk", filter=Q(on_time=False)),
                n_decided=Count("pk"),
                n_measured=Count("pk", filter=Q(on_time__isnull=False)),
                n_on_time=Count("pk", filter=Q(on_time=True)),
            )
        ):
            for key in _scopes(row["agency_id"], row["service_id"], row["officer_id"]):
                for name in ("decided", "measured", "on_time", "late"):
                    counts[key][name] += row[f"n_{name}"]
        durations: dict[tuple, int] = defaultdict(int)
        for row in (
            ApplicationFact.objects.filter(
                decided_at__gte=start, decided_at__lt=end, processing_days__isnull=False
            )
            .annotate(t=Cast(Round(F("processing_days") * 10.0), IntegerField()))
            .values("agency_id", "service_id", "officer_id", "t")
            .annotate(n=Count("pk"))
        ):
            for key in _scopes(row["agency_id"], row["service_id"], row["officer_id"]):
                durations[(*key, row["t"])] += row["n"]
        with transaction.atomic():
            if connection.vendor == "postgresql":
                # Two refreshes rebuilding the same month take turns.
                with connection.cursor() as cursor:
                    cursor.execute(
                        "SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY + month.year * 100 + month.month]
                    )
            ReportMonth.objects.filter(month=month).delete()
            ReportMonthDuration.objects.filter(month=month).delete()
            ReportMonth.objects.bulk_create(
                ReportMonth(month=month, scope=scope, scope_id=scope_id, agency_id=agency_id, **values)
                for (scope, scope_id, agency_id), values in counts.items()
            )
            ReportMonthDuration.objects.bulk_create(
                ReportMonthDuration(
                    month=month, scope=scope, scope_id=scope_id, agency_id=agency_id, tenths=tenths, count=n
                )
                for (scope, scope_id, agency_id, tenths), n in durations.items()
            )


COUNT_FIELDS = ("received", "decided", "measured", "on_time", "late")
LOCK_KEY = 8_000_000_000


def facts_refreshed_at() -> datetime | None:
    return ApplicationFact.objects.aggregate(last=Max("source_updated_at"))["last"]


_SURVEY_MONTHS_SQL = """
    INSERT INTO {summary} (month, agency_id, service_id, officer_id, respondents,
                           u1, u2, u3, u4, u5, u6, u7, u8, u9)
    SELECT %(month)s, r.agency_id, r.service_id,
           a.assigned_to_id, COUNT(*), SUM(r.u1), SUM(r.u2), SUM(r.u3), SUM(r.u4), SUM(r.u5), SUM(r.u6),
           SUM(r.u7), SUM(r.u8), SUM(r.u9)
    FROM {responses} r
    LEFT JOIN {invitations} i ON i.id = r.invitation_id AND i.subject_kind = 'application'
    LEFT JOIN {applications} a ON a.id = i.subject_id
    WHERE r.submitted_at >= %(start)s AND r.submitted_at < %(end)s
    GROUP BY r.agency_id, r.service_id, a.assigned_to_id
"""


def survey_months_rebuild(*, months: list[date]) -> None:
    """Rewrite the survey sums of ``months`` from the responses (one INSERT ... SELECT per month).
    Idempotent; a transaction-level advisory lock keeps two runs from
    interleaving their delete and insert."""
    from surveys.models import SurveyInvitation, SurveyResponse

    if not months:
        return
    zone = timezone.get_current_timezone()
    sql = _SURVEY_MONTHS_SQL.format(
        summary=SurveyMonth._meta.db_table,
        responses=SurveyResponse._meta.db_table,
        invitations=SurveyInvitation._meta.db_table,
        applications=Application._meta.db_table,
    )
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [SURVEY_MONTHS_LOCK])
        SurveyMonth.objects.filter(month__in=months).delete()
        for month in sorted(set(months)):
            start = datetime.combine(month, time.min, tzinfo=zone)
            end = datetime.combine(_next_month(month), time.min, tzinfo=zone)
            # One month per statement, so the month is a parameter: portable (SQLite too) and
            # exact in the MPP's time zone through the window's bounds.
            cursor.execute(sql, {"month": month, "start": start, "end": end})


SURVEY_MONTHS_LOCK = 80_0801  # any constant, unique among the project's advisory locks


def survey_months_refresh(*, today: date | None = None) -> None:
    """Beat: this month and the last (a response is counted in the month it was submitted); and
    every month when the sums no longer add up to the responses (responses loaded or removed
    in an older month: an import, the demo data), which one index-only count finds."""
    from surveys.models import SurveyResponse

    this_month = (today or timezone.localdate()).replace(day=1)
    last_month = (this_month - timedelta(days=1)).replace(day=1)
    survey_months_rebuild(months=[last_month, this_month])
    summed = SurveyMonth.objects.aggregate(n=Sum("respondents"))["n"] or 0
    if summed != SurveyResponse.objects.count():
        survey_months_rebuild(months=sorted(set(survey_all_months()) | {last_month, this_month}))


def survey_all_months() -> list[date]:
    from surveys.models import SurveyResponse

    found = SurveyResponse.objects.aggregate(first=Min("submitted_at"), last=Max("submitted_at"))
    if found["first"] is None:
        return []
    months, month = [], _month_of(found["first"])
    while month <= _month_of(found["last"]):
        months.append(month)
        month = _next_month(month)
    return months

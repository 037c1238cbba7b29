"""The queue section of the performance dashboards (issue 8), registered with ``reports.providers``
in QueueingConfig.ready().

Per scope and period (tickets of the days in the period), aggregated in SQL:
- issued, served (done), no-shows;
- median wait: issue (a booking's ticket is issued at check-in) -> the last call, over called tickets;
- median service time: started -> finished, over served tickets.
On PostgreSQL the dashboards read monthly summaries (QueueMonth sums and QueueMonthMinutes histograms
in whole minutes per scope), rebuilt for this and last month by beat (queue_months_refresh): the
live query over a year of tickets takes seconds, the summaries milliseconds. Medians are then the
``percentile_cont(0.5)`` of the summed histogram (exact to the minute). ``live_*`` compute the same
figures straight from the tickets (``percentile_cont`` over the intervals; on SQLite, a developer's
checkout, in Python) and are what a non-PostgreSQL database shows.
An agency's tickets are those of its queues; a service's, those issued for it; an officer's, the
tickets they finished (the history row that set "done" names them).
"""

import math
import statistics
from datetime import date, datetime, timedelta

from django.db import connection, transaction
from django.db.models import Aggregate, Count, DurationField, ExpressionWrapper, F, Q, QuerySet, Sum
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agencies.models import Agency
from reports.charts import bar_chart
from reports.providers import Figure, Section, Table, _month_label, _number, register
from reports.selectors import Period, Scope, months_back

from .models import Queue, QueueMonth, QueueMonthMinutes, Ticket, TicketStatus

S = TicketStatus

WAIT = ExpressionWrapper(F("called_at") - F("issued_at"), output_field=DurationField())
SERVICE = ExpressionWrapper(F("finished_at") - F("started_at"), output_field=DurationField())
WAITED = Q(called_at__isnull=False)
SERVED = Q(status=S.DONE, started_at__isnull=False, finished_at__isnull=False)


class Median(Aggregate):
    """PostgreSQL's continuous median of an interval (or number) expression."""

    function = "PERCENTILE_CONT"
    name = "Median"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = DurationField()


def _postgres() -> bool:
    return connection.vendor == "postgresql"


def _scoped(scope: Scope) -> QuerySet[Ticket]:
    qs = Ticket.objects.all()
    if scope.kind == "agency":
        return qs.filter(queue__agency_id=scope.agency.pk)
    if scope.kind == "service":
        return qs.filter(service_id=scope.service.pk)
    if scope.kind == "officer":
        finished = Ticket.history.model.objects.filter(
            history_user_id=scope.officer.pk, status=S.DONE
        ).values("id")
        return qs.filter(pk__in=finished)
    return qs


def _in(period: Period) -> Q:
    return Q(day__gte=period.start, day__lte=period.end)


def _counts() -> dict:
    return {
        "issued": Count("pk"),
        "served": Count("pk", filter=Q(status=S.DONE)),
        "no_show": Count("pk", filter=Q(status=S.NO_SHOW)),
    }


def _medians() -> dict:
    return {"wait": Median(WAIT, filter=WAITED), "service": Median(SERVICE, filter=SERVED)}


def _python_medians(qs: QuerySet[Ticket]) -> dict:
    waits = [d for d in qs.filter(WAITED).annotate(d=WAIT).values_list("d", flat=True) if d is not None]
    services = [d for d in qs.filter(SERVED).annotate(d=SERVICE).values_list("d", flat=True) if d is not None]
    return {
        "wait": statistics.median(waits) if waits else None,
        "service": statistics.median(services) if services else None,
    }


def _minutes(value: timedelta | None) -> float | None:
    return None if value is None else round(value.total_seconds() / 60, 1)


def _finish(row: dict) -> dict:
    row["wait_minutes"] = _minutes(row.pop("wait", None))
    row["service_minutes"] = _minutes(row.pop("service", None))
    return row


def live_queue_figures(*, scope: Scope, period: Period) -> dict:
    """One query: issued, served, no-shows and both medians (minutes) of the period's tickets."""
    qs = _scoped(scope).filter(_in(period))
    if _postgres():
        return _finish(qs.aggregate(**_counts(), **_medians()))
    row = qs.aggregate(**_counts())
    row.update(_python_medians(qs))
    return _finish(row)


def _grouped(qs: QuerySet[Ticket], key: str, *values: str) -> list[dict]:
    if _postgres():
        rows = qs.values(key, *values).order_by().annotate(**_counts(), **_medians())
        return [_finish(dict(row)) for row in rows]
    rows = []
    for row in qs.values(key, *values).order_by().annotate(**_counts()):
        row = dict(row)
        row.update(_python_medians(qs.filter(**{key: row[key]})))
        rows.append(_finish(row))
    return rows


def live_queue_trend(*, scope: Scope, end: date, months: int = 12) -> list[dict]:
    """Per month of the ticket's day: issued, served, no-shows, medians. One GROUP BY query."""
    wanted = months_back(end, months)
    period = Period(wanted[0], wanted[-1])
    qs = _scoped(scope).filter(_in(period)).annotate(month=TruncMonth("day"))
    found = {}
    for row in _grouped(qs, "month"):
        month = row["month"]
        found[month.date() if isinstance(month, datetime) else month] = row
    empty = {"issued": 0, "served": 0, "no_show": 0, "wait_minutes": None, "service_minutes": None}
    return [{**empty, **found.get(month, {}), "month": month} for month in wanted]


def live_queue_breakdown(*, scope: Scope, period: Period, by: str) -> list[dict]:
    """Rows per agency (the MPP) or per queue (an agency), busiest first."""
    qs = _scoped(scope).filter(_in(period))
    if by == "agency":
        rows = _grouped(qs, "queue__agency_id", "queue__agency__name", "queue__agency__slug")
        for row in rows:
            row["label"] = row["queue__agency__name"]
            row["link"] = reverse("reports:agency", args=[row["queue__agency__slug"]])
    else:
        rows = _grouped(qs, "queue_id", "queue__prefix", "queue__name")
        for row in rows:
            row["label"] = f"{row['queue__prefix']} — {row['queue__name']}"
            row["link"] = None
    return sorted(rows, key=lambda r: (-r["issued"], r["label"]))


def queue_figures(*, scope: Scope, period: Period) -> dict:
    """Issued, served, no-shows, median wait and service time (minutes) of the period's tickets."""
    if _postgres():
        return _summary_figures(scope, period)
    return live_queue_figures(scope=scope, period=period)


def queue_trend(*, scope: Scope, end: date, months: int = 12) -> list[dict]:
    """Per month: issued, served, no-shows, medians; the last ``months`` months up to ``end``."""
    if not _postgres():
        return live_queue_trend(scope=scope, end=end, months=months)
    wanted = months_back(end, months)
    kind, scope_id = _summary_scope(scope)
    found = {
        row["month"]: row
        for row in _summary_rows(scope=kind, ids=[scope_id], months=(wanted[0], wanted[-1]), key="month")
    }
    empty = {"issued": 0, "served": 0, "no_show": 0, "wait_minutes": None, "service_minutes": None}
    return [{**empty, **found.get(month, {}), "month": month} for month in wanted]


def queue_breakdown(*, scope: Scope, period: Period, by: str) -> list[dict]:
    """Rows per agency (the MPP) or per queue (an agency), busiest first."""
    if not _postgres():
        return live_queue_breakdown(scope=scope, period=period, by=by)
    if by == "agency":
        rows = _summary_rows(scope="agency", ids=None, months=period.first_months, key="scope_id")
        agencies = Agency.objects.in_bulk([r["scope_id"] for r in rows])
        for row in rows:
            agency = agencies.get(row["scope_id"])
            row["label"] = agency.name if agency else "-"
            row["link"] = reverse("reports:agency", args=[agency.slug]) if agency else None
    else:
        queues = Queue.objects.filter(agency_id=scope.agency.pk).in_bulk()
        rows = _summary_rows(scope="queue", ids=list(queues), months=period.first_months, key="scope_id")
        for row in rows:
            row["label"] = str(queues[row["scope_id"]])
            row["link"] = None
    return sorted(rows, key=lambda r: (-r["issued"], r["label"]))


def _min_display(value: float | None) -> str:
    return "-" if value is None else formats.number_format(value, 1)


class QueueProvider:
    key = "queue"
    title = gettext_lazy("Antrian")

    def section(self, *, scope: Scope, period: Period, now: datetime) -> Section:
        figures = queue_figures(scope=scope, period=period)
        shown = []
        if scope.kind != "officer":
            shown.append(Figure(_("Tiket diterbitkan"), figures["issued"], _number(figures["issued"])))
        shown.append(Figure(_("Tiket dilayani"), figures["served"], _number(figures["served"])))
        if scope.kind != "officer":
            shown.append(Figure(_("Tidak hadir"), figures["no_show"], _number(figures["no_show"])))
        shown.append(
            Figure(
                _("Median waktu tunggu (menit)"),
                figures["wait_minutes"],
                _min_display(figures["wait_minutes"]),
                _("dari tiket diterbitkan sampai dipanggil"),
            )
        )
        shown.append(
            Figure(
                _("Median lama layanan (menit)"),
                figures["service_minutes"],
                _min_display(figures["service_minutes"]),
                _("dari mulai dilayani sampai selesai"),
            )
        )
        section = Section(key=self.key, title=str(self.title), figures=shown)
        trend = queue_trend(scope=scope, end=period.end)
        labels = [_month_label(row["month"]) for row in trend]
        section.charts.append(
            bar_chart(
                title=_("Tiket antrian diterbitkan dan dilayani per bulan"),
                labels=labels,
                series=[
                    (_("Diterbitkan"), [row["issued"] for row in trend]),
                    (_("Dilayani"), [row["served"] for row in trend]),
                ],
            )
        )
        columns = [
            _("Diterbitkan"),
            _("Dilayani"),
            _("Tidak hadir"),
            _("Median waktu tunggu (menit)"),
            _("Median lama layanan (menit)"),
        ]

        def cells(row: dict) -> list:
            return [row["issued"], row["served"], row["no_show"], row["wait_minutes"], row["service_minutes"]]

        section.tables.append(
            Table(
                key="antrian-tren-bulanan",
                title=_("Antrian: tren bulanan"),
                columns=[_("Bulan"), *columns],
                rows=[[row["month"].strftime("%Y-%m"), *cells(row)] for row in trend],
            )
        )
        by = {"mpp": "agency", "agency": "queue"}.get(scope.kind)
        if by:
            rows = queue_breakdown(scope=scope, period=period, by=by)
            section.tables.append(
                Table(
                    key=f"antrian-per-{'instansi' if by == 'agency' else 'antrian'}",
                    title=_("Antrian per instansi") if by == "agency" else _("Antrian per jalur antrian"),
                    columns=[_("Instansi") if by == "agency" else _("Antrian"), *columns],
                    rows=[[row["label"], *cells(row)] for row in rows],
                    links=[row["link"] for row in rows],
                )
            )
        return section


def register_provider() -> None:
    register(QueueProvider())


# --- Monthly summaries (PostgreSQL) ----------------------------------------------------------------

_BASE_SQL = """
WITH base AS (
    SELECT date_trunc('month', t.day)::date AS month, q.agency_id, t.queue_id, t.service_id, t.status,
           t.issued_at, t.called_at, t.started_at, t.finished_at,
           CASE WHEN t.status = 'done' THEN (
               SELECT h.history_user_id FROM queueing_historicalticket h
               WHERE h.id = t.id AND h.status = 'done' AND h.history_user_id IS NOT NULL
               ORDER BY h.history_date, h.history_id LIMIT 1
           ) END AS officer_id
    FROM queueing_ticket t JOIN queueing_queue q ON q.id = t.queue_id
    WHERE t.day >= %(start)s AND t.day < %(end)s AND date_trunc('month', t.day)::date = ANY(%(months)s)
)
"""
_SCOPE_SQL = """
    CASE WHEN GROUPING(agency_id) = 0 THEN 'agency' WHEN GROUPING(queue_id) = 0 THEN 'queue'
         WHEN GROUPING(service_id) = 0 THEN 'service' WHEN GROUPING(officer_id) = 0 THEN 'officer'
         ELSE 'mpp' END,
    COALESCE(agency_id, queue_id, service_id, officer_id, 0)
"""
_SETS_SQL = """
    GROUPING SETS (({extra}), ({extra}, agency_id), ({extra}, queue_id), ({extra}, service_id),
                   ({extra}, officer_id))
    HAVING NOT (GROUPING(service_id) = 0 AND service_id IS NULL)
       AND NOT (GROUPING(officer_id) = 0 AND officer_id IS NULL)
"""
MONTHS_SQL = (
    "INSERT INTO queueing_queuemonth (scope, scope_id, month, issued, served, no_show) "
    + _BASE_SQL
    + "SELECT "
    + _SCOPE_SQL
    + """, month, COUNT(*), COUNT(*) FILTER (WHERE status = 'done'),
       COUNT(*) FILTER (WHERE status = 'no_show')
FROM base GROUP BY """
    + _SETS_SQL.format(extra="month")
)
MINUTES_SQL = (
    "INSERT INTO queueing_queuemonthminutes (scope, scope_id, month, kind, minutes, count) "
    + _BASE_SQL
    + """, durations AS (
    SELECT base.*, v.kind, v.minutes FROM base CROSS JOIN LATERAL (VALUES
        ('wait', CASE WHEN called_at IS NOT NULL THEN
            GREATEST(0, ROUND(EXTRACT(EPOCH FROM called_at - issued_at) / 60)) END),
        ('service', CASE WHEN status = 'done' AND started_at IS NOT NULL AND finished_at IS NOT NULL THEN
            GREATEST(0, ROUND(EXTRACT(EPOCH FROM finished_at - started_at) / 60)) END)
    ) AS v(kind, minutes)
    WHERE v.minutes IS NOT NULL
)
SELECT """
    + _SCOPE_SQL
    + """, month, kind, minutes, COUNT(*)
FROM durations GROUP BY """
    + _SETS_SQL.format(extra="month, kind, minutes")
)


def _next_month(month: date) -> date:
    return (month.replace(day=1) + timedelta(days=32)).replace(day=1)


@transaction.atomic
def queue_months_refresh(*, months: list[date]) -> int:
    """Rebuild the summaries of ``months`` (first days) from the tickets; returns the rows written.
    Idempotent; concurrent runs serialise on the table lock."""
    months = sorted({m.replace(day=1) for m in months})
    if not months or not _postgres():
        return 0
    params = {"months": months, "start": months[0], "end": _next_month(months[-1])}
    with connection.cursor() as cursor:
        cursor.execute("LOCK TABLE queueing_queuemonth IN EXCLUSIVE MODE")
        QueueMonth.objects.filter(month__in=months).delete()
        QueueMonthMinutes.objects.filter(month__in=months).delete()
        cursor.execute(MONTHS_SQL, params)
        written = cursor.rowcount
        cursor.execute(MINUTES_SQL, params)
        return written + cursor.rowcount


def queue_months_recent(*, today: date | None = None) -> int:
    """The beat's refresh: this month and last month (late closings land in last month)."""
    this_month = (today or timezone.localdate()).replace(day=1)
    return queue_months_refresh(months=[this_month - timedelta(days=1), this_month])


def queue_months_rebuild_all() -> int:
    months = Ticket.objects.annotate(month=TruncMonth("day")).values_list("month", flat=True).distinct()
    return queue_months_refresh(months=[m.date() if isinstance(m, datetime) else m for m in months])


def _summary_scope(scope: Scope) -> tuple[str, int]:
    return scope.kind, scope.scope_id


def _hist_medians(queryset, key: str) -> dict:
    """``{key value: {"wait": minutes, "service": minutes}}``: percentile_cont(0.5) of each key's
    summed histogram, found in SQL with running totals (one row per key and kind comes back)."""
    histogram = queryset.values(key, "kind", "minutes").order_by().annotate(n=Sum("count"))
    inner, params = histogram.query.sql_with_params()
    sql = f"""
        WITH h AS ({inner}),
        c AS (
            SELECT {key} AS k, kind, minutes,
                   SUM(n) OVER (PARTITION BY {key}, kind ORDER BY minutes) AS running,
                   SUM(n) OVER (PARTITION BY {key}, kind) AS total
            FROM h
        )
        SELECT k, kind, MAX(total),
               MIN(CASE WHEN running > FLOOR(0.5 * (total - 1)) THEN minutes END),
               MIN(CASE WHEN running > CEILING(0.5 * (total - 1)) THEN minutes END)
        FROM c GROUP BY k, kind
    """
    result: dict = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for k, kind, total, low, high in cursor.fetchall():
            position = 0.5 * (int(total) - 1)
            fraction = position - math.floor(position)
            result.setdefault(k, {})[kind] = round(low + (high - low) * fraction, 1)
    return result


def _summary_rows(*, scope: str, ids: list[int] | None, months: tuple[date, date], key: str) -> list[dict]:
    where = {"scope": scope, "month__gte": months[0], "month__lte": months[1]}
    if ids is not None and not ids:  # an agency without queues
        return []
    if ids is not None:
        where["scope_id__in"] = ids
    sums = (
        QueueMonth.objects.filter(**where)
        .values(key)
        .order_by()
        .annotate(issued=Sum("issued"), served=Sum("served"), no_show=Sum("no_show"))
    )
    medians = _hist_medians(QueueMonthMinutes.objects.filter(**where), key)
    return [
        {
            **row,
            "wait_minutes": medians.get(row[key], {}).get("wait"),
            "service_minutes": medians.get(row[key], {}).get("service"),
        }
        for row in sums
    ]


def _summary_figures(scope: Scope, period: Period) -> dict:
    kind, scope_id = _summary_scope(scope)
    rows = _summary_rows(scope=kind, ids=[scope_id], months=period.first_months, key="scope_id")
    empty = {"issued": 0, "served": 0, "no_show": 0, "wait_minutes": None, "service_minutes": None}
    found = {k: v for k, v in (rows[0] if rows else {}).items() if k != "scope_id"}
    return {**empty, **found}

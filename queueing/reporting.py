"""The queue section of the performance dashboards (issue 8), registered with ``reports.providers``
in QueueingConfig.ready().

Per scope and period (tickets of the days in the period), aggregated in SQL:
- issued, served (done), no-shows;
- median wait: issue (a booking's ticket is issued at check-in) -> the last call, over called tickets;
- median service time: started -> finished, over served tickets.
Medians are PostgreSQL ``percentile_cont(0.5)`` over the interval; on other databases (SQLite in a
developer's checkout) the same figures are computed in Python from the selected durations.
An agency's tickets are those of its queues; a service's, those issued for it; an officer's, the
tickets they finished (the history row that set "done" names them).
"""

import statistics
from datetime import date, datetime, timedelta

from django.db import connection
from django.db.models import Aggregate, Count, DurationField, ExpressionWrapper, F, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reports.charts import bar_chart
from reports.providers import Figure, Section, Table, _month_label, _number, register
from reports.selectors import Period, Scope, months_back

from .models import Ticket, TicketStatus

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


def queue_figures(*, scope: Scope, period: Period) -> dict:
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


def queue_trend(*, scope: Scope, end: date, months: int = 12) -> list[dict]:
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


def queue_breakdown(*, scope: Scope, period: Period, by: str) -> list[dict]:
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

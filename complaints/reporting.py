"""The complaints section of the performance dashboards (issue 8), registered with
``reports.providers`` in ComplaintsConfig.ready().

Per scope and period, aggregated in SQL (complaints are few, so no summary table):
- received: complaints created in the period (an agency: those routed to it, as its staff see them);
- answered: answers given in the period; answered on time: the answer came no later than the
  answer deadline of the stage it ended. ``Complaint.due_at`` moves on to the reporter's reaction
  deadline once answered, so the answer deadline is read from the complaint's history: the due date
  of the last "routed" row before the answer (a reporter's reply opens a new stage with a new
  deadline, and the last answer is judged against it);
- waiting now (for the complaint officer's verification or the agency's answer; an answered
  complaint waits on its reporter, not on the staff) and overdue now (that deadline has passed).
An officer's figures are the answers they wrote. No reporter data is read here (identity rule).
"""

from datetime import datetime

from django.db.models import Case, Count, DateTimeField, F, OuterRef, Q, QuerySet, Subquery, When
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reports import metrics
from reports.charts import bar_chart
from reports.providers import Figure, Section, Table, _month_label, _number, _pct, register
from reports.selectors import Period, Scope, months_back

from .models import Complaint, ComplaintStatus

S = ComplaintStatus
WAITING_ON_STAFF = (S.SUBMITTED, S.ROUTED)


def _scoped(scope: Scope) -> QuerySet[Complaint]:
    qs = Complaint.objects.all()
    if scope.kind == "agency":
        return qs.filter(agency_id=scope.agency.pk, routed_at__isnull=False)
    if scope.kind == "service":
        return qs.filter(service_id=scope.service.pk)
    if scope.kind == "officer":
        return qs.filter(answered_by_id=scope.officer.pk)
    return qs


def _answer_deadline(period: Period) -> Case:
    """The deadline of the stage the answer ended, for answers given in the period (CASE keeps the
    history lookup to those rows)."""
    history = Complaint.history.model.objects.filter(
        id=OuterRef("pk"), status=S.ROUTED, history_date__lt=OuterRef("answered_at")
    ).order_by("-history_date")
    return Case(
        When(_answered_in(period), then=Subquery(history.values("due_at")[:1])),
        default=None,
        output_field=DateTimeField(),
    )


def _answered_in(period: Period) -> Q:
    return Q(answered_at__gte=period.start_at, answered_at__lt=period.end_at)


def _relevant(period: Period) -> Q:
    """The rows any count looks at: received or answered in the period, or waiting now."""
    return (
        Q(created_at__gte=period.start_at, created_at__lt=period.end_at)
        | _answered_in(period)
        | Q(status__in=WAITING_ON_STAFF)
    )


def _counts(period: Period, now: datetime) -> dict:
    start, end = period.start_at, period.end_at
    answered = _answered_in(period)
    return {
        "received": Count("pk", filter=Q(created_at__gte=start, created_at__lt=end)),
        "answered": Count("pk", filter=answered),
        "on_time": Count("pk", filter=answered & Q(answered_at__lte=F("answer_due"))),
        "open": Count("pk", filter=Q(status__in=WAITING_ON_STAFF)),
        "overdue": Count("pk", filter=Q(status__in=WAITING_ON_STAFF, due_at__lt=now)),
    }


def complaint_figures(*, scope: Scope, period: Period, now: datetime) -> dict:
    """One query: received, answered, answered on time in the period; open and overdue now."""
    return (
        _scoped(scope)
        .filter(_relevant(period))
        .annotate(answer_due=_answer_deadline(period))
        .aggregate(**_counts(period, now))
    )


def complaint_trend(*, scope: Scope, end, months: int = 12) -> list[dict]:
    """Per month (MPP time): received, answered, answered on time. Two GROUP BY queries."""
    wanted = months_back(end, months)
    period = Period(wanted[0], wanted[-1])
    base = _scoped(scope)
    received = dict(
        base.filter(created_at__gte=period.start_at, created_at__lt=period.end_at)
        .annotate(month=TruncMonth("created_at"))
        .values("month")
        .order_by()
        .annotate(n=Count("pk"))
        .values_list("month", "n")
    )
    answered = {
        row["month"]: row
        for row in base.filter(answered_at__gte=period.start_at, answered_at__lt=period.end_at)
        .annotate(month=TruncMonth("answered_at"), answer_due=_answer_deadline(period))
        .values("month")
        .order_by()
        .annotate(answered=Count("pk"), on_time=Count("pk", filter=Q(answered_at__lte=F("answer_due"))))
    }

    def _key(month):
        return month.date() if isinstance(month, datetime) else month

    received = {_key(k): v for k, v in received.items()}
    answered = {_key(k): v for k, v in answered.items()}
    return [
        {
            "month": month,
            "received": received.get(month, 0),
            "answered": answered.get(month, {}).get("answered", 0),
            "on_time": answered.get(month, {}).get("on_time", 0),
        }
        for month in wanted
    ]


def complaints_per_agency(*, period: Period, now: datetime) -> list[dict]:
    """The MPP's table: one row per agency that received, answered or holds complaints."""
    rows = (
        Complaint.objects.filter(agency__isnull=False, routed_at__isnull=False)
        .filter(_relevant(period))
        .annotate(answer_due=_answer_deadline(period))
        .values("agency_id", "agency__name", "agency__slug")
        .order_by()
        .annotate(**_counts(period, now))
    )
    found = [r for r in rows if r["received"] or r["answered"] or r["open"]]
    return sorted(found, key=lambda r: (-r["received"], r["agency__name"]))


class ComplaintsProvider:
    key = "complaints"
    title = gettext_lazy("Pengaduan")

    def section(self, *, scope: Scope, period: Period, now: datetime) -> Section:
        figures = complaint_figures(scope=scope, period=period, now=now)
        rate = metrics.percent(figures["on_time"], figures["answered"])
        shown = []
        if scope.kind != "officer":
            shown.append(Figure(_("Pengaduan diterima"), figures["received"], _number(figures["received"])))
        shown.append(Figure(_("Dijawab"), figures["answered"], _number(figures["answered"])))
        shown.append(
            Figure(
                _("Dijawab tepat waktu"),
                rate,
                _pct(rate),
                _("%(on_time)s dari %(answered)s jawaban")
                % {"on_time": _number(figures["on_time"]), "answered": _number(figures["answered"])},
            )
        )
        if scope.kind != "officer":
            shown.append(
                Figure(
                    _("Menunggu verifikasi atau jawaban"),
                    figures["open"],
                    _number(figures["open"]),
                    _("saat ini"),
                )
            )
            shown.append(
                Figure(
                    _("Pengaduan lewat batas waktu saat ini"),
                    figures["overdue"],
                    _number(figures["overdue"]),
                    _("verifikasi atau jawaban terlambat"),
                )
            )
        section = Section(key=self.key, title=str(self.title), figures=shown)
        trend = complaint_trend(scope=scope, end=period.end)
        labels = [_month_label(row["month"]) for row in trend]
        section.charts.append(
            bar_chart(
                title=_("Pengaduan diterima dan dijawab per bulan"),
                labels=labels,
                series=[
                    (_("Diterima"), [row["received"] for row in trend]),
                    (_("Dijawab"), [row["answered"] for row in trend]),
                ],
            )
        )
        section.tables.append(
            Table(
                key="pengaduan-tren-bulanan",
                title=_("Pengaduan: tren bulanan"),
                columns=[
                    _("Bulan"),
                    _("Diterima"),
                    _("Dijawab"),
                    _("Dijawab tepat waktu"),
                    _("Tepat waktu (%)"),
                ],
                rows=[
                    [
                        row["month"].strftime("%Y-%m"),
                        row["received"],
                        row["answered"],
                        row["on_time"],
                        metrics.percent(row["on_time"], row["answered"]),
                    ]
                    for row in trend
                ],
            )
        )
        if scope.kind == "mpp":
            rows = complaints_per_agency(period=period, now=now)
            section.tables.append(
                Table(
                    key="pengaduan-per-instansi",
                    title=_("Pengaduan per instansi"),
                    columns=[
                        _("Instansi"),
                        _("Diterima"),
                        _("Dijawab"),
                        _("Dijawab tepat waktu"),
                        _("Tepat waktu (%)"),
                        _("Menunggu verifikasi atau jawaban"),
                        _("Lewat batas waktu saat ini"),
                    ],
                    rows=[
                        [
                            r["agency__name"],
                            r["received"],
                            r["answered"],
                            r["on_time"],
                            metrics.percent(r["on_time"], r["answered"]),
                            r["open"],
                            r["overdue"],
                        ]
                        for r in rows
                    ],
                    links=[reverse("reports:agency", args=[r["agency__slug"]]) for r in rows],
                )
            )
        return section


def register_provider() -> None:
    register(ComplaintsProvider())

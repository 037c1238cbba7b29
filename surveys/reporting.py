"""The satisfaction (IKM) section of the performance dashboards, the officers' IKM for the
ranking (``reports.recognition.officer_satisfaction``) and the MPP's IKM on /transparansi/.
Registered in SurveysConfig.ready().

Every figure is surveys.selectors' SQL aggregation (respondents, nine element sums and the exact
IKM in one query) over the responses submitted in the period. An officer's responses are those on
applications assigned to them: a response's invitation names its application
(``subject_kind="application"``, ``subject_id``).
"""

from datetime import date, datetime

from django.db.models import IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Cast, TruncMonth
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from permits.models import Application
from reports import recognition
from reports.charts import bar_chart
from reports.providers import Figure, Section, Table, _month_label, _number, register, register_headline
from reports.selectors import Period, Scope, months_back

from .models import SubjectKind, SurveyResponse
from .questions import QUESTIONS
from .selectors import IkmRow, _aggregates, _row


def _scoped(scope: Scope) -> QuerySet[SurveyResponse]:
    qs = SurveyResponse.objects.all()
    if scope.kind == "agency":
        return qs.filter(agency_id=scope.agency.pk)
    if scope.kind == "service":
        return qs.filter(service_id=scope.service.pk)
    if scope.kind == "officer":
        handled = Application.objects.filter(assigned_to_id=scope.officer.pk).values("pk")
        return qs.filter(invitation__subject_kind=SubjectKind.APPLICATION, invitation__subject_id__in=handled)
    return qs


def _in(qs: QuerySet, start: datetime, end: datetime) -> QuerySet:
    return qs.filter(submitted_at__gte=start, submitted_at__lt=end)


def ikm_of_scope(*, scope: Scope, period: Period) -> IkmRow | None:
    values = _in(_scoped(scope), period.start_at, period.end_at).aggregate(**_aggregates())
    return _row(values, None) if values["respondents"] else None


def ikm_trend(*, scope: Scope, end: date, months: int = 12) -> list[dict]:
    wanted = months_back(end, months)
    span = Period(wanted[0], wanted[-1])
    rows = (
        _in(_scoped(scope), span.start_at, span.end_at)
        .annotate(month=TruncMonth("submitted_at"))
        .values("month")
        .order_by()
        .annotate(**_aggregates())
    )
    found = {timezone.localtime(r["month"]).date(): _row(r, None) for r in rows}
    return [{"month": month, "ikm": found.get(month)} for month in wanted]


def ikm_per(*, scope: Scope, period: Period, field: str) -> list[tuple[object, IkmRow]]:
    """Per agency (of the MPP) or per service (of an agency): one GROUP BY query."""
    qs = _in(_scoped(scope), period.start_at, period.end_at).exclude(**{f"{field}__isnull": True})
    rows = (
        qs.values(f"{field}_id", f"{field}__name", f"{field}__{'slug' if field == 'agency' else 'code'}")
        .order_by()
        .annotate(**_aggregates())
    )
    result = [(r, _row(r, r[f"{field}_id"])) for r in rows]
    return sorted(result, key=lambda pair: (-pair[1].respondents, pair[0][f"{field}__name"]))


def officers_ikm(officer_ids: list[int], period: Period) -> dict[int, float]:
    """The ranking hook: each officer's IKM over the responses submitted in the period on
    applications assigned to them; one GROUP BY query. Officers without responses are absent."""
    if not officer_ids:
        return {}
    officer = Application.objects.filter(pk=OuterRef("subject_pk")).values("assigned_to_id")[:1]
    rows = (
        _in(SurveyResponse.objects, period.start_at, period.end_at)
        .filter(invitation__subject_kind=SubjectKind.APPLICATION)
        .annotate(subject_pk=Cast("invitation__subject_id", IntegerField()))
        .annotate(officer_id=Subquery(officer))
        .filter(officer_id__in=officer_ids)
        .values("officer_id")
        .order_by()
        .annotate(**_aggregates())
    )
    return {r["officer_id"]: float(_row(r, r["officer_id"]).shown) for r in rows}


def _ikm_display(row: IkmRow | None) -> str:
    return "-" if row is None else formats.number_format(row.shown, 2)


class SatisfactionProvider:
    key = "ikm"
    title = gettext_lazy("Kepuasan masyarakat (IKM)")

    def section(self, *, scope: Scope, period: Period, now: datetime) -> Section:
        row = ikm_of_scope(scope=scope, period=period)
        section = Section(key=self.key, title=str(self.title))
        section.figures = [
            Figure(
                _("IKM"),
                float(row.shown) if row else None,
                _ikm_display(row),
                _("skala 25–100") if row else _("belum ada responden"),
            ),
            Figure(
                _("Mutu pelayanan"),
                row.grade.letter if row else None,
                f"{row.grade.letter} ({row.grade.label})" if row else "-",
            ),
            Figure(_("Responden"), row.respondents if row else 0, _number(row.respondents if row else 0)),
        ]
        if scope.kind == "officer":
            section.figures[-1].note = _("survei atas permohonan yang ditangani petugas ini")
        section.tables.append(
            Table(
                key="ikm-per-unsur",
                title=_("Nilai rata-rata per unsur (NRR)"),
                columns=[_("Unsur"), _("Jumlah nilai"), _("NRR"), _("NRR tertimbang (× 1/9)")],
                rows=[
                    [
                        f"{question.code} {question.name}",
                        row.sums[i],
                        float(row.nrr[i]),
                        round(float(row.sums[i]) / row.respondents / 9, 3),
                    ]
                    for i, question in enumerate(QUESTIONS)
                ]
                if row
                else [],
            )
        )
        trend = ikm_trend(scope=scope, end=period.end)
        section.charts.append(
            bar_chart(
                title=_("IKM per bulan"),
                labels=[_month_label(t["month"]) for t in trend],
                series=[(_("IKM"), [float(t["ikm"].shown) if t["ikm"] else None for t in trend])],
                max_value=100,
            )
        )
        section.tables.append(
            Table(
                key="ikm-tren-bulanan",
                title=_("IKM: tren bulanan"),
                columns=[_("Bulan"), _("IKM"), _("Mutu"), _("Responden")],
                rows=[
                    [
                        t["month"].strftime("%Y-%m"),
                        float(t["ikm"].shown) if t["ikm"] else None,
                        t["ikm"].grade.letter if t["ikm"] else None,
                        t["ikm"].respondents if t["ikm"] else 0,
                    ]
                    for t in trend
                ],
            )
        )
        by = {"mpp": "agency", "agency": "service"}.get(scope.kind)
        if by:
            rows = ikm_per(scope=scope, period=period, field=by)
            section.tables.append(
                Table(
                    key=f"ikm-per-{by}",
                    title=_("IKM per instansi") if by == "agency" else _("IKM per layanan"),
                    columns=[
                        _("Instansi") if by == "agency" else _("Layanan"),
                        _("IKM"),
                        _("Mutu"),
                        _("Responden"),
                    ],
                    rows=[
                        [r[f"{by}__name"], float(ikm.shown), ikm.grade.letter, ikm.respondents]
                        for r, ikm in rows
                    ],
                    links=[
                        reverse("reports:agency", args=[r["agency__slug"]])
                        if by == "agency"
                        else reverse("reports:service", args=[r["service__code"]])
                        for r, _ikm in rows
                    ],
                )
            )
        return section


def mpp_ikm(*, today: date | None = None) -> IkmRow | None:
    """The MPP's IKM for the transparency page: this year so far (the SKM is published per year)."""
    today = today or timezone.localdate()
    return ikm_of_scope(scope=Scope("mpp"), period=Period(date(today.year, 1, 1), today))


def transparency_headlines() -> list[Figure]:
    row = mpp_ikm()
    year = timezone.localdate().year
    return [
        Figure(
            _("IKM %(year)s") % {"year": year},
            float(row.shown) if row else None,
            _ikm_display(row),
            _("mutu %(letter)s (%(label)s), %(respondents)s responden")
            % {"letter": row.grade.letter, "label": row.grade.label, "respondents": _number(row.respondents)}
            if row
            else _("belum ada responden"),
        ),
        Figure(
            _("Responden survei kepuasan"),
            row.respondents if row else 0,
            _number(row.respondents if row else 0),
        ),
    ]


def register_provider() -> None:
    register(SatisfactionProvider())
    register_headline("ikm", transparency_headlines)
    recognition.officer_satisfaction = officers_ikm

"""The satisfaction (IKM) section of the performance dashboards, the officers' IKM for the
ranking (``reports.recognition.officer_satisfaction``) and the MPP's IKM on /transparansi/.
Registered in SurveysConfig.ready().

The IKM is a function of the nine element sums and the number of respondents (surveys/ikm.py), so
every figure here is exact from the monthly sums the reports app keeps per agency, service and
officer (reports.models.SurveyMonth, rebuilt from the responses by Celery beat; the officer is the
one assigned to the surveyed application: the invitation names it, ``subject_kind="application"``).
Reading a few hundred summary rows instead of every response keeps each dashboard within its
300 ms with 500,000 responses a year (benchmarks/dashboards.py).
"""

from datetime import date, datetime

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agencies.models import Agency
from reports import recognition
from reports.charts import bar_chart
from reports.providers import Figure, Section, Table, _month_label, _number, register, register_headline
from reports.selectors import Period, Scope, months_back, survey_sums
from services.models import Service

from .models import ELEMENTS
from .questions import QUESTIONS
from .selectors import IkmRow, ikm_row


def _ikm_row(values: dict, key=None) -> IkmRow | None:
    return ikm_row(values.get("respondents") or 0, (values[e] for e in ELEMENTS), key)


def ikm_of_scope(*, scope: Scope, period: Period) -> IkmRow | None:
    rows = survey_sums(scope=scope, period=period)
    return _ikm_row(rows[0]) if rows else None


def ikm_trend(*, scope: Scope, end: date, months: int = 12) -> list[dict]:
    wanted = months_back(end, months)
    rows = survey_sums(scope=scope, period=Period(wanted[0], wanted[-1]), by="month")
    found = {r["month"]: _ikm_row(r) for r in rows}
    return [{"month": month, "ikm": found.get(month)} for month in wanted]


def ikm_per(*, scope: Scope, period: Period, field: str) -> list[tuple[object, IkmRow]]:
    """Per agency (of the MPP) or per service (of an agency), largest first."""
    rows = survey_sums(scope=scope, period=period, by=f"{field}_id")
    model = Agency if field == "agency" else Service
    objects = model.objects.in_bulk([r[f"{field}_id"] for r in rows])
    result = [
        (objects[r[f"{field}_id"]], _ikm_row(r, r[f"{field}_id"]))
        for r in rows
        if r[f"{field}_id"] in objects
    ]
    return sorted(result, key=lambda pair: (-pair[1].respondents, pair[0].name))


def officers_ikm(officer_ids: list[int], period: Period) -> dict[int, float]:
    """The ranking hook: each officer's IKM over the period's responses on applications assigned to
    them. Officers without responses are absent (the ranking then scores them without the IKM)."""
    if not officer_ids:
        return {}
    wanted = set(officer_ids)
    rows = survey_sums(scope=Scope("mpp"), period=period, by="officer_id")
    return {
        r["officer_id"]: float(_ikm_row(r).shown)
        for r in rows
        if r["officer_id"] in wanted and r["respondents"]
    }


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
                        [obj.name, float(ikm.shown), ikm.grade.letter, ikm.respondents] for obj, ikm in rows
                    ],
                    links=[
                        reverse("reports:agency", args=[obj.slug])
                        if by == "agency"
                        else reverse("reports:service", args=[obj.code])
                        for obj, _ikm in rows
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

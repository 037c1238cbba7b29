"""Dashboard sections come from metric providers, so complaints, queues and the IKM survey plug
in without touching the dashboard: each provider turns a scope and a period into a Section of
figures, charts and tables (every table exports to CSV and XLSX).

    from reports.providers import register
    register(ComplaintsProvider())   # in the complaints app's AppConfig.ready()
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import metrics, selectors
from .charts import bar_chart
from .selectors import Period, Scope


@dataclass
class Figure:
    label: str
    value: object
    display: str
    note: str = ""


@dataclass
class Table:
    key: str
    title: str
    columns: list[str]
    rows: list[list]
    links: list[str | None] = field(default_factory=list)

    @property
    def linked_rows(self) -> list[tuple[str | None, list]]:
        links = self.links or [None] * len(self.rows)
        return list(zip(links, self.rows, strict=True))


@dataclass
class Section:
    key: str
    title: str
    figures: list[Figure] = field(default_factory=list)
    charts: list[dict] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


class MetricProvider(Protocol):
    key: str

    def section(self, *, scope: Scope, period: Period, now: datetime) -> Section | None: ...


_REGISTRY: dict[str, MetricProvider] = {}


def register(provider: MetricProvider) -> MetricProvider:
    _REGISTRY[provider.key] = provider
    return provider


def registered() -> list[MetricProvider]:
    return list(_REGISTRY.values())


# The public transparency page's headline figures beyond the applications' (the MPP's IKM...):
# callables () -> list[Figure], registered by the app that owns the figure.
_HEADLINES: dict[str, object] = {}


def register_headline(key: str, figures) -> None:
    _HEADLINES[key] = figures


def headlines() -> list[Figure]:
    return [figure for produce in _HEADLINES.values() for figure in produce()]


def iter_sections(*, scope: Scope, period: Period, now: datetime | None = None):
    """Each provider's section in turn, computed only when asked for (an export stops at its table)."""
    now = now or timezone.now()
    for provider in registered():
        section = provider.section(scope=scope, period=period, now=now)
        if section is not None:
            yield section


def sections(*, scope: Scope, period: Period, now: datetime | None = None) -> list[Section]:
    return list(iter_sections(scope=scope, period=period, now=now))


def _number(value) -> str:
    return formats.number_format(value, force_grouping=True)


def _pct(value) -> str:
    return "-" if value is None else f"{formats.number_format(value, 1)} %"


def _days(value) -> str:
    return "-" if value is None else formats.number_format(round(value, 1), 1)


def _month_label(month) -> str:
    return formats.date_format(month, "M Y")


class ApplicationsProvider:
    key = "applications"
    title = gettext_lazy("Permohonan")

    def section(self, *, scope: Scope, period: Period, now: datetime) -> Section:
        figures = selectors.application_figures(scope=scope, period=period, now=now)
        on_time_rate = metrics.percent(figures["on_time"], figures["measured"])
        oldest = figures["oldest_open"]
        section = Section(
            key=self.key,
            title=str(self.title),
            figures=[
                Figure(_("Diterima"), figures["received"], _number(figures["received"])),
                Figure(_("Diputuskan"), figures["decided"], _number(figures["decided"])),
                Figure(
                    _("Tepat waktu"),
                    on_time_rate,
                    _pct(on_time_rate),
                    _("%(on_time)s dari %(measured)s keputusan")
                    % {"on_time": _number(figures["on_time"]), "measured": _number(figures["measured"])},
                ),
                Figure(
                    _("Median lama proses (hari kerja)"),
                    figures["median_days"],
                    _days(figures["median_days"]),
                ),
                Figure(_("Lewat batas waktu saat ini"), figures["overdue"], _number(figures["overdue"])),
                Figure(
                    _("Permohonan terbuka tertua"),
                    oldest,
                    formats.date_format(timezone.localtime(oldest), "j M Y") if oldest else "-",
                    _("diajukan %(days)s hari lalu") % {"days": (now - oldest).days} if oldest else "",
                ),
            ],
        )
        trend = selectors.monthly_trend(scope=scope, end=period.end)
        section.charts.append(
            bar_chart(
                title=_("Permohonan diterima dan diputuskan per bulan"),
                labels=[_month_label(row["month"]) for row in trend],
                series=[
                    (_("Diterima"), [row["received"] for row in trend]),
                    (_("Diputuskan"), [row["decided"] for row in trend]),
                ],
            )
        )
        section.charts.append(
            bar_chart(
                title=_("Keputusan tepat waktu per bulan (%)"),
                labels=[_month_label(row["month"]) for row in trend],
                series=[
                    (_("Tepat waktu (%)"), [metrics.percent(r["on_time"], r["measured"]) for r in trend])
                ],
                max_value=100,
            )
        )
        section.tables.append(
            Table(
                key="tren-bulanan",
                title=_("Tren bulanan"),
                columns=[_("Bulan"), _("Diterima"), _("Diputuskan"), _("Tepat waktu"), _("Tepat waktu (%)")],
                rows=[
                    [
                        row["month"].strftime("%Y-%m"),
                        row["received"],
                        row["decided"],
                        row["on_time"],
                        metrics.percent(row["on_time"], row["measured"]),
                    ]
                    for row in trend
                ],
            )
        )
        for by, title in self._breakdowns(scope):
            rows = selectors.breakdown(scope=scope, period=period, by=by)
            section.tables.append(
                Table(
                    key=f"per-{by}",
                    title=title,
                    columns=[
                        {"agency": _("Instansi"), "service": _("Layanan"), "officer": _("Petugas")}[by],
                        _("Diputuskan"),
                        _("Tepat waktu"),
                        _("Tepat waktu (%)"),
                        _("Median lama proses (hari kerja)"),
                    ],
                    rows=[
                        [
                            str(row["object"]) if row["object"] else _("(belum ditugaskan)"),
                            row["decided"],
                            row["on_time"],
                            metrics.percent(row["on_time"], row["measured"]),
                            round(row["median_days"], 2) if row["median_days"] is not None else None,
                        ]
                        for row in rows
                    ],
                    links=[_link(by, row["object"]) for row in rows],
                )
            )
        return section

    @staticmethod
    def _breakdowns(scope: Scope) -> list[tuple[str, str]]:
        if scope.kind == "mpp":
            return [("agency", _("Keputusan per instansi"))]
        if scope.kind == "agency":
            return [("service", _("Keputusan per layanan")), ("officer", _("Keputusan per petugas"))]
        return []


def _link(by: str, obj) -> str | None:
    if obj is None:
        return None
    if by == "agency":
        return reverse("reports:agency", args=[obj.slug])
    if by == "service":
        return reverse("reports:service", args=[obj.code])
    return reverse("reports:officer", args=[obj.pk])


register(ApplicationsProvider())

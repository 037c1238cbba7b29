"""Dashboards, the officer ranking and the public transparency page. Thin: parse the period and
scope, check access, call selectors/providers, render or export."""

from datetime import date, datetime

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User
from accounts.permissions import (
    is_agency_admin,
    is_mpp_admin,
    is_supervisor,
    user_passes_role_test,
)
from agencies.models import Agency
from services.models import Service

from . import metrics, providers, recognition, selectors
from .exports import table_response
from .providers import Table
from .selectors import Period, Scope
from .services import facts_refreshed_at


def can_view_reports(user) -> bool:
    return is_mpp_admin(user) or is_agency_admin(user) or is_supervisor(user)


reports_required = user_passes_role_test(
    can_view_reports, gettext_lazy("Halaman ini khusus untuk admin dan supervisor.")
)


def _check_agency(user, agency_id: int | None) -> None:
    """Agency admins and supervisors see their own agency's figures only."""
    if is_mpp_admin(user):
        return
    if agency_id is None or agency_id != user.agency_id:
        raise PermissionDenied(_("Anda hanya dapat melihat laporan instansi Anda sendiri."))


class MonthField(forms.DateField):
    """A month (``YYYY-MM``, what ``<input type="month">`` sends), as its first day."""

    input_formats = ["%Y-%m", "%Y-%m-%d"]
    widget = forms.DateInput(attrs={"type": "month"}, format="%Y-%m")

    def to_python(self, value):
        day = super().to_python(value)
        return day.replace(day=1) if day else day


class PeriodForm(forms.Form):
    dari = MonthField(label=gettext_lazy("Dari bulan"))
    sampai = MonthField(label=gettext_lazy("Sampai bulan"))

    def clean(self):
        data = super().clean()
        if data.get("dari") and data.get("sampai") and data["dari"] > data["sampai"]:
            raise forms.ValidationError(_("Bulan awal tidak boleh setelah bulan akhir."))
        if data.get("dari") and data.get("sampai") and (data["sampai"] - data["dari"]).days > 3660:
            raise forms.ValidationError(_("Periode paling panjang 10 tahun."))
        return data


def _period(request) -> tuple[Period, PeriodForm]:
    """Whole months, this month by default: dashboards read the monthly summaries."""
    today = timezone.localdate()
    default = Period.month_of(today)
    if "dari" not in request.GET and "sampai" not in request.GET:
        return default, PeriodForm(initial={"dari": default.start, "sampai": default.start})
    form = PeriodForm(request.GET)
    if form.is_valid():
        return Period(form.cleaned_data["dari"], form.cleaned_data["sampai"]), form
    return default, form


def _export_or_render(request, tables: list[Table], template: str, context: dict, hint: str):
    fmt = request.GET.get("ekspor")
    if fmt:
        if fmt not in ("csv", "xlsx"):
            raise Http404
        key = request.GET.get("tabel", "")
        for table in tables:
            if table.key == key:
                return table_response(table, fmt, filename_hint=hint)
        raise Http404
    return render(request, template, context)


def _dashboard(request, scope: Scope, title: str, hint: str):
    period, form = _period(request)
    now = timezone.now()
    fmt = request.GET.get("ekspor")
    if fmt:
        # An export computes the sections only up to the one holding the table.
        if fmt not in ("csv", "xlsx"):
            raise Http404
        key = request.GET.get("tabel", "")
        for section in providers.iter_sections(scope=scope, period=period, now=now):
            for table in section.tables:
                if table.key == key:
                    return table_response(table, fmt, filename_hint=hint)
        raise Http404
    sections = providers.sections(scope=scope, period=period, now=now)
    tables = [table for section in sections for table in section.tables]
    query = request.GET.copy()
    query.pop("ekspor", None)
    query.pop("tabel", None)
    context = {
        "title": title,
        "scope": scope,
        "period": period,
        "form": form,
        "sections": sections,
        "refreshed_at": facts_refreshed_at(),
        "query": query.urlencode(),
    }
    return _export_or_render(request, tables, "reports/dashboard.html", context, hint)


@reports_required
def home(request):
    if not is_mpp_admin(request.user):
        return redirect("reports:agency", slug=request.user.agency.slug)
    return _dashboard(request, Scope("mpp"), _("Kinerja MPP"), "mpp")


@reports_required
def agency_dashboard(request, slug: str):
    agency = get_object_or_404(Agency, slug=slug)
    _check_agency(request.user, agency.pk)
    return _dashboard(request, Scope("agency", agency=agency), str(agency.name), agency.slug)


@reports_required
def service_dashboard(request, code: str):
    service = get_object_or_404(Service.objects.select_related("agency"), code=code)
    _check_agency(request.user, service.agency_id)
    return _dashboard(request, Scope("service", service=service), service.name, service.code)


@reports_required
def officer_dashboard(request, pk: int):
    officer = get_object_or_404(User.objects.select_related("agency"), pk=pk, agency__isnull=False)
    _check_agency(request.user, officer.agency_id)
    return _dashboard(request, Scope("officer", officer=officer), officer.full_name, f"petugas-{officer.pk}")


def _month(value: str | None) -> date:
    today = timezone.localdate()
    if value:
        try:
            return datetime.strptime(value, "%Y-%m").date()
        except ValueError:
            pass
    return today.replace(day=1)


@reports_required
def ranking(request):
    month = _month(request.GET.get("bulan"))
    period = Period.month_of(month)
    agencies = Agency.objects.filter(is_active=True).order_by("name") if is_mpp_admin(request.user) else None
    agency = None
    if is_mpp_admin(request.user):
        slug = request.GET.get("instansi")
        agency = Agency.objects.filter(slug=slug).first() if slug else None
    else:
        agency = request.user.agency
    ranked = recognition.ranking(period=period, agency_id=agency.pk if agency else None)
    breaches = recognition.repeated_breaches(ranked)
    agency_names = dict(Agency.objects.values_list("pk", "short_name"))
    columns = [
        _("Peringkat"),
        _("Petugas"),
        _("Instansi"),
        _("Diputuskan"),
        _("Tepat waktu (%)"),
        _("IKM"),
        _("Skor"),
    ]
    ranking_table = Table(
        key="peringkat",
        title=_("Peringkat petugas"),
        columns=columns,
        rows=[
            [r.rank, str(r.officer), agency_names.get(r.agency_id), r.decided, r.on_time_rate, r.ikm, r.score]
            for r in ranked
            if r.qualifies
        ],
    )
    breach_table = Table(
        key="pelanggaran-berulang",
        title=_("Petugas dengan pelanggaran batas waktu berulang"),
        columns=[_("Petugas"), _("Instansi"), _("Diputuskan terlambat"), _("Lewat batas waktu saat ini")],
        rows=[[str(r.officer), agency_names.get(r.agency_id), r.late, r.overdue] for r in breaches],
    )
    context = {
        "period": period,
        "month_value": month.strftime("%Y-%m"),
        "agencies": agencies,
        "agency": agency,
        "ranked": [r for r in ranked if r.qualifies],
        "not_qualified": [r for r in ranked if not r.qualifies],
        "best": [r for r in ranked if r.best_of_agency],
        "breaches": breaches,
        "agency_names": agency_names,
        "minimum": settings.MPP_RANKING_MIN_VOLUME,
        "breach_threshold": settings.MPP_BREACH_REPEAT,
        "weights": metrics,
        "with_ikm": recognition.officer_satisfaction is not None,
        "query": f"bulan={month:%Y-%m}"
        + (f"&instansi={agency.slug}" if agency and is_mpp_admin(request.user) else ""),
    }
    return _export_or_render(
        request, [ranking_table, breach_table], "reports/ranking.html", context, "peringkat"
    )


def transparency(request):
    figures = selectors.transparency_figures()
    figures["on_time_rate"] = metrics.percent(figures["on_time"], figures["measured"])
    table = Table(
        key="angka-utama",
        title=_("Angka utama MPP"),
        columns=[_("Ukuran"), _("Nilai")],
        rows=[
            [_("Layanan"), figures["services"]],
            [_("Instansi"), figures["agencies"]],
            [_("Permohonan diputuskan bulan ini"), figures["decided"]],
            [_("Tepat waktu (%)"), figures["on_time_rate"]],
        ],
    )
    extra = providers.headlines()
    table.rows.extend([figure.label, figure.value] for figure in extra)
    return _export_or_render(
        request,
        [table],
        "reports/transparency.html",
        {"figures": figures, "table": table, "headlines": extra},
        "transparansi",
    )

"""The IKM, aggregated in SQL: one query per report (MPP, per agency or per service) over a period.

The database returns, per group, the number of respondents, the nine element sums and the IKM
itself as an exact numeric: sum of all scores x 25 / (9 x respondents), which equals the mean of
the nine NRR times 25 with the exact 1/9 weight (surveys/ikm.py is the reference formula; the
tests compare the two). The grade is read from the value rounded to two decimals, as published.
"""

from __future__ import annotations

import calendar as pycalendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal, localcontext

from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import ikm as formula
from .models import ELEMENTS, FollowUpAction, SurveyInvitation, SurveyResponse

PERIOD_KINDS = {"month": _("Bulan"), "quarter": _("Triwulan"), "year": _("Tahun")}


@dataclass(frozen=True)
class Period:
    kind: str
    year: int
    number: int  # month 1-12, quarter 1-4, 1 for a year

    @property
    def first_day(self) -> date:
        if self.kind == "month":
            return date(self.year, self.number, 1)
        if self.kind == "quarter":
            return date(self.year, 3 * (self.number - 1) + 1, 1)
        return date(self.year, 1, 1)

    @property
    def last_day(self) -> date:
        if self.kind == "month":
            return date(self.year, self.number, pycalendar.monthrange(self.year, self.number)[1])
        if self.kind == "quarter":
            month = 3 * self.number
            return date(self.year, month, pycalendar.monthrange(self.year, month)[1])
        return date(self.year, 12, 31)

    def bounds(self) -> tuple[datetime, datetime]:
        """[start, end) in the MPP's time zone."""
        zone = timezone.get_current_timezone()
        start = datetime.combine(self.first_day, time.min, tzinfo=zone)
        end = datetime.combine(self.last_day + timedelta(days=1), time.min, tzinfo=zone)
        return start, end

    @property
    def label(self) -> str:
        if self.kind == "month":
            from django.utils import formats

            return formats.date_format(self.first_day, "F Y")
        if self.kind == "quarter":
            return _("Triwulan %(n)s %(year)s") % {"n": self.number, "year": self.year}
        return str(self.year)


def current_period(kind: str = "year", today: date | None = None) -> Period:
    today = today or timezone.localdate()
    if kind == "month":
        return Period("month", today.year, today.month)
    if kind == "quarter":
        return Period("quarter", today.year, (today.month - 1) // 3 + 1)
    return Period("year", today.year, 1)


def parse_period(kind: str | None, year: str | None, number: str | None) -> Period:
    """A period from query parameters; anything invalid falls back to the current one."""
    kind = kind if kind in PERIOD_KINDS else "year"
    fallback = current_period(kind)
    try:
        year_value = int(year) if year else fallback.year
        number_value = int(number) if number else fallback.number
    except ValueError:
        return fallback
    limit = {"month": 12, "quarter": 4, "year": 1}[kind]
    if not (2000 <= year_value <= 2100 and 1 <= number_value <= limit):
        return fallback
    return Period(kind, year_value, number_value)


@dataclass(frozen=True)
class IkmRow:
    key: int | None
    respondents: int
    sums: tuple[int, ...]
    value: Decimal  # exact numeric from SQL

    @property
    def shown(self) -> Decimal:
        return formula.to_display(self.value)

    @property
    def grade(self) -> formula.Grade:
        return formula.grade(self.value)

    @property
    def nrr(self) -> tuple[Decimal, ...]:
        return tuple((Decimal(s) / Decimal(self.respondents)).quantize(Decimal("0.001")) for s in self.sums)

    @property
    def weakest(self) -> str:
        return ELEMENTS[min(range(len(self.sums)), key=lambda i: self.sums[i])].upper()


def _aggregates() -> dict:
    return {"respondents": Count("id"), **{f"sum_{e}": Sum(e) for e in ELEMENTS}}


def ikm_row(respondents: int, sums, key=None) -> IkmRow | None:
    """The IKM of ``respondents`` responses whose element scores add up to ``sums`` (in ELEMENTS
    order), from the exact reference formula (``surveys.ikm``): the same value on every database.
    None without respondents."""
    if not respondents:
        return None
    sums = tuple(int(value) for value in sums)
    exact = formula.ikm_exact(sums, respondents)
    with localcontext() as context:
        context.prec = 30
        value = Decimal(exact.numerator) / Decimal(exact.denominator)
    return IkmRow(key=key, respondents=respondents, sums=sums, value=value)


def _row(values: dict, key) -> IkmRow | None:
    return ikm_row(values["respondents"], (values[f"sum_{e}"] for e in ELEMENTS), key)


def responses_in(period: Period) -> QuerySet[SurveyResponse]:
    start, end = period.bounds()
    return SurveyResponse.objects.filter(submitted_at__gte=start, submitted_at__lt=end)


def ikm_mpp(period: Period) -> IkmRow | None:
    values = responses_in(period).aggregate(**_aggregates())
    return _row(values, None) if values["respondents"] else None


def ikm_by(period: Period, field: str, *, only: Q | None = None) -> dict[int, IkmRow]:
    """IKM per agency (``field="agency"``) or per service (``"service"``), one GROUP BY query."""
    if field not in ("agency", "service"):
        raise ValueError(field)
    qs = responses_in(period)
    if only is not None:
        qs = qs.filter(only)
    rows = qs.exclude(**{f"{field}__isnull": True}).values(f"{field}_id").order_by().annotate(**_aggregates())
    return {r[f"{field}_id"]: _row(r, r[f"{field}_id"]) for r in rows}


def ikm_of_service(period: Period, service_id: int) -> IkmRow | None:
    return ikm_by(period, "service", only=Q(service_id=service_id)).get(service_id)


def followups(*, agency_id: int | None = None, mpp_only: bool = False) -> QuerySet[FollowUpAction]:
    qs = FollowUpAction.objects.select_related("agency")
    if mpp_only:
        return qs.filter(agency__isnull=True)
    if agency_id is not None:
        return qs.filter(agency_id=agency_id)
    return qs


def invitation_by_token(token: str) -> SurveyInvitation | None:
    return SurveyInvitation.objects.select_related("agency", "service").filter(token=token).first()


def open_invitation_for(*, subject_kind: str, subject_id: int) -> SurveyInvitation | None:
    """The unanswered invitation of one transaction (e.g. a served queue ticket), if any."""
    return SurveyInvitation.objects.filter(
        subject_kind=subject_kind, subject_id=subject_id, used_at__isnull=True
    ).first()


def open_invitations_of(user) -> QuerySet[SurveyInvitation]:
    return SurveyInvitation.objects.filter(citizen=user, used_at__isnull=True).select_related(
        "service", "agency"
    )

"""Reads of BIGGOS: searching business activities and the finder's answer (the services a business
needs, in order, with their time limits and fees)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet
from django.urls import reverse

from services.models import FeeItem, Service, ServiceStandard
from services.risk import RiskObligation, obligation

from .models import ActivityService, InvestmentInfo, KbliActivity, Scale, Sector, Zone

MAX_RESULTS = 20


def search_activities(query: str) -> QuerySet[KbliActivity]:
    """By KBLI code (a prefix of digits) or by words in the title, keywords or description."""
    query = (query or "").strip()
    if not query:
        return KbliActivity.objects.none()
    activities = KbliActivity.objects.all()
    if query.isdigit():
        activities = activities.filter(code__startswith=query[:5])
    else:
        for word in query.split()[:6]:
            activities = activities.filter(
                Q(title__icontains=word) | Q(keywords__icontains=word) | Q(description__icontains=word)
            )
    return activities.order_by("code")[:MAX_RESULTS]


@dataclass
class FinderStep:
    order: int
    service: Service
    standard: ServiceStandard | None
    note: str
    apply_url: str
    detail_url: str
    fee: object = None  # the catalogue's fee statement, set by the page

    @property
    def days(self) -> int:
        return self.standard.time_limit_days if self.standard else 0

    @property
    def is_levy(self) -> bool:
        return bool(self.standard and self.standard.fee_kind == ServiceStandard.FeeKind.LEVY)

    @property
    def fixed_fee(self) -> int:
        """The lowest official tariff of a fixed-fee service (0 when free or assessed per case)."""
        if not self.standard or self.standard.fee_kind != ServiceStandard.FeeKind.FIXED:
            return 0
        amounts = [item.amount for item in self.standard.fee_items.all()]
        return int(min(amounts)) if amounts else 0


@dataclass
class FinderResult:
    activity: KbliActivity
    scale: str
    zone: str
    risk_level: str
    obligation: RiskObligation | None
    allowed_in_zone: bool
    steps: list[FinderStep] = field(default_factory=list)

    @property
    def total_days(self) -> int:
        return sum(step.days for step in self.steps)

    @property
    def total_fixed_fee(self) -> int:
        return sum(step.fixed_fee for step in self.steps)

    @property
    def has_levy(self) -> bool:
        return any(step.is_levy for step in self.steps)

    @property
    def scale_label(self) -> str:
        return Scale(self.scale).label

    @property
    def zone_label(self) -> str:
        return Zone(self.zone).label

    @property
    def risk_label(self) -> str:
        from services.risk import RiskLevel

        return RiskLevel(self.risk_level).label if self.risk_level else ""


def _applies(values: list, value: str) -> bool:
    return not values or value in values


def finder(*, code: str, scale: str, zone: str) -> FinderResult:
    """The services a business of activity ``code`` at ``scale`` in ``zone`` needs, in order.
    Raises KbliActivity.DoesNotExist for an unknown code."""
    standards = ServiceStandard.objects.filter(status=ServiceStandard.Status.IN_FORCE).prefetch_related(
        Prefetch("fee_items", queryset=FeeItem.objects.order_by("order", "id"))
    )
    activity = KbliActivity.objects.prefetch_related(
        "risks",
        Prefetch(
            "required_services",
            queryset=ActivityService.objects.filter(service__is_active=True)
            .select_related("service__agency")
            .prefetch_related(Prefetch("service__standards", queryset=standards, to_attr="in_force"))
            .order_by("order", "id"),
        ),
    ).get(code=code)
    risk = next((r.risk_level for r in activity.risks.all() if r.scale == scale), "")
    result = FinderResult(
        activity=activity,
        scale=scale,
        zone=zone,
        risk_level=risk,
        obligation=obligation(risk),
        allowed_in_zone=_applies(activity.allowed_zones, zone),
    )
    for row in activity.required_services.all():
        if not (_applies(row.scales, scale) and _applies(row.zones, zone)):
            continue
        service = row.service
        result.steps.append(
            FinderStep(
                order=len(result.steps) + 1,
                service=service,
                standard=service.in_force[0] if service.in_force else None,
                note=row.note,
                apply_url=reverse("permits:start", args=[service.code]),
                detail_url=reverse("services:detail", args=[service.code]),
            )
        )
    return result


def investment_info() -> InvestmentInfo | None:
    return InvestmentInfo.objects.order_by("pk").first()


def published_sectors() -> QuerySet[Sector]:
    return Sector.objects.filter(is_published=True).order_by("order", "name")

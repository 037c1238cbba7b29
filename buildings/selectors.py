"""Reads of the PBG side: the design library, a citizen's PBG drafts and the expert team's queue."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import OuterRef, QuerySet, Subquery

from permits.models import Application, StepProgress
from services.models import StepRole

from .models import DesignAttachment, HouseDesign
from .services import DESIGN_SERVICE_CODES, EDITABLE, PBG_SERVICE_CODES


def published_designs(
    *, storeys: int | None = None, max_plot: Decimal | None = None
) -> QuerySet[HouseDesign]:
    designs = HouseDesign.objects.filter(is_published=True)
    if storeys:
        designs = designs.filter(storeys=storeys)
    if max_plot:
        designs = designs.filter(plot_area_m2__lte=max_plot)
    return designs.order_by("order", "floor_area_m2", "code")


def design_by_code(code: str) -> HouseDesign:
    return HouseDesign.objects.get(code=code, is_published=True)


def citizen_design_drafts(user) -> list[Application]:
    """The citizen's house PBG applications that can still take a design, with the one chosen."""
    return list(
        Application.objects.filter(
            applicant=user, service__code__in=DESIGN_SERVICE_CODES, status__in=EDITABLE
        )
        .select_related("service", "house_design__design")
        .order_by("-created_at")
    )


def _next_open_step_role():
    return Subquery(
        StepProgress.objects.filter(application=OuterRef("pk"), completed_at__isnull=True)
        .order_by("order", "id")
        .values("responsible_role")[:1]
    )


def expert_queue(user) -> QuerySet[Application]:
    """PBG applications of the expert's agency whose next open SOP step is the technical team's."""
    return (
        Application.objects.filter(
            agency_id=user.agency_id,
            service__code__in=PBG_SERVICE_CODES,
            status=Application.Status.IN_PROCESS,
        )
        .annotate(next_role=_next_open_step_role())
        .filter(next_role=StepRole.TECHNICAL_TEAM)
        .select_related("service", "applicant", "house_design__design")
        .order_by("due_at", "submitted_at")
    )


def review_application(pk: int, user) -> Application:
    """One PBG application of the user's agency, with what a reviewer reads."""
    return (
        Application.objects.filter(agency_id=user.agency_id, service__code__in=PBG_SERVICE_CODES)
        .select_related("service", "applicant", "standard", "house_design__design")
        .prefetch_related("steps", "field_values__form_field")
        .get(pk=pk)
    )


def current_documents(application: Application):
    return (
        application.documents.filter(is_current=True)
        .select_related("requirement")
        .order_by("requirement__order")
    )


def design_of(application: Application) -> HouseDesign | None:
    attachment = DesignAttachment.objects.filter(application=application).select_related("design").first()
    return attachment.design if attachment else None

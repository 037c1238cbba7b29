"""Reads of the ormas register: the public register, an account's organisations and reports, and
the registering agency's view of who is late."""

from __future__ import annotations

import datetime as dt
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet

from .models import ActivityReport, Official, Organisation

S = Organisation.Status


def status_filter(status: str, today: date) -> Q:
    if status == S.REVOKED:
        return Q(revoked_at__isnull=False)
    if status == S.ACTIVE:
        return Q(revoked_at__isnull=True, valid_until__gte=today)
    if status == S.EXPIRED:
        return Q(revoked_at__isnull=True, valid_until__lt=today)
    return Q()


def public_register(*, query: str = "", status: str = "", today: date) -> QuerySet[Organisation]:
    """The public register: search by name, acronym, field of activity or certificate number."""
    organisations = Organisation.objects.filter(status_filter(status, today))
    for word in (query or "").split()[:6]:
        organisations = organisations.filter(
            Q(name__icontains=word)
            | Q(acronym__icontains=word)
            | Q(field_of_activity__icontains=word)
            | Q(certificate_number__icontains=word)
        )
    return organisations.only(
        "id",
        "name",
        "acronym",
        "legal_form",
        "field_of_activity",
        "certificate_number",
        "valid_until",
        "revoked_at",
    ).order_by("name", "id")


def organisation_detail(pk: int) -> Organisation:
    return (
        Organisation.objects.select_related("agency")
        .prefetch_related(Prefetch("officials", queryset=Official.objects.order_by("id")))
        .get(pk=pk)
    )


def organisations_for_account(user) -> list[Organisation]:
    return list(
        Organisation.objects.filter(account=user)
        .prefetch_related(Prefetch("reports", queryset=ActivityReport.objects.order_by("due_date")))
        .order_by("name")
    )


def report_for_account(pk: int, user) -> ActivityReport:
    return ActivityReport.objects.select_related("organisation").get(pk=pk, organisation__account=user)


def report_for_viewer(pk: int, user) -> ActivityReport:
    """A submitted report's document: its organisation's account, or staff of the registering agency."""
    report = ActivityReport.objects.select_related("organisation").get(pk=pk, submitted_at__isnull=False)
    organisation = report.organisation
    if user.pk == organisation.account_id:
        return report
    if getattr(user, "is_agency_staff", False) and user.agency_id == organisation.agency_id:
        return report
    raise ActivityReport.DoesNotExist


def late_reports(*, agency_id: int, today: date) -> QuerySet[ActivityReport]:
    """Reports past their due date and not sent, of active registrations of the agency, oldest first."""
    return (
        ActivityReport.objects.filter(
            organisation__agency_id=agency_id,
            organisation__revoked_at__isnull=True,
            submitted_at__isnull=True,
            due_date__lt=today,
        )
        .select_related("organisation")
        .order_by("due_date", "organisation__name")
    )


def agency_organisations(*, agency_id: int, today: date) -> QuerySet[Organisation]:
    return (
        Organisation.objects.filter(agency_id=agency_id)
        .annotate(
            late_count=Count(
                "reports", filter=Q(reports__submitted_at__isnull=True, reports__due_date__lt=today)
            ),
            submitted_count=Count("reports", filter=Q(reports__submitted_at__isnull=False)),
        )
        .order_by("-late_count", "name")
    )


def recent_reports(*, agency_id: int, limit: int = 20) -> QuerySet[ActivityReport]:
    return (
        ActivityReport.objects.filter(organisation__agency_id=agency_id, submitted_at__isnull=False)
        .select_related("organisation")
        .order_by("-submitted_at")[:limit]
    )


def reports_needing_reminder(*, today: date, reminder_days: int):
    """(report, is_late) for every open report of a registration that is not revoked (an expired
    one still owes the reports of its registered periods) whose reminder is still to send: due
    within ``reminder_days`` (the reminder) or already late (the late notice)."""
    horizon = today + dt.timedelta(days=reminder_days)
    due_soon = Q(due_date__gte=today, due_date__lte=horizon, due_reminder_sent_at__isnull=True)
    late = Q(due_date__lt=today, late_reminder_sent_at__isnull=True)
    reports = (
        ActivityReport.objects.filter(
            due_soon | late,
            submitted_at__isnull=True,
            period_end__lt=today,
            organisation__revoked_at__isnull=True,
        )
        .select_related("organisation__account")
        .order_by("due_date", "id")
    )
    for report in reports.iterator(chunk_size=500):
        yield report, report.due_date < today

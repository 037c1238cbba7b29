"""SLA alerts of permit applications: which deadlines need a message now, and to whom.

A sweep (``permits.tasks.sla_sweep``, on beat every ``MPP_SWEEP_INTERVAL`` seconds) runs one
indexed query per stage and queues the ids it found in chunks (``permits.tasks.sla_alert_chunk``).
A chunk re-checks each row with the same query and sends its alert through
``notifications.services.alert_send``: a unique marker row per (subject, stage, deadline value)
is written in the transaction that queues the messages, so a re-run, a retried chunk or two
sweeps at once never send an alert twice, and a moved deadline gets alerts of its own.

Stages (all thresholds in working days of the MPP calendar, from settings):

- ``warn_<n>`` for each ``n`` in ``MPP_SLA_WARN_DAYS`` (default 1 and 0): the assigned officer
  (the agency's supervisors while nobody is assigned) when ``n`` working days are left. The
  windows do not overlap, so an application first seen on its due day gets only the due-day alert.
- ``breach``: the deadline passed; the assigned officer and the agency's supervisors.
- ``escalation``: still not decided ``MPP_SLA_ESCALATION_DAYS`` working days after the deadline
  day; the agency's supervisors (the agency head acts through them) and the MPP admins.
- ``step_due``: an open SOP step due within ``MPP_SLA_STEP_WARN_DAYS`` working days.
- ``correction_reminder``: the citizen, ``MPP_CORRECTION_REMIND_DAYS`` working days before the
  correction deadline (after it the lapse sweep closes the application with a notice).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import partial
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.urls import reverse
from django.utils import formats, timezone, translation

from accounts.models import Role, User
from agencies.selectors import work_calendar
from notifications.models import AlertMarker
from notifications.services import alert_send, alerts_send_many
from notifications.services import batch as notification_batch

from .models import Application, CorrectionRequest, StepProgress
from .transitions import ApplicationStatus as S

logger = logging.getLogger(__name__)

APPLICATION = "permits.application"
STEP = "permits.step"
CORRECTION = "permits.correction"
AGENCY = "agencies.agency"

BREACH = "breach"
ESCALATION = "escalation"
STEP_DUE = "step_due"
CORRECTION_REMINDER = "correction_reminder"
DEEMED_APPROVED = "deemed_approved"
DAILY_DIGEST = "daily_digest"
DIGEST_LIST_LIMIT = 20


def warn_stage(days: int) -> str:
    return f"warn_{days}"


# --- Calendar helpers (working days around "today" of the MPP calendar) -------------------------


def calendar_for(now: datetime):
    year = now.astimezone(timezone.get_default_timezone()).year
    return work_calendar(years=range(year - 2, year + 3))


def day_start(calendar, day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=calendar.tz)


def nth_working_day_after(calendar, day: date, n: int) -> date:
    """``day`` itself for 0, else the n-th working day after it."""
    for _ in range(n):
        day = calendar.next_working_day(day)
    return day


def nth_working_day_back(calendar, day: date, n: int) -> date:
    """The n-th working day counting back from ``day`` inclusive (1 = ``day`` if it is one)."""
    found = 0
    while True:
        if calendar.is_working_day(day):
            found += 1
            if found >= n:
                return day
        day -= timedelta(days=1)


def due_within_bound(calendar, now: datetime, days: int) -> datetime:
    """Exclusive upper bound of deadlines with at most ``days`` working days left at ``now``
    (``WorkCalendar.working_days_left(now, due) <= days``): the start of the day after the
    ``days``-th working day after today."""
    today = now.astimezone(calendar.tz).date()
    return day_start(calendar, nth_working_day_after(calendar, today, days) + timedelta(days=1))


def escalation_bound(calendar, now: datetime, days: int) -> datetime:
    """Exclusive upper bound of deadlines ``days`` or more working days overdue at ``now``
    (``working_days_left(now, due) <= -days``)."""
    today = now.astimezone(calendar.tz).date()
    return day_start(calendar, nth_working_day_back(calendar, today, max(days, 1)))


# --- Selection: one indexed query per stage -----------------------------------------------------


def _not_alerted(queryset: QuerySet, *, subject_type: str, stage: str, deadline_field: str = "due_at"):
    marker = AlertMarker.objects.filter(
        subject_type=subject_type, subject_id=OuterRef("pk"), stage=stage, deadline=OuterRef(deadline_field)
    )
    return queryset.filter(~Exists(marker))


@dataclass(frozen=True)
class StageQuery:
    stage: str
    subject_type: str
    queryset: QuerySet


def stage_queries(*, now: datetime, calendar=None) -> list[StageQuery]:
    """What each stage must alert at ``now``: unalerted rows, by deadline (indexed queries:
    ``permit_app_running_by_due``, ``permit_step_open_due``, ``permit_correction_open_due`` and
    the marker's unique index for the anti-join)."""
    calendar = calendar or calendar_for(now)
    running = Application.objects.filter(status=S.IN_PROCESS, due_at__isnull=False)
    queries = []
    lower, lower_inclusive = now, False
    for days in settings.MPP_SLA_WARN_DAYS:
        upper = due_within_bound(calendar, now, days)
        window = running.filter(due_at__lt=upper)
        window = window.filter(due_at__gte=lower) if lower_inclusive else window.filter(due_at__gt=lower)
        stage = warn_stage(days)
        queries.append(
            StageQuery(stage, APPLICATION, _not_alerted(window, subject_type=APPLICATION, stage=stage))
        )
        lower, lower_inclusive = max(upper, now), upper > now
    queries.append(
        StageQuery(
            BREACH,
            APPLICATION,
            _not_alerted(running.filter(due_at__lte=now), subject_type=APPLICATION, stage=BREACH),
        )
    )
    escalate_before = min(escalation_bound(calendar, now, settings.MPP_SLA_ESCALATION_DAYS), now)
    queries.append(
        StageQuery(
            ESCALATION,
            APPLICATION,
            _not_alerted(
                running.filter(due_at__lt=escalate_before), subject_type=APPLICATION, stage=ESCALATION
            ),
        )
    )
    steps = StepProgress.objects.filter(
        completed_at__isnull=True,
        due_at__gt=now,
        due_at__lt=due_within_bound(calendar, now, settings.MPP_SLA_STEP_WARN_DAYS),
        application__status=S.IN_PROCESS,
    )
    queries.append(StageQuery(STEP_DUE, STEP, _not_alerted(steps, subject_type=STEP, stage=STEP_DUE)))
    corrections = CorrectionRequest.objects.filter(
        resolved_at__isnull=True,
        due_at__gt=now,
        due_at__lt=due_within_bound(calendar, now, settings.MPP_CORRECTION_REMIND_DAYS),
        application__status=S.RETURNED,
    )
    queries.append(
        StageQuery(
            CORRECTION_REMINDER,
            CORRECTION,
            _not_alerted(corrections, subject_type=CORRECTION, stage=CORRECTION_REMINDER),
        )
    )
    return queries


def stage_query(*, stage: str, now: datetime, calendar=None) -> StageQuery:
    for query in stage_queries(now=now, calendar=calendar):
        if query.stage == stage:
            return query
    raise ValueError(f"unknown SLA stage {stage!r}")


def due_ids(*, now: datetime, limit: int = 100_000) -> dict[str, list[int]]:
    """The ids each stage must alert now, in deadline order (the sweep's selection)."""
    result = {}
    for query in stage_queries(now=now):
        result[query.stage] = list(
            query.queryset.order_by("due_at", "pk").values_list("pk", flat=True)[:limit]
        )
    return result


# --- Recipients and messages --------------------------------------------------------------------


class Recipients:
    """Supervisors per agency and the MPP admins, loaded once per chunk."""

    def __init__(self) -> None:
        self._supervisors: dict[int, list[User]] = {}
        self._admins: list[User] | None = None

    def supervisors(self, agency_id: int) -> list[User]:
        if agency_id not in self._supervisors:
            self._supervisors[agency_id] = list(
                User.objects.filter(role=Role.SUPERVISOR, agency_id=agency_id, is_active=True).order_by("pk")
            )
        return self._supervisors[agency_id]

    def mpp_admins(self) -> list[User]:
        if self._admins is None:
            self._admins = list(User.objects.filter(role=Role.MPP_ADMIN, is_active=True).order_by("pk"))
        return self._admins

    def handlers(self, application: Application) -> list[User]:
        """Who works the application: the assignee, or the supervisors while nobody is assigned."""
        officer = application.assigned_to
        if officer is not None and officer.is_active:
            return [officer]
        return self.supervisors(application.agency_id)


def language_of(user) -> str:
    return user.preferred_language or settings.LANGUAGE_CODE


def format_datetime(user, value: datetime | None, fmt: str = "j F Y, H:i") -> str:
    """``value`` in MPP local time, with month names in ``user``'s language."""
    if value is None:
        return "-"
    with translation.override(language_of(user)):
        return formats.date_format(timezone.localtime(value), fmt)


def application_context(user, application: Application, **extra: Any) -> dict[str, Any]:
    return {
        "tracking_number": application.tracking_number,
        "service_name": application.service.name_en
        if language_of(user) == "en" and application.service.name_en
        else application.service.name,
        **extra,
    }


def staff_link(application_id: int) -> str:
    return reverse("permits_staff:detail", args=[application_id])


def citizen_link(application_id: int) -> str:
    return reverse("permits:detail", args=[application_id])


def _application_messages(stage: str, application: Application, recipients: Recipients, calendar, now):
    link = staff_link(application.pk)
    if stage.startswith("warn_"):
        return [
            {
                "recipient": user,
                "event": "staff.deadline_soon",
                "context": application_context(
                    user, application, due_date=format_datetime(user, application.due_at)
                ),
                "link": link,
            }
            for user in recipients.handlers(application)
        ]
    if stage == BREACH:
        people = []
        if application.assigned_to is not None and application.assigned_to.is_active:
            people.append(application.assigned_to)
        people += recipients.supervisors(application.agency_id)
        return [
            {
                "recipient": user,
                "event": "staff.deadline_breached",
                "context": application_context(
                    user, application, due_date=format_datetime(user, application.due_at)
                ),
                "link": link,
            }
            for user in people
        ]
    if stage == ESCALATION:
        overdue = -calendar.working_days_left(now, application.due_at)
        officer = application.assigned_to
        return [
            {
                "recipient": user,
                "event": "supervisor.escalation",
                "context": application_context(
                    user,
                    application,
                    due_date=format_datetime(user, application.due_at),
                    days_overdue=overdue,
                    officer_name=(officer.full_name or officer.email) if officer else "-",
                ),
                "link": link,
            }
            for user in recipients.supervisors(application.agency_id) + recipients.mpp_admins()
        ]
    raise ValueError(stage)


def alerts_send(*, stage: str, ids: Iterable[int], now: datetime | None = None) -> int:
    """Send the alerts of ``stage`` for ``ids`` that still need one (the query re-checks each row
    at ``now``). Returns how many were sent.

    The chunk's alerts commit together (one commit instead of one per alert: commits wait for the
    disk); their deliveries are queued in batches after it. If one alert fails, the chunk is
    rolled back and redone one alert per transaction, so a bad row cannot hold up the others.
    """
    now = now or timezone.now()
    with notification_batch():
        alerts = []
        for build in _alerts_of(stage=stage, ids=ids, now=now):
            try:
                alerts.append(build())
            except Exception:
                logger.exception("SLA alert %s could not be prepared", stage)
        try:
            return alerts_send_many(alerts)
        except Exception:
            logger.exception("SLA chunk %s failed; sending its alerts one by one", stage)
        sent = 0
        for alert in alerts:
            try:
                with transaction.atomic():
                    sent += alert_send(**alert)
            except Exception:
                logger.exception("SLA alert %s %s failed", stage, alert["subject_id"])
        return sent


def _alerts_of(*, stage: str, ids: Iterable[int], now: datetime):
    """For each row of ``ids`` that still needs the alert of ``stage``: a function building its
    ``alert_send`` arguments (called one by one, so one bad row cannot stop the others)."""
    calendar = calendar_for(now)
    query = stage_query(stage=stage, now=now, calendar=calendar)
    rows = query.queryset.filter(pk__in=list(ids)).order_by("pk")
    recipients = Recipients()
    if query.subject_type == APPLICATION:
        for application in rows.select_related("service", "assigned_to"):
            yield partial(_application_alert, stage, application, recipients, calendar, now)
    elif query.subject_type == STEP:
        for step in rows.select_related("application__service", "application__assigned_to"):
            yield partial(_step_alert, stage, step, recipients)
    else:
        for correction in rows.select_related("application__service", "application__applicant"):
            yield partial(_correction_alert, stage, correction, calendar, now)


def _application_alert(stage, application, recipients, calendar, now) -> dict[str, Any]:
    return {
        "subject_type": APPLICATION,
        "subject_id": application.pk,
        "stage": stage,
        "deadline": application.due_at,
        "messages": _application_messages(stage, application, recipients, calendar, now),
    }


def _step_alert(stage, step, recipients) -> dict[str, Any]:
    application = step.application
    if step.responsible_role in ("supervisor", "head"):
        people = recipients.supervisors(application.agency_id)
    else:
        people = recipients.handlers(application)
    return {
        "subject_type": STEP,
        "subject_id": step.pk,
        "stage": stage,
        "deadline": step.due_at,
        "messages": [
            {
                "recipient": user,
                "event": "staff.step_due_soon",
                "context": application_context(
                    user, application, step_name=step.name, due_date=format_datetime(user, step.due_at)
                ),
                "link": staff_link(application.pk),
            }
            for user in people
        ],
    }


def _correction_alert(stage, correction, calendar, now) -> dict[str, Any]:
    application = correction.application
    citizen = application.applicant
    return {
        "subject_type": CORRECTION,
        "subject_id": correction.pk,
        "stage": stage,
        "deadline": correction.due_at,
        "messages": [
            {
                "recipient": citizen,
                "event": "application.correction_reminder",
                "context": application_context(
                    citizen,
                    application,
                    due_date=format_datetime(citizen, correction.due_at),
                    days_left=calendar.working_days_left(now, correction.due_at),
                ),
                "link": citizen_link(application.pk),
            }
        ],
    }


def deemed_approved_alert(*, application: Application) -> bool:
    """Tell the agency's supervisors that an application was deemed approved (fiktif positif);
    called inside the transaction that changes the status."""
    recipients = Recipients()
    return alert_send(
        subject_type=APPLICATION,
        subject_id=application.pk,
        stage=DEEMED_APPROVED,
        deadline=application.due_at,
        messages=[
            {
                "recipient": user,
                "event": "supervisor.deemed_approved",
                "context": application_context(
                    user, application, due_date=format_datetime(user, application.due_at)
                ),
                "link": staff_link(application.pk),
            }
            for user in recipients.supervisors(application.agency_id)
        ],
    )


# --- Daily digest for the agency heads ----------------------------------------------------------


def _absolute(path: str) -> str:
    return settings.MPP_PUBLIC_BASE_URL.rstrip("/") + path


def digest_sections(*, agency_id: int, now: datetime, calendar) -> dict[str, tuple[int, list[Application]]]:
    """(count, first rows) of an agency's running applications: overdue, due today, due later
    this week (through Sunday)."""
    today = now.astimezone(calendar.tz).date()
    tomorrow = day_start(calendar, today + timedelta(days=1))
    week_end = day_start(calendar, today + timedelta(days=7 - today.weekday()))
    running = (
        Application.objects.filter(agency_id=agency_id, status=S.IN_PROCESS, due_at__isnull=False)
        .select_related("service", "assigned_to")
        .order_by("due_at", "pk")
    )
    sections = {
        "overdue": running.filter(due_at__lte=now),
        "due_today": running.filter(due_at__gt=now, due_at__lt=tomorrow),
        "due_this_week": running.filter(due_at__gte=tomorrow, due_at__lt=week_end),
    }
    return {name: (qs.count(), list(qs[:DIGEST_LIST_LIMIT])) for name, qs in sections.items()}


def daily_digest_send(*, now: datetime | None = None) -> int:
    """The agency heads' digest, once per agency and day, on working days. Returns agencies sent."""

    now = now or timezone.now()
    calendar = calendar_for(now)
    today = now.astimezone(calendar.tz).date()
    if not calendar.is_working_day(today):
        return 0
    with notification_batch():
        return _digests_send(now=now, calendar=calendar, today=today)


def _digests_send(*, now: datetime, calendar, today: date) -> int:
    from agencies.models import Agency

    recipients = Recipients()
    supervised = User.objects.filter(role=Role.SUPERVISOR, is_active=True, agency__isnull=False)
    sent = 0
    for agency in Agency.objects.filter(pk__in=supervised.values("agency_id")).order_by("pk"):
        sections = digest_sections(agency_id=agency.pk, now=now, calendar=calendar)
        messages = []
        for user in recipients.supervisors(agency.pk):
            context: dict[str, Any] = {
                "agency_name": agency.name,
                "date": format_datetime(user, day_start(calendar, today), "l, j F Y"),
                "worklist_link": _absolute(reverse("permits_staff:worklist")),
            }
            for name, (count, rows) in sections.items():
                context[f"{name}_count"] = count
                context[name] = [
                    {
                        "tracking_number": a.tracking_number,
                        "service_name": a.service.name,
                        "due_date": format_datetime(user, a.due_at),
                        "officer_name": (a.assigned_to.full_name or a.assigned_to.email)
                        if a.assigned_to
                        else "-",
                        "link": _absolute(staff_link(a.pk)),
                    }
                    for a in rows
                ]
            messages.append(
                {
                    "recipient": user,
                    "event": "supervisor.daily_digest",
                    "context": context,
                    "link": reverse("permits_staff:worklist"),
                }
            )
        sent += alert_send(
            subject_type=AGENCY,
            subject_id=agency.pk,
            stage=DAILY_DIGEST,
            deadline=day_start(calendar, today),
            messages=messages,
        )
    return sent

"""SLA alerts with frozen time (every call takes ``now``): thresholds, breach, escalation, moved
deadlines, SOP steps, correction reminders and lapse, office hours and quiet hours, the digest.

Probolinggo calendar (DOMAIN.md worked example): the clock starts Mon 16 Mar 2026 10:00 WIB; 18-24
March are closed (Nyepi, Idul Fitri and cuti bersama); a 5-working-day service is due Mon 30 Mar
14:00.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from agencies.models import CalendarOverride
from notifications import services as notification_services
from notifications.models import AlertMarker, Delivery, Notification
from permits import services, sla
from permits.models import Application
from permits.transitions import ApplicationStatus as S
from tests.factories import MppProfileFactory, UserFactory
from tests.permits.factories import (
    in_process_application,
    permit_service,
    requirements_of,
    submitted_application,
)

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")


def wib(month, day, hour, minute=0):
    return datetime(2026, month, day, hour, minute, tzinfo=WIB)


def sweep(now):
    """What beat's sweep and its chunks do, in this process."""
    return {
        stage: sla.alerts_send(stage=stage, ids=ids, now=now) for stage, ids in sla.due_ids(now=now).items()
    }


def alerts(event=None):
    """(event, recipient) of staff alerts, oldest first; SOP step warnings only when asked for."""
    rows = Notification.objects.exclude(event__startswith="application.").order_by("pk")
    rows = rows.filter(event=event) if event else rows.exclude(event="staff.step_due_soon")
    return [(n.event, n.recipient.email) for n in rows]


@pytest.fixture(autouse=True)
def _settings(settings):
    settings.MPP_SLA_WARN_DAYS = [0, 1]
    settings.MPP_SLA_ESCALATION_DAYS = 2
    settings.MPP_SLA_STEP_WARN_DAYS = 0
    settings.MPP_CORRECTION_REMIND_DAYS = 1
    settings.MPP_STAFF_OFFICE_HOURS_ONLY = True
    settings.MPP_QUIET_HOURS_START = "21:00"
    settings.MPP_QUIET_HOURS_END = "06:00"


@pytest.fixture
def profile():
    return MppProfileFactory()


@pytest.fixture
def service(profile):
    return permit_service(time_limit_days=5)


@pytest.fixture
def officer(service):
    return UserFactory(officer=True, agency=service.agency, email="budi@dpmptsp.go.id")


@pytest.fixture
def supervisor(service):
    return UserFactory(supervisor=True, agency=service.agency, email="kabid@dpmptsp.go.id")


@pytest.fixture
def admin(profile):
    return UserFactory(role="mpp_admin", email="admin@mpp.go.id")


@pytest.fixture
def running(service, officer, supervisor, admin):
    application = in_process_application(service=service, officer=officer, now=wib(3, 16, 10))
    assert application.due_at == wib(3, 30, 14)
    return application


OFFICER, SUPERVISOR, ADMIN = "budi@dpmptsp.go.id", "kabid@dpmptsp.go.id", "admin@mpp.go.id"


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (wib(3, 26, 13), []),  # two working days left: nothing yet
        (wib(3, 27, 9), [("staff.deadline_soon", OFFICER)]),  # one working day left
        (wib(3, 30, 9), [("staff.deadline_soon", OFFICER)]),  # first seen on the due day: one alert
        (wib(3, 30, 14, 1), [("staff.deadline_breached", OFFICER), ("staff.deadline_breached", SUPERVISOR)]),
        (
            wib(4, 1, 9),  # two working days after the due day: breach and escalation at once
            [
                ("staff.deadline_breached", OFFICER),
                ("staff.deadline_breached", SUPERVISOR),
                ("supervisor.escalation", SUPERVISOR),
                ("supervisor.escalation", ADMIN),
            ],
        ),
    ],
)
def test_thresholds_are_working_days_of_the_mpp_calendar(running, now, expected):
    sweep(now)
    assert alerts() == expected
    sweep(now)  # a re-run sends nothing twice
    assert alerts() == expected


def test_the_life_of_a_late_application_one_alert_per_stage(running):
    for now in [wib(3, 27, 9), wib(3, 27, 10), wib(3, 30, 9), wib(3, 30, 13), wib(3, 30, 15), wib(3, 31, 9)]:
        sweep(now)
    assert alerts() == [
        ("staff.deadline_soon", OFFICER),
        ("staff.deadline_soon", OFFICER),
        ("staff.deadline_breached", OFFICER),
        ("staff.deadline_breached", SUPERVISOR),
    ]
    sweep(wib(4, 1, 8))
    assert alerts("supervisor.escalation") == [
        ("supervisor.escalation", SUPERVISOR),
        ("supervisor.escalation", ADMIN),
    ]
    escalation = Notification.objects.filter(event="supervisor.escalation").first()
    assert "terlambat 2 hari kerja" in escalation.title
    assert escalation.link == f"/petugas/permohonan/{running.pk}/"
    assert (
        AlertMarker.objects.filter(subject_id=running.pk).count() == 4
    )  # warn_1, warn_0, breach, escalation


def test_a_moved_deadline_gets_its_own_alerts_and_old_ones_are_not_resent(running, profile):
    sweep(wib(3, 27, 9))
    assert len(alerts("staff.deadline_soon")) == 1
    CalendarOverride.objects.create(profile=profile, date=date(2026, 3, 30), kind="closed", reason="Banjir")
    services.applications_recompute_deadlines(now=wib(3, 27, 9, 30))
    assert Application.objects.get(pk=running.pk).due_at == wib(3, 31, 14)
    sweep(wib(3, 27, 10))  # still one working day left, but of a new deadline: warned again
    sweep(wib(3, 27, 10, 5))
    warnings = Notification.objects.filter(event="staff.deadline_soon").order_by("pk")
    assert [("30 Maret" in n.body, "31 Maret" in n.body) for n in warnings] == [(True, False), (False, True)]
    sweep(wib(3, 30, 10))  # closed day: nothing; the old deadline's breach is never sent
    sweep(wib(3, 31, 9))
    assert alerts() == [("staff.deadline_soon", OFFICER)] * 3
    assert (
        "31 Maret 2026, 14:00"
        in Notification.objects.filter(event="staff.deadline_soon").order_by("pk").last().body
    )


def test_unassigned_warnings_go_to_the_supervisors(running, supervisor):
    Application.objects.filter(pk=running.pk).update(assigned_to=None)
    sweep(wib(3, 27, 9))
    assert alerts() == [("staff.deadline_soon", SUPERVISOR)]


def test_staff_e_mail_waits_for_office_hours_but_the_inbox_does_not(running):
    sweep(wib(3, 30, 14, 5))  # breach, after closing time
    delivery = Delivery.objects.get(notification__recipient__email=OFFICER)
    assert notification_services.delivery_attempt(delivery_id=delivery.pk, now=wib(3, 30, 14, 5)) == "held"
    delivery.refresh_from_db()
    assert delivery.next_attempt_at == wib(3, 31, 8)  # the next office opening
    assert notification_services.delivery_attempt(delivery_id=delivery.pk, now=wib(3, 31, 8)) == "sent"
    assert Notification.objects.get(recipient__email=OFFICER).read_at is None  # in the inbox all along


def test_a_holiday_holds_staff_e_mail_until_the_next_working_day(running):
    assert notification_services.quiet_until(recipient=running.assigned_to, now=wib(3, 18, 10)) == wib(
        3, 25, 8
    )


def test_a_step_due_today_warns_who_acts_for_its_role(running):
    sweep(wib(3, 17, 8, 30))  # step 1 (front office) is due 17 Mar 14:00
    assert alerts("staff.step_due_soon") == [("staff.step_due_soon", OFFICER)]
    assert "Pemeriksaan kelengkapan berkas" in Notification.objects.get(event="staff.step_due_soon").title
    sweep(wib(3, 27, 8))  # step 2 (officer) is due 27 Mar 11:00
    sweep(wib(3, 30, 8))  # the head's step (done by supervisors) and the application, both due today
    assert alerts("staff.step_due_soon") == [
        ("staff.step_due_soon", OFFICER),
        ("staff.step_due_soon", OFFICER),
        ("staff.step_due_soon", SUPERVISOR),
    ]
    assert ("staff.deadline_soon", OFFICER) in alerts()


def test_correction_reminder_respects_quiet_hours_then_the_application_lapses(service, officer, settings):
    settings.MPP_CORRECTION_DAYS = 3
    application = submitted_application(service=service, now=wib(3, 2, 9))
    ktp, _ = requirements_of(application)
    correction = services.application_request_correction(
        application=application, actor=officer, items=[(ktp, "Foto buram")], now=wib(3, 2, 10)
    )
    assert correction.due_at == wib(3, 5, 14)
    sweep(wib(3, 3, 22))  # two working days left: no reminder yet
    assert not Notification.objects.filter(event="application.correction_reminder").exists()
    sweep(wib(3, 4, 22))
    reminder = Notification.objects.get(event="application.correction_reminder")
    assert reminder.recipient == application.applicant
    assert "5 Maret 2026, 14:00" in reminder.title
    delivery = reminder.deliveries.get()
    assert notification_services.delivery_attempt(delivery_id=delivery.pk, now=wib(3, 4, 22)) == "held"
    delivery.refresh_from_db()
    assert delivery.next_attempt_at == wib(3, 5, 6)  # not at night
    sweep(wib(3, 5, 9))
    assert Notification.objects.filter(event="application.correction_reminder").count() == 1
    assert services.applications_lapse_expired(now=wib(3, 5, 14, 1)) == 1
    assert Application.objects.get(pk=application.pk).status == S.LAPSED
    lapsed = Notification.objects.get(event="application.lapsed")
    assert lapsed.recipient == application.applicant
    assert "kedaluwarsa" in lapsed.body


def test_fiktif_positif_tells_the_supervisors_and_the_citizen(running, supervisor):
    running.service.fiktif_positif = True
    running.service.save()
    assert services.applications_mark_deemed_approved_due(now=wib(3, 30, 14, 1)) == 1
    assert alerts() == [("supervisor.deemed_approved", SUPERVISOR)]
    citizen = Notification.objects.get(
        recipient=running.applicant, event="application.status_changed", title__endswith="Disetujui"
    )
    assert "fiktif positif" in citizen.body
    sweep(wib(3, 30, 14, 2))  # approved now: no breach alert
    assert alerts() == [("supervisor.deemed_approved", SUPERVISOR)]


def test_daily_digest_lists_overdue_due_today_and_this_week_once(service, officer, supervisor):
    late = in_process_application(service=service, officer=officer, now=wib(3, 12, 10))  # due 27 Mar 11:00
    today = in_process_application(service=service, officer=officer, now=wib(3, 16, 10))  # 30 Mar 14:00
    week = in_process_application(service=service, officer=officer, now=wib(3, 17, 10))  # 31 Mar 14:00
    later = in_process_application(service=service, officer=officer, now=wib(3, 26, 10))  # 2 Apr
    assert sla.daily_digest_send(now=wib(3, 30, 7, 30)) == 1
    assert sla.daily_digest_send(now=wib(3, 30, 7, 45)) == 0
    digest = Notification.objects.get(event="supervisor.daily_digest")
    assert digest.recipient == supervisor
    assert digest.title.startswith("Ringkasan Senin, 30 Maret 2026: 1 terlambat, 1 jatuh tempo hari ini")
    body = digest.body
    overdue, rest = body.split("Jatuh tempo hari ini")
    due_today, this_week = rest.split("Jatuh tempo minggu ini")
    assert late.tracking_number in overdue and f"/petugas/permohonan/{late.pk}/" in overdue
    assert today.tracking_number in due_today
    assert week.tracking_number in this_week and "(2)" in this_week  # 31 Mar and 2 Apr
    assert later.tracking_number in this_week
    assert sla.daily_digest_send(now=wib(3, 28, 7, 30)) == 0  # Saturday: closed


def test_a_sweep_that_dies_midway_leaves_nothing_and_the_next_one_sends_everything(running, monkeypatch):
    from notifications.models import Delivery as DeliveryModel

    def broken(*args, **kwargs):
        raise ConnectionError("database connection lost")

    with monkeypatch.context() as patch:
        patch.setattr(DeliveryModel.objects, "bulk_create", broken)
        sweep(wib(3, 30, 14, 30))  # the chunk and then each alert alone fail and roll back
    assert not AlertMarker.objects.filter(stage=sla.BREACH).exists()
    assert alerts() == []
    sweep(wib(3, 30, 14, 35))
    assert alerts() == [("staff.deadline_breached", OFFICER), ("staff.deadline_breached", SUPERVISOR)]


def test_one_bad_alert_does_not_hold_up_the_others_in_its_chunk(service, officer, supervisor, monkeypatch):
    first = in_process_application(service=service, officer=officer, now=wib(3, 16, 10))
    second = in_process_application(service=service, officer=officer, now=wib(3, 16, 11))
    real_format = sla.format_datetime

    def fails_for_first(user, value, *args):
        if value == first.due_at and user == officer:
            raise ValueError("bad template data")
        return real_format(user, value, *args)

    monkeypatch.setattr(sla, "format_datetime", fails_for_first)
    Application.objects.filter(pk=first.pk).update(due_at=wib(3, 30, 13))
    first.refresh_from_db()
    sweep(wib(3, 30, 14, 30))
    assert {
        n.body.split("(")[1].split(")")[0]
        for n in Notification.objects.filter(event="staff.deadline_breached")
    } == {second.tracking_number}

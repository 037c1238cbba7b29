"""The SLA clock through the services, with DOMAIN.md's worked example end to end.

Probolinggo hours (Mon-Thu 08:00-14:00, Fri 08:00-11:00); 18-24 Mar 2026 are closed (Nyepi, Idul
Fitri and their cuti bersama). A 5-working-day service verified Mon 16 Mar 10:00 WIB is due
Mon 30 Mar 14:00 (day 1 = 17 Mar, days 2-5 = 25, 26, 27, 30 Mar). Returned Tue 17 Mar 10:00 and
resubmitted Wed 25 Mar 10:00, the pause covers 4 h + 2 h = 360 office minutes: due Tue 31 Mar 14:00.
"""

from datetime import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from agencies.models import CalendarOverride
from permits import services
from permits.models import Application
from tests.factories import MppProfileFactory, UserFactory
from tests.permits.factories import permit_service, png_file, requirements_of, submitted_application

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")
S = Application.Status


def wib(month, day, hour, minute=0):
    return datetime(2026, month, day, hour, minute, tzinfo=WIB)


def step_dues(application):
    return [step.due_at for step in application.steps.order_by("order")]


@pytest.fixture
def worked_example():
    """Submitted Fri 13 Mar, verified Mon 16 Mar 10:00 on a 5-day service."""
    MppProfileFactory()
    service = permit_service(time_limit_days=5)
    officer = UserFactory(officer=True, agency=service.agency)
    application = submitted_application(service=service, now=wib(3, 13, 9))
    application = services.application_verify_complete(
        application=application, actor=officer, now=wib(3, 16, 10)
    )
    return application, officer


def test_the_worked_example_of_domain_md(worked_example):
    application, officer = worked_example
    assert application.due_at == wib(3, 30, 14)
    # SOP steps 1 + 3 + 1 days: due after 1, 4 and 5 working days.
    assert step_dues(application) == [wib(3, 17, 14), wib(3, 27, 11), wib(3, 30, 14)]

    ktp, _ = requirements_of(application)
    correction = services.application_request_correction(
        application=application, actor=officer, items=[(ktp, "Foto KTP terpotong")], now=wib(3, 17, 10)
    )
    application = correction.application
    assert (application.status, application.paused_at, application.due_at) == (
        S.RETURNED,
        wib(3, 17, 10),
        wib(3, 30, 14),
    )

    citizen = application.applicant
    # Uploaded on a closed day in the evening: when the citizen works does not matter.
    services.document_upload(
        application=application, requirement=ktp, file=png_file(), actor=citizen, now=wib(3, 23, 20)
    )
    application = services.application_resubmit(application=application, actor=citizen, now=wib(3, 25, 10))

    assert application.status == S.IN_PROCESS
    assert application.paused_at is None
    assert application.paused_minutes == 360
    assert application.due_at == wib(3, 31, 14)
    # Every open step moves by the same 360 office minutes.
    assert step_dues(application) == [wib(3, 25, 14), wib(3, 30, 14), wib(3, 31, 14)]
    reasons = list(
        application.steps.model.history.filter(application_id=application.pk, history_type="~").values_list(
            "history_change_reason", flat=True
        )
    )
    assert reasons == ["batas waktu digeser 360 menit kerja karena jeda perbaikan"] * 3


def test_a_completed_step_keeps_its_deadline_when_the_clock_pauses(worked_example):
    application, officer = worked_example
    first = application.steps.order_by("order").first()
    services.step_complete(application=application, step_progress=first, actor=officer, now=wib(3, 17, 9))
    correction = services.application_request_correction(
        application=application, actor=officer, items=[(None, "Lengkapi gambar")], now=wib(3, 17, 10)
    )
    citizen = application.applicant
    ktp, _ = requirements_of(application)
    services.document_upload(
        application=application, requirement=ktp, file=png_file(), actor=citizen, now=wib(3, 18, 9)
    )
    application = services.application_resubmit(
        application=correction.application, actor=citizen, now=wib(3, 25, 10)
    )
    assert step_dues(application) == [wib(3, 17, 14), wib(3, 30, 14), wib(3, 31, 14)]


def test_a_pause_outside_office_hours_does_not_move_the_deadline(worked_example):
    application, officer = worked_example
    correction = services.application_request_correction(
        application=application, actor=officer, items=[(None, "Tanda tangan")], now=wib(3, 16, 14, 30)
    )
    citizen = application.applicant
    ktp, _ = requirements_of(application)
    services.document_upload(
        application=application, requirement=ktp, file=png_file(), actor=citizen, now=wib(3, 16, 19)
    )
    application = services.application_resubmit(
        application=correction.application, actor=citizen, now=wib(3, 17, 7, 30)
    )
    assert (application.paused_minutes, application.due_at) == (0, wib(3, 30, 14))


def test_recompute_deadlines_after_a_calendar_change(worked_example):
    application, _officer = worked_example
    out = StringIO()
    call_command("recompute_deadlines", stdout=out)
    assert out.getvalue().strip() == "0 dari 1 permohonan yang berjalan berubah batas waktunya."

    # The mayor closes the offices on Thu 26 Mar: every running deadline from that day on moves.
    CalendarOverride.objects.create(
        profile_id=1, date=wib(3, 26, 0).date(), kind="closed", reason="Libur daerah"
    )
    out = StringIO()
    call_command("recompute_deadlines", "--dry-run", stdout=out)
    assert out.getvalue().strip() == "1 dari 1 permohonan yang berjalan akan berubah batas waktunya."
    application.refresh_from_db()
    assert application.due_at == wib(3, 30, 14)

    out = StringIO()
    call_command("recompute_deadlines", stdout=out)
    assert out.getvalue().strip() == "1 dari 1 permohonan yang berjalan berubah batas waktunya."
    application.refresh_from_db()
    assert application.due_at == wib(3, 31, 14)
    # Step 2 (4 days: 17, 25, 27, 30 Mar) and step 3 (5 days) move; step 1 (17 Mar) does not.
    assert step_dues(application) == [wib(3, 17, 14), wib(3, 30, 14), wib(3, 31, 14)]
    row = application.history.order_by("-history_id").first()
    assert (row.history_user, row.history_change_reason) == (
        None,
        "batas waktu dihitung ulang setelah perubahan kalender",
    )

    out = StringIO()
    call_command("recompute_deadlines", stdout=out)
    assert out.getvalue().startswith("0 dari 1")

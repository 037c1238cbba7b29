"""What an applicant receives: every message of an application goes through notifications.notify
(the inbox, then e-mail after commit) exactly once, whatever retries or old queued tasks do."""

import smtplib
from datetime import datetime
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core import mail

from notifications import services as notification_services
from notifications.models import Delivery, Notification
from permits import services, tasks
from permits.models import Application
from tests.factories import MppProfileFactory, UserFactory
from tests.permits.factories import permit_service, requirements_of, submitted_application

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")


def wib(month, day, hour, minute=0):
    return datetime(2026, month, day, hour, minute, tzinfo=WIB)


@pytest.fixture(autouse=True)
def _mpp(settings):
    MppProfileFactory()
    settings.MPP_QUIET_HOURS_START = settings.MPP_QUIET_HOURS_END = "00:00"


def _deliver_all():
    for delivery in Delivery.objects.filter(status=Delivery.Status.PENDING).order_by("pk"):
        notification_services.delivery_attempt(delivery_id=delivery.pk)


def test_receipt_carries_number_secret_and_expected_date_and_is_sent_once():
    citizen = UserFactory(full_name="Siti Aminah", email="siti@contoh.id")
    application = submitted_application(service=permit_service(), applicant=citizen, now=wib(3, 13, 9))

    # Written with the submission; an old queued receipt task (or a retry) sends nothing more.
    assert tasks.send_application_receipt(application.pk) is False
    _deliver_all()
    _deliver_all()

    receipt = Notification.objects.get(recipient=citizen)
    assert receipt.event == "application.received"
    assert receipt.link == f"/permohonan/{application.pk}/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["siti@contoh.id"]
    assert message.subject == f"Permohonan {application.tracking_number} diterima"
    assert f"nomor {application.tracking_number}" in message.body
    assert f"Kode rahasia untuk melacak: {application.tracking_secret}" in message.body
    assert "Perkiraan selesai: Jumat, 27 Maret 2026" in message.body
    assert Application.objects.get(pk=application.pk).receipt_sent_at is not None


def test_receipt_in_english_for_an_english_speaking_applicant():
    citizen = UserFactory(preferred_language="en")
    application = submitted_application(service=permit_service(), applicant=citizen, now=wib(3, 13, 9))
    receipt = Notification.objects.get(recipient=citizen)
    assert receipt.title == f"Application {application.tracking_number} received"
    assert "Expected completion: Friday, 27 March 2026" in receipt.body


def test_a_failed_e_mail_is_recorded_and_retried_until_it_is_sent():
    submitted_application(service=permit_service())
    delivery = Delivery.objects.get()
    failing = mock.patch(
        "notifications.channels.send_mail", side_effect=smtplib.SMTPServerDisconnected("putus")
    )
    with failing:
        assert notification_services.delivery_attempt(delivery_id=delivery.pk) == "retry"
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (Delivery.Status.PENDING, 1)
    assert "SMTPServerDisconnected: putus" in delivery.last_error
    assert notification_services.delivery_attempt(delivery_id=delivery.pk) == "sent"
    assert len(mail.outbox) == 1


def test_the_citizen_is_told_what_to_fix_once():
    service = permit_service()
    officer = UserFactory(officer=True, agency=service.agency)
    application = submitted_application(service=service, now=wib(3, 2, 9))
    ktp, _ = requirements_of(application)
    correction = services.application_request_correction(
        application=application,
        actor=officer,
        items=[(ktp, "Foto buram"), (None, "Tanda tangan kurang")],
        now=wib(3, 2, 10),
    )
    assert tasks.send_correction_notice(correction.pk) is False  # already sent with the request
    notice = Notification.objects.get(event="application.correction_requested")
    assert notice.recipient == application.applicant
    assert "- Fotokopi KTP-el: Foto buram\n- Tanda tangan kurang" in notice.body
    assert "paling lambat 27 Maret 2026, 11:00" in notice.body


def test_the_decision_is_sent_once_with_the_reason():
    service = permit_service()
    officer = UserFactory(officer=True, agency=service.agency)
    application = submitted_application(service=service)
    assert tasks.send_decision_notice(application.pk) is False  # nothing decided yet
    reason = "Surat permohonan tidak ditandatangani (persyaratan 2)."
    services.application_reject(application=application, actor=officer, reason=reason)
    assert tasks.send_decision_notice(application.pk) is False  # sent with the rejection
    decision = Notification.objects.get(event="application.status_changed")
    assert decision.title.endswith("Ditolak")
    assert reason in decision.body


def test_an_assigned_officer_is_told_but_not_a_supervisor_taking_it_himself():
    service = permit_service()
    officer = UserFactory(officer=True, agency=service.agency)
    supervisor = UserFactory(supervisor=True, agency=service.agency)
    application = submitted_application(service=service)
    services.application_assign(application=application, actor=supervisor, assignee=officer)
    services.application_assign(
        application=Application.objects.get(pk=application.pk), actor=supervisor, assignee=supervisor
    )
    assigned = Notification.objects.filter(event="staff.application_assigned")
    assert [n.recipient for n in assigned] == [officer]
    assert assigned[0].link == f"/petugas/permohonan/{application.pk}/"

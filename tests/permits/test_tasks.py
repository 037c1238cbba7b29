"""The e-mails of an application: sent once, whatever retries or second workers do."""

import smtplib
from datetime import datetime
from unittest import mock
from zoneinfo import ZoneInfo

import pytest

from permits import services, tasks
from permits.models import Application
from tests.factories import MppProfileFactory, UserFactory
from tests.permits.factories import permit_service, requirements_of, submitted_application

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")


def wib(month, day, hour, minute=0):
    return datetime(2026, month, day, hour, minute, tzinfo=WIB)


@pytest.fixture(autouse=True)
def _mpp():
    MppProfileFactory()


def test_receipt_carries_number_secret_and_expected_date_and_is_sent_once(mailoutbox):
    citizen = UserFactory(full_name="Siti Aminah", email="siti@contoh.id")
    application = submitted_application(service=permit_service(), applicant=citizen, now=wib(3, 13, 9))

    assert tasks.send_application_receipt(application.pk) is True
    assert tasks.send_application_receipt(application.pk) is False  # a retry or a second worker

    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["siti@contoh.id"]
    assert mail.subject == f"Tanda terima permohonan {application.tracking_number}"
    assert "Yth. Siti Aminah" in mail.body
    assert f"Nomor permohonan: {application.tracking_number}" in mail.body
    assert f"Kode rahasia: {application.tracking_secret}" in mail.body
    assert "Perkiraan tanggal keputusan: Jumat, 27 Maret 2026" in mail.body
    assert Application.objects.get(pk=application.pk).receipt_sent_at is not None


def test_a_failed_send_can_be_retried(mailoutbox):
    application = submitted_application(service=permit_service())
    failing = mock.patch("permits.services.send_mail", side_effect=smtplib.SMTPServerDisconnected("putus"))
    with failing, pytest.raises(smtplib.SMTPServerDisconnected):
        services.application_send_receipt(application_id=application.pk)
    assert Application.objects.get(pk=application.pk).receipt_sent_at is None
    assert services.application_send_receipt(application_id=application.pk) is True
    assert len(mailoutbox) == 1


def test_the_citizen_is_told_what_to_fix_once(mailoutbox):
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
    assert tasks.send_correction_notice(correction.pk) is True
    assert tasks.send_correction_notice(correction.pk) is False
    assert len(mailoutbox) == 1
    body = mailoutbox[0].body
    assert "- Fotokopi KTP-el: Foto buram\n- Tanda tangan kurang" in body
    assert "paling lambat 27 Maret 2026, 11:00" in body


def test_the_decision_is_sent_once_with_the_reason(mailoutbox):
    service = permit_service()
    officer = UserFactory(officer=True, agency=service.agency)
    application = submitted_application(service=service)
    assert tasks.send_decision_notice(application.pk) is False  # nothing decided yet
    reason = "Surat permohonan tidak ditandatangani (persyaratan 2)."
    services.application_reject(application=application, actor=officer, reason=reason)
    assert tasks.send_decision_notice(application.pk) is True
    assert tasks.send_decision_notice(application.pk) is False
    assert len(mailoutbox) == 1
    assert mailoutbox[0].subject.endswith("ditolak")
    assert reason in mailoutbox[0].body

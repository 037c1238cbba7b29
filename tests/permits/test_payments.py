"""Levy assessments (SKRD): numbering, who may issue and confirm, the payment gateway's sandbox
(signature, idempotent callback, amount check) and the staff forms."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from mpp.errors import ConflictError
from permits import payments, services
from permits.models import Application, Assessment, IssuanceSequence
from permits.payments import PaymentNotice, SandboxGateway, get_gateway, luhn_valid
from permits.services import ApplicationError, NotPermitted, PaymentError, UnknownBill
from tests.factories import MppProfileFactory, UserFactory
from tests.permits.factories import (
    approved_application,
    in_process_application,
    levy_service,
    permit_service,
    submitted_application,
)

pytestmark = pytest.mark.django_db
S = Application.Status
WIB = ZoneInfo("Asia/Jakarta")
CALLBACK = "/verifikasi/pembayaran/callback/"


def wib(month, day, hour, minute=0, year=2026):
    return datetime(year, month, day, hour, minute, tzinfo=WIB)


@pytest.fixture(autouse=True)
def _mpp():
    MppProfileFactory()


@pytest.fixture
def service():
    return levy_service(code="PBG")


@pytest.fixture
def officer(service):
    return UserFactory(officer=True, agency=service.agency)


@pytest.fixture
def supervisor(service):
    return UserFactory(supervisor=True, agency=service.agency)


@pytest.fixture
def application(service, officer):
    return in_process_application(service=service, officer=officer, now=wib(3, 16, 9))


def issue(application, actor, amount=Decimal("1250000"), now=None, **kwargs):
    return services.assessment_issue(
        application=application,
        actor=actor,
        amount=amount,
        due_date=kwargs.pop("due_date", date(2026, 4, 10)),
        basis=kwargs.pop("basis", "LLt 120 m² x It 0,45 x Ilo 0,004 x SHST Rp4.500.000"),
        now=now or wib(3, 20, 10),
        **kwargs,
    )


def last_history(instance):
    return type(instance).history.filter(id=instance.pk).order_by("-history_id").first()


def fresh(assessment):
    return Assessment.objects.get(pk=assessment.pk)


# --- Issuing an SKRD ----------------------------------------------------------------------------


def test_skrd_numbers_run_per_service_and_year_with_a_payment_reference(service, officer, application):
    first = issue(application, officer)
    assert (first.number, first.amount, first.status, first.issued_by) == (
        "SKRD/PBG/2026/000001",
        Decimal("1250000"),
        Assessment.Status.ISSUED,
        officer,
    )
    assert len(first.payment_reference) == 16 and luhn_valid(first.payment_reference)
    row = last_history(first)
    assert (row.history_type, row.history_user, row.history_change_reason) == (
        "+",
        officer,
        "SKRD diterbitkan sebesar Rp1.250.000, jatuh tempo 2026-04-10",
    )
    second = issue(in_process_application(service=service, officer=officer, now=wib(3, 16, 9)), officer)
    assert second.number == "SKRD/PBG/2026/000002"
    assert second.payment_reference != first.payment_reference
    other_service = levy_service(code="IR", agency=service.agency)
    third = issue(in_process_application(service=other_service, officer=officer, now=wib(3, 16, 9)), officer)
    assert third.number == "SKRD/IR/2026/000001"
    next_year = issue(
        in_process_application(service=service, officer=officer, now=wib(1, 5, 9, year=2027)),
        officer,
        now=wib(1, 6, 9, year=2027),
        due_date=date(2027, 1, 20),
    )
    assert next_year.number == "SKRD/PBG/2027/000001"
    assert IssuanceSequence.objects.get(kind="skrd", key="PBG", year=2026).last == 2


def test_only_staff_of_the_agency_issue_an_skrd(application, officer, supervisor):
    for outsider in (application.applicant, UserFactory(officer=True), UserFactory(mpp_admin=True)):
        with pytest.raises(NotPermitted):
            issue(application, outsider)
    assert not Assessment.objects.exists()
    assert issue(application, supervisor).issued_by == supervisor


def test_an_skrd_needs_a_fee_a_complete_file_a_positive_amount_a_basis_and_a_due_date(
    service, officer, application
):
    free = permit_service(agency=service.agency)
    with pytest.raises(ApplicationError, match="tidak dipungut biaya"):
        issue(in_process_application(service=free, officer=officer, now=wib(3, 16, 9)), officer)
    with pytest.raises(ApplicationError, match="setelah berkas dinyatakan lengkap"):
        issue(submitted_application(service=service, now=wib(3, 16, 9)), officer)
    for amount, message in (
        (0, "lebih dari Rp0"),
        (-5, "lebih dari Rp0"),
        ("12,5", "tanpa sen"),
        ("abc", "angka"),
    ):
        with pytest.raises(PaymentError, match=message):
            issue(application, officer, amount=amount)
    with pytest.raises(ApplicationError, match="dasar perhitungan"):
        issue(application, officer, basis="  ")
    with pytest.raises(ApplicationError, match="Jatuh tempo tidak boleh sebelum hari ini"):
        issue(application, officer, due_date=date(2026, 3, 19))
    assert not Assessment.objects.exists()
    assert issue(application, officer, amount="Rp 1.250.000").amount == Decimal("1250000")


def test_one_unpaid_skrd_at_a_time_a_wrong_one_is_cancelled_then_reissued(application, officer):
    first = issue(application, officer)
    with pytest.raises(ConflictError, match="Masih ada SKRD SKRD/PBG/2026/000001 yang belum dibayar"):
        issue(application, officer, amount=900000)
    with pytest.raises(ApplicationError, match="alasan pembatalan"):
        services.assessment_cancel(assessment=first, actor=officer, reason=" ")
    cancelled = services.assessment_cancel(assessment=first, actor=officer, reason="Luas salah ketik")
    assert (cancelled.status, cancelled.cancel_reason) == (Assessment.Status.CANCELLED, "Luas salah ketik")
    assert last_history(cancelled).history_change_reason == "SKRD dibatalkan: Luas salah ketik"
    second = issue(application, officer, amount=900000)
    assert second.number == "SKRD/PBG/2026/000002"
    with pytest.raises(ConflictError, match="tidak dapat dibatalkan"):
        services.assessment_cancel(assessment=first, actor=officer, reason="lagi")


# --- Confirming by an officer -----------------------------------------------------------------


def test_an_officer_confirms_the_exact_amount_once(application, officer):
    assessment = issue(application, officer)
    with pytest.raises(NotPermitted):
        services.assessment_confirm_payment(
            assessment=assessment, actor=UserFactory(officer=True), paid_amount=1250000, reference="NTPD-1"
        )
    with pytest.raises(PaymentError, match=r"Jumlah yang dibayar \(Rp1\.000\.000\) tidak sama"):
        services.assessment_confirm_payment(
            assessment=assessment, actor=officer, paid_amount=1000000, reference="NTPD-1"
        )
    with pytest.raises(PaymentError, match="nomor bukti pembayaran"):
        services.assessment_confirm_payment(
            assessment=assessment, actor=officer, paid_amount=1250000, reference=""
        )
    assert fresh(assessment).status == Assessment.Status.ISSUED
    paid = services.assessment_confirm_payment(
        assessment=assessment, actor=officer, paid_amount="1250000", reference="NTPD-1", now=wib(3, 23, 9)
    )
    assert (paid.status, paid.paid_at, paid.paid_amount, paid.payment_channel, paid.gateway_reference) == (
        Assessment.Status.PAID,
        wib(3, 23, 9),
        Decimal("1250000"),
        "officer",
        "NTPD-1",
    )
    row = last_history(paid)
    assert (row.history_user, row.history_change_reason) == (
        officer,
        "pembayaran dikonfirmasi petugas, bukti NTPD-1",
    )
    with pytest.raises(ConflictError, match="sudah lunas"):
        services.assessment_confirm_payment(
            assessment=paid, actor=officer, paid_amount=1250000, reference="NTPD-2"
        )


# --- The gateway ------------------------------------------------------------------------------


def test_get_gateway_chooses_by_setting(settings):
    assert isinstance(get_gateway(), SandboxGateway)
    assert isinstance(get_gateway(), payments.PaymentGateway)
    settings.MPP_PAYMENT_GATEWAY = "bank-nowhere"
    with pytest.raises(LookupError, match="bank-nowhere"):
        get_gateway()


def test_sandbox_signature_check(settings):
    settings.MPP_PAYMENT_SANDBOX_SECRET = "rahasia-uji"
    gateway = SandboxGateway()
    body, headers = gateway.build_callback(reference="8808000000000000", amount=1000, gateway_ref="TX-1")
    assert gateway.verify_signature(body, headers)
    assert not gateway.verify_signature(body.replace(b"1000", b"9000"), headers)
    assert not gateway.verify_signature(body, {})
    assert not SandboxGateway(secret="lain").verify_signature(body, headers)
    notice = gateway.parse_callback(body)
    assert (notice.reference, notice.amount, notice.gateway_ref) == (
        "8808000000000000",
        Decimal("1000"),
        "TX-1",
    )


def test_the_public_default_secret_is_refused_outside_demo_and_debug_runs(settings):
    gateway = SandboxGateway(secret=payments.DEFAULT_SANDBOX_SECRET)
    body, headers = gateway.build_callback(reference="1", amount=1, gateway_ref="T")
    settings.DEBUG, settings.DEMO_MODE = False, True
    assert gateway.verify_signature(body, headers)
    settings.DEMO_MODE = False
    assert not gateway.verify_signature(body, headers)


def callback(client, assessment, *, amount=None, gateway_ref="SBX-TX-0001", secret=None, paid_at=None):
    gateway = SandboxGateway(secret=secret)
    body, headers = gateway.build_callback(
        reference=assessment.payment_reference,
        amount=assessment.amount if amount is None else amount,
        gateway_ref=gateway_ref,
        paid_at=paid_at or wib(3, 24, 10),
    )
    return client.post(
        CALLBACK, data=body, content_type="application/json", headers={k: v for k, v in headers.items()}
    )


def test_the_callback_marks_the_skrd_paid_once(client, application, officer, settings):
    settings.MPP_PAYMENT_SANDBOX_SECRET = "rahasia-uji"
    assessment = issue(application, officer)
    response = callback(client, assessment)
    assert response.status_code == 200
    assert response.json() == {"status": "paid", "number": "SKRD/PBG/2026/000001"}
    paid = fresh(assessment)
    assert (paid.status, paid.paid_amount, paid.payment_channel, paid.gateway_reference, paid.paid_at) == (
        Assessment.Status.PAID,
        Decimal("1250000"),
        "gateway:sandbox",
        "SBX-TX-0001",
        wib(3, 24, 10),
    )
    row = last_history(paid)
    assert (row.history_user, row.history_change_reason) == (
        None,
        "dibayar melalui gateway:sandbox, transaksi SBX-TX-0001",
    )
    history_rows = Assessment.history.filter(id=assessment.pk).count()

    # The gateway retries: the same transaction again changes nothing.
    again = callback(client, assessment)
    assert again.status_code == 200
    assert again.json()["status"] == "duplicate"
    assert Assessment.history.filter(id=assessment.pk).count() == history_rows

    # A second, different payment of a paid bill is refused (the gateway must refund it).
    double = callback(client, assessment, gateway_ref="SBX-TX-0002")
    assert double.status_code == 409
    assert fresh(assessment).gateway_reference == "SBX-TX-0001"


def test_the_callback_refuses_a_wrong_amount_a_bad_signature_and_an_unknown_bill(
    client, application, officer, settings
):
    settings.MPP_PAYMENT_SANDBOX_SECRET = "rahasia-uji"
    assessment = issue(application, officer)
    wrong = callback(client, assessment, amount=1000000)
    assert wrong.status_code == 400
    assert wrong.json()["code"] == "amount_mismatch"
    assert "tidak sama dengan jumlah SKRD" in wrong.json()["detail"]
    forged = callback(client, assessment, secret="bukan-rahasianya")
    assert forged.status_code == 403
    assert forged.json()["code"] == "bad_signature"
    assert fresh(assessment).status == Assessment.Status.ISSUED

    gateway = SandboxGateway()
    body, headers = gateway.build_callback(reference="8808999999999999", amount=1, gateway_ref="X")
    unknown = client.post(CALLBACK, data=body, content_type="application/json", headers=headers)
    assert unknown.status_code == 404
    garbled = b'{"reference": "1"}'
    response = client.post(
        CALLBACK,
        data=garbled,
        content_type="application/json",
        headers={"X-Sandbox-Signature": gateway.sign(garbled)},
    )
    assert response.status_code == 400
    assert client.get(CALLBACK).status_code == 405


def test_a_cancelled_skrd_cannot_be_paid_through_the_gateway(application, officer):
    assessment = issue(application, officer)
    services.assessment_cancel(assessment=assessment, actor=officer, reason="Salah hitung")
    notice = PaymentNotice(assessment.payment_reference, Decimal("1250000"), wib(3, 24, 10), "TX-9")
    with pytest.raises(PaymentError, match="sudah dibatalkan"):
        services.payment_gateway_callback(notice=notice, gateway_name="sandbox")
    with pytest.raises(UnknownBill):
        services.payment_gateway_callback(
            notice=PaymentNotice("0000", Decimal("1"), wib(3, 24, 10), "TX-10"), gateway_name="sandbox"
        )


def test_the_service_callback_is_idempotent(application, officer):
    assessment = issue(application, officer)
    notice = PaymentNotice(assessment.payment_reference, Decimal("1250000"), wib(3, 24, 10), "TX-1")
    first, changed = services.payment_gateway_callback(
        notice=notice, gateway_name="sandbox", now=wib(3, 24, 11)
    )
    assert changed and first.status == Assessment.Status.PAID
    second, changed = services.payment_gateway_callback(
        notice=notice, gateway_name="sandbox", now=wib(3, 25, 9)
    )
    assert not changed and second.paid_at == wib(3, 24, 10)


# --- Staff forms --------------------------------------------------------------------------------


def test_staff_issue_an_skrd_from_the_application_page(client, application, officer):
    url = reverse("verify:assessment_issue", kwargs={"application_pk": application.pk})
    assert url == f"/verifikasi/skrd/{application.pk}/terbitkan/"
    client.force_login(officer)
    response = client.post(
        url, {"amount": "1.250.000", "due_date": "2099-04-10", "basis": "Luas 120 m² x indeks"}, follow=True
    )
    assessment = Assessment.objects.get(application=application)
    assert response.redirect_chain[0][0] == reverse("permits_staff:detail", kwargs={"pk": application.pk})
    assert f"SKRD {assessment.number} diterbitkan sebesar Rp1.250.000" in response.content.decode()
    # Refused by the service: shown as a message, nothing changes.
    response = client.post(url, {"amount": "5000", "due_date": "2099-04-10", "basis": "Lagi"}, follow=True)
    assert "Masih ada SKRD" in response.content.decode()
    assert Assessment.objects.filter(application=application).count() == 1


def test_staff_forms_access(client, application, officer):
    assessment = issue(application, officer)
    issue_url = reverse("verify:assessment_issue", kwargs={"application_pk": application.pk})
    confirm_url = reverse("verify:assessment_confirm", kwargs={"pk": assessment.pk})
    cancel_url = reverse("verify:assessment_cancel", kwargs={"pk": assessment.pk})
    assert confirm_url == f"/verifikasi/skrd/{assessment.pk}/lunas/"
    data = {"paid_amount": "1250000", "reference": "NTPD-9", "reason": "Salah", "amount": "1", "basis": "x"}
    for url in (issue_url, confirm_url, cancel_url):
        response = client.post(url, data)
        assert response.status_code == 302 and response.url.startswith("/akun/")  # login
    client.force_login(application.applicant)
    for url in (issue_url, confirm_url, cancel_url):
        assert client.post(url, data).status_code == 403
    client.force_login(UserFactory(officer=True))
    for url in (issue_url, confirm_url, cancel_url):
        assert client.post(url, data).status_code == 404
    assert fresh(assessment).status == Assessment.Status.ISSUED
    client.force_login(officer)
    assert client.get(confirm_url).status_code == 405
    response = client.post(confirm_url, {"paid_amount": "1250000", "reference": "NTPD-9"}, follow=True)
    assert "Pembayaran SKRD SKRD/PBG/2026/000001 dicatat lunas." in response.content.decode()
    assert fresh(assessment).status == Assessment.Status.PAID


def test_the_assessment_partial_shows_the_citizen_how_to_pay(rf, application, officer, supervisor):
    from django.template.loader import render_to_string

    from permits.selectors import issuance_panel

    assessment = issue(application, officer)
    request = rf.get("/")
    request.user = application.applicant
    html = render_to_string(
        "permits/_assessment.html", {"panel": issuance_panel(application, application.applicant)}, request
    )
    for expected in ("SKRD/PBG/2026/000001", "Rp1.250.000", assessment.payment_reference, "10 April 2026"):
        assert expected in html
    assert "Belum dibayar" in html and "Catat pembayaran" not in html and "Terbitkan SKRD" not in html
    request.user = officer
    staff_html = render_to_string(
        "permits/_assessment.html", {"panel": issuance_panel(application, officer)}, request
    )
    assert reverse("verify:assessment_confirm", kwargs={"pk": assessment.pk}) in staff_html
    assert reverse("verify:assessment_cancel", kwargs={"pk": assessment.pk}) in staff_html
    assert "Terbitkan SKRD" not in staff_html  # one unpaid SKRD at a time
    approved = approved_application(
        service=application.service, officer=officer, supervisor=supervisor, now=wib(3, 16, 9)
    )
    fresh_html = render_to_string(
        "permits/_assessment.html", {"panel": issuance_panel(approved, officer)}, request
    )
    assert reverse("verify:assessment_issue", kwargs={"application_pk": approved.pk}) in fresh_html


# --- At the same time (PostgreSQL row locks) --------------------------------------------------


def _together(*actions):
    """Run the actions in threads started together (each with its own connection)."""
    import threading

    from django.db import connection

    barrier = threading.Barrier(len(actions))
    results = [None] * len(actions)

    def worker(index, action):
        try:
            barrier.wait(timeout=10)
            results[index] = ("ok", action())
        except Exception as exc:
            results[index] = ("raised", exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i, a)) for i, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


@pytest.mark.django_db(transaction=True)
def test_a_callback_delivered_twice_at_once_is_recorded_once():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("row locks (SELECT ... FOR UPDATE) need PostgreSQL")
    MppProfileFactory()
    service = levy_service(code="PBGX")
    officer = UserFactory(officer=True, agency=service.agency)
    application = in_process_application(service=service, officer=officer)
    assessment = services.assessment_issue(
        application=application,
        actor=officer,
        amount=500000,
        due_date=date(2099, 1, 1),
        basis="Luas x indeks",
    )
    notice = PaymentNotice(assessment.payment_reference, Decimal("500000"), wib(3, 24, 10), "TX-DUP")

    def pay():
        return services.payment_gateway_callback(notice=notice, gateway_name="sandbox")[1]

    results = _together(pay, pay)
    assert sorted(results, key=str) == [("ok", False), ("ok", True)]
    assert Assessment.history.filter(id=assessment.pk, status="paid").count() == 1

    # Two SKRDs of the same service at once get consecutive numbers.
    others = [in_process_application(service=service, officer=officer) for _ in range(2)]
    results = _together(
        *[
            lambda app=app: (
                services.assessment_issue(
                    application=app, actor=officer, amount=1000, due_date=date(2099, 1, 1), basis="x"
                ).number
            )
            for app in others
        ]
    )
    year = timezone.localtime(assessment.issued_at).year
    assert sorted(value for _, value in results) == [f"SKRD/PBGX/{year}/000002", f"SKRD/PBGX/{year}/000003"]

"""Issuing a permit: refused while a levy is unpaid; the Permit row (number, verification code,
snapshot of holder, service, agency and signer) and its PDF (text, QR image, verification URL);
revocation with its reason on the record."""

import hashlib
import io
import re
from datetime import date, datetime
from decimal import Decimal
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader

from mpp.errors import ConflictError
from permits import issuance, services
from permits.models import Application, IssuanceSequence, Permit
from permits.services import ApplicationError, NotPermitted
from permits.tracking import SECRET_ALPHABET
from tests.factories import MaklumatFactory, MppProfileFactory, UserFactory
from tests.permits.factories import (
    approved_application,
    issued_application,
    levy_service,
    permit_service,
)

pytestmark = pytest.mark.django_db
S = Application.Status
WIB = ZoneInfo("Asia/Jakarta")


def wib(month, day, hour, minute=0, year=2026):
    return datetime(year, month, day, hour, minute, tzinfo=WIB)


@pytest.fixture(autouse=True)
def _mpp():
    MppProfileFactory()


@pytest.fixture
def service():
    return permit_service(code="PBG")


@pytest.fixture
def officer(service):
    return UserFactory(officer=True, agency=service.agency)


@pytest.fixture
def supervisor(service):
    return UserFactory(supervisor=True, agency=service.agency)


@pytest.fixture
def applicant():
    return UserFactory(full_name="Siti Rahmawati", nik="3574014507900002")


def pdf_text(permit: Permit) -> str:
    with permit.pdf.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return "\n".join(page.extract_text() for page in reader.pages)


def last_history(instance):
    return type(instance).history.filter(id=instance.pk).order_by("-history_id").first()


# --- Numbers and codes (no database) ----------------------------------------------------------


def test_number_formats_are_the_documented_ones(settings):
    assert issuance.assessment_number(service_code="PBG", year=2026, sequence=45) == "SKRD/PBG/2026/000045"
    assert issuance.permit_number(service_code="PBG", year=2026, sequence=7) == "503/PBG/0007/425.110/2026"
    settings.MPP_PERMIT_NUMBER_CLASS, settings.MPP_PERMIT_NUMBER_UNIT = "500.16", "35.74"
    assert issuance.permit_number(service_code="IR", year=2027, sequence=12) == "500.16/IR/0012/35.74/2027"


def test_verification_codes_are_random_and_unambiguous():
    codes = {issuance.new_verification_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(len(code) == 12 and set(code) <= set(SECRET_ALPHABET) for code in codes)
    assert not set("01OIL") & set("".join(codes))
    assert issuance.format_code("ABCDEFGHJKMN") == "ABCD-EFGH-JKMN"
    assert issuance.normalize_code(" abcd-efgh jkmn ") == "ABCDEFGHJKMN"


def test_names_are_masked_for_the_public_page():
    assert issuance.mask_name("Siti Rahmawati") == "Si** Ra*******"
    assert issuance.mask_name("Ida Ayu") == "I** A**"


# --- Issuing ----------------------------------------------------------------------------------


def test_issue_creates_the_permit_and_its_pdf(service, officer, supervisor, applicant, settings):
    settings.MPP_PUBLIC_BASE_URL = "https://mpp.probolinggokota.go.id/"
    MaklumatFactory(
        agency=service.agency, signer_name="Ir. Bambang Wijaya, M.T.", signer_position="Kepala Dinas PUPR"
    )
    issued = issued_application(
        service=service,
        officer=officer,
        supervisor=supervisor,
        applicant=applicant,
        now=wib(3, 30, 9),
        valid_until=date(2031, 3, 29),
    )
    assert issued.status == S.ISSUED
    permit = Permit.objects.get(application=issued)
    assert permit.number == "503/PBG/0001/425.110/2026"
    assert re.fullmatch(f"[{SECRET_ALPHABET}]{{12}}", permit.verification_code)
    assert (permit.holder_name, permit.holder_nik_masked) == ("Siti Rahmawati", "••••••••••••0002")
    assert (permit.service_name, permit.agency_name) == (service.name, service.agency.name)
    assert (permit.signer_name, permit.signer_position) == ("Ir. Bambang Wijaya, M.T.", "Kepala Dinas PUPR")
    assert (permit.title, permit.issued_at, permit.valid_from, permit.valid_until) == (
        "Surat Izin",
        wib(3, 30, 9),
        date(2026, 3, 30),
        date(2031, 3, 29),
    )
    # The PDF is stored outside MEDIA_ROOT under a random name, with its checksum.
    assert permit.pdf.name.startswith("permits/2026/") and permit.pdf.name.endswith(".pdf")
    assert "private-media" in permit.pdf.path and str(settings.MEDIA_ROOT) not in permit.pdf.path
    with permit.pdf.open("rb") as handle:
        content = handle.read()
    assert content.startswith(b"%PDF-")
    assert hashlib.sha256(content).hexdigest() == permit.sha256
    row = last_history(permit)
    assert (row.history_type, row.history_user, row.history_change_reason) == (
        "+",
        officer,
        "izin diterbitkan",
    )

    # The number runs per service and year.
    second = issued_application(service=service, officer=officer, supervisor=supervisor, now=wib(3, 31, 9))
    assert second.permit.number == "503/PBG/0002/425.110/2026"
    other = permit_service(code="IR", agency=service.agency)
    third = issued_application(service=other, officer=officer, supervisor=supervisor, now=wib(3, 31, 10))
    assert third.permit.number == "503/IR/0001/425.110/2026"
    assert IssuanceSequence.objects.get(kind="permit", key="PBG", year=2026).last == 2


def test_the_pdf_states_number_holder_service_dates_signer_and_verification_url(
    service, officer, supervisor, applicant, settings
):
    settings.MPP_PUBLIC_BASE_URL = "https://mpp.probolinggokota.go.id"
    MaklumatFactory(
        agency=service.agency, signer_name="Ir. Bambang Wijaya", signer_position="Kepala Dinas PUPR"
    )
    issued = issued_application(
        service=service, officer=officer, supervisor=supervisor, applicant=applicant, now=wib(3, 30, 9)
    )
    permit = issued.permit
    text = pdf_text(permit)
    flat = " ".join(text.split())
    for expected in (
        "SURAT IZIN",
        f"Nomor: {permit.number}",
        "Siti Rahmawati",
        "0002",
        service.name,
        issued.tracking_number,
        service.agency.name,
        "30 Maret 2026",
        "Selama tidak ada perubahan",
        "Kepala Dinas PUPR",
        "Ir. Bambang Wijaya",
        f"https://mpp.probolinggokota.go.id/verifikasi/{permit.verification_code}/",
        issuance.format_code(permit.verification_code),
        "Dokumen ini diterbitkan secara elektronik; keasliannya dapat diperiksa di "
        "https://mpp.probolinggokota.go.id/verifikasi/",
    ):
        assert expected in flat, expected
    assert "3574014507900002" not in flat  # the NIK is masked
    with permit.pdf.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    assert len(reader.pages) == 1
    assert reader.pages[0].mediabox.width == pytest.approx(595.27, abs=0.1)  # A4
    assert len(reader.pages[0].images) == 1  # the QR code
    assert reader.metadata.title == f"Surat Izin {permit.number}"


def test_the_qr_code_holds_the_absolute_verification_url(service, officer, supervisor, settings):
    settings.MPP_PUBLIC_BASE_URL = "https://mpp.example.go.id/"
    approved = approved_application(service=service, officer=officer, supervisor=supervisor)
    with mock.patch("permits.issuance.qr_png", wraps=issuance.qr_png) as qr:
        issued = services.application_issue(application=approved, actor=officer)
    permit = issued.permit
    url = issuance.verification_url(permit)
    assert url == f"https://mpp.example.go.id/verifikasi/{permit.verification_code}/"
    qr.assert_called_once_with(url)
    assert issuance.qr_png(url).startswith(b"\x89PNG")


def test_signer_comes_from_the_agency_maklumat_else_settings_else_the_agency_head(
    service, officer, supervisor, settings
):
    first = issued_application(service=service, officer=officer, supervisor=supervisor)
    assert (first.permit.signer_name, first.permit.signer_position) == (
        "",
        f"Kepala {service.agency.name}",
    )
    settings.MPP_PERMIT_SIGNER_NAME = "Drs. Hadi Santoso"
    settings.MPP_PERMIT_SIGNER_POSITION = "Kepala DPMPTSP Kota Probolinggo"
    second = issued_application(service=service, officer=officer, supervisor=supervisor)
    assert (second.permit.signer_name, second.permit.signer_position) == (
        "Drs. Hadi Santoso",
        "Kepala DPMPTSP Kota Probolinggo",
    )
    MaklumatFactory(agency=None, signer_position="Kepala MPP")  # the MPP's own is not the agency's
    MaklumatFactory(agency=service.agency, signer_name="Dr. Ani", signer_position="Kepala Dinas")
    third = issued_application(service=service, officer=officer, supervisor=supervisor)
    assert (third.permit.signer_name, third.permit.signer_position) == ("Dr. Ani", "Kepala Dinas")


def test_validity_end_before_its_start_is_refused_and_nothing_is_issued(service, officer, supervisor):
    approved = approved_application(service=service, officer=officer, supervisor=supervisor)
    with pytest.raises(ApplicationError, match="Tanggal akhir berlaku tidak boleh sebelum"):
        services.application_issue(
            application=approved,
            actor=officer,
            valid_from=date(2026, 4, 1),
            valid_until=date(2026, 3, 1),
        )
    assert Application.objects.get(pk=approved.pk).status == S.APPROVED
    assert not Permit.objects.exists()


# --- Levy before issuance ---------------------------------------------------------------------


def test_issue_is_refused_while_the_levy_is_unpaid_and_allowed_after_payment(settings):
    settings.MPP_PUBLIC_BASE_URL = "http://localhost:8000"
    service = levy_service(code="PBG")
    officer = UserFactory(officer=True, agency=service.agency)
    supervisor = UserFactory(supervisor=True, agency=service.agency)
    approved = approved_application(
        service=service, officer=officer, supervisor=supervisor, now=wib(3, 27, 9)
    )
    with pytest.raises(ApplicationError, match="Retribusi layanan ini belum ditetapkan"):
        services.application_issue(application=approved, actor=officer, now=wib(3, 27, 10))

    assessment = services.assessment_issue(
        application=approved,
        actor=officer,
        amount=Decimal("1250000"),
        due_date=date(2026, 4, 10),
        basis="LLt 120 m² x It 0,45 x Ilo 0,004 x SHST Rp4.500.000",
        now=wib(3, 27, 10),
    )
    with pytest.raises(ApplicationError) as refused:
        services.application_issue(application=approved, actor=officer, now=wib(3, 27, 11))
    assert refused.value.message == (
        f"Retribusi belum dibayar: SKRD SKRD/PBG/2026/000001 sebesar Rp1.250.000 (kode bayar "
        f"{assessment.payment_reference}, jatuh tempo 10 April 2026). Izin diterbitkan setelah "
        "pembayaran dikonfirmasi."
    )
    assert Application.objects.get(pk=approved.pk).status == S.APPROVED
    assert not Permit.objects.exists()

    services.assessment_confirm_payment(
        assessment=assessment,
        actor=officer,
        paid_amount="1.250.000",
        reference="NTPD-0001",
        now=wib(3, 30, 8),
    )
    issued = services.application_issue(application=approved, actor=officer, now=wib(3, 30, 9))
    assert issued.status == S.ISSUED
    assert issued.permit.number == "503/PBG/0001/425.110/2026"


def test_a_cancelled_assessment_does_not_block_a_fixed_fee_service(service, officer, supervisor):
    standard = service.standards.get()
    standard.fee_kind = "fixed"
    standard.save()
    approved = approved_application(service=service, officer=officer, supervisor=supervisor)
    assessment = services.assessment_issue(
        application=approved, actor=officer, amount=30000, due_date=date(2099, 1, 1), basis="Tarif tetap"
    )
    with pytest.raises(ApplicationError, match="Retribusi belum dibayar"):
        services.application_issue(application=approved, actor=officer)
    services.assessment_cancel(assessment=assessment, actor=officer, reason="Salah hitung")
    assert services.application_issue(application=approved, actor=officer).status == S.ISSUED


# --- Revocation -------------------------------------------------------------------------------


def test_revoke_records_who_when_and_why(service, officer, supervisor):
    permit = issued_application(service=service, officer=officer, supervisor=supervisor).permit
    with pytest.raises(ApplicationError, match="Tuliskan alasan pencabutan"):
        services.permit_revoke(permit=permit, actor=supervisor, reason="salah")
    with pytest.raises(NotPermitted):
        services.permit_revoke(
            permit=permit, actor=UserFactory(officer=True), reason="Bangunan tidak sesuai gambar rencana."
        )
    with pytest.raises(NotPermitted):
        services.permit_revoke(
            permit=permit, actor=permit.application.applicant, reason="Saya tidak jadi membangun."
        )
    reason = "Bangunan tidak sesuai gambar rencana (Perwali 12/2024 pasal 30)."
    revoked = services.permit_revoke(permit=permit, actor=supervisor, reason=reason, now=wib(6, 1, 10))
    assert (revoked.revoked_at, revoked.revoked_by, revoked.revoke_reason) == (
        wib(6, 1, 10),
        supervisor,
        reason,
    )
    row = last_history(revoked)
    assert (row.history_user, row.history_change_reason, row.history_date) == (
        supervisor,
        f"dicabut: {reason}",
        wib(6, 1, 10),
    )
    with pytest.raises(ConflictError, match="sudah dicabut"):
        services.permit_revoke(permit=permit, actor=supervisor, reason=reason)

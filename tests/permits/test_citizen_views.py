"""The citizen's permit pages: start, fill in, upload, submit, receipt, "Permohonan saya", the
detail with corrections, withdrawal, the document files, and who may open what."""

import io
import re
from datetime import datetime, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from permits import services
from permits.models import Application, Document, FieldValue
from permits.views import long_datetime, safe_filename
from tests.browser_fixtures import log_in
from tests.factories import MppProfileFactory, ServiceFactory, ServiceStandardFactory, UserFactory
from tests.permits.factories import (
    VALID_VALUES,
    ApplicationFactory,
    in_process_application,
    issued_application,
    levy_service,
    pdf_bytes,
    pdf_file,
    permit_service,
    png_file,
    ready_draft,
    requirements_of,
    submitted_application,
)

pytestmark = pytest.mark.django_db
S = Application.Status
WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture(autouse=True)
def _mpp():
    MppProfileFactory()


@pytest.fixture
def service():
    return permit_service(time_limit_days=5, code="PBG")


@pytest.fixture
def citizen():
    return UserFactory(full_name="Siti Aminah")


@pytest.fixture
def officer(service):
    return UserFactory(officer=True, agency=service.agency)


@pytest.fixture
def citizen_client(client, citizen):
    client.force_login(citizen)
    return client


def form_data(values=None, **extra):
    """The edit form's POST data: field values under their "isian_" names, plus extras."""
    data = {"status": "draft", "from_form": "1", "delivery_method": "pickup", "delivery_address": ""}
    data.update({f"isian_{key}": value for key, value in (values or {}).items()})
    data.update(extra)
    return data


def fresh(application):
    return Application.objects.get(pk=application.pk)


def text_of(response):
    return re.sub(r"\s+", " ", response.content.decode())


# --- Start -------------------------------------------------------------------------------------


def test_service_page_offers_to_apply_when_active_with_a_standard(client, citizen, service):
    url = reverse("services:detail", args=[service.code])
    start = reverse("permits:start", args=[service.code])

    response = client.get(url)
    assert f'href="/akun/masuk/?next={start}"' in response.content.decode()
    assert "Ajukan permohonan" in text_of(response)

    client.force_login(citizen)
    response = client.get(url)
    assert f'<form method="post" action="{start}">' in response.content.decode()

    without_standard = ServiceFactory(agency=service.agency)
    ServiceStandardFactory(service=without_standard)  # a draft standard only
    response = client.get(reverse("services:detail", args=[without_standard.code]))
    assert "Ajukan permohonan" not in text_of(response)


def test_staff_see_no_apply_button(client, service, officer):
    client.force_login(officer)
    response = client.get(reverse("services:detail", args=[service.code]))
    assert "Ajukan permohonan" not in text_of(response)


def test_anonymous_start_goes_to_login_with_next(client, service):
    url = reverse("permits:start", args=[service.code])
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/akun/masuk/?next=")
    assert Application.objects.count() == 0


def test_start_creates_a_draft_and_opens_its_form(citizen_client, citizen, service):
    response = citizen_client.get(reverse("permits:start", args=[service.code]))
    assert "Mulai permohonan" in text_of(response)
    assert "Surat permohonan" in text_of(response)  # what to prepare

    response = citizen_client.post(reverse("permits:start", args=[service.code]))
    application = Application.objects.get(applicant=citizen)
    assert application.status == S.DRAFT
    assert response["Location"] == reverse("permits:edit", args=[application.pk])

    # A second visit offers to resume the draft.
    response = citizen_client.get(reverse("permits:start", args=[service.code]))
    assert reverse("permits:edit", args=[application.pk]) in response.content.decode()
    assert "Lanjutkan draf" in text_of(response)


def test_start_needs_a_verified_email(client, service):
    unverified = UserFactory(email_verified_at=None)
    client.force_login(unverified)
    url = reverse("permits:start", args=[service.code])
    response = client.post(url, follow=True)
    assert Application.objects.count() == 0
    body = text_of(response)
    assert "Verifikasi email Anda dulu" in body
    assert reverse("accounts:resend_verification") in body
    assert "Kirim ulang tautan verifikasi" in body


def test_start_is_for_citizens(client, service, officer):
    client.force_login(officer)
    response = client.post(reverse("permits:start", args=[service.code]))
    assert response.status_code == 403
    assert Application.objects.count() == 0


def test_start_unknown_service_is_404(citizen_client):
    assert citizen_client.get(reverse("permits:start", args=["NOPE"])).status_code == 404


# --- The form ----------------------------------------------------------------------------------


def test_edit_page_renders_each_field_type_and_requirement(citizen_client, citizen, service):
    application = services.application_create_draft(service=service, applicant=citizen)
    response = citizen_client.get(reverse("permits:edit", args=[application.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'type="date" name="isian_mulai_bangun"' in html
    assert '<select name="isian_fungsi"' in html
    assert '<option value="sosial">Sosial budaya</option>' in html
    assert 'name="isian_luas_bangunan"' in html and 'inputmode="decimal"' in html
    assert "m²" in html
    ktp, letter = requirements_of(application)
    assert f'id="req-{ktp.pk}"' in html and f'id="req-{letter.pk}"' in html
    assert reverse("permits:upload", args=[application.pk, letter.pk]) in html
    assert "(PDF)" in html and "(PDF, JPEG, PNG)" in html
    assert "js/uploads.js" in html
    assert "Belum diunggah." in html


def test_saving_the_form_keeps_values_and_the_delivery_choice(citizen_client, citizen, service):
    application = services.application_create_draft(service=service, applicant=citizen)
    url = reverse("permits:edit", args=[application.pk])
    data = form_data(
        VALID_VALUES, delivery_method="courier", delivery_address="Jl. Suroyo 10, RT 1 RW 2, Tisnonegaran"
    )
    response = citizen_client.post(url, data)
    assert response.status_code == 302
    saved = dict(FieldValue.objects.filter(application=application).values_list("form_field__key", "value"))
    assert saved == VALID_VALUES
    application = fresh(application)
    assert application.delivery_method == "courier"
    assert application.delivery_address.startswith("Jl. Suroyo 10")

    # Resuming the draft shows what was saved.
    html = citizen_client.get(url).content.decode()
    assert 'value="Jl. Suroyo 10, Probolinggo"' in html
    assert 'value="courier" id="id_delivery_method_2" checked' in html or re.search(
        r'value="courier"[^>]*checked', html
    )


def test_field_error_is_shown_next_to_the_field_and_keeps_posted_values(citizen_client, citizen, service):
    application = services.application_create_draft(service=service, applicant=citizen)
    data = form_data(
        {"luas_bangunan": "seratus", "alamat_bangunan": "Jl. Mawar 5", "mulai_bangun": "2026-13-40"}
    )
    response = citizen_client.post(reverse("permits:edit", args=[application.pk]), data)
    assert response.status_code == 400
    html = text_of(response)
    assert "Isi dengan angka tanpa pemisah ribuan" in html
    assert "Tanggal tidak valid" in html
    assert 'value="seratus"' in html and 'value="Jl. Mawar 5"' in html
    # The message sits next to its field and the summary links to it.
    assert re.search(r'id="id_isian_luas_bangunan_error".*?Isi dengan angka', html)
    assert 'href="#id_isian_luas_bangunan"' in html
    assert FieldValue.objects.filter(application=application).count() == 0  # all or nothing


def test_upload_stores_a_pdf_and_shows_it(citizen_client, citizen, service):
    application = services.application_create_draft(service=service, applicant=citizen)
    _, letter = requirements_of(application)
    url = reverse("permits:upload", args=[application.pk, letter.pk])
    response = citizen_client.post(url, {"berkas": pdf_file("Surat Permohonan.pdf")})
    assert response.status_code == 302
    assert response["Location"] == reverse("permits:edit", args=[application.pk]) + f"#req-{letter.pk}"
    document = Document.objects.get(application=application, requirement=letter, is_current=True)
    assert document.original_name == "Surat Permohonan.pdf"
    body = text_of(citizen_client.get(reverse("permits:edit", args=[application.pk])))
    assert "tersimpan" in body
    assert "Surat Permohonan.pdf" in body
    assert reverse("permits:document_file", args=[application.pk, document.pk]) in body


def test_upload_answers_json_to_the_script(citizen_client, citizen, service):
    application = services.application_create_draft(service=service, applicant=citizen)
    ktp, letter = requirements_of(application)
    url = reverse("permits:upload", args=[application.pk, ktp.pk])
    response = citizen_client.post(
        url, {"berkas": png_file("ktp.png")}, headers={"accept": "application/json"}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["ok"] is True
    assert "ktp.png" in body["html"]

    bad = SimpleUploadedFile("surat.pdf", b"MZ\x90\x00 this is a program", content_type="application/pdf")
    response = citizen_client.post(
        reverse("permits:upload", args=[application.pk, letter.pk]),
        {"berkas": bad},
        headers={"accept": "application/json"},
    )
    assert response.status_code == 400
    assert "program atau skrip" in response.json()["error"]
    assert not Document.objects.filter(requirement=letter).exists()


def test_upload_of_the_wrong_type_is_refused_with_a_message_and_nothing_stored(
    citizen_client, citizen, service
):
    application = services.application_create_draft(service=service, applicant=citizen)
    _, letter = requirements_of(application)  # PDF only
    response = citizen_client.post(
        reverse("permits:upload", args=[application.pk, letter.pk]),
        {"berkas": png_file("surat.png")},
        follow=True,
    )
    body = text_of(response)
    assert "Persyaratan ini hanya menerima berkas PDF; berkas Anda PNG." in body
    assert Document.objects.filter(application=application).count() == 0

    response = citizen_client.post(
        reverse("permits:upload", args=[application.pk, letter.pk]), {}, follow=True
    )
    assert "Pilih berkas yang akan diunggah." in text_of(response)


def test_upload_to_a_requirement_of_another_service_is_404(citizen_client, citizen, service):
    application = services.application_create_draft(service=service, applicant=citizen)
    foreign = requirements_of(services.application_create_draft(service=permit_service(), applicant=citizen))[
        0
    ]
    response = citizen_client.post(
        reverse("permits:upload", args=[application.pk, foreign.pk]), {"berkas": pdf_file()}
    )
    assert response.status_code == 404


def test_full_flow_start_edit_upload_submit_receipt(citizen_client, citizen, service):
    citizen_client.post(reverse("permits:start", args=[service.code]))
    application = Application.objects.get(applicant=citizen)
    ktp, letter = requirements_of(application)
    citizen_client.post(reverse("permits:upload", args=[application.pk, ktp.pk]), {"berkas": png_file()})
    citizen_client.post(
        reverse("permits:upload", args=[application.pk, letter.pk]),
        {"berkas": SimpleUploadedFile("surat.pdf", pdf_bytes(), content_type="application/pdf")},
    )
    monday = datetime(2026, 3, 16, 10, 0, tzinfo=WIB)
    with mock.patch("django.utils.timezone.now", return_value=monday):
        response = citizen_client.post(
            reverse("permits:submit", args=[application.pk]), form_data(VALID_VALUES)
        )
    application = fresh(application)
    assert application.status == S.SUBMITTED
    assert response["Location"] == reverse("permits:receipt", args=[application.pk])
    assert application.tracking_number == "PBG-2026-000001"

    body = text_of(citizen_client.get(response["Location"]))
    assert "PBG-2026-000001" in body
    assert application.tracking_secret in body
    # DOMAIN.md's worked example: 5 working days from Mon 16 March 2026 (18-24 March closed).
    assert "Senin, 30 Maret 2026 pukul 14.00 WIB" in body
    assert "Versi 1" in body
    assert "Yang terjadi selanjutnya" in body
    assert "Ambil di loket" in body
    assert f"nomor=PBG-2026-000001&amp;kode={application.tracking_secret}" in body
    assert "<svg" in body  # QR code to the tracking body


def test_incomplete_submit_lists_each_problem_with_a_link(citizen_client, citizen, service):
    application = services.application_create_draft(service=service, applicant=citizen)
    ktp, letter = requirements_of(application)
    services.document_upload(application=application, requirement=ktp, file=png_file(), actor=citizen)
    data = form_data({"alamat_bangunan": "Jl. Mawar 5"})
    response = citizen_client.post(reverse("permits:submit", args=[application.pk]), data)
    assert response.status_code == 400
    html = text_of(response)
    assert "Permohonan belum dapat dikirim" in html
    quote = "&#x27;"  # ' escaped in HTML
    assert f'<a href="#id_isian_luas_bangunan">Isian {quote}Luas bangunan{quote} wajib diisi.</a>' in html
    assert f'<a href="#id_isian_fungsi">Isian {quote}Fungsi bangunan{quote} wajib diisi.</a>' in html
    assert f'<a href="#req-{letter.pk}">Berkas {quote}Surat permohonan{quote} belum diunggah.</a>' in html
    # ... and each missing field says so beside it.
    assert re.search(r'id="id_isian_fungsi_error"><li>Isian .{1,6}Fungsi bangunan.{1,6} wajib diisi', html)
    assert 'value="Jl. Mawar 5"' in html  # what was typed is kept (and saved)
    assert fresh(application).status == S.DRAFT
    assert (
        FieldValue.objects.get(application=application, form_field__key="alamat_bangunan").value
        == "Jl. Mawar 5"
    )


def test_courier_without_address_is_refused_at_submission(citizen_client, citizen, service):
    application = ready_draft(service=service, applicant=citizen)
    data = form_data(VALID_VALUES, delivery_method="courier", delivery_address="")
    response = citizen_client.post(reverse("permits:submit", args=[application.pk]), data)
    assert response.status_code == 400
    assert "Tulis alamat pengantaran lengkap" in text_of(response)
    assert fresh(application).status == S.DRAFT


def test_submitting_twice_goes_to_the_application(citizen_client, citizen, service):
    application = submitted_application(service=service, applicant=citizen)
    response = citizen_client.post(reverse("permits:submit", args=[application.pk]), form_data(VALID_VALUES))
    assert response["Location"] == reverse("permits:detail", args=[application.pk])
    assert Application.objects.get(pk=application.pk).tracking_number == application.tracking_number


def test_receipt_of_a_draft_goes_back_to_the_form(citizen_client, citizen, service):
    application = services.application_create_draft(service=service, applicant=citizen)
    response = citizen_client.get(reverse("permits:receipt", args=[application.pk]))
    assert response["Location"] == reverse("permits:edit", args=[application.pk])


def test_long_datetime_in_indonesian():
    assert long_datetime(datetime(2026, 3, 30, 7, 0, tzinfo=ZoneInfo("UTC"))) == (
        "Senin, 30 Maret 2026 pukul 14.00 WIB"
    )


# --- "Permohonan saya" -------------------------------------------------------------------------


def test_my_applications_lists_drafts_and_submitted_with_status_and_due(citizen_client, citizen, service):
    draft = services.application_create_draft(service=service, applicant=citizen)
    submitted = submitted_application(service=service, applicant=citizen)
    other = submitted_application(service=service)  # someone else's
    response = citizen_client.get(reverse("permits:list"))
    body = text_of(response)
    assert reverse("permits:edit", args=[draft.pk]) in body
    assert "Lanjutkan mengisi" in body
    assert submitted.tracking_number in body
    assert other.tracking_number not in body
    assert "Diajukan" in body and "Draf" in body
    assert long_datetime(submitted.estimated_due_at) in body
    assert "Perkiraan tanggal keputusan" in body


def test_in_process_applications_show_their_deadline(citizen_client, citizen, service, officer):
    application = in_process_application(service=service, officer=officer, applicant=citizen)
    body = text_of(citizen_client.get(reverse("permits:list")))
    assert "Batas waktu penyelesaian" in body
    assert long_datetime(application.due_at) in body


def test_my_applications_query_count_is_constant(client, django_assert_max_num_queries):
    citizen = UserFactory()
    client.force_login(citizen)
    services_ = [ServiceFactory() for _ in range(3)]
    for service in services_[:2]:
        ApplicationFactory(applicant=citizen, service=service, submitted=True)
    client.get(reverse("permits:list"))  # warm the calendar and profile caches
    with django_assert_max_num_queries(6) as small:
        assert client.get(reverse("permits:list")).status_code == 200
    for i in range(13):
        ApplicationFactory(applicant=citizen, service=services_[i % 3], in_process=(i % 2 == 0))
    with django_assert_max_num_queries(len(small.captured_queries)) as large:
        response = client.get(reverse("permits:list"))
    assert response.status_code == 200
    assert response.content.decode().count('class="application-card"') == 15
    assert len(large.captured_queries) == len(small.captured_queries)


def test_my_applications_is_for_citizens(client, officer):
    assert client.get(reverse("permits:list"))["Location"].startswith("/akun/masuk/")
    client.force_login(officer)
    assert client.get(reverse("permits:list")).status_code == 403


# --- Detail, corrections, withdrawal -------------------------------------------------------------


def test_detail_shows_status_expected_date_timeline_fields_and_documents(citizen_client, citizen, service):
    application = submitted_application(service=service, applicant=citizen)
    response = citizen_client.get(reverse("permits:detail", args=[application.pk]))
    html = response.content.decode()
    body = text_of(response)
    assert application.tracking_number in body
    assert "Perkiraan tanggal keputusan" in body
    assert long_datetime(application.estimated_due_at) in body
    assert '<ol class="timeline">' in html
    assert "Permohonan diajukan" in body
    assert re.search(r'<time datetime="\d{4}-\d{2}-\d{2}T', html)
    assert "Luas bangunan" in body and "120 m²" in body
    assert "surat-permohonan.pdf" in body
    assert "Batalkan permohonan" in body


def test_correction_flow_from_the_citizen_side(citizen_client, citizen, service, officer):
    application = submitted_application(service=service, applicant=citizen)
    ktp, _ = requirements_of(application)
    fungsi = application.standard.form_fields.get(key="fungsi")
    correction = services.application_request_correction(
        application=application,
        actor=officer,
        items=[(ktp, "Foto KTP buram, unggah yang jelas"), (fungsi, "Bangunan dipakai untuk toko")],
        note="Mohon segera",
    )
    detail_url = reverse("permits:detail", args=[application.pk])
    edit_url = reverse("permits:edit", args=[application.pk])

    body = text_of(citizen_client.get(detail_url))
    assert "Yang perlu diperbaiki" in body
    assert "Fotokopi KTP-el" in body and "Foto KTP buram, unggah yang jelas" in body
    assert "Fungsi bangunan" in body and "Bangunan dipakai untuk toko" in body
    assert "Mohon segera" in body
    assert long_datetime(correction.due_at) in body
    assert f'href="{edit_url}#req-{ktp.pk}"' in body
    assert f'href="{edit_url}#id_isian_fungsi"' in body

    # Resubmitting before fixing lists what is still open.
    response = citizen_client.post(reverse("permits:resubmit", args=[application.pk]), {"status": "returned"})
    assert response.status_code == 400
    body = text_of(response)
    assert "Unggah berkas baru untuk &#x27;Fotokopi KTP-el&#x27;" in body
    assert "Perbaiki isian &#x27;Fungsi bangunan&#x27;" in body
    assert fresh(application).status == S.RETURNED

    # The form shows the items beside the requirement and field concerned.
    body = text_of(citizen_client.get(edit_url))
    assert "Perlu diperbaiki: Foto KTP buram" in body
    assert "Perlu diperbaiki: Bangunan dipakai untuk toko" in body
    assert "Kirim ulang" in body

    citizen_client.post(
        reverse("permits:upload", args=[application.pk, ktp.pk]), {"berkas": png_file("ktp-jelas.png")}
    )
    values = dict(VALID_VALUES, fungsi="usaha")
    response = citizen_client.post(
        reverse("permits:resubmit", args=[application.pk]), form_data(values, status="returned")
    )
    assert response["Location"] == detail_url
    application = fresh(application)
    assert application.status == S.SUBMITTED
    body = text_of(citizen_client.get(detail_url))
    assert "Perbaikan terkirim" in body
    assert "Diajukan ulang setelah perbaikan" in body


def test_withdraw_after_confirmation(citizen_client, citizen, service):
    application = submitted_application(service=service, applicant=citizen)
    url = reverse("permits:withdraw", args=[application.pk])
    body = text_of(citizen_client.get(url))
    assert "Batalkan permohonan?" in body and "Ya, batalkan permohonan" in body
    assert fresh(application).status == S.SUBMITTED  # GET changes nothing

    response = citizen_client.post(url, {"status": "submitted", "reason": "Salah pilih layanan"}, follow=True)
    assert fresh(application).status == S.WITHDRAWN
    body = text_of(response)
    assert "Permohonan dibatalkan." in body
    assert "Permohonan dibatalkan pemohon" in body  # timeline
    assert "Batalkan permohonan…" not in body


def test_withdraw_refuses_when_the_status_changed_meanwhile(citizen_client, citizen, service, officer):
    application = submitted_application(service=service, applicant=citizen)
    services.application_verify_complete(application=application, actor=officer)
    response = citizen_client.post(
        reverse("permits:withdraw", args=[application.pk]), {"status": "submitted"}, follow=True
    )
    assert "baru saja diubah" in text_of(response)
    assert fresh(application).status == S.IN_PROCESS


def test_withdraw_after_a_decision_is_refused(citizen_client, citizen, service):
    application = ApplicationFactory(applicant=citizen, service=service, approved=True)
    response = citizen_client.post(
        reverse("permits:withdraw", args=[application.pk]), {"status": "approved"}, follow=True
    )
    assert "tidak dapat dibatalkan" in text_of(response)
    assert fresh(application).status == S.APPROVED


def test_issued_application_says_how_to_collect_the_permit(citizen_client, citizen, service):
    application = ApplicationFactory(
        applicant=citizen, service=service, issued=True, delivery_method="drive_through"
    )
    body = text_of(citizen_client.get(reverse("permits:detail", args=[application.pk])))
    assert "Izin telah terbit — ambil sesuai pilihan pengambilan: Ambil lewat drive-through." in body


def test_issued_application_links_the_permit_pdf(citizen_client, citizen, service, officer):
    supervisor = UserFactory(supervisor=True, agency=service.agency)
    application = issued_application(
        service=service, officer=officer, supervisor=supervisor, applicant=citizen
    )
    response = citizen_client.get(reverse("permits:detail", args=[application.pk]))
    html = response.content.decode()
    permit = application.permit
    download = reverse("verify:permit_pdf", args=[permit.pk])
    assert f'href="{download}"' in html
    assert "Unduh izin (PDF)" in html
    assert permit.number in html
    assert citizen_client.get(download).status_code == 200


def test_levy_assessment_shows_the_payment_reference(citizen_client, citizen, officer):
    service = levy_service(agency=officer.agency)
    application = in_process_application(service=service, officer=officer, applicant=citizen)
    assessment = services.assessment_issue(
        application=application,
        actor=officer,
        amount=1250000,
        due_date=(timezone.localdate() + timedelta(days=14)),
        basis="120 m² x indeks 1,0 x Rp10.417",
    )
    body = text_of(citizen_client.get(reverse("permits:detail", args=[application.pk])))
    assert "Retribusi (SKRD)" in body
    assert assessment.payment_reference in body
    assert "Rp1.250.000" in body
    assert "Catat pembayaran" not in body  # staff-only forms


def test_rejected_application_shows_the_reason(citizen_client, citizen, service, officer):
    application = submitted_application(service=service, applicant=citizen)
    services.application_reject(
        application=application, actor=officer, reason="Lokasi berada di zona hijau (Perda RTRW Pasal 12)."
    )
    body = text_of(citizen_client.get(reverse("permits:detail", args=[application.pk])))
    assert "Ditolak" in body
    assert "Lokasi berada di zona hijau (Perda RTRW Pasal 12)." in body


def test_edit_page_of_a_submitted_application_goes_to_its_detail(citizen_client, citizen, service):
    application = submitted_application(service=service, applicant=citizen)
    response = citizen_client.get(reverse("permits:edit", args=[application.pk]))
    assert response["Location"] == reverse("permits:detail", args=[application.pk])
    response = citizen_client.post(
        reverse("permits:edit", args=[application.pk]), form_data({"fungsi": "usaha"})
    )
    assert response["Location"] == reverse("permits:detail", args=[application.pk])
    assert FieldValue.objects.get(application=application, form_field__key="fungsi").value == "hunian"


# --- Document files ------------------------------------------------------------------------------


def test_document_is_served_inline_with_its_type_and_a_safe_name(citizen_client, citizen, service):
    application = services.application_create_draft(service=service, applicant=citizen)
    _, letter = requirements_of(application)
    document = services.document_upload(
        application=application,
        requirement=letter,
        file=SimpleUploadedFile('../../"surat"\r\n<b>.pdf', pdf_bytes("isi")),
        actor=citizen,
    )
    response = citizen_client.get(reverse("permits:document_file", args=[application.pk, document.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("inline;")
    assert '"' not in disposition.split("filename=", 1)[1].strip('"')
    assert "\r" not in disposition and "\n" not in disposition and "/" not in disposition
    assert b"".join(response.streaming_content) == pdf_bytes("isi")


def test_safe_filename_keeps_readable_names_and_the_real_extension():
    document = Document(original_name="KTP Siti (depan).jpeg", content_type="image/jpeg")
    assert safe_filename(document) == "KTP Siti (depan).jpg"
    document = Document(original_name="surat.exe.pdf", content_type="application/pdf")
    assert safe_filename(document) == "surat.exe.pdf"
    document = Document(original_name="<script>.png", content_type="image/png")
    assert safe_filename(document) == "script.png"


def test_uploads_are_not_linked_through_media_url(citizen_client, citizen, service):
    application = ready_draft(service=service, applicant=citizen)
    html = citizen_client.get(reverse("permits:edit", args=[application.pk])).content.decode()
    assert "/media/" not in html
    assert "/dokumen/" in html


# --- Access --------------------------------------------------------------------------------------


def _urls(application, requirement, document):
    pk = application.pk
    return {
        "detail": ("get", reverse("permits:detail", args=[pk])),
        "edit": ("get", reverse("permits:edit", args=[pk])),
        "save": ("post", reverse("permits:edit", args=[pk])),
        "upload": ("post", reverse("permits:upload", args=[pk, requirement.pk])),
        "document": ("get", reverse("permits:document_file", args=[pk, document.pk])),
        "submit": ("post", reverse("permits:submit", args=[pk])),
        "resubmit": ("post", reverse("permits:resubmit", args=[pk])),
        "withdraw": ("get", reverse("permits:withdraw", args=[pk])),
        "withdraw_post": ("post", reverse("permits:withdraw", args=[pk])),
        "receipt": ("get", reverse("permits:receipt", args=[pk])),
    }


@pytest.fixture
def a_draft(service):
    application = ready_draft(service=service)
    ktp, _ = requirements_of(application)
    return application, ktp, application.documents.get(requirement=ktp)


def test_anonymous_is_sent_to_login_everywhere(client, a_draft):
    for name, (method, url) in _urls(*a_draft).items():
        response = getattr(client, method)(url)
        assert response.status_code == 302, name
        assert response["Location"].startswith("/akun/masuk/?next="), name


def test_another_citizen_gets_404_everywhere(client, a_draft):
    application, _, _ = a_draft
    client.force_login(UserFactory())
    for name, (method, url) in _urls(*a_draft).items():
        data = {"berkas": pdf_file()} if name == "upload" else {"status": "draft"}
        response = getattr(client, method)(url, data) if method == "post" else client.get(url)
        assert response.status_code == 404, name
    assert fresh(application).status == S.DRAFT
    assert application.documents.count() == 2


def test_staff_cannot_use_the_citizen_pages_but_see_receipt_and_documents_of_their_agency(
    client, service, officer
):
    application = submitted_application(service=service)
    ktp, _ = requirements_of(application)
    document = application.documents.get(requirement=ktp)
    urls = _urls(application, ktp, document)
    client.force_login(officer)
    for name in ("detail", "edit", "save", "upload", "submit", "resubmit", "withdraw", "withdraw_post"):
        method, url = urls[name]
        response = getattr(client, method)(url)
        assert response.status_code == 404, name
    assert client.get(urls["receipt"][1]).status_code == 200
    assert client.get(urls["document"][1]).status_code == 200

    other_agency_officer = UserFactory(officer=True)
    client.force_login(other_agency_officer)
    assert client.get(urls["receipt"][1]).status_code == 404
    assert client.get(urls["document"][1]).status_code == 404


def test_staff_cannot_open_documents_of_a_citizen_draft(client, a_draft, officer):
    application, _, document = a_draft
    client.force_login(officer)
    assert client.get(reverse("permits:document_file", args=[application.pk, document.pk])).status_code == 404


def test_document_of_another_application_is_404(citizen_client, citizen, service):
    mine = ready_draft(service=service, applicant=citizen)
    theirs = ready_draft(service=service)
    document = theirs.documents.first()
    response = citizen_client.get(reverse("permits:document_file", args=[mine.pk, document.pk]))
    assert response.status_code == 404


# --- In a real browser (360px phone) ---------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_browser_upload_shrinks_photos_and_retries_without_losing_the_form(page, live_server, tmp_path):
    service = permit_service(code="PBG")
    citizen = UserFactory()
    application = services.application_create_draft(service=service, applicant=citizen)
    ktp, letter = requirements_of(application)
    log_in(page, live_server.url, email=citizen.email)
    page.goto(f"{live_server.url}{reverse('permits:edit', args=[application.pk])}")
    page.fill("#id_isian_alamat_bangunan", "Jl. Suroyo 10, diketik belum disimpan")

    photo = tmp_path / "ktp-kamera.jpg"
    Image.effect_noise((2400, 1800), 60).convert("RGB").save(photo, quality=95)
    attempts = []

    def drop_first_attempt(route):
        attempts.append(route.request.post_data_buffer)
        if len(attempts) == 1:
            route.abort("failed")  # the phone lost its connection
        else:
            route.continue_()

    page.route(f"**{reverse('permits:upload', args=[application.pk, ktp.pk])}", drop_first_attempt)
    page.set_input_files(f"#berkas-{ktp.pk}", str(photo))
    page.get_by_text("Unggah gagal — coba lagi").wait_for()
    assert not Document.objects.filter(requirement=ktp).exists()

    page.get_by_role("button", name="Coba lagi").click()
    page.locator(f"#req-{ktp.pk} .upload-success").wait_for()
    # The same (shrunk) file both times, without picking it again.
    assert len(attempts) == 2 and _uploaded_file(attempts[0]) == _uploaded_file(attempts[1])
    document = Document.objects.get(requirement=ktp, is_current=True)
    assert document.content_type == "image/jpeg"
    with document.file.open("rb") as handle:
        stored = Image.open(io.BytesIO(handle.read()))
        assert max(stored.size) == 1600  # shrunk in the browser from 2400px
    assert document.size < photo.stat().st_size
    assert "ktp-kamera.jpg" in page.locator(f"#req-{ktp.pk}").inner_text()
    # The rest of the form is as typed.
    assert page.input_value("#id_isian_alamat_bangunan") == "Jl. Suroyo 10, diketik belum disimpan"

    # A file the requirement refuses: the server's message, no retry (another file is needed).
    png = tmp_path / "surat.png"
    png.write_bytes(_png_bytes())
    page.set_input_files(f"#berkas-{letter.pk}", str(png))
    page.get_by_text("hanya menerima berkas PDF").wait_for()
    assert page.locator(f"#req-{letter.pk} [data-upload-retry]").is_hidden()
    assert page.locator(f"#req-{letter.pk} [data-upload-button]").is_hidden()

    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0


def _uploaded_file(body: bytes) -> bytes:
    """The bytes of the "berkas" part of a multipart body."""
    part = body.split(b'name="berkas"', 1)[1]
    return part.split(b"\r\n\r\n", 1)[1].rsplit(b"\r\n--", 1)[0]


def _png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), (10, 120, 200)).save(buffer, format="PNG")
    return buffer.getvalue()

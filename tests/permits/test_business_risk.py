"""OSS RBA: what an applicant must provide follows the service's risk level (DOMAIN.md, "Licensing
by risk"): rendah NIB only; menengah rendah NIB + pernyataan mandiri; menengah tinggi NIB + the
standard fulfilment document, verified by the agency before approval; tinggi NIB + the izin (the
service's own product)."""

import re

import pytest
from django.urls import reverse

from mpp.errors import DomainError
from permits import services as permits
from permits.business import (
    application_declare_standard,
    application_set_business_identity,
    application_verify_standard,
    business_identity_problems,
)
from permits.models import Application
from services.models import Requirement, ServiceStandard
from tests.factories import MppProfileFactory, UserFactory
from tests.permits.factories import pdf_file, permit_service, ready_draft

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _mpp():
    MppProfileFactory()  # office hours for the working-day calendar


NIB = "9120001234567"
SLOT = "Dokumen pemenuhan standar usaha"


def risk_service(level: str, *, kbli: str = "10794", code: str | None = None):
    service = permit_service(code=code)
    service.kbli_code, service.risk_level = kbli, level
    service.save()
    return service


def add_standard_slot(service, *, mandatory: bool = True) -> Requirement:
    standard = ServiceStandard.objects.get(service=service, status="in_force")
    return Requirement.objects.create(
        standard=standard,
        order=9,
        name=SLOT,
        mandatory=mandatory,
        accepted_kinds=["pdf"],
        kind=Requirement.Kind.STANDARD_CERTIFICATE,
    )


def draft_with_nib(service):
    draft = ready_draft(service=service)
    application_set_business_identity(application=draft, actor=draft.applicant, nib=NIB)
    return Application.objects.get(pk=draft.pk)


def upload_standard_document(application, requirement):
    permits.document_upload(
        application=application,
        requirement=requirement,
        file=pdf_file("standar.pdf"),
        actor=application.applicant,
    )


def submit(application):
    return permits.application_submit(
        application=application, actor=application.applicant, delivery_method="pickup"
    )


# --- What blocks submission, per level ------------------------------------------------------------


def _nothing(draft, slot):
    pass


def _declare(draft, slot):
    application_declare_standard(application=draft, actor=draft.applicant, accepted=True)


def _upload(draft, slot):
    upload_standard_document(draft, slot)


@pytest.mark.parametrize(
    ("level", "with_nib", "action", "blocked_by"),
    [
        ("rendah", False, _nothing, "NIB wajib diisi"),
        ("rendah", True, _nothing, None),
        ("menengah_rendah", False, _declare, "NIB wajib diisi"),
        ("menengah_rendah", True, _nothing, "Buat pernyataan mandiri"),
        ("menengah_rendah", True, _declare, None),
        ("menengah_tinggi", True, _nothing, f"Berkas '{SLOT}' belum diunggah"),
        ("menengah_tinggi", False, _upload, "NIB wajib diisi"),
        ("menengah_tinggi", True, _upload, None),
        ("tinggi", False, _nothing, "NIB wajib diisi"),
        ("tinggi", True, _nothing, None),
    ],
)
def test_what_each_risk_level_needs_before_submission(level, with_nib, action, blocked_by):
    service = risk_service(level)
    draft = draft_with_nib(service) if with_nib else ready_draft(service=service)
    slot = add_standard_slot(service) if level == "menengah_tinggi" else None
    action(draft, slot)
    draft = Application.objects.get(pk=draft.pk)
    if blocked_by:
        with pytest.raises(permits.IncompleteApplication, match=blocked_by):
            submit(draft)
        assert Application.objects.get(pk=draft.pk).status == "draft"
    else:
        assert submit(draft).status == "submitted"


def test_a_medium_high_standard_without_the_document_slot_cannot_be_applied_for():
    draft = draft_with_nib(risk_service("menengah_tinggi"))
    assert any("belum memuat persyaratan dokumen" in p for p in business_identity_problems(draft))
    with pytest.raises(permits.IncompleteApplication):
        submit(draft)


def test_an_optional_slot_is_still_required_at_medium_high():
    service = risk_service("menengah_tinggi")
    draft = draft_with_nib(service)
    slot = add_standard_slot(service, mandatory=False)
    with pytest.raises(permits.IncompleteApplication, match="wajib diunggah untuk verifikasi"):
        submit(draft)
    upload_standard_document(draft, slot)
    assert submit(Application.objects.get(pk=draft.pk)).status == "submitted"


# --- The pernyataan mandiri ----------------------------------------------------------------------


def test_the_declaration_is_recorded_with_its_text_actor_and_history():
    service = risk_service("menengah_rendah", kbli="10794")
    standard = ServiceStandard.objects.get(service=service)
    standard.business_standard = "Memiliki tempat produksi yang bersih dan terpisah dari tempat tinggal."
    standard.save()
    draft = draft_with_nib(service)
    application_declare_standard(application=draft, actor=draft.applicant, accepted=True)
    draft.refresh_from_db()
    assert draft.standard_declared_by == draft.applicant and draft.standard_declared_at is not None
    assert draft.standard_declaration.startswith("Memiliki tempat produksi yang bersih")
    assert "KBLI 10794" in draft.standard_declaration
    row = draft.history.first()
    assert (row.history_user, row.history_change_reason) == (
        draft.applicant,
        "Pernyataan mandiri pemenuhan standar usaha dibuat",
    )
    application_declare_standard(application=draft, actor=draft.applicant, accepted=False)
    draft.refresh_from_db()
    assert draft.standard_declared_at is None and draft.standard_declaration == ""
    assert draft.history.first().history_change_reason == "Pernyataan mandiri pemenuhan standar usaha ditarik"


def test_changing_the_kbli_after_declaring_asks_for_a_new_declaration():
    draft = draft_with_nib(risk_service("menengah_rendah", kbli="10794"))
    application_declare_standard(application=draft, actor=draft.applicant, accepted=True)
    application_set_business_identity(application=draft, actor=draft.applicant, nib=NIB, kbli_code="10792")
    with pytest.raises(permits.IncompleteApplication, match="buat ulang pernyataannya"):
        submit(Application.objects.get(pk=draft.pk))
    application_declare_standard(application=draft, actor=draft.applicant, accepted=True)
    assert "KBLI 10792" in Application.objects.get(pk=draft.pk).standard_declaration
    assert submit(Application.objects.get(pk=draft.pk)).status == "submitted"


def test_only_the_applicant_declares_only_at_medium_low_and_only_while_editable():
    draft = draft_with_nib(risk_service("menengah_rendah"))
    rows = draft.history.count()
    with pytest.raises(permits.NotPermitted):
        application_declare_standard(application=draft, actor=UserFactory(), accepted=True)
    officer = UserFactory(officer=True, agency=draft.agency)
    with pytest.raises(permits.NotPermitted):
        application_declare_standard(application=draft, actor=officer, accepted=True)
    assert Application.objects.get(pk=draft.pk).history.count() == rows
    other = draft_with_nib(risk_service("tinggi"))
    with pytest.raises(DomainError, match="menengah rendah"):
        application_declare_standard(application=other, actor=other.applicant, accepted=True)
    application_declare_standard(application=draft, actor=draft.applicant, accepted=True)
    submitted = submit(Application.objects.get(pk=draft.pk))
    with pytest.raises(DomainError, match="Draf atau Dikembalikan"):
        application_declare_standard(application=submitted, actor=draft.applicant, accepted=False)
    assert Application.objects.get(pk=draft.pk).standard_declared_at is not None


# --- The agency's verification (menengah tinggi) ----------------------------------------------------


def in_process_medium_high():
    service = risk_service("menengah_tinggi", kbli="47722")
    draft = draft_with_nib(service)
    upload_standard_document(draft, add_standard_slot(service))
    officer = UserFactory(officer=True, agency=service.agency)
    supervisor = UserFactory(supervisor=True, agency=service.agency)
    application = permits.application_verify_complete(application=submit(draft), actor=officer)
    for step in application.steps.order_by("order", "id"):
        permits.step_complete(application=application, step_progress=step, actor=supervisor)
    return Application.objects.get(pk=application.pk), officer, supervisor


def test_approval_waits_for_the_verification_of_the_standard():
    application, officer, supervisor = in_process_medium_high()
    with pytest.raises(permits.ApplicationError, match="belum diverifikasi petugas"):
        permits.application_approve(application=application, actor=supervisor)
    assert Application.objects.get(pk=application.pk).status == "in_process"
    application_verify_standard(
        application=application, actor=officer, note="Sesuai standar apotek/toko obat"
    )
    application.refresh_from_db()
    assert (application.standard_verified_by, application.standard_verification_note) == (
        officer,
        "Sesuai standar apotek/toko obat",
    )
    row = application.history.first()
    assert row.history_user == officer
    assert row.history_change_reason == "Sertifikat Standar diverifikasi: Sesuai standar apotek/toko obat"
    assert permits.application_approve(application=application, actor=supervisor).status == "approved"


def test_only_the_agency_verifies_and_only_in_process():
    application, _officer, _supervisor = in_process_medium_high()
    for outsider in (application.applicant, UserFactory(officer=True), UserFactory()):
        with pytest.raises(permits.NotPermitted):
            application_verify_standard(application=application, actor=outsider)
    assert Application.objects.get(pk=application.pk).standard_verified_at is None
    service = risk_service("menengah_tinggi")
    draft = draft_with_nib(service)
    upload_standard_document(draft, add_standard_slot(service))
    submitted = submit(draft)
    with pytest.raises(DomainError, match="berkas dinyatakan lengkap"):
        application_verify_standard(
            application=submitted, actor=UserFactory(officer=True, agency=service.agency)
        )
    tinggi = draft_with_nib(risk_service("tinggi"))
    with pytest.raises(DomainError, match="menengah tinggi"):
        application_verify_standard(application=tinggi, actor=UserFactory(officer=True, agency=tinggi.agency))


def test_other_levels_are_approved_without_a_verification():
    service = risk_service("tinggi")
    officer = UserFactory(officer=True, agency=service.agency)
    supervisor = UserFactory(supervisor=True, agency=service.agency)
    application = permits.application_verify_complete(
        application=submit(draft_with_nib(service)), actor=officer
    )
    for step in application.steps.order_by("order", "id"):
        permits.step_complete(application=application, step_progress=step, actor=supervisor)
    assert permits.application_approve(application=application, actor=supervisor).status == "approved"


# --- The API -------------------------------------------------------------------------------------------


def test_the_api_says_what_is_outstanding_and_takes_the_declaration(api_client):
    draft = draft_with_nib(risk_service("menengah_rendah"))
    api_client.force_authenticate(draft.applicant)
    detail = api_client.get(f"/api/v1/applications/{draft.pk}/").json()
    assert detail["risk_level"] == "menengah_rendah"
    assert [(r["code"], r["done"]) for r in detail["business_requirements"]] == [
        ("nib", True),
        ("standard_declaration", False),
    ]
    url = f"/api/v1/applications/{draft.pk}/standard-declaration/"
    assert api_client.post(url, {}, format="json").status_code == 400
    response = api_client.post(url, {"accepted": True}, format="json")
    assert response.status_code == 200
    assert response.json()["business_requirements"][1] == {
        "code": "standard_declaration",
        "label": "Pernyataan mandiri pemenuhan standar usaha",
        "done": True,
    }
    assert response.json()["standard_declared_at"] is not None
    api_client.force_authenticate(UserFactory())
    assert api_client.post(url, {"accepted": False}, format="json").status_code == 404
    assert Application.objects.get(pk=draft.pk).standard_declared_at is not None


def test_the_api_verification_is_for_the_agency(api_client):
    application, officer, _supervisor = in_process_medium_high()
    url = f"/api/v1/applications/{application.pk}/standard-verification/"
    api_client.force_authenticate(application.applicant)
    detail = api_client.get(f"/api/v1/applications/{application.pk}/").json()
    assert [(r["code"], r["done"]) for r in detail["business_requirements"]] == [
        ("nib", True),
        ("standard_document", True),
        ("standard_verification", False),
    ]
    assert api_client.post(url, {"expected_status": "in_process"}, format="json").status_code in (403, 404)
    api_client.force_authenticate(UserFactory(officer=True))
    assert api_client.post(url, {"expected_status": "in_process"}, format="json").status_code in (403, 404)
    assert Application.objects.get(pk=application.pk).standard_verified_at is None
    api_client.force_authenticate(officer)
    approve = f"/api/v1/applications/{application.pk}/approve/"
    refused = api_client.post(approve, {"expected_status": "in_process", "note": ""}, format="json")
    assert refused.status_code == 400 and "belum diverifikasi" in refused.json()["detail"]
    response = api_client.post(url, {"expected_status": "in_process", "note": "Lengkap"}, format="json")
    assert response.status_code == 200
    assert response.json()["business_requirements"][2]["done"] is True


# --- Pages --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "text"),
    [
        ("rendah", "risiko rendah cukup dengan NIB"),
        ("menengah_rendah", "Sertifikat Standar berupa pernyataan mandiri"),
        ("menengah_tinggi", "petugas instansi memverifikasinya sebelum permohonan disetujui"),
        ("tinggi", "izin adalah produk layanan ini"),
    ],
)
def test_the_service_page_and_apply_form_say_what_the_level_needs(client, level, text):
    service = risk_service(level)
    page = client.get(reverse("services:detail", args=[service.code])).content.decode()
    assert "Perizinan berusaha berbasis risiko (OSS RBA)" in page and text in page
    draft = ready_draft(service=service)
    client.force_login(draft.applicant)
    form = client.get(reverse("permits:edit", args=[draft.pk])).content.decode()
    assert text in form
    assert ('name="standard_declaration"' in form) is (level == "menengah_rendah")


def test_a_service_without_risk_level_shows_no_risk_section(client):
    service = permit_service()
    page = client.get(reverse("services:detail", args=[service.code])).content.decode()
    assert "OSS RBA" not in page


def test_ticking_the_declaration_on_the_form_records_it(client):
    draft = ready_draft(service=risk_service("menengah_rendah", kbli="10794"))
    client.force_login(draft.applicant)
    url = reverse("permits:edit", args=[draft.pk])
    page = client.get(url).content.decode()
    assert "dengan KBLI 10794" in page
    post = {"status": "draft", "nib": NIB, "kbli_code": "10794", "delivery_method": "pickup"}
    assert client.post(url, post).status_code == 302
    assert Application.objects.get(pk=draft.pk).standard_declared_at is None
    assert client.post(url, {**post, "standard_declaration": "on"}).status_code == 302
    draft.refresh_from_db()
    assert draft.standard_declared_by == draft.applicant
    assert re.search(
        r'<input type="checkbox" name="standard_declaration"[^>]* checked', client.get(url).content.decode()
    )


def test_the_staff_page_shows_the_declaration_and_records_the_verification(client):
    application, officer, _supervisor = in_process_medium_high()
    detail = reverse("permits_staff:detail", args=[application.pk])
    verify = reverse("permits_staff:standard_verify", args=[application.pk])
    client.force_login(UserFactory(officer=True))  # another agency's officer
    assert client.post(verify, {"note": "x", "seen_status": "in_process"}).status_code == 404
    client.force_login(application.applicant)
    assert client.post(verify, {"note": "x", "seen_status": "in_process"}).status_code in (302, 403)
    assert Application.objects.get(pk=application.pk).standard_verified_at is None
    client.force_login(officer)
    page = client.get(detail).content.decode()
    assert "Perizinan berusaha berbasis risiko (OSS RBA)" in page and NIB in page
    assert "Catat verifikasi Sertifikat Standar" in page
    response = client.post(
        verify, {"note": "Sesuai standar toko obat", "seen_status": "in_process"}, follow=True
    )
    assert "Verifikasi Sertifikat Standar dicatat." in response.content.decode()
    page = client.get(detail).content.decode()
    assert "Catat verifikasi Sertifikat Standar" not in page and "Sesuai standar toko obat" in page
    assert Application.objects.get(pk=application.pk).standard_verified_by == officer
    refused = client.post(
        verify, {"seen_status": "in_process"}, follow=True
    ).content.decode()  # already verified: nothing changes
    assert (
        Application.objects.get(pk=application.pk)
        .history.filter(history_change_reason__startswith="Sertifikat Standar diverifikasi")
        .count()
        == 1
        and "Permohonan" in refused
    )


def test_the_staff_verification_checks_the_status_seen_and_the_note_like_every_action(client):
    application, officer, _supervisor = in_process_medium_high()
    verify = reverse("permits_staff:standard_verify", args=[application.pk])
    client.force_login(officer)
    stale = client.post(verify, {"seen_status": "submitted"}, follow=True).content.decode()
    assert "Muat ulang halaman" in stale
    too_long = client.post(verify, {"seen_status": "in_process", "note": "x" * 1001})
    assert "Tindakan belum dijalankan: periksa isian yang ditandai." in too_long.content.decode()
    assert Application.objects.get(pk=application.pk).standard_verified_at is None


def test_the_staff_page_shows_a_made_declaration(client):
    draft = draft_with_nib(risk_service("menengah_rendah", kbli="10794"))
    application_declare_standard(application=draft, actor=draft.applicant, accepted=True)
    submitted = submit(Application.objects.get(pk=draft.pk))
    client.force_login(UserFactory(officer=True, agency=submitted.agency))
    page = client.get(reverse("permits_staff:detail", args=[submitted.pk])).content.decode()
    assert "Pernyataan mandiri dibuat oleh" in page and "dengan KBLI 10794" in page
    assert "Catat verifikasi Sertifikat Standar" not in page


def test_an_invalid_nib_on_the_form_saves_nothing_of_it(client):
    draft = ready_draft(service=risk_service("menengah_rendah", kbli="10794"))
    client.force_login(draft.applicant)
    url = reverse("permits:edit", args=[draft.pk])
    post = {
        "status": "draft",
        "nib": "12345",
        "kbli_code": "10794",
        "delivery_method": "courier",
        "delivery_address": "Jl. Suroyo No. 3, Kota Probolinggo",
        "standard_declaration": "on",
    }
    before = Application.objects.get(pk=draft.pk).delivery_method
    response = client.post(url, post)
    assert response.status_code == 400
    assert "NIB terdiri atas 13 angka" in response.content.decode()
    draft.refresh_from_db()
    assert before != "courier"
    assert (draft.nib, draft.delivery_method, draft.standard_declared_at) == ("", before, None)


def test_a_new_standard_version_keeps_the_declaration_text_and_the_document_slot():
    from services.services import standard_draft_create

    service = risk_service("menengah_tinggi")
    add_standard_slot(service)
    standard = ServiceStandard.objects.get(service=service)
    standard.business_standard = "Memenuhi standar toko obat."
    standard.save()
    draft = standard_draft_create(service=service, actor=UserFactory(mpp_admin=True))
    assert draft.business_standard == "Memenuhi standar toko obat."
    assert list(
        draft.requirements.filter(kind=Requirement.Kind.STANDARD_CERTIFICATE).values_list("name", flat=True)
    ) == [SLOT]


def test_a_document_replaced_after_the_verification_must_be_verified_again():
    application, officer, supervisor = in_process_medium_high()
    application_verify_standard(application=application, actor=officer)
    slot = Requirement.objects.get(standard=application.standard, kind=Requirement.Kind.STANDARD_CERTIFICATE)
    permits.application_request_correction(
        application=application, actor=officer, items=[(slot, "Halaman tanda tangan belum ada.")]
    )
    returned = Application.objects.get(pk=application.pk)
    upload_standard_document(returned, slot)
    permits.application_resubmit(application=returned, actor=returned.applicant)
    application = Application.objects.get(pk=application.pk)
    assert application.status == "in_process"
    with pytest.raises(permits.ApplicationError, match="belum diverifikasi petugas"):
        permits.application_approve(application=application, actor=supervisor)
    application_verify_standard(application=application, actor=officer, note="Berkas baru sesuai")
    assert permits.application_approve(application=application, actor=supervisor).status == "approved"

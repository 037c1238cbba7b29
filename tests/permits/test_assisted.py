"""Officer-assisted filing at the counter: find the citizen (or create the account on the spot),
record the consent, fill in and submit the application in the citizen's name."""

import pytest
from django.urls import reverse

from accounts.models import Role, User
from accounts.services import (
    NO_EMAIL_DOMAIN,
    NikAlreadyRegistered,
    citizen_register_assisted,
    is_deliverable_email,
)
from mpp.errors import DomainError
from notifications.models import Notification
from permits import services
from permits.models import Application
from permits.selectors import applications_for_citizen
from tests.factories import MppProfileFactory, UserFactory
from tests.permits.factories import VALID_VALUES, pdf_file, permit_service, png_file, requirements_of

pytestmark = pytest.mark.django_db
S = Application.Status
ASSIST = reverse("permits_staff:assist")
NIK = "3574014101900003"
CONSENT = "Persetujuan lisan di loket 3; KTP-el asli diperiksa."


@pytest.fixture(autouse=True)
def _mpp():
    MppProfileFactory()


@pytest.fixture
def service():
    return permit_service(time_limit_days=5, code="PBG")


@pytest.fixture
def officer(service):
    return UserFactory(officer=True, agency=service.agency, full_name="Petugas Andi")


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def start_for_existing(client, citizen, service, **extra):
    data = {
        "step": "start",
        "citizen": citizen.pk,
        "service": service.pk,
        "consent": "on",
        "consent_note": CONSENT,
        **extra,
    }
    return client.post(ASSIST, data)


def new_citizen_data(service, **overrides):
    data = {
        "step": "start",
        "warga-full_name": "Mbah Sarinah",
        "warga-nik": NIK,
        "warga-phone": "0812 3456 7890",
        "warga-email": "",
        "service": service.pk,
        "consent": "on",
        "consent_note": CONSENT,
    }
    data.update(overrides)
    return data


def test_find_an_existing_citizen_by_nik_or_email(client, officer):
    citizen = UserFactory(full_name="Siti Aminah", nik=NIK)
    client.force_login(officer)
    for q in (NIK, citizen.email.upper()):
        page = client.post(ASSIST, {"step": "search", "q": q}).content.decode()
        assert "Akun warga ditemukan" in page
        assert "Siti Aminah" in page
        assert "0003" in page and NIK not in page
        assert f'name="citizen" value="{citizen.pk}"' in page


def test_a_staff_account_is_not_offered_as_the_applicant(client, officer):
    client.force_login(officer)
    page = client.post(ASSIST, {"step": "search", "q": officer.email}).content.decode()
    assert "bukan akun warga" in page
    assert 'name="citizen"' not in page


def test_an_invalid_nik_is_explained(client, officer):
    client.force_login(officer)
    page = client.post(ASSIST, {"step": "search", "q": "1234"}).content.decode()
    assert "NIK harus terdiri dari 16 angka." in page


def test_filing_for_an_existing_citizen_records_the_consent_and_belongs_to_the_citizen(
    client, service, officer
):
    citizen = UserFactory(nik=NIK)
    client.force_login(officer)
    response = start_for_existing(client, citizen, service)
    application = Application.objects.get()
    assert response.url == reverse("permits_staff:assisted_edit", args=[application.pk])
    assert application.applicant == citizen
    assert (application.is_assisted, application.assisted_by) == (True, officer)
    assert application.consent_note == CONSENT and application.consent_at is not None
    assert application.status == S.DRAFT
    row = application.history.order_by("history_id").first()
    assert (row.history_user, row.history_change_reason) == (officer, "draf dibuat dengan bantuan petugas")
    assert list(applications_for_citizen(citizen)) == [application]


def test_consent_is_required(client, service, officer):
    citizen = UserFactory(nik=NIK)
    client.force_login(officer)
    response = client.post(
        ASSIST, {"step": "start", "citizen": citizen.pk, "service": service.pk, "consent_note": CONSENT}
    )
    assert response.status_code == 200
    assert "Persetujuan warga wajib dicatat." in response.content.decode()
    response = client.post(
        ASSIST,
        {"step": "start", "citizen": citizen.pk, "service": service.pk, "consent": "on", "consent_note": ""},
    )
    assert "Catatan persetujuan" in response.content.decode()
    assert not Application.objects.exists()


def test_only_the_agencys_own_services_can_be_filed(client, officer):
    citizen = UserFactory(nik=NIK)
    elsewhere = permit_service(code="SIP")
    client.force_login(officer)
    response = start_for_existing(client, citizen, elsewhere)
    assert response.status_code == 200
    assert not Application.objects.exists()


def test_an_account_is_created_on_the_spot_when_the_citizen_has_none(client, service, officer):
    client.force_login(officer)
    page = client.post(ASSIST, {"step": "search", "q": NIK}).content.decode()
    assert "Belum ada akun warga" in page
    assert f'value="{NIK}"' in page  # the searched NIK is carried into the new-account form
    response = client.post(ASSIST, new_citizen_data(service, **{"warga-email": "Sarinah@Contoh.ID"}))
    citizen = User.objects.get(nik=NIK)
    application = Application.objects.get()
    assert response.url == reverse("permits_staff:assisted_edit", args=[application.pk])
    assert (citizen.role, citizen.full_name, citizen.phone, citizen.email) == (
        Role.CITIZEN,
        "Mbah Sarinah",
        "+6281234567890",
        "sarinah@contoh.id",
    )
    assert citizen.email_verified_at is None
    assert citizen.has_usable_password()  # random: the citizen takes it over with "Lupa kata sandi"
    history = citizen.history.order_by("history_id").first()
    assert history.history_user == officer
    assert "dibuat petugas di loket" in history.history_change_reason
    assert application.applicant == citizen and application.is_assisted


def test_a_citizen_without_email_gets_the_reserved_address_and_no_mail(client, service, officer, mailoutbox):
    client.force_login(officer)
    client.post(ASSIST, new_citizen_data(service))
    citizen = User.objects.get(nik=NIK)
    assert citizen.email == f"nik-{NIK}@{NO_EMAIL_DOMAIN}"
    assert not is_deliverable_email(citizen.email)
    assert not citizen.has_usable_password()
    application = Application.objects.get()
    page = client.get(reverse("permits_staff:detail", args=[application.pk])).content.decode()
    assert "Tidak punya email" in page
    assert citizen.email not in page
    # The receipt is in the citizen's inbox, but nothing is sent to the reserved domain.
    _fill_and_submit(client, application)
    receipt = Notification.objects.get(recipient=citizen, event="application.received")
    assert not receipt.deliveries.exists()
    assert services.application_send_receipt(application_id=application.pk) is False  # sent once
    assert mailoutbox == []


def test_a_new_account_needs_an_email_or_a_phone(client, service, officer):
    client.force_login(officer)
    response = client.post(ASSIST, new_citizen_data(service, **{"warga-phone": ""}))
    assert response.status_code == 200
    assert "Isi email atau nomor HP warga" in response.content.decode()
    assert not User.objects.filter(nik=NIK).exists()
    assert not Application.objects.exists()


def test_an_existing_nik_is_not_registered_twice(client, service, officer):
    UserFactory(nik=NIK)
    client.force_login(officer)
    response = client.post(ASSIST, new_citizen_data(service))
    assert "NIK ini sudah terdaftar." in response.content.decode()
    assert User.objects.filter(nik=NIK).count() == 1
    assert not Application.objects.exists()


def test_account_and_draft_are_created_together_or_not_at_all(client, officer, service):
    service.standards.update(status="draft")  # no standard in force: the draft is refused
    client.force_login(officer)
    response = client.post(ASSIST, new_citizen_data(service))
    assert "belum memiliki standar pelayanan yang berlaku" in response.content.decode()
    assert not User.objects.filter(nik=NIK).exists()


def _fill_and_submit(client, application, delivery="pickup"):
    ktp, letter = requirements_of(application)
    edit = reverse("permits_staff:assisted_edit", args=[application.pk])
    for requirement, upload in ((ktp, png_file()), (letter, pdf_file())):
        client.post(
            reverse("permits_staff:assisted_upload", args=[application.pk, requirement.pk]),
            {f"req{requirement.pk}-berkas": upload},
        )
    data = {f"isian_{key}": value for key, value in VALID_VALUES.items()}
    data.update({"status": "draft", "delivery_method": delivery, "action": "submit"})
    return client.post(edit, data, follow=True)


def test_the_officer_fills_in_uploads_and_submits_for_the_citizen(client, service, officer):
    citizen = UserFactory(nik=NIK, full_name="Siti Aminah")
    client.force_login(officer)
    start_for_existing(client, citizen, service)
    application = Application.objects.get()
    edit = reverse("permits_staff:assisted_edit", args=[application.pk])
    page = client.get(edit).content.decode()
    assert "Siti Aminah" in page and CONSENT in page
    for requirement in requirements_of(application):
        assert reverse("permits_staff:assisted_upload", args=[application.pk, requirement.pk]) in page

    # Saving keeps the values; a wrong value is shown next to its field.
    response = client.post(edit, {"status": "draft", "isian_luas_bangunan": "seratus", "action": "save"})
    assert response.status_code == 200
    assert "Isi dengan angka" in response.content.decode()

    response = _fill_and_submit(client, application)
    application = Application.objects.get()
    assert application.status == S.SUBMITTED
    assert application.applicant == citizen and application.is_assisted
    documents = application.documents.filter(is_current=True)
    assert {d.uploaded_by for d in documents} == {officer}
    row = application.history.filter(status=S.SUBMITTED).order_by("history_id").first()
    assert row.history_user == officer
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("permits_staff:detail", args=[application.pk])
    assert "Tanda terima untuk warga" in page
    assert application.tracking_number in page and application.tracking_secret in page
    assert "Diajukan dengan bantuan petugas" in page


def test_submitting_an_incomplete_draft_lists_what_is_missing(client, service, officer):
    citizen = UserFactory(nik=NIK)
    client.force_login(officer)
    start_for_existing(client, citizen, service)
    application = Application.objects.get()
    edit = reverse("permits_staff:assisted_edit", args=[application.pk])
    response = client.post(
        edit, {"status": "draft", "delivery_method": "pickup", "action": "submit"}, follow=True
    )
    text = " ".join(messages_of(response))
    assert "belum dapat diajukan" in text
    assert "Berkas 'Fotokopi KTP-el' belum diunggah." in text
    assert "Isian 'Luas bangunan' wajib diisi." in text
    assert Application.objects.get().status == S.DRAFT


def test_a_rejected_upload_is_explained(client, service, officer):
    citizen = UserFactory(nik=NIK)
    client.force_login(officer)
    start_for_existing(client, citizen, service)
    application = Application.objects.get()
    _ktp, letter = requirements_of(application)
    response = client.post(
        reverse("permits_staff:assisted_upload", args=[application.pk, letter.pk]),
        {f"req{letter.pk}-berkas": png_file()},  # the letter must be a PDF
        follow=True,
    )
    assert any(m.startswith("Surat permohonan:") for m in messages_of(response))
    assert not application.documents.exists()


def test_assisted_pages_are_for_the_agencys_staff_only(client, service, officer):
    citizen = UserFactory(nik=NIK)
    client.force_login(officer)
    start_for_existing(client, citizen, service)
    application = Application.objects.get()
    edit = reverse("permits_staff:assisted_edit", args=[application.pk])
    elsewhere = UserFactory(officer=True)
    client.force_login(elsewhere)
    assert client.get(edit).status_code == 404
    client.force_login(citizen)
    assert client.get(edit).status_code == 403
    assert client.get(ASSIST).status_code == 403
    client.force_login(UserFactory(mpp_admin=True))
    assert client.get(ASSIST).status_code == 403
    client.logout()
    assert client.get(ASSIST).status_code == 302


def test_a_citizens_own_draft_cannot_be_edited_from_the_counter(client, service, officer):
    draft = services.application_create_draft(service=service, applicant=UserFactory())
    client.force_login(officer)
    assert client.get(reverse("permits_staff:assisted_edit", args=[draft.pk])).status_code == 404


def test_drafts_in_progress_are_listed_on_the_assist_page(client, service, officer):
    citizen = UserFactory(nik=NIK, full_name="Siti Aminah")
    client.force_login(officer)
    start_for_existing(client, citizen, service)
    application = Application.objects.get()
    page = client.get(ASSIST).content.decode()
    assert "Draf bantuan yang belum diajukan" in page
    assert reverse("permits_staff:assisted_edit", args=[application.pk]) in page


# --- The account service ------------------------------------------------------------------------


def test_citizen_register_assisted_is_for_agency_staff_only(officer):
    with pytest.raises(DomainError):
        citizen_register_assisted(full_name="A", nik=NIK, phone="081234567890", actor=UserFactory())
    citizen = citizen_register_assisted(
        full_name=" Mbah  Sarinah ", nik=NIK, phone="081234567890", actor=officer
    )
    assert citizen.full_name == "Mbah Sarinah"
    assert citizen.groups.get().name == "Warga"
    with pytest.raises(NikAlreadyRegistered):
        citizen_register_assisted(full_name="B", nik=NIK, phone="081234567890", actor=officer)


def test_is_deliverable_email():
    assert is_deliverable_email("warga@contoh.id")
    assert not is_deliverable_email("")
    assert not is_deliverable_email(f"nik-{NIK}@{NO_EMAIL_DOMAIN}")
    assert not is_deliverable_email(f"NIK-{NIK}@TANPA-EMAIL.MPP.LOCAL")

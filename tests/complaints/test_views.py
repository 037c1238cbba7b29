"""Pages: who sees what. A citizen only their own complaints; an agency only what was routed to it;
the reporter's identity hidden from agency staff for confidential and whistle-blowing reports, in
pages and in the CSV export."""

import pytest

from complaints.models import Complaint
from tests.complaints.helpers import DESCRIPTION, answered, file_complaint, routed
from tests.factories import UserFactory
from tests.permits.factories import ApplicationFactory, pdf_file

pytestmark = pytest.mark.django_db
S = Complaint.Status
IDENTITY = ("Siti Rahmawati", "siti@example.id", "081234567890")


def assert_no_identity(text):
    for item in IDENTITY:
        assert item not in text


def test_a_citizen_files_with_an_attachment_and_sees_the_receipt(client, citizen, category):
    client.force_login(citizen)
    page = client.post(
        "/pengaduan/baru/",
        {
            "kind": "pengaduan",
            "category": category.pk,
            "subject": "Diminta uang tambahan di loket",
            "description": DESCRIPTION,
            "attachments": pdf_file("kuitansi.pdf"),
            "confidential": "on",
        },
        follow=True,
    )
    complaint = Complaint.objects.get()
    text = page.content.decode()
    assert complaint.number in text and complaint.secret in text
    assert complaint.is_confidential and complaint.reporter == citizen
    assert complaint.attachments.count() == 1


def test_bad_input_shows_the_reason_and_saves_nothing(client, citizen, category):
    client.force_login(citizen)
    page = client.post(
        "/pengaduan/baru/",
        {"kind": "pengaduan", "category": category.pk, "subject": "Pungli", "description": "pendek"},
    )
    assert page.status_code == 200
    assert "paling sedikit 20 huruf" in page.content.decode()
    assert not Complaint.objects.exists()


def test_a_visitor_files_anonymously_and_tracks_with_the_secret(client, category, desk_officer, officer):
    client.post(
        "/pengaduan/baru/",
        {
            "kind": "aspirasi",
            "category": category.pk,
            "subject": "Ruang tunggu",
            "description": DESCRIPTION,
            "anonymous": "on",
        },
    )
    complaint = Complaint.objects.get()
    assert complaint.is_anonymous and complaint.reporter is None
    other = client.__class__()
    assert other.get(f"/pengaduan/saya/{complaint.number}/").status_code == 404
    wrong = other.post("/pengaduan/lacak/", {"nomor": complaint.number, "kode": "ZZZZZZZZ"})
    assert "tidak cocok" in wrong.content.decode()
    right = other.post(
        "/pengaduan/lacak/", {"nomor": complaint.number.lower(), "kode": complaint.secret}, follow=True
    )
    assert right.status_code == 200 and complaint.subject in right.content.decode()


def test_a_citizen_sees_only_their_own_complaints(client, category, citizen):
    mine = file_complaint(category, reporter=citizen)
    theirs = file_complaint(category, reporter=UserFactory())
    client.force_login(citizen)
    listing = client.get("/pengaduan/saya/").content.decode()
    assert mine.number in listing and theirs.number not in listing
    assert client.get(f"/pengaduan/saya/{theirs.number}/").status_code == 404
    assert client.get(f"/pengaduan/saya/{mine.number}/").status_code == 200


def test_agency_sees_only_what_was_routed_to_it(client, category, desk_officer, officer, other_officer):
    waiting = file_complaint(category)  # suggested agency, not yet routed
    mine = routed(category, desk_officer, officer.agency)
    elsewhere = routed(category, desk_officer, other_officer.agency)
    client.force_login(officer)
    listing = client.get("/pengaduan/instansi/").content.decode()
    assert mine.number in listing and elsewhere.number not in listing and waiting.number not in listing
    assert client.get(f"/pengaduan/instansi/{elsewhere.number}/").status_code == 404
    assert client.get(f"/pengaduan/instansi/{waiting.number}/").status_code == 404
    assert client.get("/pengaduan/petugas/").status_code == 403
    assert (
        client.post(
            f"/pengaduan/petugas/{waiting.number}/", {"action": "route", "agency": officer.agency_id}
        ).status_code
        == 403
    )


@pytest.mark.parametrize("kind, confidential", [("whistleblowing", False), ("pengaduan", True)])
def test_identity_hidden_from_agency_pages_export_and_messages(
    client, category, citizen, desk_officer, officer, kind, confidential
):
    complaint = routed(
        category, desk_officer, officer.agency, reporter=citizen, kind=kind, confidential=confidential
    )
    complaint.attachments.create(
        file="complaints/x.pdf",
        original_name="foto-ktp-siti.pdf",
        content_type="application/pdf",
        extension="pdf",
        size=1,
        sha256="0" * 64,
    )
    client.force_login(officer)
    page = client.get(f"/pengaduan/instansi/{complaint.number}/").content.decode()
    assert complaint.subject in page and "(dirahasiakan)" in page
    assert_no_identity(page)
    assert "foto-ktp-siti" not in page
    export = client.get("/pengaduan/instansi/ekspor.csv").content.decode()
    assert complaint.number in export
    assert_no_identity(export)
    for note in officer.notifications.all():
        assert_no_identity(note.title + note.body)
    assert client.get(f"/pengaduan/lampiran/{complaint.attachments.get().pk}/").status_code == 404
    # The MPP's complaint officer sees who reported it.
    client.force_login(desk_officer)
    desk_page = client.get(f"/pengaduan/petugas/{complaint.number}/").content.decode()
    assert "Siti Rahmawati" in desk_page


def test_an_ordinary_complaint_shows_the_reporter_to_the_agency(
    client, category, citizen, desk_officer, officer
):
    complaint = routed(category, desk_officer, officer.agency, reporter=citizen)
    client.force_login(officer)
    assert "Siti Rahmawati" in client.get(f"/pengaduan/instansi/{complaint.number}/").content.decode()


def test_the_complaint_officer_routes_and_the_agency_answers_through_pages(
    client, category, citizen, desk_officer, officer
):
    complaint = file_complaint(category, reporter=citizen)
    client.force_login(desk_officer)
    assert complaint.number in client.get("/pengaduan/petugas/").content.decode()
    client.post(
        f"/pengaduan/petugas/{complaint.number}/",
        {"action": "route", "agency": officer.agency_id, "note": ""},
    )
    assert Complaint.objects.get().status == S.ROUTED
    client.force_login(officer)
    client.post(
        f"/pengaduan/instansi/{complaint.number}/",
        {"answer": "Petugas telah ditegur; uang dikembalikan kepada pelapor."},
    )
    assert Complaint.objects.get().status == S.ANSWERED
    client.force_login(citizen)
    client.post(f"/pengaduan/saya/{complaint.number}/nilai/", {"rating": "5", "comment": "Cepat"})
    assert Complaint.objects.get().rating == 5


def test_staff_register_on_behalf_with_channel(client, category, desk_officer):
    client.force_login(desk_officer)
    client.post(
        "/pengaduan/petugas/baru/",
        {
            "kind": "pengaduan",
            "category": category.pk,
            "subject": "Laporan lewat Instagram",
            "description": DESCRIPTION,
            "reporter_name": "Ahmad Fauzi",
            "reporter_phone": "081298765432",
            "channel": "social_media",
        },
    )
    complaint = Complaint.objects.get()
    assert complaint.channel == "social_media" and complaint.registered_by == desk_officer


def test_pungli_one_tap_from_an_application(client, category, citizen):
    application = ApplicationFactory(applicant=citizen, submitted=True)
    client.force_login(citizen)
    detail = client.get(f"/permohonan/{application.pk}/").content.decode()
    assert f"/pengaduan/pungli/?permohonan={application.pk}" in detail
    form = client.get(f"/pengaduan/pungli/?permohonan={application.pk}")
    assert form.status_code == 200 and application.tracking_number in form.content.decode()
    client.post(f"/pengaduan/pungli/?permohonan={application.pk}", {"description": DESCRIPTION})
    complaint = Complaint.objects.get()
    assert (
        complaint.is_confidential and complaint.application == application and complaint.category == category
    )
    other = ApplicationFactory(submitted=True)
    assert client.get(f"/pengaduan/pungli/?permohonan={other.pk}").status_code == 404


def test_published_list_has_no_personal_data(client, category, citizen, desk_officer, officer):
    public = answered(category, desk_officer, officer, reporter=citizen, allow_publication=True)
    private = answered(category, desk_officer, officer, reporter=citizen, subject="Tidak untuk publik")
    page = client.get("/pengaduan/publik/").content.decode()
    assert public.number in page and private.number not in page
    assert_no_identity(page)


def test_consultation_pages(client, service, citizen, officer):
    client.force_login(citizen)
    client.post(
        f"/konsultasi/tanya/{service.code}/", {"question": "Berapa lama proses layanan ini biasanya?"}
    )
    client.force_login(officer)
    question = service.questions.get()
    assert question.question in client.get("/konsultasi/petugas/").content.decode()
    client.post(
        f"/konsultasi/petugas/{question.pk}/jawab/",
        {"answer": "Tiga hari kerja sejak berkas lengkap.", "publish": "on"},
    )
    page = client.get(f"/layanan/{service.code}/").content.decode()
    assert "Tiga hari kerja sejak berkas lengkap." in page


def test_staff_list_query_count(client, category, desk_officer, django_assert_max_num_queries):
    for _ in range(15):
        file_complaint(category)
    client.force_login(desk_officer)
    with django_assert_max_num_queries(12):
        page = client.get("/pengaduan/petugas/")
    assert page.content.decode().count("/pengaduan/petugas/ADU-") == 15

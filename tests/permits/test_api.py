"""The applications API (/api/v1/applications/) and the public tracking lookup (/api/v1/track/):
who sees what, every action through HTTP with its history row, stale pages (409), input errors (400),
uploads and downloads, throttling, the OpenAPI schema and the query counts."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from permits.api import TrackThrottle
from permits.models import Application, CorrectionRequest, Document, FieldValue, StepProgress
from tests.factories import AgencyFactory, MppProfileFactory, UserFactory
from tests.permits.factories import (
    ApplicationFactory,
    in_process_application,
    pdf_bytes,
    permit_service,
    png_file,
    ready_draft,
    requirements_of,
    submitted_application,
)

pytestmark = pytest.mark.django_db
S = Application.Status
LIST_URL = "/api/v1/applications/"
TRACK_URL = "/api/v1/track/"


def detail_url(application, suffix=""):
    return f"/api/v1/applications/{application.pk}/{suffix}"


def client_for(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        client.force_login(user)
    return client


def last_history(instance):
    return type(instance).history.filter(id=instance.pk).order_by("-history_id").first()


def fresh(application):
    return Application.objects.get(pk=application.pk)


@pytest.fixture(autouse=True)
def _mpp():
    MppProfileFactory()


@pytest.fixture
def service():
    return permit_service(time_limit_days=5, code="PBG")


@pytest.fixture
def officer(service):
    return UserFactory(officer=True, agency=service.agency, full_name="Budi Petugas")


@pytest.fixture
def supervisor(service):
    return UserFactory(supervisor=True, agency=service.agency, full_name="Sri Supervisor")


@pytest.fixture
def citizen():
    return UserFactory(full_name="Ani Pemohon")


@pytest.fixture
def other_officer():
    return UserFactory(officer=True, agency=AgencyFactory())


@pytest.fixture
def admin():
    return UserFactory(mpp_admin=True)


# --- Access -----------------------------------------------------------------------------------


def test_anonymous_visitors_are_asked_to_sign_in(service, citizen):
    application = submitted_application(service=service, applicant=citizen)
    client = client_for()

    for response in (
        client.get(LIST_URL),
        client.get(detail_url(application)),
        client.post(LIST_URL, {"service": "PBG"}, format="json"),
        client.post(detail_url(application, "verify/"), {"expected_status": "submitted"}, format="json"),
        client.get(detail_url(application, f"documents/{Document.objects.first().pk}/file/")),
    ):
        # Session authentication comes first: DRF answers 403 with the code "not_authenticated".
        assert response.status_code == 403
        assert response.json()["code"] == "not_authenticated"


def test_an_application_is_not_found_for_other_citizens_and_other_agencies(service, citizen, other_officer):
    application = submitted_application(service=service, applicant=citizen)

    for user in (UserFactory(), other_officer):
        response = client_for(user).get(detail_url(application))
        assert response.status_code == 404
        assert response.json() == {"detail": "Permohonan tidak ditemukan.", "code": "not_found"}
    # The same answer as for an id that does not exist, or is not an id at all.
    assert (
        client_for(citizen).get("/api/v1/applications/999999/").json()["detail"]
        == "Permohonan tidak ditemukan."
    )
    assert client_for(citizen).get("/api/v1/applications/abc/").status_code == 404


def test_drafts_stay_private_to_the_citizen(service, citizen, officer):
    draft = ready_draft(service=service, applicant=citizen)

    assert client_for(officer).get(detail_url(draft)).status_code == 404
    assert client_for(citizen).get(detail_url(draft)).status_code == 200


def test_citizens_cannot_call_staff_actions_even_on_their_own_application(service, citizen):
    application = submitted_application(service=service, applicant=citizen)
    client = client_for(citizen)

    for action in (
        "verify",
        "request-correction",
        "complete-step",
        "approve",
        "reject",
        "issue",
        "claim",
        "assign",
    ):
        response = client.post(
            detail_url(application, f"{action}/"), {"expected_status": "submitted"}, format="json"
        )
        assert response.status_code == 403, action
    assert fresh(application).status == S.SUBMITTED


def test_only_supervisors_assign(service, citizen, officer):
    application = submitted_application(service=service, applicant=citizen)

    response = client_for(officer).post(
        detail_url(application, "assign/"),
        {"expected_status": "submitted", "officer": officer.pk},
        format="json",
    )

    assert response.status_code == 403
    assert fresh(application).assigned_to is None


def test_mpp_admins_read_everything_but_do_not_process(service, citizen, admin):
    application = submitted_application(service=service, applicant=citizen)
    client = client_for(admin)

    assert client.get(detail_url(application)).status_code == 200
    response = client.post(
        detail_url(application, "verify/"), {"expected_status": "submitted"}, format="json"
    )
    assert response.status_code == 403


def test_staff_of_another_agency_cannot_act_on_an_application(service, citizen, other_officer):
    application = submitted_application(service=service, applicant=citizen)

    response = client_for(other_officer).post(
        detail_url(application, "verify/"), {"expected_status": "submitted"}, format="json"
    )

    assert response.status_code == 404
    assert fresh(application).status == S.SUBMITTED


# --- The list ---------------------------------------------------------------------------------


def test_citizens_list_only_their_own_applications(service, citizen):
    mine = submitted_application(service=service, applicant=citizen)
    draft = ApplicationFactory(service=service, applicant=citizen)
    ApplicationFactory(service=service, submitted=True)  # someone else's

    response = client_for(citizen).get(LIST_URL)

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2
    assert [row["id"] for row in body["results"]] == [draft.pk, mine.pk]
    row = body["results"][1]
    assert row["tracking_number"] == mine.tracking_number
    assert (row["status"], row["status_label"]) == ("submitted", "Diajukan")
    assert row["service"]["code"] == "PBG"
    assert row["estimated_due_at"] is not None
    # Staff-only details are not shown to citizens.
    assert row["applicant"] is None and row["assigned_to"] is None
    assert "tracking_secret" not in row

    only_drafts = client_for(citizen).get(LIST_URL, {"status": "draft"}).json()
    assert [row["id"] for row in only_drafts["results"]] == [draft.pk]


def test_staff_see_their_agencys_worklist_ordered_by_deadline(service, officer, other_officer):
    now = timezone.now()
    later = ApplicationFactory(service=service, in_process=True, due_at=now + dt.timedelta(days=9))
    sooner = ApplicationFactory(service=service, in_process=True, due_at=now + dt.timedelta(days=2))
    waiting = ApplicationFactory(service=service, submitted=True)  # no deadline yet: last
    ApplicationFactory(service=service)  # a draft: the citizen's business
    ApplicationFactory(
        service=permit_service(agency=other_officer.agency), submitted=True
    )  # another agency's

    body = client_for(officer).get(LIST_URL).json()

    assert [row["id"] for row in body["results"]] == [sooner.pk, later.pk, waiting.pk]
    assert body["results"][0]["applicant"]["name"] == str(sooner.applicant)
    assert client_for(other_officer).get(LIST_URL).json()["count"] == 1


def test_mpp_admins_list_every_agency(service, admin):
    ApplicationFactory(service=service, submitted=True)
    ApplicationFactory(submitted=True)

    assert client_for(admin).get(LIST_URL).json()["count"] == 2


def test_worklist_filters_as_query_parameters(service, officer):
    now = timezone.now()
    overdue = ApplicationFactory(service=service, in_process=True, due_at=now - dt.timedelta(hours=1))
    mine = ApplicationFactory(service=service, in_process=True, assigned_to=officer)
    unassigned = ApplicationFactory(
        service=service, submitted=True, applicant=UserFactory(full_name="Siti Aminah")
    )
    client = client_for(officer)

    def ids(**params):
        response = client.get(LIST_URL, params)
        assert response.status_code == 200, response.json()
        return {row["id"] for row in response.json()["results"]}

    assert ids(overdue="true") == {overdue.pk}
    assert ids(assigned="me") == {mine.pk}
    assert ids(assigned="none") == {overdue.pk, unassigned.pk}
    assert ids(status="submitted") == {unassigned.pk}
    assert ids(q="aminah") == {unassigned.pk}
    assert ids(q=mine.tracking_number) == {mine.pk}
    assert ids(service="pbg") == {overdue.pk, mine.pk, unassigned.pk}
    assert ids(service="LAIN") == set()
    assert ids(due_within="30") == {mine.pk}


def test_bad_list_parameters_are_refused_by_name(officer):
    response = client_for(officer).get(LIST_URL, {"status": "selesai", "due_within": "-1", "assigned": "dia"})

    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert set(body["fields"]) == {"status", "due_within", "assigned"}


@pytest.mark.parametrize("role", ["citizen", "officer"])
def test_a_page_costs_the_same_queries_whatever_its_size(role, service, citizen, officer):
    for _ in range(50):
        ApplicationFactory(service=service, applicant=citizen, in_process=True, assigned_to=officer)
    client = client_for(citizen if role == "citizen" else officer)

    counts = []
    for size in (5, 50):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(LIST_URL, {"page_size": size})
        assert response.status_code == 200
        assert len(response.json()["results"]) == size
        counts.append(len(queries))

    assert counts[0] == counts[1], counts
    assert counts[0] <= 5  # session, user, count, page (+ a savepoint at most)


@pytest.mark.parametrize("services_in_agency", [1, 12])
def test_the_worklist_costs_the_same_queries_for_20_or_100_rows_and_any_number_of_services(
    service, officer, services_in_agency, django_assert_max_num_queries
):
    others = [permit_service(agency=service.agency, code=f"X{i:02d}") for i in range(services_in_agency - 1)]
    now = timezone.now()
    each = [service, *others]
    for i in range(110):
        ApplicationFactory(
            service=each[i % len(each)],
            in_process=True,
            due_at=now + dt.timedelta(hours=i + 1),
            assigned_to=officer if i % 2 else None,
        )
    client = client_for(officer)
    client.get(LIST_URL)  # a first request warms the caches, as on a running server
    for size in (20, 100):
        # Session, user, the capped count and the page.
        with django_assert_max_num_queries(4):
            response = client.get(LIST_URL, {"page_size": size})
        assert len(response.json()["results"]) == size


def test_the_fast_list_rows_equal_what_the_declared_fields_give(service, officer, citizen):
    """The list builds its rows directly; the declared fields are the schema. Both must agree."""
    from rest_framework import serializers as drf_serializers
    from rest_framework.test import APIRequestFactory

    from permits.selectors import applications_for_citizen, worklist
    from permits.serializers import LIST_ROW_VALUES, STAFF_LIST_ROW_VALUES, ApplicationListItemSerializer

    now = timezone.now()
    assigned = ApplicationFactory(
        service=service,
        applicant=citizen,
        in_process=True,
        due_at=now - dt.timedelta(hours=2),
        assigned_to=officer,
    )
    ApplicationFactory(service=service, applicant=citizen, returned=True)
    ApplicationFactory(
        service=service, applicant=citizen, submitted=True, is_assisted=True, assisted_by=officer
    )
    ApplicationFactory(service=service, applicant=citizen)  # a draft: no number, no dates
    request = APIRequestFactory().get(LIST_URL)
    for queryset, values, staff_view, expected in (
        (worklist(officer), STAFF_LIST_ROW_VALUES, True, 3),  # not the draft
        (applications_for_citizen(citizen), LIST_ROW_VALUES, False, 4),
    ):
        context = {"request": request, "staff_view": staff_view, "now": now}
        fast = ApplicationListItemSerializer(list(queryset.values(*values)), many=True, context=context).data
        declared = [
            drf_serializers.Serializer.to_representation(ApplicationListItemSerializer(context=context), row)
            for row in queryset
        ]
        assert len(fast) == expected
        assert [dict(row) for row in fast] == [dict(row) for row in declared]
    staff_rows = ApplicationListItemSerializer(
        list(worklist(officer).values(*STAFF_LIST_ROW_VALUES)),
        many=True,
        context=context | {"staff_view": True},
    ).data
    overdue = next(row for row in staff_rows if row["id"] == assigned.pk)
    assert overdue["is_overdue"] is True
    assert overdue["assigned_to"] == {"id": officer.pk, "name": "Budi Petugas"}
    assert overdue["url"] == f"http://testserver/api/v1/applications/{assigned.pk}/"


def test_the_count_stops_at_the_cap_and_says_so(service, officer, monkeypatch):
    now = timezone.now()
    for i in range(7):
        ApplicationFactory(service=service, in_process=True, due_at=now + dt.timedelta(hours=i + 1))
    client = client_for(officer)

    exact = client.get(LIST_URL, {"page_size": 2}).json()
    assert (exact["count"], exact["count_is_capped"]) == (7, False)

    monkeypatch.setattr("mpp.pagination.CappedPageNumberPagination.count_cap", 5)
    capped = client.get(LIST_URL, {"page_size": 2}).json()
    assert (capped["count"], capped["count_is_capped"]) == (5, True)
    assert len(capped["results"]) == 2
    last = client.get(LIST_URL, {"page_size": 2, "page": 3}).json()
    assert len(last["results"]) == 1 and last["next"] is None  # row 5, the last one the cap allows

    past = client.get(LIST_URL, {"page_size": 2, "page": 4})
    assert past.status_code == 404
    assert past.json()["detail"] == (
        "Halaman 4 tidak ada; halaman terakhir adalah 3. Hanya 5 hasil pertama yang dapat dibuka; "
        "persempit daftar dengan filter atau pencarian."
    )


def test_a_name_search_shorter_than_three_characters_is_refused(service, officer):
    application = submitted_application(service=service, applicant=UserFactory(full_name="Siti Aminah"))
    client = client_for(officer)

    response = client.get(LIST_URL, {"q": "si"})

    assert response.status_code == 400
    assert response.json()["fields"]["q"] == [
        "Ketik minimal 3 huruf untuk mencari nama pemohon, atau nomor permohonan lengkap."
    ]
    found = client.get(LIST_URL, {"q": "sit"}).json()
    assert [row["id"] for row in found["results"]] == [application.pk]


# --- One application --------------------------------------------------------------------------


def test_the_applicant_sees_the_whole_application_with_the_secret(service, citizen, officer):
    application = in_process_application(service=service, officer=officer, applicant=citizen)

    response = client_for(citizen).get(detail_url(application))

    assert response.status_code == 200
    body = response.json()
    application = fresh(application)
    assert (body["tracking_number"], body["tracking_secret"]) == (
        application.tracking_number,
        application.tracking_secret,
    )
    assert body["status"] == "in_process"
    assert body["service"] == {"code": "PBG", "name": service.name, "name_en": service.name_en}
    assert body["standard"]["version"] == 1 and body["standard"]["time_limit_days"] == 5
    for field in ("submitted_at", "clock_started_at", "due_at", "estimated_due_at"):
        assert body[field] is not None, field
    assert body["delivery"] == {"method": "pickup", "method_label": "Ambil di loket", "address": ""}
    values = {row["key"]: row["value"] for row in body["field_values"]}
    assert values["luas_bangunan"] == "120" and values["jumlah_lantai"] == ""
    fungsi = next(row for row in body["field_values"] if row["key"] == "fungsi")
    assert {"value": "sosial", "label": "Sosial budaya"} in fungsi["choices"]
    assert len(body["documents"]) == 2
    document = body["documents"][0]
    assert set(document) == {
        "id",
        "requirement",
        "name",
        "size",
        "content_type",
        "uploaded_at",
        "download_url",
    }
    assert document["download_url"].endswith(
        f"/api/v1/applications/{application.pk}/documents/{document['id']}/file/"
    )
    assert [r["document"]["id"] for r in body["requirements"]] == [d["id"] for d in body["documents"]]
    assert [step["name"] for step in body["steps"]] == list(
        application.steps.order_by("order").values_list("name", flat=True)
    )
    assert all(step["due_at"] and step["completed_at"] is None for step in body["steps"])
    assert body["open_correction"] is None
    # The public wording: who acted is "Petugas", never the officer's name.
    actors = {entry["actor"] for entry in body["timeline"]}
    assert "Petugas" in actors and "Budi Petugas" not in actors
    assert [entry["status"] for entry in body["timeline"]][-1] == "in_process"


def test_staff_see_the_full_timeline_but_not_the_secret(service, citizen, officer):
    application = in_process_application(service=service, officer=officer, applicant=citizen)

    body = client_for(officer).get(detail_url(application)).json()

    assert body["tracking_secret"] is None
    assert body["applicant"]["name"] == "Ani Pemohon"
    assert body["assigned_to"]["name"] == "Budi Petugas"
    berkas_lengkap = next(entry for entry in body["timeline"] if entry["status"] == "in_process")
    assert (berkas_lengkap["actor"], berkas_lengkap["reason"]) == ("Budi Petugas", "berkas lengkap")


# --- The applicant's side ---------------------------------------------------------------------


def test_a_citizen_starts_a_draft_for_a_service_code(service, citizen):
    response = client_for(citizen).post(LIST_URL, {"service": "pbg"}, format="json")

    assert response.status_code == 201
    body = response.json()
    application = Application.objects.get(pk=body["id"])
    assert (application.applicant, application.service, application.status) == (citizen, service, S.DRAFT)
    assert body["tracking_number"] is None
    assert [row["key"] for row in body["field_values"]][:2] == ["luas_bangunan", "fungsi"]
    assert last_history(application).history_user == citizen


def test_creating_a_draft_for_an_unknown_service_is_refused(citizen, officer):
    response = client_for(citizen).post(LIST_URL, {"service": "TIDAKADA"}, format="json")
    assert response.status_code == 400
    assert "TIDAKADA" in response.json()["fields"]["service"][0]

    assert client_for(officer).post(LIST_URL, {"service": "PBG"}, format="json").status_code == 403


def test_saving_fields_records_who_and_returns_the_values(service, citizen):
    draft = ApplicationFactory(service=service, applicant=citizen)

    response = client_for(citizen).post(
        detail_url(draft, "fields/"), {"values": {"luas_bangunan": "150,5", "fungsi": "usaha"}}, format="json"
    )

    assert response.status_code == 200
    values = {row["key"]: row["value"] for row in response.json()["field_values"]}
    assert (values["luas_bangunan"], values["fungsi"]) == ("150.5", "usaha")
    row = FieldValue.history.filter(application_id=draft.pk, form_field__key="fungsi").get()
    assert row.history_user == citizen


def test_invalid_fields_get_a_message_each_and_nothing_is_saved(service, citizen):
    draft = ApplicationFactory(service=service, applicant=citizen)

    response = client_for(citizen).post(
        detail_url(draft, "fields/"),
        {
            "values": {
                "luas_bangunan": "seratus",
                "fungsi": "pabrik",
                "alamat_bangunan": "Jl. Mawar 1",
                "warna": "x",
            }
        },
        format="json",
    )

    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid_fields"
    assert set(body["fields"]) == {"luas_bangunan", "fungsi", "warna"}
    assert body["fields"]["fungsi"] == ["Pilih salah satu pilihan yang tersedia."]
    assert not FieldValue.objects.filter(application=draft).exists()


def test_field_values_must_be_plain_values(service, citizen):
    draft = ApplicationFactory(service=service, applicant=citizen)

    response = client_for(citizen).post(
        detail_url(draft, "fields/"), {"values": {"fungsi": ["hunian"]}}, format="json"
    )

    assert response.status_code == 400
    assert "values" in response.json()["fields"]


def test_uploading_a_document(service, citizen):
    draft = ApplicationFactory(service=service, applicant=citizen)
    ktp = requirements_of(draft)[0]

    response = client_for(citizen).post(
        detail_url(draft, "documents/"),
        {"requirement": ktp.pk, "file": png_file("ktp saya.png")},
        format="multipart",
    )

    assert response.status_code == 201
    body = response.json()
    assert (body["name"], body["content_type"], body["requirement"]["id"]) == (
        "ktp saya.png",
        "image/png",
        ktp.pk,
    )
    document = Document.objects.get(pk=body["id"])
    assert last_history(document).history_user == citizen


def test_a_renamed_program_is_refused(service, citizen):
    draft = ApplicationFactory(service=service, applicant=citizen)
    letter = requirements_of(draft)[1]
    program = SimpleUploadedFile("surat.pdf", b"MZ\x90\x00" + b"\x00" * 200, content_type="application/pdf")

    response = client_for(citizen).post(
        detail_url(draft, "documents/"), {"requirement": letter.pk, "file": program}, format="multipart"
    )

    assert response.status_code == 400
    assert response.json()["code"] == "file_executable"
    assert "program" in response.json()["detail"]
    assert not Document.objects.filter(application=draft).exists()


def test_upload_input_errors(service, citizen):
    draft = ApplicationFactory(service=service, applicant=citizen)
    other_requirement = requirements_of(ApplicationFactory(service=permit_service()))[0]
    client = client_for(citizen)

    wrong_type = client.post(
        detail_url(draft, "documents/"),
        {"requirement": requirements_of(draft)[1].pk, "file": png_file()},
        format="multipart",
    )
    foreign = client.post(
        detail_url(draft, "documents/"),
        {"requirement": other_requirement.pk, "file": png_file()},
        format="multipart",
    )
    missing = client.post(detail_url(draft, "documents/"), {"requirement": requirements_of(draft)[0].pk})

    assert (wrong_type.status_code, wrong_type.json()["code"]) == (400, "file_type_not_accepted")
    assert foreign.status_code == 400 and "requirement" in foreign.json()["fields"]
    assert missing.status_code == 400 and "file" in missing.json()["fields"]


def test_others_cannot_upload_to_an_application(service, citizen, officer):
    draft = ApplicationFactory(service=service, applicant=citizen)
    submitted = submitted_application(service=service, applicant=UserFactory())
    ktp = requirements_of(draft)[0]

    stranger = client_for(UserFactory()).post(
        detail_url(draft, "documents/"), {"requirement": ktp.pk, "file": png_file()}, format="multipart"
    )
    staff = client_for(officer).post(
        detail_url(submitted, "documents/"),
        {"requirement": requirements_of(submitted)[0].pk, "file": png_file()},
        format="multipart",
    )

    assert stranger.status_code == 404
    assert staff.status_code == 403  # staff see it, but only the applicant changes it


# --- Downloads --------------------------------------------------------------------------------


def test_documents_download_only_for_the_applicant_and_the_agencys_staff(
    service, citizen, officer, other_officer, admin
):
    application = submitted_application(service=service, applicant=citizen)
    letter = Document.objects.get(application=application, content_type="application/pdf")
    url = detail_url(application, f"documents/{letter.pk}/file/")

    for user in (citizen, officer):
        response = client_for(user).get(url, HTTP_ACCEPT="application/pdf")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response["Cache-Control"] == "private, no-store"
        assert 'filename="surat-permohonan.pdf"' in response["Content-Disposition"]
        assert b"".join(response.streaming_content) == pdf_bytes()

    assert client_for(UserFactory()).get(url).status_code == 404
    assert client_for(other_officer).get(url).status_code == 404
    assert client_for(admin).get(url).status_code == 403
    assert client_for(admin).get(detail_url(application)).json()["documents"][0]["download_url"] is None


def test_a_document_of_another_application_is_not_found(service, citizen):
    mine = submitted_application(service=service, applicant=citizen)
    theirs = submitted_application(service=service)
    their_document = Document.objects.filter(application=theirs).first()

    response = client_for(citizen).get(detail_url(mine, f"documents/{their_document.pk}/file/"))

    assert response.status_code == 404


# --- Actions, each with its history row -------------------------------------------------------


def post(client, application, action, **data):
    return client.post(detail_url(application, f"{action}/"), data, format="json")


def test_the_whole_journey_through_the_api(service, citizen, officer, supervisor):
    draft = ready_draft(service=service, applicant=citizen)
    applicant, staff, head = client_for(citizen), client_for(officer), client_for(supervisor)

    response = post(
        applicant,
        draft,
        "submit",
        delivery_method="courier",
        delivery_address="Jl. Suroyo 10, RT 2 RW 3, Tisnonegaran",
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["status"] == "submitted" and body["tracking_number"].startswith("PBG-")
    assert body["tracking_secret"] and body["estimated_due_at"]
    assert body["delivery"]["method"] == "courier"
    assert last_history(draft).history_user == citizen

    response = post(staff, draft, "verify", expected_status="submitted", note="lengkap")
    assert response.json()["status"] == "in_process"
    assert response.json()["assigned_to"]["name"] == "Budi Petugas"
    assert (last_history(draft).history_user, last_history(draft).history_change_reason) == (
        officer,
        "berkas lengkap: lengkap",
    )

    ktp = requirements_of(draft)[0]
    response = post(
        staff,
        draft,
        "request-correction",
        expected_status="in_process",
        items=[
            {"requirement": ktp.pk, "message": "Foto KTP buram"},
            {"field": "fungsi", "message": "Bukan usaha?"},
        ],
        note="Mohon diperbaiki",
    )
    assert response.status_code == 200, response.json()
    correction = response.json()["open_correction"]
    assert [item["message"] for item in correction["items"]] == ["Foto KTP buram", "Bukan usaha?"]
    assert correction["items"][0]["requirement"] == {"id": ktp.pk, "name": ktp.name}
    assert correction["items"][1]["field"] == {"key": "fungsi", "label": "Fungsi bangunan"}
    assert response.json()["status"] == "returned" and response.json()["paused_at"]
    assert last_history(draft).history_user == officer
    assert last_history(CorrectionRequest.objects.get(application=draft)).history_user == officer

    # What the citizen sees, and the fix.
    seen = applicant.get(detail_url(draft)).json()
    assert seen["open_correction"]["note"] == "Mohon diperbaiki"
    not_yet = post(applicant, draft, "resubmit", expected_status="returned")
    assert not_yet.status_code == 400
    assert not_yet.json()["code"] == "incomplete" and len(not_yet.json()["problems"]) == 2
    applicant.post(
        detail_url(draft, "documents/"), {"requirement": ktp.pk, "file": png_file()}, format="multipart"
    )
    applicant.post(detail_url(draft, "fields/"), {"values": {"fungsi": "sosial"}}, format="json")
    response = post(applicant, draft, "resubmit", expected_status="returned")
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "in_process" and response.json()["open_correction"] is None
    assert last_history(draft).history_user == citizen

    steps = response.json()["steps"]
    for step, client, user in zip(steps, (staff, staff, head), (officer, officer, supervisor), strict=True):
        response = post(
            client, draft, "complete-step", expected_status="in_process", step=step["id"], note="ok"
        )
        assert response.status_code == 200, response.json()
        assert last_history(StepProgress.objects.get(pk=step["id"])).history_user == user
    assert all(step["completed_at"] for step in response.json()["steps"])
    assert response.json()["steps"][0]["completed_by"]["name"] == "Budi Petugas"
    assert response.json()["steps"][0]["note"] == "ok"
    # The citizen sees the steps done, not who did them or the internal notes.
    public_step = applicant.get(detail_url(draft)).json()["steps"][0]
    assert public_step["completed_at"] and public_step["completed_by"] is None and public_step["note"] is None

    response = post(staff, draft, "approve", expected_status="in_process", note="memenuhi syarat")
    assert response.json()["status"] == "approved" and response.json()["decided_at"]
    assert last_history(draft).history_user == officer

    response = post(head, draft, "issue", expected_status="approved")
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "issued" and response.json()["issued_at"]
    assert last_history(draft).history_user == supervisor


def test_reject_with_a_reason_the_citizen_sees(service, citizen, officer):
    application = submitted_application(service=service, applicant=citizen)

    response = post(
        client_for(officer),
        application,
        "reject",
        expected_status="submitted",
        reason="Persyaratan IMB lama tidak ada",
    )

    assert response.status_code == 200
    assert response.json()["rejection_reason"] == "Persyaratan IMB lama tidak ada"
    assert last_history(application).history_user == officer
    timeline = client_for(citizen).get(detail_url(application)).json()["timeline"]
    assert timeline[-1]["reason"] == "Persyaratan IMB lama tidak ada"


def test_a_short_rejection_reason_is_refused(service, citizen, officer):
    application = submitted_application(service=service, applicant=citizen)

    response = post(client_for(officer), application, "reject", expected_status="submitted", reason="tidak")

    assert response.status_code == 400
    assert response.json()["code"] == "reason_required"


def test_withdraw_by_the_applicant(service, citizen):
    application = submitted_application(service=service, applicant=citizen)

    response = post(client_for(citizen), application, "withdraw", reason="salah layanan")

    assert response.json()["status"] == "withdrawn"
    row = last_history(application)
    assert (row.history_user, row.history_change_reason) == (
        citizen,
        "dibatalkan oleh pemohon: salah layanan",
    )


def test_claim_and_assign(service, citizen, officer, supervisor):
    application = submitted_application(service=service, applicant=citizen)

    response = post(client_for(officer), application, "claim", expected_status="submitted")
    assert response.json()["assigned_to"]["name"] == "Budi Petugas"
    assert last_history(application).history_user == officer

    colleague = UserFactory(officer=True, agency=service.agency, full_name="Citra Petugas")
    response = post(
        client_for(supervisor), application, "assign", expected_status="submitted", officer=colleague.pk
    )
    assert response.status_code == 200
    assert response.json()["assigned_to"]["name"] == "Citra Petugas"
    assert last_history(application).history_user == supervisor

    outsider = post(
        client_for(supervisor), application, "assign", expected_status="submitted", officer=citizen.pk
    )
    assert (outsider.status_code, outsider.json()["code"]) == (400, "bad_assignee")
    unknown = post(client_for(supervisor), application, "assign", expected_status="submitted", officer=987654)
    assert unknown.status_code == 400 and "officer" in unknown.json()["fields"]


def test_claiming_what_a_colleague_took_is_a_conflict(service, citizen, officer):
    application = submitted_application(service=service, applicant=citizen)
    colleague = UserFactory(officer=True, agency=service.agency)
    post(client_for(colleague), application, "claim", expected_status="submitted")

    response = post(client_for(officer), application, "claim", expected_status="submitted")

    assert (response.status_code, response.json()["code"]) == (409, "already_assigned")


# --- Stale pages and refused transitions ------------------------------------------------------


def test_acting_on_a_stale_status_is_a_conflict(service, citizen, officer):
    application = submitted_application(service=service, applicant=citizen)
    # The officer's page showed "submitted"; meanwhile the citizen withdrew.
    post(client_for(citizen), application, "withdraw")

    response = post(client_for(officer), application, "verify", expected_status="submitted")

    assert response.status_code == 409
    assert response.json()["code"] == "concurrent_change"
    assert "Dibatalkan" in response.json()["detail"]
    assert fresh(application).status == S.WITHDRAWN


def test_a_transition_the_table_refuses_is_a_conflict(service, citizen, officer):
    application = submitted_application(service=service, applicant=citizen)

    response = post(client_for(officer), application, "issue", expected_status="submitted")

    assert (response.status_code, response.json()["code"]) == (409, "transition_not_allowed")
    assert fresh(application).status == S.SUBMITTED


def test_staff_actions_require_the_status_seen(service, citizen, officer):
    application = submitted_application(service=service, applicant=citizen)

    response = post(client_for(officer), application, "verify")

    assert response.status_code == 400
    assert "expected_status" in response.json()["fields"]


def test_correction_items_must_name_this_applications_requirements_and_fields(service, citizen, officer):
    application = submitted_application(service=service, applicant=citizen)
    foreign = requirements_of(ApplicationFactory(service=permit_service()))[0]

    response = post(
        client_for(officer),
        application,
        "request-correction",
        expected_status="submitted",
        items=[
            {"requirement": foreign.pk, "message": "x"},
            {"field": "tidak_ada", "message": "y"},
            {"message": "Lengkapi berkas"},
        ],
    )

    assert response.status_code == 400
    items = response.json()["fields"]["items"]
    assert "requirement" in items[0] and "field" in items[1] and items[2] == {}
    assert fresh(application).status == S.SUBMITTED


def test_submitting_an_incomplete_draft_lists_what_is_missing(service, citizen):
    draft = ApplicationFactory(service=service, applicant=citizen)

    response = post(client_for(citizen), draft, "submit", delivery_method="pickup")

    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "incomplete"
    assert "Isian 'Luas bangunan' wajib diisi." in body["problems"]


# --- Public tracking --------------------------------------------------------------------------


def test_tracking_with_number_and_secret(service, citizen, officer):
    application = fresh(in_process_application(service=service, officer=officer, applicant=citizen))

    response = APIClient().post(
        TRACK_URL,
        {
            "tracking_number": application.tracking_number.lower(),
            "secret": application.tracking_secret.lower(),
        },
        format="json",
    )

    assert response.status_code == 200
    body = response.json()
    assert body["tracking_number"] == application.tracking_number
    assert (body["status"], body["status_label"]) == ("in_process", "Diproses")
    assert body["service"]["code"] == "PBG"
    assert body["agency"]["name"] == service.agency.name
    assert body["expected_at"] is not None
    assert [entry["title"] for entry in body["timeline"]][:2] == ["Draf dibuat", "Permohonan diajukan"]
    assert "Budi Petugas" not in str(body)
    assert "tracking_secret" not in body and "applicant" not in body


def test_tracking_by_query_parameters(service, citizen):
    application = fresh(submitted_application(service=service, applicant=citizen))

    response = APIClient().get(
        TRACK_URL, {"tracking_number": application.tracking_number, "secret": application.tracking_secret}
    )

    assert response.status_code == 200 and response.json()["status"] == "submitted"


def test_a_wrong_secret_and_an_unknown_number_look_the_same(service, citizen):
    application = fresh(submitted_application(service=service, applicant=citizen))
    client = APIClient()

    wrong_secret = client.post(
        TRACK_URL, {"tracking_number": application.tracking_number, "secret": "ZZZZ2222"}
    )
    unknown = client.post(
        TRACK_URL, {"tracking_number": "PBG-2026-999999", "secret": application.tracking_secret}
    )

    assert wrong_secret.status_code == unknown.status_code == 404
    assert wrong_secret.json() == unknown.json()
    missing = client.post(TRACK_URL, {"tracking_number": application.tracking_number})
    assert missing.status_code == 400 and "secret" in missing.json()["fields"]


def test_tracking_is_throttled(service, citizen, monkeypatch):
    monkeypatch.setattr(TrackThrottle, "default_rate", "3/min")
    application = fresh(submitted_application(service=service, applicant=citizen))
    client = APIClient()
    guess = {"tracking_number": application.tracking_number, "secret": "ZZZZ2222"}

    assert [client.post(TRACK_URL, guess).status_code for _ in range(3)] == [404, 404, 404]
    response = client.post(
        TRACK_URL, {"tracking_number": application.tracking_number, "secret": application.tracking_secret}
    )

    assert response.status_code == 429
    assert response.json()["code"] == "throttled"
    assert "Terlalu banyak percobaan" in response.json()["detail"]
    assert int(response["Retry-After"]) > 0


# --- OpenAPI ----------------------------------------------------------------------------------


def test_the_schema_documents_every_endpoint_and_still_validates(tmp_path):
    target = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    text = target.read_text()
    for path in (
        "/api/v1/applications/:",
        "/api/v1/applications/{id}/:",
        "/api/v1/applications/{id}/fields/:",
        "/api/v1/applications/{id}/documents/:",
        "/api/v1/applications/{id}/documents/{document_id}/file/:",
        "/api/v1/applications/{id}/submit/:",
        "/api/v1/applications/{id}/verify/:",
        "/api/v1/applications/{id}/request-correction/:",
        "/api/v1/applications/{id}/resubmit/:",
        "/api/v1/applications/{id}/complete-step/:",
        "/api/v1/applications/{id}/approve/:",
        "/api/v1/applications/{id}/reject/:",
        "/api/v1/applications/{id}/issue/:",
        "/api/v1/applications/{id}/withdraw/:",
        "/api/v1/applications/{id}/claim/:",
        "/api/v1/applications/{id}/assign/:",
        "/api/v1/track/:",
    ):
        assert f"  {path}" in text, path


def test_the_schema_describes_errors_and_request_bodies(api_client):
    schema = api_client.get("/api/schema/", {"format": "json"}).json()
    paths = schema["paths"]

    verify = paths["/api/v1/applications/{id}/verify/"]["post"]
    assert {"200", "400", "403", "404", "409"} <= set(verify["responses"])
    body_ref = verify["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    body = schema["components"]["schemas"][body_ref.rsplit("/", 1)[-1]]
    assert "expected_status" in body["required"]
    upload = paths["/api/v1/applications/{id}/documents/"]["post"]["requestBody"]["content"]
    assert set(upload) == {"multipart/form-data"}
    listing = {p["name"] for p in paths["/api/v1/applications/"]["get"]["parameters"]}
    assert {"status", "service", "overdue", "due_within", "assigned", "q", "page", "page_size"} <= listing
    page_schema_ref = paths["/api/v1/applications/"]["get"]["responses"]["200"]["content"][
        "application/json"
    ]["schema"]["$ref"]
    page_schema = schema["components"]["schemas"][page_schema_ref.rsplit("/", 1)[-1]]
    assert page_schema["properties"]["count_is_capped"]["type"] == "boolean"
    assert page_schema["properties"]["count"]["maximum"] == 1000
    assert {"count", "count_is_capped", "results"} <= set(page_schema["required"])
    assert set(paths["/api/v1/track/"]) == {"get", "post"}
    assert "429" in paths["/api/v1/track/"]["post"]["responses"]
    assert paths["/api/v1/track/"]["post"]["security"] == [{}]


def test_a_name_search_counts_less_far_and_in_the_list_order(service, officer, monkeypatch):
    applications = [
        submitted_application(service=service, applicant=UserFactory(full_name=name))
        for name in ("Siti Aminah", "Siti Rahma", "Siti Nur")
    ]
    monkeypatch.setattr("permits.selectors.NAME_SEARCH_COUNT_CAP", 2)
    client = client_for(officer)

    with CaptureQueriesContext(connection) as queries:
        body = client.get(LIST_URL, {"q": "siti"}).json()

    assert (body["count"], body["count_is_capped"], len(body["results"])) == (2, True, 2)
    # The count is the number of keys read along the list's order (cap + 1), and the page's rows
    # are read by those keys: no separate COUNT.
    assert not [q for q in queries if "COUNT(*)" in q["sql"]]
    keys_sql = next(q["sql"] for q in queries if "LIMIT 3" in q["sql"])
    assert "ORDER BY" in keys_sql
    prefix = applications[0].tracking_number.rsplit("-", 1)[0]  # "PBG-<this year>"
    by_number = client.get(LIST_URL, {"q": prefix}).json()  # not a name: the usual count
    assert (by_number["count"], by_number["count_is_capped"]) == (3, False)


def test_a_later_page_reads_its_keys_along_the_list_then_its_rows_by_key(service, officer):
    now = timezone.now()
    made = [
        ApplicationFactory(service=service, in_process=True, due_at=now + dt.timedelta(hours=i + 1))
        for i in range(7)
    ]
    client = client_for(officer)

    with CaptureQueriesContext(connection) as queries:
        body = client.get(LIST_URL, {"page_size": 3, "page": 2}).json()

    # Nearest deadline first: the 4th to 6th.
    assert [row["id"] for row in body["results"]] == [a.pk for a in made[3:6]]
    assert (body["count"], body["count_is_capped"]) == (7, False)
    listed = [q["sql"] for q in queries if "permits_application" in q["sql"]]
    assert len(listed) == 2  # the keys (which count too), then the page's rows
    assert "COUNT(*)" not in listed[0] and "ORDER BY" in listed[0]
    assert "OFFSET" not in listed[1]

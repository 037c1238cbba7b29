"""Survey invitations, the one-time token, the SQL IKM against the reference formula, the public
page and the service page."""

import random
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.db import IntegrityError

from notifications.models import Notification
from permits import services as permit_services
from surveys import ikm, selectors, services
from surveys.models import ELEMENTS, FollowUpAction, SubjectKind, SurveyInvitation, SurveyResponse
from tests.factories import AgencyFactory, MppProfileFactory, ServiceFactory, UserFactory
from tests.permits.factories import in_process_application, permit_service

pytestmark = pytest.mark.django_db
WIB = ZoneInfo("Asia/Jakarta")


@pytest.fixture(autouse=True)
def _mpp():
    MppProfileFactory()


def respond(*, agency, service=None, scores, when=datetime(2026, 3, 10, 9, tzinfo=WIB)):
    return SurveyResponse.objects.create(
        agency=agency, service=service, submitted_at=when, **dict(zip(ELEMENTS, scores, strict=True))
    )


def invite(citizen=None, **kwargs):
    agency = kwargs.pop("agency", None) or AgencyFactory()
    return services.survey_invite(
        subject_kind=SubjectKind.APPLICATION,
        subject_id=kwargs.pop("subject_id", 1),
        citizen=citizen or UserFactory(),
        agency=agency,
        service=kwargs.pop("service", None),
        subject_label="TST-2026-000001",
    )


# --- Invitation --------------------------------------------------------------------------------


def test_rejecting_an_application_invites_the_applicant_once(client, django_capture_on_commit_callbacks):
    service = permit_service()
    officer = UserFactory(officer=True, agency=service.agency)
    application = in_process_application(service=service, officer=officer)
    with django_capture_on_commit_callbacks(execute=True):
        permit_services.application_reject(
            application=application, actor=officer, reason="Gambar denah tidak sesuai dengan lokasi bangunan."
        )
    invitation = SurveyInvitation.objects.get()
    assert (invitation.subject_kind, invitation.subject_id) == ("application", application.pk)
    assert invitation.citizen == application.applicant and invitation.service == service
    note = Notification.objects.get(recipient=application.applicant, event="survey.invitation")
    assert f"/survei/{invitation.token}/" in note.body and note.link == f"/survei/{invitation.token}/"
    # Calling again (a retried hook, the queue's later call) sends nothing new.
    again = services.survey_invite(
        subject_kind="application",
        subject_id=application.pk,
        citizen=application.applicant,
        agency=service.agency,
    )
    assert again.pk == invitation.pk
    assert Notification.objects.filter(event="survey.invitation").count() == 1
    # The application page offers the survey until it is answered.
    client.force_login(application.applicant)
    assert f"/survei/{invitation.token}/" in client.get(f"/permohonan/{application.pk}/").content.decode()


def test_an_application_still_in_process_invites_nobody(django_capture_on_commit_callbacks):
    service = permit_service()
    officer = UserFactory(officer=True, agency=service.agency)
    with django_capture_on_commit_callbacks(execute=True):
        in_process_application(service=service, officer=officer)
    assert not SurveyInvitation.objects.exists()


def test_one_survey_per_transaction_is_a_database_rule():
    invitation = invite()
    with pytest.raises(IntegrityError):
        SurveyInvitation.objects.create(
            subject_kind=invitation.subject_kind,
            subject_id=invitation.subject_id,
            agency=invitation.agency,
            token="another",
            created_at=invitation.created_at,
        )


def test_queue_tickets_can_be_invited_too():
    invitation = invite(subject_id=77)
    ticket = services.survey_invite(
        subject_kind=SubjectKind.QUEUE_TICKET, subject_id=77, citizen=None, agency=invitation.agency
    )
    assert ticket.pk != invitation.pk and ticket.subject_kind == "queue_ticket"


# --- Answering -----------------------------------------------------------------------------------


def test_the_token_works_once(client):
    service = ServiceFactory()
    invitation = invite(agency=service.agency, service=service)
    url = f"/survei/{invitation.token}/"
    page = client.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "kesesuaian persyaratan pelayanan dengan jenis pelayanannya" in text
    assert "Dikelola dengan baik" in text and "Sangat sopan dan ramah" in text
    answers = {e: "3" for e in ELEMENTS} | {"u4": "4", "comment": "Petugas ramah, ruang tunggu panas."}
    done = client.post(url, answers)
    assert done.status_code == 200 and "Jawaban survei Anda tersimpan" in done.content.decode()
    response = SurveyResponse.objects.get()
    assert (response.u1, response.u4, response.agency_id, response.service_id) == (
        3,
        4,
        service.agency_id,
        service.pk,
    )
    assert response.comment == "Petugas ramah, ruang tunggu panas."
    second = client.post(url, answers)
    assert "sudah diisi" in second.content.decode()
    assert SurveyResponse.objects.count() == 1


def test_missing_answers_are_named_and_nothing_is_saved(client):
    invitation = invite()
    page = client.post(f"/survei/{invitation.token}/", {e: "4" for e in ELEMENTS[:7]} | {"u8": "5"})
    assert page.status_code == 400
    assert "U8, U9" in page.content.decode()
    assert not SurveyResponse.objects.exists()
    assert SurveyInvitation.objects.get().used_at is None


def test_an_unknown_token_is_a_404(client):
    assert client.get("/survei/bukan-token/").status_code == 404


# --- IKM in SQL --------------------------------------------------------------------------------


def test_sql_ikm_matches_the_reference_formula():
    rng = random.Random(7)
    a, b = AgencyFactory(), AgencyFactory()
    rows = {a.pk: [], b.pk: []}
    for agency in (a, b):
        for _ in range(57):
            scores = [rng.choice([1, 2, 3, 3, 4, 4]) for _ in ELEMENTS]
            rows[agency.pk].append(scores)
            respond(agency=agency, scores=scores)
    # Outside the period: not counted.
    respond(agency=a, scores=[1] * 9, when=datetime(2026, 4, 1, 0, 0, tzinfo=WIB))
    period = selectors.Period("month", 2026, 3)
    by_agency = selectors.ikm_by(period, "agency")
    for agency_id, answer_rows in rows.items():
        row = by_agency[agency_id]
        assert row.respondents == 57
        assert row.shown == ikm.ikm_of_responses(answer_rows)
        assert row.grade == ikm.grade(ikm.ikm_exact(row.sums, row.respondents))
    mpp = selectors.ikm_mpp(period)
    assert mpp.respondents == 114
    assert mpp.shown == ikm.ikm_of_responses(rows[a.pk] + rows[b.pk])


def test_all_fours_is_100_in_sql_too():
    agency = AgencyFactory()
    for _ in range(3):
        respond(agency=agency, scores=[4] * 9)
    row = selectors.ikm_mpp(selectors.Period("quarter", 2026, 1))
    assert row.value == Decimal(100) and str(row.shown) == "100.00" and row.grade.letter == "A"


def test_periods():
    assert selectors.Period("quarter", 2026, 2).first_day.isoformat() == "2026-04-01"
    assert selectors.Period("quarter", 2026, 2).last_day.isoformat() == "2026-06-30"
    assert selectors.Period("month", 2024, 2).last_day.isoformat() == "2024-02-29"
    assert selectors.parse_period("month", "2026", "13").kind == "month"  # invalid -> current month
    assert selectors.parse_period("bogus", None, None).kind == "year"


# --- Pages ---------------------------------------------------------------------------------------


def test_public_ikm_page_shows_mpp_agencies_and_followups(client, django_assert_max_num_queries):
    a, _imigrasi = (
        AgencyFactory(name="Dinas Kependudukan dan Pencatatan Sipil"),
        AgencyFactory(name="Kantor Imigrasi"),
    )
    respond(agency=a, scores=[4] * 9)
    respond(agency=a, scores=[3, 3, 3, 3, 3, 3, 3, 2, 3])
    FollowUpAction.objects.create(
        agency=a,
        element="u3",
        period_label="Triwulan I 2026",
        finding="Waktu penyelesaian KK dinilai lambat",
        action="Tambah satu petugas verifikasi pada hari Senin",
        owner="Kepala Bidang Pelayanan",
        due_date="2026-04-30",
    )
    FollowUpAction.objects.create(
        period_label="Triwulan I 2026",
        finding="Ruang tunggu panas",
        action="Servis pendingin ruangan",
        owner="Sekretariat MPP",
        due_date="2026-03-31",
        done_at="2026-03-20",
    )
    for _ in range(5):
        AgencyFactory()
    with django_assert_max_num_queries(8):
        page = client.get("/ikm/", {"periode": "month", "tahun": "2026", "ke": "3"})
    text = page.content.decode()
    assert page.status_code == 200
    assert "86,11" in text  # MPP: (36 + 26) / 18 x 25 = 86.11, with the Indonesian decimal comma
    assert "Unsur dengan nilai terendah: U8." in text
    assert "Dinas Kependudukan dan Pencatatan Sipil" in text and "Kantor Imigrasi" in text
    assert "1 dari 2 rencana tindak lanjut selesai" in text
    assert "Belum selesai" in text and "Selesai 20 Mar 2026" in text


def test_service_page_shows_its_own_ikm_and_faq(client, settings):
    from django.utils import timezone

    service = ServiceFactory()
    other = ServiceFactory(agency=service.agency)
    now = timezone.now()
    respond(agency=service.agency, service=service, scores=[4] * 9, when=now)
    respond(agency=service.agency, service=other, scores=[1] * 9, when=now)
    page = client.get(f"/layanan/{service.code}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert 'data-testid="service-ikm">100,00<' in text
    assert f"/pengaduan/pungli/?layanan={service.code}" in text


def test_a_follow_up_marked_done_records_who_and_shows_as_done(client):
    from datetime import date

    from surveys.services import followup_mark_done

    admin = UserFactory(mpp_admin=True)
    action = FollowUpAction.objects.create(
        period_label="Triwulan I 2026",
        finding="Ruang tunggu panas",
        action="Servis pendingin ruangan",
        owner="Sekretariat MPP",
        due_date="2026-03-31",
    )
    done = followup_mark_done(
        action=action, actor=admin, done_on=date(2026, 3, 20), result_note="AC diservis"
    )
    assert done.done_at == date(2026, 3, 20)
    row = done.history.first()
    assert (row.history_user, row.history_change_reason, row.done_at) == (
        admin,
        "tindak lanjut selesai",
        date(2026, 3, 20),
    )
    page = client.get("/ikm/", {"periode": "month", "tahun": "2026", "ke": "3"}).content.decode()
    assert "Selesai 20 Mar 2026" in page

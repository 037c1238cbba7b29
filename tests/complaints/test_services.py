"""Complaint services: filing, identity rules, routing, answers, the reporter's reactions, deadlines."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError

from complaints import services
from complaints.models import Complaint, ComplaintMessage
from mpp.errors import ConflictError, DomainError
from notifications.models import Notification
from tests.complaints.helpers import MONDAY, answered, file_complaint, last_history, routed, wib
from tests.factories import UserFactory
from tests.permits.factories import ApplicationFactory, pdf_file

pytestmark = pytest.mark.django_db
S = Complaint.Status


def test_filing_numbers_the_complaint_and_starts_the_3_day_routing_clock(category, citizen, desk_officer):
    complaint = file_complaint(category, reporter=citizen)
    assert complaint.number == "ADU-2026-000001"
    assert len(complaint.secret) == 8
    assert complaint.status == S.SUBMITTED
    # Day 1 Tue 17 Mar; 18-24 Mar closed; days 2-3 are 25 and 26 Mar; end of office hours.
    assert complaint.due_at == wib(3, 26, 14)
    assert complaint.agency == category.default_agency
    history = last_history(complaint)
    assert history.history_user == citizen and "Formulir web" in history.history_change_reason
    received = Notification.objects.get(recipient=citizen, event="complaint.received")
    assert complaint.secret in received.body
    new = Notification.objects.get(recipient=desk_officer, event="complaint.new")
    assert complaint.number in new.body
    assert file_complaint(category, reporter=citizen).number == "ADU-2026-000002"


def test_anonymous_keeps_nothing_identifying_even_from_a_signed_in_citizen(category, citizen):
    complaint = file_complaint(category, reporter=citizen, anonymous=True)
    complaint.refresh_from_db()
    assert (
        complaint.reporter,
        complaint.reporter_name,
        complaint.reporter_email,
        complaint.reporter_phone,
    ) == (
        None,
        "",
        "",
        "",
    )
    assert last_history(complaint).history_user is None
    assert not Notification.objects.filter(recipient=citizen).exists()


def test_an_anonymous_attachment_keeps_no_file_name(category):
    complaint = file_complaint(category, anonymous=True, attachments=[pdf_file("ktp-siti-rahmawati.pdf")])
    assert complaint.attachments.get().original_name == "lampiran-1.pdf"


def test_the_database_refuses_an_anonymous_row_with_identity(category, citizen):
    complaint = file_complaint(category, anonymous=True)
    complaint.reporter_name = "Siti"
    with pytest.raises(IntegrityError):
        complaint.save()


def test_whistleblowing_is_always_confidential_and_never_published(category, citizen):
    complaint = file_complaint(category, reporter=citizen, kind="whistleblowing", allow_publication=True)
    assert complaint.is_confidential and complaint.hides_identity
    assert not complaint.allow_publication


def test_a_visitor_must_give_a_name_and_a_contact_or_stay_anonymous(category):
    with pytest.raises(DomainError, match="nama dan email atau nomor telepon"):
        file_complaint(category, reporter_name="", reporter_phone="")
    assert not Complaint.objects.exists()


def test_bad_input_changes_nothing(category, citizen):
    with pytest.raises(DomainError, match="Uraikan"):
        file_complaint(category, reporter=citizen, description="terlalu singkat")
    exe = SimpleUploadedFile("bukti.pdf", b"MZ\x90\x00" + b"\x00" * 100, content_type="application/pdf")
    with pytest.raises(DomainError, match="program atau skrip"):
        file_complaint(category, reporter=citizen, attachments=[exe])
    assert not Complaint.objects.exists()


def test_attachments_are_checked_and_stored(category, citizen):
    complaint = file_complaint(category, reporter=citizen, attachments=[pdf_file("kuitansi.pdf")])
    attachment = complaint.attachments.get()
    assert attachment.original_name == "kuitansi.pdf" and attachment.content_type == "application/pdf"
    assert "kuitansi" not in attachment.file.name


def test_only_the_reporters_own_application_can_be_linked(category, citizen):
    mine = ApplicationFactory(applicant=citizen, submitted=True)
    theirs = ApplicationFactory(submitted=True)
    complaint = file_complaint(category, reporter=citizen, application=mine, confidential=True)
    assert complaint.service == mine.service and complaint.agency == mine.agency
    with pytest.raises(DomainError, match="bukan milik Anda"):
        file_complaint(category, reporter=citizen, application=theirs)


def test_staff_register_a_phone_complaint_with_its_channel(category, officer):
    complaint = file_complaint(category, registered_by=officer, channel="call_center")
    assert complaint.channel == "call_center" and complaint.registered_by == officer
    assert last_history(complaint).history_user == officer
    with pytest.raises(DomainError):
        file_complaint(category, channel="call_center")  # a citizen cannot claim the call center


def test_routing_gives_the_agency_5_working_days_and_tells_its_staff(
    category, desk_officer, officer, other_officer
):
    complaint = file_complaint(category, reporter_name="Ahmad Fauzi", reporter_phone="081298765432")
    complaint = services.complaint_route(
        complaint=complaint,
        actor=desk_officer,
        agency=officer.agency,
        note="Mohon diperiksa petugas loket 3.",
        now=MONDAY,
    )
    assert complaint.status == S.ROUTED and complaint.agency == officer.agency
    assert complaint.due_at == wib(3, 30, 14)  # 17, 25, 26, 27, 30 March
    history = last_history(complaint)
    assert history.history_user == desk_officer and officer.agency.name in history.history_change_reason
    assert Notification.objects.filter(recipient=officer, event="complaint.routed").count() == 1
    assert not Notification.objects.filter(recipient=other_officer).exists()
    assert complaint.officer_note == "Mohon diperiksa petugas loket 3."
    assert not ComplaintMessage.objects.filter(complaint=complaint).exists()  # not in the reporter's timeline


def test_only_the_complaint_officer_routes(category, officer):
    complaint = file_complaint(category)
    with pytest.raises(DomainError, match="petugas pengaduan MPP"):
        services.complaint_route(complaint=complaint, actor=officer, agency=officer.agency)
    assert Complaint.objects.get().status == S.SUBMITTED


def test_a_stale_page_cannot_route_twice(category, desk_officer, agency, other_agency):
    complaint = file_complaint(category)
    stale = Complaint.objects.get(pk=complaint.pk)
    services.complaint_route(complaint=complaint, actor=desk_officer, agency=agency)
    with pytest.raises(ConflictError):
        services.complaint_route(complaint=stale, actor=desk_officer, agency=other_agency)
    assert Complaint.objects.get().agency == agency


def test_not_our_authority_is_forwarded_to_lapor_with_its_reference(category, desk_officer, citizen):
    complaint = file_complaint(category, reporter=citizen)
    with pytest.raises(DomainError, match="catatan"):
        services.complaint_forward(complaint=complaint, actor=desk_officer, note="")
    complaint = services.complaint_forward(
        complaint=complaint,
        actor=desk_officer,
        note="Kewenangan Kantor Pertanahan (BPN), diteruskan via LAPOR!",
    )
    assert complaint.status == S.FORWARDED
    assert complaint.lapor_reference == f"SANDBOX-{complaint.number}"
    assert complaint.due_at is None
    assert "SP4N-LAPOR!" in last_history(complaint).history_change_reason


def test_the_adapter_is_chosen_by_setting(category, desk_officer, settings):
    settings.MPP_LAPOR_ADAPTER = "tests.complaints.test_services.FakeLapor"
    complaint = services.complaint_forward(
        complaint=file_complaint(category), actor=desk_officer, note="Bukan kewenangan pemerintah kota."
    )
    assert complaint.lapor_reference == "LAPOR-9876"


class FakeLapor:
    def forward(self, payload):
        assert "Ahmad" not in repr(payload)  # no reporter data leaves the MPP
        return "LAPOR-9876"


def test_archive_needs_a_reason(category, desk_officer):
    complaint = file_complaint(category)
    with pytest.raises(DomainError):
        services.complaint_archive(complaint=complaint, actor=desk_officer, reason="x")
    complaint = services.complaint_archive(
        complaint=complaint, actor=desk_officer, reason="Laporan ganda dari ADU-2026-000001"
    )
    assert complaint.status == S.ARCHIVED and "Laporan ganda" in last_history(complaint).history_change_reason


def test_only_the_routed_agency_answers(category, desk_officer, officer, other_officer, citizen):
    complaint = routed(category, desk_officer, officer.agency, reporter=citizen)
    with pytest.raises(DomainError, match="instansi yang ditugasi"):
        services.complaint_answer(
            complaint=complaint, actor=other_officer, answer="Bukan urusan kami sama sekali."
        )
    complaint = services.complaint_answer(
        complaint=complaint,
        actor=officer,
        answer="Petugas telah diberi teguran dan uang dikembalikan.",
        now=MONDAY,
    )
    assert complaint.status == S.ANSWERED and complaint.answered_by == officer
    assert last_history(complaint).history_user == officer
    assert Notification.objects.filter(recipient=citizen, event="complaint.answered").count() == 1


def test_answering_before_routing_is_refused(category, officer):
    complaint = file_complaint(category)
    complaint.agency = officer.agency
    with pytest.raises(DomainError):
        services.complaint_answer(
            complaint=complaint, actor=officer, answer="Jawaban yang terlalu dini sekali."
        )


def test_reply_sends_it_back_accept_closes_and_rating_is_1_to_5(category, desk_officer, officer, citizen):
    complaint = answered(category, desk_officer, officer, reporter=citizen)
    complaint = services.complaint_reply(
        complaint=complaint,
        actor=citizen,
        body="Uang saya belum dikembalikan sampai hari ini.",
        now=wib(3, 25, 9),
    )
    assert complaint.status == S.ROUTED and complaint.due_at == wib(4, 1, 14)
    assert Notification.objects.filter(recipient=officer, event="complaint.reply").count() == 1
    complaint = services.complaint_answer(
        complaint=complaint, actor=officer, answer="Uang telah dikembalikan tunai hari ini."
    )
    with pytest.raises(DomainError, match="1 sampai 5"):
        services.complaint_accept(complaint=complaint, actor=citizen, rating=9)
    complaint = services.complaint_accept(complaint=complaint, actor=citizen, rating=4, comment="Cukup cepat")
    assert (complaint.status, complaint.rating, complaint.rating_comment) == (S.CLOSED, 4, "Cukup cepat")
    assert last_history(complaint).history_user == citizen


def test_someone_else_cannot_react_but_the_secret_holder_can(category, desk_officer, officer):
    complaint = answered(category, desk_officer, officer, anonymous=True)
    stranger = UserFactory()
    with pytest.raises(DomainError, match="Hanya pelapor"):
        services.complaint_accept(complaint=complaint, actor=stranger)
    with pytest.raises(DomainError, match="Hanya pelapor"):
        services.complaint_accept(complaint=complaint, actor=None, secret="ZZZZZZZZ")
    complaint = services.complaint_rate(
        complaint=complaint, actor=None, secret=complaint.secret.lower(), rating=5
    )
    assert complaint.rating == 5


# --- Deadlines -----------------------------------------------------------------------------------


def test_sweep_warns_once_alerts_once_per_deadline(category, desk_officer, officer):
    complaint = file_complaint(category)  # due 26 Mar 14:00
    assert services.complaints_sweep(now=wib(3, 17, 9)) == {"warned": 0, "alerted": 0, "closed": 0}
    # 25 Mar: the deadline is the next working day -> warning, once.
    assert services.complaints_sweep(now=wib(3, 25, 9))["warned"] == 1
    assert services.complaints_sweep(now=wib(3, 25, 13))["warned"] == 0
    assert services.complaints_sweep(now=wib(3, 26, 15))["alerted"] == 1
    assert services.complaints_sweep(now=wib(3, 27, 9))["alerted"] == 0
    assert (
        Notification.objects.filter(recipient=desk_officer, event="complaint.deadline_breached").count() == 1
    )
    # Routed late: a new stage and deadline gets its own alerts, to the agency too.
    services.complaint_route(
        complaint=complaint, actor=desk_officer, agency=officer.agency, now=wib(3, 27, 9)
    )
    counts = services.complaints_sweep(now=wib(4, 7, 9))
    assert counts["alerted"] == 2  # the agency's officer and the complaint officer
    breach = Notification.objects.get(recipient=officer, event="complaint.deadline_breached")
    assert "Ahmad" not in breach.body and "0812" not in breach.body


def test_an_answer_without_reaction_closes_itself_exactly_once(
    category, desk_officer, officer, citizen, settings
):
    from agencies.selectors import work_calendar

    complaint = answered(category, desk_officer, officer, reporter=citizen)
    due = work_calendar().deadline_after(MONDAY, settings.MPP_COMPLAINT_CLOSE_DAYS)
    assert complaint.due_at == due
    assert services.complaints_sweep(now=due)["closed"] == 0  # not yet past
    later = due.replace(hour=15)
    assert services.complaints_sweep(now=later)["closed"] == 1
    assert services.complaints_sweep(now=later)["closed"] == 0
    complaint.refresh_from_db()
    assert complaint.status == S.CLOSED and complaint.closed_automatically
    history = last_history(complaint)
    assert history.history_user is None and "otomatis" in history.history_change_reason
    assert Notification.objects.filter(recipient=citizen, event="complaint.closed").count() == 1


def test_limits_are_configurable(category, settings):
    settings.MPP_COMPLAINT_ROUTE_DAYS = 1
    assert file_complaint(category).due_at == wib(3, 17, 14)


# --- Consultation --------------------------------------------------------------------------------


def test_question_answered_by_the_services_agency_and_published(service, citizen, officer, other_officer):
    question = services.question_ask(
        service=service, asker=citizen, question="Apakah perlu surat keterangan domisili?"
    )
    assert Notification.objects.filter(recipient=officer, event="question.asked").exists()
    with pytest.raises(DomainError):
        services.question_answer(question=question, actor=other_officer, answer="Tidak perlu sama sekali.")
    question = services.question_answer(
        question=question, actor=officer, answer="Tidak perlu, cukup KTP Kota Probolinggo.", publish=True
    )
    assert question.is_published and question.answered_by == officer
    assert Notification.objects.filter(recipient=citizen, event="question.answered").count() == 1

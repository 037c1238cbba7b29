"""Every action on an application: its result, its history row (who and why) and the work it
enqueues after commit. Time is passed in (``now=``) so the dates are exact."""

import re
from datetime import datetime
from unittest import mock
from zoneinfo import ZoneInfo

import pytest

from mpp.errors import ConflictError
from notifications.models import Notification
from permits import services
from permits.models import Application, CorrectionRequest, Document, FieldValue, StepProgress
from permits.services import (
    ApplicationError,
    FieldErrors,
    IncompleteApplication,
    NotPermitted,
    TransitionNotAllowed,
)
from permits.tracking import SECRET_ALPHABET
from services.models import ServiceStandard
from tests.factories import MppProfileFactory, ServiceFactory, ServiceStandardFactory, UserFactory
from tests.permits.factories import (
    add_form_fields,
    in_process_application,
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


def wib(month, day, hour, minute=0, year=2026):
    return datetime(year, month, day, hour, minute, tzinfo=WIB)


@pytest.fixture(autouse=True)
def _mpp():
    MppProfileFactory()


@pytest.fixture
def service():
    return permit_service(time_limit_days=5)


@pytest.fixture
def officer(service):
    return UserFactory(officer=True, agency=service.agency)


@pytest.fixture
def supervisor(service):
    return UserFactory(supervisor=True, agency=service.agency)


def last_history(instance):
    return type(instance).history.filter(id=instance.pk).order_by("-history_id").first()


def fresh(application):
    return Application.objects.get(pk=application.pk)


# --- Drafts -----------------------------------------------------------------------------------


def test_draft_pins_the_standard_in_force_and_records_who_started_it(service):
    citizen = UserFactory()
    draft = services.application_create_draft(service=service, applicant=citizen, now=wib(3, 2, 9))
    standard = service.standards.get(status=ServiceStandard.Status.IN_FORCE)
    assert (draft.status, draft.standard, draft.agency) == (S.DRAFT, standard, service.agency)
    assert draft.tracking_number is None
    row = last_history(draft)
    assert (row.history_user, row.history_change_reason, row.history_date) == (
        citizen,
        "draf dibuat",
        wib(3, 2, 9),
    )


def test_a_service_without_a_standard_in_force_cannot_be_applied_for():
    service = ServiceFactory()
    ServiceStandardFactory(service=service)  # draft only
    with pytest.raises(ApplicationError, match="belum memiliki standar pelayanan yang berlaku"):
        services.application_create_draft(service=service, applicant=UserFactory())


def test_officer_assisted_draft_belongs_to_the_citizen_and_records_consent(service, officer):
    citizen = UserFactory()
    draft = services.application_create_draft(
        service=service, applicant=citizen, assisted_by=officer, consent_note="Setuju secara lisan di loket 3"
    )
    assert (draft.applicant, draft.is_assisted, draft.assisted_by) == (citizen, True, officer)
    assert draft.consent_at is not None
    row = last_history(draft)
    assert (row.history_user, row.history_change_reason) == (officer, "draf dibuat dengan bantuan petugas")
    # The officer may fill it in for the citizen.
    services.application_save_fields(application=draft, values={"fungsi": "usaha"}, actor=officer)
    assert FieldValue.objects.get(application=draft).value == "usaha"


def test_assisted_draft_needs_consent_and_an_officer_of_the_agency(service, officer):
    with pytest.raises(ApplicationError, match="Catat persetujuan pemohon"):
        services.application_create_draft(service=service, applicant=UserFactory(), assisted_by=officer)
    stranger = UserFactory(officer=True)
    with pytest.raises(NotPermitted):
        services.application_create_draft(
            service=service, applicant=UserFactory(), assisted_by=stranger, consent_note="setuju"
        )


def test_nobody_starts_an_application_in_someone_elses_name(service):
    with pytest.raises(NotPermitted):
        services.application_create_draft(service=service, applicant=UserFactory(), actor=UserFactory())


# --- Form values ------------------------------------------------------------------------------


def test_values_are_validated_by_type_and_normalised(service):
    citizen = UserFactory()
    draft = services.application_create_draft(service=service, applicant=citizen)
    services.application_save_fields(
        application=draft,
        values={
            "luas_bangunan": "1250,5",
            "fungsi": "sosial",
            "jumlah_lantai": 2,
            "mulai_bangun": "2026-04-01",
            "alamat_bangunan": "  Jl. Suroyo 10  ",
        },
        actor=citizen,
        now=wib(3, 2, 9),
    )
    values = {fv.form_field.key: fv.value for fv in draft.field_values.select_related("form_field")}
    assert values == {
        "luas_bangunan": "1250.5",
        "fungsi": "sosial",
        "jumlah_lantai": "2",
        "mulai_bangun": "2026-04-01",
        "alamat_bangunan": "Jl. Suroyo 10",
    }
    row = FieldValue.history.filter(form_field__key="fungsi").first()
    assert (row.history_user, row.history_change_reason) == (citizen, "isian diisi")


def test_invalid_values_give_a_message_per_field_and_change_nothing(service):
    citizen = UserFactory()
    draft = services.application_create_draft(service=service, applicant=citizen)
    with pytest.raises(FieldErrors) as refused:
        services.application_save_fields(
            application=draft,
            values={
                "alamat_bangunan": "Jl. Suroyo 10",  # valid, but must not be saved either
                "luas_bangunan": "0",
                "fungsi": "pabrik",
                "jumlah_lantai": "1.000.000",
                "mulai_bangun": "31/12/2026",
                "tidak_ada": "x",
            },
            actor=citizen,
        )
    errors = refused.value.errors
    assert errors == {
        "luas_bangunan": ["Luas harus lebih dari 0 m²."],
        "fungsi": ["Pilih salah satu pilihan yang tersedia."],
        "jumlah_lantai": ["Isi dengan angka tanpa pemisah ribuan, mis. 1250 atau 1250,5."],
        "mulai_bangun": ["Tanggal tidak valid; gunakan format TTTT-BB-HH, mis. 2026-03-16."],
        "tidak_ada": ["Isian ini tidak ada pada formulir layanan."],
    }
    assert not FieldValue.objects.filter(application=draft).exists()


def test_number_limits_are_enforced(service):
    citizen = UserFactory()
    draft = services.application_create_draft(service=service, applicant=citizen)
    with pytest.raises(FieldErrors) as refused:
        services.application_save_fields(
            application=draft, values={"jumlah_lantai": "9", "luas_bangunan": "5000,01"}, actor=citizen
        )
    assert refused.value.errors == {
        "jumlah_lantai": ["Paling besar 8."],
        "luas_bangunan": ["Paling besar 5000."],
    }


def test_another_citizen_cannot_edit_and_a_submitted_application_is_frozen(service):
    application = submitted_application(service=service)
    with pytest.raises(NotPermitted):
        services.application_save_fields(
            application=application, values={"fungsi": "usaha"}, actor=UserFactory()
        )
    with pytest.raises(
        ApplicationError, match="hanya dapat diubah saat permohonan berstatus Draf atau Dikembalikan"
    ):
        services.application_save_fields(
            application=application, values={"fungsi": "usaha"}, actor=application.applicant
        )


# --- Documents --------------------------------------------------------------------------------


def test_upload_stores_under_an_unguessable_path_and_a_replacement_keeps_the_old_one(service):
    citizen = UserFactory()
    draft = services.application_create_draft(service=service, applicant=citizen)
    ktp, _letter = requirements_of(draft)
    first = services.document_upload(
        application=draft, requirement=ktp, file=png_file("KTP saya.png"), actor=citizen
    )
    assert re.fullmatch(rf"applications/\d{{4}}/{draft.storage_key}/[0-9a-f-]{{36}}\.png", first.file.name), (
        first.file.name
    )
    assert (first.original_name, first.content_type, first.is_current) == ("KTP saya.png", "image/png", True)
    assert len(first.sha256) == 64
    second = services.document_upload(
        application=draft, requirement=ktp, file=pdf_file("ktp.pdf"), actor=citizen
    )
    first.refresh_from_db()
    assert (first.is_current, second.is_current) == (False, True)
    assert second.file.name.endswith(".pdf")
    assert Document.objects.filter(application=draft).count() == 2
    row = last_history(first)
    assert (row.history_user, row.history_change_reason) == (citizen, "berkas diganti")
    row = last_history(second)
    assert row.history_change_reason == "berkas diunggah: Fotokopi KTP-el"


def test_upload_to_someone_elses_application_is_refused(service):
    draft = services.application_create_draft(service=service, applicant=UserFactory())
    ktp, _ = requirements_of(draft)
    with pytest.raises(NotPermitted):
        services.document_upload(application=draft, requirement=ktp, file=png_file(), actor=UserFactory())
    assert not Document.objects.exists()


def test_upload_for_a_requirement_of_another_standard_is_refused(service):
    draft = services.application_create_draft(service=service, applicant=UserFactory())
    other = permit_service()
    foreign = other.standards.get().requirements.first()
    with pytest.raises(ApplicationError, match="bukan bagian dari standar permohonan"):
        services.document_upload(
            application=draft, requirement=foreign, file=png_file(), actor=draft.applicant
        )


# --- Submission -------------------------------------------------------------------------------


def test_submit_lists_everything_missing(service):
    citizen = UserFactory()
    draft = services.application_create_draft(service=service, applicant=citizen)
    with pytest.raises(IncompleteApplication) as refused:
        services.application_submit(application=draft, actor=citizen, delivery_method="pickup")
    assert refused.value.problems == [
        "Isian 'Luas bangunan' wajib diisi.",
        "Isian 'Fungsi bangunan' wajib diisi.",
        "Isian 'Alamat bangunan' wajib diisi.",
        "Berkas 'Fotokopi KTP-el' belum diunggah.",
        "Berkas 'Surat permohonan' belum diunggah.",
    ]
    assert fresh(draft).status == S.DRAFT


def test_submit_allocates_number_and_secret_estimates_the_date_and_sends_the_receipt(
    service, django_capture_on_commit_callbacks
):
    draft = ready_draft(service=service)
    with (
        mock.patch("notifications.tasks.deliver.delay") as delay,
        django_capture_on_commit_callbacks(execute=True) as callbacks,
    ):
        application = services.application_submit(
            application=draft, actor=draft.applicant, delivery_method="drive_through", now=wib(3, 13, 9)
        )
    assert application.status == S.SUBMITTED
    assert application.tracking_number == f"{service.code}-2026-000001"
    assert len(application.tracking_secret) == 8
    assert set(application.tracking_secret) <= set(SECRET_ALPHABET)
    assert application.submitted_at == wib(3, 13, 9)
    # 5 working days from Fri 13 Mar: 16, 17, (18-24 closed), 25, 26, 27 Mar; Friday closes at 11:00.
    assert application.estimated_due_at == wib(3, 27, 11)
    assert application.due_at is None  # the SLA clock starts at berkas lengkap
    assert application.delivery_method == "drive_through"
    row = last_history(application)
    assert (row.history_user, row.history_change_reason, row.status) == (
        draft.applicant,
        "diajukan",
        S.SUBMITTED,
    )
    # The receipt: an inbox row written with the submission, its e-mail queued after commit.
    receipt = Notification.objects.get(recipient=draft.applicant, event="application.received")
    assert application.tracking_secret in receipt.body
    assert "Jumat, 27 Maret 2026" in receipt.body
    assert len(callbacks) == 1
    delay.assert_called_once_with(receipt.deliveries.get(channel="email").pk)


def test_numbers_run_per_service_and_year(service):
    first = submitted_application(service=service, now=wib(12, 30, 9))
    second = submitted_application(service=service, now=wib(12, 31, 9))
    other = submitted_application(service=permit_service(code="SIP"), now=wib(12, 31, 9))
    next_year = submitted_application(service=service, now=wib(1, 4, 9, year=2027))
    assert [
        first.tracking_number,
        second.tracking_number,
        other.tracking_number,
        next_year.tracking_number,
    ] == [
        f"{service.code}-2026-000001",
        f"{service.code}-2026-000002",
        "SIP-2026-000001",
        f"{service.code}-2027-000001",
    ]


def test_courier_delivery_needs_an_address(service):
    draft = ready_draft(service=service)
    with pytest.raises(ApplicationError, match="alamat pengantaran lengkap"):
        services.application_submit(application=draft, actor=draft.applicant, delivery_method="courier")
    application = services.application_submit(
        application=draft,
        actor=draft.applicant,
        delivery_method="courier",
        delivery_address="Jl. Panglima Sudirman 5, RT 2 RW 3, Kel. Tisnonegaran",
    )
    assert application.delivery_address.startswith("Jl. Panglima Sudirman 5")


def test_submitting_twice_is_refused(service):
    draft = ready_draft(service=service)
    submitted = services.application_submit(
        application=draft, actor=draft.applicant, delivery_method="pickup"
    )
    # The stale page still says "draft": the second click is a conflict, not a second number.
    with pytest.raises(ConflictError, match="baru saja diubah oleh orang lain"):
        services.application_submit(application=draft, actor=draft.applicant, delivery_method="pickup")
    with pytest.raises(TransitionNotAllowed, match=r"Permohonan berstatus 'Diajukan' tidak dapat diajukan\."):
        services.application_submit(application=submitted, actor=draft.applicant, delivery_method="pickup")
    assert fresh(draft).tracking_number == submitted.tracking_number


def test_a_draft_is_repinned_at_submission_when_a_new_standard_took_effect(service):
    draft = ready_draft(service=service)
    old = draft.standard
    old.status = ServiceStandard.Status.SUPERSEDED
    old.save()
    new = ServiceStandardFactory(service=service, in_force=True, version=2, time_limit_days=3)
    add_form_fields(new)
    application = services.application_submit(
        application=draft, actor=draft.applicant, delivery_method="pickup"
    )
    assert application.standard == new
    keys = {
        fv.form_field.key: fv.form_field.standard_id
        for fv in application.field_values.select_related("form_field")
    }
    assert set(keys.values()) == {new.pk}
    assert set(
        application.documents.filter(is_current=True).values_list("requirement__standard", flat=True)
    ) == {new.pk}


# --- Processing -------------------------------------------------------------------------------


def test_only_staff_of_the_agency_verify(service):
    application = submitted_application(service=service)
    for intruder in (UserFactory(officer=True), application.applicant, UserFactory(mpp_admin=True)):
        with pytest.raises(NotPermitted, match="Hanya petugas instansi penyelenggara"):
            services.application_verify_complete(application=application, actor=intruder)
    assert fresh(application).status == S.SUBMITTED


def test_verify_starts_the_clock_and_the_steps(service, officer):
    application = submitted_application(service=service, now=wib(3, 13, 9))
    application = services.application_verify_complete(
        application=application, actor=officer, note="berkas asli dicocokkan", now=wib(3, 16, 10)
    )
    assert (application.status, application.clock_started_at) == (S.IN_PROCESS, wib(3, 16, 10))
    assert application.due_at == wib(3, 30, 14)
    assert application.assigned_to == officer
    steps = list(application.steps.order_by("order"))
    # Cumulative durations 1, 4, 5 working days from Mon 16 Mar.
    assert [(s.name, s.due_at) for s in steps] == [
        ("Pemeriksaan kelengkapan berkas", wib(3, 17, 14)),
        ("Verifikasi teknis", wib(3, 27, 11)),
        ("Penandatanganan izin", wib(3, 30, 14)),
    ]
    row = last_history(application)
    assert (row.history_user, row.history_change_reason) == (
        officer,
        "berkas lengkap: berkas asli dicocokkan",
    )
    step_row = StepProgress.history.filter(id=steps[0].pk).get()
    assert (step_row.history_user, step_row.history_change_reason) == (officer, "langkah SOP dimulai")


def test_correction_needs_items_that_belong_to_the_application(service, officer):
    application = submitted_application(service=service)
    with pytest.raises(ApplicationError, match="paling sedikit satu hal"):
        services.application_request_correction(application=application, actor=officer, items=[])
    foreign = permit_service().standards.get().requirements.first()
    with pytest.raises(ApplicationError, match="bukan bagian dari standar permohonan"):
        services.application_request_correction(
            application=application, actor=officer, items=[(foreign, "buram")]
        )
    ktp, _ = requirements_of(application)
    with pytest.raises(ApplicationError, match="harus menyebut apa yang salah"):
        services.application_request_correction(application=application, actor=officer, items=[(ktp, "  ")])


def test_correction_before_verification_and_resubmission_back_to_submitted(
    service, officer, django_capture_on_commit_callbacks
):
    application = submitted_application(service=service, now=wib(3, 2, 9))
    ktp, _ = requirements_of(application)
    fungsi = application.standard.form_fields.get(key="fungsi")
    with (
        mock.patch("notifications.tasks.deliver.delay") as delay,
        django_capture_on_commit_callbacks(execute=True),
    ):
        correction = services.application_request_correction(
            application=application,
            actor=officer,
            items=[
                (ktp, "Foto KTP buram"),
                (fungsi, "Bangunan dipakai untuk toko"),
                (None, "Tanda tangan kurang"),
            ],
            note="cek ulang",
            now=wib(3, 2, 10),
        )
    notice = Notification.objects.get(
        recipient=application.applicant, event="application.correction_requested"
    )
    assert "- Fotokopi KTP-el: Foto KTP buram\n" in notice.body and "- Tanda tangan kurang\n" in notice.body
    delay.assert_called_once_with(notice.deliveries.get().pk)
    application = correction.application
    assert (application.status, application.paused_at) == (S.RETURNED, None)  # the clock had not started
    # 14 working days from Mon 2 Mar: 3-6, 9-13, 16, 17, 25, 26, 27 Mar -> Fri 27 Mar 11:00.
    assert correction.due_at == wib(3, 27, 11)
    assert [(i.requirement, i.form_field, i.message) for i in correction.items.all()] == [
        (ktp, None, "Foto KTP buram"),
        (None, fungsi, "Bangunan dipakai untuk toko"),
        (None, None, "Tanda tangan kurang"),
    ]
    row = last_history(application)
    assert (row.history_user, row.history_change_reason) == (
        officer,
        "dikembalikan untuk perbaikan: cek ulang",
    )

    citizen = application.applicant
    with pytest.raises(IncompleteApplication) as refused:
        services.application_resubmit(application=application, actor=citizen, now=wib(3, 3, 9))
    assert refused.value.problems == [
        "Unggah berkas baru untuk 'Fotokopi KTP-el' (Foto KTP buram).",
        "Perbaiki isian 'Fungsi bangunan' (Bangunan dipakai untuk toko).",
    ]
    services.document_upload(
        application=application, requirement=ktp, file=png_file(), actor=citizen, now=wib(3, 3, 9)
    )
    services.application_save_fields(
        application=application, values={"fungsi": "usaha"}, actor=citizen, now=wib(3, 3, 9)
    )
    application = services.application_resubmit(application=application, actor=citizen, now=wib(3, 3, 10))
    assert application.status == S.SUBMITTED
    assert application.clock_started_at is None
    correction.refresh_from_db()
    assert correction.resolved_at == wib(3, 3, 10)
    row = last_history(application)
    assert (row.history_user, row.history_change_reason) == (citizen, "diajukan ulang setelah perbaikan")


def test_general_correction_items_need_at_least_one_change(service, officer):
    application = submitted_application(service=service, now=wib(3, 2, 9))
    correction = services.application_request_correction(
        application=application, actor=officer, items=[(None, "Lengkapi berkas")], now=wib(3, 2, 10)
    )
    application = correction.application
    with pytest.raises(IncompleteApplication, match="Belum ada isian atau berkas yang diperbaiki"):
        services.application_resubmit(application=application, actor=application.applicant, now=wib(3, 3, 9))


def test_steps_are_completed_in_order_by_the_responsible_role(service, officer, supervisor):
    application = in_process_application(service=service, officer=officer)
    first, second, head = application.steps.order_by("order")
    with pytest.raises(ApplicationError, match="Selesaikan dulu langkah 'Pemeriksaan kelengkapan berkas'"):
        services.step_complete(application=application, step_progress=second, actor=officer)
    done = services.step_complete(
        application=application, step_progress=first, actor=officer, note="lengkap", now=wib(3, 17, 9)
    )
    assert (done.completed_at, done.completed_by, done.note) == (wib(3, 17, 9), officer, "lengkap")
    row = last_history(done)
    assert (row.history_user, row.history_change_reason) == (
        officer,
        "langkah selesai: Pemeriksaan kelengkapan berkas: lengkap",
    )
    with pytest.raises(ConflictError, match="sudah diselesaikan"):
        services.step_complete(application=application, step_progress=first, actor=officer)
    services.step_complete(application=application, step_progress=second, actor=officer)
    with pytest.raises(NotPermitted, match="tanggung jawab Kepala instansi"):
        services.step_complete(application=application, step_progress=head, actor=officer)
    services.step_complete(application=application, step_progress=head, actor=supervisor)
    assert not application.steps.filter(completed_at__isnull=True).exists()


def test_steps_wait_while_the_application_is_returned(service, officer):
    application = in_process_application(service=service, officer=officer)
    ktp, _ = requirements_of(application)
    correction = services.application_request_correction(
        application=application, actor=officer, items=[(ktp, "buram")]
    )
    step = correction.application.steps.order_by("order").first()
    with pytest.raises(
        ApplicationError, match="hanya dapat diselesaikan saat permohonan berstatus 'Diproses'"
    ):
        services.step_complete(application=correction.application, step_progress=step, actor=officer)


def complete_all_steps(application, supervisor):
    for step in application.steps.order_by("order"):
        services.step_complete(application=application, step_progress=step, actor=supervisor)


def test_approve_needs_every_step_and_tells_the_applicant(
    service, officer, supervisor, django_capture_on_commit_callbacks
):
    application = in_process_application(service=service, officer=officer)
    with pytest.raises(
        ApplicationError, match="Belum semua langkah SOP selesai: Pemeriksaan kelengkapan berkas"
    ):
        services.application_approve(application=application, actor=supervisor)
    complete_all_steps(application, supervisor)
    with (
        mock.patch("notifications.tasks.deliver.delay") as delay,
        django_capture_on_commit_callbacks(execute=True),
    ):
        approved = services.application_approve(
            application=application, actor=supervisor, note="sesuai", now=wib(3, 27, 9)
        )
    notice = Notification.objects.get(
        recipient=application.applicant, event="application.status_changed", title__endswith="Disetujui"
    )
    delay.assert_called_once_with(notice.deliveries.get().pk)
    assert (approved.status, approved.decided_at, approved.deemed_approved) == (
        S.APPROVED,
        wib(3, 27, 9),
        False,
    )
    row = last_history(approved)
    assert (row.history_user, row.history_change_reason) == (supervisor, "disetujui: sesuai")


def test_reject_needs_a_reason_that_the_citizen_will_see(service, officer):
    application = submitted_application(service=service)
    with pytest.raises(ApplicationError, match="Tuliskan alasan penolakan"):
        services.application_reject(application=application, actor=officer, reason="tidak")
    reason = "Persyaratan 2 (surat permohonan) tidak ditandatangani pemohon, Perwali 12/2024 pasal 5."
    rejected = services.application_reject(application=application, actor=officer, reason=reason)
    assert (rejected.status, rejected.rejection_reason) == (S.REJECTED, reason)
    row = last_history(rejected)
    assert (row.history_user, row.history_change_reason) == (officer, f"ditolak: {reason}")


def test_issue_only_after_approval(service, officer, supervisor):
    application = in_process_application(service=service, officer=officer)
    with pytest.raises(
        TransitionNotAllowed, match=r"Permohonan berstatus 'Diproses' tidak dapat diterbitkan\."
    ):
        services.application_issue(application=application, actor=officer)
    complete_all_steps(application, supervisor)
    approved = services.application_approve(application=application, actor=supervisor)
    issued = services.application_issue(application=approved, actor=officer, now=wib(3, 30, 9))
    assert (issued.status, issued.issued_at) == (S.ISSUED, wib(3, 30, 9))
    row = last_history(issued)
    assert (row.history_user, row.history_change_reason) == (officer, "diterbitkan")


def test_the_applicant_withdraws_before_a_decision_but_not_after(service, officer, supervisor):
    application = in_process_application(service=service, officer=officer)
    with pytest.raises(NotPermitted):
        services.application_withdraw(application=application, actor=officer)
    withdrawn = services.application_withdraw(
        application=application, actor=application.applicant, reason="pindah"
    )
    assert withdrawn.status == S.WITHDRAWN
    row = last_history(withdrawn)
    assert (row.history_user, row.history_change_reason) == (
        application.applicant,
        "dibatalkan oleh pemohon: pindah",
    )

    decided = in_process_application(service=service, officer=officer)
    complete_all_steps(decided, supervisor)
    decided = services.application_approve(application=decided, actor=supervisor)
    with pytest.raises(TransitionNotAllowed, match="'Disetujui' tidak dapat dibatalkan"):
        services.application_withdraw(application=decided, actor=decided.applicant)


def test_claim_and_assign(service, officer, supervisor):
    application = submitted_application(service=service)
    colleague = UserFactory(officer=True, agency=service.agency)
    claimed = services.application_claim(application=application, actor=officer)
    assert claimed.assigned_to == officer
    assert last_history(claimed).history_change_reason == "diambil untuk ditangani"
    with pytest.raises(ConflictError, match="sudah ditangani oleh"):
        services.application_claim(application=application, actor=colleague)
    with pytest.raises(NotPermitted, match="Hanya supervisor"):
        services.application_assign(application=application, actor=officer, assignee=colleague)
    with pytest.raises(ApplicationError, match="petugas instansi yang sama"):
        services.application_assign(
            application=application, actor=supervisor, assignee=UserFactory(officer=True)
        )
    assigned = services.application_assign(application=application, actor=supervisor, assignee=colleague)
    assert assigned.assigned_to == colleague
    row = last_history(assigned)
    assert (row.history_user, row.history_change_reason) == (
        supervisor,
        f"ditugaskan kepada {colleague.full_name}",
    )


def test_deemed_approved_only_for_flagged_services_past_the_deadline(service, officer, monkeypatch):
    application = in_process_application(service=service, officer=officer, now=wib(3, 16, 10))
    with pytest.raises(ApplicationError, match="tidak menerapkan fiktif positif"):
        services.application_mark_deemed_approved(application=application, now=wib(4, 1, 9))
    monkeypatch.setattr(services, "service_is_fiktif_positif", lambda service: True)
    with pytest.raises(ApplicationError, match="belum lewat"):
        services.application_mark_deemed_approved(application=application, now=wib(3, 30, 13))
    deemed = services.application_mark_deemed_approved(application=application, now=wib(3, 30, 14, 1))
    assert (deemed.status, deemed.deemed_approved, deemed.decided_at) == (S.APPROVED, True, wib(3, 30, 14, 1))
    row = last_history(deemed)
    assert row.history_user is None
    assert row.history_change_reason.startswith("dianggap disetujui (fiktif positif)")


def test_a_returned_application_lapses_after_the_correction_deadline(service, officer):
    application = submitted_application(service=service, now=wib(3, 2, 9))
    correction = services.application_request_correction(
        application=application, actor=officer, items=[(None, "Lengkapi")], now=wib(3, 2, 10)
    )
    assert services.applications_lapse_expired(now=wib(3, 27, 10)) == 0
    assert services.applications_lapse_expired(now=wib(3, 27, 11, 1)) == 1
    lapsed = fresh(correction.application)
    assert lapsed.status == S.LAPSED
    assert last_history(lapsed).history_change_reason.startswith("kedaluwarsa")
    assert CorrectionRequest.objects.get().resolved_at is None


def test_a_service_sets_its_own_correction_time(service, officer):
    from agencies.selectors import work_calendar

    service.correction_days = 5
    service.save(update_fields=["correction_days"])
    application = submitted_application(service=service, now=wib(3, 2, 9))
    correction = services.application_request_correction(
        application=application, actor=officer, items=[(None, "Lengkapi")], now=wib(3, 2, 10)
    )
    assert correction.due_at == work_calendar().deadline_after(wib(3, 2, 10), 5)
    assert correction.due_at < work_calendar().deadline_after(wib(3, 2, 10), 14)


def test_a_service_without_automatic_lapse_leaves_the_decision_to_staff(service, officer):
    service.lapse_on_expired_correction = False
    service.save(update_fields=["lapse_on_expired_correction"])
    application = submitted_application(service=service, now=wib(3, 2, 9))
    correction = services.application_request_correction(
        application=application, actor=officer, items=[(None, "Lengkapi")], now=wib(3, 2, 10)
    )
    assert services.applications_lapse_expired(now=wib(4, 30, 10)) == 0
    with pytest.raises(ApplicationError, match="petugas yang memutuskan"):
        services.application_lapse(application=correction.application, now=wib(4, 30, 10))
    assert fresh(correction.application).status == S.RETURNED

"""Reads: who sees which application, the staff worklist (filters, order, query count), the
public tracking lookup and the timeline."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from permits import services
from permits.models import Application
from permits.selectors import (
    WorklistFilters,
    application_for_user,
    application_timeline,
    applications_for_citizen,
    track_lookup,
    worklist,
)
from tests.factories import AgencyFactory, MppProfileFactory, ServiceFactory, UserFactory
from tests.permits.factories import (
    ApplicationFactory,
    in_process_application,
    permit_service,
    png_file,
    requirements_of,
    submitted_application,
)

pytestmark = pytest.mark.django_db
S = Application.Status
WIB = ZoneInfo("Asia/Jakarta")


def wib(month, day, hour, minute=0):
    return datetime(2026, month, day, hour, minute, tzinfo=WIB)


@pytest.fixture(autouse=True)
def _mpp():
    MppProfileFactory()


def numbers(queryset):
    return [a.tracking_number for a in queryset]


# --- Scoping ----------------------------------------------------------------------------------


def test_citizens_list_their_own_applications_newest_first(django_assert_num_queries):
    citizen = UserFactory()
    older = ApplicationFactory(applicant=citizen, submitted=True)
    newer = ApplicationFactory(applicant=citizen)
    ApplicationFactory(submitted=True)  # someone else's
    with django_assert_num_queries(1):
        rows = [(a.pk, a.service.name, a.agency.name) for a in applications_for_citizen(citizen)]
    assert [pk for pk, *_ in rows] == [newer.pk, older.pk]


def test_worklist_is_scoped_to_the_agency_and_hides_drafts():
    agency = AgencyFactory()
    mine = ApplicationFactory(service=ServiceFactory(agency=agency), submitted=True)
    ApplicationFactory(service=mine.service)  # a citizen's draft
    theirs = ApplicationFactory(submitted=True)
    officer = UserFactory(officer=True, agency=agency)
    assert list(worklist(officer)) == [mine]
    assert set(worklist(UserFactory(mpp_admin=True))) == {mine, theirs}
    assert list(worklist(UserFactory())) == []


def test_application_detail_is_for_the_applicant_and_the_agency_only(django_assert_max_num_queries):
    service = permit_service()
    application = submitted_application(service=service)
    officer = UserFactory(officer=True, agency=service.agency)
    with django_assert_max_num_queries(6):
        loaded = application_for_user(application.pk, application.applicant)
        assert [d.requirement.name for d in loaded.current_documents] == [
            "Fotokopi KTP-el",
            "Surat permohonan",
        ]
        assert [fv.form_field.key for fv in loaded.field_values.all()] == [
            "luas_bangunan",
            "fungsi",
            "alamat_bangunan",
        ]
    assert application_for_user(application.pk, officer) == application
    assert application_for_user(application.pk, UserFactory(mpp_admin=True)) == application
    for outsider in (UserFactory(), UserFactory(officer=True), UserFactory(supervisor=True)):
        with pytest.raises(PermissionDenied):
            application_for_user(application.pk, outsider)
    with pytest.raises(Application.DoesNotExist):
        application_for_user(application.pk + 1000, application.applicant)


def test_staff_do_not_see_a_citizens_draft_unless_they_are_filing_it():
    service = permit_service()
    officer = UserFactory(officer=True, agency=service.agency)
    own_draft = services.application_create_draft(service=service, applicant=UserFactory())
    assisted = services.application_create_draft(
        service=service, applicant=UserFactory(), assisted_by=officer, consent_note="setuju"
    )
    with pytest.raises(PermissionDenied):
        application_for_user(own_draft.pk, officer)
    assert application_for_user(assisted.pk, officer) == assisted


# --- Worklist ---------------------------------------------------------------------------------


@pytest.fixture
def agency_setup():
    agency = AgencyFactory()
    pbg = ServiceFactory(agency=agency, code="PBG")
    slo = ServiceFactory(agency=agency, code="SLO")
    officer = UserFactory(officer=True, agency=agency)
    return agency, pbg, slo, officer


def test_worklist_orders_by_deadline_then_submission_and_no_deadline_last(agency_setup):
    _agency, pbg, _slo, officer = agency_setup
    now = timezone.now()
    late = ApplicationFactory(service=pbg, in_process=True, due_at=now + timedelta(days=5))
    soon = ApplicationFactory(service=pbg, in_process=True, due_at=now + timedelta(days=1))
    waiting_new = ApplicationFactory(service=pbg, submitted=True, submitted_at=now - timedelta(hours=1))
    waiting_old = ApplicationFactory(service=pbg, submitted=True, submitted_at=now - timedelta(days=2))
    ApplicationFactory(service=pbg, issued=True)  # closed: not in the default list
    assert list(worklist(officer)) == [soon, late, waiting_old, waiting_new]
    assert len(worklist(officer, WorklistFilters(status="all"))) == 5


def test_worklist_filters(agency_setup):
    _agency, pbg, slo, officer = agency_setup
    colleague = UserFactory(officer=True, agency=officer.agency)
    now = wib(3, 16, 9)  # Monday
    overdue = ApplicationFactory(service=pbg, in_process=True, due_at=wib(3, 13, 11), assigned_to=officer)
    today = ApplicationFactory(service=pbg, in_process=True, due_at=wib(3, 16, 14), assigned_to=colleague)
    in_two_days = ApplicationFactory(service=slo, in_process=True, due_at=wib(3, 17, 14))
    after_holidays = ApplicationFactory(service=slo, in_process=True, due_at=wib(3, 25, 14))
    returned = ApplicationFactory(service=slo, returned=True)

    def run(**kwargs):
        return set(worklist(officer, WorklistFilters(**kwargs), now=now))

    assert run(status="returned") == {returned}
    assert run(service="slo") == {in_two_days, after_holidays, returned}
    assert run(overdue=True) == {overdue}
    assert run(due_within_days=0) == {today}
    assert run(due_within_days=1) == {today, in_two_days}
    # 18-24 Mar are closed: 25 Mar is the second working day after Mon 16 Mar.
    assert run(due_within_days=2) == {today, in_two_days, after_holidays}
    assert run(assigned_to_me=True) == {overdue}
    assert run(unassigned=True) == {in_two_days, after_holidays, returned}


def test_unassigned_is_open_work_to_claim_never_a_closed_application(agency_setup, django_assert_num_queries):
    _agency, pbg, _slo, officer = agency_setup
    waiting = ApplicationFactory(service=pbg, submitted=True)
    ApplicationFactory(service=pbg, withdrawn=True)  # withdrawn before anyone claimed it
    ApplicationFactory(service=pbg, issued=True)

    assert set(worklist(officer, WorklistFilters(unassigned=True, status="all"))) == {waiting}
    assert set(worklist(officer, WorklistFilters(unassigned=True, status="submitted"))) == {waiting}
    with django_assert_num_queries(0):  # a closed status is never unassigned work: no query
        assert list(worklist(officer, WorklistFilters(unassigned=True, status="withdrawn"))) == []


def test_worklist_search_by_tracking_number_or_applicant_name(agency_setup):
    _agency, pbg, _slo, officer = agency_setup
    siti = ApplicationFactory(
        service=pbg,
        submitted=True,
        tracking_number="PBG-2026-000123",
        applicant=UserFactory(full_name="Siti Aminah"),
    )
    budi = ApplicationFactory(
        service=pbg,
        submitted=True,
        tracking_number="PBG-2026-000124",
        applicant=UserFactory(full_name="Budi Santoso"),
    )
    other_year = ApplicationFactory(service=pbg, submitted=True, tracking_number="PBG-2025-000001")

    def search(q):
        return set(worklist(officer, WorklistFilters(q=q)))

    assert search("pbg-2026-000123") == {siti}
    assert search(" PBG-2026-00012") == {siti, budi}
    assert search("PBG-2025") == {other_year}
    assert search("aminah") == {siti}
    assert search("PBG") == {siti, budi, other_year}
    assert search("tidak ada") == set()


def test_worklist_costs_one_query_whatever_the_page_size(agency_setup, django_assert_num_queries):
    _agency, pbg, slo, officer = agency_setup
    for _ in range(3):
        ApplicationFactory(service=pbg, in_process=True, assigned_to=officer)
        ApplicationFactory(service=slo, submitted=True)

    def render(limit):
        return [
            (
                a.tracking_number,
                a.service.name,
                a.agency.short_name,
                a.applicant.full_name,
                str(a.assigned_to),
            )
            for a in worklist(officer)[:limit]
        ]

    with django_assert_num_queries(1):
        assert len(render(2)) == 2
    for index in range(20):
        ApplicationFactory(service=slo if index % 2 else pbg, in_process=True, assigned_to=officer)
    with django_assert_num_queries(1):
        assert len(render(25)) == 25


# --- Tracking ---------------------------------------------------------------------------------


def test_track_lookup_needs_the_number_and_the_secret():
    application = ApplicationFactory(
        submitted=True, tracking_number="PBG-2026-000123", tracking_secret="K7M2QX9P"
    )
    assert track_lookup("PBG-2026-000123", "K7M2QX9P") == application
    assert track_lookup(" pbg-2026-000123 ", "k7m2-qx9p") == application  # as people type it
    assert track_lookup("PBG-2026-000123", "K7M2QX9Q") is None
    assert track_lookup("PBG-2026-000123", "") is None
    assert track_lookup("PBG-2026-000124", "K7M2QX9P") is None
    assert track_lookup("", "") is None
    assert track_lookup("X" * 500, "K7M2QX9P") is None


# --- Timeline ---------------------------------------------------------------------------------


def test_timeline_in_full_for_staff_and_in_public_wording_for_citizens():
    service = permit_service()
    officer = UserFactory(officer=True, agency=service.agency, full_name="Petugas Andi")
    supervisor = UserFactory(supervisor=True, agency=service.agency, full_name="Supervisor Rina")
    citizen = UserFactory(full_name="Siti Aminah")
    application = submitted_application(service=service, applicant=citizen, now=wib(3, 13, 9))
    application = services.application_verify_complete(
        application=application, actor=officer, note="asli dicocokkan", now=wib(3, 16, 10)
    )
    ktp, _ = requirements_of(application)
    correction = services.application_request_correction(
        application=application,
        actor=officer,
        items=[(ktp, "buram")],
        note="catatan internal",
        now=wib(3, 17, 10),
    )
    services.document_upload(
        application=application, requirement=ktp, file=png_file(), actor=citizen, now=wib(3, 23, 9)
    )
    application = services.application_resubmit(
        application=correction.application, actor=citizen, now=wib(3, 25, 10)
    )
    first = application.steps.order_by("order").first()
    services.step_complete(
        application=application, step_progress=first, actor=officer, note="cek lapangan", now=wib(3, 25, 11)
    )
    reason = "Persyaratan KTP tidak sesuai identitas pemohon (Perwali 12/2024 pasal 5)."
    services.application_reject(application=application, actor=supervisor, reason=reason, now=wib(3, 26, 9))

    staff = [(e.at, e.title, e.actor, e.reason) for e in application_timeline(application, public=False)]
    assert staff[1:] == [
        (wib(3, 13, 9), "Permohonan diajukan", "Siti Aminah", "diajukan"),
        (
            wib(3, 16, 10),
            "Berkas lengkap, permohonan diproses",
            "Petugas Andi",
            "berkas lengkap: asli dicocokkan",
        ),
        (
            wib(3, 17, 10),
            "Dikembalikan untuk perbaikan",
            "Petugas Andi",
            "dikembalikan untuk perbaikan: catatan internal",
        ),
        (
            wib(3, 25, 10),
            "Diajukan ulang setelah perbaikan, proses dilanjutkan",
            "Siti Aminah",
            "diajukan ulang setelah perbaikan",
        ),
        (wib(3, 25, 11), "Langkah selesai: Pemeriksaan kelengkapan berkas", "Petugas Andi", "cek lapangan"),
        (wib(3, 26, 9), "Permohonan ditolak", "Supervisor Rina", f"ditolak: {reason}"),
    ]
    assert staff[0][1:3] == ("Draf dibuat", "Siti Aminah")

    public = [(e.title, e.actor, e.reason) for e in application_timeline(application, public=True)]
    assert public == [
        ("Draf dibuat", "Pemohon", ""),
        ("Permohonan diajukan", "Pemohon", ""),
        ("Berkas lengkap, permohonan diproses", "Petugas", ""),
        ("Dikembalikan untuk perbaikan", "Petugas", ""),
        ("Diajukan ulang setelah perbaikan, proses dilanjutkan", "Pemohon", ""),
        ("Langkah selesai: Pemeriksaan kelengkapan berkas", "Petugas", ""),
        ("Permohonan ditolak", "Petugas", reason),
    ]
    flat = repr(public)
    assert (
        "Andi" not in flat
        and "Rina" not in flat
        and "catatan internal" not in flat
        and "cek lapangan" not in flat
    )


def test_timeline_shows_assignment_to_staff_only():
    service = permit_service()
    officer = UserFactory(officer=True, agency=service.agency)
    application = in_process_application(service=service, officer=officer)
    supervisor = UserFactory(supervisor=True, agency=service.agency)
    colleague = UserFactory(officer=True, agency=service.agency, full_name="Petugas Budi")
    services.application_assign(application=application, actor=supervisor, assignee=colleague)
    staff_titles = [e.title for e in application_timeline(application, public=False)]
    public_titles = [e.title for e in application_timeline(application, public=True)]
    assert "Penanganan dialihkan" in staff_titles
    assert "Penanganan dialihkan" not in public_titles

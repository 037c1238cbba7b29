"""The ormas register's writes: the entry made by issuing the SKT, reports, reminders, revocation."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from mpp.errors import ConflictError, DomainError
from notifications.models import Notification
from organisations import services
from organisations.models import ActivityReport, Organisation
from permits.models import Application, Permit
from tests.factories import UserFactory
from tests.organisations.conftest import ORG_VALUES, register, wib
from tests.permits.factories import pdf_file, png_file

pytestmark = pytest.mark.django_db


def test_issuing_the_skt_writes_the_register_entry(organisation, officer):
    permit = Permit.objects.get(application=organisation.application)
    assert organisation.name == ORG_VALUES["nama_ormas"]
    assert organisation.legal_form == Organisation.LegalForm.UNINCORPORATED
    assert organisation.certificate_number == permit.number
    assert organisation.valid_from == dt.date(2026, 3, 2)
    # No end date given at issuance: the SKT's 5 years.
    assert organisation.valid_until == dt.date(2031, 3, 1)
    assert organisation.account_id == organisation.application.applicant_id
    officials = {o.position: (o.name, o.term_end) for o in organisation.officials.all()}
    assert officials["ketua"] == ("Siti Aminah", dt.date(2030, 12, 31))
    assert set(officials) == {"ketua", "sekretaris", "bendahara"}
    history = organisation.history.first()
    assert history.history_user == officer
    assert permit.number in history.history_change_reason


def test_reports_are_owed_every_six_months_due_thirty_days_later_on_a_working_day(organisation):
    reports = list(organisation.reports.order_by("period_start"))
    assert len(reports) == 10  # five years of semesters
    first = reports[0]
    assert (first.period_start, first.period_end) == (dt.date(2026, 3, 2), dt.date(2026, 9, 1))
    # 1 Oct 2026 is a Thursday (Hari Kesaktian Pancasila is not a holiday): due that day.
    assert first.due_date == dt.date(2026, 10, 1)
    assert all(r.due_date.weekday() < 5 for r in reports)


def test_registering_again_renews_the_same_entry(ormas_service, officer, supervisor, organisation):
    applicant = organisation.account
    values = {**ORG_VALUES, "nama_ketua": "Rudi Hartono"}
    register(
        service=ormas_service,
        officer=officer,
        supervisor=supervisor,
        applicant=applicant,
        values=values,
        now=wib(2026, 6, 1),
    )
    assert Organisation.objects.count() == 1
    organisation.refresh_from_db()
    assert organisation.valid_from == dt.date(2026, 6, 1)
    assert organisation.registered_on == dt.date(2026, 3, 2)
    assert organisation.officials.get(position="ketua").name == "Rudi Hartono"
    assert organisation.officials.count() == 3


def test_missing_organisation_data_keeps_the_application_unissued(ormas_service, officer, supervisor):
    values = {**ORG_VALUES, "nama_ketua": ""}
    # nama_ketua is required by the form too, so make it optional to reach issuance.
    ormas_service.standards.get().form_fields.filter(key="nama_ketua").update(required=False)
    with pytest.raises(DomainError, match="nama_ketua"):
        register(service=ormas_service, officer=officer, supervisor=supervisor, values=values)
    application = Application.objects.get()
    assert application.status == Application.Status.APPROVED
    assert not Permit.objects.exists()
    assert not Organisation.objects.exists()


def _submit(report, actor, **overrides):
    kwargs = {
        "report": report,
        "actor": actor,
        "summary": "Latihan rutin Jaran Bodhag tiap Minggu dan pentas di Alun-alun pada HUT Kota.",
        "activity_count": 12,
        "member_count": 40,
        "funding_sources": "Iuran anggota",
        "file": pdf_file("laporan.pdf"),
        "now": wib(2026, 9, 10),
    }
    kwargs.update(overrides)
    return services.activity_report_submit(**kwargs)


def test_the_account_submits_a_report_after_its_period(organisation):
    report = organisation.reports.order_by("period_start").first()
    _submit(report, organisation.account)
    report.refresh_from_db()
    assert report.submitted_at == wib(2026, 9, 10)
    assert report.document.read().startswith(b"%PDF")
    assert report.document_name == "laporan.pdf"
    history = report.history.first()
    assert (history.history_user, history.history_change_reason) == (
        organisation.account,
        "laporan disampaikan",
    )


def test_a_late_report_says_so_in_its_history(organisation):
    report = organisation.reports.order_by("period_start").first()
    _submit(report, organisation.account, now=wib(2026, 10, 20))
    assert report.history.first().history_change_reason == "laporan disampaikan terlambat"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"now": wib(2026, 8, 1)}, "setelah periodenya berakhir"),
        ({"summary": "singkat"}, "ringkasan kegiatan"),
        ({"file": png_file("foto.png")}, "hanya menerima berkas PDF"),
        ({"file": SimpleUploadedFile("x.pdf", b"MZ\x90\x00", "application/pdf")}, "program atau skrip"),
    ],
)
def test_bad_reports_are_refused_and_change_nothing(organisation, overrides, message):
    report = organisation.reports.order_by("period_start").first()
    with pytest.raises(DomainError, match=message):
        _submit(report, organisation.account, **overrides)
    report.refresh_from_db()
    assert report.submitted_at is None and not report.document


def test_only_the_organisations_account_submits_and_only_once(organisation):
    report = organisation.reports.order_by("period_start").first()
    with pytest.raises(services.NotPermitted):
        _submit(report, UserFactory())
    _submit(report, organisation.account)
    with pytest.raises(ConflictError):
        _submit(report, organisation.account)


def test_reminders_go_once_before_the_due_date_and_once_when_late(organisation):
    account = organisation.account
    assert services.reports_send_reminders(now=wib(2026, 9, 1)) == 0  # period still running
    assert services.reports_send_reminders(now=wib(2026, 9, 20)) == 1  # due 1 Oct, within 14 days
    assert services.reports_send_reminders(now=wib(2026, 9, 21)) == 0
    assert services.reports_send_reminders(now=wib(2026, 10, 5)) == 1  # late
    assert services.reports_send_reminders(now=wib(2026, 10, 6)) == 0
    # The registration itself (received, file complete, permit issued) also told the account.
    events = Notification.objects.filter(recipient=account, event__startswith="ormas.")
    assert sorted(events.values_list("event", flat=True)) == ["ormas.report_due", "ormas.report_late"]
    due = Notification.objects.get(event="ormas.report_due")
    assert "Paguyuban Seni Jaran Bodhag" in due.title
    assert due.link == f"/ormas/akun/laporan/{organisation.reports.order_by('period_start').first().pk}/"


def test_a_rerun_skips_claimed_reports_without_calling_notify(organisation):
    from unittest import mock

    assert services.reports_send_reminders(now=wib(2026, 10, 5)) == 1
    report = organisation.reports.order_by("period_start").first()
    assert report.late_reminder_sent_at == wib(2026, 10, 5)
    with mock.patch.object(services, "notify") as notify:
        assert services.reports_send_reminders(now=wib(2026, 10, 6)) == 0
    notify.assert_not_called()


def test_a_submitted_report_is_not_reminded(organisation):
    report = organisation.reports.order_by("period_start").first()
    _submit(report, organisation.account)
    assert services.reports_send_reminders(now=wib(2026, 10, 5)) == 0


def test_a_supervisor_revokes_the_registration_and_its_skt(organisation, officer, supervisor):
    with pytest.raises(services.NotPermitted):
        services.organisation_revoke(
            organisation=organisation, actor=officer, reason="Pelanggaran UU 17/2013."
        )
    with pytest.raises(DomainError):
        services.organisation_revoke(organisation=organisation, actor=supervisor, reason="x")
    services.organisation_revoke(
        organisation=organisation,
        actor=supervisor,
        reason="Pelanggaran UU 17/2013 Pasal 59.",
        now=wib(2026, 9, 1),
    )
    organisation.refresh_from_db()
    assert organisation.status == Organisation.Status.REVOKED
    permit = Permit.objects.get(application=organisation.application)
    assert permit.revoked_at is not None and "Pasal 59" in permit.revoke_reason
    assert organisation.history.first().history_user == supervisor
    assert services.reports_send_reminders(now=wib(2026, 10, 5)) == 0
    with pytest.raises(ConflictError):
        services.organisation_revoke(
            organisation=organisation, actor=supervisor, reason="Pelanggaran lain lagi."
        )


def test_supervisor_of_another_agency_cannot_revoke(organisation):
    with pytest.raises(services.NotPermitted):
        services.organisation_revoke(
            organisation=organisation, actor=UserFactory(supervisor=True), reason="Pelanggaran UU 17/2013."
        )


def test_status_follows_validity(organisation):
    assert organisation.status_on(dt.date(2031, 3, 1)) == Organisation.Status.ACTIVE
    assert organisation.status_on(dt.date(2031, 3, 2)) == Organisation.Status.EXPIRED


def test_report_rows_are_unique_per_period(organisation):
    assert (
        ActivityReport.objects.filter(organisation=organisation).values("period_start").distinct().count()
        == 10
    )


def test_the_database_keeps_one_entry_per_name_and_account(organisation):
    from django.db import IntegrityError, transaction

    twin = Organisation.objects.get(pk=organisation.pk)
    twin.pk = None
    twin.name = organisation.name.upper()
    twin.certificate_number = "503/SKT-ORMAS/9/425.110/2026"
    with pytest.raises(IntegrityError), transaction.atomic():
        twin.save()

"""Ormas pages: the public register, the account's reports, the agency's overview; who sees what."""

import datetime as dt
from unittest import mock

import pytest
from django.urls import reverse

from organisations import services
from organisations.models import Organisation
from tests.factories import AgencyFactory, UserFactory
from tests.organisations.conftest import ORG_VALUES, register, wib
from tests.permits.factories import pdf_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def _november():
    with mock.patch("django.utils.timezone.now", return_value=wib(2026, 11, 23, 10)):
        yield


@pytest.fixture
def _september():
    with mock.patch("django.utils.timezone.now", return_value=wib(2026, 9, 10, 10)):
        yield


@pytest.fixture
def three_organisations(ormas_service, officer, supervisor, organisation):
    second = register(
        service=ormas_service,
        officer=officer,
        supervisor=supervisor,
        values={
            **ORG_VALUES,
            "nama_ormas": "Forum Komunikasi Pemuda Mayangan",
            "bidang_kegiatan": "Kepemudaan",
        },
        valid_until=dt.date(2026, 6, 30),
    )
    third = register(
        service=ormas_service,
        officer=officer,
        supervisor=supervisor,
        values={
            **ORG_VALUES,
            "nama_ormas": "Lembaga Peduli Lingkungan Kedopok",
            "bidang_kegiatan": "Lingkungan",
        },
    )
    revoked = Organisation.objects.get(application=third)
    services.organisation_revoke(organisation=revoked, actor=supervisor, reason="Tidak melapor dua periode.")
    return organisation, Organisation.objects.get(application=second), revoked


@pytest.mark.usefixtures("_november")
def test_public_register_searches_and_filters_by_status(
    client, three_organisations, django_assert_max_num_queries
):
    url = reverse("organisations:register")
    with django_assert_max_num_queries(4):
        response = client.get(url)
    page = response.content.decode()
    assert "3 organisasi" in page
    assert (
        page.count("badge-success") == 1
        and page.count("badge-danger") == 1
        and page.count("badge-warning") == 1
    )
    page = client.get(url, {"q": "pemuda"}).content.decode()
    assert "Forum Komunikasi Pemuda Mayangan" in page and "Jaran Bodhag" not in page
    assert "Kedaluwarsa" in page
    page = client.get(url, {"status": "revoked"}).content.decode()
    assert "Lembaga Peduli Lingkungan Kedopok" in page and "Forum" not in page
    partial = client.get(url, {"q": "lingkungan"}, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in partial and "Kedopok" in partial


def test_detail_shows_officials_and_revocation(client, three_organisations):
    revoked = three_organisations[2]
    page = client.get(reverse("organisations:detail", args=[revoked.pk])).content.decode()
    assert "Tidak melapor dua periode." in page
    assert "Ketua: Siti Aminah" in page


def test_the_account_sees_only_its_organisations(client, organisation):
    client.force_login(organisation.account)
    page = client.get(reverse("organisations:mine")).content.decode()
    assert organisation.name in page
    other = UserFactory()
    client.force_login(other)
    page = client.get(reverse("organisations:mine")).content.decode()
    assert organisation.name not in page
    report = organisation.reports.first()
    assert client.get(reverse("organisations:report_submit", args=[report.pk])).status_code == 404


def test_staff_cannot_use_the_citizen_report_form(client, organisation, officer):
    client.force_login(officer)
    report = organisation.reports.first()
    assert client.get(reverse("organisations:report_submit", args=[report.pk])).status_code == 403


@pytest.mark.usefixtures("_september")
def test_report_form_submits_and_shows_errors(client, organisation):
    client.force_login(organisation.account)
    report = organisation.reports.order_by("period_start").first()
    url = reverse("organisations:report_submit", args=[report.pk])
    data = {"summary": "pendek", "activity_count": "3", "member_count": "40", "funding_sources": ""}
    response = client.post(url, {**data, "document": pdf_file()})
    assert response.status_code == 400
    assert "paling sedikit 20 karakter" in response.content.decode()
    data["summary"] = "Latihan rutin setiap Minggu dan pentas di Alun-alun Kota Probolinggo."
    response = client.post(url, {**data, "document": pdf_file()})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.submitted_at is not None
    page = client.get(reverse("organisations:mine")).content.decode()
    assert "disampaikan 10 September 2026" in page


def test_report_document_is_for_the_account_and_the_agency_only(client, organisation, officer):
    report = organisation.reports.order_by("period_start").first()
    _ = services.activity_report_submit(
        report=report,
        actor=organisation.account,
        summary="Latihan rutin setiap Minggu dan pentas di Alun-alun.",
        activity_count=3,
        member_count=40,
        funding_sources="",
        file=pdf_file(),
        now=wib(2026, 9, 10),
    )
    url = reverse("organisations:report_document", args=[report.pk])
    for user, status in [
        (organisation.account, 200),
        (officer, 200),
        (UserFactory(), 404),
        (UserFactory(officer=True), 404),
    ]:
        client.force_login(user)
        assert client.get(url).status_code == status, user


@pytest.mark.usefixtures("_november")
def test_agency_overview_lists_late_reports_of_its_own_agency(
    client, three_organisations, officer, django_assert_max_num_queries
):
    client.force_login(officer)
    with django_assert_max_num_queries(10):
        page = client.get(reverse("organisations:staff")).content.decode()
    # The active and the expired registration owe their first report; the revoked one owes nothing.
    assert "2 laporan terlambat" in page
    late = page[page.index('id="late-title"') : page.index('id="recent-title"')]
    assert (
        "Paguyuban Seni Jaran Bodhag" in late and "Forum Komunikasi Pemuda" in late and "Kedopok" not in late
    )
    client.force_login(UserFactory(officer=True, agency=AgencyFactory()))
    page = client.get(reverse("organisations:staff")).content.decode()
    assert "Jaran Bodhag" not in page and "0 laporan terlambat" in page
    client.force_login(UserFactory())
    assert client.get(reverse("organisations:staff")).status_code == 403


def test_only_a_supervisor_of_the_agency_revokes_from_the_page(client, organisation, officer, supervisor):
    url = reverse("organisations:staff_revoke", args=[organisation.pk])
    client.force_login(officer)
    client.post(url, {"reason": "Pelanggaran UU 17/2013 Pasal 59."})
    organisation.refresh_from_db()
    assert organisation.revoked_at is None
    client.force_login(UserFactory(supervisor=True))
    assert client.post(url, {"reason": "Pelanggaran UU 17/2013 Pasal 59."}).status_code == 404
    client.force_login(supervisor)
    client.post(url, {"reason": "Pelanggaran UU 17/2013 Pasal 59."})
    organisation.refresh_from_db()
    assert organisation.revoked_at is not None

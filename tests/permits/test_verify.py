"""The public verification page (valid, expired, revoked, unknown; rate limited), the permit
download (holder and the issuing agency's staff only) and revocation from the staff page."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from permits import issuance, services
from permits.models import Permit
from tests.factories import MppProfileFactory, UserFactory
from tests.permits.factories import issued_application, permit_service

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _mpp():
    MppProfileFactory()


@pytest.fixture
def service():
    return permit_service(code="SIP")


@pytest.fixture
def officer(service):
    return UserFactory(officer=True, agency=service.agency)


@pytest.fixture
def supervisor(service):
    return UserFactory(supervisor=True, agency=service.agency)


@pytest.fixture
def applicant():
    return UserFactory(full_name="Siti Rahmawati", nik="3574014507900002")


@pytest.fixture
def permit(service, officer, supervisor, applicant) -> Permit:
    return issued_application(
        service=service, officer=officer, supervisor=supervisor, applicant=applicant
    ).permit


def check_url(code: str) -> str:
    return reverse("verify:check", kwargs={"code": code})


# --- Verification -----------------------------------------------------------------------------


def test_a_valid_permit_says_sah_with_its_details_and_a_masked_holder(client, permit, service):
    assert check_url(permit.verification_code) == f"/verifikasi/{permit.verification_code}/"
    response = client.get(check_url(permit.verification_code))
    assert response.status_code == 200
    html = response.content.decode()
    for expected in (
        "SAH",
        "Izin ini terdaftar, diterbitkan melalui Mal Pelayanan Publik, dan berlaku.",
        permit.number,
        "Si** Ra*******",
        service.name,
        service.agency.name,
        "selama tidak ada perubahan",
        issuance.format_code(permit.verification_code),
    ):
        assert expected in html, expected
    assert "Siti Rahmawati" not in html and "3574014507900002" not in html
    assert "DICABUT" not in html and "TIDAK DIKENAL" not in html
    assert response["X-Robots-Tag"] == "noindex"


def test_the_code_is_read_the_way_people_type_it(client, permit):
    code = permit.verification_code
    typed = issuance.format_code(code).lower()
    assert client.get(check_url(typed)).status_code == 200
    response = client.get(reverse("verify:form"), {"kode": f" {typed} "})
    assert response.status_code == 302 and response.url == check_url(code)


def test_the_form_explains_a_malformed_code(client):
    page = client.get(reverse("verify:form"))
    assert page.status_code == 200 and 'name="kode"' in page.content.decode()
    response = client.get(reverse("verify:form"), {"kode": "12345"})
    assert response.status_code == 200
    assert "Kode verifikasi terdiri atas 12 huruf dan angka." in response.content.decode()


def test_a_revoked_permit_says_dicabut_with_date_and_reason(client, permit, supervisor):
    reason = "Praktik dipindahkan ke luar kota; izin dicabut atas permintaan pemegang."
    services.permit_revoke(permit=permit, actor=supervisor, reason=reason)
    response = client.get(check_url(permit.verification_code))
    assert response.status_code == 200
    html = response.content.decode()
    assert "DICABUT" in html and reason in html and permit.number in html
    assert "telah dicabut pada" in html
    assert ">SAH<" not in html.replace(" ", "")


def test_a_permit_past_its_validity_is_no_longer_valid(client, service, officer, supervisor):
    permit = issued_application(
        service=service,
        officer=officer,
        supervisor=supervisor,
        valid_from=date(2020, 1, 1),
        valid_until=date(2020, 12, 31),
    ).permit
    html = client.get(check_url(permit.verification_code)).content.decode()
    assert "TIDAK BERLAKU LAGI" in html and "31 Desember 2020" in html


def test_an_unknown_code_is_404_and_costs_the_same_queries(client, permit):
    response = client.get(check_url("ABCDEFGHJKMN"))
    assert response.status_code == 404
    html = response.content.decode()
    assert "TIDAK DIKENAL" in html and "ABCD-EFGH-JKMN" in html
    with CaptureQueriesContext(connection) as known:
        client.get(check_url(permit.verification_code))
    with CaptureQueriesContext(connection) as unknown:
        client.get(check_url("ZZZZZZZZZZZZ"))
    with CaptureQueriesContext(connection) as garbage:
        client.get(check_url("not-a-code-at-all-" + "x" * 40))
    assert len(known) == len(unknown) == len(garbage)


def test_lookups_are_rate_limited_per_address(client, permit, settings):
    settings.MPP_VERIFY_RATE_LIMIT = 3
    for _ in range(3):
        assert client.get(check_url("ABCDEFGHJKMN")).status_code == 404
    blocked = client.get(check_url(permit.verification_code))
    assert blocked.status_code == 429
    assert "Terlalu banyak pemeriksaan" in blocked.content.decode()
    assert blocked["Retry-After"] == "60"
    other = client.get(check_url(permit.verification_code), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 200


# --- Download ---------------------------------------------------------------------------------


def test_the_holder_downloads_the_pdf_named_after_its_number(client, permit, applicant):
    url = reverse("verify:permit_pdf", kwargs={"pk": permit.pk})
    assert url == f"/verifikasi/unduh/{permit.pk}/"
    client.force_login(applicant)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    filename = permit.number.replace("/", "-") + ".pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    content = b"".join(response.streaming_content)
    with permit.pdf.open("rb") as handle:
        assert content == handle.read()


def test_download_access(client, permit, officer, supervisor, service):
    url = reverse("verify:permit_pdf", kwargs={"pk": permit.pk})
    anonymous = client.get(url)
    assert anonymous.status_code == 302
    assert anonymous.url == f"{reverse('accounts:login')}?next={url}"
    for outsider in (
        UserFactory(),  # another citizen
        UserFactory(officer=True),  # staff of another agency
        UserFactory(supervisor=True),
    ):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
    for insider in (officer, supervisor, UserFactory(mpp_admin=True)):
        client.force_login(insider)
        assert client.get(url).status_code == 200
    client.force_login(officer)
    assert client.get(reverse("verify:permit_pdf", kwargs={"pk": permit.pk + 1000})).status_code == 404


def test_the_citizen_page_links_the_download(client, permit, applicant):
    from permits.selectors import permit_pdf_url

    assert permit_pdf_url(permit.application) == reverse("verify:permit_pdf", kwargs={"pk": permit.pk})
    client.force_login(applicant)
    html = client.get(reverse("permits:detail", kwargs={"pk": permit.application_id})).content.decode()
    assert reverse("verify:permit_pdf", kwargs={"pk": permit.pk}) in html


# --- Revocation from the staff page -----------------------------------------------------------


def test_staff_of_the_agency_revoke_with_a_reason(client, permit, supervisor):
    url = reverse("verify:permit_revoke", kwargs={"pk": permit.pk})
    reason = "Izin diterbitkan berdasarkan dokumen yang terbukti palsu."
    client.force_login(UserFactory(officer=True))
    assert client.post(url, {"reason": reason}).status_code == 404
    client.force_login(permit.application.applicant)
    assert client.post(url, {"reason": reason}).status_code == 403
    client.force_login(supervisor)
    response = client.post(url, {"reason": "pendek"}, follow=True)
    assert "Tuliskan alasan pencabutan" in response.content.decode()
    response = client.post(url, {"reason": reason}, follow=True)
    assert response.redirect_chain[0][0] == reverse(
        "permits_staff:detail", kwargs={"pk": permit.application_id}
    )
    assert f"Izin {permit.number} dicabut." in response.content.decode()
    permit.refresh_from_db()
    assert (permit.revoke_reason, permit.revoked_by) == (reason, supervisor)
    row = Permit.history.filter(id=permit.pk).order_by("-history_id").first()
    assert (row.history_user, row.history_change_reason) == (supervisor, f"dicabut: {reason}")


def test_the_permit_partial_offers_download_and_revocation_to_the_right_people(rf, permit, officer):
    from django.template.loader import render_to_string

    from permits.selectors import issuance_panel

    application = permit.application
    request = rf.get("/")
    download = reverse("verify:permit_pdf", kwargs={"pk": permit.pk})
    revoke = reverse("verify:permit_revoke", kwargs={"pk": permit.pk})
    request.user = application.applicant
    html = render_to_string(
        "permits/verify/_permit.html", {"panel": issuance_panel(application, application.applicant)}, request
    )
    assert permit.number in html and download in html and revoke not in html
    request.user = officer
    html = render_to_string(
        "permits/verify/_permit.html", {"panel": issuance_panel(application, officer)}, request
    )
    assert download in html and revoke in html

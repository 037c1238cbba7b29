"""The admin workspace and dashboards on a 360 px phone: an agency admin makes a draft, edits the
time limit, publishes it, and reads their agency's dashboard with its charts; no page scrolls
sideways."""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from services.models import ServiceStandard
from tests.browser_fixtures import log_in
from tests.factories import MppProfileFactory, UserFactory
from tests.permits.factories import permit_service

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_agency_admin_edits_and_publishes_a_standard_on_a_phone(page, live_server, assert_fits_viewport):
    MppProfileFactory()
    service = permit_service(time_limit_days=5)
    admin = UserFactory(agency_admin=True, agency=service.agency)
    log_in(page, live_server.url, email=admin.email)

    page.goto(f"{live_server.url}/kelola/")
    assert_fits_viewport(page)
    page.get_by_role("link", name=service.name).click()
    page.get_by_role("button", name="Buat draf baru dari versi berlaku").click()
    page.get_by_label("Jangka waktu penyelesaian (hari kerja)").fill("3")
    assert_fits_viewport(page)
    page.get_by_role("button", name="Simpan draf").click()
    expect(page.get_by_text("Draf disimpan.")).to_be_visible()
    page.get_by_label("Nomor keputusan").fill("Keputusan Kepala DPMPTSP Nomor 503/44/425.110/2026")
    today = timezone.localdate().isoformat()
    page.get_by_label("Tanggal keputusan").fill(today)
    page.get_by_label("Berlaku mulai").fill(today)
    page.get_by_role("button", name="Terbitkan versi ini").click()
    expect(page.get_by_text("Versi 2 diterbitkan dan berlaku.")).to_be_visible()
    assert service.standards.get(status=ServiceStandard.Status.IN_FORCE).time_limit_days == 3

    page.goto(f"{live_server.url}/laporan/")
    expect(page.get_by_role("heading", level=1)).to_have_text(service.agency.name)
    expect(page.locator("figure.chart svg").first).to_be_visible()
    assert_fits_viewport(page)


def test_every_workspace_and_report_page_fits_a_phone(page, live_server, assert_fits_viewport):
    MppProfileFactory()
    service = permit_service(time_limit_days=5)
    admin = UserFactory(mpp_admin=True)
    log_in(page, live_server.url, email=admin.email)
    for path in [
        "/kelola/",
        f"/kelola/layanan/{service.code}/",
        f"/kelola/standar/{service.standards.get().pk}/",
        f"/kelola/standar/{service.standards.get().pk}/pratinjau/",
        "/kelola/maklumat/",
        "/kelola/pengumuman/",
        "/kelola/kalender/",
        "/kelola/petugas/",
        "/laporan/",
        f"/laporan/instansi/{service.agency.slug}/",
        "/laporan/peringkat/",
        "/transparansi/",
        "/konsultasi-publik/",
    ]:
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        expect(page.locator("main h1")).to_be_visible()
        assert_fits_viewport(page)

"""The header and footer links to the dashboards and the public figures, on a 360 px phone: a
supervisor reaches their agency's dashboard from the menu and reads its complaints and IKM
sections; a visitor reaches the transparency page (with the IKM) and the IKM page from the footer;
no page scrolls sideways."""

import pytest
from playwright.sync_api import expect

from tests.browser_fixtures import log_in
from tests.factories import MppProfileFactory, UserFactory
from tests.permits.factories import permit_service

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_supervisor_menu_leads_to_the_agency_dashboard(page, live_server, assert_fits_viewport):
    MppProfileFactory()
    service = permit_service(time_limit_days=5)
    supervisor = UserFactory(supervisor=True, agency=service.agency)
    log_in(page, live_server.url, email=supervisor.email)
    nav = page.get_by_role("navigation", name="Menu utama")
    expect(nav.get_by_role("link", name="Kelola")).to_have_count(0)  # the workspace is for admins
    nav.get_by_role("link", name="Laporan kinerja").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(service.agency.name)
    expect(page.get_by_role("heading", level=2, name="Pengaduan")).to_be_visible()
    expect(page.get_by_role("heading", level=2, name="Kepuasan masyarakat (IKM)")).to_be_visible()
    assert_fits_viewport(page)


def test_visitor_footer_links_to_transparency_and_ikm(page, live_server, assert_fits_viewport):
    MppProfileFactory()
    page.goto(f"{live_server.url}/")
    footer = page.get_by_role("navigation", name="Informasi publik")
    expect(
        page.get_by_role("navigation", name="Menu utama").get_by_role("link", name="Laporan kinerja")
    ).to_have_count(0)
    footer.get_by_role("link", name="Transparansi kinerja").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Transparansi kinerja MPP")
    expect(page.get_by_text("Responden survei kepuasan")).to_be_visible()
    assert_fits_viewport(page)
    page.get_by_role("navigation", name="Informasi publik").get_by_role(
        "link", name="Indeks Kepuasan Masyarakat"
    ).click()
    assert page.url.endswith("/ikm/")
    assert_fits_viewport(page)
    page.get_by_role("navigation", name="Informasi publik").get_by_role(
        "link", name="Konsultasi publik standar pelayanan"
    ).click()
    assert page.url.endswith("/konsultasi-publik/")
    expect(page.locator("main h1")).to_be_visible()

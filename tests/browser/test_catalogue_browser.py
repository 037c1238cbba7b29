"""A citizen on a 360px phone searches the catalogue and reads a service's standard."""

import pytest
from playwright.sync_api import expect

from services.models import Requirement, ServiceStandard
from tests.factories import (
    AgencyFactory,
    CategoryFactory,
    FeeItemFactory,
    MppProfileFactory,
    ServiceFactory,
    ServiceStandardFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def catalogue_data():
    MppProfileFactory(address="Jl. Panglima Sudirman No. 1, Kota Probolinggo", phone="(0335) 420000")
    pupr = AgencyFactory(name="Dinas Pekerjaan Umum dan Penataan Ruang", short_name="PUPR", slug="pupr")
    imigrasi = AgencyFactory(
        name="Kantor Imigrasi Kelas II TPI Malang", short_name="Imigrasi", slug="imigrasi"
    )
    dukcapil = AgencyFactory(name="Dinas Kependudukan dan Pencatatan Sipil", short_name="Dispendukcapil")
    building = CategoryFactory(slug="bangunan", name="Bangunan dan Tata Ruang")
    documents = CategoryFactory(slug="dokumen", name="Dokumen Kependudukan dan Perjalanan")

    pbg = ServiceStandardFactory(
        in_force=True,
        service=ServiceFactory(
            code="PUPR-PBG",
            name="Persetujuan Bangunan Gedung",
            agency=pupr,
            category=building,
            completed_at_mpp=False,
        ),
        time_limit_days=28,
        fee_kind=ServiceStandard.FeeKind.LEVY,
        levy_formula=ServiceStandard.LevyFormula.PBG,
        levy_description="Luas bangunan x indeks terintegrasi x harga satuan retribusi.",
    )
    Requirement.objects.create(
        standard=pbg,
        order=3,
        name="Gambar rencana teknis bangunan gedung",
        mandatory=True,
        accepted_kinds=["pdf"],
    )
    passport = ServiceStandardFactory(
        in_force=True,
        service=ServiceFactory(code="IMI-PASPOR", name="Paspor Biasa", agency=imigrasi, category=documents),
        time_limit_days=4,
        fee_kind=ServiceStandard.FeeKind.FIXED,
    )
    FeeItemFactory(standard=passport, label="Paspor 5 tahun", amount=350000)
    FeeItemFactory(standard=passport, label="Paspor 10 tahun", amount=650000)
    ServiceStandardFactory(
        in_force=True,
        service=ServiceFactory(code="DUK-AKTA", name="Akta Kelahiran", agency=dukcapil, category=documents),
        time_limit_days=1,
    )
    return pbg


def test_search_on_a_phone_updates_results_in_place_and_opens_the_standard(
    live_server, page, desktop_page, catalogue_data, assert_fits_viewport
):
    page.goto(f"{live_server.url}/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert page.locator("html").get_attribute("lang") == "id"
    assert_fits_viewport(page)
    page.screenshot(path="/tmp/home-360.png", full_page=True)

    # The home search box is a plain form: it opens the catalogue with the results.
    page.get_by_role("searchbox", name="Cari layanan").fill("paspor")
    page.get_by_role("searchbox", name="Cari layanan").press("Enter")
    page.wait_for_url("**/layanan/?q=paspor")
    results = page.locator("#results")
    expect(results).to_contain_text("1 layanan ditemukan")
    expect(results).to_contain_text("Paspor Biasa")
    expect(results).to_contain_text("mulai Rp350.000")

    # Typing in the catalogue's search box swaps the results region without reloading the page.
    page.evaluate("window.__samePage = true")
    search = page.locator("#catalogue-q")
    search.fill("")
    search.press_sequentially("bangunan", delay=40)
    expect(results).to_contain_text("Persetujuan Bangunan Gedung")
    expect(results).not_to_contain_text("Paspor Biasa")
    expect(results).to_contain_text("Retribusi dihitung per permohonan")
    expect(results).to_contain_text("28 hari kerja")
    expect(results).to_contain_text("Konsultasi di MPP, diselesaikan di kantor instansi")
    assert page.evaluate("window.__samePage === true"), "the page reloaded instead of swapping results"
    page.wait_for_url("**/layanan/?q=bangunan*")  # hx-push-url keeps the URL shareable
    assert results.get_attribute("aria-live") == "polite"

    # A filter change also updates in place: permits only leaves nothing for "bangunan".
    page.get_by_label("Hanya perizinan").check()
    page.get_by_label("Instansi").select_option("imigrasi")
    expect(results).to_contain_text("0 layanan ditemukan")
    page.get_by_label("Instansi").select_option("")
    expect(results).to_contain_text("1 layanan ditemukan")
    assert page.evaluate("window.__samePage === true")
    assert_fits_viewport(page)
    page.screenshot(path="/tmp/catalogue-360.png", full_page=True)

    # Open the service: its requirements, time limit and fee are on the page.
    results.get_by_role("link", name="Persetujuan Bangunan Gedung").click()
    page.wait_for_url("**/layanan/PUPR-PBG/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Persetujuan Bangunan Gedung")
    requirements = page.locator("ol.requirements")
    expect(requirements).to_contain_text("Gambar rencana teknis bangunan gedung")
    expect(requirements).to_contain_text("Fotokopi KTP-el")
    expect(page.locator(".key-facts")).to_contain_text("28 hari kerja")
    expect(page.locator(".key-facts")).to_contain_text("Retribusi dihitung per permohonan")
    expect(page.get_by_text("Luas bangunan x indeks terintegrasi x harga satuan retribusi.")).to_be_visible()
    internal = page.locator("details.internal")
    expect(internal.locator("dl")).to_be_hidden()
    internal.locator("summary").click()
    expect(internal.locator("dl")).to_be_visible()
    assert_fits_viewport(page)
    page.screenshot(path="/tmp/detail-360.png", full_page=True)

    # The same catalogue on a desktop screen.
    desktop_page.goto(f"{live_server.url}/layanan/")
    expect(desktop_page.locator("#results")).to_contain_text("3 layanan ditemukan")
    assert_fits_viewport(desktop_page)
    desktop_page.screenshot(path="/tmp/catalogue-1280.png", full_page=True)
    desktop_page.goto(f"{live_server.url}/")
    desktop_page.screenshot(path="/tmp/home-1280.png", full_page=True)


def test_catalogue_works_without_javascript(live_server, browser, catalogue_data):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 360, "height": 740}, locale="id-ID"
    )
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/layanan/")
        page.locator("#catalogue-q").fill("akta")
        page.get_by_role("button", name="Terapkan").click()
        page.wait_for_url("**/layanan/?q=akta*")
        expect(page.locator("#results")).to_contain_text("Akta Kelahiran")
        expect(page.locator("#results")).to_contain_text("Gratis")
        expect(page.locator("#results")).not_to_contain_text("Paspor Biasa")
    finally:
        context.close()


def test_keyboard_user_can_skip_to_content_and_sees_focus(live_server, page, catalogue_data):
    page.goto(f"{live_server.url}/layanan/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Langsung ke isi")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    outline = skip.evaluate(
        "el => getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth"
    )
    assert outline.startswith("solid") and outline != "solid 0px"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.id")
    assert focused == "catalogue-q"


def test_pages_load_everything_they_ask_for_icon_included(live_server, page, catalogue_data):
    """No request of the page fails: stylesheets, scripts and the tab's icon (without an icon link
    the browser asks for /favicon.ico, which the portal does not serve)."""
    failed = []
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    for path in ("/", "/layanan/", "/layanan/PUPR-PBG/", "/lacak/"):
        page.goto(f"{live_server.url}{path}", wait_until="load")
    icon = page.locator("link[rel=icon]").get_attribute("href")
    assert icon.endswith(".svg")
    assert page.request.get(f"{live_server.url}{icon}").headers["content-type"] == "image/svg+xml"
    assert failed == []

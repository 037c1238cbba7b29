"""Issue 9 in a real browser: an investor runs the BIGGOS finder on a phone (live search, then the
ordered services with total working days), and an ormas account sends a periodic activity report
that Bakesbangpol then sees."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from organisations.demo import FORM_FIELDS
from organisations.models import Organisation
from services.models import FormField
from tests.browser_fixtures import log_in
from tests.factories import (
    AgencyFactory,
    MppProfileFactory,
    ServiceFactory,
    ServiceStandardFactory,
    UserFactory,
)
from tests.investment.conftest import warung  # noqa: F401 - the finder's data, used as a fixture
from tests.organisations.conftest import ORG_VALUES, register
from tests.permits.factories import pdf_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WAIT_MS = 15_000


@pytest.fixture(autouse=True)
def _setup(settings, tmp_path):
    expect.set_options(timeout=WAIT_MS)
    settings.MPP_PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    MppProfileFactory()


def test_finder_on_a_phone(live_server, page, warung, assert_fits_viewport):  # noqa: F811
    page.goto(f"{live_server.url}/investasi/perizinan/")
    page.get_by_label("Kegiatan usaha atau kode KBLI").fill("warung")
    result = page.get_by_role("link", name="56102 — Rumah/Warung Makan")
    expect(result).to_be_visible()  # htmx live search, no submit needed
    result.click()
    expect(page.get_by_text("Total waktu: 7 hari kerja")).to_be_visible()
    expect(page.locator(".finder-steps > li")).to_have_count(3)
    expect(page.get_by_role("link", name="Ajukan Layanan NIB-OSS")).to_have_attribute(
        "href", "/permohonan/baru/NIB-OSS/"
    )
    page.get_by_label("Skala usaha").select_option("menengah")  # htmx updates the result on change
    expect(page.get_by_text("Total waktu: 21 hari kerja")).to_be_visible()
    assert_fits_viewport(page)
    # A new search replaces the result with the matching activities.
    page.get_by_label("Kegiatan usaha atau kode KBLI").fill("resto")
    expect(page.get_by_role("link", name="56101 — Restoran")).to_be_visible()
    expect(page.get_by_text("Total waktu")).to_have_count(0)


@pytest.fixture
def registered():
    kesbang = AgencyFactory(slug="bakesbangpol", name="Badan Kesatuan Bangsa dan Politik Kota Probolinggo")
    service = ServiceFactory(code="SKT-ORMAS", agency=kesbang, is_permit=False)
    standard = ServiceStandardFactory(service=service, in_force=True, version=1, time_limit_days=5)
    for order, (key, label, kind, required, choices, _help) in enumerate(FORM_FIELDS, start=1):
        FormField.objects.create(
            standard=standard,
            order=order,
            key=key,
            label=label,
            field_type=kind,
            required=required,
            choices=choices,
        )
    officer = UserFactory(officer=True, agency=kesbang)
    supervisor = UserFactory(supervisor=True, agency=kesbang)
    seven_months_ago = timezone.localtime() - dt.timedelta(days=215)
    start = seven_months_ago.replace(hour=9, minute=0, second=0, microsecond=0)
    application = register(
        service=service, officer=officer, supervisor=supervisor, values=ORG_VALUES, now=start
    )
    return Organisation.objects.get(application=application), officer


def test_an_ormas_sends_its_activity_report(live_server, page, desktop_page, registered, tmp_path):
    organisation, officer = registered
    log_in(page, live_server.url, email=organisation.account.email)
    page.goto(f"{live_server.url}/ormas/akun/")
    expect(page.get_by_role("heading", name=organisation.name)).to_be_visible()
    page.get_by_role("link", name="Sampaikan laporan").first.click()
    page.get_by_label("Ringkasan kegiatan").fill(
        "Latihan rutin Jaran Bodhag setiap Minggu dan pentas pada HUT Kota Probolinggo."
    )
    page.get_by_label("Jumlah kegiatan").fill("14")
    page.get_by_label("Jumlah anggota aktif").fill("38")
    report_pdf = tmp_path / "laporan.pdf"
    report_pdf.write_bytes(pdf_bytes("laporan semester"))
    page.get_by_label("Dokumen laporan (PDF)").set_input_files(str(report_pdf))
    page.get_by_role("button", name="Kirim laporan").click()
    expect(page.get_by_role("status")).to_contain_text("Laporan kegiatan terkirim")
    expect(page.get_by_text("disampaikan", exact=False).first).to_be_visible()

    log_in(desktop_page, live_server.url, email=officer.email)
    desktop_page.goto(f"{live_server.url}/ormas/petugas/")
    recent = desktop_page.locator("section[aria-labelledby=recent-title]")
    expect(recent).to_contain_text(organisation.name)
    expect(desktop_page.get_by_role("heading", name="0 laporan terlambat")).to_be_visible()

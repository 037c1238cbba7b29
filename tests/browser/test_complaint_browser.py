"""Issue 7's acceptance test in a real browser: a citizen files a complaint on a phone with an
attachment, the MPP's complaint officer routes it, the agency answers, and the citizen sees the
answer and rates it. Each person has their own browser context."""

from contextlib import contextmanager

import pytest
from playwright.sync_api import expect

from complaints.models import Complaint, ComplaintCategory
from mpp.celery import app as celery_app
from tests.browser_fixtures import DESKTOP_VIEWPORT, PHONE_VIEWPORT, log_in
from tests.factories import AgencyFactory, MppProfileFactory, UserFactory
from tests.permits.factories import pdf_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WAIT_MS = 15_000


@pytest.fixture(autouse=True)
def _setup(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    previous_timeout = expect._timeout
    expect.set_options(timeout=WAIT_MS)
    previous_eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous_eager
    expect.set_options(timeout=previous_timeout)


@contextmanager
def browser_context(browser, viewport):
    context = browser.new_context(viewport=viewport, locale="id-ID", timezone_id="Asia/Jakarta")
    context.set_default_timeout(WAIT_MS)
    try:
        yield context.new_page()
    finally:
        context.close()


def test_file_route_answer_rate(browser, live_server, assert_fits_viewport):
    MppProfileFactory()
    agency = AgencyFactory(name="Dinas Kependudukan dan Pencatatan Sipil")
    ComplaintCategory.objects.create(
        code="adminduk", name="Dokumen kependudukan", name_en="Civil registration", default_agency=agency
    )
    citizen = UserFactory(full_name="Siti Rahmawati")
    desk_officer = UserFactory(complaint_officer=True)
    officer = UserFactory(officer=True, agency=agency)
    base = live_server.url

    with browser_context(browser, PHONE_VIEWPORT) as page:
        log_in(page, base, email=citizen.email)
        page.goto(f"{base}/pengaduan/baru/")
        assert_fits_viewport(page)
        page.get_by_label("Jenis laporan").select_option("pengaduan")
        page.get_by_label("Judul laporan").fill("KTP-el belum jadi setelah 14 hari")
        page.get_by_label("Uraian").fill(
            "Saya merekam KTP-el tanggal 2 November, dijanjikan jadi 3 hari, sampai kini belum jadi."
        )
        page.get_by_label("Lampiran (opsional)").set_input_files(
            files=[
                {
                    "name": "tanda-terima.pdf",
                    "mimeType": "application/pdf",
                    "buffer": pdf_bytes("tanda terima"),
                }
            ]
        )
        page.get_by_role("button", name="Kirim laporan").click()
        expect(page.get_by_role("heading", name="Laporan terkirim")).to_be_visible()
        complaint = Complaint.objects.get()
        expect(page.locator(".receipt-secret")).to_have_text(complaint.secret)
        assert complaint.attachments.count() == 1

    with browser_context(browser, DESKTOP_VIEWPORT) as page:
        log_in(page, base, email=desk_officer.email)
        page.goto(f"{base}/pengaduan/petugas/")
        page.get_by_role("link", name=complaint.number).click()
        expect(page.get_by_test_id("reporter")).to_contain_text("Siti Rahmawati")
        page.get_by_label("Instansi yang menjawab").select_option(str(agency.pk))
        page.get_by_role("button", name="Teruskan ke instansi").click()
        expect(page.locator(".messages")).to_contain_text("Laporan diteruskan ke instansi.")

    with browser_context(browser, DESKTOP_VIEWPORT) as page:
        log_in(page, base, email=officer.email)
        page.goto(f"{base}/pengaduan/instansi/")
        page.get_by_role("link", name=complaint.number).click()
        page.get_by_label("Jawaban dan tindak lanjut").fill(
            "Blangko sempat habis; KTP-el Anda sudah dicetak dan dapat diambil di loket 5 MPP."
        )
        page.get_by_role("button", name="Kirim jawaban").click()
        expect(page.locator(".messages")).to_contain_text("Jawaban terkirim ke pelapor.")

    with browser_context(browser, PHONE_VIEWPORT) as page:
        log_in(page, base, email=citizen.email)
        page.goto(f"{base}/pengaduan/saya/")
        page.get_by_role("link", name=complaint.number).click()
        expect(page.get_by_test_id("answer")).to_contain_text("dapat diambil di loket 5 MPP")
        assert_fits_viewport(page)
        page.get_by_label("5").check()
        page.get_by_role("button", name="Kirim nilai").click()
        expect(page.locator(".messages")).to_contain_text("Terima kasih atas penilaian Anda.")

    complaint.refresh_from_db()
    assert complaint.status == Complaint.Status.ANSWERED and complaint.rating == 5

"""Issue 4's acceptance test, in a real browser: a citizen applies on a phone with a PDF and a photo,
an officer asks for a correction, the citizen fixes the photo and resubmits, the officer verifies,
the SOP steps are completed (the head's step by the supervisor), the officer approves and issues,
the citizen downloads the permit PDF, and the public verification and tracking pages say so.

Citizen, officer, supervisor and the anonymous visitor each have their own browser context, so
their sessions never mix.
"""

import datetime as dt
import io
import re
from contextlib import contextmanager

import pytest
from django.core import mail
from PIL import Image
from playwright.sync_api import expect
from pypdf import PdfReader

from mpp.celery import app as celery_app
from permits.models import Application
from services.models import FormField, Requirement, ServiceStandard, SopStep
from tests.browser_fixtures import DESKTOP_VIEWPORT, PHONE_VIEWPORT, log_in
from tests.factories import (
    AgencyFactory,
    MppProfileFactory,
    ServiceFactory,
    ServiceStandardFactory,
    UserFactory,
)
from tests.permits.factories import FormFieldFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WAIT_MS = 15_000  # every wait is bounded; the server answers in well under a second
PLAN = "Gambar rencana teknis bangunan"
PHOTO = "Foto lokasi bangunan"


@pytest.fixture(autouse=True)
def _generous_expect_timeout():
    previous = expect._timeout
    expect.set_options(timeout=WAIT_MS)
    yield
    expect.set_options(timeout=previous)


@pytest.fixture(autouse=True)
def _private_files(settings, tmp_path):
    """Uploaded documents and issued permits go to this test's own folders (MEDIA_ROOT last: its
    change resets the file storages' cached locations)."""
    settings.MPP_PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _notices_sent_at_once(settings):
    """Run the e-mail tasks in the server's thread (locmem backend) instead of queueing them for a
    worker, so the test can read what the citizen was sent; quiet hours off (CI runs at night)."""
    settings.MPP_QUIET_HOURS_START = settings.MPP_QUIET_HOURS_END = "00:00"
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


@contextmanager
def browser_context(browser, viewport):
    context = browser.new_context(viewport=viewport, locale="id-ID", timezone_id="Asia/Jakarta")
    context.set_default_timeout(WAIT_MS)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def flow():
    """A free permit service of one agency with an in-force standard: a PDF requirement, a photo
    requirement (JPEG/PNG), one area field and three SOP steps (front office, officer, head)."""
    MppProfileFactory()  # Probolinggo office hours
    agency = AgencyFactory(name="Dinas Pekerjaan Umum dan Penataan Ruang", short_name="PUPR", slug="pupr")
    service = ServiceFactory(code="PBG", name="Persetujuan Bangunan Gedung", agency=agency)
    standard = ServiceStandardFactory(
        service=service,
        in_force=True,
        with_rows=False,
        version=1,
        time_limit_days=5,
        fee_kind=ServiceStandard.FeeKind.FREE,
    )
    Requirement.objects.create(standard=standard, order=1, name=PLAN, mandatory=True, accepted_kinds=["pdf"])
    Requirement.objects.create(
        standard=standard, order=2, name=PHOTO, mandatory=True, accepted_kinds=["jpeg", "png"]
    )
    FormFieldFactory(
        standard=standard,
        order=1,
        key="luas_bangunan",
        label="Luas bangunan",
        field_type=FormField.FieldType.AREA_M2,
        min_value=1,
        max_value=5000,
    )
    for order, name, role, days in (
        (1, "Pemeriksaan kelengkapan berkas", "front_office", 1),
        (2, "Verifikasi teknis", "officer", 3),
        (3, "Penandatanganan izin", "head", 1),
    ):
        SopStep.objects.create(
            standard=standard, order=order, name=name, responsible_role=role, duration_days=days
        )
    return {
        "service": service,
        "officer": UserFactory(officer=True, agency=agency, full_name="Rina Petugas"),
        "supervisor": UserFactory(supervisor=True, agency=agency, full_name="Bambang Supervisor"),
        "citizen": UserFactory(full_name="Siti Aminah", email="siti@contoh.id"),
    }


def _pdf(path):
    path.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n")
    return path


def _png(path, colour):
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(buffer, format="PNG")
    path.write_bytes(buffer.getvalue())
    return path


def _upload(page, requirement: str, file) -> None:
    """Choose a file for one requirement: the page's script uploads it at once (no reload)."""
    item = page.get_by_role("listitem").filter(has=page.get_by_role("heading", name=requirement))
    item.get_by_label(re.compile(r"^(Pilih|Ganti) berkas")).set_input_files(file)
    expect(item.get_by_role("status")).to_have_text(f"Berkas untuk '{requirement}' tersimpan.")
    expect(item).to_contain_text(f"Sudah diunggah: {file.name}")


def _assert_unique_ids(page) -> None:
    """Labels, error links and aria-describedby point at ids: each must name one element."""
    duplicates = page.evaluate(
        """() => {
            const ids = [...document.querySelectorAll("[id]")].map((el) => el.id);
            return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
        }"""
    )
    assert duplicates == [], f"{page.url} repeats ids {duplicates}"


def _message(page, text: str):
    return page.locator("ul.messages").filter(has_text=text)


def test_apply_correct_process_issue_download_and_verify(live_server, browser, flow, tmp_path):
    base = live_server.url
    officer, supervisor, citizen = flow["officer"], flow["supervisor"], flow["citizen"]
    plan_pdf = _pdf(tmp_path / "gambar-rencana.pdf")
    photo_png = _png(tmp_path / "foto-lokasi.png", (200, 30, 30))
    new_photo_png = _png(tmp_path / "foto-lokasi-baru.png", (30, 120, 200))

    with (
        browser_context(browser, PHONE_VIEWPORT) as citizen_page,
        browser_context(browser, DESKTOP_VIEWPORT) as officer_page,
    ):
        # 1. The citizen applies from a phone and gets the receipt.
        log_in(citizen_page, base, email=citizen.email)
        citizen_page.goto(f"{base}/layanan/PBG/")
        expect(citizen_page.get_by_role("heading", level=1)).to_have_text("Persetujuan Bangunan Gedung")
        citizen_page.get_by_role("button", name="Ajukan permohonan").click()
        expect(citizen_page.get_by_role("heading", level=1)).to_contain_text("Isi permohonan")
        citizen_page.get_by_label("Luas bangunan").fill("120")
        _upload(citizen_page, PLAN, plan_pdf)
        _upload(citizen_page, PHOTO, photo_png)
        _assert_unique_ids(citizen_page)
        citizen_page.get_by_label("Diantar kurir (antar-jemput)").check()
        citizen_page.get_by_label("Alamat pengantaran").fill("Jl. Suroyo 10, RT 2/RW 3, Tisnonegaran")
        citizen_page.get_by_role("button", name="Kirim permohonan").click()

        expect(citizen_page.get_by_role("heading", level=1)).to_have_text("Tanda terima permohonan")
        tracking_number = citizen_page.locator(".receipt-number").inner_text().strip()
        secret = citizen_page.locator(".receipt-secret").inner_text().strip()
        assert re.fullmatch(r"PBG-\d{4}-\d{6}", tracking_number), tracking_number
        assert re.fullmatch(r"[2-9A-HJKMNP-Z]{8}", secret), secret
        application = Application.objects.get(tracking_number=tracking_number)
        assert application.applicant_id == citizen.pk and application.tracking_secret == secret
        expected = citizen_page.locator("dt", has_text="Perkiraan tanggal keputusan").locator("+ dd time")
        expect(expected).to_contain_text("WIB")
        shown = dt.datetime.fromisoformat(expected.get_attribute("datetime"))
        assert shown.replace(microsecond=0) == application.estimated_due_at.replace(microsecond=0)
        receipt = citizen_page.locator(".receipt")
        expect(receipt).to_contain_text("Diantar kurir (antar-jemput)")
        expect(receipt).to_contain_text("Siti Aminah")
        assert any(tracking_number in m.subject and citizen.email in m.to for m in mail.outbox)

        # 2. The officer finds it in the worklist and asks for a new photo.
        log_in(officer_page, base, email=officer.email)
        officer_page.get_by_role("link", name="Daftar kerja").click()
        officer_page.get_by_label("Cari nomor permohonan atau nama pemohon").fill(tracking_number)
        # The results swap in place; the URL records the search once they have.
        officer_page.wait_for_url(re.compile(rf"[?&]q={re.escape(tracking_number)}"))
        results = officer_page.locator("#worklist-results")
        expect(results).to_contain_text("1 permohonan")
        expect(results).to_contain_text("Siti Aminah")
        results.get_by_role("link", name=tracking_number).click()
        expect(officer_page.get_by_role("heading", level=1)).to_contain_text(tracking_number)
        expect(officer_page.locator("section", has=officer_page.locator("#delivery-title"))).to_contain_text(
            "Diantar kurir (antar-jemput)"
        )
        expect(officer_page.locator("#fields-title + dl")).to_contain_text("120 m²")
        _assert_unique_ids(officer_page)

        actions = officer_page.get_by_role("complementary")
        actions.get_by_text("Minta perbaikan kepada pemohon").click()
        first_item = actions.get_by_role("group", name="Butir 1")
        first_item.get_by_label("Yang perlu diperbaiki").select_option(label=PHOTO)
        first_item.get_by_label("Apa yang salah dan cara memperbaikinya").fill(
            "Foto buram; unggah foto lokasi yang jelas, diambil dari depan bangunan."
        )
        actions.get_by_label("Catatan umum untuk pemohon (tidak wajib)").fill("Berkas lain sudah sesuai.")
        actions.get_by_role("button", name="Kembalikan untuk perbaikan").click()
        expect(_message(officer_page, "dikembalikan kepada pemohon")).to_be_visible()
        expect(officer_page.get_by_role("heading", name="Perbaikan yang diminta")).to_be_visible()

        # 3. The citizen reads what to fix, uploads a new photo and resubmits.
        citizen_page.goto(f"{base}/permohonan/")
        citizen_page.get_by_role("link", name=f"Lihat yang perlu diperbaiki — {tracking_number}").click()
        fix = citizen_page.locator(
            "section", has=citizen_page.get_by_role("heading", name="Yang perlu diperbaiki")
        )
        expect(fix).to_contain_text(f"{PHOTO}: Foto buram; unggah foto lokasi yang jelas")
        expect(fix).to_contain_text("Berkas lain sudah sesuai.")
        expect(citizen_page.locator(".status-box")).to_contain_text("Petugas meminta perbaikan")
        fix.get_by_role("link", name="Buka formulir perbaikan").click()
        expect(citizen_page.get_by_role("heading", level=1)).to_contain_text("Perbaiki permohonan")
        _assert_unique_ids(citizen_page)
        _upload(citizen_page, PHOTO, new_photo_png)
        citizen_page.get_by_role("button", name="Kirim ulang").click()
        expect(_message(citizen_page, "Perbaikan terkirim")).to_be_visible()
        expect(citizen_page.locator(".status-box")).to_contain_text("menunggu pemeriksaan kelengkapan")
        expect(citizen_page.locator("#data-title ~ ul.document-list")).to_contain_text("foto-lokasi-baru.png")

        # 4. The officer verifies, completes the steps (the head's by the supervisor), approves, issues.
        officer_page.reload()
        actions = officer_page.get_by_role("complementary")
        expect(officer_page.locator("#documents-title + ul")).to_contain_text("Lihat foto-lokasi-baru.png")
        actions.get_by_role("button", name="Berkas lengkap: mulai proses").click()
        expect(_message(officer_page, "Berkas dinyatakan lengkap")).to_be_visible()
        _assert_unique_ids(officer_page)
        for step in ("Pemeriksaan kelengkapan berkas", "Verifikasi teknis"):
            expect(actions.get_by_role("heading", name=f"Langkah berikutnya: {step}")).to_be_visible()
            actions.get_by_role("button", name="Tandai langkah selesai").click()
            expect(_message(officer_page, f"Langkah '{step}' selesai.")).to_be_visible()
        expect(
            actions.get_by_role("heading", name="Langkah berikutnya: Penandatanganan izin")
        ).to_be_visible()
        expect(actions).to_contain_text("Peran Anda tidak dapat menyelesaikan langkah ini.")

        with browser_context(browser, DESKTOP_VIEWPORT) as supervisor_page:
            log_in(supervisor_page, base, email=supervisor.email)
            supervisor_page.goto(officer_page.url)
            supervisor_actions = supervisor_page.get_by_role("complementary")
            expect(
                supervisor_actions.get_by_role("heading", name="Langkah berikutnya: Penandatanganan izin")
            ).to_be_visible()
            supervisor_actions.get_by_label("Catatan (tidak wajib)").fill(
                "Ditandatangani atas nama kepala dinas."
            )
            supervisor_actions.get_by_role("button", name="Tandai langkah selesai").click()
            expect(_message(supervisor_page, "Langkah 'Penandatanganan izin' selesai.")).to_be_visible()

        officer_page.reload()
        actions = officer_page.get_by_role("complementary")
        actions.get_by_role("button", name="Setujui", exact=True).click()
        expect(_message(officer_page, "Permohonan disetujui")).to_be_visible()
        officer_page.get_by_role("complementary").get_by_role("button", name="Terbitkan", exact=True).click()
        expect(_message(officer_page, "Izin diterbitkan.")).to_be_visible()
        expect(officer_page.get_by_role("heading", name="Izin terbit")).to_be_visible()

        # 5. The citizen downloads the permit PDF; an anonymous visitor verifies it.
        citizen_page.reload()
        expect(citizen_page.locator(".status-box")).to_contain_text("Izin telah terbit.")
        permit_panel = citizen_page.locator("section.permit-panel")
        expect(permit_panel).to_contain_text("Berlaku")
        permit_number = permit_panel.locator("dt", has_text="Nomor izin").locator("+ dd").inner_text().strip()
        verify_link = permit_panel.locator("a.verify-code")
        code = verify_link.inner_text().strip()
        verify_path = verify_link.get_attribute("href")
        with citizen_page.expect_download() as download_info:
            citizen_page.get_by_role("link", name="Unduh izin (PDF)").first.click()
        download = download_info.value
        assert download.suggested_filename == permit_number.replace("/", "-") + ".pdf"
        pdf_bytes = download.path().read_bytes()
        assert pdf_bytes.startswith(b"%PDF")
        text = " ".join(sheet.extract_text() for sheet in PdfReader(io.BytesIO(pdf_bytes)).pages)
        flat = re.sub(r"\s+", " ", text)
        assert tracking_number in flat
        assert permit_number in flat
        assert "Siti Aminah" in flat
        assert code in flat  # the code printed under the QR is the one the verification page checks

    with browser_context(browser, PHONE_VIEWPORT) as visitor:
        visitor.goto(f"{base}{verify_path}")
        expect(visitor.get_by_role("heading", name="SAH", exact=True)).to_be_visible()
        result = visitor.locator("section.verify-result")
        expect(result).to_contain_text(permit_number)
        expect(result).to_contain_text("Persetujuan Bangunan Gedung")
        expect(result).not_to_contain_text("Siti Aminah")  # the holder's name is shown masked

        # 6. The public tracking page, with the number and the secret from the receipt.
        visitor.goto(f"{base}/lacak/")
        visitor.get_by_label("Nomor permohonan").fill(tracking_number)
        visitor.get_by_label("Kode rahasia").fill(secret.lower())
        visitor.get_by_role("button", name="Lacak").click()
        status = visitor.locator(".status-box")
        expect(status.get_by_role("heading", name=tracking_number)).to_be_visible()
        expect(status.locator(".status-badge")).to_have_text("Diterbitkan")
        expect(status).to_contain_text("Izin telah terbit.")


def test_a_file_chosen_before_the_upload_script_loads_is_uploaded_when_it_does(
    live_server, browser, flow, tmp_path
):
    """On a slow connection the page shows before its deferred upload script has run; a file chosen
    then fired its "change" with no listener, and the script then hid the upload button: the file
    was never sent. The script now uploads a file it finds already chosen."""
    plan_pdf = _pdf(tmp_path / "gambar-rencana.pdf")
    held = []
    with browser_context(browser, PHONE_VIEWPORT) as page:
        log_in(page, live_server.url, email=flow["citizen"].email)
        page.goto(f"{live_server.url}/layanan/PBG/")
        page.route("**/js/uploads*.js", lambda route: held.append(route))  # hold the script back
        page.get_by_role("button", name="Ajukan permohonan").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Isi permohonan")
        item = page.get_by_role("listitem").filter(has=page.get_by_role("heading", name=PLAN))
        item.get_by_label(re.compile(r"^Pilih berkas")).set_input_files(plan_pdf)
        assert len(held) == 1, "the upload script ran before the file was chosen"
        expect(item.get_by_role("status")).to_have_text("")
        held[0].continue_()
        expect(item.get_by_role("status")).to_have_text(f"Berkas untuk '{PLAN}' tersimpan.")
        expect(item).to_contain_text(f"Sudah diunggah: {plan_pdf.name}")
    application = Application.objects.get(applicant=flow["citizen"])
    assert [document.original_name for document in application.documents.all()] == [plan_pdf.name]

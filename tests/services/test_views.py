"""The public catalogue pages: home, catalogue, a service's standard and its versions, errors."""

import datetime as dt
import html as html_lib
import re

import pytest
from django.conf import settings
from django.db import connection
from django.template.loader import get_template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from agencies.models import Agency
from mpp.formatting import rupiah
from services.models import Requirement, ServiceStandard
from services.views import PAGE_SIZE
from tests.factories import (
    AgencyFactory,
    AnnouncementFactory,
    CategoryFactory,
    FeeItemFactory,
    MaklumatFactory,
    MppProfileFactory,
    ServiceFactory,
    ServiceStandardFactory,
)

pytestmark = pytest.mark.django_db

CATALOGUE = reverse("services:catalogue")


def text_of(response) -> str:
    """The page's visible text with whitespace collapsed (tags removed), for plain assertions."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def service_with_standard(version=10, **service_kwargs):
    """An active service with a standard in force (version 10, so older versions fit below it)."""
    standard = ServiceStandardFactory(
        in_force=True, version=version, service=ServiceFactory(**service_kwargs)
    )
    return standard.service, standard


@pytest.fixture(autouse=True)
def mpp_profile():
    return MppProfileFactory()


def test_rupiah_uses_dots_as_thousands_separator():
    assert rupiah(350000) == "Rp350.000"
    assert rupiah(1250000) == "Rp1.250.000"
    assert rupiah(0) == "Rp0"


# --- home -------------------------------------------------------------------------------------


def test_home_shows_search_categories_agencies_announcements_maklumat_and_hours(client):
    category = CategoryFactory(name="Kependudukan")
    local = AgencyFactory(name="Dinas Kependudukan dan Pencatatan Sipil", kind=Agency.Kind.LOCAL)
    vertical = AgencyFactory(name="Kantor Imigrasi Malang", kind=Agency.Kind.VERTICAL)
    bank = AgencyFactory(name="Bank Jatim", kind=Agency.Kind.STATE_COMPANY)
    ServiceFactory(agency=local, category=category)
    ServiceFactory(agency=local, category=category)
    ServiceFactory(agency=vertical, category=category, is_active=False)
    AnnouncementFactory(title="Pelayanan tetap buka pada Sabtu")
    AnnouncementFactory(
        title="Pengumuman kedaluwarsa",
        publish_from=timezone.now() - dt.timedelta(days=10),
        publish_until=timezone.now() - dt.timedelta(days=1),
    )
    AnnouncementFactory(title="Pengumuman mendatang", publish_from=timezone.now() + dt.timedelta(days=2))
    MaklumatFactory(
        text="Kami sanggup melayani sesuai standar.",
        signer_name="Ir. Budi Santoso",
        signer_position="Kepala DPMPTSP",
        signed_on=dt.date(2025, 3, 4),
    )
    MaklumatFactory(agency=local, text="Maklumat khusus Dispendukcapil.")

    response = client.get(reverse("services:home"))

    assert response.status_code == 200
    html = response.content.decode()
    text = text_of(response)
    assert f'action="{CATALOGUE}"' in html and 'name="q"' in html
    assert "Kependudukan 2 layanan" in text  # the inactive service is not counted
    assert f"{CATALOGUE}?category={category.slug}" in html
    # Agencies grouped by kind, local agencies first.
    assert text.index("Perangkat daerah") < text.index("Instansi vertikal") < text.index("BUMN/BUMD")
    for agency in (local, vertical, bank):
        assert reverse("agencies:detail", args=[agency.slug]) in html
    assert "Pelayanan tetap buka pada Sabtu" in text
    assert "kedaluwarsa" not in text and "mendatang" not in text
    assert "Kami sanggup melayani sesuai standar." in text
    assert "Ir. Budi Santoso" in text and "Kepala DPMPTSP" in text and "4 Maret 2025" in text
    assert "Maklumat khusus Dispendukcapil" not in text
    assert "Senin 08.00–14.00" in text
    assert "Jumat 08.00–11.00" in text
    assert "Sabtu Tutup" in text and "Minggu Tutup" in text


def test_home_without_data_still_renders(client):
    response = client.get(reverse("services:home"))
    assert response.status_code == 200
    assert "Belum ada instansi yang terdaftar." in text_of(response)


@pytest.mark.parametrize("count", [5, 40])
def test_home_runs_a_constant_number_of_queries(client, django_assert_max_num_queries, count):
    agencies = AgencyFactory.create_batch(4)
    for index in range(count):
        service_with_standard(agency=agencies[index % 4])
    AnnouncementFactory.create_batch(3)
    # profile, hours, categories, agencies, maklumat, announcements
    with django_assert_max_num_queries(6):
        assert client.get(reverse("services:home")).status_code == 200


# --- catalogue --------------------------------------------------------------------------------


def test_catalogue_lists_name_agency_category_time_limit_and_plain_fees(client):
    agency = AgencyFactory(name="Kantor Imigrasi Malang")
    category = CategoryFactory(name="Keimigrasian")
    free, free_standard = service_with_standard(name="Akta Kelahiran", agency=agency, category=category)
    free_standard.time_limit_days = 1
    free_standard.save()
    passport, passport_standard = service_with_standard(name="Paspor Biasa", agency=agency, category=category)
    passport_standard.fee_kind = ServiceStandard.FeeKind.FIXED
    passport_standard.time_limit_days = 4
    passport_standard.save()
    FeeItemFactory(standard=passport_standard, label="Paspor 10 tahun", amount=650000)
    FeeItemFactory(standard=passport_standard, label="Paspor 5 tahun", amount=350000)
    skck, skck_standard = service_with_standard(name="SKCK", agency=agency, category=category)
    skck_standard.fee_kind = ServiceStandard.FeeKind.FIXED
    skck_standard.save()
    FeeItemFactory(standard=skck_standard, amount=30000)
    pbg, pbg_standard = service_with_standard(
        name="Persetujuan Bangunan Gedung", agency=agency, category=category, completed_at_mpp=False
    )
    pbg_standard.fee_kind = ServiceStandard.FeeKind.LEVY
    pbg_standard.levy_formula = ServiceStandard.LevyFormula.PBG
    pbg_standard.save()
    ServiceFactory(name="Layanan Tanpa Standar", agency=agency, category=category)

    response = client.get(CATALOGUE)

    assert response.status_code == 200
    text = text_of(response)
    assert "5 layanan ditemukan" in text
    assert "Akta Kelahiran Kantor Imigrasi Malang · Keimigrasian" in text
    assert (
        "Akta Kelahiran Kantor Imigrasi Malang · Keimigrasian Waktu penyelesaian 1 hari kerja Biaya Gratis"
        in text
    )
    assert (
        "Paspor Biasa Kantor Imigrasi Malang · Keimigrasian Waktu penyelesaian 4 hari kerja Biaya mulai Rp350.000"
        in text
    )
    assert "SKCK Kantor Imigrasi Malang · Keimigrasian Waktu penyelesaian 5 hari kerja Biaya Rp30.000" in text
    assert "Biaya Retribusi dihitung per permohonan" in text
    assert text.count("Konsultasi di MPP, diselesaikan di kantor instansi") == 1
    assert (
        "Layanan Tanpa Standar Kantor Imigrasi Malang · Keimigrasian Waktu penyelesaian Belum ditetapkan"
        in text
    )
    html = response.content.decode()
    for service in (free, passport, skck, pbg):
        assert f'href="{reverse("services:detail", args=[service.code])}"' in html


def test_catalogue_hides_inactive_services_and_services_of_inactive_agencies(client):
    service_with_standard(name="Layanan Aktif")
    service_with_standard(name="Layanan Nonaktif", is_active=False)
    service_with_standard(name="Layanan Instansi Tutup", agency=AgencyFactory(is_active=False))
    text = text_of(client.get(CATALOGUE))
    assert "Layanan Aktif" in text
    assert "Layanan Nonaktif" not in text and "Layanan Instansi Tutup" not in text


def test_catalogue_filters_by_search_agency_category_and_permits(client):
    imigrasi = AgencyFactory(name="Kantor Imigrasi", slug="imigrasi")
    dukcapil = AgencyFactory(name="Dispendukcapil", slug="dispendukcapil")
    documents = CategoryFactory(slug="dokumen", name="Dokumen")
    permits = CategoryFactory(slug="perizinan", name="Perizinan Usaha")
    service_with_standard(name="Paspor Biasa", agency=imigrasi, category=documents, is_permit=False)
    service_with_standard(name="Kartu Keluarga", agency=dukcapil, category=documents, is_permit=False)
    service_with_standard(name="Izin Reklame", agency=dukcapil, category=permits, is_permit=True)

    def names(params):
        text = text_of(client.get(CATALOGUE, params))
        return {n for n in ("Paspor Biasa", "Kartu Keluarga", "Izin Reklame") if f"{n} " in text}

    assert names({"q": "paspor"}) == {"Paspor Biasa"}
    assert names({"agency": "dispendukcapil"}) == {"Kartu Keluarga", "Izin Reklame"}
    assert names({"category": "dokumen"}) == {"Paspor Biasa", "Kartu Keluarga"}
    assert names({"izin": "1"}) == {"Izin Reklame"}
    assert names({"izin": "0"}) == {"Paspor Biasa", "Kartu Keluarga", "Izin Reklame"}
    assert names({"agency": "dispendukcapil", "category": "dokumen"}) == {"Kartu Keluarga"}
    empty = text_of(client.get(CATALOGUE, {"q": "zzzqqq"}))
    assert "0 layanan ditemukan" in empty and "Tidak ada layanan yang cocok." in empty


def test_catalogue_form_keeps_the_chosen_filters(client):
    agency = AgencyFactory(slug="imigrasi")
    CategoryFactory(slug="dokumen")
    service_with_standard(agency=agency)
    html = client.get(CATALOGUE, {"q": "paspor", "agency": "imigrasi", "category": "dokumen", "izin": "1"})
    html = html.content.decode()
    assert 'name="q" value="paspor"' in html
    assert '<option value="imigrasi" selected>' in html
    assert '<option value="dokumen" selected>' in html
    assert re.search(r'name="izin" value="1" class="filter-control"\s+checked', html)
    assert "Hapus semua filter" in html
    assert "Hapus semua filter" not in client.get(CATALOGUE).content.decode()


@pytest.mark.parametrize(
    ("params", "notice"),
    [
        ({"agency": "xyz"}, "Filter instansi 'xyz' tidak dikenal dan diabaikan."),
        ({"category": "tidak-ada"}, "Filter kategori 'tidak-ada' tidak dikenal dan diabaikan."),
        ({"izin": "ya"}, "Filter perizinan 'ya' tidak dikenal dan diabaikan."),
        ({"page": "abc"}, "Nomor halaman 'abc' tidak valid dan diabaikan."),
        ({"page": "99"}, "Halaman 99 tidak ada; menampilkan halaman 1 dari 1."),
        ({"page": "0"}, "Halaman 0 tidak ada; menampilkan halaman 1 dari 1."),
        ({"page": "-3"}, "Halaman -3 tidak ada; menampilkan halaman 1 dari 1."),
    ],
)
def test_catalogue_ignores_bad_filter_values_with_a_visible_notice(client, params, notice):
    service_with_standard(name="Layanan Satu")
    service_with_standard(name="Layanan Dua")

    response = client.get(CATALOGUE, params)

    assert response.status_code == 200
    text = text_of(response)
    assert notice in text
    assert "2 layanan ditemukan" in text  # the bad value did not filter anything out


def test_catalogue_notice_escapes_the_bad_value(client):
    response = client.get(CATALOGUE, {"agency": "<script>alert(1)</script>"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert "&lt;script&gt;" in response.content.decode()


def test_catalogue_without_bad_values_shows_no_notice(client):
    service_with_standard()
    assert 'class="notice"' not in client.get(CATALOGUE, {"q": "", "izin": "0"}).content.decode()


def test_catalogue_paginates_and_page_links_keep_the_filters(client):
    agency = AgencyFactory(slug="dinas-contoh")
    for index in range(PAGE_SIZE + 6):
        service_with_standard(name=f"Izin Contoh {index:02d}", agency=agency, is_permit=True)

    first = client.get(CATALOGUE, {"agency": "dinas-contoh", "izin": "1"})
    second = client.get(CATALOGUE, {"agency": "dinas-contoh", "izin": "1", "page": "2"})

    assert f"{PAGE_SIZE + 6} layanan ditemukan" in text_of(first)
    assert "Halaman 1 dari 2" in text_of(first)
    assert first.content.decode().count('class="service-card"') == PAGE_SIZE
    assert second.content.decode().count('class="service-card"') == 6
    assert "Halaman 2 dari 2" in text_of(second)
    assert "Izin Contoh 29" in text_of(second) and "Izin Contoh 00" not in text_of(second)
    assert f"{CATALOGUE}?agency=dinas-contoh&amp;izin=1&amp;page=2" in first.content.decode()
    assert 'rel="prev"' in second.content.decode()


def test_catalogue_page_links_drop_ignored_values(client):
    for _ in range(PAGE_SIZE + 1):
        service_with_standard()
    html = client.get(CATALOGUE, {"agency": "xyz"}).content.decode()
    results = html.split('id="results"')[1]
    assert f"{CATALOGUE}?page=2" in results
    assert "agency=xyz" not in results


def test_catalogue_htmx_request_gets_only_the_results_region(client):
    service_with_standard(name="Paspor Biasa")
    response = client.get(CATALOGUE, {"q": "paspor"}, HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and "<form" not in html
    assert "1 layanan ditemukan" in text_of(response) and "Paspor Biasa" in html
    assert "HX-Request" in response["Vary"]
    # A history restore after a cache miss needs the whole page.
    restore = client.get(
        CATALOGUE,
        {"q": "paspor"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="results",
        HTTP_HX_HISTORY_RESTORE_REQUEST="true",
    )
    assert "<html" in restore.content.decode()


def test_catalogue_page_is_wired_for_htmx_and_works_without_javascript(client):
    html = client.get(CATALOGUE).content.decode()
    assert f'method="get" action="{CATALOGUE}"' in html
    assert f'hx-get="{CATALOGUE}"' in html and 'hx-push-url="true"' in html
    assert 'id="results" class="results" aria-live="polite"' in html
    assert "vendor/htmx.min.js" in html


@pytest.mark.parametrize("count", [5, 40])
def test_catalogue_runs_a_constant_number_of_queries(client, django_assert_max_num_queries, count):
    agencies = AgencyFactory.create_batch(3)
    for index in range(count):
        _, standard = service_with_standard(agency=agencies[index % 3], completed_at_mpp=index % 2 == 0)
        standard.fee_kind = ServiceStandard.FeeKind.FIXED
        standard.save()
        FeeItemFactory(standard=standard, amount=10000 * (index + 1))
    # profile, agencies, categories, count, services, standards in force, fee lines
    with django_assert_max_num_queries(7):
        response = client.get(CATALOGUE, {"izin": "1", "page": "2" if count > PAGE_SIZE else "1"})
    assert response.status_code == 200


def test_catalogue_query_count_does_not_grow_with_the_number_of_services(client):
    def queries_for_current_catalogue():
        with CaptureQueriesContext(connection) as captured:
            client.get(CATALOGUE, {"q": "contoh"})
        return len(captured)

    for _ in range(3):
        service_with_standard()
    queries_for_current_catalogue()  # warms the cached MPP profile
    few = queries_for_current_catalogue()
    for _ in range(30):
        service_with_standard()
    assert queries_for_current_catalogue() == few


# --- service detail ---------------------------------------------------------------------------


def test_detail_shows_the_whole_standard_in_force(client):
    service, standard = service_with_standard(name="Paspor Biasa", code="IMI-PASPOR")
    standard.fee_kind = ServiceStandard.FeeKind.FIXED
    standard.time_limit_days = 4
    standard.product = "Paspor biasa 48 halaman"
    standard.legal_basis = "PP 28/2019 tentang PNBP Kementerian Hukum dan HAM"
    standard.facilities = "Ruang tunggu ramah difabel"
    standard.decree_number = "Keputusan Kepala Kantor Nomor IMI.5-UM.01/2025"
    standard.save()
    Requirement.objects.create(
        standard=standard, order=3, name="Akta kelahiran", mandatory=False, accepted_kinds=["pdf"]
    )
    FeeItemFactory(standard=standard, label="Paspor 5 tahun", amount=350000, order=1)
    FeeItemFactory(standard=standard, label="Paspor 10 tahun", amount=650000, order=2)
    ServiceStandardFactory(service=service, superseded=True, version=standard.version - 1)
    ServiceStandardFactory(service=service, version=standard.version + 1)  # draft

    response = client.get(reverse("services:detail", args=["IMI-PASPOR"]))

    assert response.status_code == 200
    text = text_of(response)
    html = response.content.decode()
    assert "Paspor Biasa" in text
    assert "Fotokopi KTP-el Wajib" in text
    assert "Berkas diterima: PDF, JPEG, PNG" in text
    assert "Akta kelahiran Tidak wajib" in text
    steps = ["Pemeriksaan kelengkapan berkas", "Verifikasi teknis", "Penandatanganan izin"]
    assert text.index(steps[0]) < text.index(steps[1]) < text.index(steps[2])
    assert "Pemeriksaan kelengkapan berkas Petugas front office · 1 hari kerja" in text
    assert "Waktu penyelesaian 4 hari kerja" in text
    assert "Biaya mulai Rp350.000" in text
    assert "Paspor 5 tahun Rp350.000" in text and "Paspor 10 tahun Rp650.000" in text
    assert "Paspor biasa 48 halaman" in text
    assert 'href="https://www.lapor.go.id/"' in html
    assert "PP 28/2019 tentang PNBP" in text
    assert "<details" in html and "Ruang tunggu ramah difabel" in text
    assert f"Versi {standard.version} Berlaku" in text
    assert "Keputusan Kepala Kantor Nomor IMI.5-UM.01/2025, tanggal 10 Januari 2025" in text
    assert "Berlaku mulai 1 Februari 2025" in text
    older = reverse("services:standard_version", args=["IMI-PASPOR", standard.version - 1])
    draft = reverse("services:standard_version", args=["IMI-PASPOR", standard.version + 1])
    assert f'href="{older}"' in html
    assert draft not in html


def test_detail_states_free_and_levy_fees_plainly(client):
    service_with_standard(code="GRATIS")
    _, levy_standard = service_with_standard(code="PBG", completed_at_mpp=False)
    levy_standard.fee_kind = ServiceStandard.FeeKind.LEVY
    levy_standard.levy_formula = ServiceStandard.LevyFormula.PBG
    levy_standard.levy_description = "Luas bangunan x indeks terintegrasi x harga satuan retribusi."
    levy_standard.save()

    free_text = text_of(client.get(reverse("services:detail", args=["GRATIS"])))
    levy_text = text_of(client.get(reverse("services:detail", args=["PBG"])))

    assert "Biaya Gratis" in free_text and "Layanan ini tidak dipungut biaya" in free_text
    assert "Biaya Retribusi dihitung per permohonan" in levy_text
    assert "Luas bangunan x indeks terintegrasi x harga satuan retribusi." in levy_text
    assert "Konsultasi di MPP, diselesaikan di kantor instansi" in levy_text


def test_detail_without_a_standard_in_force_says_so(client):
    service = ServiceFactory(code="BARU")
    ServiceStandardFactory(service=service)  # a draft only
    response = client.get(reverse("services:detail", args=["BARU"]))
    assert response.status_code == 200
    assert "Standar pelayanan untuk layanan ini belum ditetapkan." in text_of(response)
    assert "/versi/" not in response.content.decode()


@pytest.mark.parametrize("case", ["unknown", "inactive", "inactive_agency"])
def test_detail_of_unknown_or_inactive_service_is_an_indonesian_404(client, case):
    if case == "inactive":
        service_with_standard(code="X-1", is_active=False)
    elif case == "inactive_agency":
        service_with_standard(code="X-1", agency=AgencyFactory(is_active=False))
    response = client.get(reverse("services:detail", args=["X-1"]))
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in text_of(response)


def test_detail_runs_a_constant_number_of_queries(client, django_assert_max_num_queries):
    service, standard = service_with_standard(code="Q-1")
    for index in range(10):
        Requirement.objects.create(standard=standard, order=10 + index, name=f"Berkas {index}")
        FeeItemFactory(standard=standard, amount=1000 * index)
    for version in range(1, 4):
        ServiceStandardFactory(service=service, superseded=True, version=standard.version - version)
    # profile, service, standard, requirements, steps, fee lines, other versions,
    # the published FAQ and the service's own IKM (complaints_tags.service_public_panel)
    with django_assert_max_num_queries(9):
        assert client.get(reverse("services:detail", args=["Q-1"])).status_code == 200


# --- versions ---------------------------------------------------------------------------------


def test_superseded_version_is_public_read_only_with_a_notice(client):
    service, current = service_with_standard(code="V-1")
    old = ServiceStandardFactory(
        service=service, superseded=True, version=current.version - 1, time_limit_days=9
    )

    response = client.get(reverse("services:standard_version", args=["V-1", old.version]))

    assert response.status_code == 200
    text = text_of(response)
    assert f"Standar pelayanan versi {old.version}" in text
    assert "Versi ini sudah tidak berlaku dan ditampilkan sebagai arsip." in text
    assert "9 hari kerja" in text
    assert "Keputusan Kepala DPMPTSP Nomor 503/0/2024" in text
    assert reverse("services:detail", args=["V-1"]) in response.content.decode()
    assert '<form method="post"' not in response.content.decode().split('id="main"')[1]


def test_scheduled_version_is_public_and_announces_its_date(client):
    service, current = service_with_standard(code="V-2")
    upcoming = ServiceStandardFactory(service=service, scheduled=True, version=current.version + 1)
    response = client.get(reverse("services:standard_version", args=["V-2", upcoming.version]))
    assert response.status_code == 200
    assert "akan berlaku mulai 1 Januari 2027" in text_of(response)


def test_draft_and_unknown_versions_are_not_public(client):
    service, current = service_with_standard(code="V-3")
    draft = ServiceStandardFactory(service=service, version=current.version + 1)
    assert client.get(reverse("services:standard_version", args=["V-3", draft.version])).status_code == 404
    assert client.get(reverse("services:standard_version", args=["V-3", 999])).status_code == 404
    assert client.get(reverse("services:standard_version", args=["NOPE", 1])).status_code == 404
    assert client.get(f"/layanan/V-3/versi/{current.version}/").status_code == 200


# --- error pages and language -----------------------------------------------------------------


def test_404_page_is_indonesian_with_a_search_box_and_a_link_home(client):
    assert settings.DEBUG is False
    response = client.get("/halaman-yang-tidak-ada/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Halaman tidak ditemukan" in text_of(response)
    assert f'action="{CATALOGUE}"' in html and 'name="q"' in html
    assert f'href="{reverse("services:home")}"' in html and "Kembali ke beranda" in html
    assert '<html lang="id">' in html


def test_500_page_renders_without_any_context():
    html = get_template("500.html").render()
    assert "Terjadi gangguan pada sistem" in html
    assert 'href="/"' in html


def test_language_switch_sets_the_cookie_and_the_page_language(client):
    home = reverse("services:home")
    assert '<html lang="id">' in client.get(home).content.decode()

    response = client.post(reverse("set_language"), {"language": "en", "next": CATALOGUE})

    assert response.status_code == 302 and response["Location"] == CATALOGUE
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    html = client.get(home).content.decode()
    assert '<html lang="en">' in html
    assert 'name="language" value="id"' in html  # the switch now offers Indonesian back


def test_english_page_shows_english_service_names(client):
    service_with_standard(name="Paspor Biasa", name_en="Regular Passport")
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert "Regular Passport" in text_of(client.get(CATALOGUE))

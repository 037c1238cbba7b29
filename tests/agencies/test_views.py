"""Public agency pages: the directory grouped by kind, and one agency with services and counters."""

import datetime as dt
import html as html_lib
import re

import pytest
from django.urls import reverse

from agencies.models import Agency
from tests.factories import (
    AgencyFactory,
    AnnouncementFactory,
    CounterFactory,
    MaklumatFactory,
    MppProfileFactory,
    ServiceFactory,
)

pytestmark = pytest.mark.django_db

LIST = reverse("agencies:list")


def text_of(response) -> str:
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", " ", html))).strip()


@pytest.fixture(autouse=True)
def mpp_profile():
    return MppProfileFactory()


def test_list_groups_agencies_by_kind_with_service_counts(client):
    dukcapil = AgencyFactory(name="Dinas Kependudukan dan Pencatatan Sipil", kind=Agency.Kind.LOCAL)
    imigrasi = AgencyFactory(name="Kantor Imigrasi Kelas II TPI Malang", kind=Agency.Kind.VERTICAL)
    pdam = AgencyFactory(name="Perumda Air Minum Bayuangga", kind=Agency.Kind.STATE_COMPANY)
    AgencyFactory(name="Instansi Nonaktif", is_active=False)
    ServiceFactory.create_batch(3, agency=dukcapil)
    ServiceFactory(agency=dukcapil, is_active=False)
    ServiceFactory(agency=imigrasi)

    response = client.get(LIST)

    assert response.status_code == 200
    text = text_of(response).split("melayani di MPP.")[1]  # after the introduction
    assert text.index("Perangkat daerah") < text.index("Dinas Kependudukan") < text.index("Instansi vertikal")
    assert text.index("Instansi vertikal") < text.index("Kantor Imigrasi") < text.index("BUMN/BUMD")
    assert text.index("BUMN/BUMD") < text.index("Perumda Air Minum")
    assert "Dinas Kependudukan dan Pencatatan Sipil 3 layanan" in text
    assert "Kantor Imigrasi Kelas II TPI Malang 1 layanan" in text
    assert "Perumda Air Minum Bayuangga 0 layanan" in text
    assert "Instansi Nonaktif" not in text
    for agency in (dukcapil, imigrasi, pdam):
        assert f'href="{reverse("agencies:detail", args=[agency.slug])}"' in response.content.decode()


@pytest.mark.parametrize("count", [2, 30])
def test_list_runs_a_constant_number_of_queries(client, django_assert_max_num_queries, count):
    for agency in AgencyFactory.create_batch(count):
        ServiceFactory(agency=agency)
    with django_assert_max_num_queries(2):  # the cached MPP profile, the agencies with counts
        assert client.get(LIST).status_code == 200


def test_detail_shows_services_counters_maklumat_contact_and_notes(client):
    agency = AgencyFactory(
        name="Kantor Imigrasi Kelas II TPI Malang",
        short_name="Imigrasi",
        slug="imigrasi",
        kind=Agency.Kind.VERTICAL,
        address="Jl. R. Panji Suroso No. 4, Malang",
        phone="(0341) 491039",
        email="kanim.malang@imigrasi.go.id",
        opening_notes="Pengambilan paspor pukul 13.00–14.00.",
    )
    passport = ServiceFactory(agency=agency, name="Paspor Biasa", code="IMI-PASPOR")
    ServiceFactory(agency=agency, name="Layanan Lama", is_active=False)
    ServiceFactory(name="Layanan Instansi Lain")
    CounterFactory(agency=agency, number=7, label="Paspor")
    CounterFactory(agency=agency, number=8, label="Cadangan", is_active=False)
    CounterFactory(number=9, label="Loket Instansi Lain")
    MaklumatFactory(
        agency=agency, text="Kami siap melayani paspor sesuai standar.", signer_name="Kepala Kantor"
    )
    MaklumatFactory(agency=None, text="Maklumat seluruh MPP.")
    AnnouncementFactory(agency=agency, title="Kuota paspor hari Jumat")

    response = client.get(reverse("agencies:detail", args=["imigrasi"]))

    assert response.status_code == 200
    html = response.content.decode()
    text = text_of(response)
    assert "Kantor Imigrasi Kelas II TPI Malang (Imigrasi)" in text
    assert "Instansi vertikal" in text
    assert f'href="{reverse("services:detail", args=[passport.code])}"' in html
    assert "Layanan Lama" not in text and "Layanan Instansi Lain" not in text
    assert "Loket 7 — Paspor" in text
    assert "Cadangan" not in text and "Loket Instansi Lain" not in text
    assert "Kami siap melayani paspor sesuai standar." in text and "Kepala Kantor" in text
    assert "Maklumat seluruh MPP." not in text
    assert "Jl. R. Panji Suroso No. 4, Malang" in text
    assert "(0341) 491039" in text and "kanim.malang@imigrasi.go.id" in text
    assert "Pengambilan paspor pukul 13.00–14.00." in text
    assert "Kuota paspor hari Jumat" in text
    assert f"{reverse('services:catalogue')}?agency=imigrasi" in html


def test_detail_marks_services_only_consulted_at_the_mpp(client):
    agency = AgencyFactory(slug="pupr")
    ServiceFactory(agency=agency, name="Persetujuan Bangunan Gedung", completed_at_mpp=False)
    text = text_of(client.get(reverse("agencies:detail", args=["pupr"])))
    assert "Persetujuan Bangunan Gedung Kategori" in text
    assert "Konsultasi di MPP, diselesaikan di kantor instansi" in text


def test_detail_of_an_agency_without_services_or_contact(client):
    AgencyFactory(slug="kosong", address="", phone="", description="")
    text = text_of(client.get(reverse("agencies:detail", args=["kosong"])))
    assert "Instansi ini belum memiliki layanan yang diterbitkan." in text
    assert "Informasi kontak belum tersedia." in text


@pytest.mark.parametrize("count", [2, 25])
def test_detail_runs_a_constant_number_of_queries(client, django_assert_max_num_queries, count):
    agency = AgencyFactory(slug="banyak")
    ServiceFactory.create_batch(count, agency=agency)
    for _ in range(count):
        CounterFactory(agency=agency)
    MaklumatFactory(agency=agency, signed_on=dt.date(2025, 5, 1))
    # profile, agency, services, counters, maklumat, announcements
    with django_assert_max_num_queries(6):
        assert client.get(reverse("agencies:detail", args=["banyak"])).status_code == 200


def test_unknown_or_inactive_agency_is_an_indonesian_404(client):
    AgencyFactory(slug="tutup", is_active=False)
    for slug in ("tidak-ada", "tutup"):
        response = client.get(reverse("agencies:detail", args=[slug]))
        assert response.status_code == 404
        assert "Halaman tidak ditemukan" in text_of(response)

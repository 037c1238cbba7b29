"""The public agency API: /api/v1/agencies/."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agencies.models import Agency
from tests.factories import (
    AgencyFactory,
    CounterFactory,
    MaklumatFactory,
    ServiceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

LIST_URL = "/api/v1/agencies/"
LIST_ITEM_FIELDS = {
    "slug",
    "name",
    "short_name",
    "kind",
    "kind_label",
    "description",
    "address",
    "phone",
    "email",
    "service_count",
    "url",
}


@pytest.fixture
def agencies():
    capil = AgencyFactory(
        name="Dinas Kependudukan dan Pencatatan Sipil",
        short_name="Dispendukcapil",
        slug="dispendukcapil",
        email="dispendukcapil@probolinggokota.go.id",
        opening_notes="Senin-Kamis 08.00-14.00, Jumat 08.00-11.00",
    )
    imigrasi = AgencyFactory(
        name="Kantor Imigrasi Kelas II TPI Malang",
        short_name="Imigrasi",
        slug="imigrasi",
        kind="instansi_vertikal",
    )
    AgencyFactory(name="Instansi Lama", slug="lama", is_active=False)
    ServiceFactory(agency=capil, code="KTP-EL", name="KTP Elektronik", is_permit=False)
    ServiceFactory(agency=capil, code="AKTA-LAHIR", name="Akta Kelahiran", is_permit=False)
    ServiceFactory(agency=capil, code="KK-LAMA", name="Layanan dihentikan", is_active=False)
    ServiceFactory(agency=imigrasi, code="PASPOR", name="Paspor Biasa", is_permit=False)
    return {"capil": capil, "imigrasi": imigrasi}


def test_list_shape_and_counts(api_client, agencies):
    response = api_client.get(LIST_URL)

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 2  # the inactive agency is not listed
    # agency_list's order: local agencies first, then vertical offices, then state companies.
    assert [row["slug"] for row in body["results"]] == ["dispendukcapil", "imigrasi"]
    for row in body["results"]:
        assert set(row) == LIST_ITEM_FIELDS
    capil, imigrasi = body["results"]
    assert capil == {
        "slug": "dispendukcapil",
        "name": "Dinas Kependudukan dan Pencatatan Sipil",
        "short_name": "Dispendukcapil",
        "kind": "perangkat_daerah",
        "kind_label": "Perangkat daerah",
        "description": "Instansi contoh untuk pengujian.",
        "address": "Jl. Panglima Sudirman, Kota Probolinggo",
        "phone": "(0335) 421000",
        "email": "dispendukcapil@probolinggokota.go.id",
        "service_count": 2,  # the inactive service does not count
        "url": "http://testserver/api/v1/agencies/dispendukcapil/",
    }
    assert imigrasi["kind"] == "instansi_vertikal"
    assert imigrasi["kind_label"] == "Instansi vertikal"
    assert imigrasi["service_count"] == 1


def test_list_pagination(api_client):
    AgencyFactory.create_batch(7)

    first = api_client.get(LIST_URL, {"page_size": 5}).json()
    assert first["count"] == 7
    assert len(first["results"]) == 5
    assert first["next"] == "http://testserver/api/v1/agencies/?page=2&page_size=5"
    second = api_client.get(first["next"]).json()
    assert len(second["results"]) == 2
    assert second["next"] is None


@pytest.mark.parametrize(
    ("params", "status", "body"),
    [
        (
            {"page_size": "500"},
            400,
            {"page_size": ["Ukuran halaman harus bilangan bulat dari 1 sampai 100."]},
        ),
        ({"page": "-1"}, 400, {"page": ["Nomor halaman harus bilangan bulat mulai dari 1."]}),
        (
            {"page": "3"},
            404,
            {"detail": "Halaman 3 tidak ada; halaman terakhir adalah 1.", "code": "not_found"},
        ),
    ],
)
def test_list_bad_pages(api_client, agencies, params, status, body):
    response = api_client.get(LIST_URL, params)

    assert response.status_code == status
    assert response.json() == body


def test_detail_with_maklumat_counters_and_services(api_client, agencies):
    capil = agencies["capil"]
    MaklumatFactory(agency=capil, signed_on=dt.date(2024, 1, 2), text="Maklumat lama")
    MaklumatFactory(
        agency=capil,
        signed_on=dt.date(2025, 3, 1),
        text="Kami sanggup melayani sesuai standar pelayanan.",
        signer_name="Kepala Dispendukcapil",
        signer_position="Kepala Dinas",
    )
    MaklumatFactory(agency=None, signed_on=dt.date(2026, 1, 1), text="Maklumat MPP")  # MPP-wide, not this one
    CounterFactory(agency=capil, number=12, label="Loket KTP")
    CounterFactory(agency=capil, number=11, label="Loket Akta")
    CounterFactory(agency=capil, number=13, label="Loket tutup", is_active=False)
    CounterFactory(agency=agencies["imigrasi"], number=20, label="Loket Paspor")

    response = api_client.get("/api/v1/agencies/dispendukcapil/")

    assert response.status_code == 200
    body = response.json()
    assert set(body) == LIST_ITEM_FIELDS | {"opening_notes", "maklumat", "counters", "services"}
    assert body["name"] == "Dinas Kependudukan dan Pencatatan Sipil"
    assert body["opening_notes"] == "Senin-Kamis 08.00-14.00, Jumat 08.00-11.00"
    assert body["service_count"] == 2
    assert body["maklumat"] == {
        "text": "Kami sanggup melayani sesuai standar pelayanan.",
        "signer_name": "Kepala Dispendukcapil",
        "signer_position": "Kepala Dinas",
        "signed_on": "2025-03-01",
    }
    assert body["counters"] == [{"number": 11, "label": "Loket Akta"}, {"number": 12, "label": "Loket KTP"}]
    assert body["services"] == [
        {
            "code": "AKTA-LAHIR",
            "name": "Akta Kelahiran",
            "name_en": body["services"][0]["name_en"],
            "is_permit": False,
            "url": "http://testserver/api/v1/services/AKTA-LAHIR/",
        },
        {
            "code": "KTP-EL",
            "name": "KTP Elektronik",
            "name_en": body["services"][1]["name_en"],
            "is_permit": False,
            "url": "http://testserver/api/v1/services/KTP-EL/",
        },
    ]


def test_detail_without_maklumat_or_counters(api_client, agencies):
    body = api_client.get("/api/v1/agencies/imigrasi/").json()

    assert body["maklumat"] is None
    assert body["counters"] == []
    assert [s["code"] for s in body["services"]] == ["PASPOR"]


@pytest.mark.parametrize("slug", ["tidak-ada", "lama"])
def test_detail_404_json(api_client, agencies, slug):
    response = api_client.get(f"/api/v1/agencies/{slug}/")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"detail": f"Instansi '{slug}' tidak ditemukan.", "code": "not_found"}


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("url", [LIST_URL, "/api/v1/agencies/imigrasi/"])
def test_writes_are_refused(api_client, agencies, method, url):
    payload = {"name": "Instansi Baru", "slug": "baru", "short_name": "Baru"}
    assert getattr(api_client, method)(url, payload, format="json").status_code in (403, 405)

    api_client.force_login(UserFactory(mpp_admin=True))
    assert getattr(api_client, method)(url, payload, format="json").status_code in (403, 405)

    assert not Agency.objects.filter(slug="baru").exists()
    assert Agency.objects.get(slug="imigrasi").name == "Kantor Imigrasi Kelas II TPI Malang"


def test_list_query_count_does_not_grow(api_client, django_assert_max_num_queries):
    counts = []
    for rows, page_size in [(5, 5), (40, 50)]:
        for agency in AgencyFactory.create_batch(rows):
            ServiceFactory.create_batch(2, agency=agency)
        with django_assert_max_num_queries(2), CaptureQueriesContext(connection) as context:
            response = api_client.get(LIST_URL, {"page_size": page_size})
        assert len(response.json()["results"]) >= rows
        counts.append(len(context))
    assert counts[0] == counts[1]


def test_detail_query_count_does_not_grow(api_client, django_assert_max_num_queries):
    small = AgencyFactory()
    ServiceFactory(agency=small)
    big = AgencyFactory()
    ServiceFactory.create_batch(30, agency=big)
    for n in range(10):
        CounterFactory(agency=big, number=100 + n)
        MaklumatFactory(agency=big, signed_on=dt.date(2020 + n, 1, 1))

    counts = []
    for agency in (small, big):
        with django_assert_max_num_queries(4), CaptureQueriesContext(connection) as context:
            assert api_client.get(f"/api/v1/agencies/{agency.slug}/").status_code == 200
        counts.append(len(context))
    assert counts[0] == counts[1]

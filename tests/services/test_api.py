"""The public catalogue API: /api/v1/services/ and /api/v1/categories/."""

import datetime as dt

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from services.models import FeeItem, ServiceStandard
from tests.factories import (
    AgencyFactory,
    CategoryFactory,
    FeeItemFactory,
    ServiceFactory,
    ServiceStandardFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

LIST_URL = "/api/v1/services/"
LIST_ITEM_FIELDS = {
    "code",
    "name",
    "name_en",
    "agency",
    "category",
    "is_permit",
    "completed_at_mpp",
    "time_limit_days",
    "fee_kind",
    "fee_items",
    "levy_formula",
    "url",
}
STANDARD_FIELDS = {
    "version",
    "decree_number",
    "decree_date",
    "effective_from",
    # The 14 components.
    "requirements",
    "procedure",
    "steps",
    "time_limit_days",
    "fee_kind",
    "fee_items",
    "levy_formula",
    "levy_description",
    "product",
    "complaint_handling",
    "legal_basis",
    "facilities",
    "competence",
    "internal_supervision",
    "staffing",
    "service_guarantee",
    "security_guarantee",
    "performance_evaluation",
}


@pytest.fixture
def catalogue():
    """Two agencies, two categories, four services with different standards."""
    capil = AgencyFactory(
        name="Dinas Kependudukan dan Pencatatan Sipil", short_name="Dispendukcapil", slug="dispendukcapil"
    )
    imigrasi = AgencyFactory(
        name="Kantor Imigrasi Kelas II TPI Malang",
        short_name="Imigrasi",
        slug="imigrasi",
        kind="instansi_vertikal",
    )
    kependudukan = CategoryFactory(slug="kependudukan", name="Kependudukan", name_en="Civil registration")
    perizinan = CategoryFactory(slug="perizinan-usaha", name="Perizinan usaha", name_en="Business permits")

    ktp = ServiceFactory(
        code="KTP-EL",
        name="Kartu Tanda Penduduk Elektronik",
        name_en="Electronic identity card",
        agency=capil,
        category=kependudukan,
        is_permit=False,
        keywords="ktp, e-ktp, identitas",
    )
    ServiceStandardFactory(service=ktp, in_force=True, time_limit_days=1, fee_kind="free")

    paspor = ServiceFactory(
        code="PASPOR",
        name="Paspor Biasa",
        name_en="Ordinary passport",
        agency=imigrasi,
        category=kependudukan,
        is_permit=False,
        completed_at_mpp=False,
    )
    ServiceStandardFactory(service=paspor, version=1, superseded=True, time_limit_days=5, fee_kind="fixed")
    in_force = ServiceStandardFactory(
        service=paspor, version=2, in_force=True, time_limit_days=4, fee_kind="fixed"
    )
    FeeItemFactory(standard=in_force, order=1, label="Paspor 5 tahun", amount=350000)
    FeeItemFactory(standard=in_force, order=2, label="Paspor 10 tahun", amount=650000)
    ServiceStandardFactory(service=paspor, version=3, scheduled=True, time_limit_days=3, fee_kind="fixed")
    ServiceStandardFactory(service=paspor, version=4, time_limit_days=2)  # draft: never public

    reklame = ServiceFactory(
        code="IZIN-REKLAME",
        name="Izin Reklame",
        name_en="Advertising permit",
        agency=capil,
        category=perizinan,
        is_permit=True,
    )
    ServiceStandardFactory(
        service=reklame, in_force=True, time_limit_days=5, fee_kind="levy", levy_formula="reklame"
    )

    # Published but nothing in force yet.
    ServiceFactory(
        code="SIP-DOKTER",
        name="Surat Izin Praktik Dokter",
        name_en="Doctor's practice licence",
        agency=capil,
        category=perizinan,
        is_permit=True,
    )
    # Never listed: an inactive service, and a service of an inactive agency.
    ServiceFactory(code="LAMA", name="Layanan Lama", agency=capil, category=perizinan, is_active=False)
    ServiceFactory(
        code="TUTUP",
        name="Layanan Instansi Tutup",
        agency=AgencyFactory(slug="tutup", is_active=False),
        category=perizinan,
    )
    return {"capil": capil, "imigrasi": imigrasi, "paspor": paspor}


def codes(response) -> list[str]:
    return [item["code"] for item in response.json()["results"]]


# --- List ----------------------------------------------------------------------------------------


def test_list_shows_active_services_with_standard_in_force(api_client, catalogue):
    response = api_client.get(LIST_URL)

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 4
    assert codes(response) == ["IZIN-REKLAME", "KTP-EL", "PASPOR", "SIP-DOKTER"]  # by name
    for item in body["results"]:
        assert set(item) == LIST_ITEM_FIELDS

    paspor = next(item for item in body["results"] if item["code"] == "PASPOR")
    assert paspor["name"] == "Paspor Biasa"
    assert paspor["name_en"] == "Ordinary passport"
    assert paspor["agency"] == {
        "slug": "imigrasi",
        "short_name": "Imigrasi",
        "name": "Kantor Imigrasi Kelas II TPI Malang",
    }
    assert paspor["category"] == {
        "slug": "kependudukan",
        "name": "Kependudukan",
        "name_en": "Civil registration",
    }
    assert paspor["is_permit"] is False
    assert paspor["completed_at_mpp"] is False
    # The version in force (v2), not the superseded, scheduled or draft one.
    assert paspor["time_limit_days"] == 4
    assert paspor["fee_kind"] == "fixed"
    assert paspor["fee_items"] == [
        {"label": "Paspor 5 tahun", "amount": 350000},
        {"label": "Paspor 10 tahun", "amount": 650000},
    ]
    assert paspor["levy_formula"] == ""
    assert paspor["url"] == "http://testserver/api/v1/services/PASPOR/"


def test_list_item_of_levy_and_of_service_without_standard(api_client, catalogue):
    results = {item["code"]: item for item in api_client.get(LIST_URL).json()["results"]}

    assert results["IZIN-REKLAME"]["fee_kind"] == "levy"
    assert results["IZIN-REKLAME"]["levy_formula"] == "reklame"
    assert results["IZIN-REKLAME"]["fee_items"] == []
    assert results["SIP-DOKTER"]["time_limit_days"] is None
    assert results["SIP-DOKTER"]["fee_kind"] is None
    assert results["SIP-DOKTER"]["levy_formula"] is None
    assert results["SIP-DOKTER"]["fee_items"] == []


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"agency": "imigrasi"}, ["PASPOR"]),
        ({"agency": "dispendukcapil"}, ["IZIN-REKLAME", "KTP-EL", "SIP-DOKTER"]),
        ({"category": "perizinan-usaha"}, ["IZIN-REKLAME", "SIP-DOKTER"]),
        ({"category": "kependudukan", "agency": "dispendukcapil"}, ["KTP-EL"]),
        ({"is_permit": "true"}, ["IZIN-REKLAME", "SIP-DOKTER"]),
        ({"is_permit": "false"}, ["KTP-EL", "PASPOR"]),
        ({"is_permit": ""}, ["IZIN-REKLAME", "KTP-EL", "PASPOR", "SIP-DOKTER"]),
        ({"agency": "", "category": "", "q": ""}, ["IZIN-REKLAME", "KTP-EL", "PASPOR", "SIP-DOKTER"]),
        ({"is_permit": "false", "agency": "imigrasi"}, ["PASPOR"]),
        ({"is_permit": "true", "agency": "imigrasi"}, []),
    ],
)
def test_list_filters(api_client, catalogue, params, expected):
    response = api_client.get(LIST_URL, params)

    assert response.status_code == 200
    assert codes(response) == expected
    assert response.json()["count"] == len(expected)


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("paspor", ["PASPOR"]),
        ("KTP", ["KTP-EL"]),  # code and keywords
        ("reklame", ["IZIN-REKLAME"]),
        ("imigrasi", ["PASPOR"]),  # agency short name
        ("tidakadaapapun", []),
    ],
)
def test_search_with_q(api_client, catalogue, q, expected):
    response = api_client.get(LIST_URL, {"q": q})

    assert response.status_code == 200
    assert codes(response) == expected


def test_search_combines_with_filters(api_client, catalogue):
    assert codes(
        api_client.get(LIST_URL, {"q": "izin", "is_permit": "true", "agency": "dispendukcapil"})
    ) == [
        "IZIN-REKLAME",
        "SIP-DOKTER",
    ]
    assert codes(api_client.get(LIST_URL, {"q": "izin", "is_permit": "false"})) == []


@pytest.mark.skipif(settings.IS_POSTGRES, reason="the SQLite fallback of the search")
def test_search_sqlite_fallback_needs_every_word(api_client, catalogue):
    assert codes(api_client.get(LIST_URL, {"q": "paspor biasa"})) == ["PASPOR"]
    assert codes(api_client.get(LIST_URL, {"q": "paspor reklame"})) == []


@pytest.mark.skipif(not settings.IS_POSTGRES, reason="PostgreSQL full-text search")
def test_search_postgres_stems_indonesian_and_forgives_typos(api_client, catalogue):
    # "perizinan" stems to "izin" with the indonesian snowball configuration.
    assert set(codes(api_client.get(LIST_URL, {"q": "perizinan"}))) >= {"IZIN-REKLAME", "SIP-DOKTER"}
    # Trigram similarity on the name: a typo still finds the passport.
    assert codes(api_client.get(LIST_URL, {"q": "pasport"})) == ["PASPOR"]


# --- Pagination ------------------------------------------------------------------------------------


def test_pagination(api_client, catalogue):
    first = api_client.get(LIST_URL, {"page_size": 3}).json()
    assert first["count"] == 4
    assert len(first["results"]) == 3
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/services/?page=2&page_size=3"

    second = api_client.get(first["next"]).json()
    assert [item["code"] for item in second["results"]] == ["SIP-DOKTER"]
    assert second["next"] is None
    assert second["previous"] == "http://testserver/api/v1/services/?page_size=3"


def test_pagination_keeps_filters_in_links(api_client, catalogue):
    body = api_client.get(LIST_URL, {"agency": "dispendukcapil", "page_size": 1, "page": 2}).json()
    assert body["count"] == 3
    assert [item["code"] for item in body["results"]] == ["KTP-EL"]
    assert "agency=dispendukcapil" in body["next"]
    assert "agency=dispendukcapil" in body["previous"]


def test_default_page_size_is_20_and_100_is_allowed(api_client):
    agency = AgencyFactory()
    category = CategoryFactory()
    ServiceFactory.create_batch(25, agency=agency, category=category)

    assert len(api_client.get(LIST_URL).json()["results"]) == 20
    assert len(api_client.get(LIST_URL, {"page_size": 100}).json()["results"]) == 25


def test_page_past_the_end_is_404_with_a_clear_message(api_client, catalogue):
    response = api_client.get(LIST_URL, {"page": 9, "page_size": 2})

    assert response.status_code == 404
    assert response.json()["detail"] == "Halaman 9 tidak ada; halaman terakhir adalah 2."


def test_empty_result_is_an_empty_first_page(api_client, catalogue):
    response = api_client.get(LIST_URL, {"q": "tidakadaapapun"})

    assert response.status_code == 200
    assert response.json() == {"count": 0, "next": None, "previous": None, "results": []}


# --- Bad parameters ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "errors"),
    [
        ({"agency": "xyz"}, {"agency": ["Instansi 'xyz' tidak dikenal."]}),
        ({"agency": "tutup"}, {"agency": ["Instansi 'tutup' tidak dikenal."]}),  # inactive agency
        ({"category": "tidak-ada"}, {"category": ["Kategori 'tidak-ada' tidak dikenal."]}),
        ({"is_permit": "mungkin"}, {"is_permit": ["Nilai is_permit harus true atau false."]}),
        ({"q": "a" * 201}, {"q": ["Kata kunci pencarian paling panjang 200 karakter."]}),
        (
            {"agency": "xyz", "category": "abc"},
            {"agency": ["Instansi 'xyz' tidak dikenal."], "category": ["Kategori 'abc' tidak dikenal."]},
        ),
        ({"page_size": "0"}, {"page_size": ["Ukuran halaman harus bilangan bulat dari 1 sampai 100."]}),
        ({"page_size": "101"}, {"page_size": ["Ukuran halaman harus bilangan bulat dari 1 sampai 100."]}),
        ({"page_size": "banyak"}, {"page_size": ["Ukuran halaman harus bilangan bulat dari 1 sampai 100."]}),
        ({"page": "0"}, {"page": ["Nomor halaman harus bilangan bulat mulai dari 1."]}),
        ({"page": "dua"}, {"page": ["Nomor halaman harus bilangan bulat mulai dari 1."]}),
    ],
)
def test_bad_parameters_are_400_naming_the_parameter(api_client, catalogue, params, errors):
    response = api_client.get(LIST_URL, params)

    assert response.status_code == 400
    assert response.json() == errors


def test_q_of_200_characters_is_accepted(api_client, catalogue):
    assert api_client.get(LIST_URL, {"q": "a" * 200}).status_code == 200


# --- Detail ----------------------------------------------------------------------------------------


def test_detail_has_the_full_standard_in_force_and_published_versions(api_client, catalogue):
    response = api_client.get("/api/v1/services/PASPOR/")

    assert response.status_code == 200
    body = response.json()
    assert set(body) == LIST_ITEM_FIELDS | {"description", "standard", "versions"}
    standard = body["standard"]
    assert set(standard) == STANDARD_FIELDS
    assert standard["version"] == 2
    assert standard["decree_number"] == "Keputusan Kepala DPMPTSP Nomor 503/1/2025"
    assert standard["decree_date"] == "2025-01-10"
    assert standard["effective_from"] == "2025-02-01"
    assert standard["time_limit_days"] == 4
    assert standard["product"] == "Surat izin"
    assert standard["legal_basis"] == "UU 25/2009 tentang Pelayanan Publik"
    assert standard["requirements"] == [
        {
            "name": "Fotokopi KTP-el",
            "description": "",
            "mandatory": True,
            "accepted_kinds": ["pdf", "jpeg", "png"],
        },
        {"name": "Surat permohonan", "description": "", "mandatory": True, "accepted_kinds": ["pdf"]},
    ]
    assert [
        (s["order"], s["name"], s["responsible_role"], s["duration_days"]) for s in standard["steps"]
    ] == [
        (1, "Pemeriksaan kelengkapan berkas", "front_office", 1),
        (2, "Verifikasi teknis", "officer", 2),
        (3, "Penandatanganan izin", "head", 1),
    ]
    assert standard["steps"][0]["responsible_role_label"] == "Petugas front office"
    assert standard["fee_items"] == [
        {"label": "Paspor 5 tahun", "amount": 350000},
        {"label": "Paspor 10 tahun", "amount": 650000},
    ]
    # Published versions, newest first; the draft (v4) is not public.
    assert [(v["version"], v["status"]) for v in body["versions"]] == [
        (3, "scheduled"),
        (2, "in_force"),
        (1, "superseded"),
    ]
    assert body["versions"][0] == {
        "version": 3,
        "status": "scheduled",
        "status_label": "Terjadwal",
        "decree_number": "Keputusan Kepala DPMPTSP Nomor 503/9/2026",
        "decree_date": "2026-11-01",
        "effective_from": "2027-01-01",
    }


def test_detail_leaks_nothing_private(api_client, catalogue):
    standard = catalogue["paspor"].standards.get(status=ServiceStandard.Status.IN_FORCE)
    officer = UserFactory(officer=True, email="pejabat@instansi.go.id", full_name="Pejabat Penerbit")
    standard.published_by = officer
    standard.save()

    text = api_client.get("/api/v1/services/PASPOR/").content.decode()

    assert "pejabat@instansi.go.id" not in text
    assert "Pejabat Penerbit" not in text
    assert "published_by" not in text


def test_detail_code_is_case_insensitive(api_client, catalogue):
    response = api_client.get("/api/v1/services/paspor/")

    assert response.status_code == 200
    assert response.json()["code"] == "PASPOR"


def test_detail_without_standard_in_force(api_client, catalogue):
    body = api_client.get("/api/v1/services/SIP-DOKTER/").json()

    assert body["standard"] is None
    assert body["versions"] == []
    assert body["time_limit_days"] is None


@pytest.mark.parametrize("code", ["TIDAK-ADA", "LAMA", "TUTUP", "bukan kode!"])
def test_detail_404_json_for_unknown_or_inactive(api_client, catalogue, code):
    response = api_client.get(f"/api/v1/services/{code}/")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {
        "detail": f"Layanan dengan kode '{code}' tidak ditemukan.",
        "code": "not_found",
    }


# --- Categories -------------------------------------------------------------------------------------


def test_categories_with_active_service_counts(api_client, catalogue):
    CategoryFactory(slug="kosong", name="Kosong", name_en="Empty")

    response = api_client.get("/api/v1/categories/")

    assert response.status_code == 200
    by_slug = {row["slug"]: row for row in response.json()}
    assert set(by_slug["kependudukan"]) == {"slug", "name", "name_en", "service_count"}
    assert by_slug["kependudukan"] == {
        "slug": "kependudukan",
        "name": "Kependudukan",
        "name_en": "Civil registration",
        "service_count": 2,
    }
    # Izin Reklame and SIP Dokter; not the inactive service nor the inactive agency's one.
    assert by_slug["perizinan-usaha"]["service_count"] == 2
    assert by_slug["kosong"]["service_count"] == 0


# --- Read-only --------------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("url", [LIST_URL, "/api/v1/services/PASPOR/", "/api/v1/categories/"])
def test_writes_are_refused(api_client, catalogue, method, url):
    response = getattr(api_client, method)(url, {"code": "BARU", "name": "Baru"}, format="json")
    assert response.status_code in (403, 405)

    api_client.force_login(UserFactory(mpp_admin=True))
    response = getattr(api_client, method)(url, {"code": "BARU", "name": "Baru"}, format="json")
    assert response.status_code in (403, 405)

    assert not catalogue["paspor"].__class__.objects.filter(code="BARU").exists()
    assert ServiceStandard.objects.filter(service__code="PASPOR").count() == 4


@pytest.mark.parametrize("url", [LIST_URL, "/api/v1/services/PASPOR/", "/api/v1/categories/"])
def test_anonymous_may_read(api_client, catalogue, url):
    assert api_client.get(url).status_code == 200


# --- Query counts -----------------------------------------------------------------------------------


def _make_services(count: int) -> None:
    agency = AgencyFactory(slug=f"instansi-{count}")
    category = CategoryFactory(slug=f"kategori-{count}")
    for n in range(count):
        service = ServiceFactory(agency=agency, category=category, is_permit=n % 2 == 0)
        standard = ServiceStandardFactory(service=service, in_force=True, fee_kind="fixed", with_rows=False)
        FeeItem.objects.bulk_create(
            [FeeItem(standard=standard, order=i, label=f"Tarif {i}", amount=1000 * i) for i in range(2)]
        )


def _count_queries(client, url, params) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(context)


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": "layanan"},
        {"agency": "instansi-{n}", "category": "kategori-{n}", "is_permit": "true"},
        {"is_permit": "false"},
    ],
)
def test_list_query_count_does_not_grow_with_rows_or_page_size(
    api_client, django_assert_max_num_queries, params
):
    counts = []
    for rows, page_size in [(5, 5), (40, 50)]:
        _make_services(rows)
        query = {key: value.format(n=rows) for key, value in params.items()}
        with django_assert_max_num_queries(7):
            response = api_client.get(LIST_URL, {**query, "page_size": page_size})
        assert response.status_code == 200
        assert len(response.json()["results"]) >= rows // 2
        counts.append(_count_queries(api_client, LIST_URL, {**query, "page_size": page_size}))
    assert counts[0] == counts[1]


def test_detail_query_count_does_not_grow_with_rows(api_client, django_assert_max_num_queries):
    small = ServiceStandardFactory(in_force=True).service
    big_standard = ServiceStandardFactory(in_force=True, time_limit_days=40)
    for order in range(4, 40):
        FeeItemFactory(standard=big_standard, order=order, label=f"Tarif {order}")
    for version in range(1, 20):
        ServiceStandardFactory(
            service=big_standard.service, version=100 + version, superseded=True, with_rows=False
        )

    with django_assert_max_num_queries(6):
        assert api_client.get(f"/api/v1/services/{small.code}/").status_code == 200
    small_count = _count_queries(api_client, f"/api/v1/services/{small.code}/", {})
    big_count = _count_queries(api_client, f"/api/v1/services/{big_standard.service.code}/", {})
    assert small_count == big_count


def test_categories_query_count_is_one(api_client, django_assert_max_num_queries):
    for n in range(30):
        ServiceFactory(category=CategoryFactory(slug=f"k-{n}"))

    with django_assert_max_num_queries(1):
        response = api_client.get("/api/v1/categories/")
    assert len(response.json()) == 30


def test_list_in_english_keeps_indonesian_field_values(api_client, catalogue):
    # The language only changes messages; names come in both languages as fields.
    response = api_client.get(LIST_URL, {"agency": "imigrasi"}, HTTP_ACCEPT_LANGUAGE="en")
    item = response.json()["results"][0]
    assert (item["name"], item["name_en"]) == ("Paspor Biasa", "Ordinary passport")


def test_superseded_standard_is_not_the_summary(api_client):
    service = ServiceFactory(code="X-1")
    ServiceStandardFactory(service=service, version=1, superseded=True, time_limit_days=9)
    ServiceStandardFactory(
        service=service, version=2, in_force=True, time_limit_days=3, effective_from=dt.date(2025, 6, 1)
    )

    item = api_client.get(LIST_URL).json()["results"][0]
    assert item["time_limit_days"] == 3

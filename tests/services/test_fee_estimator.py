"""The public fee estimator page /layanan/<code>/estimasi-biaya/ and its link on the service page."""

import html as html_lib
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from services import fees
from services.estimator import ESTIMATORS
from services.models import ServiceStandard
from tests.factories import MppProfileFactory, ServiceFactory, ServiceStandardFactory

pytestmark = pytest.mark.django_db

HOUSE = {
    "floor_area": "100",
    "floors": "1",
    "function": "hunian",
    "complexity": "sederhana",
    "permanence": "permanen",
    "ownership": "perorangan",
    "building_state": "baru",
}
BILLBOARD = {"kind": "billboard", "location": "utama", "area": "32", "count": "1", "duration": "12"}


def text_of(response) -> str:
    html = response.content.decode()
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def levy_service(formula, *, code, name="Layanan Retribusi", **standard_kwargs):
    standard = ServiceStandardFactory(
        in_force=True,
        fee_kind=ServiceStandard.FeeKind.LEVY,
        levy_formula=formula,
        levy_description="Retribusi dihitung sesuai Perda.",
        service=ServiceFactory(code=code, name=name),
        **standard_kwargs,
    )
    return standard.service


def estimator_url(service_or_code) -> str:
    code = getattr(service_or_code, "code", service_or_code)
    return reverse("services:fee_estimator", args=[code])


@pytest.fixture(autouse=True)
def mpp_profile():
    return MppProfileFactory()


@pytest.fixture
def pbg():
    return levy_service("pbg", code="PBG", name="Persetujuan Bangunan Gedung")


@pytest.fixture
def reklame():
    return levy_service("reklame", code="IZIN-REKLAME", name="Izin Penyelenggaraan Reklame Tetap")


# --- PBG ----------------------------------------------------------------------------------------


def test_pbg_estimate_shows_the_amount_the_steps_and_their_sources(client, pbg):
    response = client.get(estimator_url(pbg), HOUSE)

    assert response.status_code == 200
    text = text_of(response)
    assert "Estimasi retribusi PBG" in text and "Persetujuan Bangunan Gedung" in text
    assert "Perkiraan biaya Rp124.200" in text
    # Each index with its value, then It, the rate per m² and the amount, as a citizen can check.
    assert "Indeks fungsi (Ifs) Hunian (rumah tinggal) 0,15 Sumber: PP 16/2021, Lampiran" in text
    assert "0,3 × 0,4 = 0,12" in text and "0,2 × 0,7 = 0,14" in text and "0,5 × 0,4 = 0,2" in text
    assert "1 lantai, ketinggian rendah" in text
    assert "0,12 + 0,14 + 0,2 = 0,46" in text
    assert "0,15 × 0,46 × 1 = 0,069" in text
    assert "Indeks lokalitas (Ilo) 0,4%" in text
    assert "Rp4.500.000 per m²" in text
    assert "0,069 × 1 × 0,4% × Rp4.500.000 = Rp1.242" in text
    assert "100 m² × Rp1.242 = Rp124.200" in text
    assert "Rp4.500.000 per m² Sumber: Keputusan Wali Kota Probolinggo" in text
    assert "Dasar hukum PP 16/2021 tentang Peraturan Pelaksanaan UU 28/2002" in text
    assert "Retribusi PBG = LLt × (It × Ibg × Ilo × SHST)" in text
    # The official amount is the SKRD's, after review.
    assert "Surat Ketetapan Retribusi Daerah (SKRD) setelah petugas memeriksa" in text
    # The form keeps what was typed, to adjust and recompute.
    html = response.content.decode()
    assert 'name="floor_area" value="100"' in html
    assert '<option value="hunian" selected>' in html


def test_the_form_is_a_shareable_get_form_that_works_without_javascript(client, pbg):
    response = client.get(estimator_url(pbg))

    assert response.status_code == 200
    html = response.content.decode()
    form = re.search(rf'<form method="get" action="{estimator_url(pbg)}#hasil".*?</form>', html, flags=re.S)
    assert form is not None
    assert "csrfmiddlewaretoken" not in form.group(0)
    assert "<script" not in html.split("<main", 1)[1].split("</main>", 1)[0]
    text = text_of(response)
    assert "Perkiraan biaya" not in text  # nothing computed before the form is sent
    assert "Hitung perkiraan" in text
    assert "setelah petugas memeriksa" in text  # the notice shows before any result
    # Every field has a label; selects start on the common case.
    for name in HOUSE:
        assert f'<label for="id_{name}"' in html
    assert '<option value="hunian" selected>' in html and 'name="floors" value="1"' in html
    assert 'inputmode="decimal"' in html


def test_a_shared_link_gives_the_same_result(client, pbg):
    url = estimator_url(pbg) + "?" + "&".join(f"{k}={v}" for k, v in HOUSE.items())
    assert "Rp124.200" in text_of(client.get(url))


@pytest.mark.parametrize(
    ("floor_area", "amount"),
    [("10,25", "Rp12.731"), ("10.25", "Rp12.731"), (" 36,5 ", "Rp45.333")],
)
def test_decimal_comma_or_point_is_accepted(client, pbg, floor_area, amount):
    # 10,25 × 1.242 = 12.730,5 → Rp12.731; 36,5 × 1.242 = 45.333
    response = client.get(estimator_url(pbg), {**HOUSE, "floor_area": floor_area})
    assert f"Perkiraan biaya {amount}" in text_of(response)


def test_a_place_of_worship_is_shown_as_exempt(client, pbg):
    text = text_of(client.get(estimator_url(pbg), {**HOUSE, "function": "keagamaan"}))
    assert "Perkiraan biaya Rp0" in text
    assert "tidak dikenai retribusi PBG (indeks fungsinya 0)" in text


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"floor_area": "0"}, "floor_area", "Luas total lantai harus lebih dari 0 m²."),
        ({"floor_area": "2000000"}, "floor_area", "Luas total lantai paling besar 1.000.000 m²."),
        ({"floor_area": "seratus"}, "floor_area", "Tulis angka saja, misalnya 120 atau 120,5"),
        ({"floor_area": "1.200,5"}, "floor_area", "Tulis angka saja, misalnya 120 atau 120,5"),
        ({"floor_area": "NaN"}, "floor_area", "Tulis angka saja"),
        ({"floor_area": "1e999999"}, "floor_area", "Luas total lantai paling besar 1.000.000 m²."),
        ({"floor_area": "10,255"}, "floor_area", "Tulis paling banyak 2 angka di belakang koma."),
        ({"floor_area": ""}, "floor_area", "Isi luas total lantai."),
        ({"floors": "0"}, "floors", "Jumlah lantai harus bilangan bulat dari 1 sampai 100."),
        ({"floors": "101"}, "floors", "Jumlah lantai harus bilangan bulat dari 1 sampai 100."),
        ({"floors": "dua"}, "floors", "Tulis bilangan bulat, misalnya 2."),
        ({"function": "gudang-senjata"}, "function", "Pilih salah satu dari daftar."),
        ({"ownership": ""}, "ownership", "Pilih salah satu dari daftar."),
    ],
)
def test_bad_input_shows_field_errors_in_indonesian(client, pbg, changes, field, message):
    response = client.get(estimator_url(pbg), {**HOUSE, **changes})

    assert response.status_code == 200
    text = text_of(response)
    html = response.content.decode()
    assert "Periksa kembali isian berikut:" in text
    assert message in text
    assert f'href="#id_{field}"' in html  # the summary links to the field
    assert re.search(rf'<input[^>]*name="{field}"[^>]*aria-invalid="true"', html) or re.search(
        rf'<select[^>]*name="{field}"[^>]*aria-invalid="true"', html
    )
    assert "Perkiraan biaya" not in text


def test_every_wrong_field_is_reported_at_once(client, pbg):
    response = client.get(estimator_url(pbg), {**HOUSE, "floor_area": "0", "floors": "abc"})
    text = text_of(response)
    assert "Luas total lantai (m²): Luas total lantai harus lebih dari 0 m²." in text
    assert "Jumlah lantai: Tulis bilangan bulat, misalnya 2." in text


def test_a_partial_query_string_reports_every_missing_field(client, pbg):
    text = text_of(client.get(estimator_url(pbg), {"floor_area": "100"}))
    assert "Isi jumlah lantai." in text
    assert text.count("Pilih salah satu dari daftar.") >= 5
    assert "Perkiraan biaya" not in text


def test_city_values_come_from_the_setting(client, pbg, settings):
    settings.MPP_LEVY_PARAMETERS = {"pbg_shst": "5000000", "pbg_locality_index": "0.005"}
    text = text_of(client.get(estimator_url(pbg), HOUSE))
    # 0,069 × 0,005 × 5.000.000 = 1.725 per m² × 100 m²
    assert "Perkiraan biaya Rp172.500" in text
    assert "Rp5.000.000 per m²" in text and "Indeks lokalitas (Ilo) 0,5%" in text


# --- reklame ------------------------------------------------------------------------------------


def test_reklame_estimate_shows_nsr_and_the_25_percent_tax(client, reklame):
    response = client.get(estimator_url(reklame), BILLBOARD)

    assert response.status_code == 200
    text = text_of(response)
    assert "Estimasi pajak reklame" in text
    assert "Perkiraan biaya Rp3.600.000" in text
    assert "32 × 1 × 12 × Rp25.000 × 1,5 = Rp14.400.000" in text
    assert "Rp14.400.000 × 25% = Rp3.600.000" in text
    assert "UU 1/2022" in text
    assert "Surat Ketetapan Pajak Daerah (SKPD)" in text


def test_reklame_reports_a_wrong_count_and_a_too_long_duration_together(client, reklame):
    params = {**BILLBOARD, "kind": "spanduk", "count": "banyak", "duration": "45"}
    text = text_of(client.get(estimator_url(reklame), params))
    assert "Jumlah media atau sisi: Tulis bilangan bulat, misalnya 2." in text
    assert "Jangka waktu reklame insidentil harus bilangan bulat dari 1 sampai 30 hari." in text


def test_reklame_temporary_media_are_limited_to_30_days(client, reklame):
    response = client.get(estimator_url(reklame), {**BILLBOARD, "kind": "spanduk", "duration": "31"})
    text = text_of(response)
    assert "Jangka waktu reklame insidentil harus bilangan bulat dari 1 sampai 30 hari." in text
    assert 'href="#id_duration"' in response.content.decode()


# --- where the estimator does not apply ---------------------------------------------------------


def _standard(code, **kwargs):
    return ServiceStandardFactory(service=ServiceFactory(code=code), **kwargs)


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda: _standard("GRATIS", in_force=True), id="free"),
        pytest.param(
            lambda: _standard("TETAP", in_force=True, fee_kind=ServiceStandard.FeeKind.FIXED), id="fixed"
        ),
        pytest.param(
            lambda: _standard(
                "LAB", in_force=True, fee_kind=ServiceStandard.FeeKind.LEVY, levy_formula="other"
            ),
            id="levy-assessed-by-officer",
        ),
        pytest.param(
            lambda: _standard("DRAF", fee_kind=ServiceStandard.FeeKind.LEVY, levy_formula="pbg"),
            id="pbg-only-in-draft",
        ),
        pytest.param(
            lambda: _standard(
                "NANTI", scheduled=True, fee_kind=ServiceStandard.FeeKind.LEVY, levy_formula="pbg"
            ),
            id="pbg-only-scheduled",
        ),
        pytest.param(
            lambda: levy_service("pbg", code="PBG-LAMA", status=ServiceStandard.Status.SUPERSEDED),
            id="pbg-superseded",
        ),
        pytest.param(lambda: ServiceFactory(code="KOSONG"), id="no-standard"),
    ],
)
def test_services_without_a_supported_levy_formula_have_no_estimator(client, make):
    created = make()
    service = getattr(created, "service", created)
    response = client.get(estimator_url(service), HOUSE)
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in text_of(response)


def test_unknown_or_inactive_service_is_a_404(client):
    levy_service("pbg", code="PBG-NONAKTIF").__class__.objects.filter(code="PBG-NONAKTIF").update(
        is_active=False
    )
    for code in ("TIDAK-ADA", "PBG-NONAKTIF"):
        response = client.get(estimator_url(code))
        assert response.status_code == 404
        assert "Halaman tidak ditemukan" in text_of(response)


def test_a_service_whose_new_standard_is_free_loses_its_estimator(client):
    service = levy_service("pbg", code="PBG-2", status=ServiceStandard.Status.SUPERSEDED)
    ServiceStandardFactory(service=service, in_force=True)
    assert client.get(estimator_url(service)).status_code == 404


# --- the link on the service page ---------------------------------------------------------------


@pytest.mark.parametrize("formula", fees.ESTIMATED_FORMULAS)
def test_service_page_links_to_the_estimator_of_every_supported_formula(client, formula):
    # _standard.html lists the formulas by name: this keeps it in step with services/fees.py.
    assert set(ESTIMATORS) == set(fees.ESTIMATED_FORMULAS)
    service = levy_service(formula, code=f"LEVY-{formula}")
    response = client.get(reverse("services:detail", args=[service.code]))
    assert f'href="{estimator_url(service)}"' in response.content.decode()
    assert "Hitung perkiraan biaya" in text_of(response)
    assert client.get(estimator_url(service)).status_code == 200


def test_service_page_of_a_free_service_has_no_estimator_link(client):
    service = _standard("GRATIS", in_force=True).service
    response = client.get(reverse("services:detail", args=[service.code]))
    assert response.status_code == 200
    assert "estimasi-biaya" not in response.content.decode()
    assert "Hitung perkiraan biaya" not in text_of(response)


def test_service_page_of_an_officer_assessed_levy_says_there_is_no_estimator(client):
    service = _standard(
        "LAB", in_force=True, fee_kind=ServiceStandard.FeeKind.LEVY, levy_formula="other"
    ).service
    response = client.get(reverse("services:detail", args=[service.code]))
    assert "estimasi-biaya" not in response.content.decode()
    assert "Belum ada kalkulator perkiraan untuk layanan ini" in text_of(response)


def test_an_archived_version_page_does_not_offer_the_estimator(client):
    service = levy_service("pbg", code="PBG-3", status=ServiceStandard.Status.SUPERSEDED, version=1)
    ServiceStandardFactory(service=service, in_force=True, version=2)
    response = client.get(reverse("services:standard_version", args=[service.code, 1]))
    assert response.status_code == 200
    assert "estimasi-biaya" not in response.content.decode()


def test_the_estimator_links_back_to_the_service_page(client, pbg):
    html = client.get(estimator_url(pbg)).content.decode()
    assert f'href="{reverse("services:detail", args=[pbg.code])}"' in html


# --- query count --------------------------------------------------------------------------------


def test_the_estimator_runs_a_constant_number_of_queries(client, pbg, django_assert_max_num_queries):
    busy = levy_service("pbg", code="PBG-BESAR")
    standard = busy.standards.get()
    for order in range(3, 23):
        standard.requirements.create(order=order, name=f"Syarat {order}", accepted_kinds=["pdf"])

    client.get(estimator_url(pbg))  # warms the cached MPP profile used by every page
    counts = []
    for service, params in ((pbg, {}), (pbg, HOUSE), (pbg, {**HOUSE, "floors": "0"}), (busy, HOUSE)):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(estimator_url(service), params).status_code == 200
        counts.append(len(queries))
    assert len(set(counts)) == 1, counts
    # the service with agency and category, its standard in force, requirements, steps, fee lines
    with django_assert_max_num_queries(5):
        client.get(estimator_url(pbg), HOUSE)

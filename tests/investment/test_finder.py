"""BIGGOS: searching activities, the finder's ordered services with days and fees, the pages."""

import pytest
from django.urls import reverse

from investment import selectors
from investment.demo import seed_demo
from investment.models import InvestmentInfo, KbliActivity, Sector
from services.risk import RiskLevel, highest, obligation
from tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db


def test_risk_table_follows_oss_rba():
    assert obligation(RiskLevel.LOW).summary == "NIB saja"
    assert obligation(RiskLevel.MEDIUM_LOW).standard_certificate == "self_declared"
    assert obligation(RiskLevel.MEDIUM_HIGH).standard_certificate == "verified"
    assert obligation(RiskLevel.HIGH).needs_permit
    assert obligation("") is None
    assert highest(["rendah", "tinggi", "menengah_rendah"]) == "tinggi"


def test_search_by_code_prefix_or_words(warung):
    assert [a.code for a in selectors.search_activities("5610")] == ["56101", "56102"]
    assert [a.code for a in selectors.search_activities("warung makan")] == ["56102"]
    assert list(selectors.search_activities("bengkel")) == []
    assert list(selectors.search_activities("   ")) == []


def test_finder_orders_services_and_adds_days_and_fees(warung):
    micro = selectors.finder(code="56102", scale="mikro", zone="perdagangan_jasa")
    assert [s.service.code for s in micro.steps] == ["NIB-OSS", "NPWPD", "IZIN-REKLAME"]
    assert micro.total_days == 7
    assert micro.total_fixed_fee == 0 and micro.has_levy
    assert micro.risk_level == "rendah" and micro.obligation.summary == "NIB saja"
    assert micro.steps[0].apply_url == reverse("permits:start", args=["NIB-OSS"])
    medium = selectors.finder(code="56102", scale="menengah", zone="perumahan")
    assert [s.service.code for s in medium.steps] == ["NIB-OSS", "SLHS", "NPWPD"]
    assert medium.total_days == 16 and medium.total_fixed_fee == 150000
    assert medium.risk_level == "menengah_rendah"


def test_finder_says_when_the_zone_does_not_allow_the_activity(warung):
    assert not selectors.finder(code="56101", scale="mikro", zone="perumahan").allowed_in_zone
    assert selectors.finder(code="56101", scale="mikro", zone="perdagangan_jasa").allowed_in_zone
    with pytest.raises(KbliActivity.DoesNotExist):
        selectors.finder(code="99999", scale="mikro", zone="perumahan")


def test_finder_page_searches_then_shows_the_result(client, warung, django_assert_max_num_queries):
    url = reverse("investment:finder")
    page = client.get(url, {"q": "warung", "scale": "mikro", "zone": "perdagangan_jasa"}).content.decode()
    assert "56102 — Rumah/Warung Makan" in page and "kbli=56102" in page
    with django_assert_max_num_queries(8):
        response = client.get(url, {"kbli": "56102", "scale": "mikro", "zone": "perdagangan_jasa"})
    page = response.content.decode()
    assert "Total waktu: 7 hari kerja" in page
    assert "Tingkat risiko: <strong>Rendah</strong>" in page
    assert reverse("permits:start", args=["IZIN-REKLAME"]) in page
    assert "ditambah retribusi" in page
    partial = client.get(url, {"q": "56"}, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in partial and "Restoran" in partial


def test_finder_page_rejects_bad_input_with_a_message(client, warung):
    page = client.get(reverse("investment:finder"), {"kbli": "99999", "scale": "mikro", "zone": "perumahan"})
    assert "Kode KBLI 99999 tidak ada di daftar" in page.content.decode()
    response = client.get(
        reverse("investment:finder"), {"q": "warung", "scale": "raksasa", "zone": "perumahan"}
    )
    page = response.content.decode()
    assert "raksasa bukan salah satu" in page and "Rumah/Warung Makan" not in page


def test_info_page_shows_what_admins_wrote(client):
    InvestmentInfo.objects.create(
        title="Peluang Investasi Kota Probolinggo",
        introduction="Pintu Bromo.",
        contacts="DPMPTSP (0335) 432510",
    )
    Sector.objects.create(name="Perikanan", description="PPP Mayangan.", potential="Cold storage.")
    Sector.objects.create(name="Tersembunyi", description="x", potential="y", is_published=False)
    page = client.get(reverse("investment:info")).content.decode()
    assert "Peluang Investasi Kota Probolinggo" in page and "Cold storage." in page
    assert "(0335) 432510" in page and "Tersembunyi" not in page


def test_demo_seed_is_idempotent_and_links_real_services():
    from services.models import Service

    ServiceFactory(code="NIB-OSS")
    klinik = ServiceFactory(code="IZIN-KLINIK")
    assert seed_demo() == 13
    assert seed_demo() == 0
    klinik.refresh_from_db()
    assert (klinik.kbli_code, klinik.risk_level) == ("86104", "tinggi")
    rows = KbliActivity.objects.get(code="86104").required_services.order_by("order")
    assert [row.service.code for row in rows] == ["NIB-OSS", "IZIN-KLINIK"]  # other services absent here
    assert Service.objects.get(code="NIB-OSS").kbli_code == ""

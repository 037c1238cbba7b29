"""OSS RBA on applications: NIB and KBLI recorded and validated, required by a risk-level service
before submission; the NIB lookup adapter (sandbox) and its staff page."""

import pytest
from django.urls import reverse

from investment import oss
from mpp.errors import DomainError
from permits import services as permits
from permits.business import (
    BusinessIdentityError,
    application_set_business_identity,
    nib_error,
    normalise_nib,
)
from permits.models import Application
from tests.factories import UserFactory
from tests.permits.factories import permit_service, ready_draft

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def clinic_service():
    service = permit_service(code="IZIN-KLINIK")
    service.kbli_code, service.risk_level = "86104", "tinggi"
    service.save()
    return service


@pytest.mark.parametrize(
    ("raw", "clean", "valid"),
    [
        ("9120001234567", "9120001234567", True),
        ("9120 0012 34567", "9120001234567", True),
        ("9120-0012-34567", "9120001234567", True),
        ("912000123456", "912000123456", False),
        ("91200012345678", "91200012345678", False),
        ("91200O1234567", "91200O1234567", False),
    ],
)
def test_nib_is_13_digits(raw, clean, valid):
    assert normalise_nib(raw) == clean
    assert (nib_error(clean) == "") is valid


def test_a_risk_service_needs_the_nib_before_submission(clinic_service):
    draft = ready_draft(service=clinic_service)
    with pytest.raises(permits.IncompleteApplication, match="NIB wajib diisi"):
        permits.application_submit(application=draft, actor=draft.applicant, delivery_method="pickup")
    application_set_business_identity(application=draft, actor=draft.applicant, nib="9120 0012 34567")
    draft.refresh_from_db()
    assert (draft.nib, draft.kbli_code) == ("9120001234567", "86104")  # KBLI from the service
    history = draft.history.first()
    assert (history.history_user, history.history_change_reason) == (draft.applicant, "NIB dan KBLI dicatat")
    permits.application_submit(application=draft, actor=draft.applicant, delivery_method="pickup")
    assert Application.objects.filter(nib="9120001234567", status="submitted").count() == 1


def test_a_service_without_risk_level_does_not_ask_for_an_nib():
    draft = ready_draft(service=permit_service())
    permits.application_submit(application=draft, actor=draft.applicant, delivery_method="pickup")


def test_bad_identity_changes_nothing_and_only_the_applicant_sets_it(clinic_service):
    draft = ready_draft(service=clinic_service)
    rows = draft.history.count()
    with pytest.raises(BusinessIdentityError) as error:
        application_set_business_identity(
            application=draft, actor=draft.applicant, nib="123", kbli_code="5610"
        )
    assert set(error.value.errors) == {"nib", "kbli_code"}
    with pytest.raises(permits.NotPermitted):
        application_set_business_identity(application=draft, actor=UserFactory(), nib="9120001234567")
    draft.refresh_from_db()
    assert draft.nib == "" and draft.history.count() == rows


def test_identity_is_frozen_after_submission(clinic_service):
    draft = ready_draft(service=clinic_service)
    application_set_business_identity(application=draft, actor=draft.applicant, nib="9120001234567")
    draft.refresh_from_db()
    submitted = permits.application_submit(application=draft, actor=draft.applicant, delivery_method="pickup")
    with pytest.raises(DomainError, match="Draf atau Dikembalikan"):
        application_set_business_identity(application=submitted, actor=draft.applicant, nib="9120009876543")


def test_the_apply_form_shows_the_risk_and_saves_the_nib(client, clinic_service):
    draft = ready_draft(service=clinic_service)
    client.force_login(draft.applicant)
    url = reverse("permits:edit", args=[draft.pk])
    page = client.get(url).content.decode()
    assert "Tingkat risiko kegiatan usaha ini: <strong>Tinggi</strong>" in page and "NIB dan izin" in page
    response = client.post(
        url, {"status": "draft", "nib": "12345", "kbli_code": "86104", "delivery_method": "pickup"}
    )
    assert response.status_code == 400 and "13 angka" in response.content.decode()
    response = client.post(
        url, {"status": "draft", "nib": "9120001234567", "kbli_code": "86104", "delivery_method": "pickup"}
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.nib == "9120001234567"


def test_the_form_of_other_services_has_no_nib_field(client):
    draft = ready_draft(service=permit_service())
    client.force_login(draft.applicant)
    assert 'name="nib"' not in client.get(reverse("permits:edit", args=[draft.pk])).content.decode()


class _Broken(oss.NibLookup):
    def lookup(self, nib):
        raise oss.NibLookupUnavailable


def test_the_setting_selects_the_adapter(settings):
    assert isinstance(oss.get_nib_lookup(), oss.SandboxNibLookup)
    assert oss.get_nib_lookup().lookup("9120001234567").business_name == "Warung Makan Bu Sri"
    assert oss.get_nib_lookup().lookup("9120000000000") is None
    settings.MPP_OSS_NIB_ADAPTER = "tests.investment.test_oss._Broken"
    with pytest.raises(oss.NibLookupUnavailable):
        oss.get_nib_lookup().lookup("9120001234567")


def test_nib_lookup_page_is_for_agency_staff(client, settings):
    url = reverse("investment:nib_lookup")
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    client.force_login(UserFactory(officer=True))
    page = client.get(url, {"nib": "9120-0098-76543"}).content.decode()
    assert "CV Bengkel Maju Jaya" in page and "45201, 47111" in page
    assert "13 angka" in client.get(url, {"nib": "123"}).content.decode()
    assert "tidak ditemukan" in client.get(url, {"nib": "9120000000000"}).content.decode()
    settings.MPP_OSS_NIB_ADAPTER = "tests.investment.test_oss._Broken"
    assert "tidak dapat dihubungi" in client.get(url, {"nib": "9120001234567"}).content.decode()


def test_the_api_records_the_nib_and_shows_it(api_client, clinic_service):
    draft = ready_draft(service=clinic_service)
    api_client.force_authenticate(draft.applicant)
    url = f"/api/v1/applications/{draft.pk}/business-identity/"
    response = api_client.post(url, {"nib": "12", "kbli_code": "86104"}, format="json")
    assert response.status_code == 400 and "nib" in response.json()["fields"]
    response = api_client.post(url, {"nib": "9120001234567"}, format="json")
    assert response.status_code == 200
    assert (response.json()["nib"], response.json()["kbli_code"]) == ("9120001234567", "86104")
    api_client.force_authenticate(UserFactory())
    assert api_client.post(url, {"nib": "9120001234567"}, format="json").status_code == 404

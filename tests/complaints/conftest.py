import pytest

from complaints.models import ComplaintCategory
from tests.factories import AgencyFactory, MppProfileFactory, ServiceFactory, UserFactory


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _mpp():
    MppProfileFactory()


@pytest.fixture
def agency():
    return AgencyFactory(name="Dinas Penanaman Modal dan PTSP")


@pytest.fixture
def other_agency():
    return AgencyFactory(name="Dinas Kependudukan dan Pencatatan Sipil")


@pytest.fixture
def category(agency):
    return ComplaintCategory.objects.create(
        code="pungli", name="Pungutan liar", name_en="Illegal levy", group="Integritas", default_agency=agency
    )


@pytest.fixture
def service(agency):
    return ServiceFactory(agency=agency)


@pytest.fixture
def citizen():
    return UserFactory(full_name="Siti Rahmawati", email="siti@example.id", phone="081234567890")


@pytest.fixture
def officer(agency):
    return UserFactory(officer=True, agency=agency, full_name="Budi Petugas")


@pytest.fixture
def other_officer(other_agency):
    return UserFactory(officer=True, agency=other_agency)


@pytest.fixture
def desk_officer():
    return UserFactory(complaint_officer=True, full_name="Rina Pengaduan")

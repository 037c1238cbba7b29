import pytest

from accounts.models import Role, User
from services.models import ServiceStandard
from tests.factories import AgencyFactory, MppProfileFactory
from tests.permits.factories import permit_service
from workspace.demo import AGENCY_ADMIN_EMAIL, seed_workspace_demo

pytestmark = pytest.mark.django_db


def test_demo_agency_admin_and_consultation_draft_are_made_once():
    MppProfileFactory()
    agency = AgencyFactory(slug="dpmptsp")
    service = permit_service(agency=agency, code="IZIN-REKLAME")
    for _ in range(2):
        accounts = seed_workspace_demo(password="mpp-demo-2026")
    admin = User.objects.get(email=AGENCY_ADMIN_EMAIL)
    assert (admin.role, admin.agency, admin.check_password("mpp-demo-2026")) == (
        Role.AGENCY_ADMIN,
        agency,
        True,
    )
    assert accounts == [(Role(Role.AGENCY_ADMIN).label, AGENCY_ADMIN_EMAIL)]
    draft = service.standards.get(status=ServiceStandard.Status.DRAFT)
    assert draft.consultation_is_open() and draft.time_limit_days == 4

"""accounts.permissions: who may open what, through decorators, mixins, DRF classes and row scoping."""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser

from accounts.permissions import IsAgencyStaff, scope_to_agency
from services.models import Service, ServiceStandard
from tests.factories import AgencyFactory, ServiceFactory, ServiceStandardFactory, UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.accounts.urls_for_permission_tests")]

# Which rule lets which kind of user in; every other combination must be refused.
ALLOWED = {
    "warga": {"citizen"},
    "petugas": {"officer_a", "supervisor_a", "officer_b"},
    "supervisor": {"supervisor_a"},
    "admin-mpp": {"mpp_admin", "superuser"},
    "petugas-atau-admin": {"officer_a", "supervisor_a", "officer_b", "mpp_admin", "superuser"},
}
USERS = ["citizen", "officer_a", "supervisor_a", "officer_b", "mpp_admin", "superuser"]
DENIED_TEXT = {
    "warga": "Halaman ini khusus untuk akun warga.",
    "petugas": "Halaman ini khusus untuk petugas instansi.",
    "supervisor": "Halaman ini khusus untuk supervisor instansi.",
    "admin-mpp": "Halaman ini khusus untuk admin MPP.",
}


@pytest.fixture
def agencies():
    return AgencyFactory(name="Dinas A"), AgencyFactory(name="Dinas B")


@pytest.fixture
def people(agencies):
    agency_a, agency_b = agencies
    return {
        "citizen": UserFactory(),
        "officer_a": UserFactory(officer=True, agency=agency_a),
        "supervisor_a": UserFactory(supervisor=True, agency=agency_a),
        "officer_b": UserFactory(officer=True, agency=agency_b),
        "mpp_admin": UserFactory(mpp_admin=True),
        "superuser": UserFactory(is_superuser=True, is_staff=True),
    }


# --- HTML: decorators and mixins ------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["/uji/", "/uji/cbv/"])
@pytest.mark.parametrize("rule", list(DENIED_TEXT))
def test_anonymous_visitors_are_sent_to_the_login_page(client, prefix, rule):
    response = client.get(f"{prefix}{rule}/")

    assert response.status_code == 302
    assert response["Location"] == f"/akun/masuk/?next={prefix}{rule}/"


@pytest.mark.parametrize("prefix", ["/uji/", "/uji/cbv/"])
@pytest.mark.parametrize("rule", list(DENIED_TEXT))
@pytest.mark.parametrize("who", USERS)
def test_html_rules(client, people, prefix, rule, who):
    client.force_login(people[who])

    response = client.get(f"{prefix}{rule}/")

    if who in ALLOWED[rule]:
        assert response.status_code == 200
        assert response.content == b"boleh"
    else:
        assert response.status_code == 403
        html = response.content.decode()
        assert "Akses ditolak" in html
        assert DENIED_TEXT[rule] in html
        assert people[who].email in html


@pytest.mark.parametrize("who", USERS)
def test_role_required_combines_roles(client, people, who):
    client.force_login(people[who])
    response = client.get("/uji/petugas-atau-admin/")
    assert response.status_code == (200 if who in ALLOWED["petugas-atau-admin"] else 403)


# --- API: DRF permission classes ------------------------------------------------------------------


@pytest.mark.parametrize("rule", list(DENIED_TEXT))
def test_api_refuses_anonymous_requests(api_client, rule):
    response = api_client.get(f"/uji/api/{rule}/")
    assert response.status_code in (401, 403)
    assert response.json()["detail"]  # a message, not an empty body


@pytest.mark.parametrize("rule", list(DENIED_TEXT))
@pytest.mark.parametrize("who", USERS)
def test_api_rules(api_client, people, rule, who):
    api_client.force_authenticate(people[who])

    response = api_client.get(f"/uji/api/{rule}/")

    if who in ALLOWED[rule]:
        assert response.status_code == 200
    else:
        assert response.status_code == 403
        assert response.json()["detail"].startswith("Hanya ")


def test_agency_staff_reach_only_their_own_agencys_objects(people, agencies):
    agency_a, agency_b = agencies
    service_a, service_b = ServiceFactory(agency=agency_a), ServiceFactory(agency=agency_b)
    standard_b = ServiceStandardFactory(service=service_b)
    check = IsAgencyStaff()

    def allowed(who, obj):
        return check.has_object_permission(SimpleNamespace(user=people[who]), None, obj)

    assert allowed("officer_a", service_a)
    assert not allowed("officer_a", service_b)
    assert not allowed("supervisor_a", standard_b)  # through its service
    assert allowed("officer_b", standard_b)


# --- Rows -----------------------------------------------------------------------------------------


def test_scope_to_agency(people, agencies, django_assert_num_queries):
    agency_a, agency_b = agencies
    a1, a2 = ServiceFactory(agency=agency_a), ServiceFactory(agency=agency_a)
    b1 = ServiceFactory(agency=agency_b)
    everything = {a1.pk, a2.pk, b1.pk}
    expected = {
        "citizen": set(),
        "officer_a": {a1.pk, a2.pk},
        "supervisor_a": {a1.pk, a2.pk},
        "officer_b": {b1.pk},
        "mpp_admin": everything,
        "superuser": everything,
    }
    for who, pks in expected.items():
        scoped = scope_to_agency(Service.objects.all(), people[who])
        assert set(scoped.values_list("pk", flat=True)) == pks, who

    assert not scope_to_agency(Service.objects.all(), AnonymousUser()).exists()
    with django_assert_num_queries(0):  # none() never reaches the database
        assert list(scope_to_agency(Service.objects.all(), people["citizen"])) == []


def test_scope_to_agency_follows_a_lookup_path(people, agencies):
    agency_a, agency_b = agencies
    standard_a = ServiceStandardFactory(service=ServiceFactory(agency=agency_a))
    ServiceStandardFactory(service=ServiceFactory(agency=agency_b))

    scoped = scope_to_agency(ServiceStandard.objects.all(), people["officer_a"], field="service__agency")

    assert list(scoped) == [standard_a]
    assert (
        scope_to_agency(ServiceStandard.objects.all(), people["mpp_admin"], field="service__agency").count()
        == 2
    )


def test_deactivated_staff_lose_access(people, agencies):
    ServiceFactory(agency=agencies[0])
    officer = people["officer_a"]
    assert scope_to_agency(Service.objects.all(), officer).count() == 1
    officer.is_active = False
    officer.save()

    assert list(scope_to_agency(Service.objects.all(), officer)) == []


# --- Staff accounts come from admins ----------------------------------------------------------------


def test_staff_created_by_an_admin_get_the_staff_pages(client, people, agencies):
    from accounts.services import staff_create

    officer = staff_create(
        email="Petugas@Dinas-A.go.id",
        full_name="Petugas Baru",
        role="officer",
        agency=agencies[0],
        password="Loket-Satu-2026",
        actor=people["mpp_admin"],
    )

    assert officer.email == "petugas@dinas-a.go.id"
    assert officer.email_verified_at is not None
    assert list(officer.groups.values_list("name", flat=True)) == ["Petugas loket"]
    assert officer.history.first().history_user_id == people["mpp_admin"].pk
    assert client.login(email="petugas@dinas-a.go.id", password="Loket-Satu-2026")
    assert client.get("/uji/petugas/").status_code == 200
    assert client.get("/uji/supervisor/").status_code == 403

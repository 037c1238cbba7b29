"""The applicant's name stored on the application (the worklist's name search): every way an
application gets an applicant or an applicant gets a new name keeps it right."""

import pytest
from django.db import connection

from accounts.models import User
from accounts.services import user_update_profile
from permits import services
from permits.models import Application
from permits.selectors import WorklistFilters, worklist
from tests.factories import MppProfileFactory, UserFactory
from tests.permits.factories import ApplicationFactory, permit_service

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the triggers exist on PostgreSQL only"
)


@pytest.fixture(autouse=True)
def _mpp():
    MppProfileFactory()


@pytest.fixture
def service():
    return permit_service(time_limit_days=5)


@pytest.fixture
def officer(service):
    return UserFactory(officer=True, agency=service.agency)


def stored_name(application) -> str:
    return Application.objects.values_list("applicant_name", flat=True).get(pk=application.pk)


def found(officer, q: str) -> set:
    return set(worklist(officer, WorklistFilters(q=q)))


def test_a_new_draft_carries_its_applicants_name(service):
    citizen = UserFactory(full_name="Siti Aminah")
    draft = services.application_create_draft(service=service, applicant=citizen)
    assert draft.applicant_name == "Siti Aminah"
    assert stored_name(draft) == "Siti Aminah"


def test_an_assisted_draft_carries_the_citizens_name_not_the_officers(service, officer):
    citizen = UserFactory(full_name="Budi Santoso")
    draft = services.application_create_draft(
        service=service, applicant=citizen, assisted_by=officer, consent_note="Setuju di loket 2"
    )
    assert stored_name(draft) == "Budi Santoso"


def test_a_renamed_citizen_is_found_by_the_new_name_only(service, officer):
    citizen = UserFactory(full_name="Siti Aminah")
    first = ApplicationFactory(service=service, applicant=citizen, submitted=True)
    second = ApplicationFactory(service=service, applicant=citizen, in_process=True)
    other = ApplicationFactory(service=service, submitted=True, applicant=UserFactory(full_name="Siti Rahma"))
    assert found(officer, "aminah") == {first, second}

    user_update_profile(user=citizen, full_name="Siti Nurhaliza", phone="", preferred_language="id")

    assert found(officer, "aminah") == set()
    assert found(officer, "nurhaliza") == {first, second}
    assert found(officer, "siti") == {first, second, other}
    assert stored_name(other) == "Siti Rahma"


def test_the_name_copy_adds_no_history_row_to_the_application(service):
    citizen = UserFactory(full_name="Siti Aminah")
    application = ApplicationFactory(service=service, applicant=citizen, submitted=True)
    before = Application.history.filter(id=application.pk).count()
    user_update_profile(user=citizen, full_name="Siti Nurhaliza", phone="", preferred_language="id")
    assert Application.history.filter(id=application.pk).count() == before
    assert citizen.history.first().history_change_reason == "profil diubah"


@postgres_only  # the query's shape on PostgreSQL (UPPER ... LIKE, the trigram index's expression)
def test_the_search_is_one_condition_on_the_application_table(officer):
    sql = str(worklist(officer, WorklistFilters(q="siti")).query)
    assert "applicant_name" in sql
    assert "UPPER(" in sql
    # No subquery over the users (the old search read every matching user's row first).
    assert "SELECT U0" not in sql


@postgres_only
def test_a_name_changed_outside_the_services_is_copied_by_the_database(service, officer):
    # The admin, a bulk load or a SQL console write the user row directly.
    citizen = UserFactory(full_name="Siti Aminah")
    application = ApplicationFactory(service=service, applicant=citizen, submitted=True)
    User.objects.filter(pk=citizen.pk).update(full_name="Dewi Lestari")
    assert stored_name(application) == "Dewi Lestari"
    assert found(officer, "lestari") == {application}


@postgres_only
def test_the_stored_name_cannot_drift_from_the_applicants(service):
    citizen = UserFactory(full_name="Siti Aminah")
    application = ApplicationFactory(service=service, applicant=citizen, applicant_name="Nama Lain")
    assert stored_name(application) == "Siti Aminah"
    Application.objects.filter(pk=application.pk).update(applicant_name="Nama Lain")
    assert stored_name(application) == "Siti Aminah"
    other = UserFactory(full_name="Budi Santoso")
    Application.objects.filter(pk=application.pk).update(applicant=other)
    assert stored_name(application) == "Budi Santoso"


@postgres_only
def test_postgres_knows_the_names_finely_enough_to_tell_a_whole_name_from_a_common_one():
    """Migration permits 0011 keeps 1,000 histogram entries for UPPER(applicant_name) (default 100:
    every rare name was guessed at 1 % and the whole list walked, 52-130 ms at 1,000,000)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, a.attstattarget FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
            "WHERE c.relname IN ('permit_app_name_trgm', 'permit_app_open_name_trgm') AND a.attnum = 1"
        )
        targets = dict(cursor.fetchall())
    assert targets == {"permit_app_name_trgm": 1000, "permit_app_open_name_trgm": 1000}

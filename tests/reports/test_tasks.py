import pytest
from django.conf import settings

from reports.models import ApplicationFact
from reports.tasks import refresh_facts
from tests.permits.factories import ApplicationFactory

pytestmark = pytest.mark.django_db


def test_beat_refreshes_the_facts_and_a_rerun_changes_nothing():
    assert settings.CELERY_BEAT_SCHEDULE["reports-refresh-facts"]["task"] == "reports.tasks.refresh_facts"
    application = ApplicationFactory(in_process=True)
    ApplicationFactory()  # a draft is not counted anywhere
    refresh_facts.apply()
    fact = ApplicationFact.objects.get()
    assert (fact.application_id, fact.status, fact.agency_id) == (
        application.pk,
        "in_process",
        application.agency_id,
    )
    refresh_facts.apply()
    assert ApplicationFact.objects.count() == 1

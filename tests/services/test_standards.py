"""The versioning rules of service standards: one in force at a time, publication, scheduling."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from services.models import ServiceStandard
from services.selectors import in_force_standard, service_standard_versions
from services.services import StandardNotPublishable, standard_publish, standards_activate_due
from tests.factories import ServiceFactory, ServiceStandardFactory, UserFactory

pytestmark = pytest.mark.django_db
Status = ServiceStandard.Status


def test_database_refuses_a_second_standard_in_force():
    service = ServiceFactory()
    ServiceStandardFactory(service=service, in_force=True, version=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        ServiceStandardFactory(service=service, in_force=True, version=2)


def test_database_refuses_a_published_standard_without_decree():
    with pytest.raises(IntegrityError), transaction.atomic():
        ServiceStandardFactory(status=Status.IN_FORCE, decree_number="", effective_from=None)


def test_publishing_effective_today_replaces_the_standard_in_force_and_keeps_the_old_one_readable():
    admin = UserFactory(mpp_admin=True)
    service = ServiceFactory()
    old = ServiceStandardFactory(service=service, in_force=True, version=1, time_limit_days=5)
    draft = ServiceStandardFactory(service=service, version=2, time_limit_days=3)

    standard_publish(
        standard=draft,
        actor=admin,
        decree_number="Keputusan Kepala DPMPTSP Nomor 503/77/2026",
        decree_date=dt.date(2026, 11, 1),
        effective_from=dt.date(2026, 11, 20),
        today=dt.date(2026, 11, 23),
    )

    old.refresh_from_db()
    draft.refresh_from_db()
    assert (old.status, draft.status) == (Status.SUPERSEDED, Status.IN_FORCE)
    assert in_force_standard(service).time_limit_days == 3
    assert [s.version for s in service_standard_versions(service=service)] == [2, 1]
    last = draft.history.first()
    assert last.history_user == admin
    assert draft.published_by == admin


def test_publishing_with_a_future_date_schedules_until_the_date_comes():
    admin = UserFactory(mpp_admin=True)
    service = ServiceFactory()
    old = ServiceStandardFactory(service=service, in_force=True, version=1)
    draft = ServiceStandardFactory(service=service, version=2)
    standard_publish(
        standard=draft,
        actor=admin,
        decree_number="Keputusan Nomor 503/80/2026",
        decree_date=dt.date(2026, 11, 10),
        effective_from=dt.date(2027, 1, 1),
        today=dt.date(2026, 11, 23),
    )
    draft.refresh_from_db()
    assert draft.status == Status.SCHEDULED
    assert in_force_standard(service).pk == old.pk

    assert standards_activate_due(today=dt.date(2026, 12, 31)) == 0
    assert standards_activate_due(today=dt.date(2027, 1, 1)) == 1
    assert standards_activate_due(today=dt.date(2027, 1, 1)) == 0
    old.refresh_from_db()
    draft.refresh_from_db()
    assert (old.status, draft.status) == (Status.SUPERSEDED, Status.IN_FORCE)


def test_publish_refuses_non_drafts_and_missing_decree_and_changes_nothing():
    admin = UserFactory(mpp_admin=True)
    in_force = ServiceStandardFactory(in_force=True)
    with pytest.raises(StandardNotPublishable, match="Hanya draf"):
        standard_publish(
            standard=in_force,
            actor=admin,
            decree_number="X",
            decree_date=dt.date(2026, 1, 1),
            effective_from=dt.date(2026, 1, 1),
        )
    draft = ServiceStandardFactory()
    with pytest.raises(StandardNotPublishable, match="wajib diisi"):
        standard_publish(
            standard=draft,
            actor=admin,
            decree_number="  ",
            decree_date=dt.date(2026, 1, 1),
            effective_from=dt.date(2026, 1, 1),
        )
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    assert draft.decree_number == ""


def test_an_older_decree_taking_effect_late_does_not_replace_a_newer_one():
    service = ServiceFactory()
    newer = ServiceStandardFactory(
        service=service, in_force=True, version=3, effective_from=dt.date(2026, 6, 1)
    )
    older = ServiceStandardFactory(
        service=service,
        version=2,
        status=Status.SCHEDULED,
        decree_number="K/2",
        decree_date=dt.date(2026, 1, 1),
        effective_from=dt.date(2026, 5, 1),
    )
    standards_activate_due(today=dt.date(2026, 7, 1))
    newer.refresh_from_db()
    older.refresh_from_db()
    assert (newer.status, older.status) == (Status.IN_FORCE, Status.SUPERSEDED)

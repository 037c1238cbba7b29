"""Two people acting at once on PostgreSQL: one wins, the other is told, nothing happens twice.

Each thread has its own database connection (closed at the end of the thread); the barrier makes
them load the application before either acts, as two officers looking at the same page would.
"""

import threading
from unittest import mock

import pytest
from django.db import connection
from django.utils import timezone

from mpp.errors import ConflictError, DomainError
from permits import services
from permits.models import Application, StepProgress
from tests.factories import MppProfileFactory, UserFactory
from tests.permits.factories import in_process_application, permit_service, ready_draft, submitted_application

pytestmark = [pytest.mark.django_db(transaction=True)]
S = Application.Status


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("row locks (SELECT ... FOR UPDATE) need PostgreSQL")


@pytest.fixture(autouse=True)
def _no_broker():
    """on_commit callbacks really run here: keep the e-mails off the broker."""
    with (
        mock.patch("permits.tasks.send_application_receipt.delay"),
        mock.patch("permits.tasks.send_decision_notice.delay"),
    ):
        yield


def run_together(actions):
    """Run each action in its own thread, started together; return what each returned or raised."""
    barrier = threading.Barrier(len(actions))
    results = [None] * len(actions)

    def worker(index, action):
        try:
            prepared = action[0]()  # load what the user sees, before anyone acts
            barrier.wait(timeout=10)
            results[index] = ("ok", action[1](prepared))
        except DomainError as exc:
            results[index] = ("refused", exc)
        except Exception as exc:
            results[index] = ("crashed", exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i, a)) for i, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def test_two_officers_verify_at_once_one_wins_and_the_steps_exist_once():
    MppProfileFactory()
    service = permit_service()
    officers = [UserFactory(officer=True, agency=service.agency) for _ in range(2)]
    application = submitted_application(service=service)

    def load():
        return Application.objects.get(pk=application.pk)

    results = run_together(
        [
            (
                load,
                lambda app, officer=officer: services.application_verify_complete(
                    application=app, actor=officer
                ),
            )
            for officer in officers
        ]
    )
    outcomes = sorted(kind for kind, _ in results)
    assert outcomes == ["ok", "refused"], results
    refused = next(value for kind, value in results if kind == "refused")
    assert isinstance(refused, ConflictError)
    assert "baru saja diubah oleh orang lain (status sekarang: Diproses)" in refused.message
    assert StepProgress.objects.filter(application=application).count() == 3
    history = list(
        application.history.filter(status=S.IN_PROCESS).values_list("history_change_reason", flat=True)
    )
    assert history == ["berkas lengkap"]


def test_approve_and_reject_at_once_only_one_decision_is_recorded():
    MppProfileFactory()
    service = permit_service()
    supervisor = UserFactory(supervisor=True, agency=service.agency)
    officer = UserFactory(officer=True, agency=service.agency)
    application = in_process_application(service=service, officer=officer)
    for step in application.steps.order_by("order"):
        services.step_complete(application=application, step_progress=step, actor=supervisor)

    def load():
        return Application.objects.get(pk=application.pk)

    results = run_together(
        [
            (load, lambda app: services.application_approve(application=app, actor=supervisor)),
            (load, lambda app: services.application_approve(application=app, actor=officer)),
        ]
    )
    assert sorted(kind for kind, _ in results) == ["ok", "refused"], results
    application.refresh_from_db()
    assert application.status == S.APPROVED
    assert application.history.filter(status=S.APPROVED).count() == 1


def test_concurrent_submissions_never_share_a_tracking_number():
    MppProfileFactory()
    service = permit_service()
    drafts = [ready_draft(service=service) for _ in range(12)]

    def action(draft):
        return (
            lambda: Application.objects.get(pk=draft.pk),
            lambda app: (
                services.application_submit(
                    application=app, actor=app.applicant, delivery_method="pickup"
                ).tracking_number
            ),
        )

    results = run_together([action(draft) for draft in drafts])
    assert all(kind == "ok" for kind, _ in results), results
    year = timezone.localtime().year
    numbers = sorted(value for _, value in results)
    assert numbers == [f"{service.code}-{year}-{n:06d}" for n in range(1, 13)]

"""On PostgreSQL for real: two sweeps at once send each alert once, and a real Celery worker on the
Redis broker delivers a submitted application's receipt end to end."""

import json
import os
import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings as django_settings
from django.db import connection, connections

from notifications.models import AlertMarker, ChannelPreference, Delivery, Notification
from permits import services, sla
from tests.factories import MppProfileFactory, UserFactory
from tests.permits.factories import in_process_application, permit_service, ready_draft

WIB = ZoneInfo("Asia/Jakarta")
BASE_DIR = Path(django_settings.BASE_DIR)


def wib(month, day, hour, minute=0):
    return datetime(2026, month, day, hour, minute, tzinfo=WIB)


def _needs_postgres_and_redis():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL): SQLite serialises writers")
    if not django_settings.REDIS_URL:
        pytest.skip("needs Redis (set REDIS_URL)")


def test_two_sweeps_at_once_send_each_alert_once(transactional_db):
    _needs_postgres_and_redis()
    MppProfileFactory()
    service = permit_service(time_limit_days=5)
    officer = UserFactory(officer=True, agency=service.agency)
    UserFactory(supervisor=True, agency=service.agency)
    applications = [
        in_process_application(service=service, officer=officer, now=wib(3, 16, 10)) for _ in range(6)
    ]
    now = wib(3, 30, 14, 30)  # every deadline (30 Mar 14:00) has just passed
    both_selected = threading.Barrier(2)
    sent, errors = [], []

    def run_sweep():
        try:
            found = sla.due_ids(now=now)
            both_selected.wait(timeout=30)  # both sweeps found the same rows before either sends
            sent.append(sum(sla.alerts_send(stage=stage, ids=ids, now=now) for stage, ids in found.items()))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run_sweep) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sum(sent) == 6  # six breach alerts in all, whichever sweep won each
    assert AlertMarker.objects.filter(stage=sla.BREACH).count() == 6
    # Officer and supervisor: two messages per application, never four.
    assert Notification.objects.filter(event="staff.deadline_breached").count() == 2 * len(applications)
    assert Delivery.objects.filter(notification__event="staff.deadline_breached").count() == 2 * len(
        applications
    )


def _worker_env(tmp_path):
    db = connection.settings_dict
    url = f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    return {
        **os.environ,
        "DATABASE_URL": url,  # the test database, which this test commits to (transactional_db)
        "REDIS_URL": django_settings.REDIS_URL,
        "MPP_SMS_GATEWAY": "file",
        "MPP_SMS_GATEWAY_FILE": str(tmp_path / "messages.jsonl"),
        "MPP_QUIET_HOURS_START": "00:00",
        "MPP_QUIET_HOURS_END": "00:00",
        "CELERY_TASK_ALWAYS_EAGER": "0",
    }


@pytest.mark.celery_worker
def test_a_real_worker_delivers_the_receipt_end_to_end(transactional_db, settings, tmp_path):
    _needs_postgres_and_redis()
    settings.CELERY_TASK_ALWAYS_EAGER = False
    MppProfileFactory()
    citizen = UserFactory(phone="081234567890")
    ChannelPreference.objects.create(user=citizen, email=False, whatsapp=True, sms=False)
    draft = ready_draft(service=permit_service(), applicant=citizen)
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "mpp",
            "worker",
            "--pool=solo",
            "--loglevel=WARNING",
            "-n",
            "sla-test@%h",
        ],
        cwd=BASE_DIR,
        env=_worker_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        # Commits (no test transaction), so the delivery task is published to Redis on commit.
        application = services.application_submit(application=draft, actor=citizen, delivery_method="pickup")
        path = tmp_path / "messages.jsonl"
        deliveries = Delivery.objects.filter(notification__recipient=citizen)
        # The worker writes the message first and records the delivery as sent after, in its own
        # commit: wait for both, or the check below can read the row between the two.
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and not (
            path.exists() and deliveries.filter(status=Delivery.Status.SENT).exists()
        ):
            assert worker.poll() is None, worker.stdout.read().decode()
            time.sleep(0.5)
        lines = (
            [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
            if path.exists()
            else []
        )
        assert len(lines) == 1, "the worker did not deliver the receipt within 90 s"
        message = lines[0]
        assert (message["channel"], message["to"]) == ("whatsapp", "081234567890")
        assert application.tracking_number in message["message"]
        assert application.tracking_secret in message["message"]
        delivery = deliveries.get()
        assert (delivery.status, delivery.attempts) == (Delivery.Status.SENT, 1)
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:  # pragma: no cover
            worker.kill()
            worker.wait()

#!/usr/bin/env python3
"""SLA sweep benchmark: selection time and end-to-end delivery of N alerts by one Celery worker.

    .venv/bin/python benchmarks/sla_sweep.py                          # 10,000 alerts
    .venv/bin/python benchmarks/sla_sweep.py --alerts 2000 --concurrency 2

Needs the database of ``benchmarks/generate_applications.py`` (default --database-url
postgres://postgres@127.0.0.1:5432/mpp_bench_sla, 1,000,000 applications) and Redis (--redis-url,
default $REDIS_URL; the broker; this run clears nothing in it but its own queue's messages).

1. Migrates the database. Deletes every alert marker and notification in it (it is a benchmark
   database), then marks every alert the sweep would send right now as already sent (what earlier
   sweeps left behind in production: the generator's backlog of ~18,000 overdue applications is
   not this run's subject).
2. Gives --alerts running applications that have an officer a deadline of 23:59 today (MPP time):
   each then needs one "due today" warning (stage warn_0) to its officer, one e-mail each.
   (Plain UPDATEs: benchmark data loaders may bypass the ORM's history, STYLE.md.)
3. Times the sweep's selection (``permits.sla.due_ids``, every stage) --repeat times and prints
   EXPLAIN ANALYZE of each stage's query.
4. Starts ``celery -A mpp worker --concurrency N`` (prefork) with e-mail to Django's in-memory
   backend and staff office hours off (so the run does not depend on the hour), queues one
   ``permits.tasks.sla_sweep`` and waits until every delivery it caused is sent, polling the
   database. Prints the time from queueing the sweep to the last delivery, and the load average.
5. Writes the report to benchmarks/results/sla-sweep-<time>.json and stops the worker.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS_DIR = ROOT / "benchmarks" / "results"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--database-url",
        default=os.environ.get("SLA_BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/mpp_bench_sla"),
    )
    parser.add_argument("--redis-url", default=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/11"))
    parser.add_argument(
        "--alerts", type=int, default=10_000, help="applications past a threshold (default 10000)"
    )
    parser.add_argument("--concurrency", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--repeat", type=int, default=5, help="times the selection is timed (default 5)")
    parser.add_argument("--timeout", type=float, default=300, help="give up waiting after this many seconds")
    return parser.parse_args(argv)


def setup_django(args) -> None:
    os.environ["DATABASE_URL"] = args.database_url
    os.environ["REDIS_URL"] = args.redis_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mpp.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def prepare(args, now: datetime) -> list[int]:
    from django.core.management import call_command
    from django.db import connection, transaction

    from agencies.selectors import work_calendar
    from notifications.models import AlertMarker, Notification
    from permits import sla
    from permits.models import Application

    call_command("migrate", verbosity=0)
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(
                "TRUNCATE notifications_alertmarker, notifications_delivery, notifications_notification"
            )
        calendar = work_calendar()
        today = now.astimezone(calendar.tz).date()
        # Earlier runs' applications (due at 23:59, which no real deadline is) go 30 days later,
        # out of every window, so each run starts from the same backlog.
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE permits_application SET due_at = due_at + interval '30 days' "
                "WHERE status = 'in_process' AND due_at IS NOT NULL "
                "AND to_char(due_at AT TIME ZONE %s, 'HH24:MI:SS') = '23:59:00'",
                [str(calendar.tz)],
            )
        backlog = 0
        for query in sla.stage_queries(now=now):
            rows = list(query.queryset.values_list("pk", "due_at"))
            AlertMarker.objects.bulk_create(
                [
                    AlertMarker(
                        subject_type=query.subject_type, subject_id=pk, stage=query.stage, deadline=due
                    )
                    for pk, due in rows
                ],
                batch_size=5000,
            )
            backlog += len(rows)
        due = datetime.combine(
            today, datetime.max.time().replace(microsecond=0), tzinfo=calendar.tz
        ) - timedelta(seconds=59)
        far = now + timedelta(days=3)  # outside every warning window now
        ids = list(
            Application.objects.filter(status="in_process", assigned_to__isnull=False, due_at__gt=far)
            .order_by("pk")
            .values_list("pk", flat=True)[: args.alerts]
        )
        if len(ids) < args.alerts:
            raise SystemExit(f"only {len(ids)} running applications far from their deadline")
        Application.objects.filter(pk__in=ids).update(due_at=due)
    with connection.cursor() as cursor:  # what autovacuum does after a bulk change
        cursor.execute("VACUUM ANALYZE permits_application")
        cursor.execute("VACUUM ANALYZE notifications_alertmarker")
    print(f"backlog marked as alerted: {backlog}; {len(ids)} applications now due {due:%Y-%m-%d %H:%M %Z}")
    assert Notification.objects.count() == 0
    return ids


def time_selection(args, now: datetime) -> dict:
    from django.db import connection

    from permits import sla

    timings, found = [], {}
    for _ in range(args.repeat):
        started = time.perf_counter()
        found = sla.due_ids(now=now)
        timings.append(time.perf_counter() - started)
    plans = {}
    for query in sla.stage_queries(now=now):
        sql, params = (
            query.queryset.order_by("due_at", "pk").values_list("pk", flat=True).query.sql_with_params()
        )
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
            plans[query.stage] = [row[0] for row in cursor.fetchall()]
    return {
        "selection_seconds": timings,
        "selection_median_seconds": statistics.median(timings),
        "found": {stage: len(ids) for stage, ids in found.items()},
        "plans": plans,
    }


def run_worker(args) -> dict:
    from django.db import connection

    from notifications.models import Delivery, Notification
    from permits.tasks import sla_sweep

    env = {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "REDIS_URL": args.redis_url,
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "MPP_STAFF_OFFICE_HOURS_ONLY": "0",
        "MPP_QUIET_HOURS_START": "00:00",
        "MPP_QUIET_HOURS_END": "00:00",
        "LOG_LEVEL": "WARNING",
    }
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "mpp",
            "worker",
            f"--concurrency={args.concurrency}",
            "--loglevel=WARNING",
            "-n",
            "sla-bench@%h",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        time.sleep(8)  # let the worker connect before the clock starts
        if worker.poll() is not None:
            raise SystemExit("the worker exited")
        started = time.perf_counter()
        sla_sweep.delay()
        expected = None
        sent = 0
        while time.perf_counter() - started < args.timeout:
            time.sleep(0.5)
            notifications = Notification.objects.count()
            if expected is None and notifications >= args.alerts:
                expected = notifications
            pending = Delivery.objects.exclude(status=Delivery.Status.SENT).count()
            sent = Delivery.objects.filter(status=Delivery.Status.SENT).count()
            if expected is not None and pending == 0 and sent >= args.alerts:
                break
            connection.close()
        elapsed = time.perf_counter() - started
        failed = Delivery.objects.filter(status=Delivery.Status.FAILED).count()
        return {
            "end_to_end_seconds": round(elapsed, 2),
            "notifications": Notification.objects.count(),
            "deliveries_sent": sent,
            "deliveries_failed": failed,
            "load_average": os.getloadavg(),
        }
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=60)
        except subprocess.TimeoutExpired:
            worker.kill()


def main(argv=None) -> int:
    args = parse_args(argv)
    setup_django(args)
    from django.utils import timezone

    now = timezone.now()
    report = {"alerts": args.alerts, "concurrency": args.concurrency, "started": now.isoformat()}
    report["load_average_before"] = os.getloadavg()
    prepare(args, now)
    report.update(time_selection(args, timezone.now()))
    print(
        f"selection (all stages): median {report['selection_median_seconds']:.3f} s, found {report['found']}"
    )
    for stage, plan in report["plans"].items():
        print(f"--- {stage}\n" + "\n".join(plan))
    report.update(run_worker(args))
    print(
        f"{report['deliveries_sent']} of {report['notifications']} messages delivered in "
        f"{report['end_to_end_seconds']} s by one worker with {args.concurrency} processes "
        f"({report['deliveries_failed']} failed); load average {report['load_average']}"
    )
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    out = RESULTS_DIR / f"sla-sweep-{datetime.now():%Y%m%d-%H%M%S}.json"
    out.write_text(json.dumps(report, indent=2, default=str))
    print(f"report: {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

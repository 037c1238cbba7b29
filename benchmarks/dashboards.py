#!/usr/bin/env python3
"""Server time of the dashboards (issue 8: each <= 300 ms) against the database that
benchmarks/generate_applications.py filled (1,000,000 applications), after the application facts
were built (``manage.py refresh_report_facts --full``; the script refuses to run without them).

    .venv/bin/python benchmarks/dashboards.py
    .venv/bin/python benchmarks/dashboards.py --requests 50 --case mpp-month
    .venv/bin/python benchmarks/dashboards.py --load-feedback   # first (re)load 20,000 complaints
                                                                # and 500,000 survey responses
    .venv/bin/python benchmarks/dashboards.py --load-feedback --complaints 5000
    .venv/bin/python benchmarks/dashboards.py --load-queue      # first (re)load 300,000 queue
                                                                # tickets over the past year
    .venv/bin/python benchmarks/dashboards.py --load-queue --tickets 100000

Everything runs in this one process with DEBUG off: each request goes through Django's whole
handler (middleware, session, view, template) via django.test.Client, timed around the call; no
network and no server. Per case: --warmup untimed requests, then --requests timed ones; median,
p95, max, queries per request. The cache is cleared before every request, so nothing is served
from a warm cache that a real first visitor would not have. Prints the load average before and
after (the machine is shared) and writes JSON to benchmarks/results/dashboards-<time>.json.

The viewer is an MPP admin, bench-admin@bench.mpp.invalid, created on first run (role mpp_admin).
Cases use the busiest agency, service and officer of the data.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS_DIR = ROOT / "benchmarks" / "results"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/mpp_bench_dash"
TARGET_MS = 300.0


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL)
    parser.add_argument(
        "--requests", type=int, default=30, help="timed requests per case (default: %(default)s)"
    )
    parser.add_argument("--warmup", type=int, default=3, help="untimed requests first (default: %(default)s)")
    parser.add_argument("--case", dest="cases", action="append", help="run only this case (repeatable)")
    parser.add_argument("--output", type=Path, help="JSON report (default: benchmarks/results/...)")
    parser.add_argument(
        "--load-feedback",
        action="store_true",
        help="first replace the complaints and survey responses with --complaints and --responses rows",
    )
    parser.add_argument(
        "--complaints", type=int, default=20_000, help="complaints to load (default: %(default)s)"
    )
    parser.add_argument(
        "--responses", type=int, default=500_000, help="survey responses to load (default: %(default)s)"
    )
    parser.add_argument(
        "--load-queue",
        action="store_true",
        help="first replace the queue tickets with --tickets rows over the past year (one queue and "
        "counter per agency are created if there are no queues)",
    )
    parser.add_argument(
        "--tickets", type=int, default=300_000, help="queue tickets to load (default: %(default)s)"
    )
    parser.add_argument(
        "--queue-sections",
        action="store_true",
        help="also time the queue section alone (queueing.reporting) for each scope over the past year",
    )
    args = parser.parse_args(argv)
    args.requests = min(max(args.requests, 1), 1000)
    args.warmup = min(max(args.warmup, 0), 100)
    return args


def setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mpp.settings")
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


FEEDBACK_SQL = """
TRUNCATE surveys_surveyresponse, surveys_surveyinvitation, complaints_complaintmessage,
         complaints_complaintattachment, complaints_historicalcomplaint, complaints_complaint CASCADE;
INSERT INTO complaints_complaintcategory (code, name, name_en, description, "group", is_active, "order")
VALUES ('bench-pelayanan', 'Pelayanan petugas', 'Staff service', '', 'Pelayanan', true, 0)
ON CONFLICT (code) DO NOTHING;
-- Survey responses on finished applications, one per invitation, submitted a day after the
-- decision; scores 1-4 skewed to 3-4 as at a real MPP.
INSERT INTO surveys_surveyinvitation
    (subject_kind, subject_id, citizen_id, agency_id, service_id, subject_label, token, created_at, used_at)
SELECT 'application', a.id, NULL, a.agency_id, a.service_id, a.tracking_number, md5('bench' || a.id),
       a.decided_at, a.decided_at + interval '1 day'
FROM permits_application a
WHERE a.status IN ('issued', 'rejected') AND a.decided_at IS NOT NULL
ORDER BY a.id DESC LIMIT %(responses)s;
INSERT INTO surveys_surveyresponse
    (invitation_id, agency_id, service_id, u1, u2, u3, u4, u5, u6, u7, u8, u9, comment, submitted_at)
SELECT i.id, i.agency_id, i.service_id,
       2 + (i.id %% 3 > 0)::int + (i.id %% 7 = 0)::int, 3 + (i.id %% 5 = 0)::int, 2 + (i.id %% 4 > 0)::int,
       3 + (i.id %% 2)::int, 3, 3 + (i.id %% 3 = 0)::int, 4 - (i.id %% 11 = 0)::int, 2 + (i.id %% 3 > 0)::int,
       3, '', i.used_at
FROM surveys_surveyinvitation i;
-- Complaints over the last two years, routed to the agencies of applications; most answered,
-- a few late, some still open. Each answered one keeps its "routed" history row (the answer deadline).
WITH picked AS (
    SELECT a.id, a.agency_id, a.service_id, a.assigned_to_id, row_number() OVER () AS n
    FROM permits_application a
    WHERE a.assigned_to_id IS NOT NULL
    ORDER BY a.id DESC LIMIT %(complaints)s
), dated AS (
    SELECT p.*, now() - (p.n * (interval '730 days' / %(complaints)s)) AS created
    FROM picked p
)
INSERT INTO complaints_complaint
    (number, secret, kind, channel, subject, description, address, reporter_name, reporter_email,
     reporter_phone, is_anonymous, is_confidential, allow_publication, status, due_at, routed_at,
     answer, answered_at, officer_note, lapor_reference, closed_at, closed_automatically,
     rating_comment, created_at, updated_at, agency_id, answered_by_id, service_id, category_id)
SELECT 'B-' || d.id, 'BENCH', 'pengaduan', 'web', 'Antrian loket lama', 'Menunggu lebih dari dua jam.',
       '', '', '', '', true, false, false,
       CASE WHEN d.n <= 40 THEN 'submitted' WHEN d.n <= 200 THEN 'routed' ELSE 'closed' END,
       CASE WHEN d.n <= 40 THEN d.created + interval '3 days'
            WHEN d.n <= 200 THEN d.created + interval '8 days' END,
       CASE WHEN d.n > 40 THEN d.created + interval '1 day' END,
       CASE WHEN d.n > 200 THEN 'Sudah ditindaklanjuti.' ELSE '' END,
       CASE WHEN d.n > 200 THEN d.created + interval '1 day' + (d.n %% 9) * interval '1 day' END,
       '', '', CASE WHEN d.n > 200 THEN d.created + interval '20 days' END, d.n > 200,
       '', d.created, d.created, d.agency_id,
       CASE WHEN d.n > 200 THEN d.assigned_to_id END, d.service_id,
       (SELECT id FROM complaints_complaintcategory WHERE code = 'bench-pelayanan')
FROM dated d;
INSERT INTO complaints_historicalcomplaint
    (id, number, secret, kind, channel, subject, description, address, reporter_name, reporter_email,
     reporter_phone, is_anonymous, is_confidential, allow_publication, status, due_at, routed_at,
     answer, answered_at, officer_note, lapor_reference, closed_at, closed_automatically,
     rating_comment, created_at, updated_at, history_change_reason, history_date, history_type,
     agency_id, category_id, service_id)
SELECT c.id, c.number, c.secret, c.kind, c.channel, c.subject, c.description, c.address, '', '', '',
       true, false, false, 'routed', c.routed_at + interval '7 days', c.routed_at, '', NULL, '', '',
       NULL, false, '', c.created_at, c.routed_at, 'diteruskan', c.routed_at, '~',
       c.agency_id, c.category_id, c.service_id
FROM complaints_complaint c WHERE c.routed_at IS NOT NULL;
ANALYZE complaints_complaint; ANALYZE complaints_historicalcomplaint;
ANALYZE surveys_surveyinvitation; ANALYZE surveys_surveyresponse;
"""


def load_feedback(*, complaints: int, responses: int) -> None:
    """Bench data for the complaints and IKM sections (benchmark database only: it truncates them)."""
    from django.db import connection, transaction

    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(FEEDBACK_SQL, {"complaints": complaints, "responses": responses})
    from reports.services import survey_all_months, survey_months_rebuild

    survey_months_rebuild(months=survey_all_months())  # the dashboards' IKM reads these sums
    print(
        f"loaded {complaints:,} complaints and {responses:,} survey responses in {time.perf_counter() - started:.0f} s"
    )


# Past year's working days (Mon-Fri); the first queues are the busiest (index = n * r^2); 88 % served,
# 8 % no-shows, 4 % cancelled; waits 2-62 min skewed short, service 3-23 min; a ticket's service is
# one of its agency's. One history row per served ticket names the finishing officer (an officer of
# the queue's agency, none when the agency has no officers): the officer scope reads it.
QUEUE_SQL = """
TRUNCATE queueing_ticket, queueing_historicalticket CASCADE;
INSERT INTO queueing_ticket
    (day, number, code, token, status, source, priority_reason, queued_at, issued_at, called_at,
     call_count, started_at, finished_at, queue_id, service_id, counter_id)
WITH days AS (
    SELECT d::date AS day, row_number() OVER (ORDER BY d) AS rn
    FROM generate_series(current_date - 365, current_date - 1, interval '1 day') d
    WHERE extract(isodow FROM d) < 6
),
qs AS (
    SELECT q.id, q.prefix, q.agency_id, row_number() OVER (ORDER BY q.id) AS rn FROM queueing_queue q
),
qc AS (SELECT queue_id, min(counter_id) AS counter_id FROM queueing_counter_queues GROUP BY queue_id),
sv AS (
    SELECT id, agency_id, row_number() OVER (PARTITION BY agency_id ORDER BY id) AS rn,
           count(*) OVER (PARTITION BY agency_id) AS n
    FROM services_service
),
g AS (
    SELECT g, random() AS r1, random() AS r2, random() AS r3, random() AS r4,
           1 + (g %% (SELECT count(*) FROM days)) AS day_rn,
           1 + floor(power(random(), 2) * (SELECT count(*) FROM queueing_queue))::int AS queue_rn
    FROM generate_series(1, %(tickets)s) g
),
numbered AS (
    SELECT g.*, d.day, q.id AS queue_id, q.prefix, q.agency_id,
           row_number() OVER (PARTITION BY q.id, d.day ORDER BY g.g) AS number
    FROM g JOIN days d ON d.rn = g.day_rn JOIN qs q ON q.rn = g.queue_rn
),
timed AS (
    SELECT n.*,
           ((n.day + time '07:30') AT TIME ZONE 'Asia/Jakarta') + n.number * interval '40 seconds' AS issued,
           CASE WHEN n.r2 < 0.88 THEN 'done' WHEN n.r2 < 0.96 THEN 'no_show' ELSE 'cancelled' END AS status,
           (2 + 60 * n.r3 * n.r3) * interval '1 minute' AS wait,
           (3 + 20 * n.r4) * interval '1 minute' AS service
    FROM numbered n
)
SELECT t.day, t.number, t.prefix || lpad(t.number::text, 3, '0'), md5(t.g::text || random()::text),
       t.status, CASE WHEN t.g %% 10 < 3 THEN 'booking' ELSE 'walk_in' END,
       CASE WHEN t.g %% 20 = 0 THEN 'elderly' ELSE '' END, t.issued, t.issued,
       CASE WHEN t.status <> 'cancelled' THEN t.issued + t.wait END,
       CASE WHEN t.status <> 'cancelled' THEN 1 ELSE 0 END,
       CASE WHEN t.status = 'done' THEN t.issued + t.wait + interval '1 minute' END,
       CASE WHEN t.status = 'done' THEN t.issued + t.wait + interval '1 minute' + t.service
            WHEN t.status = 'no_show' THEN t.issued + t.wait + interval '5 minutes' END,
       t.queue_id, sv.id, CASE WHEN t.status <> 'cancelled' THEN qc.counter_id END
FROM timed t
LEFT JOIN sv ON sv.agency_id = t.agency_id AND sv.rn = 1 + t.g %% sv.n
LEFT JOIN qc ON qc.queue_id = t.queue_id;
INSERT INTO queueing_historicalticket
    (id, day, number, code, status, source, priority_reason, queued_at, issued_at, called_at,
     call_count, started_at, finished_at, history_date, history_change_reason, history_type,
     counter_id, history_user_id, service_id, queue_id)
WITH o AS (
    SELECT id, agency_id, row_number() OVER (PARTITION BY agency_id ORDER BY id) AS rn,
           count(*) OVER (PARTITION BY agency_id) AS n
    FROM accounts_user WHERE role = 'officer'
)
SELECT t.id, t.day, t.number, t.code, t.status, t.source, t.priority_reason, t.queued_at, t.issued_at,
       t.called_at, t.call_count, t.started_at, t.finished_at, t.finished_at, 'finished', '~',
       t.counter_id, o.id, t.service_id, t.queue_id
FROM queueing_ticket t JOIN queueing_queue q ON q.id = t.queue_id
LEFT JOIN o ON o.agency_id = q.agency_id AND o.rn = 1 + t.id %% o.n
WHERE t.status = 'done';
ANALYZE queueing_ticket; ANALYZE queueing_historicalticket;
"""


def load_queue(*, tickets: int) -> None:
    """Bench data for the queue section (benchmark database only: it truncates the tickets)."""
    from django.db import connection, transaction

    from agencies.models import Agency
    from queueing.models import Counter, Queue

    started = time.perf_counter()
    with transaction.atomic():
        if not Queue.objects.exists():
            letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
            for letter, agency in zip(letters, Agency.objects.order_by("pk"), strict=False):
                queue = Queue.objects.create(
                    agency=agency, prefix=letter, name=f"Layanan {agency.short_name}"
                )
                queue.services.set(agency.services.all())
                counter = Counter.objects.filter(agency=agency).order_by("number").first()
                if counter is None:
                    last = Counter.objects.order_by("-number").values_list("number", flat=True).first()
                    counter = Counter.objects.create(
                        agency=agency, number=(last or 0) + 1, label=f"Loket {agency.short_name}"
                    )
                counter.queues.add(queue)
        with connection.cursor() as cursor:
            cursor.execute(QUEUE_SQL, {"tickets": tickets})
    loaded = time.perf_counter()
    from queueing.reporting import queue_months_rebuild_all

    queue_months_rebuild_all()  # what the beat keeps current (this and last month)
    print(
        f"loaded {tickets:,} queue tickets in {loaded - started:.0f} s, "
        f"rebuilt the queue summaries in {time.perf_counter() - loaded:.1f} s"
    )


def time_queue_sections(*, requests: int) -> dict:
    """The queue section alone, per scope, over the past year (busiest agency/service/officer)."""
    from django.db.models import Count
    from django.utils import timezone

    from accounts.models import User
    from queueing.models import Ticket
    from queueing.reporting import QueueProvider
    from reports.selectors import Period, Scope

    today = timezone.localdate()
    period = Period(today - dt.timedelta(days=365), today)
    busiest = Ticket.objects.values("queue__agency_id").annotate(n=Count("pk")).order_by("-n")[0]
    service = (
        Ticket.objects.exclude(service=None).values("service_id").annotate(n=Count("pk")).order_by("-n")[0]
    )
    officer = (
        Ticket.history.model.objects.exclude(history_user=None)
        .values("history_user_id")
        .annotate(n=Count("pk"))
        .order_by("-n")[0]
    )
    from agencies.models import Agency
    from services.models import Service

    scopes = {
        "queue-mpp-year": Scope("mpp"),
        "queue-agency-year": Scope("agency", agency=Agency.objects.get(pk=busiest["queue__agency_id"])),
        "queue-service-year": Scope("service", service=Service.objects.get(pk=service["service_id"])),
        "queue-officer-year": Scope("officer", officer=User.objects.get(pk=officer["history_user_id"])),
    }
    results = {}
    for name, scope in scopes.items():
        times = []
        for _ in range(requests):
            started = time.perf_counter()
            QueueProvider().section(scope=scope, period=period, now=timezone.now())
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        results[name] = {
            "median_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[max(int(len(times) * 0.95) - 1, 0)], 1),
            "max_ms": round(times[-1], 1),
        }
        r = results[name]
        print(
            f"{name:<28} median {r['median_ms']:>7.1f} ms  p95 {r['p95_ms']:>7.1f} ms  max {r['max_ms']:>7.1f} ms"
        )
    return results


def cases() -> dict[str, str]:
    from django.db.models import Count
    from django.urls import reverse
    from django.utils import timezone

    from reports.models import ApplicationFact

    today = timezone.localdate()

    def busiest(field: str):
        rows = ApplicationFact.objects.values(field).annotate(n=Count("pk")).order_by("-n")
        return rows.values_list(field, flat=True)[:1][0]

    from accounts.models import User
    from agencies.models import Agency
    from services.models import Service

    agency = Agency.objects.get(pk=busiest("agency_id"))
    service = Service.objects.get(pk=busiest("service_id"))
    officer = User.objects.get(
        pk=ApplicationFact.objects.exclude(officer=None)
        .values("officer_id")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .values_list("officer_id", flat=True)[:1][0]
    )
    year_ago = (today - dt.timedelta(days=365)).isoformat()
    last_month = (today.replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m")
    return {
        "mpp-month": reverse("reports:home"),
        "mpp-year": reverse("reports:home") + f"?dari={year_ago}&sampai={today.isoformat()}",
        "agency-month": reverse("reports:agency", args=[agency.slug]),
        "agency-year": reverse("reports:agency", args=[agency.slug])
        + f"?dari={year_ago}&sampai={today.isoformat()}",
        "service-year": reverse("reports:service", args=[service.code])
        + f"?dari={year_ago}&sampai={today.isoformat()}",
        "officer-year": reverse("reports:officer", args=[officer.pk])
        + f"?dari={year_ago}&sampai={today.isoformat()}",
        "ranking-last-month": reverse("reports:ranking") + f"?bulan={last_month}",
        "transparency": reverse("transparency:home"),
        "export-xlsx-agencies-year": reverse("reports:home")
        + f"?dari={year_ago}&sampai={today.isoformat()}&ekspor=xlsx&tabel=per-agency",
    }


def main(argv=None) -> int:
    args = parse_args(argv)
    setup_django(args.database_url)
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client

    from accounts.models import Role, User
    from reports.models import ApplicationFact

    if not ApplicationFact.objects.exists():
        print("No application facts: run `manage.py refresh_report_facts --full` first.", file=sys.stderr)
        return 2
    admin = User.objects.filter(email="bench-admin@bench.mpp.invalid").first()
    if admin is None:
        from accounts.services import staff_create

        admin = staff_create(
            email="bench-admin@bench.mpp.invalid", full_name="Bench Admin", role=Role.MPP_ADMIN
        )
    if args.load_feedback:
        load_feedback(complaints=args.complaints, responses=args.responses)
    if args.load_queue:
        load_queue(tickets=args.tickets)
    client = Client(HTTP_HOST="localhost", raise_request_exception=True)
    client.force_login(admin)
    load_before = os.getloadavg()
    results = {}
    selected = cases()
    for name, url in selected.items():
        if args.cases and name not in args.cases:
            continue
        counter = QueryCounter()
        times = []
        with connection.execute_wrapper(counter):
            for i in range(args.warmup + args.requests):
                cache.clear()
                counter.count = 0
                started = time.perf_counter()
                response = client.get(url)
                elapsed = (time.perf_counter() - started) * 1000
                if response.status_code != 200:
                    raise SystemExit(f"{name}: HTTP {response.status_code}")
                if i >= args.warmup:
                    times.append(elapsed)
        times.sort()
        results[name] = {
            "url": url,
            "median_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[max(int(len(times) * 0.95) - 1, 0)], 1),
            "max_ms": round(times[-1], 1),
            "queries": counter.count,
            "requests": len(times),
        }
        r = results[name]
        verdict = "ok" if r["p95_ms"] <= TARGET_MS else "OVER"
        print(
            f"{name:<28} median {r['median_ms']:>7.1f} ms  p95 {r['p95_ms']:>7.1f} ms  "
            f"max {r['max_ms']:>7.1f} ms  {r['queries']:>3} queries  [{verdict} <= {TARGET_MS:.0f} ms]"
        )
    if args.queue_sections:
        results.update(time_queue_sections(requests=args.requests))
    load_after = os.getloadavg()
    print(
        f"load average before {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}, "
        f"after {load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f}; "
        f"{ApplicationFact.objects.count():,} facts"
    )
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    output = args.output or RESULTS_DIR / f"dashboards-{dt.datetime.now():%Y%m%d-%H%M%S}.json"
    output.write_text(
        json.dumps({"load_before": load_before, "load_after": load_after, "cases": results}, indent=2)
    )
    print(f"written {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

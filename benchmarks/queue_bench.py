#!/usr/bin/env python3
"""Queue benchmark: tickets issued, counters calling next and the board snapshot, over HTTP against
gunicorn on PostgreSQL.

1. Uses the PostgreSQL database given by --database-url (default: postgres://postgres@127.0.0.1:5432/
   mpp_bench_queue), creating it if missing, then migrates it and loads the demo data (`seed_demo`).
2. Prepares a benchmark queue "ZB" (DPMPTSP, capacity for --tickets walk-ins) and --counters
   counters (numbers 901...) with one officer session each; removes that queue's tickets of today.
   The benchmark database is its own: to run at any hour it opens today 00:00-23:59 there and
   removes the call breaks (a real calendar would refuse tickets outside office hours).
3. Starts gunicorn (DEBUG off, Redis cache as in production, the kiosk rate limit lifted: every
   client comes from 127.0.0.1) with --workers workers of --threads threads (gthread when more than 1).
4. Issue: --clients concurrent keep-alive clients POST the kiosk's /antrian/kios/terbitkan/ (or,
   with --endpoint api, /api/v1/queue/tickets/) until --tickets tickets exist; tickets/s, latency,
   CPU per ticket, no duplicate number (from the answers and the database) and a history row each.
5. Call: --counters clients, one per counter, POST call-next then no-show until the line is empty;
   calls/s, and no ticket called twice (from the answers and the history rows).
6. Board: --board-clients clients GET /api/v1/queue/board/ for --duration seconds, plain (200) and
   as the board page polls (If-None-Match, 304); requests/s.

Writes benchmarks/results/queue-<time>.json (gitignored). Loopback only, bounded in time; gunicorn
is stopped at the end whatever happens. Run: `.venv/bin/python benchmarks/queue_bench.py --help`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import statistics
import sys
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import catalogue as common  # gunicorn and database helpers, shared with the catalogue benchmark

ROOT = common.ROOT
RESULTS_DIR = common.RESULTS_DIR
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/mpp_bench_queue"
BENCH_PREFIX = "ZB"
CSRF = "benchmarkcsrfsecret0123456789abc"  # 32 characters: Django accepts the unmasked secret
CALL_PHASE_MAX_S = 300.0  # the counters stop here even if the line is not empty
ISSUE_PATHS = {
    "kiosk": "/antrian/kios/terbitkan/",  # the kiosk's plain Django view (queueing/kiosk.py)
    "api": "/api/v1/queue/tickets/",  # the DRF endpoint for apps
}


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--database-url", default=os.environ.get("QUEUE_BENCH_DATABASE_URL") or DEFAULT_DATABASE_URL
    )
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("REDIS_URL", ""),
        help="Redis for the cache (default: $REDIS_URL)",
    )
    # 2 gthread workers x 4 threads measured best on the 2-core machine (benchmarks/README.md).
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default: %(default)s)")
    parser.add_argument(
        "--threads",
        type=int,
        default=4,
        help="threads per worker; more than 1 runs gunicorn's gthread workers, 1 sync ones (default: %(default)s)",
    )
    parser.add_argument(
        "--endpoint",
        choices=sorted(ISSUE_PATHS),
        default="kiosk",
        help="issue through the kiosk's lean view or the DRF API (default: %(default)s)",
    )
    parser.add_argument(
        "--phases",
        default="issue,call,board",
        help="comma-separated phases to run, in order (default: %(default)s)",
    )
    parser.add_argument("--tickets", type=int, default=2000, help="tickets to issue (default: %(default)s)")
    parser.add_argument(
        "--clients", type=int, default=32, help="concurrent kiosk clients (default: %(default)s)"
    )
    parser.add_argument("--counters", type=int, default=20, help="concurrent counters (default: %(default)s)")
    parser.add_argument("--board-clients", type=int, default=32, help="board clients (default: %(default)s)")
    parser.add_argument(
        "--duration", type=float, default=10.0, help="seconds per board run (default: %(default)s)"
    )
    parser.add_argument(
        "--skip-setup", action="store_true", help="do not create, migrate or seed the database"
    )
    parser.add_argument("--output", type=Path)
    args = parser.parse_args(argv)
    if not urllib.parse.urlsplit(args.database_url).scheme.startswith("postgres"):
        parser.error("--database-url must be a PostgreSQL URL")
    args.tickets = min(max(args.tickets, 1), 20000)
    args.duration = min(max(args.duration, 1.0), common.MAX_DURATION_S)
    args.threads = min(max(args.threads, 1), 64)
    args.phases = [p.strip() for p in args.phases.split(",") if p.strip()]
    unknown = set(args.phases) - {"issue", "call", "board"}
    if unknown:
        parser.error(f"unknown phases: {', '.join(sorted(unknown))}")
    return args


# --- data ----------------------------------------------------------------------------------------


def prepare(args) -> list[dict]:
    """The benchmark queue, counters and officer sessions, through the ORM of this process."""
    os.environ["DATABASE_URL"] = args.database_url
    os.environ["REDIS_URL"] = args.redis_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mpp.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.utils import timezone

    from accounts.models import Role, User
    from accounts.services import staff_create
    from agencies.models import CalendarOverride, OfficeHours
    from agencies.selectors import clear_calendar_cache, work_calendar
    from queueing import services
    from queueing.models import Counter, Queue, QueueBreak, QueueDay, Ticket
    from queueing.selectors import board_version_bump

    today = timezone.localdate()
    OfficeHours.objects.update_or_create(
        profile_id=1,
        weekday=today.weekday(),
        defaults={"opens_at": dt.time(0, 0), "closes_at": dt.time(23, 59)},
    )
    CalendarOverride.objects.update_or_create(
        profile_id=1, date=today, defaults={"kind": CalendarOverride.Kind.OPEN, "reason": "benchmark"}
    )
    QueueBreak.objects.all().delete()
    clear_calendar_cache()
    assert work_calendar().is_working_day(today)

    from agencies.models import Agency

    agency = Agency.objects.get(slug="dpmptsp")
    per_slot = args.tickets // 40 + 10  # 47 sessions of 30 min: walk-in share covers --tickets
    queue, _ = Queue.objects.update_or_create(
        prefix=BENCH_PREFIX,
        defaults={
            "agency": agency,
            "name": "Benchmark DPMPTSP",
            "slot_minutes": 30,
            "slot_capacity": per_slot * 2,
            "booking_share": 50,
        },
    )
    Ticket.history.filter(queue_id=queue.pk).delete()
    Ticket.objects.filter(queue=queue).delete()
    QueueDay.objects.filter(queue=queue).delete()
    officer = User.objects.filter(email="petugas.bench-queue@bench.mpp.invalid").first()
    if officer is None:
        officer = staff_create(
            email="petugas.bench-queue@bench.mpp.invalid",
            full_name="Petugas Benchmark Antrian",
            role=Role.OFFICER,
            agency=agency,
        )
    counters = []
    for n in range(args.counters):
        counter, _ = Counter.objects.get_or_create(
            number=901 + n, defaults={"agency": agency, "label": f"Loket Benchmark {n + 1}"}
        )
        counter.queues.set([queue])
        for ticket in Ticket.objects.filter(counter=counter, status__in=["called", "serving"]):
            ticket.status = "no_show"
            ticket.save(update_fields=["status"])
        if counter.status != "open":
            services.counter_set_status(counter=counter, actor=officer, status="open")
        counters.append(counter.pk)
    # Only the benchmark counters call the benchmark queue.
    Counter.objects.filter(queues=queue).exclude(pk__in=counters).update(status="closed")
    sessions = []
    for pk in counters:
        store = SessionStore()
        store[SESSION_KEY] = str(officer.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = officer.get_session_auth_hash()
        store.create()
        sessions.append({"counter": pk, "session": store.session_key})
    board_version_bump()
    return sessions


def verify(args) -> dict:
    from django.db.models import Count, Sum

    from queueing.models import Queue, QueueDay, Ticket

    queue = Queue.objects.get(prefix=BENCH_PREFIX)
    tickets = Ticket.objects.filter(queue=queue)
    numbers = list(tickets.values_list("day", "number"))
    called_twice = (
        Ticket.history.filter(queue_id=queue.pk, history_change_reason__startswith="called to counter")
        .values("id")
        .annotate(n=Count("history_id"))
        .filter(n__gt=1)
        .count()
    )
    issued_rows = Ticket.history.filter(
        queue_id=queue.pk, history_type="+", history_change_reason="issued"
    ).count()
    return {
        "tickets_in_db": len(numbers),
        "issued_history_rows": issued_rows,
        "duplicate_numbers_in_db": len(numbers) - len(set(numbers)),
        "tickets_called_more_than_once_in_history": called_twice,
        "still_waiting": tickets.filter(status="waiting").count(),
        # The count the kiosk's "people ahead" comes from (QueueDay.waiting): must equal the above.
        "waiting_count_on_day_rows": QueueDay.objects.filter(queue=queue).aggregate(n=Sum("waiting"))["n"]
        or 0,
    }


# --- load ----------------------------------------------------------------------------------------


class Timed:
    def __init__(self):
        self.latencies: list[float] = []
        self.statuses: dict[int, int] = {}
        self.errors: dict[str, int] = {}

    def record(self, began: float, status: int) -> None:
        self.latencies.append(time.monotonic() - began)
        self.statuses[status] = self.statuses.get(status, 0) + 1


def request(conn_box, port, method, path, body=None, headers=None):
    conn = conn_box[0]
    if conn is None:
        conn = conn_box[0] = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request(method, path, body=body, headers=headers or {})
    response = conn.getresponse()
    data = response.read()
    if response.will_close:
        conn.close()
        conn_box[0] = None
    return response, data


def summary(timed: list[Timed], wall: float, done: int) -> dict:
    latencies = sorted(v for t in timed for v in t.latencies)
    statuses: dict[int, int] = {}
    errors: dict[str, int] = {}
    for t in timed:
        for k, v in t.statuses.items():
            statuses[k] = statuses.get(k, 0) + v
        for k, v in t.errors.items():
            errors[k] = errors.get(k, 0) + v
    return {
        "requests": len(latencies),
        "done": done,
        "seconds": round(wall, 3),
        "per_s": round(done / wall, 1) if wall else None,
        "requests_per_s": round(len(latencies) / wall, 1) if wall else None,
        "latency_ms": {
            "median": round(statistics.median(latencies) * 1000, 2) if latencies else None,
            "p95": round(common.percentile(latencies, 0.95) * 1000, 2) if latencies else None,
            "p99": round(common.percentile(latencies, 0.99) * 1000, 2) if latencies else None,
            "max": round(latencies[-1] * 1000, 2) if latencies else None,
        },
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "connection_errors": errors,
    }


def issue_phase(port: int, args) -> dict:
    remaining = [args.tickets]
    lock = threading.Lock()
    codes: list[str] = []
    refusals: list[str] = []
    timed = [Timed() for _ in range(args.clients)]
    body = json.dumps({"queue": BENCH_PREFIX}).encode()
    headers = {"Content-Type": "application/json", "Accept-Language": "id"}
    path = ISSUE_PATHS[args.endpoint]
    start_at = time.monotonic() + 0.2

    def client(index):
        box = [None]
        while time.monotonic() < start_at:
            time.sleep(0.001)
        while True:
            with lock:
                if remaining[0] <= 0:
                    break
                remaining[0] -= 1
            began = time.monotonic()
            try:
                response, data = request(box, port, "POST", path, body, headers)
            except (OSError, http.client.HTTPException) as exc:
                timed[index].errors[type(exc).__name__] = timed[index].errors.get(type(exc).__name__, 0) + 1
                with lock:
                    remaining[0] += 1
                box[0] = None
                continue
            timed[index].record(began, response.status)
            if response.status == 201:
                with lock:
                    codes.append(json.loads(data)["code"])
            else:
                with lock:
                    remaining[0] += 1  # count only issued tickets; the status tally shows the refusals
                    if len(refusals) < 5:
                        refusals.append(f"{response.status} {data[:200].decode(errors='replace')}")

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(args.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=common.MAX_DURATION_S)
    wall = time.monotonic() - start_at
    result = summary(timed, wall, len(codes))
    result["duplicate_codes_in_answers"] = len(codes) - len(set(codes))
    result["refusal_samples"] = refusals
    return result


def call_phase(port: int, sessions: list[dict]) -> dict:
    called: list[int] = []
    lock = threading.Lock()
    timed = [Timed() for _ in sessions]
    start_at = time.monotonic() + 0.2

    def client(index):
        info = sessions[index]
        headers = {
            "Content-Type": "application/json",
            "Cookie": f"sessionid={info['session']}; csrftoken={CSRF}",
            "X-CSRFToken": CSRF,
            "Accept-Language": "id",
        }
        base = f"/api/v1/queue/counters/{info['counter']}/"
        box = [None]
        while time.monotonic() < start_at:
            time.sleep(0.001)
        deadline = time.monotonic() + CALL_PHASE_MAX_S
        while time.monotonic() < deadline:
            began = time.monotonic()
            try:
                response, data = request(box, port, "POST", base + "call-next/", b"{}", headers)
            except (OSError, http.client.HTTPException) as exc:
                timed[index].errors[type(exc).__name__] = timed[index].errors.get(type(exc).__name__, 0) + 1
                box[0] = None
                continue
            timed[index].record(began, response.status)
            if response.status == 204:
                return
            if response.status != 200:
                continue
            ticket = json.loads(data)
            with lock:
                called.append(ticket["token"])
            began = time.monotonic()
            body = json.dumps({"ticket": ticket["id"]}).encode()
            response, _ = request(box, port, "POST", base + "no-show/", body, headers)
            timed[index].record(began, response.status)

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(len(sessions))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=CALL_PHASE_MAX_S + 10)
    wall = time.monotonic() - start_at
    result = summary(timed, wall, len(called))
    result["tickets_called_twice_in_answers"] = len(called) - len(set(called))
    return result


def board_phase(port: int, args, conditional: bool) -> dict:
    timed = [Timed() for _ in range(args.board_clients)]
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", "/api/v1/queue/board/")
    etag = conn.getresponse().getheader("ETag")
    conn.close()
    headers = {"Accept-Language": "id"}
    if conditional:
        headers["If-None-Match"] = etag
    start_at = time.monotonic() + 0.5  # a short warm-up before
    deadline = start_at + args.duration

    def client(index):
        box = [None]
        while time.monotonic() < deadline:
            began = time.monotonic()
            try:
                response, _ = request(box, port, "GET", "/api/v1/queue/board/", None, headers)
            except (OSError, http.client.HTTPException) as exc:
                timed[index].errors[type(exc).__name__] = timed[index].errors.get(type(exc).__name__, 0) + 1
                box[0] = None
                continue
            if began >= start_at:
                timed[index].record(began, response.status)

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(args.board_clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=args.duration + 30)
    result = summary(timed, args.duration, sum(len(t.latencies) for t in timed))
    result["conditional"] = conditional
    return result


def loadavg() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def main(argv=None) -> int:
    args = parse_args(argv)
    env = common.server_env(argparse.Namespace(database_url=args.database_url, redis_url=args.redis_url))
    # Every client is 127.0.0.1: lift the kiosk's per-address limit for the run.
    env["MPP_QUEUE_ISSUE_RATE_LIMIT"] = "100000000"
    if not args.skip_setup:
        common.ensure_database(args.database_url)
        common.manage(env, "migrate", "--noinput", "-v", "0")
        common.manage(env, "seed_demo")
    sessions = prepare(args)
    from django.db import connections

    connections.close_all()
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    log_path = RESULTS_DIR / f"queue-{stamp}-gunicorn.log"
    report = {
        "benchmark": "queue",
        "started_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "git": common.git_describe(),
        "machine": {"cpus": os.cpu_count(), "loadavg_before": loadavg()},
        "database_url": common.redact(args.database_url),
        "cache": "redis" if args.redis_url else "locmem (per process)",
        "workers": args.workers,
        "threads": args.threads,
        "worker_class": "gthread" if args.threads > 1 else "sync",
        "issue_endpoint": ISSUE_PATHS[args.endpoint],
    }
    server = common.Server(env=env, workers=args.workers, threads=args.threads, log_path=log_path)
    try:
        server.wait_ready()
        print(
            f"gunicorn: {args.workers} {report['worker_class']} workers x {args.threads} threads on "
            f"127.0.0.1:{server.port}; load {loadavg()}"
        )
        if "issue" in args.phases:
            cpu0, client0 = server.cpu_seconds(), time.process_time()
            report["issue"] = issue_phase(server.port, args)
            report["issue"]["server_cpu_s"] = round(server.cpu_seconds() - cpu0, 2)
            # The load generator's own CPU: on a 2-core machine it competes with the server.
            report["issue"]["client_cpu_ms_per_ticket"] = round(
                1000 * (time.process_time() - client0) / max(report["issue"]["done"], 1), 2
            )
            report["issue"]["server_cpu_ms_per_ticket"] = round(
                1000 * report["issue"]["server_cpu_s"] / max(report["issue"]["done"], 1), 2
            )
            report["issue"]["loadavg_after"] = loadavg()
            print("issue:", json.dumps(report["issue"]))
        if "call" in args.phases:
            cpu0 = server.cpu_seconds()
            report["call"] = call_phase(server.port, sessions)
            report["call"]["server_cpu_s"] = round(server.cpu_seconds() - cpu0, 2)
            report["call"]["loadavg_after"] = loadavg()
            print("call:", json.dumps(report["call"]))
        for conditional in (False, True) if "board" in args.phases else ():
            key = "board_304" if conditional else "board_200"
            cpu0 = server.cpu_seconds()
            report[key] = board_phase(server.port, args, conditional)
            report[key]["server_cpu_s"] = round(server.cpu_seconds() - cpu0, 2)
            report[key]["loadavg_after"] = loadavg()
            print(f"{key}:", json.dumps(report[key]))
    finally:
        server.stop()
    report["verify"] = verify(args)
    print("verify:", json.dumps(report["verify"]))
    output = args.output or RESULTS_DIR / f"queue-{stamp}.json"
    output.write_text(json.dumps(report, indent=2) + "\n")
    print(f"written: {output}")
    ok = (
        report["verify"]["duplicate_numbers_in_db"] == 0
        and report["verify"]["tickets_called_more_than_once_in_history"] == 0
        and report["verify"]["waiting_count_on_day_rows"] == report["verify"]["still_waiting"]
        and report.get("issue", {}).get("duplicate_codes_in_answers", 0) == 0
        and report.get("call", {}).get("tickets_called_twice_in_answers", 0) == 0
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

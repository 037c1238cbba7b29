#!/usr/bin/env python3
"""Server time of the staff worklist (page and API) and of the public tracking lookup, against the
database that benchmarks/generate_applications.py filled (1,000,000 applications by default).

    .venv/bin/python benchmarks/permits_worklist.py
    .venv/bin/python benchmarks/permits_worklist.py --requests 500 --case api-default

Everything runs in this one process, DEBUG off: each request goes through Django's whole handler
(middleware, session and user lookup, view, template or serializer) via django.test.Client, and its
wall time is measured around the call; no network and no server. Per case: --warmup requests, then
--requests timed ones (bounded by --max-seconds), reporting median, p95, p99 and the number of
database queries and their time per request (counted with a connection execute wrapper on every
request, so "constant" is checked, not assumed). Then EXPLAIN (ANALYZE, BUFFERS) of the worklist's
queries, a summary table against the targets of issue 4 (worklist median <= 15 ms, p95 <= 40 ms;
tracking median <= 10 ms), and a JSON report in benchmarks/results/worklist-<time>.json.

The officer is petugas01.dpmptsp@bench.mpp.invalid (DPMPTSP, the agency with the most
applications) and, to show that the query count does not depend on the agency, an officer of the
smallest agency. Tracking lookups use a different real application (number and secret) per request
and a different client address, so the per-address rate limits never answer instead.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import re
import statistics
import sys
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS_DIR = ROOT / "benchmarks" / "results"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/mpp_bench"
# Production reads sessions and the cache from Redis (mpp/settings.py); without it every request
# reads its session from the database, one query more.
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"
BENCH_DOMAIN = "bench.mpp.invalid"
TARGETS = {"worklist": {"median": 15.0, "p95": 40.0}, "track": {"median": 10.0}}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL,
        help="PostgreSQL database loaded by generate_applications.py. Default: $DATABASE_URL or %(default)s",
    )
    add_redis_argument(parser)
    parser.add_argument(
        "--requests", type=int, default=200, help="timed requests per case (default: %(default)s)"
    )
    parser.add_argument(
        "--warmup", type=int, default=20, help="untimed requests first (default: %(default)s)"
    )
    parser.add_argument(
        "--max-seconds", type=float, default=60.0, help="stop a case after this long (default: %(default)s)"
    )
    parser.add_argument(
        "--agency", default="dpmptsp", help="agency slug of the officer (default: %(default)s)"
    )
    parser.add_argument(
        "--case", dest="cases", action="append", help="run only this case (repeatable; see the table)"
    )
    parser.add_argument(
        "--sequential",
        action="store_true",
        help="run each case's requests in one block (default: in rounds, one request of every case per "
        "round, so that a slower spell of a shared machine falls on every case alike)",
    )
    parser.add_argument("--no-explain", action="store_true", help="skip EXPLAIN ANALYZE")
    parser.add_argument("--output", type=Path, help="JSON report (default: benchmarks/results/...)")
    args = parser.parse_args(argv)
    if not urllib.parse.urlsplit(args.database_url).scheme.startswith("postgres"):
        parser.error("--database-url must be a PostgreSQL URL")
    args.requests = min(max(args.requests, 1), 10_000)
    args.warmup = min(max(args.warmup, 0), 1_000)
    args.max_seconds = min(max(args.max_seconds, 1.0), 600.0)
    return args


def add_redis_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("REDIS_URL") or DEFAULT_REDIS_URL,
        help="Redis for the cache and sessions, as in production; '' for none (database sessions: one "
        "query more per request). Default: $REDIS_URL or %(default)s",
    )


def setup_django(database_url: str, redis_url: str = "") -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ["REDIS_URL"] = redis_url
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mpp.settings")
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


class QueryMeter:
    """Counts the queries of a request and their time (a connection execute wrapper: cheap, no
    debug cursor), and keeps their SQL when asked."""

    def __init__(self):
        self.count = 0
        self.seconds = 0.0
        self.keep_sql = False
        self.sql: list[tuple[str, float]] = []

    def reset(self) -> None:
        self.count = 0
        self.seconds = 0.0
        self.sql = []

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            elapsed = time.perf_counter() - started
            self.count += 1
            self.seconds += elapsed
            if self.keep_sql:
                cursor = context["cursor"]
                text = cursor.cursor.query if hasattr(cursor, "cursor") else None
                self.sql.append(((text or b"").decode() if isinstance(text, bytes) else str(sql), elapsed))


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def speed_probe() -> float:
    """Milliseconds of CPU a fixed piece of pure Python takes now (the best of three). On a virtual
    machine whose host is shared, the same work takes 0.45-0.77 s per 5 million additions from one
    minute to the next with nothing else running here: the probe, taken with every round, says how
    fast the machine was while each case ran. It is taken between rounds, not before every request,
    so that it does not cool the caches the request would find warm."""
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        total = 0
        for i in range(100_000):
            total += i
        best = min(best, time.process_time() - started)
    return best * 1000


def summarize(times: list[float], queries: list[int], db_times: list[float], cpu_times: list[float]) -> dict:
    ms = [t * 1000 for t in times]
    return {
        "n": len(ms),
        "median_ms": round(statistics.median(ms), 2),
        "p95_ms": round(percentile(ms, 0.95), 2),
        "p99_ms": round(percentile(ms, 0.99), 2),
        "mean_ms": round(statistics.fmean(ms), 2),
        "min_ms": round(min(ms), 2),
        "max_ms": round(max(ms), 2),
        "queries": sorted(set(queries)),
        "db_median_ms": round(statistics.median(db_times) * 1000, 2),
        # CPU of this process (Django and the driver, not PostgreSQL): steadier than wall time
        # when other programs share the cores.
        "cpu_median_ms": round(statistics.median(cpu_times) * 1000, 2),
    }


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    setup_django(args.database_url, args.redis_url)
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    if MigrationExecutor(connection).migration_plan(MigrationExecutor(connection).loader.graph.leaf_nodes()):
        print("applying new migrations first (manage.py migrate)")
        call_command("migrate", verbosity=0, interactive=False)

    return run(args, connection)


def run(args: argparse.Namespace, connection) -> int:
    from django.db.models import Count
    from django.test import Client

    from accounts.models import Role, User
    from agencies.models import Agency
    from mpp.pagination import CappedPaginator
    from permits.models import Application
    from permits.selectors import WorklistFilters, track_lookup, worklist

    officer = User.objects.filter(email=f"petugas01.{args.agency}@{BENCH_DOMAIN}").first()
    if officer is None:
        raise SystemExit(
            f"No officer petugas01.{args.agency}@{BENCH_DOMAIN}: run benchmarks/generate_applications.py first."
        )
    total = Application.objects.count()
    agency_total = Application.objects.filter(agency_id=officer.agency_id).count()
    open_total = worklist(officer).count()
    # The agency with the fewest services, for the "whatever the number of services" check.
    small_agency = (
        Agency.objects.exclude(pk=officer.agency_id)
        .annotate(n=Count("services"))
        .order_by("n", "slug")
        .first()
    )
    small_officer = User.objects.filter(email=f"petugas01.{small_agency.slug}@{BENCH_DOMAIN}").first()
    sample = list(
        Application.objects.exclude(tracking_number=None)
        .order_by("?")
        .values_list("tracking_number", "tracking_secret")[: max(args.requests + args.warmup, 50)]
    )
    agency_numbers = list(
        Application.objects.filter(agency_id=officer.agency_id, status="in_process").values_list(
            "tracking_number", flat=True
        )[:1]
    )
    number = agency_numbers[0] if agency_numbers else sample[0][0]
    # Whole names of the agency's open applicants ("Bayu Anwar"), as an officer types them: few
    # matches, where "siti" matches 2 % of the list. A different name per request.
    full_names = sorted(
        set(
            Application.objects.filter(agency_id=officer.agency_id, status__in=["submitted", "in_process"])
            .order_by("-id")
            .values_list("applicant_name", flat=True)[:200]
        )
    )[:50]
    prefix = number.rsplit("-", 1)[0]  # e.g. "NIB-2026": one service's numbers of one year
    print(
        f"database: {total:,} applications; officer {officer.email} ({args.agency}: {agency_total:,} "
        f"applications, {open_total:,} open); small agency: {small_agency.slug}"
    )

    meter = QueryMeter()
    connection.execute_wrappers.append(meter)  # every query of this process from here on

    def client_for(user) -> Client:
        client = Client(HTTP_HOST="localhost", raise_request_exception=True)
        client.force_login(user)
        return client

    staff = client_for(officer)
    # The MPP admin's worklist spans every agency (1,000,000 applications, 300,000 open).
    admin_user = User.objects.filter(role=Role.MPP_ADMIN, is_active=True).order_by("pk").first()
    admin = client_for(admin_user) if admin_user else None
    # The officer's agency's service with the most open applications, for the service filter.
    busiest_service = (
        worklist(officer)
        .values("service__code")
        .annotate(n=Count("pk"))
        .order_by("-n", "service__code")
        .values_list("service__code", flat=True)
        .first()
    )
    staff_small = client_for(small_officer) if small_officer else None
    anonymous = Client(HTTP_HOST="localhost", raise_request_exception=True)
    htmx = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TRIGGER": "worklist-results"}
    # Client addresses start at a random point: the rate limit remembers the addresses of a run
    # made in the last ten minutes, and would answer 429 to a second run that reused them.
    counter = {"i": random.SystemRandom().randrange(1 << 23)}

    def next_track():
        counter["i"] += 1
        i = counter["i"]
        return sample[i % len(sample)], f"127.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255 or 1}"

    def get(client, path, **extra):
        def run():
            response = client.get(path, **extra)
            return response.status_code

        return run

    def get_full_name(client, path):
        names = {"i": 0}

        def run():
            names["i"] += 1
            query = urllib.parse.urlencode({"q": full_names[names["i"] % len(full_names)]})
            return client.get(f"{path}?{query}").status_code

        return run

    def track_page():
        (tracking_number, secret), address = next_track()
        query = urllib.parse.urlencode({"nomor": tracking_number, "kode": secret})
        return anonymous.get(f"/lacak/?{query}", REMOTE_ADDR=address).status_code

    def track_api():
        (tracking_number, secret), address = next_track()
        query = urllib.parse.urlencode({"tracking_number": tracking_number, "secret": secret})
        return anonymous.get(f"/api/v1/track/?{query}", REMOTE_ADDR=address).status_code

    def track_selector():
        (tracking_number, secret), _address = next_track()
        return 200 if track_lookup(tracking_number, secret) is not None else 404

    def selector(filters, size):
        def run():
            paginator = CappedPaginator(worklist(officer, filters), size)
            rows = list(paginator.page(1))
            return 200 if rows is not None and paginator.count >= 0 else 500

        return run

    page = "/petugas/permohonan/"
    api = "/api/v1/applications/"
    cases = [
        # (name, group, description, callable)
        (
            "selector-20",
            "worklist",
            "worklist() selector: first 20 rows + capped count",
            selector(WorklistFilters(), 20),
        ),
        ("page-default", "worklist", "HTML page, default (open, by deadline; 20 rows)", get(staff, page)),
        (
            "page-htmx",
            "worklist",
            "HTML page, htmx results partial (the 30 s refresh)",
            get(staff, page, **htmx),
        ),
        ("page-overdue", "worklist", "HTML page, overdue", get(staff, f"{page}?batas=terlambat")),
        ("page-due3", "worklist", "HTML page, due within 3 working days", get(staff, f"{page}?batas=3")),
        ("page-mine", "worklist", "HTML page, assigned to me", get(staff, f"{page}?penanganan=saya")),
        (
            "page-search-name",
            "worklist",
            "HTML page, search applicant name 'siti'",
            get(staff, f"{page}?q=siti"),
        ),
        (
            "page-search-fullname",
            "worklist",
            "HTML page, search a whole applicant name (50 names of open applications in turn)",
            get_full_name(staff, page),
        ),
        (
            "page-search-number",
            "worklist",
            "HTML page, search one tracking number",
            get(staff, f"{page}?q={number}"),
        ),
        (
            "page-search-prefix",
            "worklist",
            f"HTML page, search number prefix '{prefix}'",
            get(staff, f"{page}?q={prefix}"),
        ),
        (
            "page-status-all",
            "worklist",
            "HTML page, every status (closed too)",
            get(staff, f"{page}?status=all"),
        ),
        (
            "page-unassigned",
            "worklist",
            "HTML page, unassigned (not yet claimed: no clock, so last in the deadline order)",
            get(staff, f"{page}?penanganan=belum"),
        ),
        (
            "page-submitted",
            "worklist",
            "HTML page, status submitted (waiting for the completeness check)",
            get(staff, f"{page}?status=submitted"),
        ),
        (
            "page-service",
            "worklist",
            f"HTML page, one service ({busiest_service})",
            get(staff, f"{page}?layanan={busiest_service}"),
        ),
        ("api-default", "worklist", "API list, default, page_size 20", get(staff, api)),
        ("api-100", "worklist", "API list, default, page_size 100", get(staff, f"{api}?page_size=100")),
        ("api-overdue", "worklist", "API list, overdue", get(staff, f"{api}?overdue=true")),
        ("api-due3", "worklist", "API list, due within 3 working days", get(staff, f"{api}?due_within=3")),
        ("api-mine", "worklist", "API list, assigned to me", get(staff, f"{api}?assigned=me")),
        (
            "api-search-name",
            "worklist",
            "API list, search applicant name 'siti'",
            get(staff, f"{api}?q=siti"),
        ),
        (
            "api-search-fullname",
            "worklist",
            "API list, search a whole applicant name (50 names in turn)",
            get_full_name(staff, api),
        ),
        (
            "api-status-all",
            "worklist",
            "API list, every status (closed too)",
            get(staff, f"{api}?status=all"),
        ),
        (
            "api-page-50",
            "worklist",
            "API list, page 50 (OFFSET 980, the last one the 1,000-row count allows)",
            get(staff, f"{api}?page=50"),
        ),
        *(
            [
                (
                    "admin-default",
                    "worklist",
                    "MPP admin: HTML page, every agency, default",
                    get(admin, page),
                ),
                (
                    "admin-search-name",
                    "worklist",
                    "MPP admin: HTML page, every agency, search 'siti'",
                    get(admin, f"{page}?q=siti"),
                ),
                (
                    "admin-search-fullname",
                    "worklist",
                    "MPP admin: HTML page, every agency, search a whole name (50 in turn)",
                    get_full_name(admin, page),
                ),
                (
                    "admin-submitted",
                    "worklist",
                    "MPP admin: HTML page, every agency, status submitted",
                    get(admin, f"{page}?status=submitted"),
                ),
                (
                    "admin-unassigned",
                    "worklist",
                    "MPP admin: HTML page, every agency, unassigned",
                    get(admin, f"{page}?penanganan=belum"),
                ),
                (
                    "admin-status-all",
                    "worklist",
                    "MPP admin: HTML page, every agency, every status",
                    get(admin, f"{page}?status=all"),
                ),
                ("admin-api", "worklist", "MPP admin: API list, every agency, default", get(admin, api)),
            ]
            if admin is not None
            else []
        ),
        ("track-selector", "track", "track_lookup() selector", track_selector),
        ("track-page", "track", "/lacak/?nomor=&kode= page", track_page),
        ("track-api", "track", "/api/v1/track/?tracking_number=&secret=", track_api),
    ]
    if staff_small is not None:
        cases.insert(
            [c[0] for c in cases].index("api-default") + 1,
            (
                "api-small-agency",
                "worklist",
                f"API list, officer of {small_agency.slug} (fewest services)",
                get(staff_small, api),
            ),
        )
    if args.cases:
        wanted = set(args.cases)
        unknown = wanted - {c[0] for c in cases}
        if unknown:
            raise SystemExit(
                f"unknown case(s): {', '.join(sorted(unknown))}; known: {', '.join(c[0] for c in cases)}"
            )
        cases = [c for c in cases if c[0] in wanted]

    results = {}
    load_before = os.getloadavg()
    runnable = []
    for name, group, description, run in cases:
        status = run()
        if status != 200:
            print(f"  {name:<20} skipped: HTTP {status}")
            results[name] = {"group": group, "description": description, "skipped": f"HTTP {status}"}
            continue
        for _ in range(args.warmup):
            run()
        runnable.append((name, group, description, run))
        results[name] = None  # the table keeps the cases' order

    samples = {name: ([], [], [], [], [], set()) for name, *_rest in runnable}
    probe = [speed_probe()]  # taken between rounds (every 20 requests of a case when sequential)

    def measure(name, run) -> None:
        times, queries, db_times, cpu_times, probes, statuses = samples[name]
        probes.append(probe[0])
        meter.reset()
        cpu_started = time.process_time()
        started = time.perf_counter()
        statuses.add(run())
        times.append(time.perf_counter() - started)
        cpu_times.append(time.process_time() - cpu_started)
        queries.append(meter.count)
        db_times.append(meter.seconds)

    if args.sequential:
        for name, _group, _description, run in runnable:
            deadline = time.perf_counter() + args.max_seconds
            for done in range(args.requests):
                if done % 20 == 0:
                    probe[0] = speed_probe()
                measure(name, run)
                if time.perf_counter() > deadline:
                    break
    else:
        deadline = time.perf_counter() + args.max_seconds * max(len(runnable), 1)
        for _ in range(args.requests):
            probe[0] = speed_probe()
            for name, _group, _description, run in runnable:
                measure(name, run)
            if time.perf_counter() > deadline:
                break
    for name, group, description, _run in runnable:
        times, queries, db_times, cpu_times, probes, statuses = samples[name]
        summary = summarize(times, queries, db_times, cpu_times)
        summary["probe_median_ms"] = round(statistics.median(probes), 3)
        results[name] = {"group": group, "description": description, "statuses": sorted(statuses), **summary}
        if statuses != {200}:
            print(f"  {name}: answers other than 200: {sorted(statuses)} (the figures mix them)")
        print(
            f"  {name:<20} median {summary['median_ms']:7.2f} ms  p95 {summary['p95_ms']:7.2f} ms  "
            f"queries {summary['queries']}  db {summary['db_median_ms']:.2f} ms  cpu {summary['cpu_median_ms']:.2f} ms",
            flush=True,
        )
    load_after = os.getloadavg()
    all_probes = [p for values in samples.values() for p in values[4]]

    explains = (
        {}
        if args.no_explain
        else explain_worklist(staff, meter, connection, page, api, number, prefix, admin=admin)
    )
    report = {
        "kind": "permits_worklist",
        "finished_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_average_before": [round(x, 2) for x in load_before],
            "load_average_after": [round(x, 2) for x in load_after],
            "speed_probe_ms": {
                "min": round(min(all_probes), 3) if all_probes else None,
                "median": round(statistics.median(all_probes), 3) if all_probes else None,
                "max": round(max(all_probes), 3) if all_probes else None,
            },
        },
        "database": {
            "applications": total,
            "agency": args.agency,
            "agency_applications": agency_total,
            "agency_open": open_total,
            "postgres": _pg_settings(connection),
        },
        "args": {k: str(v) for k, v in vars(args).items() if k != "database_url"},
        "targets": TARGETS,
        "results": results,
        "explain": explains,
    }
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    output = args.output or RESULTS_DIR / f"worklist-{dt.datetime.now(dt.UTC):%Y%m%d-%H%M%S}.json"
    output.write_text(json.dumps(report, indent=2) + "\n")
    print_table(results)
    if all_probes:
        print(
            f"speed probe (CPU ms of fixed work, lower is faster): min {min(all_probes):.3f}, "
            f"median {statistics.median(all_probes):.3f}, max {max(all_probes):.3f}"
        )
    print(
        "load average (1, 5, 15 min): before "
        + ", ".join(f"{x:.2f}" for x in load_before)
        + "; after "
        + ", ".join(f"{x:.2f}" for x in load_after)
    )
    print(f"report: {output.relative_to(ROOT) if output.is_relative_to(ROOT) else output}")
    return 0


def explain_worklist(
    staff, meter, connection, page: str, api: str, number: str, prefix: str, admin=None
) -> dict:
    """EXPLAIN (ANALYZE, BUFFERS) of the application queries of some API and page requests."""
    plans = {}
    admin_paths = [("admin-default", page), ("admin-submitted", f"{page}?status=submitted")] if admin else []
    for name, path in (
        ("api-default", api),
        ("api-overdue", f"{api}?overdue=true"),
        ("api-due3", f"{api}?due_within=3"),
        ("api-mine", f"{api}?assigned=me"),
        ("api-search-name", f"{api}?q=siti"),
        ("page-search-name", f"{page}?q=siti"),
        ("page-search-number", f"{page}?q={number}"),
        ("page-search-prefix", f"{page}?q={prefix}"),
        ("api-status-all", f"{api}?status=all"),
        ("api-page-50", f"{api}?page=50"),
        ("page-unassigned", f"{page}?penanganan=belum"),
        *admin_paths,
    ):
        meter.reset()
        meter.keep_sql = True
        (admin if name.startswith("admin-") else staff).get(path)
        meter.keep_sql = False
        captured = [(sql, seconds) for sql, seconds in meter.sql if "permits_application" in sql]
        plans[name] = []
        for sql, seconds in captured:
            with connection.cursor() as cursor:
                cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
                plan = [row[0] for row in cursor.fetchall()]
            plans[name].append({"sql": sql, "ms_in_request": round(seconds * 1000, 2), "plan": plan})
    print()
    for name, entries in plans.items():
        for entry in entries:
            sql = entry["sql"].upper()
            # A list reads its keys first (count and page in one query), then the rows by key.
            kind = (
                "count"
                if "COUNT(*)" in sql
                else "keys"
                if re.match(r'SELECT "PERMITS_APPLICATION"\."ID"( AS "\w+")? FROM', sql)
                else "rows"
            )
            print(f"EXPLAIN {name} ({kind}, {entry['ms_in_request']} ms in the request):")
            for line in entry["plan"]:
                if any(
                    word in line
                    for word in ("Scan", "Sort", "Limit", "Aggregate", "Join", "Loop", "Execution")
                ):
                    print(f"    {line}")
    return plans


def _pg_settings(connection) -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        version = cursor.fetchone()[0].split(" on ")[0]
        values = {"version": version}
        for name in ("shared_buffers", "work_mem", "effective_cache_size", "random_page_cost", "jit"):
            cursor.execute(f"SHOW {name}")
            values[name] = cursor.fetchone()[0]
    return values


def print_table(results: dict) -> None:
    print()
    print(
        f"{'case':<20} {'median':>8} {'p95':>8} {'p99':>8} {'queries':>8} {'db med':>7} {'cpu med':>8} "
        f"{'probe':>6}  target"
    )
    for name, row in results.items():
        if "skipped" in row:
            print(f"{name:<20} {'skipped: ' + row['skipped']}")
            continue
        target = TARGETS[row["group"]]
        ok = row["median_ms"] <= target["median"] and row["p95_ms"] <= target.get("p95", float("inf"))
        wanted = f"median<={target['median']:g}" + (f" p95<={target['p95']:g}" if "p95" in target else "")
        queries = "/".join(str(q) for q in row["queries"])
        print(
            f"{name:<20} {row['median_ms']:8.2f} {row['p95_ms']:8.2f} {row['p99_ms']:8.2f} {queries:>8} "
            f"{row['db_median_ms']:7.2f} {row['cpu_median_ms']:8.2f} {row['probe_median_ms']:6.2f}  "
            f"{'ok' if ok else 'MISSED'} ({wanted})"
        )


if __name__ == "__main__":
    sys.exit(main())

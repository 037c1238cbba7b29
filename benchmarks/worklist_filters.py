#!/usr/bin/env python3
"""Every combination of the staff worklist page's filters, timed, for a few staff accounts, against
the database that benchmarks/generate_applications.py filled (1,000,000 applications by default).

    .venv/bin/python benchmarks/worklist_filters.py
    .venv/bin/python benchmarks/worklist_filters.py --user admin@demo.mpp.id --requests 5

permits_worklist.py measures the common lists closely; this one looks for the list that nobody
thought to measure: 8 statuses x 3 assignments (any, mine, unassigned) x 3 deadlines (any,
overdue, due within 3 working days) x 4 services (any, and the three of the first user's agency
with the most open applications) x 4 searches (none, a common name, a rarer one, a whole name
from the first user's open applications) = 1,152 lists per user. Each list is requested once
untimed, then --requests times (in-process through django.test.Client, DEBUG off, as
permits_worklist.py does); the median is reported. Prints how many lists are above 10 and 15 ms
and the slowest ones, and writes a JSON report to benchmarks/results/worklist-filters-<time>.json.

Default users: the DPMPTSP officer (the largest agency), the MPP admin (every agency) and the
officer of the agency with the fewest services.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import statistics
import sys
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from permits_worklist import (
    BENCH_DOMAIN,
    DEFAULT_DATABASE_URL,
    RESULTS_DIR,
    add_redis_argument,
    setup_django,
)

STATUSES = ["", "all", "submitted", "returned", "in_process", "approved", "issued", "rejected"]
HANDLED = ["", "saya", "belum"]
DEADLINES = ["", "terlambat", "3"]
SEARCHES = ["", "siti", "wahyu"]
PAGE = "/petugas/permohonan/"


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
    parser.add_argument("--user", dest="users", action="append", help="staff e-mail (repeatable)")
    parser.add_argument(
        "--requests", type=int, default=3, help="timed requests per list (default: %(default)s)"
    )
    parser.add_argument("--top", type=int, default=20, help="slowest lists to print (default: %(default)s)")
    parser.add_argument("--output", type=Path, help="JSON report (default: benchmarks/results/...)")
    args = parser.parse_args(argv)
    args.requests = min(max(args.requests, 1), 50)
    return args


def default_users() -> list[str]:
    from django.db.models import Count

    from accounts.models import Role, User
    from agencies.models import Agency

    users = [f"petugas01.dpmptsp@{BENCH_DOMAIN}"]
    admin = User.objects.filter(role=Role.MPP_ADMIN, is_active=True).order_by("pk").first()
    if admin:
        users.append(admin.email)
    smallest = Agency.objects.annotate(n=Count("services")).order_by("n", "slug").first()
    if smallest:
        users.append(f"petugas01.{smallest.slug}@{BENCH_DOMAIN}")
    return users


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    setup_django(args.database_url, args.redis_url)
    from django.db.models import Count
    from django.test import Client

    from accounts.models import User
    from permits.selectors import worklist

    emails = args.users or default_users()
    users = [User.objects.filter(email=email).first() for email in emails]
    missing = [email for email, user in zip(emails, users, strict=True) if user is None]
    if missing:
        raise SystemExit(
            f"No such user: {', '.join(missing)} (run benchmarks/generate_applications.py first)"
        )
    busiest = (
        worklist(users[0])
        .values("service__code")
        .annotate(n=Count("pk"))
        .order_by("-n", "service__code")
        .values_list("service__code", flat=True)[:3]
    )
    services = ["", *busiest]
    # A whole name as an officer types it (few matches), from the first user's open applications.
    whole_name = (
        worklist(users[0])
        .filter(status="in_process")
        .order_by("-pk")
        .values_list("applicant_name", flat=True)
        .first()
    )
    searches = [*SEARCHES, *([whole_name] if whole_name else [])]
    results = []
    started = time.monotonic()
    for user in users:
        client = Client(HTTP_HOST="localhost", raise_request_exception=True)
        client.force_login(user)
        for combo in itertools.product(STATUSES, HANDLED, DEADLINES, services, searches):
            params = {
                name: value
                for name, value in zip(("status", "penanganan", "batas", "layanan", "q"), combo, strict=True)
                if value
            }
            path = f"{PAGE}?{urllib.parse.urlencode(params)}" if params else PAGE
            status = client.get(path).status_code
            times = []
            for _ in range(args.requests):
                began = time.perf_counter()
                client.get(path)
                times.append((time.perf_counter() - began) * 1000)
            results.append(
                {
                    "user": user.email,
                    "path": path,
                    "status": status,
                    "median_ms": round(statistics.median(times), 2),
                }
            )
    results.sort(key=lambda row: row["median_ms"], reverse=True)
    not_ok = [row for row in results if row["status"] != 200]
    over = {limit: sum(1 for row in results if row["median_ms"] > limit) for limit in (10, 15, 40)}
    print(
        f"{len(results)} lists ({len(users)} users x {len(results) // max(len(users), 1)}) in "
        f"{time.monotonic() - started:.0f} s; above 10 ms: {over[10]}, above 15 ms: {over[15]}, "
        f"above 40 ms: {over[40]}; answers other than 200: {len(not_ok)}"
    )
    for row in results[: args.top]:
        print(f"  {row['median_ms']:8.2f} ms  {row['user']:<42} {row['path']}")
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    output = args.output or RESULTS_DIR / f"worklist-filters-{dt.datetime.now(dt.UTC):%Y%m%d-%H%M%S}.json"
    output.write_text(
        json.dumps(
            {
                "users": emails,
                "services": services,
                "searches": searches,
                "over_ms": over,
                "results": results,
            },
            indent=1,
        ),
        encoding="utf-8",
    )
    print(f"report: {output}")
    return 1 if not_ok else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""IKM for one month over 500,000 survey responses: the SQL aggregation of surveys.selectors.

    .venv/bin/python benchmarks/ikm.py                       # generate 500,000 responses, then measure
    .venv/bin/python benchmarks/ikm.py --skip-generate       # measure again on the loaded data
    .venv/bin/python benchmarks/ikm.py --count 50000         # a quick one

1. Uses the PostgreSQL database of --database-url (default: $DATABASE_URL, else
   postgres://postgres@127.0.0.1:5432/mpp_bench_ikm), creating it if missing, migrates it and loads
   the demo data (22 agencies, 159 services). --skip-setup skips that.
2. Generator: empties surveys_surveyresponse and writes --count responses, all inside one month
   (--year, --month), by COPY. Agencies and services are drawn from the demo catalogue with a
   skewed popularity (a few services get most respondents, as at a real MPP), scores 1-4 with
   element-specific distributions. Plus --other-months x count/10 responses in the surrounding months
   so the period filter has rows to skip. ANALYZE afterwards.
3. Measures, --runs times (after one warm-up), the three reports the public IKM page and the service
   pages use for that month: the MPP's IKM, the IKM per agency (GROUP BY) and per service (GROUP BY),
   each one SQL query through surveys.selectors, and checks the MPP's value against the pure formula
   (surveys/ikm.py) computed from per-element sums fetched separately. Prints min / median / max per
   report and the machine's load average, and writes JSON to benchmarks/results/ikm-<time>.json.

Target (issue 7): the IKM for one month over 500,000 responses in at most 1 s.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import random
import statistics
import sys
import time
import urllib.parse
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
RESULTS_DIR = ROOT / "benchmarks" / "results"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/mpp_bench_ikm"
ELEMENTS = ("u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9")
WEIGHTS = {"u3": (3, 12, 50, 35), "u8": (4, 14, 52, 30), "u4": (0, 2, 20, 78)}
DEFAULT_WEIGHTS = (1, 6, 50, 43)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL)
    parser.add_argument("--count", type=int, default=500_000, help="responses in the measured month")
    parser.add_argument(
        "--other-months", type=int, default=2, help="surrounding months with count/10 rows each"
    )
    parser.add_argument("--year", type=int, default=2026)
    parser.add_argument("--month", type=int, default=10)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--skip-setup", action="store_true")
    parser.add_argument("--skip-generate", action="store_true")
    return parser.parse_args()


def setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    # seed_demo's demo complaints send notifications: deliver them in-process (console backends)
    # rather than queueing them for a worker that a benchmark run does not start.
    os.environ.setdefault("CELERY_TASK_ALWAYS_EAGER", "true")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mpp.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def ensure_database(database_url: str) -> None:
    import psycopg2

    parts = urllib.parse.urlsplit(database_url)
    name = parts.path.lstrip("/")
    admin_url = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    connection = psycopg2.connect(admin_url)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()


def month_bounds(year: int, month: int, zone: ZoneInfo) -> tuple[datetime, datetime]:
    start = datetime(year, month, 1, tzinfo=zone)
    end = datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=zone)
    return start, end


def generate(args, zone: ZoneInfo) -> dict:
    from django.db import connection

    from services.models import Service

    services = list(Service.objects.values_list("pk", "agency_id"))
    if not services:
        raise SystemExit("No services: run without --skip-setup (seed_demo) first.")
    rng = random.Random(args.seed)
    # Skewed popularity: weight 1/rank^0.8 (KTP-el and KK get far more visitors than SLF).
    rng.shuffle(services)
    popularity = [1 / (rank + 1) ** 0.8 for rank in range(len(services))]
    score_pools = {
        e: [s for s, w in zip((1, 2, 3, 4), WEIGHTS.get(e, DEFAULT_WEIGHTS), strict=True) for _ in range(w)]
        for e in ELEMENTS
    }
    comments = ["", "", "", "", "Petugas ramah.", "Ruang tunggu panas.", "Antrian lama di pagi hari."]

    def rows(count: int, start: datetime, end: datetime):
        span = int((end - start).total_seconds())
        picked = rng.choices(services, weights=popularity, k=count)
        for service_id, agency_id in picked:
            when = start + timedelta(seconds=rng.randrange(span))
            scores = "\t".join(str(rng.choice(score_pools[e])) for e in ELEMENTS)
            yield f"{agency_id}\t{service_id}\t{scores}\t{rng.choice(comments)}\t{when.isoformat()}\n"

    batches = [(args.count, *month_bounds(args.year, args.month, zone))]
    for offset in range(1, args.other_months + 1):
        month_index = args.year * 12 + args.month - 1 + (offset if offset % 2 else -offset)
        batches.append((args.count // 10, *month_bounds(month_index // 12, month_index % 12 + 1, zone)))
    columns = ("agency_id", "service_id", *ELEMENTS, "comment", "submitted_at")
    began = time.perf_counter()
    total = 0
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE surveys_surveyresponse RESTART IDENTITY CASCADE")
        for count, start, end in batches:
            written = 0
            while written < count:
                chunk = min(100_000, count - written)
                buffer = io.StringIO("".join(rows(chunk, start, end)))
                cursor.copy_from(buffer, "surveys_surveyresponse", columns=columns)
                written += chunk
            total += count
        cursor.execute("ANALYZE surveys_surveyresponse")
    return {"rows": total, "seconds": round(time.perf_counter() - began, 1)}


def measure(args) -> dict:
    from django.db import connection

    from surveys import ikm, selectors

    period = selectors.Period("month", args.year, args.month)
    reports = {
        "mpp": lambda: selectors.ikm_mpp(period),
        "per_agency": lambda: selectors.ikm_by(period, "agency"),
        "per_service": lambda: selectors.ikm_by(period, "service"),
    }
    result = {}
    for name, report in reports.items():
        report()  # warm-up
        times = []
        for _ in range(args.runs):
            began = time.perf_counter()
            value = report()
            times.append(time.perf_counter() - began)
        result[name] = {
            "min_ms": round(min(times) * 1000, 1),
            "median_ms": round(statistics.median(times) * 1000, 1),
            "max_ms": round(max(times) * 1000, 1),
            "groups": 1 if name == "mpp" else len(value),
        }
    mpp = selectors.ikm_mpp(period)
    start, end = period.bounds()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*), " + ", ".join(f"sum({e})" for e in ELEMENTS) + " FROM surveys_surveyresponse "
            "WHERE submitted_at >= %s AND submitted_at < %s",
            [start, end],
        )
        count, *sums = cursor.fetchone()
    reference = ikm.ikm(sums, count)
    if mpp.shown != reference or mpp.respondents != count:
        raise SystemExit(
            f"SQL IKM {mpp.shown} ({mpp.respondents}) differs from the formula {reference} ({count})"
        )
    result["mpp_value"] = {"respondents": mpp.respondents, "ikm": str(mpp.shown), "grade": mpp.grade.letter}
    with connection.cursor() as cursor:
        cursor.execute("SELECT version()")
        result["postgres"] = cursor.fetchone()[0].split(",")[0]
    return result


def main() -> None:
    args = parse_args()
    if not args.skip_setup:
        ensure_database(args.database_url)
    setup_django(args.database_url)
    from django.core.management import call_command
    from django.utils import timezone

    if not args.skip_setup:
        call_command("migrate", verbosity=0)
        call_command("seed_demo", verbosity=0)
    zone = ZoneInfo(timezone.get_default_timezone_name())
    report = {"started": datetime.now().isoformat(timespec="seconds"), "args": vars(args)}
    report["args"].pop("database_url")
    if not args.skip_generate:
        report["generate"] = generate(args, zone)
        print(f"generated {report['generate']['rows']:,} responses in {report['generate']['seconds']} s")
    report["load_before"] = os.getloadavg()
    report["measure"] = measure(args)
    report["load_after"] = os.getloadavg()
    report["machine"] = {"cpus": os.cpu_count(), "python": platform.python_version()}
    for name in ("mpp", "per_agency", "per_service"):
        m = report["measure"][name]
        print(
            f"{name:12} groups {m['groups']:4}  min {m['min_ms']:7.1f} ms  median {m['median_ms']:7.1f} ms  max {m['max_ms']:7.1f} ms"
        )
    v = report["measure"]["mpp_value"]
    print(
        f"MPP IKM {v['ikm']} ({v['grade']}) over {v['respondents']:,} respondents; {report['measure']['postgres']}"
    )
    before, after = (
        " ".join(f"{x:.2f}" for x in load) for load in (report["load_before"], report["load_after"])
    )
    print(f"load average before / after: {before} / {after}")
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"ikm-{datetime.now():%Y%m%d-%H%M%S}.json"
    path.write_text(json.dumps(report, indent=2, default=str))
    print(f"written {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()

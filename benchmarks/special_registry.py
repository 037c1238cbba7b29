#!/usr/bin/env python3
"""Ormas register and BIGGOS finder benchmark: page latency with a large register.

1. Uses the PostgreSQL database given by --database-url (default: postgres://postgres@127.0.0.1:5432/
   mpp_special_bench), creating it if missing, migrates it and loads the demo data (`seed_demo`).
2. Adds --organisations registered organisations (default 5,000) with their ten half-yearly report
   rows each (bulk inserts: a benchmark data loader, no history rows), spread over the last six years
   so that some are active, some expired, some revoked and many reports late. Skipped when the
   database already holds that many.
3. Times, in-process through Django's test client (no network), --requests requests per case and
   prints the median and p95 latency and the queries per request; then times the reminder sweep
   (`reports_send_reminders`) over the whole register twice (the second run sends nothing).

Run it with the project's virtualenv: `.venv/bin/python benchmarks/special_registry.py --help`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/mpp_special_bench"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--organisations", type=int, default=5_000)
    parser.add_argument("--requests", type=int, default=50)
    return parser.parse_args()


def ensure_database(url: str) -> None:
    import psycopg2
    from psycopg2 import sql

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    conn = psycopg2.connect(
        dbname="postgres", user=parts.username or "postgres", host=parts.hostname, port=parts.port or 5432
    )
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cur.fetchone() is None:
            cur.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    conn.close()


def load(count: int) -> None:
    from django.db import transaction
    from django.utils import timezone

    from accounts.models import User
    from agencies.models import Agency
    from organisations.models import ActivityReport, Organisation
    from organisations.services import add_months, report_periods
    from permits.models import Application

    existing = Organisation.objects.count()
    if existing >= count:
        print(f"{existing} organisations already there")
        return
    template = Organisation.objects.select_related("application").first()
    if template is None:
        sys.exit("seed_demo made no organisation (MPP_DEMO_MODE off?)")
    account = User.objects.get(email="warga@demo.mpp.id")
    agency = Agency.objects.get(slug="bakesbangpol")
    application = Application.objects.filter(service__code="SKT-ORMAS").first()
    rng = random.Random(9)
    today = timezone.localdate()
    fields = [
        "Seni budaya",
        "Keagamaan",
        "Sosial kemasyarakatan",
        "Lingkungan hidup",
        "Kepemudaan",
        "Olahraga",
    ]
    words = ["Paguyuban", "Forum", "Lembaga", "Himpunan", "Ikatan", "Persatuan", "Komunitas"]
    places = [
        "Mayangan",
        "Kanigaran",
        "Kademangan",
        "Wonoasih",
        "Kedopok",
        "Jati",
        "Sukabumi",
        "Tisnonegaran",
    ]
    organisations = []
    for i in range(existing, count):
        registered = today - dt.timedelta(days=rng.randint(0, 6 * 365))
        organisations.append(
            Organisation(
                name=f"{rng.choice(words)} {rng.choice(fields)} {rng.choice(places)} {i}",
                legal_form=rng.choice(["tidak_berbadan_hukum", "perkumpulan", "yayasan"]),
                address=f"Jl. Contoh No. {i}, Kota Probolinggo",
                field_of_activity=rng.choice(fields),
                account=account,
                agency=agency,
                application=application,
                certificate_number=f"BENCH/{i:07d}",
                registered_on=registered,
                valid_from=registered,
                valid_until=add_months(registered, 60) - dt.timedelta(days=1),
                revoked_at=timezone.now() if rng.random() < 0.03 else None,
                revoke_reason="",
            )
        )
    for organisation in organisations:
        if organisation.revoked_at is not None:
            organisation.revoke_reason = "Dicabut (data benchmark)."
    with transaction.atomic():
        created = Organisation.objects.bulk_create(organisations, batch_size=2000)
        reports = []
        for organisation in created:
            for start, end, due in report_periods(
                start=organisation.registered_on, until=organisation.valid_until, months=6, grace_days=30
            ):
                submitted = end < today and rng.random() < 0.7
                reports.append(
                    ActivityReport(
                        organisation=organisation,
                        period_start=start,
                        period_end=end,
                        due_date=due,
                        submitted_at=timezone.now() if submitted else None,
                        summary="Laporan benchmark kegiatan berkala." if submitted else "",
                        document="ormas-reports/bench.pdf" if submitted else "",
                    )
                )
        ActivityReport.objects.bulk_create(reports, batch_size=5000)
    from django.db import connection

    with connection.cursor() as cursor:  # bulk loads leave the planner without statistics
        cursor.execute("ANALYZE organisations_organisation")
        cursor.execute("ANALYZE organisations_activityreport")
    print(f"loaded {len(created)} organisations, {len(reports)} report rows")


def timed(client, path: str, n: int) -> tuple[float, float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    samples = []
    queries = 0
    for _ in range(n):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            response = client.get(path)
            samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (path, response.status_code)
        queries = len(ctx.captured_queries)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1], queries


def main() -> None:
    args = parse_args()
    ensure_database(args.database_url)
    env = {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "DJANGO_DEBUG": "0",
        "LOG_LEVEL": "WARNING",
        "CELERY_TASK_ALWAYS_EAGER": "0",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }
    for command in (["migrate", "-v0"], ["seed_demo"]):
        subprocess.run(
            [sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
        )
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mpp.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    from accounts.models import User
    from notifications.models import Notification
    from organisations.services import reports_send_reminders

    settings.ALLOWED_HOSTS = ["testserver", *settings.ALLOWED_HOSTS]
    load(args.organisations)
    print(f"load average: {os.getloadavg()}")
    anonymous = Client()
    officer = Client()
    officer.force_login(User.objects.get(email="petugas.bakesbangpol@demo.mpp.id"))
    cases = [
        ("register, first page", anonymous, "/ormas/"),
        ("register, search 'paguyuban seni'", anonymous, "/ormas/?q=paguyuban+seni"),
        ("register, expired only", anonymous, "/ormas/?status=expired"),
        ("register, page 200", anonymous, "/ormas/?page=200"),
        ("agency overview (late list)", officer, "/ormas/petugas/"),
        ("finder, search 'warung'", anonymous, "/investasi/perizinan/?q=warung"),
        (
            "finder, 56102 micro trade",
            anonymous,
            "/investasi/perizinan/?kbli=56102&scale=mikro&zone=perdagangan_jasa",
        ),
        ("design library", anonymous, "/bangunan/desain/"),
    ]
    print(f"{'case':40} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    for label, client, path in cases:
        median, p95, queries = timed(client, path, args.requests)
        print(f"{label:40} {median:10.1f} {p95:8.1f} {queries:8d}")
    Notification.objects.filter(event__startswith="ormas.").delete()
    for run in (1, 2):
        start = time.perf_counter()
        sent = reports_send_reminders()
        print(f"reminder sweep run {run}: {sent} sent in {time.perf_counter() - start:.1f} s")
    print(f"load average: {os.getloadavg()}")


if __name__ == "__main__":
    main()

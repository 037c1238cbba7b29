#!/usr/bin/env python3
"""Load a large, realistic set of permit applications into PostgreSQL for the worklist benchmark.

    .venv/bin/python benchmarks/generate_applications.py                 # 1,000,000 applications
    .venv/bin/python benchmarks/generate_applications.py --count 50000   # a quick one

1. Uses the PostgreSQL database of --database-url (default: $DATABASE_URL, else
   postgres://postgres@127.0.0.1:5432/mpp_bench), creating it if missing, migrates it and loads the
   demo data (`seed_demo`: 22 agencies, 159 services with their standards). --skip-setup skips that.
2. Creates staff per agency (through accounts.services.staff_create) and --citizens citizens with
   structurally valid NIKs (Kota Probolinggo, 35 74 0d DDMMYY serial) by COPY; both are kept and
   reused by later runs (e-mails under @bench.mpp.invalid).
3. In one transaction: empties every permits table, drops the loaded tables' secondary indexes and
   foreign keys, writes --count applications with their history rows, SOP step progress and
   correction requests with COPY ... FREEZE (text format, in batches of --batch applications built
   by --workers processes), recreates the indexes and constraints, sets the ID sequences and the
   tracking-number sequences (ApplicationSequence), and commits. A failure rolls everything back.
4. VACUUMs and ANALYZEs the tables (setting the visibility map, as autovacuum would) and writes a
   report to benchmarks/results/generate-<time>.json.

The data follows the services' own rules: each application walks the status path the services
allow (draft -> submitted -> in_process -> approved -> issued, corrections, rejections, withdrawals,
lapses) on the MPP's working-day calendar (agencies.selectors.work_calendar): estimated_due_at and
due_at are the calendar's deadlines, officers act in office hours, and every status change leaves a
history row ("+" for the draft, "~" for each later change) with the actor and the reason the
services write. 70 % of the applications are closed (issued, rejected, withdrawn, lapsed) and spread
over the last two years; the open ones are recent, and about one in seven of those in process is past
their deadline. Tracking numbers are <SERVICE CODE>-<YEAR>-<6 digits>, numbered in submission order.

Bulk loading bypasses the ORM (and so django-simple-history, whose rows are written here directly):
STYLE.md allows this for benchmark data loaders only.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import io
import json
import math
import multiprocessing
import os
import platform
import random
import sys
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS_DIR = ROOT / "benchmarks" / "results"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/mpp_bench"
BENCH_DOMAIN = "bench.mpp.invalid"
DAY = 86_400
HOUR = 3_600
YEARS_BACK_DAYS = 730
SECRET_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # as permits.tracking
CORRECTION_DAYS = 14  # permits.services.DEFAULT_CORRECTION_DAYS

# Share of each final status, in percent: 70 closed, 30 open (DOMAIN: open = submitted, returned,
# in process, approved).
STATUS_WEIGHTS = {
    "issued": 52,
    "rejected": 7,
    "withdrawn": 6,
    "lapsed": 5,
    "submitted": 8,
    "in_process": 14,
    "returned": 4,
    "approved": 4,
}
# Relative volume of an agency's services: most permits go through DPMPTSP, most documents through
# Dispendukcapil.
AGENCY_VOLUME = {"dpmptsp": 3.0, "dispendukcapil": 2.0}
# Staff per agency: (officers, supervisors).
STAFF = {"dpmptsp": (24, 4), "dispendukcapil": (12, 2)}
DEFAULT_STAFF = (4, 1)

FIRST_NAMES = [
    "Siti",
    "Ahmad",
    "Muhammad",
    "Nur",
    "Dewi",
    "Sri",
    "Agus",
    "Budi",
    "Rina",
    "Wahyu",
    "Eko",
    "Dwi",
    "Tri",
    "Rudi",
    "Hadi",
    "Yuli",
    "Fitri",
    "Lia",
    "Rizky",
    "Fajar",
    "Putri",
    "Indah",
    "Ayu",
    "Bayu",
    "Dimas",
    "Rahmat",
    "Hasan",
    "Husein",
    "Abdul",
    "Slamet",
    "Sugeng",
    "Supriyadi",
    "Suparman",
    "Mochammad",
    "Moh",
    "Imam",
    "Zainal",
    "Khoirul",
    "Ainun",
    "Nurul",
    "Lailatul",
    "Umi",
    "Kholifah",
    "Fatimah",
    "Aisyah",
    "Mariyam",
    "Wulan",
    "Ratna",
    "Sinta",
    "Anisa",
    "Novi",
    "Yusuf",
    "Ilham",
    "Arif",
    "Anton",
    "Hendra",
    "Joko",
    "Bambang",
    "Heru",
    "Teguh",
    "Samsul",
    "Sholeh",
]
LAST_NAMES = [
    "Santoso",
    "Wijaya",
    "Hidayat",
    "Saputra",
    "Prasetyo",
    "Setiawan",
    "Kurniawan",
    "Wulandari",
    "Lestari",
    "Rahmawati",
    "Susanti",
    "Purnomo",
    "Hartono",
    "Sulistyo",
    "Nugroho",
    "Syahputra",
    "Maulana",
    "Hakim",
    "Rohman",
    "Efendi",
    "Fauzi",
    "Anwar",
    "Ramadhan",
    "Hasanah",
    "Ningsih",
    "Handayani",
    "Suryani",
    "Sholihah",
    "Mustofa",
    "Ridwan",
    "Zainuddin",
    "Arifin",
    "Baihaqi",
    "Hariyanto",
    "Subagyo",
    "Yulianto",
    "Firmansyah",
    "Junaedi",
    "Wahyudi",
    "Rosyidi",
    "Farhan",
    "Hamzah",
    "Kusuma",
    "Permana",
    "Utami",
    "Pratiwi",
]
STREETS = [
    "Jl. Panglima Sudirman",
    "Jl. Suroyo",
    "Jl. dr. Soetomo",
    "Jl. Brantas",
    "Jl. Bengawan Solo",
    "Jl. Mastrip",
    "Jl. Hayam Wuruk",
    "Jl. KH. Hasyim Asyari",
    "Jl. Cokroaminoto",
    "Jl. Ahmad Yani",
    "Jl. Sunan Ampel",
    "Jl. Kapten Kyai Ilyas",
]
KECAMATAN = ("Kademangan", "Kedopok", "Wonoasih", "Mayangan", "Kanigaran")
REJECTION_REASONS = (
    "Persyaratan tidak dipenuhi: dokumen kepemilikan tanah tidak sesuai dengan lokasi yang dimohonkan.",
    "Hasil verifikasi lapangan: lokasi tidak sesuai dengan rencana tata ruang (Perda RTRW).",
    "Persyaratan tidak dipenuhi: surat keterangan dari kelurahan sudah tidak berlaku.",
    "Hasil pemeriksaan teknis tidak memenuhi standar yang ditetapkan dalam standar pelayanan.",
)
CORRECTION_MESSAGES = (
    "Berkas tidak terbaca, mohon unggah ulang dengan hasil pindaian yang jelas.",
    "Dokumen yang diunggah sudah tidak berlaku, mohon unggah dokumen yang masih berlaku.",
    "Nama pada dokumen berbeda dengan nama pemohon, mohon periksa kembali.",
)
CONSENT_NOTE = "Pemohon hadir di loket dan menyetujui permohonan diajukan dengan bantuan petugas."

# Reasons as the services write them (permits/services.py).
R_DRAFT = "draf dibuat"
R_DRAFT_ASSISTED = "draf dibuat dengan bantuan petugas"
R_SUBMIT = "diajukan"
R_CLAIM = "diambil untuk ditangani"
R_VERIFY = "berkas lengkap"
R_RETURN = "dikembalikan untuk perbaikan"
R_RESUBMIT = "diajukan ulang setelah perbaikan"
R_APPROVE = "disetujui"
R_ISSUE = "diterbitkan"
R_WITHDRAW = "dibatalkan oleh pemohon"
R_LAPSE = "kedaluwarsa: perbaikan tidak diajukan sampai batas waktu"
R_STEPS = "langkah SOP dimulai"
R_CORRECTION = "perbaikan diminta"
R_CORRECTION_DONE = "perbaikan diajukan"

NULL = "\\N"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL,
        help="PostgreSQL database (created if missing). Default: $DATABASE_URL or %(default)s",
    )
    parser.add_argument("--count", type=int, default=1_000_000, help="applications (default: %(default)s)")
    parser.add_argument(
        "--citizens", type=int, default=200_000, help="citizen accounts (default: %(default)s)"
    )
    parser.add_argument(
        "--batch", type=int, default=50_000, help="applications per COPY batch (default: %(default)s)"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=max(1, min(2, os.cpu_count() or 1)),
        help="processes that build the rows (default: %(default)s)",
    )
    parser.add_argument("--seed", type=int, default=2026, help="random seed (default: %(default)s)")
    parser.add_argument(
        "--skip-setup", action="store_true", help="do not create, migrate or seed the database"
    )
    parser.add_argument("--output", type=Path, help="JSON report (default: benchmarks/results/...)")
    args = parser.parse_args(argv)
    if not urllib.parse.urlsplit(args.database_url).scheme.startswith("postgres"):
        parser.error("--database-url must be a PostgreSQL URL")
    if args.count < 1 or args.citizens < 1 or args.batch < 100:
        parser.error("--count and --citizens must be positive, --batch at least 100")
    if args.count > 20_000_000:
        parser.error("--count: at most 20,000,000")
    args.workers = max(1, min(args.workers, 8))
    return args


def ensure_database(database_url: str) -> None:
    import psycopg2
    from psycopg2 import sql

    parts = urllib.parse.urlsplit(database_url)
    name = urllib.parse.unquote(parts.path.lstrip("/"))
    conn = psycopg2.connect(
        dbname="postgres",
        user=urllib.parse.unquote(parts.username or "postgres"),
        password=urllib.parse.unquote(parts.password) if parts.password else None,
        host=parts.hostname or "127.0.0.1",
        port=parts.port or 5432,
    )
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cur.fetchone() is None:
                print(f"creating database {name}")
                cur.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    finally:
        conn.close()


def setup_django(database_url: str) -> None:
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mpp.settings")
    os.environ.setdefault("DJANGO_DEBUG", "0")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


# --- Reference data ------------------------------------------------------------------------------


@dataclass
class ServiceRef:
    id: int
    code: str
    agency_id: int
    standard_id: int
    limit: int  # working days
    steps: list[tuple[int, int, str, str, int]]  # (sop_step id, order, name, role, cumulative days)
    requirement_id: int | None


@dataclass
class World:
    """Everything the worker processes need (inherited through fork)."""

    now: int
    seed: int
    services: list[ServiceRef]
    service_cumweights: list[float]
    officers: dict[int, list[int]]  # agency id -> officer and supervisor ids
    supervisors: dict[int, list[int]]
    first_citizen: int
    citizen_count: int
    app_extra: str  # constant text of NOT NULL columns this script does not know (new fields)
    hist_extra: str
    status_names: list[str]
    status_cumweights: list[float]


WORLD: World | None = None
CLOCK = None


def load_services() -> list[ServiceRef]:
    from services.models import Requirement, ServiceStandard, SopStep

    standards = list(
        ServiceStandard.objects.filter(status=ServiceStandard.Status.IN_FORCE, service__is_active=True)
        .select_related("service")
        .order_by("service__code")
    )
    steps: dict[int, list] = {}
    for step in SopStep.objects.filter(standard__in=standards).order_by("standard_id", "order", "id"):
        steps.setdefault(step.standard_id, []).append(step)
    first_requirement: dict[int, int] = {}
    for standard_id, requirement_id in (
        Requirement.objects.filter(standard__in=standards)
        .order_by("standard_id", "order", "id")
        .values_list("standard_id", "id")
    ):
        first_requirement.setdefault(standard_id, requirement_id)
    result = []
    for standard in standards:
        cumulative = 0
        rows = []
        for step in steps.get(standard.pk, []):
            cumulative += step.duration_days
            rows.append((step.pk, step.order, copy_text(step.name), step.responsible_role, cumulative))
        result.append(
            ServiceRef(
                id=standard.service_id,
                code=standard.service.code,
                agency_id=standard.service.agency_id,
                standard_id=standard.pk,
                limit=standard.time_limit_days,
                steps=rows,
                requirement_id=first_requirement.get(standard.pk),
            )
        )
    if not result:
        raise SystemExit("No service has a standard in force: run seed_demo first (or drop --skip-setup).")
    return result


def ensure_staff() -> tuple[dict[int, list[int]], dict[int, list[int]]]:
    """Officers and supervisors per agency, created once through the accounts service."""
    from accounts.models import Role, User
    from accounts.services import staff_create
    from agencies.models import Agency

    officers: dict[int, list[int]] = {}
    supervisors: dict[int, list[int]] = {}
    existing = {
        u.email: u for u in User.objects.filter(email__endswith=f"@{BENCH_DOMAIN}").exclude(role=Role.CITIZEN)
    }
    created = 0
    name_rng = random.Random(7)
    for agency in Agency.objects.order_by("id"):
        n_officers, n_supervisors = STAFF.get(agency.slug, DEFAULT_STAFF)
        wanted = [(Role.OFFICER, f"petugas{k:02d}.{agency.slug}", k) for k in range(1, n_officers + 1)]
        wanted += [
            (Role.SUPERVISOR, f"supervisor{k:02d}.{agency.slug}", k) for k in range(1, n_supervisors + 1)
        ]
        for role, local, _k in wanted:
            email = f"{local}@{BENCH_DOMAIN}"
            user = existing.get(email)
            if user is None:
                name = f"{name_rng.choice(FIRST_NAMES)} {name_rng.choice(LAST_NAMES)}"
                user = staff_create(email=email, full_name=name, role=role, agency=agency)
                created += 1
            target = officers if role == Role.OFFICER else supervisors
            target.setdefault(agency.pk, []).append(user.pk)
    if created:
        print(f"  staff: {created} accounts created")
    return officers, supervisors


def nik_for(n: int) -> str:
    """A structurally valid, unique NIK of Kota Probolinggo for citizen number ``n`` (0-based).
    Serials start at 0010: seed_demo's citizens (the demo citizen, the ormas accounts) have low ones."""
    district = n % 5 + 1
    rest = n // 5
    birth = dt.date(1950, 1, 1) + dt.timedelta(days=rest % 20_000)  # up to 2004
    serial = rest // 20_000 + 10
    day = birth.day + (40 if (n // 7) % 2 else 0)
    return f"3574{district:02d}{day:02d}{birth.month:02d}{birth.year % 100:02d}{serial:04d}"


def ensure_citizens(conn, count: int, now: int) -> tuple[int, int]:
    """``count`` citizens with consecutive ids; returns (first id, count). Reuses an earlier run's."""
    from accounts.roles import group_for_role

    pattern = f"warga%@{BENCH_DOMAIN}"
    with conn.cursor() as cur:
        cur.execute(
            "SELECT count(*), min(id), max(id) FROM accounts_user WHERE email LIKE %s AND role = 'citizen'",
            [pattern],
        )
        have, low, high = cur.fetchone()
        if have == count and high - low + 1 == count:
            print(f"  citizens: reusing {count:,} accounts")
            return low, count
        if have:
            print(f"  citizens: replacing {have:,} accounts of an earlier run")
            cur.execute(
                "DELETE FROM accounts_user_groups WHERE user_id IN "
                "(SELECT id FROM accounts_user WHERE email LIKE %s AND role = 'citizen')",
                [pattern],
            )
            cur.execute("DELETE FROM accounts_user WHERE email LIKE %s AND role = 'citizen'", [pattern])
        cur.execute("SELECT coalesce(max(id), 0) + 1 FROM accounts_user")
        first = cur.fetchone()[0]
        extra_cols, extra_text = extra_columns(
            cur,
            "accounts_user",
            {
                "id", "password", "last_login", "is_superuser", "is_staff", "is_active", "date_joined",
                "email", "full_name", "phone", "nik", "role", "email_verified_at", "preferred_language",
                "agency_id",
            },
        )  # fmt: skip
        group_id = group_for_role("citizen").pk
        rng = random.Random(11)
        buffer = io.StringIO()
        groups = io.StringIO()
        for n in range(count):
            uid = first + n
            joined = now - rng.randint(YEARS_BACK_DAYS + 30, YEARS_BACK_DAYS + 400) * DAY
            name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
            if n % 3 == 0:
                name = f"{rng.choice(FIRST_NAMES)} {name}"
            buffer.write(
                f"{uid}\t!bench\t\\N\tf\tf\tt\t{ts_text(joined)}\twarga{n:06d}@{BENCH_DOMAIN}\t{name}\t"
                f"+62812{rng.randrange(10**7):07d}\t{nik_for(n)}\tcitizen\t{ts_text(joined + 600)}\tid\t\\N"
                f"{extra_text}\n"
            )
            groups.write(f"{uid}\t{group_id}\n")
        columns = (
            "id, password, last_login, is_superuser, is_staff, is_active, date_joined, email, full_name, "
            "phone, nik, role, email_verified_at, preferred_language, agency_id" + extra_cols
        )
        buffer.seek(0)
        cur.copy_expert(f"COPY accounts_user ({columns}) FROM STDIN", buffer, size=1 << 20)
        groups.seek(0)
        cur.copy_expert("COPY accounts_user_groups (user_id, group_id) FROM STDIN", groups, size=1 << 20)
        set_sequence(cur, "accounts_user", "id")
        set_sequence(cur, "accounts_user_groups", "id")
    print(f"  citizens: {count:,} accounts created")
    return first, count


# --- Text format for COPY ------------------------------------------------------------------------

_DAY_TEXT: dict[int, str] = {}


def ts_text(ts: int | None) -> str:
    """Epoch seconds as a PostgreSQL timestamptz literal in UTC (cached per day: it is hot)."""
    if ts is None:
        return NULL
    day, rest = divmod(ts, DAY)
    prefix = _DAY_TEXT.get(day)
    if prefix is None:
        prefix = _DAY_TEXT[day] = (dt.date(1970, 1, 1) + dt.timedelta(days=day)).isoformat()
    hours, rest = divmod(rest, HOUR)
    minutes, seconds = divmod(rest, 60)
    return f"{prefix} {hours:02d}:{minutes:02d}:{seconds:02d}+00"


def copy_text(value) -> str:
    if value is None:
        return NULL
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, dt.datetime):
        return value.isoformat()
    text = str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def extra_columns(cur, table: str, known: set[str]) -> tuple[str, str]:
    """NOT NULL columns of ``table`` this script does not fill (fields added to the models after it
    was written), with the model field's default as a constant: (", col1, col2", "\\tv1\\tv2")."""
    from django.apps import apps
    from django.db import connection

    cur.execute(
        "SELECT column_name, is_nullable, column_default FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND table_name = %s ORDER BY ordinal_position",
        [table],
    )
    columns = cur.fetchall()
    model = next((m for m in apps.get_models() if m._meta.db_table == table), None)
    fields = {f.column: f for f in model._meta.concrete_fields} if model else {}
    names, values = [], []
    for column, nullable, db_default in columns:
        if column in known or nullable == "YES" or db_default is not None:
            continue
        field = fields.get(column)
        value = field.get_default() if field is not None else None
        if value is None:
            raise SystemExit(
                f"{table}.{column} is NOT NULL without a default: teach benchmarks/generate_applications.py "
                "what to put in it."
            )
        names.append(column)
        values.append(copy_text(field.get_db_prep_save(value, connection)))
    return "".join(f", {n}" for n in names), "".join(f"\t{v}" for v in values)


def set_sequence(cur, table: str, column: str) -> None:
    cur.execute("SELECT pg_get_serial_sequence(%s, %s)", [table, column])
    sequence = cur.fetchone()[0]
    if sequence:
        cur.execute(
            f'SELECT setval(%s, coalesce((SELECT max("{column}") FROM {table}), 1), '
            f'(SELECT max("{column}") FROM {table}) IS NOT NULL)',
            [sequence],
        )


# --- Calendar ------------------------------------------------------------------------------------


class Clock:
    """The MPP calendar in epoch seconds, memoised: dates repeat a lot among a million applications."""

    def __init__(self, calendar):
        self.calendar = calendar
        self.tz = calendar.tz
        self._deadline: dict[tuple[dt.date, int], int] = {}
        self._window: dict[dt.date, tuple[int, int] | None] = {}
        self._after: dict[tuple[dt.date, int], dt.date] = {}

    def local_date(self, ts: int) -> dt.date:
        return dt.datetime.fromtimestamp(ts, self.tz).date()

    def deadline(self, ts: int, days: int) -> int:
        """calendar.deadline_after(ts, days): it depends only on the local day of ``ts``."""
        day = self.local_date(ts)
        key = (day, days)
        value = self._deadline.get(key)
        if value is None:
            noon = dt.datetime.combine(day, dt.time(12), tzinfo=self.tz)
            value = self._deadline[key] = int(self.calendar.deadline_after(noon, days).timestamp())
        return value

    def window(self, day: dt.date) -> tuple[int, int] | None:
        if day not in self._window:
            window = self.calendar.office_window(day)
            self._window[day] = (
                None if window is None else (int(window[0].timestamp()), int(window[1].timestamp()))
            )
        return self._window[day]

    def working_day_after(self, day: dt.date, k: int) -> dt.date:
        key = (day, k)
        value = self._after.get(key)
        if value is None:
            value = day
            for _ in range(k):
                value = self.calendar.next_working_day(value)
            self._after[key] = value
        return value

    def office(self, ts: int, k: int, frac: float) -> int:
        """A moment in office hours (at ``frac`` of the window) on the k-th working day after the
        day of ``ts``; with k = 0 later the same day when the office is still open, else the next
        working day."""
        day = self.local_date(ts)
        if k == 0:
            window = self.window(day)
            if window is not None and ts < window[1] - 900:
                begin = max(window[0], ts + 60)
                return begin + int(frac * (window[1] - 60 - begin))
            k = 1
        window = self.window(self.working_day_after(day, k))
        return window[0] + 60 + int(frac * (window[1] - window[0] - 120))


# --- One application -----------------------------------------------------------------------------

# Event kinds
CREATE, SUBMIT, CLAIM, VERIFY, RETURN, RESUBMIT, APPROVE, REJECT, ISSUE, WITHDRAW, LAPSE = range(11)
STATUS_AFTER = {
    CREATE: "draft",
    SUBMIT: "submitted",
    VERIFY: "in_process",
    RETURN: "returned",
    RESUBMIT: "submitted",
    APPROVE: "approved",
    REJECT: "rejected",
    ISSUE: "issued",
    WITHDRAW: "withdrawn",
    LAPSE: "lapsed",
}


class Plan:
    """The random choices of one application, drawn in a fixed order so that simulating it again
    from another start gives the same choices (the start is fitted to "now" afterwards)."""

    __slots__ = (
        "address",
        "applicant",
        "assisted_by",
        "delivery",
        "draws",
        "officer",
        "rejection",
        "secret",
        "service",
        "status",
        "storage_key",
        "supervisor",
        "variant",
    )


def draw_plan(rng: random.Random, world: World) -> Plan:
    plan = Plan()
    plan.status = world.status_names[bisect.bisect(world.status_cumweights, rng.random())]
    service = world.services[bisect.bisect(world.service_cumweights, rng.random())]
    plan.service = service
    plan.applicant = world.first_citizen + rng.randrange(world.citizen_count)
    officers = world.officers[service.agency_id]
    plan.officer = officers[rng.randrange(len(officers))]
    supervisors = world.supervisors.get(service.agency_id) or officers
    plan.supervisor = supervisors[rng.randrange(len(supervisors))]
    plan.assisted_by = officers[rng.randrange(len(officers))] if rng.random() < 0.05 else None
    roll = rng.random()
    plan.delivery = "pickup" if roll < 0.7 else ("drive_through" if roll < 0.85 else "courier")
    plan.address = (
        f"{rng.choice(STREETS)} No. {rng.randint(1, 200)}, Kec. {rng.choice(KECAMATAN)}, Kota Probolinggo"
        if plan.delivery == "courier"
        else ""
    )
    plan.secret = "".join(rng.choices(SECRET_ALPHABET, k=8))
    plan.storage_key = f"{rng.getrandbits(128):032x}"
    plan.variant = rng.random()
    plan.rejection = rng.choice(REJECTION_REASONS)
    # Fixed-size pool of uniform numbers for the timeline (durations, office-hour fractions).
    plan.draws = [rng.random() for _ in range(24)]
    return plan


def _expo(u: float, mean: float) -> float:
    return -mean * math.log(1.0 - u)


def simulate(plan: Plan, start: int, clock: Clock, now: int):
    """The events of ``plan`` with the draft created at ``start``: [(ts, kind, actor)], the step
    completions [(index, ts)] and the index of the event whose age is fitted (the anchor)."""
    d = plan.draws
    svc = plan.service
    limit = svc.limit
    status = plan.status
    v = plan.variant
    creator = plan.assisted_by or plan.applicant
    events = [(start, CREATE, creator)]
    t = start + 300 + int(d[0] * 2 * DAY)
    events.append((t, SUBMIT, creator))
    steps: list[tuple[int, int]] = []
    anchor = None

    def office(after: int, k: int, frac: float) -> int:
        return clock.office(after, k, frac)

    def verify(after: int) -> int:
        k = 0 if d[2] < 0.3 else (1 if d[2] < 0.7 else (2 if d[2] < 0.9 else 3))
        ts = office(after, k, d[3])
        events.append((ts, VERIFY, plan.officer))
        return ts

    def complete_steps(verified: int, upto: float | None) -> int:
        """Steps done in order, each about when it is due; stops at ``upto`` working days."""
        last = verified
        for index, (_sid, _order, _name, _role, cumulative) in enumerate(svc.steps):
            days = round(cumulative * (0.6 + 0.5 * d[10 + index % 10]))
            if upto is not None and days > upto:
                break
            last = max(last + 60, office(verified, days, d[20 + index % 4]))
            steps.append((index, last))
        return last

    if status == "submitted":
        if d[1] < 0.25:
            events.append((office(t, 0 if d[2] < 0.6 else 1, d[3]), CLAIM, plan.officer))
        anchor = len(events) - 1
    elif status in ("in_process", "approved", "issued"):
        if status == "issued" and v < 0.1:
            r = office(t, 0 if d[4] < 0.5 else 1, d[5])
            events.append((r, RETURN, plan.officer))
            t = r + HOUR + int(d[6] * 5 * DAY)
            events.append((t, RESUBMIT, plan.applicant))
        verified = verify(t)
        if status == "in_process":
            anchor = len(events) - 1
            complete_steps(verified, None)
        elif status == "approved":
            last = complete_steps(verified, None)
            events.append((office(last, 0 if d[7] < 0.5 else 1, d[8]), APPROVE, plan.supervisor))
            anchor = len(events) - 1
        else:
            late = d[9] >= 0.88
            days = round(limit * (1.0 + 0.6 * d[7])) + 1 if late else round(limit * (0.3 + 0.7 * d[7]))
            approved = office(verified, days, d[8])
            events.append((approved, APPROVE, plan.supervisor))
            events.append((office(approved, int(d[1] * 4), d[5]), ISSUE, plan.officer))
    elif status == "returned":
        if v < 0.5:
            events.append((office(t, 0 if d[4] < 0.5 else 1, d[5]), RETURN, plan.officer))
        else:
            verified = verify(t)
            upto = max(1, round(limit * (0.1 + 0.7 * d[7])))
            last = complete_steps(verified, upto)
            events.append((max(last + 60, office(verified, upto, d[8])), RETURN, plan.officer))
        anchor = len(events) - 1
    elif status == "rejected":
        if v < 0.3:
            events.append((office(t, int(d[4] * 4), d[5]), REJECT, plan.officer))
        else:
            verified = verify(t)
            events.append((office(verified, round(limit * (0.2 + 0.8 * d[7])), d[8]), REJECT, plan.officer))
    elif status == "withdrawn":
        if v < 0.6:
            events.append((t + HOUR + int(d[4] * 5 * DAY), WITHDRAW, plan.applicant))
        else:
            verified = verify(t)
            events.append((verified + HOUR + int(d[7] * max(limit, 1) * 1.2 * DAY), WITHDRAW, plan.applicant))
    elif status == "lapsed":
        if v < 0.7:
            returned = office(t, 0 if d[4] < 0.5 else 1, d[5])
        else:
            verified = verify(t)
            returned = office(verified, max(1, round(limit * 0.5 * d[7])), d[8])
        events.append((returned, RETURN, plan.officer))
        # The nightly sweep (01:00 local) after the correction deadline (14:00 or 11:00).
        events.append((clock.deadline(returned, CORRECTION_DAYS) + 11 * HOUR, LAPSE, None))
    if anchor is None:
        anchor = len(events) - 1
    return events, steps, anchor


def anchor_age(plan: Plan, span: int) -> int:
    """How long ago the anchor event happened, in seconds."""
    d = plan.draws
    status = plan.status
    limit = plan.service.limit
    if status == "submitted":
        return 600 + int(min(_expo(d[15], 2.5 * DAY), 200 * DAY))
    if status == "in_process":
        working_days = 1.25 * max(limit, 1) * d[17] if d[16] < 0.95 else limit + _expo(d[17], 20)
        return 1800 + int(working_days * 1.45 * DAY)
    if status == "returned":
        return 600 + int(min(_expo(d[15], 4 * DAY), 17 * DAY))
    if status == "approved":
        return 600 + int(min(_expo(d[15], 3 * DAY), 60 * DAY))
    # Closed: anywhere in the last two years, after the whole path.
    earliest = 6 * HOUR
    latest = max(earliest + DAY, YEARS_BACK_DAYS * DAY - span)
    return earliest + int(d[15] * (latest - earliest))


def fit(plan: Plan, clock: Clock, now: int):
    """Simulate ``plan`` so that its anchor event is ``anchor_age`` ago and nothing is in the future."""
    guess = now - 400 * DAY
    events, steps, anchor = simulate(plan, guess, clock, now)
    span = events[-1][0] - guess
    target = now - anchor_age(plan, span)
    start = guess + (target - events[anchor][0])
    for _ in range(4):
        events, steps, anchor = simulate(plan, start, clock, now)
        overflow = events[-1][0] - (now - 300)
        if overflow <= 0:
            break
        start -= overflow + DAY
    else:  # calendar corner cases: squeeze the tail into the past, keeping the order
        limit_ts = now - 300
        events = [
            (min(ts, limit_ts - 60 * (len(events) - i)), kind, actor)
            for i, (ts, kind, actor) in enumerate(events)
        ]
    # Step completions still in the future have not happened yet.
    steps = [(index, ts) for index, ts in steps if ts < now - 300]
    return events, steps


# --- Rows ----------------------------------------------------------------------------------------


def build_chunk(job: tuple[int, list[tuple[int, int, int]]]) -> dict[str, bytes]:
    """COPY text of one batch: ``job`` is (chunk number, [(application id, plan index, sequence)])."""
    world = WORLD
    clock = CLOCK
    chunk_no, items = job
    rng = random.Random()
    now = world.now
    stride = len(items) * 12 + 100
    history_id = chunk_no * stride
    step_id = chunk_no * stride
    step_history_id = chunk_no * stride * 2
    correction_history_id = chunk_no * stride
    apps, hist, step_rows, step_hist, corrections, items_out, corr_hist = (io.StringIO() for _ in range(7))
    app_extra, hist_extra = world.app_extra, world.hist_extra
    ts = ts_text
    for app_id, index, sequence in items:
        rng.seed(world.seed * 1_000_003 + index)
        plan = draw_plan(rng, world)
        events, steps = fit(plan, clock, now)
        svc = plan.service
        created = events[0][0]
        constant = (
            f"{app_id}\t{plan.storage_key}\t0\t{'t' if plan.assisted_by else 'f'}\t"
            f"{CONSENT_NOTE if plan.assisted_by else ''}\t{ts(created) if plan.assisted_by else NULL}\t"
            f"{plan.delivery}\t{plan.address}\tf\t{ts(created)}\t{svc.agency_id}\t{plan.applicant}\t"
            f"{plan.assisted_by or NULL}\t{svc.id}\t{svc.standard_id}"
        )
        # Varying state, in VARYING_COLUMNS order.
        status = "draft"
        number = NULL
        secret = ""
        submitted = estimated = receipt = started = due = paused = decided = issued = notice = None
        assigned = None
        rejection = ""
        clock_started = False
        for position, (at, kind, actor) in enumerate(events):
            reason = R_DRAFT
            if kind == CREATE:
                reason = R_DRAFT_ASSISTED if plan.assisted_by else R_DRAFT
            elif kind == SUBMIT:
                number = sequence
                secret = plan.secret
                submitted = at
                estimated = clock.deadline(at, svc.limit)
                receipt = at + 20
                reason = R_SUBMIT
            elif kind == CLAIM:
                assigned = actor
                reason = R_CLAIM
            elif kind == VERIFY:
                started = at
                due = clock.deadline(at, svc.limit)
                paused = None
                clock_started = True
                if assigned is None:
                    assigned = actor
                reason = R_VERIFY
            elif kind == RETURN:
                if clock_started:
                    paused = at
                reason = R_RETURN
            elif kind == RESUBMIT:
                estimated = clock.deadline(at, svc.limit)
                reason = R_RESUBMIT
            elif kind == APPROVE:
                decided = at
                notice = at + 30
                reason = R_APPROVE
            elif kind == REJECT:
                decided = at
                notice = at + 30
                rejection = plan.rejection
                reason = f"ditolak: {rejection}"
            elif kind == ISSUE:
                issued = at
                reason = R_ISSUE
            elif kind == WITHDRAW:
                reason = R_WITHDRAW
            elif kind == LAPSE:
                reason = R_LAPSE
            status = STATUS_AFTER.get(kind, status)
            varying = (
                f"{status}\t{number}\t{secret}\t{ts(submitted)}\t{ts(estimated)}\t{ts(receipt)}\t"
                f"{ts(started)}\t{ts(due)}\t{ts(paused)}\t{ts(decided)}\t{ts(issued)}\t{ts(notice)}\t"
                f"{assigned or NULL}\t{rejection}\t{ts(at)}"
            )
            history_id += 1
            hist.write(
                f"{constant}\t{varying}\t{history_id}\t{ts(at)}\t{'+' if position == 0 else '~'}\t"
                f"{actor or NULL}\t{reason}{hist_extra}\n"
            )
            if kind == RETURN:
                # The correction request: answered by the resubmission, if any.
                resolved = next((e[0] for e in events[position + 1 :] if e[1] == RESUBMIT), None)
                correction_due = clock.deadline(at, CORRECTION_DAYS)
                message = CORRECTION_MESSAGES[app_id % len(CORRECTION_MESSAGES)]
                corrections.write(
                    f"{app_id}\t{ts(at)}\t{ts(correction_due)}\t\t{ts(resolved)}\t{ts(at + 60)}\t{app_id}\t"
                    f"{actor}\n"
                )
                items_out.write(f"{app_id}\t{message}\t\\N\t{svc.requirement_id or NULL}\t{app_id}\n")
                correction_history_id += 1
                corr_hist.write(
                    f"{app_id}\t{ts(at)}\t{ts(correction_due)}\t\t\\N\t\\N\t{R_CORRECTION}\t"
                    f"{correction_history_id}\t{ts(at)}\t+\t{app_id}\t{actor}\t{actor}\n"
                )
                if resolved is not None:
                    correction_history_id += 1
                    corr_hist.write(
                        f"{app_id}\t{ts(at)}\t{ts(correction_due)}\t\t{ts(resolved)}\t{ts(at + 60)}\t"
                        f"{R_CORRECTION_DONE}\t{correction_history_id}\t{ts(resolved)}\t~\t{app_id}\t"
                        f"{plan.applicant}\t{actor}\n"
                    )
        apps.write(f"{constant}\t{varying}{app_extra}\n")
        # SOP step progress for open applications whose clock started (closed ones keep none).
        if clock_started and status in ("in_process", "returned", "approved"):
            verified = next(e for e in events if e[1] == VERIFY)
            done = dict(steps)
            for index, (sop_id, order, name, role, cumulative) in enumerate(svc.steps):
                step_id += 1
                step_due = clock.deadline(verified[0], cumulative)
                completed = done.get(index)
                completed_by = verified[2] if completed is not None else None
                common = f"{step_id}\t{order}\t{name}\t{role}\t{ts(step_due)}"
                step_rows.write(f"{common}\t{ts(completed)}\t{completed_by or NULL}\t\t{app_id}\t{sop_id}\n")
                step_history_id += 1
                step_hist.write(
                    f"{common}\t\\N\t\\N\t\t{R_STEPS}\t{step_history_id}\t{ts(verified[0])}\t+\t{app_id}\t"
                    f"{verified[2]}\t{sop_id}\n"
                )
                if completed is not None:
                    step_history_id += 1
                    step_hist.write(
                        f"{common}\t{ts(completed)}\t{completed_by}\t\tlangkah selesai: {name}\t"
                        f"{step_history_id}\t{ts(completed)}\t~\t{app_id}\t{completed_by}\t{sop_id}\n"
                    )
    out = {
        "permits_application": apps,
        "permits_historicalapplication": hist,
        "permits_stepprogress": step_rows,
        "permits_historicalstepprogress": step_hist,
        "permits_correctionrequest": corrections,
        "permits_correctionitem": items_out,
        "permits_historicalcorrectionrequest": corr_hist,
    }
    return {table: buffer.getvalue().encode() for table, buffer in out.items()}


def first_pass(job: tuple[int, int]) -> list[tuple[int, int, int]]:
    """(submitted time, plan index, service index) of plans ``job[0]`` to ``job[1]``."""
    world = WORLD
    clock = CLOCK
    rng = random.Random()
    service_index = {id(s): i for i, s in enumerate(world.services)}
    result = []
    for index in range(*job):
        rng.seed(world.seed * 1_000_003 + index)
        plan = draw_plan(rng, world)
        events, _steps = fit(plan, clock, world.now)
        result.append((events[1][0], index, service_index[id(plan.service)]))
    return result


APP_CONSTANT = (
    "id, storage_key, paused_minutes, is_assisted, consent_note, consent_at, delivery_method, "
    "delivery_address, deemed_approved, created_at, agency_id, applicant_id, assisted_by_id, service_id, "
    "standard_id"
)
APP_VARYING = (
    "status, tracking_number, tracking_secret, submitted_at, estimated_due_at, receipt_sent_at, "
    "clock_started_at, due_at, paused_at, decided_at, issued_at, decision_notice_sent_at, assigned_to_id, "
    "rejection_reason, updated_at"
)
HISTORY_META = "history_id, history_date, history_type, history_user_id, history_change_reason"
STEP_COLUMNS = (
    'id, "order", name, responsible_role, due_at, completed_at, completed_by_id, note, application_id, '
    "sop_step_id"
)
STEP_HISTORY_COLUMNS = (
    'id, "order", name, responsible_role, due_at, completed_at, completed_by_id, note, history_change_reason, '
    "history_id, history_date, history_type, application_id, history_user_id, sop_step_id"
)
CORRECTION_COLUMNS = (
    "id, requested_at, due_at, note, resolved_at, notified_at, application_id, requested_by_id"
)
ITEM_COLUMNS = "id, message, form_field_id, requirement_id, request_id"
CORRECTION_HISTORY_COLUMNS = (
    "id, requested_at, due_at, note, resolved_at, notified_at, history_change_reason, history_id, "
    "history_date, history_type, application_id, history_user_id, requested_by_id"
)


def _names(columns: str) -> set[str]:
    return {c.strip().strip('"') for c in columns.split(",")}


# --- Bulk load -----------------------------------------------------------------------------------

LOADED_TABLES = (
    "permits_application",
    "permits_historicalapplication",
    "permits_stepprogress",
    "permits_historicalstepprogress",
    "permits_correctionrequest",
    "permits_correctionitem",
    "permits_historicalcorrectionrequest",
)


def drop_secondary_indexes(cur, tables) -> list[str]:
    """Drop foreign keys, unique constraints and indexes (not primary keys) of ``tables``; return the
    statements that put them back (indexes first, then unique constraints, then foreign keys)."""
    indexes, uniques, foreign = [], [], []
    for table in tables:
        cur.execute(
            "SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = %s::regclass AND contype IN ('f', 'u')",
            [table],
        )
        for name, kind, definition in cur.fetchall():
            statement = f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}'
            (foreign if kind == "f" else uniques).append(statement)
            cur.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
        cur.execute(
            "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
            "WHERE x.indrelid = %s::regclass AND NOT x.indisprimary "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)",
            [table],
        )
        for name, definition in cur.fetchall():
            indexes.append(definition)
            # A statistics target a migration set on an index expression (permits 0011: the
            # applicants' names) goes with the index; it is put back with it.
            cur.execute(
                "SELECT attnum, attstattarget FROM pg_attribute WHERE attrelid = %s::regclass "
                "AND attnum > 0 AND attstattarget >= 0",
                [f'"{name}"'],
            )
            indexes.extend(
                f'ALTER INDEX "{name}" ALTER COLUMN {column} SET STATISTICS {target}'
                for column, target in cur.fetchall()
            )
            cur.execute(f'DROP INDEX "{name}"')
    return indexes + uniques + foreign


def permits_tables(cur) -> list[str]:
    from django.apps import apps

    tables = [m._meta.db_table for m in apps.get_app_config("permits").get_models()]
    cur.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename = ANY(%s)",
        [tables],
    )
    return [row[0] for row in cur.fetchall()]


def database_size(cur) -> dict:
    cur.execute("SELECT pg_database_size(current_database())")
    total = cur.fetchone()[0]
    tables = {}
    for table in (*LOADED_TABLES, "accounts_user"):
        cur.execute(
            "SELECT pg_total_relation_size(%s::regclass), pg_relation_size(%s::regclass), "
            "pg_indexes_size(%s::regclass)",
            [table, table, table],
        )
        whole, heap, index = cur.fetchone()
        tables[table] = {
            "total_mb": round(whole / 2**20, 1),
            "heap_mb": round(heap / 2**20, 1),
            "indexes_mb": round(index / 2**20, 1),
        }
    return {"database_mb": round(total / 2**20, 1), "tables": tables}


def main(argv: list[str] | None = None) -> int:
    global WORLD, CLOCK
    args = parse_args(argv)
    started = time.perf_counter()
    phases: dict[str, float] = {}

    def phase(name: str, since: float) -> float:
        now = time.perf_counter()
        phases[name] = round(now - since, 2)
        print(f"  {name}: {now - since:.1f} s")
        return now

    ensure_database(args.database_url)
    setup_django(args.database_url)
    from django.core.management import call_command
    from django.db import connection

    from agencies.selectors import work_calendar

    mark = time.perf_counter()
    if not args.skip_setup:
        print("setup: migrate, seed_demo")
        call_command("migrate", verbosity=0, interactive=False)
        call_command("seed_demo", verbosity=0)
        mark = phase("setup", mark)

    now = int(time.time())
    this_year = dt.datetime.now(dt.UTC).year
    calendar = work_calendar(years=range(this_year - 3, this_year + 3))
    services = load_services()
    officers, supervisors = ensure_staff()
    connection.ensure_connection()
    conn = connection.connection  # psycopg2 connection, driven by hand below
    conn.autocommit = False
    with conn.cursor() as cur:
        cur.execute("SET synchronous_commit = off")
    first_citizen, citizen_count = ensure_citizens(conn, args.citizens, now)
    conn.commit()
    mark = phase("staff and citizens", mark)

    service_rng = random.Random(args.seed)
    weights = [
        AGENCY_VOLUME.get(_slug(s.agency_id), 1.0) * service_rng.lognormvariate(0, 0.8) for s in services
    ]
    with conn.cursor() as cur:
        app_extra_cols, app_extra = extra_columns(
            cur, "permits_application", _names(APP_CONSTANT) | _names(APP_VARYING)
        )
        hist_extra_cols, hist_extra = extra_columns(
            cur,
            "permits_historicalapplication",
            _names(APP_CONSTANT) | _names(APP_VARYING) | _names(HISTORY_META),
        )
        for table, columns in (
            ("permits_stepprogress", STEP_COLUMNS),
            ("permits_historicalstepprogress", STEP_HISTORY_COLUMNS),
            ("permits_correctionrequest", CORRECTION_COLUMNS),
            ("permits_correctionitem", ITEM_COLUMNS),
            ("permits_historicalcorrectionrequest", CORRECTION_HISTORY_COLUMNS),
        ):
            cols, _values = extra_columns(cur, table, _names(columns))
            if cols:
                raise SystemExit(f"{table} has new NOT NULL columns{cols}: update generate_applications.py")
    status_names = list(STATUS_WEIGHTS)
    WORLD = World(
        now=now,
        seed=args.seed,
        services=services,
        service_cumweights=_cumulative(weights),
        officers=officers,
        supervisors=supervisors,
        first_citizen=first_citizen,
        citizen_count=citizen_count,
        app_extra=app_extra,
        hist_extra=hist_extra,
        status_names=status_names,
        status_cumweights=_cumulative([STATUS_WEIGHTS[s] for s in status_names]),
    )
    CLOCK = Clock(calendar)

    # Pass 1: when was each application submitted? (ids and tracking numbers follow that order)
    print(f"pass 1: planning {args.count:,} applications on {args.workers} process(es)")
    context = multiprocessing.get_context("fork")
    step = max(1000, args.count // (args.workers * 8))
    jobs = [(lo, min(lo + step, args.count)) for lo in range(0, args.count, step)]
    plans: list[tuple[int, int, int]] = []
    with context.Pool(args.workers) as pool:
        for part in pool.imap(first_pass, jobs):
            plans.extend(part)
    plans.sort()
    sequences: dict[tuple[int, int], int] = {}
    tz = calendar.tz
    year_of_day: dict[int, int] = {}
    items: list[tuple[int, int, str]] = []
    for position, (submitted, index, service_index) in enumerate(plans):
        day = submitted // DAY
        year = year_of_day.get(day)
        if year is None:
            year = year_of_day[day] = dt.datetime.fromtimestamp(submitted, tz).year
        key = (service_index, year)
        number = sequences[key] = sequences.get(key, 0) + 1
        items.append((position + 1, index, f"{services[service_index].code}-{year}-{number:06d}"))
    del plans
    mark = phase("pass 1 (plan and order)", mark)

    # Pass 2: rows, COPY, in one transaction.
    counts = dict.fromkeys(LOADED_TABLES, 0)
    with conn.cursor() as cur:
        cur.execute("SET LOCAL maintenance_work_mem = '1GB'")
        cur.execute("SET LOCAL max_parallel_maintenance_workers = 1")
        tables = permits_tables(cur)
        print(f"pass 2: emptying {len(tables)} permits tables, dropping secondary indexes")
        cur.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")
        restore = drop_secondary_indexes(cur, LOADED_TABLES)
        copy_sql = {
            "permits_application": f"COPY permits_application ({APP_CONSTANT}, {APP_VARYING}{app_extra_cols}) "
            "FROM STDIN WITH (FREEZE)",
            "permits_historicalapplication": f"COPY permits_historicalapplication ({APP_CONSTANT}, "
            f"{APP_VARYING}, {HISTORY_META}{hist_extra_cols}) FROM STDIN WITH (FREEZE)",
            "permits_stepprogress": f"COPY permits_stepprogress ({STEP_COLUMNS}) FROM STDIN WITH (FREEZE)",
            "permits_historicalstepprogress": f"COPY permits_historicalstepprogress ({STEP_HISTORY_COLUMNS}) "
            "FROM STDIN WITH (FREEZE)",
            "permits_correctionrequest": f"COPY permits_correctionrequest ({CORRECTION_COLUMNS}) "
            "FROM STDIN WITH (FREEZE)",
            "permits_correctionitem": f"COPY permits_correctionitem ({ITEM_COLUMNS}) FROM STDIN WITH (FREEZE)",
            "permits_historicalcorrectionrequest": "COPY permits_historicalcorrectionrequest "
            f"({CORRECTION_HISTORY_COLUMNS}) FROM STDIN WITH (FREEZE)",
        }
        batches = [
            (chunk_no, items[lo : lo + args.batch])
            for chunk_no, lo in enumerate(range(0, len(items), args.batch))
        ]
        copy_seconds = 0.0
        done = 0
        load_started = time.perf_counter()
        with context.Pool(args.workers) as pool:
            for (_chunk_no, batch), result in zip(batches, pool.imap(build_chunk, batches), strict=True):
                copy_started = time.perf_counter()
                for table, data in result.items():
                    if data:
                        counts[table] += data.count(b"\n")
                        cur.copy_expert(copy_sql[table], io.BytesIO(data), size=1 << 20)
                copy_seconds += time.perf_counter() - copy_started
                done += len(batch)
                elapsed = time.perf_counter() - load_started
                print(
                    f"  {done:>10,} applications  {counts['permits_historicalapplication']:>11,} history rows  "
                    f"{elapsed:6.1f} s  ({done / elapsed:,.0f}/s)",
                    flush=True,
                )
        del items, batches
        phases["pass 2 copy wait (s)"] = round(copy_seconds, 2)
        mark = phase("pass 2 (rows and COPY)", mark)
        print(f"  recreating {len(restore)} indexes and constraints")
        for statement in restore:
            cur.execute(statement)
        mark = phase("indexes and constraints", mark)
        cur.execute(
            "INSERT INTO permits_applicationsequence (prefix, year, last) VALUES "
            + ", ".join(["(%s, %s, %s)"] * len(sequences)),
            [
                v
                for (service_index, year), last in sorted(sequences.items())
                for v in (services[service_index].code, year, last)
            ],
        )
        for table, column in (
            ("permits_application", "id"),
            ("permits_historicalapplication", "history_id"),
            ("permits_stepprogress", "id"),
            ("permits_historicalstepprogress", "history_id"),
            ("permits_correctionrequest", "id"),
            ("permits_correctionitem", "id"),
            ("permits_historicalcorrectionrequest", "history_id"),
            ("permits_applicationsequence", "id"),
        ):
            set_sequence(cur, table, column)
    conn.commit()
    mark = phase("commit", mark)
    conn.autocommit = True
    with conn.cursor() as cur:
        # VACUUM, not only ANALYZE: it sets the visibility map, as autovacuum keeps it in a database
        # that has lived for the two years these rows span. Without it (relallvisible 0) PostgreSQL
        # costs every index-only scan as reading the table too and chose other plans: the MPP
        # admin's "submitted" list walked the every-open-application index, 111 ms instead of 2 ms
        # (benchmarks/README.md, round 5). About 8 s at 1,000,000 applications.
        cur.execute("VACUUM (ANALYZE) accounts_user")
        for table in LOADED_TABLES:
            cur.execute(f"VACUUM (ANALYZE) {table}")
        mark = phase("vacuum and analyze", mark)
        cur.execute("SELECT status, count(*) FROM permits_application GROUP BY 1 ORDER BY 2 DESC")
        by_status = dict(cur.fetchall())
        cur.execute(
            "SELECT a.slug, count(*) FROM permits_application p JOIN agencies_agency a ON a.id = p.agency_id "
            "GROUP BY 1 ORDER BY 2 DESC LIMIT 5"
        )
        by_agency = dict(cur.fetchall())
        cur.execute(
            "SELECT count(*) FILTER (WHERE status = 'in_process' AND due_at < now()), "
            "count(*) FILTER (WHERE status IN ('submitted', 'returned', 'in_process', 'approved')), "
            "count(*) FILTER (WHERE assigned_to_id IS NOT NULL AND status IN "
            "('submitted', 'returned', 'in_process', 'approved')) FROM permits_application"
        )
        overdue, open_count, open_assigned = cur.fetchone()
        cur.execute("SELECT count(*) FROM permits_applicationsequence")
        sequence_rows = cur.fetchone()[0]
        size = database_size(cur)
    total = time.perf_counter() - started
    report = {
        "kind": "generate_applications",
        "finished_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "database": _redact(args.database_url),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "args": {k: str(v) for k, v in vars(args).items() if k != "database_url"},
        "seconds_total": round(total, 1),
        "phases_seconds": phases,
        "rows": {**counts, "permits_applicationsequence": sequence_rows, "citizens": citizen_count},
        "applications_by_status": by_status,
        "applications_top_agencies": by_agency,
        "open": open_count,
        "open_assigned": open_assigned,
        "in_process_overdue": overdue,
        "size": size,
    }
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    output = args.output or RESULTS_DIR / f"generate-{dt.datetime.now(dt.UTC):%Y%m%d-%H%M%S}.json"
    output.write_text(json.dumps(report, indent=2) + "\n")
    print()
    print(
        f"{args.count:,} applications in {total / 60:.1f} min ({total:.0f} s); database {size['database_mb']:,.0f} MB"
    )
    for table in LOADED_TABLES:
        print(f"  {table:<38} {counts[table]:>11,} rows  {size['tables'][table]['total_mb']:>9,.1f} MB")
    print(f"  {'permits_applicationsequence':<38} {sequence_rows:>11,} rows")
    print(f"  by status: {', '.join(f'{k} {v:,}' for k, v in by_status.items())}")
    print(f"  open {open_count:,} (assigned {open_assigned:,}), in process past deadline {overdue:,}")
    print(f"  largest agencies: {', '.join(f'{k} {v:,}' for k, v in by_agency.items())}")
    print(f"report: {output.relative_to(ROOT) if output.is_relative_to(ROOT) else output}")
    return 0


_SLUGS: dict[int, str] = {}


def _slug(agency_id: int) -> str:
    if not _SLUGS:
        from agencies.models import Agency

        _SLUGS.update(Agency.objects.values_list("id", "slug"))
    return _SLUGS.get(agency_id, "")


def _cumulative(weights: list[float]) -> list[float]:
    total = sum(weights)
    result, running = [], 0.0
    for weight in weights:
        running += weight / total
        result.append(running)
    result[-1] = 1.0 + 1e-9  # bisect never runs off the end
    return result


def _redact(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    if parts.password:
        parts = parts._replace(netloc=parts.netloc.replace(f":{parts.password}@", ":***@"))
    return urllib.parse.urlunsplit(parts)


if __name__ == "__main__":
    sys.exit(main())

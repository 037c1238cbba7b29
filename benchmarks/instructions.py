"""Instructions per request of the worklist and tracking cases, counted by valgrind (callgrind).

    .venv/bin/python benchmarks/instructions.py                       # every case, 30 requests each
    .venv/bin/python benchmarks/instructions.py --case page-default --requests 50
    .venv/bin/python benchmarks/instructions.py --tree ../other-checkout   # the same, for another commit

Wall and CPU times on a shared virtual machine change by half from one minute to the next (see the
speed probe of permits_worklist.py); the number of instructions a request executes does not. Each
case runs in its own process under `valgrind --tool=callgrind --instr-atstart=no`: Django starts
and warms up with instrumentation off, then `callgrind_control -i on` counts exactly the timed
requests (in-process through django.test.Client, as permits_worklist.py runs them). Slow (about
40 s a case) and single-core; use it to compare two commits, not to report server time.

Needs valgrind (Debian: `apt-get install valgrind`) and the database that generate_applications.py
filled (`--database-url`, default $DATABASE_URL or postgres://postgres@127.0.0.1:5432/mpp_bench).
"""

from __future__ import annotations

import argparse
import itertools
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/mpp_bench"
OFFICER = "petugas01.dpmptsp@bench.mpp.invalid"
PAGE, API = "/petugas/permohonan/", "/api/v1/applications/"
CASES = {
    "page-default": PAGE,
    "page-search-name": f"{PAGE}?q=siti",
    "page-search-prefix": f"{PAGE}?q=LEGALISIR-IZIN-2026",
    "api-default": API,
    "api-100": f"{API}?page_size=100",
    "api-search-name": f"{API}?q=siti",
    "api-page-50": f"{API}?page=50",
    "track-page": "track:/lacak/",
    "track-api": "track:/api/v1/track/",
}


def worker(tree: Path, path: str, requests: int, signals: Path) -> None:
    """Runs inside valgrind: warm up, say READY, wait for "go", run the requests, say "done"."""
    sys.path.insert(0, str(tree))
    os.chdir(tree)
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mpp.settings")
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    import django

    django.setup()
    from django.test import Client

    from accounts.models import User
    from permits.models import Application

    if path.startswith("track:"):
        url = path.removeprefix("track:")
        client = Client(HTTP_HOST="localhost")
        sample = list(
            Application.objects.exclude(tracking_number=None).values_list(
                "tracking_number", "tracking_secret"
            )[:500]
        )
        numbered = itertools.cycle(enumerate(sample))
        # A different client address per lookup, so the rate limit never answers instead.
        base = os.getpid() % 200

        def get():
            i, (number, secret) = next(numbered)
            query = urllib.parse.urlencode(
                {"nomor": number, "kode": secret, "tracking_number": number, "secret": secret}
            )
            return client.get(f"{url}?{query}", REMOTE_ADDR=f"10.{base}.{i // 250}.{i % 250 + 1}")
    else:
        client = Client(HTTP_HOST="localhost")
        client.force_login(User.objects.get(email=OFFICER))

        def get():
            return client.get(path)

    for _ in range(15):
        assert get().status_code == 200
    print("READY", flush=True)
    while not (signals / "go").exists():
        time.sleep(0.1)
    for _ in range(requests):
        status = get().status_code
        assert status == 200, status
    (signals / "done").touch()
    while not (signals / "stop").exists():
        time.sleep(0.1)


def count(tree: Path, path: str, requests: int, database_url: str) -> float:
    """Millions of instructions per request for one case."""
    with tempfile.TemporaryDirectory(prefix="mpp-instr-") as folder:
        signals = Path(folder)
        out = signals / "callgrind.out"
        env = {**os.environ, "DATABASE_URL": database_url}
        command = [
            "valgrind",
            "--tool=callgrind",
            "--instr-atstart=no",
            f"--callgrind-out-file={out}",
            sys.executable,
            __file__,
            "--worker",
            str(tree),
            path,
            str(requests),
            str(signals),
        ]
        process = subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        )
        for line in process.stdout:
            if line.strip() == "READY":
                break
        else:
            raise SystemExit(f"the worker for {path} stopped before it was ready")
        subprocess.run(["callgrind_control", "-i", "on", str(process.pid)], check=True, capture_output=True)
        (signals / "go").touch()
        while not (signals / "done").exists():
            if process.poll() is not None:
                raise SystemExit(f"the worker for {path} failed")
            time.sleep(0.2)
        subprocess.run(["callgrind_control", "-i", "off", str(process.pid)], check=True, capture_output=True)
        (signals / "stop").touch()
        process.wait()
        totals = re.search(r"^totals:\s+(\d+)", out.read_text(), re.MULTILINE)
        if not totals:
            raise SystemExit(f"no totals in {out}")
        return int(totals.group(1)) / requests / 1e6


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--worker":
        tree, path, requests, signals = argv[1:5]
        worker(Path(tree), path, int(requests), Path(signals))
        return 0
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL)
    parser.add_argument("--tree", type=Path, default=ROOT, help="the checkout to measure (default: this one)")
    parser.add_argument(
        "--requests", type=int, default=30, help="counted requests per case (default: %(default)s)"
    )
    parser.add_argument("--case", dest="cases", action="append", choices=sorted(CASES), help="repeatable")
    args = parser.parse_args(argv)
    if not shutil.which("valgrind") or not shutil.which("callgrind_control"):
        parser.error("valgrind is not installed (Debian: apt-get install valgrind)")
    print(f"{'case':<22} {'M instructions/request':>24}")
    for name in args.cases or list(CASES):
        millions = count(args.tree.resolve(), CASES[name], max(args.requests, 1), args.database_url)
        print(f"{name:<22} {millions:24.2f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

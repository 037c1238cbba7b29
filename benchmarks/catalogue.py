#!/usr/bin/env python3
"""Catalogue benchmark: requests per second and latency of the public catalogue under load.

1. Uses the PostgreSQL database given by --database-url (default: $DATABASE_URL, else
   postgres://postgres@127.0.0.1:5432/mpp_bench), creating it if missing, then migrates it and
   loads the demo data (`seed_demo`, idempotent).
2. Starts gunicorn on 127.0.0.1 on a free port, DEBUG off, with the given number of workers.
3. Drives N concurrent keep-alive clients (threads with http.client) against each path for a fixed
   time, after a short warm-up.
4. Prints requests/s, median/p95/p99 latency and errors per path, and writes everything to
   benchmarks/results/catalogue-<time>.json (gitignored).

Loopback only, bounded in time; gunicorn is stopped at the end whatever happens.
Run it with the project's virtualenv: `.venv/bin/python benchmarks/catalogue.py --help`.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import http.client
import json
import os
import platform
import resource
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS_DIR = ROOT / "benchmarks" / "results"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/mpp_bench"
DEFAULT_PATHS = ["/layanan/", "/api/v1/services/", "/api/v1/services/?q=izin"]
READY_PATH = "/admin/login/"
MAX_DURATION_S = 120.0
CLK_TCK = os.sysconf("SC_CLK_TCK")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL,
        help="PostgreSQL database to use (created if missing). Default: $DATABASE_URL or %(default)s",
    )
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("REDIS_URL", ""),
        help="Redis for the cache, as in production (default: $REDIS_URL; empty = per-process memory cache)",
    )
    parser.add_argument(
        "--workers",
        default="4",
        help="gunicorn worker counts to try, comma-separated, e.g. 3,4,5 (default: %(default)s)",
    )
    parser.add_argument(
        "--threads",
        type=int,
        default=1,
        help="threads per gunicorn worker; >1 uses gthread (default: 1, sync)",
    )
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients (default: %(default)s)")
    parser.add_argument(
        "--duration",
        type=float,
        default=10.0,
        help="seconds of load per path (default: %(default)s, max 120)",
    )
    parser.add_argument(
        "--warmup", type=float, default=2.0, help="seconds of warm-up per path (default: %(default)s)"
    )
    parser.add_argument(
        "--path",
        dest="paths",
        action="append",
        help=f"path to load; repeat for several (default: {' '.join(DEFAULT_PATHS)})",
    )
    parser.add_argument(
        "--skip-setup", action="store_true", help="do not create, migrate or seed the database"
    )
    parser.add_argument("--output", type=Path, help="JSON file to write (default: benchmarks/results/...)")
    args = parser.parse_args(argv)
    args.paths = args.paths or list(DEFAULT_PATHS)
    args.duration = min(max(args.duration, 1.0), MAX_DURATION_S)
    args.warmup = min(max(args.warmup, 0.0), 30.0)
    args.clients = min(max(args.clients, 1), 256)
    args.worker_counts = [int(n) for n in str(args.workers).split(",") if n.strip()]
    if not args.worker_counts or min(args.worker_counts) < 1:
        parser.error("--workers needs one or more positive numbers")
    scheme = urllib.parse.urlsplit(args.database_url).scheme
    if not scheme.startswith("postgres"):
        parser.error(f"--database-url must be a PostgreSQL URL, not {scheme!r}")
    return args


def redact(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        parts = parts._replace(netloc=netloc)
    return urllib.parse.urlunsplit(parts)


# --- setup ---------------------------------------------------------------------------------------


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


def server_env(args: argparse.Namespace) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DATABASE_URL": args.database_url,
            "REDIS_URL": args.redis_url,
            "DJANGO_DEBUG": "0",
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
        }
    )
    return env


def manage(env: dict[str, str], *command: str) -> None:
    print("manage.py", " ".join(command))
    subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)


# --- gunicorn ------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn in its own process group, so that stopping it stops its workers too."""

    def __init__(self, *, env: dict[str, str], workers: int, threads: int, log_path: Path):
        self.port = free_port()
        self.log_path = log_path
        cmd = [
            sys.executable,
            "-m",
            "gunicorn",
            "mpp.wsgi:application",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--no-control-socket",
            "--graceful-timeout",
            "5",
        ]
        if threads > 1:
            cmd += ["--worker-class", "gthread"]
        self.cmd = cmd
        self._log = open(log_path, "ab")  # noqa: SIM115 — closed in stop()
        self.proc = subprocess.Popen(
            cmd, cwd=ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True
        )

    def wait_ready(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.proc.returncode}; see {self.log_path}")
            with contextlib.suppress(OSError, http.client.HTTPException):
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                conn.request("GET", READY_PATH)
                if conn.getresponse().status < 500:
                    conn.close()
                    return
                conn.close()
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer {READY_PATH} within {timeout:.0f}s; see {self.log_path}")

    def cpu_seconds(self) -> float:
        """CPU time of gunicorn's workers (user + system) so far, from /proc."""
        total = 0.0
        for pid in self._worker_pids():
            with contextlib.suppress(OSError, IndexError, ValueError):
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                total += (int(fields[11]) + int(fields[12])) / CLK_TCK
        return total

    def _worker_pids(self) -> list[int]:
        pids = []
        with contextlib.suppress(OSError):
            for task in Path(f"/proc/{self.proc.pid}/task").iterdir():
                pids += [int(p) for p in (task / "children").read_text().split()]
        return pids

    def stop(self) -> None:
        if self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(timeout=15)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=5)
        self._log.close()


# --- load ----------------------------------------------------------------------------------------


class Client(threading.Thread):
    """One keep-alive client: GETs the path in a loop until the deadline, timing each response."""

    def __init__(self, port: int, path: str, start: float, deadline: float):
        super().__init__(daemon=True)
        self.port, self.path, self.start_at, self.deadline = port, path, start, deadline
        self.latencies: list[float] = []
        self.statuses: dict[int, int] = {}
        self.errors: dict[str, int] = {}
        self.bytes = 0

    def run(self) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Accept-Language": "id", "User-Agent": "mpp-benchmark"}
        while time.monotonic() < self.start_at:
            time.sleep(0.001)
        while True:
            began = time.monotonic()
            if began >= self.deadline:
                break
            try:
                conn.request("GET", self.path, headers=headers)
                response = conn.getresponse()
                body = response.read()
                if response.will_close:
                    conn.close()
            except (OSError, http.client.HTTPException) as exc:
                conn.close()
                name = type(exc).__name__
                self.errors[name] = self.errors.get(name, 0) + 1
                continue
            self.latencies.append(time.monotonic() - began)
            self.statuses[response.status] = self.statuses.get(response.status, 0) + 1
            self.bytes += len(body)
        conn.close()


def percentile(sorted_values: list[float], fraction: float) -> float:
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, max(0, round(fraction * len(sorted_values)) - 1))
    return sorted_values[index]


def probe(port: int, path: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request("GET", path, headers={"Accept-Language": "id"})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def load(port: int, path: str, *, clients: int, seconds: float) -> dict:
    start = time.monotonic() + 0.2
    deadline = start + seconds
    threads = [Client(port, path, start, deadline) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 60)
    wall = max(time.monotonic(), deadline) - start
    latencies = sorted(value for thread in threads for value in thread.latencies)
    statuses: dict[int, int] = {}
    errors: dict[str, int] = {}
    for thread in threads:
        for status, count in thread.statuses.items():
            statuses[status] = statuses.get(status, 0) + count
        for name, count in thread.errors.items():
            errors[name] = errors.get(name, 0) + count
    non_200 = sum(count for status, count in statuses.items() if status != 200)
    return {
        "requests": len(latencies),
        "seconds": round(wall, 3),
        "requests_per_s": round(len(latencies) / wall, 1),
        "latency_ms": {
            "median": round(statistics.median(latencies) * 1000, 2) if latencies else None,
            "p95": round(percentile(latencies, 0.95) * 1000, 2) if latencies else None,
            "p99": round(percentile(latencies, 0.99) * 1000, 2) if latencies else None,
            "max": round(latencies[-1] * 1000, 2) if latencies else None,
        },
        "statuses": {str(k): v for k, v in sorted(statuses.items())},
        "errors": non_200 + sum(errors.values()),
        "connection_errors": errors,
        "bytes_per_response": round(sum(t.bytes for t in threads) / len(latencies)) if latencies else 0,
    }


def cpu_self() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


# --- main ----------------------------------------------------------------------------------------


def run_one(args: argparse.Namespace, env: dict[str, str], workers: int, log_path: Path) -> dict:
    server = Server(env=env, workers=workers, threads=args.threads, log_path=log_path)
    runs = []
    try:
        server.wait_ready()
        print(f"\ngunicorn: {workers} worker(s) x {args.threads} thread(s) on 127.0.0.1:{server.port}")
        for path in args.paths:
            status, body = probe(server.port, path)
            if status != 200:
                print(f"  {path}: skipped, it answers {status}")
                runs.append({"path": path, "skipped": f"HTTP {status}"})
                continue
            extra = {}
            with contextlib.suppress(ValueError, KeyError, TypeError):
                extra["api_count"] = json.loads(body)["count"]
            if args.warmup:
                load(server.port, path, clients=args.clients, seconds=args.warmup)
            client_cpu, server_cpu, began = cpu_self(), server.cpu_seconds(), time.monotonic()
            result = load(server.port, path, clients=args.clients, seconds=args.duration)
            elapsed = time.monotonic() - began
            result["client_cpu_cores"] = round((cpu_self() - client_cpu) / elapsed, 2)
            result["server_cpu_cores"] = round((server.cpu_seconds() - server_cpu) / elapsed, 2)
            result.update(path=path, **extra)
            runs.append(result)
            lat = result["latency_ms"]
            print(
                f"  {path:<32} {result['requests_per_s']:>8.1f} req/s   median {lat['median']} ms"
                f"   p95 {lat['p95']} ms   p99 {lat['p99']} ms   errors {result['errors']}"
                f"   (cpu: server {result['server_cpu_cores']}, client {result['client_cpu_cores']} cores)"
            )
    finally:
        server.stop()
    return {"workers": workers, "threads": args.threads, "gunicorn": server.cmd[2:], "runs": runs}


def git_describe() -> dict:
    def git(*cmd: str) -> str:
        try:
            return subprocess.run(
                ["git", *cmd], cwd=ROOT, capture_output=True, text=True, check=True, timeout=10
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""

    return {
        "commit": git("rev-parse", "HEAD"),
        "dirty": bool(git("status", "--porcelain", "--untracked-files=no")),
    }


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    env = server_env(args)
    if not args.skip_setup:
        try:
            ensure_database(args.database_url)
            manage(env, "migrate", "--noinput", "-v", "0")
            manage(env, "seed_demo")
        except subprocess.CalledProcessError as exc:
            print(f"setup failed: {' '.join(exc.cmd[1:])} exited with {exc.returncode}", file=sys.stderr)
            return 1
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    log_path = RESULTS_DIR / f"catalogue-{stamp}-gunicorn.log"
    report = {
        "benchmark": "catalogue",
        "started_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "git": git_describe(),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "database_url": redact(args.database_url),
        "cache": "redis" if args.redis_url else "locmem (per process)",
        "clients": args.clients,
        "duration_s": args.duration,
        "warmup_s": args.warmup,
        "results": [],
    }
    print(
        f"{args.clients} clients, {args.duration:g}s per path after {args.warmup:g}s warm-up;"
        f" database {report['database_url']}; cache {report['cache']}"
    )
    for workers in args.worker_counts:
        report["results"].append(run_one(args, env, workers, log_path))
    output = args.output or RESULTS_DIR / f"catalogue-{stamp}.json"
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(report, indent=2) + "\n")
    print(f"\nwritten: {output}\ngunicorn log: {log_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

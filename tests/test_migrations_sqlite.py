"""`make run` migrates an empty SQLite database: every migration must apply there, also when CI
tests on PostgreSQL (SQLite rebuilds tables with all their indexes, so PostgreSQL-only index types
break later migrations of the same table)."""

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_all_migrations_apply_to_an_empty_sqlite_database(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.sqlite3'}", "REDIS_URL": ""}
    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert (tmp_path / "fresh.sqlite3").stat().st_size > 100_000

"""With REDIS_URL set, the counts one process computes serve every other: two gunicorn servers share them.

Both servers run the real stack on one SQLite file and one Redis (127.0.0.1:6379), and log their SQL
(LOG_SQL=1): after the first server has served the memo list, the second serves it without a single
counting query.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REDIS_URL = "redis://127.0.0.1:6379/0"
PAGE = "/memos/?country=KG"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def site(tmp_path):
    """A migrated SQLite archive with the sample pages, and the environment that serves it."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "memos.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "DEBUG": "1",
        "LOG_SQL": "1",
        "CACHE_KEY_PREFIX": f"test-{uuid.uuid4().hex}",  # a namespace no other run shares
    }
    for command in (["migrate", "-v0"], ["import_memos", "fixtures/pages", "-v0"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, timeout=300)
    return env


def serve_once(env: dict, log: Path) -> int:
    """Start gunicorn (one worker), GET the page, stop it; the number of counting queries it ran."""
    port = free_port()
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--workers", "1",
             "--bind", f"127.0.0.1:{port}", "--access-logfile", "-"],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}{PAGE}", timeout=10) as response:
                        assert response.status == 200
                        break
                except OSError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise
                    time.sleep(0.2)
        finally:
            server.terminate()
            server.wait(timeout=30)
    # Facets and the result count are the queries that count rows (COUNT ... GROUP BY).
    return sum("COUNT(" in line for line in log.read_text().splitlines())


def test_a_second_gunicorn_process_reads_the_counts_the_first_computed(site, tmp_path):
    with_redis = {**site, "REDIS_URL": REDIS_URL}
    assert serve_once(with_redis, tmp_path / "first.log") > 0
    assert serve_once(with_redis, tmp_path / "second.log") == 0


def test_without_redis_each_process_computes_its_own(site, tmp_path):
    local = {k: v for k, v in site.items() if k != "REDIS_URL"}
    assert serve_once(local, tmp_path / "first.log") > 0
    assert serve_once(local, tmp_path / "second.log") > 0

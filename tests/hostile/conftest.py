"""The hostile suite's shared parts: a database that other processes (import_memos runs) can reach."""

import os
import signal
import subprocess
import sys

import pytest
from django.db import connection

from tests.conftest import ROOT


def manage(*args: str, database_url: str, **popen) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "memos.settings.test",
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **popen,
    )


@pytest.fixture
def shared_database(transactional_db, reference_data, tmp_path) -> str:
    """A DATABASE_URL other processes can use, with the schema: the test database itself on
    PostgreSQL (a transactional test, so they see its rows), a migrated file on SQLite (whose
    test database lives in this process's memory)."""
    settings = connection.settings_dict
    if connection.vendor == "postgresql":
        password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
        return (
            f"postgres://{settings['USER']}{password}@{settings['HOST'] or '127.0.0.1'}:"
            f"{settings['PORT'] or 5432}/{settings['NAME']}"
        )
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    migrate = manage("migrate", "--noinput", "-v0", database_url=url)
    out, err = migrate.communicate(timeout=120)
    assert migrate.returncode == 0, err
    return url


@pytest.fixture
def deadline():
    """Fail a test that would hang (reading a FIFO) instead of letting it stall the run."""

    def expired(signum, frame):
        raise TimeoutError("the import hung")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(30)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


# The browser tests' Chromium and page (which fails a test on any CSP violation), for the XSS suite.
from tests.browser.conftest import browser, page  # noqa: E402, F401

"""The hostile suite's shared parts: a database other processes can reach, and pages made in bulk."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from tests.conftest import PAGES, ROOT

# The sample pages whose identity (URL and memo number, or title and date) the variants change.
THEME = (PAGES / "ponars_2021_theme.html").read_text(encoding="utf-8")
THEME_URL = "tashkents-safe-city-chinese-surveillance-procurement-in-uzbekistan-and-kazakhstan"
OTHER = (PAGES / "think_tank_other.html").read_text(encoding="utf-8")


def page_variants(folder: Path, count: int) -> Path:
    """`count` pages of distinct memos, from two sample pages; pairs of titles differ only in
    punctuation, so they ask for the same slug."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        if i % 2:
            text = OTHER.replace("Politics of Data Localization", f"Politics of Data Localization {i}")
        else:
            text = (
                THEME.replace(THEME_URL, f"tashkents-safe-city-{i}")
                .replace("688", str(10_000 + i))
                .replace("Safe City", f"Safe City {i // 4}{'!' if i % 4 else ''}")
            )
        (folder / f"page-{i:03}.html").write_text(text, encoding="utf-8")
    return folder


def manage(*args: str, database_url: str, timeout: int = 300, **popen) -> subprocess.Popen:
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

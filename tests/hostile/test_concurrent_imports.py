"""Two import_memos runs of one folder at once: both succeed, and every memo is written once."""

import sqlite3

import pytest
from django.db import connection

from memos.devtools.bench import import_batch
from tests.hostile.conftest import manage

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = 300


def memo_rows(database_url: str) -> list[tuple[str, str]]:
    query = "SELECT slug, source_url FROM memos_memo"
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(query)
            return cursor.fetchall()
    with sqlite3.connect(database_url.removeprefix("sqlite:///")) as db:
        return db.execute(query).fetchall()


def test_two_imports_of_the_same_pages_at_once_both_succeed(shared_database, tmp_path):
    # Copies of fixtures/pages, each with its own title, memo number and URL.
    folder = tmp_path / "pages"
    folder.mkdir()
    for n, page in enumerate(import_batch(PAGES, "hostile")):
        (folder / f"{n:03}-{page.origin.rsplit('/', 1)[1]}").write_bytes(page.data)
    runs = [manage("import_memos", str(folder), database_url=shared_database) for _ in range(2)]
    outcomes = [run.communicate(timeout=300) for run in runs]
    for run, (_, err) in zip(runs, outcomes, strict=True):
        assert run.returncode == 0, err[-3000:]
    rows = memo_rows(shared_database)
    assert len(rows) == PAGES
    assert len({slug for slug, _ in rows}) == PAGES
    # Between them the two runs created every memo once; the other found each unchanged.
    created = sum(int(out.split("created ")[1].split(",")[0]) for out, _ in outcomes)
    assert created == PAGES

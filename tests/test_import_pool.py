"""The importer's worker pool and per-run lookups: same rows, same order, failures kept to their page."""

import contextlib
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from memos import search
from memos.devtools.bench import import_batch
from memos.ingest import pipeline
from memos.ingest.pipeline import import_pages, pool_size
from memos.ingest.sources import Page, expand, read_file
from memos.models import Author, Authorship, DataVersion, Memo, Topic

from .conftest import PAGES

pytestmark = pytest.mark.django_db

real_parse_page = pipeline.parse_page


def archive() -> dict:
    """Everything an import writes, keyed by what survives a second import (ids do not)."""
    memos = {}
    for memo in Memo.objects.order_by("title"):
        authorships = Authorship.objects.filter(memo=memo).order_by("position")
        links = Memo.topics.through.objects.filter(memo=memo).order_by("id")
        memos[memo.title] = {
            "fields": (memo.slug, memo.published, memo.memo_number, memo.series, memo.category, memo.language,
                       memo.summary, memo.body_html, memo.bio, memo.pdf_url, memo.source_url, memo.word_count,
                       memo.content_hash),
            "authors": list(authorships.values_list("author__name", flat=True)),
            "topics": list(links.values_list("topic__name", flat=True)),
            "mentions": sorted(
                memo.mentions.values_list("country_id", "vendor__name", "count", "context", "verdict"),
                key=repr,
            ),
        }  # fmt: skip
    return memos


def test_the_pool_writes_the_same_rows_as_parsing_here(reference_data):
    targets = expand([str(PAGES)])
    assert pool_size(len(targets), 2) == 2

    serial = [(r.source, r.status) for r in import_pages(targets, workers=1)]
    serial_rows = archive()
    Memo.objects.all().delete()
    Author.objects.all().delete()
    Topic.objects.all().delete()

    results = import_pages(targets, workers=2)
    first = next(results)
    assert multiprocessing.active_children(), "the pages were not parsed by worker processes"
    pooled = [(first.source, first.status)] + [(r.source, r.status) for r in results]

    assert pooled == serial
    assert {status for _, status in pooled} == {"created"}
    assert archive() == serial_rows
    assert not multiprocessing.active_children()  # the pool is shut down when the run ends


def test_results_come_back_in_input_order_one_per_page(reference_data):
    pages = sorted(p for p in PAGES.iterdir() if p.is_file())
    targets = [Page(f"copy-{i}/{path.name}", data=path.read_bytes()) for i in range(3) for path in pages]
    targets.insert(7, Page("nothing-here", error="no such file or directory"))
    targets.insert(20, "/no/such/page.html")
    results = list(import_pages(targets, dry_run=True, workers=2))
    assert [r.source for r in results] == [t.origin if isinstance(t, Page) else t for t in targets]
    failed = {r.source: r.error for r in results if not r.ok}
    assert failed == {
        "nothing-here": "no such file or directory",
        "/no/such/page.html": "no such file or directory",
    }
    assert all(r.memo.title for r in results if r.ok)


@pytest.fixture
def sabotaged_parser(monkeypatch, tmp_path):
    """A parser that raises on a page saying EXPLODE, and kills its process on one saying CRASH.

    Workers are forked, so they inherit the patch; each records its pid where the test sees it.
    """
    parent = os.getpid()

    def parse_page(data, source_url=None):
        (tmp_path / f"parsed-by-{os.getpid()}").touch()
        if b"EXPLODE" in data:
            raise RuntimeError("the parser tripped")
        if b"CRASH" in data and os.getpid() != parent:  # never kill the test run itself
            os._exit(3)
        return real_parse_page(data, source_url=source_url)

    monkeypatch.setattr(pipeline, "parse_page", parse_page)
    return lambda: {int(p.name.rsplit("-", 1)[1]) for p in tmp_path.glob("parsed-by-*")} - {parent}


def batch_with(bad: dict[int, bytes]) -> list[Page]:
    pages = sorted(p for p in PAGES.iterdir() if p.is_file())
    batch = [Page(str(path), data=path.read_bytes()) for path in pages]
    for position, data in sorted(bad.items()):
        batch.insert(position, Page(f"bad-{position}.html", data=data))
    return batch


def test_a_page_that_makes_the_parser_raise_in_a_worker_fails_alone(reference_data, sabotaged_parser):
    page = (PAGES / "000_0dc8eaca4fa1d520.txt").read_bytes()
    batch = batch_with({5: page.replace(b"As a global leader", b"EXPLODE As a global leader")})
    results = list(import_pages(batch, workers=2))
    assert sabotaged_parser(), "no worker process parsed anything"
    assert [r.source for r in results] == [p.origin for p in batch]
    assert [(r.source, r.error) for r in results if not r.ok] == [
        ("bad-5.html", "could not parse: RuntimeError: the parser tripped")
    ]
    assert Memo.objects.count() == len(batch) - 1


def test_a_page_that_kills_its_worker_fails_alone(reference_data, sabotaged_parser):
    batch = batch_with({3: b"<html><body><h1>CRASH</h1></body></html>"})
    results = list(import_pages(batch, workers=2))
    assert sabotaged_parser()
    assert [r.source for r in results] == [p.origin for p in batch]
    assert [(r.source, r.error) for r in results if not r.ok] == [
        ("bad-3.html", "could not parse: the parsing process died on this page")
    ]
    assert Memo.objects.count() == len(batch) - 1
    assert not multiprocessing.active_children()


def test_a_small_batch_starts_no_pool(reference_data, sabotaged_parser):
    assert pool_size(pipeline.POOL_MIN_PAGES - 1, 4) == 1
    assert pool_size(100, 1) == 1
    results = list(import_pages(expand([str(PAGES)])[:3], workers=4))
    assert [r.status for r in results] == ["created"] * 3
    assert not sabotaged_parser()  # parsed in this process only


# Writing a new memo whose authors, topics, countries and vendors the run has seen already:
# find it (the memos it may be, by its earlier imports too, and its slug: one query), insert it and
# its text row (MemoText), its authorships, topic links and mentions, store the page (one
# statement), record the import, plus the transaction around it (savepoint in a test). PostgreSQL
# takes the memo's advisory locks (one query); index it (SQLite: one more). The new data version
# comes once per batch (changes.in_batches); here one batch holds the whole run, so no memo pays for
# it (on a loaded machine a 2-second batch could end inside the run and add its queries to one memo).
QUERIES_PER_MEMO = 12
# A page naming vendor candidates: read them, link them, update their counts.
CANDIDATE_QUERIES = 3


def test_queries_per_memo_are_pinned(reference_data):
    batch = import_batch(30, "pin")  # each sample page twice, as new memos
    assert len(batch) == 30
    results = import_pages(batch, workers=1, version_every=3600)
    queries = []
    while True:
        with CaptureQueriesContext(connection) as captured:
            result = next(results, None)
        if result is None:
            break
        assert result.status == "created", result.error
        queries.append([q["sql"] for q in captured.captured_queries])
    counts = [len(q) - CANDIDATE_QUERIES * any("vendorcandidate" in sql for sql in q) for q in queries]
    first_copies = len({p.origin.rsplit("/", 1)[1] for p in batch})
    # Second copies: every name, country and vendor was read (or created) by the first ones.
    assert max(counts[first_copies:]) <= QUERIES_PER_MEMO, queries[-1]
    # First sight of a page's authors and topics costs a read each (and a write for new ones);
    # the vendor list and the country codes are read once per run, not once per memo.
    assert sum(counts) <= len(batch) * QUERIES_PER_MEMO + first_copies * 12
    assert sum(sql.startswith('SELECT "memos_vendor"') for q in queries for sql in q) == 1
    assert sum(sql.startswith('SELECT "memos_country"') for q in queries for sql in q) == 1


def versions_and_finds_while_importing(batch: list[Page], version_every: float) -> tuple[list, list, list]:
    """The data version after each result, and whether search found the memo of each result by
    then; the third list is the versions and the finds once the whole import has run."""
    DataVersion.objects.update_or_create(pk=1, defaults={"token": "before"})
    versions, found = [], []
    for result in import_pages(batch, version_every=version_every):
        assert result.status == "created", result.error
        versions.append(DataVersion.objects.get(pk=1).token)
        found.append(search.search_memos(Memo.objects.filter(pk=result.memo_id), "bench").exists())
    memos = Memo.objects.filter(title__contains="(bench")
    return versions, found, [DataVersion.objects.get(pk=1).token, search.search_memos(memos, "bench").count()]


def test_a_long_import_changes_the_data_version_once_per_batch_not_per_memo(reference_data):
    batch = import_batch(4, "lag")
    versions, found, end = versions_and_finds_while_importing(batch, version_every=3600)
    # Within a batch readers keep the counts of the version before it, but search finds each
    # memo as soon as it is written (its index entry commits with it) ...
    assert versions == ["before"] * 4 and found == [True] * 4
    # ... and when it ends every memo it wrote is counted and found.
    assert end[0] != "before" and end[1] == 4


def test_an_import_with_no_batching_changes_the_version_with_every_memo(reference_data):
    versions, found, end = versions_and_finds_while_importing(import_batch(3, "each"), version_every=0)
    assert len(set(versions)) == 3 and "before" not in versions and found == [True] * 3
    assert end == [versions[-1], 3]


def test_workers_option(import_memos):
    out, err, code = import_memos(PAGES, "--workers", "1")
    assert code == 0, err
    assert "created 15" in out
    out, err, code = import_memos(PAGES, "--workers", "3")
    assert code == 0, err
    assert "unchanged 15" in out
    with pytest.raises(CommandError, match="--workers must be at least 1"):
        call_command("import_memos", str(PAGES), "--workers", "0", stdout=StringIO(), stderr=StringIO())


WORKERS_OUTLIVE_NOTHING = """
import os, sys, time
import django
django.setup()
from memos.ingest.pipeline import parse_in_pool
from memos.ingest.sources import Page
page = open(sys.argv[1], "rb").read()
outcomes = parse_in_pool([Page(f"page-{i}", data=page) for i in range(16)], [], 2)
next(outcomes)
print("parsing", flush=True)
time.sleep(120)
"""


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has ended
    except FileNotFoundError:
        return False


def test_workers_end_when_the_importing_process_is_killed():
    if not os.path.exists("/proc/self/task"):
        pytest.skip("reads child processes from /proc (Linux)")
    parent = subprocess.Popen(
        [sys.executable, "-c", WORKERS_OUTLIVE_NOTHING, str(PAGES / "ponars_2021_theme.html")],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "memos.settings.test"},
    )
    workers = []
    try:
        assert parent.stdout.readline().strip() == "parsing"
        with open(f"/proc/{parent.pid}/task/{parent.pid}/children") as children:
            workers = [int(pid) for pid in children.read().split()]
        assert len(workers) == 2
        parent.kill()  # SIGKILL: no cleanup runs in the parent
        parent.wait()
        deadline = time.monotonic() + 10
        while any(map(alive, workers)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(map(alive, workers)), "parsing workers outlived their parent"
    finally:
        parent.kill()
        for pid in workers:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="synchronous_commit is PostgreSQL's")
@pytest.mark.django_db(transaction=True)
def test_a_memos_write_commits_without_waiting_for_the_disk_and_only_it(reference_data, monkeypatch):
    from memos.ingest import load
    from memos.ingest.parse import parse_page

    def setting() -> str:
        with connection.cursor() as cursor:
            cursor.execute("SHOW synchronous_commit")
            return cursor.fetchone()[0]

    seen = []
    plan_memo = load.plan_memo

    def spy(*args, **kwargs):
        seen.append(setting())  # inside the memo's transaction, once its locks are held
        return plan_memo(*args, **kwargs)

    monkeypatch.setattr(load, "plan_memo", spy)
    page = read_file(expand([str(PAGES)])[0])
    assert load.load_memo(parse_page(page.data), page.origin).status == "created"
    assert seen == ["off"]
    assert setting() == "on"  # the connection's next transactions keep full durability

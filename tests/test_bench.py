"""bench: every measurement runs end to end and reports every key (no timing is asserted)."""

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from memos.devtools import bench
from memos.devtools.bench import HUGE_MEMO_SLUG, import_batch, measure_import, page_cases, run_bench, vary
from memos.ingest.parse import parse_page
from memos.ingest.pipeline import default_workers, pool_size
from memos.ingest.sources import MAX_BYTES
from memos.models import Author, ImportRecord, Memo, Mention, Topic

ROOT = Path(__file__).resolve().parent.parent
PAGE_NAMES = [
    "home", "list", "list_1_filter", "list_2_filters", "list_3_filters", "search", "facets", "memo",
    "country", "feed", "api_list", "api_memo", "oai_page", "export_csv", "list_year", "analysis",
    "analysis_grouped",
]  # fmt: skip
PAGE_KEYS = {
    "url", "queries", "requests", "errors", "p50_ms", "p95_ms", "p99_ms", "cold_p50_ms", "cold_p95_ms",
}  # fmt: skip
IMPORT_KEYS = {
    "pages", "workers", "created", "failed", "seconds", "pages_per_s", "parse_seconds", "lxml_seconds",
    "lxml_pages_per_s", "ratio_to_lxml", "ratio_to_parse",
}  # fmt: skip
HTTP_KEYS = {
    "workers", "concurrency", "urls", "requests", "errors", "statuses", "seconds", "requests_per_s",
    "p50_ms", "p95_ms", "p99_ms",
}  # fmt: skip


@pytest.fixture
def corpus(reference_data):
    call_command("generate_corpus", memos=30, seed=5, stdout=StringIO())


@pytest.mark.django_db
def test_page_cases_use_the_busiest_filter_values(corpus):
    cases = {case.name: case for case in page_cases()}
    assert list(cases) == PAGE_NAMES
    top = Mention.objects.exclude(country=None).values_list("country_id", flat=True)
    counts = {code: list(top).count(code) for code in set(top)}
    busiest = min(counts, key=lambda code: (-counts[code], code))  # a tie goes to the first code
    assert cases["list_1_filter"].urls == [f"/memos/?country={busiest}"]
    assert cases["list_3_filters"].urls[0].count("=") == 3
    assert {"country", "vendor", "year"} == {p.split("=")[0] for p in cases["facets"].urls[0][8:].split("&")}
    assert all(url.startswith("/memos/?q=") for url in cases["search"].urls)
    assert len(cases["memo"].urls) == 20
    assert cases["country"].urls == [f"/countries/{busiest}/"]


@pytest.mark.django_db
def test_pages_and_import_in_process(corpus):
    memos, authors, topics = Memo.objects.count(), Author.objects.count(), Topic.objects.count()
    report = run_bench(duration=0.01, requests=2, import_size=16, skip_http=True)
    assert list(report["pages"]) == PAGE_NAMES
    for name, page in report["pages"].items():
        assert set(page) >= PAGE_KEYS, name
        assert page["errors"] == 0, f"{name}: {page['url']} did not answer 200"
        assert page["requests"] >= 1 and page["queries"] >= 1
    assert set(report["import"]) >= IMPORT_KEYS
    # Every page of the batch was a new memo, and the bench left the archive as it found it.
    assert report["import"]["pages"] == report["import"]["created"] == 16
    assert report["import"]["workers"] == pool_size(16, default_workers())  # import_memos' default
    assert (Memo.objects.count(), Author.objects.count(), Topic.objects.count()) == (memos, authors, topics)
    assert not ImportRecord.objects.filter(source__startswith="bench:").exists()
    assert report["database"]["memos"] == 30
    assert "http" not in report


@pytest.mark.django_db
def test_the_huge_memo_case_adds_one_memo_at_the_import_limit_first_in_its_search(
    corpus, client, monkeypatch
):
    assert bench.HUGE_MEMO_CHARS == MAX_BYTES
    monkeypatch.setattr(bench, "HUGE_MEMO_CHARS", 300_000)  # the test's own size: the case is the same
    case = bench.huge_memo_case()
    assert case.urls[0] == "/memos/?q=and"
    memo = Memo.objects.get(slug=HUGE_MEMO_SLUG)
    assert len(memo.body_text) == 300_000
    for url in case.urls:
        response = client.get(url)
        assert response.status_code == 200
        # PostgreSQL's english configuration drops "and" as a stop word: it finds nothing there.
        assert (memo.title in response.text) == (connection.vendor == "sqlite")
    bench.huge_memo_case()
    assert Memo.objects.filter(slug=HUGE_MEMO_SLUG).count() == 1


@pytest.mark.django_db
def test_import_batch_gives_each_copy_a_new_title_number_and_url(reference_data):
    batch = import_batch(40, "t0ken")
    assert len(batch) == 40
    parsed = [parse_page(page.data) for page in batch]
    assert len({m.title for m in parsed}) == 40
    numbers = [(m.series, m.memo_number, m.language) for m in parsed if m.memo_number is not None]
    assert len(set(numbers)) == len(numbers)
    urls = [m.source_url for m in parsed if m.source_url]
    assert len(set(urls)) == len(urls)


def test_vary_finds_titles_written_with_entities_and_line_breaks():
    page = b"<h1>Sanctions &amp; Semiconductors: Russia&#8217;s\n   Industry</h1>"
    varied = vary(page, "Sanctions & Semiconductors: Russia’s Industry", " (copy 1)")
    assert varied == b"<h1>Sanctions &amp; Semiconductors: Russia&#8217;s\n   Industry (copy 1)</h1>"
    assert vary("Заголовок".encode("cp1251"), "Заголовок", " (1)") == "Заголовок (1)".encode("cp1251")
    assert vary(b"nothing here", "Title", " (1)") is None


@pytest.mark.django_db
def test_import_measure_without_pages(tmp_path, reference_data):
    assert measure_import(5, pages_dir=tmp_path) == {
        "pages": 0,
        "error": f"no importable pages in {tmp_path}",
    }


@pytest.mark.django_db
def test_command_json(corpus):
    out = StringIO()
    call_command(
        "bench", "--format", "json", "--skip-http", "--duration", "0.01", "--requests", "1",
        "--import-pages", "3", stdout=out,
    )  # fmt: skip
    report = json.loads(out.getvalue())
    assert set(report) == {"machine", "database", "pages", "import"}
    assert list(report["pages"]) == PAGE_NAMES
    # Where the figures come from, and the calibration that lets two machines be compared.
    machine = report["machine"]
    assert machine["cores"] >= 1 and len(machine["load_before"]) == 3
    assert machine["calibration"]["python_loop_ms"] > 0 and machine["calibration"]["lxml_parse_ms"] > 0


@pytest.mark.django_db
def test_command_saves_a_report_and_compares_with_a_saved_one(corpus, tmp_path):
    args = ["bench", "--skip-http", "--skip-import", "--duration", "0.01", "--requests", "1"]
    saved = tmp_path / "small.json"
    call_command(*args, "--save", str(saved), stdout=StringIO())
    smaller = json.loads(saved.read_text())
    # As if the smaller archive had served every page in a microsecond, but the feed in an hour.
    for name, page in smaller["pages"].items():
        page["p95_ms"] = 3_600_000 if name == "feed" else 0.001
    saved.write_text(json.dumps(smaller))
    out = StringIO()
    call_command(*args, "--compare", str(saved), "--format", "json", stdout=out)
    report = json.loads(out.getvalue())
    pages = report["pages"]
    assert pages["feed"]["meets_ratio"] and pages["feed"]["p95_ms_ratio"] < 0.01
    slower = [page for name, page in pages.items() if name != "feed"]
    assert all(page["p95_ms_ratio"] > 2 and not page["meets_ratio"] for page in slower)
    table = StringIO()
    call_command(*args, "--compare", str(saved), stdout=table)
    assert f"Ratios: p95 here / p95 at {smaller['database']['memos']:,} memos" in table.getvalue()
    (tmp_path / "not.json").write_text("{}")
    with pytest.raises(CommandError, match="not a saved bench report"):
        call_command(*args, "--compare", str(tmp_path / "not.json"), stdout=StringIO())


@pytest.mark.django_db
def test_command_table(corpus):
    out = StringIO()
    call_command("bench", "--skip-http", "--skip-import", "--duration", "0.01", "--requests", "1", stdout=out)
    table = out.getvalue()
    for name in PAGE_NAMES:
        assert f"\n{name} " in table
    assert "p95 ≤100, cold ≤300, ≤12 q" in table and "Machine: " in table


@pytest.mark.django_db
def test_command_refuses_an_empty_archive_and_bad_arguments(reference_data):
    with pytest.raises(CommandError, match="no published memos"):
        call_command("bench", "--skip-http", stdout=StringIO())
    with pytest.raises(CommandError, match="--duration must be positive"):
        call_command("bench", "--duration", "0", stdout=StringIO())


# --- the whole chain from a shell, HTTP load included -------------------------------------------


@pytest.fixture
def scratch_database_url(tmp_path, django_db_blocker):
    """A database of its own for subprocesses, on the engine this test run uses."""
    if connection.vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'bench.sqlite3'}"
        return
    import psycopg

    settings = connection.settings_dict
    name = f"{settings['NAME']}_bench"[:63]
    params = {
        "host": settings.get("HOST") or "localhost",
        "port": settings.get("PORT") or 5432,
        "user": settings.get("USER") or None,
        "password": settings.get("PASSWORD") or None,
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    auth = params["user"] + (f":{params['password']}" if params["password"] else "") + "@"
    yield f"postgres://{auth if params['user'] else ''}{params['host']}:{params['port']}/{name}"
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_commands_from_a_shell_with_http_load(scratch_database_url):
    env = {**os.environ, "DATABASE_URL": scratch_database_url}

    def manage(*args: str) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    manage("migrate", "--noinput", "-v0")
    manage("generate_corpus", "--memos", "40")
    out = manage(
        "bench", "--format", "json", "--duration", "0.01", "--requests", "2", "--import-pages", "5",
        "--http-duration", "3", "--http-requests", "40", "--concurrency", "4",
    )  # fmt: skip
    report = json.loads(out)
    assert list(report["pages"]) == PAGE_NAMES
    assert set(report["import"]) >= IMPORT_KEYS
    assert set(report["http"]) >= HTTP_KEYS
    web = report["http"]
    assert web["workers"] == 2 and web["concurrency"] == 4
    assert 1 <= web["requests"] <= 40
    assert web["errors"] == 0 and web["statuses"] == {"200": web["requests"]}

"""Benchmarks of the current database: page times and queries, import throughput, HTTP under load."""

from __future__ import annotations

import contextlib
import http.client
import json
import math
import multiprocessing
import os
import platform
import re
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from html import escape
from pathlib import Path
from urllib.parse import urlencode

import lxml.html
from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.db import connection, connections
from django.db.models import Count, Max
from django.db.models.functions import ExtractYear
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .. import changes
from ..ingest.load import find_existing, vendor_entries
from ..ingest.mentions import find_mentions
from ..ingest.parse import parse_page
from ..ingest.parsed import ParseError
from ..ingest.pipeline import default_workers, import_pages, pool_size
from ..ingest.sources import MAX_BYTES, Page
from ..models import Author, ImportRecord, Memo, Mention, StoredPage, Topic, VendorCandidate
from ..site import snapshots
from ..tasks import refresh_snapshots

PAGES_DIR = Path(settings.BASE_DIR) / "fixtures" / "pages"
GUNICORN_CONF = Path(settings.BASE_DIR) / "gunicorn.conf.py"
# Terms of the synthetic corpus found in 34%, 13% and 18% of its memos (seed 1): broad searches.
SEARCH_TERMS = ["surveillance", "natural gas", "remittances"]

# Targets at 100,000 memos on either engine (issue 14): warm p95 and queries, and the p95 of the
# first request after a write; and a 100k p95 within RATIO_TARGET of the 10k one (`--compare`).
WARM_P95_MS, COLD_P95_MS, MAX_QUERIES, RATIO_TARGET = 100, 300, 12, 2.0
TARGETS = {
    name: (WARM_P95_MS, COLD_P95_MS, None if name == "memo" else MAX_QUERIES)
    for name in (
        "home", "list", "list_1_filter", "list_2_filters", "list_3_filters", "search", "facets", "memo",
        "country", "feed", "list_year", "analysis", "analysis_grouped",
    )
}  # fmt: skip
# The bench is one client sending thousands of requests: the API's throttle would refuse most.
UNTHROTTLED = "1000000/second"


@dataclass
class PageCase:
    name: str
    urls: list[str]  # requests rotate through these, so no one row is always hot


@dataclass
class Timings:
    samples_ms: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    errors: int = 0

    def summary(self) -> dict:
        return {
            "requests": len(self.samples_ms),
            "errors": self.errors,
            "p50_ms": percentile(self.samples_ms, 50),
            "p95_ms": percentile(self.samples_ms, 95),
            "p99_ms": percentile(self.samples_ms, 99),
        }


def percentile(samples: list[float], p: float) -> float | None:
    """Nearest-rank percentile: a value that was measured, never an interpolation."""
    if not samples:
        return None
    ordered = sorted(samples)
    return round(ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)], 2)


# --- what to request -----------------------------------------------------------------------------


def page_cases() -> list[PageCase]:
    """The pages the issue names, with filter values taken from the data: the busiest ones.

    The most-mentioned country, vendor and topic and the fullest year give the largest result
    sets and facet counts, so these are the slow cases, not the lucky ones.
    """
    published = Memo.objects.published()
    if not published.exists():
        raise ValueError("no published memos: run generate_corpus or import_memos first")
    counted = Mention.objects.filter(verdict__in=Mention.COUNTED)
    country = (
        counted.filter(country__isnull=False)
        .values_list("country_id")
        .annotate(n=Count("id"))
        .order_by("-n", "country_id")  # a tie goes to the first code, on every database
        .first()
    )
    vendor = (
        counted.filter(vendor__isnull=False)
        .values_list("vendor__slug")
        .annotate(n=Count("id"))
        .order_by("-n", "vendor__slug")
        .first()
    )
    topic = (
        Memo.topics.through.objects.values_list("topic__slug")
        .annotate(n=Count("id"))
        .order_by("-n", "topic__slug")
        .first()
    )
    year = (
        published.filter(published__isnull=False)
        .annotate(y=ExtractYear("published"))
        .values_list("y")
        .annotate(n=Count("id"))
        .order_by("-n", "y")
        .first()
    )
    chosen = {"country": country, "vendor": vendor, "topic": topic, "year": year}
    chosen = {name: row[0] for name, row in chosen.items() if row}
    filters = [(name, chosen[name]) for name in ("country", "topic", "year") if name in chosen]
    heavy = [(name, chosen[name]) for name in ("country", "vendor", "year") if name in chosen]

    def memo_list(params) -> str:
        return "/memos/" + (f"?{urlencode(params)}" if params else "")

    # A spread of memos over the whole archive, oldest to newest.
    ids = list(published.order_by("pk").values_list("pk", flat=True))
    step = max(1, len(ids) // 20)
    slugs = list(Memo.objects.filter(pk__in=ids[::step][:20]).values_list("slug", flat=True))
    return [
        PageCase("home", ["/"]),
        PageCase("list", ["/memos/"]),
        PageCase("list_1_filter", [memo_list(filters[:1])]),
        PageCase("list_2_filters", [memo_list(filters[:2])]),
        PageCase("list_3_filters", [memo_list(filters[:3])]),
        PageCase("search", [memo_list([("q", term)]) for term in SEARCH_TERMS]),
        PageCase("facets", [memo_list(heavy)]),
        PageCase("memo", [f"/memos/{slug}/" for slug in slugs]),
        PageCase("country", [f"/countries/{chosen.get('country', 'RU')}/"]),
        PageCase("feed", ["/feeds/memos.atom"]),
        PageCase("api_list", [f"/api/memos/?{urlencode(filters[:1])}"]),
        PageCase("api_memo", [f"/api/memos/{slug}/" for slug in slugs]),
        PageCase("oai_page", ["/oai/?verb=ListRecords&metadataPrefix=oai_dc"]),
        PageCase("export_csv", ["/memos/export/?" + urlencode([*filters[:3], ("format", "csv")])]),
        # Every list page has the year histogram and the map; with a year chosen, the histogram
        # counts the results as if it were not (one more query over all the other years).
        PageCase("list_year", [memo_list([("year", chosen["year"])] if "year" in chosen else [])]),
        PageCase("analysis", ["/analysis/"]),
        PageCase("analysis_grouped", ["/analysis/?group=vendor_country&from=2015-01-01"]),
    ]


def request_host() -> str:
    """A Host header the settings accept, so the requests are not turned away with a 400."""
    for host in settings.ALLOWED_HOSTS:
        if host not in ("*", "") and not host.startswith("."):
            return host
    return "localhost"


def check_static_files() -> None:
    """Pages cannot render with manifest storage until collectstatic has written the manifest."""
    manifest = getattr(staticfiles_storage, "manifest_name", None)
    if manifest and not Path(settings.STATIC_ROOT, manifest).exists():
        raise ValueError(
            "static files are not collected: run `manage.py collectstatic --noinput` first "
            "(or set COLLECTED_STATIC=0)"
        )


# --- server time, in process ------------------------------------------------------------------


def sample(client: Client, urls: list[str], duration: float, requests: int, before=None) -> Timings:
    """Request `urls` in turn for `duration` seconds (at most `requests` times), timing each."""
    timings = Timings()
    deadline = time.perf_counter() + duration
    n = 0
    while n < requests and (n == 0 or time.perf_counter() < deadline):
        url = urls[n % len(urls)]
        if before:
            before()
        started = time.perf_counter()
        try:
            response = read(client.get(url, secure=True))
            status = response.status_code
        except Exception:  # a page that raises is a result to report, not a reason to stop
            status = 500
        timings.samples_ms.append((time.perf_counter() - started) * 1000)
        timings.statuses[status] += 1
        timings.errors += status != 200
        n += 1
    return timings


def read(response):
    """The response, read to its end: a streamed one (an export) does its work as it is read."""
    if response.streaming:
        b"".join(response.streaming_content)
    return response


def measure_pages(cases: list[PageCase], duration: float, requests: int, warmup: int = 3) -> dict:
    """p50/p95 of each page through the whole Django stack, and its query count.

    Measured warm (what readers get while the data is unchanged: counts come from the cache,
    memos/caching.py) and cold: the first request after a write (a new data version before each
    request), before the refresh that write queued has run. The hot pages, and the pages readers
    computed before (each is read first here), then read the last refresh's figures
    (memos.site.snapshots), so one refresh runs once they have been read, as the worker does after
    every write; a page nobody read before the last refresh computes its own.
    """
    client = Client(HTTP_HOST=request_host())
    for case in cases:
        for url in case.urls:
            read(client.get(url, secure=True))
    snapshots.refresh()
    results = {}
    for case in cases:
        # The cold requests of the pages before changed the data: warm up again under this version.
        for url in case.urls:
            for _ in range(warmup):
                read(client.get(url, secure=True))
        queries = 0
        for url in case.urls:
            with CaptureQueriesContext(connection) as captured:
                read(client.get(url, secure=True))
            queries = max(queries, len(captured))
        timings = sample(client, case.urls, duration, requests)
        # Cold: before each request the data changes as after any write (a new data version), so
        # the request pays for whatever the archive does not keep current on write.
        cold = sample(client, case.urls, duration / 2, max(1, requests // 4), before=changes.touched)
        results[case.name] = {"url": case.urls[0], "queries": queries, **timings.summary()}
        results[case.name].update(cold_p50_ms=cold.summary()["p50_ms"], cold_p95_ms=cold.summary()["p95_ms"])
        target = TARGETS.get(case.name)
        if target:
            warm_p95, cold_p95, max_queries = target
            result = results[case.name]
            result.update(target_p95_ms=warm_p95, target_cold_p95_ms=cold_p95, target_queries=max_queries)
            result["meets_target"] = bool(
                result["p95_ms"] is not None
                and result["p95_ms"] <= warm_p95
                and result["cold_p95_ms"] is not None
                and result["cold_p95_ms"] <= cold_p95
                and (max_queries is None or queries <= max_queries)
                and not timings.errors
            )
    return results


# --- import throughput -------------------------------------------------------------------------

ENCODINGS = ("utf-8", "cp1251")
# How a page may spell a character other than a letter or digit: an HTML entity or a JSON escape.
ESCAPED = rb"&#?\w+;|\\u[0-9a-fA-F]{4}"


def vary(data: bytes, text: str, suffix: str) -> bytes | None:
    """`data` with `suffix` after each occurrence of `text`, however the page spells it.

    Pages wrap long titles over lines and write quotes and ampersands as entities, so `text`
    is matched word by word, with any run of spaces between words and any escape for a
    character that is not ASCII alphanumeric. None if the page does not contain `text`.
    """
    for encoding in ENCODINGS:
        try:
            parts = []
            for ch in text:
                if ch.isspace():
                    parts.append(rb"(?:\s|&nbsp;|&#160;)+")
                elif ch.isascii() and ch.isalnum():
                    parts.append(re.escape(ch.encode(encoding)))
                else:
                    parts.append(rb"(?:" + re.escape(ch.encode(encoding)) + rb"|" + ESCAPED + rb")")
            pattern = re.compile(b"".join(parts))
            tail = suffix.encode(encoding)
        except UnicodeEncodeError:
            continue
        varied, n = pattern.subn(lambda m, tail=tail: m.group() + tail, data)
        if n:
            return varied
    return None


def import_batch(size: int, token: str, pages_dir: Path = PAGES_DIR) -> list[Page]:
    """`size` pages from fixtures/pages, each copy with its own title, memo number and URL.

    Every copy must be a memo the archive does not have, or the import would update or skip
    it instead of creating it; copies that would match an existing memo are left out.
    """
    originals = []
    for path in sorted(p for p in pages_dir.iterdir() if p.is_file() and not p.name.startswith(".")):
        data = path.read_bytes()
        try:
            parsed = parse_page(data)
        except ParseError:
            continue
        originals.append((path.name, data, parsed))
    batch: list[Page] = []
    # Memo numbers have at most five digits; take free ones from the top, where archives are empty.
    taken = set(Memo.objects.filter(memo_number__isnull=False).values_list("memo_number", flat=True))
    free = (n for n in range(99_999, 0, -1) if n not in taken)
    for k in range(size * 2):
        if len(batch) == size or not originals:
            break
        name, data, parsed = originals[k % len(originals)]
        varied = vary(data, parsed.title, f" (bench {token} {k})")
        if varied is None:
            continue
        if parsed.memo_number is not None:
            number = str(next(free)).encode()
            varied = re.sub(rf"(?<!\d){parsed.memo_number}(?!\d)".encode(), number, varied)
        if parsed.source_url:
            varied = vary(varied, parsed.source_url, f"?bench={token}-{k}") or varied
        try:
            fresh = find_existing(parse_page(varied)) is None
        except ParseError:
            fresh = False
        if fresh:
            batch.append(Page(f"bench:{token}/{k}/{name}", data=varied))
    return batch


def measure_import(size: int, pages_dir: Path = PAGES_DIR, workers: int | None = None) -> dict:
    """Pages per second through the whole importer (parse, mentions, writes, search index),
    against the bare lxml parse of the same bytes. The created rows are deleted afterwards.

    `workers`: parsing processes, as `import_memos --workers` (default: that command's default);
    the report says how many the batch used.
    """
    workers = default_workers() if workers is None else workers
    token = secrets.token_hex(4)
    batch = import_batch(size, token, pages_dir)
    if not batch:
        return {"pages": 0, "error": f"no importable pages in {pages_dir}"}
    started = time.perf_counter()
    for page in batch:
        lxml.html.document_fromstring(page.data)
    lxml_seconds = time.perf_counter() - started

    started = time.perf_counter()
    for page in batch:
        parse_page(page.data)
    parse_seconds = time.perf_counter() - started

    # The matcher compiles its country and vendor regexes once per process (about a second);
    # that is start-up, not throughput, so it happens before the clock starts.
    started = time.perf_counter()
    find_mentions("", "", vendor_entries())
    warmup_seconds = time.perf_counter() - started

    authors_before = Author.objects.aggregate(top=Max("pk"))["top"] or 0
    topics_before = Topic.objects.aggregate(top=Max("pk"))["top"] or 0
    candidates_before = VendorCandidate.objects.aggregate(top=Max("pk"))["top"] or 0
    started = time.perf_counter()
    results = list(import_pages(batch, workers=workers))
    import_seconds = time.perf_counter() - started

    statuses = Counter(r.status for r in results)
    created = [r.memo_id for r in results if r.status == "created"]
    # Deleting a Memo cascades to its mentions and authorships and (a signal) its FTS5 row.
    Memo.objects.filter(pk__in=created).delete()
    records = ImportRecord.objects.filter(source__startswith=f"bench:{token}/")
    pages = set(records.exclude(page__isnull=True).values_list("page_id", flat=True))
    records.delete()
    # The stored copies of the bench's pages, unless another import stored the same bytes.
    StoredPage.objects.filter(pk__in=pages, import_records__isnull=True).delete()
    VendorCandidate.objects.filter(pk__gt=candidates_before, links__isnull=True).delete()
    Author.objects.filter(pk__gt=authors_before, authorships__isnull=True).delete()
    Topic.objects.filter(pk__gt=topics_before, memos__isnull=True).delete()
    n = len(batch)
    return {
        "pages": n,
        "workers": pool_size(n, workers),
        "created": statuses.get("created", 0),
        "failed": statuses.get("failed", 0),
        "seconds": round(import_seconds, 3),
        "warmup_seconds": round(warmup_seconds, 3),
        "pages_per_s": round(n / import_seconds, 1),
        "parse_seconds": round(parse_seconds, 3),
        "lxml_seconds": round(lxml_seconds, 4),
        "lxml_pages_per_s": round(n / lxml_seconds, 1),
        "ratio_to_lxml": round(import_seconds / lxml_seconds, 1),
        "ratio_to_parse": round(import_seconds / parse_seconds, 2),
    }


# --- HTTP under load ----------------------------------------------------------------------------


def database_url() -> str:
    """The current connection as a DATABASE_URL, for a server process to use the same database."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        name = str(db["NAME"])
        if name == ":memory:" or "mode=memory" in name:
            raise ValueError("an in-memory SQLite database cannot be shared with a server process")
        return f"sqlite:///{Path(name).resolve()}"
    if connection.vendor == "postgresql":
        auth = db.get("USER") or ""
        if db.get("PASSWORD"):
            auth += f":{db['PASSWORD']}"
        host = db.get("HOST") or "localhost"
        port = f":{db['PORT']}" if db.get("PORT") else ""
        return f"postgres://{auth}{'@' if auth else ''}{host}{port}/{db['NAME']}"
    raise ValueError(f"no DATABASE_URL form for {connection.vendor}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port: int, path: str, host: str, timeout: float = 30) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers={"Host": host, "Accept-Encoding": "gzip"})
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


class Server:
    """gunicorn with the project's configuration on a free loopback port, for the duration of a block."""

    def __init__(self, workers: int = 2):
        self.workers = workers
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self.log = b""

    def __enter__(self) -> Server:
        env = {
            **os.environ,
            "DATABASE_URL": database_url(),
            "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "memos.settings.dev"),
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "WEB_CONCURRENCY": str(self.workers),
            "GUNICORN_ACCESS_LOG": "off",
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "0",  # plain HTTP on loopback; TLS ends at the load balancer
            "API_THROTTLE_RATE": UNTHROTTLED,
        }
        # No control socket: it has one default path per user, which a running server owns.
        command = [sys.executable, "-m", "gunicorn", "-c", str(GUNICORN_CONF), "--no-control-socket"]
        self.process = subprocess.Popen(
            [*command, "memos.wsgi:application"],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.log = self.process.stderr.read()
                raise RuntimeError(f"gunicorn exited: {self.log.decode(errors='replace')[-2000:]}")
            try:
                if get(self.port, "/robots.txt", "127.0.0.1", timeout=5) < 500:
                    return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn did not answer within 60 s")

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)  # graceful: workers finish their request
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        if self.process and self.process.stderr:
            self.process.stderr.close()


def load(port: int, urls: list[str], duration: float, requests: int, concurrency: int, out) -> None:
    """The load generator, run in its own process: `concurrency` threads, bounded in count and time.

    Each thread sends one request at a time over a fresh connection (gunicorn's sync workers
    close after each response) and records the latency; a failed request counts as an error.
    """
    lock = threading.Lock()
    sent = 0
    samples: list[float] = []
    statuses: Counter = Counter()
    errors = 0
    started = time.perf_counter()
    deadline = started + duration

    def worker() -> None:
        nonlocal sent, errors
        while True:
            with lock:
                if sent >= requests or time.perf_counter() >= deadline:
                    return
                url = urls[sent % len(urls)]
                sent += 1
            t0 = time.perf_counter()
            try:
                status = get(port, url, "127.0.0.1")
            except (OSError, http.client.HTTPException):
                status = 0
            elapsed = (time.perf_counter() - t0) * 1000
            with lock:
                samples.append(elapsed)
                statuses[status] += 1
                errors += status != 200

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    out.send(
        {
            "requests": len(samples),
            "errors": errors,
            "statuses": {str(k): v for k, v in sorted(statuses.items())},
            "seconds": round(wall, 2),
            "requests_per_s": round(len(samples) / wall, 1) if wall else None,
            "p50_ms": percentile(samples, 50),
            "p95_ms": percentile(samples, 95),
            "p99_ms": percentile(samples, 99),
        }
    )
    out.close()


def measure_http(
    cases: list[PageCase], duration: float, requests: int, concurrency: int, workers: int = 2
) -> dict:
    """Throughput and latency of a mix of every page, from a separate process, against gunicorn."""
    urls = [url for case in cases for url in case.urls]
    with Server(workers) as server:
        # The load generator is its own process, so its threads do not share the GIL with
        # anything measured here; it inherits no open database connection.
        connections.close_all()
        context = multiprocessing.get_context("fork")
        receiver, sender = context.Pipe(duplex=False)
        child = context.Process(
            target=load, args=(server.port, urls, duration, requests, concurrency, sender), daemon=True
        )
        child.start()
        sender.close()
        result = receiver.recv() if receiver.poll(duration + 120) else None
        child.join(timeout=10)
        if child.is_alive():
            child.kill()
    if result is None:
        raise RuntimeError("the load generator did not report back")
    return {"workers": workers, "concurrency": concurrency, "urls": len(urls), **result}


# --- everything ----------------------------------------------------------------------------------


def machine() -> dict:
    """Where the figures come from, and a fixed calibration to compare machines by.

    The calibration times the same work everywhere: a pure-Python loop (the parser's and the
    views' kind of work) and a bare lxml parse of the seed page (C code, as the database's is).
    """
    model = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break

    def best_of(work, rounds: int = 5) -> float:
        times = []
        for _ in range(rounds):
            started = time.perf_counter()
            work()
            times.append(time.perf_counter() - started)
        return round(min(times) * 1000, 2)

    page = (PAGES_DIR / "000_0dc8eaca4fa1d520.txt").read_bytes()
    html = b"<html><body>" + page.replace(b"\n\n", b"<p>") + b"</body></html>"
    return {
        "cpu": model or platform.processor() or platform.machine(),
        "cores": os.cpu_count(),
        "load_before": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "calibration": {
            "python_loop_ms": best_of(lambda: sum(i * i % 7 for i in range(1_000_000))),
            "lxml_parse_ms": best_of(lambda: [lxml.html.fromstring(html) for _ in range(100)]),
        },
    }


def compare(report: dict, smaller: dict) -> None:
    """Add to each page the ratio of its p95 (warm and cold) to the same page in `smaller`."""
    for name, page in report["pages"].items():
        before = smaller.get("pages", {}).get(name)
        if not before:
            continue
        for key in ("p95_ms", "cold_p95_ms"):
            if page.get(key) and before.get(key):
                page[f"{key}_ratio"] = round(page[key] / before[key], 2)
        page["meets_ratio"] = page.get("p95_ms_ratio", 0) <= RATIO_TARGET
    report["compared_with"] = smaller["database"]


def database_summary() -> dict:
    return {
        "vendor": connection.vendor,
        "memos": Memo.objects.count(),
        "published": Memo.objects.published().count(),
        "mentions": Mention.objects.count(),
        "authors": Author.objects.count(),
        "topics": Topic.objects.count(),
    }


HUGE_MEMO_SLUG = "bench-a-memo-of-20-mb"
HUGE_MEMO_CHARS = MAX_BYTES  # the largest page import_memos reads


def huge_memo_case() -> PageCase:
    """A search for a common word with a memo at the import limit (20 MB of text) on its first page.

    The memo is added to the database once (the newest, published: first by date; its text is
    the seed memo's prose repeated, so "and" matches it all through).
    """
    if not Memo.objects.filter(slug=HUGE_MEMO_SLUG).exists():
        prose = (PAGES_DIR / "000_0dc8eaca4fa1d520.txt").read_text(encoding="utf-8")
        body = (prose * (HUGE_MEMO_CHARS // len(prose) + 1))[:HUGE_MEMO_CHARS]
        newest = Memo.objects.aggregate(newest=Max("published"))["newest"] or date.today()
        Memo.objects.create(
            title="A memo of 20 MB (bench)",
            slug=HUGE_MEMO_SLUG,
            published=newest,
            body_text=body,
            body_html="<p>" + escape(body[:1000]) + "</p>",
            summary=body[:300],
        )
    return PageCase("search_huge_memo", ["/memos/?q=and", "/memos/?q=and&sort=-published"])


def run_bench(
    *,
    duration: float = 5,
    requests: int = 200,
    import_size: int = 100,
    http_duration: float = 20,
    http_requests: int = 5000,
    concurrency: int = 8,
    workers: int = 2,
    import_workers: int | None = None,
    skip_http: bool = False,
    skip_import: bool = False,
    huge_memo: bool = False,
    progress=None,
) -> dict:
    """Every measurement, as one JSON-ready dict."""
    say = progress or (lambda message: None)
    check_static_files()
    cases = page_cases()
    if huge_memo:
        cases.append(huge_memo_case())
    report: dict = {"machine": machine(), "database": database_summary()}
    say("pages")
    started = timezone.now()
    unthrottled = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": UNTHROTTLED}}
    with override_settings(REST_FRAMEWORK=unthrottled):
        report["pages"] = measure_pages(cases, duration, requests)
    if not skip_import:
        say("import")
        report["import"] = measure_import(import_size, workers=import_workers)
    if not skip_http:
        say("http")
        report["http"] = measure_http(cases, http_duration, http_requests, concurrency, workers)
    # Each cold request and each imported batch queued a refresh for a worker; none runs here.
    DBTaskResult.objects.filter(
        task_path=refresh_snapshots.module_path, status=TaskResultStatus.READY, enqueued_at__gte=started
    ).delete()
    return report


def format_table(report: dict) -> str:
    """The report as text: one line per page, then import and HTTP figures."""
    db, box = report["database"], report.get("machine", {})
    lines = [
        f"Database: {db['vendor']}, {db['memos']:,} memos ({db['published']:,} published), "
        f"{db['mentions']:,} mentions, {db['authors']:,} authors, {db['topics']:,} topics",
    ]
    if box:
        calibration = box["calibration"]
        lines.append(
            f"Machine: {box['cpu']}, {box['cores']} cores, load {' '.join(map(str, box['load_before']))} "
            f"before the run, Python {box['python']}; calibration: Python loop "
            f"{calibration['python_loop_ms']} ms, lxml parse x100 {calibration['lxml_parse_ms']} ms"
        )
    smaller = report.get("compared_with")
    if smaller:
        lines.append(f"Ratios: p95 here / p95 at {smaller['memos']:,} memos ({smaller['vendor']})")
    lines += [
        "",
        f"{'page':<16}{'p50 ms':>9}{'p95 ms':>9}{'queries':>9}{'requests':>10}{'errors':>8}"
        f"{'cold p50':>10}{'cold p95':>10}{'ratio':>7}{'cold r.':>8}  target",
    ]
    for name, page in report["pages"].items():
        target = ""
        if "target_p95_ms" in page:
            limit = f", ≤{page['target_queries']} q" if page["target_queries"] is not None else ""
            target = (
                f"p95 ≤{page['target_p95_ms']}, cold ≤{page['target_cold_p95_ms']}{limit}: "
                f"{'met' if page['meets_target'] else 'MISSED'}"
            )
        ratio = f"{page['p95_ms_ratio']:.1f}x" if "p95_ms_ratio" in page else "-"
        cold_ratio = f"{page['cold_p95_ms_ratio']:.1f}x" if "cold_p95_ms_ratio" in page else "-"
        lines.append(
            f"{name:<16}{page['p50_ms'] or 0:>9.1f}{page['p95_ms'] or 0:>9.1f}{page['queries']:>9}"
            f"{page['requests']:>10}{page['errors']:>8}{page['cold_p50_ms'] or 0:>10.1f}"
            f"{page['cold_p95_ms'] or 0:>10.1f}{ratio:>7}{cold_ratio:>8}  {target}"
        )
    imp = report.get("import")
    if imp:
        lines.append("")
        if imp.get("pages"):
            lines.append(
                f"Import: {imp['pages']} pages ({imp['created']} created, {imp['failed']} failed, "
                f"{imp['workers']} parsing process(es)) in "
                f"{imp['seconds']:.2f} s = {imp['pages_per_s']:.1f} pages/s; bare lxml parse "
                f"{imp['lxml_seconds'] * 1000:.0f} ms = {imp['lxml_pages_per_s']:.0f} pages/s; "
                f"import / lxml = {imp['ratio_to_lxml']}x; import / our parser = {imp['ratio_to_parse']}x"
            )
        else:
            lines.append(f"Import: {imp.get('error')}")
    web = report.get("http")
    if web:
        lines.append("")
        lines.append(
            f"HTTP: gunicorn {web['workers']} workers, {web['concurrency']} concurrent clients, "
            f"{web['urls']} URLs: {web['requests']} requests in {web['seconds']} s = "
            f"{web['requests_per_s']} req/s; p50 {web['p50_ms']} ms, p95 {web['p95_ms']} ms, "
            f"p99 {web['p99_ms']} ms; errors {web['errors']} (statuses {json.dumps(web['statuses'])})"
        )
    return "\n".join(lines)

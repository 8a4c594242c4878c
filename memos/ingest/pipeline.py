"""The import pipeline, read -> parse -> extract -> load, shared by the command and the admin."""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

from django.db import DatabaseError, connections

from .. import changes
from ..models import ImportRecord
from .candidates import find_candidates
from .load import Lookups, load_memo, plan_memo
from .mentions import VendorEntry, find_mentions
from .parse import parse_page
from .parsed import ParsedMemo, ParseError, RawPage
from .sources import MAX_BYTES, Page, read

# Parsing is pure Python and CPU-bound, so it runs in worker processes while this one writes.
MAX_WORKERS = 8  # past this the single writer is the bottleneck, and memory grows per worker
POOL_MIN_PAGES = 8  # fewer pages than this parse faster here than the pool takes to start
CHUNK_PAGES = 4  # pages per task: fewer round trips to workers, yet results stream in order
AHEAD = 4  # tasks queued per worker: keeps workers busy without holding every page in memory
# Seconds of importing between two changes of the data version (memos.changes.in_batches): readers
# keep the cached counts meanwhile, which lag the import by at most this.
VERSION_EVERY = 2.0


# A load's status -> the action it took, as dry runs name it.
ACTIONS = {"created": "create", "updated": "update", "unchanged": "unchanged"}


@dataclass
class ImportResult:
    source: str
    status: str  # created, updated, unchanged, failed; "parsed" on a dry run
    error: str | None = None
    memo: ParsedMemo | None = None
    memo_id: int | None = None
    kept: list[str] = field(default_factory=list)
    action: str | None = None  # create, update or unchanged (what was done, or would be on a dry run)
    duplicate_of: str | None = None  # URL path of an existing memo that looks like the same one

    @property
    def ok(self) -> bool:
        return self.status != "failed"

    def as_json(self) -> dict:
        """The object `import_memos --format json` prints for this page."""
        m = self.memo
        return {
            "source": self.source,
            "status": "ok" if self.ok else "error",
            "error": self.error,
            "title": m.title if m else None,
            "authors": m.authors if m else [],
            "published": m.published.isoformat() if m and m.published else None,
            "memo_number": m.memo_number if m else None,
            "series": m.series if m else None,
            "pdf": m.pdf if m else None,
            "topics": m.topics if m else [],
            "category": m.category if m else None,
            "language": m.language if m else None,
            "countries": {k: h.count for k, h in m.mentions.countries.items()} if m and m.mentions else {},
            "vendors": {k: h.count for k, h in m.mentions.vendors.items()} if m and m.mentions else {},
            "word_count": m.word_count if m else 0,
            "action": self.action,
            "duplicate_of": self.duplicate_of,
            "warnings": m.warnings if m else [],
        }


def default_workers() -> int:
    """One parsing process per CPU this process may use, capped."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(cpus, MAX_WORKERS))


def pool_size(pages: int, workers: int) -> int:
    """How many parsing processes `import_pages` starts for this many pages; 1: none, it parses here.

    The pool forks (so workers start in milliseconds with the matcher already compiled); where
    fork does not exist, pages are parsed here.
    """
    if workers <= 1 or pages < POOL_MIN_PAGES or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return min(workers, pages)


def parse_source(page: Page, vendors) -> ParsedMemo:
    if page.error:
        raise ParseError(page.error)
    if page.data is not None and len(page.data) > MAX_BYTES:
        raise ParseError("page is larger than 20 MB")
    parsed = parse_page(page.data or b"", source_url=page.url)
    parsed.mentions = find_mentions(parsed.title, parsed.body_text, vendors)
    parsed.vendor_candidates = find_candidates(parsed.body_text, vendors)
    parsed.page = RawPage.of(page.data or b"", page.url)  # compressed here, in the worker
    return parsed


# What reading and parsing one page gives: its origin, then the memo or the reason it failed.
Outcome = tuple[str, ParsedMemo | None, str | None]


def origin(target: str | Page) -> str:
    return target.origin if isinstance(target, Page) else target


def parse_target(target: str | Page, vendors: Sequence[VendorEntry], stdin=None) -> Outcome:
    """Read and parse one page; never raises, so one bad page cannot stop the batch."""
    page = read(target, stdin=stdin)
    try:
        return page.origin, parse_source(page, vendors), None
    except ParseError as exc:
        return page.origin, None, str(exc)
    except Exception as exc:  # a parser bug must not stop the batch; report it plainly
        return page.origin, None, f"could not parse: {type(exc).__name__}: {exc}"


def parse_chunk(targets: list[str | Page], vendors: Sequence[VendorEntry]) -> list[Outcome]:
    """A worker's task: several pages, so that results travel back in fewer messages."""
    return [parse_target(target, vendors) for target in targets]


def parse_in_pool(
    targets: list[str | Page], vendors: Sequence[VendorEntry], workers: int
) -> Iterator[Outcome]:
    """Outcomes of `targets`, in their order, parsed by `workers` forked processes.

    A page whose parser raises fails alone (parse_target catches it in the worker). A page that
    kills its worker outright (a crash in a C extension, the OOM killer) breaks the pool: its
    chunk is parsed again one page per process, so only the page that kills again fails, and
    the pages queued behind it go to a new pool.
    """
    # Compiled once here, the country and vendor regexes are inherited by every worker.
    find_mentions("", "", vendors)
    context = multiprocessing.get_context("fork")
    chunks = deque(targets[i : i + CHUNK_PAGES] for i in range(0, len(targets), CHUNK_PAGES))
    pending: deque = deque()  # (chunk, future), in input order
    pool = None
    try:
        while chunks or pending:
            if pool is None:
                pool = new_pool(workers, context)
            while chunks and len(pending) < workers * AHEAD:
                chunk = chunks.popleft()
                pending.append((chunk, pool.submit(parse_chunk, chunk, vendors)))
            chunk, future = pending.popleft()
            try:
                outcomes = future.result()
            except BrokenProcessPool:
                pool.shutdown(wait=True, cancel_futures=True)
                pool = None
                chunks.extendleft(reversed([queued for queued, _ in pending]))
                pending.clear()
                yield from (parse_alone(target, vendors, context) for target in chunk)
                continue
            yield from outcomes
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def parse_alone(target: str | Page, vendors: Sequence[VendorEntry], context) -> Outcome:
    """One page in a process of its own: the way to tell which page of a chunk kills its worker."""
    with new_pool(1, context) as pool:
        try:
            return pool.submit(parse_chunk, [target], vendors).result()[0]
        except BrokenProcessPool:
            return origin(target), None, "could not parse: the parsing process died on this page"


def die_with_parent(parent: int) -> None:
    """Worker initializer: end this worker when the process that started it ends, however it ends.

    A worker waits on its task queue, which it holds open itself (it was forked with it), so
    it would wait forever for a parent killed outright. On Linux the kernel sends the worker
    SIGKILL when its parent dies (PR_SET_PDEATHSIG); elsewhere a thread watches the parent.
    """
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    else:
        threading.Thread(target=watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # it died before the line above took effect
        os._exit(1)


PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
PARENT_CHECK_SECONDS = 1.0


def watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def new_pool(workers: int, context) -> ProcessPoolExecutor:
    fork_safely()
    return ProcessPoolExecutor(
        workers, mp_context=context, initializer=die_with_parent, initargs=(os.getpid(),)
    )


def fork_safely() -> None:
    """Close database connections before workers fork, so no child holds a copy of one.

    Workers never touch the database, and psycopg and sqlite3 do not close a connection from a
    process that did not open it; but a clean fork is cheaper to trust. A connection inside a
    transaction (a test, a caller's atomic block) stays open: closing it would end the transaction.
    """
    for conn in connections.all(initialized_only=True):
        if not conn.in_atomic_block:
            conn.close()


def parsed_pages(
    targets: list, vendors: Sequence[VendorEntry], workers: int, stdin=None
) -> Iterator[Outcome]:
    if workers <= 1:
        for target in targets:
            yield parse_target(target, vendors, stdin=stdin)
        return
    # Standard input can only be read here; workers read files and fetch URLs themselves.
    targets = [read(target, stdin=stdin) if target == "-" else target for target in targets]
    yield from parse_in_pool(targets, vendors, workers)


def import_pages(
    targets: list,
    *,
    dry_run: bool = False,
    stdin=None,
    workers: int = 1,
    version_every: float = VERSION_EVERY,
) -> Iterator[ImportResult]:
    """Import every page, one result each, in the order of `targets`; one bad page never stops the rest.

    `targets` are what `sources.expand()` makes of PATH arguments, or `Page`s with bytes
    (uploads, benchmarks). Pages are parsed by `workers` processes (see `pool_size`) and written
    here, in order, one transaction per memo. The default, 1, parses here too: callers that own
    their process (import_memos, bench) ask for more; a web request (the admin's upload) forks
    nothing. Each memo is indexed for search as it is written; the data version changes once
    every `version_every` seconds and at the end.
    """
    return changes.in_batches(load_pages(targets, dry_run, stdin, workers), version_every)


def load_pages(targets: list, dry_run: bool, stdin, workers: int) -> Iterator[ImportResult]:
    lookups = Lookups()
    vendors = lookups.vendor_entries()
    for source, parsed, error in parsed_pages(targets, vendors, pool_size(len(targets), workers), stdin):
        if parsed is None:
            yield failure(source, error, dry_run)
            continue
        if dry_run:
            plan = plan_memo(parsed)
            yield ImportResult(
                source,
                "parsed",
                memo=parsed,
                memo_id=plan.memo.pk if plan.memo else None,
                action=plan.action,
                duplicate_of=plan.duplicate_path,
            )
            continue
        try:
            loaded = load_memo(parsed, source, lookups)
        except DatabaseError as exc:
            yield failure(source, f"could not save: {exc}", dry_run, memo=parsed)
            continue
        yield ImportResult(
            source,
            loaded.status,
            memo=parsed,
            memo_id=loaded.memo.pk,
            kept=loaded.kept,
            action=ACTIONS[loaded.status],
            duplicate_of=loaded.duplicate_of,
        )


def failure(source: str, error: str, dry_run: bool, memo: ParsedMemo | None = None) -> ImportResult:
    if not dry_run:
        ImportRecord.objects.create(source=source[:1000], status="failed", detail=error)
    return ImportResult(source, "failed", error, memo=memo)

"""Cached reads (facet counts, related memos) that every write to the archive invalidates.

Counting the countries of 100,000 memos takes a quarter of a second however good the plan,
and the answer only changes when the data does. So read results are cached under a token
that changes with every write: `DataVersion`, one row in the database, updated in the same
transaction as the data. Every worker and app server sees a new token exactly when it sees
the new rows, so a per-process cache (Django's default local-memory cache) is never stale,
and a shared one (CACHES in settings) only saves the first computation on each process.
Tokens are random, never counters: a rolled-back write cannot bring an old token back.

Writes reach `new_version()` through memos.changes only, the one place write side effects live.

A new version leaves every cached figure unreachable, and the first reader after a write would pay
for counting 100,000 memos again. So the pages readers reach first (memos.site.snapshots) keep a
`Snapshot`: a job started by each write computes what they read under the new version, and until it
has, readers of those pages get the figures of the last refresh; counts lag the data by that long.
The refresh also keeps snapshots of the pages readers computed most recently (`note_read`): a
combination of filters or a search someone read is then as quick after the next write as a hot page.
Any other page is computed by its first reader.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import uuid
from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import DatabaseError, connection
from django.db.models import Case, QuerySet, Value, When
from django.db.models.functions import Coalesce, Now
from django.db.models.query import RawQuerySet
from django.utils import timezone

from .models import DataVersion, PageRead, Snapshot

TIMEOUT = 60 * 60  # a backstop only: a new token makes old entries unreachable at once
CONTENT_TIMEOUT = 24 * 60 * 60  # entries keyed by their content are never stale; this only bounds them
T = TypeVar("T")

# The token read once per request (TokenMiddleware), and the snapshot of the page requested, read at
# the first figure it does not find in the cache; None outside requests, where every call reads it.
_request_token: ContextVar[dict | None] = ContextVar("request_token", default=None)
# While a page is rendered for its snapshot (`snapshot_of`): every figure it reads, computed afresh.
_recording: ContextVar[dict | None] = ContextVar("recording", default=None)
_MISSING = object()


def token() -> str | None:
    """The current data version, or None if the database has none (then nothing is cached)."""
    memo = _request_token.get()
    if memo is not None and "token" in memo:
        return memo["token"]
    row = DataVersion.objects.values_list("token", "snapshot_pages", "stale_since").filter(pk=1).first()
    value, pages, stale_since = row or (None, [], None)
    if memo is not None:
        memo["token"] = value
        memo["has_snapshot"] = memo.get("page") in pages and not overdue(stale_since)
    return value


def overdue(stale_since) -> bool:
    """Whether the snapshots have been behind the data for longer than a refresh should take.

    Then no worker is refreshing them (none runs, or it is stuck), and readers compute the figures
    themselves rather than read old ones indefinitely.
    """
    if stale_since is None:
        return False
    return (timezone.now() - stale_since).total_seconds() > settings.SNAPSHOT_MAX_LAG


def new_version() -> str:
    """Give the data a new version (memos.changes calls it after every write public pages read)."""
    new = uuid.uuid4().hex
    if not DataVersion.objects.filter(pk=1).update(token=new, stale_since=Coalesce("stale_since", Now())):
        DataVersion.objects.update_or_create(pk=1, defaults={"token": new})
    memo = _request_token.get()
    if memo is not None:
        memo.pop("token", None)
    return new


def cached(key: str | None, compute: Callable[[], T], snapshot: bool = True) -> T:
    """compute(), kept under `key` until the data changes (not kept if `key` is None).

    Not yet computed under this version: the figure of the requested page's snapshot, if it has one.
    `snapshot=False` for what must follow the data at once, such as the memos a search finds: never
    kept in a snapshot, computed by the first reader after a write.
    """
    current = token() if key is not None else None
    if current is None:
        return compute()
    full_key = f"memos:{current}:{key}"
    recording = _recording.get()
    if recording is not None:
        value = compute()
        if snapshot:
            recording[key] = value
        cache.set(full_key, value, TIMEOUT)
        return value
    value = cache.get(full_key, _MISSING)
    if value is not _MISSING:
        return value
    found = page_snapshot() if snapshot else None
    if found is not None and key in found["values"]:
        value = found["values"][key]
        if found["token"] == current:  # computed under this version: as good as computing it
            cache.set(full_key, value, TIMEOUT)
        return value
    memo = _request_token.get()
    if memo is not None:
        memo["computed"] = True
    value = compute()
    cache.set(full_key, value, TIMEOUT)
    return value


def page_snapshot() -> dict | None:
    """The snapshot of the page this request asked for, read once per request; None if it has none."""
    memo = _request_token.get()
    if memo is None or not memo.get("has_snapshot"):
        return None
    if "snapshot" not in memo:
        row = Snapshot.objects.filter(page=memo["page"]).values("token", "values").first()
        memo["snapshot"] = {"token": row["token"], "values": pickle.loads(row["values"])} if row else None
    return memo["snapshot"]


def keep_snapshots_of(pages: list[str], computed_at: str, started) -> None:
    """These pages, and no others, have snapshots now: readers of the others compute their figures.

    They hold the data as of version `computed_at`, which the refresh began at `started`: current,
    unless a write came meanwhile, in which case they are behind it since then.
    """
    Snapshot.objects.exclude(page__in=pages).delete()
    DataVersion.objects.filter(pk=1).update(
        snapshot_pages=pages,
        stale_since=Case(When(token=computed_at, then=Value(None)), default=Value(started)),
    )


def snapshot_of(page: str, render: Callable[[], object]) -> dict:
    """render() the page with every figure it reads computed afresh, and keep them as its snapshot.

    Only the refresh job (memos.site.snapshots) calls it; the figures are those of the data
    version current when it started, which the snapshot records.
    """
    current = token()
    recorded: dict = {}
    reset = _recording.set(recorded)
    try:
        render()
    finally:
        _recording.reset(reset)
    Snapshot.objects.update_or_create(
        page=page,
        defaults={"token": current or "", "values": pickle.dumps(recorded, pickle.HIGHEST_PROTOCOL)},
    )
    return recorded


def by_content(kind: str, content, compute: Callable[[], T]) -> T:
    """compute(), kept under a digest of `content` (JSON-ready), the whole of what it depends on.

    For results no other write can change, such as a memo's citations rendered from its own
    fields: a new data version leaves them cached, and a changed memo has a new digest.
    """
    digest = hashlib.sha256(json.dumps(content, sort_keys=True, default=str).encode()).hexdigest()
    return cache.get_or_set(f"memos:{kind}:{digest}", compute, CONTENT_TIMEOUT)


def query_key(queryset: QuerySet | RawQuerySet, prefix: str = "rows") -> str | None:
    """A key for what a query returns: a digest of its SQL and parameters.

    None for a query Django knows to be empty without asking the database (it has no SQL).
    """
    if isinstance(queryset, RawQuerySet):
        sql, params = queryset.raw_query, queryset.params
    else:
        try:
            sql, params = queryset.query.sql_with_params()
        except EmptyResultSet:
            return None
    return f"{prefix}:{hashlib.sha256(repr((sql, params)).encode()).hexdigest()}"


def rows(queryset: QuerySet | RawQuerySet, snapshot: bool = True) -> list:
    """The rows of a read-only query, cached until the data changes (`snapshot`: see cached())."""
    return cached(query_key(queryset), lambda: list(queryset), snapshot)


# How long a reader may wait to note the page it read: a hint is never worth a slow page.
NOTE_WAIT_MS = 100


@contextmanager
def brief_wait():
    """On SQLite, wait at most NOTE_WAIT_MS for another connection's write lock (the connection's
    busy timeout is meant for writers that must not fail). PostgreSQL writers of other rows never
    wait for each other."""
    if connection.vendor != "sqlite":
        yield
        return
    usual = int(connection.settings_dict["OPTIONS"].get("timeout", 5) * 1000)
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA busy_timeout = {NOTE_WAIT_MS}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA busy_timeout = {usual}")


def note_read(page: str) -> None:
    """Remember that a reader computed the figures of `page` (PageRead), for the refresh job.

    One statement, skipped when the database is busy with another write, and never inside a
    transaction, which a failed statement would break (requests run outside one; tests, inside).
    """
    if connection.in_atomic_block or len(page) > PageRead._meta.get_field("page").max_length:
        return
    try:
        with brief_wait():
            PageRead.objects.bulk_create(
                [PageRead(page=page, read_at=timezone.now())],
                update_conflicts=True,
                unique_fields=["page"],
                update_fields=["read_at"],
            )
    except DatabaseError:
        pass


class TokenMiddleware:
    """Reads the data version at most once per request, however many cached reads it makes."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        memo = {"page": request.get_full_path()} if request.method == "GET" else {}
        reset = _request_token.set(memo)
        try:
            response = self.get_response(request)
        finally:
            _request_token.reset(reset)
        if memo.get("computed") and response.status_code == 200:
            note_read(memo["page"])
        return response

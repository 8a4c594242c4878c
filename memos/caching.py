"""Cached reads (facet counts, related memos) that every write to the archive invalidates.

Counting the countries of 100,000 memos takes a quarter of a second however good the plan,
and the answer only changes when the data does. So read results are cached under a token
that changes with every write: `DataVersion`, one row in the database, updated in the same
transaction as the data. Every worker and app server sees a new token exactly when it sees
the new rows, so a per-process cache (Django's default local-memory cache) is never stale,
and a shared one (CACHES in settings) only saves the first computation on each process.
Tokens are random, never counters: a rolled-back write cannot bring an old token back.

Writes reach `new_version()` through memos.changes only, the one place write side effects live.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable
from contextvars import ContextVar
from typing import TypeVar

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db.models import QuerySet
from django.db.models.query import RawQuerySet

from .models import DataVersion

TIMEOUT = 60 * 60  # a backstop only: a new token makes old entries unreachable at once
CONTENT_TIMEOUT = 24 * 60 * 60  # entries keyed by their content are never stale; this only bounds them
T = TypeVar("T")

# The token read once per request (TokenMiddleware); None outside requests, where every call reads it.
_request_token: ContextVar[dict | None] = ContextVar("request_token", default=None)


def token() -> str | None:
    """The current data version, or None if the database has none (then nothing is cached)."""
    memo = _request_token.get()
    if memo is not None and "token" in memo:
        return memo["token"]
    value = DataVersion.objects.values_list("token", flat=True).filter(pk=1).first()
    if memo is not None:
        memo["token"] = value
    return value


def new_version() -> None:
    """Give the data a new version (memos.changes calls it after every write public pages read)."""
    new = uuid.uuid4().hex
    if not DataVersion.objects.filter(pk=1).update(token=new):
        DataVersion.objects.update_or_create(pk=1, defaults={"token": new})
    memo = _request_token.get()
    if memo is not None:
        memo.pop("token", None)


def cached(key: str | None, compute: Callable[[], T]) -> T:
    """compute(), kept under `key` until the data changes (not kept if `key` is None)."""
    current = token() if key is not None else None
    if current is None:
        return compute()
    return cache.get_or_set(f"memos:{current}:{key}", compute, TIMEOUT)


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


def rows(queryset: QuerySet | RawQuerySet) -> list:
    """The rows of a read-only query, cached until the data changes."""
    return cached(query_key(queryset), lambda: list(queryset))


class TokenMiddleware:
    """Reads the data version at most once per request, however many cached reads it makes."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        reset = _request_token.set({})
        try:
            return self.get_response(request)
        finally:
            _request_token.reset(reset)

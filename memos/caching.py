"""Cached reads (facet counts, related memos) that every write to the archive invalidates.

Counting the countries of 100,000 memos takes a quarter of a second however good the plan,
and the answer only changes when the data does. So read results are cached under a token
that changes with every write: `DataVersion`, one row in the database, updated in the same
transaction as the data. Every worker and app server sees a new token exactly when it sees
the new rows, so a per-process cache (Django's default local-memory cache) is never stale,
and a shared one (CACHES in settings) only saves the first computation on each process.
Tokens are random, never counters: a rolled-back write cannot bring an old token back.

Writes change the token through `changed()`: model signals cover saves and deletes through
the ORM (the admin, the importer's `Memo.save()`); code that writes in bulk (`update()`,
`bulk_create`, raw SQL) calls `changed()` itself.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db.models import QuerySet
from django.db.models.query import RawQuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save

from .models import Author, Authorship, Country, DataVersion, Memo, Mention, Topic, Vendor

TIMEOUT = 60 * 60  # a backstop only: a new token makes old entries unreachable at once
T = TypeVar("T")

# The token read once per request (TokenMiddleware); None outside requests, where every call reads it.
_request_token: ContextVar[dict | None] = ContextVar("request_token", default=None)
# Inside one_change(): the signals leave the token alone, the block changes it once at its end.
_batched: ContextVar[bool] = ContextVar("batched", default=False)


def token() -> str | None:
    """The current data version, or None if the database has none (then nothing is cached)."""
    memo = _request_token.get()
    if memo is not None and "token" in memo:
        return memo["token"]
    value = DataVersion.objects.values_list("token", flat=True).filter(pk=1).first()
    if memo is not None:
        memo["token"] = value
    return value


def changed() -> None:
    """Give the data a new version: call after any write the public pages read."""
    new = uuid.uuid4().hex
    if not DataVersion.objects.filter(pk=1).update(token=new):
        DataVersion.objects.update_or_create(pk=1, defaults={"token": new})
    memo = _request_token.get()
    if memo is not None:
        memo.pop("token", None)


@contextmanager
def one_change() -> Iterator[None]:
    """Writes inside this block change the token once, when it ends without an exception.

    For transactions that write many rows: updating the token takes its row lock until the
    commit, so doing it last keeps concurrent importers from queuing behind each other. A
    block that raises changes nothing: it is meant to run inside the transaction it rolls back.
    """
    reset = _batched.set(True)
    try:
        yield
    finally:
        _batched.reset(reset)
    changed()


def cached(key: str | None, compute: Callable[[], T]) -> T:
    """compute(), kept under `key` until the data changes (not kept if `key` is None)."""
    current = token() if key is not None else None
    if current is None:
        return compute()
    return cache.get_or_set(f"memos:{current}:{key}", compute, TIMEOUT)


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


def _on_write(sender, **kwargs):
    if _batched.get() or kwargs.get("raw"):  # raw: loaddata writing fixtures as they are
        return
    if kwargs.get("action", "post_").startswith("post_"):  # m2m_changed: after the change only
        changed()


def connect_signals() -> None:
    for model in (Memo, Mention, Authorship, Author, Topic, Country, Vendor):
        post_save.connect(_on_write, sender=model, dispatch_uid=f"memos.caching.save.{model.__name__}")
        post_delete.connect(_on_write, sender=model, dispatch_uid=f"memos.caching.delete.{model.__name__}")
    m2m_changed.connect(_on_write, sender=Memo.topics.through, dispatch_uid="memos.caching.topics")

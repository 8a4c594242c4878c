"""Full-text search: one interface over a PostgreSQL and an SQLite (FTS5) implementation."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from itertools import islice

from django.db import connection
from django.db.models import FloatField, Lookup, QuerySet, Value

from .. import changes
from ..models import Memo
from .documents import INDEXED_BODY_CHARS
from .postgresql import RANK_LEAD_CHARS, pg_index, pg_search, pg_snippets
from .query import SNIPPET_CHARS, highlight, parse_query
from .sqlite import FTS_TABLE, sqlite_index, sqlite_search, sqlite_snippets

__all__ = [
    "INDEXED_BODY_CHARS", "RANK_LEAD_CHARS", "SNIPPET_CHARS", "add_snippets", "highlight", "index_memos",
    "rebuild_index", "search_memos",
]  # fmt: skip

BATCH_SIZE = 500


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def index_memos(memo_ids: Iterable[int]) -> None:
    """Bring the search index up to date for these memos; only memos.changes calls it, after writes.

    A few queries per batch of BATCH_SIZE memos, whatever their number of authors or mentions.
    An id whose memo no longer exists leaves the index.
    """
    ids = iter(memo_ids)
    index = pg_index if is_postgresql() else sqlite_index
    while batch := list(islice(ids, BATCH_SIZE)):
        index(batch)


def search_memos(queryset: QuerySet, q: str) -> QuerySet:
    """The rows of `queryset` matching `q` (websearch syntax), annotated with `rank`.

    Higher ranks are better; no ordering is applied. A query without a searchable term
    gives an empty queryset (still with `rank`, so ordering by it works).
    """
    clauses = parse_query(q)
    if not clauses:
        return queryset.none().annotate(rank=Value(0.0, output_field=FloatField()))
    search = pg_search if is_postgresql() else sqlite_search
    return search(queryset, clauses)


class Among(Lookup):
    """`pk__among=ids`: the memos with these ids, sent as one parameter however many there are.

    The ids of a search's matches (a third of the archive for a broad term) stand in for the
    search in the queries that count them, so the database matches the query once per page.
    `pk__in` would send one parameter per id, beyond SQLite's limit of 32,766; an array is
    also a constant PostgreSQL can hash.
    """

    lookup_name = "among"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        ids = [int(pk) for pk in self.rhs]
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s)", [*lhs_params, ids]
        return f"{lhs} IN (SELECT value FROM json_each(%s))", [*lhs_params, json.dumps(ids)]


Memo._meta.pk.register_lookup(Among)


def add_snippets(memos: list, q: str) -> None:
    """Set `memo.snippet` on these rows: safe HTML from the body, matches in <mark>.

    One query for the whole list; meant for the rows of one page. A memo that does not match
    (or a query without searchable terms) gets an empty snippet.
    """
    clauses = parse_query(q)
    found: dict[int, str] = {}
    ids = [memo.pk for memo in memos]
    if clauses and ids:
        snippets = pg_snippets if is_postgresql() else sqlite_snippets
        found = snippets(ids, clauses)
    for memo in memos:
        memo.snippet = highlight(found.get(memo.pk) or "")


def rebuild_index(batch_size: int = BATCH_SIZE, progress: Callable[[int], None] | None = None) -> int:
    """Index every memo, a batch at a time, and drop entries of memos that are gone.

    The index stays usable meanwhile: each batch replaces its own memos' entries.
    Returns the number of memos indexed; `progress` hears the running total after each batch.
    """
    done, last = 0, 0
    while batch := list(
        Memo.objects.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[:batch_size]
    ):
        changes.touched(batch)
        done, last = done + len(batch), batch[-1]
        if progress:
            progress(done)
    if not is_postgresql():
        # Entries of memos deleted in raw SQL (a deleted memo's own entry goes with it: changes.py).
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {FTS_TABLE} WHERE rowid NOT IN (SELECT id FROM {Memo._meta.db_table})"
            )
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")
    return done

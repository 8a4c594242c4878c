"""SQLite search: an FTS5 table joined to memos on rowid, ranked with bm25()."""

from __future__ import annotations

from django.db import connection, transaction
from django.db.models import F, FloatField, Func, Lookup, QuerySet, TextField, Value

from ..models import Memo, MemoFullText, MemoText
from .documents import INDEXED_BODY_CHARS, names_sql
from .query import SNIPPET_WORDS, START, STOP, Term, fts5_query

# SQLite: the FTS5 table (created by migration 0003, which also explains its tokenizer).
FTS_TABLE = MemoFullText._meta.db_table
# bm25() weights of its columns title, names, body: PostgreSQL's A, B, C. ts_rank weighs
# them 1.0, 0.4, 0.2; bm25 saturates with repeated hits, so the title gets more than 5x the
# body here, or a body repeating a word would outrank a memo with that word in its title.
BM25_WEIGHTS = (10.0, 4.0, 1.0)
FTS_BODY_COLUMN = 2  # snippets come from the body, as ts_headline's do on PostgreSQL


class Match(Lookup):
    """`fts_table MATCH query`, on the hidden column named after the table."""

    lookup_name = "match"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} MATCH {rhs}", [*lhs_params, *rhs_params]


MemoFullText._meta.get_field("table").register_lookup(Match)


def sqlite_index(ids: list[int]) -> None:
    """Replace these memos' rows in the FTS5 table: one DELETE, one INSERT ... SELECT."""
    names, names_params = names_sql(lambda column: f"group_concat({column}, ' ')")
    marks = ", ".join(["%s"] * len(ids))
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({marks})", ids)
        cursor.execute(
            f"INSERT INTO {FTS_TABLE} (rowid, title, names, body) "
            f"SELECT m.id, m.title, {names}, substr(t.body_text, 1, %s) FROM {Memo._meta.db_table} AS m "
            f"LEFT JOIN {MemoText._meta.db_table} AS t ON t.memo_id = m.id WHERE m.id IN ({marks})",
            [*names_params, INDEXED_BODY_CHARS, *ids],
        )


def sqlite_search(queryset: QuerySet, clauses: list[list[Term]]) -> QuerySet:
    # An INNER JOIN with MATCH puts the FTS5 table in the outer loop, where bm25() works out
    # each term's document frequency once per query; in a correlated subquery it would
    # redo that for every row.
    rank = Func(
        F("full_text__table"),
        *(Value(weight) for weight in BM25_WEIGHTS),
        function="bm25",
        template="-%(function)s(%(expressions)s)",  # bm25 is lower for better matches
        output_field=FloatField(),
    )
    return queryset.filter(full_text__table__match=fts5_query(clauses)).annotate(rank=rank)


def sqlite_snippets(ids: list[int], clauses: list[list[Term]]) -> dict[int, str]:
    snippet = Func(
        F("table"),
        Value(FTS_BODY_COLUMN),
        Value(START),
        Value(STOP),
        Value("…"),
        Value(SNIPPET_WORDS),
        function="snippet",
        output_field=TextField(),
    )
    rows = MemoFullText.objects.filter(table__match=fts5_query(clauses), memo_id__in=ids)
    return dict(rows.annotate(snippet=snippet).values_list("memo_id", "snippet"))

"""Full-text search: one interface, a PostgreSQL and an SQLite (FTS5) implementation."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import islice

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection, transaction
from django.db.models import Case, F, FloatField, Func, Lookup, Q, QuerySet, TextField, Value, When
from django.db.models.functions import Left
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from . import caching
from .models import Author, Authorship, Country, Memo, MemoFullText, Mention, Topic, Vendor

BATCH_SIZE = 500

# PostgreSQL text search configuration per Memo.language; every other language is English.
LANGUAGE_CONFIGS = {"ru": "russian"}
DEFAULT_CONFIG = "english"

# SQLite: the FTS5 table (created by migration 0003, which also explains its tokenizer).
FTS_TABLE = MemoFullText._meta.db_table
# bm25() weights of its columns title, names, body: PostgreSQL's A, B, C. ts_rank weighs
# them 1.0, 0.4, 0.2; bm25 saturates with repeated hits, so the title gets more than 5x the
# body here, or a body repeating a word would outrank a memo with that word in its title.
BM25_WEIGHTS = (10.0, 4.0, 1.0)
FTS_BODY_COLUMN = 2  # snippets come from the body, as ts_headline's do on PostgreSQL

# Markers the databases put around matches, replaced by <mark> once the text is escaped.
# Control characters, which memo text has no use for; highlight() keeps the marks balanced
# even if a body did contain one.
START, STOP = "\x02", "\x03"
SNIPPET_WORDS = 30

# PostgreSQL ranks on a vector of the title (A), the names (B) and the body's first
# RANK_LEAD_CHARS characters (C): about 1 KB, kept in the row. Ranking the whole-body vector
# (7 KB, compressed out of line) read and unpacked it for every match of a broad term, a third
# of the archive (205 ms at 100,000 memos). Matching still uses the whole body; a memo found
# only deeper in its body ranks below those with the term up front, newest first among equals.
RANK_LEAD_CHARS = 600
# ts_headline parses all the text it is given: snippets look in the body's first
# SNIPPET_CHARS characters. A memo averages 12,000; the first 4,000 saved 16 ms a page at 100k
# memos but left most results of a relevance-sorted broad search without a highlighted match
# (3 of 20), so the bound is for the rare very long body only.
SNIPPET_CHARS = 20_000


# --- Reading the query ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    text: str  # a word or a phrase, as typed, without quotes
    exclude: bool = False


TOKEN = re.compile(r'(?P<minus>-*)(?:"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+))')


def parse_query(q: str) -> list[list[Term]]:
    """websearch syntax -> clauses joined by OR, each a list of terms that must all hold.

    Grouping follows PostgreSQL's websearch_to_tsquery: `a b or c -d` is (a AND b) OR
    (c AND NOT d). Terms without a letter or digit are dropped, and so is a clause of nothing
    but exclusions (FTS5 cannot say "everything except"), so that both databases read a query
    the same way: each gets its own rendering of these clauses, never the raw input.
    """
    clauses: list[list[Term]] = []
    current: list[Term] = []
    for match in TOKEN.finditer(q or ""):
        minus, phrase, word = match.group("minus", "phrase", "word")
        text = phrase if phrase is not None else word
        if phrase is None and not minus and word.casefold() == "or":
            if current:
                clauses.append(current)
                current = []
            continue
        if any(ch.isalnum() for ch in text):
            current.append(Term(" ".join(text.split()), exclude=bool(minus)))
    if current:
        clauses.append(current)
    return [clause for clause in clauses if any(not term.exclude for term in clause)]


def websearch_text(clauses: list[list[Term]]) -> str:
    """The clauses as PostgreSQL websearch text; quoting keeps `or` and `-` inside a term literal."""
    return " or ".join(
        " ".join(f'{"-" if term.exclude else ""}"{term.text}"' for term in clause) for clause in clauses
    )


def fts5_string(text: str) -> str:
    # Inside an FTS5 string every character goes to the tokenizer, so no input is syntax.
    return '"' + text.replace('"', '""') + '"'


def fts5_query(clauses: list[list[Term]]) -> str:
    """The clauses as an FTS5 MATCH expression: ("a" AND "b c") NOT ("d") OR ("e")."""
    rendered = []
    for clause in clauses:
        expr = "(" + " AND ".join(fts5_string(t.text) for t in clause if not t.exclude) + ")"
        excluded = [fts5_string(t.text) for t in clause if t.exclude]
        if excluded:
            expr = f"({expr} NOT ({' OR '.join(excluded)}))"
        rendered.append(expr)
    return " OR ".join(rendered)


# --- The interface -------------------------------------------------------------------------------


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def index_memos(memo_ids: Iterable[int]) -> None:
    """Bring the search index up to date for these memos (after import or an admin edit).

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


def highlight(marked: str) -> SafeString:
    """Escape everything, then turn the database's markers into balanced <mark> tags."""
    html, open_ = [], False
    # Paragraph breaks inside a snippet read as one line on a results page.
    for part in re.split(f"([{START}{STOP}])", " ".join(marked.split())):
        if part == START:
            if not open_:
                html.append("<mark>")
                open_ = True
        elif part == STOP:
            if open_:
                html.append("</mark>")
                open_ = False
        else:
            html.append(escape(part))
    if open_:
        html.append("</mark>")
    return mark_safe("".join(html))


def rebuild_index(batch_size: int = BATCH_SIZE, progress: Callable[[int], None] | None = None) -> int:
    """Index every memo, a batch at a time, and drop entries of memos that are gone.

    The index stays usable meanwhile: each batch replaces its own memos' entries.
    Returns the number of memos indexed; `progress` hears the running total after each batch.
    """
    done, last = 0, 0
    while batch := list(
        Memo.objects.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[:batch_size]
    ):
        index_memos(batch)
        done, last = done + len(batch), batch[-1]
        if progress:
            progress(done)
    if not is_postgresql():
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {FTS_TABLE} WHERE rowid NOT IN (SELECT id FROM {Memo._meta.db_table})"
            )
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")
    caching.changed()  # searches' facets count what the index matches
    return done


@receiver(post_delete, sender=Memo, dispatch_uid="memos.search.forget_deleted_memo")
def forget_deleted_memo(sender, instance, **kwargs):
    """A deleted memo leaves the FTS5 table (on PostgreSQL its vector went with its row).

    A signal rather than an SQLite trigger: Django rebuilds a table on SQLite for many
    field changes, and that silently drops its triggers. Deletes in raw SQL bypass this,
    but searches join memos_memo, so a leftover entry is never found, and
    rebuild_search_index removes it.
    """
    if not is_postgresql():
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [instance.pk])


# --- What each memo is searched by ---------------------------------------------------------------


def names_sql(aggregate: Callable[[str], str]) -> tuple[str, list]:
    """SQL for a memo's names (authors, topics, countries and vendors it mentions) as one text.

    `aggregate` joins a column's values with spaces in the database's dialect; memos are `m`.
    Rejected mentions are left out: an editor said the memo is not about them.
    """
    verdicts = ", ".join(["%s"] * len(Mention.COUNTED))
    parts = [
        f"SELECT {aggregate('a.name')} FROM {Authorship._meta.db_table} AS s "
        f"JOIN {Author._meta.db_table} AS a ON a.id = s.author_id WHERE s.memo_id = m.id",
        f"SELECT {aggregate('t.name')} FROM {Memo.topics.through._meta.db_table} AS mt "
        f"JOIN {Topic._meta.db_table} AS t ON t.id = mt.topic_id WHERE mt.memo_id = m.id",
        f"SELECT {aggregate('COALESCE(c.name, v.name)')} FROM {Mention._meta.db_table} AS x "
        f"LEFT JOIN {Country._meta.db_table} AS c ON c.code = x.country_id "
        f"LEFT JOIN {Vendor._meta.db_table} AS v ON v.id = x.vendor_id "
        f"WHERE x.memo_id = m.id AND x.verdict IN ({verdicts})",
    ]
    sql = " || ' ' || ".join(f"COALESCE(({part}), '')" for part in parts)
    return sql, list(Mention.COUNTED)


# --- PostgreSQL: a stored tsvector, GIN-indexed --------------------------------------------------


def pg_config_sql() -> tuple[str, list]:
    """CASE on m.language giving each memo its text search configuration."""
    whens = " ".join("WHEN m.language = %s THEN %s" for _ in LANGUAGE_CONFIGS)
    params = [value for pair in LANGUAGE_CONFIGS.items() for value in pair]
    return f"(CASE {whens} ELSE %s END)::regconfig", [*params, DEFAULT_CONFIG]


def pg_index(ids: list[int]) -> None:
    """One UPDATE: title A; authors, topics and mentioned names B; body C (its opening for ranking)."""
    config, config_params = pg_config_sql()
    names, names_params = names_sql(lambda column: f"string_agg({column}, ' ')")
    table = Memo._meta.db_table
    sql = (
        f"UPDATE {table} AS m SET "
        f"search_vector = h.head || setweight(to_tsvector({config}, m.body_text), 'C'), "
        f"rank_vector = h.head || setweight(to_tsvector({config}, left(m.body_text, %s)), 'C') "
        f"FROM (SELECT m.id, setweight(to_tsvector({config}, m.title), 'A') || "
        f"setweight(to_tsvector({config}, {names}), 'B') AS head FROM {table} AS m "
        "WHERE m.id = ANY(%s)) AS h "
        "WHERE m.id = h.id"
    )
    params = [
        *config_params,
        *config_params,
        RANK_LEAD_CHARS,
        *config_params,
        *config_params,
        *names_params,
        ids,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def pg_queries(text: str) -> dict[str, SearchQuery]:
    """The query in each configuration: a memo is matched in its own language's terms."""
    return {
        config: SearchQuery(text, config=config, search_type="websearch")
        for config in {DEFAULT_CONFIG, *LANGUAGE_CONFIGS.values()}
    }


def per_language(make: Callable[[str], object], output_field=None) -> Case:
    """An expression that applies `make(config)` with each memo's own configuration."""
    whens = [When(language=language, then=make(config)) for language, config in LANGUAGE_CONFIGS.items()]
    return Case(*whens, default=make(DEFAULT_CONFIG), output_field=output_field)


def wanted(clauses: list[list[Term]]) -> list[list[Term]]:
    """The clauses without their exclusions: what ranking and highlighting look for.

    ts_rank scores a query with a NOT in it next to nothing (1e-20), whatever else matched.
    """
    return [[term for term in clause if not term.exclude] for clause in clauses]


def pg_matches(clauses: list[list[Term]]) -> Q:
    """Memos matching the clauses, each read in its own language's configuration."""
    queries = pg_queries(websearch_text(clauses))
    # An OR of one `@@` per configuration, each on plain search_vector, so the GIN index
    # serves every branch (a per-row choice of query inside one `@@` could not use it).
    own_language = Q()
    for language, config in LANGUAGE_CONFIGS.items():
        own_language |= Q(language=language, search_vector=queries[config])
    others = ~Q(language__in=list(LANGUAGE_CONFIGS)) & Q(search_vector=queries[DEFAULT_CONFIG])
    return own_language | others


def pg_search(queryset: QuerySet, clauses: list[list[Term]]) -> QuerySet:
    ranked = pg_queries(websearch_text(wanted(clauses)))
    return queryset.filter(pg_matches(clauses)).annotate(
        rank=per_language(lambda config: SearchRank(F("rank_vector"), ranked[config]), FloatField())
    )


def pg_snippets(ids: list[int], clauses: list[list[Term]]) -> dict[int, str]:
    queries = pg_queries(websearch_text(wanted(clauses)))

    def headline(config: str) -> SearchHeadline:
        return SearchHeadline(
            Left("body_text", SNIPPET_CHARS),
            queries[config],
            config=config,
            start_sel=START,
            stop_sel=STOP,
            max_words=SNIPPET_WORDS,
            min_words=SNIPPET_WORDS // 2,
            max_fragments=1,
        )

    rows = Memo.objects.filter(pg_matches(clauses), pk__in=ids).annotate(snippet=per_language(headline))
    return dict(rows.values_list("pk", "snippet"))


# --- SQLite: an FTS5 table joined on rowid -------------------------------------------------------


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
            f"SELECT m.id, m.title, {names}, m.body_text FROM {Memo._meta.db_table} AS m "
            f"WHERE m.id IN ({marks})",
            [*names_params, *ids],
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

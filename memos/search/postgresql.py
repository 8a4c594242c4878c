"""PostgreSQL search: a stored, weighted tsvector with a GIN index, ranked on a small vector."""

from __future__ import annotations

from collections.abc import Callable
from operator import and_, or_

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, FloatField, Q, QuerySet, When
from django.db.models.functions import Left

from ..models import Memo, MemoText
from .documents import INDEXED_BODY_CHARS, names_sql
from .query import SNIPPET_CHARS, SNIPPET_WORDS, START, STOP, Term, wanted

# PostgreSQL text search configuration per Memo.language; every other language is English.
LANGUAGE_CONFIGS = {"ru": "russian"}
DEFAULT_CONFIG = "english"

# PostgreSQL ranks on a vector of the title (A), the names (B) and the body's first
# RANK_LEAD_CHARS characters (C): about 1 KB, kept in the row. Ranking the whole-body vector
# (7 KB, compressed out of line) read and unpacked it for every match of a broad term, a third
# of the archive (205 ms at 100,000 memos). Matching still uses the whole body; a memo found
# only deeper in its body ranks below those with the term up front, newest first among equals.
RANK_LEAD_CHARS = 600


def pg_config_sql() -> tuple[str, list]:
    """CASE on m.language giving each memo its text search configuration."""
    whens = " ".join("WHEN m.language = %s THEN %s" for _ in LANGUAGE_CONFIGS)
    params = [value for pair in LANGUAGE_CONFIGS.items() for value in pair]
    return f"(CASE {whens} ELSE %s END)::regconfig", [*params, DEFAULT_CONFIG]


def pg_index(ids: list[int]) -> None:
    """One UPDATE: title A; authors, topics and mentioned names B; the indexed body C (its opening for
    ranking)."""
    config, config_params = pg_config_sql()
    names, names_params = names_sql(lambda column: f"string_agg({column}, ' ')")
    sql = (
        f"UPDATE {MemoText._meta.db_table} AS t SET "
        "search_vector = h.head || setweight(to_tsvector(h.config, left(t.body_text, %s)), 'C'), "
        "rank_vector = h.head || setweight(to_tsvector(h.config, left(t.body_text, %s)), 'C') "
        f"FROM (SELECT m.id, c.config, setweight(to_tsvector(c.config, m.title), 'A') || "
        f"setweight(to_tsvector(c.config, {names}), 'B') AS head FROM {Memo._meta.db_table} AS m, "
        f"LATERAL (SELECT {config} AS config) AS c WHERE m.id = ANY(%s)) AS h "
        "WHERE t.memo_id = h.id"
    )
    params = [INDEXED_BODY_CHARS, RANK_LEAD_CHARS, *names_params, *config_params, ids]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def pg_term(term: Term, config: str) -> SearchQuery:
    """One term as a tsquery: a word or phrase read as websearch reads a quoted one; a prefix as `'hua':*`."""
    if term.prefix:
        lexeme = term.text.replace("\\", "\\\\").replace("'", "''")
        query = SearchQuery(f"'{lexeme}':*", config=config, search_type="raw")
    else:
        query = SearchQuery(f'"{term.text}"', config=config, search_type="websearch")
    return ~query if term.exclude else query


def balanced(combine: Callable, queries: list[SearchQuery]) -> SearchQuery:
    """The queries combined pairwise, a tree as deep as log2 of their number (a query of 300 words
    combined in a row nests 300 deep, past Python's recursion limit when Django compiles it)."""
    while len(queries) > 1:
        queries = [
            combine(*queries[i : i + 2]) if i + 1 < len(queries) else queries[i]
            for i in range(0, len(queries), 2)
        ]
    return queries[0]


def pg_query(clauses: list[list[Term]], config: str) -> SearchQuery:
    """The clauses as one tsquery: (a && b) || (c && !d), each term parsed by PostgreSQL itself."""
    return balanced(or_, [balanced(and_, [pg_term(t, config) for t in clause]) for clause in clauses])


def pg_queries(clauses: list[list[Term]]) -> dict[str, SearchQuery]:
    """The query in each configuration: a memo is matched in its own language's terms."""
    return {config: pg_query(clauses, config) for config in {DEFAULT_CONFIG, *LANGUAGE_CONFIGS.values()}}


def per_language(make: Callable[[str], object], output_field=None) -> Case:
    """An expression that applies `make(config)` with each memo's own configuration."""
    whens = [When(language=language, then=make(config)) for language, config in LANGUAGE_CONFIGS.items()]
    return Case(*whens, default=make(DEFAULT_CONFIG), output_field=output_field)


def pg_matches(clauses: list[list[Term]]) -> Q:
    """Memos matching the clauses, each read in its own language's configuration."""
    queries = pg_queries(clauses)
    # An OR of one `@@` per configuration, each on plain search_vector, so the GIN index
    # serves every branch (a per-row choice of query inside one `@@` could not use it).
    own_language = Q()
    for language, config in LANGUAGE_CONFIGS.items():
        own_language |= Q(language=language, text__search_vector=queries[config])
    others = ~Q(language__in=list(LANGUAGE_CONFIGS)) & Q(text__search_vector=queries[DEFAULT_CONFIG])
    return own_language | others


def pg_search(queryset: QuerySet, clauses: list[list[Term]]) -> QuerySet:
    ranked = pg_queries(wanted(clauses))
    return queryset.filter(pg_matches(clauses)).annotate(
        rank=per_language(lambda config: SearchRank(F("text__rank_vector"), ranked[config]), FloatField())
    )


def pg_snippets(ids: list[int], clauses: list[list[Term]]) -> dict[int, str]:
    queries = pg_queries(wanted(clauses))

    def headline(config: str) -> SearchHeadline:
        return SearchHeadline(
            Left("text__body_text", SNIPPET_CHARS),
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

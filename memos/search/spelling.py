"""The known names nearest to a query's words: countries, vendors, authors and topics.

What an empty result offers: "Huawai" -> Huawei. PostgreSQL ranks names by pg_trgm's word
similarity through a GiST trigram index on each name column (migration 0010); SQLite, which has
no trigrams, compares the names in Python with difflib.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from django.db import connection
from django.db.models import Value

from ..models import Author, Country, Topic, Vendor
from .query import parse_query

MAX_WORDS = 5  # of a query, each looked up
PER_WORD = 2  # names offered for one word
SIMILARITY = 0.4  # the least word similarity (0..1) a suggestion needs
# (kind, model, the column that identifies a row in URLs)
NAMED = [
    ("country", Country, "code"),
    ("vendor", Vendor, "slug"),
    ("author", Author, "slug"),
    ("topic", Topic, "slug"),
]


@dataclass(frozen=True)
class Spelling:
    word: str  # as the reader typed it
    name: str  # the known name it resembles
    kind: str  # country, vendor, author or topic
    key: str  # the name's code or slug
    score: float

    @property
    def replacement(self) -> str:
        """The word of the name that the typed word stands for: "Vission" -> "Vision" of "Acme Vision"."""
        return max(self.name.split(), key=self.closeness)

    def closeness(self, part: str) -> float:
        return difflib.SequenceMatcher(None, self.word.casefold(), part.casefold()).ratio()

    @property
    def rank(self) -> tuple:
        # Trigram scores tie often on short words ("alise": Alibaba and Alice Adams, 0.5 each);
        # how close the word is to the name's nearest word breaks the tie.
        return (-round(self.score, 2), -self.closeness(self.replacement), self.name)


def query_words(q: str) -> list[str]:
    """The searched words of a query (not excluded ones), in order, without repeats."""
    words: list[str] = []
    for clause in parse_query(q):
        for term in clause:
            if not term.exclude:
                words += [w for w in term.text.split() if w.casefold() not in {x.casefold() for x in words}]
    return words[:MAX_WORDS]


def nearest_names(q: str) -> list[Spelling]:
    """For each word of `q`, the known names spelled most like it (one query), best first.

    A word that a known name contains as it is ("Marat" in "Erica Marat") is no misspelling and
    gets none.
    """
    words = query_words(q)
    if not words:
        return []
    found = pg_nearest(words) if connection.vendor == "postgresql" else python_nearest(words)
    best: list[Spelling] = []
    for word in words:
        mine = [s for s in found if s.word == word]
        if any(word.casefold() in s.name.casefold().split() for s in mine):
            continue  # spelled as a known name spells it
        best += sorted(mine, key=lambda s: s.rank)[:PER_WORD]
    return best


def pg_nearest(words: list[str]) -> list[Spelling]:
    # Per word, the nearest names of each table by the word-similarity distance `<<->`, which
    # the GiST trigram indexes answer in order (a nearest-neighbour scan, not every row).
    parts = [
        f"(SELECT %s AS kind, {key} AS key, name, w.word <<-> name AS distance "
        f"FROM {model._meta.db_table} ORDER BY w.word <<-> name LIMIT {PER_WORD})"
        for kind, model, key in NAMED
    ]
    sql = (
        "SELECT w.word, s.kind, s.key, s.name, 1 - s.distance FROM unnest(%s::text[]) AS w(word) "
        f"CROSS JOIN LATERAL ({' UNION ALL '.join(parts)}) AS s WHERE s.distance <= %s"
    )
    params = [words, *(kind for kind, _, _ in NAMED), 1 - SIMILARITY]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [
            Spelling(word, name, kind, str(key), score) for word, kind, key, name, score in cursor.fetchall()
        ]


def python_nearest(words: list[str]) -> list[Spelling]:
    """SQLite: every name in one query; each word compared with each name and each word of one."""
    queries = [
        model.objects.order_by().annotate(kind=Value(kind)).values_list("kind", key, "name")
        for kind, model, key in NAMED
    ]
    named: dict[str, list[tuple[str, str, str]]] = {}
    for kind, key, name in queries[0].union(*queries[1:], all=True):
        for part in {name.casefold(), *name.casefold().split()}:
            named.setdefault(part, []).append((kind, str(key), name))
    found = []
    for word in words:
        folded = word.casefold()
        # difflib's ratio runs higher than trigram similarity for the same pair: a stricter cutoff.
        for part in difflib.get_close_matches(folded, named, n=PER_WORD * 4, cutoff=SIMILARITY + 0.3):
            score = difflib.SequenceMatcher(None, folded, part).ratio()
            found += [Spelling(word, name, kind, key, score) for kind, key, name in named[part]]
    return found

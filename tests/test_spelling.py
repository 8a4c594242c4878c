"""Spelling suggestions: the known names nearest a query's words, on PostgreSQL (pg_trgm) and SQLite."""

import pytest
from django.db import connection

from memos.search.spelling import nearest_names, query_words
from tests.factories import build_archive

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    return build_archive()


def suggested(q: str) -> list[tuple[str, str, str, str]]:
    return [(s.word, s.kind, s.name, s.replacement) for s in nearest_names(q)]


def test_query_words_are_the_searched_words_once_each():
    assert query_words('Huawai "safe city" -zte huawai or Kazakstan') == [
        "Huawai",
        "safe",
        "city",
        "Kazakstan",
    ]
    assert query_words("-only") == []


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("Acme Vission", ("Vission", "vendor", "Acme Vision", "Vision")),
        ("Kazakstan", ("Kazakstan", "country", "Kazakhstan", "Kazakhstan")),
        ("alise adams", ("alise", "author", "Alice Adams", "Alice")),
        ("survelance", ("survelance", "topic", "Surveillance", "Surveillance")),
        ("Borealis's Netwroks", ("Netwroks", "vendor", "Borealis Networks", "Networks")),
    ],
)
def test_misspelled_names_find_the_known_name(archive, q, expected):
    assert suggested(q)[0] == expected


def test_words_spelled_as_a_known_name_spells_them_get_nothing(archive):
    assert [s for s in suggested("Acme Vission") if s[0] == "Acme"] == []
    assert suggested("zzqxw") == []


def test_suggestions_take_one_query_however_many_words(archive, django_assert_num_queries):
    with django_assert_num_queries(1):
        nearest_names("Kazakstan Uzbekstan survelance alise vission")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_trgm is PostgreSQL's")
def test_postgresql_has_pg_trgm_and_a_trigram_index_on_each_name():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        assert cursor.fetchone()
        cursor.execute("SELECT tablename FROM pg_indexes WHERE indexdef LIKE '%gist_trgm_ops%' ORDER BY 1")
        assert [row[0] for row in cursor.fetchall()] == [
            "memos_author",
            "memos_country",
            "memos_topic",
            "memos_vendor",
        ]

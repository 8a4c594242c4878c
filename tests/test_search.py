"""memos.search on the database under test: matching, ranking, snippets, freshness, bad queries."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models.query import EmptyQuerySet
from django.utils.safestring import SafeString

from memos import search
from memos.models import Author, Country, Memo, MemoFullText, Mention, Vendor
from memos.search.query import Term, fts5_query, parse_query

from .conftest import SEED
from .factories import MemoFactory

pytestmark = pytest.mark.django_db

ON_POSTGRESQL = connection.vendor == "postgresql"
FILLER = (
    "Governments across the region weigh the costs of new infrastructure against budgets, "
    "loans and the expectations of citizens who want reliable public services."
)


def found(q, queryset=None):
    """The titles of the memos `q` finds, best first."""
    queryset = Memo.objects.all() if queryset is None else queryset
    return list(search.search_memos(queryset, q).order_by("-rank", "title").values_list("title", flat=True))


@pytest.fixture
def vendor():
    # A name the texts never contain, so only the mention can make a memo match it.
    return Vendor.objects.create(name="Zyxtronics", slug="zyxtronics")


@pytest.fixture
def kazakhstan():
    country, _ = Country.objects.get_or_create(code="KZ", defaults={"name": "Kazakhstan"})
    return country


@pytest.fixture
def archive(vendor, kazakhstan):
    """A few memos, each reachable by one kind of field."""
    return {
        "title": MemoFactory(title="Procurement of Cameras in Tashkent", body_text=FILLER),
        "body": MemoFactory(
            title="Urban Monitoring Abroad",
            body_text="Municipal officials signed contracts for facial recognition in the metro. " + FILLER,
        ),
        "author": MemoFactory(
            title="A Memo About Roads", body_text=FILLER, authors=["Erica Marat", "Juliet Johnson"]
        ),
        "vendor": MemoFactory(title="Equipment Suppliers", body_text=FILLER, vendors={vendor.slug: 1}),
        "country": MemoFactory(
            title="Neighbours and Pipelines", body_text=FILLER, countries={kazakhstan.code: 1}
        ),
        "topic": MemoFactory(title="Another Memo", body_text=FILLER, topics=["Cybersecurity"]),
        "safe city": MemoFactory(
            title="Safe City Projects", body_text="The safe city concept spreads. " + FILLER
        ),
        "city is safe": MemoFactory(
            title="Is the City Safe", body_text="Nobody says the city is safe here. " + FILLER
        ),
    }


# --- Matching -------------------------------------------------------------------------------------


def test_matches_in_title_body_authors_topics_and_mentioned_names(archive, vendor, kazakhstan):
    assert found("procurement") == ["Procurement of Cameras in Tashkent"]
    assert found("facial recognition") == ["Urban Monitoring Abroad"]
    assert found("Marat") == found("juliet johnson") == ["A Memo About Roads"]
    assert found("Zyxtronics") == ["Equipment Suppliers"]
    assert found(kazakhstan.name) == ["Neighbours and Pipelines"]
    assert found("cybersecurity") == ["Another Memo"]


def test_english_words_match_their_other_forms(archive):
    assert found("procure") == found("procurements") == ["Procurement of Cameras in Tashkent"]
    assert "Urban Monitoring Abroad" in found("contract")


def test_a_phrase_needs_its_words_in_order(archive):
    assert found('"safe city"') == ["Safe City Projects"]
    assert set(found("safe city")) == {"Safe City Projects", "Is the City Safe"}


def test_or_finds_either(archive):
    assert set(found("tashkent OR metro")) == {
        "Procurement of Cameras in Tashkent",
        "Urban Monitoring Abroad",
    }
    assert set(found("tashkent or metro")) == set(found("tashkent OR metro"))


def test_a_minus_excludes(archive):
    assert found("safe -concept") == ["Is the City Safe"]
    assert found('city -"safe city"') == ["Is the City Safe"]
    # Grouping as websearch_to_tsquery reads it: (safe AND NOT concept) OR tashkent.
    assert set(found("safe -concept or tashkent")) == {
        "Is the City Safe",
        "Procurement of Cameras in Tashkent",
    }


def test_the_queryset_limits_what_is_found(archive):
    archive["safe city"].is_published = False
    archive["safe city"].save()
    assert found("safe", Memo.objects.published()) == ["Is the City Safe"]


def test_rank_is_a_float_and_a_title_match_outranks_body_matches():
    for i in range(6):  # others, so that the word is rare, as real queries are
        MemoFactory(title=f"Filler {i}", body_text=FILLER)
    body = MemoFactory(title="Cameras in Central Asia", body_text=("Hikvision sells cameras. " * 5) + FILLER)
    title = MemoFactory(title="Hikvision in Central Asia", body_text=FILLER)
    ranked = list(search.search_memos(Memo.objects.all(), "hikvision").order_by("-rank"))
    assert ranked == [title, body]
    assert all(isinstance(memo.rank, float) for memo in ranked)
    assert ranked[0].rank > ranked[1].rank > 0


def test_a_match_deep_in_the_body_is_found_and_ranks_below_one_in_the_opening():
    deep = MemoFactory(title="Deep", body_text=(FILLER + " ") * 40 + "Hikvision appears at last.")
    early = MemoFactory(title="Early", body_text="Hikvision appears at once. " + (FILLER + " ") * 40)
    ranked = list(search.search_memos(Memo.objects.all(), "hikvision").order_by("-rank", "-pk"))
    assert ranked == [early, deep]
    if ON_POSTGRESQL:  # it ranks on the opening; SQLite's bm25 weighs one hit anywhere alike
        assert ranked[0].rank > ranked[1].rank


def test_only_the_opening_of_a_huge_body_is_indexed_and_the_memo_is_stored_whole():
    # Matching, ranking and snippets read the indexed text: a 20 MB body (the import limit) would
    # make each of them read all of it (SQLite's snippet() in quadratic time, on every search
    # that lists the memo); on PostgreSQL, a vector of over 1 MB cannot be stored at all.
    opening = "Hikvision appears at once. "
    filler = (FILLER + " ") * (search.INDEXED_BODY_CHARS // len(FILLER) + 1)
    body = opening + filler + "Zyxwords appear past the indexed part."
    memo = MemoFactory(title="Huge", body_text=body)
    memo.refresh_from_db()
    assert memo.body_text == body
    assert found("hikvision") == ["Huge"]
    assert found("zyxwords") == []
    if not ON_POSTGRESQL:
        assert len(MemoFullText.objects.get(memo=memo).body) == search.INDEXED_BODY_CHARS


def test_a_page_with_300000_distinct_words_is_indexed():
    words = " ".join(f"w{n:06x}" for n in range(300_000))
    memo = MemoFactory(title="Vocabulary", body_text="Hikvision opens a long list. " + words)
    assert len(memo.body_text.split()) > 300_000
    assert found("hikvision") == ["Vocabulary"]
    assert found("w000001") == ["Vocabulary"]


@pytest.mark.skipif(not ON_POSTGRESQL, reason="the rank vector is PostgreSQL's")
def test_the_rank_vector_holds_title_names_and_the_opening_only(vendor):
    memo = MemoFactory(
        title="Cameras in Tashkent",
        body_text="Procurement opens the memo. " + (FILLER + " ") * 40 + "Sewers close it.",
        authors=["Erica Marat"],
        vendors={vendor.slug: 1},
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT array_to_string(tsvector_to_array(rank_vector), ' '), pg_column_size(rank_vector), "
            "pg_column_size(search_vector) FROM memos_memotext WHERE memo_id = %s",
            [memo.pk],
        )
        lexemes, rank_size, full_size = cursor.fetchone()
    assert {"tashkent", "marat", "zyxtron", "procur"} <= set(lexemes.split())
    assert "sewer" not in lexemes.split()
    assert rank_size < full_size and rank_size < 2000  # small enough to stay in the row
    assert found("sewers") == ["Cameras in Tashkent"]  # matching still reads the whole body


@pytest.mark.skipif(not ON_POSTGRESQL, reason="planner statistics are PostgreSQL's")
def test_search_vector_has_no_planner_statistics():
    # See migration 0007: with them, broad terms made PostgreSQL scan every memo's vector.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE memos_memotext")
        cursor.execute(
            "SELECT count(*) FROM pg_stats WHERE tablename = 'memos_memotext' AND attname = 'search_vector'"
        )
        assert cursor.fetchone() == (0,)


def test_among_takes_any_number_of_ids_as_one_parameter(archive, django_assert_num_queries):
    ids = [archive["title"].pk, archive["body"].pk, *range(10**6, 10**6 + 40_000)]  # beyond SQLite's limit
    memos = Memo.objects.filter(pk__among=ids)
    sql, params = memos.query.sql_with_params()
    assert len(params) == 1
    assert set(memos.values_list("title", flat=True)) == {
        "Procurement of Cameras in Tashkent",
        "Urban Monitoring Abroad",
    }
    assert not Memo.objects.filter(pk__among=[]).exists()
    # As the facets read it: a subquery of ids.
    assert Mention.objects.filter(memo_id__in=Memo.objects.filter(pk__among=ids).values("pk")).count() == 0


def test_russian_memos_match_their_exact_words_on_both_databases():
    MemoFactory(
        title="Камеры из Китая",
        body_text="Россия покупает камеры у китайских компаний. " + FILLER,
        language="ru",
    )
    assert found("Россия") == found("РОССИЯ") == ["Камеры из Китая"]
    assert found("камеры -Казахстан") == ["Камеры из Китая"]


@pytest.mark.skipif(not ON_POSTGRESQL, reason="SQLite's FTS5 has no Russian stemmer; exact forms only")
def test_russian_memos_are_stemmed_in_russian_on_postgresql():
    MemoFactory(
        title="Камеры из Китая", body_text="Россия покупает камеры у китайских компаний.", language="ru"
    )
    assert found("России") == found("китайская компания") == ["Камеры из Китая"]
    # The exclusion is read in Russian too: "России" excludes a memo saying "Россия".
    assert found("камеры -России") == []
    # English words in a Russian memo still match.
    MemoFactory(title="Huawei в России", body_text="Huawei строит сети.", language="ru")
    assert found("huawei") == ["Huawei в России"]


# --- Queries that are not what they seem ----------------------------------------------------------

GARBAGE = [
    '"', "*", "-", "AND OR", "NEAR(", "NEAR(a b)", '"unclosed phrase', "OR", "a OR", "OR OR b", "--x",
    "-\"x\"", "()", "(a", "a)", ":*", "a:*", "\\", "'", "''", "%", "_", "NOT", "^a", "title:procurement",
    "{title}: x", "a NEAR/2 b", "a & b | !c", "<->", "\x00", "\x02\x03", "😀", "a" * 5000,
    " ".join(["x"] * 300), "ñ", "- - -", '""', '" "', "-procurement",
]  # fmt: skip


@pytest.mark.parametrize("q", GARBAGE)
def test_any_query_runs_without_error(archive, q):
    memos = list(search.search_memos(Memo.objects.all(), q).order_by("-rank"))
    search.add_snippets(memos, q)
    search.add_snippets(list(Memo.objects.all()), q)


@pytest.mark.parametrize("q", ["", "   ", '"', "*", "-", "()", '""', "- - -", "OR", "-procurement", "😀"])
def test_a_query_without_searchable_terms_gives_none(archive, q, django_assert_num_queries):
    result = search.search_memos(Memo.objects.all(), q)
    assert isinstance(result, EmptyQuerySet)
    with django_assert_num_queries(0):
        assert list(result.order_by("-rank")) == []


def test_fts5_syntax_in_a_query_is_taken_as_words(archive):
    # FTS5 would read a column filter here and find Erica Marat's memo; it is the phrase "names marat".
    assert found("names:Marat") == []
    assert found("procurement*") == found("procurement AND") == ["Procurement of Cameras in Tashkent"]
    assert found("NEAR(procurement tashkent)") == []  # "near" appears nowhere


def test_query_parsing_follows_websearch_grouping():
    assert parse_query('a "b c" or d -e') == [[Term("a"), Term("b c")], [Term("d"), Term("e", exclude=True)]]
    assert parse_query("or a or or b or") == [[Term("a")], [Term("b")]]
    assert parse_query("-a or b") == [[Term("b")]]  # a clause of only exclusions is dropped
    assert parse_query('"or" -"x  y"') == [[Term("or"), Term("x y", exclude=True)]]
    clauses = parse_query('a "b c" or d -e')
    assert fts5_query(clauses) == '("a" AND "b c") OR (("d") NOT ("e"))'


def test_query_words_lose_surrounding_punctuation_and_possessives():
    assert parse_query("Huawei's (Hikvision), ZTE’s vendors' e-government") == [
        [Term("Huawei"), Term("Hikvision"), Term("ZTE"), Term("vendors"), Term("e-government")]
    ]
    # A quoted phrase is taken as typed.
    assert parse_query('"Huawei\'s cameras"') == [[Term("Huawei's cameras")]]
    assert parse_query("hua* -zte*") == [[Term("hua", prefix=True), Term("zte", exclude=True, prefix=True)]]
    assert fts5_query(parse_query("hua*")) == '("hua"*)'


@pytest.mark.parametrize("q", ["Zyxtronics's", "Zyxtronics’s", "(Zyxtronics),", "zyxtronics's*"])
def test_possessives_and_punctuation_find_what_the_word_finds(archive, q):
    assert found(q) == found("zyxtronics") == ["Equipment Suppliers"]


def test_a_trailing_star_searches_by_prefix(archive):
    assert found("tashk*") == ["Procurement of Cameras in Tashkent"]
    assert found("tashk") == []
    # Words are stored stemmed ("procurement" as "procur"): a prefix matches the stem's start.
    assert found("procur*") == ["Procurement of Cameras in Tashkent"]
    assert found("zyx*") == found("Zyxtronics")
    assert found("municipal* -metro*") == []
    assert set(found("tashk* or zyx*")) == {"Procurement of Cameras in Tashkent", "Equipment Suppliers"}


# --- Snippets -------------------------------------------------------------------------------------


def test_snippets_mark_matches_and_escape_everything_else():
    body = (
        "Officials bought cameras. <script>alert(1)</script> Hikvision & partners said "
        '"<b>fine</b>" about it. ' + FILLER
    )
    memo = MemoFactory(title="Cameras", body_text=body)
    other = MemoFactory(title="Unrelated", body_text=FILLER)
    memos = [memo, other]
    search.add_snippets(memos, "hikvision")
    snippet = memo.snippet
    assert isinstance(snippet, SafeString)
    assert "<mark>Hikvision</mark>" in snippet
    assert "alert(1)" in snippet and "&amp; partners" in snippet
    # No markup but <mark>; the text of the tags is escaped (ts_headline drops tags itself).
    assert "<" not in re.sub("</?mark>", "", snippet) and ">" not in re.sub("</?mark>", "", snippet)
    if ON_POSTGRESQL:
        assert "script" not in snippet and "&quot;fine&quot;" not in snippet
    else:
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in snippet
        assert "&quot;&lt;b&gt;fine&lt;/b&gt;&quot;" in snippet
    assert other.snippet == ""


def test_snippets_highlight_a_phrase_and_words_on_either_side_of_or(archive):
    memos = [archive["safe city"], archive["body"]]
    search.add_snippets(memos, '"safe city" OR metro')
    # FTS5 marks a phrase as one span, ts_headline word by word.
    assert re.search(r"<mark>safe city</mark>|<mark>safe</mark> <mark>city</mark>", memos[0].snippet, re.I)
    assert "<mark>metro</mark>" in memos[1].snippet


def test_snippets_take_one_query_for_a_page(archive, django_assert_num_queries):
    memos = list(Memo.objects.all())
    with django_assert_num_queries(1):
        search.add_snippets(memos, "city")
    assert all(isinstance(memo.snippet, SafeString) for memo in memos)


def test_snippets_look_in_the_opening_of_the_body():
    filler = (FILLER + " ") * (search.SNIPPET_CHARS // len(FILLER) + 1)
    late = MemoFactory(title="Late", body_text=filler + "Hikvision appears at last.")
    early = MemoFactory(title="Early", body_text="Hikvision appears at once. " + filler)
    memos = [late, early]
    search.add_snippets(memos, "hikvision")
    assert "<mark>Hikvision</mark>" in early.snippet
    if ON_POSTGRESQL:
        # Past search.SNIPPET_CHARS: no highlight, the body's opening instead (a cheap headline).
        assert len(late.body_text) > search.SNIPPET_CHARS
        assert "<mark>" not in late.snippet and late.snippet.startswith("Governments across")


def test_highlight_keeps_marks_balanced():
    assert search.highlight("a \x02b\x03 c") == "a <mark>b</mark> c"
    assert search.highlight("\x03<i>\x02x\x02y") == "&lt;i&gt;<mark>xy</mark>"
    assert search.highlight("one\n\ntwo") == "one two"


# --- Keeping the index current --------------------------------------------------------------------


def test_an_edited_memo_is_found_by_its_new_words_as_soon_as_it_is_saved(archive, vendor):
    memo = archive["title"]
    memo.title = "Procurement Scandal in Samarkand"
    memo.body_text = "A quieter body about sewers."
    memo.save()
    assert found("samarkand") == found("sewers") == ["Procurement Scandal in Samarkand"]
    assert found("tashkent") == []

    author = Author.objects.get(name="Erica Marat")
    author.name = "Erica Marat-Smith"
    author.save()
    assert found("smith") == ["A Memo About Roads"]


def test_a_rejected_mention_no_longer_finds_its_memo(archive, vendor):
    mention = Mention.objects.get(vendor=vendor)
    mention.verdict = Mention.REJECTED
    mention.save()
    assert found("Zyxtronics") == []


def test_a_reimported_page_is_found_by_its_new_text(import_memos, tmp_path):
    page = tmp_path / "memo.txt"
    text = SEED.read_text(encoding="utf-8")
    page.write_text(text, encoding="utf-8")
    import_memos(page)
    assert found("Marat") == ["Chinese Artificial Intelligence Projects Expand in Eurasian Cities"]
    assert found("Bukhara") == []
    page.write_text(text.replace("cityscapes", "Bukhara"), encoding="utf-8")
    out, err, code = import_memos(page)
    assert code == 0 and "updated 1" in out, err
    assert found("Bukhara") == ["Chinese Artificial Intelligence Projects Expand in Eurasian Cities"]
    assert found("cityscapes") == []


def test_deleted_memos_leave_the_results_and_the_index(archive):
    deleted = [archive["safe city"].pk, archive["city is safe"].pk]
    archive["safe city"].delete()
    assert found("safe") == ["Is the City Safe"]
    Memo.objects.filter(title__startswith="Is the City").delete()
    assert found("safe") == []
    if not ON_POSTGRESQL:
        assert MemoFullText.objects.count() == Memo.objects.count()
        assert not MemoFullText.objects.filter(memo_id__in=deleted).exists()


def test_index_memos_takes_the_same_queries_for_one_memo_as_for_many(vendor, django_assert_num_queries):
    memos = [
        MemoFactory(
            title=f"Memo {i}",
            body_text=FILLER,
            authors=[f"Author {i}", f"Other {i}"],
            vendors={vendor.slug: 1},
        )
        for i in range(30)
    ]
    per_batch = 1 if ON_POSTGRESQL else 2  # one UPDATE; or one DELETE and one INSERT ... SELECT
    with django_assert_num_queries(per_batch):
        search.index_memos([memos[0].pk])
    with django_assert_num_queries(per_batch):
        search.index_memos(memo.pk for memo in memos)
    assert len(found("Zyxtronics")) == 30


def test_search_is_one_query_and_composes_with_other_querysets(archive, django_assert_num_queries):
    results = search.search_memos(Memo.objects.all(), "city OR tashkent")
    with django_assert_num_queries(1):
        assert len(list(results.order_by("-rank"))) == 3
    # As the facets use it: the search as a subquery, with its tables aliased.
    facet = Memo.objects.filter(pk__in=results.order_by().values("pk"), title__contains="Safe")
    assert set(facet.values_list("title", flat=True)) == {"Safe City Projects", "Is the City Safe"}
    assert results.count() == 3 and results.distinct().count() == 3
    assert search.search_memos(results, "tashkent").count() == 1


def test_rebuild_command_restores_a_lost_index(archive):
    with connection.cursor() as cursor:
        if ON_POSTGRESQL:
            cursor.execute("UPDATE memos_memotext SET search_vector = NULL")
        else:
            cursor.execute("DELETE FROM memos_memo_fts")
            cursor.execute("INSERT INTO memos_memo_fts (rowid, title) VALUES (999999, 'orphan')")
    assert found("procurement") == []
    out = StringIO()
    call_command("rebuild_search_index", "--batch-size", "3", stdout=out)
    assert f"Indexed {len(archive)} memo(s)." in out.getvalue()
    assert found("procurement") == ["Procurement of Cameras in Tashkent"]
    assert found("Zyxtronics") == ["Equipment Suppliers"]
    if not ON_POSTGRESQL:
        assert not MemoFullText.objects.filter(memo_id=999999).exists()


def test_the_index_exists_in_the_database():
    with connection.cursor() as cursor:
        if ON_POSTGRESQL:
            constraints = connection.introspection.get_constraints(cursor, "memos_memotext")
            assert constraints["memotext_search_vector_gin"]["type"] == "gin"
            assert constraints["memotext_search_vector_gin"]["columns"] == ["search_vector"]
        else:
            cursor.execute("SELECT sql FROM sqlite_master WHERE name = 'memos_memo_fts'")
            (sql,) = cursor.fetchone()
            assert "fts5(title, names, body" in sql and "porter unicode61 remove_diacritics 2" in sql

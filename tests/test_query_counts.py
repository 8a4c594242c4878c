"""Every public page runs a fixed number of queries, however many memos, authors and mentions."""

from datetime import date, timedelta

import pytest
from django.core.cache import caches
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from memos import search
from memos.models import Memo, Mention
from memos.oai.repository import identifier
from memos.site.filters import MemoFilter
from memos.site.views import NEWEST_FIRST, memos_mentioning
from tests.factories import build_archive, make_memo

pytestmark = pytest.mark.django_db


def grow(n: int = 25) -> None:
    """More memos, each with several authors, topics and mentions of the same entities."""
    for i in range(n):
        make_memo(
            f"Another memo on the region {i}",
            date(2015, 1, 1) + timedelta(days=40 * i),
            authors=["Alice Adams", f"Co-author {i}", f"Second co-author {i}"],
            topics=["Surveillance", "Telecom", f"Topic {i}"],
            countries={"RU": i + 1, "KZ": 2, "CN": 1, "UA": 1, "GE": 1},
            vendors={"acme-vision": 1, "borealis-networks": 2},
        )


PAGES = [
    # (name, URL maker, queries)
    # Pages with counts read the data version first (memos/caching.py); these are cold counts.
    ("home", lambda a: reverse("home"), 7),
    # version, count, rows, authors and topics of the rows, the year histogram and the map (which
    # count every year and country: the facets of those take their top values), five more facets
    ("list", lambda a: reverse("memo_list"), 12),
    ("list, page 2", lambda a: reverse("memo_list") + "?page=2", 12),
    # one more to check each chosen country, vendor, vendor country, topic and author exists, and
    # one for the mentions that say why each result matched; the OR facets count without their
    # own filter in the same one query each; with a country and a date chosen, the country and
    # year facets count other memos than the map and the histogram: seven facet queries
    (
        "list, all filters",
        lambda a: (
            reverse("memo_list")
            + "?country=RU&country=KZ&vendor=acme-vision&vendor_country=CN&sector=surveillance"
            + "&topic=surveillance&author=alice-adams&year=2019"
            + "&from=2000-01-01&to=2030-01-01&series=2&language=en&sort=mentions"
        ),
        20,
    ),
    ("list, bad parameter", lambda a: reverse("memo_list") + "?country=XX", 1),
    # two checks, version, count; no rows, facets or charts; a count for each filter dropped in turn
    ("list, empty", lambda a: reverse("memo_list") + "?country=FR&vendor=acme-vision", 6),
    ("facet page", lambda a: reverse("memo_facet", args=["author"]) + "?country=RU", 4),
    # the facet's own filter left out: one more count, of the current results
    ("facet page, OR", lambda a: reverse("memo_facet", args=["vendor"]) + "?vendor=acme-vision", 5),
    # version, vendors, the matrix, country names
    ("analysis", lambda a: reverse("analysis"), 4),
    (
        "analysis, grouped and filtered",
        lambda a: reverse("analysis") + "?group=sector&from=2019-01-01&topic=surveillance&country=RU",
        6,
    ),
    ("analysis CSV", lambda a: reverse("analysis_csv") + "?group=vendor_country", 4),
    # memo, authors, topics, mentions, version, related memos, previous, next
    ("memo", lambda a: a["cameras"].get_absolute_url(), 8),
    ("BibTeX", lambda a: reverse("memo_bibtex", args=[a["cameras"].slug]), 3),
    ("RIS", lambda a: reverse("memo_ris", args=[a["cameras"].slug]), 3),
    ("authors", lambda a: reverse("author_list"), 3),
    # its memos and their count, bio, topics, countries and vendors
    ("author", lambda a: reverse("author_detail", args=["alice-adams"]), 10),
    ("topics", lambda a: reverse("topic_list"), 3),
    ("topic", lambda a: reverse("topic_detail", args=["surveillance"]), 8),
    ("countries", lambda a: reverse("country_list"), 1),
    ("country", lambda a: reverse("country_detail", args=["RU"]), 8),
    ("vendors", lambda a: reverse("vendor_list"), 1),
    ("vendor", lambda a: reverse("vendor_detail", args=["acme-vision"]), 7),
    ("feed", lambda a: reverse("memo_feed"), 3),
    ("feed, filtered", lambda a: reverse("memo_feed") + "?country=RU&topic=telecom", 5),
    # two per section (a count and a page) for memos, authors, topics, countries, vendors
    ("sitemap", lambda a: reverse("sitemap"), 10),
    ("robots.txt", lambda a: reverse("robots_txt"), 0),
    # memo, authors, topics
    ("CSL-JSON", lambda a: reverse("memo_csl_json", args=[a["cameras"].slug]), 3),
    ("permalink", lambda a: a["cameras"].permalink(), 1),
    # the memo is not found, then the redirect row and the memo it leads to
    ("old slug", lambda a: reverse("memo_detail", args=["cameras-before-a-rename"]), 3),
    # Exports: the ids, then per 500 memos the rows, their authors, topics and mentions.
    ("export CSV", lambda a: reverse("memo_export") + "?format=csv", 5),
    (
        "export BibTeX, filtered",
        lambda a: reverse("memo_export") + "?format=bibtex&country=RU&topic=telecom",
        7,
    ),
    ("export RIS", lambda a: reverse("memo_export") + "?format=ris", 5),
    ("export JSON", lambda a: reverse("memo_export") + "?format=json", 5),
    ("export CSL-JSON", lambda a: reverse("memo_export") + "?format=csljson", 5),
    # API: the data version and the (cached) count, the rows, their authors and topics; one memo:
    # the memo, its authors, topics and mentions
    ("API memos", lambda a: reverse("api-memo-list"), 5),
    (
        "API memos, filtered",
        lambda a: reverse("api-memo-list") + "?country=RU&vendor=acme-vision&year=2021",
        7,
    ),
    ("API memo", lambda a: reverse("api-memo-detail", args=[a["cameras"].slug]), 4),
    ("API authors", lambda a: reverse("api-author-list"), 3),
    ("API topics", lambda a: reverse("api-topic-list"), 3),
    ("API countries", lambda a: reverse("api-country-list"), 3),
    ("API vendors", lambda a: reverse("api-vendor-list"), 3),
    ("API author", lambda a: reverse("api-author-detail", args=["alice-adams"]), 1),
    ("API schema", lambda a: reverse("api-schema"), 0),
    ("API docs", lambda a: reverse("api-docs"), 0),
    # OAI-PMH: the earliest datestamp; series, topics, countries; a page of records with their
    # authors, topics and countries
    ("OAI Identify", lambda a: reverse("oai") + "?verb=Identify", 1),
    ("OAI ListSets", lambda a: reverse("oai") + "?verb=ListSets", 3),
    ("OAI ListRecords", lambda a: reverse("oai") + "?verb=ListRecords&metadataPrefix=oai_dc", 4),
    (
        "OAI ListIdentifiers, a set",
        lambda a: reverse("oai") + "?verb=ListIdentifiers&metadataPrefix=oai_dc&set=country:RU",
        4,
    ),
    (
        "OAI GetRecord",
        lambda a: (
            reverse("oai") + f"?verb=GetRecord&metadataPrefix=oai_dc&identifier={identifier(a['cameras'].pk)}"
        ),
        4,
    ),
    ("OAI error", lambda a: reverse("oai") + "?verb=Foo", 0),
]


@pytest.mark.parametrize(("name", "url", "queries"), PAGES, ids=[p[0] for p in PAGES])
def test_queries_per_page_do_not_grow_with_the_data(
    client, django_assert_num_queries, settings, name, url, queries
):
    settings.MEMOS_PER_PAGE = 3
    caches["throttle"].clear()
    archive = build_archive()
    cameras = archive["cameras"]
    cameras.slug, cameras.title = "cameras-before-a-rename", "x"
    cameras.save()
    cameras.slug = "cameras-in-almaty"
    cameras.save()
    status = {"list, bad parameter": 400, "permalink": 302, "old slug": 301}.get(name, 200)
    with django_assert_num_queries(queries):
        read(client.get(url(archive)), status)
    grow()
    with django_assert_num_queries(queries):
        read(client.get(url(archive)), status)


def read(response, status: int) -> None:
    """The whole response, as a reader gets it: a streamed one runs its queries as it is read."""
    assert response.status_code == status
    if response.streaming:
        b"".join(response.streaming_content)


def test_search_queries_do_not_grow_with_the_data(client, django_assert_num_queries, settings):
    settings.MEMOS_PER_PAGE = 3
    build_archive()
    search.index_memos(Memo.objects.values_list("pk", flat=True))
    url = reverse("memo_list") + "?q=body&country=RU"
    # the country check, version, count, rows, authors, topics, snippets and mentions of the rows,
    # the histogram, the map, six facets (years from the histogram; countries of a chosen country
    # are counted without it, so not from the map)
    with django_assert_num_queries(16):
        assert client.get(url).status_code == 200
    grow()
    search.index_memos(Memo.objects.values_list("pk", flat=True))
    with django_assert_num_queries(16):
        response = client.get(url)
    assert "<mark>" in response.text


def test_an_empty_search_takes_one_query_for_its_spelling_suggestions(client, django_assert_num_queries):
    build_archive()
    search.index_memos(Memo.objects.values_list("pk", flat=True))
    url = reverse("memo_list") + "?q=Acme+Vission+Kazakstan&country=UA"
    # the country check, version, the search's ids, spelling, a count without q and one without country
    with django_assert_num_queries(6):
        assert "Did you mean" in client.get(url).text
    grow()
    search.index_memos(Memo.objects.values_list("pk", flat=True))
    with django_assert_num_queries(6):
        assert "Did you mean" in client.get(url).text


# A filter of each kind that chooses memos by their links, and an entity page's memos.
WALKED = [
    ("country", lambda a: MemoFilter(QueryDict("country=RU"), queryset=Memo.objects.published()).qs),
    ("vendor", lambda a: MemoFilter(QueryDict("vendor=acme-vision"), queryset=Memo.objects.published()).qs),
    ("topic", lambda a: MemoFilter(QueryDict("topic=surveillance"), queryset=Memo.objects.published()).qs),
    ("author", lambda a: MemoFilter(QueryDict("author=alice-adams"), queryset=Memo.objects.published()).qs),
    (
        "two",
        lambda a: MemoFilter(QueryDict("country=RU&topic=telecom"), queryset=Memo.objects.published()).qs,
    ),
    ("country page", lambda a: memos_mentioning(country="RU").order_by(*NEWEST_FIRST)),
]


@pytest.mark.parametrize("make", [m for _, m in WALKED], ids=[name for name, _ in WALKED])
def test_on_sqlite_a_filtered_list_walks_the_lists_index_to_its_page_and_sorts_nothing(make):
    """SQLite without the unary + (models.MemberOf) fetched every matched memo and sorted them all
    to show 20: 1.6 s for the busiest country at 100,000 memos. Its plan does not depend on the
    number of rows (no ANALYZE statistics), so a small archive shows the plan of a large one."""
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL plans by its statistics")
    archive = build_archive()
    sql, params = make(archive)[:20].query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = " / ".join(row[-1] for row in cursor.fetchall())
    assert plan.startswith("SCAN memos_memo USING INDEX memo_listing_newest"), plan
    assert "TEMP B-TREE" not in plan, plan
    assert list(make(archive)), "no memo matches: the case tests nothing"


def test_on_sqlite_the_counted_mentions_of_a_page_read_the_partial_index_of_counted_mentions():
    """Why each result matched (views.add_reasons): SQLite matches a partial index's condition only
    against values written in the SQL (models.ChoicesIn), not bound parameters."""
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL matches partial indexes against parameters")
    archive = build_archive()
    mentions = Mention.objects.filter(
        country_id="RU", verdict__in=Mention.COUNTED, memo_id__in=[m.pk for m in archive.values()]
    )
    sql, params = mentions.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = " / ".join(row[-1] for row in cursor.fetchall())
    assert "USING INDEX mention_counted_country (country_id=? AND memo_id=?)" in plan, plan
    assert {archive["spectrum"].pk, archive["cyber"].pk} <= {m.memo_id for m in mentions}


def test_a_search_matches_the_archive_once_until_the_data_changes(client):
    """The ids of a search's results are cached like the counts: a second reader of the same search
    runs only the snippets of its page's memos through the index."""
    build_archive()
    url = reverse("memo_list") + "?q=surveillance"

    def matching_queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return sum(" MATCH " in q["sql"] or "@@" in q["sql"] for q in captured.captured_queries)

    first = matching_queries()
    assert matching_queries() == first - 1
    Memo.objects.filter(pk=Memo.objects.first().pk).update(title="Quartz")  # a write: a new data version
    assert matching_queries() == first

"""Facet counts: aggregate queries over the list's current results, and the links beside them."""

import re
from datetime import date
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.http import QueryDict
from django.urls import reverse

from memos.models import Country, Memo, Mention
from memos.site import facets
from memos.site.filters import MemoFilter
from tests.factories import build_archive, make_memo
from tests.pages import listed

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    return build_archive()


def counts(query: str) -> dict[str, dict[str, int]]:
    """{facet: {value: count}} for the list under `query`, straight from memo_facets, as the list counts."""
    memo_filter = MemoFilter(QueryDict(query), queryset=Memo.objects.published())
    assert memo_filter.is_valid(), memo_filter.errors
    found = facets.memo_facets(
        memo_filter.qs,
        memo_filter.params(),
        disjunctions=memo_filter.disjunctions(),
        total=memo_filter.qs.count,
    )
    return {facet.name: {v.value: v.count for v in facet.values} for facet in found}


def test_counts_without_filters(archive):
    assert counts("") == {
        # KZ: the rejected mention in "spectrum" does not count; GE is only in the draft.
        "country": {"RU": 3, "KZ": 2, "CN": 2, "UA": 1},
        "vendor": {"acme-vision": 2, "borealis-networks": 1},
        # Acme Vision is Chinese and a surveillance vendor; Borealis has no home country.
        "vendor_country": {"CN": 2},
        "sector": {"surveillance": 2, "telecom": 1},
        "topic": {"surveillance": 2, "telecom": 2, "security": 1},
        "author": {"alice-adams": 2, "boris-brown": 2, "carla-cruz": 2},
        "year": {"2021": 1, "2020": 1, "2019": 1, "2018": 1},
    }


def test_counts_under_the_current_filters(archive):
    # Russia: "spectrum", "cyber" and "russian". Another country would add its memos to these
    # three (OR): Kazakhstan "cameras", China "cameras" and "undated", Ukraine nothing new.
    assert counts("country=RU") == {
        "country": {"RU": 3, "KZ": 4, "CN": 5, "UA": 3},
        "vendor": {"acme-vision": 1, "borealis-networks": 1},
        "vendor_country": {"CN": 1},
        "sector": {"surveillance": 1, "telecom": 1},
        "topic": {"telecom": 2, "security": 1, "surveillance": 1},
        "author": {"boris-brown": 2, "alice-adams": 1, "carla-cruz": 1},
        "year": {"2021": 1, "2020": 1, "2018": 1},
    }
    # Russia and Acme Vision: only "cyber". Countries are counted among Acme Vision's memos
    # ("cameras", "cyber"), vendors among Russia's.
    assert counts("country=RU&vendor=acme-vision") == {
        "country": {"RU": 1, "UA": 1, "CN": 2, "KZ": 2},
        "vendor": {"acme-vision": 1, "borealis-networks": 2},
        "vendor_country": {"CN": 1},
        "sector": {"surveillance": 1},
        "topic": {"security": 1, "surveillance": 1},
        "author": {"carla-cruz": 1},
        "year": {"2021": 1},
    }
    assert counts("year=2019&country=KZ") == {
        "country": {"CN": 1, "KZ": 1},
        "vendor": {"acme-vision": 1},
        "vendor_country": {"CN": 1},
        "sector": {"surveillance": 1},
        "topic": {"surveillance": 1},
        "author": {"alice-adams": 1},
        "year": {"2019": 1},
    }


def test_counts_are_of_memos_not_mentions(archive):
    # Russia is mentioned 4 + 2 + 1 times, in three memos.
    assert counts("")["country"]["RU"] == 3


def test_values_are_ordered_by_count_then_name_and_years_newest_first(archive):
    memo_filter = MemoFilter(QueryDict(""), queryset=Memo.objects.published())
    memo_filter.is_valid()
    by_name = {f.name: f for f in facets.memo_facets(memo_filter.qs, memo_filter.params())}
    assert [v.value for v in by_name["country"].values] == ["RU", "CN", "KZ", "UA"]  # China < Kazakhstan
    assert [v.value for v in by_name["year"].values] == ["2021", "2020", "2019", "2018"]
    assert by_name["country"].values[0].label == Country.objects.get(code="RU").name


def test_long_facets_stop_at_the_limit_with_a_more_page(client, archive):
    for i in range(facets.FACET_LIMIT + 2):
        make_memo(f"Extra memo {i}", date(2022, 1, 1), authors=[f"Extra Author {i:02d}"], countries={"RU": 1})
    memo_filter = MemoFilter(QueryDict(""), queryset=Memo.objects.published())
    memo_filter.is_valid()
    by_name = {f.name: f for f in facets.memo_facets(memo_filter.qs, memo_filter.params())}
    assert len(by_name["author"].values) == facets.FACET_LIMIT and by_name["author"].has_more
    assert not by_name["country"].has_more

    response = client.get(reverse("memo_list"), {"country": "RU"})
    assert 'href="/memos/facets/author/?country=RU"' in response.text
    assert 'href="/memos/facets/country/' not in response.text

    more = client.get(reverse("memo_facet", args=["author"]), {"country": "RU"})
    assert more.status_code == 200
    # Every author of the Russia memos: the extras, Alice, Boris and Carla.
    assert "15 values" in more.text
    assert "Extra Author 11" in more.text and "Carla Cruz" in more.text
    assert 'href="/memos/?country=RU&amp;author=carla-cruz"' in more.text


def facet_links(response, name: str) -> dict[str, tuple[str, bool]]:
    """{label: (href, chosen)} for the links of one facet on the list page."""
    pattern = rf'<section class="facet" aria-labelledby="facet-{name}">.*?</section>'
    section = re.search(pattern, response.text, re.S)
    found = re.findall(
        r'<li( class="chosen")?>\s*<a rel="nofollow" href="([^"]+)".*?<span class="facet-label">'
        r'(?:<span aria-hidden="true">✓ </span>)?(.*?)</span>',
        section.group(0),
        re.S,
    )
    return {unescape(label).strip(): (unescape(href), bool(chosen)) for chosen, href, label in found}


def query_of(href: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(href).query)


def test_facet_links_add_and_remove_values(client, archive):
    response = client.get(reverse("memo_list"), {"country": "RU", "year": "2020", "page": "1"})
    russia, kazakhstan = (Country.objects.get(code=c).name for c in ("RU", "KZ"))
    countries = facet_links(response, "country")
    # The chosen value removes itself; another country joins it (any of them).
    assert countries[russia] == ("/memos/?year=2020", True)
    # Under Russia and 2020 only "spectrum" is left, whose Kazakhstan mention was rejected.
    assert kazakhstan not in countries

    response = client.get(reverse("memo_list"), {"country": "RU"})
    countries = facet_links(response, "country")
    href, chosen = countries[kazakhstan]
    assert not chosen and query_of(href) == {"country": ["RU", "KZ"]}
    # Single-valued parameters take the new value instead of adding it.
    years = facet_links(response, "year")
    assert query_of(years["2021"][0]) == {"country": ["RU"], "year": ["2021"]}
    response = client.get(reverse("memo_list"), {"country": "RU", "year": "2021"})
    years = facet_links(response, "year")
    assert years["2021"] == ("/memos/?country=RU", True)
    authors = facet_links(response, "author")
    assert query_of(authors["Carla Cruz"][0]) == {
        "country": ["RU"],
        "year": ["2021"],
        "author": ["carla-cruz"],
    }


def test_following_facet_links_narrows_and_widens_the_results(client, archive):
    response = client.get(reverse("memo_list"))
    assert "5 memos" in response.text
    href, _ = facet_links(response, "vendor")["Acme Vision"]
    response = client.get(href)
    assert "2 memos" in response.text
    href, _ = facet_links(response, "topic")["Security"]
    response = client.get(href)
    assert "1 memo" in response.text and "Cyber Defense in Ukraine" in response.text
    href, _ = facet_links(response, "vendor")["Acme Vision"]
    response = client.get(href)  # Acme Vision removed: every Security memo
    assert query_of(href) == {"topic": ["security"]}
    assert "1 memo" in response.text


# --- On the sample archive (fixtures/pages) ------------------------------------------------------


def result_count(client, query: str) -> int:
    response = client.get(f"{reverse('memo_list')}?{query}")
    assert response.status_code == 200, response.text
    return int(re.search(r'class="result-count">(\d+) memo', response.text).group(1))


def facet_page(client, facet: str, query: str) -> list[tuple[str, int, str]]:
    """(label, count, href) of every value of one facet, from its own page."""
    response = client.get(f"{reverse('memo_facet', args=[facet])}?{query}")
    assert response.status_code == 200
    found = re.findall(
        r'<a rel="nofollow" href="([^"]+)">(?:✓ )?([^<]+)</a> <span class="count">(\d+)</span>', response.text
    )
    assert "page=2" not in response.text  # every value on one page
    return [(unescape(label), int(n), unescape(href)) for href, label, n in found]


def test_each_vendor_counts_the_results_it_would_give_added_to_huawei(client, sample_pages):
    values = facet_page(client, "vendor", "vendor=huawei")
    current = result_count(client, "vendor=huawei")
    others = [(label, n, href) for label, n, href in values if label != "Huawei"]
    assert len(others) > 10
    for label, count, href in others:
        assert query_of(href)["vendor"] == ["huawei", query_of(href)["vendor"][1]]
        assert result_count(client, urlsplit(href).query) == count, label
    # Some vendors add memos to Huawei's, some appear only beside Huawei and add none.
    assert {count > current for _, count, _ in others} == {True, False}
    huawei = next(n for label, n, _ in values if label == "Huawei")
    assert huawei == current


def test_the_list_page_facets_agree_with_their_own_page(client, sample_pages):
    response = client.get(reverse("memo_list"), {"vendor": "huawei", "country": "KZ"})
    on_the_list = {label: href for label, (href, _) in facet_links(response, "vendor").items()}
    for label, count, href in facet_page(client, "vendor", "vendor=huawei&country=KZ"):
        if label in on_the_list:
            assert query_of(on_the_list[label]) == query_of(href)
            assert re.search(
                rf"{re.escape(label)}</span>\s*<span class=\"count\">{count}</span>", response.text
            )


def test_chinese_vendors_in_kazakhstan(client, sample_pages):
    counted = Mention.objects.filter(verdict__in=Mention.COUNTED)
    expected = set(
        Memo.objects.published()
        .filter(pk__in=counted.filter(country_id="KZ").values("memo_id"))
        .filter(pk__in=counted.filter(vendor__country_id="CN").values("memo_id"))
        .values_list("title", flat=True)
    )
    assert expected
    assert listed(client, "vendor_country=CN&country=KZ") == expected

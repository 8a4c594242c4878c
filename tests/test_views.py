"""The public pages: filters and their combinations, chips, pagination, bad parameters, 404s."""

import re
from datetime import date
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from memos import search
from memos.models import Country, Memo, MemoText
from memos.site import citations
from tests.factories import build_archive, make_memo
from tests.pages import listed, titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    return build_archive()


def names(archive, *keys) -> set[str]:
    return {archive[k].title for k in keys}


# --- Filters --------------------------------------------------------------------------------------


def test_list_shows_published_memos_newest_first_and_undated_last(client, archive):
    response = client.get(reverse("memo_list"))
    assert response.status_code == 200
    newest_first = ("cyber", "spectrum", "cameras", "russian", "undated")
    assert titles(response) == [archive[k].title for k in newest_first]
    assert "5 memos" in response.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country=RU", ["spectrum", "cyber", "russian"]),
        ("country=ru", ["spectrum", "cyber", "russian"]),  # codes in any case
        ("country=KZ", ["cameras", "russian"]),  # the rejected mention in "spectrum" does not count
        ("vendor=acme-vision", ["cameras", "cyber"]),  # confirmed mentions count
        ("topic=surveillance", ["cameras", "cyber"]),
        ("author=alice-adams", ["cameras", "spectrum"]),
        ("year=2020", ["spectrum"]),
        ("from=2019-01-01", ["cameras", "spectrum", "cyber"]),
        ("to=2019-04-01", ["cameras", "russian"]),  # inclusive
        ("from=2019-01-01&to=2020-12-31", ["cameras", "spectrum"]),
        ("series=2", ["cameras", "spectrum", "cyber", "russian"]),
        ("category=Аналитика", ["russian"]),
        ("language=ru", ["russian"]),
        # Acme Vision is a Chinese surveillance vendor; Borealis a telecom one with no home country.
        ("vendor_country=CN", ["cameras", "cyber"]),
        ("vendor_country=cn", ["cameras", "cyber"]),
        ("sector=surveillance", ["cameras", "cyber"]),
        ("sector=telecom", ["spectrum"]),
    ],
)
def test_each_filter(client, archive, query, expected):
    assert listed(client, query) == names(archive, *expected)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Several values of one parameter: any of them.
        ("country=RU&country=CN", ["spectrum", "cyber", "russian", "cameras", "undated"]),
        ("vendor=acme-vision&vendor=borealis-networks", ["cameras", "spectrum", "cyber"]),
        ("topic=surveillance&topic=telecom", ["cameras", "spectrum", "cyber", "russian"]),
        # Different parameters: all of them.
        ("country=RU&vendor=acme-vision", ["cyber"]),
        ("country=RU&topic=telecom&year=2018", ["russian"]),
        ("country=RU&country=KZ&author=alice-adams", ["cameras", "spectrum"]),
        ("country=KZ&vendor=borealis-networks", []),
        ("sector=telecom&sector=surveillance", ["cameras", "spectrum", "cyber"]),
        ("vendor_country=CN&country=KZ", ["cameras"]),
        ("vendor_country=CN&sector=telecom", []),
        ("vendor_country=CN&vendor_country=US&country=UA", ["cyber"]),
    ],
)
def test_filters_combine_or_within_and_across(client, archive, query, expected):
    assert listed(client, query) == names(archive, *expected)


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("-published", ["cyber", "spectrum", "cameras", "russian", "undated"]),
        ("published", ["russian", "cameras", "spectrum", "cyber", "undated"]),
        ("title", ["undated", "cameras", "cyber", "spectrum", "russian"]),
    ],
)
def test_sort(client, archive, sort, expected):
    response = client.get(reverse("memo_list"), {"sort": sort})
    assert titles(response) == [archive[k].title for k in expected]


def test_unpublished_memos_are_nowhere_public(client, archive):
    draft = archive["draft"]
    for url in [
        reverse("home"),
        reverse("memo_list"),
        reverse("memo_list") + "?country=GE",
        reverse("country_detail", args=["RU"]),
        reverse("topic_list"),
        reverse("author_list"),
        reverse("country_list"),
    ]:
        response = client.get(url)
        assert draft.title not in response.text, url
        assert "Dmitri Draft" not in response.text, url
        assert "Secret Topic" not in response.text, url
    # Georgia is mentioned only in the draft.
    assert listed(client, "country=GE") == set()
    assert "/countries/GE/" not in client.get(reverse("country_list")).text


# --- Chips, facets links and pagination -----------------------------------------------------------


def links(response, css_class: str) -> list[tuple[str, str]]:
    """(href, text) of the links with this class attribute."""
    found = re.findall(rf'<a class="{css_class}"[^>]*href="([^"]+)"[^>]*>(.*?)</a>', response.text, re.S)
    return [(unescape(h), " ".join(re.sub(r"<[^>]+>", "", unescape(text)).split())) for h, text in found]


def query_of(href: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(href).query)


def test_chips_show_the_chosen_filters_and_remove_one_each(client, archive):
    response = client.get(
        reverse("memo_list"), {"country": ["ru", "KZ"], "topic": "telecom", "from": "2018-01-01", "q": ""}
    )
    chips = links(response, "chip")
    russia = Country.objects.get(code="RU").name
    assert [text.split(" ✕")[0] for _, text in chips] == [
        f"Country: {russia}",
        f"Country: {Country.objects.get(code='KZ').name}",
        "Topic: Telecom",
        "From: 2018-01-01",
    ]
    # Removing Russia keeps the rest, in canonical form.
    assert query_of(chips[0][0]) == {"country": ["KZ"], "topic": ["telecom"], "from": ["2018-01-01"]}
    assert query_of(chips[3][0]) == {"country": ["RU", "KZ"], "topic": ["telecom"]}


def test_vendor_country_and_sector_chips(client, archive):
    response = client.get(reverse("memo_list"), {"vendor_country": "cn", "sector": ["surveillance", "ai"]})
    china = Country.objects.get(code="CN").name
    chips = links(response, "chip")
    assert [text.split(" ✕")[0] for _, text in chips] == [
        f"Vendor country: {china}",
        "Sector: Surveillance",
        "Sector: AI",
    ]
    assert query_of(chips[1][0]) == {"vendor_country": ["CN"], "sector": ["ai"]}
    assert '<input type="hidden" name="vendor_country" value="cn">' in response.text


def test_results_say_why_they_matched(client, archive):
    response = client.get(reverse("memo_list"), {"country": "KZ"})
    reasons = re.findall(
        r'<span class="reason-subject">([^<]+)</span> <span class="reason-count">×(\d+)</span> '
        r'<q class="reason-context">([^<]+)</q>',
        response.text,
    )
    kazakhstan = Country.objects.get(code="KZ").name
    # "cameras" names Kazakhstan 3 times, "russian" once; the context sentence of each.
    assert reasons == [
        (kazakhstan, "3", "KZ appears in Cameras in Almaty."),
        (kazakhstan, "1", "KZ appears in Камеры в Москве."),
    ]
    # A vendor's origin: the memo's Chinese vendors.
    response = client.get(reverse("memo_list"), {"vendor_country": "CN", "country": "UA"})
    assert re.findall(r'<span class="reason-subject">([^<]+)</span>', response.text) == [
        Country.objects.get(code="UA").name,
        "Acme Vision",
    ]
    # Without a country or vendor filter, nothing to explain.
    assert 'class="reasons"' not in client.get(reverse("memo_list"), {"topic": "telecom"}).text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Russia named 4 times in "spectrum", twice in "cyber", once in "russian".
        ("country=RU&sort=mentions", ["spectrum", "cyber", "russian"]),
        # With Ukraine too: "cyber" names them 5 + 2 times.
        ("country=RU&country=UA&sort=mentions", ["cyber", "spectrum", "russian"]),
        ("vendor=acme-vision&sort=mentions", ["cameras", "cyber"]),
    ],
)
def test_sort_by_mentions_of_the_chosen_countries_and_vendors(client, archive, query, expected):
    response = client.get(f"{reverse('memo_list')}?{query}")
    assert titles(response) == [archive[k].title for k in expected]
    assert '<option value="mentions" selected>Most mentions</option>' in response.text


def test_the_mentions_sort_is_offered_only_with_a_country_or_vendor(client, archive):
    assert 'value="mentions"' not in client.get(reverse("memo_list")).text
    assert 'value="mentions"' in client.get(reverse("memo_list"), {"sector": "telecom"}).text


def test_pagination_keeps_the_filters(client, archive, settings):
    settings.MEMOS_PER_PAGE = 2
    response = client.get(reverse("memo_list"), {"country": "RU", "sort": "title"})
    assert "3 memos" in response.text
    next_link = re.search(r'<a href="([^"]+)" rel="next">', response.text).group(1)
    assert query_of(unescape(next_link)) == {"country": ["RU"], "sort": ["title"], "page": ["2"]}
    second = client.get(reverse("memo_list") + unescape(next_link))
    assert titles(second) == [archive["russian"].title]
    # A facet link on page 2 goes back to page 1 of the new results.
    hrefs = re.findall(r'<a rel="nofollow" href="([^"]+)"', second.text)
    assert hrefs and all("page" not in query_of(unescape(h)) for h in hrefs)


def test_search_form_carries_the_facet_filters(client, archive):
    response = client.get(reverse("memo_list"), {"country": "RU", "vendor": "acme-vision"})
    assert '<input type="hidden" name="country" value="RU">' in response.text
    assert '<input type="hidden" name="vendor" value="acme-vision">' in response.text


# --- Bad parameters ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("country=XX", "Unknown country code: XX."),
        ("country=RU&country=Russia", "Unknown country code: RUSSIA."),
        ("vendor=no-such-vendor", "Unknown vendor: no-such-vendor."),
        ("topic=nope", "Unknown topic: nope."),
        ("author=nobody", "Unknown author."),
        ("year=last", "The year must be a number like 2019."),
        ("year=99999", "Ensure this value is less than or equal to 9999."),
        ("from=2019-13-45", "The start date must look like 2019-04-30."),
        ("to=yesterday", "The end date must look like 2019-04-30."),
        ("from=2020-01-01&to=2019-01-01", "The end date is before the start date."),
        ("language=fr", "Unknown language: fr (use en or ru)."),
        ("sort=newest", "Unknown sort: newest (use -published, published, title, relevance or mentions)."),
        ("sort=relevance", "Sorting by relevance needs a search query (q)."),
        ("vendor_country=XX", "Unknown vendor country code: XX."),
        (
            "sector=spyware",
            "Unknown sector: spyware (use surveillance, telecom, ai, cloud, hardware, security, software).",
        ),
        ("sort=mentions", "Sorting by mentions needs a country, vendor, vendor_country or sector filter."),
        ("q=" + "word+" * 60, "The search is too long: at most 200 characters."),
    ],
)
def test_bad_filter_values_get_a_400_with_a_message(client, archive, query, message):
    response = client.get(f"{reverse('memo_list')}?{query}")
    assert response.status_code == 400
    assert message in unescape(response.text)
    assert 'role="alert"' in response.text


@pytest.mark.parametrize(
    ("page", "message"),
    [
        ("abc", "“abc” is not a page number."),
        ("99", "There is no page 99: the results have 1 page."),
        ("0", "There is no page 0"),
    ],
)
def test_bad_page_numbers_get_a_400(client, archive, page, message):
    for url in [reverse("memo_list"), reverse("author_list"), reverse("country_detail", args=["RU"])]:
        response = client.get(url, {"page": page})
        assert response.status_code == 400, url
        assert message in unescape(response.text)


def test_unknown_parameters_are_ignored(client, archive):
    expected = names(archive, "spectrum", "cyber", "russian")
    assert listed(client, "utm_source=newsletter&country=RU") == expected


# --- 404s ---------------------------------------------------------------------------------------


def test_not_found_pages(client, archive):
    draft = archive["draft"]
    for url in [
        reverse("memo_detail", args=["no-such-memo"]),
        reverse("memo_detail", args=[draft.slug]),
        reverse("memo_bibtex", args=[draft.slug]),
        reverse("memo_ris", args=[draft.slug]),
        reverse("author_detail", args=["nobody"]),
        reverse("author_detail", args=["dmitri-draft"]),  # an author of unpublished memos only
        reverse("topic_detail", args=["secret-topic"]),
        reverse("country_detail", args=["XX"]),
        reverse("vendor_detail", args=["nope"]),
        reverse("memo_facet", args=["colour"]),
        "/no/such/page/",
    ]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Page not found" in response.text, url
        assert 'class="site-header"' in response.text  # in the site's design


def test_country_codes_in_lower_case_redirect(client, archive):
    response = client.get(reverse("country_detail", args=["ru"]))
    assert response.status_code == 301
    assert response["Location"] == reverse("country_detail", args=["RU"])


def test_server_error_page_renders_without_a_request(archive):
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Something went wrong" in html and 'class="skip-link"' in html


# --- Pages -----------------------------------------------------------------------------------------


def test_home_page(client, archive):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    text = unescape(response.text)
    assert 'role="search"' in text and 'name="q"' in text
    assert archive["cyber"].title in text
    russia = Country.objects.get(code="RU").name
    # Russia is in three published memos; the draft's mention does not count.
    assert re.search(rf'/countries/RU/">{russia}</a> <span class="count">3</span>', text)
    assert re.search(r'/vendors/acme-vision/">Acme Vision</a> <span class="count">2</span>', text)
    assert re.search(r'/topics/surveillance/">Surveillance <span class="count">2</span>', text)


def test_memo_page(client, archive):
    memo = archive["cameras"]
    response = client.get(memo.get_absolute_url())
    assert response.status_code == 200
    text = unescape(response.text)
    assert f'<h1 lang="en">{memo.title}</h1>' in text
    assert '<a href="/authors/alice-adams/">Alice Adams</a>' in text
    assert "1 April 2019" in text and "Memo No. 101" in text and "Series 2" in text
    assert '<a href="/memos/?category=Policy+Memos">Policy Memos</a>' in text
    assert '<a href="/topics/surveillance/">Surveillance</a>' in text
    assert 'href="https://example.org/pepm101.pdf"' in text
    assert "<p>Body of Cameras in Almaty.</p>" in text  # the sanitized body, as HTML
    assert "Alice Adams studies cities." in text
    # Mentions: counts, context, and links to the filtered list.
    assert 'href="/memos/?country=KZ"' in text and "×3" in text
    assert "KZ appears in Cameras in Almaty." in text
    assert 'href="/memos/?vendor=acme-vision"' in text
    # Related memos share a vendor and a topic; neighbours by date.
    related = re.search(r'<section class="related".*?</section>', text, re.S).group(0)
    assert archive["cyber"].title in related
    assert archive["draft"].title not in text
    assert re.search(rf'rel="prev" href="{archive["russian"].get_absolute_url()}"', text)
    assert re.search(rf'rel="next" href="{archive["spectrum"].get_absolute_url()}"', text)
    # The citation block and downloads.
    assert citations.ponars_citation(memo) in text
    assert f'href="/memos/{memo.slug}/cite.bib"' in text and f'href="/memos/{memo.slug}/cite.ris"' in text


def test_memo_page_escapes_everything_but_the_body(client, archive):
    memo = archive["undated"]
    Memo.objects.filter(pk=memo.pk).update(summary="<img src=x onerror=alert(1)>")
    MemoText.objects.filter(memo=memo).update(bio="<b>bold</b>", body_html="<p><em>kept</em></p>")
    text = client.get(memo.get_absolute_url()).text
    assert "<script>alert" not in text and "&lt;script&gt;" in text
    assert "<img src=x" not in text and "<b>bold</b>" not in text
    assert "<p><em>kept</em></p>" in text
    list_text = client.get(reverse("memo_list")).text
    assert "<script>alert" not in list_text


def test_javascript_pdf_links_are_not_offered(client, archive):
    text = client.get(archive["spectrum"].get_absolute_url()).text
    assert "javascript:" not in text and "Download the PDF" not in text


def test_rejected_mentions_are_not_shown_on_the_memo(client, archive):
    text = client.get(archive["spectrum"].get_absolute_url()).text
    assert 'href="/memos/?country=RU"' in text
    assert 'href="/memos/?country=KZ"' not in text


@pytest.mark.parametrize(("name", "extension", "content_type"), [
    ("memo_bibtex", "bib", "application/x-bibtex"),
    ("memo_ris", "ris", "application/x-research-info-systems"),
])  # fmt: skip
def test_citation_downloads(client, archive, name, extension, content_type):
    memo = archive["cameras"]
    response = client.get(reverse(name, args=[memo.slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == f"{content_type}; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{memo.slug}.{extension}"'
    fmt = citations.bibtex if extension == "bib" else citations.ris
    full = Memo.objects.with_listing_data().get(pk=memo.pk)
    assert response.content.decode() == fmt(full)
    assert "Cameras in Almaty" in response.content.decode()


def test_author_page(client, archive):
    response = client.get(reverse("author_detail", args=["alice-adams"]))
    assert response.status_code == 200
    assert set(titles(response)) == names(archive, "cameras", "spectrum")
    assert "Alice Adams studies cities." in response.text
    assert 'href="/memos/?author=alice-adams"' in response.text


def test_author_and_topic_lists_count_published_memos(client, archive):
    authors = client.get(reverse("author_list")).text
    assert re.search(r'/authors/boris-brown/">Boris Brown</a> <span class="count">2</span>', authors)
    topics = client.get(reverse("topic_list")).text
    assert re.search(r'/topics/telecom/">Telecom</a> <span class="count">2</span>', topics)


def aside_links(response) -> dict[str, str]:
    """{text: href} of the links beside an entity's memos."""
    aside = re.search(r"<aside.*?</aside>", response.text, re.S).group(0)
    return {
        unescape(text): unescape(href) for href, text in re.findall(r'<a href="([^"]+)">([^<]+)</a>', aside)
    }


def test_topic_page(client, archive):
    response = client.get(reverse("topic_detail", args=["surveillance"]))
    assert set(titles(response)) == names(archive, "cameras", "cyber")
    # Its countries and vendors, each a link to the memos on this topic that mention it.
    ukraine = Country.objects.get(code="UA").name
    links = aside_links(response)
    assert links[ukraine] == "/memos/?topic=surveillance&country=UA"
    assert links["Acme Vision"] == "/memos/?topic=surveillance&vendor=acme-vision"
    assert listed(client, "topic=surveillance&vendor=acme-vision") == names(archive, "cameras", "cyber")


def test_author_page_shows_the_countries_and_vendors_the_author_writes_about(client, archive):
    response = client.get(reverse("author_detail", args=["boris-brown"]))
    links = aside_links(response)
    russia, kazakhstan = (Country.objects.get(code=c).name for c in ("RU", "KZ"))
    assert re.search(rf'>{russia}</a> <span class="count">2</span>', response.text)
    assert links[russia] == "/memos/?author=boris-brown&country=RU"
    # "spectrum"'s rejected mention of Kazakhstan does not count; "russian"'s does.
    assert re.search(rf'>{kazakhstan}</a> <span class="count">1</span>', response.text)
    assert links["Borealis Networks"] == "/memos/?author=boris-brown&vendor=borealis-networks"
    assert links["Telecom"] == "/topics/telecom/"
    assert listed(client, "author=boris-brown&country=KZ") == names(archive, "russian")


def test_country_page_has_memos_a_chart_per_year_and_vendors(client, archive):
    response = client.get(reverse("country_detail", args=["RU"]))
    assert response.status_code == 200
    assert set(titles(response)) == names(archive, "spectrum", "cyber", "russian")
    chart = re.search(r"<svg.*?</svg>", response.text, re.S).group(0)
    bars = re.findall(r"<title>(\d{4}): (\d+) memos?, (\d+) mentions?</title>", chart)
    # 2018 to 2021 with none in 2019 (the draft's 2020 mention does not count).
    assert bars == [("2018", "1", "1"), ("2019", "0", "0"), ("2020", "1", "4"), ("2021", "1", "2")]
    # Each vendor row lists the memos that mention both, not all of the vendor's.
    links = aside_links(response)
    assert links["Acme Vision"] == "/memos/?country=RU&vendor=acme-vision"
    assert links["Borealis Networks"] == "/memos/?country=RU&vendor=borealis-networks"
    assert listed(client, "country=RU&vendor=acme-vision") == names(archive, "cyber")


def test_country_page_without_memos(client, archive):
    response = client.get(reverse("country_detail", args=["FR"]))
    assert response.status_code == 200
    assert "0 memos mention" in response.text


def test_a_historic_country_has_its_page_and_is_called_former(client, archive):
    make_memo("Kosovo after Yugoslavia", date(2019, 1, 1), countries={"YU": 2, "XK": 3})
    response = client.get(reverse("country_detail", args=["YU"]))
    assert response.status_code == 200
    assert re.search(r"<h1>Yugoslavia <span class=\"badge\">former</span></h1>", response.text)
    assert "Kosovo after Yugoslavia" in titles(response)
    kosovo = client.get(reverse("country_detail", args=["XK"])).text
    assert "<h1>Kosovo</h1>" in kosovo and "former" not in kosovo
    countries = client.get(reverse("country_list")).text
    assert re.search(r'/countries/YU/">Yugoslavia</a> <span class="badge">former</span>', countries)
    assert re.search(r'/countries/XK/">Kosovo</a> <span class="count">', countries)


def test_country_and_vendor_lists(client, archive):
    countries = client.get(reverse("country_list")).text
    assert re.search(r'/countries/KZ/">[^<]+</a> <span class="count">2</span>', countries)
    vendors = client.get(reverse("vendor_list")).text
    assert re.search(r'/vendors/acme-vision/">Acme Vision</a></th>.*?<td class="num">2</td>', vendors, re.S)


def test_vendor_page_lists_memos_and_countries(client, archive):
    response = client.get(reverse("vendor_detail", args=["acme-vision"]))
    assert set(titles(response)) == names(archive, "cameras", "cyber")
    links = aside_links(response)
    for code in ("KZ", "CN", "UA", "RU"):
        assert links[Country.objects.get(code=code).name] == f"/memos/?country={code}&vendor=acme-vision"


def test_robots_txt(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "Disallow: /admin/" in response.text
    assert "Sitemap: http://testserver/sitemap.xml" in response.text


# --- Full-text search (memos.search behind the q parameter) ------------------------------------


@pytest.fixture
def indexed(archive):
    MemoText.objects.filter(memo=archive["cyber"]).update(
        body_text="Ukraine hardened its grid after the <script>alert(1)</script> malware attack.",
        body_html="<p>Ukraine hardened its grid after the malware attack.</p>",
    )
    search.index_memos([memo.pk for memo in archive.values()])
    return archive


def test_search_finds_memos_and_combines_with_filters(client, indexed):
    assert listed(client, "q=spectrum") == names(indexed, "spectrum")
    assert listed(client, "q=malware") == names(indexed, "cyber")
    assert listed(client, "q=malware&country=RU") == names(indexed, "cyber")
    assert listed(client, "q=malware&country=KZ") == set()
    assert listed(client, "q=body") == names(indexed, "cameras", "spectrum", "russian", "undated")
    assert listed(client, "q=body+-Almaty") == names(indexed, "spectrum", "russian", "undated")
    # The unpublished draft matches the words but stays hidden.
    assert listed(client, "q=Georgia") == set()


def test_search_sorts_by_relevance_unless_told_otherwise(client, indexed):
    response = client.get(reverse("memo_list"), {"q": "body"})
    assert '<option value="relevance" selected>Relevance</option>' in response.text
    response = client.get(reverse("memo_list"), {"q": "body", "sort": "title"})
    assert titles(response) == [indexed[k].title for k in ("undated", "cameras", "spectrum", "russian")]
    assert client.get(reverse("memo_list"), {"q": "body", "sort": "relevance"}).status_code == 200
    # Without a query there is nothing to rank by, so the option is not offered.
    assert 'value="relevance"' not in client.get(reverse("memo_list")).text


def test_search_snippets_are_highlighted_and_escaped(client, indexed):
    text = client.get(reverse("memo_list"), {"q": "malware"}).text
    snippet = re.search(r'<p class="snippet">(.*?)</p>', text, re.S).group(1)
    assert "<mark>malware</mark>" in snippet
    # Text from an imported page is escaped (SQLite) or dropped as markup (PostgreSQL), never run.
    assert "<script>" not in snippet and "alert(1)" in snippet
    chip = links(client.get(reverse("memo_list"), {"q": "malware"}), "chip")[0]
    assert chip[1].startswith("Search: “malware”") and chip[0] == "/memos/"


def test_search_facets_count_the_matches(client, indexed):
    text = client.get(reverse("memo_list"), {"q": "malware"}).text
    assert re.search(r'facet-label">Carla Cruz</span>\s*<span class="count">1</span>', text)
    assert "Alice Adams</span>" not in text


def test_memo_page_shows_a_summary_only_when_it_adds_to_the_body(client, db):
    derived = make_memo(
        "Derived Summary",
        date(2020, 1, 1),
        summary="The opening sentence of the body.",
        body_text="The opening sentence of the body. And more.",
    )
    declared = make_memo(
        "Declared Summary",
        date(2020, 1, 2),
        summary="A standfirst the page declared.",
        body_text="The body starts differently.",
    )
    page = client.get(derived.get_absolute_url()).text
    assert '<p class="lead">' not in page
    page = client.get(declared.get_absolute_url()).text
    assert '<p class="lead">A standfirst the page declared.</p>' in page


# --- Ways out of an empty result --------------------------------------------------------------


def test_an_empty_search_suggests_known_names_spelled_like_its_words(client, indexed):
    response = client.get(reverse("memo_list"), {"q": "Acme Vission", "country": "UA"})
    assert "0 memos" in response.text
    suggestion = re.search(
        r'Did you mean <a href="([^"]+)"[^>]*>([^<]+)</a> <span class="muted">\((\w+)\)', response.text
    )
    assert suggestion.group(2, 3) == ("Acme Vision", "vendor")
    href = unescape(suggestion.group(1))
    assert query_of(href) == {"q": ["Acme Vision"], "country": ["UA"]}
    assert listed(client, urlsplit(href).query) == names(indexed, "cyber")


def test_an_empty_result_suggests_dropping_a_filter_with_its_count(client, archive):
    response = client.get(
        reverse("memo_list"), {"country": ["FR", "GE"], "vendor": "acme-vision", "year": "2019"}
    )
    dropped = re.findall(
        r'<li><a href="([^"]+)" rel="nofollow">Without ([^<]+)</a>: <span class="drop-count">(\d+)</span>',
        response.text,
    )
    france, georgia = (Country.objects.get(code=c).name for c in ("FR", "GE"))
    # Without the countries: "cameras"; without the year or the vendor: nothing (Georgia: the draft).
    assert [(unescape(href), label, n) for href, label, n in dropped] == [
        ("/memos/?vendor=acme-vision&year=2019", f"Country: {france}, {georgia}", "1"),
    ]
    assert "Did you mean" not in response.text

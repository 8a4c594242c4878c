"""The Atom feed (with the list's filters) and sitemap.xml: valid XML, published memos only."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from tests.factories import build_archive

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def archive():
    return build_archive()


def feed(client, query: str = "") -> ET.Element:
    response = client.get(f"{reverse('memo_feed')}?{query}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def test_feed_is_valid_atom_with_the_published_memos(client, archive):
    root = feed(client)
    assert root.tag == f"{ATOM}feed"
    # What RFC 4287 requires of a feed: id, title, updated, a link; of each entry: id, title, updated.
    for name in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{name}").text
    assert root.find(f"{ATOM}link[@rel='alternate']").get("href") == "http://testserver/memos/"
    assert root.find(f"{ATOM}link[@rel='self']").get("href").startswith("http://testserver/feeds/memos.atom")
    entries = root.findall(f"{ATOM}entry")
    titles = [e.find(f"{ATOM}title").text for e in entries]
    assert titles == [archive[k].title for k in ("cyber", "spectrum", "cameras", "russian", "undated")]
    for entry in entries:
        for name in ("id", "title", "updated", "summary"):
            assert entry.find(f"{ATOM}{name}").text, name
        assert urlsplit(entry.find(f"{ATOM}link").get("href")).path.startswith("/memos/")
    spectrum = entries[1]
    # One <author> per co-author, in byline order, each with its page.
    assert [
        (a.find(f"{ATOM}name").text, a.find(f"{ATOM}uri").text) for a in spectrum.findall(f"{ATOM}author")
    ] == [
        ("Boris Brown", "http://testserver/authors/boris-brown/"),
        ("Alice Adams", "http://testserver/authors/alice-adams/"),
    ]
    assert [c.get("term") for c in spectrum.findall(f"{ATOM}category")] == ["Telecom"]
    assert spectrum.find(f"{ATOM}published").text.startswith("2020-05-10")


def test_feed_readers_see_each_co_author(client, archive):
    parsed = feedparser.parse(client.get(reverse("memo_feed")).content)
    assert not parsed.bozo, parsed.bozo_exception
    entries = {e.title: e for e in parsed.entries}
    spectrum = entries[archive["spectrum"].title]
    assert [a.name for a in spectrum.authors] == ["Boris Brown", "Alice Adams"]
    assert [a.href for a in spectrum.authors] == [
        "http://testserver/authors/boris-brown/",
        "http://testserver/authors/alice-adams/",
    ]
    assert [a.name for a in entries[archive["cameras"].title].authors] == ["Alice Adams"]


def test_list_page_has_a_visible_subscribe_link_for_its_filters(client, archive):
    soup = BeautifulSoup(
        client.get(reverse("memo_list"), {"country": "ru", "topic": "telecom"}).content, "lxml"
    )
    link = soup.find("a", string="Subscribe to this search")
    assert link is not None and "visually-hidden" not in (link.parent.get("class") or [])
    assert link["href"] == "/feeds/memos.atom?country=RU&topic=telecom"
    parsed = feedparser.parse(client.get(link["href"]).content)
    assert [e.title for e in parsed.entries] == [archive["spectrum"].title, archive["russian"].title]


def test_summaries_are_text_however_a_reader_renders_them(client, archive):
    # Atom's <summary type="html"> is HTML once the XML is read: the summary must be escaped for
    # HTML as well as for XML, or a reader renders (and runs) the markup an imported page carried.
    summary = '<img src=x onerror="alert(1)"> Tom & Jerry <b>bold</b>'
    archive["cameras"].summary = summary
    archive["cameras"].save()
    entry = next(
        e for e in feed(client).findall(f"{ATOM}entry") if e.find(f"{ATOM}title").text == "Cameras in Almaty"
    )
    element = entry.find(f"{ATOM}summary")
    assert element.get("type") == "html"
    rendered = BeautifulSoup(element.text, "lxml")
    assert rendered.find_all(["img", "b"]) == []
    assert rendered.get_text() == summary


def test_feed_takes_the_list_filters(client, archive):
    root = feed(client, "country=ru&vendor=acme-vision&vendor=borealis-networks")
    titles = {e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry")}
    assert titles == {archive["spectrum"].title, archive["cyber"].title}
    assert "Acme Vision" in root.find(f"{ATOM}title").text
    alternate = root.find(f"{ATOM}link[@rel='alternate']").get("href")
    assert alternate == ("http://testserver/memos/?country=RU&vendor=acme-vision&vendor=borealis-networks")


def test_feed_with_a_bad_filter_is_a_400(client, archive):
    assert client.get(reverse("memo_feed"), {"country": "XX"}).status_code == 400
    assert client.get(reverse("memo_feed"), {"from": "soon"}).status_code == 400


def test_list_page_links_its_filtered_feed(client, archive):
    text = client.get(reverse("memo_list"), {"country": "RU"}).text
    assert 'type="application/atom+xml" title="Newest memos" href="/feeds/memos.atom?country=RU"' in text


def sitemap_urls(client) -> set[str]:
    response = client.get(reverse("sitemap"))
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    assert root.tag == f"{SITEMAP}urlset"
    urls = root.findall(f"{SITEMAP}url")
    assert all(u.find(f"{SITEMAP}loc").text.startswith("http://testserver/") for u in urls)
    return {urlsplit(u.find(f"{SITEMAP}loc").text).path for u in urls}


def test_sitemap_lists_published_pages_only(client, archive):
    paths = sitemap_urls(client)
    for key in ("cameras", "spectrum", "cyber", "russian", "undated"):
        assert archive[key].get_absolute_url() in paths
    assert archive["draft"].get_absolute_url() not in paths
    assert {"/", "/memos/", "/authors/", "/topics/", "/countries/", "/vendors/"} <= paths
    assert {
        "/authors/alice-adams/",
        "/topics/surveillance/",
        "/countries/RU/",
        "/vendors/acme-vision/",
    } <= paths
    # Named only by the draft, or by a rejected mention, or by nothing at all.
    assert not paths & {"/authors/dmitri-draft/", "/topics/secret-topic/", "/countries/GE/", "/countries/FR/"}


def test_sitemap_memo_entries_have_lastmod(client, archive):
    root = ET.fromstring(client.get(reverse("sitemap")).content)
    for url in root.findall(f"{SITEMAP}url"):
        if "/memos/" in url.find(f"{SITEMAP}loc").text and url.find(f"{SITEMAP}loc").text.count("/") > 4:
            assert url.find(f"{SITEMAP}lastmod").text


def test_feed_follows_vendor_country_and_sector(client, archive):
    root = feed(client, "vendor_country=CN&sector=surveillance&country=KZ")
    assert [e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry")] == [archive["cameras"].title]
    assert "Vendor country: China; Sector: Surveillance" in root.find(f"{ATOM}title").text
    link = root.find(f"{ATOM}link[@rel='alternate']").get("href")
    assert urlsplit(link).query == "country=KZ&vendor_country=CN&sector=surveillance"
    assert client.get(reverse("memo_feed"), {"sector": "spyware"}).status_code == 400

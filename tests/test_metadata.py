"""memos.site.metadata: what Google Scholar, Zotero and link previews read on a memo page.

extruct, a library nobody here wrote, reads the JSON-LD, OpenGraph and Dublin Core; the Highwire
citation_* tags are read as Scholar reads them, as <meta name> elements in order.
"""

import extruct
import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(archive_and_seed):
    return archive_and_seed


def page(client, memo):
    response = client.get(memo.get_absolute_url())
    assert response.status_code == 200
    url = f"http://testserver{memo.get_absolute_url()}"
    return response.text, url


def extracted(client, memo) -> dict:
    text, url = page(client, memo)
    return extruct.extract(text, base_url=url, syntaxes=["json-ld", "opengraph", "dublincore"], uniform=True)


def highwire(text: str) -> list[tuple[str, str]]:
    soup = BeautifulSoup(text, "lxml")
    return [
        (m["name"], m["content"]) for m in soup.find_all("meta") if m.get("name", "").startswith("citation_")
    ]


def test_json_ld_report(client, archive):
    memo = archive["spectrum"]
    [report] = extracted(client, memo)["json-ld"]
    assert report["@type"] == "Report"
    assert report["name"] == memo.title
    assert report["url"] == f"http://testserver{memo.get_absolute_url()}"
    assert [(a["@type"], a["name"]) for a in report["author"]] == [
        ("Person", "Boris Brown"),
        ("Person", "Alice Adams"),
    ]
    assert report["author"][0]["url"] == "http://testserver/authors/boris-brown/"
    assert report["datePublished"] == "2020-05-10"
    assert report["isPartOf"] == {"@type": "CreativeWorkSeries", "name": "PONARS Eurasia Policy Memo"}
    # The countries it counts (the rejected mention of Kazakhstan is not one).
    assert [(c["@type"], c["name"], c["identifier"]) for c in report["about"]] == [
        ("Country", "Russia", "RU")
    ]
    assert report["inLanguage"] == "en"
    assert report["reportNumber"] == "102"
    assert report["publisher"] == {"@type": "Organization", "name": "PONARS Eurasia"}
    assert report["identifier"] == f"http://testserver/id/memo/{memo.pk}/"


def test_opengraph(client, archive):
    memo = archive["cameras"]
    [og] = extracted(client, memo)["opengraph"]
    assert og["@type"] == "article"  # extruct's uniform form of og:type
    assert og["og:title"] == memo.title
    assert og["og:url"] == f"http://testserver{memo.get_absolute_url()}"
    assert og["og:description"] == memo.summary
    assert og["article:published_time"] == "2019-04-01"
    assert og["article:author"] == "http://testserver/authors/alice-adams/"


def test_dublin_core(client, archive):
    memo = archive["spectrum"]
    [dc] = extracted(client, memo)["dublincore"]
    elements = [
        (e["URI"].removeprefix("http://purl.org/dc/elements/1.1/"), e["content"])
        for e in dc["elements"]
        if e["name"].startswith("DC.")
    ]
    assert ("title", memo.title) in elements
    assert [c for n, c in elements if n == "creator"] == ["Boris Brown", "Alice Adams"]
    assert ("date", "2020-05-10") in elements
    assert ("language", "en") in elements
    assert ("publisher", "PONARS Eurasia") in elements


def test_highwire_tags_of_the_seed(client, archive):
    memo = archive["seed"]
    text, url = page(client, memo)
    tags = highwire(text)
    names = [n for n, _ in tags]
    for name in (
        "citation_title",
        "citation_author",
        "citation_publication_date",
        "citation_technical_report_institution",
        "citation_technical_report_number",
        "citation_language",
    ):
        assert name in names, name
    values = dict(tags)
    assert values["citation_title"] == memo.title
    assert [c for n, c in tags if n == "citation_author"] == ["Erica Marat"]
    assert values["citation_publication_date"] == "2018/09/14"
    # The seed names its PDF by file name alone, with no page to resolve it against: no URL to give.
    assert "citation_pdf_url" not in values
    assert values["citation_technical_report_institution"] == "PONARS Eurasia"
    assert values["citation_technical_report_number"] == "540"
    assert values["citation_language"] == "en"


def test_citation_pdf_url_is_the_absolute_pdf(client, archive):
    text, _ = page(client, archive["cameras"])
    assert dict(highwire(text))["citation_pdf_url"] == "https://example.org/pepm101.pdf"
    [report] = extracted(client, archive["cameras"])["json-ld"]
    assert report["encoding"]["contentUrl"] == "https://example.org/pepm101.pdf"


def test_one_citation_author_per_author_in_order(client, archive):
    text, _ = page(client, archive["spectrum"])
    assert [c for n, c in highwire(text) if n == "citation_author"] == ["Boris Brown", "Alice Adams"]


def test_a_pdf_that_is_not_a_web_address_is_left_out(client, archive):
    text, _ = page(client, archive["spectrum"])  # its pdf_url is javascript:alert(1)
    assert "citation_pdf_url" not in dict(highwire(text))
    assert "javascript:" not in text.split("</head>")[0]


def test_hostile_titles_stay_inside_the_json_ld(client, archive):
    memo = archive["undated"]
    text, _ = page(client, memo)
    head = text.split("</head>")[0]
    assert "<script>alert" not in head
    [report] = extracted(client, memo)["json-ld"]
    assert report["name"] == memo.title  # the escapes decode to the title as it is
    assert "datePublished" not in report


def test_the_page_shows_its_permalink(client, archive):
    memo = archive["cameras"]
    soup = BeautifulSoup(client.get(memo.get_absolute_url()).content, "lxml")
    link = soup.select_one(".permalink a")
    assert link["href"] == link.get_text() == f"http://testserver/id/memo/{memo.pk}/"
    assert client.get(link["href"]).url == memo.get_absolute_url()

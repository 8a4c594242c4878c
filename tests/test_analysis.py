"""The country × vendor matrix at /analysis/: cells that equal their lists, groups, filters, CSV."""

import csv
import io
import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from memos.models import Country, Vendor
from tests.conftest import PAGES
from tests.factories import build_archive, make_memo
from tests.pages import listed

pytestmark = pytest.mark.django_db


def cells(response) -> dict[tuple[str, str], tuple[int, str]]:
    """{(row, column): (count, href)} of the matrix's linked cells."""
    table = re.search(r'<table class="matrix">.*?</table>', response.text, re.S).group(0)
    columns = [unescape(c) for c in re.findall(r'<th scope="col">([^<]+)</th>', table)][1:]
    found = {}
    for row in re.findall(r"<tr>\s*<th scope=\"row\">.*?</tr>", table, re.S):
        name = unescape(re.search(r'<th scope="row">([^<]+)</th>', row).group(1))
        for column, cell in zip(columns, re.findall(r"<td[^>]*>(.*?)</td>", row), strict=True):
            link = re.search(r'<a href="([^"]+)"[^>]*>(\d+)</a>', cell)
            if link:
                found[(name, column)] = (int(link.group(2)), unescape(link.group(1)))
    return found


def list_count(client, href: str) -> int:
    return len(listed(client, urlsplit(href).query))


@pytest.mark.parametrize("group", ["vendor", "vendor_country", "sector"])
def test_every_cell_counts_what_its_list_lists(client, group):
    build_archive()
    make_memo(
        "Borealis in Kazakhstan",
        None,
        countries={"KZ": 1},
        vendors={"borealis-networks": 2, "acme-vision": 1},
    )
    found = cells(client.get(reverse("analysis"), {"group": group}))
    assert found
    for (row, column), (count, href) in found.items():
        assert list_count(client, href) == count, (row, column, href)


def test_cells_of_the_archive(client):
    build_archive()
    kazakhstan, russia, china = (Country.objects.get(code=c).name for c in ("KZ", "RU", "CN"))
    found = cells(client.get(reverse("analysis")))
    # Kazakhstan with Acme Vision: "cameras" ("spectrum"'s mention of Kazakhstan was rejected).
    assert found[(kazakhstan, "Acme Vision")] == (1, "/memos/?country=KZ&vendor=acme-vision")
    assert found[(russia, "Borealis Networks")] == (1, "/memos/?country=RU&vendor=borealis-networks")
    assert (kazakhstan, "Borealis Networks") not in found
    by_origin = cells(client.get(reverse("analysis"), {"group": "vendor_country"}))
    assert by_origin == {
        (name, china): (1, f"/memos/?country={code}&vendor_country=CN")
        for code, name in [
            ("KZ", kazakhstan),
            ("CN", china),
            ("UA", Country.objects.get(code="UA").name),
            ("RU", russia),
        ]
    }
    by_sector = cells(client.get(reverse("analysis"), {"group": "sector"}))
    assert by_sector[(russia, "Telecom")] == (1, "/memos/?country=RU&sector=telecom")


def test_the_list_filters_apply_and_the_axes_choose_rows_and_columns(client):
    build_archive()
    kazakhstan, russia = (Country.objects.get(code=c).name for c in ("KZ", "RU"))
    found = cells(client.get(reverse("analysis"), {"from": "2020-01-01", "language": "en"}))
    ukraine = Country.objects.get(code="UA").name
    assert set(found) == {(russia, "Borealis Networks"), (russia, "Acme Vision"), (ukraine, "Acme Vision")}
    assert (
        found[(russia, "Acme Vision")][1]
        == "/memos/?from=2020-01-01&language=en&country=RU&vendor=acme-vision"
    )
    # country and vendor choose the rows and the columns; a cell counts its memos whatever else they name.
    found = cells(client.get(reverse("analysis"), {"country": ["RU", "KZ"], "vendor": "acme-vision"}))
    assert found == {
        (russia, "Acme Vision"): (1, "/memos/?country=RU&vendor=acme-vision"),
        (kazakhstan, "Acme Vision"): (1, "/memos/?country=KZ&vendor=acme-vision"),
    }


def test_a_group_narrowed_by_another_vendor_parameter_links_its_vendors_by_name(client):
    build_archive()
    Vendor.objects.create(name="Cathay Telecom", slug="cathay-telecom", sector="telecom", country_id="CN")
    make_memo(
        "Two Chinese vendors", None, countries={"KZ": 1}, vendors={"cathay-telecom": 1, "acme-vision": 1}
    )
    make_memo("Mixed vendors", None, countries={"KZ": 1}, vendors={"acme-vision": 1, "borealis-networks": 1})
    found = cells(client.get(reverse("analysis"), {"group": "vendor_country", "sector": "telecom"}))
    china = Country.objects.get(code="CN").name
    count, href = found[(Country.objects.get(code="KZ").name, china)]
    # The Chinese telecom vendors by name: a list of memos with a Chinese vendor and a telecom one
    # would also have "Mixed vendors", whose Chinese vendor is a surveillance one.
    telecom = Vendor.objects.filter(country_id="CN", sector="telecom").order_by("name")
    assert parse_qs(urlsplit(href).query) == {"country": ["KZ"], "vendor": [v.slug for v in telecom]}
    assert count == list_count(client, href) == 1
    assert list_count(client, "?country=KZ&vendor_country=CN&sector=telecom") == 2


def test_the_sample_archive_has_kyrgyzstan_and_huawei(client, sample_pages):
    found = cells(client.get(reverse("analysis")))
    count, href = found[(Country.objects.get(code="KG").name, "Huawei")]
    assert href == "/memos/?country=KG&vendor=huawei"
    assert count == list_count(client, href) > 0
    assert PAGES.exists()


def test_the_csv_has_every_row_and_column(client):
    build_archive()
    Vendor.objects.filter(slug="borealis-networks").update(name="=HYPERLINK(1)")
    response = client.get(reverse("analysis_csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="countries-vendors.csv"' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["country_code", "country", "Acme Vision", "'=HYPERLINK(1)"]  # no formula runs
    by_code = {row[0]: row[2:] for row in rows[1:]}
    assert by_code == {"KZ": ["1", "0"], "CN": ["1", "0"], "UA": ["1", "0"], "RU": ["1", "1"]}
    sectors = client.get(reverse("analysis_csv"), {"group": "sector"})
    assert sectors.content.decode().splitlines()[0] == "country_code,country,Surveillance,Telecom"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("group=colour", "Unknown group: colour (use vendor, vendor_country, sector)."),
        ("country=XX", "Unknown country code: XX."),
        ("from=soon", "The start date must look like 2019-04-30."),
    ],
)
def test_bad_parameters_get_a_400_with_a_message(client, query, message):
    for url in (reverse("analysis"), reverse("analysis_csv")):
        response = client.get(f"{url}?{query}")
        assert response.status_code == 400
        assert message in unescape(response.content.decode())

"""The year histograms: the list's (a bar sets year, two bars from and to) and a country's."""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from memos.site.charts import short_count
from tests.factories import build_archive

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    return build_archive()


def bars(response) -> dict[str, dict]:
    """{year: {count, href, chosen}} of the list's year histogram."""
    chart = re.search(r'<figure class="chart year-chart".*?</figure>', response.text, re.S).group(0)
    found = {}
    for tag, body in re.findall(r'(<a href="[^"]*"[^>]*>|<g class="bar[^"]*">)(.*?)</(?:a|g)>', chart, re.S):
        year = re.search(r"<title>(\d{4}): (\d+) memo", body)
        href = re.search(r'href="([^"]*)"', tag)
        found[year.group(1)] = {
            "count": int(year.group(2)),
            "href": parse_qs(urlsplit(unescape(href.group(1))).query) if href else None,
            "chosen": "chosen" in tag,
            "value": re.search(r'class="value"[^>]*>([^<]+)<', body).group(1) if int(year.group(2)) else None,
        }
    return found


def test_the_list_shows_its_years_and_a_bar_chooses_one(client, archive):
    found = bars(client.get(reverse("memo_list"), {"topic": "telecom"}))
    # "spectrum" (2020) and "russian" (2018), with 2019 between them empty.
    assert {year: bar["count"] for year, bar in found.items()} == {"2018": 1, "2019": 0, "2020": 1}
    assert found["2020"]["value"] == "1"  # each bar carries its value
    assert found["2020"]["href"] == {"topic": ["telecom"], "year": ["2020"]}
    assert found["2019"]["href"] is None  # nothing there to list


def test_with_a_year_chosen_another_bar_chooses_the_years_between(client, archive):
    found = bars(client.get(reverse("memo_list"), {"year": "2019", "sort": "title"}))
    # The chart still counts every year, so that another can be chosen.
    assert {year: bar["count"] for year, bar in found.items()} == {
        "2018": 1, "2019": 1, "2020": 1, "2021": 1,
    }  # fmt: skip
    assert found["2019"]["chosen"] and not found["2020"]["chosen"]
    assert found["2019"]["href"] == {"sort": ["title"]}  # choosing it again removes it
    assert found["2021"]["href"] == {"sort": ["title"], "from": ["2019-01-01"], "to": ["2021-12-31"]}
    assert found["2018"]["href"] == {"sort": ["title"], "from": ["2018-01-01"], "to": ["2019-12-31"]}
    response = client.get(reverse("memo_list"), {"sort": "title", "from": "2019-01-01", "to": "2021-12-31"})
    assert "3 memos" in response.text
    ranged = bars(response)
    assert [year for year, bar in ranged.items() if bar["chosen"]] == ["2019", "2020", "2021"]
    assert ranged["2018"]["href"] == {"sort": ["title"], "year": ["2018"]}


def test_large_counts_are_shortened_on_the_bars():
    assert [short_count(n) for n in (7, 999, 1000, 1250, 9999, 12_400, 150_000)] == [
        "7", "999", "1k", "1.2k", "10k", "12k", "150k",
    ]  # fmt: skip


def test_a_country_chart_shows_values_and_links_each_year(client, archive):
    response = client.get(reverse("country_detail", args=["RU"]))
    chart = re.search(r"<svg.*?</svg>", response.text, re.S).group(0)
    assert "style=" not in response.text
    assert re.findall(r'class="value"[^>]*>(\d+)<', chart) == ["1", "1", "1"]
    links = [unescape(h) for h in re.findall(r'<a href="([^"]+)"', chart)]
    assert links == [
        "/memos/?country=RU&year=2018",
        "/memos/?country=RU&year=2020",
        "/memos/?country=RU&year=2021",
    ]

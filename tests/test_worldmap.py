"""The world map: shapes read from pygal_maps_world, simplified, shaded and linked on the server."""

import re
from html import unescape

import pytest
from django.urls import reverse

from memos.models import Country
from memos.site import worldmap
from tests.factories import build_archive

pytestmark = pytest.mark.django_db

PATH_DATA = re.compile(r"^(M-?\d+ -?\d+l(-?\d+[ -]?)+z)+$")


def test_every_country_of_the_package_but_antarctica_has_a_small_outline():
    shapes = worldmap.world_shapes()
    assert {"RU", "KZ", "KG", "UZ", "TJ", "TM", "GE", "AM", "AZ", "UA", "CN", "US"} <= set(shapes.paths)
    assert "AQ" not in shapes.paths
    assert len(shapes.paths) >= 170
    assert all(PATH_DATA.match(path) for path in shapes.paths.values())
    assert sum(len(path) for path in shapes.paths.values()) < 60_000  # the package's SVG is 780 KB
    assert set(shapes.paths) <= set(Country.objects.values_list("code", flat=True))


def test_simplifying_keeps_corners_and_drops_points_on_a_line():
    square = [(0, 0), (5, 0.1), (10, 0), (10, 10), (0, 10), (0, 0)]
    assert worldmap.simplified(square, 0.5) == [(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)]
    assert worldmap.simplified(square, 0.01) == square


def test_shades_grow_on_a_log_scale_and_the_legend_names_their_lower_bounds():
    assert [worldmap.shade(n, 10_000) for n in (0, 1, 10, 100, 1_000, 10_000)] == [0, 1, 2, 3, 4, 5]
    assert worldmap.shade(1, 1) == 5
    for peak in (1, 2, 7, 40_000):
        for level, low in worldmap.legend(peak):
            assert worldmap.shade(low, peak) == level and (low == 1 or worldmap.shade(low - 1, peak) < level)


def map_links(response) -> dict[str, str]:
    """{accessible name: href} of the countries on the page's map."""
    svg = re.search(r'<svg class="map".*?</svg>', response.text, re.S).group(0)
    assert "http" not in svg  # nothing to fetch: no tiles, no external shapes
    return {
        unescape(name): unescape(href)
        for href, name in re.findall(r'<a href="([^"]+)"[^>]*aria-label="([^"]+)"', svg)
    }


def test_the_list_maps_its_results_and_a_country_adds_the_filter(client):
    build_archive()
    response = client.get(reverse("memo_list"), {"topic": "telecom"})
    russia, kazakhstan = (Country.objects.get(code=c).name for c in ("RU", "KZ"))
    # "spectrum" and "russian" name Russia; only "russian" names Kazakhstan ("spectrum"'s is rejected).
    assert map_links(response) == {
        f"{russia}: 2 memos": "/memos/?topic=telecom&country=RU",
        f"{kazakhstan}: 1 memo": "/memos/?topic=telecom&country=KZ",
    }
    table = re.search(
        r'<figure class="world-map">.*?<table class="visually-hidden">(.*?)</table>', response.text, re.S
    )
    assert re.findall(r"<th scope=\"row\">([^<]+)</th><td>(\d+)</td>", table.group(1)) == [
        (russia, "2"), (kazakhstan, "1"),
    ]  # fmt: skip
    assert 'class="land shade-5"' in response.text and 'class="land shade-1"' in response.text


def test_the_countries_page_maps_every_published_memo(client):
    build_archive()
    links = map_links(client.get(reverse("country_list")))
    russia = Country.objects.get(code="RU").name
    assert links[f"{russia}: 3 memos"] == "/memos/?country=RU"
    assert not any(name.startswith(Country.objects.get(code="GE").name) for name in links)  # only the draft

"""A reader's path through the public site in headless Chromium, on the imported sample pages."""

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.conftest import PAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def test_browse_filter_search_open_and_cite(live_server, reference_data, import_memos, page, screenshot):
    out, err, code = import_memos(PAGES)
    assert code == 0, err

    # Home: a search box, the latest memos, the most-mentioned countries and vendors.
    page.goto(live_server.url + "/")
    assert page.get_by_role("heading", name="Latest memos").is_visible()
    assert page.locator(".home-latest .memo-item").count() == 6
    assert page.get_by_label("Search the memos").is_visible()
    screenshot("1-home")

    # The list, then a country from its facets.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Memos").click()
    total = int(re.match(r"\d+", page.locator(".result-count").inner_text()).group())
    page.locator(".facets a[href*='country=KZ']").click()
    page.wait_for_url(re.compile(r"country=KZ"))
    assert query(page) == {"country": ["KZ"]}
    in_kazakhstan = int(re.match(r"\d+", page.locator(".result-count").inner_text()).group())
    assert 0 < in_kazakhstan < total
    assert page.locator(".chip").filter(has_text="Country:").count() == 1
    screenshot("2-country")

    # A vendor facet narrows the results further; its count said by how much.
    huawei = page.locator(".facets a[href*='vendor=huawei']")
    expected = int(huawei.locator(".count").inner_text())
    huawei.click()
    page.wait_for_url(re.compile(r"vendor=huawei"))
    assert query(page) == {"country": ["KZ"], "vendor": ["huawei"]}
    assert page.locator(".result-count").inner_text().startswith(f"{expected} memo")
    assert page.locator(".memo-list .memo-item").count() == expected
    screenshot("3-vendor")

    # A full-text search keeps both filters, and highlights what matched.
    page.get_by_label("Search the full text").fill("surveillance")
    page.get_by_label("Search the full text").press("Enter")
    page.wait_for_url(re.compile(r"q=surveillance"))
    assert query(page) == {"q": ["surveillance"], "country": ["KZ"], "vendor": ["huawei"]}
    assert page.locator(".memo-list .memo-item").count() >= 1
    assert page.locator(".snippet mark").first.inner_text().lower().startswith("surveil")
    screenshot("4-search")

    # Open the first memo.
    first = page.locator(".memo-list .memo-title a").first
    title = first.inner_text()
    first.click()
    assert page.get_by_role("heading", level=1).inner_text() == title
    assert page.locator(".mentions a[href='/memos/?vendor=huawei']").count() == 1
    citation = page.locator("#citation-text").inner_text()
    assert title in citation
    screenshot("5-memo")

    # Download its BibTeX entry.
    with page.expect_download() as download_info:
        page.get_by_role("link", name="BibTeX").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".bib")
    bibtex = Path(download.path()).read_text(encoding="utf-8")
    assert re.match(r"@\w+\{\w+,", bibtex)
    assert title in bibtex
    screenshot("6-cited")


def test_keyboard_users_can_skip_to_the_content(live_server, reference_data, page, screenshot):
    page.goto(live_server.url + "/memos/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    screenshot("skip-link")


def test_narrow_screens_get_one_column(live_server, reference_data, import_memos, page, screenshot):
    out, err, code = import_memos(PAGES)
    assert code == 0, err
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + "/memos/?country=KZ")
    results, facets = page.locator(".results").bounding_box(), page.locator(".facets").bounding_box()
    assert facets["y"] > results["y"] + results["height"] - 1  # the facets come after the results
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling
    screenshot("narrow-list")

"""The year histogram, the world map and the matrix in Chromium: no external requests, axe, keyboard."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.conftest import PAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


@pytest.fixture
def archive(live_server, import_memos):
    out, err, code = import_memos(PAGES)
    assert code == 0, err


@pytest.fixture
def requests(page):
    """Every URL the page asks for."""
    found: list[str] = []
    page.on("request", lambda request: found.append(request.url))
    return found


def assert_accessible(page) -> None:
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def assert_local(requests: list[str], live_server) -> None:
    assert requests and all(url.startswith(live_server.url) for url in requests), requests


def tab_to(page, selector: str, limit: int = 400) -> None:
    """Press Tab until the focused element matches `selector`, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    pytest.fail(f"Tab never reached {selector}")


def test_the_list_charts_are_local_accessible_and_work_by_keyboard(
    archive, live_server, page, requests, screenshot
):
    page.goto(live_server.url + "/memos/")
    assert page.locator(".year-chart a[data-year]").count() >= 5
    assert page.locator("svg.map a").count() >= 20
    # Bars carry their values.
    assert page.locator(".year-chart text.value").count() == page.locator(".year-chart a[data-year]").count()
    assert_local(requests, live_server)
    assert_accessible(page)
    screenshot("1-list")

    # A year, by keyboard; then a second year gives the years between.
    tab_to(page, ".year-chart a[data-year]")
    first = page.evaluate("document.activeElement.dataset.year")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"year="))
    assert query(page) == {"year": [first]}
    assert page.locator(".year-chart a.chosen").count() == 1
    screenshot("2-year")
    tab_to(page, f".year-chart a[data-year]:not([data-year='{first}'])")
    second = page.evaluate("document.activeElement.dataset.year")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"from="))
    low, high = sorted([first, second])
    assert query(page) == {"from": [f"{low}-01-01"], "to": [f"{high}-12-31"]}
    assert_accessible(page)
    screenshot("3-range")

    # A country on the map, by keyboard, adds it to the filters.
    tab_to(page, "svg.map a")
    name = page.evaluate("document.activeElement.getAttribute('aria-label')").split(":")[0]
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"country="))
    assert set(query(page)) == {"from", "to", "country"}
    assert page.locator(".chip").filter(has_text=f"Country: {name}").count() == 1
    screenshot("4-country")


def test_dragging_across_the_bars_chooses_their_years(archive, live_server, page, screenshot):
    page.goto(live_server.url + "/memos/")
    bars = page.locator(".year-chart a[data-year]")
    start, end = bars.nth(1), bars.nth(4)
    years = sorted([start.get_attribute("data-year"), end.get_attribute("data-year")])
    box_start, box_end = start.bounding_box(), end.bounding_box()
    page.mouse.move(box_start["x"] + box_start["width"] / 2, box_start["y"] + box_start["height"] - 2)
    page.mouse.down()
    page.mouse.move(box_end["x"] + box_end["width"] / 2, box_end["y"] + box_end["height"] - 2, steps=5)
    page.mouse.up()
    page.wait_for_url(re.compile(r"from="))
    assert query(page) == {"from": [f"{years[0]}-01-01"], "to": [f"{years[1]}-12-31"]}
    screenshot("dragged")


def test_the_countries_page_map_adds_a_country_to_the_list(archive, live_server, page, requests, screenshot):
    page.goto(live_server.url + "/countries/")
    assert_local(requests, live_server)
    assert_accessible(page)
    screenshot("1-countries")
    page.locator("svg.map a[aria-label^='Kyrgyzstan:']").click()
    page.wait_for_url(re.compile(r"/memos/\?country=KG$"))
    assert page.locator(".chip").filter(has_text="Country: Kyrgyzstan").count() == 1


def test_a_country_chart_has_values_and_links(archive, live_server, page, requests, screenshot):
    page.goto(live_server.url + "/countries/KZ/")
    assert page.locator(".year-chart text.value").count() >= 1
    assert_local(requests, live_server)
    assert_accessible(page)
    screenshot("kazakhstan")
    page.locator(".year-chart a[data-year]").first.click()
    page.wait_for_url(re.compile(r"country=KZ&year=\d{4}"))


def test_the_matrix_is_accessible_and_its_cells_open_their_lists(
    archive, live_server, page, requests, screenshot
):
    page.goto(live_server.url + "/analysis/")
    assert_local(requests, live_server)
    assert_accessible(page)
    screenshot("1-matrix")
    row = page.locator(".matrix tbody tr").filter(has=page.locator("th", has_text="Kyrgyzstan"))
    cell = row.locator("a[href*='vendor=huawei']")
    count = int(cell.inner_text())
    cell.click()
    page.wait_for_url(re.compile(r"/memos/\?country=KG&vendor=huawei$"))
    assert page.locator(".result-count").inner_text().startswith(f"{count} memo")
    page.go_back()
    page.get_by_label("Columns").select_option("sector")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(re.compile(r"group=sector"))
    assert page.locator(".matrix thead th").filter(has_text="Telecom").count() == 1
    assert_accessible(page)
    screenshot("2-sectors")

"""The memo review screen at 1366 px, checked with axe-core (pinned: axe-playwright-python bundles
axe.min.js) in Debian's Chromium: no critical or serious violations, nothing off-screen."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import User
from playwright.sync_api import expect

from memos.models import Memo
from tests.browser.conftest import ARTIFACTS
from tests.conftest import DATA, SEED

pytestmark = pytest.mark.browser

PASSWORD = "correct-horse-battery-staple"
WIDTH = 1366
STEPPE = DATA / "issue10" / "steppe_cameras.html"


@pytest.fixture
def editor_page(browser, live_server, import_memos):
    out, err, code = import_memos(SEED, STEPPE, DATA / "issue10" / "caspian_undated_joint_bio.html")
    assert code == 0, err
    User.objects.create_superuser("reviewer", "reviewer@example.org", PASSWORD)
    context = browser.new_context(viewport={"width": WIDTH, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "reviewer")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#site-name")).to_be_visible()
    yield page
    context.close()


def screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"review-screen-{name}.png"), full_page=True)


def serious_violations(page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:5]}"
        for v in results.response["violations"]
        if v["impact"] in ("critical", "serious")
    ]


def overflowing(page) -> dict:
    """The page's width, and every box whose content is wider than the box (it would scroll)."""
    return page.evaluate(
        """() => ({
            width: document.documentElement.scrollWidth,
            scrolling: [...document.querySelectorAll('.results, .inline-group, fieldset, #content-main')]
                .filter(el => el.scrollWidth > el.clientWidth + 1)
                .map(el => el.className || el.id),
        })"""
    )


def test_the_memo_form_fits_1366_px_and_axe_finds_nothing_serious(editor_page, live_server):
    page = editor_page
    memo = Memo.objects.get(memo_number=540)
    page.goto(f"{live_server.url}/admin/memos/memo/{memo.pk}/change/")
    page.wait_for_load_state("load")
    assert overflowing(page) == {"width": WIDTH, "scrolling": []}
    # The last column of every inline (Delete, the verdict) is on screen.
    for selector in ('input[name="authorships-0-DELETE"]', 'select[name="mentions-0-verdict"]'):
        box = page.locator(selector).bounding_box()
        assert box is not None and box["x"] + box["width"] <= WIDTH, selector
    assert serious_violations(page) == []
    assert page.locator('input[name^="mentions-"][name$="-DELETE"]').count() == 0

    # A mention row reads as its subject, count and sentence; its link opens the text there.
    row = page.locator("#mentions-group tr.form-row.has_original").first
    expect(row.locator("td.field-subject")).to_contain_text("(country)")
    sentence = row.locator("td.field-context textarea").input_value()
    with page.context.expect_page() as opened:
        row.locator("td.field-subject a").click()
    text = opened.value
    text.wait_for_load_state("load")
    mark = text.locator("mark#mention")
    expect(mark).to_be_visible()
    expect(mark).to_be_in_viewport()
    assert " ".join(mark.inner_text().split()).replace("’", "'") == sentence.replace("’", "'")
    assert serious_violations(text) == []
    screenshot(page, "form")
    screenshot(text, "text-at-mention")


def test_the_memo_list_shows_review_and_published_without_scrolling(editor_page, live_server):
    page = editor_page
    page.goto(f"{live_server.url}/admin/memos/memo/")
    assert overflowing(page) == {"width": WIDTH, "scrolling": []}
    for column in ("column-unreviewed", "column-on_site"):
        header = page.locator(f"#result_list th.{column}")
        expect(header).to_be_in_viewport()
        box = header.bounding_box()
        assert box["x"] + box["width"] <= WIDTH, column
    expect(page.locator("#result_list th.column-unreviewed")).to_contain_text("To review")
    expect(page.locator("#result_list th.column-on_site")).to_contain_text("Published")
    assert "undated" in page.locator("#result_list").inner_text()
    assert serious_violations(page) == []
    screenshot(page, "list")


def test_vendor_candidates_and_topics_pass_axe(editor_page, live_server):
    page = editor_page
    for url in ("/admin/memos/vendorcandidate/", "/admin/memos/topic/"):
        page.goto(f"{live_server.url}{url}")
        assert overflowing(page)["scrolling"] == [], url
        assert serious_violations(page) == [], url
    page.goto(f"{live_server.url}/admin/memos/vendorcandidate/")
    expect(page.locator("#result_list")).to_contain_text("Steppe Vision Technologies LLP")

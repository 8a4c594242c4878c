"""Headless Chromium: an editor logs in, merges two duplicate authors and fixes a memo's mentions."""

import re

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from memos.models import Author, Authorship, Memo
from tests.conftest import SEED

pytestmark = pytest.mark.browser

PASSWORD = "correct-horse-battery-staple"


@pytest.fixture
def archive(import_memos):
    """The seed memo by "Erica Marat", and another memo crediting her as "E. Marat"."""
    out, err, code = import_memos(SEED)
    assert code == 0, err
    seed = Memo.objects.get(memo_number=540)
    other = Memo.objects.create(title="Police Reform in Kyrgyzstan", slug="police-reform-in-kyrgyzstan")
    Authorship.objects.create(memo=other, author=Author.objects.create(name="E. Marat"), position=0)
    User.objects.create_superuser("curator", "curator@example.org", PASSWORD)
    return seed, other


def inline_row(page, pk: int) -> str:
    """The form prefix ("mentions-4") of the mentions inline row holding mention `pk`."""
    name = page.locator(f'input[name^="mentions-"][name$="-id"][value="{pk}"]').get_attribute("name")
    return name.removesuffix("-id")


def test_editor_logs_in_merges_two_authors_and_fixes_a_mention(live_server, page, screenshot, archive):
    seed, other = archive
    marat, short = Author.objects.get(name="Erica Marat"), Author.objects.get(name="E. Marat")

    # Log in through the real form.
    page.goto(f"{live_server.url}/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/"))
    page.fill("#id_username", "curator")
    page.fill("#id_password", PASSWORD)
    screenshot("01-login")
    page.click("input[type=submit]")
    expect(page.locator("#site-name")).to_contain_text("Memo archive curation")
    screenshot("02-dashboard")

    # Merge "E. Marat" into "Erica Marat": select both, run the action, pick the survivor.
    page.goto(f"{live_server.url}/admin/memos/author/")
    page.check(f'input[name="_selected_action"][value="{marat.pk}"]')
    page.check(f'input[name="_selected_action"][value="{short.pk}"]')
    page.select_option("select[name=action]", "merge_selected")
    page.click("button[name=index]")
    expect(page.locator("h1")).to_contain_text("Merge 2 authors")
    expect(page.locator(".merge-candidate").first).to_contain_text("memo link")
    page.check(f'input[name="survivor"][value="{marat.pk}"]')
    screenshot("03-merge-confirmation")
    page.click("#merge-form input[type=submit]")
    expect(page.locator(".messagelist")).to_contain_text("Merged “E. Marat” into “Erica Marat”")
    screenshot("04-merged")

    assert list(Author.objects.values_list("name", flat=True)) == ["Erica Marat"]
    assert set(Author.objects.get().memos.all()) == {seed, other}
    assert Author.objects.get().aliases == ["e. marat"]

    # Fix the seed memo's mentions: reject one, correct another's count.
    us = seed.mentions.get(country_id="US")
    cn = seed.mentions.get(country_id="CN")
    page.goto(f"{live_server.url}/admin/memos/memo/{seed.pk}/change/")
    page.select_option(f'select[name="{inline_row(page, us.pk)}-verdict"]', "rejected")
    page.fill(f'input[name="{inline_row(page, cn.pk)}-count"]', "7")
    screenshot("05-mentions-edited")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    screenshot("06-saved")

    us.refresh_from_db()
    cn.refresh_from_db()
    assert us.verdict == "rejected"
    assert (cn.count, cn.verdict) == (7, "confirmed")
    assert seed.mentions.filter(verdict="auto").count() == seed.mentions.count() - 2
    seed.refresh_from_db()
    assert seed.edited_fields == []  # mentions were fixed; no memo field was touched

    # The memo's history shows the change.
    page.goto(f"{live_server.url}/admin/memos/memo/{seed.pk}/history/")
    expect(page.locator("#change-history")).to_contain_text("Changed Verdict for mention “United States")
    expect(page.locator("#change-history")).not_to_contain_text("Body")  # untouched fields stay untouched
    expect(page.locator("#import-history")).to_contain_text("created")
    screenshot("07-history")

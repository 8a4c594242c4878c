"""Curator decisions stick: hand edits, verdicts, merges and unpublishing survive imports and extraction."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import NoReverseMatch, reverse

from memos.curation.merge import merge
from memos.models import Author, Memo, Mention, Topic, Vendor
from tests.conftest import SEED
from tests.pages import form_data, row_of

pytestmark = pytest.mark.django_db

TITLE = "Chinese Artificial Intelligence Projects Expand in Eurasian Cities"


@pytest.fixture
def seed_memo(import_memos):
    out, err, code = import_memos(SEED)
    assert code == 0, err
    return Memo.objects.get(memo_number=540)


@pytest.fixture
def revised_seed(tmp_path):
    """The seed page as the site might serve it later: one sentence of the body reworded."""
    text = SEED.read_text(encoding="utf-8")
    assert "as a response to rapid urbanization." in text
    path = tmp_path / SEED.name
    path.write_text(text.replace("as a response to rapid urbanization.", "as cities grow fast."), "utf-8")
    return path


def edit_in_admin(client, memo: Memo, **changes) -> None:
    url = reverse("admin:memos_memo_change", args=[memo.pk])
    data = form_data(client.get(url), "memo_form")
    for name, value in changes.items():
        data[name] = value if isinstance(value, list) else [value]
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors


def test_title_edited_in_the_admin_survives_reimport_and_the_summary_says_so(
    admin_client, seed_memo, import_memos, revised_seed
):
    edit_in_admin(admin_client, seed_memo, title="Chinese AI in Eurasian Cities")
    seed_memo.refresh_from_db()
    assert seed_memo.edited_fields == ["title"]

    out, err, code = import_memos(SEED)  # the same page: nothing to do
    assert code == 0 and "unchanged 1" in out
    assert Memo.objects.get(pk=seed_memo.pk).title == "Chinese AI in Eurasian Cities"

    out, err, code = import_memos(revised_seed)  # the page changed: the import writes, but not the title
    assert code == 0, err
    assert "updated 1" in out and "Kept 1 hand-edited field(s)." in out
    memo = Memo.objects.get(pk=seed_memo.pk)
    assert memo.title == "Chinese AI in Eurasian Cities"
    assert "as cities grow fast." in memo.body_text  # the rest of the page was imported
    assert memo.import_records.first().detail == "kept hand-edited: title"
    assert Memo.objects.count() == 1


def test_verbose_reimport_names_the_kept_fields(admin_client, seed_memo, revised_seed):
    author = Author.objects.create(name="Second Author")
    url = reverse("admin:memos_memo_change", args=[seed_memo.pk])
    data = form_data(admin_client.get(url), "memo_form")
    data["authorships-TOTAL_FORMS"] = ["2"]
    data.update({"authorships-1-author": [str(author.pk)], "authorships-1-position": ["1"]})
    data["summary"] = ["Written by an editor."]
    assert admin_client.post(url, data).status_code == 302

    out = StringIO()
    call_command("import_memos", str(revised_seed), verbosity=2, stdout=out, stderr=StringIO())
    assert "kept hand-edited: summary, authors" in out.getvalue()
    memo = Memo.objects.get(pk=seed_memo.pk)
    assert memo.summary == "Written by an editor."
    assert [a.name for a in memo.author_list] == ["Erica Marat", "Second Author"]


def test_reextraction_keeps_confirmed_rejected_and_added_mentions(admin_client, seed_memo):
    mentions = {m.country_id or m.vendor.name: m for m in seed_memo.mentions.select_related("vendor")}
    url = reverse("admin:memos_memo_change", args=[seed_memo.pk])
    data = form_data(admin_client.get(url), "memo_form")
    data[f"{row_of(data, 'mentions', mentions['US'].pk)}-verdict"] = ["rejected"]
    data[f"{row_of(data, 'mentions', mentions['CN'].pk)}-count"] = ["1"]
    data.update({"missed_mentions-0-country": ["FR"], "missed_mentions-0-count": ["1"]})
    assert admin_client.post(url, data).status_code == 302
    untouched = {code: mentions[code].count for code in ("KZ", "RU")}
    Mention.objects.filter(pk__in=[mentions["KZ"].pk, mentions["RU"].pk]).update(count=50)  # stale

    call_command("extract_mentions", stdout=StringIO())

    after = {m.country_id or m.vendor.name: m for m in seed_memo.mentions.select_related("vendor")}
    assert after["US"].verdict == "rejected"
    assert (after["CN"].count, after["CN"].verdict) == (1, "confirmed")
    assert after["FR"].verdict == "confirmed"  # extraction never finds France in this memo
    assert {code: after[code].count for code in ("KZ", "RU")} == untouched  # auto ones refreshed
    assert set(after) == set(mentions) | {"FR"}


def test_merged_names_map_to_the_survivor_on_reimport(seed_memo, import_memos, revised_seed):
    survivor = Author.objects.create(name="Erica A. Marat")
    merge(survivor, [Author.objects.get(name="Erica Marat")])
    tech = Topic.objects.create(name="Technology and Society")
    merge(tech, [Topic.objects.get(name="Technology")])
    hik = Vendor.objects.get(name="Hikvision")
    hik_count = seed_memo.mentions.get(vendor=hik).count
    camera_maker = Vendor.objects.create(name="Hangzhou Camera Group", slug="hangzhou-camera-group")
    merge(camera_maker, [hik])

    out, err, code = import_memos(revised_seed)
    assert code == 0 and "updated 1" in out, err
    memo = Memo.objects.get(pk=seed_memo.pk)
    assert [a.name for a in memo.author_list] == ["Erica A. Marat"]
    assert not Author.objects.filter(name="Erica Marat").exists()
    assert "Technology and Society" in memo.topics.values_list("name", flat=True)
    assert not Topic.objects.filter(name="Technology").exists()
    # The text still says "Hikvision"; that spelling now counts for the survivor.
    assert memo.mentions.get(vendor=camera_maker).count == hik_count

    Memo.objects.all().delete()  # a fresh archive importing the page meets the aliases too
    import_memos(SEED)
    assert [a.name for a in Memo.objects.get().author_list] == ["Erica A. Marat"]
    assert Author.objects.count() == 1


def public_url(memo: Memo) -> str:
    try:
        return memo.get_absolute_url()
    except NoReverseMatch:
        pytest.skip("the public memo page (memo_detail) is not wired up yet")


def test_unpublished_memo_answers_404_and_leaves_lists_feed_and_sitemap(admin_client, seed_memo):
    client = Client()  # the public, not the editor
    url = public_url(seed_memo)
    assert client.get(url).status_code == 200
    assert seed_memo.slug in client.get(reverse("memo_list")).content.decode()

    response = admin_client.post(
        reverse("admin:memos_memo_changelist"),
        {"action": "unpublish", "_selected_action": [seed_memo.pk], "index": 0},
    )
    assert response.status_code == 302
    assert client.get(url).status_code == 404
    for name in ("memo_list", "memo_feed", "sitemap"):
        assert seed_memo.slug not in client.get(reverse(name)).content.decode(), name

    admin_client.post(
        reverse("admin:memos_memo_changelist"),
        {"action": "publish", "_selected_action": [seed_memo.pk], "index": 0},
    )
    assert client.get(url).status_code == 200

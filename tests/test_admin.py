"""The curation admin: lists, filters, forms, actions, merges, uploads, roles, history, lockout."""

import csv
import io
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.contrib.admin.models import CHANGE, DELETION, LogEntry
from django.contrib.auth.models import Group, Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from memos import tasks
from memos.models import Author, ImportRecord, Job, Memo, Mention, Topic, Vendor
from tests.conftest import SEED
from tests.factories import MemoFactory
from tests.pages import form_data, row_of

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:memos_memo_changelist")
SEED_TITLE = "Chinese Artificial Intelligence Projects Expand in Eurasian Cities"
IMPORT = reverse("admin:memos_memo_import")


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("boss", "boss@example.org", "a-long-password-1")


@pytest.fixture
def editor(db):
    user = User.objects.create_user("editor", "ed@example.org", "a-long-password-2", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def seed_memo(import_memos):
    out, err, code = import_memos(SEED)
    assert code == 0, err
    return Memo.objects.get(memo_number=540)


# --- roles --------------------------------------------------------------------------------------

EDITOR_PERMISSIONS = {
    "add_memo", "change_memo", "view_memo",
    "add_authorship", "change_authorship", "delete_authorship", "view_authorship",
    "add_memotopic", "change_memotopic", "delete_memotopic", "view_memotopic",
    "add_mention", "change_mention", "delete_mention", "view_mention",
    "add_author", "change_author", "delete_author", "view_author",
    "add_topic", "change_topic", "delete_topic", "view_topic",
    "add_vendor", "change_vendor", "delete_vendor", "view_vendor",
    "view_country", "view_importrecord", "view_job",
    "view_vendorcandidate", "change_vendorcandidate", "view_storedpage",
}  # fmt: skip


def test_editors_group_has_exactly_the_curation_permissions():
    group = Group.objects.get(name="Editors")
    perms = set(group.permissions.values_list("content_type__app_label", "codename"))
    assert perms == {("memos", codename) for codename in EDITOR_PERMISSIONS}


def test_editor_curates_but_cannot_manage_users_or_delete_memos(client, editor, seed_memo):
    client.force_login(editor)
    change = reverse("admin:memos_memo_change", args=[seed_memo.pk])
    assert client.get(change).status_code == 200
    assert client.get(IMPORT).status_code == 200
    assert client.get(reverse("admin:memos_author_changelist")).status_code == 200
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert client.get(reverse("admin:auth_user_add")).status_code == 403
    assert client.get(reverse("admin:auth_group_changelist")).status_code == 403
    assert client.get(reverse("admin:memos_memo_delete", args=[seed_memo.pk])).status_code == 403
    assert client.get(reverse("admin:memos_country_add")).status_code == 403

    data = form_data(client.get(change), "memo_form")
    data["title"] = ["Chinese AI Projects Expand in Eurasian Cities"]
    response = client.post(change, data)
    assert response.status_code == 302, response.context["errors"] if response.context else response
    seed_memo.refresh_from_db()
    assert seed_memo.title == "Chinese AI Projects Expand in Eurasian Cities"


def test_staff_without_permissions_is_refused(client, seed_memo):
    user = User.objects.create_user("intern", password="a-long-password-3", is_staff=True)
    client.force_login(user)
    change = reverse("admin:memos_memo_change", args=[seed_memo.pk])
    assert client.get(change).status_code == 403
    assert client.post(change, {"title": "Hijacked"}).status_code == 403
    assert client.get(IMPORT).status_code == 403
    upload = SimpleUploadedFile("seed.txt", SEED.read_bytes())
    assert client.post(IMPORT, {"pages": [upload]}).status_code == 403
    assert client.post(reverse("admin:memos_vendor_apply")).status_code == 403
    seed_memo.refresh_from_db()
    assert seed_memo.title != "Hijacked"


def test_view_only_user_cannot_merge_or_upload(client, seed_memo):
    """Merging needs change and delete on the model; uploading needs add_memo."""
    user = User.objects.create_user("reader", password="a-long-password-4", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_author", "change_author", "view_memo"])
    )
    client.force_login(user)
    authors = [Author.objects.create(name="Reader One"), Author.objects.create(name="Reader Two")]
    response = client.get(reverse("admin:memos_author_changelist"))
    assert "merge_selected" not in response.content.decode()
    response = client.post(
        reverse("admin:memos_author_changelist"),
        {"action": "merge_selected", "_selected_action": [a.pk for a in authors], "post": "yes",
         "survivor": authors[0].pk},
    )  # fmt: skip
    assert Author.objects.filter(pk=authors[1].pk).exists()
    assert client.get(IMPORT).status_code == 403


def test_admin_login_locks_out_after_five_failures(client, superuser):
    login = reverse("admin:login")
    for _ in range(4):
        response = client.post(login, {"username": "boss", "password": "wrong", "next": "/admin/"})
        assert response.status_code == 200  # the form again, with an error
    client.post(login, {"username": "boss", "password": "wrong", "next": "/admin/"})
    # The sixth attempt is refused even with the right password.
    response = client.post(login, {"username": "boss", "password": "a-long-password-1", "next": "/admin/"})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("admin:index")).status_code == 302  # still sent to the login page


def test_admin_login_works_with_the_right_password(client, superuser):
    response = client.post(
        reverse("admin:login"), {"username": "boss", "password": "a-long-password-1", "next": "/admin/"}
    )
    assert response.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


# --- lists, filters, links ----------------------------------------------------------------------


def listed(response) -> list:
    return list(response.context["cl"].result_list)


def memos_with_mentions(n: int) -> list[Memo]:
    return [
        MemoFactory(
            title=f"Listed memo {n}-{i}",
            published=f"20{10 + i % 10}-01-0{1 + i % 9}",
            authors=[f"Author of {n}"],
            topics=[f"Topic {i}"],
            countries={"RU": i + 1},
        )
        for i in range(n)
    ]


@pytest.mark.parametrize("rows", [3, 30])
def test_memo_changelist_query_count_does_not_grow_with_rows(admin_client, django_assert_num_queries, rows):
    memos_with_mentions(rows)
    admin_client.get(CHANGELIST)  # warm the content-type cache
    # Session, user; the year, category, series and language filters' values (4); the date
    # hierarchy's range and years (2); count, full count, the page, its authorships, its topics.
    with django_assert_num_queries(13):
        response = admin_client.get(CHANGELIST)
    assert len(listed(response)) == rows


@pytest.mark.parametrize("url_name", ["author", "topic", "vendor", "country", "mention", "importrecord"])
def test_other_changelists_do_not_query_per_row(
    admin_client, django_assert_num_queries, url_name, sample_pages
):
    url = reverse(f"admin:memos_{url_name}_changelist")
    admin_client.get(url)
    with django_assert_num_queries(FIXED_QUERIES[url_name]):
        response = admin_client.get(url)
    assert response.status_code == 200
    assert len(listed(response)) > 1


# session + user + count + full count + page, plus each list filter's own query.
# Vendors: the country filter's choices; import records: the status filter and the date hierarchy;
# topics: every topic's name, once, for the likely duplicates.
FIXED_QUERIES = {"author": 5, "topic": 6, "vendor": 6, "country": 5, "mention": 5, "importrecord": 8}


def test_memo_list_filters(admin_client):
    MemoFactory(
        title="Reviewed",
        published="2018-09-14",
        category="Policy Memos",
        series="2",
        countries={"RU": (1, Mention.CONFIRMED)},
    )
    MemoFactory(
        title="Unreviewed", published="2019-01-01", category="Analytics", language="ru", countries={"RU": 1}
    )
    bare = MemoFactory(title="No mentions", published=None)
    MemoFactory(title="Only rejected", published="2019-05-05", countries={"RU": (1, Mention.REJECTED)})

    def titles(query: str) -> set[str]:
        return {m.title for m in listed(admin_client.get(f"{CHANGELIST}?{query}"))}

    assert titles("review=yes") == {"Unreviewed"}
    assert titles("review=no") == {"Reviewed", "No mentions", "Only rejected"}
    assert titles("mentions=any") == {"Reviewed", "Unreviewed"}
    assert titles("mentions=none") == {"No mentions", "Only rejected"}
    assert titles("mentions=vendors") == set()
    assert titles("year=2019") == {"Unreviewed", "Only rejected"}
    assert titles("year=none") == {"No mentions"}
    assert titles("category=Policy+Memos") == {"Reviewed"}
    assert titles("series=2") == {"Reviewed"}
    assert titles("language=ru") == {"Unreviewed"}
    assert titles("published__year=2018") == {"Reviewed"}  # the date hierarchy
    assert titles("q=rejected") == {"Only rejected"}
    assert bare.title in titles("")


def test_changelist_links_lead_to_filtered_related_lists(admin_client):
    MemoFactory(title="Hers", authors=["Erica Marat"], countries={"CN": 3})
    MemoFactory(title="Someone else's", countries={"CN": 1})

    page = BeautifulSoup(admin_client.get(reverse("admin:memos_author_changelist")).content, "lxml")
    link = page.find("a", string="1 memo")["href"]
    assert [m.title for m in listed(admin_client.get(link))] == ["Hers"]

    page = BeautifulSoup(admin_client.get(f"{CHANGELIST}?q=Hers").content, "lxml")
    link = page.select_one("td.field-mention_links a")["href"]
    assert [m.memo.title for m in listed(admin_client.get(link))] == ["Hers"]


def test_autocomplete_for_authors_topics_countries_and_vendors(client, editor):
    client.force_login(editor)
    Author.objects.create(name="Erica Marat")
    Topic.objects.create(name="Central Asia")
    url = reverse("admin:autocomplete")
    for model, field, term, expected in [
        ("authorship", "author", "Mar", "Erica Marat"),
        ("memotopic", "topic", "centr", "Central Asia"),
        ("mention", "country", "kyrg", "Kyrgyzstan"),
        ("mention", "vendor", "Hikv", "Hikvision"),
    ]:
        params = {"app_label": "memos", "model_name": model, "field_name": field, "term": term}
        response = client.get(url, params)
        assert response.status_code == 200, (model, field)
        assert expected in [r["text"] for r in response.json()["results"]]


# --- the memo form ------------------------------------------------------------------------------


def test_editing_records_edited_fields_and_confirms_touched_mentions(admin_client, seed_memo):
    change = reverse("admin:memos_memo_change", args=[seed_memo.pk])
    cn = seed_memo.mentions.get(country_id="CN")
    us = seed_memo.mentions.get(country_id="US")
    huawei = seed_memo.mentions.get(vendor__name="Huawei")
    untouched = seed_memo.mentions.get(country_id="KZ")
    data = form_data(admin_client.get(change), "memo_form")
    prefix = "mentions"
    data["title"] = ["A better title"]
    data["summary"] = ["A summary an editor wrote."]
    data[f"{row_of(data, prefix, cn.pk)}-count"] = ["99"]
    data[f"{row_of(data, prefix, us.pk)}-verdict"] = ["rejected"]
    data[f"{row_of(data, prefix, huawei.pk)}-context"] = ["Huawei built the cameras."]
    response = admin_client.post(change, data)
    assert response.status_code == 302

    seed_memo.refresh_from_db()
    assert seed_memo.edited_fields == ["title", "summary"]
    cn.refresh_from_db(), us.refresh_from_db(), huawei.refresh_from_db(), untouched.refresh_from_db()
    assert (cn.count, cn.verdict) == (99, "confirmed")
    assert us.verdict == "rejected"
    assert (huawei.context, huawei.verdict) == ("Huawei built the cameras.", "confirmed")
    assert untouched.verdict == "auto"

    entry = LogEntry.objects.get(object_id=str(seed_memo.pk), action_flag=CHANGE)
    assert "Title" in entry.get_change_message() and "mention" in entry.get_change_message()


def test_adding_a_missed_mention_and_changing_authors(admin_client, seed_memo):
    change = reverse("admin:memos_memo_change", args=[seed_memo.pk])
    second = Author.objects.create(name="Ivan Petrov")
    data = form_data(admin_client.get(change), "memo_form")
    missed = "missed_mentions"
    data[f"{missed}-0-country"] = ["FR"]
    data[f"{missed}-0-count"] = ["2"]
    data[f"{missed}-0-context"] = ["France was mentioned."]
    authors = "authorships"
    data[f"{authors}-TOTAL_FORMS"] = ["2"]
    data[f"{authors}-1-author"] = [str(second.pk)]
    data[f"{authors}-1-position"] = ["1"]
    data[f"{authors}-1-memo"] = [str(seed_memo.pk)]
    response = admin_client.post(change, data)
    assert response.status_code == 302, response.context["inline_admin_formsets"][0].formset.errors

    france = seed_memo.mentions.get(country_id="FR")
    assert (france.count, france.context, france.verdict) == (2, "France was mentioned.", "confirmed")
    assert seed_memo.author_list == [Author.objects.get(name="Erica Marat"), second]
    seed_memo.refresh_from_db()
    assert seed_memo.edited_fields == ["authors"]


def test_missed_mention_needs_exactly_one_subject(admin_client, seed_memo):
    change = reverse("admin:memos_memo_change", args=[seed_memo.pk])
    data = form_data(admin_client.get(change), "memo_form")
    missed = "missed_mentions"
    data[f"{missed}-0-country"] = ["FR"]
    data[f"{missed}-0-vendor"] = [str(Vendor.objects.get(name="Huawei").pk)]
    response = admin_client.post(change, data)
    assert response.status_code == 200
    assert "either a country or a vendor" in response.content.decode()
    data[f"{missed}-0-vendor"] = [""]
    data[f"{missed}-0-country"] = ["CN"]  # already mentioned
    response = admin_client.post(change, data)
    assert response.status_code == 200
    assert not seed_memo.mentions.filter(country_id="FR").exists()


def test_unticking_a_kept_field_hands_it_back_to_imports(admin_client, seed_memo):
    seed_memo.edited_fields = ["title", "topics"]
    seed_memo.save()
    change = reverse("admin:memos_memo_change", args=[seed_memo.pk])
    data = form_data(admin_client.get(change), "memo_form")
    assert data["kept_fields"] == ["title", "topics"]
    data["kept_fields"] = ["topics"]
    assert admin_client.post(change, data).status_code == 302
    seed_memo.refresh_from_db()
    assert seed_memo.edited_fields == ["topics"]


def test_edited_body_html_is_sanitized(admin_client, seed_memo):
    change = reverse("admin:memos_memo_change", args=[seed_memo.pk])
    data = form_data(admin_client.get(change), "memo_form")
    data["body_html"] = ['<p onclick="x()">Fixed.</p><script>alert(1)</script>']
    assert admin_client.post(change, data).status_code == 302
    seed_memo.refresh_from_db()
    assert seed_memo.body_html == "<p>Fixed.</p>"
    assert "body_html" in seed_memo.edited_fields


def test_change_page_shows_source_import_history_and_view_on_site(admin_client, seed_memo):
    response = admin_client.get(reverse("admin:memos_memo_change", args=[seed_memo.pk]))
    page = BeautifulSoup(response.content, "lxml")
    history = page.select_one(".field-import_history").get_text(" ")
    assert "created" in history and SEED.name in history
    assert page.find("a", class_="viewsitelink") is not None
    # Read-only: no inputs for the import's own bookkeeping.
    assert page.find(attrs={"name": "content_hash"}) is None
    assert page.find(attrs={"name": "source_url"}) is None


def test_history_page_shows_admin_changes_and_imports(admin_client, seed_memo):
    change = reverse("admin:memos_memo_change", args=[seed_memo.pk])
    data = form_data(admin_client.get(change), "memo_form")
    data["category"] = ["Policy memos (edited)"]
    admin_client.post(change, data)
    response = admin_client.get(reverse("admin:memos_memo_history", args=[seed_memo.pk]))
    page = BeautifulSoup(response.content, "lxml")
    assert "Changed Category" in page.select_one("#change-history").get_text(" ")
    imports = page.select_one("#import-history").get_text(" ")
    assert "created" in imports and SEED.name in imports


# --- actions ------------------------------------------------------------------------------------


def run_action(client, action: str, objects, url=CHANGELIST, follow=False, **extra):
    data = {"action": action, "_selected_action": [o.pk for o in objects], "index": 0, **extra}
    return client.post(url, data, follow=follow)


def test_publish_and_unpublish_actions_are_logged(admin_client):
    a, b = MemoFactory(title="First"), MemoFactory(title="Second", is_published=False)
    response = run_action(admin_client, "unpublish", [a, b])
    assert response.status_code == 302
    assert list(Memo.objects.published()) == []
    assert LogEntry.objects.filter(object_id=str(a.pk), change_message__startswith="Unpublished").exists()
    assert not LogEntry.objects.filter(object_id=str(b.pk)).exists()  # it was already hidden

    run_action(admin_client, "publish", [b])
    assert list(Memo.objects.published()) == [b]
    assert LogEntry.objects.filter(object_id=str(b.pk), change_message="Published.").count() == 1


def test_reextract_action_keeps_curated_mentions(admin_client, seed_memo):
    cn = seed_memo.mentions.get(country_id="CN")
    cn.verdict, cn.count = "confirmed", 1
    cn.save()
    us = seed_memo.mentions.get(country_id="US")
    us.verdict = "rejected"
    us.save()
    kz = seed_memo.mentions.get(country_id="KZ")
    kz_count = kz.count
    kz.count = 77
    kz.save()  # still "auto": extraction owns it

    assert run_action(admin_client, "reextract", [seed_memo]).status_code == 302
    assert seed_memo.mentions.get(country_id="CN").count == 1
    assert seed_memo.mentions.get(country_id="US").verdict == "rejected"
    assert seed_memo.mentions.get(country_id="KZ").count == kz_count
    assert LogEntry.objects.filter(
        object_id=str(seed_memo.pk), change_message__contains="extraction"
    ).exists()


def test_export_csv(admin_client, seed_memo):
    formula = MemoFactory(title='=HYPERLINK("http://evil")', slug="formula")
    seed_memo.mentions.filter(country_id="US").update(verdict="rejected")
    response = run_action(admin_client, "export_csv", [seed_memo, formula])
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
    assert len(rows) == 2
    seed = next(r for r in rows if r["memo_number"] == "540")
    assert seed["title"] == "Chinese Artificial Intelligence Projects Expand in Eurasian Cities"
    assert seed["authors"] == "Erica Marat"
    assert seed["published"] == "2018-09-14"
    assert seed["topics"] == "2018; Central Asia; Eurasia; Marat; Technology"
    countries = {item.split(":")[0] for item in seed["countries"].split("; ")}
    assert countries == {"CN", "AM", "AZ", "RU", "TJ", "UA", "UZ", "KG", "KZ", "GB", "AU", "GE", "MD"}
    assert {item.split(":")[0] for item in seed["vendors"].split("; ")} == {
        "Huawei", "Hikvision", "CASIC", "ZTE", "IBM", "Cisco", "Apple", "Samsung",
    }  # fmt: skip
    assert seed["countries"].startswith(f"CN:{seed_memo.mentions.get(country_id='CN').count}")
    assert seed["is_published"] == "yes"
    other = next(r for r in rows if r["slug"] == "formula")
    assert other["title"] == '\'=HYPERLINK("http://evil")'  # never a live formula in a spreadsheet


def test_mention_list_actions_and_form_record_verdicts_in_the_memo_history(admin_client, seed_memo):
    url = reverse("admin:memos_mention_changelist")
    cn, us = seed_memo.mentions.get(country_id="CN"), seed_memo.mentions.get(country_id="US")
    assert run_action(admin_client, "reject", [cn, us], url=url).status_code == 302
    assert set(seed_memo.mentions.filter(verdict="rejected")) == {cn, us}
    run_action(admin_client, "confirm", [cn], url=url)
    cn.refresh_from_db()
    assert cn.verdict == "confirmed"

    change = reverse("admin:memos_mention_change", args=[us.pk])
    data = form_data(admin_client.get(change), "mention_form")
    data["count"] = ["3"]
    assert admin_client.post(change, data).status_code == 302
    us.refresh_from_db()
    assert (us.count, us.verdict) == (3, "rejected")  # edited, but the editor's rejection stands

    add = reverse("admin:memos_mention_add")
    data = {"memo": seed_memo.pk, "country": "FR", "count": 1, "context": "", "verdict": "auto"}
    assert admin_client.post(add, data).status_code == 302
    assert seed_memo.mentions.get(country_id="FR").verdict == "confirmed"  # added by hand
    assert admin_client.post(add, data).status_code == 200  # a second France is refused

    history = admin_client.get(reverse("admin:memos_memo_history", args=[seed_memo.pk]))
    text = BeautifulSoup(history.content, "lxml").select_one("#change-history").get_text(" ")
    assert "Marked the mention(s) of China, United States rejected." in text
    assert "Marked the mention(s) of China confirmed." in text
    assert "Changed the mention of United States in the mentions list: rejected, count 3." in text
    assert "Added the mention of France" in text


# --- merging ------------------------------------------------------------------------------------


def test_merge_confirmation_page_then_merge(client, editor):
    client.force_login(editor)
    marat = Author.objects.create(name="Erica Marat")
    short = Author.objects.create(name="E. Marat")
    m1 = MemoFactory(title="One", authors=[marat])
    m2 = MemoFactory(title="Two", authors=[short])
    m3 = MemoFactory(title="Three", authors=[short, marat])
    url = reverse("admin:memos_author_changelist")

    response = run_action(client, "merge_selected", [marat, short], url=url)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "lxml")
    choices = page.select(".merge-candidate")
    assert len(choices) == 2
    keep_marat = next(c for c in choices if "Keep “Erica Marat”" in c.get_text())
    text = " ".join(keep_marat.get_text(" ").split())
    assert "1 memo link moves" in text and "1 duplicate" in text and "2 memos affected" in text
    assert "“e. marat”" in text and "Deleted: “E. Marat”" in text
    assert Author.objects.count() == 2  # nothing happens before the editor confirms

    data = form_data(response, "merge-form")
    data["survivor"] = [str(marat.pk)]
    response = client.post(url, data)
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:memos_author_change", args=[marat.pk])
    assert list(Author.objects.values_list("name", flat=True)) == ["Erica Marat"]
    assert set(marat.memos.all()) == {m1, m2, m3}
    assert LogEntry.objects.filter(action_flag=DELETION, object_id=str(short.pk)).exists()
    entry = LogEntry.objects.get(action_flag=CHANGE, object_id=str(marat.pk), content_type__model="author")
    assert "Merged “E. Marat”" in entry.change_message
    # Each memo whose byline changed says so in its own history.
    memo_notes = LogEntry.objects.filter(content_type__model="memo", change_message__contains="merged into")
    assert set(memo_notes.values_list("object_id", flat=True)) == {str(m2.pk), str(m3.pk)}


def test_merge_needs_two_rows_and_a_survivor(admin_client):
    a, b = Author.objects.create(name="Alone"), Author.objects.create(name="Other")
    url = reverse("admin:memos_author_changelist")
    response = run_action(admin_client, "merge_selected", [a], url=url)
    assert response.status_code == 302
    response = admin_client.post(
        url, {"action": "merge_selected", "_selected_action": [a.pk, b.pk], "post": "yes", "survivor": "0"}
    )
    assert response.status_code == 200  # the confirmation page again
    assert Author.objects.count() == 2


def test_vendor_merge_from_the_admin(admin_client, seed_memo):
    huawei = Vendor.objects.get(name="Huawei")
    dup = Vendor.objects.create(name="Huawei Tech Co", slug="huawei-tech-co", aliases=["HUAWEI TECH"])
    Mention.objects.create(memo=seed_memo, vendor=dup, count=2, verdict="confirmed")
    before = seed_memo.mentions.get(vendor=huawei).count
    url = reverse("admin:memos_vendor_changelist")
    response = run_action(admin_client, "merge_selected", [huawei, dup], url=url)
    data = form_data(response, "merge-form")
    data["survivor"] = [str(huawei.pk)]
    admin_client.post(url, data)
    mention = seed_memo.mentions.get(vendor=huawei)
    assert (mention.count, mention.verdict) == (before + 2, "confirmed")
    huawei.refresh_from_db()
    assert {"Huawei Tech Co", "HUAWEI TECH"} <= set(huawei.aliases)


# --- vendors ------------------------------------------------------------------------------------


def test_vendor_aliases_are_edited_one_per_line(admin_client):
    add = reverse("admin:memos_vendor_add")
    aliases = "Ren Zhengfei\r\n\r\n ZF  Labs \r\nRen Zhengfei"
    data = {
        "name": "Zhengfei Labs",
        "slug": "zhengfei-labs",
        "aliases": aliases,
        "country": "CN",
        "sector": "telecom",
    }
    assert admin_client.post(add, data).status_code == 302
    vendor = Vendor.objects.get(name="Zhengfei Labs")
    assert vendor.aliases == ["Ren Zhengfei", "ZF Labs"]
    page = BeautifulSoup(
        admin_client.get(reverse("admin:memos_vendor_change", args=[vendor.pk])).content, "lxml"
    )
    assert page.find("textarea", attrs={"name": "aliases"}).text.strip() == "Ren Zhengfei\nZF Labs"


def test_vendor_alias_that_belongs_to_another_vendor_is_refused(admin_client):
    data = {"name": "New Vendor", "slug": "new-vendor", "aliases": "Huawei", "sector": ""}
    response = admin_client.post(reverse("admin:memos_vendor_add"), data)
    assert response.status_code == 200
    assert "belongs to Huawei" in response.content.decode()
    assert not Vendor.objects.filter(name="New Vendor").exists()


# The worker closes the connection between tasks: these tests commit, as a real worker sees them.
@pytest.mark.django_db(transaction=True)
def test_apply_vendor_list_finds_new_spellings(admin_client, seed_memo):
    Vendor.objects.create(name="Zhengfei Labs", slug="zhengfei-labs", aliases=["Ren Zhengfei"])
    assert not seed_memo.mentions.filter(vendor__name="Zhengfei Labs").exists()
    changelist = admin_client.get(reverse("admin:memos_vendor_changelist"))
    assert BeautifulSoup(changelist.content, "lxml").find("form", id="apply-vendor-list") is not None
    apply = reverse("admin:memos_vendor_apply")
    assert admin_client.get(apply).status_code == 405
    response = admin_client.post(apply)
    # The request only enqueues: a worker finds the new spellings, and the job's page follows it.
    job = Job.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:memos_job_change", args=[job.pk])
    assert not seed_memo.mentions.filter(vendor__name="Zhengfei Labs").exists()
    assert "waiting for a worker" in admin_client.get(response["Location"]).text
    run_worker()
    mention = seed_memo.mentions.get(vendor__name="Zhengfei Labs")
    assert "Ren Zhengfei" in mention.context
    page = admin_client.get(response["Location"]).text
    assert "done" in page
    assert f"{Memo.objects.count()} of {Memo.objects.count()}" in page
    assert job.kind in page and "admin" in page


def run_worker() -> None:
    call_command(
        "db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=StringIO(), stderr=StringIO()
    )


@pytest.mark.django_db(transaction=True)
def test_reextracting_many_memos_runs_as_a_job_and_a_failure_is_reported(admin_client, seed_memo):
    memos = [
        seed_memo,
        *(MemoFactory(title=f"Memo {i}", body_text=f"Huawei in memo {i}.") for i in range(21)),
    ]
    assert run_action(admin_client, "reextract", memos).status_code == 302
    job = Job.objects.get()
    assert job.kind == "Re-extract mentions in 22 memos"
    assert not Mention.objects.filter(memo__title="Memo 3").exists()  # only enqueued
    run_worker()
    assert Mention.objects.filter(memo__title="Memo 3", vendor__name="Huawei").exists()
    job.refresh_from_db()
    assert (job.done, job.total) == (22, 22)

    # A job whose work raises is reported as failed, with the error, on the jobs list.
    tasks.start(tasks.reextract, "Re-extract a memo that is gone", None, ["not-an-id"])
    run_worker()
    listing = admin_client.get(reverse("admin:memos_job_changelist")).text
    assert "failed" in listing and "Failed:" in listing
    assert "done" in listing  # the first job


# --- upload -------------------------------------------------------------------------------------


def test_upload_pages_shows_a_result_per_file(client, editor, reference_data):
    client.force_login(editor)
    changelist = BeautifulSoup(client.get(CHANGELIST).content, "lxml")
    assert changelist.find("a", href=IMPORT) is not None

    files = [
        SimpleUploadedFile("seed.txt", SEED.read_bytes(), content_type="text/plain"),
        SimpleUploadedFile("empty.html", b"", content_type="text/html"),
        SimpleUploadedFile(
            "photo.jpg", b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4, content_type="image/jpeg"
        ),
    ]
    response = client.post(IMPORT, {"pages": files})
    assert response.status_code == 200
    rows = {
        tr.th.text: [td.get_text(" ", strip=True) for td in tr.find_all("td")]
        for tr in BeautifulSoup(response.content, "lxml").select("#import-results tbody tr")
    }
    assert rows["seed.txt"][:2] == [
        "created",
        "Chinese Artificial Intelligence Projects Expand in Eurasian Cities",
    ]
    assert rows["empty.html"][0] == "failed" and rows["empty.html"][2]
    assert rows["photo.jpg"][0] == "failed" and rows["photo.jpg"][2]
    memo = Memo.objects.get(memo_number=540)
    assert LogEntry.objects.filter(object_id=str(memo.pk), change_message__contains="seed.txt").exists()
    assert ImportRecord.objects.filter(source="empty.html", status="failed").exists()

    response = client.post(IMPORT, {"pages": [SimpleUploadedFile("seed.txt", SEED.read_bytes())]})
    summary = BeautifulSoup(response.content, "lxml").select_one("#import-summary").get_text(" ", strip=True)
    assert "unchanged 1" in summary
    assert Memo.objects.count() == 1


@pytest.mark.django_db(transaction=True)  # the worker closes its connection between tasks
def test_an_upload_of_many_pages_is_imported_by_a_job(admin_client, admin_user, reference_data):
    client = admin_client
    pages = fixture_pages()[:6]
    files = [SimpleUploadedFile(p.name, p.read_bytes()) for p in pages]
    files.append(SimpleUploadedFile("photo.jpg", b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4))
    response = client.post(IMPORT, {"pages": files})
    job = Job.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:memos_job_change", args=[job.pk])
    assert not Memo.objects.exists()  # the request only stored the pages and enqueued the job
    run_worker()
    job.refresh_from_db()
    assert Memo.objects.count() == 6
    assert (job.done, job.total) == (7, 7)
    assert job.outcome.startswith("Created 6, updated 0, unchanged 0, failed 1.")
    assert "photo.jpg: binary file" in job.outcome
    memo = Memo.objects.order_by("pk").first()
    assert LogEntry.objects.filter(object_id=str(memo.pk), user=admin_user, action_flag=1).exists()


@pytest.mark.django_db(transaction=True)
def test_reparse_from_the_admin_runs_as_a_job(admin_client, seed_memo):
    # As if an older parser had read the stored page: another title, another fingerprint.
    Memo.objects.filter(pk=seed_memo.pk).update(title="A title the parser would not give", content_hash="old")
    response = run_action(admin_client, "reparse", [seed_memo], follow=True)
    job = Job.objects.get()
    assert job.kind == "Reparse 1 memo"
    # The editor is told the work goes on elsewhere, with a link to follow it.
    assert f'Reading 1 memo again in the background: <a href="/admin/memos/job/{job.pk}/change/">' in (
        response.content.decode()
    )
    assert Memo.objects.get(pk=seed_memo.pk).title == "A title the parser would not give"
    run_worker()
    assert Memo.objects.get(pk=seed_memo.pk).title == SEED_TITLE
    job.refresh_from_db()
    assert job.outcome.startswith("Read 1 memo(s) again from their stored pages: updated 1")


def fixture_pages() -> list:
    return sorted(p for p in SEED.parent.iterdir() if p.is_file())


def test_upload_without_files_shows_the_form_error(admin_client):
    response = admin_client.post(IMPORT, {})
    assert response.status_code == 200
    assert response.context["import_results"] is None
    assert response.context["form"].errors["pages"]

"""Cached counts: served while the data is unchanged, recomputed after any kind of write."""

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from memos import caching, changes
from memos.curation.merge import merge
from memos.ingest.load import reextract_mentions
from memos.models import Author, DataVersion, Memo, Mention
from tests.conftest import SEED
from tests.factories import build_archive, make_memo

pytestmark = pytest.mark.django_db


def facet_counts(client, name: str, url: str | None = None) -> dict[str, int]:
    response = client.get(url or reverse("memo_list"))
    assert response.status_code == 200
    facet = next(f for f in response.context["facets"] if f.name == name)
    return {v.value: v.count for v in facet.values}


def test_a_repeated_page_skips_the_counting_queries(client, django_assert_num_queries):
    build_archive()
    url = reverse("memo_list")
    # version, count, rows, authors, topics, the year histogram, the map, five more facets
    with django_assert_num_queries(12):
        client.get(url)
    with django_assert_num_queries(4):  # version, rows, authors, topics: the counts are cached
        client.get(url)
    # the country check, the rows' mentions of it, and new counts for a new filter
    with django_assert_num_queries(15):
        client.get(url + "?country=RU")
    with django_assert_num_queries(6):  # the check, version, rows, authors, topics, mentions
        client.get(url + "?country=RU")


def test_saving_through_the_orm_shows_at_once(client):
    build_archive()
    before = facet_counts(client, "country")
    make_memo("Another Georgian memo", date(2021, 1, 1), countries={"GE": 1})
    after = facet_counts(client, "country")
    assert after["GE"] == before.get("GE", 0) + 1


def test_bulk_update_in_the_admin_shows_at_once(client):
    archive = build_archive()
    admin = User.objects.create_superuser("editor", "e@example.org", "pw-for-tests-only")
    client.force_login(admin)
    before = facet_counts(client, "country")
    response = client.post(
        reverse("admin:memos_memo_changelist"),
        {"action": "unpublish", "_selected_action": [archive["cameras"].pk]},
    )
    assert response.status_code == 302
    assert not Memo.objects.get(pk=archive["cameras"].pk).is_published
    after = facet_counts(client, "country")
    assert after.get("KZ", 0) == before["KZ"] - 1


def test_rejecting_mentions_in_bulk_shows_at_once(client):
    build_archive()
    admin = User.objects.create_superuser("editor", "e@example.org", "pw-for-tests-only")
    client.force_login(admin)
    before = facet_counts(client, "country")
    ru = Mention.objects.filter(country_id="RU", memo__is_published=True)
    client.post(
        reverse("admin:memos_mention_changelist"),
        {"action": "reject", "_selected_action": list(ru.values_list("pk", flat=True))},
    )
    assert before.get("RU")
    assert "RU" not in facet_counts(client, "country")


def test_merging_authors_shows_at_once(client):
    build_archive()
    before = facet_counts(client, "author")
    assert before["alice-adams"] >= 2
    merge(Author.objects.get(slug="boris-brown"), [Author.objects.get(slug="alice-adams")])
    after = facet_counts(client, "author")
    assert "alice-adams" not in after
    assert after["boris-brown"] > before["boris-brown"]


def test_importing_a_page_shows_at_once(client, import_memos):
    build_archive()
    before = facet_counts(client, "author")
    assert "erica-marat" not in before
    out, err, code = import_memos(SEED)
    assert code == 0, err
    assert facet_counts(client, "author")["erica-marat"] == 1


def test_reextracting_mentions_shows_at_once(client, reference_data):
    memo = make_memo("A memo on Mongolia", date(2020, 1, 1), body_text="Ulaanbaatar, Mongolia and Mongolia.")
    assert "MN" not in facet_counts(client, "country")
    reextract_mentions([memo.pk])
    assert facet_counts(client, "country")["MN"] == 1


def test_related_memos_follow_publication(client):
    archive = build_archive()
    page = archive["cameras"].get_absolute_url()
    related = {m.pk for m in client.get(page).context["related"]}
    assert related
    hidden = Memo.objects.get(pk=next(iter(related)))
    hidden.is_published = False
    hidden.save()
    assert hidden.pk not in {m.pk for m in client.get(page).context["related"]}


def test_a_rolled_back_write_leaves_no_token_behind():
    caching.new_version()
    kept = caching.token()
    with pytest.raises(RuntimeError), transaction.atomic():
        caching.new_version()
        assert caching.token() != kept
        raise RuntimeError("roll back")
    assert caching.token() == kept
    caching.new_version()  # a new token, never one seen inside the rolled-back transaction
    assert caching.token() != kept


def test_writes_change_the_token_once_and_only_on_success():
    kept = caching.token()
    with pytest.raises(RuntimeError), transaction.atomic(), changes.writes():
        make_memo("Never saved", date(2020, 1, 1))
        raise RuntimeError("roll back")
    assert caching.token() == kept
    with CaptureQueriesContext(connection) as queries, changes.writes():
        make_memo("Saved", date(2020, 1, 1), authors=["A. Author"], countries={"GE": 1})
    assert caching.token() != kept
    sql = [q["sql"] for q in queries]
    assert len([s for s in sql if s.startswith("UPDATE") and "memos_dataversion" in s]) == 1


def test_without_a_version_row_nothing_is_cached():
    DataVersion.objects.all().delete()
    computed = []
    for _ in range(2):
        caching.cached("key", lambda: computed.append(1))
    assert len(computed) == 2
    caching.new_version()  # recreates the row
    assert caching.token()


@pytest.mark.parametrize("url", ["/memos/?q=-", "/memos/facets/author/?q=-", "/memos/?q=%22%22"])
def test_a_query_known_to_be_empty_is_answered_without_the_cache(client, url):
    build_archive()
    response = client.get(url)
    assert response.status_code == 200
    assert "Cameras in Almaty" not in response.text


def test_the_matrix_is_cached_until_the_data_changes(client, django_assert_num_queries):
    build_archive()
    url = reverse("analysis")
    assert "/memos/?country=KZ&amp;vendor=borealis-networks" not in client.get(url).text
    with django_assert_num_queries(1):  # the version: counts, vendors, names and the arranged rows are cached
        client.get(url)
    make_memo("Borealis in Almaty", None, countries={"KZ": 1}, vendors={"borealis-networks": 1})
    assert "/memos/?country=KZ&amp;vendor=borealis-networks" in client.get(url).text

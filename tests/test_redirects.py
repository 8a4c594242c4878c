"""Permanent addresses: permalinks by id, and 301s from every old slug after renames and merges."""

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from memos.curation.merge import merge
from memos.models import Author, Memo, Redirect, Topic, Vendor
from tests.factories import build_archive, make_memo
from tests.pages import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    return build_archive()


def moved(client, url: str, status: int = 301) -> str:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response["Location"]


def test_merging_author_b_into_a_sends_bs_old_url_to_as_page(client, archive):
    alice, boris = Author.objects.get(slug="alice-adams"), Author.objects.get(slug="boris-brown")
    old_page, old_permalink = boris.get_absolute_url(), boris.permalink()
    merge(alice, [boris])
    assert moved(client, old_page) == "/authors/alice-adams/"
    assert moved(client, old_page + "?page=1") == "/authors/alice-adams/?page=1"
    assert moved(client, old_permalink) == "/authors/alice-adams/"
    assert client.get("/authors/alice-adams/").status_code == 200


def test_topic_and_vendor_merges_redirect_too(client, archive):
    merge(Topic.objects.get(slug="security"), [Topic.objects.get(slug="surveillance")])
    assert moved(client, "/topics/surveillance/") == "/topics/security/"
    merge(Vendor.objects.get(slug="borealis-networks"), [Vendor.objects.get(slug="acme-vision")])
    assert moved(client, "/vendors/acme-vision/") == "/vendors/borealis-networks/"


def test_a_renamed_memo_answers_from_its_old_url_and_its_citation_files(client, archive):
    memo = archive["cameras"]
    old = memo.slug
    memo.slug = "cameras-in-almaty-2019"
    memo.save()
    assert moved(client, f"/memos/{old}/") == "/memos/cameras-in-almaty-2019/"
    assert moved(client, f"/memos/{old}/cite.bib") == "/memos/cameras-in-almaty-2019/cite.bib"
    assert moved(client, f"/memos/{old}/cite.ris") == "/memos/cameras-in-almaty-2019/cite.ris"
    assert moved(client, f"/memos/{old}/cite.json") == "/memos/cameras-in-almaty-2019/cite.json"
    assert moved(client, f"/api/memos/{old}/") == "/api/memos/cameras-in-almaty-2019/"


def test_renamed_twice_then_merged_every_old_address_leads_to_the_survivor(client, archive):
    carla = Author.objects.get(slug="carla-cruz")
    for slug in ("carla-cruz-2", "carla-m-cruz"):
        carla.slug = slug
        carla.save()
    assert moved(client, "/authors/carla-cruz/") == "/authors/carla-m-cruz/"
    assert moved(client, "/authors/carla-cruz-2/") == "/authors/carla-m-cruz/"
    alice = Author.objects.get(slug="alice-adams")
    merge(alice, [carla])
    for old in ("carla-cruz", "carla-cruz-2", "carla-m-cruz"):
        assert moved(client, f"/authors/{old}/") == "/authors/alice-adams/"
    assert moved(client, f"/api/authors/{old}/") == "/api/authors/alice-adams/"


def test_a_slug_back_in_use_is_live_again(client, archive):
    topic = Topic.objects.get(slug="telecom")
    topic.slug = "telecoms"
    topic.save()
    topic.slug = "telecom"
    topic.save()
    assert client.get("/topics/telecom/").status_code == 200
    assert moved(client, "/topics/telecoms/") == "/topics/telecom/"
    assert not Redirect.objects.filter(kind="topic", old_slug="telecom").exists()


def test_renames_in_the_admin_leave_redirects(client, archive):
    boss = User.objects.create_superuser("boss", "boss@example.org", "a-long-password-1")
    client.force_login(boss)
    author = Author.objects.get(slug="alice-adams")
    url = reverse("admin:memos_author_change", args=[author.pk])
    data = form_data(client.get(url), "author_form")
    data["slug"] = ["alice-b-adams"]
    assert client.post(url, data).status_code == 302
    client.logout()
    assert moved(client, "/authors/alice-adams/") == "/authors/alice-b-adams/"


def test_a_save_of_a_row_loaded_without_its_slug_still_notices(client, archive):
    memo = Memo.objects.defer("slug").get(pk=archive["cyber"].pk)
    memo.slug = "cyber-defense"
    memo.save()
    assert moved(client, f"/memos/{archive['cyber'].slug}/") == "/memos/cyber-defense/"


def test_saves_that_keep_the_slug_add_nothing(archive):
    memo = archive["cyber"]
    memo.title = "Cyber Defense in Ukraine, revised"
    memo.save()
    Author.objects.get(slug="alice-adams").save()
    assert not Redirect.objects.exists()


def test_permalinks(client, archive):
    memo = archive["cameras"]
    assert memo.permalink() == f"/id/memo/{memo.pk}/"
    # The identifier stays while the page may move: a temporary redirect to where it is now.
    assert moved(client, memo.permalink(), 302) == memo.get_absolute_url()
    memo.slug = "almaty"
    memo.save()
    assert moved(client, memo.permalink(), 302) == "/memos/almaty/"
    author = Author.objects.get(slug="alice-adams")
    assert moved(client, author.permalink(), 302) == "/authors/alice-adams/"
    assert moved(client, Vendor.objects.get(slug="acme-vision").permalink(), 302) == "/vendors/acme-vision/"
    assert moved(client, Topic.objects.get(slug="telecom").permalink(), 302) == "/topics/telecom/"


def test_permalinks_that_lead_nowhere_are_404s(client, archive):
    assert client.get(archive["draft"].permalink()).status_code == 404  # unpublished
    assert client.get("/id/memo/999999/").status_code == 404
    assert client.get("/id/country/1/").status_code == 404
    assert client.get("/id/user/1/").status_code == 404


def test_unknown_slugs_are_still_404s(client, archive):
    for url in ("/memos/no-such-memo/", "/authors/nobody/", "/topics/nothing/", "/vendors/none/"):
        assert client.get(url).status_code == 404


def test_a_redirect_to_an_unpublished_memo_is_a_404(client, archive):
    memo = make_memo("Soon", date(2024, 1, 1), is_published=False)
    memo.slug = "soon-2"
    memo.save()
    assert client.get("/memos/soon/").status_code == 404  # its new address is not given away
    memo.is_published = True
    memo.save()
    assert moved(client, "/memos/soon/") == "/memos/soon-2/"

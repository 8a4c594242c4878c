"""Every write path leaves search and the cached counts right (memos.changes), and nothing else indexes.

Each case warms the cache, writes through one path the archive has (the importer, the admin's forms
and actions, merges, re-extraction, the reference data, deletes), then checks that what readers get
from the cache and the search index equals what a cold cache and a rebuilt index give, and that the
write did change what they see.
"""

import re
import subprocess
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from memos import search
from memos.curation.merge import merge
from memos.models import Author, Country, DataVersion, Memo, Mention, Snapshot, Topic, Vendor, VendorCandidate
from tests.conftest import DATA, SEED
from tests.factories import build_archive
from tests.pages import form_data

pytestmark = pytest.mark.django_db(transaction=True)  # real commits, as in production
ROOT = Path(__file__).resolve().parent.parent
STEPPE = DATA / "issue10" / "steppe_cameras.html"

# What readers see: the list's count and facets, home's aggregates and searches for names.
PAGES = ["/", "/memos/", "/memos/?country=KZ", "/countries/", "/vendors/", "/topics/", "/authors/"]
TERMS = [
    "Almaty", "Russia", "Kazakhstan", "China", "Acme", "Borealis", "Zyxtronics", "Erica", "Alice",
    "Surveillance", "Quartz", "Marat", "surveillance", "Hikvision", "Huawei", "Tashkent",
]  # fmt: skip


def snapshot(client) -> dict:
    seen = {}
    for url in PAGES:
        response = client.get(url)
        assert response.status_code == 200, url
        # The counts and names on the page, without the CSRF token and other per-request noise.
        seen[url] = re.sub(r"\s+", " ", re.sub(r'<input type="hidden"[^>]*>', "", response.text))
    memos = Memo.objects.published()
    seen["search"] = {t: sorted(search.search_memos(memos, t).values_list("pk", flat=True)) for t in TERMS}
    return seen


def reindex_everything() -> None:
    """The search index from scratch, without memos.changes: the truth to compare with."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM memos_memo_fts")
    search.index_memos(Memo.objects.values_list("pk", flat=True))


def run_jobs() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=StringIO())


def cold_cache() -> None:
    """Nothing computed before: no cached figure, and no snapshot of any page."""
    cache.clear()
    Snapshot.objects.all().delete()


@pytest.fixture
def archive(import_memos):
    # Transactional tests start from empty tables: the data version row the migration made is gone.
    DataVersion.objects.get_or_create(pk=1, defaults={"token": "first"})
    archive = build_archive()
    import_memos(SEED)
    return archive


@pytest.fixture
def boss(db):
    return User.objects.create_superuser("boss", "boss@example.org", "a-long-password-1")


def edit_title(client, boss, archive):
    client.force_login(boss)
    memo = archive["cameras"]
    url = reverse("admin:memos_memo_change", args=[memo.pk])
    data = form_data(client.get(url), "memo_form")
    data["title"] = ["Quartz Cameras in Almaty"]
    assert client.post(url, data).status_code == 302


def unpublish(client, boss, archive):
    client.force_login(boss)
    ids = [archive["cameras"].pk, archive["spectrum"].pk]
    response = client.post(
        reverse("admin:memos_memo_changelist"), {"action": "unpublish", "_selected_action": ids}
    )
    assert response.status_code == 302


def reject_mentions(client, boss, archive):
    client.force_login(boss)
    ids = list(Mention.objects.filter(country_id="KZ").values_list("pk", flat=True))
    response = client.post(
        reverse("admin:memos_mention_changelist"), {"action": "reject", "_selected_action": ids}
    )
    assert response.status_code == 302


def delete_mention(client, boss, archive):
    client.force_login(boss)
    mention = Mention.objects.filter(vendor__slug="acme-vision").first()
    url = reverse("admin:memos_mention_delete", args=[mention.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302


def rename_author(client, boss, archive):
    client.force_login(boss)
    author = Author.objects.get(name="Alice Adams")
    url = reverse("admin:memos_author_change", args=[author.pk])
    data = form_data(client.get(url), "author_form")
    data["name"] = ["Alice Quartz"]
    assert client.post(url, data).status_code == 302


def rename_vendor(client, boss, archive):
    vendor = Vendor.objects.get(slug="acme-vision")
    vendor.name = "Zyxtronics"
    vendor.save()


def rename_country(client, boss, archive):
    Country.objects.filter(code="KZ").update(name="Quartzstan")


def delete_topic(client, boss, archive):
    client.force_login(boss)
    topic = Topic.objects.get(name="Surveillance")
    url = reverse("admin:memos_topic_delete", args=[topic.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302


def merge_authors(client, boss, archive):
    survivor = Author.objects.get(name="Erica Marat")
    merge(survivor, list(Author.objects.filter(name__startswith="Alice")))


def merge_vendors(client, boss, archive):
    merge(Vendor.objects.get(name="Huawei"), [Vendor.objects.get(slug="acme-vision")])


def add_vendor_and_extract(client, boss, archive):
    Vendor.objects.bulk_create([Vendor(name="Almaty", slug="almaty-co")])
    call_command("extract_mentions", stdout=StringIO())


def apply_vendor_list(client, boss, archive):
    Vendor.objects.bulk_create([Vendor(name="Almaty", slug="almaty-co")])
    client.force_login(boss)
    assert client.post(reverse("admin:memos_vendor_apply")).status_code == 302
    run_jobs()


def reimport_changed_page(client, boss, archive, tmp_path):
    page = tmp_path / "seed.txt"
    page.write_text(SEED.read_text(encoding="utf-8").replace("surveillance", "quartz"), encoding="utf-8")
    call_command("import_memos", str(page), stdout=StringIO(), stderr=StringIO())


def upload_page(client, boss, archive, tmp_path):
    client.force_login(boss)
    page = tmp_path / "tashkent.txt"
    page.write_text(
        SEED.read_text(encoding="utf-8")
        .replace(
            "Chinese Artificial Intelligence Projects Expand in Eurasian Cities",
            "Tashkent Watches Its Streets Through Chinese Cameras",
        )
        .replace("Memo #: 540", "Memo #: 9540"),
        encoding="utf-8",
    )
    with page.open("rb") as upload:
        response = client.post(reverse("admin:memos_memo_import"), {"pages": [upload]})
    assert response.status_code == 200
    assert Memo.objects.filter(title="Tashkent Watches Its Streets Through Chinese Cameras").exists()


def delete_memo(client, boss, archive):
    archive["cameras"].delete()


def load_reference(client, boss, archive):
    Country.objects.filter(code="KZ").delete()
    call_command("load_reference", stdout=StringIO())


def reparse_with_a_new_parser(client, boss, archive):
    from memos.ingest import reparse

    real = reparse.parse_source

    def improved(page, vendors):
        parsed = real(page, vendors)
        parsed.title = parsed.title.replace("Chinese", "Quartz")
        parsed.topics = [*parsed.topics, "Almaty"]
        return parsed

    reparse.parse_source = improved
    try:
        call_command("reparse", stdout=StringIO())
    finally:
        reparse.parse_source = real


def add_candidate_as_vendor(client, boss, archive):
    call_command("import_memos", str(STEPPE), stdout=StringIO(), stderr=StringIO())
    client.force_login(boss)
    candidate = VendorCandidate.objects.get(name="Steppe Vision Technologies LLP")
    response = client.post(
        reverse("admin:memos_vendorcandidate_changelist"),
        {"action": "add_as_vendor", "_selected_action": [candidate.pk]},
    )
    assert response.status_code == 302 and Mention.objects.filter(vendor__name=candidate.name).exists()


def merge_suggested_topics(client, boss, archive):
    Topic.objects.create(name="surveillances").memos.add(archive["spectrum"])
    client.force_login(boss)
    ids = ",".join(
        str(pk) for pk in Topic.objects.filter(name__istartswith="surveillance").values_list("pk", flat=True)
    )
    url = reverse("admin:memos_topic_merge") + f"?ids={ids}"
    data = form_data(client.get(url), "merge-form")
    data["survivor"] = [str(Topic.objects.get(name="Surveillance").pk)]
    assert client.post(url, data).status_code == 302


def generate_corpus(client, boss, archive):
    call_command("generate_corpus", "--memos", "30", "--batch-size", "10", stdout=StringIO())


WRITES = [
    edit_title, unpublish, reject_mentions, delete_mention, rename_author, rename_vendor, rename_country,
    delete_topic, merge_authors, merge_vendors, add_vendor_and_extract, apply_vendor_list,
    reimport_changed_page, upload_page, delete_memo, load_reference, generate_corpus,
    reparse_with_a_new_parser, add_candidate_as_vendor, merge_suggested_topics,
]  # fmt: skip


@pytest.mark.parametrize("write", WRITES, ids=[w.__name__ for w in WRITES])
def test_after_each_write_readers_see_what_a_cold_cache_and_a_rebuilt_index_show(
    client, boss, archive, write, tmp_path
):
    run_jobs()  # the hot pages have snapshots, which readers get until the refresh after the write
    before = snapshot(client)
    assert snapshot(client) == before  # warm and steady
    args = (
        (client, boss, archive, tmp_path)
        if "tmp_path" in write.__code__.co_varnames
        else (client, boss, archive)
    )
    write(*args)
    client.logout()
    run_jobs()  # the hot pages' figures are recomputed after the write (memos.site.snapshots)
    after = snapshot(client)
    assert after != before, "the write changed nothing readers see: the case tests nothing"
    cold_cache()
    reindex_everything()
    assert snapshot(client) == after


def test_rebuilding_the_index_finds_what_the_writes_left(client, archive):
    before = snapshot(client)
    with connection.cursor() as cursor:  # raw SQL: a write no signal sees
        cursor.execute("UPDATE memos_memo SET title = 'Quartz' WHERE title = 'Cameras in Almaty'")
    call_command("rebuild_search_index", stdout=StringIO())
    run_jobs()
    after = snapshot(client)
    assert after["search"]["Quartz"] == [archive["cameras"].pk] != before["search"]["Quartz"]
    cold_cache()
    reindex_everything()
    assert snapshot(client) == after


def test_nothing_but_the_mechanism_indexes_or_changes_the_data_version():
    found = subprocess.run(
        ["grep", "-rn", r"index_memos\|caching.changed\|new_version", "memos/"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    files = {line.split(":", 1)[0] for line in found}
    assert files == {"memos/changes.py", "memos/search/__init__.py", "memos/caching.py"}, found

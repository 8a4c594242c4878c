"""The hot pages' snapshots: after a write readers of those pages get the last refresh's figures
at once, until the job the write queued has computed the new ones; other pages are computed."""

from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from memos.models import DataVersion, Mention, PageRead, Snapshot
from memos.site import snapshots
from tests.factories import MemoFactory, build_archive

pytestmark = pytest.mark.django_db

HOT = "/memos/?country=RU"
COMBINED = "/memos/?country=RU&topic=telecom"


def count(client, url: str) -> int:
    response = client.get(url)
    assert response.status_code == 200
    return response.context["page"].paginator.count


@pytest.fixture
def refreshed(reference_data):
    DataVersion.objects.update_or_create(pk=1, defaults={"token": "first"})
    archive = build_archive()
    snapshots.refresh()
    return archive


def test_the_hot_pages_are_home_the_list_and_each_value_its_facets_show(refreshed):
    pages = snapshots.hot_pages()
    assert pages[:3] == ["/", "/memos/", "/analysis/"]
    assert {HOT, "/countries/RU/", "/memos/?vendor=acme-vision", "/vendors/acme-vision/"} <= set(pages)
    assert {"/memos/?year=2020", "/memos/?sector=surveillance", "/memos/?topic=telecom"} <= set(pages)
    assert "/memos/?country=GE" not in pages  # only an unpublished memo mentions Georgia
    assert set(Snapshot.objects.values_list("page", flat=True)) == set(pages)
    assert DataVersion.objects.get(pk=1).snapshot_pages == pages


def test_after_a_write_a_hot_page_shows_the_last_figures_until_the_refresh(client, refreshed):
    before = count(client, HOT)
    combined_before = count(client, COMBINED)
    Mention.objects.filter(memo=refreshed["spectrum"], country_id="RU").set_verdict(Mention.REJECTED)
    cache.clear()  # as another worker's cache, which never saw these figures
    with CaptureQueriesContext(connection) as captured:
        assert count(client, HOT) == before  # the last complete figures, not computed again
    assert not any("COUNT(" in q["sql"].upper() for q in captured.captured_queries), captured.captured_queries
    assert count(client, COMBINED) == combined_before - 1  # no snapshot: computed by its reader
    assert DBTaskResult.objects.filter(task_path="memos.tasks.refresh_snapshots").exists()

    snapshots.refresh()  # what the queued job does
    assert count(client, HOT) == before - 1
    fresh = client.get(HOT).content
    cache.clear()
    Snapshot.objects.all().delete()
    assert client.get(HOT).content == fresh  # what a cold cache computes


def test_a_page_without_a_snapshot_never_asks_for_one(client, refreshed):
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        count(client, COMBINED)
    assert not any("memos_snapshot" in q["sql"] for q in captured.captured_queries)
    with CaptureQueriesContext(connection) as captured:
        count(client, HOT)
    assert sum("memos_snapshot" in q["sql"] for q in captured.captured_queries) == 1


def test_a_refresh_forgets_pages_that_are_no_longer_hot(client, refreshed):
    Mention.objects.filter(country_id="UA").set_verdict(Mention.REJECTED)
    snapshots.refresh()
    assert not Snapshot.objects.filter(page="/memos/?country=UA").exists()
    assert count(client, "/memos/?country=UA") == 0


def test_a_refresh_queued_before_a_later_write_leaves_the_work_to_that_write(refreshed):
    from memos.tasks import refresh_snapshots

    assert refresh_snapshots.call("an earlier version") == "A later write's refresh will do it."
    assert refresh_snapshots.call(DataVersion.objects.get(pk=1).token).startswith("Refreshed the figures of")


def test_snapshots_behind_for_longer_than_a_refresh_takes_are_not_read(client, refreshed, settings):
    before = count(client, HOT)
    assert DataVersion.objects.get(pk=1).stale_since is None  # the refresh left them current
    Mention.objects.filter(memo=refreshed["spectrum"], country_id="RU").set_verdict(Mention.REJECTED)
    behind = DataVersion.objects.get(pk=1).stale_since
    assert behind is not None
    Mention.objects.filter(memo=refreshed["cameras"], country_id="KZ").set_verdict(Mention.CONFIRMED)
    assert DataVersion.objects.get(pk=1).stale_since == behind  # behind since the first write
    cache.clear()
    assert count(client, HOT) == before  # within the lag: the last figures
    # No worker has refreshed them for longer than allowed: readers count for themselves.
    settings.SNAPSHOT_MAX_LAG = 0
    cache.clear()
    assert count(client, HOT) == before - 1


def test_a_refresh_that_a_write_overtook_leaves_them_behind_since_it_began(refreshed, monkeypatch):
    from memos import caching

    Mention.objects.filter(memo=refreshed["spectrum"], country_id="RU").set_verdict(Mention.REJECTED)
    render = snapshots.render

    def render_while_an_editor_writes(page):
        render(page)
        if page == "/analysis/":
            caching.new_version()

    monkeypatch.setattr(snapshots, "render", render_while_an_editor_writes)
    before_refresh = DataVersion.objects.get(pk=1).stale_since
    snapshots.refresh()
    after = DataVersion.objects.get(pk=1).stale_since
    assert after is not None and after > before_refresh  # the refresh's start, not the first write


# --- Pages readers computed: kept by the next refresh as well -------------------------------------


@pytest.mark.django_db(transaction=True)  # readers are noted outside a transaction
def test_a_combination_a_reader_computed_is_kept_by_the_next_refresh(client, refreshed):
    cache.clear()
    before = count(client, COMBINED)  # computed by this reader, who is noted
    assert PageRead.objects.filter(page=COMBINED).exists()
    assert not PageRead.objects.filter(page=HOT).exists()  # a hot page's figures came from its snapshot
    snapshots.refresh()
    assert COMBINED in DataVersion.objects.get(pk=1).snapshot_pages

    Mention.objects.filter(memo=refreshed["spectrum"], country_id="RU").set_verdict(Mention.REJECTED)
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert count(client, COMBINED) == before  # the last refresh's figures, at once
    assert not any("COUNT(" in q["sql"].upper() for q in captured.captured_queries), captured.captured_queries
    snapshots.refresh()
    assert count(client, COMBINED) == before - 1


@pytest.mark.django_db(transaction=True)  # readers are noted outside a transaction
def test_a_search_finds_what_was_just_written_while_its_facets_come_from_the_snapshot(client, refreshed):
    url = "/memos/?q=spectrum"
    assert [m.title for m in client.get(url).context["memos"]] == ["Spectrum Wars in Russia"]
    snapshots.refresh()
    MemoFactory(title="Spectrum Auctions in Kazakhstan", published=date(2022, 3, 1), countries={"KZ": 2})
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert [m.title for m in response.context["memos"]] == [
        "Spectrum Auctions in Kazakhstan",
        "Spectrum Wars in Russia",
    ]
    assert not any("COUNT(" in q["sql"].upper() for q in captured.captured_queries)
    countries = next(f for f in response.context["facets"] if f.name == "country")
    assert "KZ" not in [v.value for v in countries.values]  # counted before the new memo, until the refresh
    snapshots.refresh()
    countries = next(f for f in client.get(url).context["facets"] if f.name == "country")
    assert "KZ" in [v.value for v in countries.values]


def test_only_the_pages_read_most_recently_are_kept(refreshed, settings):
    settings.SNAPSHOT_READ_PAGES, settings.SNAPSHOT_READ_DAYS = 2, 7
    now = timezone.now()
    for days, page in [(0, COMBINED), (1, "/memos/?year=2019&country=KZ"), (2, "/memos/?q=cameras")]:
        PageRead.objects.create(page=page, read_at=now - timedelta(days=days))
    PageRead.objects.create(page="/memos/?q=old", read_at=now - timedelta(days=8))
    snapshots.refresh()
    kept = {COMBINED, "/memos/?year=2019&country=KZ"}
    assert set(PageRead.objects.values_list("page", flat=True)) == kept
    assert kept <= set(Snapshot.objects.values_list("page", flat=True))
    assert not Snapshot.objects.filter(page__in=["/memos/?q=cameras", "/memos/?q=old"]).exists()


def test_a_read_page_that_now_fails_loses_its_snapshot_and_the_others_keep_theirs(refreshed, monkeypatch):
    PageRead.objects.create(page="/memos/?q=cameras", read_at=timezone.now())
    PageRead.objects.create(page=COMBINED, read_at=timezone.now())
    render = snapshots.render

    def failing(page):
        if page == "/memos/?q=cameras":
            raise RuntimeError("a bug in a view")
        render(page)

    monkeypatch.setattr(snapshots, "render", failing)
    snapshots.refresh()
    pages = DataVersion.objects.get(pk=1).snapshot_pages
    assert COMBINED in pages and "/memos/?q=cameras" not in pages
    assert not Snapshot.objects.filter(page="/memos/?q=cameras").exists()


@pytest.mark.django_db(transaction=True)  # readers are noted outside a transaction
def test_only_successful_pages_are_noted(client, refreshed):
    cache.clear()
    assert client.get("/memos/?year=abc").status_code == 400
    assert client.get("/memos/?country=RU&topic=no-such-topic").status_code in (200, 400)
    assert not PageRead.objects.filter(page="/memos/?year=abc").exists()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's writers wait for each other")
@pytest.mark.django_db(transaction=True)
def test_noting_a_read_never_waits_for_another_writer(reference_data):
    import sqlite3
    import time

    from memos import caching

    other = sqlite3.connect(connection.settings_dict["NAME"], timeout=1)
    other.execute("BEGIN IMMEDIATE")  # another process holds the write lock, as a long import may
    try:
        started = time.monotonic()
        caching.note_read("/memos/?country=KZ&year=2019")
        waited = time.monotonic() - started
    finally:
        other.rollback()
        other.close()
    assert waited < 5  # far below the 20 s busy timeout writers get
    assert not PageRead.objects.exists()  # skipped: only a hint
    caching.note_read("/memos/?country=KZ&year=2019")
    assert PageRead.objects.filter(page="/memos/?country=KZ&year=2019").exists()
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] == 20000  # the connection's own timeout is back


def test_a_page_read_inside_a_transaction_is_not_noted(client, refreshed):
    cache.clear()
    count(client, COMBINED)  # this test's transaction is open around the request
    assert not PageRead.objects.exists()

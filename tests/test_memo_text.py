"""A memo's wide columns (body, bio, search vectors) live in its MemoText row, out of the memo row
that lists, sorts and counts read; the memo reads and writes them as its own fields."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from memos import search
from memos.models import Memo, MemoText
from tests.factories import MemoFactory, build_archive

pytestmark = pytest.mark.django_db

WIDE = {"body_html", "body_text", "bio", "search_vector", "rank_vector"}


def found(term: str) -> list[str]:
    return sorted(search.search_memos(Memo.objects.all(), term).values_list("title", flat=True))


def test_the_memo_row_holds_no_wide_column():
    assert not WIDE & {f.column for f in Memo._meta.concrete_fields}
    assert {f.column for f in MemoText._meta.concrete_fields} >= WIDE


def test_a_new_memo_writes_its_text_row():
    memo = Memo.objects.create(
        title="Cameras", slug="cameras", body_text="Quokka cameras.", bio="An analyst."
    )
    text = MemoText.objects.get(memo=memo)
    assert (text.body_text, text.bio, text.body_html) == ("Quokka cameras.", "An analyst.", "")
    assert found("quokka") == ["Cameras"]
    # A memo created without any text has its (blank) row too: search indexing fills it.
    bare = Memo.objects.create(title="Untitled notes", slug="untitled-notes")
    assert MemoText.objects.filter(memo=bare, body_text="").exists()
    assert found("untitled") == ["Untitled notes"]


def test_setting_the_text_saves_it_and_search_follows():
    memo = MemoFactory(title="Grid", body_text="Old words.")
    memo = Memo.objects.get(pk=memo.pk)  # loaded without its text
    memo.body_text = "Wombat malware hit the grid."
    memo.save()
    assert MemoText.objects.get(memo=memo).body_text == "Wombat malware hit the grid."
    assert found("wombat") == ["Grid"] and found("old") == []

    # update_fields may name text fields alone: only the text row is written.
    memo = Memo.objects.get(pk=memo.pk)
    memo.title = "Not saved"
    memo.body_text = "Numbat malware."
    memo.save(update_fields=["body_text"])
    memo = Memo.objects.get(pk=memo.pk)
    assert (memo.title, memo.body_text) == ("Grid", "Numbat malware.")
    assert found("numbat") == ["Grid"] and found("wombat") == []


def test_saving_a_memo_whose_text_was_never_read_leaves_the_text_row_alone(django_assert_num_queries):
    memo = Memo.objects.get(pk=MemoFactory(body_text="Kept.").pk)
    memo.is_published = False
    with CaptureQueriesContext(connection) as captured:
        memo.save()
    # The search index rewrites the vectors (its own statement); the text row itself is not saved.
    assert not any(q["sql"].startswith('UPDATE "memos_memotext"') for q in captured)
    assert Memo.objects.get(pk=memo.pk).body_text == "Kept."


def test_bulk_created_memos_get_their_text_rows():
    memos = Memo.objects.bulk_create(
        [Memo(title=f"Bulk {n}", slug=f"bulk-{n}", body_text=f"Bilby {n}.") for n in range(3)]
    )
    assert sorted(MemoText.objects.filter(memo__in=memos).values_list("body_text", flat=True)) == [
        "Bilby 0.",
        "Bilby 1.",
        "Bilby 2.",
    ]
    assert found("bilby") == ["Bulk 0", "Bulk 1", "Bulk 2"]


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/memos/",
        "/memos/?country=KZ&vendor=acme-vision",
        "/memos/?q=surveillance",
        "/feeds/memos.atom",
        "/api/memos/",
        "/memos/export/?format=csv",
        "/oai/?verb=ListRecords&metadataPrefix=oai_dc",
    ],
)
def test_lists_never_read_the_text_rows(client, url):
    build_archive()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code == 200
    reads = [q["sql"] for q in captured if "memotext" in q["sql"] and "_vector" not in q["sql"]]
    assert reads == []


def test_the_memo_page_reads_its_text_with_the_memo(client):
    build_archive()
    memo = Memo.objects.published().first()
    MemoText.objects.filter(memo=memo).update(body_html="<p>Echidna.</p>", bio="A bio of note.")
    with CaptureQueriesContext(connection) as captured:
        text = client.get(memo.get_absolute_url()).text
    assert "Echidna." in text and "A bio of note." in text
    assert sum("memos_memotext" in q["sql"] for q in captured) == 1

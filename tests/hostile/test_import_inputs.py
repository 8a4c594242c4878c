"""Hostile inputs to import_memos, each with its expected outcome: imported (cleaned), or failed alone
with a reason, never a crash, a hang or a half-written memo."""

import codecs
import os

import pytest

from memos.ingest.sources import MAX_BYTES
from memos.models import ImportRecord, Memo

pytestmark = pytest.mark.django_db

PARAGRAPH = "<p>Kazakhstan buys surveillance cameras from Hikvision for the streets of Almaty.</p>"
RUSSIAN = "<p>Россия и Китай расширяют сотрудничество в области технологий наблюдения в Евразии.</p>"


def page(title: str, body: str = PARAGRAPH * 6, head: str = "") -> str:
    article = f"<article><h1>{title}</h1>{body}</article>"
    return f"<html><head>{head}<title>{title}</title></head><body>{article}</body></html>"


# name -> (bytes, expected: the memo's title, or "failed: <reason>")
CASES = {
    "utf-8 declaring utf-16": (page("Charset Lie", head='<meta charset="utf-16">').encode(), "Charset Lie"),
    "utf-8 declaring windows-1251": (
        page("Китай и Россия", RUSSIAN * 6, head='<meta charset="windows-1251">').encode(),
        "Китай и Россия",
    ),
    "windows-1251 declaring utf-8": (
        page("Китай и Россия", RUSSIAN * 6, head='<meta charset="utf-8">').encode("cp1251"),
        "Китай и Россия",
    ),
    "NUL past the first 4 KB": (
        page("Null Bytes", PARAGRAPH * 60 + "<p>tail\x00end</p>").encode(),
        "Null Bytes",
    ),
    "control characters in the title": (page("Bell\x07 and\x1b Escape").encode(), "Bell and Escape"),
    "one 2 MB line": (
        page("One Line", "<p>" + "Kazakhstan cameras " * 110_000 + "</p>").encode(),
        "One Line",
    ),
    "10,000 nested elements": (
        page("Deep Nesting", PARAGRAPH * 6 + "<div>" * 10_000 + "</div>" * 10_000).encode(),
        "Deep Nesting",
    ),  # noqa: E501
    "truncated mid-tag": (page("Truncated Page")[:-40].encode(), "Truncated Page"),
    "UTF-16 with a BOM": (codecs.BOM_UTF16_LE + page("Wide Page").encode("utf-16-le"), "Wide Page"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40, "failed: binary file"),
    "empty": (b"", "failed: empty file"),
    "whitespace only": (b" \n\t\r\n", "failed: empty file"),
    "markup without a memo": (
        b"<html><body><ul><li><a href='/a'>A memo</a></li></ul></body></html>",
        "failed: not a memo",
    ),  # noqa: E501
}


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_page(import_memos, tmp_path, name):
    data, expected = CASES[name]
    path = tmp_path / "page.html"
    path.write_bytes(data)
    out, err, code = import_memos(path)
    if expected.startswith("failed: "):
        assert code == 1
        assert f"{path}: {expected.removeprefix('failed: ')}" in err
        assert not Memo.objects.exists()
        assert ImportRecord.objects.get().status == "failed"
    else:
        assert code == 0, err
        memo = Memo.objects.get()
        assert memo.title == expected
        for field in ("title", "summary", "body_text", "body_html", "bio"):
            assert not any(ch in getattr(memo, field) for ch in "\x00\x01\x07\x1b"), field


def test_files_that_are_not_pages_fail_alone(import_memos, tmp_path, deadline):
    fifo = tmp_path / "fifo.html"
    os.mkfifo(fifo)
    oversized = tmp_path / "oversized.html"
    with oversized.open("wb") as f:
        f.truncate(MAX_BYTES + 1)
    good = tmp_path / "good.html"
    good.write_text(page("A Good Page"))
    out, err, code = import_memos("/dev/zero", fifo, oversized, good, tmp_path / "missing.html")
    assert code == 1
    for reason in (
        "/dev/zero: not a regular file (a character device)",
        f"{fifo}: not a regular file (a FIFO)",
        f"{oversized}: file is larger than 20 MB",
        f"{tmp_path / 'missing.html'}: no such file or directory",
    ):
        assert reason in err
    assert list(Memo.objects.values_list("title", flat=True)) == ["A Good Page"]


def test_fields_longer_than_their_columns_are_cut_to_fit(import_memos, tmp_path):
    # SQLite stores any length; PostgreSQL refused the whole page ("value too long").
    long = "Surveillance " * 40
    head = (
        f'<meta name="citation_author" content="Alice {"Adams" * 60}">'
        f'<meta property="article:tag" content="{long}">'
        f'<meta property="article:section" content="{long}">'
    )
    (tmp_path / "long.html").write_text(page("Long " * 150, head=head))
    out, err, code = import_memos(tmp_path / "long.html")
    assert code == 0, err
    memo = Memo.objects.get()
    assert len(memo.title) == 500 and len(memo.category) == 100
    (author,) = memo.authors.all()
    (topic,) = memo.topics.all()
    assert author.name.startswith("Alice AdamsAdams") and len(author.name) == 200
    assert topic.name.startswith("Surveillance Surveillance") and len(topic.name) <= 200
    assert len(author.key) <= 200 and len(author.slug) <= 200

"""Hostile imported content made safe: URLs (clean_url, applied to every stored URL)."""

import pytest
from django.urls import reverse

from memos.ingest.sanitize import clean_url
from memos.models import Memo
from tests.conftest import PAGES
from tests.factories import make_memo

FORGED = "https://www.ponarseurasia.org/forged/\r\nER  - \r\nTY  - JOUR\r\nTI  - Forged record"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/memo/1", "https://example.org/memo/1"),
        ("  https://example.org/a b\t", "https://example.org/a%20b"),
        (
            FORGED,
            "https://www.ponarseurasia.org/forged/ER%20%20-%20TY%20%20-%20JOURTI%20%20-%20Forged%20record",
        ),
        ("https://example.org/\x00x\x7f\x85\u2028", "https://example.org/%00x%7F%C2%85%E2%80%A8"),
        ("/files/pepm101.pdf", "/files/pepm101.pdf"),
        ('https://example.org/?x="><script>`', "https://example.org/?x=%22%3E%3Cscript%3E%60"),
        ("javascript:alert(1)", ""),
        (" JavaScript:alert(1)", ""),
        ("java\nscript:alert(1)", ""),
        ("data:text/html,<script>alert(1)</script>", ""),
        ("https://example.org/" + "a" * 1000, ""),
        (None, ""),
        ("", ""),
    ],
)
def test_clean_url(url, expected):
    assert clean_url(url) == expected
    assert clean_url(expected) == expected  # cleaning twice changes nothing


@pytest.mark.django_db
def test_every_stored_url_is_cleaned_however_it_is_written():
    memo = make_memo("Forged", None, source_url=FORGED, pdf_url="javascript:alert(1)")
    memo.refresh_from_db()
    assert "\n" not in memo.source_url and "\r" not in memo.source_url
    assert memo.pdf_url == ""
    Memo.objects.filter(pk=memo.pk).update(pdf_url="https://example.org/x\n.pdf")
    memo.refresh_from_db()
    assert memo.pdf_url == "https://example.org/x.pdf"


@pytest.mark.django_db
def test_an_imported_canonical_url_cannot_forge_a_ris_record(import_memos, tmp_path, client):
    href = FORGED.replace("\r", "&#13;").replace("\n", "&#10;")
    canonical = "https://www.ponarseurasia.org/tashkents-safe-city-chinese-surveillance-procurement-in-uzbekistan-and-kazakhstan/"
    page = tmp_path / "forged.html"
    page.write_text((PAGES / "ponars_2021_theme.html").read_text().replace(canonical, href))
    out, err, code = import_memos(page)
    assert code == 0, err
    memo = Memo.objects.get()
    ris = client.get(reverse("memo_ris", args=[memo.slug])).content.decode()
    lines = ris.split("\r\n")
    assert lines[-1] == ""
    assert [line[:6] for line in lines[:-1]].count("TY  - ") == 1
    assert [line[:6] for line in lines[:-1]].count("ER  - ") == 1
    assert all(len(line) >= 6 and line[2:6] == "  - " for line in lines[:-1]), lines

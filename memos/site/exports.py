"""Every memo of a filtered list as one file: CSV, JSON, BibTeX, RIS or CSL-JSON, streamed.

The matching ids are read first, in the list's order (at most EXPORT_MAX_MEMOS of them); rows
are then fetched BATCH memos at a time, each batch in a fixed number of queries, and written as
they come, so memory stays flat however many memos the file holds.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ..models import Memo
from . import citations, csl

BATCH = 500
CSV_COLUMNS = [
    "title", "authors", "published", "memo_number", "series", "category", "language", "topics",
    "countries", "vendors", "url", "pdf",
]  # fmt: skip
# A cell starting with one of these is a formula to a spreadsheet (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def memos_in_batches(ids: list[int]) -> Iterator[Memo]:
    """The memos of `ids`, in that order, with what every format writes."""
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        rows = Memo.objects.filter(pk__in=chunk).with_listing_data().with_counted_mentions().in_bulk()
        yield from (rows[pk] for pk in chunk if pk in rows)


def fields(memo: Memo, absolute: Callable[[str], str]) -> dict:
    """The CSV columns of one memo, multi-valued ones as lists."""
    return {
        "title": memo.title,
        "authors": citations.author_names(memo),
        "published": memo.published.isoformat() if memo.published else "",
        "memo_number": memo.memo_number,
        "series": memo.series,
        "category": memo.category,
        "language": memo.language,
        "topics": [t.name for t in memo.shown_topics],
        "countries": [m.country.name for m in memo.counted_mentions if m.country_id],
        "vendors": [m.vendor.name for m in memo.counted_mentions if m.vendor_id],
        "url": absolute(memo.get_absolute_url()),
        "pdf": memo.pdf_url,
    }


def safe_cell(value) -> str:
    """A cell a spreadsheet shows as text: lists joined by "; ", a leading formula sign quoted."""
    if value is None:
        return ""
    text = "; ".join(value) if isinstance(value, list) else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_lines(memos: Iterable[Memo], absolute) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def line(values) -> str:
        writer.writerow(values)
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    yield "\ufeff" + line(CSV_COLUMNS)  # the BOM makes spreadsheets read the file as UTF-8
    for memo in memos:
        row = fields(memo, absolute)
        yield line([safe_cell(row[column]) for column in CSV_COLUMNS])


def json_array(items: Iterable[dict]) -> Iterator[str]:
    yield "["
    for i, item in enumerate(items):
        yield ("," if i else "") + "\n" + json.dumps(item, ensure_ascii=False)
    yield "\n]\n"


def json_lines(memos: Iterable[Memo], absolute) -> Iterator[str]:
    return json_array(fields(memo, absolute) for memo in memos)


def csl_lines(memos: Iterable[Memo], absolute) -> Iterator[str]:
    return json_array(csl.csl_json(memo, absolute(memo.get_absolute_url())) for memo in memos)


def bibtex_lines(memos: Iterable[Memo], absolute) -> Iterator[str]:
    """BibTeX entries; a key two memos would share gets a letter (marat2018chinesea), as BibTeX
    styles tell same-author, same-year works apart."""
    seen: set[str] = set()
    for i, memo in enumerate(memos):
        entry = citations.bibtex(memo)
        key = base = citations.bibtex_key(memo)
        suffix = 0
        while key in seen:
            key = base + letters(suffix)
            suffix += 1
        seen.add(key)
        if key != base:
            entry = entry.replace("{" + base + ",", "{" + key + ",", 1)
        yield ("\n" if i else "") + entry


def letters(n: int) -> str:
    """a, b, ..., z, aa, ab, ..."""
    text = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        text = chr(ord("a") + rest) + text
    return text


def ris_lines(memos: Iterable[Memo], absolute) -> Iterator[str]:
    for memo in memos:
        yield citations.ris(memo)


@dataclass(frozen=True)
class Format:
    write: Callable[[Iterable[Memo], Callable[[str], str]], Iterator[str]]
    content_type: str
    extension: str


FORMATS = {
    "csv": Format(csv_lines, "text/csv", "csv"),
    "json": Format(json_lines, "application/json", "json"),
    "bibtex": Format(bibtex_lines, "application/x-bibtex", "bib"),
    "ris": Format(ris_lines, "application/x-research-info-systems", "ris"),
    "csljson": Format(csl_lines, "application/vnd.citationstyles.csl+json", "json"),
}

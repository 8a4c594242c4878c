"""The import pipeline, read -> parse -> extract -> load, shared by the command and the admin."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db import DatabaseError

from ..models import ImportRecord
from .load import load_memo, vendor_entries
from .mentions import find_mentions
from .parse import parse_page
from .parsed import ParsedMemo, ParseError
from .sources import MAX_BYTES, Page, read


@dataclass
class ImportResult:
    source: str
    status: str  # created, updated, unchanged, failed; "parsed" on a dry run
    error: str | None = None
    memo: ParsedMemo | None = None
    memo_id: int | None = None
    kept: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status != "failed"

    def as_json(self) -> dict:
        """The object `import_memos --format json` prints for this page."""
        m = self.memo
        return {
            "source": self.source,
            "status": "ok" if self.ok else "error",
            "error": self.error,
            "title": m.title if m else None,
            "authors": m.authors if m else [],
            "published": m.published.isoformat() if m and m.published else None,
            "memo_number": m.memo_number if m else None,
            "series": m.series if m else None,
            "pdf": m.pdf if m else None,
            "topics": m.topics if m else [],
            "category": m.category if m else None,
            "language": m.language if m else None,
            "countries": {k: h.count for k, h in m.mentions.countries.items()} if m and m.mentions else {},
            "vendors": {k: h.count for k, h in m.mentions.vendors.items()} if m and m.mentions else {},
            "word_count": m.word_count if m else 0,
        }


def parse_source(page: Page, vendors) -> ParsedMemo:
    if page.error:
        raise ParseError(page.error)
    if page.data is not None and len(page.data) > MAX_BYTES:
        raise ParseError("page is larger than 20 MB")
    parsed = parse_page(page.data or b"", source_url=page.url)
    parsed.mentions = find_mentions(parsed.title, parsed.body_text, vendors)
    return parsed


def import_pages(targets: list, *, dry_run: bool = False, stdin=None) -> Iterator[ImportResult]:
    """Import every page, one result each; one bad page never stops the rest.

    `targets` are what `sources.expand()` makes of PATH arguments, or `Page`s with bytes
    (uploads, benchmarks).
    """
    vendors = vendor_entries()
    for target in targets:
        page = read(target, stdin=stdin)
        try:
            parsed = parse_source(page, vendors)
        except ParseError as exc:
            yield failure(page.origin, str(exc), dry_run)
            continue
        except Exception as exc:  # a parser bug must not stop the batch; report it plainly
            yield failure(page.origin, f"could not parse: {type(exc).__name__}: {exc}", dry_run)
            continue
        if dry_run:
            yield ImportResult(page.origin, "parsed", memo=parsed)
            continue
        try:
            loaded = load_memo(parsed, page.origin)
        except DatabaseError as exc:
            yield failure(page.origin, f"could not save: {exc}", dry_run, memo=parsed)
            continue
        yield ImportResult(page.origin, loaded.status, memo=parsed, memo_id=loaded.memo.pk, kept=loaded.kept)


def failure(source: str, error: str, dry_run: bool, memo: ParsedMemo | None = None) -> ImportResult:
    if not dry_run:
        ImportRecord.objects.create(source=source[:1000], status="failed", detail=error)
    return ImportResult(source, "failed", error, memo=memo)

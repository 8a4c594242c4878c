"""Read imported memos again from their stored pages with the current parser (`manage.py reparse`).

No original file is needed: every import stored the page's bytes (StoredPage). Each memo is
written by the same code as an import (load.load_memo), so editors' hand edits and reviewed
mentions are kept exactly as on re-import; the memo is the one the page was imported into, even
if the parser now reads another title or number from it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from django.db import DatabaseError
from django.db.models import OuterRef, Subquery

from ..models import ImportRecord, Memo
from .load import Lookups, field_values, load_memo, plan_memo
from .parsed import ParsedMemo, ParseError
from .pipeline import ACTIONS, parse_source
from .sources import Page


@dataclass
class Change:
    field: str
    old: object
    new: object


@dataclass
class Reparsed:
    memo: Memo
    source: str
    action: str | None = None  # update or unchanged; None when the page could not be parsed
    changes: list[Change] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # hand-edited fields left alone
    error: str | None = None


def latest_records(memo_ids=None, since: date | None = None):
    """The newest import of a stored page for each memo (`since`: imported on or after that day)."""
    records = ImportRecord.objects.filter(memo__isnull=False, page__isnull=False)
    if since is not None:
        records = records.filter(created_at__date__gte=since)
    if memo_ids is not None:
        records = records.filter(memo_id__in=list(memo_ids))
    newest = records.filter(memo_id=OuterRef("memo_id")).order_by("-created_at", "-id").values("pk")[:1]
    return (
        records.filter(pk=Subquery(newest))
        .select_related("page", "memo", "memo__text")
        .defer("memo__text__search_vector", "memo__text__rank_vector")
        .order_by("memo_id")
    )


def changes_of(memo: Memo, parsed: ParsedMemo) -> tuple[list[Change], list[str]]:
    """What writing `parsed` into `memo` would change, field by field, and the fields it keeps."""
    edited = set(memo.edited_fields or [])
    found, kept = [], []
    for name, new in field_values(parsed).items():
        if name in edited:
            kept.append(name)
        elif getattr(memo, name) != new:
            found.append(Change(name, getattr(memo, name), new))
    authorships = list(memo.authorships.select_related("author").order_by("position"))
    if "authors" in edited:
        kept.append("authors")
    else:
        names = [a.author.name for a in authorships]
        if [" ".join(n.split()) for n in parsed.authors] != names:
            found.append(Change("authors", names, parsed.authors))
        old_bios = {a.author.name: a.bio for a in authorships if a.bio}
        if old_bios != {k: v for k, v in parsed.author_bios.items() if v}:
            found.append(Change("author bios", old_bios, parsed.author_bios))
    if "topics" in edited:
        kept.append("topics")
    else:
        links = Memo.topics.through.objects.filter(memo=memo).order_by("id")
        topics = list(links.values_list("topic__name", flat=True))
        if [" ".join(t.split()) for t in parsed.topics] != topics:
            found.append(Change("topics", topics, parsed.topics))
    return found, kept


def reparse(memo_ids=None, since: date | None = None, dry_run: bool = False) -> Iterator[Reparsed]:
    """Parse each memo's newest stored page again and write (unless `dry_run`) what changed."""
    lookups = Lookups()
    vendors = lookups.vendor_entries()
    for record in latest_records(memo_ids, since).iterator(chunk_size=100):
        memo = record.memo
        result = Reparsed(memo, record.source)
        page = Page(record.source, data=record.page.raw, url=record.url or None)
        try:
            parsed = parse_source(page, vendors)
        except ParseError as exc:
            result.error = str(exc)
            yield result
            continue
        except Exception as exc:  # a parser bug must not stop the run
            result.error = f"could not parse: {type(exc).__name__}: {exc}"
            yield result
            continue
        result.changes, result.kept = changes_of(memo, parsed)
        if dry_run:
            result.action = plan_memo(parsed, into=memo).action
            yield result
            continue
        try:
            loaded = load_memo(parsed, record.source, lookups, into=memo, note="reparse of the stored page")
        except DatabaseError as exc:
            result.error = f"could not save: {exc}"
            yield result
            continue
        result.action = ACTIONS[loaded.status]
        yield result

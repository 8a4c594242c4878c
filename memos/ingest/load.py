"""ParsedMemo -> rows. One transaction per memo; created, updated or unchanged."""

from __future__ import annotations

from dataclasses import dataclass, field

import pycountry
from django.db import transaction
from django.db.models import Q

from .. import caching
from ..models import (
    Author,
    Authorship,
    Country,
    ImportRecord,
    Memo,
    Mention,
    NamedEntity,
    Topic,
    Vendor,
    normalize_name,
    unique_slug,
)
from ..reference import country_display_name
from ..search import index_memos
from .mentions import Mentions, VendorEntry, find_mentions
from .parsed import ParsedMemo

# Memo fields an import writes, each from the ParsedMemo. Editors' changes to any of
# these (listed in Memo.edited_fields) are kept; so are "authors" and "topics".
IMPORTED_FIELDS = [
    "title", "published", "memo_number", "series", "category", "language", "summary",
    "body_html", "body_text", "bio", "pdf_url", "word_count",
]  # fmt: skip


@dataclass
class LoadResult:
    status: str  # created, updated, unchanged
    memo: Memo
    kept: list[str] = field(default_factory=list)  # hand-edited fields the import left alone


def vendor_entries() -> list[VendorEntry]:
    """The curated vendor list, as the matcher wants it."""
    return [
        VendorEntry(name, tuple(aliases or ()))
        for name, aliases in Vendor.objects.values_list("name", "aliases")
    ]


def field_values(parsed: ParsedMemo) -> dict[str, object]:
    return {
        "title": parsed.title[:500],
        "published": parsed.published,
        "memo_number": parsed.memo_number,
        "series": parsed.series or "",
        "category": parsed.category or "",
        "language": parsed.language or "",
        "summary": parsed.summary,
        "body_html": parsed.body_html,
        "body_text": parsed.body_text,
        "bio": parsed.bio,
        "pdf_url": parsed.pdf or "",
        "word_count": parsed.word_count,
    }


def find_existing(parsed: ParsedMemo) -> Memo | None:
    """The memo this page is a version of: by source URL, else number and series, else title and date.

    One query fetches every candidate; the order of trust is applied here.
    """
    keys = [("title", Q(title=parsed.title[:500], published=parsed.published))]
    if parsed.memo_number is not None:
        number = Q(memo_number=parsed.memo_number, series=parsed.series or "", language=parsed.language)
        keys.insert(0, ("number", number))
    if parsed.source_url:
        keys.insert(0, ("url", Q(source_url=parsed.source_url)))
    condition = Q()
    for _, q in keys:
        condition |= q
    candidates = list(Memo.objects.filter(condition).order_by("pk")[:10])
    for kind, _ in keys:
        for memo in candidates:
            if (
                kind == "url"
                and memo.source_url == parsed.source_url
                or kind == "number"
                and (memo.memo_number, memo.series, memo.language)
                == (parsed.memo_number, parsed.series or "", parsed.language)
                or kind == "title"
                and (memo.title, memo.published) == (parsed.title[:500], parsed.published)
            ):
                return memo
    return None


@transaction.atomic
def load_memo(parsed: ParsedMemo, source: str) -> LoadResult:
    """Write one memo with its authors, topics and mentions, or nothing at all."""
    memo = find_existing(parsed)
    digest = parsed.content_hash()
    if memo is not None and memo.content_hash == digest:
        ImportRecord.objects.create(memo=memo, source=source, status="unchanged", content_hash=digest)
        return LoadResult("unchanged", memo)

    # The memo, its links and the data version change together, the version last (caching.py).
    with caching.one_change():
        created = memo is None
        if created:
            memo = Memo(slug=unique_slug(Memo, parsed.title))
        edited = set(memo.edited_fields or [])
        kept = [name for name in [*IMPORTED_FIELDS, "authors", "topics"] if name in edited]
        for name, value in field_values(parsed).items():
            if name not in edited:
                setattr(memo, name, value)
        if parsed.source_url and not memo.source_url:
            memo.source_url = parsed.source_url
        memo.content_hash = digest
        memo.save()

        if "authors" not in edited:
            set_authors(memo, parsed.authors, created)
        if "topics" not in edited:
            set_topics(memo, parsed.topics, created)
        if parsed.mentions is not None:
            save_mentions(memo, parsed.mentions, created)
        index_memos([memo.pk])
    status = "created" if created else "updated"
    detail = f"kept hand-edited: {', '.join(kept)}" if kept else ""
    ImportRecord.objects.create(memo=memo, source=source, status=status, detail=detail, content_hash=digest)
    return LoadResult(status, memo, kept)


def entities(model: type[NamedEntity], names: list[str]) -> list[NamedEntity]:
    """Rows for `names`, created where missing; a merged-away spelling maps to its survivor."""
    keys = {}
    for name in names:
        key = normalize_name(name)
        if key and key not in keys:
            keys[key] = " ".join(name.split())
    if not keys:
        return []
    rows = {row.key: row for row in model.objects.filter(key__in=keys)}
    missing = [k for k in keys if k not in rows]
    if missing:
        # Few rows carry aliases (only merge survivors), so reading them all is cheap.
        for row in model.objects.exclude(aliases=[]):
            for alias in row.aliases:
                if alias in missing:
                    rows[alias] = row
    result = []
    for key, name in keys.items():
        row = rows.get(key)
        if row is None:
            row = model(name=name)
            row.save()
            rows[key] = row
        if row not in result:
            result.append(row)
    return result


def set_authors(memo: Memo, names: list[str], created: bool = False) -> None:
    """The memo's authors, in byline order. `created`: the memo is new, so it has none yet."""
    authors = entities(Author, names)
    if not created:
        current = list(memo.authorships.order_by("position").values_list("author_id", flat=True))
        if current == [a.pk for a in authors]:
            return
        memo.authorships.all().delete()
    Authorship.objects.bulk_create(
        Authorship(memo=memo, author=author, position=i) for i, author in enumerate(authors)
    )


def set_topics(memo: Memo, names: list[str], created: bool = False) -> None:
    """The memo's topics, with link rows written in page order (their ids keep it)."""
    topics = entities(Topic, names)
    through = Memo.topics.through
    if not created:
        current = list(through.objects.filter(memo=memo).order_by("id").values_list("topic_id", flat=True))
        if current == [t.pk for t in topics]:
            return
        through.objects.filter(memo=memo).delete()
    through.objects.bulk_create(through(memo=memo, topic=topic) for topic in topics)


def ensure_countries(codes: set[str]) -> None:
    """Country rows for `codes`, from pycountry, in case reference data was never loaded."""
    missing = codes - set(Country.objects.filter(code__in=codes).values_list("code", flat=True))
    rows = []
    for code in missing:
        entry = pycountry.countries.get(alpha_2=code)
        if entry:
            rows.append(Country(code=code, name=country_display_name(entry)))
    Country.objects.bulk_create(rows, ignore_conflicts=True)


def save_mentions(memo: Memo, mentions: Mentions, created: bool = False) -> None:
    """Replace the memo's automatic mentions; mentions an editor confirmed or rejected stay."""
    if mentions.countries:
        ensure_countries(set(mentions.countries))
    vendor_ids = (
        dict(Vendor.objects.filter(name__in=list(mentions.vendors)).values_list("name", "id"))
        if mentions.vendors
        else {}
    )
    wanted: dict[tuple[str | None, int | None], object] = {}
    for code, hit in mentions.countries.items():
        wanted[(code, None)] = hit
    for name, hit in mentions.vendors.items():
        if name in vendor_ids:
            wanted[(None, vendor_ids[name])] = hit

    existing = {} if created else {(m.country_id, m.vendor_id): m for m in memo.mentions.all()}
    stale, changed = [], []
    for key, mention in existing.items():
        if mention.is_curated:
            continue
        hit = wanted.get(key)
        if hit is None:
            stale.append(mention.pk)
        elif (mention.count, mention.context) != (hit.count, hit.context):
            mention.count, mention.context = hit.count, hit.context
            changed.append(mention)
    if stale:
        Mention.objects.filter(pk__in=stale).delete()
    if changed:
        Mention.objects.bulk_update(changed, ["count", "context"])
    Mention.objects.bulk_create(
        Mention(memo=memo, country_id=key[0], vendor_id=key[1], count=hit.count, context=hit.context)
        for key, hit in wanted.items()
        if key not in existing
    )


def reextract_mentions(memo_ids=None, vendors: list[VendorEntry] | None = None) -> int:
    """Find mentions again in stored memos (after the vendor list changed, say).

    Curated mentions survive, as on import. Returns how many memos were processed.
    """
    vendors = vendor_entries() if vendors is None else vendors
    memos = Memo.objects.only("pk", "title", "body_text").order_by("pk")
    if memo_ids is not None:
        memos = memos.filter(pk__in=list(memo_ids))
    done, batch = 0, []
    for memo in memos.iterator(chunk_size=500):
        with transaction.atomic(), caching.one_change():
            save_mentions(memo, find_mentions(memo.title, memo.body_text, vendors))
        batch.append(memo.pk)
        if len(batch) == 500:  # mention names feed the search index: refresh it per batch
            index_memos(batch)
            done, batch = done + len(batch), []
    index_memos(batch)
    return done + len(batch)

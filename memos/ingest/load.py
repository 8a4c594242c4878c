"""ParsedMemo -> rows. One transaction per memo; created, updated or unchanged."""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from itertools import islice

import pycountry
from django.contrib.postgres.search import SearchVectorField
from django.db import IntegrityError, connection, transaction
from django.db.models import Q
from django.utils.text import slugify

from .. import changes
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


class Lookups:
    """What every memo of one import run looks up again, read once per run instead of per memo.

    Country codes, vendors, and author and topic rows by normalized name (rows the run creates
    are remembered as it creates them). The run writes in one process, in order, so only a
    change made elsewhere meanwhile (a row deleted or merged in the admin) can make an entry
    stale: the memo that uses it then fails as a whole, and `forget()`, called for every memo
    that fails, makes the next one read afresh. Pass one to `load_memo` for a batch of pages.
    """

    def __init__(self) -> None:
        self.forget()

    def forget(self) -> None:
        self._countries: set[str] | None = None
        self._vendors: list[tuple[int, VendorEntry]] | None = None
        self._rows: dict[type[NamedEntity], dict[str, NamedEntity]] = {Author: {}, Topic: {}}
        self._aliased: dict[type[NamedEntity], list[NamedEntity] | None] = {Author: None, Topic: None}

    def _vendor_rows(self) -> list[tuple[int, VendorEntry]]:
        if self._vendors is None:
            self._vendors = [
                (pk, VendorEntry(name, tuple(aliases or ())))
                for pk, name, aliases in Vendor.objects.values_list("pk", "name", "aliases")
            ]
        return self._vendors

    def vendor_entries(self) -> list[VendorEntry]:
        return [entry for _, entry in self._vendor_rows()]

    def vendor_ids(self) -> dict[str, int]:
        return {entry.name: pk for pk, entry in self._vendor_rows()}

    def country_codes(self) -> set[str]:
        if self._countries is None:
            self._countries = set(Country.objects.values_list("code", flat=True))
        return self._countries

    def rows(self, model: type[NamedEntity]) -> dict[str, NamedEntity]:
        """Rows of `model` found or created so far in this run, by normalized name."""
        return self._rows[model]

    def aliased(self, model: type[NamedEntity]) -> list[NamedEntity]:
        # Few rows carry aliases (only merge survivors), so reading them all once is cheap.
        if self._aliased[model] is None:
            self._aliased[model] = list(model.objects.exclude(aliases=[]))
        return self._aliased[model]


def vendor_entries() -> list[VendorEntry]:
    """The curated vendor list, as the matcher wants it."""
    return Lookups().vendor_entries()


def fit(model, name: str, value: str) -> str:
    """`value` cut to the length of its column: SQLite stores any length, PostgreSQL refuses the row."""
    return value[: model._meta.get_field(name).max_length]


SHORT_FIELDS = ("title", "series", "category", "language")


def fitted(parsed: ParsedMemo) -> ParsedMemo:
    """The page's memo with its short fields cut to their columns, before it is looked up or written
    (so that its identity keys are what is stored)."""
    cut = {name: fit(Memo, name, value) for name in SHORT_FIELDS if (value := getattr(parsed, name))}
    return dataclasses.replace(parsed, **cut)


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


REEXTRACT_BATCH = 500
CANDIDATES = 10  # at most this many memos share a page's title and date, in practice one


def find_existing(parsed: ParsedMemo) -> Memo | None:
    """The memo this page is a version of: by source URL, else number and series, else title and date."""
    return best_candidate(parsed, memo_candidates(parsed))


def identity_keys(parsed: ParsedMemo) -> list[tuple[str, Q]]:
    """How a page names its memo, most trusted first."""
    keys = [("title", Q(title=parsed.title[:500], published=parsed.published))]
    if parsed.memo_number is not None:
        number = Q(memo_number=parsed.memo_number, series=parsed.series or "", language=parsed.language)
        keys.insert(0, ("number", number))
    if parsed.source_url:
        keys.insert(0, ("url", Q(source_url=parsed.source_url)))
    return keys


def memo_candidates(parsed: ParsedMemo, slug: str | None = None) -> list[Memo]:
    """Every memo the page may be a version of, in one query; with `slug`, also the memo that has it."""
    condition = Q(slug=slug) if slug else Q()
    for _, q in identity_keys(parsed):
        condition |= q
    # Not the search vectors (kilobytes each, written by the search index, never by a save).
    vectors = [f.name for f in Memo._meta.concrete_fields if isinstance(f, SearchVectorField)]
    return list(Memo.objects.filter(condition).defer(*vectors).order_by("pk")[:CANDIDATES])


def best_candidate(parsed: ParsedMemo, candidates: list[Memo]) -> Memo | None:
    """The candidate the most trusted key matches (the order of trust is applied here)."""
    for kind, _ in identity_keys(parsed):
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


def load_memo(parsed: ParsedMemo, source: str, lookups: Lookups | None = None) -> LoadResult:
    """Write one memo with its authors, topics and mentions, or nothing at all.

    `lookups`: what an import run has read already (see Lookups); by default, nothing.
    """
    lookups = lookups or Lookups()
    parsed = fitted(parsed)
    attempt = 1
    while True:
        try:
            return write_memo(parsed, source, lookups)
        except IntegrityError:
            # A unique row (a slug, an author) another import committed between our look-up and
            # our insert, which the locks below did not cover: the next attempt finds it.
            lookups.forget()
            if attempt == WRITE_ATTEMPTS:
                raise
            attempt += 1
        except BaseException:
            lookups.forget()  # rows it created or trusted may be gone with the rollback
            raise


WRITE_ATTEMPTS = 2


def memo_locks(parsed: ParsedMemo, slug: str) -> list[str]:
    """What two imports writing this page at once would both create or claim: the memo's identity
    keys and slug, and its authors' and topics' keys and slugs."""
    keys = [f"memo-slug:{slug}", f"memo-title:{parsed.title[:500]}:{parsed.published}"]
    if parsed.source_url:
        keys.append(f"memo-url:{parsed.source_url}")
    if parsed.memo_number is not None:
        keys.append(f"memo-number:{parsed.series or ''}:{parsed.memo_number}:{parsed.language}")
    for kind, names in (("author", parsed.authors), ("topic", parsed.topics)):
        for name in names:
            keys += [f"{kind}:{normalize_name(name)}", f"{kind}-slug:{slugify(name)}"]
    return keys


def lock(keys: list[str]) -> None:
    """Hold these keys until the transaction ends, so imports of one memo write it one at a time.

    PostgreSQL: transaction-level advisory locks, taken in one order (sorted) so that two
    imports can never each wait for the other. SQLite needs none: its transactions begin with
    BEGIN IMMEDIATE (settings), which lets one writer in at a time already.
    """
    if connection.vendor != "postgresql":
        return
    ids = sorted({int.from_bytes(hashlib.blake2b(k.encode(), digest_size=8).digest(), "big", signed=True)
                  for k in keys})  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(k) FROM unnest(%s::bigint[]) AS k", [ids])


@transaction.atomic
def write_memo(parsed: ParsedMemo, source: str, lookups: Lookups) -> LoadResult:
    # The slug a new memo would take is looked up with the candidates: one query for both.
    slug = slugify(parsed.title)[:192].strip("-") or "item"  # unique_slug's first choice
    lock(memo_locks(parsed, slug))
    candidates = memo_candidates(parsed, slug)
    memo = best_candidate(parsed, candidates)
    digest = parsed.content_hash()
    if memo is not None and memo.content_hash == digest:
        ImportRecord.objects.create(memo=memo, source=source, status="unchanged", content_hash=digest)
        return LoadResult("unchanged", memo)

    # The memo and its links are indexed, and the data version changes, once, last (changes.py).
    with changes.writes():
        created = memo is None
        if created:
            slug_taken = len(candidates) == CANDIDATES or any(m.slug == slug for m in candidates)
            memo = Memo(slug=unique_slug(Memo, parsed.title) if slug_taken else slug)
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
            set_authors(memo, parsed.authors, created, lookups)
        if "topics" not in edited:
            set_topics(memo, parsed.topics, created, lookups)
        if parsed.mentions is not None:
            save_mentions(memo, parsed.mentions, created, lookups)
    status = "created" if created else "updated"
    detail = f"kept hand-edited: {', '.join(kept)}" if kept else ""
    ImportRecord.objects.create(memo=memo, source=source, status=status, detail=detail, content_hash=digest)
    return LoadResult(status, memo, kept)


def entities(model: type[NamedEntity], names: list[str], lookups: Lookups | None = None) -> list[NamedEntity]:
    """Rows for `names`, created where missing; a merged-away spelling maps to its survivor."""
    keys = {}
    for name in names:
        name = fit(model, "name", " ".join(name.split()))
        key = fit(model, "key", normalize_name(name))
        if key and key not in keys:
            keys[key] = name
    if not keys:
        return []
    lookups = lookups or Lookups()
    rows = lookups.rows(model)
    unknown = [k for k in keys if k not in rows]
    if unknown:
        rows.update((row.key, row) for row in model.objects.filter(key__in=unknown))
    missing = [k for k in unknown if k not in rows]
    if missing:
        for row in lookups.aliased(model):
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


def set_authors(memo: Memo, names: list[str], created: bool = False, lookups: Lookups | None = None) -> None:
    """The memo's authors, in byline order. `created`: the memo is new, so it has none yet."""
    authors = entities(Author, names, lookups)
    if not created:
        current = list(memo.authorships.order_by("position").values_list("author_id", flat=True))
        if current == [a.pk for a in authors]:
            return
        memo.authorships.all().delete()
    Authorship.objects.bulk_create(
        Authorship(memo=memo, author=author, position=i) for i, author in enumerate(authors)
    )


def set_topics(memo: Memo, names: list[str], created: bool = False, lookups: Lookups | None = None) -> None:
    """The memo's topics, with link rows written in page order (their ids keep it)."""
    topics = entities(Topic, names, lookups)
    through = Memo.topics.through
    if not created:
        current = list(through.objects.filter(memo=memo).order_by("id").values_list("topic_id", flat=True))
        if current == [t.pk for t in topics]:
            return
        through.objects.filter(memo=memo).delete()
    through.objects.bulk_create(through(memo=memo, topic=topic) for topic in topics)


def ensure_countries(codes: set[str], lookups: Lookups | None = None) -> None:
    """Country rows for `codes`, from pycountry, in case reference data was never loaded."""
    known = (lookups or Lookups()).country_codes()
    missing = codes - known
    if not missing:
        return
    rows = []
    for code in missing:
        entry = pycountry.countries.get(alpha_2=code)
        if entry:
            rows.append(Country(code=code, name=country_display_name(entry)))
    Country.objects.bulk_create(rows, ignore_conflicts=True)
    known.update(row.code for row in rows)


def save_mentions(
    memo: Memo, mentions: Mentions, created: bool = False, lookups: Lookups | None = None
) -> None:
    """Replace the memo's automatic mentions; mentions an editor confirmed or rejected stay."""
    lookups = lookups or Lookups()
    if mentions.countries:
        ensure_countries(set(mentions.countries), lookups)
    vendor_ids = lookups.vendor_ids() if mentions.vendors else {}
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

    Curated mentions survive, as on import. Each memo is written in its own transaction; they are
    indexed for search, and the data version changes, once per batch of REEXTRACT_BATCH memos.
    Returns how many memos were processed.
    """
    vendors = vendor_entries() if vendors is None else vendors
    memos = Memo.objects.only("pk", "title", "body_text").order_by("pk")
    if memo_ids is not None:
        memos = memos.filter(pk__in=list(memo_ids))
    lookups = Lookups()  # country codes and vendor ids, read once for every memo
    done = 0
    batches = memos.iterator(chunk_size=REEXTRACT_BATCH)
    while batch := list(islice(batches, REEXTRACT_BATCH)):
        with changes.writes():
            for memo in batch:
                with transaction.atomic():
                    save_mentions(memo, find_mentions(memo.title, memo.body_text, vendors), lookups=lookups)
        done += len(batch)
    return done

"""ParsedMemo -> rows. One transaction per memo; created, updated or unchanged."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice

from django.db import IntegrityError, connection, transaction
from django.db.models import Exists, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce

from .. import changes
from ..models import (
    Author,
    Authorship,
    Country,
    ImportRecord,
    Memo,
    Mention,
    NamedEntity,
    StoredPage,
    Topic,
    Vendor,
    VendorCandidate,
    VendorCandidateMemo,
    base_slug,
    normalize_name,
    title_key,
    unique_slug,
)
from ..reference import archive_countries
from ..topics import is_echo, mark_echoes
from . import PARSER_VERSION
from .candidates import Candidate
from .mentions import Mentions, VendorEntry, find_mentions
from .parsed import ParsedMemo, RawPage

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
    duplicate_of: str | None = None  # the URL path of a memo that looks like the same one


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
CANDIDATES = 20  # at most this many memos share a page's title, number or slug, in practice one or two


def identity_of(parsed: ParsedMemo) -> str:
    """The page's title and first author, as one key: what names a memo whose page has no URL and
    no number. Recorded with every import (ImportRecord.identity)."""
    first = normalize_name(parsed.authors[0]) if parsed.authors else ""
    return hashlib.sha1(f"{title_key(parsed.title)}\x1f{first}".encode()).hexdigest()


def _first_author_key():
    first = Authorship.objects.filter(memo=OuterRef("pk")).order_by("position", "pk").values("author__key")
    return Subquery(first[:1])


def memo_candidates(parsed: ParsedMemo, slug: str | None = None) -> list[Memo]:
    """Every memo the page may be, or duplicate, in one query; with `slug`, also the memo that has it.

    By source URL, by memo number and series, by normalized title, or by an earlier import of a
    page with the same title and first author (the memo's own title or byline may have been
    edited since).
    """
    identity = identity_of(parsed)
    earlier = ImportRecord.objects.filter(identity=identity, memo__isnull=False).values("memo_id")
    condition = Q(pk__in_array=earlier)
    if slug:
        condition |= Q(slug=slug)
    if parsed.source_url:
        condition |= Q(source_url=parsed.source_url)
    if parsed.memo_number is not None:
        condition |= Q(memo_number=parsed.memo_number, series=parsed.series or "")
    key = title_key(parsed.title)
    if key:
        condition |= Q(title_key=key)
    return list(
        Memo.objects.filter(condition)
        .annotate(
            first_author_key=_first_author_key(),
            imported_as=Exists(ImportRecord.objects.filter(memo=OuterRef("pk"), identity=identity)),
        )
        .order_by("pk")[:CANDIDATES]
    )


def _conflicts(parsed: ParsedMemo, memo: Memo) -> bool:
    """The page and the memo carry different URLs or numbers: two memos, whatever their titles."""
    if parsed.source_url and memo.source_url and parsed.source_url != memo.source_url:
        return True
    return (
        parsed.memo_number is not None
        and memo.memo_number is not None
        and (parsed.memo_number, parsed.series or "") != (memo.memo_number, memo.series)
    )


def best_candidate(parsed: ParsedMemo, candidates: list[Memo]) -> Memo | None:
    """The memo this page is a version of: by source URL, else number and series (and language),
    else title and first author. The date is never part of it: a corrected date updates the memo."""
    if parsed.source_url:
        for memo in candidates:
            if memo.source_url == parsed.source_url:
                return memo
    if parsed.memo_number is not None:
        number = (parsed.memo_number, parsed.series or "", parsed.language)
        for memo in candidates:
            if (memo.memo_number, memo.series, memo.language) == number:
                return memo
    key = title_key(parsed.title)
    first = normalize_name(parsed.authors[0]) if parsed.authors else ""
    for memo in candidates:
        same = key and memo.title_key == key and (getattr(memo, "first_author_key", None) or "") == first
        if (same or getattr(memo, "imported_as", False)) and not _conflicts(parsed, memo):
            return memo
    return None


def find_existing(parsed: ParsedMemo) -> Memo | None:
    """The memo this page is a version of, if any (see best_candidate)."""
    return best_candidate(parsed, memo_candidates(parsed))


def duplicate_of(parsed: ParsedMemo, candidates: list[Memo], memo: Memo | None) -> Memo | None:
    """Another memo that looks like this page's (same normalized title, or same number and
    series) though the identity key did not match it: likely the same memo twice."""
    key = title_key(parsed.title)
    for other in candidates:
        if memo is not None and other.pk == memo.pk:
            continue
        if (key and other.title_key == key) or (
            parsed.memo_number is not None
            and (other.memo_number, other.series) == (parsed.memo_number, parsed.series or "")
        ):
            return other
    return None


@dataclass
class Plan:
    """What importing a page would do: `action` create, update or unchanged; to which memo."""

    action: str
    memo: Memo | None
    duplicate: Memo | None
    candidates: list[Memo]
    slug: str

    @property
    def duplicate_path(self) -> str | None:
        return self.duplicate.get_absolute_url() if self.duplicate is not None else None


def plan_memo(parsed: ParsedMemo, into: Memo | None = None) -> Plan:
    """Decide, reading only, what `load_memo` would do with this page (the dry run's answer).

    `into`: the memo to write, whatever the page's identity says (reparse).
    """
    # The slug a new memo would take is looked up with the candidates: one query for both.
    slug = base_slug(parsed.title)  # unique_slug's first choice
    candidates = memo_candidates(parsed, slug)
    memo = into if into is not None else best_candidate(parsed, candidates)
    if memo is None:
        action = "create"
    elif memo.content_hash == parsed.content_hash():
        action = "unchanged"
    else:
        action = "update"
    return Plan(action, memo, duplicate_of(parsed, candidates, memo), candidates, slug)


def load_memo(
    parsed: ParsedMemo, source: str, lookups: Lookups | None = None, into: Memo | None = None, note: str = ""
) -> LoadResult:
    """Write one memo with its authors, topics and mentions, or nothing at all.

    `lookups`: what an import run has read already (see Lookups); by default, nothing.
    `into`: write this memo rather than the one the page's identity finds (reparse).
    `note`: a line for the import record ("reparse").
    """
    lookups = lookups or Lookups()
    parsed = fitted(parsed)
    attempt = 1
    while True:
        try:
            return write_memo(parsed, source, lookups, into, note)
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
    keys (best_candidate's) and slug, and its authors' and topics' keys and slugs."""
    keys = [
        f"memo-slug:{slug}",
        f"memo-identity:{identity_of(parsed)}",
        f"memo-title:{title_key(parsed.title)}",
    ]
    if parsed.source_url:
        keys.append(f"memo-url:{parsed.source_url}")
    if parsed.memo_number is not None:
        keys.append(f"memo-number:{parsed.series or ''}:{parsed.memo_number}:{parsed.language}")
    for kind, names in (("author", parsed.authors), ("topic", parsed.topics)):
        for name in names:
            keys += [f"{kind}:{normalize_name(name)}", f"{kind}-slug:{base_slug(name)}"]
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
        # In the same statement: this transaction's commit returns without waiting for its WAL to
        # reach the disk (a third of a memo's write time here). A server crash may then lose the
        # last moment's memos, whole, with their import records; importing the pages again restores
        # them. Nothing is ever half-written, and other transactions keep full durability.
        cursor.execute(
            "SELECT set_config('synchronous_commit', 'off', true), pg_advisory_xact_lock(k) "
            "FROM unnest(%s::bigint[]) AS k",
            [ids],
        )


def store_page(raw: RawPage | None) -> str | None:
    """The key of the stored copy of these bytes, written once however often the page is imported
    (one statement: a page stored before is left as it is)."""
    if raw is None:
        return None
    StoredPage.objects.bulk_create(
        [StoredPage(sha256=raw.sha256, data=raw.compressed, size=raw.size)], ignore_conflicts=True
    )
    return raw.sha256


def record(memo: Memo, parsed: ParsedMemo, source: str, status: str, digest: str, detail: str = "") -> None:
    ImportRecord.objects.create(
        memo=memo,
        source=source[:1000],
        status=status,
        detail=detail,
        content_hash=digest,
        page_id=store_page(parsed.page),
        parser_version=PARSER_VERSION,
        url=(parsed.page.url if parsed.page else "")[:1000],
        identity=identity_of(parsed),
    )


@transaction.atomic
def write_memo(
    parsed: ParsedMemo, source: str, lookups: Lookups, into: Memo | None = None, note: str = ""
) -> LoadResult:
    lock(memo_locks(parsed, base_slug(parsed.title)))
    plan = plan_memo(parsed, into)
    memo, candidates, slug = plan.memo, plan.candidates, plan.slug
    digest = parsed.content_hash()
    duplicate = plan.duplicate_path
    extra = [note] if note else []
    if duplicate:
        extra.append(f"looks like a duplicate of {duplicate}")
    if plan.action == "unchanged":
        record(memo, parsed, source, "unchanged", digest, "; ".join(extra))
        return LoadResult("unchanged", memo, duplicate_of=duplicate)

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
            set_authors(memo, parsed.authors, created, lookups, bios=parsed.author_bios)
        if "topics" not in edited:
            year = parsed.published.year if parsed.published and "published" not in edited else None
            echoes = None if edited & {"authors", "published"} else (year, parsed.authors)
            set_topics(memo, parsed.topics, created, lookups, echoes=echoes)
        if not created or edited & {"authors", "published"}:
            mark_echoes([memo.pk])
        if parsed.mentions is not None:
            save_mentions(memo, parsed.mentions, created, lookups)
        if parsed.vendor_candidates is not None:
            save_candidates(memo, parsed.vendor_candidates, created)
    status = "created" if created else "updated"
    if kept:
        extra.append(f"kept hand-edited: {', '.join(kept)}")
    record(memo, parsed, source, status, digest, "; ".join(extra))
    return LoadResult(status, memo, kept, duplicate_of=duplicate)


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


def set_authors(
    memo: Memo,
    names: list[str],
    created: bool = False,
    lookups: Lookups | None = None,
    bios: dict[str, str] | None = None,
) -> None:
    """The memo's authors, in byline order, each with their own bio from this page (`bios`, by
    name as given). `created`: the memo is new, so it has none yet."""
    authors = entities(Author, names, lookups)
    by_key = {normalize_name(name): text for name, text in (bios or {}).items()}
    own = [by_key.get(author.key) or by_key.get(_key_of(names, author)) or "" for author in authors]
    if not created:
        current = list(memo.authorships.order_by("position").values_list("author_id", "bio"))
        if current == [(a.pk, bio) for a, bio in zip(authors, own, strict=True)]:
            return
        memo.authorships.all().delete()
    Authorship.objects.bulk_create(
        Authorship(memo=memo, author=author, position=i, bio=bio)
        for i, (author, bio) in enumerate(zip(authors, own, strict=True))
    )


def _key_of(names: list[str], author: Author) -> str:
    """The normalized name under which the page gave `author` (an alias of a merged row, say)."""
    for name in names:
        key = normalize_name(name)
        if key == author.key or key in (author.aliases or []):
            return key
    return author.key


def set_topics(
    memo: Memo,
    names: list[str],
    created: bool = False,
    lookups: Lookups | None = None,
    echoes: tuple[int | None, list[str]] | None = None,
) -> None:
    """The memo's topics, with link rows written in page order (their ids keep it).

    `echoes`: the memo's year and authors, to mark the tags that only repeat them (memos.topics);
    None leaves that to a later mark_echoes().
    """
    topics = entities(Topic, names, lookups)
    through = Memo.topics.through
    flags = [is_echo(t.name, *echoes) if echoes else False for t in topics]
    if not created:
        current = list(through.objects.filter(memo=memo).order_by("id").values_list("topic_id", "echo"))
        if current == [(t.pk, flag) for t, flag in zip(topics, flags, strict=True)]:
            return
        through.objects.filter(memo=memo).delete()
    through.objects.bulk_create(
        through(memo=memo, topic=topic, echo=flag) for topic, flag in zip(topics, flags, strict=True)
    )


def ensure_countries(codes: set[str], lookups: Lookups | None = None) -> None:
    """Country rows for `codes`, in case reference data was never loaded."""
    known = (lookups or Lookups()).country_codes()
    missing = codes - known
    if not missing:
        return
    countries = archive_countries()
    rows = [
        Country(code=code, name=countries[code][0], historic=countries[code][1])
        for code in missing
        if code in countries
    ]
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


def reextract_mentions(
    memo_ids=None, vendors: list[VendorEntry] | None = None, progress: Callable[[int], None] | None = None
) -> int:
    """Find mentions again in stored memos (after the vendor list changed, say).

    Curated mentions survive, as on import. Each memo is written in its own transaction; they are
    indexed for search, and the data version changes, once per batch of REEXTRACT_BATCH memos.
    Returns how many memos were processed; `progress` hears the running total after each batch.
    """
    vendors = vendor_entries() if vendors is None else vendors
    memos = Memo.objects.select_related("text").only("pk", "title", "text__body_text").order_by("pk")
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
        if progress:
            progress(done)
    return done


def save_candidates(memo: Memo, found: dict[str, Candidate], created: bool = False) -> None:
    """Record the vendor candidates this memo names (memos.ingest.candidates), replacing the ones
    an earlier import of it found. A dismissed candidate stays dismissed; no query when there are
    none to write or forget."""
    old = (
        {} if created else {link.candidate_id: link for link in VendorCandidateMemo.objects.filter(memo=memo)}
    )
    if not found and not old:
        return
    keys = {normalize_name(base): (base, c) for base, c in found.items()}
    rows = {c.key: c for c in VendorCandidate.objects.filter(key__in=list(keys))} if keys else {}
    new_rows = [
        VendorCandidate(name=c.name, key=key, context=c.context)
        for key, (_, c) in keys.items()
        if key not in rows
    ]
    if new_rows:
        VendorCandidate.objects.bulk_create(new_rows, ignore_conflicts=True)
        rows = {c.key: c for c in VendorCandidate.objects.filter(key__in=list(keys))}
    wanted = {rows[key].pk: c for key, (_, c) in keys.items() if key in rows}
    stale = [link.pk for pk, link in old.items() if pk not in wanted]
    if stale:
        VendorCandidateMemo.objects.filter(pk__in=stale).delete()
    changed = []
    for pk, c in wanted.items():
        link = old.get(pk)
        if link is not None and (link.count, link.context) != (c.count, c.context):
            link.count, link.context = c.count, c.context
            changed.append(link)
    if changed:
        VendorCandidateMemo.objects.bulk_update(changed, ["count", "context"])
    VendorCandidateMemo.objects.bulk_create(
        VendorCandidateMemo(candidate_id=pk, memo=memo, count=c.count, context=c.context)
        for pk, c in wanted.items()
        if pk not in old
    )
    refresh_candidate_counts({*wanted, *old})


def refresh_candidate_counts(candidate_ids) -> None:
    """Each candidate's count: how often its memos name it, all together."""
    total = (
        VendorCandidateMemo.objects.filter(candidate=OuterRef("pk"))
        .order_by()
        .values("candidate")
        .annotate(n=Sum("count"))
        .values("n")
    )
    VendorCandidate.objects.filter(pk__in=list(candidate_ids)).update(count=Coalesce(Subquery(total), 0))

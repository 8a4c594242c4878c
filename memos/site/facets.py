"""Facet counts beside the memo list: one aggregate query per facet over the matched memos."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Case, CharField, Count, F, Q, QuerySet, Value, When
from django.db.models.functions import ExtractYear

from .. import caching
from ..models import Authorship, Memo, Mention, Vendor

FACET_LIMIT = 10  # values shown beside the list; the rest are on the facet's own page
# Each row counted below is one memo already: mentions are unique per (memo, country) and
# (memo, vendor), topic links and authorships per (memo, topic) and (memo, author). A plain
# COUNT lets PostgreSQL hash-aggregate; COUNT(DISTINCT) made it sort every row, on disk at 100k memos.


def _counts(links: QuerySet, value: str, label, outside: QuerySet | None = None, distinct=False) -> QuerySet:
    """Memos per value among link rows (mentions, topic links, authorships), most first.

    With `outside` (memos), `added` also counts the memos of each value that are not among them.
    `distinct` where one memo has several rows per value (several vendors of one country).
    """
    label = F(label) if isinstance(label, str) else label
    counts = {"n": Count("memo_id", distinct=distinct)}
    if outside is not None:
        counts["added"] = Count("memo_id", distinct=distinct, filter=~Q(memo_id__in=outside))
    return links.values(value=F(value), label=label).annotate(**counts).order_by("-n", "label")


def countries(memo_ids: QuerySet, outside: QuerySet | None = None) -> QuerySet:
    mentions = Mention.objects.filter(
        memo_id__in=memo_ids, verdict__in=Mention.COUNTED, country__isnull=False
    )
    return _counts(mentions, "country_id", "country__name", outside)


def vendors(memo_ids: QuerySet, outside: QuerySet | None = None) -> QuerySet:
    mentions = Mention.objects.filter(memo_id__in=memo_ids, verdict__in=Mention.COUNTED, vendor__isnull=False)
    return _counts(mentions, "vendor__slug", "vendor__name", outside)


def vendor_countries(memo_ids: QuerySet, outside: QuerySet | None = None) -> QuerySet:
    mentions = Mention.objects.filter(
        memo_id__in=memo_ids, verdict__in=Mention.COUNTED, vendor__country__isnull=False
    )
    return _counts(mentions, "vendor__country_id", "vendor__country__name", outside, distinct=True)


SECTOR_LABEL = Case(
    *(When(vendor__sector=key, then=Value(label)) for key, label in Vendor.SECTORS), output_field=CharField()
)


def sectors(memo_ids: QuerySet, outside: QuerySet | None = None) -> QuerySet:
    mentions = Mention.objects.filter(
        memo_id__in=memo_ids, verdict__in=Mention.COUNTED, vendor__sector__gt=""
    )
    return _counts(mentions, "vendor__sector", SECTOR_LABEL, outside, distinct=True)


def topics(memo_ids: QuerySet, outside: QuerySet | None = None) -> QuerySet:
    # Tags that only echo a memo's year or an author ("2018", "Marat") are not counted.
    links = Memo.topics.through.objects.shown().filter(memo_id__in=memo_ids)
    return _counts(links, "topic__slug", "topic__name", outside)


def authors(memo_ids: QuerySet, outside: QuerySet | None = None) -> QuerySet:
    return _counts(Authorship.objects.filter(memo_id__in=memo_ids), "author__slug", "author__name", outside)


def years(memo_ids: QuerySet, outside: QuerySet | None = None) -> QuerySet:
    # Newest year first: a timeline reads better than a popularity ranking. Grouped on the
    # matched memos themselves: `pk IN (the same memos)` had PostgreSQL fetch each one twice.
    return (
        memo_ids.filter(published__isnull=False)
        .values(value=ExtractYear("published"))
        .annotate(n=Count("pk"))
        .order_by("-value")
    )


# GET parameter -> (heading, the query that counts its values).
FACETS: dict[str, tuple[str, Callable[[QuerySet], QuerySet]]] = {
    "country": ("Countries", countries),
    "vendor": ("Vendors", vendors),
    "vendor_country": ("Vendor countries", vendor_countries),
    "sector": ("Vendor sectors", sectors),
    "topic": ("Topics", topics),
    "author": ("Authors", authors),
    "year": ("Years", years),
}


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    chosen: bool = False


@dataclass
class Facet:
    name: str  # the GET parameter its links set
    title: str
    values: list[FacetValue] = field(default_factory=list)
    has_more: bool = False


def facet_values(
    name: str, memos: QuerySet, disjunction: tuple[QuerySet, QuerySet] | None = None
) -> QuerySet:
    """Every value of one facet with its number of `memos`, as dicts of value, label and n.

    With a `disjunction` (MemoFilter.disjunctions(): the results without this facet's own
    filter, and the memos that filter admits), values are counted over the former, and
    `added` says how many memos each would add to the results.
    """
    if disjunction is None:
        return FACETS[name][1](memos.order_by().values("pk"))
    others, admitted = disjunction
    return FACETS[name][1](others.order_by().values("pk"), admitted)


def to_values(rows, chosen: list[str], total: Callable[[], int] | None = None) -> list[FacetValue]:
    """Facet values; under a disjunction, an unchosen value counts the results it would give.

    That is the current number of results, `total()`, and the memos the value would add.
    """
    values = []
    for r in rows:
        value = str(r["value"])
        count = r["n"] if "added" not in r or value in chosen else total() + r["added"]
        values.append(FacetValue(value, str(r.get("label", r["value"])), count, value in chosen))
    return values


def memo_facets(
    memos: QuerySet,
    chosen,
    limit: int = FACET_LIMIT,
    disjunctions: dict[str, tuple[QuerySet, QuerySet]] | None = None,
    total: Callable[[], int] | None = None,
    known: dict[str, list[dict]] | None = None,
) -> list[Facet]:
    """The top `limit` values of each facet among `memos` (the list's current results).

    `chosen` is a QueryDict of the filters in force, to mark the values already chosen.
    A facet with chosen values that combine with OR (`disjunctions`, see facet_values) counts
    what each other value would give if added; `total()` is the current number of results.
    One query per facet, whatever the number of memos or values, and none at all while the
    data has not changed since these filters were last counted (memos/caching.py). `known` has
    every value of a facet counted already (the list's map and histogram), in the facet's order.
    """
    disjunctions, known = disjunctions or {}, known or {}
    facets = []
    for name, (title, _) in FACETS.items():
        if name in known and name not in disjunctions:
            rows = known[name][: limit + 1]
        else:
            rows = caching.rows(facet_values(name, memos, disjunctions.get(name))[: limit + 1])
        values = to_values(rows[:limit], chosen.getlist(name), total)
        facets.append(Facet(name, title, values, len(rows) > limit))
    return facets

"""Facet counts beside the memo list: one aggregate query per facet over the matched memos."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Count, F, QuerySet
from django.db.models.functions import ExtractYear

from .. import caching
from ..models import Authorship, Memo, Mention

FACET_LIMIT = 10  # values shown beside the list; the rest are on the facet's own page
# Each row counted below is one memo already: mentions are unique per (memo, country) and
# (memo, vendor), topic links and authorships per (memo, topic) and (memo, author). A plain
# COUNT lets PostgreSQL hash-aggregate; COUNT(DISTINCT) made it sort every row, on disk at 100k memos.


def _counts(links: QuerySet, value: str, label: str) -> QuerySet:
    """Memos per value among link rows (mentions, topic links, authorships), most first."""
    return links.values(value=F(value), label=F(label)).annotate(n=Count("memo_id")).order_by("-n", "label")


def countries(memo_ids: QuerySet) -> QuerySet:
    mentions = Mention.objects.filter(
        memo_id__in=memo_ids, verdict__in=Mention.COUNTED, country__isnull=False
    )
    return _counts(mentions, "country_id", "country__name")


def vendors(memo_ids: QuerySet) -> QuerySet:
    mentions = Mention.objects.filter(memo_id__in=memo_ids, verdict__in=Mention.COUNTED, vendor__isnull=False)
    return _counts(mentions, "vendor__slug", "vendor__name")


def topics(memo_ids: QuerySet) -> QuerySet:
    # Tags that only echo a memo's year or an author ("2018", "Marat") are not counted.
    links = Memo.topics.through.objects.shown().filter(memo_id__in=memo_ids)
    return _counts(links, "topic__slug", "topic__name")


def authors(memo_ids: QuerySet) -> QuerySet:
    return _counts(Authorship.objects.filter(memo_id__in=memo_ids), "author__slug", "author__name")


def years(memo_ids: QuerySet) -> QuerySet:
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


def facet_values(name: str, memos: QuerySet) -> QuerySet:
    """Every value of one facet with its number of `memos`, as dicts of value, label and n."""
    return FACETS[name][1](memos.order_by().values("pk"))


def to_values(rows, chosen: list[str]) -> list[FacetValue]:
    return [
        FacetValue(str(r["value"]), str(r.get("label", r["value"])), r["n"], str(r["value"]) in chosen)
        for r in rows
    ]


def memo_facets(memos: QuerySet, chosen, limit: int = FACET_LIMIT) -> list[Facet]:
    """The top `limit` values of each facet among `memos` (the list's current results).

    `chosen` is a QueryDict of the filters in force, to mark the values already chosen.
    One query per facet, whatever the number of memos or values, and none at all while the
    data has not changed since these filters were last counted (memos/caching.py).
    """
    facets = []
    for name, (title, _) in FACETS.items():
        rows = caching.rows(facet_values(name, memos)[: limit + 1])
        facets.append(Facet(name, title, to_values(rows[:limit], chosen.getlist(name)), len(rows) > limit))
    return facets

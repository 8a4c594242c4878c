"""MemoFilter: the GET parameters of the memo list (and its feed) as one FilterSet."""

from __future__ import annotations

from dataclasses import dataclass

import django_filters
from django import forms
from django.db.models import F, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.http import QueryDict
from django_filters.fields import ModelMultipleChoiceField
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from .. import search
from ..models import Author, Authorship, Country, Memo, Mention, Topic, Vendor

# Parameters that take several values, any of which may match (OR).
REPEATABLE = ("country", "vendor", "vendor_country", "sector", "topic")
# Parameters that choose memos by their mentions, and the mentions' lookup for each; a result
# is said to match for these mentions.
MENTIONED = {
    "country": "country__in",
    "vendor": "vendor__in",
    "vendor_country": "vendor__country__in",
    "sector": "vendor__sector__in",
}
# Undated memos go last whichever way dates are sorted; ids make every order total.
NEWEST = F("published").desc(nulls_last=True)
SORTS = {
    "-published": ("Newest first", (NEWEST, "-id")),
    "published": ("Oldest first", (F("published").asc(nulls_last=True), "id")),
    "title": ("Title", ("title", "id")),
    "relevance": ("Relevance", ("-rank", NEWEST, "-id")),
    "mentions": ("Most mentions", ("-mention_count", NEWEST, "-id")),
}
SECTOR_LABELS = dict(Vendor.SECTORS)


class ChosenOrderField(ModelMultipleChoiceField):
    """Rows for the given keys, checked in one query, in the order the reader chose them."""

    def prepare(self, value: str) -> str:
        return value.strip()

    def clean(self, value):
        keys = [self.prepare(v) for v in value or [] if v.strip()]
        rows = super().clean(keys)
        if not keys:
            return rows
        position = {key: i for i, key in reversed(list(enumerate(keys)))}
        return sorted(rows, key=lambda row: position[str(getattr(row, self.to_field_name))])


class CodeField(ChosenOrderField):
    """Country codes in any case: "ru" is "RU"."""

    def prepare(self, value: str) -> str:
        return value.strip().upper()


# Slugs and codes on the wire, whichever model they name (the API's schema says so; its generator
# cannot tell from the one method that filters countries, vendors and their origins).
@extend_schema_field(OpenApiTypes.STR)
class ChosenOrderFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = ChosenOrderField


@extend_schema_field(OpenApiTypes.STR)
class CountryFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = CodeField


class MemoFilterForm(forms.Form):
    def clean(self):
        data = super().clean()
        if data.get("sort") == "relevance" and not data.get("q"):
            self.add_error("sort", "Sorting by relevance needs a search query (q).")
        if data.get("sort") == "mentions" and not any(data.get(name) for name in MENTIONED):
            self.add_error(
                "sort", "Sorting by mentions needs a country, vendor, vendor_country or sector filter."
            )
        start, end = data.get("from"), data.get("to")
        if start and end and start > end:
            self.add_error("to", "The end date is before the start date.")
        return data


class YearFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


def unknown(what: str) -> dict[str, str]:
    return {"invalid_choice": f"Unknown {what}: %(value)s.", "invalid_pk_value": f"Unknown {what}: %(pk)s."}


class MemoFilter(django_filters.FilterSet):
    """Several values of one parameter mean any of them; different parameters all apply."""

    q = django_filters.CharFilter(
        method="search",
        label="Search",
        max_length=200,
        error_messages={"max_length": "The search is too long: at most %(limit_value)d characters."},
    )
    country = CountryFilter(
        queryset=Country.objects.all(),
        to_field_name="code",
        method="mentioning",
        error_messages=unknown("country code"),
    )
    vendor = ChosenOrderFilter(
        queryset=Vendor.objects.all(),
        to_field_name="slug",
        method="mentioning",
        error_messages=unknown("vendor"),
    )
    # Memos mentioning a vendor based in one of these countries ("Chinese vendors": CN).
    vendor_country = CountryFilter(
        queryset=Country.objects.all(),
        to_field_name="code",
        method="mentioning",
        error_messages=unknown("vendor country code"),
    )
    sector = django_filters.MultipleChoiceFilter(
        choices=Vendor.SECTORS,
        method="mentioning",
        error_messages={"invalid_choice": f"Unknown sector: %(value)s (use {', '.join(SECTOR_LABELS)})."},
    )
    topic = ChosenOrderFilter(
        queryset=Topic.objects.all(),
        to_field_name="slug",
        method="about_topics",
        error_messages=unknown("topic"),
    )
    author = django_filters.ModelChoiceFilter(
        queryset=Author.objects.all(),
        to_field_name="slug",
        method="by_author",
        error_messages={"invalid_choice": "Unknown author."},
    )
    year = YearFilter(
        field_name="published",
        lookup_expr="year",
        min_value=1000,
        max_value=9999,
        error_messages={"invalid": "The year must be a number like 2019."},
    )
    # Named "from" and "to" on the wire (see below); "from" is a Python keyword.
    published_from = django_filters.DateFilter(
        field_name="published", lookup_expr="gte", label="From",
        error_messages={"invalid": "The start date must look like 2019-04-30."},
    )  # fmt: skip
    published_to = django_filters.DateFilter(
        field_name="published", lookup_expr="lte", label="To",
        error_messages={"invalid": "The end date must look like 2019-04-30."},
    )  # fmt: skip
    series = django_filters.CharFilter(lookup_expr="exact")
    category = django_filters.CharFilter(lookup_expr="exact")
    language = django_filters.ChoiceFilter(
        choices=Memo.LANGUAGES,
        error_messages={"invalid_choice": "Unknown language: %(value)s (use en or ru)."},
    )
    sort = django_filters.ChoiceFilter(
        choices=[(key, label) for key, (label, _) in SORTS.items()],
        method="order",
        empty_label=None,
        error_messages={
            "invalid_choice": (
                "Unknown sort: %(value)s (use -published, published, title, relevance or mentions)."
            )
        },
    )

    class Meta:
        model = Memo
        fields: list[str] = []
        form = MemoFilterForm

    def search(self, queryset, name, value):
        return search.search_memos(queryset, value)

    def mentioning(self, queryset, name, value):
        """Memos with a counted mention of any chosen value of `name` (a country, a vendor, ...)."""
        if not value:
            return queryset
        mentions = Mention.objects.filter(**{MENTIONED[name]: value}, verdict__in=Mention.COUNTED)
        return queryset.filter(pk__member_of=mentions.values("memo_id"))

    def about_topics(self, queryset, name, value: list[Topic]):
        if not value:
            return queryset
        links = Memo.topics.through.objects.shown().filter(topic__in=value)
        return queryset.filter(pk__member_of=links.values("memo_id"))

    def by_author(self, queryset, name, value: Author):
        return queryset.filter(pk__member_of=Authorship.objects.filter(author=value).values("memo_id"))

    def order(self, queryset, name, value):
        return queryset  # applied last, in filter_queryset, once the search has added `rank`

    @property
    def sort_key(self) -> str:
        data = self.form.cleaned_data if self.form.is_valid() else {}
        return data.get("sort") or ("relevance" if data.get("q") else "-published")

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if self.sort_key == "mentions":
            queryset = queryset.annotate(mention_count=self.mention_count())
        return queryset.order_by(*SORTS[self.sort_key][1])

    def mentions_of_chosen(self) -> QuerySet:
        """The counted mentions of the chosen countries and vendors (by name, origin or sector)."""
        data = self.form.cleaned_data
        subjects = Q()
        for name, lookup in MENTIONED.items():
            if data.get(name):
                subjects |= Q(**{lookup: data[name]})
        if not subjects:
            return Mention.objects.none()
        return Mention.objects.filter(subjects, verdict__in=Mention.COUNTED)

    def mention_count(self):
        """How often a memo names the chosen countries and vendors: what sort=mentions orders by."""
        per_memo = (
            self.mentions_of_chosen()
            .filter(memo=OuterRef("pk"))
            .order_by()
            .values("memo")
            .annotate(total=Sum("count"))
            .values("total")
        )
        return Coalesce(Subquery(per_memo), 0)

    def without(self, *names: str) -> QuerySet:
        """The results as if the parameters `names` were not given: what their own facet counts over."""
        queryset = self.queryset.all()
        for other, value in self.form.cleaned_data.items():
            if other not in names:
                queryset = self.filters[other].filter(queryset, value)
        return queryset

    def disjunctions(self) -> dict[str, tuple[QuerySet, QuerySet]]:
        """For each OR parameter with chosen values: (the results without it, the memos it admits).

        A value of such a facet counts the results the list would have with that value added
        (Solr's tag/exclude): those it has now plus the memos it would let in.
        """
        data = self.form.cleaned_data if self.is_valid() else {}
        return {
            name: (self.without(name), self.filters[name].filter(Memo.objects.all(), data[name]).values("pk"))
            for name in REPEATABLE
            if data.get(name)
        }

    def params(self) -> QueryDict:
        """The valid filters in canonical form (codes upper-case, dates ISO), for building links."""
        query = QueryDict(mutable=True)
        if not self.is_valid():
            return query
        default_sort = "relevance" if self.form.cleaned_data.get("q") else "-published"
        for name, value in self.form.cleaned_data.items():
            if value in (None, "", []) or (isinstance(value, QuerySet) and not value):
                continue
            if name in REPEATABLE:
                query.setlist(name, [self.value_key(name, v) for v in value])
            elif name == "author":
                query[name] = value.slug
            elif name == "year":
                query[name] = str(int(value))
            elif name in ("from", "to"):
                query[name] = value.isoformat()
            elif name == "sort" and value == default_sort:
                continue
            else:
                query[name] = str(value)
        return query

    @staticmethod
    def value_key(name: str, value) -> str:
        if name == "sector":
            return value
        return value.code if name in ("country", "vendor_country") else value.slug

    @staticmethod
    def value_label(name: str, value) -> str:
        return SECTOR_LABELS[value] if name == "sector" else str(value)

    def chips(self) -> list[Chip]:
        """One removable chip per chosen value, in the order of the parameters."""
        if not self.is_valid():
            return []
        data, chips = self.form.cleaned_data, []
        for name, value in self.params().lists():
            if name in REPEATABLE:
                chips += [Chip(name, self.value_key(name, v), self.value_label(name, v)) for v in data[name]]
            elif name == "author":
                chips.append(Chip(name, value[0], data[name].name))
            elif name == "sort":
                chips.append(Chip(name, value[0], f"Sorted: {SORTS[value[0]][0]}"))
            else:
                chips.append(Chip(name, value[0], f"“{value[0]}”" if name == "q" else value[0]))
        return chips


# The wire names "from" and "to", which cannot be class attributes; the filters keep their order.
MemoFilter.base_filters = {
    {"published_from": "from", "published_to": "to"}.get(name, name): f
    for name, f in MemoFilter.base_filters.items()
}


@dataclass
class Chip:
    name: str  # the GET parameter
    value: str  # its value in the URL
    label: str

    @property
    def title(self) -> str:
        titles = {"q": "Search", "from": "From", "to": "To", "vendor_country": "Vendor country"}
        return titles.get(self.name, self.name.capitalize())

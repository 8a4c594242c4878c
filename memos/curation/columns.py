"""Columns and links the admin lists share: counts of related rows, filtered changelist links."""

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode


def count_of(model, fk: str, **filters):
    """How many `model` rows point at the outer row, as a subquery (no GROUP BY on the list)."""
    rows = (
        model.objects.filter(**{fk: OuterRef("pk")}, **filters)
        .order_by()
        .values(fk)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def changelist_link(model, text, **filters) -> str:
    """A link to `model`'s list, filtered by the relation (e.g. an author's memos)."""
    url = reverse(f"admin:memos_{model._meta.model_name}_changelist")
    return format_html('<a href="{}?{}">{}</a>', url, urlencode(filters), text)


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"

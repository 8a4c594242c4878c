"""The country × vendor matrix (/analysis/): memos mentioning both, per pair, under the list's filters."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import QuerySet
from django.http import QueryDict
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .. import caching
from ..models import Country, Mention, Vendor
from .filters import SECTOR_LABELS, MemoFilter
from .worldmap import shade

# Columns: one per vendor, or vendors grouped by home country or by sector.
GROUPS = {
    "vendor": "Vendors",
    "vendor_country": "Vendors' home countries",
    "sector": "Vendor sectors",
}
# Parameters that choose rows and columns rather than memos: a cell of Kazakhstan × Huawei
# counts the memos that mention both, whatever other countries or vendors they mention.
AXES = ("country", "vendor", "vendor_country", "sector")
ROW_LIMIT, COLUMN_LIMIT = 30, 20  # on the page; the CSV has every row and column
# Parameters the page's form sets; the others ride along as hidden fields.
FORM_FIELDS = ("group", "from", "to", "language", "series")


@dataclass
class Column:
    key: str  # vendor slug, country code or sector
    label: str
    vendor_ids: list[int] = field(default_factory=list)
    vendor_slugs: list[str] = field(default_factory=list)
    total: int = 0


@dataclass
class Cell:
    count: int
    shade: int
    href: str = ""


@dataclass
class Row:
    code: str
    name: str
    cells: list[Cell]
    total: int = 0


@dataclass
class Matrix:
    group: str
    rows: list[Row]
    columns: list[Column]
    more_rows: int = 0  # rows and columns left off the page
    more_columns: int = 0
    peak: int = 0


def vendor_columns(group: str, data: dict) -> list[Column]:
    """The columns the chosen vendors, vendor countries and sectors allow (all vendors if none)."""
    vendors = Vendor.objects.select_related("country").order_by("name")
    if data.get("vendor"):
        vendors = vendors.filter(pk__in=[v.pk for v in data["vendor"]])
    if data.get("vendor_country"):
        vendors = vendors.filter(country__in=data["vendor_country"])
    if data.get("sector"):
        vendors = vendors.filter(sector__in=data["sector"])
    columns: dict[str, Column] = {}
    for vendor in caching.rows(vendors):
        if group == "vendor":
            key, label = vendor.slug, vendor.name
        elif group == "vendor_country":
            if not vendor.country_id:
                continue
            key, label = vendor.country_id, vendor.country.name
        else:
            if not vendor.sector:
                continue
            key, label = vendor.sector, SECTOR_LABELS[vendor.sector]
        column = columns.setdefault(key, Column(key, label))
        column.vendor_ids.append(vendor.pk)
        column.vendor_slugs.append(vendor.slug)
    return list(columns.values())


def counts(memo_ids: QuerySet, columns: list[Column], countries: list[str]) -> list[tuple[str, str, int]]:
    """(country code, column key, memos) for every pair with memos: one query, cached.

    Counted mentions of a country joined to counted mentions of a vendor in the same memo; a
    memo counts once per cell (several vendors of one column are one memo).
    """
    vendor_column = {vendor_id: column.key for column in columns for vendor_id in column.vendor_ids}
    if not vendor_column:
        return []
    try:
        memos_sql, memos_params = memo_ids.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:
        return []
    table, marks = Mention._meta.db_table, ", ".join(["%s"] * len(Mention.COUNTED))
    # The vendors of each column, as (vendor id, column key) rows the database joins to.
    pairs = " UNION ALL ".join(["SELECT %s AS vendor_id, %s AS col"] * len(vendor_column))
    pair_params = [value for item in vendor_column.items() for value in item]
    country_filter = f"AND c.country_id IN ({', '.join(['%s'] * len(countries))})" if countries else ""
    sql = (
        "SELECT c.country_id, p.col, COUNT(DISTINCT c.memo_id) "
        f"FROM {table} AS c JOIN {table} AS v ON v.memo_id = c.memo_id "
        f"JOIN ({pairs}) AS p ON p.vendor_id = v.vendor_id "
        f"WHERE c.country_id IS NOT NULL AND c.verdict IN ({marks}) AND v.verdict IN ({marks}) "
        f"{country_filter} AND c.memo_id IN ({memos_sql}) "
        "GROUP BY c.country_id, p.col"
    )
    params = [*pair_params, *Mention.COUNTED, *Mention.COUNTED, *countries, *memos_params]

    def compute() -> list[tuple[str, str, int]]:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [(code, str(key), n) for code, key, n in cursor.fetchall()]

    digest = hashlib.sha256(repr((sql, params)).encode()).hexdigest()
    return caching.cached(f"matrix:{digest}", compute)


def build(memo_filter: MemoFilter, group: str, params: QueryDict, limit: bool = True) -> Matrix:
    """The matrix under the list's filters; `params` are the list's, for the cells' links.

    `limit`: the rows and columns with the most memos only, each cell a link (the page);
    otherwise every row and column, without links (the CSV). Cached whole, like its counts:
    arranging thousands of pairs into rows took longer than reading them back.
    """
    key = hashlib.sha256(f"{group}|{limit}|{params.urlencode()}".encode()).hexdigest()
    return caching.cached(f"matrix-page:{key}", lambda: arrange(memo_filter, group, params, limit))


def arrange(memo_filter: MemoFilter, group: str, params: QueryDict, limit: bool) -> Matrix:
    data = memo_filter.form.cleaned_data
    columns = vendor_columns(group, data)
    chosen_countries = [c.code for c in data.get("country") or []]
    found = counts(memo_filter.without(*AXES), columns, chosen_countries)
    by_pair = {(code, key): n for code, key, n in found}
    column_totals: dict[str, int] = {}
    row_totals: dict[str, int] = {}
    for code, key, n in found:
        column_totals[key] = column_totals.get(key, 0) + n
        row_totals[code] = row_totals.get(code, 0) + n
    columns = sorted(
        (c for c in columns if c.key in column_totals), key=lambda c: (-column_totals[c.key], c.label)
    )
    for column in columns:
        column.total = column_totals[column.key]
    names = dict(caching.rows(Country.objects.values_list("code", "name")))
    codes = sorted(row_totals, key=lambda code: (-row_totals[code], names.get(code, code)))
    shown_codes = codes[:ROW_LIMIT] if limit else codes
    shown_columns = columns[:COLUMN_LIMIT] if limit else columns
    peak = max(by_pair.values(), default=0)
    links = cell_urls(params, group, shown_columns, data) if limit else {}
    rows = []
    for code in shown_codes:
        cells = []
        for column in shown_columns:
            n = by_pair.get((code, column.key), 0)
            href = "{0}country={2}&{1}".format(*links[column.key], code) if n and links else ""
            cells.append(Cell(n, shade(n, peak), href))
        rows.append(Row(code, names.get(code, code), cells, row_totals[code]))
    return Matrix(
        group, rows, shown_columns, len(codes) - len(shown_codes), len(columns) - len(shown_columns), peak
    )


def cell_urls(params: QueryDict, group: str, columns: list[Column], data: dict) -> dict[str, tuple[str, str]]:
    """Each column's memo list around the country a cell adds: the list's other filters before it,
    the column's vendors after it, as (head, tail) of the URL.

    A column of a vendor country or sector is that parameter, unless other vendor parameters
    narrowed its vendors; then it is those vendors by name, so the list counts what the cell does.
    """
    others = params.copy()
    for name in (*AXES, "page", "group"):
        others.pop(name, None)
    head = f"{reverse('memo_list')}?{others.urlencode()}{'&' if others else ''}"
    narrowed = any(data.get(name) for name in ("vendor", "vendor_country", "sector") if name != group)
    urls = {}
    for column in columns:
        if group == "vendor" or narrowed:
            tail = urlencode([("vendor", slug) for slug in column.vendor_slugs])
        else:
            tail = urlencode([(group, column.key)])
        urls[column.key] = (head, tail)
    return urls


def body_html(matrix: Matrix) -> SafeString:
    """The table's rows. Written here rather than in the template: Django's template language
    took most of the page's time over 600 cells."""
    html = []
    for row in matrix.rows:
        cells = "".join(
            f'<td class="shade-{cell.shade}">'
            + (f'<a href="{escape(cell.href)}" rel="nofollow">{cell.count}</a>' if cell.href else "")
            + "</td>"
            for cell in row.cells
        )
        html.append(f'<tr><th scope="row">{escape(row.name)}</th>{cells}</tr>')
    return mark_safe("\n".join(html))  # names escaped; numbers and classes are our own

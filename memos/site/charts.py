"""Charts drawn on the server as inline SVG: the year histogram of a list of memos (and a country's)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from urllib.parse import urlencode

from django.http import QueryDict
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe

BAR_WIDTH, BAR_GAP, BAR_HEIGHT = 20, 4, 100
VALUE_ROOM, LABEL_ROOM = 14, 16  # above the bars for their values, below them for the years
ZOOM = 1.5  # drawn larger than its units, so that its 8-unit values read at 12 px
DATE_PARAMETERS = ("year", "from", "to")


def memo_list_url(params: QueryDict, drop=(), **values) -> str:
    """The memo list under `params`, without the parameters in `drop`, with `values` set."""
    return memo_list_urls(params, drop)(**values)


def memo_list_urls(params: QueryDict, drop=()) -> Callable[..., str]:
    """memo_list_url for many links that drop the same parameters (a chart's bars), done once."""
    base = reverse("memo_list")
    kept = [
        (name, value) for name, values in params.lists() if name not in (*drop, "page") for value in values
    ]

    def url(**values) -> str:
        query = [(name, value) for name, value in kept if name not in values]
        encoded = urlencode(query + [(name, str(value)) for name, value in values.items()])
        return base + (f"?{encoded}" if encoded else "")

    return url


@dataclass
class Bar:
    year: int
    count: int
    x: int
    y: int
    height: int
    href: str = ""
    chosen: bool = False
    detail: str = ""  # more to say in the bar's title (a country's mentions)
    detail_value: int | None = None  # the same, for the table


def year_span(rows: list[dict]) -> list[int]:
    years = [r["value"] for r in rows]
    return list(range(min(years), max(years) + 1)) if years else []


def bars(counts: dict[int, int], years: list[int]) -> list[Bar]:
    """One bar per year, zeros included, scaled to the busiest year."""
    peak = max(counts.values(), default=0)
    found = []
    for i, year in enumerate(years):
        n = counts.get(year, 0)
        height = round(BAR_HEIGHT * n / peak) if peak else 0
        if n and not height:
            height = 1  # a year with memos never looks empty
        found.append(Bar(year, n, i * (BAR_WIDTH + BAR_GAP), VALUE_ROOM + BAR_HEIGHT - height, height))
    return found


def chart(found: list[Bar], title: str, detail_title: str = "", **extra) -> dict:
    """What templates/partials/year_chart.html draws. The bars and the table rows are written here:
    looping over them in Django's template language took a fifth of the list page's time."""
    width = max(len(found) * (BAR_WIDTH + BAR_GAP) - BAR_GAP, BAR_WIDTH)
    height = VALUE_ROOM + BAR_HEIGHT + LABEL_ROOM
    return {
        "bars": found,
        "title": title,
        "width": width,
        "height": height,
        "display_width": round(width * ZOOM),
        "display_height": round(height * ZOOM),
        "linked": any(bar.href for bar in found),
        "drawn": mark_safe("\n".join(map(bar_svg, found))),  # hrefs and details escaped; the rest numbers
        "table": mark_safe("".join(map(partial(table_row, detail=bool(detail_title)), found))),
        "detail_title": detail_title,
        **extra,
    }


def memos(n: int) -> str:
    return f"{n} memo{'' if n == 1 else 's'}"


def bar_svg(bar: Bar) -> str:
    said = f"{bar.year}: {memos(bar.count)}" + (f", {escape(bar.detail)}" if bar.detail else "")
    middle, baseline = bar.x + BAR_WIDTH // 2, VALUE_ROOM + BAR_HEIGHT
    box = f'x="{bar.x}" y="{bar.y}" width="{BAR_WIDTH}" height="{bar.height}"'
    drawn = [f"<rect {box}><title>{said}</title></rect>"]
    if bar.count:
        value = short_count(bar.count)
        drawn.append(f'<text class="value" x="{middle}" y="{bar.y - 3}" text-anchor="middle">{value}</text>')
    year = f"’{bar.year % 100:02d}"
    drawn.append(f'<text class="year" x="{middle}" y="{baseline + 12}" text-anchor="middle">{year}</text>')
    chosen = " chosen" if bar.chosen else ""
    if not bar.href:
        return f'<g class="bar{chosen}">{"".join(drawn)}</g>'
    label = said + (" (chosen)" if bar.chosen else "")
    return (
        f'<a href="{escape(bar.href)}" rel="nofollow" class="bar{chosen}" data-year="{bar.year}" '
        f'aria-label="{label}">{"".join(drawn)}</a>'
    )


def table_row(bar: Bar, detail: bool) -> str:
    extra = f"<td>{bar.detail_value}</td>" if detail else ""
    return f'<tr><th scope="row">{bar.year}</th><td>{bar.count}</td>{extra}</tr>'


def short_count(value: int) -> str:
    """A count that fits above a bar: 950, 1.2k, 12k."""
    if value < 1000:
        return str(value)
    if value < 10_000:
        return f"{value / 1000:.1f}k".replace(".0k", "k")
    return f"{round(value / 1000)}k"


def year_histogram(rows: list[dict], params: QueryDict, chosen: dict) -> dict | None:
    """Memos per year for the list (`rows`: {value: year, n}), each bar a link.

    A bar sets `year`; with a year chosen, another bar sets `from` and `to` around both, so
    choosing two bars gives their range (also by dragging, static/js/site.js), and the chosen
    bar again removes it. `chosen` has the list's cleaned year, from and to, which the bars
    show as chosen; the counts ignore them, or the chart would shrink to the one chosen year.
    """
    years = year_span(rows)
    if not years:
        return None
    found = bars({r["value"]: r["n"] for r in rows}, years)
    year, start, end = chosen.get("year"), chosen.get("from"), chosen.get("to")
    undated = memo_list_urls(params, drop=DATE_PARAMETERS)
    for bar in found:
        if year:
            bar.chosen = bar.year == year
            if bar.chosen:
                bar.href = undated()
            else:
                first, last = sorted((year, bar.year))
                bar.href = undated(**range_values(first, last))
        else:
            bar.chosen = (
                bool(start or end)
                and (not start or start.year <= bar.year)
                and (not end or bar.year <= end.year)
            )
            bar.href = undated(year=bar.year)
        if not bar.count and not year:
            bar.href = ""  # nothing to see there; with a year chosen, it can still end a range
    return chart(found, "Memos per year", base_url=undated())


def range_values(first: int, last: int) -> dict:
    return {"from": f"{first:04d}-01-01", "to": f"{last:04d}-12-31"}


def mentions_chart(per_year: list[dict], country) -> dict | None:
    """A country's memos per year (`per_year`: year, memos, mentions), each bar a link to that year's list."""
    if not per_year:
        return None
    found = bars({r["year"]: r["memos"] for r in per_year}, [r["year"] for r in per_year])
    mentions = {r["year"]: r["mentions"] for r in per_year}
    link = memo_list_urls(QueryDict())
    for bar in found:
        bar.detail_value = mentions[bar.year]
        bar.detail = f"{bar.detail_value} mention{'' if bar.detail_value == 1 else 's'}"
        if bar.count:
            bar.href = link(country=country.code, year=bar.year)
    return chart(found, f"Memos mentioning {country.name}, per year", detail_title="Mentions")

"""A choropleth world map as inline SVG, drawn from pygal_maps_world's country shapes.

pygal_maps_world ships one SVG of the world (Kozea, the makers of pygal) with a group of paths
per country, classed by ISO code. Read as is, it is 780 KB; each page gets the outlines
simplified once per process (Ramer-Douglas-Peucker on a grid a third of its size), about 35 KB.
No tiles and no script: a country with memos is a link that adds it to the filters.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from lxml import etree
from svg.path import Close, Move, parse_path

SVG_NS = "{http://www.w3.org/2000/svg}"
SCALE = 3  # the package draws the world 2475 units wide; 825 is plenty for a page column
TOLERANCE = 0.5  # grid units a simplified outline may stray from the original
LEFT_OUT = {"AQ"}  # Antarctica: no memo is about it, and it would take a fifth of the height
SHADES = 5  # shade-1 .. shade-5 in site.css; shade-0 is a country without memos


@dataclass(frozen=True)
class WorldShapes:
    view_box: str
    paths: dict[str, str]  # ISO code -> SVG path data


def simplified(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Ramer-Douglas-Peucker: the fewest points that stay within `tolerance` of the line (iterative)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy)
        farthest, index = 0.0, first
        for i in range(first + 1, last):
            x, y = points[i]
            # A closed ring starts and ends on one point: distances from it, not from a line.
            if length > 1e-6:
                distance = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / length
            else:
                distance = math.hypot(x - x1, y - y1)
            if distance > farthest:
                farthest, index = distance, i
        if farthest > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def rings(path_data: str) -> list[list[tuple[float, float]]]:
    """The closed outlines of one SVG path, as the end points of its segments (curves become corners)."""
    found, ring = [], []
    for segment in parse_path(path_data):
        if isinstance(segment, Move):
            if ring:
                found.append(ring)
            ring = [segment.end]
        elif not isinstance(segment, Close):
            ring.append(segment.end)
    if ring:
        found.append(ring)
    return [[(p.real / SCALE, p.imag / SCALE) for p in r] for r in found]


def outline(ring: list[tuple[float, float]]) -> tuple[str, list[tuple[int, int]]]:
    """Path data for one ring on the integer grid (relative moves: short text), and its points."""
    points: list[tuple[int, int]] = []
    for x, y in simplified(ring, TOLERANCE):
        point = (round(x), round(y))
        if not points or points[-1] != point:
            points.append(point)
    if len(points) < 3:
        return "", []
    steps = " ".join(f"{b[0] - a[0]} {b[1] - a[1]}" for a, b in zip(points, points[1:], strict=False))
    return f"M{points[0][0]} {points[0][1]}l{steps}z".replace(" -", "-"), points


@cache
def world_shapes() -> WorldShapes:
    """Every country's simplified outline, read from the package once per process."""
    root = etree.fromstring(files("pygal_maps_world").joinpath("worldmap.svg").read_bytes())
    paths: dict[str, str] = {}
    xs, ys = [], []
    for group in root.iter(f"{SVG_NS}g"):
        classes = (group.get("class") or "").split()
        if "country" not in classes or classes[0].upper() in LEFT_OUT:
            continue
        parts = []
        for element in group.iter(f"{SVG_NS}path"):
            for ring in rings(element.get("d", "")):
                data, points = outline(ring)
                if data:
                    parts.append(data)
                    xs += [x for x, _ in points]
                    ys += [y for _, y in points]
        if parts:
            paths[classes[0].upper()] = "".join(parts)
    left, top = min(xs) - 2, min(ys) - 2
    return WorldShapes(f"{left} {top} {max(xs) - left + 2} {max(ys) - top + 2}", paths)


def shade(count: int, peak: int) -> int:
    """0 for none, else 1..SHADES on a log scale of `count` against `peak`: a few busy countries
    (Russia is named in 40% of memos) would otherwise leave every other one the palest shade."""
    if count <= 0 or peak <= 0:
        return 0
    if peak == 1:
        return SHADES
    return 1 + min(SHADES - 1, int((SHADES - 1) * math.log(count) / math.log(peak) + 0.5))


def memos(n: int) -> str:
    return f"{n} memo{'' if n == 1 else 's'}"


def choropleth(rows: list[dict], link: Callable[[str], str]) -> dict:
    """The map of `rows` ({value: code, label: name, n: memos}); `link(code)` is a country's href.

    Small enough to cache: what is drawn around each country with memos (a link, a shade, a
    title), and the table; drawn() adds the outlines, the same on every page. Written here
    rather than in a template: looping over 180 countries in Django's template language took
    a third of the list page's time. Countries without a shape are still in the table.
    """
    peak = max((r["n"] for r in rows), default=0)
    marks = {}
    for row in rows:
        if row["n"]:
            said = escape(f"{row['label']}: {memos(row['n'])}")
            marks[row["value"]] = (
                f'<a href="{escape(link(row["value"]))}" rel="nofollow" aria-label="{said}">'
                f'<path class="land shade-{shade(row["n"], peak)}" d="',
                f'"><title>{said}</title></path></a>',
            )
    table = (f'<tr><th scope="row">{escape(r["label"])}</th><td>{r["n"]}</td></tr>' for r in rows)
    return {
        "view_box": world_shapes().view_box,
        "marks": marks,
        "table": mark_safe("".join(table)),  # names escaped; numbers our own
        "rows": rows,
        "legend": legend(peak),
    }


def drawn(marks: dict[str, tuple[str, str]]) -> SafeString:
    """Every country's outline, inside what choropleth() put around it."""
    parts = []
    for code, path in world_shapes().paths.items():
        before, after = marks.get(code, ('<path class="land" d="', '"/>'))
        parts.append(f"{before}{path}{after}")
    return mark_safe("\n".join(parts))  # names escaped in choropleth(); paths our own


def legend(peak: int) -> list[tuple[int, int]]:
    """(shade, the fewest memos that get it) for each shade in use, palest first."""
    found = []
    for level in range(1, SHADES + 1):
        # shade() inverted; the neighbours of the rounded bound absorb floating-point error.
        bound = 1 if level == 1 else math.ceil(peak ** ((level - 1.5) / (SHADES - 1)))
        low = next((n for n in (bound - 1, bound, bound + 1) if n >= 1 and shade(n, peak) == level), None)
        if low is not None and low <= peak:
            found.append((level, low))
    return found

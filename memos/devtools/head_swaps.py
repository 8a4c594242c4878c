"""Head swaps: is a text dump's title and byline still found under another site's furniture?

Every dev page is tuned on, so its own furniture (menus, counters, captions above the title) is
known to the parser. A page nobody tuned on brings furniture nobody has seen. To estimate how
much of the choice rests on known furniture, each dev text dump's title and everything after it
is put under the lines above the title of other dev pages, and the title and authors are scored
again. The other page's lines that print its own title or authors are left out, since they would
be a second memo's title, not furniture.

Only pages in the dev split are used: the test split is measured, never tuned on, and this is a
tuning aid.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from memos.ingest.parse import parse_page
from memos.ingest.parsed import ParseError

from .evaluation import ANY, GoldPage, normalized


@dataclass
class Swappable:
    name: str
    head: list[str]  # the lines above the title, less those printing this page's title or authors
    rest: list[str]  # the title line and every line after it
    title: str
    authors: list[str] | None  # None: the byline is not all below the title, so it is not scored


def swappable(page: GoldPage) -> Swappable | None:
    """The page cut at its title line, or None when it is not a text dump whose title is one line."""
    title, authors = page.gold.get("title"), page.gold.get("authors")
    if page.split != "dev" or page.path.suffix != ".txt" or not isinstance(title, str) or title == ANY:
        return None
    lines = page.path.read_text(encoding="utf-8", errors="replace").splitlines()
    start = next((i for i, line in enumerate(lines) if normalized(line) == normalized(title)), None)
    if start is None:
        return None
    names = authors if isinstance(authors, list) else []
    own = [normalized(value) for value in (title, *names)]

    def foreign(line: str) -> bool:
        text = normalized(line) or ""
        return not any(mine in text or (len(text) > 15 and text in mine) for mine in own)

    above, below = "\n".join(lines[:start]), "\n".join(lines[start:])
    byline_below = isinstance(authors, list) and all(a in below and a not in above for a in authors)
    return Swappable(
        page.path.name,
        [line for line in lines[:start] if foreign(line)],
        lines[start:],
        title,
        authors if byline_below else None,
    )


def swaps(
    pages: Sequence[GoldPage], heads_per_page: int = 3, seed: int = 1
) -> Iterator[tuple[Swappable, Swappable]]:
    """(body, head) pairs: each page's body under the heads of `heads_per_page` others, drawn
    with a fixed seed so that two runs score the same pages."""
    cut = [s for s in map(swappable, pages) if s is not None]
    heads = [s for s in cut if len(s.head) >= 2]
    draw = random.Random(seed)
    for body in cut:
        others = [h for h in heads if h is not body]
        for head in draw.sample(others, min(heads_per_page, len(others))):
            yield body, head


def score_swaps(pages: Sequence[GoldPage], heads_per_page: int = 3) -> dict:
    """{"title": {"right", "total"}, "authors": {...}, "misses": [lines]} over every swap."""
    fields = {"title": {"right": 0, "total": 0}, "authors": {"right": 0, "total": 0}}
    misses = []
    for body, head in swaps(pages, heads_per_page):
        text = "\n".join(head.head + body.rest) + "\n"
        try:
            memo = parse_page(text.encode())
            found = {"title": memo.title, "authors": list(memo.authors)}
        except ParseError as exc:
            found = {"title": None, "authors": None, "error": str(exc)}
        for name, gold in (("title", body.title), ("authors", body.authors)):
            if gold is None:
                continue
            fields[name]["total"] += 1
            if normalized(found[name]) == normalized(gold):
                fields[name]["right"] += 1
            else:
                misses.append(
                    f"{body.name} under {head.name}: {name}: expected {gold!r}, got {found[name]!r}"
                )
    return {**fields, "misses": misses}

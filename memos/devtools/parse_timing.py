"""Parse-only speed: milliseconds per page for `parse_page` alone, on the same bytes, best of N rounds.

Time is the process's CPU time: on a machine other jobs share, it moves far less than the wall
clock does, and parsing does no I/O.

Each round starts with the parser's memo caches empty and parses every page once, as an import
does: parsing the same pages again would find every line already weighed and time the caches.

Run as a script with a checkout's root as the argument to time that checkout's parser:
`python memos/devtools/parse_timing.py /path/to/checkout [PAGE_DIR ...]`. The script imports the
parser of the checkout it is given, so two commits are timed with the same measuring code.

CPU time still moves with what else the machine runs. Instructions do not: `--rounds 0` parses
every page once (the warm-up) and stops, so under `valgrind --tool=callgrind` the instructions of
`--rounds 2` less those of `--rounds 0`, halved and divided by the pages, are one page's parse.
"""

from __future__ import annotations

import contextlib
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

PAGE_SUFFIXES = (".txt", ".html", ".htm")


def page_files(folders: Sequence[Path]) -> list[Path]:
    """Every page (not a gold file) under `folders`, in a fixed order."""
    return sorted(
        path
        for folder in folders
        for path in folder.rglob("*")
        if path.is_file() and path.suffix.lower() in PAGE_SUFFIXES
    )


def parser_caches() -> list:
    """The memo caches (functools.lru_cache) of the parser's modules, as loaded, each once (a
    module that imports another's cached function holds the same cache)."""
    found = {
        id(value): value
        for name, module in list(sys.modules.items())
        if name.startswith("memos.ingest")
        for value in vars(module).values()
        if hasattr(value, "cache_clear") and getattr(value, "__module__", "").startswith("memos.ingest")
    }
    return list(found.values())


def time_parsing(pages: Sequence[bytes], rounds: int = 5) -> dict:
    """ms per page: each round empties the parser's caches, then parses every page once; the best
    round counts."""
    from memos.ingest.parse import parse_page
    from memos.ingest.parsed import ParseError

    caches = parser_caches()

    def one_round() -> float:
        for cache in caches:
            cache.cache_clear()
        started = time.process_time()
        for data in pages:
            with contextlib.suppress(ParseError):  # a page that fails still costs its parse
                parse_page(data)
        return time.process_time() - started

    first = one_round()  # warms imports and compiled patterns
    best = min((one_round() for _ in range(rounds)), default=first)
    return {"pages": len(pages), "rounds": rounds, "ms_per_page": round(1000 * best / len(pages), 3)}


def main(argv: list[str]) -> None:
    rounds = 5
    if argv[:1] == ["--rounds"]:
        rounds, argv = int(argv[1]), argv[2:]
    root = Path(argv[0]).resolve()
    sys.path.insert(0, str(root))
    folders = [Path(p) for p in argv[1:]] or [root / "fixtures" / "pages", root / "tests" / "data" / "real"]
    pages = [path.read_bytes() for path in page_files(folders)]
    print(json.dumps({"checkout": str(root), **time_parsing(pages, rounds)}))


if __name__ == "__main__":
    main(sys.argv[1:])

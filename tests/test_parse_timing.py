"""parse_timing: the parser alone, timed on the same bytes (memos/devtools/parse_timing.py)."""

from memos.devtools.parse_timing import page_files, time_parsing

from .conftest import PAGES


def test_pages_are_timed_per_page_and_gold_files_left_out(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "a.txt.gold.json").write_text("{}")
    assert page_files([tmp_path]) == [tmp_path / "a.txt"]
    pages = [path.read_bytes() for path in page_files([PAGES])][:2]
    figures = time_parsing(pages, rounds=2)
    assert figures["pages"] == 2 and figures["rounds"] == 2
    assert figures["ms_per_page"] > 0


def test_each_round_starts_with_the_parsers_caches_empty(monkeypatch):
    """An import parses each page once: a round that found the lines of the round before in the
    caches would time the caches, not the parser."""
    from memos.ingest import fields

    pages = [path.read_bytes() for path in page_files([PAGES])][:3]
    cleared = []
    original = fields.parse_date.cache_clear
    monkeypatch.setattr(fields.parse_date, "cache_clear", lambda: cleared.append(1) or original())
    time_parsing(pages, rounds=2)
    assert len(cleared) == 3  # the warm-up round and the two timed ones


def test_no_timed_rounds_parses_each_page_once(monkeypatch):
    """`--rounds 0` is the warm-up alone: the baseline an instruction count subtracts."""
    from memos.ingest import parse

    pages = [path.read_bytes() for path in page_files([PAGES])][:3]
    parsed = []
    original = parse.parse_page
    monkeypatch.setattr(parse, "parse_page", lambda data: parsed.append(data) or original(data))
    figures = time_parsing(pages, rounds=0)
    assert parsed == pages and figures["rounds"] == 0

"""parse_timing: the parser alone, timed on the same bytes (memos/devtools/parse_timing.py)."""

from memos.devtools.parse_timing import page_files, time_parsing

from .conftest import PAGES


def test_pages_are_timed_per_page_and_gold_files_left_out(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "a.txt.gold.json").write_text("{}")
    assert page_files([tmp_path]) == [tmp_path / "a.txt"]
    pages = [path.read_bytes() for path in page_files([PAGES])][:2]
    figures = time_parsing(pages, rounds=2, repeat=1)
    assert figures["pages"] == 2 and figures["rounds"] == 2
    assert figures["ms_per_page"] > 0

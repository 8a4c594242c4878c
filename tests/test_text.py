"""Text dumps read line by line (memos/ingest/text.py)."""

import pytest

from memos.ingest.text import END_MARKERS, is_end_marker


@pytest.mark.parametrize(
    "line",
    ["Read more", "  Read more :  ", "Related articles:", "ВАМ ТАКЖЕ МОЖЕТ ПОНРАВИТЬСЯ",
     "вам также может понравиться   :", "Comments", "[PDF]", "Read more about it", "Print this page", "",
     "   ", "A paragraph of the memo, long enough."],
)  # fmt: skip
def test_is_end_marker_agrees_with_the_pattern(line):
    assert is_end_marker(line) == bool(END_MARKERS.match(line))

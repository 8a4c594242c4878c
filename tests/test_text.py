"""Text dumps read line by line (memos/ingest/text.py)."""

import pytest

from memos.ingest.fields import _HEADER_ONLY
from memos.ingest.text import END_MARKERS, KEYWORDS


@pytest.mark.parametrize("phrases", [END_MARKERS, KEYWORDS, _HEADER_ONLY])
@pytest.mark.parametrize(
    "line",
    ["Read more", "  Read more :  ", "Related articles:", "ВАМ ТАКЖЕ МОЖЕТ ПОНРАВИТЬСЯ",
     "вам также может понравиться   :", "Comments", "[PDF]", "Read more about it", "Print this page", "",
     "   ", "A paragraph of the memo, long enough.", "Keywords:", " ключевые слова ", "Key words about it",
     "Related Categories", "похожие темы:", "Tags and more"],
)  # fmt: skip
def test_a_phrase_line_agrees_with_its_pattern(phrases, line):
    # The length test before the pattern turns away only lines the pattern would turn away.
    assert phrases.matches(line) == bool(phrases.pattern.match(line))


def test_a_phrase_line_is_one_of_its_phrases_alone():
    assert END_MARKERS.matches("  Related posts : ")
    assert END_MARKERS.matches("[pdf]")
    assert not END_MARKERS.matches("Related posts about the region")
    assert KEYWORDS.matches("КЛЮЧЕВЫЕ СЛОВА:")
    assert not KEYWORDS.matches("Keywords of the memo")

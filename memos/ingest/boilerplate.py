"""Publisher boilerplate at the start of a summary: "(PONARS Eurasia Policy Memo) As a global…".

Pages open their first paragraph, and so their summary, with the series or publisher in
brackets; some declare the site's tagline as the page description. Neither says anything about
the memo. Pure functions, used where summaries are made (parse.py) and by Memo.standfirst.
"""

from __future__ import annotations

import re

# Words that make a bracketed lead-in the publisher or the series, whatever else it says.
PUBLISHER_WORDS = re.compile(
    r"\b(?:PONARS|policy\s+(?:memo|brief|paper|perspective|note)s?|memo|brief|commentary|analysis|"
    r"working\s+paper|series|press\s+release|institute|cent(?:er|re)|foundation|council|"
    r"program(?:me)?|university|endowment|review|report)\b"
    r"|аналитическ\w*\s+записк\w*|записк\w*|комментари\w*|институт\w*|центр\w*|фонд\w*",
    re.I,
)
# "(…)" or "[…]" opening the text, with an optional dash or colon after it.
LEAD_IN = re.compile(r"^\s*(?:\((?P<round>[^()\n]{2,100})\)|\[(?P<square>[^\[\]\n]{2,100})\])\s*[-–—:|]?\s*")
# A name in title case: capitalised words (or numbers), small joining words allowed.
SMALL_WORDS = {"of", "the", "for", "and", "on", "in", "at", "&", "de", "и", "по", "для"}
SENTENCE_END = re.compile(r"[.!?…][\"'”»)\]]*$")
TAGLINE_SEPARATOR = re.compile(r"\s[-–—|:]\s")


def _is_publisher(text: str) -> bool:
    if PUBLISHER_WORDS.search(text):
        return True
    words = text.split()
    if not 1 <= len(words) <= 8 or re.search(r"[,;!?]", text):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.casefold() in SMALL_WORDS for w in words)


def strip_boilerplate(text: str) -> str:
    """`text` without the publisher or series names in brackets that open it."""
    while True:
        m = LEAD_IN.match(text)
        if not m or not _is_publisher(m["round"] or m["square"]):
            return text
        text = text[m.end() :]


def is_tagline(summary: str, title: str = "") -> bool:
    """A site's name and slogan given as the page's description ("PONARS Eurasia - New Approaches
    to Research and Security in Eurasia"): short, no sentence, a name and a slogan apart."""
    text = summary.strip()
    if not text or SENTENCE_END.search(text) or len(text.split()) > 16:
        return False
    if title and text.casefold() in title.casefold():
        return False  # a subtitle, not the site
    return bool(TAGLINE_SEPARATOR.search(text)) and _is_publisher(TAGLINE_SEPARATOR.split(text)[0])


def clean_summary(summary: str, title: str = "") -> str:
    """A summary without boilerplate: "" when nothing but boilerplate was there."""
    summary = strip_boilerplate(summary or "").strip()
    return "" if is_tagline(summary, title) else summary

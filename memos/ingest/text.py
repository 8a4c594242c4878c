"""Text dumps of memo pages (like the seed): find the memo among the chrome and read it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import islice, pairwise

from .declared import first
from .fields import (
    BIO_VERB,
    DATE_MAX,
    DIGIT,
    INITIAL,
    KEYWORDS_LABEL,
    MARKED_BYLINE,
    MONTHS,
    Label,
    PhraseLine,
    byline_names,
    capitals_issue_opening,
    capitals_kind,
    cited_number,
    clean_space,
    credit_lead,
    date_at_start,
    described_kind,
    filed_in,
    footer_number,
    headed_names,
    is_role,
    journal_over_volume,
    kind_as_series,
    kind_opening_title,
    labelled_date,
    language_of,
    lead_names,
    looks_like_names,
    memo_number_of,
    month_number,
    parse_date,
    read_label,
    read_numbered,
    role_lead,
    series_before_quoted_title,
    split_authors,
    valid_value,
    without_opening,
)
from .given_names import PARTICLE, named_in_header
from .head import (
    COUNTER,
    CREDIT_START,
    DANGLING,
    PAGE_LOOKED_AT,
    SECTION_HEADINGS,
    TITLE_WORDS_MIN,
    Candidate,
    Head,
    addressed_opening,
    bare_names,
    byline_in_text,
    find_kind_label,
    find_numbered,
    find_pdf_name,
    has_credit_inside,
    is_part_heading,
    is_section_heading,
    names_after_by,
    previous_index,
    read_head,
    repeated_title,
)
from .parsed import Block, ParsedMemo, ParseError

# "+": lynx's second-level bullets. Asterisks in a row ("* * *") are a rule, an asterism, not a bullet.
_BULLET = re.compile(r"^\s*(?:[•·▪◦●+]|\*(?!\s+\*))\s+")
# Lines after which nothing belongs to the memo any more (related lists, footers).
END_MARKERS = PhraseLine(
    "[pdf]",
    "previous article",
    "next article",
    "you may also like",
    "related articles",
    "related posts",
    "related memos",
    "read more",
    "recommended",
    "share this",
    "print",
    "comment",
    "comments",
    "предыдущая статья",
    "следующая статья",
    "вам также может понравиться",
    "читайте также",
    "похожие материалы",
)


_CATEGORY_WORDS = re.compile(
    r"memo|commentary|analysis|report|brief|article|аналитика|комментари|записк|статьи", re.I
)
WRAP_MAX = 130
# "…read more" after a teaser's excerpt: the ellipsis tells a link from a sentence's own words.
MORE_LINKS = ("read more", "continue reading", "читать далее", "подробнее")
MORE_LINK = re.compile(r"\s*(?:…|\.\.\.)\s*(?:" + "|".join(MORE_LINKS) + r")\s*$", re.I)
MORE_LINK_ENDS = frozenset(link[-4:] for link in MORE_LINKS)  # the pattern runs only on these
# Prose: a paragraph long enough that menus, captions and lists never reach it.
PROSE_MIN = 120
HEADING_MAX_WORDS = 16


class Chunk:
    """Consecutive non-blank lines of the dump.

    What a chunk is gets asked again and again while a page is read, so it is worked out as
    lines are added (whether a line ends the memo) or once (its text).
    """

    __slots__ = ("start", "lines", "is_bullets", "is_label", "is_end_marker", "_text")

    def __init__(self, start: int, lines: list[str]):
        self.start = start  # index of its first line
        self.lines = list(lines)
        self._text: str | None = None
        self.is_end_marker = any(map(END_MARKERS.matches, lines))  # as add() works it out
        first = lines[0] if lines else ""
        self.is_bullets = bool(_BULLET.match(first))
        self.is_label = read_label(first) is not None

    def add(self, line: str) -> None:
        self.lines.append(line)
        self._text = None
        self.is_end_marker = self.is_end_marker or END_MARKERS.matches(line)

    @property
    def text(self) -> str:
        if self._text is None:
            lines = self.lines
            text = clean_space(
                without_opening(_BULLET, lines[0])
                if len(lines) == 1  # most chunks: one line, joined to nothing
                else " ".join(without_opening(_BULLET, line) for line in lines)
            )
            # An aggregator's teaser ends its excerpt with a link to the whole text: the link
            # is the site's, and the excerpt ends where the words before it do.
            if text[-4:].lower() in MORE_LINK_ENDS:
                text = MORE_LINK.sub("", text)
            self._text = text
        return self._text

    @property
    def is_prose(self) -> bool:
        # Indented text is prose too: lynx-style dumps indent every paragraph.
        return not (self.is_bullets or self.is_label or self.is_end_marker)

    def bullet_items(self) -> list[str]:
        """Bullet texts, each with its indented continuation lines."""
        items: list[str] = []
        for line in self.lines:
            if _BULLET.match(line) or not items:
                items.append(without_opening(_BULLET, line).strip())
            else:
                items[-1] += " " + line.strip()
        return [clean_space(part) for i in items if i.strip() for part in run_in_items(i)]


# A PDF's list run together on one line: "… fall short of the promises. * The customs posts add
# …". A marker right after a sentence's end opens the next item.
RUN_IN_BULLET = re.compile(r"(?<=[.!?])\s+[*•]\s+(?=[A-ZА-ЯЁ\d])")


def run_in_items(item: str) -> list[str]:
    if " * " not in item and " • " not in item:
        return [item]  # most items, cheaply
    return RUN_IN_BULLET.split(item)


@lru_cache(maxsize=4096)  # chunking asks about each line twice: as itself, then as the line before
def opens_with_date(line: str) -> bool:
    """A date line, or one a date opens: "Posted Aug 06, 2019 | Publisher, Author", or a news
    dateline's place in capitals before it: "MOSCOW, 28 November 2024, Agency"."""
    if parse_date(line):
        return True
    # No date without a figure: the split is not worth making.
    if not DIGIT.search(line):
        return False
    line = line.strip()
    place = PLACE_FIRST.match(line)
    return bool(date_at_start(DATELINE_PARTS.split(line[place.end() if place else 0 :], maxsplit=1)[0]))


DATELINE_PARTS = re.compile(r"\s+[|·•–—-]\s+")
# The place a news dateline opens with, in capitals: "MOSCOW, ", "НУР-СУЛТАН, ".
PLACE_FIRST = re.compile(r"[A-ZА-ЯЁ][A-ZА-ЯЁ.\- ]{2,30},\s+")
LETTER_OR_DIGIT = re.compile(r"[^\W_]")
WORDLESS_MAX = 40


def chunks_of(lines: list[str]) -> list[Chunk]:
    chunks: list[Chunk] = []
    current: Chunk | None = None
    for i, line in enumerate(lines):
        if not line or line.isspace():  # blank (str.isspace makes no stripped copy)
            current = None
            continue
        # A bullet or a marker starts a chunk of its own kind even without a blank line before it.
        if current is None or current.is_end_marker or current.is_label:
            starts_new = True
        elif current.is_bullets:
            # Indented lines continue a bullet; anything else ends the list.
            starts_new = not (_BULLET.match(line) or line.startswith(("  ", "\t")))
        else:
            # Plain lines join only as a hard-wrapped paragraph: the line before is long.
            previous = len(current.lines[-1].strip())
            starts_new = (
                bool(_BULLET.match(line))
                # Hard-wrapped lines are 50 to about 120 characters long; a longer line is a
                # paragraph of its own (a dump that keeps each paragraph on one line).
                or not 50 <= previous <= WRAP_MAX
                or bool(END_MARKERS.matches(line) or read_label(line) or opens_with_date(line))
                or opens_with_date(current.lines[-1])
                or looks_like_names(line)
                or is_byline_start(line)
                # Nor does a byline run on into the paragraph under it.
                or is_byline_start(current.lines[-1])
                # Nor does a strip of rubrics or a menu, a few words between each bar and the next.
                or is_label_strip(current.lines[-1])
                # A caption or a credit under a paragraph is not its continuation ("Photo: …").
                or bool(CREDIT_START.match(line.strip()))
                # Nor is a line without a word: an arrow, a rule ("←", "—", "* * *"), short.
                or len(line) < WORDLESS_MAX
                and not LETTER_OR_DIGIT.search(line)
                # Nor a heading or a counter on a line of its own: "Abstract", "5 min read".
                or len(line) < STANDALONE_MAX
                and is_standalone_line(line)
            )
        if starts_new:
            current = Chunk(i, [line])
            chunks.append(current)
        else:
            current.add(line)
    return chunks


# Between the labels of a strip: a bar, or a dash or a dot set apart ("5 min read — Analysis | Trade").
LABEL_STRIP_PARTS = re.compile(r"\s*\|\s*|\s+[–—·]\s+")
LABEL_STRIP_PARTS_MIN = 3
LABEL_WORDS_MAX = 3


def is_label_strip(line: str) -> bool:
    """Three labels or more between bars (or dashes), each of a few words: a menu, a post's rubrics."""
    if "|" not in line:
        return False  # most lines, cheaply
    parts = LABEL_STRIP_PARTS.split(line.strip())
    return len(parts) >= LABEL_STRIP_PARTS_MIN and all(
        0 < len(part.split()) <= LABEL_WORDS_MAX for part in parts
    )


STANDALONE_MAX = 30  # characters: a section heading or a reading time, never a wrapped line's end


def is_standalone_line(line: str) -> bool:
    """A generic section heading ("Abstract", "Introduction") or a counter ("5 min read"): a line
    that stands alone even right under a line long enough to wrap."""
    line = line.strip()
    return line[:1].isupper() and is_section_heading(line) or bool(COUNTER.match(line))


def heading_run_on(chunk: Chunk) -> bool:
    """Whether the chunk's first line is a heading of its own: a short line that does not end as a
    sentence does (a lede's does), and under it a line longer than any wrap (a paragraph the dump
    printed on one line, no blank line between)."""
    first = chunk.lines[0].strip()
    return (
        len(chunk.lines) > 1
        and len(first) <= WRAP_MAX
        and not first.endswith(".")
        and len(chunk.lines[1]) > 2 * WRAP_MAX
    )


def is_byline_start(line: str) -> bool:
    """A short line that a byline's "By" opens ("By staff reporter JIAO FENG"), not a sentence; or
    a longer one of names ("Article by: A with B C")."""
    line = line.strip()
    if not MARKED_BYLINE.match(line):
        return False
    if len(line.split()) <= 6:
        return not has_sentence(line)
    return len(line) < PROSE_MIN and bool(byline_names(line))


def _list_item_like(item: str) -> bool:
    return len(item) >= 30 and not parse_date(item) and not looks_like_names(item)


# A full stop, a question or an exclamation mark; an ellipsis is where a dump cut a line short.
# (The mark first, the look behind it after: a pattern that opens with a character class is
# searched for that class, not tried at every character.)
SENTENCE_END = re.compile(r"[.!?](?<![.…].)(?![.…])[\"'”»)\]]*(?:\s|$)")


def has_sentence(text: str) -> bool:
    return bool(SENTENCE_END.search(text))


def is_paragraph(chunk: Chunk) -> bool:
    """Sentences: one ends inside it; and a single line of under 200 characters ends with one
    (a long title may have a question mark inside: "Playing Field or Battle Field? Defining …")."""
    text = chunk.text
    if len(chunk.lines) == 1 and len(text) < 200 and not has_sentence(text[-3:]):
        return False
    return has_sentence(text)


def is_cut_off(chunk: Chunk) -> bool:
    """A paragraph the dump cut off mid-sentence where the page ends: a sentence inside it, and
    running text (not a title's words) up to its last word. The sentence the dump cut may tell on
    its own where the whole reads as names (a bio's institute and academy in capitals)."""
    text = chunk.text
    ends = list(SENTENCE_END.finditer(text))
    return bool(ends) and (is_running_text(text) or is_running_text(text[ends[-1].end() :]))


def head_units(chunks: list[Chunk]) -> list[tuple[int, int, str]]:
    """(first line, last line, text) of the chunks above the body that may hold the title.

    Menus and lists (bullets) never hold it. Four or more lines that run on without a sentence
    in them are no paragraph, nor a title in capitals over another line (capitals_over_line): a
    dump may run a list of names into the title's first line, so each line counts on its own
    (the lines of shorter chunks are candidates too, see head._candidates).
    """
    units = []
    for k, c in enumerate(chunks):
        if c.is_bullets:
            # The one item of a list, a date under it right over the body: a listing's entry for
            # the memo it shows ("• <Title>", then "25.04.2022"), its title.
            if len(c.lines) == 1 and k == len(chunks) - 2 and parse_date(chunks[-1].text):
                units.append((c.start, c.start, clean_space(without_opening(_BULLET, c.lines[0]))))
            continue
        if len(c.lines) > 3 and not has_sentence(c.text) or capitals_over_line(c):
            units += [(c.start + k, c.start + k, clean_space(line)) for k, line in enumerate(c.lines)]
        else:
            units.append((c.start, c.start + len(c.lines) - 1, c.text))
    return capitals_joined(units)


CAPITALS_TITLE_WORDS = 3  # a rubric in capitals over the title ("ANALYSIS") is shorter


def capitals_over_line(chunk: Chunk) -> bool:
    """Two lines, a title in capitals and a line not in capitals: capitals set the title off from
    the byline or the dek a dump runs under it without a blank line."""
    first, second = chunk.lines if len(chunk.lines) == 2 else ("", "")
    return first.isupper() and not second.isupper() and len(first.split()) >= CAPITALS_TITLE_WORDS


def capitals_joined(found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The units, those in capitals on lines one after another joined into one where a line of
    them plainly goes on (a colon, a comma or a small word last): a cover sets its title in
    capitals broken over lines ("AFGHANISTAN:", "A FIELD OF", "REGIONAL", "COOPERATION"); a menu
    or a cover's labels in capitals ("REVIEW PAPER" over the title) do not run on so."""
    units: list[tuple[int, int, str]] = []
    run: list[tuple[int, int, str]] = []
    for unit in [*found, (-2, -2, "")]:
        if run and unit[2].isupper() and run[-1][2].isupper() and run[-1][1] == unit[0] - 1:
            run.append(unit)
            continue
        if len(run) > 1 and any(goes_on(text) for _, _, text in run[:-1]):
            units.append((run[0][0], run[-1][1], " ".join(text for _, _, text in run)))
        else:
            units += run
        run = [unit]
    return units


def goes_on(line: str) -> bool:
    """Whether a line of a title broken over lines plainly goes on on the next one."""
    return line.endswith((":", ",", "-", "–")) or line.rsplit(" ", 1)[-1].casefold() in DANGLING


def is_running_text(text: str) -> bool:
    """Words of a sentence, not a caption's or a menu's: six or more, most in lower case. A word
    that opens a sentence after another, or a name in quotation marks («Мегафон»), has a capital
    whatever the text is, and is not counted."""
    words = text.split(maxsplit=30)[:30]  # the opening words tell
    if len(words) < 6:
        return False
    # The words' first letters, counted in one go (str.split gives no empty word).
    lower = sum(map(str.islower, [w[0] for w in words[1:]]))
    if lower > len(words) / 2:
        return True  # most running text, cheaply
    capital_anyway = sum(
        before.endswith((".", "!", "?")) and word[:1].isupper() or word[:1] in '«“"'
        for before, word in pairwise(words)
    )
    return lower > (len(words) - capital_anyway) / 2


# The pages of an article in its journal: "С. 68-73", "P. 101—114", "pp. 5-9".
PAGE_RANGE = re.compile(r"(?<!\w)(?:С|P|pp?|S)\.\s?\d{1,4}\s?[-–—]\s?\d{1,4}\b")


def is_running_head(chunk: Chunk) -> bool:
    """A journal article's running head, its citation on one line: "<Journal>. 2023. № 1 (74).
    С. 68-73." Its full stops read as sentences, its words as no prose (see is_running_text)."""
    text = chunk.text
    return (
        len(chunk.lines) == 1
        and len(text) <= RUNNING_HEAD_MAX
        and bool(PAGE_RANGE.search(text))
        and not is_running_text(text)
    )


RUNNING_HEAD_MAX = 300  # characters: a longer line is a page's whole text run together
# A time of day on a line of its own: "6:09 PM", "14:05".
TIME_LINE = re.compile(r"\d{1,2}:\d\d(?:\s?[AP]M)?", re.I)


def is_time_of_day(chunk: Chunk) -> bool:
    """A time on a line of its own: in a site's feed of news beside the memo, the item under it is
    other news, never the start of the memo's body."""
    return len(chunk.lines) == 1 and len(chunk.text) <= 8 and bool(TIME_LINE.fullmatch(chunk.text.strip()))


def _sentence_list(chunk: Chunk, ends_page: bool) -> bool:
    return are_sentences(chunk.bullet_items(), ends_page)


def are_sentences(items: list[str], ends_page: bool) -> bool:
    """List items that are sentences, the last one cut short only where the page ends."""
    ended = [has_sentence(item[-3:]) for item in items]
    return all(ended[:-1]) and (ended[-1] or ends_page and len(ended) > 1)


def is_sentence_list(items: list[str], ends_page: bool) -> bool:
    """A memo told in list items of sentences and no paragraph (a report's key findings): each
    long enough for a sentence, and together as long as prose (see sentence_list_body)."""
    return (
        all(_list_item_like(item) for item in items)
        and are_sentences(items, ends_page)
        and sum(map(len, items)) >= PROSE_MIN
    )


def find_body(chunks: list[Chunk]) -> tuple[int, int]:
    """The [start, end) chunk range of the memo's body: the heaviest run of prose.

    Short chunks (section headings) and lists of sentence-like bullets may sit inside
    a run; menus, labels and related-article lists end it.
    """
    best, best_weight = (0, 0), 0
    i = 0
    while i < len(chunks):
        # A run starts with a paragraph of sentences, not a long line of names or a title.
        if not (
            chunks[i].is_prose
            and len(chunks[i].text) >= PROSE_MIN
            and (is_paragraph(chunks[i]) or i == len(chunks) - 1 and is_cut_off(chunks[i]))
            and not is_running_head(chunks[i])
            and not (i and is_time_of_day(chunks[i - 1]))
        ):
            i += 1
            continue
        j, weight = i, 0
        while j < len(chunks):
            c = chunks[j]
            if c.is_prose:
                size = len(c.text)
                weight += size if size >= PROSE_MIN else 0
            elif keywords_between(chunks, j):
                pass  # an article's abstract goes on into its first section
            elif not (
                c.is_bullets
                and all(_list_item_like(item) for item in c.bullet_items())
                # Prose goes on after the list, or the list is of sentences (a list of links
                # that ends a page has titles, without a full stop).
                and (
                    j + 1 < len(chunks) and chunks[j + 1].is_prose or _sentence_list(c, j == len(chunks) - 1)
                )
            ):
                break
            j += 1
        # Trailing short chunks belong to what follows (captions, "View"), not to the body; where
        # nothing follows, a phrase of running text is the body cut short by the dump.
        cut_short = j == len(chunks) and is_running_text(chunks[j - 1].text)
        while not cut_short and j > i and len(chunks[j - 1].text) < PROSE_MIN and chunks[j - 1].is_prose:
            j -= 1
        if weight > best_weight:
            best, best_weight = (i, j), weight
        i = max(j, i + 1)
    if best_weight == 0:
        return sentence_list_body(chunks)
    return under_header(chunks, *best), best[1]


# (A dash may stand for the colon: "Keywords – a; b; c".)
KEYWORDS_OPENING = re.compile(rf"\s*{KEYWORDS_LABEL}(?:\s*[:.]|\s+[–—-]\s)", re.I)


SECTION_NUMBER = re.compile(r"^\s*\d{1,2}\.?\s+")


def keywords_between(chunks: list[Chunk], k: int) -> bool:
    """An article's keywords line between its abstract and the heading of its first section: the
    text goes on under it."""
    return (
        0 < k < len(chunks) - 2
        and len(chunks[k].lines) <= 2
        and bool(KEYWORDS_OPENING.match(chunks[k].lines[0]))
        and chunks[k + 1].is_prose
        # The heading may be numbered: "1. Introduction".
        and is_section_heading(SECTION_NUMBER.sub("", chunks[k + 1].text, count=1))
    )


def marked_names(text: str) -> list[str] | None:
    """The names of a "By" line, which may give the post and the issue after bars: "By A |
    Professor, … | Issue 4, 2018"."""
    return byline_names(text) or (byline_names(text.split(" | ", 1)[0]) if " | " in text else None)


HEADER_CHUNKS = 5  # short chunks between a notice and the prose: a rubric, the title, the byline


def under_header(chunks: list[Chunk], start: int, end: int) -> int:
    """The body's start, moved down where the run opens with one paragraph and then, in short
    chunks of their own, a title and its "By …" line over the rest of the prose: the paragraph
    is the page's (a disclaimer, a notice of support), not the memo's."""
    for k in range(start + 1, min(end - 1, start + 1 + HEADER_CHUNKS)):
        c = chunks[k]
        if len(c.text) >= PROSE_MIN:
            return start  # prose before any byline: the run is the memo's
        if len(c.lines) == 1 and c.text[:1] in "BbAaWwPp" and MARKED_BYLINE.match(c.text) and k > start + 1:
            title = chunks[k - 1]
            if len(title.lines) == 1 and marked_names(c.text):
                return k + 1
    return start


def sentence_list_body(chunks: list[Chunk]) -> tuple[int, int]:
    """The [start, end) chunk range of a memo told in a list of sentences and no paragraph (a
    digest's highlights, or a page cut off before its prose): the longest such list."""
    lists = [
        (sum(len(item) for item in c.bullet_items()), k)
        for k, c in enumerate(chunks)
        if c.is_bullets
        and all(_list_item_like(item) for item in c.bullet_items())
        and _sentence_list(c, k == len(chunks) - 1)
    ]
    if not lists or max(lists)[0] < PROSE_MIN:
        contents = contents_body(chunks) or cut_under_head(chunks)
        if contents is None:
            raise ParseError("no memo text found (no paragraphs of prose)")
        return contents
    k = max(lists)[1]
    return k, k + 1


# A report's table of contents, an entry a line: its number, its heading, the page it starts on
# ("3. History of the Region. 4", the dump may glue the page to the heading: "Overview:6").
CONTENTS_ENTRY = re.compile(r"\s*\d{1,3}\.\s+\S.*?\D\s?(?P<page>\d{1,3})\s*")
CONTENTS_MIN = 5  # entries: fewer are a list of anything numbered
# Under a heading that names it ("In This Issue", "Contents"), a journal issue's contents need
# no numbers: "<Paper's title> <Author> 24". The heading says the figures are pages.
CONTENTS_HEADING = re.compile(
    r"\s*(?:[•·]\s*)?(?:(?:table of )?contents|in this issue|содержание|оглавление)\s*", re.I
)
UNNUMBERED_ENTRY = re.compile(r"\s*\S.*?\D\s?(?P<page>\d{1,3})\s*")


def cut_under_head(chunks: list[Chunk]) -> tuple[int, int] | None:
    """The last chunk's range, where a dump ends with a memo's head and the first words of its
    body, cut off: a title, its "By" line and its date, each a line of its own, then a fragment
    shorter than a paragraph. The head alone says what the memo is."""
    if len(chunks) < 4 or len(chunks[-1].text) >= PROSE_MIN:
        return None
    title, first, second, _ = chunks[-4:]
    if any(len(c.lines) != 1 for c in (title, first, second)) or len(title.text) >= PROSE_MIN:
        return None
    byline, dated = (first, second) if MARKED_BYLINE.match(first.text) else (second, first)
    if MARKED_BYLINE.match(byline.text) and marked_names(byline.text) and date_at_start(dated.text):
        return len(chunks) - 1, len(chunks)
    return None


def contents_body(chunks: list[Chunk]) -> tuple[int, int] | None:
    """The [start, end) chunk range of a report's page that gives its table of contents and no
    prose (a summary page cut off above the text): the longest run of entries, their pages in
    order. The headings name what the report is about."""
    best: tuple[int, int] | None = None
    k = 0
    while k < len(chunks):
        j, pages = k, []
        headed = (
            k > 0 and len(chunks[k - 1].lines) == 1 and CONTENTS_HEADING.fullmatch(chunks[k - 1].lines[0])
        )
        entry = UNNUMBERED_ENTRY if headed else CONTENTS_ENTRY
        while j < len(chunks) and (entries := [entry.fullmatch(line) for line in chunks[j].lines]):
            if not all(entries):
                break
            pages.extend(int(m["page"]) for m in entries)
            j += 1
        in_order = all(a <= b for a, b in pairwise(pages))
        if len(pages) >= CONTENTS_MIN and in_order and (best is None or j - k > best[1] - best[0]):
            best = (k, j)
        k = max(j, k + 1)
    return best


def with_summary(chunks: list[Chunk], start: int) -> int:
    """The body's start, moved up over a list of sentences right above it that sums the memo up
    under its title ("• Tajikistan has signed …", "• Despite …"): the memo's, not the page's."""
    if start < 2 or not chunks[start - 1].is_bullets:
        return start
    bullets = chunks[start - 1]
    items = bullets.bullet_items()
    if len(items) < 2 or not all(_list_item_like(i) for i in items) or not _sentence_list(bullets, False):
        return start
    above = chunks[start - 2]
    return start - 1 if not above.is_bullets and len(above.text) < PROSE_MIN else start


@dataclass
class Header:
    title: str
    title_chunk: int
    category: str | None = None
    authors: list[str] | None = None
    published: object = None


def find_header(chunks: list[Chunk], body_start: int) -> Header:
    """Walk back from the body over bylines and dates to the title, and the category above it."""
    authors: list[str] | None = None
    published = None
    k = body_start - 1
    while k >= 0:
        c = chunks[k]
        # A value on the line under its label ("Author:" then "A and B") goes with the label.
        above = read_label(chunks[k - 1].lines[-1]) if k > 0 else None
        if above and not above.value and len(c.lines) == 1 and valid_value(above.field, c.text):
            if above.field == "authors" and authors is None:
                authors = byline_names(c.text)
            elif above.field == "published" and published is None:
                published = parse_date(c.text)
            k -= 2
            continue
        if is_section_heading(c.text) or is_part_heading(c.text):
            k -= 1  # "Introduction", "Part 1, …" opens the body: the title is above it
            continue
        if is_caption(c, chunks[k - 1] if k > 0 else None):
            k -= 1  # a picture's caption or credit between the title and the body
            continue
        if is_share_row(c.text):
            k -= 1  # the page's buttons to pass the memo on, between the title and the body
            continue
        items = c.bullet_items() if c.is_bullets else [c.text]
        label = read_label(c.lines[0])
        consumed = True
        for item in items:
            if label and label.field in ("authors", "published"):
                value = label.value or (c.lines[1].strip() if len(c.lines) > 1 else "")
                if label.field == "authors" and value and authors is None:
                    authors = split_authors(value)
                elif label.field == "published" and published is None:
                    published = parse_date(value)
                break
            if parse_date(item):
                published = published or parse_date(item)
            elif looks_like_names(item) and authors is None:
                authors = split_authors(item)
            elif authors and item.endswith((",", " and", " &")) and looks_like_names(item):
                authors = split_authors(item) + authors  # a long byline broken over lines: "A, B," "C and D"
            elif MARKED_BYLINE.match(item) and marked_names(item) and authors is None:
                authors = marked_names(item)  # "By A. Author, Senior Fellow at …"
            elif label is None and not c.is_bullets and len(item.split()) <= 30:
                consumed = False
            else:
                consumed = c.is_bullets or c.is_label
        if not consumed:
            break
        k -= 1
    if k < 0:
        return Header(title="", title_chunk=-1, authors=authors, published=published)
    return Header(title=chunks[k].text, title_chunk=k, authors=authors, published=published)


def is_caption(chunk: Chunk, above: Chunk | None) -> bool:
    """A picture's caption or credit: "Aktau port © A. Photographer / Wikimedia Commons", or
    "Photo" then "agency.org" on the line under it. (A line "©" opens is the page's imprint.)"""
    text = chunk.text
    if CREDIT_START.match(text) and text[0] != "©" or has_credit_inside(text) or " © " in text:
        return True
    # The credit under a bare "Photo" label; a label with its value ("Photo: Reuters") is whole.
    bare_label = above is not None and " " not in above.text.strip() and bool(CREDIT_START.match(above.text))
    return bare_label and len(chunk.lines) == 1 and len(text.split()) <= 3


# The buttons a page sets under a title to pass the memo on: "EMAIL", "Share Tweet Print".
SHARE_WORDS = frozenset(("email", "e-mail", "share", "tweet", "print", "facebook", "twitter", "x", "linkedin",
                         "whatsapp", "telegram", "reddit", "vk", "поделиться", "печать"))  # fmt: skip
SHARE_ROW_MAX = 60  # characters: a row of a few buttons


def is_share_row(text: str) -> bool:
    return 0 < len(text) <= SHARE_ROW_MAX and all(
        word in SHARE_WORDS for word in text.casefold().replace(",", " ").replace("|", " ").split()
    )


LANGUAGE_CODE_MAX = 3


# Words over a type label that say only that the item is one: "Publication | Policy Brief".
GENERIC_KINDS = frozenset(("publication", "publications", "resource", "resources", "content type", "type",
                           "публикация", "публикации", "материал", "материалы"))  # fmt: skip
# A figure that stands alone: a number or a date, not a name's digit ("U4", "G7").
FIGURE = re.compile(r"(?<![^\W\d_])\d")


def category_above(lines: list[str], title_line: int) -> str | None:
    """The category printed on the line above the title, often the tail of a bullet list.

    "Policy Memos | Аналитика" and "U.S.-Russia Insight" are categories; "Home » Policy Memos »",
    menus and labels are not.
    """
    k = previous_index(lines, title_line, reach=None)
    above = clean_space(without_opening(_BULLET, lines[k])) if k is not None else ""
    parts = above.split("|")
    if len(parts) == 2 and parts[0].strip().casefold() in GENERIC_KINDS:
        parts = parts[1:]  # "Publication | Policy Brief": the kind is the part after the word
    if (
        above
        and not read_label(above)
        # Capitals under capitals are a cover's title over its subtitle, not a section's name.
        and not (
            above.isupper() and (j := previous_index(lines, k, reach=None)) is not None and lines[j].isupper()
        )
        and not FIGURE.search(above)  # a number or a date: read_numbered's
        and len(above.split()) <= 8
        and len(parts) <= 2
        and not re.search(r"[»›>]", above)
        and ("|" in above or _CATEGORY_WORDS.search(above))
        # A language switch, "Eng | Рус": the parts are abbreviations of a few letters.
        and not all(len(part.strip()) <= LANGUAGE_CODE_MAX for part in parts)
        # The page's title line, "<Headline> | By <Author>" over the headline, names no section.
        and clean_space(parts[0]).casefold() != clean_space(lines[title_line]).casefold()
    ):
        return clean_space(parts[0])
    return None


def read_labels(lines: list[str], start: int, stop_at_markers: bool = True) -> dict[str, object]:
    """Label/value pairs ("Memo #: 540", or "Memo #:" then "540") from line `start` on.

    Reading stops at the related-article lists that follow a memo, so their fields never
    leak in (HTML pages, whose chrome is already gone, read to the end). A label with no
    value on its line takes the next line only when that line is a plausible value for it:
    empty labels stay empty.
    """
    found: dict[str, object] = {}
    i = start
    while i < len(lines):
        line = lines[i]
        if not line or line.isspace():
            i += 1
            continue  # a blank line is no marker and no label: a third of a dump's lines
        if stop_at_markers and END_MARKERS.matches(line) and not re.match(r"^\s*\[pdf\]\s*$", line, re.I):
            break
        opening = line[:12]
        label = (
            read_label(line)
            or (memo_from(lines, i) if "ROM" in opening or "rom" in opening else None)
            or (KEYWORDS_HEADING if KEYWORDS.matches(line) or glued_keywords(line) else None)
        )
        i += 1
        if not label:
            continue
        if label.field == "topics":
            topics, i = _read_list(lines, i, label.value)
            if not topics and label is KEYWORDS_HEADING:
                topics = keywords_above(lines, i - 1, start)
            found.setdefault("topics", topics)
            continue
        value = label.value
        if not value:
            j = i
            while j < len(lines) and not lines[j].strip():
                j += 1
            candidate = clean_space(without_opening(_BULLET, lines[j])) if j < len(lines) else ""
            if valid_value(label.field, candidate):
                value, i = candidate, j + 1
        if value and label.field not in found:
            found[label.field] = value
    return found


# A journal's keywords heading on a line of its own, over a line of them between commas. Not a
# label that ends the body: it may sit between the abstract and the text. A journal may close the
# heading with a full stop where others set a colon.
KEYWORDS = PhraseLine("keywords", "key words", "ключевые слова", "keywords.", "key words.", "ключевые слова.")
KEYWORDS_HEADING = Label("topics", "")
# The heading run onto the end of the line above it, as a journal page's text may run a DOI and
# the heading together: "https://doi.org/10.1234/x.2024.1.004Keywords:".
GLUED_KEYWORDS = re.compile(rf"\S{KEYWORDS_LABEL}\s*:$", re.I)


def glued_keywords(line: str) -> bool:
    return line[-1:] == ":" and bool(GLUED_KEYWORDS.search(line))


KEYWORDS_LOOK_BACK = 20  # lines


def keywords_above(lines: list[str], heading: int, start: int) -> list[str]:
    """The keywords of a heading with none under it: a PDF's layout may set the heading apart
    from its box, whose line of short phrases between bars or commas stands above it ("Trade |
    Ukraine | Central Asia", then the abstract, then "keywords")."""
    for k in range(heading - 1, max(start, heading - KEYWORDS_LOOK_BACK) - 1, -1):
        line = lines[k]
        if " | " in line:
            parts = [clean_space(part) for part in line.split(" | ")]
        elif "," in line:
            parts = comma_list(line)
        else:
            continue
        # Three or more, none a figure: not a byline's names, nor a header's issue and date.
        if (
            len(parts) >= 3
            and all(part and len(part.split()) <= TAG_WORDS_MAX and not DIGIT.search(part) for part in parts)
            and not looks_like_names(line)
        ):
            return parts
    return []


# A memorandum's header: "TO: <addressees>", "FROM: <authors>", "DATE:", "SUBJECT:".
_MEMO_FROM = re.compile(r"^\s*from\s*:\s*(?P<names>\S.*?)\s*$", re.I)
_MEMO_TO = re.compile(r"^\s*to\s*:\s*\S", re.I)


def memo_from(lines: list[str], i: int) -> Label | None:
    """The authors a memorandum's "FROM:" line names, beside its "TO:" line (alone, "From:" may
    name a source)."""
    m = _MEMO_FROM.match(lines[i])
    if not m or not looks_like_names(m["names"]):
        return None
    near = (line for line in lines[max(0, i - 3) : i + 4] if line.strip())
    return Label("authors", clean_space(m["names"])) if any(_MEMO_TO.match(line) for line in near) else None


_MEMO_SUBJECT = re.compile(r"^\s*(?:subject|re)\s*:\s*(?P<subject>\S.*?)\s*$", re.I)


def memo_subject(lines: list[str], start: int, end: int) -> str | None:
    """What a memorandum's "SUBJECT:" line says it is about, beside its "TO:" line, between lines
    `start` and `end`: the memo's own opening words, not the page's."""
    for i in range(start, end):
        m = _MEMO_SUBJECT.match(lines[i]) if ":" in lines[i][:10] else None
        near = (line for line in lines[max(0, i - 5) : i + 4] if line.strip())
        if m and any(_MEMO_TO.match(line) for line in near):
            return clean_space(m["subject"])
    return None


SECTION_HEADING_MAX = 40  # characters: a longer line is no bare heading, and is not matched


def _read_list(lines: list[str], i: int, inline: str) -> tuple[list[str], int]:
    if inline:
        # The full stop that closes the list is no part of its last item, unless it ends an
        # abbreviation ("U.S.").
        if inline.endswith(".") and "." not in inline[:-1].rsplit(" ", 1)[-1]:
            inline = inline[:-1]
        items = [t.strip() for t in re.split(r"\s*[,;]\s*", inline) if t.strip()]
        # A list that ends with its separator goes on under it: a PDF's text breaks a long
        # "Keywords: a, b, c," line where the page's column ended.
        while inline.endswith((",", ";")) and i < len(lines):
            inline = lines[i].strip()
            more = short_tags(inline[:-1] if inline.endswith(".") else inline)
            if not more or is_section_heading(inline):
                break
            items += more
            i += 1
        return items, i
    items: list[str] = []
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            if items:
                break
            i += 1
            continue
        if (
            END_MARKERS.matches(line)
            or read_label(line)
            # An empty label's next line may be the heading that follows it: "Keywords", "Abstract".
            or (len(line) <= SECTION_HEADING_MAX and SECTION_HEADINGS.match(clean_space(line)))
            # or the label of the next field, its colon after it: "Keywords:" then "Period:".
            or not items
            and line.rstrip().endswith(":")
            and not _BULLET.match(line)
            or not _BULLET.match(line)
            and items
            and (len(line.split()) > 6)
        ):
            break
        if not items and not _BULLET.match(line) and ("," in line or " / " in line):
            # "China, Central Asia, great powers." (or "CHINA / CENTRAL ASIA") under its label:
            # one line of short items between commas or slashes is a list too, as no sentence
            # is written that way.
            listed = comma_list(line)
            if listed:
                return listed, i + 1
        if not _BULLET.match(line) and len(line.split()) > 6:
            break
        # "Russia; Putin; Medvedev" on the line under its label is a list too.
        items += [t for t in (clean_space(part) for part in without_opening(_BULLET, line).split(";")) if t]
        i += 1
    return items, i


TAG_WORDS_MAX = 4


# The heading of what follows run onto a list's last item, as a journal page's text may run
# them together: "…, trade policyAbstract".
GLUED_HEADING = re.compile(r"(?<=[a-zа-яё])(?:Abstract|Introduction|Summary|Аннотация|Введение|Резюме)$")


def comma_list(line: str) -> list[str]:
    """The items of a line of short phrases between commas (or semicolons, or slashes set
    apart by spaces), else []."""
    line = GLUED_HEADING.sub("", line.strip().rstrip("."))
    parts = [clean_space(part) for part in re.split(r"[,;]|\s/\s", line)]
    if len(parts) < 2 or not all(part and tag_words(part) <= TAG_WORDS_MAX for part in parts):
        return []
    return parts


def short_tags(line: str) -> list[str]:
    """The items of a line that goes on a list between commas or semicolons: one item or more,
    each of a few words and no figure (a sentence, a heading's number, a code is no item)."""
    parts = [clean_space(part) for part in re.split(r"[,;]", line)]
    if not all(part and tag_words(part) <= TAG_WORDS_MAX and not DIGIT.search(part) for part in parts):
        return []
    return parts


def tag_words(tag: str) -> int:
    """The words of a tag; a dash between two of them is none ("ОДИН ПОЯС - ОДИН ПУТЬ" has four)."""
    words = tag.split()
    return len(words) - sum(word in DASHES for word in words) if " " in tag else len(words)


DASHES = frozenset("-–—")


_BIO_START = re.compile(
    r"^(?P<name>[A-ZА-ЯЁ][\w'’.\-]+(?:\s+[A-ZА-ЯЁ][\w'’.\-]+){0,4})\s+"
    r"(?:is|was|holds|teaches|serves|works|directs|has been|—|–|-|является|работает|преподает)\s",
    re.U,
)


_BIO_WORDS = re.compile(
    r"professor|fellow|director|researcher|analyst|scholar|lecturer|ph\.?d|universit|institut|"
    r"профессор|научный сотрудник|директор|университет|институт",
    re.I,
)


def is_bio(paragraph: str, authors: list[str]) -> bool:
    """An author bio: a paragraph that starts with an author's name and says who they are."""
    m = _BIO_START.match(paragraph)
    if not m:
        return False
    name = m["name"].casefold()
    if not authors:
        # No byline to compare with: a full name and the words bios are made of.
        return len(name.split()) >= 2 and len(paragraph) < 1200 and bool(_BIO_WORDS.search(paragraph))
    return any(
        name == a.casefold() or name == a.split()[-1].casefold() or a.casefold().startswith(name)
        for a in authors
    )


def split_bio(blocks: list[Block], authors: list[str]) -> tuple[list[Block], str]:
    """Trailing paragraphs about the authors, taken off the body."""
    k = len(blocks)
    while k > 1 and blocks[k - 1].kind == "p" and is_bio(blocks[k - 1].text, authors):
        k -= 1
    return blocks[:k], "\n\n".join(b.text for b in blocks[k:])


def is_heading(text: str) -> bool:
    words = text.split(maxsplit=HEADING_MAX_WORDS)  # one more than a heading has tells
    return 0 < len(words) <= HEADING_MAX_WORDS and not text.endswith((".", ",", ";", ":"))


# A document host's "Author:" line over its counters of the upload ("1 downloads 0 Views 2MB
# Size") names the account that uploaded the file, not the memo's author.
UPLOADER_LINE = re.compile(r"^(?:author|автор)\s*:[^\n]*\n(?=\d[\d,.]*\s+downloads?\b)", re.I | re.M)


def without_uploader(text: str) -> str:
    """`text` without a document host's uploader line in its head."""
    if "ownloads" not in text[:PAGE_LOOKED_AT]:
        return text  # most pages, cheaply
    return UPLOADER_LINE.sub("", text[:PAGE_LOOKED_AT], count=1) + text[PAGE_LOOKED_AT:]


def parse_text(text: str) -> ParsedMemo:
    text = without_uploader(text)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    chunks = chunks_of(lines)
    start, end = find_body(chunks)
    start = with_summary(chunks, start)
    header = find_header(chunks, start)
    body_line = chunks[start].start
    walked_back = chunks[header.title_chunk].start if header.title else None
    # Menus and lists (bullets) never hold the title.
    units = head_units(chunks[:start])
    after = None if header.title else title_after_body(chunks, start)
    after_body = (after.start, after.start, after.text) if after else None
    head = read_head(lines, units, body_line, walked_back, after_body)
    heading = echoed_heading(units, chunks[start]) if not head.title else None
    if heading:
        head = Head(heading[2], heading[0], heading[1], None, None, None)
    before_cover = (list(chunks), start, end, body_line)
    # Nothing above the body reads as a title: the body's first line may be it (a cover, or a
    # title run into its lede)...
    opening = clean_space(lines[chunks[start].start]) if not head.title else ""
    # ...unless it is sentences of the memo's first paragraph.
    prose = opening.endswith(".") and has_sentence(opening[:-1])
    if not head.title and len(opening) <= 300 and not prose:
        cover = chunks[start]
        rest = Chunk(cover.start + 1, cover.lines[1:])
        chunks[start : start + 1] = [rest] if rest.lines else []
        end -= 0 if rest.lines else 1
        if start < end:
            body_line = chunks[start].start
            units = [(cover.start, cover.start, clean_space(cover.lines[0]))]
            head = read_head(lines, units, body_line, None, None)
    elif head.title and heading_run_on(chunks[start]):
        # A heading with the paragraph run on under it (no sentence's full stop ends it): nearer
        # the body than any line above, it may be the title the walk back would have reached.
        cover = chunks[start]
        rest = Chunk(cover.start + 1, cover.lines[1:])
        heading = (cover.start, cover.start, clean_space(cover.lines[0]))
        found = read_head(lines, [*units, heading], rest.start, cover.start, after_body)
        if found.title_first == cover.start:
            chunks[start], body_line, head = rest, rest.start, found
    warnings = []
    if not head.title:
        # A memo without a title line (a repost, a page cut above its text) is still a memo.
        chunks, start, end, body_line = before_cover
        stand_in = stand_in_title(chunks[start].text)
        # Or the date a digest's run-on text opens with, over the names and the headline it
        # runs on into: "17 января 2017 г. <Author> | <Outlet> <Headline> …".
        published = (
            date_after_printings(chunks[start].lines[0], stand_in)
            or dated_line_above(lines, body_line)
            or date_at_start(chunks[start].lines[0])
        )
        head = Head(stand_in, body_line, -1, None, published, None)
        warnings.append("no title found above the memo text: its first words stand in for one")
        found = heading_under_blurb(chunks, start, end)
        if found is not None:
            heading, dated = found
            head = heading_as_title(heading, dated or head.published)
            warnings.pop()
        elif start and HASHTAG_HEADING.fullmatch(chunks[start - 1].text):
            # "#TheTruthIsOutThere": a campaign's hashtag, its words run together, as the heading
            # right over the text (one "word", which no other title rule takes).
            head = heading_as_title(chunks[start - 1], head.published)
            warnings.pop()
    elif blurb_of_rubric(chunks, start) and (found := heading_under_blurb(chunks, start, end)):
        heading, dated = found
        head = heading_as_title(heading, dated or head.published)
    title_line = head.title_line
    # Labels from the line above the title ("Kennan Cable No. 51" as a kicker) to the end.
    above = next((i for i in range(head.title_first - 1, -1, -1) if lines[i].strip()), 0)
    labels = read_labels(lines, min(above, body_line))
    # A label after the title, else one in the head or the body's first lines (a caption).
    numbered = (
        head.numbered
        or read_numbered(str(labels.get("numbered", "")))
        or find_numbered(lines[: chunks[start].start + len(chunks[start].lines)])
    )
    label_authors = str(labels.get("authors", ""))
    # The walk back may read the line the head took for the title as a byline: its words are
    # then the title's, not names. (The title is split only where the walk back found names.)
    header_authors = (
        None if header.authors and header.authors == split_authors(head.title) else header.authors
    )
    authors = (
        head.authors
        or header_authors
        or byline_names(label_authors)
        or byline_in_text(chunks[start].text)
        or addressed_opening(chunks[start].text)
        or lead_names(chunks[start].text)
        or credit_lead(chunks[start].text)
        or role_lead(chunks[start].text)
        or author_card(chunks)
        or signature(chunks, end)
        or author_box(chunks, start, end)
        or names_over_role(chunks, start)
        or marked_byline(chunks, start)
        or orcid_byline(chunks, start)
        or name_over_date(chunks, start)[0]
        or headed_names(text[:PAGE_LOOKED_AT])
        or names_after_by(head.title, lines)
        # Last, a person known by a given name in the header, where nothing marks a byline.
        or (named_in_header(lines, head.title_first, title_line, body_line) if title_line >= 0 else None)
        or []
    )
    # A short bio after the body is too short to count as prose, but belongs to the memo.
    while end < len(chunks) and chunks[end].is_prose and is_bio(chunks[end].text, authors):
        end += 1

    blocks: list[Block] = []
    subject = memo_subject(lines, title_line + 1, body_line) if title_line >= 0 else None
    if subject:
        blocks.append(Block("h", subject))
    for k, c in enumerate(chunks[start:end], start):
        if c.start <= title_line < c.start + len(c.lines):
            continue  # a title printed after the abstract
        if c.is_label and keywords_between(chunks, k):
            continue  # the memo's keywords, not its text
        if c.is_bullets:
            blocks.extend(Block("li", item) for item in c.bullet_items())
        else:
            # The page's last words, cut short mid-sentence, are a paragraph, not a heading.
            cut_short = c is chunks[-1] and is_running_text(c.text)
            blocks.append(Block("h" if is_heading(c.text) and not cut_short else "p", c.text))

    blocks, bio = split_bio(blocks, authors)
    memo_number = memo_number_of(str(labels["memo_number"])) if "memo_number" in labels else None
    # Each asked only where those before it found nothing.
    published = (
        head.published
        or header.published
        or parse_date(str(labels.get("published", "")))
        or labelled_date_near(lines, chunks, start)
        or name_over_date(chunks, start)[1]
        or (numbered and numbered.published)
        or None
    )
    body_text = "\n\n".join(b.text for b in blocks)
    return ParsedMemo(
        title=head.title,
        format="text",
        authors=authors,
        published=published,
        memo_number=first(memo_number, numbered and numbered.number)
        or cited_number(text, head.title)
        or footer_number(text[:PAGE_LOOKED_AT])
        or month_number(text[:PAGE_LOOKED_AT])
        or capitals_issue_opening(body_text[:80]),
        series=first(labels.get("series"), numbered and numbered.series)
        or journal_over_volume(lines)
        or series_before_quoted_title(lines[:body_line])
        or kind_as_series(numbered and numbered.category, text[:PAGE_LOOKED_AT]),
        # Each asked only where those before it found nothing.
        category=category_above(lines, head.title_first)
        or labels.get("category")
        or section_below(lines, title_line)
        or find_kind_label(lines, head.title_first, title_line)
        # A label beside another printing of the title, the page's heading above the body under
        # its own title on top.
        or printed_again_kind(lines, head, body_line)
        or (numbered and without_names(numbered.category, authors))
        or capitals_kind(text[:1000], text[:20000])
        or kind_opening_title(head.title)
        or described_kind(text[:DESCRIBED_KIND_LOOKED_AT])
        or None,
        language=language_of(head.title + " " + body_text),
        blocks=blocks,
        bio=bio,
        pdf=str(labels["pdf"]) if "pdf" in labels else find_pdf_name(lines),
        topics=list(labels.get("topics", []))
        or glued_tags(lines, head.title_first)
        or keywords_run_in(chunks[start].lines[0])
        or keywords_opening(chunks[start : start + FIRST_CHUNKS]),
        warnings=warnings,
    )


# The keywords of a PDF's text run onto one line, between their label and the next heading:
# "… Key words: a, b, c Introduction While …"; the heading may be numbered ("… c 1. INTRODUCTION").
# A label capitalized as a heading is one without its colon too ("… Key Words a, b, c Introduction …").
# (The look ahead for the label's first letter comes first: the line searched is a page's text,
# and each label would be tried at every character.)
KEYWORDS_RUN_IN = re.compile(
    r"(?=[kк])"
    rf"(?:\b{KEYWORDS_LABEL}\s*:|(?-i:\b(?:Key ?Words|Keywords|KEY ?WORDS|Ключевые слова)\s))"
    r"\s*(?P<list>[^:]{3,400}?)"
    r"\s+(?:\d{1,2}\.?\s+)?(?:Introduction|Введение)\b",
    re.I,
)
# Or, with their label's colon, they end the line: the abstract's paragraph closes with them
# ("… JEL Classifications: F15 Key words: a, b, c").
KEYWORDS_ENDING = re.compile(rf"\b{KEYWORDS_LABEL}\s*:\s*(?P<list>[^:]{{3,400}}?)[\s.]*$", re.I)
DESCRIBED_KIND_LOOKED_AT = 2000  # characters: a series' label and its blurb over the title
RUN_ON_LINE_MIN = 1000  # characters: a line this long is a page's text, not a paragraph


def keywords_run_in(line: str) -> list[str]:
    if len(line) < RUN_ON_LINE_MIN:
        return []
    m = KEYWORDS_RUN_IN.search(line) or KEYWORDS_ENDING.search(line)
    return comma_list(m["list"]) if m else []


def keywords_opening(chunks: list[Chunk]) -> list[str]:
    """The keywords of a paragraph that opens with their label and runs into the first heading,
    under the abstract: "Key Words a, b, c Introduction …" (a PDF's text joins the lines)."""
    for chunk in chunks:
        line = chunk.lines[0]
        m = KEYWORDS_RUN_IN.match(line) if line[:1] in "KkКк" else None
        if m:
            return comma_list(m["list"])
    return []


def printed_again_kind(lines: list[str], head: Head, body_line: int) -> str | None:
    if head.title_line < 0:
        return None
    title = Candidate(head.title, head.title_first, head.title_line)
    printings = repeated_title(lines, title, body_line, head.title_line + 1)
    return first(*(find_kind_label(lines, c.first, c.last) for c in printings))


# How to cite the article, which a journal's cover page opens with: what reads as the body is then
# the cover, whose "Published online: …" stands some chunks further down (the imprint's lines
# between).
COVER_CITATION = re.compile(r"(?:to )?cite this (?:article|paper)\b|how to cite\b", re.I)
FIRST_CHUNKS = 3  # a dek, and the date line under it
COVER_CHUNKS = 8


def labelled_date_near(lines: list[str], chunks: list[Chunk], start: int) -> date | None:
    """A labelled date above the body, or on a short line of its first chunks: a dek may open
    what reads as the body, with "Published on …" under it."""
    found = labelled_date("\n".join(lines[: chunks[start].start + 1]))
    if found:
        return found
    n = COVER_CHUNKS if COVER_CITATION.match(chunks[start].text) else FIRST_CHUNKS
    short = [line for c in chunks[start : start + n] for line in c.lines if len(line) <= 150]
    return labelled_date("\n".join(short)) if short else None


CARD_NAME_MAX = 60  # characters
_BIO_OPENING = re.compile(r"\s*" + BIO_VERB)


def author_card(chunks: list[Chunk]) -> list[str] | None:
    """A name on a line of its own over a bio that opens with it, wherever the page prints the
    card (often under the body and its related links): "Jane Roe", "Jane Roe is a fellow at …"."""
    for above, c in zip(chunks, chunks[1:], strict=False):
        name = above.text
        # str.startswith first: most pairs of chunks fail it.
        if not c.text.startswith(name) or len(above.lines) > 1 or len(name) > CARD_NAME_MAX:
            continue
        names = byline_names(name) if _BIO_OPENING.match(c.text, len(name)) else None
        if names and len(names) == 1:
            return names
    return None


def signature(chunks: list[Chunk], end: int) -> list[str] | None:
    """The names a memo is signed with on a line of their own right under its body, a place
    after them aside: "Alexandru Postica, Mihai Popșoi, Chisinau"."""
    if end >= len(chunks) or len(chunks[end].lines) != 1 or len(chunks[end].text) > 100:
        return None
    text = chunks[end].text
    names = byline_names(text)
    rest, _, place = text.rpartition(", ")
    if not names and rest and len(place.split()) == 1 and place[:1].isupper():
        names = byline_names(rest)
    # A list of names goes on under it: related items or a team, not a signature.
    after = chunks[end + 1].text if end + 1 < len(chunks) else ""
    return names if names and not looks_like_names(after) else None


# The heading of a post's comments: "2 Comments", "Leave a Reply", "3 комментария".
COMMENTS_HEADING = re.compile(
    r"(?:\d+ |one )?(?:comments?|responses?|replies|комментари(?:й|я|ев))|leave a (?:reply|comment)", re.I
)
COMMENTS_HEADING_MAX = 30  # characters


def author_box(chunks: list[Chunk], start: int, end: int) -> list[str] | None:
    """A blog post's author box, printed under the post over its comments: a name on a line of its
    own over what the person does ("Jane Roe", "Journalist, blogger and media consultant"). The
    comments may be read as the body, so the box is looked for before their heading anywhere in it."""
    for k in range(start + 1, min(end, len(chunks) - 2)):
        c, heading = chunks[k], chunks[k + 2]
        if (
            len(heading.text) <= COMMENTS_HEADING_MAX
            and COMMENTS_HEADING.fullmatch(heading.text)
            and len(c.lines) == 1
            and len(c.text) <= NAME_LINE_MAX
            and is_role(chunks[k + 1].text)
        ):
            return byline_names(c.text)
    return None


def names_over_role(chunks: list[Chunk], start: int) -> list[str] | None:
    """A byline under the lead that opens the body, on a line of its own over what the person
    does or over the picture's credit: "<Title>", "<Lead>", "Jane Roe", "Senior analyst, Research
    Group of …" (or "Photo: …")."""
    for k in range(start + 1, min(start + 3, len(chunks) - 1)):
        c, under = chunks[k], chunks[k + 1]
        if (
            len(c.lines) == 1
            and len(under.lines) == 1
            and len(c.text) <= 60
            and (is_role(under.text) or CREDIT_START.match(under.text))
        ):
            names = byline_names(c.text)
            if names:
                return names
    return None


MARKED_BYLINE_BELOW = 3  # paragraphs of the body a "By" line may follow: an abstract, a dek
# Chunks of the body a "By" line over the paper's opening heading may follow: a series' blurb,
# links to the PDF and a list of the series' other papers.
BYLINE_OVER_HEADING_BELOW = 15


def marked_byline(chunks: list[Chunk], start: int) -> list[str] | None:
    """A "By A. Author" line of its own above the body or under its first paragraphs, away from
    the title: an abstract, a memo's "To:"/"From:" header or a cover's labels may stand between.
    Further down, the line right over the paper's own opening heading ("Introduction") is its
    byline too: what stands above is the series' presentation of it."""
    for k, c in enumerate(chunks[: start + BYLINE_OVER_HEADING_BELOW]):
        if len(c.lines) == 1 and MARKED_BYLINE.match(c.text):
            if k >= start + MARKED_BYLINE_BELOW and (
                k + 1 >= len(chunks) or not is_section_heading(chunks[k + 1].text)
            ):
                continue
            names = byline_names(c.text)  # Chunk.text is cleaned
            if names:
                return names
    return None


NAME_LINE_MAX = 60  # characters: a name on a line of its own
NAME_OVER_DATE_LINES = 4  # lines after the body's first chunk: a widget's label, a name, a date


def name_over_date(chunks: list[Chunk], start: int) -> tuple[list[str] | None, date | None]:
    """One name on a line of its own right over a date line, among the few lines after the chunk the
    body opens with: a dek may read as the body's first paragraph, the byline and date under it
    ("<Dek>", "Jane Roe", "24 September 2020"). The date vouches for the name as a byline."""
    lines = [line for c in chunks[start + 1 : start + 1 + NAME_OVER_DATE_LINES] for line in c.lines]
    lines = without_publication(lines[: NAME_OVER_DATE_LINES + 2])
    for name, under in pairwise(lines[:NAME_OVER_DATE_LINES]):
        if len(name) > NAME_LINE_MAX or not DIGIT.search(under) or not bare_names(clean_space(name)):
            continue
        found = parse_date(without_opening(READING_TIME_FIRST, under))
        names = byline_names(clean_space(name)) if found else None
        if names and len(names) == 1:
            return names, found
    # Or the name and the date on one line, under the dek's line or after it.
    for line in [*chunks[start].lines[1:2], *lines[:NAME_OVER_DATE_LINES]]:
        names, found = name_and_date(line)
        if names:
            return names, found
    return None, None


# Medium's author block: the name, the publication's name and its label "Published in" (which
# the dump sets after the name), then the reading time glued to the date ("20 min readJul 13,
# 2015"). The publication and its label stand between the name and the date.
PUBLISHED_IN = "Published in"
READING_TIME_FIRST = re.compile(r"\d{1,3}\s?min\s+read\s*(?=[A-Z0-9])")


def without_publication(lines: list[str]) -> list[str]:
    """`lines` without a Medium publication's name and the "Published in" label under it."""
    k = lines.index(PUBLISHED_IN) if PUBLISHED_IN in lines else 0
    return lines[: k - 1] + lines[k + 1 :] if k >= 2 else lines


FIRST_DIGIT = re.compile(r"\d")
YEAR_END = re.compile(r"(?:19|20)\d\d(?!\d)")
# A site's language switch after the date: "EN DE FR RU".
LANGUAGE_SWITCH = re.compile(r"\s*[A-Z]{2}(?:\s+[A-Z]{2})+\s*")


def name_and_date(line: str) -> tuple[list[str] | None, date | None]:
    """The names and the date of a byline line "<names> <date>", which a dump may run together
    with the site's language switch after them: "Jane Roe24 September 2020EN DE FR"."""
    digit = FIRST_DIGIT.search(line) if len(line) <= NAME_LINE_MAX + DATE_MAX else None
    if digit is None:
        return None, None
    name, rest = line[: digit.start()].rstrip(" ,|·•–—/-"), line[digit.start() :].strip()
    month = name.rpartition(" ")[2]
    if month.rstrip(".").casefold() in MONTHS:  # "Jane Roe March 3, 2021"
        name, rest = name[: -len(month)].rstrip(" ,|·•–—/-"), f"{month} {rest}"
    found = parse_date(rest)
    if found is None and (year := YEAR_END.search(rest)) and LANGUAGE_SWITCH.fullmatch(rest[year.end() :]):
        found = parse_date(rest[: year.end()])
    name = clean_space(name)
    names = byline_names(name) if found and bare_names(name) else None
    return (names, found) if names else (None, None)


ORCID_LINE_MAX = 400  # characters: an author line, not a PDF's page run onto one line


def orcid_byline(chunks: list[Chunk], start: int) -> list[str] | None:
    """The name a journal's author line opens with, where the line goes on with the author's
    affiliation and ORCID iD: "Jane Roe Steppe University, Country ORCID iD: https://orcid.org/…".
    An affiliation's words are capitalized as a name's are, so the name is taken as a given name
    and a surname, with an initial or a particle between them if one stands there."""
    for c in chunks[: start + MARKED_BYLINE_BELOW]:
        if "ORCID" not in c.text:
            continue  # most chunks, cheaply
        for line in c.lines:
            at = line.find("ORCID")
            if not 0 < at < ORCID_LINE_MAX:
                continue
            words = line[:at].split()
            n = 3 if len(words) > 3 and (INITIAL.match(words[1]) or PARTICLE.fullmatch(words[1])) else 2
            names = byline_names(" ".join(words[:n])) if len(words) >= n else None
            if names and len(names) == 1:
                return names
    return None


def glued_tags(lines: list[str], title_first: int) -> list[str]:
    """The tags a CMS prints above the title joined by bare commas, as no sentence or list of
    names is written: "ballistic missiles,Defense,Doctrine,North Korea"."""
    near = range(title_first - 1, max(-1, title_first - 4), -1)
    above = next((lines[i] for i in near if lines[i].strip()), "")
    if above.count(",") < 2 or ", " in above or len(above) > 300:
        return []
    tags = [clean_space(t) for t in above.split(",")]
    if all(t and len(t.split()) <= 4 and not DIGIT.search(t) and not t.endswith(".") for t in tags):
        return tags
    return []


def section_below(lines: list[str], title_line: int) -> str | None:
    """The section a header line under the title says the item was filed in: "Published in News
    Digest" (the label is the section's name, not the words around it)."""
    below = islice((line.lstrip() for line in lines[title_line + 1 : title_line + 12] if line.strip()), 3)
    # The label's first letter first: most header lines open with none of them.
    return first(*(filed_in(clean_space(text)) for text in below if text[:1] in "PpFf"))


def without_names(label: str | None, authors: list[str]) -> str | None:
    """A label without the byline a PDF's running head prints before it: "Fabio Indeo Policy
    Brief" -> "Policy Brief" when Fabio Indeo is the author."""
    for name in authors:
        if label and label.startswith(name + " "):
            return label[len(name) + 1 :]
    return label


STAND_IN_LIMIT = 100


def date_after_printings(line: str, title: str) -> date | None:
    """The date right after the last of two printings or more of `title` on `line`: a page's
    metadata run together on its first line, "<Title> <Title> 15.01.2018 example.org" (a
    sentence printed twice over is no paragraph of the memo's)."""
    at = line.rfind(title)
    if at <= 0 or line.count(title) < 2:
        return None
    return date_at_start(line[at + len(title) :].lstrip(" |·,–—-"))


def dated_line_above(lines: list[str], body_line: int) -> date | None:
    """The date that opens the line right above the body, on a page with no title line: its
    header run together on one line, "06.12.2025 07:00 <headline> <counters> <credit>"."""
    j = previous_index(lines, body_line, reach=None)
    return date_at_start(lines[j].strip()) if j is not None else None


def heading_as_title(heading: Chunk, published: date | None) -> Head:
    """A heading on a line of its own taken for the title of a page with none above its text: no
    byline or number is printed with it."""
    return Head(heading.text, heading.start, heading.start, None, published, None)


HASHTAG_HEADING = re.compile(r"#(?:[A-Z][a-z]+){3,}")


def heading_under_blurb(chunks: list[Chunk], start: int, end: int) -> tuple[Chunk, date | None] | None:
    """The heading on a line of its own under the body's first paragraph, over the rest of the
    prose, on a page with no title above its text: a page that opens with a blurb of its series
    ("Our researchers publish …"), then the memo's title and text. The memo's date may stand on a
    line of its own over the heading; it is given with it."""
    k = start + 1
    dated = parse_date(chunks[k].text) if k < end and len(chunks[k].lines) == 1 else None
    k += 1 if dated else 0
    if end - k < 2 or len(chunks[k].lines) != 1:
        return None
    heading = chunks[k]
    text = heading.text
    if (
        len(text.split()) >= TITLE_WORDS_MIN
        and is_heading(text)
        and not has_sentence(text)
        and not is_section_heading(text)
        and len(chunks[k + 1].text) >= PROSE_MIN
    ):
        return heading, dated
    return None


RUBRIC_WORDS_MAX = 6


def blurb_of_rubric(chunks: list[Chunk], start: int) -> bool:
    """Whether the body opens with a blurb of the rubric printed on the line right over it:
    "JFIR Commentary", '"JFIR Commentary" introduces news analyses …'. What the page prints
    above is the site's and the rubric's; the memo's own title is under the blurb."""
    if start == 0 or len(chunks[start - 1].lines) != 1:
        return False
    rubric = chunks[start - 1].text
    blurb = chunks[start].text.lstrip('"“«„ ')
    return 1 < len(rubric.split()) <= RUBRIC_WORDS_MAX and blurb.startswith(rubric)


# One word, as a report's chapter on a country or a subject is headed: "Kazakhstan", "Nagorno-Karabakh".
ONE_WORD_HEADING = re.compile(r"[^\W\d_]{3,}(?:-[^\W\d_]+)*")


def echoed_heading(units: list[tuple[int, int, str]], opening: Chunk) -> tuple[int, int, str] | None:
    """The unit right above the body that is one word in title case which the body's first
    paragraph opens with ("Kazakhstan" over "Kazakhstan, which …"): a chapter's heading, which the
    title tests (a few words at least) pass over as furniture."""
    if not units:
        return None
    first, last, text = units[-1]
    if first != last or opening.start - last > 2 or not text[:1].isupper():
        return None
    if not ONE_WORD_HEADING.fullmatch(text):
        return None
    after = opening.text[len(text) : len(text) + 1]
    return units[-1] if opening.text.startswith(text) and not (after.isalnum() or after == "-") else None


def stand_in_title(paragraph: str) -> str:
    """A paragraph's first sentence, cut short at a word near STAND_IN_LIMIT characters."""
    m = SENTENCE_END.search(paragraph)
    sentence = paragraph[: m.start() + 1] if m else paragraph
    if len(sentence) <= STAND_IN_LIMIT:
        return sentence
    return sentence[:STAND_IN_LIMIT].rsplit(" ", 1)[0].rstrip(" ,;:–—-") + "…"


def title_after_body(chunks: list[Chunk], start: int) -> Chunk | None:
    """The chunk of a title printed after the abstract, right above the memo's number or series."""
    for k in range(start + 1, len(chunks)):
        label = read_label(chunks[k].lines[0])
        if label and label.field in ("memo_number", "series"):
            above = chunks[k - 1]
            if len(above.lines) == 1 and len(above.text) < 300 and not above.is_label:
                return above
            return None
    return None

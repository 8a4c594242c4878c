"""The head of a text dump: its title, byline and date, chosen among candidate lines by signals that agree.

A dump's title is rarely marked. What gives it away: it is repeated (the page's own title line
at the top, the first words of a PDF's text, a "Download “…”" link, a running head), it opens
the page, it sits just above the byline, date or labels of the header (a dek or a picture's
text may stand between), or just above the body, and it reads like a title: a few to thirty
words, not a sentence, not a label, a date, a name, a caption or its credit, a dateline, a
counter or a button, not cut short. Each candidate (a line, a part of one around " - ", up to
four lines of a broken title joined, the words two printings share) gets points for every signal
it has and loses them for every mark of page furniture; a line that is another candidate with a
byline, a tag or the site's name glued to it is no candidate. The best wins; a tie goes to the
title that holds the other, then to the upper one (a title above its dek).
"""

from __future__ import annotations

import heapq
import re
import string
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache
from itertools import islice, pairwise

from .fields import (
    BARE_NUMBER,
    CITATION_STOP,
    DATE_WORDS,
    DIGIT,
    FOOTNOTE_SIGN,
    HONORIFIC,
    INITIAL,
    MARKED_BYLINE,
    MONTHS,
    NOT_IN_NAMES,
    ORG_WORDS,
    Numbered,
    as_the_page_reads,
    byline_names,
    clean_space,
    date_after_kind,
    date_at_end,
    date_at_start,
    has_cyrillic,
    has_number_hint,
    is_kind_label,
    is_organisation,
    is_role,
    kind_and_date,
    kind_number_title,
    looks_like_names,
    memo_number_of,
    parse_date,
    read_label,
    read_numbered,
    read_sign_first,
    split_authors,
    title_issue_date,
    unglued_date,
    without_date,
    without_footnote_marks,
    without_opening,
    writes_lead,
)
from .given_names import is_given_name

# Words that open a line of page furniture, not a title: buttons, links, captions, credits.
FURNITURE_START = re.compile(
    r"^(?:download|share|print|subscribe|sign (?:in|up)|log ?in|follow|connect with|read (?:more|in)|"
    r"click|search|поиск по сайту|you are on page|skip to|back to|go to|top of (?:the )?page|pdf|"
    r"transcript of|toggle navigation|(?:main|open|close) menu|you are here|jump to|we use cookies|"
    r"accept (?:all )?cookies|cookie (?:settings|policy|preferences)|главное меню|вы здесь|"
    r"версия для печати|личный кабинет|"
    # A request to the reader: "Please make active links to the source, when using materials …"
    r"please|пожалуйста|при (?:использовании|цитировании|перепечатке)|"
    r"в оглавление|на главную|вернуться|перейти|page \d|total pages?|file type|image|photo|\d+px|"
    # A credit to those who worked on the text after its author: "Edited/reviewed by: …".
    r"(?:edited|reviewed|translated|proofread)(?:/(?:edited|reviewed|translated|proofread))? by|"
    r"source|credit|copyright|if your browser|[сc]качать|поделиться|подписаться|читать|фото|коллаж|"
    r"иллюстрация|источник|logo)\b|^©",
    re.I,
)
# Words that open a picture's caption or credit.
# "©" is no word: "\b" after it would ask for a letter right after it.
CREDIT_START = re.compile(
    r"^(?:image|photo|picture|source|credit|фото|коллаж|иллюстрация|источник)\b|^©", re.I
)
# The fields of a memorandum's header: "To: <addressees>", "Subject: <what it is about>".
MEMO_HEADER = re.compile(r"^(?:to|from|subject|re|cc)\s*:\s", re.I)
# Whole lines that are generic section headings, never a memo's own title.
SECTION_HEADINGS = re.compile(
    r"^(?:introduction|summary|executive summary|abstract|contents|table of contents|key points|"
    r"conclusions?|recommendations|about the authors?|notes|references|введение|содержание|"
    r"аннотация|резюме|выводы|заключение)$",
    re.I,
)


def is_section_heading(text: str) -> bool:
    """A generic section heading, its colon or full stop after it: "Introduction", "Abstract:"."""
    return bool(SECTION_HEADINGS.match(text.rstrip(":. ")))


# A numbered part of the memo: "Part 1, what drove the growth", "Глава 2. …"; it opens the body.
PART_HEADING = re.compile(r"^(?:part|chapter|section|часть|глава|раздел)\s+(?:\d+|[ivx]+)\b", re.I)
PART_HEADING_STARTS = "PpCcSsЧчГгРр"


def is_part_heading(text: str) -> bool:
    return text[:1] in PART_HEADING_STARTS and bool(PART_HEADING.match(text))


# "File Type:pdf, Size:1020Kb", "Total Page:16", "Views: 1,234": a short label and a figure.
# A reading time is a counter too: "80 minute read", "5 мин чтения".
COUNTER = re.compile(
    r"^[\w .]{1,20}:\s*\S*\d|^\d[\d,.\s]*(?:views?|просмотр\w*|reads?|downloads?|"
    r"min(?:ute)?s?\.?\s+read|мин\w*\.?\s+чтени\w*)\b",
    re.I,
)
# A section of the site and a year: "Publications — 2021", "Archive | 2019", a crumb.
SECTION_YEAR = re.compile(r"^[^\W\d_][^\W\d_ ]*(?: [^\W\d_]+){0,2}\s+[|–—·/:-]\s+(?:19|20)\d\d$")
# Separators between a title and the site or section it is printed with.
TITLE_PARTS = re.compile(r"\s+(?:[|–—·-]|::)\s+")
SEPARATOR = re.compile(r"[|–—·:-]")


# Between the items of a menu or a breadcrumb: "News | Analysis", "Home > Analysis > Asia".
MENU_SEPARATOR = re.compile(r"\s*\|\s*|\s+[>»›]\s+")
# Where a date may start inside a line; "5 min readMar 14, 2022" is two elements glued; "A.
# Author / August 31, 2006" is a byline's name and date.
DATE_PARTS = re.compile(
    r"\s+[|·•–—/-]\s+|,\s+(?=\d{1,2}\s+\w+\s+\d{4}|\d{1,2}[./]\d{1,2}[./]\d{4}\b)|(?<=[a-z])(?=[A-Z][a-z])"
    # After a year: a space, or the reading time glued to it ("06.03.201718 МИН ЧТЕНИЕ").
    r"|(?<=\d{4})(?:\s+|(?=\d{1,3}\s?(?:[Mm][Ii][Nn]|[Мм][Ии][Нн])\b))"
    # After a site's address on a cover: "www.example.org 7 October 2017".
    r"|(?:(?<=\.[a-z]{2})|(?<=\.[a-z]{3}))\s+(?=\d)"
)


PAGE_LOOKED_AT = 8000  # characters searched for a repeated title: the head of any page
MAX_UNITS = 12  # paragraphs above the body looked at, besides the first three


def title_parts(text: str) -> list[str]:
    """`text` split at TITLE_PARTS. The pattern opens with spaces and is tried at every character:
    it runs only on a line with one of its separators' characters."""
    return TITLE_PARTS.split(text) if SEPARATOR.search(text) else [text]


# A picture's credit inside a line: its caption.
CREDIT_INSIDE = re.compile(
    r"\((?:photo|image|picture|credit|source|фото)\b|\b(?:getty images|reuters|ap photo|afp|"
    r"wikimedia commons|shutterstock|риа новости|тасс)\b",
    re.I,
)
# Parts of CREDIT_INSIDE's words that its case-insensitive matches hold once case-folded (no "i",
# which a dotless or dotted capital I folds otherwise).
CREDIT_WORD_PARTS = ("getty", "reuters", "ap photo", "afp", "commons", "shutterstock", "риа новости", "тасс")


def has_credit_inside(text: str) -> bool:
    # The pattern may start anywhere and is tried at every character of a long line: a "(" or
    # a credit's word must be there first.
    if "(" not in text:
        folded = text.casefold()
        if not any(map(folded.__contains__, CREDIT_WORD_PARTS)):
            return False
    return bool(CREDIT_INSIDE.search(text))


# A day, a month and a year inside a line; in figures, even run into the word after it
# ("27.03.2014Title").
DATE_INSIDE = re.compile(
    r"\b\d{1,2}\s+[^\W\d_]{3,12}\.?,?\s+(?:19|20)\d\d\b|\b[^\W\d_]{3,12}\.?\s+\d{1,2},\s+(?:19|20)\d\d\b"
    r"|\b\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d(?!\d)"
)


def has_date_inside(text: str) -> bool:
    # Each form has a year of this century or the last: a line without one is not searched.
    return ("19" in text or "20" in text) and bool(DATE_INSIDE.search(text))


# A sentence's end and the next one's start inside a line.
SENTENCES = re.compile(r"[a-zа-яё][.!?]\s+[A-ZА-ЯЁ]")
BULLET = re.compile(r"^\s*[•·▪◦●*+]\s+")
# A file's name printed as the page's title: its date in figures, then the words of its slug
# ("2023 06 27 How End Russias War Ukraine Ash Et Al - 0").
FILE_NAME = re.compile(r"(?:19|20)\d\d[ _-]\d\d[ _-]\d\d[ _-]+(?=[^\W\d_])")
# An event's banner, its ordinal first and its kind last: "13th International Security Exhibition".
EVENT_BANNER = re.compile(
    r"\d{1,3}(?:st|nd|rd|th)\b.{0,150}\b(?:exhibition|conference|forum|summit|congress|expo|fair|"
    r"symposium|convention)",
    re.I,
)
# Words a slug leaves out of a title: "How to end Russia’s war on Ukraine" -> "how-end-russias-war-ukraine".
SLUG_DROPS = frozenset(
    ("the", "and", "for", "from", "with", "into", "onto", "this", "that", "than", "via", "off", "per")
    + ("like", "since", "before", "but", "its")
)
# An ad slot's label, a line of its own wherever the page's ads stand (a document host's among them).
AD_LABEL = re.compile(r"^(?:advertisement|реклама)$", re.I)
# A picture's alternative text printed as a line: "Lawrence Freedman's avatar", "Author photo".
IMAGE_TEXT = re.compile(r"\b(?:avatar|photo|portrait|headshot|logo|thumbnail)$", re.I)


@dataclass
class Candidate:
    text: str
    first: int  # index of its first line
    last: int  # index of its last line
    score: float = 0.0


@dataclass
class Head:
    title: str | None
    title_first: int | None  # the lines the title was printed on
    title_line: int | None
    authors: list[str] | None
    published: date | None
    numbered: Numbered | None  # a "Kennan Cable No. 51" label the title was printed with


# A line that says the next one holds the author's name: "Article author", "Автор статьи", or
# "By" alone over the names set as a list.
AUTHOR_HEADING = re.compile(
    r"^(?:(?:article\s+)?authors?|about the authors?|автор(?:ы)?(?: статьи)?|by):?$", re.I
)
# The link to the author's page of articles, whose text a dump runs on after the name it follows:
# "Jane Roe Archive page", "Иван Петров Страница архива".
AUTHOR_PAGE_LINK = re.compile(
    r"\s+(?:archive page|author page|author archive|all posts|страница (?:архива|автора)|все статьи автора)$",
    re.I,
)


@lru_cache(maxsize=4096)
def _words(text: str) -> str:
    """The words of `text`, case and punctuation aside, each with a space before and after it: a
    title repeated with other punctuation or quotes is the same title."""
    return " " + "  ".join(WORD.findall(text.casefold())) + " "


class Repetitions:
    """How often the head of a page prints a text: as it is (quotes, dashes, case and spacing
    aside), else word for word whatever the punctuation ("Thaw in Uzbekistan. Reforms …" and
    "Thaw in Uzbekistan Reforms …"), which is dearer and worked out only when needed."""

    def __init__(self, head: str):
        self.head = head
        self.folded = _fold(head)
        self._counts: dict[str, int] = {}  # a candidate is counted again when candidates are compared

    @cached_property
    def lines(self) -> str:
        """The head's lines folded one by one, each between newlines: where a line is printed
        whole."""
        return "\n" + "\n".join(_fold_line(line) for line in self.head.split("\n") if line.strip()) + "\n"

    @cached_property
    def words(self) -> str:
        # As _words gives it: each word with a space before and after it, so that printings
        # that touch ("Title Title") each count. The folded head holds the same words, but for
        # "ʼ" (a letter, which folding turns into "'"), and is case-folded already.
        folded = self.folded if "ʼ" not in self.head else self.head.casefold()
        return " " + "  ".join(WORD.findall(folded)) + " "

    def printed_alone(self, text: str) -> bool:
        """Whether the head prints `text` as a whole line more than once."""
        return self.lines.count("\n" + _fold_line(text) + "\n") > 1

    def count(self, text: str) -> int:
        if text not in self._counts:
            self._counts[text] = self._count(text)
        return self._counts[text]

    def _count(self, text: str) -> int:
        found = self.folded.count(_fold_line(text)) if text.strip() else 0
        if found < 2 and PUNCTUATION.search(text):
            key = _words(text)
            # Each printing word for word prints each of its words, and the folded head holds
            # them as they are (but for "ʼ", which folding turns into "'"): a word the head holds
            # no more than `found` times leaves no more printings to find, without its words.
            if all(printed_more_than(self.folded, word, found) for word in key.split() if "ʼ" not in word):
                found = max(found, self.words.count(key))
        return found


def printed_more_than(text: str, word: str, times: int) -> bool:
    """Whether text.count(word) > times, found without counting the printings after the one that
    tells (str.count reads all of `text`)."""
    at = -len(word)
    for _ in range(times + 1):
        at = text.find(word, at + len(word))
        if at == -1:
            return False
    return True


WORD = re.compile(r"\w+")
PUNCTUATION = re.compile(r"[^\w\s]")


_PLAIN = [(fancy, plain) for chars, plain in (("‘’ʼ`", "'"), ("“”„«»", '"'), ("–—", "-")) for fancy in chars]


def _fold(text: str) -> str:
    # str.replace, once per character, beats str.translate on text that is not ASCII; text that
    # is (str.isascii reads a flag) has none of the characters.
    if not text.isascii():
        for fancy, plain in _PLAIN:
            if fancy in text:
                text = text.replace(fancy, plain)
    return clean_space(text).casefold()


# Lines and candidates are folded again and again while a page's title is weighed.
_fold_line = lru_cache(maxsize=4096)(_fold)


@lru_cache(maxsize=4096)
def is_furniture(text: str, names: bool = True) -> bool:
    """A line no memo would have as its title; with `names` False, a line of names is not (yet)
    ruled out (see TitleSignals.score)."""
    return _furniture_not_names(text) or names and looks_like_names(text)


@lru_cache(maxsize=4096)
def _furniture_not_names(text: str) -> bool:
    # Apart from the test for names, so that a line asked about with and without it (a unit
    # joined to the next, then weighed) is read once.
    words = text.split()
    return (
        len(words) < 2
        or letter_count(text) < 0.6 * (len(text) - text.count(" "))
        or not (text[0].isalnum() or text[0] in "\"'“‘«(")
        or bool(FURNITURE_START.match(text))
        or is_section_heading(text)
        or is_part_heading(text)
        or bool(COUNTER.match(text))
        or bool(MEMO_HEADER.match(text))
        or text[-1:].isdigit()
        and bool(SECTION_YEAR.match(text))
        or text[:1].isdigit()
        and bool(FILE_NAME.match(text) or page_head(text) or EVENT_BANNER.fullmatch(text))
        or "rights reserved" in text.lower()
        or is_theme_credit(text)
        or has_menu_separator(text)
        and all(len(part.split()) <= 3 for part in MENU_SEPARATOR.split(text))  # a menu, a crumb
        or list(map(len, words)).count(1) > len(words) / 2  # "A P R I L 2 0 24"
        or read_label(text) is not None
        or parse_date(text) is not None
        # A running head: "No. 69 | July 2021 KENNAN CABLE".
        or text[:1] in "#Nn№"
        and has_number_hint(text)
        and read_sign_first(text) is not None
        or is_image_text(text)
        or is_widget_text(text)
        or text[-1:] in ")]"
        and is_file_link(text)
        or bool(AUTHOR_HEADING.match(text))
        or is_kind_label(text)  # "A Briefing Memo", "Research Paper": a category
        or bool(GLUED_RUBRIC.search(words[-1]))
    )


# A rubric in capitals run into the last word of a site's name over the item ("Analyses &
# AlternativesFEATURED", a badge's text glued on): no headline ends a word so.
GLUED_RUBRIC = re.compile(r"[a-zа-яё][A-ZА-ЯЁ]{4,}$")


# The credit of the theme a site's engine is dressed in: "<Theme> - шаблон joomla", "WordPress
# theme by <Maker>", "Powered by Drupal".
THEME_CREDIT = re.compile(
    r"\b(?:(?:шаблон|template|theme|тема)\s+(?:для\s+|for\s+)?(?:joomla|wordpress|drupal)|"
    r"(?:joomla|wordpress|drupal)\s+(?:шаблон|template|theme|тема)|powered by (?:joomla|wordpress|drupal))\b",
    re.I,
)
CMS_NAMES = ("joomla", "wordpress", "drupal")


def is_theme_credit(text: str) -> bool:
    folded = text.casefold()
    return any(map(folded.__contains__, CMS_NAMES)) and bool(THEME_CREDIT.search(text))


# A PDF page's running head: its number, the publisher, the year ("1 Steppe Institute 2022").
PAGE_HEAD = re.compile(r"\d{1,3}\s+(?P<publisher>\S.*?)\s+(?:19|20)\d\d")


def page_head(text: str) -> bool:
    m = PAGE_HEAD.fullmatch(text)
    return m is not None and bool(ORG_WORDS.search(m["publisher"]))


ASCII_LETTERS = string.ascii_letters.encode()


def letter_count(text: str) -> int:
    """How many characters of `text` are letters (str.isalpha). An ASCII text's letters are
    A to Z in either case: its bytes without them are counted in one go, not character by
    character."""
    if text.isascii():
        return len(text) - len(text.encode().translate(None, ASCII_LETTERS))
    return sum(map(str.isalpha, text))


def has_menu_separator(text: str) -> bool:
    # A pattern that may start anywhere is tried at every character: it runs only on the few
    # lines that hold a separator.
    return ("|" in text or ">" in text or "»" in text or "›" in text) and bool(MENU_SEPARATOR.search(text))


def is_image_text(text: str) -> bool:
    # The pattern's words all end with one of these letters, at the end or before a last
    # newline; tried at every character, it runs only on the few lines that end so.
    if text.rstrip("\n")[-1:] in IMAGE_TEXT_ENDS and IMAGE_TEXT.search(text):
        return True
    # A picture's description in small letters ("cover image with map of …"): a title opens
    # with a capital; the pattern is anchored, and only such lines are asked.
    return text[:1].islower() and bool(IMAGE_DESCRIPTION.match(text))


IMAGE_DESCRIPTION = re.compile(
    r"(?:[a-z]+ ){0,2}(?:(?:image|photo|photograph|picture|illustration|graphic|map)s? "
    r"(?:of|with|showing|shows|depicting)|logo)\b"
)


IMAGE_TEXT_ENDS = "rotlROTL"
# A picture's alternative text naming whose picture it is, the name after it: "Site icon Steppe
# Review", "Writer's pictureAsel Nurlanova" (the word in small letters, as no title's is).
IMAGE_LABEL = re.compile(
    r"^(?:[\w'’]+ ){0,2}(?:icon|picture|avatar|logo|photo|portrait|headshot) ?(?=[A-ZА-ЯЁ])"
)
# The language of a site's edition, after its name: "(English)", "(Русская версия)".
LANGUAGE_AT_END = re.compile(
    r"\((?:english|russian|русский|русская версия|english version|deutsch|français|español|қазақша|"
    r"кыргызча|o[‘'’ʻ]?zbek(?:cha)?|українська|türkçe|eng|rus?|en)\)$",
    re.I,
)
# A time ago: "3 hours ago", "больше месяца назад" (a date a widget keeps up to date).
RELATIVE_DATE = re.compile(
    r"^(?:\d+|an?|one|[a-zа-яё]+)(?: [a-zа-яё]+)? (?:second|minute|hour|day|week|month|year|секунд|минут|"
    r"час|дн|день|недел|месяц|год|лет)\w* (?:ago|назад)$"
)
# An address to write to: "… в редакцию news@site.kz".
EMAIL = re.compile(r"\w@\w[\w-]*\.\w")
# A link's text: "click here", "you can download it here".
LINK_HERE = re.compile(r"\b(?:click|it|them|more|out)\s+here[.!]?$", re.I)
# Tags run together between commas, a space after none of them: "missiles,Defense,Nuclear".
GLUED_COMMA = re.compile(r",(?=[^\W\d_])")


def is_widget_text(text: str) -> bool:
    """A line of a page's widgets: a picture's label, a time ago, an e-mail address or a link or
    its text, a run of tags, or a line that ends with a separator, the rest of it cut off
    ("Сегодня: 13.10.2024 |"). Each pattern runs only where a character it needs is there."""
    return (
        text[-1:] in "|/"
        or text.endswith(("ago", "назад"))
        and bool(RELATIVE_DATE.match(text))
        or "@" in text
        and bool(EMAIL.search(text))
        or text[-1:] in "eE.!"
        and bool(LINK_HERE.search(text))
        or "://" in text
        or "www." in text
        or text.count(",") >= 2
        and len(GLUED_COMMA.findall(text)) >= 2
        or bool(IMAGE_LABEL.match(text))
    )


# A link to a file names the file's format last: "Full text (PDF)", "Report [pdf, 2 MB]".
FILE_FORMAT = re.compile(r"[(\[](?:pdf|docx?|epub|rtf|pptx?|xlsx?)(?:[,;][^()\[\]]*)?[)\]]", re.I)


def is_file_link(text: str) -> bool:
    return bool(FILE_FORMAT.fullmatch(text, max(text.rfind("("), text.rfind("["), 0)))


TAG_PREFIX = re.compile(r"^\((?P<tag>[^()]{2,40})\)\s+(?=\S)")
# A field that names the title, in an entry's or a record's list of fields: "Title of entry:<Title>".
TITLE_LABEL = re.compile(
    r"^(?:title(?: of (?:the )?(?:entry|article|paper|report|work|submission))?|название|заголовок)"
    r"\s*:\s*(?=\S)",
    re.I,
)


FIELD_LABEL_WORDS = 3  # words of a field's label before its colon: "Location", "Type of Project"
FIELD_BOX_LINES = 3  # labelled lines in a row that make a box of facts


def labelled_title(line: str) -> str | None:
    """The value of a title's label on the line, if it has one. Asked of every line a candidate
    stands on: the pattern runs only on a line with a colon near its start."""
    m = TITLE_LABEL.match(line.lstrip()) if ":" in line[:50] else None
    return clean_space(line.lstrip()[m.end() :]) if m else None


CREDIT_AFTER = re.compile(r"^(?P<title>.{12,}?)\s*\((?P<credit>[^()]{3,120})\)$")


@lru_cache(maxsize=4096)
def title_and_credit(text: str) -> tuple[str, str] | None:
    """A title printed with its byline after it: "<Title> - A, B, C ...", "<Title> (A, Publisher)"."""
    # The credit closes the line: the pattern, which tries every length of title, runs only then.
    m = CREDIT_AFTER.match(text) if text.rstrip("\n").endswith(")") else None
    # A lone capital last in the parentheses designates a part ("Pipeline (Line D)", "(Phase B)"):
    # a name's initial in a credit carries its full stop.
    if m and m["credit"][-2:-1] != " " and _byline(m["credit"]):
        return m["title"], m["credit"]
    parts = title_parts(text)
    if len(parts) == 2 and len(parts[0].split()) >= 3 and _byline(parts[1]) and not _byline(parts[0]):
        return parts[0], parts[1]
    return None


# A source's name in quotes after the sentence mark that ends a headline: "<Title>? «Газета»".
SOURCE_AFTER = re.compile(r"(?P<title>.{12,}?[?!.])\s+«[^«»]{2,30}»")


def source_after(text: str) -> str | None:
    """The headline without the name of the paper it was taken from, printed after it in quotes
    (a press review's items): a title's own quotation never follows its last sentence mark."""
    m = SOURCE_AFTER.fullmatch(text) if text.endswith("»") else None
    return m["title"] if m else None


@lru_cache(maxsize=4096)
def split_glued(text: str) -> tuple[str, str] | None:
    """ "<Title>Luke Coffey": a PDF's text with the byline glued to the title's last word; the
    title and the names."""
    glued = GLUED_NAMES.search(text) if text[text.rfind(" ") + 1 :][:1].isupper() else None
    if glued and len(text[: glued.start()].split()) >= 3 and _byline(glued[0]):
        return text[: glued.start()], glued[0]
    return None


def glued_credit(text: str, page: Repetitions) -> tuple[str, str] | None:
    """split_glued's title and names, where the page prints the names elsewhere as words of their
    own: a word in capitals inside a title ("Lessons from SolarWinds Breach") is no glued name."""
    found = split_glued(text)
    return found if found and " " + _fold_line(found[1]) in page.folded else None


# Names glued to the word before them, to the end of the line: "…InterestLuke Coffey".
GLUED_NAMES = re.compile(r"(?<=[a-z]{3})[A-Z][a-z]+(?: [A-Z][\w.'’-]*){1,3}$")


QUOTE_THEN_COUNT = re.compile(r"(?<=[»”])\d{1,4}$")
COUNT_LINE = re.compile(r"(?!(?:19|20)\d\d$)\d{1,7}")
DECORATION = re.compile(r"(?::{2,}|[»›]{1,2})\s+(?=\w)")


def _candidates(
    units: list[tuple[int, int, str]], page: Repetitions, lines: list[str], lowercase: LowerCaseWords
) -> list[Candidate]:
    """Each unit, each line of a unit of a few lines, its parts around " - " or " | ", and up to
    four units of a broken title joined.

    Units join only where the first plainly goes on ("Getting Off the Back Foot:", "... Fleet" then
    "in Russian-Ukrainian Relations") or where the page prints the joined title again.
    """
    found: list[Candidate] = []
    for k, (first, last, text) in enumerate(units):
        # "«…»12": a count of comments run into a title that ends with a quotation.
        text = QUOTE_THEN_COUNT.sub("", text) if text[-1:].isdigit() else text
        # "<Title>" over "3630" with no blank line between: a count of views on a line of its own
        # (not a year, which a date line or the title's end may be).
        if last > first and COUNT_LINE.fullmatch(lines[last].strip()):
            text, last = clean_space(" ".join(lines[first:last])), last - 1
        found.append(Candidate(text, first, last))
        # "(Uzbekistan) <Title> (A. Author, Publisher)": the title without its tag and credit.
        bare = without_opening(TAG_PREFIX, text)
        credited = title_and_credit(bare) or glued_credit(bare, page)
        if credited:
            bare = credited[0]
        bare = source_after(bare) or bare
        if bare != text:
            found.append(Candidate(bare, first, last))
        # ":: <Title>": a mark some sites set before the title, as before each heading.
        decorated = DECORATION.match(text) if text[:1] in ":»›" else None
        if decorated:
            found.append(Candidate(text[decorated.end() :], first, last))
        # "📩 <Title>": a newsletter's pictograph before its subject line.
        if text[1:2] == " " and unicodedata.category(text[0]) == "So":
            found.append(Candidate(text[2:], first, last))
        # "date 2022-09-21 <Title>": a dateline run into the title after it.
        dated = title_after_date(text) if DIGIT.search(text, 0, DATE_RUN_IN) else None
        if dated:
            found.append(Candidate(dated, first, last))
        # "<Title> 11.05.2018": a post's date in figures run onto the end of its headline.
        dated = title_before_date(text) if text[-1:].isdigit() else None
        if dated:
            found.append(Candidate(dated, first, last))
        # "<Title><Title>": the page's title and its heading run together as the dump's first
        # line. Lower down, a line printed twice over is a picture's alt text and its caption.
        once = printed_twice(text) if k == 0 else None
        if once:
            found.append(Candidate(once, first, last))
        # "НазадУкраинский пример…": a back link's word run into the title after it.
        link = GLUED_LINK.match(text)
        if link:
            found.append(Candidate(text[link.end() :], first, last))
        # "<Caption> (Source: …) <Title> By A. Author": a PDF's cover run into one line.
        after = after_credit(text) if "(" in text else None
        if after:
            found.append(Candidate(after, first, last))
        labelled = labelled_title(text) if last == first else None
        if labelled:
            found.append(Candidate(labelled, first, last))
        if 0 < last - first < 3:
            # A dump may run a title into the line above it ("…sent to" then the title).
            for i in range(first, last + 1):
                line = clean_space(lines[i])
                if line:
                    found.append(Candidate(line, i, i))
                    labelled = labelled_title(line)
                    if labelled:
                        found.append(Candidate(labelled, i, i))
                    if site_tail(line, page):  # "<Title> - <Site>" as the unit's first line
                        found.append(Candidate(line[: last_separator(line).start()], i, i))
        # "Author > <Title> 01:49 08.11.2005": a crumb ends with the page it leads to.
        for i in range(first, last + 1) if last - first < 3 else ():
            # A line without a crumb's separator (see crumb_end) is not cleaned to be asked.
            line = lines[i]
            end = crumb_end(clean_space(line)) if ">" in line or "»" in line or "›" in line else None
            if end:
                found.append(Candidate(end, i, i))
        parts = title_parts(text)
        # A caption's or a credit's parts are the caption's ("Photo: Getty Images | <caption>"),
        # a dateline's the dateline's ("Posted Aug 06, 2019 | <publisher>, <author>").
        if len(parts) > 1 and not CREDIT_START.match(text) and not any(map(date_at_start, parts)):
            if site_after(text) or site_tail(text, page):
                parts = parts[:-1]
                if len(parts) > 1:  # "<Title> – <its last words> - <Site>"
                    found.append(Candidate(text[: last_separator(text).start()], first, last))
            if last > first and runs_past_line(parts[0], clean_space(lines[first])):
                parts = parts[1:]
            found += [Candidate(part, first, last) for part in parts if len(part.split()) >= 3]
        if len(text) > 90 or is_furniture(text):
            continue
        joined, end = text, last
        for more_first, more_last, more in units[k + 1 : k + 4]:
            # The cheap tests first: a unit after a sentence, or a long one, ends the title.
            if joined.endswith((".", "?", "!")) or len(more) > 90:
                break
            # A line that a colon or a comma leads into goes on the title, even one that reads
            # like names ("…Economic Union:" then "Postponed Integration, Costly Enlargement").
            led_into = joined.endswith((":", ","))
            # A title's last word wrapped onto a line of its own ("…Central Asian Geopolitical"
            # then "Context") is no furniture where the page prints the title whole elsewhere.
            last_word = more.isalpha() and page.count(f"{joined} {more}") > 1
            if (
                more_first - end > 3
                or MARKED_BYLINE.match(more)  # "By staff reporter …" starts the header
                or not more[:1].islower()
                and not last_word
                and (is_furniture(more, names=False) or not led_into and reads_as_names(more, lowercase))
                or more[:1].islower()
                and (is_image_text(more) or AD_LABEL.match(more))  # "logo steppe network" under the title
            ):
                break
            goes_on = joined.endswith((":", ",", "-", "–")) or more[:1].islower()
            joined, end = f"{joined} {more}", more_last
            if goes_on or page.count(joined) > 1:
                found.append(Candidate(joined, first, end))
    return found + shared_openings(found)


def printed_twice(text: str) -> str | None:
    """One copy of a line that is the same three words or more twice over, glued or a space
    between, with no sentence's end inside (a caption's sentences and credit are printed twice
    over too)."""
    half = len(text) // 2
    if half < 8 or text[:half] != text[-half:] or text[half:-half].strip():
        return None
    once = text[:half]
    return once if len(once.split()) >= 3 and not SENTENCES.search(once) else None


def runs_past_line(part: str, line: str) -> bool:
    """Whether the first part of a unit of several lines is its whole first line and the next
    line's words before a dash: "<Title>" over "Киев — Москва — Киев" gives "<Title> Киев", no
    title. A first line that plainly goes on (a small joining word or a colon last) is a title
    broken over two lines, whose part it is."""
    if not part.startswith(line + " ") or len(line.split()) < 3:
        return False
    return line[-1:] not in ":,-–" and line.rsplit(" ", 1)[-1].casefold() not in DANGLING


# A navigation link's word glued to the capital that opens the line's real text.
GLUED_LINK = re.compile(r"(?:Назад|Вперёд|Вперед|Далее)(?=[А-ЯЁA-Z«\"“])")


# A picture's credit in parentheses, and what follows it.
CREDIT_THEN = re.compile(r"\((?:photo|image|picture|credit|source|фото)\b[^()]{0,150}\)\s+(?=\S)", re.I)
BYLINE_AT_END = re.compile(r"\s+By\s+(?=[A-Z])")


def after_credit(text: str) -> str | None:
    """What a line prints after a picture's caption and its credit, without the byline after it:
    "<Title>" from "<Caption> (Source: …) <Title> By A. Author"."""
    m = CREDIT_THEN.search(text)
    if not m:
        return None
    rest = text[m.end() :]
    by = BYLINE_AT_END.search(rest)
    if by and _byline(rest[by.start() :].strip()):
        rest = rest[: by.start()]
    return rest if 3 <= len(rest.split()) <= 30 else None


CRUMB = re.compile(r"\s+[>»›]\s+")
CRUMB_NOT_QUOTE = re.compile(r"\s+[>›]\s+")  # where "«" opens a quote, "»" closes it
TIME_AT_END = re.compile(r"\s+\d{1,2}:\d\d$")


@lru_cache(maxsize=4096)
def crumb_end(text: str) -> str | None:
    """The last step of a breadcrumb, without the date and time it is printed with: "<Title>"
    from "Author > <Title> 01:49 08.11.2005" (a few words: a crumb's steps are a menu's)."""
    if not ("> " in text or "» " in text or "› " in text):
        return None  # most lines, cheaply
    parts = (CRUMB_NOT_QUOTE if "«" in text else CRUMB).split(text)
    if len(parts) < 2 or len(parts[-2].split()) > 4:
        return None
    end = TIME_AT_END.sub("", without_date(parts[-1]))
    return end if len(end.split()) >= 3 and not is_furniture(end) else None


def site_after(text: str) -> bool:
    """Whether the last part of a line is the name of the site or publisher it was printed by:
    "<Title> — Carnegie Endowment for International Peace", "<Title> - Eurasianet". A word that
    names a kind of publication ("<Title> - АНАЛИТИКА") is the headline's rubric, printed as its
    part, not a site's name."""
    if not SEPARATOR.search(text):
        return False  # most lines, cheaply
    parts = TITLE_PARTS.split(text)
    last = parts[-1].split()
    return (
        len(parts) > 1
        and len(parts[0].split()) >= 2
        # A headline that is a quotation names its speaker after the dash: "«<Words>» – Петров".
        and not (len(last) == 1 and len(parts) == 2 and is_quotation(parts[0]))
        and (
            is_organisation(parts[-1])
            or len(last) == 1
            and last[0][:1].isupper()
            and not is_kind_label(last[0])
        )
    )


SITE_WORDS = 4


def is_quotation(text: str) -> bool:
    """Whether `text` is wholly one quotation in quotes: '"<Words>"', "«<Words>»"."""
    return text[:1] in '"«“„' and text[-1:] in '"»”“' and len(text) > 2


def last_separator(text: str) -> re.Match:
    return list(TITLE_PARTS.finditer(text))[-1]


def site_tail(text: str, page: Repetitions) -> bool:
    """Whether the last part of a line is a site's name because the page prints what comes before
    it on a line of its own: "<Title> - Ритм Евразии" beside "<Title>" (a few words, no sentence)."""
    if not SEPARATOR.search(text) or not TITLE_PARTS.search(text):
        return False  # most lines, cheaply
    cut = last_separator(text)
    if not text[cut.end() :][:1].isupper() or not is_site_name(text[cut.end() :]):
        return False
    return "\n" + _fold_line(text[: cut.start()]) + "\n" in page.lines


def is_site_name(text: str) -> bool:
    return len(text.split()) <= SITE_WORDS and not text.endswith((".", "?", "!"))


def printed_with_site(text: str, page: Repetitions) -> bool:
    """Whether the page prints the text alone and again as a line with a site's name after it (see
    site_tail): then its own last part after a dash is its own ("<Title> – Кыргызстан")."""
    folded = _fold_line(text)
    start = page.lines.find("\n" + folded + " ")
    if start == -1 or "\n" + folded + "\n" not in page.lines:
        return False
    line = page.lines[start + 1 : page.lines.find("\n", start + 1)]
    cut = TITLE_PARTS.match(line, len(folded))
    return cut is not None and is_site_name(line[cut.end() :]) and not TITLE_PARTS.search(line, cut.end())


def _label_or_byline(text: str) -> bool:
    return bool(read_numbered(text[:120], run_on=True) or _byline(text))


def shared_openings(found: list[Candidate]) -> list[Candidate]:
    """The words two printings on different lines open with, where they then go different
    ways into a label or a byline: a PDF's title run into its labels ("<Title> Europe and
    Central Asia Report N°240" and "<Title> Crisis Group …"). The later printing is the
    candidate."""
    # The four opening words of each candidate of five or more (split no further: a candidate
    # may be a paragraph); most pages have no two alike, and then nothing more is split or paired.
    openings = []
    for c in found:
        if len(c.text.split(maxsplit=4)) == 5:
            openings.append((c, tuple(_fold_line(c.text).split(maxsplit=4)[:4])))
    seen: set[tuple[str, ...]] = set()
    shared_opening = set()
    for _, opening in openings:
        (shared_opening if opening in seen else seen).add(opening)
    if not shared_opening:
        return []
    printings = [
        (c, c.text.split(), _fold_line(c.text).split())
        for c, opening in openings
        if opening in shared_opening
    ]
    shared = []
    for k, (a, a_words, a_folded) in enumerate(printings):
        for b, b_words, b_folded in printings[k + 1 :]:
            if b.first <= a.last or a_folded[:4] != b_folded[:4]:
                continue
            n = 4
            while n < min(len(a_words), len(b_words)) and a_folded[n] == b_folded[n]:
                n += 1
            if 4 <= n < min(len(a_words), len(b_words)) and any(
                _label_or_byline(" ".join(words[n:])) for words in (a_words, b_words)
            ):
                shared.append(Candidate(" ".join(b_words[:n]), b.first, b.last))
    return shared


def next_line(lines: list[str], i: int) -> str:
    """The first non-blank line after line `i`, without its bullet."""
    j = next_index(lines, i)
    return clean_space(without_opening(BULLET, lines[j])) if j is not None else ""


def previous_index(lines: list[str], i: int, reach: int | None = 7) -> int | None:
    """The index of the last non-blank line before line `i`, at most `reach` lines up (seven, as
    next_index; None: any)."""
    for j in range(i - 1, -1 if reach is None else max(i - reach - 1, -1), -1):
        line = lines[j]
        if line and not line.isspace():
            return j
    return None


def next_index(lines: list[str], i: int) -> int | None:
    # A loop, not next() over a generator, and a blank line told by str.isspace, not by a
    # stripped copy: asked after every candidate and header line.
    for j in range(i + 1, min(i + 8, len(lines))):
        line = lines[j]
        if line and not line.isspace():
            return j
    return None


def header_follows(lines: list[str], i: int) -> bool:
    """Whether a byline, a date or labels come after line `i`: right after it, or after a dek (a
    line that sums the memo up) or a picture's alternative text between them."""
    for _ in range(3):
        j = next_index(lines, i)
        if j is None:
            return False
        text = clean_space(without_opening(BULLET, lines[j]))
        if is_header_line(text):
            return True
        if text.endswith(",") and not is_dek(text):
            # A dek broken over two lines: "Safeguarding the region’s future," then "and …".
            k = next_index(lines, j)
            if k is not None and is_dek(f"{text} {clean_space(lines[k])}"):
                i = k
                continue
        if " " not in text and READING_TIME_LINE.match(next_line(lines, j)):
            # A toggle for the contents over the reading time ("Оглавление", "Читать около 90
            # мин"): a long study's header, whatever line (a dek) follows.
            return True
        if not (is_dek(text) or is_image_text(text)):
            return False
        i = j
    return False


# A reading time on a line of its own: "Читать около 90 мин", "Reading time: 12 min", "5 min read".
READING_TIME_LINE = re.compile(
    r"(?:(?:читать|чтение|время чтения|reading time|read in):?\s+)?(?:около\s+|about\s+|~\s*)?\d{1,3}\s?"
    r"(?:мин\w*|min(?:ute)?s?)\.?(?:\s+(?:read|чтени[ея]))?$",
    re.I,
)


# A word in lower case: "\b" before its first letter is looked behind for after it, so that a
# search skips to the letters rather than trying the boundary at every character.
LOWERCASE_WORD = re.compile(r"[a-zа-яё](?<!\w.)[a-zа-яё'’-]{2,}\b")


class LowerCaseWords:
    """The words a page writes in lower case, read from it only if a line's names need them."""

    def __init__(self, lines: list[str]):
        self.lines = lines

    @cached_property
    def text(self) -> str:
        return "\n".join(self.lines[: head_end(self.lines) + 1])[:PAGE_LOOKED_AT]

    @cached_property
    def words(self) -> set[str]:
        return set(LOWERCASE_WORD.findall(self.text))

    def __contains__(self, word: str) -> bool:
        if "words" in self.__dict__:
            return word in self.words
        # A name's few words are looked for where the text prints them, not among all its words,
        # which would be read for that: a printing is one of the words where LOWERCASE_WORD, tried
        # there, reads it whole. No word read before it runs on into it, but one joined to it by
        # an apostrophe or a hyphen: then all the words are read, as findall takes them.
        text = self.text
        at = text.find(word)
        while at != -1:
            if at and text[at - 1] in "'’-":
                return word in self.words
            m = LOWERCASE_WORD.match(text, at)
            if m and m.end() == at + len(word):
                return True
            at = text.find(word, at + 1)
        return False


def reads_as_names(text: str, lowercase: LowerCaseWords | set[str]) -> bool:
    """A line of names, unless every word of one of them is a word the page writes in lower case:
    "Postponed Integration, Costly Enlargement" is a title's line, "Stanislav Secrieru" a byline.
    Footnote marks on the names are no part of them: "Jane Roe * John Doe **"."""
    if FOOTNOTE_SIGN.search(text):
        text = without_footnote_marks(text)
    if not looks_like_names(text):
        return False
    for name in split_authors(text):
        words = [w.casefold() for w in name.split() if len(w) > 2]
        if words and all(w in lowercase for w in words):
            return False
    return True


def tail_of_words(text: str, n: int) -> str | None:
    """The end of `text` that holds its last `n` words (as WORD finds them), if it starts at a space."""
    parts = text.split()
    count = 0
    for k in range(len(parts) - 1, -1, -1):
        count += len(WORD.findall(parts[k]))
        if count == n:
            return " ".join(parts[k:])
        if count > n:
            return None
    return None


def ends_with_month(text: str) -> bool:
    """Whether `text` ends with a month and a year: "September 2014"."""
    words = text[-20:].split()
    return len(words) >= 2 and words[-1].isdigit() and len(words[-1]) == 4 and words[-2].casefold() in MONTHS


def name_in_small_letters(text: str, head: str) -> bool:
    """Whether a line of a few words, some of them in small letters, is a name the head prints
    with capitals elsewhere: "Jane roe" beside "… by Jane Roe"."""
    words = text.split()
    if not 2 <= len(words) <= 4 or not text[:1].isupper() or all(w[:1].isupper() for w in words):
        return False
    capitals = " ".join(w[:1].upper() + w[1:] for w in words)
    return capitals in head and looks_like_names(capitals)


NAMES_CUT_WORDS = 8  # words of a byline of two or three names


def names_cut_short(text: str, head: str) -> bool:
    """Whether a line of names joined by "and" lost its last word, which the head prints after it
    elsewhere (a PDF's running head): "Jane Roe and Lisa" beside "12 Jane Roe and Lisa Doe <Title>"."""
    if " and " not in text and " & " not in text or len(text.split()) > NAMES_CUT_WORDS:
        return False  # most lines, cheaply
    at = head.find(text + " ")
    while at != -1:
        after = head[at + len(text) + 1 : at + len(text) + 40].split(maxsplit=1)
        if after and after[0][:1].isupper() and looks_like_names(f"{text} {after[0]}"):
            return True
        at = head.find(text + " ", at + 1)
    return False


# Small words no title ends with: a line that does is cut short ("Looking Forward: and the"), or
# runs on into the text under it ("… о чём спорят в"); in lower case, as inside a title
# ("Plan A" ends with a letter). A Russian preposition or conjunction is never a title's last word.
DANGLING = {"the", "a", "an", "and", "of", "or", "и"} | {
    *("в", "во", "на", "с", "со", "к", "ко", "о", "об", "по", "из", "от", "до", "для", "у", "при"),
    *("а", "но", "или", "что", "как", "же"),
}


def names_run_together(text: str) -> bool:
    """A PDF's byline with its separators lost: "A. Bob Smith Carol Jones B. Dan Brown …", every
    word capitalized and two or more of them initials, where a title has small words."""
    words = text.split()
    # Every word capitalized is asked before the initials are counted: a title's first small word
    # settles it.
    return (
        len(words) >= 6
        and all(w[:1].isupper() for w in words)
        and sum(bool(INITIAL.match(w)) for w in words) >= 2
        and not any(w.endswith((":", ",")) for w in words)
    )


def byline_below(lines: list[str], i: int, text: str) -> bool:
    """Whether the line after line `i` is a byline of other names than `text`, or announces one:
    then `text` (title-case words that read like names: "Internet Shutdown") is no byline."""
    following = next_line(lines, i)
    if AUTHOR_HEADING.match(following):
        return True
    marked = re.match(r"^(?:written\s+by|by|author\(?s?\)?:|автор[ыа]?:?)\s", following, re.I)
    names = _byline(following) if marked or "," in following or " and " in following else None
    # Unmarked, a list of names is a byline too: the one "name" above it is a heading over it
    # ("Daily Campaign Assessment" over "A, B, and C"), as find_byline reads it.
    return bool(names and names != split_authors(text) and (marked or len(names) > 1))


@lru_cache(maxsize=4096)
def is_header_line(text: str) -> bool:
    """A byline, a date, a label, or a heading that announces the author ("Article author")."""
    if read_label(text):
        return True  # a label's value may run long: "Keywords: …"
    # Bylines and datelines are short; the line under a title is often the first paragraph.
    return len(text) <= HEADER_LINE_MAX and bool(
        parse_date(text)
        # "Posted Aug 6, 2019 | …". The split tries every character: it runs only where a figure
        # is near enough the start for date_at_start, which looks at the first part's first 40
        # characters (the part opens the line, once stripped).
        or DIGIT.search(text.lstrip(" ,;()"), 0, 40)
        and date_at_start(DATE_PARTS.split(text, 1)[0].strip(" ,;()"))
        or text.lower() == "published"
        or AUTHOR_HEADING.match(text)
        or _byline(text)
    )


HEADER_LINE_MAX = 300


def is_dek(text: str) -> bool:
    """A line that sums the memo up under its title: a long phrase or sentence, not a paragraph;
    a shorter one in sentence case ("Addressing vulnerability and promoting security")."""
    words = text.split()
    if not 3 < len(words) < 40 or text.endswith((":", ";")):
        return False
    return len(words) > 8 or sum(w[:1].islower() for w in words[1:]) > len(words) / 2


TITLE_WORDS_MIN = 3  # over a dek; a rubric is one or two words
DEK_WORDS = 8  # a dek under a title is longer than this
DEK_TITLE_WORDS = 4  # and the title over it no shorter than this
CREDIT_LINE_MAX = 300  # characters: a caption and its credit
CUT_LEAD_WORDS = 15  # a line cut short after more words is a sentence's start


RUBRIC_WORDS = 3  # a section's or a region's rubric over the title: "CENTRAL ASIA", "WORLD NEWS"
BRAND_WORDS = 5


def is_russian_title_case(words: list[str], text: str) -> bool:
    """Whether every word of a Russian line opens with a capital (the line not in capitals)."""
    return all(w[:1].isupper() for w in words) and has_cyrillic(text)


DATE_RUN_IN = 30  # characters: a label and a date that open a line, before its title


def title_after_date(text: str) -> str | None:
    """The rest of a line that opens with a date (and its label), where the rest opens with a
    capital, holds three words or more and ends as a title does: a title run into the dateline
    above it. After a separator the rest is the dateline's ("Posted Aug 06, 2019 | <publisher>,
    <author>"); a sentence after a date is a post's opening. The date is the fewest words that
    parse as one (parse_date reads a date that opens a longer text)."""
    words = unglued_date(text).split()
    for n in range(1, min(DATE_WORDS, len(words) - 3) + 1):
        if DIGIT.search(words[n - 1]) and parse_date(" ".join(words[:n])):
            rest = " ".join(words[n:])
            return rest if rest[:1].isupper() and not rest.endswith(".") else None
    return None


# A date in figures as one word, the day first: "11.05.2018", "14/03/2019" (DATE_INSIDE's form,
# which costs the line with it points as a title).
FIGURES_DATE = re.compile(r"\d{1,2}([./])\d{1,2}\1(?:19|20)\d\d")


def title_before_date(text: str) -> str | None:
    """The rest of a line that ends with a date in figures, where the rest holds three words or
    more and ends as a title does: a blog's or a news list's headline with its date on the same
    line. Only a date in figures: a title may end with one in words ("… since 9 May 2018")."""
    rest, _, last = text.rpartition(" ")
    if not FIGURES_DATE.fullmatch(last) or parse_date(last) is None or len(rest.split()) < 3:
        return None
    return rest if not rest.endswith((".", ",", ":")) and not SEPARATOR.fullmatch(rest[-1]) else None


@dataclass
class TitleSignals:
    """What a title candidate is weighed against: the page and the places that mark a title."""

    lines: list[str]
    page: Repetitions  # of texts in the head of the page
    first_line: int | None  # where the dump starts
    walked_back: int | None
    after_body: tuple[int, int, str] | None
    units: list[tuple[int, int, str]]
    lowercase: LowerCaseWords
    opening: str | None = None  # the body's first words

    def __post_init__(self) -> None:
        # Worked out once per page, not once per candidate.
        self._headers: dict[int, bool] = {}
        self._agreeing: dict[str, bool] = {}  # a text is asked about by several signals
        self._framed: dict[int, bool] = {}  # a line's parts are candidates too
        self.brand = self._brand()
        self.file_name = self._file_name()

    def listed_below(self, text: str) -> bool:
        """Whether lines of their own below the head print `text` RUNNING_LABEL_REPEATS times."""
        key = _fold_line(text)
        below = self.lines[self.units[-1][1] + 1 : self.units[-1][1] + LIST_LINES] if self.units else []
        return sum(_fold_line(line) == key for line in below if line.strip()) >= RUNNING_LABEL_REPEATS

    @cached_property
    def folded_units(self) -> list[str]:
        return [_fold_line(text) for _, _, text in self.units if len(text.split()) >= 3]

    @cached_property
    def unit_words(self) -> list[tuple[int, int, str]]:
        return [(first, last, _words(text)) for first, last, text in self.units if len(text.split()) >= 4]

    def header_after(self, i: int) -> bool:
        if i not in self._headers:
            self._headers[i] = header_follows(self.lines, i)
        return self._headers[i]

    def _brand(self) -> str | None:
        """The page's first line, folded, when the line after it repeats it and it is a few words
        long, as a site's name is (a title printed twice at the top is the page's title and its
        heading)."""
        if self.first_line is None:
            return None
        top = _fold_line(self.lines[self.first_line])
        if len(top.split()) > BRAND_WORDS:
            return None
        return top if _fold_line(next_line(self.lines, self.first_line)) == top else None

    def word_printed_twice(self) -> Candidate | None:
        """Where no line reads as a title, a title of one word (a place's name) that the head
        prints twice, over its picture and again over the body, and that the body speaks of: one
        word alone is furniture to the other signals. The lower printing heads the body."""
        words = [(first, text) for first, last, text in self.units[:4] if first == last and text.isalpha()]
        for k, (_, text) in enumerate(words):
            again = next((first for first, other in words[k + 1 :] if other == text), None)
            if again is not None and self.agrees(text):
                return Candidate(text, again, again)
        return None

    def _file_name(self) -> str | None:
        """The words of the page's first line, as slug_words gives them, when it is a file's name."""
        if self.first_line is None:
            return None
        top = self.lines[self.first_line].strip()
        return slug_words(top) if top[:1].isdigit() and FILE_NAME.match(top) else None

    def shortened_elsewhere(self, cand: Candidate) -> bool:
        """Whether another line prints the candidate's first words (four or more) and no more:
        a title cut short in the page's title line or a running head."""
        words = _words(cand.text)
        return any(
            (last < cand.first or first > cand.last) and words.startswith(other) and len(words) > len(other)
            for first, last, other in self.unit_words
        )

    def with_byline(self, cand: Candidate) -> bool:
        """Whether the candidate is another line of the page with names glued before or after it
        ("Fabio Indeo <Title>"), or the site's name glued after it ("<Title> Спектр"): that line
        is the title."""
        text = _fold_line(cand.text)
        for other in self.folded_units:
            if len(other) >= len(text):
                continue
            if text.endswith(other):
                rest, after = cand.text[: len(cand.text) - len(other)], False
            elif text.startswith(other):
                rest, after = cand.text[len(other) :], True
            else:
                continue
            # Glued on: no colon or dash between (a subtitle has one), and names, not words.
            glued = rest.strip()
            if glued[:1] in ":–—-|" or glued[-1:] in ":–—-|":
                continue
            if _byline(glued):
                return reads_as_names(glued, self.lowercase) or not looks_like_names(glued)
            if after and len(glued.split()) <= 2 and glued[:1].isupper() and glued[-1:] not in ".?!":
                # A word the title wrapped onto a line of its own is no site's name glued on.
                if cand.last > cand.first and glued == self.lines[cand.last].strip():
                    continue
                return True  # a site's name
        return self.names_after_printing(cand)

    def names_after_printing(self, cand: Candidate) -> bool:
        """Whether the candidate is another unit's words, whatever their punctuation and case, and
        then names: a cover's "A “TITLE” IN CAPITALS Jane Roe" beside "A "Title" in Capitals"."""
        if not cand.text[cand.text.rfind(" ") + 1 :][:1].isupper():
            return False  # a name's last word has a capital: most lines, cheaply
        words = _words(cand.text)
        for _, _, other in self.unit_words:
            if len(other) < len(words) and words.startswith(other):
                glued = tail_of_words(cand.text, len(words.split()) - len(other.split()))
                # Glued on, as in with_byline: a subtitle has a colon or a dash before it.
                if not glued or cand.text[: -len(glued)].rstrip()[-1:] in ":–—-|,":
                    continue
                if _byline(glued) and reads_as_names(glued, self.lowercase):
                    return True
        return False

    @cached_property
    def above_dek(self) -> int | None:
        """The last line of the unit right above the line the walk back reached, where that line
        is a dek (a line that sums the memo up) with at most a blank line between them. A line
        that opens in capitals is a display or a cover's line, one with a byline or a date under
        it is the title, and lines run together or with figures are labels or a cover's text.
        The line above must hold three words or more: a rubric ("Мнения экспертов") over a title in
        sentence case, as Russian titles are, is no title over its dek."""
        if self.walked_back is None:
            return None
        for (_, last, above), (first, end, text) in pairwise(self.units):
            if (
                first == self.walked_back == end
                and len(above.split()) >= TITLE_WORDS_MIN
                and _fold_line(above) != self.brand  # the site's name over a title in sentence case
                and not ends_with_month(above)  # a cover's label and its date: "… Paper May 2014"
                and first - last <= 2
                and is_dek(text)
                and not DIGIT.search(text)
                and not text.split()[0].isupper()
                and not self.header_after(end)
            ):
                return last
        return None

    @cached_property
    def credit_lines(self) -> list[tuple[int, str]]:
        """The head's lines that credit a picture, folded: "© Agency / …", "Photo: …"."""
        found = []
        for i, line in enumerate(self.page.head.split("\n")):
            line = line.strip()
            # A credit is a line of its own or a caption's end, not a PDF's text run together.
            if line and (CREDIT_START.match(line) or " © " in line and len(line) <= CREDIT_LINE_MAX):
                found.append((i, _fold_line(line)))
        return found

    def in_credits(self, text: str, line: int) -> int:
        """How many lines other than `line` that credit a picture print `text`."""
        folded = _fold_line(text)
        return sum(folded in credit for i, credit in self.credit_lines if i != line)

    @cached_property
    def field_values(self) -> list[str]:
        """The values, folded, of the fields of a box of facts in the head: FIELD_BOX_LINES lines
        or more in a row, each a label of a few words and its value ("Location: <places>", "Type
        of Project: Energy"). A label alone ("Source: <Title>", "Read the report: <Title>",
        "<Author>: <Title>") points at the title itself."""
        found: list[str] = []
        box: list[str] = []
        for line in self.page.head.split("\n"):
            label, colon, value = line.partition(": ")
            if (
                colon
                and value.strip()
                and 0 < len(label.split()) <= FIELD_LABEL_WORDS
                and not TITLE_LABEL.match(label.strip() + ": ")
            ):
                box.append(_fold_line(value))
            elif line.strip() or not box:
                if len(box) >= FIELD_BOX_LINES:
                    found += box
                box = []
        return found + box if len(box) >= FIELD_BOX_LINES else found

    def printed_again(self, text: str) -> bool:
        """Whether the head prints `text` more than once, but as a field's value (see in_fields)."""
        count = self.page.count(text)
        return count > 1 and count > 1 + self.in_fields(text)

    def in_fields(self, text: str) -> int:
        """How many field values (see field_values) print `text`: a line printed alone and again
        as a field's value is that field's, not the title printed twice."""
        return self.field_values.count(_fold_line(text))

    def ends_title(self, text: str) -> bool:
        """Whether a unit in mixed case ends with `text` after a colon ("Kicker: Main Title" above
        "MAIN TITLE"): a display of the title's part, printed once more only inside the title."""
        folded = _fold_line(text)
        return any(
            ":" in other
            and not other.isupper()
            and _fold_line(other).endswith(folded)
            and _fold_line(other)[: -len(folded)].rstrip().endswith(":")
            for _, _, other in self.units
        )

    def displayed(self, text: str) -> bool:
        """Whether a unit in capitals prints the part of `text` after its colon: the title's
        display, which vouches for the title as a second printing would."""
        part = _fold_line(text.rsplit(":", 1)[1])
        return len(part.split()) >= 3 and any(
            other.isupper() and _fold_line(other) == part for _, _, other in self.units
        )

    def heads_pages(self, text: str) -> bool:
        """Whether a line of the page is the part of `text` before its colon (three words or
        more), alone or before a bar: a report's running head ("<Main part> | Introduction"),
        which vouches for the title as a second printing would."""
        main, _, rest = text.partition(":")
        if len(main.split()) < 3 or not rest.strip():
            return False
        line = "\n" + _fold_line(main)
        return line + "\n" in self.page.lines or line + " | " in self.page.lines

    def taken_outright(self, cand: Candidate) -> bool:
        """The line walked back to from the body, with a header below it, that is the page's
        first line or printed again: three signals agree, and no other line could outweigh
        them (the common case, and the cheap one)."""
        text = cand.text
        return (
            3 <= len(text.split()) <= 30
            and not text.endswith((".", "...", "…"))
            and not is_furniture(text)
            and (self.opens_page(cand) and not self.brand or self.printed_again(text))
            and self.header_after(cand.last)
            and not (TAG_PREFIX.match(text) or len(title_parts(text)) > 1 or title_and_credit(text))
            and not source_after(text)
            and not glued_credit(text, self.page)
            and not (has_credit_inside(text) or has_date_inside(text) or self.with_byline(cand))
        )

    def off_topic_top(self, text: str) -> bool:
        """Whether `text` is the page's first line that opens_page turns away (it shares no word
        with the body's opening, a line below does): printed again, it is a running head or a
        greeting printed at the top and over the body (where the walk back from the body stops),
        not a title printed twice."""
        return (
            self.folded_top is not None
            and _fold_line(text) == self.folded_top
            and not self.agrees(text)
            and self.agreeing_below
        )

    def framed(self, i: int) -> bool:
        """Whether the lines right over and right under line `i` are one line printed twice, and
        shorter than it: an issuer's header and footer around the title. A short line between two
        printings (a date, a link, a word) is what parts a title printed twice."""
        if i not in self._framed:
            self._framed[i] = self._is_framed(i)
        return self._framed[i]

    def _is_framed(self, i: int) -> bool:
        above, below = previous_index(self.lines, i), next_index(self.lines, i)
        if above is None or below is None:
            return False
        frame = self.lines[above].strip()
        return frame == self.lines[below].strip() and len(self.lines[i].split()) > len(frame.split())

    def frames(self, i: int) -> bool:
        """Whether line `i` is one of the two printings that frame a line (see framed): they are
        not a title printed twice, nor is the lower one the title the walk back stops at."""
        near = (previous_index(self.lines, i), next_index(self.lines, i))
        return any(j is not None and self.framed(j) for j in near)

    @cached_property
    def folded_top(self) -> str | None:
        return None if self.first_line is None else _fold_line(self.lines[self.first_line])

    def opens_page(self, cand: Candidate) -> bool:
        """Whether the candidate is the page's first line, and no widget or running head there
        ("Type to search", "Popular: day week month"): a page's own title names what the memo
        then speaks of, so a first line that shares no word with the body's opening, where a
        line below it does, is not the title."""
        if cand.first != self.first_line or self.site_named_below(cand.first):
            return False
        return self.agrees(cand.text) or not self.agreeing_below

    def site_named_below(self, i: int) -> bool:
        """Whether the site's name that ends line `i` after a bar opens what ends one of the next
        lines after one too: the upper is the title of the site's section, the lower the page's
        own ("<Section> | <Site>" over "<Title> | <SITE> English Archive")."""
        line = self.lines[i]
        if " | " not in line:
            return False  # most lines, cheaply
        site = _fold_line(line.rsplit(" | ", 1)[1].strip())
        return len(site) > 2 and any(
            _fold_line(text.rsplit(" | ", 1)[1]).startswith(site)
            for first, _, text in self.units[1:SITE_LINES_BELOW]
            if first > i and " | " in text
        )

    def agrees(self, text: str) -> bool:
        """Whether a word of the text is a word of the body's opening too (its stem)."""
        if self.opening is None:
            return True
        if text not in self._agreeing:
            self._agreeing[text] = any(map(self.opening_has_stem, stems(text)))
        return self._agreeing[text]

    def names_opening_words(self, text: str) -> bool:
        """Whether OPENING_WORDS or more words of the text (their stems) are words of the body's
        opening: a title in title case names what the memo speaks of ("Amid Outcry, Russia
        Increases Online Surveillance"), a byline's names are seldom all in its first lines."""
        return self.opening is not None and sum(map(self.opening_has_stem, stems(text))) >= OPENING_WORDS

    def opening_has_stem(self, stem: str) -> bool:
        """Whether a word of the body's opening has this stem: a word that starts with it, or is
        it where it is shorter than STEM. Looked for with str.find: a candidate has a few stems,
        and the opening's every word would be dearer to list."""
        opening = self.folded_opening
        at = opening.find(stem)
        while at != -1:
            starts_word = not (at and LETTER.match(opening, at - 1))
            if starts_word and (len(stem) == STEM or not LETTER.match(opening, at + len(stem))):
                return True
            at = opening.find(stem, at + 1)
        return False

    @cached_property
    def agreeing_below(self) -> bool:
        return any(
            first != self.first_line and not is_furniture(text) and self.agrees(text)
            for first, _, text in self.unit_lines
        )

    @cached_property
    def unit_lines(self) -> list[tuple[int, int, str]]:
        """The units, and the lines of a unit of a few lines on their own (as _candidates takes
        them): a title may run on from the line of furniture above it."""
        found = []
        for first, last, text in self.units:
            found.append((first, last, text))
            if 0 < last - first < 3:
                found += [
                    (i, i, clean_space(self.lines[i]))
                    for i in range(first, last + 1)
                    if self.lines[i].strip()
                ]
        return found

    @cached_property
    def folded_opening(self) -> str:
        return (self.opening or "").casefold()

    def site_inside(self, cand: Candidate) -> bool:
        """Whether a line of a candidate of several is a title with the site's name (site_tail):
        the title is that line's start, not the lines joined."""
        lines = self.lines[cand.first : cand.last + 1] if cand.last > cand.first else ()
        return any(site_tail(clean_space(line), self.page) for line in lines)

    def with_kind_label(self, cand: Candidate) -> bool:
        """Whether a candidate of several lines opens or ends with a line that names a kind of
        publication ("EXPERT COMMENT" under the title): a category, not words of the title."""
        if cand.last == cand.first:
            return False
        return is_kind_label(clean_space(self.lines[cand.first])) or is_kind_label(
            clean_space(self.lines[cand.last])
        )

    def under_event_part(self, cand: Candidate) -> bool:
        """Whether the candidate opens on the page's first line where that line names an event and
        the number of its part ("<Commission> - Public Session 4"): the event's, not the part's
        title, which is printed under it."""
        return (
            cand.first == self.first_line
            and self.first_line is not None
            and bool(EVENT_PART.search(self.lines[cand.first].rstrip()))
        )

    def dek_under_title(self, cand: Candidate) -> bool:
        """Whether the candidate is a dek (a long line that sums the memo up) under a shorter line
        whose header (byline, date) comes after the dek: that line is the title, whatever the walk
        back from the body reached. A picture's caption may stand between them."""
        words = len(cand.text.split())
        if cand.first != cand.last or words <= DEK_WORDS or not is_dek(cand.text):
            return False
        k = next((k for k, unit in enumerate(self.units) if unit[0] == cand.first), None)
        below = cand.first
        while k:
            k -= 1
            first, last, text = self.units[k]
            if below - last > 2:
                return False
            if has_credit_inside(text) or is_image_text(text):
                below = first
                continue  # a caption between the title and its dek
            return (
                DEK_TITLE_WORDS <= len(text.split()) <= words - 3
                and not DIGIT.search(text)
                and not is_furniture(text)
                and self.header_after(last)
            )
        return False

    def dek_after_subtitle(self, cand: Candidate) -> bool:
        """Whether a candidate of two lines is a title with its subtitle ("Main: Sub") ending
        plainly, then a line that opens with a capital: a title that has its subtitle is whole,
        and the line under it is a dek ("After Hubris, Comes Nemesis")."""
        if cand.last - cand.first != 1:
            return False
        first, second = clean_space(self.lines[cand.first]), clean_space(self.lines[cand.last])
        return (
            ": " in first
            and first[-1:].isalpha()
            and first.rsplit(" ", 1)[-1][:1].isupper()
            and second[:1].isupper()
        )

    def question_under_title(self, cand: Candidate) -> bool:
        """Whether a candidate of two lines is a headline ending plainly, then a question of its
        own under it ("<Headline> with Russia" over "Is An Isolated Russia More Dangerous?"): a
        line that opens with a question's word and closes with its mark is a dek, no wrapped part
        of the headline above, which ends on a word a title may end on."""
        if cand.last - cand.first != 1 or not cand.text.endswith("?"):
            return False
        first, second = clean_space(self.lines[cand.first]), clean_space(self.lines[cand.last])
        last_word = first.rsplit(" ", 1)[-1]
        return (
            len(first.split()) >= DEK_TITLE_WORDS
            and last_word[:1].isupper()
            and last_word.casefold() not in DANGLING
            and second[:1].isupper()
            and bool(QUESTION_OPENING.match(second))
        )

    def names_then_date(self, cand: Candidate) -> bool:
        """Whether a candidate of several lines is a byline and the date or time under it: "A, B,
        and C" then "March 23, 5:00pm ET" (a title's lines carry no figures after a name)."""
        if cand.last == cand.first or not DIGIT.search(cand.text):
            return False
        first = clean_space(self.lines[cand.first])
        return reads_as_names(first, self.lowercase) and bool(DIGIT.search(cand.text, len(first)))

    def score(self, cand: Candidate) -> float | None:
        """Points for each signal the candidate has; None for a line that cannot be a title."""
        found = self.first_signals(cand)
        if found is None:
            return None
        return self.other_signals(cand, found[0] + self.near_signals(cand), found[1])

    def first_signals(self, cand: Candidate) -> tuple[float, bool] | None:
        """The points of the cheap signals but near_signals, and whether a repetition may still be
        found (see shortened_elsewhere); None for a line of furniture."""
        text = cand.text
        if len(text) > 300 or is_furniture(text, names=False):
            return None
        words = text.split()
        points = 1.0 if 3 <= len(words) <= 30 else -1.0 if len(words) == 2 else -3.0
        # "…?.." is a question trailing off, as Russian headlines print one, not a sentence's end.
        sentence = text.endswith(".") and len(words) > 8 and not text.endswith(("?..", "!.."))
        if sentence:
            points -= 3  # a sentence: a lede or a caption
            if SENTENCES.search(text):
                points -= 2  # two of them
        if text.isupper():
            points -= 1
        elif len(words) >= 3 and is_russian_title_case(words, text):
            points -= 2  # a menu's links ("Софт Безопасность Маркет"): Russian titles are in sentence case
        cut = text.endswith(("...", "…"))
        if cut or words[-1] in DANGLING:
            points -= 2  # cut short: the whole title is printed elsewhere
        if cut and len(words) > CUT_LEAD_WORDS:
            points -= 3  # a lede or a site's description cut short, not a title
        if (
            text.endswith(("!", ":", ","))
            # A dash left dangling: a label set between dashes ("- Foreword -") run on.
            or text.endswith((" -", " –", " —"))
            or text[0].islower()
            or text[-1:] == ")"
            and LANGUAGE_AT_END.search(text)
        ):
            # A call or a message ("Join us on Telegram!"), a heading over a list ("This week:"),
            # a slogan or a time in small letters, an edition's language ("Steppe Review
            # (English)"): a title opens with a capital and ends plainly.
            points -= 2
        # A line printed twice at the top of the page is the site's logo and its name; the
        # printings of a line cut short are of the whole title, which is the candidate.
        brand = self.brand is not None and _fold_line(text) == self.brand
        off_topic = self.off_topic_top(text)
        repeats = 0 if brand or cut or off_topic else self.page.count(text) - 1
        walked = self.walked_back is not None and cand.first <= self.walked_back <= cand.last
        # Asked only where it could take points away.
        framing = (repeats >= 1 or walked) and cand.first == cand.last and self.frames(cand.first)
        if framing:
            repeats = 0
        if off_topic and self.page.count(text) > 1:
            points -= 2  # a running head or a greeting, printed at the top and again
        if repeats >= RUNNING_LABEL_REPEATS and self.listed_below(text):
            # A line of its own over each item of a list of other stories under the memo is the
            # outlet's or the section's name: a title is printed above the body, or once in it.
            repeats = 0
        if repeats >= 1:
            # A picture's caption is printed again in its credit line ("© Agency / Caption").
            if self.in_fields(text):
                return None  # a field's value printed above its box too ("Location: <places>")
            repeats -= self.in_credits(text, cand.first)
            if has_credit_inside(text):
                repeats = 0  # a caption with its credit, printed again as the picture's alternative text
        if repeats == 1 and text.isupper() and self.ends_title(text):
            repeats = 0  # the other printing is inside the title, whose part the capitals display
        elif (
            repeats > 0
            and text.isupper()
            and len(words) <= RUBRIC_WORDS
            and not self.page.printed_alone(text)
        ):
            # A rubric in capitals ("CENTRAL ASIA") whose words recur only inside the title and
            # the body is a region's or a topic's name, not the title printed again.
            repeats = 0
        elif repeats < 1 and ":" in text and not text.isupper():
            repeats = int(self.displayed(text) or self.heads_pages(text))
        if self.file_name and repeats < 1 and len(words) >= 3:
            # The page's file name spells the title as its slug does.
            repeats = int(slug_words(text) in self.file_name)
        # A sentence printed twice is a lede: a page's summary, then its first paragraph.
        points += 3 * (repeats >= 1 and not sentence) + (repeats >= 2)
        if self.opens_page(cand) and not brand:
            points += 3  # dumps start with the page's own title
        if walked and not off_topic and not framing:
            points += 2
        elif cand.first == cand.last and self.framed(cand.first):
            points += 2  # the line an issuer's header and footer frame
        elif self.above_dek is not None and cand.last == self.above_dek:
            points += 2  # the walk back from the body stopped at the title's dek, under the title
        if self.after_body is not None and cand.last == self.after_body[1]:
            points += 3
        if cand.first == cand.last and labelled_title(self.lines[cand.first]) == text:
            points += 2  # a field the page labels as its title
        return points, repeats < 1

    def near_signals(self, cand: Candidate) -> float:
        """The points of what stands near the candidate: a header under it, the body's words in
        it (at most NEAR_MOST). Dearer than the other first signals: choose_title weighs them
        only for a candidate that can still win with them."""
        points = 0.0
        if self.header_after(cand.last):
            points += 2  # a header block (byline, date, labels) follows its title
        if self.opening is not None and self.agrees(cand.text):
            # A title names what the memo speaks of; a site's tagline, a rubric or a menu over
            # it seldom shares a word with the body's opening. Half a point: it settles a tie
            # between lines the other signals weigh alike, and overturns none of them.
            points += 0.5
        return points

    def other_signals(self, cand: Candidate, points: float, unrepeated: bool) -> float | None:
        """The final points: the dearer signals, and the marks that rule a line out."""
        text = cand.text
        if (
            self.with_byline(cand)
            or TAG_PREFIX.match(text)
            or title_and_credit(text)
            or source_after(text)
            or glued_credit(text, self.page)
            or site_after(text)
            and not printed_with_site(text, self.page)
            or site_tail(text, self.page)
            or self.site_inside(cand)
            or self.with_kind_label(cand)
            or self.under_event_part(cand)
            or crumb_end(text)
            or GLUED_LINK.match(text)
        ):
            return None  # the title without its byline, tag, site, crumb or link is a candidate of its own
        if writes_lead(text):
            return None  # a standfirst that names its writer: "…, argues Jane Roe"
        if text[:1].isdigit() and opens_numbered_list(self.lines, cand.last, text):
            return None  # a list's first item: what a newsletter or a digest holds, not its title
        if (
            reads_as_names(text, self.lowercase)
            and not byline_below(self.lines, cand.last, text)
            and not self.names_opening_words(text)
        ):
            return None  # a byline, unless the page's byline comes after it or the body speaks of it
        if name_in_small_letters(text, self.page.head) or names_cut_short(text, self.page.head):
            # "Jane roe": a byline that the page prints elsewhere as "Jane Roe"; "Jane Roe and
            # Lisa", printed elsewhere as "Jane Roe and Lisa Doe".
            return None
        if names_run_together(text) or names_before_org(text, self.lines) or self.names_then_date(cand):
            return None  # a byline: names, then the organisation the page names elsewhere too
        if self.dek_under_title(cand) or self.dek_after_subtitle(cand) or self.question_under_title(cand):
            points -= 2
        if has_credit_inside(text):
            points -= 3  # a picture's caption: "… (Photo by … via Getty Images)"
        if has_date_inside(text) or len(text) > 150 and (text.endswith(".") or DIGIT.search(text)):
            # A caption or a dateline: "Protest rally …, 16 August 2020, Minsk"; a long line
            # without a full stop or a figure is a report's long title.
            points -= 2
        if MARKED_BYLINE.match(text) and (
            _byline(text)
            or _byline(text.split(",", 1)[0])
            or ROLE_THEN_NAME.match(without_opening(MARKED_BYLINE, text))
        ):
            # A byline: "By A. Author, Senior Fellow at …", "By A. Author, Ph.D., & …", "By staff
            # reporter JANE ROE".
            points -= 3
        if DIGIT.search(text) and has_number_hint(text):
            points -= 2  # a label: "Series Details No.233, September 2014"
        if under_affiliation_index(self.lines, cand.first):
            points -= 3  # an author's affiliation, under its index: "1", then "<University>"
        if " | " in text and any(len(part.split()) >= 3 for part in text.split(" | ")):
            points -= 2  # a title with the site or its section: "<Title> | Request PDF"
        if unrepeated and self.shortened_elsewhere(cand):
            points += 3
        return points


# The words a question opens with, a verb before its subject or a question word, and at least two
# words more before its mark.
QUESTION_OPENING = re.compile(
    r"^(?:is|are|was|were|do|does|did|can|could|will|would|should|has|have|why|how|what|who|when|where|"
    r"почему|зачем|как|что|кто|когда|где)\s+\S+\s+\S.*\?$",
    re.I,
)


SITE_LINES_BELOW = 3  # the units a page's own title line may stand in under the site's
RUNNING_LABEL_REPEATS = 3  # printings besides the first, each a line of its own
LIST_LINES = 60  # lines under the head where a list of other stories may stand


# An event's part and its number after a dash, ending a line: "… - Public Session 4", "… – Webinar 2".
EVENT_PART = re.compile(
    r"\s[-–—]\s(?:[^\W\d_]+\s){0,2}(?:session|episode|lecture|panel|seminar|webinar|meeting)\s\d{1,3}$", re.I
)
NUMBERED_ITEM = re.compile(r"(\d{1,2})[.)]\s")


def opens_numbered_list(lines: list[str], last: int, text: str) -> bool:
    """Whether `text` opens with a figure ("1. …") and the line after it with the next one."""
    m = NUMBERED_ITEM.match(text)
    after = NUMBERED_ITEM.match(next_line(lines, last)) if m else None
    return after is not None and int(after[1]) == int(m[1]) + 1


def under_affiliation_index(lines: list[str], first: int) -> bool:
    """Whether the line above `first` (blank lines aside) is a lone "1": a journal page's index
    of its author's first affiliation, a superscript set on a line of its own above it."""
    above = next((lines[i] for i in range(first - 1, max(-1, first - 4), -1) if lines[i].strip()), "")
    return above.strip() == "1"


STEM = 5  # letters: "Kazakhstan" and "Kazakhstani", "выборы" and "выбор" share them
# A word of four letters or more; the group holds its first STEM letters, so that findall gives
# the stems themselves (no Python loop over the body's words).
STEM_WORD = re.compile(rf"([^\W\d_]{{4,{STEM}}})[^\W\d_]*")
LETTER = re.compile(r"[^\W\d_]")  # a letter as STEM_WORD reads one


def stems(text: str) -> frozenset[str]:
    """The first letters of the words of four letters or more in `text`, case aside."""
    return frozenset(STEM_WORD.findall(text.casefold()))


OPENING = 1000  # characters of the body that name what it speaks of
NEAR_MOST = 2.5  # the points near_signals may give
OPENING_WORDS = 3  # words of a line of title-case words the opening has: a title, not names


def slug_words(text: str) -> str:
    """The words a slug keeps of `text`, each with a space before and after it."""
    words = WORD.findall(text.casefold().replace("’", "").replace("'", ""))
    return " " + "  ".join(w for w in words if len(w) > 2 and w not in SLUG_DROPS) + " "


def choose_title(
    lines: list[str],
    units: list[tuple[int, int, str]],
    walked_back: int | None,
    after_body: tuple[int, int, str] | None = None,
    body_line: int | None = None,
) -> Candidate | None:
    """The title among `units` (first line, last line, text: the paragraphs above the body).

    `walked_back` is the line the old reading found, walking up from the body over bylines
    and dates; `after_body` a unit after the body start that stands right above the memo's
    labels (migrated pages print the abstract first, then the title, then "Memo #:").
    """
    # The title is printed at the top of a dump or near its body, not amid the menus between.
    units = units[:3] + units[3:][-MAX_UNITS:]
    if after_body is not None:
        units = [*units, after_body]
    # Repetitions that count are in the head: the units, and the lines that follow them.
    end = (units[-1][1] if units else 0) + 40
    head = "\n".join(lines[:end])[:PAGE_LOOKED_AT]
    page = Repetitions(head)
    lowercase = LowerCaseWords(lines)
    opening = "\n".join(lines[body_line : body_line + 40])[:OPENING] if body_line is not None else None
    signals = TitleSignals(
        lines, page, first_printed(units), walked_back, after_body, units, lowercase, opening
    )
    walked = next((Candidate(t, a, b) for a, b, t in units if a == walked_back and a == b), None)
    if walked is not None and signals.taken_outright(walked):
        return walked
    # A field that labels its value the title, which the page prints elsewhere too (in its own
    # long title, with the site's words around it): the label says what the other printings don't.
    for a, b, text in units:
        labelled = labelled_title(text) if a == b else None
        if labelled and page.count(labelled) > 1:
            return Candidate(labelled, a, b)

    # Candidates in the order of the most points they could reach (the first one found first
    # among equals): the dearer signals are weighed only while a candidate can still reach the
    # best so far. Until its near_signals are weighed, a candidate is ranked as if they gave
    # NEAR_MOST; once weighed, it goes back in its place, so that candidates are taken in the
    # order of their points with near_signals, as if every one had been weighed.
    queue = []
    for index, cand in enumerate(_candidates(units, page, lines, lowercase)):
        found = signals.first_signals(cand)
        if found is not None:
            queue.append((-(found[0] + NEAR_MOST + 3 * found[1]), index, False, cand, found))
    heapq.heapify(queue)
    best: Candidate | None = None
    best_index = 0
    while queue:
        # heapq takes the least first: the points go in negated.
        minus_most, index, weighed, cand, found = heapq.heappop(queue)
        if best is not None and -minus_most < best.score:
            break
        if not weighed:
            found = (found[0] + signals.near_signals(cand), found[1])
            heapq.heappush(queue, (-(found[0] + 3 * found[1]), index, True, cand, found))
            continue
        points = signals.other_signals(cand, *found)
        if points is None:
            continue
        cand.score = points
        # A tie goes to the title that holds the other (a title, not its subtitle alone; see
        # _holds), then to the longer one (a broken title joined), then to the upper one (a title above its
        # dek), then to the one found first.
        if best is None or (points, _holds(cand, best, page), cand.last - cand.first, -cand.first, -index) > (
            best.score,
            _holds(best, cand, page),
            best.last - best.first,
            -best.first,
            -best_index,
        ):
            best, best_index = cand, index
    return best or signals.word_printed_twice()


def first_printed(units: list[tuple[int, int, str]]) -> int | None:
    """Where the page starts: its first unit, after a link or a button above it ("top of page")."""
    start = units[0][0] if units else None
    if units and FURNITURE_START.match(units[0][2]) and len(units) > 1:
        start = units[1][0]
    return start


def _holds(a: Candidate, b: Candidate, page: Repetitions) -> bool:
    """Whether `a` is `b` with more words before or after it; or the other way round, where the
    page prints `a` alone more often than with the words before it (a name or a kicker above the
    title: "ZVIAD ADZINBAIA" then "TEN WAYS TO …")."""
    wa, wb = _words(a.text), _words(b.text)
    if len(wa) > len(wb):
        return wa.startswith(wb) or wa.endswith(wb) and page.count(b.text) <= page.count(a.text)
    return len(wa) < len(wb) and wb.endswith(wa) and page.count(a.text) > page.count(b.text)


# After "By", a role in small letters and a name in capitals or title case: "staff reporter JANE
# ROE", "our correspondent Jane Roe".
ROLE_THEN_NAME = re.compile(r"^(?:[a-zа-яё]+\s+){1,3}(?:[A-ZА-ЯЁ][\w'’.-]*(?:\s+|$)){2,4}$")


def _byline(text: str) -> list[str] | None:
    # A dash may lead a byline as "By" does: "- Jane Roe", "— Иван Петров".
    if text[:2] in ("- ", "– ", "— "):
        text = text[2:]
    return byline_names(text)


def credit_of(lines: list[str], title: Candidate) -> str | None:
    """The byline printed on the title's own line after it, if any."""
    own = clean_space(" ".join(lines[title.first : title.last + 1]))
    bare = without_opening(TAG_PREFIX, own)
    credited = title_and_credit(bare) or split_glued(bare) if own != title.text else None
    return credited[1] if credited and _fold_line(credited[0]) == _fold_line(title.text) else None


def find_byline(lines: list[str], title: Candidate, body_line: int) -> list[str] | None:
    """Names printed just below the title (before the body), else just above it."""
    credit = credit_of(lines, title)
    own = " ".join(lines[title.first : title.last + 1])
    # "By" marks a person's name after a separator, as a site's is not ("<Title> | By A. Author").
    marked = credit and MARKED_BYLINE.match(credit)
    if (
        credit
        and not cut_short(credit)
        and (CREDIT_AFTER.match(own) or GLUED_NAMES.search(own.rstrip()) or marked)
    ):
        return _byline(credit)  # "<Title> (A. Author, Publisher)", "<Title>Luke Coffey"
    # Each stops at the lines it keeps, not at the top of the page or at the body.
    below = filled_below(lines, title.last, body_line, 6)
    above = filled_above(lines, title.first, 2)
    below_first = below[0] if below else None
    # "Article author" then the name on the next line: the heading says what follows.
    for i in below:
        if AUTHOR_HEADING.match(clean_space(lines[i])):
            names = _byline(AUTHOR_PAGE_LINK.sub("", next_line(lines, i)))
            if names:
                return names
    # Where no byline is printed, the authors' bios may stand right under the title instead.
    bios = bio_names(lines, below) if below else None
    if bios:
        return bios
    for i in below + above:
        text = without_reading_time(clean_space(lines[i]))
        if bare_names(text) and names_of_furniture(lines, i, text, title, above):
            continue
        if i == below_first and _fold_line(text) == _fold_line(title.text):
            # The line printed again right under it: a logo's text over the site's name.
            continue
        names = (
            _byline(text)
            or cited_names(text)
            or dateline_names(text)
            or names_before_org(text, lines)
            or names_before_role(text)
            or writes_lead(text)  # a standfirst "…, argues Jane Roe" under the title
        )
        if names and i in below and bare_names(text):
            # Title-case words with no mark yield to a byline marked "By" under them: a subtitle
            # ("Broken Pipelines, Broken Promises") reads as names as well.
            marked = marked_below(lines, below, i)
            if marked:
                return marked
        if names and len(names) == 1 and i in below:
            # Title-case words over a list of names are a heading over the byline, not a name:
            # "Daily Campaign Assessment" over "A, B, and C".
            j = next_index(lines, i)
            listed = _byline(clean_space(lines[j])) if j is not None and j < body_line else None
            if listed and len(listed) > 1:
                i, text, names = j, clean_space(lines[j]), listed
        if names:
            # A long byline goes on to the next line: "A, B, C," then "D and E"; or each name
            # has a line of its own, one right under the other. Names over the title go on no
            # further than the title.
            end = body_line if i > title.last else title.first
            if re.search(r"(?:,|\band|&)$", text):
                # Over as many lines as end with a comma or "and": "A, B," "C, D," "E and F".
                j = i
                while (j := next_index(lines, j)) is not None and j < end:
                    more = _byline(clean_space(without_opening(BULLET, lines[j])))
                    if not more:
                        break
                    names += more
                    if not re.search(r"(?:,|\band|&)$", lines[j].rstrip()):
                        break
            else:
                k = i + 1
                # A picture's text over the byline: the author's name with words of its own
                # ("Roe Jane Kommentarbild App" over "Jane Roe"); the line of the name alone is it.
                under = clean_space(lines[k]) if k < end else ""
                if len(names) == 1 and name_printed_within(under, text):
                    return split_authors(under)
                while k < end and lines[k].strip():
                    line = clean_space(lines[k])
                    # A Russian byline sets each name over its degree and post, in small letters
                    # as written mid-sentence ("д.э.н." "директор Центра"): a name under them is
                    # the next author's.
                    noted = name_under_notes(lines, k, end) if RUSSIAN_NOTE_LINE.match(line) else None
                    if noted:
                        names += noted[1]
                        k = noted[0] + 1
                        continue
                    # A PDF's text sets a name's footnote mark on a line of its own: "A" "1" "B" "2".
                    if not (FOOTNOTE_MARK_LINE.match(line) or looks_like_names(line)):
                        break
                    names += [] if line[:1].isdigit() else split_authors(line)
                    k += 1
            return names
    # "<Title> - A. Author, B. Author" on the page's title line, where no byline is printed under
    # it; a single pair of words there is as often the site's name ("<Title> — Riddle Russia").
    names = _byline(credit) if credit and not cut_short(credit) else None
    return names if names and len(names) > 1 else None


FOOTNOTE_MARK_LINE = re.compile(r"\d{1,2}$")
RUSSIAN_NOTE_LINE = re.compile(r"[а-яё]")


def name_under_notes(lines: list[str], k: int, end: int) -> tuple[int, list[str]] | None:
    """The line and the names of the byline under the lines in small letters from line `k` on
    (a name's degree and post), in the same block and before line `end`, if one ends them."""
    while k < end and lines[k].strip():
        line = clean_space(lines[k])
        if not RUSSIAN_NOTE_LINE.match(line):
            names = _byline(line)
            return (k, names) if names else None
        k += 1
    return None


def name_printed_within(line: str, text: str) -> bool:
    """Whether `line` is one name whose words `text` holds, with more words besides."""
    words = line.split()
    held = set(text.split())
    return (
        len(held) > len(words) >= 2
        and all(word in held for word in words)
        and looks_like_names(line)
        and len(split_authors(line)) == 1
    )


# A bio sentence: "Jane Roe is a Senior Lecturer in Steppe Studies at …".
BIO_OPENING = re.compile(
    r"(?P<name>(?:[A-ZÀ-ÖØ-Þ][\w.'’-]+ ){1,3}[A-ZÀ-ÖØ-Þ][\w'’-]+) is (?:a|an|the) (?P<role>.+)"
)


def bio_names(lines: list[str], below: list[int]) -> list[str] | None:
    """The names of the bios on the lines right under the title, a line each ("Jane Roe is a
    Senior Lecturer at …", "Lisa Doe is an Associate Professor of …"), if the first is one."""
    names = []
    for k, i in enumerate(below):
        if k and i != below[k - 1] + 1:
            break  # the bios are one block
        text = lines[i].strip()
        m = BIO_OPENING.match(text) if " is " in text[:60] else None
        name = _byline(m["name"]) if m and is_role(m["role"]) else None
        if not name or len(name) != 1:
            break
        names += name
    return names or None


# A part of a paper's front matter that another writer may sign: a "By" line under its heading
# ("Foreword" then "by Jane Roe") names that writer, not the paper's author.
FRONT_MATTER_PART = re.compile(r"^\s*(?:foreword|preface|afterword|предисловие|послесловие)\s*$", re.I)


def marked_below(lines: list[str], below: list[int], i: int) -> list[str] | None:
    """The names of a line marked "By" (or a kind of piece and "by") among `below` after line `i`."""
    for j in below:
        if j <= i:
            continue
        text = clean_space(lines[j])
        if MARKED_BYLINE.match(text) and not (j > below[0] and FRONT_MATTER_PART.match(lines[j - 1])):
            names = _byline(text)
            if names:
                return names
    return None


def filled_above(lines: list[str], i: int, n: int) -> list[int]:
    """The indexes of the `n` lines nearest over line `i` that are not blank, nearest first."""
    return list(islice((j for j in range(i - 1, -1, -1) if lines[j].strip()), n))


def filled_below(lines: list[str], i: int, stop: int, n: int) -> list[int]:
    """The indexes of the first `n` lines under line `i`, before `stop`, that are not blank."""
    return list(islice((j for j in range(i + 1, stop) if lines[j].strip()), n))


def names_of_furniture(lines: list[str], i: int, text: str, title: Candidate, above: list[int]) -> bool:
    """Whether title-case words near the title that read as names and nothing else (bare_names)
    are the page's furniture: nothing vouches for them as a byline, and a sign shows they are not."""
    if names_a_region(text):
        return True  # a site's section or rubric: "Central Asia"
    if is_kind_label(text):
        return True  # a type label: "Weekly Commentary", "Economic Viewpoint"
    if under_teaser(lines, i):
        return True  # the author of another memo a link leads to: "Next Article" over a name
    if address_spells(text, lines):
        return True  # the site's own name: "Steppe Courier" by "www.steppecourier.eu"
    if i not in above:
        return False
    return (
        # A byline over the title stands right above it, or above its date: title-case words
        # further up, with other furniture or names between, are a journal's or a site's name.
        i != above[0]
        and not dated_or_labelled(clean_space(lines[above[0]]))
        # Names in another alphabet than the title's: the name of a site reprinting the memo
        # ("Русские Вести" over an English title).
        or has_cyrillic(text) != has_cyrillic(title.text)
        # One of a list of people one to a line over the title: an editorial board, a team.
        or names_listed_above(lines, i)
    )


def address_spells(text: str, lines: list[str]) -> bool:
    """Whether a web address in the page's head spells `text`'s words run together as its site's
    name: "Steppe Courier" and "http://www.steppecourier.eu"."""
    run = "".join(text.split()).lower()
    # Addresses are written in small letters: the head's lines are not lowered, only searched.
    wanted = (f"//{run}.", f"www.{run}.")
    return any(w in line for line in lines[:HEAD_LINES] if "//" in line or "www." in line for w in wanted)


# The words of a region's name (no compass point alone: "North" and "West" are surnames too).
REGION_WORDS = frozenset(
    ("central", "northern", "southern", "eastern", "western", "asia", "europe", "africa", "eurasia")
    + ("caucasus", "balkans", "arctic", "азия", "европа", "евразия", "кавказ")
)


def names_a_region(text: str) -> bool:
    """Whether a line of title-case words names a region, as a site's section or rubric over the
    title does ("Central Asia", "Crossroads Asia"): no person's name has these words."""
    return any(word.casefold() in REGION_WORDS for word in text.split())


LISTED_ABOVE = 6  # lines over a name where other names show it is one of a list


def names_listed_above(lines: list[str], i: int) -> bool:
    """Whether two more lines of names alone stand among the few lines over line `i`: a list of
    people one to a line (one line of names over another may be a site's name over a byline)."""
    return sum(bare_names(clean_space(lines[j])) for j in filled_above(lines, i, LISTED_ABOVE)) >= 2


# A link's label to another memo, over that memo's title and author.
TEASER_LABEL = re.compile(
    r"^(?:next|previous|prev|related|read (?:also|next)|see also|more from|recommended|"
    r"читайте также|по теме|следующая|предыдущая)\b",
    re.I,
)
TEASER_ABOVE = 3  # lines over a name where a link's label shows it is another memo's


def under_teaser(lines: list[str], i: int) -> bool:
    """Whether a link's label to another memo stands among the few lines over line `i`."""
    return any(TEASER_LABEL.match(lines[j].strip()) for j in filled_above(lines, i, TEASER_ABOVE))


def dated_or_labelled(text: str) -> bool:
    """A header line that is no names: a date or a label."""
    return is_header_line(text) and not bare_names(text)


def bare_names(text: str) -> bool:
    """Whether a line is names and nothing else: no "By", no label, no date or role beside them,
    nothing that vouches for them being a byline."""
    return not MARKED_BYLINE.match(text) and looks_like_names(text) and read_label(text) is None


def cut_short(text: str | None) -> str:
    """`text` if it ends cut short ("A, B, C ..."), else ""."""
    return text if text and text.endswith(("...", "…")) else ""


def marked_after(lines: list[str], title: Candidate) -> list[str] | None:
    """ "By A. Author" after the title on its own line, where more is printed before it: "<Caption>
    (Source: …) <Title> By A. Author"."""
    own = clean_space(" ".join(lines[title.first : title.last + 1]))
    at = own.find(title.text)
    rest = own[at + len(title.text) :].strip() if at > 0 else ""
    return _byline(rest) if MARKED_BYLINE.match(rest) else None


def dateline_names(text: str) -> list[str] | None:
    """The names among the parts of a dateline, vouched for by a date or a label beside them:
    "A. Author | Published: 3 March 2021 | Updated: 5 March 2021", or by the link to the source
    a repost prints beside its author: "· A. Author · Quelle"."""
    if not SEPARATOR.search(text):
        return None
    parts = [p.strip(" ·|") for p in TITLE_PARTS.split(text)]
    if len(parts) < 2 or not any(vouches(p) for p in parts):
        return None
    # The time may open the names' part: "17/09/2020 - 21:13 (по МСК) A. Author".
    return first_found(_byline(without_opening(TIME_OPENING, p) if p[:1].isdigit() else p) for p in parts)


# A time and its zone in parentheses: "21:13 (по МСК)", "9:30 (GMT)".
TIME_OPENING = re.compile(r"^\d{1,2}:\d\d(?:\s*\([^()]{1,20}\))?\s+")


# A repost's link to the original, printed as one word.
SOURCE_LINK = re.compile(r"source|quelle|источник|оригинал|original", re.I)


def vouches(part: str) -> bool:
    """Whether a part of a dateline shows the line is one: a date, a label, a source link."""
    return bool(SOURCE_LINK.fullmatch(part)) or is_header_line(part) and not _byline(part)


# A word in lower case that joins no organisation's name.
LOWER_WORD = re.compile(r"(?<!\S)(?!(?:of|for|the|and|on|in)\s)[a-zа-яё]")


def names_before_org(text: str, lines: list[str]) -> list[str] | None:
    """The names a PDF's cover prints before the organisation the page names elsewhere too:
    "A. B. Author Steppe Policy Institute" beside "© 2018 by the Steppe Policy Institute" (where
    the names end is where the organisation's name, printed again, starts)."""
    if not text[:1].isupper() or LOWER_WORD.search(text) or not ORG_WORDS.search(text):
        return None  # most lines: a word in lower case
    words = text.split()
    if not 3 <= len(words) <= 14:
        return None
    head = None
    for n in range(2, min(len(words) - 1, 7)):
        org = " ".join(words[n:])
        if not is_organisation(org):
            continue
        head = head or "\n".join(lines[:300])
        if head.count(org) >= 2:
            return _byline(" ".join(words[:n]))
    return None


def names_before_role(text: str) -> list[str] | None:
    """The two-word name a PDF's cover runs into what the person does, the role's word right
    after it: "Jane Roe Analyst - Steppe Study Group …"."""
    words = text.split(maxsplit=3)
    if len(words) < 4 or not is_role(words[2]):
        return None
    names = _byline(" ".join(words[:2]))
    return names if names and len(names) == 1 else None


def cited_names(text: str) -> list[str] | None:
    """The authors a citation line opens with: "A. Author. <Journal>. Volume 67, Issue 3."."""
    if ". " not in text:
        return None
    parts = CITATION_STOP.split(text, maxsplit=1)
    if len(parts) == 2 and has_number_hint(parts[1]) and read_numbered(parts[1]):
        return _byline(parts[0])
    return None


HEAD_LINES = 200  # where a page's cover and header print names and the title again


def head_text(lines: list[str]) -> str:
    return "\n".join(lines[:HEAD_LINES])


def glued_byline(lines: list[str], title: Candidate) -> list[str] | None:
    """Names glued to a repetition of the title elsewhere ("<Title> Walter Landgraf and Nareg
    Seferian", "Fabio Indeo <Title>", "<Title> By A and B March 2021 The …")."""
    folded = _fold_line(title.text)
    opening = title.text.split()[0].casefold()
    # The lines that hold the title's first word, case-folded in one go.
    head = head_text(lines).casefold()
    holding = [i for i, line in enumerate(head.split("\n")) if opening in line]
    for i in holding:
        line = lines[i]
        if title.first <= i <= title.last or len(line) <= len(title.text):
            continue
        if folded[-12:] not in _fold_line(line[:400]):
            continue
        text = clean_space(line)
        if len(text) <= len(title.text):
            continue
        folded_text = _fold_line(text)
        if folded_text.startswith(folded):
            after = text[len(title.text) :]
            rest = after.strip(" ,:–—-()")
            # A PDF's text may print the title twice before the names.
            if _fold_line(rest).startswith(folded):
                rest = rest[len(title.text) :].strip(" ,:–—-()")
            parts = TITLE_PARTS.match(after)
            marked = parts and MARKED_BYLINE.match(after[parts.end() :])
            names = names_opening(rest) or _byline(rest) or (marked and _byline(after[parts.end() :])) or None
            # One name after a separator is as often the site's ("<Title> - PONARS Eurasia"),
            # unless "By" marks it as a person's.
            if names and len(names) == 1 and parts and not marked:
                names = None
        elif folded_text.endswith(folded):
            names = _byline(text[: -len(title.text)].strip(" ,:–—-()"))
        elif (at := folded_text.find(folded)) > 0:
            # A cover's labels before the title, the names and the text after it: where the
            # names end must show, by what follows them or by "By" before them.
            rest = text[at + len(title.text) :].strip(" ,:–—-()")
            names = names_opening(rest) or (_byline(rest) if MARKED_BYLINE.match(rest) else None)
        else:
            continue
        if names:
            return names
    return None


def names_opening(text: str) -> list[str] | None:
    """The names a run of a PDF's text opens with, where what follows them is plainly no name:
    a date or a figure, a label in capitals, or, after "By", a sentence. (Where an organisation
    follows, where its name starts is unclear: "A, B Steppe Institute …".)"""
    words = text.split()[:16]
    marked = bool(MARKED_BYLINE.match(text))
    for n in range(len(words) - 1, 1, -1):
        after, last = words[n], words[n - 1].strip(".,")
        if last.casefold() in MONTHS and after[:1].isdigit():
            continue  # "… Seitkali March 2021": the month opens the date
        if not ends_names(words[n:], marked):
            continue  # the cheap test first: most words can go on with a name
        opening = " ".join(words[:n])
        names = _byline(opening)
        # Every word a name's: not "A, <post at an organisation>".
        if names and names == split_authors(without_opening(MARKED_BYLINE, opening)):
            return names
    return None


def ends_names(following: list[str], marked: bool) -> bool:
    """Whether `following` (the words after a byline's names) cannot go on with a name."""
    word = following[0]
    if word[:1].isdigit() or len(word) > 1 and word.isupper():
        return True
    if word.strip(".,").casefold() in MONTHS and following[1:2] and following[1][:1].isdigit():
        return True
    return marked and (word[:1].islower() or word.casefold() in NOT_IN_NAMES)


# The label of a date the page changed the item on, not the one it published it on.
UPDATE_LABEL = re.compile(r"^(?:last\s+)?(?:updated|modified|обновлено|изменено)\b", re.I)


def find_date(lines: list[str], title: Candidate, body_line: int) -> date | None:
    """The first date printed near the title: a date line, or a date beside a label or a number."""
    # The line just above the title (a blog's date header) and the lines below it; a line of
    # furniture ("|Printable version") or another printing of the title, a flag after it ("<Title>
    # Featured"), may stand between the date and the title.
    above = [i for i in range(title.first - 1, max(-1, title.first - 6), -1) if lines[i].strip()][:2]
    if len(above) == 2:
        between = clean_space(lines[above[0]])
        if not (is_furniture(between, names=False) or _fold_line(between).startswith(_fold_line(title.text))):
            above = above[:1]
    # A date beyond such a line is asked after the title's own lines: a site's clock stands above
    # its feed link ("Friday, 19 January 2018", "RSS"), the item's date line under the title.
    updated = None
    for i in above[:1] + list(range(title.first, body_line)) + above[1:]:
        text = without_reading_time(clean_space(lines[i]))
        if not DIGIT.search(text):
            continue  # no date without a figure: most lines, before the tests below each look
        if UPDATE_LABEL.match(text):
            # "Updated - February 28" over "Published - February 26": the date of an update yields
            # to any other, the item's own.
            updated = updated if updated is not None else i
            continue
        found = _date_on_line(lines, i, text, title, above, body_line)
        if found:
            return found
    if updated is None:
        return None
    return _date_on_line(lines, updated, clean_space(lines[updated]), title, above, body_line)


ICON_ALT = re.compile(r"(?:calendar|clock|date|time)?[ _-]?icon:?\s+(?=\d)", re.I)


def _date_on_line(
    lines: list[str], i: int, text: str, title: Candidate, above: list[int], body_line: int
) -> date | None:
    """The date line `i` of the head prints, as find_date reads it."""
    # "icon 11/04/2022": the alt text of a date's pictogram, which a dump runs onto the date.
    if text[:1] in "iIcC":
        text = without_opening(ICON_ALT, text)
    found = parse_date(text)
    if found:
        return as_the_page_reads(found, text, lines[:body_line])
    # "Е.Абдуллаев > <Title> 01:49 08.11.2005": a date ending the title's own line, or a
    # heading's right above it ("<Headline> <Author> October 18, 2018" over a dek).
    found = (
        date_at_end(text) if title.first <= i <= title.last or dated_heading_above(text, i, above) else None
    )
    if found:
        return found
    if len(text.split()) > 16:
        return None
    # "Posted by A. Author on March 3, 2021", "A. Author 3rd March 2021": a byline's date
    # after the names; "Author > <Title> 01:49 08.11.2005": a crumb's date after the page it
    # leads to.
    found = date_at_end(text) if MARKED_BYLINE.match(text) or crumb_end(text) or _byline(text) else None
    if found:
        return found
    # "Silk Road Paper December 1, 2013, pp. 74": a type label's date.
    labelled = kind_and_date(text)
    if labelled:
        return labelled[1]
    found = date_after_kind(text)
    if found:
        return found
    for part in DATE_PARTS.split(text):
        found = date_at_start(part.strip(" ,;()"))
        if found:
            return as_the_page_reads(found, part, lines[:body_line])
    return None


HEADING_WORDS_DATED = 7  # a headline, names and a date; a label and its date ("Today: …") are fewer


def dated_heading_above(text: str, i: int, above: list[int]) -> bool:
    """Whether the line right above the title is a heading that a date ends: a headline run into
    its byline and date. The date is the line's last word, not a page's "Today: 13.10.2024 |"."""
    return above[:1] == [i] and text[-1:].isdigit() and len(text.split()) >= HEADING_WORDS_DATED


def read_head(
    lines: list[str],
    units: list[tuple[int, int, str]],
    body_line: int,
    walked_back: int | None,
    after_body: tuple[int, int, str] | None,
) -> Head:
    """Title, byline and date of a dump whose body starts at line `body_line`; see choose_title."""
    title = choose_title(lines, units, walked_back, after_body, body_line)
    if title is None:
        return Head(None, None, None, None, None, None)
    text, numbered, authors = split_title(title.text)
    if not authors and ":" in text[:60]:
        authors = quoted_writer(text, lines[body_line:])
    if not authors and "y " in text:
        ended = byline_ending(text, lines)
        if ended:
            text, authors = ended
    # The names are the byline's, not the title's: "<TITLE IN CAPITALS> Jane Roe".
    capitals = names_after_capitals(title.text, lines) if text == title.text else None
    if capitals:
        text = capitals[0]
    # A label printed after the title on its line: "<Title> Europe and Central Asia Report N°240".
    own = clean_space(" ".join(lines[title.first : title.last + 1]))
    if numbered is None and own.startswith(title.text):
        numbered = read_numbered(own[len(title.text) :].strip(" ,:|·–—-"))
    # Or before it, a dash parting them: "PacNet #24 – <Title>" (see split_title).
    if numbered is None and own != title.text and own.endswith(title.text):
        numbered = split_title(own)[1]
    # Or on another printing of it, a PDF's text run together: "<Title> Policy Perspectives
    # Vol. 9/2, February 2021 <Title> As …" (where the label starts is known there); a cover's
    # text may run into what reads as the body's first lines.
    if numbered is None:
        numbered = label_after_printing(lines[: body_line + PRINTING_AFTER_BODY], title.text)
    if numbered is None:
        numbered = label_before_printing(lines[: body_line + PRINTING_AFTER_BODY], title.text)
    # "<Journal> | Vol. 6, No. 1, 2020 | eISSN …": a bare volume after what was taken for the
    # title names the journal, as the whole line reads it.
    if numbered and not numbered.series and not numbered.category and own.startswith(title.text):
        numbered = read_numbered(own) or numbered
    # A byline or a date may stand by any printing of the title: the page's own title line at
    # the top, or the title above the body; the chosen one is looked at first.
    sites = [(site, body_line) for site in (title, *repeated_title(lines, title, body_line))]
    # Then the top of the page, its own header only: a date or an author's card may stand
    # under a line that lost the title to one further down (a list of other memos may follow);
    # a sentence there, or a line cut short, is a blurb, not a title with its header.
    if units and units[0][0] < title.first and not is_blurb(units[0][2]):
        top = Candidate(units[0][2], units[0][0], units[0][1])
        sites.append((top, header_end(lines, top.last, min(body_line, title.first))))
    return Head(
        title=text,
        title_first=title.first,
        title_line=title.last,
        authors=authors
        or first_found(find_byline(lines, site, end) for site, end in sites)
        or glued_byline(lines, title)
        or marked_after(lines, title)
        # A byline cut short beside the title ("<Title> - A, B, C ..."), if nothing fuller.
        or _byline(cut_short(credit_of(lines, title)))
        or (capitals[1] if capitals else None),
        published=first_found(find_date(lines, site, end) for site, end in sites)
        or date_by_printing_in_text(lines, title, body_line),
        numbered=numbered,
    )


DATE_LINE_MAX = 60  # characters: a date and the outlet's name, not a sentence


def date_by_printing_in_text(lines: list[str], title: Candidate, body_line: int) -> date | None:
    """The date beside a printing of the title below where the body starts. A report's front
    matter may read as its body: the cover's date is above the title printed again inside it. A
    host's page (an entry, a repost) may open with an introduction read as the body, then print
    the original's title with its date line under it ("9 May 2018 Steppe Review")."""
    printings = repeated_title(lines, title, head_end(lines), body_line + 1)
    found = first_found(find_date(lines, site, body_line) for site in printings)
    for site in printings if found is None else ():
        j = next_index(lines, site.last)
        text = clean_space(lines[j]) if j is not None else ""
        found = date_at_start(text) if len(text) <= DATE_LINE_MAX else None
        if found:
            break
    return found


def is_blurb(text: str) -> bool:
    """A sentence or a line cut short, longer than a title in sentence form would be."""
    return text.endswith((".", "…", "...")) and len(text.split()) > BLURB_WORDS


BLURB_WORDS = 8


TOP_HEADER_LINES = 3  # a rubric, a date, a name: the header a page's top may hold


def header_end(lines: list[str], i: int, end: int) -> int:
    """The line after the few lines that follow line `i` (not past `end`)."""
    for _ in range(TOP_HEADER_LINES):
        j = next_index(lines, i)
        if j is None or j >= end:
            return end
        i = j
    return i + 1


PRINTING_AFTER_BODY = 8  # lines
CAPITAL_WORDS = 3  # a title in capitals has at least this many words in capitals


BY_INSIDE = re.compile(r"\s[Bb]y\s+(?=[A-ZА-ЯЁ])")
NAME_WORDS_MAX = 4


def names_after_by(text: str, lines: list[str]) -> list[str] | None:
    """The name "by" leads on the title's own line, where the dump ran title, byline and more
    together: "<Title>? by Jane Roe Chapter 13 in …". Where the name ends shows by its printing
    elsewhere on the page, as does that it is one ("Shaped by Great Powers" reads as a name too)."""
    m = BY_INSIDE.search(text) if "y " in text else None
    if not m:
        return None
    words = text[m.end() :].split()[:NAME_WORDS_MAX]
    head = None
    for n in range(len(words), 1, -1):
        name = " ".join(words[:n]).rstrip(",.;:")
        names = _byline(name)
        if names and len(names) == 1:
            head = head or head_text(lines)
            if head.count(name) >= 2:
                return names
    return None


def byline_ending(text: str, lines: list[str]) -> tuple[str, list[str]] | None:
    """The title and the names of a title line that ends with "by" and a name: "<Title> by Jane
    Roe". Title-case words the page writes in small letters are the title's ("… Shaped by Great
    Powers")."""
    found = list(BY_INSIDE.finditer(text))
    if not found:
        return None
    m = found[-1]
    rest = text[m.end() :]
    # A PDF's text may run the first heading of the front matter on after the names: "<Title> By
    # Jane Roe Contents", "… By Jane Roe Executive Summary".
    words = rest.rsplit(maxsplit=2)
    for n in (2, 1):
        if len(words) > n + 1 and SECTION_HEADINGS.match(" ".join(words[-n:])):
            rest = " ".join(words[:-n])
            break
    names = _byline(rest)
    if not names:
        return None
    lowercase = LowerCaseWords(lines)
    # A name's last word is a surname, which a page never writes in small letters; a noun it
    # does is the title's ("… by Russian Experts" where the page speaks of "experts").
    if reads_as_names(rest, lowercase) and not any(n.split()[-1].casefold() in lowercase for n in names):
        return text[: m.start()].rstrip(" ,:–—-"), names
    return None


def names_after_capitals(text: str, lines: list[str]) -> tuple[str, list[str]] | None:
    """The names a PDF's cover prints after a title in capitals, on one line with it, and the words
    they follow: "STAYING THE COURSE IN THE EAST. Jane Roe & Lisa Doe". Words in small letters
    after capitals could be a subtitle as well: the page must print the names again elsewhere."""
    if sum(map(str.isupper, text)) < 2 * CAPITAL_WORDS:
        return None  # most titles, cheaply: too few capitals for words in capitals
    words = text.split()
    # An initial ("J.") is a name's, not a word in capitals.
    capitals = [i for i, w in enumerate(words) if len(w.strip(".,:;!?")) > 1 and w.strip(".,:;!?").isupper()]
    if len(capitals) < CAPITAL_WORDS or len(words) - capitals[-1] - 1 < 2:
        return None
    tail = " ".join(words[capitals[-1] + 1 :])
    names = _byline(tail) if tail[:1].isupper() else None
    if names and head_text(lines).count(tail) >= 2:
        return " ".join(words[: capitals[-1] + 1]), names
    return None


def label_after_printing(lines: list[str], title: str) -> Numbered | None:
    """A label run into a printing of the title after it, on one of `lines` that opens with it
    (in any case: a cover prints the title in capitals, the title page as it is)."""
    folded = _fold_line(title)
    head = "\n" + "\n".join(lines)
    # Lowered only for a title in capitals: the head may hold a PDF's whole text on a line.
    lowered = head.lower() if title.isupper() else head
    if len(lowered) != len(head):
        lowered = head  # a letter whose lower case is longer: where the lines start is lost
    opening = "\n" + (title[:12].lower() if lowered is not head else title[:12])
    start = lowered.find(opening)
    while start != -1:
        end = head.find("\n", start + 1)
        line = head[start + 1 : end if end != -1 else None]
        start = lowered.find(opening, start + 1)
        if not has_number_hint(line[: len(title) + 120]):
            continue
        text = clean_space(line)
        if len(text) > len(title) and _fold_line(text[: len(title)]) == folded:
            rest = text[len(title) :].strip(" ,:|·–—-")[:120]
            # The names and the date after the number are the byline's and the cover's:
            # "<Title> SIPRI Policy Paper No. 50 neil j. melvin December 2018".
            sign = NUMBER_AND_SIGN.search(rest)
            found = read_numbered(rest, run_on=True) or sign and read_numbered(rest[: sign.end()])
            if found:
                return found
    return None


def label_before_printing(lines: list[str], title: str) -> Numbered | None:
    """A label run into a printing of the title before it, a PDF cover's text run together:
    "… GIP Policy Memo March 2022 / Issue #54 <Title> <Author> …". The title shows where the
    label ends; it starts at the first word that makes the rest a label."""
    folded = _fold_line(title)
    word = folded.split(" ", 1)[0]
    for line in lines:
        # The hint first: a line seldom has a figure, and then it is not case-folded.
        if not has_number_hint(line) or word not in line.casefold():
            continue
        text = clean_space(line)
        folded_line = _fold_line(text)
        at = folded_line.find(folded)
        # Where folding changed the length, where the title starts in `text` is lost.
        if at < 1 or len(folded_line) != len(text):
            continue
        before = text[max(0, at - 120) : at].rstrip(" ,:|·–—-")
        # The text may have been cut inside a word: a start is known only where the line starts.
        for start in [0] * (at <= 120) + [m.start() for m in WORD_START.finditer(before)]:
            found = read_numbered(before[start:])
            if found:
                return found
    return None


NUMBER_AND_SIGN = re.compile(r"(?<!\w)(?:No\.?|Nr\.?|N\s?[°º]|№)\s*\d+\b", re.I)


DATE_AFTER_TITLE_MAX = 40  # characters: a date and a time run on after a printing of the title


def repeated_title(lines: list[str], title: Candidate, body_line: int, start: int = 0) -> list[Candidate]:
    """The title's other printings above the body (from line `start`): on a line of their own,
    with the date run on after it ("<Title> March 9, 2022"), or broken over two where its parts
    meet ("<Main title>" then "<Subtitle>", as a cover sets them)."""
    folded = _fold_line(title.text)
    size = len(title.text)
    words = _words(title.text)
    # A line the title's words start with starts with its first word: a line without that word
    # is passed over before its words are read.
    first_word = words[1 : words.find(" ", 1)]
    found = []
    # Asked of every line above the body, three times a page: a blank line (a third of a dump's)
    # is none of the three printings, and is passed over first.
    for i, line in enumerate(lines[start:body_line], start):
        length = len(line.strip())
        if not length or title.first <= i <= title.last:
            continue
        if size - 3 <= length <= size + 10 and _fold_line(line) == folded:
            found.append(Candidate(title.text, i, i))
        elif size < length <= size + DATE_AFTER_TITLE_MAX and _fold_line(line).startswith(folded):
            if date_at_start(clean_space(line)[size:].lstrip()):
                found.append(Candidate(title.text, i, i))
        elif 10 <= length < size - 10 and first_word in line.casefold() and words.startswith(_words(line)):
            j = next_index(lines, i)
            if j is not None and words == _words(line + " " + lines[j]):
                found.append(Candidate(title.text, i, j))
    return found


def head_end(lines: list[str]) -> int:
    """The index of the first line past the head of the page (PAGE_LOOKED_AT characters)."""
    seen = 0
    for i, line in enumerate(lines):
        seen += len(line) + 1
        if seen > PAGE_LOOKED_AT:
            return i
    return len(lines)


def first_found(values):
    return next((value for value in values if value), None)


ISSUE_OF_YEAR = re.compile(r"(?:\d{1,3}/(?:19|20)\d\d|(?:19|20)\d\d/\d{1,3})\s+(?=[^\W\d_]|[“\"«„])")
# A news site's count of comments after its headline: "<Headline> (3)". A year ("(2015)") is
# printed as part of titles, so a count has at most three figures.
COMMENT_COUNT = re.compile(r"\s+\(\d{1,3}\)$")
# The reading time printed after the title, often glued to its last word: "…media6 min read".
READING_TIME_AT_END = re.compile(r"\s*\d{1,3}\s?(?:min(?:ute)?s?\.?\s+read|мин\w*\.?\s+чтени[ея])$", re.I)
READING_TIME_ENDS = ("read", "READ", "Read", "чтения", "чтение", "ЧТЕНИЯ", "ЧТЕНИЕ")
# The labels of an older CMS's icons (Joomla's) printed on the headline's line after it:
# "<Title> PDF Print E-mail", "<Title> Печать E-mail".
ICON_LABELS_AT_END = re.compile(r"(?:\s+PDF)?\s+(?:Print|Печать)\s+E-?mail$")


def without_reading_time(text: str) -> str:
    """A line without the reading time that ends it, a counter and no part of a byline or its
    date: "by Jane Roe January 18, 2023 7:27 PM 2 min read". Only one set apart: glued to a year
    ("06.03.201718 МИН ЧТЕНИЕ"), where its figures begin is unclear."""
    reading = READING_TIME_AT_END.search(text) if text.endswith(READING_TIME_ENDS) else None
    return text[: reading.start()] if reading and reading.start() and text[reading.start()] == " " else text


# A label or an author, a colon, and the title: "Kennan Cable No. 51: A Rising Global Player".
LABEL_COLON_TITLE = re.compile(r"^(.{3,80}?)\s*:\s+(.{3,})$")
# A Russian name of two or three words and the title after a colon (a dump may drop the space),
# which opens with a capital.
NAME_COLON_TITLE = re.compile(
    r"^(?P<name>[А-ЯЁ][а-яё-]+(?: [А-ЯЁ][а-яё-]+){1,2}):\s*(?P<title>[А-ЯЁA-Z0-9].+)$"
)
NAME_DASH_TITLE = re.compile(
    r"^(?P<name>[А-ЯЁ][а-яё-]+(?: [А-ЯЁ][а-яё-]+){1,2}) [-–—] (?P<title>[А-ЯЁA-Z0-9].+)$"
)
# "Explaining Steppe #188: <Title>": a podcast's or a column's name, capitalized, and the item's
# number after a sign, before the item's own title.
KIND_SIGN_DASH = re.compile(
    r"^(?P<kind>[A-ZА-ЯЁ][\w’'&.\-]*(?:\s+[\w’'&.\-]+){0,4})\s+#(?P<n>\d{1,4})\s+[–—-]\s+(?P<title>\S.+)$"
)
SERIES_SIGN_NUMBER = re.compile(
    r"^(?P<series>[A-ZА-ЯЁ][\w’'&.\-]*(?:\s+[\w’'&.\-]+){0,4})\s+#(?P<n>\d{1,4})$"
)
NAME_DOT_TITLE = re.compile(
    r"^(?P<name>[^\W\d_][\w'’-]+(?: [^\W\d_][\w'’-]+){1,2})\. (?P<title>[^\W\d_«\"“].+)$"
)


def split_title(text: str) -> tuple[str, Numbered | None, list[str] | None]:
    """A title without the label or the author it is printed with, and those.

    "Kennan Cable No. 51: A Rising Global Player" and "No. 109: Russia's Neighbours" have a
    label; "Андрей Гончарук*: Евроазиатские интеграционные проекты" an author, marked as one by a
    footnote sign (title-case words before a colon could be anything).
    """
    count = COMMENT_COUNT.search(text) if text.endswith(")") else None
    if count and len(text[: count.start()].split()) >= 3:
        text = text[: count.start()]
    reading = READING_TIME_AT_END.search(text) if text.endswith(READING_TIME_ENDS) else None
    if reading and len(text[: reading.start()].split()) >= 3:
        text = text[: reading.start()]
    icons = ICON_LABELS_AT_END.search(text) if text.endswith("mail") else None
    if icons and len(text[: icons.start()].split()) >= 3:
        text = text[: icons.start()]
    # "5/2020 <Title>", "2022/24 “<Title>”": the issue and year of a paper printed before its title.
    issue = ISSUE_OF_YEAR.match(text) if text[:1].isdigit() else None
    if issue and len(text[issue.end() :].split()) >= 3:
        text = text[issue.end() :]
    # "PacNet #24 – <Title>": a label's name and its number before a dash, as "Policy Brief #48"
    # reads: the kind of piece and its number.
    kind = KIND_SIGN_DASH.match(text) if "#" in text[:60] else None
    if kind and len(kind["title"].split()) >= 3:
        return kind["title"], Numbered(int(kind["n"]), category=kind["kind"]), None
    m = LABEL_COLON_TITLE.match(text) if ":" in text else None
    if m and read_numbered(m[1]):
        return m[2], read_numbered(m[1]), None
    # "No. 109: <Title>": the number of an issue whose series is printed elsewhere.
    sign = BARE_NUMBER.fullmatch(m[1]) if m and len(m[2].split()) >= 3 else None
    if sign:
        return m[2], Numbered(memo_number_of(sign["n"])), None
    signed = SERIES_SIGN_NUMBER.match(m[1]) if m and "#" in m[1] and len(m[2].split()) >= 3 else None
    if signed and signed["series"].split()[-1][:1].isupper():
        return m[2], Numbered(int(signed["n"]), series=signed["series"]), None
    labelled = kind_number_title(text) or title_issue_date(text)
    if labelled:
        return labelled[1], labelled[0], None
    if m and re.search(r"\w[*†]$", m[1]) and _byline(m[1]) and len(m[2].split()) >= 3:
        return m[2], None, _byline(m[1])
    # "Юрий Шевцов: <Title>": Russian capitalizes a headline's first word only, so words each
    # with a capital before the colon are a proper name, and one that reads as a person's is the
    # writer's credit. The title after it opens with a capital as a headline does: a quotation
    # is that person's words ("Иван Петров: «…»", a news headline quoting a speaker), and words
    # in small letters go on a phrase ("Момент Рубикона: анализ …").
    credited = NAME_COLON_TITLE.match(text) if ":" in text[:60] else None
    if credited and len(credited["title"].split()) >= 3 and not names_a_region(credited["name"]):
        names = _byline(credited["name"])
        if names and len(names) == 1:
            return credited["title"], None, names
    # "Рустам Жангужин - <Title>": after a dash the words may be a site's or a paper's name as
    # well ("Вечерняя Степь - …"): a known given name opens a person's.
    dashed = NAME_DASH_TITLE.match(text)
    if dashed and len(dashed["title"].split()) >= 3 and is_given_name(dashed["name"].split()[0]):
        names = _byline(dashed["name"])
        if names and len(names) == 1:
            return dashed["title"], None, names
    # "Jane Roe. <Title>": the writer's name and a full stop before the headline, as a column
    # prints it; a known given name opens a person's (a place's or a thing's name may end a
    # sentence too).
    # A title of two words is one where a full stop closes it too ("Jane Roe. Thinking aloud."):
    # a post after a name has none ("Jane Roe. Senior fellow").
    dotted = NAME_DOT_TITLE.match(text) if ". " in text[:50] else None
    if (
        dotted
        and not dotted["title"][0].islower()
        and len(dotted["title"].split()) >= (2 if text.endswith(".") and not text.endswith("..") else 3)
        and is_given_name(dotted["name"].split()[0])
    ):
        names = _byline(dotted["name"])
        if names and len(names) == 1:
            # The full stop that closes the line is the column's, as the one after the name is.
            closed = dotted["title"].endswith(".") and not dotted["title"].endswith("..")
            return dotted["title"][:-1] if closed else dotted["title"], None, names
    # "“<Title>”, Jane Roe (Institute, Country)", "“<Title>” by A and B": a headline in quotes,
    # then its writer.
    quoted = QUOTED_THEN_NAMES.match(text) if text[:1] in '“"«„' else None
    if quoted and len(quoted["title"].split()) >= 3:
        names = _byline(quoted["names"].rstrip())
        if names:
            return quoted["title"], None, names
    # "Петров И.С. <Title>": a surname and its initials, the way Russian credits print a name.
    named = SURNAME_INITIALS.match(text) if "." in text[:40] else None
    if named and len(named["title"].split()) >= 3 and _byline(named["name"]):
        # 'Петров И.С. "<Title>". E-mail': a title the credit quotes is the quoted words; a few
        # words after its closing quote are links the dump ran onto the line.
        quoted_title = CREDITED_QUOTE.match(named["title"]) if named["title"][:1] in '«"“„' else None
        title = quoted_title["title"] if quoted_title else named["title"]
        return title, None, _byline(named["name"])
    return text, None, None


QUOTED_NAMED_AGAIN = 4  # letters of a surname's stem: "Петров" is named again as "Петрова"
# NAME_COLON_TITLE's name, and a quotation after the colon.
NAME_COLON_QUOTE = re.compile(r"^(?P<name>[А-ЯЁ][а-яё-]+(?: [А-ЯЁ][а-яё-]+){1,2}):\s*(?P<title>[«\"“„].+)$")


def quoted_writer(text: str, body: list[str]) -> list[str] | None:
    """The writer of a headline that quotes them, "Иван Петров: «…»", where the text under it never
    names them again: a report quoting a speaker names the speaker ("…, заявил Петров"); a column
    headed with its writer's own words does not (see split_title)."""
    credited = NAME_COLON_QUOTE.match(text)
    if not credited or not is_quotation(credited["title"]) or names_a_region(credited["name"]):
        return None
    names = _byline(credited["name"])
    surname = names[0].split()[-1] if names and len(names) == 1 else ""
    stem = surname[: max(QUOTED_NAMED_AGAIN, len(surname) - 2)]
    return names if stem and stem not in "\n".join(body) else None


# The writer's affiliation in parentheses after the names is no part of them.
QUOTED_THEN_NAMES = re.compile(
    r"^[“\"«„](?P<title>[^“”\"«»]+)[”\"»“](?:,\s+|\s+by\s+)(?P<names>[^,()]+)(?:\([^()]*\))?$"
)
CREDITED_QUOTE = re.compile(r"[«\"“„](?P<title>[^«»\"“”„]+)[»\"”“]\.?(?:\s+\S+){0,3}$")
SURNAME_INITIALS = re.compile(r"^(?P<name>[А-ЯЁ][а-яё-]+ [А-ЯЁ]\.\s?[А-ЯЁ]\.)\s+(?P<title>[А-ЯЁ«\"].+)$")


# Where a label may begin inside a line: its start, after a sentence or a separator, or where
# two elements were glued together by the dump ("…Wikimedia CommonsBESA Center Perspectives…").
SEGMENT_START = re.compile(r"(?<=[.!?:;,|–—])\s+(?=\S)|(?<=[a-z])(?=[A-Z]{2,})")


def find_numbered(lines: list[str]) -> Numbered | None:
    """The first "<Kind> No. N" or "<Series> Volume V, Issue N" label that starts a line or a
    segment of one, in `lines` (the head of a page)."""
    # Asked line by line, not of the whole head at once: a head almost always holds a figure and
    # a sign's letters ("no" in "not"), so the sign pattern would run over all of it.
    hinted = [clean_space(line) for line in lines if has_number_hint(line)]
    for text in hinted:
        for start in [0, *(m.end() for m in SEGMENT_START.finditer(text))]:
            found = read_numbered(text[start:])
            if found:
                return found
        found = numbered_headline(text)
        if found:
            return found
    # A label run into the title before it ("…by President Mirziyoyev OSW Commentary NUMBER 278"):
    # where it starts is unclear, so it gives its number and date, not a category.
    for text in hinted:
        found = capitals_journal(text)
        if found:
            return found
        # The sign opens the line or follows a label: "Series Details No.233, September 2014".
        for m in NUMBER_SIGN.finditer(text[:200]):
            found = read_sign_first(text[m.start() :])
            if found:
                kind = " ".join(text[: m.start()].split()[-6:])
                return Numbered(found.number, after_organisation(kind), published=found.published)
        for m in WORD_START.finditer(text[:200]):
            found = read_numbered(text[m.start() : m.start() + 120], run_on=True)
            if found:
                series = figure_bounded(text[: m.start()], text[m.start() :], found.series)
                return Numbered(found.number, series=series, published=found.published)
    return None


def capitals_journal(text: str) -> Numbered | None:
    """A journal's name in capitals and its volume opening a page's text run onto one line:
    "JOURNAL OF AREA STUDIES Volume 20, Number 2, 2013, pp.83-100 <Title> …". The line's start
    shows where the name starts, and the capitals where it ends (a title run into a label is
    printed in small letters)."""
    if not text[:2].isupper():
        return None
    found = read_numbered(text[:120], run_on=True)
    if not found or not found.series or not found.series.rsplit(" ", 2)[0].isupper():
        return None
    return Numbered(found.number, series=found.series, published=found.published)


# "#11 Azerbaijan": a newsletter's issue numbered before its headline, a few words in capitals
# with no full stop (a sentence or a list's item with a number goes on in small letters). A year
# there is a hashtag's ("#2023 Review").
NUMBERED_HEADLINE = re.compile(
    r"^#(?!(?:19|20)\d\d\b)(?P<n>\d{1,4}) (?=[^\W\d_])(?:[^\W\d_][\w’'-]*[ :,]{0,2}){1,8}$"
)


def numbered_headline(text: str) -> Numbered | None:
    m = NUMBERED_HEADLINE.match(text) if text[:1] == "#" else None
    if not m or not all(word[:1].isupper() or len(word) <= 3 for word in text.split()[1:]):
        return None
    return Numbered(int(m["n"]))


def figure_bounded(before: str, segment: str, series: str | None) -> str | None:
    """A run-on citation's "<Journal> Volume V", where a word holding a figure shows where the
    journal's name starts: a URL's, a time's or a footnote mark's ("…journalCode=abc20 Steppe
    Review, 2019 Vol. 26, No. 2", "…in the Steppes1 Steppe Politics Vol. 12, No. 1", the name
    read after the mark). Words before a name run into it otherwise (a title's), so without
    such a word there is none."""
    if not series:
        return None
    if series.startswith(segment.split(None, 1)[0]) and not DIGIT.search(
        before.rsplit(None, 1)[-1] if before.strip() else ""
    ):
        return None
    return series


def after_organisation(kind: str | None) -> str | None:
    """The label after the name of the organisation a run-on label opens with, where that name
    shows where the label starts: "… War Crisis Group Europe Briefing" -> "Europe Briefing"."""
    words = (kind or "").split()
    ends = [k for k, word in enumerate(words[:-1]) if ORG_WORDS.fullmatch(word)]
    label = " ".join(words[ends[-1] + 1 :]) if ends else ""
    return label if label and is_kind_label(label) and not label.isupper() else None


# A journal's identifiers of an article, which it prints between the article's type label and its
# title: "Дискуссионная статья", "УДК 316.334.3", "DOI: 10.…", "<Title>".
IDENTIFIER_LINE = re.compile(r"\s*(?:УДК|UDC|DOI|ISSN|JEL)\b", re.I)
IDENTIFIER_LINES = 3

# A bullet, or the dash a header line may open with as one: "- In Brief".
LIST_MARK = re.compile(r"^\s*[•·▪◦●*+\-–—]\s+")
RUBRIC_MAX = 60  # characters


def is_credit_line(line: str) -> bool:
    """A picture's caption or credit on a line of its own: "Photo credit: REUTERS"."""
    return len(line) <= CREDIT_LINE_MAX and bool(CREDIT_START.match(line.strip()))


def is_rubric(line: str) -> bool:
    """A short line of a section's name printed in capitals: "RUSSIA / FSU POLITICS"."""
    return len(line) <= RUBRIC_MAX and line.isupper() and not DIGIT.search(line)


NUMBER_SIGN = re.compile(r"(?<!\w)(?:No\.?|Nr\.?|N\s?[°º]|№|#)\s*\d", re.I)
WORD_START = re.compile(r"(?<=\s)(?=[A-ZА-ЯЁ])")


def find_kind_label(lines: list[str], title_first: int, title_last: int) -> str | None:
    """A category printed as a plain label beside the title: the line just above or below it
    ("U.S.-Russia Insight", "A Briefing Memo"), one of the header's lines with its date, or a
    part of the page's first line ("Discussion Paper - Belfer Center …", "Title - Research Paper
    - Chatham House")."""
    above = filled_above(lines, title_first, 1 + IDENTIFIER_LINES)
    near = next(([i] for i in above if not IDENTIFIER_LINE.match(lines[i])), [])
    below = filled_below(lines, title_last, len(lines), 3)
    # A rubric in capitals or a picture's credit may stand between the title and its label:
    # "<Title>", "ENERGY / CASPIAN", "- In Brief"; "<Title>", "Photo credit: …", "Policy Paper".
    between = below and (is_rubric(lines[below[0]]) or is_credit_line(lines[below[0]]))
    near += below[:2] if between else below[:1]
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    for i in near:
        text = without_opening(LIST_MARK, lines[i])
        if is_kind_label(text):  # which cleans the spaces itself: a long line is not cleaned
            return clean_space(text)
    # A label with the date after it, in the header below the title: "Paper January 25, 2016".
    for i in below:
        if not DIGIT.search(lines[i]):
            continue  # no label and its date (asked first: the line may be a long paragraph)
        text = clean_space(without_opening(BULLET, lines[i]))
        if len(text) > 60:
            continue
        labelled = kind_and_date(text)
        if labelled:
            return labelled[0]
    if first is not None:
        parts = title_parts(clean_space(lines[first]))
        # The whole line, too, above a title printed further down: a cover's "Discussion Paper"
        # over its month and the title.
        for part in parts[:-1] if len(parts) > 1 or first >= title_first else parts:
            if is_kind_label(part) and not part.isupper():
                return part
        # Or the line under it, above a title printed further down: a cover's label ("Essay"
        # under the viewer's page counter).
        after = next_index(lines, first)
        text = clean_space(lines[after]) if after is not None and after < title_first else ""
        if is_kind_label(text) and not text.isupper():
            return text
    return None


def find_pdf_name(lines: list[str]) -> str | None:
    """A PDF's file name printed at the start of a line ("EUCAM-Policy-Brief-19.pdf – Downloaded …"),
    or filling a line of its own, spaces and all, as document hosts print an upload's name."""
    # The patterns run only on the few lines that hold the extension at all, which one search of
    # the whole page finds, not one search a line.
    page = "\n".join(lines)
    for extension in PDF_EXTENSION.finditer(page):
        start = page.rfind("\n", 0, extension.start()) + 1
        end = page.find("\n", extension.end())
        line = page[start : end if end != -1 else None]
        m = PDF_NAME.match(line) or PDF_NAME_LINE.match(line)
        if m:
            return m[1]
    return None


PDF_NAME = re.compile(r"^\s*([\w.\-]+\.pdf)\b", re.I)
# No slash, colon or backslash: a path, a link or a label's line is not a bare file name.
PDF_NAME_LINE = re.compile(r"^\s*([^\s/:\\][^/:\\]{0,200}\.pdf)\s*$", re.I)
PDF_EXTENSION = re.compile(r"\.pdf", re.I)


# "By" and two to four capitalized words, opening the text or a sentence.
BY_IN_TEXT = re.compile(r"(?:^|(?<=[.!?]\s))By\s+((?:[A-Z][\w'’.\-]*\s+){1,3}[A-Z][\w'’\-]+)")


def byline_in_text(text: str) -> list[str] | None:
    """ "By Benno Zogg" opening a sentence of the lead, when the dump ran the byline into it."""
    lead = text[:3000]
    if "By" not in lead:
        return None  # most leads: the pattern, which opens by looking behind, would try every character
    for m in BY_IN_TEXT.finditer(lead):
        names = _byline(m[1])
        if names:
            return names
    return None


def addressed_opening(text: str) -> list[str] | None:
    """ "Dr. A. Author The …": a name with its form of address, which the dump ran into the
    lead's first sentence; the sentence opens with a capital after it ("The", "In", "A")."""
    m = HONORIFIC.match(text)
    if not m:
        return None
    words = text[m.end() :].split()[:6]
    for n in range(min(4, len(words) - 1), 1, -1):
        after = words[n]
        if after[:1].isupper() and after.casefold() in NOT_IN_NAMES or after[:1].isdigit():
            names = _byline(" ".join(words[:n]))
            if names and len(names) == 1:
                return names
    return None

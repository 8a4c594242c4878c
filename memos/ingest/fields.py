"""Reading single fields from the words pages use: dates, bylines, labels, languages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property, lru_cache

MONTHS = {
    # English, full and abbreviated
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
    # Russian, nominative and genitive ("13 сентября 2018")
    "январь": 1, "января": 1, "февраль": 2, "февраля": 2, "март": 3, "марта": 3,
    "апрель": 4, "апреля": 4, "май": 5, "мая": 5, "июнь": 6, "июня": 6, "июль": 7,
    "июля": 7, "август": 8, "августа": 8, "сентябрь": 9, "сентября": 9, "октябрь": 10,
    "октября": 10, "ноябрь": 11, "ноября": 11, "декабрь": 12, "декабря": 12,
    # Russian abbreviated ("12 янв. 2021")
    "янв": 1, "фев": 2, "февр": 2, "мар": 3, "апр": 4, "июн": 6, "июл": 7, "авг": 8, "сен": 9,
    "сент": 9, "окт": 10, "ноя": 11, "нояб": 11, "дек": 12,
}  # fmt: skip
# Other languages of the region's publishers and their mirrors, as the same numbers: Ukrainian,
# German, French, Polish, Greek (nominative and genitive forms), Turkish, Romanian (Moldova's
# pages), and the Scandinavian ones of blogs hosted there ("mandag 17. januar 2022").
for _number, _names in enumerate(
    [
        "січень січня januar jänner janvier styczeń stycznia ιανουάριος ιανουαρίου januari ocak ianuarie",
        "лютий лютого februar février luty lutego φεβρουάριος φεβρουαρίου februari şubat februarie",
        "березень березня märz mars marzec marca μάρτιος μαρτίου mart martie",
        "квітень квітня april avril kwiecień kwietnia απρίλιος απριλίου nisan aprilie",
        "травень травня mai maj maja μάιος μαΐου μαίου mayıs",
        "червень червня juni juin czerwiec czerwca ιούνιος ιουνίου haziran iunie",
        "липень липня juli juillet lipiec lipca ιούλιος ιουλίου temmuz iulie",
        "серпень серпня août sierpień sierpnia αύγουστος αυγούστου augusti ağustos",
        "вересень вересня septembre wrzesień września σεπτέμβριος σεπτεμβρίου eylül septembrie",
        "жовтень жовтня oktober octobre październik października οκτώβριος οκτωβρίου okt ekim octombrie",
        "листопад листопада novembre listopad listopada νοέμβριος νοεμβρίου kasım noiembrie",
        "грудень грудня dezember décembre grudzień grudnia δεκέμβριος δεκεμβρίου desember aralık decembrie",
    ],
    start=1,
):
    for _name in _names.split():
        MONTHS.setdefault(_name, _number)

_MONTH = r"(?P<month>[^\W\d_]{3,12})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_DATE_PATTERNS = [
    # September 14, 2018 / Sept. 14 2018 / March 3rd, 2020 / August 15,2022 (the space lost) /
    # Январь 24/ 2009 (a site's template sets a slash for the comma)
    re.compile(rf"^{_MONTH}\s+{_DAY}(?:,\s*|/\s*|\s+)(?P<year>\d{{4}})$"),
    # 14 September 2018 / 13 сентября 2018 (г.) / 3rd March 2020 / 6 Νοεμβρίου 2013
    re.compile(rf"^{_DAY}\.?\s+(?:of\s+)?{_MONTH},?\s+(?P<year>\d{{4}})(?:\s*г\.?)?$"),
    # 07-Mar-2019: the month's name between dashes, as databases print a date
    re.compile(rf"^{_DAY}-{_MONTH}-(?P<year>\d{{4}})$"),
    # 2018-09-14, 2018/09/14, 2018-09-14T10:00:00+00:00
    re.compile(r"^(?P<year>\d{4})[-/](?P<mnum>\d{1,2})[-/](?P<day>\d{1,2})(?:[T ].*)?$"),
    # 2014.08.27: the year first with full stops, as East Asian sites write it
    re.compile(r"^(?P<year>\d{4})\.(?P<mnum>\d{1,2})\.(?P<day>\d{1,2})$"),
    # 14.09.2018, 26.04.23 (European order, the only one Russian pages use; a second figure over 12
    # can only be a day, as American briefs print it: 07.18.17)
    re.compile(r"^(?P<day_first>\d{1,2})\.(?P<second>\d{1,2})\.(?P<year>\d{4}|\d{2})$"),
    # 11/08/2020: month first, as American sites write it with slashes (a day over 12 first
    # can only be a day: 25/03/2020); a news site's date line may cut the year short: 13/04/12
    re.compile(r"^(?P<first>\d{1,2})/(?P<second>\d{1,2})/(?P<year>\d{4}|\d{2})$"),
    # 2-02-2021, 23-04-2018: day first, as the European and Russian sites that write dashes do (a
    # second figure over 12 can only be a day: 04-23-2018)
    re.compile(r"^(?P<day_first>\d{1,2})-(?P<second>\d{1,2})-(?P<year>\d{4})$"),
]
# A counter of views a page prints on the date's line after it: "… 12:00 AM Count : 372".
COUNTER_WORDS = frozenset({"count", "views", "hits", "reads", "просмотры", "просмотров"})
# A count of views printed last after the date, even run into an ISO date's day ("2024-09-26281
# view", the figures of both glued together).
COUNT_ENDINGS = (" view", " views", " просмотр", " просмотра", " просмотров")
_COUNT_AFTER = re.compile(r"^(?P<date>.*?\d{4}-\d\d-\d\d|.*?\D)\s*\d[\d,]*\s+(?:views?|просмотр\w*)$")
# A time after the date: "12:00", "- 4:57pm", "at 10:30 a.m. EST", "| 09:15".
_TIME_AFTER = re.compile(
    r"(?:\s*[,|·•–—-]\s*|\s+)(?:at\s+|в\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?"
    r"(?:\s+[A-Z]{2,5})?$",
    re.I,
)


_WEEKDAY = re.compile(
    r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
    r"\.?,?\s+|^(?:понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|пн|вт|ср|чт|пт|сб|вс)"
    r"\.?,?\s+",
    re.I,
)


DIGIT = re.compile(r"\d")


def first_letters(words: str) -> str:
    """The letters the words of an alternation of plain words ("council|center|…") open with, for a
    character class."""
    return "".join(sorted({word[0] for word in words.split("|")}))


def without_opening(pattern: re.Pattern, text: str) -> str:
    """`text` without what `pattern`, anchored at the start ("^"), matches there: as
    pattern.sub("", text), without sub's search on through every later character."""
    m = pattern.match(text)
    return text[m.end() :] if m else text


DATE_WORDS = 5  # the most words a date takes: a weekday, a day, a month, a year and a time
# Every date parse_date reads has a year, and so two figures side by side in one word ("5 min",
# "Vol. 3, No. 7" have none).
TWO_FIGURES = re.compile(r"\d\d")


def first_with_year(words: list[str]) -> int | None:
    """The index of the first of `words` with two figures side by side, as a year has."""
    return next((k for k, word in enumerate(words) if TWO_FIGURES.search(word)), None)


def last_with_year(words: list[str]) -> int | None:
    """The index of the last of `words` with two figures side by side."""
    return next((k for k in range(len(words) - 1, -1, -1) if TWO_FIGURES.search(words[k])), None)


# A date in figures run into the word after it, as a dump joins a date line and a title:
# "27.03.2014Узбекистан намерен …", "2021-05-04Cables …".
GLUED_DATE = re.compile(r"(?:\d{1,2}([./])\d{1,2}\1(?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)(?=[^\W\d_])")


def unglued_date(text: str) -> str:
    """`text` with a date in figures that opens it set apart from the word run into it."""
    glued = GLUED_DATE.match(text)
    return f"{text[: glued.end()]} {text[glued.end() :]}" if glued else text


@lru_cache(maxsize=8192)  # the head's rules and the chunking ask about the same lines
def date_at_start(text: str) -> date | None:
    """A date that opens `text` ("26.04.23 Sanctions Review", "8 July 2022 Central Asia")."""
    if not DIGIT.search(text, 0, 40):
        return None
    # At most five words are tried: the rest of a long text is not split. parse_date takes no
    # text without two figures side by side in a word (a year's): the fewest words tried hold
    # the first word that has them.
    words = unglued_date(text).split(maxsplit=DATE_WORDS)[:DATE_WORDS]
    fewest = first_with_year(words)
    if fewest is None:
        return None
    for n in range(len(words), fewest, -1):
        found = parse_date(" ".join(words[:n]))
        if found:
            return found
    return None


# A date in figures run onto the word before it, as a board's subject line joins a name and the
# date column: "… Dialogue with Jane Roe2014.08.27".
GLUED_DATE_AFTER = re.compile(
    r"(?<=[^\W\d_])(?:\d{1,2}([./])\d{1,2}\1(?:19|20)\d\d|(?:19|20)\d\d([-./])\d\d\2\d\d)$"
)


def date_at_end(text: str) -> date | None:
    """A date that ends `text` ("by Daria Kravets-Meinke 15/05/2024")."""
    if not DIGIT.search(text, max(0, len(text) - 40)):
        return None
    # As in date_at_start: the last five words, the fewest tried holding the last word with two
    # figures side by side.
    words = text.rsplit(maxsplit=DATE_WORDS)[-DATE_WORDS:]
    glued = GLUED_DATE_AFTER.search(words[-1]) if words else None
    if glued:
        words[-1:] = [words[-1][: glued.start()], glued[0]]
    last = last_with_year(words)
    if last is None:
        return None
    for n in range(len(words), len(words) - last - 1, -1):
        found = parse_date(" ".join(words[-n:]))
        if found:
            return found
    return None


# Words that label a date as the item's own: "Publication Date 11/09/2014", "Опубликовано:"; a
# CMS's "Created: 2023-01-31 04:04:22" ("Создано:") is when the item was put on the site.
DATE_LABEL = (
    r"(?:publication date|date of publication|date published|published(?: online)?|posted|written|date|"
    r"created|дата публикации|дата размещения|дата|опубликовано|создано|добавлено)"
)
# "on" may come twice: a template's own before a date that brings one ("Published on on March 5, 2019").
_DATE_LABEL_FIRST = re.compile(rf"^{DATE_LABEL}(?:\s+on){{0,2}}\s*:?\s*", re.I)
# A labelled date anywhere in a line, as dumps run labels and values together, even glued to the
# word or figure before ("Occasional PapersPublished on Apr 29, 2024", "…1520809Published online").
# (The look ahead for the labels' first letters comes first: the pattern would try the places a
# label may start and each label at every character.)
LABELLED_DATE = re.compile(
    r"(?=[pdwдоe])(?:^|(?<=\s)|(?-i:(?<=[a-zа-яё\d])(?=[A-ZА-ЯЁ])))(?:publication date|date of publication|"
    r"date published|published(?: online)?(?: on(?: on)?| by [^:\n]{3,60}(?=:))?|posted on|written on|"
    # A journal's online date beside its issue's: "no.42 ene./jun. 2020 Epub 09-Mar-2021".
    r"epub|"
    r"дата публикации|дата размещения|опубликовано)\s*:?\s+(?=\d|[^\W\d_]{3,9}\.?\s+\d)",
    re.I,
)


GLUED_STOP = re.compile(r"(?<=\d)\.(?=[A-ZА-ЯЁ][a-zа-яё])")

DATE_LABEL_WORDS = (
    "ublicat", "ublished", "osted on", "ritten on", "Epub", "epub", "EPUB", "ата публ", "ата разм",
    "публиковано",
)  # fmt: skip


def labelled_date(text: str) -> date | None:
    """The first date that a label names as the item's own inside `text`: "… дата публикации
    04.08.21 05:04 скаут: …" (a repost's own date, not the original's in its text)."""
    if not any(map(text.__contains__, DATE_LABEL_WORDS)):
        return None  # most pages, cheaply
    for m in LABELLED_DATE.finditer(text):
        # A full stop glued to the next word ends the date a PDF's text ran on: "2018.Submit".
        found = date_at_start(GLUED_STOP.split(text[m.end() : m.end() + 40], 1)[0])
        if found:
            return found
    return None


# Day and month of a date written in figures, which either could be: "11/09/2014".
AMBIGUOUS_DATE = re.compile(r"\b(?P<a>0?[1-9]|1[0-2])[/.](?P<b>0?[1-9]|1[0-2])[/.](?P<year>(?:19|20)\d\d)\b")
MONTH_YEAR = re.compile(r"\b(?P<month>[^\W\d_]{3,9})\.?,?\s+(?P<year>(?:19|20)\d\d)\b")


def as_the_page_reads(found: date, line: str, page: list[str]) -> date:
    """`found`, read from `line`, with day and month swapped where they could be either and the
    page (its lines) names the other month with that year ("Publication Date 11/09/2014" under
    "No.233, September 2014"). The lines are joined only for a date that could be either."""
    m = AMBIGUOUS_DATE.search(line)
    if not m or m["a"] == m["b"] or int(m["year"]) != found.year:
        return found
    text = "\n".join(page)
    named = {(MONTHS.get(n["month"].casefold()), int(n["year"])) for n in MONTH_YEAR.finditer(text)}
    swapped = date(found.year, found.day, found.month)
    if (swapped.month, swapped.year) in named and (found.month, found.year) not in named:
        return swapped
    # Russian puts the day first with slashes as with dots ("11/04/2022" is 11 April): a slashed
    # date on a page in Russian is read month first only where the page names that month.
    if "/" in m[0] and (found.month, found.year) not in named and language_of(text) == "ru":
        return swapped
    return found


DATE_MAX = 100


@lru_cache(maxsize=8192)  # a page's lines are asked about more than once
def parse_date(text: str | None) -> date | None:
    """A full calendar date from the ways memo pages write one, else None.

    Month-only dates ("October 2009") are not dates: a day would be a guess.
    """
    # Every form has figures and none runs longer than a label, a weekday, a date and a time:
    # most lines a page asks about are turned away here.
    if not text or len(text) > DATE_MAX or not DIGIT.search(text):
        return None
    # A sentence's full stop may end it: "Published online: 27 Feb 2020."
    cleaned = " ".join(text.split()).strip(" •·|-–—,").removesuffix(".")
    # A space a layout set before the comma after the day: "May 14 , 2022".
    cleaned = cleaned.replace(" ,", ",")
    cleaned = without_opening(_DATE_LABEL_FIRST, cleaned)
    cleaned = without_opening(_WEEKDAY, cleaned)
    if cleaned.endswith(COUNT_ENDINGS) and (counted := _COUNT_AFTER.match(cleaned)):
        cleaned = counted["date"].rstrip()
    # A time has a colon or a full stop ("12:00", "10.30"); the pattern opens with spaces and is
    # tried at every character.
    if ":" in cleaned or "." in cleaned:
        cleaned = without_counter(cleaned)
        cleaned = _TIME_AFTER.sub("", cleaned)
    found = _calendar_date(cleaned)
    if found is None and " " in cleaned:
        # A weekday in another language opens it: "Τετάρτη 6 Νοεμβρίου 2013"; or ends it, as
        # Turkish writes it: "27 Ağustos 2007 Pazartesi".
        head, rest = cleaned.split(" ", 1)
        if head.rstrip(",.").casefold() in WEEKDAYS:
            found = _calendar_date(rest)
        else:
            rest, tail = cleaned.rsplit(" ", 1)
            if tail.casefold() in WEEKDAYS:
                found = _calendar_date(rest.rstrip(","))
    if found is not None:
        return found
    if not cleaned[:4].isdigit():
        return None  # every ISO 8601 form opens with the year's four figures
    try:  # ISO 8601 with a time zone, as in <time datetime> and JSON-LD
        return datetime.fromisoformat(cleaned.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def without_counter(text: str) -> str:
    """`text` without a counter of views after a colon last on it ("Count : 372"), if any."""
    head, colon, figures = text.rpartition(":")
    if not colon or not figures.strip().replace(",", "").isdigit():
        return text
    rest, _, word = head.rstrip().rpartition(" ")
    return rest if word.casefold() in COUNTER_WORDS else text


# Weekdays in the other languages of the months above.
WEEKDAYS = {
    day
    for days in (
        "понеділок вівторок середа четвер пʼятниця п'ятниця субота неділя",
        "montag dienstag mittwoch donnerstag freitag samstag sonntag",
        "lundi mardi mercredi jeudi vendredi samedi dimanche",
        "poniedziałek wtorek środa czwartek piątek sobota niedziela",
        "δευτέρα τρίτη τετάρτη πέμπτη παρασκευή σάββατο κυριακή",
        "mandag tirsdag onsdag torsdag fredag lørdag søndag måndag tisdag lördag söndag",
        "pazartesi salı çarşamba perşembe cuma cumartesi pazar",
    )
    for day in days.split()
}


def _calendar_date(cleaned: str) -> date | None:
    for pattern in _DATE_PATTERNS:
        m = pattern.match(cleaned)
        if not m:
            continue
        parts = m.groupdict()
        if parts.get("first"):
            first, second = int(parts["first"]), int(parts["second"])
            month_first = first <= 12
            parts["mnum"], parts["day"] = (first, second) if month_first else (second, first)
        elif parts.get("day_first"):
            first, second = int(parts["day_first"]), int(parts["second"])
            day_first = second <= 12
            parts["mnum"], parts["day"] = (second, first) if day_first else (first, second)
        month = int(parts["mnum"]) if parts.get("mnum") else MONTHS.get(parts["month"].casefold())
        if not month:
            continue
        year = int(parts["year"])
        if len(parts["year"]) == 2:  # "26.04.23": this century's, up to 2049
            year += 2000 if year < 50 else 1900
        try:
            return date(year, month, int(parts["day"]))
        except ValueError:
            return None
    return None


_BY = re.compile(r"^(?:written\s+by|by|authors?|author\(s\)|автор[ыа]?)\s*:?\s+", re.I)
# A bar glued to the names on both sides parts them ("Jane Roe|John Doe", a page's author links
# run together); one between spaces parts a site's title from its name as often.
_SPLIT = re.compile(r"\s*(?:,\s*(?:and|&|и|with)\s+|\s+(?:and|&|и)\s+|;\s*|,\s*|(?<=\S)\|(?=\S))\s*")
_GLUED_BAR = re.compile(r"\S\|\S")
NICKNAME = re.compile(r"^\([A-ZА-ЯЁ][\w'’.\-]*\)$")
# The Latin capitals with marks that open Central and Northern European names: "Švejnar", "Łucja".
_LATIN_CAPITALS = "".join(c for c in map(chr, range(0xC0, 0x180)) if c.isupper())
_NAME_WORD = re.compile(
    rf"^(?:[A-ZА-ЯЁ{_LATIN_CAPITALS}][\w'’.\-]*|de|da|van|von|der|del|la|le|bin|al-\w+)$", re.U
)


def is_organisation(text: str) -> bool:
    """A name of an organisation and nothing else: "Carnegie Endowment for International Peace"."""
    words = text.split()
    return (
        0 < len(words) <= 8
        and bool(ORG_WORDS.search(text))
        and all(w[:1].isupper() or w in _LABEL_JOINERS for w in words)
    )


def split_authors(text: str) -> list[str]:
    """["A", "B", "C"] from "By A, B, and C" / "A and B" / "А и Б"."""
    return list(_split_authors(text))


@lru_cache(maxsize=8192)  # a line is split again by each test that reads it as names
def _split_authors(text: str) -> tuple[str, ...]:
    text = without_opening(_BY, " ".join(text.split()))
    parts = _SPLIT.split(text) if has_separator(text) else [text]
    # An initial's full stop is kept ("Петров И.С."); most bylines have none to keep.
    names = [_trimmed(n) for n in parts] if "." in text else [n.strip(" ,;") for n in parts]
    names = [_RANK.sub("", HONORIFIC.sub("", n)) if n[:1] in "DPMLBCGA" else n for n in names]
    return tuple(
        name for n in names if n and not (len(n) < 20 and DEGREE.match(n)) for name in run_together(n)
    )


# A form of address before a name is no part of it, like a degree after one: "Dr. Jane Roe".
HONORIFIC = re.compile(r"^(?:Dr|Prof|Mr|Mrs|Ms)\.?\s+(?=[A-ZА-ЯЁ])")
# A military rank is dropped as well ("Major Jane Roe", "Lt. Gen. Jane Roe"), where a name of two
# words at least follows it: "General Staff" is no rank and name.
_RANK = re.compile(
    r"^(?:(?:Lt|Lieutenant|Brig|Brigadier|Maj|Major|Col|Colonel|Gen|General|Capt|Captain|Cdr|Commander|"
    r"Adm|Admiral)\.?\s+){1,2}(?=[A-Z]\S*\s+[A-Z])"
)


def has_separator(text: str) -> bool:
    """Whether _SPLIT can part `text`, whose spaces are single: a comma, a semicolon, or a joining
    word between spaces. The pattern opens with spaces and is tried at every character; most
    bylines name one author."""
    return (
        "," in text
        or ";" in text
        or " and " in text
        or " & " in text
        or " и " in text
        or ("|" in text and bool(_GLUED_BAR.search(text)))
    )


INITIAL = re.compile(r"^[A-ZА-ЯЁ]\.$")
# A name that ends with an initial: "Иванов О.Б" (its full stop belongs to the name).
_ENDS_INITIAL = re.compile(r"(?:^|[\s.])[A-ZА-ЯЁ]$")


def _trimmed(name: str) -> str:
    """A name without the punctuation around it, an initial's full stop aside."""
    trimmed = name.strip(" .,;")
    # A capital last: most names end in a small letter, and the test stops there.
    if trimmed[-1:].isupper() and name.rstrip(" ,;").endswith(".") and _ENDS_INITIAL.search(trimmed):
        return trimmed + "."
    return trimmed


def run_together(text: str) -> list[str]:
    """Names a PDF's cover ran together without separators, where initials show how they part:
    "Zeyno Baran S. Frederick Starr Svante E. Cornell" -> three names. Each name is taken as
    initials, a given name, initials and a surname; a run too long for one name (five words or
    more) with an initial in it parts that way, or stays whole."""
    if text.count(" ") < 4 or ". " not in text:
        return [text]  # most names, cheaply: too short, or no initial
    words = text.split()
    if len(words) < 5 or not any(INITIAL.match(w) for w in words):
        return [text]
    names: list[str] = []
    current: list[str] = []
    plain = 0
    for word in words:
        current.append(word)
        if INITIAL.match(word):
            continue
        if not (word[:1].isupper() and word[1:].islower() or _NAME_WORD.match(word) and not word.isupper()):
            return [text]
        plain += 1
        if plain == 2:
            names.append(" ".join(current))
            current, plain = [], 0
    return names if not current and len(names) > 1 else [text]


# A degree or a stage of one, printed after a name as if it were another: "A, Ph.D., & B, Ph.D.
# Candidate".
DEGREE = re.compile(
    r"^(?:Ph\.?\s?D|D\.?Phil|M\.?A|M\.?Sc|MBA|M\.?D|J\.?D|LL\.?M)\.?(?:\s+(?:candidate|student))?$", re.I
)


class _RussianCountryNames:
    """The Russian names of countries, each one word, in every case ("Казахстана"), as the
    archive's country aliases give them: read the first time a line's names are weighed."""

    @cached_property
    def words(self) -> frozenset[str]:
        from .mentions import country_names

        return frozenset(
            form
            for forms in country_names().values()
            for form in forms
            if form[:1].isupper() and " " not in form and not form.isascii()
        )

    def isdisjoint(self, words: list[str]) -> bool:
        return self.words.isdisjoint(words)


RUSSIAN_COUNTRY_NAMES = _RussianCountryNames()


NOT_IN_NAMES = {
    "a", "an", "the", "of", "on", "in", "at", "to", "for", "from", "with", "after", "before", "over",
    "under", "between", "against", "about", "and", "or", "not", "no", "new", "is", "are", "why",
    "how", "what", "who", "its", "his", "her", "their", "our", "this", "that", "policy", "memo",
    "memos", "paper", "report", "brief", "news", "center", "centre", "institute", "university",
    "institut", "instituto", "universität", "université", "universidad", "università",
    # the words of labels and links: "Series Title", "Content Type", "Request PDF"
    "series", "title", "type", "content", "details", "date", "publication", "pdf",
    # what people are, on the line under their names: "Senior Fellow", "Program Director"
    "senior", "fellow", "director", "professor", "editor", "researcher", "analyst", "associate",
    "program", "programme", "department", "expert", "scholar", "lecturer", "correspondent",
    "journalist", "contributor", "intern", "volunteer",
    # an office before the name of whoever holds it: "Reforms by President Roe"
    "president", "minister", "chairman", "ambassador", "secretary",
    # the headings and labels a byline sits among: "Executive Summary", "Original Material"
    "summary", "executive", "abstract", "introduction", "overview", "original", "material",
    "related", "links", "tags", "comments", "share",
    # a reader's account and subscription links: "Manage Print Subscription", "Newsletter Sign Up"
    "subscription", "subscriptions", "newsletter", "newsletters",
    # a teaser's label for the page before or after: "Next Article", "Previous Post"
    "next", "previous",
    # the label of a date the line prints beside: "Last Updated March 3, 2021"
    "updated", "published", "posted",
    # a CMS's stand-in where no author was filled in: "Unknown Author", "Guest Author"
    "author",
    # a state's name, as a heading glosses a place: "Transcaspia (Caspian Moldovan Republic)"
    "republic", "federation", "kingdom",
}  # fmt: skip


def unique_names(names: list[str]) -> list[str]:
    """Each name once, first spelling kept: a byline and a bio heading may both name an author."""
    seen: set[str] = set()
    kept = []
    for name in names:
        key = " ".join(name.split()).casefold()
        if key not in seen:
            seen.add(key)
            kept.append(name)
    return kept


# The words in small letters a byline may hold outside its names, which split_authors drops:
# the words that join names, "by" or "author" before them, and a degree after one (DEGREE).
_DROPPED_WORDS = {
    "and", "и", "with", "written", "by", "author", "authors", "автор", "авторы", "автора",
    "phd", "ph", "d", "dphil", "ma", "msc", "mba", "md", "jd", "llm", "candidate", "student",
}  # fmt: skip


# A site's address: a word, a dot and the domain's end in small letters ("Vzglyad.ru"); an
# initial's dot comes after a capital.
SITE_ADDRESS = re.compile(r"[a-z]\.[a-z]{2,4}\b")


@lru_cache(maxsize=8192)
def looks_like_names(text: str) -> bool:
    """A byline: every name is two to five capitalized words, no sentence in sight."""
    if not text or len(text) > 200 or text.rstrip().endswith((".", "?", "!", ":")) and not _BY.match(text):
        return False
    if not any(map(str.islower, text)):
        return False  # capitals only: a heading ("CITATION AND REPRODUCTION"), not a byline
    # A word in small letters that split_authors keeps and that is no particle of a name fails
    # the name it ends up in: a sentence's words turn it away before it is split into names.
    for word in text.split():
        if word.isalpha() and word.islower() and word not in _DROPPED_WORDS and not _NAME_WORD.match(word):
            return False
    names = split_authors(text)
    if not names:
        return False
    for name in names:
        words = name.split()
        # A nickname may stand in parentheses inside a name: "Nicole (Cole) Anselmo".
        if "(" in name:
            plain = [words[0], *(w for w in words[1:-1] if not NICKNAME.match(w)), words[-1]]
        else:
            plain = words  # no nickname without a parenthesis: most names
        if not 2 <= len(words) <= 4 or not all(map(_NAME_WORD.match, plain)):
            return False
        # A name opens with a given name or an initial and its full stop; a letter alone is a
        # word opening a sentence: "В Таджикистан", "A Plan".
        if len(words[0]) == 1:
            return False
        # Title-case phrases are not names: "Kazakhstan's Succession", "One Year On".
        if any(w.casefold() in NOT_IN_NAMES or w.endswith(("'s", "’s")) for w in words):
            return False
        if parse_date(name):
            return False
        # A citation's volume or issue is no name's word: "Vol.29 No.4" (see CITED_PART).
        if DIGIT.search(name) and any(map(CITED_PART.match, words)):
            return False
        # A site's address is no name's word: "See Vzglyad.ru", a pointer to the source.
        if "." in name and SITE_ADDRESS.search(name):
            return False
        # A country's name is no person's: "Выбор Казахстана", "Послевыборный Казахстан". (In
        # English, "Georgia", "Jordan" or "Chad" may well be.)
        if not words[0].isascii() and not RUSSIAN_COUNTRY_NAMES.isdisjoint(words):
            return False
    return True


# What a person does, after their name: "Тигран Саркисян, заместитель председателя …",
# "Jane Roe, Senior Fellow at …".
_POSTS = (
    r"fellow|professor|director|researcher|analyst|editor|correspondent|"
    r"journalist|scholar|lecturer|chair|president|expert|associate"
)
_ROLE = re.compile(rf"^(?:\w+\s+){{0,3}}(?:{_POSTS})\b", re.I)
# The post last after the name of the organisation that holds it, however long: "Steppe Policy
# Forum Research Associate" (an organisation's name alone ends in no post).
_POST_LAST = re.compile(rf"^(?:[A-Z][\w&'’.-]*\s+){{1,6}}(?i:{_POSTS})$")
# Where an organisation follows the names of a byline: "By Eugene Kogan for Center for …".
_ORG_TAIL = re.compile(r"\s+(?:for|from|at)\s+(?=[A-Z])")
_ORG_WORDS = (
    r"council|center|centre|institute|university|foundation|endowment|journal|group|academy|"
    r"programme|program|school|agency|ministry|media|news|press|times|post|"
    # the United Nations and its offices: "United Nations in Ukraine"
    r"nations|"
    # the same in the languages of Europe's institutes: "Institut français …", "Universität …"
    r"institut|instituto|universität|université|universidad|università"
)
# (The look ahead for the words' first letters comes before the words: a pattern that opens with
# an alternation of words is tried word by word at every character.)
ORG_WORDS = re.compile(rf"\b(?=[{first_letters(_ORG_WORDS)}])(?:{_ORG_WORDS})\b", re.I)
# A footnote mark on a name: a sign, or a digit glued to a word in lower case ("Shevel1") or to
# an initial's full stop ("Иванов А.В.1"). A star or a dagger may stand a space after the last
# name: "А. А. Широв *".
FOOTNOTE_MARK = re.compile(
    r"(?<=\w)[*¹²³†‡]+(?=\W|$)|(?<=[a-zа-яё])\d{1,2}(?=[\s,;]|$)|(?<=[A-ZА-ЯЁ]\.)\d{1,2}(?=[\s,;]|$)"
    r"|(?<=\w) [*†‡]+$"
)
# What a mark needs: a sign, or a figure right after a small letter or an initial (each pattern
# opens with the character it looks for, so a search skips to it).
FOOTNOTE_SIGN = re.compile(r"[*¹²³†‡]")
FIGURE_AFTER_LETTER = re.compile(r"[a-zа-яё]\d|[A-ZА-ЯЁ]\.\d")
# A sign standing apart between two names, with no comma: the footnote mark of the name before it
# is all that parts them ("Jane Roe * John Doe **").
MARK_BETWEEN_NAMES = re.compile(r"(?<=[^\W\d_]) [*†‡]+ (?=[A-ZА-ЯЁ])")


def without_footnote_marks(text: str) -> str:
    """Names without the footnote marks on them, a sign that alone parts two names read as a comma."""
    return FOOTNOTE_MARK.sub("", MARK_BETWEEN_NAMES.sub(", ", text))


# A figure after the last name, apart from it: a footnote's number.
LAST_FIGURE = re.compile(r"(?<=[a-zа-яё])\s+\d$")
# The kind of piece and "by": "Article by A and B", "Commentary by A", "Opinion, by A".
PIECE_BY = (
    r"(?:written|posted|submitted|article|commentary|analysis|essay|column|story|text|words|opinion),?\s+by"
)
# "By", or the kind of piece and "by".
MARKED_BYLINE = re.compile(
    rf"^(?:{PIECE_BY}|by|автор[ыа]?|текст)"
    r"\s*:?\s+",
    re.I,
)


# A label in capitals a dump ran into the name after it, the line break between them lost: "VOL
# TWOJane Roe" (no name opens with two capitals and then a capital and a small letter).
GLUED_CAPITALS = re.compile(r"^(?:[A-ZА-ЯЁ\d]+\s+)*[A-ZА-ЯЁ]{2,}(?=[A-ZА-ЯЁ][a-zа-яё])")
PARENTHESES = re.compile(r"\s*\([^()]*\)")
# A Russian degree printed before the name: "Доктор филологических наук, Рудяков П.М.".
DEGREE_BEFORE = re.compile(r"^(?:доктор|кандидат)\s+[а-яё]+\s+наук,?\s+", re.I)
DATE_JOINER = re.compile(r"\s+(?:on|at|в)$")
# A blog named after its author: "Shakhboz Juraev's Blog".
_OWNED = re.compile(r"^(?P<name>[^'’]{5,60})['’]s\s+(?:blog|column|corner|notebook)$", re.I)


def blog_owner(text: str) -> str | None:
    """The author a blog's name names: "Shakhboz Juraev's Blog" -> "Shakhboz Juraev"."""
    m = _OWNED.match(text) if "s " in text else None
    if m and looks_like_names(m["name"]) and len(split_authors(m["name"])) == 1:
        return m["name"]
    return None


# The buttons of a share line, which read like capitalized names.
SHARE_BUTTONS = re.compile(
    r"\b(?:Facebook|Twitter|LinkedIn|Linkedin|Email|E-mail|WhatsApp|Whatsapp|Telegram|Reddit|Pinterest|"
    r"VKontakte|Flipboard)\b"
)


# An e-mail address in parentheses after a name: "Jane Roe (j.roe@steppe.org), columnist".
EMAIL_AFTER_NAME = re.compile(r"\s*\([^()\s@]+@[^()\s@]+\.[^()\s@]+\)")


# The armed service after an officer's name: "Col. Jane Roe, U.S. Army", "Cdr. John Doe, Royal
# Navy (Ret.)"; the rank before the name is dropped as a title is.
ARMED_SERVICE = re.compile(
    r",\s*(?:U\.\s?S\.|US|Royal|British|Canadian|Australian)?\s*"
    r"(?:Army|Navy|Air Force|Marine Corps|Coast Guard|Space Force)"
    r"(?:,?\s*(?:Retired|\(?Ret\.?\)?))?(?=\s*(?:,|\band\b|&|$))"
)
SERVICE_WORDS = ("Army", "Navy", "Force", "Corps", "Guard")


def byline_names(text: str) -> list[str] | None:
    """See _byline_names; a list of its own, which the caller may extend."""
    names = _byline_names(text)
    return list(names) if names else None


@lru_cache(maxsize=8192)
def _byline_names(text: str) -> tuple[str, ...] | None:
    """The names of a byline line ("By A and B", "A, with B", "Author: A"), else None.

    A date before or after the names ("by A 15/05/2024"), a list cut short ("A, B ..."), and,
    where "By" or a label marks the line, an organisation after the names ("By A for <Centre>")
    or among them are not names.
    """
    if not any(map(str.islower, text)):
        return None  # every name looks_like_names takes has a small letter: a cover's capitals have none
    label = read_label(text)
    marked = bool(label and label.field == "authors") or bool(MARKED_BYLINE.match(text))
    if label and label.field == "authors":
        text = label.value
    elif label:
        return None
    text = without_opening(MARKED_BYLINE, text)
    if text[1:2].isupper():
        text = without_opening(GLUED_CAPITALS, text)
    if text[:1] in "ДдКк":
        text = DEGREE_BEFORE.sub("", text)
    if "@" in text:
        text = EMAIL_AFTER_NAME.sub("", text)  # how to reach the author, not part of the name
    if any(word in text for word in SERVICE_WORDS):
        text = ARMED_SERVICE.sub("", text)  # where an officer serves, as an affiliation: no name
    # Most lines have no mark, and the patterns, which open by looking behind, would be tried at
    # every character: they run only where what they need is found (a figure last, for the
    # last figure).
    # (A figure is looked for first: most lines have none, and FIGURE_AFTER_LETTER, which opens
    # with a small letter, is tried at most of their characters.)
    if FOOTNOTE_SIGN.search(text) or DIGIT.search(text) and FIGURE_AFTER_LETTER.search(text):
        # A footnote mark glued to the last name ends the names: "Oxana Shevel1 Tufts University".
        m = FOOTNOTE_MARK.search(text)
        if m and ORG_WORDS.search(text, m.end()):
            text = text[: m.start()]
        text = without_footnote_marks(text)
    if DIGIT.search(text, len(text) - 2):
        text = LAST_FIGURE.sub("", text)  # "… and Benjamin Forest 1"
    undated = without_date(text)
    # A dateline's names are marked by its date: "Posted Aug 06, 2019 | <publisher>, <author>".
    by_marked, marked = marked, marked or undated != text
    # "… on March 3, 2021"; the pattern opens with spaces and is tried at every character.
    if undated.rstrip("\n").endswith(("on", "at", "в")):
        undated = DATE_JOINER.sub("", undated)
    elif undated.endswith((" on .", " at .")):
        undated = undated[:-5]  # a template's date slot left empty: "By A on ."
    text = undated.rstrip(" …")
    if by_marked and text.endswith(")"):
        # A note in parentheses after the names: "By A & B (A is a fellow at …)".
        text = PARENTHESES.sub(lambda m: _note_gap(text, m), text)
    elif text.endswith(")") and (bare := noted_list(text)):
        # Every name of a list with a note of its own after it: the notes say who each is, however
        # worded ("A (Founder, Steppe Foundation), B (Analyst), C (OONI)").
        text = bare
    elif text.endswith(")"):
        # Unmarked, only an institution in parentheses after a name is its affiliation: "Jane Roe
        # (Steppe University, Academy of Sciences)".
        text = PARENTHESES.sub(lambda m: "" if ORG_WORDS.search(m[0]) else m[0], text)
    names = _names_of(text.rstrip(" .…"), marked, by_marked)
    if names and SHARE_BUTTONS.search(text):
        return None  # a share line: "Facebook Twitter LinkedIn Email"
    # An initial's full stop ends the last name: "Иванов О.Б.".
    if names and text.endswith(".") and _ENDS_INITIAL.search(names[-1]):
        names = (*names[:-1], names[-1] + ".")
    return names


def noted_list(text: str) -> str | None:
    """`text` without its notes in parentheses, where it is a list of two names or more, each with
    a note after it, else None."""
    notes = PARENTHESES.findall(text)
    bare = PARENTHESES.sub("", text) if len(notes) >= 2 else ""
    return bare if bare and len(split_authors(bare)) == len(notes) else None


def _note_gap(text: str, note: re.Match) -> str:
    """What a note in parentheses after a name leaves: a comma where another name follows it with
    no joining word between, as the notes part the names ("Author: A (PhD candidate) B (PhD)").
    A nickname inside a name stays ("Nicole (Cole) Anselmo"); one word last is a note ("A (PhD)")."""
    after = text[note.end() :].lstrip()
    if after and NICKNAME.match(note[0].strip()):
        return note[0]
    return ", " if after[:1].isupper() and not after.startswith(("And ", "И ")) else ""


def _names_of(text: str, marked: bool, by_marked: bool) -> tuple[str, ...] | None:
    if by_marked:
        text = without_role_after_dash(text)
    if marked:
        # "By A for <Centre>"; where only a date marks the line, what follows "for" must be an
        # organisation: "<Title> for Georgia: … | January 29, 2018" is no byline.
        parts = _ORG_TAIL.split(text, maxsplit=1)
        if len(parts) == 2 and (by_marked or ORG_WORDS.search(parts[1])):
            text = parts[0]
        if by_marked:
            if " with " in text:
                text = text.replace(" with ", " and ")  # "By A with B": two authors
            # The outlet after the last comma, its name holding a figure as a person's has none:
            # "By A, Forum 18", "By A, Radio 101".
            named, comma, outlet = text.rpartition(", ")
            if comma and DIGIT.search(outlet) and outlet[:1].isupper() and looks_like_names(named):
                text = named
            # The outlet run on after the names, as a page's text puts it: "By A The Week".
            cut = text.rfind(" The ")
            if cut > 0 and is_outlet_name(text[cut + 1 :]) and looks_like_names(text[:cut]):
                text = text[:cut]
            # The unit the author works in run on after the name: "By Jane Roe Department of
            # Military History" (a staff paper's byline, the line break between them lost).
            unit = UNIT_AFTER_NAME.search(text) if " of " in text else None
            name = text[: unit.start()] if unit else ""
            if unit and is_unit_name(text[unit.start() + 1 :]) and len(split_authors(name)) == 1:
                text = name
        parts = split_authors(text)
        names = [n for n in parts if not ORG_WORDS.search(n)]
        if names and all(looks_like_names(n) for n in names):
            return tuple(names)
        # "By A, Deputy Director of … and B, Research fellow at …": each name with its holder's
        # posts after it.
        people = [part for part in parts if looks_like_names(part)] if len(names) > 2 else []
        if len(people) >= 2 and parts[0] == people[0] and all(p in people or is_role(p) for p in parts):
            return tuple(people)
    if looks_like_names(text):
        return tuple(split_authors(text))
    # A name and what the person does, or the outlet they write for ("TUT.BY", "BBC"); not a
    # journal's name and the volume of a citation ("<Journal>, vol. 49(2) (2020), pp. 11–40").
    name, _, role = text.partition(", ")
    # The name first: most lines are no byline, and their opening words, when they are the first
    # words of a sentence, are turned away at once (what follows may be a paragraph to search).
    if (
        looks_like_names(name)
        and (
            role[:1].islower()
            and not CITED_PART.match(role)
            or is_role(role)
            or ORG_WORDS.search(role)
            or is_outlet(role)
        )
        and len(split_authors(name)) == 1
    ):
        return (name,)
    return None


# Where the name of a unit of an institution starts after a name: " Department of Military …".
UNIT_AFTER_NAME = re.compile(
    r" (?=(?:Department|Office|Division|Bureau|Directorate|Faculty|School|College|Institute|Center|Centre) "
    r"of (?:the )?[A-Z])"
)


def is_unit_name(text: str) -> bool:
    """A unit's name and nothing else: a few words, each capitalized but the small joining ones."""
    words = text.split()
    return len(words) <= 8 and all(w[:1].isupper() or w in _LABEL_JOINERS for w in words)


CITED_PART = re.compile(r"(?:vol|no|nos|pp?|issue|iss|т|вып)\.?\s*\d", re.I)


def is_outlet_name(text: str) -> bool:
    """A few words, each capitalized: the name of an outlet ("The Moscow Times")."""
    words = text.split()
    return 1 < len(words) <= 4 and all(w[:1].isupper() for w in words)


def is_outlet(text: str) -> bool:
    """One word that names an outlet: a domain ("TUT.BY", "bbc.com") or an acronym ("BBC")."""
    return " " not in text and len(text) > 1 and (text.isupper() or "." in text[1:-1])


# An authors heading inside a PDF's flattened text, where no line of its own holds it: after a
# sentence ("… responses. AUTHORS: A, B CONTRIBUTORS: …") or ending a paragraph, the names on the
# next line ("… the USA. Author" then "A. Author, Senior Fellow, …").
_HEADED = re.compile(r"(?:S|s|Ы|ы)?(?::[ \t]*|[ \t]*\n\s*)(?P<names>[^\n]{5,200})")
_HEADINGS = ("AUTHOR", "Author", "АВТОР", "Автор")
# The next heading in capitals, where the names end: "CONTRIBUTORS:".
_CAPITALS_LABEL = re.compile(r"\s+[A-ZА-ЯЁ][A-ZА-ЯЁ ]{3,}:")


def _occurrences(text: str, words: tuple[str, ...]):
    """Where each of `words` occurs in `text` (str.find: far cheaper than a regex's scan)."""
    for word in words:
        at = text.find(word)
        while at != -1:
            yield at, at + len(word)
            at = text.find(word, at + 1)


def headed_names(text: str) -> list[str] | None:
    """The names under an authors heading in the run of a PDF's text, else None: after the
    heading itself, or as the subjects of an "About the author" section's bios."""
    if "uthor" not in text and "UTHOR" not in text and "втор" not in text and "ВТОР" not in text:
        return None  # most pages, cheaply
    return _under_heading(text) or _after_dashed_label(text) or about_author_names(text)


# A label that names the author, a few words qualifying it and a dash, with the names ending the
# line: "…, автор научной работы — <names>", "authors of the study – <names>".
_DASHED_LABELS = ("author", "Author", "автор", "Автор")
_DASHED = re.compile(r"(?:s|ы|а)?(?:[ \t]+[^\W\d_]+){0,3}[ \t]+[–—][ \t]+(?P<names>[^\n]{5,120})$", re.M)


def _after_dashed_label(text: str) -> list[str] | None:
    if "—" not in text and "–" not in text:
        return None
    for start, end in _occurrences(text, _DASHED_LABELS):
        if start and text[start - 1].isalpha():
            continue  # the end of a longer word ("coauthor")
        m = _DASHED.match(text, end)
        names = byline_names(m["names"]) if m else None
        if names:
            return names
    return None


def _under_heading(text: str) -> list[str] | None:
    for start, end in _occurrences(text, _HEADINGS):
        # The heading opens a line or follows a sentence.
        if start and text[start - 1] != "\n" and text[start - 2 : start] not in (". ", "! ", "? "):
            continue
        m = _HEADED.match(text, end)
        names = byline_names(_CAPITALS_LABEL.split(m["names"], maxsplit=1)[0]) if m else None
        if names:
            return names
    return None


# An "About the author" heading run into the text, and a bio sentence's subject after it: "ABOUT
# THE AUTHOR Rear Admiral (ret.) Jo Roe Project Advisor Rear Adm. Jo Roe served as …".
_ABOUT_AUTHORS = ("ABOUT THE AUTHOR", "About the Author", "About the author", "ОБ АВТОР", "Об автор")
# What a bio says its subject does: "<Name> is …", "<Name> served …".
BIO_VERB = (
    r"(?:is|was|served|has|holds|joined|works|leads|heads|teaches|является|был|была|работает|руководит)\b"
)
_BIO_SUBJECT = re.compile(
    r"(?<![\w.])(?P<name>[A-ZА-ЯЁ][\w'’-]+(?: [A-ZА-ЯЁ]\.)?(?: [A-ZА-ЯЁ][\w'’-]+){1,2}) " + BIO_VERB
)


ABOVE_ABOUT = 100  # characters over an "About the author" heading where a name may stand


def about_author_names(text: str) -> list[str] | None:
    """The authors an "About the author" section names, where each is printed over their bio and
    is its subject: the name comes before the bio sentence that opens with it."""
    for start, end in _occurrences(text, _ABOUT_AUTHORS):
        zone = text[end : end + 1500]
        # A cover may print the name over the heading: "<Title>", "A. Author", "About the Author".
        over = text[max(0, start - ABOVE_ABOUT) : start]
        names: list[str] = []
        for bio in _BIO_SUBJECT.finditer(zone):
            name = bio["name"]
            printed = name in zone[: bio.start()] or name in over
            if printed and looks_like_names(name) and name not in names:
                names.append(name)
        if names:
            return names
    return None


def is_role(text: str) -> bool:
    """Whether `text` says what a person does: "Senior analyst, Research Group of …"."""
    return bool(_ROLE.match(text) or _POST_LAST.match(text))


SPACED_DASH = re.compile(r"\s+[–—-]\s+")


def without_role_after_dash(text: str) -> str:
    """`text` without the post a dash sets after the names: "Jane Roe — Correspondent for Georgia"."""
    m = SPACED_DASH.search(text) if "– " in text or "— " in text or "- " in text else None
    return text[: m.start()] if m and is_role(text[m.end() :]) else text


# A lead that opens with its authors: "Всеволод Бедерсон и Андрей Семенов о том, как …".
_LEAD_NAMES = re.compile(
    r"^(?P<names>[^.,:;«»\"]{5,90}?)\s+о\s+том,\s+(?:как|почему|что|зачем|чем|где|кто)\b"
)


def lead_names(text: str) -> list[str] | None:
    """The authors a Russian lead opens with, "<names> о том, как …", else None."""
    m = _LEAD_NAMES.match(text)
    return split_authors(m["names"]) if m and looks_like_names(m["names"]) else None


# A lead whose first sentence credits the piece: "Steppe Institute report by A, B, and C." (the
# publisher's name, the kind of piece, "by" and the names, a full stop after them), or a colon
# before the text itself ("Guest analysis by A: <text>", as a news agency credits a guest).
_CREDIT_LEAD = re.compile(
    r"^(?:[A-Z][\w'’&-]*\s+){0,6}(?:report|paper|brief|study|analysis|commentary|article|essay)\s+by\s+"
    r"(?P<names>[^.:]{5,150}?)[.:](?:\s|$)"
)


def credit_lead(text: str) -> list[str] | None:
    """The names a lead's crediting first sentence gives, "<Publisher> report by A and B.", else None."""
    m = _CREDIT_LEAD.match(text) if " by " in text[:120] else None
    return byline_names(m["names"]) if m else None


# A lead that ends by naming its writer: "<What the piece argues>, writes Jane Roe." (the name
# last, the paragraph's one sentence about the piece; a standfirst may have no full stop: "…,
# argues Jane Roe").
_WRITES_LEAD = re.compile(r",\s+(?:writes|argues|пишет)\s+(?P<name>[^,.]{5,60})\.?$")
WRITES_LEAD_TAIL = 80  # characters from the lead's end the pattern looks at


def writes_lead(text: str) -> list[str] | None:
    """The one writer a lead "…, writes Jane Roe." names, else None."""
    if not (" writes " in text or " argues " in text or " пишет " in text):
        return None  # most paragraphs, cheaply
    m = _WRITES_LEAD.search(text, max(0, len(text) - WRITES_LEAD_TAIL))
    names = byline_names(m["name"]) if m else None
    return names if names and len(names) == 1 else None


# A column's lead that names its author before a dash, what the person does before the name:
# "Политолог Иван Петров – о выборах в Казахстане".
_DASH_LEAD = re.compile(
    r"^(?P<post>.{0,150}?)\s*(?P<name>[А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё-]+)\s+[–—-]\s+о(?:бо?)?\s"
)


def dash_lead(text: str) -> tuple[str, str] | None:
    """What the person does and their name, from a lead "<post> <name> – о(б) …", else None."""
    if "– о" not in text and "— о" not in text and "- о" not in text:
        return None  # most paragraphs: no dash before "о" in them, and the pattern looks far
    m = _DASH_LEAD.match(text)
    return (m["post"], m["name"]) if m and looks_like_names(m["name"]) else None


# A bio that opens the text with its author's name and a dash before what the person does:
# "Jane Roe – Senior Resident Fellow at …" (a yearbook's chapter prints it under the title).
_ROLE_LEAD = re.compile(r"(?P<name>[^\W\d_][^–—,.:;()]{3,60}?)\s+[–—-]\s+")


def role_lead(text: str) -> list[str] | None:
    """The one author a paragraph "<name> – <role> …" opens with, else None."""
    m = _ROLE_LEAD.match(text) if "–" in text[:80] or "—" in text[:80] or " - " in text[:80] else None
    names = byline_names(m["name"]) if m and is_role(text[m.end() :]) else None
    return names if names and len(names) == 1 else None


def without_date(text: str) -> str:
    """`text` without a date that opens or ends it, and the mark between them ("A. Author / August
    31, 2006")."""
    # A date's year puts two figures side by side: the words at either end are tried only as many
    # as reach the first word that has them, and the last.
    if not TWO_FIGURES.search(text):
        return text  # most lines, cheaply
    words = text.split()
    opening = first_with_year(words) + 1
    ending = len(words) - last_with_year(words)
    for n in range(min(DATE_WORDS, len(words) - 1), 0, -1):
        if n >= ending and parse_date(" ".join(words[-n:])):
            return " ".join(words[:-n]).rstrip(" ,|·•–—/-")
        if n >= opening and parse_date(" ".join(words[:n])):
            return " ".join(words[n:]).lstrip(" ,|·•–—/-")
    return text


@lru_cache(maxsize=8192)  # each reader of a page cleans the lines it asks about: most twice or more
def clean_space(text: str) -> str:
    # Most lines are clean already: every Unicode space but " " is a character str.isprintable
    # turns down, so a printable line without two spaces together or one at either end is kept
    # as it is, without splitting it into words and joining them again.
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    if "\n" in text:
        # Lines joined (a page's head): where their only spaces are " " and the newlines, runs of
        # spaces are replaced in one search, without a string for every word.
        spaced = text.replace("\n", " ")
        if spaced.isprintable():
            return SPACES.sub(" ", spaced).strip(" ")
    # str.split() parts at every Unicode space, the no-break space among them.
    return " ".join(text.split())


SPACES = re.compile("  +")


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_NOT_LETTERS = re.compile(r"[\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")


# In UTF-8 a letter of the Cyrillic block (U+0400 to U+04FF), and nothing else, starts with one
# of these bytes.
_CYRILLIC_LEADS = (b"\xd0", b"\xd1", b"\xd2", b"\xd3")


def has_cyrillic(text: str) -> bool:
    """Whether _CYRILLIC is found in `text`: the bytes that start its letters are searched for in
    the encoded text, far faster than the pattern searches for its class of characters."""
    encoded = text.encode("utf-8", "surrogatepass")
    return any(map(encoded.__contains__, _CYRILLIC_LEADS))


def cyrillic_count(text: str) -> int:
    """How many characters of `text` _CYRILLIC finds: the bytes that start them in the encoded
    text, counted by bytes.count (a lead byte is never a continuation byte), without a list of
    the runs of letters the pattern would find."""
    encoded = text.encode("utf-8", "surrogatepass")
    return sum(map(encoded.count, _CYRILLIC_LEADS))


def language_of(text: str) -> str:
    """ISO 639-1 code from the script of the text: Cyrillic is Russian, else English."""
    sample = text[:5000]
    # Most pages: ASCII (a flag str keeps) or no Cyrillic letter, no list of every letter.
    if sample.isascii():
        return "en"
    cyrillic = cyrillic_count(sample)
    if not cyrillic:
        return "en"
    if cyrillic > 0.3 * len(sample):
        # Over the share of all the characters, then over the share of the letters, fewer: the
        # letters are not counted (a text of Cyrillic has some).
        return "ru" if _LETTER.search(sample) else "en"
    letters = len(_NOT_LETTERS.sub("", sample))
    return "ru" if letters and cyrillic / letters > 0.3 else "en"


def normalize_language(code: str | None) -> str | None:
    """ "en-US", "en_GB", "ru-RU" -> "en", "ru"."""
    if not code:
        return None
    code = code.strip().lower().replace("_", "-").split("-")[0]
    return code if re.fullmatch(r"[a-z]{2}", code) else None


# Labels pages put before a value. Each maps to the ParsedMemo field it fills.
class PhraseLine:
    """A line that is one of `phrases` and nothing else, a colon after it or not, in any case."""

    def __init__(self, *phrases: str):
        self.pattern = re.compile(r"^\s*(?:" + "|".join(map(re.escape, phrases)) + r")\s*:?\s*$", re.I)
        self.longest = max(map(len, phrases))

    def matches(self, line: str) -> bool:
        # A line two characters or more longer than the longest phrase, with no space at either
        # end (nor before a colon at its end), is longer than any line the pattern takes: most
        # lines, told without it. The pattern, anchored, turns the others down at their first
        # letters.
        if len(line) > self.longest + 1 and not (
            line[0].isspace() or line[-1].isspace() or line[-2].isspace()
        ):
            return False
        return bool(self.pattern.match(line))


# Labels that head a list and may stand without a colon.
LIST_HEADINGS = (
    "related topics",
    "related categories",
    "topics",
    "tags",
    "темы",
    "теги",
    "тэги",
    "похожие темы",
)
LABELS = {
    "memo_number": ["memo #", "memo no.", "memo no", "memo number", "policy memo", "policy memo #",
                    "policy memo no.", "memo", "записка №", "записка"],
    "series": ["series", "серия"],
    "pdf": ["pdf", "download pdf", "pdf link", "pdf file"],
    "published": ["publication date", "published", "date", "date published",
                  "дата публикации", "дата", "опубликовано"],
    "authors": ["author", "authors", "author(s)", "by", "words", "автор", "авторы", "автор(ы)"],
    "topics": [*LIST_HEADINGS, "keywords", "key words", "ключевые слова"],
    "category": ["category", "type", "publication type", "type of publication", "категория", "рубрика", "тип",
                 "тип публикации"],
}  # fmt: skip
_LABEL_FOR = {label: name for name, labels in LABELS.items() for label in labels}
_LABEL_LINE = re.compile(
    r"^\s*(?P<label>"
    + "|".join(re.escape(k) for k in sorted(_LABEL_FOR, key=len, reverse=True))
    + r")\s*:\s*(?P<value>.*?)\s*$",
    re.I,
)
# An authors label that says who they are before its colon: "Authors – <Centre> researchers: A, B".
_DESCRIBED_AUTHORS = re.compile(
    r"^\s*(?:authors?|авторы?)\s+[–—-]\s+[^:]{1,60}:\s*(?P<value>\S.*?)\s*$", re.I
)
_HEADER_ONLY = PhraseLine(*LIST_HEADINGS)
# The keywords' label, its two words run together or not, as a pattern (case aside).
KEYWORDS_LABEL = r"(?:key ?words|ключевые слова)"
_DASHED_KEYWORDS = re.compile(rf"^\s*{KEYWORDS_LABEL}\s+[–—-]\s+(?P<value>\S.*?)\s*$", re.I)
# A type label alone on its line, its value on the next: a definition list ("Type" then
# "Research Article") as a page's text gives it.
# A catalogue names the field "Publication type", "Тип публикации".
_KIND_ABOVE_VALUE = re.compile(
    r"^\s*(?:(?:Publication\s+)?Type|Type\s+of\s+publication|Category|Тип(?:\s+публикации)?|Категория|Рубрика)\s*$"
)


@dataclass(frozen=True)
class Label:
    field: str
    value: str  # "" when the label stands alone on its line


# "PONARS Eurasia Policy Memo No. 655" standing alone on its line, sometimes with the month.
# A magazine's line naming the issue a piece came out in: "Этот материал вышел в номере: «Горби»
# №15", "Материал из номера: «…» № 7". The magazine's name is in quotes, the number last.
_MAGAZINE_ISSUE = re.compile(r"(?:из номера|в номере)\s*:\s*«[^«»]{2,40}»\s*№\s*(?P<n>\d{1,4})$", re.I)
_MEMO_NUMBER_LINE = re.compile(
    r"^\s*(?:PONARS(?:\s+Eurasia)?\s+)?Policy\s+Memo\s*(?:No\.?|#|№|Number)?\s*(?P<n>\d{1,5})"
    r"(?:\s*[,|–—-]?\s*[A-Z][a-z]+\.?\s+\d{4})?(?:\s+[·•|–—-]\s+.{0,80})?\s*$",
    re.I,
)


@lru_cache(maxsize=8192)  # chunking asks about the same lines many times
def read_label(line: str) -> Label | None:
    """The field a line labels and its value; "numbered" holds a whole "Policy Brief No. 47" line."""
    m = _MEMO_NUMBER_LINE.match(line)
    if m:
        return Label("memo_number", m["n"])
    if read_numbered(line):
        return Label("numbered", clean_space(line))
    # A label and its value have a colon between them: the pattern, which tries each label in
    # turn, runs only on a line with one.
    if ":" in line:
        m = _LABEL_LINE.match(line)
        if m:
            return Label(_LABEL_FOR[m["label"].lower()], clean_space(m["value"]))
        m = _DESCRIBED_AUTHORS.match(line)
        if m:
            return Label("authors", clean_space(m["value"]))
    # A dash may stand for the keywords label's colon: "Keywords – a; b; c".
    if line[:1] in "KkКк" or line[:1].isspace():
        m = _DASHED_KEYWORDS.match(line)
        if m:
            return Label("topics", clean_space(m["value"]))
    if _HEADER_ONLY.matches(line):
        return Label("topics", "")
    if _KIND_ABOVE_VALUE.match(line):
        return Label("category", "")
    return None


# A box of a publication's facts run into one line, each label a capitalized word before its value
# and no colon: "Author A, B, and C Series 21-33 Language Korean Date 2021.12.27". The labels of
# other facts ("Language") end the values before them.
RUN_ON_LABELS = ("Author", "Series", "Language", "Date", "Published", "Publisher", "Type", "Category")
RUN_ON_FACT = re.compile(rf"(?:^|(?<=\s))({'|'.join(RUN_ON_LABELS)})s?\s+(?=\S)")
RUN_ON_FACTS_MIN = 3  # labels: fewer could be a title's or a sentence's words


def run_on_facts(text: str) -> dict[str, str]:
    """The values of such a line by the fields their labels name (LABELS), where it opens with a
    label and holds RUN_ON_FACTS_MIN of them; else none."""
    # Most lines open with no label: the pattern is not tried through them.
    marks = list(RUN_ON_FACT.finditer(text)) if text.startswith(RUN_ON_LABELS) else []
    if len(marks) < RUN_ON_FACTS_MIN or marks[0].start() != 0:
        return {}
    facts: dict[str, str] = {}
    for m, end in zip(marks, [m.start() for m in marks[1:]] + [len(text)], strict=True):
        field = _LABEL_FOR.get(m[0].strip().lower())
        if field:
            facts.setdefault(field, text[m.end() : end].strip())
    return facts


def valid_value(field_name: str, value: str) -> bool:
    """Whether `value` can be the value of a label: used when the value sits on the next line."""
    if not value or read_label(value):
        return False
    if field_name == "memo_number":
        return bool(re.fullmatch(r"(?:no\.?\s*|№\s*|#\s*)?\d{1,5}", value, re.I))
    if field_name == "series":
        return len(value) <= 20 and not parse_date(value)
    if field_name == "pdf":
        return bool(re.search(r"\.pdf\b", value, re.I))
    if field_name == "published":
        return parse_date(value) is not None
    if field_name == "authors":
        # The names, or a name and what the person does: "Jane Roe, Senior Fellow, <Centre>".
        return looks_like_names(value) or bool(byline_names(value))
    if field_name == "category":
        # A name, not a sentence.
        return len(value) <= 60 and len(value.split()) <= 6 and not value.endswith((".", "!", "?"))
    return True


def memo_number_of(value: str) -> int | None:
    m = re.search(r"\d{1,3}(?:,\d{3})+(?!\d)|\d{1,6}", value)
    return int(m.group().replace(",", "")) if m else None


@dataclass
class Numbered:
    """What a "Policy Brief No. 47" or "<Series> Volume 17, Issue 32" line says."""

    number: int
    category: str | None = None  # "Policy Brief", "Kennan Cable", "Eurasia Daily Monitor"
    series: str | None = None  # "Eurasia Daily Monitor Volume 17"
    published: date | None = None  # "Asia Report N°176 – 3 September 2009"


# Words that name a kind of publication, last in a label: "Policy Brief", "Perspectives Paper".
_KINDS = (
    r"memos?|briefs?|briefing|reports?|papers?|cables?|commentary|commentaries|comments?|analysis|"
    r"analyses|notes?|perspectives?|insights?|updates?|study|studies|focus|monitor|bulletin|digest|"
    r"alerts?|essays?|spotlights?|explainers?|primers?|outlooks?|viewpoints?|backgrounders?|editorials?|"
    r"memorand(?:um|a)|reviews?|записк[аи]|доклад|обзор|комментарий|бюллетень|"
    # a release numbered as it is sent out: "Пресс-релиз № 12", "Пост-релиз #14"
    r"press releases?|(?:пресс|пост)-релиз"
)
_NUMBER_SIGN = r"(?:No\.?|Nr\.?|Number|Номер|N\s?°|N\s?º|№|#)"
_NUMBER = r"(?P<n>\d{1,3}(?:,\d{3})+(?!\d)|\d{1,6})"
# A French or Spanish label names its publisher after the kind: "Note de la FRS n°15/2016",
# "Notes du CERI n°5"; the name is capitalized, as the kind’s words are.
_PUBLISHER_AFTER = r"\s+(?:de\s+la|de\s+l[’']|du|des|del|de)\s*(?-i:[A-ZÀ-Ý][\w’'&.\-]*)"
# "Policy Brief No. 47", "Report № 87 / 2023", and without a sign, the number of a year's
# series: "ZOiS Spotlight 10/2024", or the year first, with the series' letters: "2016/RP 10".
_NUMBERED_LINE = re.compile(
    # A colon or comma may stand before the sign: "Reform Monitor: No. 12", "Paper Series, no. 3".
    rf"^\s*(?P<kind>(?:[\w’'&.\-]+\s+){{0,5}}?(?:{_KINDS})(?:\s+series|{_PUBLISHER_AFTER})?)\s*(?:[:,]\s*(?=[#№NnI]))?"
    # The month of the issue may come first: "Policy Memo March 2022 / Issue #54".
    r"(?:[,|·–—-]?\s*(?P<month>[^\W\d_]{3,9})\.?,?\s+(?:19|20)\d\d\s*[,/|·–—-]?\s*)?(?:Issue\s*(?=[#№]))?"
    rf"(?:{_NUMBER_SIGN}\s*{_NUMBER}(?:\s*/\s*\d{{2,4}})?|(?P<bare>\d{{1,4}})\s*/\s*(?:19|20)\d\d(?!\d)"
    r"|(?:19|20)\d\d\s*/\s*[A-Z]{1,3}\s?(?P<lettered>\d{1,4})\b"
    # The year first, then the number: "ISEAS Perspective 2022/24", "<Institute> Report 2023:4".
    r"|(?P<year_of>(?:19|20)\d\d)[/:](?P<yeared>\d{1,3})(?!\d))"
    r"(?P<rest>\W.{0,120})?$",
    re.I,
)
_SIGN = r"(?:\b[Nn][Oo]\.?|\bNr\.?|Number|Номер|N\s?[°º]|№|#|Issue|Vol(?:ume)?\.?|Вып\.?)"
_SIGN_HINT = re.compile(_SIGN + r"\s*:?\s*\d", re.I)
# A sign that ends where the text ends (or where a search's end is set).
_SIGN_AT_END = re.compile(_SIGN + r"\Z", re.I)
_LONGEST_SIGN = len("Volume.")
_SIGN_LAST = frozenset("oOrReElL.°º№#пПрР")  # the characters a sign of _SIGN may end with
_FIGURES = re.compile(r"\d+")
# (Each branch opens with its characters, "\b" looked behind for after the year's first figures as
# in _YEAR: a search skips to them.)
_YEAR_HINT = re.compile(r"/\s*(?:19|20)\d\d\b|(?:19|20)(?<!\w..)\d\d\s*/\s*(?:[A-Z]{1,3}\s?)?\d", re.I)


# A Nordic series' year and number: "Report 2023:4".
_YEAR_COLON_NUMBER = re.compile(r"(?:19|20)(?<!\w..)\d\d:\d{1,3}(?!\d)")


# A Chinese journal's year and issue: "2018年6期", "2018年第6期" (the sixth issue of 2018).
_YEAR_ISSUE_ZH = re.compile(r"(?:19|20)\d\d\s?年\s?第?\s?(?P<n>\d{1,3})\s?期")


# Letters or signs every number sign has, looked for before the pattern is.
_SIGN_PARTS = ("no", "nr", "number", "номер", "°", "º", "№", "#", "issue", "vol", "вып")


# "Report | Doc. 15305 | 04 June 2021": an assembly's document number after its type and a bar,
# the date after another bar ("Doc." elsewhere cites other documents: "UN Doc. S/2019/112").
_KIND_DOC_NUMBER = re.compile(
    rf"^(?P<kind>(?:[\w’'&.\-]+\s+){{0,3}}?(?:{_KINDS}))\s*\|\s*Doc\.\s*(?P<n>\d{{1,6}})"
    r"\s*(?:\|(?P<rest>.{0,40}))?$",
    re.I,
)


def kind_doc_number(line: str) -> Numbered | None:
    m = _KIND_DOC_NUMBER.match(line)
    if not m or not _is_label_head(m["kind"]):
        return None
    rest = m["rest"] and m["rest"].strip()
    published = _date_in(rest)
    if rest and not published:
        return None
    return Numbered(int(m["n"]), category=m["kind"], published=published)


@lru_cache(maxsize=8192)  # a head's lines are asked about as labels, then again as lines of the head
def has_number_hint(text: str) -> bool:
    """A number sign and a number, or a number and a year: most lines have neither. Scanning
    for a figure, a slash or a sign's letters costs little; the patterns run only after."""
    if not DIGIT.search(text):
        return False
    if "/" in text and _YEAR_HINT.search(text):
        return True
    if "期" in text and _YEAR_ISSUE_ZH.search(text):
        return True
    if ":" in text and _YEAR_COLON_NUMBER.search(text):
        return True
    folded = text.casefold()
    return any(map(folded.__contains__, _SIGN_PARTS)) and _sign_before_figure(text)


def _sign_before_figure(text: str) -> bool:
    """Whether _SIGN_HINT is found in `text`. Tried at every character, the pattern is dear on a
    long line; a sign stands right before a figure's first digit, with spaces and a colon
    between at most, so it is looked for there only."""
    for figure in _FIGURES.finditer(text):
        end = figure.start()
        while end and text[end - 1].isspace():
            end -= 1
        if end and text[end - 1] == ":":
            end -= 1
            while end and text[end - 1].isspace():
                end -= 1
        # Most figures have no sign before them: the pattern runs only after a sign's last letter.
        if not end or text[end - 1] not in _SIGN_LAST:
            continue
        if _SIGN_AT_END.search(text, max(0, end - _LONGEST_SIGN), end):
            return True
    return False


# "No. 109", "№ 12": a number sign and a number, nothing else.
BARE_NUMBER = re.compile(rf"\s*{_NUMBER_SIGN}\s*{_NUMBER}\s*", re.I)
# "No. 293 3 March 2023 …": a number sign opening a line, with the date after it; a PDF's text
# may print the bar between them as a letter ("No. 69 l July 2021").
SIGN_FIRST = re.compile(rf"^\s*{_NUMBER_SIGN}\s*{_NUMBER}\b[\s,|·•–—-]*(?:[lI]\s+)?(?P<rest>.*)$", re.I)
# "Eurasia Daily Monitor Volume: 17 Issue: 32", "Policy Perspectives Vol. 9/2, February 2021"
_VOLUME_LINE = re.compile(
    # A journal's name may have a subtitle after a colon: "Survival : the IISS Quarterly".
    # A journal's citation puts the year between: "Steppe Studies, 2019, Vol. 4, No. 2, pp. 5-9",
    # or its ISSN: "Steppe Politics (ISSN: 1234-5678) Vol. 12, No. 1".
    r"^\s*(?:(?P<series>[\w’'&.\- ]{3,80}?(?: ?: [\w’'&.\- ]{3,60}?)?)(?:,?\s+(?P<year>(?:19|20)\d\d))?"
    r"(?:\s*\((?:[ep]-?)?ISSN\b[^()]{0,30}\))?"
    # Or, after the year, its site: "<Journal> 2017; www.<journal>.com Vol.6, No.1".
    r"(?:;\s*www\.[\w\-]+(?:\.[\w\-]+)+)?"
    # Russian journals print the volume as "Т." or "Том"; a weekly may print it in Roman figures.
    r"[\s,:|–—-]*)?\b(?P<word>Volume|Vol\.?|Том|[ТT]\.)\s*:?\s*(?P<volume>\d{1,4}|[IVXLC]{1,7}\b)"
    # Russian journals print the issue as "Вып." after the volume and a full stop: "Т. 35. Вып. 1".
    rf"(?:[\s.,;:|–—-]*(?P<sign>Issue|Вып\.|{_NUMBER_SIGN})\s*:?\s*|\s*/\s*){_NUMBER}\b(?P<rest>.{{0,120}})$",
    re.I,
)
_YEAR_THEN_NAME = re.compile(r"(?:19|20)\d\d\.\s+(?P<name>[^\W\d_][^.]{2,80})")
# A field's label that says the line is the issue: "Выпуск: Том 22, № 1 (2022): <the issue's theme>".
_ISSUE_LABEL = re.compile(r"^[-–—•*]?\s*(?:issue|выпуск)\s*:\s*", re.I)


CAPITALS_BEFORE_NAME_MIN = 3  # words


# A full stop after a word, not after an initial or an abbreviation ("U.S.", "St.").
CITATION_STOP = re.compile(r"(?<=[a-zа-яё]{2})\.\s+")


@lru_cache(maxsize=8192)  # the labels' reader and the head's rules ask about the same lines
def read_numbered(line: str, run_on: bool = False) -> Numbered | None:
    """A publication's kind and number, or its series, volume and issue, from a line of its own.

    "Policy Brief No. 47" -> category "Policy Brief", 47; "Asia Report N°176" -> "Asia Report",
    176; "Eurasia Daily Monitor Volume: 17 Issue: 32" -> series "Eurasia Daily Monitor Volume
    17", 32. A label inside a sentence is no label: the line is short, and what follows the
    number is at most a date or a title after a colon or dash.
    """
    if len(line) > 400:
        return None
    # "Report | Doc. 15305 | 04 June 2021"; a line that only cites a "Doc." is read as any other.
    doc = kind_doc_number(clean_space(line)) if "Doc." in line and "|" in line else None
    if doc:
        return doc
    if not has_number_hint(line):
        # The common case, cheaply: most lines have no number sign at all.
        if "Papers," in line:
            return series_and_number(line)
        return initials_issue(line) if line[:2].isupper() else None
    line = clean_space(line)
    if len(line) > 200:
        return None
    # "<Journal> 2018年6期": the issue's number; the journal is named as a citation names it.
    m = _YEAR_ISSUE_ZH.search(line) if "期" in line else None
    if m:
        return Numbered(int(m["n"]))
    # "PONARS Eurasia Policy Memo No. 587": a memo-number line gives the number; the category is
    # the site's section ("Policy Memos"), printed elsewhere if at all.
    m = _MEMO_NUMBER_LINE.match(line)
    if m:
        return Numbered(int(m["n"]))
    m = _MAGAZINE_ISSUE.search(line) if "номер" in line else None
    if m:
        return Numbered(int(m["n"]))
    # "Publication: Eurasia Daily Monitor Volume: 17 Issue: 32": the label names the series.
    line = re.sub(r"^(?:publication|series|source|серия|издание)\s*:\s*", "", line, flags=re.I)
    # An issue field names no series; what follows its number is the issue's date or theme.
    issue_field = _ISSUE_LABEL.match(line)
    if issue_field:
        line = line[issue_field.end() :]
    # "(Vol. 3 No. 1, 2022. <Journal>)": an issue line in parentheses, read without them.
    if line[:1] == "(" and line[-1:] == ")":
        line = line[1:-1]
    m = _VOLUME_LINE.match(line)
    if m and m["series"] and _YEAR.fullmatch(m["series"].strip()):
        m = None  # "2016 Vol. 40, No. 6, 573–589": a citation's tail, its journal cut off
    if m and m["series"] is None:
        # "Vol. 2, No. 7" on a cover, the series' name printed elsewhere if at all; with
        # anything but a date or the issue's year after it ("Volume I, Issue 2, 2022"), a line
        # of a list of references.
        rest = m["rest"].strip(" ,;|·–—-")
        # The journal's name after the issue's year: "Vol. 3 No. 1, 2022. Security Studies Journal".
        named = _YEAR_THEN_NAME.fullmatch(rest)
        if named and _is_journal_name(named["name"]):
            return Numbered(memo_number_of(m["n"]), series=f"{named['name']} Volume {_volume(m['volume'])}")
        published = _date_in(rest)
        if (
            rest
            and not published
            and not issue_field
            and not is_issue_period(rest)
            and not _YEAR.fullmatch(rest.strip("()"))
        ):
            return None
        return Numbered(memo_number_of(m["n"]), published=published)
    if m and len(m["series"].split()) <= 8:
        # A citation's elements end with full stops: "A. Author. <Journal>. Volume 67, Issue 3".
        name = CITATION_STOP.split(clean_space(m["series"]).strip(" ,:|–—-"))[-1]
        name = re.sub(r"(?<=[a-zа-яё]{2})\.$", "", name)
        # A word with a figure is no part of a name but what a dump ran into it: a footnote's
        # mark on a title ("…of the steppe1 Steppe Politics Vol. 12"), a URL's end. Where the
        # line starts is then no label's start.
        words = name.split()
        marked = [k for k, word in enumerate(words) if DIGIT.search(word)]
        if marked:
            name = " ".join(words[marked[-1] + 1 :])
            if not name[:1].isupper():
                return Numbered(memo_number_of(m["n"]), published=_date_in(m["rest"]))
        # Words in capitals before a name in small letters are a cover's title run into it
        # ("CONFLICTS IN THE STEPPE Steppe Edition Volume 3"): the name starts after them. An
        # acronym or two open a name ("NATO Review"); a title has more words.
        capitals = next((k for k, word in enumerate(words) if not word.isupper()), 0)
        titled = capitals >= CAPITALS_BEFORE_NAME_MIN and not marked
        if titled:
            name = " ".join(words[capitals:])
        return Numbered(
            memo_number_of(m["n"]),
            # A journal cited with its year is a journal, not a kind of publication.
            category=None if m["year"] or marked or titled else name,
            series=f"{name} {_volume_word(m)} {_volume(m['volume'])}",
            published=_date_in(m["rest"]),
        )
    m = _NUMBERED_LINE.match(line)
    if not m:
        return (
            dated_number(line) or capitals_series_number(line) or initials_issue(line) or volume_alone(line)
        )
    if not _is_label_head(m["kind"]) or m["month"] and m["month"].casefold() not in MONTHS:
        return None
    # After the number: nothing, a date, or a few words ("| June 2020"); a title after a colon
    # makes the line a citation of a publication (a related list), not this page's label.
    rest = (m["rest"] or "").strip(" ,()|·•–—-")
    published = _date_in(rest) or date_at_start(rest)
    # `run_on`: the label sits inside a longer line (a PDF's text run together), where a month
    # after the number also marks it ("Vol. 9/2, February 2021 Belarus in …").
    short = len(rest.split()) <= 3 or run_on and bool(_MONTH_YEAR.match(rest) or names_and_month(rest))
    if rest and not published and not (short and m["rest"].strip()[0] != ":"):
        return None
    # "Annual Report 2019/20" names a span of two years, not an issue.
    if m["yeared"] and int(m["yeared"]) == (int(m["year_of"]) + 1) % 100:
        return None
    number = memo_number_of(m["n"] or m["bare"] or m["lettered"] or m["yeared"])
    return Numbered(number, category=clean_space(m["kind"]), published=published)


# A journal's name and its volume, with nothing after but the ISSN: "SPR Vol.70", "ANNUAL REVIEW
# 2020–2021 VOL. 39 ISSN: 1392-5504". A citation goes on to its pages.
_VOLUME_ALONE = re.compile(
    r"^[^\W\d_][\w’'&.\- ]{1,60}?\s+(?:(?:19|20)\d\d(?:[–-](?:19|20)\d\d)?\s+)?(?:Volume|Vol\.?)\s*"
    r"(?P<volume>\d{1,4})(?:\s+[ep]?-?ISSN\b.*)?$",
    re.I,
)


def volume_alone(line: str) -> Numbered | None:
    """The volume of a journal's issue that prints no issue number: the number it has."""
    m = _VOLUME_ALONE.match(line) if "ol" in line or "OL" in line else None
    return Numbered(int(m["volume"])) if m else None


# A kind label and its number, without a sign, before the title on its line: "Policy Paper 2.
# <Title>", "Policy Brief 12: <Title>".
_KIND_NUMBER_TITLE = re.compile(
    rf"^(?P<kind>(?:[\w’'&.\-]+\s+){{0,4}}?(?:{_KINDS}))\s+(?P<n>\d{{1,3}})[.:]\s+(?P<title>[^\W\d_].*)$",
    re.I,
)


# A cover's type label run into the title on its line, without a number: "Policy Paper
# Institutionalizing a Partnership" (a PDF's text puts the lines of a cover on one).
_KIND_OPENING_TITLE = re.compile(
    rf"^(?P<kind>(?:[\w’'&.\-]+\s+){{1,2}}?(?:{_KINDS}))\s+(?P<title>[^\W\d_][\w’'-]*\s+\S.{{8,}})$",
    re.I,
)


def kind_opening_title(text: str) -> str | None:
    """The label of "Policy Paper Institutionalizing a Partnership": a kind of two or three
    capitalized words (one alone may be the title's own first word: "Analysis of …"), then the
    title, capitalized too, of three words or more."""
    # "Policy Brief: Cooperation under …": the label before a colon, the title after it.
    kind, colon, rest = text.partition(": ")
    if (
        colon
        and len(kind) < 40
        and rest[:1].isupper()
        and _is_label_head_or_sentence(kind)
        and is_kind_label(kind)
    ):
        return kind
    m = _KIND_OPENING_TITLE.match(text) if text[:1].isupper() else None
    if not m or not _is_label_head(m["kind"]) or not m["title"][:1].isupper():
        return None
    # In capitals, where the label ends is unclear ("STRATEGIC STUDIES QUARTERLY …").
    return m["kind"] if len(m["title"].split()) >= 3 and not m["kind"].isupper() else None


SENTENCE_CASE_LABEL_WORDS = 3


def _is_label_head_or_sentence(kind: str) -> bool:
    """A label's words capitalized, or, as British papers write theirs, only its first word of a
    few: "Leading article", "Special report"."""
    return _is_label_head(kind) or (
        len(kind.split()) <= SENTENCE_CASE_LABEL_WORDS and kind[:1].isupper() and kind[1:].islower()
    )


def kind_number_title(text: str) -> tuple[Numbered, str] | None:
    """The label and the title of "Policy Paper 2. Reform and Change": the label's words are
    capitalized (see _is_label_head) and a title of a few words, capitalized too, follows."""
    m = _KIND_NUMBER_TITLE.match(text) if text[:1].isupper() and DIGIT.search(text, 0, 80) else None
    if not m or not _is_label_head(m["kind"]) or not m["title"][:1].isupper() or len(m["title"].split()) < 3:
        return None
    return Numbered(int(m["n"]), category=m["kind"]), m["title"]


# A title with its issue's label, number and date after it, on one line as a newsletter's column
# heads each issue: "<Title>, CU Issue 8, November 3, 2008". The label is a few words or letters
# (an abbreviation stands for the column's name), the date closes the line.
_TITLE_ISSUE_DATE = re.compile(
    r"^(?P<title>.{12,}?),\s+(?:[\w’'&.\-]+\s+){0,4}?(?:Issue|No\.?|№)\s*(?P<n>\d{1,4}),\s+(?P<date>[^,].{5,30})$"
)


def title_issue_date(text: str) -> tuple[Numbered, str] | None:
    """The issue's number and date, and the title, of "<Title>, <Label> Issue 8, November 3, 2008":
    only a date that reads as one closes it (a list of things may follow a title's comma)."""
    m = _TITLE_ISSUE_DATE.match(text) if text[-1:].isdigit() and ", " in text else None
    published = m and parse_date(m["date"])
    if not published or len(m["title"].split()) < 3:
        return None
    return Numbered(int(m["n"]), published=published), m["title"]


# A working-paper series cited by its name and the paper's number, with at most a link's few words
# after: "Steppe Working Papers, 1375 Download PDF".
_SERIES_NUMBER = re.compile(
    r"^\s*(?P<series>(?:[A-Z][\w’'&.\-]*\s+){1,5}Papers),\s*(?P<n>\d{1,5})(?:\s+[^\s\d]+){0,3}\s*$"
)


# A series' name before a colon and the item's title in quotes after it, on one line: "Commentary
# Series on the War: “<Title>.”" (a title in quotes is an item's, so what opens the line is
# the series it belongs to).
_SERIES_THEN_QUOTED = re.compile(
    r"^\s*(?P<series>(?:[A-Z][\w’'&-]*\s+){0,3}Series(?:\s+(?:on|of|in)\s+[^:“”\"«»]{3,60}?)?)"
    r"\s*:\s*[“\"«]"
)


def series_before_quoted_title(lines: list[str]) -> str | None:
    for line in lines:
        # The word is looked for before the pattern runs: most lines have none.
        m = _SERIES_THEN_QUOTED.match(line) if "Series" in line else None
        if m:
            return clean_space(m["series"])
    return None


def series_and_number(line: str) -> Numbered | None:
    m = _SERIES_NUMBER.match(line)
    if not m or _YEAR.fullmatch(m["n"]):
        return None  # "Steppe Working Papers, 2019": the year, not a paper's number
    return Numbered(int(m["n"]), series=clean_space(m["series"]))


# A journal's volume line that gives no issue's number of its own, the pages at most after it:
# "Vol. 14, pp. 2145", "2021, VOL. 62, NOS. 5–6, 539–556" (a double issue).
_BARE_VOLUME = re.compile(
    r"^(?:(?:19|20)\d\d,\s*)?Vol(?:ume)?\.?\s*(?P<volume>\d{1,4})[\s,]*"
    r"(?:Nos\.\s*\d{1,3}\s*[–-]\s*\d{1,3}[\s,]*)?(?:pp\.\s*)?(?:\d{1,5}(?:\s*[–-]\s*\d{1,5})?)?$",
    re.I,
)
JOURNAL_NAME_WORDS_MAX = 10
# Lines of a page's text looked at: an article's first page may follow a cover page, or a
# document host's furniture, which a dump reads as the body's first lines.
JOURNAL_HEAD_LINES = 60


def journal_over_volume(lines: list[str]) -> str | None:
    """ "<Journal> Volume 14" of a journal's name printed on the line over its volume line, as an
    article's first page sets them: "Arctic Review on Law and Politics", "Vol. 14, pp. 2145". A
    name has its long words capitalized, no figure and no full stop after it; a volume line that
    reads as a label of its own ("Vol. 2, No. 7") is left to read_numbered."""
    previous = ""
    for line in lines[:JOURNAL_HEAD_LINES]:
        if not line or line.isspace():
            continue
        # Most lines are no volume line: the pattern runs only after "vol" opens one.
        m = _BARE_VOLUME.match(clean_space(line)) if "vol" in line[:16].casefold() else None
        if m and _is_journal_name(previous):
            return f"{previous} Volume {int(m['volume'])}"
        previous = clean_space(line)
    return None


def _is_journal_name(text: str) -> bool:
    words = text.split()
    return (
        0 < len(words) <= JOURNAL_NAME_WORDS_MAX
        and not DIGIT.search(text)
        and not text.endswith(".")
        and all(word[:1].isupper() for word in words if len(word) > 3)
    )


# The months an issue covers, after its number: "(Апрель-июнь 2022)", "(January–March 2021)".
_ISSUE_PERIOD = re.compile(r"^\((?P<first>[^\W\d_]+)(?:\s?[-–—]\s?(?P<last>[^\W\d_]+))?\s+(?:19|20)\d\d\)$")


def is_issue_period(rest: str) -> bool:
    m = _ISSUE_PERIOD.match(rest)
    return bool(m) and all(month is None or month.casefold() in MONTHS for month in (m["first"], m["last"]))


def _volume_word(m: re.Match) -> str:
    """ "Vol. 12, No. 1" is a journal's citation, whose series is "<Journal> Volume 12"; a
    series' own compact label ("Policy Perspectives Vol. 9/2") keeps its word as printed, as do
    the Russian "Т." and "Том"."""
    return "Volume" if m["sign"] and m["word"].casefold().startswith("vol") else m["word"]


def _volume(figures: str) -> str:
    return str(int(figures)) if figures.isdigit() else figures.upper()  # "LIII" stays Roman


# "23 May 2024, 10:00 №19": a magazine's date line with the number of its issue after the date;
# a weekly's "Week of Monday, November 29, 2021 | Issue 53" (the week's first day its date).
_DATE_THEN_NUMBER = re.compile(
    rf"^(?:week of\s+)?(?P<date>[^№#]{{6,60}}?)[\s,|·•–—-]*"
    rf"(?:Issue\s*(?:{_NUMBER_SIGN}\s*)?|{_NUMBER_SIGN}\s*){_NUMBER}$",
    re.I,
)


def dated_number(line: str) -> Numbered | None:
    m = _DATE_THEN_NUMBER.match(line)
    published = parse_date(m["date"]) if m else None
    return Numbered(memo_number_of(m["n"]), published=published) if published else None


# An issue's label of a few capitals, a newsletter's initials, and its number, vouched for by the
# date or the months of the issue after it: "NL 88 | May-June 2024", "CU Issue 8, November 3, 2008".
_INITIALS_ISSUE = re.compile(
    r"^[A-Z]{2,4}\s+(?:Issue\s+)?(?P<n>\d{1,4})\s*[,|·–—-]\s*(?P<rest>[^\W\d_][^|]{3,40}?)\s*$"
)


def initials_issue(line: str) -> Numbered | None:
    m = _INITIALS_ISSUE.match(line)
    if not m:
        return None
    published = parse_date(m["rest"])
    if published or is_issue_period(f"({m['rest']})"):
        return Numbered(int(m["n"]), published=published)
    return None


# A series' name in capitals and the issue's number after a sign, alone on a line, as a cover
# prints it: "STEPPE GEOPOLITICS #10". A single word is a figure's or a table's caption.
_CAPITALS_SERIES_NUMBER = re.compile(
    r"^[A-ZА-ЯЁ][A-ZА-ЯЁ’'&\-]+(?:\s+[A-ZА-ЯЁ][A-ZА-ЯЁ’'&\-]+){1,4}\s*(?:#|№|(?i:No\.?))\s*(?P<n>\d{1,4})$"
)


def capitals_series_number(line: str) -> Numbered | None:
    m = _CAPITALS_SERIES_NUMBER.match(line) if line[:2].isupper() else None
    return Numbered(int(m["n"])) if m else None


# A standfirst that opens with its series' name in capitals and the issue of the year, then a full
# stop: "STEPPE INSIGHT 2/2017. Differences between …" (the number of the year's second issue).
_CAPITALS_ISSUE_OPENING = re.compile(
    r"(?:[A-ZА-ЯЁ][A-ZА-ЯЁ’'&\-]+\s+){1,4}(?P<n>\d{1,3})/(?:19|20)\d\d\.\s+[A-ZА-ЯЁ]"
)


def capitals_issue_opening(text: str) -> int | None:
    """The issue's number the body's first words give, as "STEPPE INSIGHT 2/2017. …" does."""
    m = _CAPITALS_ISSUE_OPENING.match(text) if text[:2].isupper() else None
    return int(m["n"]) if m else None


_MONTH_YEAR = re.compile(r"[^\W\d_]{3,9}\.?,?\s+(?:19|20)\d\d\b")
# A title page's author and month after the number: "No. 50 Jane R. Roe December 2018".
_NAMES_MONTH_YEAR = re.compile(
    r"(?:[^\W\d_][^\W\d_.’'-]*\.?\s+){1,4}(?P<month>[^\W\d_]{3,9})\.?,?\s+(?:19|20)\d\d\b"
)


def names_and_month(rest: str) -> bool:
    m = _NAMES_MONTH_YEAR.match(rest)
    return bool(m) and m["month"].casefold() in MONTHS


def read_sign_first(line: str) -> Numbered | None:
    """ "No. 293 3 March 2023 …": a number that opens a line, vouched for by the date after it,
    or by its month and year ("No.233, September 2014") or its year ("№ 87 / 2023")."""
    m = SIGN_FIRST.match(clean_space(line[:200]))
    if not m:
        return None
    rest = m["rest"]
    published = date_at_start(rest)
    month = _MONTH_YEAR.match(rest)
    if published or month and month[0].split()[0].strip(".,").casefold() in MONTHS:
        return Numbered(memo_number_of(m["n"]), published=published)
    if re.match(r"/\s*(?:19|20)\d\d\b", rest):
        return Numbered(memo_number_of(m["n"]))
    return None


# "Доклад № 14 от 22 октября 2022": Russian says "dated" before the date of a numbered paper.
_DATED = re.compile(r"от\s+(?=\d)")


def _date_in(rest: str | None) -> date | None:
    return parse_date(without_opening(_DATED, rest.strip(" ,()|·•–—-"))) if rest else None


_KIND_WORDS = (
    rf"{_KINDS}|articles?|feature|proposals?|insights?|digest|blogs?|"
    r"статьи|статья|аналитика|мнения?|интервью|комментарии"
)
_KIND_LABEL = re.compile(rf"^(?:[\w’'.&\-]+\s+){{0,3}}(?:{_KIND_WORDS})$", re.I)
# The last word of a kind label, which the pattern reaches after trying every count of words
# before it.
_KIND_WORD = re.compile(_KIND_WORDS, re.I)


# Where a catalogue's type label says the item was printed: "Статья в журнале", "Article in a journal".
_PRINTED_IN = re.compile(
    r"\s+(?:в|in(?: an?)?)\s+(?:журнале|сборнике|книге|journal|book|proceedings)\s*$", re.I
)


# "<Subject> in Brief": the words say the subject is told briefly ("In Brief" alone labels the kind).
_SUBJECT_IN_BRIEF = re.compile(r"\S\s+in\s+brief$", re.I)


# A link to the file, whose words end in a kind: "Download PDF article", "Скачать PDF статьи"
# (a site may type the Cyrillic "С" as the Latin "C").
_DOWNLOAD_LINK = re.compile(r"^\s*(?:download|[сc]качать|загрузить)\b", re.I)
# A heading over the item's text, whose words end in a kind: "Текст статьи", "Full text of the report".
_TEXT_HEADING = re.compile(r"^\s*(?:(?:полный\s+)?текст|full[\s-]text|text\s+of)\b", re.I)


# Two kinds joined in small letters, a qualifier before them: "international analysis and
# commentary" is a site's tagline, which says what it publishes, not what the item is.
_TWO_KINDS_IN_SMALL_LETTERS = re.compile(
    rf"^[a-z][\w-]*\s+(?:{_KIND_WORDS})\s+(?:and|&)\s+(?:{_KIND_WORDS})$"
)


@lru_cache(maxsize=8192)  # the furniture check and the kind label's search ask about the same lines
def is_kind_label(text: str) -> bool:
    """A line that names a kind of publication and nothing else: "Research Paper", "A Briefing
    Memo", "U.S.-Russia Insight", "Policy Memos", "Аналитика" (no number: see read_numbered)."""
    # At most three words before the kind: the pattern, which backtracks over the words of a
    # long line, runs only on a short one, and a long one is not even cleaned.
    if DIGIT.search(text) or _DOWNLOAD_LINK.match(text) or _TEXT_HEADING.match(text):
        return False
    if " в " in text or " in " in text:
        text = _PRINTED_IN.sub("", text)  # "Статья в журнале": the kind, and where it was printed
        if _SUBJECT_IN_BRIEF.search(text):
            return False  # "The Region in Brief": a column's title, the subject told briefly
    words = text.split(maxsplit=4)
    if len(words) > 4 or not _KIND_WORD.fullmatch(words[-1] if words else ""):
        return False
    if _TWO_KINDS_IN_SMALL_LETTERS.match(text):
        return False
    return bool(_KIND_LABEL.match(clean_space(text)))


_LABEL_JOINERS = {"and", "of", "for", "on", "in", "the", "&", "и", "по"}
_DETERMINERS = {"a", "an", "the", "this", "that", "these", "our", "its", "their", "his", "her", "my", "your"}


def _is_label_head(kind: str) -> bool:
    # Every word capitalized (or an acronym), as labels are: "Policy Brief", not "the report";
    # small joining words inside: "Europe and Central Asia Report".
    words = kind.split()
    # A word in lower case between capitalized ones, as a site may write its series' name:
    # "Academic policy Paper Series"; not an article, which makes it a sentence: "Read the latest
    # Policy Brief".
    if (
        words[-1][:1].isupper()
        and words[0][:1].isupper()
        and not any(w.casefold() in _DETERMINERS for w in words[1:-1])
    ):
        return True
    # Russian capitalizes only the first word: "Аналитическая записка".
    return all(
        w[:1].isupper() or w[:1].isdigit() or not w[:1].isalpha() or (k and w in _LABEL_JOINERS)
        for k, w in enumerate(words[:-1])
    ) and (words[-1][:1].isupper() or len(words) == 1 or bool(_CYRILLIC.match(words[-1])))


# "Published in News Digest", "Posted: December 12, 2022 in RUSI Journal", "Filed under Analysis":
# a header line naming the section the item was filed in, with at most its date between.
_FILED_IN = re.compile(
    r"^(?:posted|published|filed)\b(?P<when>[^|]{0,40}?)\s+(?:in|under)\s*:?\s+(?P<section>[^\W\d_][^|,;:.]{1,40})$",
    re.I,
)


def filed_in(text: str) -> str | None:
    """The section a "Posted … in <Section>" line names, else None."""
    if not text[:9].lower().startswith(("posted", "published", "filed")):
        return None  # most lines, cheaply
    m = _FILED_IN.match(clean_space(text))
    if not m:
        return None
    when = re.sub(r"^on\s+", "", m["when"].strip(" :,"), flags=re.I)
    if when and not parse_date(when):
        return None  # "Published by the Centre in …", "posted a video in …": no header line
    section = m["section"].strip()
    words = section.split()
    if len(words) > 5 or section.isupper() or not all(w[:1].isupper() or w in _LABEL_JOINERS for w in words):
        return None
    return section


# The page count a catalogue prints after a label and its date: ", pp. 74", "| 12 pages".
PAGE_COUNT = re.compile(r"[\s,;|]*(?:pp?\.\s*\d{1,4}|\d{1,4}\s*(?:pp\.?|pages?))\s*$", re.I)


@lru_cache(maxsize=4096)  # find_date asks about the lines by each printing of the title
def kind_and_date(text: str) -> tuple[str, date] | None:
    """A type label and the date beside it, a page count aside: "Silk Road Paper December 1, 2013,
    pp. 74" -> ("Silk Road Paper", 2013-12-01)."""
    if len(text) > 80 or not DIGIT.search(text):
        return None
    text = PAGE_COUNT.sub("", text)
    label = without_date(text)
    if label == text or not is_kind_label(label):
        return None
    found = date_at_end(text) or date_at_start(text)
    return (label, found) if found else None


LABEL_WORDS_MAX = 4  # "Central Asia Policy Brief": the most words a label before its date takes


def date_after_kind(text: str) -> date | None:
    """The date a type label that opens `text` has right after it, where a cover's label, date and
    title run on in one line: "ISSUE BRIEF 07.18.17 Russia's Use of …"."""
    words = text.split(maxsplit=LABEL_WORDS_MAX + 1)
    k = next((k for k, word in enumerate(words[: LABEL_WORDS_MAX + 1]) if word[:1].isdigit()), 0)
    if not k or not is_kind_label(" ".join(words[:k])):
        return None  # no figure after a few words that name a kind: most lines
    return date_at_start(text.split(maxsplit=k)[k])


# A type label printed in capitals with the month after it, on a PDF's cover: "SILK ROAD PAPER
# July 2006".
_CAPITALS_KIND = re.compile(
    rf"(?<![\w’'&.\-])(?P<label>(?:[A-Z][A-Z’'&.\-]+\s+){{0,3}}(?:{_KINDS.upper()}))\s+"
    r"(?P<month>[A-Z][a-z]{2,8})\.?\s+(?:\d{1,2},?\s+)?(?:19|20)\d\d\b"
)

# Tried only where a run of capitals starts (whether one is found is all that is asked): from a
# capital inside a run, the same run's end is tried again.
_CAPITALS_MONTH = re.compile(
    r"[A-Z](?<![A-Z].)[A-Z]{3,}\s+[A-Z][a-z]{2,8}\.?\s+(?:\d{1,2},?\s+)?(?:19|20)\d\d"
)


# A series' label on a line of its own over the blurb that names it in quotes: "<Site> Commentary",
# then '"<Site> Commentary" introduces analyses and opinions …'.
# Searched after a newline put before the head: a pattern that opens with "^" under re.M is tried
# at every character, one that opens with a newline only where one is.
_QUOTED_BELOW = re.compile(r'\n(?P<label>[^\n"“«]{3,60}?)[ \t]*\n(?:[ \t]*\n)*[ \t]*["“«](?P=label)["”»]')


def described_kind(head: str) -> str | None:
    """The type label a page's head prints over a blurb that opens with it in quotes."""
    if '"' not in head and "“" not in head and "«" not in head:
        return None  # no quotes: most heads, cheaply
    m = _QUOTED_BELOW.search("\n" + head)
    return m["label"].strip() if m and is_kind_label(m["label"].strip()) else None


def kind_as_series(kind: str | None, page: str) -> str | None:
    """A numbered label's kind ("Insight 239: <Title>") as the series' name, where the page
    speaks of the items as a series: "This series of Insights will examine …", "the Insight series"."""
    if not kind or "series" not in page.casefold():
        return None  # most pages, cheaply
    word = re.escape(kind.split()[-1])
    series = re.compile(
        rf"\bseries of (?:[\w-]+\s+){{0,2}}{word}(?:e?s)?\b|\b{re.escape(kind)} series\b", re.I
    )
    return kind if series.search(page) else None


def capitals_kind(head: str, page: str) -> str | None:
    """The type label a cover in `head` prints in capitals, as `page` prints it in lower case
    ("SILK ROAD PAPER July 2006" and "… is a Silk Road Paper produced by …" -> "Silk Road
    Paper"): capitals alone hide how it is written."""
    if not _CAPITALS_MONTH.search(head):
        return None  # no word in capitals before a month and a year: most pages, cheaply
    for m in _CAPITALS_KIND.finditer(head):
        if m["month"].casefold() not in MONTHS:
            continue
        words = m["label"].split()
        pattern = re.compile(r"\b" + r"\s+".join(map(re.escape, words)) + r"\b", re.I)
        printed = next((p[0] for p in pattern.finditer(page) if not p[0].isupper()), None)
        if printed and _is_label_head(printed):
            return clean_space(printed)
    return None


_CITED_AFTER = re.compile(r"[,;.”\"’')]+\s*")


_CLOSING_LABEL = re.compile(r"\((?P<label>[^()]{4,80})\)\.?\s*$")
# A Russian (GOST) citation puts "//" between the title and the journal, then the year, the
# volume and the issue: "<Title> // <Journal>. 2019. Т. 12. № 2. С. 212-227".
_GOST_ISSUE = re.compile(
    r"\s*//[^/№]{3,160}?\.\s+(?:(?:19|20)\d\d\.\s+)?(?:Т\.\s*\d{1,4}\.\s+)?№\s*(?P<n>\d{1,4})\b"
)


CITED_TITLE_MIN = 20  # characters
# The year of a citation in parentheses after its authors, before the item's title: "(2023). ".
CITED_YEAR = re.compile(r"\s*\((?:19|20)\d\d[a-z]?\)[.,:]?\s*$")


def cited_authors(page_lines: list[str], title: str) -> list[str] | None:
    """The names a citation of the page's own item opens with, its year in parentheses and the
    title after them, where nothing else names the authors: "A, B and C (2023). <Title>. <Place>:
    <Publisher>" (a "How to cite" box)."""
    if len(title) < CITED_TITLE_MIN:
        return None  # a short title may be printed in anything that cites it
    for line in page_lines:
        at = line.find(title) if len(line) > len(title) else -1
        year = CITED_YEAR.search(line, 0, at) if at > 0 else None
        if year:
            return byline_names(line[: year.start()])
    return None


def cited_number(text: str, title: str) -> int | None:
    """The number a citation of the memo itself gives after its title: "A. Author, “<Title>,” ORF
    Occasional Paper No. 435, April 2024" (an "Attribution:" or "Cite as:" line)."""
    if len(title) < CITED_TITLE_MIN:
        return None  # a short title may be printed in anything that cites it
    start = text.find(title)
    while start != -1:
        after = text[start + len(title) : start + len(title) + 160].split("\n", 1)[0]
        if has_number_hint(after):
            gost = _GOST_ISSUE.match(after) if "//" in after else None
            if gost:
                return int(gost["n"])
            m = _CITED_AFTER.match(after)
            found = read_numbered(after[m.end() :], run_on=True) if m else None
            # The label may close the citation in parentheses, after the place and the publisher:
            # "<Title>. Bergen: <Institute> (<Institute> Report 2023:4)".
            closing = _CLOSING_LABEL.search(after) if not found and m else None
            found = found or (closing and read_numbered(closing["label"]))
            if found:
                return found.number
        start = text.find(title, start + 1)
    return None


# A PDF's running footer: its series in capitals, the issue and the page, "KENNAN CABLE 91 | 5".
_FOOTER = re.compile(
    rf"(?<![\w’'&.\-])(?:[A-Z][A-Z’'&.\-]+\s+){{0,3}}(?:{_KINDS.upper()})\s+(?P<n>\d{{1,4}})\s+$"
)


# A year, "\b(?:19|20)\d\d\b": the look behind comes after the first figures, so that a search
# skips to them rather than trying the boundary at every character of the page.
_YEAR = re.compile(r"(?:19|20)(?<!\w..)\d\d\b")
# What may follow the issue's month and year on a cover: its number, at the end of that line or
# alone on the next one.
_NUMBER_AFTER = re.compile(r"[ \t]*(?:[|·–—-][ \t]*|\n\s*)?(?P<n>\d{1,4})[ \t]*(?:\n|$)")
_MONTH_OPENING = re.compile(r"(?:^|\n)[ \t]*(?P<month>[^\W\d_]{3,9})\.?,?[ \t]+$")
# A year with a number after it, found in one search: most years in a page have none, and are
# not gone through one by one. (A year is a word of its own: two cannot overlap.)
_YEAR_NUMBER = re.compile(f"{_YEAR.pattern}(?={_NUMBER_AFTER.pattern})")


def month_number(text: str) -> int | None:
    """The issue a PDF prints beside its month, the same on its cover and its title page:
    "NOVEMBER 2021" then "322", and "NOVEMBER 2021 322" (a footer's page changes from page to
    page; an issue number does not)."""
    seen: dict[tuple[str, int], int] = {}
    for y in _YEAR_NUMBER.finditer(text):
        if _YEAR.fullmatch(y["n"]):
            continue
        month = _MONTH_OPENING.search(text, max(0, y.start() - 14), y.start())
        if not month or month["month"].casefold() not in MONTHS:
            continue
        key = (month["month"].casefold() + y[0], int(y["n"]))
        seen[key] = seen.get(key, 0) + 1
        if seen[key] == 2:
            return key[1]
    return None


# A PDF's running head in a dump that numbers its pages: the page, the issue, then the series in
# capitals, "1 17 CENTRAL ASIA POLICY BRIEFS".
# Searched after a newline put before the text: a pattern that opens with "^" under re.M is tried
# at every character, one that opens with a newline only where one is.
_HEADER = re.compile(
    rf"\n\d{{1,3}}\s+(?P<n>\d{{1,4}})\s+(?:[A-Z][A-Z’'&.\-]+\s+){{0,4}}(?:{_KINDS.upper()})\b"
)


def footer_number(text: str) -> int | None:
    """The issue a PDF's running footer gives: "… KENNAN CABLE 91 | 5 …" -> 91; or its
    running head: "1 17 CENTRAL ASIA POLICY BRIEFS" -> 17."""
    m = _HEADER.search("\n" + text)
    if m and not _YEAR.fullmatch(m["n"]):
        return int(m["n"])
    at = text.find(" | ")
    while at != -1:
        if text[at + 3 : at + 4].isdigit() and text[at - 1 : at].isdigit():
            m = _FOOTER.search(text, max(0, at - 60), at + 1)
            if m and re.match(r"\d{1,3}(?!\d)", text[at + 3 : at + 7]):
                return int(m["n"])
        at = text.find(" | ", at + 3)
    return None

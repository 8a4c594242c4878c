"""People a page names by their given names: the lexicon of given names and the byline it finds.

Where no byline is marked, printed on a line of its own or run into a cover's text ("Research
Paper Jane Roe Ukraine Forum | May 2020 …", "Jane Roe Faculty of …, University of …"), a known
given name and a surname after it still say "a person", as no line's position does. The
lexicon (fixtures/given_names.json, from Faker's person providers and pymorphy3's dictionary;
`manage.py generate_given_names` rewrites it) keeps countries, peoples, parts of the world and
months out.
"""

from __future__ import annotations

import json
import re
from functools import cached_property

from .fields import NOT_IN_NAMES, ORG_WORDS
from .mentions import PROJECT_ROOT

GIVEN_NAMES_PATH = PROJECT_ROOT / "fixtures" / "given_names.json"

LINES_ABOVE = 12  # lines over the title looked at: a cover's or a page header's text
# Lines of the body looked at: what reads as its start may be a PDF's cover run into one line,
# or an author's card over the text.
BODY_LINES = 3
LINE_LOOKED_AT = 300  # characters of a line: a PDF's text may run a whole page into one line
RUN_ON = 200  # characters after those a name found there, and the names listed after it, may take
SUBJECT_PRINTINGS = 2  # a surname the body prints this often is the memo's subject, not its author

# A surname: a capital, then letters, an apostrophe or a hyphen ("O'Neil", "Smith-Jones"); or
# capitals only ("ROE"). A footnote's digit or star may be glued to it ("Юн1", "Roe*").
_SURNAME = re.compile(r"^([A-ZА-ЯЁ](?:[a-zà-ÿа-яё'’-]*[a-zà-ÿа-яё]|[A-ZА-ЯЁ'’-]*[A-ZА-ЯЁ]))[\d*†]*([,;:.]?)$")
# The particles a surname may open with: "Le Pavic", "van der Meulen", "De Santis", "da Silva",
# "bin Salman".
PARTICLE = re.compile(r"le|la|de|da|di|du|des|del|della|dos|das|van|von|der|den|ter|bin", re.I)
PARTICLES_MAX = 2  # "van der"
_INITIAL = re.compile(r"^[A-ZА-ЯЁ]\.(?:[A-ZА-ЯЁ]\.)?$")
_PATRONYMIC = re.compile(r"^[А-ЯЁ][а-яё]+(?:ович|евич|ьич|ична|инична|овна|евна)$")
_OPENING = "\"'“”«»„(["
# A word's letters after the quotes or brackets that open it. (The pattern opens with them, and
# looks behind only then for the space before them: a search skips to them.)
_AFTER_OPENING = re.compile(r"[\"'“”«»„(\[](?<!\S.)[\"'“”«»„(\[]*(\S+)")
# Words in small letters that may stand right before a byline's first name.
_BEFORE_NAMES = {"by", "and", "from", "автор", "авторы", "автора", "от", "и"}
_JOINERS = {"and", "&", "и"}
# A picture's credit names its photographer, an epigraph's line the person it quotes: "© Agency
# Jane Roe", "Photo: Jane Roe", "~ Jane Roe" (and "… / Jane Roe" after a caption). (The look
# ahead for the sign and the words' first letters comes first: a line in Cyrillic is searched
# with the pattern, and each word would be tried at every character.)
_CREDIT = re.compile(
    r"(?=[©picфи])(?:©|\b(?:photo|photograph|image|illustration|credit|фото|иллюстрация|изображение)s?\b)",
    re.I,
)
_CREDIT_ASCII_WORDS = ("photo", "image", "illustration", "credit")


def _has_credit(text: str) -> bool:
    # The pattern opens with a word boundary and ignores case: the engine tries it at every
    # character. An ASCII line (no "©", case folded by str.lower) without one of its words is
    # told without it: most lines.
    if text.isascii():
        folded = text.lower()
        if not any(map(folded.__contains__, _CREDIT_ASCII_WORDS)):
            return False
    return bool(_CREDIT.search(text))


_ATTRIBUTION = {"~", "—", "–", "-", "―"}
_BOUNDARIES = {"|", "•", "·", "/", "—", "–", "―"}
SENTENCE_LOOKED_AT = 12  # words before a name looked at for the sentence it stands in


class _Lexicon:
    """The lexicon, read the first time a word is looked up and kept as the module's data (as
    fields.RUSSIAN_COUNTRY_NAMES is): a file, not a memo of any page's work."""

    @cached_property
    def names(self) -> frozenset[str]:
        return frozenset(json.loads(GIVEN_NAMES_PATH.read_text(encoding="utf-8"))["names"])


_LEXICON = _Lexicon()


def given_names() -> frozenset[str]:
    """The lexicon, casefolded."""
    return _LEXICON.names


def is_given_name(word: str) -> bool:
    return word[:1].isupper() and word.casefold() in _LEXICON.names


def _inside_sentence(tokens: list[str], i: int) -> bool:
    """Whether a word in small letters stands before tokens[i] in its sentence or its part of
    the line ("said", "according to Carnegie's", "edited by"); "by" or "автор" right before the
    name is a byline's mark where it opens that part ("By Jane Roe", "Report | by Jane Roe")."""
    k = i - 1
    if k >= 0 and tokens[k].casefold() in _BEFORE_NAMES:
        k -= 1
    for t in reversed(tokens[max(0, i - SENTENCE_LOOKED_AT) : k + 1]):
        if t in _BOUNDARIES or t[-1:] in ".!?:;|":
            return False
        if _in_small_letters(t):
            return True
    return False


def _only_names(line: str, names: list[str]) -> bool:
    rest = line.casefold()
    for name in names:
        rest = rest.replace(name.casefold(), " ")
    return not any(ch.isalpha() for ch in rest.replace(" and ", " ").replace(" и ", " "))


def _in_small_letters(token: str) -> bool:
    word = token.strip(_OPENING + "\"'“”»)],.;:!?")
    return word.isalpha() and word.islower()


def _as_printed_in_title_case(words: list[str]) -> str:
    """A name printed in capitals ("JANE ROE") as a byline prints it ("Jane Roe")."""
    if all(w.isupper() for w in words if len(w) > 2):
        words = ["-".join(part.capitalize() for part in w.split("-")) if len(w) > 2 else w for w in words]
    return " ".join(words)


def _in_word(char: str) -> bool:
    r"""Whether `char` continues a word, as the pattern (?<![\w'’-]) reads one."""
    return char.isalnum() or char in "_'’-" if char else False


class People:
    """The people named on one page, judged against its words: `lines`, its text; `body`, the
    memo's text."""

    def __init__(self, lines: list[str], body: str):
        self.lines = lines
        self.body = body
        self._text: str | None = None

    def writes(self, word: str) -> bool:
        """Whether the page prints `word` as a word of its own (looked for only for the few
        words that could be surnames, not by listing the page's every word)."""
        if self._text is None:
            self._text = "\n".join(self.lines)
        # str.find rather than a pattern per word: an import meets thousands of surnames, and
        # each pattern would be compiled once and crowd the re module's cache.
        text, size = self._text, len(word)
        at = text.find(word)
        while at != -1:
            if not (at and _in_word(text[at - 1])) and not _in_word(text[at + size : at + size + 1]):
                return True
            at = text.find(word, at + 1)
        return False

    def person_at(self, tokens: list[str], i: int) -> tuple[str, int, bool] | None:
        """The name that opens at tokens[i] (given name, an initial or a patronymic, surname), the
        index after it, and whether punctuation closes it; None where none does."""
        given = tokens[i].lstrip(_OPENING)
        if not is_given_name(given):
            return None
        k = i + 1
        middle = []
        if k + 1 < len(tokens) and (_INITIAL.match(tokens[k]) or _PATRONYMIC.match(tokens[k])):
            middle.append(tokens[k])
            k += 1
        # Particles count only before a surname: "Anna Le" alone is a given name and a surname.
        j = k
        while j + 1 < len(tokens) and j - k < PARTICLES_MAX and PARTICLE.fullmatch(tokens[j]):
            j += 1
        if j > k and _SURNAME.match(tokens[j].rstrip("\"'“”»)]")):
            middle += tokens[k:j]
            k = j
        if k >= len(tokens):
            return None
        m = _SURNAME.match(tokens[k].rstrip("\"'“”»)]"))
        if m is None or m[1].endswith(("'s", "’s")):  # "Jane Roe's": a sentence's subject
            return None
        surname, closed = m[1], bool(m[2])
        folded = surname.casefold()
        if (
            self.writes(folded)  # a word of the page's sentences: "Orange Revolution"
            or folded in NOT_IN_NAMES
            or ORG_WORDS.fullmatch(surname)
            or self.body.count(surname) >= SUBJECT_PRINTINGS
        ):
            return None
        after = tokens[k + 1] if k + 1 < len(tokens) and not closed else ""
        if ORG_WORDS.match(after) or after.isalpha() and after.islower() and after not in _JOINERS:
            return None  # "George Mason University"; a sentence: "Vladimir Putin said …"
        return _as_printed_in_title_case([given, *middle, surname]), k + 1, closed

    def in_line(self, line: str) -> list[str] | None:
        """The first name on `line` that stands outside a sentence, and the names listed after it
        ("A B, C D and E F")."""
        # A line in small letters continues a sentence the layout broke ("by Jane Roe" may end a
        # caption's or a paragraph's sentence); a credit names a picture's maker.
        if line.lstrip()[:1].islower() or _has_credit(line[:LINE_LOOKED_AT]):
            return None
        # The words a name opening in the part looked at may run on to (a paragraph goes on).
        looked_at = line[: LINE_LOOKED_AT + RUN_ON]
        lexicon = _LEXICON.names
        # Most lines hold no word of the lexicon, whatever its case: told in one go from the
        # line's words (and those after an opening quote or bracket), before each is weighed.
        folded = looked_at.casefold()
        if lexicon.isdisjoint(folded.split()) and lexicon.isdisjoint(_AFTER_OPENING.findall(folded)):
            return None
        tokens = looked_at.split()
        opening = len(line[:LINE_LOOKED_AT].split())
        # The words a given name opens (is_given_name, written out: asked of every word looked
        # at, and most words open no name).
        given = [
            i
            for i, token in enumerate(tokens[:opening])
            if (word := token.lstrip(_OPENING))[:1].isupper() and word.casefold() in lexicon
        ]
        for i in given:
            if (
                i == 1
                and tokens[0] in _ATTRIBUTION
                or i
                and tokens[i - 1] == "/"
                or _inside_sentence(tokens, i)
            ):
                continue  # an epigraph's "— Jane Roe", a caption's "… / Jane Roe", a sentence
            found = self.person_at(tokens, i)
            if found is None:
                continue
            names = [found[0]]
            k = found[1]
            while k < len(tokens):
                k += tokens[k].casefold() in _JOINERS
                more = self.person_at(tokens, k) if k < len(tokens) else None
                if more is None or not (found[2] or tokens[k - 1].casefold() in _JOINERS):
                    break
                names.append(more[0])
                found, k = more, more[1]
            return names
        return None


def named_in_header(lines: list[str], title_first: int, title_last: int, body_line: int) -> list[str] | None:
    """The people a text dump's header names (under the title down to the body's first lines,
    then up from the title), where no byline marks them."""
    people = People(lines, "\n".join(lines[body_line:]))
    below = range(title_last + 1, min(len(lines), body_line + BODY_LINES))
    above = range(title_first - 1, max(-1, title_first - 1 - LINES_ABOVE), -1)
    title = " ".join(lines[title_first : title_last + 1])
    return first_named(people, [lines[i] for i in below], [lines[i] for i in above], title)


def first_named(people: People, below: list[str], above: list[str], title: str) -> list[str] | None:
    """The first names `people` finds on the lines `below` the title, then on those `above` it
    (the nearest first)."""
    for k, (line, over) in enumerate([*((line, False) for line in below), *((line, True) for line in above)]):
        names = people.in_line(line) if line.strip() else None
        # The title's words printed again ("… Harsh Realities: …" by its printing) are no names.
        if not names or any(name in title for name in names):
            continue
        if not _only_names(line, names):
            return names
        # Over the title, a line of names alone that the byline's readers passed over is an
        # entry of a list (contents, "Next article"); names run into a cover's or a journal's
        # header ("Vol. 12, No. 1 Jane Roe DOI: …", "Jane Roe Faculty of …") are its authors.
        if over:
            continue
        # Under it, the authors may be listed a name a line: the list ends at a line of other words.
        for more in below[k + 1 :]:
            found = people.in_line(more) if more.strip() else []
            if not found or not _only_names(more, found):
                break
            names = [*names, *found]
        return names
    return None

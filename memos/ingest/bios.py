"""Whose bio is it? A page's "About the author(s)" text, split into each author's own part.

A sentence that names one author, and the sentences after it that go on about that person
("She previously…"), belong to that author. A sentence that names several authors, or none
("Both have conducted fieldwork…", "The authors thank…"), is joint: it stays with the memo
alone. With one author, a bio that names nobody else is theirs. Pure functions.
"""

from __future__ import annotations

import re

# A sentence ends at . ! ? … (with closing quotes) before a space and a capital or a digit.
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[\"'”»)]*\s+(?=[\"'“«(]?[A-ZА-ЯЁ0-9])")
# ...but not after an initial ("Andrew K. Mills") or a common abbreviation.
_NO_BREAK_BEFORE = re.compile(
    r"(?:\b[A-ZА-ЯЁ]|\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|No|vs|Gen|Col|Lt|Gov|Sen|Rep|Univ|Dept|Inc|Co)"
    r"|\b(?:[A-Za-z]\.){1,3}[A-Za-z])\.$"
)
# Words that carry on about the person just named.
_PRONOUN = re.compile(
    r"^(?:\W*\w+\W+){0,3}?(?:he|she|his|her|him|hers|himself|herself|он|она|его|её|ее|ему|ей|им|ею)\b",
    re.I,
)
# Words that make a sentence about the authors together.
_JOINT = re.compile(
    r"^\W*(?:both|all\s+(?:three|four|five)|the\s+(?:two\s+|three\s+)?(?:authors|co-?authors?)|"
    r"together|they|their|оба|обе|авторы|вместе)\b",
    re.I,
)
_FOLD = str.maketrans({"‘": "'", "’": "'", "ʼ": "'", "\u00a0": " "})


def _fold(text: str) -> str:
    return " ".join(text.translate(_FOLD).split()).casefold()


def sentences(paragraph: str) -> list[str]:
    parts, start = [], 0
    for m in _SENTENCE_BREAK.finditer(paragraph):
        if _NO_BREAK_BEFORE.search(paragraph[max(0, m.start() - 12) : m.start()]):
            continue
        parts.append(paragraph[start : m.start()].strip())
        start = m.end()
    parts.append(paragraph[start:].strip())
    return [p for p in parts if p]


def _name_patterns(author: str) -> list[re.Pattern]:
    """The full name, and the surname alone when the name has more than one word."""
    folded = _fold(author)
    forms = [folded]
    words = folded.split()
    if len(words) > 1 and len(words[-1]) > 2:
        forms.append(words[-1])
    return [re.compile(rf"(?<!\w){re.escape(form)}(?!\w)") for form in forms]


def split_bios(bio: str, authors: list[str]) -> tuple[str, dict[str, str]]:
    """(the bio as a whole, each author's own part): repeated paragraphs are dropped from the
    whole; an author whose part cannot be told apart from the others' gets none."""
    paragraphs = list(dict.fromkeys(p.strip() for p in (bio or "").split("\n\n") if p.strip()))
    whole = "\n\n".join(paragraphs)
    authors = [a for a in dict.fromkeys(authors) if a.strip()]
    if not paragraphs or not authors:
        return whole, {}
    patterns = {author: _name_patterns(author) for author in authors}

    def named(sentence: str) -> list[str]:
        folded = _fold(sentence)
        return [a for a in authors if any(p.search(folded) for p in patterns[a])]

    def opens_with(sentence: str, author: str) -> bool:
        """The sentence is about `author`: it names them in its first few words."""
        folded = _fold(sentence)[:40]
        return any((m := p.search(folded)) and m.start() <= 20 for p in patterns[author])

    parts: dict[str, list[list[str]]] = {a: [] for a in authors}  # paragraphs of sentences
    carried: str | None = None
    for paragraph in paragraphs:
        current, carried = carried, None
        heading = named(paragraph)
        if len(heading) == 1 and _fold(paragraph) == _fold(heading[0]):
            carried = heading[0]  # a line with just the author's name, over their paragraph
            continue
        started = {a: False for a in authors}
        for sentence in sentences(paragraph):
            who = named(sentence)
            if len(who) > 1 or _JOINT.match(sentence):
                current = None  # about several authors: the memo's, not anyone's
                continue
            if len(who) == 1:
                if current is not None and current != who[0] and not opens_with(sentence, who[0]):
                    continue  # "He co-wrote it with <another author>": about two people
                current = who[0]
            elif len(authors) == 1 and not _names_someone_else(sentence):
                current = authors[0]
            elif current is None or not _PRONOUN.match(sentence):
                current = None
                continue
            if not started[current]:
                parts[current].append([])
                started[current] = True
            parts[current][-1].append(sentence)
    own = {author: "\n\n".join(" ".join(p) for p in paras if p) for author, paras in parts.items() if paras}
    return whole, {author: text for author, text in own.items() if text}


def _names_someone_else(sentence: str) -> bool:
    """A single author's bio that opens with another person's full name is not about them."""
    return bool(
        re.match(r"^[A-ZА-ЯЁ][\w'’-]+\s+(?:[A-ZА-ЯЁ]\.\s+)?[A-ZА-ЯЁ][\w'’-]+\s+(?:is|was|—|-)\s", sentence)
    )

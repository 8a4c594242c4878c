"""Vendor candidates: organisations a memo names that look like technology companies but that the
vendor list lacks ("Steppe Vision Technologies LLP supplied the cameras").

Found beside the mentions (pipeline.parse_source), stored as VendorCandidate rows (load.py) and
reviewed by editors in the admin, who add them as vendors or dismiss them. Cues:

- a name ending in a technology word: Telecom, Technologies, Tech, Systems, Networks,
  Electronics, Semiconductor, Cloud, AI, ... ("Steppe Vision Technologies");
- a name ending in a company's legal form: Co., Ltd, LLC, LLP, JSC, PJSC, Inc., Corp. ...;
- "... Group" when the sentence is about technology ("Altyn Group installed the cameras");
- phrasings: "Chinese company X", "the firm X", "the X corporation supplied", "X, a Kazakh
  company".

Pure Python; the vendor list is passed in, so known vendors (and names that contain one, like
"Huawei Technologies") are never candidates.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .mentions import VendorEntry

CONTEXT_LIMIT = 300

_WORD = r"(?:[A-Z][A-Za-z0-9]*(?:[-'’&][A-Za-z0-9]+)*|[0-9]+[A-Za-z][A-Za-z0-9]*|[A-Z]{2,}[0-9]*)"
_JOIN = r"(?:\s+(?:&|and|de|of)\s+|\s+|-)"
TECH_WORDS = (
    r"Telecom|Telecoms|Technologies|Tech|Systems|Networks|Electronics|Semiconductors?|"
    r"Microelectronics|Cloud|AI|Robotics|Software"
)
LEGAL_FORMS = (
    r"Co\.,?\s+Ltd\.?|Co\.|Ltd\.?|LLC|LLP|JSC|PJSC|OJSC|CJSC|Inc\.?|Corp\.?|Corporation|GmbH|"
    r"AG|PLC|Limited|S\.A\."
)
_NAME = rf"{_WORD}(?:{_JOIN}{_WORD}){{0,4}}"
# A name that ends in a technology word or a legal form (or both).
# The cue word ends the run of capitalised words ("International Telecommunication Union" is not
# cued by "Telecommunication"), unless a legal form follows it.
SUFFIXED = re.compile(
    rf"(?<![\w.])(?P<name>{_WORD}(?:{_JOIN}{_WORD}){{0,3}}\s+(?:{TECH_WORDS})"
    rf"(?:,?\s+(?:{LEGAL_FORMS})|(?!\s+[A-Z(&])(?!-\w))"
    rf"|{_NAME},?\s+(?:{LEGAL_FORMS}))(?![\w])"
)
GROUP = re.compile(rf"(?<![\w.])(?P<name>{_WORD}(?:{_JOIN}{_WORD}){{0,3}}\s+Group)(?!\w)(?!\s+[A-Z])")
TECH_CONTEXT = re.compile(
    r"\b(?:camera|cameras|surveillance|network|networks|telecom|software|technolog\w+|data|cloud|"
    r"chips?|semiconductor\w*|5G|4G|LTE|fiber|fibre|equipment|servers?|facial|biometric\w*|"
    r"satellite\w*|internet|digital|IT|AI|platform|supplied|installed|integrator)\b",
    re.I,
)
_ORIGIN = r"(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?|local|state-owned|state|private|foreign|domestic)"
_KIND = (
    r"(?:company|firm|corporation|vendor|supplier|manufacturer|integrator|contractor|provider|"
    r"operator|startup|start-up|conglomerate)"
)
PHRASES = [
    # "Chinese company Dahua", "the Kazakh integrator Sergek", "local firm Altyn Vision"
    re.compile(rf"\b(?:the\s+)?{_ORIGIN}\s+(?:\w+\s+)?{_KIND}\s+(?P<name>{_NAME})(?!\w)"),
    # "the Sergek corporation supplied…", "the Tengri company installed…"
    re.compile(
        rf"\bthe\s+(?P<name>{_NAME})\s+(?:corporation|company|firm|group)\s+(?:supplied|installed|built|provided|won|delivered|sold|developed)\b"
    ),
    # "Sergek, a Kazakh company", "Tengri Vision, a local integrator"
    re.compile(rf"(?<![\w.])(?P<name>{_NAME}),\s+an?\s+(?:\w+\s+){{0,2}}{_KIND}\b"),
]
# Words that open a sentence or a clause, never a company's name.
LEADING = {
    "The", "A", "An", "In", "On", "At", "By", "For", "From", "With", "And", "But", "Both", "Its", "Their",
    "Our", "This", "That", "These", "Those", "When", "While", "After", "Before", "Since", "Under",
    "Through", "Via", "As", "If", "Of", "To", "Then", "Today", "Yet", "Such", "Some", "Many", "Most",
    "Local", "Foreign", "Western", "Chinese", "Russian", "State", "Other", "Later", "Now", "Also",
    "However", "Meanwhile", "Still", "Instead", "Moreover", "Recently", "Eventually", "Earlier",
    "Finally", "Initially", "Similarly", "Unlike", "Like", "Even", "Only", "Each", "Every", "All",
}  # fmt: skip
# Capitalised phrases that end in a cue word yet name no company.
NOT_COMPANIES = re.compile(
    r"^(?:(?:Information|Communication|Communications|Security|Surveillance|Weapons|Legal|Political|"
    r"Operating|Payment|Banking|Education|Health|Computer|Control|Management|Satellite|Defense|"
    r"Defence|Energy|Transport|Border|Safe City|Smart City|Early Warning|Air Defense|Big|Open|Global|"
    r"National|Federal|State|Public|Social|Mobile|Artificial|Emerging|Critical|Digital|High|New)\s+)+"
    r"(?:Technologies|Tech|Systems|Networks|Cloud|AI|Data|Digital|Software)$"
)
# A public body's name, not a company's: "the Ministry of Transport, Communications and ...".
GOVERNMENT_BEFORE = re.compile(
    r"\b(?:Ministry|Committee|Agency|Department|Service|Institute|University|Academy|Council|"
    r"Commission|Union|Association)\b[^.;]{0,45}$|\bof\s+$"
)
_LEGAL_TAIL = re.compile(rf",?\s+(?:{LEGAL_FORMS})$")


@dataclass(frozen=True)
class Candidate:
    name: str  # as the memo first writes it, legal form included
    count: int
    context: str  # the first sentence naming it


def base_name(name: str) -> str:
    """The name without its legal form: "Steppe Vision Technologies LLP" -> "Steppe Vision Technologies"."""
    return _LEGAL_TAIL.sub("", name).strip()


def _trim(name: str) -> str:
    words = name.split()
    while words and words[0] in LEADING:
        words.pop(0)
    return " ".join(words)


def _known(vendors: Sequence[VendorEntry]) -> re.Pattern | None:
    spellings = {s for v in vendors for s in (v.name, *v.aliases) if s}
    if not spellings:
        return None
    alternatives = "|".join(re.escape(s) for s in sorted(spellings, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


_BREAK = re.compile(r"[.!?…][\"'”»)]*\s+(?=[\"“«(]?[A-ZА-ЯЁ0-9])|\n\s*\n")


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around text[start:end], whitespace collapsed, at most CONTEXT_LIMIT characters."""
    lo, hi = 0, len(text)
    for m in _BREAK.finditer(text):
        if m.end() <= start:
            lo = m.end()
        elif m.start() >= end:
            hi = m.start() + 1 if text[m.start()] != "\n" else m.start()
            break
    sentence = " ".join(text[lo:hi].split())
    if len(sentence) <= CONTEXT_LIMIT:
        return sentence
    at = sentence.find(" ".join(text[start:end].split()))
    a = max(0, at - CONTEXT_LIMIT // 3)
    return ("…" if a else "") + sentence[a : a + CONTEXT_LIMIT - 2].rsplit(" ", 1)[0] + "…"


def find_candidates(body: str, vendors: Sequence[VendorEntry] = ()) -> dict[str, Candidate]:
    """Organisations in the body that look like technology companies but are not in `vendors`,
    by base name (legal form dropped), in order of first appearance.

    Headings are left out: title case makes every "Kazakhstan's Telecom Reform" look like a name.
    """
    known = _known(vendors)
    text = "\n\n".join(p for p in body.split("\n\n") if _is_prose(p))
    lowercase = set(re.findall(r"\b[a-z]+\b", text))
    found: dict[str, tuple[str, int, int]] = {}  # base name -> (name, start, end)

    def note(name: str, start: int, end: int) -> None:
        name = _trim(name.strip(" ,"))
        words = name.split()
        # A sentence's first word is capitalised whatever it is: "Later Steppe Vision Technologies".
        if len(words) > 1 and words[0].lower() in lowercase and _opens_sentence(text, start):
            name = " ".join(words[1:])
        base = base_name(name)
        if len(base.split()) < 2 and base == name:
            return  # a single word with no legal form: "Huawei", "Systems"
        if NOT_COMPANIES.match(base) or (known and known.search(name)):
            return
        if re.search(r"['’]s\b", name) or GOVERNMENT_BEFORE.search(text[max(0, start - 60) : start]):
            return  # "Moldova's Telecom", "Ministry of Transport, Communications and High Technologies"
        if base not in found or start < found[base][1]:
            found[base] = (name, start, end)

    for m in SUFFIXED.finditer(text):
        note(m["name"], m.start("name"), m.end("name"))
    for m in GROUP.finditer(text):
        if TECH_CONTEXT.search(_sentence(text, m.start(), m.end())):
            note(m["name"], m.start("name"), m.end("name"))
    for pattern in PHRASES:
        for m in pattern.finditer(text):
            name = m["name"]
            # A phrase names the company itself: "Chinese company Dahua" gives "Dahua", a single
            # word, which the cue makes a name.
            trimmed = _trim(name)
            if trimmed and (len(trimmed.split()) > 1 or _LEGAL_TAIL.search(trimmed)):
                note(name, m.start("name"), m.end("name"))
            elif trimmed and not (known and known.search(trimmed)) and trimmed not in LEADING:
                base = trimmed
                if base not in found or m.start("name") < found[base][1]:
                    found[base] = (trimmed, m.start("name"), m.end("name"))

    result = {}
    for base, (name, start, end) in sorted(found.items(), key=lambda item: item[1][1]):
        if any(base != other and re.search(rf"(?<!\w){re.escape(base)}(?!\w)", other) for other in found):
            continue  # "Vision Technologies" inside "Steppe Vision Technologies"
        count = len(re.findall(rf"(?<![\w]){re.escape(base)}(?!\w)", text))
        result[base] = Candidate(name, max(count, 1), _sentence(text, start, end))
    return result


def _is_prose(paragraph: str) -> bool:
    """Body paragraphs, not headings: a heading is short and ends without a full stop."""
    text = paragraph.strip()
    return len(text.split()) > 12 or text.endswith((".", "!", "?", "…", ":", ";", '"', "”", "»"))


def _opens_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start]
    return (
        start == 0 or not before.strip() and "\n" in before or bool(re.search(r"[.!?…][\"'”»)]*\s+$", before))
    )

"""How to cite a memo: the PONARS style line, a BibTeX entry and an RIS record."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from ..models import Memo

MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
PONARS = "PONARS Eurasia"
PONARS_HOST = "ponarseurasia.org"
MEMO_WORDING = "Policy Memo"


# --- What every format needs ---------------------------------------------------------------------


def author_names(memo: Memo) -> list[str]:
    """Authors in byline order, from the prefetched authorships when the view fetched them."""
    return [s.author.name for s in sorted(memo.authorships.all(), key=lambda s: s.position)]


def is_ponars(memo: Memo) -> bool:
    """Whether PONARS Eurasia published the memo.

    A URL on another site says no. Without URLs, PONARS's own marks say yes: a memo number,
    a PDF named "Pepm…" (PONARS Eurasia Policy Memo) or the site's "Policy Memos" category.
    Anything else is cited without a publisher rather than credited to the wrong one.
    """
    hosts = {urlsplit(url).hostname for url in (memo.source_url, memo.pdf_url) if url}
    hosts.discard(None)
    if hosts:
        return any(h == PONARS_HOST or h.endswith("." + PONARS_HOST) for h in hosts)
    pdf_name = memo.pdf_url.rsplit("/", 1)[-1].lower()
    return (
        memo.memo_number is not None
        or pdf_name.startswith("pepm")
        or memo.category.strip().casefold() == "policy memos"
    )


def publisher(memo: Memo) -> str:
    return PONARS if is_ponars(memo) else ""


def memo_wording(memo: Memo) -> str:
    """What the memo is: "PONARS Eurasia Policy Memo", a named series, or "Policy Memo".

    PONARS's numeric series ("2", "3") say nothing to a reader and are left out.
    """
    if is_ponars(memo):
        return f"{PONARS} {MEMO_WORDING}"
    series = " ".join(memo.series.split())
    if series and not series.isdigit():
        return series
    return MEMO_WORDING


def one_line(text: str) -> str:
    return " ".join(text.split())


def public_url(memo: Memo) -> str:
    """The memo's address on the web: its source page, else its PDF, if absolute."""
    for url in (memo.source_url, memo.pdf_url):
        if urlsplit(url).scheme in ("http", "https"):
            return url.strip()
    return ""


# --- PONARS style --------------------------------------------------------------------------------


def join_names(names: list[str]) -> str:
    """ "A", "A and B", "A, B, and C" (with the serial comma, as PONARS writes it)."""
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def ponars_citation(memo: Memo) -> str:
    """Juliet Johnson and Benjamin Forest, “Waving the EU Flag in Eurasia,” PONARS Eurasia
    Policy Memo No. 590, April 2019.

    Missing parts (authors, number, date) are left out with their punctuation.
    """
    # Quotes inside the title turn single, as they do inside a quotation.
    title = one_line(memo.title).translate(str.maketrans({"“": "‘", "”": "’", '"': "'"}))
    # A title ending in ? or ! takes no comma inside the closing quote.
    quoted = f"“{title}”" if title.endswith(("?", "!")) else f"“{title},”"
    wording = memo_wording(memo)
    if memo.memo_number is not None:
        wording += f" No. {memo.memo_number}"
    parts = [wording]
    if memo.published:
        parts.append(f"{MONTHS[memo.published.month - 1]} {memo.published.year}")
    names = join_names([one_line(n) for n in author_names(memo)])
    lead = f"{names}, {quoted}" if names else quoted
    return f"{lead} {', '.join(parts)}."


# --- BibTeX --------------------------------------------------------------------------------------

# Cyrillic to Latin for citation keys only (scholarly-style, lower case).
CYRILLIC = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "i",
    "є": "ie", "ў": "u",
})  # fmt: skip
KEY_SKIP = {"a", "an", "the", "of", "on", "in", "and", "for", "to", "at", "by", "with", "from"}
BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}
BIBTEX_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def ascii_words(text: str) -> list[str]:
    """Lower-case ASCII words of `text`: accents dropped, Cyrillic transliterated."""
    text = text.lower().translate(CYRILLIC)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.findall(r"[a-z0-9]+", text)


def family_name(name: str) -> str:
    """The family name of "First Middle Last" (or of "Last, First")."""
    name = one_line(name)
    if "," in name:
        return name.split(",", 1)[0].strip()
    return name.rsplit(" ", 1)[-1]


def bibtex_key(memo: Memo) -> str:
    """A key that stays the same for a memo: family name, year, first title word (marat2018chinese)."""
    names = author_names(memo)
    family = "".join(ascii_words(family_name(names[0]))) if names else ""
    year = str(memo.published.year) if memo.published else ""
    word = next((w for w in ascii_words(memo.title) if w not in KEY_SKIP), "")
    key = f"{family}{year}{word}"
    return key if family or word else f"memo{memo.pk}{year}"


def bibtex_escape(text: str) -> str:
    return "".join(BIBTEX_SPECIAL.get(ch, ch) for ch in one_line(text))


def bibtex_name(name: str) -> str:
    name = bibtex_escape(name)
    # A name containing " and " would split in two: braces keep it one.
    return f"{{{name}}}" if re.search(r"\sand\s", name, re.I) else name


def bibtex_url(url: str) -> str:
    # URLs go in verbatim; only characters that would unbalance the entry are encoded.
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D").replace(" ", "%20")


def bibtex(memo: Memo) -> str:
    """A @techreport entry (a @misc one when the publisher is not known)."""
    ponars = is_ponars(memo)
    fields: list[tuple[str, str]] = []
    names = author_names(memo)
    if names:
        fields.append(("author", "{" + " and ".join(bibtex_name(n) for n in names) + "}"))
    # Double braces keep the title's capitals as written.
    fields.append(("title", "{{" + bibtex_escape(memo.title) + "}}"))
    if ponars:
        fields += [("institution", "{" + PONARS + "}"), ("type", "{" + MEMO_WORDING + "}")]
    else:
        fields.append(("howpublished", "{" + bibtex_escape(memo_wording(memo)) + "}"))
    if memo.memo_number is not None:
        fields.append(("number", f"{{{memo.memo_number}}}"))
    if memo.published:
        fields += [
            ("year", f"{{{memo.published.year}}}"),
            ("month", BIBTEX_MONTHS[memo.published.month - 1]),  # a macro, so not braced
        ]
    if memo.language == "ru":
        fields.append(("language", "{russian}"))
    url = public_url(memo)
    if url:
        fields.append(("url", "{" + bibtex_url(url) + "}"))
    kind = "techreport" if ponars else "misc"
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@{kind}{{{bibtex_key(memo)},\n{body}\n}}\n"


# --- RIS -----------------------------------------------------------------------------------------

RIS_NEWLINE = "\r\n"  # the RIS specification's line ending


def ris_name(name: str) -> str:
    """ "Last, First Middle", as RIS readers split authors."""
    name = one_line(name)
    if "," in name or " " not in name:
        return name
    first, last = name.rsplit(" ", 1)
    return f"{last}, {first}"


def ris(memo: Memo) -> str:
    """An RIS record (TY  - RPRT ... ER  - ), CRLF line endings, tags as Zotero reads reports."""
    lines = [("TY", "RPRT")]
    lines += [("AU", ris_name(n)) for n in author_names(memo)]
    lines.append(("TI", one_line(memo.title)))
    lines.append(("T2", memo_wording(memo)))  # series title
    if memo.memo_number is not None:
        lines.append(("SN", str(memo.memo_number)))  # report number
    if is_ponars(memo):
        lines.append(("PB", PONARS))
    if memo.published:
        lines.append(("PY", str(memo.published.year)))
        lines.append(("DA", memo.published.strftime("%Y/%m/%d")))
    if memo.language:
        lines.append(("LA", memo.language))
    url = public_url(memo)
    if url:
        lines.append(("UR", url))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}{RIS_NEWLINE}" for tag, value in lines)

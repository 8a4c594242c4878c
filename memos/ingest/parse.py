"""Bytes of a page -> ParsedMemo: decode, tell HTML from a text dump by content, dispatch."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

from .bios import split_bios
from .boilerplate import clean_summary, strip_boilerplate
from .fields import unique_names
from .html import parse_html
from .parsed import ParsedMemo, ParseError
from .sanitize import blocks_to_html, clean_url
from .text import parse_text, stand_in_title

_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_HTML_TAGS = re.compile(r"<(?:p|div|article|h[1-6]|meta|title|span|a)\b[^>]*>", re.I)


@dataclass
class Decoded:
    text: str
    encoding: str  # the codec that read the bytes (Python's name for it)
    warning: str | None = None  # a declared charset the bytes contradicted


# Removed from decoded text: NUL, which PostgreSQL cannot store, and the other C0 controls, which
# XML (the feed) cannot carry; vertical tab and form feed (page breaks in text dumps) end a line.
_STRIPPED = re.compile(r"[\x00-\x08\x0e-\x1f]")
_LINE_BREAKS = re.compile(r"[\x0b\x0c]")
_CONTROLS = [chr(code) for code in range(0x20) if chr(code) not in "\t\n\r"]  # either's characters
# How much more disorder (charset-normalizer's mess ratio, 0 to 1) a declared charset's reading
# may show than the best one before the declaration counts as contradicted. Encodings of one
# family (windows-1252, iso-8859-1, -15) read most text alike; a wrong family reads as mojibake.
DECLARED_SLACK = 0.05


def decode(data: bytes) -> str:
    """Text from bytes in whatever encoding the page came in (see read_text)."""
    return read_text(data).text


def read_text(data: bytes) -> Decoded:
    """Text from bytes, decoded by what the bytes show, not by what the page declares.

    A byte-order mark is trusted. Bytes that are valid UTF-8 (and not plain ASCII, which every
    charset reads alike) are UTF-8: a legacy page is almost never valid UTF-8 by chance. Other
    bytes are read in the charset the page declares unless charset-normalizer finds that reading
    messier than its best guess (Latin-1 Russian is mojibake; windows-1251 Russian is not).
    A declaration the bytes contradict gives a warning. NUL and other control characters are
    removed (see _STRIPPED), so no field can carry them to the database or the feed.
    """
    if not data.strip():
        raise ParseError("empty file")
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ParseError("binary file, not a web page or text")
    decoded = by_evidence(data)
    # Most pages have no control character at all: then none is counted, removed or replaced.
    if has_controls(decoded.text):
        if looks_binary(decoded.text):
            raise ParseError("binary file, not a web page or text")
        decoded.text = _LINE_BREAKS.sub("\n", _STRIPPED.sub("", decoded.text))
    return decoded


def has_controls(text: str) -> bool:
    """Whether `text` holds a character of _STRIPPED or _LINE_BREAKS (and so of _CONTROL), looked
    for one by one: str's search for a character is far faster than a pattern's for a class."""
    return any(map(text.__contains__, _CONTROLS))  # each looked for in C, no loop in Python


def declared_charset(data: bytes) -> str | None:
    """Python's name of the charset a page's <meta> declares, if it names one Python knows."""
    declared = _DECLARED_CHARSET.search(data[:4096])
    if not declared:
        return None
    try:
        return codecs.lookup(declared.group(1).decode("ascii")).name
    except LookupError:
        return None


def by_evidence(data: bytes) -> Decoded:
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):  # fmt: skip
        if data.startswith(bom):
            return Decoded(data.decode(encoding, errors="replace"), encoding)
    declared = declared_charset(data)
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = by_detection(data, declared)
    if declared is None or declared == encoding or (data.isascii() and is_ascii_compatible(declared)):
        return Decoded(text, encoding)
    label = _DECLARED_CHARSET.search(data[:4096]).group(1).decode("ascii").lower()
    return Decoded(
        text, encoding, f"the page declares {label}, but its bytes are {encoding}: read as {encoding}"
    )


def by_detection(data: bytes, declared: str | None) -> tuple[str, str]:
    """Bytes that are not UTF-8: the declared charset if it reads them as well as the best guess."""
    best = from_bytes(data).best()
    if declared is not None:
        try:
            text = data.decode(declared)
        except UnicodeDecodeError:
            pass
        else:
            if best is None or best.encoding == declared:
                return text, declared
            own = from_bytes(data, cp_isolation=[declared], threshold=1.0).best()
            if own is not None and own.chaos <= best.chaos + DECLARED_SLACK:
                return text, declared
    if best is None:
        raise ParseError("binary file, not a web page or text")
    return str(best), best.encoding


def is_ascii_compatible(encoding: str) -> bool:
    return b"ascii text".decode(encoding, errors="replace") == "ascii text"


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def looks_binary(text: str) -> bool:
    sample = text[:4096]
    return len(_CONTROL.findall(sample)) > len(sample) * 0.05


def detect_format(text: str) -> str:
    """ "html" or "text", from the content alone (never the file name)."""
    if _HTML_START.match(text) or len(_HTML_TAGS.findall(text[:20000])) >= 5:
        return "html"
    return "text"


def parse_page(data: bytes, source_url: str | None = None) -> ParsedMemo:
    """Read one page. Raises ParseError with a reason a person can act on."""
    decoded = read_text(data)
    text = decoded.text
    memo = parse_html(text) if detect_format(text) == "html" else parse_text(text)
    if decoded.warning:
        memo.warnings.append(decoded.warning)
    if source_url and not memo.source_url:
        memo.source_url = source_url
    memo.authors = unique_names(memo.authors)
    # As they will be stored (memos.models.URLField), so that finding the memo by URL compares alike.
    memo.source_url = clean_url(memo.source_url) or None
    memo.pdf = clean_url(memo.pdf) or None
    if not memo.blocks:
        raise ParseError("no memo text found")
    if not memo.title:
        first = next((b.text for b in memo.blocks if b.kind == "p"), memo.blocks[0].text)
        memo.title = stand_in_title(first)
        memo.warnings.append("no title found on the page: the memo's first words stand in for one")
    if not memo.body_html:
        memo.body_html = blocks_to_html(memo.blocks)
    # Publisher boilerplate opens many summaries ("(PONARS Eurasia Policy Memo) …"): never kept.
    memo.summary = clean_summary(memo.summary, memo.title) or summarize(memo)
    memo.bio, memo.author_bios = split_bios(memo.bio, memo.authors)
    return memo


def summarize(memo: ParsedMemo, limit: int = 300) -> str:
    """The first paragraph (without boilerplate), cut at a sentence end near `limit` characters."""
    paragraphs = (strip_boilerplate(b.text).strip() for b in memo.blocks if b.kind == "p")
    first = next((p for p in paragraphs if p), "")
    if len(first) <= limit:
        return first
    cut = first.rfind(". ", 0, limit)
    return first[: cut + 1] if cut > 80 else first[:limit].rsplit(" ", 1)[0] + "…"

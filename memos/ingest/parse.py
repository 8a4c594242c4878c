"""Bytes of a page -> ParsedMemo: decode, tell HTML from a text dump by content, dispatch."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from .html import parse_html
from .parsed import ParsedMemo, ParseError
from .sanitize import blocks_to_html, clean_url
from .text import parse_text

_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_HTML_TAGS = re.compile(r"<(?:p|div|article|h[1-6]|meta|title|span|a)\b[^>]*>", re.I)


def decode(data: bytes) -> str:
    """Text from bytes in whatever encoding the page came in.

    Order of trust: a byte-order mark, a charset the page declares, strict UTF-8,
    then charset-normalizer's guess (which tells windows-1251 Russian from Latin-1).
    """
    if not data.strip():
        raise ParseError("empty file")
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ParseError("binary file, not a web page or text")
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):  # fmt: skip
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    declared = _DECLARED_CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(codecs.lookup(declared.group(1).decode("ascii")).name, errors="replace")
        except LookupError:
            pass  # an unknown name: fall through to detection
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise ParseError("binary file, not a web page or text")
    return str(best)


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
    text = decode(data)
    if looks_binary(text):
        raise ParseError("binary file, not a web page or text")
    memo = parse_html(text) if detect_format(text) == "html" else parse_text(text)
    if source_url and not memo.source_url:
        memo.source_url = source_url
    # As they will be stored (memos.models.URLField), so that finding the memo by URL compares alike.
    memo.source_url = clean_url(memo.source_url) or None
    memo.pdf = clean_url(memo.pdf) or None
    if not memo.title:
        raise ParseError("no memo title found")
    if not memo.blocks:
        raise ParseError("no memo text found")
    if not memo.body_html:
        memo.body_html = blocks_to_html(memo.blocks)
    if not memo.summary:
        memo.summary = summarize(memo)
    return memo


def summarize(memo: ParsedMemo, limit: int = 300) -> str:
    """The first paragraph, cut at a sentence end near `limit` characters."""
    first = next((b.text for b in memo.blocks if b.kind == "p"), "")
    if len(first) <= limit:
        return first
    cut = first.rfind(". ", 0, limit)
    return first[: cut + 1] if cut > 80 else first[:limit].rsplit(" ", 1)[0] + "…"

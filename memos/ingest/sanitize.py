"""Imported HTML is hostile: only a small set of tags and attributes survives, via nh3; URLs are
cleaned (clean_url) before any is stored."""

import re
from html import escape
from urllib.parse import quote, urlsplit

import nh3

ALLOWED_TAGS = {
    "p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "em", "strong", "i",
    "b", "a", "br", "sup", "sub", "table", "thead", "tbody", "tr", "th", "td", "figure",
    "figcaption", "hr", "abbr", "cite", "q", "code", "pre",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}


def clean_html(html: str) -> str:
    """Markup safe to render: no scripts, handlers, styles, frames or javascript: links."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener noreferrer",
        strip_comments=True,
    ).strip()


def blocks_to_html(blocks) -> str:
    """HTML for a body read from text: paragraphs, section headings and lists."""
    parts: list[str] = []
    in_list = False
    for block in blocks:
        if block.kind == "li" and not in_list:
            parts.append("<ul>")
            in_list = True
        elif block.kind != "li" and in_list:
            parts.append("</ul>")
            in_list = False
        tag = {"h": "h2", "li": "li"}.get(block.kind, "p")
        parts.append(f"<{tag}>{escape(block.text, quote=False)}</{tag}>")
    if in_list:
        parts.append("</ul>")
    return "\n".join(parts)


URL_MAX_LENGTH = 1000  # the URL columns' length; a URL cut short would point somewhere else
URL_SCHEMES = {"http", "https"}
# What browsers drop from a URL, as the WHATWG URL standard says: tabs and newlines anywhere,
# control characters and spaces at either end.
_URL_DROPPED = re.compile(r"[\t\n\r]")
_URL_ENDS = "".join(map(chr, range(0x21)))
# What no URL may carry as it is: the rest of the control characters and every kind of space
# or line break, which would end a line of an RIS record or a BibTeX field, and the characters
# that would end an HTML attribute or open a tag (browsers percent-encode them too).
_URL_ENCODED = re.compile(r'[\x00-\x20"<>`\x7f-\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]')


def clean_url(url: str | None) -> str:
    """A URL safe to store and to write anywhere: on one line, http(s) or relative, or "".

    Every stored URL goes through this (memos.models.URLField). Characters browsers ignore are
    dropped, other controls and spaces percent-encoded, so a canonical link holding CR/LF cannot
    forge a line of a citation; a javascript: or data: URL, or one too long to store whole,
    becomes "" (none), as does anything urllib cannot read as a URL.
    """
    url = _URL_DROPPED.sub("", (url or "").strip(_URL_ENDS))
    url = _URL_ENCODED.sub(lambda m: quote(m.group(), safe=""), url)
    try:
        scheme = urlsplit(url).scheme
    except ValueError:  # an unbalanced [ in the host, say
        return ""
    if (scheme and scheme.lower() not in URL_SCHEMES) or len(url) > URL_MAX_LENGTH:
        return ""
    return url

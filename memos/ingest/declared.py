"""What an HTML page declares about itself: JSON-LD, microdata, OpenGraph, citation_* and DC meta."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from datetime import date

from bs4 import BeautifulSoup, Tag

from .fields import clean_space, looks_like_names, normalize_language, parse_date, split_authors

ARTICLE_TYPES = {
    "article", "newsarticle", "scholarlyarticle", "report", "blogposting", "analysisnewsarticle",
    "opinionnewsarticle", "creativework", "webpage", "techarticle", "posting", "socialmediaposting",
}  # fmt: skip


@dataclass
class Declared:
    """Fields a page states in machine-readable form; each may be missing."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: date | None = None
    topics: list[str] = field(default_factory=list)
    section: str | None = None
    language: str | None = None
    source_url: str | None = None
    summary: str | None = None
    pdf: str | None = None
    site_name: str | None = None
    title_tag: str = ""
    meta_authors: list[str] = field(default_factory=list)  # <meta name="author">: often the site


def first(*candidates):
    for candidate in candidates:
        if candidate:
            return candidate
    return None


class Metas:
    """The page's <meta name|property=... content=...> tags, read once."""

    def __init__(self, soup: BeautifulSoup):
        self.pairs = [
            ((m.get("property") or m.get("name") or "").lower(), clean_space(m.get("content") or ""))
            for m in soup.find_all("meta")
        ]

    def __call__(self, *names: str) -> list[str]:
        """Contents for any of `names`, in document order."""
        wanted = {n.lower() for n in names}
        return [content for key, content in self.pairs if key in wanted and content]


def _unescape_strings(node: dict) -> dict:
    # WordPress writes HTML entities into JSON-LD strings ("Tashkent&#8217;s").
    return {k: html.unescape(v) if isinstance(v, str) else v for k, v in node.items()}


def json_ld_article(soup: BeautifulSoup) -> dict:
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

    for script in soup.find_all("script", type=re.compile(r"ld\+json", re.I)):
        try:
            walk(json.loads(script.string or "", object_hook=_unescape_strings))
        except (json.JSONDecodeError, TypeError):
            continue  # broken JSON-LD is the site's problem; the rest of the page still counts
    # A page's WebPage wrapper comes after its Article in importance.
    found.sort(key=lambda n: str(n.get("@type")).lower() in ("webpage", "creativework"))
    return found[0] if found else {}


def person_names(value) -> list[str]:
    """Author names from JSON-LD: a string, a Person, or a list of them (organizations skipped)."""
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


def string_list(value) -> list[str]:
    if isinstance(value, str):
        return [t.strip() for t in value.split(",") if t.strip()]
    if isinstance(value, list):
        return [clean_space(str(v)) for v in value if str(v).strip()]
    return []


def _prop_value(el: Tag) -> str:
    return clean_space(el.get("content") or el.get("datetime") or el.get_text(" "))


def microdata_article(soup: BeautifulSoup) -> dict:
    """schema.org microdata of the page's Article: headline, authors, dates, keywords, section."""
    scopes = [
        el
        for el in soup.find_all(attrs={"itemscope": True})
        if str(el.get("itemtype", "")).rstrip("/").rsplit("/", 1)[-1].lower() in ARTICLE_TYPES
    ]
    if not scopes:
        return {}
    scope = max(scopes, key=lambda el: len(el.get_text()))

    def own(prop: str) -> list[Tag]:
        # Properties of this item, not of items nested in it (a publisher's "name").
        return [
            el for el in scope.find_all(attrs={"itemprop": prop})
            if el.find_parent(attrs={"itemscope": True}) is scope
        ]  # fmt: skip

    authors = []
    for el in own("author"):
        name = el.find(attrs={"itemprop": "name"}) if el.has_attr("itemscope") else None
        authors.extend(split_authors(_prop_value(name or el)))
    keywords = [k for el in own("keywords") for k in string_list(_prop_value(el))]
    return {
        "headline": first(*[_prop_value(el) for el in own("headline") + own("name")]),
        "authors": authors,
        "datePublished": first(*[_prop_value(el) for el in own("datePublished")]),
        "keywords": keywords,
        "articleSection": first(*[_prop_value(el) for el in own("articleSection")]),
        "inLanguage": first(*[_prop_value(el) for el in own("inLanguage")]),
    }


def strip_site_name(title: str, site_name: str | None, strict: bool = False) -> str:
    """ "Memo Title - PONARS Eurasia" and "PONARS Eurasia - Memo Title" -> "Memo Title".

    `strict` strips only the declared site name: OpenGraph titles are usually clean, and a
    real title may contain " - ". Otherwise a short part (a site name) at either end goes.
    """
    parts = re.split(r"\s+[|\-–—»:]\s+", title)
    if len(parts) < 2:
        return title
    named = {site_name.casefold()} if site_name else set()
    head, tail = parts[0], parts[-1]
    if tail.casefold() in named or not strict and len(tail.split()) <= 5 and len(head.split()) > 4:
        return clean_space(title[: title.rfind(tail)].rstrip(" |-–—»:"))
    if head.casefold() in named or not strict and len(head.split()) <= 4:
        return clean_space(title[len(head) :].lstrip(" |-–—»:"))
    return title


def read_declared(soup: BeautifulSoup) -> Declared:
    """Everything the page declares, read before any element is removed."""
    ld = json_ld_article(soup)
    md = microdata_article(soup)
    meta_values = Metas(soup)
    site_name = first(*meta_values("og:site_name"))
    section = ld.get("articleSection")
    if isinstance(section, list):
        section = section[0] if section else None
    html_tag = soup.find("html")
    canonical = soup.find("link", rel="canonical")
    source_url = first(
        canonical.get("href") if canonical else None,
        *meta_values("og:url"),
        ld.get("url") if isinstance(ld.get("url"), str) else None,
    )
    if source_url and not source_url.startswith(("http://", "https://")):
        source_url = None
    dates = [ld.get("datePublished"), ld.get("dateCreated"), md.get("datePublished")]
    return Declared(
        title=first(
            clean_space(str(ld.get("headline") or ld.get("name") or "")),
            *meta_values("citation_title", "dc.title"),
            md.get("headline"),
            *[strip_site_name(t, site_name, strict=True) for t in meta_values("og:title")],
        ),
        authors=first(
            person_names(ld.get("author")),
            [n for v in meta_values("citation_author", "dc.creator") for n in split_authors(v)],
            md.get("authors"),
        )
        or [],
        published=first(
            *[parse_date(str(v)) for v in dates if v],
            *[
                parse_date(v)
                for v in meta_values(
                    "article:published_time",
                    "citation_publication_date",
                    "citation_date",
                    "dc.date",
                    "dc.date.issued",
                    "date",
                    "pubdate",
                )  # fmt: skip
            ],
        ),
        topics=first(string_list(ld.get("keywords")), meta_values("article:tag"), md.get("keywords")) or [],
        section=first(
            clean_space(str(section or "")), *meta_values("article:section"), md.get("articleSection")
        ),  # fmt: skip
        language=normalize_language(
            first(
                str(ld.get("inLanguage") or ""),
                md.get("inLanguage"),
                html_tag.get("lang") if html_tag else None,
                *meta_values("og:locale", "citation_language", "dc.language"),
            )
        ),
        source_url=source_url,
        summary=first(
            *meta_values("og:description", "description", "twitter:description"),
            clean_space(str(ld.get("description") or "")),
        ),
        pdf=first(*meta_values("citation_pdf_url")),
        site_name=site_name,
        title_tag=clean_space(soup.title.get_text()) if soup.title else "",
        meta_authors=[n for v in meta_values("author") if looks_like_names(v) for n in split_authors(v)],
    )

"""What a memo page tells machines about the memo: Highwire citation_* tags (Google Scholar,
Zotero), Dublin Core, OpenGraph and a schema.org Report in JSON-LD."""

from __future__ import annotations

from ..models import Memo
from .citations import author_names, memo_wording, public_url, publisher


def meta_tags(memo: Memo, page_url: str, absolute) -> list[tuple[str, str, str]]:
    """(attribute, key, content) of each <meta>: name= for citation_* and DC.*, property= for OG.

    `absolute` turns a path on this site into an absolute URL.
    """
    names = author_names(memo)
    topics = [t.name for t in memo.shown_topics]
    pdf = memo.pdf_href
    institution = publisher(memo) or memo_wording(memo)
    tags = [("name", "citation_title", memo.title)]
    tags += [("name", "citation_author", name) for name in names]
    if memo.published:
        tags.append(("name", "citation_publication_date", memo.published.strftime("%Y/%m/%d")))
    if pdf:
        tags.append(("name", "citation_pdf_url", pdf))
    tags.append(("name", "citation_technical_report_institution", institution))
    if memo.memo_number is not None:
        tags.append(("name", "citation_technical_report_number", str(memo.memo_number)))
    if memo.language:
        tags.append(("name", "citation_language", memo.language))
    tags.append(("name", "citation_abstract_html_url", page_url))
    tags += [("name", "citation_keywords", topic) for topic in topics]

    tags.append(("name", "DC.title", memo.title))
    tags += [("name", "DC.creator", name) for name in names]
    if memo.published:
        tags.append(("name", "DC.date", memo.published.isoformat()))
    if publisher(memo):
        tags.append(("name", "DC.publisher", publisher(memo)))
    tags += [("name", "DC.subject", topic) for topic in topics]
    if memo.summary:
        tags.append(("name", "DC.description", memo.summary))
    tags += [("name", "DC.type", "Text"), ("name", "DC.format", "text/html")]
    tags.append(("name", "DC.identifier", page_url))
    if memo.language:
        tags.append(("name", "DC.language", memo.language))

    tags += [
        ("property", "og:type", "article"),
        ("property", "og:title", memo.title),
        ("property", "og:url", page_url),
        ("property", "og:site_name", "Policy Memo Archive"),
    ]
    if memo.summary:
        tags.append(("property", "og:description", memo.summary))
    if memo.published:
        tags.append(("property", "article:published_time", memo.published.isoformat()))
    tags += [("property", "article:author", absolute(a.get_absolute_url())) for a in memo.author_list]
    tags += [("property", "article:tag", topic) for topic in topics]
    return tags


def json_ld(memo: Memo, page_url: str, permalink: str, countries, absolute) -> dict:
    """A schema.org Report: authors as Persons, the series it is part of, the countries it is about."""
    report = {
        "@context": "https://schema.org",
        "@type": "Report",
        "name": memo.title,
        "headline": memo.title[:110],
        "url": page_url,
        "identifier": permalink,
        "author": [
            {"@type": "Person", "name": a.name, "url": absolute(a.get_absolute_url())}
            for a in memo.author_list
        ],
        "isPartOf": {"@type": "CreativeWorkSeries", "name": memo_wording(memo)},
        "about": [
            {
                "@type": "Country",
                "name": m.country.name,
                "identifier": m.country_id,
                "url": absolute(m.country.get_absolute_url()),
            }
            for m in countries
        ],  # fmt: skip
        "keywords": [t.name for t in memo.shown_topics],
    }
    if memo.published:
        report["datePublished"] = memo.published.isoformat()
    if memo.language:
        report["inLanguage"] = memo.language
    if memo.memo_number is not None:
        report["reportNumber"] = str(memo.memo_number)
    if publisher(memo):
        report["publisher"] = {"@type": "Organization", "name": publisher(memo)}
    if memo.summary:
        report["description"] = memo.summary
    if memo.pdf_href:
        report["encoding"] = {
            "@type": "MediaObject",
            "contentUrl": memo.pdf_href,
            "encodingFormat": "application/pdf",
        }
    if public_url(memo) and public_url(memo) != memo.pdf_href:
        report["sameAs"] = public_url(memo)
    return report

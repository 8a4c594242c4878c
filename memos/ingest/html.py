"""HTML memo pages: trust what the page declares, then find the article among the chrome."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from itertools import islice

from bs4 import BeautifulSoup, NavigableString, Tag

from .declared import first, read_declared, strip_site_name
from .fields import (
    DIGIT,
    MARKED_BYLINE,
    PIECE_BY,
    blog_owner,
    byline_names,
    capitals_issue_opening,
    cited_authors,
    cited_number,
    clean_space,
    credit_lead,
    dash_lead,
    date_at_end,
    date_at_start,
    filed_in,
    is_kind_label,
    is_role,
    journal_over_volume,
    kind_opening_title,
    labelled_date,
    language_of,
    lead_names,
    looks_like_names,
    memo_number_of,
    parse_date,
    read_label,
    read_numbered,
    run_on_facts,
    split_authors,
    valid_value,
    without_date,
    without_role_after_dash,
    writes_lead,
)
from .given_names import People, first_named
from .head import READING_TIME_AT_END, RELATIVE_DATE, bare_names, dateline_names, is_furniture, split_title
from .parsed import Block, ParsedMemo, ParseError
from .sanitize import clean_html
from .text import END_MARKERS, PROSE_MIN, has_sentence, is_heading, is_sentence_list, read_labels, split_bio

# Class or id tokens of page furniture: menus, sidebars, related lists, footers.
CHROME = re.compile(
    # An article's own footer and header ("entry-footer") hold its tags and PDF link.
    r"^(?!(?:entry|post|article|memo|node)[-_](?:footer|header)$)"
    r"(?:.*[-_])?(?:sidebar|menu|menus|nav|navbar|navigation|footer|breadcrumbs?|share|"
    r"sharing|share-buttons|social|comments?|podcasts?|newsletter|subscribe|recommended|popular|"
    r"recent|pagination|pager|pagenav|cookie|also-like|you-may-also-like|prev|next|previous|"
    r"adjacent|related(?![-_]?(?:topics|tags))|more-posts|more-stories|more-from|read-next|"
    r"trending|site-header|masthead|pathway)"
    r"(?:[-_].*)?$"
    # Widgets: WordPress sidebars ("widget", "widget_recent_entries"), not page builders'
    # "elementor-widget-theme-post-content", which is the article itself.
    r"|^(?:widget|widgets|widget-area|widget_\w+|moduletable\w*)$",
    re.I,
)
NAV = frozenset(("nav",))
TOC_CLASS = re.compile(r"^(?:toc|table-of-contents)$", re.I)
CHROME_TAGS = ["nav", "aside", "form", "button", "select", "input", "dialog"]
CHROME_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search"}
JUNK_TAGS = ["script", "style", "noscript", "template", "svg", "iframe", "object", "embed",
             "canvas", "link", "meta"]  # fmt: skip
BODY_CLASS = re.compile(
    r"^(?:entry-content|post-content|article-content|article-body|articlebody|field-name-body|"
    r"post-body|content-body|story-body|memo-body|memo-text|body-text|node-body|single-content|"
    r"article__body|post__content|rich-text|text-body|field--name-body|gh-content|"
    r"post-full-content|article-text|entry-text|post-text|story-text|main-text)$",
    re.I,
)
BIO_CLASS = re.compile(
    r"^(?:.*[-_])?(?:bio|bios|author-bio|author-info|about-author|about-the-author|"
    r"author-description|author-box|authorbox|field-name-field-bio|contributor-bio)(?:[-_].*)?$",
    re.I,
)
ABOUT_AUTHORS = re.compile(r"^\s*(?:about the authors?|about authors?|об авторах?)\s*:?\s*$", re.I)
BYLINE_CLASS = re.compile(
    r"^(?:.*[-_])?(?:byline|author|authors|entry-author|post-author|field-name-field-authors?|"
    r"field--name-field-authors?|author-name|contributors?)$",
    re.I,
)
TITLE_CLASS = re.compile(
    r"^(?:.*[-_])?(?:entry-title|post-title|page-title|article-title|memo-title|contentheading|"
    r"headline|post-hero__title|article__title)$",
    re.I,
)
CATEGORY_CLASS = re.compile(
    r"^(?:.*[-_])?(?:(?:category|categories|cat-links|kicker|eyebrow|rubric)(?:[-_](?:label|name|link))?"
    r"|section[-_](?:label|name)|(?:content|post|article|publication|document)[-_]type|type[-_]label)$",
    re.I,
)
TOPIC_CLASS = re.compile(r"^(?:.*[-_])?(?:tags|tag-links|topics|related-topics|field-name-field-tags)$", re.I)
# A tag list printed as hashtags, "#Russian Embassy #Diplomacy": each sign opens a tag of one or more words.
HASHTAG_SIGN = re.compile(r"(?:^|\s)#(?=\w)")
PDF_LINK_TEXT = re.compile(r"^\[?(?:(?:download|view|read|get)\s+(?:the\s+)?(?:full\s+)?)?pdf\]?$", re.I)
NOTES_HEADING = re.compile(r"^(?:notes|endnotes|footnotes|references|sources|примечания)$", re.I)
BY_PREFIX = re.compile(
    rf"^(?:{PIECE_BY}|by|authors?:|автор[ыа]?:)\s+",
    re.I,
)
BLOCK_TAGS = ["p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "table"]
CONTAINERS = {"div", "section", "article", "main", "header", "footer", "aside", "table", "tbody", "tr",
              "td", "th", "ul", "ol", "li", "blockquote", "dl", "dd", "form", "figure", "nav"}  # fmt: skip
LAYOUT_BLOCKS = ["p", "div", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section"]
LAYOUT_NAMES = frozenset(LAYOUT_BLOCKS)
JUNK_NAMES = frozenset(JUNK_TAGS)
BLOCK_NAMES = frozenset(BLOCK_TAGS)
PARAGRAPH = frozenset(("p",))
BIO_HEADINGS = frozenset(("h2", "h3", "h4", "h5", "h6", "strong", "b"))


# bs4's find methods build a filter of match rules at every call, which on a memo's page costs
# more than the search: the searches asked on every page walk the tree themselves. Each gives
# what the find method named gives (HTML's tags have no namespace prefix to match).
def _elements(root: Tag) -> list[Tag]:
    """root.find_all(True): the elements under `root`, in the page's order."""
    return [el for el in root.descendants if isinstance(el, Tag)]


def _named(root: Tag, names: frozenset[str]) -> list[Tag]:
    """root.find_all(names)."""
    return [el for el in root.descendants if isinstance(el, Tag) and el.name in names]


def _first_named(root: Tag, names: frozenset[str]) -> Tag | None:
    """root.find(names)."""
    return next((el for el in root.descendants if isinstance(el, Tag) and el.name in names), None)


def _first_with(root: Tag, attribute: str, value: str) -> Tag | None:
    """root.find(attrs={attribute: value}), for an attribute that holds one value (not "class")."""
    return next((el for el in root.descendants if isinstance(el, Tag) and el.get(attribute) == value), None)


def _has_layout_block(el: Tag) -> bool:
    """el.find(LAYOUT_BLOCKS) is not None."""
    return any(isinstance(d, Tag) and d.name in LAYOUT_NAMES for d in el.descendants)


def _tokens(el: Tag) -> list[str]:
    classes = el.get("class") or []
    if isinstance(classes, str):
        classes = classes.split()
    ident = el.get("id")
    return [*classes, ident] if ident else list(classes)


def _has_token(el: Tag, pattern: re.Pattern) -> bool:
    attrs = el.attrs
    if "class" not in attrs and "id" not in attrs:
        return False  # most elements: nothing to match, and asked about many times
    return any(pattern.match(token) for token in _tokens(el))


def _text(el: Tag) -> str:
    return clean_space(el.get_text(" "))


def _split_br_paragraphs(soup: BeautifulSoup) -> None:
    """Old CMS bodies are text with <br><br> between paragraphs: give them <p> elements."""
    for el in _named(soup, frozenset(("div", "td"))):
        # Cheapest checks first: this runs on every div of the page.
        if (
            sum(isinstance(child, Tag) and child.name == "br" for child in el.contents) < 2
            or _has_layout_block(el)
            or len(_text(el)) < 200
        ):
            continue
        runs: list[list] = [[]]
        breaks = 0
        for child in list(el.contents):
            if isinstance(child, Tag) and child.name == "br":
                breaks += 1
                continue
            if isinstance(child, NavigableString) and not child.strip():
                continue
            if breaks >= 2 and runs[-1]:
                runs.append([])
            elif breaks == 1 and runs[-1]:
                runs[-1].append(" ")
            breaks = 0
            runs[-1].append(child)
        if len(runs) < 2:
            continue
        el.clear()
        for run in runs:
            p = soup.new_tag("p")
            for child in run:
                p.append(child)
            el.append(p)


FIELD_LABEL = re.compile(r"^field(?:-|__)label$", re.I)
LABEL_CELL_NAMES = frozenset(("dt", "tr", "div", "span", "h3", "h4", "strong", "label"))


def _mark_label_cells(soup: BeautifulSoup) -> None:
    """<dt>Memo #</dt><dd>497</dd>, a table row "Memo # | 497" and an element marked as a field's
    label are a label and its value: give the label its colon, so that the page's text reads
    "Memo #:" then "497", and an empty label's value is never the next field's label."""
    terms: list[Tag] = []
    rows: list[Tag] = []
    for el in _named(soup, LABEL_CELL_NAMES):
        if el.name == "tr":
            rows.append(el)
        # A field's label as Drupal and catalogues mark it: <div class="field-label">Keywords</div>.
        elif el.name == "dt" or _has_token(el, FIELD_LABEL):
            terms.append(el)
    for row in rows:
        cells = [cell for cell in row.contents if isinstance(cell, Tag) and cell.name in ("td", "th")]
        if len(cells) == 2 and read_label(_text(cells[0]).rstrip(":") + ":"):
            terms.append(cells[0])
    for term in terms:
        if not _text(term).endswith(":"):
            term.string = _text(term) + ":"


def _metadata_tables(container: Tag) -> list[Tag]:
    """Tables whose every row is a label and its value: metadata, not part of the memo's text."""
    found = []
    for table in _named(container, frozenset(("table",))):
        rows = _named(table, frozenset(("tr",)))
        if rows and all(read_label(_text(row)) for row in rows):
            found.append(table)
    return found


def _paragraph_parent(root: Tag) -> Tag | None:
    """The element holding the most paragraph text directly: where a page keeps its prose."""
    weights: dict[int, list] = {}
    for p in _named(root, PARAGRAPH):
        parent = p.parent
        if isinstance(parent, Tag):
            weights.setdefault(id(parent), [parent, 0])[1] += len(_text(p))
    if not weights:
        return None
    return max(weights.values(), key=lambda pw: pw[1])[0]


def _title_element(soup: BeautifulSoup) -> Tag | None:
    return (
        _first_named(soup, frozenset(("h1",)))
        or _first_with(soup, "itemprop", "headline")
        or next((el for el in soup.descendants if isinstance(el, Tag) and _has_token(el, TITLE_CLASS)), None)
    )


def _find_bios(soup: BeautifulSoup) -> list[Tag]:
    """Author bios: marked by class, or a short block headed "About the author(s)"."""
    found = [el for el in _elements(soup) if _has_token(el, BIO_CLASS)]
    for heading in _named(soup, BIO_HEADINGS):
        parent = heading.parent
        if not (ABOUT_AUTHORS.match(_text(heading)) and isinstance(parent, Tag)):
            continue
        if heading.name in ("strong", "b") or not any(
            isinstance(el, Tag) and el.name in ("p", "h1", "h2", "div") for el in heading.previous_siblings
        ):
            if len(_text(parent)) < 2000:
                found.append(parent)  # the heading opens a block of its own
            continue
        # The heading sits among the memo's paragraphs: the bio is what follows it, up to the
        # next heading.
        bio = soup.new_tag("div")
        following = []
        for sibling in heading.next_siblings:
            if isinstance(sibling, Tag) and sibling.name in ("h1", "h2", "h3", "h4", "h5", "h6"):
                break
            following.append(sibling)
        heading.wrap(bio)
        for sibling in following:
            bio.append(sibling.extract())
        found.append(bio)
    return [el for el in found if not any(other in el.parents for other in found)]


def _bio_text(el: Tag) -> str:
    """A bio's paragraphs, without its "About the authors" heading or the author's name line."""
    paragraphs = [_text(p) for p in el.find_all("p")]
    if paragraphs:
        return "\n\n".join(p for p in paragraphs if p and not ABOUT_AUTHORS.match(p))
    for heading in el.find_all(["h2", "h3", "h4", "h5", "h6"]):
        heading.extract()
    return _text(el)


def _remove_chrome(soup: BeautifulSoup, keep: set[int]) -> None:
    """Drop menus, sidebars, related lists and footers; never an element in `keep`."""
    doomed = []
    for el in _elements(soup):
        if el.name in ("html", "body", "main", "article") or id(el) in keep:
            continue
        if el.name == "nav" and _has_token(el, TOC_CLASS) and any(p.name == "article" for p in el.parents):
            continue  # a report's table of contents: its headings name what the report is about
        if (
            el.name in CHROME_TAGS
            or (el.get("role") or "").lower() in CHROME_ROLES
            # An article's own header and footer hold its byline, tags and PDF link.
            or el.name in ("header", "footer")
            and not any(parent.name in ("article", "main") for parent in el.parents)
            or _has_token(el, CHROME)
            # "breadcrumb-category" is the page's own category, not a menu.
            and not (_has_token(el, CATEGORY_CLASS) and el.name not in CHROME_TAGS)
        ):
            doomed.append(el)
    for el in doomed:
        if not el.decomposed:
            el.decompose()


# Characters of an element that holds a date of its own, at most with a weekday and a time of
# day: "4 сентября 2019, 15:44".
HEAD_DATE_MAX = 40


def _header_title_date(soup: BeautifulSoup, title_el: Tag | None) -> date | None:
    """The date a page's header outside the article prints on an element of its own, where the
    header prints the item's title on another: the item's header, set apart from its body
    ("<header><div>Title</div><div>February 1, 2021</div></header><article><h1>Title</h1>…")."""
    title = _text(title_el) if title_el is not None else ""
    if not title:
        return None
    for header in _named(soup, frozenset(("header",))):
        if any(parent.name in ("article", "main") for parent in header.parents):
            continue
        texts = [_text(el) for el in header.find_all(True) if el.find(True) is None]
        if title in texts:
            return first(*(parse_date(t) for t in texts if len(t) <= HEAD_DATE_MAX))
    return None


def _container(soup: BeautifulSoup, title_el: Tag | None) -> Tag:
    """The element holding the memo: its title, byline, body, and metadata lines."""
    marked = _first_with(soup, "itemprop", "articleBody")
    articles = _named(soup, frozenset(("article",)))
    container = (
        marked
        or (
            max(articles, key=lambda a: sum(len(_text(p)) for p in _named(a, PARAGRAPH)))
            if articles
            else None
        )
        or _first_named(soup, frozenset(("main",)))
        or _first_with(soup, "role", "main")
        or _paragraph_parent(soup)
        or soup.body
        or soup
    )
    # Widen to the nearest ancestor that also holds the title: byline, tags and PDF link
    # often sit beside the body, not inside it.
    if title_el is not None and container is not title_el and container not in title_el.parents:
        for ancestor in container.parents:
            if ancestor.name in ("body", "html", "[document]"):
                break
            if ancestor in title_el.parents:
                return ancestor
    return container


def _body_element(container: Tag) -> Tag:
    marked = _first_with(container, "itemprop", "articleBody")
    if marked:
        return marked
    for el in _elements(container):
        if _has_token(el, BODY_CLASS):
            return el
    # An excerpt or dateline paragraph may share the container; the prose's own parent wins
    # when it holds nearly all of the paragraph text.
    best = _paragraph_parent(container)
    total = sum(len(_text(p)) for p in _named(container, PARAGRAPH))
    if best is not None and best is not container and total:
        share = sum(len(_text(p)) for p in best.contents if isinstance(p, Tag) and p.name == "p") / total
        if share >= 0.85:
            return best
    return container


def _block_elements(body: Tag) -> Iterable[Tag]:
    """The body's paragraphs, headings, list items and data tables, each once, in order."""
    for el in _named(body, BLOCK_NAMES):
        if el.name == "table" and _first_named(el, frozenset(("p", "table"))):
            continue  # a layout table: its paragraphs are the blocks
        parent = el.parent
        while parent is not None and parent is not body:
            if (
                parent.name in ("li", "blockquote", "pre", "p")
                or parent.name == "table"
                and not _first_named(parent, PARAGRAPH)
            ):
                break  # nested inside a block taken whole
            parent = parent.parent
        else:
            yield el


def _marked_elements(container: Tag) -> tuple[list[Tag], list[Tag], list[Tag]]:
    """Elements whose class marks them as topics, as the category, or as a byline (one pass)."""
    topics, categories, bylines = [], [], []
    for el in _elements(container):
        tokens = _tokens(el)
        if not tokens:
            continue
        for pattern, found in ((TOPIC_CLASS, topics), (CATEGORY_CLASS, categories), (BYLINE_CLASS, bylines)):
            if any(pattern.match(t) for t in tokens):
                found.append(el)
    return topics, categories, bylines


def _link_texts(elements: Iterable[Tag]) -> list[str]:
    seen, names = set(), []
    for a in elements:
        text = _text(a)
        if text and text.casefold() not in seen:
            seen.add(text.casefold())
            names.append(text)
    return names


def _unlabel(text: str) -> str:
    """ "Author(s): A and B" -> "A and B"."""
    label = read_label(clean_space(text))
    return label.value if label else text


RUN_ON_WORDS_MAX = 12  # a byline element longer than this is a sentence, not names run on


ADDRESS_ONLY = re.compile(r"^(?:Hon|Dr|Prof|Mr|Mrs|Ms|Sen|Rep|Amb)\.?$")


def _byline_element_names(el: Tag, page: str) -> list[str] | None:
    """The names of an element marked as a byline. Its text may run on from the names into words
    the page prints elsewhere, where the layout set them beside it: "By A. Author Charting a
    Course", under the book title "Charting a Course: …"."""
    text = BY_PREFIX.sub("", _unlabel(_text(el)).lstrip("_ "))
    # The element marks names: a post a dash sets after them is none ("A - Senior Researcher").
    text = without_role_after_dash(text)
    names = byline_names(text)
    words = text.split()
    if ";" in text:
        # "A, Director of …; Professor at …; B; Doctoral student at …": each name and its posts
        # (the first post would run on over the other names).
        parts = [n for part in text.split(";") for n in byline_names(part.strip()) or ()]
        if len(parts) > len(names or ()):
            names = parts
    if names or len(words) > RUN_ON_WORDS_MAX:
        return names
    own = "\n".join(clean_space(s) for s in el.get_text("\n").split("\n"))
    # The longest run-on first: names are two words at least, what follows them two or more.
    for k in range(2, len(words) - 1):
        rest = " ".join(words[k:])
        if rest[:1].isupper() and page.count(rest) > own.count(rest):
            names = byline_names(" ".join(words[:k]))
            if names:
                return names
    return None


def _dash_lead_names(text: str, page: str) -> list[str] | None:
    """The author a lead "<post> <name> – о(б) …" names, where the page prints no post before the
    name, or prints it elsewhere too (an author card's post line): a post the page prints only
    here may be that of someone the column speaks of."""
    found = dash_lead(text)
    if found is None:
        return None
    post, name = found
    return [name] if not post or page.count(post) > 1 else None


def _header_fields(title_el: Tag | None, body: Tag, page: str) -> tuple[object, list[str], str | None]:
    """A date, a "By ..." byline and a type label written between the title and the body, if any."""
    published, authors, kind = None, [], None
    if title_el is None:
        return None, [], None
    # Where the body element holds the title too, the header is its first elements: a dek
    # (one long paragraph) may stand between the title and the byline or date.
    inside = body in title_el.parents
    prose = 0
    under_title = True
    for el in islice((el for el in title_el.next_elements if isinstance(el, Tag)), 80):
        # Outside the body, its start ends the header; inside it, its end does (a comment form
        # after a one-paragraph article is no part of the header).
        if (el is body or body in el.parents) != inside:
            break
        # A wrapper of blocks is read through its blocks (only containers can hold them).
        if el.name in CONTAINERS and _has_layout_block(el):
            continue
        text = _text(el)
        # A lead that names the authors: "A и B о том, как …".
        if prose == 0 and not authors:
            authors = (
                lead_names(text)
                or _dash_lead_names(text, page)
                or credit_lead(text)
                or writes_lead(text)
                or []
            )
        if under_title and text:
            under_title = False
            authors = (
                authors
                or _bare_byline(text)
                or _name_over_date(el, text)
                or _name_with_post(text)
                or _name_among_details(el)
            )
        # A box of facts run into one line is as long as prose may be (see _dateline).
        if len(text) >= PROSE_MIN and not run_on_facts(text):
            if prose == 0 and published is None:
                published = _agency_dateline(text)
            prose += 1
            if not inside or prose > 1:
                break
            continue
        found_date, found_names = _dateline(text)
        published = published or found_date
        authors = authors or found_names
        kind = kind or _dateline_kind(text) or _plain_kind(text)
    if published is None or not authors:
        # A kicker or a dateline above the title: "26.04.23 Sanctions Review", "27.06.2023 Author: A".
        title = _text(title_el)
        for el in islice((el for el in title_el.previous_elements if isinstance(el, Tag)), 6):
            if (
                el.name in ("html", "body", "head", "title")
                or el.name in CONTAINERS
                and _has_layout_block(el)
            ):
                continue
            text = _text(el)
            found_date, found_names = _dateline(text)
            found_date = found_date or _date_before_title(text, title)
            if found_date:
                published, authors = published or found_date, authors or found_names
                break
    return published, authors or _names_over_title(title_el), kind


# A news agency's dateline opening the lead, its place, date and name between slashes and a colon
# after them: "Baku / 19.03.18 / Turan: <lead>".
AGENCY_DATELINE = re.compile(r"[^\W\d_][^/:]{0,30} / (?P<date>[^/:]{6,20}) / [^\W\d_][^/:]{0,30}: ")


def _agency_dateline(text: str) -> date | None:
    m = AGENCY_DATELINE.match(text) if " / " in text[:60] else None
    return parse_date(m["date"]) if m else None


DATE_BEFORE_TITLE_MAX = 30  # characters: a date in figures or words, and a separator


def _date_before_title(text: str, title: str) -> object:
    """The date of a list's entry for the page's own item above its title: "29.09.2011 <Title>"."""
    if not title or len(text) <= len(title) or not text.endswith(title):
        return None
    before = text[: -len(title)]
    return parse_date(before.strip(" |·•–—-")) if len(before) <= DATE_BEFORE_TITLE_MAX else None


def _bare_byline(text: str) -> list[str]:
    """The names of an unmarked byline right under or over the title: two names or more and
    nothing else ("Петров И.С.1, Сидорова А.В.2"), which a dek or a rubric never is; a single pair
    of capitalized words there may be a place or a rubric as well."""
    names = byline_names(text) if bare_names(text) else None
    return names if names and len(names) > 1 else []


BYLINE_MAX = 80  # characters: a "By …" paragraph longer than this is a sentence


def _byline_under_heading(body: Tag) -> list[str]:
    """The names of a "By A. Author" paragraph right under a heading of the body: the head of an
    essay a post presents below its own title and introduction (a blog's guest post)."""
    for heading in _named(body, frozenset(("h2", "h3", "h4"))):
        el = next((sibling for sibling in heading.next_siblings if isinstance(sibling, Tag)), None)
        if el is None or el.name != "p":
            continue
        text = _text(el)
        if len(text) <= BYLINE_MAX and BY_PREFIX.match(text) and (names := byline_names(text)):
            return names
    return []


def _name_with_post(text: str) -> list[str]:
    """One name and its holder's post right under the title, the line short and no sentence:
    "Dr Jane Roe, Associate Fellow, Steppe Council" (a dek that names someone reads on)."""
    name, _, post = text.partition(", ")
    if len(text.split()) > RUN_ON_WORDS_MAX or text.endswith(".") or not is_role(post):
        return []
    names = split_authors(name) if looks_like_names(name) else []
    return names if len(names) == 1 else []


def _name_over_date(el: Tag, text: str) -> list[str]:
    """One name alone right under the title where a date stands right under it: "Jane Roe" over
    "July 14, 2022". The date vouches for the name as a byline, as it does not for a rubric."""
    names = byline_names(text) if bare_names(text) else None
    if not names or len(names) > 1:
        return []
    following = islice((e for e in el.next_elements if isinstance(e, Tag)), 6)
    after = next((t for e in following if (t := _text(e)) and t != text), "")
    return names if len(after) < PROSE_MIN and _dateline(after)[0] else []


def _name_among_details(el: Tag) -> list[str]:
    """One name first in a list of a post's details under the title, where a time ago or a
    reading time is another of its items ("Jane Roe", "7 days ago", "8 min read"): the details
    vouch for the name as a byline, as they do not for a rubric."""
    if el.name not in ("ul", "ol"):
        return []
    items = [_text(li) for li in el.find_all("li", recursive=False, limit=6)]
    names = byline_names(items[0]) if len(items) > 1 and bare_names(items[0]) else None
    if not names or len(names) > 1:
        return []
    timed = any(RELATIVE_DATE.match(item) or READING_TIME_AT_END.fullmatch(item) for item in items[1:])
    return names if timed else []


# A type label that opens a dateline: "Feature Updated 1 June 2023 Published 20 February 2023".
DATELINE_KIND = re.compile(
    r"^(?P<kind>[^\W\d_][\w’'&.\-]*(?: [^\W\d_][\w’'&.\-]*){0,2})\s+(?=(?:updated|published|posted)\b)", re.I
)


def _plain_kind(text: str) -> str | None:
    """An element that holds a type label and nothing else: "Статья в журнале", "Policy Brief"."""
    return text if len(text) <= KIND_LABEL_MAX and is_kind_label(text) and not text.isupper() else None


KIND_LABEL_MAX = 40  # characters
# Elements of text after the title looked at for a person's name: a header's and the body's first.
NEAR_TITLE_BELOW = 6


def _dateline_kind(text: str) -> str | None:
    m = DATELINE_KIND.match(text) if "ed " in text else None
    return m["kind"] if m and is_kind_label(m["kind"]) and not m["kind"].isupper() else None


GIVEN_NAME = re.compile(r"^(?:.*[-_])?(?:first|given)[-_]?name$|^givenName$", re.I)
FAMILY_NAME = re.compile(r"^(?:.*[-_])?(?:last|family|sur)[-_]?name$|^familyName$", re.I)


# How pages mark a given name, in the class or itemprop of its element (a cheap test of the page).
NAME_PART_WORDS = (
    "first-name", "first_name", "firstname", "firstName", "given-name", "given_name", "givenName",
)  # fmt: skip


def _split_names(container: Tag) -> list[str]:
    """Names whose parts the page prints in elements of their own: <div class="author-first-name">
    then <div class="author-last-name">."""
    names = []
    given = container.find_all(class_=GIVEN_NAME) + container.find_all(attrs={"itemprop": GIVEN_NAME})
    for el in given:
        family = el.find_next_sibling(True)
        if family is None:
            continue
        if _has_token(family, FAMILY_NAME) or FAMILY_NAME.match(family.get("itemprop") or ""):
            name = f"{_text(el)} {_text(family)}"
            if looks_like_names(name) and len(split_authors(name)) == 1:
                names.append(name)
    return names


def _elements_above(title_el: Tag, n: int) -> list[Tag]:
    """The `n` elements of text above the title, the nearest first."""
    parents = {id(p) for p in title_el.parents}
    before = islice((el for el in title_el.previous_elements if isinstance(el, Tag)), 6 * n)
    return list(islice((el for el in before if id(el) not in parents and _is_leaf(el)), n))


def _texts_above(title_el: Tag) -> list[str]:
    """The texts of the two elements of text above the title, the nearest first."""
    return [_text(el) for el in _elements_above(title_el, 2)]


def _named_near_title(
    title_el: Tag | None, title: str, page_lines: list[str], blocks: list[Block]
) -> list[str] | None:
    """The people the elements of text around the title name: see given_names.first_named."""
    if title_el is None:
        return None
    people = People(page_lines, " ".join(b.text for b in blocks))
    return first_named(people, _texts_below(title_el, NEAR_TITLE_BELOW), _texts_above(title_el), title)


def _texts_below(title_el: Tag, n: int) -> list[str]:
    """The texts of the `n` elements of text after the title."""
    last = title_el
    while isinstance(last, Tag) and last.contents:  # what follows the title's own text
        last = last.contents[-1]
    after = islice((el for el in last.next_elements if isinstance(el, Tag)), 6 * n)
    return [_text(el) for el in islice((el for el in after if _is_leaf(el)), n)]


def _texts_near(title_el: Tag | None) -> list[str]:
    """The texts of the two elements of text above the title and of the one below it."""
    if title_el is None:
        return []
    return [*_texts_above(title_el), *_texts_below(title_el, 1)]


def _names_over_title(title_el: Tag) -> list[str]:
    """An unmarked byline right over the title: two names or more alone, or one name over a date
    ("Jane Roe" over "July 14, 2022"), which vouches for it as it does under the title."""
    above = _texts_above(title_el)
    if not above:
        return []
    names = _bare_byline(above[0])
    if names or len(above) < 2 or not bare_names(above[1]) or not _dateline(above[0])[0]:
        return names
    names = byline_names(above[1]) or []
    return names if len(names) == 1 else []


def _blog_owner(near: list[str]) -> list[str] | None:
    """The author a blog's name above the title names ("Shakhboz Juraev's Blog")."""
    return first(*([name] for text in near[:2] if (name := blog_owner(text))))


def _kind_label_near(near: list[str]) -> str | None:
    """A type label printed beside the title: one of the two elements above it (a date may stand
    between) or the one below it, whose text names a kind of publication ("Policy Brief")."""
    for text in near:
        # A kicker the page sets on the headline's line ends with the bar between them: "Editorial |".
        text = without_date(text).removesuffix("|").rstrip()
        # "Published in Analytical Articles": the section's name, without the words around it.
        text = filed_in(text) or text
        if is_kind_label(text) and not text.isupper():
            return text
    return None


KIND_ABOVE = 4  # elements of text over the title: its type label, a notice and a file's link


def _kind_label_over_furniture(title_el: Tag | None) -> str | None:
    """A type label over the title with only furniture between them: "Committee Report" over a
    notice with an e-mail address to write to and a bare "PDF" link. The entries of a menu name
    the site's sections, not the item's kind."""
    for el in _elements_above(title_el, KIND_ABOVE) if title_el is not None else []:
        text = _text(el)
        if el.name == "li":
            return None
        if is_kind_label(text):
            return None if text.isupper() else text
        # An element whose class calls it the category, outside the article's container (where
        # _marked_elements looks): its words need not name a kind ("Weekly Newsletters").
        if _has_token(el, CATEGORY_CLASS) and valid_value("category", text) and not text.isupper():
            return text
        if not is_furniture(text, names=False):
            return None
    return None


def _is_leaf(el: Tag) -> bool:
    """An element of text, not a wrapper of blocks or the page's head."""
    if el.name in ("html", "body", "head", "title"):
        return False
    return el.name not in CONTAINERS or not any(
        isinstance(d, Tag) and d.name in LAYOUT_NAMES for d in el.descendants
    )


# What opens a dateline before its date: a time of day, or the reading time.
DATELINE_OPENING = re.compile(
    r"^(?:\d{1,2}:\d\d\s+|\d{1,3}\s?(?:min(?:ute)?s?\s?read|мин\.?\s?чтени[яе])\s*)", re.I
)


DATELINE_TIME = re.compile(r"(?<!\S)\d{1,2}:\d\d\s+")


QUOTE_OPENINGS = frozenset('"«“„')
DATE_SOURCE_NAMES = re.compile(
    r"^(?P<date>\d.{4,30}?)\s+(?:[^\W\d_][\w.-]*\s+){0,3}[\"«“„][^\"«»“”„]{1,40}[\"»”“]\s+"
    r"(?P<names>[^\W\d_](?:[\w.'’-]*\s?){1,4})$"
)


def _dateline(text: str) -> tuple[object, list[str]]:
    """The date and the "By ..." names of a short header line, trying each part of it:
    "Policy Memo No. 389 · Published on 22.09.2015", "by A 15/05/2024"."""
    published, authors = None, []
    # "Author A, B Series 21-33 Language Korean Date 2021.12.27": a box of facts run together.
    facts = run_on_facts(text)
    if facts:
        published = parse_date(facts["published"]) if "published" in facts else None
        return published, byline_names(facts.get("authors", "")) or []
    if text[:1] == "(" and text[-1:] == ")" and DIGIT.search(text):
        # A name and a date in parentheses under a talk's title, the speaker's and the day's:
        # "(Jane Roe, April 13, 2023)".
        published = date_at_end(text[1:-1])
        if published:
            return published, byline_names(text[1:-1]) or []
    for part in re.split(r"\s+[·•|]\s+|\s+[–—-]\s+", text):
        # The crumbs of the page's section may stand before the time: "Главная Политика 13:08 28
        # Октября 2022 3922" (a count of views ends the line).
        time = DATELINE_TIME.search(part) if published is None and ":" in part else None
        dated = part[time.start() :] if time else part
        if published is None and len(dated.split()) <= 6:
            # A time or the reading time may open it: "00:02 03 Сентябрь 2016 4326", "14 MIN
            # READAug 17, 2023".
            dated = DATELINE_OPENING.sub("", dated)
            published = date_at_start(dated) or date_at_end(dated)
            if published is None and time:
                # Or the date before the time, counts of views and comments after it: "4 марта
                # 2021, 09:15 1207 3".
                published = date_at_start(part)
        # "Feature Updated 1 June 2023 Published 20 February 2023": the label says which date.
        published = published or labelled_date(part)
        if not authors and BY_PREFIX.match(part):
            authors = byline_names(part) or []
        elif not authors and ": " in part and (label := _author_label_after_links(part)):
            authors = byline_names(label) or []
        elif not authors and (names := _dated_byline(part)):
            # However long the byline, the date that opens the line is the dateline's.
            published, authors = published or date_at_start(part), names
    # "10 марта 2023 ИХ "Финам" A. Author": a repost's date, the source it copies (its name in
    # quotes, its kind before it) and the writer, with no separator between.
    if published is None and text[:1].isdigit() and QUOTE_OPENINGS.intersection(text):
        m = DATE_SOURCE_NAMES.match(text)
        found = date_at_start(m["date"]) if m else None
        names = byline_names(m["names"]) if found else None
        if names:
            return found, names
    # Unmarked names among a dateline's parts, vouched for by its date: "<date> - <time> A. Author".
    if not authors and published is not None:
        authors = dateline_names(text) or []
    return published, authors


# An authors label inside a header line, after a few words of links: "скачать скачать Автор: A".
AUTHOR_LABEL_INSIDE = re.compile(r"(?<=\s)(?:authors?|автор[ыа]?):\s+", re.I)
LINK_WORDS_MAX = 3


def _author_label_after_links(part: str) -> str | None:
    """The labelled byline a header line's part ends with, after the words of links a site prints
    on the line first ("скачать скачать Автор: Борисова Е. А."): the label and the names."""
    m = AUTHOR_LABEL_INSIDE.search(part)
    if not m or len(part[: m.start()].split()) > LINK_WORDS_MAX:
        return None
    return part[m.start() :]


def _dated_byline(text: str) -> list[str] | None:
    """The names of a marked byline after the date that opens a dateline: "27.06.2023 Author: A",
    "4.09.2025, автор A."."""
    if not DIGIT.match(text) and not text[:1].isupper():
        return None  # a date opens with a figure or a month's name: most lines, cheaply
    rest = without_date(text)
    if rest != text and date_at_start(text) and (BY_PREFIX.match(rest) or MARKED_BYLINE.match(rest)):
        return byline_names(rest)
    return None


def _short_memo(soup: BeautifulSoup, paragraphs: list[Block]) -> bool:
    """A short page (a teaser for a report or a recording) is a memo when its one long paragraph is
    sentences, as in a text dump (a banner or link line does not end as a sentence does), and the
    page lists no other pages under linked headings (an archive's description is no memo)."""
    return any(len(b.text) >= PROSE_MIN and has_sentence(b.text[-3:]) for b in paragraphs) and (
        len(soup.select("h2 a[href], h3 a[href], h4 a[href]")) < 2
    )


def _cut_under_head(soup: BeautifulSoup, title_el: Tag | None, paragraphs: list[Block]) -> bool:
    """A page cut off under its memo's head, as a stored excerpt may be: the title, its date on an
    element of its own under it, then the body's first words, broken off mid-word at the page's end.
    The head alone says what the memo is."""
    if title_el is None or len(paragraphs) != 1 or len(paragraphs[0].text) >= PROSE_MIN:
        return False
    fragment = paragraphs[0].text
    if not fragment[-1:].isalpha() or not soup.get_text().rstrip().endswith(fragment):
        return False
    dated = (el for el in islice(title_el.find_next_siblings(), 3) if len(_text(el)) <= HEAD_DATE_MAX)
    return any(parse_date(_text(el)) for el in dated)


def _told_in_a_list(blocks: list[Block], paragraphs: list[Block]) -> bool:
    """A page whose text is a list of sentences under its title, a line or two of paragraph
    aside (a report's key findings under its subtitle, cut off before the prose): a memo, as
    in a text dump (see text.sentence_list_body)."""
    items = [b.text for b in blocks if b.kind == "li"]
    return (
        len(items) >= 2
        and sum(map(len, items)) > sum(len(b.text) for b in paragraphs)
        and is_sentence_list(items, blocks[-1].kind == "li")
    )


# A journal's JATS XML file of an article (its "XML" view): the markup names every field.
JATS_FRONT = "<article-meta"
JATS_LOOKED_AT = 5000  # characters: the front opens the file, after the journal's own metadata


def parse_jats(soup: BeautifulSoup) -> ParsedMemo:
    """A JATS article from its elements: the title, the authors' given names and surnames, the
    subject heading (the article's type), its date, keywords, abstract and body. A file cut off
    before its abstract is still the article's record: its title is then all its text."""
    meta = soup.find("article-meta")
    title = _text(meta.find("article-title") or meta)
    authors = []
    for contrib in meta.find_all("contrib", attrs={"contrib-type": "author"}):
        name = contrib.find("name")
        parts = [name.find(part) for part in ("given-names", "surname")] if name else []
        if all(parts):
            authors.append(" ".join(_text(part) for part in parts))
    heading = meta.find("subj-group", attrs={"subj-group-type": "heading"})
    subject = heading.find("subject") if heading else None
    when = meta.find("pub-date")
    figures = [when.find(part) for part in ("year", "month", "day")] if when else []
    published = parse_date("-".join(_text(f).zfill(2) for f in figures)) if all(figures) else None
    journal, volume, issue = (soup.find(name) for name in ("journal-title", "volume", "issue"))
    blocks = [
        Block("h" if el.name == "title" else "p", _text(el))
        for part in soup.find_all(("abstract", "body"))
        for el in part.find_all(("title", "p"))
        if _text(el)
    ] or [Block("h", title)]
    return ParsedMemo(
        title=title,
        format="html",
        authors=authors,
        published=published,
        memo_number=memo_number_of(_text(issue)) if issue else None,
        series=f"{_text(journal)} Volume {_text(volume)}" if journal and volume else None,
        category=_text(subject) if subject else None,
        language=language_of(" ".join(b.text for b in [Block("h", title), *blocks])),
        blocks=blocks,
        topics=[_text(kwd) for kwd in meta.find_all("kwd")],
    )


def parse_html(text: str) -> ParsedMemo:
    if JATS_FRONT in text[:JATS_LOOKED_AT]:
        jats = BeautifulSoup(text, "xml")
        if jats.find("article-meta"):
            return parse_jats(jats)
    soup = BeautifulSoup(text, "lxml")
    if soup.body is None or not soup.body.get_text(strip=True):
        raise ParseError("HTML page has no body (truncated or empty page)")
    declared = read_declared(soup)
    for el in _named(soup, JUNK_NAMES):
        el.decompose()
    _split_br_paragraphs(soup)
    _mark_label_cells(soup)
    bios = _find_bios(soup)
    bio = "\n\n".join(filter(None, (_bio_text(el) for el in bios)))
    for el in bios:
        el.decompose()

    title_el = _title_element(soup)
    prose = _paragraph_parent(soup)
    keep = {id(el) for anchor in (title_el, prose) if anchor is not None for el in [anchor, *anchor.parents]}
    # The page's header goes with the chrome, but one that prints the item's title is the item's.
    header_title_date = _header_title_date(soup, title_el) if "<header" in text else None
    _remove_chrome(soup, keep)
    title_el = _title_element(soup)
    container = _container(soup, title_el)

    # Tags, categories and bylines marked up as such, outside the chrome that is now gone.
    topic_els, category_els, bylines = _marked_elements(container)
    tag_links = _link_texts(
        a for a in container.select('a[rel~="tag"]') if "category" not in a["rel"]
    ) or _link_texts(a for el in topic_els for a in el.find_all("a"))
    if not tag_links and topic_els:  # a tag list printed as text: "Central Asia, Kazakhstan"
        printed = _unlabel(_text(topic_els[0]))
        parts = HASHTAG_SIGN.split(printed) if printed.startswith("#") else re.split(r"\s*[,;]\s*", printed)
        tag_links = [t.strip(" ,;") for t in parts if t.strip(" ,;")]
    # "26.04.23 Sanctions Review": a rubric printed with the date.
    category_links = _link_texts(container.select('a[rel~="category"]')) or [
        without_date(_unlabel(_text(el))) for el in category_els
    ]
    author_links = _link_texts(container.select('a[rel~="author"]'))
    page_lines = [clean_space(s) for s in container.get_text("\n").split("\n")]
    page = "\n".join(page_lines)
    # An author's card marked as a byline is read through the element in it marked as the name:
    # the card's other lines are a post and an institute.
    cards = {id(parent) for el in bylines for parent in el.parents}
    # A form of address the layout set apart from the name ("Hon." over "Jane Roe") names no one.
    marked_names = [
        _byline_element_names(el, page)
        for el in bylines
        if id(el) not in cards and not ADDRESS_ONLY.match(_text(el))
    ]
    # "A, Director of …; B. Shanghai – Berlin, 3 January 2018.": a credit's place and date.
    byline_date = first(*(date_at_end(_text(el)) for el in bylines))
    time_el = container.find("time", class_=re.compile("published|entry-date", re.I)) or container.find(
        "time"
    )
    time_date = parse_date(time_el.get("datetime") or time_el.get_text()) if time_el else None
    labels = read_labels(page_lines, 0, stop_at_markers=False)
    numbered = read_numbered(str(labels.get("numbered", "")))
    pdf_link = next(
        (
            a["href"]
            for a in container.find_all("a", href=True)
            if re.search(r"\.pdf(?:$|[?#])", a["href"], re.I)
        ),
        None,
    )
    for table in _metadata_tables(container):
        table.decompose()
    body = _body_element(container)
    header_date, header_authors, header_kind = _header_fields(title_el, body, page)
    for el in bylines:
        # A byline element, not a name inside a sentence ("as <span class=author>…</span> argues").
        if (
            not el.decomposed
            and not _first_named(el, PARAGRAPH)
            and (el.name == "p" or not any(parent.name == "p" for parent in el.parents))
        ):
            el.decompose()

    near = _texts_near(title_el)
    visible_title = _text(title_el) if title_el else ""
    title = first(
        # A declared title that merely wraps the visible one ("Title | Site") yields to it.
        visible_title if declared.title and visible_title and visible_title in declared.title else None,
        declared.title,
        visible_title,
        strip_site_name(declared.title_tag, declared.site_name),
    )
    # "Kennan Cable No. 51: <title>", "<author>*: <title>": what the title is printed with.
    title, title_numbered, title_authors = split_title(title or "")
    blocks, html_parts = _read_blocks(body, title)
    if not any(b.kind == "p" for b in blocks):
        # A list of sentences with no paragraph in <div>s either is the text (_told_in_a_list).
        divided = _div_paragraphs(body)
        if divided[0] or not blocks:
            blocks, html_parts = divided
    # Few pages have a table of contents: the page's markup is looked through only where it may.
    if "<nav" in text and "toc" in text:
        contents, contents_parts = _contents_headings(container, blocks)
        blocks, html_parts = [*contents, *blocks], [*contents_parts, *html_parts]
    paragraphs = [b for b in blocks if b.kind == "p"]
    # A memo has prose: a long paragraph, or several shorter ones (menus and link lists do not).
    long_enough = any(len(b.text) >= PROSE_MIN for b in paragraphs) or len(paragraphs) >= 3
    if (
        (
            not long_enough
            or sum(len(b.text) for b in paragraphs) < 2 * PROSE_MIN
            and not _short_memo(soup, paragraphs)
        )
        and not _told_in_a_list(blocks, paragraphs)
        and not _cut_under_head(soup, title_el, paragraphs)
    ):
        raise ParseError("not a memo page: no article text found")

    authors = (
        first(
            declared.authors,
            title_authors,
            author_links,
            [n for names in marked_names for n in names] if marked_names and all(marked_names) else None,
            header_authors,
        )
        or (_split_names(container) if any(map(text.__contains__, NAME_PART_WORDS)) else None)
        or _blog_owner(near)
        or first(
            declared.meta_authors,
            byline_names(str(labels.get("authors", ""))),
        )
        or _byline_under_heading(body)
        or cited_authors(page_lines, title)
        # Last, a person known by a given name near the title, where nothing marks a byline.
        or _named_near_title(title_el, title, page_lines, blocks)
        or []
    )
    if not bio:
        blocks, bio = split_bio(blocks, authors)
        html_parts = html_parts[: len(blocks)]
    body_text = " ".join(b.text for b in blocks)
    return ParsedMemo(
        title=title or "",
        format="html",
        authors=authors,
        published=first(
            declared.published,
            time_date,
            parse_date(str(labels.get("published", ""))),
            header_date,
            byline_date,
            # "Research Paper 2016/RP 10, 04.10.2016": the date the label line prints.
            numbered and numbered.published,
            # "<Title>, <Label> Issue 8, November 3, 2008": the date the title's line prints.
            title_numbered and title_numbered.published,
            header_title_date,
        ),
        memo_number=first(
            memo_number_of(str(labels["memo_number"])) if "memo_number" in labels else None,
            numbered and numbered.number,
            title_numbered and title_numbered.number,
        )
        or cited_number(page, title)
        or capitals_issue_opening(body_text[:80]),
        series=first(
            labels.get("series"), numbered and numbered.series, title_numbered and title_numbered.series
        )
        or journal_over_volume(page_lines),
        category=first(
            declared.section,
            *category_links,
            labels.get("category"),
            _kind_label_near(near),
            header_kind,
            numbered and numbered.category,
            title_numbered and title_numbered.category,
        )
        # Read past the elements over the title only where nothing else gave a category.
        or _kind_label_over_furniture(title_el)
        # Last, as on a text page: the label before a colon opening the title ("Policy Brief: …").
        or kind_opening_title(title),
        language=declared.language or language_of(title + " " + body_text),
        summary=declared.summary or "",
        blocks=blocks,
        body_html=clean_html("\n".join(html_parts)),
        bio=bio,
        pdf=first(declared.pdf, pdf_link, labels.get("pdf")),
        topics=first(declared.topics, tag_links, labels.get("topics")) or [],
        source_url=declared.source_url,
    )


def _contents_headings(container: Tag, blocks: list[Block]) -> tuple[list[Block], list[str]]:
    """The entries of a report's table of contents set over its text (a nav marked "toc") that
    the body's blocks do not print: the page may give the report's summary only, and the
    headings name what the report is about."""
    toc = next((el for el in _named(container, NAV) if _has_token(el, TOC_CLASS)), None)
    if toc is None:
        return [], []
    printed = {b.text for b in blocks}
    entries = [
        (text, el)
        for el in toc.descendants
        if isinstance(el, Tag)
        and not any(isinstance(d, Tag) for d in el.descendants)
        and (text := _text(el))
        and text not in printed
    ]
    return [Block("h", text) for text, _el in entries], [f"<h2>{_inner(el)}</h2>" for _text, el in entries]


def _read_blocks(body: Tag, title: str) -> tuple[list[Block], list[str]]:
    blocks: list[Block] = []
    parts: list[str] = []
    skip_next_value = False
    for el in _block_elements(body):
        text = _text(el)
        if not text or text == title or PDF_LINK_TEXT.match(text):
            continue
        if END_MARKERS.matches(text) and el.name not in ("p", "li"):
            continue
        label = read_label(text)
        if label:  # metadata lines ("Memo #: 540") are fields, not body
            skip_next_value = not label.value
            continue
        if skip_next_value and len(text.split()) <= 3:
            skip_next_value = False
            continue
        skip_next_value = False
        heading = el.name in ("h2", "h3", "h4", "h5", "h6") or (
            el.name == "p" and _is_bold_only(el) and is_heading(text)
        )
        if heading and NOTES_HEADING.match(text):
            break  # endnotes follow the memo; they are not its prose
        if heading:
            blocks.append(Block("h", text))
            parts.append(f"<h2>{_inner(el)}</h2>" if el.name == "p" else str(el))
        elif el.name == "li":
            blocks.append(Block("li", text))
            parts.append(f"<ul>{el}</ul>")
        else:
            blocks.append(Block("p", text))
            parts.append(str(el))
    return blocks, parts


def _div_paragraphs(body: Tag) -> tuple[list[Block], list[str]]:
    """The prose of a page that writes it in <div>s, not <p>s (a catalogue record, an old layout):
    each innermost div of sentences long enough for a paragraph."""
    blocks: list[Block] = []
    parts: list[str] = []
    for el in _named(body, frozenset(("div",))):
        if _has_layout_block(el):
            continue
        text = _text(el)
        if len(text) >= PROSE_MIN and has_sentence(text):
            blocks.append(Block("p", text))
            parts.append(f"<p>{_inner(el)}</p>")
    return blocks, parts


def _is_bold_only(el: Tag) -> bool:
    strong = _first_named(el, frozenset(("strong", "b")))
    return strong is not None and _text(strong) == _text(el)


def _inner(el: Tag) -> str:
    return "".join(str(c) for c in el.contents)

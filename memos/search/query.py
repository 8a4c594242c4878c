"""Reading a websearch query into clauses both databases render alike, and marking matches safely."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Markers the databases put around matches, replaced by <mark> once the text is escaped.
# Control characters, which memo text has no use for; highlight() keeps the marks balanced
# even if a body did contain one.
START, STOP = "\x02", "\x03"
SNIPPET_WORDS = 30
# ts_headline parses all the text it is given: snippets look in the body's first
# SNIPPET_CHARS characters. A memo averages 12,000; the first 4,000 saved 16 ms a page at 100k
# memos but left most results of a relevance-sorted broad search without a highlighted match
# (3 of 20), so the bound is for the rare very long body only.
SNIPPET_CHARS = 20_000


@dataclass(frozen=True)
class Term:
    text: str  # a word or a phrase, as typed, without quotes
    exclude: bool = False
    prefix: bool = False  # a word typed with a trailing *: any word that starts with it


TOKEN = re.compile(r'(?P<minus>-*)(?:"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+))')
# "Huawei's" and "Huawei’s" are about Huawei; "vendors'" about vendors.
POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
EDGES = re.compile(r"^[\W_]+|[\W_]+$")


def plain_word(word: str) -> tuple[str, bool]:
    """An unquoted word without the punctuation around it or a possessive ending; and whether it ends in *.

    Tokenizers split "Huawei's" into "huawei" and "s", a phrase that memos saying "Huawei" lack;
    punctuation inside a word ("e-government", "names:Marat") stays, for the database to read.
    """
    prefix = word.endswith("*")
    return EDGES.sub("", POSSESSIVE.sub("", EDGES.sub("", word))), prefix


def parse_query(q: str) -> list[list[Term]]:
    """websearch syntax -> clauses joined by OR, each a list of terms that must all hold.

    Grouping follows PostgreSQL's websearch_to_tsquery: `a b or c -d` is (a AND b) OR
    (c AND NOT d). Terms without a letter or digit are dropped, and so is a clause of nothing
    but exclusions (FTS5 cannot say "everything except"), so that both databases read a query
    the same way: each gets its own rendering of these clauses, never the raw input.
    """
    clauses: list[list[Term]] = []
    current: list[Term] = []
    for match in TOKEN.finditer(q or ""):
        minus, phrase, word = match.group("minus", "phrase", "word")
        text = phrase if phrase is not None else word
        if phrase is None and not minus and word.casefold() == "or":
            if current:
                clauses.append(current)
                current = []
            continue
        prefix = False
        if phrase is None:
            text, prefix = plain_word(word)
        if any(ch.isalnum() for ch in text):
            current.append(Term(" ".join(text.split()), exclude=bool(minus), prefix=prefix))
    if current:
        clauses.append(current)
    return [clause for clause in clauses if any(not term.exclude for term in clause)]


def fts5_string(term: Term) -> str:
    # Inside an FTS5 string every character goes to the tokenizer, so no input is syntax;
    # a * after the string makes its last token a prefix.
    return '"' + term.text.replace('"', '""') + '"' + ("*" if term.prefix else "")


def fts5_query(clauses: list[list[Term]]) -> str:
    """The clauses as an FTS5 MATCH expression: ("a" AND "b c") NOT ("d") OR ("e")."""
    rendered = []
    for clause in clauses:
        expr = "(" + " AND ".join(fts5_string(t) for t in clause if not t.exclude) + ")"
        excluded = [fts5_string(t) for t in clause if t.exclude]
        if excluded:
            expr = f"({expr} NOT ({' OR '.join(excluded)}))"
        rendered.append(expr)
    return " OR ".join(rendered)


def wanted(clauses: list[list[Term]]) -> list[list[Term]]:
    """The clauses without their exclusions: what ranking and highlighting look for.

    ts_rank scores a query with a NOT in it next to nothing (1e-20), whatever else matched.
    """
    return [[term for term in clause if not term.exclude] for clause in clauses]


def highlight(marked: str) -> SafeString:
    """Escape everything, then turn the database's markers into balanced <mark> tags."""
    html, open_ = [], False
    # Paragraph breaks inside a snippet read as one line on a results page.
    for part in re.split(f"([{START}{STOP}])", " ".join(marked.split())):
        if part == START:
            if not open_:
                html.append("<mark>")
                open_ = True
        elif part == STOP:
            if open_:
                html.append("</mark>")
                open_ = False
        else:
            html.append(escape(part))
    if open_:
        html.append("</mark>")
    return mark_safe("".join(html))

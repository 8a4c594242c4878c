"""Find mentions of countries and technology vendors in a memo's title and body (pure Python)."""

import json
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_ALIASES_PATH = PROJECT_ROOT / "fixtures" / "country_aliases.json"
DEFAULT_VENDORS_PATH = PROJECT_ROOT / "fixtures" / "vendors.json"

CONTEXT_LIMIT = 300  # characters of context kept per mention, ellipses included

# Capitalised phrases that contain a vendor name but are not about the vendor. Vendor names come
# from the database as well as the fixture, so these live here rather than in vendors.json.
NOT_VENDORS = (
    "Orange Revolution", "Orange Revolutions", "Orange Order", "Orange County", "Orange Free State",
    "Agent Orange",
    "Amazon River", "Amazon Rainforest", "Amazon rainforest", "Amazon Basin", "Amazon basin",
    "Amazon region", "Apple Daily", "Big Apple", "Meta-analysis", "Meta-Analysis",
)  # fmt: skip
# Vendor names that are also ordinary words ("the Axis powers", "an axis of"): such a name counts
# only where it is listed beside another vendor ("Axis, Bosch and Avigilon").
LISTED_ONLY_VENDORS = frozenset({"Axis"})
_LIST_SEPARATOR = re.compile(r"(?:,|,? (?:and|or|&|и|или)) ")


@dataclass(frozen=True)
class Hit:
    count: int
    context: str  # first sentence holding a match, whitespace collapsed, at most CONTEXT_LIMIT


@dataclass(frozen=True)
class VendorEntry:
    name: str
    aliases: tuple[str, ...] = ()

    def __post_init__(self):
        # Aliases often arrive as a JSON list; a tuple keeps the entry hashable for the cache.
        object.__setattr__(self, "aliases", tuple(self.aliases or ()))


@dataclass(frozen=True)
class Mentions:
    countries: dict[str, Hit]  # ISO alpha-2 -> Hit
    vendors: dict[str, Hit]  # VendorEntry.name -> Hit


# --- text normalisation -------------------------------------------------------------------------

_APOSTROPHES = ("’", "‘", "ʼ", "′")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


def _normalize(text: str) -> str:
    """NFC, straight apostrophes, one space for each run of whitespace, "\\n" between paragraphs.

    Matching and contexts both work on this form: multi-word names then need exactly one space
    (so a fixed-width look-behind can check their case), and contexts come out collapsed.
    Blank lines separate headings and paragraphs, so they stay as sentence breaks; single
    newlines are usually hard wrapping and become spaces.
    """
    text = _straight_apostrophes(unicodedata.normalize("NFC", text))
    paragraphs = (" ".join(part.split()) for part in _BLANK_LINE.split(text))
    return "\n".join(p for p in paragraphs if p)


def _straight_apostrophes(text: str) -> str:
    for apostrophe in _APOSTROPHES:  # str.replace is much faster than str.translate here
        text = text.replace(apostrophe, "'")
    return text


def _normalize_alias(alias: str) -> str:
    return " ".join(_straight_apostrophes(unicodedata.normalize("NFC", alias)).split())


# --- one regex per table ------------------------------------------------------------------------


class _Node:
    __slots__ = ("children", "chars", "ends")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.chars: set[str] = set()  # characters of the text this edge accepts
        self.ends: list[tuple[str, bool]] = []  # (surface, case_sensitive) ending here


def _fold(ch: str) -> str:
    low = ch.lower()
    return low if len(low) == 1 else ch


def _case_variants(ch: str) -> set[str]:
    return {v for v in (ch, ch.lower(), ch.upper(), ch.title()) if len(v) == 1}


def _trie_regex(surfaces: dict[str, bool]) -> re.Pattern[str]:
    """Compile surface -> case_sensitive into one whole-word regex where the longest form wins.

    A plain alternation of thousands of names would be tried name by name at every word, which
    is far too slow. Sharing prefixes as a trie (children before "stop here") is the same
    longest-first alternation, but each step only tries the few names that can still match.
    Case-insensitive edges accept both cases; a case-sensitive name that ends at a node is
    checked there by a look-behind on its exact spelling: "Turkey" and "Turkmenistan" share
    a path, yet "turkey" and "us" never count.
    """
    root = _Node()
    for surface, case_sensitive in surfaces.items():
        node = root
        for ch in surface:
            node = node.children.setdefault(_fold(ch), _Node())
            node.chars |= {ch} if case_sensitive else _case_variants(ch)
        node.ends.append((surface, case_sensitive))
    body = _emit(root) or "(?!)"
    # The match starts with the non-word character before the name (callers prepend one to the
    # text): a pattern that opens with a character class lets the regex engine skip ahead in C
    # instead of trying every position, which is most of the speed. (?!\w) rather than \b at
    # the end, because names may end in "." ("U.S.").
    return re.compile(rf"\W({body})(?!\w)")


def _emit(node: _Node) -> str:
    branches = []
    for _key, child in sorted(node.children.items()):
        chars = sorted(child.chars)
        edge = re.escape(chars[0]) if len(chars) == 1 else f"[{''.join(map(re.escape, chars))}]"
        branches.append(edge + _emit(child))
    if node.ends:
        if all(case_sensitive for _, case_sensitive in node.ends):
            # Every form ending here has the same length, so the look-behind is fixed-width.
            branches.append("(?<=" + "|".join(re.escape(s) for s, _ in node.ends) + ")")
        else:
            branches.append("")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" if branches else ""


@dataclass(frozen=True)
class _Table:
    regex: re.Pattern[str]
    exact: dict[str, str | None]  # case-sensitive surface -> key; None swallows text silently
    folded: dict[str, str | None]  # lowercased case-insensitive surface -> key

    def key_for(self, surface: str) -> str | None:
        if surface in self.exact:
            return self.exact[surface]
        return self.folded.get(surface.lower())


def _build_table(entries: Iterable[tuple[str, str | None, bool]]) -> _Table:
    """entries: (surface, key or None, case_sensitive); the first key given for a surface wins."""
    surfaces: dict[str, bool] = {}
    exact: dict[str, str | None] = {}
    folded: dict[str, str | None] = {}
    for surface, key, case_sensitive in entries:
        surface = _normalize_alias(surface)
        if not surface:
            continue
        lookup, spelling = (exact, surface) if case_sensitive else (folded, surface.lower())
        if spelling in lookup:
            continue
        lookup[spelling] = key
        surfaces[surface] = case_sensitive
    return _Table(_trie_regex(surfaces), exact, folded)


# --- countries ----------------------------------------------------------------------------------


def _is_case_sensitive(alias: str, common_nouns: set[str]) -> bool:
    if alias.lower() in common_nouns:
        return True
    # Abbreviations ("US", "U.S.", "PRC", "DR Congo", "КНР"): a word with two or more capitals.
    return any(sum(ch.isupper() for ch in word) >= 2 for word in re.split(r"[\s-]+", alias))


def _pycountry_names(entry) -> list[str]:
    names = []
    for attr in ("name", "common_name", "official_name"):
        value = getattr(entry, attr, None)
        # "Bolivia, Plurinational State of" is how lists sort, not how memos write.
        if not value or "," in value:
            continue
        value = re.sub(r"^the ", "", value)  # "the State of Eritrea"
        names.append(value)
        if "(" in value:  # "Holy See (Vatican City State)" is written "Holy See"
            names.append(re.sub(r"\s*\(.*?\)", "", value))
    return names


# Codes ISO 3166-1 leaves to users that are in general use: Kosovo's, by common agreement.
USER_ASSIGNED = {"XK"}


@dataclass(frozen=True)
class _CountryData:
    names: dict[str, list[str]]  # code -> surface forms
    table: _Table


@lru_cache(maxsize=8)
def _country_data(path: Path) -> _CountryData:
    import pycountry  # loads its database on first use; keep importing this module cheap

    data = json.loads(path.read_text(encoding="utf-8"))
    common_nouns = {word.lower() for word in data.get("common_nouns", [])}
    not_countries = [_normalize_alias(p) for p in data.get("not_countries", [])]
    # A phrase matched in any case takes the name out in any case; an abbreviation only in its
    # own spelling: "GUAM" is an organisation of four states, "Guam" stays the territory.
    blocked = {p if _is_case_sensitive(p, common_nouns) else p.lower() for p in not_countries}

    names: dict[str, list[str]] = {}
    for entry in pycountry.countries:
        names[entry.alpha_2] = _pycountry_names(entry)
    for code, extra in data.get("countries", {}).items():
        if code not in names:
            # Countries ISO 3166-1 lacks come only with the names the file gives them: the
            # Soviet Union and Yugoslavia (withdrawn codes) and Kosovo (user-assigned XK).
            if not (pycountry.historic_countries.get(alpha_2=code) or code in USER_ASSIGNED):
                raise ValueError(f"{path}: {code!r} is neither an ISO 3166-1 code nor a withdrawn one")
            names[code] = []
        for field in ("names", "demonyms", "ru"):
            names[code].extend(extra.get(field, []))
    for code, forms in names.items():
        unique = dict.fromkeys(map(_normalize_alias, forms))
        names[code] = [form for form in unique if form and not {form, form.lower()} & blocked]

    entries: list[tuple[str, str | None, bool]] = [
        (phrase, None, _is_case_sensitive(phrase, common_nouns)) for phrase in not_countries
    ]
    for code, forms in names.items():
        entries.extend((form, code, _is_case_sensitive(form, common_nouns)) for form in forms)
    return _CountryData(names, _build_table(entries))


def _aliases_path(path: Path | None) -> Path:
    return Path(path).resolve() if path is not None else DEFAULT_ALIASES_PATH


def country_names(path: Path | None = None) -> dict[str, list[str]]:
    """ISO code -> every English and Russian form matched for it (pycountry plus aliases)."""
    return {code: list(forms) for code, forms in _country_data(_aliases_path(path)).names.items()}


# --- vendors ------------------------------------------------------------------------------------


def load_vendor_entries(path: Path | None = None) -> list[VendorEntry]:
    """The vendors of fixtures/vendors.json (or `path`) as matcher entries."""
    items = json.loads(Path(path or DEFAULT_VENDORS_PATH).read_text(encoding="utf-8"))
    return [VendorEntry(item["name"], tuple(item.get("aliases") or ())) for item in items]


@lru_cache(maxsize=16)
def _vendor_table(vendors: tuple[VendorEntry, ...]) -> _Table:
    entries: list[tuple[str, str | None, bool]] = [(p, None, True) for p in NOT_VENDORS]
    for vendor in vendors:
        entries.extend((surface, vendor.name, True) for surface in (vendor.name, *vendor.aliases))
    return _build_table(entries)


# --- matching -----------------------------------------------------------------------------------

# Opening with a character class lets the engine skip to candidates in C. A break is a newline,
# or end punctuation (with closing quotes) followed by a space and a word not in lowercase.
_SENTENCE_END = re.compile(r"[\n.!?…][.!?…]*[\"'”»)\]]*")
# A period after these does not end the sentence: initials and "U.S."-style abbreviations,
# and titles before names.
_ABBREVIATION = re.compile(
    r"(?:^|(?<=[\s(\[\"']))"
    r"(?:(?:[^\W\d_]\.){2,}|[A-ZА-ЯЁ]\.|(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Col|Lt|Gov|Sen|Rep|No|vs)\.)$"
)


def _sentence_starts(text: str) -> list[int]:
    starts = [0]
    for m in _SENTENCE_END.finditer(text):
        if text[m.start()] == "\n":
            starts.append(m.start() + 1)
            continue
        nxt = m.end() + 1  # the word after the space
        if nxt >= len(text) or text[m.end()] != " " or text[nxt].islower():
            continue
        if m.group() == "." and _ABBREVIATION.search(text[max(0, m.start() - 20) : m.end()]):
            continue
        starts.append(nxt)
    return starts


def _context(text: str, starts: list[int], start: int, end: int) -> str:
    i = bisect_right(starts, start) - 1
    lo = starts[i]
    hi = starts[i + 1] if i + 1 < len(starts) else len(text)
    raw = text[lo:hi]
    sentence = raw.strip()
    offset = lo + len(raw) - len(raw.lstrip())
    if len(sentence) <= CONTEXT_LIMIT:
        return sentence
    start, end = start - offset, end - offset
    width = CONTEXT_LIMIT - 2  # room for an ellipsis on each side
    a = max(0, start - (width - (end - start)) // 2)
    b = min(len(sentence), a + width)
    a = max(0, b - width)
    # Cut between words, never inside the match.
    if a > 0 and (space := sentence.find(" ", a, start)) != -1:
        a = space + 1
    if b < len(sentence) and (space := sentence.rfind(" ", end, b)) != -1:
        b = space
    return ("…" if a > 0 else "") + sentence[a:b].strip() + ("…" if b < len(sentence) else "")


class _Text:
    """A normalised title or body; split into sentences only once something matched."""

    def __init__(self, raw: str) -> None:
        self.text = _normalize(raw or "")
        self.padded = " " + self.text  # the non-word character the regexes expect first

    @cached_property
    def sentence_starts(self) -> list[int]:
        return _sentence_starts(self.text)


_BROKEN_WORD = re.compile(r"[^\W\d_]-\s$")


def _word_piece(padded: str, start: int) -> bool:
    """A match in lower case after "Fer- ": the rest of a word a line break split ("Fer- ghana")."""
    return padded[start].islower() and bool(_BROKEN_WORD.search(padded, max(0, start - 3), start))


# A form of address or a rank, then perhaps a given name, before a match: the match is the
# person's surname ("Air Commodore Andy Turk", "Mr. English"), not the country or its people.
_ADDRESSED = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Prof|Commodore|Admiral|Colonel|Lieutenant|Sergeant)\.?(?: [A-Z][a-z]+)? $"
)


def _surname(padded: str, start: int) -> bool:
    """See _ADDRESSED; looked for only after a word with a capital, as a surname follows one."""
    before = padded.rfind(" ", max(0, start - 16), start - 1)
    return (
        padded[start - 1 : start] == " "
        and padded[before + 1 : before + 2].isupper()
        and bool(_ADDRESSED.search(padded, max(0, start - 40), start))
    )


def _longer_name(padded: str, end: int) -> bool:
    """A match that an apostrophe and a capital go on: "Dell'Oro" is not Dell, "O'Neill" not O;
    or that a currency's sign goes on: "US$500" names the dollar, not the country."""
    after = padded[end : end + 1]
    return after == "$" or after == "'" and padded[end + 1 : end + 2].isupper()


_CONTACT_LINK = re.compile(r"\s*:\s*(?:https?\b|www\.|@)")


def _contact_label(padded: str, end: int) -> bool:
    """A match that labels a link: "Twitter: https://…", "Facebook: @journal" in an imprint's
    contacts names the page's account, not the company."""
    return padded[end : end + 2].lstrip()[:1] == ":" and bool(_CONTACT_LINK.match(padded, end))


_LISTENING_APP = re.compile(r" Podcasts\b")
_LISTENING_CALL = re.compile(r"\b(?:subscribe|listen|follow)", re.I)


def _listening_app(text: _Text, start: int, end: int) -> bool:
    """A match that names the app a podcast is heard on, in a call to the reader: "Subscribe on
    Spotify, Apple Podcasts or wherever you listen" says where to listen, not what the memo is about."""
    if not _LISTENING_APP.match(text.padded, end):
        return False
    sentence = _context(text.text, text.sentence_starts, start - 1, end - 1)
    if _LISTENING_CALL.search(sentence):
        return True
    # The call may head the list of apps: "Listen and subscribe to our podcast:" over "Spotify,
    # Apple Podcasts, Google Podcasts".
    starts = text.sentence_starts
    i = bisect_right(starts, start - 1) - 1
    above = text.text[starts[i - 1] : starts[i]].rstrip() if i > 0 else ""
    return above.endswith(":") and bool(_LISTENING_CALL.search(above))


def _listed(table: _Table, padded: str, match: re.Match[str], neighbours: list[re.Match[str]]) -> bool:
    """A match separated from another name's by only a list's comma or conjunction."""
    for other in neighbours:
        if other.end(1) <= match.start(1):
            gap = padded[other.end(1) : match.start(1)]
        elif other.start(1) >= match.end(1):
            gap = padded[match.end(1) : other.start(1)]
        else:
            continue
        name = other.group(1)
        if name not in LISTED_ONLY_VENDORS and table.key_for(name) and _LIST_SEPARATOR.fullmatch(gap):
            return True
    return False


def _scan(
    table: _Table, texts: Sequence[_Text], contacts: bool = False, listed_only: frozenset[str] = frozenset()
) -> dict[str, Hit]:
    """`contacts`: skip the matches that label a link or name a podcast's app (vendors' platforms);
    `listed_only`: names that count only listed beside another."""
    counts: dict[str, int] = {}
    contexts: dict[str, str] = {}
    for text in texts:
        matches = list(table.regex.finditer(text.padded))
        for i, m in enumerate(matches):
            key = table.key_for(m.group(1))
            if (
                key is None
                or _word_piece(text.padded, m.start(1))
                or _longer_name(text.padded, m.end(1))
                or _surname(text.padded, m.start(1))
            ):
                continue
            if contacts and (
                _contact_label(text.padded, m.end(1)) or _listening_app(text, m.start(1), m.end(1))
            ):
                continue
            if m.group(1) in listed_only and not _listed(
                table, text.padded, m, matches[max(0, i - 1) : i + 2]
            ):
                continue
            counts[key] = counts.get(key, 0) + 1
            if key not in contexts:
                start, end = m.start(1) - 1, m.end(1) - 1  # offsets in text.text
                contexts[key] = _context(text.text, text.sentence_starts, start, end)
    return {key: Hit(count, contexts[key]) for key, count in counts.items()}


def find_mentions(
    title: str,
    body: str,
    vendors: Sequence[VendorEntry] = (),
    aliases_path: Path | None = None,
) -> Mentions:
    """Countries (ISO alpha-2) and vendors (by name) mentioned in the title and body.

    Counts add up over both; the context is the first sentence with a match, title first.
    """
    texts = [_Text(title), _Text(body)]
    countries = _scan(_country_data(_aliases_path(aliases_path)).table, texts)
    found_vendors = (
        _scan(_vendor_table(tuple(vendors)), texts, contacts=True, listed_only=LISTED_ONLY_VENDORS)
        if vendors
        else {}
    )
    return Mentions(countries=countries, vendors=found_vendors)

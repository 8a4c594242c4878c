"""The lexicon of given names (fixtures/given_names.json), generated from two well-kept sources.

Faker's person providers list the first names of many locales (English, German, Polish, Baltic,
Caucasian, Turkish …); pymorphy3's dictionary marks Russian given names ("Name"), Central Asian
ones written in Cyrillic among them. Words that are also countries, peoples, parts of the world
or months are left out: "Georgia", "Jordan" or "May" open many more lines than bylines. The
importer reads only the JSON file; neither library is used while importing.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
from pathlib import Path

from memos.ingest.fields import MONTHS
from memos.ingest.mentions import country_names

# A name as the lexicon keeps it: letters (Latin or Cyrillic), with an inner hyphen or apostrophe.
NAME = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))+$")
SCRIPTS = re.compile(r"^(?:[A-Za-zÀ-ɏ'’-]+|[А-Яа-яЁё'’-]+)$")
# Parts of the world that open a site's or a journal's name ("Asia Sentinel", "Europe Today").
CONTINENTS = {"africa", "america", "asia", "europe", "eurasia", "oceania", "arctic", "siberia", "caucasus"}
MIN_LETTERS = 3  # "Al", "An", "Jo": two letters open more words than names


def faker_names() -> set[str]:
    """The first names of Faker's person providers (class attributes, not computed ones). Its
    "en" list, a census's every name ("Link", "Early", "Major"), counts only the names another
    locale lists too."""
    import faker.providers.person as person

    locales: dict[str, set[str]] = {}
    for module in pkgutil.iter_modules(person.__path__):
        provider = getattr(importlib.import_module(f"{person.__name__}.{module.name}"), "Provider", None)
        for attr in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
            classes = getattr(provider, "__mro__", ())
            value = next((vars(cls)[attr] for cls in classes if attr in vars(cls)), None)
            if isinstance(value, (list, tuple, dict, set, frozenset)):
                for name in value:
                    locales.setdefault(name, set()).add(module.name)
    return {name for name, found in locales.items() if found != {"en"}}


def pymorphy_names(morph=None) -> set[str]:
    """Every singular nominative given name ("Name") of pymorphy3's Russian dictionary."""
    if morph is None:
        import pymorphy3

        morph = pymorphy3.MorphAnalyzer()
    return {
        word
        for word, tag, normal, _para, _idx in morph.dictionary.iter_known_words()
        if word == normal and "Name" in tag and "nomn" in tag and "sing" in tag
    }


def not_names() -> set[str]:
    """Casefolded one-word names of countries and peoples (English and Russian forms, as the
    archive matches them), of parts of the world, and of months."""
    words = {name.casefold() for names in country_names().values() for name in names if " " not in name}
    return words | set(MONTHS) | CONTINENTS


def lexicon(candidates: set[str], excluded: set[str]) -> list[str]:
    """The candidates as the importer looks them up: casefolded, letters only, long enough."""
    kept = {
        name.casefold()
        for name in candidates
        if len(name) >= MIN_LETTERS and NAME.match(name) and SCRIPTS.match(name)
    }
    return sorted(kept - excluded)


def write_lexicon(path: Path, faker: set[str], russian: set[str]) -> int:
    names = lexicon(faker | russian, not_names())
    path.write_text(
        json.dumps(
            {"source": "Faker person providers and pymorphy3's Russian dictionary", "names": names},
            ensure_ascii=False,
            indent=0,
        )
        + "\n",
        encoding="utf-8",
    )
    return len(names)

"""Russian forms of country names, inflected by pymorphy3, for fixtures/country_aliases.json.

Only `generate_russian_forms` imports this module: the import reads the forms it wrote to the
alias file, so the morphological analyser (and its dictionaries) never load while importing.

From fixtures/country_names_ru.json, which lists each country's names in the nominative and
its adjectives in the masculine (Россия, Российская Федерация, РФ, российский) and the nouns for its
people (россиянин, россияне), it makes:
- every case of each name, in the name's number (Россия → России, Россию, Россией, …; a phrase
  inflects up to its head noun: Соединённых Штатов Америки); abbreviations stay as written;
- every case of each noun for the country's people, in its number (американка → американку);
- every gender, number and case of each adjective (российская, российских, …), and the first
  part of a compound adjective (российско- in российско-китайский);
- the phrases that are not countries in every case: the listed ones (Латинская Америка) and
  "<adjective> язык" for each adjective, since a language is not its country (русский язык);
- the forms that are also ordinary words (Куба: "куба", of a cube; Катар: catarrh), which the
  matcher then takes only with the capital letter the name is written with.
"""

from __future__ import annotations

import json
from functools import cached_property
from pathlib import Path

CASES = ["nomn", "gent", "datv", "accs", "ablt", "loct"]
# Parses that still name a place or a person: a form with only these is no ordinary word.
PROPER = {"Geox", "Name", "Surn", "Patr", "Orgn", "Abbr", "Trad"}
# First parts of compound adjectives not formed from the adjective's stem with -ско-.
COMBINING = {"грузинский": ("грузино",), "армянский": ("армяно",)}


def _cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


def _spelled_like(form: str, model: str) -> str:
    """`form` (lowercase, from the dictionary) with the capitals of `model`, part by part."""
    parts, patterns = form.split("-"), model.split("-")
    if len(parts) != len(patterns):  # южно-корейский, a spelling of южнокорейский
        patterns = [model] + [model.lower()] * (len(parts) - 1)
    out = []
    for word, pattern in zip(parts, patterns, strict=True):
        if pattern.isupper() and len(pattern) > 1:
            out.append(word.upper())
        elif pattern[:1].isupper():
            out.append(word[:1].upper() + word[1:])
        else:
            out.append(word)
    return "-".join(out)


def _with_yo_variants(forms: list[str]) -> list[str]:
    """Russian writes ё as е more often than not: both spellings."""
    out: list[str] = []
    for form in forms:
        out.extend(dict.fromkeys([form, form.replace("ё", "е").replace("Ё", "Е")]))
    return list(dict.fromkeys(out))


class Inflector:
    def __init__(self, morph=None):
        self._morph = morph

    @cached_property
    def morph(self):
        if self._morph is None:
            import pymorphy3  # loads the dictionaries: only when forms are generated

            self._morph = pymorphy3.MorphAnalyzer(lang="ru")
        return self._morph

    def _parse(self, word: str, *pos: str):
        """The nominative parse of `word` as one of `pos` (NOUN, ADJF, PRTF), places first."""
        candidates = [p for p in self.morph.parse(word.lower()) if p.tag.POS in pos and p.tag.case == "nomn"]
        if not candidates:
            return None
        return max(candidates, key=lambda p: ("Geox" in p.tag, p.score))

    def is_adjective(self, word: str) -> bool:
        return word[:1].islower() and self._parse(word, "ADJF") is not None

    def adjective_forms(self, lemma: str) -> list[str]:
        """Every full form of an adjective: genders, numbers, cases (российский → российских)."""
        parse = self._parse(lemma, "ADJF")
        if parse is None:
            raise ValueError(f"{lemma!r} is not a Russian adjective pymorphy3 knows")
        forms = [f.word for f in parse.lexeme if f.tag.POS == "ADJF" and "Supr" not in f.tag]
        # The first part of a compound adjective: кыргызско-российский, российско-китайский;
        # some are formed otherwise (грузино-абхазский, армяно-азербайджанский).
        if lemma.endswith(("ский", "цкий")):
            forms.append(lemma[:-2] + "о")
        forms.extend(COMBINING.get(lemma, ()))
        return _with_yo_variants([_spelled_like(f, lemma) for f in dict.fromkeys(forms)])

    def name_forms(self, name: str) -> list[str]:
        """Every case of a country's name, in its own number; a phrase inflects up to its head noun."""
        words = name.split()
        if len(words) == 1 and (name.isupper() or self._fixed(name)):
            return [name]  # СССР, КНР, Марокко
        # The head is the first noun that cannot be read as a modifier (иорданский has a noun
        # reading, as a surname; Соединённые is a participle).
        nouns = [i for i, w in enumerate(words) if self._parse(w, "NOUN") is not None]
        plain = [i for i in nouns if self._parse(words[i], "ADJF", "PRTF") is None]
        head = (plain or nouns or [None])[0]
        if head is None:
            raise ValueError(f"{name!r}: no noun pymorphy3 knows")
        noun = self._parse(words[head], "NOUN")
        number = "plur" if noun.tag.number == "plur" else "sing"
        gender = noun.tag.gender if number == "sing" else None
        forms = []
        for case in CASES:
            inflected = []
            for i, word in enumerate(words):
                if i > head:
                    inflected.append(word)  # Америки in Соединённые Штаты Америки stays
                    continue
                form = self._inflect(word, i == head, case, number, gender)
                inflected.append(_spelled_like(form, word))
            forms.append(" ".join(inflected))
        # Variants a case has besides its main form (Украиной, Украиною).
        if len(words) == 1:
            forms += [
                _spelled_like(f.word, name)
                for f in noun.lexeme
                if f.tag.number == number and f.tag.case in CASES
            ]
        return _with_yo_variants(list(dict.fromkeys(forms)))

    def _fixed(self, word: str) -> bool:
        parse = self._parse(word, "NOUN")
        return parse is not None and "Fixd" in parse.tag

    def _inflect(self, word: str, is_head: bool, case: str, number: str, gender: str | None) -> str:
        # Соединённые and Объединённые are participles: they inflect as adjectives do.
        if is_head:
            parse = self._parse(word, "NOUN")
        else:
            parse = self._parse(word, "ADJF", "PRTF") or self._parse(word, "NOUN")
        if parse is None:
            raise ValueError(f"{word!r}: pymorphy3 knows no nominative noun or adjective")
        wanted = {case, number}
        if parse.tag.POS != "NOUN":
            # A modifier agrees with its noun; countries are things, so a masculine or plural
            # accusative is the nominative (Советский Союз, Соединённые Штаты).
            if case == "accs" and gender in ("masc", None):
                wanted = {"nomn", number}
            wanted |= {gender} if gender else set()
        inflected = parse.inflect(wanted) or parse.inflect({case, number})
        if inflected is None:
            raise ValueError(f"{word!r}: no {case} {number} form")
        return inflected.word

    def is_ordinary_word(self, form: str) -> bool:
        """Whether `form`, lowercased, is also a common word (куба: of a cube; катар: catarrh)."""
        return any(
            parse.is_known and not PROPER & parse.tag.grammemes for parse in self.morph.parse(form.lower())
        )


def generate(source: dict, morph=None) -> dict:
    """The Russian part of the alias file from the names in `source` (country_names_ru.json).

    Returns {"countries": {code: [forms]}, "not_countries": [forms], "common_nouns": [forms]}.
    """
    inflector = Inflector(morph)
    countries: dict[str, list[str]] = {}
    ordinary: list[str] = []
    adjectives: list[str] = []
    for code, names in source["countries"].items():
        forms: list[str] = []
        for name in names:
            if inflector.is_adjective(name):
                adjectives.append(name)
                forms += inflector.adjective_forms(name)
                continue
            name_forms = inflector.name_forms(name)
            forms += name_forms
            # A noun for the people (американец) is an ordinary word by nature and written in
            # lower case: only a capitalised name can be mistaken for one (Куба, куба).
            if len(name.split()) == 1 and name[:1].isupper() and not name.isupper():
                ordinary += [f for f in name_forms if inflector.is_ordinary_word(f)]
        countries[code] = list(dict.fromkeys(forms))
    phrases = list(source.get("not_countries", []))
    phrases += [f"{adjective} язык" for adjective in adjectives]
    not_countries = [form for phrase in phrases for form in inflector.name_forms(phrase)]
    return {
        "countries": countries,
        "not_countries": list(dict.fromkeys(not_countries)),
        "common_nouns": sorted({f.lower() for f in ordinary}),
    }


def rewrite_aliases(aliases_path: Path, source_path: Path, morph=None) -> dict:
    """Replace every Russian form of the alias file with forms generated from `source_path`.

    English names, demonyms and phrases are left as they are. Returns counts for the report.
    """
    aliases = json.loads(aliases_path.read_text(encoding="utf-8"))
    generated = generate(json.loads(source_path.read_text(encoding="utf-8")), morph)
    countries = aliases.setdefault("countries", {})
    for entry in countries.values():
        entry.pop("ru", None)
    for code, forms in generated["countries"].items():
        countries.setdefault(code, {})["ru"] = forms
    for key in ("not_countries", "common_nouns"):
        kept = [f for f in aliases.get(key, []) if not _cyrillic(f)]
        aliases[key] = kept + generated[key]
    aliases["countries"] = {code: entry for code, entry in countries.items() if entry}
    aliases_path.write_text(dump_aliases(aliases) + "\n", encoding="utf-8")
    return {
        "countries": len(generated["countries"]),
        "forms": sum(len(f) for f in generated["countries"].values()),
        "not_countries": len(generated["not_countries"]),
        "common_nouns": len(generated["common_nouns"]),
    }


def dump_aliases(value, indent: int = 0) -> str:
    """JSON as the alias file is written: one key per line, each list of forms on one line."""
    if not isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    pad = " " * (indent + 2)
    items = [
        f"{pad}{json.dumps(k, ensure_ascii=False)}: {dump_aliases(v, indent + 2)}" for k, v in value.items()
    ]
    return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"

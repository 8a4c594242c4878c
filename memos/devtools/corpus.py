"""Synthetic memos for benchmarks: realistic sizes and distributions, the same for the same seed."""

from __future__ import annotations

import hashlib
import itertools
import random
import re
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import connection, connections, transaction
from django.db.models import Max

from .. import changes
from ..ingest.mentions import CONTEXT_LIMIT, VendorEntry, country_names, find_mentions
from ..ingest.parsed import Block
from ..ingest.sanitize import blocks_to_html
from ..models import (
    Author,
    Authorship,
    Country,
    Memo,
    Mention,
    Topic,
    Vendor,
    base_slug,
    normalize_name,
    title_key,
)

# --- vocabulary ---------------------------------------------------------------------------------
# Plain English policy prose. No country, demonym or vendor name may appear here: mentions are
# placed on purpose (see MENTION_SENTENCES) so that the Mention rows match what the importer's
# matcher would find in the same text. Words that a vendor list turns out to contain are dropped
# at run time (see Vocabulary.__init__).

NOUNS = """
government ministry parliament president administration agency region state economy policy reform
strategy program project initiative budget market company firm bank investor contract loan
partnership agreement treaty alliance border conflict crisis war ceasefire negotiation settlement
election campaign party candidate voter coalition opposition movement protest activist society
community minority majority population city capital province district municipality village
institution court judge prosecutor law constitution regulation decree amendment framework system
network platform technology infrastructure pipeline railway road port corridor hub terminal
resource commodity export import tariff sanction embargo currency inflation debt deficit revenue
subsidy tax wage pension salary income poverty inequality growth recession recovery investment
security threat risk stability order control power influence leverage authority legitimacy
sovereignty independence identity language culture history memory narrative message audience
media newspaper broadcaster journalist editor outlet channel report analysis survey poll data
evidence assessment review study research expert scholar analyst observer official diplomat
minister governor mayor deputy lawmaker leader elite oligarch entrepreneur worker farmer student
teacher doctor soldier officer commander army military police service intelligence operation
mission exercise deployment base garrison facility plant factory mine field harvest crop water
energy electricity gas oil coal grid station reactor dam river lake valley mountain steppe
transition trend pattern shift change decline increase expansion contraction pressure tension
dispute rivalry competition cooperation engagement dialogue summit visit meeting forum council
committee commission office bureau department unit team group association union federation
organization foundation charity donor grant aid assistance support funding credit guarantee
mechanism instrument tool approach model practice rule norm standard principle value interest
priority goal objective outcome result effect consequence impact cost benefit trade-off dilemma
question debate discussion argument claim position view perspective lesson scenario option
""".split()  # noqa: SIM905 (a word list reads best as running text)

# Nouns that do not take a plain -s, -es or -ies, or have no plural in this kind of prose.
IRREGULAR_PLURALS = {
    "crisis": "crises", "analysis": "analyses", "media": "media", "data": "data", "evidence": "evidence",
    "infrastructure": "infrastructure", "poverty": "poverty", "inflation": "inflation",
    "intelligence": "intelligence", "electricity": "electricity", "funding": "funding", "aid": "aid",
    "oil": "oil", "gas": "gas", "coal": "coal", "water": "water", "growth": "growth", "security": "security",
    "legitimacy": "legitimacy", "sovereignty": "sovereignty", "police": "police", "military": "militaries",
}  # fmt: skip

ADJECTIVES = """
political economic social regional national local international domestic foreign public private
official informal formal strategic military civilian legal judicial electoral administrative
fiscal monetary financial commercial industrial agricultural technological digital rural urban
small large major minor key central peripheral northern southern eastern western new old recent
current former future long-term short-term gradual rapid sudden slow steady uneven fragile
resilient stable unstable weak strong limited broad narrow deep shallow modest ambitious cautious
bold pragmatic ideological competitive authoritarian democratic liberal conservative populist
reformist moderate radical independent dependent costly cheap scarce abundant growing declining
rising falling persistent temporary permanent direct indirect visible hidden effective ineffective
transparent opaque accountable corrupt legitimate contested disputed shared common joint bilateral
multilateral global continental cross-border post-Soviet landlocked energy-rich resource-poor
""".split()  # noqa: SIM905 (a word list reads best as running text)

# (base, third person singular, past participle)
VERBS = [
    ("shape", "shapes", "shaped"), ("undermine", "undermines", "undermined"),
    ("strengthen", "strengthens", "strengthened"), ("weaken", "weakens", "weakened"),
    ("support", "supports", "supported"), ("challenge", "challenges", "challenged"),
    ("reinforce", "reinforces", "reinforced"), ("limit", "limits", "limited"),
    ("expand", "expands", "expanded"), ("reduce", "reduces", "reduced"),
    ("transform", "transforms", "transformed"), ("complicate", "complicates", "complicated"),
    ("constrain", "constrains", "constrained"), ("enable", "enables", "enabled"),
    ("encourage", "encourages", "encouraged"), ("discourage", "discourages", "discouraged"),
    ("affect", "affects", "affected"), ("influence", "influences", "influenced"),
    ("determine", "determines", "determined"), ("reflect", "reflects", "reflected"),
    ("reveal", "reveals", "revealed"), ("obscure", "obscures", "obscured"),
    ("protect", "protects", "protected"), ("threaten", "threatens", "threatened"),
    ("finance", "finances", "financed"), ("regulate", "regulates", "regulated"),
    ("monitor", "monitors", "monitored"), ("restrict", "restricts", "restricted"),
    ("promote", "promotes", "promoted"), ("resist", "resists", "resisted"),
    ("replace", "replaces", "replaced"), ("sustain", "sustains", "sustained"),
    ("destabilize", "destabilizes", "destabilized"), ("legitimize", "legitimizes", "legitimized"),
    ("centralize", "centralizes", "centralized"), ("fragment", "fragments", "fragmented"),
    ("accelerate", "accelerates", "accelerated"), ("delay", "delays", "delayed"),
    ("redirect", "redirects", "redirected"), ("reshape", "reshapes", "reshaped"),
]  # fmt: skip

# Slots: {a} adjective, {n} noun, {N} plural noun, {v} verb (3rd person), {b} verb (base),
# {d} past participle, {t} a phrase of the memo's theme.
SENTENCES = [
    "The {a} {n} {v} the {a} {n} in ways that few observers expected.",
    "In practice, the {n} {v} the {N} of {a} {N} more than any formal {n}.",
    "{A} {N} have {d} the {n} of the {a} {n} over the past decade.",
    "This {n} is not new, but its {a} {n} has become harder to ignore.",
    "Officials often describe the {n} as a {a} {n}, yet the record suggests otherwise.",
    "Without a {a} {n}, the {n} is likely to {b} the {a} {n} further.",
    "The {n} of {a} {N} remains a {a} question for the {n}.",
    "Several {N} have tried to {b} the {n}, with {a} results.",
    "A {a} {n} would {b} the {n} that {v} the {a} {n}.",
    "Critics argue that the {n} {v} {a} {N} rather than the {n} itself.",
    "The {a} {n} has {d} the {n}, but it has also {d} new {N}.",
    "Much depends on whether the {n} can {b} the {a} {N} of the {n}.",
    "For now, the {n} {v} a {a} {n} between {a} {N} and {a} {N}.",
    "The {n} illustrates how {a} {N} can {b} even a {a} {n}.",
    "Over time, the {a} {n} {v} the {N} on which the {n} depends.",
    "It is tempting to read the {n} as a {a} {n}, but that reading misses the {a} {n}.",
    "As a result, {a} {N} have become a {a} feature of the {n}.",
    "The {n} also {v} the {N} of the {a} {n}.",
    "Few {N} were prepared for the {a} {n} that followed.",
    "The {a} {n} is only one part of a {a} {n} of {N}.",
    "Where the {n} is {a}, {N} tend to {b} the {a} {n}.",
    "Recent {N} show that the {n} has {d} the {a} {n}.",
    "The lesson for {N} is that a {a} {n} cannot {b} a {a} {n} on its own.",
    "What matters most is how the {n} {v} the {a} {N}.",
    "Donors and {N} alike have {d} the {n} for its {a} {n}.",
    "The {n} has little choice but to {b} the {a} {n}.",
    "That {n} helps explain why the {a} {n} {v} the {n}.",
    "The {a} {n} and the {a} {n} are closely linked.",
    "By contrast, the {a} {n} {v} the {N} of {a} {N}.",
    "None of this means that the {n} will {b} the {a} {n} soon.",
    "Debates over {t} reveal a {a} {n} within the {n}.",
    "The politics of {t} {v} the {a} {n} at every level.",
    "Spending on {t} has {d} the {n} of {a} {N}.",
    "Questions of {t} now shape the {a} {n} as much as the {n} does.",
    "Any serious {n} of {t} must account for the {a} {N} involved.",
    "The record on {t} is {a}, and the {n} has {d} it.",
    "Experts on {t} point to the {a} {n} as the main {n}.",
    "Progress on {t} depends on the {n} and on {a} {N}.",
    "The {n} treats {t} as a {a} {n} rather than a {a} {n}.",
    "Reforms of {t} have {d} the {a} {N} that the {n} relies on.",
    "Local {N} see {t} through the lens of {a} {N}.",
    "Public debate about {t} remains {a} and often {a}.",
    "Recommendations: the {n} should {b} the {a} {n} and {b} the {a} {N}.",
    "Policymakers should {b} {a} {N} before they {b} the {n}.",
    "A first step would be to {b} the {n} of {t}.",
]

HEADINGS = [
    "Background", "The Policy Context", "Why It Matters", "The Domestic Politics of {T}",
    "Regional Implications", "What Has Changed", "The Limits of {T}", "Risks Ahead",
    "Lessons From the Past Decade", "Implications for Policy", "Recommendations", "Conclusion",
    "A {A} Turn in {T}", "{T} and the State", "Beyond {T}", "Who Gains and Who Loses",
]  # fmt: skip

TITLE_PATTERNS = [
    "{Cs} {A} {T}", "{T} in {C}: {A} {N} and {A2} {N2}", "The Politics of {T} in {C}",
    "Why {T} Matters for {C}", "{C} and the {A} {N} of {T}", "{T} After the {A} {N}",
    "Rethinking {T}: Lessons From {C}", "How {C} Manages {T}", "{A} {N}: {T} in {C}",
    "{C}, {T}, and the {A} {N}", "Between {T} and {T2}: {Cs} {A} Choice",
    "{T} and {T2} in {C}",
]  # fmt: skip

# Themes and their key phrases: each becomes a topic, and memos on a theme use its phrases.
THEMES_TEXT = """
Surveillance: facial recognition, smart city, safe city, video monitoring, biometric data, data retention,
    license plate readers, public cameras, digital policing
Energy: natural gas, oil exports, pipeline transit, energy subsidies, renewable power, electricity grid,
    nuclear power, coal mining, energy efficiency
Elections: electoral fraud, vote buying, election monitoring, party finance, voter turnout, electoral
    reform, opposition parties, campaign rules, ballot access
Migration: labor migration, remittances, migrant workers, diaspora networks, border crossings, citizenship
    policy, refugee flows, seasonal work, deportation
Security: border security, military reform, defense spending, arms control, peacekeeping, military
    exercises, collective security, hybrid warfare, security services
Economy: economic growth, inflation targeting, foreign investment, public debt, state enterprises,
    privatization, trade policy, currency crisis, economic diversification
Media: media freedom, state television, independent journalism, online news, propaganda, press licensing,
    media ownership, fact checking, public broadcasting
Religion: religious freedom, religious education, clergy, mosque construction, church politics, religious
    extremism, secularism, pilgrimage, faith communities
Nationalism: national identity, language policy, historical memory, ethnic minorities, national symbols,
    patriotic education, civic nationalism, monuments, school curricula
Cybersecurity: cyber attacks, critical infrastructure, ransomware, information security, hacking groups,
    cyber defense, data breaches, encryption, digital sovereignty
Technology: artificial intelligence, telecommunications, mobile networks, fiber optic cables, data
    centers, cloud computing, semiconductors, software exports, internet access
Corruption: anti-corruption agencies, asset declarations, procurement fraud, offshore accounts, money
    laundering, bribery, whistleblowers, judicial integrity, audit institutions
Civil Society: nongovernmental organizations, foreign agent laws, volunteer groups, civic activism, human
    rights defenders, charitable foundations, trade unions, student groups, community organizing
Foreign Policy: bilateral relations, regional integration, strategic partnership, diplomatic recognition,
    multilateral forums, treaty obligations, summit diplomacy, foreign aid, security guarantees
Conflict: frozen conflicts, ceasefire agreements, peace negotiations, displaced persons, occupied
    territories, conflict resolution, mediation, demining, reconstruction
Health: public health, pandemic response, vaccination campaigns, hospital reform, health insurance, drug
    policy, tuberculosis, medical workers, life expectancy
Environment: climate policy, water scarcity, air pollution, glacier melt, environmental protest, carbon
    emissions, land degradation, drought, forest management
Law: constitutional reform, judicial independence, criminal justice, police reform, prison system, legal
    aid, court rulings, rule of law, legislative process
Local Government: municipal budgets, mayoral elections, decentralization, urban planning, public
    transport, housing policy, local councils, regional governors, public utilities
Education: higher education, university autonomy, academic freedom, school reform, student exchanges,
    vocational training, research funding, brain drain, textbooks
Agriculture: food security, grain exports, land reform, irrigation, farm subsidies, cotton production,
    rural poverty, agricultural cooperatives, fertilizer
Infrastructure: railway corridors, road construction, port development, logistics hubs, transit routes,
    infrastructure loans, bridge projects, airport expansion, border terminals
Demography: population decline, birth rates, aging population, urbanization, census data, family policy,
    youth unemployment, emigration, regional disparities
Gender: gender equality, domestic violence, women in politics, reproductive rights, family law, gender
    quotas, women's employment, LGBT rights, feminist movements
Authoritarianism: regime stability, political repression, succession politics, ruling parties, patronage
    networks, elite cohesion, censorship, surveillance state, emergency powers
Protest: street protests, mass mobilization, strikes, protest policing, opposition rallies, online
    mobilization, hunger strikes, labor protest, public petitions
Finance: banking sector, central bank, capital flight, exchange rates, microfinance, payment systems,
    cryptocurrency, sovereign wealth funds, stock markets
Sanctions: export controls, asset freezes, sanctions evasion, secondary sanctions, financial restrictions,
    sanctions relief, dual-use goods, parallel imports, shipping insurance
Disinformation: information operations, troll farms, conspiracy theories, social media platforms, bot
    networks, narrative warfare, content moderation, media literacy, fake news
Trade: customs union, free trade agreements, tariffs, export diversification, trade routes, non-tariff
    barriers, trade disputes, supply chains, commodity exports
"""
THEMES = {
    name: [" ".join(phrase.split()) for phrase in phrases.split(",")]
    for name, phrases in (entry.split(":", 1) for entry in re.split(r"\n(?=\S)", THEMES_TEXT.strip()))
}

# Russian memos: whole sentences with a nominative noun slot, and their own headings.
RU_NOUNS = """
реформа политика экономика безопасность стабильность власть оппозиция коррупция миграция энергетика
инфраструктура модернизация интеграция идентичность демократия цензура пропаганда армия полиция
бюджет инфляция торговля инвестиция граница партия избирательная_система журналистика общество
молодежь наука медицина экология земля занятость бедность неравенство суверенитет лояльность элита
региональная_политика местная_власть конкуренция урбанизация децентрализация
""".split()  # noqa: SIM905 (a word list reads best as running text)

# Predicates that agree with a noun of any gender (present tense, no short adjectives).
RU_SENTENCES = [
    "{n} остается ключевым вопросом для региона.",
    "В последние годы {n} заметно меняется, и это признают даже официальные лица.",
    "Эксперты считают, что {n} требует более осторожного подхода.",
    "Важную роль в этом процессе играет {n}.",
    "Для правительства {n} остается одним из главных приоритетов.",
    "Однако {n} по-прежнему вызывает споры среди наблюдателей.",
    "Без серьезных изменений {n} вряд ли принесет ожидаемые результаты.",
    "На практике {n} зависит от решений небольшой группы чиновников.",
    "Многие исследователи указывают, что {n} отражает более широкие процессы.",
    "Поэтому вопрос о том, как меняется {n}, нужно рассматривать в региональном контексте.",
    "Тем не менее {n} открывает новые возможности для сотрудничества.",
    "Главный вывод состоит в том, что {n} требует долгосрочной стратегии.",
    "Общественное мнение о том, куда движется {n}, остается разделенным.",
    "Доноры и международные организации поддерживают эту инициативу, но {n} меняется медленно.",
    "В таких условиях {n} превращается в инструмент политического контроля.",
    "Данные опросов показывают, что {n} волнует прежде всего жителей крупных городов.",
]

RU_HEADINGS = ["Введение", "Контекст", "Основные тенденции", "Последствия для политики", "Рекомендации",
               "Заключение"]  # fmt: skip

RU_TITLES = ["{c}: {n} в новых условиях", "Почему {n} имеет значение для региона", "{c} и {n}: новые вызовы",
             "{n} после кризиса", "Как меняется {n}"]  # fmt: skip

# Sentences that name a country or vendor: the Mention rows' counts and contexts come from these.
MENTION_SENTENCES = [
    "{X} has become a central case in the debate over {t}.",
    "Officials in {X} describe the {n} as a matter of {a} importance.",
    "The experience of {X} shows how {a} {N} can reshape {t}.",
    "Observers note that {X} has {d} its approach to {t} since the last {n}.",
    "Much of the {n} around {t} now runs through {X}.",
    "In {X}, the {n} has {d} the {a} {N} that govern {t}.",
    "Compared with its neighbors, {X} has taken a {a} line on {t}.",
]
VENDOR_SENTENCES = [
    "{X} has supplied equipment for {t} projects across the region.",
    "Contracts with {X} were signed without a public tender.",
    "{X} presents its products as a {a} solution for {t}.",
    "Local officials praised {X} for its {a} terms of credit.",
    "The role of {X} in {t} has drawn {a} scrutiny from auditors.",
]
RU_MENTION_SENTENCES = [
    "{X} остается важным примером для всего региона.",
    "По мнению экспертов, {X} действует осторожнее соседей.",
    "{X} заявляет о готовности к диалогу.",
    "Позиция, которую занимает {X}, остается предметом споров.",
    "Для соседей {X} остается ключевым партнером.",
    "Решения, которые принимает {X}, влияют на весь регион.",
    "{X} внимательно следит за развитием событий в соседних странах.",
]
RU_VENDOR_SENTENCES = ["Компания {X} поставила оборудование для нескольких городов.",
                       "Контракт с {X} был подписан без открытого тендера."]  # fmt: skip

# Countries ranked by how often an archive on Eurasia discusses them; the rest of the world
# follows with a long tail. Display forms must be names the matcher knows (checked at run time).
EURASIA_RANKED = [
    "RU", "UA", "KZ", "CN", "US", "GE", "AM", "AZ", "BY", "KG", "UZ", "TJ", "MD", "TR", "TM", "IR",
    "DE", "PL", "LT", "LV", "EE", "FR", "GB", "AF", "MN", "IN", "RO", "HU", "FI", "JP",
]  # fmt: skip
SHORT_NAMES = {
    "RU": "Russia",
    "IR": "Iran",
    "MD": "Moldova",
    "US": "the United States",
    "GB": "the United Kingdom",
    "KR": "South Korea",
    "KP": "North Korea",
    "SY": "Syria",
    "VE": "Venezuela",
    "BO": "Bolivia",
    "TR": "Turkey",
    "TW": "Taiwan",
    "VN": "Vietnam",
    "LA": "Laos",
    "TZ": "Tanzania",
    "CZ": "Czechia",
}
RU_NAMES = {
    "RU": "Россия", "UA": "Украина", "KZ": "Казахстан", "CN": "Китай", "GE": "Грузия", "AM": "Армения",
    "AZ": "Азербайджан", "BY": "Беларусь", "KG": "Киргизия", "UZ": "Узбекистан", "TJ": "Таджикистан",
    "MD": "Молдова", "TR": "Турция", "TM": "Туркменистан", "IR": "Иран", "DE": "Германия", "PL": "Польша",
}  # fmt: skip

FIRST_NAMES = """
Aida Alexander Alexandra Alisher Andrei Anna Arkady Azamat Barbara Benjamin Bakhyt Boris Caress Daniel
Dinara Dmitry Elena Emil Erica Eugene Farida Gulnara Georgi Hannah Igor Irina Ivan Jan Joanna Juliet
Kamila Karina Kirill Laura Lisa Maria Marlene Martin Mikhail Nadia Natalia Nikolay Oksana Olga Pavel
Regina Robert Rustam Samuel Sergey Scott Susanne Tatiana Theodore Timur Vera Viktor Yulia Zarina
""".split()  # noqa: SIM905 (a word list reads best as running text)
LAST_NAMES = """
Abdullaev Akhmedov Aliyeva Antonova Arystanbek Baev Belova Bunce Charap Cooley Dankevych Duvanova Egorov
Forest Gabuev Gorenburg Hale Henry Ibragimov Ivanova Jirusek Johnson Junisbai Kasianov Kolesnikov Kormych
Krawatzek Kudelia Laruelle Lipman Lokot Malyarenko Marat Markowitz Melnikov Mitchell Nathans Orttung
Petrov Radnitz Roberts Schenk Shcherbak Smith Sokolova Soroka Spivak Sundstrom Toal Tsygankov Umarov
Verkhovsky Volkov Wengle Yusupova Zakharova Zhukov
""".split()  # noqa: SIM905 (a word list reads best as running text)
POSITIONS = ["Associate Professor", "Professor", "Assistant Professor", "Senior Fellow", "Research Fellow",
             "Director", "Senior Lecturer", "Postdoctoral Fellow", "Visiting Scholar"]  # fmt: skip
INSTITUTIONS = [
    "the Department of Political Science at George Washington University", "the School of Public Policy",
    "the Institute for European, Russian and Eurasian Studies", "the Department of Government",
    "the Center for Eurasian Studies", "the Graduate Institute of International Studies",
    "the Department of History", "the Institute of Sociology", "the Faculty of Economics",
]  # fmt: skip

CATEGORIES = [("Policy Memos", 62), ("Commentary", 15), ("Analysis", 10), ("Policy Perspectives", 8),
              ("Event Reports", 5)]  # fmt: skip
FIRST_DAY, DAYS = date(2000, 1, 1), (date(2024, 12, 31) - date(2000, 1, 1)).days + 1


# --- sampling -----------------------------------------------------------------------------------


def zipf_weights(n: int, s: float = 1.0) -> list[float]:
    """Cumulative Zipf weights for ranks 1..n: the first item is drawn most, then a long tail."""
    return list(itertools.accumulate(1.0 / (k**s) for k in range(1, n + 1)))


def pick_distinct(rng: random.Random, items: Sequence, cum: list[float], k: int) -> list:
    """k different items drawn by weight (fewer if the pool is that small)."""
    k = min(k, len(items))
    chosen: dict = {}
    for _ in range(50 * k):
        if len(chosen) == k:
            break
        item = rng.choices(items, cum_weights=cum)[0]
        chosen.setdefault(item, None)
    return list(chosen)


ARTICLE = re.compile(r"\b([Aa]) (?=[aeiou])")


def capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


def plural(noun: str) -> str:
    if noun in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[noun]
    if noun.endswith("y") and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + ("es" if noun.endswith(("s", "sh", "ch", "x")) else "s")


def vendor_safe(words: list[str], vendors: list[VendorEntry]) -> list[str]:
    """Words that no vendor name matches, in either case: the vendor list is editors' data."""
    if not vendors:
        return words
    return [w for w in words if not find_mentions(w, f"{w.capitalize()} {w}", vendors).vendors]


# --- the text of one memo -----------------------------------------------------------------------


class Vocabulary:
    """Sentence pools built once per run, so each memo is a cheap draw from them.

    Drawing whole sentences keeps 100,000 memos of 2,000 words fast; building the pools from
    Zipf-weighted words gives word frequencies like real prose (a few words everywhere, most rare).
    """

    POOL = 4000  # general sentences
    THEME_POOL = 300  # sentences per theme

    def __init__(self, rng: random.Random, vendors: list[VendorEntry]):
        self.rng = rng
        nouns = vendor_safe(NOUNS, vendors)
        rng.shuffle(nouns)
        adjectives = vendor_safe(ADJECTIVES, vendors)
        rng.shuffle(adjectives)
        verbs = [v for v in VERBS if vendor_safe([v[0]], vendors)]
        self.nouns, self.adjectives, self.verbs = nouns, adjectives, verbs
        self.noun_cum = zipf_weights(len(nouns), 0.6)
        self.adj_cum = zipf_weights(len(adjectives), 0.6)
        self.verb_cum = zipf_weights(len(verbs), 0.8)
        general = [s for s in SENTENCES if "{t}" not in s]
        themed = [s for s in SENTENCES if "{t}" in s]
        self.general = [self.fill(rng.choice(general)) for _ in range(self.POOL)]
        self.themes = {
            theme: [self.fill(rng.choice(themed), rng.choice(phrases)) for _ in range(self.THEME_POOL)]
            for theme, phrases in THEMES.items()
        }
        self.ru_general = [
            capitalize(rng.choice(RU_SENTENCES).replace("{n}", rng.choice(RU_NOUNS).replace("_", " ")))
            for _ in range(self.POOL // 4)
        ]

    def fill(self, pattern: str, theme_phrase: str = "", extra: dict | None = None) -> str:
        rng = self.rng
        out = pattern
        while "{" in out:
            start = out.index("{")
            slot = out[start + 1 : out.index("}", start)]
            if slot in ("n", "N"):
                word = rng.choices(self.nouns, cum_weights=self.noun_cum)[0]
                word = plural(word) if slot == "N" else word
            elif slot in ("a", "A"):
                word = rng.choices(self.adjectives, cum_weights=self.adj_cum)[0]
            elif slot in ("v", "b", "d"):
                verb = rng.choices(self.verbs, cum_weights=self.verb_cum)[0]
                word = verb[{"b": 0, "v": 1, "d": 2}[slot]]
            elif slot == "t":
                word = theme_phrase
            else:
                word = (extra or {})[slot]
            out = out[:start] + word + out[out.index("}", start) + 1 :]
        return capitalize(ARTICLE.sub(r"\1n ", out))


@dataclass
class Subject:
    """A country or vendor a memo mentions: what the text calls it and how often."""

    display: str
    count: int  # in title and body together, as the importer counts
    country: str | None = None
    vendor: int | None = None
    context: str = ""  # the first sentence naming it, title first, as the importer picks it
    in_title: bool = False


@dataclass
class MemoDraft:
    title: str
    published: date
    language: str
    category: str
    series: str
    memo_number: int | None
    blocks: list[Block]
    authors: list[Author]
    topics: list[Topic]
    subjects: list[Subject] = field(default_factory=list)


def compose_body(
    vocab: Vocabulary,
    rng: random.Random,
    language: str,
    themes: list[str],
    subjects: list[Subject],
    words: int,
) -> list[Block]:
    """Paragraphs and headings of about `words` words, each subject named `count` times."""
    mention_sentences = []
    for subject in subjects:
        if subject.vendor is not None:
            patterns = RU_VENDOR_SENTENCES if language == "ru" else VENDOR_SENTENCES
        else:
            patterns = RU_MENTION_SENTENCES if language == "ru" else MENTION_SENTENCES
        for i in range(subject.count - subject.in_title):
            phrase = rng.choice(THEMES[rng.choice(themes)])
            sentence = vocab.fill(rng.choice(patterns), phrase, {"X": subject.display})
            if i == 0 and not subject.in_title:
                subject.context = sentence[:CONTEXT_LIMIT]
            mention_sentences.append(sentence)
    # Mentions cluster in the first half of a memo, as they do in real ones.
    budget = words
    blocks: list[Block] = []
    sentences_left = mention_sentences
    paragraph_no = 0
    while budget > 0:
        if paragraph_no and paragraph_no % rng.randint(4, 6) == 0:
            if language == "ru":
                heading = rng.choice(RU_HEADINGS)
            else:
                theme = rng.choice(themes)
                heading = rng.choice(HEADINGS).format(T=theme, A=rng.choice(vocab.adjectives).capitalize())
            blocks.append(Block("h", heading))
            budget -= len(heading.split())
        paragraph: list[str] = []
        for _ in range(rng.randint(3, 7)):
            if sentences_left and rng.random() < 0.35:
                sentence = sentences_left[0]
                sentences_left = sentences_left[1:]
            elif language == "ru":
                sentence = rng.choice(vocab.ru_general)
            elif rng.random() < 0.3:
                sentence = rng.choice(vocab.themes[rng.choice(themes)])
            else:
                sentence = rng.choice(vocab.general)
            paragraph.append(sentence)
            budget -= len(sentence.split())
            if budget <= 0:
                break
        blocks.append(Block("p", " ".join(paragraph)))
        paragraph_no += 1
    if sentences_left:  # short memos with many mentions: the rest go into one more paragraph
        blocks.append(Block("p", " ".join(sentences_left)))
    return blocks


def word_count(blocks: list[Block]) -> int:
    return sum(len(b.text.split()) for b in blocks)


# --- the whole corpus ---------------------------------------------------------------------------


@dataclass
class CorpusResult:
    memos: int
    authors: int
    topics: int
    mentions: int
    seconds: float
    index_seconds: float


def author_names(rng: random.Random, n: int) -> list[str]:
    """n distinct plausible names: first and last names, a middle initial where they run out."""
    names: dict[str, str] = {}
    initials = "ABCDEFGHIJKLMNOPRSTVZ"
    while len(names) < n:
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        name = f"{first} {last}"
        if normalize_name(name) in names:
            name = f"{first} {rng.choice(initials)}. {last}"
        names.setdefault(normalize_name(name), name)
    return list(names.values())


def topic_names() -> dict[str, str]:
    """About 300 topics (name -> theme): each theme and its key phrases."""
    topics = {}
    for theme, phrases in THEMES.items():
        topics.setdefault(theme, theme)
        for phrase in phrases:
            name = " ".join(w if w.isupper() else w[:1].upper() + w[1:] for w in phrase.split())
            topics.setdefault(name, theme)
    return topics


def upsert_named(model, names: list[str]) -> list:
    """Rows for `names` (Author or Topic), reusing rows whose normalized name exists already."""
    keys = {normalize_name(n): n for n in names}
    existing = {row.key: row for row in model.objects.filter(key__in=list(keys))}
    used_slugs = set(model.objects.values_list("slug", flat=True))
    new = []
    for key, name in keys.items():
        if key in existing:
            continue
        base = base_slug(name, 198)
        slug, n = base, 1
        while slug in used_slugs:
            n += 1
            slug = f"{base}-{n}"
        used_slugs.add(slug)
        new.append(model(name=name, slug=slug, key=key))
    model.objects.bulk_create(new, batch_size=1000)
    rows = {row.key: row for row in model.objects.filter(key__in=list(keys))}
    return [rows[normalize_name(n)] for n in names]


def display_names(countries: list[str]) -> tuple[dict[str, str], dict[str, str]]:
    """English and Russian names to write for each country code, only forms the matcher knows."""
    known = country_names()
    names = dict(Country.objects.filter(code__in=countries).values_list("code", "name"))
    english, russian = {}, {}
    for code in countries:
        forms = set(known.get(code, ()))
        for candidate in (SHORT_NAMES.get(code, "").removeprefix("the "), names.get(code, "")):
            if candidate and candidate in forms and "," not in candidate:
                english[code] = SHORT_NAMES.get(code, candidate)
                break
        if RU_NAMES.get(code) in forms:
            russian[code] = RU_NAMES[code]
    return english, russian


class BackgroundIndexer:
    """Fills the search index for one batch while the next one is generated and written.

    to_tsvector over 2,000 words is most of a memo's cost on PostgreSQL; on a connection of
    its own it runs on another core. One batch at a time keeps memory bounded. SQLite has a
    single writer, and inside an outer transaction (tests) another connection could not see
    the rows, so there batches are indexed inline.
    """

    def __init__(self):
        parallel = connection.vendor == "postgresql" and not connection.in_atomic_block
        self.pool = ThreadPoolExecutor(max_workers=1) if parallel else None
        self.pending: Future | None = None
        self.seconds = 0.0

    def __enter__(self) -> BackgroundIndexer:
        return self

    def __exit__(self, *exc) -> None:
        try:
            self.wait()
        finally:
            if self.pool:
                self.pool.submit(connections.close_all).result()  # the worker thread's connection
                self.pool.shutdown()

    @staticmethod
    def timed(index: Callable[[list[int]], None], ids: list[int]) -> float:
        started = time.perf_counter()
        index(ids)
        return time.perf_counter() - started

    def submit(self, index: Callable[[list[int]], None], ids: list[int]) -> None:
        """memos.changes hands over the indexing of each batch here (changes.writes(executor=...))."""
        self.wait()
        if self.pool is None:
            self.seconds += self.timed(index, ids)
        else:
            self.pending = self.pool.submit(self.timed, index, ids)

    def wait(self) -> None:
        if self.pending is not None:
            pending, self.pending = self.pending, None
            self.seconds += pending.result()


def generate_corpus(
    memos: int, seed: int = 1, batch_size: int = 500, progress: Callable[[int, int], None] | None = None
) -> CorpusResult:
    """Add `memos` synthetic memos, with authors, topics, mentions and the search index filled."""
    started = time.perf_counter()
    rng = random.Random(seed)
    vendor_rows = list(Vendor.objects.order_by("slug").values_list("pk", "name", "aliases"))
    vendors = [VendorEntry(name, tuple(aliases or ())) for _pk, name, aliases in vendor_rows]
    vocab = Vocabulary(rng, vendors)

    codes = sorted(Country.objects.values_list("code", flat=True))
    ranked = [c for c in EURASIA_RANKED if c in codes]
    tail = [c for c in codes if c not in ranked]
    rng.shuffle(tail)
    english, russian = display_names(ranked + tail)
    country_pool = [c for c in ranked + tail if c in english]
    country_cum = zipf_weights(len(country_pool), 1.1)
    ru_pool = [c for c in country_pool if c in russian]
    ru_cum = zipf_weights(len(ru_pool), 1.1)
    # "China Telecom" would also count as a mention of China; leave such names out so that each
    # memo's Mention rows are exactly what the importer would find in its text.
    vendor_pool = [(pk, name) for pk, name, _aliases in vendor_rows if not find_mentions(name, "").countries]
    rng.shuffle(vendor_pool)
    vendor_cum = zipf_weights(len(vendor_pool), 1.0)

    authors = upsert_named(Author, author_names(rng, max(3, round(memos / 50))))
    rng.shuffle(authors)
    author_cum = zipf_weights(len(authors), 0.8)
    topic_theme = topic_names()
    topics = upsert_named(Topic, list(topic_theme))
    rng.shuffle(topics)  # popularity by rank, so the popular topics come from many themes
    topic_cum = zipf_weights(len(topics), 0.7)
    bios = {
        a.pk: f"{a.name} is {rng.choice(POSITIONS)} at {rng.choice(INSTITUTIONS)}. "
        f"{a.name.split()[-1]} writes on {rng.choice(list(THEMES)).lower()} and "
        f"{rng.choice(list(THEMES)).lower()}."
        for a in authors
    }

    # Dates first and in order, so memo numbers grow with time as in a real series.
    year_cum = list(itertools.accumulate(1 + i / 6 for i in range(25)))  # the archive grows
    days = sorted(
        date(FIRST_DAY.year + rng.choices(range(25), cum_weights=year_cum)[0], 1, 1)
        + timedelta(days=rng.randrange(365))
        for _ in range(memos)
    )
    # Numbers continue each series, so a second run adds to the archive without collisions.
    next_number = {
        (series, language): (
            Memo.objects.filter(series=series, language=language).aggregate(top=Max("memo_number"))["top"]
            or 0
        )
        + 1
        for series in ("1", "2", "PP")
        for language in ("en", "ru")
    }
    used_slugs = set(Memo.objects.values_list("slug", flat=True))
    categories, category_weights = zip(*CATEGORIES, strict=True)

    def draft(published: date) -> MemoDraft:
        language = "ru" if rng.random() < 0.08 else "en"
        category = rng.choices(categories, weights=category_weights)[0]
        series, number = "", None
        if category in ("Policy Memos", "Policy Perspectives"):
            series = "PP" if category == "Policy Perspectives" else "1" if published.year < 2008 else "2"
            number = next_number[(series, language)]
            next_number[(series, language)] += 1
        memo_topics = pick_distinct(rng, topics, topic_cum, rng.randint(2, 6))
        themes = list(dict.fromkeys(topic_theme[t.name] for t in memo_topics))
        memo_authors = pick_distinct(rng, authors, author_cum, rng.choices((1, 2, 3), (60, 30, 10))[0])
        if language == "ru":
            subjects = choose_subjects(rng, (ru_pool, ru_cum), russian, vendor_pool, vendor_cum)
        else:
            subjects = choose_subjects(rng, (country_pool, country_cum), english, vendor_pool, vendor_cum)
        title = make_title(vocab, rng, language, themes, subjects[0] if subjects else None)
        blocks = compose_body(vocab, rng, language, themes, subjects, int(rng.triangular(1000, 2950, 1600)))
        return MemoDraft(
            title, published, language, category, series, number, blocks, memo_authors, memo_topics, subjects
        )

    made = mentions = 0
    with BackgroundIndexer() as indexer:
        for start in range(0, memos, batch_size):
            drafts = [draft(day) for day in days[start : start + batch_size]]
            # The batch is indexed once it is committed, on the indexer's own connection.
            with changes.writes(executor=indexer), transaction.atomic():
                rows = save_drafts(drafts, used_slugs, bios, rng)
            made += len(rows)
            mentions += sum(len(d.subjects) for d in drafts)
            if progress:
                progress(made, memos)
    refresh_statistics()
    return CorpusResult(
        memos=made,
        authors=len(authors),
        topics=len(topics),
        mentions=mentions,
        seconds=time.perf_counter() - started,
        index_seconds=indexer.seconds,
    )


def refresh_statistics() -> None:
    """VACUUM ANALYZE the tables just filled, on PostgreSQL, so benchmarks see real plans.

    Without statistics the planner guesses row counts and picks nested loops that take seconds
    at 100,000 memos; without the visibility map index-only scans visit the table. Autovacuum
    would get there in time, unless (as on some servers) it is off. Inside a transaction (tests)
    VACUUM cannot run, and ANALYZE alone does.
    """
    if connection.vendor != "postgresql":
        return
    tables = ", ".join(
        model._meta.db_table for model in (Memo, Mention, Authorship, Memo.topics.through, Author, Topic)
    )
    with connection.cursor() as cursor:
        cursor.execute(f"{'ANALYZE' if connection.in_atomic_block else 'VACUUM (ANALYZE)'} {tables}")


def choose_subjects(rng, countries, names, vendor_pool, vendor_cum) -> list[Subject]:
    """The countries (1 to 8, one dominant) and vendors (often none) a memo discusses."""
    pool, cum = countries
    codes = pick_distinct(rng, pool, cum, min(8, 1 + int(rng.expovariate(0.55))))
    subjects = []
    for i, code in enumerate(codes):
        count = rng.randint(4, 25) if i == 0 else 1 + int(rng.expovariate(0.45))
        subjects.append(Subject(names[code], count, country=code))
    if vendor_pool and rng.random() < 0.35:
        for pk, name in pick_distinct(
            rng, vendor_pool, vendor_cum, rng.choices((1, 2, 3, 4), (55, 25, 12, 8))[0]
        ):
            subjects.append(Subject(name, 1 + int(rng.expovariate(0.4)), vendor=pk))
    return subjects


def make_title(vocab: Vocabulary, rng, language: str, themes: list[str], subject: Subject | None) -> str:
    """A title naming the memo's main country (counted as one of its mentions) or not."""
    place = subject.display if subject and subject.country else None
    if language == "ru":
        pattern = rng.choice([p for p in RU_TITLES if place or "{c}" not in p])
        noun = rng.choice(RU_NOUNS).replace("_", " ")
        title = pattern.replace("{c}", place or "").replace("{n}", noun)
    else:
        pattern = rng.choice([p for p in TITLE_PATTERNS if place or "{C}" not in p])
        noun, noun2 = (plural(rng.choice(vocab.nouns)).capitalize() for _ in range(2))
        adjective, adjective2 = (rng.choice(vocab.adjectives).capitalize() for _ in range(2))
        theme, other = rng.choice(themes), rng.choice(list(THEMES))
        place = place or ""
        title = pattern.format(
            C=place, Cs=place + ("'" if place.endswith("s") else "'s"),
            T=theme, T2=other, A=adjective, A2=adjective2, N=noun, N2=noun2,
        )  # fmt: skip
    title = capitalize(title)
    if place and (place in title or capitalize(place) in title):
        subject.in_title, subject.context = True, title[:CONTEXT_LIMIT]
    return title


def save_drafts(drafts: list[MemoDraft], used_slugs: set[str], bios: dict, rng) -> list[Memo]:
    """Write one batch: memos, then their authorships, topics and mentions, in bulk."""
    memos = []
    for d in drafts:
        base = base_slug(d.title, 188)
        slug, n = base, 1
        while slug in used_slugs:
            n += 1
            slug = f"{base}-{n}"
        used_slugs.add(slug)
        body_text = "\n\n".join(b.text for b in d.blocks)
        first = d.blocks[0].text
        summary = first if len(first) <= 300 else first[: first.rfind(". ", 0, 300) + 1]
        surname = d.authors[0].name.split()[-1]
        pdf = f"Pepm{d.memo_number}_{surname}_{d.published:%b%Y}.pdf" if d.memo_number is not None else ""
        memos.append(
            Memo(
                title=d.title,
                title_key=title_key(d.title),  # bulk_create skips Memo.save(), which sets it
                slug=slug,
                published=d.published,
                memo_number=d.memo_number,
                series=d.series,
                category=d.category,
                language=d.language,
                summary=summary,
                body_html=blocks_to_html(d.blocks),
                body_text=body_text,
                bio=" ".join(bios[a.pk] for a in d.authors),
                pdf_url=pdf,
                content_hash=hashlib.sha256(f"{slug}\n{body_text}".encode()).hexdigest(),
                word_count=len(body_text.split()),
                is_published=rng.random() > 0.01,
            )  # fmt: skip
        )
    Memo.objects.bulk_create(memos, batch_size=250)
    Authorship.objects.bulk_create(
        [Authorship(memo=m, author=a, position=i, bio=bios[a.pk]) for m, d in zip(memos, drafts, strict=True)
         for i, a in enumerate(d.authors)],
        batch_size=2000,
    )  # fmt: skip
    Through = Memo.topics.through
    Through.objects.bulk_create(
        [Through(memo_id=m.pk, topic_id=t.pk) for m, d in zip(memos, drafts, strict=True) for t in d.topics],
        batch_size=2000,
    )
    # A few mentions carry an editor's verdict, as in a curated archive.
    verdicts = [Mention.AUTO, Mention.CONFIRMED, Mention.REJECTED]
    Mention.objects.bulk_create(
        [
            Mention(
                memo=m,
                country_id=s.country,
                vendor_id=s.vendor,
                count=s.count,
                context=s.context,
                verdict=rng.choices(verdicts, (97, 2, 1))[0],
            )  # fmt: skip
            for m, d in zip(memos, drafts, strict=True)
            for s in d.subjects
        ],
        batch_size=2000,
    )
    return memos

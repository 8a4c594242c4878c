"""The country and vendor matcher, its reference data, and the reference seed memo (no Django)."""

import ast
import json
from pathlib import Path

import pycountry
import pytest

from memos.ingest.mentions import (
    CONTEXT_LIMIT,
    Hit,
    Mentions,
    VendorEntry,
    country_names,
    find_mentions,
    load_vendor_entries,
)

ROOT = Path(__file__).resolve().parents[1]
ALIASES_FILE = ROOT / "fixtures" / "country_aliases.json"
VENDORS_FILE = ROOT / "fixtures" / "vendors.json"
# The seed page, as the project keeps it (a byte-for-byte copy of ../shared/seeds/).
SEED = ROOT / "fixtures" / "pages" / "000_0dc8eaca4fa1d520.txt"

ISO_CODES = {c.alpha_2 for c in pycountry.countries}
ARCHIVE_CODES = ISO_CODES | {"SU", "YU", "XK"}  # the Soviet Union, Yugoslavia, Kosovo
SECTORS = {"surveillance", "telecom", "ai", "cloud", "hardware", "security", "software"}


def countries(text: str, title: str = "") -> set[str]:
    return set(find_mentions(title, text).countries)


@pytest.fixture(scope="module")
def vendors() -> list[VendorEntry]:
    return load_vendor_entries()


def vendors_in(text: str, entries) -> set[str]:
    return set(find_mentions("", text, entries).vendors)


# --- countries: traps ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the longest name wins
        ("Fighting in South Sudan continued.", {"SS"}),
        ("Sudan and South Sudan signed.", {"SD", "SS"}),
        ("Papua New Guinea joined.", {"PG"}),
        ("New Guinea is an island.", set()),
        ("Guinea-Bissau and Equatorial Guinea.", {"GW", "GQ"}),
        ("Nigeria is not Niger.", {"NG", "NE"}),
        ("Nigeria alone.", {"NG"}),
        ("Nigerian and Nigerien officials.", {"NG", "NE"}),
        ("Dominica is not the Dominican Republic.", {"DM", "DO"}),
        ("American Samoa voted.", {"AS"}),
        ("Samoa voted.", {"WS"}),
        ("Belfast, Northern Ireland.", {"GB"}),
        ("Dublin, Ireland.", {"IE"}),
        ("The United States Minor Outlying Islands.", {"UM"}),
        ("Turks and Caicos Islands.", {"TC"}),
        # regions, seas and look-alikes count as nothing
        ("Latin America and Latin American markets.", set()),
        ("South America, North America and Central America.", set()),
        ("North American and South American firms.", set()),
        ("New Mexico and New Jersey are states.", set()),
        ("Islands in the Indian Ocean.", set()),
        ("Patrols in the South China Sea.", set()),
        ("Europe, Asia, Eurasia, Africa, the Middle East.", set()),
        ("Western approaches; post-Soviet space; the former Soviet Union; Soviet-era laws.", set()),
        ("Beijing, Moscow, Kyiv, Tashkent and Almaty.", set()),
        # a city with an ISO code of its own, and a currency named after its country
        ("Cairo or Kiev, Hong Kong or Minsk.", set()),
        ("1,7 млн долларов США, paid in U.S. dollars.", set()),
        ("Korean and Congolese and Guinean firms.", set()),
        # case rules: common nouns and abbreviations are case-sensitive
        ("We ate turkey.", set()),
        ("Turkey and Türkiye and Turkiye.", {"TR"}),
        ("A hanging chad.", set()),
        ("Chad borders Niger.", {"TD", "NE"}),
        ("jordan almonds", set()),
        ("Jordan signed.", {"JO"}),
        ("fine china and japan lacquer", set()),
        ("China and Japan", {"CN", "JP"}),
        ("a guinea pig", set()),
        ("a panama hat", set()),
        ("Tell us about it.", set()),
        ("Us and them.", set()),
        ("US policy", {"US"}),
        ("U.S. policy", {"US"}),
        ("in the U.S.", {"US"}),
        ("U.S.-China relations", {"US", "CN"}),
        ("the USA and the U.S.A.", {"US"}),
        ("the uk", set()),
        ("the UK", {"GB"}),
        ("the prc", set()),
        ("the PRC", {"CN"}),
        ("RUSSIA AND KAZAKHSTAN", {"RU", "KZ"}),
        ("russia", {"RU"}),
        ("the Fer- ghana Valley", set()),  # a word broken at the end of a line
        ("CHINA", set()),
        # demonyms
        ("Chinese firms", {"CN"}),
        ("Kyrgyz officials", {"KG"}),
        ("Uzbek students", {"UZ"}),
        ("Kazakh and Kazakhstani banks", {"KZ"}),
        ("Tajik and Turkmen", {"TJ", "TM"}),
        ("British organizations", {"GB"}),
        ("American and Americans", {"US"}),
        ("Russian and Russians", {"RU"}),
        ("Ukrainian farms", {"UA"}),
        ("Georgian wine", {"GE"}),
        ("Armenian and Azerbaijani and Azeri", {"AM", "AZ"}),
        ("Moldovan and Belarusian", {"MD", "BY"}),
        ("North Korean and South Korean", {"KP", "KR"}),
        ("Iranian, Israeli, Turkish, Indian", {"IR", "IL", "TR", "IN"}),
        ("Sino-Russian ties", {"CN", "RU"}),
        ("Indo-Russian defence ties", {"IN", "RU"}),
        # "Indo-" compounds that name a region or a language family, not India
        ("the Indo-Pacific and Indo-European languages", set()),
        # whole words only
        ("A woman from Indiana.", set()),
        ("Germanic languages.", set()),
        ("Romania and Oman", {"RO", "OM"}),
        # possessives, straight and curly
        ("China’s and Russia's plans", {"CN", "RU"}),
        ("Kyrgyzstan’s police", {"KG"}),
        # official names with apostrophes
        ("the People’s Republic of China", {"CN"}),
        ("the People's Republic of China", {"CN"}),
        ("the Democratic People's Republic of Korea", {"KP"}),
        ("the Republic of China", {"TW"}),
        ("Côte d’Ivoire and Cote d'Ivoire and Ivory Coast", {"CI"}),
        # Russian
        ("Отношения с Россией", {"RU"}),
        ("в Казахстане", {"KZ"}),
        ("из Китая", {"CN"}),
        ("США и Соединённые Штаты", {"US"}),
        ("сша", set()),
        ("в Латинской Америке", set()),
        ("американские и российские компании", {"US", "RU"}),
        ("Кыргызстан, Киргизия, Таджикистану, Узбекистаном", {"KG", "TJ", "UZ"}),
        ("Украине, Беларуси, Молдове и Грузии", {"UA", "BY", "MD", "GE"}),
        ("Армении и Азербайджане", {"AM", "AZ"}),
        ("в Вест-Индии", set()),
        ("Réunion, not a réunion", {"RE"}),
        ("Туркменистан и Эстония, Латвия, Литве", {"TM", "EE", "LV", "LT"}),
        ("КНР, КНДР и Южной Кореи", {"CN", "KP", "KR"}),
        # Russian adjectives count; a language named after a country is not the country
        ("российский, китайская и казахстанских", {"RU", "CN", "KZ"}),
        ("Россия и русский язык", {"RU"}),
        ("на русском языке и по-русски", set()),
        ("Русская литература и китайского языка", {"RU"}),
        # nor a school that teaches in it
        ("реформа русской школы Эстонии; русские школы и российские вузы", {"EE", "RU"}),
        ("в русских школах Латвии", {"LV"}),
        # nor those who speak it, the language's noun left out
        ("против носителей русского в Латвии", {"LV"}),
        ("носители русского языка и Россия", {"RU"}),
        ("Куба и кубы льда", {"CU"}),
        # an organisation's acronym is not the territory it spells
        ("the GUAM summit; Guam and the Pacific", {"GU"}),
        ("the GUAM summit", set()),
        # nouns for a country's people, in any case and at a sentence's start
        ("Американка вложила деньги. Встреча с россиянами и узбеком.", {"US", "RU", "UZ"}),
        # countries farther afield, as a list of partners names them
        ("Зимбабве, Тунис, Алжиром, Перу и Чили", {"ZW", "TN", "DZ", "PE", "CL"}),
        ("панама и перу, бутан", set()),
        # the first part of a compound adjective, however it is formed
        ("грузино-абхазский конфликт и армяно-турецкая граница", {"GE", "AM", "TR"}),
        # countries ISO 3166-1 lacks: the Soviet Union and Yugoslavia (historic) and Kosovo
        ("The Soviet Union, the USSR and Soviet troops.", {"SU"}),
        ("Yugoslavia and Yugoslav successor states.", {"YU"}),
        ("Kosovo and Kosovar Albanians.", {"XK", "AL"}),
        ("the Former Yugoslav Republic of Macedonia", {"MK"}),
        ("СССР, Советского Союза и советские танки; Югославии; Косово.", {"SU", "YU", "XK"}),
        ("постсоветское пространство и страны бывшего СССР", set()),
        # a currency's sign after a country's code names the currency, not the country
        ("it will cost US$500 billion, or HK$3 trillion", set()),
        ("the US and Canada pay in dollars ($)", {"US", "CA"}),
        # a people's name as a person's surname, after a rank or a form of address
        ("Rear Admiral Lena Turk recalled her service. Admiral Turk went on.", set()),
        ("Dr. Turk met a Turk in Ankara.", {"TR"}),
    ],
)
def test_country_traps(text, expected):
    assert countries(text) == expected


def test_one_long_name_counts_once():
    found = find_mentions("", "The United States of America and the Соединённых Штатов Америки.")
    assert found.countries["US"].count == 2
    found = find_mentions("", "the People's Republic of China")
    assert found.countries["CN"].count == 1


def test_counts_add_up_over_title_and_body():
    found = find_mentions("China and Russia", "China, China’s, Chinese. Russia. Turkey, turkey.")
    assert found.countries["CN"].count == 4
    assert found.countries["RU"].count == 2
    assert found.countries["TR"].count == 1


def test_names_split_by_line_wrapping_still_match():
    assert countries("talks with the United\nStates and Papua New\n   Guinea") == {"US", "PG"}


def test_a_paragraph_break_splits_a_name():
    assert countries("South\n\nSudan") == {"SD"}


def test_result_types():
    found = find_mentions("Kazakhstan", "")
    assert isinstance(found, Mentions)
    assert found.countries == {"KZ": Hit(count=1, context="Kazakhstan")}
    assert found.vendors == {}
    assert find_mentions("", "") == Mentions(countries={}, vendors={})


# --- contexts ------------------------------------------------------------------------------------


def test_context_is_the_first_sentence_with_a_match():
    body = "Nothing here. Armenia signed a deal. Later Armenia left.\n\nAnother paragraph."
    assert find_mentions("", body).countries["AM"].context == "Armenia signed a deal."


def test_context_prefers_the_title():
    found = find_mentions("Russia's Choice", "Intro. Russia acted.")
    assert found.countries["RU"].context == "Russia's Choice"
    assert found.countries["RU"].count == 2


def test_context_collapses_whitespace_and_ends_at_paragraphs():
    body = "Heading about nothing\n\nThe   deal with\nMoldova   was  signed\tlast year. More."
    expected = "The deal with Moldova was signed last year."
    assert find_mentions("", body).countries["MD"].context == expected
    assert find_mentions("", "Moldova Heading\n\nFirst sentence.").countries["MD"].context == (
        "Moldova Heading"
    )


def test_context_does_not_break_after_abbreviations():
    body = "It was confirmed in a 2012 U.S. intelligence report. The U.S. Government agreed."
    hit = find_mentions("", body).countries["US"]
    assert hit.context == "It was confirmed in a 2012 U.S. intelligence report."
    assert hit.count == 2


def test_context_sentence_breaks():
    body = "First one! Georgia? Yes. “Quoted.” Ukraine next… and so on."
    found = find_mentions("", body).countries
    assert found["GE"].context == "Georgia?"
    assert found["UA"].context == "Ukraine next… and so on."


def test_long_sentence_context_is_trimmed_around_the_match():
    before = " ".join(f"word{i}" for i in range(80))
    after = " ".join(f"other{i}" for i in range(80))
    hit = find_mentions("", f"{before} Tajikistan {after}.").countries["TJ"]
    assert len(hit.context) <= CONTEXT_LIMIT
    assert len(hit.context) > CONTEXT_LIMIT - 30
    assert hit.context.startswith("…") and hit.context.endswith("…")
    assert "Tajikistan" in hit.context
    assert "  " not in hit.context
    # cut between words
    assert hit.context[1:].split()[0].startswith("word")
    assert hit.context[:-1].split()[-1].startswith("other")


def test_long_sentence_with_the_match_at_its_start():
    hit = find_mentions("", "Uzbekistan " + "lorem ipsum " * 60 + "end.").countries["UZ"]
    assert hit.context.startswith("Uzbekistan lorem")
    assert hit.context.endswith("…")
    assert len(hit.context) <= CONTEXT_LIMIT


# --- vendors -------------------------------------------------------------------------------------


def test_vendor_aliases_map_to_the_canonical_name(vendors):
    text = "Huawei and HikVision; later HIKVISION and Hangzhou Hikvision."
    found = find_mentions("", text, vendors)
    assert found.vendors["Hikvision"].count == 3
    assert found.vendors["Huawei"].count == 1
    assert set(found.vendors) == {"Huawei", "Hikvision"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("apple pie and an orange", set()),
        ("Apple and Samsung phones", {"Apple", "Samsung"}),
        ("meta data", set()),
        ("Meta and Facebook", {"Meta"}),
        ("The Orange Revolution in Ukraine", set()),
        ("The Orange Revolutions of 2004 and 2005", set()),
        ("Orange and Vodafone", {"Orange", "Vodafone"}),
        ("The Amazon rainforest", set()),
        ("Amazon Web Services and AWS", {"Amazon"}),
        ("Face++ and MEGVII", {"Megvii"}),
        ("iFLYTEK and iFlytek", {"iFlytek"}),
        ("Zhejiang Dahua and Dahua Technology", {"Dahua"}),
        ("China Aerospace Science and Industry Corporation", {"CASIC"}),
        ("China National Electronics Import & Export Corporation", {"CEIEC"}),
        ("Hikvisions", set()),
        ("huawei", set()),
        ("Huawei’s and ZTE's", {"Huawei", "ZTE"}),
        ("Nokia Siemens Networks", {"Nokia"}),
        ("Яндекс и Ростелеком", {"Yandex", "Rostelecom"}),
        # a company named after its founder: in quotation marks, the company; bare, the man
        ("Компания «Касперский» выросла; продукты Лаборатории Касперского", {"Kaspersky"}),
        ("Евгений Касперский сказал", set()),
        ("a beeline for intel", set()),
        ("Beeline and Intel", {"Beeline", "Intel"}),
        ("AT&T, Group-IB, N-Tech.Lab and Amazon.com", {"AT&T", "Group-IB", "NtechLab", "Amazon"}),
        ("Apple Inc. and Baidu Inc.", {"Apple", "Baidu"}),
        ("research firm Dell'Oro and Dell's servers", {"Dell"}),
        ("research firm Dell’Oro", set()),
        ("Didi Chuxing and DiDi, not Didier", {"Didi"}),
        # an imprint's contact labels name the journal's accounts, not the companies, even where
        # the dump cut the link after its scheme
        ("Contacts: Facebook: https://example.org/j Twitter : @journal", set()),
        ("Director of the Centre) Twitter: https\nE-mail:", set()),
        ("Twitter: the company cut its staff", {"Twitter"}),
        # the apps a podcast is heard on, where the page asks the reader to listen, are no subject
        ("Subscribe to Steppe Talk on Spotify, Apple Podcasts, or wherever you listen.", set()),
        ("Listen on Google Podcasts.", set()),
        ("Listen and subscribe to our podcast:\n\nSpotify, Apple Podcasts, Google Podcasts", set()),
        ("Our guests:\n\nApple Podcasts and Google Podcasts editors", {"Apple", "Google"}),
        ("Apple Podcasts dropped the show; Apple declined to comment.", {"Apple"}),
        # a name that is also an ordinary word counts only listed beside another vendor
        ("Cameras by Axis, Bosch and Avigilon", {"Axis Communications", "Bosch", "Avigilon"}),
        ("бренды Hanwha Vision и Axis", {"Hanwha Vision", "Axis Communications"}),
        ("Axis Communications sells cameras", {"Axis Communications"}),
        ("the Axis powers and Siemens", {"Siemens"}),
        ("Axis of Resistance; Bosch, the Axis", {"Bosch"}),
        ("Uber and Yandex.Taxi", {"Uber", "Yandex"}),
        # deep packet inspection gear and the integrator that supplied it
        ("DPI gear made by Sandvine, supplied by Jet Infosystems", {"Sandvine", "Jet Infosystems"}),
        ("поставщик Инфосистемы Джет", {"Jet Infosystems"}),
        # a platform a state would make register locally, beside the others named with it
        ("Facebook, Twitter and YouTube would need to register", {"Meta", "Twitter", "YouTube"}),
        # a company's name in capitals written as a word, as a text may ("Nice Systems")
        ("Verint and Nice Systems", {"Verint", "NICE Systems"}),
        ("a nice system", set()),
    ],
)
def test_vendor_matching_is_case_sensitive_and_whole_word(vendors, text, expected):
    assert vendors_in(text, vendors) == expected


def test_vendor_context_and_custom_entries():
    entries = [VendorEntry("Acme", ["ACME Corp", "Acme Inc."])]  # a list works too
    body = "Intro. Deal with ACME Corp closed. Acme Inc. grew."
    found = find_mentions("Acme wins", body, entries)
    assert found.vendors == {"Acme": Hit(3, "Acme wins")}
    assert find_mentions("", "acme", entries).vendors == {}


def test_no_vendors_means_no_vendor_mentions():
    assert find_mentions("", "Huawei and Apple").vendors == {}


def test_the_matcher_is_pure_python():
    source = (ROOT / "memos" / "ingest" / "mentions.py").read_text(encoding="utf-8")
    imported = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add((node.module or ".").split(".")[0])
    assert imported <= {
        "bisect", "collections", "dataclasses", "functools", "json", "pathlib", "pycountry", "re",
        "unicodedata",
    }  # fmt: skip


# --- reference data ------------------------------------------------------------------------------


def test_vendor_fixture():
    items = json.loads(VENDORS_FILE.read_text(encoding="utf-8"))
    assert len(items) >= 60
    slugs = [item["slug"] for item in items]
    names = [item["name"] for item in items]
    assert len(set(slugs)) == len(slugs)
    assert len(set(names)) == len(names)
    surfaces = [s for item in items for s in (item["name"], *item["aliases"])]
    assert len(set(surfaces)) == len(surfaces), "an alias belongs to two vendors"
    for item in items:
        assert item["country"] in ISO_CODES, item
        assert item["sector"] in SECTORS, item
        assert all(isinstance(a, str) and a.strip() == a and a for a in item["aliases"]), item
        assert all(s != s.lower() for s in (item["name"], *item["aliases"])), (
            "an all-lowercase alias would match ordinary words"
        )
    entries = load_vendor_entries()
    assert [e.name for e in entries] == names


def test_required_vendors_are_present(vendors):
    by_name = {e.name: set(e.aliases) for e in vendors}
    required = [
        "Huawei", "ZTE", "Hikvision", "Dahua", "CASIC", "CEIEC", "SenseTime", "Megvii",
        "CloudWalk", "Yitu", "iFlytek", "Uniview", "Tiandy", "Alibaba", "Tencent", "Baidu",
        "China Mobile", "China Telecom", "China Unicom", "Xiaomi", "Cisco", "IBM", "Ericsson",
        "Nokia", "Apple", "Samsung", "Microsoft", "Google", "Amazon", "Meta", "Oracle", "Intel",
        "Nvidia", "Palantir", "Motorola Solutions", "NEC", "Hitachi", "Fujitsu", "Thales", "Idemia",
        "Axis Communications", "Bosch", "Siemens", "Honeywell", "Clearview AI", "NSO Group",
        "Cellebrite", "Hacking Team", "FinFisher", "Verint", "Kaspersky", "Yandex", "NtechLab",
        "VisionLabs", "Positive Technologies", "Rostelecom", "MTS", "VEON", "MegaFon", "Kcell",
        "Beeline", "Tele2", "Telenor", "Vodafone", "Orange", "Qualcomm", "Cognitive Technologies",
        "Group-IB", "Vokord",
    ]  # fmt: skip
    assert [name for name in required if name not in by_name] == []
    assert {"HikVision", "HIKVISION", "Hangzhou Hikvision"} <= by_name["Hikvision"]
    assert "Hangzhou Hikvision Digital Technology" in by_name["Hikvision"]
    assert {"Dahua Technology", "Zhejiang Dahua"} <= by_name["Dahua"]
    assert "China Aerospace Science and Industry Corporation" in by_name["CASIC"]
    assert "China National Electronics Import & Export Corporation" in by_name["CEIEC"]
    assert "Face++" in by_name["Megvii"]
    assert {"Amazon Web Services", "AWS"} <= by_name["Amazon"]
    assert "Facebook" in by_name["Meta"]
    assert "Alphabet" in by_name["Google"]
    assert "Gamma Group" in by_name["FinFisher"]
    assert "Kaspersky Lab" in by_name["Kaspersky"]
    assert "VimpelCom" in by_name["VEON"]


def test_alias_fixture_is_consistent():
    data = json.loads(ALIASES_FILE.read_text(encoding="utf-8"))
    assert set(data["countries"]) <= ARCHIVE_CODES
    assert all(word == word.lower() for word in data["common_nouns"])
    for code, entry in data["countries"].items():
        assert set(entry) <= {"names", "demonyms", "ru"}, code
        for forms in entry.values():
            assert all(isinstance(f, str) and f.strip() == f and f for f in forms), code


def test_no_form_belongs_to_two_countries():
    owners: dict[str, str] = {}
    for code, forms in country_names().items():
        for form in forms:
            key = form.lower()
            assert owners.setdefault(key, code) == code, f"{form!r}: {owners[key]} and {code}"


def test_every_iso_country_is_covered():
    names = country_names()
    assert set(names) == ARCHIVE_CODES
    assert all(names[code] for code in ISO_CODES)
    assert {"Viet Nam", "Vietnam", "Socialist Republic of Viet Nam"} <= set(names["VN"])
    assert "Bolivia" in names["BO"]
    assert "Holy See" in names["VA"]
    assert "State of Eritrea" in names["ER"]
    assert not any("," in form for forms in names.values() for form in forms)
    # ambiguous between the two Congos: a not_countries phrase, so no country claims it
    assert "Congo" not in names["CG"]
    assert "Republic of the Congo" in names["CG"]
    assert "Democratic Republic of the Congo" in names["CD"]


def test_no_capitals_cities_or_regions():
    forms = {form.lower() for forms in country_names().values() for form in forms}
    for word in ["Beijing", "Moscow", "Kyiv", "Kiev", "Washington", "London", "Tashkent", "Europe",
                 "Asia", "Eurasia", "Africa", "post-Soviet", "Western", "Korean", "Congolese",
                 "Guinean", "Москва", "Пекин", "Европа", "Азия"]:  # fmt: skip
        assert word.lower() not in forms, word


@pytest.mark.parametrize(
    ("code", "forms"),
    [
        ("CN", ["Chinese", "PRC"]),
        ("KG", ["Kyrgyz", "Kyrgyz Republic", "Kyrgyzstani"]),
        ("UZ", ["Uzbek", "Uzbeks"]),
        ("KZ", ["Kazakh", "Kazakhstani"]),
        ("TJ", ["Tajik", "Tadzhikistan", "Tadzhik"]),
        ("TM", ["Turkmen"]),
        ("GB", ["British", "UK", "Britain", "Great Britain"]),
        ("US", ["American", "Americans", "U.S.", "USA", "US", "America"]),
        ("RU", ["Russian", "Russians", "Russia"]),
        ("UA", ["Ukrainian"]),
        ("GE", ["Georgian"]),
        ("AM", ["Armenian"]),
        ("AZ", ["Azerbaijani", "Azeri"]),
        ("MD", ["Moldovan", "Moldova"]),
        ("BY", ["Belarusian"]),
        ("KR", ["South Korea"]),
        ("KP", ["North Korea"]),
        ("IR", ["Iran"]),
        ("SY", ["Syria"]),
        ("VN", ["Vietnam"]),
        ("LA", ["Laos"]),
        ("CZ", ["Czechia", "Czech Republic"]),
        ("CI", ["Ivory Coast"]),
        ("MM", ["Burma"]),
        ("TW", ["Taiwan"]),
        ("MK", ["Macedonia"]),
        ("TR", ["Turkey", "Türkiye"]),
    ],
)
def test_required_aliases_and_demonyms(code, forms):
    assert set(forms) <= set(country_names()[code])


RUSSIAN_REQUIRED = [
    "RU", "UA", "BY", "MD", "GE", "AM", "AZ", "KZ", "KG", "TJ", "TM", "UZ", "EE", "LV", "LT",
    "CN", "US", "GB", "DE", "FR", "TR", "IR", "IN", "JP", "PL", "IL", "AF", "PK", "MN", "KP", "KR",
]  # fmt: skip


@pytest.mark.parametrize("code", RUSSIAN_REQUIRED)
def test_russian_forms_are_listed(code):
    cyrillic = [f for f in country_names()[code] if any("а" <= ch.lower() <= "я" for ch in f)]
    assert len(cyrillic) >= 3, code
    for form in cyrillic:
        assert countries(f"Про {form} всё.") == {code}, form


def test_russian_inflections():
    names = set(country_names()["RU"])
    assert {"Россия", "России", "Россию", "Россией"} <= names
    assert {"Казахстан", "Казахстана", "Казахстану", "Казахстаном", "Казахстане"} <= set(
        country_names()["KZ"]
    )
    assert {"Китай", "Китая", "Китаю", "Китаем", "Китае", "КНР"} <= set(country_names()["CN"])


def test_the_sahel_states_are_named_in_russian():
    # Memos on Russia in Africa name the Sahel's juntas; Niger is not Nigeria.
    text = "Влияние Франции в Нигере, Мали и Буркина-Фасо ослабло, а нигерский уран ушёл из Нигерии."
    assert countries(text) == {"FR", "NE", "ML", "BF", "NG"}


def test_custom_alias_file(tmp_path):
    path = tmp_path / "aliases.json"
    path.write_text(
        json.dumps(
            {
                "common_nouns": ["bolivia"],
                "not_countries": ["Little Armenia"],
                "countries": {"AM": {"names": ["Hayastan"]}},
            }
        ),
        encoding="utf-8",
    )
    found = find_mentions("", "Hayastan, Little Armenia, bolivia, Bolivia.", aliases_path=path)
    assert set(found.countries) == {"AM", "BO"}
    assert found.countries["AM"].count == 1
    assert "Hayastan" in country_names(path)["AM"]
    assert "Hayastan" not in country_names()["AM"]


def test_unknown_code_in_alias_file_is_an_error(tmp_path):
    path = tmp_path / "aliases.json"
    path.write_text(json.dumps({"countries": {"XX": {"names": ["Nowhere"]}}}), encoding="utf-8")
    with pytest.raises(ValueError, match="XX"):
        country_names(path)


# --- long texts (speed is measured by `manage.py bench`, never in a test) -------------------


def test_a_long_memo_counts_every_occurrence(vendors):
    sentence = (
        "Chinese firms such as Huawei and HikVision sell cameras to Kazakhstan, while the U.S. "
        "and the UK watch; meanwhile the ministry said the tender was open to all bidders. "
    )
    body = sentence * (3000 // len(sentence.split()) + 1)
    found = find_mentions("A title", body, vendors)
    assert found.countries["KZ"].count == body.count("Kazakhstan")
    assert found.vendors["Hikvision"].count == body.count("HikVision")


# --- the reference seed memo ---------------------------------------------------------------------


def seed_memo() -> tuple[str, str]:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    title_at = lines.index("Chinese Artificial Intelligence Projects Expand in Eurasian Cities")
    body_at = next(i for i, line in enumerate(lines) if line.startswith("(PONARS Policy Memo)"))
    end = next(i for i, line in enumerate(lines) if line.startswith("Erica Marat is Associate"))
    assert title_at < body_at < end
    return lines[title_at], "\n".join(lines[body_at:end])


def test_reference_seed_memo(vendors):
    title, body = seed_memo()
    found = find_mentions(title, body, vendors)
    assert set(found.countries) == {
        "CN", "AM", "AZ", "RU", "TJ", "UA", "UZ", "KG", "KZ", "US", "GB", "AU", "GE", "MD",
    }  # fmt: skip
    assert set(found.vendors) == {
        "Huawei", "Hikvision", "CASIC", "ZTE", "IBM", "Cisco", "Apple", "Samsung",
    }  # fmt: skip
    assert found.countries["CN"].context == title
    assert found.countries["US"].count == 2
    assert found.countries["US"].context.startswith("The firm has links to the Chinese government")
    assert found.countries["GB"].count == 2  # "UK" and "British"
    assert found.countries["AU"].context == (
        "Just this past summer, Australia banned Huawei and ZTE from operating in its market."
    )
    assert found.vendors["Hikvision"].count == 2
    assert found.vendors["CASIC"].context == (
        "Three China-based companies, Huawei, HikVision, and CASIC, lead in smart and safe city "
        "projects in the region."
    )
    for hit in [*found.countries.values(), *found.vendors.values()]:
        assert 0 < len(hit.context) <= CONTEXT_LIMIT
        assert "\n" not in hit.context

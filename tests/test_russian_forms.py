"""generate_russian_forms: Russian country names inflected by pymorphy3 into the alias file."""

import json
import os
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from memos.ingest.russian_forms import Inflector, generate, rewrite_aliases

from .conftest import ROOT, SEED

SOURCE = ROOT / "fixtures" / "country_names_ru.json"
ALIASES = ROOT / "fixtures" / "country_aliases.json"


@pytest.fixture(scope="module")
def inflector():
    return Inflector()


def test_a_name_in_every_case(inflector):
    assert inflector.name_forms("Россия") == ["Россия", "России", "Россию", "Россией"]
    assert set(inflector.name_forms("Украина")) >= {"Украины", "Украине", "Украину", "Украиной", "Украиною"}
    assert "Нидерландах" in inflector.name_forms("Нидерланды")  # a plural name stays plural


def test_a_phrase_inflects_up_to_its_head_noun(inflector):
    forms = inflector.name_forms("Соединённые Штаты Америки")
    assert {"Соединённых Штатов Америки", "Соединенными Штатами Америки"} <= set(forms)
    assert "Республики Корея" in inflector.name_forms("Республика Корея")
    assert "Южную Корею" in inflector.name_forms("Южная Корея")
    assert "Советский Союз" in inflector.name_forms("Советский Союз")  # accusative of a thing
    assert "Российскую Федерацию" in inflector.name_forms("Российская Федерация")


def test_abbreviations_and_indeclinable_names_stay(inflector):
    assert inflector.name_forms("СССР") == ["СССР"]
    assert inflector.name_forms("Марокко") == ["Марокко"]


def test_adjectives_in_every_gender_number_and_case(inflector):
    forms = set(inflector.adjective_forms("казахстанский"))
    assert {"казахстанский", "казахстанская", "казахстанское", "казахстанских", "казахстанскими"} <= forms
    assert "китайская" in inflector.adjective_forms("китайский")


def test_generate_adds_languages_and_ordinary_words():
    generated = generate({"countries": {"RU": ["Россия", "русский"], "CU": ["Куба"]}, "not_countries": []})
    assert generated["countries"]["RU"][:4] == ["Россия", "России", "Россию", "Россией"]
    assert "русских" in generated["countries"]["RU"]
    # "русский язык" is a language in every case, not Russia; "кубы" are also cubes.
    assert {"русский язык", "русского языка", "русском языке"} <= set(generated["not_countries"])
    assert "кубы" in generated["common_nouns"] and "россии" not in generated["common_nouns"]


def test_a_noun_for_the_people_is_matched_in_either_case():
    generated = generate({"countries": {"US": ["американка"], "CU": ["Куба"]}, "not_countries": []})
    assert {"американка", "американку", "американкой"} <= set(generated["countries"]["US"])
    # Written in lower case, it is no capitalised name that could pass for a common word.
    assert "американку" not in generated["common_nouns"] and "кубы" in generated["common_nouns"]


def test_rewrite_keeps_english_and_replaces_every_russian_form(tmp_path):
    aliases = tmp_path / "aliases.json"
    aliases.write_text(
        json.dumps(
            {
                "common_nouns": ["turkey", "катар"],
                "not_countries": ["Latin America", "Латинская Америка"],
                "countries": {"RU": {"names": ["Russia"], "ru": ["Русь"]}, "QA": {"ru": ["Катар"]}},
            }
        ),
        encoding="utf-8",
    )
    source = tmp_path / "source.json"
    source.write_text(json.dumps({"countries": {"RU": ["Россия"]}, "not_countries": []}), encoding="utf-8")
    rewrite_aliases(aliases, source)
    data = json.loads(aliases.read_text(encoding="utf-8"))
    assert data["countries"] == {"RU": {"names": ["Russia"], "ru": ["Россия", "России", "Россию", "Россией"]}}
    assert data["common_nouns"] == ["turkey"] and data["not_countries"] == ["Latin America"]


def test_the_alias_fixture_is_what_the_command_generates(tmp_path):
    copy = tmp_path / "aliases.json"
    copy.write_bytes(ALIASES.read_bytes())
    out = StringIO()
    call_command("generate_russian_forms", aliases=copy, source=SOURCE, stdout=out)
    assert "Russian forms of" in out.getvalue()
    assert copy.read_text(encoding="utf-8") == ALIASES.read_text(encoding="utf-8"), (
        "fixtures/country_aliases.json is out of date: run manage.py generate_russian_forms"
    )


def test_command_reports_a_name_it_cannot_inflect(tmp_path):
    source = tmp_path / "source.json"
    source.write_text(json.dumps({"countries": {"RU": ["Ыъщ Ьщъ"]}}), encoding="utf-8")
    aliases = tmp_path / "aliases.json"
    aliases.write_text("{}", encoding="utf-8")
    with pytest.raises(CommandError, match="Ыъщ Ьщъ"):
        call_command("generate_russian_forms", aliases=aliases, source=source, stdout=StringIO())


def test_importing_never_loads_the_analyser():
    code = (
        "import sys, django; django.setup()\n"
        "from memos.ingest.pipeline import parse_source\n"
        "from memos.ingest.sources import Page\n"
        f"parse_source(Page('seed', data=open({str(SEED)!r}, 'rb').read()), [])\n"
        "assert 'pymorphy3' not in sys.modules, 'the import loaded pymorphy3'\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "memos.settings.test"}
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True)


def test_the_first_part_of_a_compound_adjective(inflector):
    assert "кыргызско" in inflector.adjective_forms("кыргызский")
    assert "немецко" in inflector.adjective_forms("немецкий")
    # Formed otherwise: грузино-абхазский, not only грузинско-.
    assert "грузино" in inflector.adjective_forms("грузинский")

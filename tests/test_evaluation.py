"""evaluate_extraction: scoring on small hand-made gold files, and the command's output."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from memos.devtools.evaluation import (
    FIELDS,
    GoldPage,
    SetScore,
    below_floor,
    evaluate,
    gold_pages,
    normalized,
    report,
    score_page,
)

from .conftest import DATA, SEED

# The seed's fields as its gold file in tests/data/gold says, in the real corpus' gold format.
SEED_FIELDS = json.loads((DATA / "gold" / f"{SEED.name}.json").read_text(encoding="utf-8"))
SEED_GOLD = {name: SEED_FIELDS[name] for name in FIELDS} | {
    "url": "ANY",
    "publisher": "PONARS Eurasia",
    "countries": {
        "required": ["CN", "KZ", "RU"],
        "allowed": sorted(set(SEED_FIELDS["countries"]) - {"CN", "KZ", "RU"}),
    },
    "vendors": {
        "required": ["Huawei", "ZTE"],
        "allowed": sorted(set(SEED_FIELDS["vendors"]) - {"Huawei", "ZTE"}),
    },
}


def write_page(folder, name, data: bytes, gold: dict):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)
    (folder / f"{name}.gold.json").write_text(json.dumps(gold), encoding="utf-8")


@pytest.fixture
def corpus(tmp_path):
    """A seed page in dev (right everywhere), a wrong-gold copy and an unparseable page in test."""
    write_page(tmp_path / "dev", "seed.txt", SEED.read_bytes(), SEED_GOLD)
    wrong = SEED_GOLD | {
        "publisher": "Elsewhere",
        "title": "Another Title",
        "authors": "ANY",
        "countries": {"required": ["CN", "FR"], "allowed": []},
        "vendors": "ANY",
    }
    write_page(tmp_path / "test", "copy.txt", SEED.read_bytes(), wrong)
    write_page(tmp_path / "test", "broken.html", b"<html><head><title>Cut", SEED_GOLD)
    return tmp_path


def test_set_score_counts_required_and_allowed():
    score = SetScore().add({"CN", "KZ", "FR", "DE"}, required={"CN", "KZ", "RU"}, allowed={"DE"})
    assert (score.tp, score.fn, score.fp) == (2, 1, 1)  # DE is allowed, FR is not
    assert score.precision == pytest.approx(2 / 3) and score.recall == pytest.approx(2 / 3)
    assert score.f1 == pytest.approx(2 / 3)


def test_set_score_of_nothing_required_and_nothing_found_is_perfect():
    score = SetScore().add(set(), set(), {"US"})
    assert (score.precision, score.recall, score.f1) == (1.0, 1.0, 1.0)
    assert SetScore().add({"US"}, set(), set()).precision == 0.0


def test_fields_compare_after_folding_case_space_quotes_and_dashes():
    assert normalized("Russia’s  “Pivot” — East") == normalized('russia\'s "pivot" - east')
    assert normalized([]) is None and normalized("") is None and normalized(None) is None
    assert normalized(47) == normalized("47")
    assert normalized(["A", "B"]) != normalized(["B", "A"])  # order counts


def test_any_is_not_scored_and_a_wrong_field_is_reported():
    page = GoldPage(SEED, SEED_GOLD | {"title": "ANY", "series": "3"}, "dev")
    predicted = {"title": "x", "series": "2", "language": "en"}
    result = score_page(page, predicted, None)
    assert "title" not in result.fields
    assert result.fields["series"] is False and result.misses["series"] == ("3", "2")


def test_a_pdf_stored_as_a_url_is_compared_with_the_name_as_printed():
    page = GoldPage(SEED, {"pdf": "Chapter 13 Report.pdf"}, "dev")
    assert score_page(page, {"pdf": "Chapter%2013%20Report.pdf"}, None).fields["pdf"] is True
    assert score_page(page, {"pdf": "Chapter%2014%20Report.pdf"}, None).fields["pdf"] is False


def test_gold_vendors_are_compared_under_the_archive_s_names():
    page = GoldPage(SEED, {"vendors": {"required": ["Facebook", "ZTE"], "allowed": []}}, "dev")
    result = score_page(page, {"vendors": {"Meta": 1, "ZTE": 2}}, None, {"Facebook": "Meta", "Meta": "Meta"})
    assert (result.sets["vendors"].tp, result.sets["vendors"].fp) == (2, 0)


def test_a_page_that_fails_counts_wrong_on_every_scored_field(corpus):
    pages, problems = gold_pages([corpus / "test" / "broken.html"])
    assert problems == []
    [result] = evaluate(pages)
    assert result.error and "no body" in result.error
    assert set(result.fields) == set(FIELDS) and not any(result.fields.values())
    # Even the fields whose gold is empty: nothing was read, so nothing is right.
    countries = result.sets["countries"]
    assert (countries.tp, countries.fn, countries.fp) == (0, 3, 0)


def test_report_per_split(corpus):
    pages, _ = gold_pages([corpus])
    results = evaluate(pages)
    figures = report(results)
    assert (figures["pages"], figures["publishers"], figures["failed"]) == (3, 2, 1)
    dev, test = figures["splits"]["dev"], figures["splits"]["test"]
    assert all(c["right"] == c["total"] == 1 for c in dev["fields"].values())
    assert dev["countries"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    # test: the copy's title is wrong, its authors are not scored; the broken page is wrong everywhere.
    assert test["fields"]["title"] == {"right": 0, "total": 2}
    assert test["fields"]["authors"] == {"right": 0, "total": 1}
    assert test["fields"]["published"] == {"right": 1, "total": 2}
    # copy: CN right, FR missed, the seed's other countries extra; broken: CN, KZ, RU missed.
    [copy] = [r for r in results if r.page.path.name == "copy.txt"]
    extra = len(set(copy.predicted["countries"]) - {"CN", "FR"})
    assert extra >= 10
    assert test["countries"]["precision"] == round(1 / (1 + extra), 4)
    assert test["countries"]["recall"] == round(1 / 5, 4)
    assert test["vendors"]["recall"] == 0.0  # only the broken page scores vendors
    assert set(test["countries_by_language"]) == {"en"}


def test_below_floor_names_what_dropped(corpus):
    pages, _ = gold_pages([corpus / "test"])
    test = report(evaluate(pages))["splits"]["test"]
    assert below_floor(test, {"title": 0.0, "published": 0.4}) == []
    dropped = below_floor(test, {"title": 0.5, "countries.en": 0.9, "countries.ru": 0.9})
    assert dropped[0].startswith("title: 0.000 < floor 0.500")
    assert dropped[1].startswith("countries.en:") and len(dropped) == 2  # no Russian page: not judged


def test_command_prints_tables_and_json(corpus):
    out = StringIO()
    call_command("evaluate_extraction", str(corpus), stdout=out, verbosity=2)
    text = out.getvalue()
    assert "== dev: 1 pages, 1 publishers" in text and "== test: 2 pages, 2 publishers" in text
    assert "Elsewhere" in text and "PONARS Eurasia" in text
    assert "copy.txt: title: expected 'Another Title'" in text
    assert "broken.html: failed:" in text
    out = StringIO()
    call_command("evaluate_extraction", str(corpus / "dev"), "--format", "json", stdout=out)
    figures = json.loads(out.getvalue())
    assert set(figures) >= {"pages", "publishers", "fields", "countries", "vendors", "splits"}
    assert set(figures["fields"]) == set(FIELDS)
    assert list(figures["splits"]) == ["dev"]


def test_command_check_floor_fails_below_it(corpus, monkeypatch):
    monkeypatch.setattr("memos.devtools.evaluation.TEST_FLOOR", {"title": 0.9})
    with pytest.raises(CommandError, match="title: 0.000 < floor 0.900"):
        call_command("evaluate_extraction", str(corpus), "--check-floor", stdout=StringIO())
    with pytest.raises(CommandError, match="needs the test split"):
        call_command("evaluate_extraction", str(corpus / "dev"), "--check-floor", stdout=StringIO())


def test_command_reports_pages_without_gold_and_fails_on_none(tmp_path):
    (tmp_path / "lonely.txt.gold.json").write_text("{}", encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError, match="no annotated pages"):
        call_command("evaluate_extraction", str(tmp_path), stdout=StringIO(), stderr=err)
    assert "no page beside it" in err.getvalue()

"""import_memos end to end: real files, a real database, the command's output and exit code."""

import http.server
import io
import json
import shutil
import sys
import threading
from datetime import date
from functools import partial

import pytest

from memos.ingest import load
from memos.models import Author, Authorship, ImportRecord, Memo, Mention, Topic

from .conftest import DATA, PAGES, SEED

pytestmark = pytest.mark.django_db

JSON_KEYS = {
    "source", "status", "error", "title", "authors", "published", "memo_number", "series", "pdf",
    "topics", "category", "language", "countries", "vendors", "word_count",
    "action", "duplicate_of", "warnings",  # added by issues 10 and 13; the keys before them are a contract
}  # fmt: skip
SEED_COUNTRIES = {"CN", "AM", "AZ", "RU", "TJ", "UA", "UZ", "KG", "KZ", "US", "GB", "AU", "GE", "MD"}
SEED_VENDORS = {"Huawei", "Hikvision", "CASIC", "ZTE", "IBM", "Cisco", "Apple", "Samsung"}


def row_counts():
    return {model.__name__: model.objects.count() for model in (Memo, Author, Authorship, Topic, Mention)} | {
        "memo_topics": Memo.topics.through.objects.count()
    }


def test_seed_page_imports_exactly(import_memos):
    out, err, code = import_memos(SEED)
    assert code == 0, err
    assert "created 1" in out
    memo = Memo.objects.get()
    assert memo.title == "Chinese Artificial Intelligence Projects Expand in Eurasian Cities"
    assert memo.author_list == [Author.objects.get(name="Erica Marat")]
    assert memo.published == date(2018, 9, 14)
    assert (memo.memo_number, memo.series) == (540, "2")
    assert memo.pdf_url == "Pepm540_Marat_Sept2018.pdf"
    topics_in_order = Memo.topics.through.objects.filter(memo=memo).order_by("id")
    assert list(topics_in_order.values_list("topic__name", flat=True)) == [
        "2018", "Central Asia", "Eurasia", "Marat", "Technology",
    ]  # fmt: skip
    assert (memo.category, memo.language) == ("Policy Memos", "en")
    assert set(memo.mentions.filter(country__isnull=False).values_list("country_id", flat=True)) == (
        SEED_COUNTRIES
    )
    assert set(memo.mentions.filter(vendor__isnull=False).values_list("vendor__name", flat=True)) == (
        SEED_VENDORS
    )
    assert not memo.mentions.filter(country_id="FR").exists()  # France is only in the podcast list
    assert memo.body_text.startswith("(PONARS Policy Memo) As a global leader")
    assert memo.body_html.count("<h2>") == 4
    assert memo.bio.startswith("Erica Marat is Associate Professor")
    assert "Associate Professor" not in memo.body_text
    huawei = memo.mentions.get(vendor__name="Huawei")
    assert huawei.count >= 10
    assert "Huawei" in huawei.context and len(huawei.context) < 400


@pytest.mark.parametrize("pages, gold", [(PAGES, DATA / "gold"), (DATA / "more_pages", DATA / "more_gold")])
def test_every_sample_page_imports_with_its_gold_mentions(import_memos, pages, gold):
    out, err, code = import_memos("--dry-run", "--format", "json", pages)
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == len([p for p in pages.iterdir() if p.is_file()])
    for row in rows:
        name = row["source"].rsplit("/", 1)[-1]
        expected = json.loads((gold / f"{name}.json").read_text(encoding="utf-8"))
        assert row["countries"] == expected["countries"], name
        assert row["vendors"] == expected["vendors"], name


def test_importing_twice_changes_nothing(import_memos):
    out, err, code = import_memos(PAGES)
    assert code == 0, err
    first = row_counts()
    assert first["Memo"] == len(list(PAGES.iterdir()))
    out, err, code = import_memos(PAGES)
    assert code == 0, err
    assert row_counts() == first
    assert f"unchanged {first['Memo']}" in out and "created 0" in out and "updated 0" in out
    assert ImportRecord.objects.filter(status="unchanged").count() == first["Memo"]


def test_a_changed_page_updates_its_memo(import_memos, tmp_path):
    page = tmp_path / "memo.txt"
    text = SEED.read_text(encoding="utf-8")
    page.write_text(text, encoding="utf-8")
    import_memos(page)
    page.write_text(text.replace("As a global leader", "As the global leader"), encoding="utf-8")
    out, err, code = import_memos(page)
    assert code == 0 and "updated 1" in out
    memo = Memo.objects.get()
    assert memo.body_text.startswith("(PONARS Policy Memo) As the global leader")


def test_the_same_memo_from_another_file_is_not_duplicated(import_memos, tmp_path):
    # Identity is memo number and series when the page has no URL: the file name does not matter.
    copy = tmp_path / "renamed-copy.txt"
    shutil.copy(SEED, copy)
    import_memos(SEED)
    out, err, code = import_memos(copy)
    assert code == 0 and Memo.objects.count() == 1 and "unchanged 1" in out


def test_author_and_topic_names_are_normalized(import_memos, tmp_path):
    text = SEED.read_text(encoding="utf-8")
    variant = (
        text.replace("  • Erica Marat", "  • ERICA  marat")
        .replace("Memo #: 540", "Memo #: 541")
        .replace("  • Central Asia", "  • central  asia")
        .replace(
            "Chinese Artificial Intelligence Projects Expand in Eurasian Cities\n\n  •",
            "A Second Memo on Chinese Artificial Intelligence in Eurasian Cities\n\n  •",
        )
    )
    (tmp_path / "variant.txt").write_text(variant, encoding="utf-8")
    import_memos(SEED)
    out, err, code = import_memos(tmp_path / "variant.txt")
    assert code == 0, err
    assert Memo.objects.count() == 2
    assert Author.objects.count() == 1
    assert Topic.objects.filter(name__iexact="central asia").count() == 1


def test_a_failure_in_the_middle_of_a_memo_leaves_nothing(import_memos, monkeypatch, tmp_path):
    from django.db import IntegrityError

    def explode(memo, mentions, *args):
        # By now the memo row, its authors and topics have been written.
        assert Memo.objects.filter(pk=memo.pk).exists()
        raise IntegrityError("simulated failure while saving mentions")

    monkeypatch.setattr(load, "save_mentions", explode)
    out, err, code = import_memos(SEED)
    assert code == 1
    assert "simulated failure" in err and str(SEED) in err
    counts = row_counts()
    assert counts == {k: 0 for k in counts}
    assert ImportRecord.objects.filter(status="failed").count() == 1


def test_bad_input_is_reported_per_file_and_the_rest_imported(import_memos, tmp_path):
    bad = DATA / "bad"
    missing = tmp_path / "does-not-exist.html"
    broken_link = tmp_path / "broken-link.html"
    broken_link.symlink_to(tmp_path / "nowhere")
    out, err, code = import_memos(bad, missing, broken_link, SEED)
    assert code == 1
    assert Memo.objects.count() == 1  # the seed, in spite of everything before it
    lines = [line for line in err.splitlines() if line.strip()]
    for name, reason in [
        ("empty.html", "empty"),
        ("binary.txt", "binary"),
        ("not_a_memo.html", "not a memo"),
        ("truncated.html", "no body"),
        ("does-not-exist.html", "no such file"),
        ("broken-link.html", "no such file"),
    ]:
        matching = [line for line in lines if name in line]
        assert len(matching) == 1, (name, err)
        assert reason in matching[0].lower(), matching[0]
    assert "Traceback" not in err
    assert "failed 6" in out and "created 1" in out


def test_standard_input_is_read_up_to_the_limit(import_memos, monkeypatch):
    with open("/dev/zero", "rb") as zeros:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(zeros))
        out, err, code = import_memos("-")
    assert code == 1
    assert "-: page is larger than 20 MB" in err


def test_dry_run_writes_nothing_and_prints_one_json_object_per_page(import_memos):
    before = row_counts()
    out, err, code = import_memos("--dry-run", "--format", "json", SEED, DATA / "bad" / "empty.html")
    assert code == 1  # one page failed
    assert row_counts() == before
    assert ImportRecord.objects.count() == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 2
    assert all(set(row) == JSON_KEYS for row in rows)
    seed, empty = rows
    assert seed == seed | {
        "source": str(SEED),
        "status": "ok",
        "error": None,
        "title": "Chinese Artificial Intelligence Projects Expand in Eurasian Cities",
        "authors": ["Erica Marat"],
        "published": "2018-09-14",
        "memo_number": 540,
        "series": "2",
        "pdf": "Pepm540_Marat_Sept2018.pdf",
        "topics": ["2018", "Central Asia", "Eurasia", "Marat", "Technology"],
        "category": "Policy Memos",
        "language": "en",
    }
    assert set(seed["countries"]) == SEED_COUNTRIES
    assert set(seed["vendors"]) == SEED_VENDORS
    assert all(isinstance(n, int) and n > 0 for n in seed["countries"].values())
    assert 1500 < seed["word_count"] < 2500
    assert empty["status"] == "error" and "empty" in empty["error"]
    assert empty["title"] is None


def test_json_without_dry_run_prints_after_writing(import_memos):
    out, err, code = import_memos("--format", "json", SEED)
    assert code == 0
    (row,) = [json.loads(line) for line in out.splitlines()]
    assert row["status"] == "ok" and row["memo_number"] == 540
    assert Memo.objects.count() == 1


def test_glob_and_stdin(import_memos, monkeypatch):
    out, err, code = import_memos(str(PAGES / "*.txt"))
    assert code == 0, err
    assert Memo.objects.count() == len(list(PAGES.glob("*.txt")))

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SEED.read_bytes())))
    out, err, code = import_memos("--dry-run", "--format", "json", "-")
    assert code == 0, err
    (row,) = [json.loads(line) for line in out.splitlines()]
    assert row["source"] == "-" and row["memo_number"] == 540


def test_import_from_a_url(import_memos):
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(PAGES))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_port}"
        out, err, code = import_memos(f"{base}/{SEED.name}", f"{base}/missing.html")
    finally:
        server.shutdown()
    assert code == 1
    assert "missing.html: HTTP 404" in err
    memo = Memo.objects.get()
    assert memo.memo_number == 540
    assert memo.source_url == f"{base}/{SEED.name}"  # the fetched URL identifies the memo


def test_verbosity(import_memos):
    out, err, code = import_memos("-v", "0", SEED)
    assert code == 0 and out == ""
    out, err, code = import_memos("-v", "2", SEED)
    assert "unchanged" in out and str(SEED) in out and "Imported:" in out


def test_legacy_encodings_declared_or_not(import_memos, tmp_path):
    russian = (
        "Аналитика\n\nКитайские камеры в городах России\n\n  • 13 сентября 2018\n  • Анна Белова\n\n"
        + "Россия и Казахстан закупают системы видеонаблюдения у китайских компаний. " * 6
        + "\n\n"
        + "В Казахстане проект «Сергек» развивается быстрее, чем в России, а Китай предлагает кредиты. " * 4
        + "\n\nMemo #: 539\nSeries: 2\n"
    )
    (tmp_path / "undeclared.txt").write_bytes(russian.encode("cp1251"))
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        "<title>Китай и Россия</title></head><body><article><h1>Китай и Россия</h1>"
        + "<p>Россия и Китай расширяют сотрудничество в области технологий наблюдения в Евразии.</p>" * 6
        + "</article></body></html>"
    )
    (tmp_path / "declared.html").write_bytes(html.encode("cp1251"))
    out, err, code = import_memos("--dry-run", "--format", "json", tmp_path)
    assert code == 0, err
    rows = {json.loads(line)["source"].rsplit("/", 1)[-1]: json.loads(line) for line in out.splitlines()}
    assert rows["undeclared.txt"]["title"] == "Китайские камеры в городах России"
    assert rows["undeclared.txt"]["published"] == "2018-09-13"
    assert rows["undeclared.txt"]["language"] == "ru"
    assert {"RU", "KZ", "CN"} <= set(rows["undeclared.txt"]["countries"])
    assert rows["declared.html"]["title"] == "Китай и Россия"
    assert rows["declared.html"]["language"] == "ru"
    assert rows["declared.html"]["countries"]["RU"] == 7  # title + six paragraphs


def test_a_charset_the_bytes_contradict_loses_and_the_summary_warns(import_memos, tmp_path):
    html = (
        '<html><head><meta charset="windows-1251"><title>Китай и Россия</title></head><body><article>'
        "<h1>Китай и Россия</h1>"
        + "<p>Россия и Китай расширяют сотрудничество в области технологий наблюдения в Евразии.</p>" * 6
        + "</article></body></html>"
    )
    (tmp_path / "lies.html").write_bytes(html.encode("utf-8"))
    out, err, code = import_memos(tmp_path / "lies.html")
    assert code == 0, err
    assert (
        f"{tmp_path / 'lies.html'}: warning: the page declares windows-1251, but its bytes are utf-8" in err
    )
    assert "created 1" in out and "1 page(s) with warnings" in out
    memo = Memo.objects.get()
    assert (memo.title, memo.language) == ("Китай и Россия", "ru")
    assert set(memo.mentions.values_list("country_id", flat=True)) == {"RU", "CN"}
    out, err, code = import_memos("--dry-run", "--format", "json", tmp_path / "lies.html")
    assert json.loads(out)["warnings"] == [
        "the page declares windows-1251, but its bytes are utf-8: read as utf-8"
    ]


def test_hostile_html_is_sanitized(import_memos):
    import_memos(PAGES / "think_tank_other.html")
    memo = Memo.objects.get()
    body = memo.body_html.lower()
    for bad in ["<script", "onerror", "onclick", "javascript:", "<iframe", "style="]:
        assert bad not in body


def test_extract_mentions_keeps_curated_verdicts(import_memos):
    from django.core.management import call_command

    import_memos(SEED)
    memo = Memo.objects.get()
    apple = memo.mentions.get(vendor__name="Apple")
    apple.verdict = Mention.REJECTED
    apple.save()
    us = memo.mentions.get(country_id="US")
    us.verdict, us.count = Mention.CONFIRMED, 99
    us.save()
    memo.mentions.filter(country_id="CN").delete()
    call_command("extract_mentions", "--memo", str(memo.pk), stdout=io.StringIO())
    assert memo.mentions.get(vendor__name="Apple").verdict == Mention.REJECTED
    assert memo.mentions.get(country_id="US").count == 99
    assert memo.mentions.filter(country_id="CN", verdict=Mention.AUTO).exists()  # found again

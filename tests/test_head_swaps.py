"""Head swaps: dev text dumps' titles and bylines scored under other pages' furniture."""

import json
from io import StringIO

from django.core.management import call_command

from memos.devtools.evaluation import gold_pages
from memos.devtools.head_swaps import score_swaps, swappable

from .test_evaluation import write_page

BODY = (
    "The government announced a new programme of road building across the country this spring, "
    "and the ministry expects the first contracts to be signed before the end of the year.\n"
)


def dump(head: list[str], title: str, byline: str) -> bytes:
    return ("\n".join([*head, title, byline, "", BODY, BODY]) + "\n").encode()


def gold(title, authors):
    return {"title": title, "authors": authors, "language": "en"}


def make_corpus(tmp_path):
    dev = tmp_path / "dev"
    pages = [
        ("a.txt", ["Home", "Analysis", "Commentary"], "Roads to Nowhere in the Steppe", "By Anna Smith"),
        ("b.txt", ["Menu", "Search", "Subscribe"], "Bridges Over the Caspian Sea", "By John Brown"),
        ("c.txt", ["About us", "Contact", "Donate"], "Rails Across the Mountains", "By Mary Jones"),
    ]
    for name, head, title, byline in pages:
        write_page(dev, name, dump(head, title, byline), gold(title, [byline[3:]]))
    # A head that prints its own title again (a breadcrumb) keeps that line out of other pages.
    write_page(
        dev,
        "d.txt",
        dump(["News", "Opinion", "Ports of the Black Sea"], "Ports of the Black Sea", "By Lee Park"),
        gold("Ports of the Black Sea", ["Lee Park"]),
    )
    # The test split is never used.
    write_page(
        tmp_path / "test", "e.txt", dump(["Top"], "Held Out", "By No One"), gold("Held Out", ["No One"])
    )
    return tmp_path


def test_a_page_is_cut_at_its_title_and_its_own_title_leaves_its_head(tmp_path):
    pages, _ = gold_pages([make_corpus(tmp_path)])
    cut = {s.name: s for s in map(swappable, pages) if s}
    assert set(cut) == {"a.txt", "b.txt", "c.txt", "d.txt"}
    assert cut["d.txt"].head == ["News", "Opinion"]
    assert cut["a.txt"].rest[0] == "Roads to Nowhere in the Steppe"
    assert cut["a.txt"].authors == ["Anna Smith"]


def test_a_byline_printed_above_the_title_is_not_scored(tmp_path):
    dev = tmp_path / "dev"
    write_page(
        dev,
        "x.txt",
        dump(["By Anna Smith", "Home"], "Roads to Nowhere", ""),
        gold("Roads to Nowhere", ["Anna Smith"]),
    )
    pages, _ = gold_pages([tmp_path])
    assert swappable(pages[0]).authors is None


def test_every_page_is_scored_under_other_heads_and_a_wrong_choice_is_listed(tmp_path):
    figures = score_swaps(gold_pages([make_corpus(tmp_path)])[0])
    # 4 pages, each under the 3 other heads that keep at least two lines.
    assert figures["title"]["total"] == 12
    assert figures["authors"]["total"] == 12
    # Menus of single words are never a title, so every swap keeps its title and byline.
    assert figures["title"]["right"] == figures["authors"]["right"] == 12
    assert figures["misses"] == []


def test_a_head_line_taken_for_the_title_is_a_miss(tmp_path):
    dev = tmp_path / "dev"
    title = "Roads to Nowhere in the Steppe"
    write_page(dev, "a.txt", dump(["Home", "Menu"], title, "By Anna Smith"), gold(title, ["Anna Smith"]))
    # Gold that names a head line as the title can only be missed once the page sits under a head.
    write_page(dev, "b.txt", dump(["Home", "Menu"], "Menu", "By John Brown"), gold("Menu", ["John Brown"]))
    figures = score_swaps(gold_pages([tmp_path])[0])
    assert any(m.startswith("b.txt under a.txt: title") for m in figures["misses"])


def test_command_prints_the_swap_scores(tmp_path):
    corpus = make_corpus(tmp_path)
    out = StringIO()
    call_command("evaluate_extraction", str(corpus), "--swap-heads", "--format", "json", stdout=out)
    figures = json.loads(out.getvalue())
    assert figures["title"]["total"] == 12
    out = StringIO()
    call_command("evaluate_extraction", str(corpus), "--swap-heads", stdout=out)
    assert "under other pages' heads" in out.getvalue()

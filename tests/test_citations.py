"""memos.site.citations: the PONARS line, BibTeX and RIS, exactly."""

import re

import bibtexparser
import pytest
import rispy
from django.urls import reverse

from memos.models import Memo
from memos.site import citations

from .conftest import SEED
from .factories import PonarsMemoFactory

pytestmark = pytest.mark.django_db

PONARS_URL = "https://www.ponarseurasia.org/waving-the-eu-flag-in-eurasia/"


def cite(**kwargs) -> str:
    return citations.ponars_citation(PonarsMemoFactory(**kwargs))


# --- PONARS style -----------------------------------------------------------------------------


def test_two_authors_as_in_the_issue():
    assert cite(authors=["Juliet Johnson", "Benjamin Forest"]) == (
        "Juliet Johnson and Benjamin Forest, “Waving the EU Flag in Eurasia,” "
        "PONARS Eurasia Policy Memo No. 590, April 2019."
    )


def test_one_author():
    assert cite(authors=["Juliet Johnson"]) == (
        "Juliet Johnson, “Waving the EU Flag in Eurasia,” PONARS Eurasia Policy Memo No. 590, April 2019."
    )


def test_three_authors_take_a_serial_comma():
    assert cite(authors=["Nargiza Usmonova", "Timur Beisenov", "Claire Whitfield"]) == (
        "Nargiza Usmonova, Timur Beisenov, and Claire Whitfield, “Waving the EU Flag in Eurasia,” "
        "PONARS Eurasia Policy Memo No. 590, April 2019."
    )


def test_four_authors():
    assert cite(authors=["A One", "B Two", "C Three", "D Four"]).startswith(
        "A One, B Two, C Three, and D Four, “Waving"
    )


def test_missing_number_date_or_authors_are_left_out():
    assert cite(authors=["Juliet Johnson"], memo_number=None) == (
        "Juliet Johnson, “Waving the EU Flag in Eurasia,” PONARS Eurasia Policy Memo, April 2019."
    )
    assert cite(authors=["Juliet Johnson"], published=None) == (
        "Juliet Johnson, “Waving the EU Flag in Eurasia,” PONARS Eurasia Policy Memo No. 590."
    )
    assert cite(memo_number=None, published=None) == (
        "“Waving the EU Flag in Eurasia,” PONARS Eurasia Policy Memo."
    )


def test_a_title_ending_in_a_question_mark_takes_no_comma_and_inner_quotes_turn_single():
    assert cite(title="Is Russia “Fascist” Now?", authors=["Marlene Laruelle"]) == (
        "Marlene Laruelle, “Is Russia ‘Fascist’ Now?” PONARS Eurasia Policy Memo No. 590, April 2019."
    )


def test_memos_from_elsewhere_are_not_credited_to_ponars():
    steppe = "https://www.steppeinstitute.org/files/data-localization.pdf"
    assert cite(authors=["Daniyar Seitkali"], memo_number=None, source_url="", pdf_url=steppe) == (
        "Daniyar Seitkali, “Waving the EU Flag in Eurasia,” Policy Memo, April 2019."
    )
    # A named series says what the memo is; PONARS's numbered series ("2") would not.
    named = cite(memo_number=3, source_url="https://steppe.example/x", series="Steppe Policy Brief")
    assert named == "“Waving the EU Flag in Eurasia,” Steppe Policy Brief No. 3, April 2019."
    numbered = cite(memo_number=None, source_url="https://steppe.example/y", series="2", published=None)
    assert numbered == "“Waving the EU Flag in Eurasia,” Policy Memo."


def test_without_urls_ponars_marks_say_ponars():
    unmarked = {"source_url": "", "memo_number": None, "published": None}
    assert cite(**unmarked) == "“Waving the EU Flag in Eurasia,” Policy Memo."
    ponars = "“Waving the EU Flag in Eurasia,” PONARS Eurasia Policy Memo"
    assert cite(**{**unmarked, "memo_number": 7}) == f"{ponars} No. 7."
    assert cite(**unmarked, pdf_url="Pepm590_Johnson-Forest_April2019.pdf") == f"{ponars}."
    assert cite(**unmarked, category="Policy Memos") == f"{ponars}."


def test_the_seed_page_cites_as_ponars_does(import_memos):
    import_memos(SEED)
    memo = Memo.objects.with_listing_data().get()
    assert citations.ponars_citation(memo) == (
        "Erica Marat, “Chinese Artificial Intelligence Projects Expand in Eurasian Cities,” "
        "PONARS Eurasia Policy Memo No. 540, September 2018."
    )
    assert citations.bibtex(memo).startswith("@techreport{marat2018chinese,\n")


def test_prefetched_authors_cost_no_queries(django_assert_num_queries):
    PonarsMemoFactory(authors=["Juliet Johnson", "Benjamin Forest", "Erica Marat"])
    memo = Memo.objects.with_listing_data().get()
    with django_assert_num_queries(0):
        line = citations.ponars_citation(memo)
        entry = citations.bibtex(memo)
        record = citations.ris(memo)
    assert line.startswith("Juliet Johnson, Benjamin Forest, and Erica Marat, ")
    assert "Juliet Johnson and Benjamin Forest and Erica Marat" in entry
    assert record.index("AU  - Johnson, Juliet") < record.index("AU  - Marat, Erica")


# --- BibTeX -----------------------------------------------------------------------------------


def test_bibtex_entry_exactly():
    memo = PonarsMemoFactory(authors=["Juliet Johnson", "Benjamin Forest"])
    assert citations.bibtex(memo) == (
        "@techreport{johnson2019waving,\n"
        "  author = {Juliet Johnson and Benjamin Forest},\n"
        "  title = {{Waving the EU Flag in Eurasia}},\n"
        "  institution = {PONARS Eurasia},\n"
        "  type = {Policy Memo},\n"
        "  number = {590},\n"
        "  year = {2019},\n"
        "  month = apr,\n"
        f"  url = {{{PONARS_URL}}}\n"
        "}\n"
    )


def test_bibtex_escapes_special_characters_and_keeps_braces_balanced():
    memo = PonarsMemoFactory(
        title="R&D at 50% for {Big} #Tech_Firms: $5 ~ ^ \\ now",
        authors=["Anne O'Neil", "Smith and Sons"],
        source_url="https://www.ponarseurasia.org/a b{c}",
    )
    entry = citations.bibtex(memo)
    assert (
        r"title = {{R\&D at 50\% for \{Big\} \#Tech\_Firms: \$5 \textasciitilde{} "
        r"\textasciicircum{} \textbackslash{} now}}"
    ) in entry
    assert "author = {Anne O'Neil and {Smith and Sons}}" in entry
    assert "url = {https://www.ponarseurasia.org/a%20b%7Bc%7D}" in entry
    unescaped = re.sub(r"\\[{}]", "", entry)
    depth = 0
    for ch in unescaped:
        depth += {"{": 1, "}": -1}.get(ch, 0)
        assert depth >= 0
    assert depth == 0


def test_bibtex_keys_are_stable_and_plain_ascii():
    memo = PonarsMemoFactory(title="The Ukrainian Army", authors=["Olena Kovalchuk"])
    assert citations.bibtex_key(memo) == "kovalchuk2019ukrainian"  # "The" is skipped
    assert citations.bibtex_key(Memo.objects.with_listing_data().get(pk=memo.pk)) == "kovalchuk2019ukrainian"
    russian = PonarsMemoFactory(
        title="Камеры из Китая", authors=["Анна Белова"], language="ru", memo_number=539
    )
    assert citations.bibtex_key(russian) == "belova2019kamery"
    assert "language = {russian}" in citations.bibtex(russian)
    accented = PonarsMemoFactory(title="Élan", authors=["Đorđe Šćepanović"], memo_number=1, published=None)
    assert citations.bibtex_key(accented) == "scepanovicelan"
    nobody = PonarsMemoFactory(title="!!!", memo_number=2, published=None)
    assert citations.bibtex_key(nobody) == f"memo{nobody.pk}"


def test_bibtex_for_a_memo_from_elsewhere_is_misc():
    memo = PonarsMemoFactory(
        authors=["Daniyar Seitkali"], memo_number=None, source_url="https://steppe.example/m"
    )
    entry = citations.bibtex(memo)
    assert entry.startswith("@misc{seitkali2019waving,\n")
    assert "howpublished = {Policy Memo}" in entry and "institution" not in entry


# --- RIS --------------------------------------------------------------------------------------


def test_ris_record_exactly():
    memo = PonarsMemoFactory(authors=["Juliet Johnson", "Benjamin Forest"], language="en")
    assert citations.ris(memo) == (
        "TY  - RPRT\r\n"
        "AU  - Johnson, Juliet\r\n"
        "AU  - Forest, Benjamin\r\n"
        "TI  - Waving the EU Flag in Eurasia\r\n"
        "T2  - PONARS Eurasia Policy Memo\r\n"
        "SN  - 590\r\n"
        "PB  - PONARS Eurasia\r\n"
        "PY  - 2019\r\n"
        "DA  - 2019/04/15\r\n"
        "LA  - en\r\n"
        f"UR  - {PONARS_URL}\r\n"
        "ER  - \r\n"
    )


def test_ris_lines_are_all_tags_with_crlf_even_when_fields_hold_newlines():
    memo = PonarsMemoFactory(title="Line one\nline two", authors=["Cher", "Andrew K. Mills"], published=None)
    record = citations.ris(memo)
    lines = record.split("\r\n")
    assert lines[-1] == "" and "\n" not in "".join(lines)
    assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - .*", line) for line in lines[:-1])
    assert lines[0] == "TY  - RPRT" and lines[-2] == "ER  - "
    assert "TI  - Line one line two" in lines
    assert "AU  - Cher" in lines and "AU  - Mills, Andrew K." in lines
    assert not any(line.startswith(("PY", "DA")) for line in lines)


def test_the_downloads_parse_with_bibtexparser_and_rispy(client):
    """What reference managers read: the memo page's BibTeX and RIS files, parsed by real parsers."""
    memo = PonarsMemoFactory(
        title="Waving the EU Flag in Eurasia & {Beyond}_100%",
        authors=["Juliet Johnson", "Benjamin Forest"],
        source_url=PONARS_URL,
        language="en",
    )
    bib = client.get(reverse("memo_bibtex", args=[memo.slug]))
    library = bibtexparser.parse_string(bib.content.decode())
    assert not library.failed_blocks
    [entry] = library.entries
    assert entry.entry_type == "techreport" and entry.key == "johnson2019waving"
    assert entry["author"] == "Juliet Johnson and Benjamin Forest"
    assert entry["number"] == "590" and entry["institution"] == "PONARS Eurasia"
    ris = client.get(reverse("memo_ris", args=[memo.slug]))
    [record] = rispy.loads(ris.content.decode())
    assert record["type_of_reference"] == "RPRT"
    assert record["title"] == "Waving the EU Flag in Eurasia & {Beyond}_100%"
    assert record["authors"] == ["Johnson, Juliet", "Forest, Benjamin"]
    assert record["urls"] == [PONARS_URL]

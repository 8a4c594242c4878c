"""People named by their given names: the lexicon and the byline it finds (memos/ingest/given_names.py)."""

import json

import pytest

from memos.devtools.name_lexicon import faker_names, lexicon, not_names
from memos.ingest.given_names import GIVEN_NAMES_PATH, People, given_names, named_in_header
from memos.ingest.parse import parse_page

BODY = """
The regional security arrangements that seemed settled a decade ago are being renegotiated,
and the governments of the region now weigh every offer of equipment against its strings.

Each capital answers differently, but none of them wants to depend on a single supplier again,
which is why the tenders of the past two years were split between several bidders at once.
"""


def header(*lines: str, body: str = BODY) -> tuple[list[str], int, int, int]:
    """Lines of a page whose title is "Caspian Grids and the Cable Race" (at the first line that
    holds it alone), with `lines` around it, then the body."""
    page = [*lines, *body.strip("\n").split("\n")]
    title = page.index("Caspian Grids and the Cable Race")
    return page, title, title, len(lines)


def test_a_name_run_into_a_covers_text_is_the_byline_of_a_pdf_copy():
    page = (
        "Caspian Grids and the Cable Race - Working Paper - Eastfield Institute\n"
        "Page content transcription\n\n"
        "Working Paper Duncan Allan Caspian Programme | May 2020 Caspian Grids and the Cable Race\n\n" + BODY
    )
    assert parse_page(page.encode()).authors == ["Duncan Allan"]


def test_a_name_with_a_role_after_a_dash_under_the_title_is_the_byline():
    lines, *at = header("Caspian Grids and the Cable Race", "", "Сергей Волков — политолог, профессор МГУ")
    assert named_in_header(lines, *at) == ["Сергей Волков"]


@pytest.mark.parametrize(
    "line",
    [
        "According to Carnegie's Duncan Allan, the tenders were split.",  # a sentence
        "Photo: Duncan Allan",  # a picture's credit
        "© Agency Duncan Allan / Photo bank",
        "— Duncan Allan",  # an epigraph's attribution
        "The talks at George Mason University went on.",  # a university named for a person
        "The volume was edited by Duncan Allan.",  # "by" inside a sentence
        "by Duncan Allan",  # a sentence's end, the layout broke it off
        "Traders at the bazaar in Ashgabat, the capital / Duncan Allan",  # a caption's credit
    ],
)
def test_a_name_outside_a_byline_is_no_author(line):
    lines, *at = header("Caspian Grids and the Cable Race", "", line)
    assert named_in_header(lines, *at) is None


def test_a_surname_the_page_writes_in_small_letters_is_a_word_not_a_name():
    body = BODY + "\nEvery bridge across the river was built twice.\n"
    lines, *at = header("Caspian Grids and the Cable Race", "", "Lecture Duncan Bridge Series", body=body)
    assert named_in_header(lines, *at) is None
    lines, *at = header("Caspian Grids and the Cable Race", "", "Lecture Duncan Bridge Series")
    assert named_in_header(lines, *at) == ["Duncan Bridge"]


def test_the_person_the_body_speaks_of_is_its_subject_not_its_author():
    body = BODY + "\nAllan signed the decree; Allan's allies cheered.\n"
    lines, *at = header("Caspian Grids and the Cable Race", "", "Profile Duncan Allan | 2020", body=body)
    assert named_in_header(lines, *at) is None


def test_the_names_listed_after_the_first_are_its_coauthors():
    people = People(["Report | Laura Brennan, Mark Olsen and Anna Kowalska | 2021"], "")
    assert people.in_line("Report | Laura Brennan, Mark Olsen and Anna Kowalska | 2021") == [
        "Laura Brennan",
        "Mark Olsen",
        "Anna Kowalska",
    ]


def test_authors_listed_a_name_a_line_under_the_title_are_all_read():
    lines, *at = header(
        "Caspian Grids and the Cable Race", "Laura Brennan", "Mark Olsen", "Anna Kowalska", ""
    )
    assert named_in_header(lines, *at) == ["Laura Brennan", "Mark Olsen", "Anna Kowalska"]


def test_a_saved_pages_name_run_into_a_header_element_is_its_byline():
    page = (
        "<html><body><article><h1>Caspian Grids and the Cable Race</h1>"
        "<div class='strip'>Research Brief Laura Brennan Caspian Programme | 2021</div>"
        + "".join(f"<p>{p}</p>" for p in BODY.strip().split("\n\n"))
        + "</article></body></html>"
    )
    assert parse_page(page.encode()).authors == ["Laura Brennan"]


def test_patronymics_and_footnote_marks_of_a_russian_journal_byline():
    line = "Игорь Петрович Савин1, Мария Олеговна Лаптева2"
    assert People([line], "").in_line(line) == ["Игорь Петрович Савин", "Мария Олеговна Лаптева"]


def test_a_surname_with_a_particle_keeps_the_particle_and_the_name_after_it():
    for name in ("Hélène Le Garrec", "Pieter van der Meulen", "Lucia De Santis"):
        lines, *at = header(
            "Caspian Grids and the Cable Race", "", f"{name} (Steppe Institute | Eastfield University)"
        )
        assert named_in_header(lines, *at) == [name]


def test_a_name_in_capitals_reads_in_title_case():
    line = "CASPIAN GRIDS AND THE CABLE RACE LAURA K. BRENNAN MARCH 2021 EXECUTIVE SUMMARY"
    assert People([line], "").in_line(line) == ["Laura K. Brennan"]


def test_over_the_title_a_name_alone_is_a_list_entry_and_a_name_in_a_journal_header_an_author():
    lines, *at = header("Next Article", "Laura Brennan", "", "Caspian Grids and the Cable Race")
    assert named_in_header(lines, *at) is None
    journal = "Vol. 3, No. 2 Laura Brennan DOI: 10.1000/xyz"
    lines, *at = header(journal, "", "Caspian Grids and the Cable Race")
    assert named_in_header(lines, *at) == ["Laura Brennan"]


def test_the_titles_words_printed_again_are_no_name():
    title = "Caspian Grids: Grace Period"
    lines = [title, "", f"Review | {title}", *BODY.strip().split("\n")]
    assert named_in_header(lines, 0, 0, 3) is None


def test_the_lexicon_keeps_given_names_and_leaves_out_countries_parts_of_the_world_and_months():
    names = given_names()
    assert {"duncan", "laura", "сергей", "мария", "tadeusz"} <= names
    assert not {"georgia", "jordan", "asia", "may", "link"} & names
    assert json.loads(GIVEN_NAMES_PATH.read_text(encoding="utf-8"))["names"] == sorted(names)


def test_fakers_census_list_counts_a_name_only_where_another_locale_lists_it():
    names = faker_names()
    assert {"Duncan", "Tadeusz", "Сергей"} <= names
    assert not {"Link", "Early", "Major"} & names  # only in the "en" census list


def test_the_lexicon_is_casefolded_letters_of_one_script_three_at_least():
    kept = lexicon({"Duncan", "Al", "Jean-Luc", "O'Neil", "Ser1", "Сергей", "Mixedй", "Georgia"}, not_names())
    assert kept == ["duncan", "jean-luc", "o'neil", "сергей"]


@pytest.mark.parametrize(
    ("word", "written"),
    [("brennan", True), ("olsen", False), ("kowal", False), ("ska", False), ("smith", False)],
)
def test_writes_finds_a_word_of_its_own(word, written):
    # "olsen's", "kowalska", "smith-jones": a word run on by a letter, an apostrophe or a hyphen
    # is another word.
    people = People(["as brennan said, olsen's view", "kowalska and smith-jones agree."], "")
    assert people.writes(word) is written

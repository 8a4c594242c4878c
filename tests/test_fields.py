"""Single fields as pages write them: dates, bylines, labels."""

import re
from datetime import date

import pytest

from memos.ingest.fields import (
    _SPLIT,
    MARKED_BYLINE,
    Label,
    Numbered,
    PhraseLine,
    about_author_names,
    byline_names,
    capitals_kind,
    cited_number,
    clean_space,
    credit_lead,
    dash_lead,
    date_after_kind,
    date_at_end,
    date_at_start,
    filed_in,
    footer_number,
    has_number_hint,
    has_separator,
    headed_names,
    is_kind_label,
    journal_over_volume,
    kind_and_date,
    kind_number_title,
    kind_opening_title,
    labelled_date,
    language_of,
    lead_names,
    looks_like_names,
    month_number,
    normalize_language,
    parse_date,
    read_label,
    read_numbered,
    read_sign_first,
    role_lead,
    series_before_quoted_title,
    split_authors,
    title_issue_date,
    unique_names,
    valid_value,
    without_date,
    without_opening,
)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("September 14, 2018", date(2018, 9, 14)),
        ("Sept. 14, 2018", date(2018, 9, 14)),
        # The space after the comma lost.
        ("August 15,2022", date(2022, 8, 15)),
        # A slash for the comma.
        ("Январь 24/ 2009", date(2009, 1, 24)),
        ("March 3/2020", date(2020, 3, 3)),
        ("  • September 14, 2018", date(2018, 9, 14)),
        ("14 September 2018", date(2018, 9, 14)),
        ("13 сентября 2018", date(2018, 9, 13)),
        ("5 марта 2020 г.", date(2020, 3, 5)),
        ("2021-03-02", date(2021, 3, 2)),
        ("2019/04/15", date(2019, 4, 15)),
        ("2021-03-02T09:30:00+00:00", date(2021, 3, 2)),
        ("2021-03-02T09:30:00Z", date(2021, 3, 2)),
        ("14.09.2018", date(2018, 9, 14)),
        ("Published: May 3, 2016", date(2016, 5, 3)),
        ("03.04.2021 12:00", date(2021, 4, 3)),
        ("Sun, 11/08/2020 - 4:57pm", date(2020, 11, 8)),
        ("25/03/2020", date(2020, 3, 25)),
        # A date line with the year cut short, the day first where it is over 12.
        ("13/04/12", date(2012, 4, 13)),
        ("Written on 11/25/2017", date(2017, 11, 25)),
        ("Published online: 14 Jan 2021.", date(2021, 1, 14)),
        ("2-02-2021, 06:30", date(2021, 2, 2)),
        ("05-04-2019", date(2019, 4, 5)),
        ("04-23-2018", date(2018, 4, 23)),
        ("March 3rd, 2020 at 10:30 a.m. EST", date(2020, 3, 3)),
        ("3rd September 2020", date(2020, 9, 3)),
        ("Τετάρτη 6 Νοεμβρίου 2013", date(2013, 11, 6)),
        ("6 października 2020", date(2020, 10, 6)),
        ("12 янв. 2021", date(2021, 1, 12)),
        ("14 березня 2022", date(2022, 3, 14)),
        ("lørdag 4. desember 2021", date(2021, 12, 4)),
        ("12 Şubat 2019 Salı", date(2019, 2, 12)),
        ("Cuma, 3 Ekim 2014", date(2014, 10, 3)),
        ("17 noiembrie 2019", date(2019, 11, 17)),
        # A template that prints its own "on" before a date that brings one.
        ("Published on on May 7, 2015", date(2015, 5, 7)),
        # Day, month's name and year joined by dashes, as databases print them.
        ("07-Mar-2019", date(2019, 3, 7)),
        ("Date of Publication: 18-Sep-2023", date(2023, 9, 18)),
        # A phpBB post's line: the weekday and month cut short, the time in English.
        ("Добавлено: Чт ноя 20, 2025 5:20 am", date(2025, 11, 20)),
        # Full stops with the month first, as an American brief prints it (no 18th month).
        ("07.18.17", date(2017, 7, 18)),
        # The year first with full stops, as East Asian sites write it.
        ("2014.08.27", date(2014, 8, 27)),
    ],
)
def test_dates_pages_write(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "", None, "October 2009", "2018", "Policy Memos", "February 30, 2019", "Erica Marat",
        "Updated March 3, 2020", "Ukraine Forum | May 2020",
    ],
)  # fmt: skip
def test_not_a_full_date(text):
    # A month alone is no date: the day would be a guess.
    assert parse_date(text) is None


@pytest.mark.parametrize(
    "text, names",
    [
        ("Erica Marat", ["Erica Marat"]),
        ("Juliet Johnson and Benjamin Forest", ["Juliet Johnson", "Benjamin Forest"]),
        ("A. Smith, Bo Li, and Carla Diaz", ["A. Smith", "Bo Li", "Carla Diaz"]),
        ("By Maria Lipman & Henry Hale", ["Maria Lipman", "Henry Hale"]),
        ("Иван Петров и Мария Иванова", ["Иван Петров", "Мария Иванова"]),
        ("Authors: Pavel Baev; Kimberly Marten", ["Pavel Baev", "Kimberly Marten"]),
        # A form of address is no part of the name.
        ("Dr. Jane Roe and Prof Lisa Doe", ["Jane Roe", "Lisa Doe"]),
        ("By Dr Mark Poe", ["Mark Poe"]),
    ],
)
def test_bylines_split_in_order(text, names):
    assert split_authors(text) == names
    assert looks_like_names(text)


@pytest.mark.parametrize(
    "text",
    [
        "Chinese Artificial Intelligence Projects Expand in Eurasian Cities",
        "The spread of Chinese AI surveillance technologies in Eurasia.",
        "Policy Memos | Аналитика",
        "September 14, 2018",
        "View",
        # A letter without a full stop is a word opening a sentence, not an initial.
        "В Казахстане",
        # A country's name is no person's.
        "Выбор Казахстана",
        "Послевыборный Казахстан",
        # A journal's volume and issue, written without spaces as a PDF's running head prints them.
        "Vol.12 No.3",
    ],
)
def test_titles_and_sentences_are_not_bylines(text):
    assert not looks_like_names(text)


def test_labels_with_and_without_values():
    assert read_label("Memo #: 540").field == "memo_number"
    assert read_label("Memo #: 540").value == "540"
    assert read_label("Memo #:").value == ""
    assert read_label("Publication Date:").field == "published"
    assert read_label("Related Topics").field == "topics"
    assert read_label("Related Categories: Energy; Asia") == Label("topics", "Energy; Asia")
    assert read_label("The memo argues: nothing") is None
    assert read_label("Type") == Label("category", "")  # a definition list: the value under it
    assert read_label("type") is None
    # A file's link named as one, its name right after the colon, in any script.
    assert read_label("PDF link:第十三章 報告.pdf") == Label("pdf", "第十三章 報告.pdf")
    assert read_label("PDF file: brief-12.pdf") == Label("pdf", "brief-12.pdf")


def test_a_type_label_takes_a_name_not_a_sentence_from_the_next_line():
    assert valid_value("category", "Regional Trade Law")
    assert not valid_value("category", "The tariffs rose again.")


def test_a_label_never_takes_another_label_as_its_value():
    assert not valid_value("published", "Policy Memo:")
    assert not valid_value("memo_number", "Publication Date:")
    assert not valid_value("memo_number", "Security in Central Asia")
    assert valid_value("memo_number", "231")
    assert valid_value("published", "October 12, 2009")


def test_language():
    assert language_of("Китай расширяет присутствие в Центральной Азии") == "ru"
    assert language_of("China expands its presence in Central Asia") == "en"
    assert normalize_language("en-US") == "en"
    assert normalize_language("ru_RU") == "ru"
    assert normalize_language("") is None


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Policy Brief No. 47", Numbered(47, "Policy Brief")),
        ("ECFR Policy Brief No. 47", Numbered(47, "ECFR Policy Brief")),  # the category as printed
        ("Kennan Cable No. 51 | June 2020", Numbered(51, "Kennan Cable")),
        ("Asia Report N°176, 18 August 2009", Numbered(176, "Asia Report", published=date(2009, 8, 18))),
        (
            "BESA Center Perspectives Paper No. 1,775, October 14, 2020",
            Numbered(1775, "BESA Center Perspectives Paper", published=date(2020, 10, 14)),
        ),
        ("Аналитическая записка № 12", Numbered(12, "Аналитическая записка")),
        # A French label names its publisher after the kind.
        ("Notes du CERI n°5/2019", Numbered(5, "Notes du CERI")),
        ("Note de la Fondation N° 8", Numbered(8, "Note de la Fondation")),
        ("доклад № 87 / 2023", Numbered(87, "доклад")),
        (
            "Eurasia Daily Monitor Volume: 17 Issue: 32",
            Numbered(32, "Eurasia Daily Monitor", "Eurasia Daily Monitor Volume 17"),
        ),
        (
            "Publication: Eurasia Daily Monitor Volume 5, Issue 123",
            Numbered(123, "Eurasia Daily Monitor", "Eurasia Daily Monitor Volume 5"),
        ),
        (
            "Policy Perspectives Vol. 9/2, February 2021",
            Numbered(2, "Policy Perspectives", "Policy Perspectives Vol. 9"),
        ),
        ("ZOiS Spotlight 10/2024", Numbered(10, "ZOiS Spotlight")),
        # The year first, then the number.
        (
            "Steppe Perspective 2022/24, 9 March 2022",
            Numbered(24, "Steppe Perspective", published=date(2022, 3, 9)),
        ),
        # A journal cited with its year: the journal and volume, no kind of publication. A
        # journal's "Vol." is its series' "Volume".
        ("Steppe Studies, 2019, Vol. 4, No. 2, pp. 5-9", Numbered(2, None, "Steppe Studies Volume 4")),
        # Its ISSN between the journal and the volume.
        (
            "Steppe Politics (ISSN: 1234-5678) Vol. 12, No. 1",
            Numbered(1, "Steppe Politics", "Steppe Politics Volume 12"),
        ),
        # A journal's page header gives its site between the year and the volume: the site is
        # no part of the name.
        (
            "Steppe Journal of Social Sciences 2017; www.steppe-science.com Vol.6, No.1 pp. 158-168",
            Numbered(1, None, "Steppe Journal of Social Sciences Volume 6"),
        ),
        # A title's footnote mark run into the journal's name: the name starts after it, and
        # the line's start is no label's.
        (
            "Borders of the steppe1 Steppe Politics Vol. 12, No. 1",
            Numbered(1, None, "Steppe Politics Volume 12"),
        ),
        # A cover's title in capitals run into the journal's name: the name starts after it.
        (
            "CONFLICTS IN THE STEPPE Steppe Edition Volume 3, Issue 2 2018",
            Numbered(2, None, "Steppe Edition Volume 3"),
        ),
        # An acronym opening a name is the name's.
        (
            "NATO Steppe Review Vol. 3, No. 2",
            Numbered(2, "NATO Steppe Review", "NATO Steppe Review Volume 3"),
        ),
        # A weekly's volume in Roman figures.
        ("Steppe Weekly, VOL XLII No 17", Numbered(17, "Steppe Weekly", "Steppe Weekly Volume XLII")),
        # An issue field: the issue's theme after its number.
        ("- Выпуск: Том 7, № 2 (2021): Степь и город", Numbered(2)),
        ("Issue: Vol. 7, No. 2 (2021): Steppe and City", Numbered(2)),
        ("Вестник Степи, 2020, Т. 12, № 3, с. 40-51", Numbered(3, None, "Вестник Степи Т. 12")),
        # "Вып." (выпуск), the issue, after the volume and its full stop.
        ("Вестник Степи, 2020, Т. 12. Вып. 3. С. 40-51", Numbered(3, None, "Вестник Степи Т. 12")),
        ("Steppe Trade Monitor: No. 204", Numbered(204, "Steppe Trade Monitor")),
        ("Regional Paper Series, no. 7, May 2021", Numbered(7, "Regional Paper Series")),
        ("Applied policy Paper Series, no. 3", Numbered(3, "Applied policy Paper Series")),
        ("Centre for the Steppes Report No. 4", Numbered(4, "Centre for the Steppes Report")),
        ("Vol. 3, No. 11", Numbered(11)),
        (
            "Steppe Review : A Quarterly Vol. 12, No. 3",
            Numbered(3, "Steppe Review : A Quarterly", "Steppe Review : A Quarterly Volume 12"),
        ),
        ("Steppe Policy Memo March 2022 / Issue #12", Numbered(12, "Steppe Policy Memo")),
        ("Policy Brief, June 2020, No. 5", Numbered(5, "Policy Brief")),
        (
            "Steppe Institute Working Paper 2019/WP 7, 12.03.2019, 24 pages",
            Numbered(7, "Steppe Institute Working Paper", published=date(2019, 3, 12)),
        ),
        (
            "Europe and Central Asia Report N°240, 20 July 2016 Page",
            Numbered(240, "Europe and Central Asia Report", published=date(2016, 7, 20)),
        ),
        # A working-paper series cited by its name and the paper's number, a link's words after.
        ("Steppe Working Papers, 1375 Download PDF", Numbered(1375, series="Steppe Working Papers")),
        # "Doc." after a type label and a bar: the document's number, then its date.
        (
            "Committee Memorandum | Doc. 9120 | 12 May 2019",
            Numbered(9120, "Committee Memorandum", published=date(2019, 5, 12)),
        ),
        ("Information Report | Doc. 812 |", Numbered(812, "Information Report")),
        # A line that only cites another "Doc." keeps its own number.
        ("Policy Brief No. 47 | UN Doc. S/2019/112", Numbered(47, "Policy Brief")),
        # A newsletter's initials and its issue, the issue's date or months after it.
        ("NL 88 | May-June 2024", Numbered(88)),
        ("CU Issue 8, November 3, 2008", Numbered(8, published=date(2008, 11, 3))),
        # A series' name in capitals and the number after a sign.
        ("STEPPE GEOPOLITICS #10", Numbered(10)),
    ],
)
def test_numbered_labels(line, expected):
    assert read_numbered(line) == expected
    assert read_label(line).field == "numbered"


@pytest.mark.parametrize(
    "line",
    [
        "The report No. 5 shows that prices rose",  # a sentence, not a label
        "Policy Memo No. 30: Russian Mobile Operators Abroad",  # a citation in a related list
        "No. 5",
        "Policy Memos",
        "the report 10/2024",
        "the report 2019/WP 7",
        "Policy Brief Junk 2020 No. 5",  # no month between the label and its number
        "Read our latest Policy Brief No. 5",  # a sentence: an article before the label
        "Vol. 3, No. 11, pp. 45-67",  # a reference
        "2019 Vol. 4, No. 2, 11-19",  # a citation's tail: a year is no journal's name
        "Том 7, № 2 (2021): Степь и город",  # without the issue field's label, a reference
        "Steppe Working Papers, 2019",  # a year, not a number
        "Our working papers, 12 of them written by fellows this year",  # a sentence
        "Report | UN Doc. S/2019/112",  # a citation of another document, no integer
        "Report | Doc. 9120 of the Assembly, adopted in May",  # a sentence after it
        "Annual Report 2019/20",  # a span of two years, no issue
        "US 95, the road north of the steppe",  # initials and a figure, no date after them
        "TABLE #3",  # a caption
        "STEPPE GEOPOLITICS #10 and more",
    ],
)
def test_not_numbered_labels(line):
    assert read_numbered(line) is None


def test_an_issue_number_after_a_date_line():
    assert read_numbered("14 марта 2023, 09:00 №11") == Numbered(11, published=date(2023, 3, 14))
    assert read_numbered("June 2, 2021 | No. 48") == Numbered(48, published=date(2021, 6, 2))
    assert read_numbered("Since June 2021 No. 48") is None
    # a weekly's issue, its week named by the week's first day
    assert read_numbered("Week of Monday, November 29, 2021 | Issue 53") == Numbered(
        53, published=date(2021, 11, 29)
    )
    assert read_numbered("June 2, 2021, Issue #48") == Numbered(48, published=date(2021, 6, 2))
    assert read_numbered("Since June 2021 Issue 48") is None


def test_a_number_sign_opening_a_line_counts_with_a_date_after_it():
    assert read_sign_first("No. 293 3 March 2023 russian analytical digest") == Numbered(
        293, published=date(2023, 3, 3)
    )
    assert read_sign_first("No. 5 of the most read articles") is None
    # The bar between number and month, printed as a letter by a PDF's text.
    assert read_sign_first("No. 69 l July 2021 KENNAN CABLE") == Numbered(69)


def test_a_bar_a_pdf_printed_as_a_letter_between_the_number_and_its_month():
    assert read_sign_first("No. 69 l July 2021 STEPPE CABLE") == Numbered(69)
    assert read_sign_first("No. 5 l think so") is None


def test_a_kind_label_has_no_number():
    assert is_kind_label("Policy Brief")
    assert not is_kind_label("#48, JUNE 2018 POLICY BRIEF")
    assert is_kind_label("Аналитика и комментарии") and is_kind_label("Комментарии")
    assert is_kind_label("proposal") and is_kind_label("Policy Proposals")
    # a blog's name is its posts' label, as a series' is its papers'
    assert is_kind_label("Steppe Economist Blog") and is_kind_label("Blogs")
    # a link to the file is no label, its first letter typed in either script
    assert not is_kind_label("Download PDF Article") and not is_kind_label("Скачать PDF статьи")
    assert not is_kind_label("Cкачать PDF статьи")
    # nor is a heading over the item's text
    assert not is_kind_label("Текст статьи") and not is_kind_label("Full text of the report")
    # nor a site's tagline, two kinds joined in small letters
    assert not is_kind_label("regional analysis and commentary")
    assert is_kind_label("Analysis and Commentary") and is_kind_label("policy analysis")


def test_unique_names_keep_the_first_spelling():
    assert unique_names(["Иван Петров", "Anna Smith", "иван  петров", "Anna Smith"]) == [
        "Иван Петров",
        "Anna Smith",
    ]


@pytest.mark.parametrize(
    "text, names",
    [
        ("By Eugene Roe for Center for International Studies (CIS)", ["Eugene Roe"]),
        ("by Daria Roe-Meinke 15/05/2024", ["Daria Roe-Meinke"]),
        ("By Caspian Energy Council, Jacopo Maria Roe", ["Jacopo Maria Roe"]),
        ("Тигран Саркисян, заместитель председателя правления", ["Тигран Саркисян"]),
        ("Jane Roe, Senior Fellow at the Caspian Institute", ["Jane Roe"]),
        ("Jane Roe, Lisa Doe, Kara Poe ...", ["Jane Roe", "Lisa Doe", "Kara Poe"]),
        # A surname with initials after it keeps the last initial's full stop.
        ("Петров И.С.", ["Петров И.С."]),
        ("By Jane Roe.", ["Jane Roe"]),
        ("Old Partners, New Challenges", None),
        # Only a date marks the line: "for" opens no organisation, so no byline ends before it.
        ("STEPPE Gateways for Georgia: In Caspian Interest Jo Roe REPORT No. 9 | JANUARY 29, 2018", None),
        ("By Eugene Roe for Steppe Review", ["Eugene Roe"]),
        ("Article by Jane Roe and Lisa Doe", ["Jane Roe", "Lisa Doe"]),
        # A footnote's star a space after the name; a Russian degree before it.
        ("И. С. Петров *", ["И. С. Петров"]),
        ("Кандидат исторических наук, Петров И.С.", ["Петров И.С."]),
        ("Next Article", None),
        # A note in parentheses after a marked byline is no part of the names; a nickname is.
        ("By Jane Roe & Lisa Doe (Roe is a fellow at the Steppe Institute.)", ["Jane Roe", "Lisa Doe"]),
        ("By Nicole (Cole) Roe (Caspian Review)", ["Nicole (Cole) Roe"]),
        ("Steppe Gateways (Caspian Review)", None),
        # An e-mail address in parentheses after a name is how to reach the author.
        ("Jane Roe (j.roe@steppe.org), columnist, host of a podcast on the region", ["Jane Roe"]),
        ("Jane Roe (j.roe@steppe.org) and Lisa Doe (l.doe@steppe.org)", ["Jane Roe", "Lisa Doe"]),
        # A name and the outlet it writes for: a domain or an acronym.
        ("Асель Нурланова, STEPPE.KZ", ["Асель Нурланова"]),
        ("Jane Roe, steppereview.org", ["Jane Roe"]),
        ("Jane Roe, CASPIAN", ["Jane Roe"]),
        # A name and the institute the person is at, named in its own language.
        ("Jane Roe, Institut des études caspiennes, Paris, France", ["Jane Roe"]),
        ("Jane Roe, Universität Steppenburg", ["Jane Roe"]),
        # The label of a date is no name, though the date marks the line as a dateline.
        ("Last Updated March 3, 2021 1:31 PM", None),
        ("Posted 3 March 2021", None),
        # A CMS's stand-in for a missing author names no one.
        ("By Unknown Author 14 December 2009", None),
        ("Guest Author", None),
        # A label in capitals run into the name by a dump that lost the line break between them.
        ("VOL TWOJane Roe", ["Jane Roe"]),
        ("ISSUE 3 SPRINGJane Roe and Lisa Doe", ["Jane Roe", "Lisa Doe"]),
        # The author's post after a dash: a marked byline's names end there.
        ("By Jane Roe — Correspondent for Kazakhstan", ["Jane Roe"]),
        ("By Jane Roe - Senior Fellow at the Steppe Institute", ["Jane Roe"]),
        # A template's date slot left empty after "on".
        ("Written by Jane Roe on .", ["Jane Roe"]),
        # A state's name is no person's.
        ("Transcaspian Steppe Republic", None),
        # Each name of a marked byline with its holder's post after it.
        (
            "By Asel Nurlanova, Deputy Director of the Steppe Centre and Bolat Serikov, Leading research "
            "fellow at the Centre, President of the Steppe Academy",
            ["Asel Nurlanova", "Bolat Serikov"],
        ),
    ],
)
def test_byline_names(text, names):
    assert byline_names(text) == names


def test_the_other_spelling_of_tags_labels_topics():
    assert read_label("Тэги: россия, выборы") == Label("topics", "россия, выборы")
    assert read_label("Тэги") == Label("topics", "")


def test_a_russian_lead_that_opens_with_its_authors():
    assert lead_names("Иван Петров и Мария Иванова о том, как города покупают камеры") == [
        "Иван Петров",
        "Мария Иванова",
    ]
    assert lead_names("Эксперты о том, как покупать камеры") is None


def test_a_paragraph_that_opens_with_a_name_a_dash_and_a_role_is_its_author_s_bio():
    assert role_lead("Jane Roe – Senior Resident Fellow at the Steppe Institute. She …") == ["Jane Roe"]
    assert role_lead("Jane Roe - professor of economics at Steppe University.") == ["Jane Roe"]
    # A dash after words that are no name, or before what is no role, opens no bio.
    assert role_lead("The tenders – a director of the ministry said – were split.") is None
    assert role_lead("Jane Roe – the tenders were split between bidders.") is None


def test_a_russian_lead_that_names_its_author_before_a_dash():
    assert dash_lead("Политолог Иван Петров – о выборах в степных странах.") == ("Политолог", "Иван Петров")
    assert dash_lead("Иван Петров — об уроках прошлого года.") == ("", "Иван Петров")
    assert dash_lead("Иван Петров сказал, что камеры – о них спорят давно.") is None


def test_a_byline_s_names_are_the_caller_s_own_list():
    names = byline_names("By Asel Nurlanova")
    names.append("Daniyar Seitkali")  # a byline that goes on to the next line
    assert byline_names("By Asel Nurlanova") == ["Asel Nurlanova"]


@pytest.mark.parametrize(
    "text, hinted",
    [
        ("Policy Brief No. 47", True),
        ("Asia Report N°176 – 3 September 2009", True),
        ("Asia Report Nº 176", True),
        ("Доклад № 87 / 2023", True),
        ("ZOiS Spotlight 10/2024", True),
        ("Steppe Perspective 2022/24", True),
        ("Eurasia Daily Monitor Volume: 17 Issue: 32", True),
        ("Memo #612", True),
        ("NUMBER 5", True),
        ("No comments on this memo", False),  # a sign's letters, no figure
        ("The economy grew 5 percent in 2019", False),  # figures, and "no" inside a word
        ("Policy Brief", False),
        # The sign right before the figure, with spaces and one colon between at most.
        ("Issue : 3", True),
        ("Report N °12", True),
        ("a long first part of the line, then No.\t 7", True),
        ("Vol::5", False),
        ("Casino 5 nights", False),
    ],
)
def test_a_number_hint_needs_a_figure_and_a_sign_or_a_year(text, hinted):
    assert has_number_hint(text) is hinted


def test_a_date_is_never_longer_than_its_label_weekday_and_time():
    assert parse_date("Published on: Wednesday, November 6, 2013 at 10:30 a.m. EST") == date(2013, 11, 6)
    assert parse_date("x" * 100 + " 6 November 2013") is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Published in News Digest", "News Digest"),
        ("Posted: December 12, 2022 in RUSI Journal", "RUSI Journal"),
        ("Filed under Analysis", "Analysis"),
        ("Published by the Steppe Institute in Almaty", None),
        ("Posted in NEWS", None),
        ("Published in 2019", None),
    ],
)
def test_a_header_line_names_the_section_an_item_was_filed_in(text, expected):
    assert filed_in(text) == expected


def test_a_footnote_mark_after_a_name_is_no_part_of_it_and_ends_the_names():
    assert byline_names("Oxana Shevel1 Tufts University") == ["Oxana Shevel"]
    assert byline_names("Juliet Johnson and Benjamin Forest 1") == ["Juliet Johnson", "Benjamin Forest"]


def test_footnote_signs_standing_apart_between_names_part_them():
    assert byline_names("Tamsin Oakley * Rafael Mendes **") == ["Tamsin Oakley", "Rafael Mendes"]
    assert byline_names("Tamsin Oakley † Rafael Mendes ‡") == ["Tamsin Oakley", "Rafael Mendes"]


def test_the_armed_service_after_an_officer_s_name_is_no_name():
    assert byline_names("Col. Karel Novak, U.S. Army") == ["Karel Novak"]
    assert byline_names(
        "Lt. Col. Tamsin Oakley, U.S. Air Force, and Maj. Rafael Mendes, U.S. Marine Corps"
    ) == [
        "Tamsin Oakley",
        "Rafael Mendes",
    ]
    assert byline_names("By Karel Novak, Royal Navy (Ret.)") == ["Karel Novak"]
    assert byline_names("The Army and the Navy") is None


def test_an_institution_in_parentheses_after_a_name_is_its_affiliation():
    assert byline_names("Karel Novak (Steppe University, Caspian Academy of Sciences)") == ["Karel Novak"]
    assert byline_names("Karel Novak (Steppe University), Ana Maria Novak (Caspian Institute)") == [
        "Karel Novak",
        "Ana Maria Novak",
    ]
    assert byline_names("Karel Novak (Founder)") is None


def test_a_marked_byline_parts_names_at_with_and_drops_an_outlet_run_on_after_them():
    assert byline_names("Essay by: Karel Novak with Ana Maria Novak") == ["Karel Novak", "Ana Maria Novak"]
    assert byline_names("By Ruth Ellery The Daily Lantern") == ["Ruth Ellery"]
    # Without "By" neither is read into a byline: a title may run so.
    assert byline_names("Walking with Giants") is None


def test_a_journal_name_before_a_citations_volume_is_no_name_and_post():
    assert byline_names("Steppe Regional Studies Yearbook, vol. 12(1) (2019), pp. 5–30") is None
    assert byline_names("Тигран Саркисян, заместитель председателя") == ["Тигран Саркисян"]


def test_a_footnote_figure_glued_to_an_initial_is_no_part_of_the_name():
    assert byline_names("Авторы: Смирнова Е.Д.1") == ["Смирнова Е.Д."]
    assert byline_names("Authors: Brown K.L.2; Gray T.3") == ["Brown K.L.", "Gray T."]


def test_a_memo_number_line_gives_its_number_and_no_category():
    assert read_numbered("PONARS Eurasia Policy Memo No. 587 April 2019") == Numbered(587)
    assert read_numbered("Policy Brief No. 47") == Numbered(47, "Policy Brief")


def test_degrees_after_names_are_no_names_and_headings_are_no_byline():
    assert split_authors("By Anne Speckhard, Ph.D., & Chinara Esengul, Ph.D. Candidate") == [
        "Anne Speckhard",
        "Chinara Esengul",
    ]
    assert not looks_like_names("Executive Summary")
    assert not looks_like_names("Original Material")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Occasional PapersPublished on Apr 29, 2024 PDF Download", date(2024, 4, 29)),
        ("The World Today Published 1 March 2006 Updated 15 October 2020 5 minute READ", date(2006, 3, 1)),
        ("The draft was unpublished on 3 May 2020", None),
        ("Published online: 14 Jan 2021.", date(2021, 1, 14)),
        ("Published online by Northern University Press:  3 March 2019", date(2019, 3, 3)),
        ("Published by the Institute for the Region on behalf of its members", None),
        ("Written on 11/25/2017", date(2017, 11, 25)),
        ("Published 12 reports since", None),
        ("Printed in Review 2016:2, pages 4-9 Published on on May 7, 2015", date(2015, 5, 7)),
        # A PDF's cover run together: the label glued to the DOI, the date to the next label.
        ("DOI: 10.1000/12345.2017.998877Published online: 14 Jan 2021.Submit it", date(2021, 1, 14)),
        # A journal issue's line with the article's online date: "Epub" (electronic publication).
        ("Steppe Rev.  no.7 Almaty jan./jun. 2020  Epub 14-Jan-2021", date(2021, 1, 14)),
    ],
)
def test_a_labelled_date_inside_a_line(text, expected):
    assert labelled_date(text) == expected


def test_a_type_label_with_its_date_and_a_page_count():
    assert kind_and_date("Silk Road Paper December 1, 2013, pp. 74") == ("Silk Road Paper", date(2013, 12, 1))
    assert kind_and_date("Paper January 25, 2016") == ("Paper", date(2016, 1, 25))
    assert kind_and_date("Asel Nurlanova January 25, 2016") is None


def test_names_run_together_on_a_cover_part_where_initials_show_how():
    assert split_authors("Zeyno Baran S. Frederick Starr Svante E. Cornell") == [
        "Zeyno Baran",
        "S. Frederick Starr",
        "Svante E. Cornell",
    ]
    assert split_authors("Michael J. Corsi") == ["Michael J. Corsi"]
    # No initial to go by, or a word that is no name's: left whole.
    assert split_authors("Alma Nurlanova Timur Dadabaev Asel") == ["Alma Nurlanova Timur Dadabaev Asel"]
    assert split_authors("Asel S. Nurlanova SILK ROAD") == ["Asel S. Nurlanova SILK ROAD"]


def test_a_type_label_in_capitals_on_a_cover_is_given_as_the_page_prints_it_in_lower_case():
    head = "Cables Under the Caspian Asel Nurlanova SILK ROAD PAPER July 2006 Cables Under the Caspian"
    page = head + " … “Cables Under the Caspian” is a Silk Road Paper produced by the Joint Center."
    assert capitals_kind(head, page) == "Silk Road Paper"
    # Printed in capitals only: how it is written is unknown.
    assert capitals_kind(head, head) is None


def test_a_citation_of_the_memo_itself_gives_its_number():
    title = "Steady, but Evolving: Cables Under the Caspian"
    cite = f"Asel Nurlanova, “{title},” ORF Occasional Paper No. 435, April 2024."
    page = f"{title}\n\nAttribution:\n\n{cite}\n"
    assert cited_number(page, title) == 435
    assert cited_number(f"{title}\n\nSee also {title} and No. 5 of the most read.", title) is None


def test_a_citation_closed_by_its_label_in_parentheses_gives_the_year_s_number():
    title = "Cables Under the Caspian. Prospects for Regional Cooperation"
    cite = f"Asel Nurlanova, Dana Sultanova (2023). {title}. Bergen: Steppe Institute (SI Report 2023:4)"
    page = f"{title}\n\nHow to cite this publication:\n{cite}\n"
    assert cited_number(page, title) == 4
    assert read_numbered("SI Report 2023:4") == Numbered(4, "SI Report")
    # A label cited inside the sentence after the title is another publication's.
    other = f"{title}\n\n{title}. It builds on the SI Report 2023:3 (an earlier report)."
    assert cited_number(other, title) is None


def test_a_russian_citation_of_the_memo_itself_gives_the_issue_after_its_journal():
    # The GOST form: "<Title> // <Journal>. <Year>. Т. <volume>. № <issue>. С. <pages>".
    title = "Кабели под Каспием (библиографический очерк)"
    cite = f"Нурланова А. (2019) {title} // Степь: политика, экономика, право. Т. 12. № 2. С. 212-227."
    page = f"{title}\n\nЦИТИРОВАНИЕ: {cite}\n"
    assert cited_number(page, title) == 2
    # A sign in what the sentence after the title says is no issue of the memo's journal.
    other = f"{title}\n\n{title}. Закон № 2 изменил тарифы.\n"
    assert cited_number(other, title) is None


def test_the_issue_a_running_footer_gives():
    assert footer_number("in the absence STEPPE CABLE 91 | 5 . [...] In the longer term") == 91
    assert footer_number("Home | 2023 | Analysis 5 | 6") is None


def test_the_issue_printed_beside_its_month_on_the_cover_and_the_title_page():
    cover = "STEPPE PAPER\n\nMAY 2019\n\n41\n\nPORTS OF THE CASPIAN\n\n"
    title_page = "STEPPE PAPER\n\nMAY 2019 41\n\nPORTS OF THE CASPIAN\n"
    assert month_number(cover + title_page) == 41
    assert month_number(cover) is None  # printed once: a page's footer as well
    assert month_number("May 2019 | 3\nText\nMay 2019 | 4\n") is None  # the pages of a footer


def test_the_issue_of_a_running_head_between_the_page_and_the_series_in_capitals():
    assert footer_number("Download\n\n1 23 STEPPE SECURITY POLICY BRIEFS A. Author") == 23
    assert footer_number("1 2020 STEPPE ANNUAL REPORT") is None  # a year
    assert footer_number("2 Steppe Policy Briefs are published by the Academy") is None


def test_a_share_line_is_no_byline():
    assert byline_names("Facebook Twitter LinkedIn Email") is None
    assert byline_names("Asel Nurlanova; Dana Sultanova") == ["Asel Nurlanova", "Dana Sultanova"]


def test_names_under_an_authors_heading_in_a_run_of_text():
    assert headed_names("with the region. AUTHORS: Asel Nurlanova, Dana Sultanova CONTRIBUTORS: Jo Roe") == [
        "Asel Nurlanova",
        "Dana Sultanova",
    ]
    flat = "a firm alliance. Author\n\nJane Roe, Senior Fellow, Steppe Institute With support of"
    assert headed_names(flat) == ["Jane Roe"]
    assert headed_names("About the Author\n\nJane Roe is a fellow.") is None


def test_names_after_an_authors_label_and_a_dash_that_end_a_line():
    line = "Обзор статьи по экономике, автор исследования — Нурланова Асель Маратовна\n\nТекст"
    assert headed_names(line) == ["Нурланова Асель Маратовна"]
    assert headed_names("Summary of the paper, authors of the study – Jane Roe and Jo Doe\n") == [
        "Jane Roe",
        "Jo Doe",
    ]
    # A dash inside a sentence about an author opens no byline.
    assert headed_names("The author – a former diplomat – argues that tenders were split.\n") is None


def test_a_run_on_label_with_the_author_and_month_after_the_number():
    line = "Steppe Policy Paper No. 50 jane r. roe December 2018"
    assert read_numbered(line, run_on=True) == Numbered(50, category="Steppe Policy Paper")
    assert read_numbered(line) is None  # on a line of its own, words after the number make it no label
    assert read_numbered("Policy Brief No. 5 on the Caspian pipeline during 2019", run_on=True) is None


def test_the_author_an_about_the_author_section_prints_over_their_bio():
    flat = (
        "POLICY BRIEF 2 ABOUT THE AUTHOR Rear Admiral (ret.) Jo Roe Project Advisor Rear Adm. Jo Roe served "
        "as the group commander. The Steppe Institute is a think tank."
    )
    assert about_author_names(flat) == ["Jo Roe"]
    # A subject the section did not print before its bio sentence is not vouched for.
    assert about_author_names("About the author Central Asia is a region of five states.") is None


def test_a_name_a_cover_prints_over_the_about_the_author_heading():
    cover = "CABLES UNDER THE CASPIAN\n\nJo Roe\n\nAbout the Author\n\nJo Roe is a fellow at a think tank."
    assert about_author_names(cover) == ["Jo Roe"]


@pytest.mark.parametrize(
    "text",
    ["Jane Roe", "Jane Roe, John Doe", "Jane Roe; John Doe", "Jane Roe and John Doe", "A & B", "Анна и Борис",
     "Alexandra Anderson", "Ivan Ivanov Ivanovich", "Jane Roe,John Doe", "Jane Roe|John Doe",
     "Tenders | Steppe Herald"],
)  # fmt: skip
def test_has_separator_is_true_wherever_the_split_pattern_parts_a_byline(text):
    assert has_separator(text) == (len(_SPLIT.split(text)) > 1)


@pytest.mark.parametrize(
    "text", ["By Jane Roe", "by: Jane and by John", "Jane Roe, by the way", "", "  • item", "Written by A"]
)
def test_without_opening_removes_what_an_anchored_pattern_matches_as_sub_does(text):
    for pattern in (MARKED_BYLINE, re.compile(r"^\s*[•·▪◦●*+]\s+"), re.compile(r"^x*")):
        assert without_opening(pattern, text) == pattern.sub("", text)


def test_every_unicode_space_but_the_plain_one_is_a_character_str_isprintable_turns_down():
    # clean_space keeps a printable line with single spaces as it is.
    spaces = [chr(c) for c in range(0x110000) if chr(c).isspace()]
    assert [c for c in spaces if c.isprintable()] == [" "]


@pytest.mark.parametrize(
    "text, cleaned",
    [
        ("Policy Memo No. 540", "Policy Memo No. 540"),
        ("  Policy  Memo\tNo.\u00a0540 ", "Policy Memo No. 540"),
        ("Jane\u2003Roe\u202fand\u3000John Doe", "Jane Roe and John Doe"),
        ("line\n", "line"),
        ("  Title\n\n  of the   memo \n", "Title of the memo"),
        ("Title\n\tof the\u00a0memo\n", "Title of the memo"),
        (" ", ""),
        ("", ""),
    ],
)
def test_clean_space_parts_at_every_unicode_space_and_keeps_clean_lines(text, cleaned):
    assert clean_space(text) == cleaned


@pytest.mark.parametrize(
    "line, matches",
    [
        ("read more", True),
        ("Read More:", True),
        ("  read more  :  ", True),
        ("\tread more :\t", True),
        ("read more:x", False),
        ("read more, please", False),
        ("read", False),
    ],
)
def test_a_phrase_line_is_the_phrase_alone_whatever_the_spaces_and_colon_around_it(line, matches):
    assert PhraseLine("read more", "print").matches(line) is matches


@pytest.mark.parametrize(
    "text, undated",
    [
        ("by Daria Kravets-Meinke 15/05/2024", "by Daria Kravets-Meinke"),
        ("26.04.23 Sanctions Review", "Sanctions Review"),
        ("Jane Roe | March 3rd, 2020", "Jane Roe"),
        ("Vol. 3, No. 7", "Vol. 3, No. 7"),  # figures, but no two side by side: no year
        ("5 min read", "5 min read"),
    ],
)
def test_without_date_takes_off_a_date_at_either_end_and_leaves_lines_without_a_year(text, undated):
    assert without_date(text) == undated


LONG_TAIL = " ".join(["The ministry said 12 ships and 7 trains left in 2019."] * 20)


@pytest.mark.parametrize(
    "text, found",
    [
        ("8 July 2022 Central Asia " + LONG_TAIL, date(2022, 7, 8)),
        ("Monday, March 3rd, 2020 10:30 Jane Roe", date(2020, 3, 3)),
        ("5 min read " + LONG_TAIL, None),  # the year further on opens no date
        ("No. 7 | 12 May 2021", None),  # a date after five words is not at the start
        ("14.09.2016Tenders Split Between Bidders", date(2016, 9, 14)),  # run into the title
        ("2021-05-04Cables Under the Caspian", date(2021, 5, 4)),
    ],
)
def test_date_at_start_reads_a_date_of_up_to_five_words_that_opens_the_text(text, found):
    assert date_at_start(text) == found


@pytest.mark.parametrize(
    "text, found",
    [
        (LONG_TAIL + " by Daria Kravets-Meinke 15/05/2024", date(2024, 5, 15)),
        (LONG_TAIL + " Posted on Monday, March 3rd, 2020", date(2020, 3, 3)),
        ("2019 was the year " + "of the steppe " * 20 + "page 5", None),
    ],
)
def test_date_at_end_reads_a_date_of_up_to_five_words_that_ends_the_text(text, found):
    assert date_at_end(text) == found


def test_a_chinese_journal_year_and_issue_give_the_issue_number():
    assert has_number_hint("Steppe Studies Quarterly 2019年4期")
    assert read_numbered("Steppe Studies Quarterly 2019年4期") == Numbered(4)
    assert read_numbered("Steppe Studies Quarterly 2019年第12期") == Numbered(12)
    assert read_numbered("Steppe Studies Quarterly 2019年") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Policy Paper 3. Rails and Ports of the Caspian",
         (Numbered(3, "Policy Paper"), "Rails and Ports of the Caspian")),
        ("Steppe Policy Brief 12: Why Freight Stays Away",
         (Numbered(12, "Steppe Policy Brief"), "Why Freight Stays Away")),
        ("Policy Paper 2019. Rails and Ports of the Caspian", None),  # a year, not a number
        ("Our report 3. Rails and Ports of the Caspian", None),  # no label's capitals
        ("Policy Paper 3. Rails", None),  # no title after it
    ],
)  # fmt: skip
def test_a_kind_label_and_its_number_without_a_sign_before_the_title(text, expected):
    assert kind_number_title(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Policy Paper Institutionalizing a Steppe Partnership", "Policy Paper"),
        ("Steppe Working Paper Rails and Ports of the Caspian", "Steppe Working Paper"),
        ("Analysis Rails and Ports of the Caspian", None),  # one word may be the title's own
        ("Research Notes on the Steppe Roads", None),  # a title in small letters goes on
        ("POLICY PAPER RAILS AND PORTS OF THE CASPIAN", None),  # where capitals end is unclear
        ("Policy Paper Rails", None),  # no title after it
    ],
)  # fmt: skip
def test_a_kind_label_run_into_the_title_without_a_number(text, expected):
    assert kind_opening_title(text) == expected


def test_a_series_name_before_a_quoted_title_on_its_line():
    lines = ["12 March 2022", "", "Commentary Series on the Steppe War: “Turning Point: The Steppe at War.”"]
    assert series_before_quoted_title(lines) == "Commentary Series on the Steppe War"
    assert series_before_quoted_title(["Essay Series: “The Steppe Roads”"]) == "Essay Series"
    # a title that is no quotation, or a sentence that speaks of a series, names none
    assert series_before_quoted_title(["Essay Series: The Steppe Roads"]) is None
    assert series_before_quoted_title(["The new Series on the war: “a turning point”"]) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Caspian freight in winter, SU Issue 12, March 4, 2009",
         (Numbered(12, published=date(2009, 3, 4)), "Caspian freight in winter")),
        ("Rails and ports of the Caspian, Steppe Update No. 3, 14 May 2010",
         (Numbered(3, published=date(2010, 5, 14)), "Rails and ports of the Caspian")),
        ("Rails, ports and pipes, Issue 3, and more", None),  # no date closes it
        ("Ports, Issue 3, March 4, 2009", None),  # no title before it
    ],
)  # fmt: skip
def test_a_title_with_its_issue_label_number_and_date_after_it(text, expected):
    assert title_issue_date(text) == expected


def test_a_volume_and_an_issue_with_the_months_it_covers():
    assert has_number_hint("Том 3, Номер 4 (Октябрь-декабрь 2021)")
    assert read_numbered("Том 3, Номер 4 (Октябрь-декабрь 2021)") == Numbered(4)
    assert read_numbered("Vol. 3, No. 4 (October–December 2021)") == Numbered(4)
    assert read_numbered("Vol. 3, No. 4 (Steppe Press 2021)") is None  # no months: a reference's tail


def test_a_catalogue_type_that_says_where_the_item_was_printed_is_a_kind_label():
    assert is_kind_label("Статья в журнале") and is_kind_label("Article in a journal")
    assert not is_kind_label("Статья в субботу")  # not where it was printed


def test_names_that_open_with_an_accented_latin_capital():
    assert byline_names("By Tomáš Šimek and Łucja Żak") == ["Tomáš Šimek", "Łucja Żak"]
    assert byline_names("Élodie Ørsted") == ["Élodie Ørsted"]
    assert byline_names("Ökonomie und Übergang") is None


def test_a_military_rank_before_a_name_is_no_part_of_it():
    assert byline_names("by Major Jane Roe") == ["Jane Roe"]
    assert byline_names("By Lt. Gen. Jane Roe and Col. Lisa Doe") == ["Jane Roe", "Lisa Doe"]
    # A rank's word before one other word is a phrase, not a title and a name.
    assert split_authors("General Staff") == ["General Staff"]


def test_a_cms_creation_label_names_the_items_own_date():
    assert parse_date("Created: 2023-01-31 04:04:22") == date(2023, 1, 31)
    assert parse_date("Создано: 31.01.2023 04:04") == date(2023, 1, 31)


def test_a_volume_and_issue_line_ending_with_the_year_gives_the_issue():
    assert read_numbered("Volume II, Issue 3, 2021") == Numbered(3)
    assert read_numbered("Vol. 4, No. 1 (2020)") == Numbered(1)
    assert read_numbered("Vol. 4, No. 1, Steppe Press") is None  # a reference's tail


def test_a_unit_run_on_after_a_marked_name_is_no_part_of_it():
    assert byline_names("By Asel Nurlanova Department of Steppe Studies") == ["Asel Nurlanova"]
    assert byline_names("By Jane Roe Office of the Steppe Historian") == ["Jane Roe"]
    # Without "By", title-case words before a unit are no byline.
    assert byline_names("Steppe Cameras Department of Roads") is None


def test_a_space_before_the_comma_after_the_day_still_reads_as_a_date():
    assert parse_date("March 9 , 2019") == date(2019, 3, 9)
    assert date_at_start("March 9 , 2019 10:15 AM by Jane Roe") == date(2019, 3, 9)


def test_a_date_in_figures_run_onto_the_word_before_it_ends_the_line():
    # A board's subject line joins the name and the date column.
    assert date_at_end("[Event] Dialogue with Jane Roe2014.08.27") == date(2014, 8, 27)
    assert date_at_end("Talk by Jane Roe14.09.2018") == date(2018, 9, 14)
    assert date_at_end("Model A2014") is None


def test_a_type_label_opening_a_line_dates_it_with_the_figures_after_it():
    # A cover's label, date and title run on in one line.
    assert date_after_kind("ISSUE BRIEF 07.18.17 Russia's Pipelines in the Steppe") == date(2017, 7, 18)
    assert date_after_kind("Policy Brief 3 March 2020 Water in the Valley") == date(2020, 3, 3)
    # Figures after words that name no kind are no label's date.
    assert date_after_kind("Steppe Cameras 07.18.17 and Their Buyers") is None


def test_the_kind_of_piece_and_a_comma_before_by_mark_a_byline():
    assert byline_names("Opinion, by Jane Roe") == ["Jane Roe"]
    assert byline_names("Commentary, by Jane Roe and Lisa Doe") == ["Jane Roe", "Lisa Doe"]


def test_a_journal_s_name_over_its_volume_line_names_the_series():
    lines = ["Peer-reviewed article", "Caspian Review of Law and Trade", "Vol. 14, , pp. 2145", "<Title>"]
    assert journal_over_volume(lines) == "Caspian Review of Law and Trade Volume 14"
    # A double issue gives no number, but the volume and its journal still name the series.
    lines = ["", "CASPIAN TRADE AND ECONOMICS", "2021, VOL. 62, NOS. 5–6, 539–556", "", "INTRODUCTION"]
    assert journal_over_volume(lines) == "CASPIAN TRADE AND ECONOMICS Volume 62"
    # A sentence or a line with a figure over it is no journal's name; a line that goes on after
    # the volume is no volume line.
    assert journal_over_volume(["The ports were built in 2019.", "Vol. 14"]) is None
    assert journal_over_volume(["the archive of trade law", "Vol. 14"]) is None
    assert journal_over_volume(["Caspian Review of Law and Trade", "Vol. 14 is out now"]) is None


def test_an_issue_line_in_parentheses_with_the_journal_after_its_year_names_the_series():
    found = read_numbered("(Vol. 3 No. 1, 2022. Caspian Security Journal)")
    assert found == Numbered(1, series="Caspian Security Journal Volume 3")
    # A sentence after the year is no journal's name.
    assert read_numbered("Vol. 3 No. 1, 2022. the ports were built in 2019") is None


def test_notes_in_parentheses_after_each_name_part_the_names():
    names = ["Asel Nurlanova", "Jane Roe"]
    assert byline_names("Author: Asel Nurlanova (PhD candidate) Jane Roe (PhD)") == names
    assert byline_names("By Jane Roe (PhD)") == ["Jane Roe"]
    # A nickname inside a name stays.
    assert byline_names("By Nicole (Cole) Anselmo") == ["Nicole (Cole) Anselmo"]


def test_a_lead_crediting_the_piece_before_a_colon_names_its_author():
    lead = "Guest analysis by Jane Roe: The tenders of the past two years were split between bidders."
    assert credit_lead(lead) == ["Jane Roe"]
    assert credit_lead("An analysis by region: the tenders were split between bidders.") is None


def test_a_bar_glued_to_the_names_on_both_sides_parts_them():
    assert byline_names("Jane Roe|John Doe") == ["Jane Roe", "John Doe"]
    assert split_authors("Jane Roe | John Doe") == ["Jane Roe | John Doe"]


def test_a_counter_of_views_after_the_date_on_its_line_is_no_part_of_it():
    assert parse_date("Published : Wednesday, 30 April, 2025 at 12:00 AM  Count : 372") == date(2025, 4, 30)
    assert parse_date("30.04.2025 Просмотров: 1,204") == date(2025, 4, 30)
    # A figure after a colon that no counter's word leads is no counter.
    assert parse_date("30 April 2025 Part: 2") is None


def test_a_count_of_views_printed_last_after_the_date_is_no_part_of_it():
    assert parse_date("2024-09-26281 view") == date(2024, 9, 26)  # run into an ISO date's day
    assert parse_date("30 April 2025 1,204 views") == date(2025, 4, 30)
    assert parse_date("December 2024 281 views") is None  # a month: no date


def test_a_post_after_the_organisation_the_author_holds_it_in_is_no_name():
    # "<Organisation> Research Associate": the organisation's words come first, the post last.
    assert byline_names("by Jane Roe, Steppe Policy Forum Research Associate") == ["Jane Roe"]
    assert byline_names("Jane Roe, Steppe Policy Forum Senior Associate") == ["Jane Roe"]
    assert byline_names("Jane Roe, Steppe Policy Forum Associates") is None


def test_a_subject_in_brief_is_a_column_s_title_not_a_kind_label():
    # "<Subject> in Brief" says the subject is told briefly; "In Brief" alone labels the kind.
    assert not is_kind_label("The Region in Brief")
    assert not is_kind_label("Steppe News in Brief")
    assert is_kind_label("In Brief") and is_kind_label("Policy Brief")


def test_a_numbered_release_is_a_kind_label_with_its_number():
    assert read_numbered("Пресс-релиз № 12") == Numbered(12, "Пресс-релиз")
    assert read_numbered("Пост-релиз #14 от 22 октября 2022") == Numbered(
        14, "Пост-релиз", published=date(2022, 10, 22)
    )
    assert read_numbered("Press Release No. 5") == Numbered(5, "Press Release")
    assert is_kind_label("Пресс-релиз")


def test_a_journal_s_volume_alone_on_its_line_numbers_the_issue():
    # No issue number is printed: the volume is the only number the issue has.
    assert read_numbered("SPR Vol.70") == Numbered(70)
    assert read_numbered("STEPPE REVIEW 2020–2021 VOL. 39 ISSN: 1234-5678") == Numbered(39)
    # A citation goes on after the volume: its pages, not a label.
    assert read_numbered("Steppe Review, Vol. 12, pp. 5-19") is None


def test_a_magazine_s_line_naming_the_issue_the_piece_came_out_in_gives_its_number():
    assert read_numbered("Этот материал вышел в номере: «Степь» №15") == Numbered(15)
    assert read_numbered("Материал из номера:Этот материал вышел в номере: «Степь» №15") == Numbered(15)
    assert read_numbered("Материал из номера: «Степь» № 7") == Numbered(7)

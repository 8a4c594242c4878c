"""The parsers, field by field: on every sample page (against its gold file) and on variants."""

import json
import re
from datetime import date

import pytest

from memos.ingest.fields import blog_owner
from memos.ingest.parse import decode, detect_format, parse_page, read_text
from memos.ingest.parsed import ParseError

from .conftest import DATA, PAGES, SEED

# fixtures/pages are the sample data `make run` imports; tests/data/more_pages were written
# afterwards, blind to the parser, so it is tested on pages it was not written against.
GOLD_DIRS = {PAGES: DATA / "gold", DATA / "more_pages": DATA / "more_gold"}
PAGE_FILES = sorted(p for folder in GOLD_DIRS for p in folder.iterdir() if p.is_file())
FIELDS = ["title", "authors", "memo_number", "series", "pdf", "topics", "category", "language"]


def gold_path(page):
    return GOLD_DIRS[page.parent] / f"{page.name}.json"


def gold_for(page):
    return json.loads(gold_path(page).read_text(encoding="utf-8"))


def test_every_sample_page_has_a_gold_file():
    assert len([p for p in PAGE_FILES if p.parent == PAGES]) >= 9
    assert not [p.name for p in PAGE_FILES if not gold_path(p).exists()]


@pytest.mark.parametrize("page", PAGE_FILES, ids=lambda p: p.name)
def test_sample_page_fields(page):
    gold = gold_for(page)
    memo = parse_page(page.read_bytes())
    for field in FIELDS:
        assert getattr(memo, field) == gold[field], field
    published = memo.published.isoformat() if memo.published else None
    assert published == gold["published"]


@pytest.mark.parametrize("page", PAGE_FILES, ids=lambda p: p.name)
def test_sample_page_body_headings_and_bio(page):
    gold = gold_for(page)
    memo = parse_page(page.read_bytes())
    assert memo.body_text.startswith(gold["body_starts"])
    assert memo.body_text.rstrip().endswith(gold["body_ends"].rstrip())
    assert memo.headings == gold["headings"]
    if gold.get("bio_starts"):
        assert memo.bio.startswith(gold["bio_starts"])
        assert gold["bio_starts"] not in memo.body_text
    else:
        assert memo.bio == ""
    # Section headings survive into the stored HTML as headings.
    for heading in gold["headings"]:
        assert heading.replace("&", "&amp;") in memo.body_html


def test_seed_page_exactly():
    memo = parse_page(SEED.read_bytes())
    assert memo.format == "text"
    assert memo.title == "Chinese Artificial Intelligence Projects Expand in Eurasian Cities"
    assert memo.authors == ["Erica Marat"]
    assert memo.published == date(2018, 9, 14)
    assert (memo.memo_number, memo.series) == (540, "2")
    assert memo.pdf == "Pepm540_Marat_Sept2018.pdf"
    assert memo.topics == ["2018", "Central Asia", "Eurasia", "Marat", "Technology"]
    assert (memo.category, memo.language) == ("Policy Memos", "en")
    assert memo.body_text.startswith("(PONARS Policy Memo) As a global leader")
    assert memo.headings == [
        "Securitizing Public Spaces Through Artificial Intelligence",
        "The “Eurasian” Use of AI: Securing the Political Status Quo?",
        "Implications for the Rule of Law",
        "Conclusion",
    ]
    assert memo.bio.startswith("Erica Marat is Associate Professor")
    assert "Associate Professor" not in memo.body_text
    # Chrome stays out: the podcast list, "You May Also Like", the footer.
    for chrome in ["Vaccine Hesitancy", "Racializing Central Asia", "Powered by narva.io", "[PDF]"]:
        assert chrome not in memo.body_text


# --- Layouts the sample pages do not cover -------------------------------------------------

JSON_LD_GRAPH_PAGE = """<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Wrong Title From Title Tag | Example Centre</title>
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "name": "Example Centre"},
  {"@type": "ScholarlyArticle", "headline": "Grain Corridors and the Black Sea",
   "datePublished": "2023-07-19T08:00:00+03:00",
   "author": [{"@type": "Person", "name": "Olena Kovalenko"},
              {"@type": "Organization", "name": "Example Centre"},
              {"@type": "Person", "name": "Mark Ellis"}],
   "keywords": "Ukraine, Food Security, Black Sea", "inLanguage": "en-GB",
   "articleSection": "Briefs"}]}
</script>
<link rel="canonical" href="https://example.org/briefs/grain-corridors">
</head><body>
<div class="site-header"><a href="/">Home</a> <a href="/briefs">Briefs</a></div>
<div class="layout">
 <div class="col-main">
  <h1>Grain Corridors and the Black Sea</h1>
  <div class="content-body">
   <p>Ukraine's grain exports through the Black Sea have become a test of whether a wartime
   economy can keep its markets. Since 2022 shipping insurers have repriced every voyage and
   Turkish mediation has mattered more than any guarantee on paper.</p>
   <h3>What changed in 2023</h3>
   <p>When the initiative lapsed, Ukraine opened its own corridor hugging the western coast,
   and Romanian and Bulgarian waters carried most of the traffic. Egypt and Indonesia, the
   largest buyers, watched prices settle rather than spike as many had feared.</p>
   <p>Olena Kovalenko is a fellow at the Example Centre. Mark Ellis is a senior analyst.</p>
  </div>
 </div>
 <div class="col-side widget-area"><h4>Popular</h4><p>France and Spain debate farm subsidies,
 a long story about European agriculture and its discontents over many decades of policy.</p></div>
</div>
<div class="site-footer">© Example Centre</div>
</body></html>"""


def test_json_ld_graph_is_trusted_before_the_page():
    memo = parse_page(JSON_LD_GRAPH_PAGE.encode())
    assert memo.format == "html"
    assert memo.title == "Grain Corridors and the Black Sea"
    assert memo.authors == ["Olena Kovalenko", "Mark Ellis"]  # the Organization is no author
    assert memo.published == date(2023, 7, 19)
    assert memo.topics == ["Ukraine", "Food Security", "Black Sea"]
    assert memo.category == "Briefs"
    assert memo.language == "en"
    assert memo.source_url == "https://example.org/briefs/grain-corridors"
    assert memo.headings == ["What changed in 2023"]
    assert memo.bio.startswith("Olena Kovalenko is a fellow")
    assert "France and Spain" not in memo.body_text
    assert memo.memo_number is None and memo.pdf is None


UPLOADED_PDF = """Ports and rail links of the steppe a study of the Caspian corridor.pdf

Added 3 weeks ago by a reader

Ports and Rail Links of the Steppe

The opening of two rail links to the Caspian ports has changed how the region's states bargain
with their larger neighbours, and this study asks what the corridor is worth to each of them.
"""


def test_a_pdf_file_name_on_a_line_of_its_own_is_the_pdf():
    # A document host prints the upload's file name, spaces and all, above the text; it is
    # kept as a link, as every stored URL is, its spaces percent-encoded.
    memo = parse_page(UPLOADED_PDF.encode())
    name = "Ports and rail links of the steppe a study of the Caspian corridor.pdf"
    assert memo.pdf == name.replace(" ", "%20")
    # A sentence that ends in a link to a file is no file name.
    sentence = UPLOADED_PDF.replace("Ports and rail", "The full text is at https://example.org/ports", 1)
    assert parse_page(sentence.encode()).pdf is None


JOURNAL_RUNNING_HEAD = """Steppe Journal of Regional Studies | Vol. 4, No. 2, 2019 | eISSN 1234-5678 \
Published online by the Steppe Institute at www.example.org

© 2019 The Author/s This is an open access article. Date of publication: May 04, 2019

THE PORTS OF THE CASPIAN AND THE ‘

Jane Roe Steppe University, , ORCID iD: https://orcid.org/0000-0000-0000-0000

Abstract: The opening of two rail links to the Caspian ports has changed how the region's states bargain \
with their larger neighbours, and this article asks what the corridor is worth to each of them.
"""


def test_a_journal_s_running_head_with_a_bare_volume_gives_the_series():
    memo = parse_page(JOURNAL_RUNNING_HEAD.encode())
    assert (memo.series, memo.memo_number) == ("Steppe Journal of Regional Studies Volume 4", 2)


BARE_HTML_PAGE = """<html><head>
<title>Water Politics in the Fergana Valley - Central Asia Review</title></head>
<body>
<ul class="main-menu"><li><a href="/">Home</a></li><li><a href="/about">About</a></li></ul>
<div id="content">
<h1>Water Politics in the Fergana Valley</h1>
<p class="byline">By Aziz Karimov and Dana Sultanova</p>
<p>Published: March 3, 2017</p>
<p>Upstream and downstream states in Central Asia have argued over water since independence.
Kyrgyzstan and Tajikistan hold the reservoirs, Uzbekistan the irrigated fields, and every
spring the same negotiation begins again with slightly different actors at the table.</p>
<p><strong>A New Pragmatism</strong></p>
<p>Since 2016 the tone has changed. Uzbek officials now speak of shared infrastructure rather
than of threats, and joint commissions meet on schedule, which is itself a kind of progress in
a region where meetings used to be cancelled at the last minute for political reasons.</p>
</div>
<div class="sidebar"><p>Subscribe to our newsletter for weekly analysis of Kazakhstan and
Mongolia and everything else that happens in the wider region, delivered to your inbox.</p></div>
</body></html>"""


def test_a_journal_s_name_over_a_volume_line_without_an_issue_names_the_series():
    # An article's first page: the journal, its volume and pages, then the title (no issue).
    page = BARE_HTML_PAGE.replace(
        '<div id="content">',
        '<div id="content">\n<div class="journal">Central Asia Review of Water Law</div>\n'
        '<div class="citation">Vol. 14, pp. 2145</div>',
    )
    memo = parse_page(page.encode())
    assert (memo.series, memo.memo_number) == ("Central Asia Review of Water Law Volume 14", None)


def test_undeclared_html_falls_back_to_the_visible_page():
    memo = parse_page(BARE_HTML_PAGE.encode())
    assert memo.title == "Water Politics in the Fergana Valley"
    assert memo.authors == ["Aziz Karimov", "Dana Sultanova"]
    assert memo.published == date(2017, 3, 3)
    assert memo.headings == ["A New Pragmatism"]
    assert "Subscribe" not in memo.body_text
    assert memo.body_text.startswith("Upstream and downstream states")
    assert memo.topics == [] and memo.category is None


WRAPPED_DUMP = """PONARS Eurasia
Home | About | Policy Memos

Policy Memos

The Limits of Russian Mediation in the South Caucasus
By Anna Ohanyan
March 4, 2015

Russia's role as a mediator between Armenia and Azerbaijan has always been shaped by
its own interests in the region, and the ceasefire arrangements of the 1990s left Moscow
with leverage that it has used sparingly but effectively ever since then.

Two Tracks

The first track is diplomatic and runs through the Minsk Group, where Russia sits with
France and the United States. The second is military and bilateral, and it is the one that
matters most on the ground when fighting resumes along the line of contact.

Anna Ohanyan is a professor of political science at Stonehill College.

Memo #: 385
Series: 2
Related Topics
  • Armenia
  • Azerbaijan
"""


def test_hard_wrapped_dump_with_plain_byline_and_date_lines():
    memo = parse_page(WRAPPED_DUMP.encode())
    assert memo.format == "text"
    assert memo.title == "The Limits of Russian Mediation in the South Caucasus"
    assert memo.authors == ["Anna Ohanyan"]
    assert memo.published == date(2015, 3, 4)
    assert memo.memo_number == 385 and memo.series == "2"
    assert memo.topics == ["Armenia", "Azerbaijan"]
    assert memo.headings == ["Two Tracks"]
    assert memo.body_text.startswith("Russia's role as a mediator between Armenia")
    # Wrapped lines are joined into one paragraph.
    assert "left Moscow with leverage" in memo.body_text
    assert memo.bio.startswith("Anna Ohanyan is a professor")


def test_format_comes_from_content_not_name():
    assert detect_format(JSON_LD_GRAPH_PAGE) == "html"
    assert detect_format(WRAPPED_DUMP) == "text"
    assert detect_format(SEED.read_text(encoding="utf-8")) == "text"


@pytest.mark.parametrize("encoding", ["cp1251", "utf-8", "utf-16"])
def test_russian_text_in_any_encoding_decodes(encoding):
    text = "Россия и Китай: новая повестка в Центральной Азии. " * 20
    assert decode(text.encode(encoding)).strip().startswith("Россия и Китай")


def test_declared_charset_wins():
    html = (
        '<html><head><meta charset="windows-1251"><title>Т</title></head><body><p>Казахстан</p></body></html>'
    )
    assert "Казахстан" in decode(html.encode("cp1251"))


RUSSIAN = "Россия и Китай: новая повестка в Центральной Азии, и Казахстан между ними. " * 20
ENGLISH = "Kazakhstan’s “safe city” cameras – bought from Hikvision – watch Almaty’s streets. " * 20


def page_declaring(charset: str, text: str) -> str:
    return f'<html><head><meta charset="{charset}"><title>T</title></head><body><p>{text}</p></body></html>'


@pytest.mark.parametrize(
    ("declared", "text", "encoding", "warns"),
    [
        # Valid UTF-8 that is not plain ASCII is UTF-8, whatever the page says.
        ("utf-16", RUSSIAN, "utf-8", "declares utf-16"),
        ("windows-1251", RUSSIAN, "utf-8", "declares windows-1251"),
        ("iso-8859-1", RUSSIAN, "utf-8", "declares iso-8859-1"),
        ("iso-8859-1", ENGLISH, "utf-8", "declares iso-8859-1"),
        # A declaration the bytes contradict loses to what they are.
        ("utf-8", RUSSIAN, "cp1251", "declares utf-8"),
        ("iso-8859-1", RUSSIAN, "cp1251", "declares iso-8859-1"),
        # A declaration the bytes bear out is kept, without a word.
        ("windows-1251", RUSSIAN, "cp1251", None),
        ("windows-1252", ENGLISH, "cp1252", None),
        ("utf-8", RUSSIAN, "utf-8", None),
        ("windows-1251", "Plain ASCII text of a page. " * 20, "utf-8", None),
    ],
)
def test_pages_are_decoded_by_evidence_not_by_declaration(declared, text, encoding, warns):
    html = page_declaring(declared, text)
    read = read_text(html.encode(encoding))
    assert text in read.text
    if warns:
        assert warns in read.warning
    else:
        assert read.warning is None
    assert decode(html.encode(encoding)) == read.text  # the older API gives the same text


def test_a_contradicted_declaration_is_a_warning_on_the_parsed_memo():
    html = page_declaring("windows-1251", RUSSIAN).replace("<p>", "<article><h1>Россия и Китай</h1><p>")
    memo = parse_page(html.encode("utf-8"))
    assert memo.title == "Россия и Китай"
    assert memo.language == "ru"
    assert memo.warnings == ["the page declares windows-1251, but its bytes are utf-8: read as utf-8"]


def test_nul_and_other_control_characters_are_stripped_anywhere():
    # PostgreSQL cannot store NUL and XML (the feed) cannot carry the other C0 controls; a page
    # whose first 4 KB are clean is not binary for a stray one further on.
    body = "Kazakhstan buys cameras from Hikvision and Huawei for Almaty. " * 100
    text = read_text(f"{body}\x00tail\x01\x02\x1f end\x0bnext\x0cpage\ttab\r\n".encode()).text
    assert text == f"{body}tail end\nnext\npage\ttab\r\n"


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" + bytes(range(256)) * 4, "binary"),
        (b"<html><head><title>Broken", "no body"),
        (b"<html><body><ul><li><a href='/a'>A memo</a></li></ul></body></html>", "not a memo"),
        (b"Just a line of text.\nAnd another.\n", "no memo text"),
    ],
)
def test_unreadable_pages_say_why(data, reason):
    with pytest.raises(ParseError, match=reason):
        parse_page(data)


LABELS_UNDER_TITLE = """PONARS Eurasia
Policy Memos

Nuclear Energy Diplomacy in Central Asia

Author:
Kanat Omarov
Memo #:
412
Publication Date:
February 2, 2016

Kazakhstan holds the world's largest uranium output and has used it as a diplomatic card,
supplying reactors in China and France while hosting the low-enriched uranium bank of the
International Atomic Energy Agency near Oskemen, a project years in the making.

Russia remains the main partner for reactor construction in the region, and Uzbekistan's
agreement with Rosatom for a first plant shows how long such commitments last once signed.
"""


def test_label_blocks_between_title_and_body():
    memo = parse_page(LABELS_UNDER_TITLE.encode())
    assert memo.title == "Nuclear Energy Diplomacy in Central Asia"
    assert memo.authors == ["Kanat Omarov"]
    assert memo.memo_number == 412
    assert memo.published == date(2016, 2, 2)
    assert memo.category == "Policy Memos"
    assert memo.body_text.startswith("Kazakhstan holds the world's largest uranium output")


NUMBERED_KICKER_DUMP = """Wilson Center
Home | Programs | Publications

Kennan Cable No. 51 | June 2020

Kazakhstan's Succession, One Year On

By Aigerim Sadykova

June 4, 2020

A year after the first president stepped down, power in Kazakhstan is shared between two
offices, and the arrangement has held better than many observers expected when it began.

The second year will test it more: a falling oil price and the pandemic have narrowed the
budget that bought the elites' loyalty, and the parliamentary elections are due in January.

Aigerim Sadykova is a fellow at the Kennan Institute.
"""

VOLUME_ISSUE_DUMP = """Jamestown Foundation
Programs | Analysis | Events

Turkey's Neo-Ottomanism in the South Caucasus

Publication: Eurasia Daily Monitor Volume: 17 Issue: 32

By: Daniel Petrov

March 10, 2020

Ankara's policy in the South Caucasus has moved from trade to security, and its support for
Azerbaijan is now the most visible part of a strategy that also reaches Georgia and Central Asia.

Russia watches this with concern but has so far preferred to manage the rivalry rather than
confront it, as both capitals need each other on Syria, gas and the Black Sea.
"""


def test_a_numbered_label_above_the_title_gives_category_and_number():
    memo = parse_page(NUMBERED_KICKER_DUMP.encode())
    assert memo.title == "Kazakhstan's Succession, One Year On"
    assert (memo.category, memo.memo_number, memo.series) == ("Kennan Cable", 51, None)
    assert memo.authors == ["Aigerim Sadykova"] and memo.published == date(2020, 6, 4)


def test_volume_and_issue_give_series_and_number():
    memo = parse_page(VOLUME_ISSUE_DUMP.encode())
    assert memo.title == "Turkey's Neo-Ottomanism in the South Caucasus"
    assert (memo.series, memo.memo_number) == ("Eurasia Daily Monitor Volume 17", 32)
    assert memo.category == "Eurasia Daily Monitor"
    assert memo.authors == ["Daniel Petrov"]


METADATA_TABLE_PAGE = """<html><head><meta charset="utf-8">
<title>Gas Transit after Kharkiv | PONARS Eurasia</title></head>
<body><div id="content">
<h1>Gas Transit after Kharkiv</h1>
<p class="byline">By Olena Bondar</p>
<table class="memo-meta">
<tr><th>Memo #</th><td>143</td></tr>
<tr><th>Series</th><td>2</td></tr>
<tr><th>PDF</th><td><a href="/pdf/pepm_143.pdf">pepm_143.pdf</a></td></tr>
</table>
<p>The Kharkiv accords traded a lease on the naval base in Sevastopol for a discount on gas,
and the bargain has shaped Ukraine's energy politics in ways its authors did not foresee.</p>
<p>The transit system remains the country's main asset in talks with Moscow and Brussels, and
every government since has treated its ownership as the question behind all the others. What
changed in 2010 was the price of keeping that question open, which rose with every winter.</p>
<table><tr><td>Year</td><td>Transit (bcm)</td></tr><tr><td>2009</td><td>95.8</td></tr></table>
<h3>About the author</h3>
<p>Olena Bondar is a senior fellow at the Razumkov Centre.</p>
</div></body></html>"""


def test_metadata_in_a_table_is_read_and_kept_out_of_the_body():
    memo = parse_page(METADATA_TABLE_PAGE.encode())
    assert (memo.memo_number, memo.series, memo.pdf) == (143, "2", "/pdf/pepm_143.pdf")
    assert "Memo #" not in memo.body_text and "143" not in memo.body_text
    assert "Transit (bcm)" in memo.body_text  # a data table stays
    assert memo.authors == ["Olena Bondar"]


def test_an_author_named_twice_is_listed_once():
    page = BARE_HTML_PAGE.replace(
        "By Aziz Karimov and Dana Sultanova", "By Aziz Karimov, Dana Sultanova and Aziz Karimov"
    )
    assert parse_page(page.encode()).authors == ["Aziz Karimov", "Dana Sultanova"]


UNTITLED_DUMP = """In 2019 the city council signed a contract for a network of cameras that watch the \
main roads, the markets and the schools. The contract was never published in full.

The cameras came from two suppliers, and the integrator that installed them was founded a year \
before the tender, which raised questions that the council has not answered since.
"""


def test_a_memo_without_a_title_line_is_kept_with_its_first_words_standing_in():
    memo = parse_page(UNTITLED_DUMP.encode())
    assert memo.title == (
        "In 2019 the city council signed a contract for a network of cameras that watch the main roads, the…"
    )
    assert memo.warnings == ["no title found above the memo text: its first words stand in for one"]
    assert memo.body_text.startswith("In 2019 the city council")


def test_a_date_above_the_title_and_a_byline_with_its_date_and_organisation():
    page = (
        BARE_HTML_PAGE.replace(
            "<h1>Water Politics", '<div class="rubric">26.04.23 Water Review</div>\n<h1>Water Politics'
        )
        .replace("<p>Published: March 3, 2017</p>\n", "")
        .replace("By Aziz Karimov and Dana Sultanova", "by Aziz Karimov for Central Asia Review")
    )
    memo = parse_page(page.encode())
    assert memo.published == date(2023, 4, 26)
    assert memo.authors == ["Aziz Karimov"]
    dated = BARE_HTML_PAGE.replace(
        '<p class="byline">By Aziz Karimov and Dana Sultanova</p>\n<p>Published: March 3, 2017</p>',
        '<div class="byline-date">by Aziz Karimov 15/05/2024</div>',
    )
    memo = parse_page(dated.encode())
    assert (memo.authors, memo.published) == (["Aziz Karimov"], date(2024, 5, 15))


def test_a_list_of_sentences_that_ends_the_page_is_part_of_the_memo():
    page = (
        "Grids and Borders in Central Asia\n\n"
        "The Caspian Review has published an analysis of power trade in the region by a visiting fellow.\n"
        "Its main points are these.\n"
        "▪ Kazakhstan sells more power to its neighbours every winter than the year before.\n"
        "▪ Kyrgyzstan buys power in winter and sells it in summer, when its reservoirs are full.\n"
        "▪ The last data show that the trade has grown by a third sin"
    )
    memo = parse_page(page.encode())
    assert [b.kind for b in memo.blocks] == ["p", "li", "li", "li"]


def test_a_name_first_in_a_list_of_post_details_under_the_title_is_the_byline():
    header = '<p class="byline">By Aziz Karimov and Dana Sultanova</p>\n<p>Published: March 3, 2017</p>'
    # A given name the archive does not know: the time beside it vouches for the name.
    for details in ("<li>3 weeks ago</li><li>6 min read</li>", "<li>12 min read</li>"):
        listed = f'<ul class="details"><li>Tavish Orunbek</li>{details}</ul>'
        page = BARE_HTML_PAGE.replace(header, listed)
        assert parse_page(page.encode()).authors == ["Tavish Orunbek"]
    # Without a time or a reading time beside it, a list's item may be a rubric or a place.
    listed = '<ul class="details"><li>Kelvar Valley</li><li>Water</li></ul>'
    assert parse_page(BARE_HTML_PAGE.replace(header, listed).encode()).authors == []


def test_a_rubric_or_type_label_above_the_title_is_the_category():
    labels = ['<div class="type-label">Opinion</div>', '<div class="date-rubric">26.04.23 Opinion</div>']
    for marked in labels:
        page = BARE_HTML_PAGE.replace("<h1>Water Politics", marked + "\n<h1>Water Politics")
        assert parse_page(page.encode()).category == "Opinion"


def test_a_kicker_with_the_bar_that_ran_it_into_the_headline_is_the_category():
    kicker = '<div class="label">Editorial |</div>'
    byline = '<div class="author">Steppe Times Editorial</div>'
    page = BARE_HTML_PAGE.replace("<h1>Water Politics", kicker + "\n<h1>Water Politics")
    page = page.replace("</h1>", "</h1>\n" + byline, 1)
    assert parse_page(page.encode()).category == "Editorial"


def test_a_report_s_table_of_contents_over_its_summary_gives_headings_of_its_text():
    toc = (
        '<nav class="toc"><div class="toc-item">Mongolia as an actor on the steppe</div>'
        '<div class="toc-item">A Kazakh perspective</div></nav>'
    )
    page = BARE_HTML_PAGE.replace('<div id="content">', "<article>").replace(
        '</div>\n<div class="sidebar">', '</article>\n<div class="sidebar">'
    )
    page = page.replace("</h1>", "</h1>\n" + toc, 1)
    memo = parse_page(page.encode())
    assert [b.text for b in memo.blocks[:2]] == ["Mongolia as an actor on the steppe", "A Kazakh perspective"]
    assert memo.blocks[2].text.startswith("Upstream and downstream states")
    # A site's menu is no table of contents.
    menu = parse_page(page.replace('class="toc"', 'class="menu"').encode())
    assert "Kazakh perspective" not in menu.body_text


def test_an_html_page_s_citation_of_itself_gives_its_number():
    cite = (
        '<div class="citation">Aziz Karimov (2017). Water Politics in the Fergana Valley. '
        "Almaty: Steppe Institute (SI Report 2017:2)</div>"
    )
    page = BARE_HTML_PAGE.replace('</div>\n<div class="sidebar">', cite + '</div>\n<div class="sidebar">')
    assert parse_page(page.encode()).memo_number == 2


def test_an_element_marked_as_a_field_s_label_is_no_value_of_the_empty_label_above_it():
    fields = (
        '<div class="field-label">Keywords</div>\n<div class="field-label">Period</div>\n'
        '<div class="field-value">XX century</div>'
    )
    page = BARE_HTML_PAGE.replace("</h1>", "</h1>\n" + fields, 1)
    assert parse_page(page.encode()).topics == []


def test_the_last_paragraph_cut_short_by_a_dump_stays_in_the_body_as_a_paragraph():
    page = (
        "Pipelines and Power in the Caspian Basin\n\n"
        "The regional security arrangements that seemed settled a decade ago are being renegotiated, "
        "and the governments of the region now weigh every offer of equipment against its strings.\n\n"
        "The treaty on the customs union with Kazakhstan was never meant to be carried out in"
    )
    memo = parse_page(page.encode())
    assert memo.blocks[-1].kind == "p"
    assert memo.blocks[-1].text.startswith("The treaty on the customs union with Kazakhstan")


def test_a_type_label_beside_the_title_with_no_class_saying_so_is_the_category():
    marked = '<div class="kind">Policy Brief</div>\n<div class="when">Aug 02, 2024</div>'
    page = BARE_HTML_PAGE.replace("<h1>Water Politics", marked + "\n<h1>Water Politics")
    assert parse_page(page.encode()).category == "Policy Brief"
    # Capitals only: a label of unclear role.
    capitals = '<div class="kind">POLICY BRIEF</div>\n<h1>Water Politics'
    page = BARE_HTML_PAGE.replace("<h1>Water Politics", capitals)
    assert parse_page(page.encode()).category is None


def test_an_element_marked_as_the_category_over_the_title_outside_the_article_is_the_category():
    # The class says what the element is, whatever its words ("Weekly Newsletters" names no kind).
    marked = '<div class="category">Weekly Newsletters</div>\n<div id="content">'
    page = BARE_HTML_PAGE.replace('<div id="content">', marked)
    assert parse_page(page.encode()).category == "Weekly Newsletters"
    # A sentence in such an element is no category.
    sentence = (
        '<div class="category">Read our newsletters on the steppe every week.</div>\n<div id="content">'
    )
    assert parse_page(BARE_HTML_PAGE.replace('<div id="content">', sentence).encode()).category is None


def test_a_line_beside_the_title_that_says_where_the_item_was_filed_gives_the_section():
    marked = '<div class="itemCategory">Published in Analytical Articles</div>\n<h1>Water Politics'
    page = BARE_HTML_PAGE.replace("<h1>Water Politics", marked)
    assert parse_page(page.encode()).category == "Analytical Articles"


def test_a_kind_label_before_a_colon_in_the_title_element_is_the_category():
    page = BARE_HTML_PAGE.replace("<h1>Water Politics", "<h1>Leading article: Water Politics")
    assert parse_page(page.encode()).category == "Leading article"
    page = BARE_HTML_PAGE.replace("<h1>Water Politics", "<h1>Policy Brief: Water Politics")
    assert parse_page(page.encode()).category == "Policy Brief"


def test_a_type_label_over_a_notice_to_the_reader_and_a_file_link_above_the_title_is_the_category():
    marked = (
        '<div class="kind">Committee Report</div>\n<p class="note">For questions on the format of this '
        'document, write to formats@example.org.</p>\n<div class="file">PDF</div>'
    )
    page = BARE_HTML_PAGE.replace("<h1>Water Politics", marked + "\n<h1>Water Politics")
    assert parse_page(page.encode()).category == "Committee Report"
    # A line of prose between them: the label is another item's.
    page = page.replace("For questions", "The delegation met ministers and officials. For questions")
    page = page.replace(", write to formats@example.org", "")
    assert parse_page(page.encode()).category is None
    # The entries of a menu of sections over the title name sections, not the item's kind.
    menu = "<ul><li>Energy</li><li>Analysis</li><li>Water</li><li>Jobs</li></ul>"
    page = BARE_HTML_PAGE.replace("<h1>Water Politics", menu + "\n<h1>Water Politics")
    assert parse_page(page.encode()).category is None


def test_a_date_opening_another_printing_of_the_title_above_it_is_the_date():
    listed = (
        '<p class="item">14.05.2012 Water Politics in the Fergana Valley</p>\n'
        '<div class="label">Link to this publication</div>'
    )
    page = BARE_HTML_PAGE.replace("<h1>Water Politics", listed + "\n<h1>Water Politics")
    page = page.replace("<p>Published: March 3, 2017</p>", "")
    assert parse_page(page.encode()).published == date(2012, 5, 14)
    # A dated teaser for another item above the title is not its date.
    page = page.replace("Politics in the Fergana Valley</p>", "Rights on the Syr Darya</p>")
    assert parse_page(page.encode()).published is None


def test_a_name_printed_in_two_elements_given_then_family_is_one_author():
    name = '<div class="author-first-name">Asel</div>\n<div class="author-last-name">Nurlanova</div>'
    page = BARE_HTML_PAGE.replace("</h1>", "</h1>\n" + name, 1)
    page = re.sub(r"<p class=\"byline\">By [^<]*</p>", "", page)
    assert parse_page(page.encode()).authors == ["Asel Nurlanova"]


def test_the_author_a_blog_name_above_the_title_names():
    page = BARE_HTML_PAGE.replace(
        "<h1>Water Politics", '<div class="blog-name">Asel Nurlanova\'s Blog</div>\n<h1>Water Politics'
    )
    page = re.sub(r"<p class=\"byline\">By [^<]*</p>", "", page)
    assert parse_page(page.encode()).authors == ["Asel Nurlanova"]
    assert blog_owner("The Steppe Review's Blog") is None


HTML_DATELINE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Steppe Cameras</title></head>
<body><article><h1>Steppe Cameras and Their Buyers</h1>
<div class="meta">{dateline}</div>
<p>The regional security arrangements that seemed settled a decade ago are being renegotiated, and the
governments of the region now weigh every offer of equipment against its strings and its price.</p>
<p>Each capital answers differently, but none of them wants to depend on a single supplier again, which
is why the tenders of the past two years were split between several bidders at once.</p>
</article></body></html>"""


@pytest.mark.parametrize(
    "dateline, published",
    [
        ("Feature Updated 1 June 2023 Published 20 February 2023 21 minute READ", date(2023, 2, 20)),
        ("00:02 03 Сентябрь 2016 4326", date(2016, 9, 3)),
        ("14 MIN READAug 17, 2023 | 21:40 GMT", date(2023, 8, 17)),
        # The section's crumbs before the time, and a count of views after the date.
        ("Home Politics Regions 09:15 4 March 2021 1207", date(2021, 3, 4)),
        # The date before its time, then counts of views and comments.
        ("4 марта 2021, 09:15 1207 3", date(2021, 3, 4)),
    ],
)
def test_a_dateline_with_a_time_a_reading_time_or_two_labelled_dates(dateline, published):
    memo = parse_page(HTML_DATELINE.format(dateline=dateline).encode())
    assert memo.published == published


def test_a_news_agencys_dateline_between_slashes_that_opens_the_lead_gives_the_date():
    page = HTML_DATELINE.replace(
        '<div class="meta">{dateline}</div>\n<p>', "<p>Astana / 19.03.18 / Steppe News: "
    )
    memo = parse_page(page.encode())
    assert memo.published == date(2018, 3, 19)


@pytest.mark.parametrize(
    "dateline, names",
    [
        ("27.06.2023 Author: Jane Roe", ["Jane Roe"]),
        ("4.09.2025, автор Асель Нурланова.", ["Асель Нурланова"]),
        ("June 27, 2023 by Jane Roe and Lisa Doe", ["Jane Roe", "Lisa Doe"]),
    ],
)
def test_a_marked_byline_after_the_date_of_a_dateline_under_or_over_the_title(dateline, names):
    under = parse_page(HTML_DATELINE.format(dateline=dateline).encode())
    assert under.authors == names
    over = HTML_DATELINE.replace('<div class="meta">{dateline}</div>', "").replace(
        "<h1>", f"<p>{dateline}</p><h1>"
    )
    assert parse_page(over.encode()).authors == names


@pytest.mark.parametrize("byline", ["Submitted by Jane Roe on", "Posted by Асель Нурланова on"])
def test_a_posted_or_submitted_by_line_under_the_title_is_the_byline(byline):
    # A CMS's "Submitted by <name> on <date>" line, the date slot left empty.
    page = HTML_DATELINE.replace(
        '<div class="meta">{dateline}</div>', f'<div class="submitted">{byline}</div>'
    )
    assert parse_page(page.encode()).authors == [byline.split(" by ")[1].removesuffix(" on")]


def test_a_board_subject_line_over_the_title_with_the_date_run_onto_it_dates_the_post():
    # A board's subject line joins the post's name and its date column.
    over = HTML_DATELINE.replace('<div class="meta">{dateline}</div>', "").replace(
        "<article><h1>", '<div class="subject">[Event] Dialogue with Jane Roe2014.08.27</div><article><h1>'
    )
    assert parse_page(over.encode()).published == date(2014, 8, 27)


@pytest.mark.parametrize(
    "line, names",
    [
        # The kind of piece, a comma, and "by".
        ("Opinion, by Jane Roe", ["Jane Roe"]),
        # The words of links a site prints before the authors label, and one after the names.
        ("скачать скачать Автор: Борисова Е. А. - подписаться на статьи автора", ["Борисова Е. А."]),
    ],
)
def test_a_header_line_under_the_title_with_a_kind_or_links_before_the_byline_names_the_authors(line, names):
    page = HTML_DATELINE.replace('<div class="meta">{dateline}</div>', f'<div class="byline">{line}</div>')
    assert parse_page(page.encode()).authors == names


def test_a_name_alone_under_the_title_over_a_date_is_the_byline():
    header = "<p>Jane Roe</p><p>July 14, 2022</p>"
    memo = parse_page(HTML_DATELINE.replace('<div class="meta">{dateline}</div>', header).encode())
    assert (memo.authors, memo.published) == (["Jane Roe"], date(2022, 7, 14))
    # Without the date, one pair of capitalized words there may be a rubric or a place.
    alone = HTML_DATELINE.replace('<div class="meta">{dateline}</div>', "<p>Central Steppe</p>")
    assert parse_page(alone.encode()).authors == []


def test_a_byline_element_that_names_the_kind_of_piece_before_by():
    page = HTML_DATELINE.replace(
        '<div class="meta">{dateline}</div>', '<div class="byline">Article by Jane Roe and Lisa Doe</div>'
    )
    assert parse_page(page.encode()).authors == ["Jane Roe", "Lisa Doe"]


def test_a_byline_element_of_a_form_of_address_alone_leaves_the_name_in_the_next_one():
    bylines = '<div class="byline">Hon.</div><div class="byline">Jane K. Roe</div>'
    page = HTML_DATELINE.replace('<div class="meta">{dateline}</div>', bylines)
    assert parse_page(page.encode()).authors == ["Jane K. Roe"]


def test_a_byline_element_run_on_into_words_the_page_prints_elsewhere():
    byline = '<div class="byline">By Jane K. Roe Choices for the Steppe</div>'
    book = '<div class="book-title">Choices for the Steppe: A Decade Ahead</div>'
    page = HTML_DATELINE.replace('<div class="meta">{dateline}</div>', byline).replace("<h1>", book + "<h1>")
    assert parse_page(page.encode()).authors == ["Jane K. Roe"]
    # Words printed nowhere else are no run-on: no names are guessed out of them.
    alone = page.replace("Choices for the Steppe: A", "A")
    assert parse_page(alone.encode()).authors == []


def test_an_author_label_over_a_name_and_post_among_other_credit_labels():
    credits = (
        '<div class="label">Author:</div>\n'
        "<ul><li>Jane Roe, Energy Studies Program Director, Steppe Council</li></ul>\n"
        '<div class="label">Editor:</div>\n<ul><li>Lisa Doe, Senior Editor, Steppe Council</li></ul>'
    )
    page = HTML_DATELINE.replace('<div class="meta">{dateline}</div>', credits)
    assert parse_page(page.encode()).authors == ["Jane Roe"]


def test_a_paragraph_of_two_names_and_nothing_else_right_under_the_title_is_the_byline():
    names = "<p>Петров И.С.1, Сидорова А.В.2</p><p>1 Институт степи, Алматы</p>"
    page = RUSSIAN_COLUMN.format(card="", lead="Кто покупает камеры в регионе.")
    page = page.replace("</h1>", "</h1>" + names)
    assert parse_page(page.encode()).authors == ["Петров И.С.", "Сидорова А.В."]
    # One pair of capitalized words there may be a rubric or a place as well as a name.
    alone = page.replace(", Сидорова А.В.2", "")
    assert parse_page(alone.encode()).authors == []


RUSSIAN_COLUMN = """<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8">
<title>Степь и камеры</title></head>
<body><article>{card}<h1>Степь и камеры</h1>
<p class="lead">{lead}</p>
<p>Правительства региона взвешивают каждое предложение оборудования, сравнивая его условия и цену, и ни одно
из них больше не хочет зависеть от единственного поставщика, как это было десять лет назад.</p>
<p>Поэтому тендеры последних двух лет были разделены между несколькими участниками сразу, а переговоры о
новых поставках идут одновременно с несколькими странами.</p>
</article></body></html>"""


def test_a_column_lead_names_its_author_before_a_dash_where_the_page_prints_the_post_twice():
    post = "Директор центра «Степь»"
    lead = f"{post} Иван Петров – о том, кто покупает камеры."
    card = f'<div class="author-position">{post}</div>'
    assert parse_page(RUSSIAN_COLUMN.format(card=card, lead=lead).encode()).authors == ["Иван Петров"]
    # A post printed only in the lead may be that of someone the column speaks of.
    assert parse_page(RUSSIAN_COLUMN.format(card="", lead=lead).encode()).authors == []
    bare = "Иван Петров – о том, кто покупает камеры."
    assert parse_page(RUSSIAN_COLUMN.format(card="", lead=bare).encode()).authors == ["Иван Петров"]


def test_a_bio_that_opens_the_text_under_the_title_names_the_author():
    page = (
        "Steppe Yearbook 2019\n\nTenders Split Between Several Bidders: Who Gains?\n\n"
        "Jane Roe – Senior Resident Fellow at the Steppe Institute and a former adviser to the ministry of "
        "transport. She served as its chief economist in 2010-2014 and as an adviser to the regional "
        "development bank in 2015-2018. E-mail: jane@example.org\n\n"
        "The regional security arrangements that seemed settled a decade ago are being renegotiated, and "
        "the governments of the region now weigh every offer of equipment against its strings.\n"
    )
    assert parse_page(page.encode()).authors == ["Jane Roe"]


def test_a_type_label_that_opens_a_dateline_is_the_category():
    dateline = "Feature Updated 1 June 2023 Published 20 February 2023 21 minute READ"
    memo = parse_page(HTML_DATELINE.format(dateline=dateline).encode())
    assert memo.category == "Feature"
    # A list's heading is no type label.
    memo = parse_page(HTML_DATELINE.format(dateline="Recent Features Published 20 February 2023").encode())
    assert memo.category is None


NEWS_DATELINE = """Sections
Back
Water Talks Stall Again on the Upper Reaches of the River
Water Talks Stall Again on the Upper Reaches of the River
TASHKENT, 14 March 2023, Steppe Analytics Institute.

The third round of talks between the upstream and downstream states ended without an \
agreement on the summer release schedule, and the delegations left early.

Neither side has said when the next round will be held, while the reservoirs are already \
lower than in any spring of the past decade.
"""


def test_a_news_dateline_under_the_title_gives_the_date_and_stays_out_of_the_body():
    # The place opens the dateline in capitals, the date follows it: the line is no wrapped
    # continuation of the title above it.
    memo = parse_page(NEWS_DATELINE.encode())
    assert memo.title == "Water Talks Stall Again on the Upper Reaches of the River"
    assert memo.published == date(2023, 3, 14)
    assert memo.body_text.startswith("The third round of talks")


KEYWORDS_DUMP = """Steppe Policy Review
Rail Corridors and the Caspian Ports
Jane Q. Roe

Abstract
The opening of two rail links to the Caspian ports has changed how the region's states \\
bargain with their larger neighbours, and this article asks what the corridor is worth to each.
Keywords
rail transit, Caspian ports, regional policy, great powers.

The corridor was planned a decade ago, but it carried little freight until the ports were \\
dredged and the customs posts on both sides of the border began to work at night.
"""


def test_keywords_under_their_heading_between_commas_are_the_topics():
    memo = parse_page(KEYWORDS_DUMP.encode())
    assert memo.topics == ["rail transit", "Caspian ports", "regional policy", "great powers"]
    # The heading does not end the memo's text: the article goes on under it.
    assert "dredged" in memo.body_text


def test_keywords_between_slashes_are_the_topics():
    # A journal host prints its keywords in capitals between slashes, too long a line for a
    # sentence-free list of words, but no sentence is written that way.
    dump = KEYWORDS_DUMP.replace(
        "rail transit, Caspian ports, regional policy, great powers.",
        "RAIL TRANSIT / CASPIAN PORTS / REGIONAL POLICY / GREAT POWER RIVALRY / LANDLOCKED STATES",
    )
    memo = parse_page(dump.encode())
    assert memo.topics == [
        "RAIL TRANSIT", "CASPIAN PORTS", "REGIONAL POLICY", "GREAT POWER RIVALRY", "LANDLOCKED STATES"
    ]  # fmt: skip


def test_a_keywords_heading_may_end_in_a_full_stop():
    memo = parse_page(KEYWORDS_DUMP.replace("Keywords\n", "Keywords.\n").encode())
    assert memo.topics == ["rail transit", "Caspian ports", "regional policy", "great powers"]


SWITCH_ABOVE_TITLE = """{above}

Water Sharing in the Upper Valley After the Spring Floods

The spring floods washed away two of the valley's gauging stations, and the states downstream \\
have since had to take the upstream figures on trust, which none of them is willing to do.
"""


def test_a_language_switch_above_the_title_is_no_category():
    rubric = SWITCH_ABOVE_TITLE.format(above="Analytics | Аналитика")
    assert parse_page(rubric.encode()).category == "Analytics"
    switch = SWITCH_ABOVE_TITLE.format(above="Eng | Рус")
    assert parse_page(switch.encode()).category is None


def test_a_generic_word_and_a_bar_before_a_type_label_above_the_title_leave_the_type_as_the_category():
    # "Publication | <type>": the first part says only that the item is one; a figure inside the
    # type's name is no number nor date.
    for above, category in (
        ("Publication | B7 Field Note", "B7 Field Note"),
        ("Resources | Policy Brief", "Policy Brief"),
    ):
        assert parse_page(SWITCH_ABOVE_TITLE.format(above=above).encode()).category == category
    assert parse_page(SWITCH_ABOVE_TITLE.format(above="Issue 7 | Policy Brief").encode()).category is None


DIGEST = """Steppe Security Digest, May 2-9, 2021

Highlights of the week:

  • The water-sharing talks between the upstream and downstream states stalled again, writes a
    columnist for a regional weekly.
  • Two new rail links to the Caspian ports were opened, which a transport analyst calls the
    first real test of the corridor.
  • Border guards on both sides of the valley were reinforced after the spring clashes,
    according to a local monitoring group.
"""


def test_a_memo_told_in_a_list_of_sentences_without_a_paragraph():
    # A digest of highlights (or a page cut off before its prose) is a memo all the same.
    memo = parse_page(DIGEST.encode())
    assert memo.title == "Steppe Security Digest, May 2-9, 2021"
    assert [b.kind for b in memo.blocks] == ["li", "li", "li"]
    # A list of links (no sentences) is still no memo text.
    with pytest.raises(ParseError, match="no memo text"):
        parse_page(b"Links\n\n  * Steppe cameras and their buyers\n  * Rail links to the Caspian ports\n")


DIV_RECORD = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Record</title></head>
<body><article><h1>Record</h1>
<div class="field">Title: Rail Links and Their Limits</div>
<div class="field">Abstract: The new rail links to the Caspian ports carry less freight than their builders
promised. Tariffs, gauge changes and slow customs keep shippers on the older routes, and the
governments of the region have yet to agree on a common timetable.</div>
<div class="field">Keywords: rail; Caspian; transit</div>
</article></body></html>"""


def test_prose_written_in_divs_is_the_body():
    # A catalogue record or an old layout writes its paragraphs in <div>s, not <p>s.
    memo = parse_page(DIV_RECORD.encode())
    assert [b.kind for b in memo.blocks] == ["p"]
    assert "Tariffs, gauge changes" in memo.body_text
    assert memo.language == "en"
    # Short divs without sentences are still no memo text.
    with pytest.raises(ParseError, match="not a memo"):
        parse_page(b"<html><body><div>Home</div><div>About us</div><div>Contact</div></body></html>")


LABEL_LINE_HTML = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Ports of the Caspian</title></head><body><article>
<h1>Ports of the Caspian</h1>
<div class="meta">Steppe Institute Working Paper 2019/WP 7, 12.03.2019, 24 pages</div>
<p>Three new ports on the Caspian coast have changed the routes that grain and oil take to Europe,
and the governments that built them now compete for the same cargo.</p>
<p>Each port was financed differently, and the terms of those loans decide who profits from the
traffic that the new routes bring.</p>
</article></body></html>"""


def test_an_html_page_s_date_may_be_the_one_its_label_line_prints():
    memo = parse_page(LABEL_LINE_HTML.encode())
    assert memo.category == "Steppe Institute Working Paper"
    assert memo.published == date(2019, 3, 12)


KEYWORDS_APART = """Ports of the Caspian

Trade routes | Kazakhstan | Caspian Sea | Ports

by Asel Nurlanova

ABSTRACT

Three new ports on the Caspian coast have changed the routes that grain and oil take to Europe,
and the governments that built them now compete for the same cargo and the same investors.

keywords

Each port was financed differently, and the terms of those loans decide who profits from the
traffic that the new routes bring to the coast and to the railways that lead away from it.
"""


def test_a_working_paper_series_line_with_the_paper_s_number_gives_series_and_number():
    line = '<div class="meta">Steppe Institute Working Paper 2019/WP 7, 12.03.2019, 24 pages</div>'
    page = LABEL_LINE_HTML.replace(line, '<div class="series">Steppe Working Papers, 1375 Download PDF</div>')
    memo = parse_page(page.encode())
    assert (memo.series, memo.memo_number) == ("Steppe Working Papers", 1375)


def test_keywords_set_apart_from_their_heading_are_the_topics():
    memo = parse_page(KEYWORDS_APART.encode())
    assert memo.topics == ["Trade routes", "Kazakhstan", "Caspian Sea", "Ports"]


SHORT_TEASER = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Steppe Rail</title></head>
<body><article><h1>Steppe rail and the ports of the Caspian</h1>
<div class="consent">Loading the player sets a cookie.</div>
<p>As freight moves south to the Caspian ports, a transport economist asks why the new rail links carry so
little. Listen to the talk here.</p>
</article></body></html>"""


def test_a_short_page_with_one_paragraph_of_sentences_is_a_memo():
    # A teaser page for a report or a recording holds a title and a single paragraph.
    memo = parse_page(SHORT_TEASER.encode())
    assert memo.title == "Steppe rail and the ports of the Caspian"
    assert memo.language == "en"
    # A long line that does not end as a sentence does (a banner, a list of links) is not enough.
    banner = SHORT_TEASER.replace(
        "so\nlittle. Listen to the talk here.", "so little | Caspian ports | Freight | Podcasts"
    )
    with pytest.raises(ParseError, match="not a memo"):
        parse_page(banner.encode())
    # An archive's description over a list of linked memo titles is not a memo either.
    entries = "".join(f'<h2><a href="/memo-{n}/">Rail memo {n}</a></h2>' for n in range(3))
    archive = SHORT_TEASER.replace("</article>", f"</article>{entries}")
    with pytest.raises(ParseError, match="not a memo"):
        parse_page(archive.encode())


def test_a_heading_with_its_paragraph_run_on_under_it_is_the_title():
    # No blank line between the title and the paragraph, which the dump prints on one line.
    paragraph = (
        "Freight on the new lines to the Caspian harbours falls short of the promises of their builders, "
        "and the shippers of the region keep to the older routes and their familiar tariffs. The customs "
        "posts on the way add days to every trip, and the governments have yet to agree on a timetable."
    )
    page = (
        f"Home Forum Top What's new?\nTHE CASPIAN HARBOURS: Will the new rail lines fill them?\n{paragraph}\n"
    )
    memo = parse_page(page.encode())
    assert memo.title == "THE CASPIAN HARBOURS: Will the new rail lines fill them?"
    assert memo.body_text.startswith("Freight on the new lines")


def test_a_dateline_with_a_time_and_its_zone_before_the_name_gives_the_name():
    page = HTML_DATELINE.format(dateline="17/09/2020 - 21:13 (по МСК) Асель Нурланова")
    memo = parse_page(page.encode())
    assert memo.published == date(2020, 9, 17)
    assert memo.authors == ["Асель Нурланова"]


def test_a_byline_element_of_names_and_posts_between_semicolons_then_a_place_and_date():
    byline = (
        '<div class="byline">_ Asel Nurlanova, Director of the Steppe Institute, Almaty; Professor at '
        "Caspian University; Dana Roe; Doctoral student at Caspian University. Almaty – Berlin,  3 January "
        "2018.</div>"
    )
    page = HTML_DATELINE.replace('<div class="meta">{dateline}</div>', byline)
    memo = parse_page(page.encode())
    assert memo.authors == ["Asel Nurlanova", "Dana Roe"]
    assert memo.published == date(2018, 1, 3)


def test_a_type_label_element_in_the_header_under_the_title_is_the_category():
    header = (
        "<p>Нурланова А.М.1, Ким Д.С.1</p><p>1 Степной университет, Казахстан, Алматы</p>"
        "<p>Статья в журнале</p><p>Вестник степных исследований</p>"
    )
    page = HTML_DATELINE.replace('<div class="meta">{dateline}</div>', header)
    assert parse_page(page.encode()).category == "Статья в журнале"
    assert parse_page(page.replace("Статья в журнале", "Research Note").encode()).category == "Research Note"
    # A label in capitals there is a rubric's, not a type's.
    rubric = page.replace("Статья в журнале", "СТАТЬИ")
    assert parse_page(rubric.encode()).category is None


def test_names_over_the_title_two_or_more_or_one_over_a_date_are_the_byline():
    page = HTML_DATELINE.replace('<div class="meta">{dateline}</div>', "")
    names = page.replace("<h1>", "<p>Jane Roe, Lisa Doe, Omar Khan</p><h1>")
    assert parse_page(names.encode()).authors == ["Jane Roe", "Lisa Doe", "Omar Khan"]
    dated = page.replace("<h1>", "<p>Jane Roe</p><p>July 14, 2022</p><h1>")
    memo = parse_page(dated.encode())
    assert (memo.authors, memo.published) == (["Jane Roe"], date(2022, 7, 14))
    # Without the date, one pair of capitalized words there may be a rubric or a place.
    alone = page.replace("<h1>", "<p>Central Steppe</p><h1>")
    assert parse_page(alone.encode()).authors == []


def test_a_name_with_a_form_of_address_and_a_post_under_the_title_is_the_byline():
    line = "<p>Dr Jane Roe, Associate Fellow, Steppe Council</p>"
    page = HTML_DATELINE.replace('<div class="meta">{dateline}</div>', line)
    assert parse_page(page.encode()).authors == ["Jane Roe"]


def test_a_by_line_under_a_heading_in_the_body_is_the_byline_of_the_essay_it_heads():
    essay = (
        "<p>Today we are very pleased to welcome a new contributor to the blog, who explains to us how the "
        "tender rules of the region came about and why its governments now split every order.</p>"
        "<p>Get caught up on this question with the analysis below, which we are glad to publish here, "
        "and tell us what you think of it.</p>"
        "<h2>Tenders on the Steppe</h2><p>by Jane Roe</p>"
    )
    page = HTML_DATELINE.replace('<div class="meta">{dateline}</div>', essay)
    assert parse_page(page.encode()).authors == ["Jane Roe"]
    # Under no heading, "by" may open a sentence's last words or a caption's credit.
    loose = page.replace("<h2>Tenders on the Steppe</h2>", "")
    assert parse_page(loose.encode()).authors == []


def test_a_comment_form_after_an_article_holding_its_title_gives_no_category():
    page = (
        "<html><body><article><h1>Corridors Across the Steppe and Their Ports</h1>"
        "<p>Jane Roe, Associate Fellow</p>"
        "<p>" + "The corridor from the northern ports to the southern sea was revived last year, "
        "and the governments along it now weigh the tariffs and the timetables of the freight. " * 3 + "</p>"
        "</article><h2>Post new comment</h2><p>Your address will not be shown.</p></body></html>"
    )
    assert parse_page(page.encode()).category is None


def test_a_leads_first_sentence_crediting_the_report_gives_its_authors():
    html = (
        "<html><body><article><h1>Cameras on the Roads of the Steppe</h1>"
        "<div class='date'>May 4, 2021</div>"
        "<p>Steppe Rights Project report by Asel Nurlanova, Lisa Doe, and Jane Roe. Read our statement "
        "on the report here, and download the full report and its one-page summary here.</p>"
        "<p>The cameras sold along the roads of the steppe are counted here, with their buyers and the "
        "contracts that brought them to the towns, one by one, over a decade of purchases and tenders.</p>"
        "<p>The purchases grew in number over the decade, and the report weighs what they mean for the "
        "governments of the region, for its citizens and for the firms that supply them.</p>"
        "</article></body></html>"
    )
    assert parse_page(html.encode()).authors == ["Asel Nurlanova", "Lisa Doe", "Jane Roe"]
    dump = (
        "Cameras on the Roads of the Steppe\n\nMay 4, 2021\n\n"
        "Steppe Rights Project report by Asel Nurlanova and Jane Roe. The cameras sold along the roads of "
        "the steppe are counted here, with their buyers and the contracts that brought them to the towns.\n\n"
        "The purchases grew in number over the decade, and the report weighs what they mean for the "
        "governments of the region, for its citizens and for the firms that supply them.\n"
    )
    assert parse_page(dump.encode()).authors == ["Asel Nurlanova", "Jane Roe"]


def test_a_name_and_a_date_in_parentheses_under_a_talk_s_title_are_its_byline_and_date():
    html = (
        "<html><body><article><h1>Cameras on the Roads of the Steppe</h1>"
        "<div class='speaker-date'>(Asel Nurlanova, April 13, 2023)</div>"
        "<div>Transcript available below</div>"
        "<p>The cameras sold along the roads of the steppe are counted here, with their buyers and the "
        "contracts that brought them to the towns, one by one, over a decade of purchases and tenders.</p>"
        "<p>The purchases grew in number over the decade, and the report weighs what they mean for the "
        "governments of the region, for its citizens and for the firms that supply them.</p>"
        "</article></body></html>"
    )
    memo = parse_page(html.encode())
    assert memo.authors == ["Asel Nurlanova"]
    assert memo.published == date(2023, 4, 13)


def test_the_names_a_citation_of_the_page_s_own_item_opens_with_are_its_authors():
    html = (
        "<html><body><article><h1>Cameras on the Roads of the Steppe</h1>"
        "<div class='cite-label'>How to cite this publication:</div>"
        "<div class='citation'>Asel Nurlanova, Tamsin Oakley, Rafael Mendes (2023). Cameras on the Roads of "
        "the Steppe. Almaty: Steppe Institute (Steppe Report 2023:4)</div>"
        "<p>The cameras sold along the roads of the steppe are counted here, with their buyers and the "
        "contracts that brought them to the towns, one by one, over a decade of purchases and tenders.</p>"
        "<p>The purchases grew in number over the decade, and the report weighs what they mean for the "
        "governments of the region, for its citizens and for the firms that supply them.</p>"
        "</article></body></html>"
    )
    assert parse_page(html.encode()).authors == ["Asel Nurlanova", "Tamsin Oakley", "Rafael Mendes"]


def test_a_page_told_in_a_list_of_sentences_under_its_subtitle_is_a_memo():
    findings = [
        "The ports of the Caspian carry more freight each year, and their owners have raised tariffs twice.",
        "The northern routes stay closed to most shippers, who now wait for the southern corridor to open.",
        "The governments along the coast weigh each new pier against what the neighbours build in turn.",
    ]
    page = (
        "<html><body><article><h1>Ports of the Caspian: a survey of the coast</h1>"
        "<p>A report by the Steppe Institute</p><h2>Key findings</h2><ul>"
        + "".join(f"<li>{item}</li>" for item in findings)
        + "</ul></article></body></html>"
    )
    memo = parse_page(page.encode())
    assert memo.title == "Ports of the Caspian: a survey of the coast"
    assert [b.text for b in memo.blocks if b.kind == "li"] == findings
    # A list of titles (no sentence ends them) is a page's links, not a memo's text.
    links = page.replace(".</li>", "</li>")
    with pytest.raises(ParseError):
        parse_page(links.encode())


def test_an_element_classed_as_the_publications_type_gives_the_category():
    html = (
        "<html><body><article><div class='publication-type'>Programme leaflets</div>"
        "<h1>Our Work Along the Roads of the Steppe</h1>"
        "<p>The cameras sold along the roads of the steppe are counted here, with their buyers and the "
        "contracts that brought them to the towns, one by one, over a decade of purchases and tenders.</p>"
        "<p>The purchases grew in number over the decade, and the leaflet weighs what they mean for the "
        "governments of the region, for its citizens and for the firms that supply them.</p>"
        "</article></body></html>"
    )
    assert parse_page(html.encode()).category == "Programme leaflets"


def test_a_newsletters_initials_issue_and_date_after_the_title_are_its_number_and_date():
    html = (
        "<html><body><article><h1>Steppe grain routes, SU Issue 8, November 3, 2008</h1>"
        "<p>The grain sold along the roads of the steppe is counted here, with its buyers and the "
        "contracts that brought it to the ports, one by one, over a decade of purchases and tenders.</p>"
        "<p>The purchases grew in number over the decade, and the column weighs what they mean for the "
        "governments of the region, for its farmers and for the firms that carry the grain.</p>"
        "</article></body></html>"
    )
    memo = parse_page(html.encode())
    assert (memo.title, memo.memo_number, memo.published) == ("Steppe grain routes", 8, date(2008, 11, 3))


def test_a_key_words_label_of_two_words_gives_the_topics():
    html = (
        "<html><body><article><h1>Our Work Along the Roads of the Steppe</h1>"
        "<p>Key words: freight, Caspian ports, Kazakhstan.</p>"
        "<p>The cameras sold along the roads of the steppe are counted here, with their buyers and the "
        "contracts that brought them to the towns, one by one, over a decade of purchases and tenders.</p>"
        "</article></body></html>"
    )
    assert parse_page(html.encode()).topics == ["freight", "Caspian ports", "Kazakhstan"]


def test_a_page_whose_text_is_a_list_of_sentences_without_paragraphs_is_read_from_the_list():
    items = [
        "The steppe's railways carry more grain each year, and the ports wait for the ships to come.",
        "The new tariffs cut the cost of freight to the coast and draw traders back to the old routes.",
        "The border crossings are slower than before, but the queues at them have begun to shrink.",
        "Kazakhstan is expected to open two more terminals on the Caspian shore by the end of the year.",
    ]
    html = (
        "<html><body><article><header><div class='type-date'>Review Mar 21, 2022</div>"
        "<h1>Trends on the Steppe 2022-1</h1></header><h2>Key highlights:</h2><ul>"
        + "".join(f"<li>{item}</li>" for item in items)
        + "</ul></article></body></html>"
    )
    memo = parse_page(html.encode())
    assert memo.title == "Trends on the Steppe 2022-1"
    assert "Kazakhstan is expected to open" in memo.body_text


def test_names_marked_as_bylines_with_their_posts_after_a_dash():
    header = (
        '<h2>Authors</h2><p class="author">Jane Roe - Head Researcher Steppe Politics</p>'
        '<p class="author">Lisa Ann Doe - Junior Analyst Steppe Economics</p>'
    )
    memo = parse_page(HTML_DATELINE.replace('<div class="meta">{dateline}</div>', header).encode())
    assert memo.authors == ["Jane Roe", "Lisa Ann Doe"]


def test_author_cards_marked_as_bylines_give_the_names_their_name_elements_mark():
    card = (
        '<div class="author"><p class="author-name">{name}</p>'
        '<p class="author-affiliation">Dr., Research Fellow</p>'
        '<p class="author-affiliation">Institute of Steppe Studies</p></div>'
    )
    header = card.format(name="Jane Roe") + card.format(name="Lisa Doe")
    memo = parse_page(HTML_DATELINE.replace('<div class="meta">{dateline}</div>', header).encode())
    assert memo.authors == ["Jane Roe", "Lisa Doe"]


JATS_FRONT = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.0 20120330//EN" "JATS.dtd">
<article article-type="research-article">
  <front>
    <journal-meta><journal-title-group><journal-title>Steppe Security Review</journal-title>
    </journal-title-group></journal-meta>
    <article-meta>
      <article-categories><subj-group subj-group-type="heading"><subject>Research Article</subject>
      </subj-group></article-categories>
      <title-group><article-title>Kazakhstan’s Answer to the War in Ukraine</article-title></title-group>
      <contrib-group>
        <contrib contrib-type="author">
          <name><surname>Nurlanova</surname><given-names>Asel</given-names></name>
          <xref ref-type="aff" rid="aff1"/></contrib>
        <aff id="aff1">Steppe Institute</aff>
        <contrib contrib-type="author"><name><surname>Roe</surname><given-names>Jane Anne</given-names></name>
        </contrib>
      </contrib-group>
"""
JATS_REST = """      <pub-date pub-type="epub"><day>9</day><month>3</month><year>2023</year></pub-date>
      <volume>7</volume><issue>2</issue>
      <abstract><p>The article asks how Kazakhstan answered the war and why its answer matters.</p></abstract>
      <kwd-group><kwd>Kazakhstan</kwd><kwd>neutrality</kwd></kwd-group>
    </article-meta>
  </front>
</article>
"""


def test_a_jats_article_file_is_read_from_its_elements():
    memo = parse_page((JATS_FRONT + JATS_REST).encode())
    assert memo.title == "Kazakhstan’s Answer to the War in Ukraine"
    assert memo.authors == ["Asel Nurlanova", "Jane Anne Roe"]
    assert (memo.category, memo.published) == ("Research Article", date(2023, 3, 9))
    assert (memo.series, memo.memo_number) == ("Steppe Security Review Volume 7", 2)
    assert memo.topics == ["Kazakhstan", "neutrality"]
    assert memo.body_text.startswith("The article asks how Kazakhstan answered")


def test_a_jats_article_file_cut_off_before_its_abstract_is_its_record():
    memo = parse_page(JATS_FRONT.encode())  # cut off inside the contributors' list
    assert (memo.title, memo.category) == ("Kazakhstan’s Answer to the War in Ukraine", "Research Article")
    assert memo.body_text == memo.title


def test_an_html_page_s_date_may_be_in_its_header_outside_the_article_that_prints_the_title():
    prose = (
        "<p>Three new ports on the Caspian coast have changed the routes that grain and oil take to Europe, "
        "and the governments that built them now compete for the same cargo and the same investors.</p>"
    )
    page = (
        "<html><body><header><div class='site'>Steppe Review</div>"
        "<div class='page-title'>Ports of the Caspian</div><div class='date'>February 1, 2021</div></header>"
        f"<article><h1>Ports of the Caspian</h1>{prose * 3}</article></body></html>"
    )
    assert parse_page(page.encode()).published == date(2021, 2, 1)
    # A site's header that prints no title of the item is the site's: its date is the day's.
    page = page.replace("<div class='page-title'>Ports of the Caspian</div>", "")
    assert parse_page(page.encode()).published is None


def test_a_repost_s_date_line_gives_the_writer_after_the_source_it_names_in_quotes():
    prose = (
        "<p>Региональные договоренности в области безопасности, которые казались урегулированными "
        "десять лет назад, пересматриваются, и правительства региона взвешивают каждое предложение.</p>"
    )
    page = (
        "<html><body><article><h1>Степные порты и новые тендеры на Каспии</h1>"
        f"<div class='meta'>5 мая 2022 ИА «Степь» Петров Иван</div>{prose * 3}</article></body></html>"
    )
    memo = parse_page(page.encode())
    assert (memo.authors, memo.published) == (["Петров Иван"], date(2022, 5, 5))


def test_a_tag_element_printed_as_hashtags_gives_each_tag():
    html = (
        "<html><body><article><h1>Our Work Along the Roads of the Steppe</h1>"
        '<div class="tags">#Grain Routes #Caspian Ports #Kazakhstan</div>'
        "<p>The cameras sold along the roads of the steppe are counted here, with their buyers and the "
        "contracts that brought them to the towns, one by one, over a decade of purchases and tenders.</p>"
        "</article></body></html>"
    )
    assert parse_page(html.encode()).topics == ["Grain Routes", "Caspian Ports", "Kazakhstan"]


def test_a_series_name_and_a_numbered_sign_before_the_title_give_the_series_and_number():
    html = (
        "<html><body><article><h1>Steppe Voices #42: The ports of the Caspian wait for grain</h1>"
        "<p>The grain sold along the roads of the steppe is counted here, with its buyers and the "
        "contracts that brought it to the ports, one by one, over a decade of purchases and tenders.</p>"
        "<p>Background reading: an older episode, #37, weighed the tariffs of the ports.</p>"
        "</article></body></html>"
    )
    memo = parse_page(html.encode())
    assert (memo.series, memo.memo_number) == ("Steppe Voices", 42)
    assert memo.title == "The ports of the Caspian wait for grain"


def test_a_standfirst_opening_with_a_series_in_capitals_and_the_issue_of_the_year_gives_the_number():
    html = (
        "<html><body><article><h1>The ports of the Caspian wait for grain</h1>"
        "<p>STEPPE INSIGHT 3/2017. The grain sold along the roads of the steppe is counted here, with its "
        "buyers and the contracts that brought it to the ports, writes Jane Roe.</p>"
        "<p>The purchases grew in number over the decade, and the column weighs what they mean for the "
        "governments of the region, for its farmers and for the firms that carry the grain.</p>"
        "</article></body></html>"
    )
    assert parse_page(html.encode()).memo_number == 3


def test_a_page_cut_off_under_the_title_and_its_date_is_read_from_its_head():
    html = (
        "<html><body><nav><ul><li>Politics</li><li>Opinion</li></ul></nav>"
        "<article><h1>What brings the envoy to the steppe?</h1>"
        '<div class="post-date">4 September 2019, 15:44</div><div class="post-views">4745</div>'
        '<div class="post-content"><p>What brings the en</p></div></article></body></html>'
    )
    memo = parse_page(html.encode())
    assert (memo.title, memo.published) == ("What brings the envoy to the steppe?", date(2019, 9, 4))


def test_a_page_of_a_title_and_a_date_over_a_closed_sentence_is_no_memo():
    html = (
        "<html><body><article><h1>Opening hours of the library</h1>"
        "<div>4 September 2019</div><p>The library is closed.</p></article></body></html>"
    )
    with pytest.raises(ParseError):
        parse_page(html.encode())


def test_a_lead_that_ends_by_naming_its_writer_gives_the_author():
    html = (
        "<html><body><article><h1>Cameras on the Roads of the Steppe</h1>"
        "<p class='lead'>STEPPE INSIGHT 2/2017. The tenders for cameras may keep the ports from competing "
        "on the coast, writes Jane Roe.</p>"
        "<p>The cameras sold along the roads of the steppe are counted here, with their buyers and the "
        "contracts that brought them to the towns, one by one, over a decade of purchases and tenders.</p>"
        "<p>The purchases grew in number over the decade, and the report weighs what they mean for the "
        "governments of the region, for its citizens and for the firms that supply them.</p>"
        "</article></body></html>"
    )
    assert parse_page(html.encode()).authors == ["Jane Roe"]

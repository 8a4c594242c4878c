"""Text dumps read line by line (memos/ingest/text.py)."""

from datetime import date

import pytest

from memos.ingest.fields import _HEADER_ONLY
from memos.ingest.parse import parse_page
from memos.ingest.parsed import ParseError
from memos.ingest.text import END_MARKERS, KEYWORDS, chunks_of, tag_words


@pytest.mark.parametrize("phrases", [END_MARKERS, KEYWORDS, _HEADER_ONLY])
@pytest.mark.parametrize(
    "line",
    ["Read more", "  Read more :  ", "Related articles:", "ВАМ ТАКЖЕ МОЖЕТ ПОНРАВИТЬСЯ",
     "вам также может понравиться   :", "Comments", "[PDF]", "Read more about it", "Print this page", "",
     "   ", "A paragraph of the memo, long enough.", "Keywords:", " ключевые слова ", "Key words about it",
     "Related Categories", "похожие темы:", "Tags and more"],
)  # fmt: skip
def test_a_phrase_line_agrees_with_its_pattern(phrases, line):
    # The length test before the pattern turns away only lines the pattern would turn away.
    assert phrases.matches(line) == bool(phrases.pattern.match(line))


def test_a_phrase_line_is_one_of_its_phrases_alone():
    assert END_MARKERS.matches("  Related posts : ")
    assert END_MARKERS.matches("[pdf]")
    assert not END_MARKERS.matches("Related posts about the region")
    assert KEYWORDS.matches("КЛЮЧЕВЫЕ СЛОВА:")
    assert not KEYWORDS.matches("Keywords of the memo")


CASPIAN_BODY = (
    "Freight on the new lines to the Caspian harbours falls short of the promises of their builders, and "
    "the shippers of the region keep to the older routes and their familiar tariffs. The customs posts on "
    "the way add days to every trip, and the governments have yet to agree on a timetable for them.\n"
)


@pytest.mark.parametrize("line", ["Abstract", "Introduction", "4 min read"])
def test_a_heading_or_a_counter_under_a_long_line_is_no_wrapped_line(line):
    title = "Rails to the Caspian: Why the new freight lines stay empty so far"
    chunks = chunks_of([title, line, CASPIAN_BODY.strip()])
    assert [c.lines for c in chunks][:2] == [[title], [line]]


def test_a_title_over_an_abstract_heading_or_a_reading_time_is_the_title_alone():
    title = "Rails to the Caspian: Why the new freight lines stay empty so far"
    for page in (
        f"SPRING ISSUE\n{title}\nAbstract\n{CASPIAN_BODY}",
        f"Home / Freight / {title}\n7 min read\n\n{title}\n\n{CASPIAN_BODY}",
    ):
        assert parse_page(page.encode()).title == title


def test_a_strip_of_rubrics_between_bars_does_not_run_on_into_the_title_under_it():
    # Long enough to be a wrapped line, but a line of short labels between bars is a menu.
    strip = "6 min read — Comment | Caspian | Freight | Infrastructure"
    title = "Rails to the Caspian: Why the New Freight Lines Stay Empty"
    chunks = chunks_of([strip, title, "By Jane Roe", CASPIAN_BODY.strip()])
    assert [c.lines for c in chunks][:2] == [[strip], [title]]
    page = f"{strip}\n{title}\nBy Jane Roe\nMay 3, 2024\n{CASPIAN_BODY}"
    assert parse_page(page.encode()).title == title


def test_the_dump_s_last_words_cut_off_after_a_sentence_with_quoted_names_are_the_body():
    body = (
        "Операторы связи Каспийского региона переходят на отечественное оборудование, и поставщики "
        "не успевают за заказами. Сроки поставок растут, а цены на коммутаторы поднялись вдвое за год.\n\n"
    ) * 2
    last = "Компания Netlink2 поддержала позицию «Степьтелекома». Там выра"
    page = f"Операторы и оборудование\n\n{body}{last}\n"
    assert parse_page(page.encode()).blocks[-1].text.startswith("Компания Netlink2")


def test_a_date_opening_a_header_run_together_on_one_line_over_a_page_with_no_title_is_its_date():
    body = (
        "Операторы связи Каспийского региона переходят на отечественное оборудование, и поставщики "
        "не успевают за заказами. Сроки поставок растут, а цены на коммутаторы поднялись вдвое за год.\n\n"
    ) * 3
    header = "12 марта 2024 09:15 Тарифы растут. Операторы ищут выход 0 0 0 Фото: Ivan Petrov Эксклюзив"
    assert parse_page(f"{header}\n\n{body}".encode()).published == date(2024, 3, 12)


def test_a_journal_running_head_over_the_title_block_is_not_the_body():
    # The article's citation on one line: full stops as in sentences, but no running text.
    page = (
        "Степные исследования: история, право, общество. 2021. № 3 (40). С. 12-19. STEPPE STUDIES: History, "
        "Law, Society. 2021. Vol. 3 (40). P. 12-19.\n"
        "Научная статья\n"
        "УДК 339.9\n"
        "Железные дороги Каспийского региона и грузы из Китая\n"
        "Нурланова Асель Маратовна\n"
        "Аннотация. Статья посвящена грузовым перевозкам по новым железным дорогам к портам Каспийского "
        "моря. Авторы сравнивают обещания строителей с объёмами грузов и тарифами старых маршрутов.\n"
    )
    memo = parse_page(page.encode())
    assert memo.title == "Железные дороги Каспийского региона и грузы из Китая"
    assert memo.category == "Научная статья"


def test_a_dash_inside_a_keyword_is_no_word_of_it():
    page = (
        "Rails to the Caspian: Why the new freight lines stay empty so far\n\n"
        "Keywords\n"
        'CASPIAN / FREIGHT / "EAST - WEST RAIL CORRIDOR" / PORTS\n\n'
        f"{CASPIAN_BODY}"
    )
    assert parse_page(page.encode()).topics == ["CASPIAN", "FREIGHT", '"EAST - WEST RAIL CORRIDOR"', "PORTS"]


def test_the_words_of_a_tag():
    assert tag_words("ONE BELT - ONE ROAD") == 4
    assert tag_words("Central Asia") == 2
    assert tag_words("Russia") == 1


def test_an_empty_keywords_label_over_the_abstract_heading_gives_no_topics():
    page = (
        "REVIEW ARTICLE\n\nCameras on the Roads of the Steppe\n\nPublication date: 2020-12-12\n\n"
        "KEYWORDS\nABSTRACT\nThe cameras sold along the roads of the steppe are counted here, with their "
        "buyers, their makers and the contracts that brought them to the towns of the region, one by one.\n\n"
        "The purchases grew in number over the decade, and the article weighs what they mean for the "
        "region's governments, its citizens and the firms that supply them, and what comes next.\n"
    )
    assert parse_page(page.encode()).topics == []


def test_an_author_line_with_an_orcid_id_opens_with_the_name_before_the_affiliation():
    page = (
        "Steppe Review | Vol. 3, No. 2, 2021\n\n"
        "© 2021 The Author. This is an open access article distributed under the licence of the "
        "journal, which lets anyone copy, share and adapt it with credit given to its author.\n\n"
        "Asel Nurlanova Steppe State University, Almaty ORCID iD: https://orcid.org/0000-0000-0000-0000\n\n"
        "The cameras sold along the roads of the steppe are counted here, with their buyers and the "
        "contracts that brought them to the towns, one by one, over a decade of purchases.\n\n"
        "The purchases grew in number over the decade, and the article weighs what they mean for the "
        "governments of the region, for its citizens and for the firms that supply them.\n"
    )
    assert parse_page(page.encode()).authors == ["Asel Nurlanova"]


def test_a_date_after_the_headline_printed_over_and_over_on_the_first_line_is_the_items():
    headline = "Тендеры на поставки камер в регионе в 2021 году: ждать ли новых покупателей?"
    page = (
        f"{headline} {headline} {headline} 04.05.2021 steppe.example steppe.example info@steppe.example\n\n"
        "Камеры на дорогах степи считают здесь вместе с их покупателями и контрактами, которые "
        "привели их в города, один за другим, за десять лет закупок.\n\n"
        "Закупки росли год от года, и статья взвешивает, что они значат для правительств региона, "
        "для его граждан и для фирм, которые их поставляют.\n"
    )
    assert parse_page(page.encode()).published == date(2021, 5, 4)


def test_a_name_over_a_date_under_a_dek_read_as_the_body_is_the_byline_and_its_date():
    page = (
        "Тендеры на поставки камер в регионе\n\n"
        "Камеры на дорогах степи считают здесь вместе с их покупателями и контрактами. Закупки росли "
        "год от года, и статья взвешивает, что они значат для правительств региона и для их граждан.\n\n"
        "Асель Нурланова\n24 сентября 2020 г.\n"
        "Закупки росли год от года, и статья взвешивает, что они значат для правительств региона, "
        "для его граждан и для фирм, которые их поставляют, одна за другой, за десять лет.\n\n"
        "Камеры на дорогах степи считают здесь вместе с их покупателями и контрактами, которые "
        "привели их в города, один за другим, за десять лет закупок и тендеров.\n"
    )
    memo = parse_page(page.encode())
    assert memo.authors == ["Асель Нурланова"]
    assert memo.published == date(2020, 9, 24)


def test_a_name_over_its_role_between_a_post_and_its_comments_is_the_byline():
    page = (
        "Steppe Cameras and Their Buyers\n\n"
        "Tenders grew year by year, and the post weighs what they mean for the governments of the "
        "region, for its citizens and for the firms that supply them, one after another.\n"
        "Each capital answers differently, but none of them wants to depend on a single supplier "
        "again, which is why the tenders were split between several bidders at once.\n"
        "The ministries publish little about the contracts, and what they publish comes late, "
        "long after the cameras were installed and the firms paid for them.\n"
        "Whether the next round will be any more open is a question the capitals do not answer, "
        "though each of them promised a register of the tenders and their winners.\n\n"
        "Asel Nurlanova\n\nJournalist, blogger and media consultant\n\n2 Comments\n\n"
        "1. This is as simple as it is: the tenders were never open, and the cameras were bought "
        "from whoever the ministry already knew, as everyone in the region understood.\n"
    )
    assert parse_page(page.encode()).authors == ["Asel Nurlanova"]


def test_a_by_line_over_the_papers_introduction_under_a_series_blurb_and_links_is_the_byline():
    blurb = (
        "This series of papers examines the region's cables and cameras from a Eurasian perspective, drawing "
        "out the understudied considerations that shape each government's tenders and contracts.\n\n"
    )
    others = "".join(f"Paper on the steppe number {n},\n\n" for n in range(1, 8))
    page = (
        "Paper 12: Steppe Cameras and Their Buyers\n\n"
        + blurb
        + "CLICK HERE FOR THE PDF\n\nRead the other papers in the series:\n\n"
        + others
        + "By Asel Nurlanova\n\nIntroduction\n\n"
        "Tenders grew year by year, and the article weighs what they mean for the governments of the "
        "region, for its citizens and for the firms that supply them, one after another, for ten years.\n"
    )
    assert parse_page(page.encode()).authors == ["Asel Nurlanova"]


CAMERAS_TEXT = (
    "Tenders for cameras grew year after year, and this article weighs what they mean for the "
    "governments of the region, for its citizens and for the firms that supply them.\n\n"
    "The cameras on the roads of the steppe are counted here together with their buyers and the "
    "contracts that brought them to the cities, one after another, over ten years of tenders.\n"
)


@pytest.mark.parametrize(
    "byline",
    [
        "Jane Roe 24 September 2020",
        # The line breaks between the name, the date and a language switch lost.
        "Jane Roe24 September 2020EN DE FR RU",
    ],
)
def test_a_name_and_a_date_on_one_line_under_a_dek_are_the_byline_and_its_date(byline):
    page = (
        "Cameras on the Steppe Roads\n\n"
        "Institute director Jane Roe looks back at a year of tenders and what they mean for the region.\n"
        f"{byline}\n\n" + CAMERAS_TEXT
    )
    memo = parse_page(page.encode())
    assert (memo.authors, memo.published) == (["Jane Roe"], date(2020, 9, 24))


def test_a_medium_story_s_author_block_under_its_dek_gives_the_byline_and_the_date():
    # Medium's block: the name, the publication's name and its label "Published in" (the dump sets
    # the label after the name), then the reading time glued to the date.
    page = (
        "Cameras on the Steppe Roads\n\n"
        "Cameras are sold to the region's governments in tenders nobody sees. In a report for Steppe "
        "Review, Jane Roe follows the contracts.\n\n"
        "Jane Roe\nSteppe Review\nPublished in\n20 min readJul 13, 2015\n\n--\n\n" + CAMERAS_TEXT
    )
    memo = parse_page(page.encode())
    assert (memo.authors, memo.published) == (["Jane Roe"], date(2015, 7, 13))


def test_a_teaser_s_read_more_link_ends_no_sentence_of_its_excerpt():
    page = (
        "The Ports of the Caspian Will Not Wait\n\n\n"
        "It is time for the shippers of the region to face the facts: with the northern routes closed for "
        "good, the ports of the Caspian carry more freight every year. …read more\n\n"
        "Source: Steppe Institute for Shipping Studies\n"
    )
    memo = parse_page(page.encode())
    assert memo.title == "The Ports of the Caspian Will Not Wait"
    assert memo.blocks[0].text.endswith("carry more freight every year.")


def test_the_walk_back_from_the_body_passes_over_a_row_of_share_buttons_to_the_title():
    page = (
        "Special Issue\n\n“Shippers and Pipelines of the Steppe: 2015-2020”\n\n"
        "Rails to the Caspian and Back Again, 2010-2024\n\nEMAIL\n\n" + CASPIAN_BODY
    )
    assert parse_page(page.encode()).title == "Rails to the Caspian and Back Again, 2010-2024"


def test_a_title_in_capitals_broken_over_lines_that_plainly_go_on_is_one_title():
    page = (
        "STEPPE REVIEW No. 2(14), 2011\nCASPIAN PORTS:\nA TEST OF\nREGIONAL\nCOOPERATION\nJane ROE\n"
        "Ph.D. (Military Science),\nprofessor at the Steppe Academy of Military Sciences, fellow at the "
        "Institute for Caspian Studies, Steppe Academy of Sciences (Astana, Kazakhstan).\n"
        "Introduction\n" + CASPIAN_BODY
    )
    assert parse_page(page.encode()).title == "CASPIAN PORTS: A TEST OF REGIONAL COOPERATION"
    # Labels in capitals over a title in capitals do not run on into it.
    page = "PL EN\nREVIEW PAPER\nPORTS OF THE CASPIAN SEA\nJane Roe\n\n" + CASPIAN_BODY
    assert parse_page(page.encode()).title == "PORTS OF THE CASPIAN SEA"


def test_a_heading_under_a_series_blurb_is_the_title_of_a_page_with_none_above_its_text():
    page = (
        "Our scholars write Steppe Briefs on the questions of the day. The short format is meant for readers "
        "outside the academy who want to follow the debates of the region without the footnotes.\n\n"
        "The Caspian Ports in Winter: Steppe Briefs from the Institute\n\n" + CASPIAN_BODY
    )
    memo = parse_page(page.encode())
    assert memo.title == "The Caspian Ports in Winter: Steppe Briefs from the Institute"
    assert memo.warnings == []


def test_a_heading_and_its_date_under_the_blurb_of_the_rubric_over_it_are_the_title_and_date():
    page = (
        "The Steppe Forum on Regional Relations\n\n"
        "In Memory of Our Late Chairman Nurlan Abenov (Asel Nurlanova, President)\n\n"
        "Steppe Commentary\n\n"
        '"Steppe Commentary" introduces analyses and opinions on the region\'s place in the world, but they '
        "do not represent the views of the Forum as an institution.\n\n"
        "March 3,2022\n\n"
        "The Caspian Ports in Winter and Their Buyers\n\n" + CASPIAN_BODY
    )
    memo = parse_page(page.encode())
    assert memo.title == "The Caspian Ports in Winter and Their Buyers"
    assert memo.published == date(2022, 3, 3)


def test_a_one_word_heading_the_first_paragraph_opens_with_is_the_title():
    lead = (
        "Steppeland, which calls itself the region's crossroads, bought more cameras for its roads in "
        "the past two years than in the ten before, and the tenders were split between several bidders.\n\n"
        "The purchases grew in number over the decade, and the chapter weighs what they mean for the "
        "governments of the region, for its citizens and for the firms that supply them.\n"
    )
    assert parse_page(("Steppeland\n\n" + lead).encode()).title == "Steppeland"
    # A word the paragraph does not open with is no heading of it.
    assert parse_page(("Menu\n\n" + lead).encode()).title != "Menu"


def test_a_pointer_to_a_site_under_the_body_is_no_signature():
    body = (
        "The regional security arrangements that seemed settled a decade ago are being renegotiated, "
        "and the governments of the region now weigh every offer of equipment against its strings.\n\n"
        "Each capital answers differently, but none of them wants to depend on a single supplier again, "
        "which is why the tenders of the past two years were split between several bidders at once.\n\n"
    )
    page = "Pipelines and Power: North or South?\n\n" + body + "Read Steppenews.kz\n\nПодборка новостей\n"
    assert parse_page(page.encode()).authors == []
    # A signature's names and its place stay the byline.
    page = page.replace("Read Steppenews.kz", "Asel Nurlanova, Almaty")
    assert parse_page(page.encode()).authors == ["Asel Nurlanova"]


def test_a_page_cut_off_inside_its_first_paragraph_is_a_memo():
    # The copy ends mid-sentence: the one paragraph is short and ends without a full stop.
    page = (
        "ЖУРНАЛ О СВЯЗИ\n\n"
        "Название: Тихий оператор\n"
        "Дата написания: 12.05.2001\n\n"
        "      Операторы связи опять откладывают установку новой аппаратуры. Третьего мая нынешнего "
        "года областной суд под руководством "
    )
    memo = parse_page(page.encode())
    assert memo.blocks[0].text.startswith("Операторы связи опять откладывают")


def test_key_points_run_together_on_one_line_and_cut_off_are_the_memo():
    # A PDF's list as one line, each item's marker after the last one's full stop; the copy ends
    # inside the last item.
    points = (
        "* Freight on the new lines to the Caspian harbours falls short of the promises of their builders. "
        "* The customs posts on the way add days to every trip, and shippers keep to the older routes. "
        "* The governments have yet to agree on a timetable for the posts, and the ports wait for"
    )
    page = f"Rails to the Caspian: The Empty Lines\n\nDr Asel Nurlanova\n\nKey Points\n\n{points}\n"
    memo = parse_page(page.encode())
    assert [b.text[:12] for b in memo.blocks] == ["Freight on t", "The customs ", "The governme"]


def test_a_page_cut_off_in_a_sentence_after_one_full_of_names_is_a_memo():
    # The only prose is the author's note, cut off: its first sentence is mostly names in capitals,
    # the one the dump cut runs as a sentence does.
    page = (
        "CASPIAN PAPERS 2/2020\n\nRAILS TO THE CASPIAN PORTS\n\nAsel Nurlanova\n\n"
        "at the Institute for World Transport Economics and Caspian Trade Relations (ITEL), Kazakh National "
        "Academy of Transport Sciences. She is also the head of the working group on the"
    )
    memo = parse_page(page.encode())
    assert memo.blocks[0].text.startswith("at the Institute for World Transport")


def test_an_article_s_keywords_line_between_its_abstract_and_first_section_does_not_end_its_text():
    # The copy is cut short in the introduction: the abstract alone outweighs it.
    page = (
        "Rails to the Caspian: Why the New Lines Stay Empty\n\nAbstract\n\n"
        f"{CASPIAN_BODY}\n"
        "Keywords: freight, Caspian ports, rail tariffs\n\nIntroduction\n\n"
        "The harbours of the Caspian were built for oil. Since the collapse of the Soviet Union the "
        "railways to them have carried"
    )
    memo = parse_page(page.encode())
    assert [b.text[:15] for b in memo.blocks] == ["Freight on the ", "Introduction", "The harbours of"]


def test_a_page_run_onto_one_line_under_an_asterism_is_prose_not_a_list():
    # A PDF's text stream on one line, its masthead set between rows of asterisks.
    page = (
        "* * * Freight Review * * * Vol. 2 No. 3, 2021 " + CASPIAN_BODY.strip() + " The ports, in turn, wait "
        "for the railways to bring them cargo before they build new berths for it, and so"
    )
    memo = parse_page(page.encode())
    assert "The customs posts on the way add days" in memo.blocks[0].text


def test_an_inline_keyword_list_s_closing_full_stop_is_no_part_of_its_last_keyword():
    page = (
        "Rails to the Caspian: Why the new freight lines stay empty so far\n\n"
        "Keywords: freight, caspian ports, rail tariffs, U.S.\n\n"
        f"{CASPIAN_BODY}"
    )
    assert parse_page(page.encode()).topics == ["freight", "caspian ports", "rail tariffs", "U.S."]
    page = page.replace("rail tariffs, U.S.", "rail tariffs.")
    assert parse_page(page.encode()).topics == ["freight", "caspian ports", "rail tariffs"]


def test_an_inline_keyword_list_ending_with_its_separator_goes_on_under_it():
    page = (
        "Rails to the Caspian: Why the new freight lines stay empty so far\n\n"
        "Keywords: freight; caspian ports; rail tariffs;\n"
        "Central Asia, Transit Trade.\n"
        "1 Professor of Economics at the Caspian Institute of Transport.\n\n"
        f"{CASPIAN_BODY}"
    )
    topics = ["freight", "caspian ports", "rail tariffs", "Central Asia", "Transit Trade"]
    assert parse_page(page.encode()).topics == topics
    # A heading under the list is not one of its items.
    page = page.replace("Central Asia, Transit Trade.", "Abstract")
    assert parse_page(page.encode()).topics == topics[:3]


def test_keyword_heading_and_abstract_heading_glued_to_the_lines_around_the_list():
    # A journal page's text run together: the heading on the end of the DOI's line, the next
    # heading on the end of the last keyword.
    page = (
        "ЖЕЛЕЗНЫЕ ДОРОГИ К КАСПИЮ И ГРУЗЫ ИЗ КИТАЯ\n"
        "DOI:\n"
        "https://doi.org/10.12345/JRN.2024.12.1.004Ключевые слова:\n"
        "грузы, железные дороги, тарифы, порты КаспияАннотация\n"
        "Грузы по новым железным дорогам к портам Каспийского моря не оправдали обещаний их строителей. "
        "Авторы сравнивают объёмы перевозок с тарифами старых маршрутов и ищут причины расхождения.\n"
    )
    assert parse_page(page.encode()).topics == ["грузы", "железные дороги", "тарифы", "порты Каспия"]


def test_a_subtitle_in_capitals_under_the_title_in_capitals_is_no_category():
    page = (
        "CASPIAN RAILWAYS\n\n"
        "FREIGHT CORRIDORS AND POLICY ANALYSIS\n\n"
        "Jane Roe * Lisa Doe **\n\n"
        "Abstract\n\n"
        f"{CASPIAN_BODY}"
    )
    assert parse_page(page.encode()).category is None


def test_a_type_label_over_the_title_printed_again_above_the_body_is_the_category():
    title = "Rails to the Caspian stay empty, and the ports wait in vain"
    page = f"{title}\n\nAdvertisement\n\nPublished 3 years ago\n\nEditorial\n\n{title}\n\n{CASPIAN_BODY}"
    assert parse_page(page.encode()).category == "Editorial"


def test_keywords_inside_a_page_run_onto_one_line_end_at_the_heading_after_them():
    page = (
        "Freight Review Vol. 2 No. 3, 2021 Rails to the Caspian Abstract: "
        + CASPIAN_BODY.strip()
        + " "
        + CASPIAN_BODY.strip()
        + " Keywords: freight, rail tariffs, Caspian ports, Kazakhstan Introduction "
        + CASPIAN_BODY.strip()
        + " The first trains reached the harbours in the spring, and the shippers, so far, have stayed away"
    )
    assert parse_page(page.encode()).topics == ["freight", "rail tariffs", "Caspian ports", "Kazakhstan"]


def test_keywords_run_onto_one_line_end_at_a_numbered_heading_after_them():
    page = (
        "Freight Review Vol. 2 No. 3, 2021 Rails to the Caspian Abstract: "
        + CASPIAN_BODY.strip()
        + " "
        + CASPIAN_BODY.strip()
        + " Keywords: freight, rail tariffs, Caspian ports, Kazakhstan 1. INTRODUCTION "
        + CASPIAN_BODY.strip()
        + " The first trains reached the harbours in the spring, and the shippers, so far, have stayed away"
    )
    assert parse_page(page.encode()).topics == ["freight", "rail tariffs", "Caspian ports", "Kazakhstan"]


def test_a_keywords_label_with_a_dash_for_its_colon_gives_the_topics():
    page = (
        "Rails to the Caspian\n\n"
        + CASPIAN_BODY
        + CASPIAN_BODY
        + "Keywords – freight; rail tariffs; Caspian ports; Kazakhstan.\n1. Introduction\n"
        + CASPIAN_BODY.replace("Freight", "Mongolian freight")
    )
    memo = parse_page(page.encode())
    assert memo.topics == ["freight", "rail tariffs", "Caspian ports", "Kazakhstan"]
    # The text goes on under the label, as under "Keywords:".
    assert "Mongolian freight" in " ".join(block.text for block in memo.blocks)


def test_keywords_run_onto_the_end_of_the_abstract_s_line_end_with_it():
    # A PDF's text joins the abstract and its keywords, the paragraph's last words.
    page = (
        "Freight Review Vol. 2 No. 3, 2021 Rails to the Caspian\n\nAbstract "
        + CASPIAN_BODY.strip()
        + " "
        + CASPIAN_BODY.strip()
        + " "
        + CASPIAN_BODY.strip()
        + " "
        + CASPIAN_BODY.strip()
        + " JEL Classifications: F15, R11 Key words: freight, rail tariffs, Caspian ports, Kazakhstan\n\n"
        + CASPIAN_BODY.strip()
    )
    assert parse_page(page.encode()).topics == ["freight", "rail tariffs", "Caspian ports", "Kazakhstan"]


def test_a_paragraph_opening_with_a_capitalized_keywords_label_without_a_colon_gives_the_topics():
    page = (
        "Rails to the Caspian\n\nAbstract "
        + CASPIAN_BODY.strip()
        + "\n\nKey Words freight, rail tariffs, Caspian ports, Kazakhstan Introduction "
        + CASPIAN_BODY.strip()
        + "\n\n"
        + CASPIAN_BODY.strip()
    )
    assert parse_page(page.encode()).topics == ["freight", "rail tariffs", "Caspian ports", "Kazakhstan"]


def test_a_title_in_capitals_over_a_line_in_small_letters_is_the_title_alone():
    # A repost's title in capitals, and the reposting blog's byline under it in the same block.
    title = "ЧТО ЖДЕТ КАСПИЙСКИЕ ПОРТЫ ПОСЛЕ ОТКРЫТИЯ НОВЫХ ЛИНИЙ"
    page = f"{title}\nПишет ports-digest.example.org\n{CASPIAN_BODY}"
    assert parse_page(page.encode()).title == title


def test_an_authors_label_with_a_dash_and_a_description_before_the_colon_gives_the_names():
    page = (
        "Why the tenders were split, or do not read too much into the statements\n\n11.12.2023\n\n"
        "Authors – CSPS researchers: Ilmārs Ozoliņš, Daina Kalniņa\n\n"
        "The recent statement about the tenders gained wide resonance in the press of the region, and "
        "several commentators read it as a sign of a change of course, which it is not.\n\n"
        "The tenders of the past two years were split between several bidders at once, as before.\n"
    )
    memo = parse_page(page.encode())
    assert memo.authors == ["Ilmārs Ozoliņš", "Daina Kalniņa"]


def test_a_journal_cover_opening_with_how_to_cite_the_article_dates_it_by_its_published_online_line():
    # What reads as the body is the cover: the citation, the link, the imprint broken over lines,
    # then the date the article went online.
    page = (
        "Rails to the Caspian\n\nJournal of Steppe Studies\n\n"
        "To cite this article: Jane Roe (2021) Rails to the Caspian and the shippers of the region. A\n"
        "reply, Journal of Steppe Studies, 12:3, 201-220, DOI: 10.1000/jss.2021.1\n\n"
        "To link to this article: https://doi.org/10.1000/jss.2021.1\n\n"
        "© 2022 The Author(s). Published by Steppe\n\n\nPress Limited, trading as Steppe\n\nGroup.\n\n"
        "Published online: 06 Jan 2022.\n\n" + CASPIAN_BODY + "\n" + CASPIAN_BODY
    )
    assert parse_page(page.encode()).published == date(2022, 1, 6)


def test_a_type_label_and_its_date_run_into_the_title_line_date_the_memo():
    page = f"ISSUE BRIEF 07.18.17 Rails to the Caspian and Their Shippers\n\nJane Roe\n\n{CASPIAN_BODY}"
    assert parse_page(page.encode()).published == date(2017, 7, 18)


def test_a_footnote_mark_on_a_line_of_its_own_after_each_name_does_not_end_the_byline():
    # A PDF's text sets each name's superscript mark on the line under it.
    page = f"Rails to the Caspian and Their Shippers\nJane Roe\n1\nLisa Doe\n2\nAbstract\n{CASPIAN_BODY}"
    assert parse_page(page.encode()).authors == ["Jane Roe", "Lisa Doe"]


# The second opens with a Latin C.
@pytest.mark.parametrize("link", ["Скачать PDF статьи", "Cкачать PDF статьи"])
def test_a_download_link_under_the_title_is_neither_the_title_nor_a_category(link):
    title = "Донбасский разлом"
    body = (
        "В том, что на Донбассе началась война, многие наблюдатели винят внешние силы, но ключевую "
        "роль сыграли процессы внутри страны. Начало положила та часть активистов, которая перешла "
        "к силе. Лидеры не остановили радикальных союзников, и протест в других частях страны "
        "приобрёл потенциал насилия."
    )
    memo = parse_page(f"{title}\n\n{link}\n\n{body}\n".encode())
    assert (memo.title, memo.category) == (title, None)


def test_a_series_label_over_a_blurb_that_names_it_in_quotes_is_the_category():
    body = (
        "Introduction On July 24, 1997, the prime minister spoke of a new diplomacy toward the continent. "
        "A quarter of a century has passed since then, and the concept still lacks a clear definition. "
        "Different academics and policymakers hold different views on its scope and its goals."
    )
    # The site's name and a notice over the label, where the title may not be found.
    page = (
        "The Steppe Forum\n\nIn Memory of Late Chairman ALIEV Nurlan (ROE Jane, President, TSF)\n\n\n"
        "Forum Commentary\n\n\n"
        '"Forum Commentary" introduces analyses and opinions; they are not the views of the Forum.\n\n'
        f"August 15,2022\n\nThe Steppe's Choice for a Continental Diplomacy\n\n{body}\n"
    )
    assert parse_page(page.encode()).category == "Forum Commentary"
    # A quoted line under a line that is no kind of publication gives none.
    assert parse_page(page.replace("Forum Commentary", "Forum Voices").encode()).category is None


def test_a_numbered_label_s_kind_is_the_series_where_the_page_calls_the_items_a_series():
    body = (
        "This paper examines the steppe dimension of the relations between the two states and the "
        "place each holds in the other's plans for the region. The relationship shows the interplay "
        "between economic ambitions, security needs and wider projects of order."
    )
    blurb = "This series of Insights will examine the region's ties from a continental perspective."
    page = f"Insight 12: Kazakhstan and Mongolia on the Steppe\n\n{blurb}\n\n{body}\n"
    memo = parse_page(page.encode())
    assert (memo.memo_number, memo.series) == (12, "Insight")
    assert parse_page(page.replace(blurb, body).encode()).series is None


def test_a_report_s_table_of_contents_without_prose_is_its_text():
    entries = [
        "1. The Region After Independence. 1",
        "2. Kazakhstan at a Glance. 3",
        "3. Political Development. 4",
        "4. Mongolia at a Glance:7",
        "5. Foreign Policy. 9",
        "6. Strategic Perspectives. 12",
    ]
    page = (
        "Interests of major external actors on the steppe\n\n Anna Steppe & Boris Valley\n\n \n\n"
        "Contents\n\n" + "\n".join(f"  {entry}" for entry in entries) + "\n"
    )
    memo = parse_page(page.encode())
    assert memo.title == "Interests of major external actors on the steppe"
    assert memo.authors == ["Anna Steppe", "Boris Valley"]
    assert "Mongolia at a Glance:7" in " ".join(block.text for block in memo.blocks)
    # Numbered lines whose last figures are not pages in order are no table of contents.
    shuffled = page.replace("Glance:7", "Glance:70")
    with pytest.raises(ParseError):
        parse_page(shuffled.encode())


def test_an_issue_s_contents_under_their_heading_without_numbers_are_its_text():
    # A journal issue's contents: each paper's title, its author and its first page, unnumbered.
    entries = [
        "From the Editors 1",
        "Borders on the Steppe: A New Look Anna Steppe 5",
        "Kazakhstan and Mongolia in the Grain Trade Boris Valley 24",
        "Pastures and Power Anna Steppe 48",
        "Recommendations Boris Valley 66",
        "Authors 70",
    ]
    cover = "THE STEPPE IN TRANSITION\n\nSteppe Review Volume 3, Issue 2 2018\n\n"
    page = cover + "In This Issue\n\n" + "\n\n".join(f"    {entry}" for entry in entries) + "\n"
    memo = parse_page(page.encode())
    assert "Pastures and Power Anna Steppe 48" in " ".join(block.text for block in memo.blocks)
    # Without the heading, lines that end in figures are no contents.
    with pytest.raises(ParseError):
        parse_page(page.replace("In This Issue", "Steppe Review").encode())


def test_an_empty_keywords_label_takes_no_value_from_the_next_field_s_label():
    body = (
        "The fleet's division between the two states took the better part of a decade, and each "
        "step of it was argued over in the press of both capitals as a matter of national honour."
    )
    page = f"The Fleet and the Treaty\n\nKeywords:\nPeriod:\nXX century\n\n{body}\n"
    assert parse_page(page.encode()).topics == []


def test_the_date_a_run_on_page_without_a_title_line_opens_with_is_its_date():
    page = (
        "17 января 2017 г. Асель Нурланова | The Steppe Post Степь опасается чужих камер и хочет построить "
        'свою сеть "После того как города степи купили тысячи камер у одного поставщика, правительства '
        "региона взвешивают каждое новое предложение оборудования и его условия, а тендеры последних двух "
        'лет были разделены между несколькими участниками", - пишет автор, и продолжает о том, что\n'
    )
    assert parse_page(page.encode()).published == date(2017, 1, 17)


def test_an_item_of_a_news_feed_under_its_time_of_day_is_no_start_of_the_body():
    feed = "".join(
        f"{time}\n{item}\n"
        for time, item in (
            (
                "11:44 PM",
                "Border guards of the region crossed the river again at night, the agency said in a "
                "statement on Tuesday, adding that nobody was hurt and that the patrols would go on.",
            ),
            (
                "6:09 PM",
                "Troops hit two villages of the southern province on Tuesday, the regional administration "
                "reported, and a man was killed in his house as a result of the shelling of the district.",
            ),
            (
                "3:16 PM",
                "The president of the neighbouring republic warned against the dangers of propaganda and "
                "proposed the creation of a new governmental body to counter the threat before the vote.",
            ),
        )
    )
    page = (
        "Skip to content\n\nNews Feed\n\n" + feed + "\nwatch us\n\nEdit post\n\n"
        "When Will the Tenders End?\n\nby Jane Roe January 18, 2023\n\n"
        "The tenders of the past two years were split between several bidders at once, and the governments "
        "of the region now weigh every offer of equipment against its strings.\n\n"
        "Each capital answers differently, but none of them wants to depend on a single supplier again.\n"
    )
    memo = parse_page(page.encode())
    assert (memo.authors, memo.published) == (["Jane Roe"], date(2023, 1, 18))


def test_the_one_item_of_a_list_with_a_date_under_it_over_the_body_is_the_title():
    page = (
        "Print\n\nComments and publications in media\n\n"
        "  • Jane Roe about the Caspian ports after war\n\n"
        "    25.04.2022\n"
        "    The ports of the Caspian have lost half their cargo since the war began, and their owners "
        "now weigh every offer of a new route against its risks.\n"
        "    Professor Jane Roe, director of the Steppe Institute, says the ports will need years to recover "
        "after the war, whichever routes the grain and the oil take to Europe.\n"
    )
    memo = parse_page(page.encode())
    title = "Jane Roe about the Caspian ports after war"
    assert (memo.title, memo.published) == (title, date(2022, 4, 25))


def test_the_page_title_line_with_the_byline_over_the_headline_gives_no_category():
    page = (
        "Putin’s grain | By Jane Roe\n\n\nPutin’s grain\n\n"
        "The grain sold along the roads of the steppe is counted here, with its buyers and the contracts "
        "that brought it to the ports, one by one, over a decade of purchases and tenders.\n\n"
        "The purchases grew in number over the decade, and the column weighs what they mean for the "
        "governments of the region, for its farmers and for the firms that carry the grain.\n"
    )
    memo = parse_page(page.encode())
    assert (memo.title, memo.category) == ("Putin’s grain", None)


def test_a_kind_label_before_a_colon_on_the_title_line_is_the_category():
    page = (
        "Policy Brief: Grain Routes across the Steppe (in the context of the new tariffs)\n\n \n\n"
        "The grain sold along the roads of the steppe is counted here, with its buyers and the contracts "
        "that brought it to the ports, one by one, over a decade of purchases and tenders.\n\n"
        "The purchases grew in number over the decade, and the column weighs what they mean for the "
        "governments of the region, for its farmers and for the firms that carry the grain.\n"
    )
    assert parse_page(page.encode()).category == "Policy Brief"
    # In sentence case, as a British paper labels its editorial: "Leading article: <title>".
    editorial = page.replace("Policy Brief", "Leading article")
    assert parse_page(editorial.encode()).category == "Leading article"
    # Words in small letters that end in no kind are the title's own.
    assert parse_page(page.replace("Policy Brief", "Lead story").encode()).category is None


def test_a_publication_type_label_over_its_value_is_the_category():
    page = (
        "Зерно степи и порты Каспия\n\nТип публикации\nСтатья\nСтатус публикации\nОпубликовано\n\n"
        "Зерно, которое продают вдоль дорог степи, посчитано здесь вместе с покупателями и контрактами, "
        "которые привели его в порты, одно за другим, за десятилетие закупок и тендеров.\n"
    )
    assert parse_page(page.encode()).category == "Статья"
    # With its colon, the value on the next line.
    labelled = page.replace("Тип публикации\nСтатья", "Publication Type:\n\nJournal Article")
    assert parse_page(labelled.encode()).category == "Journal Article"


def test_a_dump_cut_off_under_the_title_byline_and_date_is_read_from_its_head():
    page = (
        "Steppe Daily logo\n\n  • Politics\n  • Opinion\n  • Columns\n\n"
        "The grain of the steppe and the ports of the Caspian\n\nby Jane Roe\n\n"
        "Feb 26, 2022 - 12:05 am GMT+3\n\nThe grai\n"
    )
    memo = parse_page(page.encode())
    assert (memo.title, memo.authors, memo.published) == (
        "The grain of the steppe and the ports of the Caspian",
        ["Jane Roe"],
        date(2022, 2, 26),
    )


def test_a_hashtag_of_run_together_words_right_over_the_text_is_its_title_where_none_else_is():
    # A campaign's slogan as the headline: one "word", so no other title rule takes it.
    page = "Articles\n\n#TheTendersAreOpen\n\n" + CASPIAN_BODY
    memo = parse_page(page.encode())
    assert (memo.title, memo.warnings) == ("#TheTendersAreOpen", [])
    # Tags over the text are several, or a single word's.
    page = "Articles\n\n#Caspian #Ports\n\n" + CASPIAN_BODY
    assert parse_page(page.encode()).title != "#Caspian #Ports"

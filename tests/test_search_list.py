"""The memo list with q: the search is evaluated once, and the count, pages and facets follow it."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from memos import search
from memos.models import Memo
from memos.site.filters import SORTS
from tests.factories import build_archive
from tests.pages import titles

pytestmark = pytest.mark.django_db

# How each database writes a full-text match: PostgreSQL's `@@`, FTS5's MATCH.
MATCHING = re.compile(r"@@|\bMATCH\b")


@pytest.fixture
def indexed():
    archive = build_archive()
    search.index_memos(Memo.objects.values_list("pk", flat=True))
    return archive


def test_the_match_is_evaluated_once_for_the_whole_list(client, indexed):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("memo_list"), {"q": "body"})
    assert response.status_code == 200 and titles(response)
    matching = [q["sql"] for q in captured.captured_queries if MATCHING.search(q["sql"])]
    # The ids of every match, in order; then the snippets of the page's rows (by id). The count
    # and the five facets read the ids instead of matching again.
    assert len(matching) == 2, matching
    assert "COUNT(" not in matching[0].upper()


def test_pages_continue_the_relevance_order_and_count_every_match(client, indexed, settings):
    settings.MEMOS_PER_PAGE = 2
    everything = search.search_memos(Memo.objects.published(), "body").order_by(*SORTS["relevance"][1])
    expected = [memo.title for memo in everything]
    assert len(expected) > 2
    first = client.get(reverse("memo_list"), {"q": "body"})
    second = client.get(reverse("memo_list"), {"q": "body", "page": 2})
    assert titles(first) + titles(second) == expected[:4]
    assert f"{len(expected)} memos" in first.text


def test_a_query_matching_nothing_shows_no_results_and_empty_facets(client, indexed):
    response = client.get(reverse("memo_list"), {"q": "zzyzx"})
    assert response.status_code == 200
    assert titles(response) == [] and "0 memos" in response.text
    assert 'class="count"' not in response.text


def test_searches_forgive_possessives_and_take_prefixes_on_the_sample_archive(client, sample_pages):
    def found(q: str) -> set[str]:
        response = client.get(reverse("memo_list"), {"q": q})
        assert response.status_code == 200
        return set(titles(response))

    huawei = found("huawei")
    assert len(huawei) > 3
    assert found("Huawei's") == found("Huawei’s") == found("(Huawei),") == huawei
    assert huawei <= found("hua*")

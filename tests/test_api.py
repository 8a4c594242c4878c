"""The read-only JSON API (memos/api/): MemoFilter's parameters, pages, throttling, the OpenAPI schema."""

import uuid

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.urls import reverse
from openapi_spec_validator import validate
from openapi_spec_validator.readers import read_from_filename  # noqa: F401  (the package's reader API)

from memos.site.filters import MemoFilter
from tests.pages import listed

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(archive_and_seed):
    return archive_and_seed


@pytest.fixture(autouse=True)
def fresh_throttle():
    caches["throttle"].clear()


def get(client, url: str, params=None, status: int = 200) -> dict:
    response = client.get(url, params or {})
    assert response.status_code == status, response.content
    return response.json()


def all_titles(client, query: dict) -> list[str]:
    """Every page of /api/memos/ for `query`, following `next`."""
    titles, url, params = [], reverse("api-memo-list"), query
    while url:
        page = get(client, url, params)
        titles += [m["title"] for m in page["results"]]
        url, params = page["next"], None
    return titles


@pytest.mark.parametrize(
    "query",
    [
        {"country": "KG"},
        {"country": "RU"},
        {"country": ["RU", "UA"], "sort": "title"},
        {"vendor": "acme-vision"},
        {"topic": "telecom", "language": "ru"},
        {"author": "alice-adams"},
        {"year": "2020"},
        {"from": "2019-01-01", "to": "2020-12-31", "sort": "published"},
        {"series": "2", "category": "Policy Memos"},
    ],
)
def test_memos_match_the_list_for_the_same_parameters(client, archive, settings, query):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "PAGE_SIZE": 2}
    titles = all_titles(client, query)
    assert titles and len(titles) == len(set(titles))
    assert set(titles) == listed(client, "&".join(
        f"{k}={v}" for k, values in query.items() for v in (values if isinstance(values, list) else [values])
    ))  # fmt: skip


def test_the_list_is_paginated_with_count_next_previous_and_results(client, archive, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "PAGE_SIZE": 2}
    first = get(client, reverse("api-memo-list"))
    assert list(first) == ["count", "next", "previous", "results"]
    assert first["count"] == 6 and first["previous"] is None
    assert first["next"] == "http://testserver/api/memos/?page=2"
    last = get(client, reverse("api-memo-list"), {"page": 3})
    assert last["next"] is None and last["previous"]


def test_a_memo_in_the_list(client, archive):
    memo = archive["spectrum"]
    [row] = get(client, reverse("api-memo-list"), {"vendor": "borealis-networks"})["results"]
    assert row["title"] == memo.title and row["slug"] == memo.slug
    assert row["url"] == f"http://testserver{memo.get_absolute_url()}"
    assert row["permalink"] == f"http://testserver/id/memo/{memo.pk}/"
    assert [a["name"] for a in row["authors"]] == ["Boris Brown", "Alice Adams"]
    assert [t["slug"] for t in row["topics"]] == ["telecom"]
    assert row["published"] == "2020-05-10" and row["memo_number"] == 102


def test_a_memo_with_its_mentions(client, archive):
    memo = archive["cyber"]
    data = get(client, reverse("api-memo-detail", args=[memo.slug]))
    assert [a["slug"] for a in data["authors"]] == ["carla-cruz"]
    assert [t["name"] for t in data["topics"]] == ["Security", "Surveillance"]
    assert data["countries"] == [
        {"code": "UA", "name": "Ukraine", "count": 5, "context": f"UA appears in {memo.title}."},
        {"code": "RU", "name": "Russia", "count": 2, "context": f"RU appears in {memo.title}."},
    ]
    assert data["vendors"] == [
        {
            "slug": "acme-vision",
            "name": "Acme Vision",
            "count": 1,
            "context": f"acme-vision appears in {memo.title}.",
        }
    ]


def test_unpublished_memos_and_what_only_they_name_are_not_served(client, archive):
    assert get(client, reverse("api-memo-detail", args=[archive["draft"].slug]), status=404)
    authors = [a["slug"] for a in get(client, reverse("api-author-list"))["results"]]
    assert "dmitri-draft" not in authors and "alice-adams" in authors
    topics = [t["slug"] for t in get(client, reverse("api-topic-list"))["results"]]
    assert "secret-topic" not in topics
    # Georgia: the seed mentions it, and so does the draft, which is not counted.
    assert (
        get(client, reverse("api-country-detail", args=["GE"]))["memos"]
        == len(listed(client, "country=GE"))
        == 1
    )
    assert get(client, reverse("api-country-detail", args=["RU"]))["memos"] == len(
        listed(client, "country=RU")
    )
    vendors = {v["slug"]: v for v in get(client, reverse("api-vendor-list"))["results"]}
    assert vendors["acme-vision"]["memos"] == 2 and vendors["acme-vision"]["country"] == "CN"


def test_entities(client, archive):
    alice = get(client, reverse("api-author-detail", args=["alice-adams"]))
    assert alice["name"] == "Alice Adams" and alice["memos"] == 2
    assert alice["url"] == "http://testserver/authors/alice-adams/"
    assert get(client, reverse("api-country-detail", args=["UA"]))["memos"] == len(
        listed(client, "country=UA")
    )
    assert get(client, reverse("api-topic-detail", args=["surveillance"]))["memos"] == 2


@pytest.mark.parametrize(
    "query",
    [
        {"country": "XX"},
        {"vendor": "nobody"},
        {"year": "soon"},
        {"from": "2020-13-45"},
        {"sort": "relevance"},
        {"sort": "sideways"},
        {"language": "fr"},
        {"page": "9"},
        {"page": "x"},
        {"q": "x" * 300},
        {"author": "?"},
    ],
)
def test_bad_parameters_are_a_400_with_the_reason(client, archive, query):
    errors = get(client, reverse("api-memo-list"), query, status=400)
    assert errors and all(isinstance(v, list) and v for v in errors.values())


def test_no_write_endpoints(client, archive):
    memo = archive["cameras"]
    for url in (
        reverse("api-memo-list"),
        reverse("api-memo-detail", args=[memo.slug]),
        reverse("api-author-list"),
    ):
        for method in (client.post, client.put, client.patch, client.delete):
            assert method(url, {}, content_type="application/json").status_code == 405
    memo.refresh_from_db()
    assert memo.title == "Cameras in Almaty"


def test_anonymous_reads_are_throttled_per_address(client, archive, settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "3/minute"}}
    url = reverse("api-topic-list")
    for _ in range(3):
        assert client.get(url, REMOTE_ADDR="10.0.0.1").status_code == 200
    refused = client.get(url, REMOTE_ADDR="10.0.0.1")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert client.get(url, REMOTE_ADDR="10.0.0.2").status_code == 200  # another address counts apart


def test_the_throttle_counts_in_redis_across_workers(client, archive, settings):
    """With REDIS_URL set, every worker counts the same address together (a real Redis)."""
    settings.CACHES = {
        **settings.CACHES,
        "throttle": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/0",
            "KEY_PREFIX": f"memos-test-{uuid.uuid4().hex}",
        },
    }
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "2/minute"}}
    url = reverse("api-vendor-list")
    assert client.get(url, REMOTE_ADDR="10.0.0.3").status_code == 200
    caches["default"].clear()  # nothing kept in the process's own memory matters
    assert client.get(url, REMOTE_ADDR="10.0.0.3").status_code == 200
    assert client.get(url, REMOTE_ADDR="10.0.0.3").status_code == 429
    caches["throttle"].clear()


def test_the_schema_is_valid_openapi_and_lists_memo_filters_parameters(client, archive):
    response = client.get(reverse("api-schema"), {"format": "json"})
    assert response.status_code == 200
    schema = response.json()
    validate(schema)
    assert schema["openapi"].startswith("3.")
    paths = schema["paths"]
    assert {"/api/memos/", "/api/memos/{slug}/", "/api/authors/", "/api/topics/", "/api/countries/",
            "/api/vendors/"} <= set(paths)  # fmt: skip
    for path in paths.values():
        assert set(path) <= {"get", "parameters"}, "a write operation is documented"
    documented = {p["name"] for p in paths["/api/memos/"]["get"]["parameters"]}
    assert set(MemoFilter.base_filters) | {"page"} == documented


def test_the_docs_are_served_from_here_with_no_inline_script(client, archive):
    response = client.get(reverse("api-docs"))
    assert response.status_code == 200
    text = response.text
    assert "cdn" not in text.lower() and "//" not in text.replace("http://testserver", "").split("<body")[0]
    assert "<script>" not in text and "<style>" not in text and "style=" not in text
    for src in __import__("re").findall(r'(?:src|href)="([^"]+)"', text):
        assert src.startswith("/"), src
        assert client.get(src).status_code == 200, src


def test_the_schema_generates_without_warnings(tmp_path):
    """Every field and MemoFilter parameter has a type drf-spectacular can tell (no guessing)."""
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml"))
    assert "/api/memos/{slug}/" in (tmp_path / "schema.yml").read_text()

"""Every view × every parameter with control characters, Unicode, huge numbers and websearch edge cases:
the only acceptable answers are 200, 301, 302, 400 and 404 (never a 500)."""

from urllib.parse import quote

import pytest
from django.test import Client

from tests.factories import build_archive

pytestmark = pytest.mark.django_db

ACCEPTABLE = {200, 301, 302, 400, 404}

# Values by kind; the already percent-encoded ones are not valid UTF-8, so cannot be written as str.
CONTROL = ["\x00", "a\x1fb", "\x85", "%ED%A0%80", "%FF", "%0D%0ASet-Cookie:%20x=1"]
UNICODE = ["Казахстан", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\u202eevil", "٣", "²", "🙂"]
NUMBERS = ["9" * 40, "-1", "0", "1e309", "NaN", "2019-13-45"]
WEBSEARCH = [
    '"', '"unclosed', "-", "--a", "or", "a OR", "OR OR", "-a", "a -", "*", "a*", "NEAR(a b)", "a:b",
    "title:x", "(", ")", "^", "'", "\\", "&", "<script>alert(1)</script>", "a" * 3000, " ", "",
]  # fmt: skip
VALUES = CONTROL + UNICODE + NUMBERS
FEW = ["%00", "é", "²", "9" * 40, "-1", "a" * 3000]

LIST_PARAMETERS = [
    "q", "country", "vendor", "vendor_country", "sector", "topic", "author", "year", "from", "to", "series",
    "category", "language", "sort", "page",
]  # fmt: skip
# Pages that take the list's filters, and the parameters of their own.
FILTERED_PAGES = {
    "/memos/": [],
    "/feeds/memos.atom": [],
    "/memos/facets/country/": [],
    "/memos/export/": ["format"],
    "/api/memos/": ["format", "page_size"],
    "/analysis/": ["group"],
    "/analysis/matrix.csv": ["group"],
}
OAI_ARGUMENTS = ["verb", "metadataPrefix", "identifier", "from", "until", "set", "resumptionToken"]
ADMIN_LISTS = {
    "memo": [
        "year", "category", "series", "language", "is_published__exact", "mentions", "review", "q", "o",
        "p", "published__year", "published__month", "published__day", "all", "e",
    ],
    "mention": ["verdict__exact", "kind", "q", "memo__id__exact", "o", "p"],
    "author": ["q", "o", "p"],
    "topic": ["q", "o", "p"],
    "vendor": ["sector__exact", "country__code__exact", "q"],
    "country": ["q", "o"],
    "importrecord": ["status__exact", "created_at__year", "q"],
    "vendorcandidate": ["status", "q", "o", "p"],
    "job": ["created_at__year", "created_at__month", "q", "o", "p"],
}  # fmt: skip


@pytest.fixture
def archive(reference_data):
    return build_archive()


def encoded(value: str) -> str:
    return value if value.startswith("%") else quote(value, safe="")


def unacceptable(client: Client, paths: list[str], parameters: list[str], values: list[str]) -> list[str]:
    """Requests, of every parameter of every path with every value, that got another answer."""
    bad = []
    for path in paths:
        for name in parameters:
            for value in values:
                query = f"{name}={encoded(value)}"
                status = client.get(f"{path}?{query}").status_code
                if status not in ACCEPTABLE:
                    bad.append(f"{status} {path}?{query[:80]}")
    return bad


@pytest.fixture
def hostile_client(client, settings):
    client.raise_request_exception = False  # a 500 is a status to report, with all the others
    # Thousands of requests from one address: the API's throttle (tested in test_api) would answer 429.
    unthrottled = {"DEFAULT_THROTTLE_RATES": {"anon": "1000000/second"}}
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, **unthrottled}
    return client


@pytest.mark.parametrize("path", FILTERED_PAGES)
def test_the_list_and_every_page_that_takes_its_filters(hostile_client, archive, path):
    bad = unacceptable(hostile_client, [path], [*LIST_PARAMETERS, *FILTERED_PAGES[path]], VALUES)
    bad += unacceptable(hostile_client, [path], ["q"], WEBSEARCH)
    assert bad == []


def test_oai_pmh_answers_oai_errors(hostile_client, archive):
    bad = unacceptable(hostile_client, ["/oai/"], OAI_ARGUMENTS, VALUES)
    for verb in ("GetRecord", "ListRecords", "ListIdentifiers", "ListSets", "Identify"):
        bad += unacceptable(hostile_client, [f"/oai/?verb={verb}"], OAI_ARGUMENTS[1:], FEW)
    assert bad == []


def test_every_other_public_page(hostile_client, archive):
    memo = archive["cameras"]
    paths = [
        "/", memo.get_absolute_url(), f"/memos/{memo.slug}/cite.ris", f"/memos/{memo.slug}/cite.bib",
        "/authors/", "/authors/alice-adams/", "/topics/", "/topics/surveillance/", "/countries/",
        "/countries/KZ/", "/vendors/", "/vendors/acme-vision/", "/sitemap.xml", "/robots.txt",
        f"/memos/{memo.slug}/cite.json", f"/api/memos/{memo.slug}/", "/api/authors/", "/api/topics/",
        "/api/countries/", "/api/vendors/", "/api/schema/", "/api/docs/", f"/id/memo/{memo.pk}/",
    ]  # fmt: skip
    assert unacceptable(hostile_client, paths, ["page", "p", "q", "x\x00"], FEW) == []


@pytest.mark.parametrize(
    "segment",
    ["%00", "%01", "%FF", "%ED%A0%80", "..%2F..%2Fetc%2Fpasswd", "ZZ", "zz", "é", "9" * 40, "a" * 300, "%20"],
)
def test_hostile_path_segments(hostile_client, archive, segment):
    patterns = [
        "/memos/{}/", "/memos/{}/cite.ris", "/memos/{}/cite.json", "/authors/{}/", "/topics/{}/",
        "/countries/{}/", "/vendors/{}/", "/memos/facets/{}/", "/api/memos/{}/", "/api/authors/{}/",
        "/id/memo/{}/", "/id/author/{}/",
    ]  # fmt: skip
    for pattern in patterns:
        status = hostile_client.get(pattern.format(segment)).status_code
        assert status in ACCEPTABLE, f"{status} {pattern.format(segment)}"


def test_every_admin_list_and_its_filters(admin_client, archive):
    admin_client.raise_request_exception = False
    bad = []
    for model, parameters in ADMIN_LISTS.items():
        bad += unacceptable(admin_client, [f"/admin/memos/{model}/"], parameters, FEW)
    assert bad == []

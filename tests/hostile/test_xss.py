"""XSS: payloads in every field an import fills, checked wherever the fields are shown (pages, feed,
sitemap, citations, export, admin). Chromium runs the pages and reports any dialog a payload opened."""

import csv
import io
import re
import xml.etree.ElementTree as ET
from html import escape

import pytest
from django.contrib.auth.models import User
from django.test import Client

from memos.models import Memo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery-staple"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
PAYLOAD = '<img src=x onerror=alert("{0}")><script>alert("{0}")</script>"\'><svg onload=alert("{0}")>'


def payload(field: str) -> str:
    """The payload for one field, as a page's markup writes it in an attribute or text."""
    return escape(PAYLOAD.format(field))


PARAGRAPHS = "".join(
    f"<p>Kazakhstan buys cameras from Hikvision {payload(f'body{n}')} for Almaty. "
    "<a href=\"javascript:alert('link')\">a link</a></p>"
    for n in range(6)
)
HOSTILE_PAGE = f"""<html lang="en"><head><meta charset="utf-8"><title>Cameras {payload("tag")}</title>
<meta name="citation_title" content="Cameras in Almaty {payload("title")}">
<meta name="citation_author" content="Alice {payload("author")}">
<meta name="citation_publication_date" content="2019/04/01">
<meta property="article:tag" content="=HYPERLINK(&quot;http://evil.example/&quot;,&quot;x&quot;)">
<meta property="article:tag" content="Surveillance {payload("topic")}">
<meta property="article:section" content="Policy Memos {payload("category")}">
<meta property="og:description" content="Summary {payload("summary")}">
<meta name="citation_pdf_url" content="javascript:alert('pdf')">
<link rel="canonical" href="https://example.org/memo?x=&quot;&gt;&lt;script&gt;alert('url')&lt;/script&gt;">
</head><body><article><h1>Cameras in Almaty {payload("h1")}</h1>{PARAGRAPHS}
<div class="author-bio"><p>Alice studies cities {payload("bio")}</p></div>
</article></body></html>"""


@pytest.fixture
def hostile_memo(import_memos, tmp_path):
    (tmp_path / "hostile.html").write_text(HOSTILE_PAGE, encoding="utf-8")
    out, err, code = import_memos(tmp_path / "hostile.html")
    assert code == 0, err
    memo = Memo.objects.get()
    # Every field the payload went into kept it, as text: the point is that nothing runs it.
    assert 'alert("title")' in memo.title and 'alert("summary")' in memo.summary
    assert 'alert("bio")' in memo.bio and 'alert("body0")' in memo.body_text
    assert 'alert("author")' in memo.authorships.get().author.name
    assert 'alert("category")' in memo.category
    return memo


def test_no_payload_runs_on_any_page_or_in_the_admin(live_server, page, hostile_memo):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(f"{page.url}: {dialog.message}"), dialog.dismiss()))
    memo = hostile_memo
    author = memo.authorships.get().author
    topic = memo.topics.exclude(name__startswith="=").get()
    urls = [
        "/", "/memos/", "/memos/?q=cameras", memo.get_absolute_url(), author.get_absolute_url(),
        topic.get_absolute_url(), "/authors/", "/topics/", "/countries/", "/countries/KZ/",
        "/vendors/", "/vendors/hikvision/", f"/memos/?author={author.slug}", "/memos/facets/topic/",
        "/analysis/", "/memos/?country=KZ&vendor=hikvision&sort=mentions", "/api/docs/",
        f"/api/memos/{memo.slug}/", f"/id/memo/{memo.pk}/",
    ]  # fmt: skip
    for url in urls:
        response = page.goto(live_server.url + url)
        assert response.status == 200, url
    User.objects.create_superuser("curator", "curator@example.org", PASSWORD)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "curator")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    admin_urls = [
        "/admin/memos/memo/", f"/admin/memos/memo/{memo.pk}/change/", f"/admin/memos/memo/{memo.pk}/history/",
        "/admin/memos/mention/", "/admin/memos/author/", f"/admin/memos/author/{author.pk}/change/",
        "/admin/memos/topic/", "/admin/memos/importrecord/", "/admin/memos/memo/?category=x",
        "/admin/memos/vendorcandidate/", f"/admin/memos/memo/{memo.pk}/text/", "/admin/memos/job/",
    ]  # fmt: skip
    for url in admin_urls:
        response = page.goto(live_server.url + url)
        assert response.status == 200, url
    assert dialogs == []


def test_the_feed_summary_is_text_to_a_reader_that_renders_html(live_server, page, hostile_memo):
    feed = ET.fromstring(page.request.get(f"{live_server.url}/feeds/memos.atom").body())
    (summary,) = [entry.find(f"{ATOM}summary") for entry in feed.findall(f"{ATOM}entry")]
    assert summary.get("type") == "html"
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    # What a feed reader does with <summary type="html">: parse it as HTML and show it.
    page.set_content(f"<!doctype html><body>{summary.text}</body>")
    page.wait_for_timeout(200)  # an <img onerror> fires once the image fails to load
    assert dialogs == []
    assert page.inner_text("body") == hostile_memo.summary


def test_citations_sitemap_and_export_keep_their_structure(client, hostile_memo):
    memo = hostile_memo
    ris = client.get(f"/memos/{memo.slug}/cite.ris").content.decode()
    lines = ris.split("\r\n")[:-1]
    assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - .*", line) for line in lines), lines
    assert [line[:2] for line in lines].count("TY") == [line[:2] for line in lines].count("ER") == 1
    bibtex = client.get(f"/memos/{memo.slug}/cite.bib").content.decode()
    depth = 0
    for ch in re.sub(r"\\[{}]", "", bibtex):
        depth += {"{": 1, "}": -1}.get(ch, 0)
        assert depth >= 0
    assert depth == 0
    sitemap = ET.fromstring(client.get("/sitemap.xml").content)
    assert all(loc.text.startswith("http://testserver/") for loc in sitemap.iter(f"{SITEMAP}loc"))
    admin = Client()
    admin.force_login(User.objects.create_superuser("exporter", "exporter@example.org", PASSWORD))
    response = admin.post("/admin/memos/memo/", {"action": "export_csv", "_selected_action": [memo.pk]})
    (row,) = list(csv.DictReader(io.StringIO(response.content.decode())))
    # A spreadsheet runs a cell that starts with "=" as a formula: exported, it starts with "'".
    assert row["topics"].startswith("'=HYPERLINK")
    assert all(not value.startswith(("=", "+", "-", "@")) for value in row.values())
    # The public export and the analysis matrix as CSV, the memo's CSL-JSON and the OAI record.
    public = b"".join(client.get("/memos/export/?format=csv").streaming_content).decode()
    (row,) = list(csv.DictReader(io.StringIO(public.removeprefix("\ufeff"))))
    assert row["topics"].startswith("'=HYPERLINK") and row["title"] == memo.title
    assert all(not value.startswith(("=", "+", "-", "@")) for value in row.values())
    matrix = client.get("/analysis/matrix.csv").content.decode()
    assert all(
        not cell.startswith(("=", "+", "-", "@")) for line in csv.reader(io.StringIO(matrix)) for cell in line
    )
    assert client.get(f"/memos/{memo.slug}/cite.json").json()[0]["title"] == memo.title
    record = client.get("/oai/?verb=ListRecords&metadataPrefix=oai_dc").content
    assert memo.title.encode() not in record  # XML-escaped, never raw markup
    assert ET.fromstring(record) is not None

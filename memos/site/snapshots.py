"""The hot states: the pages readers reach first, whose figures a job recomputes after each write.

They are the home page, the archive's list, the country × vendor matrix, and each value the
list's facets show: the list filtered by that value, and the value's own page (a country, a
vendor, a topic, an author). Besides them, the pages whose figures readers computed most recently
(memos.models.PageRead: combinations of filters, searches), so that a question someone asked is as
quick after the next write. Each is rendered with every cached figure computed afresh
(memos.caching.snapshot_of), so readers of these pages never wait for a count after a write:
until the job has run, they get the figures of the last one (at most SNAPSHOT_MAX_LAG behind).
Any other page is computed by its first reader.
"""

from __future__ import annotations

import contextlib
import logging
from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import Http404, QueryDict
from django.test import RequestFactory
from django.urls import resolve, reverse
from django.utils import timezone

from .. import caching
from ..models import Memo, PageRead
from . import facets

logger = logging.getLogger(__name__)

# A facet's values -> the page of each, where it has one (years and sectors have only the list).
OWN_PAGES = {
    "country": "country_detail",
    "vendor": "vendor_detail",
    "topic": "topic_detail",
    "author": "author_detail",
}


def hot_pages() -> list[str]:
    """Home, the list, and for each value the list's facets show, the list filtered by it and its page."""
    list_url = reverse("memo_list")
    pages = [reverse("home"), list_url, reverse("analysis")]
    for facet in facets.memo_facets(Memo.objects.published(), QueryDict()):
        for value in facet.values:
            pages.append(f"{list_url}?{urlencode({facet.name: value.value})}")
            if facet.name in OWN_PAGES:
                pages.append(reverse(OWN_PAGES[facet.name], args=[value.value]))
    return pages


def recently_read(known: set[str]) -> list[str]:
    """The pages readers computed most recently (at most SNAPSHOT_READ_PAGES, each read within
    SNAPSHOT_READ_DAYS) that are not among `known`; older notes are forgotten."""
    reads = PageRead.objects.filter(read_at__gte=timezone.now() - timedelta(days=settings.SNAPSHOT_READ_DAYS))
    pages = [p for p in reads.order_by("-read_at").values_list("page", flat=True) if p not in known]
    kept = pages[: settings.SNAPSHOT_READ_PAGES]
    PageRead.objects.exclude(page__in=kept).delete()
    return kept


def host() -> str:
    """A host the settings accept, for the requests the refresh renders."""
    for name in settings.ALLOWED_HOSTS:
        if name not in ("*", "") and not name.startswith("."):
            return name
    return "localhost"


def render(page: str) -> None:
    """The page's view, as an anonymous reader's GET request runs it."""
    request = RequestFactory(HTTP_HOST=host()).get(page, secure=True)
    request.user = AnonymousUser()
    # An author or topic whose memos were all unpublished since the list counted them has no page.
    with contextlib.suppress(Http404):
        match = resolve(request.path_info)
        request.resolver_match = match
        match.func(request, *match.args, **match.kwargs)


def refresh() -> int:
    """Compute the figures of every hot page under the current data version; how many pages."""
    started, computed_at = timezone.now(), caching.token()
    list_url = reverse("memo_list")
    caching.snapshot_of(list_url, lambda: render(list_url))
    pages = hot_pages()  # the list's facets, counted just now, say which pages are hot
    for page in pages:
        if page != list_url:
            caching.snapshot_of(page, lambda page=page: render(page))
    for page in recently_read(set(pages)):
        try:
            caching.snapshot_of(page, lambda page=page: render(page))
        except Exception:
            # A page a reader got may fail now (a bug, a parameter a new release refuses): it loses
            # its snapshot, and the other pages still get theirs.
            logger.exception("no snapshot of %s", page)
            continue
        pages.append(page)
    caching.keep_snapshots_of(pages, computed_at, started)
    return len(pages)

"""The Atom feed of memos; it takes the memo list's filter parameters."""

from datetime import UTC, datetime, time
from urllib.parse import urljoin

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from ..models import Memo
from .filters import MemoFilter
from .parameters import clean_form

FEED_SIZE = 30


class CoAuthoredAtomFeed(Atom1Feed):
    """Atom with one <author> per co-author, as RFC 4287 allows; Django's writes one at most."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, path in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.addQuickElement("uri", urljoin(self.feed["link"], path))
            handler.endElement("author")


class MemoFeed(Feed):
    feed_type = CoAuthoredAtomFeed

    def get_object(self, request):
        memo_filter = MemoFilter(request.GET, queryset=Memo.objects.published())
        clean_form(memo_filter.form)
        return memo_filter

    def title(self, memo_filter):
        chosen = "; ".join(f"{chip.title}: {chip.label}" for chip in memo_filter.chips())
        return f"Policy memos — {chosen}" if chosen else "Policy memos"

    def link(self, memo_filter):
        query = memo_filter.params().urlencode()
        return reverse("memo_list") + (f"?{query}" if query else "")

    def subtitle(self, memo_filter):
        return "The newest policy memos in the archive that match these filters."

    def items(self, memo_filter):
        return memo_filter.qs.with_listing_data()[:FEED_SIZE]

    def item_title(self, memo):
        return memo.title

    def item_description(self, memo):
        # Atom1Feed sends this as <summary type="html">, escaped for XML only: a reader parses it
        # as HTML. The summary is plain text (an imported og:description may hold markup), so it
        # is escaped for HTML here, and readers show it as written.
        return escape(memo.summary)

    def item_extra_kwargs(self, memo):
        return {"authors": [(author.name, author.get_absolute_url()) for author in memo.author_list]}

    def item_pubdate(self, memo):
        # An undated memo has no <published>: the import time is not its date (<updated> says when
        # the record last changed).
        if memo.published is None:
            return None
        return datetime.combine(memo.published, time(), tzinfo=UTC)

    def item_updateddate(self, memo):
        return memo.updated_at

    def item_categories(self, memo):
        return [topic.name for topic in memo.shown_topics]

"""sitemap.xml: the published memos and the entity pages readers can reach."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Q
from django.urls import reverse

from ..models import Author, Country, Memo, Mention, Topic, Vendor


class MemoSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Memo.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, memo):
        return memo.updated_at


class PublishedEntitySitemap(Sitemap):
    """Authors, topics, countries or vendors that at least one published memo names."""

    changefreq = "weekly"
    priority = 0.5

    def __init__(self, model, published: Q):
        self.model, self.published = model, published

    def items(self):
        return self.model.objects.filter(self.published).distinct().order_by("pk")


class PageSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        return ["home", "memo_list", "author_list", "topic_list", "country_list", "vendor_list"]

    def location(self, name):
        return reverse(name)


COUNTED = {"mentions__verdict__in": Mention.COUNTED, "mentions__memo__is_published": True}
SITEMAPS = {
    "pages": PageSitemap,
    "memos": MemoSitemap,
    "authors": PublishedEntitySitemap(Author, Q(authorships__memo__is_published=True)),
    "topics": PublishedEntitySitemap(Topic, Q(memotopic__memo__is_published=True, memotopic__echo=False)),
    "countries": PublishedEntitySitemap(Country, Q(**COUNTED)),
    "vendors": PublishedEntitySitemap(Vendor, Q(**COUNTED)),
}

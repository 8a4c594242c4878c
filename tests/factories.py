"""Test data: factory_boy factories for memos and what they link to, and a small archive built from them."""

from datetime import date

import factory
from factory.django import DjangoModelFactory

from memos.models import (
    Author,
    Authorship,
    Memo,
    Mention,
    Topic,
    Vendor,
    base_slug,
    normalize_name,
    unique_slug,
)


class NamedEntityFactory(DjangoModelFactory):
    """Asking for a name the archive has (in any spelling normalize_name folds) gives that row."""

    class Meta:
        abstract = True
        django_get_or_create = ("key",)

    key = factory.LazyAttribute(lambda entity: normalize_name(entity.name))


class AuthorFactory(NamedEntityFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Author {n}")


class TopicFactory(NamedEntityFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Topic {n}")


class VendorFactory(DjangoModelFactory):
    """A vendor; asking for a slug the archive has (the reference vendors among them) gives that row."""

    class Meta:
        model = Vendor
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Vendor {n}")
    slug = factory.LazyAttribute(
        lambda vendor: base_slug(vendor.name, Vendor._meta.get_field("slug").max_length)
    )


class MemoFactory(DjangoModelFactory):
    """A published memo with a summary and a body; its links come from the arguments below.

    `authors`: Authors or names, in byline order (`authors__reverse=True` saves them last first,
    so that only `position` can put them in order). `topics`: Topics or names, linked in order.
    `countries` and `vendors`: {code or vendor slug: count}, or {key: (count, verdict)}.
    """

    class Meta:
        model = Memo
        # The hooks write link rows; the memo's own row needs no second save.
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Memo {n}")
    slug = factory.LazyAttribute(lambda memo: unique_slug(Memo, memo.title))
    published = date(2020, 1, 1)
    summary = factory.LazyAttribute(lambda memo: f"Summary of {memo.title}.")
    body_html = factory.LazyAttribute(lambda memo: f"<p>Body of {memo.title}.</p>")
    body_text = factory.LazyAttribute(lambda memo: f"Body of {memo.title}.")

    @factory.post_generation
    def authors(memo, create, authors, reverse=False, **kwargs):
        if not create or not authors:
            return
        byline = list(enumerate(authors))
        for position, author in reversed(byline) if reverse else byline:
            if not isinstance(author, Author):
                author = AuthorFactory(name=author)
            AuthorshipFactory(memo=memo, author=author, position=position)

    @factory.post_generation
    def topics(memo, create, topics, **kwargs):
        if not create or not topics:
            return
        for topic in topics:
            memo.topics.add(topic if isinstance(topic, Topic) else TopicFactory(name=topic))

    @factory.post_generation
    def countries(memo, create, mentions, **kwargs):
        if not create or not mentions:
            return
        for code, value in mentions.items():
            count, verdict = value if isinstance(value, tuple) else (value, Mention.AUTO)
            MentionFactory(memo=memo, country_id=code, count=count, verdict=verdict)

    @factory.post_generation
    def vendors(memo, create, mentions, **kwargs):
        if not create or not mentions:
            return
        for slug, value in mentions.items():
            count, verdict = value if isinstance(value, tuple) else (value, Mention.AUTO)
            MentionFactory(memo=memo, vendor=Vendor.objects.get(slug=slug), count=count, verdict=verdict)


class PonarsMemoFactory(MemoFactory):
    """PONARS Eurasia Policy Memo No. 590 of April 2019, as the citation tests cite it.

    Its source is its page on ponarseurasia.org, one per slug as the unique source_url requires.
    Bylines are saved last author first, so that only `position` can put them in order.
    """

    title = "Waving the EU Flag in Eurasia"
    memo_number = 590
    published = date(2019, 4, 15)
    source_url = factory.LazyAttribute(lambda memo: f"https://www.ponarseurasia.org/{memo.slug}/")
    authors__reverse = True


class AuthorshipFactory(DjangoModelFactory):
    class Meta:
        model = Authorship

    memo = factory.SubFactory(MemoFactory)
    author = factory.SubFactory(AuthorFactory)
    position = 0


class MentionFactory(DjangoModelFactory):
    """A mention of the country `country_id` (Russia unless told) or, given one, of `vendor`."""

    class Meta:
        model = Mention

    memo = factory.SubFactory(MemoFactory)
    vendor = None
    country_id = factory.LazyAttribute(lambda mention: None if mention.vendor else "RU")
    count = 1
    verdict = Mention.AUTO
    context = factory.LazyAttribute(
        lambda mention: (
            f"{mention.vendor.slug if mention.vendor else mention.country_id} "
            f"appears in {mention.memo.title}."
        )
    )


def make_memo(title, published, authors=(), topics=(), countries=None, vendors=None, **fields):
    """MemoFactory with the title and date first, as older tests call it."""
    return MemoFactory(
        title=title,
        published=published,
        authors=authors,
        topics=topics,
        countries=countries,
        vendors=vendors,
        **fields,
    )


def build_archive():
    """Six memos, one unpublished and one undated, with overlapping countries, vendors and topics."""
    VendorFactory(name="Acme Vision", sector="surveillance", country_id="CN")
    VendorFactory(name="Borealis Networks", sector="telecom")
    memos = {
        "cameras": MemoFactory(
            title="Cameras in Almaty",
            published=date(2019, 4, 1),
            authors=["Alice Adams"],
            topics=["Surveillance"],
            countries={"KZ": 3, "CN": 1},
            vendors={"acme-vision": 2},
            category="Policy Memos",
            series="2",
            memo_number=101,
            language="en",
            pdf_url="https://example.org/pepm101.pdf",
            bio="Alice Adams studies cities.",
        ),
        "spectrum": MemoFactory(
            title="Spectrum Wars in Russia",
            published=date(2020, 5, 10),
            authors=["Boris Brown", "Alice Adams"],
            topics=["Telecom"],
            countries={"RU": 4, "KZ": (2, Mention.REJECTED)},
            vendors={"borealis-networks": 1},
            category="Policy Memos",
            series="2",
            memo_number=102,
            language="en",
            pdf_url="javascript:alert(1)",
        ),
        "cyber": MemoFactory(
            title="Cyber Defense in Ukraine",
            published=date(2021, 2, 20),
            authors=["Carla Cruz"],
            topics=["Security", "Surveillance"],
            countries={"UA": 5, "RU": 2},
            vendors={"acme-vision": (1, Mention.CONFIRMED)},
            category="Policy Memos",
            series="2",
            memo_number=103,
            language="en",
        ),
        "draft": MemoFactory(
            title="Unpublished Draft on Georgia",
            published=date(2020, 1, 1),
            authors=["Dmitri Draft"],
            topics=["Secret Topic"],
            countries={"GE": 2, "RU": 1},
            is_published=False,
        ),
        "russian": MemoFactory(
            title="Камеры в Москве",
            published=date(2018, 6, 1),
            authors=["Boris Brown"],
            topics=["Telecom"],
            countries={"RU": 1, "KZ": 1},
            category="Аналитика",
            series="2",
            memo_number=104,
            language="ru",
        ),
        "undated": MemoFactory(
            title="An Undated <script>alert('x')</script> Note",
            published=None,
            authors=["Carla Cruz"],
            countries={"CN": 1},
            language="en",
        ),
    }
    return memos

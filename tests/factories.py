"""Test data: memos with their authors, topics and mentions, and a small archive built from them."""

from datetime import date

from memos.models import Author, Authorship, Memo, Mention, Topic, Vendor, unique_slug


def make_memo(title, published, authors=(), topics=(), countries=None, vendors=None, **fields):
    """A memo with its authors, topics and mentions; mentions are {key: count} or {key: (count, verdict)}."""
    fields.setdefault("summary", f"Summary of {title}.")
    fields.setdefault("body_html", f"<p>Body of {title}.</p>")
    fields.setdefault("body_text", f"Body of {title}.")
    memo = Memo.objects.create(title=title, slug=unique_slug(Memo, title), published=published, **fields)
    for position, name in enumerate(authors):
        author = Author.objects.filter(name=name).first() or Author.objects.create(name=name)
        Authorship.objects.create(memo=memo, author=author, position=position)
    memo.topics.set([Topic.objects.filter(name=n).first() or Topic.objects.create(name=n) for n in topics])
    for kind, mentions in (("country", countries or {}), ("vendor", vendors or {})):
        for key, value in mentions.items():
            count, verdict = value if isinstance(value, tuple) else (value, Mention.AUTO)
            subject = {"country_id": key} if kind == "country" else {"vendor": Vendor.objects.get(slug=key)}
            Mention.objects.create(
                memo=memo, count=count, verdict=verdict, context=f"{key} appears in {title}.", **subject
            )
    return memo


def build_archive():
    """Six memos, one unpublished and one undated, with overlapping countries, vendors and topics."""
    Vendor.objects.create(name="Acme Vision", slug="acme-vision", sector="surveillance", country_id="CN")
    Vendor.objects.create(name="Borealis Networks", slug="borealis-networks", sector="telecom")
    memos = {
        "cameras": make_memo(
            "Cameras in Almaty",
            date(2019, 4, 1),
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
        "spectrum": make_memo(
            "Spectrum Wars in Russia",
            date(2020, 5, 10),
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
        "cyber": make_memo(
            "Cyber Defense in Ukraine",
            date(2021, 2, 20),
            authors=["Carla Cruz"],
            topics=["Security", "Surveillance"],
            countries={"UA": 5, "RU": 2},
            vendors={"acme-vision": (1, Mention.CONFIRMED)},
            category="Policy Memos",
            series="2",
            memo_number=103,
            language="en",
        ),
        "draft": make_memo(
            "Unpublished Draft on Georgia",
            date(2020, 1, 1),
            authors=["Dmitri Draft"],
            topics=["Secret Topic"],
            countries={"GE": 2, "RU": 1},
            is_published=False,
        ),
        "russian": make_memo(
            "Камеры в Москве",
            date(2018, 6, 1),
            authors=["Boris Brown"],
            topics=["Telecom"],
            countries={"RU": 1, "KZ": 1},
            category="Аналитика",
            series="2",
            memo_number=104,
            language="ru",
        ),
        "undated": make_memo(
            "An Undated <script>alert('x')</script> Note",
            None,
            authors=["Carla Cruz"],
            countries={"CN": 1},
            language="en",
        ),
    }
    return memos

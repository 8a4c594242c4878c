"""The archive's vocabulary: memos, their authors and topics, and what they mention."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import slugify

from . import changes


def normalize_name(name: str) -> str:
    """The form under which two spellings of one person or topic are the same.

    Whitespace is collapsed, typographic quotes become plain ones, and case is folded,
    so "Erica  Marat", "erica marat" and "ERICA MARAT" are one author.
    """
    table = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " "})
    return " ".join(name.translate(table).split()).casefold()


def unique_slug(model: type[models.Model], text: str, max_length: int = 200) -> str:
    """A slug for `text` that no row of `model` uses yet (suffixes -2, -3, ...)."""
    base = slugify(text, allow_unicode=False)[: max_length - 8].strip("-") or "item"
    slug, n = base, 1
    while model._default_manager.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


class TouchingQuerySet(models.QuerySet):
    """Bulk writes that send no signals note the memos they touch (memos.changes), as saves do.

    `update()` (which bulk_update() calls too) reads the memos of the rows it is about to change;
    `bulk_create()` knows them from the new rows. Subclasses say which memos a row belongs to.
    """

    def memo_ids(self) -> list[int]:
        raise NotImplementedError

    def created_memo_ids(self, rows) -> list[int]:
        return []

    def update(self, **kwargs) -> int:
        with changes.writes():
            changes.touched(self.memo_ids())
            return super().update(**kwargs)

    def bulk_create(self, objs, *args, **kwargs):
        with changes.writes():
            rows = super().bulk_create(objs, *args, **kwargs)
            changes.touched(self.created_memo_ids(rows))
        return rows


class LinkQuerySet(TouchingQuerySet):
    """Rows that belong to one memo each: mentions, authorships, topic links."""

    def memo_ids(self) -> list[int]:
        return list(self.order_by().values_list("memo_id", flat=True).distinct())

    def created_memo_ids(self, rows) -> list[int]:
        return [row.memo_id for row in rows]


class EntityQuerySet(TouchingQuerySet):
    """Authors, topics, countries and vendors: their memos are searched by their names."""

    memo_link: str  # the link rows' field that points at the entity

    def memo_ids(self) -> list[int]:
        links = self.model.memo_links().filter(**{f"{self.model.memo_link}__in": self.values("pk")})
        return list(links.order_by().values_list("memo_id", flat=True).distinct())


class NamedEntity(models.Model):
    """Authors and topics: a display name, a slug, and a normalized key that is unique.

    `aliases` holds normalized names merged into this row, so later imports of the
    merged spelling land here.
    """

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    key = models.CharField(max_length=200, unique=True, editable=False)
    aliases = models.JSONField(default=list, blank=True)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.key = normalize_name(self.name)
        if not self.slug:
            self.slug = unique_slug(type(self), self.name)
        super().save(*args, **kwargs)


class Author(NamedEntity):
    memo_link = "author"
    objects = EntityQuerySet.as_manager()

    def get_absolute_url(self) -> str:
        return reverse("author_detail", args=[self.slug])

    @staticmethod
    def memo_links() -> models.QuerySet:
        return Authorship.objects.all()


class Topic(NamedEntity):
    memo_link = "topic"
    objects = EntityQuerySet.as_manager()

    def get_absolute_url(self) -> str:
        return reverse("topic_detail", args=[self.slug])

    @staticmethod
    def memo_links() -> models.QuerySet:
        return MemoTopic.objects.all()


class Country(models.Model):
    """An ISO 3166-1 country; rows come from pycountry (see memos/reference.py)."""

    code = models.CharField("ISO code", max_length=2, primary_key=True)
    name = models.CharField(max_length=100, db_index=True)

    memo_link = "country"
    objects = EntityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "countries"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("country_detail", args=[self.code])

    @staticmethod
    def memo_links() -> models.QuerySet:
        return Mention.objects.all()


class Vendor(models.Model):
    """A technology vendor; curated by editors. Matching is case-sensitive on name and aliases."""

    SECTORS = [
        ("surveillance", "Surveillance"),
        ("telecom", "Telecom"),
        ("ai", "AI"),
        ("cloud", "Cloud"),
        ("hardware", "Hardware"),
        ("security", "Security"),
        ("software", "Software"),
    ]

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    aliases = models.JSONField(default=list, blank=True, help_text="Other spellings, as a list.")
    country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.SET_NULL, related_name="vendors"
    )
    sector = models.CharField(max_length=20, choices=SECTORS, blank=True, db_index=True)

    memo_link = "vendor"
    objects = EntityQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Vendor, self.name)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("vendor_detail", args=[self.slug])

    @staticmethod
    def memo_links() -> models.QuerySet:
        return Mention.objects.all()


class MemoQuerySet(TouchingQuerySet):
    def memo_ids(self) -> list[int]:
        return list(self.values_list("pk", flat=True))

    def created_memo_ids(self, rows) -> list[int]:
        return [row.pk for row in rows]

    def published(self):
        return self.filter(is_published=True)

    def set_published(self, value: bool) -> list[int]:
        """Publish (or unpublish) these memos; the ids of those that changed."""
        ids = list(self.filter(is_published=not value).values_list("pk", flat=True))
        type(self)(self.model).filter(pk__in=ids).update(is_published=value)
        return ids

    def for_country(self, code: str):
        return self.filter(
            mentions__country_id=code.upper(), mentions__verdict__in=Mention.COUNTED
        ).distinct()

    def for_vendor(self, slug: str):
        return self.filter(mentions__vendor__slug=slug, mentions__verdict__in=Mention.COUNTED).distinct()

    def with_listing_data(self):
        """The one place list pages fetch what they show beside each memo."""
        return self.prefetch_related(
            models.Prefetch(
                "authorships", queryset=Authorship.objects.select_related("author").order_by("position")
            ),
            "topics",
        )


class Memo(models.Model):
    LANGUAGES = [("en", "English"), ("ru", "Russian")]

    title = models.CharField(max_length=500)
    slug = models.SlugField(max_length=200, unique=True)
    published = models.DateField(null=True, blank=True, db_index=True)
    memo_number = models.PositiveIntegerField(null=True, blank=True, db_index=True)
    series = models.CharField(max_length=50, blank=True, db_index=True)
    category = models.CharField(max_length=100, blank=True, db_index=True)
    language = models.CharField(max_length=8, blank=True, db_index=True)
    summary = models.TextField(blank=True)
    body_html = models.TextField(blank=True, help_text="Sanitized with nh3 on import.")
    body_text = models.TextField(blank=True)
    bio = models.TextField(blank=True)
    pdf_url = models.CharField("PDF", max_length=1000, blank=True)
    source_url = models.CharField(max_length=1000, blank=True, db_index=True)
    content_hash = models.CharField(max_length=64, blank=True, db_index=True)
    word_count = models.PositiveIntegerField(default=0)
    is_published = models.BooleanField(default=True, db_index=True)
    # Field names an editor changed by hand; imports leave them alone.
    edited_fields = models.JSONField(default=list, blank=True, editable=False)
    authors = models.ManyToManyField(Author, through="Authorship", related_name="memos")
    topics = models.ManyToManyField(Topic, through="MemoTopic", blank=True, related_name="memos")
    # PostgreSQL only: filled by memos.search; a plain unused column on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)
    # PostgreSQL only, filled with search_vector: the title, names and the opening of the body,
    # which ranking reads instead of the whole-body vector (see memos.search).
    rank_vector = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MemoQuerySet.as_manager()

    class Meta:
        ordering = ["-published", "-id"]
        get_latest_by = "published"
        constraints = [
            models.UniqueConstraint(
                fields=["source_url"], condition=~Q(source_url=""), name="memo_unique_source_url"
            ),
            models.UniqueConstraint(
                fields=["series", "memo_number", "language"],
                condition=Q(memo_number__isnull=False),
                name="memo_unique_number_in_series",
            ),
        ]
        indexes = [
            models.Index(fields=["is_published", "-published"], name="memo_published_listing"),
            models.Index(fields=["title"], name="memo_title"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("memo_detail", args=[self.slug])

    @property
    def standfirst(self) -> str:
        """The summary, unless it only repeats the opening of the body (as derived ones do)."""
        head = self.summary.rstrip("…")[:80]
        return "" if not head or self.body_text.startswith(head) else self.summary

    @property
    def author_list(self) -> list[Author]:
        return [a.author for a in self.authorships.all()]


class Authorship(models.Model):
    memo = models.ForeignKey(Memo, on_delete=models.CASCADE, related_name="authorships")
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="authorships")
    position = models.PositiveSmallIntegerField(default=0)

    objects = LinkQuerySet.as_manager()

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["memo", "author"], name="authorship_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.author} on {self.memo}"


class MemoTopic(models.Model):
    """A memo's topic; the link rows' ids keep the page's order of topics."""

    memo = models.ForeignKey(Memo, on_delete=models.CASCADE)
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE)

    objects = LinkQuerySet.as_manager()

    class Meta:
        db_table = "memos_memo_topics"  # the table Django made when the link was implicit
        unique_together = [("memo", "topic")]

    def __str__(self) -> str:
        return f"{self.topic} on memo {self.memo_id}"


class MentionQuerySet(LinkQuerySet):
    def counted(self):
        """The mentions the public site counts: not rejected, in a published memo."""
        return self.filter(verdict__in=Mention.COUNTED, memo__is_published=True)

    def set_verdict(self, verdict: str) -> list["Mention"]:
        """Give these mentions an editor's verdict; the mentions that changed, as they were."""
        mentions = list(self.exclude(verdict=verdict).select_related("country", "vendor"))
        Mention.objects.filter(pk__in=[m.pk for m in mentions]).update(verdict=verdict)
        return mentions


class Mention(models.Model):
    """A country or a vendor named in a memo's title and body, with an editor's verdict."""

    AUTO, CONFIRMED, REJECTED = "auto", "confirmed", "rejected"
    VERDICTS = [(AUTO, "Not reviewed"), (CONFIRMED, "Confirmed"), (REJECTED, "Rejected")]
    # Verdicts under which a mention counts on the public site.
    COUNTED = (AUTO, CONFIRMED)

    memo = models.ForeignKey(Memo, on_delete=models.CASCADE, related_name="mentions")
    country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.CASCADE, related_name="mentions"
    )
    vendor = models.ForeignKey(
        Vendor, null=True, blank=True, on_delete=models.CASCADE, related_name="mentions"
    )
    count = models.PositiveIntegerField(default=1)
    context = models.TextField(blank=True)
    verdict = models.CharField(max_length=10, choices=VERDICTS, default=AUTO, db_index=True)

    objects = MentionQuerySet.as_manager()

    class Meta:
        ordering = ["-count"]
        constraints = [
            models.CheckConstraint(
                condition=Q(country__isnull=False, vendor__isnull=True)
                | Q(country__isnull=True, vendor__isnull=False),
                name="mention_country_xor_vendor",
            ),
            models.UniqueConstraint(
                fields=["memo", "country"], condition=Q(country__isnull=False), name="mention_unique_country"
            ),
            models.UniqueConstraint(
                fields=["memo", "vendor"], condition=Q(vendor__isnull=False), name="mention_unique_vendor"
            ),
        ]
        # "Memos mentioning X" (filters, entity pages) and facet counts read only these two
        # columns of the counted mentions: index-only scans, never the wide rows with context.
        indexes = [
            models.Index(
                fields=["country", "memo"],
                condition=Q(verdict__in=("auto", "confirmed"), country__isnull=False),  # COUNTED
                name="mention_counted_country",
            ),
            models.Index(
                fields=["vendor", "memo"],
                condition=Q(verdict__in=("auto", "confirmed"), vendor__isnull=False),  # COUNTED
                name="mention_counted_vendor",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject} in {self.memo_id} ×{self.count}"

    @property
    def subject(self):
        return self.country or self.vendor

    @property
    def is_curated(self) -> bool:
        return self.verdict != self.AUTO


class ImportRecord(models.Model):
    """One import of one page: the history editors see on a memo."""

    memo = models.ForeignKey(
        Memo, null=True, blank=True, on_delete=models.SET_NULL, related_name="import_records"
    )
    source = models.CharField(max_length=1000)
    status = models.CharField(max_length=10)  # created, updated, unchanged, failed
    detail = models.TextField(blank=True)
    content_hash = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.status}: {self.source}"


class MemoFullText(models.Model):
    """SQLite only: a memo's row in the FTS5 table that memos/search/sqlite.py fills and queries.

    Unmanaged: migration 0003 creates the virtual table on SQLite, and PostgreSQL has no such
    table (it searches Memo.search_vector). The model exists so the ORM can join it to Memo
    with proper aliases, which ranking needs: bm25() is only cheap inside such a join.
    """

    memo = models.OneToOneField(
        Memo,
        primary_key=True,
        db_column="rowid",
        db_constraint=False,
        on_delete=models.DO_NOTHING,  # memos.search removes the row when a memo is deleted
        related_name="full_text",
    )
    title = models.TextField()
    names = models.TextField()
    body = models.TextField()
    # FTS5's hidden column named after the table: the left side of MATCH, bm25()'s argument.
    table = models.TextField(db_column="memos_memo_fts")

    class Meta:
        managed = False
        db_table = "memos_memo_fts"

    def __str__(self) -> str:
        return f"search text of memo {self.memo_id}"


class DataVersion(models.Model):
    """One row whose token changes with every write that public pages read (memos/caching.py).

    In the database rather than in a cache so that it changes in the same transaction as the
    data: every worker and app server sees the new token exactly when it sees the new rows.
    """

    token = models.CharField(max_length=32)

    def __str__(self) -> str:
        return self.token

"""The archive's vocabulary: memos, their authors and topics, and what they mention."""

import copy
import re
from urllib.parse import urljoin, urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Count, F, Q
from django.db.models.expressions import OrderBy
from django.db.models.lookups import In
from django.urls import reverse
from django.utils.text import slugify
from unidecode import unidecode

from . import changes
from .ingest.sanitize import URL_MAX_LENGTH, clean_url


def normalize_name(name: str) -> str:
    """The form under which two spellings of one person or topic are the same.

    Whitespace is collapsed, typographic quotes become plain ones, and case is folded,
    so "Erica  Marat", "erica marat" and "ERICA MARAT" are one author.
    """
    table = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " "})
    return " ".join(name.translate(table).split()).casefold()


def title_key(title: str) -> str:
    """The form under which two spellings of one memo title are the same.

    normalize_name() plus: dashes, brackets and punctuation other than letters and digits
    are dropped, so "Russia's 5G Dilemma: Foreign Vendors" and "RUSSIA’S 5G DILEMMA - foreign
    vendors" are one title. Letters stay in their own script.
    """
    text = normalize_name(title)
    return " ".join("".join(ch if ch.isalnum() or ch.isspace() else " " for ch in text).split())[:500]


def base_slug(text: str, max_length: int = 200) -> str:
    """The slug `text` asks for: transliterated into Latin (unidecode), so Cyrillic, Greek or
    Chinese titles and names get readable slugs instead of "item"."""
    return slugify(unidecode(text or ""), allow_unicode=False)[: max_length - 8].strip("-") or "item"


def unique_slug(model: type[models.Model], text: str, max_length: int = 200) -> str:
    """A slug for `text` that no row of `model` uses yet (suffixes -2, -3, ...)."""
    base = base_slug(text, max_length)
    slug, n = base, 1
    while model._default_manager.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


class URLField(models.CharField):
    """A URL column: whatever writes it (an import, the admin, a bulk update), the value stored
    has been through memos.ingest.sanitize.clean_url, as have the values it is compared with."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", URL_MAX_LENGTH)
        super().__init__(*args, **kwargs)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return clean_url(value) if isinstance(value, str) else value

    def pre_save(self, model_instance, add):
        # The instance holds what was stored, so comparing it with a page's URL later holds.
        value = clean_url(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value


class NullsLastIndex(models.Index):
    """An index whose descending expressions may say NULLS LAST, as queries' orders do, on every database.

    PostgreSQL puts NULLs first in a DESC index unless told otherwise. SQLite refuses the words in an
    index, and needs none: its NULLs sort first ascending, so last descending, and its planner walks a
    plain DESC index for ORDER BY ... DESC NULLS LAST. Declared in Meta, not in a migration's SQL, so
    that the table rebuilds SQLite does for later migrations recreate it.
    """

    def create_sql(self, model, schema_editor, using="", **kwargs):
        if schema_editor.connection.vendor != "postgresql":
            plain = copy.copy(self)
            plain.expressions = tuple(
                OrderBy(e.expression, descending=True) if isinstance(e, OrderBy) and e.descending else e
                for e in self.expressions
            )
            return super(NullsLastIndex, plain).create_sql(model, schema_editor, using, **kwargs)
        return super().create_sql(model, schema_editor, using, **kwargs)


class TouchingQuerySet(models.QuerySet):
    """Bulk writes that send no signals note the memos they touch (memos.changes), as saves do.

    `update()` (which bulk_update() calls too) reads the memos of the rows it is about to change;
    `bulk_create()` knows them from the new rows. Subclasses say which memos a row belongs to.
    """

    def memo_ids(self) -> list[int]:
        raise NotImplementedError

    def created_memo_ids(self, rows) -> list[int]:
        return []

    # Whether bulk_create() writes the memos' own rows (so their updated_at is new).
    creates_memos = False

    def update(self, **kwargs) -> int:
        with changes.writes():
            changes.touched(self.memo_ids())
            return super().update(**kwargs)

    def bulk_create(self, objs, *args, **kwargs):
        with changes.writes():
            rows = super().bulk_create(objs, *args, **kwargs)
            changes.touched(self.created_memo_ids(rows), saved=self.creates_memos)
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

    def with_memo_counts(self):
        """`n`: the published memos by each author or about each topic, or that count a mention of
        each country or vendor."""
        counted = {
            "author": Count("authorships", filter=Q(authorships__memo__is_published=True)),
            # A tag that only echoes its memo's year or an author ("2018", "Marat") is not counted.
            "topic": Count("memotopic", filter=Q(memotopic__memo__is_published=True, memotopic__echo=False)),
        }.get(self.model._meta.model_name)
        if counted is None:  # countries and vendors
            counted = Count(
                "mentions__memo",
                filter=Q(mentions__verdict__in=Mention.COUNTED, mentions__memo__is_published=True),
                distinct=True,
            )
        return self.annotate(n=counted)


class Addressed(models.Model):
    """A record whose slug is in its URL: it remembers the slug it was loaded with.

    A save that changes the slug leaves the old one in the redirect table (memos.changes does it,
    for every save), so old links answer 301 to the new page.
    """

    class Meta:
        abstract = True

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        if "slug" in instance.__dict__:
            instance._loaded_slug = instance.slug
        return instance

    def permalink(self) -> str:
        """The address that outlives slug changes and merges: /id/<kind>/<id>/."""
        return reverse("permalink", args=[self._meta.model_name, self.pk])


class NamedEntity(Addressed):
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
        # Case folding may lengthen a name ("ß" is "ss"): the key is cut to its column.
        self.key = normalize_name(self.name)[: self._meta.get_field("key").max_length]
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
    """A country memos mention: ISO 3166-1 (pycountry), the Soviet Union, Yugoslavia and Kosovo."""

    code = models.CharField("ISO code", max_length=2, primary_key=True)
    name = models.CharField(max_length=100, db_index=True)
    historic = models.BooleanField(default=False, help_text="It no longer exists: pages call it former.")

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


class Vendor(Addressed):
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
    creates_memos = True

    def memo_ids(self) -> list[int]:
        return list(self.values_list("pk", flat=True))

    def created_memo_ids(self, rows) -> list[int]:
        return [row.pk for row in rows]

    def bulk_create(self, objs, *args, **kwargs):
        """The memos, and beside each its text row (MemoText): every memo has one, which search
        indexing fills."""
        with changes.writes():
            rows = super().bulk_create(objs, *args, **kwargs)
            MemoText.objects.bulk_create([memo.text_row() for memo in rows], batch_size=250)
        return rows

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

    def with_counted_mentions(self):
        """`counted_mentions`: the mentions the public site counts, with their country or vendor."""
        return self.prefetch_related(
            models.Prefetch(
                "mentions",
                queryset=Mention.objects.filter(verdict__in=Mention.COUNTED)
                .select_related("country", "vendor")
                .order_by("-count", "pk"),
                to_attr="counted_mentions",
            )
        )

    def with_text(self):
        """The memos with their text (MemoText) in the same query, but not its search vectors."""
        return self.select_related("text").defer("text__search_vector", "text__rank_vector")

    def with_listing_data(self):
        """The one place list pages fetch what they show beside each memo: authors in byline order,
        and the topics the public site shows (not echoes of the year or an author; Memo.shown_topics)."""
        return self.prefetch_related(
            models.Prefetch(
                "authorships", queryset=Authorship.objects.select_related("author").order_by("position")
            ),
            models.Prefetch(
                "memotopic_set",
                queryset=MemoTopic.objects.shown().select_related("topic").order_by("topic__name", "id"),
                to_attr="shown_topic_links",
            ),
        )


def text_field(name: str) -> property:
    """A MemoText column read and written as an attribute of the memo (Memo.text_row)."""

    def get(memo):
        return getattr(memo.text_row(), name)

    def set_(memo, value):
        setattr(memo.text_row(), name, value)

    return property(get, set_, doc=f"The memo's {name} (MemoText.{name}).")


class Memo(Addressed):
    LANGUAGES = [("en", "English"), ("ru", "Russian")]

    title = models.CharField(max_length=500)
    # title_key(title), kept by save(): how imports and duplicate checks compare titles.
    title_key = models.CharField(max_length=500, blank=True, db_index=True, editable=False)
    slug = models.SlugField(max_length=200, unique=True)
    published = models.DateField(null=True, blank=True, db_index=True)
    memo_number = models.PositiveIntegerField(null=True, blank=True, db_index=True)
    series = models.CharField(max_length=50, blank=True, db_index=True)
    category = models.CharField(max_length=100, blank=True, db_index=True)
    language = models.CharField(max_length=8, blank=True, db_index=True)
    summary = models.TextField(blank=True)
    # Kept in the memo's MemoText row, read and written here as the memo's own.
    body_html = text_field("body_html")
    body_text = text_field("body_text")
    bio = text_field("bio")
    pdf_url = URLField("PDF", blank=True)
    source_url = URLField(blank=True, db_index=True)
    content_hash = models.CharField(max_length=64, blank=True, db_index=True)
    word_count = models.PositiveIntegerField(default=0)
    is_published = models.BooleanField(default=True, db_index=True)
    # Field names an editor changed by hand; imports leave them alone.
    edited_fields = models.JSONField(default=list, blank=True, editable=False)
    authors = models.ManyToManyField(Author, through="Authorship", related_name="memos")
    topics = models.ManyToManyField(Topic, through="MemoTopic", blank=True, related_name="memos")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MemoQuerySet.as_manager()

    class Meta:
        # Undated memos last, on every database (PostgreSQL puts NULLs first in a plain DESC).
        ordering = [F("published").desc(nulls_last=True), "-id"]
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
            # The list's default order (memos.site.filters.SORTS), over published memos: the list
            # walks it and stops at a page; "the published memos" subqueries read only it.
            NullsLastIndex(
                F("published").desc(nulls_last=True),
                F("id").desc(),
                name="memo_listing_newest",
                condition=Q(is_published=True),
            ),
            models.Index(fields=["title"], name="memo_title"),
            # OAI-PMH lists records in the order of their last change, from/until select on it.
            models.Index(fields=["updated_at", "id"], name="memo_last_change"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        """The memo's row, then its text row (MemoText: written with a new memo, and again when its
        text was read or set), as one write (memos.changes): search indexes the text just saved."""
        self.title_key = title_key(self.title)
        update_fields = kwargs.get("update_fields")
        text_fields = None  # every one
        if update_fields is not None:
            text_fields = set(update_fields) & set(MemoText.TEXT_FIELDS)
            own = set(update_fields) - text_fields
            if "title" in own:
                own.add("title_key")
            kwargs["update_fields"] = own
        adding = self._state.adding
        with changes.writes():
            super().save(*args, **kwargs)
            if adding or text_fields or (text_fields is None and Memo.text.related.is_cached(self)):
                text = self.text_row()
                if text._state.adding:
                    text.save(force_insert=True)
                else:
                    text.save(update_fields=text_fields)

    def get_absolute_url(self) -> str:
        return reverse("memo_detail", args=[self.slug])

    def text_row(self) -> "MemoText":
        """The memo's wide columns, read when first needed: a blank row for a memo that has none yet.

        It points at the memo as the memo now is: a new memo's row gets its id once it is saved.
        """
        try:
            text = self.text
        except MemoText.DoesNotExist:
            text = self.text = MemoText()
        text.memo_id = self.pk
        return text

    @property
    def standfirst(self) -> str:
        """The summary, unless it only repeats the opening of the body (as derived ones do)."""
        from .ingest.boilerplate import strip_boilerplate

        head = self.summary.rstrip("…")[:80]
        return "" if not head or strip_boilerplate(self.body_text).startswith(head) else self.summary

    @property
    def pdf_href(self) -> str:
        """The PDF as an absolute http(s) URL, or "" when there is none to offer.

        Imported pages give the link as written on the page, often relative to that page,
        and a hostile page could give a `javascript:` URL: only http and https become an href.
        """
        url = (self.pdf_url or "").strip()
        if not url:
            return ""
        base = self.source_url if urlsplit(self.source_url or "").scheme in ("http", "https") else ""
        url = urljoin(base, url) if base else url
        return url if urlsplit(url).scheme.lower() in ("http", "https") else ""

    @property
    def author_list(self) -> list[Author]:
        return [a.author for a in self.authorships.all()]

    @property
    def shown_topics(self) -> list[Topic]:
        """The topics the public site shows: every tag but those that echo the year or an author."""
        links = getattr(self, "shown_topic_links", None)
        if links is None:
            links = (
                MemoTopic.objects.shown().filter(memo=self).select_related("topic").order_by("topic__name")
            )
        return [link.topic for link in links]


class MemberOf(In):
    """`pk__member_of=subquery`: the memos among the subquery's ids, found in the order asked for.

    On SQLite, `id IN (subquery)` makes the planner fetch every matched memo by id and sort them all
    (40,000 wide rows for the busiest country) before it takes a page. A unary + keeps the ids from
    being a way to the rows: SQLite builds the set of ids once and tests each memo for membership as
    it walks the list's index (Memo.Meta.indexes) in order, stopping at the page, and counts by
    scanning the narrow published index instead of reading the rows. PostgreSQL plans it as `in`.
    """

    lookup_name = "member_of"

    def as_sqlite(self, compiler, connection):
        sql, params = self.as_sql(compiler, connection)
        return f"+{sql}", params


Memo._meta.pk.register_lookup(MemberOf)


class InArray(In):
    """`pk__in_array=subquery`: the memos among the subquery's ids, as one more branch of an OR.

    PostgreSQL plans `id IN (subquery)` as a join, which cannot share a bitmap scan with the other
    branches of an OR: it walked the whole memo table instead (120 ms at 100,000 memos). As
    `id = ANY(ARRAY(subquery))` the subquery runs once, first, and its ids are read through the
    primary key beside the other branches' indexes, in the same statement. Elsewhere a plain `in`.
    """

    lookup_name = "in_array"

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} = ANY(ARRAY{rhs})", (*lhs_params, *rhs_params)


Memo._meta.pk.register_lookup(InArray)


class MemoTextQuerySet(TouchingQuerySet):
    def memo_ids(self) -> list[int]:
        return list(self.values_list("memo_id", flat=True))

    def created_memo_ids(self, rows) -> list[int]:
        return [row.memo_id for row in rows]


class MemoText(models.Model):
    """A memo's wide columns: its text and search vectors, kilobytes each.

    Out of the memo's own row, so that lists, sorts and counts, which read thousands of memos,
    read narrow rows (SQLite reads a wide row's overflow pages to reach columns past it; PostgreSQL
    scans a heap ten times the size). Every memo has one, written with it (Memo.save, bulk_create).
    """

    TEXT_FIELDS = ("body_html", "body_text", "bio")

    memo = models.OneToOneField(Memo, primary_key=True, on_delete=models.CASCADE, related_name="text")
    body_html = models.TextField(blank=True, help_text="Sanitized with nh3 on import.")
    body_text = models.TextField(blank=True)
    # The page's "About the author(s)" text as a whole; each author's own part is Authorship.bio.
    bio = models.TextField(blank=True)
    # PostgreSQL only: filled by memos.search; a plain unused column on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)
    # PostgreSQL only, filled with search_vector: the title, names and the opening of the body,
    # which ranking reads instead of the whole-body vector (see memos.search).
    rank_vector = SearchVectorField(null=True, editable=False)

    objects = MemoTextQuerySet.as_manager()

    def __str__(self) -> str:
        return f"text of memo {self.memo_id}"


class Authorship(models.Model):
    memo = models.ForeignKey(Memo, on_delete=models.CASCADE, related_name="authorships")
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="authorships")
    position = models.PositiveSmallIntegerField(default=0)
    # This author's own bio as this memo gives it; a joint bio stays on Memo.bio alone.
    bio = models.TextField(blank=True)

    objects = LinkQuerySet.as_manager()

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["memo", "author"], name="authorship_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.author} on {self.memo}"


class MemoTopicQuerySet(LinkQuerySet):
    def shown(self):
        """The links the public site shows: not an echo of the memo's year or an author."""
        return self.filter(echo=False)


class MemoTopic(models.Model):
    """A memo's topic; the link rows' ids keep the page's order of topics."""

    memo = models.ForeignKey(Memo, on_delete=models.CASCADE)
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE)
    # The tag only repeats the memo's year or an author's surname ("2018", "Marat"): kept as
    # imported, but not shown on the public site (memos.topics.mark_echoes keeps it current).
    echo = models.BooleanField(default=False)

    objects = MemoTopicQuerySet.as_manager()

    class Meta:
        db_table = "memos_memo_topics"  # the table Django made when the link was implicit
        unique_together = [("memo", "topic")]
        # Memos about a topic: the topic filter and the topic's page read the memo beside it.
        indexes = [models.Index(fields=["topic", "memo"], name="memo_topics_topic_memo")]

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


class ChoicesIn(In):
    """`in` on a field with choices: on SQLite the values, the field's own choices (never a reader's
    input), are written into the SQL. SQLite matches a partial index's condition only against
    literal values, never bound parameters: with them, "the counted mentions of Russia in these 20
    memos" could not use mention_counted_country, and took 100 ms instead of 0.2 at 100,000 memos.
    """

    def as_sqlite(self, compiler, connection):
        choices = {key for key, _ in self.lhs.output_field.choices or ()}
        values = list(self.rhs) if self.rhs_is_direct_value() else []
        if not values or not all(v in choices and re.fullmatch(r"\w+", v, re.ASCII) for v in values):
            return self.as_sql(compiler, connection)
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} IN ({', '.join(repr(str(v)) for v in values)})", lhs_params


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


Mention._meta.get_field("verdict").register_lookup(ChoicesIn, lookup_name="in")


class StoredPage(models.Model):
    """The raw bytes of an imported page, compressed, stored once however often it is imported.

    `manage.py reparse` reads memos again from these, without the original files.
    """

    # Of the raw bytes; the key, so an import writes its page in one statement, or none.
    sha256 = models.CharField("content hash", max_length=64, primary_key=True)
    data = models.BinaryField()  # zlib-compressed
    size = models.PositiveIntegerField(default=0)  # bytes before compression
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"page {self.sha256[:12]} ({self.size} bytes)"

    @property
    def raw(self) -> bytes:
        import zlib

        return zlib.decompress(bytes(self.data))


class ImportRecord(models.Model):
    """One import of one page: the history editors see on a memo."""

    memo = models.ForeignKey(
        Memo, null=True, blank=True, on_delete=models.SET_NULL, related_name="import_records"
    )
    source = models.CharField(max_length=1000)
    status = models.CharField(max_length=10)  # created, updated, unchanged, failed
    detail = models.TextField(blank=True)
    content_hash = models.CharField(max_length=64, blank=True)  # of the parsed memo (Memo.content_hash)
    # The page as read, and the parser that read it (memos.ingest.PARSER_VERSION).
    page = models.ForeignKey(
        StoredPage, null=True, blank=True, on_delete=models.PROTECT, related_name="import_records"
    )
    parser_version = models.CharField(max_length=40, blank=True)
    url = models.CharField(max_length=1000, blank=True)  # where a fetched page came from
    # The page's title key and first author (memos.ingest.load.identity_of): a memo whose title or
    # byline an editor changed is still found by the pages imported into it before.
    identity = models.CharField(max_length=255, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.status}: {self.source}"


class VendorCandidate(models.Model):
    """An organisation a memo names that looks like a technology company but is not a Vendor yet.

    The importer notes them (memos.ingest.candidates); editors add them as vendors or dismiss
    them in the admin. Never shown on the public site.
    """

    NEW, ADDED, DISMISSED = "new", "added", "dismissed"
    STATUSES = [(NEW, "To review"), (ADDED, "Added as vendor"), (DISMISSED, "Dismissed")]

    name = models.CharField(max_length=200)
    key = models.CharField(max_length=200, unique=True, editable=False)  # normalize_name(name)
    count = models.PositiveIntegerField(default=0)  # times named, over all its memos
    context = models.TextField("first sentence", blank=True)
    status = models.CharField(max_length=10, choices=STATUSES, default=NEW, db_index=True)
    vendor = models.ForeignKey(Vendor, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    memos = models.ManyToManyField(Memo, through="VendorCandidateMemo", related_name="vendor_candidates")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-count", "name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.key:  # the importer keys a candidate by its name without the legal form
            self.key = normalize_name(self.name)
        super().save(*args, **kwargs)


class VendorCandidateMemo(models.Model):
    """One memo naming a candidate: how often, and the first sentence that does."""

    candidate = models.ForeignKey(VendorCandidate, on_delete=models.CASCADE, related_name="links")
    memo = models.ForeignKey(Memo, on_delete=models.CASCADE, related_name="+")
    count = models.PositiveIntegerField(default=1)
    context = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["candidate", "memo"], name="candidate_memo_unique")]

    def __str__(self) -> str:
        return f"{self.candidate} in memo {self.memo_id}"


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


class RedirectQuerySet(models.QuerySet):
    def resolve(self, kind: str, slug: str | None = None, pk: int | None = None):
        """The record that an old slug or a merged row's id of `kind` now points to, or None."""
        found = self.filter(kind=kind, **({"old_slug": slug} if slug is not None else {"old_id": pk}))
        target_id = found.values_list("target_id", flat=True).first()
        if target_id is None:
            return None
        return Redirect.model_of(kind)._default_manager.filter(pk=target_id).first()

    def slug_changed(self, record, old_slug: str) -> None:
        """`record` had `old_slug`: that address now leads to it, and its new slug is live again."""
        kind = Redirect.kind_of(record)
        self.update_or_create(kind=kind, old_slug=old_slug, defaults={"target_id": record.pk})
        self.filter(kind=kind, old_slug=record.slug).delete()

    def merged(self, survivor, merged: list) -> None:
        """`merged` rows are folded into `survivor`: their slugs, ids and old addresses lead to it."""
        kind = Redirect.kind_of(survivor)
        ids = [row.pk for row in merged]
        self.filter(kind=kind, target_id__in=ids).update(target_id=survivor.pk)
        for row in merged:
            self.update_or_create(kind=kind, old_slug=row.slug, defaults={"target_id": survivor.pk})
            self.update_or_create(kind=kind, old_id=row.pk, defaults={"target_id": survivor.pk})


class Redirect(models.Model):
    """An old address of a memo, author, topic or vendor: a slug it had, or a row merged into it.

    Rows point at the record by id, so a record renamed twice, or merged after a rename, answers
    from every address it ever had with its page as it is now. A live slug always wins.
    """

    KINDS = [("memo", "Memo"), ("author", "Author"), ("topic", "Topic"), ("vendor", "Vendor")]

    kind = models.CharField(max_length=10, choices=KINDS)
    old_slug = models.SlugField(max_length=200, blank=True, db_index=False)  # a slug the record had
    old_id = models.BigIntegerField(null=True, blank=True)  # the id of a row merged into the record
    target_id = models.BigIntegerField()  # the record's id now
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RedirectQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "old_slug"], condition=~Q(old_slug=""), name="redirect_unique_slug"
            ),
            models.UniqueConstraint(
                fields=["kind", "old_id"], condition=Q(old_id__isnull=False), name="redirect_unique_id"
            ),
        ]
        indexes = [models.Index(fields=["kind", "target_id"], name="redirect_target")]

    def __str__(self) -> str:
        return f"{self.kind} {self.old_slug or self.old_id} → {self.target_id}"

    @staticmethod
    def kind_of(record) -> str:
        return type(record)._meta.model_name

    @staticmethod
    def model_of(kind: str) -> type[models.Model]:
        return apps.get_model("memos", kind)


class DataVersion(models.Model):
    """One row whose token changes with every write that public pages read (memos/caching.py).

    In the database rather than in a cache so that it changes in the same transaction as the
    data: every worker and app server sees the new token exactly when it sees the new rows.
    """

    token = models.CharField(max_length=32)
    # The pages that have a Snapshot (memos.site.snapshots), read with the token: a request for
    # any other page never asks for one.
    snapshot_pages = models.JSONField(default=list, blank=True)
    # Since when the snapshots' figures are behind the data: the first write after the last
    # refresh, or when a refresh that a write overtook began. None while they are current.
    stale_since = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.token


class Snapshot(models.Model):
    """What one hot page (memos.site.snapshots) read through memos.caching, as the last refresh
    computed it: after a write, readers of that page get these figures until the next refresh.

    In the database, like DataVersion, so that every worker and app server reads what the refresh
    job computed in its own process, with or without a shared cache.
    """

    page = models.CharField(max_length=500, primary_key=True)  # its path and query string
    token = models.CharField(max_length=32)  # the data version the figures were computed at
    values = models.BinaryField()  # pickled {cache key: value}, written only by memos.caching
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.page} at {self.token}"


class PageRead(models.Model):
    """A page whose figures a reader computed (a combination of filters, a search): the refresh job
    keeps snapshots of the most recently read ones too, so that readers who come back to them
    after a write get them at once (memos.site.snapshots)."""

    page = models.CharField(max_length=500, primary_key=True)  # its path and query string
    read_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.page} read at {self.read_at}"


class Job(models.Model):
    """A background job an editor started (memos/tasks.py): who asked, how far it got, what it did.

    Its status lives in the task queue's own row (django_tasks_db's DBTaskResult, `task_id`);
    this row holds what the queue does not.
    """

    kind = models.CharField(max_length=100)
    task_id = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(null=True, blank=True)
    outcome = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.kind} ({self.created_at:%Y-%m-%d %H:%M})" if self.created_at else self.kind

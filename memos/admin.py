"""Curation: editors fix, merge, review, publish and import memos in the Django admin."""

from django.contrib import admin, messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.forms.models import BaseInlineFormSet
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.text import Truncator

from . import admin_views, caching
from .forms import KEPT_FIELD_CHOICES, MemoAdminForm, MentionForm, NamedEntityForm, VendorForm
from .ingest.load import IMPORTED_FIELDS, reextract_mentions
from .models import Author, Authorship, Country, ImportRecord, Memo, Mention, Topic, Vendor
from .search import index_memos

admin.site.site_header = "Memo archive curation"
admin.site.site_title = "Memo archive"
admin.site.index_title = "Curation"


def count_of(model, fk: str, **filters):
    """How many `model` rows point at the outer row, as a subquery (no GROUP BY on the list)."""
    rows = (
        model.objects.filter(**{fk: OuterRef("pk")}, **filters)
        .order_by()
        .values(fk)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), 0)


def changelist_link(model, text, **filters) -> str:
    """A link to `model`'s list, filtered by the relation (e.g. an author's memos)."""
    url = reverse(f"admin:memos_{model._meta.model_name}_changelist")
    return format_html('<a href="{}?{}">{}</a>', url, urlencode(filters), text)


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


# --- list filters -------------------------------------------------------------------------------


class PublishedYearFilter(admin.SimpleListFilter):
    title = "published year"
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = [d.year for d in Memo.objects.dates("published", "year", order="DESC")]
        return [(str(y), str(y)) for y in years] + [("none", "No date")]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "none":
            return queryset.filter(published__isnull=True)
        if value and value.isdigit():
            return queryset.filter(published__year=int(value))
        return queryset


class HasMentionsFilter(admin.SimpleListFilter):
    """Mentions that count publicly: not reviewed yet, or confirmed (rejected ones do not)."""

    title = "has mentions"
    parameter_name = "mentions"

    def lookups(self, request, model_admin):
        return [("any", "Any"), ("countries", "Of countries"), ("vendors", "Of vendors"), ("none", "None")]

    def queryset(self, request, queryset):
        counted = Mention.objects.filter(memo=OuterRef("pk"), verdict__in=Mention.COUNTED)
        match self.value():
            case "any":
                return queryset.filter(Exists(counted))
            case "countries":
                return queryset.filter(Exists(counted.filter(country__isnull=False)))
            case "vendors":
                return queryset.filter(Exists(counted.filter(vendor__isnull=False)))
            case "none":
                return queryset.exclude(Exists(counted))
        return queryset


class NeedsReviewFilter(admin.SimpleListFilter):
    """A memo needs review while any of its mentions is still the machine's guess (verdict auto)."""

    title = "needs review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("yes", "Needs review"), ("no", "Reviewed (no unreviewed mentions)")]

    def queryset(self, request, queryset):
        unreviewed = Exists(Mention.objects.filter(memo=OuterRef("pk"), verdict=Mention.AUTO))
        if self.value() == "yes":
            return queryset.filter(unreviewed)
        if self.value() == "no":
            return queryset.exclude(unreviewed)
        return queryset


class MentionKindFilter(admin.SimpleListFilter):
    title = "kind"
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        return [("country", "Countries"), ("vendor", "Vendors")]

    def queryset(self, request, queryset):
        if self.value() in ("country", "vendor"):
            return queryset.filter(**{f"{self.value()}__isnull": False})
        return queryset


# --- memos --------------------------------------------------------------------------------------


class AuthorshipInline(admin.TabularInline):
    model = Authorship
    fields = ["author", "position"]
    autocomplete_fields = ["author"]
    extra = 0
    verbose_name = "author"
    verbose_name_plural = "Authors, in byline order (position 0 first)"


class MentionInline(admin.TabularInline):
    """The memo's mentions: confirm, reject, or fix a count or snippet (any edit confirms)."""

    model = Mention
    form = MentionForm
    fields = ["subject", "count", "context", "verdict"]
    readonly_fields = ["subject"]
    extra = 0
    formfield_overrides = {models.TextField: {"widget": admin.widgets.AdminTextareaWidget(attrs={"rows": 2})}}
    verbose_name_plural = (
        "Mentions (an edited mention becomes confirmed; reject one to keep it out: "
        "a deleted one comes back on the next extraction)"
    )

    def has_add_permission(self, request, obj=None):
        return False  # new mentions go through MissedMentionInline, which can pick the subject

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("country", "vendor")

    @admin.display(description="country or vendor")
    def subject(self, mention):
        kind = "country" if mention.country_id else "vendor"
        return format_html("{} <small>({})</small>", mention.subject, kind)


class MissedMentionFormSet(BaseInlineFormSet):
    @classmethod
    def get_default_prefix(cls):
        return "missed_mentions"  # not "mentions-2", which reads like a row of MentionInline

    def clean(self):
        super().clean()
        subjects = [
            form.cleaned_data.get("country") or form.cleaned_data.get("vendor")
            for form in self.forms
            if form.has_changed() and getattr(form, "cleaned_data", None)
        ]
        if len(subjects) != len(set(subjects)):
            raise ValidationError("The same country or vendor is added twice.")


class MissedMentionInline(admin.TabularInline):
    """Blank rows to add a mention extraction missed; it is saved as confirmed."""

    model = Mention
    form = MentionForm
    formset = MissedMentionFormSet
    fields = ["country", "vendor", "count", "context"]
    autocomplete_fields = ["country", "vendor"]
    extra = 1
    can_delete = False
    formfield_overrides = MentionInline.formfield_overrides
    verbose_name = "missed mention"
    verbose_name_plural = "Add a missed mention (a country or a vendor)"

    def get_queryset(self, request):
        return super().get_queryset(request).none()


class MemoChangeList(ChangeList):
    def get_queryset(self, request, exclude_parameters=None):
        # The authors column reads the listing prefetch: a fixed number of queries per page.
        return super().get_queryset(request, exclude_parameters).with_listing_data()


@admin.register(Memo)
class MemoAdmin(admin.ModelAdmin):
    form = MemoAdminForm
    list_display = [
        "title", "published", "memo_number", "series", "language", "author_names",
        "mention_links", "unreviewed", "is_published",
    ]  # fmt: skip
    list_filter = [
        PublishedYearFilter, "category", "series", "language", "is_published",
        HasMentionsFilter, NeedsReviewFilter,
    ]  # fmt: skip
    search_fields = ["title", "slug", "authors__name", "source_url"]
    date_hierarchy = "published"
    ordering = ["-published", "-id"]
    list_per_page = 50
    autocomplete_fields = ["topics"]
    inlines = [AuthorshipInline, MentionInline, MissedMentionInline]
    actions = ["publish", "unpublish", "reextract", "export_csv"]
    readonly_fields = [
        "source_url", "content_hash", "word_count", "created_at", "updated_at",
        "related_links", "import_history",
    ]  # fmt: skip
    fieldsets = [
        (None, {"fields": ["title", "slug", "is_published", "published", "memo_number", "series",
                           "category", "language", "topics", "pdf_url"]}),
        ("Text", {"fields": ["summary", "body_html", "body_text", "bio"], "classes": ["collapse"]}),
        ("Curation", {"fields": ["kept_fields", "related_links"]}),
        ("Source and import history", {"fields": ["source_url", "content_hash", "word_count",
                                                  "created_at", "updated_at", "import_history"]}),
    ]  # fmt: skip

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                counted_mentions=count_of(Mention, "memo", verdict__in=Mention.COUNTED),
                unreviewed_mentions=count_of(Mention, "memo", verdict=Mention.AUTO),
            )
        )

    def get_changelist(self, request, **kwargs):
        return MemoChangeList

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("import/", view(self.import_view), name="memos_memo_import"),
            *super().get_urls(),
        ]

    def import_view(self, request):
        return admin_views.import_pages_view(self, request)

    # list columns

    @admin.display(description="authors")
    def author_names(self, memo):
        return ", ".join(a.author.name for a in memo.authorships.all())

    @admin.display(description="mentions", ordering="counted_mentions")
    def mention_links(self, memo):
        return changelist_link(Mention, memo.counted_mentions, memo__id__exact=memo.pk)

    @admin.display(description="to review", ordering="unreviewed_mentions")
    def unreviewed(self, memo):
        return memo.unreviewed_mentions or ""

    # change form

    @admin.display(description="related")
    def related_links(self, memo):
        if not memo.pk:
            return "-"
        history = reverse("admin:memos_memo_history", args=[memo.pk])
        return format_html(
            '{} · {} · <a href="{}">change history</a>',
            changelist_link(Mention, "all mentions", memo__id__exact=memo.pk),
            changelist_link(ImportRecord, "all imports", memo__id__exact=memo.pk),
            history,
        )

    @admin.display(description="import history")
    def import_history(self, memo):
        if not memo.pk:
            return "-"
        records = list(memo.import_records.all()[:10])
        if not records:
            return "Never imported (added by hand)."
        rows = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            ((r.created_at.strftime("%Y-%m-%d %H:%M"), r.status, r.source, r.detail) for r in records),
        )
        return format_html(
            "<table><thead><tr><th>when</th><th>status</th><th>source</th><th>detail</th></tr>"
            "</thead><tbody>{}</tbody></table>",
            rows,
        )

    def save_model(self, request, obj, form, change):
        edited = set(form.cleaned_data.get("kept_fields") or [])
        edited |= set(form.changed_data) & set(IMPORTED_FIELDS)
        if "topics" in form.changed_data:
            edited.add("topics")
        obj.edited_fields = [name for name, _ in KEPT_FIELD_CHOICES if name in edited]
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        memo = form.instance
        authors_changed = any(fs.model is Authorship and fs.has_changed() for fs in formsets)
        if authors_changed and "authors" not in memo.edited_fields:
            memo.edited_fields = [n for n, _ in KEPT_FIELD_CHOICES if n in {*memo.edited_fields, "authors"}]
            Memo.objects.filter(pk=memo.pk).update(edited_fields=memo.edited_fields)
        index_memos([memo.pk])

    def history_view(self, request, object_id, extra_context=None):
        # Django's history of admin changes, plus the imports that wrote this memo.
        records = ImportRecord.objects.none()
        if str(object_id).isdigit():
            records = ImportRecord.objects.filter(memo_id=int(object_id))
        extra_context = {**(extra_context or {}), "import_records": records[:100]}
        return super().history_view(request, object_id, extra_context)

    # actions

    def _set_published(self, request, queryset, value: bool) -> None:
        ids = list(queryset.filter(is_published=not value).values_list("pk", flat=True))
        Memo.objects.filter(pk__in=ids).update(is_published=value)
        caching.changed()  # update() sends no signals
        note = "Published." if value else "Unpublished (hidden from the public site)."
        admin_views.log_on_memos(request, dict.fromkeys(ids, note))
        index_memos(ids)
        verb = "Published" if value else "Unpublished"
        self.message_user(request, f"{verb} {plural(len(ids), 'memo')}.", messages.SUCCESS)

    @admin.action(description="Publish selected memos", permissions=["change"])
    def publish(self, request, queryset):
        self._set_published(request, queryset, True)

    @admin.action(description="Unpublish selected memos (hide from the public site)", permissions=["change"])
    def unpublish(self, request, queryset):
        self._set_published(request, queryset, False)

    @admin.action(description="Re-run mention extraction on selected memos", permissions=["change"])
    def reextract(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        done = reextract_mentions(ids)
        note = "Re-ran mention extraction (curated mentions kept)."
        admin_views.log_on_memos(request, dict.fromkeys(ids, note))
        self.message_user(
            request,
            f"Extracted mentions again in {plural(done, 'memo')}; confirmed and rejected mentions were kept.",
            messages.SUCCESS,
        )

    @admin.action(description="Export selected memos as CSV", permissions=["view"])
    def export_csv(self, request, queryset):
        return admin_views.export_csv(list(queryset.values_list("pk", flat=True)))


# --- authors, topics, vendors: editable, mergeable ----------------------------------------------


class MergeMixin:
    """The "merge selected" action: pick a survivor on a confirmation page, then merge."""

    merge_count_attr = "memo_count"  # the annotation the confirmation page shows per row
    merge_relation = "memo"

    def has_merge_permission(self, request):
        # A merge edits the survivor and deletes the others.
        return self.has_change_permission(request) and self.has_delete_permission(request)

    @admin.action(description="Merge selected %(verbose_name_plural)s…", permissions=["merge"])
    def merge_selected(self, request, queryset):
        return admin_views.merge_selected(self, request, queryset)


class AliasesDisplay:
    @admin.display(description="aliases")
    def alias_list(self, obj):
        return "; ".join(obj.aliases or [])


class NamedEntityAdmin(MergeMixin, AliasesDisplay, admin.ModelAdmin):
    """Authors and topics: the same list, form, memo link and merge action."""

    form = NamedEntityForm
    fields = ["name", "slug", "aliases", "memo_link"]
    readonly_fields = ["memo_link"]
    list_display = ["name", "memo_link", "alias_list"]
    search_fields = ["name", "key", "aliases"]
    ordering = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    actions = ["merge_selected"]
    # The link table to memos and the memo changelist filter that shows one row's memos.
    memo_links: tuple[type, str, str]

    def get_queryset(self, request):
        through, field, _ = self.memo_links
        return super().get_queryset(request).annotate(memo_count=count_of(through, field))

    @admin.display(description="memos", ordering="memo_count")
    def memo_link(self, obj):
        if obj._state.adding:
            return "-"
        _, _, lookup = self.memo_links
        return changelist_link(Memo, plural(obj.memo_count, "memo"), **{lookup: obj.pk})

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "name" in form.changed_data:  # names are in the memos' search index
            index_memos(list(obj.memos.values_list("pk", flat=True)))


@admin.register(Author)
class AuthorAdmin(NamedEntityAdmin):
    memo_links = (Authorship, "author", "authors__id__exact")


@admin.register(Topic)
class TopicAdmin(NamedEntityAdmin):
    memo_links = (Memo.topics.through, "topic", "topics__id__exact")


@admin.register(Vendor)
class VendorAdmin(MergeMixin, AliasesDisplay, admin.ModelAdmin):
    form = VendorForm
    fields = ["name", "slug", "aliases", "country", "sector", "mention_link"]
    readonly_fields = ["mention_link"]
    list_display = ["name", "country", "sector", "mention_link", "alias_list"]
    list_filter = ["sector", ("country", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["country"]
    search_fields = ["name", "slug", "aliases"]
    ordering = ["name"]
    autocomplete_fields = ["country"]
    prepopulated_fields = {"slug": ["name"]}
    actions = ["merge_selected"]
    merge_count_attr = "mention_count"
    merge_relation = "mention"

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(mention_count=count_of(Mention, "vendor"))

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("apply/", view(self.apply_view), name="memos_vendor_apply"),
            *super().get_urls(),
        ]

    def apply_view(self, request):
        return admin_views.apply_vendor_list(self, request)

    @admin.display(description="mentions", ordering="mention_count")
    def mention_link(self, vendor):
        if vendor._state.adding:
            return "-"
        return changelist_link(Mention, plural(vendor.mention_count, "mention"), vendor__id__exact=vendor.pk)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if {"name", "aliases"} & set(form.changed_data):
            self.message_user(
                request,
                "Memos are matched against the new spellings once you apply the vendor list to all memos.",
                messages.INFO,
            )


# --- reference and audit rows -------------------------------------------------------------------


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    fields = ["code", "name", "mention_link"]
    readonly_fields = ["mention_link"]
    list_display = ["name", "code", "mention_link"]
    search_fields = ["name", "=code"]
    ordering = ["name"]

    def get_queryset(self, request):
        counted = count_of(Mention, "country", verdict__in=Mention.COUNTED)
        return super().get_queryset(request).annotate(mention_count=counted)

    @admin.display(description="mentions", ordering="mention_count")
    def mention_link(self, country):
        if country._state.adding:
            return "-"
        return changelist_link(
            Mention, plural(country.mention_count, "mention"), country__code__exact=country.code
        )


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    form = MentionForm
    fields = ["memo", "country", "vendor", "count", "context", "verdict"]
    list_display = ["subject", "memo_link", "count", "verdict", "short_context"]
    list_filter = ["verdict", MentionKindFilter]
    list_select_related = ["memo", "country", "vendor"]
    search_fields = ["memo__title", "country__name", "=country__code", "vendor__name", "context"]
    autocomplete_fields = ["memo", "country", "vendor"]
    actions = ["confirm", "reject"]

    @admin.display(description="country or vendor")
    def subject(self, mention):
        return mention.subject

    @admin.display(description="memo", ordering="memo__title")
    def memo_link(self, mention):
        url = reverse("admin:memos_memo_change", args=[mention.memo_id])
        return format_html('<a href="{}">{}</a>', url, Truncator(mention.memo.title).chars(80))

    @admin.display(description="context")
    def short_context(self, mention):
        return Truncator(mention.context).chars(120)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        verb = "Changed" if change else "Added"
        note = f"{verb} the mention of {obj.subject} in the mentions list: {obj.verdict}, count {obj.count}."
        admin_views.log_on_memos(request, {obj.memo_id: note})
        index_memos([obj.memo_id])

    def delete_queryset(self, request, queryset):
        notes = {}
        for mention in queryset.select_related("country", "vendor"):
            notes.setdefault(mention.memo_id, []).append(str(mention.subject))
        super().delete_queryset(request, queryset)
        admin_views.log_on_memos(
            request, {pk: f"Deleted the mention(s) of {', '.join(names)}." for pk, names in notes.items()}
        )
        index_memos(list(notes))

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        admin_views.log_on_memos(request, {obj.memo_id: f"Deleted the mention of {obj.subject}."})
        index_memos([obj.memo_id])

    def _set_verdict(self, request, queryset, verdict: str) -> None:
        mentions = list(queryset.exclude(verdict=verdict).select_related("country", "vendor"))
        Mention.objects.filter(pk__in=[m.pk for m in mentions]).update(verdict=verdict)
        caching.changed()  # update() sends no signals
        LogEntry.objects.log_actions(request.user.pk, mentions, CHANGE, f"Verdict set to {verdict}.")
        subjects = {}
        for mention in mentions:
            subjects.setdefault(mention.memo_id, []).append(str(mention.subject))
        admin_views.log_on_memos(
            request,
            {pk: f"Marked the mention(s) of {', '.join(names)} {verdict}." for pk, names in subjects.items()},
        )
        index_memos(sorted(subjects))
        self.message_user(request, f"Marked {plural(len(mentions), 'mention')} {verdict}.", messages.SUCCESS)

    @admin.action(description="Confirm selected mentions", permissions=["change"])
    def confirm(self, request, queryset):
        self._set_verdict(request, queryset, Mention.CONFIRMED)

    @admin.action(description="Reject selected mentions", permissions=["change"])
    def reject(self, request, queryset):
        self._set_verdict(request, queryset, Mention.REJECTED)


@admin.register(ImportRecord)
class ImportRecordAdmin(admin.ModelAdmin):
    """Read-only: the record of every import, kept as an audit trail."""

    list_display = ["created_at", "status", "source", "memo_link", "detail"]
    list_filter = ["status"]
    list_select_related = ["memo"]
    search_fields = ["source", "detail", "memo__title"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="memo", ordering="memo__title")
    def memo_link(self, record):
        if record.memo_id is None:
            return "-"
        url = reverse("admin:memos_memo_change", args=[record.memo_id])
        return format_html('<a href="{}">{}</a>', url, Truncator(record.memo.title).chars(80))

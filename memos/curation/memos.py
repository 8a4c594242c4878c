"""The memo admin: its list filters, the authorship and mention inlines, actions and history."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef
from django.forms.models import BaseInlineFormSet
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from .. import tasks
from ..ingest.load import IMPORTED_FIELDS, reextract_mentions
from ..models import Authorship, ImportRecord, Memo, MemoTopic, Mention
from ..site import parameters
from ..topics import mark_echoes
from . import history
from . import views as admin_views
from .columns import changelist_link, count_of, plural
from .forms import KEPT_FIELD_CHOICES, MemoAdminForm, MentionForm

# --- list filters -------------------------------------------------------------------------------


# A re-extraction of more memos than this runs as a background job (memos/tasks.py).
INLINE_REEXTRACT = 20


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
        if value:
            return queryset.filter(published__year=parameters.clean("Year", value, parameters.year_field()))
        return queryset


class NamedValuesFilter(admin.AllValuesFieldListFilter):
    """A field's values, with the empty one named ("None"), so no filter link is left without text."""

    def choices(self, changelist):
        for choice in super().choices(changelist):
            if not str(choice["display"]).strip():
                choice = {**choice, "display": "None"}
            yield choice


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


# --- memos --------------------------------------------------------------------------------------


class LabelledFormSet(BaseInlineFormSet):
    """Inline rows whose every input says what it is to a screen reader: a table's column header
    is no label, so each widget gets an aria-label naming its field and its row ("Count of
    Nigeria", "Delete author Erica Marat")."""

    def row_name(self, form, index) -> str:
        instance = form.instance
        if instance.pk is None:
            return f"new row {index + 1}" if index is not None else "new row"
        return self.describe(instance)

    def describe(self, instance) -> str:
        return str(instance)

    def add_fields(self, form, index):
        super().add_fields(form, index)
        row = self.row_name(form, index)
        for name, field in form.fields.items():
            if name == "DELETE":
                label = f"Delete {row}"
            elif name == "ORDER":
                label = f"Order of {row}"
            else:
                label = f"{field.label or name.replace('_', ' ')}: {row}"
            # A related field's widget is wrapped (the add and change icons): label the select itself.
            widget = getattr(field.widget, "widget", field.widget)
            widget.attrs = {**widget.attrs, "aria-label": label[:200]}


class AuthorshipFormSet(LabelledFormSet):
    def describe(self, authorship) -> str:
        return f"author {authorship.author}"


class TopicFormSet(LabelledFormSet):
    def describe(self, link) -> str:
        return f"topic {link.topic}"


class MentionFormSet(LabelledFormSet):
    def describe(self, mention) -> str:
        return str(mention.subject)


class AuthorshipInline(admin.TabularInline):
    model = Authorship
    formset = AuthorshipFormSet
    fields = ["author", "position", "bio"]
    autocomplete_fields = ["author"]
    formfield_overrides = {models.TextField: {"widget": admin.widgets.AdminTextareaWidget(attrs={"rows": 2})}}
    extra = 0
    verbose_name = "author"
    verbose_name_plural = "Authors, in byline order (position 0 first), each with their own bio"


class TopicInline(admin.TabularInline):
    model = MemoTopic
    formset = TopicFormSet
    fields = ["topic", "shown"]
    readonly_fields = ["shown"]
    autocomplete_fields = ["topic"]
    extra = 0
    verbose_name = "topic"
    verbose_name_plural = "Topics, in the page's order"

    @admin.display(description="on the public site")
    def shown(self, link):
        if link.pk is None:
            return "-"
        return "hidden: repeats the year or an author" if link.echo else "shown"


class MentionInline(admin.TabularInline):
    """The memo's mentions, each read as: country or vendor, count, and its sentence, with a link
    to that sentence in the memo's text. Confirm or reject one, or fix a count or sentence (any
    edit confirms). Rejecting is the verdict that keeps a mention out for good: there is no
    delete, since a deleted mention would come back on the next extraction."""

    model = Mention
    form = MentionForm
    formset = MentionFormSet
    template = "admin/memos/memo/mention_inline.html"
    fields = ["subject", "count", "context", "verdict"]
    readonly_fields = ["subject"]
    extra = 0
    can_delete = False
    formfield_overrides = {
        models.TextField: {"widget": admin.widgets.AdminTextareaWidget(attrs={"rows": 2, "cols": 50})},
        models.PositiveIntegerField: {
            "widget": forms.NumberInput(attrs={"class": "vIntegerField", "min": 0})
        },
    }
    verbose_name = "mention"
    verbose_name_plural = (
        "Mentions (an edited mention becomes confirmed; reject one to keep it out, also on re-extraction)"
    )

    def has_add_permission(self, request, obj=None):
        return False  # new mentions go through MissedMentionInline, which can pick the subject

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("country", "vendor")

    @admin.display(description="country or vendor")
    def subject(self, mention):
        kind = "country" if mention.country_id else "vendor"
        url = reverse("admin:memos_memo_text", args=[mention.memo_id]) + f"?mention={mention.pk}#mention"
        return format_html(
            '<strong>{}</strong> <small>({})</small><br><a href="{}" target="_blank" rel="noopener">'
            'show in the text<span class="visually-hidden"> (opens in a new tab)</span></a>',
            mention.subject,
            kind,
            url,
        )


class MissedMentionFormSet(LabelledFormSet):
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
class MemoAdmin(parameters.CheckedDateHierarchy, admin.ModelAdmin):
    form = MemoAdminForm
    # Few, narrow columns: at 1366 px "To review" and "Published" show without scrolling.
    list_display = [
        "title", "published_on", "number", "author_names", "mention_links", "unreviewed", "on_site",
    ]  # fmt: skip
    list_filter = [
        PublishedYearFilter, ("category", NamedValuesFilter), ("series", NamedValuesFilter), "language",
        "is_published", HasMentionsFilter, NeedsReviewFilter,
    ]  # fmt: skip
    search_fields = ["title", "slug", "authors__name", "source_url"]
    date_hierarchy = "published"
    ordering = [F("published").desc(nulls_last=True), "-id"]  # undated memos last
    list_per_page = 50
    inlines = [AuthorshipInline, TopicInline, MentionInline, MissedMentionInline]
    actions = ["publish", "unpublish", "reextract", "reparse", "export_csv"]
    readonly_fields = [
        "source_url", "content_hash", "word_count", "created_at", "updated_at",
        "related_links", "import_history",
    ]  # fmt: skip
    fieldsets = [
        (None, {"fields": ["title", "slug", "is_published", "published", "memo_number", "series",
                           "category", "language", "pdf_url"]}),
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
            path("<int:memo_id>/text/", view(self.text_view), name="memos_memo_text"),
            path("<int:memo_id>/page/<int:record_id>/", view(self.page_view), name="memos_memo_page"),
            *super().get_urls(),
        ]

    def text_view(self, request, memo_id):
        return admin_views.memo_text_view(self, request, memo_id)

    def page_view(self, request, memo_id, record_id):
        return admin_views.stored_page_view(self, request, memo_id, record_id)

    def import_view(self, request):
        return admin_views.import_pages_view(self, request)

    class Media:
        css = {"all": ["css/admin.css"]}
        js = ["js/admin-labels.js"]

    # list columns

    @admin.display(description="Published", boolean=True, ordering="is_published")
    def on_site(self, memo):
        return memo.is_published

    @admin.display(description="date", ordering=F("published").desc(nulls_last=True))
    def published_on(self, memo):
        return memo.published.isoformat() if memo.published else "undated"

    @admin.display(description="number", ordering="memo_number")
    def number(self, memo):
        parts = [f"No. {memo.memo_number}" if memo.memo_number is not None else ""]
        if memo.series:
            parts.append(f"series {memo.series}")
        if memo.language and memo.language != "en":
            parts.append(memo.language)
        return ", ".join(p for p in parts if p) or "-"

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

        def page(record):
            if record.page_id is None:
                return "-"
            url = reverse("admin:memos_memo_page", args=[memo.pk, record.pk])
            return format_html(
                '<a href="{}">view</a> · <a href="{}?download=1">download</a> <small>(parser {})</small>',
                url,
                url,
                record.parser_version or "?",
            )

        rows = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            (
                (r.created_at.strftime("%Y-%m-%d %H:%M"), r.status, r.source, r.detail, page(r))
                for r in records
            ),
        )
        return format_html(
            '<table class="import-history"><thead><tr><th scope="col">when</th><th scope="col">status</th>'
            '<th scope="col">source</th><th scope="col">detail</th><th scope="col">stored page</th></tr>'
            "</thead><tbody>{}</tbody></table>",
            rows,
        )

    def save_model(self, request, obj, form, change):
        edited = set(form.cleaned_data.get("kept_fields") or [])
        edited |= set(form.changed_data) & set(IMPORTED_FIELDS)
        obj.edited_fields = [name for name, _ in KEPT_FIELD_CHOICES if name in edited]
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        memo = form.instance
        mark_echoes([memo.pk])  # the year, the authors or the topics may have changed
        # Links edited in their inlines are kept on re-import, as edited fields are.
        links = {Authorship: "authors", MemoTopic: "topics"}
        edited = {links[fs.model] for fs in formsets if fs.model in links and fs.has_changed()}
        if edited - set(memo.edited_fields):
            memo.edited_fields = [n for n, _ in KEPT_FIELD_CHOICES if n in {*memo.edited_fields, *edited}]
            Memo.objects.filter(pk=memo.pk).update(edited_fields=memo.edited_fields)

    def history_view(self, request, object_id, extra_context=None):
        # Django's history of admin changes, plus the imports that wrote this memo.
        records = ImportRecord.objects.none()
        if str(object_id).isdigit():
            records = ImportRecord.objects.filter(memo_id=int(object_id))
        extra_context = {**(extra_context or {}), "import_records": records[:100]}
        return super().history_view(request, object_id, extra_context)

    # actions

    def _set_published(self, request, queryset, value: bool) -> None:
        ids = queryset.set_published(value)
        note = "Published." if value else "Unpublished (hidden from the public site)."
        history.log_on_memos(request.user.pk, dict.fromkeys(ids, note))
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
        note = "Re-ran mention extraction (curated mentions kept)."
        history.log_on_memos(request.user.pk, dict.fromkeys(ids, note))
        if len(ids) > INLINE_REEXTRACT:
            job = tasks.start(
                tasks.reextract, f"Re-extract mentions in {plural(len(ids), 'memo')}", request.user, ids
            )
            self.announce_job(request, job, f"Re-extracting {plural(len(ids), 'memo')}")
            return
        done = reextract_mentions(ids)
        self.message_user(
            request,
            f"Extracted mentions again in {plural(done, 'memo')}; confirmed and rejected mentions were kept.",
            messages.SUCCESS,
        )

    @admin.action(description="Read selected memos again from their stored pages", permissions=["change"])
    def reparse(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        job = tasks.start(tasks.reparse_memos, f"Reparse {plural(len(ids), 'memo')}", request.user, ids)
        self.announce_job(request, job, f"Reading {plural(len(ids), 'memo')} again")

    def announce_job(self, request, job, doing: str) -> None:
        url = reverse("admin:memos_job_change", args=[job.pk])
        self.message_user(
            request,
            format_html('{} in the background: <a href="{}">its progress</a>.', doing, url),
            messages.SUCCESS,
        )

    @admin.action(description="Export selected memos as CSV", permissions=["view"])
    def export_csv(self, request, queryset):
        return admin_views.export_csv(list(queryset.values_list("pk", flat=True)))

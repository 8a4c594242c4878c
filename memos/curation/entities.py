"""Authors and topics: editable, with aliases, mergeable (MergeMixin serves vendors too)."""

import threading

from django.contrib import admin
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.http import urlencode

from ..models import Author, Authorship, Memo, Topic
from ..topics import likely_duplicates, mark_echoes
from . import views as admin_views
from .columns import changelist_link, count_of, plural
from .forms import NamedEntityForm


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

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "name" in form.changed_data:
            through, field, _ = self.memo_links
            mark_echoes(through.objects.filter(**{field: obj}).values_list("memo_id", flat=True))

    @admin.display(description="memos", ordering="memo_count")
    def memo_link(self, obj):
        if obj._state.adding:
            return "-"
        _, _, lookup = self.memo_links
        return changelist_link(Memo, plural(obj.memo_count, "memo"), **{lookup: obj.pk})


@admin.register(Author)
class AuthorAdmin(NamedEntityAdmin):
    memo_links = (Authorship, "author", "authors__id__exact")


class LikelyDuplicateFilter(admin.SimpleListFilter):
    title = "likely duplicates"
    parameter_name = "duplicates"

    def lookups(self, request, model_admin):
        return [("yes", "Has likely duplicates")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(pk__in=list(likely_duplicates()))
        return queryset


_listing = threading.local()  # the duplicates of the topic list being rendered, per request thread


@admin.register(Topic)
class TopicAdmin(NamedEntityAdmin):
    """Topics, with the likely duplicates of each (case, spacing, hyphen and plural variants) and
    a one-click way to merge them."""

    memo_links = (Memo.topics.through, "topic", "topics__id__exact")

    class Media:
        css = {"all": ["css/admin.css"]}

    list_display = ["name", "memo_link", "duplicates", "alias_list"]
    list_filter = [LikelyDuplicateFilter]

    def get_urls(self):
        view = self.admin_site.admin_view
        return [path("merge/", view(self.merge_view), name="memos_topic_merge"), *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        _listing.duplicates = likely_duplicates()
        try:
            response = super().changelist_view(request, extra_context)
            if hasattr(response, "render"):
                response.render()
            return response
        finally:
            _listing.duplicates = None

    @admin.display(description="likely duplicates")
    def duplicates(self, topic):
        others = (getattr(_listing, "duplicates", None) or {}).get(topic.pk)
        if not others:
            return ""
        ids = ",".join(str(pk) for pk in sorted([topic.pk, *(o.pk for o in others)]))
        url = reverse("admin:memos_topic_merge") + "?" + urlencode({"ids": ids})
        names = ", ".join(f"“{o.name}”" for o in others)
        label = f"Merge “{topic.name}” with {names}"
        return format_html('{} <a class="button" href="{}" aria-label="{}">Merge…</a>', names, url, label)

    def merge_view(self, request):
        """The merge confirmation for the topics in ?ids= (a likely-duplicates link), and the merge."""
        if not self.has_merge_permission(request):
            raise PermissionDenied
        if request.method == "POST":
            ids = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
        else:
            ids = (request.GET.get("ids") or "").split(",")
        ids = [int(pk) for pk in ids if pk.strip().isdigit()]
        queryset = self.get_queryset(request).filter(pk__in=ids)
        response = admin_views.merge_selected(self, request, queryset)
        return response or HttpResponseRedirect(reverse("admin:memos_topic_changelist"))

"""Authors and topics: editable, with aliases, mergeable (MergeMixin serves vendors too)."""

from django.contrib import admin

from ..models import Author, Authorship, Memo, Topic
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

    @admin.display(description="memos", ordering="memo_count")
    def memo_link(self, obj):
        if obj._state.adding:
            return "-"
        _, _, lookup = self.memo_links
        return changelist_link(Memo, plural(obj.memo_count, "memo"), **{lookup: obj.pk})


@admin.register(Author)
class AuthorAdmin(NamedEntityAdmin):
    memo_links = (Authorship, "author", "authors__id__exact")


@admin.register(Topic)
class TopicAdmin(NamedEntityAdmin):
    memo_links = (Memo.topics.through, "topic", "topics__id__exact")

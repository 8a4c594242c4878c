"""Reference and audit rows: countries (from ISO 3166) and the record of every import."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator

from ..models import Country, ImportRecord, Mention
from ..site import parameters
from .columns import changelist_link, count_of, plural


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


class AuditAdmin(parameters.CheckedDateHierarchy, admin.ModelAdmin):
    """Rows the admin shows and nobody edits: an audit trail (imports, jobs)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ImportRecord)
class ImportRecordAdmin(AuditAdmin):
    """The record of every import."""

    list_display = ["created_at", "status", "source", "memo_link", "detail", "stored_page"]
    exclude = ["identity"]
    list_filter = ["status"]
    list_select_related = ["memo"]
    search_fields = ["source", "detail", "memo__title"]
    date_hierarchy = "created_at"

    @admin.display(description="stored page")
    def stored_page(self, record):
        if record.page_id is None or record.memo_id is None:
            return "-"
        url = reverse("admin:memos_memo_page", args=[record.memo_id, record.pk])
        return format_html(
            '<a href="{}">view</a> <small>(parser {})</small>', url, record.parser_version or "?"
        )

    @admin.display(description="memo", ordering="memo__title")
    def memo_link(self, record):
        if record.memo_id is None:
            return "-"
        url = reverse("admin:memos_memo_change", args=[record.memo_id])
        return format_html('<a href="{}">{}</a>', url, Truncator(record.memo.title).chars(80))

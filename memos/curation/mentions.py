"""Mentions: review them one by one, or confirm and reject many at once."""

from django.contrib import admin, messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator

from ..models import Mention
from . import history
from .columns import plural
from .forms import MentionForm


class MentionKindFilter(admin.SimpleListFilter):
    title = "kind"
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        return [("country", "Countries"), ("vendor", "Vendors")]

    def queryset(self, request, queryset):
        if self.value() in ("country", "vendor"):
            return queryset.filter(**{f"{self.value()}__isnull": False})
        return queryset


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
        history.log_on_memos(request.user.pk, {obj.memo_id: note})

    def delete_queryset(self, request, queryset):
        notes = {}
        for mention in queryset.select_related("country", "vendor"):
            notes.setdefault(mention.memo_id, []).append(str(mention.subject))
        super().delete_queryset(request, queryset)
        deleted = {pk: f"Deleted the mention(s) of {', '.join(names)}." for pk, names in notes.items()}
        history.log_on_memos(request.user.pk, deleted)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        history.log_on_memos(request.user.pk, {obj.memo_id: f"Deleted the mention of {obj.subject}."})

    def _set_verdict(self, request, queryset, verdict: str) -> None:
        mentions = queryset.set_verdict(verdict)
        LogEntry.objects.log_actions(request.user.pk, mentions, CHANGE, f"Verdict set to {verdict}.")
        subjects = {}
        for mention in mentions:
            subjects.setdefault(mention.memo_id, []).append(str(mention.subject))
        history.log_on_memos(
            request.user.pk,
            {pk: f"Marked the mention(s) of {', '.join(names)} {verdict}." for pk, names in subjects.items()},
        )
        self.message_user(request, f"Marked {plural(len(mentions), 'mention')} {verdict}.", messages.SUCCESS)

    @admin.action(description="Confirm selected mentions", permissions=["change"])
    def confirm(self, request, queryset):
        self._set_verdict(request, queryset, Mention.CONFIRMED)

    @admin.action(description="Reject selected mentions", permissions=["change"])
    def reject(self, request, queryset):
        self._set_verdict(request, queryset, Mention.REJECTED)

"""Vendor candidates: organisations memos name that look like technology companies but are not on
the vendor list. Editors add them as vendors (which finds their mentions) or dismiss them."""

from django.contrib import admin, messages
from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator

from ..ingest.candidates import base_name
from ..ingest.load import reextract_mentions
from ..models import Memo, Vendor, VendorCandidate, normalize_name
from . import history
from .columns import changelist_link, plural


class StatusFilter(admin.SimpleListFilter):
    """To review by default: added and dismissed candidates are remembered, not shown again."""

    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [*VendorCandidate.STATUSES, ("all", "All")]

    def choices(self, changelist):
        for value, label in self.lookup_choices:
            selected = self.value() == value or (self.value() is None and value == VendorCandidate.NEW)
            yield {
                "selected": selected,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": label,
            }

    def queryset(self, request, queryset):
        value = self.value() or VendorCandidate.NEW
        return queryset if value == "all" else queryset.filter(status=value)


@admin.register(VendorCandidate)
class VendorCandidateAdmin(admin.ModelAdmin):
    list_display = ["name", "count", "memo_count", "first_sentence", "status"]
    list_filter = [StatusFilter]
    search_fields = ["name", "context"]
    fields = ["name", "status", "count", "context", "memo_links", "vendor_link", "created_at", "updated_at"]
    readonly_fields = ["count", "context", "memo_links", "vendor_link", "created_at", "updated_at", "status"]
    actions = ["add_as_vendor", "dismiss"]
    list_per_page = 100

    class Media:
        css = {"all": ["css/admin.css"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(memo_n=Count("links"))

    def has_add_permission(self, request):
        return False  # the importer finds them

    def has_delete_permission(self, request, obj=None):
        return False  # dismiss instead: a deleted candidate would come back with the next import

    @admin.display(description="memos", ordering="memo_n")
    def memo_count(self, candidate):
        return changelist_link(
            Memo, plural(candidate.memo_n, "memo"), vendor_candidates__id__exact=candidate.pk
        )

    @admin.display(description="first sentence")
    def first_sentence(self, candidate):
        return Truncator(candidate.context).chars(160)

    @admin.display(description="memos naming it")
    def memo_links(self, candidate):
        links = candidate.links.select_related("memo").order_by("-count", "memo_id")
        rows = (
            (
                reverse("admin:memos_memo_change", args=[link.memo_id]),
                link.memo.title,
                link.count,
                link.context,
            )
            for link in links
        )
        return format_html("<ul>{}</ul>", format_html_join("", '<li><a href="{}">{}</a> ×{}: {}</li>', rows))

    @admin.display(description="vendor")
    def vendor_link(self, candidate):
        if candidate.vendor_id is None:
            return "-"
        url = reverse("admin:memos_vendor_change", args=[candidate.vendor_id])
        return format_html('<a href="{}">{}</a>', url, candidate.vendor)

    @admin.action(
        description="Add as vendor (and find its mentions in those memos)", permissions=["add_vendor"]
    )
    def add_as_vendor(self, request, queryset):
        added, memo_ids = [], set()
        spellings = {
            s
            for name, aliases in Vendor.objects.values_list("name", "aliases")
            for s in [name, *(aliases or [])]
        }
        with transaction.atomic():
            for candidate in queryset.exclude(status=VendorCandidate.ADDED):
                vendor = Vendor.objects.filter(name=candidate.name).first()
                if vendor is None:
                    if candidate.name in spellings:
                        self.message_user(
                            request,
                            f"“{candidate.name}” is already another vendor's alias.",
                            messages.WARNING,
                        )
                        continue
                    base = base_name(candidate.name)
                    aliases = [base] if base != candidate.name and base not in spellings else []
                    vendor = Vendor.objects.create(name=candidate.name, aliases=aliases)
                candidate.status, candidate.vendor = VendorCandidate.ADDED, vendor
                candidate.save(update_fields=["status", "vendor", "updated_at"])
                self.log_change(request, candidate, f"Added as vendor “{vendor}”.")
                self.log_addition(request, vendor, "Added from the vendor candidates.")
                added.append(vendor.name)
                memo_ids.update(candidate.links.values_list("memo_id", flat=True))
        if memo_ids:
            reextract_mentions(sorted(memo_ids))
            note = f"Found mentions of {', '.join(added)}, added as vendor(s) from the candidates."
            history.log_on_memos(request.user.pk, dict.fromkeys(memo_ids, note))
        if added:
            self.message_user(
                request,
                f"Added {plural(len(added), 'vendor')} ({', '.join(added)}) and found their mentions in "
                f"{plural(len(memo_ids), 'memo')}.",
                messages.SUCCESS,
            )

    def has_add_vendor_permission(self, request):
        return request.user.has_perm("memos.add_vendor") and request.user.has_perm(
            "memos.change_vendorcandidate"
        )

    @admin.action(description="Dismiss (not a technology vendor; remembered)", permissions=["change"])
    def dismiss(self, request, queryset):
        rows = list(queryset.exclude(status=VendorCandidate.DISMISSED))
        VendorCandidate.objects.filter(pk__in=[c.pk for c in rows]).update(status=VendorCandidate.DISMISSED)
        for candidate in rows:
            self.log_change(request, candidate, "Dismissed.")
        self.message_user(request, f"Dismissed {plural(len(rows), 'candidate')}.", messages.SUCCESS)


def mark_added(vendor: Vendor) -> None:
    """A vendor an editor added by hand takes the candidates of its spellings off the review list."""
    keys = [normalize_name(s) for s in [vendor.name, *(vendor.aliases or [])]]
    keys += [normalize_name(base_name(s)) for s in [vendor.name, *(vendor.aliases or [])]]
    VendorCandidate.objects.filter(key__in=keys, status=VendorCandidate.NEW).update(
        status=VendorCandidate.ADDED, vendor=vendor
    )

"""The vendor list editors curate; applying it finds mentions again in every memo."""

from django.contrib import admin, messages
from django.urls import path

from ..models import Mention, Vendor
from . import views as admin_views
from .candidates import mark_added
from .columns import changelist_link, count_of, plural
from .entities import AliasesDisplay, MergeMixin
from .forms import VendorForm


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
        mark_added(obj)  # its spellings leave the vendor candidates' review list
        if {"name", "aliases"} & set(form.changed_data):
            self.message_user(
                request,
                "Memos are matched against the new spellings once you apply the vendor list to all memos.",
                messages.INFO,
            )

"""The read-only JSON API: memos (with MemoFilter's parameters), authors, topics, countries, vendors."""

from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework import viewsets

from ..models import Author, Country, Memo, Redirect, Topic, Vendor
from ..site.filters import MemoFilter
from . import serializers


class OldSlugsRedirect:
    """A detail URL with a slug the record no longer has answers 301 to its URL now."""

    redirect_kind: str

    def retrieve(self, request, *args, **kwargs):
        try:
            return super().retrieve(request, *args, **kwargs)
        except Http404:
            record = Redirect.objects.resolve(self.redirect_kind, slug=kwargs[self.lookup_field])
            if record is None or not self.get_queryset().filter(pk=record.pk).exists():
                raise
            url = reverse(request.resolver_match.view_name, args=[getattr(record, self.lookup_field)])
            query = request.META.get("QUERY_STRING")
            return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)


class MemoViewSet(OldSlugsRedirect, viewsets.ReadOnlyModelViewSet):
    """Published memos. The list takes the parameters of /memos/ (search, filters, sort)."""

    lookup_field = "slug"
    redirect_kind = "memo"
    filter_backends = [DjangoFilterBackend]
    filterset_class = MemoFilter

    def get_queryset(self):
        memos = Memo.objects.published().with_listing_data()
        return memos.with_counted_mentions() if self.action == "retrieve" else memos

    def get_serializer_class(self):
        return serializers.MemoDetailSerializer if self.action == "retrieve" else serializers.MemoSerializer


class EntityViewSet(OldSlugsRedirect, viewsets.ReadOnlyModelViewSet):
    """Rows that at least one published memo names, with how many do."""

    lookup_field = "slug"
    filter_backends: list = []
    model: type

    def get_queryset(self):
        rows = self.model.objects.with_memo_counts()
        return rows.filter(n__gt=0).order_by("name", "pk")


class AuthorViewSet(EntityViewSet):
    model, redirect_kind, serializer_class = Author, "author", serializers.AuthorSerializer


class TopicViewSet(EntityViewSet):
    model, redirect_kind, serializer_class = Topic, "topic", serializers.TopicSerializer


class VendorViewSet(EntityViewSet):
    model, redirect_kind, serializer_class = Vendor, "vendor", serializers.VendorSerializer


class CountryViewSet(viewsets.ReadOnlyModelViewSet):
    """Countries that published memos mention, with how many do."""

    lookup_field = "code"
    filter_backends: list = []
    serializer_class = serializers.CountrySerializer

    def get_queryset(self):
        return Country.objects.with_memo_counts().filter(n__gt=0).order_by("name", "code")


class DocsView(SpectacularSwaggerSplitView):
    """Swagger UI from drf-spectacular-sidecar's files, with its setup script as a file of its own."""

    template_name = "api/docs.html"

"""How the API pages and throttles its answers (REST_FRAMEWORK's defaults point here).

A module of its own: DRF reads these classes while it imports its views, so they cannot live
beside ours.
"""

from django.core.cache import caches
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle

from ..site.views import CountedPaginator


class Pagination(PageNumberPagination):
    """Pages of `count`, `next`, `previous` and `results`; a page that does not exist is a 400.

    The count is cached until the data changes, as the list page's is.
    """

    django_paginator_class = CountedPaginator

    @property
    def page_size(self) -> int:
        # DRF reads PAGE_SIZE once, on import; read it per request so settings can change it.
        return api_settings.PAGE_SIZE

    def paginate_queryset(self, queryset, request, view=None):
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound as exc:  # DRF's answer to a page number that is not a page here
            raise ValidationError({"page": [exc.detail]}) from None


class AddressThrottle(AnonRateThrottle):
    """Anonymous reads per client address, counted in the `throttle` cache (Redis when configured)."""

    @property
    def cache(self):
        return caches["throttle"]

    def get_rate(self):
        # DRF reads the rates once, on import; read them per request so settings can change them.
        return api_settings.DEFAULT_THROTTLE_RATES[self.scope]

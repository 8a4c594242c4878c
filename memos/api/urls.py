"""The API's URLs: /api/... read-only endpoints, the OpenAPI schema and its docs."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("memos", views.MemoViewSet, basename="api-memo")
router.register("authors", views.AuthorViewSet, basename="api-author")
router.register("topics", views.TopicViewSet, basename="api-topic")
router.register("countries", views.CountryViewSet, basename="api-country")
router.register("vendors", views.VendorViewSet, basename="api-vendor")

urlpatterns = [
    path("", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", views.DocsView.as_view(url_name="api-schema"), name="api-docs"),
]

"""URLs: the public site and the admin."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("memos.site.urls")),
    path("api/", include("memos.api.urls")),
    path("oai/", include("memos.oai.urls")),
    path("admin/", admin.site.urls),
]

# A BadParameter raised anywhere (memos.site.parameters) shows its message on the 400 page.
handler400 = "memos.site.views.bad_request_page"

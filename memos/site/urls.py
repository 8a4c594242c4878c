"""The public site's URLs."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from . import views
from .feeds import MemoFeed
from .sitemaps import SITEMAPS

urlpatterns = [
    path("", views.home, name="home"),
    path("memos/", views.memo_list, name="memo_list"),
    path("memos/facets/<str:facet>/", views.memo_facet, name="memo_facet"),
    path("memos/export/", views.memo_export, name="memo_export"),
    path("memos/<slug:slug>/", views.memo_detail, name="memo_detail"),
    path("memos/<slug:slug>/cite.json", views.memo_csl_json, name="memo_csl_json"),
    path("memos/<slug:slug>/cite.bib", views.memo_bibtex, name="memo_bibtex"),
    path("memos/<slug:slug>/cite.ris", views.memo_ris, name="memo_ris"),
    path("authors/", views.author_list, name="author_list"),
    path("authors/<slug:slug>/", views.author_detail, name="author_detail"),
    path("topics/", views.topic_list, name="topic_list"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic_detail"),
    path("countries/", views.country_list, name="country_list"),
    path("countries/<str:code>/", views.country_detail, name="country_detail"),
    path("vendors/", views.vendor_list, name="vendor_list"),
    path("vendors/<slug:slug>/", views.vendor_detail, name="vendor_detail"),
    path("id/<str:kind>/<int:pk>/", views.permalink, name="permalink"),
    path("analysis/", views.country_vendor_matrix, name="analysis"),
    path("analysis/matrix.csv", views.country_vendor_matrix_csv, name="analysis_csv"),
    path("feeds/memos.atom", MemoFeed(), name="memo_feed"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]

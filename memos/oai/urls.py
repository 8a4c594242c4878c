"""The OAI-PMH endpoint's URL."""

from django.urls import path

from . import views

urlpatterns = [path("", views.oai, name="oai")]

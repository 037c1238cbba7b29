"""Public tracking by number and secret, under /lacak/ (namespace "track")."""

from django.urls import path

from . import track_views

app_name = "track"
urlpatterns = [
    path("", track_views.lookup, name="lookup"),
]

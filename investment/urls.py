from django.urls import path

from . import views

app_name = "investment"
urlpatterns = [
    path("", views.info, name="info"),
    path("perizinan/", views.finder, name="finder"),
    path("nib/", views.nib_lookup, name="nib_lookup"),
]

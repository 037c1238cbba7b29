from django.urls import path

from . import views

app_name = "surveys"

urlpatterns = [
    path("survei/<str:token>/", views.survey, name="survey"),
    path("ikm/", views.ikm_public, name="ikm"),
]

from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.home, name="home"),
    path("instansi/<slug:slug>/", views.agency_dashboard, name="agency"),
    path("layanan/<str:code>/", views.service_dashboard, name="service"),
    path("petugas/<int:pk>/", views.officer_dashboard, name="officer"),
    path("peringkat/", views.ranking, name="ranking"),
]

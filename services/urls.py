from django.urls import path

from . import views

app_name = "services"
urlpatterns = [
    path("", views.home, name="home"),
    path("layanan/", views.catalogue, name="catalogue"),
    path("layanan/<str:code>/", views.detail, name="detail"),
    path("layanan/<str:code>/versi/<int:version>/", views.standard_version, name="standard_version"),
    path("layanan/<str:code>/estimasi-biaya/", views.fee_estimator, name="fee_estimator"),
]

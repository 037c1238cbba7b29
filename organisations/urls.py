from django.urls import path

from . import views

app_name = "organisations"
urlpatterns = [
    path("", views.register, name="register"),
    path("<int:pk>/", views.detail, name="detail"),
    path("akun/", views.my_organisations, name="mine"),
    path("akun/laporan/<int:pk>/", views.report_submit, name="report_submit"),
    path("laporan/<int:pk>/berkas/", views.report_document, name="report_document"),
    path("petugas/", views.staff_overview, name="staff"),
    path("petugas/<int:pk>/cabut/", views.staff_revoke, name="staff_revoke"),
]

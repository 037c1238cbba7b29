from django.urls import path

from . import views

app_name = "complaints"

urlpatterns = [
    path("", views.index, name="index"),
    path("baru/", views.file_new, name="new"),
    path("pungli/", views.pungli, name="pungli"),
    path("terkirim/", views.receipt, name="receipt"),
    path("lacak/", views.track, name="track"),
    path("publik/", views.published, name="published"),
    path("saya/", views.my_list, name="my_list"),
    path("saya/<str:number>/", views.detail, name="detail"),
    path("saya/<str:number>/tanggapi/", views.reporter_action, {"action": "reply"}, name="reply"),
    path("saya/<str:number>/terima/", views.reporter_action, {"action": "accept"}, name="accept"),
    path("saya/<str:number>/nilai/", views.reporter_action, {"action": "rate"}, name="rate"),
    path("lampiran/<int:pk>/", views.attachment, name="attachment"),
    path("petugas/", views.desk, name="desk"),
    path("petugas/baru/", views.staff_new, name="staff_new"),
    path("petugas/<str:number>/", views.desk_detail, name="desk_detail"),
    path("instansi/", views.agency_list, name="agency_list"),
    path("instansi/ekspor.csv", views.agency_export, name="agency_export"),
    path("instansi/<str:number>/", views.agency_detail, name="agency_detail"),
]

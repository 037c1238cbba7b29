from django.urls import path

from . import views

app_name = "workspace"

urlpatterns = [
    path("", views.home, name="home"),
    path("layanan/<str:code>/", views.service_detail, name="service"),
    path("layanan/<str:code>/draf/", views.draft_create, name="draft_create"),
    path("layanan/<str:code>/bandingkan/", views.compare, name="compare"),
    path("standar/<int:pk>/", views.standard_detail, name="standard"),
    path("standar/<int:pk>/ubah/", views.standard_edit, name="standard_edit"),
    path("standar/<int:pk>/terbitkan/", views.standard_publish, name="standard_publish"),
    path("standar/<int:pk>/konsultasi/", views.consultation_open, name="consultation_open"),
    path("standar/<int:pk>/pratinjau/", views.standard_preview, name="standard_preview"),
    path("tanggapan/<int:pk>/jawab/", views.comment_answer, name="comment_answer"),
    path("maklumat/", views.maklumat, name="maklumat"),
    path("pengumuman/", views.announcements, name="announcements"),
    path("pengumuman/<int:pk>/", views.announcements, name="announcement_edit"),
    path("kalender/", views.calendar, name="calendar"),
    path("petugas/", views.staff, name="staff"),
    path("petugas/<int:pk>/peran/", views.staff_role, name="staff_role"),
    path("antrian/", views.queues, name="queues"),
    path("antrian/<int:pk>/", views.queues, name="queue_edit"),
    path("antrian/jeda/", views.queue_break_add, name="queue_break_add"),
    path("antrian/jeda/<int:pk>/hapus/", views.queue_break_delete, name="queue_break_delete"),
    path("loket/", views.counters, name="counters"),
    path("loket/<int:pk>/", views.counters, name="counter_edit"),
]

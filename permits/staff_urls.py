"""The staff side of permits, mounted at /petugas/ (namespace "permits_staff")."""

from django.urls import path
from django.views.generic import RedirectView

from . import staff_views as views

app_name = "permits_staff"
urlpatterns = [
    path("", RedirectView.as_view(pattern_name="permits_staff:worklist"), name="home"),
    path("permohonan/", views.worklist, name="worklist"),
    path("permohonan/bantu/", views.assist_start, name="assist"),
    path("permohonan/<int:pk>/", views.application_detail, name="detail"),
    path("permohonan/<int:pk>/berkas/<int:document_pk>/", views.document_file, name="document"),
    path("permohonan/<int:pk>/verifikasi/", views.verify, name="verify"),
    path("permohonan/<int:pk>/perbaikan/", views.request_correction, name="correction"),
    path("permohonan/<int:pk>/langkah/", views.complete_step, name="step"),
    path("permohonan/<int:pk>/setujui/", views.approve, name="approve"),
    path("permohonan/<int:pk>/sertifikat-standar/", views.standard_verify, name="standard_verify"),
    path("permohonan/<int:pk>/tolak/", views.reject, name="reject"),
    path("permohonan/<int:pk>/terbitkan/", views.issue, name="issue"),
    path("permohonan/<int:pk>/ambil/", views.claim, name="claim"),
    path("permohonan/<int:pk>/tugaskan/", views.assign, name="assign"),
    path("permohonan/<int:pk>/isi/", views.assisted_edit, name="assisted_edit"),
    path(
        "permohonan/<int:pk>/isi/berkas/<int:requirement_pk>/",
        views.assisted_upload,
        name="assisted_upload",
    ),
]

"""The citizen's permit pages, under /permohonan/ (namespace "permits")."""

from django.urls import path

from . import views

app_name = "permits"
urlpatterns = [
    path("", views.my_applications, name="list"),
    path("baru/<str:code>/", views.start, name="start"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/ubah/", views.edit, name="edit"),
    path("<int:pk>/dokumen/<int:requirement_pk>/", views.upload, name="upload"),
    path("<int:pk>/dokumen/<int:doc_pk>/berkas/", views.document_file, name="document_file"),
    path("<int:pk>/kirim/", views.submit, name="submit"),
    path("<int:pk>/kirim-ulang/", views.resubmit, name="resubmit"),
    path("<int:pk>/batalkan/", views.withdraw, name="withdraw"),
    path("<int:pk>/tanda-terima/", views.receipt, name="receipt"),
]

"""/verifikasi/: the public permit verification, the permit download, the payment gateway's
callback and the staff actions on levies (SKRD) and permits."""

from django.urls import path

from . import verify_views as views

app_name = "verify"
urlpatterns = [
    path("", views.verify_form, name="form"),
    path("unduh/<int:pk>/", views.permit_pdf, name="permit_pdf"),
    path("pembayaran/callback/", views.payment_callback, name="payment_callback"),
    path("skrd/<int:application_pk>/terbitkan/", views.assessment_issue, name="assessment_issue"),
    path("skrd/<int:pk>/lunas/", views.assessment_confirm, name="assessment_confirm"),
    path("skrd/<int:pk>/batal/", views.assessment_cancel, name="assessment_cancel"),
    path("izin/<int:pk>/cabut/", views.permit_revoke, name="permit_revoke"),
    path("<str:code>/", views.verify_check, name="check"),
]

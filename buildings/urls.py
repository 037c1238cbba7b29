from django.urls import path

from . import views

app_name = "buildings"
urlpatterns = [
    path("desain/", views.design_list, name="design_list"),
    path("desain/<slug:code>/", views.design_detail, name="design_detail"),
    path("desain/<slug:code>/unduh/", views.design_download, name="design_download"),
    path("desain/<slug:code>/lampirkan/", views.design_attach, name="design_attach"),
    path("tim-ahli/", views.expert_queue, name="expert_queue"),
    path("tim-ahli/<int:pk>/", views.expert_review, name="expert_review"),
    path("tim-ahli/<int:pk>/berkas/<int:doc_pk>/", views.review_document, name="review_document"),
    path("petugas/<int:pk>/retribusi/", views.levy_assess, name="levy_assess"),
]

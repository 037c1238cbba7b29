from django.urls import path

from . import open311

app_name = "open311"

urlpatterns = [
    path("services.json", open311.ServicesView.as_view(), name="services"),
    path("requests.json", open311.RequestsView.as_view(), name="requests"),
    path("requests/<str:request_id>.json", open311.RequestDetailView.as_view(), name="request"),
]

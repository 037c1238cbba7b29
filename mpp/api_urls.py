"""The public REST API, version 1 (mounted at /api/v1/; schema at /api/schema/, docs at /api/docs/)."""

from django.urls import include, path
from rest_framework.routers import DefaultRouter

from agencies.api import AgencyViewSet
from permits.api import ApplicationViewSet, TrackView
from services.api import CategoryViewSet, ServiceViewSet

app_name = "api"

router = DefaultRouter()
router.register("agencies", AgencyViewSet, basename="agency")
router.register("categories", CategoryViewSet, basename="category")
router.register("services", ServiceViewSet, basename="service")
router.register("applications", ApplicationViewSet, basename="application")

urlpatterns = [
    *router.urls,
    path("track/", TrackView.as_view(), name="track"),
    path("queue/", include("queueing.api_urls")),
]

"""The public REST API, version 1 (mounted at /api/v1/; schema at /api/schema/, docs at /api/docs/)."""

from rest_framework.routers import DefaultRouter

from agencies.api import AgencyViewSet
from services.api import CategoryViewSet, ServiceViewSet

app_name = "api"

router = DefaultRouter()
router.register("agencies", AgencyViewSet, basename="agency")
router.register("categories", CategoryViewSet, basename="category")
router.register("services", ServiceViewSet, basename="service")

urlpatterns = router.urls

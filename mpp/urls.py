from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

urlpatterns = [
    path("", include("services.urls")),
    path("instansi/", include("agencies.urls")),
    path("akun/", include("accounts.urls")),
    path("permohonan/", include("permits.urls")),
    path("petugas/", include("permits.staff_urls")),
    path("lacak/", include("permits.track_urls")),
    path("verifikasi/", include("permits.verify_urls")),
    path("notifikasi/", include("notifications.urls")),
    path("pengaduan/", include("complaints.urls")),
    path("konsultasi/", include("complaints.consultation_urls")),
    path("open311/v2/", include("complaints.open311_urls")),
    path("", include("surveys.urls")),
    path("kelola/", include("workspace.urls")),
    path("konsultasi-publik/", include("workspace.public_urls")),
    path("laporan/", include("reports.urls")),
    path("transparansi/", include("reports.public_urls")),
    path("antrian/", include("queueing.urls")),
    path("ormas/", include("organisations.urls")),
    path("bangunan/", include("buildings.urls")),
    path("investasi/", include("investment.urls")),
    path("api/v1/", include("mpp.api_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    # Only public uploads (agency logos) live under MEDIA_ROOT's served part in development.
    urlpatterns += static(
        f"{settings.MEDIA_URL}agency-logos/", document_root=settings.MEDIA_ROOT / "agency-logos"
    )

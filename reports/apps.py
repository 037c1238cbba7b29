from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Laporan kinerja")

    def ready(self) -> None:
        from . import providers  # noqa: F401  (registers the built-in metric providers)

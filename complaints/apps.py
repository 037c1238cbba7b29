from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "complaints"
    verbose_name = _("Pengaduan dan konsultasi")

    def ready(self) -> None:
        from .reporting import register_provider

        register_provider()  # the dashboards' section (reports.providers)

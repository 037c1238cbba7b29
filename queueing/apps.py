from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QueueingConfig(AppConfig):
    name = "queueing"
    verbose_name = _("Antrian dan loket")

    def ready(self) -> None:
        from .reporting import register_provider

        register_provider()  # the dashboards' section (reports.providers)

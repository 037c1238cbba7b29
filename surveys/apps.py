from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "surveys"
    verbose_name = _("Survei kepuasan masyarakat")

    def ready(self) -> None:
        from .reporting import register_provider

        register_provider()  # the dashboards' section (reports.providers)
        from . import signals  # noqa: F401

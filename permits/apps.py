from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PermitsConfig(AppConfig):
    name = "permits"
    verbose_name = _("Permohonan izin")

    def ready(self) -> None:
        from . import signals  # noqa: F401  (connects the receivers)

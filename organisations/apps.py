from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "organisations"
    verbose_name = _("Registri ormas (A_ormas)")

    def ready(self) -> None:
        from permits import hooks

        from . import services

        # Issuing the SKT of an ormas registration writes (or renews) its register entry.
        hooks.on_issued(services.REGISTRATION_SERVICE_CODE, services.organisation_register_from_permit)

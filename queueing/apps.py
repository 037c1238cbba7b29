from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _


class QueueingConfig(AppConfig):
    name = "queueing"
    verbose_name = _("Antrian dan loket")

    def ready(self):
        # The per-process copies of the queues and breaks (selectors.active_queue_by_prefix,
        # selectors.call_breaks) are reloaded when any of them changes.
        from .models import Queue, QueueBreak
        from .selectors import config_version_bump

        for model in (Queue, QueueBreak):
            post_save.connect(
                config_version_bump, sender=model, dispatch_uid=f"queue-config-{model.__name__}"
            )
            post_delete.connect(
                config_version_bump, sender=model, dispatch_uid=f"queue-config-del-{model.__name__}"
            )
        m2m_changed.connect(
            config_version_bump, sender=Queue.services.through, dispatch_uid="queue-config-m2m"
        )

        from .reporting import register_provider

        register_provider()  # the dashboards' section (reports.providers)

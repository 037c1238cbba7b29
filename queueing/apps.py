from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QueueingConfig(AppConfig):
    name = "queueing"
    verbose_name = _("Antrian dan loket")

    def ready(self):
        # Project-wide: every audited model's history manager class built once, not per save
        # (see mpp/history.py). Here because ready() runs after every app's models are loaded.
        from mpp.history import cache_history_managers

        cache_history_managers()

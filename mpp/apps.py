from django.apps import AppConfig


class MppConfig(AppConfig):
    """The project itself, as an app: its ready() holds project-wide start-up that belongs to no
    one domain app."""

    name = "mpp"
    verbose_name = "MPP"

    def ready(self) -> None:
        # Every audited model's history manager class built once, not on every save or history
        # access (see mpp/history.py). ready() runs after every app's models are loaded.
        from .history import cache_history_managers

        cache_history_managers()

"""django-simple-history without its per-access manager class rebuild.

``HistoricalRecords`` puts a ``HistoryDescriptor`` on each audited model (``Ticket.history``) and on
each historical m2m model. Its ``__get__`` calls ``HistoryManager.from_queryset(HistoricalQuerySet)``
on *every* access, which builds a new class with ``type()`` after walking the queryset class's
~90 methods with ``inspect`` (django-simple-history 3.13, simple_history/manager.py). Every audited
save reads that descriptor once (``create_historical_record`` does
``getattr(instance, self.manager_name)`` to find the historical model), so each save paid for a
class build: about 3 ms of CPU per save on the project's 2-core machine (cProfile of the queue's
kiosk endpoint), plus the garbage of a new class each time.

``CachedHistoryDescriptor`` builds that class once per descriptor and only instantiates it per
access, which is all a manager bound to an instance needs (``HistoryManager(model, instance)``).
``cache_history_managers()`` swaps it in on every model that has a history descriptor, after all
models are loaded (called from an ``AppConfig.ready``); no library code is patched, and the
models keep declaring ``history = HistoricalRecords()`` as usual. The behaviour is the library's
own: the same manager and queryset classes, the same instance binding.
"""

from __future__ import annotations

from django.apps import apps
from simple_history.manager import HistoryDescriptor


class CachedHistoryDescriptor(HistoryDescriptor):
    """A ``HistoryDescriptor`` whose generated manager class is built once, not per access."""

    def __init__(self, model, manager, queryset):
        super().__init__(model, manager=manager, queryset=queryset)
        self._manager = manager.from_queryset(queryset)

    def __get__(self, instance, owner):
        return self._manager(self.model, instance)


def _cached(descriptor: HistoryDescriptor) -> CachedHistoryDescriptor:
    return CachedHistoryDescriptor(
        descriptor.model, manager=descriptor.manager_class, queryset=descriptor.queryset_class
    )


def cache_history_managers() -> int:
    """Replace each model's ``HistoryDescriptor`` (audited models and their historical m2m models)
    with a ``CachedHistoryDescriptor``. Idempotent; returns how many were replaced."""
    replaced = 0
    for model in apps.get_models():
        for name, value in list(vars(model).items()):
            if type(value) is HistoryDescriptor:
                setattr(model, name, _cached(value))
                replaced += 1
    return replaced

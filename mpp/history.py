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
models are loaded (called from ``mpp.apps.MppConfig.ready``); no library code is patched, and the
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


def insert_with_history(obj, *, actor, reason: str, using: str = "default"):
    """INSERT a new audited row and its "+" history row in one statement and one round trip (a
    data-modifying CTE: ``WITH t AS (INSERT ... RETURNING *) INSERT INTO historical... SELECT ...
    FROM t``), for hot paths that create many rows (the kiosk's tickets). The history row is the
    one django-simple-history would write: every tracked column copied from the new row, with
    ``history_date`` now, ``history_type`` "+", ``history_user`` = ``actor`` and
    ``history_change_reason`` = ``reason``.

    What it skips, so use it only for models where none of it matters: the model's ``save()``
    override and ``pre_save``/``post_save`` signals, simple-history's ``pre/post_create_historical
    _record`` signals and historical m2m rows. On PostgreSQL (data-modifying CTEs; elsewhere it
    falls back to ``save()``). Sets
    ``obj.pk`` and marks ``obj`` as saved; returns ``obj``."""
    from django.db import connections
    from django.utils import timezone

    connection = connections[using]
    if connection.vendor != "postgresql":  # the library's own two INSERTs
        obj._history_user = actor
        obj._change_reason = reason
        obj.save(using=using)
        return obj
    model = type(obj)
    opts = model._meta
    history = getattr(model, opts.simple_history_manager_attribute).model
    quote = connection.ops.quote_name
    fields = [f for f in opts.concrete_fields if not f.primary_key]
    values = [f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields]
    extra = {
        "history_date": timezone.now(),
        "history_type": "+",
        "history_user_id": actor.pk if actor is not None else None,
        "history_change_reason": reason,
    }
    columns, expressions, params = [], [], []
    for field in history._meta.concrete_fields:
        if field.attname == "history_id":
            continue
        columns.append(quote(field.column))
        if field.attname in extra:
            expressions.append("%s")
            params.append(extra[field.attname])
        else:
            expressions.append(f"t.{quote(field.column)}")
    sql = (
        f"WITH t AS (INSERT INTO {quote(opts.db_table)} ({', '.join(quote(f.column) for f in fields)}) "
        f"VALUES ({', '.join(['%s'] * len(fields))}) RETURNING *) "
        f"INSERT INTO {quote(history._meta.db_table)} ({', '.join(columns)}) "
        f"SELECT {', '.join(expressions)} FROM t RETURNING {quote(history._meta.get_field(opts.pk.attname).column)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*values, *params])
        (pk,) = cursor.fetchone()
    obj.pk = pk
    obj._state.adding = False
    obj._state.db = using
    return obj

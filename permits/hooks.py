"""What other apps do when an application of one of *their* services is issued.

A specialised system whose product is more than a PDF (the ormas register, for instance) registers
a handler for its service code in its ``AppConfig.ready()``::

    hooks.on_issued("SKT-ORMAS", organisations.services.organisation_register_from_permit)

``application_issue`` calls :func:`run_issued_handlers` inside its transaction, after the Permit
row exists: a handler that raises (a :class:`~mpp.errors.DomainError` with the reason) rolls the
issuance back, so the permit and the handler's product are created together or not at all.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import datetime

    from accounts.models import User

    from .models import Application, Permit

IssuedHandler = Callable[..., object]
_ISSUED: dict[str, list[IssuedHandler]] = {}


def on_issued(service_code: str, handler: IssuedHandler) -> None:
    """Call ``handler(application=, permit=, actor=, now=)`` when an application of
    ``service_code`` is issued. Registering the same handler twice has no effect."""
    handlers = _ISSUED.setdefault(service_code, [])
    if handler not in handlers:
        handlers.append(handler)


def issued_handlers(service_code: str) -> list[IssuedHandler]:
    return list(_ISSUED.get(service_code, ()))


def run_issued_handlers(*, application: Application, permit: Permit, actor: User, now: datetime) -> None:
    for handler in issued_handlers(application.service.code):
        handler(application=application, permit=permit, actor=actor, now=now)

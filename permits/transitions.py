"""The statuses of a permit application and the one table of allowed status changes.

Every service that changes ``Application.status`` calls :func:`ensure_transition` first; nothing
else decides which change is allowed. The SLA clock runs only in ``in_process``: it starts when an
officer declares the file complete (berkas lengkap) and pauses while the application is
``returned`` for correction (DOMAIN.md, "Calendar and SLA clock").
"""

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mpp.errors import DomainError


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draf")
    SUBMITTED = "submitted", _("Diajukan")
    RETURNED = "returned", _("Dikembalikan")
    IN_PROCESS = "in_process", _("Diproses")
    APPROVED = "approved", _("Disetujui")
    REJECTED = "rejected", _("Ditolak")
    ISSUED = "issued", _("Diterbitkan")
    WITHDRAWN = "withdrawn", _("Dibatalkan")
    LAPSED = "lapsed", _("Kedaluwarsa")


S = ApplicationStatus

TRANSITIONS: dict[str, frozenset[str]] = {
    S.DRAFT: frozenset({S.SUBMITTED, S.WITHDRAWN}),
    S.SUBMITTED: frozenset({S.IN_PROCESS, S.RETURNED, S.REJECTED, S.WITHDRAWN}),
    # Back to "submitted" when the clock had not started yet; back to "in_process" (the clock
    # resumes) when the correction was asked for after berkas lengkap.
    S.RETURNED: frozenset({S.SUBMITTED, S.IN_PROCESS, S.WITHDRAWN, S.LAPSED}),
    S.IN_PROCESS: frozenset({S.RETURNED, S.APPROVED, S.REJECTED, S.WITHDRAWN}),
    S.APPROVED: frozenset({S.ISSUED}),
    S.REJECTED: frozenset(),
    S.ISSUED: frozenset(),
    S.WITHDRAWN: frozenset(),
    S.LAPSED: frozenset(),
}

TERMINAL_STATUSES: frozenset[str] = frozenset(s for s, targets in TRANSITIONS.items() if not targets)
OPEN_STATUSES: frozenset[str] = frozenset({S.SUBMITTED, S.RETURNED, S.IN_PROCESS, S.APPROVED})
"""Submitted and not finished: what staff work on (drafts are the citizen's own business)."""
CLOCK_STATUSES: frozenset[str] = frozenset({S.IN_PROCESS, S.RETURNED})
"""Statuses in which the SLA clock has a deadline (running, or paused while returned)."""

# The verb of each target status, completing "Permohonan berstatus 'X' tidak dapat ...".
_ACTION = {
    S.DRAFT: _("dijadikan draf"),
    S.SUBMITTED: _("diajukan"),
    S.RETURNED: _("dikembalikan untuk perbaikan"),
    S.IN_PROCESS: _("diproses"),
    S.APPROVED: _("disetujui"),
    S.REJECTED: _("ditolak"),
    S.ISSUED: _("diterbitkan"),
    S.WITHDRAWN: _("dibatalkan"),
    S.LAPSED: _("dinyatakan kedaluwarsa"),
}


class TransitionNotAllowed(DomainError):
    """The application's status does not allow this action (HTTP 409: the state conflicts)."""

    status_code = 409

    def __init__(self, current: str, target: str, message: str | None = None):
        self.current = current
        self.target = target
        super().__init__(message or refusal_message(current, target), code="transition_not_allowed")


def refusal_message(current: str, target: str) -> str:
    return gettext("Permohonan berstatus '%(status)s' tidak dapat %(action)s.") % {
        "status": S(current).label,
        "action": _ACTION[S(target)],
    }


def can_transition(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, frozenset())


def ensure_transition(current: str, target: str) -> None:
    """Raise :class:`TransitionNotAllowed` unless the table allows ``current`` -> ``target``."""
    if not can_transition(current, target):
        raise TransitionNotAllowed(current, target)


def status_labels() -> dict[str, str]:
    """Each status's label in the active language (read once per list or result, not per row)."""
    return {value: str(label) for value, label in ApplicationStatus.choices}

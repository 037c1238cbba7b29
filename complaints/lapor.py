"""Forwarding a complaint to SP4N-LAPOR! (the national complaint system) through an adapter.

``forwarder()`` returns the adapter chosen by ``MPP_LAPOR_ADAPTER``: ``sandbox`` (the default)
makes no outside call and returns a reference derived from the complaint number, so development
and tests never reach the real system. A production adapter subclasses :class:`ComplaintForwarder`
and is selected by its dotted path; it must send no personal data of a confidential or
whistle-blowing reporter (``ForwardPayload`` carries none).
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string

from mpp.errors import DomainError


@dataclass(frozen=True)
class ForwardPayload:
    number: str
    kind: str
    category: str
    subject: str
    description: str
    note: str


class ForwardFailed(DomainError):
    """SP4N-LAPOR! refused or could not be reached; nothing was changed."""


class ComplaintForwarder:
    def forward(self, payload: ForwardPayload) -> str:
        """Send the complaint; return the reference SP4N-LAPOR! assigned."""
        raise NotImplementedError


class SandboxForwarder(ComplaintForwarder):
    """Development and tests: accepts everything, returns ``SANDBOX-<number>``."""

    def forward(self, payload: ForwardPayload) -> str:
        return f"SANDBOX-{payload.number}"


def forwarder() -> ComplaintForwarder:
    name = getattr(settings, "MPP_LAPOR_ADAPTER", "sandbox") or "sandbox"
    if name == "sandbox":
        return SandboxForwarder()
    return import_string(name)()

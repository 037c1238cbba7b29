"""Payment gateways for levies (SKRD): one small interface, one sandbox implementation.

A gateway does three things for the portal:

- ``create_bill(assessment)``: register the bill and return the payment reference the citizen pays
  against (a virtual account number / kode bayar);
- ``verify_signature(body, headers)``: tell whether a callback really comes from the gateway;
- ``parse_callback(body)``: read the callback into a :class:`PaymentNotice`.

The callback endpoint (``verify:payment_callback``) checks the signature, parses the notice and
hands it to ``permits.services.payment_gateway_callback``, which is idempotent: the gateway retries
callbacks, and the same gateway reference twice changes nothing the second time.

``SandboxGateway`` is for development and tests: it makes no outside call. Its references are
16 digits (a 4-digit prefix, 11 random digits and a Luhn check digit, the shape of a bank's virtual
account number) and its callbacks are JSON signed with HMAC-SHA256 over the raw body, with the
secret in ``MPP_PAYMENT_SANDBOX_SECRET``, in the ``X-Sandbox-Signature`` header (hex). The default
secret is public, so it is accepted only in a debug or demo run (``DEBUG`` or ``DEMO_MODE``).

A real gateway (a regional bank's virtual account service, a QRIS aggregator) is another class
with the same three methods, registered in ``GATEWAYS`` and chosen with ``MPP_PAYMENT_GATEWAY``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from django.conf import settings
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from mpp.errors import DomainError

if TYPE_CHECKING:
    from .models import Assessment

DEFAULT_GATEWAY = "sandbox"
# The development secret: accepted only in a demo or debug run (see SandboxGateway.verify_signature).
DEFAULT_SANDBOX_SECRET = "sandbox-secret"
SANDBOX_SIGNATURE_HEADER = "X-Sandbox-Signature"
SANDBOX_REFERENCE_PREFIX = "8808"


class InvalidCallback(DomainError):
    """A callback the gateway did not sign, or that cannot be read (HTTP 400)."""


@dataclass(frozen=True)
class PaymentNotice:
    """A payment reported by a gateway."""

    reference: str  # the payment reference (virtual account / kode bayar) of the SKRD
    amount: Decimal
    paid_at: datetime
    gateway_ref: str  # the gateway's own transaction id: the idempotency key


@runtime_checkable
class PaymentGateway(Protocol):
    name: str

    def create_bill(self, assessment: Assessment) -> str:
        """Register the bill; return the payment reference the citizen pays against."""
        ...

    def verify_signature(self, body: bytes, headers: Mapping[str, str]) -> bool:
        """True when ``body`` was signed by the gateway."""
        ...

    def parse_callback(self, body: bytes) -> PaymentNotice:
        """Read a callback; raises :class:`InvalidCallback` when it cannot."""
        ...


def luhn_check_digit(digits: str) -> str:
    """The Luhn check digit of ``digits`` (catches a mistyped digit or swapped neighbours)."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 0:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return str((10 - total % 10) % 10)


def luhn_valid(number: str) -> bool:
    return number.isdigit() and len(number) > 1 and luhn_check_digit(number[:-1]) == number[-1]


class SandboxGateway:
    """A gateway for development and tests: bills are numbered locally, callbacks are HMAC-signed."""

    name = "sandbox"

    def __init__(self, secret: str | None = None):
        self.secret = secret if secret is not None else sandbox_secret()

    # -- bills --
    def create_bill(self, assessment: Assessment) -> str:
        body = SANDBOX_REFERENCE_PREFIX + "".join(secrets.choice("0123456789") for _ in range(11))
        return body + luhn_check_digit(body)

    # -- callbacks --
    def sign(self, body: bytes) -> str:
        return hmac.new(self.secret.encode(), body, hashlib.sha256).hexdigest()

    def verify_signature(self, body: bytes, headers: Mapping[str, str]) -> bool:
        if self.secret == DEFAULT_SANDBOX_SECRET and not _development_run():
            # Anyone can sign with the published default: a production run with the sandbox left
            # on and no secret of its own must not let forged callbacks mark levies paid.
            return False
        given = headers.get(SANDBOX_SIGNATURE_HEADER) or ""
        return bool(given) and hmac.compare_digest(given.strip().lower(), self.sign(body))

    def parse_callback(self, body: bytes) -> PaymentNotice:
        try:
            data = json.loads(body.decode("utf-8"))
            reference = str(data["reference"]).strip()
            amount = Decimal(str(data["amount"]))
            gateway_ref = str(data["gateway_ref"]).strip()
            paid_at = parse_datetime(str(data.get("paid_at") or "")) if data.get("paid_at") else None
        except (ValueError, KeyError, TypeError, InvalidOperation, UnicodeDecodeError) as exc:
            raise InvalidCallback(
                _("Data pemberitahuan pembayaran tidak dapat dibaca."), code="bad_callback"
            ) from exc
        if not reference or not gateway_ref or not amount.is_finite():
            raise InvalidCallback(_("Data pemberitahuan pembayaran tidak lengkap."), code="bad_callback")
        if paid_at is None:
            paid_at = timezone.now()
        elif timezone.is_naive(paid_at):
            paid_at = timezone.make_aware(paid_at)
        return PaymentNotice(reference=reference, amount=amount, paid_at=paid_at, gateway_ref=gateway_ref)

    def build_callback(
        self,
        *,
        reference: str,
        amount: Decimal | int | str,
        gateway_ref: str,
        paid_at: datetime | None = None,
    ) -> tuple[bytes, dict[str, str]]:
        """The body and headers the sandbox would POST (for tests and for simulating a payment)."""
        payload = {
            "reference": reference,
            "amount": str(amount),
            "gateway_ref": gateway_ref,
            "paid_at": (paid_at or timezone.now()).isoformat(),
        }
        body = json.dumps(payload, sort_keys=True).encode()
        return body, {SANDBOX_SIGNATURE_HEADER: self.sign(body)}


def _development_run() -> bool:
    return bool(settings.DEBUG or getattr(settings, "DEMO_MODE", False))


def sandbox_secret() -> str:
    return getattr(settings, "MPP_PAYMENT_SANDBOX_SECRET", DEFAULT_SANDBOX_SECRET)


GATEWAYS: dict[str, Callable[[], PaymentGateway]] = {"sandbox": SandboxGateway}


def get_gateway(name: str | None = None) -> PaymentGateway:
    """The configured gateway (``MPP_PAYMENT_GATEWAY``, default "sandbox")."""
    name = name or getattr(settings, "MPP_PAYMENT_GATEWAY", DEFAULT_GATEWAY)
    try:
        factory = GATEWAYS[name]
    except KeyError as exc:
        raise LookupError(f"Unknown payment gateway {name!r}; known: {', '.join(sorted(GATEWAYS))}") from exc
    return factory()

"""Tracking numbers and the short secret printed on the receipt.

A tracking number is ``<SERVICE CODE>-<YEAR>-<6 digits>``, e.g. ``PBG-2026-000123``: a sequence
per service and year, allocated under a row lock (see ``ApplicationSequence``). Numbers are
predictable on purpose (they are read out at the counter); what protects the public lookup is the
8-character secret, drawn from an alphabet without look-alikes (no 0/O, 1/I/L) and compared in
constant time.
"""

import hmac
import re
import secrets

from django.db import transaction

from .models import ApplicationSequence

SECRET_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
SECRET_LENGTH = 8
_NUMBER_RE = re.compile(r"^[A-Z0-9][A-Z0-9-]*-\d{4}-\d{6,}$")
# Compared against when a number is unknown, so a miss costs the same as a wrong secret.
_DUMMY_SECRET = "Z" * SECRET_LENGTH


def new_secret() -> str:
    return "".join(secrets.choice(SECRET_ALPHABET) for _ in range(SECRET_LENGTH))


def normalize_number(value: str) -> str:
    return (value or "").strip().upper()


def normalize_secret(value: str) -> str:
    """Upper-case, without spaces or dashes (people copy "ABCD-EFGH" or "abcd efgh")."""
    return re.sub(r"[\s-]", "", value or "").upper()


def looks_like_number(value: str) -> bool:
    return bool(_NUMBER_RE.match(normalize_number(value)))


def format_number(prefix: str, year: int, sequence: int) -> str:
    return f"{prefix}-{year}-{sequence:06d}"


def secrets_match(given: str, expected: str | None) -> bool:
    """Constant-time comparison; an unknown application compares against a dummy secret."""
    given_bytes = normalize_secret(given).encode()
    expected_bytes = (expected or _DUMMY_SECRET).encode()
    return hmac.compare_digest(given_bytes, expected_bytes) and expected is not None


def allocate_number(*, prefix: str, year: int) -> str:
    """The next tracking number for ``prefix`` in ``year``. Call inside the submit transaction:
    the sequence row stays locked until it commits, so no two submissions share a number."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("allocate_number must run inside a transaction.")
    # get_or_create survives the race of two first submissions of the year (the loser's INSERT
    # waits for the winner, fails on the unique constraint and reads the winner's row).
    ApplicationSequence.objects.get_or_create(prefix=prefix, year=year)
    sequence = ApplicationSequence.objects.select_for_update().get(prefix=prefix, year=year)
    sequence.last += 1
    sequence.save(update_fields=["last"])
    return format_number(prefix, year, sequence.last)

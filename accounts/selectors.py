"""Reads about accounts: look-ups used by registration, verification links and profiles."""

from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode

from .models import User


def user_email_taken(email: str) -> bool:
    """True when an account already uses this address, whatever its case."""
    return User.objects.filter(email__iexact=(email or "").strip()).exists()


def user_nik_taken(nik: str) -> bool:
    return User.objects.filter(nik=(nik or "").strip()).exists()


def user_from_uidb64(uidb64: str) -> User | None:
    """The user a signed link points at, or None when the id is garbled or unknown."""
    try:
        pk = force_str(urlsafe_base64_decode(uidb64))
        return User.objects.get(pk=pk)
    except (TypeError, ValueError, OverflowError, User.DoesNotExist):
        return None


def masked_nik(nik: str | None) -> str:
    """A NIK with all but its last four digits hidden, for showing back to its owner."""
    if not nik:
        return ""
    return "•" * (len(nik) - 4) + nik[-4:]

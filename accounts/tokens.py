"""Signed one-time links for e-mail verification.

Same machinery as Django's password-reset links (HMAC over the user's state and a timestamp,
valid for settings.PASSWORD_RESET_TIMEOUT), keyed on `email_verified_at` and the address: once the
address is verified, or changed, every earlier link stops working.
"""

from django.contrib.auth.tokens import PasswordResetTokenGenerator


class EmailVerificationTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "accounts.tokens.EmailVerificationTokenGenerator"

    def _make_hash_value(self, user, timestamp: int) -> str:
        verified_at = user.email_verified_at
        verified = "" if verified_at is None else verified_at.replace(microsecond=0, tzinfo=None).isoformat()
        return f"{user.pk}{user.email.lower()}{verified}{timestamp}"


email_verification_token = EmailVerificationTokenGenerator()

"""Domain errors: raised by services, mapped once to HTTP 400/403/409 (mpp.api) and to form errors."""

from django.utils.translation import gettext as _


class DomainError(Exception):
    """A business rule refused the action. The message is for the user, already translated."""

    status_code = 400

    def __init__(self, message: str, *, code: str | None = None):
        super().__init__(message)
        self.message = message
        self.code = code or self.__class__.__name__


class ConflictError(DomainError):
    """Someone else changed the same thing first (HTTP 409)."""

    status_code = 409


class NotPermitted(DomainError):
    """The actor may not do this to this object (HTTP 403); the message says who may."""

    status_code = 403

    def __init__(self, message: str | None = None, *, code: str = "not_permitted"):
        super().__init__(message or _("Anda tidak berwenang melakukan tindakan ini."), code=code)

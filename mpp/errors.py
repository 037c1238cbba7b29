"""Domain errors: raised by services, mapped once to HTTP 400/409 (mpp.api) and to form errors."""


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

"""Writes to accounts: registration, staff creation, role changes. Each one atomic and audited."""

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from mpp.errors import ConflictError, DomainError

from .models import AGENCY_BOUND_ROLES, AGENCY_ROLES, Role, User
from .nik import InvalidNik, parse_nik
from .phone import InvalidPhone, normalize_mobile
from .roles import group_for_role
from .selectors import user_email_taken, user_nik_taken


@transaction.atomic
def user_set_role(*, user: User, role: str, agency=None, actor=None) -> User:
    """Give a user a role (and the agency that agency roles need); groups follow the role."""
    user = User.objects.select_for_update().get(pk=user.pk)
    user.role = role
    user.agency = agency if role in AGENCY_BOUND_ROLES else None
    user.is_staff = role == Role.MPP_ADMIN
    user._history_user = actor
    user._change_reason = f"peran: {role}"
    user.save(update_fields=["role", "agency", "is_staff"])
    user.groups.set([group_for_role(role)])
    return user


@transaction.atomic
def staff_create(
    *,
    email: str,
    full_name: str,
    role: str,
    agency=None,
    password: str | None = None,
    actor=None,
    phone: str = "",
) -> User:
    """Create an officer, supervisor or MPP admin account (only admins do this)."""
    user = User(email=email.strip().lower(), full_name=full_name, phone=phone, role=Role.CITIZEN)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.email_verified_at = timezone.now()
    user._history_user = actor
    user._change_reason = "akun petugas dibuat"
    user.save()
    return user_set_role(user=user, role=role, agency=agency, actor=actor)


# --- Citizens: self-registration, e-mail verification, profile -------------------------------------

VERIFICATION_RESEND_SECONDS = 60


class EmailAlreadyRegistered(ConflictError):
    field = "email"

    def __init__(self):
        super().__init__(_("Email ini sudah terdaftar."), code="email_taken")


class NikAlreadyRegistered(ConflictError):
    field = "nik"

    def __init__(self):
        super().__init__(_("NIK ini sudah terdaftar."), code="nik_taken")


class InvalidRegistration(DomainError):
    """A value the registration cannot accept; `field` names the input it belongs to."""

    def __init__(self, message: str, *, field: str):
        super().__init__(message, code="invalid_registration")
        self.field = field


class VerificationResendTooSoon(DomainError):
    status_code = 429

    def __init__(self):
        super().__init__(
            _("Tautan verifikasi baru saja dikirim. Coba lagi dalam %(seconds)d detik.")
            % {"seconds": VERIFICATION_RESEND_SECONDS},
            code="resend_too_soon",
        )


class EmailAlreadyVerified(DomainError):
    def __init__(self):
        super().__init__(_("Email Anda sudah terverifikasi."), code="already_verified")


@transaction.atomic
def citizen_register(
    *,
    email: str,
    full_name: str,
    phone: str,
    nik: str,
    password: str,
    preferred_language: str = "id",
    site_url: str | None = None,
) -> User:
    """Create a citizen's account (no manual approval) and, after commit, e-mail the
    verification link when `site_url` (scheme and host, e.g. "https://mpp.example.go.id") is given.

    The role is always citizen: staff accounts come only from `staff_create`.
    """
    email = (email or "").strip().lower()
    nik = (nik or "").strip()
    try:
        parse_nik(nik)
    except InvalidNik as exc:
        raise InvalidRegistration(str(exc), field="nik") from exc
    try:
        phone = normalize_mobile(phone)
    except InvalidPhone as exc:
        raise InvalidRegistration(str(exc), field="phone") from exc
    if user_email_taken(email):
        raise EmailAlreadyRegistered()
    if user_nik_taken(nik):
        raise NikAlreadyRegistered()

    user = User(
        email=email,
        full_name=full_name.strip(),
        phone=phone,
        nik=nik,
        role=Role.CITIZEN,
        preferred_language=preferred_language,
    )
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise InvalidRegistration(" ".join(exc.messages), field="password") from exc
    user.set_password(password)
    user._history_user = user  # the citizen registers themself
    user._change_reason = "pendaftaran mandiri oleh warga"
    try:
        # A concurrent registration with the same address or NIK loses at the unique index.
        with transaction.atomic():
            user.save()
    except IntegrityError:
        if user_email_taken(email):
            raise EmailAlreadyRegistered() from None
        raise NikAlreadyRegistered() from None
    user.groups.set([group_for_role(Role.CITIZEN)])

    if site_url:
        cache.set(_resend_key(user), True, VERIFICATION_RESEND_SECONDS)
        transaction.on_commit(lambda: email_verification_send(user=user, site_url=site_url))
    return user


def _resend_key(user: User) -> str:
    return f"accounts:verification-sent:{user.pk}"


def email_verification_send(*, user: User, site_url: str) -> None:
    """E-mail the signed verification link, in the user's language, naming the MPP."""
    from agencies.selectors import mpp_profile

    from .tokens import email_verification_token

    profile = mpp_profile()
    path = reverse(
        "accounts:verify_email",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": email_verification_token.make_token(user),
        },
    )
    context = {
        "user": user,
        "mpp_name": profile.name if profile else "Mal Pelayanan Publik",
        "verify_url": site_url.rstrip("/") + path,
        "valid_days": max(settings.PASSWORD_RESET_TIMEOUT // 86400, 1),
    }
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        subject = render_to_string("accounts/email/verify_email_subject.txt", context)
        body = render_to_string("accounts/email/verify_email.txt", context)
    send_mail(" ".join(subject.split()), body, None, [user.email])


def email_verification_resend(*, user: User, site_url: str) -> None:
    """Send a fresh verification link, at most once per VERIFICATION_RESEND_SECONDS per user."""
    if user.email_verified_at is not None:
        raise EmailAlreadyVerified()
    # cache.add is atomic in every backend: two quick clicks send one e-mail.
    if not cache.add(_resend_key(user), True, VERIFICATION_RESEND_SECONDS):
        raise VerificationResendTooSoon()
    email_verification_send(user=user, site_url=site_url)


@transaction.atomic
def user_verify_email(*, user: User) -> User:
    """Record that the user proved they receive mail at their address (idempotent)."""
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.email_verified_at is not None:
        return user
    user.email_verified_at = timezone.now()
    user._history_user = user
    user._change_reason = "email diverifikasi lewat tautan"
    user.save(update_fields=["email_verified_at"])
    return user


@transaction.atomic
def user_update_profile(
    *, user: User, full_name: str, phone: str, preferred_language: str, actor: User | None = None
) -> User:
    """Change the details a user may edit themselves: name, phone and preferred language."""
    if phone:
        try:
            phone = normalize_mobile(phone)
        except InvalidPhone as exc:
            raise InvalidRegistration(str(exc), field="phone") from exc
    user = User.objects.select_for_update().get(pk=user.pk)
    user.full_name = full_name.strip()
    user.phone = phone
    user.preferred_language = preferred_language
    user._history_user = actor or user
    user._change_reason = "profil diubah"
    user.save(update_fields=["full_name", "phone", "preferred_language"])
    from permits.services import applications_rename_applicant  # permits imports accounts

    applications_rename_applicant(user=user)
    return user


# --- Citizens registered by an officer at the counter (officer-assisted filing) -------------------

NO_EMAIL_DOMAIN = "tanpa-email.mpp.local"
"""The reserved domain of accounts created at the counter for a citizen who has no e-mail address.

The User model needs a unique e-mail, so such an account gets ``nik-<NIK>@tanpa-email.mpp.local``.
".local" is reserved for multicast DNS (RFC 6762) and never resolves on the Internet, and
:func:`is_deliverable_email` says False for it: nothing may ever be sent there (check it before
every ``send_mail`` to a user). The address itself is the account's "no e-mail" mark; the citizen
receives the printed receipt at the counter instead, and can add a real address later.
"""


def no_email_address(nik: str) -> str:
    return f"nik-{nik}@{NO_EMAIL_DOMAIN}"


def is_deliverable_email(email: str | None) -> bool:
    """False for an empty address and for the reserved no-e-mail domain: never send mail there."""
    email = (email or "").strip().lower()
    if "@" not in email:
        return False
    domain = email.rsplit("@", 1)[1]
    return not (domain == NO_EMAIL_DOMAIN or domain.endswith("." + NO_EMAIL_DOMAIN))


@transaction.atomic
def citizen_register_assisted(
    *,
    full_name: str,
    nik: str,
    actor: User,
    phone: str = "",
    email: str = "",
    site_url: str | None = None,
) -> User:
    """An officer creates a citizen's account at the counter, to file an application on their behalf.

    NIK and name are required, and an e-mail address or a mobile number (so the MPP can reach the
    citizen). Without an e-mail the account gets the reserved address of :func:`no_email_address`
    and an unusable password (nobody can sign in or reset a password by e-mail for it). With a real
    address the password is a random one nobody knows: the citizen takes the account over with
    "Lupa kata sandi", and the verification link is e-mailed after commit when ``site_url`` is
    given. The history row names the officer as the actor.
    """
    if not (
        actor is not None
        and actor.is_authenticated
        and actor.is_active
        and actor.role in AGENCY_ROLES
        and actor.agency_id is not None
    ):
        raise DomainError(
            _("Hanya petugas instansi yang dapat mendaftarkan warga di loket."), code="not_staff"
        )
    full_name = " ".join((full_name or "").split())
    if not full_name:
        raise InvalidRegistration(_("Nama lengkap wajib diisi."), field="full_name")
    nik = "".join((nik or "").split())
    try:
        parse_nik(nik)
    except InvalidNik as exc:
        raise InvalidRegistration(str(exc), field="nik") from exc
    phone = (phone or "").strip()
    if phone:
        try:
            phone = normalize_mobile(phone)
        except InvalidPhone as exc:
            raise InvalidRegistration(str(exc), field="phone") from exc
    email = (email or "").strip().lower()
    if email and not is_deliverable_email(email):
        raise InvalidRegistration(_("Alamat email ini tidak dapat dipakai."), field="email")
    if not email and not phone:
        raise InvalidRegistration(
            _("Isi email atau nomor HP warga agar MPP dapat menghubunginya."), field="phone"
        )
    if user_nik_taken(nik):
        raise NikAlreadyRegistered()
    if email and user_email_taken(email):
        raise EmailAlreadyRegistered()

    user = User(
        email=email or no_email_address(nik),
        full_name=full_name,
        phone=phone,
        nik=nik,
        role=Role.CITIZEN,
    )
    if email:
        from django.utils.crypto import get_random_string

        user.set_password(get_random_string(40))
    else:
        user.set_unusable_password()
    user._history_user = actor
    user._change_reason = (
        "akun warga dibuat petugas di loket (permohonan dibantu)"
        if email
        else "akun warga dibuat petugas di loket (permohonan dibantu; warga tanpa email)"
    )
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError:
        if user_nik_taken(nik):
            raise NikAlreadyRegistered() from None
        raise EmailAlreadyRegistered() from None
    user.groups.set([group_for_role(Role.CITIZEN)])
    if email and site_url:
        transaction.on_commit(lambda: email_verification_send(user=user, site_url=site_url))
    return user

"""Writes to accounts: registration, staff creation, role changes. Each one atomic and audited."""

from django.db import transaction
from django.utils import timezone

from .models import AGENCY_ROLES, Role, User
from .roles import group_for_role


@transaction.atomic
def user_set_role(*, user: User, role: str, agency=None, actor=None) -> User:
    """Give a user a role (and the agency that agency roles need); groups follow the role."""
    user = User.objects.select_for_update().get(pk=user.pk)
    user.role = role
    user.agency = agency if role in AGENCY_ROLES else None
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

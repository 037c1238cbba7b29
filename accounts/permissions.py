"""Who may open what: the one place for access rules used by HTML views and the API.

- HTML: decorators (`@citizen_required`) for function views and mixins (`CitizenRequiredMixin`)
  for class-based views. Anonymous visitors are sent to the login page (with `next`); a signed-in
  user with the wrong role gets the 403 page (templates/403.html).
- API: DRF permission classes (`IsCitizen`, ...). Anonymous requests get 401/403 from DRF.
- Rows: `scope_to_agency(queryset, user)` narrows a queryset to what the user may see.

Roles come from `accounts.models.Role`. An officer or supervisor always belongs to one agency
(a database constraint says so); an MPP admin (or a superuser) oversees every agency.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.mixins import AccessMixin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import BasePermission

from .models import Role

RoleTest = Callable[[object], bool]


# --- The rules ------------------------------------------------------------------------------------


def is_citizen(user) -> bool:
    """A citizen's account. A superuser (created by `createsuperuser`, role left at the default)
    is an administrator, not a citizen."""
    return bool(
        user.is_authenticated and user.is_active and user.role == Role.CITIZEN and not user.is_superuser
    )


def is_agency_staff(user) -> bool:
    """An officer or a supervisor, attached to an agency."""
    return bool(
        user.is_authenticated
        and user.is_active
        and user.role in (Role.OFFICER, Role.SUPERVISOR)
        and user.agency_id is not None
    )


def is_supervisor(user) -> bool:
    return bool(
        user.is_authenticated
        and user.is_active
        and user.role == Role.SUPERVISOR
        and user.agency_id is not None
    )


def is_mpp_admin(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_mpp_admin)


def is_agency_admin(user) -> bool:
    """An agency's administrator, attached to that agency."""
    return bool(
        user.is_authenticated
        and user.is_active
        and user.role == Role.AGENCY_ADMIN
        and user.agency_id is not None
    )


def is_complaint_officer(user) -> bool:
    """The MPP's complaint desk (not tied to one agency)."""
    return bool(user.is_authenticated and user.is_active and user.role == Role.COMPLAINT_OFFICER)


def is_expert(user) -> bool:
    """A member of an agency's expert team (technical review of building designs)."""
    return bool(
        user.is_authenticated and user.is_active and user.role == Role.EXPERT and user.agency_id is not None
    )


DENIED_MESSAGES = {
    is_citizen: _("Halaman ini khusus untuk akun warga."),
    is_agency_staff: _("Halaman ini khusus untuk petugas instansi."),
    is_supervisor: _("Halaman ini khusus untuk supervisor instansi."),
    is_mpp_admin: _("Halaman ini khusus untuk admin MPP."),
    is_agency_admin: _("Halaman ini khusus untuk admin instansi."),
    is_complaint_officer: _("Halaman ini khusus untuk petugas pengaduan MPP."),
    is_expert: _("Halaman ini khusus untuk tim profesi ahli."),
}


def has_role(user, *roles: str) -> bool:
    """True when the user holds one of `roles` (agency roles also need an agency)."""
    checks = {
        Role.CITIZEN: is_citizen,
        Role.OFFICER: lambda u: is_agency_staff(u) and u.role == Role.OFFICER,
        Role.SUPERVISOR: is_supervisor,
        Role.MPP_ADMIN: is_mpp_admin,
        Role.AGENCY_ADMIN: is_agency_admin,
        Role.COMPLAINT_OFFICER: is_complaint_officer,
        Role.EXPERT: is_expert,
    }
    return any(checks[Role(role)](user) for role in roles)


# --- HTML views -----------------------------------------------------------------------------------


def user_passes_role_test(test: RoleTest, message=None):
    """Decorator factory: anonymous -> login page; signed in but failing `test` -> 403."""
    denied = message or DENIED_MESSAGES.get(test) or _("Anda tidak memiliki akses ke halaman ini.")

    def decorator(view_func):
        @wraps(view_func)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not test(request.user):
                raise PermissionDenied(denied)
            return view_func(request, *args, **kwargs)

        return wrapper

    return decorator


citizen_required = user_passes_role_test(is_citizen)
agency_staff_required = user_passes_role_test(is_agency_staff)
supervisor_required = user_passes_role_test(is_supervisor)
mpp_admin_required = user_passes_role_test(is_mpp_admin)
agency_admin_required = user_passes_role_test(is_agency_admin)
complaint_officer_required = user_passes_role_test(is_complaint_officer)
expert_required = user_passes_role_test(is_expert)


def role_required(*roles: str):
    """For the combinations the four decorators do not cover, e.g. staff views MPP admins also use:
    `@role_required(Role.OFFICER, Role.SUPERVISOR, Role.MPP_ADMIN)`."""
    return user_passes_role_test(lambda user: has_role(user, *roles))


class RoleRequiredMixin(AccessMixin):
    """Class-based view counterpart of the decorators; set `role_test` (and optionally `roles`)."""

    role_test: RoleTest | None = None
    roles: tuple[str, ...] = ()

    def test_role(self, user) -> bool:
        if self.roles:
            return has_role(user, *self.roles)
        return type(self).role_test(user)

    def get_permission_denied_message(self):
        if self.permission_denied_message:
            return self.permission_denied_message
        return DENIED_MESSAGES.get(type(self).role_test, _("Anda tidak memiliki akses ke halaman ini."))

    def dispatch(self, request, *args, **kwargs):
        # AccessMixin: anonymous -> redirect to login; signed in -> PermissionDenied (403 page).
        if not request.user.is_authenticated or not self.test_role(request.user):
            return self.handle_no_permission()
        return super().dispatch(request, *args, **kwargs)


class CitizenRequiredMixin(RoleRequiredMixin):
    role_test = is_citizen


class AgencyStaffRequiredMixin(RoleRequiredMixin):
    role_test = is_agency_staff


class SupervisorRequiredMixin(RoleRequiredMixin):
    role_test = is_supervisor


class MppAdminRequiredMixin(RoleRequiredMixin):
    role_test = is_mpp_admin


# --- API ------------------------------------------------------------------------------------------


class _RolePermission(BasePermission):
    role_test: RoleTest

    def has_permission(self, request, view) -> bool:
        # DRF turns False for an anonymous request into NotAuthenticated (401/403).
        return type(self).role_test(request.user)


class IsCitizen(_RolePermission):
    message = _("Hanya akun warga yang dapat melakukan ini.")
    role_test = is_citizen


class IsAgencyStaff(_RolePermission):
    message = _("Hanya petugas instansi yang dapat melakukan ini.")
    role_test = is_agency_staff

    def has_object_permission(self, request, view, obj) -> bool:
        """Staff reach only their own agency's objects when the object names an agency."""
        agency_id = _agency_id_of(obj)
        return agency_id is None or agency_id == request.user.agency_id


class IsSupervisor(IsAgencyStaff):
    message = _("Hanya supervisor instansi yang dapat melakukan ini.")
    role_test = is_supervisor


class IsMppAdmin(_RolePermission):
    message = _("Hanya admin MPP yang dapat melakukan ini.")
    role_test = is_mpp_admin


def _agency_id_of(obj):
    if hasattr(obj, "agency_id"):
        return obj.agency_id
    service = getattr(obj, "service", None)
    return getattr(service, "agency_id", None)


# --- Rows -----------------------------------------------------------------------------------------


def scope_to_agency(queryset: QuerySet, user, field: str = "agency") -> QuerySet:
    """The rows `user` may see: their agency's for officers and supervisors, all of them for MPP
    admins, none for anyone else. `field` is the lookup path to the agency, e.g.
    "service__agency" for rows that belong to a service."""
    if is_mpp_admin(user):
        return queryset
    if is_agency_staff(user):
        return queryset.filter(**{field: user.agency_id})
    return queryset.none()

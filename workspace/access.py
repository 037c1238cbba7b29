"""Who may use the admin workspace, and on which rows: an MPP admin everything, an agency admin
their own agency's services, maklumat, announcements and staff only."""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.permissions import is_agency_admin, is_mpp_admin, user_passes_role_test


def is_workspace_admin(user) -> bool:
    return is_mpp_admin(user) or is_agency_admin(user)


workspace_required = user_passes_role_test(
    is_workspace_admin, gettext_lazy("Halaman ini khusus untuk admin MPP dan admin instansi.")
)
mpp_admin_required = user_passes_role_test(is_mpp_admin)


def scope(queryset: QuerySet, user, field: str = "agency") -> QuerySet:
    if is_mpp_admin(user):
        return queryset
    if is_agency_admin(user):
        return queryset.filter(**{field: user.agency_id})
    return queryset.none()


def check_agency(user, agency_id: int | None) -> None:
    """Raise 403 unless ``user`` may manage rows of ``agency_id`` (None: the MPP's own rows)."""
    if is_mpp_admin(user):
        return
    if is_agency_admin(user) and agency_id is not None and agency_id == user.agency_id:
        return
    raise PermissionDenied(_("Anda hanya dapat mengelola data instansi Anda sendiri."))

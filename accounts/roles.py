"""Roles are Django groups with permissions. This table is the one place that says who may do what;
`sync_role_groups` (run after every migrate) makes the groups match it."""

from django.contrib.auth.models import Group, Permission

from .models import Role

ROLE_GROUP_NAMES = {
    Role.CITIZEN: "Warga",
    Role.OFFICER: "Petugas loket",
    Role.SUPERVISOR: "Supervisor instansi",
    Role.MPP_ADMIN: "Admin MPP",
    Role.AGENCY_ADMIN: "Admin instansi",
    Role.COMPLAINT_OFFICER: "Petugas pengaduan MPP",
    Role.EXPERT: "Tim profesi ahli",
}

_CATALOGUE_EDIT = [
    f"{action}_{model}"
    for model in ("service", "servicestandard", "requirement", "sopstep", "feeitem", "category")
    for action in ("view", "add", "change")
]
_MPP_EDIT = [
    f"{action}_{model}"
    for model in (
        "agency",
        "maklumat",
        "announcement",
        "mppprofile",
        "officehours",
        "calendaroverride",
        "counter",
        "complaintcategory",
        "followupaction",
    )
    for action in ("view", "add", "change", "delete")
]

ROLE_PERMISSIONS: dict[str, list[str]] = {
    Role.CITIZEN: [],
    Role.OFFICER: ["view_service", "view_servicestandard", "view_counter"],
    Role.SUPERVISOR: ["view_service", "view_servicestandard", "view_counter", "view_user"],
    Role.MPP_ADMIN: [*_CATALOGUE_EDIT, *_MPP_EDIT, "view_user", "add_user", "change_user"],
    # Agency-scoped: the workspace limits them to their own agency's rows.
    Role.AGENCY_ADMIN: [*_CATALOGUE_EDIT, "view_counter", "view_user"],
    Role.COMPLAINT_OFFICER: ["view_service", "view_agency"],
    Role.EXPERT: ["view_service", "view_servicestandard"],
}


def sync_role_groups(**kwargs) -> None:
    for role, name in ROLE_GROUP_NAMES.items():
        group, _ = Group.objects.get_or_create(name=name)
        wanted = ROLE_PERMISSIONS[role]
        permissions = list(Permission.objects.filter(codename__in=wanted))
        group.permissions.set(permissions)


def group_for_role(role: str) -> Group:
    group, _ = Group.objects.get_or_create(name=ROLE_GROUP_NAMES[Role(role)])
    return group

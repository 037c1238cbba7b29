"""A URLconf for tests/accounts/test_permissions.py: one tiny view per access rule, plus the site."""

from django.http import HttpResponse
from django.urls import include, path
from django.views import View
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts import permissions
from accounts.models import Role


def _ok(request, *args, **kwargs):
    return HttpResponse("boleh")


class _OkView(View):
    def get(self, request):
        return HttpResponse("boleh")


def _api(permission_class):
    class _Api(APIView):
        permission_classes = [permission_class]

        def get(self, request):
            return Response({"ok": True})

    return _Api.as_view()


def _mixin_view(mixin):
    return type("V", (mixin, _OkView), {}).as_view()


urlpatterns = [
    path("uji/warga/", permissions.citizen_required(_ok)),
    path("uji/petugas/", permissions.agency_staff_required(_ok)),
    path("uji/supervisor/", permissions.supervisor_required(_ok)),
    path("uji/admin-mpp/", permissions.mpp_admin_required(_ok)),
    path(
        "uji/petugas-atau-admin/",
        permissions.role_required(Role.OFFICER, Role.SUPERVISOR, Role.MPP_ADMIN)(_ok),
    ),
    path("uji/cbv/warga/", _mixin_view(permissions.CitizenRequiredMixin)),
    path("uji/cbv/petugas/", _mixin_view(permissions.AgencyStaffRequiredMixin)),
    path("uji/cbv/supervisor/", _mixin_view(permissions.SupervisorRequiredMixin)),
    path("uji/cbv/admin-mpp/", _mixin_view(permissions.MppAdminRequiredMixin)),
    path("uji/api/warga/", _api(permissions.IsCitizen)),
    path("uji/api/petugas/", _api(permissions.IsAgencyStaff)),
    path("uji/api/supervisor/", _api(permissions.IsSupervisor)),
    path("uji/api/admin-mpp/", _api(permissions.IsMppAdmin)),
    path("", include("mpp.urls")),
]

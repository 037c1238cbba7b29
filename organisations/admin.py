from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import ActivityReport, Official, Organisation


class OfficialInline(admin.TabularInline):
    model = Official
    extra = 0
    readonly_fields = ["position", "name", "term_start", "term_end"]
    can_delete = False


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    """Read-only: entries are written by issuing the SKT-ORMAS permit and revoked from the
    Bakesbangpol page, so the register and the permits never disagree."""

    list_display = ["name", "legal_form", "certificate_number", "valid_until", "revoked_at"]
    search_fields = ["name", "acronym", "certificate_number"]
    list_filter = ["legal_form"]
    inlines = [OfficialInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ActivityReport)
class ActivityReportAdmin(SimpleHistoryAdmin):
    list_display = ["organisation", "period_start", "period_end", "due_date", "submitted_at"]
    list_select_related = ["organisation"]
    search_fields = ["organisation__name"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

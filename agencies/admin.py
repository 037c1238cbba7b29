from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Agency, Announcement, CalendarOverride, Maklumat, MppProfile, OfficeHours


class OfficeHoursInline(admin.TabularInline):
    model = OfficeHours
    extra = 0


class CalendarOverrideInline(admin.TabularInline):
    model = CalendarOverride
    extra = 0


@admin.register(MppProfile)
class MppProfileAdmin(SimpleHistoryAdmin):
    list_display = ["name", "city", "time_zone"]
    inlines = [OfficeHoursInline, CalendarOverrideInline]


@admin.register(Agency)
class AgencyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "short_name", "kind", "phone", "is_active"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["short_name"]}


@admin.register(Maklumat)
class MaklumatAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "signer_name", "signer_position", "signed_on"]
    list_filter = ["agency"]


@admin.register(Announcement)
class AnnouncementAdmin(SimpleHistoryAdmin):
    list_display = ["title", "agency", "publish_from", "publish_until"]
    list_filter = ["agency"]
    search_fields = ["title", "body"]

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import ActivityRisk, ActivityService, InvestmentInfo, KbliActivity, Sector


class ActivityRiskInline(admin.TabularInline):
    model = ActivityRisk
    extra = 0


class ActivityServiceInline(admin.TabularInline):
    model = ActivityService
    extra = 0
    autocomplete_fields = ["service"]


@admin.register(KbliActivity)
class KbliActivityAdmin(SimpleHistoryAdmin):
    list_display = ["code", "title"]
    search_fields = ["code", "title", "keywords"]
    inlines = [ActivityRiskInline, ActivityServiceInline]


@admin.register(InvestmentInfo)
class InvestmentInfoAdmin(SimpleHistoryAdmin):
    list_display = ["title", "updated_at"]

    def has_add_permission(self, request):
        return not InvestmentInfo.objects.exists()


@admin.register(Sector)
class SectorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "order", "is_published"]
    list_editable = ["order", "is_published"]

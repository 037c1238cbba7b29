from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Category, FeeItem, FormField, Requirement, Service, ServiceStandard, SopStep


class RequirementInline(admin.TabularInline):
    model = Requirement
    extra = 0


class SopStepInline(admin.TabularInline):
    model = SopStep
    extra = 0


class FeeItemInline(admin.TabularInline):
    model = FeeItem
    extra = 0


class FormFieldInline(admin.TabularInline):
    model = FormField
    extra = 0


@admin.register(Category)
class CategoryAdmin(SimpleHistoryAdmin):
    list_display = ["name", "name_en", "slug", "order"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Service)
class ServiceAdmin(SimpleHistoryAdmin):
    list_display = [
        "code",
        "name",
        "agency",
        "category",
        "is_permit",
        "completed_at_mpp",
        "is_active",
    ]
    list_filter = ["agency", "category", "is_permit", "is_active"]
    search_fields = ["code", "name", "name_en", "keywords"]
    list_select_related = ["agency", "category"]


@admin.register(ServiceStandard)
class ServiceStandardAdmin(SimpleHistoryAdmin):
    list_display = [
        "service",
        "version",
        "status",
        "decree_number",
        "effective_from",
        "time_limit_days",
        "fee_kind",
    ]
    list_filter = ["status", "fee_kind", "service__agency"]
    search_fields = ["service__code", "service__name", "decree_number"]
    list_select_related = ["service"]
    readonly_fields = ["published_at", "published_by"]
    inlines = [RequirementInline, SopStepInline, FeeItemInline, FormFieldInline]

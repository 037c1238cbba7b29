from django.contrib import admin

from .models import ComplaintCategory


@admin.register(ComplaintCategory)
class ComplaintCategoryAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "group", "default_agency", "is_active", "order")
    list_filter = ("is_active", "group")
    search_fields = ("name", "code")
    prepopulated_fields = {"code": ("name",)}

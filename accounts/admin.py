from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from .models import User


@admin.register(User)
class UserAdmin(SimpleHistoryAdmin, DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "role", "agency", "is_active", "email_verified_at"]
    list_filter = ["role", "agency", "is_active", "is_staff"]
    search_fields = ["email", "full_name", "nik", "phone"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Data diri"), {"fields": ("full_name", "phone", "nik", "preferred_language")}),
        (
            _("Peran"),
            {"fields": ("role", "agency", "is_active", "is_staff", "is_superuser", "groups")},
        ),
        (_("Waktu"), {"fields": ("last_login", "date_joined", "email_verified_at")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "full_name", "role", "agency", "password1", "password2"),
            },
        ),
    )

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Counter


@admin.register(Counter)
class CounterAdmin(SimpleHistoryAdmin):
    list_display = ["number", "label", "agency", "is_active"]
    list_filter = ["agency", "is_active"]

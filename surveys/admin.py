from django.contrib import admin

from .models import FollowUpAction


@admin.register(FollowUpAction)
class FollowUpActionAdmin(admin.ModelAdmin):
    """Survey findings and what is done about them; shown as done / not done on /ikm/."""

    list_display = ("action", "agency", "element", "period_label", "owner", "due_date", "done_at")
    list_filter = ("agency", "element", "done_at")
    search_fields = ("finding", "action", "owner")
    date_hierarchy = "due_date"

"""Setup of the floor for MPP admins (queues, counters, breaks); tickets, bookings and figures are
read-only here: they change only through the services (kiosk, counter page, sweeps)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Booking, Counter, DailyFigures, Queue, QueueBreak, Ticket


@admin.register(Queue)
class QueueAdmin(SimpleHistoryAdmin):
    list_display = [
        "prefix",
        "name",
        "agency",
        "priority_policy",
        "slot_capacity",
        "booking_share",
        "is_active",
    ]
    list_filter = ["agency", "priority_policy", "is_active"]
    filter_horizontal = ["services"]
    search_fields = ["name", "prefix"]


@admin.register(Counter)
class CounterAdmin(SimpleHistoryAdmin):
    list_display = ["number", "label", "agency", "status", "is_active"]
    list_filter = ["agency", "status", "is_active"]
    filter_horizontal = ["queues"]
    readonly_fields = ["status", "officer", "status_changed_at"]


@admin.register(QueueBreak)
class QueueBreakAdmin(admin.ModelAdmin):
    list_display = ["label", "weekday", "starts_at", "ends_at"]


class ReadOnlyAdmin(SimpleHistoryAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Ticket)
class TicketAdmin(ReadOnlyAdmin):
    list_display = ["code", "day", "queue", "status", "priority_reason", "source", "counter", "queued_at"]
    list_filter = ["day", "queue", "status", "source"]
    search_fields = ["code"]
    exclude = ["token"]


@admin.register(Booking)
class BookingAdmin(ReadOnlyAdmin):
    list_display = ["code", "day", "starts_at", "service", "status"]
    list_filter = ["day", "status", "queue"]
    search_fields = ["code"]


@admin.register(DailyFigures)
class DailyFiguresAdmin(ReadOnlyAdmin):
    list_display = [
        "day",
        "queue",
        "issued",
        "served",
        "no_show",
        "priority",
        "booked",
        "median_wait_seconds",
    ]
    list_filter = ["queue"]

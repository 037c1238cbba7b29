"""Admin for permit applications: read-mostly. Status changes go through permits.services (the
counter and API screens), never through the admin, so the transition table and the SLA clock
cannot be bypassed; what the admin does change is recorded by django-simple-history."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Application,
    ApplicationSequence,
    Assessment,
    CorrectionItem,
    CorrectionRequest,
    Document,
    FieldValue,
    IssuanceSequence,
    Permit,
    StepProgress,
)

_WORKFLOW_FIELDS = [
    "service",
    "standard",
    "agency",
    "applicant",
    "status",
    "tracking_number",
    "tracking_secret",
    "submitted_at",
    "estimated_due_at",
    "receipt_sent_at",
    "decision_notice_sent_at",
    "clock_started_at",
    "due_at",
    "paused_at",
    "paused_minutes",
    "decided_at",
    "issued_at",
    "assigned_to",
    "is_assisted",
    "assisted_by",
    "consent_note",
    "consent_at",
    "deemed_approved",
    "rejection_reason",
    "created_at",
    "updated_at",
]


class _ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class FieldValueInline(_ReadOnlyInline):
    model = FieldValue
    fields = ["form_field", "value", "updated_at"]
    readonly_fields = fields


class DocumentInline(_ReadOnlyInline):
    model = Document
    fields = ["requirement", "original_name", "content_type", "size", "uploaded_at", "is_current"]
    readonly_fields = fields


class StepProgressInline(_ReadOnlyInline):
    model = StepProgress
    fields = ["order", "name", "responsible_role", "due_at", "completed_at", "completed_by", "note"]
    readonly_fields = fields


@admin.register(Application)
class ApplicationAdmin(SimpleHistoryAdmin):
    list_display = [
        "tracking_number",
        "service",
        "applicant",
        "status",
        "due_at",
        "assigned_to",
        "created_at",
    ]
    list_filter = ["status", "agency", "is_assisted", "deemed_approved", "delivery_method"]
    search_fields = ["tracking_number", "applicant__full_name", "applicant__email"]
    list_select_related = ["service", "applicant", "assigned_to"]
    raw_id_fields = ["applicant", "assigned_to", "assisted_by"]
    readonly_fields = _WORKFLOW_FIELDS
    fields = [*_WORKFLOW_FIELDS, "delivery_method", "delivery_address"]
    inlines = [FieldValueInline, DocumentInline, StepProgressInline]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False


class CorrectionItemInline(_ReadOnlyInline):
    model = CorrectionItem
    fields = ["requirement", "form_field", "message"]
    readonly_fields = fields
    show_change_link = False


@admin.register(CorrectionRequest)
class CorrectionRequestAdmin(SimpleHistoryAdmin):
    list_display = ["application", "requested_by", "requested_at", "due_at", "resolved_at"]
    list_select_related = ["application", "requested_by"]
    readonly_fields = [
        "application",
        "requested_by",
        "requested_at",
        "due_at",
        "note",
        "resolved_at",
        "notified_at",
    ]
    inlines = [CorrectionItemInline]

    def has_add_permission(self, request):
        return False


@admin.register(Document)
class DocumentAdmin(SimpleHistoryAdmin):
    list_display = ["original_name", "application", "requirement", "content_type", "size", "is_current"]
    list_select_related = ["application", "requirement"]
    readonly_fields = [
        "application",
        "requirement",
        "file",
        "original_name",
        "content_type",
        "size",
        "sha256",
        "uploaded_by",
        "uploaded_at",
        "is_current",
    ]

    def has_add_permission(self, request):
        return False


@admin.register(ApplicationSequence)
class ApplicationSequenceAdmin(admin.ModelAdmin):
    list_display = ["prefix", "year", "last"]
    readonly_fields = ["prefix", "year", "last"]

    def has_add_permission(self, request):
        return False


# --- Levies (SKRD) and issued permits: read-only; changes go through permits.services -----------


@admin.register(Assessment)
class AssessmentAdmin(SimpleHistoryAdmin):
    list_display = ["number", "application", "amount", "due_date", "status", "payment_channel", "paid_at"]
    list_filter = ["status", "payment_channel"]
    search_fields = ["number", "payment_reference", "gateway_reference", "application__tracking_number"]
    list_select_related = ["application"]
    readonly_fields = [f.name for f in Assessment._meta.concrete_fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Permit)
class PermitAdmin(SimpleHistoryAdmin):
    list_display = ["number", "holder_name", "service_name", "issued_at", "valid_until", "revoked_at"]
    list_filter = ["revoked_at", "agency_name"]
    search_fields = ["number", "verification_code", "holder_name", "application__tracking_number"]
    list_select_related = ["application"]
    readonly_fields = [f.name for f in Permit._meta.concrete_fields]
    date_hierarchy = "issued_at"

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(IssuanceSequence)
class IssuanceSequenceAdmin(admin.ModelAdmin):
    list_display = ["kind", "key", "year", "last"]
    readonly_fields = ["kind", "key", "year", "last"]

    def has_add_permission(self, request):
        return False

from django.contrib import admin, messages
from django.template import TemplateSyntaxError
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .defaults import DEFAULT_TEMPLATES
from .models import AlertMarker, ChannelPreference, Delivery, MessageTemplate, Notification


@admin.register(MessageTemplate)
class MessageTemplateAdmin(admin.ModelAdmin):
    list_display = ["event", "subject_id", "updated_at"]
    search_fields = ["event", "subject_id", "subject_en"]
    readonly_fields = ["context_help", "preview"]
    fields = [
        "event",
        "description",
        "subject_id",
        "body_id",
        "subject_en",
        "body_en",
        "context_help",
        "preview",
    ]

    @admin.display(description=_("variabel yang tersedia"))
    def context_help(self, obj):
        default = DEFAULT_TEMPLATES.get(obj.event) if obj and obj.pk else None
        return default.description if default else (obj.description if obj else "")

    @admin.display(description=_("pratinjau (contoh data)"))
    def preview(self, obj):
        if not obj or not obj.pk:
            return _("Simpan dahulu untuk melihat pratinjau.")
        default = DEFAULT_TEMPLATES.get(obj.event)
        sample = default.sample_context if default else {}
        rows = []
        for language, subject, body in (
            ("id", obj.subject_id, obj.body_id),
            ("en", obj.subject_en, obj.body_en),
        ):
            try:
                with translation.override(language):
                    rows.append(
                        (language, services.render_text(subject, sample), services.render_text(body, sample))
                    )
            except TemplateSyntaxError as exc:
                rows.append((language, _("Sintaks templat salah"), str(exc)))
        return format_html(
            '<div class="message-preview">{}</div>',
            format_html_join(
                "",
                '<section lang="{}"><p><strong>{}</strong></p><pre style="white-space: pre-wrap">{}</pre></section>',
                rows,
            ),
        )


class DeliveryInline(admin.TabularInline):
    model = Delivery
    extra = 0
    can_delete = False
    fields = ["channel", "status", "attempts", "last_error", "next_attempt_at", "sent_at"]
    readonly_fields = fields


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["title", "recipient", "event", "created_at", "read_at"]
    list_filter = ["event"]
    search_fields = ["title", "recipient__email", "dedup_key"]
    list_select_related = ["recipient"]
    raw_id_fields = ["recipient"]
    readonly_fields = ["created_at"]
    inlines = [DeliveryInline]


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    """Failures are listed here with their error (filter by status "Gagal") and can be retried."""

    list_display = [
        "id",
        "recipient",
        "event",
        "channel",
        "status",
        "attempts",
        "last_error",
        "next_attempt_at",
        "sent_at",
    ]
    list_filter = ["status", "channel"]
    search_fields = ["notification__recipient__email", "notification__event", "last_error"]
    list_select_related = ["notification__recipient"]
    readonly_fields = [
        "notification",
        "channel",
        "status",
        "attempts",
        "last_error",
        "next_attempt_at",
        "sent_at",
        "created_at",
    ]
    actions = ["retry_failed"]

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("penerima"))
    def recipient(self, obj):
        return obj.notification.recipient

    @admin.display(description=_("kejadian"))
    def event(self, obj):
        return obj.notification.event

    @admin.action(description=_("Kirim ulang pengiriman yang gagal"))
    def retry_failed(self, request, queryset):
        count = services.deliveries_retry(delivery_ids=queryset.values_list("pk", flat=True))
        self.message_user(
            request,
            ngettext(
                "%(count)d pengiriman diantrekan ulang.", "%(count)d pengiriman diantrekan ulang.", count
            )
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(ChannelPreference)
class ChannelPreferenceAdmin(admin.ModelAdmin):
    list_display = ["user", "email", "whatsapp", "sms"]
    raw_id_fields = ["user"]
    search_fields = ["user__email"]


@admin.register(AlertMarker)
class AlertMarkerAdmin(admin.ModelAdmin):
    """Which deadline alerts went out (read-only: the sweeps write them; deleting one would let the
    alert be sent again)."""

    list_display = ["subject_type", "subject_id", "stage", "deadline", "created_at"]
    list_filter = ["subject_type", "stage"]
    search_fields = ["=subject_id"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

"""Notifications: the in-app inbox row, its deliveries by e-mail/WhatsApp/SMS, editable templates.

A :class:`Notification` is the in-app message itself (the inbox needs nothing else). Each external
channel gets one :class:`Delivery` row, sent by ``notifications.tasks.deliver``; the row records
attempts, the last error and when it went out, so no failure is silent.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template import Context, Template, TemplateSyntaxError
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    EMAIL = "email", _("Email")
    WHATSAPP = "whatsapp", _("WhatsApp")
    SMS = "sms", _("SMS")


def validate_template_syntax(value: str) -> None:
    try:
        Template(value).render(Context({}))
    except TemplateSyntaxError as exc:
        raise ValidationError(_("Sintaks templat salah: %(error)s"), params={"error": exc}) from exc


class MessageTemplate(models.Model):
    """Subject and body of one event's message in Indonesian and English (Django template syntax).

    The context each event receives is documented in ``notifications/defaults.py`` and shown in
    ``context_help``; the admin previews the rendered text with that sample context.
    """

    event = models.CharField(_("kejadian"), max_length=64, unique=True)
    description = models.CharField(_("keterangan"), max_length=200, blank=True)
    subject_id = models.CharField(
        _("judul (Indonesia)"), max_length=200, validators=[validate_template_syntax]
    )
    body_id = models.TextField(_("isi (Indonesia)"), validators=[validate_template_syntax])
    subject_en = models.CharField(_("judul (Inggris)"), max_length=200, validators=[validate_template_syntax])
    body_en = models.TextField(_("isi (Inggris)"), validators=[validate_template_syntax])
    updated_at = models.DateTimeField(_("diubah"), auto_now=True)

    class Meta:
        ordering = ["event"]
        verbose_name = _("templat pesan")
        verbose_name_plural = _("templat pesan")

    def __str__(self) -> str:
        return self.event


class Notification(models.Model):
    """One message to one person, rendered in their language; the inbox row."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("penerima"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    event = models.CharField(_("kejadian"), max_length=64)
    title = models.CharField(_("judul"), max_length=200)
    body = models.TextField(_("isi"))
    link = models.CharField(_("tautan"), max_length=500, blank=True)
    # A caller's idempotency key: a re-run of the same alert finds the row and sends nothing.
    # NULL (not "") when absent, so the partial unique constraint ignores rows without a key.
    dedup_key = models.CharField(_("kunci unik"), max_length=200, null=True, blank=True)  # noqa: DJ001
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    read_at = models.DateTimeField(_("dibaca"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notifikasi")
        verbose_name_plural = _("notifikasi")
        indexes = [
            models.Index(fields=["recipient", "read_at", "-created_at"], name="notif_inbox_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["dedup_key"],
                condition=models.Q(dedup_key__isnull=False),
                name="notification_dedup_key_unique",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Delivery(models.Model):
    """Sending one notification over one external channel."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Menunggu")
        SENT = "sent", _("Terkirim")
        FAILED = "failed", _("Gagal")

    notification = models.ForeignKey(
        Notification,
        verbose_name=_("notifikasi"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    channel = models.CharField(_("saluran"), max_length=10, choices=Channel.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("percobaan"), default=0)
    last_error = models.TextField(_("galat terakhir"), blank=True)
    # Held (quiet hours) or waiting for a retry until then; the beat sweep picks it up.
    next_attempt_at = models.DateTimeField(_("coba lagi pada"), null=True, blank=True)
    sent_at = models.DateTimeField(_("terkirim pada"), null=True, blank=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("pengiriman")
        verbose_name_plural = _("pengiriman")
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="delivery_due_idx"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["notification", "channel"], name="delivery_one_per_channel"),
        ]

    def __str__(self) -> str:
        return f"{self.notification_id}/{self.channel}"


class ChannelPreference(models.Model):
    """Which external channels a person wants; without a row: e-mail only."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengguna"),
        on_delete=models.CASCADE,
        related_name="channel_preference",
    )
    email = models.BooleanField(_("email"), default=True)
    whatsapp = models.BooleanField(_("WhatsApp"), default=False)
    sms = models.BooleanField(_("SMS"), default=False)

    class Meta:
        verbose_name = _("preferensi saluran")
        verbose_name_plural = _("preferensi saluran")

    def __str__(self) -> str:
        return str(self.user)

    def enabled_channels(self) -> list[str]:
        return [channel for channel in Channel.values if getattr(self, channel)]


class AlertMarker(models.Model):
    """One alert about one deadline: written in the transaction that queues its messages.

    The unique (subject, stage, deadline) row is what makes an alert exactly-once: a second sweep,
    a retried task or a concurrent worker fails to insert it and sends nothing; a worker killed
    before commit leaves no row, so the next sweep sends it. The deadline value is part of the key,
    so a moved deadline (a pause, a calendar change) gets its own alerts and old ones are not
    re-sent. ``subject_type`` names what the deadline belongs to ("permits.application",
    "permits.step", ...), so queue tickets and complaints can use the same table.
    """

    subject_type = models.CharField(_("jenis subjek"), max_length=40)
    subject_id = models.BigIntegerField(_("id subjek"))
    stage = models.CharField(_("tahap"), max_length=40)
    deadline = models.DateTimeField(_("batas waktu"))
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("penanda peringatan")
        verbose_name_plural = _("penanda peringatan")
        constraints = [
            models.UniqueConstraint(
                fields=["subject_type", "subject_id", "stage", "deadline"], name="alert_marker_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject_type}:{self.subject_id}:{self.stage}@{self.deadline:%Y-%m-%d %H:%M}"

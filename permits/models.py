"""Permit applications (permohonan): the application, its form values and documents, the
corrections asked of the citizen and the progress through the SOP steps.

Status changes go only through ``permits.services`` (one function per action, checked against the
one transition table in ``permits.transitions``); every audited model keeps its history with the
actor and the reason (django-simple-history).
"""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .transitions import OPEN_STATUSES, ApplicationStatus


def _history() -> HistoricalRecords:
    # Reasons (a rejection citing a rule, a correction note) are longer than simple-history's
    # default 100-character column.
    return HistoricalRecords(history_change_reason_field=models.TextField(null=True))


class ApplicationSequence(models.Model):
    """The last tracking number used per prefix (service code) and year.

    The submit service locks this row (SELECT ... FOR UPDATE) while it allocates the next number,
    so concurrent submissions never get the same number and numbers have no gaps.
    """

    prefix = models.CharField(max_length=20)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("urutan nomor permohonan")
        verbose_name_plural = _("urutan nomor permohonan")
        constraints = [models.UniqueConstraint(fields=["prefix", "year"], name="application_sequence_unique")]

    def __str__(self) -> str:
        return f"{self.prefix}-{self.year}: {self.last}"


class Application(models.Model):
    """A citizen's application for one service, under the standard version it was submitted with."""

    Status = ApplicationStatus

    class Delivery(models.TextChoices):
        PICKUP = "pickup", _("Ambil di loket")
        DRIVE_THROUGH = "drive_through", _("Ambil lewat drive-through")
        COURIER = "courier", _("Diantar kurir (antar-jemput)")

    service = models.ForeignKey(
        "services.Service", verbose_name=_("layanan"), on_delete=models.PROTECT, related_name="applications"
    )
    standard = models.ForeignKey(
        "services.ServiceStandard",
        verbose_name=_("standar pelayanan"),
        on_delete=models.PROTECT,
        related_name="applications",
        help_text=_("Versi standar yang berlaku saat permohonan diajukan."),
    )
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("instansi"), on_delete=models.PROTECT, related_name="applications"
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pemohon"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ApplicationStatus.choices, default=ApplicationStatus.DRAFT
    )
    tracking_number = models.CharField(
        _("nomor permohonan"), max_length=40, unique=True, null=True, blank=True
    )
    tracking_secret = models.CharField(_("kode rahasia"), max_length=8, blank=True)
    storage_key = models.UUIDField(default=uuid.uuid4, editable=False)
    submitted_at = models.DateTimeField(_("diajukan pada"), null=True, blank=True)
    estimated_due_at = models.DateTimeField(_("perkiraan keputusan"), null=True, blank=True)
    receipt_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    decision_notice_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    clock_started_at = models.DateTimeField(_("berkas lengkap pada"), null=True, blank=True)
    due_at = models.DateTimeField(_("batas waktu"), null=True, blank=True, db_index=True)
    paused_at = models.DateTimeField(_("dijeda sejak"), null=True, blank=True)
    paused_minutes = models.PositiveIntegerField(_("menit kerja terjeda"), default=0)
    decided_at = models.DateTimeField(_("diputuskan pada"), null=True, blank=True)
    issued_at = models.DateTimeField(_("diterbitkan pada"), null=True, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ditangani oleh"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assigned_applications",
    )
    is_assisted = models.BooleanField(_("dibantu petugas"), default=False)
    assisted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibantu oleh"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assisted_applications",
    )
    consent_note = models.TextField(_("catatan persetujuan pemohon"), blank=True)
    consent_at = models.DateTimeField(_("persetujuan pada"), null=True, blank=True)
    delivery_method = models.CharField(
        _("cara pengambilan"), max_length=20, choices=Delivery.choices, default=Delivery.PICKUP
    )
    delivery_address = models.TextField(_("alamat pengantaran"), blank=True)
    deemed_approved = models.BooleanField(_("fiktif positif"), default=False)
    rejection_reason = models.TextField(_("alasan penolakan"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = _history()

    class Meta:
        verbose_name = _("permohonan")
        verbose_name_plural = _("permohonan")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["agency", "status", "due_at"], name="permit_app_agency_status_due"),
            models.Index(fields=["assigned_to", "status", "due_at"], name="permit_app_assignee_due"),
            models.Index(fields=["applicant", "-created_at"], name="permit_app_applicant_created"),
            # The default worklist: an agency's open applications by deadline.
            models.Index(
                fields=["agency", "due_at", "submitted_at"],
                condition=Q(status__in=sorted(OPEN_STATUSES)),
                name="permit_app_open_by_due",
            ),
            # Prefix search on tracking numbers (LIKE 'PBG-2026-%'); ignored outside PostgreSQL.
            models.Index(
                fields=["tracking_number"],
                opclasses=["varchar_pattern_ops"],
                name="permit_app_tracking_prefix",
            ),
        ]
        constraints = [
            # Submitting allocates the tracking number; a draft (even a withdrawn one) has none.
            models.CheckConstraint(
                name="permit_app_tracked_once_submitted",
                condition=Q(submitted_at__isnull=True, tracking_number__isnull=True)
                | Q(submitted_at__isnull=False, tracking_number__isnull=False),
            ),
            models.CheckConstraint(
                name="permit_app_assisted_has_officer",
                condition=Q(is_assisted=False) | Q(assisted_by__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return self.tracking_number or f"{_('Draf')} #{self.pk}"

    @property
    def is_paused(self) -> bool:
        return self.paused_at is not None

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


def document_upload_to(instance: "Document", filename: str) -> str:
    """applications/<year>/<application storage key>/<random>.<ext>: nothing guessable, and the
    extension comes from the detected content type, never from the uploader's file name."""
    extension = PurePosixPath(filename).suffix.lower().lstrip(".") or "bin"
    year = (instance.application.created_at or timezone.now()).year
    return f"applications/{year}/{instance.application.storage_key}/{uuid.uuid4()}.{extension}"


class FieldValue(models.Model):
    """The applicant's answer to one service-specific form field, normalised to text
    (decimals as ``Decimal`` strings, dates ISO 8601, choices their value)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="field_values")
    form_field = models.ForeignKey("services.FormField", on_delete=models.PROTECT, related_name="+")
    value = models.TextField(_("nilai"), blank=True)
    updated_at = models.DateTimeField(default=timezone.now)
    history = _history()

    class Meta:
        verbose_name = _("isian permohonan")
        verbose_name_plural = _("isian permohonan")
        constraints = [
            models.UniqueConstraint(fields=["application", "form_field"], name="permit_field_value_unique")
        ]

    def __str__(self) -> str:
        return f"{self.form_field_id}={self.value}"


class Document(models.Model):
    """An uploaded file for one requirement. A replacement keeps the old row (``is_current``
    false) so the record shows what was submitted when."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="documents")
    requirement = models.ForeignKey("services.Requirement", on_delete=models.PROTECT, related_name="+")
    file = models.FileField(_("berkas"), upload_to=document_upload_to, max_length=255)
    original_name = models.CharField(_("nama berkas asli"), max_length=255)
    content_type = models.CharField(_("jenis berkas"), max_length=50)
    size = models.PositiveIntegerField(_("ukuran (bita)"))
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("diunggah pada"), default=timezone.now)
    is_current = models.BooleanField(_("berkas terkini"), default=True)
    history = _history()

    class Meta:
        verbose_name = _("berkas permohonan")
        verbose_name_plural = _("berkas permohonan")
        ordering = ["application", "requirement", "-uploaded_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "requirement"],
                condition=Q(is_current=True),
                name="permit_one_current_document",
            )
        ]

    def __str__(self) -> str:
        return self.original_name


class CorrectionRequest(models.Model):
    """An officer's request that the citizen fix the application (the SLA clock is paused)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="corrections")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(_("diminta pada"))
    due_at = models.DateTimeField(_("batas perbaikan"))
    note = models.TextField(_("catatan"), blank=True)
    resolved_at = models.DateTimeField(_("diperbaiki pada"), null=True, blank=True)
    notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    history = _history()

    class Meta:
        verbose_name = _("permintaan perbaikan")
        verbose_name_plural = _("permintaan perbaikan")
        ordering = ["application", "-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["application"],
                condition=Q(resolved_at__isnull=True),
                name="permit_one_open_correction",
            )
        ]

    def __str__(self) -> str:
        return f"{self.application} @ {self.requested_at:%Y-%m-%d %H:%M}"


class CorrectionItem(models.Model):
    """One thing to fix: names the requirement or form field concerned (or neither) and what is wrong."""

    request = models.ForeignKey(CorrectionRequest, on_delete=models.CASCADE, related_name="items")
    requirement = models.ForeignKey(
        "services.Requirement", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    form_field = models.ForeignKey(
        "services.FormField", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    message = models.TextField(_("yang perlu diperbaiki"))

    class Meta:
        verbose_name = _("butir perbaikan")
        verbose_name_plural = _("butir perbaikan")
        ordering = ["request", "id"]
        constraints = [
            models.CheckConstraint(
                name="permit_correction_item_one_target",
                condition=Q(requirement__isnull=True) | Q(form_field__isnull=True),
            )
        ]

    def __str__(self) -> str:
        return self.message


class StepProgress(models.Model):
    """One SOP step of one application, with its own deadline. Name and role are copied from the
    standard so the record stays readable when the standard changes."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="steps")
    sop_step = models.ForeignKey("services.SopStep", on_delete=models.PROTECT, related_name="+")
    order = models.PositiveSmallIntegerField(_("urutan"))
    name = models.CharField(_("nama langkah"), max_length=255)
    responsible_role = models.CharField(_("penanggung jawab"), max_length=20)
    due_at = models.DateTimeField(_("batas waktu langkah"), null=True, blank=True)
    completed_at = models.DateTimeField(_("selesai pada"), null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    note = models.TextField(_("catatan"), blank=True)
    history = _history()

    class Meta:
        verbose_name = _("langkah permohonan")
        verbose_name_plural = _("langkah permohonan")
        ordering = ["application", "order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "sop_step"], name="permit_step_once_per_application"
            )
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.name}"

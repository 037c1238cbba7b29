"""The register of mass organisations (A_ormas, Bakesbangpol): the organisations registered by the
SKT-ORMAS service, their officials and terms, and the periodic activity reports they owe.

An entry is written only by ``organisations.services`` when the registration's permit (the Surat
Keterangan Terdaftar) is issued; its status (active, expired, revoked) follows the certificate's
validity and a revocation.
"""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


def _history() -> HistoricalRecords:
    return HistoricalRecords(history_change_reason_field=models.TextField(null=True))


class Organisation(models.Model):
    class LegalForm(models.TextChoices):
        UNINCORPORATED = "tidak_berbadan_hukum", _("Tidak berbadan hukum")
        ASSOCIATION = "perkumpulan", _("Perkumpulan berbadan hukum")
        FOUNDATION = "yayasan", _("Yayasan")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Aktif")
        EXPIRED = "expired", _("Kedaluwarsa")
        REVOKED = "revoked", _("Dicabut")

    name = models.CharField(_("nama organisasi"), max_length=200)
    acronym = models.CharField(_("singkatan"), max_length=40, blank=True)
    legal_form = models.CharField(_("bentuk"), max_length=30, choices=LegalForm.choices)
    address = models.TextField(_("alamat sekretariat"))
    field_of_activity = models.CharField(_("bidang kegiatan"), max_length=200)
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("akun pengurus"),
        on_delete=models.PROTECT,
        related_name="organisations",
    )
    agency = models.ForeignKey(
        "agencies.Agency", verbose_name=_("instansi pendaftar"), on_delete=models.PROTECT, related_name="+"
    )
    application = models.ForeignKey(
        "permits.Application",
        verbose_name=_("permohonan terakhir"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    certificate_number = models.CharField(_("nomor SKT"), max_length=80, unique=True)
    registered_on = models.DateField(_("terdaftar sejak"))
    valid_from = models.DateField(_("berlaku mulai"))
    valid_until = models.DateField(_("berlaku sampai"))
    revoked_at = models.DateTimeField(_("dicabut pada"), null=True, blank=True)
    revoke_reason = models.TextField(_("alasan pencabutan"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = _history()

    class Meta:
        verbose_name = _("organisasi kemasyarakatan")
        verbose_name_plural = _("organisasi kemasyarakatan")
        ordering = ["name"]
        constraints = [
            # One entry per organisation name and account: registering again renews it.
            models.UniqueConstraint(Lower("name"), "account", name="organisation_name_once_per_account"),
            models.CheckConstraint(
                name="organisation_validity_ordered", condition=Q(valid_until__gte=models.F("valid_from"))
            ),
            models.CheckConstraint(
                name="organisation_revocation_complete",
                condition=Q(revoked_at__isnull=True, revoke_reason="")
                | Q(revoked_at__isnull=False) & ~Q(revoke_reason=""),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def status_on(self, day) -> str:
        if self.revoked_at is not None:
            return self.Status.REVOKED
        return self.Status.ACTIVE if self.valid_until >= day else self.Status.EXPIRED

    @property
    def status(self) -> str:
        return self.status_on(timezone.localdate())

    def get_status_display(self) -> str:
        return self.Status(self.status).label


class Official(models.Model):
    """One official (pengurus) of an organisation and their term (masa bakti)."""

    class Position(models.TextChoices):
        CHAIR = "ketua", _("Ketua")
        SECRETARY = "sekretaris", _("Sekretaris")
        TREASURER = "bendahara", _("Bendahara")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="officials")
    position = models.CharField(_("jabatan"), max_length=20, choices=Position.choices)
    name = models.CharField(_("nama"), max_length=150)
    term_start = models.DateField(_("masa bakti mulai"))
    term_end = models.DateField(_("masa bakti selesai"))
    history = _history()

    class Meta:
        verbose_name = _("pengurus")
        verbose_name_plural = _("pengurus")
        ordering = ["organisation", "id"]
        constraints = [
            models.CheckConstraint(
                name="official_term_ordered", condition=Q(term_end__gte=models.F("term_start"))
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_position_display()}: {self.name}"


def report_upload_to(instance: "ActivityReport", filename: str) -> str:
    extension = PurePosixPath(filename).suffix.lower().lstrip(".") or "bin"
    return f"ormas-reports/{instance.due_date.year}/{uuid.uuid4()}.{extension}"


class ActivityReport(models.Model):
    """A periodic activity report an organisation owes (one row per period, created with the
    registration) and, once submitted, what it sent: a short form and a document."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="reports")
    period_start = models.DateField(_("periode mulai"))
    period_end = models.DateField(_("periode selesai"))
    due_date = models.DateField(_("batas penyampaian"))
    submitted_at = models.DateTimeField(_("disampaikan pada"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    activity_count = models.PositiveSmallIntegerField(_("jumlah kegiatan"), null=True, blank=True)
    member_count = models.PositiveIntegerField(_("jumlah anggota"), null=True, blank=True)
    summary = models.TextField(_("ringkasan kegiatan"), blank=True)
    funding_sources = models.CharField(_("sumber dana"), max_length=255, blank=True)
    document = models.FileField(_("dokumen laporan"), upload_to=report_upload_to, max_length=255, blank=True)
    document_name = models.CharField(_("nama berkas asli"), max_length=255, blank=True)
    document_sha256 = models.CharField(max_length=64, blank=True)
    # Claimed by the reminder sweep with a guarded UPDATE (WHERE ... IS NULL) before it notifies, so
    # a re-run, a retry or a second worker skips the report instead of trying to notify again.
    due_reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    late_reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    history = _history()

    class Meta:
        verbose_name = _("laporan kegiatan ormas")
        verbose_name_plural = _("laporan kegiatan ormas")
        ordering = ["organisation", "due_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "period_start"], name="ormas_report_once_per_period"
            ),
            models.CheckConstraint(
                name="ormas_report_submitted_complete",
                condition=Q(submitted_at__isnull=True) | ~Q(document="") & ~Q(summary=""),
            ),
        ]
        indexes = [
            models.Index(
                fields=["due_date"], condition=Q(submitted_at__isnull=True), name="ormas_report_open_by_due"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.period_start:%Y-%m}–{self.period_end:%Y-%m}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None

    def is_late_on(self, day) -> bool:
        return self.submitted_at is None and self.due_date < day

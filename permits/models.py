"""Permit applications (permohonan): the application, its form values and documents, the
corrections asked of the citizen and the progress through the SOP steps.

Status changes go only through ``permits.services`` (one function per action, checked against the
one transition table in ``permits.transitions``); every audited model keeps its history with the
actor and the reason (django-simple-history).
"""

import uuid
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.contrib.postgres.indexes import OpClass
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.db.models import Q
from django.db.models.functions import Upper
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from mpp.formatting import rupiah
from mpp.indexes import PostgresGinIndex

from .transitions import OPEN_STATUSES, ApplicationStatus


def _history(**options) -> HistoricalRecords:
    # Reasons (a rejection citing a rule, a correction note) are longer than simple-history's
    # default 100-character column.
    return HistoricalRecords(history_change_reason_field=models.TextField(null=True), **options)


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


# What the worklist's filters and its search read, carried in the indexes that give its orders: a
# name search with a status, "not yet handled" or "every status" walks one of them in the list's
# order checking these columns without reading the table (each row checked there cost a table
# read: the MPP admin's "rejected" + "siti" read 57,000 pages, 42-57 ms; benchmarks/README.md,
# round 5).
SEARCHED_COLUMNS = ["applicant_name", "tracking_number", "assigned_to"]


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
    # A copy of the applicant's full name, for the staff worklist's name search (a trigram index
    # below): searching the users and then their applications read thousands of rows twice
    # (benchmarks/README.md). Written by application_create_draft and, when a citizen's name
    # changes, by accounts.services.user_update_profile; on PostgreSQL two triggers
    # (migrations/0007_applicant_name) also keep it whatever writes the rows. Not in the history:
    # the user's own history records the name.
    applicant_name = models.CharField(_("nama pemohon"), max_length=150, blank=True, editable=False)
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
    # Indexed below together with the worklist's order (deadline, then submission): thousands of
    # applications share each closing-time deadline, so a single-column index is walked in vain.
    due_at = models.DateTimeField(_("batas waktu"), null=True, blank=True)
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
    # OSS RBA: the business identity of an application for a service with a risk level.
    nib = models.CharField(_("NIB"), max_length=13, blank=True, db_index=True)
    kbli_code = models.CharField(_("kode KBLI"), max_length=5, blank=True)
    # Menengah rendah: the applicant's pernyataan mandiri, with the statement exactly as ticked.
    standard_declaration = models.TextField(_("pernyataan mandiri standar usaha"), blank=True)
    standard_declared_at = models.DateTimeField(_("pernyataan mandiri pada"), null=True, blank=True)
    standard_declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Menengah tinggi: the agency's verification of the standard fulfilment document.
    standard_verified_at = models.DateTimeField(
        _("Sertifikat Standar diverifikasi pada"), null=True, blank=True
    )
    standard_verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    standard_verification_note = models.TextField(_("catatan verifikasi Sertifikat Standar"), blank=True)
    deemed_approved = models.BooleanField(_("fiktif positif"), default=False)
    rejection_reason = models.TextField(_("alasan penolakan"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = _history(excluded_fields=["applicant_name"])

    class Meta:
        verbose_name = _("permohonan")
        verbose_name_plural = _("permohonan")
        ordering = ["-created_at"]
        indexes = [
            # Each index that gives the worklist's order ends with the id, its last tiebreaker: the
            # list reads its keys (the count and the page) from one of them alone, and an index
            # that gives only part of the order loses to any that gives all of it. A page then
            # reads its 20 rows by key (permits.selectors.worklist_paging).
            # One status of one agency in the worklist's order: with submitted_at, a status filter
            # (e.g. "due within 3 days") reads 20 rows, not the whole first deadline (7,268
            # applications share today's closing time at DPMPTSP, all read to sort them).
            models.Index(
                fields=["agency", "status", "due_at", "submitted_at", "id"],
                include=SEARCHED_COLUMNS,
                name="permit_app_agency_status_order",
            ),
            models.Index(fields=["applicant", "-created_at"], name="permit_app_applicant_created"),
            # Any status of one agency (the "all statuses" worklist), by deadline.
            models.Index(
                fields=["agency", "due_at", "submitted_at", "id"],
                include=["status", *SEARCHED_COLUMNS],
                name="permit_app_agency_by_due",
            ),
            # Running clocks by deadline: the overdue and due-soon filters and the deadline sweeps.
            models.Index(
                fields=["due_at", "submitted_at", "id"],
                condition=Q(status=ApplicationStatus.IN_PROCESS),
                name="permit_app_running_by_due",
            ),
            # "Assigned to me": one officer's open applications of the agency by deadline. With the
            # agency in the index the capped count is an index-only scan (0.4 ms, was a 29 ms
            # bitmap AND of the assignee and agency indexes at 1,000,000 applications). It cannot
            # order "unassigned" (PostgreSQL orders by an index only after equalities, and
            # "IS NULL" is not one): that has its own indexes below.
            models.Index(
                fields=["assigned_to", "agency", "due_at", "submitted_at", "id"],
                include=["status"],
                condition=Q(status__in=sorted(OPEN_STATUSES)),
                name="permit_app_assignee_agcy_order",
            ),
            # Everything one officer handled, closed too ("assigned to me" with a closed status).
            models.Index(
                fields=["assigned_to", "due_at", "submitted_at", "id"],
                include=["status", "agency", "service"],
                name="permit_app_assignee_order",
            ),
            # The default worklist: an agency's open applications by deadline. It covers what the
            # worklist's search and filters read (the id, the applicant's name, the number, the
            # status, the assignee), so a name search, with or without a filter,
            # walks this index alone in the list's order and reads only the page's rows from the
            # table: counting 101 matches of "siti" reads about 4,000 index entries, no table row
            # (it read 4,000 rows, 23 ms, benchmarks/README.md).
            models.Index(
                fields=["agency", "due_at", "submitted_at", "id"],
                include=["applicant_name", "tracking_number", "status", "assigned_to"],
                condition=Q(status__in=sorted(OPEN_STATUSES)),
                name="permit_app_open_by_due_cover",
            ),
            # "Unassigned": open applications no one has claimed, of one agency or (MPP admins) of
            # all. Their clocks have not started, so they sort last in the list's order; walking
            # an index of every open application to find them read ~200,000 entries (60-240 ms).
            # The status is included for "unassigned" with a status ("returned": half of them).
            models.Index(
                fields=["agency", "due_at", "submitted_at", "id"],
                include=["status", *SEARCHED_COLUMNS],
                condition=Q(status__in=sorted(OPEN_STATUSES), assigned_to__isnull=True),
                name="permit_app_unassigned_order",
            ),
            models.Index(
                fields=["due_at", "submitted_at", "id"],
                include=["status", *SEARCHED_COLUMNS],
                condition=Q(status__in=sorted(OPEN_STATUSES), assigned_to__isnull=True),
                name="permit_app_all_unassigned",
            ),
            # One service's open applications by deadline (the worklist's service filter), and all
            # of them (with "every status"), with what the list filters on, so the keys come from
            # the index alone (the selector compares the service's id, not its code, so that the
            # index's order is usable).
            models.Index(
                fields=["service", "due_at", "submitted_at", "id"],
                include=["status", "agency", "assigned_to"],
                condition=Q(status__in=sorted(OPEN_STATUSES)),
                name="permit_app_service_open_order",
            ),
            models.Index(
                fields=["service", "due_at", "submitted_at", "id"],
                include=["status", "agency", "assigned_to"],
                name="permit_app_service_order",
            ),
            # The MPP admin's worklist spans every agency: the same orders without the agency (the
            # agency-first indexes above cannot give them), or the default list sorted all 300,000
            # open applications (222 ms), one status 80,000-400,000 rows (120-300 ms) and "every
            # status" all 1,000,000 (510 ms) to show 20. The open statuses one by one have their
            # own (partial, so smaller than walking all open applications and dropping the other
            # statuses, which the planner would otherwise prefer); a closed status walks the
            # deadline order, where it is about every second row.
            models.Index(
                fields=["due_at", "submitted_at", "id"],
                include=["applicant_name", "tracking_number", "status", "assigned_to"],
                condition=Q(status__in=sorted(OPEN_STATUSES)),
                name="permit_app_all_open_by_due",
            ),
            models.Index(
                fields=["status", "due_at", "submitted_at", "id"],
                include=SEARCHED_COLUMNS,
                condition=Q(status__in=sorted(OPEN_STATUSES)),
                name="permit_app_all_open_status",
            ),
            models.Index(
                fields=["due_at", "submitted_at", "id"],
                include=["status", *SEARCHED_COLUMNS],
                name="permit_app_all_by_due",
            ),
            # A number prefix among an agency's open applications ("PBG-2026-00"): the matching
            # entries, with their deadlines to sort them, from the index alone. The unique column's
            # own *_like index also serves it, but reads every row of every agency and status.
            models.Index(
                fields=["agency", "tracking_number"],
                opclasses=["int8_ops", "varchar_pattern_ops"],
                include=["due_at", "submitted_at", "id"],
                condition=Q(status__in=sorted(OPEN_STATUSES)),
                name="permit_app_open_number",
            ),
            # Prefix search on tracking numbers uses the unique column's own *_like index (PostgreSQL).
            # Worklist search by applicant name (icontains: UPPER(...) LIKE); pg_trgm is installed
            # by services/migrations/0002_search_extensions. No index on SQLite (mpp/indexes.py).
            PostgresGinIndex(
                OpClass(Upper("applicant_name"), name="gin_trgm_ops"), name="permit_app_name_trgm"
            ),
            # The same for open applications only, which the default worklist and its filters
            # search: a full name ("Bayu Anwar") matches few rows, so PostgreSQL reads the trigram
            # index instead of walking the list, and every trigram of a name is common; the posting
            # lists of 300,000 open applications instead of 1,000,000 made it 3-5 ms, not 20-36 ms
            # (benchmarks/README.md, round 5). 13 MB at 1,000,000 applications.
            PostgresGinIndex(
                OpClass(Upper("applicant_name"), name="gin_trgm_ops"),
                condition=Q(status__in=sorted(OPEN_STATUSES)),
                name="permit_app_open_name_trgm",
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
        indexes = [
            # The correction-reminder and lapse sweeps: open requests by deadline.
            models.Index(
                fields=["due_at"], condition=Q(resolved_at__isnull=True), name="permit_correction_open_due"
            ),
        ]
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
        indexes = [
            # The "step due soon" sweep: open steps by deadline.
            models.Index(
                fields=["due_at"], condition=Q(completed_at__isnull=True), name="permit_step_open_due"
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "sop_step"], name="permit_step_once_per_application"
            )
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.name}"


# --- Fees (SKRD), issued permits ----------------------------------------------------------------


class IssuanceSequence(models.Model):
    """The last number used per kind of document (an SKRD, a permit), service code and year.

    Allocated like tracking numbers: the row is locked (SELECT ... FOR UPDATE) until the issuing
    transaction commits, so two officers never get the same number and numbers have no gaps.
    """

    class Kind(models.TextChoices):
        ASSESSMENT = "skrd", _("SKRD")
        PERMIT = "permit", _("Surat izin")

    kind = models.CharField(max_length=10, choices=Kind.choices)
    key = models.CharField(max_length=40)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("urutan nomor SKRD dan izin")
        verbose_name_plural = _("urutan nomor SKRD dan izin")
        constraints = [
            models.UniqueConstraint(fields=["kind", "key", "year"], name="issuance_sequence_unique")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.key}-{self.year}: {self.last}"


class Assessment(models.Model):
    """An SKRD (Surat Ketetapan Retribusi Daerah): the levy an officer assessed for an application,
    with the payment reference (kode bayar / virtual account) the citizen pays against.

    A permit is not issued while an SKRD of its application is unpaid. Payment is confirmed by an
    officer (channel "officer") or by the payment gateway's callback (channel "gateway:<name>").
    """

    class Status(models.TextChoices):
        ISSUED = "issued", _("Belum dibayar")
        PAID = "paid", _("Lunas")
        CANCELLED = "cancelled", _("Dibatalkan")

    application = models.ForeignKey(
        Application, verbose_name=_("permohonan"), on_delete=models.PROTECT, related_name="assessments"
    )
    number = models.CharField(_("nomor SKRD"), max_length=60, unique=True)
    amount = models.DecimalField(_("jumlah retribusi (Rp)"), max_digits=14, decimal_places=0)
    basis = models.TextField(_("dasar perhitungan"))
    due_date = models.DateField(_("jatuh tempo"))
    payment_reference = models.CharField(_("kode bayar"), max_length=32, unique=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ISSUED)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diterbitkan oleh"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    issued_at = models.DateTimeField(_("diterbitkan pada"))
    paid_at = models.DateTimeField(_("dibayar pada"), null=True, blank=True)
    paid_amount = models.DecimalField(
        _("jumlah dibayar (Rp)"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    payment_channel = models.CharField(
        _("kanal pembayaran"), max_length=40, blank=True, help_text=_('"officer" atau "gateway:<nama>".')
    )
    gateway_reference = models.CharField(
        _("referensi pembayaran"),
        max_length=100,
        blank=True,
        help_text=_("Nomor transaksi gateway, atau nomor bukti setor (NTB/NTPD) yang diperiksa petugas."),
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dikonfirmasi oleh"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    cancelled_at = models.DateTimeField(_("dibatalkan pada"), null=True, blank=True)
    cancel_reason = models.TextField(_("alasan pembatalan"), blank=True)
    history = _history()

    class Meta:
        verbose_name = _("SKRD")
        verbose_name_plural = _("SKRD")
        ordering = ["application", "-issued_at", "-id"]
        constraints = [
            models.CheckConstraint(name="assessment_amount_positive", condition=Q(amount__gt=0)),
            # One unpaid SKRD per application at a time: a wrong one is cancelled, then reissued.
            models.UniqueConstraint(
                fields=["application"],
                condition=Q(status="issued"),
                name="assessment_one_unpaid_per_application",
            ),
            models.CheckConstraint(
                name="assessment_paid_has_payment",
                condition=~Q(status="paid")
                | Q(paid_at__isnull=False, paid_amount__isnull=False) & ~Q(payment_channel=""),
            ),
            # A gateway transaction (or a receipt) pays one SKRD once: a repeated callback finds it.
            models.UniqueConstraint(
                fields=["payment_channel", "gateway_reference"],
                condition=~Q(gateway_reference=""),
                name="assessment_payment_reference_once",
            ),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def is_unpaid(self) -> bool:
        return self.status == self.Status.ISSUED

    @property
    def amount_rupiah(self) -> str:
        return rupiah(self.amount)

    @property
    def paid_amount_rupiah(self) -> str:
        return rupiah(self.paid_amount) if self.paid_amount is not None else ""


class PrivatePermitStorage(FileSystemStorage):
    """Issued permits live outside MEDIA_ROOT (which DEBUG serves at /media/): only the download
    view, after its access check, reads them. Location: ``MPP_PRIVATE_MEDIA_ROOT``, by default a
    ``private-media`` folder next to MEDIA_ROOT."""

    @cached_property
    def base_location(self):
        configured = getattr(settings, "MPP_PRIVATE_MEDIA_ROOT", None)
        return str(configured or Path(settings.MEDIA_ROOT).parent / "private-media")

    @cached_property
    def base_url(self):
        return None

    def url(self, name):  # pragma: no cover - never served by URL
        raise ValueError("Permit files have no public URL; use the download view.")


_permit_storage = PrivatePermitStorage()


def permit_storage() -> PrivatePermitStorage:
    return _permit_storage


def permit_pdf_upload_to(instance: "Permit", filename: str) -> str:
    """permits/<year>/<random>.pdf: nothing guessable from the number or the holder."""
    year = (instance.issued_at or timezone.now()).year
    return f"permits/{year}/{uuid.uuid4()}.pdf"


class Permit(models.Model):
    """The permit issued for an application: its number, the public verification code and a
    snapshot of what the PDF states (holder, service, agency, signer), so the verification page
    and the document keep saying the same thing when accounts or the catalogue change later."""

    application = models.OneToOneField(
        Application, verbose_name=_("permohonan"), on_delete=models.PROTECT, related_name="permit"
    )
    number = models.CharField(_("nomor izin"), max_length=80, unique=True)
    verification_code = models.CharField(_("kode verifikasi"), max_length=16, unique=True)
    title = models.CharField(_("judul dokumen"), max_length=120)
    holder_name = models.CharField(_("nama pemegang"), max_length=150)
    holder_nik_masked = models.CharField(_("NIK (tersamar)"), max_length=20, blank=True)
    service_name = models.CharField(_("layanan"), max_length=200)
    product = models.TextField(_("produk pelayanan"), blank=True)
    agency_name = models.CharField(_("instansi"), max_length=200)
    signer_name = models.CharField(_("nama penanda tangan"), max_length=150, blank=True)
    signer_position = models.CharField(_("jabatan penanda tangan"), max_length=200)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diterbitkan oleh"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    issued_at = models.DateTimeField(_("diterbitkan pada"))
    valid_from = models.DateField(_("berlaku mulai"))
    valid_until = models.DateField(
        _("berlaku sampai"),
        null=True,
        blank=True,
        help_text=_("Kosong: berlaku selama tidak ada perubahan."),
    )
    pdf = models.FileField(
        _("berkas PDF"), storage=permit_storage, upload_to=permit_pdf_upload_to, max_length=255, blank=True
    )
    sha256 = models.CharField(max_length=64, blank=True)
    revoked_at = models.DateTimeField(_("dicabut pada"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicabut oleh"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    revoke_reason = models.TextField(_("alasan pencabutan"), blank=True)
    history = _history()

    class Meta:
        verbose_name = _("izin terbit")
        verbose_name_plural = _("izin terbit")
        ordering = ["-issued_at", "-id"]
        constraints = [
            models.CheckConstraint(
                name="permit_revocation_complete",
                condition=Q(revoked_at__isnull=True, revoke_reason="")
                | Q(revoked_at__isnull=False) & ~Q(revoke_reason=""),
            ),
            models.CheckConstraint(
                name="permit_validity_ordered",
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=models.F("valid_from")),
            ),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def code_display(self) -> str:
        """The verification code in groups of four, as printed on the PDF: ABCD-EFGH-JKMN."""
        code = self.verification_code
        return "-".join(code[i : i + 4] for i in range(0, len(code), 4))

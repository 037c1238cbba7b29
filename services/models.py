from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .risk import RiskLevel


class Category(models.Model):
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    name = models.CharField(_("nama"), max_length=120)
    name_en = models.CharField(_("nama (Inggris)"), max_length=120)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kategori")
        verbose_name_plural = _("kategori")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Service(models.Model):
    """A service type (jenis layanan) given by one agency. Its published content lives in standards."""

    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("instansi"),
        on_delete=models.PROTECT,
        related_name="services",
    )
    code = models.CharField(
        _("kode"),
        max_length=20,
        unique=True,
        validators=[
            RegexValidator(r"^[A-Z0-9][A-Z0-9-]*$", _("Kode hanya huruf besar, angka dan tanda hubung."))
        ],
        help_text=_("Kode tetap, dipakai di nomor permohonan dan API."),
    )
    name = models.CharField(_("nama"), max_length=200)
    name_en = models.CharField(_("nama (Inggris)"), max_length=200)
    category = models.ForeignKey(
        Category, verbose_name=_("kategori"), on_delete=models.PROTECT, related_name="services"
    )
    description = models.TextField(_("deskripsi"), blank=True)
    keywords = models.CharField(_("kata kunci pencarian"), max_length=255, blank=True)
    is_permit = models.BooleanField(_("perizinan"), default=False)
    completed_at_mpp = models.BooleanField(
        _("selesai di MPP"),
        default=True,
        help_text=_(
            "Kosongkan bila di MPP hanya konsultasi/penerimaan berkas dan produk diselesaikan di kantor instansi."
        ),
    )
    fiktif_positif = models.BooleanField(
        _("fiktif positif"),
        default=False,
        help_text=_("PP 28/2025: permohonan yang tidak diputus sampai batas waktunya dianggap disetujui."),
    )
    # What happens when a citizen does not answer an officer's correction request in time.
    correction_days = models.PositiveSmallIntegerField(
        _("hari kerja untuk perbaikan"),
        null=True,
        blank=True,
        help_text=_("Kosongkan untuk memakai ketentuan MPP (MPP_CORRECTION_DAYS, bawaan 14 hari kerja)."),
    )
    lapse_on_expired_correction = models.BooleanField(
        _("tutup otomatis bila perbaikan tidak diajukan"),
        default=True,
        help_text=_(
            "Bila dimatikan, permohonan yang melewati batas perbaikan tetap menunggu keputusan petugas."
        ),
    )
    # OSS RBA: a business service names its KBLI 2020 activity and risk level; the level decides
    # what the applicant must hold (services/risk.py) and makes the NIB required on the application.
    kbli_code = models.CharField(
        _("kode KBLI"),
        max_length=5,
        blank=True,
        validators=[RegexValidator(r"^\d{5}$", _("Kode KBLI terdiri atas 5 angka (KBLI 2020)."))],
    )
    risk_level = models.CharField(
        _("tingkat risiko (OSS RBA)"), max_length=20, choices=RiskLevel.choices, blank=True
    )
    is_active = models.BooleanField(_("aktif"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("layanan")
        verbose_name_plural = _("layanan")
        ordering = ["name"]
        indexes = [models.Index(fields=["is_active", "name"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class StepRole(models.TextChoices):
    FRONT_OFFICE = "front_office", _("Petugas front office")
    OFFICER = "officer", _("Petugas teknis")
    TECHNICAL_TEAM = "technical_team", _("Tim teknis / tim ahli")
    SUPERVISOR = "supervisor", _("Supervisor / kepala bidang")
    HEAD = "head", _("Kepala instansi")


class ServiceStandard(models.Model):
    """One version of a service's standard (PermenPANRB 15/2014: 14 components).

    Draft until published with a decree; a published version is scheduled until its effective date,
    then in force; the one it replaces becomes superseded and stays readable. A database constraint
    keeps exactly one version in force per service.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draf")
        SCHEDULED = "scheduled", _("Terjadwal")
        IN_FORCE = "in_force", _("Berlaku")
        SUPERSEDED = "superseded", _("Tidak berlaku lagi")

    class FeeKind(models.TextChoices):
        FREE = "free", _("Gratis")
        FIXED = "fixed", _("Tarif tetap")
        LEVY = "levy", _("Retribusi dihitung per permohonan")

    class LevyFormula(models.TextChoices):
        NONE = "", _("Tidak ada")
        PBG = "pbg", _("Retribusi PBG (luas x indeks x harga satuan)")
        REKLAME = "reklame", _("Pajak/retribusi reklame")
        OTHER = "other", _("Lainnya (ditetapkan petugas)")

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="standards")
    version = models.PositiveIntegerField(_("versi"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    decree_number = models.CharField(_("nomor keputusan"), max_length=200, blank=True)
    decree_date = models.DateField(_("tanggal keputusan"), null=True, blank=True)
    effective_from = models.DateField(_("berlaku mulai"), null=True, blank=True)
    published_at = models.DateTimeField(_("diterbitkan pada"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The six components that face the citizen.
    procedure = models.TextField(_("sistem, mekanisme dan prosedur"), blank=True)
    time_limit_days = models.PositiveSmallIntegerField(
        _("jangka waktu penyelesaian (hari kerja)"), validators=[MinValueValidator(1)]
    )
    fee_kind = models.CharField(
        _("biaya/tarif"), max_length=10, choices=FeeKind.choices, default=FeeKind.FREE
    )
    levy_formula = models.CharField(
        _("rumus retribusi"), max_length=20, choices=LevyFormula.choices, blank=True, default=""
    )
    levy_description = models.TextField(_("keterangan retribusi"), blank=True)
    product = models.TextField(_("produk pelayanan"))
    complaint_handling = models.TextField(_("penanganan pengaduan, saran dan masukan"))
    # The eight internal components.
    legal_basis = models.TextField(_("dasar hukum"))
    facilities = models.TextField(_("sarana, prasarana dan fasilitas"), blank=True)
    competence = models.TextField(_("kompetensi pelaksana"), blank=True)
    internal_supervision = models.TextField(_("pengawasan internal"), blank=True)
    staffing = models.TextField(_("jumlah pelaksana"), blank=True)
    service_guarantee = models.TextField(_("jaminan pelayanan"), blank=True)
    security_guarantee = models.TextField(_("jaminan keamanan dan keselamatan pelayanan"), blank=True)
    performance_evaluation = models.TextField(_("evaluasi kinerja pelaksana"), blank=True)
    # OSS RBA, menengah rendah: the business standard of the service's KBLI activity, which the
    # applicant declares to meet (pernyataan mandiri); versioned with the rest of the standard.
    business_standard = models.TextField(
        _("standar usaha (pernyataan mandiri)"),
        blank=True,
        help_text=_("Kewajiban standar usaha KBLI layanan ini yang dinyatakan dipenuhi oleh pelaku usaha."),
    )
    # Public consultation of a draft (PermenPANRB 15/2014): citizens comment inside the window;
    # publishing records whether the version went through it.
    consultation_opens_at = models.DateTimeField(_("konsultasi publik dibuka"), null=True, blank=True)
    consultation_closes_at = models.DateTimeField(_("konsultasi publik ditutup"), null=True, blank=True)
    consulted = models.BooleanField(_("melalui konsultasi publik"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("standar pelayanan")
        verbose_name_plural = _("standar pelayanan")
        ordering = ["service", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["service", "version"], name="standard_version_unique"),
            models.UniqueConstraint(
                fields=["service"],
                condition=models.Q(status="in_force"),
                name="one_standard_in_force",
            ),
            models.CheckConstraint(
                name="published_standard_has_decree",
                condition=models.Q(status="draft")
                | (
                    ~models.Q(decree_number="")
                    & models.Q(decree_date__isnull=False)
                    & models.Q(effective_from__isnull=False)
                ),
            ),
            models.CheckConstraint(
                name="consultation_window_ordered",
                condition=models.Q(consultation_opens_at__isnull=True)
                | models.Q(consultation_closes_at__gt=models.F("consultation_opens_at")),
            ),
            models.CheckConstraint(
                name="levy_has_formula",
                condition=~models.Q(fee_kind="levy") | ~models.Q(levy_formula=""),
            ),
        ]
        indexes = [models.Index(fields=["status", "effective_from"])]

    def __str__(self) -> str:
        return f"{self.service.code} v{self.version} ({self.get_status_display()})"

    @property
    def is_published(self) -> bool:
        return self.status != self.Status.DRAFT

    def consultation_is_open(self, now=None) -> bool:
        from django.utils import timezone

        now = now or timezone.now()
        return (
            self.status == self.Status.DRAFT
            and self.consultation_opens_at is not None
            and self.consultation_opens_at <= now < self.consultation_closes_at
        )


class StandardComment(models.Model):
    """A citizen's comment on a draft standard during its public consultation, and the answer."""

    standard = models.ForeignKey(ServiceStandard, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField(_("tanggapan"))
    created_at = models.DateTimeField(_("dikirim pada"))
    answer = models.TextField(_("jawaban"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(_("dijawab pada"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tanggapan konsultasi publik")
        verbose_name_plural = _("tanggapan konsultasi publik")
        ordering = ["standard", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.standard} #{self.pk}"


class Requirement(models.Model):
    """Persyaratan: one document or item the applicant must provide."""

    class FileKind(models.TextChoices):
        PDF = "pdf", "PDF"
        JPEG = "jpeg", "JPEG"
        PNG = "png", "PNG"

    class Kind(models.TextChoices):
        GENERAL = "", _("Persyaratan umum")
        # OSS RBA, menengah tinggi: the document showing the standard is met, which the agency
        # verifies before the Sertifikat Standar is approved.
        STANDARD_CERTIFICATE = "standard_certificate", _("Dokumen pemenuhan Sertifikat Standar (OSS RBA)")

    standard = models.ForeignKey(ServiceStandard, on_delete=models.CASCADE, related_name="requirements")
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    name = models.CharField(_("nama"), max_length=255)
    description = models.TextField(_("keterangan"), blank=True)
    mandatory = models.BooleanField(_("wajib"), default=True)
    accepted_kinds = models.JSONField(_("jenis berkas diterima"), default=list, blank=True)
    kind = models.CharField(
        _("jenis persyaratan"), max_length=30, choices=Kind.choices, blank=True, default=""
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("persyaratan")
        verbose_name_plural = _("persyaratan")
        ordering = ["standard", "order", "id"]

    def __str__(self) -> str:
        return self.name


class SopStep(models.Model):
    """One ordered step of the SOP, with the role responsible and its duration in working days."""

    standard = models.ForeignKey(ServiceStandard, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    name = models.CharField(_("nama langkah"), max_length=255)
    responsible_role = models.CharField(_("penanggung jawab"), max_length=20, choices=StepRole.choices)
    duration_days = models.PositiveSmallIntegerField(_("durasi (hari kerja)"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("langkah SOP")
        verbose_name_plural = _("langkah SOP")
        ordering = ["standard", "order", "id"]

    def __str__(self) -> str:
        return f"{self.order}. {self.name}"


class FeeItem(models.Model):
    """An official tariff line of a fixed-fee service (e.g. passport 5 years: Rp350.000)."""

    standard = models.ForeignKey(ServiceStandard, on_delete=models.CASCADE, related_name="fee_items")
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    label = models.CharField(_("uraian"), max_length=200)
    amount = models.DecimalField(
        _("jumlah (Rp)"), max_digits=14, decimal_places=0, validators=[MinValueValidator(0)]
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("rincian tarif")
        verbose_name_plural = _("rincian tarif")
        ordering = ["standard", "order", "id"]

    def __str__(self) -> str:
        return f"{self.label}: Rp{self.amount:,.0f}"


class FormField(models.Model):
    """A service-specific field of the application form, versioned with its standard."""

    class FieldType(models.TextChoices):
        TEXT = "text", _("Teks")
        NUMBER = "number", _("Angka")
        DATE = "date", _("Tanggal")
        CHOICE = "choice", _("Pilihan")
        AREA_M2 = "area_m2", _("Luas (m²)")

    standard = models.ForeignKey(ServiceStandard, on_delete=models.CASCADE, related_name="form_fields")
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    key = models.SlugField(
        _("kunci"), max_length=50, help_text=_("Nama teknis yang tetap, mis. luas_bangunan.")
    )
    label = models.CharField(_("label"), max_length=200)
    help_text = models.CharField(_("petunjuk"), max_length=300, blank=True)
    field_type = models.CharField(_("jenis"), max_length=10, choices=FieldType.choices)
    required = models.BooleanField(_("wajib"), default=True)
    choices = models.JSONField(_("pilihan"), default=list, blank=True, help_text=_("Untuk jenis pilihan."))
    min_value = models.DecimalField(
        _("nilai minimum"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    max_value = models.DecimalField(
        _("nilai maksimum"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("isian formulir")
        verbose_name_plural = _("isian formulir")
        ordering = ["standard", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["standard", "key"], name="form_field_key_unique")]

    def __str__(self) -> str:
        return self.label

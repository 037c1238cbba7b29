"""BIGGOS, the investment information gateway: business activities (KBLI 2020) with their OSS RBA
risk level per business scale, the ordered services a business needs for each, and the investment
information page (sectors, potential, contacts) that admins edit."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from services.risk import RiskLevel


class Scale(models.TextChoices):
    """Business scale (PP 7/2021: by capital excluding land and buildings)."""

    MICRO = "mikro", _("Mikro (modal sampai Rp1 miliar)")
    SMALL = "kecil", _("Kecil (modal Rp1–5 miliar)")
    MEDIUM = "menengah", _("Menengah (modal Rp5–10 miliar)")
    LARGE = "besar", _("Besar (modal di atas Rp10 miliar)")


class Zone(models.TextChoices):
    """Zones of the city's detailed spatial plan (RDTR) used by the finder."""

    HOUSING = "perumahan", _("Perumahan")
    TRADE = "perdagangan_jasa", _("Perdagangan dan jasa")
    MIXED = "campuran", _("Campuran")
    INDUSTRY = "industri", _("Kawasan peruntukan industri")
    OFFICE = "perkantoran", _("Perkantoran")


class KbliActivity(models.Model):
    code = models.CharField(
        _("kode KBLI"),
        max_length=5,
        unique=True,
        validators=[RegexValidator(r"^\d{5}$", _("Kode KBLI terdiri atas 5 angka (KBLI 2020)."))],
    )
    title = models.CharField(_("judul KBLI"), max_length=255)
    description = models.TextField(_("uraian"), blank=True)
    keywords = models.CharField(_("kata kunci"), max_length=255, blank=True)
    allowed_zones = models.JSONField(
        _("zona yang diizinkan"), default=list, blank=True, help_text=_("Kosong: semua zona.")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kegiatan usaha (KBLI)")
        verbose_name_plural = _("kegiatan usaha (KBLI)")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class ActivityRisk(models.Model):
    activity = models.ForeignKey(KbliActivity, on_delete=models.CASCADE, related_name="risks")
    scale = models.CharField(_("skala usaha"), max_length=10, choices=Scale.choices)
    risk_level = models.CharField(_("tingkat risiko"), max_length=20, choices=RiskLevel.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("risiko per skala")
        verbose_name_plural = _("risiko per skala")
        constraints = [
            models.UniqueConstraint(fields=["activity", "scale"], name="activity_risk_once_per_scale")
        ]

    def __str__(self) -> str:
        return f"{self.activity.code} {self.scale}: {self.risk_level}"


class ActivityService(models.Model):
    """One service a business of this activity needs, in the order it is obtained."""

    activity = models.ForeignKey(KbliActivity, on_delete=models.CASCADE, related_name="required_services")
    service = models.ForeignKey(
        "services.Service", verbose_name=_("layanan"), on_delete=models.CASCADE, related_name="+"
    )
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    scales = models.JSONField(_("untuk skala"), default=list, blank=True, help_text=_("Kosong: semua skala."))
    zones = models.JSONField(_("untuk zona"), default=list, blank=True, help_text=_("Kosong: semua zona."))
    note = models.CharField(_("catatan"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("layanan yang diperlukan")
        verbose_name_plural = _("layanan yang diperlukan")
        ordering = ["activity", "order", "id"]
        constraints = [models.UniqueConstraint(fields=["activity", "service"], name="activity_service_once")]

    def __str__(self) -> str:
        return f"{self.activity.code} → {self.service_id}"


class InvestmentInfo(models.Model):
    """The investment information page (one row, edited by MPP admins)."""

    title = models.CharField(_("judul"), max_length=200)
    introduction = models.TextField(_("pengantar"))
    contacts = models.TextField(_("kontak layanan investasi"))
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("informasi investasi")
        verbose_name_plural = _("informasi investasi")

    def __str__(self) -> str:
        return self.title


class Sector(models.Model):
    name = models.CharField(_("sektor"), max_length=150)
    description = models.TextField(_("gambaran"))
    potential = models.TextField(_("potensi dan peluang"))
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    is_published = models.BooleanField(_("ditampilkan"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("sektor unggulan")
        verbose_name_plural = _("sektor unggulan")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

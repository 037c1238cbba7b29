"""Building approval (PBG) beside the general permit flow: the library of free standard house
designs (UNDAGI) that citizens download and attach to their PBG application as its design."""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


def design_upload_to(instance: "HouseDesign", filename: str) -> str:
    return f"house-designs/{uuid.uuid4()}.pdf"


class HouseDesign(models.Model):
    """A free standard house design: drawing PDF, plot size, floor area, storeys and type. Admins
    manage the library (Django admin); only published designs are shown."""

    class Kind(models.TextChoices):
        DETACHED = "tunggal", _("Rumah tinggal tunggal")
        ROW = "deret", _("Rumah deret")
        SHOPHOUSE = "toko", _("Rumah toko kecil")

    code = models.SlugField(_("kode"), max_length=40, unique=True)
    name = models.CharField(_("nama desain"), max_length=150)
    kind = models.CharField(_("jenis rumah"), max_length=20, choices=Kind.choices, default=Kind.DETACHED)
    type_label = models.CharField(
        _("tipe"), max_length=20, help_text=_("Luas bangunan/luas kavling, mis. 36/72.")
    )
    plot_width_m = models.DecimalField(_("lebar kavling (m)"), max_digits=5, decimal_places=2)
    plot_depth_m = models.DecimalField(_("panjang kavling (m)"), max_digits=5, decimal_places=2)
    plot_area_m2 = models.DecimalField(
        _("luas kavling (m²)"),
        max_digits=7,
        decimal_places=2,
        validators=[MinValueValidator(1), MaxValueValidator(200)],
        help_text=_("Desain prototipe UNDAGI untuk kavling sampai 200 m²."),
    )
    floor_area_m2 = models.DecimalField(
        _("luas bangunan (m²)"), max_digits=7, decimal_places=2, validators=[MinValueValidator(1)]
    )
    storeys = models.PositiveSmallIntegerField(
        _("jumlah lantai"), default=1, validators=[MinValueValidator(1), MaxValueValidator(2)]
    )
    bedrooms = models.PositiveSmallIntegerField(_("kamar tidur"), default=2)
    bathrooms = models.PositiveSmallIntegerField(_("kamar mandi"), default=1)
    description = models.TextField(_("keterangan"), blank=True)
    drawing = models.FileField(_("gambar desain (PDF)"), upload_to=design_upload_to, max_length=255)
    drawing_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    is_published = models.BooleanField(_("diterbitkan"), default=True)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("desain rumah standar")
        verbose_name_plural = _("desain rumah standar")
        ordering = ["order", "floor_area_m2", "code"]
        constraints = [
            models.CheckConstraint(name="house_design_plot_max_200", condition=Q(plot_area_m2__lte=200)),
            models.CheckConstraint(
                name="house_design_storeys_1_2", condition=Q(storeys__gte=1, storeys__lte=2)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.type_label})"


class DesignAttachment(models.Model):
    """The standard design a citizen chose as the design of their PBG application."""

    application = models.OneToOneField(
        "permits.Application", on_delete=models.CASCADE, related_name="house_design"
    )
    design = models.ForeignKey(
        HouseDesign, verbose_name=_("desain"), on_delete=models.PROTECT, related_name="+"
    )
    attached_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    attached_at = models.DateTimeField(_("dilampirkan pada"))
    history = HistoricalRecords(history_change_reason_field=models.TextField(null=True))

    class Meta:
        verbose_name = _("desain terlampir")
        verbose_name_plural = _("desain terlampir")

    def __str__(self) -> str:
        return f"{self.application_id}: {self.design_id}"

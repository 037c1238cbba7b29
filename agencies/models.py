from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class MppProfile(models.Model):
    """The mall itself: one row. Its time zone and office hours drive every SLA clock."""

    name = models.CharField(_("nama"), max_length=200)
    city = models.CharField(_("kota/kabupaten"), max_length=100)
    time_zone = models.CharField(
        _("zona waktu"),
        max_length=50,
        default="Asia/Jakarta",
        choices=[
            ("Asia/Jakarta", "WIB (Asia/Jakarta)"),
            ("Asia/Makassar", "WITA (Asia/Makassar)"),
            ("Asia/Jayapura", "WIT (Asia/Jayapura)"),
        ],
    )
    address = models.CharField(_("alamat"), max_length=255, blank=True)
    phone = models.CharField(_("telepon"), max_length=50, blank=True)
    whatsapp = models.CharField(_("WhatsApp"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("profil MPP")
        verbose_name_plural = _("profil MPP")
        constraints = [models.CheckConstraint(name="single_mpp_profile", condition=models.Q(id=1))]

    def __str__(self) -> str:
        return self.name


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Senin")
    TUESDAY = 1, _("Selasa")
    WEDNESDAY = 2, _("Rabu")
    THURSDAY = 3, _("Kamis")
    FRIDAY = 4, _("Jumat")
    SATURDAY = 5, _("Sabtu")
    SUNDAY = 6, _("Minggu")


class OfficeHours(models.Model):
    """Opening hours of one weekday; a weekday without a row is closed."""

    profile = models.ForeignKey(MppProfile, on_delete=models.CASCADE, related_name="office_hours")
    weekday = models.PositiveSmallIntegerField(_("hari"), choices=Weekday.choices)
    opens_at = models.TimeField(_("buka"))
    closes_at = models.TimeField(_("tutup"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("jam layanan")
        verbose_name_plural = _("jam layanan")
        ordering = ["weekday"]
        constraints = [
            models.UniqueConstraint(fields=["profile", "weekday"], name="one_hours_row_per_weekday"),
            models.CheckConstraint(
                name="opens_before_closes", condition=models.Q(opens_at__lt=models.F("closes_at"))
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens_at:%H:%M}-{self.closes_at:%H:%M}"


class CalendarOverride(models.Model):
    """An admin's correction of the holidays package: a local closure, or a day that stays open."""

    class Kind(models.TextChoices):
        CLOSED = "closed", _("Tutup (libur lokal)")
        OPEN = "open", _("Buka (hapus hari libur)")

    profile = models.ForeignKey(MppProfile, on_delete=models.CASCADE, related_name="calendar_overrides")
    date = models.DateField(_("tanggal"))
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices)
    reason = models.CharField(_("alasan"), max_length=200)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("koreksi kalender")
        verbose_name_plural = _("koreksi kalender")
        ordering = ["date"]
        constraints = [models.UniqueConstraint(fields=["profile", "date"], name="one_override_per_day")]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.get_kind_display()}: {self.reason}"


class Agency(models.Model):
    """A tenant of the mall: a local agency (perangkat daerah) or a vertical/state office."""

    class Kind(models.TextChoices):
        LOCAL = "perangkat_daerah", _("Perangkat daerah")
        VERTICAL = "instansi_vertikal", _("Instansi vertikal")
        STATE_COMPANY = "bumn_bumd", _("BUMN/BUMD")

    name = models.CharField(_("nama"), max_length=200, unique=True)
    short_name = models.CharField(_("singkatan"), max_length=50)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    kind = models.CharField(_("jenis"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("deskripsi"), blank=True)
    address = models.CharField(_("alamat"), max_length=255, blank=True)
    phone = models.CharField(_("telepon"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    opening_notes = models.TextField(_("keterangan jam layanan"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="agency-logos/", blank=True)
    is_active = models.BooleanField(_("aktif"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("instansi")
        verbose_name_plural = _("instansi")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.short_name or self.name


class Maklumat(models.Model):
    """Maklumat pelayanan: the signed service pledge of an agency, or of the MPP when agency is empty.

    The one in force is the latest signed; older ones stay as the record (and in history).
    """

    agency = models.ForeignKey(
        Agency,
        verbose_name=_("instansi"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="maklumat",
    )
    text = models.TextField(_("isi maklumat"))
    signer_name = models.CharField(_("nama penanda tangan"), max_length=150)
    signer_position = models.CharField(_("jabatan penanda tangan"), max_length=200)
    signed_on = models.DateField(_("tanggal"))
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("maklumat pelayanan")
        verbose_name_plural = _("maklumat pelayanan")
        ordering = ["-signed_on", "-id"]
        indexes = [models.Index(fields=["agency", "-signed_on"])]

    def __str__(self) -> str:
        return f"{self.agency or 'MPP'} — {self.signed_on:%Y-%m-%d}"


class Announcement(models.Model):
    """A notice shown on the home page (and later the queue board) inside its publish window."""

    agency = models.ForeignKey(
        Agency,
        verbose_name=_("instansi"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="announcements",
    )
    title = models.CharField(_("judul"), max_length=200)
    body = models.TextField(_("isi"))
    publish_from = models.DateTimeField(_("tayang mulai"))
    publish_until = models.DateTimeField(_("tayang sampai"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("pengumuman")
        verbose_name_plural = _("pengumuman")
        ordering = ["-publish_from"]
        indexes = [models.Index(fields=["publish_from", "publish_until"])]
        constraints = [
            models.CheckConstraint(
                name="announcement_window_ordered",
                condition=models.Q(publish_until__isnull=True)
                | models.Q(publish_until__gt=models.F("publish_from")),
            )
        ]

    def __str__(self) -> str:
        return self.title

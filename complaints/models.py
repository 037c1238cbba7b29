"""Complaints (SP4N-LAPOR! style) and public consultation questions.

A complaint's statuses and the one table of allowed changes live here (``TRANSITIONS``); every
change goes through ``complaints.services``. ``due_at`` is the deadline of the current stage:
verification and routing by the MPP's complaint officer, the agency's answer, and the reporter's
reaction to the answer (after which the complaint closes itself).
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


def _history() -> HistoricalRecords:
    return HistoricalRecords(history_change_reason_field=models.TextField(null=True))


class ComplaintCategory(models.Model):
    """What the complaint is about (the Open311 "service"); routing suggests its usual agency."""

    code = models.SlugField(_("kode"), max_length=40, unique=True)
    name = models.CharField(_("nama"), max_length=150)
    name_en = models.CharField(_("nama (Inggris)"), max_length=150)
    description = models.TextField(_("keterangan"), blank=True)
    group = models.CharField(_("kelompok"), max_length=100, blank=True)
    default_agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("instansi yang biasa menangani"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    is_active = models.BooleanField(_("aktif"), default=True)
    order = models.PositiveSmallIntegerField(_("urutan"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("kategori pengaduan")
        verbose_name_plural = _("kategori pengaduan")

    def __str__(self) -> str:
        return self.name


class ComplaintSequence(models.Model):
    """The last complaint number of a year, locked while a number is allocated."""

    year = models.PositiveSmallIntegerField(unique=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


class ComplaintKind(models.TextChoices):
    COMPLAINT = "pengaduan", _("Pengaduan")
    ASPIRATION = "aspirasi", _("Aspirasi")
    INFORMATION = "informasi", _("Permintaan informasi")
    WHISTLEBLOWING = "whistleblowing", _("Pelaporan pelanggaran (whistle-blowing)")


class Channel(models.TextChoices):
    WEB = "web", _("Formulir web")
    COUNTER = "counter", _("Loket")
    CALL_CENTER = "call_center", _("Call center")
    WHATSAPP = "whatsapp", _("WhatsApp")
    SOCIAL_MEDIA = "social_media", _("Media sosial")
    LAPOR = "lapor", _("SP4N-LAPOR!")
    OPEN311 = "open311", _("Aplikasi (Open311)")


class ComplaintStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Menunggu verifikasi")
    ROUTED = "routed", _("Ditangani instansi")
    ANSWERED = "answered", _("Dijawab")
    CLOSED = "closed", _("Selesai")
    FORWARDED = "forwarded", _("Bukan kewenangan, diteruskan")
    ARCHIVED = "archived", _("Diarsipkan")


S = ComplaintStatus

TRANSITIONS: dict[str, frozenset[str]] = {
    S.SUBMITTED: frozenset({S.ROUTED, S.FORWARDED, S.ARCHIVED}),
    S.ROUTED: frozenset({S.ANSWERED}),
    # The reporter's reply sends it back to the agency; accepting (or silence) closes it.
    S.ANSWERED: frozenset({S.ROUTED, S.CLOSED}),
    S.CLOSED: frozenset(),
    S.FORWARDED: frozenset(),
    S.ARCHIVED: frozenset(),
}
OPEN_STATUSES = frozenset({S.SUBMITTED, S.ROUTED, S.ANSWERED})


class Complaint(models.Model):
    Kind = ComplaintKind
    Channel = Channel
    Status = ComplaintStatus

    number = models.CharField(_("nomor pengaduan"), max_length=20, unique=True)
    secret = models.CharField(_("kode rahasia"), max_length=8)
    kind = models.CharField(_("jenis"), max_length=20, choices=ComplaintKind.choices)
    channel = models.CharField(_("saluran"), max_length=20, choices=Channel.choices, default=Channel.WEB)
    category = models.ForeignKey(
        ComplaintCategory, verbose_name=_("kategori"), on_delete=models.PROTECT, related_name="complaints"
    )
    subject = models.CharField(_("judul"), max_length=200)
    description = models.TextField(_("uraian"))
    address = models.CharField(_("lokasi kejadian"), max_length=255, blank=True)
    lat = models.DecimalField(_("lintang"), max_digits=9, decimal_places=6, null=True, blank=True)
    long = models.DecimalField(_("bujur"), max_digits=9, decimal_places=6, null=True, blank=True)
    # Links the reporter chose (the application must be the reporter's own).
    service = models.ForeignKey(
        "services.Service", verbose_name=_("layanan"), on_delete=models.SET_NULL, null=True, blank=True
    )
    application = models.ForeignKey(
        "permits.Application",
        verbose_name=_("permohonan"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Identity. Anonymous: all of these stay empty. Confidential / whistle-blowing: kept, but shown
    # only to the reporter and the MPP's complaint officers (complaints.selectors.reporter_identity).
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pelapor"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="complaints",
    )
    reporter_name = models.CharField(_("nama pelapor"), max_length=150, blank=True)
    reporter_email = models.EmailField(_("email pelapor"), blank=True)
    reporter_phone = models.CharField(_("telepon pelapor"), max_length=20, blank=True)
    is_anonymous = models.BooleanField(_("anonim"), default=False)
    is_confidential = models.BooleanField(_("rahasia"), default=False)
    allow_publication = models.BooleanField(_("boleh dipublikasikan"), default=False)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicatat oleh petugas"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ComplaintStatus.choices, default=S.SUBMITTED
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("instansi penanggung jawab"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="complaints",
    )
    due_at = models.DateTimeField(_("batas waktu tahap ini"), null=True, blank=True)
    routed_at = models.DateTimeField(_("diteruskan ke instansi pada"), null=True, blank=True)
    answer = models.TextField(_("jawaban instansi"), blank=True)
    answered_at = models.DateTimeField(_("dijawab pada"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    officer_note = models.TextField(_("catatan petugas pengaduan"), blank=True)
    lapor_reference = models.CharField(_("nomor SP4N-LAPOR!"), max_length=60, blank=True)
    closed_at = models.DateTimeField(_("ditutup pada"), null=True, blank=True)
    closed_automatically = models.BooleanField(_("ditutup otomatis"), default=False)
    rating = models.PositiveSmallIntegerField(_("penilaian jawaban"), null=True, blank=True)
    rating_comment = models.TextField(_("komentar penilaian"), blank=True)
    created_at = models.DateTimeField(_("diterima pada"))
    updated_at = models.DateTimeField(auto_now=True)

    history = _history()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("pengaduan")
        verbose_name_plural = _("pengaduan")
        indexes = [
            models.Index(fields=["status", "due_at"], name="complaint_status_due"),
            models.Index(fields=["agency", "status"], name="complaint_agency_status"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True) | models.Q(rating__gte=1, rating__lte=5),
                name="complaint_rating_1_5",
            ),
            models.CheckConstraint(
                condition=~models.Q(is_anonymous=True)
                | models.Q(reporter__isnull=True, reporter_name="", reporter_email="", reporter_phone=""),
                name="complaint_anonymous_keeps_no_identity",
            ),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def hides_identity(self) -> bool:
        """Identity is for the complaint officers only (whistle-blowing is always confidential)."""
        return self.is_confidential or self.kind == ComplaintKind.WHISTLEBLOWING

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


def attachment_upload_to(instance: "ComplaintAttachment", filename: str) -> str:
    # A random path: never guessable, never the reporter's file name; served only by a checked view.
    return f"complaints/{uuid.uuid4().hex}.{instance.extension}"


class ComplaintAttachment(models.Model):
    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("berkas"), upload_to=attachment_upload_to, max_length=255)
    original_name = models.CharField(_("nama berkas"), max_length=255)
    content_type = models.CharField(_("jenis berkas"), max_length=50)
    extension = models.CharField(max_length=8)
    size = models.PositiveIntegerField(_("ukuran (bita)"))
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.original_name


class ComplaintMessage(models.Model):
    """A step's text: the reporter's reply, the officer's routing note, the agency's answer."""

    class Author(models.TextChoices):
        REPORTER = "reporter", _("Pelapor")
        OFFICER = "officer", _("Petugas pengaduan MPP")
        AGENCY = "agency", _("Instansi")

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="messages")
    author_side = models.CharField(max_length=10, choices=Author.choices)
    body = models.TextField(_("isi"))
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.complaint_id} {self.author_side}"


class Question(models.Model):
    """Public consultation: a citizen asks about a service before applying; the agency answers."""

    class Status(models.TextChoices):
        OPEN = "open", _("Menunggu jawaban")
        ANSWERED = "answered", _("Dijawab")

    service = models.ForeignKey(
        "services.Service", verbose_name=_("layanan"), on_delete=models.CASCADE, related_name="questions"
    )
    asker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("penanya"),
        on_delete=models.CASCADE,
        related_name="questions",
    )
    question = models.TextField(_("pertanyaan"))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    answer = models.TextField(_("jawaban"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(_("dijawab pada"), null=True, blank=True)
    is_published = models.BooleanField(_("tampil sebagai FAQ"), default=False)
    created_at = models.DateTimeField(_("ditanyakan pada"))

    history = _history()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("pertanyaan konsultasi")
        verbose_name_plural = _("pertanyaan konsultasi")
        indexes = [models.Index(fields=["service", "is_published"], name="question_service_published")]

    def __str__(self) -> str:
        return self.question[:60]

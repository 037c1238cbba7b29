"""The satisfaction survey (SKM, PermenPANRB 14/2017): one invitation per finished transaction,
one response per invitation, and the follow-up actions that answer its findings."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

ELEMENTS = ("u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9")


class SubjectKind(models.TextChoices):
    APPLICATION = "application", _("Permohonan")
    QUEUE_TICKET = "queue_ticket", _("Tiket antrian")


class SurveyInvitation(models.Model):
    """The citizen's one survey for one transaction, opened by a one-time token."""

    subject_kind = models.CharField(max_length=20, choices=SubjectKind.choices)
    subject_id = models.PositiveBigIntegerField()
    citizen = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="survey_invitations",
    )
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    service = models.ForeignKey(
        "services.Service", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    subject_label = models.CharField(max_length=100, blank=True)
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subject_kind", "subject_id"], name="one_survey_per_transaction")
        ]

    def __str__(self) -> str:
        return f"{self.subject_kind} {self.subject_id}"


def _score_field(label):
    return models.PositiveSmallIntegerField(label)


class SurveyResponse(models.Model):
    """One respondent's answers. Agency and service are copied from the invitation so that the IKM
    aggregation reads one table (see surveys.selectors)."""

    invitation = models.OneToOneField(
        SurveyInvitation, on_delete=models.SET_NULL, null=True, blank=True, related_name="response"
    )
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="+")
    service = models.ForeignKey(
        "services.Service", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    u1 = _score_field(_("U1 persyaratan"))
    u2 = _score_field(_("U2 sistem, mekanisme dan prosedur"))
    u3 = _score_field(_("U3 waktu penyelesaian"))
    u4 = _score_field(_("U4 biaya/tarif"))
    u5 = _score_field(_("U5 produk spesifikasi jenis pelayanan"))
    u6 = _score_field(_("U6 kompetensi pelaksana"))
    u7 = _score_field(_("U7 perilaku pelaksana"))
    u8 = _score_field(_("U8 sarana dan prasarana"))
    u9 = _score_field(_("U9 penanganan pengaduan, saran dan masukan"))
    comment = models.TextField(_("saran dan komentar"), blank=True)
    submitted_at = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(fields=["submitted_at"], name="survey_response_when"),
            models.Index(fields=["agency", "submitted_at"], name="survey_response_agency_when"),
            models.Index(fields=["service", "submitted_at"], name="survey_response_service_when"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(**{f"{e}__gte": 1}) & models.Q(**{f"{e}__lte": 4}), name=f"survey_{e}_1_4"
            )
            for e in ELEMENTS
        ]

    def __str__(self) -> str:
        return f"{self.agency_id} {self.submitted_at:%Y-%m-%d}"


class FollowUpAction(models.Model):
    """A survey finding (the weakest element, a recurring comment) and what will be done about it."""

    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("instansi"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        help_text=_("Kosong: tindak lanjut MPP secara keseluruhan."),
        related_name="+",
    )
    element = models.CharField(
        _("unsur"),
        max_length=2,
        blank=True,
        choices=[(e, e.upper()) for e in ELEMENTS],
    )
    period_label = models.CharField(_("periode survei"), max_length=40)
    finding = models.TextField(_("temuan"))
    action = models.TextField(_("rencana tindak lanjut"))
    owner = models.CharField(_("penanggung jawab"), max_length=150)
    due_date = models.DateField(_("target selesai"))
    done_at = models.DateField(_("selesai pada"), null=True, blank=True)
    result_note = models.TextField(_("hasil"), blank=True)
    # Who recorded a finding as done, and when: the public page shows it as acted upon.
    history = HistoricalRecords()

    class Meta:
        ordering = ["done_at", "due_date", "pk"]
        verbose_name = _("tindak lanjut hasil SKM")
        verbose_name_plural = _("tindak lanjut hasil SKM")

    def __str__(self) -> str:
        return self.action[:60]

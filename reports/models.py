"""Summaries the dashboards read: one fact row per submitted application, refreshed by Celery.

Counting on the live applications table would need the working-day calendar (Python) for every
row; a fact keeps what the dashboards aggregate (who, when received and decided, on time or not,
processing time in working days) so every figure is one SQL aggregate over indexed columns.
Facts are derived data, rebuilt at will (``reports.services.facts_refresh``), so they are written
in bulk and carry no history.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from permits.transitions import OPEN_STATUSES, ApplicationStatus

_OPEN = sorted(OPEN_STATUSES)


class ApplicationFact(models.Model):
    application = models.OneToOneField(
        "permits.Application", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    agency = models.ForeignKey("agencies.Agency", on_delete=models.CASCADE, related_name="+", db_index=False)
    service = models.ForeignKey(
        "services.Service", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", db_index=False
    )
    status = models.CharField(_("status"), max_length=12, choices=ApplicationStatus.choices)
    received_at = models.DateTimeField(_("diterima pada"))
    decided_at = models.DateTimeField(_("diputuskan pada"), null=True)
    due_at = models.DateTimeField(_("batas waktu"), null=True)
    on_time = models.BooleanField(_("tepat waktu"), null=True)
    processing_days = models.FloatField(_("lama proses (hari kerja)"), null=True)
    source_updated_at = models.DateTimeField()

    class Meta:
        verbose_name = _("ringkasan permohonan")
        verbose_name_plural = _("ringkasan permohonan")
        indexes = [
            models.Index(fields=["source_updated_at"], name="rep_fact_source_updated"),
            # Period figures of the MPP, an agency, a service, an officer.
            models.Index(fields=["received_at"], name="rep_fact_received"),
            models.Index(fields=["agency", "received_at"], name="rep_fact_agency_received"),
            models.Index(fields=["service", "received_at"], name="rep_fact_service_received"),
            models.Index(fields=["officer", "received_at"], name="rep_fact_officer_received"),
            models.Index(
                fields=["decided_at"],
                include=["agency", "officer", "on_time", "processing_days"],
                condition=Q(decided_at__isnull=False),
                name="rep_fact_decided",
            ),
            models.Index(
                fields=["agency", "decided_at"],
                include=["officer", "on_time", "processing_days"],
                condition=Q(decided_at__isnull=False),
                name="rep_fact_agency_decided",
            ),
            models.Index(
                fields=["service", "decided_at"],
                include=["on_time", "processing_days"],
                condition=Q(decided_at__isnull=False),
                name="rep_fact_service_decided",
            ),
            models.Index(
                fields=["officer", "decided_at"],
                include=["on_time", "processing_days"],
                condition=Q(decided_at__isnull=False),
                name="rep_fact_officer_decided",
            ),
            # Open now: overdue and oldest.
            models.Index(
                fields=["agency", "received_at"], condition=Q(status__in=_OPEN), name="rep_fact_open_agency"
            ),
            models.Index(fields=["received_at"], condition=Q(status__in=_OPEN), name="rep_fact_open"),
            models.Index(
                fields=["due_at"],
                condition=Q(status=ApplicationStatus.IN_PROCESS),
                name="rep_fact_running_due",
            ),
        ]

    def __str__(self) -> str:
        return f"fact {self.application_id}"


class ReportScope(models.TextChoices):
    MPP = "mpp", _("MPP")
    AGENCY = "agency", _("instansi")
    SERVICE = "service", _("layanan")
    OFFICER = "officer", _("petugas")


class ReportMonth(models.Model):
    """Counts of one calendar month (MPP time) for the MPP, an agency, a service or an officer,
    rebuilt from the facts: dashboards sum a few of these rows instead of counting a million."""

    month = models.DateField()
    scope = models.CharField(max_length=8, choices=ReportScope.choices)
    scope_id = models.PositiveIntegerField(help_text="0 for the MPP")
    agency_id = models.PositiveIntegerField(help_text="the agency of the row (0 for the MPP)")
    received = models.PositiveIntegerField(default=0)
    decided = models.PositiveIntegerField(default=0)
    measured = models.PositiveIntegerField(default=0)
    on_time = models.PositiveIntegerField(default=0)
    late = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("ringkasan bulanan")
        verbose_name_plural = _("ringkasan bulanan")
        constraints = [
            models.UniqueConstraint(
                fields=["month", "scope", "scope_id", "agency_id"], name="rep_month_unique"
            )
        ]
        indexes = [
            models.Index(fields=["scope", "scope_id", "month"], name="rep_month_scope"),
            models.Index(fields=["scope", "agency_id", "month"], name="rep_month_agency"),
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.scope} {self.scope_id}"


class ReportMonthDuration(models.Model):
    """How many decisions of the month took ``tenths``/10 working days (rounded to a tenth): the
    histogram the period's median is read from (exact to the tenth of a day the pages show)."""

    month = models.DateField()
    scope = models.CharField(max_length=8, choices=ReportScope.choices)
    scope_id = models.PositiveIntegerField()
    agency_id = models.PositiveIntegerField()
    tenths = models.PositiveIntegerField()
    count = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("sebaran lama proses bulanan")
        verbose_name_plural = _("sebaran lama proses bulanan")
        indexes = [
            # Covering: the medians are read by index-only scans.
            models.Index(
                fields=["scope", "scope_id", "month"], include=["tenths", "count"], name="rep_duration_scope"
            ),
            models.Index(
                fields=["scope", "agency_id", "month"],
                include=["scope_id", "tenths", "count"],
                name="rep_duration_agency",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.scope} {self.scope_id}: {self.tenths / 10} x{self.count}"


class SurveyMonth(models.Model):
    """The satisfaction survey's sums of one calendar month (MPP time) per agency, service and
    officer (the one assigned to the surveyed application; none for a queue ticket): the IKM is a
    function of the nine element sums and the number of respondents, so any period's IKM for the
    MPP, an agency, a service or an officer is exact from these rows (surveys.ikm), without
    aggregating every response. Rebuilt by ``reports.services.survey_months_rebuild``."""

    month = models.DateField()
    agency_id = models.PositiveIntegerField()
    service_id = models.PositiveIntegerField(null=True)
    officer_id = models.PositiveIntegerField(null=True)
    respondents = models.PositiveIntegerField()
    u1 = models.PositiveBigIntegerField()
    u2 = models.PositiveBigIntegerField()
    u3 = models.PositiveBigIntegerField()
    u4 = models.PositiveBigIntegerField()
    u5 = models.PositiveBigIntegerField()
    u6 = models.PositiveBigIntegerField()
    u7 = models.PositiveBigIntegerField()
    u8 = models.PositiveBigIntegerField()
    u9 = models.PositiveBigIntegerField()

    class Meta:
        verbose_name = _("ringkasan survei bulanan")
        verbose_name_plural = _("ringkasan survei bulanan")
        indexes = [
            models.Index(fields=["month"], name="rep_survey_month"),
            models.Index(fields=["agency_id", "month"], name="rep_survey_agency"),
            models.Index(fields=["service_id", "month"], name="rep_survey_service"),
            models.Index(fields=["officer_id", "month"], name="rep_survey_officer"),
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.agency_id}/{self.service_id}/{self.officer_id}: {self.respondents}"

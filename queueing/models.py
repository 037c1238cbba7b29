from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Counter(models.Model):
    """A service counter (loket) of an agency on the MPP floor."""

    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("instansi"),
        on_delete=models.CASCADE,
        related_name="counters",
    )
    number = models.PositiveSmallIntegerField(_("nomor loket"), unique=True)
    label = models.CharField(_("nama loket"), max_length=100)
    is_active = models.BooleanField(_("aktif"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("loket")
        verbose_name_plural = _("loket")
        ordering = ["number"]

    def __str__(self) -> str:
        return f"Loket {self.number} — {self.label}"

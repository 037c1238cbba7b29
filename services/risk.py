"""Licensing by risk (OSS RBA, PP 5/2021 replaced by PP 28/2025): the four risk levels and what a
business needs at each one (DOMAIN.md, "Licensing by risk"). Plain Python, no database."""

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class RiskLevel(models.TextChoices):
    LOW = "rendah", _("Rendah")
    MEDIUM_LOW = "menengah_rendah", _("Menengah rendah")
    MEDIUM_HIGH = "menengah_tinggi", _("Menengah tinggi")
    HIGH = "tinggi", _("Tinggi")


@dataclass(frozen=True)
class RiskObligation:
    """What an applicant must hold at one risk level."""

    level: str
    needs_nib: bool
    standard_certificate: str  # "", "self_declared" or "verified"
    needs_permit: bool
    summary: Promise


OBLIGATIONS: dict[str, RiskObligation] = {
    RiskLevel.LOW: RiskObligation(RiskLevel.LOW, True, "", False, _("NIB saja")),
    RiskLevel.MEDIUM_LOW: RiskObligation(
        RiskLevel.MEDIUM_LOW,
        True,
        "self_declared",
        False,
        _("NIB dan Sertifikat Standar (pernyataan mandiri pelaku usaha)"),
    ),
    RiskLevel.MEDIUM_HIGH: RiskObligation(
        RiskLevel.MEDIUM_HIGH,
        True,
        "verified",
        False,
        _("NIB dan Sertifikat Standar yang diverifikasi pemerintah"),
    ),
    RiskLevel.HIGH: RiskObligation(RiskLevel.HIGH, True, "", True, _("NIB dan izin")),
}

# Order used to compare levels (the highest of several activities decides).
ORDER = [RiskLevel.LOW, RiskLevel.MEDIUM_LOW, RiskLevel.MEDIUM_HIGH, RiskLevel.HIGH]


def obligation(level: str) -> RiskObligation | None:
    """The obligation of ``level``; None for a service without a risk level (not a business licence)."""
    return OBLIGATIONS.get(level) if level else None


def highest(levels) -> str:
    """The highest of ``levels`` ("" when none)."""
    present = [level for level in levels if level in OBLIGATIONS]
    return max(present, key=ORDER.index) if present else ""

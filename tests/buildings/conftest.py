"""A house PBG service with SimBG's steps (completeness, administration, technical review by the
expert team, statement, levy, signature), its staff and expert, and standard designs."""

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.files.base import ContentFile

from buildings.models import HouseDesign
from services.models import ServiceStandard, SopStep
from tests.factories import (
    AgencyFactory,
    MppProfileFactory,
    ServiceFactory,
    ServiceStandardFactory,
    UserFactory,
)
from tests.permits.factories import add_form_fields, pdf_bytes, ready_draft

WIB = ZoneInfo("Asia/Jakarta")
STEPS = [
    ("Pendaftaran dan pemeriksaan kelengkapan dokumen di SimBG", "front_office", 1),
    ("Verifikasi administrasi dan data tanah", "officer", 2),
    ("Konsultasi dan pemeriksaan dokumen rencana teknis oleh TPT/TPA", "technical_team", 6),
    ("Penerbitan pernyataan pemenuhan standar teknis", "supervisor", 2),
    ("Perhitungan retribusi dan penerbitan SKRD", "officer", 2),
    ("Verifikasi pembayaran dan penandatanganan PBG", "head", 1),
]


def wib(month, day, hour=9, year=2026):
    return datetime(year, month, day, hour, tzinfo=WIB)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    MppProfileFactory()
    settings.MPP_PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def pupr():
    return AgencyFactory(slug="dpupr-pkp", name="Dinas PUPR-PKP Kota Probolinggo")


def pbg_service(agency, code="PBG-HUNIAN"):
    service = ServiceFactory(code=code, agency=agency, name="Persetujuan Bangunan Gedung (PBG) Rumah Tinggal")
    standard = ServiceStandardFactory(
        service=service,
        in_force=True,
        version=1,
        time_limit_days=14,
        fee_kind=ServiceStandard.FeeKind.LEVY,
        levy_formula=ServiceStandard.LevyFormula.PBG,
    )
    add_form_fields(standard)
    standard.steps.all().delete()
    for order, (name, role, days) in enumerate(STEPS, start=1):
        SopStep.objects.create(
            standard=standard, order=order, name=name, responsible_role=role, duration_days=days
        )
    return service


@pytest.fixture
def pbg(pupr):
    return pbg_service(pupr)


@pytest.fixture
def officer(pupr):
    return UserFactory(officer=True, agency=pupr)


@pytest.fixture
def supervisor(pupr):
    return UserFactory(supervisor=True, agency=pupr)


@pytest.fixture
def expert(pupr):
    return UserFactory(expert=True, agency=pupr)


def make_design(code="rumah-36-72", published=True, plot="72", area="36", storeys=1):
    design = HouseDesign(
        code=code,
        name=f"Rumah Tinggal {code}",
        type_label=f"{area}/{plot}",
        plot_width_m=Decimal("6"),
        plot_depth_m=Decimal(plot) / 6,
        plot_area_m2=Decimal(plot),
        floor_area_m2=Decimal(area),
        storeys=storeys,
        is_published=published,
    )
    design.drawing.save(f"{code}.pdf", ContentFile(pdf_bytes(code)), save=False)
    design.save()
    return design


@pytest.fixture
def design():
    return make_design()


@pytest.fixture
def draft(pbg):
    return ready_draft(service=pbg, now=wib(3, 2))

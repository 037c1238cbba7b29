"""An SKT-ORMAS service (with the organisation form fields) and an organisation registered by
walking the real permit flow to issuance."""

import datetime as dt
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from organisations.demo import FORM_FIELDS
from organisations.models import Organisation
from permits import services as permits
from services.models import FormField
from tests.factories import (
    AgencyFactory,
    MppProfileFactory,
    ServiceFactory,
    ServiceStandardFactory,
    UserFactory,
)
from tests.permits.factories import pdf_file, png_file

WIB = ZoneInfo("Asia/Jakarta")
ORG_VALUES = {
    "nama_ormas": "Paguyuban Seni Jaran Bodhag Kota Probolinggo",
    "singkatan": "PSJB",
    "bentuk_ormas": "tidak_berbadan_hukum",
    "alamat_sekretariat": "Jl. Mastrip No. 27, Kel. Kanigaran, Kota Probolinggo",
    "bidang_kegiatan": "Seni budaya",
    "nama_ketua": "Siti Aminah",
    "nama_sekretaris": "Moch. Rizal",
    "nama_bendahara": "Endang",
    "masa_bakti_mulai": "2026-01-01",
    "masa_bakti_selesai": "2030-12-31",
}


def wib(year, month, day, hour=9):
    return datetime(year, month, day, hour, tzinfo=WIB)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    MppProfileFactory()
    settings.MPP_PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def kesbang():
    return AgencyFactory(slug="bakesbangpol", name="Badan Kesatuan Bangsa dan Politik Kota Probolinggo")


@pytest.fixture
def ormas_service(kesbang):
    service = ServiceFactory(code="SKT-ORMAS", agency=kesbang, is_permit=False)
    standard = ServiceStandardFactory(service=service, in_force=True, version=1, time_limit_days=5)
    for order, (key, label, kind, required, choices, _help) in enumerate(FORM_FIELDS, start=1):
        FormField.objects.create(
            standard=standard,
            order=order,
            key=key,
            label=label,
            field_type=kind,
            required=required,
            choices=choices,
        )
    return service


@pytest.fixture
def officer(kesbang):
    return UserFactory(officer=True, agency=kesbang)


@pytest.fixture
def supervisor(kesbang):
    return UserFactory(supervisor=True, agency=kesbang)


def register(*, service, officer, supervisor, applicant=None, values=None, now=None, valid_until=None):
    """Walk the permit flow to issuance; returns the issued application."""
    applicant = applicant or UserFactory()
    now = now or wib(2026, 3, 2)
    application = permits.application_create_draft(service=service, applicant=applicant, now=now)
    permits.application_save_fields(
        application=application, values=values or ORG_VALUES, actor=applicant, now=now
    )
    ktp, letter = application.standard.requirements.order_by("order", "id")
    permits.document_upload(
        application=application, requirement=ktp, file=png_file(), actor=applicant, now=now
    )
    permits.document_upload(
        application=application, requirement=letter, file=pdf_file(), actor=applicant, now=now
    )
    application = permits.application_submit(
        application=application, actor=applicant, delivery_method="pickup", now=now
    )
    application = permits.application_verify_complete(application=application, actor=officer, now=now)
    for step in application.steps.order_by("order", "id"):
        permits.step_complete(application=application, step_progress=step, actor=supervisor, now=now)
    application = permits.application_approve(application=application, actor=supervisor, now=now)
    return permits.application_issue(
        application=application, actor=officer, now=now + dt.timedelta(hours=1), valid_until=valid_until
    )


@pytest.fixture
def organisation(ormas_service, officer, supervisor) -> Organisation:
    application = register(service=ormas_service, officer=officer, supervisor=supervisor)
    return Organisation.objects.get(application=application)

"""Demo data of the admin workspace (called once from seed_demo): the DPMPTSP admin account and a
draft of the reklame permit's standard open for public consultation. Safe to run again."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from accounts.models import Role, User
from accounts.services import staff_create
from agencies.models import Agency
from services import services as catalogue
from services.models import Service, ServiceStandard

AGENCY_ADMIN_EMAIL = "admin.dpmptsp@demo.mpp.id"


def seed_workspace_demo(*, password: str) -> list[tuple[str, str]]:
    """Returns the demo accounts made here, as (role label, e-mail), for seed_demo's list."""
    accounts = []
    agency = Agency.objects.filter(slug="dpmptsp").first()
    admin = User.objects.filter(email__iexact=AGENCY_ADMIN_EMAIL).first()
    if settings.DEMO_MODE and agency is not None:
        if admin is None:
            admin = staff_create(
                email=AGENCY_ADMIN_EMAIL,
                full_name="Dewi Lestari",
                role=Role.AGENCY_ADMIN,
                agency=agency,
                password=password,
            )
        accounts.append((Role(Role.AGENCY_ADMIN).label, AGENCY_ADMIN_EMAIL))
    service = Service.objects.filter(code="IZIN-REKLAME").first()
    if service is not None and not service.standards.filter(status=ServiceStandard.Status.DRAFT).exists():
        draft = catalogue.standard_draft_create(service=service, actor=admin)
        catalogue.standard_draft_update(
            standard=draft,
            actor=admin,
            fields={
                "procedure": draft.procedure
                + " Peninjauan lokasi dijadwalkan paling lambat dua hari kerja setelah berkas lengkap.",
                "time_limit_days": 4,
            },
            reason="rancangan percepatan izin reklame",
        )
        catalogue.standard_consultation_open(
            standard=draft, actor=admin, closes_at=timezone.now() + timedelta(days=14)
        )
    return accounts

"""The demo data gives the risk-level services what their level asks: the declaration text
(menengah rendah) and the standard fulfilment document row (menengah tinggi), once."""

import pytest

from investment.demo import seed_risk_obligations
from services.models import Requirement, ServiceStandard
from tests.investment.conftest import service_with_standard

pytestmark = pytest.mark.django_db


def test_seed_adds_the_declaration_text_and_the_document_row_once():
    irt = service_with_standard("SPP-IRT", days=10)
    toko_obat = service_with_standard("IZIN-TOKO-OBAT", days=10)
    clinic = service_with_standard("IZIN-KLINIK", days=10)
    for service, level in ((irt, "menengah_rendah"), (toko_obat, "menengah_tinggi"), (clinic, "tinggi")):
        service.risk_level = level
        service.save()
    seed_risk_obligations()
    seed_risk_obligations()
    assert "CPPOB-IRT" in ServiceStandard.objects.get(service=irt).business_standard
    rows = Requirement.objects.filter(kind=Requirement.Kind.STANDARD_CERTIFICATE)
    assert [(r.standard.service.code, r.mandatory, r.accepted_kinds) for r in rows] == [
        ("IZIN-TOKO-OBAT", True, ["pdf"])
    ]

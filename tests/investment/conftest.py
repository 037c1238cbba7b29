import pytest

from investment.models import ActivityRisk, ActivityService, KbliActivity, Zone
from services.models import FeeItem, ServiceStandard
from tests.factories import AgencyFactory, MppProfileFactory, ServiceFactory, ServiceStandardFactory


@pytest.fixture(autouse=True)
def _mpp():
    MppProfileFactory()


def service_with_standard(code, *, days, fee_kind="free", fees=(), agency=None):
    service = ServiceFactory(code=code, name=f"Layanan {code}", agency=agency or AgencyFactory())
    standard = ServiceStandardFactory(
        service=service,
        in_force=True,
        version=1,
        time_limit_days=days,
        fee_kind=fee_kind,
        levy_formula="reklame" if fee_kind == ServiceStandard.FeeKind.LEVY else "",
    )
    for order, amount in enumerate(fees, start=1):
        FeeItem.objects.create(standard=standard, order=order, label=f"Tarif {order}", amount=amount)
    return service


@pytest.fixture
def warung():
    """56102 Rumah/Warung Makan: NIB (1 day), SLHS for bigger scales (14), NPWPD (1), reklame (5, levy)."""
    activity = KbliActivity.objects.create(
        code="56102", title="Rumah/Warung Makan", keywords="warung makan depot kuliner", allowed_zones=[]
    )
    for scale, risk in [
        ("mikro", "rendah"),
        ("kecil", "rendah"),
        ("menengah", "menengah_rendah"),
        ("besar", "menengah_rendah"),
    ]:
        ActivityRisk.objects.create(activity=activity, scale=scale, risk_level=risk)
    rows = [
        (service_with_standard("NIB-OSS", days=1), [], []),
        (
            service_with_standard("SLHS", days=14, fee_kind=ServiceStandard.FeeKind.FIXED, fees=[150000]),
            ["menengah", "besar"],
            [],
        ),
        (service_with_standard("NPWPD", days=1), [], []),
        (
            service_with_standard("IZIN-REKLAME", days=5, fee_kind=ServiceStandard.FeeKind.LEVY),
            [],
            [Zone.TRADE],
        ),
    ]
    for order, (service, scales, zones) in enumerate(rows, start=1):
        ActivityService.objects.create(
            activity=activity, service=service, order=order, scales=scales, zones=zones
        )
    KbliActivity.objects.create(
        code="56101", title="Restoran", keywords="resto kafe", allowed_zones=[Zone.TRADE]
    )
    return activity

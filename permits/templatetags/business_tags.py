"""The OSS RBA panel of the staff application page: the business identity, what the risk level
asks and, at menengah tinggi, the verification form (``{% business_staff_panel application %}``)."""

from django import template

from services.risk import RiskLevel
from services.risk import obligation as risk_obligation

from ..business import business_outstanding, standard_verification_current
from ..transitions import ApplicationStatus

register = template.Library()


@register.inclusion_tag("permits/staff/_business.html", takes_context=True)
def business_staff_panel(context, application):
    service = application.service
    obligation = risk_obligation(service.risk_level)
    if obligation is None:
        return {"show": False}
    user = context["request"].user
    medium_high = service.risk_level == RiskLevel.MEDIUM_HIGH
    verified = medium_high and standard_verification_current(application)
    may_act = (
        getattr(user, "role", "") in ("officer", "supervisor") and user.agency_id == application.agency_id
    )
    return {
        "show": True,
        "request": context["request"],
        "csrf_token": context.get("csrf_token"),
        "application": application,
        "risk_label": service.get_risk_level_display(),
        "obligation": obligation,
        "items": business_outstanding(application),
        "medium_high": medium_high,
        "verified": verified,
        "can_verify": medium_high
        and not verified
        and may_act
        and application.status == ApplicationStatus.IN_PROCESS,
    }

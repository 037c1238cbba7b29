from django import template

from complaints import selectors
from surveys import selectors as survey_selectors

register = template.Library()


@register.inclusion_tag("complaints/_service_panel.html", takes_context=True)
def service_public_panel(context, service):
    """The service page's FAQ, "ask" and "report pungli" links, and the service's own IKM."""
    period = survey_selectors.current_period("year")
    return {
        "service": service,
        "faq": list(selectors.service_faq(service)[:20]),
        "ikm": survey_selectors.ikm_of_service(period, service.pk),
        "period": period,
        "request": context.get("request"),
        "user": context.get("user"),
    }

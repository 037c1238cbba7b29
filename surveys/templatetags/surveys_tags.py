from django import template

from surveys.models import SubjectKind, SurveyInvitation

register = template.Library()


@register.simple_tag
def open_survey_for_application(application):
    """The applicant's unanswered survey invitation for this finished application, or None."""
    if application.status not in ("issued", "rejected"):
        return None
    return SurveyInvitation.objects.filter(
        subject_kind=SubjectKind.APPLICATION, subject_id=application.pk, used_at__isnull=True
    ).first()

"""Invite the applicant to the satisfaction survey when an application is finished (issued or
rejected). A receiver on the application's save keeps permits/services.py untouched; the invitation
is created after the commit, so a rolled-back decision invites no one."""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

FINISHED = ("issued", "rejected")


def _invite(application_id: int) -> None:
    from permits.models import Application

    from .models import SubjectKind
    from .services import survey_invite

    application = (
        Application.objects.select_related("service", "agency", "applicant").filter(pk=application_id).first()
    )
    if application is None or application.status not in FINISHED:
        return
    survey_invite(
        subject_kind=SubjectKind.APPLICATION,
        subject_id=application.pk,
        citizen=application.applicant,
        agency=application.agency,
        service=application.service,
        subject_label=application.tracking_number,
    )


@receiver(post_save, sender="permits.Application", dispatch_uid="surveys_invite_after_finish")
def invite_after_finish(sender, instance, created, update_fields=None, **kwargs):
    if instance.status not in FINISHED:
        return
    if update_fields is not None and "status" not in update_fields:
        return
    # robust: a failing invitation is logged and never turns the citizen's finished application
    # into an error page after its commit.
    transaction.on_commit(partial(_invite, instance.pk), robust=True)

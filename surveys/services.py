"""Writes of the satisfaction survey: inviting a citizen after a transaction, and the answers.

``survey_invite`` is the one entry point for every kind of transaction (a finished application
today; a served queue ticket when the queue app calls it): one invitation per transaction (a
unique constraint), an inbox message and a WhatsApp/e-mail message through ``notify`` (exactly
once by its dedup_key), and a one-time token that opens the survey without logging in.
"""

from __future__ import annotations

import secrets
from datetime import date, datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mpp.errors import ConflictError, DomainError
from notifications.services import notify

from .models import ELEMENTS, FollowUpAction, SubjectKind, SurveyInvitation, SurveyResponse


class SurveyError(DomainError):
    pass


def survey_invite(
    *,
    subject_kind: str,
    subject_id: int,
    citizen,
    agency,
    service=None,
    subject_label: str = "",
    now: datetime | None = None,
) -> SurveyInvitation:
    """Invite ``citizen`` to rate one transaction. Calling it again returns the same invitation and
    sends nothing new."""
    if subject_kind not in SubjectKind.values:
        raise ValueError(f"unknown subject kind {subject_kind!r}")
    now = now or timezone.now()
    existing = SurveyInvitation.objects.filter(subject_kind=subject_kind, subject_id=subject_id).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            invitation = SurveyInvitation.objects.create(
                subject_kind=subject_kind,
                subject_id=subject_id,
                citizen=citizen,
                agency=agency,
                service=service,
                subject_label=subject_label[:100],
                token=secrets.token_urlsafe(32),
                created_at=now,
            )
            if citizen is not None:
                notify(
                    recipient=citizen,
                    event="survey.invitation",
                    context={
                        "subject_label": subject_label,
                        "service_name": service.name if service is not None else agency.name,
                        "link": f"{settings.MPP_PUBLIC_BASE_URL.rstrip('/')}/survei/{invitation.token}/",
                    },
                    link=f"/survei/{invitation.token}/",
                    dedup_key=f"survey:{subject_kind}:{subject_id}",
                )
    except IntegrityError:
        return SurveyInvitation.objects.get(subject_kind=subject_kind, subject_id=subject_id)
    return invitation


def _clean_scores(scores: dict) -> dict[str, int]:
    cleaned = {}
    missing = []
    for element in ELEMENTS:
        try:
            value = int(scores.get(element))
        except (TypeError, ValueError):
            value = 0
        if not 1 <= value <= 4:
            missing.append(element.upper())
        cleaned[element] = value
    if missing:
        raise SurveyError(
            _("Beri nilai 1 sampai 4 untuk setiap unsur. Belum diisi: %(elements)s.")
            % {"elements": ", ".join(missing)},
            code="scores",
        )
    return cleaned


@transaction.atomic
def survey_submit(
    *, token: str, scores: dict, comment: str = "", now: datetime | None = None
) -> SurveyResponse:
    """Record the answers of the invitation with ``token``; the token then stops working."""
    now = now or timezone.now()
    cleaned = _clean_scores(scores)
    invitation = SurveyInvitation.objects.select_for_update().filter(token=token).first()
    if invitation is None:
        raise SurveyError(_("Tautan survei tidak dikenal."), code="unknown_token")
    if invitation.used_at is not None:
        raise ConflictError(_("Survei ini sudah diisi. Terima kasih."), code="already_answered")
    response = SurveyResponse.objects.create(
        invitation=invitation,
        agency_id=invitation.agency_id,
        service_id=invitation.service_id,
        comment=(comment or "").strip()[:2000],
        submitted_at=now,
        **cleaned,
    )
    invitation.used_at = now
    invitation.save(update_fields=["used_at"])
    return response


@transaction.atomic
def followup_mark_done(
    *, action: FollowUpAction, actor, done_on: date, result_note: str = ""
) -> FollowUpAction:
    """Record a survey follow-up as done (the public IKM page then shows it as acted upon)."""
    action = FollowUpAction.objects.select_for_update().get(pk=action.pk)
    action.done_at = done_on
    action.result_note = result_note
    action._history_user = actor
    action._change_reason = "tindak lanjut selesai"
    action.save(update_fields=["done_at", "result_note"])
    return action

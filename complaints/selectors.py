"""Reads of complaints and consultation questions, scoped to who asks.

Identity rule (issue 7): the reporter's identity is shown to the reporter and, for every complaint,
to the MPP's complaint officers; agency staff see it only for an ordinary (not anonymous, not
confidential, not whistle-blowing) complaint. :func:`reporter_identity` is the one place that
decides; templates, the API and exports call it and never read the fields themselves.
"""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from accounts.permissions import is_agency_staff, is_complaint_officer

from .models import Complaint, ComplaintCategory, ComplaintStatus, Question

S = ComplaintStatus


@dataclass(frozen=True)
class Identity:
    name: str
    email: str
    phone: str


def reporter_identity(complaint: Complaint, viewer) -> Identity | None:
    """The reporter's identity as ``viewer`` may see it, or None."""
    if complaint.is_anonymous:
        return None
    is_reporter = getattr(viewer, "pk", None) is not None and viewer.pk == complaint.reporter_id
    if is_reporter or is_complaint_officer(viewer):
        return Identity(complaint.reporter_name, complaint.reporter_email, complaint.reporter_phone)
    if complaint.hides_identity:
        return None
    if is_agency_staff(viewer) and viewer.agency_id == complaint.agency_id:
        return Identity(complaint.reporter_name, complaint.reporter_email, complaint.reporter_phone)
    return None


def categories() -> QuerySet[ComplaintCategory]:
    return ComplaintCategory.objects.filter(is_active=True).select_related("default_agency")


def _base() -> QuerySet[Complaint]:
    return Complaint.objects.select_related("category", "agency", "service")


def staff_scope(user) -> Q:
    """Complaint officers: every complaint. Agency staff: only what was routed to their agency."""
    if is_complaint_officer(user):
        return Q()
    if is_agency_staff(user):
        return Q(agency_id=user.agency_id, routed_at__isnull=False)
    return Q(pk__in=[])


def complaints_for_staff(user, *, status: str | None = None) -> QuerySet[Complaint]:
    qs = _base().filter(staff_scope(user))
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("due_at", "created_at")


def complaint_for_staff(user, number: str) -> Complaint | None:
    return (
        _base().filter(staff_scope(user), number=number).prefetch_related("attachments", "messages").first()
    )


def complaints_of_reporter(user) -> QuerySet[Complaint]:
    return _base().filter(reporter=user)


def complaint_by_number(number: str) -> Complaint | None:
    return (
        _base()
        .prefetch_related("attachments", "messages")
        .filter(number=(number or "").strip().upper())
        .first()
    )


def published_complaints() -> QuerySet[Complaint]:
    """Answered public complaints whose reporter allowed publication: transparency list."""
    return (
        _base()
        .filter(
            allow_publication=True,
            is_confidential=False,
            answered_at__isnull=False,
            status__in=(S.ANSWERED, S.CLOSED),
        )
        .exclude(kind=Complaint.Kind.WHISTLEBLOWING)
        .order_by("-answered_at")
    )


def open311_requests() -> QuerySet[Complaint]:
    """What the public Open311 endpoint lists: never confidential or whistle-blowing reports."""
    return _base().filter(is_confidential=False).exclude(kind=Complaint.Kind.WHISTLEBLOWING)


def questions_for_staff(user) -> QuerySet[Question]:
    if not is_agency_staff(user):
        return Question.objects.none()
    return (
        Question.objects.filter(service__agency_id=user.agency_id)
        .select_related("service")
        .order_by("status", "-created_at")
    )


def questions_of(user) -> QuerySet[Question]:
    return Question.objects.filter(asker=user).select_related("service")


def service_faq(service) -> QuerySet[Question]:
    return Question.objects.filter(
        service=service, is_published=True, status=Question.Status.ANSWERED
    ).order_by("-answered_at")

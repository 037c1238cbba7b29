"""Reads of the admin workspace, scoped to what the admin may manage."""

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from accounts.models import Role, User
from agencies.models import Agency, Announcement, Maklumat
from queueing.models import Counter, Queue, QueueBreak
from services.models import Service, ServiceStandard, StandardComment

from .access import scope


def workspace_services(*, user, q: str = "") -> QuerySet[Service]:
    """The services the admin may edit, with their version in force and whether a draft exists."""
    in_force = ServiceStandard.objects.filter(status=ServiceStandard.Status.IN_FORCE)
    queryset = (
        scope(Service.objects.all(), user)
        .select_related("agency")
        .prefetch_related(Prefetch("standards", queryset=in_force, to_attr="in_force"))
        .annotate(
            has_draft=Exists(
                ServiceStandard.objects.filter(service=OuterRef("pk"), status=ServiceStandard.Status.DRAFT)
            ),
            scheduled_count=Count("standards", filter=Q(standards__status=ServiceStandard.Status.SCHEDULED)),
        )
        .order_by("agency__name", "name")
    )
    if q:
        queryset = queryset.filter(Q(name__icontains=q) | Q(code__icontains=q))
    return queryset


def service_versions(*, service: Service) -> QuerySet[ServiceStandard]:
    return (
        service.standards.select_related("published_by")
        .annotate(comment_count=Count("comments"))
        .order_by("-version")
    )


def standard_with_rows(*, pk: int) -> ServiceStandard:
    return (
        ServiceStandard.objects.select_related("service__agency", "published_by")
        .prefetch_related("requirements", "steps", "fee_items", "form_fields")
        .get(pk=pk)
    )


def standard_comments(*, standard: ServiceStandard) -> QuerySet[StandardComment]:
    return standard.comments.select_related("author", "answered_by").order_by("created_at", "id")


def consultations_open(*, now) -> QuerySet[ServiceStandard]:
    return (
        ServiceStandard.objects.filter(
            status=ServiceStandard.Status.DRAFT,
            consultation_opens_at__lte=now,
            consultation_closes_at__gt=now,
        )
        .select_related("service__agency")
        .order_by("consultation_closes_at")
    )


def workspace_maklumat(*, user) -> QuerySet[Maklumat]:
    queryset = Maklumat.objects.select_related("agency").order_by("agency__name", "-signed_on", "-id")
    if user.agency_id and not user.is_mpp_admin:
        return queryset.filter(agency_id=user.agency_id)
    return queryset


def workspace_announcements(*, user) -> QuerySet[Announcement]:
    queryset = Announcement.objects.select_related("agency").order_by("-publish_from")
    if user.agency_id and not user.is_mpp_admin:
        return queryset.filter(agency_id=user.agency_id)
    return queryset


def manageable_agencies(*, user) -> QuerySet[Agency]:
    return scope(Agency.objects.filter(is_active=True), user, field="pk").order_by("name")


STAFF_ROLES = (
    Role.OFFICER,
    Role.SUPERVISOR,
    Role.AGENCY_ADMIN,
    Role.EXPERT,
    Role.MPP_ADMIN,
    Role.COMPLAINT_OFFICER,
)


def workspace_staff(*, user) -> QuerySet[User]:
    queryset = (
        User.objects.filter(role__in=STAFF_ROLES)
        .select_related("agency")
        .order_by("agency__name", "full_name")
    )
    return scope(queryset, user)


def workspace_queues(*, user) -> QuerySet[Queue]:
    """The queues the admin manages, with their services and counters (three queries)."""
    queryset = (
        Queue.objects.select_related("agency")
        .prefetch_related(
            Prefetch("services", queryset=Service.objects.order_by("name").only("pk", "name", "code")),
            Prefetch("counters", queryset=Counter.objects.order_by("number").only("pk", "number")),
        )
        .order_by("agency__name", "prefix")
    )
    return scope(queryset, user)


def workspace_counters(*, user) -> QuerySet[Counter]:
    queryset = (
        Counter.objects.select_related("agency", "officer")
        .prefetch_related(
            Prefetch("queues", queryset=Queue.objects.order_by("prefix").only("pk", "prefix", "name"))
        )
        .order_by("number")
    )
    return scope(queryset, user)


def queue_breaks() -> QuerySet[QueueBreak]:
    return QueueBreak.objects.order_by("weekday", "starts_at")

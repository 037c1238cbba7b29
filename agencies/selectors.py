"""Reads about the mall and its agencies: profile, calendar, maklumat, announcements."""

from datetime import datetime

from django.core.cache import cache
from django.db.models import Case, Count, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone

from .models import Agency, Announcement, CalendarOverride, Maklumat, MppProfile, OfficeHours


def mpp_profile() -> MppProfile | None:
    return MppProfile.objects.filter(pk=1).first()


def active_announcements(
    *, now: datetime | None = None, agency: Agency | None = None
) -> QuerySet[Announcement]:
    now = now or timezone.now()
    queryset = Announcement.objects.filter(publish_from__lte=now).filter(
        Q(publish_until__isnull=True) | Q(publish_until__gt=now)
    )
    if agency is not None:
        queryset = queryset.filter(Q(agency=agency) | Q(agency__isnull=True))
    return queryset.select_related("agency").order_by("-publish_from")


def current_maklumat(*, agency: Agency | None = None) -> Maklumat | None:
    """The maklumat in force: the latest signed, of the agency or (agency=None) of the whole MPP."""
    return Maklumat.objects.filter(agency=agency).order_by("-signed_on", "-id").first()


def agency_list() -> QuerySet[Agency]:
    """Active agencies, local ones first, with how many active services each gives (one query)."""
    kind_order = Case(
        When(kind=Agency.Kind.LOCAL, then=Value(0)),
        When(kind=Agency.Kind.VERTICAL, then=Value(1)),
        default=Value(2),
    )
    return (
        Agency.objects.filter(is_active=True)
        .annotate(service_count=Count("services", filter=Q(services__is_active=True)), kind_order=kind_order)
        .order_by("kind_order", "name")
    )


def agency_detail(*, slug: str) -> Agency:
    from services.models import Service

    return (
        Agency.objects.filter(is_active=True)
        .prefetch_related(
            Prefetch(
                "services",
                queryset=Service.objects.filter(is_active=True).select_related("category").order_by("name"),
                to_attr="active_services",
            )
        )
        .get(slug=slug)
    )


CALENDAR_CACHE_KEY = "mpp:work-calendar:v1"


def work_calendar(*, years: range | None = None):
    """The MPP's working-day calendar: its time zone, office hours, the holidays package's national
    holidays and cuti bersama, and the admins' overrides. Cached; overrides and hours clear it."""
    from .workcalendar import WorkCalendar

    if years is None:
        this_year = timezone.localdate().year
        years = range(this_year - 2, this_year + 3)
    stamp = cache.get_or_set(f"{CALENDAR_CACHE_KEY}:stamp", 1, None)
    key = f"{CALENDAR_CACHE_KEY}:{stamp}:{years.start}:{years.stop}"
    calendar = cache.get(key)
    if calendar is not None:
        return calendar
    profile = mpp_profile()
    tz_name = profile.time_zone if profile else timezone.get_default_timezone_name()
    hours = {row.weekday: (row.opens_at, row.closes_at) for row in OfficeHours.objects.filter(profile_id=1)}
    overrides = list(CalendarOverride.objects.filter(profile_id=1).values_list("date", "kind"))
    calendar = WorkCalendar.build(
        tz_name,
        hours,
        years,
        added=[d for d, kind in overrides if kind == CalendarOverride.Kind.CLOSED],
        removed=[d for d, kind in overrides if kind == CalendarOverride.Kind.OPEN],
    )
    cache.set(key, calendar, 3600)
    return calendar


def clear_calendar_cache() -> None:
    """Called when office hours, overrides or the time zone change: every cached calendar is stale."""
    try:
        cache.incr(f"{CALENDAR_CACHE_KEY}:stamp")
    except ValueError:
        cache.set(f"{CALENDAR_CACHE_KEY}:stamp", 2, None)


def office_hours() -> QuerySet[OfficeHours]:
    """The MPP's opening hours, Monday first; a weekday without a row is closed."""
    return OfficeHours.objects.filter(profile_id=1).order_by("weekday")

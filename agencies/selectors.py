"""Reads about the mall and its agencies: profile, calendar, maklumat, announcements."""

from datetime import datetime

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Case, Count, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone

from mpp.cache import version as cached_version
from mpp.cache import version_bump

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
CALENDAR_STAMP_KEY = f"{CALENDAR_CACHE_KEY}:stamp"
# This process's copies, keyed by (stamp, first year, last year + 1): a calendar changes a few
# times a year, and reading it from the cache cost two round trips on every queue ticket (issue 6).
# The stamp is still read from the cache on each call (or passed in by a caller that has read it
# in its own pipelined round trip), so a change anywhere reaches every process at once.
_LOCAL_CALENDARS: dict[tuple[int, int, int], object] = {}


def calendar_stamp() -> int:
    return cached_version(CALENDAR_STAMP_KEY)


def work_calendar(*, years: range | None = None, stamp: int | None = None):
    """The MPP's working-day calendar: its time zone, office hours, the holidays package's national
    holidays and cuti bersama, and the admins' overrides. Cached in the cache and in this process
    under the stamp; overrides and hours move the stamp. ``stamp``: the value of
    ``CALENDAR_STAMP_KEY`` if the caller has read it (the queue kiosk pipelines it)."""
    from .workcalendar import WorkCalendar

    if years is None:
        this_year = timezone.localdate().year
        years = range(this_year - 2, this_year + 3)
    if stamp is None:
        stamp = calendar_stamp()
    local_key = (stamp, years.start, years.stop)
    calendar = _LOCAL_CALENDARS.get(local_key)
    if calendar is not None:
        return calendar
    key = f"{CALENDAR_CACHE_KEY}:{stamp}:{years.start}:{years.stop}"
    calendar = cache.get(key)
    if calendar is None:
        profile = mpp_profile()
        tz_name = profile.time_zone if profile else timezone.get_default_timezone_name()
        hours = {
            row.weekday: (row.opens_at, row.closes_at) for row in OfficeHours.objects.filter(profile_id=1)
        }
        overrides = list(CalendarOverride.objects.filter(profile_id=1).values_list("date", "kind"))
        calendar = WorkCalendar.build(
            tz_name,
            hours,
            years,
            added=[d for d, kind in overrides if kind == CalendarOverride.Kind.CLOSED],
            removed=[d for d, kind in overrides if kind == CalendarOverride.Kind.OPEN],
        )
        cache.set(key, calendar, 3600)
        if connection.in_atomic_block:
            # Built from rows this transaction may have changed and may still roll back: not kept
            # in this process (the cache entry is as before; the stamp moves on any change).
            return calendar
    if any(held[0] != stamp for held in _LOCAL_CALENDARS):
        _LOCAL_CALENDARS.clear()  # the stamp moved: older copies are stale
    _LOCAL_CALENDARS[local_key] = calendar
    return calendar


def _move_calendar_stamp() -> None:
    _LOCAL_CALENDARS.clear()
    version_bump(CALENDAR_STAMP_KEY)


def clear_calendar_cache() -> None:
    """Called when office hours, overrides or the time zone change: every cached calendar is stale.
    The stamp moves now (this transaction reads the new rows, not the old calendar) and again when
    the change commits: another process may have rebuilt the calendar from the old, still
    committed rows in between and kept it under the new stamp."""
    _move_calendar_stamp()
    transaction.on_commit(_move_calendar_stamp)


def office_hours() -> QuerySet[OfficeHours]:
    """The MPP's opening hours, Monday first; a weekday without a row is closed."""
    return OfficeHours.objects.filter(profile_id=1).order_by("weekday")

"""Writes of the admin workspace to the MPP's notices and calendar (the agencies app has no write
layer of its own yet): each an atomic function that records who did it in the history."""

from datetime import date, datetime, time

from django.db import transaction
from django.utils.translation import gettext as _

from agencies.models import Agency, Announcement, CalendarOverride, Maklumat, OfficeHours
from agencies.selectors import clear_calendar_cache
from mpp.errors import DomainError


def _save(instance, *, actor, reason: str) -> None:
    instance._history_user = actor
    instance._change_reason = reason
    instance.save()


@transaction.atomic
def maklumat_publish(
    *, agency: Agency | None, text: str, signer_name: str, signer_position: str, signed_on: date, actor
) -> Maklumat:
    """A new maklumat version (the latest signed is the one in force; older ones stay as record)."""
    if not text.strip() or not signer_name.strip() or not signer_position.strip():
        raise DomainError(_("Isi, nama dan jabatan penanda tangan wajib diisi."))
    maklumat = Maklumat(
        agency=agency,
        text=text.strip(),
        signer_name=signer_name.strip(),
        signer_position=signer_position.strip(),
        signed_on=signed_on,
    )
    _save(maklumat, actor=actor, reason="maklumat baru")
    return maklumat


@transaction.atomic
def announcement_save(
    *,
    announcement: Announcement | None,
    agency: Agency | None,
    title: str,
    body: str,
    publish_from: datetime,
    publish_until: datetime | None,
    actor,
) -> Announcement:
    if publish_until is not None and publish_until <= publish_from:
        raise DomainError(_("Akhir penayangan harus setelah awal penayangan."))
    if announcement is None:
        announcement = Announcement()
        reason = "pengumuman dibuat"
    else:
        announcement = Announcement.objects.select_for_update().get(pk=announcement.pk)
        reason = "pengumuman diubah"
    announcement.agency = agency
    announcement.title = title.strip()
    announcement.body = body.strip()
    announcement.publish_from = publish_from
    announcement.publish_until = publish_until
    _save(announcement, actor=actor, reason=reason)
    return announcement


@transaction.atomic
def office_hours_set(*, hours: dict[int, tuple[time, time] | None], actor) -> int:
    """Set the opening hours per weekday (None closes the day). Returns how many weekdays changed."""
    changed = 0
    existing = {row.weekday: row for row in OfficeHours.objects.select_for_update().filter(profile_id=1)}
    for weekday, window in sorted(hours.items()):
        row = existing.get(weekday)
        if window is None:
            if row is not None:
                row._history_user = actor
                row._change_reason = "hari ditutup"
                row.delete()
                changed += 1
            continue
        opens_at, closes_at = window
        if opens_at >= closes_at:
            raise DomainError(_("Jam buka harus sebelum jam tutup."))
        if row is None:
            row = OfficeHours(profile_id=1, weekday=weekday, opens_at=opens_at, closes_at=closes_at)
        elif (row.opens_at, row.closes_at) == (opens_at, closes_at):
            continue
        row.opens_at, row.closes_at = opens_at, closes_at
        _save(row, actor=actor, reason="jam layanan diubah")
        changed += 1
    transaction.on_commit(clear_calendar_cache)
    return changed


@transaction.atomic
def calendar_override_set(*, day: date, kind: str, reason: str, actor) -> CalendarOverride:
    """A local closure, or a holiday removed (the office opens). One correction per day."""
    if not reason.strip():
        raise DomainError(_("Alasan wajib diisi."))
    override = CalendarOverride.objects.select_for_update().filter(profile_id=1, date=day).first()
    override = override or CalendarOverride(profile_id=1, date=day)
    override.kind = kind
    override.reason = reason.strip()
    _save(override, actor=actor, reason=f"koreksi kalender: {kind}")
    transaction.on_commit(clear_calendar_cache)
    return override


@transaction.atomic
def calendar_override_remove(*, override: CalendarOverride, actor) -> None:
    override = CalendarOverride.objects.select_for_update().get(pk=override.pk)
    override._history_user = actor
    override._change_reason = "koreksi kalender dihapus"
    override.delete()
    transaction.on_commit(clear_calendar_cache)


def deadlines_recompute(*, actor) -> tuple[int, int]:
    """After a calendar change: the permits app recomputes every running deadline."""
    from permits.services import applications_recompute_deadlines

    return applications_recompute_deadlines()

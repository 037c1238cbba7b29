"""Writes of the admin workspace to the floor's set-up: queues, counters (loket) and the daily
calling breaks. Each an atomic function that validates in Indonesian and records the actor in the
history. (Kept apart from queueing/services.py, the busy ticket path.)

Who may write which agency's rows is checked by the caller (workspace.access.check_agency); these
functions check that the rows hang together: a queue's services and a counter's queues belong to
the same agency, prefixes and counter numbers are unique on the floor.
"""

from __future__ import annotations

import re
from datetime import time

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from agencies.models import Agency
from mpp.errors import ConflictError, DomainError
from services.models import Service

from .models import Counter, CounterStatus, PriorityPolicy, Queue, QueueBreak

PREFIX_RE = re.compile(r"^[A-Z]{1,2}$")


def _save(instance, *, actor, reason: str) -> None:
    instance._history_user = actor
    instance._change_reason = reason
    try:
        with transaction.atomic():
            instance.save()
    except IntegrityError as error:  # a concurrent save took the prefix/number first
        raise ConflictError(
            _("Data ini baru saja diubah oleh orang lain; muat ulang halaman lalu coba lagi.")
        ) from error


def _check_queue_fields(
    *,
    queue_pk: int | None,
    agency: Agency,
    prefix: str,
    name: str,
    services: list[Service],
    priority_policy: str,
    priority_every: int,
    default_service_minutes: int,
    slot_minutes: int,
    slot_capacity: int,
    booking_share: int,
) -> None:
    if not PREFIX_RE.match(prefix):
        raise DomainError(_("Huruf awalan harus satu atau dua huruf kapital (A-Z)."))
    if Queue.objects.filter(prefix=prefix).exclude(pk=queue_pk).exists():
        raise DomainError(_("Huruf awalan %(prefix)s sudah dipakai antrian lain.") % {"prefix": prefix})
    if not name.strip():
        raise DomainError(_("Nama antrian wajib diisi."))
    strangers = [s.name for s in services if s.agency_id != agency.pk]
    if strangers:
        raise DomainError(
            _("Layanan berikut bukan milik %(agency)s: %(services)s.")
            % {"agency": agency.name, "services": ", ".join(strangers)}
        )
    if priority_policy not in PriorityPolicy.values:
        raise DomainError(_("Pilih kebijakan prioritas yang tersedia."))
    if priority_every < 1:
        raise DomainError(_("N tiket biasa per satu prioritas paling sedikit 1."))
    if not 1 <= default_service_minutes <= 480:
        raise DomainError(_("Lama layanan bawaan harus antara 1 dan 480 menit."))
    if not 5 <= slot_minutes <= 240:
        raise DomainError(_("Panjang sesi harus antara 5 dan 240 menit."))
    if not 1 <= slot_capacity <= 500:
        raise DomainError(_("Kapasitas per sesi harus antara 1 dan 500 tiket."))
    if not 0 <= booking_share <= 100:
        raise DomainError(_("Bagian untuk pemesanan daring harus antara 0 dan 100 persen."))


@transaction.atomic
def queue_save(
    *,
    queue: Queue | None,
    agency: Agency,
    prefix: str,
    name: str,
    services: list[Service],
    priority_policy: str,
    priority_every: int,
    default_service_minutes: int,
    slot_minutes: int,
    slot_capacity: int,
    booking_share: int,
    is_active: bool,
    actor,
) -> Queue:
    """Create or change a queue. Moving it to another agency is refused while counters of the old
    agency serve it (they would call another agency's visitors)."""
    prefix = prefix.strip().upper()
    services = list(services)
    _check_queue_fields(
        queue_pk=queue.pk if queue else None,
        agency=agency,
        prefix=prefix,
        name=name,
        services=services,
        priority_policy=priority_policy,
        priority_every=priority_every,
        default_service_minutes=default_service_minutes,
        slot_minutes=slot_minutes,
        slot_capacity=slot_capacity,
        booking_share=booking_share,
    )
    if queue is None:
        queue = Queue()
        reason = "antrian dibuat"
    else:
        queue = Queue.objects.select_for_update().get(pk=queue.pk)
        reason = "antrian diubah"
        if queue.agency_id != agency.pk and queue.counters.exclude(agency=agency).exists():
            raise DomainError(
                _("Antrian ini masih dilayani loket instansi lain; lepaskan dari loket itu dulu.")
            )
    queue.agency = agency
    queue.prefix = prefix
    queue.name = name.strip()
    queue.priority_policy = priority_policy
    queue.priority_every = priority_every
    queue.default_service_minutes = default_service_minutes
    queue.slot_minutes = slot_minutes
    queue.slot_capacity = slot_capacity
    queue.booking_share = booking_share
    queue.is_active = is_active
    _save(queue, actor=actor, reason=reason)
    queue.services.set(services)
    return queue


@transaction.atomic
def counter_save(
    *,
    counter: Counter | None,
    agency: Agency,
    number: int,
    label: str,
    queues: list[Queue],
    is_active: bool,
    actor,
) -> Counter:
    """Create or change a counter. A counter serves only its agency's queues; one that is open or on
    a break is closed by its officer before it is deactivated."""
    queues = list(queues)
    if number < 1:
        raise DomainError(_("Nomor loket paling sedikit 1."))
    if Counter.objects.filter(number=number).exclude(pk=counter.pk if counter else None).exists():
        raise DomainError(_("Nomor loket %(number)s sudah dipakai.") % {"number": number})
    if not label.strip():
        raise DomainError(_("Nama loket wajib diisi."))
    strangers = [q.prefix for q in queues if q.agency_id != agency.pk]
    if strangers:
        raise DomainError(
            _("Antrian berikut bukan milik %(agency)s: %(queues)s.")
            % {"agency": agency.name, "queues": ", ".join(strangers)}
        )
    if counter is None:
        counter = Counter()
        reason = "loket dibuat"
    else:
        counter = Counter.objects.select_for_update().get(pk=counter.pk)
        reason = "loket diubah"
        if not is_active and counter.status != CounterStatus.CLOSED:
            raise DomainError(_("Loket ini sedang buka; tutup loket lebih dulu sebelum dinonaktifkan."))
        if counter.agency_id != agency.pk and counter.status != CounterStatus.CLOSED:
            raise DomainError(_("Loket ini sedang buka; tutup loket lebih dulu sebelum dipindahkan."))
    counter.agency = agency
    counter.number = number
    counter.label = label.strip()
    counter.is_active = is_active
    _save(counter, actor=actor, reason=reason)
    counter.queues.set(queues)
    return counter


@transaction.atomic
def queue_break_add(*, label: str, weekday: int | None, starts_at: time, ends_at: time, actor) -> QueueBreak:
    """A daily pause in calling for the whole floor (ISHOMA, Friday prayers)."""
    if not label.strip():
        raise DomainError(_("Keterangan jeda wajib diisi."))
    if weekday is not None and not 0 <= weekday <= 6:
        raise DomainError(_("Pilih hari yang tersedia."))
    if starts_at >= ends_at:
        raise DomainError(_("Jam selesai jeda harus setelah jam mulai."))
    overlapping = QueueBreak.objects.filter(starts_at__lt=ends_at, ends_at__gt=starts_at)
    if weekday is not None:
        overlapping = overlapping.filter(weekday__isnull=True) | overlapping.filter(weekday=weekday)
    if overlapping.exists():
        raise DomainError(_("Jeda ini bertumpang tindih dengan jeda yang sudah ada."))
    pause = QueueBreak(label=label.strip(), weekday=weekday, starts_at=starts_at, ends_at=ends_at)
    _save(pause, actor=actor, reason="jeda ditambahkan")
    return pause


@transaction.atomic
def queue_break_delete(*, pause: QueueBreak, actor) -> None:
    pause = QueueBreak.objects.select_for_update().get(pk=pause.pk)
    pause._history_user = actor
    pause._change_reason = "jeda dihapus"
    pause.delete()

"""Demo queues for the Kota Probolinggo MPP: one queue per agency with counters, each serving all
the agency's services, with the letters a visitor sees on the floor (A = DPMPTSP perizinan,
B = Dispendukcapil, C = BPPKAD pajak daerah, ...). Called by ``seed_demo``; adds only what is missing."""

import datetime as dt

from .models import Counter, PriorityPolicy, Queue, QueueBreak

# The busiest agencies first, so they get the letters people know from the floor.
FIRST = ["dpmptsp", "dispendukcapil", "bppkad", "imigrasi", "polres"]
QUEUE_NAMES = {
    "dpmptsp": "Perizinan dan Non-Perizinan DPMPTSP",
    "dispendukcapil": "Administrasi Kependudukan",
    "bppkad": "Pajak Daerah (PBB-P2, BPHTB)",
    "imigrasi": "Paspor",
    "polres": "SKCK dan SIM",
}


def seed_queues(agencies: dict) -> int:
    """Create the demo queues and breaks once; returns how many queues were created."""
    if Queue.objects.exists():
        return 0
    slugs = FIRST + [slug for slug in agencies if slug not in FIRST]
    letters = iter("ABCDEFGHJKLMNPQRSTUVWXYZ")
    created = 0
    for slug in slugs:
        agency = agencies.get(slug)
        counters = list(Counter.objects.filter(agency=agency)) if agency else []
        if not counters:
            continue
        queue = Queue.objects.create(
            agency=agency,
            prefix=next(letters),
            name=QUEUE_NAMES.get(slug, agency.short_name),
            # Dispendukcapil's line is long: one priority visitor after every 3 regular ones, so
            # neither group waits too long; elsewhere priority visitors go first.
            priority_policy=PriorityPolicy.INTERLEAVE if slug == "dispendukcapil" else PriorityPolicy.FIRST,
            priority_every=3,
            default_service_minutes=8 if slug == "dispendukcapil" else 12,
            slot_minutes=30,
            slot_capacity=6 * len(counters),
            booking_share=50,
        )
        queue.services.set(agency.services.filter(is_active=True))
        for counter in counters:
            counter.queues.add(queue)
        created += 1
    if not QueueBreak.objects.exists():
        for weekday in range(4):
            QueueBreak.objects.create(
                label="ISHOMA", weekday=weekday, starts_at=dt.time(12, 0), ends_at=dt.time(12, 30)
            )
    return created

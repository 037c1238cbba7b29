"""Queue factories: queues, and tickets with one trait per status."""

import datetime as dt
import secrets

import factory

from queueing.models import PriorityPolicy, Queue, Ticket, TicketStatus
from tests.factories import AgencyFactory


class QueueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Queue
        skip_postgeneration_save = True

    agency = factory.SubFactory(AgencyFactory)
    prefix = factory.Sequence(lambda n: "ABCDEFGHJKLMNPQRSTUVWXYZ"[n % 24] + ("" if n < 24 else str(n // 24)))
    name = factory.Sequence(lambda n: f"Antrian Contoh {n}")
    priority_policy = PriorityPolicy.FIRST
    slot_minutes = 30
    slot_capacity = 12
    booking_share = 50


class TicketFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ticket

    queue = factory.SubFactory(QueueFactory)
    day = dt.date(2026, 11, 24)
    number = factory.Sequence(lambda n: n + 1)
    code = factory.LazyAttribute(lambda t: f"{t.queue.prefix}{t.number:03d}")
    token = factory.LazyFunction(lambda: secrets.token_hex(16))
    queued_at = dt.datetime(2026, 11, 24, 1, 0, tzinfo=dt.UTC)
    status = TicketStatus.WAITING

    class Params:
        called = factory.Trait(
            status=TicketStatus.CALLED, called_at=dt.datetime(2026, 11, 24, 1, 10, tzinfo=dt.UTC)
        )
        serving = factory.Trait(
            status=TicketStatus.SERVING, started_at=dt.datetime(2026, 11, 24, 1, 12, tzinfo=dt.UTC)
        )
        done = factory.Trait(status=TicketStatus.DONE)

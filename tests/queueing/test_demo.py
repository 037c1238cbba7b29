"""The demo floor that seed_demo loads."""

import pytest
from django.core.management import call_command

from queueing.models import Counter, PriorityPolicy, Queue, QueueBreak

pytestmark = pytest.mark.django_db


def test_seed_demo_loads_queues_for_the_agencies_with_counters():
    call_command("seed_demo", verbosity=0)
    queues = {q.prefix: q for q in Queue.objects.select_related("agency")}
    assert queues["A"].agency.slug == "dpmptsp"
    assert queues["B"].agency.slug == "dispendukcapil"
    assert queues["B"].priority_policy == PriorityPolicy.INTERLEAVE
    assert queues["C"].agency.slug == "bppkad"
    assert queues["B"].services.filter(name__icontains="KTP").exists()
    # Every counter serves its agency's queue.
    assert not Counter.objects.filter(queues__isnull=True).exists()
    assert QueueBreak.objects.filter(label="ISHOMA").count() == 4
    call_command("seed_demo", verbosity=0)
    assert Queue.objects.count() == len(queues)  # safe to run again

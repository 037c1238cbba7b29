from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import CalendarOverride, MppProfile, OfficeHours
from .selectors import clear_calendar_cache


@receiver([post_save, post_delete], sender=OfficeHours)
@receiver([post_save, post_delete], sender=CalendarOverride)
@receiver([post_save, post_delete], sender=MppProfile)
def calendar_inputs_changed(sender, **kwargs) -> None:
    clear_calendar_cache()
    # Now and again on commit, as the calendar's stamp: in between, another process may cache the
    # old profile again from the rows still committed.
    cache.delete("mpp:profile")
    transaction.on_commit(lambda: cache.delete("mpp:profile"))

"""Cache upkeep for the staff worklist: the filter form's cached services and agency name are
cleared when a service or an agency is saved or deleted (after the commit, so a reader in between
cannot cache the old rows again; a race with a reader that started before is bounded by the
entry's lifetime, ``selectors.WORKLIST_FILTER_CACHE_SECONDS``)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from agencies.models import Agency
from services.models import Service

from .selectors import clear_worklist_filter_choices


@receiver([post_save, post_delete], sender=Service, dispatch_uid="permits_worklist_filter_service")
def _service_changed(sender, instance: Service, **kwargs) -> None:
    agency_id = instance.agency_id
    transaction.on_commit(lambda: clear_worklist_filter_choices(agency_id))


@receiver([post_save, post_delete], sender=Agency, dispatch_uid="permits_worklist_filter_agency")
def _agency_changed(sender, instance: Agency, **kwargs) -> None:
    agency_id = instance.pk
    transaction.on_commit(lambda: clear_worklist_filter_choices(agency_id))

"""The Django admin: MPP admins edit the catalogue and see its history; others cannot enter."""

import pytest
from django.urls import reverse

from tests.factories import ServiceStandardFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_mpp_admin_edits_a_service_and_sees_who_changed_it(client):
    admin = UserFactory(mpp_admin=True, full_name="Agus Prasetyo")
    standard = ServiceStandardFactory(in_force=True)
    service = standard.service
    client.force_login(admin)

    changelist = client.get(reverse("admin:services_service_changelist"))
    assert changelist.status_code == 200
    assert service.name in changelist.content.decode()

    change_url = reverse("admin:services_service_change", args=[service.pk])
    form = client.get(change_url).context["adminform"].form
    data = {key: value for key, value in form.initial.items() if value is not None}
    data.update(name="Layanan Berganti Nama", agency=service.agency_id, category=service.category_id)
    response = client.post(change_url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""

    history = client.get(reverse("admin:services_service_history", args=[service.pk]))
    assert history.status_code == 200
    assert "Agus Prasetyo" in history.content.decode() or admin.email in history.content.decode()
    assert service.history.first().history_user == admin


@pytest.mark.parametrize("trait", ["officer", "supervisor", None])
def test_non_admins_cannot_open_the_admin(client, trait):
    user = UserFactory(**({trait: True} if trait else {}))
    client.force_login(user)
    response = client.get(reverse("admin:services_service_changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]

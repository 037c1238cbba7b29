import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_login_records_last_login_without_an_audit_row(client):
    user = UserFactory(email="siti@contoh.id")
    rows_before = user.history.count()

    response = client.post(
        reverse("accounts:login"), {"username": "SITI@contoh.id", "password": "rahasia-Uji-123"}
    )

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.last_login is not None
    assert user.history.count() == rows_before

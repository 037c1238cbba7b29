"""Public consultation of a draft: citizens comment inside the window, admins answer, the
published version records it."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from services import services as catalogue
from services.models import StandardComment
from tests.factories import MppProfileFactory, UserFactory
from tests.permits.factories import permit_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    MppProfileFactory()
    service = permit_service()
    admin = UserFactory(agency_admin=True, agency=service.agency)
    return catalogue.standard_draft_create(service=service, actor=admin), admin


def test_citizen_comments_admin_answers_and_publication_records_it(client, draft):
    standard, admin = draft
    client.force_login(admin)
    closes = (timezone.localtime() + dt.timedelta(days=14)).strftime("%Y-%m-%dT%H:%M")
    client.post(reverse("workspace:consultation_open", args=[standard.pk]), {"closes_at": closes})
    citizen = UserFactory()
    client.force_login(citizen)
    assert standard.service.name in client.get(reverse("standard_consultation:list")).content.decode()
    response = client.post(
        reverse("standard_consultation:detail", args=[standard.pk]),
        {"body": "Mohon syarat SKCK dihapus untuk UMKM."},
    )
    assert response.status_code == 302
    comment = StandardComment.objects.get()
    assert (comment.author, comment.standard_id) == (citizen, standard.pk)

    client.force_login(admin)
    client.post(
        reverse("workspace:comment_answer", args=[comment.pk]), {"answer": "Diterima, syarat dihapus."}
    )
    comment.refresh_from_db()
    assert (comment.answer, comment.answered_by) == ("Diterima, syarat dihapus.", admin)

    today = timezone.localdate()
    published = catalogue.standard_publish(
        standard=standard, actor=admin, decree_number="503/20/2026", decree_date=today, effective_from=today
    )
    assert published.consulted is True
    assert published.consultation_closes_at <= timezone.now()
    client.force_login(citizen)
    assert client.get(reverse("standard_consultation:detail", args=[standard.pk])).status_code == 404


def test_comments_outside_the_window_are_refused(draft):
    standard, admin = draft
    citizen = UserFactory()
    with pytest.raises(catalogue.ConsultationClosed):
        catalogue.standard_comment_add(standard=standard, author=citizen, body="Terlalu lama")
    now = timezone.now()
    catalogue.standard_consultation_open(
        standard=standard, actor=admin, closes_at=now + dt.timedelta(days=1), now=now
    )
    with pytest.raises(catalogue.ConsultationClosed):
        catalogue.standard_comment_add(
            standard=standard, author=citizen, body="Terlambat", now=now + dt.timedelta(days=2)
        )
    assert StandardComment.objects.count() == 0


def test_a_version_published_without_consultation_says_so(draft):
    standard, admin = draft
    today = timezone.localdate()
    published = catalogue.standard_publish(
        standard=standard, actor=admin, decree_number="503/21/2026", decree_date=today, effective_from=today
    )
    assert published.consulted is False


def test_staff_cannot_comment_and_another_agency_admin_cannot_answer(client, draft):
    standard, admin = draft
    now = timezone.now()
    catalogue.standard_consultation_open(standard=standard, actor=admin, closes_at=now + dt.timedelta(days=3))
    client.force_login(UserFactory(officer=True))
    response = client.post(
        reverse("standard_consultation:detail", args=[standard.pk]), {"body": "Dari petugas"}
    )
    assert response.status_code == 403
    comment = catalogue.standard_comment_add(
        standard=standard, author=UserFactory(), body="Biaya terlalu mahal"
    )
    client.force_login(UserFactory(agency_admin=True))
    assert (
        client.post(reverse("workspace:comment_answer", args=[comment.pk]), {"answer": "x"}).status_code
        == 403
    )

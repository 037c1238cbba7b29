"""PBG pages: the design library (public), attaching a design (the applicant), the expert team's
queue and review (experts of the agency), the officer's levy page."""

import pytest
from django.urls import reverse

from buildings.models import DesignAttachment
from permits import services as permits
from permits.models import Assessment
from tests.buildings.conftest import make_design
from tests.factories import AgencyFactory, UserFactory
from tests.permits.factories import in_process_application

pytestmark = pytest.mark.django_db


def _to_technical_review(application, officer):
    for role in ("front_office", "officer"):
        step = application.steps.filter(responsible_role=role).order_by("order").first()
        permits.step_complete(application=application, step_progress=step, actor=officer)
    return application


def test_library_lists_published_designs_and_filters_by_plot(client, design, django_assert_max_num_queries):
    make_design(code="rumah-54-108", plot="108", area="54")
    make_design(code="ditarik", published=False)
    url = reverse("buildings:design_list")
    with django_assert_max_num_queries(3):
        page = client.get(url).content.decode()
    assert "2 desain" in page and "ditarik" not in page
    page = client.get(url, {"max_plot": "80"}).content.decode()
    assert "1 desain" in page and "rumah-36-72" in page


def test_anyone_downloads_a_published_drawing(client, design):
    response = client.get(reverse("buildings:design_download", args=[design.code]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    unpublished = make_design(code="ditarik", published=False)
    assert client.get(reverse("buildings:design_download", args=[unpublished.code])).status_code == 404


def test_applicant_attaches_a_design_from_its_page(client, draft, design):
    client.force_login(draft.applicant)
    page = client.get(reverse("buildings:design_detail", args=[design.code])).content.decode()
    assert "Lampirkan desain ini" in page
    response = client.post(reverse("buildings:design_attach", args=[design.code]), {"application": draft.pk})
    assert response.status_code == 302 and response["Location"] == reverse("permits:edit", args=[draft.pk])
    assert DesignAttachment.objects.get().design == design
    page = client.get(reverse("permits:edit", args=[draft.pk])).content.decode()
    assert f"Desain terlampir: {design.name}" in page


def test_another_citizen_cannot_attach_to_someone_elses_draft(client, draft, design):
    client.force_login(UserFactory())
    client.post(reverse("buildings:design_attach", args=[design.code]), {"application": draft.pk})
    assert not DesignAttachment.objects.exists()


def test_expert_queue_shows_own_agency_applications_waiting_for_review(
    client, pbg, officer, expert, design, django_assert_max_num_queries
):
    waiting = _to_technical_review(in_process_application(service=pbg, officer=officer), officer)
    not_yet = in_process_application(service=pbg, officer=officer)
    client.force_login(expert)
    with django_assert_max_num_queries(6):
        page = client.get(reverse("buildings:expert_queue")).content.decode()
    assert waiting.tracking_number in page and not_yet.tracking_number not in page
    client.force_login(UserFactory(expert=True, agency=AgencyFactory()))
    assert waiting.tracking_number not in client.get(reverse("buildings:expert_queue")).content.decode()
    assert client.get(reverse("buildings:expert_review", args=[waiting.pk])).status_code == 404
    client.force_login(officer)
    assert client.get(reverse("buildings:expert_queue")).status_code == 403


def test_expert_completes_the_review_with_a_note(client, pbg, officer, expert):
    application = _to_technical_review(in_process_application(service=pbg, officer=officer), officer)
    client.force_login(expert)
    url = reverse("buildings:expert_review", args=[application.pk])
    page = client.get(url).content.decode()
    assert "Konsultasi dan pemeriksaan dokumen rencana teknis" in page
    document = application.documents.first()
    assert (
        client.get(reverse("buildings:review_document", args=[application.pk, document.pk])).status_code
        == 200
    )
    response = client.post(url, {"note": "ok"})
    assert response.status_code == 400 and "paling sedikit" in response.content.decode()
    response = client.post(url, {"note": "Gambar rencana sesuai SNI; struktur memenuhi syarat."})
    assert response.status_code == 302
    step = application.steps.get(responsible_role="technical_team")
    assert step.completed_by == expert
    # Done: the page sends the expert back to the queue.
    assert client.get(url).status_code == 302


def test_officer_assesses_the_levy_from_the_formula(client, pbg, officer, expert, draft, design):
    client.force_login(draft.applicant)
    client.post(reverse("buildings:design_attach", args=[design.code]), {"application": draft.pk})
    application = permits.application_submit(
        application=draft, actor=draft.applicant, delivery_method="pickup"
    )
    application = permits.application_verify_complete(application=application, actor=officer)
    url = reverse("buildings:levy_assess", args=[application.pk])
    client.force_login(officer)
    staff_page = client.get(reverse("permits_staff:detail", args=[application.pk])).content.decode()
    assert url in staff_page and design.name in staff_page
    client.force_login(expert)
    assert client.get(url).status_code == 403
    client.force_login(officer)
    page = client.get(url).content.decode()
    assert 'value="36' in page  # the design's floor area
    data = {
        "floor_area": "36",
        "floors": "1",
        "function": "hunian",
        "complexity": "sederhana",
        "permanence": "permanen",
        "ownership": "perorangan",
        "building_state": "baru",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    assessment = Assessment.objects.get(application=application)
    assert assessment.issued_by == officer and "LLt 36 m²" in assessment.basis
    response = client.post(url, data)
    assert response.status_code == 400  # one unpaid SKRD at a time
    assert Assessment.objects.count() == 1

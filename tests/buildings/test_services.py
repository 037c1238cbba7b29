"""The building approval (PBG) runs its real steps through the one permit flow: completeness, the
expert team's technical review, the levy from the formula as SKRD, payment, approval, issuance;
standard designs attach to the application."""

from decimal import Decimal

import pytest

from buildings import services
from buildings.models import DesignAttachment
from mpp.errors import DomainError
from permits import services as permits
from permits.models import Application, Assessment, Permit
from services import fees
from tests.buildings.conftest import make_design, pbg_service, wib
from tests.factories import AgencyFactory, UserFactory
from tests.permits.factories import in_process_application, ready_draft

pytestmark = pytest.mark.django_db
S = Application.Status
LEVY_INPUTS = {
    "floor_area": Decimal("36"),
    "floors": 1,
    "function": "hunian",
    "complexity": "sederhana",
    "permanence": "permanen",
    "ownership": "perorangan",
    "building_state": "baru",
}


def _step(application, role):
    """The first step of ``role`` (two are the officer's: administration, then the levy)."""
    return application.steps.filter(responsible_role=role).order_by("order").first()


def test_the_whole_pbg_flow(pbg, officer, supervisor, expert, design):
    draft = ready_draft(service=pbg, now=wib(3, 2))
    services.design_attach(application=draft, design=design, actor=draft.applicant, now=wib(3, 2))
    application = permits.application_submit(
        application=draft, actor=draft.applicant, delivery_method="pickup", now=wib(3, 2)
    )
    application = permits.application_verify_complete(application=application, actor=officer, now=wib(3, 3))
    permits.step_complete(
        application=application, step_progress=_step(application, "front_office"), actor=officer
    )
    permits.step_complete(application=application, step_progress=_step(application, "officer"), actor=officer)
    # Officers cannot stand in for the head; the expert team reviews the technical step.
    services.expert_review_complete(
        application=application,
        step_id=_step(application, "technical_team").pk,
        actor=expert,
        note="Denah, struktur dan utilitas sesuai desain prototipe; KDB 50% terpenuhi.",
    )
    review = _step(application, "technical_team")
    assert review.completed_by == expert and "KDB 50%" in review.note
    assert review.history.first().history_user == expert
    permits.step_complete(
        application=application, step_progress=_step(application, "supervisor"), actor=supervisor
    )
    assessment = services.pbg_levy_assess(application=application, actor=officer, inputs=LEVY_INPUTS)
    expected = fees.pbg_levy(params=services.levy_parameters(), **LEVY_INPUTS)
    assert assessment.amount == expected.amount > 0
    assert "LLt 36 m²" in assessment.basis
    permits.step_complete(
        application=application,
        step_progress=application.steps.get(responsible_role="officer", order=5),
        actor=officer,
    )
    permits.step_complete(application=application, step_progress=_step(application, "head"), actor=supervisor)
    application.refresh_from_db()
    approved = permits.application_approve(application=application, actor=supervisor)
    with pytest.raises(DomainError, match="Retribusi belum dibayar"):
        permits.application_issue(application=approved, actor=officer)
    permits.assessment_confirm_payment(
        assessment=assessment, actor=officer, paid_amount=assessment.amount, reference="NTPD-2026-0001"
    )
    approved.refresh_from_db()
    permits.application_issue(application=approved, actor=officer)
    assert Permit.objects.filter(application=application).exists()
    assert Assessment.objects.get().status == Assessment.Status.PAID


def test_the_expert_acts_only_on_the_technical_step_of_its_agency(pbg, officer, expert):
    application = in_process_application(service=pbg, officer=officer)
    with pytest.raises(permits.NotPermitted):
        permits.step_complete(
            application=application, step_progress=_step(application, "front_office"), actor=expert
        )
    with pytest.raises(permits.NotPermitted):
        permits.application_approve(application=application, actor=expert)
    permits.step_complete(
        application=application, step_progress=_step(application, "front_office"), actor=officer
    )
    permits.step_complete(application=application, step_progress=_step(application, "officer"), actor=officer)
    stranger = UserFactory(expert=True, agency=AgencyFactory())
    with pytest.raises(permits.NotPermitted):
        permits.step_complete(
            application=application, step_progress=_step(application, "technical_team"), actor=stranger
        )
    with pytest.raises(DomainError, match="paling sedikit"):
        services.expert_review_complete(
            application=application, step_id=_step(application, "technical_team").pk, actor=expert, note="ok"
        )
    assert _step(application, "technical_team").completed_at is None


def test_attach_a_design_and_replace_it(draft, design):
    other = make_design(code="rumah-45-90", plot="90", area="45")
    services.design_attach(application=draft, design=design, actor=draft.applicant)
    services.design_attach(application=draft, design=other, actor=draft.applicant)
    attachment = DesignAttachment.objects.get(application=draft)
    assert attachment.design == other
    assert attachment.history.count() == 2
    assert attachment.history.first().history_user == draft.applicant


@pytest.mark.parametrize("case", ["other_citizen", "unpublished", "submitted", "not_house"])
def test_attaching_is_refused(case, draft, design, pupr, officer):
    application, actor = draft, draft.applicant
    if case == "other_citizen":
        actor = UserFactory()
    elif case == "unpublished":
        design = make_design(code="lama", published=False)
    elif case == "submitted":
        application = permits.application_submit(application=draft, actor=actor, delivery_method="pickup")
    elif case == "not_house":
        application = ready_draft(service=pbg_service(pupr, code="PBG-NONHUNIAN"))
        actor = application.applicant
    with pytest.raises(DomainError):
        services.design_attach(application=application, design=design, actor=actor)
    assert not DesignAttachment.objects.exists()


def test_levy_is_refused_before_the_file_is_complete_or_when_nil(draft, officer, pbg):
    with pytest.raises(DomainError):
        services.pbg_levy_assess(application=draft, actor=officer, inputs=LEVY_INPUTS)
    application = in_process_application(service=pbg, officer=officer)
    with pytest.raises(DomainError, match="nol"):
        services.pbg_levy_assess(
            application=application, actor=officer, inputs={**LEVY_INPUTS, "function": "keagamaan"}
        )
    with pytest.raises(DomainError):
        services.pbg_levy_assess(application=application, actor=officer, inputs={**LEVY_INPUTS, "floors": 0})
    assert not Assessment.objects.exists()

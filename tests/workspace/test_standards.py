"""Editing standards: drafts, rows, publication (now and scheduled), version pinning, comparison,
preview and who may do it."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from permits.models import Application
from services import services as catalogue
from services.models import FormField, Requirement, ServiceStandard
from tests.factories import AgencyFactory, FeeItemFactory, MppProfileFactory, UserFactory
from tests.permits.factories import permit_service, submitted_application

pytestmark = pytest.mark.django_db
S = ServiceStandard.Status


@pytest.fixture
def setup():
    MppProfileFactory()
    service = permit_service(time_limit_days=5)
    FeeItemFactory(standard=service.standards.get(), label="Tarif paspor 5 tahun", amount=350000)
    admin = UserFactory(agency_admin=True, agency=service.agency)
    return service, admin


def management_form(prefix, total, initial):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def edit_payload(draft, **changes):
    """The edit form as the browser posts it, built from the draft's current rows."""
    data = {name: getattr(draft, name) for name in catalogue.EDITABLE_STANDARD_FIELDS}
    data["levy_formula"] = draft.levy_formula or ""
    for key, rows, fields in [
        ("requirements", draft.requirements.all(), ["order", "name", "description", "mandatory", "kind"]),
        ("steps", draft.steps.all(), ["order", "name", "responsible_role", "duration_days"]),
        ("fee_items", draft.fee_items.all(), ["order", "label", "amount"]),
        (
            "form_fields",
            draft.form_fields.all(),
            ["order", "key", "label", "help_text", "field_type", "required", "min_value", "max_value"],
        ),
    ]:
        rows = list(rows)
        data.update(management_form(key, len(rows), len(rows)))
        for i, row in enumerate(rows):
            data[f"{key}-{i}-id"] = row.pk
            data[f"{key}-{i}-standard"] = draft.pk
            for name in fields:
                value = getattr(row, name)
                if isinstance(value, bool):
                    if value:
                        data[f"{key}-{i}-{name}"] = "on"
                elif value is not None:
                    data[f"{key}-{i}-{name}"] = value
            if key == "requirements":
                data[f"{key}-{i}-accepted"] = row.accepted_kinds
            if key == "form_fields" and row.choices:
                data[f"{key}-{i}-choices_text"] = "\n".join(
                    c if isinstance(c, str) else c[0] for c in row.choices
                )
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_a_draft_copies_the_version_in_force_with_its_rows(setup):
    service, admin = setup
    current = service.standards.get()
    draft = catalogue.standard_draft_create(service=service, actor=admin)
    assert (draft.version, draft.status) == (2, S.DRAFT)
    assert draft.time_limit_days == current.time_limit_days
    assert [r.name for r in draft.requirements.all()] == [r.name for r in current.requirements.all()]
    assert draft.steps.count() == 3 and draft.form_fields.count() == 5
    assert [f.amount for f in draft.fee_items.all()] == [350000]
    assert draft.history.first().history_user == admin
    with pytest.raises(catalogue.DraftAlreadyExists):
        catalogue.standard_draft_create(service=service, actor=admin)


def test_edit_page_saves_fields_and_rows(client, setup):
    service, admin = setup
    client.force_login(admin)
    response = client.post(reverse("workspace:draft_create", args=[service.code]))
    draft = service.standards.get(status=S.DRAFT)
    assert response.url == reverse("workspace:standard_edit", args=[draft.pk])
    assert client.get(response.url).status_code == 200
    payload = edit_payload(draft, time_limit_days=3)
    payload["requirements-TOTAL_FORMS"] = "3"
    payload.update(
        {
            "requirements-2-order": "3",
            "requirements-2-name": "Surat keterangan domisili",
            "requirements-2-mandatory": "on",
            "requirements-2-accepted": ["pdf"],
        }
    )
    payload["requirements-0-DELETE"] = "on"
    response = client.post(reverse("workspace:standard_edit", args=[draft.pk]), payload)
    assert response.status_code == 302, response.context and [
        f.errors for f in response.context["formsets"].values()
    ]
    draft.refresh_from_db()
    assert draft.time_limit_days == 3
    assert [(r.name, r.accepted_kinds) for r in draft.requirements.all()] == [
        ("Surat permohonan", ["pdf"]),
        ("Surat keterangan domisili", ["pdf"]),
    ]
    # The version in force did not change.
    assert service.standards.get(status=S.IN_FORCE).requirements.count() == 2


def test_editing_keeps_the_oss_rba_document_slot_and_business_standard(client, setup):
    """The requirement of kind 'standard_certificate' (OSS RBA menengah tinggi) and the
    business-standard text survive an edit of other fields: permits rely on both."""
    service, admin = setup
    current = service.standards.get(status=S.IN_FORCE)
    first = current.requirements.first()
    first.kind = Requirement.Kind.STANDARD_CERTIFICATE
    first.save(update_fields=["kind"])
    current.business_standard = "Standar usaha toko obat: apoteker penanggung jawab, ruang penyimpanan obat."
    current.save(update_fields=["business_standard"])
    draft = catalogue.standard_draft_create(service=service, actor=admin)
    client.force_login(admin)
    response = client.post(
        reverse("workspace:standard_edit", args=[draft.pk]), edit_payload(draft, time_limit_days=4)
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.time_limit_days == 4
    assert draft.business_standard.startswith("Standar usaha toko obat")
    assert draft.requirements.get(name=first.name).kind == Requirement.Kind.STANDARD_CERTIFICATE


def test_a_choice_field_without_choices_is_refused_and_nothing_changes(client, setup):
    service, admin = setup
    draft = catalogue.standard_draft_create(service=service, actor=admin)
    client.force_login(admin)
    payload = edit_payload(draft)
    payload["form_fields-TOTAL_FORMS"] = "6"
    payload.update(
        {
            "form_fields-5-order": "6",
            "form_fields-5-key": "jenis",
            "form_fields-5-label": "Jenis",
            "form_fields-5-field_type": FormField.FieldType.CHOICE,
            "form_fields-5-required": "on",
        }
    )
    response = client.post(reverse("workspace:standard_edit", args=[draft.pk]), payload)
    assert response.status_code == 200
    assert "Isian pilihan memerlukan sedikitnya satu pilihan." in response.content.decode()
    assert draft.form_fields.count() == 5


def test_publish_now_pins_old_applications_to_their_version(client, setup):
    service, admin = setup
    old = service.standards.get()
    application = submitted_application(service=service)
    draft = catalogue.standard_draft_create(service=service, actor=admin)
    catalogue.standard_draft_update(standard=draft, actor=admin, fields={"time_limit_days": 3})
    client.force_login(admin)
    today = timezone.localdate()
    response = client.post(
        reverse("workspace:standard_publish", args=[draft.pk]),
        {
            "decree_number": "Keputusan Kepala DPMPTSP Nomor 503/12/425.110/2026",
            "decree_date": today,
            "effective_from": today,
        },
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    old.refresh_from_db()
    assert (draft.status, old.status, draft.published_by) == (S.IN_FORCE, S.SUPERSEDED, admin)
    assert Application.objects.get(pk=application.pk).standard_id == old.pk
    page = client.get(reverse("workspace:service", args=[service.code])).content.decode()
    assert admin.full_name in page and "503/12/425.110/2026" in page
    with pytest.raises(catalogue.StandardNotEditable):
        catalogue.standard_draft_update(standard=draft, actor=admin, fields={"time_limit_days": 9})


def test_scheduled_publication_takes_effect_by_itself(setup):
    service, admin = setup
    draft = catalogue.standard_draft_create(service=service, actor=admin)
    today = timezone.localdate()
    catalogue.standard_publish(
        standard=draft,
        actor=admin,
        decree_number="503/13/2026",
        decree_date=today,
        effective_from=today + dt.timedelta(days=10),
    )
    draft.refresh_from_db()
    assert draft.status == S.SCHEDULED
    assert catalogue.standards_activate_due(today=today + dt.timedelta(days=9)) == 0
    assert catalogue.standards_activate_due(today=today + dt.timedelta(days=10)) == 1
    draft.refresh_from_db()
    assert draft.status == S.IN_FORCE


def test_publish_without_decree_is_refused(client, setup):
    service, admin = setup
    draft = catalogue.standard_draft_create(service=service, actor=admin)
    client.force_login(admin)
    response = client.post(
        reverse("workspace:standard_publish", args=[draft.pk]), {"decree_number": ""}, follow=True
    )
    assert "Nomor dan tanggal keputusan serta tanggal berlaku wajib diisi." in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == S.DRAFT


def test_agency_admin_cannot_touch_another_agencys_services(client, setup):
    service, admin = setup
    other = permit_service(agency=AgencyFactory())
    other_draft = catalogue.standard_draft_create(service=other, actor=UserFactory(mpp_admin=True))
    client.force_login(admin)
    assert client.get(reverse("workspace:service", args=[other.code])).status_code == 403
    assert client.post(reverse("workspace:draft_create", args=[other.code])).status_code == 403
    assert client.get(reverse("workspace:standard_edit", args=[other_draft.pk])).status_code == 403
    response = client.post(
        reverse("workspace:standard_publish", args=[other_draft.pk]),
        {"decree_number": "X", "decree_date": "2026-01-01", "effective_from": "2026-01-01"},
    )
    assert response.status_code == 403
    other_draft.refresh_from_db()
    assert other_draft.status == S.DRAFT
    home = client.get(reverse("workspace:home")).content.decode()
    assert service.name in home and other.name not in home


def test_officers_and_citizens_are_kept_out(client, setup):
    service, _admin = setup
    for user in (UserFactory(), UserFactory(officer=True, agency=service.agency)):
        client.force_login(user)
        assert client.get(reverse("workspace:home")).status_code == 403


def test_mpp_admin_home_lists_every_service_in_few_queries(client, setup, django_assert_max_num_queries):
    for _ in range(5):
        permit_service()
    client.force_login(UserFactory(mpp_admin=True))
    with django_assert_max_num_queries(8):
        response = client.get(reverse("workspace:home"))
    assert len(response.context["services"]) == 6


def test_compare_marks_what_changed(client, setup):
    service, admin = setup
    draft = catalogue.standard_draft_create(service=service, actor=admin)
    catalogue.standard_draft_update(
        standard=draft,
        actor=admin,
        fields={"time_limit_days": 3},
        rows={"requirements": [{"name": "Fotokopi KTP-el", "mandatory": True, "accepted_kinds": ["pdf"]}]},
    )
    client.force_login(admin)
    response = client.get(reverse("workspace:compare", args=[service.code]) + "?a=1&b=2")
    rows = {str(r["label"]): r for r in response.context["rows"]}
    assert rows["jangka waktu penyelesaian (hari kerja)"]["changed"] is True
    assert (
        rows["jangka waktu penyelesaian (hari kerja)"]["a"],
        rows["jangka waktu penyelesaian (hari kerja)"]["b"],
    ) == (5, 3)
    assert rows["produk pelayanan"]["changed"] is False
    requirements = response.context["lists"][0]["pairs"]
    assert {"a": "Surat permohonan", "b": "", "changed": True} in requirements


def test_preview_renders_the_citizens_form(client, setup):
    service, admin = setup
    client.force_login(admin)
    response = client.get(reverse("workspace:standard_preview", args=[service.standards.get().pk]))
    content = response.content.decode()
    assert "Luas bangunan" in content and "Fungsi bangunan" in content and "Fotokopi KTP-el" in content

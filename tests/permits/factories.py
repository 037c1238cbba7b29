"""Factories and helpers for permit applications.

``ApplicationFactory`` writes rows directly, with one trait per status, for selector tests that
need many applications. ``ready_draft`` / ``submitted_application`` / ``in_process_application``
walk the real services, for tests of the actions themselves.
"""

import datetime as dt
import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from permits import services
from permits.models import Application
from services.models import FormField, ServiceStandard
from tests.factories import AgencyFactory, ServiceFactory, ServiceStandardFactory, UserFactory

S = Application.Status


class FormFieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FormField

    standard = factory.SubFactory(ServiceStandardFactory)
    order = factory.Sequence(lambda n: n)
    key = factory.Sequence(lambda n: f"isian_{n}")
    label = factory.Sequence(lambda n: f"Isian {n}")
    field_type = FormField.FieldType.TEXT
    required = True


def permit_service(*, time_limit_days: int = 5, agency=None, code: str | None = None):
    """A permit service with a standard in force: the factory's two requirements (KTP: PDF/JPEG/PNG;
    surat permohonan: PDF) and three SOP steps (front office 1 day, officer N-2, head 1), plus form
    fields of every type."""
    kwargs = {"agency": agency or AgencyFactory()}
    if code:
        kwargs["code"] = code
    service = ServiceFactory(**kwargs)
    standard = ServiceStandardFactory(
        service=service, in_force=True, time_limit_days=time_limit_days, version=1
    )
    add_form_fields(standard)
    return service


def add_form_fields(standard: ServiceStandard) -> None:
    FormFieldFactory(
        standard=standard,
        order=1,
        key="luas_bangunan",
        label="Luas bangunan",
        field_type=FormField.FieldType.AREA_M2,
        min_value=1,
        max_value=5000,
    )
    FormFieldFactory(
        standard=standard,
        order=2,
        key="fungsi",
        label="Fungsi bangunan",
        field_type=FormField.FieldType.CHOICE,
        choices=["hunian", "usaha", ["sosial", "Sosial budaya"]],
    )
    FormFieldFactory(
        standard=standard,
        order=3,
        key="jumlah_lantai",
        label="Jumlah lantai",
        field_type=FormField.FieldType.NUMBER,
        min_value=1,
        max_value=8,
        required=False,
    )
    FormFieldFactory(
        standard=standard,
        order=4,
        key="mulai_bangun",
        label="Rencana mulai membangun",
        field_type=FormField.FieldType.DATE,
        required=False,
    )
    FormFieldFactory(
        standard=standard,
        order=5,
        key="alamat_bangunan",
        label="Alamat bangunan",
        field_type=FormField.FieldType.TEXT,
    )


VALID_VALUES = {"luas_bangunan": "120", "fungsi": "hunian", "alamat_bangunan": "Jl. Suroyo 10, Probolinggo"}


def pdf_bytes(text: str = "surat") -> bytes:
    return b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + text.encode() + b"\ntrailer\n%%EOF\n"


def image_bytes(kind: str = "PNG", size=(40, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format=kind)
    return buffer.getvalue()


def pdf_file(name: str = "surat-permohonan.pdf", text: str = "surat") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes(text), content_type="application/pdf")


def png_file(name: str = "ktp.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, image_bytes("PNG"), content_type="image/png")


def jpeg_file(name: str = "ktp.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, image_bytes("JPEG"), content_type="image/jpeg")


def requirements_of(application):
    return list(application.standard.requirements.order_by("order", "id"))


def ready_draft(*, service, applicant=None, now=None, values=None):
    """A draft with every required field and mandatory document: ready to submit."""
    applicant = applicant or UserFactory()
    application = services.application_create_draft(service=service, applicant=applicant, now=now)
    services.application_save_fields(
        application=application, values=values or VALID_VALUES, actor=applicant, now=now
    )
    ktp, letter = requirements_of(application)
    services.document_upload(
        application=application, requirement=ktp, file=png_file(), actor=applicant, now=now
    )
    services.document_upload(
        application=application, requirement=letter, file=pdf_file(), actor=applicant, now=now
    )
    return application


def submitted_application(*, service, applicant=None, now=None):
    application = ready_draft(service=service, applicant=applicant, now=now)
    return services.application_submit(
        application=application, actor=application.applicant, delivery_method="pickup", now=now
    )


def in_process_application(*, service, officer, applicant=None, now=None):
    application = submitted_application(service=service, applicant=applicant, now=now)
    return services.application_verify_complete(application=application, actor=officer, now=now)


class ApplicationFactory(factory.django.DjangoModelFactory):
    """Rows written directly (no services), for reads: one trait per status."""

    class Meta:
        model = Application

    service = factory.SubFactory(ServiceFactory)
    standard = factory.LazyAttribute(
        lambda o: (
            o.service.standards.filter(status="in_force").first()
            or ServiceStandardFactory(service=o.service, in_force=True, with_rows=False)
        )
    )
    agency = factory.SelfAttribute("service.agency")
    applicant = factory.SubFactory(UserFactory)
    # What application_create_draft copies (and PostgreSQL's trigger enforces) for name search.
    applicant_name = factory.LazyAttribute(lambda o: o.applicant.full_name)
    status = S.DRAFT

    class Params:
        submitted = factory.Trait(
            status=S.SUBMITTED,
            tracking_number=factory.Sequence(lambda n: f"TST-2026-{n + 1:06d}"),
            tracking_secret="ABCD2345",
            submitted_at=factory.LazyFunction(lambda: timezone.now() - dt.timedelta(hours=2)),
        )
        in_process = factory.Trait(
            submitted=True,
            status=S.IN_PROCESS,
            clock_started_at=factory.LazyFunction(lambda: timezone.now() - dt.timedelta(hours=1)),
            due_at=factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=7)),
        )
        returned = factory.Trait(submitted=True, status=S.RETURNED)
        approved = factory.Trait(
            in_process=True, status=S.APPROVED, decided_at=factory.LazyFunction(timezone.now)
        )
        rejected = factory.Trait(
            submitted=True, status=S.REJECTED, decided_at=factory.LazyFunction(timezone.now)
        )
        issued = factory.Trait(approved=True, status=S.ISSUED, issued_at=factory.LazyFunction(timezone.now))
        withdrawn = factory.Trait(submitted=True, status=S.WITHDRAWN)


def approved_application(*, service, officer, supervisor, applicant=None, now=None):
    """Walk the services to an approved application: verified, every SOP step done, approved."""
    application = in_process_application(service=service, officer=officer, applicant=applicant, now=now)
    for step in application.steps.order_by("order", "id"):
        services.step_complete(application=application, step_progress=step, actor=supervisor, now=now)
    return services.application_approve(application=application, actor=supervisor, now=now)


def levy_service(*, agency=None, code: str | None = None, time_limit_days: int = 5):
    """A permit service whose standard assesses a levy per application (retribusi, SKRD)."""
    service = permit_service(time_limit_days=time_limit_days, agency=agency, code=code)
    standard = ServiceStandard.objects.get(service=service)
    standard.fee_kind, standard.levy_formula = ServiceStandard.FeeKind.LEVY, ServiceStandard.LevyFormula.PBG
    standard.save(update_fields=["fee_kind", "levy_formula"])
    return service


def issued_application(*, service, officer, supervisor, applicant=None, now=None, **issue_kwargs):
    """Walk the services to an issued application (with its Permit and PDF)."""
    approved = approved_application(
        service=service, officer=officer, supervisor=supervisor, applicant=applicant, now=now
    )
    return services.application_issue(application=approved, actor=officer, now=now, **issue_kwargs)

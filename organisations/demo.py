"""Demo data of the ormas register (called by ``manage.py seed_demo``; safe to run again).

Adds the organisation form fields to the SKT-ORMAS standard in force (they become the register
entry), and in demo mode Bakesbangpol staff accounts and three organisations registered through
the real permit flow (draft, documents, submission, verification, SOP steps, approval, issuance),
back-dated so that their periodic reports are due, submitted or late.
"""

from __future__ import annotations

import datetime as dt
import io
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from accounts.models import Role, User
from accounts.services import staff_create, user_set_role
from agencies.models import Agency
from agencies.selectors import work_calendar
from permits import services as permits
from services.models import FormField, Service, ServiceStandard

from . import services
from .models import Organisation

DEMO_PASSWORD = "mpp-demo-2026"
FORM_FIELDS = [
    ("nama_ormas", "Nama organisasi", "text", True, [], "Sesuai akta pendirian."),
    ("singkatan", "Singkatan", "text", False, [], ""),
    (
        "bentuk_ormas",
        "Bentuk organisasi",
        "choice",
        True,
        [[value, str(label)] for value, label in Organisation.LegalForm.choices],
        "",
    ),
    (
        "alamat_sekretariat",
        "Alamat sekretariat",
        "text",
        True,
        [],
        "Jalan, nomor, RT/RW, kelurahan, kecamatan.",
    ),
    (
        "bidang_kegiatan",
        "Bidang kegiatan",
        "text",
        True,
        [],
        "Misalnya seni budaya, sosial, keagamaan, lingkungan.",
    ),
    ("nama_ketua", "Nama ketua", "text", True, [], ""),
    ("nama_sekretaris", "Nama sekretaris", "text", True, [], ""),
    ("nama_bendahara", "Nama bendahara", "text", True, [], ""),
    ("masa_bakti_mulai", "Masa bakti pengurus mulai", "date", True, [], ""),
    ("masa_bakti_selesai", "Masa bakti pengurus selesai", "date", True, [], ""),
]

STAFF = [
    (Role.OFFICER, "petugas.bakesbangpol@demo.mpp.id", "Dwi Hartono", "bakesbangpol"),
    (Role.SUPERVISOR, "supervisor.bakesbangpol@demo.mpp.id", "Lilik Suryani", "bakesbangpol"),
    (Role.OFFICER, "petugas.pupr@demo.mpp.id", "Yusuf Hidayat", "dpupr-pkp"),
    (Role.EXPERT, "tpa.pupr@demo.mpp.id", "Ir. Hendra Kusuma, IAI", "dpupr-pkp"),
]

# (account e-mail, account name, NIK, months ago registered, form values, revoke reason)
ORGANISATIONS = [
    (
        "warga@demo.mpp.id",
        None,
        None,
        8,
        {
            "nama_ormas": "Paguyuban Seni Jaran Bodhag Kota Probolinggo",
            "singkatan": "PSJB",
            "bentuk_ormas": "tidak_berbadan_hukum",
            "alamat_sekretariat": "Jl. Mastrip No. 27, RT 02/RW 05, Kel. Kanigaran, Kec. Kanigaran, Kota Probolinggo",
            "bidang_kegiatan": "Seni budaya dan pelestarian kesenian Jaran Bodhag",
            "nama_ketua": "Siti Aminah",
            "nama_sekretaris": "Moch. Rizal Fahmi",
            "nama_bendahara": "Endang Purwaningsih",
        },
        "",
    ),
    (
        "ormas.pemuda@demo.mpp.id",
        "Ahmad Fauzi",
        "3574021903880002",
        14,
        {
            "nama_ormas": "Forum Komunikasi Pemuda Mayangan",
            "singkatan": "FKPM",
            "bentuk_ormas": "perkumpulan",
            "alamat_sekretariat": "Jl. Ikan Tongkol No. 5, RT 01/RW 03, Kel. Mangunharjo, Kec. Mayangan, Kota Probolinggo",
            "bidang_kegiatan": "Kepemudaan, olahraga dan kegiatan sosial lingkungan pesisir",
            "nama_ketua": "Ahmad Fauzi",
            "nama_sekretaris": "Nur Laili Hidayati",
            "nama_bendahara": "Bayu Setiawan",
        },
        "",
    ),
    (
        "ormas.lingkungan@demo.mpp.id",
        "Sri Wahyuni",
        "3574034507850003",
        20,
        {
            "nama_ormas": "Lembaga Peduli Lingkungan Kedopok",
            "singkatan": "LPLK",
            "bentuk_ormas": "tidak_berbadan_hukum",
            "alamat_sekretariat": "Jl. Anggrek No. 11, RT 04/RW 02, Kel. Kedopok, Kec. Kedopok, Kota Probolinggo",
            "bidang_kegiatan": "Lingkungan hidup dan bank sampah",
            "nama_ketua": "Sri Wahyuni",
            "nama_sekretaris": "Agus Salim",
            "nama_bendahara": "Fitriyah",
        },
        "Kepengurusan dalam sengketa dan tidak menyampaikan laporan kegiatan selama dua periode berturut-turut "
        "(UU 17/2013 Pasal 61).",
    ),
]


def _pdf(title: str) -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(72, 770, title)
    c.setFont("Helvetica", 10)
    c.drawString(72, 750, "Dokumen contoh untuk data demo portal MPP Kota Probolinggo.")
    c.showPage()
    c.save()
    return buffer.getvalue()


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (180, 200, 170)).save(buffer, format="PNG")
    return buffer.getvalue()


def ensure_form_fields() -> ServiceStandard | None:
    """The organisation fields on the SKT-ORMAS standard in force (added only when missing)."""
    standard = ServiceStandard.objects.filter(
        service__code=services.REGISTRATION_SERVICE_CODE, status=ServiceStandard.Status.IN_FORCE
    ).first()
    if standard is None:
        return None
    existing = set(standard.form_fields.values_list("key", flat=True))
    for order, (key, label, kind, required, choices, help_text) in enumerate(FORM_FIELDS, start=1):
        if key not in existing:
            FormField.objects.create(
                standard=standard,
                order=order,
                key=key,
                label=label,
                field_type=kind,
                required=required,
                choices=choices,
                help_text=help_text,
            )
    return standard


def _staff() -> dict[str, User]:
    users = {}
    for role, email, name, agency_slug in STAFF:
        agency = Agency.objects.filter(slug=agency_slug).first()
        if agency is None:
            continue
        user = User.objects.filter(email__iexact=email).first() or staff_create(
            email=email, full_name=name, role=role, agency=agency, password=DEMO_PASSWORD
        )
        users[email] = user
    return users


def _citizen(email: str, name: str | None, nik: str | None) -> User | None:
    user = User.objects.filter(email__iexact=email).first()
    if user is None and name:
        user = User(email=email, full_name=name, nik=nik, phone="+6281234500099")
        user.set_password(DEMO_PASSWORD)
        user.email_verified_at = timezone.now()
        user._change_reason = "akun demo"
        user.save()
        user_set_role(user=user, role=Role.CITIZEN)
    return user


def _register(*, service, citizen, values, officer, supervisor, start: dt.datetime) -> Organisation:
    """Walk the real permit flow, one action per working day from ``start``."""
    calendar = work_calendar(years=range(start.year - 1, start.year + 2))
    zone = start.tzinfo
    moments = []
    day = start.date()
    for _i in range(12):
        moments.append(dt.datetime.combine(day, dt.time(9, 0), tzinfo=zone))
        day = calendar.next_working_day(day)
    now = iter(moments)
    at = next(now)
    application = permits.application_create_draft(service=service, applicant=citizen, now=at)
    term_start = start.date().replace(month=1, day=1)
    values = {
        **values,
        "masa_bakti_mulai": term_start.isoformat(),
        "masa_bakti_selesai": term_start.replace(year=term_start.year + 5).isoformat(),
    }
    permits.application_save_fields(application=application, values=values, actor=citizen, now=at)
    for requirement in application.standard.requirements.all():
        kinds = requirement.accepted_kinds or ["pdf"]
        if "pdf" in kinds:
            upload = SimpleUploadedFile(f"{requirement.name}.pdf", _pdf(requirement.name), "application/pdf")
        else:
            upload = SimpleUploadedFile("foto-sekretariat.png", _png(), "image/png")
        permits.document_upload(
            application=application, requirement=requirement, file=upload, actor=citizen, now=at
        )
    application = permits.application_submit(
        application=application, actor=citizen, delivery_method="pickup", now=at
    )
    application = permits.application_verify_complete(application=application, actor=officer, now=next(now))
    for step in application.steps.order_by("order", "id"):
        actor = supervisor if step.responsible_role in ("supervisor", "head") else officer
        application.refresh_from_db()
        permits.step_complete(application=application, step_progress=step, actor=actor, now=next(now))
    application.refresh_from_db()
    application = permits.application_approve(application=application, actor=supervisor, now=next(now))
    issued_at = next(now)
    valid_from = timezone.localtime(issued_at).date()
    valid_until = services.add_months(valid_from, 12 * services.validity_years()) - dt.timedelta(days=1)
    permits.application_issue(
        application=application,
        actor=supervisor,
        now=issued_at,
        valid_from=valid_from,
        valid_until=valid_until,
    )
    return Organisation.objects.get(application=application)


@transaction.atomic
def seed_demo(*, with_accounts: bool) -> list[tuple[str, str]]:
    """Returns the demo accounts (role, e-mail) it made sure exist."""
    if ensure_form_fields() is None or not with_accounts:
        return []
    staff = _staff()
    officer = staff.get("petugas.bakesbangpol@demo.mpp.id")
    supervisor = staff.get("supervisor.bakesbangpol@demo.mpp.id")
    service = Service.objects.filter(code=services.REGISTRATION_SERVICE_CODE).first()
    zone = ZoneInfo(settings.TIME_ZONE)
    today = timezone.localdate()
    accounts = [(Role(role).label, email) for role, email, _n, _a in STAFF]
    if not (officer and supervisor and service):
        return accounts
    for email, name, nik, months_ago, values, revoke_reason in ORGANISATIONS:
        citizen = _citizen(email, name, nik)
        if (
            citizen is None
            or Organisation.objects.filter(account=citizen, name=values["nama_ormas"]).exists()
        ):
            continue
        start_day = services.add_months(today, -months_ago)
        start = dt.datetime.combine(start_day, dt.time(9, 0), tzinfo=zone)
        organisation = _register(
            service=service,
            citizen=citizen,
            values=values,
            officer=officer,
            supervisor=supervisor,
            start=start,
        )
        if name:
            accounts.append((Role.CITIZEN.label, email))
        # The oldest open report of an organisation registered over a year ago was sent on time.
        first = organisation.reports.order_by("due_date").first()
        if months_ago >= 12 and not revoke_reason and first is not None:
            sent_at = dt.datetime.combine(first.due_date - dt.timedelta(days=7), dt.time(10, 0), tzinfo=zone)
            services.activity_report_submit(
                report=first,
                actor=citizen,
                summary=(
                    "Kerja bakti bersih pantai Mayangan setiap bulan, turnamen voli pemuda antarkelurahan, "
                    "dan pelatihan kewirausahaan olahan ikan bagi 40 pemuda."
                ),
                activity_count=9,
                member_count=85,
                funding_sources="Iuran anggota dan donatur",
                file=SimpleUploadedFile(
                    "laporan-kegiatan.pdf", _pdf("Laporan Kegiatan Semester I"), "application/pdf"
                ),
                now=sent_at,
            )
        if revoke_reason:
            services.organisation_revoke(organisation=organisation, actor=supervisor, reason=revoke_reason)
    return accounts

"""Load the demo MPP: Kota Probolinggo's profile, 22 agencies, 150+ services with their standards,
counters, maklumat, announcements and one account per role. Safe to run again: it only adds what
is missing and never overwrites what an admin has edited."""

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from simple_history.utils import bulk_create_with_history

from accounts.models import Role, User
from accounts.services import staff_create, user_set_role
from agencies.models import Agency, Announcement, Maklumat, MppProfile, OfficeHours
from agencies.workcalendar import indonesian_closed_days
from buildings import demo as buildings_demo
from complaints.demo import seed_complaints_demo
from investment import demo as investment_demo
from organisations import demo as organisations_demo
from queueing.demo import seed_queues
from queueing.models import Counter
from services.demo_data.agencies import AGENCIES, MPP_ADDRESS
from services.demo_data.catalogue import CATEGORIES, SERVICES
from services.models import Category, FeeItem, Requirement, Service, ServiceStandard, SopStep
from surveys.demo import seed_surveys_demo
from workspace.demo import seed_workspace_demo

DEMO_PASSWORD = "mpp-demo-2026"
DEMO_CITIZEN_NIK = "3574011205900001"  # Kota Probolinggo (35 74 01), born 12-05-1990, male
INTERNAL_COMPONENTS = (
    "facilities",
    "competence",
    "internal_supervision",
    "staffing",
    "service_guarantee",
    "security_guarantee",
    "performance_evaluation",
    "complaint_handling",
)
MPP_MAKLUMAT = (
    "Dengan ini, kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang "
    "telah ditetapkan, memberikan pelayanan sesuai kewajiban, dan akan melakukan perbaikan secara "
    "terus-menerus. Apabila tidak menepati janji ini, kami siap menerima sanksi dan/atau memberikan "
    "kompensasi sesuai peraturan perundang-undangan yang berlaku."
)


def _closure_announcement(now: dt.datetime) -> list[tuple]:
    """The notice of the MPP's next closed days (national holidays and cuti bersama from the
    calendar's source), shown from three days ago until the day after them: a fixed date here
    would put the window's end before its start once that date has passed."""
    today = timezone.localdate(now)
    closed = indonesian_closed_days(range(today.year, today.year + 2))
    upcoming = sorted(day for day in closed if day >= today)
    if not upcoming:
        return []
    first = last = upcoming[0]
    while last + dt.timedelta(days=1) in closed:
        last += dt.timedelta(days=1)
    with translation.override("id"):
        if first == last:
            when = date_format(first, "j F Y")
        elif (first.year, first.month) == (last.year, last.month):
            when = f"{first.day}–{date_format(last, 'j F Y')}"
        else:
            start = date_format(first, "j F" if first.year == last.year else "j F Y")
            when = f"{start} – {date_format(last, 'j F Y')}"
    names = "; ".join(dict.fromkeys(closed[day] for day in sorted(closed) if first <= day <= last))
    until = timezone.make_aware(dt.datetime.combine(last + dt.timedelta(days=1), dt.time()))
    return [
        (
            f"Layanan tutup {when}",
            f"MPP Kota Probolinggo tidak melayani pada {when} ({names}), sesuai ketetapan hari libur "
            "nasional dan cuti bersama (SKB 3 Menteri). Permohonan daring tetap dapat diajukan; "
            "jangka waktu penyelesaian dihitung pada hari kerja berikutnya.",
            now - dt.timedelta(days=3),
            until,
        )
    ]


class Command(BaseCommand):
    help = "Muat data demo MPP Kota Probolinggo (aman dijalankan berulang)."

    def handle(self, *args, **options):
        with transaction.atomic():
            profile = self._profile()
            categories = self._categories()
            agencies = self._agencies()
            created_services = self._services(agencies, categories)
            self._counters(agencies)
            seed_queues(agencies)
            self._maklumat(profile, agencies)
            self._announcements()
            accounts = self._accounts(agencies) if settings.DEMO_MODE else []
            seed_complaints_demo(agencies)
            seed_surveys_demo(agencies)
            accounts += seed_workspace_demo(password=DEMO_PASSWORD)  # workspace: agency admin, consultation
            investment_demo.seed_demo()
            buildings_demo.seed_demo()
            accounts += organisations_demo.seed_demo(with_accounts=settings.DEMO_MODE)
            call_command("seed_message_templates", verbosity=0)
        # The dashboards read summaries that beat refreshes; build them now so a fresh demo shows
        # the seeded applications and survey answers at once (outside the seeding transaction).
        call_command("refresh_report_facts", "--full", verbosity=0)
        self.stdout.write(
            self.style.SUCCESS(
                f"Data demo siap: {Agency.objects.count()} instansi, {Service.objects.count()} layanan "
                f"({created_services} baru), {Counter.objects.count()} loket."
            )
        )
        if accounts:
            self.stdout.write("Akun demo (hanya mode demo):")
            for role, email in accounts:
                self.stdout.write(f"  {role:<22} {email:<36} sandi: {DEMO_PASSWORD}")

    def _profile(self) -> MppProfile:
        profile, _ = MppProfile.objects.get_or_create(
            pk=1,
            defaults={
                "name": "Mal Pelayanan Publik Kota Probolinggo",
                "city": "Kota Probolinggo",
                "time_zone": "Asia/Jakarta",
                "address": MPP_ADDRESS,
                "phone": "(0335) 421228",
                "whatsapp": "0812-3300-1234",
                "email": "mpp@probolinggokota.go.id",
            },
        )
        probolinggo = {
            0: ("08:00", "14:00"),
            1: ("08:00", "14:00"),
            2: ("08:00", "14:00"),
            3: ("08:00", "14:00"),
        }
        probolinggo[4] = ("08:00", "11:00")
        for weekday, (opens, closes) in probolinggo.items():
            OfficeHours.objects.get_or_create(
                profile=profile,
                weekday=weekday,
                defaults={
                    "opens_at": dt.time.fromisoformat(opens),
                    "closes_at": dt.time.fromisoformat(closes),
                },
            )
        return profile

    def _categories(self) -> dict[str, Category]:
        result = {}
        for order, (slug, name, name_en) in enumerate(CATEGORIES, start=1):
            result[slug], _ = Category.objects.get_or_create(
                slug=slug, defaults={"name": name, "name_en": name_en, "order": order}
            )
        return result

    def _agencies(self) -> dict[str, Agency]:
        result = {}
        for data in AGENCIES:
            result[data["slug"]], _ = Agency.objects.get_or_create(
                slug=data["slug"],
                defaults={
                    "name": data["name"],
                    "short_name": data["short_name"],
                    "kind": data["kind"],
                    "description": data.get("description", ""),
                    "address": data.get("address", ""),
                    "phone": data.get("phone", ""),
                    "email": data.get("email", ""),
                    "opening_notes": data.get("opening_notes", ""),
                },
            )
        return result

    def _services(self, agencies: dict[str, Agency], categories: dict[str, Category]) -> int:
        defaults_by_agency = {data["slug"]: data.get("defaults", {}) for data in AGENCIES}
        created = 0
        for data in SERVICES:
            if data["agency"] not in agencies or data["category"] not in categories:
                raise CommandError(f"{data['code']}: instansi atau kategori tidak dikenal")
            service, was_created = Service.objects.get_or_create(
                code=data["code"],
                defaults={
                    "agency": agencies[data["agency"]],
                    "category": categories[data["category"]],
                    "name": data["name"],
                    "name_en": data["name_en"],
                    "description": data.get("description", ""),
                    "keywords": data.get("keywords", ""),
                    "is_permit": data.get("is_permit", False),
                    "completed_at_mpp": data.get("completed_at_mpp", True),
                },
            )
            created += was_created
            if not service.standards.exists():
                self._standard(service, data["standard"], defaults_by_agency[data["agency"]])
        return created

    def _standard(self, service: Service, data: dict, agency_defaults: dict) -> ServiceStandard:
        internal = {key: data.get(key) or agency_defaults.get(key, "") for key in INTERNAL_COMPONENTS}
        standard = ServiceStandard.objects.create(
            service=service,
            version=1,
            status=ServiceStandard.Status.IN_FORCE,
            decree_number=data["decree_number"],
            decree_date=dt.date.fromisoformat(data["decree_date"]),
            effective_from=dt.date.fromisoformat(data["effective_from"]),
            published_at=timezone.now(),
            procedure=data.get("procedure", ""),
            time_limit_days=data["time_limit_days"],
            fee_kind=data["fee_kind"],
            levy_formula=data.get("levy_formula", "") or "",
            levy_description=data.get("levy_description", ""),
            product=data["product"],
            legal_basis=data["legal_basis"],
            **internal,
        )
        bulk_create_with_history(
            [
                Requirement(
                    standard=standard,
                    order=order,
                    name=row["name"],
                    description=row.get("description", ""),
                    mandatory=row.get("mandatory", True),
                    accepted_kinds=row.get("kinds", ["pdf", "jpeg", "png"]),
                )
                for order, row in enumerate(data["requirements"], start=1)
            ],
            Requirement,
            default_change_reason="data demo",
        )
        bulk_create_with_history(
            [
                SopStep(
                    standard=standard,
                    order=order,
                    name=row["name"],
                    responsible_role=row["role"],
                    duration_days=row["days"],
                )
                for order, row in enumerate(data["steps"], start=1)
            ],
            SopStep,
            default_change_reason="data demo",
        )
        bulk_create_with_history(
            [
                FeeItem(standard=standard, order=order, label=label, amount=Decimal(amount))
                for order, (label, amount) in enumerate(data.get("fees", []), start=1)
            ],
            FeeItem,
            default_change_reason="data demo",
        )
        return standard

    def _counters(self, agencies: dict[str, Agency]) -> None:
        if Counter.objects.exists():
            return
        number = 1
        for data in AGENCIES:
            for label in data.get("counters", []):
                Counter.objects.create(agency=agencies[data["slug"]], number=number, label=label)
                number += 1

    def _maklumat(self, profile: MppProfile, agencies: dict[str, Agency]) -> None:
        if not Maklumat.objects.filter(agency__isnull=True).exists():
            Maklumat.objects.create(
                agency=None,
                text=MPP_MAKLUMAT,
                signer_name="dr. Aminuddin, Sp.OG., M.Kes.",
                signer_position="Wali Kota Probolinggo",
                signed_on=dt.date(2025, 3, 3),
            )
        for data in AGENCIES:
            agency = agencies[data["slug"]]
            if Maklumat.objects.filter(agency=agency).exists():
                continue
            Maklumat.objects.create(
                agency=agency,
                text=MPP_MAKLUMAT,
                signer_name=data.get("head_name", f"Kepala {agency.short_name}"),
                signer_position=data.get("head_position", f"Kepala {agency.name}"),
                signed_on=dt.date(2025, 3, 3),
            )

    def _announcements(self) -> None:
        if Announcement.objects.exists():
            return
        now = timezone.now()
        rows = [
            *_closure_announcement(now),
            (
                "Loket prioritas untuk kelompok rentan",
                "Lansia, penyandang disabilitas, ibu hamil, dan orang tua yang membawa bayi dilayani melalui "
                "loket prioritas. Sampaikan kepada petugas informasi di pintu masuk.",
                now - dt.timedelta(days=30),
                None,
            ),
            (
                "Pengaduan pungutan liar",
                "Seluruh layanan di MPP dilayani sesuai tarif resmi yang tercantum pada standar pelayanan. "
                "Laporkan pungutan di luar tarif resmi melalui SP4N-LAPOR! atau meja pengaduan MPP.",
                now - dt.timedelta(days=60),
                None,
            ),
        ]
        for title, body, start, end in rows:
            Announcement.objects.create(title=title, body=body, publish_from=start, publish_until=end)

    def _accounts(self, agencies: dict[str, Agency]) -> list[tuple[str, str]]:
        dpmptsp = agencies.get("dpmptsp") or next(iter(agencies.values()))
        wanted = [
            (Role.CITIZEN, "warga@demo.mpp.id", "Siti Aminah", None),
            (Role.OFFICER, "petugas.dpmptsp@demo.mpp.id", "Budi Santoso", dpmptsp),
            (Role.SUPERVISOR, "supervisor.dpmptsp@demo.mpp.id", "Rina Wulandari", dpmptsp),
            (Role.MPP_ADMIN, "admin@demo.mpp.id", "Agus Prasetyo", None),
        ]
        result = []
        for role, email, name, agency in wanted:
            user = User.objects.filter(email__iexact=email).first()
            if user is None:
                if role == Role.CITIZEN:
                    user = User(email=email, full_name=name, phone="+6281234500001", nik=DEMO_CITIZEN_NIK)
                    user.set_password(DEMO_PASSWORD)
                    user.email_verified_at = timezone.now()
                    user._change_reason = "akun demo"
                    user.save()
                    user_set_role(user=user, role=role)
                else:
                    staff_create(
                        email=email, full_name=name, role=role, agency=agency, password=DEMO_PASSWORD
                    )
            result.append((Role(role).label, email))
        return result

"""factory_boy factories for the whole project; traits name the states a test needs."""

import datetime as dt

import factory
from django.utils import timezone

from accounts.models import Role, User
from agencies.models import Agency, Announcement, Maklumat, MppProfile, OfficeHours
from queueing.models import Counter
from services.models import Category, FeeItem, Requirement, Service, ServiceStandard, SopStep


class MppProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MppProfile
        django_get_or_create = ["id"]
        skip_postgeneration_save = True

    id = 1
    name = "Mal Pelayanan Publik Kota Probolinggo"
    city = "Kota Probolinggo"
    time_zone = "Asia/Jakarta"

    @factory.post_generation
    def hours(obj, create, extracted, **kwargs):
        if not create:
            return
        probolinggo = {
            0: ("08:00", "14:00"),
            1: ("08:00", "14:00"),
            2: ("08:00", "14:00"),
            3: ("08:00", "14:00"),
            4: ("08:00", "11:00"),
        }
        for weekday, (opens, closes) in (extracted or probolinggo).items():
            OfficeHours.objects.update_or_create(
                profile=obj,
                weekday=weekday,
                defaults={
                    "opens_at": dt.time.fromisoformat(opens),
                    "closes_at": dt.time.fromisoformat(closes),
                },
            )


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    name = factory.Sequence(lambda n: f"Dinas Pelayanan Contoh {n}")
    short_name = factory.Sequence(lambda n: f"DPC{n}")
    slug = factory.Sequence(lambda n: f"dpc-{n}")
    kind = Agency.Kind.LOCAL
    description = "Instansi contoh untuk pengujian."
    address = "Jl. Panglima Sudirman, Kota Probolinggo"
    phone = "(0335) 421000"


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"kategori-{n}")
    name = factory.Sequence(lambda n: f"Kategori {n}")
    name_en = factory.Sequence(lambda n: f"Category {n}")


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service

    agency = factory.SubFactory(AgencyFactory)
    category = factory.SubFactory(CategoryFactory)
    code = factory.Sequence(lambda n: f"SVC-{n}")
    name = factory.Sequence(lambda n: f"Layanan Contoh {n}")
    name_en = factory.Sequence(lambda n: f"Sample Service {n}")
    description = "Layanan untuk pengujian."
    is_permit = True


class ServiceStandardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceStandard
        skip_postgeneration_save = True

    service = factory.SubFactory(ServiceFactory)
    version = factory.Sequence(lambda n: n + 1)
    status = ServiceStandard.Status.DRAFT
    time_limit_days = 5
    product = "Surat izin"
    complaint_handling = "Pengaduan melalui SP4N-LAPOR! atau meja pengaduan MPP."
    legal_basis = "UU 25/2009 tentang Pelayanan Publik"
    procedure = "Berkas diperiksa, diverifikasi, lalu izin diterbitkan."

    class Params:
        in_force = factory.Trait(
            status=ServiceStandard.Status.IN_FORCE,
            decree_number="Keputusan Kepala DPMPTSP Nomor 503/1/2025",
            decree_date=dt.date(2025, 1, 10),
            effective_from=dt.date(2025, 2, 1),
            published_at=factory.LazyFunction(timezone.now),
        )
        superseded = factory.Trait(
            status=ServiceStandard.Status.SUPERSEDED,
            decree_number="Keputusan Kepala DPMPTSP Nomor 503/0/2024",
            decree_date=dt.date(2024, 1, 10),
            effective_from=dt.date(2024, 2, 1),
        )
        scheduled = factory.Trait(
            status=ServiceStandard.Status.SCHEDULED,
            decree_number="Keputusan Kepala DPMPTSP Nomor 503/9/2026",
            decree_date=dt.date(2026, 11, 1),
            effective_from=dt.date(2027, 1, 1),
        )

    @factory.post_generation
    def with_rows(obj, create, extracted, **kwargs):
        """By default a standard gets two requirements and SOP steps summing to its time limit."""
        if not create or extracted is False:
            return
        Requirement.objects.create(
            standard=obj,
            order=1,
            name="Fotokopi KTP-el",
            mandatory=True,
            accepted_kinds=["pdf", "jpeg", "png"],
        )
        Requirement.objects.create(
            standard=obj, order=2, name="Surat permohonan", mandatory=True, accepted_kinds=["pdf"]
        )
        SopStep.objects.create(
            standard=obj,
            order=1,
            name="Pemeriksaan kelengkapan berkas",
            responsible_role="front_office",
            duration_days=1,
        )
        SopStep.objects.create(
            standard=obj,
            order=2,
            name="Verifikasi teknis",
            responsible_role="officer",
            duration_days=max(obj.time_limit_days - 2, 0),
        )
        SopStep.objects.create(
            standard=obj,
            order=3,
            name="Penandatanganan izin",
            responsible_role="head",
            duration_days=1,
        )


class FeeItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FeeItem

    standard = factory.SubFactory(ServiceStandardFactory)
    label = "Tarif"
    amount = 30000


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"warga{n}@contoh.id")
    full_name = factory.Sequence(lambda n: f"Warga Contoh {n}")
    phone = "081234567890"
    role = Role.CITIZEN
    email_verified_at = factory.LazyFunction(timezone.now)
    password = factory.PostGenerationMethodCall("set_password", "rahasia-Uji-123")

    class Params:
        officer = factory.Trait(role=Role.OFFICER, agency=factory.SubFactory(AgencyFactory), nik=None)
        supervisor = factory.Trait(role=Role.SUPERVISOR, agency=factory.SubFactory(AgencyFactory), nik=None)
        mpp_admin = factory.Trait(role=Role.MPP_ADMIN, is_staff=True, nik=None)
        agency_admin = factory.Trait(
            role=Role.AGENCY_ADMIN, agency=factory.SubFactory(AgencyFactory), nik=None
        )
        complaint_officer = factory.Trait(role=Role.COMPLAINT_OFFICER, nik=None)
        expert = factory.Trait(role=Role.EXPERT, agency=factory.SubFactory(AgencyFactory), nik=None)

    @factory.post_generation
    def sync_groups(obj, create, extracted, **kwargs):
        if create:
            from accounts.roles import group_for_role

            obj.save()
            obj.groups.set([group_for_role(obj.role)])


class CounterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Counter

    agency = factory.SubFactory(AgencyFactory)
    number = factory.Sequence(lambda n: n + 1)
    label = factory.Sequence(lambda n: f"Loket Contoh {n}")


class MaklumatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Maklumat

    agency = None
    text = "Dengan ini, kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah ditetapkan."
    signer_name = "Drs. Contoh Pejabat, M.Si."
    signer_position = "Kepala DPMPTSP Kota Probolinggo"
    signed_on = dt.date(2025, 1, 2)


class AnnouncementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Announcement

    title = "Layanan tutup pada cuti bersama"
    body = "MPP tutup pada hari cuti bersama sesuai SKB 3 Menteri."
    publish_from = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=1))
    publish_until = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=7))

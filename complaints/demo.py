"""Demo data of complaints and consultation for ``manage.py seed_demo``: Probolinggo's complaint
categories, the MPP complaint officer's demo account, and a few complaints and questions walked
through the real services (so they carry history). Safe to run again: adds only what is missing."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from accounts.models import Role, User
from accounts.services import staff_create
from agencies.models import Agency
from services.models import Service

from . import services
from .models import Complaint, ComplaintCategory

DEMO_PASSWORD = "mpp-demo-2026"
OFFICER_EMAIL = "pengaduan@demo.mpp.id"

CATEGORIES = [
    # code, name, English, group, usual agency (slug), description
    (
        "pungli",
        "Pungutan liar",
        "Illegal levy",
        "Integritas",
        "dpmptsp",
        "Permintaan uang atau imbalan di luar tarif resmi.",
    ),
    (
        "perilaku-petugas",
        "Perilaku petugas",
        "Staff conduct",
        "Pelayanan",
        "dpmptsp",
        "Sikap, kesopanan dan disiplin petugas loket.",
    ),
    (
        "waktu-layanan",
        "Keterlambatan layanan",
        "Late service",
        "Pelayanan",
        "dpmptsp",
        "Permohonan melewati jangka waktu standar pelayanan.",
    ),
    (
        "persyaratan",
        "Persyaratan dan prosedur",
        "Requirements and procedure",
        "Pelayanan",
        "dpmptsp",
        "Persyaratan diminta di luar standar atau prosedur tidak jelas.",
    ),
    (
        "adminduk",
        "Dokumen kependudukan",
        "Civil registration documents",
        "Layanan",
        "dispendukcapil",
        "KTP-el, KK, KIA dan akta pencatatan sipil.",
    ),
    (
        "sarana-mpp",
        "Sarana dan prasarana MPP",
        "MPP facilities",
        "Sarana",
        "dpmptsp",
        "Ruang tunggu, parkir, toilet, fasilitas kelompok rentan.",
    ),
    ("antrian", "Antrian", "Queue", "Sarana", "dpmptsp", "Nomor antrian, pemanggilan dan waktu tunggu."),
    (
        "informasi",
        "Informasi layanan",
        "Service information",
        "Informasi",
        "",
        "Pertanyaan dan permintaan informasi tentang layanan.",
    ),
]


def seed_complaints_demo(agencies: dict[str, Agency]) -> int:
    """Returns the number of demo complaints created."""
    for order, (code, name, name_en, group, slug, description) in enumerate(CATEGORIES):
        ComplaintCategory.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "name_en": name_en,
                "group": group,
                "default_agency": agencies.get(slug),
                "description": description,
                "order": order,
            },
        )
    if not settings.DEMO_MODE:
        return 0
    officer = User.objects.filter(email__iexact=OFFICER_EMAIL).first() or staff_create(
        email=OFFICER_EMAIL, full_name="Ahmad Fauzi", role=Role.COMPLAINT_OFFICER, password=DEMO_PASSWORD
    )
    if Complaint.objects.exists():
        return 0
    citizen = User.objects.filter(email__iexact="warga@demo.mpp.id").first()
    agency_officer = User.objects.filter(email__iexact="petugas.dpmptsp@demo.mpp.id").first()
    category = {c.code: c for c in ComplaintCategory.objects.all()}
    now = timezone.now()
    created = 0

    def days_ago(n):
        return now - timedelta(days=n)

    reklame = (
        Service.objects.filter(code="IZIN-REKLAME").first()
        or Service.objects.filter(agency__slug="dpmptsp").first()
    )
    ktp = Service.objects.filter(code="KTP-EL").first()
    # Answered and published: transparency list.
    answered_one = services.complaint_submit(
        kind="pengaduan",
        category=category["waktu-layanan"],
        subject="Izin reklame belum terbit melewati 5 hari kerja",
        description="Permohonan izin reklame saya sudah berkas lengkap sejak dua minggu lalu tetapi belum ada kabar.",
        reporter=citizen,
        allow_publication=True,
        service=reklame,
        now=days_ago(12),
    )
    created += 1
    if agency_officer is not None:
        answered_one = services.complaint_route(
            complaint=answered_one, actor=officer, agency=agency_officer.agency, now=days_ago(11)
        )
        services.complaint_answer(
            complaint=answered_one,
            actor=agency_officer,
            answer=(
                "Mohon maaf atas keterlambatan. Penandatanganan tertunda karena Kepala Dinas dinas luar; izin "
                "telah terbit hari ini dan dapat diunduh di menu Permohonan saya. Kami menambah penandatangan "
                "pengganti agar tidak terulang."
            ),
            now=days_ago(9),
        )
    # Waiting for the complaint officer: a call-center report registered on the citizen's behalf.
    services.complaint_submit(
        kind="aspirasi",
        category=category["sarana-mpp"],
        subject="Kursi roda di lobi MPP rusak",
        description="Penelepon menyampaikan kursi roda di lobi lantai 1 rodanya macet sehingga lansia harus dipapah.",
        reporter_name="Hartono",
        reporter_phone="081331234567",
        channel="call_center",
        registered_by=officer,
        now=days_ago(1),
    )
    created += 1
    # Confidential pungli report, routed to Dispendukcapil.
    pungli = services.complaint_submit(
        kind="pengaduan",
        category=category["pungli"],
        subject="Diminta uang untuk percepatan KTP-el",
        description="Seseorang yang mengaku petugas di dekat loket meminta Rp150.000 agar KTP-el jadi hari itu juga.",
        reporter=citizen,
        confidential=True,
        service=ktp,
        now=days_ago(3),
    )
    created += 1
    if "dispendukcapil" in agencies:
        services.complaint_route(
            complaint=pungli,
            actor=officer,
            agency=agencies["dispendukcapil"],
            note="Mohon diperiksa rekaman CCTV lobi dan loket Dispendukcapil pada tanggal kejadian.",
            now=days_ago(2),
        )
    # A question answered and published as FAQ.
    if citizen is not None and reklame is not None and agency_officer is not None:
        question = services.question_ask(
            service=reklame,
            asker=citizen,
            question="Apakah papan nama toko di depan rumah sendiri juga wajib izin reklame?",
            now=days_ago(6),
        )
        services.question_answer(
            question=question,
            actor=agency_officer,
            answer="Papan nama usaha di persil sendiri dengan luas sampai 1 m2 tidak memerlukan izin, tetapi tetap dikenai pajak reklame bila lebih besar.",
            publish=True,
            now=days_ago(5),
        )
    return created

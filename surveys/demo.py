"""Demo SKM responses (three months, several agencies) and follow-up actions for ``seed_demo``.
Safe to run again: adds nothing when responses exist."""

import random
from datetime import date, timedelta

from django.utils import timezone

from agencies.models import Agency
from services.models import Service

from .models import ELEMENTS, FollowUpAction, SurveyResponse

# Typical answer profiles (weights of scores 1-4): U3 (time) and U8 (facilities) weaker, U4 (fee) strong.
_WEIGHTS = {"u3": (2, 10, 50, 38), "u8": (3, 12, 55, 30), "u4": (0, 2, 20, 78)}
_DEFAULT = (1, 5, 50, 44)
COMMENTS = [
    "Petugas ramah dan membantu.",
    "Ruang tunggu panas saat siang.",
    "Proses lebih cepat dari perkiraan.",
    "Parkir motor penuh, sulit mencari tempat.",
    "",
    "",
    "",
]


def seed_surveys_demo(agencies: dict[str, Agency]) -> int:
    if SurveyResponse.objects.exists():
        return 0
    rng = random.Random(2026)
    now = timezone.now()
    rows = []
    picked = [
        a
        for slug, a in agencies.items()
        if slug in ("dpmptsp", "dispendukcapil", "imigrasi", "polres", "dpupr-pkp", "bpjs-kesehatan")
    ]
    services_by_agency = {a.pk: list(Service.objects.filter(agency=a, is_active=True)[:6]) for a in picked}
    for agency in picked:
        for _ in range(rng.randint(35, 60)):
            scores = {e: rng.choices((1, 2, 3, 4), weights=_WEIGHTS.get(e, _DEFAULT))[0] for e in ELEMENTS}
            choices = services_by_agency[agency.pk]
            rows.append(
                SurveyResponse(
                    agency=agency,
                    service=rng.choice(choices) if choices else None,
                    comment=rng.choice(COMMENTS),
                    submitted_at=now - timedelta(days=rng.randint(0, 85), hours=rng.randint(0, 6)),
                    **scores,
                )
            )
    SurveyResponse.objects.bulk_create(rows)
    today = date.today()
    FollowUpAction.objects.bulk_create(
        [
            FollowUpAction(
                agency=None,
                element="u8",
                period_label="Triwulan berjalan",
                finding="U8 sarana dan prasarana terendah; komentar berulang: ruang tunggu panas, parkir penuh.",
                action="Servis dan tambah dua unit pendingin ruangan di ruang tunggu lantai 1.",
                owner="Kepala Bagian Umum DPMPTSP",
                due_date=today - timedelta(days=10),
                done_at=today - timedelta(days=14),
                result_note="Dua unit AC 2 PK terpasang.",
            ),
            FollowUpAction(
                agency=None,
                element="u8",
                period_label="Triwulan berjalan",
                finding="Parkir motor penuh pada jam 08.00-10.00.",
                action="Koordinasi dengan Dinas Perhubungan untuk kantong parkir tambahan di halaman belakang.",
                owner="Sekretaris DPMPTSP",
                due_date=today + timedelta(days=30),
            ),
            FollowUpAction(
                agency=agencies.get("dispendukcapil"),
                element="u3",
                period_label="Triwulan berjalan",
                finding="U3 waktu penyelesaian KK dinilai lambat pada hari Senin.",
                action="Tambah satu operator verifikasi KK setiap Senin dan Selasa.",
                owner="Kepala Bidang Pelayanan Pendaftaran Penduduk",
                due_date=today + timedelta(days=14),
            ),
        ]
    )
    return len(rows)

"""Demo data of the building side (called by ``manage.py seed_demo``; safe to run again): the free
standard house designs with generated floor-plan PDFs, and, in demo mode, an expert team account of
Dinas PUPR-PKP."""

from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction

from .drawings import Plan, floor_plan_pdf
from .models import HouseDesign
from .services import drawing_checksum

# code, name, kind, plan, bathrooms, description
DESIGNS = [
    (
        "rumah-sederhana-21-60",
        "Rumah Sederhana Sehat",
        "tunggal",
        Plan("Rumah Sederhana Sehat", "21/60", 6, 10, 3, 7, 2, 1, 1),
        1,
        "Rumah inti tumbuh satu kamar untuk kavling sempit; dapat diperluas ke belakang.",
    ),
    (
        "rumah-36-72",
        "Rumah Tinggal Tipe 36",
        "tunggal",
        Plan("Rumah Tinggal Tipe 36", "36/72", 6, 12, 6, 6, 3, 1, 2),
        1,
        "Dua kamar tidur, ruang tamu/keluarga, dapur dan kamar mandi; teras depan 3 m.",
    ),
    (
        "rumah-45-90",
        "Rumah Tinggal Tipe 45",
        "tunggal",
        Plan("Rumah Tinggal Tipe 45", "45/90", 7.5, 12, 7.5, 6, 3, 1, 2),
        1,
        "Dua kamar tidur dengan ruang keluarga lebih lapang dan dapur terpisah.",
    ),
    (
        "rumah-54-108",
        "Rumah Tinggal Tipe 54",
        "tunggal",
        Plan("Rumah Tinggal Tipe 54", "54/108", 9, 12, 9, 6, 3, 1, 3),
        1,
        "Tiga kamar tidur untuk keluarga dengan anak; satu kamar mandi.",
    ),
    (
        "rumah-deret-70-120",
        "Rumah Deret Dua Lantai Tipe 70",
        "deret",
        Plan("Rumah Deret Dua Lantai Tipe 70", "70/120", 8, 15, 5, 7, 4, 2, 3),
        2,
        "Rumah deret dua lantai: ruang keluarga, dapur dan satu kamar di bawah, dua kamar di atas.",
    ),
]


@transaction.atomic
def seed_demo() -> int:
    created = 0
    for order, (code, name, kind, plan, bathrooms, description) in enumerate(DESIGNS, start=1):
        if HouseDesign.objects.filter(code=code).exists():
            continue
        content = floor_plan_pdf(plan)
        design = HouseDesign(
            code=code,
            name=name,
            kind=kind,
            type_label=plan.type_label,
            plot_width_m=Decimal(str(plan.plot_width)),
            plot_depth_m=Decimal(str(plan.plot_depth)),
            plot_area_m2=Decimal(str(plan.plot_width * plan.plot_depth)),
            floor_area_m2=Decimal(str(plan.house_width * plan.house_depth * plan.storeys)),
            storeys=plan.storeys,
            bedrooms=plan.bedrooms,
            bathrooms=bathrooms,
            description=description,
            drawing_sha256=drawing_checksum(content),
            order=order,
        )
        design.drawing.save(f"{code}.pdf", ContentFile(content), save=False)
        design._change_reason = "desain prototipe (data demo)"
        design.save()
        created += 1
    return created

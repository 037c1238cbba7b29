"""Service categories and the full demo catalogue of MPP Kota Probolinggo.

``SERVICES`` combines the per-agency modules; each entry carries its service standard
(PermenPANRB 15/2014) built and checked by ``catalogue_common.service``.
"""

from .catalogue_daerah import SERVICES as _DAERAH
from .catalogue_dpmptsp import SERVICES as _DPMPTSP
from .catalogue_vertikal import SERVICES as _VERTIKAL

# (slug, Indonesian name, English name), in display order.
CATEGORIES: list[tuple[str, str, str]] = [
    ("kependudukan", "Kependudukan dan Pencatatan Sipil", "Population and civil registry"),
    (
        "perizinan-usaha",
        "Perizinan Berusaha, Perdagangan dan UMKM",
        "Business licensing, trade and small business",
    ),
    ("bangunan-tata-ruang", "Bangunan Gedung dan Tata Ruang", "Buildings and spatial planning"),
    ("kesehatan", "Kesehatan", "Health"),
    ("pajak-retribusi", "Pajak, Retribusi dan Cukai", "Taxes, levies and excise"),
    ("transportasi", "Perhubungan dan Kendaraan Bermotor", "Transport and motor vehicles"),
    ("ketenagakerjaan", "Ketenagakerjaan", "Employment"),
    ("keimigrasian", "Keimigrasian", "Immigration"),
    ("kepolisian", "Kepolisian", "Police services"),
    ("jaminan-sosial", "Jaminan Sosial", "Social security"),
    ("keagamaan", "Keagamaan", "Religious affairs"),
    ("sosial", "Sosial, Perempuan dan Anak", "Social welfare, women and children"),
    ("pendidikan", "Pendidikan dan Kebudayaan", "Education and culture"),
    ("lingkungan-hidup", "Lingkungan Hidup", "Environment"),
    ("ormas", "Organisasi Kemasyarakatan dan Penelitian", "Civil society organisations and research"),
    ("utilitas-keuangan", "Air Minum, Perbankan dan Pos", "Water, banking and postal services"),
]

SERVICES: list[dict] = _DPMPTSP + _DAERAH + _VERTIKAL

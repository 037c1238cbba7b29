"""Builders shared by the catalogue modules: they keep each service's data short and check it.

``service()`` returns a plain dict in the shape seed_demo expects and raises ValueError at import
time when a standard is inconsistent (SOP days not adding up to the time limit, a fee kind without
its fees or formula, an unknown role or file kind).
"""

import copy

from .agencies import AGENCIES

ROLES = ("front_office", "officer", "technical_team", "supervisor", "head")
FILE_KINDS = ("pdf", "jpeg", "png")
FEE_KINDS = ("free", "fixed", "levy")
LEVY_FORMULAS = ("pbg", "reklame", "other")
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

SCAN = ("pdf", "jpeg", "png")
PDF = ("pdf",)
PHOTO = ("jpeg", "png")

_DEFAULTS = {agency["slug"]: agency["defaults"] for agency in AGENCIES}

# The decree adopting each agency's service standards: (number, date, effective from).
DECREES: dict[str, tuple[str, str, str]] = {
    "dpmptsp": (
        "Keputusan Kepala DPMPTSP Kota Probolinggo Nomor 500.16.7.2/021/425.117/2025",
        "2025-01-15",
        "2025-02-01",
    ),
    "dispendukcapil": (
        "Keputusan Kepala Dinas Kependudukan dan Pencatatan Sipil Kota Probolinggo Nomor 400.12/014/425.109/2025",
        "2025-01-20",
        "2025-02-01",
    ),
    "dinkes-ppkb": (
        "Keputusan Kepala Dinas Kesehatan, Pengendalian Penduduk dan Keluarga Berencana Kota Probolinggo "
        "Nomor 400.7/088/425.102/2025",
        "2025-01-22",
        "2025-02-03",
    ),
    "dpupr-pkp": (
        "Keputusan Kepala Dinas PUPR-PKP Kota Probolinggo Nomor 600.1/045/425.104/2025",
        "2025-01-27",
        "2025-02-03",
    ),
    "dishub": (
        "Keputusan Kepala Dinas Perhubungan Kota Probolinggo Nomor 500.11/031/425.110/2025",
        "2025-02-03",
        "2025-02-17",
    ),
    "dlh": (
        "Keputusan Kepala Dinas Lingkungan Hidup Kota Probolinggo Nomor 600.4/027/425.111/2025",
        "2025-01-30",
        "2025-02-10",
    ),
    "dkup": (
        "Keputusan Kepala Dinas Koperasi, Usaha Kecil Menengah dan Perdagangan Kota Probolinggo "
        "Nomor 500.3/019/425.114/2025",
        "2025-02-05",
        "2025-02-17",
    ),
    "disnaker": (
        "Keputusan Kepala Dinas Tenaga Kerja Kota Probolinggo Nomor 500.15/012/425.115/2025",
        "2025-01-28",
        "2025-02-10",
    ),
    "bakesbangpol": (
        "Keputusan Kepala Badan Kesatuan Bangsa dan Politik Kota Probolinggo Nomor 200.1/009/425.206/2025",
        "2025-02-06",
        "2025-02-17",
    ),
    "bppkad": (
        "Keputusan Kepala BPPKAD Kota Probolinggo Nomor 900.1/052/425.203/2025",
        "2025-01-16",
        "2025-02-01",
    ),
    "dinsos-p3a": (
        "Keputusan Kepala Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak Kota Probolinggo "
        "Nomor 400.9/036/425.106/2025",
        "2025-01-29",
        "2025-02-10",
    ),
    "dindikbud": (
        "Keputusan Kepala Dinas Pendidikan dan Kebudayaan Kota Probolinggo Nomor 400.3/061/425.101/2025",
        "2025-01-21",
        "2025-02-03",
    ),
    "kpp-pratama": (
        "Keputusan Kepala KPP Pratama Probolinggo Nomor KEP-04/KPP.1211/2025",
        "2025-01-10",
        "2025-01-13",
    ),
    "bea-cukai": (
        "Keputusan Kepala KPPBC TMP C Probolinggo Nomor KEP-09/KBC.1208/2025",
        "2025-01-14",
        "2025-02-01",
    ),
    "imigrasi": (
        "Keputusan Kepala Kantor Imigrasi Kelas I TPI Malang Nomor IMI.2-GR.01.01-0112 Tahun 2025",
        "2025-01-17",
        "2025-02-01",
    ),
    "polres": (
        "Keputusan Kapolres Probolinggo Kota Nomor Kep/27/I/2025",
        "2025-01-23",
        "2025-02-01",
    ),
    "kemenag": (
        "Keputusan Kepala Kantor Kementerian Agama Kota Probolinggo Nomor 45 Tahun 2025",
        "2025-01-24",
        "2025-02-03",
    ),
    "bpjs-kesehatan": (
        "Keputusan Kepala BPJS Kesehatan Kantor Cabang Pasuruan Nomor 17/KC-1304/0125",
        "2025-01-20",
        "2025-02-01",
    ),
    "bpjs-ketenagakerjaan": (
        "Keputusan Kepala Kantor Cabang BPJS Ketenagakerjaan Pasuruan Nomor KEP/011/012025",
        "2025-01-21",
        "2025-02-01",
    ),
    "perumdam-bayuangga": (
        "Keputusan Direksi Perumdam Air Minum Bayuangga Kota Probolinggo Nomor 690/07/425.401/2025",
        "2025-01-13",
        "2025-02-01",
    ),
    "bank-jatim": (
        "Surat Keputusan Pemimpin Cabang Bank Jatim Probolinggo Nomor 064/012/PBL/KEP/2025",
        "2025-01-09",
        "2025-01-15",
    ),
    "kantor-pos": (
        "Keputusan Kepala Kantor Cabang Pos Probolinggo Nomor 15/KC-PBL/0125",
        "2025-01-08",
        "2025-01-15",
    ),
}


def req(name: str, description: str, mandatory: bool = True, kinds: tuple[str, ...] = SCAN) -> dict:
    """One requirement (persyaratan)."""
    return {"name": name, "description": description, "mandatory": mandatory, "kinds": list(kinds)}


def step(name: str, role: str, days: int) -> dict:
    """One SOP step: what is done, by which role, in how many working days."""
    return {"name": name, "role": role, "days": days}


def service(
    code: str,
    agency: str,
    category: str,
    name: str,
    name_en: str,
    *,
    is_permit: bool,
    description: str,
    keywords: str,
    days: int,
    product: str,
    procedure: str,
    legal_basis: str,
    requirements: list[dict],
    steps: list[dict],
    completed_at_mpp: bool = True,
    fee_kind: str = "free",
    fees: list[tuple[str, int]] | None = None,
    levy_formula: str = "",
    levy_description: str = "",
    decree: tuple[str, str, str] | None = None,
    **overrides: str,
) -> dict:
    """A service with its standard. ``overrides`` replace the agency's internal components."""
    decree_number, decree_date, effective_from = decree or DECREES[agency]
    fees = [[label, int(amount)] for label, amount in (fees or [])]
    _check(code, agency, days, fee_kind, fees, levy_formula, levy_description, requirements, steps, overrides)
    standard = {
        "decree_number": decree_number,
        "decree_date": decree_date,
        "effective_from": effective_from,
        "time_limit_days": days,
        "fee_kind": fee_kind,
        "fees": fees,
        "levy_formula": levy_formula,
        "levy_description": levy_description,
        "product": product,
        "procedure": procedure,
        "complaint_handling": overrides.pop("complaint_handling", _DEFAULTS[agency]["complaint_handling"]),
        "legal_basis": legal_basis,
        "requirements": copy.deepcopy(requirements),
        "steps": copy.deepcopy(steps),
        **overrides,
    }
    return {
        "code": code,
        "agency": agency,
        "category": category,
        "name": name,
        "name_en": name_en,
        "is_permit": is_permit,
        "completed_at_mpp": completed_at_mpp,
        "description": description,
        "keywords": keywords,
        "standard": standard,
    }


def _check(
    code, agency, days, fee_kind, fees, levy_formula, levy_description, requirements, steps, overrides
):
    problems = []
    if agency not in _DEFAULTS:
        problems.append(f"unknown agency {agency}")
    if days < 1:
        problems.append("time limit must be at least 1 working day")
    total = sum(row["days"] for row in steps)
    if total != days:
        problems.append(f"SOP days add up to {total}, time limit is {days}")
    if not 3 <= len(steps) <= 7:
        problems.append(f"{len(steps)} SOP steps")
    if not 2 <= len(requirements) <= 8:
        problems.append(f"{len(requirements)} requirements")
    if any(row["role"] not in ROLES for row in steps):
        problems.append("unknown step role")
    if any(not row["kinds"] or set(row["kinds"]) - set(FILE_KINDS) for row in requirements):
        problems.append("unknown file kind")
    if fee_kind not in FEE_KINDS:
        problems.append(f"unknown fee kind {fee_kind}")
    if fee_kind == "fixed" and not fees:
        problems.append("fixed fee without tariff lines")
    if fee_kind != "fixed" and fees:
        problems.append("tariff lines on a service that is not fixed-fee")
    if fee_kind == "levy" and (levy_formula not in LEVY_FORMULAS or not levy_description):
        problems.append("levy without formula or description")
    if fee_kind != "levy" and (levy_formula or levy_description):
        problems.append("levy formula on a service that is not a levy")
    if set(overrides) - set(INTERNAL_COMPONENTS):
        problems.append(f"unknown overrides {sorted(set(overrides) - set(INTERNAL_COMPONENTS))}")
    if problems:
        raise ValueError(f"{code}: " + "; ".join(problems))

"""The OSS RBA NIB lookup: an adapter interface and its sandbox implementation.

``get_nib_lookup()`` returns the adapter named by ``MPP_OSS_NIB_ADAPTER`` (a dotted class path).
A production adapter calls the national OSS API (its credentials come from the environment); the
sandbox answers from a fixed table, so development and tests never call out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class NibRecord:
    nib: str
    business_name: str
    business_form: str  # "perorangan", "PT", "CV", ...
    address: str
    issued_on: dt.date
    kbli_codes: tuple[str, ...] = field(default_factory=tuple)
    status: str = "aktif"  # "aktif" or "dicabut"


class NibLookup:
    """Look up an NIB; ``None`` when OSS does not know it. Raise ``NibLookupUnavailable`` when the
    national system cannot be reached (callers then tell the user to try later)."""

    def lookup(self, nib: str) -> NibRecord | None:  # pragma: no cover - interface
        raise NotImplementedError


class NibLookupUnavailable(Exception):
    pass


class SandboxNibLookup(NibLookup):
    """Fixed demo records (fictitious businesses in Kota Probolinggo)."""

    RECORDS = {
        "9120001234567": NibRecord(
            "9120001234567",
            "Warung Makan Bu Sri",
            "perorangan",
            "Jl. Dr. Sutomo No. 12, Kel. Tisnonegaran, Kota Probolinggo",
            dt.date(2023, 5, 17),
            ("56102",),
        ),
        "9120009876543": NibRecord(
            "9120009876543",
            "CV Bengkel Maju Jaya",
            "CV",
            "Jl. Brigjen Katamso No. 45, Kel. Jati, Kota Probolinggo",
            dt.date(2022, 11, 2),
            ("45201", "47111"),
        ),
        "9120005550001": NibRecord(
            "9120005550001",
            "Kos Putri Mayangan",
            "perorangan",
            "Jl. Ikan Tombro No. 8, Kel. Mangunharjo, Kota Probolinggo",
            dt.date(2024, 2, 20),
            ("55900",),
            status="dicabut",
        ),
    }

    def lookup(self, nib: str) -> NibRecord | None:
        return self.RECORDS.get(nib)


@lru_cache(maxsize=4)
def _adapter(path: str) -> NibLookup:
    return import_string(path)()


def get_nib_lookup() -> NibLookup:
    return _adapter(getattr(settings, "MPP_OSS_NIB_ADAPTER", "investment.oss.SandboxNibLookup"))

"""Levy formulas: the building approval levy (retribusi PBG) and the advertisement tax (pajak reklame).

Pure domain code: no database, no request. Every amount is a ``Decimal``; only the final amount is
rounded (to the whole rupiah, ROUND_HALF_UP, see ``round_rupiah``). The public estimator page
(``services.views.fee_estimator``) shows the result; the official amount is always the one an
officer sets in the assessment letter (SKRD for the levy, SKPD for the tax) after checking the file.

Values and where they come from
===============================
Each value below is either fixed by a national regulation or is the city's own value. The city's
values are defaults that a deployment overrides with the setting ``MPP_LEVY_PARAMETERS`` (a dict of
``LevyParameters`` field names to values; mapping fields are merged key by key, e.g.
``{"pbg_shst": "5200000", "reklame_base_rate": {"billboard": "30000"}}``). The view reads the
setting; this module never does.

Retribusi PBG (building approval levy)
--------------------------------------
Source: PP 16/2021 tentang Peraturan Pelaksanaan UU 28/2002 tentang Bangunan Gedung, Lampiran
(penghitungan besarnya retribusi PBG), adopted by the city's Perda on Pajak Daerah dan Retribusi
Daerah (UU 1/2022 HKPD lists PBG as a retribusi perizinan tertentu)::

    Retribusi PBG = LLt × (It × Ibg × Ilo × SHST)
    It            = Ifs × Σ(bp × Ip) × Fm

- LLt: luas total lantai, the total floor area in m² (as given by the applicant; the Lampiran's
  per-floor coefficients and the separate levy on prasarana such as fences or towers are not
  estimated here: the officer adds them).
- Ifs: indeks fungsi. Values used: hunian 0,15; keagamaan 0 (places of worship pay no levy);
  usaha 0,70; sosial dan budaya 0,30; khusus 1,00. Hunian for masyarakat berpenghasilan rendah
  (MBR) 0,05 and campuran (ganda) 0,80 are NOT verified against the Lampiran's table: they are
  configurable city values.
- Σ(bp × Ip): the parameters, each a weight (bobot, bp) times an index (Ip); the weights sum to 1:
  kompleksitas bp 0,30 (sederhana 0,40; tidak sederhana 0,70), permanensi bp 0,20 (non-permanen
  0,40; permanen 0,70), ketinggian bp 0,50 (rendah 0,40; sedang 0,70; tinggi 1,00). The height
  class comes from the number of floors: rendah up to 4 floors, sedang 5 to 8, tinggi above 8 (the
  long-standing classification of building heights; the limits are configurable city values).
- Fm: faktor kepemilikan: state-owned buildings 0 (no levy); persons and businesses 1.
- Ibg: indeks bangunan gedung terbangun: new building 1,00. Rehabilitation/renovation sedang 0,45
  and berat 0,65 are configurable city values.
- Ilo: indeks lokalitas, set by the Perda, at most 0,5% (0,005) under PP 16/2021. Default 0,4%
  (0,004) for Kota Probolinggo: a configurable city value.
- SHST: standar harga satuan tertinggi per m², set each year by the Wali Kota's decree. Default
  Rp4.500.000/m²: a plausible figure for Kota Probolinggo, not the decree's value: configure it.

Pajak Reklame (advertisement tax)
---------------------------------
Source: UU 1/2022 tentang Hubungan Keuangan antara Pemerintah Pusat dan Pemerintahan Daerah (HKPD):
the tax base is the nilai sewa reklame (NSR), computed from the kind, material, location, time,
duration, number and size of the media; the rate is at most 25%. The city's Perda on Pajak Daerah
dan Retribusi Daerah sets the rate (25%) and the Wali Kota's regulation the NSR tariffs::

    NSR         = luas (m²) × jumlah media/sisi × jangka waktu × tarif dasar(jenis) × indeks lokasi
    Pajak       = NSR × tarif pajak (25%)

The base tariff is per m² per month for permanent media (billboard, neon box, videotron) and per m²
per day for temporary (insidentil) media (baliho, spanduk, umbul-umbul). Every tariff and location
index here is a configurable city value, not the Perwali's.

Rounding
--------
Amounts are rounded to the whole rupiah, half up (``rounding_unit`` = 1). A Perda that rounds an
assessment differently (e.g. to the hundred rupiah) is configured with ``rounding_unit`` (100).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from types import MappingProxyType
from typing import Any

from django.utils.translation import gettext as _

MAX_FLOOR_AREA = Decimal("1000000")  # m²
MIN_FLOORS, MAX_FLOORS = 1, 100
MAX_REKLAME_AREA = Decimal("1000")  # m² per face
MAX_REKLAME_COUNT = 1000

# PBG choices: the keys forms submit. Their index values live in LevyParameters.
PBG_FUNCTIONS = ("hunian", "hunian_mbr", "keagamaan", "usaha", "sosial_budaya", "khusus", "campuran")
PBG_COMPLEXITIES = ("sederhana", "tidak_sederhana")
PBG_PERMANENCES = ("permanen", "non_permanen")
PBG_HEIGHT_CLASSES = ("rendah", "sedang", "tinggi")
PBG_OWNERSHIPS = ("perorangan", "badan_usaha", "negara")
PBG_BUILDING_STATES = ("baru", "rehabilitasi_sedang", "rehabilitasi_berat")

# Reklame: each kind is charged per month (permanent media) or per day (temporary media).
MONTH, DAY = "month", "day"
REKLAME_DURATION_UNIT = MappingProxyType(
    {
        "billboard": MONTH,
        "neon_box": MONTH,
        "videotron": MONTH,
        "baliho": DAY,
        "spanduk": DAY,
        "umbul_umbul": DAY,
    }
)
REKLAME_KINDS = tuple(REKLAME_DURATION_UNIT)
REKLAME_LOCATIONS = ("utama", "kolektor", "lingkungan")


def _decimals(**values: str) -> Mapping[str, Decimal]:
    return MappingProxyType({key: Decimal(value) for key, value in values.items()})


class LevyInputError(ValueError):
    """An input the formula cannot take; ``field`` names it, the message is for the citizen."""

    def __init__(self, message: str, *, field: str):
        super().__init__(message)
        self.message = message
        self.field = field


class LevyConfigurationError(ValueError):
    """``MPP_LEVY_PARAMETERS`` holds an unknown name or a value the regulations do not allow."""


@dataclass(frozen=True)
class LevyParameters:
    """Every index, tariff and limit the formulas use (see the module docstring for sources)."""

    # Retribusi PBG (PP 16/2021, Lampiran).
    pbg_function_index: Mapping[str, Decimal] = field(
        default_factory=lambda: _decimals(
            hunian="0.15",
            hunian_mbr="0.05",  # configurable city value (not verified against the Lampiran)
            keagamaan="0",
            usaha="0.70",
            sosial_budaya="0.30",
            khusus="1.00",
            campuran="0.80",  # configurable city value (not verified against the Lampiran)
        )
    )
    pbg_complexity_weight: Decimal = Decimal("0.30")
    pbg_complexity_index: Mapping[str, Decimal] = field(
        default_factory=lambda: _decimals(sederhana="0.40", tidak_sederhana="0.70")
    )
    pbg_permanence_weight: Decimal = Decimal("0.20")
    pbg_permanence_index: Mapping[str, Decimal] = field(
        default_factory=lambda: _decimals(permanen="0.70", non_permanen="0.40")
    )
    pbg_height_weight: Decimal = Decimal("0.50")
    pbg_height_index: Mapping[str, Decimal] = field(
        default_factory=lambda: _decimals(rendah="0.40", sedang="0.70", tinggi="1.00")
    )
    # Highest number of floors of the "rendah" and "sedang" classes; anything above is "tinggi".
    pbg_height_max_floors: Mapping[str, int] = field(
        default_factory=lambda: MappingProxyType({"rendah": 4, "sedang": 8})
    )
    pbg_ownership_factor: Mapping[str, Decimal] = field(
        default_factory=lambda: _decimals(perorangan="1", badan_usaha="1", negara="0")
    )
    pbg_building_index: Mapping[str, Decimal] = field(
        default_factory=lambda: _decimals(baru="1.00", rehabilitasi_sedang="0.45", rehabilitasi_berat="0.65")
    )
    pbg_locality_index: Decimal = Decimal("0.004")  # 0,4%; PP 16/2021 allows at most 0,5%
    pbg_shst: Decimal = Decimal("4500000")  # rupiah per m², Keputusan Wali Kota
    # Pajak Reklame (UU 1/2022 and the city's Perda/Perwali).
    reklame_tax_rate: Decimal = Decimal("0.25")
    reklame_base_rate: Mapping[str, Decimal] = field(
        default_factory=lambda: _decimals(
            billboard="25000",  # rupiah per m² per month
            neon_box="30000",
            videotron="100000",
            baliho="2000",  # rupiah per m² per day
            spanduk="1500",
            umbul_umbul="1000",
        )
    )
    reklame_location_index: Mapping[str, Decimal] = field(
        default_factory=lambda: _decimals(utama="1.50", kolektor="1.20", lingkungan="1.00")
    )
    reklame_max_months: int = 60
    reklame_max_days: int = 30  # temporary advertisements run at most 30 days
    rounding_unit: Decimal = Decimal("1")

    def __post_init__(self):
        self._check()

    def _check(self) -> None:
        expected_keys = {
            "pbg_function_index": PBG_FUNCTIONS,
            "pbg_complexity_index": PBG_COMPLEXITIES,
            "pbg_permanence_index": PBG_PERMANENCES,
            "pbg_height_index": PBG_HEIGHT_CLASSES,
            "pbg_height_max_floors": ("rendah", "sedang"),
            "pbg_ownership_factor": PBG_OWNERSHIPS,
            "pbg_building_index": PBG_BUILDING_STATES,
            "reklame_base_rate": REKLAME_KINDS,
            "reklame_location_index": REKLAME_LOCATIONS,
        }
        for name, keys in expected_keys.items():
            mapping = getattr(self, name)
            if set(mapping) != set(keys):
                raise LevyConfigurationError(f"{name} must have exactly the keys {sorted(keys)}")
            for key, value in mapping.items():
                if name == "pbg_height_max_floors":
                    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                        raise LevyConfigurationError(f"{name}[{key!r}] must be a positive integer")
                elif not isinstance(value, Decimal) or not value.is_finite() or value < 0:
                    raise LevyConfigurationError(f"{name}[{key!r}] must be a Decimal >= 0")
        weights = (self.pbg_complexity_weight, self.pbg_permanence_weight, self.pbg_height_weight)
        if any(not isinstance(w, Decimal) or w < 0 for w in weights) or sum(weights) != 1:
            raise LevyConfigurationError("the PBG parameter weights must be Decimals summing to 1")
        if self.pbg_height_max_floors["rendah"] >= self.pbg_height_max_floors["sedang"]:
            raise LevyConfigurationError("pbg_height_max_floors: 'rendah' must be below 'sedang'")
        if not (
            isinstance(self.pbg_locality_index, Decimal) and 0 < self.pbg_locality_index <= Decimal("0.005")
        ):
            raise LevyConfigurationError("pbg_locality_index must be above 0 and at most 0.005 (0,5%)")
        if not (isinstance(self.pbg_shst, Decimal) and self.pbg_shst > 0):
            raise LevyConfigurationError("pbg_shst must be a positive Decimal (rupiah per m²)")
        if not (isinstance(self.reklame_tax_rate, Decimal) and 0 < self.reklame_tax_rate <= Decimal("0.25")):
            raise LevyConfigurationError("reklame_tax_rate must be above 0 and at most 0.25 (UU 1/2022)")
        for name in ("reklame_max_months", "reklame_max_days"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise LevyConfigurationError(f"{name} must be a positive integer")
        if not (isinstance(self.rounding_unit, Decimal) and self.rounding_unit > 0):
            raise LevyConfigurationError("rounding_unit must be a positive Decimal")

    @classmethod
    def from_overrides(cls, overrides: Mapping[str, Any] | None) -> LevyParameters:
        """The defaults with a deployment's overrides (the ``MPP_LEVY_PARAMETERS`` setting).

        Numbers may be given as str, int or float (floats go through ``str`` so 0.004 stays 0.004);
        a mapping field is merged key by key with its default.
        """
        defaults = cls()
        if not overrides:
            return defaults
        if not isinstance(overrides, Mapping):
            raise LevyConfigurationError("MPP_LEVY_PARAMETERS must be a dict")
        known = {f.name for f in fields(cls)}
        changes: dict[str, Any] = {}
        for name, value in overrides.items():
            if name not in known:
                raise LevyConfigurationError(f"unknown levy parameter {name!r}")
            current = getattr(defaults, name)
            if isinstance(current, Mapping):
                if not isinstance(value, Mapping):
                    raise LevyConfigurationError(f"{name} must be a dict")
                unknown = set(value) - set(current)
                if unknown:
                    raise LevyConfigurationError(f"{name}: unknown keys {sorted(unknown)}")
                merged = dict(current)
                for key, item in value.items():
                    merged[key] = _config_value(f"{name}[{key!r}]", item, type(current[key]))
                changes[name] = MappingProxyType(merged)
            else:
                changes[name] = _config_value(name, value, type(current))
        return replace(defaults, **changes)


DEFAULT_PARAMETERS = LevyParameters()


def _config_value(name: str, value: Any, kind: type) -> Any:
    if isinstance(value, bool):
        raise LevyConfigurationError(f"{name} must be a number")
    try:
        if kind is int:
            if isinstance(value, Decimal | float) and value != int(value):
                raise ValueError
            return int(value)
        return Decimal(str(value))
    except (InvalidOperation, TypeError, ValueError):
        raise LevyConfigurationError(f"{name} must be a number, not {value!r}") from None


def round_rupiah(amount: Decimal, unit: Decimal = Decimal("1")) -> Decimal:
    """Round half up to a multiple of ``unit`` rupiah (1 = the whole rupiah)."""
    return ((amount / unit).quantize(Decimal("1"), rounding=ROUND_HALF_UP) * unit).quantize(Decimal("1"))


def _thousands(value: Decimal | int) -> str:
    return f"{int(value):,}".replace(",", ".")


def _number(value: Any, *, field: str, invalid: str) -> Decimal:
    if isinstance(value, bool):
        raise LevyInputError(invalid, field=field)
    try:
        number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise LevyInputError(invalid, field=field) from None
    if not number.is_finite():
        raise LevyInputError(invalid, field=field)
    return number


def _whole(value: Any, *, field: str, low: int, high: int, message: str) -> int:
    number = _number(value, field=field, invalid=message)
    if number != number.to_integral_value() or not low <= number <= high:
        raise LevyInputError(message, field=field)
    return int(number)


def _choice(value: Any, options: Mapping[str, Any], *, field: str, message: str) -> str:
    if not isinstance(value, str) or value not in options:
        raise LevyInputError(message, field=field)
    return value


# --- per-field checks (also used by the estimator form, to report every bad field at once) ------


def check_floor_area(value: Any) -> Decimal:
    """LLt in m²: above 0 and at most 1.000.000."""
    area = _number(value, field="floor_area", invalid=_("Luas total lantai harus berupa angka."))
    if area <= 0:
        raise LevyInputError(_("Luas total lantai harus lebih dari 0 m²."), field="floor_area")
    if area > MAX_FLOOR_AREA:
        raise LevyInputError(
            _("Luas total lantai paling besar %(max)s m².") % {"max": _thousands(MAX_FLOOR_AREA)},
            field="floor_area",
        )
    return area


def check_floors(value: Any) -> int:
    """The number of floors: a whole number from 1 to 100."""
    return _whole(
        value,
        field="floors",
        low=MIN_FLOORS,
        high=MAX_FLOORS,
        message=_("Jumlah lantai harus bilangan bulat dari %(min)s sampai %(max)s.")
        % {"min": MIN_FLOORS, "max": MAX_FLOORS},
    )


def check_reklame_area(value: Any) -> Decimal:
    """The area of one face of an advertisement in m²: above 0 and at most 1.000."""
    size = _number(value, field="area", invalid=_("Luas bidang reklame harus berupa angka."))
    if size <= 0:
        raise LevyInputError(_("Luas bidang reklame harus lebih dari 0 m²."), field="area")
    if size > MAX_REKLAME_AREA:
        raise LevyInputError(
            _("Luas bidang reklame paling besar %(max)s m².") % {"max": _thousands(MAX_REKLAME_AREA)},
            field="area",
        )
    return size


def check_reklame_count(value: Any) -> int:
    """The number of media or faces: a whole number from 1 to 1.000."""
    return _whole(
        value,
        field="count",
        low=1,
        high=MAX_REKLAME_COUNT,
        message=_("Jumlah media harus bilangan bulat dari 1 sampai %(max)s.")
        % {"max": _thousands(MAX_REKLAME_COUNT)},
    )


def check_reklame_duration(value: Any, *, kind: str, params: LevyParameters = DEFAULT_PARAMETERS) -> int:
    """Months (1..reklame_max_months) for permanent media, days (1..reklame_max_days) for temporary."""
    if REKLAME_DURATION_UNIT.get(kind) == MONTH:
        message = _("Jangka waktu reklame tetap harus bilangan bulat dari 1 sampai %(max)s bulan.") % {
            "max": params.reklame_max_months
        }
        return _whole(value, field="duration", low=1, high=params.reklame_max_months, message=message)
    message = _("Jangka waktu reklame insidentil harus bilangan bulat dari 1 sampai %(max)s hari.") % {
        "max": params.reklame_max_days
    }
    return _whole(value, field="duration", low=1, high=params.reklame_max_days, message=message)


# --- Retribusi PBG ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PbgLevy:
    """A PBG levy estimate with every intermediate value, for a step-by-step display."""

    floor_area: Decimal  # LLt, m²
    floors: int
    function: str
    complexity: str
    permanence: str
    height_class: str
    ownership: str
    building_state: str
    function_index: Decimal  # Ifs
    complexity_weight: Decimal
    complexity_index: Decimal
    permanence_weight: Decimal
    permanence_index: Decimal
    height_weight: Decimal
    height_index: Decimal
    parameter_sum: Decimal  # Σ(bp × Ip)
    ownership_factor: Decimal  # Fm
    integrated_index: Decimal  # It = Ifs × Σ(bp × Ip) × Fm
    building_index: Decimal  # Ibg
    locality_index: Decimal  # Ilo, a fraction (0.004 = 0,4%)
    shst: Decimal  # rupiah per m²
    rate_per_m2: Decimal  # It × Ibg × Ilo × SHST, unrounded
    exact_amount: Decimal  # LLt × rate_per_m2, unrounded
    amount: Decimal  # rounded to the rupiah (or to rounding_unit)
    rounding_unit: Decimal

    @property
    def exempt_by(self) -> str:
        """Why the levy is nil: "function" (Ifs = 0, e.g. keagamaan), "ownership" (Fm = 0, state
        property), or "" when it is not."""
        if self.function_index == 0:
            return "function"
        if self.ownership_factor == 0:
            return "ownership"
        return ""


def pbg_height_class(floors: int, params: LevyParameters = DEFAULT_PARAMETERS) -> str:
    """The height class of a building with this number of floors (rendah, sedang or tinggi)."""
    if floors <= params.pbg_height_max_floors["rendah"]:
        return "rendah"
    if floors <= params.pbg_height_max_floors["sedang"]:
        return "sedang"
    return "tinggi"


def pbg_levy(
    *,
    floor_area: Decimal | int | str,
    floors: int,
    function: str,
    complexity: str,
    permanence: str,
    ownership: str,
    building_state: str = "baru",
    params: LevyParameters = DEFAULT_PARAMETERS,
) -> PbgLevy:
    """Retribusi PBG = LLt × (It × Ibg × Ilo × SHST), It = Ifs × Σ(bp × Ip) × Fm (PP 16/2021).

    Raises ``LevyInputError`` (a ValueError with an Indonesian message and the field's name) for an
    input outside the formula's range: area not above 0 or above 1.000.000 m², floors outside
    1..100, or an unknown choice.
    """
    area = check_floor_area(floor_area)
    floors = check_floors(floors)
    function = _choice(
        function, params.pbg_function_index, field="function", message=_("Pilih fungsi bangunan dari daftar.")
    )
    complexity = _choice(
        complexity,
        params.pbg_complexity_index,
        field="complexity",
        message=_("Pilih kompleksitas bangunan dari daftar."),
    )
    permanence = _choice(
        permanence,
        params.pbg_permanence_index,
        field="permanence",
        message=_("Pilih tingkat permanensi dari daftar."),
    )
    ownership = _choice(
        ownership, params.pbg_ownership_factor, field="ownership", message=_("Pilih kepemilikan dari daftar.")
    )
    building_state = _choice(
        building_state,
        params.pbg_building_index,
        field="building_state",
        message=_("Pilih jenis kegiatan pembangunan dari daftar."),
    )

    height_class = pbg_height_class(floors, params)
    function_index = params.pbg_function_index[function]
    complexity_index = params.pbg_complexity_index[complexity]
    permanence_index = params.pbg_permanence_index[permanence]
    height_index = params.pbg_height_index[height_class]
    parameter_sum = (
        params.pbg_complexity_weight * complexity_index
        + params.pbg_permanence_weight * permanence_index
        + params.pbg_height_weight * height_index
    )
    ownership_factor = params.pbg_ownership_factor[ownership]
    integrated_index = function_index * parameter_sum * ownership_factor
    building_index = params.pbg_building_index[building_state]
    rate_per_m2 = integrated_index * building_index * params.pbg_locality_index * params.pbg_shst
    exact_amount = area * rate_per_m2
    return PbgLevy(
        floor_area=area,
        floors=floors,
        function=function,
        complexity=complexity,
        permanence=permanence,
        height_class=height_class,
        ownership=ownership,
        building_state=building_state,
        function_index=function_index,
        complexity_weight=params.pbg_complexity_weight,
        complexity_index=complexity_index,
        permanence_weight=params.pbg_permanence_weight,
        permanence_index=permanence_index,
        height_weight=params.pbg_height_weight,
        height_index=height_index,
        parameter_sum=parameter_sum,
        ownership_factor=ownership_factor,
        integrated_index=integrated_index,
        building_index=building_index,
        locality_index=params.pbg_locality_index,
        shst=params.pbg_shst,
        rate_per_m2=rate_per_m2,
        exact_amount=exact_amount,
        amount=round_rupiah(exact_amount, params.rounding_unit),
        rounding_unit=params.rounding_unit,
    )


# --- Pajak Reklame ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReklameTax:
    """An advertisement tax estimate with every intermediate value."""

    kind: str
    location: str
    area: Decimal  # m² per face
    count: int  # number of media or faces
    duration: int
    duration_unit: str  # MONTH or DAY
    base_rate: Decimal  # rupiah per m² per duration unit
    location_index: Decimal
    rental_value: Decimal  # NSR, unrounded
    tax_rate: Decimal
    exact_amount: Decimal  # NSR × tax rate, unrounded
    amount: Decimal
    rounding_unit: Decimal


def reklame_tax(
    *,
    kind: str,
    location: str,
    area: Decimal | int | str,
    count: int,
    duration: int,
    params: LevyParameters = DEFAULT_PARAMETERS,
) -> ReklameTax:
    """Pajak Reklame = NSR × tarif; NSR = luas × jumlah × jangka waktu × tarif dasar × indeks lokasi.

    UU 1/2022 (HKPD) and the city's Perda. Raises ``LevyInputError`` for an input outside range:
    area not above 0 or above 1.000 m², count outside 1..1.000, duration outside 1..60 months
    (permanent media) or 1..30 days (temporary media), or an unknown choice.
    """
    kind = _choice(
        kind, params.reklame_base_rate, field="kind", message=_("Pilih jenis reklame dari daftar.")
    )
    location = _choice(
        location,
        params.reklame_location_index,
        field="location",
        message=_("Pilih lokasi pemasangan dari daftar."),
    )
    size = check_reklame_area(area)
    count = check_reklame_count(count)
    unit = REKLAME_DURATION_UNIT[kind]
    duration = check_reklame_duration(duration, kind=kind, params=params)

    base_rate = params.reklame_base_rate[kind]
    location_index = params.reklame_location_index[location]
    rental_value = size * count * duration * base_rate * location_index
    exact_amount = rental_value * params.reklame_tax_rate
    return ReklameTax(
        kind=kind,
        location=location,
        area=size,
        count=count,
        duration=duration,
        duration_unit=unit,
        base_rate=base_rate,
        location_index=location_index,
        rental_value=rental_value,
        tax_rate=params.reklame_tax_rate,
        exact_amount=exact_amount,
        amount=round_rupiah(exact_amount, params.rounding_unit),
        rounding_unit=params.rounding_unit,
    )


# The levy formulas (ServiceStandard.levy_formula) this module can estimate. "other" is assessed
# by an officer case by case: no estimator.
ESTIMATED_FORMULAS = ("pbg", "reklame")

"""The levy formulas (services/fees.py): tables of hand-computed cases, limits and bad input.

No database: the formulas are pure. Defaults used below: SHST Rp4.500.000/m², Ilo 0,4%, so
Ilo × SHST = 0,004 × 4.500.000 = Rp18.000 per unit of It per m². Reklame: billboard Rp25.000,
neon box Rp30.000, videotron Rp100.000 per m² per month; baliho Rp2.000, spanduk Rp1.500,
umbul-umbul Rp1.000 per m² per day; location index utama 1,5, kolektor 1,2, lingkungan 1; tax 25%.
"""

from decimal import Decimal

import pytest

from services import fees
from services.fees import (
    DEFAULT_PARAMETERS,
    LevyConfigurationError,
    LevyInputError,
    LevyParameters,
    pbg_levy,
    reklame_tax,
    round_rupiah,
)

D = Decimal


def house(**overrides):
    """A new single-storey, simple, permanent house owned by a person (the common case)."""
    values = {
        "floor_area": D("100"),
        "floors": 1,
        "function": "hunian",
        "complexity": "sederhana",
        "permanence": "permanen",
        "ownership": "perorangan",
        "building_state": "baru",
    }
    values.update(overrides)
    return values


# --- Retribusi PBG ------------------------------------------------------------------------------

PBG_CASES = [
    # 100 m² house, 1 floor (rendah), sederhana, permanen, perorangan, new:
    #   Σ = 0,3×0,40 + 0,2×0,70 + 0,5×0,40 = 0,12 + 0,14 + 0,20 = 0,46
    #   It = Ifs 0,15 × 0,46 × Fm 1 = 0,069
    #   per m² = 0,069 × Ibg 1 × 0,004 × 4.500.000 = 0,069 × 18.000 = 1.242
    #   amount = 100 × 1.242 = Rp124.200
    pytest.param(house(), D("0.46"), D("0.069"), D("1242"), D("124200"), id="house-100m2"),
    # 250 m² shop-office building, 3 floors (rendah), tidak sederhana, permanen, badan usaha:
    #   Σ = 0,3×0,70 + 0,2×0,70 + 0,5×0,40 = 0,21 + 0,14 + 0,20 = 0,55; It = 0,70 × 0,55 = 0,385
    #   per m² = 0,385 × 18.000 = 6.930; amount = 250 × 6.930 = Rp1.732.500
    pytest.param(
        house(
            floor_area=D("250"),
            floors=3,
            function="usaha",
            complexity="tidak_sederhana",
            ownership="badan_usaha",
        ),
        D("0.55"),
        D("0.385"),
        D("6930"),
        D("1732500"),
        id="business-3-floors",
    ),
    # 36,5 m² low-income house (MBR), non-permanen: Σ = 0,12 + 0,2×0,40 + 0,20 = 0,40
    #   It = 0,05 × 0,40 = 0,02; per m² = 0,02 × 18.000 = 360; amount = 36,5 × 360 = Rp13.140
    pytest.param(
        house(floor_area=D("36.5"), function="hunian_mbr", permanence="non_permanen"),
        D("0.40"),
        D("0.02"),
        D("360"),
        D("13140"),
        id="mbr-non-permanent",
    ),
    # 600 m² house of 5 floors (sedang), tidak sederhana: Σ = 0,21 + 0,14 + 0,5×0,70 = 0,70
    #   It = 0,15 × 0,70 = 0,105; per m² = 1.890; amount = 600 × 1.890 = Rp1.134.000
    pytest.param(
        house(floor_area=D("600"), floors=5, complexity="tidak_sederhana"),
        D("0.70"),
        D("0.105"),
        D("1890"),
        D("1134000"),
        id="house-5-floors-sedang",
    ),
    # 1.000 m² business, 9 floors (tinggi), tidak sederhana: Σ = 0,21 + 0,14 + 0,5×1,00 = 0,85
    #   It = 0,70 × 0,85 = 0,595; per m² = 10.710; amount = Rp10.710.000
    pytest.param(
        house(floor_area=D("1000"), floors=9, function="usaha", complexity="tidak_sederhana"),
        D("0.85"),
        D("0.595"),
        D("10710"),
        D("10710000"),
        id="business-9-floors-tinggi",
    ),
    # Heavy renovation of the 100 m² house: Ibg 0,65 → per m² = 1.242 × 0,65 = 807,3 → Rp80.730
    pytest.param(
        house(building_state="rehabilitasi_berat"),
        D("0.46"),
        D("0.069"),
        D("807.3"),
        D("80730"),
        id="renovation",
    ),
    # 10,25 m²: 10,25 × 1.242 = 12.730,5 → half up → Rp12.731
    pytest.param(
        house(floor_area=D("10.25")), D("0.46"), D("0.069"), D("1242"), D("12731"), id="round-half-up"
    ),
    # 10,24 m²: 10,24 × 1.242 = 12.718,08 → Rp12.718
    pytest.param(house(floor_area=D("10.24")), D("0.46"), D("0.069"), D("1242"), D("12718"), id="round-down"),
    # A mosque pays nothing: Ifs keagamaan = 0.
    pytest.param(
        house(floor_area=D("500"), function="keagamaan"), D("0.46"), D("0"), D("0"), D("0"), id="keagamaan"
    ),
    # A state building pays nothing: Fm = 0.
    pytest.param(
        house(floor_area=D("800"), floors=2, function="usaha", ownership="negara"),
        D("0.46"),
        D("0"),
        D("0"),
        D("0"),
        id="state-owned",
    ),
]


@pytest.mark.parametrize(("inputs", "parameter_sum", "integrated", "per_m2", "amount"), PBG_CASES)
def test_pbg_levy_table(inputs, parameter_sum, integrated, per_m2, amount):
    result = pbg_levy(**inputs)
    assert result.parameter_sum == parameter_sum
    assert result.integrated_index == integrated
    assert result.rate_per_m2 == per_m2
    assert result.amount == amount
    assert result.amount.as_tuple().exponent == 0  # a whole number of rupiah


def test_pbg_levy_keeps_every_intermediate_value_for_the_step_by_step_page():
    result = pbg_levy(**house())
    assert (result.function_index, result.complexity_weight, result.complexity_index) == (
        D("0.15"),
        D("0.30"),
        D("0.40"),
    )
    assert (result.permanence_weight, result.permanence_index) == (D("0.20"), D("0.70"))
    assert (result.height_class, result.height_weight, result.height_index) == (
        "rendah",
        D("0.50"),
        D("0.40"),
    )
    assert (result.ownership_factor, result.building_index) == (D("1"), D("1.00"))
    assert (result.locality_index, result.shst) == (D("0.004"), D("4500000"))
    assert result.exact_amount == D("124200")
    assert result.exempt_by == ""


def test_pbg_exemptions_say_why():
    assert pbg_levy(**house(function="keagamaan")).exempt_by == "function"
    assert pbg_levy(**house(ownership="negara")).exempt_by == "ownership"


@pytest.mark.parametrize(
    ("floors", "height_class"),
    [(1, "rendah"), (4, "rendah"), (5, "sedang"), (8, "sedang"), (9, "tinggi"), (100, "tinggi")],
)
def test_height_class_boundaries(floors, height_class):
    assert pbg_levy(**house(floors=floors)).height_class == height_class


@pytest.mark.parametrize(
    ("area", "accepted"),
    [
        (D("0.01"), True),
        (D("1000000"), True),
        (D("0"), False),
        (D("-5"), False),
        (D("1000000.01"), False),
    ],
)
def test_floor_area_limits(area, accepted):
    if accepted:
        assert pbg_levy(**house(floor_area=area)).floor_area == area
    else:
        with pytest.raises(LevyInputError) as error:
            pbg_levy(**house(floor_area=area))
        assert error.value.field == "floor_area"


def test_floor_area_messages_are_indonesian():
    with pytest.raises(LevyInputError, match="Luas total lantai harus lebih dari 0 m²"):
        pbg_levy(**house(floor_area=0))
    with pytest.raises(LevyInputError, match=r"Luas total lantai paling besar 1\.000\.000 m²"):
        pbg_levy(**house(floor_area=D("2000000")))
    with pytest.raises(LevyInputError, match="Luas total lantai harus berupa angka"):
        pbg_levy(**house(floor_area="seratus"))


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("floor_area", D("NaN"), "Luas total lantai harus berupa angka"),
        ("floor_area", D("Infinity"), "Luas total lantai harus berupa angka"),
        ("floor_area", True, "Luas total lantai harus berupa angka"),
        ("floors", 0, "Jumlah lantai harus bilangan bulat dari 1 sampai 100"),
        ("floors", 101, "Jumlah lantai harus bilangan bulat dari 1 sampai 100"),
        ("floors", D("1.5"), "Jumlah lantai harus bilangan bulat dari 1 sampai 100"),
        ("floors", "dua", "Jumlah lantai harus bilangan bulat dari 1 sampai 100"),
        ("function", "gudang senjata", "Pilih fungsi bangunan dari daftar"),
        ("function", None, "Pilih fungsi bangunan dari daftar"),
        ("complexity", "rumit", "Pilih kompleksitas bangunan dari daftar"),
        ("permanence", "semi", "Pilih tingkat permanensi dari daftar"),
        ("ownership", "asing", "Pilih kepemilikan dari daftar"),
        ("building_state", "pelestarian", "Pilih jenis kegiatan pembangunan dari daftar"),
    ],
)
def test_pbg_invalid_input_names_the_field_in_indonesian(name, value, message):
    with pytest.raises(LevyInputError, match=message) as error:
        pbg_levy(**house(**{name: value}))
    assert error.value.field == name
    assert isinstance(error.value, ValueError)


def test_floor_area_accepts_int_string_and_float_exactly():
    assert pbg_levy(**house(floor_area=100)).amount == D("124200")
    assert pbg_levy(**house(floor_area="10.25")).amount == D("12731")
    assert pbg_levy(**house(floor_area=10.25)).floor_area == D("10.25")  # not 10.2499999...


# --- Pajak Reklame ------------------------------------------------------------------------------

REKLAME_CASES = [
    # Billboard 4 × 8 m = 32 m², one face, 12 months, main road:
    #   NSR = 32 × 1 × 12 × 25.000 × 1,5 = 14.400.000; tax = 25% = Rp3.600.000
    pytest.param("billboard", "utama", D("32"), 1, 12, D("14400000"), D("3600000"), id="billboard"),
    # Ten 5 m² banners for 14 days on a neighbourhood road:
    #   NSR = 5 × 10 × 14 × 1.500 × 1 = 1.050.000; tax = Rp262.500
    pytest.param("spanduk", "lingkungan", D("5"), 10, 14, D("1050000"), D("262500"), id="banners"),
    # Two-faced neon box 1,5 m² for 6 months on a collector road:
    #   NSR = 1,5 × 2 × 6 × 30.000 × 1,2 = 648.000; tax = Rp162.000
    pytest.param("neon_box", "kolektor", D("1.5"), 2, 6, D("648000"), D("162000"), id="neon-box"),
    # Videotron 12 m², 1 month, main road: NSR = 12 × 100.000 × 1,5 = 1.800.000; tax = Rp450.000
    pytest.param("videotron", "utama", D("12"), 1, 1, D("1800000"), D("450000"), id="videotron"),
    # Baliho 3 × 4 = 12 m², 30 days (the longest), collector: NSR = 12 × 30 × 2.000 × 1,2 = 864.000
    pytest.param("baliho", "kolektor", D("12"), 1, 30, D("864000"), D("216000"), id="baliho-30-days"),
    # Umbul-umbul 0,5 × 3 = 1,5 m², 20 pieces, 7 days: NSR = 1,5 × 20 × 7 × 1.000 = 210.000
    pytest.param("umbul_umbul", "lingkungan", D("1.5"), 20, 7, D("210000"), D("52500"), id="umbul-umbul"),
    # Rounding: spanduk 1,01 m², 1 day: NSR = 1.515; tax = 378,75 → Rp379 (half up)
    pytest.param("spanduk", "lingkungan", D("1.01"), 1, 1, D("1515"), D("379"), id="round-up"),
    # spanduk 1,03 m², 1 day: NSR = 1.545; tax = 386,25 → Rp386
    pytest.param("spanduk", "lingkungan", D("1.03"), 1, 1, D("1545"), D("386"), id="round-down"),
]


@pytest.mark.parametrize(("kind", "location", "area", "count", "duration", "nsr", "amount"), REKLAME_CASES)
def test_reklame_tax_table(kind, location, area, count, duration, nsr, amount):
    result = reklame_tax(kind=kind, location=location, area=area, count=count, duration=duration)
    assert result.rental_value == nsr
    assert result.amount == amount
    assert result.tax_rate == D("0.25")


def test_reklame_duration_unit_follows_the_kind():
    assert (
        reklame_tax(kind="billboard", location="utama", area=1, count=1, duration=1).duration_unit == "month"
    )
    assert reklame_tax(kind="spanduk", location="utama", area=1, count=1, duration=1).duration_unit == "day"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"area": 0}, "area", "Luas bidang reklame harus lebih dari 0 m²"),
        ({"area": D("1000.01")}, "area", r"Luas bidang reklame paling besar 1\.000 m²"),
        ({"area": "x"}, "area", "Luas bidang reklame harus berupa angka"),
        ({"count": 0}, "count", r"Jumlah media harus bilangan bulat dari 1 sampai 1\.000"),
        ({"count": 1001}, "count", r"Jumlah media harus bilangan bulat dari 1 sampai 1\.000"),
        (
            {"duration": 0},
            "duration",
            "Jangka waktu reklame tetap harus bilangan bulat dari 1 sampai 60 bulan",
        ),
        (
            {"duration": 61},
            "duration",
            "Jangka waktu reklame tetap harus bilangan bulat dari 1 sampai 60 bulan",
        ),
        (
            {"kind": "spanduk", "duration": 31},
            "duration",
            "Jangka waktu reklame insidentil harus bilangan bulat dari 1 sampai 30 hari",
        ),
        ({"kind": "balon udara"}, "kind", "Pilih jenis reklame dari daftar"),
        ({"location": "bulan"}, "location", "Pilih lokasi pemasangan dari daftar"),
    ],
)
def test_reklame_invalid_input(overrides, field, message):
    values = {"kind": "billboard", "location": "utama", "area": D("32"), "count": 1, "duration": 12}
    values.update(overrides)
    with pytest.raises(LevyInputError, match=message) as error:
        reklame_tax(**values)
    assert error.value.field == field


@pytest.mark.parametrize(("kind", "duration"), [("billboard", 60), ("spanduk", 30), ("baliho", 1)])
def test_reklame_duration_upper_limits_are_allowed(kind, duration):
    assert reklame_tax(kind=kind, location="utama", area=1, count=1, duration=duration).duration == duration


# --- parameters ---------------------------------------------------------------------------------


def test_rounding_is_half_up_to_the_unit():
    assert round_rupiah(D("12730.5")) == D("12731")
    assert round_rupiah(D("12730.49")) == D("12730")
    assert round_rupiah(D("12730.5"), D("100")) == D("12700")
    assert round_rupiah(D("12750"), D("100")) == D("12800")


def test_overrides_change_the_city_values_and_merge_mappings():
    params = LevyParameters.from_overrides(
        {
            "pbg_shst": "5000000",
            "pbg_locality_index": 0.005,  # a float from a settings file stays exactly 0.005
            "pbg_function_index": {"hunian_mbr": "0"},
            "reklame_base_rate": {"billboard": 40000},
            "rounding_unit": 100,
        }
    )
    assert params.pbg_locality_index == D("0.005")
    assert params.pbg_function_index["hunian_mbr"] == D("0")
    assert params.pbg_function_index["hunian"] == D("0.15")  # untouched keys keep their default
    # 100 m² house: 0,069 × 0,005 × 5.000.000 = 1.725 per m² → Rp172.500
    assert pbg_levy(**house(), params=params).amount == D("172500")
    # 10,25 m²: 17.681,25 → rounded to the hundred: Rp17.700
    assert pbg_levy(**house(floor_area=D("10.25")), params=params).amount == D("17700")
    assert pbg_levy(**house(function="hunian_mbr"), params=params).amount == D("0")
    # Billboard 32 m², 12 months, main road: 32 × 12 × 40.000 × 1,5 × 25% = Rp5.760.000
    assert reklame_tax(
        kind="billboard", location="utama", area=32, count=1, duration=12, params=params
    ).amount == D("5760000")
    assert DEFAULT_PARAMETERS.pbg_shst == D("4500000")  # the defaults are not changed


def test_no_overrides_gives_the_defaults():
    assert LevyParameters.from_overrides({}) == DEFAULT_PARAMETERS
    assert LevyParameters.from_overrides(None) == DEFAULT_PARAMETERS


def test_height_limits_can_be_configured():
    params = LevyParameters.from_overrides({"pbg_height_max_floors": {"rendah": 2, "sedang": 4}})
    assert pbg_levy(**house(floors=3), params=params).height_class == "sedang"
    assert pbg_levy(**house(floors=5), params=params).height_class == "tinggi"


@pytest.mark.parametrize(
    "overrides",
    [
        {"pbg_shts": "1"},  # misspelt name
        {"pbg_function_index": {"gudang": "1"}},  # unknown key
        {"pbg_function_index": "0.15"},  # not a mapping
        {"pbg_locality_index": "0.006"},  # above the 0,5% PP 16/2021 allows
        {"pbg_locality_index": "0"},
        {"pbg_shst": "-1"},
        {"pbg_shst": "banyak"},
        {"reklame_tax_rate": "0.30"},  # above the 25% UU 1/2022 allows
        {"pbg_complexity_weight": "0.40"},  # weights no longer sum to 1
        {"pbg_height_max_floors": {"rendah": 8, "sedang": 4}},
        {"pbg_height_max_floors": {"rendah": 2.5}},
        {"reklame_max_days": 0},
        {"rounding_unit": True},
        {"pbg_function_index": {"hunian": "-0.1"}},
    ],
)
def test_bad_overrides_are_refused(overrides):
    with pytest.raises(LevyConfigurationError):
        LevyParameters.from_overrides(overrides)


def test_parameters_are_frozen():
    with pytest.raises(AttributeError):
        DEFAULT_PARAMETERS.pbg_shst = D("1")  # type: ignore[misc]
    with pytest.raises(TypeError):
        DEFAULT_PARAMETERS.pbg_function_index["hunian"] = D("1")  # type: ignore[index]


def test_every_choice_key_has_a_default_value():
    assert set(DEFAULT_PARAMETERS.pbg_function_index) == set(fees.PBG_FUNCTIONS)
    assert set(DEFAULT_PARAMETERS.reklame_base_rate) == set(fees.REKLAME_KINDS)
    assert fees.ESTIMATED_FORMULAS == ("pbg", "reklame")

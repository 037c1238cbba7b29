"""The public fee estimator: its forms (GET, shareable) and the step-by-step account of a result.

The formulas live in ``services.fees`` (pure); this module gives them Indonesian labels, parses the
query string and turns a result into lines a citizen can follow. Which estimator applies is decided
by the standard in force: its ``fee_kind`` must be "levy" and its ``levy_formula`` one that
``fees.ESTIMATED_FORMULAS`` supports ("other" is assessed by an officer: no estimator).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django import forms
from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mpp.formatting import rupiah

from . import fees
from .models import ServiceStandard

# --- labels -------------------------------------------------------------------------------------

FUNCTION_LABELS = {
    "hunian": gettext_lazy("Hunian (rumah tinggal)"),
    "hunian_mbr": gettext_lazy("Hunian MBR (berpenghasilan rendah)"),
    "keagamaan": gettext_lazy("Keagamaan (rumah ibadah)"),
    "usaha": gettext_lazy("Usaha (toko, kantor, gudang)"),
    "sosial_budaya": gettext_lazy("Sosial dan budaya (sekolah, klinik)"),
    "khusus": gettext_lazy("Khusus (risiko atau kerahasiaan tinggi)"),
    "campuran": gettext_lazy("Campuran (misalnya rumah toko)"),
}
COMPLEXITY_LABELS = {
    "sederhana": gettext_lazy("Sederhana"),
    "tidak_sederhana": gettext_lazy("Tidak sederhana"),
}
PERMANENCE_LABELS = {
    "permanen": gettext_lazy("Permanen"),
    "non_permanen": gettext_lazy("Nonpermanen (sementara)"),
}
HEIGHT_LABELS = {
    "rendah": gettext_lazy("rendah"),
    "sedang": gettext_lazy("sedang"),
    "tinggi": gettext_lazy("tinggi"),
}
OWNERSHIP_LABELS = {
    "perorangan": gettext_lazy("Perorangan"),
    "badan_usaha": gettext_lazy("Badan usaha"),
    "negara": gettext_lazy("Negara (milik pemerintah)"),
}
BUILDING_STATE_LABELS = {
    "baru": gettext_lazy("Bangunan baru"),
    "rehabilitasi_sedang": gettext_lazy("Rehabilitasi atau renovasi sedang"),
    "rehabilitasi_berat": gettext_lazy("Rehabilitasi atau renovasi berat"),
}
REKLAME_KIND_LABELS = {
    "billboard": gettext_lazy("Billboard/papan (tetap, per bulan)"),
    "neon_box": gettext_lazy("Neon box (tetap, per bulan)"),
    "videotron": gettext_lazy("Videotron (tetap, per bulan)"),
    "baliho": gettext_lazy("Baliho (insidentil, per hari)"),
    "spanduk": gettext_lazy("Spanduk (insidentil, per hari)"),
    "umbul_umbul": gettext_lazy("Umbul-umbul (insidentil, per hari)"),
}
REKLAME_LOCATION_LABELS = {
    "utama": gettext_lazy("Jalan utama/protokol"),
    "kolektor": gettext_lazy("Jalan kolektor/kawasan dagang"),
    "lingkungan": gettext_lazy("Jalan lingkungan"),
}

# Short sources shown next to each step; the full citations are in *_LEGAL_BASIS below.
SOURCE_PP16 = gettext_lazy("PP 16/2021, Lampiran")
SOURCE_CITY_INDEX = gettext_lazy("nilai daerah, dapat diubah pengelola")
SOURCE_LOCALITY = gettext_lazy("Perda Kota Probolinggo; paling tinggi 0,5% menurut PP 16/2021")
SOURCE_SHST = gettext_lazy("Keputusan Wali Kota Probolinggo")
SOURCE_HKPD = gettext_lazy("UU 1/2022 dan Perda Kota Probolinggo; paling tinggi 25%")
SOURCE_REKLAME_CITY = gettext_lazy("Perwali Kota Probolinggo; nilai daerah, dapat diubah pengelola")

PBG_LEGAL_BASIS = [
    gettext_lazy(
        "PP 16/2021 tentang Peraturan Pelaksanaan UU 28/2002 tentang Bangunan Gedung: rumus dan indeks "
        "retribusi PBG (Lampiran)."
    ),
    gettext_lazy(
        "UU 1/2022 tentang Hubungan Keuangan antara Pemerintah Pusat dan Pemerintahan Daerah: retribusi "
        "PBG sebagai retribusi perizinan tertentu."
    ),
    gettext_lazy(
        "Peraturan Daerah Kota Probolinggo tentang Pajak Daerah dan Retribusi Daerah: indeks lokalitas "
        "dan penetapan SKRD."
    ),
    gettext_lazy("Keputusan Wali Kota Probolinggo tentang standar harga satuan tertinggi bangunan gedung."),
]
REKLAME_LEGAL_BASIS = [
    gettext_lazy(
        "UU 1/2022 tentang Hubungan Keuangan antara Pemerintah Pusat dan Pemerintahan Daerah: dasar "
        "pengenaan pajak reklame adalah nilai sewa reklame, tarif paling tinggi 25%."
    ),
    gettext_lazy("PP 35/2023 tentang Ketentuan Umum Pajak Daerah dan Retribusi Daerah."),
    gettext_lazy(
        "Peraturan Daerah Kota Probolinggo tentang Pajak Daerah dan Retribusi Daerah: tarif pajak reklame."
    ),
    gettext_lazy("Peraturan Wali Kota Probolinggo: tarif dasar nilai sewa reklame dan indeks lokasi."),
]
CITY_VALUES_NOTE = gettext_lazy(
    "Nilai bertanda “nilai daerah” adalah nilai bawaan portal ini; pengelola menyesuaikannya "
    "dengan peraturan daerah yang berlaku."
)

# Values PP 16/2021's table states and this portal uses as published; the rest are city values.
_PP16_FUNCTIONS = {"hunian", "keagamaan", "usaha", "sosial_budaya", "khusus"}
_PP16_BUILDING_STATES = {"baru"}


def _choices(labels: dict[str, Promise], keys: tuple[str, ...]) -> list[tuple[str, Promise]]:
    return [(key, labels[key]) for key in keys]


# --- fields and forms ---------------------------------------------------------------------------


class LocalDecimalField(forms.DecimalField):
    """A decimal typed the Indonesian way ("120,5") or the other way ("120.5"); no thousands dots."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(" ", "")
            if value.count(",") == 1 and "." not in value:
                value = value.replace(",", ".")
        return super().to_python(value)


def _decimal_input(placeholder: str) -> forms.TextInput:
    return forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off", "placeholder": placeholder})


def _whole_input() -> forms.TextInput:
    return forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})


_CHOICE_ERRORS = {
    "required": gettext_lazy("Pilih salah satu dari daftar."),
    "invalid_choice": gettext_lazy("Pilih salah satu dari daftar."),
}


def _number_errors(required: Promise) -> dict[str, Promise]:
    return {
        "required": required,
        "invalid": gettext_lazy("Tulis angka saja, misalnya 120 atau 120,5 (tanpa titik ribuan)."),
        "max_decimal_places": gettext_lazy("Tulis paling banyak %(max)s angka di belakang koma."),
    }


def _whole_errors(required: Promise) -> dict[str, Promise]:
    return {"required": required, "invalid": gettext_lazy("Tulis bilangan bulat, misalnya 2.")}


class _EstimateForm(forms.Form):
    """Runs the formula in ``clean`` and puts its input errors on the field they concern."""

    def __init__(self, *args, params: fees.LevyParameters = fees.DEFAULT_PARAMETERS, **kwargs):
        super().__init__(*args, **kwargs)
        self.params = params
        self.result = None

    # Range checks that need one field only (fees.check_*), so every wrong field is reported at once.
    field_checks: dict = {}

    def check_together(self, cleaned: dict) -> None:
        """Checks of a field that depend on another one (run even when a third field is wrong)."""

    def compute(self, data: dict):
        raise NotImplementedError

    def clean(self):
        cleaned = super().clean()
        for name, check in self.field_checks.items():
            if name in cleaned:
                try:
                    cleaned[name] = check(cleaned[name])
                except fees.LevyInputError as error:
                    self.add_error(name, error.message)
        self.check_together(cleaned)
        if any(name not in cleaned for name in self.fields):
            return cleaned  # a field is already wrong: its own message says why
        try:
            self.result = self.compute(cleaned)
        except fees.LevyInputError as error:
            self.add_error(error.field if error.field in self.fields else None, error.message)
        return cleaned


class PbgEstimateForm(_EstimateForm):
    floor_area = LocalDecimalField(
        label=gettext_lazy("Luas total lantai (m²)"),
        help_text=gettext_lazy("Jumlah luas semua lantai bangunan, misalnya 120 atau 120,5."),
        max_digits=None,
        decimal_places=2,
        widget=_decimal_input("120"),
        error_messages=_number_errors(gettext_lazy("Isi luas total lantai.")),
    )
    floors = forms.IntegerField(
        label=gettext_lazy("Jumlah lantai"),
        widget=_whole_input(),
        error_messages=_whole_errors(gettext_lazy("Isi jumlah lantai.")),
    )
    function = forms.ChoiceField(
        label=gettext_lazy("Fungsi bangunan"),
        choices=_choices(FUNCTION_LABELS, fees.PBG_FUNCTIONS),
        error_messages=_CHOICE_ERRORS,
    )
    complexity = forms.ChoiceField(
        label=gettext_lazy("Kompleksitas bangunan"),
        help_text=gettext_lazy(
            "Sederhana: teknologi dan konstruksi sederhana, seperti rumah tinggal biasa. "
            "Tidak sederhana: teknologi atau konstruksi khusus, seperti gedung dengan basemen."
        ),
        choices=_choices(COMPLEXITY_LABELS, fees.PBG_COMPLEXITIES),
        error_messages=_CHOICE_ERRORS,
    )
    permanence = forms.ChoiceField(
        label=gettext_lazy("Tingkat permanensi"),
        choices=_choices(PERMANENCE_LABELS, fees.PBG_PERMANENCES),
        error_messages=_CHOICE_ERRORS,
    )
    ownership = forms.ChoiceField(
        label=gettext_lazy("Kepemilikan bangunan"),
        choices=_choices(OWNERSHIP_LABELS, fees.PBG_OWNERSHIPS),
        error_messages=_CHOICE_ERRORS,
    )
    building_state = forms.ChoiceField(
        label=gettext_lazy("Jenis kegiatan"),
        choices=_choices(BUILDING_STATE_LABELS, fees.PBG_BUILDING_STATES),
        error_messages=_CHOICE_ERRORS,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["floors"].help_text = _("Dari %(min)s sampai %(max)s lantai.") % {
            "min": fees.MIN_FLOORS,
            "max": fees.MAX_FLOORS,
        }

    initial_values = {
        "floors": 1,
        "function": "hunian",
        "complexity": "sederhana",
        "permanence": "permanen",
        "ownership": "perorangan",
        "building_state": "baru",
    }

    field_checks = {"floor_area": fees.check_floor_area, "floors": fees.check_floors}

    def compute(self, data: dict) -> fees.PbgLevy:
        return fees.pbg_levy(params=self.params, **{name: data[name] for name in self.fields})


class ReklameEstimateForm(_EstimateForm):
    kind = forms.ChoiceField(
        label=gettext_lazy("Jenis reklame"),
        choices=_choices(REKLAME_KIND_LABELS, fees.REKLAME_KINDS),
        error_messages=_CHOICE_ERRORS,
    )
    location = forms.ChoiceField(
        label=gettext_lazy("Lokasi pemasangan"),
        choices=_choices(REKLAME_LOCATION_LABELS, fees.REKLAME_LOCATIONS),
        error_messages=_CHOICE_ERRORS,
    )
    area = LocalDecimalField(
        label=gettext_lazy("Luas bidang reklame per sisi (m²)"),
        help_text=gettext_lazy("Panjang × lebar, misalnya 4 × 8 m = 32 atau 0,5 × 3 m = 1,5."),
        max_digits=None,
        decimal_places=2,
        widget=_decimal_input("32"),
        error_messages=_number_errors(gettext_lazy("Isi luas bidang reklame.")),
    )
    count = forms.IntegerField(
        label=gettext_lazy("Jumlah media atau sisi"),
        help_text=gettext_lazy("Reklame dua muka dihitung 2; sepuluh spanduk yang sama dihitung 10."),
        widget=_whole_input(),
        error_messages=_whole_errors(gettext_lazy("Isi jumlah media atau sisi.")),
    )
    duration = forms.IntegerField(
        label=gettext_lazy("Jangka waktu pemasangan"),
        widget=_whole_input(),
        error_messages=_whole_errors(gettext_lazy("Isi jangka waktu pemasangan.")),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["duration"].help_text = _(
            "Dalam bulan untuk reklame tetap (paling lama %(months)s bulan); dalam hari untuk reklame "
            "insidentil (paling lama %(days)s hari)."
        ) % {"months": self.params.reklame_max_months, "days": self.params.reklame_max_days}

    initial_values = {"kind": "billboard", "location": "utama", "count": 1, "duration": 12}

    field_checks = {"area": fees.check_reklame_area, "count": fees.check_reklame_count}

    def check_together(self, cleaned: dict) -> None:
        if "kind" in cleaned and "duration" in cleaned:
            try:
                fees.check_reklame_duration(cleaned["duration"], kind=cleaned["kind"], params=self.params)
            except fees.LevyInputError as error:
                self.add_error("duration", error.message)

    def compute(self, data: dict) -> fees.ReklameTax:
        return fees.reklame_tax(params=self.params, **{name: data[name] for name in self.fields})


# --- the account of a result --------------------------------------------------------------------


def number(value: Decimal, max_places: int = 6) -> str:
    """An index or a measure without trailing zeros, in the reader's language (0,15 / 0.15)."""
    if value.as_tuple().exponent < -max_places:
        value = value.quantize(Decimal(1).scaleb(-max_places), rounding=ROUND_HALF_UP)
    value = value.normalize()
    places = max(0, -value.as_tuple().exponent)
    return number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)


@dataclass(frozen=True)
class CalculationStep:
    label: str
    value: str
    choice: str = ""
    source: str = ""


@dataclass(frozen=True)
class Estimate:
    amount: str  # "Rp124.200"
    formula: str
    steps: list[CalculationStep]
    rounding: str
    exemption: str = ""
    notes: list[str] = field(default_factory=list)
    legal_basis: list[str] = field(default_factory=list)


def _rounding_note(result) -> str:
    if result.exact_amount == result.amount:
        return _("Hasilnya sudah bulat dalam rupiah, jadi tidak ada pembulatan.")
    if result.rounding_unit == 1:
        return _("%(exact)s dibulatkan ke rupiah penuh menjadi %(amount)s.") % {
            "exact": rupiah(result.exact_amount),
            "amount": rupiah(result.amount),
        }
    return _("%(exact)s dibulatkan ke kelipatan %(unit)s menjadi %(amount)s.") % {
        "exact": rupiah(result.exact_amount),
        "unit": rupiah(result.rounding_unit),
        "amount": rupiah(result.amount),
    }


def describe_pbg(result: fees.PbgLevy) -> Estimate:
    r = result
    weighted = [
        r.complexity_weight * r.complexity_index,
        r.permanence_weight * r.permanence_index,
        r.height_weight * r.height_index,
    ]
    function_source = SOURCE_PP16 if r.function in _PP16_FUNCTIONS else SOURCE_CITY_INDEX
    state_source = SOURCE_PP16 if r.building_state in _PP16_BUILDING_STATES else SOURCE_CITY_INDEX
    steps = [
        CalculationStep(_("Luas total lantai (LLt)"), f"{number(r.floor_area)} m²", source=_("Isian Anda")),
        CalculationStep(
            _("Indeks fungsi (Ifs)"),
            number(r.function_index),
            choice=str(FUNCTION_LABELS[r.function]),
            source=str(function_source),
        ),
        CalculationStep(
            _("Kompleksitas: bobot × indeks"),
            f"{number(r.complexity_weight)} × {number(r.complexity_index)} = {number(weighted[0])}",
            choice=str(COMPLEXITY_LABELS[r.complexity]),
            source=str(SOURCE_PP16),
        ),
        CalculationStep(
            _("Permanensi: bobot × indeks"),
            f"{number(r.permanence_weight)} × {number(r.permanence_index)} = {number(weighted[1])}",
            choice=str(PERMANENCE_LABELS[r.permanence]),
            source=str(SOURCE_PP16),
        ),
        CalculationStep(
            _("Ketinggian: bobot × indeks"),
            f"{number(r.height_weight)} × {number(r.height_index)} = {number(weighted[2])}",
            choice=_("%(floors)s lantai, ketinggian %(height)s")
            % {"floors": r.floors, "height": HEIGHT_LABELS[r.height_class]},
            source=_("%(pp)s; batas jumlah lantai per kelas: %(city)s")
            % {"pp": SOURCE_PP16, "city": SOURCE_CITY_INDEX},
        ),
        CalculationStep(
            _("Jumlah bobot × indeks parameter, Σ(bp × Ip)"),
            " + ".join(number(w) for w in weighted) + f" = {number(r.parameter_sum)}",
        ),
        CalculationStep(
            _("Faktor kepemilikan (Fm)"),
            number(r.ownership_factor),
            choice=str(OWNERSHIP_LABELS[r.ownership]),
            source=str(SOURCE_PP16),
        ),
        CalculationStep(
            _("Indeks terintegrasi, It = Ifs × Σ × Fm"),
            f"{number(r.function_index)} × {number(r.parameter_sum)} × {number(r.ownership_factor)}"
            f" = {number(r.integrated_index)}",
            source=str(SOURCE_PP16),
        ),
        CalculationStep(
            _("Indeks bangunan gedung terbangun (Ibg)"),
            number(r.building_index),
            choice=str(BUILDING_STATE_LABELS[r.building_state]),
            source=str(state_source),
        ),
        CalculationStep(
            _("Indeks lokalitas (Ilo)"), f"{number(r.locality_index * 100)}%", source=str(SOURCE_LOCALITY)
        ),
        CalculationStep(
            _("Standar harga satuan tertinggi (SHST)"),
            _("%(amount)s per m²") % {"amount": rupiah(r.shst)},
            source=str(SOURCE_SHST),
        ),
        CalculationStep(
            _("Tarif per m², It × Ibg × Ilo × SHST"),
            f"{number(r.integrated_index)} × {number(r.building_index)} × {number(r.locality_index * 100)}%"
            f" × {rupiah(r.shst)} = {rupiah(r.rate_per_m2)}",
        ),
        CalculationStep(
            _("Retribusi PBG, LLt × tarif per m²"),
            f"{number(r.floor_area)} m² × {rupiah(r.rate_per_m2)} = {rupiah(r.exact_amount)}",
        ),
    ]
    exemption = ""
    if r.exempt_by == "function":
        exemption = _("Bangunan dengan fungsi ini tidak dikenai retribusi PBG (indeks fungsinya 0).")
    elif r.exempt_by == "ownership":
        exemption = _("Bangunan milik negara tidak dikenai retribusi PBG (faktor kepemilikannya 0).")
    return Estimate(
        amount=rupiah(r.amount),
        formula=_("Retribusi PBG = LLt × (It × Ibg × Ilo × SHST), dengan It = Ifs × Σ(bp × Ip) × Fm"),
        steps=steps,
        rounding=_rounding_note(r),
        exemption=exemption,
        notes=[
            _(
                "Perkiraan ini hanya untuk bangunan gedung. Retribusi prasarana bangunan gedung (pagar, "
                "kolam, menara, dan sejenisnya) dihitung petugas dari volume prasarana."
            ),
            str(CITY_VALUES_NOTE),
        ],
        legal_basis=[str(item) for item in PBG_LEGAL_BASIS],
    )


def describe_reklame(result: fees.ReklameTax) -> Estimate:
    r = result
    unit = _("bulan") if r.duration_unit == fees.MONTH else _("hari")
    steps = [
        CalculationStep(_("Luas bidang reklame per sisi"), f"{number(r.area)} m²", source=_("Isian Anda")),
        CalculationStep(_("Jumlah media atau sisi"), str(r.count), source=_("Isian Anda")),
        CalculationStep(_("Jangka waktu"), f"{r.duration} {unit}", source=_("Isian Anda")),
        CalculationStep(
            _("Tarif dasar nilai sewa"),
            _("%(amount)s per m² per %(unit)s") % {"amount": rupiah(r.base_rate), "unit": unit},
            choice=str(REKLAME_KIND_LABELS[r.kind]),
            source=str(SOURCE_REKLAME_CITY),
        ),
        CalculationStep(
            _("Indeks lokasi"),
            number(r.location_index),
            choice=str(REKLAME_LOCATION_LABELS[r.location]),
            source=str(SOURCE_REKLAME_CITY),
        ),
        CalculationStep(
            _("Nilai sewa reklame (NSR), luas × jumlah × jangka waktu × tarif dasar × indeks lokasi"),
            f"{number(r.area)} × {r.count} × {r.duration} × {rupiah(r.base_rate)} × {number(r.location_index)}"
            f" = {rupiah(r.rental_value)}",
        ),
        CalculationStep(_("Tarif pajak reklame"), f"{number(r.tax_rate * 100)}%", source=str(SOURCE_HKPD)),
        CalculationStep(
            _("Pajak reklame, NSR × tarif pajak"),
            f"{rupiah(r.rental_value)} × {number(r.tax_rate * 100)}% = {rupiah(r.exact_amount)}",
        ),
    ]
    return Estimate(
        amount=rupiah(r.amount),
        formula=_(
            "Pajak Reklame = NSR × tarif pajak, dengan NSR = luas × jumlah × jangka waktu × tarif dasar × "
            "indeks lokasi"
        ),
        steps=steps,
        rounding=_rounding_note(r),
        notes=[
            _(
                "Izin reklame diterbitkan tanpa biaya; yang dibayar adalah pajak reklame. Bahan, "
                "penerangan dan ketinggian media dapat mengubah nilai sewa yang ditetapkan petugas."
            ),
            str(CITY_VALUES_NOTE),
        ],
        legal_basis=[str(item) for item in REKLAME_LEGAL_BASIS],
    )


# --- which estimator a standard gets ------------------------------------------------------------


@dataclass(frozen=True)
class Estimator:
    formula: str  # ServiceStandard.levy_formula
    title: Promise
    form_class: type[_EstimateForm]
    describe: Callable
    official_notice: Promise


ESTIMATORS = {
    "pbg": Estimator(
        formula="pbg",
        title=gettext_lazy("Estimasi retribusi PBG"),
        form_class=PbgEstimateForm,
        describe=describe_pbg,
        official_notice=gettext_lazy(
            "Angka ini hanya perkiraan. Besarnya retribusi yang resmi ditetapkan dalam Surat Ketetapan "
            "Retribusi Daerah (SKRD) setelah petugas memeriksa dokumen rencana teknis bangunan Anda."
        ),
    ),
    "reklame": Estimator(
        formula="reklame",
        title=gettext_lazy("Estimasi pajak reklame"),
        form_class=ReklameEstimateForm,
        describe=describe_reklame,
        official_notice=gettext_lazy(
            "Angka ini hanya perkiraan. Besarnya pajak yang resmi ditetapkan dalam Surat Ketetapan Pajak "
            "Daerah (SKPD) setelah petugas meninjau lokasi, ukuran dan bahan reklame."
        ),
    ),
}


def estimator_for(standard: ServiceStandard | None) -> Estimator | None:
    """The estimator of a standard in force with a levy formula we can compute, else None."""
    if standard is None or standard.status != ServiceStandard.Status.IN_FORCE:
        return None
    if standard.fee_kind != ServiceStandard.FeeKind.LEVY:
        return None
    return ESTIMATORS.get(standard.levy_formula)

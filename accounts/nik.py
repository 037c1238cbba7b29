"""Structure of the NIK (Nomor Induk Kependudukan), the 16-digit number on the KTP.

Layout (Permendagri 72/2019 on regional codes; UU 24/2013 on population administration):
digits 1-2 province, 3-4 regency/city, 5-6 district (kecamatan), 7-12 date of birth as DDMMYY
with 40 added to the day for women, 13-16 a serial number that is never 0000.
"""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

# Province codes in use (Kemendagri), including the Papua provinces created in 2022.
PROVINCE_CODES = frozenset(
    {
        11, 12, 13, 14, 15, 16, 17, 18, 19, 21,
        31, 32, 33, 34, 35, 36,
        51, 52, 53,
        61, 62, 63, 64, 65,
        71, 72, 73, 74, 75, 76,
        81, 82,
        91, 92, 93, 94, 95, 96, 97,
    }
)  # fmt: skip


class InvalidNik(ValueError):
    """The number is not a structurally valid NIK; the message says why, in Indonesian."""


@dataclass(frozen=True)
class NikInfo:
    province: int
    regency: int
    district: int
    birth_date: date
    is_female: bool
    serial: int


def parse_nik(value: str, *, today: date | None = None) -> NikInfo:
    """Return the parts of a NIK, or raise InvalidNik with a message for the citizen."""
    nik = (value or "").strip()
    if len(nik) != 16 or not nik.isdigit():
        raise InvalidNik(_("NIK harus terdiri dari 16 angka."))
    province, regency, district = int(nik[0:2]), int(nik[2:4]), int(nik[4:6])
    if province not in PROVINCE_CODES:
        raise InvalidNik(_("Kode provinsi pada NIK (2 angka pertama) tidak dikenal."))
    if regency == 0 or district == 0:
        raise InvalidNik(_("Kode kabupaten/kota dan kecamatan pada NIK tidak boleh 00."))
    day, month, year2 = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    is_female = day > 40
    if is_female:
        day -= 40
    today = today or date.today()
    century = 2000 if 2000 + year2 <= today.year else 1900
    try:
        birth_date = date(century + year2, month, day)
    except ValueError:
        raise InvalidNik(_("Tanggal lahir pada NIK (angka ke-7 sampai ke-12) tidak valid.")) from None
    if birth_date > today:
        raise InvalidNik(_("Tanggal lahir pada NIK berada di masa depan."))
    serial = int(nik[12:16])
    if serial == 0:
        raise InvalidNik(_("Nomor urut pada NIK (4 angka terakhir) tidak boleh 0000."))
    return NikInfo(province, regency, district, birth_date, is_female, serial)


def is_valid_nik(value: str) -> bool:
    try:
        parse_nik(value)
    except InvalidNik:
        return False
    return True

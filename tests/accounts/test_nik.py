"""The NIK's structure (accounts.nik.parse_nik) and Indonesian mobile numbers (accounts.phone)."""

from datetime import date

import pytest

from accounts.nik import InvalidNik, is_valid_nik, parse_nik
from accounts.phone import InvalidPhone, normalize_mobile

TODAY = date(2026, 1, 15)


def test_valid_male_nik_gives_its_parts():
    info = parse_nik("3574011205900001", today=TODAY)
    assert (info.province, info.regency, info.district) == (35, 74, 1)
    assert info.birth_date == date(1990, 5, 12)
    assert info.is_female is False
    assert info.serial == 1


def test_valid_female_nik_has_forty_added_to_the_day():
    info = parse_nik("3574015205900002", today=TODAY)
    assert info.birth_date == date(1990, 5, 12)
    assert info.is_female is True


def test_two_digit_year_not_after_this_year_is_this_century():
    assert parse_nik("3574010101100003", today=TODAY).birth_date == date(2010, 1, 1)
    assert parse_nik("3574010101300003", today=TODAY).birth_date == date(1930, 1, 1)


@pytest.mark.parametrize(
    ("nik", "message"),
    [
        ("357401120590001", "16 angka"),  # 15 digits
        ("35740112059000011", "16 angka"),  # 17 digits
        ("", "16 angka"),
        ("35740112059000A1", "16 angka"),  # a letter
        ("3574-11205900001", "16 angka"),
        ("9974011205900001", "provinsi"),  # 99 is no province
        ("1074011205900001", "provinsi"),
        ("3500011205900001", "kabupaten/kota"),  # regency 00
        ("3574003002900001", "kabupaten/kota"),  # district 00
        ("3574013002900001", "Tanggal lahir"),  # 30 February
        ("3574017002900001", "Tanggal lahir"),  # 30 February, woman (30 + 40)
        ("3574013213900001", "Tanggal lahir"),  # month 13
        ("3574013205900001", "Tanggal lahir"),  # day 32
        ("3574011506260001", "masa depan"),  # 15 June 2026, after "today"
        ("3574011205900000", "0000"),  # serial 0000
    ],
)
def test_invalid_nik_is_refused_with_a_reason(nik, message):
    with pytest.raises(InvalidNik, match=message):
        parse_nik(nik, today=TODAY)


def test_is_valid_nik_answers_yes_or_no():
    assert is_valid_nik("3574015205900002")
    assert not is_valid_nik("3574011205900000")
    assert not is_valid_nik("not a nik")


def test_surrounding_spaces_are_ignored():
    assert parse_nik(" 3574011205900001 ", today=TODAY).serial == 1


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("081234567890", "+6281234567890"),
        ("0812-3456-7890", "+6281234567890"),
        ("0812 3456 7890", "+6281234567890"),
        ("+6281234567890", "+6281234567890"),
        ("+62 812 3456 7890", "+6281234567890"),
        ("6281234567890", "+6281234567890"),
        ("0812345678", "+62812345678"),  # 10 digits: the shortest
        ("0812345678901", "+62812345678901"),  # 13 digits: the longest
    ],
)
def test_mobile_numbers_are_normalised_to_plus_62(typed, stored):
    assert normalize_mobile(typed) == stored


@pytest.mark.parametrize(
    "typed",
    ["", "081234567", "08123456789012", "0335421000", "+6221234567", "08123abc890", "+1 812 3456 7890"],
)
def test_other_numbers_are_refused(typed):
    with pytest.raises(InvalidPhone, match="08"):
        normalize_mobile(typed)

"""Indonesian mobile numbers: accept what people type (08..., +628..., 628...), store +628...

Mobile numbers have 10 to 13 digits in national form (0 8xx ...); the leading 0 becomes +62.
"""

import re

from django.utils.translation import gettext as _

_SEPARATORS = re.compile(r"[\s\-.()]")
_NATIONAL_MOBILE = re.compile(r"08\d{8,11}")


class InvalidPhone(ValueError):
    """Not an Indonesian mobile number; the message says what is expected, in Indonesian."""


def normalize_mobile(value: str) -> str:
    """Return the number as +628..., or raise InvalidPhone."""
    number = _SEPARATORS.sub("", value or "")
    if number.startswith("+62"):
        number = "0" + number[3:]
    elif number.startswith("62"):
        number = "0" + number[2:]
    if not _NATIONAL_MOBILE.fullmatch(number):
        raise InvalidPhone(
            _("Nomor HP harus nomor seluler Indonesia yang diawali 08 atau +628, 10 sampai 13 angka.")
        )
    return "+62" + number[1:]

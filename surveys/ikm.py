"""The IKM formula of PermenPANRB 14/2017, as plain functions (no database).

- NRR of an element = sum of its scores / number of respondents.
- IKM = mean of the nine NRR (each weighted exactly 1/9, not 0.111) x 25, from 25 to 100.
- The grade is read from the IKM rounded half-up to two decimals, the form in which it is
  published: 88.31-100.00 A "Sangat Baik", 76.61-88.30 B "Baik", 65.00-76.60 C "Kurang Baik",
  25.00-64.99 D "Tidak Baik". So 88.305 is shown as 88.31 and graded A, consistently.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.utils.translation import gettext_lazy as _

ELEMENT_COUNT = 9
SCALE_FACTOR = 25
TWO_PLACES = Decimal("0.01")


@dataclass(frozen=True)
class Grade:
    letter: str
    label: str
    minimum: Decimal


GRADES = (
    Grade("A", _("Sangat Baik"), Decimal("88.31")),
    Grade("B", _("Baik"), Decimal("76.61")),
    Grade("C", _("Kurang Baik"), Decimal("65.00")),
    Grade("D", _("Tidak Baik"), Decimal("25.00")),
)


def nrr(score_sum: int, respondents: int) -> Fraction:
    """Nilai rata-rata of one element."""
    if respondents <= 0:
        raise ValueError("no respondents")
    return Fraction(score_sum, respondents)


def ikm_exact(element_sums: Sequence[int], respondents: int) -> Fraction:
    """The exact IKM from the nine element sums and the number of respondents."""
    if len(element_sums) != ELEMENT_COUNT:
        raise ValueError("nine element sums expected")
    mean_nrr = sum((nrr(s, respondents) for s in element_sums), Fraction(0)) / ELEMENT_COUNT
    return mean_nrr * SCALE_FACTOR


def to_display(value: Fraction | Decimal) -> Decimal:
    """Two decimals, half-up: the published IKM."""
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    return Decimal(value).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def ikm(element_sums: Sequence[int], respondents: int) -> Decimal:
    return to_display(ikm_exact(element_sums, respondents))


def grade(value: Fraction | Decimal) -> Grade:
    shown = to_display(value)
    for candidate in GRADES:
        if shown >= candidate.minimum:
            return candidate
    return GRADES[-1]


def ikm_of_responses(responses: Sequence[Sequence[int]]) -> Decimal:
    """IKM of raw answer rows (nine scores each): the reference for tests."""
    sums = [sum(row[i] for row in responses) for i in range(ELEMENT_COUNT)]
    return ikm(sums, len(responses))

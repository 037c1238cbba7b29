"""The IKM formula (PermenPANRB 14/2017, DOMAIN.md) as a table of hand-computed cases, no database."""

from decimal import Decimal
from fractions import Fraction

import pytest

from surveys import ikm


def rows(*pattern):
    return [list(r) for r in pattern]


@pytest.mark.parametrize(
    ("responses", "expected", "letter", "label"),
    [
        # Everyone answers 4: NRR 4 everywhere, 4 x 25 = 100 (the exact 1/9 weight, not 0.111 -> 99.9).
        (rows([4] * 9, [4] * 9, [4] * 9), "100.00", "A", "Sangat Baik"),
        # Everyone answers 1: the floor of the scale.
        (rows([1] * 9), "25.00", "D", "Tidak Baik"),
        # All 3s: 75.00 -> C.
        (rows([3] * 9, [3] * 9), "75.00", "C", "Kurang Baik"),
        # Two respondents, one all 4, one all 3: NRR 3.5 -> 87.50 -> B.
        (rows([4] * 9, [3] * 9), "87.50", "B", "Baik"),
        # One respondent, eight 4s and one 3: (35 / 9) x 25 = 97.222... -> 97.22 A.
        (rows([4, 4, 4, 4, 4, 4, 4, 4, 3]), "97.22", "A", "Sangat Baik"),
        # Three respondents: sums per element 10,9,8,12,11,7,9,10,9 = 85; 85/27 x 25 = 78.7037 -> 78.70 B.
        (
            rows(
                [4, 3, 3, 4, 4, 2, 3, 4, 3],
                [3, 3, 2, 4, 4, 2, 3, 3, 3],
                [3, 3, 3, 4, 3, 3, 3, 3, 3],
            ),
            "78.70",
            "B",
            "Baik",
        ),
        # Four respondents with 2s and 3s: row totals 22+21+21+22 = 86 of 36 answers -> 86/36 x 25 = 59.72 D.
        (
            rows(
                [2, 3, 2, 3, 2, 3, 2, 3, 2],
                [2, 2, 2, 3, 3, 2, 2, 3, 2],
                [3, 2, 2, 2, 2, 3, 3, 2, 2],
                [2, 3, 3, 2, 2, 2, 3, 3, 2],
            ),
            "59.72",
            "D",
            "Tidak Baik",
        ),
    ],
)
def test_ikm_table(responses, expected, letter, label):
    value = ikm.ikm_of_responses(responses)
    assert value == Decimal(expected)
    grade = ikm.grade(value)
    assert (grade.letter, str(grade.label)) == (letter, label)


def test_exact_weight_not_rounded_0111():
    # With 0.111 as weight, all 4s would give 4 x 9 x 0.111 x 25 = 99.90; the exact 1/9 gives 100.
    assert ikm.ikm_exact([40] * 9, 10) == Fraction(100)


@pytest.mark.parametrize(
    ("value", "letter"),
    [
        ("100.00", "A"),
        ("88.31", "A"),
        ("88.30", "B"),
        ("76.61", "B"),
        ("76.60", "C"),
        ("65.00", "C"),
        ("64.99", "D"),
        ("25.00", "D"),
        # Graded as published (two decimals, half-up): 88.305 shows as 88.31 and is an A.
        ("88.305", "A"),
        ("88.3049", "B"),
        ("64.995", "C"),
    ],
)
def test_grade_bounds(value, letter):
    assert ikm.grade(Decimal(value)).letter == letter


def test_nrr_and_errors():
    assert ikm.nrr(7, 2) == Fraction(7, 2)
    with pytest.raises(ValueError):
        ikm.nrr(3, 0)
    with pytest.raises(ValueError):
        ikm.ikm_exact([1] * 8, 1)

"""The one GB 11643 check character, against the standard's own formula."""

from __future__ import annotations

import random

import pytest

from devices.idcard.card import id_check_digit
from gbcodes.gb11643 import WEIGHTS, check_char
from intake.errors import InvalidIdNumber
from intake.identity import resident_id_check_digit


def _by_the_formula(first17: str) -> str:
    # ISO 7064 MOD 11-2 as written in GB 11643 §8.2: weights 2^(18-i) mod 11,
    # check value a1 with (sum + a1) ≡ 1 (mod 11); 10 is written X
    total = sum(int(d) * pow(2, 17 - i, 11) for i, d in enumerate(first17))
    value = (12 - total % 11) % 11
    return "X" if value == 10 else str(value)


def test_weights_are_the_standards() -> None:
    assert tuple(pow(2, 17 - i, 11) for i in range(17)) == WEIGHTS


def test_published_examples() -> None:
    assert check_char("11010519491231002") == "X"  # GB 11643-1999 annex example
    assert check_char("44052418800101001") == "4"


def test_domain_and_driver_use_the_same_check() -> None:
    rng = random.Random(11643)
    for _ in range(2000):
        first17 = "".join(rng.choice("0123456789") for _ in range(17))
        expected = _by_the_formula(first17)
        assert check_char(first17) == expected
        assert resident_id_check_digit(first17) == expected
        assert id_check_digit(first17) == expected


@pytest.mark.parametrize("bad", ["", "1101051949123100", "110105194912310021", "1101051949123100A",
                                 "１１０１０５１９４９１２３１００２"])
def test_anything_but_17_ascii_digits_is_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        check_char(bad)
    with pytest.raises(ValueError):
        id_check_digit(bad)
    with pytest.raises(InvalidIdNumber):
        resident_id_check_digit(bad)

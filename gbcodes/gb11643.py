"""GB 11643-1999 citizen identity numbers: the ISO 7064 MOD 11-2 check character."""

from __future__ import annotations

__all__ = ["CHECK_CHARS", "WEIGHTS", "check_char"]

#: weight of each of the first 17 digits (2^(18-i) mod 11)
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
#: index = weighted sum mod 11; value = the check character
CHECK_CHARS = "10X98765432"


def check_char(first17: str) -> str:
    """The check character for 17 ASCII digits; ValueError for anything else."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError("need exactly 17 ASCII digits")
    total = sum(int(ch) * w for ch, w in zip(first17, WEIGHTS, strict=True))
    return CHECK_CHARS[total % 11]

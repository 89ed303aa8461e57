"""Enrollment codes: what a technician types by hand at a new station.

Issued codes carry 80 random bits as 16 Crockford base32 characters in groups of four
(``7K3M-Q9XD-2B4T-HV8W``). Comparison ignores dashes, spaces and letter case, and reads
the look-alikes as Crockford does (I, L → 1; O → 0), so a code typed from paper works.
"""

from __future__ import annotations

import secrets

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_CHARS = 16  # 16 x 5 bits = 80 bits
GROUP = 4
_LOOKALIKES = str.maketrans({"I": "1", "L": "1", "O": "0"})


def new_code() -> str:
    """A fresh code: 80 random bits, grouped by four with dashes."""
    chars = "".join(secrets.choice(CROCKFORD) for _ in range(CODE_CHARS))
    return "-".join(chars[i : i + GROUP] for i in range(0, CODE_CHARS, GROUP))


def normalize_code(code: str) -> str:
    """The form codes are compared (and hashed) in."""
    kept = "".join(ch for ch in code if ch not in "- \t")
    return kept.upper().translate(_LOOKALIKES)
